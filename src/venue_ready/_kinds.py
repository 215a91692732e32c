"""Kinds of event: what an event is decides which rules apply to it.

The same ward teams prepare a Party congress, an election day at a polling area, a session of
the People's Council, a conference, a ceremony, or the congress of another organisation (the
Fatherland Front, the Youth Union). The congress's rules (a backdrop title "ĐẠI HỘI … LẦN THỨ …",
the Party flag beside the national flag, an opening and a closing broadcast) would block any
other kind of event for something it never needs. An event's ``kind`` names one
:class:`EventKind`; a rule says which kinds it applies to (:func:`~venue_ready.applies_to`), and a
rule that does not apply is not run.

The core knows :data:`BUILTIN_KINDS`; a plugin adds its own through the ``venue_ready_kinds``
hook. Each kind says whose protocol it follows (its ``organiser``: the Party's, the State's, or
another organisation's), what its participants are called, and whether it has a form (a
delegates' congress or a members' congress).
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, Literal

import attrs
from attrs import field, frozen

__all__ = [
    "BUILTIN_KINDS",
    "DEFAULT_KIND",
    "FORMS",
    "ORGANISERS",
    "EventKind",
    "Form",
    "Organiser",
    "builtin_kind",
]

#: Whose protocol an event follows: the Party's (Party flag and national flag, Hồ Chí Minh, Marx
#: and Lenin), the State's (the national flag alone, and Hồ Chí Minh), or another organisation's
#: (the Fatherland Front's, the Youth Union's: the national flag and the organisation's own).
Organiser = Literal["party", "state", "organisation"]
ORGANISERS: tuple[Organiser, ...] = ("party", "state", "organisation")
#: A congress's form: of delegates elected by the cells or branches (đại hội đại biểu), or of
#: all members (đại hội đảng viên, đại hội toàn thể). Hướng dẫn 26-HD/BTCTW describes both.
Form = Literal["delegates", "members"]
FORMS: tuple[Form, ...] = ("delegates", "members")
#: The kind of an event that names none: the project's first users prepare a Party congress.
DEFAULT_KIND = "party-congress"


def _key(_inst: object, _attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or not value or value != value.strip().lower():
        raise ValueError(f"a kind's key is a lower-case word such as 'election', got {value!r}")


def _text(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{attribute.name} must be a non-empty string, got {value!r}")


def _organiser(_inst: object, _attribute: attrs.Attribute[Any], value: object) -> None:
    if value not in ORGANISERS:
        raise ValueError(f"organiser must be one of {', '.join(ORGANISERS)}, got {value!r}")


def _forms(_inst: object, _attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, tuple) or any(form not in FORMS for form in value):
        raise ValueError(f"forms must be a tuple of {', '.join(FORMS)}, got {value!r}")


@frozen(kw_only=True)
class EventKind:
    """A kind of event: its key in the event file (``[event] kind``), its name in both
    languages, whose protocol it follows, and what its participants are called.

    ``forms`` lists the forms the kind can take (a congress of delegates or of all members);
    an event of a kind without forms gives no ``form``. ``noun_vi``/``noun_en`` are how a
    sentence names the event itself ("trong đại hội", "during the congress").

    ``starts_vi``/``starts_en`` label the moment the event starts in a report's header
    ("Khai mạc", "Bắt đầu bỏ phiếu"; "Opens", "Polls open"), and ``opening_vi``/``opening_en``
    name it in a sentence ("đến lúc khai mạc", "up to the opening of the polls").

    ``all_at_once`` says whether the participants are all present at the same time: True for
    a sitting (a congress, a session, a conference, a ceremony), False where they come and go
    over the day (the voters of a polling area). A rule that needs the number present at once
    (extinguishers for the people in the hall) reads :attr:`Event.present_at_once
    <venue_ready.Event.present_at_once>`, which takes the whole attendance only for such a
    kind.
    """

    key: str = field(validator=_key)
    title_vi: str = field(validator=_text)
    title_en: str = field(validator=_text)
    organiser: Organiser = field(validator=_organiser)
    participants_vi: str = field(default="người dự", validator=_text)
    participants_en: str = field(default="participants", validator=_text)
    forms: tuple[Form, ...] = field(default=(), validator=_forms)
    noun_vi: str = field(default="sự kiện", validator=_text)
    noun_en: str = field(default="the event", validator=_text)
    starts_vi: str = field(default="Bắt đầu", validator=_text)
    starts_en: str = field(default="Starts", validator=_text)
    opening_vi: str = field(default="bắt đầu", validator=_text)
    opening_en: str = field(default="the start", validator=_text)
    all_at_once: bool = field(default=True, validator=attrs.validators.instance_of(bool))

    def title(self, lang: str) -> str:
        """The kind's name in ``lang`` (``"vi"`` or ``"en"``)."""
        return self.title_vi if lang == "vi" else self.title_en

    def noun(self, lang: str) -> str:
        """How a sentence names the event itself in ``lang``: "đại hội" ("during the
        congress"), "ngày bầu cử", "kỳ họp"…"""
        return self.noun_vi if lang == "vi" else self.noun_en

    def starts(self, lang: str) -> str:
        """The label of the moment the event starts, in a report's header: "Khai mạc",
        "Bắt đầu bỏ phiếu" ("Opens", "Polls open")."""
        return self.starts_vi if lang == "vi" else self.starts_en

    def opening(self, lang: str) -> str:
        """The moment the event starts, named in a sentence: "khai mạc", "bắt đầu bỏ phiếu"
        ("the opening", "the opening of the polls")."""
        return self.opening_vi if lang == "vi" else self.opening_en

    def participants(self, lang: str) -> str:
        """What the kind's participants are called in ``lang`` (delegates, voters…)."""
        return self.participants_vi if lang == "vi" else self.participants_en


#: A Party congress, and the pattern of another organisation's congress, which differs from it
#: only in its name and whose protocol it follows.
_PARTY_CONGRESS = EventKind(
    key="party-congress",
    title_vi="Đại hội Đảng bộ",
    title_en="Party congress",
    organiser="party",
    participants_vi="đại biểu",
    participants_en="delegates",
    forms=FORMS,
    noun_vi="đại hội",
    noun_en="the congress",
    starts_vi="Khai mạc",
    starts_en="Opens",
    opening_vi="khai mạc",
    opening_en="the opening",
)

#: The kinds the core knows, by key (read-only). A plugin adds more with ``venue_ready_kinds``.
BUILTIN_KINDS: Mapping[str, EventKind] = MappingProxyType(
    {
        kind.key: kind
        for kind in (
            _PARTY_CONGRESS,
            attrs.evolve(
                _PARTY_CONGRESS,
                key="congress",
                title_vi="Đại hội của tổ chức chính trị - xã hội",
                title_en="Congress of another organisation",
                organiser="organisation",
            ),
            EventKind(
                key="election",
                title_vi="Bầu cử tại khu vực bỏ phiếu",
                title_en="Election day at a polling area",
                organiser="state",
                participants_vi="cử tri",
                participants_en="voters",
                noun_vi="ngày bầu cử",
                noun_en="polling day",
                # the election law's words: "việc bỏ phiếu bắt đầu từ bảy giờ sáng" (unverified
                # here: not in the project's domain notes); voters come and go over the day
                starts_vi="Bắt đầu bỏ phiếu",
                starts_en="Polls open",
                opening_vi="bắt đầu bỏ phiếu",
                opening_en="the opening of the polls",
                all_at_once=False,
            ),
            EventKind(
                key="council-session",
                title_vi="Kỳ họp Hội đồng nhân dân",
                title_en="People's Council session",
                organiser="state",
                participants_vi="đại biểu Hội đồng nhân dân",
                participants_en="councillors",
                noun_vi="kỳ họp",
                noun_en="the session",
                starts_vi="Khai mạc kỳ họp",
                starts_en="Session opens",
                opening_vi="khai mạc kỳ họp",
                opening_en="the opening of the session",
            ),
            EventKind(
                key="conference",
                title_vi="Hội nghị",
                title_en="Conference",
                organiser="state",
                participants_vi="đại biểu",
                noun_vi="hội nghị",
                noun_en="the conference",
                starts_vi="Khai mạc hội nghị",
                starts_en="Opens",
                opening_vi="khai mạc hội nghị",
                opening_en="the opening",
            ),
            EventKind(
                key="ceremony",
                title_vi="Lễ kỷ niệm, mít tinh",
                title_en="Ceremony or mass meeting",
                organiser="state",
                noun_vi="buổi lễ",
                noun_en="the ceremony",
                starts_vi="Bắt đầu buổi lễ",
                starts_en="Starts",
                opening_vi="bắt đầu buổi lễ",
                opening_en="the start of the ceremony",
            ),
        )
    }
)


def builtin_kind(key: str) -> EventKind | None:
    """The core's kind ``key``, or None (a plugin's kind, or no kind at all)."""
    return BUILTIN_KINDS.get(key)
