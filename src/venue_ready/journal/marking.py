"""Marking: a :class:`~venue_ready.journal.Mark` checked against the event, recorded, and told
to the plugins.

:func:`mark_problems` says everything wrong with a mark at once (a command line calls it before
it opens, and creates, the journal); :func:`record_mark` checks, binds the journal to the event,
records the entry and calls the hook ``venue_ready_status_changed``. :func:`check_mark` and
:func:`mark` are the same with the mark's fields as keywords.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Unpack

import attrs

from ..errors import Problem
from ..model import Event, Item, JournalEntry, Status
from ..names import fold_name
from .entries import (
    MARKABLE_STATUSES,
    JournalError,
    Mark,
    MarkFields,
    future_problem,
    status_problem,
)

if TYPE_CHECKING:
    from ..plugins import PluginManager
    from .store import Journal

__all__ = ["check_mark", "known_subjects", "mark", "mark_problems", "record_mark"]


def known_subjects(event: Event, plugins: PluginManager | None = None) -> dict[str, str | None]:
    """Every subject an entry may name: the event's item ids (mapped to None), and
    ``AREA:SUBJECT`` (mapped to the area) for what each area's plugin reads from the journal
    (its :attr:`AreaSpec.journal_subjects <venue_ready.AreaSpec.journal_subjects>`)."""
    if plugins is None:
        from ..plugins import get_plugin_manager

        plugins = get_plugin_manager()
    subjects: dict[str, str | None] = {}
    for plan in event.areas:
        for item in plan.items:
            subjects[item.id] = None
    specs = plugins.area_specs()
    for plan in event.areas:
        spec = specs.get(plan.key)
        if spec is None or spec.journal_subjects is None:
            continue
        try:
            targets = list(spec.journal_subjects(event, plan))
        except Exception as exc:  # a plugin's fault: name it, and take no subject of it
            plugins.record_failure(plugins.provider_of(plan.key) or plan.key, "journal", exc)
            continue
        for target in targets:
            subjects.setdefault(f"{plan.key}:{target}", plan.key)
    return subjects


def mark_problems(
    event: Event,
    mark: Mark,
    *,
    plugins: PluginManager | None = None,
    event_file: str | None = None,
    now: datetime | None = None,
) -> list[Problem]:
    """Everything wrong with ``mark`` for ``event`` at ``now`` (default: now), as
    :class:`Problem` s naming ``event_file`` and the argument; empty when it may be recorded.

    A subject the event does not have (with the nearest one), a status that cannot be marked,
    ``by`` missing, a moment in the future, progress outside 0..1 or with another status than
    ``in_progress``, a sign-off on an item that needs none or by another body than the one it
    needs, a mark on a waived item. ``note``, ``evidence`` and ``version`` are free.
    """
    now = now if now is not None else datetime.now(UTC)
    problems: list[Problem] = []

    def problem(key: str, message_id: str, **params: Any) -> None:
        problems.append(Problem.of((key,), message_id, file=event_file, **params))

    from ..values import suggest

    subject, status = mark.subject, mark.status
    subjects = known_subjects(event, plugins)
    item = _find_item(event, subject)
    if subject not in subjects:
        hint = suggest(subject, subjects)
        problem(
            "item",
            "journal.unknown-subject-hint" if hint else "journal.unknown-subject",
            value=subject,
            hint=hint or "",
        )
    if not mark.by or not mark.by.strip():
        problem("by", "journal.by-missing")
    if mark.at is not None and mark.at > now:
        tz = event.tz
        problems.append(
            future_problem("at", mark.at.astimezone(tz), now.astimezone(tz), file=event_file)
        )
    if status not in MARKABLE_STATUSES:
        problems.append(status_problem(status, file=event_file))
    progress = mark.progress
    if progress is not None:
        if not 0.0 <= progress <= 1.0:
            problem("progress", "journal.bad-progress", value=f"{progress:g}")
        elif status in MARKABLE_STATUSES and status != Status.IN_PROGRESS.value:
            problem("progress", "journal.progress-needs-in-progress", status=status)
    if item is not None and item.status is Status.WAIVED:
        problem("item", "journal.item-waived", value=subject)
    signed_off_by = mark.signed_off_by
    if signed_off_by is not None:
        if item is None or item.requires_signoff is None:
            problem("signed-off-by", "journal.signoff-not-required", value=subject)
        elif fold_name(signed_off_by) != fold_name(item.requires_signoff):
            problem(
                "signed-off-by",
                "journal.signoff-wrong-body",
                value=subject,
                body=signed_off_by,
                required=item.requires_signoff,
            )
    return problems


def record_mark(
    journal: Journal,
    event: Event,
    mark: Mark,
    *,
    plugins: PluginManager | None = None,
    event_file: str | None = None,
    now: datetime | None = None,
) -> JournalEntry:
    """Check ``mark`` against ``event``, record it in ``journal``, and tell the plugins.

    Everything wrong is reported at once, as a :class:`JournalError` (see
    :func:`mark_problems`); so is a journal that belongs to another event. The journal is bound
    to ``event`` (:meth:`Journal.bind <venue_ready.Journal.bind>`) before the first entry. A
    sign-off is recorded under the body's name as the plan spells it, for the mark's
    ``version`` or else the item's current one. The entry is recorded at ``now`` (default: now).

    Once recorded, when the subject's effective status (its latest entry by when it happened,
    else the plan's) changed, the hook ``venue_ready_status_changed(event, item, old, new,
    entry)`` is called for every plugin; a plugin that raises is recorded in
    ``plugins.failures`` and does not undo the entry.
    """
    if plugins is None:
        from ..plugins import get_plugin_manager

        plugins = get_plugin_manager()
    now = now if now is not None else datetime.now(UTC)
    problems = mark_problems(event, mark, plugins=plugins, event_file=event_file, now=now)
    if problems:
        raise JournalError(problems)
    journal.bind(event, event_file=event_file)

    item = _find_item(event, mark.subject)
    signed = item is not None and mark.signed_off_by is not None
    recorded = attrs.evolve(
        mark,
        signed_off_by=item.requires_signoff if item is not None and signed else None,
        version=(mark.version or item.version) if item is not None and signed else None,
    )
    old = _effective_status(journal, mark.subject, item)
    entry = journal.record(recorded, recorded_at=now)
    new = _effective_status(journal, mark.subject, item)
    if new is not None and new != old:
        for name, _result, exc in plugins.call_each(
            "venue_ready_status_changed", event=event, item=item, old=old, new=new, entry=entry
        ):
            if exc is not None:
                plugins.record_failure(name, "status_changed", exc)
    return entry


def check_mark(
    event: Event,
    subject: str,
    status: Status | str,
    *,
    plugins: PluginManager | None = None,
    event_file: str | None = None,
    now: datetime | None = None,
    **fields: Unpack[MarkFields],
) -> list[Problem]:
    """:func:`mark_problems` with the mark's fields as keywords (:class:`MarkFields`, see
    :class:`~venue_ready.journal.Mark`): everything wrong with a mark, as :class:`Problem` s
    naming ``event_file`` and the argument (empty when it may be recorded). A command line can
    call it before it opens (and creates) the journal."""
    checked = Mark(subject, status, **fields)
    return mark_problems(event, checked, plugins=plugins, event_file=event_file, now=now)


def mark(
    journal: Journal,
    event: Event,
    subject: str,
    status: Status | str,
    *,
    plugins: PluginManager | None = None,
    event_file: str | None = None,
    now: datetime | None = None,
    **fields: Unpack[MarkFields],
) -> JournalEntry:
    """Check an entry against ``event``, record it, and tell the plugins: :func:`record_mark`
    with the mark's fields as keywords (:class:`MarkFields`, see
    :class:`~venue_ready.journal.Mark`).

    Everything wrong is reported at once, as a :class:`JournalError` (see :func:`check_mark`):
    a subject the event does not have (with the nearest one), a status that cannot be marked,
    ``by`` missing, a moment in the future, progress outside 0..1 or with another status than
    ``in_progress``, a sign-off on an item that needs none or by another body than the one it
    needs, a mark on a waived item. A sign-off is recorded under the body's name as the plan
    spells it, for the mark's ``version`` or else the item's current one.

    Once recorded, when the subject's effective status (its latest entry by when it happened,
    else the plan's) changed, the hook ``venue_ready_status_changed(event, item, old, new,
    entry)`` is called for every plugin; a plugin that raises is recorded in
    ``plugins.failures`` and does not undo the entry.
    """
    recorded = Mark(subject, status, **fields)
    return record_mark(journal, event, recorded, plugins=plugins, event_file=event_file, now=now)


def _find_item(event: Event, subject: str) -> Item | None:
    for plan in event.areas:
        for item in plan.items:
            if item.id == subject:
                return item
    return None


def _effective_status(journal: Journal, subject: str, item: Item | None) -> Status | None:
    """The subject's status as replay sees it with every entry: its latest entry by when it
    happened, else the plan's (None for an area subject never reported)."""
    history = journal.entries(subject=subject)
    if history:
        return history[-1].status
    return item.status if item is not None else None
