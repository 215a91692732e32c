"""The ``[areas.decoration.settings]`` table: its schema, defaults and validation.

One parse function serves both the settings validator (called when the event file is loaded)
and the assess hook, so the two can never disagree about what the table means. Every default
that may differ between localities is a named constant here.
"""

import string
from collections.abc import Mapping
from datetime import datetime
from typing import Annotated, Any, Literal, get_args

from attrs import field, frozen

from venue_ready import (
    Event,
    Problem,
    Setting,
    SettingsReader,
    before_start,
    read_settings,
    read_table,
)

# -- defaults (see docs/areas/decoration.md) ---------------------------------------------------

#: The fields a title format may use: the organisation (upper-cased), the congress's ordinal or
#: the council's term number (``[event] ordinal``, in Roman numerals), the term's years, the
#: council session's number and the polling area's number (both as printed, upper-cased).
TITLE_FIELDS = ("organisation", "ordinal", "term_start", "term_end", "session", "polling_area")

#: The official slogans of the 2020 - 2025 congresses that DOMAIN.md quotes verbatim from Công
#: văn 8355-CV/BTGTW (Ban Tuyên giáo Trung ương, 01/04/2020). It lists 17: a ward pastes its
#: full list into ``official_slogans``.
SLOGANS_2020 = (
    "Nhiệt liệt chào mừng đại hội đảng bộ các cấp nhiệm kỳ 2020-2025!",
    "Đảng Cộng sản Việt Nam quang vinh muôn năm!",
)
#: A later term has no default list: the slogans of Hướng dẫn 24-HD/BTGDVTW (Ban Tuyên giáo và
#: Dân vận Trung ương, 29/07/2025, the propaganda for the 2025 - 2030 congresses) are not quoted
#: in the domain notes (unverified), so the ward enters the current guidance's list in
#: ``official_slogans``; until it does, its slogans are reported as not checked.
SLOGANS_LATER: tuple[str, ...] = ()
#: The default list of a Party congress of the 2020 - 2025 term (kept for older callers).
DEFAULT_OFFICIAL_SLOGANS = SLOGANS_2020

#: Days before the opening by which the backdrop and the stage are dressed.
DEFAULT_STAGE_LEAD_DAYS = 1
#: Days before the opening by which banners and slogans hang (when a banner gives no ``due``).
DEFAULT_BANNER_LEAD_DAYS = 3
#: Days before the opening by which the ward's panels and posters are up.
DEFAULT_PROPAGANDA_LEAD_DAYS = 7
#: Longest lead time accepted, in days.
MAX_LEAD_DAYS = 366

#: The stage elements, in the order the report lists them (DOMAIN.md "A typical layout";
#: ``organisation_flag`` is another organisation's own flag or emblem).
STAGE_ELEMENTS = (
    "top_slogan",
    "party_flag",
    "national_flag",
    "organisation_flag",
    "marx_lenin",
    "ho_chi_minh",
    "flowers",
)
#: The elements checked by default, by the event's organiser (``event.organiser``): a Party
#: event's stage, a State event's (the national flag alone, and Hồ Chí Minh), another
#: organisation's (the national flag and its own flag or emblem). ``stage_elements`` overrides.
STAGE_ELEMENTS_BY_ORGANISER: Mapping[str, tuple[str, ...]] = {
    "party": ("top_slogan", "party_flag", "national_flag", "marx_lenin", "ho_chi_minh", "flowers"),
    "state": ("national_flag", "ho_chi_minh", "flowers"),
    "organisation": ("national_flag", "organisation_flag", "ho_chi_minh", "flowers"),
}
#: A Party event's elements: the default of an event whose organiser is not known.
DEFAULT_STAGE_ELEMENTS = STAGE_ELEMENTS_BY_ORGANISER["party"]
#: How Hồ Chí Minh is shown: a bust, or a portrait where there is no bust.
HoChiMinhKind = Literal["bust", "portrait"]
HO_CHI_MINH_KINDS: tuple[HoChiMinhKind, ...] = get_args(HoChiMinhKind)
DEFAULT_HO_CHI_MINH_KIND: HoChiMinhKind = "bust"
#: Where a flag hangs on the stage, as seen from the hall: on the left, on the right, or in the
#: centre (a State event's national flag; both flags of a very small or very large hall under
#: Hướng dẫn 105-HD/BTGTW).
Side = Literal["left", "right", "center"]
SIDES: tuple[Side, ...] = get_args(Side)
#: What the main backdrop is: printed, or an LED screen (not allowed as the main backdrop).
BackdropKind = Literal["printed", "led"]
BACKDROP_KINDS: tuple[BackdropKind, ...] = get_args(BackdropKind)
#: What a banner is: one of the official slogans, or another banner (a welcome, a direction).
BannerKind = Literal["slogan", "banner"]
BANNER_KINDS: tuple[BannerKind, ...] = get_args(BannerKind)
DEFAULT_BANNER_KIND: BannerKind = "banner"

# -- reading what a type does not say ------------------------------------------------------------


def _check_title_format(
    reader: SettingsReader, key: str, text: str | None, values: object
) -> str | None:
    """The title format, when every field it names is one of :data:`TITLE_FIELDS`."""
    if text is None:
        return None
    try:
        parsed = list(string.Formatter().parse(text))
    except ValueError:  # a lone "{" or "}"
        reader.problem(key, "decoration.title-format-syntax", value=text)
        return None
    ok = True
    for _, name, spec, conversion in parsed:
        if name is None:
            continue
        if name not in TITLE_FIELDS:
            reader.problem(
                key, "decoration.title-format-field", field=name, known=", ".join(TITLE_FIELDS)
            )
            ok = False
        elif spec or conversion:
            reader.problem(key, "decoration.title-format-spec", field=name)
            ok = False
    return text if ok else None


def _elements(reader: SettingsReader, key: str, values: object) -> "dict[str, StageElement]":
    """The stage elements recorded: each a moment (when it was put in place) or a table."""
    out: dict[str, StageElement] = {}
    for name in STAGE_ELEMENTS:
        if name not in reader:
            continue
        if isinstance(reader.raw(name), Mapping):
            element = read_table(reader.table(name), StageElement, {"name": name})
        else:
            element = StageElement(name=name, installed=reader.instant(name, bare_date="start"))
        out[name] = element or StageElement(name=name)
    return out


def _chosen_elements(reader: SettingsReader, key: str, values: object) -> tuple[str, ...] | None:
    """The stage elements to check, or None: the organiser's (STAGE_ELEMENTS_BY_ORGANISER)."""
    if key not in reader:
        return None
    names = reader.strings(key)
    chosen: list[str] = []
    for name in names:
        if name not in STAGE_ELEMENTS:
            reader.problem(key, "load.bad-choice", value=name, choices=", ".join(STAGE_ELEMENTS))
        elif name not in chosen:
            chosen.append(name)
    return tuple(chosen)


def _number_or_text(reader: SettingsReader, key: str, values: object) -> str | None:
    """A number as printed on a sign or backdrop: a whole number (``5``) or a text (``"V"``,
    ``"MƯỜI HAI"``), kept as text."""
    if key not in reader:
        return None
    raw = reader.raw(key)
    if isinstance(raw, int) and not isinstance(raw, bool):
        return str(reader.integer(key, 0))
    return reader.text(key)


#: A deadline of the decoration's own, before the opening.
_Due = Annotated[datetime | None, Setting(check=before_start)]
#: A record of something done that day, when only a date is given.
_Done = Annotated[datetime | None, Setting(bare_date="start")]
#: A lead time in days.
_LeadDays = Annotated[int, Setting(high=MAX_LEAD_DAYS)]


# -- the parsed configuration --------------------------------------------------------------------


@frozen
class Backdrop:
    """The main stage backdrop: the title printed on it, when it went up, what it is."""

    title: str | None = None
    installed: _Done = None
    kind: BackdropKind | None = None
    due: _Due = None
    owner: str | None = None


@frozen
class StageElement:
    """One element of the stage dressing: when it was put in place, and its own deadline."""

    name: Annotated[str, Setting(file=False)]
    installed: _Done = None
    due: _Due = None
    owner: str | None = None


@frozen
class Stage:
    """The stage dressing: the elements recorded so far and the flags' sides."""

    elements: Annotated[
        Mapping[str, StageElement], Setting(read=_elements, keys=STAGE_ELEMENTS)
    ] = field(factory=dict)
    ho_chi_minh_kind: HoChiMinhKind = DEFAULT_HO_CHI_MINH_KIND
    party_flag_side: Side | None = None
    national_flag_side: Side | None = None
    owner: str | None = None


@frozen
class Banner:
    """A banner or slogan: its text, where it hangs, its approval and its installation."""

    id: Annotated[str, Setting(unique=True)]
    text: str
    location: str
    kind: BannerKind = DEFAULT_BANNER_KIND
    approved_by: str | None = None
    approved_on: _Done = None
    installed: _Done = None
    due: _Due = None
    owner: str | None = None


@frozen
class Propaganda:
    """Panels and posters across the ward: how many were planned and how many are up."""

    panels_planned: int | None = None
    panels_installed: int | None = None
    posters_planned: int | None = None
    posters_installed: int | None = None
    counted_on: _Done = None
    due: _Due = None
    owner: str | None = None


@frozen
class Config:
    """The area's settings, parsed, with every default filled in."""

    organisation: str | None = None
    title: str | None = None
    title_format: Annotated[str | None, Setting(check=_check_title_format)] = None
    session: Annotated[str | None, Setting(read=_number_or_text)] = None
    polling_area: Annotated[str | None, Setting(read=_number_or_text)] = None
    official_slogans: tuple[str, ...] | None = None
    stage_lead_days: _LeadDays = DEFAULT_STAGE_LEAD_DAYS
    banner_lead_days: _LeadDays = DEFAULT_BANNER_LEAD_DAYS
    propaganda_lead_days: _LeadDays = DEFAULT_PROPAGANDA_LEAD_DAYS
    stage_elements: Annotated[tuple[str, ...] | None, Setting(read=_chosen_elements)] = None
    owner_stage: str | None = None
    owner_propaganda: str | None = None
    backdrop: Backdrop | None = None
    stage: Stage | None = None
    banners: tuple[Banner, ...] = ()
    propaganda: Propaganda | None = None


def parse(settings: Any, event: Event | None) -> tuple[Config, list[Problem]]:
    """The area's settings as a :class:`Config`, and every problem found in them.

    Never raises: a wrong value is reported and replaced by its default.
    """
    return read_settings(Config, settings, event)


def validate(settings: Any, event: Event | None) -> list[Problem]:
    """The settings validator (``AreaSpec.validate_settings``): the problems :func:`parse` finds."""
    return parse(settings, event)[1]
