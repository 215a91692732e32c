"""The ``[areas.documents.settings]`` table: its parse and its validator.

``parse`` is shared by the validator (called when an event file is loaded) and by the assess
hook, so both read the table the same way. It never raises: a wrong value is reported and
replaced by its default; a wrong document, comment or sign-off is reported and left out.
Every key is described in the package's README.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from venue_ready import Event, Problem, SettingsReader

from .template import (
    COMMENT_KINDS,
    DEFAULT_COMMENT_BODIES,
    DEFAULT_DOCUMENTS_LEAD_DAYS,
    DEFAULT_DOSSIERS_LEAD_DAYS,
    DEFAULT_STANDING_COMMITTEE,
    DEFAULT_STEERING_GROUP,
    KINDS,
    SIGNOFF_KINDS,
)

__all__ = [
    "KNOWN_KEYS",
    "MAX_COUNT",
    "MAX_DAYS",
    "Comment",
    "Config",
    "Document",
    "Dossiers",
    "SignOff",
    "parse",
    "validate",
    "version_key",
]

#: Upper bounds that keep date arithmetic and counts sane (a lead time of a million days is a
#: typing mistake, and would overflow a date).
MAX_DAYS = 366
MAX_COUNT = 100_000

KNOWN_KEYS = (
    "required_kinds",
    "comment_kinds",
    "comment_bodies",
    "signoff_kinds",
    "steering_group",
    "documents_lead_days",
    "standing_committee",
    "dossiers_lead_days",
    "documents",
    "dossiers",
)
DOCUMENT_KEYS = ("id", "kind", "title", "owner", "version", "due", "comments", "signed_off")
COMMENT_KEYS = ("body", "received", "notes")
SIGNOFF_KEYS = ("by", "at", "version")
DOSSIER_KEYS = ("expected", "count", "reported_on", "owner")


@dataclass(frozen=True, slots=True)
class Comment:
    """Comments on a draft from ``body``, received at ``received`` (None: not yet)."""

    body: str
    received: datetime | None = None


@dataclass(frozen=True, slots=True)
class SignOff:
    """``by`` signed off ``version`` of a document at ``at``."""

    by: str
    at: datetime
    version: str


@dataclass(frozen=True, slots=True)
class Document:
    """A congress document at its current ``version``; ``due`` None: the area's default."""

    id: str
    kind: str
    title: str
    version: str
    owner: str | None = None
    due: datetime | None = None
    comments: tuple[Comment, ...] = ()
    signed_off: SignOff | None = None


@dataclass(frozen=True, slots=True)
class Dossiers:
    """The personnel dossiers: ``count`` of ``expected`` reported at ``reported_on``."""

    expected: int
    count: int = 0
    reported_on: datetime | None = None
    owner: str | None = None


@dataclass(frozen=True, slots=True)
class Config:
    """The documents area's settings, parsed, with every default filled in."""

    required_kinds: tuple[str, ...] = KINDS
    comment_kinds: tuple[str, ...] = COMMENT_KINDS
    comment_bodies: tuple[str, ...] = DEFAULT_COMMENT_BODIES
    signoff_kinds: tuple[str, ...] = SIGNOFF_KINDS
    steering_group: str = DEFAULT_STEERING_GROUP
    documents_lead_days: int = DEFAULT_DOCUMENTS_LEAD_DAYS
    standing_committee: str = DEFAULT_STANDING_COMMITTEE
    dossiers_lead_days: int = DEFAULT_DOSSIERS_LEAD_DAYS
    documents: tuple[Document, ...] = ()
    dossiers: Dossiers | None = None


_VERSION = re.compile(r"\D*?(\d+(?:\.\d+)*)\D*")


def version_key(version: str) -> tuple[int, ...] | None:
    """A version's number as a tuple to compare ("3" → (3,), "v2.1" → (2, 1), "bản 4" → (4,)),
    or None when it has no number, or more than one."""
    found = _VERSION.fullmatch(version.strip())
    return tuple(int(part) for part in found.group(1).split(".")) if found else None


def _kinds(r: SettingsReader, key: str, default: tuple[str, ...]) -> tuple[str, ...]:
    """A list of document kinds; an unknown one is reported (with "did you mean") and left out."""
    values = r.strings(key, default)
    out: list[str] = []
    for value in values:
        if value in KINDS:
            if value not in out:
                out.append(value)
            continue
        hint = difflib.get_close_matches(value, KINDS, n=1, cutoff=0.6)
        if hint:
            r.problem(
                key,
                "documents.unknown-kind-hint",
                value=value,
                hint=hint[0],
                kinds=", ".join(KINDS),
            )
        else:
            r.problem(key, "documents.unknown-kind", value=value, kinds=", ".join(KINDS))
    return tuple(out)


def _version(r: SettingsReader, key: str = "version") -> str | None:
    """A version, written as a string or a whole number (``3`` and ``"3"`` are the same)."""
    value = r.raw(key)
    if value is None:
        r.problem(key, "load.missing-key", key=key)
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, str) and value.strip():
        return value.strip()
    r.problem(key, "documents.bad-version", value=str(value)[:40])
    return None


def _signoff(d: SettingsReader, current: str | None) -> SignOff | None:
    s = d.table("signed_off")
    if not s.is_table:
        return None
    s.known(*SIGNOFF_KEYS)
    by = s.text("by", required=True)
    at = s.instant("at", required=True, bare_date="start")
    version = _version(s)
    if version is not None and current is not None:
        signed, now = version_key(version), version_key(current)
        if signed is not None and now is not None and signed > now:
            s.problem("version", "documents.signoff-version-ahead", signed=version, current=current)
            version = None
    if by is None or at is None or version is None:
        return None
    return SignOff(by, at, version)


def _document(
    d: SettingsReader, ident: str | None, bodies: tuple[str, ...], event: Event | None
) -> Document | None:
    d.known(*DOCUMENT_KEYS)
    kind = d.one_of("kind", KINDS, required=True)
    title = d.text("title", required=True)
    owner = d.text("owner")
    version = _version(d)
    due = d.instant("due")
    if due is not None and event is not None and due > event.starts:
        d.problem("due", "documents.due-after-start", due=due, starts=event.starts)
        due = None
    comments: list[Comment] = []
    for c in d.tables("comments"):
        c.known(*COMMENT_KEYS)
        body = c.one_of("body", bodies, required=True) if bodies else c.text("body", required=True)
        received = c.instant("received", bare_date="start")
        c.text("notes")
        if body is not None:
            comments.append(Comment(body, received))
    signed_off = _signoff(d, version) if "signed_off" in d else None
    if ident is None or kind is None or title is None or version is None:
        return None
    return Document(ident, kind, title, version, owner, due, tuple(comments), signed_off)


def _dossiers(r: SettingsReader) -> Dossiers | None:
    t = r.table("dossiers")
    if not t.is_table:
        return None
    t.known(*DOSSIER_KEYS)
    expected = t.integer("expected", None, high=MAX_COUNT, required=True)
    count = t.integer("count", 0, high=MAX_COUNT)
    reported_on = t.instant("reported_on", bare_date="start")
    owner = t.text("owner")
    if expected is None:
        return None
    if count > expected:
        t.problem("count", "documents.count-above-expected", count=count, expected=expected)
        count = expected
    return Dossiers(expected, count, reported_on, owner)


def parse(settings: Mapping[str, Any], event: Event | None) -> tuple[Config, list[Problem]]:
    """The :class:`Config` the settings table describes, and every problem found in it.

    Never raises, whatever ``settings`` is. ``event`` may be None; with an event, a document
    due after the opening is a problem.
    """
    r = SettingsReader(settings, event)
    r.known(*KNOWN_KEYS)
    bodies = r.strings("comment_bodies", DEFAULT_COMMENT_BODIES)
    tables = r.tables("documents")
    documents = [
        _document(d, ident, bodies, event)
        for d, ident in zip(tables, r.unique(tables), strict=True)
    ]
    config = Config(
        required_kinds=_kinds(r, "required_kinds", KINDS),
        comment_kinds=_kinds(r, "comment_kinds", COMMENT_KINDS),
        comment_bodies=tuple(dict.fromkeys(bodies)),
        signoff_kinds=_kinds(r, "signoff_kinds", SIGNOFF_KINDS),
        steering_group=r.text("steering_group", DEFAULT_STEERING_GROUP) or DEFAULT_STEERING_GROUP,
        documents_lead_days=r.integer(
            "documents_lead_days", DEFAULT_DOCUMENTS_LEAD_DAYS, high=MAX_DAYS
        ),
        standing_committee=(
            r.text("standing_committee", DEFAULT_STANDING_COMMITTEE) or DEFAULT_STANDING_COMMITTEE
        ),
        dossiers_lead_days=r.integer(
            "dossiers_lead_days", DEFAULT_DOSSIERS_LEAD_DAYS, high=MAX_DAYS
        ),
        documents=tuple(d for d in documents if d is not None),
        dossiers=_dossiers(r) if "dossiers" in r else None,
    )
    return config, r.problems


def validate(settings: Mapping[str, Any], event: Event | None) -> list[Problem]:
    """The settings validator (``AreaSpec.validate_settings``): every problem, never a raise."""
    return parse(settings, event)[1]
