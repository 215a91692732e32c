"""The ``[areas.documents.settings]`` table, declared once as attrs classes: its parse and its
validator.

The classes below are the one statement of what the table holds: ``read_settings`` reads it by
their fields (any other key is a problem, with "did you mean"), their types say how each value
is read and ``Setting(...)`` what a type cannot (bounds, a check, a reader of the plugin's
own). ``parse`` is shared by the validator (called when an event file is loaded) and by the
assess hook, so both read the table the same way. It never raises: a wrong value is reported
and replaced by its default; a wrong document, comment or sign-off is reported and left out.
Every key is described in the package's README.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from datetime import datetime
from typing import Annotated, Any

from attrs import frozen
from venue_ready import (
    Event,
    Problem,
    Setting,
    SettingsReader,
    before_start,
    read_settings,
    read_table,
)

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

_VERSION = re.compile(r"\D*?(\d+(?:\.\d+)*)\D*")


def version_key(version: str) -> tuple[int, ...] | None:
    """A version's number as a tuple to compare ("3" → (3,), "v2.1" → (2, 1), "bản 4" → (4,)),
    or None when it has no number, or more than one."""
    found = _VERSION.fullmatch(version.strip())
    return tuple(int(part) for part in found.group(1).split(".")) if found else None


# -- reading and checking what a type does not say ---------------------------------------------


def _known_kinds(
    r: SettingsReader, key: str, kinds: tuple[str, ...], values: object
) -> tuple[str, ...]:
    """A list of document kinds, each once; an unknown one is reported (with "did you mean")
    and left out."""
    out: list[str] = []
    for value in kinds:
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


def _distinct(
    r: SettingsReader, key: str, names: tuple[str, ...], values: object
) -> tuple[str, ...]:
    return tuple(dict.fromkeys(names))


def _kind(r: SettingsReader, key: str, values: object) -> str | None:
    return r.one_of(key, KINDS, required=True)


def _version(r: SettingsReader, key: str, values: object) -> str | None:
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


def _not_ahead(
    r: SettingsReader, key: str, signed: SignOff | None, values: Mapping[str, Any]
) -> SignOff | None:
    """A sign-off, refused when it signs a version newer than the document's current one."""
    current = values["version"]
    if signed is None or current is None:
        return signed
    ahead, now = version_key(signed.version), version_key(current)
    if ahead is not None and now is not None and ahead > now:
        r.table(key).problem(
            "version", "documents.signoff-version-ahead", signed=signed.version, current=current
        )
        return None
    return signed


def _not_above_expected(
    r: SettingsReader, key: str, count: int | None, values: Mapping[str, Any]
) -> int | None:
    """The dossiers reported, at most as many as expected (a count above is reported and
    taken as ``expected``)."""
    expected = values["expected"]
    if count is not None and expected is not None and count > expected:
        r.problem(key, "documents.count-above-expected", count=count, expected=expected)
        return int(expected)
    return count


def _documents(r: SettingsReader, key: str, values: Mapping[str, Any]) -> tuple[Document, ...]:
    """The ``[[documents]]``, each read as a :class:`Document`: its id unique among them, its
    comments' bodies among the ``comment_bodies`` read before (which no single document knows,
    so the comments are read here and handed to the document)."""
    bodies: tuple[str, ...] = values["comment_bodies"]
    subs = [sub for sub in r.tables(key) if sub.is_table]
    out: list[Document] = []
    for sub, ident in zip(subs, r.unique(subs), strict=True):
        comments = (_comment(c, bodies) for c in sub.tables("comments") if c.is_table)
        preset = {"id": ident, "comments": tuple(c for c in comments if c is not None)}
        document = read_table(sub, Document, preset)
        if document is not None:
            out.append(document)
    return tuple(out)


def _comment(c: SettingsReader, bodies: tuple[str, ...]) -> Comment | None:
    body = c.one_of("body", bodies, required=True) if bodies else c.text("body", required=True)
    return read_table(c, Comment, {"body": body})


#: A record of something done that day, when only a date is given.
_Done = Annotated[datetime | None, Setting(bare_date="start")]
#: A list of document kinds.
_Kinds = Annotated[tuple[str, ...], Setting(check=_known_kinds)]


# -- the parsed configuration --------------------------------------------------------------------


@frozen
class Comment:
    """Comments on a draft from ``body``, received at ``received`` (None: not yet)."""

    body: str  # one of Config.comment_bodies: read by _documents
    received: _Done = None
    notes: str | None = None


@frozen
class SignOff:
    """``by`` signed off ``version`` of a document at ``at``."""

    by: str
    at: Annotated[datetime, Setting(bare_date="start")]
    version: Annotated[str, Setting(read=_version)]


@frozen(kw_only=True)
class Document:
    """A congress document at its current ``version``; ``due`` None: the area's default."""

    id: str  # unique among the documents: read by _documents
    kind: Annotated[str, Setting(read=_kind)]
    title: str
    owner: str | None = None
    version: Annotated[str, Setting(read=_version)]
    due: Annotated[datetime | None, Setting(check=before_start)] = None
    comments: tuple[Comment, ...] = ()  # read by _documents, against Config.comment_bodies
    signed_off: Annotated[SignOff | None, Setting(check=_not_ahead)] = None


@frozen
class Dossiers:
    """The personnel dossiers: ``count`` of ``expected`` reported at ``reported_on``."""

    expected: Annotated[int, Setting(high=MAX_COUNT)]
    count: Annotated[int, Setting(high=MAX_COUNT, check=_not_above_expected)] = 0
    reported_on: _Done = None
    owner: str | None = None


@frozen
class Config:
    """The documents area's settings, parsed, with every default filled in."""

    required_kinds: _Kinds = KINDS
    comment_kinds: _Kinds = COMMENT_KINDS
    comment_bodies: Annotated[tuple[str, ...], Setting(check=_distinct)] = DEFAULT_COMMENT_BODIES
    signoff_kinds: _Kinds = SIGNOFF_KINDS
    steering_group: str = DEFAULT_STEERING_GROUP
    documents_lead_days: Annotated[int, Setting(high=MAX_DAYS)] = DEFAULT_DOCUMENTS_LEAD_DAYS
    standing_committee: str = DEFAULT_STANDING_COMMITTEE
    dossiers_lead_days: Annotated[int, Setting(high=MAX_DAYS)] = DEFAULT_DOSSIERS_LEAD_DAYS
    documents: Annotated[tuple[Document, ...], Setting(read=_documents)] = ()
    dossiers: Dossiers | None = None
    #: Sets of the documents printed for the participants and guests (None: not checked).
    copies: Annotated[int | None, Setting(high=MAX_COUNT)] = None


def parse(settings: Mapping[str, Any], event: Event | None) -> tuple[Config, list[Problem]]:
    """The :class:`Config` the settings table describes, and every problem found in it.

    Never raises, whatever ``settings`` is. ``event`` may be None; with an event, a document
    due after the opening is a problem.
    """
    return read_settings(Config, settings, event)


def validate(settings: Mapping[str, Any], event: Event | None) -> list[Problem]:
    """The settings validator (``AreaSpec.validate_settings``): every problem, never a raise."""
    return parse(settings, event)[1]
