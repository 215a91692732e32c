"""The readiness history: how ready the event was at past moments, replayed from the journal.

Three uses, one computation (:func:`readiness_history`: replay the entries that had happened by
each moment, and assess):

- :func:`assess_with_history`: a report together with its history at the end of each day of
  its readiness timeline, which the HTML report draws. The library chooses the moments, from
  the report alone (the library chooses them); renderers only draw.
- :func:`history_document`: the entries and the readiness at each moment one happened, as the
  plain data of ``venue-ready history --format json`` (layout :data:`HISTORY_SCHEMA_VERSION`).
- :func:`readiness_history` itself, at any moments, for a chart of one's own.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING, Any

import attrs

from .replaying import in_order, replay, replay_stages

if TYPE_CHECKING:
    from .._model import Event, JournalEntry
    from .._plugins import PluginManager
    from .._report import HistoryPoint, Report

__all__ = [
    "HISTORY_SCHEMA_VERSION",
    "assess_with_history",
    "history_document",
    "readiness_history",
]

#: The version of :func:`history_document`'s layout (``venue-ready history --format json``).
HISTORY_SCHEMA_VERSION = 1


def readiness_history(
    event: Event,
    entries: Iterable[JournalEntry],
    moments: Iterable[datetime],
    plugins: PluginManager | None = None,
) -> tuple[HistoryPoint, ...]:
    """The event's readiness at each of ``moments``, replaying only the entries that had
    happened by then: the series of a chart.

    ``event`` is the plan, without the entries replayed. Each moment is an aware datetime, or
    a naive one read in the event's time zone (text raises TypeError). Each moment costs one
    assessment;
    the replays cost time linear in the entries, all moments together: the moments are taken
    in time order, and each entry is applied once (:func:`~.replaying.replay_stages`), where
    replaying from the start at every moment would grow with the square of the journal.
    """
    from .._assessment import assess
    from .._report import HistoryPoint
    from .entries import moment_argument

    tz = event.tz
    moments = [_moment("moments", moment_argument("moments", m, tz)) for m in moments]
    order = sorted(range(len(moments)), key=lambda k: moments[k])
    stages = replay_stages(event, in_order(entries), (moments[k] for k in order))
    points: list[HistoryPoint | None] = [None] * len(moments)
    for k, stage in zip(order, stages, strict=True):
        report = assess(stage, as_of=moments[k], plugins=plugins)
        points[k] = HistoryPoint(at=moments[k], score=report.score, status=report.status)
    return tuple(p for p in points if p is not None)


def _moment(name: str, moment: datetime | None) -> datetime:
    if moment is None:
        raise TypeError(f"{name} must be datetimes, not None")
    return moment


def assess_with_history(
    plan: Event,
    entries: Iterable[JournalEntry],
    as_of: datetime | None = None,
    plugins: PluginManager | None = None,
) -> Report:
    """The report on ``plan`` with ``entries`` replayed as of ``as_of``, and its history.

    The report is :func:`~venue_ready.assess` of the plan with the entries that happened by
    ``as_of`` replayed (:func:`~venue_ready.replay`). Its :attr:`~venue_ready.Report.history`
    holds the readiness at the end of each day of its timeline before ``as_of``
    (the days the library chooses for the timeline), and at ``as_of`` itself: what the HTML
    report's timeline draws as its earned line. ``venue-ready check --format html`` with a
    journal gives the same report.

    :param plan: the event as loaded, without the journal replayed.
    :param entries: the journal's entries; for what the journal held at a moment, pass
        ``journal.entries(as_of, known_at=...)`` (what ``check --known-at`` does).
    :param as_of: the moment; a naive datetime is read in the event's time zone (text raises
        TypeError); by default, now.
    :param plugins: the plugin manager; by default the installed plugins.

    Costs one assessment per day of the timeline (at most
    120 days and one): call :func:`~venue_ready.assess`
    instead when the history will not be drawn (the text, Markdown and JSON reports leave it
    out).
    """
    from .._assessment import assess
    from .._dates import get_zone
    from .._timeline import timeline_days
    from .entries import moment_argument

    tz = get_zone(plan.timezone)
    as_of = moment_argument("as_of", as_of, tz) or datetime.now(tz)
    if plugins is None:
        from .._plugins import default_plugin_manager

        plugins = default_plugin_manager()
    ordered = in_order(entries)
    upto = [e for e in ordered if e.at <= as_of]
    report = assess(replay(plan, upto), as_of=as_of, plugins=plugins)
    moments = [day for day in timeline_days(report) if day < as_of]
    moments.append(as_of)
    return attrs.evolve(report, history=readiness_history(plan, upto, moments, plugins))


def history_document(
    event: Event,
    entries: Iterable[JournalEntry],
    *,
    journal: str,
    subject: str | None = None,
    plugins: PluginManager | None = None,
) -> dict[str, Any]:
    """The journal's history as plain data, ready for ``json.dumps``: the layout of
    ``venue-ready history --format json`` (docs/journal.md), version
    :data:`HISTORY_SCHEMA_VERSION`.

    :param event: the plan, without the entries replayed.
    :param entries: the entries to tell, in the order they happened (``journal.entries()``).
    :param journal: the journal's path, as the reader should see it.
    :param subject: list only the entries about this subject; the ``series`` still counts
        every entry.
    :param plugins: the plugin manager; by default the installed plugins.

    ``series`` is the event's score and status at each distinct moment an entry happened.
    Times are written in the event's time zone; scores rounded to two decimals.
    """
    from .._dates import isoformat

    entries = list(entries)
    chosen = entries if subject is None else [e for e in entries if e.subject == subject]
    series = readiness_history(event, entries, sorted({e.at for e in entries}), plugins)
    tz = event.tz

    def when(moment: datetime | None) -> str | None:
        return isoformat(moment, tz) if moment is not None else None

    return {
        "schema_version": HISTORY_SCHEMA_VERSION,
        "event": {"id": event.id, "name": event.name, "timezone": event.timezone},
        "journal": journal,
        "subject": subject,
        "entries": [
            {
                "seq": e.seq,
                "uid": e.uid,
                "subject": e.subject,
                "status": e.status.value,
                "progress": e.progress,
                "by": e.by,
                "at": when(e.at),
                "recorded_at": when(e.recorded_at),
                "happened_at": when(e.happened_at),
                "note": e.note,
                "evidence": e.evidence,
                "signed_off_by": e.signed_off_by,
                "version": e.version,
            }
            for e in chosen
        ],
        "series": [
            {
                "at": when(p.at),
                "score": None if p.score is None else round(p.score, 2),
                "status": p.status.value,
            }
            for p in series
        ],
    }
