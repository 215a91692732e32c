"""The ``[areas.broadcast.settings]`` table: the radio's schedule, its loudspeakers, its limits.

:func:`parse` reads the table into a :class:`Config` and collects every problem; the area's
settings validator is :func:`validate` (the problems only). Both never raise, whatever the
table holds. Every default below is a module-level constant, and every one of them is a setting:
lead times, windows, thresholds and limits differ between localities.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from attrs import frozen

from venue_ready import AreaPlan, Event, Problem, SettingsReader

__all__ = [
    "DEFAULT_APPROVAL_LEAD_HOURS",
    "DEFAULT_CLUSTERS_CHECK_DAYS",
    "DEFAULT_CLUSTERS_LEAD_DAYS",
    "DEFAULT_DAILY_FROM_DAYS",
    "DEFAULT_MAX_MINUTES",
    "DEFAULT_MAX_PER_DAY",
    "DEFAULT_MIN_WORKING_RATIO",
    "DEFAULT_RESULTS_WITHIN_DAYS",
    "KINDS",
    "WEEKDAYS",
    "Clusters",
    "Config",
    "Slot",
    "journal_subjects",
    "parse",
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

#: What a slot is for.
KINDS = ("daily", "opening", "closing", "results", "other")
#: Weekday names for ``rest_days``, Monday first (``datetime.weekday()`` order).
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

_SETTINGS_KEYS = (
    "daily_from_days",
    "rest_days",
    "approval_lead_hours",
    "results_within_days",
    "max_per_day",
    "max_minutes",
    "min_working_ratio",
    "clusters_lead_days",
    "clusters_check_days",
    "owner",
    "slots",
    "clusters",
)
_SLOT_KEYS = (
    "id",
    "at",
    "kind",
    "content",
    "minutes",
    "approved_by",
    "approved_on",
    "aired",
    "owner",
)
_CLUSTER_KEYS = ("total", "working", "checked", "owner")


@frozen
class Slot:
    """One broadcast of the schedule. ``at`` given as a bare date is the end of that day (some
    time that day); ``approved_on`` and ``aired`` given as bare dates are the start of their day
    (records of something done that day)."""

    id: str
    at: datetime
    kind: str
    content: str
    minutes: float | None = None
    approved_by: str | None = None
    approved_on: datetime | None = None
    aired: datetime | None = None
    owner: str | None = None


@frozen
class Clusters:
    """The loudspeaker clusters (cụm loa): how many, how many work, when that was checked."""

    total: int
    working: int
    checked: datetime | None = None
    owner: str | None = None


@frozen
class Config:
    """The area's settings, typed, with defaults filled in."""

    daily_from_days: int = DEFAULT_DAILY_FROM_DAYS
    rest_days: frozenset[int] = frozenset()
    approval_lead_hours: float = DEFAULT_APPROVAL_LEAD_HOURS
    results_within_days: int = DEFAULT_RESULTS_WITHIN_DAYS
    max_per_day: int = DEFAULT_MAX_PER_DAY
    max_minutes: float = DEFAULT_MAX_MINUTES
    min_working_ratio: float = DEFAULT_MIN_WORKING_RATIO
    clusters_lead_days: int = DEFAULT_CLUSTERS_LEAD_DAYS
    clusters_check_days: int = DEFAULT_CLUSTERS_CHECK_DAYS
    owner: str | None = None
    slots: tuple[Slot, ...] = ()
    clusters: Clusters | None = None


def _rest_days(reader: SettingsReader) -> frozenset[int]:
    # Not one_of(): the names are an array, matched whatever their case ("Sunday").
    found: set[int] = set()
    for name in reader.strings("rest_days"):
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


def _slot(reader: SettingsReader) -> Slot | None:
    reader.known(*_SLOT_KEYS)
    slot_id = reader.text("id", required=True)
    at = reader.instant("at", required=True)
    kind = str(reader.choice("kind", KINDS, "daily"))
    content = reader.text("content", required=True)
    minutes = reader.number("minutes", None)
    approved_by = reader.text("approved_by")
    approved_on = reader.instant("approved_on", bare_date="start")
    if "approved_by" in reader and "approved_on" not in reader:
        reader.problem("approved_on", "broadcast.settings.approved-on-missing")
    if "approved_on" in reader and "approved_by" not in reader:
        reader.problem("approved_by", "broadcast.settings.approved-by-missing")
    aired = reader.instant("aired", bare_date="start")
    owner = reader.text("owner")
    if slot_id is None or at is None or content is None:
        return None
    return Slot(
        id=slot_id,
        at=at,
        kind=kind,
        content=content,
        minutes=minutes,
        approved_by=approved_by,
        approved_on=approved_on,
        aired=aired,
        owner=owner,
    )


def _clusters(reader: SettingsReader) -> Clusters | None:
    reader.known(*_CLUSTER_KEYS)
    total = reader.integer("total", None, low=1, required=True)
    working = reader.integer("working", None, required=True)
    checked = reader.instant("checked", bare_date="start")
    owner = reader.text("owner")
    if total is None or working is None:
        return None
    if working > total:
        reader.problem(
            "working", "broadcast.settings.working-above-total", working=working, total=total
        )
        return None
    return Clusters(total=total, working=working, checked=checked, owner=owner)


def parse(settings: Mapping[str, Any], event: Event | None) -> tuple[Config, list[Problem]]:
    """The settings as a :class:`Config`, and every problem found (paths relative to the
    settings table). Never raises; a wrong value leaves its default in the Config."""
    reader = SettingsReader(settings, event)
    reader.known(*_SETTINGS_KEYS)
    daily_from_days = reader.integer("daily_from_days", DEFAULT_DAILY_FROM_DAYS, high=MAX_DAYS)
    rest_days = _rest_days(reader)
    approval_lead_hours = reader.number(
        "approval_lead_hours", DEFAULT_APPROVAL_LEAD_HOURS, low=0.0, high=MAX_LEAD_HOURS
    )
    results_within_days = reader.integer(
        "results_within_days", DEFAULT_RESULTS_WITHIN_DAYS, high=MAX_DAYS
    )
    max_per_day = reader.integer("max_per_day", DEFAULT_MAX_PER_DAY, low=1)
    max_minutes = reader.number("max_minutes", DEFAULT_MAX_MINUTES, low=1.0)
    min_working_ratio = reader.number(
        "min_working_ratio", DEFAULT_MIN_WORKING_RATIO, low=0.0, high=1.0
    )
    clusters_lead_days = reader.integer(
        "clusters_lead_days", DEFAULT_CLUSTERS_LEAD_DAYS, high=MAX_DAYS
    )
    clusters_check_days = reader.integer(
        "clusters_check_days", DEFAULT_CLUSTERS_CHECK_DAYS, high=MAX_DAYS
    )
    owner = reader.text("owner")

    slots: list[Slot] = []
    first_index: dict[str, int] = {}
    for index, sub in enumerate(reader.tables("slots")):
        if not sub.is_table:
            continue  # the reader has said it is not a table; its keys would only add noise
        slot = _slot(sub)
        if slot is None:
            continue
        if slot.id in first_index:
            sub.problem(
                "id", "load.duplicate-id", id=slot.id, first=f"slots[{first_index[slot.id]}]"
            )
            continue
        first_index[slot.id] = index
        slots.append(slot)

    clusters = None
    if "clusters" in reader:
        sub = reader.table("clusters")  # records a problem when it is not a table
        if sub.is_table:
            clusters = _clusters(sub)

    config = Config(
        daily_from_days=daily_from_days,
        rest_days=rest_days,
        approval_lead_hours=approval_lead_hours,
        results_within_days=results_within_days,
        max_per_day=max_per_day,
        max_minutes=max_minutes,
        min_working_ratio=min_working_ratio,
        clusters_lead_days=clusters_lead_days,
        clusters_check_days=clusters_check_days,
        owner=owner,
        slots=tuple(slots),
        clusters=clusters,
    )
    return config, reader.problems


def validate(settings: Mapping[str, Any], event: Event | None) -> list[Problem]:
    """The area's settings validator (``AreaSpec.validate_settings``): the problems only."""
    return parse(settings, event)[1]


def journal_subjects(event: Event, area: AreaPlan) -> list[str]:
    """The broadcasts the ward radio reports aired in the journal (``broadcast:SLOT``): the ids
    of the schedule's slots."""
    config, _problems = parse(area.settings, event)
    return [slot.id for slot in config.slots]
