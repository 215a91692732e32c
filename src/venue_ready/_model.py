"""The event model: what an event is, and what a plugin says about it.

Every class here is a frozen, slotted attrs class. The loader builds them from a TOML file, and a
ward tool can build them in code just as well::

    from datetime import datetime, tzinfo
    from zoneinfo import ZoneInfo
    from venue_ready import AreaPlan, Event, Item, Status

    tz = ZoneInfo("Asia/Ho_Chi_Minh")
    event = Event(
        id="ngoc-thuy-2020",
        name="Đại hội Đảng bộ phường Ngọc Thụy lần thứ XXII, nhiệm kỳ 2020 - 2025",
        starts=datetime(2020, 5, 15, 7, 30, tzinfo=tz),
        ends=datetime(2020, 5, 15, 17, 0, tzinfo=tz),
        areas=(AreaPlan(key="general", items=(Item(id="docs", title="Văn kiện"),)),),
    )

Constructors check what each argument is, and say which argument is wrong and what it should
be: ``Event(areas=["general"])`` is a TypeError naming ``areas`` and :class:`AreaPlan`. The
annotations are as precise, so ``mypy --strict`` finds the same mistakes before the code runs.
The rules that span several objects (duplicate ids, an area no plugin provides, a due date after
the start, an area's settings) are :func:`venue_ready.validate`'s, the loader's own checks, which
:func:`venue_ready.assess` runs on an event built in code.

One rule for moments, everywhere: a timezone-aware datetime, or a naive one, read in the event's
time zone (an :class:`Event` reads its own naive moments and its items' that way when it is
built). A string or a date is refused.

Tables (an area's ``settings``, a :class:`Message`'s ``params``) are copied read-only, so frozen
objects are frozen all the way down, and hashable.
"""

from __future__ import annotations

import enum
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date, datetime, tzinfo
from typing import TYPE_CHECKING, Any, Literal, TypeVar

import attrs
from attrs import field, frozen, validators

# Message and LANGUAGES belong to the messages (i18n), which the model must not import back
from ._i18n import LANGUAGES as LANGUAGES  # noqa: PLC0414 - re-exported
from ._i18n import Message as Message  # noqa: PLC0414 - re-exported
from ._kinds import FORMS, ORGANISERS, Form, Organiser, builtin_kind
from ._readonly import ReadOnlyDict, freeze

if TYPE_CHECKING:
    # for the plugin-facing callback types only (both modules import this one at run time)
    from ._errors import Problem
    from ._report import Report

# No __all__ here: every public class of this module is one of venue_ready's public names, and
# those are listed once, in venue_ready._EXPORTS: a copy here would be one more list to keep equal.

#: The time zone an event is in when its file does not say.
DEFAULT_TIMEZONE = "Asia/Ho_Chi_Minh"

#: A language reports and messages come in (:data:`LANGUAGES`), for type checkers.
Language = Literal["vi", "en"]
#: A :class:`Status` by its value, which constructors accept as well as the member.
StatusValue = Literal["todo", "in_progress", "done", "blocked", "waived"]
#: A :class:`Phase` by its value, which constructors accept as well as the member.
PhaseValue = Literal["before", "during", "after"]


class Phase(enum.StrEnum):
    """When a piece of work counts: before, during or after the event."""

    BEFORE = "before"
    DURING = "during"
    AFTER = "after"


class Status(enum.StrEnum):
    """Where a checklist item stands."""

    TODO = "todo"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    BLOCKED = "blocked"
    WAIVED = "waived"


class AreaStatus(enum.StrEnum):
    """An area's (and the event's) verdict.

    Ordered from worst to best by :attr:`severity`: ``error`` (a plugin failed, the area is
    inconclusive), ``blocked``, ``at_risk``, ``on_track``, ``ready``.
    """

    ERROR = "error"
    BLOCKED = "blocked"
    AT_RISK = "at_risk"
    ON_TRACK = "on_track"
    READY = "ready"

    @property
    def severity(self) -> int:
        """Higher is worse: ``ready`` is 0, ``error`` is 4."""
        return _SEVERITY[self]

    def label(self, lang: str) -> str:
        """The status in words, in ``lang``: ``AreaStatus.AT_RISK.label("vi")`` is
        "Chậm tiến độ"."""
        from ._i18n import gettext

        return gettext(f"status.{self.value}", lang)


_SEVERITY = {
    AreaStatus.READY: 0,
    AreaStatus.ON_TRACK: 1,
    AreaStatus.AT_RISK: 2,
    AreaStatus.BLOCKED: 3,
    AreaStatus.ERROR: 4,
}


def _moment_type(name: str, value: object) -> None:
    if not isinstance(value, datetime):
        raise TypeError(
            f"{name} must be a datetime (timezone-aware, or naive to be read in the event's time "
            f"zone), got {type(value).__name__} {value!r}"
            + (
                "; parse it first, e.g. datetime.fromisoformat(...)"
                if isinstance(value, str)
                else ""
            )
        )


def _aware(_inst: object, attribute: attrs.Attribute[Any], value: datetime | None) -> None:
    # A naive datetime compares with nothing else in the model and raises deep inside scoring;
    # refusing it here names the field instead. (Used where no event's zone is known.)
    if value is None:
        return
    _moment_type(attribute.name, value)
    if value.tzinfo is None:
        raise ValueError(f"{attribute.name} must be a timezone-aware datetime, got {value!r}")


def _moment(_inst: object, attribute: attrs.Attribute[Any], value: datetime | None) -> None:
    # a moment of the event's plan: naive is allowed, the Event reads it in its own zone
    if value is not None:
        _moment_type(attribute.name, value)


def _a(noun: str) -> str:
    """``noun`` with its English article: "an AreaPlan", "a Zone"."""
    return f"{'an' if noun[:1] in 'AEIOU' else 'a'} {noun}"


def moment_in(
    event: Event, value: datetime | None, name: str, *, default_now: bool = False
) -> datetime:
    """``value`` as a timezone-aware moment of ``event``: an aware datetime as it is, a naive one
    read in the event's time zone; None is now when ``default_now``. Anything else (a string,
    a date) raises TypeError naming the argument ``name``. The one rule for moments."""
    if value is None:
        if default_now:
            return datetime.now(event.tz)
        raise TypeError(f"{name} must be a datetime, got None")
    _moment_type(name, value)
    return value if value.tzinfo is not None else value.replace(tzinfo=event.tz)


def _non_negative(_inst: object, attribute: attrs.Attribute[Any], value: float) -> None:
    if not 0 <= value < math.inf:  # also rejects NaN and infinity
        raise ValueError(f"{attribute.name} must be a finite number >= 0, got {value!r}")


def _unit_interval(_inst: object, attribute: attrs.Attribute[Any], value: float | None) -> None:
    if value is not None and not 0.0 <= value <= 1.0:
        raise ValueError(f"{attribute.name} must be within 0..1, got {value!r}")


def _text(_inst: object, attribute: attrs.Attribute[Any], value: str) -> None:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{attribute.name} must be a non-empty string, got {value!r}")


_E = TypeVar("_E", bound=enum.Enum)


def _member(kind: type[_E], value: object, name: str) -> _E:
    if type(value) is kind:  # the common case, and cheaper than the Enum lookup
        return value
    try:
        return kind(value)
    except ValueError:
        known = ", ".join(repr(m.value) for m in kind)
        raise ValueError(
            f"{name} must be {_a(kind.__name__)} or one of its values ({known}), got {value!r}"
        ) from None


def _phase(value: Phase | PhaseValue) -> Phase:
    return _member(Phase, value, "phase")


def _status(value: Status | StatusValue) -> Status:
    return _member(Status, value, "status")


def _stored_status(value: Status | str) -> Status:
    # a journal entry's status as stored (text): checked at run time only, and worded as the
    # journal's damaged-row message quotes it
    return value if type(value) is Status else Status(value)


_T = TypeVar("_T")


def _tuple_of(value: object, kind: type[_T], name: str, hint: str = "") -> tuple[_T, ...]:
    """``value`` as a tuple of ``kind``, or a TypeError naming the argument ``name``. A string
    (an iterable of one-letter strings) and a mapping (an iterable of its keys) are refused."""
    if value is None:
        return ()
    if isinstance(value, str | bytes | Mapping) or not isinstance(value, Iterable):
        raise TypeError(
            f"{name} must be a list or tuple of {kind.__name__}, got {type(value).__name__} "
            f"{_short(value)}{hint}"
        )
    out = tuple(value)
    for index, element in enumerate(out):
        if not isinstance(element, kind):
            raise TypeError(
                f"{name}[{index}] must be {_a(kind.__name__)}, got {type(element).__name__} "
                f"{_short(element)}{hint}"
            )
    return out


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:59] + "…"


def _settings(value: Mapping[str, Any] | None) -> Mapping[str, Any]:
    if value is None:
        return ReadOnlyDict()
    if not isinstance(value, Mapping):
        raise TypeError(f"settings must be a mapping (a table), got {type(value).__name__}")
    return freeze(value)  # type: ignore[no-any-return]


def _strings(value: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    return _tuple_of(value, str, "evidence", " (one string is given as a list of one)")


def _optional_str(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not isinstance(value, str):
        raise TypeError(f"{attribute.name} must be a string or None, got {type(value).__name__}")


def _bool(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if type(value) is not bool:
        raise TypeError(f"{attribute.name} must be True or False, got {value!r}")


def _optional_bool(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and type(value) is not bool:
        name = attribute.name.lstrip("_")
        raise TypeError(f"{name} must be True, False or None, got {value!r}")


@frozen
class Waiver:
    """Takes an item out of its area's denominator. Needs a reason and who approved it."""

    reason: str = field(validator=_text)
    approved_by: str = field(validator=_text)


@frozen
class SignOff:
    """A recorded approval: who approved, when, and which version of the work.

    A sign-off counts only for the version it names: when the item's ``version`` has moved on,
    the sign-off is outdated and the item earns nothing until it is signed off again.
    """

    by: str = field(validator=_text)
    at: datetime | None = field(default=None, validator=_moment)
    version: str | None = field(default=None, validator=_optional_str)


def _optional_text(_inst: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is not None:
        _text(_inst, attribute, value)


@frozen
class JournalEntry:
    """One entry of the status journal: what a team reported, by whom and when.

    ``subject`` is a checklist item's id, or ``AREA:SUBJECT`` for something an area plugin
    checks (a zone, an entrance, a broadcast slot), e.g. ``disinfection:basement``.
    ``recorded_at`` is when the entry was written; ``happened_at`` when the work was done, if
    earlier. ``signed_off_by`` records an approval given by that body (for ``version`` of the
    work). ``uid`` identifies the entry across exports and imports; ``seq`` is its position in
    one journal file (None for an entry not read from a journal). ``key`` is the caller's
    idempotency key (a chat update's id, say): one entry per key in a journal. ``inserted_at``
    is when the entry was written into *this* journal file, which ``known_at`` filters on (later
    than ``recorded_at`` for an imported entry; None for an entry not read from a journal).
    """

    uid: str = field(validator=_text)
    subject: str = field(validator=_text)
    status: Status = field(converter=_stored_status)
    by: str = field(validator=_text)
    recorded_at: datetime = field(validator=_aware)
    happened_at: datetime | None = field(default=None, validator=_aware)
    progress: float | None = field(default=None, validator=_unit_interval)
    note: str | None = field(default=None, validator=_optional_text)
    evidence: str | None = field(default=None, validator=_optional_text)
    signed_off_by: str | None = field(default=None, validator=_optional_text)
    version: str | None = None
    seq: int | None = None
    key: str | None = field(default=None, validator=_optional_text)
    # where this copy was written, not what it reports: equal entries of two files stay equal
    inserted_at: datetime | None = field(default=None, validator=_aware, eq=False)

    @property
    def at(self) -> datetime:
        """When it happened: ``happened_at`` when given, else ``recorded_at``."""
        return self.happened_at if self.happened_at is not None else self.recorded_at

    @property
    def area(self) -> str | None:
        """The area of an ``AREA:SUBJECT`` entry; None for an entry about a checklist item."""
        area, sep, _ = self.subject.partition(":")
        return area if sep else None

    @property
    def target(self) -> str:
        """The subject without its area: the zone, entrance or slot id, or the item id."""
        _, sep, rest = self.subject.partition(":")
        return rest if sep else self.subject


@frozen
class Item:
    """One checklist item: a piece of work with a named owner and a deadline.

    ``requires_signoff`` names the body whose approval the item needs (for example the district's
    steering group); ``signed_off`` records that approval once given. ``version`` is the current
    version of the work, for sign-offs that must match it.

    ``reported_at`` and ``reported_by`` say when, and by whom, the item's status was last
    self-reported (written) in the journal (:meth:`venue_ready.Journal.replay` sets them; the event
    file never does). None for a status that comes from the plan.
    """

    id: str = field(validator=_text)
    title: str = field(validator=_text)
    owner: str | None = field(default=None, validator=_optional_str)
    due: datetime | None = field(default=None, validator=_moment)
    phase: Phase = field(default=Phase.BEFORE, converter=_phase)
    status: Status = field(default=Status.TODO, converter=_status)
    progress: float | None = field(default=None, validator=_unit_interval)
    weight: float = field(default=1.0, validator=_non_negative)
    gate: bool = field(default=False, validator=_bool)
    requires_signoff: str | None = field(default=None, validator=_optional_str)
    signed_off: SignOff | None = field(default=None)
    version: str | None = field(default=None, validator=_optional_str)
    waiver: Waiver | None = field(default=None)
    notes: str = field(default="", validator=validators.instance_of(str))
    evidence: tuple[str, ...] = field(default=(), converter=_strings)
    reported_at: datetime | None = field(default=None, validator=_moment)
    reported_by: str | None = field(default=None, validator=_optional_str)

    @waiver.validator
    def _check_waiver(self, _attribute: attrs.Attribute[Any], value: Waiver | None) -> None:
        if value is not None and not isinstance(value, Waiver):
            raise TypeError(f"waiver must be a Waiver or None, got {type(value).__name__}")
        if self.status is Status.WAIVED and value is None:
            raise ValueError(f"item {self.id!r} is waived but has no waiver (reason, approved_by)")

    @signed_off.validator
    def _check_signoff(self, _attribute: attrs.Attribute[Any], value: SignOff | None) -> None:
        if value is not None and not isinstance(value, SignOff):
            raise TypeError(f"signed_off must be a SignOff or None, got {type(value).__name__}")
        if value is not None and self.requires_signoff is None:
            raise ValueError(f"item {self.id!r} records a sign-off but requires_signoff is unset")


@frozen
class _Place:
    """A named place of the venue, with an id unique among its kind. Zones and entrances are
    the same record, kept as two types so that a zone is never passed where an entrance is
    meant (they compare unequal even with the same id and name)."""

    id: str = field(validator=_text)
    name: str = field(validator=_text)


@frozen
class Zone(_Place):
    """A part of the venue: the hall, the lobby, the corridors, the yard."""


@frozen
class Entrance(_Place):
    """A way into the venue, where guards and checkpoints stand."""


def _zones(value: Sequence[Zone]) -> tuple[Zone, ...]:
    return _tuple_of(value, Zone, "zones", " (a zone is Zone(id=..., name=...))")


def _entrances(value: Sequence[Entrance]) -> tuple[Entrance, ...]:
    return _tuple_of(value, Entrance, "entrances", " (an entrance is Entrance(id=..., name=...))")


def _optional_count(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if type(value) is not int:
        raise TypeError(f"{attribute.name} must be a whole number >= 0 or None, got {value!r}")
    if value < 0:
        raise ValueError(f"{attribute.name} must be a whole number >= 0 or None, got {value!r}")


@frozen
class Venue:
    """Where the event takes place."""

    name: str = field(validator=_text)
    address: str | None = field(default=None, validator=_optional_str)
    capacity: int | None = field(default=None, validator=_optional_count)
    zones: tuple[Zone, ...] = field(default=(), converter=_zones)
    entrances: tuple[Entrance, ...] = field(default=(), converter=_entrances)


def _items(value: Sequence[Item]) -> tuple[Item, ...]:
    return _tuple_of(value, Item, "items")


def _records(value: Sequence[JournalEntry]) -> tuple[JournalEntry, ...]:
    return _tuple_of(value, JournalEntry, "records")


@frozen
class AreaPlan:
    """The event's plan for one checklist area: its weight, threshold, settings and items.

    ``settings`` is the area plugin's own table, checked by the plugin's validator when the
    event is loaded or validated (:func:`venue_ready.validate`). It is copied read-only, at
    every depth: changing it raises TypeError.

    ``records`` are the journal's entries about the area's own subjects (``AREA:SUBJECT``, for
    example ``disinfection:hall``), oldest first, as of the assessment: what the teams reported
    as they worked. Empty when the event has no journal. See docs/journal.md.
    """

    key: str = field(validator=_text)
    weight: float = field(default=1.0, validator=_non_negative)
    threshold: float = field(default=100.0)
    settings: Mapping[str, Any] = field(factory=ReadOnlyDict, converter=_settings)
    items: tuple[Item, ...] = field(default=(), converter=_items)
    records: tuple[JournalEntry, ...] = field(default=(), converter=_records)

    def done_records(self) -> dict[str, list[JournalEntry]]:
        """The ``done`` records of each subject (``record.target``), oldest first, that still
        stand: a later record of another status (``todo``, ``blocked``) withdraws the ``done``
        records before it, so a mistaken report can be corrected in the journal."""
        out: dict[str, list[JournalEntry]] = {}
        for record in self.records:
            if record.status is Status.DONE:
                out.setdefault(record.target, []).append(record)
            else:
                out.pop(record.target, None)
        return out

    @threshold.validator
    def _check_threshold(self, _attribute: attrs.Attribute[Any], value: float) -> None:
        if not 0.0 <= value <= 100.0:
            raise ValueError(f"threshold must be within 0..100, got {value!r}")


#: ``Event(ends=None)``: replaced, once the zone is known, by the end of the first day.
_NO_END = datetime(1, 1, 1)


def _end(value: datetime | None) -> datetime:
    return _NO_END if value is None else value


def _in_zone(value: datetime, tz: tzinfo) -> datetime:
    return value if value.tzinfo is not None else value.replace(tzinfo=tz)


def _plan_in_zone(plan: AreaPlan, tz: tzinfo) -> AreaPlan:
    """``plan`` with its items' naive moments read in ``tz`` (the plan itself when none is)."""
    items = tuple(_item_in_zone(item, tz) for item in plan.items)
    if all(new is old for new, old in zip(items, plan.items, strict=True)):
        return plan
    return attrs.evolve(plan, items=items)


def _item_in_zone(item: Item, tz: tzinfo) -> Item:
    changes: dict[str, Any] = {}
    for name in ("due", "reported_at"):
        value = getattr(item, name)
        if value is not None and value.tzinfo is None:
            changes[name] = value.replace(tzinfo=tz)
    signed = item.signed_off
    if signed is not None and signed.at is not None and signed.at.tzinfo is None:
        changes["signed_off"] = attrs.evolve(signed, at=signed.at.replace(tzinfo=tz))
    return attrs.evolve(item, **changes) if changes else item


def _areas(value: Sequence[AreaPlan]) -> tuple[AreaPlan, ...]:
    return _tuple_of(value, AreaPlan, "areas", " (an area is AreaPlan(key=..., items=[...]))")


@frozen(kw_only=True)
class Attendance:
    """Who is expected at the event, said once in ``[event.attendance]`` and read by every area.

    ``participants`` are those the event is for, by its kind: delegates at a congress, voters at
    a polling area, councillors at a session (``EventKind.participants`` names them).
    ``guests`` are invited guests (khách mời) and ``staff`` the people serving the event (the
    sub-committees, the guards, the medical team). Each is None when not known.

    ``at_once`` is the most people present at the same time (participants, guests and staff
    together, at the peak): for an event whose participants come and go (the voters of a
    polling area over election day) it is far below :attr:`total`. None when not said: an
    event whose kind has everyone present at once is then taken to hold its total
    (:attr:`Event.present_at_once`). It is at most :attr:`total` when that is known
    (:func:`~venue_ready.validate` and the loader check it).
    """

    participants: int | None = field(default=None, validator=_optional_count)
    guests: int | None = field(default=None, validator=_optional_count)
    staff: int | None = field(default=None, validator=_optional_count)
    at_once: int | None = field(default=None, validator=_optional_count)

    @property
    def total(self) -> int | None:
        """Everyone expected: participants, guests and staff; None while the participants are
        not known (a guess from guests alone would undercount)."""
        if self.participants is None:
            return None
        return self.participants + (self.guests or 0) + (self.staff or 0)


def _attendance(_inst: object, _attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, Attendance):
        raise TypeError(f"attendance must be an Attendance, got {type(value).__name__} ({value!r})")


def _form(_inst: object, _attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and value not in FORMS:
        raise ValueError(
            f"form must be one of {', '.join(map(repr, FORMS))} or None, got {value!r}"
        )


def _organiser(_inst: object, _attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and value not in ORGANISERS:
        known = ", ".join(map(repr, ORGANISERS))
        raise ValueError(f"organiser must be one of {known} or None, got {value!r}")


def _venue(_inst: object, _attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not isinstance(value, Venue):
        raise TypeError(f"venue must be a Venue or None, got {type(value).__name__} {value!r}")


def _term(_inst: object, _attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if not (
        isinstance(value, tuple)
        and len(value) == 2
        and all(type(year) is int for year in value)
        and value[0] < value[1]
    ):
        raise TypeError(
            f"term must be a pair of years, first to last, such as (2020, 2025), got {value!r}"
        )


def _timezone(_inst: object, _attribute: attrs.Attribute[Any], value: object) -> None:
    from ._dates import get_zone, suggest_zone

    if not isinstance(value, str):
        raise TypeError(
            f"timezone must be an IANA name such as {DEFAULT_TIMEZONE!r}, got {value!r}"
        )
    try:
        get_zone(value)
    except ValueError:
        hint = suggest_zone(value)
        also = f"; did you mean {hint!r}?" if hint else f", such as {DEFAULT_TIMEZONE!r}"
        raise ValueError(f"timezone {value!r} is no IANA time zone name{also}") from None


def _language(_inst: object, _attribute: attrs.Attribute[Any], value: object) -> None:
    if value not in LANGUAGES:
        known = ", ".join(repr(lang) for lang in LANGUAGES)
        raise ValueError(f"lang must be one of {known}, got {value!r}")


_NO_ATTENDANCE = Attendance()


@frozen
class Event:
    """An event to get ready for, with its venue and its checklist areas.

    ``timezone`` is the IANA name of the event's zone (``Asia/Ho_Chi_Minh`` by default): naive
    datetimes given for ``starts``, ``ends``, ``held_at`` and the items' moments are read in it,
    so every moment of a built Event is timezone-aware. ``ends`` defaults, as in the event file,
    to the end of the day the event starts (in its zone). ``term`` is the pair of years of the
    term, e.g. ``(2020, 2025)``. ``lang`` is the reports' language, ``"vi"`` or ``"en"``.

    ``kind`` names its :class:`EventKind` (``party-congress`` by default; ``election``,
    ``council-session``…): it decides which rules apply. ``form`` is a congress's form
    (``"delegates"`` or ``"members"``, None when not said) and ``organiser`` whose protocol it
    follows (``"party"``, ``"state"`` or ``"organisation"``): by default the kind's, for a kind
    the core knows. ``attendance`` is who is expected; ``expected_delegates`` is the older name
    of ``attendance.participants``, kept equal to it. ``all_at_once`` says whether the
    participants are all present at the same time: by default the kind's
    (``EventKind.all_at_once``; True for a kind the core does not know);
    :attr:`present_at_once` is the number a rule about the people in the room reads.

    ``parent`` is the id of the higher event this one rolls up into (a cell congress names its
    ward congress). ``held_at`` records when the event actually took place and
    ``delegates_elected`` how many delegates to the parent's congress it elected: the facts a
    parent's ``subevents`` area rolls up (see ``docs/rollup.md``).
    """

    id: str = field(validator=_text)
    name: str = field(validator=_text)
    starts: datetime = field(validator=_moment)
    ends: datetime = field(default=None, converter=_end, validator=_moment)
    kind: str = field(default="party-congress", validator=_text)
    level: str = field(default="ward", validator=_text)
    ordinal: int | None = field(default=None, validator=_optional_count)
    term: tuple[int, int] | None = field(default=None, validator=_term)
    timezone: str = field(default=DEFAULT_TIMEZONE, validator=_timezone)
    lang: Language = field(default="vi", validator=_language)
    # Given as ``expected_delegates=``: the older name of attendance.participants (see below).
    _expected_delegates: int | None = field(default=None, validator=_optional_count)
    venue: Venue | None = field(default=None, validator=_venue)
    areas: tuple[AreaPlan, ...] = field(default=(), converter=_areas)
    parent: str | None = field(default=None, validator=_optional_str)
    held_at: datetime | None = field(default=None, validator=_moment)
    delegates_elected: int | None = field(default=None, validator=_optional_count)
    form: Form | None = field(default=None, validator=_form)
    # Given as ``organiser=`` and ``attendance=``. What was given is kept apart from what is
    # derived (the kind's organiser, the participants from expected_delegates), so that
    # attrs.evolve(event, kind=...) derives again rather than carrying the old kind's value.
    _organiser: Organiser | None = field(default=None, validator=_organiser)
    _attendance: Attendance = field(default=_NO_ATTENDANCE, validator=_attendance)
    # Given as ``all_at_once=``: None takes the kind's (the loader gives a plugin kind's).
    _all_at_once: bool | None = field(default=None, validator=_optional_bool)
    _derived: tuple[Organiser | None, Attendance, bool] = field(
        init=False, eq=False, repr=False, hash=False
    )

    def __attrs_post_init__(self) -> None:
        known = builtin_kind(self.kind)
        organiser = self._organiser
        if organiser is None:  # the kind's, when the core knows the kind
            organiser = known.organiser if known is not None else None
        all_at_once = self._all_at_once
        if all_at_once is None:  # the kind's; a kind the core does not know: a sitting
            all_at_once = known.all_at_once if known is not None else True
        # expected_delegates is the older name of attendance.participants: one number, two names
        attendance, delegates = self._attendance, self._expected_delegates
        if attendance.participants is None and delegates is not None:
            attendance = attrs.evolve(attendance, participants=delegates)
        elif delegates is not None and attendance.participants != delegates:
            raise ValueError(
                f"expected_delegates ({delegates}) and attendance.participants "
                f"({attendance.participants}) are one number under two names, and they differ: "
                "give one of them"
            )
        object.__setattr__(self, "_derived", (organiser, attendance, all_at_once))
        # The one rule for moments: naive ones are read in the event's zone, here, once.
        tz = self.tz
        starts = _in_zone(self.starts, tz)
        if self.ends is _NO_END:  # the file format's default: the end of the first day
            from ._dates import end_of_day

            ends = end_of_day(starts.astimezone(tz).date(), tz)
        else:
            ends = _in_zone(self.ends, tz)
        if ends < starts:
            raise ValueError(f"event ends ({ends}) before it starts ({starts})")
        held_at = None if self.held_at is None else _in_zone(self.held_at, tz)
        for name, value in (("starts", starts), ("ends", ends), ("held_at", held_at)):
            if value is not getattr(self, name):
                object.__setattr__(self, name, value)  # still being built: frozen after
        areas = tuple(_plan_in_zone(plan, tz) for plan in self.areas)
        if any(new is not old for new, old in zip(areas, self.areas, strict=True)):
            object.__setattr__(self, "areas", areas)

    @property
    def organiser(self) -> Organiser | None:
        """Whose protocol the event follows: the one given, else its kind's (None for a kind
        the core does not know, built in code without one)."""
        return self._derived[0]

    @property
    def attendance(self) -> Attendance:
        """Who is expected (:class:`Attendance`), its participants taken from
        ``expected_delegates`` when only that was given."""
        return self._derived[1]

    @property
    def all_at_once(self) -> bool:
        """Whether the participants are all present at the same time: the one given, else the
        kind's (``EventKind.all_at_once``: False for an election day, whose voters come and
        go; True for a kind the core does not know, built in code without one)."""
        return self._derived[2]

    @property
    def present_at_once(self) -> int | None:
        """The most people present at the same time, for a rule about the people in the room
        (extinguishers, seats): ``attendance.at_once`` when given; else ``attendance.total``
        when everyone is present at once (:attr:`all_at_once`); else None (an election day
        without ``at_once``: the voter roll is no headcount)."""
        attendance = self._derived[1]
        if attendance.at_once is not None:
            return attendance.at_once
        return attendance.total if self._derived[2] else None

    @property
    def expected_delegates(self) -> int | None:
        """The participants, under their older name (``attendance.participants``)."""
        return self._derived[1].participants

    @property
    def tz(self) -> tzinfo:
        """The event's time zone, as a tzinfo (from :attr:`timezone`)."""
        from ._dates import get_zone

        return get_zone(self.timezone)

    def area(self, key: str) -> AreaPlan | None:
        """The plan for area ``key``, or None when the event has no such area."""
        for plan in self.areas:
            if plan.key == key:
                return plan
        return None


@frozen
class Finding:
    """One piece of evidence about an area's readiness; the one currency plugins report in.

    ``weight`` is how much it counts in its area, ``credit`` (0..1) how much of that weight is
    earned now. A ``gate`` is a critical condition: the area cannot be ready while it is unmet.
    ``due`` is a timezone-aware instant (a bare date in an event file means the end of that day).
    ``assessed`` is False when the plugin expected to check something but could not (missing
    data): the Finding stays in the denominator with no credit and lowers the area's coverage.
    ``waiver`` takes the Finding out of the denominator; the report lists every waiver.
    ``owner`` is who is in charge: a name from the event's data, or a :class:`Message` for a
    default role the plugin names in both languages (rendered in the report's language).
    ``reported_at`` and ``reported_by`` say when and by whom the result was self-reported (a
    journal entry); the report shows how old it is. None when the result comes from the plan.
    """

    code: str = field(validator=_text)
    area: str = field(validator=_text)
    message: Message
    weight: float = field(default=1.0, validator=_non_negative)
    credit: float = field(default=0.0, validator=_unit_interval)
    gate: bool = False
    phase: Phase = field(default=Phase.BEFORE, converter=_phase)
    subject: str | None = None
    due: datetime | None = field(default=None, validator=_aware)
    owner: str | Message | None = None
    assessed: bool = True
    waiver: Waiver | None = None
    reported_at: datetime | None = field(default=None, validator=_aware)
    reported_by: str | None = None

    @property
    def met(self) -> bool:
        """True when the Finding was assessed and earns its full weight, or is waived."""
        return (self.credit >= 1.0 and self.assessed) or self.waiver is not None

    @classmethod
    def from_record(cls, record: JournalEntry | None, /, **fields: Any) -> Finding:
        """A Finding that a journal record earned: ``Finding(**fields)`` with ``reported_at``
        the record's ``recorded_at`` and ``reported_by`` its ``by``, so that the report says
        how old the result is. ``record`` None: a Finding from the plan (neither is set)."""
        if record is not None:
            fields.update(reported_at=record.recorded_at, reported_by=record.by)
        return cls(**fields)

    @classmethod
    def from_item(cls, item: Item, /, **fields: Any) -> Finding:
        """A Finding about checklist item ``item``: ``Finding(**fields)`` with the item's id as
        its subject and the item's weight, gate, phase, due, owner, waiver and report (who
        reported its status, and when), unless ``fields`` names them. ``fields`` gives the
        rest: ``code``, ``area``, ``message`` and ``credit``.

        This is how the core's ``checklist`` plugin turns every item into a Finding; a plugin
        that judges an area's items its own way uses it to keep what the file says of them."""
        taken: dict[str, Any] = {
            "subject": item.id,
            "weight": item.weight,
            "gate": item.gate,
            "phase": item.phase,
            "due": item.due,
            "owner": item.owner,
            "waiver": item.waiver,
            "reported_at": item.reported_at,
            "reported_by": item.reported_by,
        }
        return cls(**(taken | fields))


def _optional_day(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and (type(value) is not date):
        raise TypeError(f"{attribute.name} must be a date or None, got {value!r}")


def _kind_keys(value: object) -> tuple[str, ...]:
    return _tuple_of(value, str, "kinds")


@frozen
class TemplateItem:
    """An item of an area's template checklist, for new event files (``venue-ready init``).

    ``lead_days`` counts the due date back from the event's start (forward from its end for an
    ``after`` item), as :func:`~venue_ready.days_before` does. ``kinds`` are the kinds of event
    the item belongs to (``init --template KIND`` writes only those); empty: every kind.
    ``since`` and ``until`` bound the opening days it is for (None: unbounded), for an item whose
    bodies or terms changed with the rules.
    """

    id: str = field(validator=_text)
    title_vi: str = field(validator=_text)
    title_en: str = field(validator=_text)
    owner_vi: str | None = None
    owner_en: str | None = None
    lead_days: int | None = None
    phase: Phase = field(default=Phase.BEFORE, converter=_phase)
    weight: float = field(default=1.0, validator=_non_negative)
    gate: bool = False
    requires_signoff: str | None = None
    kinds: tuple[str, ...] = field(default=(), converter=_kind_keys)
    since: date | None = field(default=None, validator=_optional_day)
    until: date | None = field(default=None, validator=_optional_day)

    def for_kind(self, kind: str) -> bool:
        """True when the item belongs in a new file for an event of ``kind``."""
        return not self.kinds or kind in self.kinds

    def for_event(self, kind: str, starts: date) -> bool:
        """True when the item belongs in a new file for an event of ``kind`` opening on the day
        ``starts``: one of its kinds, opening on or after ``since`` and before ``until`` (the
        rules of a term of office: the bodies above a ward changed on 1 July 2025)."""
        return (
            self.for_kind(kind)
            and (self.since is None or starts >= self.since)
            and (self.until is None or starts < self.until)
        )


#: ``(settings, event) -> problems``: an :attr:`AreaSpec.validate_settings`. It takes an area's
#: ``settings`` table (and the event being loaded), and returns the problems it finds, each with a
#: key path relative to that table.
SettingsValidator = Callable[[Mapping[str, Any], "Event | None"], Iterable["Problem"]]
#: ``(event, plan) -> subject ids``: an :attr:`AreaSpec.journal_subjects`, what an area takes
#: journal entries about.
JournalSubjects = Callable[["Event", AreaPlan], Iterable[str]]
#: ``(report, lang) -> document``: a :attr:`Renderer.render`, the whole document: text (``str``),
#: or ``bytes`` for a renderer declared ``binary`` (a spreadsheet, a word-processor document).
RenderFunction = Callable[["Report", str], "str | bytes"]


def _templates(value: Sequence[TemplateItem]) -> tuple[TemplateItem, ...]:
    return _tuple_of(value, TemplateItem, "template")


#: A template given as the function that builds it: called once, the first time the template is
#: read (``init``, the conformance check), never by ``check``, which does not use templates.
TemplateSource = Callable[[], Sequence[TemplateItem]]


def _template_source(
    value: Sequence[TemplateItem] | TemplateSource,
) -> tuple[TemplateItem, ...] | TemplateSource:
    return value if callable(value) else _templates(value)


def _built(value: tuple[TemplateItem, ...] | TemplateSource) -> tuple[TemplateItem, ...]:
    # what two specs compare and hash by: their templates' items, however they were given
    return value if isinstance(value, tuple) else _templates(value())


def _catalogs(value: Mapping[str, Mapping[str, str]] | None) -> Mapping[str, Mapping[str, str]]:
    if value is None:
        return ReadOnlyDict()
    if not isinstance(value, Mapping):
        raise TypeError(f"messages must be a mapping of catalogs, got {type(value).__name__}")
    return freeze(value)  # type: ignore[no-any-return]


@frozen
class AreaSpec:
    """What a plugin says about an area it provides (returned by ``venue_ready_areas``).

    ``messages`` is the plugin's message catalog: ``{"vi": {id: template}, "en": {...}}``, with
    ``str.format`` templates naming the :class:`Message` parameters. ``settings_example`` is TOML
    text for the body of ``[areas.KEY.settings]``, with comments, that ``venue-ready init`` writes
    into new event files; ``validate_settings`` must accept it. ``journal_subjects(event, plan)``
    names the area's own subjects a team may report in the status journal (``venue-ready mark
    FILE KEY:SUBJECT``): the zones, entrances or slots whose records the plugin reads from
    :attr:`AreaPlan.records`; None (the default) when it reads none, and ``mark`` refuses them.

    ``template`` is a sequence of :class:`TemplateItem`, or a function of no arguments that
    returns one: only ``init`` and the conformance check read templates, so a long template
    given as a function costs a ``check`` nothing.
    """

    key: str = field(validator=_text)
    title_vi: str = field(validator=_text)
    title_en: str = field(validator=_text)
    default_weight: float = field(default=1.0, validator=_non_negative)
    _template: tuple[TemplateItem, ...] | TemplateSource = field(
        default=(), alias="template", converter=_template_source, eq=_built, repr=False
    )
    validate_settings: SettingsValidator | None = None
    messages: Mapping[str, Mapping[str, str]] = field(factory=ReadOnlyDict, converter=_catalogs)
    settings_example: str = ""
    journal_subjects: JournalSubjects | None = None

    def title(self, lang: str) -> str:
        """The area's title in ``lang`` (``vi`` or ``en``)."""
        return self.title_vi if lang == "vi" else self.title_en

    @property
    def template(self) -> tuple[TemplateItem, ...]:
        """The area's template items, for new event files. Given as a function (``template=
        build``), it is built the first time it is read, and kept.

        :raises TypeError: when the function returns something other than template items
            (and whatever the function raises)."""
        source = self._template
        if isinstance(source, tuple):
            return source
        items = _templates(source())
        # the frozen spec caches what it was given the means to build: the same value each time
        object.__setattr__(self, "_template", items)
        return items


def _extension(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or value.startswith(".") or any(c in value for c in "/\\ "):
        raise ValueError(
            f"{attribute.name} must be a file extension without its dot, got {value!r}"
        )


def _media_type(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or (value and "/" not in value):
        raise ValueError(f"{attribute.name} must be a media type such as 'text/csv', got {value!r}")


@frozen
class Renderer:
    """An output format: a built-in one, or one a plugin adds (``venue_ready_renderers``).

    ``render(report, lang)`` returns the whole document: text (``str``) by default, or, for a
    renderer declared ``binary=True``, ``bytes`` (a spreadsheet, a word-processor document). A
    text renderer that returns bytes, or a binary one that returns text, is a fault of the
    renderer. ``extension`` (without its dot: ``"csv"``, ``"xlsx"``) and ``media_type``
    (``"text/csv"``) say what kind of file the document is, for a tool that saves or sends
    it; both may be left empty (unsaid). The CLI writes a binary document only to a file
    (``-o``) or a pipe, never to a terminal.
    """

    name: str = field(validator=_text)
    render: RenderFunction
    description: str = ""
    extension: str = field(default="", validator=_extension, kw_only=True)
    media_type: str = field(default="", validator=_media_type, kw_only=True)
    binary: bool = field(default=False, validator=_bool, kw_only=True)

    def check_output(self, output: object) -> str | bytes:
        """``output`` (what :attr:`render` returned), when it is what this renderer promises:
        ``bytes`` when :attr:`binary`, else ``str``; otherwise :class:`TypeError`."""
        expected = bytes if self.binary else str
        if not isinstance(output, expected):
            raise TypeError(
                f"format {self.name!r} returned {type(output).__name__}, "
                f"expected {expected.__name__}"
            )
        return output
