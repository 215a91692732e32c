"""The ``[areas.disinfection.settings]`` table: defaults, the parsed :class:`Config`, problems.

Every figure that may differ between localities (the spraying window, lead times, what each
person needs) is a setting; its default is a named constant below, taken from the domain notes
(the Ministry of Health's rules for meetings of 30 or more people, Directive 19/CT-TTg practice).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime, time
from typing import Any

from attrs import frozen

from venue_ready import Event, JournalEntry, Problem, SettingsReader

__all__ = [
    "DEFAULT_CHECKPOINT_LEAD_HOURS",
    "DEFAULT_MASKS_PER_PERSON",
    "DEFAULT_MEDICAL_LEAD_DAYS",
    "DEFAULT_MIN_MEDICAL_MEMBERS",
    "DEFAULT_SANITISER_ML_PER_PERSON",
    "DEFAULT_SUPPLIES_LEAD_DAYS",
    "DEFAULT_WINDOW_HOURS",
    "MAX_LEAD_DAYS",
    "MAX_LEAD_HOURS",
    "MAX_MASKS_PER_PERSON",
    "MAX_SANITISER_ML_PER_PERSON",
    "MAX_WINDOW_HOURS",
    "Checkpoint",
    "Config",
    "MedicalTeam",
    "Spraying",
    "Supplies",
    "parse",
    "validate",
]

#: A zone counts as disinfected for a day when it was sprayed within this many hours before
#: that day's opening (the health station sprays on the eve or the morning of the congress).
DEFAULT_WINDOW_HOURS = 24.0
#: The longest window accepted: a spraying more than two weeks old protects nobody.
MAX_WINDOW_HOURS = 336.0
#: The longest lead time, in hours, accepted for checkpoints (30 days).
MAX_LEAD_HOURS = 720.0
#: The highest amounts per person and the longest lead in days accepted (typing mistakes).
MAX_MASKS_PER_PERSON = 100.0
MAX_SANITISER_ML_PER_PERSON = 10_000.0
MAX_LEAD_DAYS = 365.0
#: Temperature checkpoints are due this many hours before the opening.
DEFAULT_CHECKPOINT_LEAD_HOURS = 12.0
#: One mask on arrival and one spare (Decision 3888/QĐ-BYT: "spare masks").
DEFAULT_MASKS_PER_PERSON = 2.0
#: Hand sanitiser per person for a one-day meeting, in millilitres (*unverified*: a few uses).
DEFAULT_SANITISER_ML_PER_PERSON = 30.0
#: Masks and sanitiser are due this many days before the opening.
DEFAULT_SUPPLIES_LEAD_DAYS = 1.0
#: The medical standby team has at least this many members.
DEFAULT_MIN_MEDICAL_MEMBERS = 2
#: The medical standby team is confirmed this many days before the opening.
DEFAULT_MEDICAL_LEAD_DAYS = 2.0

_KEYS = (
    "window_hours",
    "daily_opening",
    "team",
    "sprayings",
    "checkpoint_lead_hours",
    "checkpoints",
    "attendance",
    "guests",
    "staff",
    "masks_per_person",
    "sanitiser_ml_per_person",
    "supplies_lead_days",
    "supplies",
    "min_medical_members",
    "medical_lead_days",
    "medical_team",
)
_HHMM = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


@frozen
class Spraying:
    """One round of spraying: the zones sprayed, when, and by whom (None: the default team).

    ``record`` is the journal entry of a spraying the health station reported there, rather
    than one written in the plan."""

    zones: tuple[str, ...]
    at: datetime
    by: str | None = None
    record: JournalEntry | None = None


@frozen
class Checkpoint:
    """A temperature checkpoint at an entrance; ``set_up_at`` None means it is in place."""

    entrance: str
    staff: str
    set_up_at: datetime | None = None


@frozen
class Supplies:
    """Stocks for the expected attendance; None where the file does not say."""

    masks: int | None = None
    sanitiser_litres: float | None = None
    soap_in_toilets: bool | None = None
    owner: str | None = None


@frozen
class MedicalTeam:
    """The medical standby team (đội y tế thường trực)."""

    team: str
    members: int
    confirmed_on: datetime | None = None
    on_duty_from: datetime | None = None


@frozen
class Config:
    """The area's settings, parsed, with every default filled in."""

    window_hours: float = DEFAULT_WINDOW_HOURS
    daily_opening: time | None = None
    team: str | None = None
    sprayings: tuple[Spraying, ...] = ()
    checkpoint_lead_hours: float = DEFAULT_CHECKPOINT_LEAD_HOURS
    checkpoints: tuple[Checkpoint, ...] = ()
    attendance: int | None = None
    guests: int = 0
    staff: int = 0
    masks_per_person: float = DEFAULT_MASKS_PER_PERSON
    sanitiser_ml_per_person: float = DEFAULT_SANITISER_ML_PER_PERSON
    supplies_lead_days: float = DEFAULT_SUPPLIES_LEAD_DAYS
    supplies: Supplies | None = None
    min_medical_members: int = DEFAULT_MIN_MEDICAL_MEMBERS
    medical_lead_days: float = DEFAULT_MEDICAL_LEAD_DAYS
    medical_team: MedicalTeam | None = None


def _is_bare_date(value: object) -> bool:
    """True for a TOML date, or a text holding one (``"2020-05-14"``), without a time."""
    if isinstance(value, datetime):
        return False
    if isinstance(value, date):
        return True
    if not isinstance(value, str):
        return False
    try:
        date.fromisoformat(value.strip())
    except ValueError:
        return False
    return len(value.strip()) == 10


def _moment(reader: SettingsReader, key: str, *, required: bool = False) -> datetime | None:
    """A date and time of something that happened; a bare date is refused, because the
    spraying window is counted in hours and a date alone cannot say which side of it a
    record falls on."""
    if _is_bare_date(reader.raw(key)):
        reader.problem(key, "disinfection.settings.bare-date", value=str(reader.raw(key)))
        return None
    return reader.instant(key, required=required, bare_date="start")


def _time_of_day(reader: SettingsReader, key: str) -> time | None:
    value = reader.raw(key)
    if value is None:
        return None
    if isinstance(value, time) and not isinstance(value, datetime):
        return value.replace(tzinfo=None)
    if isinstance(value, str):
        match = _HHMM.match(value.strip())
        if match:
            return time(int(match.group(1)), int(match.group(2)))
    reader.problem(key, "disinfection.settings.bad-time", value=str(value)[:40])
    return None


def _place_ids(event: Event | None, kind: str) -> tuple[str, ...] | None:
    """The ids of the venue's zones or entrances, or None when they cannot be checked."""
    if event is None or event.venue is None:
        return None
    places = event.venue.zones if kind == "zone" else event.venue.entrances
    return tuple(p.id for p in places)


def _check_place(
    reader: SettingsReader, key: str, value: str, known: tuple[str, ...] | None, kind: str
) -> bool:
    """False (and a problem) when ``value`` is not one of ``known``; True when it is, or when
    there is no venue to check it against. Not ``SettingsReader.one_of``: a spraying's ``zone``
    may be a list, and these messages say the id is not one of the venue's zones or entrances."""
    if known is None or value in known:
        return True
    import difflib

    hint = difflib.get_close_matches(value, list(known), n=1, cutoff=0.6)
    listed = ", ".join(known) or "-"
    if hint:
        reader.problem(
            key,
            f"disinfection.settings.unknown-{kind}-hint",
            value=value,
            hint=hint[0],
            known=listed,
        )
    else:
        reader.problem(key, f"disinfection.settings.unknown-{kind}", value=value, known=listed)
    return False


def _sprayings(r: SettingsReader, zone_ids: tuple[str, ...] | None) -> tuple[Spraying, ...]:
    out: list[Spraying] = []
    for s in r.tables("sprayings"):
        s.known("zone", "at", "by")
        zones = s.strings("zone", required=True)
        if s.raw("zone") == []:
            s.problem("zone", "disinfection.settings.no-zone")
        unknown = [z for z in zones if not _check_place(s, "zone", z, zone_ids, "zone")]
        at = _moment(s, "at", required=True)
        by = s.text("by")
        if zones and not unknown and at is not None:
            out.append(Spraying(zones=zones, at=at, by=by))
    return tuple(out)


def _checkpoints(r: SettingsReader, entrance_ids: tuple[str, ...] | None) -> tuple[Checkpoint, ...]:
    out: list[Checkpoint] = []
    for c in r.tables("checkpoints"):
        c.known("entrance", "staff", "set_up_at")
        entrance = c.text("entrance", required=True)
        good = entrance is not None and _check_place(
            c, "entrance", entrance, entrance_ids, "entrance"
        )
        staff = c.text("staff", required=True)
        set_up_at = _moment(c, "set_up_at")
        if entrance is not None and good and staff is not None:
            out.append(Checkpoint(entrance=entrance, staff=staff, set_up_at=set_up_at))
    return tuple(out)


def _supplies(r: SettingsReader) -> Supplies | None:
    if "supplies" not in r:
        return None
    s = r.table("supplies")
    s.known("masks", "sanitiser_litres", "soap_in_toilets", "owner")
    soap = s.raw("soap_in_toilets")
    return Supplies(
        masks=s.integer("masks", None),
        sanitiser_litres=s.number("sanitiser_litres", None),
        soap_in_toilets=s.boolean("soap_in_toilets", False) if soap is not None else None,
        owner=s.text("owner"),
    )


def _medical_team(r: SettingsReader) -> MedicalTeam | None:
    if "medical_team" not in r:
        return None
    m = r.table("medical_team")
    m.known("team", "members", "confirmed_on", "on_duty_from")
    team = m.text("team", required=True)
    members = m.integer("members", None, required=True)
    confirmed_on = m.instant("confirmed_on", bare_date="start")
    on_duty_from = _moment(m, "on_duty_from")
    if team is None or members is None:
        return None
    return MedicalTeam(
        team=team, members=members, confirmed_on=confirmed_on, on_duty_from=on_duty_from
    )


def parse(settings: Mapping[str, Any], event: Event | None) -> tuple[Config, list[Problem]]:
    """The settings as a :class:`Config`, and every problem found in them.

    Zone and entrance ids are checked against the venue only when ``event`` has one. A value
    that is wrong is reported and replaced by its default, so the Config is always usable.
    """
    r = SettingsReader(settings, event)
    r.known(*_KEYS)
    if "attendance" in r and ("guests" in r or "staff" in r):
        r.problem("attendance", "disinfection.settings.attendance-and-parts")
    attendance = r.integer("attendance", None)
    config = Config(
        window_hours=r.number("window_hours", DEFAULT_WINDOW_HOURS, low=1.0, high=MAX_WINDOW_HOURS),
        daily_opening=_time_of_day(r, "daily_opening"),
        team=r.text("team"),
        sprayings=_sprayings(r, _place_ids(event, "zone")),
        checkpoint_lead_hours=r.number(
            "checkpoint_lead_hours", DEFAULT_CHECKPOINT_LEAD_HOURS, high=MAX_LEAD_HOURS
        ),
        checkpoints=_checkpoints(r, _place_ids(event, "entrance")),
        attendance=attendance,
        guests=r.integer("guests", 0),
        staff=r.integer("staff", 0),
        masks_per_person=r.number(
            "masks_per_person", DEFAULT_MASKS_PER_PERSON, high=MAX_MASKS_PER_PERSON
        ),
        sanitiser_ml_per_person=r.number(
            "sanitiser_ml_per_person",
            DEFAULT_SANITISER_ML_PER_PERSON,
            high=MAX_SANITISER_ML_PER_PERSON,
        ),
        supplies_lead_days=r.number(
            "supplies_lead_days", DEFAULT_SUPPLIES_LEAD_DAYS, high=MAX_LEAD_DAYS
        ),
        supplies=_supplies(r),
        min_medical_members=r.integer("min_medical_members", DEFAULT_MIN_MEDICAL_MEMBERS, low=1),
        medical_lead_days=r.number(
            "medical_lead_days", DEFAULT_MEDICAL_LEAD_DAYS, high=MAX_LEAD_DAYS
        ),
        medical_team=_medical_team(r),
    )
    return config, r.problems


def validate(settings: Mapping[str, Any], event: Event | None) -> list[Problem]:
    """The problems in the settings table (the area's ``validate_settings``); never raises."""
    return parse(settings, event)[1]
