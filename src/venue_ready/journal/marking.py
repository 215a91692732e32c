"""Marking: a :class:`~venue_ready.journal.Mark` checked against the event, recorded, and told
to the plugins.

:func:`mark_problems` says everything wrong with a mark at once (a command line calls it before
it opens, and creates, the journal); :func:`record_mark` checks, binds the journal to the event,
records the entry and calls the hook ``venue_ready_status_changed``; :func:`mark_many` does so
for several marks in one transaction, all or nothing. :func:`check_mark` and :func:`mark` are
the same with the mark's fields as keywords.

Problems name the library's arguments (``subject``, ``by``, ``signed_off_by``); the command
line words them as its options.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Unpack

import attrs

from .._errors import Problem
from .._model import Event, Item, JournalEntry, Status
from .._names import fold_name
from .entries import (
    MARKABLE_STATUSES,
    JournalError,
    Mark,
    MarkFields,
    build_entry,
    future_problem,
    in_zone,
    mark_fields,
    moment_argument,
    report_fields,
    status_problem,
)

if TYPE_CHECKING:
    from .._plugins import PluginManager
    from .store import Journal

__all__ = ["check_mark", "known_subjects", "mark", "mark_many", "mark_problems", "record_mark"]


def known_subjects(event: Event, plugins: PluginManager | None = None) -> dict[str, str | None]:
    """Every subject an entry may name: the event's item ids (mapped to None), and
    ``AREA:SUBJECT`` (mapped to the area) for what each area's plugin reads from the journal
    (its :attr:`AreaSpec.journal_subjects <venue_ready.AreaSpec.journal_subjects>`)."""
    if plugins is None:
        from .._plugins import default_plugin_manager

        plugins = default_plugin_manager()
    subjects: dict[str, str | None] = {}
    for plan in event.areas:
        for item in plan.items:
            subjects[item.id] = None
    for plan in event.areas:
        for target in plugins.journal_subjects(event, plan) or ():
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
    :class:`Problem` s naming ``event_file`` and the argument (``subject``, ``status``, ``by``,
    ``at``, ``progress``, ``signed_off_by``, ``key``); empty when it may be recorded.

    A subject the event does not have (with the nearest one), a status that cannot be marked,
    ``by`` missing, a moment in the future, progress outside 0..1 or with another status than
    ``in_progress``, a sign-off on an item that needs none or by another body than the one it
    needs, a mark on a waived item, a blank key. ``note``, ``evidence`` and ``version`` are
    free. Whether the key is taken is the journal's to say, when it records the mark.

    Moments (``now``, the mark's ``at``) are aware datetimes, or naive ones read in the event's
    time zone.

    :raises TypeError: for a moment that is not a datetime (text: parse it first).
    """
    tz = event.tz
    now = moment_argument("now", now, tz) or datetime.now(UTC)
    at = moment_argument("at", mark.at, tz)
    problems: list[Problem] = []

    def problem(key: str, message_id: str, **params: Any) -> None:
        problems.append(Problem.of((key,), message_id, file=event_file, **params))

    from .._values import suggest

    subject, status = mark.subject, mark.status
    subjects = known_subjects(event, plugins)
    item = _find_item(event, subject)
    if subject not in subjects:
        hint = suggest(subject, subjects)
        problem(
            "subject",
            "journal.unknown-subject-hint" if hint else "journal.unknown-subject",
            value=subject,
            hint=hint or "",
        )
    if not mark.by or not mark.by.strip():
        problem("by", "journal.by-missing")
    if at is not None and at > now:
        problems.append(
            future_problem("at", at.astimezone(tz), now.astimezone(tz), file=event_file)
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
        problem("subject", "journal.item-waived", value=subject)
    signed_off_by = mark.signed_off_by
    if signed_off_by is not None:
        if item is None or item.requires_signoff is None:
            problem("signed_off_by", "journal.signoff-not-required", value=subject)
        elif fold_name(signed_off_by) != fold_name(item.requires_signoff):
            problem(
                "signed_off_by",
                "journal.signoff-wrong-body",
                value=subject,
                body=signed_off_by,
                required=item.requires_signoff,
            )
    if mark.key is not None and (not isinstance(mark.key, str) or not mark.key.strip()):
        problem("key", "journal.blank-key")
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
    ``version`` or else the item's current one. The entry is recorded at ``now`` (default: now;
    a naive moment is read in the event's time zone) and returned with its times in the event's
    time zone, as :meth:`Journal.entries <venue_ready.Journal.entries>` reads it back.

    A mark with a ``key`` already recorded (a retried call, a chat update delivered twice)
    records nothing and calls no hook: the entry recorded with that key is returned, unchanged.
    The same key with other fields is a :class:`JournalError`.

    Once recorded, when the subject's effective status (its latest entry by when it happened,
    else the plan's) changed, the hook ``venue_ready_status_changed(event, item, old, new,
    entry)`` is called for every plugin; a plugin that raises is recorded in
    ``plugins.failures`` and does not undo the entry.
    """
    entries = _record(
        journal, event, [mark], plugins=plugins, event_file=event_file, now=now, indexed=False
    )
    return entries[0]


def mark_many(
    journal: Journal,
    event: Event,
    marks: Sequence[Mark],
    *,
    plugins: PluginManager | None = None,
    event_file: str | None = None,
    now: datetime | None = None,
) -> list[JournalEntry]:
    """:func:`record_mark` for several marks in one transaction, all or nothing: the entries,
    in the order of ``marks``.

    When any mark is wrong, nothing is recorded and one :class:`JournalError` lists every
    problem of every mark, each path starting with ``marks`` and the mark's index
    (``marks[2].by``). A mark whose ``key`` is already recorded (or given earlier in the batch)
    gives back that entry, as :func:`record_mark` does. Once the batch is committed, the hook
    ``venue_ready_status_changed`` is called once for each subject whose effective status the
    batch changed, with the batch's latest entry about it.
    """
    return _record(
        journal, event, marks, plugins=plugins, event_file=event_file, now=now, indexed=True
    )


def _record(
    journal: Journal,
    event: Event,
    marks: Sequence[Mark],
    *,
    plugins: PluginManager | None,
    event_file: str | None,
    now: datetime | None,
    indexed: bool,
) -> list[JournalEntry]:
    if plugins is None:
        from .._plugins import default_plugin_manager

        plugins = default_plugin_manager()
    tz = event.tz
    now = moment_argument("now", now, tz) or datetime.now(UTC)
    problems: list[Problem] = []
    ready: list[Mark] = []
    for index, as_given in enumerate(marks):
        name = f"marks[{index}].at" if indexed else "at"
        given = attrs.evolve(as_given, at=moment_argument(name, as_given.at, tz))
        reported = _as_recorded(event, given)
        retried = _recorded_before(journal, reported, now, keep_version=given.version is None)
        if retried is not None:
            # a retry: nothing to check, it was checked when it was recorded; the version a
            # sign-off took from the plan then is the one it keeps (the plan may have moved on)
            ready.append(attrs.evolve(reported, version=retried.version))
            continue
        ready.append(reported)
        # The mark as given is checked, as check_mark checks it: its recorded form spells the
        # sign-off as the plan does, and would hide a sign-off by the wrong body.
        found = mark_problems(event, given, plugins=plugins, event_file=event_file, now=now)
        if indexed:
            found = [attrs.evolve(p, path=("marks", index, *p.path)) for p in found]
        problems.extend(found)
    if problems:
        raise JournalError(problems)
    journal.bind(event, event_file=event_file)

    items = {m.subject: _find_item(event, m.subject) for m in ready}
    old = {subject: _effective_status(journal, subject, item) for subject, item in items.items()}
    results = journal._record_all(ready, recorded_at=now, indexed=indexed)
    shown = [in_zone(entry, tz) for entry, _new in results]  # as entries() reads them back
    latest: dict[str, JournalEntry] = {}
    for entry, (_entry, new) in zip(shown, results, strict=True):
        if new and (entry.subject not in latest or entry.at >= latest[entry.subject].at):
            latest[entry.subject] = entry
    for subject, entry in latest.items():
        item = items[subject]
        before = old[subject]
        after = _effective_status(journal, subject, item)
        if after is not None and after != before:
            for name, _result, exc in plugins.call_each(
                "venue_ready_status_changed",
                event=event,
                item=item,
                old=before,
                new=after,
                entry=entry,
            ):
                if exc is not None:
                    plugins.record_failure(name, "status_changed", exc)
    return shown


def _as_recorded(event: Event, mark: Mark) -> Mark:
    """``mark`` as the journal records it: a sign-off under the body's name as the plan spells
    it, for the mark's version or the item's current one; no version without a sign-off."""
    item = _find_item(event, mark.subject)
    signed = item is not None and mark.signed_off_by is not None
    return attrs.evolve(
        mark,
        signed_off_by=item.requires_signoff if item is not None and signed else None,
        version=(mark.version or item.version) if item is not None and signed else None,
    )


def _recorded_before(
    journal: Journal, mark: Mark, now: datetime, *, keep_version: bool
) -> JournalEntry | None:
    """The entry ``mark``'s key recorded, when it reports the same (a retry); else None. With
    ``keep_version`` (the caller gave no version: the plan's was filled in), the version is
    the recorded entry's. A key taken by another report is the journal's to refuse, when it
    records the mark."""
    if not isinstance(mark.key, str) or not mark.key.strip():
        return None
    known = journal.entry_with_key(mark.key)
    if known is None:
        return None
    if keep_version and mark.signed_off_by is not None:
        mark = attrs.evolve(mark, version=known.version)
    try:
        candidate = build_entry(mark_fields(mark, uid="-", recorded_at=now))
    except JournalError:
        return None  # its problems are reported with the others
    return known if report_fields(known) == report_fields(candidate) else None


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
    naming ``event_file`` and the argument (empty when it may be recorded): a dry run of
    :func:`mark`, which records nothing and opens no journal. A command line calls it before it
    opens (and creates) the journal; a chat bot, to answer a team before it records anything.

    :raises TypeError: for a moment that is not a datetime."""
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
    spells it, for the mark's ``version`` or else the item's current one. Moments (``now``,
    ``at``) are aware datetimes, or naive ones read in the event's time zone; text raises
    TypeError.

    With ``key=`` (an idempotency key, such as ``"telegram:update:123"``), the same mark
    recorded again records nothing and calls no hook: it returns the first entry, unchanged;
    the same key with other fields raises :class:`JournalError`. The entry is returned with its
    times in the event's time zone.

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
