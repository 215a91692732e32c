"""Reading an area plugin's ``settings`` table: typed values, defaults, and problems, not raises.

A plugin's settings validator and its assess hook both read the same table; with
:class:`SettingsReader` they can share one parse function::

    from venue_ready import SettingsReader

    def parse(settings, event):
        r = SettingsReader(settings, event)
        r.known("window_hours", "sprayings")
        window = r.number("window_hours", 24.0, low=1.0)
        sprayings = [(s.text("zone", required=True), s.instant("at", required=True))
                     for s in r.tables("sprayings")]
        return Config(window, sprayings), r.problems

    def validate(settings, event):          # AreaSpec(validate_settings=validate)
        return parse(settings, event)[1]

Problems carry key paths relative to the settings table (``sprayings[2].at``); the loader adds
the file and ``areas.KEY.settings`` in front. Their messages come from the core catalog, so
they read like every other problem in the file, in both languages.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Any, TypeVar

from ._dates import get_zone
from ._values import MAX_COUNT, Path, ValueReader

if TYPE_CHECKING:
    from ._errors import Problem
    from ._model import Event

__all__ = ["SettingsReader"]

_T = TypeVar("_T")
_V = TypeVar("_V")
_D = TypeVar("_D")


def _bound(high: float | None) -> Any:
    """``high``, or :data:`MAX_COUNT` when a plugin gives none: every number has a bound."""
    return MAX_COUNT if high is None else high


class SettingsReader:
    """Typed access to one settings table (or a table inside it), collecting problems.

    :param settings: the table, e.g. ``area.settings``.
    :param event: the event, for its time zone (naive datetimes and bare dates are read in
        it); may be None, as a validator's ``event`` argument may be.

    Every getter returns its ``default`` when the key is absent, and also when the value is
    wrong, after recording a :class:`Problem`; ``required=True`` records a problem for an absent
    key too. :attr:`problems` is shared by a reader and the readers of its sub-tables.
    """

    def __init__(
        self,
        settings: Mapping[str, Any],
        event: Event | None = None,
        *,
        _path: Path = (),
        _values: ValueReader | None = None,
    ) -> None:
        if _values is None:
            _values = ValueReader(None, get_zone(event.timezone) if event is not None else None)
        self._values = _values
        self._path = _path
        self._event = event
        self._is_table = isinstance(settings, Mapping)
        if isinstance(settings, Mapping):
            self._table: Mapping[str, Any] = settings
        else:
            _values.wrong_type(_path, settings, "table")
            self._table = {}

    @property
    def problems(self) -> list[Problem]:
        """Every problem found so far, by this reader and its sub-readers."""
        return self._values.problems

    @property
    def event(self) -> Event | None:
        """The event the table belongs to (None when a validator is called without one)."""
        return self._event

    @property
    def path(self) -> Path:
        """Where this table is, relative to the settings table (``()`` for the table itself)."""
        return self._path

    def __contains__(self, key: str) -> bool:
        return key in self._table

    def problem(self, key: str | int | None, message_id: str, /, **params: Any) -> None:
        """Record a problem at ``key`` (a key, an array index, or None for the table itself),
        with a message of the plugin's catalog or the core's."""
        where = self._path if key is None else (*self._path, key)
        self._values.problem(where, message_id, **params)

    def known(self, *keys: str) -> None:
        """Record every key of the table that is not one of ``keys`` ("did you mean" included)."""
        self._values.check_keys(self._table, self._path, keys, ())

    def _read(
        self,
        key: str,
        default: _D,
        required: bool,
        getter: Callable[..., _V | None],
        *args: Any,
        **kwargs: Any,
    ) -> _V | _D:
        """``getter(table, key, path, *args, **kwargs)``, the value reader's; ``default`` where
        it finds nothing (the key absent, or wrong: a problem then says so)."""
        self._required(key, required)
        found = getter(self._table, key, self._path, *args, **kwargs)
        return default if found is None else found

    def _required(self, key: str, required: bool) -> None:
        if required and key not in self._table:
            self._values.problem((*self._path, key), "load.missing-key", key=key)

    def text(self, key: str, default: str | None = None, *, required: bool = False) -> str | None:
        """A non-empty string."""
        return self._read(key, default, required, self._values.text)

    def number(
        self,
        key: str,
        default: _D,
        *,
        low: float = 0.0,
        high: float | None = None,
        required: bool = False,
    ) -> float | _D:
        """A finite number within ``low``..``high`` (``default`` may be None); ``high`` is
        100,000,000 when not given, as larger numbers overflow arithmetic on them."""
        return self._read(key, default, required, self._values.number, low, _bound(high))

    def integer(
        self,
        key: str,
        default: _D,
        *,
        low: int = 0,
        high: int | None = None,
        required: bool = False,
    ) -> int | _D:
        """A whole number within ``low``..``high`` (``default`` may be None). ``high`` is
        100,000,000 when not given (a 300-digit count overflows a plugin's arithmetic);
        give lead times a smaller one: date arithmetic on a lead of a million days overflows."""
        return self._read(key, default, required, self._values.integer, low, _bound(high))

    def boolean(self, key: str, default: bool, *, required: bool = False) -> bool:
        """``true`` or ``false``."""
        return self._read(key, default, required, self._values.boolean)

    def instant(
        self,
        key: str,
        default: datetime | None = None,
        *,
        required: bool = False,
        bare_date: str = "end",
    ) -> datetime | None:
        """A timezone-aware moment. A bare date is the end of that day (a deadline), or its
        start with ``bare_date="start"`` (a record of something that happened that day)."""
        return self._read(key, default, required, self._values.instant, bare_date=bare_date)

    def choice(
        self, key: str, choices: Mapping[str, _T] | Iterable[str], default: _T | str
    ) -> _T | str:
        """One of ``choices`` (a mapping from the written value to the result, or plain names)."""
        table = choices if isinstance(choices, Mapping) else {c: c for c in choices}
        found = self._values.choice(self._table, key, self._path, table)
        return default if found is None else found

    def strings(
        self, key: str, default: tuple[str, ...] = (), *, required: bool = False
    ) -> tuple[str, ...]:
        """A string or an array of strings, as a tuple. A blank entry is a problem at that
        entry (``teams[1]``; the key itself for a single string), and is left out."""
        self._required(key, required)
        if key not in self._table:
            return default
        values = self._values.strings(self._table, key, self._path)
        blank = [i for i, v in enumerate(values) if not v.strip()]
        for i in blank:
            at = (key,) if isinstance(self._table[key], str) else (key, i)
            self._values.problem((*self._path, *at), "load.empty-string")
        return tuple(v for v in values if v.strip()) if blank else values

    def numbers(
        self,
        key: str,
        default: tuple[float, ...] = (),
        *,
        low: float = 0.0,
        high: float | None = None,
        required: bool = False,
    ) -> tuple[float, ...]:
        """An array of finite numbers within ``low``..``high`` (100,000,000 when not
        given), as a tuple. A wrong element is a problem at that element (``thresholds[2]``),
        and is left out."""
        return self._each(key, default, required, self._values.number, low, _bound(high))

    def instants(
        self,
        key: str,
        default: tuple[datetime, ...] = (),
        *,
        required: bool = False,
        bare_date: str = "end",
    ) -> tuple[datetime, ...]:
        """An array of dates or datetimes, as a tuple of timezone-aware moments (a bare date as
        :meth:`instant` reads it). A wrong element is a problem at that element
        (``rest_days[2]``), and is left out."""
        return self._each(key, default, required, self._values.instant, bare_date=bare_date)

    def _each(
        self,
        key: str,
        default: tuple[_V, ...],
        required: bool,
        getter: Callable[..., _V | None],
        *args: Any,
        **kwargs: Any,
    ) -> tuple[_V, ...]:
        """The array ``key`` read element by element with the value reader's ``getter`` (as
        :meth:`_read` reads one value), so that a problem points at ``key[i]``; a wrong element
        is left out. ``default`` when the array is absent, or not an array (a problem says so)."""
        self._required(key, required)
        value = self._values.typed(self._table, key, self._path, list, "array")
        if value is None:
            return default
        elements, path = dict(enumerate(value)), (*self._path, key)
        read = (getter(elements, i, path, *args, **kwargs) for i in elements)
        return tuple(v for v in read if v is not None)

    def one_of(
        self,
        key: str,
        choices: Iterable[str],
        default: _D = None,  # type: ignore[assignment]
        *,
        required: bool = False,
    ) -> str | _D:
        """A string that must be one of ``choices`` (a venue's entrance ids, say); anything else
        is a problem that lists them, with "did you mean" when one is close."""
        self._required(key, required)
        found = self._values.choice(self._table, key, self._path, {c: c for c in choices})
        return default if found is None else str(found)

    def unique(self, readers: Iterable[SettingsReader], key: str = "id") -> list[str | None]:
        """The ``key`` text of each reader (an array of tables' entries), recording a problem
        for each value already used by an earlier entry; None where it is missing or repeated."""
        seen: dict[str, Path] = {}
        out: list[str | None] = []
        for reader in readers:
            value = reader.text(key, required=True)
            if value is not None and value in seen:
                from ._errors import format_path

                reader.problem(key, "load.duplicate-id", id=value, first=format_path(seen[value]))
                value = None
            elif value is not None:
                seen[value] = reader.path
            out.append(value)
        return out

    def table(self, key: str) -> SettingsReader:
        """A reader for the sub-table ``key`` (an empty one when it is absent)."""
        value = self._table.get(key, {})
        return SettingsReader(value, self._event, _path=(*self._path, key), _values=self._values)

    @property
    def is_table(self) -> bool:
        """False when the value this reader was made for is not a table (a problem says so)."""
        return self._is_table

    def tables(self, key: str) -> list[SettingsReader]:
        """Readers for each table of the array of tables ``key`` (``[[...key]]``)."""
        value = self._table.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            self._values.wrong_type((*self._path, key), value, "tables")
            return []
        return [
            SettingsReader(entry, self._event, _path=(*self._path, key, i), _values=self._values)
            for i, entry in enumerate(value)
        ]

    def raw(self, key: str, default: Any = None) -> Any:
        """The value as parsed, unchecked (for a plugin's own checks)."""
        return self._table.get(key, default)
