"""The ``[areas.security.settings]`` table: its defaults, its parse and its validator.

``parse`` is shared by the validator (called when an event file is loaded) and by the assess
hook, so both read the table the same way. Every default is a named constant below; every key
is documented in docs/areas/security.md.
"""

from collections.abc import Mapping
from datetime import datetime
from typing import Annotated, Any

from attrs import frozen

from venue_ready import Event, Problem, Setting, SettingsReader, read_settings, read_table

from .template import (
    CONTINGENCY_PLAN_ITEM,
    DEFAULT_PLAN_APPROVER,
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
    "DEFAULT_PLAN_APPROVER",
    "DEFAULT_PLAN_ITEM",
    "DEFAULT_POLICE",
    "DEFAULT_POSTS_LEAD_DAYS",
    "DEFAULT_TEAMS",
    "TRAFFIC_PLAN_ITEM",
    "Config",
    "Exit",
    "Extinguisher",
    "Post",
    "parse",
    "validate",
]

#: The forces that may staff a guard post: the ward police, the ward militia (a ward has dân quân;
#: "tự vệ" are the self-defence units of agencies and enterprises) and the residential order force.
DEFAULT_TEAMS = ("Công an phường", "Dân quân phường", "Lực lượng bảo vệ dân phố")
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


#: The keys the table may hold.
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


def _venue_ids(reader: SettingsReader, kind: str) -> tuple[str, ...] | None:
    venue = reader.event.venue if reader.event is not None else None
    if venue is None:
        return None
    return tuple(p.id for p in (venue.entrances if kind == "entrance" else venue.zones))


def _known_entrance(
    reader: SettingsReader, key: str, value: str | None, values: object
) -> str | None:
    return _in_venue(reader, key, value, _venue_ids(reader, "entrance"))


def _known_zone(reader: SettingsReader, key: str, value: str | None, values: object) -> str | None:
    return _in_venue(reader, key, value, _venue_ids(reader, "zone"))


def _after_start(
    reader: SettingsReader, key: str, end: datetime | None, values: Mapping[str, Any]
) -> datetime | None:
    start = values["start"]
    if start is not None and end is not None and end <= start:
        reader.problem(key, "security.post-until-not-after-from", start=start, end=end)
        return None
    return end


def _some_team(
    reader: SettingsReader, key: str, teams: tuple[str, ...], values: object
) -> tuple[str, ...]:
    if key in reader and not teams:
        reader.problem(key, "security.no-teams")
    return teams


def _posts(reader: SettingsReader, key: str, values: Mapping[str, Any]) -> "tuple[Post, ...]":
    """The guard posts; a post's team must be one of ``teams`` (when there are any)."""
    teams = values["teams"]
    posts: list[Post] = []
    for sub in reader.tables(key):
        if not sub.is_table:
            continue  # the reader said so
        post = read_table(sub, Post)
        team = sub.raw("team")
        if teams and isinstance(team, str) and team.strip() and team not in teams:
            # said with the post's other problems, if any: "did you mean" and the teams
            sub.one_of("team", teams)
        elif post is not None:
            posts.append(post)
    return tuple(posts)


def _required_items(reader: SettingsReader, key: str, values: Mapping[str, Any]) -> tuple[str, ...]:
    return reader.strings(key, (values["plan_item"], TRAFFIC_PLAN_ITEM, CONTINGENCY_PLAN_ITEM))


@frozen
class Post:
    """A guard post: ``team`` stands at ``entrance`` from ``start`` until ``end``."""

    entrance: Annotated[str, Setting(check=_known_entrance)]
    team: str
    start: Annotated[datetime, Setting(key="from", bare_date="start")]
    end: Annotated[datetime, Setting(key="until", check=_after_start)]


@frozen
class Extinguisher:
    """A fire extinguisher in ``zone``, last inspected at ``inspected`` (None: never)."""

    id: Annotated[str, Setting(unique=True)]
    zone: Annotated[str, Setting(check=_known_zone)]
    inspected: Annotated[datetime | None, Setting(bare_date="start")] = None


@frozen
class Exit:
    """An emergency exit, last checked at ``checked`` (None: never); ``name`` defaults to the id."""

    id: Annotated[str, Setting(unique=True)]
    name: str | None = None
    checked: Annotated[datetime | None, Setting(bare_date="start")] = None


@frozen
class Config:
    """The security area's settings, parsed, with every default filled in."""

    plan_item: str = DEFAULT_PLAN_ITEM
    #: The body whose sign-off the plan needs. Until 0.x the plan needed the sign-off of
    #: ``police``; a file that wants that rule back sets ``plan_approver`` to the same name.
    plan_approver: str = DEFAULT_PLAN_APPROVER
    #: The ward police: the plan's default owner and the owner of the guard posts.
    police: str = DEFAULT_POLICE
    teams: Annotated[tuple[str, ...], Setting(check=_some_team)] = DEFAULT_TEAMS
    doors_open_minutes: Annotated[int, Setting(high=MAX_MINUTES)] = DEFAULT_DOORS_OPEN_MINUTES
    after_close_minutes: Annotated[int, Setting(high=MAX_MINUTES)] = DEFAULT_AFTER_CLOSE_MINUTES
    posts_lead_days: Annotated[int, Setting(high=MAX_DAYS)] = DEFAULT_POSTS_LEAD_DAYS
    posts: Annotated[tuple[Post, ...], Setting(read=_posts)] = ()
    extinguishers: tuple[Extinguisher, ...] = ()
    extinguisher_validity_months: Annotated[int, Setting(low=1, high=MAX_MONTHS)] = (
        DEFAULT_EXTINGUISHER_VALIDITY_MONTHS
    )
    min_extinguishers: Annotated[int, Setting(high=MAX_COUNT)] = DEFAULT_MIN_EXTINGUISHERS
    people_per_extinguisher: Annotated[int, Setting(low=1, high=MAX_COUNT)] = (
        DEFAULT_PEOPLE_PER_EXTINGUISHER
    )
    attendance: Annotated[int | None, Setting(high=MAX_COUNT)] = None
    guests: Annotated[int, Setting(high=MAX_COUNT)] = DEFAULT_GUESTS
    exits: tuple[Exit, ...] = ()
    exit_check_days: Annotated[int, Setting(high=MAX_DAYS)] = DEFAULT_EXIT_CHECK_DAYS
    fire_lead_days: Annotated[int, Setting(high=MAX_DAYS)] = DEFAULT_FIRE_LEAD_DAYS
    badges_issued: Annotated[int | None, Setting(high=MAX_COUNT)] = None
    badges_lead_days: Annotated[int, Setting(high=MAX_DAYS)] = DEFAULT_BADGES_LEAD_DAYS
    #: Default: the plan item (as ``plan_item`` names it), the traffic and contingency plans.
    required_items: Annotated[tuple[str, ...], Setting(read=_required_items)] = (
        DEFAULT_PLAN_ITEM,
        TRAFFIC_PLAN_ITEM,
        CONTINGENCY_PLAN_ITEM,
    )


def parse(settings: Mapping[str, Any], event: Event | None) -> tuple[Config, list[Problem]]:
    """The :class:`Config` the settings table describes, and every problem found in it.

    Never raises. Entrance and zone ids are checked against the venue only when ``event`` has
    one. A wrong value is reported and replaced by its default; a wrong post, extinguisher or
    exit is reported and left out.
    """
    return read_settings(Config, settings, event)


def validate(settings: Mapping[str, Any], event: Event | None) -> list[Problem]:
    """The settings validator (``AreaSpec.validate_settings``): every problem, never a raise."""
    return parse(settings, event)[1]
