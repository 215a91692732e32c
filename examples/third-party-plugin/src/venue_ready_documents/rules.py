"""The documents area's rules: pure functions from (config, event, area, as_of) to Findings.

No I/O, no clock. Findings come rule by rule, each in a fixed order (required kinds in the
settings' order, documents in file order, bodies in ``comment_bodies`` order), so the same
input gives the same Findings. Each rule says which kinds of event it applies to
(``@applies_to``): venue_ready does not run it for an event of another kind (an election day, a
council session), so none of its Findings appears there. Codes and weights:

- ``documents.kind`` (a congress: ``party-congress``, ``congress``): one per required kind.
  Present: weight 1, credit 1. Missing: credit 0, weight 1 plus what the document's own
  Findings would weigh (1 for its comments when its kind is in ``comment_kinds``, 1 for its
  sign-off when in ``signoff_kinds`` and the sign-off rule runs for the event's kind), so
  adding a document never lowers the score; a gate when the kind needs a sign-off.
- ``documents.comments`` (a congress): one per document of a ``comment_kinds`` kind × body of
  ``comment_bodies``; weight 1/len(bodies) (a document's comments weigh 1 together).
- ``documents.signoff`` (a Party congress: the district's steering group follows those): one
  per document of a ``signoff_kinds`` kind; weight 1, a gate.
- ``documents.dossiers`` (a Party congress): one; weight 1, a gate.
- ``documents.copies`` (a congress, when ``copies`` is set): one, weight 1, earning the share
  of the sets needed for the participants and guests of ``[event.attendance]``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time

from venue_ready import (
    AreaPlan,
    Event,
    Finding,
    FindingMaker,
    Message,
    applies_to,
    days_before,
    fold_name,
    rule_kinds,
)

from .settings import Config, Document, version_key
from .template import (
    CONGRESSES,
    DEFAULT_PRINTING_LEAD_DAYS,
    DOCUMENTS_SUB,
    KEY,
    PARTY_CONGRESS,
    PERSONNEL_SUB,
    owner_for_kind,
)

__all__ = [
    "KEY",
    "RULES",
    "assess",
    "comment_findings",
    "copies_findings",
    "deadline",
    "dossier_findings",
    "kind_findings",
    "runs_for",
    "same_version",
    "signoff_findings",
]

#: Every Finding of the area.
_make = FindingMaker(KEY)


def deadline(event: Event, lead_days: int) -> datetime:
    """``lead_days`` before the opening, as an event file's bare date would be: the end of the
    day that many days before the opening's day (the opening itself for 0 days). venue_ready's
    own helper, ``days_before``, so that the plugin's deadlines are the core's and ``init``'s."""
    return days_before(event, lead_days)


def runs_for(rule: Callable[..., object], event: Event) -> bool:
    """True when venue_ready runs ``rule`` for ``event``: it names no kinds (every kind), or
    the event's kind is among those of its ``@applies_to``."""
    kinds = rule_kinds(rule)
    return kinds is None or event.kind in kinds


def _day(moment: datetime, event: Event) -> date | datetime:
    """A record's moment for a message: the bare date when it was written as one."""
    local = moment.astimezone(event.tz)
    return local.date() if local.time() == time(0, 0) else local


def same_version(signed: str, current: str) -> bool:
    """True when a sign-off's version is the document's current one ("3" is "v3")."""
    a, b = version_key(signed), version_key(current)
    return a == b if a is not None and b is not None else fold_name(signed) == fold_name(current)


def _owner(doc: Document) -> str | Message:
    """Who is in charge of ``doc``: its ``owner``, else the sub-committee that writes its kind
    (a role, which the report names in its own language)."""
    return doc.owner or owner_for_kind(doc.kind).owner


# -- 1. every required document is listed ---------------------------------------------------------


@applies_to(*CONGRESSES)
def kind_findings(config: Config, event: Event, area: AreaPlan, as_of: datetime) -> list[Finding]:
    """One Finding per required kind: a document of that kind is listed, or it is missing."""
    del area, as_of  # the list of documents is what the file says now
    default_due = deadline(event, config.documents_lead_days)
    code = "documents.kind"
    out: list[Finding] = []
    for kind in config.required_kinds:
        make = _make.sharing(subject=kind)
        docs = [d for d in config.documents if d.kind == kind]
        if docs:
            titles = "; ".join(d.title for d in docs)
            due = min(d.due or default_due for d in docs)
            params = {"kind": kind, "titles": titles}
            out.append(
                make(
                    code,
                    "documents.kind-present",
                    params,
                    credit=1.0,
                    due=due,
                    owner=_owner(docs[0]),
                )
            )
            continue
        needs_comments = kind in config.comment_kinds and bool(config.comment_bodies)
        # a missing document weighs what its sign-off would, where the sign-off rule runs
        needs_signoff = kind in config.signoff_kinds and runs_for(signoff_findings, event)
        out.append(
            make(
                code,
                "documents.kind-missing",
                {"kind": kind},
                weight=1.0 + needs_comments + needs_signoff,
                gate=needs_signoff,
                due=default_due,
                owner=owner_for_kind(kind).owner,
            )
        )
    return out


# -- 2. comments gathered from every body ---------------------------------------------------------


@applies_to(*CONGRESSES)
def comment_findings(
    config: Config, event: Event, area: AreaPlan, as_of: datetime
) -> list[Finding]:
    """Per document that needs comments, per body: received by ``as_of``, later, or not yet."""
    del area
    bodies = config.comment_bodies
    if not bodies:
        return []
    default_due = deadline(event, config.documents_lead_days)
    share = 1.0 / len(bodies)
    out: list[Finding] = []
    for doc in config.documents:
        if doc.kind not in config.comment_kinds:
            continue
        make = _make.sharing(weight=share, due=doc.due or default_due, owner=_owner(doc))
        for body in bodies:
            received = sorted(
                c.received for c in doc.comments if c.body == body and c.received is not None
            )
            params: dict[str, object] = {"title": doc.title, "body": body}
            credit = 0.0
            if received and received[0] <= as_of:
                message_id = "documents.comment-received"
                params["received"] = _day(received[0], event)
                credit = 1.0
            elif received:
                message_id = "documents.comment-later"
                params["received"] = _day(received[0], event)
            else:
                message_id = "documents.comment-missing"
            subject = f"{doc.id}/{body}"
            out.append(
                make("documents.comments", message_id, params, credit=credit, subject=subject)
            )
    return out


# -- 3. the current version signed off by the steering group --------------------------------------


@applies_to(PARTY_CONGRESS)
def signoff_findings(
    config: Config, event: Event, area: AreaPlan, as_of: datetime
) -> list[Finding]:
    """Per document that needs a sign-off: signed off (its current version, by the steering
    group, by ``as_of``), or what is wrong. A gate: blocked once the document is past due."""
    del area
    default_due = deadline(event, config.documents_lead_days)
    group = config.steering_group
    out: list[Finding] = []
    for doc in config.documents:
        if doc.kind not in config.signoff_kinds:
            continue
        params: dict[str, object] = {"title": doc.title, "current": doc.version, "body": group}
        signed = doc.signed_off
        credit = 0.0
        if signed is None:
            message_id = "documents.signoff-missing"
        elif fold_name(group) not in fold_name(signed.by):
            message_id = "documents.signoff-wrong-signer"
            params["by"] = signed.by
        elif signed.at > as_of:
            message_id = "documents.signoff-later"
            params["at"] = _day(signed.at, event)
        elif not same_version(signed.version, doc.version):
            message_id = "documents.signoff-outdated"
            params["signed"] = signed.version
        else:
            message_id = "documents.signoff-ok"
            params["by"] = signed.by
            params["at"] = _day(signed.at, event)
            credit = 1.0
        out.append(
            _make(
                "documents.signoff",
                message_id,
                params,
                credit=credit,
                gate=True,
                subject=doc.id,
                due=doc.due or default_due,
                owner=_owner(doc),
            )
        )
    return out


# -- 4. the personnel dossiers reported to the standing committee ---------------------------------


@applies_to(PARTY_CONGRESS)
def dossier_findings(
    config: Config, event: Event, area: AreaPlan, as_of: datetime
) -> list[Finding]:
    """One gate: every expected dossier reported to the standing committee by ``as_of``."""
    del area
    due = deadline(event, config.dossiers_lead_days)
    dossiers = config.dossiers
    params: dict[str, object] = {"committee": config.standing_committee, "deadline": due}
    make = _make.sharing(gate=True, subject="dossiers", due=due, owner=PERSONNEL_SUB.owner)
    code = "documents.dossiers"
    if dossiers is None:
        return [make(code, "documents.dossiers-unknown", params, assessed=False)]
    params.update(count=dossiers.count, expected=dossiers.expected)
    reported = dossiers.reported_on
    credit = 0.0
    if reported is None:
        message_id = "documents.dossiers-not-reported"
    else:
        params["reported_on"] = _day(reported, event)
        if reported > as_of:
            message_id = "documents.dossiers-later"
        elif dossiers.count < dossiers.expected:
            message_id = "documents.dossiers-incomplete"
            credit = dossiers.count / dossiers.expected
        elif reported > due:
            message_id = "documents.dossiers-late"
            credit = 1.0
        else:
            message_id = "documents.dossiers-reported"
            credit = 1.0
    return [
        make(code, message_id, params, credit=credit, owner=dossiers.owner or PERSONNEL_SUB.owner)
    ]


# -- 5. enough sets of the documents for the participants and guests ------------------------------


@applies_to(*CONGRESSES)
def copies_findings(config: Config, event: Event, area: AreaPlan, as_of: datetime) -> list[Finding]:
    """When ``copies`` is set: a set of the documents for each participant and each guest of
    ``[event.attendance]``, as venue_ready reads it once for every area (staff get none). Each
    person takes a set, so this is the total, not the most present at once (``at_once``)."""
    del area, as_of  # the number printed is what the file says now
    if config.copies is None:
        return []  # the printing item of the checklist covers it
    make = _make.sharing(
        subject="copies",
        due=days_before(event, DEFAULT_PRINTING_LEAD_DAYS),
        owner=DOCUMENTS_SUB.owner,
    )
    people = event.attendance
    params: dict[str, object] = {"copies": config.copies}
    if people.participants is None:
        return [make("documents.copies", "documents.copies-unknown", params, assessed=False)]
    guests = people.guests or 0
    need = people.participants + guests
    params.update(participants=people.participants, guests=guests, need=need)
    enough = config.copies >= need
    return [
        make(
            "documents.copies",
            "documents.copies-enough" if enough else "documents.copies-short",
            params,
            credit=1.0 if enough else config.copies / need,
        )
    ]


Rule = Callable[[Config, Event, AreaPlan, datetime], list[Finding]]

#: Every rule, in the order its Findings appear in the report; the plugin names this sequence
#: (``area_plugin(..., rules=".rules:RULES")``), and venue_ready runs each only for its kinds.
RULES: tuple[Rule, ...] = (
    kind_findings,
    comment_findings,
    signoff_findings,
    dossier_findings,
    copies_findings,
)


def assess(config: Config, event: Event, area: AreaPlan, as_of: datetime) -> list[Finding]:
    """Every derived Finding of the area for ``event``: each rule of :data:`RULES` that
    applies to its kind, in turn (what venue_ready does with ``RULES``; for a direct call)."""
    return [
        finding
        for rule in RULES
        if runs_for(rule, event)
        for finding in rule(config, event, area, as_of)
    ]
