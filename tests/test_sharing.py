"""A journal shared between users: one who marks, others who only read (docs/journal.md,
"Sharing a journal"). Readers read a journal they cannot write, create no file, and leave
nothing that stops the owner's next ``mark``.

These tests run the real CLI as other users, with ``setpriv`` (util-linux), so they need root;
CI runs them as root, and there a missing ``setpriv`` is a failure, not a skip.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from venue_ready import open_journal

from .conftest import SMALL_EXAMPLE
from .support import importable_by_others

#: The reader in a folder owned by root; the owner of a folder a second user shares.
NOBODY = 65534
#: A second unprivileged user (no passwd entry is needed to run as a uid).
OTHER = 54321

AsUser = Callable[..., subprocess.CompletedProcess[str]]


def _need_root_and_setpriv() -> str:
    if os.geteuid() != 0:
        pytest.skip("needs root: the test runs the CLI as two other users with setpriv")
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        if os.environ.get("CI") == "true":
            pytest.fail("setpriv (util-linux) is missing: CI must run the two-user tests")
        pytest.skip("setpriv (util-linux) is not installed")
    return setpriv


@pytest.fixture
def shared() -> Iterator[Path]:
    """A folder outside pytest's private (0700) temporary tree, that every user can reach."""
    folder = Path(tempfile.mkdtemp(prefix="venue-ready-shared-"))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        shutil.rmtree(folder)


@pytest.fixture
def as_user(shared: Path) -> Iterator[AsUser]:
    """``as_user(uid, *args)``: run ``python -m venue_ready ARGS`` as ``uid`` in ``shared``.

    When that user cannot import venue_ready from this checkout (a home folder others cannot
    enter), the package is copied where they can."""
    setpriv = _need_root_and_setpriv()
    env = {k: v for k, v in os.environ.items() if not k.startswith("VENUE_READY_")}
    env.update(PYTHONIOENCODING="utf-8", HOME=str(shared), PYTHONDONTWRITEBYTECODE="1")

    def run(uid: int, *args: str | os.PathLike[str]) -> subprocess.CompletedProcess[str]:
        command = [setpriv, f"--reuid={uid}", f"--regid={uid}", "--clear-groups"]
        return subprocess.run(
            [*command, sys.executable, *map(str, args)],
            capture_output=True,
            text=True,
            encoding="utf-8",
            env=env,
            cwd=shared,
            timeout=60,
            check=False,
        )

    lib = None
    if run(NOBODY, "-c", "import venue_ready").returncode != 0:
        lib = Path(tempfile.mkdtemp(prefix="venue-ready-lib-"))
        lib.chmod(0o755)
        importable_by_others(lib)
        env["PYTHONPATH"] = str(lib)
        probe = run(NOBODY, "-c", "import venue_ready")
        if probe.returncode != 0:
            pytest.fail(f"another user cannot run {sys.executable}: {probe.stderr}")

    def cli(uid: int, *args: str | os.PathLike[str]) -> subprocess.CompletedProcess[str]:
        return run(uid, "-m", "venue_ready", *args)

    try:
        yield cli
    finally:
        if lib is not None:
            shutil.rmtree(lib)


def _event(folder: Path, owner: int) -> Path:
    event = folder / "congress.toml"
    shutil.copy(SMALL_EXAMPLE, event)
    event.chmod(0o644)
    os.chown(event, owner, owner)
    return event


def _reads(as_user: AsUser, uid: int, event: Path, who: str) -> None:
    """``check``, ``history`` and ``journal export`` as ``uid`` all see ``who``'s entry."""
    check = as_user(uid, "check", event, "--format", "json")
    assert check.returncode == 0, check.stderr
    assert who in check.stdout
    history = as_user(uid, "history", event, "--lang", "en")
    assert history.returncode == 0, history.stderr
    assert who in history.stdout
    export = as_user(uid, "journal", "export", event)
    assert export.returncode == 0, export.stderr
    assert f'"by": "{who}"' in export.stdout


def test_a_reader_who_may_not_write_the_folder_reads_the_journal(
    as_user: AsUser, shared: Path
) -> None:
    event = _event(shared, 0)
    marked = as_user(0, "mark", event, "cells.congresses", "done", "--by", "Văn phòng")
    assert marked.returncode == 0, marked.stderr
    before = sorted(os.listdir(shared))
    assert before == ["congress.journal.sqlite", "congress.toml"]  # no writer at work

    _reads(as_user, NOBODY, event, "Văn phòng")
    assert sorted(os.listdir(shared)) == before  # the reader created nothing

    again = as_user(0, "mark", event, "cells.congresses", "blocked", "--by", "Văn phòng")
    assert again.returncode == 0, again.stderr


def test_a_reader_leaves_nothing_that_stops_the_owners_mark(as_user: AsUser, shared: Path) -> None:
    # a folder both users may write to: SQLite would create the -wal and -shm files as the
    # reader, and the owner could not open them again
    os.chown(shared, NOBODY, NOBODY)
    shared.chmod(0o777)
    event = _event(shared, NOBODY)
    marked = as_user(NOBODY, "mark", event, "cells.congresses", "done", "--by", "Chủ sổ")
    assert marked.returncode == 0, marked.stderr
    before = sorted(os.listdir(shared))

    _reads(as_user, OTHER, event, "Chủ sổ")
    assert sorted(os.listdir(shared)) == before

    again = as_user(NOBODY, "mark", event, "cells.congresses", "blocked", "--by", "Chủ sổ")
    assert again.returncode == 0, again.stderr
    assert "Chủ sổ" in as_user(OTHER, "history", event).stdout


def test_a_reader_sees_what_a_writer_at_work_committed(as_user: AsUser, shared: Path) -> None:
    event = _event(shared, 0)
    journal = shared / "congress.journal.sqlite"
    # root keeps the journal open: its entry is committed in the -wal, not yet in the file
    with open_journal(journal) as writer:
        writer.append("cells.congresses", "done", by="Đang ghi")
        before = sorted(os.listdir(shared))
        assert "congress.journal.sqlite-wal" in before
        _reads(as_user, NOBODY, event, "Đang ghi")
        assert sorted(os.listdir(shared)) == before
        writer.append("cells.congresses", "blocked", by="Ghi tiếp")  # not kept from writing
    assert "Ghi tiếp" in as_user(NOBODY, "history", event).stdout


def test_a_reader_reads_an_older_journal_without_migrating_it(tmp_path: Path) -> None:
    import sqlite3

    from venue_ready.journal.store import _SCHEMA_V1

    path = tmp_path / "old.journal.sqlite"
    conn = sqlite3.connect(path)
    conn.executescript(_SCHEMA_V1)
    conn.execute("PRAGMA user_version = 1")
    conn.execute(
        "INSERT INTO entries (subject, status, by, recorded_at)"
        " VALUES ('cells.congresses', 'done', 'Văn phòng', '2020-05-01T01:00:00.000000+00:00')"
    )
    conn.commit()
    conn.close()
    path.chmod(0o444)
    with open_journal(path, readonly=True) as journal:
        (entry,) = journal.entries()
        assert (entry.subject, entry.by, entry.version) == ("cells.congresses", "Văn phòng", None)
        assert journal.event_id is None
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1  # the file is as it was
    conn.close()
    assert sorted(os.listdir(tmp_path)) == ["old.journal.sqlite"]
