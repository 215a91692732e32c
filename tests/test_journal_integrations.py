"""The journal for integrations (#18): a chat bot that records what teams report, a morning
digest. Idempotency keys, a batch in one transaction, a dry run, entries in the event's zone,
one rule for moments, and library messages that speak of arguments, not options.

Real components only: real SQLite files, the real CLI as a subprocess, a real plugin module."""

from __future__ import annotations

import json
import sqlite3
import textwrap
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

import venue_ready
from venue_ready import (
    Event,
    JournalError,
    Mark,
    Status,
    check_mark,
    default_journal_path,
    mark,
    mark_many,
    open_journal,
    readiness_history,
)
from venue_ready.cli.journal import default_name
from venue_ready.journal import SCHEMA_VERSION
from venue_ready.journal.store import _MIGRATIONS, _SCHEMA_V1

from .conftest import JournalAt, RunCli
from .support import ENDS, TZ, event_header

_EVENT = (
    event_header(id="bot-test", name="Bot test", starts="2020-05-15T08:00:00+07:00", ends=ENDS)
    + """
[areas.general]
weight = 1

[[areas.general.items]]
id = "service.programme"
title = "Programme"
owner = "A"
due = 2020-05-10

[[areas.general.items]]
id = "service.rehearsal"
title = "Rehearsal"
owner = "A"
due = 2020-05-14
"""
)
#: When the tests record: before the congress, so that every entry is in the past of a report.
NOW = datetime(2020, 5, 14, 2, 0, tzinfo=UTC)  # 09:00 in Hà Nội


@pytest.fixture
def event_file(tmp_path: Path) -> Path:
    path = tmp_path / "congress.toml"
    path.write_text(_EVENT, encoding="utf-8")
    return path


@pytest.fixture
def event(event_file: Path) -> Event:
    return venue_ready.load(event_file)


@pytest.fixture
def hook_log(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[venue_ready.PluginManager, Path]:
    """A plugin manager with a real plugin module that writes every status change it hears of
    to a file, one JSON line each."""
    import uuid

    log = tmp_path / "changes.jsonl"
    # a module name of its own: a module imported by an earlier test would write to its log
    name = f"change_log_{uuid.uuid4().hex}"
    (tmp_path / f"{name}.py").write_text(
        textwrap.dedent(f"""
        import json
        from venue_ready import hookimpl

        @hookimpl
        def venue_ready_status_changed(event, item, old, new, entry):
            with open({str(log)!r}, "a", encoding="utf-8") as fh:
                fh.write(json.dumps([entry.subject, str(old), str(new), entry.key]) + "\\n")
        """),
        encoding="utf-8",
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    return venue_ready.get_plugin_manager(extra=[name]), log


def _changes(log: Path) -> list[list[str | None]]:
    if not log.exists():
        return []
    return [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]


# -- 1. the same chat update twice: one entry ----------------------------------------------------


def test_the_same_chat_update_recorded_twice_gives_one_entry(
    tmp_path: Path,
    event: Event,
    hook_log: tuple[venue_ready.PluginManager, Path],
    journal_at: JournalAt,
) -> None:
    plugins, log = hook_log
    path = tmp_path / "congress.journal.sqlite"
    update = {"by": "Tiểu ban Phục vụ", "note": "xong", "key": "telegram:update:123"}
    with open_journal(journal_at(path)) as journal:
        first = mark(
            journal, event, "service.rehearsal", "done", plugins=plugins, now=NOW, **update
        )
        # the bot's webhook is delivered again (a timeout, a restart): the same update
        again = mark(
            journal,
            event,
            "service.rehearsal",
            Status.DONE,
            plugins=plugins,
            now=NOW + timedelta(minutes=5),
            **update,
        )
        assert again == first
        assert (again.uid, again.seq, again.recorded_at) == (first.uid, first.seq, NOW)
        assert len(journal) == 1
        assert journal.entry_with_key("telegram:update:123") == first
        assert journal.entry_with_key("telegram:update:124") is None
    # the hook heard of the change once, with the key
    assert _changes(log) == [["service.rehearsal", "todo", "done", "telegram:update:123"]]
    assert plugins.failures == []
    # and a new process reading the file finds one entry, with its key
    with open_journal(journal_at(path), readonly=True) as journal:
        assert [e.key for e in journal.entries()] == ["telegram:update:123"]


def test_the_same_key_with_other_fields_is_refused(
    tmp_path: Path, event: Event, journal_at: JournalAt
) -> None:
    with open_journal(journal_at(tmp_path / "j.sqlite")) as journal:
        first = mark(journal, event, "service.rehearsal", "done", by="A", key="k1", now=NOW)
        with pytest.raises(JournalError) as refused:
            mark(journal, event, "service.rehearsal", "blocked", by="A", key="k1", now=NOW)
        assert journal.entries() == [first]
        # the journal itself refuses it too, whoever records
        with pytest.raises(JournalError):
            journal.append("service.programme", "done", by="A", key="k1")
        assert len(journal) == 1
    (problem,) = refused.value.problems
    assert problem.path == ("key",)
    assert problem.render("en").endswith(
        "key 'k1' is already taken by entry 1, which reports something else; not recorded, so "
        "that two reports are not confused (give each report its own key)"
    )
    assert "khóa 'k1' đã dùng cho mục số 1" in problem.render("vi")


def test_a_blank_key_is_refused(tmp_path: Path, event: Event) -> None:
    problems = check_mark(event, "service.rehearsal", "done", by="A", key="  ", now=NOW)
    assert [p.path for p in problems] == [("key",)]
    assert "idempotency key is blank" in problems[0].render("en")


def test_the_same_update_twice_through_the_cli_gives_one_entry(
    run_cli: RunCli, event_file: Path
) -> None:
    args = ("mark", event_file, "service.rehearsal", "done", "--by", "Tổ 2", "--lang", "en")
    first = run_cli(*args, "--key", "telegram:update:123")
    again = run_cli(*args, "--key", "telegram:update:123")
    other = run_cli(*args, "--key", "telegram:update:124")
    assert (first.returncode, again.returncode, other.returncode) == (0, 0, 0), again.stderr
    assert first.stdout.startswith("Recorded entry 1 in ")
    assert again.stdout.startswith("Already recorded (same key) as entry 1 in ")
    assert "nothing added" in again.stdout
    assert other.stdout.startswith("Recorded entry 2 in ")
    with open_journal(event_file.with_name("congress.journal.sqlite")) as journal:
        assert [e.key for e in journal.entries()] == ["telegram:update:123", "telegram:update:124"]
    conflict = run_cli(
        "mark", event_file, "service.rehearsal", "blocked", "--by", "Tổ 2", "--key",
        "telegram:update:123", "--lang", "en",
    )  # fmt: skip
    assert conflict.returncode == 2
    assert "key: key 'telegram:update:123' is already taken by entry 1" in conflict.stderr


def test_exports_carry_the_key(tmp_path: Path, event: Event, journal_at: JournalAt) -> None:
    with open_journal(journal_at(tmp_path / "a.sqlite")) as journal:
        mark(journal, event, "service.rehearsal", "done", by="A", key="chat:7", now=NOW)
        mark(journal, event, "service.programme", "done", by="A", now=NOW)
        jsonl, csv = journal.export("jsonl"), journal.export("csv")
    assert [json.loads(line)["key"] for line in jsonl.splitlines()] == ["chat:7", None]
    assert csv.splitlines()[0].endswith(",version,key")
    for text, fmt in ((jsonl, "jsonl"), (csv, "csv")):
        with open_journal(journal_at(tmp_path / f"b.{fmt}.sqlite")) as copy:
            assert copy.import_text(text, fmt) == (2, 0)
            assert copy.entry_with_key("chat:7") is not None
            assert copy.export(fmt) == text
            # the same report under another uid (recorded in two journals) is already there
            other = text.replace(json.loads(jsonl.splitlines()[0])["uid"], "f" * 32)
            assert copy.import_text(other, fmt) == (0, 2)
            # another report under a key already taken is refused, and nothing is added
            clash = other.replace("done", "blocked", 1)
            with pytest.raises(JournalError) as refused:
                copy.import_text(clash, fmt, file=f"clash.{fmt}")
            assert [p.file for p in refused.value.problems] == [
                f"clash.{fmt}:{1 if fmt == 'jsonl' else 2}"
            ]
            assert len(copy) == 2


# -- 2. a batch in one transaction ---------------------------------------------------------------


def test_a_batch_is_all_or_nothing_on_a_real_file(
    tmp_path: Path,
    event: Event,
    hook_log: tuple[venue_ready.PluginManager, Path],
    journal_at: JournalAt,
) -> None:
    plugins, log = hook_log
    path = tmp_path / "congress.journal.sqlite"
    bad = [
        Mark("service.programme", "done", by="A"),
        Mark("service.rehersal", "done", by=None),
        Mark("service.rehearsal", "in_progress", by="B", progress=2.0),
    ]
    with open_journal(journal_at(path)) as journal:
        with pytest.raises(JournalError) as refused:
            mark_many(journal, event, bad, plugins=plugins, event_file="congress.toml", now=NOW)
        assert len(journal) == 0
    assert [p.path for p in refused.value.problems] == [
        ("marks", 1, "subject"),
        ("marks", 1, "by"),
        ("marks", 2, "progress"),
    ]
    assert (
        str(refused.value)
        .splitlines()[0]
        .startswith("congress.toml: marks[1].subject: the event has no item 'service.rehersal'")
    )
    assert _changes(log) == []

    good = [
        Mark("service.programme", "done", by="A", key="u:1"),
        Mark("service.rehearsal", "in_progress", by="B", progress=0.5, key="u:2"),
        Mark("service.rehearsal", "done", by="B", key="u:3"),
    ]
    with open_journal(journal_at(path)) as journal:
        recorded = mark_many(journal, event, good, plugins=plugins, now=NOW)
    assert [e.seq for e in recorded] == [1, 2, 3]
    # one change per subject the batch changed, with the batch's latest entry about it
    assert _changes(log) == [
        ["service.programme", "todo", "done", "u:1"],
        ["service.rehearsal", "todo", "done", "u:3"],
    ]
    with open_journal(journal_at(path), readonly=True) as journal:
        assert journal.entries() == recorded
    # the whole batch again (the bot restarted half-way): nothing is added, no hook is called
    with open_journal(journal_at(path)) as journal:
        assert (
            mark_many(journal, event, good, plugins=plugins, now=NOW + timedelta(hours=1))
            == recorded
        )
        assert len(journal) == 3
    assert len(_changes(log)) == 2


def test_a_key_taken_inside_the_batch_rolls_the_batch_back(tmp_path: Path, event: Event) -> None:
    path = tmp_path / "j.sqlite"
    clash = [
        Mark("service.programme", "done", by="A", key="same"),
        Mark("service.rehearsal", "done", by="A", key="same"),
    ]
    with open_journal(path) as journal:
        with pytest.raises(JournalError) as refused:
            mark_many(journal, event, clash, now=NOW)
        assert [p.path for p in refused.value.problems] == [("marks", 1, "key")]
        assert len(journal) == 0
        # the same report twice in one batch is one entry
        twice = [clash[0], clash[0]]
        first, second = mark_many(journal, event, twice, now=NOW)
        assert first == second
        assert len(journal) == 1
    # the rolled-back batch left the file whole
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def test_the_dry_run_records_nothing_and_opens_no_file(tmp_path: Path, event: Event) -> None:
    assert check_mark(event, "service.rehearsal", "done", by="A", now=NOW) == []
    problems = check_mark(event, "service.rehersal", "done", by=None, now=NOW)
    assert [p.path for p in problems] == [("subject",), ("by",)]
    assert list(tmp_path.glob("*.sqlite")) == []


# -- 3. migration of an old journal ---------------------------------------------------------------


def test_a_version_1_journal_is_upgraded_and_takes_keys(tmp_path: Path, event: Event) -> None:
    path = tmp_path / "old.journal.sqlite"
    conn = sqlite3.connect(path)
    conn.executescript(_SCHEMA_V1)
    conn.execute("PRAGMA user_version = 1")
    conn.execute(
        "INSERT INTO entries (subject, status, by, recorded_at) VALUES (?, ?, ?, ?)",
        ("service.programme", "done", "A", "2020-05-09T02:00:00.000000+00:00"),
    )
    conn.commit()
    conn.close()
    assert SCHEMA_VERSION == 4
    assert sorted(_MIGRATIONS) == [2, 3, 4]
    # a reader reads it as the current layout, and leaves the file as it was
    with open_journal(path, readonly=True) as journal:
        (old,) = journal.entries()
        assert old.key is None
        assert old.inserted_at == old.recorded_at  # as far as anyone can tell
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    conn.close()
    # a writer migrates it, and the keys work at once
    with open_journal(path) as journal:
        entry = mark(journal, event, "service.rehearsal", "done", by="A", key="k", now=NOW)
        assert mark(journal, event, "service.rehearsal", "done", by="A", key="k", now=NOW) == entry
        assert [e.key for e in journal.entries()] == [None, "k"]
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 4
    with pytest.raises(sqlite3.IntegrityError):  # one entry per key, whoever writes
        conn.execute(
            "INSERT INTO entries (subject, status, by, recorded_at, key)"
            " VALUES ('x', 'done', 'A', 'T', 'k')"
        )
    conn.close()


def test_a_version_3_journal_bound_without_a_zone_gets_it_at_the_next_mark(
    tmp_path: Path, event: Event
) -> None:
    path = tmp_path / "v3.journal.sqlite"
    conn = sqlite3.connect(path)
    conn.executescript(_SCHEMA_V1)
    for step in (2, 3):
        conn.executescript(_MIGRATIONS[step])
    conn.execute("INSERT INTO meta (key, value) VALUES ('event_id', ?)", (event.id,))
    conn.execute("PRAGMA user_version = 3")
    conn.commit()
    conn.close()
    with open_journal(path) as journal:
        assert (journal.event_id, journal.timezone) == (event.id, None)
        mark(journal, event, "service.rehearsal", "done", by="A", now=NOW)
        assert journal.timezone == "Asia/Ho_Chi_Minh"
        assert journal.entries()[0].recorded_at.utcoffset() == timedelta(hours=7)


# -- 4. entries in the event's zone, every time exposed --------------------------------------------


def test_entries_read_back_are_in_the_events_zone_as_mark_returns_them(
    tmp_path: Path, event: Event, journal_at: JournalAt
) -> None:
    path = tmp_path / "j.sqlite"
    at = datetime(2020, 5, 13, 1, 0, tzinfo=UTC)
    with open_journal(journal_at(path)) as journal:
        returned = mark(journal, event, "service.rehearsal", "done", by="A", at=at, now=NOW)
        (read,) = journal.entries()
        (replayed,) = journal.replay(event).areas[0].items[1:]
    assert read == returned
    for entry in (returned, read):
        for moment in (entry.recorded_at, entry.happened_at, entry.inserted_at, entry.at):
            assert moment is not None
            assert moment.utcoffset() == timedelta(hours=7)
        assert entry.happened_at == at  # the same instant, shown in Hà Nội's time
        assert entry.happened_at.hour == 8
    assert replayed.reported_at == NOW
    # a fresh reader, in another process's shoes, sees the same
    with open_journal(journal_at(path), readonly=True) as journal:
        assert journal.entries()[0].recorded_at.isoformat() == "2020-05-14T09:00:00+07:00"


def test_known_at_filters_on_the_time_an_entry_exposes(
    tmp_path: Path, event: Event, journal_at: JournalAt
) -> None:
    with open_journal(journal_at(tmp_path / "j.sqlite")) as journal:
        entry = mark(journal, event, "service.rehearsal", "done", by="A", now=NOW)
        assert entry.inserted_at is not None
        assert entry.inserted_at >= entry.recorded_at  # written now, recorded at NOW
        assert journal.entries(known_at=entry.inserted_at) == [entry]
        assert journal.entries(known_at=entry.inserted_at - timedelta(microseconds=1)) == []


# -- 5. one rule for moments ---------------------------------------------------------------------


def test_a_naive_moment_is_read_in_the_events_zone(
    tmp_path: Path, event: Event, journal_at: JournalAt
) -> None:
    with open_journal(journal_at(tmp_path / "j.sqlite")) as journal:
        entry = mark(
            journal,
            event,
            "service.rehearsal",
            "done",
            by="A",
            at=datetime(2020, 5, 13, 8, 0),  # 08:00 in Hà Nội
            now=datetime(2020, 5, 14, 9, 0),
        )
        assert entry.happened_at == datetime(2020, 5, 13, 8, 0, tzinfo=TZ)
        assert entry.recorded_at == NOW
        # the journal knows its event's zone now: naive moments of its own are read in it
        assert journal.entries(until=datetime(2020, 5, 13, 8, 0)) == [entry]
        assert journal.entries(until=datetime(2020, 5, 13, 7, 59)) == []
    assert check_mark(
        event,
        "service.rehearsal",
        "done",
        by="A",
        at=datetime(2020, 5, 14, 9, 1),
        now=datetime(2020, 5, 14, 9, 0),
    )[0].path == ("at",)


@pytest.mark.parametrize("argument", ["at", "now"])
def test_a_moment_given_as_text_is_a_type_error_naming_the_argument(
    tmp_path: Path, event: Event, argument: str, journal_at: JournalAt
) -> None:
    with open_journal(journal_at(tmp_path / "j.sqlite")) as journal:
        with pytest.raises(TypeError, match=rf"^{argument} must be a datetime .* not str"):
            mark(
                journal,
                event,
                "service.rehearsal",
                "done",
                by="A",
                **{argument: "2020-05-13T08:00"},
            )
        assert len(journal) == 0
    with (
        pytest.raises(TypeError, match=r"^marks\[0\]\.at must be a datetime"),
        open_journal(journal_at(tmp_path / "j.sqlite")) as journal,
    ):
        mark_many(journal, event, [Mark("service.rehearsal", "done", by="A", at="x")])  # type: ignore[arg-type]


def test_a_naive_moment_for_an_unbound_journal_is_a_type_error(
    tmp_path: Path, journal_at: JournalAt
) -> None:
    with open_journal(journal_at(tmp_path / "j.sqlite")) as journal:
        with pytest.raises(TypeError, match=r"naive datetime .* bound to no event"):
            journal.append("x", "done", by="A", recorded_at=datetime(2020, 5, 13, 8, 0))
        with pytest.raises(TypeError, match=r"^until must be a datetime"):
            journal.entries(until="2020-05-13")  # type: ignore[arg-type]


def test_readiness_history_reads_naive_moments_in_the_events_zone(
    tmp_path: Path, event: Event, journal_at: JournalAt
) -> None:
    with open_journal(journal_at(tmp_path / "j.sqlite")) as journal:
        mark(
            journal, event, "service.programme", "done", by="A", at=datetime(2020, 5, 9, 8), now=NOW
        )
        entries = journal.entries()
    before, after = readiness_history(
        event, entries, [datetime(2020, 5, 9, 7), datetime(2020, 5, 9, 9)]
    )
    assert isinstance(before, venue_ready.HistoryPoint)
    assert before.at == datetime(2020, 5, 9, 7, tzinfo=TZ)
    assert (before.score, after.score) == (0.0, 50.0)


# -- 6. library messages speak of arguments, the CLI's of options --------------------------------


def test_a_mark_without_by_says_give_by_in_the_library_and_add_by_on_the_cli(
    run_cli: RunCli, event_file: Path, event: Event
) -> None:
    (problem,) = check_mark(event, "service.rehearsal", "done", by=None, now=NOW)
    assert "give by=..." in problem.render("en")
    assert "by=..." in problem.render("vi")
    assert "--" not in problem.render("en") + problem.render("vi")
    result = run_cli("mark", event_file, "service.rehearsal", "done", "--lang", "en")
    assert result.returncode == 2
    assert "by: who reports it is missing: add --by NAME" in result.stderr


def test_no_library_message_names_a_cli_option() -> None:
    from venue_ready._messages import EN, VI

    for lang, catalog in (("vi", VI), ("en", EN)):
        for key, text in catalog.items():
            if key.startswith("cli."):
                continue  # the command line's own messages speak of its options
            assert "--" not in text, (lang, key, text)


def test_another_events_journal_names_no_option_in_the_library_but_does_on_the_cli(
    run_cli: RunCli, tmp_path: Path, event_file: Path, event: Event, journal_at: JournalAt
) -> None:
    other = tmp_path / "other.toml"
    other.write_text(_EVENT.replace('id = "bot-test"', 'id = "another-ward"'), encoding="utf-8")
    journal_path = event_file.with_name("congress.journal.sqlite")
    with open_journal(journal_at(journal_path)) as journal:
        mark(journal, event, "service.rehearsal", "done", by="A", now=NOW)
        with pytest.raises(JournalError) as refused:
            journal.check_event(venue_ready.load(other), event_file=str(other))
    assert "(--journal)" not in str(refused.value)
    result = run_cli("history", other, "--journal", journal_at(journal_path), "--lang", "en")
    assert result.returncode == 2
    assert "use the right journal (--journal)" in result.stderr


# -- 7. public names ----------------------------------------------------------------------------


def test_the_integration_api_is_public() -> None:
    for name in (
        "check_mark",
        "mark_many",
        "readiness_history",
        "default_journal_path",
        "HistoryPoint",
    ):
        assert name in venue_ready.__all__
        assert getattr(venue_ready, name).__doc__
    assert default_journal_path("wards/ngoc-thuy.toml") == Path("wards/ngoc-thuy.journal.sqlite")
    assert str(default_journal_path("a.b/congress.toml")) == default_name("a.b/congress.toml")


def test_a_journal_beside_an_event_file_is_the_clis(run_cli: RunCli, event_file: Path) -> None:
    result = run_cli("mark", event_file, "service.rehearsal", "done", "--by", "A")
    assert result.returncode == 0, result.stderr
    with open_journal(default_journal_path(event_file), create=False) as journal:
        assert len(journal) == 1


def test_a_sign_off_by_the_wrong_body_is_refused_by_mark_as_by_check_mark(
    tmp_path: Path, journal_at: JournalAt
) -> None:
    """From the review: mark() checked the mark as it would record it (the sign-off spelt as the
    plan spells it), so a sign-off by any body was recorded as the required body's."""
    from venue_ready import AreaPlan, Item

    starts = datetime(2020, 5, 15, 7, 30)
    item = Item(
        "docs", "Docs", owner="VP", due=datetime(2020, 5, 10), requires_signoff="District group"
    )
    built = Event(id="e", name="E", starts=starts, areas=[AreaPlan("general", items=[item])])
    at = datetime(2020, 5, 9, 9, 0)
    wrong = {"by": "me", "signed_off_by": "Anyone", "at": at}
    assert [p.path for p in check_mark(built, "docs", "done", **wrong)] == [("signed_off_by",)]
    with open_journal(journal_at(tmp_path / "j.sqlite")) as journal:
        with pytest.raises(JournalError) as refused:
            mark(journal, built, "docs", "done", **wrong)
        assert [p.path for p in refused.value.problems] == [("signed_off_by",)]
        with pytest.raises(JournalError):
            mark_many(journal, built, [Mark("docs", "done", **wrong)])  # type: ignore[arg-type]
        assert journal.entries() == []
        entry = mark(journal, built, "docs", "done", by="me", signed_off_by="district GROUP", at=at)
    assert entry.signed_off_by == "District group"  # the plan's spelling, for the right body


def test_a_retried_sign_off_keeps_its_version_when_the_plan_moved_on(
    tmp_path: Path, journal_at: JournalAt
) -> None:
    """From the final review: a keyed sign-off given without a version takes the item's; a retry
    after the plan's version changed was refused as a key taken by another report."""
    from venue_ready import AreaPlan, Item

    def planned(version: str) -> Event:
        item = Item(
            "docs",
            "Docs",
            owner="VP",
            due=datetime(2020, 5, 10),
            requires_signoff="District group",
            version=version,
        )
        return Event(
            id="e",
            name="E",
            starts=datetime(2020, 5, 15, 7, 30),
            areas=[AreaPlan("general", items=[item])],
        )

    fields = {"by": "me", "signed_off_by": "District group", "at": datetime(2020, 5, 9, 9, 0)}
    with open_journal(journal_at(tmp_path / "j.sqlite")) as journal:
        first = mark(journal, planned("v1"), "docs", "done", key="chat:1", **fields)
        again = mark(journal, planned("v2"), "docs", "done", key="chat:1", **fields)
        assert again == first
        assert again.version == "v1"
        assert len(journal.entries()) == 1
        with pytest.raises(JournalError):  # a version given, and another: another report
            mark(journal, planned("v2"), "docs", "done", key="chat:1", version="v2", **fields)
