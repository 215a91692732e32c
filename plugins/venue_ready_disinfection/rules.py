"""The area's derived rules: pure functions from (config, event, area, as_of) to Findings.

No I/O and no clock: what counts is what the settings record up to ``as_of``. Each function
returns its Findings in a fixed order (event days, then the venue's zones or entrances in the
order the venue lists them), so the same input always gives the same Findings.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import datetime, timedelta

from venue_ready import AreaPlan, Event, Finding, FindingMaker, Message, Phase, days_before

from .settings import Config, Spraying, epidemic_measures
from .template import HEALTH_STATION, KEY, SERVICE, SERVICE_BY_KIND, SERVICE_BY_ORGANISER

__all__ = [
    "RULES",
    "assess",
    "attendance",
    "checkpoints",
    "journal_subjects",
    "medical_team",
    "openings",
    "service_owner",
    "sprayings",
    "supplies",
]


#: Weights of the derived Findings (each zone per day, each entrance, each supply, the team).
ZONE_WEIGHT = 1.0
CHECKPOINT_WEIGHT = 1.0
MASKS_WEIGHT = 1.0
SANITISER_WEIGHT = 1.0
SOAP_WEIGHT = 0.5
MEDICAL_WEIGHT = 1.0
#: Credit of a medical team that is named but has not confirmed yet (times its staffing share).
UNCONFIRMED_CREDIT = 0.5


#: The kinds whose start the messages name in their own words (``disinfection.word.start.*``);
#: any other kind opens ("giờ khai mạc", "the opening").
_START_WORDS = frozenset({"election", "council-session", "ceremony"})


def start_word(event: Event) -> Message:
    """How the messages name the moment the day starts: an election's polls open ("giờ bắt đầu
    bỏ phiếu"), a council's session opens ("giờ khai mạc kỳ họp"), a ceremony starts ("giờ bắt
    đầu buổi lễ"), any other event opens ("giờ khai mạc")."""
    which = event.kind if event.kind in _START_WORDS else "other"
    return Message(f"{KEY}.word.start.{which}")


def openings(config: Config, event: Event) -> list[datetime]:
    """Each event day's opening: day 1 is ``event.starts``; every later day opens at
    ``daily_opening`` (local time), or at the same time of day as the start, as long as that is
    before the event ends."""
    tz = event.tz
    first = event.starts.astimezone(tz)
    last_day = event.ends.astimezone(tz).date()
    time_of_day = config.daily_opening or first.time().replace(tzinfo=None)
    out = [event.starts]
    day = first.date() + timedelta(days=1)
    while day <= last_day:
        opening = datetime.combine(day, time_of_day, tz)
        if event.starts < opening <= event.ends:
            out.append(opening)
        day += timedelta(days=1)
    return out


#: Every Finding of the area.
_make = FindingMaker(KEY)


def journal_sprayings(area: AreaPlan) -> list[Spraying]:
    """The sprayings the health station reported in the journal: an entry ``disinfection:ZONE``
    marked ``done`` is that zone sprayed at the entry's moment, by whoever reported it (a later
    ``todo`` or ``blocked`` entry for the zone withdraws the ones before it)."""
    return [
        Spraying(zones=(zone,), at=record.at, by=record.by, record=record)
        for zone, records in area.done_records().items()
        for record in records
    ]


def sprayings(config: Config, event: Event, area: AreaPlan, as_of: datetime) -> list[Finding]:
    """``disinfection.zone-sprayed``: every zone, before every day's opening, sprayed within the
    window. A gate, due at that day's opening; day 1 is ``before``, later days ``during``."""
    code = f"{KEY}.zone-sprayed"
    team = config.team or HEALTH_STATION.owner
    zones = event.venue.zones if event.venue is not None else ()
    if not zones:
        return [
            _make(
                code,
                f"{KEY}.no-zones",
                weight=ZONE_WEIGHT,
                gate=True,
                due=event.starts,
                owner=team,
                assessed=False,
            )
        ]
    # each zone's sprayings, oldest first (in file order when at the same moment)
    by_zone: dict[str, list[Spraying]] = {}
    for spraying in sorted((*config.sprayings, *journal_sprayings(area)), key=lambda s: s.at):
        for zone_id in dict.fromkeys(spraying.zones):
            by_zone.setdefault(zone_id, []).append(spraying)
    window = timedelta(hours=config.window_hours)
    out: list[Finding] = []
    for day, opening in enumerate(openings(config, event)):
        start = opening - window
        for zone in zones:
            records = by_zone.get(zone.id, [])
            # the zone by its name: its id is the file's, not a word of the report
            base: dict[str, object] = {
                "zone": zone.name,
                "opening": opening,
                "start": start_word(event),
                "window": config.window_hours,
            }
            credit = 0.0
            who: str | Message = team
            used: Spraying | None = None
            done = [s for s in records if s.at <= as_of]
            inside = [s for s in done if start < s.at <= opening]
            planned = [s for s in records if s.at > as_of and start < s.at <= opening]
            early = [s for s in done if s.at <= start]
            if inside:
                latest: Spraying = inside[-1]
                used = latest if latest.record is not None else None
                credit = 1.0
                who = latest.by or team
                message, params = f"{KEY}.zone-sprayed", {**base, "at": latest.at, "by": who}
            elif planned:
                message, params = f"{KEY}.zone-planned", {**base, "at": planned[0].at}
            elif early:
                message = f"{KEY}.zone-too-early"
                params = {**base, "last": early[-1].at, "window_start": start}
            else:
                message, params = f"{KEY}.zone-missed", base
            out.append(
                _make(
                    code,
                    message,
                    params,
                    weight=ZONE_WEIGHT,
                    credit=credit,
                    gate=True,
                    phase=Phase.BEFORE if day == 0 else Phase.DURING,
                    subject=zone.id,
                    due=opening,
                    owner=who,
                    record=used.record if used is not None else None,
                )
            )
    return out


def checkpoints(config: Config, event: Event, area: AreaPlan, as_of: datetime) -> list[Finding]:
    """``disinfection.checkpoint``: a staffed temperature checkpoint at every entrance, while
    the epidemic measures apply (:func:`~.settings.epidemic_measures`: the 2020 - 2025 term's)."""
    if not epidemic_measures(config, event):
        return []
    code = f"{KEY}.checkpoint"
    role = config.owner_checkpoints or service_owner(event)
    make = _make.sharing(
        weight=CHECKPOINT_WEIGHT, due=event.starts - timedelta(hours=config.checkpoint_lead_hours)
    )
    entrances = event.venue.entrances if event.venue is not None else ()
    if not entrances:
        return [make(code, f"{KEY}.no-entrances", owner=role, assessed=False)]
    out: list[Finding] = []
    for entrance in entrances:
        base: dict[str, object] = {"entrance": entrance.name}
        records = [c for c in config.checkpoints if c.entrance == entrance.id]
        active = [c for c in records if c.set_up_at is None or c.set_up_at <= as_of]
        credit = 0.0
        who: str | Message = role
        if active:
            credit, who = 1.0, active[0].staff
            message, params = f"{KEY}.checkpoint-set", {**base, "staff": who}
        elif records:
            first = min(records, key=lambda c: c.set_up_at or as_of)
            who = first.staff
            message, params = f"{KEY}.checkpoint-planned", {**base, "at": first.set_up_at}
        else:
            message, params = f"{KEY}.checkpoint-missing", base
        out.append(make(code, message, params, credit=credit, subject=entrance.id, owner=who))
    return out


def attendance(config: Config, event: Event) -> int | None:
    """How many people to stock for: the area's ``attendance``, else the event's attendance
    (``[event.attendance]``: participants, guests, staff), with the area's ``guests`` and
    ``staff`` in place of the event's where they are set; None while the participants are not
    known.

    The total, not ``at_once``, for every kind, an election day included: masks and hand
    sanitiser are used up by each person who comes over the whole event (every voter of the
    day, not the hundred in the room at once), so the stock is for everyone expected. (The
    security area's extinguishers, which serve the people in the room, read
    ``Event.present_at_once`` instead.)"""
    if config.attendance is not None:
        return config.attendance
    people = event.attendance
    if people.participants is None:
        return None
    guests = config.guests if config.guests is not None else people.guests
    staff = config.staff if config.staff is not None else people.staff
    return people.participants + (guests or 0) + (staff or 0)


def service_owner(event: Event) -> Message:
    """Who sets up the checkpoints and buys the supplies by default: by the event's kind
    (template.SERVICE_BY_KIND), else by whose event it is, else the service sub-committee."""
    role = SERVICE_BY_KIND.get(event.kind)
    if role is None and event.organiser is not None:
        role = SERVICE_BY_ORGANISER.get(event.organiser)
    return (role or SERVICE).owner


def supplies(config: Config, event: Event, area: AreaPlan, as_of: datetime) -> list[Finding]:
    """``disinfection.masks`` (while the epidemic measures apply), ``disinfection.sanitiser``
    (credit = stock / need, at most 1) and, when the file says, ``disinfection.soap``."""
    del as_of  # a stock is what the file says now; it carries no date
    stock = config.supplies
    make = _make.sharing(
        due=days_before(event, config.supplies_lead_days),
        owner=(stock.owner if stock is not None else None)
        or config.owner_supplies
        or service_owner(event),
    )
    people = attendance(config, event)

    masks = stock.masks if stock is not None else None
    litres = stock.sanitiser_litres if stock is not None else None
    out: list[Finding] = []
    if not epidemic_measures(config, event):
        pass  # masks are an epidemic measure (the 2020 - 2025 term's), not ordinary hygiene
    elif masks is None or people is None:
        message = f"{KEY}.masks-unknown" if masks is None else f"{KEY}.attendance-unknown"
        out.append(
            make(f"{KEY}.masks", message, weight=MASKS_WEIGHT, subject="masks", assessed=False)
        )
    else:
        need = math.ceil(people * config.masks_per_person)
        params: dict[str, object] = {
            "stock": masks,
            "people": people,
            "need": need,
            "per_person": config.masks_per_person,
        }
        enough = masks >= need
        out.append(
            make(
                f"{KEY}.masks",
                f"{KEY}.masks-enough" if enough else f"{KEY}.masks-short",
                {**params, "missing": max(0, need - masks)},
                weight=MASKS_WEIGHT,
                credit=1.0 if enough else masks / need,
                subject="masks",
            )
        )
    if litres is None or people is None:
        message = f"{KEY}.sanitiser-unknown" if litres is None else f"{KEY}.attendance-unknown"
        out.append(
            make(
                f"{KEY}.sanitiser",
                message,
                weight=SANITISER_WEIGHT,
                subject="sanitiser",
                assessed=False,
            )
        )
    else:
        need_litres = round(people * config.sanitiser_ml_per_person / 1000.0, 3)
        enough = litres >= need_litres
        out.append(
            make(
                f"{KEY}.sanitiser",
                f"{KEY}.sanitiser-enough" if enough else f"{KEY}.sanitiser-short",
                {
                    "stock": float(litres),
                    "people": people,
                    "need": float(need_litres),
                    "per_person": config.sanitiser_ml_per_person,
                    "missing": float(round(max(0.0, need_litres - litres), 3)),
                },
                weight=SANITISER_WEIGHT,
                credit=1.0 if enough else litres / need_litres,
                subject="sanitiser",
            )
        )
    if stock is not None and stock.soap_in_toilets is not None:
        out.append(
            make(
                f"{KEY}.soap",
                f"{KEY}.soap-present" if stock.soap_in_toilets else f"{KEY}.soap-missing",
                weight=SOAP_WEIGHT,
                credit=1.0 if stock.soap_in_toilets else 0.0,
                subject="soap",
            )
        )
    return out


def medical_team(config: Config, event: Event, area: AreaPlan, as_of: datetime) -> list[Finding]:
    """``disinfection.medical-team-arranged`` (before the event) and
    ``disinfection.medical-team-on-duty`` (during it: never part of the readiness score)."""
    team = config.medical_team
    arranged = f"{KEY}.medical-team-arranged"
    on_duty = f"{KEY}.medical-team-on-duty"
    due = days_before(event, config.medical_lead_days)
    make = _make.sharing(weight=MEDICAL_WEIGHT, subject="medical-team")
    if team is None:
        return [
            make(
                code,
                f"{KEY}.medical-team-missing",
                phase=phase,
                due=when,
                owner=config.owner_medical or HEALTH_STATION.owner,
            )
            for code, phase, when in (
                (arranged, Phase.BEFORE, due),
                (on_duty, Phase.DURING, event.starts),
            )
        ]

    needed = config.min_medical_members
    staffing = min(1.0, team.members / needed)
    confirmed = team.confirmed_on is not None and team.confirmed_on <= as_of
    params: dict[str, object] = {"team": team.team, "members": team.members, "needed": needed}
    if confirmed:
        credit = staffing
        if staffing >= 1.0:
            message = f"{KEY}.medical-team-ready"
            # the day is what counts; a bare date read as a record is midnight, and would show
            # as "00:00" if passed as a datetime
            assert team.confirmed_on is not None
            params["confirmed"] = team.confirmed_on.astimezone(event.tz).date()
        else:
            message = f"{KEY}.medical-team-short"
    else:
        credit = UNCONFIRMED_CREDIT * staffing
        short = staffing < 1.0
        message = f"{KEY}.medical-team-unconfirmed" + ("-short" if short else "")
    first = make(arranged, message, params, credit=credit, due=due, owner=team.team)

    since = team.on_duty_from
    duty: dict[str, object] = {
        "team": team.team,
        "opening": event.starts,
        "start": start_word(event),
    }
    duty_credit = 0.0
    if since is not None and since > event.starts:
        duty_message = f"{KEY}.medical-late"
        duty["since"] = since
    elif since is None or since > as_of:
        duty_message = f"{KEY}.medical-not-on-duty"
    else:
        duty_message, duty_credit = f"{KEY}.medical-on-duty", 1.0
        duty["since"] = since
    second = make(
        on_duty,
        duty_message,
        duty,
        credit=duty_credit,
        phase=Phase.DURING,
        due=event.starts,
        owner=team.team,
    )
    return [first, second]


Rule = Callable[[Config, Event, AreaPlan, datetime], list[Finding]]

#: Every derived rule, in the order its Findings appear in the report (``rules=".rules:RULES"``).
#: None is marked with ``applies_to``: every kind of event that gathers people in a hall or at a
#: polling area (a Party congress, another organisation's congress, an election day, a council
#: session, a conference, a ceremony) is sprayed, checked at the door, stocked and stood by.
RULES: tuple[Rule, ...] = (sprayings, checkpoints, supplies, medical_team)


def assess(config: Config, event: Event, area: AreaPlan, as_of: datetime) -> list[Finding]:
    """Every derived Finding of the area: each of :data:`RULES`' in turn."""
    return [finding for rule in RULES for finding in rule(config, event, area, as_of)]


def journal_subjects(event: Event, area: AreaPlan) -> list[str]:
    """The zones the health station reports sprayed in the journal (``disinfection:ZONE``)."""
    del area
    return [zone.id for zone in event.venue.zones] if event.venue is not None else []
