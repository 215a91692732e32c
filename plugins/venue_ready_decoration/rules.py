"""The derived rules of the decoration area: pure functions from settings to Findings.

Each rule takes the parsed :class:`~venue_ready_decoration.settings.Config`, the event, the
area's plan and the moment of the assessment, and returns Findings. No I/O, no clock: the same
input gives the same Findings in the same order. A record dated after ``as_of`` does not count
yet, so a report as of a past moment can be reproduced.
"""

from __future__ import annotations

import re
import string
import unicodedata
from collections.abc import Mapping
from datetime import date, datetime, time, timedelta
from typing import Any, NamedTuple

from venue_ready import AreaPlan, Event, Finding, FindingMaker, Message

from .settings import Backdrop, Banner, Config, Propaganda, Stage
from .template import KEY, ROLE_PROPAGANDA, ROLE_SERVICE

# -- weights (see docs/areas/decoration.md) ------------------------------------------------------

WEIGHT_BACKDROP_TITLE = 3.0
WEIGHT_BACKDROP_INSTALLED = 2.0
WEIGHT_BACKDROP_LED = 1.0
WEIGHT_STAGE_ELEMENT = 1.0
WEIGHT_FLAG_LAYOUT = 1.0
WEIGHT_BANNER_APPROVED = 1.0
WEIGHT_BANNER_INSTALLED = 1.0
WEIGHT_SLOGAN = 1.0
WEIGHT_PANELS = 1.0
WEIGHT_POSTERS = 1.0
#: Stage elements without which the opening flag ceremony cannot be held: gates.
GATE_ELEMENTS = frozenset({"party_flag", "national_flag"})

# -- text: Roman numerals, normalisation, the official title ------------------------------------

_ROMAN = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)


def roman(number: int) -> str:
    """``22`` → ``"XXII"``. Numbers outside 1..3999 have no standard Roman form and are written
    in digits."""
    if not 1 <= number <= 3999:
        return str(number)
    out = []
    for value, letters in _ROMAN:
        count, number = divmod(number, value)
        out.append(letters * count)
    return "".join(out)


# Dashes and lookalikes a typesetter may use; all count as "-". The Icelandic eth (Ð) prints
# exactly like the Vietnamese Đ, so it is no typo a delegate could see.
_LOOKALIKES = str.maketrans(
    {
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u00d0": "\u0110",
        "\u00f0": "\u0111",
    }
)
_SPACES = re.compile(r"\s+")
_AROUND_DASH = re.compile(r"\s*-\s*")
_AROUND_COMMA = re.compile(r"\s*,\s*")


def normalise(text: str) -> str:
    """Text compared without letting case, spacing or dash style count: Unicode NFC, upper
    case, one space between words, ``-`` for every dash with no space around it, ``, `` after
    every comma."""
    text = unicodedata.normalize("NFC", text).translate(_LOOKALIKES)
    text = unicodedata.normalize("NFC", text.upper())
    text = _SPACES.sub(" ", text).strip()
    text = _AROUND_DASH.sub("-", text)
    return _AROUND_COMMA.sub(", ", text).strip(", ")


def normalise_slogan(text: str) -> str:
    """A slogan, normalised; a final ``!`` or ``.`` does not count either."""
    return normalise(text).rstrip("!. ")


# The organisation's length bounded, as in _FIELD_PATTERNS: unbounded, a name that repeats
# "đại hội" is searched in quadratic time.
_NAME = re.compile(r"đại\s+hội\s+(.{1,200}?)\s+lần\s+thứ", re.IGNORECASE)


def organisation(config: Config, event: Event) -> str | None:
    """The organisation holding the congress: the ``organisation`` setting, else the text
    between "Đại hội " and " lần thứ" in the event's name."""
    if config.organisation is not None:
        return config.organisation.strip()
    found = _NAME.search(unicodedata.normalize("NFC", event.name))
    return found.group(1).strip() if found else None


def _fields(title_format: str) -> list[str]:
    return [name for _, name, _, _ in string.Formatter().parse(title_format) if name]


def official_title(config: Config, event: Event) -> tuple[str | None, dict[str, str], list[str]]:
    """The congress's official title, the values of its fields, and what is missing to make it.

    Returns ``(title, values, missing)``; ``title`` is None when ``missing`` is not empty.
    """
    fields = set(_fields(config.title_format))
    values: dict[str, str] = {}
    missing: list[str] = []
    if "organisation" in fields:
        org = organisation(config, event)
        if org is None:
            missing.append("[areas.decoration.settings] organisation")
        else:
            values["organisation"] = unicodedata.normalize("NFC", org.upper())
    if "ordinal" in fields:
        if event.ordinal is None:
            missing.append("[event] ordinal")
        else:
            values["ordinal"] = roman(event.ordinal)
    if fields & {"term_start", "term_end"}:
        if event.term is None:
            missing.append("[event] term")
        else:
            values["term_start"], values["term_end"] = str(event.term[0]), str(event.term[1])
    if missing:
        return None, values, missing
    return config.title_format.format(**values), values, missing


# Each field's pattern is bounded: the title is matched from its start, so with bounded fields
# the work is bounded too, whatever the title's length and however often a custom
# ``title_format`` repeats a field. Unbounded (``.+?``), a 256k-character title took 9 s (#11).
# No organisation's name is longer, nor a printed ordinal or year.
_FIELD_PATTERNS = {
    "organisation": r".{1,200}?",
    "ordinal": r"[^\s,]{1,20}",
    "term_start": r"\d{1,8}",
    "term_end": r"\d{1,8}",
}


def _title_pattern(title_format: str) -> re.Pattern[str]:
    """A regular expression matching any title printed in ``title_format`` (normalised), with
    a named group per field, so that a printed title can be taken apart."""
    names: list[str] = []
    pieces: list[str] = []
    for literal, name, _, _ in string.Formatter().parse(title_format):
        pieces.append(literal)
        if name:
            pieces.append(f"\x00{len(names)}\x00")
            names.append(name)
    parts = re.split(r"\x00(\d+)\x00", normalise("".join(pieces)))
    regex: list[str] = []
    used: set[str] = set()
    for index, part in enumerate(parts):
        if index % 2 == 0:
            regex.append(re.escape(part))
            continue
        name = names[int(part)]
        if name in used:
            regex.append(f"(?P={name})")
        else:
            used.add(name)
            regex.append(f"(?P<{name}>{_FIELD_PATTERNS[name]})")
    return re.compile("".join(regex))


def title_difference(
    title_format: str, values: Mapping[str, str], printed: str
) -> tuple[str, dict[str, str]]:
    """What differs between the official title and the printed one.

    Returns ``(kind, parts)``: ``kind`` is ``same``, ``ordinal``, ``term``, ``organisation``,
    ``ordinal-term`` or ``other`` (several other differences, or a title that does not follow
    the format at all); ``parts`` holds the printed ordinal and term when they could be read.
    """
    expected = normalise(title_format.format(**values))
    text = normalise(printed)
    if text == expected:
        return "same", {}
    found = _title_pattern(title_format).fullmatch(text)
    if found is None:
        return "other", {}
    groups = found.groupdict()
    differs: list[str] = []
    if "organisation" in groups and groups["organisation"] != normalise(values["organisation"]):
        differs.append("organisation")
    if "ordinal" in groups and groups["ordinal"] != values["ordinal"]:
        differs.append("ordinal")
    if any(k in groups and groups[k] != values[k] for k in ("term_start", "term_end")):
        differs.append("term")
    parts = {
        "printed_ordinal": groups.get("ordinal") or "",
        "printed_term": f"{groups.get('term_start', '')} - {groups.get('term_end', '')}",
    }
    kind = {
        ("ordinal",): "ordinal",
        ("term",): "term",
        ("organisation",): "organisation",
        ("ordinal", "term"): "ordinal-term",
    }.get(tuple(differs), "other")
    return kind, parts


# -- helpers -------------------------------------------------------------------------------------


class Outcome(NamedTuple):
    """What a rule found: a message, the credit earned, and whether it could be assessed."""

    message_id: str
    params: Mapping[str, Any]
    credit: float
    assessed: bool = True


def _met(message_id: str, **params: Any) -> Outcome:
    return Outcome(f"{KEY}.{message_id}", params, 1.0)


def _unmet(message_id: str, **params: Any) -> Outcome:
    return Outcome(f"{KEY}.{message_id}", params, 0.0)


def _unknown(message_id: str, **params: Any) -> Outcome:
    """Data needed to assess the rule is missing: no credit, and coverage drops."""
    return Outcome(f"{KEY}.{message_id}", params, 0.0, assessed=False)


#: Every Finding of the area; each subject's share its subject, due date and owner
#: (``_make.sharing(subject=..., due=..., owner=...)``).
_make = FindingMaker(KEY)


def _finding(
    make: FindingMaker, code: str, outcome: Outcome, weight: float, gate: bool = False
) -> Finding:
    """The Finding ``KEY.code`` that a rule's ``outcome`` makes: its message, and its credit
    when it could be assessed."""
    return make(
        f"{KEY}.{code}",
        Message(outcome.message_id, outcome.params),
        weight=weight,
        credit=outcome.credit if outcome.assessed else 0.0,
        gate=gate,
        assessed=outcome.assessed,
    )


def _shown(moment: datetime) -> date | datetime:
    """A recorded moment for a message: a bare date (read as the start of its day) shows as
    the date alone."""
    return moment.date() if moment.time() == time(0, 0) else moment


def _lead(event: Event, days: float) -> datetime:
    return event.starts - timedelta(days=days)


# -- the backdrop --------------------------------------------------------------------------------


def backdrop_title(config: Config, event: Event) -> Outcome:
    """The printed title against the official one; what differs, when that can be told."""
    expected, values, missing = official_title(config, event)
    printed = config.backdrop.title if config.backdrop is not None else None
    if expected is None:
        return _unknown("backdrop-title-cannot-generate", missing=", ".join(missing))
    if printed is None:
        return _unknown("backdrop-title-not-recorded", expected=expected)
    kind, parts = title_difference(config.title_format, values, printed)
    if kind == "same":
        return _met("backdrop-title-ok", expected=expected, printed=printed)
    params: dict[str, Any] = {"expected": expected, "printed": printed}
    if kind in ("ordinal", "ordinal-term"):
        params.update(printed_ordinal=parts["printed_ordinal"], expected_ordinal=values["ordinal"])
    if kind in ("term", "ordinal-term"):
        expected_term = f"{values['term_start']} - {values['term_end']}"
        params.update(printed_term=parts["printed_term"], expected_term=expected_term)
    return _unmet(f"backdrop-title-{kind}", **params)


def backdrop_kind(backdrop: Backdrop | None) -> Outcome:
    """A printed backdrop: an LED screen may not replace it."""
    if backdrop is None or backdrop.kind is None:
        return _unknown("backdrop-kind-unrecorded")
    if backdrop.kind == "led":
        return _unmet("backdrop-led")
    return _met("backdrop-printed")


def backdrop_installed(backdrop: Backdrop | None, as_of: datetime) -> Outcome:
    """The backdrop is up (a record dated after ``as_of`` does not count yet)."""
    if backdrop is None:
        return _unknown("backdrop-unrecorded")
    if backdrop.installed is not None and backdrop.installed <= as_of:
        return _met("backdrop-installed", installed=_shown(backdrop.installed))
    return _unmet("backdrop-not-installed")


def backdrop_rules(config: Config, event: Event, as_of: datetime) -> list[Finding]:
    """The backdrop's title, its kind and its installation: three gates."""
    backdrop = config.backdrop
    due = backdrop.due if backdrop is not None else None
    owner = backdrop.owner if backdrop is not None else None
    make = _make.sharing(
        subject="backdrop",
        due=due or _lead(event, config.stage_lead_days),
        owner=owner or ROLE_SERVICE.owner,
    )
    title, kind = backdrop_title(config, event), backdrop_kind(backdrop)
    installed = backdrop_installed(backdrop, as_of)
    return [
        _finding(make, "backdrop-title", title, WEIGHT_BACKDROP_TITLE, True),
        _finding(make, "backdrop-led", kind, WEIGHT_BACKDROP_LED, True),
        _finding(make, "backdrop-installed", installed, WEIGHT_BACKDROP_INSTALLED, True),
    ]


# -- the stage -----------------------------------------------------------------------------------


def stage_element(name: str, stage: Stage | None, as_of: datetime) -> Outcome:
    """One stage element is in place (a record dated after ``as_of`` does not count yet)."""
    if stage is None:
        return _unknown("stage-unrecorded", element=name)
    base = f"stage.{name}"
    if name == "ho_chi_minh":
        base = f"stage.ho_chi_minh_{stage.ho_chi_minh_kind}"
    element = stage.elements.get(name)
    if element is not None and element.installed is not None and element.installed <= as_of:
        return _met(f"{base}.done", installed=_shown(element.installed))
    return _unmet(f"{base}.todo")


def flag_layout(stage: Stage | None) -> Outcome:
    """The Party flag on the left, the national flag on the right (as the delegates see them);
    a side not recorded is taken to be the right one when the other side is recorded."""
    party = stage.party_flag_side if stage is not None else None
    national = stage.national_flag_side if stage is not None else None
    if party is None and national is None:
        return _unknown("flag-layout-unrecorded")
    party_ok = party in (None, "left")
    national_ok = national in (None, "right")
    if party_ok and national_ok:
        return _met("flag-layout-ok")
    if not party_ok and not national_ok:
        return _unmet("flag-layout-swapped")
    return _unmet("flag-layout-national" if party_ok else "flag-layout-party")


def stage_rules(config: Config, event: Event, as_of: datetime) -> list[Finding]:
    """One Finding per expected stage element (the flags are gates), then the flags' layout."""
    stage = config.stage
    stage_due = _lead(event, config.stage_lead_days)
    stage_owner = (stage.owner if stage is not None else None) or ROLE_SERVICE.owner
    findings: list[Finding] = []
    for name in config.stage_elements:
        element = stage.elements.get(name) if stage is not None else None
        make = _make.sharing(
            subject=name,
            due=(element.due if element is not None else None) or stage_due,
            owner=(element.owner if element is not None else None) or stage_owner,
        )
        outcome = stage_element(name, stage, as_of)
        findings.append(
            _finding(make, "stage-element", outcome, WEIGHT_STAGE_ELEMENT, name in GATE_ELEMENTS)
        )
    if GATE_ELEMENTS & set(config.stage_elements):
        make = _make.sharing(subject="flags", due=stage_due, owner=stage_owner)
        findings.append(_finding(make, "flag-layout", flag_layout(stage), WEIGHT_FLAG_LAYOUT))
    return findings


# -- banners and slogans -------------------------------------------------------------------------


def banner_approved(banner: Banner, as_of: datetime) -> Outcome:
    """The banner's content approved by a named body on a date on or before ``as_of``."""
    where = {"text": banner.text, "location": banner.location}
    by, on = banner.approved_by, banner.approved_on
    if by is None:
        return _unmet("banner-not-approved", **where)
    if on is None:
        return _unmet("banner-approval-undated", by=by, **where)
    if on > as_of:
        return _unmet("banner-approval-future", by=by, on=_shown(on), **where)
    return _met("banner-approved", by=by, on=_shown(on), **where)


def banner_installed(banner: Banner, due: datetime, as_of: datetime) -> Outcome:
    """The banner is up by ``as_of``; put up after its deadline it keeps the credit and the
    message says it was late (the schedule already counted it overdue while it was)."""
    where = {"text": banner.text, "location": banner.location}
    installed = banner.installed
    if installed is None or installed > as_of:
        return _unmet("banner-not-installed", **where)
    if installed > due:
        return _met("banner-installed-late", installed=_shown(installed), due=due, **where)
    return _met("banner-installed", installed=_shown(installed), **where)


def slogan_official(banner: Banner, official: set[str]) -> Outcome:
    """A banner of kind ``slogan`` reads as one of the official slogans (normalised)."""
    where = {"text": banner.text, "location": banner.location}
    if normalise_slogan(banner.text) in official:
        return _met("slogan-official", **where)
    return _unmet("slogan-unofficial", **where)


def banner_rules(config: Config, event: Event, as_of: datetime) -> list[Finding]:
    """Per banner: its content approved, it is up, and a slogan is an official one."""
    default_due = _lead(event, config.banner_lead_days)
    propaganda = ROLE_PROPAGANDA.owner
    if not config.banners:
        make = _make.sharing(due=default_due, owner=propaganda)
        unrecorded = _unknown("banners-unrecorded")
        return [_finding(make, "banner-installed", unrecorded, WEIGHT_BANNER_INSTALLED)]
    official = {normalise_slogan(text) for text in config.official_slogans}
    findings: list[Finding] = []
    for banner in config.banners:
        due = banner.due or default_due
        make = _make.sharing(subject=banner.id, due=due, owner=banner.owner or propaganda)
        approved = banner_approved(banner, as_of)
        findings.append(_finding(make, "banner-approved", approved, WEIGHT_BANNER_APPROVED))
        installed = banner_installed(banner, due, as_of)
        findings.append(_finding(make, "banner-installed", installed, WEIGHT_BANNER_INSTALLED))
        if banner.kind == "slogan":
            outcome = slogan_official(banner, official)
            findings.append(_finding(make, "slogan-unofficial", outcome, WEIGHT_SLOGAN))
    return findings


# -- propaganda across the ward ------------------------------------------------------------------


def propaganda_count(kind: str, prop: Propaganda | None, as_of: datetime) -> Outcome:
    """``kind`` (panels or posters) put up out of those planned: credit = the share, at most 1;
    nothing planned is nothing missing."""
    planned: int | None = getattr(prop, f"{kind}_planned", None)
    installed: int | None = getattr(prop, f"{kind}_installed", None)
    if prop is None or planned is None:
        return _unknown(f"{kind}-unrecorded")
    if prop.counted_on is not None and prop.counted_on > as_of:
        return _unknown(f"{kind}-future", counted_on=_shown(prop.counted_on))
    installed = installed or 0
    share = 1.0 if planned == 0 else min(1.0, installed / planned)
    return Outcome(f"{KEY}.{kind}", {"installed": installed, "planned": planned}, share)


def propaganda_rules(config: Config, event: Event, as_of: datetime) -> list[Finding]:
    """Panels and posters across the ward."""
    prop = config.propaganda
    due = (prop.due if prop is not None else None) or _lead(event, config.propaganda_lead_days)
    make = _make.sharing(
        due=due, owner=(prop.owner if prop is not None else None) or ROLE_PROPAGANDA.owner
    )
    return [
        _finding(make.sharing(subject=kind), kind, propaganda_count(kind, prop, as_of), weight)
        for kind, weight in (("panels", WEIGHT_PANELS), ("posters", WEIGHT_POSTERS))
    ]


# -- all of them ---------------------------------------------------------------------------------


def assess(config: Config, event: Event, area: AreaPlan, as_of: datetime) -> list[Finding]:
    """Every derived Finding of the area, in a fixed order: backdrop, stage, banners,
    propaganda."""
    del area  # its settings are parsed into config already; its items are the core's
    return [
        *backdrop_rules(config, event, as_of),
        *stage_rules(config, event, as_of),
        *banner_rules(config, event, as_of),
        *propaganda_rules(config, event, as_of),
    ]
