"""The ``broadcast`` area plugin (Truyền thanh, ward radio): every derived rule passing and
failing, the settings validator, the template and the Ngọc Thụy example's part.

Events are built from TOML text with ``venue_ready.testing.make_event`` (the kit the docs give
third parties) and assessed through the public path; messages are read from
``Report.to_dict(lang)``, rendered as an organiser reads them.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

import attrs
import pytest
import tomli
from hypothesis import given, settings
from hypothesis import strategies as st

import venue_ready
from venue_ready import AreaPlan, Event, Problem
from venue_ready.testing import check_plugin, make_event, plugin_manager
from venue_ready_broadcast import KEY
from venue_ready_broadcast.settings import validate
from venue_ready_broadcast.template import SETTINGS_EXAMPLE, TEMPLATE

from ..support import ENDS, TZ, event_header

AS_OF = datetime(2020, 5, 14, 16, 0, tzinfo=TZ)
PM = plugin_manager("broadcast")  # and the core checklist, as a third party's tests
EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "ngoc-thuy-2020"


def head(lang: str) -> str:
    """The event's header in ``lang`` and its ``[areas.broadcast]`` table."""
    return (
        event_header(
            id="thu",
            name="Đại hội Đảng bộ phường Thử lần thứ XXII, nhiệm kỳ 2020 - 2025",
            ends=ENDS,
            lang=lang,
        )
        + "\n[areas.broadcast]\n"
    )


CLUSTERS_OK = "total = 24\nworking = 22\nchecked = 2020-05-12\n"
APPROVER = "Đảng ủy phường Thử"


def slot(
    slot_id: str,
    at: str,
    kind: str = "daily",
    *,
    approved_on: str | None = "2020-05-06",
    aired: str | None = "at",
    **extra: Any,
) -> str:
    """One ``[[areas.broadcast.settings.slots]]`` table; ``aired="at"`` records it aired on
    time (only written when that time is before AS_OF)."""
    lines = [
        "[[areas.broadcast.settings.slots]]",
        f'id = "{slot_id}"',
        f"at = {at}",
        f'kind = "{kind}"',
        f'content = "Tin {slot_id}"',
    ]
    if approved_on is not None:
        lines += [f'approved_by = "{APPROVER}"', f"approved_on = {approved_on}"]
    if aired == "at":
        if datetime.fromisoformat(at) <= AS_OF:
            lines.append(f"aired = {at}")
    elif aired is not None:
        lines.append(f"aired = {aired}")
    lines += [f"{k} = {v}" for k, v in extra.items()]
    return "\n".join(lines) + "\n"


def daily(day: int, hour: str = "06:00") -> str:
    return slot(f"d{day:02d}-{hour[:2]}", f"2020-05-{day:02d}T{hour}:00+07:00")


OPENING = slot("opening", "2020-05-15T06:00:00+07:00", "opening", approved_on="2020-05-13")
CLOSING = slot("closing", "2020-05-15T17:30:00+07:00", "closing", approved_on="2020-05-13")
RESULTS = slot("results", "2020-05-16T06:00:00+07:00", "results", approved_on="2020-05-13")


def good_slots(*, skip: Sequence[int] = ()) -> list[str]:
    """A complete schedule: a daily slot on 8-14 May, then opening, closing and results."""
    return [daily(d) for d in range(8, 15) if d not in skip] + [OPENING, CLOSING, RESULTS]


def broadcast_event(
    *,
    settings_body: str = "",
    slots: Sequence[str] | None = None,
    clusters: str | None = CLUSTERS_OK,
    lang: str = "vi",
) -> Event:
    parts = [head(lang), "[areas.broadcast.settings]", settings_body]
    if clusters is not None:
        parts += ["[areas.broadcast.settings.clusters]", clusters]
    parts += good_slots() if slots is None else list(slots)
    return make_event("\n".join(parts), plugins=PM)


def area_of(event: Event, as_of: datetime = AS_OF, lang: str = "en") -> dict[str, Any]:
    report = venue_ready.assess(event, as_of=as_of, plugins=PM)
    areas: list[dict[str, Any]] = report.to_dict(lang)["areas"]
    [area] = [a for a in areas if a["key"] == KEY]
    return area


def findings(
    event: Event, as_of: datetime = AS_OF, lang: str = "en", code: str | None = None
) -> list[dict[str, Any]]:
    found = area_of(event, as_of, lang)["findings"]
    return [f for f in found if code is None or f["code"] == code]


def one(
    event: Event, code: str, subject: str, as_of: datetime = AS_OF, lang: str = "en"
) -> dict[str, Any]:
    [found] = [f for f in findings(event, as_of, lang, code) if f["subject"] == subject]
    return found


def text(finding: dict[str, Any]) -> str:
    return str(finding["message"]["text"])


# -- a complete schedule ---------------------------------------------------------------------------


def test_a_complete_schedule_is_ready() -> None:
    area = area_of(broadcast_event())
    assert area["status"] == "ready"
    assert area["score"] == 100.0
    assert all(f["credit"] == 1.0 and f["assessed"] for f in area["findings"])
    codes = {f["code"] for f in area["findings"]}
    assert codes == {
        "broadcast.day-scheduled",
        "broadcast.opening-scheduled",
        "broadcast.closing-scheduled",
        "broadcast.results-scheduled",
        "broadcast.slot-approved",
        "broadcast.slot-aired",
        "broadcast.clusters",
    }


def test_the_same_input_gives_the_same_report() -> None:
    event = broadcast_event()
    first = venue_ready.assess(event, as_of=AS_OF, plugins=PM).to_json("vi")
    assert venue_ready.assess(event, as_of=AS_OF, plugins=PM).to_json("vi") == first


# -- rule 1: the schedule --------------------------------------------------------------------------


def test_every_day_before_the_congress_has_a_slot() -> None:
    event = broadcast_event()
    days = findings(event, code="broadcast.day-scheduled")
    assert [f["subject"] for f in days] == [f"2020-05-{d:02d}" for d in range(8, 15)]
    found = one(event, "broadcast.day-scheduled", "2020-05-10")
    assert found["credit"] == 1.0
    assert found["weight"] == 1.0
    assert found["phase"] == "before"
    assert text(found) == "10 May 2020: 1 broadcast about the congress scheduled"


def test_a_day_with_no_slot_is_missing() -> None:
    event = broadcast_event(slots=good_slots(skip=[10]))
    found = one(event, "broadcast.day-missing", "2020-05-10")
    assert found["credit"] == 0.0
    assert found["gate"] is False
    assert found["phase"] == "before"
    # the last moment a slot that day could still be approved 24 hours ahead
    assert found["due"] == "2020-05-09"
    assert found["overdue"] is True
    # the default role, named in the report's language (the event's is Vietnamese)
    assert found["owner"] == "Ward radio station"
    assert one(event, "broadcast.day-missing", "2020-05-10", lang="vi")["owner"] == (
        "Đài truyền thanh phường"
    )
    assert text(found) == (
        "10 May 2020: no broadcast about the congress scheduled (at least one a day is expected "
        "from 7 days before the opening day)"
    )
    vi = one(event, "broadcast.day-missing", "2020-05-10", lang="vi")
    assert text(vi) == (
        "Lịch phát thanh ngày 10 tháng 5 năm 2020: chưa có buổi nào về Đại hội (cần ít nhất một "
        "buổi mỗi ngày, kể từ 7 ngày trước ngày khai mạc)"
    )
    assert area_of(event)["status"] == "at_risk"


def test_rest_days_and_the_window_are_settings() -> None:
    event = broadcast_event(settings_body='rest_days = ["Sunday"]', slots=good_slots(skip=[10]))
    subjects = [f["subject"] for f in findings(event) if f["code"].startswith("broadcast.day")]
    assert "2020-05-10" not in subjects  # 10 May 2020 was a Sunday
    assert len(subjects) == 6
    event = broadcast_event(settings_body="daily_from_days = 3", slots=good_slots(skip=[8, 9, 10]))
    subjects = [f["subject"] for f in findings(event) if f["code"].startswith("broadcast.day")]
    assert subjects == ["2020-05-12", "2020-05-13", "2020-05-14"]


def test_opening_and_closing_broadcasts_on_the_congress_day() -> None:
    event = broadcast_event()
    opening = one(event, "broadcast.opening-scheduled", "opening")
    assert (opening["credit"], opening["phase"], opening["weight"]) == (1.0, "during", 2.0)
    assert text(opening) == 'Broadcast on the opening day: "Tin opening" at 15 May 2020, 06:00'
    closing = one(event, "broadcast.closing-scheduled", "closing")
    assert closing["credit"] == 1.0
    assert text(closing) == 'Closing broadcast: "Tin closing" at 15 May 2020, 17:30'


def test_a_missing_opening_broadcast() -> None:
    # an "opening" slot the day before the opening day does not count
    early = slot("opening", "2020-05-14T18:00:00+07:00", "opening", approved_on="2020-05-13")
    event = broadcast_event(slots=[*good_slots()[:7], early, CLOSING, RESULTS])
    found = one(event, "broadcast.opening-missing", "opening")
    assert (found["credit"], found["phase"], found["gate"]) == (0.0, "during", False)
    assert found["due"] == "2020-05-14T07:30:00+07:00"
    assert found["overdue"] is True
    assert text(found) == (
        'No opening broadcast (kind = "opening") scheduled on the opening day, 15 May 2020'
    )
    vi = one(event, "broadcast.opening-missing", "opening", lang="vi")
    assert text(vi) == (
        'Chưa có buổi phát thanh khai mạc (kind = "opening") trong ngày khai mạc '
        "(ngày 15 tháng 5 năm 2020)"
    )
    # the day of a file without a schedule, in brackets: "ngày khai mạc" is not said twice
    bare = broadcast_event(slots=[])
    assert text(one(bare, "broadcast.opening-missing", "opening", lang="vi")).startswith(
        "Phát thanh ngày khai mạc (ngày 15 tháng 5 năm 2020): chưa nhập lịch phát thanh"
    )


def test_a_missing_closing_broadcast() -> None:
    event = broadcast_event(slots=[*good_slots()[:7], OPENING, RESULTS])
    found = one(event, "broadcast.closing-missing", "closing")
    assert (found["credit"], found["phase"]) == (0.0, "during")
    assert found["due"] == "2020-05-14T17:00:00+07:00"
    assert found["overdue"] is False  # 16:00, an hour to go
    assert text(found) == (
        'No closing broadcast (kind = "closing") scheduled on the closing day, 15 May 2020'
    )


def test_the_results_broadcast_within_the_window() -> None:
    late = slot("results", "2020-05-19T06:00:00+07:00", "results", approved_on="2020-05-13")
    event = broadcast_event(slots=[*good_slots()[:9], late])
    found = one(event, "broadcast.results-missing", "results")
    assert (found["credit"], found["phase"], found["weight"]) == (0.0, "after", 2.0)
    assert found["due"] == "2020-05-17"
    assert text(found) == (
        'No broadcast of the congress\'s results (kind = "results") scheduled after the '
        "closing, by 18 May 2020 (3 days after the closing)"
    )
    vi = one(event, "broadcast.results-missing", "results", lang="vi")
    assert "chậm nhất ngày 18 tháng 5 năm 2020 (3 ngày sau bế mạc)" in text(vi)
    event = broadcast_event(
        settings_body="results_within_days = 4", slots=[*good_slots()[:9], late]
    )
    found = one(event, "broadcast.results-scheduled", "results")
    assert found["credit"] == 1.0
    assert text(found) == (
        'Broadcast of the congress\'s results: "Tin results" at 19 May 2020, 06:00'
    )


def test_without_any_slot_the_schedule_is_not_assessed() -> None:
    area = area_of(broadcast_event(slots=[]))
    schedule = [f for f in area["findings"] if f["code"] != "broadcast.clusters"]
    assert len(schedule) == 7 + 3
    assert all(not f["assessed"] and f["credit"] == 0.0 for f in schedule)
    assert area["coverage"] == {"assessed": 1, "expected": 11}
    assert text(schedule[0]) == (
        "8 May 2020: no broadcast schedule ([[slots]]) given, so this day cannot be assessed"
    )
    assert schedule[-1]["code"] == "broadcast.results-missing"
    assert text(schedule[-1]) == (
        "Broadcast of the congress's results (by 18 May 2020): no broadcast schedule "
        "([[slots]]) given, not assessed"
    )


# -- rule 2: each slot approved, and aired once its time has come ----------------------------------


def test_an_approved_slot() -> None:
    found = one(broadcast_event(), "broadcast.slot-approved", "d12-06")
    assert (found["credit"], found["phase"], found["weight"]) == (1.0, "before", 1.0)
    assert found["due"] == "2020-05-11T06:00:00+07:00"
    assert text(found) == (
        'Broadcast "Tin d12-06" (12 May 2020, 06:00): content approved by '
        "Đảng ủy phường Thử on 6 May 2020"
    )
    vi = one(broadcast_event(), "broadcast.slot-approved", "d12-06", lang="vi")
    assert text(vi) == (
        'Buổi phát thanh "Tin d12-06" (6 giờ 00 ngày 12 tháng 5 năm 2020): nội dung đã được '
        "Đảng ủy phường Thử duyệt ngày 6 tháng 5 năm 2020"
    )


def test_a_slot_not_approved_in_time() -> None:
    pending = slot("d14-17", "2020-05-14T17:30:00+07:00", approved_on=None)
    event = broadcast_event(slots=[*good_slots(), pending])
    found = one(event, "broadcast.slot-approved", "d14-17")
    assert found["credit"] == 0.0
    assert found["due"] == "2020-05-13T17:30:00+07:00"
    assert found["overdue"] is True
    assert text(found) == (
        'Broadcast "Tin d14-17" (14 May 2020, 17:30): content not approved yet '
        "(approver: Ward Party committee; approval is needed at least 24 hours before it airs)"
    )
    # with a 2-hour lead it is not late yet
    event = broadcast_event(settings_body="approval_lead_hours = 2", slots=[*good_slots(), pending])
    found = one(event, "broadcast.slot-approved", "d14-17")
    assert (found["due"], found["overdue"]) == ("2020-05-14T15:30:00+07:00", True)
    event = broadcast_event(settings_body="approval_lead_hours = 1", slots=[*good_slots(), pending])
    assert one(event, "broadcast.slot-approved", "d14-17")["overdue"] is False


def test_an_approval_dated_after_the_assessment_does_not_count_yet() -> None:
    results = slot("results", "2020-05-16T06:00:00+07:00", "results", approved_on="2020-05-15")
    event = broadcast_event(slots=[*good_slots()[:9], results])
    found = one(event, "broadcast.slot-approved", "results")
    assert (found["credit"], found["phase"]) == (0.0, "after")
    assert text(found) == (
        'Broadcast "Tin results" (16 May 2020, 06:00): approved by '
        "Đảng ủy phường Thử on 15 May 2020, after the assessment"
    )
    later = datetime(2020, 5, 15, 12, 0, tzinfo=TZ)
    assert one(event, "broadcast.slot-approved", "results", as_of=later)["credit"] == 1.0


def test_a_past_slot_with_a_record_that_it_aired() -> None:
    found = one(broadcast_event(), "broadcast.slot-aired", "d13-06")
    assert (found["credit"], found["due"]) == (1.0, "2020-05-13T06:00:00+07:00")
    assert text(found) == 'Broadcast "Tin d13-06": aired on 13 May 2020, 06:00'


def test_a_past_slot_with_no_record_that_it_aired() -> None:
    silent = slot("d13-17", "2020-05-13T17:30:00+07:00", aired=None)
    event = broadcast_event(slots=[*good_slots(), silent])
    found = one(event, "broadcast.slot-aired", "d13-17")
    assert (found["credit"], found["overdue"], found["phase"]) == (0.0, True, "before")
    assert text(found) == (
        'Broadcast "Tin d13-17": due on air at 13 May 2020, 17:30, but there is no '
        "record that it went out (aired)"
    )
    vi = one(event, "broadcast.slot-aired", "d13-17", lang="vi")
    assert text(vi) == (
        'Buổi phát thanh "Tin d13-17": đã đến giờ phát 17 giờ 30 ngày 13 tháng 5 năm 2020 '
        "nhưng chưa có ghi nhận đã phát (aired)"
    )


def test_slots_still_to_come_have_no_aired_finding_and_late_records_do_not_count() -> None:
    event = broadcast_event()
    aired = {f["subject"] for f in findings(event, code="broadcast.slot-aired")}
    assert aired == {f"d{d:02d}-06" for d in range(8, 15)}  # not opening, closing, results
    # a bare date for the record means some time that day: it counts from that day's start
    by_date = slot("d13-17", "2020-05-13T17:30:00+07:00", aired="2020-05-13")
    event = broadcast_event(slots=[*good_slots(), by_date])
    assert one(event, "broadcast.slot-aired", "d13-17")["credit"] == 1.0
    # reproducible: as of 12 May noon, the slot of the 13th neither aired nor was due
    earlier = datetime(2020, 5, 12, 12, 0, tzinfo=TZ)
    aired = {f["subject"] for f in findings(event, earlier, code="broadcast.slot-aired")}
    assert aired == {"d08-06", "d09-06", "d10-06", "d11-06", "d12-06"}
    # a record dated after the assessment does not count yet
    late = slot("d12-17", "2020-05-12T17:30:00+07:00", aired="2020-05-14T18:00:00+07:00")
    event = broadcast_event(slots=[*good_slots(), late])
    assert one(event, "broadcast.slot-aired", "d12-17")["credit"] == 0.0


# -- rule 3: the loudspeaker clusters --------------------------------------------------------------


def test_clusters_in_working_order() -> None:
    found = one(broadcast_event(), "broadcast.clusters", "clusters")
    assert (found["credit"], found["weight"], found["gate"]) == (1.0, 3.0, False)
    # three days before the opening day: the end of 12 May (days_before), not its 07:30
    assert found["due"] == "2020-05-12"
    assert text(found) == (
        "22/24 loudspeaker clusters working (91.7%, at least 90% required), checked 12 May 2020"
    )
    vi = one(broadcast_event(), "broadcast.clusters", "clusters", lang="vi")
    assert text(vi) == (
        "22/24 cụm loa hoạt động tốt (91,7%, yêu cầu tối thiểu 90%), kiểm tra ngày 12 tháng 5 "
        "năm 2020"
    )
    exact = broadcast_event(clusters="total = 10\nworking = 9\nchecked = 2020-05-12\n")
    assert one(exact, "broadcast.clusters", "clusters")["credit"] == 1.0


def test_too_few_clusters_working() -> None:
    event = broadcast_event(clusters="total = 24\nworking = 20\nchecked = 2020-05-12\n")
    found = one(event, "broadcast.clusters", "clusters")
    assert found["credit"] == pytest.approx((20 / 24) / 0.9, abs=1e-4)
    assert found["overdue"] is True
    assert text(found) == (
        "Only 20/24 loudspeaker clusters working (83.3%, below the 90% required), "
        "checked 12 May 2020: repair 2 more"
    )
    lenient = broadcast_event(
        settings_body="min_working_ratio = 0.8",
        clusters="total = 24\nworking = 20\nchecked = 2020-05-12\n",
    )
    assert one(lenient, "broadcast.clusters", "clusters")["credit"] == 1.0


def test_a_stale_or_missing_check_of_the_clusters_earns_nothing() -> None:
    stale = broadcast_event(clusters="total = 24\nworking = 24\nchecked = 2020-05-07\n")
    found = one(stale, "broadcast.clusters", "clusters")
    assert (found["credit"], found["assessed"]) == (0.0, True)
    assert text(found) == (
        "24/24 loudspeaker clusters working, but the check on 7 May 2020 is more than 7 days "
        "before the opening (at least 90% required): check them again"
    )
    recent = broadcast_event(clusters="total = 24\nworking = 24\nchecked = 2020-05-08\n")
    assert one(recent, "broadcast.clusters", "clusters")["credit"] == 1.0
    unchecked = broadcast_event(clusters="total = 24\nworking = 24\n")
    found = one(unchecked, "broadcast.clusters", "clusters")
    assert found["credit"] == 0.0
    assert text(found).startswith("24/24 loudspeaker clusters working (at least 90% required), but")
    later = broadcast_event(clusters="total = 24\nworking = 24\nchecked = 2020-05-14T18:00:00\n")
    found = one(later, "broadcast.clusters", "clusters")
    assert found["credit"] == 0.0
    assert text(found) == (
        "The loudspeaker clusters were checked 14 May 2020, 18:00, after the assessment "
        "(at least 90% required)"
    )


def test_no_cluster_figures_is_not_assessed() -> None:
    event = broadcast_event(clusters=None)
    found = one(event, "broadcast.clusters", "clusters")
    assert (found["assessed"], found["credit"]) == (False, 0.0)
    assert text(found) == (
        "No loudspeaker cluster figures given ([clusters]: total, working, checked): not assessed"
    )
    area = area_of(event)
    assert area["coverage"]["assessed"] == area["coverage"]["expected"] - 1
    assert area["status"] != "ready"


# -- rule 4: the local limits ----------------------------------------------------------------------


def test_a_day_within_the_limit_gives_nothing() -> None:
    event = broadcast_event(slots=[*good_slots(), daily(12, "17:30")])
    assert findings(event, code="broadcast.over-limit") == []


def test_a_day_over_the_limit() -> None:
    extra = [daily(12, "11:00"), daily(12, "17:30")]
    event = broadcast_event(slots=[*good_slots(), *extra])
    found = one(event, "broadcast.over-limit", "2020-05-12")
    assert (found["credit"], found["weight"], found["phase"]) == (0.0, 1.0, "before")
    assert found["due"] == "2020-05-11T06:00:00+07:00"
    assert text(found) == (
        "12 May 2020: 3 broadcasts, over the limit of 2 a day; drop or move some of them"
    )
    vi = one(event, "broadcast.over-limit", "2020-05-12", lang="vi")
    assert text(vi).startswith(
        "Lịch phát thanh ngày 12 tháng 5 năm 2020: có 3 buổi, vượt giới hạn 2"
    )
    # a campaign may allow more: the limit is a setting
    event = broadcast_event(settings_body="max_per_day = 5", slots=[*good_slots(), *extra])
    assert findings(event, code="broadcast.over-limit") == []


def test_a_slot_too_long() -> None:
    long = slot("d12-17", "2020-05-12T17:30:00+07:00", minutes=20)
    event = broadcast_event(slots=[*good_slots(), long])
    found = one(event, "broadcast.too-long", "d12-17")
    assert (found["credit"], found["weight"]) == (0.0, 1.0)
    assert text(found) == (
        'Broadcast "Tin d12-17" (12 May 2020, 17:30): 20 minutes long, over the limit of 15 '
        "minutes a broadcast"
    )
    event = broadcast_event(settings_body="max_minutes = 30", slots=[*good_slots(), long])
    assert findings(event, code="broadcast.too-long") == []
    fits = slot("d12-17", "2020-05-12T17:30:00+07:00", minutes=15)
    assert findings(broadcast_event(slots=[*good_slots(), fits]), code="broadcast.too-long") == []


# -- owners ----------------------------------------------------------------------------------------


def test_owners_come_from_the_data_else_the_template_role() -> None:
    owned = slot("d12-17", "2020-05-12T17:30:00+07:00", approved_on=None, owner='"Ban Tuyên giáo"')
    event = broadcast_event(slots=[*good_slots(skip=[10]), owned], lang="en")
    assert one(event, "broadcast.slot-approved", "d12-17")["owner"] == "Ban Tuyên giáo"
    assert one(event, "broadcast.day-missing", "2020-05-10")["owner"] == "Ward radio station"
    event = broadcast_event(settings_body='owner = "UBND phường"', slots=good_slots(skip=[10]))
    assert one(event, "broadcast.day-missing", "2020-05-10")["owner"] == "UBND phường"


# -- the settings validator ------------------------------------------------------------------------


def load_problems(
    settings_body: str, slots: Sequence[str] = (), clusters: str | None = None
) -> tuple[list[str], venue_ready.LoadError]:
    with pytest.raises(venue_ready.LoadError) as info:
        broadcast_event(settings_body=settings_body, slots=slots, clusters=clusters)
    err = info.value
    return [p.render("en", err.catalogs) for p in err.problems], err


def test_the_validator_names_each_problem_in_the_file() -> None:
    rendered, err = load_problems(
        'max_per_days = 3\nmin_working_ratio = 1.5\ndaily_from_days = 1000\nrest_days = ["sun"]',
        slots=[
            slot("a", "2020-05-12T06:00:00+07:00", "openning"),
            slot("a", "2020-05-13T06:00:00+07:00"),
            '[[areas.broadcast.settings.slots]]\nid = "b"\nat = 2020-05-13\ncontent = "x"\n'
            'approved_by = "UBND"\n',
        ],
        clusters="total = 24\nworking = 30\n",
    )
    prefix = "<make_event>: areas.broadcast.settings."
    assert rendered == [
        prefix + "max_per_days: unknown key 'max_per_days' (did you mean 'max_per_day'?)",
        prefix + "daily_from_days: value 1000 is out of range (expected 0 to 366)",
        prefix + "rest_days: invalid value 'sun' (did you mean 'sunday'? expected one of: "
        "monday, tuesday, wednesday, thursday, friday, saturday, sunday)",
        prefix + "min_working_ratio: value 1.5 is out of range (expected 0 to 1)",
        prefix + "slots[1].id: duplicate id 'a', already used at slots[0] (expected unique ids)",
        prefix + "slots[0].kind: invalid value 'openning' (did you mean 'opening'? expected "
        "one of: daily, opening, reminder, closing, results, other)",
        prefix + "slots[2].approved_on: approved_by is given but not the date of approval "
        "(expected approved_on = 2020-05-13)",
        prefix + "clusters.working: working clusters (30) are more than the total (24) "
        "(expected working to be at most total)",
    ]
    vi = err.problems[-1].render("vi", err.catalogs)
    assert vi.endswith("số cụm loa hoạt động (30) lớn hơn tổng số cụm loa (24) (cần working "
                       "không quá total)")  # fmt: skip


def test_the_validator_wants_the_keys_a_slot_and_the_clusters_need() -> None:
    rendered, _ = load_problems(
        'slots = [{ kind = "daily", approved_on = 2020-05-06 }, 3]',
        clusters="working = 3",
    )
    prefix = "<make_event>: areas.broadcast.settings."
    assert rendered == [
        # SettingsReader.tables() reports entries that are not tables before anything inside
        prefix + "slots[1]: wrong type: a number (expected a table)",
        prefix + "slots[0].id: missing required key 'id'",
        prefix + "slots[0].at: missing required key 'at'",
        prefix + "slots[0].content: missing required key 'content'",
        prefix + "slots[0].approved_by: approved_on is given but not who approved "
        '(expected approved_by = "...")',
        prefix + "clusters.total: missing required key 'total'",
    ]


KEYS = st.sampled_from(
    [
        "daily_from_days", "rest_days", "approval_lead_hours", "results_within_days",
        "max_per_day", "max_minutes", "min_working_ratio", "clusters_lead_days",
        "clusters_check_days", "owner", "slots", "clusters", "id", "at", "kind", "content",
        "minutes", "approved_by", "approved_on", "aired", "total", "working", "checked",
    ]
)  # fmt: skip
SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=8)
    | st.sampled_from(["daily", "opening", "results", "sunday", "2020-05-14", "x"])
    | st.dates()
    | st.datetimes()
    | st.datetimes(timezones=st.just(TZ))
    | st.times()
)
JUNK = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(KEYS | st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=8,
)
# A TOML key is always a string; a mapping built in code may have any key.
ANY_KEYS = KEYS | st.integers() | st.none()
SLOTS = st.lists(st.dictionaries(ANY_KEYS, JUNK, max_size=6), max_size=3)
CLUSTERS = st.dictionaries(ANY_KEYS, JUNK, max_size=4)
SETTINGS = st.dictionaries(ANY_KEYS, JUNK | SLOTS | CLUSTERS, max_size=8) | JUNK
EVENT = broadcast_event()


@settings(max_examples=200, deadline=None)
@given(SETTINGS, st.booleans())
def test_the_validator_never_raises(value: Any, with_event: bool) -> None:
    event = EVENT if with_event else None
    problems = validate(value, event)
    assert isinstance(problems, list)
    assert all(isinstance(p, Problem) for p in problems)
    for p in problems:
        p.render("en", {"en": {}})  # every problem renders


MOMENTS = st.datetimes(
    min_value=datetime(2020, 4, 20), max_value=datetime(2020, 5, 25), timezones=st.just(TZ)
)
VALID_SLOTS = st.lists(
    st.fixed_dictionaries(
        {"at": MOMENTS, "kind": st.sampled_from(["daily", "opening", "closing", "results"])},
        optional={
            "minutes": st.integers(0, 40),
            "approved": MOMENTS,
            "aired": MOMENTS,
        },
    ),
    max_size=12,
)


@settings(max_examples=100, deadline=None)
@given(VALID_SLOTS, MOMENTS, st.integers(0, 10), st.integers(1, 24), st.booleans())
def test_any_valid_schedule_assesses_within_bounds(
    drawn: list[dict[str, Any]], as_of: datetime, from_days: int, total: int, rest: bool
) -> None:
    slots = []
    for i, entry in enumerate(drawn):
        table: dict[str, Any] = {"id": f"s{i}", "at": entry["at"], "kind": entry["kind"]}
        table["content"] = "Tin"
        if "minutes" in entry:
            table["minutes"] = entry["minutes"]
        if "approved" in entry:
            table |= {"approved_by": APPROVER, "approved_on": entry["approved"]}
        if "aired" in entry:
            table["aired"] = entry["aired"]
        slots.append(table)
    plan_settings: dict[str, Any] = {
        "daily_from_days": from_days,
        "rest_days": ["sunday"] if rest else [],
        "slots": slots,
        "clusters": {"total": total, "working": total // 2, "checked": date(2020, 5, 10)},
    }
    assert validate(plan_settings, EVENT) == []
    event = Event(
        id="thu",
        name=EVENT.name,
        starts=EVENT.starts,
        ends=EVENT.ends,
        areas=(AreaPlan(key=KEY, settings=plan_settings),),
    )
    report = venue_ready.assess(event, as_of=as_of, plugins=PM)
    [area] = report.areas
    assert area.status.value != "error"
    assert area.score is None or 0.0 <= area.score <= 100.0
    assert all(0.0 <= f.credit <= 1.0 for f in area.findings)
    aired = [f for f in area.findings if f.code == "broadcast.slot-aired"]
    assert len(aired) == sum(1 for s in slots if s["at"] <= as_of)
    days = [f for f in area.findings if f.code.startswith("broadcast.day-")]
    expected = [d for d in range(from_days) if (date(2020, 5, 14).toordinal() - d) % 7 != 0]
    assert len(days) == (len(expected) if rest else from_days)
    assert venue_ready.assess(event, as_of=as_of, plugins=PM).to_json() == report.to_json()


def test_an_event_built_in_code_with_bad_settings_is_refused_by_assess() -> None:
    # the caller's mistake, named like the loader names it (#18), not the plugin's failure
    loaded = broadcast_event()
    event = Event(
        id="thu",
        name=loaded.name,
        starts=loaded.starts,
        ends=loaded.ends,
        areas=(AreaPlan(key=KEY, settings={"max_per_day": "two"}),),
    )
    with pytest.raises(venue_ready.LoadError) as info:
        venue_ready.assess(event, as_of=AS_OF, plugins=PM)
    [problem] = info.value.problems
    assert problem.render("en", info.value.catalogs) == (
        f"areas.{KEY}.settings.max_per_day: wrong type: a string (expected a whole number)"
    )


def test_other_areas_get_nothing_from_this_plugin() -> None:
    from venue_ready_broadcast import venue_ready_assess

    event = broadcast_event()
    assert venue_ready_assess(event, AreaPlan(key="general"), AS_OF) is None


# -- the template and the settings example ---------------------------------------------------------


def test_the_template() -> None:
    assert TEMPLATE
    ids = {item.id for item in TEMPLATE}
    for kind in venue_ready.BUILTIN_KINDS:
        # one row per id for every kind: init writes each item once, none missing
        rows = [item.id for item in TEMPLATE if item.for_kind(kind)]
        assert sorted(rows) == sorted(ids), kind
    for item in TEMPLATE:
        assert item.id.startswith("broadcast.")
        assert item.lead_days is not None
        assert item.lead_days >= 0
        assert item.title_vi.strip()
        assert item.title_en.strip()
        assert item.owner_vi
        assert item.owner_en


def test_the_settings_example_is_valid_for_any_event() -> None:
    parsed = tomli.loads(SETTINGS_EXAMPLE)
    assert parsed["max_per_day"] == 2
    assert validate(parsed, None) == []
    assert validate(parsed, broadcast_event()) == []
    # as `venue-ready init` writes it: under [areas.broadcast.settings] of a new file
    file_text = head("vi") + "\n[areas.broadcast.settings]\n" + SETTINGS_EXAMPLE
    event = make_event(file_text, plugins=PM)
    assert event.area(KEY) is not None
    # uncommented, the commented examples are valid too, and sit where they belong
    uncommented = "\n".join(
        line[2:] if line.startswith(("# [", "# total", "# working", "# checked", "# id",
                                     "# at", "# kind", "# content", "# minutes", "# approved",
                                     "# aired", "# owner", "# required",
                                     "# reminders_per_day", "# approver =")) else line
        for line in file_text.splitlines()
    )  # fmt: skip
    event = make_event(uncommented, plugins=PM)
    plan = event.area(KEY)
    assert plan is not None
    assert plan.settings["clusters"]["total"] == 24
    assert plan.settings["slots"][0]["kind"] == "daily"
    assert plan.settings["required"] == ["daily", "opening", "closing", "results"]
    assert plan.settings["approver"] == "Đảng ủy phường"


def test_the_area_spec() -> None:
    [spec] = [s for s in PM.area_specs().values() if s.key == KEY]
    assert (spec.title_vi, spec.title_en) == ("Truyền thanh", "Ward radio")
    assert set(spec.messages["vi"]) == set(spec.messages["en"])
    assert spec.settings_example == SETTINGS_EXAMPLE


# -- the Ngọc Thụy example -------------------------------------------------------------------------


def test_the_ngoc_thuy_part() -> None:
    every_plugin = plugin_manager(
        "security", "decoration", "broadcast", "disinfection"
    )  # the example uses all four areas
    event = venue_ready.load(EXAMPLE / "congress.toml", plugins=every_plugin)
    # assessed with the plugins it was loaded with: to PM alone its other areas are unknown
    report = venue_ready.assess(event, as_of=AS_OF, plugins=every_plugin)
    [area] = [a for a in report.to_dict("en")["areas"] if a["key"] == KEY]
    assert area["status"] == "at_risk"
    unmet = [(f["code"], f["subject"]) for f in area["findings"] if f["credit"] < 1]
    assert unmet == [
        ("broadcast.day-missing", "2020-05-10"),
        ("broadcast.slot-approved", "results"),
    ]
    assert [(f["code"], f["subject"]) for f in area["findings"] if f["overdue"]] == [
        ("broadcast.day-missing", "2020-05-10")
    ]
    assert date(2020, 5, 10).weekday() == 6  # the gap is a Sunday


# -- the status journal ---------------------------------------------------------------------------


def test_a_broadcast_reported_in_the_journal_counts_as_aired() -> None:
    slots = [*good_slots(skip=[14]), slot("d14-06", "2020-05-14T06:00:00+07:00", aired=None)]
    event = broadcast_event(slots=slots)
    assert one(event, "broadcast.slot-aired", "d14-06")["credit"] == 0.0
    record = venue_ready.JournalEntry(
        uid="u1",
        subject="broadcast:d14-06",
        status="done",
        by="Đài truyền thanh phường",
        recorded_at=datetime(2020, 5, 14, 6, 20, tzinfo=TZ),
        happened_at=datetime(2020, 5, 14, 6, 0, tzinfo=TZ),
    )
    replayed = venue_ready.replay(event, [record])
    aired = one(replayed, "broadcast.slot-aired", "d14-06")
    assert aired["credit"] == 1.0
    assert aired["reported"] == {
        "by": "Đài truyền thanh phường",
        "at": "2020-05-14T06:20:00+07:00",  # when the radio wrote it
        "age_hours": 9,
    }
    # a record of another status, or one for a slot the file already says aired, changes nothing
    blocked = venue_ready.replay(event, [attrs.evolve(record, uid="u2", status="blocked")])
    assert one(blocked, "broadcast.slot-aired", "d14-06")["credit"] == 0.0
    other = venue_ready.replay(event, [attrs.evolve(record, uid="u3", subject="broadcast:d13-06")])
    assert one(other, "broadcast.slot-aired", "d13-06")["reported"] is None


def test_the_plugin_keeps_the_rules_every_plugin_must_keep() -> None:
    """venue_ready's conformance check, as a third party's tests run it (docs/plugins.md)."""
    import venue_ready_broadcast

    check_plugin(venue_ready_broadcast)
