"""Who may do what on the server: accounts, their roles and scopes, one-time sign-in links,
passwords and API tokens, and the failed sign-ins that slow a guesser down.

Everything lives in an *access store*. :class:`AccessStore` is the interface the web app and
the ``venue-ready access`` command use; :class:`SQLiteAccessStore` keeps it in one SQLite file
under the served folder (``DIR/.venue-ready/access.sqlite``: a hidden folder, which the
roll-up's discovery of event files skips). A PostgreSQL store can follow behind the same
interface.

Secrets are never stored as given: passwords are hashed with Argon2 (argon2-cffi, imported only
when a password is set or checked), and one-time links and API tokens, which are long random
strings, by SHA-256 (a slow hash adds nothing to 256 random bits). This module does not import
the web framework: the command line manages accounts without it.
"""

from __future__ import annotations

import fnmatch
import hashlib
import json
import os
import secrets
import sqlite3
import threading
import time
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, Protocol

from attrs import frozen

__all__ = [
    "ACCESS_FILE",
    "FAILURE_WINDOW",
    "MAX_FAILURES_PER_ACCOUNT",
    "MAX_FAILURES_PER_ADDRESS",
    "ROLES",
    "AccessError",
    "AccessStore",
    "Account",
    "SQLiteAccessStore",
    "account_dict",
    "open_access",
    "parse_list",
    "scope_matches",
]

#: Where the access store sits, relative to the served folder.
ACCESS_FILE = os.path.join(".venue-ready", "access.sqlite")
#: The roles: an organiser owns events, a team records within its scope, a reviewer reads.
ROLES = ("organiser", "team", "reviewer")
#: Failed sign-ins counted over this many seconds...
FAILURE_WINDOW = 15 * 60
#: ...refuse further tries for one account from one address after this many,
MAX_FAILURES_PER_ACCOUNT = 5
#: ...and any try from one address after this many (a guesser going through the accounts).
MAX_FAILURES_PER_ADDRESS = 20
#: A one-time link is good for this many hours unless the organiser says otherwise.
LINK_HOURS = 72


class AccessError(ValueError):
    """A request to the access store that cannot be met: an unknown role or account, an
    account that exists already, an account with no event. ``code`` is a message id of the
    core catalog (``server.access.*``), ``params`` its parameters."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(f"{code}: {params}")
        self.code = code
        self.params = params


def scope_matches(pattern: str, subject: str, area: str | None) -> bool:
    """Whether a team's scope ``pattern`` covers ``subject`` (of area ``area``): the subject
    itself (``security.plan``), its area's key (``security`` covers the area's items and every
    ``security:…`` subject), or a shell pattern (``security:gate-*``, ``broadcast:*``)."""
    if pattern == subject or (area is not None and pattern == area):
        return True
    if any(c in pattern for c in "*?["):
        return fnmatch.fnmatchcase(subject, pattern)
    return False


@frozen
class Account:
    """One account: its ``name`` (the team's name, written as ``by`` in the journal), its
    ``role`` (one of :data:`ROLES`), the ids of the ``events`` it works on (an organiser's and a
    team's event, a reviewer's wards), and a team's ``scopes`` (see :func:`scope_matches`)."""

    name: str
    role: str
    events: tuple[str, ...]
    scopes: tuple[str, ...] = ()

    def may_read(self, event_id: str) -> bool:
        """Whether the account may see the event's board, items and reports."""
        return event_id in self.events

    def may_manage(self, event_id: str) -> bool:
        """Whether the account may create teams and links for the event: its organiser."""
        return self.role == "organiser" and event_id in self.events

    def may_record(self, event_id: str, subject: str, area: str | None) -> bool:
        """Whether the account may record a mark on ``subject`` (of ``area``) of the event: its
        organiser, or a team whose scope covers the subject. A reviewer never."""
        if event_id not in self.events:
            return False
        if self.role == "organiser":
            return True
        if self.role == "team":
            return any(scope_matches(p, subject, area) for p in self.scopes)
        return False


class AccessStore(Protocol):
    """What the server and the command line ask of an access store."""

    def secret(self, name: str) -> str:
        """A random secret kept in the store (made on first use): the session's and the CSRF
        token's signing keys, stable across restarts."""
        ...

    def add(self, account: Account) -> None:
        """Create ``account``; :class:`AccessError` when the name is taken."""
        ...

    def get(self, name: str) -> Account | None:
        """The account called ``name``, or None."""
        ...

    def accounts(self) -> list[Account]:
        """Every account, by name."""
        ...

    def remove(self, name: str) -> bool:
        """Delete an account with its links and tokens; whether it existed."""
        ...

    def set_password(self, name: str, password: str) -> None:
        """Set the account's password (hashed with Argon2)."""
        ...

    def check_password(self, name: str, password: str) -> Account | None:
        """The account, when ``password`` is its password; None otherwise."""
        ...

    def issue_link(self, name: str, hours: float = LINK_HOURS) -> str:
        """A new one-time sign-in token for the account, good for ``hours``."""
        ...

    def redeem_link(self, token: str) -> Account | None:
        """The account a one-time token signs in, using the token up; None for a token that is
        unknown, used or expired."""
        ...

    def issue_token(self, name: str) -> str:
        """A new API token for the account (replacing its previous one)."""
        ...

    def account_for_token(self, token: str) -> Account | None:
        """The account an API token belongs to, or None."""
        ...

    def too_many_failures(self, name: str, address: str) -> bool:
        """Whether sign-ins for ``name`` from ``address`` are refused for now."""
        ...

    def note_failure(self, name: str, address: str) -> None:
        """Count a failed sign-in."""
        ...

    def clear_failures(self, name: str, address: str) -> None:
        """Forget the failed sign-ins of ``name`` from ``address`` (after a good one)."""
        ...


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


_SCHEMA = """
CREATE TABLE IF NOT EXISTS accounts (
    name TEXT PRIMARY KEY,
    role TEXT NOT NULL,
    events TEXT NOT NULL,
    scopes TEXT NOT NULL,
    password TEXT,
    token TEXT UNIQUE
);
CREATE TABLE IF NOT EXISTS links (
    digest TEXT PRIMARY KEY,
    account TEXT NOT NULL REFERENCES accounts(name) ON DELETE CASCADE,
    expires REAL NOT NULL,
    used REAL
);
CREATE TABLE IF NOT EXISTS failures (
    account TEXT NOT NULL,
    address TEXT NOT NULL,
    at REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS failures_by_address ON failures (address, at);
CREATE TABLE IF NOT EXISTS secrets (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
"""


class SQLiteAccessStore:
    """The access store in one SQLite file (see :class:`AccessStore`). One connection, used
    under a lock: the web app's worker threads share it; each call is its own transaction."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._conn = sqlite3.connect(
            self.path, timeout=10, isolation_level=None, check_same_thread=False
        )
        self._conn.execute("PRAGMA foreign_keys = ON")
        self._conn.executescript(_SCHEMA)
        # the hashes and secrets are for this server's user only
        os.chmod(self.path, 0o600)

    def close(self) -> None:
        """Close the file."""
        self._conn.close()

    def _write(self, sql: str, params: Iterable[Any] = ()) -> int:
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                count = self._conn.execute(sql, tuple(params)).rowcount
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")
            return count

    def _read(self, sql: str, params: Iterable[Any] = ()) -> list[tuple[Any, ...]]:
        with self._lock:
            return list(self._conn.execute(sql, tuple(params)))

    def secret(self, name: str) -> str:
        """See :meth:`AccessStore.secret`."""
        self._write(
            "INSERT OR IGNORE INTO secrets (name, value) VALUES (?, ?)",
            (name, secrets.token_urlsafe(48)),
        )
        return str(self._read("SELECT value FROM secrets WHERE name = ?", (name,))[0][0])

    def add(self, account: Account) -> None:
        """See :meth:`AccessStore.add`."""
        if account.role not in ROLES:
            raise AccessError("server.access.bad-role", role=account.role, roles=", ".join(ROLES))
        if not account.name.strip():
            raise AccessError("server.access.no-name")
        if not account.events:
            raise AccessError("server.access.no-event", name=account.name)
        try:
            self._write(
                "INSERT INTO accounts (name, role, events, scopes) VALUES (?, ?, ?, ?)",
                (
                    account.name,
                    account.role,
                    json.dumps(list(account.events)),
                    json.dumps(list(account.scopes)),
                ),
            )
        except sqlite3.IntegrityError:
            raise AccessError("server.access.exists", name=account.name) from None

    @staticmethod
    def _account(row: tuple[Any, ...]) -> Account:
        return Account(row[0], row[1], tuple(json.loads(row[2])), tuple(json.loads(row[3])))

    def get(self, name: str) -> Account | None:
        """See :meth:`AccessStore.get`."""
        rows = self._read("SELECT name, role, events, scopes FROM accounts WHERE name = ?", (name,))
        return self._account(rows[0]) if rows else None

    def accounts(self) -> list[Account]:
        """See :meth:`AccessStore.accounts`."""
        rows = self._read("SELECT name, role, events, scopes FROM accounts ORDER BY name")
        return [self._account(r) for r in rows]

    def remove(self, name: str) -> bool:
        """See :meth:`AccessStore.remove`."""
        return self._write("DELETE FROM accounts WHERE name = ?", (name,)) > 0

    def _require(self, name: str) -> None:
        if self.get(name) is None:
            raise AccessError("server.access.unknown", name=name)

    def set_password(self, name: str, password: str) -> None:
        """See :meth:`AccessStore.set_password`."""
        self._require(name)
        if len(password) < 8:
            raise AccessError("server.access.short-password", count=8)
        hashed = _hasher().hash(password)
        self._write("UPDATE accounts SET password = ? WHERE name = ?", (hashed, name))

    def check_password(self, name: str, password: str) -> Account | None:
        """See :meth:`AccessStore.check_password`."""
        rows = self._read("SELECT password FROM accounts WHERE name = ?", (name,))
        hasher = _hasher()
        if not rows or rows[0][0] is None:
            # as slow as a real check, so that the answer's time does not say which names exist
            _verify(hasher, _DUMMY_HASH.get(hasher), password)
            return None
        if not _verify(hasher, rows[0][0], password):
            return None
        if hasher.check_needs_rehash(rows[0][0]):
            self._write(
                "UPDATE accounts SET password = ? WHERE name = ?", (hasher.hash(password), name)
            )
        return self.get(name)

    def issue_link(self, name: str, hours: float = LINK_HOURS) -> str:
        """See :meth:`AccessStore.issue_link`."""
        self._require(name)
        token = secrets.token_urlsafe(32)
        self._write(
            "INSERT INTO links (digest, account, expires) VALUES (?, ?, ?)",
            (_digest(token), name, time.time() + hours * 3600),
        )
        return token

    def redeem_link(self, token: str) -> Account | None:
        """See :meth:`AccessStore.redeem_link`."""
        now = time.time()
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                rows = list(
                    self._conn.execute(
                        "SELECT account FROM links WHERE digest = ? AND used IS NULL"
                        " AND expires > ?",
                        (_digest(token), now),
                    )
                )
                if rows:
                    self._conn.execute(
                        "UPDATE links SET used = ? WHERE digest = ?", (now, _digest(token))
                    )
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")
        return self.get(rows[0][0]) if rows else None

    def issue_token(self, name: str) -> str:
        """See :meth:`AccessStore.issue_token`."""
        self._require(name)
        token = secrets.token_urlsafe(32)
        self._write("UPDATE accounts SET token = ? WHERE name = ?", (_digest(token), name))
        return token

    def account_for_token(self, token: str) -> Account | None:
        """See :meth:`AccessStore.account_for_token`."""
        rows = self._read(
            "SELECT name, role, events, scopes FROM accounts WHERE token = ?", (_digest(token),)
        )
        return self._account(rows[0]) if rows else None

    def too_many_failures(self, name: str, address: str) -> bool:
        """See :meth:`AccessStore.too_many_failures`."""
        since = time.time() - FAILURE_WINDOW
        pair = self._read(
            "SELECT count(*) FROM failures WHERE account = ? AND address = ? AND at > ?",
            (name, address, since),
        )[0][0]
        everyone = self._read(
            "SELECT count(*) FROM failures WHERE address = ? AND at > ?", (address, since)
        )[0][0]
        return bool(pair >= MAX_FAILURES_PER_ACCOUNT or everyone >= MAX_FAILURES_PER_ADDRESS)

    def note_failure(self, name: str, address: str) -> None:
        """See :meth:`AccessStore.note_failure`."""
        now = time.time()
        self._write("DELETE FROM failures WHERE at <= ?", (now - FAILURE_WINDOW,))
        self._write(
            "INSERT INTO failures (account, address, at) VALUES (?, ?, ?)", (name, address, now)
        )

    def clear_failures(self, name: str, address: str) -> None:
        """See :meth:`AccessStore.clear_failures`."""
        self._write("DELETE FROM failures WHERE account = ? AND address = ?", (name, address))


def _hasher() -> Any:
    from .._errors import import_extra

    argon2 = import_extra("argon2", feature="passwords", extra="server", package="argon2-cffi")
    return argon2.PasswordHasher()


def _verify(hasher: Any, hashed: str, password: str) -> bool:
    from argon2.exceptions import InvalidHashError, VerificationError

    try:
        return bool(hasher.verify(hashed, password))
    except (VerificationError, InvalidHashError):
        return False


class _Dummy:
    """One Argon2 hash of a random password, made once, checked against when the account has
    no password: the refusal then costs what a real check costs."""

    def __init__(self) -> None:
        self._hash: str | None = None

    def get(self, hasher: Any) -> str:
        if self._hash is None:
            self._hash = str(hasher.hash(secrets.token_urlsafe(16)))
        return self._hash


_DUMMY_HASH = _Dummy()


def open_access(root: str | os.PathLike[str]) -> SQLiteAccessStore:
    """The access store of the folder ``root`` serves (created when missing)."""
    return SQLiteAccessStore(Path(root) / ACCESS_FILE)


def parse_list(values: Iterable[str] | None) -> tuple[str, ...]:
    """Comma- or space-separated values given once or many times, each once, in order."""
    out: dict[str, None] = {}
    for value in values or ():
        for part in value.replace(",", " ").split():
            out.setdefault(part, None)
    return tuple(out)


def account_dict(account: Account) -> Mapping[str, Any]:
    """The account as the JSON API shows it."""
    return {
        "name": account.name,
        "role": account.role,
        "events": list(account.events),
        "scopes": list(account.scopes),
    }
