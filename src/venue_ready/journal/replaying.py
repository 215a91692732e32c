"""Replay: the event as the journal's entries describe it. Pure: no file, no clock, no plugin.

The plan (the event file) is never changed: :func:`replay` returns a new Event, with each item's
latest entry applied and each area's subjects handed to its plugin as records.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime
from typing import Any

import attrs

from .._model import Event, Item, JournalEntry, SignOff, Status

__all__ = ["in_order", "replay", "replay_stages", "unknown_subjects"]


def replay(event: Event, entries: Iterable[JournalEntry]) -> Event:
    """``event`` with ``entries`` applied, oldest first: the state they describe.

    - An entry about a checklist item sets the item's status and progress (the latest entry
      wins), adds its evidence, and records who reported it and when (``reported_by``,
      ``reported_at``); an entry with ``signed_off_by`` records the item's sign-off, for the
      version it names.
    - An entry about ``AREA:SUBJECT`` goes to that area's :attr:`AreaPlan.records
      <venue_ready.AreaPlan.records>`, for its plugin to read.
    - Entries about subjects the event does not have are left out (:func:`unknown_subjects`
      lists them).

    Pass only the entries up to a moment (:meth:`Journal.entries` ``until=``) to get the
    event as it stood then. The plan itself is untouched: this returns a new Event.
    """
    ordered = in_order(entries)
    if not ordered:
        return event
    return next(replay_stages(event, ordered, [ordered[-1].at]))


def in_order(entries: Iterable[JournalEntry]) -> list[JournalEntry]:
    """``entries`` in the order they happened (``at``, then ``seq``): the order of replay."""
    return sorted(entries, key=lambda e: (e.at, e.seq if e.seq is not None else 0))


def replay_stages(
    event: Event, ordered: Sequence[JournalEntry], moments: Iterable[datetime]
) -> Iterator[Event]:
    """``event`` as :func:`replay` gives it with the entries that had happened by each of
    ``moments`` (in ascending order), one Event per moment.

    ``ordered`` are the entries in the order they happened (:func:`in_order`). Each entry is
    applied once, when the moments pass it; an Event costs the entries applied since the
    previous one and one new tuple of items per area: a series of moments costs time linear
    in the entries, not one full replay each.
    """
    where = {
        item.id: (a, i) for a, plan in enumerate(event.areas) for i, item in enumerate(plan.items)
    }
    area_index = {plan.key: a for a, plan in enumerate(event.areas)}
    items = [list(plan.items) for plan in event.areas]
    records: list[list[JournalEntry]] = [[] for _ in event.areas]
    seen: dict[str, _Seen] = {}
    done = 0
    for moment in moments:
        changed: set[str] = set()
        while done < len(ordered) and ordered[done].at <= moment:
            entry = ordered[done]
            done += 1
            if entry.subject in where:
                seen.setdefault(entry.subject, _Seen()).add(entry)
                changed.add(entry.subject)
            elif entry.area is not None and entry.area in area_index:
                records[area_index[entry.area]].append(entry)
        for subject in changed:
            a, i = where[subject]
            items[a][i] = _apply(event.areas[a].items[i], seen[subject])
        areas = tuple(
            attrs.evolve(plan, items=tuple(items[a]), records=plan.records + tuple(records[a]))
            for a, plan in enumerate(event.areas)
        )
        yield attrs.evolve(event, areas=areas)


class _Seen:
    """What the entries about one item so far add up to: the latest, every piece of evidence,
    the latest sign-off."""

    __slots__ = ("evidence", "latest", "signed")

    def __init__(self) -> None:
        self.latest: JournalEntry | None = None
        self.evidence: list[str] = []
        self.signed: JournalEntry | None = None

    def add(self, entry: JournalEntry) -> None:
        self.latest = entry
        if entry.evidence is not None:
            self.evidence.append(entry.evidence)
        if entry.signed_off_by is not None:
            self.signed = entry


def _apply(item: Item, seen: _Seen) -> Item:
    latest = seen.latest
    assert latest is not None
    changes: dict[str, Any] = {
        "status": latest.status,
        "progress": latest.progress if latest.status is Status.IN_PROGRESS else None,
        # the age a report shows counts from when the result was reported
        "reported_at": latest.recorded_at,
        "reported_by": latest.by,
    }
    if seen.evidence:
        changes["evidence"] = item.evidence + tuple(seen.evidence)
    if seen.signed is not None and item.requires_signoff is not None:
        last = seen.signed
        planned = item.signed_off
        # the later approval stands, whether the plan or the journal holds it
        if planned is None or planned.at is None or planned.at <= last.at:
            changes["signed_off"] = SignOff(
                by=last.signed_off_by or "", at=last.at, version=last.version
            )
    if item.status is Status.WAIVED:
        # a waiver is the plan's decision; a report does not undo it
        changes = {k: v for k, v in changes.items() if k not in ("status", "progress")}
    return attrs.evolve(item, **changes)


def unknown_subjects(event: Event, entries: Iterable[JournalEntry]) -> list[JournalEntry]:
    """The entries about a subject the event has no item or area for (an item removed from the
    plan since, say): :func:`replay` leaves them out, and a report should say so."""
    item_ids = {item.id for plan in event.areas for item in plan.items}
    area_keys = {plan.key for plan in event.areas}
    return [e for e in entries if e.subject not in item_ids and e.area not in area_keys]
