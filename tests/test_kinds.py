"""Kinds of event (#12): ``[event] kind`` names a kind the core or a plugin knows (did you mean
on a typo), the form and the organiser, attendance said once, rules that apply to some kinds
only, and the kind shown in every report."""

from __future__ import annotations

import html
import json
import textwrap
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import attrs
import pytest

import venue_ready
from venue_ready import (
    BUILTIN_KINDS,
    AreaPlan,
    AreaSpec,
    Attendance,
    Event,
    EventKind,
    Finding,
    Item,
    LoadError,
    Message,
    applies_to,
    area_plugin,
    rule_kinds,
)
from venue_ready.testing import plugin_manager

from .conftest import RunCli, WriteEvent

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
STARTS = datetime(2020, 5, 15, 7, 30, tzinfo=TZ)
AS_OF = "2020-05-14T16:00+07:00"
GENERAL = '\n[areas.general]\n[[areas.general.items]]\nid = "a"\ntitle = "Việc"\n'


def test_the_core_knows_six_kinds_each_named_in_both_languages() -> None:
    assert list(BUILTIN_KINDS) == [
        "party-congress",
        "congress",
        "election",
        "council-session",
        "conference",
        "ceremony",
    ]
    for kind in BUILTIN_KINDS.values():
        assert kind.title("vi") != kind.title("en")
        assert kind.participants("vi")
        assert kind.participants("en")
    assert BUILTIN_KINDS["election"].organiser == "state"
    assert BUILTIN_KINDS["party-congress"].forms == ("delegates", "members")
    assert BUILTIN_KINDS["election"].forms == ()
    with pytest.raises(TypeError):
        BUILTIN_KINDS["x"] = BUILTIN_KINDS["election"]  # type: ignore[index]


def test_a_kind_checks_its_fields() -> None:
    with pytest.raises(ValueError, match="lower-case word"):
        EventKind(key="Election", title_vi="a", title_en="b", organiser="state")
    with pytest.raises(ValueError, match="organiser"):
        EventKind(key="vote", title_vi="a", title_en="b", organiser="city")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="forms"):
        EventKind(key="vote", title_vi="a", title_en="b", organiser="state", forms=("all",))  # type: ignore[arg-type]


def test_a_typo_in_the_kind_is_exit_2_with_did_you_mean(
    run_cli: RunCli, write_event: WriteEvent
) -> None:
    path = write_event(GENERAL, kind="electon")
    proc = run_cli("check", path, "--lang", "en")
    assert proc.returncode == 2
    # located as a compiler shows it: the line and column of the value, the line beneath
    assert f"{path.name}:7:8: event.kind: unknown kind of event 'electon'" in proc.stderr
    assert "   |        ^^^^^^^^^" in proc.stderr
    assert "did you mean 'election'?" in proc.stderr
    assert "council-session" in proc.stderr  # the known kinds are listed


def test_every_builtin_kind_loads_and_is_shown_in_every_report(
    run_cli: RunCli, write_event: WriteEvent
) -> None:
    for key, kind in BUILTIN_KINDS.items():
        path = write_event(GENERAL, kind=key)
        for lang in ("vi", "en"):
            text = run_cli("check", path, "--as-of", AS_OF, "--lang", lang)
            assert text.returncode in (0, 1), text.stderr
            label = "Loại sự kiện" if lang == "vi" else "Kind of event"
            assert f"{label}: {kind.title(lang)}" in text.stdout
        for fmt in ("md", "html"):
            out = run_cli("check", path, "--as-of", AS_OF, "--format", fmt, "--lang", "en")
            assert kind.title_en in html.unescape(out.stdout)
        doc = json.loads(run_cli("check", path, "--as-of", AS_OF, "--format", "json").stdout)
        assert doc["event"]["kind"] == key
        assert doc["event"]["kind_title"] == kind.title_vi
        assert doc["event"]["organiser"] == kind.organiser


def test_form_and_organiser_are_read_and_a_form_needs_a_congress(
    run_cli: RunCli, write_event: WriteEvent
) -> None:
    congress = write_event(GENERAL, form="delegates", organiser="party", kind="congress")
    doc = json.loads(run_cli("check", congress, "--as-of", AS_OF, "--format", "json").stdout)
    assert (doc["event"]["form"], doc["event"]["organiser"]) == ("delegates", "party")
    text = run_cli("check", congress, "--as-of", AS_OF).stdout
    assert "Loại sự kiện: Đại hội của tổ chức chính trị - xã hội (đại hội đại biểu)" in text

    election = write_event(GENERAL, kind="election", form="members")
    proc = run_cli("check", election, "--lang", "en")
    assert proc.returncode == 2
    assert "event.form: an event of kind 'election' has no congress form" in proc.stderr

    wrong = write_event(GENERAL, organiser="city")
    proc = run_cli("check", wrong, "--lang", "en")
    assert proc.returncode == 2
    assert "event.organiser" in proc.stderr
    assert "did you mean 'party'?" not in proc.stderr  # nothing close: the choices are listed
    assert "party, state, organisation" in proc.stderr


def test_attendance_is_said_once_and_the_older_name_follows_it(write_event: WriteEvent) -> None:
    path = write_event(GENERAL + "\n[event.attendance]\nparticipants = 120\nguests = 15\n")
    # [event.attendance] after [areas]: TOML allows a sub-table anywhere
    event = venue_ready.load(path)
    assert event.attendance == Attendance(participants=120, guests=15)
    assert event.attendance.total == 135
    assert event.expected_delegates == 120

    older = venue_ready.load(write_event(GENERAL, expected_delegates=80))
    assert older.attendance.participants == 80

    both = write_event(
        GENERAL + "\n[event.attendance]\nparticipants = 120\n", expected_delegates=80
    )
    with pytest.raises(LoadError) as caught:
        venue_ready.load(both)
    assert [p.message.id for p in caught.value.problems] == ["load.delegates-and-participants"]

    typo = write_event(GENERAL + "\n[event.attendance]\nparticipant = 120\n")
    with pytest.raises(LoadError) as caught:
        venue_ready.load(typo)
    assert caught.value.problems[0].path == ("event", "attendance", "participant")


def test_attendance_in_code() -> None:
    event = Event(id="e", name="n", starts=STARTS, attendance=Attendance(participants=3, staff=2))
    assert (event.expected_delegates, event.attendance.total) == (3, 5)
    assert Attendance(guests=4).total is None  # the participants are what matters most
    with pytest.raises(ValueError, match="one number under two names"):
        Event(
            id="e",
            name="n",
            starts=STARTS,
            expected_delegates=4,
            attendance=Attendance(participants=3),
        )
    with pytest.raises(TypeError, match="attendance must be an Attendance"):
        Event(id="e", name="n", starts=STARTS, attendance={"participants": 3})  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="participants"):
        Attendance(participants=-1)


def test_the_organiser_defaults_to_the_kinds() -> None:
    assert Event(id="e", name="n", starts=STARTS).organiser == "party"
    assert Event(id="e", name="n", starts=STARTS, kind="ceremony").organiser == "state"
    ward_conference = Event(id="e", name="n", starts=STARTS, kind="conference", organiser="party")
    assert ward_conference.organiser == "party"
    assert Event(id="e", name="n", starts=STARTS, kind="plugins-own").organiser is None
    with pytest.raises(ValueError, match="form must be one of"):
        Event(id="e", name="n", starts=STARTS, form="all")  # type: ignore[arg-type]


# -- rules per kind ------------------------------------------------------------------------------


@applies_to("party-congress", "congress")
def _title_rule(config: object, event: Event, area: AreaPlan, as_of: datetime) -> list[Finding]:
    message = Message("flags.title", {})
    return [Finding(code="flags.title", area="flags", message=message, credit=0.0, gate=True)]


def _everywhere(config: object, event: Event, area: AreaPlan, as_of: datetime) -> list[Finding]:
    return [Finding(code="flags.up", area="flags", message=Message("flags.up", {}), credit=1.0)]


def _flags_plugin() -> object:
    class Flags:
        venue_ready_areas, venue_ready_assess = area_plugin(
            AreaSpec(key="flags", title_vi="Cờ", title_en="Flags"),
            settings=lambda settings, event: (None, []),
            rules=(_title_rule, _everywhere),
        )

    return Flags


def test_a_rule_runs_only_for_the_kinds_it_applies_to() -> None:
    assert rule_kinds(_title_rule) == frozenset({"party-congress", "congress"})
    assert rule_kinds(_everywhere) is None
    pm = plugin_manager(_flags_plugin())
    plan = AreaPlan("flags", items=(Item("x", "Treo cờ"),))
    for kind, codes in (
        ("party-congress", ["flags.title", "flags.up"]),
        ("congress", ["flags.title", "flags.up"]),
        ("election", ["flags.up"]),  # neither a Finding nor "not assessed": not run at all
        ("ceremony", ["flags.up"]),
    ):
        event = Event(id="e", name="n", starts=STARTS, kind=kind, areas=(plan,))
        report = venue_ready.assess(event, as_of=STARTS, plugins=pm)
        found = [f.code for f in report.areas[0].findings if f.code.startswith("flags.")]
        assert found == codes, kind


def test_applies_to_needs_kinds() -> None:
    with pytest.raises(TypeError, match="one or more kind keys"):
        applies_to()
    with pytest.raises(TypeError, match="sequence of functions"):
        area_plugin(AreaSpec(key="x", title_vi="a", title_en="b"), settings=_everywhere, rules=[])


# -- kinds from plugins --------------------------------------------------------------------------

_PLUGIN = """
from venue_ready import EventKind, hookimpl

@hookimpl
def venue_ready_kinds():
    return [
        EventKind(key="citizen-meeting", title_vi="Hội nghị tiếp xúc cử tri",
                  title_en="Meeting with voters", organiser="state",
                  participants_vi="cử tri", participants_en="voters"),
        EventKind(key="election", title_vi="Khác", title_en="Other", organiser="party"),
    ]
"""


def test_a_plugin_adds_a_kind_and_cannot_redefine_one(
    run_cli: RunCli, write_event: WriteEvent, tmp_path: Path
) -> None:
    (tmp_path / "meetings.py").write_text(textwrap.dedent(_PLUGIN), encoding="utf-8")
    env = {"PYTHONPATH": str(tmp_path)}
    path = write_event(GENERAL, kind="citizen-meeting")
    proc = run_cli("check", path, "--as-of", AS_OF, "--plugin", "meetings", "--lang", "en", env=env)
    assert "Kind of event: Meeting with voters" in proc.stdout
    # its second kind redefines the core's election: refused, and said (exit 3)
    assert proc.returncode == 3
    assert "kind 'election' is known already" in proc.stdout + proc.stderr

    without = run_cli("check", path, "--lang", "en")
    assert without.returncode == 2
    assert "unknown kind of event 'citizen-meeting'" in without.stderr


def test_validate_checks_the_kind_of_an_event_built_in_code() -> None:
    event = Event(id="e", name="n", starts=STARTS, kind="electoin")
    problems = venue_ready.validate(event)
    assert [(p.path, p.message.id) for p in problems] == [(("kind",), "load.unknown-kind-hint")]
    assert problems[0].message.params["hint"] == "election"
    congress_form = attrs.evolve(event, kind="ceremony", form="delegates")
    assert [p.message.id for p in venue_ready.validate(congress_form)] == ["load.form-not-for-kind"]


def test_an_unknown_kind_is_blamed_on_a_plugin_whose_kinds_failed(
    run_cli: RunCli, write_event: WriteEvent, tmp_path: Path
) -> None:
    (tmp_path / "broken_kinds.py").write_text(
        "from venue_ready import hookimpl\n\n"
        "@hookimpl\ndef venue_ready_kinds():\n    raise RuntimeError('no kinds today')\n",
        encoding="utf-8",
    )
    env = {"PYTHONPATH": str(tmp_path)}
    path = write_event(GENERAL, kind="citizen-meeting")
    proc = run_cli(
        "check", path, "--plugin", "broken_kinds", "--lang", "en", "--format", "json", env=env
    )
    assert proc.returncode == 3, proc.stderr  # the plugin's fault, not the file's
    doc = json.loads(proc.stdout)
    assert doc["inconclusive"] is True
    assert [(f["name"], f["stage"]) for f in doc["generator"]["failures"]] == [
        ("broken_kinds", "kinds")
    ]
    assert doc["event"]["kind_title"] is None
    # a near miss of a known kind is still the file's typo
    typo = write_event(GENERAL, kind="electon")
    proc = run_cli("check", typo, "--plugin", "broken_kinds", "--lang", "en", env=env)
    assert proc.returncode == 2
    assert "did you mean 'election'?" in proc.stderr


def test_the_conformance_check_refuses_a_misspelt_kind() -> None:
    """A rule marked for a kind nobody knows would silently never run: the check says so."""
    from venue_ready.testing import PluginConformanceError, check_plugin

    @applies_to("party-congres")
    def misspelt(config: object, event: Event, area: AreaPlan, as_of: datetime) -> list[Finding]:
        return []

    class Misspelt:
        venue_ready_areas, venue_ready_assess = area_plugin(
            AreaSpec(key="flags", title_vi="Cờ", title_en="Flags"),
            settings=lambda settings, event: (None, []),
            rules=(misspelt, _everywhere),
        )

    with pytest.raises(PluginConformanceError) as caught:
        check_plugin(Misspelt)
    assert caught.value.rule == "unknown-kind"
    assert "did you mean 'party-congress'?" in str(caught.value)
    check_plugin(_flags_plugin())  # the same plugin with known kinds keeps every rule


def test_evolve_derives_the_organiser_and_the_attendance_again() -> None:
    """What was given is kept apart from what is derived: a new kind brings its organiser, a new
    count replaces the old one, None clears it."""
    event = Event(id="e", name="n", starts=STARTS, expected_delegates=150)
    assert (event.organiser, event.attendance.participants) == ("party", 150)
    election = attrs.evolve(event, kind="election")
    assert election.organiser == "state"
    assert attrs.evolve(event, expected_delegates=200).attendance.participants == 200
    assert attrs.evolve(event, expected_delegates=None).expected_delegates is None
    given = attrs.evolve(event, kind="conference", organiser="party")
    assert attrs.evolve(given, kind="ceremony").organiser == "party"  # given, so kept
    assert event == Event(id="e", name="n", starts=STARTS, expected_delegates=150)
    assert hash(event) == hash(Event(id="e", name="n", starts=STARTS, expected_delegates=150))


def test_a_plugins_kind_brings_its_organiser_to_a_loaded_event(
    write_event: WriteEvent, tmp_path: Path
) -> None:
    (tmp_path / "festivals.py").write_text(
        "from venue_ready import EventKind, hookimpl\n\n@hookimpl\ndef venue_ready_kinds():\n"
        "    return [EventKind(key='festival', title_vi='Lễ hội', title_en='Festival',"
        " organiser='state')]\n",
        encoding="utf-8",
    )
    import sys

    sys.path.insert(0, str(tmp_path))
    try:
        import festivals  # type: ignore[import-not-found]

        pm = plugin_manager(festivals)
        event = venue_ready.load(write_event(GENERAL, kind="festival"), plugins=pm)
    finally:
        sys.path.remove(str(tmp_path))
        sys.modules.pop("festivals", None)
    assert event.organiser == "state"


def test_a_loaded_events_organiser_follows_an_evolved_kind(write_event: WriteEvent) -> None:
    event = venue_ready.load(write_event(GENERAL, kind="conference"))
    assert event.organiser == "state"
    assert attrs.evolve(event, kind="party-congress").organiser == "party"


def test_the_wards_common_bodies_are_named_once_by_the_core() -> None:
    """Bodies every area names (the People's Committee, the polling team…) are in the core's
    catalog, so that each plugin names them the same way in both languages."""
    from venue_ready import Bodies
    from venue_ready._i18n import catalog

    for body in Bodies.ALL:
        assert catalog()["vi"][body.id] == body.vi
        assert catalog()["en"][body.id] == body.en
    pm = venue_ready.default_plugin_manager()
    plugin_catalogs = pm.catalogs()
    for lang in ("vi", "en"):
        named = {text for key, text in plugin_catalogs[lang].items() if ".role." in key}
        assert not named & {body.vi if lang == "vi" else body.en for body in Bodies.ALL}
