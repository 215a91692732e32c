"""The journal's library API (#13): the Mark value object, Journal.bind and Journal.record, and
the readiness history computed by the library, giving what the CLI prints byte for byte."""

from __future__ import annotations

import json
import os
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import attrs
import pytest

import venue_ready
from venue_ready import Event, JournalError, Mark, Status, load, open_journal
from venue_ready._timeline import readiness_timeline, timeline_days
from venue_ready.journal import (
    HISTORY_SCHEMA_VERSION,
    check_mark,
    history_document,
    mark_problems,
    record_mark,
)

from .conftest import ROOT, JournalAt
from .support import ENDS, event_header

GOLDEN = ROOT / "tests" / "golden"
NGOC_THUY = ROOT / "examples" / "ngoc-thuy-2020" / "congress.toml"
NGOC_THUY_AS_OF = datetime.fromisoformat("2020-05-14T16:00+07:00")


@pytest.fixture(autouse=True)
def _no_env(monkeypatch: pytest.MonkeyPatch) -> None:
    # what the golden files were made with: no plugin selection from the environment
    for name in list(os.environ):
        if name.startswith("VENUE_READY_"):
            monkeypatch.delenv(name)


def _stdout(golden: str) -> str:
    """The report part of a golden file: what the CLI printed on stdout."""
    text = (GOLDEN / golden).read_bytes().decode("utf-8")
    return text.split("\n--- stderr ---\n", 1)[0]


@pytest.fixture
def golden_journal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The Ngọc Thụy example and, beside it, the golden journal, as tests/test_golden.py makes
    them; the working directory is their folder, as the CLI's was."""
    shutil.copy(NGOC_THUY, tmp_path / "congress.toml")
    with open_journal(tmp_path / "congress.journal.sqlite") as journal:
        text = (GOLDEN / "ngoc-thuy.journal.jsonl").read_text(encoding="utf-8")
        assert journal.import_text(text, "jsonl") == (len(text.splitlines()), 0)
    monkeypatch.chdir(tmp_path)
    return tmp_path / "congress.toml"


def _replayed(plan: Event, entries: list[venue_ready.JournalEntry], as_of: datetime) -> Event:
    return venue_ready.replay(plan, [e for e in entries if e.at <= as_of])


# -- the readiness history, computed by the library -----------------------------------------------


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_library_user_gets_the_clis_html_page(golden_journal: Path, lang: str) -> None:
    plan = load(golden_journal)
    with open_journal(golden_journal.with_name("congress.journal.sqlite"), readonly=True) as j:
        entries = j.entries(NGOC_THUY_AS_OF)  # what --known-at now reads
    report = venue_ready.assess_with_history(plan, entries, as_of=NGOC_THUY_AS_OF)
    assert report.render("html", lang) == _stdout(f"ngoc-thuy-journal.{lang}.html")
    # and the history is what makes it that page: the same report without it draws another
    plain = attrs.evolve(report, history=())
    assert plain.render("html", lang) != _stdout(f"ngoc-thuy-journal.{lang}.html")


def test_the_history_is_the_timeline_days_up_to_the_moment(golden_journal: Path) -> None:
    plan = load(golden_journal)
    with open_journal(golden_journal.with_name("congress.journal.sqlite"), readonly=True) as j:
        entries = j.entries()
    report = venue_ready.assess_with_history(plan, entries, as_of=NGOC_THUY_AS_OF)
    days = timeline_days(report)
    assert days, "the example has a timeline"
    assert [p.at for p in report.history] == [d for d in days if d < report.as_of] + [report.as_of]
    # the report itself counts only the entries that had happened by its moment ...
    assert report == attrs.evolve(
        venue_ready.assess(_replayed(plan, entries, NGOC_THUY_AS_OF), as_of=NGOC_THUY_AS_OF),
        history=report.history,
    )
    # ... and its last point of history is the report's own readiness
    assert report.history[-1].score == report.score
    assert report.history[-1].status == report.status
    # the timeline draws the history up to the moment, and nothing after it
    points = readiness_timeline(report)
    assert [p.when for p in points] == days
    assert all(p.earned is None for p in points if p.when > report.as_of)
    drawn = {p.when: p.earned for p in points if p.when <= report.as_of}
    assert drawn == {h.at: h.score for h in report.history if h.at in drawn}


def test_without_history_the_page_is_the_plain_one(golden_journal: Path) -> None:
    """A report with no history (no journal) is drawn as before: the same page as the CLI's."""
    report = venue_ready.assess(load(golden_journal), as_of=NGOC_THUY_AS_OF)
    assert report.history == ()
    assert report.render("html", "en") == _stdout("ngoc-thuy.en.html")


def test_a_naive_moment_is_read_in_the_events_time_zone(golden_journal: Path) -> None:
    plan = load(golden_journal)
    naive = NGOC_THUY_AS_OF.replace(tzinfo=None)
    report = venue_ready.assess_with_history(plan, [], as_of=naive)
    assert report.as_of == NGOC_THUY_AS_OF
    assert report.history[-1].at == NGOC_THUY_AS_OF


def test_history_document_is_the_clis_history_json(golden_journal: Path) -> None:
    plan = load(golden_journal)
    with open_journal(golden_journal.with_name("congress.journal.sqlite"), readonly=True) as j:
        entries = j.entries()
    document = history_document(plan, entries, journal="congress.journal.sqlite")
    assert document["schema_version"] == HISTORY_SCHEMA_VERSION
    # dumped as `venue-ready history --format json` dumps it
    dumped = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    assert dumped == _stdout("ngoc-thuy-history.json")


def test_history_document_of_one_subject_keeps_the_whole_series(golden_journal: Path) -> None:
    plan = load(golden_journal)
    with open_journal(golden_journal.with_name("congress.journal.sqlite"), readonly=True) as j:
        entries = j.entries()
    whole = history_document(plan, entries, journal="j")
    subject = entries[0].subject
    one = history_document(plan, entries, journal="j", subject=subject)
    assert one["subject"] == subject
    assert [e["uid"] for e in one["entries"]] == [e.uid for e in entries if e.subject == subject]
    assert len(one["entries"]) < len(whole["entries"])
    assert one["series"] == whole["series"]


# -- the Mark value object ------------------------------------------------------------------------


_EVENT = (
    event_header(
        id="mark-test",
        name="Mark test",
        starts="2020-05-15T08:00:00+07:00",
        ends=ENDS,
    )
    + """
[areas.general]
weight = 1

[[areas.general.items]]
id = "service.programme"
title = "Programme"
owner = "A"
due = 2020-05-10

[[areas.general.items]]
id = "service.report"
title = "Political report"
owner = "A"
due = 2020-05-10
version = "v3"
requires_signoff = "Ban Thường vụ"
"""
)


def _event() -> Event:
    return venue_ready.loads(_EVENT)


NOW = datetime(2020, 5, 14, 9, 0, tzinfo=UTC)


def test_a_mark_keeps_a_status_as_its_text_and_is_frozen() -> None:
    done = Mark("service.programme", Status.DONE, by="A")
    assert done.status == "done"
    assert done == Mark("service.programme", "done", by="A")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        done.status = "todo"  # type: ignore[misc]


def test_mark_problems_lists_everything_wrong_at_once() -> None:
    event = _event()
    wrong = Mark(
        "service.programm",
        "finished",
        by=" ",
        at=NOW + timedelta(hours=1),
        progress=1.5,
        signed_off_by="Ban Thường vụ",
    )
    problems = mark_problems(event, wrong, event_file="congress.toml", now=NOW)
    keys = sorted(p.path[0] for p in problems)
    assert keys == ["at", "by", "progress", "signed_off_by", "status", "subject"]
    assert all(p.file == "congress.toml" for p in problems)
    assert mark_problems(event, Mark("service.programme", "done", by="A"), now=NOW) == []


def test_check_mark_is_mark_problems_of_the_mark_its_keywords_make() -> None:
    event = _event()
    fields = {"by": None, "at": NOW + timedelta(days=1), "progress": 0.5}
    assert check_mark(event, "service.report", "done", now=NOW, **fields) == mark_problems(
        event, Mark("service.report", "done", **fields), now=NOW
    )


def test_record_mark_records_the_sign_off_as_the_plan_spells_it(
    tmp_path: Path, journal_at: JournalAt
) -> None:
    event = _event()
    signed = Mark("service.report", "done", by="Văn phòng", signed_off_by="  ban thường VỤ ")
    with open_journal(journal_at(tmp_path / "j.sqlite")) as journal:
        entry = record_mark(journal, event, signed, now=NOW)
        assert journal.event_id == event.id  # bound by the first mark
        assert entry.signed_off_by == "Ban Thường vụ"
        assert entry.version == "v3"  # the item's current version
        older = attrs.evolve(signed, version="v2")
        assert record_mark(journal, event, older, now=NOW).version == "v2"
        # without a sign-off, no version is recorded whatever the mark says
        plain = Mark("service.programme", "done", by="A", version="v9")
        assert record_mark(journal, event, plain, now=NOW).version is None
        with pytest.raises(JournalError) as refused:
            record_mark(journal, event, Mark("service.nothing", "done", by="A"), now=NOW)
        assert [p.path for p in refused.value.problems] == [("subject",)]
        assert len(journal) == 3


def test_journal_record_checks_the_fields_not_the_subject(
    tmp_path: Path, journal_at: JournalAt
) -> None:
    with open_journal(journal_at(tmp_path / "j.sqlite")) as journal:
        entry = journal.record(
            Mark("any:thing", "in_progress", by="A", progress=0.25, note="n"), recorded_at=NOW
        )
        assert (entry.subject, entry.status, entry.progress, entry.note) == (
            "any:thing",
            Status.IN_PROGRESS,
            0.25,
            "n",
        )
        assert entry.recorded_at == NOW
        assert entry.seq == 1
        assert journal.entries() == [entry]
        with pytest.raises(JournalError) as refused:
            journal.record(Mark("x", "waived", by=None, progress=2.0))
        assert sorted(p.path[0] for p in refused.value.problems) == ["by", "progress", "status"]
        assert len(journal) == 1


# -- binding a journal to its event ---------------------------------------------------------------


def _other(event: Event) -> Event:
    return attrs.evolve(event, id="another-ward")


def test_bind_records_the_event_once(tmp_path: Path, journal_at: JournalAt) -> None:
    event = _event()
    path = tmp_path / "j.sqlite"
    with open_journal(journal_at(path)) as journal:
        assert journal.event_id is None
        journal.bind(event)
        journal.bind(event)  # again: nothing changes
        assert journal.event_id == event.id
        with pytest.raises(JournalError) as refused:
            journal.bind(_other(event), event_file="other.toml")
        (problem,) = refused.value.problems
        assert problem.message.id == "journal.other-event"
        assert problem.message.params["event_file"] == "other.toml"
        assert journal.event_id == event.id
    # a second handle on the same file sees the binding, and refuses another event
    with open_journal(journal_at(path)) as again:
        with pytest.raises(JournalError):
            again.bind(_other(event))
        again.check_event(event)


def test_bind_writes_nothing_to_a_bound_journal_opened_read_only(
    tmp_path: Path, journal_at: JournalAt
) -> None:
    event = _event()
    path = tmp_path / "j.sqlite"
    with open_journal(journal_at(path)) as journal:
        pass
    with open_journal(journal_at(path), readonly=True) as journal:
        with pytest.raises(ValueError, match="read-only"):
            journal.bind(event)
        assert journal.event_id is None
    with open_journal(journal_at(path)) as journal:
        journal.bind(event)
    with open_journal(journal_at(path), readonly=True) as journal:
        journal.bind(event)  # already this event's: nothing to write
        assert journal.event_id == event.id


def test_a_mark_on_a_journal_of_another_event_is_refused(
    tmp_path: Path, journal_at: JournalAt
) -> None:
    event = _event()
    with open_journal(journal_at(tmp_path / "j.sqlite")) as journal:
        journal.bind(_other(event))
        with pytest.raises(JournalError) as refused:
            venue_ready.mark(journal, event, "service.programme", "done", by="A", now=NOW)
        assert refused.value.problems[0].message.id == "journal.other-event"
        assert len(journal) == 0
