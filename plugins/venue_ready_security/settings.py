"""The ``[areas.security.settings]`` table: its defaults, its parse and its validator.

``parse`` is shared by the validator (called when an event file is loaded) and by the assess
hook, so both read the table the same way. Every default is a named constant below; every key
is documented in docs/areas/security.md.
"""

from collections.abc import Mapping
from datetime import datetime
from typing import Annotated, Any

from attrs import frozen

from venue_ready import (
    Event,
    Message,
    Problem,
    Setting,
    SettingsReader,
    read_settings,
    read_table,
)

from .template import (
    CONTINGENCY_PLAN_ITEM,
    DEFAULT_PLAN_APPROVER,
    DEFAULT_PLAN_ITEM,
    DEFAULT_POLICE,
    ELECTION_TEAM,
    OFFICE,
    ORGANISERS,
    SERVICE,
    STATE_OFFICE,
    STATE_PLAN_APPROVER,
    TRAFFIC_PLAN_ITEM,
    WARD_COMMITTEE,
)

__all__ = [
    "CONTINGENCY_PLAN_ITEM",
    "DEFAULT_AFTER_CLOSE_MINUTES",
    "DEFAULT_BADGES_LEAD_DAYS",
    "DEFAULT_DOORS_OPEN_MINUTES",
    "DEFAULT_EXIT_CHECK_DAYS",
    "DEFAULT_EXTINGUISHER_VALIDITY_MONTHS",
    "DEFAULT_FIRE_LEAD_DAYS",
    "DEFAULT_MIN_EXTINGUISHERS",
    "DEFAULT_PEOPLE_PER_EXTINGUISHER",
    "DEFAULT_PLAN_APPROVER",
    "DEFAULT_PLAN_ITEM",
    "DEFAULT_POLICE",
    "DEFAULT_POSTS_LEAD_DAYS",
    "DEFAULT_TEAMS",
    "KIND_WINDOWS",
    "TRAFFIC_PLAN_ITEM",
    "Config",
    "Exit",
    "Extinguisher",
    "Guarded",
    "Post",
    "owners",
    "parse",
    "validate",
    "window_minutes",
]

#: The forces that may staff a guard post: the ward police, the ward militia (a ward has dân quân;
#: "tự vệ" are the self-defence units of agencies and enterprises) and the residential order force.
DEFAULT_TEAMS = ("Công an phường", "Dân quân phường", "Lực lượng bảo vệ dân phố")
#: Guards stand at the entrances from this many minutes before the opening ...
DEFAULT_DOORS_OPEN_MINUTES = 90
#: ... until this many minutes after the close (every kind but those of KIND_WINDOWS).
DEFAULT_AFTER_CLOSE_MINUTES = 30
#: The entrance posts' window by kind, where it is not the default's: (minutes before the
#: opening, minutes after the close). An election's polling area opens at 7:00 and closes at
#: 19:00 (the event's ``starts`` and ``ends``); its guards stand from the evening before, when
#: the ballot boxes and ballots are already at the polling place, and until the votes are
#: counted. The figures (12 hours before, 3 hours after) are the project's defaults,
#: unverified (chưa kiểm chứng): a ward sets ``doors_open_minutes`` and
#: ``after_close_minutes``.
KIND_WINDOWS: Mapping[str, tuple[int, int]] = {"election": (720, 180)}
#: The guard roster is due this many days before the opening.
DEFAULT_POSTS_LEAD_DAYS = 2
#: An extinguisher's inspection is valid for this many months.
DEFAULT_EXTINGUISHER_VALIDITY_MONTHS = 12
#: At least this many valid extinguishers, whatever the attendance ...
DEFAULT_MIN_EXTINGUISHERS = 2
#: ... and one for every this many people.
DEFAULT_PEOPLE_PER_EXTINGUISHER = 50
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


def _team_ok(sub: SettingsReader, teams: tuple[str, ...]) -> bool:
    """False, after recording a problem ("did you mean" and the teams), when the entry's
    ``team`` is a text that is not one of ``teams`` (when there are any)."""
    team = sub.raw("team")
    if teams and isinstance(team, str) and team.strip() and team not in teams:
        sub.one_of("team", teams)
        return False
    return True


def _guarded(reader: SettingsReader, key: str, values: Mapping[str, Any]) -> "tuple[Guarded, ...]":
    """The guarded rooms and zones; each names a zone of the venue, an id or a name (its id is
    the first of these given), ids are unique, and its team is one of ``teams``."""
    teams = values["teams"]
    out: list[Guarded] = []
    seen: dict[str, int] = {}
    for index, sub in enumerate(reader.tables(key)):
        if not sub.is_table:
            continue  # the reader said so
        place = read_table(sub, Guarded)
        if not _team_ok(sub, teams) or place is None:
            continue
        if place.key is None:
            sub.problem(None, "security.guarded-unnamed")
            continue
        if place.key in (_venue_ids(reader, "entrance") or ()):
            # the journal's subject would name both the entrance and the place
            sub.problem(None, "security.guarded-is-entrance", id=place.key)
            continue
        if place.key in seen:
            sub.problem(None, "security.guarded-duplicate", id=place.key, first=seen[place.key])
            continue
        seen[place.key] = index
        out.append(place)
    return tuple(out)


def _posts(reader: SettingsReader, key: str, values: Mapping[str, Any]) -> "tuple[Post, ...]":
    """The guard posts; a post stands at an entrance or at a guarded place (one of them), and
    its team must be one of ``teams`` (when there are any)."""
    teams = values["teams"]
    places = tuple(p.key for p in values["guarded"] if p.key is not None)
    posts: list[Post] = []
    for sub in reader.tables(key):
        if not sub.is_table:
            continue  # the reader said so
        post = read_table(sub, Post)
        place = sub.raw("place")
        if not _team_ok(sub, teams):
            continue  # said with the post's other problems, if any
        if isinstance(place, str) and place not in places:
            if places:
                sub.one_of("place", places)
            else:
                sub.problem("place", "security.unknown-place", value=place)
            continue
        if ("entrance" in sub) == ("place" in sub):
            sub.problem(None, "security.post-where")
        elif post is not None and (post.entrance is not None or post.place is not None):
            posts.append(post)  # (a wrong entrance is None, reported already)
    return tuple(posts)


def _required_items(reader: SettingsReader, key: str, values: Mapping[str, Any]) -> tuple[str, ...]:
    return reader.strings(key, (values["plan_item"], TRAFFIC_PLAN_ITEM, CONTINGENCY_PLAN_ITEM))


@frozen
class Post:
    """A guard post: ``team`` stands at ``entrance`` (an entrance of the venue) or at ``place``
    (a guarded room or zone, by its id) from ``start`` until ``end``."""

    team: str
    start: Annotated[datetime, Setting(key="from", bare_date="start")]
    end: Annotated[datetime, Setting(key="until", check=_after_start)]
    entrance: Annotated[str | None, Setting(check=_known_entrance)] = None
    place: str | None = None


@frozen
class Guarded:
    """A room or zone kept under guard from ``start`` until ``end`` (the storage room of the
    ballot boxes overnight, a counting room), besides the entrances.

    ``zone`` is a zone of the venue, when the place is one; ``name`` how the report names it
    (default: the zone's name, else the id); ``id`` what posts and the journal call it (default:
    the zone, else the name). ``team`` is the force in charge of it (default: ``police``).
    """

    start: Annotated[datetime, Setting(key="from", bare_date="start")]
    end: Annotated[datetime, Setting(key="until", check=_after_start)]
    id: str | None = None
    zone: Annotated[str | None, Setting(check=_known_zone)] = None
    name: str | None = None
    team: str | None = None

    @property
    def key(self) -> str | None:
        """What posts and the journal call the place: its id, else its zone, else its name."""
        return self.id or self.zone or self.name


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
    #: None: by whose event it is, see :func:`plan_approver`.
    plan_approver: str | None = None
    #: The ward police: the plan's default owner and the owner of the guard posts.
    police: str = DEFAULT_POLICE
    teams: Annotated[tuple[str, ...], Setting(check=_some_team)] = DEFAULT_TEAMS
    #: None: the kind's (KIND_WINDOWS), else the default's; see :func:`window_minutes`.
    doors_open_minutes: Annotated[int | None, Setting(high=MAX_MINUTES)] = None
    after_close_minutes: Annotated[int | None, Setting(high=MAX_MINUTES)] = None
    posts_lead_days: Annotated[int, Setting(high=MAX_DAYS)] = DEFAULT_POSTS_LEAD_DAYS
    guarded: Annotated[tuple[Guarded, ...], Setting(read=_guarded)] = ()
    posts: Annotated[tuple[Post, ...], Setting(read=_posts)] = ()
    extinguishers: tuple[Extinguisher, ...] = ()
    extinguisher_validity_months: Annotated[int, Setting(low=1, high=MAX_MONTHS)] = (
        DEFAULT_EXTINGUISHER_VALIDITY_MONTHS
    )
    min_extinguishers: Annotated[int, Setting(high=MAX_COUNT)] = DEFAULT_MIN_EXTINGUISHERS
    people_per_extinguisher: Annotated[int, Setting(low=1, high=MAX_COUNT)] = (
        DEFAULT_PEOPLE_PER_EXTINGUISHER
    )
    #: Overrides: the people at the venue, and the guests (None: from ``[event.attendance]``).
    attendance: Annotated[int | None, Setting(high=MAX_COUNT)] = None
    guests: Annotated[int | None, Setting(high=MAX_COUNT)] = None
    exits: tuple[Exit, ...] = ()
    exit_check_days: Annotated[int, Setting(high=MAX_DAYS)] = DEFAULT_EXIT_CHECK_DAYS
    fire_lead_days: Annotated[int, Setting(high=MAX_DAYS)] = DEFAULT_FIRE_LEAD_DAYS
    badges_issued: Annotated[int | None, Setting(high=MAX_COUNT)] = None
    badges_lead_days: Annotated[int, Setting(high=MAX_DAYS)] = DEFAULT_BADGES_LEAD_DAYS
    #: The owners of the fire-safety Findings and of the badges (None: the kind's, see
    #: :func:`owners`).
    owner_fire: str | None = None
    owner_badges: str | None = None
    #: Default: the plan item (as ``plan_item`` names it), the traffic and contingency plans.
    required_items: Annotated[tuple[str, ...], Setting(read=_required_items)] = (
        DEFAULT_PLAN_ITEM,
        TRAFFIC_PLAN_ITEM,
        CONTINGENCY_PLAN_ITEM,
    )


def window_minutes(config: Config, kind: str) -> tuple[int, int]:
    """The entrance posts' window for an event of ``kind``: minutes before the opening and
    after the close, each the setting's when given, else the kind's (KIND_WINDOWS), else the
    default's."""
    before, after = KIND_WINDOWS.get(
        kind, (DEFAULT_DOORS_OPEN_MINUTES, DEFAULT_AFTER_CLOSE_MINUTES)
    )
    if config.doors_open_minutes is not None:
        before = config.doors_open_minutes
    if config.after_close_minutes is not None:
        after = config.after_close_minutes
    return before, after


def owners(config: Config, event: Event) -> tuple[str | Message, str | Message]:
    """The owners of the fire-safety Findings and of the badges: the settings' ``owner_fire``
    and ``owner_badges`` when given, else by the event's kind and organiser: an election's tổ
    bầu cử; a Party event's Tiểu ban Phục vụ and Văn phòng Đảng ủy (as before kinds); a state
    event's Ủy ban nhân dân phường and Văn phòng HĐND - UBND phường; another organisation's
    Ban Tổ chức. A kind a plugin adds, with no organiser, gets the Party's."""
    if event.kind == "election":
        fire, badges = ELECTION_TEAM, ELECTION_TEAM
    elif event.organiser == "state":
        fire, badges = WARD_COMMITTEE, STATE_OFFICE
    elif event.organiser == "organisation":
        fire, badges = ORGANISERS, ORGANISERS
    else:
        fire, badges = SERVICE, OFFICE
    return (
        config.owner_fire if config.owner_fire is not None else fire.owner,
        config.owner_badges if config.owner_badges is not None else badges.owner,
    )


def plan_approver(config: Config, event: Event) -> str:
    """The body whose sign-off the plan needs: the settings' ``plan_approver`` when given, else
    the ward Party committee for a Party event or another organisation's congress (as before
    kinds), the ward People's Committee for a state event and an election (the project's
    default, unverified)."""
    if config.plan_approver is not None:
        return config.plan_approver
    if event.kind == "election" or event.organiser == "state":
        return STATE_PLAN_APPROVER
    return DEFAULT_PLAN_APPROVER


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
