"""The events the server serves, and every access to their journals: the one module that opens
a journal, so that a journal behind another backend (``--journal URL``) changes this module
only.

The events are the event files under the served folder, found as ``venue-ready rollup DIR``
finds them (:func:`venue_ready._rollup.discover`: hidden folders skipped), each with its
journal beside it (:func:`venue_ready.journal.default_journal_path`). A file whose real path is
outside the folder (a link pointing out of it) is never served. Events are loaded again when
their file changes; a board is assessed again when the event or its journal changes.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from attrs import frozen

if TYPE_CHECKING:
    from .._errors import Problem
    from .._model import Event, JournalEntry
    from .._plugins import PluginManager
    from .._report import Report
    from .._rollup import Rollup
    from ..journal import Mark

__all__ = ["EventSite", "Served", "Subject"]


@frozen
class Served:
    """One event file under the folder: its ``[event] id`` and its path."""

    id: str
    file: str


@frozen
class Subject:
    """One subject a mark may name, as a team's page shows it: its id, its area, its title (an
    item's; None for an area plugin's subject), and its state by the journal: status, progress
    (0..1), who reported it, when, and the note."""

    id: str
    area: str | None
    title: str | None
    status: str
    progress: float | None = None
    by: str | None = None
    at: datetime | None = None
    note: str | None = None


def _signature(path: str) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_mtime_ns, info.st_size


class EventSite:
    """The events under ``root``. Thread-safe: the web app's workers share one."""

    def __init__(self, root: str | os.PathLike[str]) -> None:
        self.root = os.path.realpath(root)
        self._lock = threading.Lock()
        self._found: dict[str, Served] = {}
        self._events: dict[str, tuple[tuple[int, int] | None, Event]] = {}
        self._boards: dict[str, tuple[str, float, Report]] = {}
        # one roll-up at a time in a process: the roll-up's workers share its plugin manager
        self._rollup_lock = threading.Lock()

    # -- finding and loading ----------------------------------------------------------------

    def inside(self, path: str) -> bool:
        """Whether ``path``'s real path is inside the served folder."""
        real = os.path.realpath(path)
        return real == self.root or real.startswith(self.root + os.sep)

    def events(self) -> dict[str, Served]:
        """The event files under the folder, by id (the first file of an id met wins; a file
        that cannot be read is left out: ``venue-ready rollup`` names them)."""
        from .._rollup import _identify, discover

        found: dict[str, Served] = {}
        for file in discover([self.root]):
            if not self.inside(file):
                continue
            event_id, _parent = _identify(file)
            if event_id is not None:
                found.setdefault(event_id, Served(event_id, file))
        with self._lock:
            self._found = found
        return found

    def find(self, event_id: str) -> Served | None:
        """The event with ``event_id``, or None."""
        with self._lock:
            served = self._found.get(event_id)
        if served is None or not os.path.isfile(served.file):
            served = self.events().get(event_id)
        return served

    def load(self, served: Served, plugins: PluginManager) -> Event:
        """The event as its file says now (a LoadError when it cannot be read)."""
        from .._loading import load

        signature = _signature(served.file)
        with self._lock:
            cached = self._events.get(served.file)
        if cached is not None and cached[0] == signature and signature is not None:
            return cached[1]
        event = load(served.file, plugins=plugins)
        with self._lock:
            self._events[served.file] = (signature, event)
        return event

    # -- the journal -------------------------------------------------------------------------

    def journal_path(self, served: Served) -> str:
        """Where the event's journal is: beside its file."""
        from ..journal import default_journal_path

        return str(default_journal_path(served.file))

    def version(self, served: Served) -> str:
        """A text that changes whenever the event file or its journal does: what the boards
        poll."""
        journal = self.journal_path(served)
        parts = [_signature(served.file), _signature(journal), _signature(journal + "-wal")]
        return "-".join("0" if p is None else f"{p[0]}.{p[1]}" for p in parts)

    def entries(self, served: Served, event: Event) -> list[JournalEntry]:
        """The journal's entries (none when there is no journal yet)."""
        path = self.journal_path(served)
        if not os.path.isfile(path):
            return []
        from ..journal import open_journal

        with open_journal(path, readonly=True) as journal:
            journal.check_event(event, event_file=served.file)
            return journal.entries()

    def board(self, served: Served, plugins: PluginManager, *, fresh: float = 2.0) -> Report:
        """The event's report now, with its journal: assessed again when the event or its
        journal changed, or when the last one is more than ``fresh`` seconds old (its
        deadlines move with the clock)."""
        import time

        from .._assessment import assess
        from ..journal import replay

        version = self.version(served)
        with self._lock:
            cached = self._boards.get(served.file)
        if cached is not None and cached[0] == version and time.monotonic() - cached[1] < fresh:
            return cached[2]
        event = self.load(served, plugins)
        entries = self.entries(served, event)
        report = assess(replay(event, entries), as_of=datetime.now(event.tz), plugins=plugins)
        with self._lock:
            self._boards[served.file] = (version, time.monotonic(), report)
        return report

    def report(self, served: Served, plugins: PluginManager) -> Report:
        """The event's report now with its readiness history: what ``venue-ready check``
        renders (the HTML report's timeline needs the history)."""
        from ..journal import assess_with_history

        event = self.load(served, plugins)
        entries = self.entries(served, event)
        return assess_with_history(event, entries, datetime.now(event.tz), plugins=plugins)

    def subjects(self, served: Served, plugins: PluginManager) -> list[Subject]:
        """Every subject a mark may name on the event, with its state by the journal: the
        items (as the journal leaves them), then the area plugins' subjects (their latest
        entry)."""
        from ..journal import known_subjects, replay

        event = self.load(served, plugins)
        entries = self.entries(served, event)
        now = replay(event, entries)
        latest: dict[str, JournalEntry] = {}
        for entry in entries:  # in the order they happened: the last one wins
            latest[entry.subject] = entry
        out: list[Subject] = []
        for plan in now.areas:
            for item in plan.items:
                last = latest.get(item.id)
                out.append(
                    Subject(
                        item.id,
                        plan.key,
                        item.title,
                        item.status.value,
                        item.progress,
                        item.reported_by,
                        item.reported_at,
                        last.note if last is not None else None,
                    )
                )
        for subject, area in known_subjects(event, plugins).items():
            if area is None:
                continue
            last = latest.get(subject)
            out.append(
                Subject(
                    subject,
                    area,
                    None,
                    last.status.value if last is not None else "todo",
                    last.progress if last is not None else None,
                    last.by if last is not None else None,
                    last.recorded_at if last is not None else None,
                    last.note if last is not None else None,
                )
            )
        return out

    def problems(self, served: Served, mark: Mark, plugins: PluginManager) -> list[Problem]:
        """What is wrong with ``mark`` on the event (nothing written)."""
        from ..journal import mark_problems

        event = self.load(served, plugins)
        return list(mark_problems(event, mark, plugins=plugins, event_file=served.file, now=_now()))

    def record(self, served: Served, mark: Mark, plugins: PluginManager) -> JournalEntry:
        """Record ``mark`` in the event's journal (created on the first mark) and tell the
        plugins; a JournalError, with nothing written, when it is refused."""
        from ..journal import open_journal, record_mark

        event = self.load(served, plugins)
        with open_journal(self.journal_path(served), create=True) as journal:
            entry = record_mark(
                journal, event, mark, plugins=plugins, event_file=served.file, now=_now()
            )
        with self._lock:
            self._boards.pop(served.file, None)
        return entry

    def rollup(self, files: Iterable[str]) -> Rollup:
        """The library's roll-up of ``files`` (each with its journal), now."""
        from .._rollup import roll_up

        with self._rollup_lock:
            return roll_up(list(files))


def _now() -> datetime:
    return datetime.now(UTC)
