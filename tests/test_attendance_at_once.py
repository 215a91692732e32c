"""Attendance at once (#12): the most people present at the same time, besides the total.

An election day's voters come and go, so the voter roll is no headcount: ``[event.attendance]
at_once`` says the peak, ``EventKind.all_at_once`` says whether a kind has everyone present at
once, and ``Event.present_at_once`` is what a rule about the people in the room reads. Also:
each kind's wording of the report's start line, and problems that name the key the user wrote.
"""

from __future__ import annotations

import json
import sys
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import attrs
import pytest

import venue_ready
from venue_ready import BUILTIN_KINDS, Attendance, Event, EventKind, LoadError
from venue_ready.testing import assess_area, make_event, plugin_manager

from .conftest import WriteEvent

STARTS = datetime(2021, 5, 23, 7, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))
GENERAL = '\n[areas.general]\n[[areas.general.items]]\nid = "a"\ntitle = "Việc"\n'


def _event(kind: str = "party-congress", **attendance: int | None) -> Event:
    return Event(id="e", name="n", kind=kind, starts=STARTS, attendance=Attendance(**attendance))


# -- the model ---------------------------------------------------------------------------------


def test_only_an_election_has_its_participants_come_and_go() -> None:
    assert {k.key for k in BUILTIN_KINDS.values() if not k.all_at_once} == {"election"}
    custom = EventKind(key="festival", title_vi="Lễ hội", title_en="Festival", organiser="state")
    assert custom.all_at_once  # a plugin's kind is a sitting unless it says otherwise
    with pytest.raises(TypeError):
        EventKind(key="fair", title_vi="a", title_en="b", organiser="state", all_at_once="no")  # type: ignore[arg-type]


@pytest.mark.parametrize("kind", sorted(set(BUILTIN_KINDS) - {"election"}))
def test_a_sitting_holds_everyone_at_once(kind: str) -> None:
    event = _event(kind, participants=150, guests=20, staff=30)
    assert event.all_at_once
    assert event.present_at_once == 200
    assert _event(kind, participants=150, staff=30, at_once=120).present_at_once == 120


def test_an_election_day_is_no_headcount_without_at_once() -> None:
    event = _event("election", participants=1450, staff=15)
    assert not event.all_at_once
    assert event.attendance.total == 1465  # the stock of a day is still for everyone
    assert event.present_at_once is None
    assert _event("election", participants=1450, staff=15, at_once=100).present_at_once == 100


def test_all_at_once_given_in_code_wins_and_follows_an_evolved_kind() -> None:
    event = Event(
        id="e", name="n", kind="election", starts=STARTS, attendance=Attendance(participants=80)
    )
    assert attrs.evolve(event, all_at_once=True).present_at_once == 80
    assert attrs.evolve(event, kind="conference").present_at_once == 80  # derived again
    unknown = attrs.evolve(event, kind="citizen-meeting")
    assert unknown.all_at_once  # a kind the core does not know, none given: a sitting
    with pytest.raises(TypeError, match="all_at_once must be True, False or None"):
        Event(id="e", name="n", starts=STARTS, all_at_once="yes")  # type: ignore[arg-type]


def test_at_once_without_participants_is_still_read() -> None:
    assert _event("election", at_once=60).present_at_once == 60
    assert _event("conference", at_once=60).attendance.total is None


# -- the loader and validate() -----------------------------------------------------------------


def test_the_loader_reads_at_once(write_event: WriteEvent) -> None:
    body = "\n[event.attendance]\nparticipants = 1450\nstaff = 15\nat_once = 100\n" + GENERAL
    event = venue_ready.load(write_event(body, kind="election"))
    assert event.attendance == Attendance(participants=1450, staff=15, at_once=100)
    assert event.present_at_once == 100


def _problems(path: Path) -> list[venue_ready.Problem]:
    with pytest.raises(LoadError) as caught:
        venue_ready.load(path)
    return list(caught.value.problems)


def test_the_loader_refuses_more_at_once_than_everyone(write_event: WriteEvent) -> None:
    body = "\n[event.attendance]\nparticipants = 100\nguests = 10\nat_once = 500\n" + GENERAL
    path = write_event(body, kind="election")
    problems = _problems(path)
    assert [(p.path, p.message.id, p.file) for p in problems] == [
        (("event", "attendance", "at_once"), "load.at-once-over-total", str(path))
    ]
    assert (
        problems[0]
        .render("en")
        .endswith(
            "event.attendance.at_once: the most people present at the same time (at_once = 500) is "
            "more than everyone expected (110: participants, guests and staff together): correct "
            "one of the two"
        )
    )
    assert "số người có mặt cùng lúc (at_once = 500) lớn hơn tổng số người dự (110" in (
        problems[0].render("vi")
    )


def test_the_loader_counts_participants_given_under_their_older_name(
    write_event: WriteEvent,
) -> None:
    body = "expected_delegates = 40\n[event.attendance]\nat_once = 50\n" + GENERAL
    path = write_event("", kind="conference")
    path.write_text(path.read_text(encoding="utf-8") + body, encoding="utf-8")
    assert [p.path for p in _problems(path)] == [("event", "attendance", "at_once")]


def test_validate_refuses_more_at_once_than_everyone() -> None:
    event = _event("election", participants=100, staff=5, at_once=106)
    problems = venue_ready.validate(event)
    assert [(p.path, p.message.id) for p in problems] == [
        (("attendance", "at_once"), "load.at-once-over-total")
    ]
    assert (
        venue_ready.validate(
            attrs.evolve(event, attendance=Attendance(participants=101, staff=5, at_once=106))
        )
        == []
    )


@pytest.mark.parametrize(
    ("fields", "path"),
    [
        ({"attendance": Attendance(participants=10**9)}, ("attendance", "participants")),
        ({"expected_delegates": 10**9}, ("expected_delegates",)),
        ({"attendance": Attendance(participants=1, at_once=10**9)}, ("attendance", "at_once")),
    ],
)
def test_validate_names_the_key_the_count_was_given_under(
    fields: dict[str, object], path: tuple[str, ...]
) -> None:
    event = Event(id="e", name="n", starts=STARTS, **fields)  # type: ignore[arg-type]
    problems = venue_ready.validate(event)
    assert path in [p.path for p in problems]
    assert all(p.path == path for p in problems if p.message.id != "load.at-once-over-total")


@pytest.mark.parametrize(
    ("body", "path"),
    [
        (
            "\n[event.attendance]\nparticipants = 1000000000\n",
            ("event", "attendance", "participants"),
        ),
        ("expected_delegates = 1000000000\n", ("event", "expected_delegates")),
    ],
)
def test_the_loader_names_the_key_the_count_was_given_under(
    body: str, path: tuple[str, ...], write_event: WriteEvent
) -> None:
    file = write_event()
    file.write_text(file.read_text(encoding="utf-8") + body + GENERAL, encoding="utf-8")
    assert [p.path for p in _problems(file)] == [path]


# -- the report --------------------------------------------------------------------------------

STARTS_LINES = {
    "party-congress": ("Khai mạc: 7 giờ 00 ngày 23 tháng 5 năm 2021", "Opens: 23 May 2021, 07:00"),
    "congress": ("Khai mạc: 7 giờ 00", "Opens: 23 May"),
    "election": ("Bắt đầu bỏ phiếu: 7 giờ 00", "Polls open: 23 May"),
    "council-session": ("Khai mạc kỳ họp: 7 giờ 00", "Session opens: 23 May"),
    "conference": ("Khai mạc hội nghị: 7 giờ 00", "Opens: 23 May"),
    "ceremony": ("Bắt đầu buổi lễ: 7 giờ 00", "Starts: 23 May"),
}


def _rendered(report: venue_ready.Report, fmt: str, lang: str) -> str:
    if fmt == "terminal":  # what the CLI prints on a terminal (rich), without colour
        from venue_ready._render.terminal import render_terminal

        return render_terminal(report, lang, no_color=True)
    return report.render(fmt, lang)


@pytest.mark.parametrize("kind", list(BUILTIN_KINDS))
@pytest.mark.parametrize("fmt", ["text", "md", "html", "terminal"])
def test_each_kind_words_the_start_line_in_every_format(kind: str, fmt: str) -> None:
    event = make_event(id="e", name="n", kind=kind, starts=STARTS, areas=["general"])
    report = venue_ready.assess(event, as_of=STARTS)
    for lang, line in zip(("vi", "en"), STARTS_LINES[kind], strict=True):
        assert line in _rendered(report, fmt, lang)


def test_a_kind_the_report_does_not_know_starts(tmp_path: Path) -> None:
    (tmp_path / "fairs.py").write_text(
        "from venue_ready import EventKind, hookimpl\n\n@hookimpl\ndef venue_ready_kinds():\n"
        "    return [EventKind(key='fair', title_vi='Hội chợ', title_en='Fair',"
        " organiser='state', all_at_once=False, starts_vi='Mở cửa', starts_en='Doors open')]\n",
        encoding="utf-8",
    )
    sys.path.insert(0, str(tmp_path))
    try:
        import fairs  # type: ignore[import-not-found]

        pm = plugin_manager(fairs)
        text = (
            '[event]\nid = "f"\nname = "Hội chợ"\nkind = "fair"\nstarts = 2021-05-23T07:00:00\n'
            "[event.attendance]\nparticipants = 5000\n" + GENERAL
        )
        event = make_event(text, plugins=pm)
        report = venue_ready.assess(event, as_of=STARTS, plugins=pm)
    finally:
        sys.path.remove(str(tmp_path))
        sys.modules.pop("fairs", None)
    # the plugin's kind brings its own wording and its come-and-go to the loaded event
    assert not event.all_at_once
    assert event.present_at_once is None
    assert "Mở cửa: 7 giờ 00" in report.render("text", "vi")
    assert "Doors open: 23 May 2021, 07:00" in report.render("text", "en")
    # built without the plugin, the report does not know the kind: a neutral word
    plain = Event(id="f", name="n", kind="fair", starts=STARTS)
    assert venue_ready.validate(plain, plugins=pm) == []
    unknown = attrs.evolve(report, kind=None)
    assert "Bắt đầu: 7 giờ 00" in unknown.render("text", "vi")
    assert "Starts: 23 May 2021, 07:00" in unknown.render("text", "en")


def test_the_json_report_carries_at_once() -> None:
    event = _event("election", participants=1450, staff=15, at_once=100)
    event = attrs.evolve(event, areas=make_event(areas=["general"]).areas)
    data = json.loads(venue_ready.assess(event, as_of=STARTS).to_json("en"))
    assert data["event"]["attendance"] == {
        "participants": 1450,
        "guests": None,
        "staff": 15,
        "at_once": 100,
    }


# -- the security area's extinguishers ---------------------------------------------------------

SECURITY: dict[str, dict[str, object]] = {"security": {}}  # no extinguishers yet: still counted
PM = plugin_manager("security", "disinfection")


def _count(event: Event) -> venue_ready.Finding:
    findings = assess_area(event, "security", plugins=PM, as_of=STARTS)
    (count,) = [f for f in findings if f.code == "security.extinguishers-count"]
    return count


def test_the_extinguishers_are_counted_for_the_people_present_at_once() -> None:
    base = make_event(kind="election", starts=STARTS, areas=SECURITY)
    election = attrs.evolve(base, attendance=Attendance(participants=1450, staff=15, at_once=100))
    assert _count(election).message.params["attendance"] == 100
    assert _count(election).message.params["required"] == 2
    congress = attrs.evolve(
        election, kind="party-congress", attendance=Attendance(participants=150, staff=30)
    )
    assert _count(congress).message.params["attendance"] == 180
    assert _count(congress).message.params["required"] == 4


def test_an_election_without_at_once_is_not_assessed_and_says_which_key() -> None:
    base = make_event(kind="election", starts=STARTS, areas=SECURITY)
    election = attrs.evolve(base, attendance=Attendance(participants=1450, staff=15))
    count = _count(election)
    assert not count.assessed
    assert count.message.id == "security.extinguishers-no-at-once"
    report = venue_ready.assess(election, as_of=STARTS)
    text = report.render("text", "en")
    assert "set at_once in [event.attendance]" in text
    # the area's own attendance still overrides
    settings = {"security": {**SECURITY["security"], "attendance": 120}}
    overridden = attrs.evolve(election, areas=make_event(areas=settings).areas)
    assert _count(overridden).message.params["attendance"] == 120


def test_the_disinfection_stock_is_for_the_whole_day() -> None:
    """Masks and sanitiser are used by each voter who comes: the stock is for the total."""
    settings = {"disinfection": {"supplies": {"masks": 2000, "sanitiser_litres": 50}}}
    base = make_event(kind="election", starts=STARTS, areas=settings)
    election = attrs.evolve(base, attendance=Attendance(participants=1450, staff=15, at_once=100))
    findings = assess_area(election, "disinfection", plugins=PM, as_of=STARTS)
    (masks,) = [f for f in findings if f.code == "disinfection.masks"]
    assert masks.message.params["people"] == 1465


@pytest.mark.parametrize(
    ("kind", "vi", "en"),
    [
        ("election", "trước giờ bắt đầu bỏ phiếu", "before the opening of the polls"),
        ("council-session", "trước giờ khai mạc kỳ họp", "before the opening of the session"),
        ("ceremony", "trước giờ bắt đầu buổi lễ", "before the start of the ceremony"),
        ("conference", "trước giờ khai mạc", "before the opening at"),
    ],
)
def test_the_disinfection_names_the_start_by_the_kind(kind: str, vi: str, en: str) -> None:
    text = (
        f'[event]\nid = "e"\nname = "n"\nkind = "{kind}"\nstarts = 2021-05-23T07:00:00\n'
        '[venue]\nname = "Hội trường"\nzones = [{ id = "hall", name = "Hội trường" }]\n'
        "[areas.disinfection]\n"
    )
    event = make_event(text, plugins=PM)
    report = venue_ready.assess(event, as_of=STARTS, plugins=PM)
    area = report.area("disinfection")
    assert area is not None
    texts = {lang: [report.message_text(f, lang) for f in area.findings] for lang in ("vi", "en")}
    assert any(vi in t for t in texts["vi"]), texts["vi"]
    assert any(en in t for t in texts["en"]), texts["en"]
