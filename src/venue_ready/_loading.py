"""Event files (TOML, ``schema = 1``) into the model.

The loader reads the whole file before it gives up, so a user sees every problem at once: each
one names the file, the key path and what was expected. Nothing is built until the file is
clean; then the area plugins' settings validators have their say, and the problems they report
are raised the same way.

The format is documented in ``docs/event-file.md``.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Any, TypeVar

import attrs
import tomli
from attrs import evolve

from ._dates import get_zone, suggest_zone, to_instant
from ._errors import LoadError, Problem, format_path
from ._i18n import Message, os_error
from ._kinds import FORMS, ORGANISERS, builtin_kind
from ._model import (
    DEFAULT_TIMEZONE,
    LANGUAGES,
    AreaPlan,
    Attendance,
    Entrance,
    Event,
    Item,
    Phase,
    SignOff,
    Status,
    Venue,
    Waiver,
    Zone,
)
from ._validation import EventChecks, _remember
from ._values import (
    MAX_COUNT,
    MAX_WEIGHT,
    Path,
    shorten,
)

if TYPE_CHECKING:
    from ._plugins import PluginManager

__all__ = ["SCHEMA_VERSION", "load", "loads"]

#: The event-file schema this version reads.
SCHEMA_VERSION = 1

_TOP_KEYS = ("schema", "event", "venue", "areas")
_EVENT_KEYS = (
    "id",
    "name",
    "kind",
    "level",
    "ordinal",
    "term",
    "starts",
    "ends",
    "timezone",
    "lang",
    "expected_delegates",
    "parent",
    "held_at",
    "delegates_elected",
    "form",
    "organiser",
    "attendance",
)
_ATTENDANCE_KEYS = ("participants", "guests", "staff", "at_once")
_VENUE_KEYS = ("name", "address", "capacity", "zones", "entrances")
_PLACE_KEYS = ("id", "name")
_AREA_KEYS = ("weight", "threshold", "settings", "items")
_ITEM_KEYS = (
    "id",
    "title",
    "owner",
    "due",
    "phase",
    "status",
    "progress",
    "weight",
    "gate",
    "requires_signoff",
    "signed_off",
    "version",
    "waiver",
    "notes",
    "evidence",
)
_ITEM_KEYSET = frozenset(_ITEM_KEYS)
_SIGNOFF_KEYS = ("by", "at", "version")
_WAIVER_KEYS = ("reason", "approved_by")
_PHASES = {p.value: p for p in Phase}
_STATUSES = {s.value: s for s in Status}

#: The largest event file read, in bytes (the largest real one is a few hundred kilobytes).
MAX_FILE_BYTES = 10_000_000
_Place = TypeVar("_Place", Zone, Entrance)


def load(path: str | os.PathLike[str], *, plugins: PluginManager | None = None) -> Event:
    """Load an event file.

    ``plugins`` is the plugin manager whose areas and settings validators apply; by default the
    installed plugins (see :func:`venue_ready.get_plugin_manager`). Raises :class:`LoadError`
    with every problem found, and ``OSError`` only through the LoadError too: a missing or
    unreadable file is a problem like any other.
    """
    name = os.fspath(path)
    raw = read_event_bytes(name)
    try:
        # Notepad used to start UTF-8 files with a byte-order mark. (Stripped by hand: the
        # utf-8-sig codec is a module of its own to import, 2 ms of every start.)
        text = raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        raise LoadError([Problem.of((), "load.not-utf8", file=name, offset=exc.start)]) from None
    return loads(text, source=name, plugins=plugins)


def read_event_bytes(name: str) -> bytes:
    """The bytes of the event file ``name``, which must be a regular file of at most
    :data:`MAX_FILE_BYTES`; raises :class:`LoadError` (``load.unreadable``, ``load.not-a-file``,
    ``load.too-big``) otherwise.

    A named pipe would block the read forever and ``/dev/zero`` would fill the memory (#11), so
    the file is opened without waiting for a writer and looked at before a byte is read.
    """
    import stat

    def refuse(message_id: str, **params: Any) -> LoadError:
        return LoadError([Problem.of((), message_id, file=name, **params)])

    try:
        fd = os.open(name, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise refuse("load.unreadable", error=os_error(exc)) from None
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        if stat.S_ISDIR(mode):  # said as open() says it everywhere else
            raise refuse("load.unreadable", error=os_error(IsADirectoryError(errno.EISDIR, "")))
        raise refuse("load.not-a-file")
    with os.fdopen(fd, "rb") as fh:
        try:
            raw = fh.read(MAX_FILE_BYTES + 1)  # + 1: a file that grows while it is read
        except OSError as exc:
            raise refuse("load.unreadable", error=os_error(exc)) from None
    if len(raw) > MAX_FILE_BYTES:
        raise refuse("load.too-big", limit=MAX_FILE_BYTES // 1_000_000)
    return raw


def loads(text: str, *, source: str = "<string>", plugins: PluginManager | None = None) -> Event:
    """Load an event from TOML text; ``source`` names it in problems. See :func:`load`."""
    try:
        data = tomli.loads(text)
    except tomli.TOMLDecodeError as exc:
        raise LoadError([_syntax_problem(exc, source, text)]) from None
    except ValueError as exc:  # e.g. an integer longer than Python's int-to-str digit limit
        raise LoadError(
            [Problem.of((), "load.syntax-noline", file=source, error=str(exc))]
        ) from None
    except RecursionError:  # arrays or tables nested hundreds deep: tomli recurses per level
        raise LoadError([Problem.of((), "load.too-deep", file=source)]) from None
    try:
        # tomli never writes None (TOML has no null): nothing for from_dict to leave out
        return _from_data(data, source, plugins, parsed=True)
    except LoadError as error:
        raise _located(error, text) from None


def from_dict(
    data: Mapping[str, Any], *, source: str = "<data>", plugins: PluginManager | None = None
) -> Event:
    """Build an Event from already-parsed TOML data (a dict as ``tomli.loads`` returns it).

    TOML has no null: a key whose value is ``None`` in data built in code counts as absent (a
    required one is reported missing).
    """
    return _from_data(data, source, plugins, parsed=False)


def _from_data(
    data: Mapping[str, Any], source: str, plugins: PluginManager | None, *, parsed: bool
) -> Event:
    """:func:`from_dict`; ``parsed``: ``data`` is ``tomli.loads``' own result, which holds no
    None to leave out (walking it to find none cost a tenth of the loading, #16)."""
    if plugins is None:
        from ._plugins import default_plugin_manager

        plugins = default_plugin_manager()
    failed_before = len(plugins.failures)
    reader = _Reader(source, plugins)
    event = reader.read(data if parsed else _without_none(data))
    if reader.problems or event is None:
        raw = data.get("event")
        error = reader.error(raw.get("lang") if isinstance(raw, dict) else None)
        raise _labelled(error, data) from None
    # valid: assess need not check it again (with this very manager only, if a validator failed)
    _remember(event, plugins, failed=len(plugins.failures) > failed_before)
    return event


def _without_none(value: Any) -> Any:
    """``value`` with every table key whose value is None left out, at every depth."""
    if isinstance(value, Mapping):
        return {k: _without_none(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_without_none(v) for v in value]
    return value


def _syntax_problem(exc: tomli.TOMLDecodeError, source: str, text: str = "") -> Problem:
    # tomli >= 2.1 exposes the position; older ones only put it in the message.
    msg = getattr(exc, "msg", None) or str(exc)
    line = getattr(exc, "lineno", None)
    col = getattr(exc, "colno", None)
    if line is None:
        return Problem.of((), "load.syntax-noline", file=source, error=msg)
    lines = text.split("\n")
    source_line = lines[line - 1].rstrip("\r") if 0 < line <= len(lines) else None
    return Problem(
        (),
        Message("load.syntax", {"error": _toml_message(msg), "line": line, "column": col}),
        source,
        line=line,
        column=col,
        source_line=source_line,
    )


#: tomli's messages (its words, in English) and the catalog's message saying each in the
#: reader's language; a group of the pattern is the message's ``value``. A message tomli
#: adds later is shown as it is.
_TOML_MESSAGES = (
    (r"Invalid value", "toml.invalid-value"),
    (r"Invalid date or datetime", "toml.invalid-date"),
    (r"Expected '=' after a key in a key/value pair", "toml.expected-equals"),
    (r"Invalid statement", "toml.invalid-statement"),
    (r"Unclosed array", "toml.unclosed-array"),
    (r"Unclosed inline table", "toml.unclosed-inline-table"),
    (r"Unterminated string", "toml.unterminated-string"),
    (r"Cannot overwrite a value", "toml.overwrite"),
    (r"Cannot declare (.+) twice", "toml.declared-twice"),
    (r"Cannot (?:mutate immutable|redefine) namespace (.+)", "toml.redefined"),
    (r"Duplicate inline table key (.+)", "toml.duplicate-key"),
    (r"Expected newline or end of document after a statement", "toml.expected-newline"),
    (r"Expected '\]' at the end of a table declaration", "toml.expected-bracket"),
    (r"Expected '\]\]' at the end of an array declaration", "toml.expected-brackets"),
    (r"Invalid initial character for a key part", "toml.invalid-key"),
    (r"(?:Illegal|Found invalid) character (.+)", "toml.illegal-character"),
    (r"Unescaped '\\' in a string", "toml.unescaped-backslash"),
    (r"Invalid hex value|Escaped character is not a Unicode scalar value", "toml.bad-escape"),
    (r"Expected (.+)", "toml.expected"),
)


def _toml_message(msg: str) -> Message | str:
    """tomli's ``msg`` as a message of the catalog, or as it is when none says it."""
    import re

    for pattern, message_id in _TOML_MESSAGES:
        found = re.fullmatch(pattern, msg)
        if found:
            value = found.group(1).strip("'\"") if found.groups() else ""
            if message_id == "toml.illegal-character" and value in ("\\n", "\\r"):
                return Message("toml.unterminated-string", {"value": ""})  # a line break in it
            return Message(message_id, {"value": value})
    return msg


#: Problems marked under the key rather than the value.
_AT_KEY = frozenset(
    {
        "load.unknown-key",
        "load.unknown-key-hint",
        "load.missing-key",
        "load.unknown-area",
        "load.unknown-area-hint",
        "load.blocked-area",
        "load.unknown-area-blocked",
        "load.duplicate-area",
    }
)


def _labelled(error: LoadError, data: Mapping[str, Any]) -> LoadError:
    """``error`` as a reader needs it: each problem's path labelled with the ids of the
    array's tables it passes (``items[plan]``, not ``items[0]``), and no "missing required key
    'starts'" after "unknown key 'start' (did you mean 'starts'?)". Only on the error path."""
    hinted = {
        (p.path[:-1], p.message.params.get("hint"))
        for p in error.problems
        if p.message.id == "load.unknown-key-hint" and p.path
    }
    problems = []
    entries: dict[str, Path] | None = None  # walked once, for the first repeated id
    for problem in error.problems:
        path, message = problem.path, problem.message
        if message.id == "load.missing-key" and path and (path[:-1], path[-1]) in hinted:
            continue
        first = message.params.get("first")
        where = None
        if isinstance(first, str):
            entries = _entry_paths(data) if entries is None else entries
            where = entries.get(first)
        located = None
        if where is not None:
            # a repeated id: both places by their position, as the id names either of them
            located = {"first": path_label(where, data, by_position=True)}
        label = path_label(path, data, by_position=where is not None)
        problems.append(evolve(problem, label=label, located_params=located))
    return LoadError(problems, error.catalogs, error.lang)


def _entry_paths(data: object, path: Path = ()) -> dict[str, Path]:
    """Every array entry's key path in ``data``, by its text (``areas.general.items[0]``)."""
    out: dict[str, Path] = {}
    if isinstance(data, dict):
        for key, value in data.items():
            out.update(_entry_paths(value, (*path, key)))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            out[format_path((*path, index))] = (*path, index)
            out.update(_entry_paths(value, (*path, index)))
    return out


def _located(error: LoadError, text: str) -> LoadError:
    """``error`` with each problem's line, column and source line found in ``text``."""
    from ._locate import SourceIndex

    index = SourceIndex(text)
    problems = []
    for problem in error.problems:
        path = problem.path
        found = index.find(path, at_key=problem.message.id in _AT_KEY) if path else None
        if found is None:
            problems.append(problem)
            continue
        problems.append(
            evolve(
                problem,
                line=found.line,
                column=found.column,
                width=found.width,
                source_line=found.text,
            )
        )
    return LoadError(problems, error.catalogs, error.lang)


def path_label(path: Path, data: object, *, by_position: bool = False) -> str:
    """``path`` the way a reader finds it in the file: an array's table named by its ``id``,
    else its ``name`` or ``title`` (``areas.security.items[plan].due``), an array's text by
    itself, and only what has none of them (or all, ``by_position``) by its 1-based position
    (``posts[#2]``)."""
    out: list[str] = []
    node = data
    for part in path:
        if isinstance(part, int):
            entry = node[part] if isinstance(node, list) and 0 <= part < len(node) else None
            out.append(f"[#{part + 1}]" if by_position else f"[{_entry_name(entry, part)}]")
            node = entry
        else:
            out.append(("." if out else "") + format_path((part,)))
            node = node.get(part) if isinstance(node, dict) else None
    return "".join(out)


def _entry_name(entry: object, index: int) -> str:
    names: list[object] = [entry] if isinstance(entry, str) else []
    if isinstance(entry, dict):
        names = [entry.get(key) for key in ("id", "name", "title")]
    for name in names:
        if isinstance(name, str) and name.strip() and len(name) <= 60:
            bare = all(c.isascii() and (c.isalnum() or c in "-_.") for c in name)
            return name if bare else '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return f"#{index + 1}"


class _Reader(EventChecks):
    """One pass over an event's data, collecting problems as it goes: the file's shape and
    values here, the event's checks (:class:`EventChecks`) as each part is read."""

    def __init__(self, source: str, plugins: PluginManager) -> None:
        super().__init__(source, plugins)
        #: Each area's settings table as read, for its plugin's validator once the event is.
        self.area_settings: list[tuple[str, dict[str, Any]]] = []

    # -- the document ---------------------------------------------------------------------------

    def read(self, data: Mapping[str, Any]) -> Event | None:
        self.check_keys(data, (), _TOP_KEYS, ("schema", "event", "areas"))
        schema = data.get("schema")
        if schema is not None and (type(schema) is not int or schema != SCHEMA_VERSION):
            self.problem(("schema",), "load.bad-schema", value=schema, supported=SCHEMA_VERSION)
            return None  # another schema: reading on would only add noise

        event_fields = self.read_event(self.section(data, "event"))
        venue = self.read_venue(data["venue"]) if "venue" in data else None
        areas = self.read_areas(self.section(data, "areas"), event_fields)
        event = None
        if event_fields is not None:
            # Built even when some items are wrong (they are left out), so that the settings
            # validators see the event and every problem is reported in one pass.
            try:
                event = Event(**event_fields, venue=venue, areas=areas or ())
            except (TypeError, ValueError):  # a value the checks above have reported
                event = None
        for key, settings in self.area_settings:
            self.settings(key, settings, event)
        return None if self.problems or areas is None else event

    def section(self, data: Mapping[str, Any], key: str) -> dict[str, Any] | None:
        """The document's table ``key``: None when it is absent (the check of the required keys
        has said so) or, with a problem, when it is not a table (``None`` given in code too)."""
        if key not in data:
            return None
        return self.table(data[key], (key,))

    def read_event(self, table: Mapping[str, Any] | None) -> dict[str, Any] | None:
        if table is None:
            return None
        path: Path = ("event",)
        self.check_keys(table, path, _EVENT_KEYS, ("id", "name", "starts"))

        tz_name = self.text(table, "timezone", path) or DEFAULT_TIMEZONE
        try:
            self.tz = get_zone(tz_name)
        except ValueError:
            hint = suggest_zone(tz_name)
            self.problem(
                (*path, "timezone"),
                "load.bad-timezone-hint" if hint else "load.bad-timezone",
                value=tz_name,
                hint=hint or "",
            )

        out: dict[str, Any] = {"timezone": tz_name}
        for key in ("id", "name", "kind", "level", "parent"):
            value_ = self.text(table, key, path)
            if value_ is not None:
                out[key] = value_
        if "kind" in out and not self.event_kind(out["kind"], (*path, "kind")):
            del out["kind"]  # reported, with "did you mean"
        form = self.choice(table, "form", path, {f: f for f in FORMS})
        if form is not None and self.form_of_kind(form, out.get("kind"), (*path, "form")):
            out["form"] = form
        organiser = self.choice(table, "organiser", path, {o: o for o in ORGANISERS})
        kind = self.kinds.get(out.get("kind", ""))  # None: no kind given, or a failed plugin's
        if organiser is None and kind is not None and builtin_kind(kind.key) is None:
            # a plugin's kind: the model derives only the core's kinds' organisers (a core
            # kind's is left to the model, so that evolving the kind derives it again)
            organiser = kind.organiser
        if organiser is not None:
            out["organiser"] = organiser
        if kind is not None and builtin_kind(kind.key) is None:
            # likewise whether a plugin's kind has everyone present at once
            out["all_at_once"] = kind.all_at_once
        attendance = self.read_attendance(table, path)
        if attendance is not None:
            out["attendance"] = attendance
        lang = self.choice(table, "lang", path, {lang: lang for lang in LANGUAGES})
        if lang is not None:
            out["lang"] = lang
        delegates = self.integer(table, "expected_delegates", path, 0, MAX_COUNT)
        if delegates is not None:
            participants = attendance.participants if attendance is not None else None
            if participants is not None and participants != delegates:
                # one number under two names (the older one kept for old files)
                self.problem(
                    (*path, "expected_delegates"),
                    "load.delegates-and-participants",
                    delegates=delegates,
                    participants=participants,
                )
            else:
                out["expected_delegates"] = delegates
        if attendance is not None:
            # at most the total, counting participants given under their older name too
            if delegates is not None and attendance.participants is None:
                attendance = attrs.evolve(attendance, participants=delegates)
            self.at_once_within(attendance, (*path, "attendance", "at_once"))
        ordinal = self.read_ordinal(table, path)
        if ordinal is not None:
            out["ordinal"] = ordinal
        term = self.read_term(table, path)
        if term is not None:
            out["term"] = term
        # What happened, for a parent's roll-up: a record, so a bare date is that day's start.
        held_at = self.instant(table, "held_at", path, bare_date="start")
        if held_at is not None:
            out["held_at"] = held_at
        elected = self.integer(table, "delegates_elected", path, 0, MAX_COUNT)
        if elected is not None:
            out["delegates_elected"] = elected

        starts = self.instant(table, "starts", path, bare_date="start")
        ends = self.instant(table, "ends", path)
        if starts is not None:
            out["starts"] = starts
            if ends is None and "ends" not in table:
                ends = to_instant(starts.astimezone(self.tz).date(), self.tz)
            if ends is not None and self.span(starts, ends, (*path, "ends")):
                out["ends"] = ends
        missing = {"id", "name", "starts", "ends"} - out.keys()
        return None if missing else out

    def read_attendance(self, table: Mapping[str, Any], path: Path) -> Attendance | None:
        """``[event.attendance]``: participants, guests and staff, each a count, and at_once,
        the most present at the same time."""
        if "attendance" not in table:
            return None
        where: Path = (*path, "attendance")
        sub = self.table(table["attendance"], where)
        if sub is None:
            return None
        self.check_keys(sub, where, _ATTENDANCE_KEYS, ())
        counts = {key: self.integer(sub, key, where, 0, MAX_COUNT) for key in _ATTENDANCE_KEYS}
        return Attendance(**counts)

    def read_ordinal(self, table: Mapping[str, Any], path: Path) -> int | None:
        value = table.get("ordinal")
        if isinstance(value, str):
            number = roman_to_int(value)
            if number is None:
                self.problem((*path, "ordinal"), "load.bad-ordinal", value=value)
            return number
        return self.integer(table, "ordinal", path, 1)

    def read_term(self, table: Mapping[str, Any], path: Path) -> tuple[int, int] | None:
        value = table.get("term")
        if value is None:
            return None
        years: list[int] = []
        if isinstance(value, str):
            parts = value.replace("–", "-").replace("—", "-").split("-")
            # isdecimal, not isdigit: "²".isdigit() is True but int("²") fails
            # isdecimal, not isdigit: "²".isdigit() is True but int("²") fails; and at most
            # 9 digits, as int() refuses thousands of them (a traceback, #11)
            if len(parts) == 2 and all(
                p.strip().isascii() and p.strip().isdecimal() and len(p.strip()) < 10 for p in parts
            ):
                years = [int(p) for p in parts]
        elif isinstance(value, list) and all(
            isinstance(v, int) and not isinstance(v, bool) for v in value
        ):
            years = list(value)
        if len(years) == 2 and not self.years_limit(years, (*path, "term")):
            return None
        if len(years) != 2 or years[0] >= years[1]:
            self.problem((*path, "term"), "load.bad-term", value=shorten(value))
            return None
        return years[0], years[1]

    def read_venue(self, value: object) -> Venue | None:
        path: Path = ("venue",)
        table = self.table(value, path)
        if table is None:
            return None
        self.check_keys(table, path, _VENUE_KEYS, ("name",))
        name = self.text(table, "name", path)
        address = self.text(table, "address", path)
        capacity = self.integer(table, "capacity", path, 0, MAX_COUNT)
        zones = self.read_places(table, "zones", path, Zone)
        entrances = self.read_places(table, "entrances", path, Entrance)
        if name is None:
            return None
        return Venue(name, address, capacity, zones, entrances)

    def read_places(
        self, table: Mapping[str, Any], key: str, path: Path, cls: type[_Place]
    ) -> tuple[_Place, ...]:
        value = table.get(key)
        if value is None:
            return ()
        if not isinstance(value, list):
            self.wrong_type((*path, key), value, "places")
            return ()
        places: list[_Place] = []
        seen: dict[str, Path] = {}
        for index, entry in enumerate(value):
            where: Path = (*path, key, index)
            if isinstance(entry, str):
                if not entry.strip():
                    self.problem(where, "load.empty-string")
                    continue
                place_id = name = entry
            elif isinstance(entry, dict):
                self.check_keys(entry, where, _PLACE_KEYS, ("id",))
                place_id = self.text(entry, "id", where) or ""
                name = self.text(entry, "name", where) or place_id
                if not place_id:
                    continue
            else:
                self.wrong_type(where, entry, "place")
                continue
            if self.duplicate_place(seen, place_id, where):
                continue
            places.append(cls(place_id, name))
        return tuple(places)

    def read_areas(
        self, table: Mapping[str, Any] | None, event_fields: Mapping[str, Any] | None
    ) -> tuple[AreaPlan, ...] | None:
        if table is None:
            return None
        path: Path = ("areas",)
        areas: list[AreaPlan] = []
        starts = event_fields.get("starts") if event_fields else None
        for key, area_value in table.items():
            where: Path = (*path, key)
            spec = self.specs.get(key)
            self.area_key(key, where)
            area_table = self.table(area_value, where)
            if area_table is None:
                continue
            self.check_keys(area_table, where, _AREA_KEYS, ())
            weight = self.number(area_table, "weight", where, 0.0, MAX_WEIGHT)
            threshold = self.number(area_table, "threshold", where, 0.0, 100.0)
            settings = area_table.get("settings", {})
            if not isinstance(settings, dict):
                self.wrong_type((*where, "settings"), settings, "table")
                settings = {}
            self.area_settings.append((key, settings))
            items = self.read_items(area_table.get("items"), (*where, "items"), starts)
            if weight is None:
                weight = spec.default_weight if spec is not None else 1.0
            areas.append(
                AreaPlan(
                    key=key,
                    weight=weight,
                    threshold=100.0 if threshold is None else threshold,
                    settings=settings,
                    items=items,
                )
            )
        return tuple(areas)

    def read_items(
        self,
        value: object,
        path: Path,
        starts: datetime | None,
    ) -> tuple[Item, ...]:
        if value is None:
            return ()
        if not isinstance(value, list):
            self.wrong_type(path, value, "items")
            return ()
        items: list[Item] = []
        for index, entry in enumerate(value):
            item = self.read_item(entry, (*path, index), starts)
            if item is not None:
                items.append(item)
        return tuple(items)

    def read_item(self, value: object, path: Path, starts: datetime | None) -> Item | None:
        if not isinstance(value, dict):
            self.wrong_type(path, value, "table")
            return None
        before = len(self.problems)
        if not value.keys() <= _ITEM_KEYSET or "id" not in value or "title" not in value:
            self.check_keys(value, path, _ITEM_KEYS, ("id", "title"))
        item_id = self.text(value, "id", path)
        title = self.text(value, "title", path)
        if item_id is not None:
            self.item_id(item_id, path)
        owner = self.text(value, "owner", path)
        due = self.instant(value, "due", path)
        phase = self.choice(value, "phase", path, _PHASES) or Phase.BEFORE
        status = self.choice(value, "status", path, _STATUSES) or Status.TODO
        progress = self.number(value, "progress", path, 0.0, 1.0)
        weight = self.number(value, "weight", path, 0.0, MAX_WEIGHT)
        gate = self.boolean(value, "gate", path)
        requires_signoff = self.text(value, "requires_signoff", path)
        version = self.version(value, path)
        notes = value.get("notes", "")
        if not isinstance(notes, str):
            self.wrong_type((*path, "notes"), notes, "string")
        else:
            self.text_limit(notes, (*path, "notes"))
        evidence = self.strings(value, "evidence", path)

        signed_off = None
        if "signed_off" in value:
            signed_off = self.read_signoff(value["signed_off"], (*path, "signed_off"))
            if requires_signoff is None and value.get("requires_signoff") is None:
                self.problem((*path, "signed_off"), "load.signoff-not-required", id=item_id or "")

        waiver = None
        if "waiver" in value:
            waiver = self.read_waiver(value["waiver"], (*path, "waiver"))
            if status is not Status.WAIVED and "status" in value:
                self.problem((*path, "waiver"), "load.waiver-not-waived", status=status.value)
        elif status is Status.WAIVED:
            self.problem((*path, "waiver"), "load.waiver-missing")

        self.due(due, phase, starts, path)

        if len(self.problems) > before or item_id is None or title is None:
            return None
        if waiver is not None:
            status = Status.WAIVED
        return Item(
            id=item_id,
            title=title,
            owner=owner,
            due=due,
            phase=phase,
            status=status,
            progress=progress,
            weight=1.0 if weight is None else weight,
            gate=bool(gate),
            requires_signoff=requires_signoff,
            signed_off=signed_off,
            version=version,
            waiver=waiver,
            notes=notes,
            evidence=evidence,
        )

    def read_signoff(self, value: object, path: Path) -> SignOff | None:
        table = self.table(value, path)
        if table is None:
            return None
        self.check_keys(table, path, _SIGNOFF_KEYS, ("by",))
        by = self.text(table, "by", path)
        # A sign-off is a record of something that happened: a bare date means that day, so it
        # counts from the day's start (a deadline's bare date means the day's end).
        at = self.instant(table, "at", path, bare_date="start")
        version = self.version(table, path)
        return SignOff(by, at, version) if by else None

    def read_waiver(self, value: object, path: Path) -> Waiver | None:
        table = self.table(value, path)
        if table is None:
            return None
        self.check_keys(table, path, _WAIVER_KEYS, ())
        reason = self.text(table, "reason", path)
        approved_by = self.text(table, "approved_by", path)
        if reason is None and "reason" not in table:
            self.problem((*path, "reason"), "load.waiver-no-reason")
        if approved_by is None and "approved_by" not in table:
            self.problem((*path, "approved_by"), "load.waiver-no-approver")
        if reason is None or approved_by is None:
            return None
        return Waiver(reason, approved_by)


_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


def roman_to_int(text: str) -> int | None:
    """``"XXII"`` → 22; None when the text is not a canonical Roman numeral."""
    text = text.strip().upper()
    if not text or any(c not in _ROMAN for c in text):
        return None
    total = 0
    for current, following in zip(text, text[1:] + " ", strict=True):
        value = _ROMAN[current]
        total += -value if following != " " and _ROMAN[following] > value else value
    if not 0 < total < 4000:
        return None
    return total if int_to_roman(total) == text else None


def int_to_roman(number: int) -> str:
    """22 → ``"XXII"``; for 1..3999."""
    if not 0 < number < 4000:
        raise ValueError(f"no Roman numeral for {number}")
    out = []
    for value, letters in (
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    ):  # fmt: skip
        count, number = divmod(number, value)
        out.append(letters * count)
    return "".join(out)
