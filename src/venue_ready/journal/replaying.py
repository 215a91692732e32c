"""Replay: the event as the journal's entries describe it. Pure: no file, no clock, no plugin.

The plan (the event file) is never changed: :func:`replay` returns a new Event, with each item's
latest entry applied and each area's subjects handed to its plugin as records.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import attrs

from ..model import Event, Item, JournalEntry, SignOff, Status

__all__ = ["replay", "unknown_subjects"]


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
    ordered = sorted(entries, key=lambda e: (e.at, e.seq if e.seq is not None else 0))
    if not ordered:
        return event
    item_ids = {item.id for plan in event.areas for item in plan.items}
    by_item: dict[str, list[JournalEntry]] = {}
    records: dict[str, list[JournalEntry]] = {}
    for entry in ordered:
        if entry.subject in item_ids:
            by_item.setdefault(entry.subject, []).append(entry)
        elif entry.area is not None:
            records.setdefault(entry.area, []).append(entry)
    areas = []
    for plan in event.areas:
        items = tuple(
            _apply(item, by_item[item.id]) if item.id in by_item else item for item in plan.items
        )
        areas.append(
            attrs.evolve(plan, items=items, records=plan.records + tuple(records.get(plan.key, ())))
        )
    return attrs.evolve(event, areas=tuple(areas))


def _apply(item: Item, entries: list[JournalEntry]) -> Item:
    latest = entries[-1]
    changes: dict[str, Any] = {
        "status": latest.status,
        "progress": latest.progress if latest.status is Status.IN_PROGRESS else None,
        # the age a report shows counts from when the result was reported
        "reported_at": latest.recorded_at,
        "reported_by": latest.by,
    }
    evidence = [e.evidence for e in entries if e.evidence is not None]
    if evidence:
        changes["evidence"] = item.evidence + tuple(evidence)
    signed = [e for e in entries if e.signed_off_by is not None]
    if signed and item.requires_signoff is not None:
        last = signed[-1]
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
