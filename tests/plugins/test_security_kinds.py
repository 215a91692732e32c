"""The ``security`` area per kind of event (#12): which rules run for which kinds, the guarded
rooms and zones with their own windows, the entrance window per kind, the counts read from
``[event.attendance]`` and the owners per kind.

Events are built from TOML text and assessed through the public path; messages are read back
rendered, from ``Report.to_dict(lang)``.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest

import venue_ready
from venue_ready import BUILTIN_KINDS, Event, rule_kinds
from venue_ready.testing import make_event, plugin_manager
from venue_ready_security import KEY
from venue_ready_security.rules import (
    BADGE_KINDS,
    RULES,
    badge_findings,
    fire_findings,
    guard_findings,
    guarded_findings,
    plan_findings,
    required_item_findings,
)

from ..support import TZ

AS_OF = datetime(2020, 5, 14, 16, 0, tzinfo=TZ)
PLUGINS = plugin_manager("security")
KINDS = tuple(BUILTIN_KINDS)


def event_text(
    *,
    kind: str = "party-congress",
    organiser: str | None = None,
    attendance: str = "participants = 100",
    settings: str = "badges_issued = 100",
    tables: str = "",
    starts: str = "2020-05-15T07:30:00+07:00",
    ends: str = "2020-05-15T17:00:00+07:00",
) -> str:
    """An event of ``kind`` at a venue with two entrances and a storage room."""
    organiser_line = f'organiser = "{organiser}"\n' if organiser else ""
    return f"""\
schema = 1

[event]
id = "thu-2020"
name = "Sự kiện ở phường Thử"
kind = "{kind}"
{organiser_line}starts = {starts}
ends = {ends}
lang = "vi"

[event.attendance]
{attendance}

[venue]
name = "Nhà văn hóa tổ dân phố số 3"
zones = [
  {{ id = "hall", name = "Hội trường" }},
  {{ id = "storage", name = "Phòng kho" }},
]
entrances = [{{ id = "main-gate", name = "Cổng chính" }}]

[areas.security.settings]
{settings}

[[areas.security.settings.extinguishers]]
id = "BCC-01"
zone = "hall"
inspected = 2019-05-10

{tables}
"""


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


def problems(text_: str) -> list[str]:
    with pytest.raises(venue_ready.LoadError) as info:
        make_event(text_, plugins=PLUGINS)
    return [p.render("en", info.value.catalogs) for p in info.value.problems]


# -- which rules run for which kinds -------------------------------------------------------------


def test_the_rules_and_their_kinds() -> None:
    assert (
        plan_findings,
        guard_findings,
        guarded_findings,
        fire_findings,
        badge_findings,
        required_item_findings,
    ) == RULES
    assert rule_kinds(badge_findings) == frozenset(BADGE_KINDS)
    assert set(BADGE_KINDS) == {"party-congress", "congress", "council-session", "conference"}
    for rule in (plan_findings, guard_findings, guarded_findings, fire_findings):
        assert rule_kinds(rule) is None  # every kind
    assert rule_kinds(required_item_findings) is None


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_assesses_without_error(kind: str) -> None:
    found = findings(make(kind=kind))
    codes = {f["code"] for f in found}
    # the rules of every kind ran
    assert {"security.plan-approved", "security.entrance-unguarded"} <= codes
    assert {"security.extinguisher-expired", "security.extinguishers-count"} <= codes
    assert "security.required-item-missing" in codes


@pytest.mark.parametrize("kind", BADGE_KINDS)
def test_badges_are_checked_for_a_congress_a_session_a_conference(kind: str) -> None:
    f = one(findings(make(kind=kind)), "security.badges")
    assert (f["credit"], f["assessed"]) == (1.0, True)


@pytest.mark.parametrize("kind", ["election", "ceremony"])
def test_badges_are_not_run_for_an_election_or_a_ceremony(kind: str) -> None:
    # an election has voter cards (thẻ cử tri), not badges: no Finding at all, not "not assessed"
    found = findings(make(kind=kind))
    assert not [f for f in found if f["code"] == "security.badges"]
    assert found  # the other rules ran


@pytest.mark.parametrize(
    ("rule", "code"),
    [
        (plan_findings, "security.plan-approved"),
        (guard_findings, "security.entrance-unguarded"),
        (fire_findings, "security.extinguishers-count"),
        (required_item_findings, "security.required-item-missing"),
    ],
)
@pytest.mark.parametrize("kind", KINDS)
def test_the_rules_of_every_kind_run_for_each_kind(rule: object, code: str, kind: str) -> None:
    assert rule_kinds(rule) is None
    assert code in {f["code"] for f in findings(make(kind=kind))}


@pytest.mark.parametrize("kind", KINDS)
def test_guarded_places_are_checked_for_every_kind(kind: str) -> None:
    event = make(kind=kind, tables=GUARDED)
    assert one(findings(event), "security.place-unguarded", "storage")["gate"] is True


# -- guarded rooms and zones -----------------------------------------------------------------------

GUARDED = """\
[[areas.security.settings.guarded]]
zone = "storage"
from = 2020-05-14T17:00:00+07:00
until = 2020-05-15T07:30:00+07:00
"""


def post(where: str, start: str, end: str, team: str = "Công an phường") -> str:
    return (
        f"[[areas.security.settings.posts]]\n{where}\nteam = {team!r}\n"
        f"from = {start}\nuntil = {end}\n\n"
    ).replace("'", '"')


def test_a_guarded_room_covered_overnight() -> None:
    tables = GUARDED + post(
        'place = "storage"', "2020-05-14T17:00:00+07:00", "2020-05-15T07:30:00+07:00"
    )
    event = make(tables=tables)
    f = one(findings(event), "security.place-guarded", "storage")
    assert (f["weight"], f["credit"], f["gate"], f["owner"]) == (1.0, 1.0, True, "Công an phường")
    assert f["due"] == "2020-05-13"  # posts_lead_days = 2, the end of that day
    vi = one(findings(event, "vi"), "security.place-guarded")["message"]["text"]
    assert vi == (
        "Phòng kho: có người canh gác suốt từ 17 giờ 00 ngày 14 đến 7 giờ 30 ngày 15 tháng 5 "
        "năm 2020"
    )


def test_a_guarded_room_with_gaps_names_each_with_its_times() -> None:
    tables = (
        GUARDED
        + post('place = "storage"', "2020-05-14T17:00:00+07:00", "2020-05-14T22:00:00+07:00")
        + post(
            'place = "storage"',
            "2020-05-15T00:00:00+07:00",
            "2020-05-15T06:30:00+07:00",
            "Dân quân phường",
        )
    )
    f = one(findings(make(tables=tables)), "security.place-guard-gap", "storage")
    # 14.5 hours to guard; 22:00-24:00 and 06:30-07:30 are empty
    assert f["credit"] == pytest.approx(11.5 / 14.5)
    assert f["gate"] is True
    assert f["message"]["text"].startswith(
        "Phòng kho: nobody on guard 22:00–24:00 14/5/2020, 06:30–07:30 15/5/2020"
    )


def test_an_unguarded_room_is_named_and_blocks_once_the_roster_is_due() -> None:
    event = make(tables=GUARDED)
    f = one(findings(event), "security.place-unguarded", "storage")
    assert (f["credit"], f["blocking"]) == (0.0, True)
    vi = one(findings(event, "vi"), "security.place-unguarded")["message"]["text"]
    assert vi.startswith("Phòng kho: chưa bố trí người canh gác (cần canh gác từ 17 giờ 00")


def test_a_guarded_place_by_name_and_id_with_its_team_as_owner() -> None:
    tables = """\
[[areas.security.settings.guarded]]
id = "ballot-room"
name = "Phòng lưu giữ hòm phiếu"
team = "Dân quân phường"
from = 2020-05-14T18:00:00+07:00
until = 2020-05-15T07:00:00+07:00
"""
    f = one(findings(make(tables=tables)), "security.place-unguarded", "ballot-room")
    assert f["owner"] == "Dân quân phường"
    assert f["message"]["text"].startswith("Phòng lưu giữ hòm phiếu: nobody on guard")


def test_a_post_reported_manned_in_the_journal_counts_from_then() -> None:
    event = make(tables=GUARDED)
    record = venue_ready.JournalEntry(
        uid="u1",
        subject="security:storage",
        status="done",
        by="Công an phường",
        recorded_at=datetime(2020, 5, 14, 17, 0, tzinfo=TZ),
    )
    replayed = venue_ready.replay(event, [record])
    as_of = datetime(2020, 5, 14, 18, 0, tzinfo=TZ)
    f = one(findings(replayed, as_of=as_of), "security.place-guarded", "storage")
    assert f["reported"]["by"] == "Công an phường"


def test_the_journal_takes_guarded_places_besides_entrances() -> None:
    from venue_ready_security.rules import journal_subjects

    event = make(tables=GUARDED)
    area = event.area(KEY)
    assert area is not None
    assert journal_subjects(event, area) == ["main-gate", "storage"]


@pytest.mark.parametrize(
    ("tables", "expected"),
    [
        pytest.param(
            GUARDED.replace('zone = "storage"', 'zone = "storag"'),
            "<make_event>: areas.security.settings.guarded[0].zone: no zone 'storag' in [venue] "
            "(did you mean 'storage'? zones: hall, storage)",
            id="zone-did-you-mean",
        ),
        pytest.param(
            GUARDED.replace('zone = "storage"\n', ""),
            "<make_event>: areas.security.settings.guarded[0]: a guarded place needs a zone, an "
            "id or a name",
            id="unnamed",
        ),
        pytest.param(
            GUARDED + "\n" + GUARDED,
            "<make_event>: areas.security.settings.guarded[1]: the guarded place 'storage' is "
            "already declared at guarded[0]",
            id="duplicate",
        ),
        pytest.param(
            GUARDED.replace('zone = "storage"', 'id = "main-gate"'),
            "<make_event>: areas.security.settings.guarded[0]: 'main-gate' is an entrance of "
            "[venue]: give the guarded place another id",
            id="id-is-an-entrance",
        ),
        pytest.param(
            GUARDED.replace("until = 2020-05-15T07:30", "until = 2020-05-14T07:30"),
            "<make_event>: areas.security.settings.guarded[0].until: the post ends (14 May 2020, "
            "07:30) no later than it starts (14 May 2020, 17:00) (until must be after from)",
            id="until-before-from",
        ),
        pytest.param(
            GUARDED
            + post('place = "storag"', "2020-05-14T17:00:00+07:00", "2020-05-15T07:30:00+07:00"),
            "<make_event>: areas.security.settings.posts[0].place: invalid value 'storag' (did "
            "you mean 'storage'? expected one of: storage)",
            id="post-place-did-you-mean",
        ),
        pytest.param(
            post('place = "storage"', "2020-05-14T17:00:00+07:00", "2020-05-15T07:30:00+07:00"),
            "<make_event>: areas.security.settings.posts[0].place: no guarded place 'storage' "
            "(declare it in [[areas.security.settings.guarded]] first)",
            id="post-place-undeclared",
        ),
        pytest.param(
            post("# neither", "2020-05-14T17:00:00+07:00", "2020-05-15T07:30:00+07:00"),
            "<make_event>: areas.security.settings.posts[0]: a post needs one of entrance or "
            "place (not both)",
            id="post-nowhere",
        ),
        pytest.param(
            GUARDED
            + post(
                'entrance = "main-gate"\nplace = "storage"',
                "2020-05-14T17:00:00+07:00",
                "2020-05-15T07:30:00+07:00",
            ),
            "<make_event>: areas.security.settings.posts[0]: a post needs one of entrance or "
            "place (not both)",
            id="post-both",
        ),
        pytest.param(
            GUARDED.replace('zone = "storage"', 'zone = "storage"\nteam = "Dân quân tự vệ"'),
            "<make_event>: areas.security.settings.guarded[0].team: invalid value 'Dân quân tự "
            "vệ' (did you mean 'Dân quân phường'? expected one of: Công an phường, Dân quân "
            "phường, Lực lượng bảo vệ dân phố)",
            id="team-did-you-mean",
        ),
    ],
)
def test_guarded_places_and_posts_are_checked_at_load(tables: str, expected: str) -> None:
    assert expected in problems(event_text(tables=tables))


# -- the entrance window per kind ----------------------------------------------------------------


def test_an_election_guards_the_entrances_from_the_evening_before() -> None:
    event = make(
        kind="election",
        starts="2021-05-23T07:00:00+07:00",
        ends="2021-05-23T19:00:00+07:00",
        tables=post(
            'entrance = "main-gate"', "2021-05-22T19:00:00+07:00", "2021-05-23T22:00:00+07:00"
        ),
    )
    as_of = datetime(2021, 5, 22, 12, 0, tzinfo=TZ)
    f = one(findings(event, as_of=as_of), "security.entrance-guarded", "main-gate")
    assert (
        f["message"]["text"] == "Cổng chính: guarded throughout 22 May, 19:00 – 23 May 2021, 22:00"
    )


def test_a_congress_window_is_as_before_and_the_settings_override_the_kind() -> None:
    tables = post(
        'entrance = "main-gate"', "2020-05-15T06:00:00+07:00", "2020-05-15T17:30:00+07:00"
    )
    one(findings(make(tables=tables)), "security.entrance-guarded", "main-gate")
    election = make(
        kind="election",
        settings="doors_open_minutes = 60\nafter_close_minutes = 30",
        starts="2020-05-15T07:00:00+07:00",
        tables=tables,
    )
    one(findings(election), "security.entrance-guarded", "main-gate")  # 06:00-17:30 is enough
    unset = make(kind="election", starts="2020-05-15T07:00:00+07:00", tables=tables)
    assert one(findings(unset), "security.guard-gap", "main-gate")["credit"] < 1


# -- counts from [event.attendance] ----------------------------------------------------------


def test_counts_come_from_the_attendance() -> None:
    event = make(
        attendance="participants = 100\nguests = 20\nstaff = 40", settings="badges_issued = 120"
    )
    found = findings(event)
    count = one(found, "security.extinguishers-count")["message"]["text"]
    assert "at least 4 needed (160 people" in count  # everyone at the venue, staff too
    badges = one(found, "security.badges")
    assert (badges["credit"], badges["message"]["text"]) == (
        1.0,
        "120 delegate badges issued (120 needed)",
    )


def test_the_settings_override_the_attendance() -> None:
    event = make(
        attendance="participants = 100\nguests = 20",
        settings="badges_issued = 100\nguests = 0\n",
    )
    found = findings(event)
    assert (
        one(found, "security.badges")["message"]["text"]
        == "100 delegate badges issued (100 needed)"
    )
    assert "(100 people" in one(found, "security.extinguishers-count")["message"]["text"]
    event = make(settings="badges_issued = 100\nattendance = 260")
    assert "(260 people" in one(findings(event), "security.extinguishers-count")["message"]["text"]


def test_unknown_attendance_points_at_event_attendance() -> None:
    found = findings(make(attendance="guests = 5"), "vi")
    assert one(found, "security.extinguishers-count")["message"]["text"] == (
        "Chưa biết số người dự (khai báo participants trong [event.attendance] hoặc attendance "
        "trong cài đặt) nên chưa tính được số bình chữa cháy cần có"
    )
    assert one(found, "security.badges")["message"]["text"] == (
        "Chưa biết số đại biểu (khai báo participants trong [event.attendance]) "
        "nên chưa đối chiếu được số thẻ đại biểu"
    )


# -- owners per kind and organiser ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "organiser", "fire", "badges"),
    [
        ("party-congress", None, "Tiểu ban Phục vụ", "Văn phòng Đảng ủy"),
        ("conference", "party", "Tiểu ban Phục vụ", "Văn phòng Đảng ủy"),
        ("council-session", None, "Ủy ban nhân dân phường", "Văn phòng HĐND - UBND phường"),
        ("conference", None, "Ủy ban nhân dân phường", "Văn phòng HĐND - UBND phường"),
        ("congress", None, "Ban Tổ chức", "Ban Tổ chức"),
        ("election", None, "Tổ bầu cử", None),
    ],
)
def test_default_owners_follow_the_kind_and_the_organiser(
    kind: str, organiser: str | None, fire: str, badges: str | None
) -> None:
    found = findings(make(kind=kind, organiser=organiser), "vi")
    assert one(found, "security.extinguishers-count")["owner"] == fire
    assert one(found, "security.extinguisher-expired")["owner"] == fire
    contingency = one(found, "security.required-item-missing", "security.contingency-plan")
    assert contingency["owner"] == fire
    if badges is not None:
        assert one(found, "security.badges")["owner"] == badges


def test_owners_are_settings() -> None:
    settings = (
        'badges_issued = 100\nowner_fire = "Đội PCCC cơ sở"\nowner_badges = "Tiểu ban Tổ chức"'
    )
    found = findings(make(settings=settings))
    assert one(found, "security.extinguishers-count")["owner"] == "Đội PCCC cơ sở"
    assert one(found, "security.badges")["owner"] == "Tiểu ban Tổ chức"


def test_an_expired_extinguisher_says_the_end_of_the_event_by_kind() -> None:
    def expired(kind: str) -> str:
        found = findings(make(kind=kind), "vi")
        return str(one(found, "security.extinguisher-expired")["message"]["text"])

    assert "trước khi Đại hội kết thúc" in expired("party-congress")
    assert "trước khi kết thúc bỏ phiếu" in expired("election")
    assert "trước khi kỳ họp bế mạc" in expired("council-session")


def test_a_gap_over_midnight_gives_both_days_and_one_to_midnight_ends_at_24() -> None:
    from datetime import datetime as dt

    from venue_ready_security.rules import _hole

    tz = dt.fromisoformat("2020-05-14T00:00:00+07:00").tzinfo
    at = lambda text: dt.fromisoformat(text).replace(tzinfo=tz)  # noqa: E731
    assert (
        _hole(at("2020-05-14T22:00"), at("2020-05-15T00:00"), dated=True) == "22:00–24:00 14/5/2020"
    )
    assert _hole(at("2020-05-14T22:00"), at("2020-05-15T06:00"), dated=True) == (
        "22:00 14/5/2020–06:00 15/5/2020"
    )
    assert _hole(at("2020-05-15T09:00"), at("2020-05-15T10:00"), dated=False) == "09:00–10:00"
