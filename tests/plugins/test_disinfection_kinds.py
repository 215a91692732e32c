"""Disinfection and health per kind of event (#12): every rule runs for every kind, the counts
come from ``[event.attendance]`` (the area's ``attendance``, ``guests`` and ``staff`` override
it), and the default owners follow the kind (``owner_checkpoints``, ``owner_supplies``,
``owner_medical`` override them)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest

import venue_ready
from venue_ready import BUILTIN_KINDS, Event, rule_kinds
from venue_ready.testing import assess_area, check_plugin, make_event, plugin_manager
from venue_ready_disinfection import KEY
from venue_ready_disinfection.rules import RULES
from venue_ready_disinfection.template import SERVICE_BY_KIND

from ..support import ENDS, TZ, event_header

AS_OF = datetime(2020, 5, 14, 16, 0, tzinfo=TZ)
PM = plugin_manager("disinfection")
VENUE = {
    "name": "Hội trường phường",
    "zones": [{"id": "hall", "name": "Hội trường"}],
    "entrances": [{"id": "main-gate", "name": "Cổng chính"}],
}
#: Every rule's Finding codes.
CODES = {
    "disinfection.zone-sprayed",
    "disinfection.checkpoint",
    "disinfection.masks",
    "disinfection.sanitiser",
    "disinfection.medical-team-arranged",
    "disinfection.medical-team-on-duty",
}
STOCK = "supplies = { masks = 100, sanitiser_litres = 1.5 }\n"


def health_event(
    kind: str = "party-congress", *, settings: str = STOCK, attendance: str | None = None
) -> Event:
    head = event_header(id="k", name="Sự kiện thử", ends=ENDS, lang="en", kind=kind, venue=VENUE)
    parts = [head]
    if attendance is not None:
        parts += ["[event.attendance]", attendance]
    parts += ["[areas.disinfection]", "[areas.disinfection.settings]", settings]
    return make_event("\n".join(parts), plugins=PM)


def findings(event: Event, lang: str = "en") -> list[dict[str, Any]]:
    report = venue_ready.assess(event, as_of=AS_OF, plugins=PM)
    [area] = [a for a in report.to_dict(lang)["areas"] if a["key"] == KEY]
    found: list[dict[str, Any]] = area["findings"]
    return found


def one(event: Event, code: str, lang: str = "en") -> dict[str, Any]:
    [found] = [f for f in findings(event, lang) if f["code"] == code]
    return found


# -- every rule, every kind --------------------------------------------------------------------


@pytest.mark.parametrize("kind", sorted(BUILTIN_KINDS))
def test_every_rule_runs_for_every_kind(kind: str) -> None:
    assert {f["code"] for f in findings(health_event(kind))} == CODES
    assert assess_area(health_event(kind), KEY, plugins=PM, as_of=AS_OF)


def test_no_rule_is_fixed_to_some_kinds() -> None:
    assert [rule_kinds(rule) for rule in RULES] == [None] * 4


def test_the_plugin_conforms_on_every_kind() -> None:
    check_plugin("venue_ready_disinfection")


# -- the counts from [event.attendance] --------------------------------------------------------


def test_the_masks_follow_the_events_attendance() -> None:
    event = health_event("election", attendance="participants = 40\nguests = 5\nstaff = 5\n")
    masks = one(event, "disinfection.masks")
    assert masks["credit"] == 1.0
    assert masks["message"]["text"] == "100 masks for 50 people (100 needed, 2 per person)"


def test_the_areas_counts_override_the_events() -> None:
    attendance = "participants = 40\nguests = 5\nstaff = 5\n"
    # the area's guests replace the event's; the event's staff stay
    event = health_event(settings=STOCK + "guests = 15\n", attendance=attendance)
    assert "for 60 people" in one(event, "disinfection.masks")["message"]["text"]
    event = health_event(settings=STOCK + "attendance = 25\n", attendance=attendance)
    assert "for 25 people" in one(event, "disinfection.masks")["message"]["text"]


def test_an_unknown_attendance_points_at_event_attendance() -> None:
    masks = one(health_event("conference"), "disinfection.masks", "vi")
    assert masks["assessed"] is False
    assert masks["message"]["text"] == (
        "Chưa biết số người dự nên chưa tính được lượng cần chuẩn bị (khai báo participants ở "
        "[event.attendance], hoặc attendance trong settings của khu vực)"
    )


# -- the owners by kind ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "owner"),
    [
        ("party-congress", "Service sub-committee"),
        ("congress", "Congress organising committee"),
        ("council-session", "Office of the ward People's Council and People's Committee"),
        ("conference", "Office of the ward People's Council and People's Committee"),
        ("ceremony", "Office of the ward People's Council and People's Committee"),
        ("election", "Polling team"),
    ],
)
def test_the_default_owners_follow_the_kind(kind: str, owner: str) -> None:
    event = health_event(kind)
    assert one(event, "disinfection.checkpoint")["owner"] == owner
    assert one(event, "disinfection.masks")["owner"] == owner
    # the ward health station sprays and stands by, whatever the kind
    assert one(event, "disinfection.zone-sprayed")["owner"] == "Ward health station"
    assert one(event, "disinfection.medical-team-arranged")["owner"] == "Ward health station"
    assert kind in SERVICE_BY_KIND


def test_the_owners_are_settings() -> None:
    settings = (
        STOCK
        + 'owner_checkpoints = "Công an phường"\nowner_supplies = "Tổ bầu cử số 3"\n'
        + 'owner_medical = "Trung tâm Y tế quận"\n'
    )
    event = health_event("election", settings=settings)
    assert one(event, "disinfection.checkpoint")["owner"] == "Công an phường"
    assert one(event, "disinfection.masks")["owner"] == "Tổ bầu cử số 3"
    assert one(event, "disinfection.medical-team-arranged")["owner"] == "Trung tâm Y tế quận"


def test_the_deadlines_are_whole_days_before_the_opening_day() -> None:
    event = health_event()
    assert one(event, "disinfection.masks")["due"] == "2020-05-14"
    assert one(event, "disinfection.medical-team-arranged")["due"] == "2020-05-13"
