"""Where a journal is: a path, ``sqlite:///PATH``, or a ``postgresql://`` URL and the name of
one of the database's journals.

Pure text: nothing here opens anything or imports a database driver, so the command line can
tell a path from a URL before it decides what to import.
"""

from __future__ import annotations

import os
import re

import attrs

from .._errors import Problem
from .entries import JournalError

__all__ = ["NAME_PARAMETER", "Location", "is_server_url", "is_url", "mask_password"]

#: The URL parameter that names one of a database's journals (taken off before the URL is given
#: to libpq, which would refuse it).
NAME_PARAMETER = "journal"
#: The schemes of a PostgreSQL journal's URL (libpq accepts both).
POSTGRES_SCHEMES = ("postgresql", "postgres")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*)://")
#: A journal's name: a PostgreSQL schema is named after it, within PostgreSQL's 63 bytes.
MAX_NAME_BYTES = 50


def is_url(target: str | os.PathLike[str]) -> bool:
    """Whether ``target`` is a URL (``scheme://…``) rather than a path."""
    return isinstance(target, str) and _SCHEME.match(target) is not None


def is_server_url(target: str | os.PathLike[str]) -> bool:
    """Whether ``target`` is a ``postgresql://`` (``postgres://``) URL."""
    found = _SCHEME.match(target) if isinstance(target, str) else None
    return found is not None and found.group(1).lower() in POSTGRES_SCHEMES


@attrs.frozen
class Location:
    """Where a journal is.

    :param kind: ``sqlite`` or ``postgresql``.
    :param target: the SQLite file's path, or the URL handed to libpq (without ``journal=``).
    :param name: the journal's name in a PostgreSQL database (None for SQLite).
    :param shown: how messages name it: the path, or the URL with its password masked and the
        journal's name.
    :param password: the URL's password, to take out of any message a server sends back.
    """

    kind: str
    target: str
    name: str | None
    shown: str
    password: str | None = attrs.field(default=None, repr=False)

    @classmethod
    def parse(cls, target: str | os.PathLike[str], *, name: str | None = None) -> Location:
        """The location ``target`` gives: a path (any ``os.PathLike``, or text that is no URL),
        ``sqlite:///PATH`` (``sqlite:////srv/j.sqlite`` is absolute, as SQLAlchemy reads it),
        or a ``postgresql://`` URL whose ``journal`` parameter (else ``name``) names the
        journal.

        :raises JournalError: for another scheme, a URL that names no journal, or a name that
            is blank or too long.
        """
        if not is_url(target):
            path = os.fspath(target)
            return cls("sqlite", path, None, path)
        text = str(target)
        scheme = text.split("://", 1)[0].lower()
        if scheme == "sqlite":
            rest = text[len("sqlite://") :]
            if not rest.startswith("/") or rest == "/":
                raise _bad(text, "journal.bad-sqlite-url")
            from urllib.parse import unquote

            path = unquote(rest[1:])
            return cls("sqlite", path, None, path)
        if scheme not in POSTGRES_SCHEMES:
            raise _bad(mask_password(text), "journal.bad-scheme", scheme=scheme)
        return _postgres(text, name)


def _postgres(url: str, default_name: str | None) -> Location:
    from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

    try:
        parts = urlsplit(url)
        password = parts.password
        netloc = parts.netloc
    except ValueError:  # a port that is no number, an unbalanced [
        raise _bad(mask_password(url), "journal.bad-url") from None
    query = parse_qsl(parts.query, keep_blank_values=True)
    names = [value for key, value in query if key == NAME_PARAMETER]
    kept = [(key, value) for key, value in query if key != NAME_PARAMETER]
    name = names[-1] if names else default_name
    hidden = mask_password(urlunsplit(parts._replace(query="", fragment="")))
    if name is None or not name.strip():
        raise _bad(hidden, "journal.no-name")
    if len(name.encode("utf-8")) > MAX_NAME_BYTES or "\x00" in name:
        raise _bad(hidden, "journal.bad-name", name=name[:80], limit=MAX_NAME_BYTES)
    handed = urlunsplit(parts._replace(netloc=netloc, query=urlencode(kept), fragment=""))
    shown_query = urlencode([*kept, (NAME_PARAMETER, name)])
    shown = mask_password(urlunsplit(parts._replace(query=shown_query, fragment="")))
    password = password or dict(query).get("password")
    return Location("postgresql", handed, name, shown, password or None)


def mask_password(url: str) -> str:
    """``url`` with its password masked: between ``user:`` and ``@``, and a ``password=``
    parameter."""
    url = re.sub(r"^([A-Za-z][A-Za-z0-9+.\-]*://[^/@:]*):[^/@]*@", r"\1:***@", url)
    return re.sub(r"([?&]password=)[^&#]*", r"\1***", url)


def _bad(shown: str, message_id: str, **params: object) -> JournalError:
    return JournalError([Problem.of((), message_id, file=shown, **params)])
