"""Bad input on every path, through the real command line (#11): a clear error, exit 2, nothing
lost.

Each case was reproduced on the code before #11 (a traceback, a blocked read, a silent wrong
report or a file that does not load); each now ends with a message on stderr that names the
file and the key or row, the bound where there is one, exit code 2 and no traceback.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import TYPE_CHECKING

import pytest

from venue_ready_decoration.rules import _NAME, _title_pattern

if TYPE_CHECKING:
    from .conftest import RunCli, WriteEvent

from .conftest import ROOT
from .conftest import SMALL_EXAMPLE as SMALL
from .support import importable_by_others

HUGE = "9" * 300  # valid TOML; a float of it overflows


def _env() -> dict[str, str]:
    """The environment run_cli gives its child: ours without VENUE_READY_ variables."""
    base = {k: v for k, v in os.environ.items() if not k.startswith("VENUE_READY_")}
    return {**base, "PYTHONIOENCODING": "utf-8"}


def refused(result: subprocess.CompletedProcess[str], *fragments: str) -> None:
    """``result`` is a clean refusal: exit 2, no traceback, each fragment on stderr (a
    fragment ``file: key``, for a problem shown at ``file:line:column: key``)."""
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 2, (result.returncode, result.stderr)
    unplaced = re.sub(r":\d+:\d+: ", ": ", result.stderr)
    for fragment in fragments:
        assert fragment in unplaced, result.stderr


def check(run_cli: RunCli, path: str | Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run_cli("check", path, "--lang", "en", "--as-of", "2020-05-14T16:00+07:00", *args)


# -- huge numbers ---------------------------------------------------------------------------------


def test_a_term_of_thousands_of_digits_is_refused(run_cli: RunCli, write_event: WriteEvent) -> None:
    # int("9" * 5000) raised "Exceeds the limit (4300 digits)": a traceback
    path = write_event("[areas.general]\n", term=f"{'9' * 5000}-2025")
    refused(check(run_cli, path), f"{path}: event.term: invalid term '99999")


def test_a_term_of_huge_years_names_the_years_allowed(
    run_cli: RunCli, write_event: WriteEvent
) -> None:
    path = write_event("[areas.general]\n", term=[2020, int(HUGE)])
    refused(check(run_cli, path), f"{path}: event.term: ", "a year from 1900 to 2200")


def test_weights_near_the_largest_float_are_refused(
    run_cli: RunCli, write_event: WriteEvent
) -> None:
    # two done items of weight 1e308 read 0 %: the sum of weights overflowed to inf
    item = '[[areas.general.items]]\nid = "{}"\ntitle = "t"\nstatus = "done"\nweight = 1e308\n'
    path = write_event("[areas.general]\nweight = 1e308\n" + item.format("a") + item.format("b"))
    refused(
        check(run_cli, path),
        f"{path}: areas.general.weight: value 1e+308 is out of range (expected 0 to 1000000)",
        f"{path}: areas.general.items[b].weight: value 1e+308 is out of range",
    )


def test_huge_counts_in_plugin_settings_are_refused_with_the_bound(
    run_cli: RunCli, write_event: WriteEvent
) -> None:
    # each passed validation and crashed its plugin with OverflowError (exit 3)
    body = f"""
[areas.disinfection.settings]
guests = {HUGE}
staff = {HUGE}
attendance = {HUGE}
medical_team = {{ members = {HUGE} }}

[areas.broadcast.settings]
clusters = {{ total = {HUGE}, working = {HUGE} }}

[areas.decoration.settings.propaganda]
posters_planned = {HUGE}
posters_installed = 1
"""
    path = write_event(body)
    where = f"{path}: areas."
    refused(
        check(run_cli, path),
        *(
            f"{where}{key}: value 9999999999999999999999999999999999999"
            for key in (
                "disinfection.settings.guests",
                "disinfection.settings.staff",
                "disinfection.settings.attendance",
                "disinfection.settings.medical_team.members",
                "broadcast.settings.clusters.total",
                "broadcast.settings.clusters.working",
                "decoration.settings.propaganda.posters_planned",
            )
        ),
        "is out of range (expected 0 to 100000000)",
    )


# -- unbounded sizes ------------------------------------------------------------------------------


def test_an_event_of_fifty_years_is_refused(run_cli: RunCli, write_event: WriteEvent) -> None:
    # ~91,000 per-day findings and 850 MB of report
    path = write_event("[areas.disinfection]\n", ends="2070-05-15T17:00:00+07:00")
    refused(check(run_cli, path), f"{path}: event.ends: the event lasts more than 366 days")


def test_a_huge_backdrop_title_is_refused(run_cli: RunCli, write_event: WriteEvent) -> None:
    # with this title_format, the title took 9 s in a backtracking regular expression
    body = (
        '[areas.decoration.settings]\ntitle_format = "{organisation} {organisation}"\n'
        f'[areas.decoration.settings.backdrop]\ntitle = "{"A " * 128_000}"\n'
    )
    path = write_event(body)
    refused(
        check(run_cli, path),
        f"{path}: areas.decoration.settings.backdrop.title: the text is 256000 characters long"
        " (expected at most 10000)",
    )


def _unbounded(pattern: re.Pattern[str], *, of_any: bool = False) -> list[str]:
    """The repeats of ``pattern`` that have no upper bound (``+``, ``*``, ``{n,}``); with
    ``of_any``, only those of any character (``.+?``), which may run over the whole text."""
    found: list[str] = []

    def walk(items: object) -> None:
        for op, arg in items:  # type: ignore[attr-defined]
            if str(op) in {"MAX_REPEAT", "MIN_REPEAT"}:
                low, high, sub = arg
                if high == sre_parse.MAXREPEAT and (
                    not of_any or any(str(o) == "ANY" for o, _ in sub)
                ):
                    found.append(f"{op} {low}..")
                walk(sub)
            elif str(op) == "SUBPATTERN":
                walk(arg[-1])
            elif str(op) == "BRANCH":
                for branch in arg[1]:
                    walk(branch)

    walk(sre_parse.parse(pattern.pattern, pattern.flags))
    return found


@pytest.mark.parametrize(
    "title_format",
    [
        "ĐẠI HỘI {organisation} LẦN THỨ {ordinal}, NHIỆM KỲ {term_start} - {term_end}",
        "{organisation} {organisation} {ordinal}",
        "{organisation}{ordinal}{term_start}{term_end}{organisation}",
    ],
)
def test_the_backdrop_title_is_matched_in_linear_time(title_format: str) -> None:
    """The title is matched from its start with every field bounded, so no title, however long,
    makes the match backtrack over it: the work is linear in its length (no timing here)."""
    assert _unbounded(_title_pattern(title_format)) == []
    assert _unbounded(_NAME, of_any=True) == []  # the organisation in the event's name


# -- files that are not event files ---------------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes")
def test_check_refuses_a_named_pipe(run_cli: RunCli, tmp_path: Path) -> None:
    fifo = tmp_path / "congress.toml"
    os.mkfifo(fifo)  # no writer ever comes: the read blocked forever
    refused(
        check(run_cli, fifo),
        f"{fifo}: not a regular file (a pipe, a device...); venue-ready reads only regular files",
    )


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")
def test_check_refuses_a_device(run_cli: RunCli) -> None:
    # it read /dev/zero until MemoryError
    refused(check(run_cli, "/dev/zero"), "/dev/zero: not a regular file")


def test_check_refuses_a_file_over_the_size_limit(run_cli: RunCli, tmp_path: Path) -> None:
    path = tmp_path / "congress.toml"
    with path.open("wb") as fh:  # sparse: 10 MB + 1 byte of nothing
        fh.truncate(10_000_001)
    refused(check(run_cli, path), f"{path}: the file is larger than the 10 MB limit")


def test_an_empty_areas_table_has_nothing_to_assess(
    run_cli: RunCli, write_event: WriteEvent
) -> None:
    # it printed "On track · NOT READY" with exit 0
    path = write_event("[areas]\n")
    result = check(run_cli, path)
    refused(result, f"{path}: there is nothing to assess ([areas] is empty")
    assert result.stdout == ""


# -- init -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "option"),
    [
        (("--id", "a\nb"), "--id"),
        (("--name", "Đại hội\n[event]"), "--name"),
        (("--id", "a\x1b[2Jb"), "--id"),
        (("--name", "   "), "--name"),
    ],
)
def test_init_refuses_an_id_or_name_the_file_cannot_hold(
    run_cli: RunCli, tmp_path: Path, args: tuple[str, str], option: str
) -> None:
    # a newline in --id ended the file's first comment line: the file did not load
    out = tmp_path / "congress.toml"
    result = run_cli("init", "--starts", "2020-05-15", "--lang", "en", *args, out)
    refused(result, f"{option}: ", "is not valid (expected one non-empty line of text")
    assert not out.exists()


def test_init_refuses_a_file_name_that_makes_a_bad_id(run_cli: RunCli, tmp_path: Path) -> None:
    out = tmp_path / "a\nb.toml"
    result = run_cli("init", "--starts", "2020-05-15", "--lang", "en", out)
    refused(result, "--id: 'a\\nb' is not valid")
    assert not out.exists()


def test_init_with_an_accented_name_still_loads(run_cli: RunCli, tmp_path: Path) -> None:
    out = tmp_path / "congress.toml"
    name = "Đại hội Đảng bộ phường Mẫu lần thứ XV"
    made = run_cli("init", "--starts", "2020-05-15", "--name", name, "--id", "mau-15", out)
    assert made.returncode == 0, made.stderr
    result = check(run_cli, out, "--format", "json")
    assert result.returncode in (0, 1), result.stderr
    assert name in result.stdout


# -- the journal ----------------------------------------------------------------------------------


def _journal(run_cli: RunCli, tmp_path: Path, marks: int = 3) -> tuple[Path, Path]:
    """A copy of the small example with a journal of ``marks`` entries beside it."""
    event = tmp_path / "congress.toml"
    event.write_text(SMALL.read_text(encoding="utf-8"), encoding="utf-8")
    for n in range(marks):
        done = run_cli("mark", event, "cells.congresses", "done", "--by", f"T{n}", "--lang", "en")
        assert done.returncode == 0, done.stderr
    return event, tmp_path / "congress.journal.sqlite"


# (column, SQL value planted, what the message says it is, the command that reads it)
DAMAGE = {
    "bad-status": ("status", "'bogus'", "'bogus' is not a valid Status", "history"),
    "bad-time": (
        "recorded_at",
        "'yesterday'",
        "Invalid isoformat string: 'yesterday'",
        "journal export",
    ),
    "blob-note": ("note", "X'00FF'", "note must be a non-empty string", "journal export"),
    "blob-version": ("version", "X'01'", "version is bytes, not text", "history"),
    "bad-status-check": ("status", "'bogus'", "'bogus' is not a valid Status", "check"),
}


@pytest.mark.parametrize("damage", DAMAGE.values(), ids=DAMAGE.keys())
def test_a_damaged_journal_row_is_named(
    run_cli: RunCli, tmp_path: Path, damage: tuple[str, str, str, str]
) -> None:
    # each gave a traceback in history, journal export and check
    column, value, why, command = damage
    event, journal = _journal(run_cli, tmp_path, marks=2)
    with contextlib.closing(sqlite3.connect(journal)) as conn, conn:
        conn.execute(f"UPDATE entries SET {column} = {value} WHERE seq = 2")
    result = run_cli(*command.split(), event, "--lang", "en")
    refused(result, f"{journal}: entry 2 of the journal is damaged ({why}")
    assert result.stdout == ""


def _as_nobody() -> list[str]:
    """The command prefix that runs a child as an unprivileged user ([] when already one)."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: cannot drop the privileges")
    return [setpriv, "--reuid=nobody", "--regid=nogroup", "--clear-groups"]


@pytest.mark.skipif(not hasattr(os, "geteuid"), reason="POSIX users")
def test_journal_export_in_a_folder_one_cannot_search(run_cli: RunCli, tmp_path: Path) -> None:
    # a PermissionError traceback
    folder = tmp_path / "private"
    folder.mkdir()
    event, journal = _journal(run_cli, folder, marks=1)
    tmp_path.chmod(0o755)  # the test's own folder: others may pass through it
    env = _env()
    lib = None
    if os.geteuid() == 0:  # nobody may not enter the checkout (a CI clone): a copy it can read
        lib = Path(tempfile.mkdtemp(prefix="venue-ready-lib-"))  # pytest's own tmp is root's
        lib.chmod(0o755)
        env["PYTHONPATH"] = str(importable_by_others(lib))
    folder.chmod(0o700 if os.geteuid() == 0 else 0o600)  # the owner (root) only; or no search
    try:
        result = subprocess.run(
            [*_as_nobody(), sys.executable, "-m", "venue_ready", "journal", "export", event,
             "--lang", "en"],
            capture_output=True, text=True, encoding="utf-8", env=env, cwd=tmp_path,
            timeout=60, check=False,
        )  # fmt: skip
    finally:
        folder.chmod(0o755)
        if lib is not None:
            shutil.rmtree(lib)
    refused(result, f"{journal}: cannot read the journal: permission denied")


@pytest.mark.parametrize("limit", [20_000, 40_000])
@pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE is POSIX")
def test_a_full_disk_shows_its_real_cause(run_cli: RunCli, tmp_path: Path, limit: int) -> None:
    """A file size limit (``ulimit -f``) makes SQLite's writes fail as a full disk does: the
    cause was hidden behind "cannot rollback" (or "cannot commit") - no transaction is active.
    At 20 kB SQLite cannot make its shared-memory file, at 40 kB it cannot write the entry."""
    import resource

    event, journal = _journal(run_cli, tmp_path, marks=1)
    before = journal.read_bytes()

    def small_files() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    result = subprocess.run(
        [sys.executable, "-m", "venue_ready", "mark", event, "cells.congresses", "done",
         "--by", "T", "--note", "x" * 50_000, "--lang", "en"],
        capture_output=True, text=True, encoding="utf-8", env=_env(), cwd=ROOT, timeout=60,
        check=False, preexec_fn=small_files,
    )  # fmt: skip
    refused(result, f"{journal}: cannot read the journal: ")
    assert "no transaction is active" not in result.stderr
    assert "disk I/O error" in result.stderr or "disk is full" in result.stderr
    assert journal.read_bytes() == before  # nothing lost, nothing half-written
    history = run_cli("history", event, "--lang", "en")
    assert history.returncode == 0, history.stderr
    assert "T0" in history.stdout


# -- the roll-up ----------------------------------------------------------------------------------


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="--jobs 2 runs one process here")
def test_a_rollup_worker_killed_is_named_and_exits_3(run_cli: RunCli, tmp_path: Path) -> None:
    """A worker SIGKILLed (as the out-of-memory killer does) ended in a BrokenProcessPool
    traceback with exit 1. Here a plugin kills its own process on one event."""
    (tmp_path / "killer_plugin.py").write_text(
        "import os, signal\n"
        "from venue_ready import hookimpl\n\n"
        "@hookimpl\n"
        "def venue_ready_assess(event, area, as_of):\n"
        "    if event.id == 'c12':\n"
        "        os.kill(os.getpid(), signal.SIGKILL)\n",
        encoding="utf-8",
    )
    result = run_cli(
        "rollup", ROOT / "tests" / "data" / "rollup", "--as-of", "2020-05-10T12:00+07:00",
        "--plugin", "killer_plugin", "--jobs", "2", "--lang", "en",
        env={"PYTHONPATH": str(tmp_path)},
    )  # fmt: skip
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 3, result.stderr
    assert "a roll-up worker process (--jobs 2) ended abruptly while working on one of " in (
        result.stderr
    )
    # the files in work when it happened: c12 with whatever the other worker had, not c11
    # alone (the first file in order, which the message named when the other worker was slow)
    assert "c12.toml" in result.stderr
    assert result.stdout == ""


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes")
def test_a_rollup_refuses_a_named_pipe_given_by_name(run_cli: RunCli, tmp_path: Path) -> None:
    # a folder's pipes were skipped, but one named on the command line blocked forever
    fifo = tmp_path / "c.toml"
    os.mkfifo(fifo)
    result = run_cli("rollup", fifo, "--lang", "en")
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 2, result.stderr
    assert f"{fifo}: not a regular file" in result.stdout  # in the roll-up's list of errors


@pytest.mark.parametrize("command", ["mark", "history", "journal export"])
def test_an_empty_file_is_not_a_journal_to_readers_or_mark(
    run_cli: RunCli, tmp_path: Path, command: str
) -> None:
    # readers said "not a journal", but mark silently started a journal in it
    event = tmp_path / "congress.toml"
    event.write_text(SMALL.read_text(encoding="utf-8"), encoding="utf-8")
    journal = tmp_path / "congress.journal.sqlite"
    journal.write_bytes(b"")
    args = ("cells.congresses", "done", "--by", "T") if command == "mark" else ()
    result = run_cli(*command.split(), event, *args, "--lang", "en")
    refused(result, f"{journal}: the file is empty (0 bytes), not a venue_ready journal")
    assert journal.read_bytes() == b""
    assert sorted(p.name for p in tmp_path.iterdir()) == [journal.name, event.name]


def test_mark_still_starts_a_journal_where_there_is_none(run_cli: RunCli, tmp_path: Path) -> None:
    event, journal = _journal(run_cli, tmp_path, marks=1)
    assert journal.stat().st_size > 0
    history = run_cli("history", event, "--lang", "en")
    assert history.returncode == 0, history.stderr
    assert "T0" in history.stdout
