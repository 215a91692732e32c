"""``--format brief``: the verdict and what to act on, by body in charge, in under 1,000
characters, to paste into a chat (Zalo, Telegram, a text message).

Plain text, no markup a chat would show as symbols: the event's name, the verdict with its
score and the moment, the counts (critical conditions unmet, overdue items, bodies in charge),
then one line per body in charge with its items, soonest due first. Every body with an item
gets its line; when the whole would be longer than :data:`LIMIT`, an item's words are cut
("…") and a body's further items are counted ("và 2 việc khác" / "and 2 more"). Control
characters in the input are shown escaped (:mod:`.inert`), as in the text report.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._i18n import format_score
from .._i18n import gettext as _
from . import phrases
from .inert import inert

if TYPE_CHECKING:
    from .._model import Finding
    from .._report import Report

__all__ = ["LIMIT", "render_brief"]

#: The most characters a brief has, its final newline included.
LIMIT = 1000
#: The fewest characters of an item's words worth showing before "…".
_MIN_ITEM = 24
_BULLET = "• "


def render_brief(report: Report, lang: str) -> str:
    """The verdict and the items to act on by body in charge, under :data:`LIMIT` characters,
    ending in a newline."""
    head = [
        inert(report.event.name),
        inert(
            _(
                "brief.verdict",
                lang,
                when=report.moment_text(report.as_of, lang, short=True),
                verdict=phrases.verdict(report, lang),
                score=format_score(report.score, lang),
            )
        ),
    ]
    groups = _groups(report, lang)
    if report.inconclusive:
        head.append(inert(_("report.inconclusive", lang)))
    head.append(
        _(
            "report.counts",
            lang,
            blockers=len(report.blockers),
            overdue=len(report.overdue),
            owners=len(groups),
        )
    )
    if not groups:
        return "\n".join([*head, _("brief.none", lang)]) + "\n"
    head.append(_("brief.owners-heading", lang))
    budget = LIMIT - sum(len(line) + 1 for line in head) - 1
    return "\n".join([*head, *_owner_lines(groups, budget, lang)]) + "\n"


def _groups(report: Report, lang: str) -> list[tuple[str, list[str]]]:
    """(body in charge, its items' words) for every unmet critical condition and overdue
    item, bodies with a critical condition first, each body's items soonest due first."""
    seen: dict[int, Finding] = {}
    for f in [*report.blockers, *report.overdue]:
        seen.setdefault(id(f), f)
    critical = {id(f) for f in report.blockers}
    groups = report.by_owner(list(seen.values()), lang=lang)
    ordered = sorted(
        groups.items(), key=lambda kv: (not any(id(f) in critical for f in kv[1]), kv[0] is None)
    )
    out = []
    for owner, found in ordered:
        name = owner if owner is not None else _("report.no-owner", lang)
        soonest = sorted(found, key=report._due_key)
        out.append((inert(name), [inert(_words(report, f, lang)) for f in soonest]))
    return out


def _words(report: Report, f: Finding, lang: str) -> str:
    """An item as the brief says it: its words, and how late it is when it is."""
    what = report.translate(f.message, lang)
    late = phrases.overdue_by(report, f, lang)
    return f"{what} ({late})" if late is not None else what


def _owner_lines(groups: list[tuple[str, list[str]]], budget: int, lang: str) -> list[str]:
    """A line per body, ``budget`` characters in all (newlines included). As many bodies as
    can each have their name and a cut item are shown, the others counted ("và 3 đơn vị
    khác"); each body shown gets an equal share of what is left when its turn comes, so a
    short line leaves more to those after it."""
    shown = len(groups)
    while shown > 0:
        reserve = 0 if shown == len(groups) else len(_more_owners(len(groups) - shown, lang)) + 1
        needed = sum(_shortest(owner, items, lang) + 1 for owner, items in groups[:shown])
        if needed + reserve <= budget:
            break
        shown -= 1
    lines: list[str] = []
    left = budget - (
        0 if shown == len(groups) else len(_more_owners(len(groups) - shown, lang)) + 1
    )
    for index, (owner, items) in enumerate(groups[:shown]):
        share = left // (shown - index) - 1  # its newline
        line = _owner_line(owner, items, share, lang)
        assert line is not None  # the loop above made room for its shortest form
        lines.append(line)
        left -= len(line) + 1
    if shown < len(groups):
        lines.append(_more_owners(len(groups) - shown, lang))
    return lines


def _more_owners(count: int, lang: str) -> str:
    return _("brief.more-owners", lang, count=count)


def _shortest(owner: str, items: list[str], lang: str) -> int:
    """The length of a body's shortest line: its name, a cut first item, the others counted."""
    rest = len(items) - 1
    tail = len(f" ({_('brief.more', lang, count=rest)})") if rest else 0
    return len(f"{_BULLET}{owner}: ") + min(_MIN_ITEM, len(items[0])) + tail


def _owner_line(owner: str, items: list[str], room: int, lang: str) -> str | None:
    """ "• Owner: item; item (và 2 việc khác)" in at most ``room`` characters, with as many
    whole items as fit (the first one cut when it alone does not); None when not even the
    body's name and a cut item fit."""
    start = f"{_BULLET}{owner}: "
    for shown in range(len(items), 0, -1):
        rest = len(items) - shown
        tail = f" ({_('brief.more', lang, count=rest)})" if rest else ""
        body = "; ".join(items[:shown])
        line = start + body + tail
        if len(line) <= room:
            return line
        if shown == 1:
            space = room - len(start) - len(tail)
            if space < min(_MIN_ITEM, len(body)):
                return None
            return start + body[: space - 1].rstrip() + "…" + tail
    return None
