"""The loader through the public API: event files into the model, and bad files into LoadError.

The first half checks specific fields of hand-written files; the second half states properties
of the loader over generated files (Hypothesis): valid files load and keep their values, a file
with one key broken raises LoadError naming that key, and no text at all makes ``loads`` raise
anything but LoadError.
"""

from __future__ import annotations

import copy
import math
import re
from datetime import UTC, date, datetime, time, timedelta, timezone
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import venue_ready
from venue_ready import Entrance, LoadError, Phase, Problem, SignOff, Status, Waiver, Zone
from venue_ready._loading import int_to_roman

from .support import TZ, event_header

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "small" / "congress.toml"

HEADER = event_header(
    id="ngoc-thuy-2020",
    name="Đại hội Đảng bộ phường Ngọc Thụy lần thứ XXII, nhiệm kỳ 2020 - 2025",
)
# What follows the header: each test fills in the lines it needs.
BODY = """\
{event}

{venue}

[areas.general]
{area}

[[areas.general.items]]
id = "documents.political-report"
title = "Báo cáo chính trị trình Đại hội"
{item}
"""


def doc(event: str = "", venue: str = "", area: str = "", item: str = "") -> str:
    return HEADER + BODY.format(event=event, venue=venue, area=area, item=item)


def load_one_item(item: str, event: str = "") -> venue_ready.Item:
    loaded = venue_ready.loads(doc(event=event, item=item), source="x.toml")
    (plan,) = loaded.areas
    (only,) = plan.items
    return only


def problems_of(text: str) -> tuple[Problem, ...]:
    with pytest.raises(LoadError) as info:
        venue_ready.loads(text, source="x.toml")
    assert info.value.problems, "LoadError without problems"
    return info.value.problems


def rendered(text: str, lang: str = "en") -> list[str]:
    return [p.render(lang) for p in problems_of(text)]


# -- a valid file into the model ------------------------------------------------------------------


def test_example_file_loads_with_its_fields() -> None:
    event = venue_ready.load(EXAMPLE)
    assert event.id == "phuong-mau-2020"
    assert event.ordinal == 15
    assert event.term == (2020, 2025)
    assert event.lang == "vi"
    assert event.expected_delegates == 120
    assert event.starts == datetime(2020, 5, 15, 7, 30, tzinfo=timezone(timedelta(hours=7)))
    assert event.starts.tzinfo is not None
    assert event.ends == datetime(2020, 5, 15, 17, 0, tzinfo=TZ)
    assert event.venue is not None
    assert event.venue.capacity == 200
    assert event.venue.zones == (Zone("hall", "Hội trường"), Zone("lobby", "Sảnh đón tiếp"))
    assert event.venue.entrances == (Entrance("main", "Cổng chính"),)
    (general,) = event.areas
    assert general.key == "general"
    assert [i.id for i in general.items] == [
        "cells.congresses",
        "documents.political-report",
        "personnel.dossiers",
        "service.programme",
        "service.rehearsal",
        "service.photos",
        "service.results-report",
    ]
    report = general.items[1]
    assert report.gate is True
    assert report.version == "4"
    assert report.requires_signoff == "Tổ chỉ đạo đại hội của Quận ủy"
    # A sign-off's bare date is when it happened: the start of that day (a deadline's is its end).
    assert report.signed_off == SignOff(
        "Tổ chỉ đạo đại hội của Quận ủy", datetime(2020, 5, 6, 0, 0, tzinfo=TZ), "3"
    )
    assert general.items[3].progress == 0.6
    assert general.items[3].status is Status.IN_PROGRESS
    photos = general.items[5]
    assert photos.status is Status.WAIVED
    assert photos.waiver == Waiver(
        "Hội trường không đủ chỗ; thay bằng phim tư liệu", "Đ/c Bí thư Đảng ủy"
    )
    assert general.items[6].phase is Phase.AFTER


def test_load_and_loads_agree() -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    assert venue_ready.loads(text, source=str(EXAMPLE)) == venue_ready.load(EXAMPLE)


def test_starts_with_offset_is_timezone_aware() -> None:
    event = venue_ready.loads(doc(), source="x.toml")
    assert event.starts.utcoffset() == timedelta(hours=7)
    assert event.starts == datetime(2020, 5, 15, 0, 30, tzinfo=UTC)


def test_bare_due_date_is_the_end_of_that_day_in_ho_chi_minh_city() -> None:
    item = load_one_item("due = 2020-05-10")
    assert item.due == datetime(2020, 5, 10, 23, 59, 59, 999999, tzinfo=TZ)
    assert item.due is not None
    assert item.due.tzinfo is not None
    assert item.due.utcoffset() == timedelta(hours=7)
    assert (item.due.hour, item.due.minute, item.due.second, item.due.microsecond) == (
        23,
        59,
        59,
        999999,
    )


def test_due_date_as_a_string_means_the_same_as_a_bare_date() -> None:
    assert load_one_item('due = "2020-05-10"').due == load_one_item("due = 2020-05-10").due


def test_bare_date_is_read_in_the_events_timezone() -> None:
    item = load_one_item("due = 2020-05-10", event='timezone = "Europe/London"')
    assert item.due == datetime(2020, 5, 10, 23, 59, 59, 999999, tzinfo=ZoneInfo("Europe/London"))
    assert item.due is not None
    assert item.due.utcoffset() == timedelta(hours=1)  # British Summer Time


def test_naive_datetimes_are_read_in_the_events_timezone() -> None:
    text = doc(event='timezone = "Europe/London"', item="due = 2020-05-10T09:00:00").replace(
        "starts = 2020-05-15T07:30:00+07:00", "starts = 2020-05-15T09:00:00"
    )
    event = venue_ready.loads(text, source="x.toml")
    london = ZoneInfo("Europe/London")
    assert event.timezone == "Europe/London"
    assert event.starts == datetime(2020, 5, 15, 8, 0, tzinfo=UTC)
    assert event.starts.tzinfo is not None
    due = event.areas[0].items[0].due
    assert due == datetime(2020, 5, 10, 9, 0, tzinfo=london)
    assert due is not None
    assert due.utcoffset() == timedelta(hours=1)


def test_naive_datetime_defaults_to_ho_chi_minh_city() -> None:
    item = load_one_item("due = 2020-05-10T09:00:00")
    assert item.due == datetime(2020, 5, 10, 2, 0, tzinfo=UTC)


def test_bare_start_date_is_the_start_of_the_day_and_ends_defaults_to_its_end() -> None:
    text = doc().replace("starts = 2020-05-15T07:30:00+07:00", "starts = 2020-05-15")
    event = venue_ready.loads(text, source="x.toml")
    assert event.starts == datetime(2020, 5, 15, 0, 0, tzinfo=TZ)
    assert event.ends == datetime(2020, 5, 15, 23, 59, 59, 999999, tzinfo=TZ)


def test_ends_defaults_to_the_end_of_the_start_day_in_the_events_timezone() -> None:
    event = venue_ready.loads(doc(), source="x.toml")
    assert event.ends == datetime(2020, 5, 15, 23, 59, 59, 999999, tzinfo=TZ)


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        ('"2020-2025"', (2020, 2025)),
        ('"2020 - 2025"', (2020, 2025)),
        ('"2020–2025"', (2020, 2025)),
        ("[2020, 2025]", (2020, 2025)),
    ],
)
def test_term_is_a_pair_of_years(term: str, expected: tuple[int, int]) -> None:
    event = venue_ready.loads(doc(event=f"term = {term}"), source="x.toml")
    assert event.term == expected


@pytest.mark.parametrize(
    ("ordinal", "expected"), [('"XXII"', 22), ('"xv"', 15), ("22", 22), ('"MMMCMXCIX"', 3999)]
)
def test_ordinal_as_roman_numeral_or_integer(ordinal: str, expected: int) -> None:
    event = venue_ready.loads(doc(event=f"ordinal = {ordinal}"), source="x.toml")
    assert event.ordinal == expected


@pytest.mark.parametrize(
    "ordinal", ['"IIII"', '"XIIX"', '"22a"', '""', '"MMMM"', '"ⅩⅩⅡ"', "0", "-3", "true", "1.0"]
)
def test_bad_ordinal_is_a_problem_at_event_ordinal(ordinal: str) -> None:
    problems = problems_of(doc(event=f"ordinal = {ordinal}"))
    assert [p.path for p in problems] == [("event", "ordinal")]


@pytest.mark.parametrize(
    "term",
    ['"2025-2020"', '"2020"', "[2020]", '"20x0-2025"', "2020", '"²-³"'],
)
def test_bad_term_is_a_problem_at_event_term(term: str) -> None:
    problems = problems_of(doc(event=f"term = {term}"))
    assert [p.path for p in problems] == [("event", "term")]


def test_waiver_and_sign_off() -> None:
    text = doc(
        item='requires_signoff = "Ban Thường vụ Quận ủy"\n'
        'version = "4"\n'
        'signed_off = { by = "Ban Thường vụ Quận ủy", at = 2020-05-06T10:00:00, version = 4 }\n'
    )
    item = venue_ready.loads(text, source="x.toml").areas[0].items[0]
    assert item.requires_signoff == "Ban Thường vụ Quận ủy"
    # version = 4 and version = "4" mean the same; the naive datetime is read in the event's zone
    assert item.signed_off == SignOff(
        "Ban Thường vụ Quận ủy", datetime(2020, 5, 6, 10, 0, tzinfo=TZ), "4"
    )
    assert item.version == "4"

    waived = load_one_item(
        'status = "waived"\nwaiver = { reason = "Không đủ chỗ", approved_by = "Đ/c Bí thư" }'
    )
    assert waived.status is Status.WAIVED
    assert waived.waiver == Waiver("Không đủ chỗ", "Đ/c Bí thư")


def test_a_waiver_without_a_status_makes_the_item_waived() -> None:
    item = load_one_item('waiver = { reason = "Không cần", approved_by = "Bí thư" }')
    assert item.status is Status.WAIVED
    assert item.waiver == Waiver("Không cần", "Bí thư")


def test_item_defaults() -> None:
    item = load_one_item("")
    assert item.phase is Phase.BEFORE
    assert item.status is Status.TODO
    assert item.weight == 1.0
    assert item.progress is None
    assert item.gate is False
    assert item.due is None
    assert item.signed_off is None
    assert item.waiver is None
    assert item.evidence == ()
    assert item.notes == ""


def test_item_fields() -> None:
    item = load_one_item(
        'owner = "Tiểu ban Văn kiện"\nphase = "during"\nstatus = "in_progress"\n'
        'progress = 0.25\nweight = 3\ngate = true\nnotes = "Ghi chú"\nevidence = "bien-ban.pdf"\n'
    )
    assert item.owner == "Tiểu ban Văn kiện"
    assert item.phase is Phase.DURING
    assert item.status is Status.IN_PROGRESS
    assert item.progress == 0.25
    assert item.weight == 3.0
    assert item.gate is True
    assert item.notes == "Ghi chú"
    assert item.evidence == ("bien-ban.pdf",)
    assert load_one_item('evidence = ["a.pdf", "b.jpg"]').evidence == ("a.pdf", "b.jpg")


def test_area_weight_threshold_and_settings() -> None:
    text = doc(area='weight = 2.5\nthreshold = 80\nsettings = { note = "tùy chọn" }')
    (plan,) = venue_ready.loads(text, source="x.toml").areas
    assert plan.weight == 2.5
    assert plan.threshold == 80.0
    assert plan.settings == {"note": "tùy chọn"}
    (default,) = venue_ready.loads(doc(), source="x.toml").areas
    assert default.weight == 1.0
    assert default.threshold == 100.0


def test_zones_and_entrances_as_strings_or_tables() -> None:
    venue = (
        '[venue]\nname = "Hội trường UBND phường"\n'
        'zones = ["hall", { id = "lobby", name = "Sảnh đón tiếp" }, { id = "yard" }]\n'
        'entrances = ["main", { id = "side", name = "Cổng phụ" }]\n'
    )
    event = venue_ready.loads(doc(venue=venue), source="x.toml")
    assert event.venue is not None
    assert event.venue.name == "Hội trường UBND phường"
    assert event.venue.zones == (
        Zone("hall", "hall"),
        Zone("lobby", "Sảnh đón tiếp"),
        Zone("yard", "yard"),
    )
    assert event.venue.entrances == (Entrance("main", "main"), Entrance("side", "Cổng phụ"))


def test_duplicate_zone_is_a_problem_at_its_id() -> None:
    venue = '[venue]\nname = "v"\nzones = ["hall", { id = "lobby" }, { id = "hall" }]\n'
    problems = problems_of(doc(venue=venue))
    assert [p.path for p in problems] == [("venue", "zones", 2, "id")]
    assert "duplicate id 'hall'" in problems[0].render("en")


# -- problems, rendered ---------------------------------------------------------------------------


def test_all_problems_are_reported_at_once() -> None:
    text = doc(
        event='lang = "en"\nexpected_delegates = -1\ntimezone = "Asia/Ha_Noi"',
        area="weight = -2",
        item='status = "dnoe"\nprogress = 2\ngate = "yes"\ntitel = "x"',
    )
    with pytest.raises(LoadError) as info:
        venue_ready.loads(text, source="x.toml")
    error = info.value
    item = ("areas", "general", "items", 0)
    assert [p.path for p in error.problems] == [
        ("event", "timezone"),
        ("event", "expected_delegates"),
        ("areas", "general", "weight"),
        (*item, "titel"),
        (*item, "status"),
        (*item, "progress"),
        (*item, "gate"),
    ]
    assert error.lang == "en"
    # str(error) lists every problem, one a line, in English.
    lines = str(error).splitlines()
    assert lines == [p.render("en") for p in error.problems]
    assert lines[0] == (
        "x.toml: event.timezone: unknown time zone 'Asia/Ha_Noi' (did you mean 'Asia/Ho_Chi_Minh'?)"
    )


def test_render_in_both_languages() -> None:
    (problem,) = problems_of(doc(item="progress = 1.5"))
    assert problem.file == "x.toml"
    assert problem.path == ("areas", "general", "items", 0, "progress")
    assert problem.render("en") == (
        "x.toml: areas.general.items[0].progress: value 1.5 is out of range (expected 0 to 1)"
    )
    assert problem.render("vi") == (
        "x.toml: areas.general.items[0].progress: "
        "giá trị 1,5 nằm ngoài khoảng cho phép (cần từ 0 đến 1)"
    )


def test_a_problem_is_located_as_a_compiler_shows_it() -> None:
    (problem,) = problems_of(doc(item="progress = 1.5"))
    assert (problem.line, problem.column) == (17, 12)
    # the item named by its id, the line and a marker under the value
    assert problem.render_located("en") == (
        "x.toml:17:12: areas.general.items[documents.political-report].progress: "
        "value 1.5 is out of range (expected 0 to 1)"
    )
    assert problem.excerpt() == [" 17 | progress = 1.5", "    |            ^^^"]
    # the one-line form programs keep is unchanged
    assert problem.render("en").startswith("x.toml: areas.general.items[0].progress: ")


def test_a_repeated_id_is_located_by_position() -> None:
    text = doc(item='[[areas.general.items]]\nid = "documents.political-report"\ntitle = "B"')
    (problem,) = problems_of(text)
    assert problem.render_located("en").startswith(
        "x.toml:18:6: areas.general.items[#2].id: duplicate item id "
        "'documents.political-report', already used at areas.general.items[#1] "
    )
    (zone,) = problems_of(doc(venue='[venue]\nname = "v"\nzones = ["hall", "hall"]'))
    assert zone.render_located("en").startswith(
        "x.toml:11:18: venue.zones[#2].id: duplicate id 'hall', already used at venue.zones[#1]"
    )


def test_a_syntax_error_is_located_and_said_in_the_readers_language() -> None:
    (problem,) = problems_of("schema = 1\n[event]\nid = \n")
    assert problem.render_located("vi") == (
        "x.toml:3:6: lỗi cú pháp TOML: giá trị không hợp lệ (văn bản cần đặt trong ngoặc kép, "
        'ví dụ name = "Đại hội"; ngày viết dạng 2020-05-14)'
    )
    assert problem.excerpt() == [" 3 | id = ", "   |      ^"]


def test_lang_of_the_error_is_none_when_the_file_does_not_say() -> None:
    with pytest.raises(LoadError) as info:
        venue_ready.loads(doc(item="progress = 1.5"), source="x.toml")
    assert info.value.lang is None


def test_unknown_key_suggests_the_nearest_known_key() -> None:
    # and says nothing more: no "missing required key 'title'" after the hint
    (unknown,) = problems_of(doc().replace('title = "Báo cáo', 'titel = "Báo cáo'))
    assert unknown.path == ("areas", "general", "items", 0, "titel")
    assert unknown.render("en").endswith("unknown key 'titel' (did you mean 'title'?)")
    assert unknown.render("vi").endswith("khóa lạ 'titel' (có phải ý bạn là 'title'?)")
    assert unknown.excerpt() == [
        ' 16 | titel = "Báo cáo chính trị trình Đại hội"',
        "    | ^^^^^",
    ]


def test_unknown_key_without_a_near_match_lists_the_known_keys() -> None:
    (problem,) = problems_of(doc(event='zzzzzz = "x"'))
    assert problem.path == ("event", "zzzzzz")
    assert "expected one of: id, name, kind" in problem.render("en")


def test_unknown_area_with_a_vietnamese_key_is_quoted_in_the_path() -> None:
    text = doc().replace("areas.general", 'areas."công tác"')
    (problem,) = problems_of(text)
    assert problem.path == ("areas", "công tác")
    known = ", ".join(sorted(venue_ready.get_plugin_manager().area_specs()))
    assert "general, security" in known
    assert problem.render("en") == (
        "x.toml: areas.\"công tác\": no installed plugin provides area 'công tác' "
        f"(available areas: {known})"
    )


def test_duplicate_item_id_across_areas_names_the_first() -> None:
    text = doc(item='[[areas.general.items]]\nid = "documents.political-report"\ntitle = "B"')
    (problem,) = problems_of(text)
    assert problem.path == ("areas", "general", "items", 1, "id")
    assert "already used at areas.general.items[0]" in problem.render("en")


def test_syntax_error_names_line_and_column() -> None:
    (problem,) = problems_of("schema = 1\n[event]\nid = \n")
    assert problem.path == ()
    assert problem.render("en").startswith("x.toml: TOML syntax error at line 3, column 6: ")


def test_impossible_calendar_date_is_a_syntax_error() -> None:
    (problem,) = problems_of(doc(item="due = 2020-02-30"))
    assert problem.render("en").startswith("x.toml: TOML syntax error at line ")


def test_bad_schema_stops_reading() -> None:
    (problem,) = problems_of(doc(item="progress = 7").replace("schema = 1", 'schema = "1"'))
    assert problem.path == ("schema",)
    assert problem.render("en") == (
        "x.toml: schema: unsupported schema version 1 (expected schema = 1)"
    )


def test_load_missing_file(tmp_path: Path) -> None:
    missing = tmp_path / "không-có.toml"
    with pytest.raises(LoadError) as info:
        venue_ready.load(missing)
    (problem,) = info.value.problems
    assert problem.path == ()
    assert problem.file == str(missing)
    assert problem.render("en") == f"{missing}: cannot read the file: no such file or folder"
    assert problem.render("vi") == f"{missing}: không đọc được tệp: không tìm thấy tệp hoặc thư mục"


def test_load_non_utf8_file(tmp_path: Path) -> None:
    path = tmp_path / "congress.toml"
    path.write_bytes(doc().encode("utf-8").replace("Đ".encode(), b"\xd0", 1))
    with pytest.raises(LoadError) as info:
        venue_ready.load(path)
    (problem,) = info.value.problems
    offset = doc().encode("utf-8").index("Đ".encode())
    assert problem.render("en") == (
        f"{path}: the file is not UTF-8 (bad byte at offset {offset}); save it as UTF-8"
    )


def test_load_reads_a_valid_file(tmp_path: Path) -> None:
    path = tmp_path / "đại-hội.toml"
    path.write_text(doc(item="due = 2020-05-10"), encoding="utf-8")
    event = venue_ready.load(path)
    assert event.areas[0].items[0].due == datetime(2020, 5, 10, 23, 59, 59, 999999, tzinfo=TZ)


@pytest.mark.parametrize("value", ["inf", "-inf", "nan"])
@pytest.mark.parametrize("key", ["weight", "progress"])
def test_non_finite_numbers_are_problems(key: str, value: str) -> None:
    (problem,) = problems_of(doc(item=f"{key} = {value}"))
    assert problem.path == ("areas", "general", "items", 0, key)
    assert problem.render("en").endswith(
        f"value {value} is not a finite number (expected an ordinary number)"
    )


def test_infinite_area_weight_is_a_problem() -> None:
    (problem,) = problems_of(doc(area="weight = inf"))
    assert problem.path == ("areas", "general", "weight")


def test_huge_negative_integer_is_reported_shortened() -> None:
    huge = -(10**400)
    (problem,) = problems_of(doc(event=f"expected_delegates = {huge}"))
    assert problem.path == ("event", "expected_delegates")
    # the first digits and an ellipsis: a 401-character number would drown the line
    assert f"value {str(huge)[:39]}… is too small" in problem.render("en")


def test_item_version_may_be_an_integer() -> None:
    assert load_one_item("version = 4").version == "4"


# -- edge cases that once crashed the loader or garbled its messages ------------------------------


def test_bug_start_at_the_edge_of_the_calendar_does_not_overflow() -> None:
    text = doc().replace("starts = 2020-05-15T07:30:00+07:00", "starts = 0001-01-01T00:00:00+14:00")
    with pytest.raises(LoadError) as info:
        venue_ready.loads(text, source="x.toml")
    assert [p.path for p in info.value.problems] == [("event", "starts")]
    assert "out of range" in info.value.problems[0].render("en")


def test_bug_huge_integer_weight_is_a_problem() -> None:
    problems = problems_of(doc(item="weight = 1" + "0" * 400))
    assert [p.path for p in problems] == [("areas", "general", "items", 0, "weight")]


def test_bug_integer_over_4300_digits_is_a_problem() -> None:
    (problem,) = problems_of(doc(item="weight = " + "9" * 5000))
    assert "TOML syntax error" in problem.render("en")


def test_bug_place_type_renders_single_braces() -> None:
    (problem,) = problems_of(doc(venue='[venue]\nname = "v"\nzones = [5]'))
    text = problem.render("en")
    assert "{{" not in text
    assert text.endswith("(expected a table {id, name} or a string)")


def test_bug_duplicate_zone_names_the_full_path_of_the_first() -> None:
    (problem,) = problems_of(doc(venue='[venue]\nname = "v"\nzones = ["hall", "hall"]'))
    assert "already used at venue.zones[0]" in problem.render("en")


# -- properties -----------------------------------------------------------------------------------

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")


def toml_string(text: str) -> str:
    out = []
    for ch in text:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def toml_key(key: str) -> str:
    return key if _BARE_KEY.fullmatch(key) else toml_string(key)


def toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        return repr(value)
    if isinstance(value, str):
        return toml_string(value)
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{toml_key(k)} = {toml_value(v)}" for k, v in value.items()) + "}"
    raise TypeError(value)


def _is_table_array(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, dict) for v in value)


def to_toml(data: dict[str, Any], prefix: tuple[str, ...] = ()) -> str:
    """TOML text for ``data``: sections for tables, [[...]] for arrays of tables."""
    lines = []
    for key, value in data.items():
        if not isinstance(value, dict) and not _is_table_array(value):
            lines.append(f"{toml_key(key)} = {toml_value(value)}")
    for key, value in data.items():
        path = (*prefix, key)
        header = ".".join(toml_key(k) for k in path)
        if isinstance(value, dict):
            lines.append(f"\n[{header}]")
            lines.append(to_toml(value, path))
        elif _is_table_array(value):
            for entry in value:
                lines.append(f"\n[[{header}]]")
                lines.append(to_toml(entry, path))
    return "\n".join(lines)


ZONES = ["Asia/Ho_Chi_Minh", "Asia/Bangkok", "Europe/London", "America/New_York", "UTC"]
VIETNAMESE = (
    "aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữự"
    "ýỳỷỹỵĐĂÂÊÔƠƯ "
)
texts = st.one_of(
    st.text(alphabet=VIETNAMESE, min_size=1, max_size=40),
    st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=20),
).filter(lambda s: s.strip())
ids = st.from_regex(r"[a-z][a-z0-9]{0,6}(\.[a-z0-9-]{1,8})?", fullmatch=True) | texts


@st.composite
def instants(draw: st.DrawFn, low: datetime, high: datetime) -> tuple[Any, str]:
    """A TOML date/datetime value between low and high, and how it was written."""
    form = draw(st.sampled_from(["offset", "naive", "date"]))
    moment = draw(st.datetimes(min_value=low, max_value=high))
    if form == "date":
        return moment.date(), form
    if form == "naive":
        return moment, form
    offset = timezone(timedelta(minutes=draw(st.integers(-12 * 60, 14 * 60))))
    return moment.replace(tzinfo=offset), form


def expected_instant(value: Any, tz: ZoneInfo, *, bare: str = "end") -> datetime:
    if isinstance(value, datetime):
        return value if value.tzinfo is not None else value.replace(tzinfo=tz)
    if bare == "start":
        return datetime.combine(value, time(0, 0), tz)
    return datetime.combine(value, time(23, 59, 59, 999999), tz)


@st.composite
def valid_events(draw: st.DrawFn) -> dict[str, Any]:
    """The data of a valid event file, as tomli would return it."""
    event: dict[str, Any] = {"id": draw(ids), "name": draw(texts)}
    tz_name = draw(st.sampled_from([None, *ZONES]))
    if tz_name is not None:
        event["timezone"] = tz_name
    starts, form = draw(instants(datetime(2020, 1, 1), datetime(2030, 12, 31)))
    event["starts"] = starts
    if draw(st.booleans()):
        if form != "offset":
            # Whole days: a naive time in a DST gap would otherwise end "before" it starts.
            event["ends"] = starts + timedelta(days=draw(st.integers(0, 5)))
        else:
            event["ends"] = starts + timedelta(minutes=draw(st.integers(0, 5 * 24 * 60)))
    for key in ("level", "parent"):
        if draw(st.booleans()):
            event[key] = draw(texts)
    if draw(st.booleans()):  # a kind of event the core knows (others are refused, tested below)
        event["kind"] = draw(st.sampled_from(sorted(venue_ready.BUILTIN_KINDS)))
    if draw(st.booleans()):
        number = draw(st.integers(1, 3999))
        event["ordinal"] = int_to_roman(number) if draw(st.booleans()) else number
    if draw(st.booleans()):
        first = draw(st.integers(1900, 2100))
        last = first + draw(st.integers(1, 10))
        event["term"] = f"{first}-{last}" if draw(st.booleans()) else [first, last]
    if draw(st.booleans()):
        event["lang"] = draw(st.sampled_from(["vi", "en"]))
    if draw(st.booleans()):
        event["expected_delegates"] = draw(st.integers(0, 10**6))
    data: dict[str, Any] = {"schema": 1, "event": event}

    if draw(st.booleans()):
        venue: dict[str, Any] = {"name": draw(texts)}
        if draw(st.booleans()):
            venue["address"] = draw(texts)
        if draw(st.booleans()):
            venue["capacity"] = draw(st.integers(0, 10**5))
        for key in ("zones", "entrances"):
            if draw(st.booleans()):
                places = draw(st.lists(ids, max_size=4, unique=True))
                venue[key] = [
                    pid
                    if draw(st.booleans())
                    else {"id": pid, **({"name": draw(texts)} if draw(st.booleans()) else {})}
                    for pid in places
                ]
        data["venue"] = venue

    area: dict[str, Any] = {}
    if draw(st.booleans()):
        area["weight"] = draw(st.floats(0, 100) | st.integers(0, 100))
    if draw(st.booleans()):
        area["threshold"] = draw(st.floats(0, 100) | st.integers(0, 100))
    items = []
    for item_id in draw(st.lists(ids, max_size=5, unique=True)):
        item: dict[str, Any] = {"id": item_id, "title": draw(texts)}
        phase = draw(st.sampled_from([None, "before", "during", "after"]))
        if phase is not None:
            item["phase"] = phase
        if draw(st.booleans()):
            # Before-phase items are due before the event (which starts in 2020 or later).
            high = datetime(2019, 12, 29) if phase in (None, "before") else datetime(2040, 1, 1)
            item["due"] = draw(instants(datetime(1990, 1, 1), high))[0]
        status = draw(st.sampled_from([None, "todo", "in_progress", "done", "blocked", "waived"]))
        if status is not None:
            item["status"] = status
        if status == "waived" or (status is None and draw(st.booleans())):
            item["waiver"] = {"reason": draw(texts), "approved_by": draw(texts)}
        if draw(st.booleans()):
            item["progress"] = draw(st.floats(0, 1))
        if draw(st.booleans()):
            item["weight"] = draw(st.floats(0, 1e6) | st.integers(0, 1000))
        if draw(st.booleans()):
            item["gate"] = draw(st.booleans())
        for key in ("owner", "version"):
            if draw(st.booleans()):
                item[key] = draw(texts)
        if draw(st.booleans()):
            item["notes"] = draw(st.text(max_size=30))
        if draw(st.booleans()):
            item["evidence"] = draw(st.text(max_size=10) | st.lists(st.text(max_size=10)))
        if draw(st.booleans()):
            item["requires_signoff"] = draw(texts)
            if draw(st.booleans()):
                signoff: dict[str, Any] = {"by": draw(texts)}
                if draw(st.booleans()):
                    signoff["at"] = draw(instants(datetime(1990, 1, 1), datetime(2040, 1, 1)))[0]
                if draw(st.booleans()):
                    signoff["version"] = draw(texts | st.integers(0, 100))
                item["signed_off"] = signoff
        items.append(item)
    if items or draw(st.booleans()):
        area["items"] = items
    data["areas"] = {"general": area}
    return data


@settings(deadline=None, max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(valid_events())
def test_valid_events_load_and_keep_their_values(data: dict[str, Any]) -> None:
    text = to_toml(data)
    event = venue_ready.loads(text, source="gen.toml")

    raw = data["event"]
    tz = ZoneInfo(raw.get("timezone", "Asia/Ho_Chi_Minh"))
    assert event.id == raw["id"]
    assert event.name == raw["name"]
    assert event.timezone == raw.get("timezone", "Asia/Ho_Chi_Minh")
    assert event.starts.tzinfo is not None
    assert event.starts == expected_instant(raw["starts"], tz, bare="start")
    if "ends" in raw:
        assert event.ends == expected_instant(raw["ends"], tz)
    else:
        start_day = event.starts.astimezone(tz).date()
        assert event.ends == datetime.combine(start_day, time(23, 59, 59, 999999), tz)
    assert event.ends >= event.starts
    assert event.kind == raw.get("kind", "party-congress")
    assert event.level == raw.get("level", "ward")
    assert event.parent == raw.get("parent")
    assert event.lang == raw.get("lang", "vi")
    assert event.expected_delegates == raw.get("expected_delegates")
    ordinal = raw.get("ordinal")
    if isinstance(ordinal, str):
        assert event.ordinal is not None
        assert int_to_roman(event.ordinal) == ordinal
    else:
        assert event.ordinal == ordinal
    term = raw.get("term")
    if term is None:
        assert event.term is None
    elif isinstance(term, str):
        assert event.term == tuple(int(y) for y in term.split("-"))
    else:
        assert event.term == tuple(term)

    if "venue" in data:
        venue = data["venue"]
        assert event.venue is not None
        assert event.venue.name == venue["name"]
        assert event.venue.address == venue.get("address")
        assert event.venue.capacity == venue.get("capacity")
        for key, places in (("zones", event.venue.zones), ("entrances", event.venue.entrances)):
            expected = [
                (p, p) if isinstance(p, str) else (p["id"], p.get("name", p["id"]))
                for p in venue.get(key, [])
            ]
            assert [(p.id, p.name) for p in places] == expected
    else:
        assert event.venue is None

    (plan,) = event.areas
    area = data["areas"]["general"]
    assert plan.key == "general"
    assert plan.weight == area.get("weight", 1.0)
    assert plan.threshold == area.get("threshold", 100.0)
    raw_items = area.get("items", [])
    assert [i.id for i in plan.items] == [r["id"] for r in raw_items]
    for item, r in zip(plan.items, raw_items, strict=True):
        assert item.title == r["title"]
        assert item.owner == r.get("owner")
        assert item.phase == Phase(r.get("phase", "before"))
        waived = r.get("status") == "waived" or "waiver" in r
        assert item.status == (Status.WAIVED if waived else Status(r.get("status", "todo")))
        assert item.progress == r.get("progress")
        assert item.weight == r.get("weight", 1.0)
        assert item.gate is r.get("gate", False)
        assert item.version == r.get("version")
        assert item.notes == r.get("notes", "")
        evidence = r.get("evidence", [])
        assert item.evidence == ((evidence,) if isinstance(evidence, str) else tuple(evidence))
        if "due" in r:
            assert item.due == expected_instant(r["due"], tz)
            assert item.due is not None
            assert item.due.tzinfo is not None
        else:
            assert item.due is None
        if "waiver" in r:
            assert item.waiver == Waiver(r["waiver"]["reason"], r["waiver"]["approved_by"])
        else:
            assert item.waiver is None
        assert item.requires_signoff == r.get("requires_signoff")
        if "signed_off" in r:
            s = r["signed_off"]
            at = expected_instant(s["at"], tz, bare="start") if "at" in s else None
            version = str(s["version"]) if "version" in s else None
            assert item.signed_off == SignOff(s["by"], at, version)
        else:
            assert item.signed_off is None


# A valid event that uses every table and field, for the mutations below.
FULL: dict[str, Any] = {
    "schema": 1,
    "event": {
        "id": "ngoc-thuy-2020",
        "name": "Đại hội Đảng bộ phường Ngọc Thụy lần thứ XXII",
        "kind": "party-congress",
        "level": "ward",
        "ordinal": "XXII",
        "term": "2020-2025",
        "starts": datetime(2020, 5, 15, 7, 30, tzinfo=timezone(timedelta(hours=7))),
        "ends": datetime(2020, 5, 15, 17, 0),
        "timezone": "Asia/Ho_Chi_Minh",
        "lang": "vi",
        "expected_delegates": 120,
        "parent": "Quận ủy Long Biên",
    },
    "venue": {
        "name": "Hội trường UBND phường",
        "address": "Số 1 đường Ngọc Thụy",
        "capacity": 200,
        "zones": [{"id": "hall", "name": "Hội trường"}, "lobby"],
        "entrances": [{"id": "main", "name": "Cổng chính"}],
    },
    "areas": {
        "general": {
            "weight": 2,
            "threshold": 90.0,
            "settings": {},
            "items": [
                {
                    "id": "documents.political-report",
                    "title": "Báo cáo chính trị",
                    "owner": "Tiểu ban Văn kiện",
                    "due": date(2020, 5, 5),
                    "phase": "before",
                    "status": "done",
                    "progress": 1.0,
                    "weight": 2,
                    "gate": True,
                    "requires_signoff": "Tổ chỉ đạo của Quận",
                    "signed_off": {"by": "Tổ chỉ đạo", "at": date(2020, 5, 6), "version": "3"},
                    "version": "4",
                    "notes": "Chờ duyệt lại",
                    "evidence": ["bao-cao.pdf"],
                },
                {
                    "id": "service.photos",
                    "title": "Triển lãm ảnh",
                    "status": "waived",
                    "waiver": {"reason": "Không đủ chỗ", "approved_by": "Đ/c Bí thư"},
                },
            ],
        }
    },
}

ITEM = ("areas", "general", "items", 0)
STR, INT, FLOAT, BOOL = {"str"}, {"int"}, {"float"}, {"bool"}
INSTANT = {"str", "date", "datetime"}
NUMBER = {"int", "float"}

#: (path of the table, key, the kinds of value the key accepts). A mutation puts a value of any
#: other kind there.
FIELDS: list[tuple[tuple[str | int, ...], str | int, set[str]]] = [
    ((), "schema", NUMBER),  # schema = 1.0 passes as 1
    ((), "event", {"table"}),
    ((), "venue", {"table"}),
    ((), "areas", {"table"}),
    *[(("event",), k, STR) for k in ("id", "name", "kind", "level", "timezone", "lang", "parent")],
    (("event",), "ordinal", {"int", "str"}),
    (("event",), "term", {"str", "array"}),
    (("event",), "starts", INSTANT),
    (("event",), "ends", INSTANT),
    (("event",), "expected_delegates", INT),
    (("venue",), "name", STR),
    (("venue",), "address", STR),
    (("venue",), "capacity", INT),
    (("venue",), "zones", {"array"}),
    (("venue",), "entrances", {"array"}),
    (("venue", "zones"), 1, {"str", "table"}),
    (("venue", "zones", 0), "id", STR),
    (("venue", "zones", 0), "name", STR),
    (("areas",), "general", {"table"}),
    (("areas", "general"), "weight", NUMBER),
    (("areas", "general"), "threshold", NUMBER),
    (("areas", "general"), "settings", {"table"}),
    (("areas", "general"), "items", {"array"}),
    (("areas", "general", "items"), 0, {"table"}),
    *[
        (ITEM, k, STR)
        for k in ("id", "title", "owner", "phase", "status", "requires_signoff", "notes")
    ],
    (ITEM, "version", {"str", "int"}),
    (ITEM, "due", INSTANT),
    (ITEM, "progress", NUMBER),
    (ITEM, "weight", NUMBER),
    (ITEM, "gate", BOOL),
    (ITEM, "evidence", {"str", "array"}),
    (ITEM, "signed_off", {"table"}),
    ((*ITEM, "signed_off"), "by", STR),
    ((*ITEM, "signed_off"), "at", INSTANT),
    ((*ITEM, "signed_off"), "version", {"str", "int"}),
    (("areas", "general", "items", 1), "status", STR),
    (("areas", "general", "items", 1), "waiver", {"table"}),
    (("areas", "general", "items", 1, "waiver"), "reason", STR),
    (("areas", "general", "items", 1, "waiver"), "approved_by", STR),
]

#: Tables that take no keys but their own (settings is the plugin's, free-form).
TABLES: list[tuple[str | int, ...]] = [
    (),
    ("event",),
    ("venue",),
    ("venue", "zones", 0),
    ("areas",),
    ("areas", "general"),
    ITEM,
    (*ITEM, "signed_off"),
    ("areas", "general", "items", 1),
    ("areas", "general", "items", 1, "waiver"),
]

VALUES_OF_KIND: dict[str, st.SearchStrategy[Any]] = {
    "str": st.text(max_size=10),
    "int": st.integers(-(10**9), 10**9),
    "float": st.floats(allow_nan=True, allow_infinity=True),
    "bool": st.booleans(),
    "datetime": st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2100, 1, 1)),
    "date": st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 1, 1)),
    "time": st.times(),
    "array": st.lists(st.integers(-5, 5), min_size=3, max_size=4),
    "table": st.fixed_dictionaries({"x": st.integers(0, 9)}),
}


def at(data: Any, path: tuple[str | int, ...]) -> Any:
    for part in path:
        data = data[part]
    return data


def assert_load_error_at(text: str, target: tuple[str | int, ...]) -> None:
    with pytest.raises(LoadError) as info:
        venue_ready.loads(text, source="m.toml")
    problems = info.value.problems
    assert any(p.path == target for p in problems), [p.render("en") for p in problems]
    lines = text.split("\n")
    for problem in problems:
        assert problem.file == "m.toml"
        for lang in ("vi", "en"):
            assert problem.render(lang).startswith("m.toml: ")
        # a problem at a key is shown on its line, in the file as written
        if problem.path == target:
            assert problem.line is not None
            assert problem.column is not None
            assert problem.source_line == lines[problem.line - 1]
            assert problem.render_located("en").startswith(
                f"m.toml:{problem.line}:{problem.column}: "
            )


def test_full_event_is_valid() -> None:
    event = venue_ready.loads(to_toml(FULL), source="full.toml")
    assert event.ordinal == 22
    assert event.venue is not None
    assert event.venue.zones == (Zone("hall", "Hội trường"), Zone("lobby", "lobby"))
    assert [i.status for i in event.areas[0].items] == [Status.DONE, Status.WAIVED]


@settings(deadline=None, max_examples=200)
@given(st.data())
def test_a_value_of_the_wrong_type_is_a_load_error_at_its_key(data: st.DataObject) -> None:
    table_path, key, accepted = data.draw(st.sampled_from(FIELDS), label="field")
    kind = data.draw(st.sampled_from(sorted(set(VALUES_OF_KIND) - accepted)), label="kind")
    value = data.draw(VALUES_OF_KIND[kind], label="value")
    broken = copy.deepcopy(FULL)
    at(broken, table_path)[key] = value
    assert_load_error_at(to_toml(broken), (*table_path, key))


keys = st.text(st.characters(exclude_categories=("Cs",)), max_size=12)
#: Every key the format knows, in any table (and the one area the installed plugins provide).
ALL_KEYS = {key for _, key, _ in FIELDS if isinstance(key, str)} | {"general"}


@settings(deadline=None, max_examples=200)
@given(st.data())
def test_an_unknown_key_is_a_load_error_at_that_key(data: st.DataObject) -> None:
    table_path = data.draw(st.sampled_from(TABLES), label="table")
    key = data.draw(keys.filter(lambda k: k not in ALL_KEYS), label="key")
    value = data.draw(st.one_of(st.integers(), st.text(max_size=5), st.booleans()), label="value")
    broken = copy.deepcopy(FULL)
    at(broken, table_path)[key] = value
    assert_load_error_at(to_toml(broken), (*table_path, key))


FULL_TEXT = to_toml(FULL)


def check_loads_total(text: str) -> None:
    """``loads`` returns an Event or raises LoadError with renderable problems; nothing else."""
    problems: tuple[Problem, ...] = ()
    try:
        event = venue_ready.loads(text, source="any.toml")
    except LoadError as exc:
        problems = exc.problems
        assert problems, "LoadError without problems"
    else:
        assert isinstance(event, venue_ready.Event)
    for problem in problems:
        assert problem.render("vi").startswith("any.toml: ")
        assert problem.render("en").startswith("any.toml: ")


@settings(deadline=None, max_examples=150)
@given(st.text())
def test_arbitrary_text_raises_only_load_error(text: str) -> None:
    check_loads_total(text)


@settings(deadline=None, max_examples=250)
@given(
    st.integers(0, len(FULL_TEXT)),
    st.integers(0, 40),
    st.text(alphabet=st.sampled_from('=[]{}"., \n0123456789-:TZ+abcdeintrufls#_Đ'), max_size=20),
)
def test_spliced_event_text_raises_only_load_error(start: int, cut: int, insert: str) -> None:
    check_loads_total(FULL_TEXT[:start] + insert + FULL_TEXT[start + cut :])


#: TOML mistakes, each with the words tomli says it in, said in the reader's language.
SYNTAX = {
    "toml.invalid-value": "name = Đại hội",
    "toml.invalid-date": "due = 2020-02-30",
    "toml.expected-equals": "owner",
    "toml.unclosed-array": "evidence = [1, 2",
    "toml.unclosed-inline-table": "waiver = { reason = 1",
    "toml.unterminated-string": 'title = "Báo cáo',
    "toml.overwrite": "a = 1\na = 2",
    "toml.declared-twice": "[t]\n[t]",
    "toml.duplicate-key": "w = { a = 1, a = 2 }",
    "toml.expected-newline": 'a = "x" b = 1',
    "toml.expected-bracket": "[t",
    "toml.expected-brackets": "[[t]",
    "toml.invalid-key": "a. = 1",
    "toml.unescaped-backslash": 'a = "C:\\q"',
    "toml.bad-escape": 'a = "\\uZZZZ"',
}


@pytest.mark.parametrize("message_id", list(SYNTAX))
def test_a_toml_mistake_is_said_in_the_readers_language(message_id: str) -> None:
    (problem,) = problems_of(SYNTAX[message_id] + "\n")
    error = problem.message.params["error"]
    assert isinstance(error, venue_ready.Message), error
    assert error.id == message_id
    vi, en = problem.render_located("vi"), problem.render_located("en")
    assert re.match(r"x\.toml:[12]:\d+: ", vi), vi
    assert "lỗi cú pháp TOML: " in vi
    assert "TOML syntax error: " in en
    assert vi != en
