"""The security area's derived rules: pure functions from (config, event, area, as_of) to Findings.

No I/O, no clock. Each function returns its Findings in a fixed order (the venue's entrances in
file order, extinguishers and exits in settings order), so the same input gives the same
Findings. Weights (see docs/areas/security.md):

- ``security.plan-approved``: weight 0, a gate;
- per entrance, one of ``security.entrance-guarded`` / ``security.guard-gap`` /
  ``security.entrance-unguarded``: weight 1, a gate;
- per extinguisher, one of ``security.extinguisher-valid`` / ``-expired`` / ``-not-inspected``:
  together weight 1 (each 1/n); ``security.extinguishers-count``: weight 1;
- per exit, ``security.exit-checked`` / ``security.exit-unchecked``: together weight 1;
- ``security.badges``: weight 1; ``security.required-item-missing``: weight 1 each.
"""

from __future__ import annotations

import calendar
from datetime import date, datetime, timedelta

from venue_ready import (
    AreaPlan,
    Event,
    Finding,
    FindingMaker,
    Message,
    Status,
    fold_name,
)

from .settings import DEFAULT_PLAN_ITEM, Config, Exit, Post
from .template import KEY, OFFICE, POLICE, SERVICE, by_id

__all__ = [
    "KEY",
    "add_months",
    "assess",
    "badge_findings",
    "fire_findings",
    "guard_findings",
    "journal_subjects",
    "merge",
    "plan_findings",
    "required_item_findings",
]


#: Every Finding of the area.
_make = FindingMaker(KEY)


# -- 1. the security plan (the ward police's own), signed off by ``plan_approver`` -----------------


def plan_findings(config: Config, event: Event, area: AreaPlan, as_of: datetime) -> list[Finding]:
    """One gate of weight 0: the plan item exists, is done, and is signed off by
    ``config.plan_approver`` (its current version, at or before ``as_of``).

    The messages name the approver as ``{approver}``."""
    code = "security.plan-approved"
    approver = config.plan_approver
    police = config.police
    item = next((i for i in area.items if i.id == config.plan_item), None)
    make = _make.sharing(weight=0.0, gate=True, owner=police)
    if item is None:
        template = by_id(DEFAULT_PLAN_ITEM)
        lead = template.lead_days if template is not None else None
        return [
            make(
                code,
                "security.plan-missing",
                {"item": config.plan_item, "approver": approver},
                subject=config.plan_item,
                due=event.starts - timedelta(days=lead) if lead is not None else None,
            )
        ]
    params: dict[str, object] = {"title": item.title, "approver": approver}
    signed = item.signed_off
    credit = 0.0
    if item.status is Status.WAIVED:
        message_id = "security.plan-waived"
    elif item.status is not Status.DONE:
        message_id = "security.plan-not-done"
        params["status"] = item.status.value
    elif signed is None:
        message_id = "security.plan-not-signed"
    elif fold_name(approver) not in fold_name(signed.by):
        message_id = "security.plan-wrong-signer"
        params["by"] = signed.by
    elif signed.at is not None and signed.at > as_of:
        message_id = "security.plan-signoff-future"
        params["at"] = signed.at
    elif item.version is not None and signed.version != item.version:
        message_id = "security.plan-outdated"
        params["signed"] = signed.version or "?"
        params["current"] = item.version
    else:
        message_id = "security.plan-approved"
        params["by"] = signed.by
        credit = 1.0
    return [
        make(
            code,
            message_id,
            params,
            credit=credit,
            subject=item.id,
            due=item.due,
            owner=item.owner or police,
            waiver=item.waiver if item.status is Status.WAIVED else None,
        )
    ]


# -- 2. guard posts at every entrance, for the whole window ----------------------------------------


def merge(spans: list[tuple[datetime, datetime]]) -> list[tuple[datetime, datetime]]:
    """Overlapping or touching spans merged into one; sorted."""
    out: list[tuple[datetime, datetime]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            if end > out[-1][1]:
                out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def _gaps(
    posts: list[Post], start: datetime, end: datetime
) -> tuple[list[tuple[datetime, datetime]], float]:
    """The holes the posts leave in ``start``..``end``, and the share of it they cover."""
    spans = merge(
        [(max(p.start, start), min(p.end, end)) for p in posts if p.start < end and p.end > start]
    )
    holes: list[tuple[datetime, datetime]] = []
    cursor = start
    for s, e in spans:
        if s > cursor:
            holes.append((cursor, s))
        cursor = max(cursor, e)
    if cursor < end:
        holes.append((cursor, end))
    total = (end - start).total_seconds()
    if total <= 0:  # an instant: covered when some post spans it
        covered = any(p.start <= start and p.end >= end for p in posts)
        return ([] if covered else [(start, end)]), (1.0 if covered else 0.0)
    covered_seconds = sum((e - s).total_seconds() for s, e in spans)
    return holes, min(1.0, covered_seconds / total)


def _clock(moment: datetime, day: date) -> str:
    """A moment as the event's readers write it in a list: 06:00, or 2020-05-16 06:00 when it
    falls on another day than ``day``."""
    text = f"{moment:%H:%M}"
    return text if moment.date() == day else f"{moment:%Y-%m-%d} {text}"


def guard_findings(config: Config, event: Event, area: AreaPlan, as_of: datetime) -> list[Finding]:
    """Per venue entrance: guarded, with gaps, or unguarded (gates, weight 1 each).

    The roster is the plan for the event's window. A post the ward police report manned in the
    status journal (``security:ENTRANCE done``) counts as a post from that moment to the end of
    the window, by whoever reported it."""
    del as_of  # the records were cut at the assessment's moment already
    tz = event.tz
    start = (event.starts - timedelta(minutes=config.doors_open_minutes)).astimezone(tz)
    end = (event.ends + timedelta(minutes=config.after_close_minutes)).astimezone(tz)
    make = _make.sharing(due=event.starts - timedelta(days=config.posts_lead_days))
    owner = config.police
    entrances = event.venue.entrances if event.venue is not None else ()
    if not entrances:
        return [
            make("security.entrances-unknown", "security.no-entrances", owner=owner, assessed=False)
        ]
    out: list[Finding] = []
    for entrance in entrances:
        # the entrance by its name: its id is the file's, not a word of the report
        params: dict[str, object] = {"entrance": entrance.name, "start": start, "end": end}
        posts = [p for p in config.posts if p.entrance == entrance.id]
        manned = area.done_records().get(entrance.id, [])
        if manned:
            first = manned[0]
            posts.append(Post(entrance=entrance.id, team=first.by, start=first.at, end=end))
        holes, share = _gaps(posts, start, end)
        if not posts:
            code, credit = "security.entrance-unguarded", 0.0
        elif holes:
            # a hole of a few microseconds in a long window could round the share up to 1
            code, credit = "security.guard-gap", min(share, 0.999)
            day = start.date()
            params["gaps"] = ", ".join(
                f"{_clock(s.astimezone(tz), day)}–{_clock(e.astimezone(tz), day)}" for s, e in holes
            )
            params["gap_count"] = len(holes)
            params["percent"] = round(100.0 * credit, 1)
        else:
            code, credit = "security.entrance-guarded", 1.0
        out.append(
            make(
                code,
                code,
                params,
                credit=credit,
                gate=True,
                subject=entrance.id,
                owner=owner,
                record=manned[0] if manned else None,
            )
        )
    return out


# -- 3. fire safety: extinguishers and emergency exits ---------------------------------------------


def add_months(moment: datetime, months: int) -> datetime:
    """``moment`` plus a number of calendar months (31 January + 1 month = 29 February)."""
    index = moment.month - 1 + months
    year, month = moment.year + index // 12, index % 12 + 1
    day = min(moment.day, calendar.monthrange(year, month)[1])
    return moment.replace(year=year, month=month, day=day)


def _day_or_moment(moment: datetime) -> date | datetime:
    """A record's date as a reader wants it: the bare date when it was written as one."""
    return moment.date() if (moment.hour, moment.minute, moment.second) == (0, 0, 0) else moment


def fire_findings(config: Config, event: Event, area: AreaPlan, as_of: datetime) -> list[Finding]:
    """Each extinguisher's inspection, their number, and each exit's check."""
    del area
    tz = event.tz
    make = _make.sharing(
        due=event.starts - timedelta(days=config.fire_lead_days), owner=SERVICE.owner
    )
    out: list[Finding] = []

    valid = 0
    share = 1.0 / len(config.extinguishers) if config.extinguishers else 0.0
    for x in config.extinguishers:
        params: dict[str, object] = {"id": x.id, "zone": _zone_name(event, x.zone)}
        credit = 0.0
        if x.inspected is None:
            code = message_id = "security.extinguisher-not-inspected"
        elif x.inspected > as_of:
            code = "security.extinguisher-not-inspected"
            message_id = "security.extinguisher-inspected-later"
            params["inspected"] = _day_or_moment(x.inspected.astimezone(tz))
        else:
            expires = add_months(x.inspected.astimezone(tz), config.extinguisher_validity_months)
            params["inspected"] = _day_or_moment(x.inspected.astimezone(tz))
            params["expires"] = _day_or_moment(expires)
            if expires < event.ends:
                code = message_id = "security.extinguisher-expired"
            else:
                code = message_id = "security.extinguisher-valid"
                credit = 1.0
                valid += 1
        out.append(make(code, message_id, params, weight=share, credit=credit, subject=x.id))

    attendance = config.attendance
    if attendance is None and event.expected_delegates is not None:
        attendance = event.expected_delegates + config.guests
    if attendance is None:
        out.append(
            make(
                "security.extinguishers-count",
                "security.extinguishers-no-attendance",
                assessed=False,
            )
        )
    else:
        per = config.people_per_extinguisher
        required = max(config.min_extinguishers, -(-attendance // per))
        out.append(
            make(
                "security.extinguishers-count",
                params={
                    "valid": valid,
                    "required": required,
                    "attendance": attendance,
                    "per": per,
                    "minimum": config.min_extinguishers,
                },
                credit=1.0 if valid >= required else valid / required,
            )
        )

    if not config.exits:
        out.append(make("security.exits-unknown", "security.no-exits", assessed=False))
        return out
    since = event.starts - timedelta(days=config.exit_check_days)
    share = 1.0 / len(config.exits)
    for exit_ in config.exits:
        params = {"exit": _exit_name(exit_), "days": config.exit_check_days}
        code, credit = "security.exit-unchecked", 0.0
        if exit_.checked is None:
            message_id = "security.exit-never-checked"
        else:
            params["checked"] = _day_or_moment(exit_.checked.astimezone(tz))
            if exit_.checked > as_of:
                message_id = "security.exit-check-later"
            elif exit_.checked < since:
                message_id = "security.exit-check-stale"
                params["since"] = _day_or_moment(since.astimezone(tz))
            else:
                code = message_id = "security.exit-checked"
                credit = 1.0
        out.append(make(code, message_id, params, weight=share, credit=credit, subject=exit_.id))
    return out


def _exit_name(exit_: Exit) -> Message:
    """An exit as a sentence names it: "Cửa thoát hiểm bên trái" says what it is already, while
    "Lối lên từ tầng hầm" gets "(lối thoát hiểm)" after it, so the kind is said once. Names are
    written in Vietnamese (the event's language); the English catalog always says the kind."""
    name = exit_.name or exit_.id
    says_kind = any(word in name.lower() for word in _EXIT_WORDS)
    return Message("security.exit-name" if says_kind else "security.exit-name-kind", {"name": name})


#: Words that make an exit's name say it is one ("cửa thoát hiểm", "lối thoát nạn", "exit").
_EXIT_WORDS = ("thoát hiểm", "thoát nạn", "exit")


def _zone_name(event: Event, zone_id: str) -> str:
    if event.venue is not None:
        for zone in event.venue.zones:
            if zone.id == zone_id:
                return zone.name
    return zone_id


# -- 4. access control: delegate badges -----------------------------------------------------------


def badge_findings(config: Config, event: Event, area: AreaPlan, as_of: datetime) -> list[Finding]:
    """Badges issued against the delegates (and guests) expected."""
    del area, as_of
    make = _make.sharing(
        due=event.starts - timedelta(days=config.badges_lead_days), owner=OFFICE.owner
    )
    code = "security.badges"
    if event.expected_delegates is None:
        return [make(code, "security.badges-no-delegates", assessed=False)]
    expected = event.expected_delegates + config.guests
    if config.badges_issued is None:
        return [make(code, "security.badges-unknown", {"expected": expected}, assessed=False)]
    issued = config.badges_issued
    credit = 1.0 if expected == 0 or issued >= expected else issued / expected
    return [make(code, params={"issued": issued, "expected": expected}, credit=credit)]


# -- 5. required items ----------------------------------------------------------------------------


def required_item_findings(
    config: Config, event: Event, area: AreaPlan, as_of: datetime
) -> list[Finding]:
    """One Finding (weight 1, credit 0) per required item id the area does not list."""
    del as_of
    listed = {item.id for item in area.items}
    out: list[Finding] = []
    seen: set[str] = set()
    for item_id in config.required_items:
        if item_id in listed or item_id in seen:
            continue
        seen.add(item_id)
        template = by_id(item_id)
        params: dict[str, object] = {"item": item_id}
        message_id = "security.required-item-missing-untitled"
        due = owner = None
        if template is not None:
            message_id = "security.required-item-missing"
            params["title"] = template.title_vi if event.lang == "vi" else template.title_en
            owner = template.owner_vi if event.lang == "vi" else template.owner_en
            if template.lead_days is not None:
                due = event.starts - timedelta(days=template.lead_days)
        out.append(
            _make(
                "security.required-item-missing",
                message_id,
                params,
                subject=item_id,
                due=due,
                owner=owner or POLICE.owner,
            )
        )
    return out


def assess(config: Config, event: Event, area: AreaPlan, as_of: datetime) -> list[Finding]:
    """Every derived Finding of the area, in a fixed order."""
    out: list[Finding] = []
    for rule in (
        plan_findings,
        guard_findings,
        fire_findings,
        badge_findings,
        required_item_findings,
    ):
        out.extend(rule(config, event, area, as_of))
    return out


def journal_subjects(event: Event, area: AreaPlan) -> list[str]:
    """The entrances the ward police report manned in the journal (``security:ENTRANCE``)."""
    del area
    return [e.id for e in event.venue.entrances] if event.venue is not None else []
