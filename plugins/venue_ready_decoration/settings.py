"""The ``[areas.decoration.settings]`` table: its schema, defaults and validation.

One parse function serves both the settings validator (called when the event file is loaded)
and the assess hook, so the two can never disagree about what the table means. Every default
that may differ between localities is a named constant here.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from attrs import field, frozen

from venue_ready import Event, Problem, SettingsReader

# -- defaults (see docs/areas/decoration.md) ---------------------------------------------------

#: The congress's official title, as it must be printed on the stage backdrop. Fields:
#: ``{organisation}`` (upper-cased), ``{ordinal}`` (Roman numerals), ``{term_start}``,
#: ``{term_end}``.
DEFAULT_TITLE_FORMAT = (
    "ĐẠI HỘI {organisation} LẦN THỨ {ordinal}, NHIỆM KỲ {term_start} - {term_end}"
)
#: The fields a title format may use.
TITLE_FIELDS = ("organisation", "ordinal", "term_start", "term_end")

#: The slogans DOMAIN.md quotes verbatim from 8355-CV/BTGTW (1 April 2020). That document lists
#: 17 official slogans: a ward pastes its full list into ``official_slogans``.
DEFAULT_OFFICIAL_SLOGANS = (
    "Nhiệt liệt chào mừng đại hội đảng bộ các cấp nhiệm kỳ 2020-2025!",
    "Đảng Cộng sản Việt Nam quang vinh muôn năm!",
)

#: Days before the opening by which the backdrop and the stage are dressed.
DEFAULT_STAGE_LEAD_DAYS = 1.0
#: Days before the opening by which banners and slogans hang (when a banner gives no ``due``).
DEFAULT_BANNER_LEAD_DAYS = 3.0
#: Days before the opening by which the ward's panels and posters are up.
DEFAULT_PROPAGANDA_LEAD_DAYS = 7.0
#: Longest lead time accepted, in days.
MAX_LEAD_DAYS = 366.0

#: The stage elements, in the order the report lists them (DOMAIN.md "A typical layout").
STAGE_ELEMENTS = (
    "top_slogan",
    "party_flag",
    "national_flag",
    "marx_lenin",
    "ho_chi_minh",
    "flowers",
)
#: Which elements the stage is checked for, unless ``stage_elements`` says otherwise.
DEFAULT_STAGE_ELEMENTS = STAGE_ELEMENTS
#: How Hồ Chí Minh is shown: a bust, or a portrait where there is no bust.
HO_CHI_MINH_KINDS = ("bust", "portrait")
DEFAULT_HO_CHI_MINH_KIND = "bust"
#: Where the flags hang, as the delegates see them from the hall.
SIDES = ("left", "right")
#: What the main backdrop is: printed, or an LED screen (not allowed as the main backdrop).
BACKDROP_KINDS = ("printed", "led")
#: What a banner is: one of the official slogans, or another banner (a welcome, a direction).
BANNER_KINDS = ("slogan", "banner")
DEFAULT_BANNER_KIND = "banner"

_TOP_KEYS = (
    "organisation",
    "title_format",
    "official_slogans",
    "stage_lead_days",
    "banner_lead_days",
    "propaganda_lead_days",
    "stage_elements",
    "backdrop",
    "stage",
    "banners",
    "propaganda",
)
_BACKDROP_KEYS = ("title", "installed", "kind", "due", "owner")
_STAGE_KEYS = (
    *STAGE_ELEMENTS,
    "ho_chi_minh_kind",
    "party_flag_side",
    "national_flag_side",
    "owner",
)
_ELEMENT_KEYS = ("installed", "due", "owner")
_BANNER_KEYS = (
    "id",
    "text",
    "location",
    "kind",
    "approved_by",
    "approved_on",
    "installed",
    "due",
    "owner",
)
_PROPAGANDA_KEYS = (
    "panels_planned",
    "panels_installed",
    "posters_planned",
    "posters_installed",
    "counted_on",
    "due",
    "owner",
)


# -- the parsed configuration --------------------------------------------------------------------


@frozen
class Backdrop:
    """The main stage backdrop: the title printed on it, when it went up, what it is."""

    title: str | None = None
    installed: datetime | None = None
    kind: str | None = None
    due: datetime | None = None
    owner: str | None = None


@frozen
class StageElement:
    """One element of the stage dressing: when it was put in place, and its own deadline."""

    name: str
    installed: datetime | None = None
    due: datetime | None = None
    owner: str | None = None


@frozen
class Stage:
    """The stage dressing: the elements recorded so far and the flags' sides."""

    elements: Mapping[str, StageElement] = field(factory=dict)
    ho_chi_minh_kind: str = DEFAULT_HO_CHI_MINH_KIND
    party_flag_side: str | None = None
    national_flag_side: str | None = None
    owner: str | None = None


@frozen
class Banner:
    """A banner or slogan: its text, where it hangs, its approval and its installation."""

    id: str
    text: str
    location: str
    kind: str = DEFAULT_BANNER_KIND
    approved_by: str | None = None
    approved_on: datetime | None = None
    installed: datetime | None = None
    due: datetime | None = None
    owner: str | None = None


@frozen
class Propaganda:
    """Panels and posters across the ward: how many were planned and how many are up."""

    panels_planned: int | None = None
    panels_installed: int | None = None
    posters_planned: int | None = None
    posters_installed: int | None = None
    counted_on: datetime | None = None
    due: datetime | None = None
    owner: str | None = None


@frozen
class Config:
    """The area's settings, parsed, with every default filled in."""

    organisation: str | None = None
    title_format: str = DEFAULT_TITLE_FORMAT
    official_slogans: tuple[str, ...] = DEFAULT_OFFICIAL_SLOGANS
    stage_lead_days: float = DEFAULT_STAGE_LEAD_DAYS
    banner_lead_days: float = DEFAULT_BANNER_LEAD_DAYS
    propaganda_lead_days: float = DEFAULT_PROPAGANDA_LEAD_DAYS
    stage_elements: tuple[str, ...] = DEFAULT_STAGE_ELEMENTS
    backdrop: Backdrop | None = None
    stage: Stage | None = None
    banners: tuple[Banner, ...] = ()
    propaganda: Propaganda | None = None


# -- parsing -------------------------------------------------------------------------------------


def _check_title_format(reader: SettingsReader, text: str) -> bool:
    try:
        parsed = list(string.Formatter().parse(text))
    except ValueError:  # a lone "{" or "}"
        reader.problem("title_format", "decoration.title-format-syntax", value=text)
        return False
    ok = True
    for _, name, spec, conversion in parsed:
        if name is None:
            continue
        if name not in TITLE_FIELDS:
            reader.problem(
                "title_format",
                "decoration.title-format-field",
                field=name,
                known=", ".join(TITLE_FIELDS),
            )
            ok = False
        elif spec or conversion:
            reader.problem("title_format", "decoration.title-format-spec", field=name)
            ok = False
    return ok


def _due(reader: SettingsReader, event: Event | None) -> datetime | None:
    """The table's ``due``, refused when it falls after the opening."""
    due = reader.instant("due")
    if due is not None and event is not None and due > event.starts:
        reader.problem("due", "load.due-after-start", due=due, starts=event.starts)
        return None
    return due


def _lead_days(reader: SettingsReader, key: str, default: float) -> float:
    return reader.number(key, default, low=0.0, high=MAX_LEAD_DAYS)


def _parse_backdrop(reader: SettingsReader, event: Event | None) -> Backdrop | None:
    if "backdrop" not in reader:
        return None
    sub = reader.table("backdrop")
    sub.known(*_BACKDROP_KEYS)
    return Backdrop(
        title=sub.text("title"),
        installed=sub.instant("installed", bare_date="start"),
        kind=sub.one_of("kind", BACKDROP_KINDS),
        due=_due(sub, event),
        owner=sub.text("owner"),
    )


def _parse_element(reader: SettingsReader, name: str, event: Event | None) -> StageElement:
    if isinstance(reader.raw(name), Mapping):
        sub = reader.table(name)
        sub.known(*_ELEMENT_KEYS)
        return StageElement(
            name=name,
            installed=sub.instant("installed", bare_date="start"),
            due=_due(sub, event),
            owner=sub.text("owner"),
        )
    return StageElement(name=name, installed=reader.instant(name, bare_date="start"))


def _parse_stage(reader: SettingsReader, event: Event | None) -> Stage | None:
    if "stage" not in reader:
        return None
    sub = reader.table("stage")
    sub.known(*_STAGE_KEYS)
    elements = {name: _parse_element(sub, name, event) for name in STAGE_ELEMENTS if name in sub}
    return Stage(
        elements=elements,
        ho_chi_minh_kind=sub.one_of(
            "ho_chi_minh_kind", HO_CHI_MINH_KINDS, DEFAULT_HO_CHI_MINH_KIND
        ),
        party_flag_side=sub.one_of("party_flag_side", SIDES),
        national_flag_side=sub.one_of("national_flag_side", SIDES),
        owner=sub.text("owner"),
    )


def _parse_banners(reader: SettingsReader, event: Event | None) -> tuple[Banner, ...]:
    subs = reader.tables("banners")
    for sub in subs:
        sub.known(*_BANNER_KEYS)
    banners: list[Banner] = []
    for banner_id, sub in zip(reader.unique(subs), subs, strict=True):
        text = sub.text("text", required=True)
        location = sub.text("location", required=True)
        kind = sub.one_of("kind", BANNER_KINDS, DEFAULT_BANNER_KIND)
        approved_by = sub.text("approved_by")
        approved_on = sub.instant("approved_on", bare_date="start")
        installed = sub.instant("installed", bare_date="start")
        due = _due(sub, event)
        owner = sub.text("owner")
        if banner_id is None or text is None or location is None:
            continue  # missing, or an id already used: a problem says so
        banners.append(
            Banner(
                id=banner_id,
                text=text,
                location=location,
                kind=kind,
                approved_by=approved_by,
                approved_on=approved_on,
                installed=installed,
                due=due,
                owner=owner,
            )
        )
    return tuple(banners)


def _parse_propaganda(reader: SettingsReader, event: Event | None) -> Propaganda | None:
    if "propaganda" not in reader:
        return None
    sub = reader.table("propaganda")
    sub.known(*_PROPAGANDA_KEYS)
    return Propaganda(
        panels_planned=sub.integer("panels_planned", None),
        panels_installed=sub.integer("panels_installed", None),
        posters_planned=sub.integer("posters_planned", None),
        posters_installed=sub.integer("posters_installed", None),
        counted_on=sub.instant("counted_on", bare_date="start"),
        due=_due(sub, event),
        owner=sub.text("owner"),
    )


def _parse_elements(reader: SettingsReader) -> tuple[str, ...]:
    names = reader.strings("stage_elements", DEFAULT_STAGE_ELEMENTS)
    chosen: list[str] = []
    for name in names:
        if name not in STAGE_ELEMENTS:
            reader.problem(
                "stage_elements", "load.bad-choice", value=name, choices=", ".join(STAGE_ELEMENTS)
            )
        elif name not in chosen:
            chosen.append(name)
    return tuple(chosen)


def parse(settings: Any, event: Event | None) -> tuple[Config, list[Problem]]:
    """The area's settings as a :class:`Config`, and every problem found in them.

    Never raises: a wrong value is reported and replaced by its default.
    """
    reader = SettingsReader(settings, event)
    reader.known(*_TOP_KEYS)
    title_format = reader.text("title_format", DEFAULT_TITLE_FORMAT) or DEFAULT_TITLE_FORMAT
    if not _check_title_format(reader, title_format):
        title_format = DEFAULT_TITLE_FORMAT
    config = Config(
        organisation=reader.text("organisation"),
        title_format=title_format,
        official_slogans=reader.strings("official_slogans", DEFAULT_OFFICIAL_SLOGANS),
        stage_lead_days=_lead_days(reader, "stage_lead_days", DEFAULT_STAGE_LEAD_DAYS),
        banner_lead_days=_lead_days(reader, "banner_lead_days", DEFAULT_BANNER_LEAD_DAYS),
        propaganda_lead_days=_lead_days(
            reader, "propaganda_lead_days", DEFAULT_PROPAGANDA_LEAD_DAYS
        ),
        stage_elements=_parse_elements(reader),
        backdrop=_parse_backdrop(reader, event),
        stage=_parse_stage(reader, event),
        banners=_parse_banners(reader, event),
        propaganda=_parse_propaganda(reader, event),
    )
    return config, reader.problems


def validate(settings: Any, event: Event | None) -> list[Problem]:
    """The settings validator (``AreaSpec.validate_settings``): the problems :func:`parse` finds."""
    return parse(settings, event)[1]
