"""The ward radio's derived rules: pure functions from the settings to Findings.

Each rule is ``(config, event, area, as_of) -> list[Finding]``; nothing here reads a file or
the clock. Calendar days are days in the event's time zone. Weights (how much each Finding
counts in the area) are the constants below; docs/areas/broadcast.md explains each rule.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from datetime import date, datetime, time, timedelta, tzinfo

from venue_ready import AreaPlan, Event, Finding, FindingMaker, Message, Phase

from .settings import Config, Slot
from .template import KEY, owner_role

__all__ = [
    "WEIGHT_CLOSING",
    "WEIGHT_CLUSTERS",
    "WEIGHT_DAY",
    "WEIGHT_OPENING",
    "WEIGHT_OVER_LIMIT",
    "WEIGHT_RESULTS",
    "WEIGHT_SLOT_AIRED",
    "WEIGHT_SLOT_APPROVED",
    "WEIGHT_TOO_LONG",
    "assess",
    "cluster_findings",
    "limit_findings",
    "schedule_findings",
    "slot_findings",
]


#: Each expected day of daily broadcasts before the congress.
WEIGHT_DAY = 1.0
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
    """Every derived Finding of the area, in a fixed order: the schedule, each slot, the
    limits, the clusters."""
    return [
        *schedule_findings(config, event, area, as_of),
        *slot_findings(config, event, area, as_of),
        *limit_findings(config, event, area, as_of),
        *cluster_findings(config, event, area, as_of),
    ]


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


def schedule_findings(
    config: Config, event: Event, area: AreaPlan, as_of: datetime
) -> list[Finding]:
    """One Finding per expected day of daily broadcasts, then the opening-day, closing-day and
    results broadcasts. With no slot at all, they are not assessed (the schedule is missing)."""
    del area, as_of  # the schedule is judged as written; airing and approval are judged per slot
    tz = event.tz
    lead = _lead(config)
    owner = _owner(config, event)
    given = bool(config.slots)
    by_day = _by_day(config.slots, tz)
    start_day = _day(event.starts, tz)
    end_day = _day(event.ends, tz)
    out: list[Finding] = []

    for back in range(config.daily_from_days, 0, -1):
        day = start_day - timedelta(days=back)
        if day.weekday() in config.rest_days:
            continue
        count = len(by_day.get(day, ()))
        if not given:
            message = Message("broadcast.day-no-schedule", {"day": day})
        elif count:
            message = Message("broadcast.day-scheduled", {"day": day, "count": count})
        else:
            message = Message(
                "broadcast.day-missing", {"day": day, "from_days": config.daily_from_days}
            )
        out.append(
            _make(
                "broadcast.day-scheduled" if count else "broadcast.day-missing",
                message,
                weight=WEIGHT_DAY,
                credit=1.0 if count else 0.0,
                phase=Phase.BEFORE,
                subject=day.isoformat(),
                # the last moment a slot that day can still be scheduled and approved in time
                due=_end_of_day(day, tz) - lead,
                owner=owner,
                assessed=given,
            )
        )

    for kind, day, due, weight in (
        ("opening", start_day, event.starts - lead, WEIGHT_OPENING),
        ("closing", end_day, event.ends - lead, WEIGHT_CLOSING),
    ):
        matches = [s for s in config.slots if s.kind == kind and _day(s.at, tz) == day]
        out.append(
            _event_slot(
                kind,
                matches=matches,
                given=given,
                params={"day": day},
                due=due,
                weight=weight,
                phase=Phase.DURING,
                owner=owner,
                tz=tz,
            )
        )

    last = _end_of_day(end_day + timedelta(days=config.results_within_days), tz)
    matches = [s for s in config.slots if s.kind == "results" and event.ends <= s.at <= last]
    params = {"by": last, "days": config.results_within_days}
    out.append(
        _event_slot(
            "results",
            matches=matches,
            given=given,
            params=params,
            due=last - lead,
            weight=WEIGHT_RESULTS,
            phase=Phase.AFTER,
            owner=owner,
            tz=tz,
        )
    )
    return out


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
) -> Finding:
    """The Finding for the opening, closing or results broadcast: met by the earliest match."""
    make = _make.sharing(weight=weight, phase=phase, due=due)
    if matches:
        slot = min(matches, key=lambda s: s.at)  # min keeps the first of equal times
        return make(
            f"broadcast.{kind}-scheduled",
            # the slot by what it airs and when: its id is the file's, not a word of the report
            params={"content": slot.content, "at": _shown(slot.at, tz)},
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
    out: list[Finding] = []
    for slot in config.slots:
        phase = _phase(_day(slot.at, tz), event, tz)
        make = _make.sharing(phase=phase, subject=slot.id, owner=_owner(config, event, slot.owner))
        at = _shown(slot.at, tz)
        head: dict[str, object] = {"content": slot.content, "at": at}

        if slot.approved_by is not None and slot.approved_on is not None:
            on = _shown(slot.approved_on, tz)
            approved = slot.approved_on <= as_of
            message = Message(
                "broadcast.slot-approved" if approved else "broadcast.slot-approved-later",
                {**head, "by": slot.approved_by, "on": on},
            )
        else:
            approved = False
            message = Message(
                "broadcast.slot-not-approved", {**head, "lead": config.approval_lead_hours}
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
        due=event.starts - timedelta(days=config.clusters_lead_days),
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
