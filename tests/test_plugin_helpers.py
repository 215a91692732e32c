"""FindingMaker and template_item: what they make is what is written out field by field."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from venue_ready import Finding, FindingMaker, JournalEntry, Message, Phase, Status

DUE = datetime(2020, 5, 14, 17, 0, tzinfo=UTC)


def test_shared_fields_and_the_call_s_own_make_one_finding() -> None:
    make = FindingMaker("security", due=DUE, owner="Công an phường")
    made = make("security.badges", "security.badges-unknown", {"expected": 3}, assessed=False)
    assert made == Finding(
        code="security.badges",
        area="security",
        message=Message("security.badges-unknown", {"expected": 3}),
        due=DUE,
        owner="Công an phường",
        assessed=False,
    )


def test_a_field_given_to_the_call_wins_and_sharing_adds_without_changing_the_maker() -> None:
    make = FindingMaker("broadcast", owner="radio", weight=2.0)
    slot = make.sharing(subject="d-1", phase=Phase.DURING)
    made = slot("broadcast.slot-aired", owner="someone", credit=1.0)
    assert (made.subject, made.phase, made.owner, made.weight, made.credit) == (
        "d-1",
        Phase.DURING,
        "someone",
        2.0,
        1.0,
    )
    assert make("broadcast.x").subject is None  # the first maker shares no subject


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        (None, Message("area.code", {"n": 1})),  # no message: the code is the message id
        ("area.other", Message("area.other", {"n": 1})),
        (Message("area.given", {"m": 2}), Message("area.given", {"m": 2})),  # used as it is
    ],
)
def test_the_message_is_an_id_the_code_or_a_message(
    message: str | Message | None, expected: Message
) -> None:
    params = None if isinstance(message, Message) else {"n": 1}
    assert FindingMaker("area")("area.code", message, params).message == expected


def test_a_record_stamps_who_reported_the_result_and_when() -> None:
    record = JournalEntry(
        uid="1", subject="broadcast:d-1", status=Status.DONE, by="Đài", recorded_at=DUE
    )
    made = FindingMaker("broadcast")("broadcast.slot-aired", record=record)
    assert (made.reported_at, made.reported_by) == (DUE, "Đài")
    assert FindingMaker("broadcast")("broadcast.slot-aired").reported_at is None


def test_a_finding_from_an_item_keeps_what_the_file_says_of_it_unless_told_otherwise() -> None:
    from venue_ready import Item

    item = Item(
        id="docs.report",
        title="Báo cáo chính trị",
        owner="Tiểu ban Văn kiện",
        due=DUE,
        phase=Phase.BEFORE,
        status=Status.IN_PROGRESS,
        progress=0.5,
        weight=2.0,
        gate=True,
        reported_at=DUE,
        reported_by="Văn phòng Đảng ủy",
    )
    message = Message("general.item", {})
    made = Finding.from_item(item, code="general.item", area="general", message=message, credit=0.5)
    assert (made.subject, made.weight, made.gate, made.phase, made.due, made.owner) == (
        "docs.report",
        2.0,
        True,
        Phase.BEFORE,
        DUE,
        "Tiểu ban Văn kiện",
    )
    assert (made.reported_at, made.reported_by, made.credit) == (DUE, "Văn phòng Đảng ủy", 0.5)
    # a field given wins over the item's
    other = Finding.from_item(
        item, code="x.y", area="x", message=message, credit=0.0, weight=0.0, owner="Công an phường"
    )
    assert (other.weight, other.owner, other.gate) == (0.0, "Công an phường", True)


def test_template_item_gives_the_item_its_owner_role_s_two_names() -> None:
    from venue_ready import Role, TemplateItem, template_item

    police = Role("x.role.police", "Công an phường", "Ward police")
    assert template_item("x.plan", "Kế hoạch", "Plan", police, 3, gate=True) == TemplateItem(
        id="x.plan",
        title_vi="Kế hoạch",
        title_en="Plan",
        owner_vi="Công an phường",
        owner_en="Ward police",
        lead_days=3,
        gate=True,
    )
    assert template_item("x.other", "Khác", "Other").owner_vi is None
