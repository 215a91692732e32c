"""The journal behind one interface: :class:`Journal`, what every caller uses, over a
:class:`Backend` that stores it, chosen by :func:`open_journal` from where the journal is.

- a path, or ``sqlite:///PATH``: a SQLite file (:mod:`.sqlite_backend`), the embedded default,
  beside the event file;
- ``postgresql://…`` (or ``postgres://…``): a journal in a PostgreSQL database
  (:mod:`.postgres_backend`, on psycopg 3, the extra ``postgres``), where a district keeps the
  journals of many wards, each under its own name (the event's id by default).

Both store the same rows (times as UTC ISO 8601 text with microseconds, so they sort as text)
and give the same guarantees: a journal belongs to one event, idempotency keys are unique,
every write is one transaction that waits for the others, readers never write, damaged rows
are refused by number. Neither sqlite3 nor psycopg is imported until a journal is opened, so
that importing the package stays light.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from contextlib import AbstractContextManager
from datetime import UTC, datetime, tzinfo
from typing import TYPE_CHECKING, Any, Protocol, Unpack

import attrs

from .._errors import Problem
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
from .sqlite_backend import _MIGRATIONS as _MIGRATIONS  # noqa: PLC0414 - for tests of old layouts
from .sqlite_backend import _SCHEMA_V1 as _SCHEMA_V1  # noqa: PLC0414
from .sqlite_backend import BUSY_TIMEOUT, SCHEMA_VERSION, SUFFIX

if TYPE_CHECKING:
    from pathlib import Path

__all__ = [
    "BUSY_TIMEOUT",
    "SCHEMA_VERSION",
    "SUFFIX",
    "Backend",
    "Journal",
    "copy_journal",
    "default_journal_name",
    "default_journal_path",
    "open_journal",
]


class Backend(Protocol):
    """Where a :class:`Journal` keeps its rows: one connection to a SQLite file or to a
    PostgreSQL database, and the SQL both understand.

    The SQL :class:`Journal` runs is written once, for both: ``?`` for a parameter (PostgreSQL's
    backend turns it into its own), tables ``entries`` (the :data:`~.entries.COLUMNS`) and
    ``meta`` (``key``, ``value``). Each backend raises :class:`JournalError` for what the user
    must fix (no such journal, not a journal, a newer layout, a server that cannot be reached).
    """

    #: The journal's file, for a SQLite journal; None for one in a database server.
    path: Path | None
    #: How messages name the journal: its file, or its URL without the password.
    location: str
    #: True when opened read-only: a snapshot, never written.
    readonly: bool

    def rows(self, sql: str, args: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """Every row ``sql`` selects."""

    def one(self, sql: str, args: Sequence[Any] = ()) -> tuple[Any, ...] | None:
        """The first row ``sql`` selects, or None."""

    def execute(self, sql: str, args: Sequence[Any] = ()) -> None:
        """Run ``sql`` (inside :meth:`transaction`)."""

    def insert(self, columns: Sequence[str], values: Sequence[Any]) -> int:
        """Insert one entry (inside :meth:`transaction`); return its ``seq``, one more than
        the journal's last."""

    def transaction(self) -> AbstractContextManager[None]:
        """One write transaction, all or nothing, that waits for any other writer of the same
        journal to finish first (so that what it reads stays true until it commits)."""

    def close(self) -> None:
        """Close the connection; what was committed stays."""


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
    path: str | os.PathLike[str],
    *,
    create: bool = True,
    readonly: bool = False,
    name: str | None = None,
) -> Journal:
    """Open the journal at ``path``; with ``create`` (the default), make it when it is missing.

    ``path`` is a file (or ``sqlite:///PATH``: SQLAlchemy's form, so ``sqlite:////srv/j.sqlite``
    is absolute) for a SQLite journal, or a ``postgresql://`` (``postgres://``) URL for one in a
    PostgreSQL database: libpq's URL, plus ``journal=NAME`` among its parameters for which of
    the database's journals (``name`` when the URL has none; the CLI gives the event's id).
    A PostgreSQL journal needs psycopg (``pip install 'venue-ready[postgres]'``); the first
    writer creates its tables.

    With ``readonly``, the journal is read, never written (``create`` is then ignored): the
    :class:`Journal` holds a consistent snapshot of it, taken at once without a lock that would
    make a writer wait and without creating anything (for SQLite, a private copy of the file,
    made without creating any file beside it), so a report can be made while teams are marking,
    by someone who may not write, and leaves nothing behind that could stop the owner's next
    ``mark``. A journal of an older layout is read as the current layout; it is migrated by the
    next writer.

    Raises :class:`JournalError` when the journal is missing (and ``create`` is false), is not a
    venue_ready journal, or was written by a newer venue_ready; for a URL that names no journal
    or no backend, a server that cannot be reached, a database that does not exist or a
    password refused (never showing the password). A journal of an older layout is migrated in
    place, in one transaction.
    """
    from .locations import Location

    where = Location.parse(path, name=name)
    backend: Backend
    if where.kind == "postgresql":
        from .postgres_backend import open_postgres

        backend = open_postgres(where, create=create, readonly=readonly)
    else:
        from pathlib import Path

        from .sqlite_backend import open_sqlite

        backend = open_sqlite(Path(where.target), create=create, readonly=readonly)
    return Journal(backend)


class Journal:
    """An open status journal. Use :func:`open_journal` to get one; close it (or use it as a
    context manager) when done."""

    def __init__(self, backend: Backend) -> None:
        self._db = backend
        #: The journal's file (SQLite); None for a journal in a database server.
        self.path: Path | None = backend.path
        #: How messages name the journal: its file, or its URL (without the password and with
        #: the journal's name).
        self.location: str = backend.location
        #: True when opened with ``readonly``: appending and importing raise.
        self.readonly: bool = backend.readonly

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()  # whatever ended the block: the journal keeps what it committed

    def close(self) -> None:
        """Close the file (or the connection). Entries already appended are kept whatever
        happens next."""
        self._db.close()

    def __len__(self) -> int:
        row = self._db.one("SELECT count(*) FROM entries")
        return int(row[0]) if row is not None else 0

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
        row = self._db.one("SELECT value FROM meta WHERE key = ?", (key,))
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
            self._db.execute(
                "INSERT INTO meta (key, value) VALUES ('event_id', ?) ON CONFLICT (key) DO NOTHING",
                (event.id,),
            )
            self._refuse_other(self.event_id, event, event_file)  # rolls back
            # the zone follows the event file: an event moved to another zone shows its
            # entries in the new one
            self._db.execute(
                "INSERT INTO meta (key, value) VALUES ('timezone', ?)"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (event.timezone,),
            )

    def _refuse_other(self, bound: str | None, event: Event, event_file: str | None) -> None:
        if bound is not None and bound != event.id:
            raise JournalError(
                [
                    Problem.of(
                        (),
                        "journal.other-event",
                        file=self.location,
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
        where = self.location
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

    def _write(self) -> AbstractContextManager[None]:
        if self.readonly:
            raise ValueError(f"{self.location} is open read-only")
        return self._db.transaction()

    def _insert(self, entry: JournalEntry, *, inserted_at: datetime | None = None) -> JournalEntry:
        """Insert ``entry``; return it with its ``seq`` and ``inserted_at`` (now, unless a copy
        keeps the moment the entry was written into the journal it comes from)."""
        row = to_row(entry)
        # inserted_at: taken inside the write transaction, after any wait for the lock, so
        # that "what the journal held at K" is exact
        inserted = datetime.fromisoformat(stamp(inserted_at or datetime.now(UTC)))
        columns = (*FIELDS, "inserted_at")
        seq = self._db.insert(columns, [*(row[name] for name in FIELDS), stamp(inserted)])
        return attrs.evolve(entry, seq=seq, inserted_at=inserted)

    def _with_key(self, key: str) -> JournalEntry | None:
        row = self._db.one(f"SELECT {', '.join(COLUMNS)} FROM entries WHERE key = ?", (key,))
        return read_row(row, file=self.location) if row is not None else None

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
        file = self.location
        rows = self._db.rows(sql, args)
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
        with self._write():
            return self._add([(line_of(file, line), entry) for line, entry in entries])

    def _add(
        self, entries: Sequence[tuple[str, JournalEntry]], *, keep_inserted: bool = False
    ) -> tuple[int, int]:
        """Add ``entries`` (each with where it comes from, for problems) inside the open write
        transaction: (added, already there), or JournalError listing every conflict. With
        ``keep_inserted``, each keeps its ``inserted_at`` (a copy); else it is now."""
        problems: list[Problem] = []
        added = skipped = 0
        for where, entry in entries:
            known = self._db.one(
                f"SELECT {', '.join(COLUMNS)} FROM entries WHERE uid = ?", (entry.uid,)
            )
            keyed = self._with_key(entry.key) if entry.key is not None else None
            if known is None and keyed is None:
                self._insert(entry, inserted_at=entry.inserted_at if keep_inserted else None)
                added += 1
            elif known is None and keyed is not None:
                # the same report under another uid (recorded in two journals, say):
                # already here when it reports the same, else the key is taken
                if report_fields(keyed) == report_fields(entry):
                    skipped += 1
                else:
                    problems.append(_key_conflict(entry.key or "", keyed, where))
            elif known is not None and to_row(from_row(known)) == to_row(entry):
                skipped += 1
            else:
                problems.append(
                    Problem.of(("uid",), "journal.uid-conflict", file=where, uid=entry.uid)
                )
        if problems:
            raise JournalError(problems)  # rolls the whole transaction back
        return added, skipped


def _indexed(problems: Sequence[Problem], index: int, indexed: bool) -> list[Problem]:
    """``problems`` of the mark ``marks[index]`` of a batch: their paths start there."""
    if not indexed:
        return list(problems)
    return [attrs.evolve(p, path=("marks", index, *p.path)) for p in problems]


def _key_conflict(key: str, known: JournalEntry, file: str) -> Problem:
    return Problem.of(("key",), "journal.key-conflict", file=file, key=key, seq=known.seq)


def copy_journal(source: Journal, target: Journal) -> tuple[int, int]:
    """Copy every entry of ``source`` into ``target`` (another backend, or another file) without
    loss: every field, ``uid``, ``key``, and the moments each entry was recorded and written
    (``inserted_at``, so that ``--known-at`` reproduces on ``target`` what it did on
    ``source``); ``target`` is bound to ``source``'s event (and time zone). Returns (added,
    already there).

    Idempotent: an entry whose ``uid`` is already in ``target`` with the same content is
    skipped, so copying twice adds nothing. All or nothing: one write transaction on
    ``target``; :class:`JournalError` for a ``target`` bound to another event, a ``uid`` or a
    key ``target`` holds with other content, or a damaged row of ``source`` (named by number).
    Copied into an empty journal, entries keep their ``seq``.
    """
    entries = sorted(source.entries(), key=lambda e: e.seq if e.seq is not None else 0)
    bound, zone = source.event_id, source.timezone
    with target._write():
        if bound is not None:
            target._db.execute(
                "INSERT INTO meta (key, value) VALUES ('event_id', ?) ON CONFLICT (key) DO NOTHING",
                (bound,),
            )
            held = target._meta("event_id")
            if held != bound:
                raise JournalError(
                    [
                        Problem.of(
                            (),
                            "journal.other-event",
                            file=target.location,
                            bound=held,
                            event=bound,
                            event_file=source.location,
                        )
                    ]
                )  # rolls back
            if zone is not None:
                target._db.execute(
                    "INSERT INTO meta (key, value) VALUES ('timezone', ?)"
                    " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    (zone,),
                )
        where = source.location
        return target._add([(f"{where}#{e.seq}", e) for e in entries], keep_inserted=True)
