"""The journal's storage: one SQLite file, its layouts and migrations, its transactions.

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
from datetime import UTC, datetime, tzinfo
from typing import TYPE_CHECKING, Any, Unpack

import attrs

from .._errors import Problem
from .._i18n import os_error
from .._model import Event, JournalEntry, Status
from .entries import (
    COLUMNS,
    FIELDS,
    JournalError,
    Mark,
    MarkFields,
    build_entry,
    from_row,
    future_problem,
    in_zone,
    mark_fields,
    moment_argument,
    read_row,
    report_fields,
    stamp,
    to_row,
)

if TYPE_CHECKING:
    import sqlite3
    from pathlib import Path
    from types import TracebackType

__all__ = [
    "BUSY_TIMEOUT",
    "SCHEMA_VERSION",
    "SUFFIX",
    "Journal",
    "default_journal_name",
    "default_journal_path",
    "open_journal",
]

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


def default_journal_path(event_file: str | os.PathLike[str]) -> Path:
    """Where the journal of ``event_file`` sits by default: beside it, with the same stem
    (``congress.toml`` → ``congress.journal.sqlite``)."""
    from pathlib import Path

    return Path(default_journal_name(event_file))


def default_journal_name(event_file: str | os.PathLike[str]) -> str:
    """:func:`default_journal_path` as text (without importing pathlib, for the CLI)."""
    stem, _ = os.path.splitext(os.fspath(event_file))
    return stem + SUFFIX


def open_journal(
    path: str | os.PathLike[str], *, create: bool = True, readonly: bool = False
) -> Journal:
    """Open the journal at ``path``; with ``create`` (the default), make it when it is missing.

    With ``readonly``, the journal is read, never written (``create`` is then ignored): the
    :class:`Journal` holds a private copy of it, taken at once in one consistent read, without a
    lock that would make a writer wait and without creating any file, so a report can be made
    while teams are marking, by someone who may not write to the file or its folder, and leaves
    nothing behind that could stop the owner's next ``mark``. A journal of an older layout is
    read as the current layout; the file itself is migrated by the next writer.

    Raises :class:`JournalError` when the file is missing (and ``create`` is false), is not a
    venue_ready journal, or was written by a newer venue_ready. A journal of an older layout is
    migrated in place, in one transaction.
    """
    import sqlite3
    import stat
    from pathlib import Path

    path = Path(path)
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
            return Journal(conn, path, readonly=True)
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
    return Journal(conn, path)


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


class Journal:
    """An open status journal. Use :func:`open_journal` to get one; close it (or use it as a
    context manager) when done."""

    def __init__(self, conn: sqlite3.Connection, path: Path, *, readonly: bool = False) -> None:
        self._conn = conn
        #: The journal's file.
        self.path = path
        #: True when opened with ``readonly``: appending and importing raise.
        self.readonly = readonly

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()  # whatever ended the block: the journal keeps what it committed

    def close(self) -> None:
        """Close the file. Entries already appended are kept whatever happens next."""
        self._conn.close()

    def __len__(self) -> int:
        return int(self._conn.execute("SELECT count(*) FROM entries").fetchone()[0])

    @property
    def event_id(self) -> str | None:
        """The id of the event this journal belongs to: set by :meth:`bind` (which the first
        :func:`~venue_ready.mark` calls); None for a journal nothing has bound yet."""
        return self._meta("event_id")

    @property
    def timezone(self) -> str | None:
        """The time zone of the event this journal belongs to (an IANA name), recorded by
        :meth:`bind`: the zone the entries read back are shown in, and naive moments given to
        :meth:`record` or :meth:`entries` are read in. None for a journal bound to no event
        (or bound by an earlier layout of the journal, which did not record it, until the next
        mark): entries are then in UTC,
        and a naive moment is refused."""
        return self._meta("timezone")

    def _meta(self, key: str) -> str | None:
        row = self._conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return str(row[0]) if row is not None else None

    def _zone(self) -> tzinfo | None:
        from .._dates import get_zone

        name = self.timezone
        if name is None:
            return None
        try:
            return get_zone(name)
        except Exception:  # a zone this machine's database lacks: the entries stay in UTC
            return None

    def check_event(self, event: Event, *, event_file: str | None = None) -> None:
        """Raise :class:`JournalError` when this journal belongs to another event than
        ``event`` (a ward's journal given for another ward's file, whose item ids are the same
        template's). A journal bound to no event yet belongs to any."""
        self._refuse_other(self.event_id, event, event_file)

    def bind(self, event: Event, *, event_file: str | None = None) -> None:
        """Make this journal ``event``'s: record the event's id in it, once.

        Binding again to the same event does nothing. Raises :class:`JournalError` (naming
        ``event_file``) when the journal belongs to another event, including one that another
        process bound it to a moment ago: the id is written and read back in one transaction.
        Raises ValueError when it has to write to a journal opened read-only.
        :func:`~venue_ready.mark` binds the
        journal before it records the first entry; ``check`` and ``history`` then refuse it
        for any other event.
        """
        self.check_event(event, event_file=event_file)
        if self.event_id == event.id and self.timezone == event.timezone:
            return  # bound already: nothing to write, and no write lock to wait for
        if self.readonly and self.event_id == event.id:
            return  # bound by an older venue_ready, without its zone: the next mark adds it
        with self._write():
            self._conn.execute(
                "INSERT OR IGNORE INTO meta (key, value) VALUES ('event_id', ?)", (event.id,)
            )
            self._refuse_other(self.event_id, event, event_file)  # rolls back
            # the zone follows the event file: an event moved to another zone shows its
            # entries in the new one
            self._conn.execute(
                "INSERT OR REPLACE INTO meta (key, value) VALUES ('timezone', ?)",
                (event.timezone,),
            )

    def _refuse_other(self, bound: str | None, event: Event, event_file: str | None) -> None:
        if bound is not None and bound != event.id:
            raise JournalError(
                [
                    Problem.of(
                        (),
                        "journal.other-event",
                        file=str(self.path),
                        bound=bound,
                        event=event.id,
                        event_file=event_file or "-",
                    )
                ]
            )

    # -- writing --------------------------------------------------------------------------------

    def record(self, mark: Mark, *, recorded_at: datetime | None = None) -> JournalEntry:
        """Record ``mark`` as one entry and return it (with its ``seq``, ``uid`` and
        ``inserted_at``, its times in the journal's :attr:`timezone`); committed when this
        returns.

        This checks the mark's fields (a status that cannot be marked, ``by`` missing, progress
        outside 0..1, a moment after ``recorded_at``), not its subject: :func:`~venue_ready.mark`
        checks it against the event first. A mark whose ``key`` is already in the journal
        records nothing: the entry recorded with that key is returned, unchanged, when it
        reports the same (subject, status, by, ``at``, progress, note, evidence, sign-off and
        version); otherwise :class:`JournalError` says the key is taken.

        :param recorded_at: when the entry is recorded; now by default (for imports and tests).
            Never in the future. Moments (this and the mark's ``at``) are aware datetimes, or
            naive ones read in the journal's :attr:`timezone`.
        :raises JournalError: listing every field that is wrong.
        :raises TypeError: for a moment that is not a datetime.
        :raises ValueError: for a journal opened read-only.
        """
        return self._record_all([mark], recorded_at=recorded_at, indexed=False)[0][0]

    def record_many(
        self, marks: Sequence[Mark], *, recorded_at: datetime | None = None
    ) -> list[JournalEntry]:
        """:meth:`record` for several marks in one transaction, all or nothing: when any mark
        is wrong nothing is recorded, and :class:`JournalError` lists every problem, its path
        starting with ``marks`` and the mark's index (``marks[2].by``). Returns the entries in
        the order of ``marks``."""
        return [entry for entry, _new in self._record_all(marks, recorded_at=recorded_at)]

    def _record_all(
        self, marks: Sequence[Mark], *, recorded_at: datetime | None = None, indexed: bool = True
    ) -> list[tuple[JournalEntry, bool]]:
        """:meth:`record_many`, each entry with whether this call recorded it (False for a
        mark whose ``key`` was recorded before). With ``indexed`` false (one mark), problems
        are not prefixed with the mark's index. For :mod:`.marking`, which calls the hook only
        for what it recorded."""
        import uuid

        zone = self._zone()
        where = str(self.path)
        now = datetime.now(UTC)
        given = moment_argument("recorded_at", recorded_at, zone)
        if given is not None:
            if given > now:
                raise JournalError([future_problem("recorded_at", given, now, file=where)])
            now = given
        problems: list[Problem] = []
        built: list[JournalEntry | None] = []
        for index, mark in enumerate(marks):
            name = f"marks[{index}].at" if indexed else "at"
            fixed = attrs.evolve(mark, at=moment_argument(name, mark.at, zone))
            try:
                data = mark_fields(fixed, uid=uuid.uuid4().hex, recorded_at=now)
                built.append(build_entry(data, file=where))
            except JournalError as exc:
                problems.extend(_indexed(exc.problems, index, indexed))
                built.append(None)
        if problems:
            raise JournalError(problems)
        results: list[tuple[JournalEntry, bool]] = []
        with self._write():
            for index, entry in enumerate(built):
                assert entry is not None  # every None raised above
                known = self._with_key(entry.key) if entry.key is not None else None
                if known is None:
                    results.append((self._insert(entry), True))
                elif report_fields(known) == report_fields(entry):
                    results.append((known, False))
                else:
                    problem = _key_conflict(entry.key or "", known, file=where)
                    problems.extend(_indexed([problem], index, indexed))
            if problems:
                raise JournalError(problems)  # rolls the whole batch back
        return [(self._shown(entry, zone), new) for entry, new in results]

    def append(
        self,
        subject: str,
        status: Status | str,
        *,
        recorded_at: datetime | None = None,
        **fields: Unpack[MarkFields],
    ) -> JournalEntry:
        """:meth:`record` with the :class:`~venue_ready.journal.Mark`'s fields as keywords
        (:class:`~venue_ready.journal.MarkFields`; see Mark for what each means)."""
        return self.record(Mark(subject, status, **fields), recorded_at=recorded_at)

    def _write(self) -> _Transaction:
        if self.readonly:
            raise ValueError(f"{self.path} is open read-only")
        return _Transaction(self._conn)

    def _insert(self, entry: JournalEntry) -> JournalEntry:
        """Insert ``entry``; return it with its ``seq`` and ``inserted_at``."""
        row = to_row(entry)
        # inserted_at: taken inside the write transaction, after any wait for the lock, so
        # that "what the journal held at K" is exact
        inserted = datetime.fromisoformat(stamp(datetime.now(UTC)))
        columns = (*FIELDS, "inserted_at")
        cursor = self._conn.execute(
            f"INSERT INTO entries ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
            [*(row[name] for name in FIELDS), stamp(inserted)],
        )
        return attrs.evolve(entry, seq=int(cursor.lastrowid or 0), inserted_at=inserted)

    def _with_key(self, key: str) -> JournalEntry | None:
        row = self._conn.execute(
            f"SELECT {', '.join(COLUMNS)} FROM entries WHERE key = ?", (key,)
        ).fetchone()
        return read_row(row, file=str(self.path)) if row is not None else None

    def _shown(self, entry: JournalEntry, zone: tzinfo | None) -> JournalEntry:
        return in_zone(entry, zone) if zone is not None else entry

    # -- reading --------------------------------------------------------------------------------

    def entry_with_key(self, key: str) -> JournalEntry | None:
        """The entry recorded with the idempotency ``key``, or None: whether a chat update (say)
        was recorded already. Its times are in the journal's :attr:`timezone`."""
        entry = self._with_key(key)
        return self._shown(entry, self._zone()) if entry is not None else None

    def entries(
        self,
        until: datetime | None = None,
        *,
        subject: str | None = None,
        known_at: datetime | None = None,
    ) -> list[JournalEntry]:
        """The entries, in the order they happened (then in the order recorded), their times
        in the journal's :attr:`timezone` (the event's, once a mark has bound it; UTC before).

        :param until: only entries that happened (:attr:`JournalEntry.at
            <venue_ready.JournalEntry.at>`) at or before this moment.
        :param subject: only entries about this subject.
        :param known_at: only entries written into this journal
            (:attr:`JournalEntry.inserted_at <venue_ready.JournalEntry.inserted_at>`) at or
            before this moment: what it held then (to reproduce exactly a report made at that
            moment; an entry imported later counts from its import).

        Moments are aware datetimes, or naive ones read in the journal's :attr:`timezone`.
        """
        return self._entries(until, subject=subject, known_at=known_at, zone=self._zone())

    def _entries(
        self,
        until: datetime | None = None,
        *,
        subject: str | None = None,
        known_at: datetime | None = None,
        zone: tzinfo | None,
    ) -> list[JournalEntry]:
        until = moment_argument("until", until, zone)
        known_at = moment_argument("known_at", known_at, zone)
        sql = f"SELECT {', '.join(COLUMNS)} FROM entries"
        where: list[str] = []
        args: list[Any] = []
        if subject is not None:
            where.append("subject = ?")
            args.append(subject)
        if known_at is not None:
            where.append("inserted_at <= ?")
            args.append(stamp(known_at))
        if until is not None:
            where.append("coalesce(happened_at, recorded_at) <= ?")
            args.append(stamp(until))
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY coalesce(happened_at, recorded_at), seq"
        file = str(self.path)
        rows = self._conn.execute(sql, args)
        return [self._shown(read_row(row, file=file), zone) for row in rows]

    def replay(
        self, event: Event, until: datetime | None = None, *, known_at: datetime | None = None
    ) -> Event:
        """``event`` as it stood at ``until`` (default: with every entry): see
        :func:`~venue_ready.replay`.

        Every entry that happened by ``until`` counts, including one written later with an
        earlier ``at``; pass ``known_at=until`` as well for what the journal held at ``until``,
        which is what a report made then showed (``venue-ready check --as-of`` does so).
        Naive moments are read in the event's time zone, and the entries are in it."""
        from .replaying import replay

        return replay(event, self._entries(until, known_at=known_at, zone=event.tz))

    # -- export and import ------------------------------------------------------------------------

    def export(self, fmt: str = "jsonl") -> str:
        """Every entry, in the order recorded, as JSON Lines (``jsonl``) or CSV (``csv``).

        Importing the text into an empty journal and exporting again gives the same text.
        """
        from .transfer import export_text

        ordered = sorted(self.entries(), key=lambda e: e.seq if e.seq is not None else 0)
        return export_text(ordered, fmt)

    def import_text(self, text: str, fmt: str, *, file: str = "-") -> tuple[int, int]:
        """Add the entries of an export (``jsonl`` or ``csv``); return (added, already there).

        An entry whose ``uid`` is already in the journal with the same content is skipped, so
        importing a file twice adds nothing the second time. Nothing is added unless every
        entry is valid: :class:`JournalError` lists what is wrong, by line and field; an entry
        whose ``uid`` is in the journal with *different* content is such a problem.
        """
        from .entries import line_of
        from .transfer import read_export

        entries = read_export(text, fmt, file=file)
        problems: list[Problem] = []
        added = skipped = 0
        with self._write():
            for line, entry in entries:
                known = self._conn.execute(
                    f"SELECT {', '.join(COLUMNS)} FROM entries WHERE uid = ?", (entry.uid,)
                ).fetchone()
                keyed = self._with_key(entry.key) if entry.key is not None else None
                if known is None and keyed is None:
                    self._insert(entry)
                    added += 1
                elif known is None and keyed is not None:
                    # the same report under another uid (recorded in two journals, say):
                    # already here when it reports the same, else the key is taken
                    if report_fields(keyed) == report_fields(entry):
                        skipped += 1
                    else:
                        problems.append(_key_conflict(entry.key or "", keyed, line_of(file, line)))
                elif known is not None and to_row(from_row(known)) == to_row(entry):
                    skipped += 1
                else:
                    problems.append(
                        Problem.of(
                            ("uid",),
                            "journal.uid-conflict",
                            file=line_of(file, line),
                            uid=entry.uid,
                        )
                    )
            if problems:
                raise JournalError(problems)  # rolls the whole import back
        return added, skipped


def _indexed(problems: Sequence[Problem], index: int, indexed: bool) -> list[Problem]:
    """``problems`` of the mark ``marks[index]`` of a batch: their paths start there."""
    if not indexed:
        return list(problems)
    return [attrs.evolve(p, path=("marks", index, *p.path)) for p in problems]


def _key_conflict(key: str, known: JournalEntry, file: str) -> Problem:
    return Problem.of(("key",), "journal.key-conflict", file=file, key=key, seq=known.seq)


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
