"""The documents area's rules: pure functions from (config, event, as_of) to Findings.

No I/O, no clock. Findings come rule by rule, each in a fixed order (required kinds in the
settings' order, documents in file order, bodies in ``comment_bodies`` order), so the same
input gives the same Findings. Codes and weights:

- ``documents.kind``: one per required kind. Present: weight 1, credit 1. Missing: credit 0,
  weight 1 plus what the document's own Findings would weigh (1 for its comments when its kind
  is in ``comment_kinds``, 1 for its sign-off when in ``signoff_kinds``), so adding a document
  never lowers the score; a gate when the kind needs a sign-off.
- ``documents.comments``: one per document of a ``comment_kinds`` kind × body of
  ``comment_bodies``; weight 1/len(bodies) (a document's comments weigh 1 together).
- ``documents.signoff``: one per document of a ``signoff_kinds`` kind; weight 1, a gate.
- ``documents.dossiers``: one; weight 1, a gate.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from venue_ready import AreaPlan, Event, Finding, FindingMaker, Message, fold_name

from .settings import Config, Document, version_key
from .template import KEY, PERSONNEL_SUB, owner_for_kind

__all__ = [
    "KEY",
    "assess",
    "comment_findings",
    "deadline",
    "dossier_findings",
    "kind_findings",
    "same_version",
    "signoff_findings",
]

#: Every Finding of the area.
_make = FindingMaker(KEY)

# venue_ready stores a bare-date deadline as the last instant of that day, and shows it as the
# date alone (its docs: "a bare date means the end of that day").
_END_OF_DAY = time(23, 59, 59, 999999)


def deadline(event: Event, lead_days: int) -> datetime:
    """``lead_days`` before the opening, as an event file's bare date would be: the end of the
    day that many days before the opening's day (the opening itself for 0 days)."""
    if lead_days <= 0:
        return event.starts
    tz = event.tz
    day = event.starts.astimezone(tz).date() - timedelta(days=lead_days)
    return datetime.combine(day, _END_OF_DAY, tz)


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


def kind_findings(config: Config, event: Event, as_of: datetime) -> list[Finding]:
    """One Finding per required kind: a document of that kind is listed, or it is missing."""
    del as_of  # the list of documents is what the file says now
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
        needs_signoff = kind in config.signoff_kinds
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


def comment_findings(config: Config, event: Event, as_of: datetime) -> list[Finding]:
    """Per document that needs comments, per body: received by ``as_of``, later, or not yet."""
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


def signoff_findings(config: Config, event: Event, as_of: datetime) -> list[Finding]:
    """Per document that needs a sign-off: signed off (its current version, by the steering
    group, by ``as_of``), or what is wrong. A gate: blocked once the document is past due."""
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


def dossier_findings(config: Config, event: Event, as_of: datetime) -> list[Finding]:
    """One gate: every expected dossier reported to the standing committee by ``as_of``."""
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


def assess(config: Config, event: Event, area: AreaPlan, as_of: datetime) -> list[Finding]:
    """Every derived Finding of the area, rule by rule, in a fixed order (``area``: its
    settings are in ``config`` already, its items are venue_ready's checklist's)."""
    del area
    out: list[Finding] = []
    for rule in (kind_findings, comment_findings, signoff_findings, dossier_findings):
        out.extend(rule(config, event, as_of))
    return out
