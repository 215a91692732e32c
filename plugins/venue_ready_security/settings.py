"""The ``[areas.security.settings]`` table: its defaults, its parse and its validator.

``parse`` is shared by the validator (called when an event file is loaded) and by the assess
hook, so both read the table the same way. Every default is a named constant below; every key
is documented in docs/areas/security.md.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from attrs import frozen

from venue_ready import Event, Problem, SettingsReader

from .template import (
    CONTINGENCY_PLAN_ITEM,
    DEFAULT_PLAN_ITEM,
    DEFAULT_POLICE,
    TRAFFIC_PLAN_ITEM,
)

__all__ = [
    "CONTINGENCY_PLAN_ITEM",
    "DEFAULT_AFTER_CLOSE_MINUTES",
    "DEFAULT_BADGES_LEAD_DAYS",
    "DEFAULT_DOORS_OPEN_MINUTES",
    "DEFAULT_EXIT_CHECK_DAYS",
    "DEFAULT_EXTINGUISHER_VALIDITY_MONTHS",
    "DEFAULT_FIRE_LEAD_DAYS",
    "DEFAULT_GUESTS",
    "DEFAULT_MIN_EXTINGUISHERS",
    "DEFAULT_PEOPLE_PER_EXTINGUISHER",
    "DEFAULT_PLAN_ITEM",
    "DEFAULT_POLICE",
    "DEFAULT_POSTS_LEAD_DAYS",
    "DEFAULT_TEAMS",
    "KNOWN_KEYS",
    "TRAFFIC_PLAN_ITEM",
    "Config",
    "Exit",
    "Extinguisher",
    "Post",
    "parse",
    "validate",
]

#: The forces that may staff a guard post.
DEFAULT_TEAMS = ("Công an phường", "Dân quân tự vệ", "Lực lượng bảo vệ dân phố")
#: Guards stand from this many minutes before the opening ...
DEFAULT_DOORS_OPEN_MINUTES = 90
#: ... until this many minutes after the close.
DEFAULT_AFTER_CLOSE_MINUTES = 30
#: The guard roster is due this many days before the opening.
DEFAULT_POSTS_LEAD_DAYS = 2
#: An extinguisher's inspection is valid for this many months.
DEFAULT_EXTINGUISHER_VALIDITY_MONTHS = 12
#: At least this many valid extinguishers, whatever the attendance ...
DEFAULT_MIN_EXTINGUISHERS = 2
#: ... and one for every this many people.
DEFAULT_PEOPLE_PER_EXTINGUISHER = 50
#: Guests (khách mời) expected besides the delegates.
DEFAULT_GUESTS = 0
#: An emergency exit counts as checked when checked at most this many days before the opening.
DEFAULT_EXIT_CHECK_DAYS = 7
#: Extinguishers and exits are due this many days before the opening.
DEFAULT_FIRE_LEAD_DAYS = 1
#: Badges are due this many days before the opening.
DEFAULT_BADGES_LEAD_DAYS = 1

#: Upper bounds that keep date arithmetic and counts sane (a lead time of a million days is a
#: typing mistake, and would overflow a date).
MAX_MINUTES = 24 * 60
MAX_DAYS = 366
MAX_MONTHS = 120
MAX_COUNT = 1_000_000

KNOWN_KEYS = (
    "plan_item",
    "police",
    "teams",
    "doors_open_minutes",
    "after_close_minutes",
    "posts_lead_days",
    "posts",
    "extinguishers",
    "extinguisher_validity_months",
    "min_extinguishers",
    "people_per_extinguisher",
    "attendance",
    "guests",
    "exits",
    "exit_check_days",
    "fire_lead_days",
    "badges_issued",
    "badges_lead_days",
    "required_items",
)


@frozen
class Post:
    """A guard post: ``team`` stands at ``entrance`` from ``start`` until ``end``."""

    entrance: str
    team: str
    start: datetime
    end: datetime


@frozen
class Extinguisher:
    """A fire extinguisher in ``zone``, last inspected at ``inspected`` (None: never)."""

    id: str
    zone: str
    inspected: datetime | None


@frozen
class Exit:
    """An emergency exit, last checked at ``checked`` (None: never); ``name`` defaults to the id."""

    id: str
    checked: datetime | None
    name: str | None = None


@frozen
class Config:
    """The security area's settings, parsed, with every default filled in."""

    plan_item: str = DEFAULT_PLAN_ITEM
    police: str = DEFAULT_POLICE
    teams: tuple[str, ...] = DEFAULT_TEAMS
    doors_open_minutes: int = DEFAULT_DOORS_OPEN_MINUTES
    after_close_minutes: int = DEFAULT_AFTER_CLOSE_MINUTES
    posts_lead_days: int = DEFAULT_POSTS_LEAD_DAYS
    posts: tuple[Post, ...] = ()
    extinguishers: tuple[Extinguisher, ...] = ()
    extinguisher_validity_months: int = DEFAULT_EXTINGUISHER_VALIDITY_MONTHS
    min_extinguishers: int = DEFAULT_MIN_EXTINGUISHERS
    people_per_extinguisher: int = DEFAULT_PEOPLE_PER_EXTINGUISHER
    attendance: int | None = None
    guests: int = DEFAULT_GUESTS
    exits: tuple[Exit, ...] = ()
    exit_check_days: int = DEFAULT_EXIT_CHECK_DAYS
    fire_lead_days: int = DEFAULT_FIRE_LEAD_DAYS
    badges_issued: int | None = None
    badges_lead_days: int = DEFAULT_BADGES_LEAD_DAYS
    required_items: tuple[str, ...] = (
        DEFAULT_PLAN_ITEM,
        TRAFFIC_PLAN_ITEM,
        CONTINGENCY_PLAN_ITEM,
    )


def _bounded(reader: SettingsReader, key: str, default: int, low: int, high: int) -> int:
    """A whole number within ``low``..``high`` (the reader itself knows no upper bound)."""
    value = reader.integer(key, default, low=low)
    if value > high:
        reader.problem(key, "load.out-of-range", value=value, low=low, high=high)
        return default
    return value


def _optional_count(reader: SettingsReader, key: str) -> int | None:
    if key not in reader:
        return None
    value = _bounded(reader, key, -1, 0, MAX_COUNT)
    return None if value < 0 else value


def _names(reader: SettingsReader, key: str, default: tuple[str, ...]) -> tuple[str, ...]:
    """A string or array of non-empty strings; an empty entry is a problem."""
    values = reader.strings(key, default)
    if any(not v.strip() for v in values):
        reader.problem(key, "load.empty-string")
        values = tuple(v for v in values if v.strip())
    return values


def _reference(
    reader: SettingsReader, key: str, value: str, known: Mapping[str, str], kind: str
) -> bool:
    """Record a problem when ``value`` is not one of the venue's ``known`` ids."""
    if value in known:
        return True
    listed = ", ".join(known) if known else "—"
    hint = difflib.get_close_matches(value, list(known), n=1, cutoff=0.6)
    if hint:
        reader.problem(
            key, f"security.unknown-{kind}-hint", value=value, hint=hint[0], known=listed
        )
    else:
        reader.problem(key, f"security.unknown-{kind}", value=value, known=listed)
    return False


def _unique(reader: SettingsReader, seen: dict[str, str], value: str) -> bool:
    """Record a problem when ``value`` was already the id of an earlier entry."""
    where = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in reader.path).lstrip(".")
    if value in seen:
        reader.problem("id", "load.duplicate-id", id=value, first=seen[value])
        return False
    seen[value] = where
    return True


def parse(settings: Mapping[str, Any], event: Event | None) -> tuple[Config, list[Problem]]:
    """The :class:`Config` the settings table describes, and every problem found in it.

    Never raises. Entrance and zone ids are checked against the venue only when ``event`` has
    one. A wrong value is reported and replaced by its default; a wrong post, extinguisher or
    exit is reported and left out.
    """
    r = SettingsReader(settings, event)
    r.known(*KNOWN_KEYS)
    venue = event.venue if event is not None else None
    entrances = {e.id: e.name for e in venue.entrances} if venue is not None else None
    zones = {z.id: z.name for z in venue.zones} if venue is not None else None

    plan_item = r.text("plan_item", DEFAULT_PLAN_ITEM) or DEFAULT_PLAN_ITEM
    police = r.text("police", DEFAULT_POLICE) or DEFAULT_POLICE
    teams = _names(r, "teams", DEFAULT_TEAMS)
    if "teams" in r and not teams:
        r.problem("teams", "security.no-teams")

    posts: list[Post] = []
    for p in r.tables("posts"):
        p.known("entrance", "team", "from", "until")
        entrance = p.text("entrance", required=True)
        team = p.choice("team", teams, "") if teams else p.text("team")
        if "team" not in p:
            p.problem("team", "load.missing-key", key="team")
        start = p.instant("from", required=True, bare_date="start")
        end = p.instant("until", required=True)
        ok = entrance is not None and bool(team) and start is not None and end is not None
        if entrance is not None and entrances is not None:
            ok = _reference(p, "entrance", entrance, entrances, "entrance") and ok
        if start is not None and end is not None and end <= start:
            p.problem("until", "security.post-until-not-after-from", start=start, end=end)
            ok = False
        if ok and entrance is not None and team and start is not None and end is not None:
            posts.append(Post(entrance, str(team), start, end))

    extinguishers: list[Extinguisher] = []
    seen: dict[str, str] = {}
    for x in r.tables("extinguishers"):
        x.known("id", "zone", "inspected")
        ident = x.text("id", required=True)
        zone = x.text("zone", required=True)
        inspected = x.instant("inspected", bare_date="start")
        ok = ident is not None and zone is not None and _unique(x, seen, ident)
        if zone is not None and zones is not None:
            ok = _reference(x, "zone", zone, zones, "zone") and ok
        if ok and ident is not None and zone is not None:
            extinguishers.append(Extinguisher(ident, zone, inspected))

    exits: list[Exit] = []
    seen = {}
    for x in r.tables("exits"):
        x.known("id", "name", "checked")
        ident = x.text("id", required=True)
        name = x.text("name")
        checked = x.instant("checked", bare_date="start")
        if ident is not None and _unique(x, seen, ident):
            exits.append(Exit(ident, checked, name))

    config = Config(
        plan_item=plan_item,
        police=police,
        teams=teams,
        doors_open_minutes=_bounded(
            r, "doors_open_minutes", DEFAULT_DOORS_OPEN_MINUTES, 0, MAX_MINUTES
        ),
        after_close_minutes=_bounded(
            r, "after_close_minutes", DEFAULT_AFTER_CLOSE_MINUTES, 0, MAX_MINUTES
        ),
        posts_lead_days=_bounded(r, "posts_lead_days", DEFAULT_POSTS_LEAD_DAYS, 0, MAX_DAYS),
        posts=tuple(posts),
        extinguishers=tuple(extinguishers),
        extinguisher_validity_months=_bounded(
            r, "extinguisher_validity_months", DEFAULT_EXTINGUISHER_VALIDITY_MONTHS, 1, MAX_MONTHS
        ),
        min_extinguishers=_bounded(r, "min_extinguishers", DEFAULT_MIN_EXTINGUISHERS, 0, MAX_COUNT),
        people_per_extinguisher=_bounded(
            r, "people_per_extinguisher", DEFAULT_PEOPLE_PER_EXTINGUISHER, 1, MAX_COUNT
        ),
        attendance=_optional_count(r, "attendance"),
        guests=_bounded(r, "guests", DEFAULT_GUESTS, 0, MAX_COUNT),
        exits=tuple(exits),
        exit_check_days=_bounded(r, "exit_check_days", DEFAULT_EXIT_CHECK_DAYS, 0, MAX_DAYS),
        fire_lead_days=_bounded(r, "fire_lead_days", DEFAULT_FIRE_LEAD_DAYS, 0, MAX_DAYS),
        badges_issued=_optional_count(r, "badges_issued"),
        badges_lead_days=_bounded(r, "badges_lead_days", DEFAULT_BADGES_LEAD_DAYS, 0, MAX_DAYS),
        required_items=_names(
            r, "required_items", (plan_item, TRAFFIC_PLAN_ITEM, CONTINGENCY_PLAN_ITEM)
        ),
    )
    return config, r.problems


def validate(settings: Mapping[str, Any], event: Event | None) -> list[Problem]:
    """The settings validator (``AreaSpec.validate_settings``): every problem, never a raise."""
    return parse(settings, event)[1]
