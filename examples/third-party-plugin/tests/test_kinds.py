"""Kinds of event: the documents area serves a congress, and none of its rules runs for an
election day, a council session, a conference or a ceremony (``@applies_to``); its template
items say their kinds (``kinds=``); the printed sets follow ``[event.attendance]``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from venue_ready import BUILTIN_KINDS, rule_kinds

from helpers import Assess, document, event_toml
from venue_ready_documents import rules
from venue_ready_documents.template import CONGRESSES, PARTY_CONGRESS, TEMPLATE

ROOT = Path(__file__).resolve().parent.parent

#: Settings and tables that give every rule something to say.
EVERYTHING = (
    "copies = 100",
    document("political-report", extra='comments = [{ body = "đảng viên", received = 2020-05-01 }]')
    + "[areas.documents.settings.dossiers]\nexpected = 3\ncount = 3\nreported_on = 2020-05-01\n",
)
ATTENDANCE = "participants = 150\nguests = 20\nstaff = 30"


def test_each_rule_says_its_kinds() -> None:
    expected = (
        rules.kind_findings,
        rules.comment_findings,
        rules.signoff_findings,
        rules.dossier_findings,
        rules.copies_findings,
    )
    assert expected == rules.RULES
    assert rule_kinds(rules.kind_findings) == frozenset(CONGRESSES)
    assert rule_kinds(rules.comment_findings) == frozenset(CONGRESSES)
    assert rule_kinds(rules.signoff_findings) == frozenset({PARTY_CONGRESS})
    assert rule_kinds(rules.dossier_findings) == frozenset({PARTY_CONGRESS})
    assert rule_kinds(rules.copies_findings) == frozenset(CONGRESSES)


def test_a_party_congress_runs_every_rule(assess: Assess) -> None:
    found = assess(event_toml(*EVERYTHING, attendance=ATTENDANCE))
    assert {f.code for f in found} == {
        "documents.kind",
        "documents.comments",
        "documents.signoff",
        "documents.dossiers",
        "documents.copies",
    }


@pytest.mark.parametrize("kind", sorted(set(BUILTIN_KINDS) - set(CONGRESSES)))
def test_no_rule_runs_for_an_event_that_is_no_congress(kind: str, assess: Assess) -> None:
    """Not a Finding, not "not assessed": nothing at all."""
    assert assess(event_toml(*EVERYTHING, kind=kind, attendance=ATTENDANCE)) == []


def test_another_organisations_congress_has_documents_but_no_party_sign_off(
    assess: Assess,
) -> None:
    found = assess(event_toml(*EVERYTHING, kind="congress", attendance=ATTENDANCE))
    assert {f.code for f in found} == {"documents.kind", "documents.comments", "documents.copies"}
    # a missing document weighs only what its own Findings would here: no sign-off to come
    missing = {f.subject: f for f in found if f.code == "documents.kind" and f.credit == 0}
    assert (missing["programme"].weight, missing["programme"].gate) == (1.0, False)
    assert (missing["review-report"].weight, missing["review-report"].gate) == (2.0, False)
    party = assess(event_toml(*EVERYTHING, attendance=ATTENDANCE))
    programme = [f for f in party if f.code == "documents.kind" and f.subject == "programme"]
    assert [(f.weight, f.gate) for f in programme] == [(2.0, True)]


@pytest.mark.parametrize(
    ("copies", "attendance", "message", "credit"),
    [
        (170, ATTENDANCE, "documents.copies-enough", 1.0),  # staff get no set
        (85, ATTENDANCE, "documents.copies-short", 0.5),
        (170, "guests = 20", "documents.copies-unknown", 0.0),
    ],
)
def test_the_printed_sets_follow_the_events_attendance(
    copies: int, attendance: str, message: str, credit: float, assess: Assess
) -> None:
    found = assess(event_toml(f"copies = {copies}", attendance=attendance))
    [sets] = [f for f in found if f.code == "documents.copies"]
    assert (sets.message.id, sets.credit) == (message, credit)
    assert sets.assessed is (message != "documents.copies-unknown")


def test_no_printed_sets_checked_without_copies(assess: Assess) -> None:
    assert not [
        f for f in assess(event_toml(attendance=ATTENDANCE)) if f.code == "documents.copies"
    ]


def test_the_template_items_say_their_kinds() -> None:
    for item in TEMPLATE:
        assert item.kinds, item.id
        assert set(item.kinds) <= set(CONGRESSES), item.id
    by_id = {item.id: item for item in TEMPLATE}
    assert tuple(by_id["personnel.cadre-plan-review"].kinds) == (PARTY_CONGRESS,)


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("VENUE_READY_")}
    return subprocess.run(
        [sys.executable, "-m", "venue_ready", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**env, "PYTHONIOENCODING": "utf-8"},
        timeout=60,
        check=False,
    )


def test_the_real_tool_writes_and_checks_an_election_without_the_congress_documents(
    tmp_path: Path,
) -> None:
    election = tmp_path / "election.toml"
    done = _run(
        "init", str(election), "--template", "election", "--starts", "2021-05-23T07:00:00+07:00"
    )
    assert done.returncode == 0, done.stderr
    text = election.read_text(encoding="utf-8")
    assert "[areas.documents]" in text  # the area's settings table, as for every area
    assert "[[areas.documents.items]]" not in text  # but none of its congress items
    done = _run("check", str(election), "--as-of", "2021-05-01", "--format", "json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    [area] = [a for a in report["areas"] if a["key"] == "documents"]
    assert area["findings"] == []
    congress = tmp_path / "congress.toml"
    done = _run("init", str(congress), "--starts", "2020-05-15T07:30:00+07:00")
    assert done.returncode == 0, done.stderr
    assert 'id = "personnel.cadre-plan-review"' in congress.read_text(encoding="utf-8")
