"""The ward radio's derived rules: pure functions from the settings to Findings.

Each rule is ``(config, event, area, as_of) -> list[Finding]``; nothing here reads a file or
the clock. Calendar days are days in the event's time zone. Weights (how much each Finding
counts in the area) are the constants below; docs/areas/broadcast.md explains each rule.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from datetime import date, datetime, time, timedelta, tzinfo

from venue_ready import (
    AreaPlan,
    Event,
    Finding,
    FindingMaker,
    Message,
    Phase,
    days_after,
    days_before,
    fold_name,
)

from .settings import Config, Slot, reminders_per_day, required
from .template import APPROVER_WORDS, APPROVERS, COMPETENT, KEY, KIND_WORDS, owner_role

__all__ = [
    "RULES",
    "SCHEDULE_RULES",
    "WEIGHT_CLOSING",
    "WEIGHT_CLUSTERS",
    "WEIGHT_DAY",
    "WEIGHT_OPENING",
    "WEIGHT_OVER_LIMIT",
    "WEIGHT_REMINDERS",
    "WEIGHT_RESULTS",
    "WEIGHT_SLOT_AIRED",
    "WEIGHT_SLOT_APPROVED",
    "WEIGHT_TOO_LONG",
    "approved_by_approver",
    "approver",
    "assess",
    "closing_findings",
    "cluster_findings",
    "daily_findings",
    "limit_findings",
    "opening_findings",
    "reminder_findings",
    "results_findings",
    "schedule_findings",
    "slot_findings",
]


#: Each expected day of daily broadcasts before the congress.
WEIGHT_DAY = 1.0
#: Each day of the event's reminders (a share of ``reminders_per_day``).
WEIGHT_REMINDERS = 2.0
#: The opening-day broadcast, the closing broadcast and the results broadcast.
WEIGHT_OPENING = 2.0
WEIGHT_CLOSING = 2.0
WEIGHT_RESULTS = 2.0
#: Each slot's approved content, and each past slot's record that it went out.
WEIGHT_SLOT_APPROVED = 1.0
WEIGHT_SLOT_AIRED = 1.0
#: A day over the limit of broadcasts, a slot over the limit of minutes (credit 0 each).
WEIGHT_OVER_LIMIT = 1.0
WEIGHT_TOO_LONG = 1.0
#: The loudspeaker clusters in working order.
WEIGHT_CLUSTERS = 3.0

#: Every Finding of the area.
_make = FindingMaker(KEY)

_END_OF_DAY = time(23, 59, 59, 999999)
_MIDNIGHT = time(0, 0)
# working / total is compared with the ratio with this much slack, so that 9 of 10 meets 0.9.
_EPSILON = 1e-9


def assess(config: Config, event: Event, area: AreaPlan, as_of: datetime) -> list[Finding]:
    """Every derived Finding of the area, in a fixed order (each of :data:`RULES` in turn):
    the schedule, each slot, the limits, the clusters."""
    return [finding for rule in RULES for finding in rule(config, event, area, as_of)]


# -- helpers -------------------------------------------------------------------------------------


def _day(moment: datetime, tz: tzinfo) -> date:
    return moment.astimezone(tz).date()


def _end_of_day(day: date, tz: tzinfo) -> datetime:
    return datetime.combine(day, _END_OF_DAY, tz)


def _shown(moment: datetime, tz: tzinfo) -> date | datetime:
    """A moment as a message shows it: in the event's time zone, and a record given as a bare
    date (the start of its day) as the date alone."""
    local = moment.astimezone(tz)
    return local.date() if local.time() == _MIDNIGHT else local


def _phase(day: date, event: Event, tz: tzinfo) -> Phase:
    """The propaganda phase a calendar day belongs to: before the opening day, on the congress
    day(s), or after the closing day."""
    if day < _day(event.starts, tz):
        return Phase.BEFORE
    if day <= _day(event.ends, tz):
        return Phase.DURING
    return Phase.AFTER


def _by_day(slots: Iterable[Slot], tz: tzinfo) -> dict[date, list[Slot]]:
    found: dict[date, list[Slot]] = {}
    for slot in slots:
        found.setdefault(_day(slot.at, tz), []).append(slot)
    return found


def _lead(config: Config) -> timedelta:
    return timedelta(hours=config.approval_lead_hours)


def _owner(config: Config, event: Event, named: str | None = None) -> str | Message:
    del event  # the default role is named in both languages
    return named or config.owner or owner_role()


# -- the schedule: every day before, the opening and closing, the results -----------------------


def _words(event: Event) -> dict[str, Message]:
    """How the messages name the event and its moments, for its kind (template.KIND_WORDS)."""
    kind = event.kind if event.kind in KIND_WORDS else "event"
    return {
        part.replace("-", "_"): Message(f"broadcast.word.{part}.{kind}")
        for part in KIND_WORDS[kind]
    }


def approver(config: Config, event: Event) -> str | Message:
    """Who approves the content: the ``approver`` setting, else the body whose event it is
    (``event.organiser``: template.APPROVERS); a kind of event that says no organiser, "the
    competent body"."""
    if config.approver is not None:
        return config.approver
    role = APPROVERS.get(event.organiser) if event.organiser is not None else None
    return (role or COMPETENT).owner


def approved_by_approver(config: Config, event: Event, by: str) -> bool:
    """Whether ``by`` (a slot's ``approved_by``) names the approver: contains the ``approver``
    setting's name, or by default one of the organiser's bodies (template.APPROVER_WORDS);
    anyone, for an event with no organiser."""
    folded = fold_name(by)
    if config.approver is not None:
        return fold_name(config.approver) in folded
    words = APPROVER_WORDS.get(event.organiser) if event.organiser is not None else None
    return words is None or any(fold_name(word) in folded for word in words)


def schedule_findings(
    config: Config, event: Event, area: AreaPlan, as_of: datetime
) -> list[Finding]:
    """The schedule rules in turn: the daily broadcasts, the opening, the reminders on the
    day, the closing and the results, each only where the event requires it."""
    return [finding for rule in SCHEDULE_RULES for finding in rule(config, event, area, as_of)]


def daily_findings(config: Config, event: Event, area: AreaPlan, as_of: datetime) -> list[Finding]:
    """``broadcast.day-scheduled`` / ``-missing``: one Finding per expected day of daily
    broadcasts before the event, where ``daily`` is required. With no slot at all, not
    assessed (the schedule is missing)."""
    del area, as_of  # the schedule is judged as written; airing and approval are judged per slot
    if "daily" not in required(config, event):
        return []
    tz, lead, given = event.tz, _lead(config), bool(config.slots)
    make = _make.sharing(
        weight=WEIGHT_DAY, phase=Phase.BEFORE, owner=_owner(config, event), assessed=given
    )
    by_day = _by_day(config.slots, tz)
    start_day = _day(event.starts, tz)
    words = _words(event)
    out: list[Finding] = []

    for back in range(config.daily_from_days, 0, -1):
        day = start_day - timedelta(days=back)
        if day.weekday() in config.rest_days:
            continue
        count = len(by_day.get(day, ()))
        if not given:
            message = Message("broadcast.day-no-schedule", {"day": day})
        elif count:
            message = Message(
                "broadcast.day-scheduled", {"day": day, "count": count, "about": words["about"]}
            )
        else:
            message = Message(
                "broadcast.day-missing",
                {
                    "day": day,
                    "from_days": config.daily_from_days,
                    "about": words["about"],
                    "start_day": words["start_day"],
                },
            )
        out.append(
            make(
                "broadcast.day-scheduled" if count else "broadcast.day-missing",
                message,
                credit=1.0 if count else 0.0,
                subject=day.isoformat(),
                # the last moment a slot that day can still be scheduled and approved in time
                due=_end_of_day(day, tz) - lead,
            )
        )
    return out


def _slot_on_day(kind: str, weight: float) -> Rule:
    """The rule for the ``kind`` slot, ``opening`` or ``closing``: ``broadcast.KIND-scheduled``
    / ``-missing``, one such slot on the opening (closing) day, where ``kind`` is required."""

    def rule(config: Config, event: Event, area: AreaPlan, as_of: datetime) -> list[Finding]:
        del area, as_of
        moment = event.starts if kind == "opening" else event.ends
        return _on_day(kind, config, event, moment, weight)

    rule.__name__ = rule.__qualname__ = f"{kind}_findings"
    rule.__doc__ = (
        f"``broadcast.{kind}-scheduled`` / ``-missing``: an ``{kind}`` slot on the {kind} day, "
        f"where ``{kind}`` is required."
    )
    return rule


def _on_day(
    kind: str, config: Config, event: Event, moment: datetime, weight: float
) -> list[Finding]:
    """The opening's or the closing's Finding: a ``kind`` slot on the day of ``moment`` (the
    opening or the close), due ``moment`` minus the lead; none when the event does not require
    it."""
    if kind not in required(config, event):
        return []
    tz = event.tz
    day = _day(moment, tz)
    matches = [s for s in config.slots if s.kind == kind and _day(s.at, tz) == day]
    return [
        _event_slot(
            kind,
            matches=matches,
            given=bool(config.slots),
            params={"day": day},
            due=moment - _lead(config),
            weight=weight,
            phase=Phase.DURING,
            owner=_owner(config, event),
            tz=tz,
        )
    ]


def reminder_findings(
    config: Config, event: Event, area: AreaPlan, as_of: datetime
) -> list[Finding]:
    """``broadcast.reminder-scheduled`` / ``-missing``: on each calendar day of the event, at
    least ``reminders_per_day`` slots of kind ``reminder`` (credit: the share there is), where
    ``reminder`` is required. Due at that day's first moment of the event, minus the lead."""
    del area, as_of
    if "reminder" not in required(config, event):
        return []
    tz, lead, given = event.tz, _lead(config), bool(config.slots)
    make = _make.sharing(
        weight=WEIGHT_REMINDERS, phase=Phase.DURING, owner=_owner(config, event), assessed=given
    )
    needed = reminders_per_day(config, event)
    about = _words(event)["about"]
    reminders = _by_day((s for s in config.slots if s.kind == "reminder"), tz)
    out: list[Finding] = []
    day, last = _day(event.starts, tz), _day(event.ends, tz)
    while day <= last:
        count = len(reminders.get(day, ()))
        params: dict[str, object] = {"day": day, "count": count, "min": needed, "about": about}
        met = count >= needed
        if not given:
            message = Message("broadcast.reminder-no-schedule", {"day": day})
        else:
            state = "scheduled" if met else "missing" if count else "none"
            message = Message(f"broadcast.reminder-{state}", params)
        out.append(
            make(
                f"broadcast.reminder-{'scheduled' if met else 'missing'}",
                message,
                credit=min(1.0, count / needed),
                subject=day.isoformat(),
                due=max(event.starts, datetime.combine(day, _MIDNIGHT, tz)) - lead,
            )
        )
        day += timedelta(days=1)
    return out


def results_findings(
    config: Config, event: Event, area: AreaPlan, as_of: datetime
) -> list[Finding]:
    """``broadcast.results-scheduled`` / ``-missing``: a ``results`` slot after the end, no
    later than ``results_within_days`` after the closing day, where ``results`` is required."""
    del area, as_of
    if "results" not in required(config, event):
        return []
    last = days_after(event, config.results_within_days)
    matches = [s for s in config.slots if s.kind == "results" and event.ends <= s.at <= last]
    words = _words(event)
    params = {
        "by": last,
        "days": config.results_within_days,
        "about": words["about"],
        "end": words["end"],
    }
    return [
        _event_slot(
            "results",
            matches=matches,
            given=bool(config.slots),
            params=params,
            due=last - _lead(config),
            weight=WEIGHT_RESULTS,
            phase=Phase.AFTER,
            owner=_owner(config, event),
            tz=event.tz,
            about=words["about"],
        )
    ]


def _event_slot(
    kind: str,
    *,
    matches: list[Slot],
    given: bool,
    params: dict[str, object],
    due: datetime,
    weight: float,
    phase: Phase,
    owner: str | Message,
    tz: tzinfo,
    about: Message | None = None,
) -> Finding:
    """The Finding for the opening, closing or results broadcast: met by the earliest match."""
    make = _make.sharing(weight=weight, phase=phase, due=due)
    if matches:
        slot = min(matches, key=lambda s: s.at)  # min keeps the first of equal times
        return make(
            f"broadcast.{kind}-scheduled",
            # the slot by what it airs and when: its id is the file's, not a word of the report
            params={
                "content": slot.content,
                "at": _shown(slot.at, tz),
                **({"about": about} if about is not None else {}),
            },
            credit=1.0,
            subject=slot.id,
            owner=slot.owner or owner,
        )
    return make(
        f"broadcast.{kind}-missing",
        f"broadcast.{kind}-{'missing' if given else 'no-schedule'}",
        params,
        subject=kind,
        owner=owner,
        assessed=given,
    )


# -- each slot: its content approved in time, and a record that it went out ---------------------


def slot_findings(config: Config, event: Event, area: AreaPlan, as_of: datetime) -> list[Finding]:
    """Per slot, in the file's order: ``broadcast.slot-approved``; once its time has come,
    ``broadcast.slot-aired`` (a slot still to come gets none: it cannot have aired yet, and a
    Finding it could not earn would only lower the score before anything is late); and
    ``broadcast.too-long`` when it is longer than ``max_minutes``.

    The ward radio may report a broadcast in the status journal as it goes out (``venue-ready
    mark FILE broadcast:SLOT done --by "Đài truyền thanh phường"``): such an entry records the
    slot as aired at the entry's moment, when the file does not say so already."""
    tz = event.tz
    # the first report that still stands: when the broadcast went out
    reported = {slot_id: records[0] for slot_id, records in area.done_records().items()}
    lead = _lead(config)
    who = approver(config, event)
    out: list[Finding] = []
    for slot in config.slots:
        phase = _phase(_day(slot.at, tz), event, tz)
        make = _make.sharing(phase=phase, subject=slot.id, owner=_owner(config, event, slot.owner))
        at = _shown(slot.at, tz)
        head: dict[str, object] = {"content": slot.content, "at": at}

        if slot.approved_by is not None and slot.approved_on is not None:
            on = _shown(slot.approved_on, tz)
            params = {**head, "by": slot.approved_by, "on": on}
            if not approved_by_approver(config, event, slot.approved_by):
                # approved, but not by whose event it is: the content still needs that approval
                approved = False
                message = Message("broadcast.slot-approved-other", {**params, "approver": who})
            else:
                approved = slot.approved_on <= as_of
                message = Message(
                    "broadcast.slot-approved" if approved else "broadcast.slot-approved-later",
                    params,
                )
        else:
            approved = False
            message = Message(
                "broadcast.slot-not-approved",
                {**head, "lead": config.approval_lead_hours, "approver": who},
            )
        out.append(
            make(
                "broadcast.slot-approved",
                message,
                weight=WEIGHT_SLOT_APPROVED,
                credit=1.0 if approved else 0.0,
                due=slot.at - lead,
            )
        )

        if slot.at <= as_of:
            record = reported.get(slot.id) if slot.aired is None else None
            aired_at = record.at if record is not None else slot.aired
            aired = aired_at is not None and aired_at <= as_of
            if aired and aired_at is not None:
                message = Message("broadcast.slot-aired", {**head, "aired": _shown(aired_at, tz)})
            else:
                message = Message("broadcast.slot-not-aired", head)
            out.append(
                make(
                    "broadcast.slot-aired",
                    message,
                    weight=WEIGHT_SLOT_AIRED,
                    credit=1.0 if aired else 0.0,
                    due=slot.at,
                    record=record,
                )
            )

        if slot.minutes is not None and slot.minutes > config.max_minutes:
            out.append(
                make(
                    "broadcast.too-long",
                    params={**head, "minutes": slot.minutes, "max": config.max_minutes},
                    weight=WEIGHT_TOO_LONG,
                    due=slot.at - lead,
                )
            )
    return out


# -- the local limit of broadcasts a day ---------------------------------------------------------


def limit_findings(config: Config, event: Event, area: AreaPlan, as_of: datetime) -> list[Finding]:
    """``broadcast.over-limit`` for each calendar day with more slots than ``max_per_day``
    (credit 0), in date order. A day within the limit gives no Finding: a limit is a constraint
    to keep, not work to earn credit for."""
    del area, as_of  # the schedule breaks the limit as soon as it is written
    tz = event.tz
    lead = _lead(config)
    owner = _owner(config, event)
    out: list[Finding] = []
    for day, slots in sorted(_by_day(config.slots, tz).items()):
        if len(slots) <= config.max_per_day:
            continue
        out.append(
            _make(
                "broadcast.over-limit",
                params={"day": day, "count": len(slots), "max": config.max_per_day},
                weight=WEIGHT_OVER_LIMIT,
                phase=_phase(day, event, tz),
                subject=day.isoformat(),
                # the day's schedule must be settled before its first slot's approval is due
                due=min(s.at for s in slots) - lead,
                owner=owner,
            )
        )
    return out


# -- the loudspeaker clusters --------------------------------------------------------------------


def cluster_findings(
    config: Config, event: Event, area: AreaPlan, as_of: datetime
) -> list[Finding]:
    """``broadcast.clusters``: k of n clusters working against ``min_working_ratio``, checked
    recently enough. Not assessed when ``[clusters]`` is not given."""
    del area
    tz = event.tz
    make = _make.sharing(
        weight=WEIGHT_CLUSTERS,
        subject="clusters",
        due=days_before(event, config.clusters_lead_days),
    )
    clusters = config.clusters
    if clusters is None:
        return [
            make(
                "broadcast.clusters",
                "broadcast.clusters-missing",
                owner=_owner(config, event),
                assessed=False,
            )
        ]
    ratio = config.min_working_ratio
    working, total = clusters.working, clusters.total
    params: dict[str, object] = {
        "working": working,
        "total": total,
        "percent": round(100.0 * working / total, 1),
        "threshold": round(100.0 * ratio, 6),
        "check_days": config.clusters_check_days,
        "start": _words(event)["start"],
    }
    oldest = _day(event.starts, tz) - timedelta(days=config.clusters_check_days)
    credit = 0.0
    if clusters.checked is None:
        message = Message("broadcast.clusters-unchecked", params)
    else:
        params["checked"] = _shown(clusters.checked, tz)
        if clusters.checked > as_of:
            message = Message("broadcast.clusters-checked-later", params)
        elif _day(clusters.checked, tz) < oldest:
            message = Message("broadcast.clusters-stale", params)
        elif working >= ratio * total - _EPSILON:
            credit = 1.0
            message = Message("broadcast.clusters-ok", params)
        else:
            credit = math.floor(working / total / ratio * 10000) / 10000  # stays below 1
            params["needed"] = math.ceil(ratio * total - _EPSILON) - working
            message = Message("broadcast.clusters-low", params)
    return [
        make(
            "broadcast.clusters",
            message,
            credit=credit,
            owner=_owner(config, event, clusters.owner),
        )
    ]


Rule = Callable[[Config, Event, AreaPlan, datetime], list[Finding]]

opening_findings = _slot_on_day("opening", WEIGHT_OPENING)
closing_findings = _slot_on_day("closing", WEIGHT_CLOSING)

#: The schedule's rules, in the order their Findings appear. Each runs for every kind of event
#: and gives Findings only where the event requires its slots (the ``required`` setting, else
#: the kind's default: settings.DEFAULT_REQUIRED), so a setting can ask an election for an
#: opening broadcast: no rule is fixed to some kinds with ``applies_to``.
SCHEDULE_RULES: tuple[Rule, ...] = (
    daily_findings,
    opening_findings,
    reminder_findings,
    closing_findings,
    results_findings,
)
#: Every derived rule of the area, in the order their Findings appear (``rules=".rules:RULES"``).
RULES: tuple[Rule, ...] = (*SCHEDULE_RULES, slot_findings, limit_findings, cluster_findings)
