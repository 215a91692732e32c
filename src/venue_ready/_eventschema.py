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

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

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


def _words(vi_title: str, vi: str, en_title: str, en: str) -> dict[str, tuple[str, str]]:
    return {"vi": (vi_title, vi), "en": (en_title, en)}


# What each key of the core's tables holds, and its words: (schema, words). The keys come
# from the loader's tuples; a key missing here is a test failure (tests/test_event_schema.py),
# except in [event.attendance], whose keys are all counts.
_EVENT: dict[str, tuple[_Schema, dict[str, tuple[str, str]]]] = {
    "id": (
        _TEXT,
        _words(
            "Mã sự kiện",
            "Mã ngắn, viết không dấu, dùng trong tên tệp và sổ theo dõi, ví dụ ngoc-thuy-2020.",
            "Event id",
            "A short id without accents, used in file names and the journal, e.g. ngoc-thuy-2020.",
        ),
    ),
    "name": (
        _TEXT,
        _words(
            "Tên sự kiện",
            "Tên chính thức, như ghi trên phông nền và trong văn bản.",
            "Event name",
            "The official name, as written on the backdrop and in documents.",
        ),
    ),
    "kind": (
        _TEXT,
        _words(
            "Loại sự kiện",
            "Đại hội Đảng bộ, đại hội, bầu cử, kỳ họp Hội đồng nhân dân, hội nghị, lễ.",
            "Kind of event",
            "A Party congress, a congress, an election, a council session, a conference, a "
            "ceremony.",
        ),
    ),
    "level": (
        _TEXT,
        _words(
            "Cấp",
            "Cấp tổ chức sự kiện, ví dụ ward (phường).",
            "Level",
            "The level that holds the event, e.g. ward.",
        ),
    ),
    "ordinal": (
        {
            "anyOf": [
                {"type": "integer", "minimum": 1},
                {"type": "string", "pattern": "^[IVXLCDMivxlcdm]+$"},
            ]
        },
        _words(
            "Lần thứ",
            "Số thứ tự của đại hội: số nguyên (22) hoặc số La Mã (XXII).",
            "Ordinal",
            "Which congress it is: a whole number (22) or a Roman numeral (XXII).",
        ),
    ),
    "term": (
        {
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
        _words(
            "Nhiệm kỳ",
            'Nhiệm kỳ, dạng "2020 - 2025" hoặc [2020, 2025].',
            "Term",
            'The term of office, as "2020 - 2025" or [2020, 2025].',
        ),
    ),
    "starts": (
        _DATE,
        _words(
            "Thời điểm khai mạc",
            "Ngày giờ khai mạc, ví dụ 2020-05-14T07:30:00+07:00; chỉ ghi ngày là đầu ngày đó.",
            "Opening",
            "When the event opens, e.g. 2020-05-14T07:30:00+07:00; a bare date is its start.",
        ),
    ),
    "ends": (
        _DATE,
        _words(
            "Thời điểm bế mạc",
            "Ngày giờ kết thúc; bỏ trống là hết ngày khai mạc.",
            "Close",
            "When the event ends; left out, the end of the opening day.",
        ),
    ),
    "timezone": (
        _TEXT,
        _words(
            "Múi giờ",
            "Tên múi giờ IANA; mặc định Asia/Ho_Chi_Minh.",
            "Time zone",
            "An IANA time zone name; Asia/Ho_Chi_Minh by default.",
        ),
    ),
    "lang": (
        {"enum": list(LANGUAGES)},
        _words(
            "Ngôn ngữ",
            "Ngôn ngữ của báo cáo: vi (tiếng Việt) hoặc en (tiếng Anh).",
            "Language",
            "The report's language: vi (Vietnamese) or en (English).",
        ),
    ),
    "expected_delegates": (
        _COUNT,
        _words(
            "Số đại biểu dự kiến",
            "Tên cũ của [event.attendance] participants; chỉ ghi một trong hai.",
            "Expected delegates",
            "The older name of [event.attendance] participants; give only one of them.",
        ),
    ),
    "parent": (
        _TEXT,
        _words(
            "Sự kiện cấp trên",
            "Mã sự kiện cấp trên mà sự kiện này được tổng hợp vào.",
            "Parent event",
            "The id of the event this one rolls up into.",
        ),
    ),
    "held_at": (
        _DATE,
        _words(
            "Đã tổ chức lúc",
            "Thời điểm sự kiện đã được tổ chức, để cấp trên tổng hợp.",
            "Held at",
            "When the event was held, for its parent's roll-up.",
        ),
    ),
    "delegates_elected": (
        _COUNT,
        _words(
            "Số đại biểu được bầu",
            "Số đại biểu đã được bầu đi dự đại hội cấp trên.",
            "Delegates elected",
            "How many delegates were elected to the higher congress.",
        ),
    ),
    "form": (
        {"enum": list(FORMS)},
        _words(
            "Hình thức đại hội",
            "delegates (đại hội đại biểu) hoặc members (đại hội toàn thể).",
            "Form",
            "delegates (a congress of delegates) or members (of all members).",
        ),
    ),
    "organiser": (
        {"enum": list(ORGANISERS)},
        _words(
            "Cơ quan tổ chức",
            "party (cấp ủy Đảng), state (chính quyền) hoặc organisation (đoàn thể).",
            "Organiser",
            "party (the Party committee), state (the government) or organisation (a mass "
            "organisation).",
        ),
    ),
    "attendance": (
        {},  # the table below
        _words(
            "Số người dự",
            "Số đại biểu, khách mời và người phục vụ.",
            "Attendance",
            "How many participants, guests and staff.",
        ),
    ),
}

_ATTENDANCE: dict[str, dict[str, tuple[str, str]]] = {
    "participants": _words(
        "Số đại biểu",
        "Số đại biểu (người tham dự chính thức).",
        "Participants",
        "How many delegates (the event's own participants).",
    ),
    "guests": _words("Số khách mời", "Số khách mời.", "Guests", "How many guests."),
    "staff": _words(
        "Số người phục vụ",
        "Số người làm công tác phục vụ, bảo vệ.",
        "Staff",
        "How many people serve and guard the event.",
    ),
}

_VENUE: dict[str, tuple[_Schema, dict[str, tuple[str, str]]]] = {
    "name": (_TEXT, _words("Tên địa điểm", "Tên hội trường.", "Venue name", "The hall's name.")),
    "address": (_TEXT, _words("Địa chỉ", "Địa chỉ địa điểm.", "Address", "The venue's address.")),
    "capacity": (
        _COUNT,
        _words("Sức chứa", "Số chỗ ngồi.", "Capacity", "How many seats."),
    ),
    "zones": (
        {},
        _words(
            "Khu vực",
            "Các khu vực của địa điểm: mã, hoặc bảng {id, name}.",
            "Zones",
            "The venue's zones: an id, or a table {id, name}.",
        ),
    ),
    "entrances": (
        {},
        _words(
            "Lối vào",
            "Các lối vào: mã, hoặc bảng {id, name}.",
            "Entrances",
            "The entrances: an id, or a table {id, name}.",
        ),
    ),
}

_PLACE: dict[str, tuple[_Schema, dict[str, tuple[str, str]]]] = {
    "id": (_TEXT, _words("Mã", "Mã ngắn của nơi này.", "Id", "A short id for the place.")),
    "name": (_TEXT, _words("Tên", "Tên gọi.", "Name", "Its name.")),
}

_AREA: dict[str, tuple[_Schema, dict[str, tuple[str, str]]]] = {
    "weight": (
        _WEIGHT,
        _words(
            "Trọng số",
            "Trọng số của mảng trong điểm chung; mặc định do plugin quy định.",
            "Weight",
            "The area's weight in the event's score; by default its plugin's.",
        ),
    ),
    "threshold": (
        {"type": "number", "minimum": 0, "maximum": 100},
        _words(
            "Ngưỡng sẵn sàng",
            "Điểm (0 đến 100) từ đó mảng được coi là sẵn sàng; mặc định 100.",
            "Ready threshold",
            "The score (0 to 100) from which the area is ready; 100 by default.",
        ),
    ),
    "settings": (
        {},
        _words(
            "Thiết lập",
            "Thiết lập riêng của mảng, do plugin của mảng đọc.",
            "Settings",
            "The area's own settings, read by its plugin.",
        ),
    ),
    "items": (
        {},
        _words(
            "Đầu việc",
            "Các đầu việc của mảng ([[areas.KHÓA.items]]).",
            "Items",
            "The area's checklist items ([[areas.KEY.items]]).",
        ),
    ),
}

_ITEM: dict[str, tuple[_Schema, dict[str, tuple[str, str]]]] = {
    "id": (
        _TEXT,
        _words(
            "Mã đầu việc",
            "Mã riêng của đầu việc, không trùng trong cả sự kiện.",
            "Item id",
            "The item's own id, unique in the whole event.",
        ),
    ),
    "title": (_TEXT, _words("Tên đầu việc", "Việc cần làm.", "Title", "What is to be done.")),
    "owner": (
        _TEXT,
        _words("Phụ trách", "Cơ quan, người phụ trách.", "Owner", "The body or person in charge."),
    ),
    "due": (
        _DATE,
        _words(
            "Thời hạn",
            "Thời hạn hoàn thành; chỉ ghi ngày là hết ngày đó.",
            "Due",
            "When it is due; a bare date is the end of that day.",
        ),
    ),
    "phase": (
        {"enum": [p.value for p in Phase]},
        _words(
            "Giai đoạn",
            "before (trước), during (trong) hoặc after (sau sự kiện); mặc định before.",
            "Phase",
            "before, during or after the event; before by default.",
        ),
    ),
    "status": (
        {"enum": [s.value for s in Status]},
        _words(
            "Trạng thái",
            "todo (chưa thực hiện), in_progress (đang thực hiện), done (hoàn thành), "
            "blocked (đang vướng mắc), waived (được miễn).",
            "Status",
            "todo, in_progress, done, blocked or waived.",
        ),
    ),
    "progress": (
        {"type": "number", "minimum": 0, "maximum": 1},
        _words(
            "Tiến độ",
            "Phần đã làm của việc đang thực hiện, từ 0 đến 1; mặc định 0,5.",
            "Progress",
            "How much of an item in progress is done, 0 to 1; 0.5 by default.",
        ),
    ),
    "weight": (
        _WEIGHT,
        _words("Trọng số", "Trọng số của đầu việc; mặc định 1.", "Weight", "1 by default."),
    ),
    "gate": (
        {"type": "boolean"},
        _words(
            "Điều kiện bắt buộc",
            "true: mảng chưa thể sẵn sàng khi việc này chưa xong.",
            "Critical condition",
            "true: the area cannot be ready until this is done.",
        ),
    ),
    "requires_signoff": (
        _TEXT,
        _words(
            "Cần phê duyệt của",
            "Cơ quan phải phê duyệt việc này.",
            "Sign-off by",
            "The body that must sign this off.",
        ),
    ),
    "signed_off": (
        {},
        _words(
            "Đã phê duyệt",
            "Ghi nhận phê duyệt: by (cơ quan), at (ngày), version (phiên bản).",
            "Signed off",
            "The sign-off: by (body), at (date), version.",
        ),
    ),
    "version": (
        {"anyOf": [_TEXT, {"type": "integer"}]},
        _words(
            "Phiên bản",
            "Phiên bản hiện hành của văn bản.",
            "Version",
            "The document's current version.",
        ),
    ),
    "waiver": (
        {},
        _words(
            "Miễn trừ",
            "Lý do (reason) và người phê duyệt (approved_by) việc miễn.",
            "Waiver",
            "Why (reason) and who approved it (approved_by).",
        ),
    ),
    "notes": (
        {"type": "string", "maxLength": MAX_TEXT_LENGTH},
        _words("Ghi chú", "Ghi chú.", "Notes", "Notes."),
    ),
    "evidence": (
        _STRINGS,
        _words(
            "Minh chứng",
            "Văn bản, ảnh, đường dẫn chứng minh việc đã làm.",
            "Evidence",
            "Documents, photos or links that show it was done.",
        ),
    ),
}

_SIGNOFF: dict[str, tuple[_Schema, dict[str, tuple[str, str]]]] = {
    "by": (_TEXT, _words("Cơ quan phê duyệt", "Ai đã duyệt.", "By", "Who signed it off.")),
    "at": (_DATE, _words("Ngày phê duyệt", "Khi nào.", "At", "When.")),
    "version": _ITEM["version"],
}

_WAIVER: dict[str, tuple[_Schema, dict[str, tuple[str, str]]]] = {
    "reason": (_TEXT, _words("Lý do", "Lý do miễn.", "Reason", "Why it is waived.")),
    "approved_by": (
        _TEXT,
        _words("Người phê duyệt", "Ai đã cho phép miễn.", "Approved by", "Who approved it."),
    ),
}

_TOP_WORDS = {
    "schema": _words(
        "Phiên bản định dạng",
        "Phiên bản định dạng tệp sự kiện: 1.",
        "Format version",
        "The event file's format version: 1.",
    ),
    "event": _words("Sự kiện", "Thông tin chung của sự kiện.", "Event", "What the event is."),
    "venue": _words("Địa điểm", "Nơi tổ chức.", "Venue", "Where it is held."),
    "areas": _words(
        "Các mảng công việc",
        "Mỗi mảng một bảng [areas.KHÓA], với đầu việc và thiết lập.",
        "Areas",
        "One table [areas.KEY] per area, with its items and settings.",
    ),
}


def _with_words(schema: _Schema, words: Mapping[str, tuple[str, str]], lang: str) -> _Schema:
    title, description = words[lang]
    return {"title": title, "description": description, **schema}


def _table(
    keys: tuple[str, ...],
    declared: Mapping[str, tuple[_Schema, Mapping[str, tuple[str, str]]]],
    required: tuple[str, ...],
    lang: str,
    nested: Mapping[str, _Schema] | None = None,
) -> _Schema:
    """A table of the loader's ``keys``, each as ``declared`` (or ``nested``, for a key holding
    a table of its own); no other key."""
    properties: dict[str, _Schema] = {}
    for key in keys:
        schema, words = declared[key]
        if nested and key in nested:
            schema = nested[key]
        properties[key] = _with_words(schema, words, lang)
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
            key: _with_words(_COUNT, _ATTENDANCE.get(key, _words(key, key, key, key)), lang)
            for key in attendance_keys
        },
        "additionalProperties": False,
    }
    kinds = sorted(plugins.event_kinds())
    event_nested = {"attendance": attendance, "kind": {**_TEXT, "enum": kinds}}
    place = {
        "anyOf": [
            _TEXT,
            _table(loading._PLACE_KEYS, _PLACE, ("id",), lang),
        ]
    }
    places = {"type": "array", "items": place}
    venue = _table(
        loading._VENUE_KEYS, _VENUE, ("name",), lang, {"zones": places, "entrances": places}
    )
    signoff = _table(loading._SIGNOFF_KEYS, _SIGNOFF, ("by",), lang)
    waiver = _table(loading._WAIVER_KEYS, _WAIVER, ("reason", "approved_by"), lang)
    item = _table(
        loading._ITEM_KEYS,
        _ITEM,
        ("id", "title"),
        lang,
        {"signed_off": signoff, "waiver": waiver},
    )
    areas: dict[str, _Schema] = {}
    for key, spec in sorted(plugins.area_specs().items()):
        area = _table(
            loading._AREA_KEYS,
            _AREA,
            (),
            lang,
            {
                "settings": _settings_schema(spec, lang),
                "items": {"type": "array", "items": {"$ref": "#/definitions/item"}},
            },
        )
        areas[key] = {"title": spec.title(lang), **area}
    top = {
        "schema": {"const": loading.SCHEMA_VERSION, "type": "integer"},
        "event": _table(loading._EVENT_KEYS, _EVENT, ("id", "name", "starts"), lang, event_nested),
        "venue": venue,
        "areas": {"type": "object", "properties": areas, "additionalProperties": False},
    }
    title = {"vi": "Tệp sự kiện venue-ready", "en": "venue-ready event file"}[lang]
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": title,
        "type": "object",
        "properties": {
            key: {**_with_words({}, _TOP_WORDS[key], lang), **top[key]} for key in loading._TOP_KEYS
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
    return _with_words(schema, words, lang)


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
