"""The ``[areas.broadcast.settings]`` table: the radio's schedule, its loudspeakers, its limits.

:func:`parse` reads the table into a :class:`Config` and collects every problem; the area's
settings validator is :func:`validate` (the problems only). Both never raise, whatever the
table holds. Every default below is a module-level constant, and every one of them is a setting:
lead times, windows, thresholds and limits differ between localities.
"""

from collections.abc import Mapping
from datetime import datetime
from typing import Annotated, Any, Literal, get_args

from attrs import frozen

from venue_ready import AreaPlan, Event, Problem, Setting, SettingsReader, read_settings

__all__ = [
    "DEFAULT_APPROVAL_LEAD_HOURS",
    "DEFAULT_CLUSTERS_CHECK_DAYS",
    "DEFAULT_CLUSTERS_LEAD_DAYS",
    "DEFAULT_DAILY_FROM_DAYS",
    "DEFAULT_MAX_MINUTES",
    "DEFAULT_MAX_PER_DAY",
    "DEFAULT_MIN_WORKING_RATIO",
    "DEFAULT_REMINDERS_PER_DAY",
    "DEFAULT_REQUIRED",
    "DEFAULT_REQUIRED_OTHER",
    "DEFAULT_RESULTS_WITHIN_DAYS",
    "KINDS",
    "REQUIREMENTS",
    "WEEKDAYS",
    "Clusters",
    "Config",
    "Kind",
    "Requirement",
    "Slot",
    "journal_subjects",
    "parse",
    "reminders_per_day",
    "required",
    "validate",
]

#: Daily broadcasts are expected on each day from this many days before the opening day up to
#: the day before it (the propaganda "before the congress" phase).
DEFAULT_DAILY_FROM_DAYS = 7
#: A slot's content must be approved this many hours before it goes on air.
DEFAULT_APPROVAL_LEAD_HOURS = 24.0
#: The results must go on air within this many days after the congress ends.
DEFAULT_RESULTS_WITHIN_DAYS = 3
#: Share of loudspeaker clusters that must be working.
DEFAULT_MIN_WORKING_RATIO = 0.9
#: The clusters must be in working order this many days before the opening.
DEFAULT_CLUSTERS_LEAD_DAYS = 3
#: A check of the clusters older than this many days before the opening is stale.
DEFAULT_CLUSTERS_CHECK_DAYS = 7
#: Broadcasts a day at most. Hà Nội's rule for urban districts (from March 2021, after this
#: congress) is 2 a day; stations have broadcast up to 5 a day during political campaigns.
DEFAULT_MAX_PER_DAY = 2
#: Minutes a broadcast at most (Hà Nội's 2021 urban rule: 15).
DEFAULT_MAX_MINUTES = 15.0

#: Upper bounds that keep date arithmetic finite; no lead time or window is longer than a year.
MAX_DAYS = 366
MAX_LEAD_HOURS = 24.0 * MAX_DAYS

#: What a slot is for: a daily broadcast before the event, the opening, a reminder on the day
#: (the polls are open; "còn … giờ nữa kết thúc bỏ phiếu"), the closing, the results, or other.
Kind = Literal["daily", "opening", "reminder", "closing", "results", "other"]
KINDS: tuple[Kind, ...] = get_args(Kind)
#: What ``required`` may name: the slot kinds the schedule must have (``other`` is never due).
Requirement = Literal["daily", "opening", "reminder", "closing", "results"]
REQUIREMENTS: tuple[Requirement, ...] = get_args(Requirement)

#: The slots each kind of event requires when ``required`` is not set. A Party congress and
#: another organisation's congress: a broadcast every day before it, the opening, the closing and
#: the results (the propaganda's three phases, before, during and after). A People's Council
#: session and a conference: the opening and the closing. An election day: a broadcast every day
#: before it, reminders on the day (the polls are open; "còn … giờ nữa kết thúc bỏ phiếu") and the
#: results; no opening or closing speech. A ceremony: before it, and on the day. Only the
#: congress's three phases are in the domain notes; the other kinds' lists are the project's
#: defaults (unverified), which ``required`` overrides.
DEFAULT_REQUIRED: Mapping[str, tuple[Requirement, ...]] = {
    "party-congress": ("daily", "opening", "closing", "results"),
    "congress": ("daily", "opening", "closing", "results"),
    "council-session": ("opening", "closing"),
    "conference": ("opening", "closing"),
    "election": ("daily", "reminder", "results"),
    "ceremony": ("daily", "reminder"),
}
#: What a kind the project does not know (a plugin's) requires: the daily broadcasts before it.
DEFAULT_REQUIRED_OTHER: tuple[Requirement, ...] = ("daily",)
#: Reminders a day of the event at least, by kind (1 for a kind not listed): on election day,
#: one as the polls open and one before they close (unverified).
DEFAULT_REMINDERS_PER_DAY: Mapping[str, int] = {"election": 2}
#: Weekday names for ``rest_days``, Monday first (``datetime.weekday()`` order).
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _rest_days(reader: SettingsReader, key: str, values: object) -> frozenset[int]:
    # Not one_of(): the names are an array, matched whatever their case ("Sunday").
    found: set[int] = set()
    for name in reader.strings(key):
        word = name.strip().lower()
        if word in WEEKDAYS:
            found.add(WEEKDAYS.index(word))
            continue
        import difflib

        hint = difflib.get_close_matches(word, WEEKDAYS, n=1, cutoff=0.6)
        reader.problem(
            "rest_days",
            "load.bad-choice-hint" if hint else "load.bad-choice",
            value=name,
            hint=hint[0] if hint else "",
            choices=", ".join(WEEKDAYS),
        )
    return frozenset(found)


def _required(reader: SettingsReader, key: str, values: object) -> tuple[Requirement, ...] | None:
    """The slot kinds the schedule must have, in the order of :data:`REQUIREMENTS`; None when
    the file does not say (the kind's default then applies). ``[]`` requires none."""
    if key not in reader:
        return None
    found: set[str] = set()
    for name in reader.strings(key):
        word = name.strip().lower()
        if word in REQUIREMENTS:
            found.add(word)
            continue
        import difflib

        hint = difflib.get_close_matches(word, REQUIREMENTS, n=1, cutoff=0.6)
        reader.problem(
            key,
            "load.bad-choice-hint" if hint else "load.bad-choice",
            value=name,
            hint=hint[0] if hint else "",
            choices=", ".join(REQUIREMENTS),
        )
    return tuple(r for r in REQUIREMENTS if r in found)


def _approved_by_and_on(
    reader: SettingsReader, key: str, value: datetime | None, values: object
) -> datetime | None:
    """An approval is recorded with both who approved it and when."""
    if "approved_by" in reader and "approved_on" not in reader:
        reader.problem("approved_on", "broadcast.settings.approved-on-missing")
    if "approved_on" in reader and "approved_by" not in reader:
        reader.problem("approved_by", "broadcast.settings.approved-by-missing")
    return value


def _not_above_total(
    reader: SettingsReader, key: str, value: int | None, values: Mapping[str, Any]
) -> int | None:
    total = values["total"]
    if value is not None and total is not None and value > total:
        reader.problem(key, "broadcast.settings.working-above-total", working=value, total=total)
        return None
    return value


@frozen(kw_only=True)
class Slot:
    """One broadcast of the schedule. ``at`` given as a bare date is the end of that day (some
    time that day); ``approved_on`` and ``aired`` given as bare dates are the start of their day
    (records of something done that day)."""

    id: Annotated[str, Setting(unique=True)]
    at: datetime
    kind: Kind = "daily"
    content: str
    minutes: float | None = None
    approved_by: str | None = None
    approved_on: Annotated[
        datetime | None, Setting(bare_date="start", check=_approved_by_and_on)
    ] = None
    aired: Annotated[datetime | None, Setting(bare_date="start")] = None
    owner: str | None = None


@frozen
class Clusters:
    """The loudspeaker clusters (cụm loa): how many, how many work, when that was checked."""

    total: Annotated[int, Setting(low=1)]
    working: Annotated[int, Setting(check=_not_above_total)]
    checked: Annotated[datetime | None, Setting(bare_date="start")] = None
    owner: str | None = None


@frozen
class Config:
    """The area's settings, typed, with defaults filled in."""

    daily_from_days: Annotated[int, Setting(high=MAX_DAYS)] = DEFAULT_DAILY_FROM_DAYS
    rest_days: Annotated[frozenset[int], Setting(read=_rest_days)] = frozenset()
    approval_lead_hours: Annotated[float, Setting(high=MAX_LEAD_HOURS)] = (
        DEFAULT_APPROVAL_LEAD_HOURS
    )
    results_within_days: Annotated[int, Setting(high=MAX_DAYS)] = DEFAULT_RESULTS_WITHIN_DAYS
    max_per_day: Annotated[int, Setting(low=1)] = DEFAULT_MAX_PER_DAY
    max_minutes: Annotated[float, Setting(low=1.0)] = DEFAULT_MAX_MINUTES
    min_working_ratio: Annotated[float, Setting(high=1.0)] = DEFAULT_MIN_WORKING_RATIO
    clusters_lead_days: Annotated[int, Setting(high=MAX_DAYS)] = DEFAULT_CLUSTERS_LEAD_DAYS
    clusters_check_days: Annotated[int, Setting(high=MAX_DAYS)] = DEFAULT_CLUSTERS_CHECK_DAYS
    owner: str | None = None
    required: Annotated[tuple[Requirement, ...] | None, Setting(read=_required)] = None
    reminders_per_day: Annotated[int | None, Setting(low=1, high=24)] = None
    approver: str | None = None
    slots: tuple[Slot, ...] = ()
    clusters: Clusters | None = None


def parse(settings: Mapping[str, Any], event: Event | None) -> tuple[Config, list[Problem]]:
    """The settings as a :class:`Config`, and every problem found (paths relative to the
    settings table). Never raises; a wrong value leaves its default in the Config."""
    return read_settings(Config, settings, event)


def validate(settings: Mapping[str, Any], event: Event | None) -> list[Problem]:
    """The area's settings validator (``AreaSpec.validate_settings``): the problems only."""
    return parse(settings, event)[1]


def required(config: Config, event: Event) -> tuple[Requirement, ...]:
    """The slot kinds the schedule must have: the ``required`` setting, else the event kind's
    default (:data:`DEFAULT_REQUIRED`)."""
    if config.required is not None:
        return config.required
    return DEFAULT_REQUIRED.get(event.kind, DEFAULT_REQUIRED_OTHER)


def reminders_per_day(config: Config, event: Event) -> int:
    """How many reminders each day of the event needs: the setting, else the kind's default."""
    if config.reminders_per_day is not None:
        return config.reminders_per_day
    return DEFAULT_REMINDERS_PER_DAY.get(event.kind, 1)


def journal_subjects(event: Event, area: AreaPlan) -> list[str]:
    """The broadcasts the ward radio reports aired in the journal (``broadcast:SLOT``): the ids
    of the schedule's slots."""
    config, _problems = parse(area.settings, event)
    return [slot.id for slot in config.slots]
