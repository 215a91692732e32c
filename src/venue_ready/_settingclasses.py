"""A settings table declared once, as an attrs class, and read from that declaration.

A plugin used to say what its settings table holds three times: a tuple of known keys, a
reader call per key, and a keyword constructor with every field again. Here the class is the
one statement of it, and :func:`read_settings` reads the table by the class's fields::

    from datetime import datetime
    from typing import Annotated, Literal

    from attrs import frozen
    from venue_ready import Setting, read_settings

    @frozen
    class Supplies:
        masks: int | None = None                                # an integer, 0..MAX_COUNT
        kind: Literal["bought", "donated"] | None = None        # one of these words
        owner: str | None = None

    @frozen
    class Config:
        window_hours: Annotated[float, Setting(low=1.0, high=336.0)] = 24.0
        supplies: Supplies | None = None                        # the [supplies] table
        sprayed: tuple[datetime, ...] = ()                      # an array of moments

    def parse(settings, event):
        return read_settings(Config, settings, event)          # (Config, problems)

What each field's annotation reads. A field without a default is required (an entry of an array
of tables, or a sub-table, missing one is reported and left out); ``X | None`` lets a field's
value be None, which is its usual default. The top-level class has a default for every field:

=======================================  ===================================================
``str``                                  :meth:`SettingsReader.text`
``int`` / ``float``                      :meth:`~SettingsReader.integer` / ``number`` (bounds:
                                         ``Setting(low=, high=)``)
``bool``                                 :meth:`~SettingsReader.boolean`
``datetime``                             :meth:`~SettingsReader.instant` (``Setting(bare_date=)``)
``Literal["a", "b"]``                    :meth:`~SettingsReader.one_of` those words
``tuple[str | float | datetime, ...]``   :meth:`~SettingsReader.strings` / ``numbers`` /
                                         ``instants``
an attrs class                           a sub-table, read by that class
``tuple[<attrs class>, ...]``            an array of tables (``[[key]]``); ``Setting(unique=True)``
                                         on the entry class's id field refuses a repeated id
anything else                            ``Setting(read=...)``, the plugin's own reader
=======================================  ===================================================

The keys a table may hold are its fields' keys: every other key is a problem with "did you
mean". The declaration is data, so the same classes can describe the table elsewhere (a schema
of the event file, the docs) without a second list to keep in step.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Any, Literal, NamedTuple, TypeVar

import attrs

from ._settings import SettingsReader

if TYPE_CHECKING:
    from ._errors import Problem
    from ._model import Event

__all__ = [
    "CheckSetting",
    "ReadSetting",
    "Setting",
    "before_start",
    "read_settings",
    "read_table",
    "read_tables",
]

_C = TypeVar("_C")

#: ``(reader, key, values) -> value``: a field's own reader. ``values`` are the fields of the
#: same table read before it, by name. None means "absent or wrong" (a problem says which):
#: the field's default then, or the entry left out when the field is required.
ReadSetting = Callable[[SettingsReader, str, Mapping[str, Any]], Any]
#: ``(reader, key, value, values) -> value``: a check run after a field is read (also when it is
#: absent, with ``value`` None): it records problems and returns the value to keep, or None.
CheckSetting = Callable[[SettingsReader, str, Any, Mapping[str, Any]], Any]


class Setting(NamedTuple):
    """How one field of a settings class is read, beyond what its type says; given as
    ``Annotated[type, Setting(...)]``.

    :param key: the key in the file, when it is not the field's name (``from`` is a keyword).
    :param low: the smallest number accepted (0 when not given).
    :param high: the largest number accepted (100,000,000 when not
        given; give lead times a smaller one, as date arithmetic overflows).
    :param bare_date: how a bare date is read: ``"end"`` of that day (a deadline) or
        ``"start"`` (a record of something done that day).
    :param unique: on an array entry's id field: an id used by an earlier entry is a problem,
        and that entry is left out.
    :param read: the field's own reader, ``(reader, key, table) -> value`` (``reader`` a
        :class:`SettingsReader`), for what no type says.
    :param keys: the table keys that ``read`` consumes, when not just ``key``.
    :param check: a check after reading, ``(reader, key, value, table) -> value``: a rule
        between fields, a date
        that must come before the event.
    :param file: False for a field that is not read from the file at all (filled in later by
        the plugin, e.g. from the journal).

    A named tuple rather than an attrs class: every plugin imports it when it is loaded, and a
    tuple costs nothing to define, where an attrs class is compiled at every start.
    """

    key: str | None = None
    low: float | None = None
    high: float | None = None
    bare_date: Literal["start", "end"] = "end"
    unique: bool = False
    read: ReadSetting | None = None
    keys: tuple[str, ...] = ()
    check: CheckSetting | None = None
    file: bool = True


_PLAIN = Setting()


class _Field:
    """One field of a settings class, analysed once: what to read and how. (A plain class, as
    :class:`Setting` is a named tuple: nothing to compile at start-up.)"""

    __slots__ = ("default", "factory", "inner", "key", "kind", "name", "required", "setting")

    def __init__(
        self,
        *,
        name: str,
        key: str,
        setting: Setting,
        kind: str,
        required: bool,
        default: Any,
        factory: Callable[[], Any] | None,
        inner: Any = None,
    ) -> None:
        self.name = name
        self.key = key
        self.setting = setting
        #: text, integer, number, boolean, instant, choice, strings, numbers, instants, table,
        #: tables or custom
        self.kind = kind
        self.required = required
        #: attrs.NOTHING when required, else the value (None when a factory makes it)
        self.default = default
        self.factory = factory
        #: the entry class of a table or of an array of tables, the words of a choice
        self.inner = inner

    def default_value(self) -> Any:
        if self.factory is not None:
            return self.factory()
        return None if self.default is attrs.NOTHING else self.default


_SCALARS: dict[Any, str] = {
    str: "text",
    int: "integer",
    float: "number",
    bool: "boolean",
    datetime: "instant",
}
_ARRAYS: dict[Any, str] = {str: "strings", float: "numbers", datetime: "instants"}


def _unwrap(annotation: Any) -> tuple[Any, Setting]:
    """The annotation without ``Annotated`` and ``| None``, and its :class:`Setting`."""
    setting = _PLAIN
    if typing.get_origin(annotation) is typing.Annotated:
        annotation, *extras = typing.get_args(annotation)
        found = [e for e in extras if isinstance(e, Setting)]
        if found:
            setting = found[0]
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        rest = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(rest) == 1:
            annotation = rest[0]
    return annotation, setting


def _kind(cls: type, name: str, annotation: Any, setting: Setting) -> tuple[str, Any]:
    """What reads a field of this type, and the entry class or words it needs."""
    if setting.read is not None:
        return "custom", None
    if annotation in _SCALARS:
        return _SCALARS[annotation], None
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is Literal and all(isinstance(a, str) for a in args):
        return "choice", args
    if attrs.has(annotation):
        return "table", annotation
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        if args[0] in _ARRAYS:
            return _ARRAYS[args[0]], None
        if attrs.has(args[0]):
            return "tables", args[0]
    raise TypeError(
        f"{cls.__qualname__}.{name}: a settings field of type {annotation!r} cannot be read "
        "from its type; give it Annotated[..., Setting(read=...)] or Setting(file=False)"
    )


_ANALYSED: dict[type, tuple[_Field, ...]] = {}


def _fields(cls: type) -> tuple[_Field, ...]:
    """The fields of a settings class that come from the file, analysed (once per class)."""
    found = _ANALYSED.get(cls)
    if found is None:
        found = _ANALYSED[cls] = _analyse(cls)
    return found


def _analyse(cls: type) -> tuple[_Field, ...]:
    if not attrs.has(cls):
        raise TypeError(f"{cls!r} is not an attrs class: a settings class is declared with attrs")
    fields = attrs.fields(cls)
    if any(isinstance(f.type, str) for f in fields):
        hints = _resolved(cls)
    else:
        # Annotations already evaluated (a module without ``from __future__ import
        # annotations``) are taken as they are: resolving them again would compile each one
        # at every start (the four plugins' settings classes cost 4 % of a ``check`` so).
        hints = {f.name: f.type for f in fields}
    out: list[_Field] = []
    for field in fields:
        annotation, setting = _unwrap(hints[field.name])
        if not setting.file:
            continue
        kind, inner = _kind(cls, field.name, annotation, setting)
        default, factory = field.default, None
        if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
            factory, default = default.factory, None
        out.append(
            _Field(
                name=field.name,
                key=setting.key or field.name,
                setting=setting,
                kind=kind,
                required=field.default is attrs.NOTHING,
                default=default,
                factory=factory,
                inner=inner,
            )
        )
    return tuple(out)


def _resolved(cls: type) -> dict[str, Any]:
    """The class's string annotations, evaluated in its module's names."""
    try:
        return typing.get_type_hints(cls, include_extras=True)
    except NameError as error:  # a string annotation naming what the module does not hold
        raise TypeError(
            f"{cls.__qualname__}: cannot resolve the type of a field ({error}); declare settings "
            "classes at module level, with every type they name imported at run time"
        ) from None


_KNOWN: dict[type, tuple[str, ...]] = {}


def known_keys(cls: type) -> tuple[str, ...]:
    """The keys a table read by ``cls`` may hold."""
    found = _KNOWN.get(cls)
    if found is None:  # once per class, as the fields are analysed once
        keys: list[str] = []
        for f in _fields(cls):
            keys.extend(f.setting.keys or (f.key,))
        found = _KNOWN[cls] = tuple(keys)
    return found


def _read_field(reader: SettingsReader, f: _Field, values: Mapping[str, Any]) -> Any:
    """The field's value as read (None when absent or wrong: a problem says which)."""
    s, key, required = f.setting, f.key, f.required
    if f.kind == "custom":
        assert s.read is not None
        return s.read(reader, key, values)
    if f.kind == "text":
        return reader.text(key, required=required)
    if f.kind == "integer":
        low, high = int(s.low or 0), None if s.high is None else int(s.high)
        return reader.integer(key, None, low=low, high=high, required=required)
    if f.kind == "number":
        return reader.number(key, None, low=s.low or 0.0, high=s.high, required=required)
    if f.kind == "boolean":
        return reader.boolean(key, None, required=required)  # type: ignore[arg-type]
    if f.kind == "instant":
        return reader.instant(key, required=required, bare_date=s.bare_date)
    if f.kind == "choice":
        return reader.one_of(key, f.inner, required=required)
    if f.kind == "strings":
        return reader.strings(key, f.default_value(), required=required)
    if f.kind == "numbers":
        low_n = s.low or 0.0
        return reader.numbers(key, f.default_value(), low=low_n, high=s.high, required=required)
    if f.kind == "instants":
        return reader.instants(key, f.default_value(), required=required, bare_date=s.bare_date)
    if f.kind == "table":
        return _read_sub_table(reader, key, f.inner, required)
    return read_tables(reader, key, f.inner)


def _read_sub_table(reader: SettingsReader, key: str, cls: type, required: bool) -> Any:
    if key not in reader:
        if required:
            reader.problem(key, "load.missing-key", key=key)
        return None
    sub = reader.table(key)  # records a problem when the value is not a table
    return read_table(sub, cls) if sub.is_table else None


def read_table(
    reader: SettingsReader, cls: type[_C], preset: Mapping[str, Any] | None = None
) -> _C | None:
    """The table ``reader`` reads, as a ``cls``: every field read by its type (see the module's
    table), unknown keys reported; None when a required field is missing or wrong.

    ``preset`` holds fields the caller already has: read across entries (an array's ids), or
    not from the file (``Setting(file=False)``).
    """
    reader.known(*known_keys(cls))
    values: dict[str, Any] = {}
    complete = True
    for f in _fields(cls):
        if preset is not None and f.name in preset:
            value = preset[f.name]
        else:
            value = _read_field(reader, f, values)
        if f.setting.check is not None:
            value = f.setting.check(reader, f.key, value, values)
        if value is None:
            complete = complete and not f.required
            value = f.default_value()
        values[f.name] = value
    for name, value in (preset or {}).items():  # fields not read from the file at all
        values.setdefault(name, value)
    return cls(**values) if complete else None


def read_tables(reader: SettingsReader, key: str, cls: type[_C]) -> tuple[_C, ...]:
    """The array of tables ``key`` (``[[key]]``), each entry read as a ``cls``. An entry that is
    not a table, misses a required field, or repeats the id of an earlier entry (a field marked
    ``Setting(unique=True)``) is reported and left out."""
    subs = [sub for sub in reader.tables(key) if sub.is_table]
    unique = [f for f in _fields(cls) if f.setting.unique]
    if not unique:
        found = (read_table(sub, cls) for sub in subs)
        return tuple(entry for entry in found if entry is not None)
    field = unique[0]
    out: list[_C] = []
    for sub, ident in zip(subs, reader.unique(subs, field.key), strict=True):
        entry = read_table(sub, cls, {field.name: ident})
        if entry is not None:
            out.append(entry)
    return tuple(out)


def before_start(
    reader: SettingsReader, key: str, due: datetime | None, values: object = None
) -> datetime | None:
    """A :class:`Setting` ``check`` for a deadline of the plugin's own that must fall before the
    event starts: ``Annotated[datetime | None, Setting(check=before_start)]``. A later one is a
    problem at ``key`` ("due …, after the event starts …") and is refused (None); with no event
    to compare with, the value is kept. Also callable by hand:
    ``before_start(reader, "due", reader.instant("due"))``."""
    event = reader.event
    if due is not None and event is not None and due > event.starts:
        reader.problem(key, "settings.due-after-start", due=due, starts=event.starts)
        return None
    return due


def read_settings(
    cls: type[_C], settings: Mapping[str, Any], event: Event | None
) -> tuple[_C, list[Problem]]:
    """An area's settings table as a ``cls`` (whose fields all have defaults), and every problem
    found in it; never raises. A wrong value is reported and its field keeps its default, so
    the result is always usable: the ``parse`` an :func:`~venue_ready.area_plugin` expects is
    ``lambda settings, event: read_settings(Config, settings, event)``."""
    required = [f.name for f in _fields(cls) if f.required]
    if required:  # a mistake in the plugin, not in the file: said at once
        raise TypeError(
            f"{cls.__qualname__}: the top-level settings class needs a default for every field "
            f"(none for: {', '.join(required)}), as an empty table is a valid one"
        )
    reader = SettingsReader(settings, event)
    config = read_table(reader, cls)
    if config is None:  # a required top-level key is missing: the defaults, and the problems
        config = cls()
    return config, reader.problems
