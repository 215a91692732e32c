"""The security area's derived rules: pure functions from (config, event, area, as_of) to Findings.

No I/O, no clock. Each function returns its Findings in a fixed order (the venue's entrances in
file order, guarded places, extinguishers and exits in settings order), so the same input gives
the same Findings. :data:`RULES` runs them in order; a rule marked with ``applies_to`` runs only
for those kinds of event (the badges), the others for every kind. Weights (see
docs/areas/security.md):

- ``security.plan-approved``: weight 0, a gate;
- per entrance, one of ``security.entrance-guarded`` / ``security.guard-gap`` /
  ``security.entrance-unguarded``: weight 1, a gate;
- per guarded room or zone, one of ``security.place-guarded`` / ``security.place-guard-gap`` /
  ``security.place-unguarded``: weight 1, a gate;
- per extinguisher, one of ``security.extinguisher-valid`` / ``-expired`` / ``-not-inspected``:
  together weight 1 (each 1/n); ``security.extinguishers-count``: weight 1;
- per exit, ``security.exit-checked`` / ``security.exit-unchecked``: together weight 1;
- ``security.badges``: weight 1; ``security.required-item-missing``: weight 1 each.
"""

from __future__ import annotations

import calendar
from collections.abc import Mapping
from datetime import date, datetime, time, timedelta, tzinfo

from venue_ready import (
    AreaPlan,
    Event,
    Finding,
    FindingMaker,
    JournalEntry,
    Message,
    Status,
    applies_to,
    days_before,
    fold_name,
    format_date_short,
    rule_kinds,
)

from .settings import (
    DEFAULT_PLAN_ITEM,
    Config,
    Exit,
    Post,
    owners,
    parse,
    plan_approver,
    window_minutes,
)
from .template import FIRE_OWNED, KEY, POLICE, by_id

__all__ = [
    "BADGE_KINDS",
    "KEY",
    "RULES",
    "add_months",
    "assess",
    "badge_findings",
    "fire_findings",
    "guard_findings",
    "guarded_findings",
    "journal_subjects",
    "merge",
    "plan_findings",
    "required_item_findings",
]

#: The kinds whose participants wear a badge (thẻ đại biểu): a congress, a council session, a
#: conference. A polling area has voter cards (thẻ cử tri), not badges; a ceremony neither.
BADGE_KINDS = ("party-congress", "congress", "council-session", "conference")


#: Every Finding of the area.
_make = FindingMaker(KEY)


# -- 1. the security plan (the ward police's own), signed off by ``plan_approver`` -----------------


def plan_findings(config: Config, event: Event, area: AreaPlan, as_of: datetime) -> list[Finding]:
    """One gate of weight 0: the plan item exists, is done, and is signed off by
    ``config.plan_approver`` (its current version, at or before ``as_of``).

    The messages name the approver as ``{approver}``."""
    code = "security.plan-approved"
    approver = plan_approver(config, event)
    police = config.police
    item = next((i for i in area.items if i.id == config.plan_item), None)
    make = _make.sharing(weight=0.0, gate=True, owner=police)
    if item is None:
        template = by_id(DEFAULT_PLAN_ITEM, event.kind)
        lead = template.lead_days if template is not None else None
        return [
            make(
                code,
                "security.plan-missing",
                {"item": config.plan_item, "approver": approver},
                subject=config.plan_item,
                due=days_before(event, lead) if lead is not None else None,
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


def _hole(start: datetime, end: datetime, *, dated: bool) -> str:
    """A gap in a guard window as the event's readers write it in a list: "09:00–10:00" within
    a window of one day; else with its day, in the short administrative form: "22:00–24:00
    14/5/2020" (a gap to midnight ends at 24:00 of its own day, as a duty roster writes it),
    "06:30–07:30 15/5/2020", and over midnight "22:00 14/5/2020–06:00 15/5/2020"; never an ISO
    date in a sentence, nor a day that belongs to one end only."""
    end_day, end_clock = end.date(), f"{end:%H:%M}"
    if end.time() == time(0) and end_day == start.date() + timedelta(days=1):
        end_day, end_clock = start.date(), "24:00"
    if start.date() == end_day:
        span = f"{start:%H:%M}–{end_clock}"
        return f"{span} {format_date_short(start.date(), 'vi')}" if dated else span
    return f"{format_date_short(start, 'vi')}–{format_date_short(end, 'vi')}"


def _cover(
    posts: list[Post],
    manned: list[JournalEntry],
    window: tuple[datetime, datetime],
    tz: tzinfo,
    params: dict[str, object],
) -> tuple[str, float]:
    """How the posts (and the first ``done`` record of the journal, as a post from that moment
    to ``end``) cover ``start``..``end``: ``"guarded"``, ``"gap"`` (the gaps put in
    ``params``) or ``"unguarded"``, and the credit earned."""
    start, end = window
    if manned:
        first = manned[0]
        posts = [*posts, Post(team=first.by, start=first.at, end=end)]
    if not posts:
        return "unguarded", 0.0
    holes, share = _gaps(posts, start, end)
    if not holes:
        return "guarded", 1.0
    # a hole of a few microseconds in a long window could round the share up to 1
    credit = min(share, 0.999)
    # the day of each gap is said when the window runs over more than one day
    dated = start.astimezone(tz).date() != end.astimezone(tz).date()
    params["gaps"] = ", ".join(
        _hole(s.astimezone(tz), e.astimezone(tz), dated=dated) for s, e in holes
    )
    params["gap_count"] = len(holes)
    params["percent"] = round(100.0 * credit, 1)
    return "gap", credit


#: The Finding codes of an entrance and of a guarded place, by how the posts cover them.
_ENTRANCE_CODES = {
    "guarded": "security.entrance-guarded",
    "gap": "security.guard-gap",
    "unguarded": "security.entrance-unguarded",
}
_PLACE_CODES = {
    "guarded": "security.place-guarded",
    "gap": "security.place-guard-gap",
    "unguarded": "security.place-unguarded",
}


def guard_findings(config: Config, event: Event, area: AreaPlan, as_of: datetime) -> list[Finding]:
    """Per venue entrance: guarded, with gaps, or unguarded (gates, weight 1 each).

    The roster is the plan for the event's window, which follows the kind (an election's
    guards stand from the evening before: :func:`~.settings.window_minutes`). A post the ward
    police report manned in the status journal (``security:ENTRANCE done``) counts as a post
    from that moment to the end of the window, by whoever reported it."""
    del as_of  # the records were cut at the assessment's moment already
    tz = event.tz
    before, after = window_minutes(config, event.kind)
    start = (event.starts - timedelta(minutes=before)).astimezone(tz)
    end = (event.ends + timedelta(minutes=after)).astimezone(tz)
    make = _make.sharing(due=days_before(event, config.posts_lead_days), owner=config.police)
    entrances = event.venue.entrances if event.venue is not None else ()
    if not entrances:
        return [make("security.entrances-unknown", "security.no-entrances", assessed=False)]
    records = area.done_records()
    return [
        _watched(
            make.sharing(gate=True),
            _ENTRANCE_CODES,
            entrance.id,
            # the entrance by its name: its id is the file's, not a word of the report
            ("entrance", entrance.name),
            (start, end),
            [p for p in config.posts if p.entrance == entrance.id],
            records.get(entrance.id, []),
            tz,
        )
        for entrance in entrances
    ]


def guarded_findings(
    config: Config, event: Event, area: AreaPlan, as_of: datetime
) -> list[Finding]:
    """Per guarded room or zone (``[[guarded]]``): guarded for its own window, with gaps, or
    unguarded (gates, weight 1 each), as the entrances are; none when nothing is declared.

    A post names the place by its id (``place``); a ``security:PLACE done`` record of the
    journal counts as a post from that moment to the end of the place's window."""
    del as_of
    tz = event.tz
    make = _make.sharing(due=days_before(event, config.posts_lead_days), gate=True)
    records = area.done_records()
    out: list[Finding] = []
    for place in config.guarded:
        key = place.key or ""  # the parser left out places without one
        start, end = place.start.astimezone(tz), place.end.astimezone(tz)
        name = place.name or (_zone_name(event, place.zone) if place.zone else key)
        out.append(
            _watched(
                make.sharing(owner=place.team or config.police),
                _PLACE_CODES,
                key,
                ("place", name),
                (start, end),
                [p for p in config.posts if p.place == key],
                [r for r in records.get(key, []) if r.at < end],
                tz,
            )
        )
    return out


def _watched(  # noqa: PLR0917 - one place's parts, as both rules above hold them
    make: FindingMaker,
    codes: Mapping[str, str],
    subject: str,
    named: tuple[str, str],
    window: tuple[datetime, datetime],
    posts: list[Post],
    manned: list[JournalEntry],
    tz: tzinfo,
) -> Finding:
    """The Finding of one watched place, an entrance or a guarded room, named in its message
    by ``named`` (the parameter and the name), for ``window``: coded by ``codes`` from how the
    posts and the journal's first ``done`` record cover it (:func:`_cover`)."""
    params: dict[str, object] = {named[0]: named[1], "start": window[0], "end": window[1]}
    cover, credit = _cover(posts, manned, window, tz, params)
    code = codes[cover]
    return make(
        code, code, params, credit=credit, subject=subject, record=manned[0] if manned else None
    )


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


def people(config: Config, event: Event) -> int | None:
    """The most people at the venue at the same time, whom the extinguishers are for: the
    ``attendance`` setting; else ``[event.attendance] at_once``; else, for a kind whose
    participants are all present at once (every core kind but an election), the attendance's
    total with the ``guests`` setting in place of its guests when given; else None (unknown,
    or an election day without ``at_once``: the voter roll is no headcount, its voters come
    and go over the day)."""
    if config.attendance is not None:
        return config.attendance
    count = event.attendance
    if count.at_once is not None:
        return count.at_once
    if count.participants is None or not event.all_at_once:
        return None
    guests = config.guests if config.guests is not None else count.guests or 0
    return count.participants + guests + (count.staff or 0)


#: How an extinguisher's message says "before the event ends", by kind (``security.end.*``).
_ENDS = {
    "party-congress": "security.end.congress",
    "congress": "security.end.congress",
    "election": "security.end.election",
    "council-session": "security.end.council-session",
    "conference": "security.end.conference",
    "ceremony": "security.end.ceremony",
}


#: How an exit's message says "before the opening", by kind (``security.opening.*``).
_OPENINGS = {
    "party-congress": "security.opening.congress",
    "congress": "security.opening.congress",
    "election": "security.opening.election",
    "council-session": "security.opening.council-session",
    "conference": "security.opening.conference",
    "ceremony": "security.opening.ceremony",
}


def fire_findings(config: Config, event: Event, area: AreaPlan, as_of: datetime) -> list[Finding]:
    """Each extinguisher's inspection, their number, and each exit's check."""
    del area
    tz = event.tz
    make = _make.sharing(
        due=days_before(event, config.fire_lead_days), owner=owners(config, event)[0]
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
                params["event_end"] = Message(_ENDS.get(event.kind, "security.end.event"))
            else:
                code = message_id = "security.extinguisher-valid"
                credit = 1.0
                valid += 1
        out.append(make(code, message_id, params, weight=share, credit=credit, subject=x.id))

    attendance = people(config, event)
    if attendance is None:
        # Not assessed, not skipped: the extinguishers are still needed, and the note says the
        # one number to write (an election's voter roll would ask for 30 extinguishers).
        known = event.attendance.participants is not None
        out.append(
            make(
                "security.extinguishers-count",
                "security.extinguishers-no-at-once"
                if known and not event.all_at_once
                else "security.extinguishers-no-attendance",
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
    # a check counts from the start of the calendar day exit_check_days before the opening day
    # (a ward writes "trong 7 ngày trước khai mạc" by days, not by the opening's hour)
    since = event.starts.astimezone(tz).date() - timedelta(days=config.exit_check_days)
    share = 1.0 / len(config.exits)
    for exit_ in config.exits:
        params = {
            "exit": _exit_name(exit_),
            "days": config.exit_check_days,
            "opening": Message(_OPENINGS.get(event.kind, "security.opening.event")),
        }
        code, credit = "security.exit-unchecked", 0.0
        if exit_.checked is None:
            message_id = "security.exit-never-checked"
        else:
            params["checked"] = _day_or_moment(exit_.checked.astimezone(tz))
            if exit_.checked > as_of:
                message_id = "security.exit-check-later"
            elif exit_.checked.astimezone(tz).date() < since:
                message_id = "security.exit-check-stale"
                params["since"] = since
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


@applies_to(*BADGE_KINDS)
def badge_findings(config: Config, event: Event, area: AreaPlan, as_of: datetime) -> list[Finding]:
    """Badges issued against the participants (and guests) expected: ``[event.attendance]``,
    with the ``guests`` setting in place of its guests when given."""
    del area, as_of
    make = _make.sharing(
        due=days_before(event, config.badges_lead_days), owner=owners(config, event)[1]
    )
    code = "security.badges"
    participants = event.attendance.participants
    if participants is None:
        return [make(code, "security.badges-no-delegates", assessed=False)]
    guests = config.guests if config.guests is not None else event.attendance.guests or 0
    expected = participants + guests
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
        template = by_id(item_id, event.kind)
        params: dict[str, object] = {"item": item_id}
        message_id = "security.required-item-missing-untitled"
        due: datetime | None = None
        owner: str | Message | None = None
        if template is not None:
            message_id = "security.required-item-missing"
            params["title"] = template.title_vi if event.lang == "vi" else template.title_en
            owner = template.owner_vi if event.lang == "vi" else template.owner_en
            if item_id in FIRE_OWNED:  # fire safety's owner, as the settings or kind name it
                owner = owners(config, event)[0]
            if template.lead_days is not None:
                due = days_before(event, template.lead_days)
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


#: The area's rules, in the order their Findings are reported (``area_plugin(rules=...)``).
RULES = (
    plan_findings,
    guard_findings,
    guarded_findings,
    fire_findings,
    badge_findings,
    required_item_findings,
)


def assess(config: Config, event: Event, area: AreaPlan, as_of: datetime) -> list[Finding]:
    """Every derived Finding of the area, in a fixed order: :data:`RULES`, each run only for
    its kinds (as the core runs them)."""
    out: list[Finding] = []
    for rule in RULES:
        kinds = rule_kinds(rule)
        if kinds is None or event.kind in kinds:
            out.extend(rule(config, event, area, as_of))
    return out


def journal_subjects(event: Event, area: AreaPlan) -> list[str]:
    """What the ward police report manned in the journal (``security:ID``): the venue's
    entrances, then the guarded rooms and zones of the area's settings."""
    entrances = [e.id for e in event.venue.entrances] if event.venue is not None else []
    config, _ = parse(area.settings, event)  # wrong entries are left out, reported at load
    places = [p.key for p in config.guarded if p.key is not None and p.key not in entrances]
    return entrances + places
