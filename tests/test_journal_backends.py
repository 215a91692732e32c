"""Issue #17: the journal on PostgreSQL as on SQLite, chosen by ``--journal URL``, and
``journal copy`` between them, against a real PostgreSQL server (tests/postgres.py).

The journal's own tests (test_journal*.py) run on both backends through the ``journal_at``
fixture; here: what is particular to choosing a backend (URLs, a server's errors, a database
that holds many wards' journals, readers who may only read), copies, and the CLI end to end.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from venue_ready import JournalError, Mark, load, open_journal
from venue_ready.journal import FIELDS, copy_journal, mark_many
from venue_ready.journal.locations import Location

from .conftest import ROOT, JournalAt, RunCli
from .postgres import PostgresServer

SMALL = ROOT / "examples" / "small" / "congress.toml"
NGOC_THUY = ROOT / "examples" / "ngoc-thuy-2020" / "congress.toml"
T0 = datetime(2020, 5, 10, 1, 0, tzinfo=UTC)
SECRET = "mật-khẩu-bí-mật"


def _event_copy(source: Path, folder: Path, name: str = "congress.toml") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / name
    shutil.copy(source, target)
    return target


def _open_items(file: Path) -> list[str]:
    """The items of ``file`` the plan has not done: a mark on them changes the report."""
    event = load(file)
    return [
        i.id
        for area in event.areas
        for i in area.items
        if i.status.value in ("todo", "in_progress")
    ]


def _fill(target: str | Path) -> list[object]:
    """A bound journal with keys, a sign-off, an earlier ``at`` and times in several zones."""
    event = load(SMALL)
    items = [item.id for area in event.areas for item in area.items][:3]
    with open_journal(target) as journal:
        journal.bind(event)
        journal.append(items[0], "in_progress", by="Tổ 1", progress=0.1 + 0.2, recorded_at=T0)
        journal.append(
            items[1], "done", by="Tổ 2, \"Văn phòng\"", at=T0 - timedelta(hours=3),
            recorded_at=T0 + timedelta(hours=1), note="dòng một\ndòng hai", key="zalo:7",
        )  # fmt: skip
        journal.append(items[2], "blocked", by="Tổ 3", evidence="biên-bản.pdf")
        return list(journal.entries())


# -- copy ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("direction", ["sqlite-to-postgresql", "postgresql-to-sqlite"])
def test_copy_round_trip_keeps_every_field(
    tmp_path: Path, postgres_url: str, direction: str
) -> None:
    server = f"{postgres_url}&journal=ward"
    file = tmp_path / "ward.journal.sqlite"
    first, second = (file, server) if direction.startswith("sqlite") else (server, file)
    original = _fill(first)
    with open_journal(first, readonly=True) as source, open_journal(second) as target:
        assert copy_journal(source, target) == (3, 0)
    # and back into a third journal, a SQLite file
    back = tmp_path / "back.journal.sqlite"
    with open_journal(second, readonly=True) as source, open_journal(back) as target:
        assert copy_journal(source, target) == (3, 0)
    for where in (second, back):
        with open_journal(where, readonly=True) as journal:
            copied = journal.entries()
            assert journal.event_id == "small-2020" or journal.event_id == load(SMALL).id
            assert journal.timezone == load(SMALL).timezone
        assert copied == original
        for got, want in zip(copied, original, strict=True):
            for name in (*FIELDS, "seq", "inserted_at"):
                assert getattr(got, name) == getattr(want, name), name
    with open_journal(first, readonly=True) as a, open_journal(back, readonly=True) as b:
        assert a.export("jsonl") == b.export("jsonl")
        assert a.export("csv") == b.export("csv")


def test_copying_twice_adds_nothing(tmp_path: Path, journal_at: JournalAt) -> None:
    source_path = tmp_path / "a.journal.sqlite"
    _fill(source_path)
    target = journal_at(tmp_path / "b.journal.sqlite")
    for expected in ((3, 0), (0, 3)):
        with open_journal(source_path, readonly=True) as s, open_journal(target) as t:
            assert copy_journal(s, t) == expected
            assert len(t) == 3


def test_a_copy_that_fails_half_way_copies_nothing(tmp_path: Path, journal_at: JournalAt) -> None:
    source_path = tmp_path / "a.journal.sqlite"
    entries = _fill(source_path)
    target = journal_at(tmp_path / "b.journal.sqlite")
    with open_journal(source_path, readonly=True) as source:
        text = source.export("jsonl")
    # the target already holds the source's second entry, with other content
    lines = text.splitlines()
    changed = {**json.loads(lines[1]), "note": "bản đã sửa"}
    with open_journal(target) as t:
        t.import_text(json.dumps(changed) + "\n", "jsonl", file="sửa.jsonl")
        before = t.export("jsonl")
    with open_journal(source_path, readonly=True) as s, open_journal(target) as t:
        with pytest.raises(JournalError) as refused:
            copy_journal(s, t)
        assert t.export("jsonl") == before  # not the first entry, nor the third
        assert t.event_id is None  # nor the binding
    (problem,) = refused.value.problems
    assert problem.path == ("uid",)
    assert problem.file == f"{source_path}#2"
    assert changed["uid"] in problem.render("en")
    assert len(entries) == 3


def test_a_copy_into_another_events_journal_is_refused(
    tmp_path: Path, journal_at: JournalAt
) -> None:
    source_path = tmp_path / "a.journal.sqlite"
    _fill(source_path)
    other = load(NGOC_THUY)
    target = journal_at(tmp_path / "b.journal.sqlite")
    with open_journal(target) as t:
        t.bind(other)
    with open_journal(source_path, readonly=True) as s, open_journal(target) as t:
        with pytest.raises(JournalError) as refused:
            copy_journal(s, t)
        assert len(t) == 0
        assert t.event_id == other.id
    assert refused.value.problems[0].message.id == "journal.other-event"


# -- one database, many wards --------------------------------------------------------------------


def test_one_database_holds_each_wards_journal_under_its_id(
    run_cli: RunCli, tmp_path: Path, postgres_url: str
) -> None:
    a = _event_copy(SMALL, tmp_path / "district" / "a")
    b = _event_copy(NGOC_THUY, tmp_path / "district" / "b")
    item_a = _open_items(a)[0]
    item_b = _open_items(b)[0]
    for file, item in ((a, item_a), (b, item_b)):
        done = run_cli("mark", file, item, "done", "--by", "Văn phòng", "--journal", postgres_url)
        assert done.returncode == 0, done.stderr
        assert f"journal={load(file).id}" in done.stdout
    # each ward's journal is its own: seq 1 in both, bound to its event
    for file in (a, b):
        with open_journal(postgres_url, readonly=True, name=load(file).id) as journal:
            (entry,) = journal.entries()
            assert entry.seq == 1
            assert journal.event_id == load(file).id
    # nothing is written beside the event files
    assert not list((tmp_path / "district").rglob("*.sqlite"))
    # the roll-up finds each ward's journal in the database
    args = ("rollup", tmp_path / "district", "--format", "json", "--as-of", "2099-01-01T00:00Z")
    with_db = run_cli(*args, "--journal", postgres_url)
    without = run_cli(*args)
    assert with_db.returncode == without.returncode, with_db.stderr
    assert with_db.stdout != without.stdout  # the marks count
    # the same marks in SQLite files beside the events give the same roll-up
    for file in (a, b):
        copied = run_cli(
            "journal", "copy", f"{postgres_url}&journal={load(file).id}",
            file.with_name("congress.journal.sqlite"),
        )  # fmt: skip
        assert copied.returncode == 0, copied.stderr
    assert run_cli(*args).stdout == with_db.stdout


def test_rollup_journal_must_be_a_database(run_cli: RunCli, tmp_path: Path) -> None:
    _event_copy(SMALL, tmp_path / "d")
    result = run_cli("rollup", tmp_path / "d", "--journal", "x.sqlite", "--lang", "en")
    assert result.returncode == 2
    assert "rollup's --journal is a PostgreSQL database" in result.stderr


# -- the CLI end to end --------------------------------------------------------------------------


def test_the_cli_on_postgresql_reports_what_it_reports_on_sqlite(
    run_cli: RunCli, tmp_path: Path, postgres_url: str
) -> None:
    file = _event_copy(SMALL, tmp_path / "ward")
    items = _open_items(file)[:2]
    for item, status in ((items[0], "done"), (items[1], "blocked")):
        done = run_cli(
            "mark", file, item, status, "--by", "Tổ 1", "--key", item, "--journal", postgres_url
        )
        assert done.returncode == 0, done.stderr
    again = run_cli(
        "mark",
        file,
        items[0],
        "done",
        "--by",
        "Tổ 1",
        "--key",
        items[0],
        "--journal",
        postgres_url,
        "--lang",
        "en",
    )
    assert again.returncode == 0, again.stderr
    assert again.stdout.startswith("Already recorded (same key) as entry 1 in postgresql://")
    # the same journal, copied into the file beside the event: the same reports
    copied = run_cli(
        "journal",
        "copy",
        f"{postgres_url}&journal={load(file).id}",
        file.with_name("congress.journal.sqlite"),
    )
    assert copied.returncode == 0, copied.stderr
    later = "2099-01-01T00:00+07:00"
    plain = run_cli(
        "check", file, "--format", "json", "--as-of", later, "--journal", tmp_path / "none.sqlite"
    )
    assert plain.returncode == 2  # a named journal that does not exist
    outputs = []
    for known_at in ("now", "2020-01-01T00:00Z"):
        args = ("check", file, "--format", "json", "--as-of", later, "--known-at", known_at)
        on_file = run_cli(*args)
        on_server = run_cli(*args, "--journal", postgres_url)
        assert on_file.returncode == on_server.returncode, on_server.stderr
        assert on_file.stdout == on_server.stdout
        outputs.append(on_server.stdout)
    assert outputs[0] != outputs[1]  # --known-at before the marks: the plan as it was
    on_file = json.loads(run_cli("history", file, "--format", "json").stdout)
    on_server = json.loads(
        run_cli("history", file, "--format", "json", "--journal", postgres_url).stdout
    )
    assert on_file["entries"] == on_server["entries"]
    assert len(on_server["entries"]) == 2  # the retried key recorded nothing
    assert on_server["journal"].endswith(f"journal={load(file).id}")
    exported = run_cli("journal", "export", file, "--journal", postgres_url)
    assert exported.returncode == 0, exported.stderr
    assert exported.stdout == run_cli("journal", "export", file).stdout


def test_journal_copy_through_the_cli_in_both_languages(
    run_cli: RunCli, tmp_path: Path, postgres_url: str
) -> None:
    source = tmp_path / "a.journal.sqlite"
    _fill(source)
    target = f"{postgres_url}&journal=copy"
    first = run_cli("journal", "copy", source, target, "--lang", "en")
    assert first.returncode == 0, first.stderr
    assert first.stdout.startswith(f"Copied 3 entries from {source} into postgresql://")
    assert first.stdout.endswith("skipped as already there: 0.\n")
    again = run_cli("journal", "copy", source, target, "--lang", "vi")
    assert again.returncode == 0, again.stderr
    assert again.stdout.startswith(f"Đã chép 0 mục từ {source} sang postgresql://")
    assert again.stdout.endswith("3 mục đã có sẵn, bỏ qua.\n")
    # one entry: the singular
    one = tmp_path / "one.journal.sqlite"
    with open_journal(one) as journal:
        journal.append("x", "done", by="A", recorded_at=T0)
    single = run_cli("journal", "copy", one, tmp_path / "c.sqlite", "--lang", "en")
    assert single.stdout.startswith("Copied 1 entry from")
    # into a journal of another event: refused, exit 2, nothing copied
    other = run_cli("journal", "copy", source, target.replace("journal=copy", "journal=x"))
    assert other.returncode == 0, other.stderr
    ngoc = _event_copy(NGOC_THUY, tmp_path / "ngoc")
    item = _open_items(ngoc)[0]
    bound = run_cli("mark", ngoc, item, "done", "--by", "A", "--journal", f"{target}x")
    assert bound.returncode == 0, bound.stderr
    refused = run_cli("journal", "copy", source, f"{target}x", "--lang", "en")
    assert refused.returncode == 2
    assert "Nothing copied: 1 problem copying from" in refused.stderr


def test_several_clerks_mark_on_postgresql_at_once(
    run_cli: RunCli, tmp_path: Path, postgres_url: str
) -> None:
    file = _event_copy(SMALL, tmp_path / "ward")
    items = [i.id for area in load(file).areas for i in area.items][:3]

    def clerk(k: int) -> list[int]:
        codes = []
        for n in range(6):
            proc = run_cli(
                "mark", file, items[k], "in_progress", "--progress", f"0.{n}", "--by", f"Tổ {k}",
                "--note", f"{k}:{n}", "--journal", postgres_url,
            )  # fmt: skip
            codes.append(proc.returncode)
        return codes

    with ThreadPoolExecutor(max_workers=3) as pool:
        codes = [c for result in pool.map(clerk, range(3)) for c in result]
    assert codes == [0] * 18
    with open_journal(postgres_url, readonly=True, name=load(file).id) as journal:
        entries = journal.entries()
    assert sorted(e.note or "" for e in entries) == sorted(
        f"{k}:{n}" for k in range(3) for n in range(6)
    )
    assert sorted(e.seq or 0 for e in entries) == list(range(1, 19))


# -- addresses and a server's errors ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "kind", "target"),
    [
        ("congress.journal.sqlite", "sqlite", "congress.journal.sqlite"),
        ("sqlite:///congress.journal.sqlite", "sqlite", "congress.journal.sqlite"),
        ("sqlite:////srv/j%20k.sqlite", "sqlite", "/srv/j k.sqlite"),
        ("postgresql://u@h/db?journal=w&sslmode=require", "postgresql", "postgresql://u@h/db?sslmode=require"),
        ("postgres://u:pw@h:5433/db", "postgresql", "postgres://u:pw@h:5433/db?"),
    ],
)  # fmt: skip
def test_a_location_is_read_from_a_path_or_a_url(given: str, kind: str, target: str) -> None:
    where = Location.parse(given, name="ngoc-thuy-2020")
    assert (where.kind, where.target.rstrip("?")) == (kind, target.rstrip("?"))
    if kind == "postgresql":
        assert "journal=" not in where.target  # libpq would refuse it
        assert "pw" not in where.shown
        assert where.name == ("w" if "journal=w" in given else "ngoc-thuy-2020")


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ("mysql://u:pw@h/db", "a journal cannot be kept in 'mysql://'"),
        ("sqlite://relative.sqlite", "sqlite:// takes one more slash"),
        ("postgresql://u:pw@h/db", "the address names no journal in the database"),
        (f"postgresql://u@h/db?journal={'x' * 60}", "is not a journal's name"),
    ],
)
def test_a_bad_address_is_a_journal_error(given: str, message: str) -> None:
    with pytest.raises(JournalError) as refused:
        open_journal(given)
    rendered = str(refused.value)
    assert message in rendered
    assert ":pw@" not in rendered


def test_a_servers_errors_are_clear_and_never_show_the_password(
    run_cli: RunCli, tmp_path: Path, postgres_server: PostgresServer
) -> None:
    file = _event_copy(SMALL, tmp_path)
    item = _open_items(file)[0]
    database = postgres_server.create_database()
    postgres_server.sql(database, f"CREATE ROLE clerk LOGIN PASSWORD '{SECRET}'")
    port = postgres_server.port
    cases = {
        "refused password": f"postgresql://clerk:wrong-{SECRET}@127.0.0.1:{port}/{database}",
        "missing database": f"postgresql://clerk:{SECRET}@127.0.0.1:{port}/no_such_db",
        "unreachable": f"postgresql://clerk:{SECRET}@127.0.0.1:1/{database}",
    }
    for case, url in cases.items():
        result = run_cli("mark", file, item, "done", "--by", "A", "--journal", url, "--lang", "en")
        assert result.returncode == 2, (case, result.stderr)
        assert "Traceback" not in result.stderr, case
        assert SECRET not in result.stderr + result.stdout, case
        assert "cannot connect to the journal's database" in result.stderr, case
        assert "clerk:***@" in result.stderr, case
    # the right password, but no right to create the journal's schema: a clear error too
    url = f"postgresql://clerk:{SECRET}@127.0.0.1:{port}/{database}"
    result = run_cli("mark", file, item, "done", "--by", "A", "--journal", url, "--lang", "en")
    assert result.returncode == 2
    assert "permission denied" in result.stderr
    assert SECRET not in result.stderr + result.stdout


def test_a_reader_who_may_only_read_reads_and_cannot_write(
    run_cli: RunCli, tmp_path: Path, postgres_server: PostgresServer
) -> None:
    file = _event_copy(SMALL, tmp_path)
    item = _open_items(file)[0]
    database = postgres_server.create_database()
    owner = postgres_server.url(database)
    assert run_cli("mark", file, item, "done", "--by", "A", "--journal", owner).returncode == 0
    event_id = load(file).id
    schema = f'"venue_ready:{event_id}"'
    for statement in (
        f"CREATE ROLE reviewer LOGIN PASSWORD '{SECRET}'",
        f"GRANT USAGE ON SCHEMA {schema} TO reviewer",
        f"GRANT SELECT ON ALL TABLES IN SCHEMA {schema} TO reviewer",
    ):
        postgres_server.sql(database, statement)
    reviewer = f"postgresql://reviewer:{SECRET}@127.0.0.1:{postgres_server.port}/{database}"
    history = run_cli("history", file, "--journal", reviewer, "--format", "json")
    assert history.returncode == 0, history.stderr
    assert [e["subject"] for e in json.loads(history.stdout)["entries"]] == [item]
    check = run_cli("check", file, "--journal", reviewer, "--format", "json")
    assert check.returncode in (0, 1), check.stderr
    refused = run_cli("mark", file, item, "blocked", "--by", "B", "--journal", reviewer)
    assert refused.returncode == 2
    assert "Traceback" not in refused.stderr
    assert SECRET not in refused.stderr
    with open_journal(owner, readonly=True, name=event_id) as journal:
        assert len(journal) == 1


def test_a_reader_creates_nothing(postgres_server: PostgresServer) -> None:
    database = postgres_server.create_database()
    with pytest.raises(JournalError) as missing:
        open_journal(postgres_server.url(database), readonly=True, name="ward")
    assert missing.value.problems[0].message.id == "journal.missing-named"
    with pytest.raises(JournalError):
        open_journal(postgres_server.url(database), create=False, name="ward")
    schemas = postgres_server.sql(
        database, "SELECT nspname FROM pg_namespace WHERE nspname LIKE 'venue_ready:%'"
    )
    assert schemas == []


def test_a_damaged_row_is_refused_by_its_number(postgres_server: PostgresServer) -> None:
    database = postgres_server.create_database()
    url = postgres_server.url(database, journal="ward")
    with open_journal(url) as journal:
        journal.append("x", "done", by="A", recorded_at=T0)
        journal.append("y", "done", by="A", recorded_at=T0)
    postgres_server.sql(
        database, "UPDATE \"venue_ready:ward\".entries SET status = 'xong' WHERE seq = 2"
    )
    with open_journal(url, readonly=True) as journal, pytest.raises(JournalError) as refused:
        journal.entries()
    (problem,) = refused.value.problems
    assert problem.message.id == "journal.bad-row"
    assert problem.message.params["seq"] == 2


def test_a_newer_layout_or_a_schema_that_is_no_journal_is_refused(
    postgres_server: PostgresServer,
) -> None:
    database = postgres_server.create_database()
    url = postgres_server.url(database, journal="ward")
    with open_journal(url):
        pass
    postgres_server.sql(
        database, "UPDATE \"venue_ready:ward\".meta SET value = '99' WHERE key = 'layout'"
    )
    with pytest.raises(JournalError) as newer:
        open_journal(url)
    assert newer.value.problems[0].message.id == "journal.newer-schema"
    postgres_server.sql(database, 'CREATE SCHEMA "venue_ready:other"')
    with pytest.raises(JournalError) as foreign:
        open_journal(postgres_server.url(database, journal="other"))
    assert foreign.value.problems[0].message.id == "journal.not-a-journal"


def test_a_batch_on_postgresql_is_all_or_nothing(postgres_server: PostgresServer) -> None:
    event = load(SMALL)
    items = [i.id for area in event.areas for i in area.items][:2]
    url = postgres_server.url(postgres_server.create_database(), journal="ward")
    with open_journal(url) as journal:
        journal.append(items[0], "done", by="A", key="taken", recorded_at=T0)
        batch = [
            Mark(items[1], "done", by="B", key="new"),
            Mark(items[1], "blocked", by="B", key="taken"),  # the key of another report
        ]
        with pytest.raises(JournalError):
            mark_many(journal, event, batch)
        assert len(journal) == 1
        assert journal.entry_with_key("new") is None


def test_without_psycopg_the_cli_names_the_extra(tmp_path: Path) -> None:
    file = _event_copy(SMALL, tmp_path)
    code = (
        "import sys\n"
        "sys.modules['psycopg'] = None  # as if it were not installed\n"
        "from venue_ready.cli import main\n"
        f"sys.exit(main(['history', {str(file)!r}, '--journal', 'postgresql://u@h/db', "
        "'--lang', 'en']))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )
    assert proc.returncode == 2
    assert "venue-ready[postgres]" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_a_nul_character_is_refused_on_both_backends(tmp_path: Path, journal_at: JournalAt) -> None:
    # PostgreSQL's text cannot hold it: one rule on both backends, so a copy never fails
    line = json.dumps({"uid": "u1", "subject": "x", "status": "done", "by": "A\x00B",
                       "recorded_at": "2020-05-10T01:00:00+00:00"})  # fmt: skip
    with open_journal(journal_at(tmp_path / "j.sqlite")) as journal:
        with pytest.raises(JournalError) as refused:
            journal.append("x", "done", by="A", note="trước\x00sau", recorded_at=T0)
        (problem,) = refused.value.problems
        assert (problem.path, problem.message.id) == (("note",), "journal.nul-char")
        with pytest.raises(JournalError) as imported:
            journal.import_text(line + "\n", "jsonl", file="x.jsonl")
        assert [(p.file, p.path) for p in imported.value.problems] == [("x.jsonl:1", ("by",))]
        assert "contains a NUL character" in imported.value.problems[0].render("en")
        assert len(journal) == 0
