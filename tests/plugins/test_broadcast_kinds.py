"""The ward radio per kind of event (#12): which slots each kind requires, the ``required`` and
``reminders_per_day`` settings, the reminders on the day, who approves the content by whose
event it is, and the words the messages use for each kind.

Events are loaded from TOML text with ``venue_ready.testing.make_event`` and assessed through
the public path, as in tests/plugins/test_broadcast.py.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

import pytest

import venue_ready
from venue_ready import BUILTIN_KINDS, Event, LoadError, rule_kinds
from venue_ready.testing import assess_area, check_plugin, make_event, plugin_manager
from venue_ready_broadcast import KEY
from venue_ready_broadcast.rules import RULES
from venue_ready_broadcast.settings import DEFAULT_REQUIRED

from ..support import ENDS, TZ, event_header

AS_OF = datetime(2020, 5, 14, 16, 0, tzinfo=TZ)
PM = plugin_manager("broadcast")

#: The schedule rules' codes, by the slot kind each checks.
SCHEDULE = {
    "daily": "broadcast.day",
    "opening": "broadcast.opening",
    "reminder": "broadcast.reminder",
    "closing": "broadcast.closing",
    "results": "broadcast.results",
}


def slot(slot_id: str, at: str, kind: str, approved_by: str | None = "Đảng ủy phường") -> str:
    lines = [
        "[[areas.broadcast.settings.slots]]",
        f'id = "{slot_id}"',
        f"at = {at}",
        f'kind = "{kind}"',
        f'content = "Tin {slot_id}"',
    ]
    if approved_by is not None:
        lines += [f'approved_by = "{approved_by}"', "approved_on = 2020-05-06"]
    return "\n".join(lines) + "\n"


#: One slot of every kind, at a time each rule accepts.
EVERY_SLOT = [
    slot("d14", "2020-05-14T06:00:00+07:00", "daily"),
    slot("opening", "2020-05-15T06:00:00+07:00", "opening"),
    slot("r1", "2020-05-15T07:00:00+07:00", "reminder"),
    slot("closing", "2020-05-15T17:30:00+07:00", "closing"),
    slot("results", "2020-05-16T06:00:00+07:00", "results"),
]


def radio_event(
    kind: str, *, settings: str = "", slots: Sequence[str] = EVERY_SLOT, lang: str = "vi"
) -> Event:
    text = "\n".join(
        [
            event_header(id="k", name="Sự kiện thử", ends=ENDS, lang=lang, kind=kind),
            "[areas.broadcast]",
            "[areas.broadcast.settings]",
            settings,
            *slots,
        ]
    )
    return make_event(text, plugins=PM)


def findings(event: Event, lang: str = "en") -> list[dict[str, Any]]:
    report = venue_ready.assess(event, as_of=AS_OF, plugins=PM)
    [area] = [a for a in report.to_dict(lang)["areas"] if a["key"] == KEY]
    found: list[dict[str, Any]] = area["findings"]
    return found


def schedule_rules(event: Event) -> set[str]:
    """The slot kinds whose schedule rule gave a Finding."""
    codes = {f["code"] for f in findings(event)}
    return {kind for kind, code in SCHEDULE.items() if any(c.startswith(code) for c in codes)}


# -- each kind's default -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        ("party-congress", {"daily", "opening", "closing", "results"}),
        ("congress", {"daily", "opening", "closing", "results"}),
        ("council-session", {"opening", "closing"}),
        ("conference", {"opening", "closing"}),
        ("election", {"daily", "reminder", "results"}),
        ("ceremony", {"daily", "reminder"}),
    ],
)
def test_each_kind_requires_its_own_slots(kind: str, expected: set[str]) -> None:
    assert schedule_rules(radio_event(kind)) == expected
    assert set(DEFAULT_REQUIRED[kind]) == expected


def test_every_builtin_kind_has_a_default() -> None:
    assert set(DEFAULT_REQUIRED) == set(BUILTIN_KINDS)


@pytest.mark.parametrize(
    ("rule", "runs_for", "not_for"),
    [
        ("daily", "election", "council-session"),
        ("opening", "conference", "election"),
        ("reminder", "election", "party-congress"),
        ("closing", "council-session", "ceremony"),
        ("results", "congress", "conference"),
    ],
)
def test_a_schedule_rule_runs_for_its_kinds_only(rule: str, runs_for: str, not_for: str) -> None:
    code = SCHEDULE[rule]
    assert any(f["code"].startswith(code) for f in findings(radio_event(runs_for)))
    # not run at all: neither a Finding nor "not assessed"
    assert not any(f["code"].startswith(code) for f in findings(radio_event(not_for)))


@pytest.mark.parametrize("kind", sorted(BUILTIN_KINDS))
def test_the_slot_limit_and_cluster_rules_run_for_every_kind(kind: str) -> None:
    event = radio_event(kind, settings="max_per_day = 1\nmax_minutes = 1\n")
    codes = {f["code"] for f in findings(event)}
    assert {"broadcast.slot-approved", "broadcast.over-limit", "broadcast.clusters"} <= codes
    assert all(rule_kinds(rule) is None for rule in RULES)  # none fixed to some kinds


@pytest.mark.parametrize("kind", sorted(BUILTIN_KINDS))
def test_every_kind_assesses_without_error(kind: str) -> None:
    assert assess_area(radio_event(kind, slots=[]), KEY, plugins=PM, as_of=AS_OF)


def test_the_plugin_conforms_on_every_kind() -> None:
    check_plugin("venue_ready_broadcast")


# -- the required setting ----------------------------------------------------------------------


def test_required_overrides_the_kind() -> None:
    event = radio_event("election", settings='required = ["opening", "closing"]\n')
    assert schedule_rules(event) == {"opening", "closing"}
    assert schedule_rules(radio_event("election", settings="required = []\n")) == set()


def test_required_refuses_an_unknown_slot_kind() -> None:
    with pytest.raises(LoadError) as caught:
        radio_event("ceremony", settings='required = ["remider"]\n')
    assert "did you mean 'reminder'?" in str(caught.value)


# -- the reminders on the day ------------------------------------------------------------------


def reminders(event: Event, lang: str = "vi") -> dict[str, Any]:
    [found] = [f for f in findings(event, lang) if f["code"].startswith("broadcast.reminder")]
    return found


def test_election_day_needs_two_reminders() -> None:
    found = reminders(radio_event("election"))
    assert (found["code"], found["credit"], found["weight"]) == (
        "broadcast.reminder-missing",
        0.5,
        2.0,
    )
    assert (found["subject"], found["phase"]) == ("2020-05-15", "during")
    assert found["message"]["text"] == (
        "Phát thanh ngày 15 tháng 5 năm 2020: mới có 1 buổi nhắc về cuộc bầu cử trong ngày "
        '(kind = "reminder"), cần ít nhất 2 buổi'
    )
    two = [*EVERY_SLOT, slot("r2", "2020-05-15T17:00:00+07:00", "reminder")]
    found = reminders(radio_event("election", slots=two), "en")
    assert (found["code"], found["credit"]) == ("broadcast.reminder-scheduled", 1.0)
    assert found["message"]["text"] == (
        "15 May 2020: 2 reminders about the election on the day (at least 2 expected)"
    )


def test_reminders_per_day_is_a_setting() -> None:
    found = reminders(radio_event("election", settings="reminders_per_day = 1\n"))
    assert (found["code"], found["credit"]) == ("broadcast.reminder-scheduled", 1.0)
    # a ceremony needs one by default
    assert reminders(radio_event("ceremony"))["credit"] == 1.0


def test_no_reminder_at_all() -> None:
    found = reminders(radio_event("ceremony", slots=EVERY_SLOT[:2]), "en")
    assert (found["code"], found["credit"]) == ("broadcast.reminder-missing", 0.0)
    assert found["message"]["text"] == (
        '15 May 2020: no reminder about the ceremony on the day (kind = "reminder"), at least '
        "1 expected"
    )


def test_no_schedule_leaves_the_reminders_not_assessed() -> None:
    found = reminders(radio_event("election", slots=[]))
    assert found["assessed"] is False


# -- who approves the content ------------------------------------------------------------------


def approval(event: Event, slot_id: str = "d14", lang: str = "vi") -> dict[str, Any]:
    [found] = [
        f
        for f in findings(event, lang)
        if f["code"] == "broadcast.slot-approved" and f["subject"] == slot_id
    ]
    return found


def test_a_state_event_is_approved_by_the_peoples_committee() -> None:
    # approved by the Party committee: not whose event a conference is
    found = approval(radio_event("conference", slots=EVERY_SLOT[1:2], settings=""), "opening")
    assert found["credit"] == 0.0
    assert found["message"]["text"] == (
        'Buổi phát thanh "Tin opening" (6 giờ 00 ngày 15 tháng 5 năm 2020): mới có Đảng ủy '
        "phường duyệt ngày 6 tháng 5 năm 2020, nội dung cần được Ủy ban nhân dân phường duyệt"
    )
    ok = [slot("opening", "2020-05-15T06:00:00+07:00", "opening", "UBND phường Thử")]
    assert approval(radio_event("conference", slots=ok), "opening")["credit"] == 1.0


def test_a_party_event_is_approved_by_the_party_committee() -> None:
    standing = [slot("d14", "2020-05-14T06:00:00+07:00", "daily", "Ban Thường vụ Đảng ủy")]
    assert approval(radio_event("party-congress", slots=standing))["credit"] == 1.0
    other = [slot("d14", "2020-05-14T06:00:00+07:00", "daily", "UBND phường")]
    assert approval(radio_event("party-congress", slots=other))["credit"] == 0.0
    missing = [slot("d14", "2020-05-14T06:00:00+07:00", "daily", None)]
    text = approval(radio_event("party-congress", slots=missing), lang="en")["message"]["text"]
    assert "(approver: Ward Party committee;" in text


def test_another_organisations_congress_is_approved_by_its_standing_body() -> None:
    front = [slot("d14", "2020-05-14T06:00:00+07:00", "daily", "Ban Thường trực Ủy ban MTTQ")]
    assert approval(radio_event("congress", slots=front))["credit"] == 1.0
    assert approval(radio_event("congress"))["credit"] == 0.0  # the Party committee's


def test_the_approver_setting_overrides_the_organiser() -> None:
    named = 'approver = "Ban Thường vụ Đoàn phường"\n'
    youth = [slot("d14", "2020-05-14T06:00:00+07:00", "daily", "Ban Thường vụ Đoàn phường")]
    assert approval(radio_event("congress", settings=named, slots=youth))["credit"] == 1.0
    found = approval(radio_event("congress", settings=named))
    assert found["credit"] == 0.0
    assert "nội dung cần được Ban Thường vụ Đoàn phường duyệt" in found["message"]["text"]


# -- the words for each kind -------------------------------------------------------------------


def test_the_messages_name_the_kind_of_event() -> None:
    [day] = [
        f
        for f in findings(radio_event("election", slots=EVERY_SLOT[1:]), "vi")
        if f["subject"] == "2020-05-14"
    ]
    assert day["message"]["text"] == (
        "Lịch phát thanh ngày 14 tháng 5 năm 2020: chưa có buổi nào về cuộc bầu cử (cần ít "
        "nhất một buổi mỗi ngày, kể từ 7 ngày trước ngày bầu cử)"
    )
    [results] = [
        f
        for f in findings(radio_event("election", slots=EVERY_SLOT[:4]), "en")
        if f["code"] == "broadcast.results-missing"
    ]
    assert results["message"]["text"] == (
        'No broadcast of the election\'s results (kind = "results") scheduled after the close '
        "of the poll, by 18 May 2020 (3 days after the close of the poll)"
    )
