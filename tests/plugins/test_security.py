"""The ``security`` area plugin (An ninh, trật tự): every derived rule passing and failing, its
settings validator, its template and settings example, and the Ngọc Thụy part.

Events are built from TOML text and assessed through the public path; messages are read back
rendered, from ``Report.to_dict(lang)``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

import attrs
import pytest
import tomli
from hypothesis import given, settings
from hypothesis import strategies as st

import venue_ready
from venue_ready import BUILTIN_KINDS, AreaPlan, Event, Problem
from venue_ready.testing import check_plugin, make_event, plugin_manager
from venue_ready_security import KEY
from venue_ready_security.settings import (
    DEFAULT_PLAN_APPROVER,
    DEFAULT_POLICE,
    DEFAULT_TEAMS,
    validate,
)
from venue_ready_security.template import SETTINGS_EXAMPLE, TEMPLATE, by_id

from ..support import ENDS, STARTS, TZ, event_header

ROOT = Path(__file__).resolve().parents[2]
AS_OF = datetime(2020, 5, 14, 16, 0, tzinfo=TZ)
PLUGINS = plugin_manager("security")  # and the core checklist, as a third party's tests

ENTRANCES = ({"id": "main-gate", "name": "Cổng chính"}, {"id": "side-gate", "name": "Cổng phụ"})


def head(delegates: int | None, entrances: Sequence[Mapping[str, str]] = ENTRANCES) -> str:
    """The event's header, its venue and its ``[areas.security]`` table."""
    venue = {
        "name": "Hội trường phường Thử",
        "zones": [{"id": "hall", "name": "Hội trường"}, {"id": "lobby", "name": "Sảnh đón tiếp"}],
        "entrances": entrances,
    }
    return (
        event_header(
            id="thu-2020",
            name="Đại hội Đảng bộ phường Thử lần thứ XXII, nhiệm kỳ 2020 - 2025",
            ends=ENDS,
            lang="vi",
            expected_delegates=delegates,
            venue=venue,
        )
        + "\n[areas.security]\n"
    )


SETTINGS = """\
[areas.security.settings]
badges_issued = 100
"""

POSTS = """\
[[areas.security.settings.posts]]
entrance = "main-gate"
team = "Công an phường"
from = 2020-05-15T06:00:00+07:00
until = 2020-05-15T17:30:00+07:00

[[areas.security.settings.posts]]
entrance = "side-gate"
team = "Dân quân phường"
from = 2020-05-15T06:00:00+07:00
until = 2020-05-15T17:30:00+07:00
"""

FIRE = """\
[[areas.security.settings.extinguishers]]
id = "BCC-01"
zone = "hall"
inspected = 2019-11-20

[[areas.security.settings.extinguishers]]
id = "BCC-02"
zone = "lobby"
inspected = 2020-01-10

[[areas.security.settings.exits]]
id = "exit-1"
name = "Cửa thoát hiểm sân khấu"
checked = 2020-05-13
"""

PLAN = """\
[[areas.security.items]]
id = "security.plan"
title = "Phương án bảo đảm an ninh"
due = 2020-05-11
gate = true
status = "{status}"
version = "2"
requires_signoff = "Đảng ủy phường Thử"
{signoff}
"""
SIGNOFF = 'signed_off = { by = "Đảng ủy phường Thử", at = 2020-05-11, version = "2" }'

OTHER_ITEMS = """\
[[areas.security.items]]
id = "security.traffic-plan"
title = "Phương án phân luồng giao thông"
status = "done"

[[areas.security.items]]
id = "security.contingency-plan"
title = "Phương án xử lý tình huống"
status = "done"
"""


def event_text(
    *,
    settings: str = SETTINGS,
    posts: str = POSTS,
    fire: str = FIRE,
    plan: str | None = None,
    items: str = OTHER_ITEMS,
    delegates: int | None = 100,
    entrances: Sequence[Mapping[str, str]] = ENTRANCES,
) -> str:
    if plan is None:
        plan = PLAN.format(status="done", signoff=SIGNOFF)
    return "\n".join((head(delegates, entrances), settings, posts, fire, plan, items))


def make(**parts: Any) -> Event:
    return make_event(event_text(**parts), plugins=PLUGINS)


def findings(event: Event, lang: str = "en", as_of: datetime = AS_OF) -> list[dict[str, Any]]:
    report = venue_ready.assess(event, as_of=as_of, plugins=PLUGINS)
    (area,) = (a for a in report.to_dict(lang)["areas"] if a["key"] == KEY)
    assert area["status"] != "error", area["errors"]
    return [f for f in area["findings"] if f["code"].startswith("security.")]


def one(found: list[dict[str, Any]], code: str, subject: str | None = None) -> dict[str, Any]:
    matches = [
        f for f in found if f["code"] == code and (subject is None or f["subject"] == subject)
    ]
    assert len(matches) == 1, [(f["code"], f["subject"]) for f in found]
    return matches[0]


def text(event: Event, code: str, subject: str | None = None) -> tuple[str, str]:
    """The Finding's message in Vietnamese and in English."""
    vi = one(findings(event, "vi"), code, subject)["message"]["text"]
    en = one(findings(event, "en"), code, subject)["message"]["text"]
    return vi, en


def problems(text_: str) -> list[str]:
    """The problems loading ``text_`` reports, rendered in English."""
    with pytest.raises(venue_ready.LoadError) as info:
        make_event(text_, plugins=PLUGINS)
    return [p.render("en", info.value.catalogs) for p in info.value.problems]


# -- the whole area -------------------------------------------------------------------------------


def test_everything_in_place_is_ready() -> None:
    event = make()
    report = venue_ready.assess(event, as_of=AS_OF, plugins=PLUGINS)
    (area,) = (a for a in report.areas if a.key == KEY)
    assert area.score == 100
    assert area.status is venue_ready.AreaStatus.READY
    codes = [f["code"] for f in findings(event)]
    assert codes == [
        "security.plan-approved",
        "security.entrance-guarded",
        "security.entrance-guarded",
        "security.extinguisher-valid",
        "security.extinguisher-valid",
        "security.extinguishers-count",
        "security.exit-checked",
        "security.badges",
    ]


def test_same_input_same_report() -> None:
    event = make(posts="")
    first = venue_ready.assess(event, as_of=AS_OF, plugins=PLUGINS).to_json()
    assert venue_ready.assess(event, as_of=AS_OF, plugins=PLUGINS).to_json() == first


def test_bad_settings_in_an_event_built_in_code_are_refused_by_assess() -> None:
    event = Event(
        id="x",
        name="x",
        starts=STARTS,
        ends=ENDS,
        areas=(AreaPlan(key=KEY, settings={"doors_open_minutes": -5}),),
    )
    with pytest.raises(venue_ready.LoadError) as info:
        venue_ready.assess(event, as_of=AS_OF, plugins=PLUGINS)
    assert [p.path for p in info.value.problems] == [
        ("areas", KEY, "settings", "doors_open_minutes")
    ]


# -- 1. the security plan ------------------------------------------------------------------------


def test_plan_approved_by_the_party_committee_meets_the_gate() -> None:
    f = one(findings(make()), "security.plan-approved")
    assert (f["subject"], f["weight"], f["credit"], f["gate"]) == ("security.plan", 0.0, 1.0, True)
    vi, en = text(make(), "security.plan-approved")
    assert vi == "Phương án bảo đảm an ninh: đã được Đảng ủy phường Thử phê duyệt"
    assert en == "Phương án bảo đảm an ninh: approved by Đảng ủy phường Thử"


def test_approver_name_matches_in_any_case() -> None:
    signoff = SIGNOFF.replace('by = "Đảng ủy phường Thử"', 'by = "ĐẢNG ỦY PHƯỜNG THỬ"')
    event = make(plan=PLAN.format(status="done", signoff=signoff))
    assert one(findings(event), "security.plan-approved")["credit"] == 1.0


def test_the_plan_is_the_police_own_so_their_sign_off_alone_is_not_the_approval() -> None:
    police_only = SIGNOFF.replace("Đảng ủy phường Thử", "Công an phường Thử")
    event = make(plan=PLAN.format(status="done", signoff=police_only))
    f = one(findings(event), "security.plan-approved")
    assert f["credit"] == 0.0
    assert text(event, "security.plan-approved")[0] == (
        "Phương án bảo đảm an ninh: mới có Công an phường Thử duyệt, phương án cần được "
        "Đảng ủy phường phê duyệt"
    )


def test_plan_approver_is_a_setting_and_restores_the_old_rule() -> None:
    # a ward whose practice is the police's sign-off names it, as the old `police` key did
    police_only = SIGNOFF.replace("Đảng ủy phường Thử", "Công an phường Thử")
    event = make(
        settings=SETTINGS + 'plan_approver = "Công an phường"\n',
        plan=PLAN.format(status="done", signoff=police_only),
    )
    assert one(findings(event), "security.plan-approved")["credit"] == 1.0


@pytest.mark.parametrize(
    ("kind", "approver"),
    [
        ("party-congress", "Đảng ủy phường"),
        ("congress", "Đảng ủy phường"),
        ("election", "Ủy ban nhân dân phường"),
        ("council-session", "Ủy ban nhân dân phường"),
        ("ceremony", "Ủy ban nhân dân phường"),
    ],
)
def test_the_plan_approver_defaults_by_kind(kind: str, approver: str) -> None:
    event = attrs.evolve(make(plan=""), kind=kind, form=None, organiser=None)
    found = one(findings(event), "security.plan-approved")
    assert found["message"]["id"] == "security.plan-missing"
    assert found["message"]["params"]["approver"] == approver


def test_a_missing_required_item_is_named_as_the_kind_names_it() -> None:
    event = attrs.evolve(make(plan="", items=""), kind="election", form=None, organiser=None)
    missing = [f for f in findings(event) if f["code"] == "security.required-item-missing"]
    titles = {f["subject"]: f["message"]["params"]["title"] for f in missing}
    owners = {f["subject"]: f["owner"] for f in missing}
    assert titles["security.traffic-plan"].endswith("cho cử tri")
    assert owners["security.contingency-plan"] == "Polling team"  # the role, in English


def test_a_missing_plan_is_owned_by_the_police() -> None:
    event = make(settings=SETTINGS + 'police = "Công an phường Thử"\n', plan="")
    assert one(findings(event), "security.plan-approved")["owner"] == "Công an phường Thử"


@pytest.mark.parametrize(
    ("plan", "vi", "en"),
    [
        pytest.param(
            "",
            "Chưa có đầu việc lập phương án bảo đảm an ninh, trật tự "
            '(thêm đầu việc có id = "security.plan" và trình Đảng ủy phường phê duyệt)',
            'There is no security plan item (add an item with id = "security.plan", and have '
            "Đảng ủy phường approve it)",
            id="no-such-item",
        ),
        pytest.param(
            PLAN.format(status="in_progress", signoff=""),
            "Phương án bảo đảm an ninh: đang thực hiện; phương án phải hoàn thành và được "
            "Đảng ủy phường phê duyệt",
            "Phương án bảo đảm an ninh: in progress; the plan must be finished and approved by "
            "Đảng ủy phường",
            id="not-done",
        ),
        pytest.param(
            PLAN.format(status="done", signoff=""),
            "Phương án bảo đảm an ninh: chưa được Đảng ủy phường phê duyệt",
            "Phương án bảo đảm an ninh: not yet approved by Đảng ủy phường",
            id="not-signed",
        ),
        pytest.param(
            PLAN.format(
                status="done", signoff=SIGNOFF.replace("Đảng ủy phường Thử", "Ban Chỉ huy Quân sự")
            ),
            "Phương án bảo đảm an ninh: mới có Ban Chỉ huy Quân sự duyệt, phương án cần được "
            "Đảng ủy phường phê duyệt",
            "Phương án bảo đảm an ninh: approved by Ban Chỉ huy Quân sự only; the plan needs the "
            "approval of Đảng ủy phường",
            id="not-by-the-approver",
        ),
        pytest.param(
            PLAN.format(status="done", signoff=SIGNOFF.replace("2020-05-11", "2020-05-14T17:00")),
            "Phương án bảo đảm an ninh: Đảng ủy phường duyệt lúc 17 giờ 00 ngày 14 tháng 5 năm "
            "2020, sau thời điểm đánh giá nên chưa tính",
            "Phương án bảo đảm an ninh: approved by Đảng ủy phường at 14 May 2020, 17:00, after "
            "the assessment, so not counted yet",
            id="signed-after-as-of",
        ),
        pytest.param(
            PLAN.format(status="done", signoff=SIGNOFF.replace('version = "2"', 'version = "1"')),
            "Phương án bảo đảm an ninh: Đảng ủy phường mới duyệt phiên bản 1, phiên bản hiện tại "
            "là 2 (cần trình duyệt lại)",
            "Phương án bảo đảm an ninh: Đảng ủy phường approved version 1, the current version "
            "is 2 (have it approved again)",
            id="outdated-version",
        ),
    ],
)
def test_plan_gate_unmet_says_what_is_missing(plan: str, vi: str, en: str) -> None:
    event = make(plan=plan)
    f = one(findings(event), "security.plan-approved")
    assert (f["weight"], f["credit"], f["gate"]) == (0.0, 0.0, True)
    assert f["subject"] == "security.plan"
    assert text(event, "security.plan-approved") == (vi, en)


def test_unapproved_plan_blocks_the_area_at_the_start() -> None:
    event = make(plan=PLAN.format(status="done", signoff=""))
    report = venue_ready.assess(event, as_of=event.starts, plugins=PLUGINS)
    (area,) = (a for a in report.areas if a.key == KEY)
    assert area.status is venue_ready.AreaStatus.BLOCKED


def test_waived_plan_carries_its_waiver() -> None:
    plan = PLAN.format(
        status="waived", signoff='waiver = { reason = "Họp trực tuyến", approved_by = "Quận ủy" }'
    )
    f = one(findings(make(plan=plan)), "security.plan-approved")
    assert f["waiver"] == {"reason": "Họp trực tuyến", "approved_by": "Quận ủy"}
    assert f["message"]["text"] == "Phương án bảo đảm an ninh: waived"


# -- 2. guard posts ----------------------------------------------------------------------------


def test_guarded_entrance() -> None:
    event = make()
    f = one(findings(event), "security.entrance-guarded", "main-gate")
    assert (f["weight"], f["credit"], f["gate"]) == (1.0, 1.0, True)
    assert f["due"] == "2020-05-13"  # posts_lead_days = 2: the end of that day (days_before)
    vi, en = text(event, "security.entrance-guarded", "main-gate")
    assert vi == (
        "Cổng chính: có người gác suốt từ 6 giờ 00 đến 17 giờ 30 ngày 15 tháng 5 năm 2020"
    )
    assert en == "Cổng chính: guarded throughout 15 May 2020, 06:00–17:30"


def test_unguarded_entrance_is_named_and_blocks() -> None:
    event = make(posts=POSTS.split("\n\n", maxsplit=1)[0])  # only the main gate's post
    f = one(findings(event), "security.entrance-unguarded")
    assert (f["subject"], f["weight"], f["credit"], f["gate"]) == ("side-gate", 1.0, 0.0, True)
    assert f["blocking"]  # due two days before the start, past at as_of
    vi, en = text(event, "security.entrance-unguarded")
    assert vi == (
        "Cổng phụ: chưa bố trí chốt gác (cần có người gác từ 6 giờ 00 đến 17 giờ 30 ngày 15 tháng "
        "5 năm 2020)"
    )
    assert en == "Cổng phụ: no guard post (a guard is needed for 15 May 2020, 06:00–17:30)"


def test_guard_gaps_are_each_named_and_overlapping_posts_of_any_team_merge() -> None:
    posts = """\
[[areas.security.settings.posts]]
entrance = "main-gate"
team = "Công an phường"
from = 2020-05-15T06:00:00+07:00
until = 2020-05-15T09:00:00+07:00

[[areas.security.settings.posts]]
entrance = "main-gate"
team = "Lực lượng bảo vệ dân phố"
from = 2020-05-15T11:00:00+07:00
until = 2020-05-15T17:00:00+07:00

[[areas.security.settings.posts]]
entrance = "main-gate"
team = "Dân quân phường"
from = 2020-05-15T10:00:00+07:00
until = 2020-05-15T12:00:00+07:00

[[areas.security.settings.posts]]
entrance = "side-gate"
team = "Công an phường"
from = 2020-05-15T05:00:00+07:00
until = 2020-05-15T12:00:00+07:00

[[areas.security.settings.posts]]
entrance = "side-gate"
team = "Dân quân phường"
from = 2020-05-15T11:00:00+07:00
until = 2020-05-15T18:00:00+07:00
"""
    event = make(posts=posts)
    found = findings(event)
    one(found, "security.entrance-guarded", "side-gate")  # two teams, overlapping: no gap
    f = one(found, "security.guard-gap", "main-gate")
    # the window is 06:00-17:30 (690 minutes); 09:00-10:00 and 17:00-17:30 are empty
    assert f["credit"] == pytest.approx(600 / 690)
    assert f["gate"] is True
    vi, en = text(event, "security.guard-gap", "main-gate")
    assert vi == (
        "Cổng chính: chốt gác không có người gác 09:00–10:00, 17:00–17:30 (mới bảo đảm 87% thời "
        "gian phải gác, từ 6 giờ 00 đến 17 giờ 30 ngày 15 tháng 5 năm 2020)"
    )
    assert en == (
        "Cổng chính: the guard post is unstaffed 09:00–10:00, 17:00–17:30 (guarded 87% of the "
        "time needed, 15 May 2020, 06:00–17:30)"
    )


def test_window_follows_the_settings() -> None:
    settings_ = SETTINGS + "doors_open_minutes = 120\nafter_close_minutes = 0\n"
    event = make(settings=settings_)
    f = one(findings(event), "security.guard-gap", "main-gate")
    assert f["credit"] == pytest.approx(660 / 690)  # 05:30-17:00, posts from 06:00
    assert "05:30–06:00" in f["message"]["text"]


def test_no_entrances_is_not_assessed() -> None:
    event = make(entrances=(), posts="")
    f = one(findings(event), "security.entrances-unknown")
    assert f["assessed"] is False
    assert f["message"]["text"] == (
        "The venue lists no entrances (add entrances to [venue]), so guard posts cannot be checked"
    )


# -- 3. fire safety -----------------------------------------------------------------------------


def test_valid_extinguisher() -> None:
    event = make()
    f = one(findings(event), "security.extinguisher-valid", "BCC-01")
    assert (f["weight"], f["credit"]) == (0.5, 1.0)
    assert text(event, "security.extinguisher-valid", "BCC-01") == (
        "Bình chữa cháy BCC-01 (Hội trường): kiểm định ngày 20 tháng 11 năm 2019, còn hạn đến "
        "ngày 20 tháng 11 năm 2020",
        "Extinguisher BCC-01 (Hội trường): inspected on 20 November 2019, valid until "
        "20 November 2020",
    )


def test_expired_extinguisher_is_named_with_its_expiry_date() -> None:
    event = make(fire=FIRE.replace("2020-01-10", "2019-05-15"))
    found = findings(event)
    f = one(found, "security.extinguisher-expired", "BCC-02")
    assert (f["weight"], f["credit"], f["gate"]) == (0.5, 0.0, False)
    assert f["due"] == "2020-05-14"  # fire_lead_days = 1: the end of that day (days_before)
    assert f["overdue"] is False  # not yet at 16:00 that day
    later = findings(event, as_of=datetime(2020, 5, 15, 0, 0, tzinfo=TZ))
    assert one(later, "security.extinguisher-expired", "BCC-02")["overdue"] is True
    # valid until 15 May 2020 00:00, before the congress ends at 17:00 that day
    assert text(event, "security.extinguisher-expired", "BCC-02") == (
        "Bình chữa cháy BCC-02 (Sảnh đón tiếp): hết hạn kiểm định ngày 15 tháng 5 năm 2020, "
        "trước khi Đại hội kết thúc (cần kiểm định lại hoặc thay bình)",
        "Extinguisher BCC-02 (Sảnh đón tiếp): its inspection expires on 15 May 2020, "
        "before the congress ends (have it re-inspected or replaced)",
    )
    count = one(found, "security.extinguishers-count")
    assert count["credit"] == 0.5  # 1 valid of max(2, ceil(100 / 50)) = 2


def test_inspection_after_as_of_does_not_count_yet() -> None:
    event = make(fire=FIRE.replace("2020-01-10", "2020-05-14T17:00:00+07:00"))
    f = one(findings(event), "security.extinguisher-not-inspected", "BCC-02")
    assert f["credit"] == 0.0
    assert "after the assessment" in f["message"]["text"]
    later = findings(event, as_of=datetime(2020, 5, 14, 18, 0, tzinfo=TZ))
    assert one(later, "security.extinguisher-valid", "BCC-02")["credit"] == 1.0


def test_enough_extinguishers() -> None:
    event = make()
    f = one(findings(event), "security.extinguishers-count")
    assert (f["weight"], f["credit"]) == (1.0, 1.0)
    assert text(event, "security.extinguishers-count")[1] == (
        "2 extinguishers with a valid inspection, at least 2 needed (100 people present at once, "
        "one per 50 people, at least 2)"
    )


def test_too_few_extinguishers_for_the_attendance() -> None:
    event = make(settings=SETTINGS + "attendance = 220\n")
    f = one(findings(event), "security.extinguishers-count")
    assert f["credit"] == pytest.approx(2 / 5)  # ceil(220 / 50) = 5
    vi, en = text(event, "security.extinguishers-count")
    assert vi == (
        "Có 2 bình chữa cháy còn hạn kiểm định, cần ít nhất 5 (220 người có mặt cùng lúc, mỗi "
        "bình cho 50 người, tối thiểu 2 bình)"
    )
    assert en.startswith("2 extinguishers with a valid inspection, at least 5 needed")


def test_guests_count_towards_attendance_and_badges() -> None:
    event = make(settings=SETTINGS + "guests = 20\n")
    found = findings(event)
    assert (
        "at least 3 needed (120 people"
        in one(found, "security.extinguishers-count")["message"]["text"]
    )
    assert one(found, "security.badges")["credit"] == pytest.approx(100 / 120)


def test_unknown_attendance_is_not_assessed() -> None:
    event = make(delegates=None, settings="")
    found = findings(event)
    assert one(found, "security.extinguishers-count")["assessed"] is False
    assert one(found, "security.badges")["assessed"] is False


def test_exit_checked() -> None:
    event = make()
    f = one(findings(event), "security.exit-checked", "exit-1")
    assert (f["weight"], f["credit"]) == (1.0, 1.0)
    assert text(event, "security.exit-checked", "exit-1") == (
        "Cửa thoát hiểm sân khấu: đã kiểm tra ngày 13 tháng 5 năm 2020",
        "Emergency exit Cửa thoát hiểm sân khấu: checked on 13 May 2020",
    )


@pytest.mark.parametrize(
    ("checked", "en"),
    [
        pytest.param(
            "2020-05-01",
            "Emergency exit Cửa thoát hiểm sân khấu: last checked on 1 May 2020, more than 7 days "
            "before the opening (check it again on or after 8 May 2020)",
            id="too-early",
        ),
        pytest.param(
            "2020-05-14T18:00:00+07:00",
            "Emergency exit Cửa thoát hiểm sân khấu: checked on 14 May 2020, 18:00, after the "
            "assessment, so not counted yet",
            id="after-as-of",
        ),
    ],
)
def test_exit_not_checked_in_time(checked: str, en: str) -> None:
    event = make(fire=FIRE.replace("2020-05-13", checked))
    f = one(findings(event), "security.exit-unchecked", "exit-1")
    assert (f["credit"], f["gate"]) == (0.0, False)
    assert f["message"]["text"] == en


def test_exit_never_checked() -> None:
    event = make(fire=FIRE.replace("checked = 2020-05-13\n", ""))
    vi, en = text(event, "security.exit-unchecked", "exit-1")
    assert vi == (
        "Cửa thoát hiểm sân khấu: chưa kiểm tra (cần kiểm tra trong 7 ngày trước khai mạc)"
    )
    assert en.endswith("not checked (check it within 7 days before the opening)")


def test_no_exits_is_not_assessed() -> None:
    event = make(fire=FIRE.split("[[areas.security.settings.exits]]", maxsplit=1)[0])
    f = one(findings(event), "security.exits-unknown")
    assert (f["assessed"], f["credit"]) == (False, 0.0)
    assert f["message"]["text"].startswith("No emergency exits are listed")


# -- 4. badges ------------------------------------------------------------------------------------


def test_badges_issued_for_everyone() -> None:
    event = make()
    f = one(findings(event), "security.badges")
    assert (f["weight"], f["credit"], f["due"]) == (1.0, 1.0, "2020-05-14")
    assert text(event, "security.badges") == (
        "Đã cấp 100 thẻ đại biểu (cần 100)",
        "100 delegate badges issued (100 needed)",
    )


def test_badges_short() -> None:
    event = make(settings="[areas.security.settings]\nbadges_issued = 75\n")
    f = one(findings(event), "security.badges")
    assert f["credit"] == 0.75
    assert f["message"]["text"] == "75 delegate badges issued (100 needed)"


def test_badges_not_recorded_is_not_assessed() -> None:
    event = make(settings="")
    f = one(findings(event), "security.badges")
    assert f["assessed"] is False
    assert "badges_issued" in f["message"]["text"]


# -- 5. required items ---------------------------------------------------------------------------


def test_required_items_present_add_nothing() -> None:
    assert not [f for f in findings(make()) if f["code"] == "security.required-item-missing"]


def test_missing_required_item_is_named() -> None:
    event = make(items=OTHER_ITEMS.split("\n\n")[1])  # no traffic plan
    f = one(findings(event), "security.required-item-missing")
    assert (f["subject"], f["weight"], f["credit"]) == ("security.traffic-plan", 1.0, 0.0)
    assert text(event, "security.required-item-missing") == (
        'Thiếu đầu việc bắt buộc "Phương án phân luồng giao thông, bố trí nơi đỗ xe cho đại biểu": '
        'thêm vào danh sách đầu việc của mảng (id = "security.traffic-plan")',
        'The required item "Phương án phân luồng giao thông, bố trí nơi đỗ xe cho đại biểu" is '
        'missing: add it to the area\'s items (id = "security.traffic-plan")',
    )


def test_required_items_follow_the_setting() -> None:
    settings_ = SETTINGS + 'required_items = ["security.plan", "security.rehearsal"]\n'
    found = findings(make(settings=settings_))
    (f,) = [f for f in found if f["code"] == "security.required-item-missing"]
    assert f["subject"] == "security.rehearsal"
    assert f["message"]["text"] == (
        'A required item is missing: add it to the area\'s items (id = "security.rehearsal")'
    )


# -- the settings validator ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        pytest.param(
            {"settings": SETTINGS + "doors_open_minute = 60\n"},
            "<make_event>: areas.security.settings.doors_open_minute: unknown key "
            "'doors_open_minute' (did you mean 'doors_open_minutes'?)",
            id="unknown-key",
        ),
        pytest.param(
            {"posts": POSTS.replace('team = "Dân quân phường"', 'team = "Dân quân tự vệ"')},
            "<make_event>: areas.security.settings.posts[1].team: invalid value 'Dân quân tự vệ' "
            "(did you mean 'Dân quân phường'? expected one of: Công an phường, Dân quân phường, "
            "Lực lượng bảo vệ dân phố)",
            id="team-did-you-mean",
        ),
        pytest.param(
            {"posts": POSTS.replace('entrance = "side-gate"', 'entrance = "side-gat"')},
            "<make_event>: areas.security.settings.posts[1].entrance: no entrance 'side-gat' in "
            "[venue] (did you mean 'side-gate'? entrances: main-gate, side-gate)",
            id="entrance-did-you-mean",
        ),
        pytest.param(
            {"fire": FIRE.replace('zone = "lobby"', 'zone = "stage"')},
            "<make_event>: "
            "areas.security.settings.extinguishers[1].zone: no zone 'stage' in [venue] "
            "(zones: hall, lobby)",
            id="unknown-zone",
        ),
        pytest.param(
            {
                "posts": POSTS.replace(
                    "until = 2020-05-15T17:30:00+07:00", "until = 2020-05-15T05:00:00+07:00", 1
                )
            },
            "<make_event>: "
            "areas.security.settings.posts[0].until: the post ends (15 May 2020, 05:00) "
            "no later than it starts (15 May 2020, 06:00) (until must be after from)",
            id="until-before-from",
        ),
        pytest.param(
            {"settings": SETTINGS + "doors_open_minutes = 5000\n"},
            "<make_event>: areas.security.settings.doors_open_minutes: value 5000 is out of range "
            "(expected 0 to 1440)",
            id="out-of-range",
        ),
        pytest.param(
            {"fire": FIRE.replace('id = "BCC-02"', 'id = "BCC-01"')},
            "<make_event>: areas.security.settings.extinguishers[1].id: duplicate id 'BCC-01', "
            "already used at extinguishers[0] (expected unique ids)",
            id="duplicate-id",
        ),
        pytest.param(
            {"settings": SETTINGS + "teams = []\n"},
            "<make_event>: "
            "areas.security.settings.teams: the list of teams is empty (give at least "
            'one, e.g. "Công an phường")',
            id="no-teams",
        ),
    ],
)
def test_validator_rejects_bad_settings(change: dict[str, str], expected: str) -> None:
    assert expected in problems(event_text(**change))


def test_duplicate_id_is_reported_even_when_the_first_entry_has_other_mistakes() -> None:
    fire = FIRE.replace('id = "BCC-02"', 'id = "BCC-01"').replace('zone = "hall"\n', "", 1)
    assert problems(event_text(fire=fire)) == [
        "<make_event>: areas.security.settings.extinguishers[1].id: duplicate id 'BCC-01', "
        "already used at extinguishers[0] (expected unique ids)",
        "<make_event>: areas.security.settings.extinguishers[0].zone: missing required key 'zone'",
    ]


def test_validator_message_in_vietnamese() -> None:
    text_ = event_text(posts=POSTS.replace('entrance = "side-gate"', 'entrance = "cong-phu"'))
    with pytest.raises(venue_ready.LoadError) as info:
        make_event(text_, plugins=PLUGINS)
    (problem,) = info.value.problems
    assert problem.render("vi", info.value.catalogs) == (
        "<make_event>: "
        "areas.security.settings.posts[1].entrance: không có lối vào 'cong-phu' trong "
        "[venue] (các lối vào: main-gate, side-gate)"
    )


_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=12)
    | st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))
    | st.datetimes(timezones=st.none() | st.just(TZ))
    | st.sampled_from(["main-gate", "side-gate", "hall", "Công an phường", "2020-05-15"])
)
_KEYS = st.sampled_from(
    [
        "posts",
        "entrance",
        "team",
        "from",
        "until",
        "extinguishers",
        "exits",
        "id",
        "zone",
        "inspected",
        "checked",
        "name",
        "teams",
        "police",
        "plan_approver",
        "plan_item",
        "attendance",
        "guests",
        "badges_issued",
        "doors_open_minutes",
        "extinguisher_validity_months",
        "people_per_extinguisher",
        "required_items",
        "guarded",
        "place",
        "owner_fire",
        "owner_badges",
        "other",
    ]
) | st.text(max_size=8)
_NESTED = st.recursive(
    _SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_KEYS, inner, max_size=5),
    max_leaves=20,
)
_LOADED = make()


@settings(max_examples=300, deadline=None)
@given(data=_NESTED | st.dictionaries(_KEYS, _NESTED, max_size=6), with_event=st.booleans())
def test_validator_never_raises(data: Any, with_event: bool) -> None:
    found = validate(data, _LOADED if with_event else None)
    assert isinstance(found, list)
    assert all(isinstance(p, Problem) for p in found)
    for p in found:
        p.render("en")  # renders, whatever the input


# -- template and settings example -----------------------------------------------------------------


def test_template_items() -> None:
    assert TEMPLATE()
    ids = {t.id for t in TEMPLATE()}
    for kind in BUILTIN_KINDS:
        # one row per id for every kind: init writes each item once, none missing
        rows = [t.id for t in TEMPLATE() if t.for_kind(kind)]
        assert sorted(rows) == sorted(ids), kind
    for item in TEMPLATE():
        assert item.id.startswith(f"{KEY}.")
        assert item.lead_days is not None
        assert item.lead_days >= 0
        assert item.title_vi.strip()
        assert item.title_en.strip()
        assert item.owner_vi
        assert item.owner_en
    plan = by_id("security.plan")
    assert plan is not None
    assert plan.gate
    assert plan.requires_signoff == DEFAULT_PLAN_APPROVER == "Đảng ủy phường"
    assert plan.owner_vi == DEFAULT_POLICE  # the plan is the ward police's own
    election = by_id("security.plan", "election")
    assert election is not None
    assert election.requires_signoff == "Ủy ban nhân dân phường"
    assert "Đại hội" not in election.title_vi
    assert election.owner_vi == DEFAULT_POLICE
    assert {"security.traffic-plan", "security.contingency-plan"} <= {t.id for t in TEMPLATE()}


def test_settings_example_is_valid_alone_and_with_an_event() -> None:
    parsed = tomli.loads(SETTINGS_EXAMPLE)
    assert validate(parsed, None) == []
    assert validate(parsed, _LOADED) == []
    assert parsed["teams"] == list(DEFAULT_TEAMS)


def test_settings_example_in_an_event_file() -> None:
    text_ = head(None)
    text_ += "[areas.security.settings]\n" + SETTINGS_EXAMPLE
    event = make_event(text_, plugins=PLUGINS)
    assert event.area(KEY) is not None


# -- the Ngọc Thụy example -----------------------------------------------------------------------


def test_ngoc_thuy_part_names_the_unguarded_side_gate() -> None:
    every_plugin = plugin_manager(
        "security", "decoration", "broadcast", "disinfection"
    )  # the example uses all four areas
    example = ROOT / "examples" / "ngoc-thuy-2020" / "congress.toml"
    event = venue_ready.load(example, plugins=every_plugin)
    report = venue_ready.assess(event, as_of=AS_OF, plugins=every_plugin)
    (area,) = (a for a in report.to_dict("en")["areas"] if a["key"] == KEY)
    assert area["status"] == "blocked"
    blockers = [b for b in report.to_dict("en")["blockers"] if b["area"] == KEY]
    assert [(b["code"], b["subject"]) for b in blockers] == [
        ("security.entrance-unguarded", "side-gate")
    ]
    assert blockers[0]["message"]["text"].startswith("Cổng phụ: no guard post")
    unmet = sorted(
        (f["code"], f["subject"])
        for f in area["findings"]
        if f["credit"] < 1 and f["phase"] == "before"
    )
    assert unmet == [
        ("security.entrance-unguarded", "side-gate"),
        ("security.extinguisher-expired", "BCC-04"),
    ]


def test_the_plugin_keeps_the_rules_every_plugin_must_keep() -> None:
    """venue_ready's conformance check, as a third party's tests run it (docs/plugins.md)."""
    import venue_ready_security

    check_plugin(venue_ready_security)
