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
from datetime import date, datetime, time
from typing import Any, NamedTuple

from venue_ready import (
    AreaPlan,
    Event,
    Finding,
    FindingMaker,
    Message,
    applies_to,
    days_before,
    rule_kinds,
)

from .settings import (
    DEFAULT_HO_CHI_MINH_KIND,
    DEFAULT_STAGE_ELEMENTS,
    SLOGANS_2020,
    SLOGANS_LATER,
    STAGE_ELEMENTS_BY_ORGANISER,
    Backdrop,
    Banner,
    Config,
    Propaganda,
    Stage,
)
from .template import KEY, OWNERS_BY_KIND, OWNERS_BY_ORGANISER

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


# Old-style tone marks ("hoá", "thuỵ") and new-style ("hóa", "thụy") are the same word: the
# comparison puts the tone on the first vowel of an open "oa", "oe", "uy".
_OLD_TONE = re.compile(r"([OU])([AEY])([\u0300\u0301\u0303\u0309\u0323])(?!\w)")


def _tone_first(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    moved = _OLD_TONE.sub(lambda m: m.group(1) + m.group(3) + m.group(2), decomposed)
    return unicodedata.normalize("NFC", moved)


def normalise(text: str) -> str:
    """Text compared without letting case, spacing or dash style count: Unicode NFC, upper
    case, one space between words, ``-`` for every dash with no space around it, ``, `` after
    every comma."""
    text = unicodedata.normalize("NFC", text).translate(_LOOKALIKES)
    text = unicodedata.normalize("NFC", text.upper())
    text = _SPACES.sub(" ", text).strip()
    text = _AROUND_DASH.sub("-", text)
    return _AROUND_COMMA.sub(", ", text).strip(", ")


def title_key(text: str) -> str:
    """A title as compared: :func:`normalise` applied, commas counting as spaces (a title block set
    on two lines drops the comma at the break: "… LẦN THỨ XXII / NHIỆM KỲ 2020 - 2025"), and
    the tone marks of "oa", "oe", "uy" in one place."""
    text = _tone_first(normalise(text))
    return _SPACES.sub(" ", text.replace(",", " ")).strip()


def normalise_slogan(text: str) -> str:
    """A slogan, normalised; a final ``!`` or ``.`` does not count either."""
    return normalise(text).rstrip("!. ")


# -- the official title, per kind of event -------------------------------------------------------

#: A congress of delegates (đại hội đại biểu) and a congress of all members: Hướng dẫn
#: 26-HD/BTCTW (18/10/2019) describes both forms of a Party congress.
TITLE_DELEGATES = (
    "ĐẠI HỘI ĐẠI BIỂU {organisation} LẦN THỨ {ordinal}, NHIỆM KỲ {term_start} - {term_end}"
)
TITLE_MEMBERS = "ĐẠI HỘI {organisation} LẦN THỨ {ordinal}, NHIỆM KỲ {term_start} - {term_end}"
#: A People's Council session (chưa kiểm chứng: the usual layout, kept configurable).
TITLE_COUNCIL = (
    "KỲ HỌP THỨ {session} HỘI ĐỒNG NHÂN DÂN {organisation} KHÓA {ordinal}, "
    "NHIỆM KỲ {term_start} - {term_end}"
)
#: A polling area's sign (chưa kiểm chứng).
TITLE_POLLING_AREA = "KHU VỰC BỎ PHIẾU SỐ {polling_area}"
#: The kinds whose title is a congress's.
CONGRESS_KINDS = ("party-congress", "congress")


class TitleFormat(NamedTuple):
    """One layout of the official title, and whether a backdrop printed in it is right."""

    format: str
    accepted: bool = True


def title_formats(config: Config, event: Event) -> tuple[TitleFormat, ...]:
    """The layouts of the title the event's backdrop or sign must carry, the one shown first;
    none: no title is due (a conference or a ceremony whose settings give none).

    ``title`` (a fixed text) or ``title_format`` in the settings win; else the kind's: a
    delegates' congress accepts the short form too (the seed article calls the Ngọc Thụy
    congress both), a members' congress only the short one, a congress whose form is not
    said either."""
    if config.title is not None:
        return (TitleFormat(config.title.replace("{", "{{").replace("}", "}}")),)
    if config.title_format is not None:
        return (TitleFormat(config.title_format),)
    if event.kind in CONGRESS_KINDS:
        if event.form == "delegates":
            return TitleFormat(TITLE_DELEGATES), TitleFormat(TITLE_MEMBERS)
        if event.form == "members":
            return TitleFormat(TITLE_MEMBERS), TitleFormat(TITLE_DELEGATES, accepted=False)
        if event.kind == "party-congress":
            return TitleFormat(TITLE_MEMBERS), TitleFormat(TITLE_DELEGATES)
        return TitleFormat(TITLE_DELEGATES), TitleFormat(TITLE_MEMBERS)
    if event.kind == "council-session":
        return (TitleFormat(TITLE_COUNCIL),)
    if event.kind == "election":
        return (TitleFormat(TITLE_POLLING_AREA),)
    return ()


# Each bounded, as in _FIELD_PATTERNS: unbounded, a name that repeats "đại hội" is searched in
# quadratic time.
_CONGRESS_NAME = re.compile(r"đại\s+hội\s+(?:đại\s+biểu\s+)?(.{1,200}?)\s+lần\s+thứ", re.IGNORECASE)
_COUNCIL_NAME = re.compile(r"hội\s+đồng\s+nhân\s+dân\s+(.{1,200}?)\s+kh(?:óa|oá)", re.IGNORECASE)
_SESSION = re.compile(r"kỳ\s+họp\s+thứ\s+([^\s,]{1,20})", re.IGNORECASE)
_POLLING_AREA = re.compile(r"khu\s+vực\s+bỏ\s+phiếu\s+số\s+([^\s,]{1,20})", re.IGNORECASE)
#: The congress's pattern under its older name (tests/test_bad_input_paths.py checks it is
#: bounded).
_NAME = _CONGRESS_NAME


def _from_name(pattern: re.Pattern[str], event: Event) -> str | None:
    found = pattern.search(unicodedata.normalize("NFC", event.name))
    # "… phường Ngọc Thụy, khóa III": the name's own comma is no part of the organisation
    return found.group(1).strip().rstrip(",;:").rstrip() if found else None


def organisation(config: Config, event: Event) -> str | None:
    """The organisation the title names: the ``organisation`` setting, else from the event's
    name: the words between "Đại hội (đại biểu) " and " lần thứ", or for a council session
    between "Hội đồng nhân dân " and " khóa"."""
    if config.organisation is not None:
        return config.organisation.strip()
    if event.kind == "council-session":
        return _from_name(_COUNCIL_NAME, event)
    return _from_name(_CONGRESS_NAME, event)


def _fields(title_format: str) -> list[str]:
    return [name for _, name, _, _ in string.Formatter().parse(title_format) if name]


def title_values(
    config: Config, event: Event, fields: set[str]
) -> tuple[dict[str, str], list[str]]:
    """The values of the title's ``fields``, and what the event file lacks to give them."""
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
    for name, setting, pattern in (
        ("session", config.session, _SESSION),
        ("polling_area", config.polling_area, _POLLING_AREA),
    ):
        if name in fields:
            value = setting if setting is not None else _from_name(pattern, event)
            if value is None:
                missing.append(f"[areas.decoration.settings] {name}")
            else:
                values[name] = unicodedata.normalize("NFC", value.strip().upper())
    return values, missing


def official_title(config: Config, event: Event) -> tuple[str | None, dict[str, str], list[str]]:
    """The official title (in its first layout), the values of its fields, and what is missing
    to make it. Returns ``(title, values, missing)``; ``title`` is None when ``missing`` is not
    empty or no title is due."""
    formats = title_formats(config, event)
    if not formats:
        return None, {}, []
    fields = {name for layout in formats for name in _fields(layout.format)}
    values, missing = title_values(config, event, fields)
    if missing:
        return None, values, missing
    return formats[0].format.format(**values), values, missing


# Each field's pattern is bounded: the title is matched from its start, so with bounded fields
# the work is bounded too, whatever the title's length and however often a custom
# ``title_format`` repeats a field. Unbounded (``.+?``), a 256k-character title took 9 s (#11).
# No organisation's name is longer, nor a printed ordinal or year.
_FIELD_PATTERNS = {
    "organisation": r".{1,200}?",
    "ordinal": r"[^\s,]{1,20}",
    "term_start": r"\d{1,8}",
    "term_end": r"\d{1,8}",
    "session": r".{1,30}?",
    "polling_area": r"[^\s,]{1,20}",
}


def _title_pattern(title_format: str) -> re.Pattern[str]:
    """A regular expression matching any title printed in ``title_format`` (as
    :func:`title_key` gives it), with a named group per field, so that a printed title can be
    taken apart."""
    names: list[str] = []
    pieces: list[str] = []
    for literal, name, _, _ in string.Formatter().parse(title_format):
        pieces.append(literal)
        if name:
            pieces.append(f"\x00{len(names)}\x00")
            names.append(name)
    parts = re.split(r"\x00(\d+)\x00", title_key("".join(pieces)))
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


#: The differences a title can be told apart by, for :func:`title_difference`.
_DIFFERENCES = {
    ("ordinal",): "ordinal",
    ("term",): "term",
    ("organisation",): "organisation",
    ("ordinal", "term"): "ordinal-term",
}


def _differences(title_format: str, values: Mapping[str, str], text: str) -> list[str] | None:
    """The fields in which ``text`` (a :func:`title_key`) differs from the title in
    ``title_format``, or None when it does not follow that layout at all."""
    found = _title_pattern(title_format).fullmatch(text)
    if found is None:
        return None
    groups = found.groupdict()
    differs: list[str] = []
    for name in ("organisation", "session", "polling_area", "ordinal"):
        if name in groups and groups[name] != title_key(values[name]):
            differs.append(name)
    if any(k in groups and groups[k] != values[k] for k in ("term_start", "term_end")):
        differs.append("term")
    return differs


class TitleCheck(NamedTuple):
    """What :func:`title_difference` found: the kind of difference, the official title in the
    layout closest to the printed one, and the printed ordinal and term when they could be
    read."""

    kind: str
    expected: str
    parts: dict[str, str]


def title_difference(
    formats: tuple[TitleFormat, ...] | str, values: Mapping[str, str], printed: str
) -> TitleCheck:
    """What differs between the official title and the printed one.

    ``kind`` is ``same``, ``ordinal``, ``term``, ``organisation``, ``ordinal-term``, ``form``
    (a members' congress printed as a delegates' one) or ``other`` (several other differences,
    or a title that follows no layout at all).
    """
    if isinstance(formats, str):
        formats = (TitleFormat(formats),)
    text = title_key(printed)
    for layout in formats:
        if text == title_key(layout.format.format(**values)):
            if layout.accepted:
                return TitleCheck("same", layout.format.format(**values), {})
            return TitleCheck("form", formats[0].format.format(**values), {})
    best: tuple[int, TitleFormat, list[str]] | None = None
    for layout in formats:
        if not layout.accepted:
            continue
        differs = _differences(layout.format, values, text)
        if differs is not None and (best is None or len(differs) < best[0]):
            best = (len(differs), layout, differs)
    if best is None:
        return TitleCheck("other", formats[0].format.format(**values), {})
    _, layout, differs = best
    found = _title_pattern(layout.format).fullmatch(text)
    assert found is not None  # _differences matched it
    groups = found.groupdict()
    parts = {
        "printed_ordinal": groups.get("ordinal") or "",
        "printed_term": f"{groups.get('term_start', '')} - {groups.get('term_end', '')}",
    }
    kind = _DIFFERENCES.get(tuple(differs), "other")
    return TitleCheck(kind, layout.format.format(**values), parts)


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


def owners(config: Config, event: Event) -> tuple[str | Message, str | Message]:
    """The default owners of the stage and backdrop, and of the banners and propaganda: the
    ``owner_stage`` and ``owner_propaganda`` settings, else the kind's (OWNERS_BY_KIND), else
    the organiser's."""
    roles = OWNERS_BY_KIND.get(event.kind) or OWNERS_BY_ORGANISER.get(
        event.organiser or "party", OWNERS_BY_ORGANISER["party"]
    )
    return (
        config.owner_stage or roles[0].owner,
        config.owner_propaganda or roles[1].owner,
    )


#: The year from which the Party's 2023 rules on the stage apply to a term (Quy định
#: 99-QĐ/TW, Ban Bí thư, 27/02/2023; Hướng dẫn 105-HD/BTGTW, 29/05/2023): the 2025 - 2030
#: congresses are the first held under them.
RULES_2023_FROM_TERM = 2025
#: An event without a term follows the 2023 rules when it opens after they were issued.
RULES_2023_ISSUED = date(2023, 2, 27)


def stage_rules_2023(event: Event) -> bool:
    """Whether the event's stage follows Quy định 99-QĐ/TW and Hướng dẫn 105-HD/BTGTW (a term
    starting 2025 or later) rather than the 2020 layout (earlier terms)."""
    if event.term is not None:
        return event.term[0] >= RULES_2023_FROM_TERM
    return event.starts.astimezone(event.tz).date() >= RULES_2023_ISSUED


# -- the backdrop --------------------------------------------------------------------------------

#: The word before the ordinal, as the title prints it: a congress's number, a council's term.
_ORDINAL_WORD = {"council-session": "khóa"}


def backdrop_title(config: Config, event: Event) -> Outcome | None:
    """The printed title against the official one; what differs, when that can be told. None
    when no title is due."""
    # what the title is printed on: a polling area's sign, else the stage backdrop
    # ("board", named again later in the sentence as "again": "phông", "biển")
    what = "sign" if event.kind == "election" else "backdrop"
    board, again = Message(f"{KEY}.word.board.{what}"), Message(f"{KEY}.word.again.{what}")
    formats = title_formats(config, event)
    if not formats:
        return None
    expected, values, missing = official_title(config, event)
    printed = config.backdrop.title if config.backdrop is not None else None
    if expected is None:
        return _unknown("backdrop-title-cannot-generate", missing=", ".join(missing), board=board)
    if printed is None:
        return _unknown("backdrop-title-not-recorded", expected=expected, board=board)
    check = title_difference(formats, values, printed)
    params: dict[str, Any] = {
        "expected": check.expected,
        "printed": printed,
        "board": board,
        "again": again,
    }
    if check.kind == "same":
        return _met("backdrop-title-ok", printed=printed, board=board)
    word = _ORDINAL_WORD.get(event.kind, "lần thứ")
    kind = check.kind
    if kind in ("ordinal", "ordinal-term"):
        params.update(
            printed_ordinal=f"{word} {check.parts['printed_ordinal']}",
            expected_ordinal=f"{word} {values['ordinal']}",
        )
        if kind == "ordinal" and event.kind == "council-session":
            kind = "khoa"
    if kind in ("term", "ordinal-term"):
        expected_term = f"{values['term_start']} - {values['term_end']}"
        params.update(printed_term=check.parts["printed_term"], expected_term=expected_term)
    if kind == "organisation" and event.kind != "party-congress":
        kind = "name"
    return _unmet(f"backdrop-title-{kind}", **params)


def backdrop_kind(backdrop: Backdrop | None) -> Outcome:
    """A printed backdrop: an LED screen may not replace it."""
    if backdrop is None or backdrop.kind is None:
        return _unknown("backdrop-kind-unrecorded")
    if backdrop.kind == "led":
        return _unmet("backdrop-led")
    return _met("backdrop-printed")


def backdrop_installed(
    backdrop: Backdrop | None, as_of: datetime, *, sign: bool = False
) -> Outcome:
    """The backdrop (``sign``: a polling area's sign) is up (a record dated after ``as_of`` does
    not count yet)."""
    what = "sign" if sign else "backdrop"
    if backdrop is None:
        return _unknown(f"{what}-unrecorded")
    if backdrop.installed is not None and backdrop.installed <= as_of:
        return _met(f"{what}-installed", installed=_shown(backdrop.installed))
    return _unmet(f"{what}-not-installed")


def _backdrop_maker(config: Config, event: Event) -> FindingMaker:
    backdrop = config.backdrop
    due = backdrop.due if backdrop is not None else None
    owner = backdrop.owner if backdrop is not None else None
    return _make.sharing(
        subject="backdrop",
        due=due or days_before(event, config.stage_lead_days),
        owner=owner or owners(config, event)[0],
    )


def backdrop_title_rule(
    config: Config, event: Event, area: AreaPlan, as_of: datetime
) -> list[Finding]:
    """Every kind: the title the backdrop or sign must carry (a gate), where one is due: a
    congress's, a council session's, a polling area's, or the one the settings give."""
    outcome = backdrop_title(config, event)
    if outcome is None:
        return []
    make = _backdrop_maker(config, event)
    return [_finding(make, "backdrop-title", outcome, WEIGHT_BACKDROP_TITLE, True)]


@applies_to("party-congress")
def backdrop_led_rule(
    config: Config, event: Event, area: AreaPlan, as_of: datetime
) -> list[Finding]:
    """A Party congress: an LED screen may not replace the main backdrop (a gate)."""
    make = _backdrop_maker(config, event)
    outcome = backdrop_kind(config.backdrop)
    return [_finding(make, "backdrop-led", outcome, WEIGHT_BACKDROP_LED, True)]


def backdrop_installed_rule(
    config: Config, event: Event, area: AreaPlan, as_of: datetime
) -> list[Finding]:
    """Every kind: the backdrop (or the polling area's sign) is up by its deadline (a gate)."""
    make = _backdrop_maker(config, event)
    outcome = backdrop_installed(config.backdrop, as_of, sign=event.kind == "election")
    return [_finding(make, "backdrop-installed", outcome, WEIGHT_BACKDROP_INSTALLED, True)]


# -- the stage -----------------------------------------------------------------------------------


def stage_elements(config: Config, event: Event) -> tuple[str, ...]:
    """The elements the stage is checked for: the ``stage_elements`` setting, else the
    organiser's (STAGE_ELEMENTS_BY_ORGANISER)."""
    if config.stage_elements is not None:
        return config.stage_elements
    return STAGE_ELEMENTS_BY_ORGANISER.get(event.organiser or "party", DEFAULT_STAGE_ELEMENTS)


def _element_id(name: str, stage: Stage | None) -> str:
    if name == "ho_chi_minh":
        kind = stage.ho_chi_minh_kind if stage is not None else DEFAULT_HO_CHI_MINH_KIND
        return f"ho_chi_minh_{kind}"
    return name


def stage_element(name: str, stage: Stage | None, as_of: datetime) -> Outcome:
    """One stage element is in place (a record dated after ``as_of`` does not count yet)."""
    base = f"stage.{_element_id(name, stage)}"
    if stage is None:
        return _unknown(f"{base}.unrecorded")
    element = stage.elements.get(name)
    if element is not None and element.installed is not None and element.installed <= as_of:
        return _met(f"{base}.done", installed=_shown(element.installed))
    return _unmet(f"{base}.todo")


def flag_layout(stage: Stage | None) -> Outcome:
    """The 2020 layout of a Party event: the Party flag on the left, the national flag on the
    right (as the delegates see them); a side not recorded is taken to be the right one when
    the other side is recorded."""
    party = stage.party_flag_side if stage is not None else None
    national = stage.national_flag_side if stage is not None else None
    if party is None and national is None:
        return _unknown("flag-layout-unrecorded")
    party_ok = party in (None, "left")
    national_ok = national in (None, "right")
    if party_ok and national_ok:
        return _met("flag-layout-ok")
    if party == "right" and national == "left":
        return _unmet("flag-layout-swapped")
    if not party_ok and not national_ok:
        return _unmet("flag-layout-2020-wrong")
    return _unmet("flag-layout-national" if party_ok else "flag-layout-party")


def flag_layout_2023(stage: Stage | None) -> Outcome:
    """Quy định 99-QĐ/TW and Hướng dẫn 105-HD/BTGTW: the Party flag and the national flag
    together on the left of the stage, "nhìn từ dưới lên" (as seen from the hall), the bust
    below them; in a very small or very large hall both may hang in the centre, above the bust.
    A side not recorded is taken to be the other flag's."""
    party = stage.party_flag_side if stage is not None else None
    national = stage.national_flag_side if stage is not None else None
    if party is None and national is None:
        return _unknown("flag-layout-2023-unrecorded")
    sides = {side for side in (party, national) if side is not None}
    if sides == {"left"}:
        return _met("flag-layout-2023-ok")
    if sides == {"center"}:
        return _met("flag-layout-2023-center")
    return _unmet("flag-layout-2023-wrong")


def flag_layout_state(stage: Stage | None) -> Outcome:
    """A State event: the national flag alone, in the centre of the stage."""
    national = stage.national_flag_side if stage is not None else None
    if national is None:
        return _unknown("flag-layout-state-unrecorded")
    if national == "center":
        return _met("flag-layout-state-ok")
    return _unmet("flag-layout-state-wrong")


def _stage_due_owner(config: Config, event: Event) -> tuple[datetime, str | Message]:
    stage = config.stage
    owner = (stage.owner if stage is not None else None) or owners(config, event)[0]
    return days_before(event, config.stage_lead_days), owner


def stage_rule(config: Config, event: Event, area: AreaPlan, as_of: datetime) -> list[Finding]:
    """Every kind, keyed on ``event.organiser``: one Finding per stage element the organiser's
    stage has (the flags are gates: the opening flag ceremony needs them)."""
    stage = config.stage
    stage_due, stage_owner = _stage_due_owner(config, event)
    findings: list[Finding] = []
    for name in stage_elements(config, event):
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
    return findings


def flag_layout_rule(
    config: Config, event: Event, area: AreaPlan, as_of: datetime
) -> list[Finding]:
    """Keyed on ``event.organiser``: a Party event's two flags (the 2020 layout, or the 2023
    rules for a term from 2025), a State event's national flag in the centre; another
    organisation's flags are not checked. Run only when the stage has a flag to check."""
    elements = set(stage_elements(config, event))
    if event.organiser == "state":
        check, needs = flag_layout_state, {"national_flag"}
    elif event.organiser in (None, "party"):
        check = flag_layout_2023 if stage_rules_2023(event) else flag_layout
        needs = {"party_flag", "national_flag"}
    else:
        return []
    if not needs & elements:
        return []
    due, owner = _stage_due_owner(config, event)
    make = _make.sharing(subject="flags", due=due, owner=owner)
    return [_finding(make, "flag-layout", check(config.stage), WEIGHT_FLAG_LAYOUT)]


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


def official_slogans(config: Config, event: Event) -> tuple[str, ...]:
    """The official slogans: the setting, else a Party congress's by its term (Công văn
    8355-CV/BTGTW's for 2020 - 2025; none later, the current guidance to be entered); other
    kinds have no default list, so their slogans are not checked unless the settings give
    one."""
    if config.official_slogans is not None:
        return config.official_slogans
    if event.kind != "party-congress":
        return ()
    return SLOGANS_LATER if stage_rules_2023(event) else SLOGANS_2020


def banner_rule(config: Config, event: Event, area: AreaPlan, as_of: datetime) -> list[Finding]:
    """Every kind: per banner, its content approved and it is up; a slogan is an official one
    where there is a list of them (a Party congress's by default, or the settings')."""
    default_due = days_before(event, config.banner_lead_days)
    propaganda = owners(config, event)[1]
    if not config.banners:
        make = _make.sharing(due=default_due, owner=propaganda)
        unrecorded = _unknown("banners-unrecorded")
        return [_finding(make, "banner-installed", unrecorded, WEIGHT_BANNER_INSTALLED)]
    official = {normalise_slogan(text) for text in official_slogans(config, event)}
    findings: list[Finding] = []
    for banner in config.banners:
        due = banner.due or default_due
        make = _make.sharing(subject=banner.id, due=due, owner=banner.owner or propaganda)
        approved = banner_approved(banner, as_of)
        findings.append(_finding(make, "banner-approved", approved, WEIGHT_BANNER_APPROVED))
        installed = banner_installed(banner, due, as_of)
        findings.append(_finding(make, "banner-installed", installed, WEIGHT_BANNER_INSTALLED))
        if banner.kind == "slogan" and official:
            outcome = slogan_official(banner, official)
            findings.append(_finding(make, "slogan-unofficial", outcome, WEIGHT_SLOGAN))
        elif banner.kind == "slogan" and event.kind == "party-congress":
            # a later term's Party congress: the list is the current guidance's, to be entered
            missing = _unknown("slogan-list-missing", text=banner.text, location=banner.location)
            findings.append(_finding(make, "slogan-unofficial", missing, WEIGHT_SLOGAN))
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


#: The kinds whose propaganda runs across the ward (panels and posters), checked even when not
#: recorded; for the others the counts are checked only when ``[propaganda]`` is recorded.
PROPAGANDA_KINDS = frozenset({"party-congress", "congress", "election"})


def propaganda_rule(config: Config, event: Event, area: AreaPlan, as_of: datetime) -> list[Finding]:
    """Panels and posters across the ward: a congress's and an election's always; another
    kind's when ``[propaganda]`` is recorded."""
    prop = config.propaganda
    if prop is None and event.kind not in PROPAGANDA_KINDS:
        return []
    due = (prop.due if prop is not None else None) or days_before(
        event, config.propaganda_lead_days
    )
    owner = (prop.owner if prop is not None else None) or owners(config, event)[1]
    make = _make.sharing(due=due, owner=owner)
    return [
        _finding(make.sharing(subject=kind), kind, propaganda_count(kind, prop, as_of), weight)
        for kind, weight in (("panels", WEIGHT_PANELS), ("posters", WEIGHT_POSTERS))
    ]


# -- all of them ---------------------------------------------------------------------------------

#: The area's rules, run in this order (``area_plugin(..., rules=".rules:RULES")``), each for
#: the kinds it applies to (``venue_ready.rule_kinds``): backdrop, stage, banners, propaganda.
RULES = (
    backdrop_title_rule,
    backdrop_led_rule,
    backdrop_installed_rule,
    stage_rule,
    flag_layout_rule,
    banner_rule,
    propaganda_rule,
)


def assess(config: Config, event: Event, area: AreaPlan, as_of: datetime) -> list[Finding]:
    """Every derived Finding of the area for ``event``, in a fixed order: the rules of
    :data:`RULES` that apply to its kind."""
    return [
        finding
        for rule in RULES
        if (kinds := rule_kinds(rule)) is None or event.kind in kinds
        for finding in rule(config, event, area, as_of)
    ]
