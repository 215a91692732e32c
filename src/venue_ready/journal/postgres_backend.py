"""The PostgreSQL backend (psycopg 3): the journals of many events in one database, each in
a schema of its own named after the journal (``venue_ready:NAME``; the event's id by default).

A district runs one server and its wards' journals live side by side; a schema per journal
keeps each journal's rows, its ``seq`` and its idempotency keys its own, with the same tables
(``entries``, ``meta``) and the same SQL as a SQLite journal. Times are stored as the same UTC
ISO 8601 text, in the ``C`` collation, so that they sort as text exactly as SQLite sorts them.

- The first writer creates the schema, under an advisory lock (two first writers at once
  create it once); its layout's version is in ``meta`` (``layout``): a newer one is refused.
- Every write is one transaction that first locks the journal's tables against other writers
  (``EXCLUSIVE``: readers go on reading), as SQLite's ``BEGIN IMMEDIATE`` does, so a ``seq``
  is one more than the last, without gaps, and a key is checked and recorded in one step.
- A reader holds one ``REPEATABLE READ READ ONLY`` transaction from the moment it opens the
  journal: one consistent snapshot, no lock a writer waits for, nothing written.

psycopg is imported only when a PostgreSQL journal is opened; without it, the message names
the extra to install (``venue-ready[postgres]``).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from .._errors import Problem
from .entries import JournalError

if TYPE_CHECKING:
    from pathlib import Path

    import psycopg

    from .locations import Location

__all__ = ["LAYOUT_VERSION", "SCHEMA_PREFIX", "PostgresBackend", "open_postgres", "schema_name"]

#: The layout of a PostgreSQL journal this version writes. History: 1, the first (the same
#: entries and meta as SQLite's layout 4).
LAYOUT_VERSION = 1
#: A journal's schema is this prefix and its name: ``venue_ready:ngoc-thuy-2020``.
SCHEMA_PREFIX = "venue_ready:"
#: How long to wait for the server to answer a connection, in seconds.
CONNECT_TIMEOUT = 10

# {schema} is the journal's schema, quoted. "C": times and subjects sort byte by byte, as
# SQLite sorts text; DOUBLE PRECISION: SQLite's REAL is 8 bytes, PostgreSQL's 4.
_LAYOUT = (
    "CREATE SCHEMA {schema}",
    """CREATE TABLE {schema}.entries (
    seq BIGINT PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    subject TEXT COLLATE "C" NOT NULL,
    status TEXT NOT NULL,
    progress DOUBLE PRECISION,
    by TEXT NOT NULL,
    recorded_at TEXT COLLATE "C" NOT NULL,
    happened_at TEXT COLLATE "C",
    note TEXT,
    evidence TEXT,
    signed_off_by TEXT,
    version TEXT,
    key TEXT UNIQUE,
    inserted_at TEXT COLLATE "C" NOT NULL
)""",
    "CREATE INDEX entries_subject ON {schema}.entries (subject)",
    "CREATE TABLE {schema}.meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    f"INSERT INTO {{schema}}.meta (key, value) VALUES ('layout', '{LAYOUT_VERSION}')",
)
#: The advisory lock the first writers of a database take to create a journal's schema once.
_CREATE_LOCK = 0x76656E7565  # "venue"


def schema_name(name: str) -> str:
    """The schema that holds the journal ``name``."""
    return SCHEMA_PREFIX + name


def open_postgres(
    where: Location, *, create: bool = True, readonly: bool = False
) -> PostgresBackend:
    """The journal ``where`` names, as :func:`~venue_ready.open_journal` describes it."""
    from .._errors import import_extra

    psycopg = import_extra(
        "psycopg", feature="a PostgreSQL journal", extra="postgres", package="psycopg[binary]"
    )
    assert where.name is not None  # Location.parse refuses a URL without one
    try:
        conn = psycopg.connect(where.target, autocommit=True, connect_timeout=CONNECT_TIMEOUT)
    except psycopg.Error as exc:
        raise _server_problem(exc, where, "journal.server-unreachable") from None
    except Exception as exc:  # libpq refuses a malformed URL with a ProgrammingError's kin
        raise _server_problem(exc, where, "journal.server-unreachable") from None
    backend = PostgresBackend(conn, where, readonly=readonly)
    try:
        backend.open(create=create and not readonly)
    except BaseException:
        backend.close()
        raise
    return backend


def _clean(text: str, where: Location) -> str:
    """A server's message, without the password (libpq does not repeat it, but a message
    quoting the URL would), on one line."""
    text = " ".join(str(text).split())
    if where.password:
        text = text.replace(where.password, "***")
    return text


def _server_problem(exc: BaseException, where: Location, message_id: str) -> JournalError:
    return JournalError(
        [Problem.of((), message_id, file=where.shown, error=_clean(str(exc), where))]
    )


class PostgresBackend:
    """The :class:`~venue_ready.journal.store.Backend` of a journal in a PostgreSQL database."""

    def __init__(self, conn: psycopg.Connection[Any], where: Location, *, readonly: bool) -> None:
        from psycopg import sql

        self._conn = conn
        self._where = where
        self.path: Path | None = None
        self.location = where.shown
        self.readonly = readonly
        assert where.name is not None
        self._schema = sql.Identifier(schema_name(where.name))

    # -- opening -------------------------------------------------------------------------------

    def open(self, *, create: bool) -> None:
        """Check (and with ``create``, build) the journal's layout; a reader then starts the
        snapshot it reads everything from."""
        import psycopg

        try:
            if self.readonly:
                self._conn.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
                if self._layout() is None:
                    raise JournalError([self._missing()])
            else:
                with self._conn.transaction():
                    if create:
                        # two first writers at once: one creates, the other then finds it
                        self._conn.execute("SELECT pg_advisory_xact_lock(%s)", (_CREATE_LOCK,))
                    if self._layout() is None:
                        if not create:
                            raise JournalError([self._missing()])
                        self._create()
            self._set_path()
        except psycopg.Error as exc:
            raise self._problem(exc) from None

    def _missing(self) -> Problem:
        return Problem.of((), "journal.missing-named", file=self.location, name=self._where.name)

    def _set_path(self) -> None:
        from psycopg import sql

        # the journal's tables by their plain names, as Journal's SQL (and SQLite's) names them
        self._conn.execute(sql.SQL("SET search_path TO {}").format(self._schema))

    def _layout(self) -> int | None:
        """The journal's layout version; None when there is no such journal. Raises for a schema
        that is no journal, or a newer layout."""
        name = schema_name(self._where.name or "")
        found = self._conn.execute(
            "SELECT count(*) FROM pg_namespace WHERE nspname = %s", (name,)
        ).fetchone()
        if not found or not found[0]:
            return None
        tables = self._conn.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = %s", (name,)
        ).fetchall()
        if {"entries", "meta"} - {row[0] for row in tables}:
            raise JournalError([Problem.of((), "journal.not-a-journal", file=self.location)])
        from psycopg import sql

        row = self._conn.execute(
            sql.SQL("SELECT value FROM {}.meta WHERE key = 'layout'").format(self._schema)
        ).fetchone()
        try:
            version = int(row[0]) if row is not None else 0
        except ValueError:
            version = 0
        if version < 1:
            raise JournalError([Problem.of((), "journal.not-a-journal", file=self.location)])
        if version > LAYOUT_VERSION:
            raise JournalError(
                [
                    Problem.of(
                        (),
                        "journal.newer-schema",
                        file=self.location,
                        found=version,
                        supported=LAYOUT_VERSION,
                    )
                ]
            )
        return version

    def _create(self) -> None:
        from psycopg import sql

        for statement in _LAYOUT:
            self._conn.execute(sql.SQL(statement).format(schema=self._schema))

    # -- the Backend ---------------------------------------------------------------------------

    def _problem(self, exc: BaseException) -> JournalError:
        import psycopg

        if isinstance(exc, psycopg.OperationalError) and self._conn.closed:
            return _server_problem(exc, self._where, "journal.server-unreachable")
        return _server_problem(exc, self._where, "journal.unreadable")

    @contextmanager
    def _errors(self) -> Iterator[None]:
        import psycopg

        try:
            yield
        except psycopg.Error as exc:
            raise self._problem(exc) from None

    @staticmethod
    def _sql(text: str) -> str:
        # Journal's SQL uses SQLite's "?"; it has no "%" or literal "?" of its own
        return text.replace("?", "%s")

    def rows(self, sql: str, args: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        with self._errors():
            return [tuple(row) for row in self._conn.execute(self._sql(sql), list(args))]

    def one(self, sql: str, args: Sequence[Any] = ()) -> tuple[Any, ...] | None:
        with self._errors():
            row = self._conn.execute(self._sql(sql), list(args)).fetchone()
        return tuple(row) if row is not None else None

    def execute(self, sql: str, args: Sequence[Any] = ()) -> None:
        with self._errors():
            self._conn.execute(self._sql(sql), list(args))

    def insert(self, columns: Sequence[str], values: Sequence[Any]) -> int:
        with self._errors():
            # under the transaction's lock: no other writer can take the same number
            row = self._conn.execute("SELECT coalesce(max(seq), 0) + 1 FROM entries").fetchone()
            seq = int(row[0]) if row is not None else 1
            marks = ", ".join(["%s"] * (len(columns) + 1))
            self._conn.execute(
                f"INSERT INTO entries (seq, {', '.join(columns)}) VALUES ({marks})",
                [seq, *values],
            )
        return seq

    @contextmanager
    def transaction(self) -> Iterator[None]:
        import psycopg

        try:
            with self._conn.transaction():
                # other writers wait here, readers go on: what this transaction reads stays
                # true until it commits
                self._conn.execute("LOCK TABLE entries, meta IN EXCLUSIVE MODE")
                yield
        except psycopg.Error as exc:
            raise self._problem(exc) from None

    def close(self) -> None:
        self._conn.close()  # a reader's snapshot ends with it; nothing was written
