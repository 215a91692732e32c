"""The SQLite backend: a journal in one file beside the event, its layouts and migrations,
its transactions, the private copy a reader reads.

The file is in WAL mode and every write is one ``BEGIN IMMEDIATE`` transaction with
``synchronous=FULL``: several processes can write at once (each waits its turn) and a writer
killed half-way leaves every entry committed before it. ``PRAGMA user_version`` holds the
layout's version: an older journal is migrated when opened, a newer one is refused.

Timestamps are stored as UTC ISO 8601 text with microseconds, so they sort as text.
sqlite3 is imported only when a journal is opened, so that importing the package stays light.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from .._errors import Problem
from .._i18n import os_error
from .entries import JournalError

if TYPE_CHECKING:
    import sqlite3
    from pathlib import Path
    from types import TracebackType

__all__ = ["BUSY_TIMEOUT", "SCHEMA_VERSION", "SUFFIX", "SQLiteBackend", "open_sqlite"]

#: The journal layout this version writes. History: 1, the first layout (no ``uid``, no signed
#: ``version``); 2, entries carry a ``uid`` (so an import never adds an entry twice) and the
#: version of the work a sign-off was given for; 3, each entry also records when it was written
#: into *this* file (``inserted_at``, not exported), which ``known_at`` filters on, and the
#: journal records the id of the event it belongs to (table ``meta``); 4, an entry may carry
#: an idempotency ``key``, unique in the journal (the journal also records the event's time
#: zone when it is bound, in ``meta``: no change of layout).
SCHEMA_VERSION = 4
#: The suffix of a journal kept beside its event file: congress.toml → congress.journal.sqlite.
SUFFIX = ".journal.sqlite"

_SCHEMA_V1 = """
CREATE TABLE entries (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    subject TEXT NOT NULL,
    status TEXT NOT NULL,
    progress REAL,
    by TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    happened_at TEXT,
    note TEXT,
    evidence TEXT,
    signed_off_by TEXT
);
CREATE INDEX entries_subject ON entries (subject);
"""
# Version 2 is version 1 plus the migration below; a new journal is built the same way, so a
# migrated journal and a new one cannot drift apart.
_MIGRATIONS: dict[int, str] = {
    2: """
ALTER TABLE entries ADD COLUMN uid TEXT;
ALTER TABLE entries ADD COLUMN version TEXT;
UPDATE entries SET uid = lower(hex(randomblob(16))) WHERE uid IS NULL;
CREATE UNIQUE INDEX entries_uid ON entries (uid);
""",
    # entries written before this layout were, as far as anyone can tell, inserted when they
    # were recorded
    3: """
ALTER TABLE entries ADD COLUMN inserted_at TEXT;
UPDATE entries SET inserted_at = recorded_at WHERE inserted_at IS NULL;
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
""",
    # SQLite's unique indexes let any number of NULLs through: entries without a key
    4: """
ALTER TABLE entries ADD COLUMN key TEXT;
CREATE UNIQUE INDEX entries_key ON entries (key);
""",
}
#: How long a writer waits for another one to finish, in seconds.
BUSY_TIMEOUT = 60.0


#: How long ``mark`` waits for an empty journal file to be given its first page by the
#: ``mark`` that created it, before it refuses the file as not a journal (seconds).
EMPTY_FILE_WAIT = 2.0


def _created(path: Path) -> bool:
    """Create ``path``, empty, unless it exists; True when this call made it (and so may
    build a journal in it). Any other error is left to SQLite to report, as before."""
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
    except OSError:
        return False
    return True


def _refuse_empty(path: Path, where: str) -> None:
    """Raise JournalError when ``path`` is an empty file that stays empty: not a journal, for
    writers as for readers. A file just created by another ``mark`` is empty only for the
    moment it takes to write its first page, so wait for that first."""
    import time

    deadline = time.monotonic() + EMPTY_FILE_WAIT
    while True:
        try:
            if path.stat().st_size > 0:
                return
        except OSError:
            return  # gone, or not reachable: SQLite says what it is
        if time.monotonic() > deadline:
            raise JournalError([Problem.of((), "journal.empty-file", file=where)])
        time.sleep(0.02)


def _database_error(exc: sqlite3.Error, where: str) -> JournalError:
    """A JournalError for an error SQLite raised, in the reader's language where it can."""
    if "not a database" in str(exc) or getattr(exc, "sqlite_errorcode", None) == 26:
        return JournalError([Problem.of((), "journal.not-a-journal", file=where)])
    return JournalError([Problem.of((), "journal.unreadable", file=where, error=str(exc))])


def _prepare_patiently(conn: sqlite3.Connection, where: str) -> None:
    """:func:`_prepare`, tried again while another process holds the file. Switching a new
    file to WAL mode needs it to itself, and SQLite reports "database is locked" at once,
    without its busy handler, when another process is reading it at that moment."""
    import sqlite3
    import time

    deadline = time.monotonic() + BUSY_TIMEOUT
    pause = 0.01
    while True:
        try:
            _prepare(conn, where)
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(pause)
            pause = min(pause * 2, 0.5)


def _prepare(conn: sqlite3.Connection, where: str) -> None:
    conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT * 1000)}")
    # Look before changing anything: a file that is not a journal, or a journal of a newer
    # venue_ready, is refused as it is (setting WAL mode would already change it).
    _check_layout(conn, where)
    # WAL lets readers read while a writer writes; FULL makes each commit durable once it
    # returns. journal_mode is persistent, but asking again on an existing file is harmless.
    mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if str(mode).lower() != "wal":
        # a file system without shared memory (some network shares): SQLite keeps its
        # rollback journal, which is safe for one writer at a time but blocks readers
        import warnings

        warnings.warn(f"{where}: WAL mode is not available here ({mode})", stacklevel=3)
    conn.execute("PRAGMA synchronous = FULL")
    # the layout is read again under the write lock: another process may have created it
    # meanwhile
    _lay_out(conn, where)


def _lay_out(conn: sqlite3.Connection, where: str) -> None:
    """Build the current layout in ``conn``'s database, from nothing or from an older layout,
    in one ``BEGIN IMMEDIATE`` transaction (all or nothing)."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        version = _check_layout(conn, where)
        if version == 0:
            _run(conn, _SCHEMA_V1)
            version = 1
        for step in range(version + 1, SCHEMA_VERSION + 1):
            _run(conn, _MIGRATIONS[step])
        if version != SCHEMA_VERSION:
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        conn.execute("COMMIT")
    except BaseException:
        _end(conn)
        raise


def _end(conn: sqlite3.Connection) -> None:
    """Roll the open transaction back, if SQLite has not already: on a full disk it rolls back
    by itself, and a second ROLLBACK's "cannot rollback" hid the real cause (#11)."""
    import sqlite3

    if conn.in_transaction:
        with contextlib.suppress(sqlite3.Error):
            conn.execute("ROLLBACK")


#: How many times a reader copies a journal that a writer changed during the copy.
_SNAPSHOT_ATTEMPTS = 20


def _snapshot(path: Path, where: str) -> sqlite3.Connection:
    """A private, in-memory copy of the journal at ``path``, taken without writing anything.

    SQLite reads a WAL database through its ``-wal`` and ``-shm`` files, and creates them when
    they are missing, as the reader's user (or fails, in a folder the reader cannot write to):
    files another user's writer then cannot open. So:

    - when they exist, a writer is at work (or was killed): read through them, opened
      read-only (``mode=ro``), in one read transaction; SQLite creates nothing;
    - when they do not, no writer has the file open and everything committed is in the file
      itself: read it as a plain file (``immutable=1``: no lock, no ``-shm``), then check that
      no writer appeared and the file did not change meanwhile (a writer creates its ``-wal``
      before it writes anything, and changes the file itself only when it checkpoints);
      otherwise copy again.
    """
    import sqlite3

    uri = path.resolve().as_uri()
    for _attempt in range(_SNAPSHOT_ATTEMPTS):
        in_use = _writer_files(path)
        before = _signature(path)
        query = "mode=ro" if in_use else "mode=ro&immutable=1"
        copy = sqlite3.connect(":memory:", isolation_level=None)
        try:
            source = sqlite3.connect(f"{uri}?{query}", uri=True, timeout=BUSY_TIMEOUT)
            try:
                source.backup(copy)  # one read transaction: a consistent state
            finally:
                source.close()
        except BaseException:
            copy.close()
            raise
        if in_use or (not _writer_files(path) and _signature(path) == before):
            return copy
        copy.close()
    raise sqlite3.OperationalError(f"it kept changing while it was read ({where})")


def _writer_files(path: Path) -> bool:
    """Whether the journal's ``-wal`` or ``-shm`` file is there: a writer may be at work."""
    return os.path.exists(f"{path}-wal") or os.path.exists(f"{path}-shm")


def _signature(path: Path) -> tuple[int, int, int, int]:
    """What changes when the file is written to or replaced."""
    st = os.stat(path)
    return (st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)


def _check_layout(conn: sqlite3.Connection, where: str) -> int:
    """The journal's layout version; 0 for an empty database (a new journal). Raises
    JournalError for a database that is not a journal, or a newer layout."""
    # both reads in one read transaction: another process may create the journal between
    # them, and a version 0 beside a full set of tables would look like a foreign database
    own = not conn.in_transaction
    if own:
        conn.execute("BEGIN")
    try:
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
    except BaseException:
        if own:  # without hiding the cause behind "cannot commit" (#11)
            _end(conn)
        raise
    if own:
        conn.execute("COMMIT")
    if version == 0 and not tables:
        return 0
    if version == 0 or "entries" not in tables:
        raise JournalError([Problem.of((), "journal.not-a-journal", file=where)])
    if version > SCHEMA_VERSION:
        raise JournalError(
            [
                Problem.of(
                    (),
                    "journal.newer-schema",
                    file=where,
                    found=version,
                    supported=SCHEMA_VERSION,
                )
            ]
        )
    return version


def _run(conn: sqlite3.Connection, script: str) -> None:
    # executescript() would COMMIT the open transaction first; run statement by statement so a
    # migration is all or nothing.
    for statement in script.split(";"):
        if statement.strip():
            conn.execute(statement)


def open_sqlite(path: Path, *, create: bool = True, readonly: bool = False) -> SQLiteBackend:
    """The SQLite journal at ``path``, as :func:`~venue_ready.open_journal` describes it."""
    import sqlite3
    import stat

    where = str(path)
    if readonly or not create:
        try:
            info = path.stat()
        except (FileNotFoundError, NotADirectoryError):
            info = None
        except OSError as exc:  # a folder one may not search: PermissionError, not a traceback
            raise JournalError(
                [Problem.of((), "journal.unreadable", file=where, error=os_error(exc))]
            ) from None
        if info is None or not stat.S_ISREG(info.st_mode):
            raise JournalError([Problem.of((), "journal.missing", file=where)])
        if info.st_size == 0:
            # SQLite would take an empty file for an empty database, and build a journal in it
            raise JournalError([Problem.of((), "journal.empty-file", file=where)])
    elif not _created(path):
        _refuse_empty(path, where)  # one rule for readers and writers (#11)
    conn = None
    try:
        if readonly:
            conn = _snapshot(path, where)
            _lay_out(conn, where)  # an older layout: the copy is migrated, never the file
            conn.execute("PRAGMA query_only = ON")
            return SQLiteBackend(conn, path, readonly=True)
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT, isolation_level=None)
        _prepare_patiently(conn, where)
    except sqlite3.Error as exc:
        if conn is not None:
            conn.close()
        raise _database_error(exc, where) from exc
    except BaseException:
        if conn is not None:
            conn.close()
        raise
    return SQLiteBackend(conn, path)


class SQLiteBackend:
    """The :class:`~venue_ready.journal.store.Backend` of a journal in a SQLite file."""

    def __init__(self, conn: sqlite3.Connection, path: Path, *, readonly: bool = False) -> None:
        self._conn = conn
        self.path: Path | None = path
        self.location = str(path)
        self.readonly = readonly

    def rows(self, sql: str, args: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        return [tuple(row) for row in self._conn.execute(sql, args)]

    def one(self, sql: str, args: Sequence[Any] = ()) -> tuple[Any, ...] | None:
        row = self._conn.execute(sql, args).fetchone()
        return tuple(row) if row is not None else None

    def execute(self, sql: str, args: Sequence[Any] = ()) -> None:
        self._conn.execute(sql, args)

    def insert(self, columns: Sequence[str], values: Sequence[Any]) -> int:
        marks = ", ".join("?" * len(columns))
        cursor = self._conn.execute(
            f"INSERT INTO entries ({', '.join(columns)}) VALUES ({marks})", list(values)
        )
        return int(cursor.lastrowid or 0)

    def transaction(self) -> _Transaction:
        return _Transaction(self._conn)

    def close(self) -> None:
        self._conn.close()


class _Transaction:
    """``BEGIN IMMEDIATE`` … ``COMMIT``, or ``ROLLBACK`` on any exception."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def __enter__(self) -> None:
        self._conn.execute("BEGIN IMMEDIATE")

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if exc_type is not None:
            self._rollback()
            return
        try:
            self._conn.execute("COMMIT")
        except BaseException:
            # a failed COMMIT (a full disk) may leave the transaction open: end it
            self._rollback()
            raise

    def _rollback(self) -> None:
        _end(self._conn)
