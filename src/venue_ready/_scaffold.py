"""New event files from the installed plugins' templates (``venue-ready init``).

Each area plugin ships a template checklist (:class:`TemplateItem`: titles and owner roles in
both languages, a lead time counted back from the event's start) and a commented example of its
settings. ``new_event_file`` puts them together into a TOML file that ``venue-ready check``
accepts as it is, for the organisers to fill in.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta

from ._i18n import catalog
from ._i18n import gettext as _
from ._kinds import BUILTIN_KINDS, DEFAULT_KIND, EventKind
from ._model import AreaSpec, Phase, TemplateItem

__all__ = ["OPT_IN_AREAS", "new_event_file", "toml_string"]

#: Areas a new file holds only when asked: ``subevents`` counts an event's children, and an
#: event without children would only see it unassessed.
OPT_IN_AREAS = ("subevents",)

#: From this day local government has two levels (provinces, communes and wards): no district
#: level, so a ward's Party committee reports to the province's (the domain notes).
TWO_LEVELS = date(2025, 7, 1)

#: How long a new event lasts when ``init`` is not told: a congress's working day.
DEFAULT_LENGTH = timedelta(hours=9, minutes=30)

# Areas of the congress template come in this order; other installed areas follow, sorted.
_CONGRESS_ORDER = ("general", "security", "decoration", "broadcast", "disinfection")


def toml_string(text: str) -> str:
    """``text`` as a TOML basic string (quoted and escaped)."""
    out = ['"']
    for ch in text:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04X}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def _value(value: date | datetime) -> str:
    return value.isoformat()


def local_day(value: date | datetime, timezone: str) -> date:
    """The calendar day of ``value`` in the event's zone ``timezone``: a moment given with
    another offset (``2025-06-30T20:00+00:00``) falls on another day there."""
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            from ._dates import get_zone

            value = value.astimezone(get_zone(timezone))
        return value.date()
    return value


def _due(
    item: TemplateItem, starts: date | datetime, ends: date | datetime, timezone: str
) -> str | None:
    """The due date of a template item: ``lead_days`` before the start (after the end for an
    ``after`` item); a lead of 0 days is due at the start itself."""
    if item.lead_days is None or item.phase is Phase.DURING:
        return None
    base_day = local_day(starts, timezone)
    if item.phase is Phase.AFTER:
        end_day = local_day(ends, timezone)
        return _value(end_day + timedelta(days=item.lead_days))
    if item.lead_days == 0:
        # a bare date would mean the end of the start's day, after the start: not allowed
        return _value(starts)
    return _value(base_day - timedelta(days=item.lead_days))


def _ordinal_and_term(kind: EventKind, day: date, lang: str) -> list[str]:
    """The commented ``ordinal`` and ``term`` of what has them: a congress (its number, its
    five-year term: the Party's from 2020, 2025, 2030) or a People's Council session (the
    council's khóa, its term from the elections of 2021, 2026, 2031)."""
    if kind.key == "council-session":
        first = day.year - (day.year - 2021) % 5
        ordinal, which = "III", "council"
    elif kind.forms:
        first = day.year - day.year % 5
        ordinal, which = "22", "congress"
    else:
        return []
    value = f'"{ordinal}"' if not ordinal.isdigit() else ordinal
    return [
        f"# ordinal = {value}  # {_(f'init.ordinal-comment.{which}', lang)}",
        f'# term = "{first}-{first + 5}"  # {_(f"init.term-comment.{which}", lang)}',
    ]


def _ordered(specs: Iterable[AreaSpec]) -> list[AreaSpec]:
    rank = {key: i for i, key in enumerate(_CONGRESS_ORDER)}
    return sorted(specs, key=lambda s: (rank.get(s.key, len(rank)), s.key))


def new_event_file(
    specs: Sequence[AreaSpec],
    *,
    starts: date | datetime,
    ends: date | datetime | None = None,
    lang: str = "vi",
    event_id: str = "my-event",
    name: str | None = None,
    timezone: str = "Asia/Ho_Chi_Minh",
    kind: EventKind | None = None,
) -> str:
    """The text of a new event file holding every area of ``specs`` with its template items
    for an event of ``kind`` (by default a Party congress): the items of another kind are left
    out, and a congress is written as a delegates' congress.

    ``starts`` and ``ends`` are written as given (for ``starts`` a bare date means the start of
    that day, for ``ends`` its end). Without ``ends``, a start with a time of day is given a
    working day's length (``DEFAULT_LENGTH``), for the organisers to correct: left out, the end
    would be midnight, and the guard posts and the results broadcast would be planned around it.
    """
    if ends is None:
        ends = starts + DEFAULT_LENGTH if isinstance(starts, datetime) else starts
    kind = kind or BUILTIN_KINDS[DEFAULT_KIND]
    start_day = local_day(starts, timezone)
    levels = "init.rules-two-levels" if start_day >= TWO_LEVELS else "init.rules-three-levels"
    named = f"init.default-name.{kind.key}"
    default_name = _(named, lang) if named in catalog()["en"] else kind.title(lang)
    lines = [
        f"# {_('init.header', lang)}",
        f"# {_('init.howto', lang, file=event_id + '.toml')}",
        f"# {_(levels, lang)}",
        "schema = 1",
        "",
        "[event]",
        f"id = {toml_string(event_id)}",
        f"name = {toml_string(name or default_name)}",
        f"kind = {toml_string(kind.key)}  # {_('init.kind-comment', lang, kind=kind.title(lang))}",
        *([f'form = "delegates"  # {_("init.form-comment", lang)}'] if kind.forms else []),
        'level = "ward"',
        *_ordinal_and_term(kind, start_day, lang),
        f"starts = {_value(starts)}",
        f"ends = {_value(ends)}  # {_('init.ends-comment', lang)}",
        f"timezone = {toml_string(timezone)}",
        f"lang = {toml_string(lang)}",
        "",
        "[event.attendance]",
        f"participants = 100  # {kind.participants(lang)}",
        f"guests = 10  # {_('init.guests-comment', lang)}",
        "",
        "[venue]",
        f"name = {toml_string(_('init.venue-name', lang))}",
        "zones = [",
        f'  {{ id = "hall", name = {toml_string(_("init.zone-hall", lang))} }},',
        f'  {{ id = "lobby", name = {toml_string(_("init.zone-lobby", lang))} }},',
        "]",
        f'entrances = [{{ id = "main-gate", name = {toml_string(_("init.main-gate", lang))} }}]',
    ]
    for spec in _ordered(specs):
        lines += ["", f"# -- {spec.title(lang)} " + "-" * max(3, 90 - len(spec.title(lang)))]
        lines += ["", f"[areas.{spec.key}]", f"weight = {spec.default_weight:g}"]
        if spec.settings_example.strip():
            lines += ["", f"[areas.{spec.key}.settings]", spec.settings_example.strip("\n")]
        for item in spec.template:
            if item.for_event(kind.key, start_day):
                lines += [
                    "",
                    f"[[areas.{spec.key}.items]]",
                    *_item_lines(item, starts, ends, lang, timezone),
                ]
    return "\n".join(lines) + "\n"


def _item_lines(
    item: TemplateItem, starts: date | datetime, ends: date | datetime, lang: str, timezone: str
) -> list[str]:
    title = item.title_vi if lang == "vi" else item.title_en
    owner = item.owner_vi if lang == "vi" else item.owner_en
    out = [f"id = {toml_string(item.id)}", f"title = {toml_string(title)}"]
    if owner:
        out.append(f"owner = {toml_string(owner)}")
    due = _due(item, starts, ends, timezone)
    if due is not None:
        out.append(f"due = {due}")
    if item.phase is not Phase.BEFORE:
        out.append(f"phase = {toml_string(item.phase.value)}")
    if item.weight != 1.0:
        out.append(f"weight = {item.weight:g}")
    if item.gate:
        out.append("gate = true")
    if item.requires_signoff:
        out.append(f"requires_signoff = {toml_string(item.requires_signoff)}")
    out.append('status = "todo"')
    return out
