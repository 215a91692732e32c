"""The ``[areas.disinfection.settings]`` table: defaults, the parsed :class:`Config`, problems.

Every figure that may differ between localities (the spraying window, lead times, what each
person needs) is a setting; its default is a named constant below, taken from the domain notes
(the Ministry of Health's rules for meetings of 30 or more people, Directive 19/CT-TTg practice).
"""

import re
from collections.abc import Mapping
from datetime import date, datetime, time
from typing import Annotated, Any

from attrs import frozen

from venue_ready import Event, JournalEntry, Problem, Setting, SettingsReader, read_settings

from .template import TERM_2025

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
    "epidemic_measures",
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
MAX_LEAD_DAYS = 365
#: Temperature checkpoints are due this many hours before the opening.
DEFAULT_CHECKPOINT_LEAD_HOURS = 12.0
#: One mask on arrival and one spare (Decision 3888/QĐ-BYT: "spare masks").
DEFAULT_MASKS_PER_PERSON = 2.0
#: Hand sanitiser per person for a one-day meeting, in millilitres (*unverified*: a few uses).
DEFAULT_SANITISER_ML_PER_PERSON = 30.0
#: Masks and sanitiser are due this many days before the opening day (the end of that day).
DEFAULT_SUPPLIES_LEAD_DAYS = 1
#: The medical standby team has at least this many members.
DEFAULT_MIN_MEDICAL_MEMBERS = 2
#: The medical standby team is confirmed this many days before the opening day (its end).
DEFAULT_MEDICAL_LEAD_DAYS = 2

_HHMM = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


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


def _moment(
    reader: SettingsReader, key: str, values: object = None, *, required: bool = False
) -> datetime | None:
    """A date and time of something that happened; a bare date is refused, because the
    spraying window is counted in hours and a date alone cannot say which side of it a
    record falls on."""
    if _is_bare_date(reader.raw(key)):
        reader.problem(key, "disinfection.settings.bare-date", value=str(reader.raw(key)))
        return None
    return reader.instant(key, required=required, bare_date="start")


def _required_moment(reader: SettingsReader, key: str, values: object) -> datetime | None:
    return _moment(reader, key, required=True)


def _time_of_day(reader: SettingsReader, key: str, values: object) -> time | None:
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


def _zones(reader: SettingsReader, key: str, values: object) -> tuple[str, ...] | None:
    """A spraying's zones (``zone``: one id or a list), each one of the venue's."""
    zones = reader.strings(key, required=True)
    if reader.raw(key) == []:
        reader.problem(key, "disinfection.settings.no-zone")
    known = _place_ids(reader.event, "zone")
    unknown = [z for z in zones if not _check_place(reader, key, z, known, "zone")]
    return zones if zones and not unknown else None


def _known_entrance(
    reader: SettingsReader, key: str, value: str | None, values: object
) -> str | None:
    known = _place_ids(reader.event, "entrance")
    return (
        value if value is not None and _check_place(reader, key, value, known, "entrance") else None
    )


def _attendance_alone(
    reader: SettingsReader, key: str, value: int | None, values: object
) -> int | None:
    """The attendance, which replaces ``guests`` and ``staff``: not both ways at once."""
    if key in reader and ("guests" in reader or "staff" in reader):
        reader.problem(key, "disinfection.settings.attendance-and-parts")
    return value


@frozen
class Spraying:
    """One round of spraying: the zones sprayed, when, and by whom (None: the default team).

    ``record`` is the journal entry of a spraying the health station reported there, rather
    than one written in the plan."""

    zones: Annotated[tuple[str, ...], Setting(key="zone", read=_zones)]
    at: Annotated[datetime, Setting(read=_required_moment)]
    by: str | None = None
    record: Annotated[JournalEntry | None, Setting(file=False)] = None


@frozen
class Checkpoint:
    """A temperature checkpoint at an entrance; ``set_up_at`` None means it is in place."""

    entrance: Annotated[str, Setting(check=_known_entrance)]
    staff: str
    set_up_at: Annotated[datetime | None, Setting(read=_moment)] = None


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
    confirmed_on: Annotated[datetime | None, Setting(bare_date="start")] = None
    on_duty_from: Annotated[datetime | None, Setting(read=_moment)] = None


@frozen
class Config:
    """The area's settings, parsed, with every default filled in."""

    window_hours: Annotated[float, Setting(low=1.0, high=MAX_WINDOW_HOURS)] = DEFAULT_WINDOW_HOURS
    daily_opening: Annotated[time | None, Setting(read=_time_of_day)] = None
    team: str | None = None
    sprayings: tuple[Spraying, ...] = ()
    checkpoint_lead_hours: Annotated[float, Setting(high=MAX_LEAD_HOURS)] = (
        DEFAULT_CHECKPOINT_LEAD_HOURS
    )
    checkpoints: tuple[Checkpoint, ...] = ()
    attendance: Annotated[int | None, Setting(check=_attendance_alone)] = None
    guests: int | None = None
    staff: int | None = None
    masks_per_person: Annotated[float, Setting(high=MAX_MASKS_PER_PERSON)] = (
        DEFAULT_MASKS_PER_PERSON
    )
    sanitiser_ml_per_person: Annotated[float, Setting(high=MAX_SANITISER_ML_PER_PERSON)] = (
        DEFAULT_SANITISER_ML_PER_PERSON
    )
    supplies_lead_days: Annotated[int, Setting(high=MAX_LEAD_DAYS)] = DEFAULT_SUPPLIES_LEAD_DAYS
    supplies: Supplies | None = None
    min_medical_members: Annotated[int, Setting(low=1)] = DEFAULT_MIN_MEDICAL_MEMBERS
    medical_lead_days: Annotated[int, Setting(high=MAX_LEAD_DAYS)] = DEFAULT_MEDICAL_LEAD_DAYS
    medical_team: MedicalTeam | None = None
    owner_checkpoints: str | None = None
    owner_supplies: str | None = None
    owner_medical: str | None = None
    #: The epidemic measures (temperature checkpoints, masks); None: by the event's term
    #: (:func:`epidemic_measures`).
    epidemic_measures: bool | None = None


def epidemic_measures(config: Config, event: Event) -> bool:
    """Whether the event checks temperature at the entrances and stocks masks: the setting
    ``epidemic_measures``, else by the event's term: yes for an event opening before 2025 (the
    2020 - 2025 term, held under the COVID-19 rules: Chỉ thị 19/CT-TTg, Quyết định
    3888/QĐ-BYT), no from the 2025 - 2030 term, whose events plan ordinary medical cover and
    hygiene (spraying, hand sanitiser, soap, the medical team) instead."""
    if config.epidemic_measures is not None:
        return config.epidemic_measures
    return event.starts.astimezone(event.tz).date() < TERM_2025


def parse(settings: Mapping[str, Any], event: Event | None) -> tuple[Config, list[Problem]]:
    """The settings as a :class:`Config`, and every problem found in them.

    Zone and entrance ids are checked against the venue only when ``event`` has one. A value
    that is wrong is reported and replaced by its default, so the Config is always usable.
    """
    return read_settings(Config, settings, event)


def validate(settings: Mapping[str, Any], event: Event | None) -> list[Problem]:
    """The problems in the settings table (the area's ``validate_settings``); never raises."""
    return parse(settings, event)[1]
