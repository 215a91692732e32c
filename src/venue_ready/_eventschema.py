"""A JSON Schema of the event file, for editors (``venue-ready schema``).

The schema is assembled from what the loader and the plugins already declare, so it cannot
drift from them: the keys of each table are the loader's own key tuples (a key the loader
learns appears here with it), the areas are the installed plugins', and an area's
``settings`` come from its plugin's settings classes (:mod:`venue_ready._settingclasses`, the
same declaration ``read_settings`` reads the table with). What a schema cannot say (an item id
used twice, a due date after the opening, a sign-off that is not required) stays the loader's.

Titles and descriptions are in one language, ``lang``: Taplo and Even Better TOML show
``title`` and ``description`` on hover and in completion, and know no per-language keys.

Built only by the ``schema`` command and the tests: ``check`` never imports this module.
"""

from __future__ import annotations

import functools
import pkgutil
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import tomli

from . import _loading as loading
from ._kinds import FORMS, ORGANISERS
from ._model import LANGUAGES, Phase, Status
from ._values import MAX_COUNT, MAX_TEXT_LENGTH, MAX_WEIGHT

if TYPE_CHECKING:
    from ._model import AreaSpec
    from ._plugins import PluginManager

__all__ = ["SCHEMA_FILE_NAME", "event_schema", "schema_text"]

#: The file ``init`` writes beside a new event file, and its ``#:schema`` line names.
SCHEMA_FILE_NAME = "venue-ready.schema.json"

_Schema = dict[str, Any]

#: A date as TOML writes it (an editor hands dates to the schema as text), or as text in the
#: file: ``2020-05-14``, ``2020-05-14T07:30``, ``2020-05-14 07:30:00+07:00``.
DATE_PATTERN = (
    r"^[0-9]{4}-[0-9]{2}-[0-9]{2}"
    r"([Tt ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?([Zz]|[+-][0-9]{2}:[0-9]{2})?)?$"
)

_TEXT: _Schema = {"type": "string", "pattern": r"\S", "maxLength": MAX_TEXT_LENGTH}
_DATE: _Schema = {"type": "string", "pattern": DATE_PATTERN}
_COUNT: _Schema = {"type": "integer", "minimum": 0, "maximum": MAX_COUNT}
_WEIGHT: _Schema = {"type": "number", "minimum": 0, "maximum": MAX_WEIGHT}
_STRINGS: _Schema = {"anyOf": [_TEXT, {"type": "array", "items": _TEXT}]}


@functools.cache
def words() -> dict[str, dict[str, dict[str, list[str]]]]:
    """The title and description of every key, ``words()[table][key][lang] == [title,
    description]``: data, in ``event_schema_words.toml`` beside this module, read once. Its
    tables are ``top`` (the file's own tables), ``event``, ``attendance``, ``venue``,
    ``place``, ``area``, ``item``, ``signoff`` and ``waiver``."""
    data = pkgutil.get_data("venue_ready", "event_schema_words.toml")
    found: dict[str, dict[str, dict[str, list[str]]]] = tomli.loads((data or b"").decode("utf-8"))
    return found


# What each key of the core's tables holds; its words are in event_schema_words.toml. The keys
# come from the loader's tuples; a key missing here or there is a test failure
# (tests/test_event_schema.py), except in [event.attendance], whose keys are all counts.
_EVENT: dict[str, _Schema] = {
    "id": _TEXT,
    "name": _TEXT,
    "kind": _TEXT,
    "level": _TEXT,
    "ordinal": {
        "anyOf": [
            {"type": "integer", "minimum": 1},
            {"type": "string", "pattern": "^[IVXLCDMivxlcdm]+$"},
        ]
    },
    "term": {
        "anyOf": [
            {"type": "string", "pattern": r"^\s*[0-9]{4}\s*[-–—]\s*[0-9]{4}\s*$"},
            {
                "type": "array",
                "items": {"type": "integer", "minimum": 1900, "maximum": 2200},
                "minItems": 2,
                "maxItems": 2,
            },
        ]
    },
    "starts": _DATE,
    "ends": _DATE,
    "timezone": _TEXT,
    "lang": {"enum": list(LANGUAGES)},
    "expected_delegates": _COUNT,
    "parent": _TEXT,
    "held_at": _DATE,
    "delegates_elected": _COUNT,
    "form": {"enum": list(FORMS)},
    "organiser": {"enum": list(ORGANISERS)},
    "attendance": {},
}


_VENUE: dict[str, _Schema] = {
    "name": _TEXT,
    "address": _TEXT,
    "capacity": _COUNT,
    "zones": {},
    "entrances": {},
}

_PLACE: dict[str, _Schema] = {
    "id": _TEXT,
    "name": _TEXT,
}

_AREA: dict[str, _Schema] = {
    "weight": _WEIGHT,
    "threshold": {"type": "number", "minimum": 0, "maximum": 100},
    "settings": {},
    "items": {},
}

_ITEM: dict[str, _Schema] = {
    "id": _TEXT,
    "title": _TEXT,
    "owner": _TEXT,
    "due": _DATE,
    "phase": {"enum": [p.value for p in Phase]},
    "status": {"enum": [s.value for s in Status]},
    "progress": {"type": "number", "minimum": 0, "maximum": 1},
    "weight": _WEIGHT,
    "gate": {"type": "boolean"},
    "requires_signoff": _TEXT,
    "signed_off": {},
    "version": {"anyOf": [_TEXT, {"type": "integer"}]},
    "waiver": {},
    "notes": {"type": "string", "maxLength": MAX_TEXT_LENGTH},
    "evidence": _STRINGS,
}

_SIGNOFF: dict[str, _Schema] = {
    "by": _TEXT,
    "at": _DATE,
    "version": _ITEM["version"],
}

_WAIVER: dict[str, _Schema] = {
    "reason": _TEXT,
    "approved_by": _TEXT,
}


def _with_words(schema: _Schema, words: Sequence[str]) -> _Schema:
    title, description = words
    return {"title": title, "description": description, **schema}


def _words_of(table: str, key: str, lang: str) -> Sequence[str]:
    # a key without words (an attendance key the loader learns) is named by itself
    return words()[table].get(key, {}).get(lang, (key, key))


def _table(
    keys: tuple[str, ...],
    declared: Mapping[str, _Schema],
    table: str,
    required: tuple[str, ...],
    lang: str,
    *,
    nested: Mapping[str, _Schema] | None = None,
) -> _Schema:
    """A table of the loader's ``keys``, each as ``declared`` (or ``nested``, for a key holding
    a table of its own) with its words from ``words()[table]``; no other key."""
    properties: dict[str, _Schema] = {}
    for key in keys:
        schema = nested[key] if nested and key in nested else declared[key]
        properties[key] = _with_words(schema, _words_of(table, key, lang))
    out: _Schema = {"type": "object", "properties": properties, "additionalProperties": False}
    if required:
        out["required"] = list(required)
    return out


def event_schema(plugins: PluginManager | None = None, lang: str = "vi") -> _Schema:
    """The JSON Schema (draft 7) of an event file as ``plugins`` read it (by default the
    installed plugins), its words in ``lang``."""
    if plugins is None:
        from ._plugins import default_plugin_manager

        plugins = default_plugin_manager()
    attendance_keys = loading._ATTENDANCE_KEYS
    attendance = {
        "type": "object",
        "properties": {
            # a count each; a key the loader learns is a count too until it says otherwise
            key: _with_words(_COUNT, _words_of("attendance", key, lang))
            for key in attendance_keys
        },
        "additionalProperties": False,
    }
    kinds = sorted(plugins.event_kinds())
    event_nested = {"attendance": attendance, "kind": {**_TEXT, "enum": kinds}}
    place = {
        "anyOf": [
            _TEXT,
            _table(loading._PLACE_KEYS, _PLACE, "place", ("id",), lang),
        ]
    }
    places = {"type": "array", "items": place}
    nested = {"zones": places, "entrances": places}
    venue = _table(loading._VENUE_KEYS, _VENUE, "venue", ("name",), lang, nested=nested)
    signoff = _table(loading._SIGNOFF_KEYS, _SIGNOFF, "signoff", ("by",), lang)
    waiver = _table(loading._WAIVER_KEYS, _WAIVER, "waiver", ("reason", "approved_by"), lang)
    nested = {"signed_off": signoff, "waiver": waiver}
    item = _table(loading._ITEM_KEYS, _ITEM, "item", ("id", "title"), lang, nested=nested)
    areas: dict[str, _Schema] = {}
    for key, spec in sorted(plugins.area_specs().items()):
        nested = {
            "settings": _settings_schema(spec, lang),
            "items": {"type": "array", "items": {"$ref": "#/definitions/item"}},
        }
        area = _table(loading._AREA_KEYS, _AREA, "area", (), lang, nested=nested)
        areas[key] = {"title": spec.title(lang), **area}
    top = {
        "schema": {"const": loading.SCHEMA_VERSION, "type": "integer"},
        "event": _table(
            loading._EVENT_KEYS,
            _EVENT,
            "event",
            ("id", "name", "starts"),
            lang,
            nested=event_nested,
        ),
        "venue": venue,
        "areas": {"type": "object", "properties": areas, "additionalProperties": False},
    }
    title = {"vi": "Tệp sự kiện venue-ready", "en": "venue-ready event file"}[lang]
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": title,
        "type": "object",
        "properties": {
            key: {**_with_words({}, _words_of("top", key, lang)), **top[key]}
            for key in loading._TOP_KEYS
        },
        "required": ["schema", "event", "areas"],
        "additionalProperties": False,
        "definitions": {"item": item},
    }


def schema_text(plugins: PluginManager | None = None, lang: str = "vi") -> str:
    """:func:`event_schema` as JSON text, the same bytes for the same plugins and language."""
    from ._jsontext import dumps

    return dumps(event_schema(plugins, lang), indent=2) + "\n"


# -- an area's settings, from its plugin's settings classes --------------------------------------


def _settings_schema(spec: AreaSpec, lang: str) -> _Schema:
    """``[areas.KEY.settings]`` as the area's plugin declares it; any table when the plugin
    reads its settings otherwise (its validator still checks them on load)."""
    cls = settings_class(spec)
    words = {
        "vi": ("Thiết lập", f"Thiết lập của mảng {spec.title_vi}."),
        "en": ("Settings", f"Settings of the {spec.title_en} area."),
    }
    schema = _class_schema(cls) if cls is not None else {"type": "object"}
    return _with_words(schema, words[lang])


def settings_class(spec: AreaSpec) -> type | None:
    """The settings class the area's plugin reads ``[areas.KEY.settings]`` with, when it says
    (an :func:`~venue_ready.area_plugin` of a package with ``settings.Config``)."""
    from ._areaplugin import AreaPlugin

    owner = getattr(spec.validate_settings, "__self__", None)
    return owner.settings_class() if isinstance(owner, AreaPlugin) else None


def _class_schema(cls: type) -> _Schema:
    from ._settingclasses import _fields

    properties: dict[str, _Schema] = {}
    required: list[str] = []
    for f in _fields(cls):
        if f.kind == "custom":
            for key in f.setting.keys or (f.key,):
                properties[key] = {}  # the plugin's own reader decides
            continue
        properties[f.key] = _field_schema(f)
        if f.required:
            required.append(f.key)
    out: _Schema = {"type": "object", "properties": properties, "additionalProperties": False}
    if required:
        out["required"] = required
    return out


def _field_schema(f: Any) -> _Schema:
    s = f.setting
    low = s.low if s.low is not None else 0
    high = s.high if s.high is not None else MAX_COUNT
    kind = f.kind
    if kind == "text":
        return dict(_TEXT)
    if kind == "integer":
        return {"type": "integer", "minimum": int(low), "maximum": int(high)}
    if kind == "number":
        return {"type": "number", "minimum": low, "maximum": high}
    if kind == "boolean":
        return {"type": "boolean"}
    if kind == "instant":
        return dict(_DATE)
    if kind == "choice":
        return {"enum": list(f.inner)}
    if kind == "strings":
        return dict(_STRINGS)
    if kind == "numbers":
        return {"type": "array", "items": {"type": "number", "minimum": low, "maximum": high}}
    if kind == "instants":
        return {"type": "array", "items": _DATE}
    if kind == "table":
        return _class_schema(f.inner)
    return {"type": "array", "items": _class_schema(f.inner)}  # tables
