"""The ``[areas.security.settings]`` table: its defaults, its parse and its validator.

``parse`` is shared by the validator (called when an event file is loaded) and by the assess
hook, so both read the table the same way. Every default is a named constant below; every key
is documented in docs/areas/security.md.
"""

from __future__ import annotations

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


def _in_venue(
    reader: SettingsReader, key: str, value: str | None, known: tuple[str, ...] | None
) -> str | None:
    """``value``, an entrance or zone id (``key``), when it is one of the venue's ``known`` ids
    (or there is no venue to check it against); else None, after recording a problem.

    Not ``SettingsReader.one_of``: this message says the ids come from ``[venue]`` (a missing
    entrance or zone may be fixed there rather than here), and shows "—" for an empty list.
    """
    if value is None or known is None or value in known:
        return value
    import difflib  # only for a wrong id, as the core does for its own "did you mean"

    listed = ", ".join(known) if known else "—"
    hint = difflib.get_close_matches(value, known, n=1, cutoff=0.6)
    if hint:
        reader.problem(key, f"security.unknown-{key}-hint", value=value, hint=hint[0], known=listed)
    else:
        reader.problem(key, f"security.unknown-{key}", value=value, known=listed)
    return None


def parse(settings: Mapping[str, Any], event: Event | None) -> tuple[Config, list[Problem]]:
    """The :class:`Config` the settings table describes, and every problem found in it.

    Never raises. Entrance and zone ids are checked against the venue only when ``event`` has
    one. A wrong value is reported and replaced by its default; a wrong post, extinguisher or
    exit is reported and left out.
    """
    r = SettingsReader(settings, event)
    r.known(*KNOWN_KEYS)
    venue = event.venue if event is not None else None
    entrances = tuple(e.id for e in venue.entrances) if venue is not None else None
    zones = tuple(z.id for z in venue.zones) if venue is not None else None

    plan_item = r.text("plan_item", DEFAULT_PLAN_ITEM) or DEFAULT_PLAN_ITEM
    police = r.text("police", DEFAULT_POLICE) or DEFAULT_POLICE
    teams = r.strings("teams", DEFAULT_TEAMS)
    if "teams" in r and not teams:
        r.problem("teams", "security.no-teams")

    posts: list[Post] = []
    for p in r.tables("posts"):
        p.known("entrance", "team", "from", "until")
        entrance = p.text("entrance", required=True)
        team = p.one_of("team", teams, required=True) if teams else p.text("team", required=True)
        start = p.instant("from", required=True, bare_date="start")
        end = p.instant("until", required=True)
        entrance = _in_venue(p, "entrance", entrance, entrances)
        if start is not None and end is not None and end <= start:
            p.problem("until", "security.post-until-not-after-from", start=start, end=end)
            end = None
        if entrance is not None and team is not None and start is not None and end is not None:
            posts.append(Post(entrance, team, start, end))

    extinguishers: list[Extinguisher] = []
    tables = r.tables("extinguishers")
    for x, ident in zip(tables, r.unique(tables), strict=True):
        x.known("id", "zone", "inspected")
        zone = x.text("zone", required=True)
        inspected = x.instant("inspected", bare_date="start")
        zone = _in_venue(x, "zone", zone, zones)
        if ident is not None and zone is not None:
            extinguishers.append(Extinguisher(ident, zone, inspected))

    exits: list[Exit] = []
    tables = r.tables("exits")
    for x, ident in zip(tables, r.unique(tables), strict=True):
        x.known("id", "name", "checked")
        name = x.text("name")
        checked = x.instant("checked", bare_date="start")
        if ident is not None:
            exits.append(Exit(ident, checked, name))

    config = Config(
        plan_item=plan_item,
        police=police,
        teams=teams,
        doors_open_minutes=r.integer(
            "doors_open_minutes", DEFAULT_DOORS_OPEN_MINUTES, high=MAX_MINUTES
        ),
        after_close_minutes=r.integer(
            "after_close_minutes", DEFAULT_AFTER_CLOSE_MINUTES, high=MAX_MINUTES
        ),
        posts_lead_days=r.integer("posts_lead_days", DEFAULT_POSTS_LEAD_DAYS, high=MAX_DAYS),
        posts=tuple(posts),
        extinguishers=tuple(extinguishers),
        extinguisher_validity_months=r.integer(
            "extinguisher_validity_months",
            DEFAULT_EXTINGUISHER_VALIDITY_MONTHS,
            low=1,
            high=MAX_MONTHS,
        ),
        min_extinguishers=r.integer("min_extinguishers", DEFAULT_MIN_EXTINGUISHERS, high=MAX_COUNT),
        people_per_extinguisher=r.integer(
            "people_per_extinguisher", DEFAULT_PEOPLE_PER_EXTINGUISHER, low=1, high=MAX_COUNT
        ),
        attendance=r.integer("attendance", None, high=MAX_COUNT),
        guests=r.integer("guests", DEFAULT_GUESTS, high=MAX_COUNT),
        exits=tuple(exits),
        exit_check_days=r.integer("exit_check_days", DEFAULT_EXIT_CHECK_DAYS, high=MAX_DAYS),
        fire_lead_days=r.integer("fire_lead_days", DEFAULT_FIRE_LEAD_DAYS, high=MAX_DAYS),
        badges_issued=r.integer("badges_issued", None, high=MAX_COUNT),
        badges_lead_days=r.integer("badges_lead_days", DEFAULT_BADGES_LEAD_DAYS, high=MAX_DAYS),
        required_items=r.strings(
            "required_items", (plan_item, TRAFFIC_PLAN_ITEM, CONTINGENCY_PLAN_ITEM)
        ),
    )
    return config, r.problems


def validate(settings: Mapping[str, Any], event: Event | None) -> list[Problem]:
    """The settings validator (``AreaSpec.validate_settings``): every problem, never a raise."""
    return parse(settings, event)[1]
