"""Typed values out of parsed TOML, with every problem recorded instead of raised.

:class:`ValueReader` is shared by the event-file loader and by :class:`venue_ready.SettingsReader`
(the plugins' settings toolkit), so an organiser reads the same words for the same mistake
wherever it is made.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from datetime import date, datetime, time, tzinfo
from typing import Any, TypeVar

from ._dates import get_zone, parse_instant, to_instant
from ._errors import Problem
from ._model import DEFAULT_TIMEZONE

__all__ = [
    "MAX_COUNT",
    "MAX_TEXT_LENGTH",
    "MAX_WEIGHT",
    "Path",
    "ValueReader",
    "shorten",
    "suggest",
]

Path = tuple[str | int, ...]

_T = TypeVar("_T")

#: Dates outside these years are refused (see ValueReader.instant).
MIN_YEAR = 1900
MAX_YEAR = 2200

#: The largest whole number a count may be, in an event file and in a plugin's settings (a
#: congress of the whole country is ~10^7 people); also the default ``high`` of a settings
#: number or integer. Larger numbers overflow a plugin's float arithmetic (#11).
MAX_COUNT = 100_000_000

#: The largest weight of an area or an item: weights near 1e308 overflow the score's sum.
MAX_WEIGHT = 1_000_000.0

#: The longest text an event file or a settings table may hold in one string, in characters
#: (a 256k-character title made a plugin's title check take seconds).
MAX_TEXT_LENGTH = 10_000


def shorten(value: object, limit: int = 40) -> str:
    """A value quoted back in a message, cut short when it is huge (a 400-digit number)."""
    try:
        text = str(value)
    except ValueError:  # an int (or a list holding one) past Python's int-to-str digit limit
        return f"<{_type_name(value)}>"
    return text if len(text) <= limit else text[: limit - 1] + "…"


def suggest(word: str, candidates: Iterable[str]) -> str | None:
    """The candidate closest to ``word`` (for "did you mean"), or None."""
    import difflib

    close = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.6)
    return close[0] if close else None


#: What a wrong value is called in problems, by its type; the first that fits wins, so a
#: boolean is not called a number, nor a datetime a date.
_TYPE_NAMES: tuple[tuple[type | tuple[type, ...], str], ...] = (
    (bool, "boolean"),
    ((int, float), "number"),
    (str, "string"),
    (datetime, "datetime"),
    (date, "date"),
    (time, "time"),
    (list, "array"),
    (dict, "table"),
)


def _type_name(value: object) -> str:
    for kind, name in _TYPE_NAMES:
        if isinstance(value, kind):
            return name
    return type(value).__name__


class ValueReader:
    """Reads typed values at key paths, appending a :class:`Problem` for each wrong one.

    Each getter returns None (or an empty value) when the key is absent or its value is wrong;
    ``problems`` then says why. ``number`` and ``instant`` read an array's element too: a table
    of the array by index, and the index as the key (the problem then points at ``key[i]``).
    ``source`` names the file in problems (None: no file).
    """

    def __init__(self, source: str | None = None, tz: tzinfo | None = None) -> None:
        self.source = source
        self.problems: list[Problem] = []
        self.tz: tzinfo = tz if tz is not None else get_zone(DEFAULT_TIMEZONE)

    # -- reporting ------------------------------------------------------------------------------

    def problem(self, path: Path, message_id: str, **params: Any) -> None:
        self.problems.append(Problem.of(path, message_id, file=self.source, **params))

    def wrong_type(self, path: Path, value: object, expected: str) -> None:
        self.problem(path, "load.wrong-type", got=_type_name(value), expected=expected)

    def check_keys(
        self,
        table: Mapping[str, Any],
        path: Path,
        known: tuple[str, ...],
        required: tuple[str, ...],
    ) -> None:
        for key in table:
            if not isinstance(key, str):  # a table built in code may have any keys
                self.problem(path, "load.unknown-key", key=repr(key), known=", ".join(known))
                continue
            if key not in known:
                hint = suggest(key, known)
                if hint:
                    self.problem((*path, key), "load.unknown-key-hint", key=key, hint=hint)
                else:
                    self.problem((*path, key), "load.unknown-key", key=key, known=", ".join(known))
        for key in required:
            # None (a table built in code; TOML has no null) is as good as missing
            if table.get(key) is None:
                self.problem((*path, key), "load.missing-key", key=key)

    # -- typed getters: each returns None (and records a problem) when the value is wrong --------

    def typed(
        self,
        table: Mapping[Any, Any],
        key: str | int,
        path: Path,
        kind: type[_T] | tuple[type[_T], ...],
        expected: str,
    ) -> _T | None:
        """``table[key]`` when it is a ``kind``; None when it is absent, or wrong (then with a
        problem saying it is not the ``expected`` type). A boolean is never a number: TOML
        keeps them apart, and ``True`` would pass for 1."""
        value = table.get(key)
        if value is None:
            return None
        if isinstance(value, kind) and (kind is bool or not isinstance(value, bool)):
            return value
        self.wrong_type((*path, key), value, expected)
        return None

    def table(self, value: object, path: Path) -> dict[str, Any] | None:
        if isinstance(value, dict):
            return value
        self.wrong_type(path, value, "table")
        return None

    def text(self, table: Mapping[str, Any], key: str, path: Path) -> str | None:
        value = self.typed(table, key, path, str, "string")
        if value is None:
            return None
        if not value.strip():
            self.problem((*path, key), "load.empty-string")
            return None
        return value if self.text_limit(value, (*path, key)) else None

    def text_limit(self, value: str, path: Path) -> bool:
        """True when ``value`` is no longer than :data:`MAX_TEXT_LENGTH`; else a problem at
        ``path``. A check of the value alone: the loader's getters and the checks of an event
        built in code (``validate``) share it."""
        if len(value) > MAX_TEXT_LENGTH:
            self.too_long(path, value)
            return False
        return True

    def too_long(self, path: Path, value: str) -> None:
        """Record that ``value`` is longer than :data:`MAX_TEXT_LENGTH`."""
        self.problem(path, "load.too-long", length=len(value), limit=MAX_TEXT_LENGTH)

    def number(
        self, table: Mapping[Any, Any], key: str | int, path: Path, low: float, high: float | None
    ) -> float | None:
        value = self.typed(table, key, path, (int, float), "number")
        if value is None:
            return None
        return self.number_limit(value, (*path, key), low, high)

    def number_limit(
        self, value: float, path: Path, low: float, high: float | None
    ) -> float | None:
        """``value`` as a float when it is finite and within ``low``..``high`` (None: no upper
        bound); else None, with a problem at ``path``. Shared as :meth:`text_limit` is."""
        try:
            number = float(value)  # an int of 400 digits is valid TOML but no float
        except OverflowError:
            number = math.inf
        if not math.isfinite(number):  # TOML allows inf and nan; a score cannot use them
            self.problem(path, "load.not-finite", value=shorten(value))
            return None
        if not (value >= low and (high is None or value <= high)):  # NaN fails both
            if high is None:
                self.problem(path, "load.below-min", value=value, low=low)
            else:
                self.problem(path, "load.out-of-range", value=value, low=low, high=high)
            return None
        return number

    def integer(
        self, table: Mapping[str, Any], key: str, path: Path, low: int, high: int | None = None
    ) -> int | None:
        value = self.typed(table, key, path, int, "integer")
        if value is None:
            return None
        return self.integer_limit(value, (*path, key), low, high)

    def integer_limit(self, value: int, path: Path, low: int, high: int | None) -> int | None:
        """``value`` when it is within ``low``..``high`` (None: no upper bound); else None, with
        a problem at ``path``. Shared as :meth:`text_limit` is."""
        if value < low:
            self.problem(path, "load.below-min", value=shorten(value), low=low)
            return None
        if high is not None and value > high:
            self.problem(path, "load.out-of-range", value=shorten(value), low=low, high=high)
            return None
        return value

    def boolean(self, table: Mapping[str, Any], key: str, path: Path) -> bool | None:
        return self.typed(table, key, path, bool, "boolean")

    def choice(
        self, table: Mapping[str, Any], key: str, path: Path, choices: Mapping[str, Any]
    ) -> Any:
        value = self.typed(table, key, path, str, "string")
        if value is None:
            return None
        if value not in choices:
            hint = suggest(value, choices)
            self.problem(
                (*path, key),
                "load.bad-choice-hint" if hint else "load.bad-choice",
                value=value,
                hint=hint or "",
                choices=", ".join(choices),
            )
            return None
        return choices[value]

    def instant(
        self, table: Mapping[Any, Any], key: str | int, path: Path, *, bare_date: str = "end"
    ) -> datetime | None:
        value = table.get(key)
        if value is None:
            return None
        if isinstance(value, date):  # datetime is a date too
            moment = to_instant(value, self.tz, bare_date=bare_date)
        elif isinstance(value, str):
            try:
                moment = parse_instant(value, self.tz, bare_date=bare_date)
            except ValueError:
                self.problem((*path, key), "load.bad-date", value=value)
                return None
        else:
            moment = None
        if moment is not None:
            return moment if self.year_limit(moment, (*path, key)) else None
        self.wrong_type((*path, key), value, "date")
        return None

    def years_limit(self, years: Iterable[int], path: Path) -> bool:
        """True when every one of ``years`` (a term's) is within :data:`MIN_YEAR`..
        :data:`MAX_YEAR`; else one problem at ``path``."""
        if all(MIN_YEAR <= year <= MAX_YEAR for year in years):
            return True
        self.problem(path, "load.date-out-of-range", low=MIN_YEAR, high=MAX_YEAR)
        return False

    def year_limit(self, moment: date, path: Path) -> bool:
        """True when ``moment``'s year is within :data:`MIN_YEAR`..:data:`MAX_YEAR`; else a
        problem at ``path``. Shared as :meth:`text_limit` is."""
        # Year 1 and year 9999 are valid TOML, but arithmetic on them (a lead time, a time
        # zone) overflows; no event is planned that far away.
        if not MIN_YEAR <= moment.year <= MAX_YEAR:
            self.problem(path, "load.date-out-of-range", low=MIN_YEAR, high=MAX_YEAR)
            return False
        return True

    def version(self, table: Mapping[str, Any], path: Path) -> str | None:
        value = table.get("version")
        if isinstance(value, int) and not isinstance(value, bool):
            return str(value)  # version = 3 and version = "3" mean the same
        return self.text(table, "version", path)

    def strings(self, table: Mapping[str, Any], key: str, path: Path) -> tuple[str, ...]:
        value = table.get(key)
        if value is None:
            return ()
        if isinstance(value, str):
            return (value,) if self.text_limit(value, (*path, key)) else ()
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return tuple(value) if self.texts_limit(value, (*path, key)) else ()
        self.wrong_type((*path, key), value, "strings")
        return ()

    def texts_limit(self, values: Iterable[str], path: Path) -> bool:
        """True when every one of ``values`` passes :meth:`text_limit`; else a problem at each
        long one's ``path[i]``."""
        results = [self.text_limit(v, (*path, i)) for i, v in enumerate(values)]
        return all(results)
