"""The ``disinfection`` area plugin: each derived rule passing and failing, the settings
validator, the template and the settings example, and the Ngọc Thụy example part."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import attrs
import pytest
import tomli
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import venue_ready
from venue_ready import AreaPlan, AreaStatus, Event, LoadError, Problem, Venue, Zone
from venue_ready.testing import check_plugin, make_event, plugin_manager
from venue_ready_disinfection import KEY, venue_ready_areas
from venue_ready_disinfection.settings import validate
from venue_ready_disinfection.template import SETTINGS_EXAMPLE, TEMPLATE

from ..support import STARTS, TZ, event_header

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "ngoc-thuy-2020"
AS_OF = datetime(2020, 5, 14, 16, 0, tzinfo=TZ)

# The sibling area plugins are blocked so that these tests depend on this plugin alone.
PLUGINS = plugin_manager("disinfection")  # and the core checklist, as a third party's tests

VENUE = {
    "name": "Hội trường phường",
    "zones": [{"id": "hall", "name": "Hội trường"}, {"id": "basement", "name": "Tầng hầm"}],
    "entrances": [
        {"id": "main-gate", "name": "Cổng chính"},
        {"id": "side-gate", "name": "Cổng phụ"},
    ],
}

SPRAYED = """
sprayings = [
  { zone = "hall", at = 2020-05-14T14:00:00+07:00 },
  { zone = "basement", at = 2020-05-14T15:00:00+07:00, by = "Trung tâm Y tế quận" },
]
"""


def _text(
    settings_toml: str = "",
    *,
    starts: str = "2020-05-15T07:30:00+07:00",
    ends: str = "2020-05-15T17:00:00+07:00",
    delegates: int | None = 150,
) -> str:
    head = event_header(
        id="t",
        name="Đại hội Đảng bộ phường Mẫu lần thứ XV, nhiệm kỳ 2020 - 2025",
        starts=starts,
        ends=ends,
        lang="vi",
        expected_delegates=delegates,
        venue=VENUE,
    )
    return head + "\n[areas.disinfection]\n\n[areas.disinfection.settings]\n" + settings_toml


def _event(settings_toml: str = "", **kw: Any) -> Event:
    return make_event(_text(settings_toml, **kw), plugins=PLUGINS)


def _area(event: Event, as_of: datetime = AS_OF, lang: str = "en") -> dict[str, Any]:
    report = venue_ready.assess(event, as_of=as_of, plugins=PLUGINS)
    (area,) = [a for a in report.to_dict(lang)["areas"] if a["key"] == KEY]
    return area  # type: ignore[no-any-return]


def _findings(
    settings_toml: str = "", code: str | None = None, as_of: datetime = AS_OF, **kw: Any
) -> tuple[list[dict[str, Any]], list[str]]:
    """The area's Findings rendered in English (as dicts), and their Vietnamese texts."""
    event = _event(settings_toml, **kw)
    en = [f for f in _area(event, as_of, "en")["findings"] if code is None or f["code"] == code]
    vi = [f for f in _area(event, as_of, "vi")["findings"] if code is None or f["code"] == code]
    return en, [f["message"]["text"] for f in vi]


def _by_subject(findings: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {f["subject"]: f for f in findings}


def _problems(settings_toml: str, **kw: Any) -> list[str]:
    with pytest.raises(LoadError) as info:
        _event(settings_toml, **kw)
    return [p.render("en", info.value.catalogs) for p in info.value.problems]


def _problems_vi(settings_toml: str) -> list[str]:
    with pytest.raises(LoadError) as info:
        _event(settings_toml)
    return [p.render("vi", info.value.catalogs) for p in info.value.problems]


# -- disinfection.zone-sprayed ------------------------------------------------------------------


def test_zones_sprayed_within_the_window_pass() -> None:
    en, vi = _findings(SPRAYED, "disinfection.zone-sprayed")
    zones = _by_subject(en)
    assert list(zones) == ["hall", "basement"]
    for f in en:
        assert f["credit"] == 1.0
        assert f["gate"] is True
        assert f["phase"] == "before"
        assert f["due"] == "2020-05-15T07:30:00+07:00"
    # 15:00 on the eve is within 24 hours of the 07:30 opening, as of 16:00 that day
    assert zones["basement"]["message"]["text"] == (
        "Zone Tầng hầm was disinfected at 14 May 2020, 15:00 by Trung tâm Y tế quận, "
        "within 24 hours before the opening at 15 May 2020, 07:30"
    )
    assert zones["basement"]["owner"] == "Trung tâm Y tế quận"
    assert (
        zones["hall"]["owner"] == "Ward health station"
    )  # the template's role, in the report's language
    assert vi[1] == (
        "Tầng hầm đã được Trung tâm Y tế quận phun khử khuẩn lúc 15 giờ 00 ngày 14 tháng 5 "
        "năm 2020, trong vòng 24 giờ trước giờ khai mạc (7 giờ 30 ngày 15 tháng 5 năm 2020)"
    )


def test_a_zone_never_sprayed_is_named_and_blocks_at_the_opening() -> None:
    settings_toml = 'sprayings = [{ zone = "hall", at = 2020-05-14T14:00:00+07:00 }]'
    en, vi = _findings(settings_toml, "disinfection.zone-sprayed")
    basement = _by_subject(en)["basement"]
    assert basement["credit"] == 0.0
    assert basement["gate"] is True
    assert basement["message"]["text"] == (
        "Zone Tầng hầm not disinfected before the opening at 15 May 2020, 07:30"
    )
    assert vi[1] == (
        "Tầng hầm chưa được phun khử khuẩn trước giờ khai mạc (7 giờ 30 ngày 15 tháng 5 năm 2020)"
    )
    area = _area(_event(settings_toml))
    assert area["status"] != "ready"
    # at the opening an unmet gate blocks the area
    assert _area(_event(settings_toml), as_of=STARTS)["status"] == "blocked"


def test_a_zone_sprayed_too_early_names_the_spraying_and_the_window_start() -> None:
    settings_toml = """
sprayings = [
  { zone = "hall", at = 2020-05-14T14:00:00+07:00 },
  { zone = "basement", at = 2020-05-09T09:00:00+07:00 },
  { zone = "basement", at = 2020-05-10T08:00:00+07:00 },
]
"""
    en, vi = _findings(settings_toml, "disinfection.zone-sprayed")
    basement = _by_subject(en)["basement"]
    assert basement["credit"] == 0.0
    assert basement["message"]["text"] == (
        "Zone Tầng hầm was last disinfected at 10 May 2020, 08:00, more than 24 hours before "
        "the opening: spray it again within 14 May, 07:30 – 15 May 2020, 07:30"
    )
    # the window to spray again, its month and year written once
    assert vi[1] == (
        "Tầng hầm được phun khử khuẩn lần gần nhất lúc 8 giờ 00 ngày 10 tháng 5 năm 2020, "
        "trước giờ khai mạc hơn 24 giờ: cần phun lại trong khoảng từ 7 giờ 30 ngày 14 đến 7 giờ "
        "30 ngày 15 tháng 5 năm 2020"
    )


def test_the_window_is_a_setting() -> None:
    en, _ = _findings("window_hours = 6\n" + SPRAYED, "disinfection.zone-sprayed")
    basement = _by_subject(en)["basement"]
    assert basement["credit"] == 0.0
    assert basement["message"]["text"].endswith(
        "more than 6 hours before the opening: spray it again within 15 May 2020, 01:30–07:30"
    )


def test_a_spraying_recorded_after_as_of_does_not_count_yet() -> None:
    settings_toml = """
sprayings = [
  { zone = "hall", at = 2020-05-14T14:00:00+07:00 },
  { zone = "basement", at = 2020-05-15T06:00:00+07:00 },
]
"""
    en, vi = _findings(settings_toml, "disinfection.zone-sprayed")
    basement = _by_subject(en)["basement"]
    assert basement["credit"] == 0.0
    assert basement["message"]["text"] == (
        "Zone Tầng hầm is to be sprayed at 15 May 2020, 06:00, which is still to "
        "come; it does not count yet for the opening at 15 May 2020, 07:30"
    )
    assert vi[1] == (
        "Tầng hầm có lịch phun khử khuẩn lúc 6 giờ 00 ngày 15 tháng 5 năm 2020, chưa đến giờ phun "
        "nên chưa được tính là đã phun trước giờ khai mạc (7 giờ 30 ngày 15 tháng 5 năm 2020)"
    )
    # once that moment has passed, it counts
    later, _ = _findings(settings_toml, "disinfection.zone-sprayed", as_of=STARTS)
    assert _by_subject(later)["basement"]["credit"] == 1.0


def test_a_spraying_after_the_opening_does_not_count_for_that_day() -> None:
    settings_toml = """
sprayings = [{ zone = ["hall", "basement"], at = 2020-05-15T09:00:00+07:00 }]
"""
    en, _ = _findings(
        settings_toml, "disinfection.zone-sprayed", as_of=datetime(2020, 5, 15, 10, tzinfo=TZ)
    )
    assert [f["credit"] for f in en] == [0.0, 0.0]
    assert "not disinfected before the opening" in en[0]["message"]["text"]


def test_every_day_of_a_multi_day_event_needs_its_own_spraying() -> None:
    settings_toml = """
daily_opening = "08:00"
sprayings = [
  { zone = ["hall", "basement"], at = 2020-05-14T15:00:00+07:00 },
  { zone = "hall", at = 2020-05-15T18:00:00+07:00 },
]
"""
    en, _ = _findings(
        settings_toml,
        "disinfection.zone-sprayed",
        ends="2020-05-16T12:00:00+07:00",
        as_of=datetime(2020, 5, 16, 9, tzinfo=TZ),
    )
    assert [(f["subject"], f["phase"], f["due"], f["credit"]) for f in en] == [
        ("hall", "before", "2020-05-15T07:30:00+07:00", 1.0),
        ("basement", "before", "2020-05-15T07:30:00+07:00", 1.0),
        ("hall", "during", "2020-05-16T08:00:00+07:00", 1.0),
        ("basement", "during", "2020-05-16T08:00:00+07:00", 0.0),
    ]
    assert en[3]["message"]["text"] == (
        "Zone Tầng hầm was last disinfected at 14 May 2020, 15:00, more than 24 hours before "
        "the opening: spray it again within 15 May, 08:00 – 16 May 2020, 08:00"
    )


def test_later_days_open_at_the_start_time_by_default() -> None:
    en, _ = _findings(SPRAYED, "disinfection.zone-sprayed", ends="2020-05-17T12:00:00+07:00")
    assert sorted({f["due"] for f in en}) == [
        "2020-05-15T07:30:00+07:00",
        "2020-05-16T07:30:00+07:00",
        "2020-05-17T07:30:00+07:00",
    ]


def test_no_venue_zones_is_not_assessed() -> None:
    text = _text().replace(
        'zones = [{ id = "hall", name = "Hội trường" }, { id = "basement", name = "Tầng hầm" }]',
        "zones = []",
    )
    event = make_event(text, plugins=PLUGINS)
    (f,) = [f for f in _area(event)["findings"] if f["code"] == "disinfection.zone-sprayed"]
    assert f["assessed"] is False
    assert f["subject"] is None
    assert f["message"]["text"] == (
        "The venue lists no zones ([venue] zones): disinfection cannot be checked"
    )


# -- disinfection.checkpoint --------------------------------------------------------------------

CHECKPOINTS = """
checkpoints = [
  { entrance = "main-gate", staff = "Trạm Y tế phường" },
  { entrance = "side-gate", staff = "Đoàn Thanh niên phường",
    set_up_at = 2020-05-14T15:00:00+07:00 },
]
"""


def test_a_checkpoint_at_every_entrance_passes() -> None:
    en, vi = _findings(CHECKPOINTS, "disinfection.checkpoint")
    assert [(f["subject"], f["credit"], f["gate"]) for f in en] == [
        ("main-gate", 1.0, False),
        ("side-gate", 1.0, False),
    ]
    assert en[1]["owner"] == "Đoàn Thanh niên phường"
    assert en[1]["due"] == "2020-05-14T19:30:00+07:00"  # 12 hours before the start
    assert en[1]["message"]["text"] == (
        "Entrance Cổng phụ has a temperature checkpoint, staffed by Đoàn Thanh niên phường"
    )
    assert vi[1] == "Cổng phụ đã bố trí điểm đo thân nhiệt, do Đoàn Thanh niên phường phụ trách"


def test_an_entrance_without_a_checkpoint_is_named() -> None:
    settings_toml = 'checkpoints = [{ entrance = "main-gate", staff = "Trạm Y tế phường" }]\n'
    settings_toml += "checkpoint_lead_hours = 2"
    en, vi = _findings(settings_toml, "disinfection.checkpoint")
    side = _by_subject(en)["side-gate"]
    assert side["credit"] == 0.0
    assert side["due"] == "2020-05-15T05:30:00+07:00"
    assert side["owner"] == "Service sub-committee"
    in_vi = _area(_event(settings_toml), AS_OF, "vi")["findings"]
    (side_vi,) = [
        f for f in in_vi if f["code"] == "disinfection.checkpoint" and f["subject"] == "side-gate"
    ]
    assert side_vi["owner"] == "Tiểu ban Phục vụ"
    assert side["message"]["text"] == "No temperature checkpoint at entrance Cổng phụ"
    assert vi[1] == "Cổng phụ chưa có điểm đo thân nhiệt"


def test_a_checkpoint_set_up_after_as_of_does_not_count_yet() -> None:
    settings_toml = """
checkpoints = [
  { entrance = "main-gate", staff = "A" },
  { entrance = "side-gate", staff = "B", set_up_at = 2020-05-15T06:00:00+07:00 },
]
"""
    en, _ = _findings(settings_toml, "disinfection.checkpoint")
    side = _by_subject(en)["side-gate"]
    assert side["credit"] == 0.0
    assert side["message"]["text"] == (
        "The temperature checkpoint at entrance Cổng phụ is to be set up at "
        "15 May 2020, 06:00, which is still to come"
    )


def test_no_venue_entrances_is_not_assessed() -> None:
    text = _text().split("entrances = [")[0] + "\n[areas.disinfection]\n"
    event = make_event(text, plugins=PLUGINS)
    (f,) = [f for f in _area(event)["findings"] if f["code"] == "disinfection.checkpoint"]
    assert f["assessed"] is False
    assert "lists no entrances" in f["message"]["text"]


# -- disinfection.masks, disinfection.sanitiser, disinfection.soap -------------------------------


def test_enough_masks_and_sanitiser_pass() -> None:
    settings_toml = "supplies = { masks = 400, sanitiser_litres = 6, soap_in_toilets = true }"
    en, vi = _findings(settings_toml)
    found = {f["code"]: f for f in en}
    masks, sanitiser = found["disinfection.masks"], found["disinfection.sanitiser"]
    assert (masks["subject"], masks["credit"], masks["gate"]) == ("masks", 1.0, False)
    assert masks["due"] == "2020-05-14"  # the end of the day before the opening day
    assert masks["message"]["text"] == "400 masks for 150 people (300 needed, 2 per person)"
    assert sanitiser["credit"] == 1.0
    assert sanitiser["message"]["text"] == (
        "6 litres of hand sanitiser for 150 people (4.5 litres needed, 30 ml per person)"
    )
    assert found["disinfection.soap"]["credit"] == 1.0
    assert found["disinfection.soap"]["weight"] == 0.5
    assert "Đã chuẩn bị 400 chiếc khẩu trang cho 150 người (cần 300 chiếc, mỗi người 2 chiếc)" in vi
    assert any("cần 4,5 lít" in t for t in vi)


def test_short_supplies_earn_a_share_and_say_what_is_missing() -> None:
    settings_toml = """
guests = 20
staff = 30
masks_per_person = 1
sanitiser_ml_per_person = 20
supplies = { masks = 100, sanitiser_litres = 2, soap_in_toilets = false }
"""
    en, vi = _findings(settings_toml)
    found = {f["code"]: f for f in en}
    masks, sanitiser = found["disinfection.masks"], found["disinfection.sanitiser"]
    assert masks["credit"] == 0.5  # 100 of 200 (150 delegates + 20 guests + 30 staff)
    assert masks["message"]["text"] == (
        "Only 100 masks for 200 people, 200 needed (1 per person): 100 short"
    )
    assert sanitiser["credit"] == 0.5  # 2 of 4 litres
    assert sanitiser["message"]["text"] == (
        "Only 2 litres of hand sanitiser for 200 people, 4 litres needed (20 ml per person): "
        "2 litres short"
    )
    soap = found["disinfection.soap"]
    assert soap["credit"] == 0.0
    assert soap["message"]["text"] == "No soap in the toilets: put soap in every toilet"
    assert "Nhà vệ sinh chưa có xà phòng rửa tay: cần bổ sung" in vi


def test_attendance_setting_replaces_the_delegate_count() -> None:
    en, _ = _findings("attendance = 500\nsupplies = { masks = 400 }", "disinfection.masks")
    assert en[0]["credit"] == 0.4
    assert "for 500 people" in en[0]["message"]["text"]


def test_unrecorded_stock_is_not_assessed_and_soap_is_optional() -> None:
    en, vi = _findings("supplies = { owner = 'Văn phòng Đảng ủy' }")
    codes = [f["code"] for f in en]
    assert "disinfection.soap" not in codes
    found = {f["code"]: f for f in en}
    masks, sanitiser = found["disinfection.masks"], found["disinfection.sanitiser"]
    assert (masks["assessed"], sanitiser["assessed"]) == (False, False)
    assert masks["owner"] == "Văn phòng Đảng ủy"
    assert masks["message"]["text"] == "The stock of masks is not recorded ([supplies] masks)"
    assert "Chưa ghi số khẩu trang đã chuẩn bị ([supplies] masks)" in vi


def test_unknown_attendance_is_not_assessed() -> None:
    en, _ = _findings("supplies = { masks = 400, sanitiser_litres = 6 }", delegates=None)
    found = {f["code"]: f for f in en}
    assert found["disinfection.masks"]["assessed"] is False
    assert found["disinfection.masks"]["message"]["text"].startswith("The attendance is unknown")
    assert found["disinfection.sanitiser"]["assessed"] is False


# -- disinfection.medical-team-arranged, disinfection.medical-team-on-duty -----------------------

TEAM = """
medical_team = {{ team = "Trạm Y tế phường Mẫu", members = {members}{extra} }}
"""


def _team(members: int = 3, **extra: str) -> str:
    more = "".join(f", {k} = {v}" for k, v in extra.items())
    return TEAM.format(members=members, extra=more)


def test_a_confirmed_medical_team_passes() -> None:
    en, vi = _findings(_team(3, confirmed_on="2020-05-12"), "disinfection.medical-team-arranged")
    (f,) = en
    assert (f["subject"], f["credit"], f["gate"], f["phase"]) == (
        "medical-team",
        1.0,
        False,
        "before",
    )
    assert f["due"] == "2020-05-13"  # the end of the day 2 days before the opening day
    assert f["owner"] == "Trạm Y tế phường Mẫu"
    assert f["message"]["text"] == (
        "The medical standby team of Trạm Y tế phường Mẫu: 3 members, confirmed on 12 May 2020"
    )
    assert vi == [
        "Đội y tế thường trực của Trạm Y tế phường Mẫu gồm 3 người, đã xác nhận tham gia ngày 12 "
        "tháng 5 năm 2020"
    ]


def test_no_medical_team_fails() -> None:
    en, vi = _findings("", "disinfection.medical-team-arranged")
    (f,) = en
    assert f["credit"] == 0.0
    assert f["owner"] == "Ward health station"
    in_vi = _area(_event(""), AS_OF, "vi")["findings"]
    assert [f["owner"] for f in in_vi if f["code"] == "disinfection.medical-team-arranged"] == [
        "Trạm Y tế phường"
    ]
    assert f["message"]["text"] == "No medical standby team arranged ([medical_team])"
    assert vi == ["Chưa bố trí đội y tế thường trực ([medical_team])"]


def test_an_unconfirmed_or_small_medical_team_earns_part() -> None:
    (unconfirmed,), _ = _findings(_team(3), "disinfection.medical-team-arranged")
    assert unconfirmed["credit"] == 0.5
    assert unconfirmed["message"]["text"] == (
        "The medical standby team of Trạm Y tế phường Mẫu (3 members) has not confirmed yet"
    )
    # a confirmation dated after as_of does not count yet
    (future,), _ = _findings(
        _team(3, confirmed_on="2020-05-15"), "disinfection.medical-team-arranged"
    )
    assert future["credit"] == 0.5
    (short,), _ = _findings(
        "min_medical_members = 4\n" + _team(3, confirmed_on="2020-05-12"),
        "disinfection.medical-team-arranged",
    )
    assert short["credit"] == 0.75
    assert short["message"]["text"] == (
        "The medical standby team of Trạm Y tế phường Mẫu has 3 members, at least 4 needed"
    )
    (both,), _ = _findings(_team(1), "disinfection.medical-team-arranged")
    assert both["credit"] == 0.25
    assert "has not confirmed yet and has 1 member, at least 2 needed" in (both["message"]["text"])


def test_the_medical_team_on_duty_is_a_during_finding() -> None:
    settings_toml = _team(3, confirmed_on="2020-05-12", on_duty_from="2020-05-15T06:30:00+07:00")
    # the day before: not on duty yet, and that does not lower readiness
    en, vi = _findings(settings_toml, "disinfection.medical-team-on-duty")
    (f,) = en
    assert (f["phase"], f["credit"], f["gate"]) == ("during", 0.0, False)
    assert f["message"]["text"] == (
        "The medical team of Trạm Y tế phường Mẫu is not on duty yet (needed before the opening at "
        "15 May 2020, 07:30)"
    )
    assert vi[0].startswith("Đội y tế của Trạm Y tế phường Mẫu chưa vào vị trí trực")
    area = _area(_event(settings_toml + SPRAYED + CHECKPOINTS))
    assert area["during"] == 0.0
    # at the opening: on duty since 06:30
    (f,), vi = _findings(settings_toml, "disinfection.medical-team-on-duty", as_of=STARTS)
    assert f["credit"] == 1.0
    assert f["message"]["text"] == (
        "The medical team of Trạm Y tế phường Mẫu on duty since 15 May 2020, 06:30, before the "
        "opening at 15 May 2020, 07:30"
    )
    assert vi[0].startswith("Đội y tế của Trạm Y tế phường Mẫu trực từ 6 giờ 30")


def test_a_medical_team_arriving_after_the_opening_fails() -> None:
    settings_toml = _team(3, confirmed_on="2020-05-12", on_duty_from="2020-05-15T08:00:00+07:00")
    (f,), _ = _findings(
        settings_toml,
        "disinfection.medical-team-on-duty",
        as_of=datetime(2020, 5, 15, 9, tzinfo=TZ),
    )
    assert f["credit"] == 0.0
    assert f["overdue"] is True
    assert f["message"]["text"] == (
        "The medical team of Trạm Y tế phường Mẫu went on duty at 15 May 2020, 08:00, after the "
        "opening at 15 May 2020, 07:30"
    )


# -- the whole area -----------------------------------------------------------------------------


def test_everything_in_place_makes_the_area_ready() -> None:
    settings_toml = (
        SPRAYED
        + CHECKPOINTS
        + "supplies = { masks = 300, sanitiser_litres = 4.5, soap_in_toilets = true }\n"
        + _team(2, confirmed_on="2020-05-10")
    )
    area = _area(_event(settings_toml))
    assert area["score"] == 100.0
    assert area["status"] == "ready"
    assert area["coverage"] == {"assessed": 9, "expected": 9}


def test_same_input_same_findings() -> None:
    event = _event(SPRAYED + CHECKPOINTS + _team(3))
    first = venue_ready.assess(event, as_of=AS_OF, plugins=PLUGINS).to_json("en")
    second = venue_ready.assess(event, as_of=AS_OF, plugins=PLUGINS).to_json("en")
    assert first == second


def test_bad_settings_in_an_event_built_in_code_are_refused_by_assess() -> None:
    event = Event(
        id="e",
        name="Đại hội",
        starts=STARTS,
        ends=STARTS + timedelta(hours=9),
        venue=Venue(name="Hội trường", zones=(Zone("hall", "Hội trường"),)),
        areas=(AreaPlan(key=KEY, settings={"window_hours": "a day"}),),
    )
    with pytest.raises(venue_ready.LoadError) as info:
        venue_ready.assess(event, as_of=AS_OF, plugins=PLUGINS)
    (problem,) = info.value.problems
    assert problem.render("en", info.value.catalogs) == (
        f"areas.{KEY}.settings.window_hours: wrong type: a string (expected a number)"
    )


# -- the settings validator ---------------------------------------------------------------------


def test_the_validator_rejects_unknown_zones_and_entrances_with_a_hint() -> None:
    problems = _problems(
        'sprayings = [{ zone = ["hall", "basment"], at = 2020-05-14T14:00:00+07:00 }]\n'
        'checkpoints = [{ entrance = "back-door", staff = "A" }]'
    )
    assert problems == [
        "<make_event>: areas.disinfection.settings.sprayings[0].zone: the venue has no zone "
        "'basment' (did you mean 'basement'? zones: hall, basement)",
        "<make_event>: areas.disinfection.settings.checkpoints[0].entrance: the venue has no "
        "entrance 'back-door' (entrances: main-gate, side-gate)",
    ]
    vi = _problems_vi('sprayings = [{ zone = "basment", at = 2020-05-14T14:00:00+07:00 }]')
    assert vi == [
        "<make_event>: areas.disinfection.settings.sprayings[0].zone: không có khu vực 'basment' ở "
        "địa điểm (có phải ý bạn là 'basement'? các khu vực: hall, basement)"
    ]


def test_the_validator_refuses_a_spraying_without_a_time() -> None:
    problems = _problems('sprayings = [{ zone = "hall", at = 2020-05-14 }]')
    assert problems == [
        "<make_event>: areas.disinfection.settings.sprayings[0].at: '2020-05-14' is a date without "
        "a time (expected a date and time such as 2020-05-14T15:00:00+07:00: the spraying window "
        "is counted in hours)"
    ]


def test_the_validator_reports_every_problem_at_once() -> None:
    problems = _problems(
        """
window_hour = 24
window_hours = 0
daily_opening = "7h30"
attendance = 200
guests = 10
sprayings = [{ at = 2020-05-14T14:00:00+07:00 }, { zone = [], at = "soon" }]
checkpoints = [{ entrance = "main-gate" }]
supplies = { masks = -1, sanitiser_litres = "6", soap = true }
medical_team = { members = 3.5 }
"""
    )
    prefix = "<make_event>: areas.disinfection.settings."
    assert problems == [
        prefix + "window_hour: unknown key 'window_hour' (did you mean 'window_hours'?)",
        prefix + "window_hours: value 0 is out of range (expected 1 to 336)",
        prefix + "daily_opening: '7h30' is not a valid time of day (expected \"07:30\")",
        prefix + "sprayings[0].zone: missing required key 'zone'",
        prefix + "sprayings[1].zone: the list of zones is empty (expected the id of at least "
        "one zone sprayed)",
        prefix + "sprayings[1].at: 'soon' is not a valid date (expected 2020-05-14 or "
        "2020-05-14T16:00:00+07:00)",
        prefix + "checkpoints[0].staff: missing required key 'staff'",
        prefix + "attendance: attendance is already the total attendance and cannot be "
        "combined with guests or staff (keep one or the other)",
        prefix + "supplies.soap: unknown key 'soap' (expected one of: masks, sanitiser_litres, "
        "soap_in_toilets, owner)",
        prefix + "supplies.masks: value -1 is too small (expected at least 0)",
        prefix + "supplies.sanitiser_litres: wrong type: a string (expected a number)",
        prefix + "medical_team.team: missing required key 'team'",
        prefix + "medical_team.members: wrong type: a number (expected a whole number)",
    ]


def test_the_validator_accepts_a_toml_time_and_naive_datetimes() -> None:
    event = _event(
        'daily_opening = 08:00:00\nsprayings = [{ zone = "hall", at = 2020-05-14T15:00:00 }]',
        ends="2020-05-16T12:00:00+07:00",
    )
    en = [f for f in _area(event)["findings"] if f["subject"] == "hall"]
    assert en[0]["credit"] == 1.0
    assert en[1]["due"] == "2020-05-16T08:00:00+07:00"


def test_the_validator_checks_places_only_against_a_venue() -> None:
    settings = {
        "sprayings": [{"zone": "anywhere", "at": datetime(2020, 5, 14, 15, tzinfo=TZ)}],
        "checkpoints": [{"entrance": "anywhere", "staff": "A"}],
    }
    assert validate(settings, None) == []
    no_venue = Event(id="e", name="Đại hội", starts=STARTS, ends=STARTS)
    assert validate(settings, no_venue) == []
    assert len(validate(settings, _event())) == 2


# anything TOML can hold, with keys that are often the real ones so that the nested tables get
# read, not only rejected as unknown
_KEYS: st.SearchStrategy[Any] = st.sampled_from(
    [
        "window_hours", "daily_opening", "team", "sprayings", "zone", "at", "by",
        "checkpoints", "entrance", "staff", "set_up_at", "attendance", "guests", "staff",
        "masks_per_person", "sanitiser_ml_per_person", "supplies_lead_days", "supplies",
        "masks", "sanitiser_litres", "soap_in_toilets", "owner", "min_medical_members",
        "medical_lead_days", "medical_team", "members", "confirmed_on", "on_duty_from",
        "checkpoint_lead_hours", "hall", "basement", "",
    ]
) | st.text(max_size=8) | st.integers()  # fmt: skip
_SCALARS = (
    st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=12)
    | st.sampled_from(["hall", "basment", "main-gate", "07:30", "2020-05-14", "24:00"])
    | st.dates()
    | st.datetimes(timezones=st.none() | st.just(UTC))
    | st.times()
)
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_KEYS, inner, max_size=5),
    max_leaves=20,
)
_EVENT = make_event(_text(), plugins=PLUGINS)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    settings_value=st.dictionaries(_KEYS, _VALUES, max_size=8) | _VALUES,
    event=st.sampled_from([None, _EVENT]),
)
def test_the_validator_never_raises(settings_value: Any, event: Event | None) -> None:
    problems = validate(settings_value, event)
    assert all(isinstance(p, Problem) for p in problems)
    for p in problems:
        p.render("en", {"en": venue_ready_areas()[0].messages["en"]})


# valid settings, for the property that every valid table is assessed without an error
_MOMENTS = st.integers(-20 * 24 * 60, 3 * 24 * 60).map(lambda m: STARTS + timedelta(minutes=m))
_ZONE_IDS = st.sampled_from(["hall", "basement"])
_VALID = st.fixed_dictionaries(
    {},
    optional={
        "window_hours": st.floats(1, 336),
        "daily_opening": st.sampled_from(["00:00", "07:30", "23:59"]),
        "team": st.just("Trạm Y tế phường"),
        "sprayings": st.lists(
            st.fixed_dictionaries(
                {"zone": _ZONE_IDS | st.lists(_ZONE_IDS, min_size=1, max_size=2), "at": _MOMENTS},
                optional={"by": st.sampled_from(["A", "B"])},
            ),
            max_size=6,
        ),
        "checkpoints": st.lists(
            st.fixed_dictionaries(
                {"entrance": st.sampled_from(["main-gate", "side-gate"]), "staff": st.just("A")},
                optional={"set_up_at": _MOMENTS},
            ),
            max_size=3,
        ),
        "attendance": st.integers(0, 500),
        "masks_per_person": st.floats(0, 100),
        "sanitiser_ml_per_person": st.floats(0, 10_000),
        "supplies": st.fixed_dictionaries(
            {},
            optional={
                "masks": st.integers(0, 1000),
                "sanitiser_litres": st.floats(0, 50),
                "soap_in_toilets": st.booleans(),
            },
        ),
        "min_medical_members": st.integers(1, 10),
        "medical_team": st.fixed_dictionaries(
            {"team": st.just("T"), "members": st.integers(0, 6)},
            optional={"confirmed_on": _MOMENTS, "on_duty_from": _MOMENTS},
        ),
    },
)


@settings(max_examples=150, deadline=None)
@given(
    settings_value=_VALID,
    hours=st.integers(0, 80),
    delegates=st.none() | st.integers(0, 300),
    as_of=_MOMENTS,
)
def test_valid_settings_are_always_assessed(
    settings_value: dict[str, Any], hours: int, delegates: int | None, as_of: datetime
) -> None:
    event = Event(
        id="e",
        name="Đại hội",
        starts=STARTS,
        ends=STARTS + timedelta(hours=hours),
        expected_delegates=delegates,
        venue=_EVENT.venue,
        areas=(AreaPlan(key=KEY, settings=settings_value),),
    )
    assert validate(settings_value, event) == []
    report = venue_ready.assess(event, as_of=as_of, plugins=PLUGINS)
    area = report.area(KEY)
    assert area is not None
    assert area.status is not AreaStatus.ERROR, area.errors
    zones = [f for f in area.findings if f.code == "disinfection.zone-sprayed"]
    assert len(zones) % 2 == 0  # two zones, each day
    assert [f.phase.value for f in zones[:2]] == ["before", "before"]
    assert report.to_json("en") == venue_ready.assess(event, as_of, PLUGINS).to_json("en")


# -- the template and the settings example ------------------------------------------------------


#: An opening day in each term whose rows differ: 2020 - 2025, 2025 - 2030 and later.
TERM_DAYS = (date(2020, 5, 15), date(2026, 12, 20), date(2031, 5, 1))


def test_the_template_items() -> None:
    assert TEMPLATE()
    for day in TERM_DAYS:
        ids = {item.id for item in TEMPLATE() if item.for_event("party-congress", day)}
        for kind in venue_ready.BUILTIN_KINDS:
            # one row per id for every kind and term: init writes each item once, none missing
            rows = [item.id for item in TEMPLATE() if item.for_event(kind, day)]
            assert sorted(rows) == sorted(ids), (kind, day)
    for item in TEMPLATE():
        assert item.id.startswith(f"{KEY}.")
        assert item.lead_days is None or item.lead_days >= 0
        assert item.title_vi.strip()
        assert item.title_en.strip()
        assert item.owner_vi
        assert item.owner_en


def test_the_area_spec() -> None:
    (spec,) = venue_ready_areas()
    assert (spec.key, spec.title_vi, spec.title_en) == (
        KEY,
        "Khử khuẩn, y tế",
        "Disinfection and health",
    )
    assert spec.settings_example == SETTINGS_EXAMPLE
    vi, en = spec.messages["vi"], spec.messages["en"]
    assert set(vi) == set(en)
    for message_id, text in vi.items():
        assert _fields(text) == _fields(en[message_id]), message_id


def _fields(template: str) -> set[str]:
    import string

    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_the_settings_example_is_valid_for_any_event() -> None:
    data = tomli.loads(SETTINGS_EXAMPLE)
    assert validate(data, None) == []
    assert validate(data, _EVENT) == []
    bare = Event(id="e", name="Đại hội", starts=STARTS, ends=STARTS)
    assert validate(data, bare) == []
    # and a file holding it loads and assesses
    area = _area(make_event(_text(SETTINGS_EXAMPLE), plugins=PLUGINS))
    assert area["status"] != "error"


_EXAMPLE_RECORDS = ("# daily_opening", "# team", "# sprayings", "#   ", "# ]", "# checkpoints",
                    "# supplies", "# medical_team", "# guests", "# staff", "# owner_")  # fmt: skip


def test_the_commented_records_of_the_settings_example_are_valid_too() -> None:
    uncommented = "\n".join(
        line.removeprefix("# ") if line.startswith(_EXAMPLE_RECORDS) else line
        for line in SETTINGS_EXAMPLE.splitlines()
    )
    data = tomli.loads(uncommented)
    assert {"sprayings", "checkpoints", "supplies", "medical_team", "daily_opening"} <= set(data)
    # for a venue with the zones and the entrance they name
    text = _text(uncommented).replace(
        '{ id = "basement", name = "Tầng hầm" }',
        '{ id = "lobby", name = "Sảnh" }, { id = "corridors", name = "Hành lang" }',
    )
    area = _area(make_event(text, plugins=PLUGINS))
    assert area["status"] != "error"


# -- the Ngọc Thụy example part -----------------------------------------------------------------


def test_the_ngoc_thuy_part_names_the_basement() -> None:
    every_plugin = plugin_manager("security", "decoration", "broadcast", "disinfection")
    event = venue_ready.load(EXAMPLE / "congress.toml", plugins=every_plugin)
    report = venue_ready.assess(event, as_of=AS_OF, plugins=every_plugin)
    data = report.to_dict("en")
    (area,) = [a for a in data["areas"] if a["key"] == KEY]
    sprayed = {
        f["subject"]: f["credit"]
        for f in area["findings"]
        if f["code"] == "disinfection.zone-sprayed"
    }
    assert sprayed == {"hall": 1.0, "lobby": 1.0, "corridors": 1.0, "basement": 0.0, "yard": 1.0}
    assert area["status"] == "on_track"
    assert area["score"] == 93.33
    blockers = [b for b in data["blockers"] if b["area"] == KEY]
    assert [b["subject"] for b in blockers] == ["basement"]
    assert (
        "Zone Tầng hầm để xe was last disinfected at 10 May 2020, 08:00"
        in (blockers[0]["message"]["text"])
    )
    assert all(
        f["credit"] == 1.0
        for f in area["findings"]
        if f["code"] in ("disinfection.checkpoint", "disinfection.masks", "disinfection.sanitiser")
    )


def test_the_plugin_keeps_the_rules_every_plugin_must_keep() -> None:
    """venue_ready's conformance check, as a third party's tests run it (docs/plugins.md)."""
    import venue_ready_disinfection

    check_plugin(venue_ready_disinfection)


def test_on_election_day_the_start_is_the_opening_of_the_polls() -> None:
    settings_toml = 'sprayings = [{ zone = "hall", at = 2020-05-14T14:00:00+07:00 }]'
    event = attrs.evolve(_event(settings_toml), kind="election", form=None, organiser=None)
    texts = {
        lang: [
            f["message"]["text"]
            for f in _area(event, lang=lang)["findings"]
            if f["code"] == "disinfection.zone-sprayed" and f["subject"] == "basement"
        ]
        for lang in ("vi", "en")
    }
    assert texts["vi"] == [
        "Tầng hầm chưa được phun khử khuẩn trước giờ bắt đầu bỏ phiếu (7 giờ 30 ngày 15 "
        "tháng 5 năm 2020)"
    ]
    assert texts["en"] == [
        "Zone Tầng hầm not disinfected before the opening of the polls at 15 May 2020, 07:30"
    ]
