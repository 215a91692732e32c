"""The status journal: what the teams reported as they worked, in one SQLite file.

The event file is the plan; the journal is what happened. Each entry says which item (or which
subject of an area plugin, ``AREA:SUBJECT``) moved to which status, who reported it, when it was
recorded and, when earlier, when it happened. venue_ready never rewrites the event file: an
item's effective state is its latest journal entry, or the plan when there is none.

::

    from venue_ready import load, open_journal

    event = load("congress.toml")
    with open_journal("congress.journal.sqlite") as journal:
        journal.append("security.plan", "done", by="Công an phường")
        as_then = journal.replay(event, until=some_moment)  # an Event, as it stood then

The file is in WAL mode and every write is one ``BEGIN IMMEDIATE`` transaction with
``synchronous=FULL``: several processes can write at once (each waits its turn) and a writer
killed half-way leaves every entry committed before it. ``PRAGMA user_version`` holds the
layout's version: an older journal is migrated when opened, a newer one is refused.

Timestamps are stored as UTC ISO 8601 text with microseconds, so they sort as text.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

import attrs

from .errors import LoadError, Problem
from .model import Event, Item, JournalEntry, SignOff, Status

if TYPE_CHECKING:
    import sqlite3
    from pathlib import Path
    from types import TracebackType

    from .plugins import PluginManager
    from .report import HistoryPoint

__all__ = [
    "FIELDS",
    "MARKABLE_STATUSES",
    "SCHEMA_VERSION",
    "Journal",
    "JournalError",
    "check_mark",
    "default_journal_path",
    "known_subjects",
    "mark",
    "open_journal",
    "readiness_history",
    "replay",
    "unknown_subjects",
]

#: The journal layout this version writes. History: 1, the first layout (no ``uid``, no signed
#: ``version``); 2, entries carry a ``uid`` (so an import never adds an entry twice) and the
#: version of the work a sign-off was given for; 3, each entry also records when it was written
#: into *this* file (``inserted_at``, not exported), which ``known_at`` filters on, and the
#: journal records the id of the event it belongs to (table ``meta``).
SCHEMA_VERSION = 3
#: The suffix of a journal kept beside its event file: congress.toml → congress.journal.sqlite.
SUFFIX = ".journal.sqlite"
#: The statuses an entry may record. ``waived`` is not one of them: a waiver needs a reason and
#: who approved it, and belongs in the plan (the event file).
MARKABLE_STATUSES = ("todo", "in_progress", "done", "blocked")
#: An entry's fields, in the order exports write them.
FIELDS = (
    "uid",
    "subject",
    "status",
    "progress",
    "by",
    "recorded_at",
    "happened_at",
    "note",
    "evidence",
    "signed_off_by",
    "version",
)

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
}
#: How long a writer waits for another one to finish, in seconds.
BUSY_TIMEOUT = 60.0


class JournalError(LoadError):
    """A journal could not be opened, or an entry could not be recorded or imported.

    A :class:`~venue_ready.LoadError`, so a caller that handles bad input handles this too:
    ``problems`` lists everything wrong, each naming the file (the journal, the event file or
    the file imported) and the field.
    """


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

    With ``readonly``, the file is opened for reading only (``create`` is then ignored): no
    lock is taken and nothing is written, so a report can be made while teams are marking, or
    from a folder one may not write to. A journal of an older layout is still migrated (which
    writes, once).

    Raises :class:`JournalError` when the file is missing (and ``create`` is false), is not a
    venue_ready journal, or was written by a newer venue_ready. A journal of an older layout is
    migrated in place, in one transaction.
    """
    import sqlite3
    from pathlib import Path

    path = Path(path)
    where = str(path)
    if (readonly or not create) and not path.is_file():
        raise JournalError([Problem.of((), "journal.missing", file=where)])
    if (readonly or not create) and path.stat().st_size == 0:
        # SQLite would take an empty file for an empty database, and build a journal in it
        raise JournalError([Problem.of((), "journal.not-a-journal", file=where)])
    conn = None
    try:
        if readonly:
            conn = sqlite3.connect(
                f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT
            )
            if _check_layout(conn, where) == SCHEMA_VERSION:
                return Journal(conn, path, readonly=True)
            conn.close()  # an older layout: migrate it first, then read
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
    conn.execute("BEGIN IMMEDIATE")
    try:
        # again, under the write lock: another process may have created it meanwhile
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
        conn.execute("ROLLBACK")
        raise


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
    finally:
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

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the file. Entries already appended are kept whatever happens next."""
        self._conn.close()

    def __len__(self) -> int:
        return int(self._conn.execute("SELECT count(*) FROM entries").fetchone()[0])

    @property
    def event_id(self) -> str | None:
        """The id of the event this journal belongs to: set by the first :func:`mark`; None
        for a journal no mark has bound yet."""
        row = self._conn.execute("SELECT value FROM meta WHERE key = 'event_id'").fetchone()
        return str(row[0]) if row is not None else None

    def check_event(self, event: Event, *, event_file: str | None = None) -> None:
        """Raise :class:`JournalError` when this journal belongs to another event than
        ``event`` (a ward's journal given for another ward's file, whose item ids are the same
        template's)."""
        bound = self.event_id
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

    def _bind(self, event: Event) -> None:
        """Record that this journal belongs to ``event`` (once; in the caller's transaction)."""
        self._conn.execute(
            "INSERT OR IGNORE INTO meta (key, value) VALUES ('event_id', ?)", (event.id,)
        )

    # -- writing --------------------------------------------------------------------------------

    def append(
        self,
        subject: str,
        status: Status | str,
        *,
        by: str,
        at: datetime | None = None,
        progress: float | None = None,
        note: str | None = None,
        evidence: str | None = None,
        signed_off_by: str | None = None,
        version: str | None = None,
        recorded_at: datetime | None = None,
    ) -> JournalEntry:
        """Record one entry and return it (with its ``seq``); committed when this returns.

        :param subject: an item id, or ``AREA:SUBJECT`` for an area plugin's subject. This
            method does not check it against an event; :func:`mark` does.
        :param status: one of :data:`MARKABLE_STATUSES`.
        :param by: who reports it (a person or a team); required.
        :param at: when it happened, if earlier than now; never in the future.
        :param progress: 0..1, for ``in_progress``.
        :param signed_off_by: the body that approved the work, for an item that needs a
            sign-off; ``version`` is the version of the work approved.
        :param recorded_at: when the entry is recorded; now by default (for imports and tests).
        :raises JournalError: listing every field that is wrong.
        """
        import uuid

        now = datetime.now(UTC)
        if recorded_at is not None:
            if recorded_at.tzinfo is not None and recorded_at > now:
                raise JournalError(
                    [
                        Problem.of(
                            ("recorded_at",),
                            "journal.future",
                            file=str(self.path),
                            at=recorded_at,
                            now=now,
                        )
                    ]
                )
            now = recorded_at
        entry = build_entry(
            {
                "uid": uuid.uuid4().hex,
                "subject": subject,
                "status": status.value if isinstance(status, Status) else status,
                "by": by,
                "recorded_at": now,
                "happened_at": at,
                "progress": progress,
                "note": note,
                "evidence": evidence,
                "signed_off_by": signed_off_by,
                "version": version,
            },
            file=str(self.path),
        )
        with self._write():
            seq = self._insert(entry)
        return attrs.evolve(entry, seq=seq)

    def _write(self) -> _Transaction:
        if self.readonly:
            raise ValueError(f"{self.path} is open read-only")
        return _Transaction(self._conn)

    def _insert(self, entry: JournalEntry) -> int:
        row = _to_row(entry)
        # inserted_at: taken inside the write transaction, after any wait for the lock, so
        # that "what the journal held at K" is exact
        columns = (*FIELDS, "inserted_at")
        cursor = self._conn.execute(
            f"INSERT INTO entries ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
            [*(row[name] for name in FIELDS), _stamp(datetime.now(UTC))],
        )
        return int(cursor.lastrowid or 0)

    # -- reading --------------------------------------------------------------------------------

    def entries(
        self,
        until: datetime | None = None,
        *,
        subject: str | None = None,
        known_at: datetime | None = None,
    ) -> list[JournalEntry]:
        """The entries, in the order they happened (then in the order recorded).

        :param until: only entries that happened at or before this moment.
        :param subject: only entries about this subject.
        :param known_at: only entries written into this journal at or before this moment:
            what it held then (to reproduce exactly a report made at that moment; an entry
            imported later counts from its import).
        """
        sql = f"SELECT seq, {', '.join(FIELDS)} FROM entries"
        where: list[str] = []
        args: list[Any] = []
        if subject is not None:
            where.append("subject = ?")
            args.append(subject)
        if known_at is not None:
            where.append("inserted_at <= ?")
            args.append(_stamp(known_at))
        if until is not None:
            where.append("coalesce(happened_at, recorded_at) <= ?")
            args.append(_stamp(until))
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY coalesce(happened_at, recorded_at), seq"
        return [_from_row(row) for row in self._conn.execute(sql, args)]

    def replay(
        self, event: Event, until: datetime | None = None, *, known_at: datetime | None = None
    ) -> Event:
        """``event`` as it stood at ``until`` (default: with every entry): see :func:`replay`.

        Every entry that happened by ``until`` counts, including one written later with an
        earlier ``at``; pass ``known_at=until`` as well for what the journal held at ``until``,
        which is what a report made then showed (``venue-ready check --as-of`` does so)."""
        return replay(event, self.entries(until, known_at=known_at))

    # -- export and import ------------------------------------------------------------------------

    def export(self, fmt: str = "jsonl") -> str:
        """Every entry, in the order recorded, as JSON Lines (``jsonl``) or CSV (``csv``).

        Importing the text into an empty journal and exporting again gives the same text.
        """
        import csv
        import io
        import json

        rows = [
            _to_row(e)
            for e in sorted(self.entries(), key=lambda e: e.seq if e.seq is not None else 0)
        ]
        if fmt == "jsonl":
            return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
        if fmt == "csv":
            out = io.StringIO()
            # "\r\n" as the CSV standard has it: with "\n", a value holding a lone "\r" would
            # be written unquoted and read back wrong
            writer = csv.DictWriter(out, fieldnames=FIELDS, lineterminator="\r\n")
            writer.writeheader()
            for row in rows:
                writer.writerow({k: "" if v is None else _csv_cell(v) for k, v in row.items()})
            return out.getvalue()
        raise ValueError(f"unknown export format {fmt!r} (expected 'jsonl' or 'csv')")

    def import_text(self, text: str, fmt: str, *, file: str = "-") -> tuple[int, int]:
        """Add the entries of an export (``jsonl`` or ``csv``); return (added, already there).

        An entry whose ``uid`` is already in the journal with the same content is skipped, so
        importing a file twice adds nothing the second time. Nothing is added unless every
        entry is valid: :class:`JournalError` lists what is wrong, by line and field; an entry
        whose ``uid`` is in the journal with *different* content is such a problem.
        """
        rows = list(_parse_export(text, fmt, file))
        problems: list[Problem] = []
        entries: list[JournalEntry] = []
        now = datetime.now(UTC)
        for line, row in rows:
            try:
                entry = build_entry(row, file=file, line=line)
            except JournalError as exc:
                problems.extend(exc.problems)
                continue
            if entry.recorded_at > now:
                # written on a machine whose clock ran ahead: it would sort after every entry
                # made from now on, and replay as the latest
                problems.append(
                    Problem.of(
                        ("recorded_at",),
                        "journal.future",
                        file=_line(file, line),
                        at=entry.recorded_at,
                        now=now,
                    )
                )
            entries.append(entry)
        if problems:
            raise JournalError(problems)
        added = skipped = 0
        with self._write():
            for (line, _), entry in zip(rows, entries, strict=True):
                known = self._conn.execute(
                    f"SELECT seq, {', '.join(FIELDS)} FROM entries WHERE uid = ?", (entry.uid,)
                ).fetchone()
                if known is None:
                    self._insert(entry)
                    added += 1
                elif _to_row(_from_row(known)) == _to_row(entry):
                    skipped += 1
                else:
                    problems.append(
                        Problem.of(
                            ("uid",),
                            "journal.uid-conflict",
                            file=_line(file, line),
                            uid=entry.uid,
                        )
                    )
            if problems:
                raise JournalError(problems)  # rolls the whole import back
        return added, skipped


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
            self._conn.execute("ROLLBACK")
            return
        try:
            self._conn.execute("COMMIT")
        except BaseException:
            # a failed COMMIT (a full disk) leaves the transaction open: end it
            self._conn.execute("ROLLBACK")
            raise


# -- entries: building, rows, text -------------------------------------------------------------


def build_entry(
    data: Mapping[str, Any], *, file: str | None = None, line: int | None = None
) -> JournalEntry:
    """A :class:`JournalEntry` from plain data (an export's row, or :meth:`Journal.append`'s
    arguments), checked field by field: every problem is reported at once.

    Times may be datetimes or ISO 8601 text with an offset. ``happened_at`` may not be later
    than ``recorded_at``.
    """
    where = _line(file or "-", line) if line is not None else file
    problems: list[Problem] = []

    def problem(key: str, message_id: str, **params: Any) -> None:
        problems.append(Problem.of((key,), message_id, file=where, **params))

    def text(key: str, *, required: bool = False) -> str | None:
        value = data.get(key)
        if value is None or (isinstance(value, str) and not value.strip() and not required):
            if required:
                problem(key, "journal.missing-field")
            return None
        if not isinstance(value, str):
            problem(key, "journal.not-text")
            return None
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate ("\ud800" in JSON): not text SQLite stores
            problem(key, "journal.not-text")
            return None
        if not value.strip():
            problem(key, "journal.missing-field")
            return None
        return value

    def moment(key: str, *, required: bool = False) -> datetime | None:
        value = data.get(key)
        if value is None or value == "":
            if required:
                problem(key, "journal.missing-field")
            return None
        if isinstance(value, str):
            try:
                value = datetime.fromisoformat(value)
            except ValueError:
                problem(key, "journal.bad-time", value=value)
                return None
        if not isinstance(value, datetime) or value.tzinfo is None:
            problem(key, "journal.bad-time", value=str(value))
            return None
        from .values import MAX_YEAR, MIN_YEAR

        if not MIN_YEAR <= value.year <= MAX_YEAR:
            # the range every other moment of venue_ready is kept in; it also keeps the
            # stored text one width, so that text order stays time order
            problem(key, "journal.bad-time", value=value.isoformat())
            return None
        return value

    unknown = sorted(set(data) - set(FIELDS) - {"seq"})
    for key in unknown:
        problem(key, "journal.unknown-field", known=", ".join(FIELDS))
    uid = text("uid", required=True)
    subject = text("subject", required=True)
    status = text("status", required=True)
    if status is not None and status not in MARKABLE_STATUSES:
        from .values import suggest

        hint = suggest(status, MARKABLE_STATUSES)
        problem(
            "status",
            "journal.bad-status-hint" if hint else "journal.bad-status",
            value=status,
            hint=hint or "",
            choices=", ".join(MARKABLE_STATUSES),
        )
        status = None
    by = text("by", required=True)
    recorded = moment("recorded_at", required=True)
    happened = moment("happened_at")
    progress: float | None = None
    raw = data.get("progress")
    if raw is not None and raw != "":
        try:
            progress = float(raw) if not isinstance(raw, bool) else None
        except (TypeError, ValueError):
            progress = None
        if progress is None or not 0.0 <= progress <= 1.0:
            problem("progress", "journal.bad-progress", value=str(raw))
            progress = None
    if happened is not None and recorded is not None and happened > recorded:
        problem("happened_at", "journal.future", at=happened, now=recorded)
    note, evidence = text("note"), text("evidence")
    signed, version = text("signed_off_by"), text("version")
    if problems:
        raise JournalError(problems)
    assert uid and subject and status and by and recorded  # noqa: PT018 - checked above
    return JournalEntry(
        uid=uid,
        subject=subject,
        status=status,
        by=by,
        recorded_at=recorded,
        happened_at=happened,
        progress=progress,
        note=note,
        evidence=evidence,
        signed_off_by=signed,
        version=version,
        seq=data.get("seq") if isinstance(data.get("seq"), int) else None,
    )


def _stamp(moment: datetime) -> str:
    """UTC ISO 8601 with microseconds: one width, so text order is time order."""
    if moment.tzinfo is None:
        raise ValueError("journal times must be timezone-aware")
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def _to_row(entry: JournalEntry) -> dict[str, Any]:
    return {
        "uid": entry.uid,
        "subject": entry.subject,
        "status": entry.status.value,
        "progress": entry.progress,
        "by": entry.by,
        "recorded_at": _stamp(entry.recorded_at),
        "happened_at": _stamp(entry.happened_at) if entry.happened_at is not None else None,
        "note": entry.note,
        "evidence": entry.evidence,
        "signed_off_by": entry.signed_off_by,
        "version": entry.version,
    }


def _from_row(row: Sequence[Any]) -> JournalEntry:
    seq, uid, subject, status, progress, by, recorded, happened, note, evidence, signed, version = (
        row
    )
    return JournalEntry(
        uid=uid,
        subject=subject,
        status=status,
        by=by,
        recorded_at=datetime.fromisoformat(recorded),
        happened_at=datetime.fromisoformat(happened) if happened else None,
        progress=progress,
        note=note,
        evidence=evidence,
        signed_off_by=signed,
        version=version,
        seq=seq,
    )


def _csv_cell(value: Any) -> str:
    # repr() of a float is the shortest text that reads back as the same float: lossless.
    return repr(value) if isinstance(value, float) else str(value)


#: DictReader's key for the cells of a row beyond the header's.
_EXTRA = "\x00extra"


def _line(file: str, line: int) -> str:
    """Where a problem of an imported file is: ``journal.csv:3``, as compilers write it."""
    return f"{file}:{line}"


def _parse_export(text: str, fmt: str, file: str) -> Iterator[tuple[int, dict[str, Any]]]:
    import csv
    import io
    import json

    if fmt == "jsonl":
        # only "\n" ends a line: str.splitlines() would also split at U+2028 and the like,
        # which json.dumps(ensure_ascii=False) leaves raw inside a value
        for number, line in enumerate(text.split("\n"), start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise JournalError(
                    [Problem.of((), "journal.bad-json", file=_line(file, number), error=exc.msg)]
                ) from exc
            if not isinstance(row, dict):
                raise JournalError(
                    [Problem.of((), "journal.not-an-object", file=_line(file, number))]
                )
            yield number, row
    elif fmt == "csv":
        # a long note is data like any other: no cell of this text can exceed the text itself
        csv.field_size_limit(max(csv.field_size_limit(), len(text)))
        reader = csv.DictReader(io.StringIO(text, newline=""), restkey=_EXTRA)
        try:
            header = reader.fieldnames or ()
            missing = [
                name
                for name in ("uid", "subject", "status", "by", "recorded_at")
                if name not in header
            ]
            if missing:
                raise JournalError(
                    [
                        Problem.of(
                            (),
                            "journal.csv-header",
                            file=_line(file, 1),
                            missing=", ".join(missing),
                        )
                    ]
                )
            previous = reader.line_num
            for row in reader:
                start, previous = previous + 1, reader.line_num  # a row may span lines
                if _EXTRA in row:
                    # more cells than the header: an unquoted comma, most likely; refuse
                    # rather than drop what the extra cells held
                    raise JournalError(
                        [
                            Problem.of(
                                (),
                                "journal.csv-extra-cells",
                                file=_line(file, start),
                                count=len(row[_EXTRA]),
                            )
                        ]
                    )
                yield start, {k: (v if v != "" else None) for k, v in row.items()}
        except csv.Error as exc:
            raise JournalError(
                [
                    Problem.of(
                        (), "journal.bad-csv", file=_line(file, reader.line_num), error=str(exc)
                    )
                ]
            ) from exc
    else:
        raise ValueError(f"unknown import format {fmt!r} (expected 'jsonl' or 'csv')")


# -- replay ------------------------------------------------------------------------------------


def replay(event: Event, entries: Iterable[JournalEntry]) -> Event:
    """``event`` with ``entries`` applied, oldest first: the state they describe.

    - An entry about a checklist item sets the item's status and progress (the latest entry
      wins), adds its evidence, and records who reported it and when (``reported_by``,
      ``reported_at``); an entry with ``signed_off_by`` records the item's sign-off, for the
      version it names.
    - An entry about ``AREA:SUBJECT`` goes to that area's :attr:`AreaPlan.records
      <venue_ready.AreaPlan.records>`, for its plugin to read.
    - Entries about subjects the event does not have are left out (:func:`unknown_subjects`
      lists them).

    Pass only the entries up to a moment (:meth:`Journal.entries` ``until=``) to get the
    event as it stood then. The plan itself is untouched: this returns a new Event.
    """
    ordered = sorted(entries, key=lambda e: (e.at, e.seq if e.seq is not None else 0))
    if not ordered:
        return event
    item_ids = {item.id for plan in event.areas for item in plan.items}
    by_item: dict[str, list[JournalEntry]] = {}
    records: dict[str, list[JournalEntry]] = {}
    for entry in ordered:
        if entry.subject in item_ids:
            by_item.setdefault(entry.subject, []).append(entry)
        elif entry.area is not None:
            records.setdefault(entry.area, []).append(entry)
    areas = []
    for plan in event.areas:
        items = tuple(
            _apply(item, by_item[item.id]) if item.id in by_item else item for item in plan.items
        )
        areas.append(
            attrs.evolve(plan, items=items, records=plan.records + tuple(records.get(plan.key, ())))
        )
    return attrs.evolve(event, areas=tuple(areas))


def _apply(item: Item, entries: list[JournalEntry]) -> Item:
    latest = entries[-1]
    changes: dict[str, Any] = {
        "status": latest.status,
        "progress": latest.progress if latest.status is Status.IN_PROGRESS else None,
        # the age a report shows counts from when the result was reported
        "reported_at": latest.recorded_at,
        "reported_by": latest.by,
    }
    evidence = [e.evidence for e in entries if e.evidence is not None]
    if evidence:
        changes["evidence"] = item.evidence + tuple(evidence)
    signed = [e for e in entries if e.signed_off_by is not None]
    if signed and item.requires_signoff is not None:
        last = signed[-1]
        planned = item.signed_off
        # the later approval stands, whether the plan or the journal holds it
        if planned is None or planned.at is None or planned.at <= last.at:
            changes["signed_off"] = SignOff(
                by=last.signed_off_by or "", at=last.at, version=last.version
            )
    if item.status is Status.WAIVED:
        # a waiver is the plan's decision; a report does not undo it
        changes = {k: v for k, v in changes.items() if k not in ("status", "progress")}
    return attrs.evolve(item, **changes)


def unknown_subjects(event: Event, entries: Iterable[JournalEntry]) -> list[JournalEntry]:
    """The entries about a subject the event has no item or area for (an item removed from the
    plan since, say): :func:`replay` leaves them out, and a report should say so."""
    item_ids = {item.id for plan in event.areas for item in plan.items}
    area_keys = {plan.key for plan in event.areas}
    return [e for e in entries if e.subject not in item_ids and e.area not in area_keys]


def readiness_history(
    event: Event,
    entries: Iterable[JournalEntry],
    moments: Iterable[datetime],
    plugins: PluginManager | None = None,
) -> tuple[HistoryPoint, ...]:
    """The event's readiness at each of ``moments``, replaying only the entries that had
    happened by then: the series of a chart, and :attr:`Report.history
    <venue_ready.Report.history>` for the HTML report's timeline."""
    from .assessment import assess
    from .report import HistoryPoint

    ordered = sorted(entries, key=lambda e: (e.at, e.seq if e.seq is not None else 0))
    points = []
    for moment in moments:
        upto = [e for e in ordered if e.at <= moment]
        report = assess(replay(event, upto), as_of=moment, plugins=plugins)
        points.append(HistoryPoint(at=moment, score=report.score, status=report.status))
    return tuple(points)


# -- marking: an entry checked against the event --------------------------------------------------


def known_subjects(event: Event, plugins: PluginManager | None = None) -> dict[str, str | None]:
    """Every subject an entry may name: the event's item ids (mapped to None), and
    ``AREA:SUBJECT`` (mapped to the area) for what each area's plugin reads from the journal
    (its :attr:`AreaSpec.journal_subjects <venue_ready.AreaSpec.journal_subjects>`)."""
    if plugins is None:
        from .plugins import get_plugin_manager

        plugins = get_plugin_manager()
    subjects: dict[str, str | None] = {}
    for plan in event.areas:
        for item in plan.items:
            subjects[item.id] = None
    specs = plugins.area_specs()
    for plan in event.areas:
        spec = specs.get(plan.key)
        if spec is None or spec.journal_subjects is None:
            continue
        try:
            targets = list(spec.journal_subjects(event, plan))
        except Exception as exc:  # a plugin's fault: name it, and take no subject of it
            plugins.record_failure(plugins.provider_of(plan.key) or plan.key, "journal", exc)
            continue
        for target in targets:
            subjects.setdefault(f"{plan.key}:{target}", plan.key)
    return subjects


def check_mark(
    event: Event,
    subject: str,
    status: Status | str,
    *,
    by: str | None,
    at: datetime | None = None,
    progress: float | None = None,
    signed_off_by: str | None = None,
    plugins: PluginManager | None = None,
    event_file: str | None = None,
    now: datetime | None = None,
) -> list[Problem]:
    """Everything wrong with a mark, as :class:`Problem` s naming ``event_file`` and the
    argument (empty when it may be recorded). :func:`mark` calls it; a command line can call it
    before it opens (and creates) the journal."""
    now = now if now is not None else datetime.now(UTC)
    status_text = status.value if isinstance(status, Status) else status
    problems: list[Problem] = []

    def problem(key: str, message_id: str, **params: Any) -> None:
        problems.append(Problem.of((key,), message_id, file=event_file, **params))

    from .values import suggest

    subjects = known_subjects(event, plugins)
    item = _find_item(event, subject)
    if subject not in subjects:
        hint = suggest(subject, subjects)
        problem(
            "item",
            "journal.unknown-subject-hint" if hint else "journal.unknown-subject",
            value=subject,
            hint=hint or "",
        )
    if not by or not by.strip():
        problem("by", "journal.by-missing")
    if at is not None and at > now:
        tz = event.tz
        problem("at", "journal.future", at=at.astimezone(tz), now=now.astimezone(tz))
    if status_text not in MARKABLE_STATUSES:
        hint = suggest(status_text, MARKABLE_STATUSES)
        problem(
            "status",
            "journal.bad-status-hint" if hint else "journal.bad-status",
            value=status_text,
            hint=hint or "",
            choices=", ".join(MARKABLE_STATUSES),
        )
    if progress is not None:
        if not 0.0 <= progress <= 1.0:
            problem("progress", "journal.bad-progress", value=f"{progress:g}")
        elif status_text in MARKABLE_STATUSES and status_text != Status.IN_PROGRESS.value:
            problem("progress", "journal.progress-needs-in-progress", status=status_text)
    if item is not None and item.status is Status.WAIVED:
        problem("item", "journal.item-waived", value=subject)
    if signed_off_by is not None:
        if item is None or item.requires_signoff is None:
            problem("signed-off-by", "journal.signoff-not-required", value=subject)
        elif _body(signed_off_by) != _body(item.requires_signoff):
            problem(
                "signed-off-by",
                "journal.signoff-wrong-body",
                value=subject,
                body=signed_off_by,
                required=item.requires_signoff,
            )
    return problems


def _body(name: str) -> str:
    """A body's name as compared: Vietnamese typed on another keyboard (decomposed accents,
    other case, doubled spaces) is the same body."""
    import unicodedata

    return " ".join(unicodedata.normalize("NFC", name).casefold().split())


def mark(
    journal: Journal,
    event: Event,
    subject: str,
    status: Status | str,
    *,
    by: str | None,
    at: datetime | None = None,
    progress: float | None = None,
    note: str | None = None,
    evidence: str | None = None,
    signed_off_by: str | None = None,
    plugins: PluginManager | None = None,
    event_file: str | None = None,
    now: datetime | None = None,
) -> JournalEntry:
    """Check an entry against ``event``, record it, and tell the plugins.

    Everything wrong is reported at once, as a :class:`JournalError` (see :func:`check_mark`):
    a subject the event does not have (with the nearest one), a status that cannot be marked,
    ``by`` missing, a moment in the future, progress outside 0..1 or with another status than
    ``in_progress``, a sign-off on an item that needs none or by another body than the one it
    needs, a mark on a waived item. A sign-off is recorded under the body's name as the plan
    spells it, for the item's current ``version``.

    Once recorded, when the subject's effective status (its latest entry by when it happened,
    else the plan's) changed, the hook ``venue_ready_status_changed(event, item, old, new,
    entry)`` is called for every plugin; a plugin that raises is recorded in
    ``plugins.failures`` and does not undo the entry.
    """
    if plugins is None:
        from .plugins import get_plugin_manager

        plugins = get_plugin_manager()
    now = now if now is not None else datetime.now(UTC)
    status_text = status.value if isinstance(status, Status) else status
    problems = check_mark(
        event,
        subject,
        status_text,
        by=by,
        at=at,
        progress=progress,
        signed_off_by=signed_off_by,
        plugins=plugins,
        event_file=event_file,
        now=now,
    )
    if problems:
        raise JournalError(problems)
    journal.check_event(event, event_file=event_file)
    if journal.event_id is None:
        with journal._write():
            journal._bind(event)

    item = _find_item(event, subject)
    old = _effective_status(journal, subject, item)
    entry = journal.append(
        subject,
        status_text,
        by=by or "",
        at=at,
        progress=progress,
        note=note,
        evidence=evidence,
        signed_off_by=item.requires_signoff if item is not None and signed_off_by else None,
        version=item.version if item is not None and signed_off_by else None,
        recorded_at=now,
    )
    new = _effective_status(journal, subject, item)
    if new is not None and new != old:
        for name, _result, exc in plugins.call_each(
            "venue_ready_status_changed", event=event, item=item, old=old, new=new, entry=entry
        ):
            if exc is not None:
                plugins.record_failure(name, "status_changed", exc)
    return entry


def _find_item(event: Event, subject: str) -> Item | None:
    for plan in event.areas:
        for item in plan.items:
            if item.id == subject:
                return item
    return None


def _effective_status(journal: Journal, subject: str, item: Item | None) -> Status | None:
    """The subject's status as replay sees it with every entry: its latest entry by when it
    happened, else the plan's (None for an area subject never reported)."""
    history = journal.entries(subject=subject)
    if history:
        return history[-1].status
    return item.status if item is not None else None
