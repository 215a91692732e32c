"""Roll-up: many event files, one tree (cells → ward → district → city), every event assessed.

:func:`roll_up` loads every event file it is given, links each event to its ``parent``, and
assesses the events bottom-up, so that a parent's ``subevents`` area sees its children's results
(see :mod:`venue_ready._subevents`). It streams: an event is loaded, assessed and
reduced to a small :class:`~venue_ready.SubeventResult` straight away, and only those summaries
are kept, never the Event or its Report. An event whose file has a ``subevents`` area (a parent) is
loaded again once its children are done, and assessed with their results.

The steps:

1. Every file is loaded; a file with no ``subevents`` area is assessed at once (``--jobs N``:
   in a pool of N processes, in chunks of files).
2. The tree is built from the ``parent`` links. Errors are collected, each naming what is wrong,
   and everything else is still rolled up: a broken file (with its own problems), a duplicate
   id (no file of that id is rolled up), a parent that no loaded event has (the children are
   rolled up as roots), a cycle of parent links (its events are left out, their other children
   become roots).
3. The parents are assessed, level by level from the bottom (each level's parents in parallel),
   each with its children's results.

The result does not depend on the order of the files nor on the number of processes: the same
files and moment give the same :class:`Rollup`, and the same JSON byte for byte.

With a cache folder (``roll_up(..., cache=DIR)``, what ``venue-ready rollup`` does unless
``--no-cache``), an event whose file, journal and moment's window are those of an earlier roll-up
is not loaded nor assessed again: its summary comes from the cache (:mod:`venue_ready._cache`),
and a parent is assessed again only when one of its children's results changed. The result is
the same, byte for byte, with or without it.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import datetime, tzinfo
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import evolve, field, frozen

from ._i18n import Message, level_title
from ._model import DEFAULT_TIMEZONE, AreaStatus, Event
from ._subevents import AREA as SUBEVENTS_AREA
from ._subevents import SubeventResult

if TYPE_CHECKING:
    from ._errors import PluginFailure, Problem
    from ._plugins import PluginManager
    from ._report import Report

__all__ = [
    "ROLLUP_SCHEMA_VERSION",
    "STATUS_CHOICES",
    "LevelTotal",
    "Rollup",
    "RollupBlocker",
    "RollupEntry",
    "RollupError",
    "RollupSelection",
    "WorkerLost",
    "discover",
    "pages",
    "roll_up",
]

#: Version of the roll-up's JSON layout (docs/rollup.md); bumped on any incompatible change.
ROLLUP_SCHEMA_VERSION = 1
#: The usual levels, lowest first: totals are listed in this order, other levels after them
#: in alphabetical order.
LEVELS = ("cell", "ward", "commune", "district", "city", "province", "country")
#: Files handed to a worker process at a time (fewer when there are few files).
CHUNK = 64
#: What ``--status`` takes: a status's value, or ``held`` for a congress already held.
STATUS_CHOICES = (*(s.value for s in AreaStatus), "held")

Progress = Callable[[int, int], None]
_T = TypeVar("_T")


# Compared by value like the records it sits among in a Rollup (auto_exc=True would compare
# exceptions by identity), so two roll-ups of the same files stay equal.
@frozen(auto_exc=False)
class RollupError(Exception):
    """Something that kept part of the files out of the roll-up, with what it names.

    The roll-up does not raise it: it collects every one in :attr:`Rollup.errors` and rolls up
    the rest. It is an exception all the same, so a caller that wants to stop at one can
    ``raise`` it; ``str(error)`` is its English text.

    ``code`` is ``rollup.broken-file`` (``problems`` holds the file's own problems),
    ``rollup.duplicate-id``, ``rollup.missing-parent`` (``ids`` are the children, ``parent``
    the id they name), ``rollup.orphaned`` (children of a parent left out for a duplicate id
    or a cycle), ``rollup.children-not-counted`` (a parent without a ``subevents`` area, and
    its children) or ``rollup.cycle`` (``ids`` in the order of the links).
    """

    code: str
    ids: tuple[str, ...] = ()
    files: tuple[str, ...] = ()
    parent: str | None = None
    problems: tuple[Problem, ...] = ()

    def render(self, lang: str, catalogs: Mapping[str, Mapping[str, str]] | None = None) -> str:
        """The error in words, in ``lang``; a broken file's problems follow, one a line."""
        from ._i18n import gettext_count

        text = gettext_count(
            self.code,
            len(self.problems),
            lang,
            ids=(" → " if self.code == "rollup.cycle" else ", ").join(self.ids),
            files=", ".join(self.files),
            parent=self.parent or "",
        )
        lines = [text, *("  " + p.render(lang, catalogs) for p in self.problems)]
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.render("en")

    def __reduce__(self) -> tuple[type[RollupError], tuple[object, ...]]:
        # BaseException pickles its positional args only; these are keyword fields.
        return type(self), (self.code, self.ids, self.files, self.parent, self.problems)


@frozen
class RollupBlocker:
    """What holds an event back first, for a reviewer's row: its first unmet critical
    condition, or, when it has none, its earliest overdue Finding (``overdue`` is then True).

    ``message`` and ``owner`` are rendered later, in the roll-up's language, with the plugins'
    catalogs (:attr:`Rollup.catalogs`); ``zone`` is the event's time zone, for the dates in the
    message. ``owner`` is a name as written, a role (a :class:`~venue_ready.Message`), or None.
    """

    message: Message
    owner: str | Message | None
    area: str
    subject: str | None
    overdue: bool = False
    zone: tzinfo | None = field(default=None, eq=False)

    @classmethod
    def of(cls, report: Report, result: SubeventResult) -> RollupBlocker | None:
        """The first blocker of ``report``, whose summary is ``result``; None when it has
        neither blockers nor overdue Findings, or its congress is already held (nothing to
        chase). Looked for only when the counts say there is one: most events cost nothing."""
        if result.held_by(report.as_of) or not (result.blockers or result.overdue):
            return None
        # one list, the one the counts say is not empty (the overdue one sorts its Findings)
        found = report.blockers if result.blockers else report.overdue
        if not found:
            return None
        f = found[0]
        return cls(f.message, f.owner, f.area, f.subject, not result.blockers, report.event.tz)

    def text(self, lang: str, catalogs: Mapping[str, Mapping[str, str]] | None = None) -> str:
        """The Finding's message in ``lang``."""
        from ._i18n import translate

        return translate(self.message, lang, catalogs, self.zone)

    def owner_text(
        self, lang: str, catalogs: Mapping[str, Mapping[str, str]] | None = None
    ) -> str | None:
        """Who is in charge, in ``lang``; None when nobody is named."""
        if isinstance(self.owner, Message):
            from ._i18n import translate

            return translate(self.owner, lang, catalogs, self.zone)
        return self.owner


@frozen
class RollupEntry:
    """One event in the roll-up: its result, its file, how deep it sits in the tree, its
    children's ids (in id order), and what holds it back first (:class:`RollupBlocker`)."""

    result: SubeventResult
    file: str
    depth: int
    children: tuple[str, ...] = ()
    first_blocker: RollupBlocker | None = None


@frozen
class LevelTotal:
    """The events of one level (``cell``, ``ward``, …): how many, how many of each status,
    their mean score (over the scored ones), their blockers and overdue Findings, and how many
    have held their congress. ``open_statuses`` counts the statuses of the events not held
    yet only: a congress already held is counted as held, not as "not ready"."""

    level: str
    events: int
    statuses: tuple[tuple[AreaStatus, int], ...]
    mean_score: float | None
    blockers: int
    overdue: int
    held: int
    open_statuses: tuple[tuple[AreaStatus, int], ...] = ()


@frozen
class RollupSelection:
    """Which events a roll-up shows (``--level``, ``--status``, ``--top``): those of one of
    ``levels`` (all when empty), of one of ``statuses`` (an :class:`AreaStatus` value, or
    ``held``; all when empty), the ``top`` worst of them (all when None). The totals per level
    always count every event."""

    levels: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    top: int | None = None

    @property
    def active(self) -> bool:
        """True when it leaves anything out."""
        return bool(self.levels or self.statuses) or self.top is not None


@frozen
class Rollup:
    """The result of :func:`roll_up`.

    ``entries`` are in tree order: roots by id, each followed by its children (depth first, by
    id). ``errors`` are sorted by code and ids; ``failures`` are the plugins that failed.
    ``lang`` is the events' language (the most common one; ``vi`` on a tie). ``files`` counts
    the files read.
    """

    as_of: datetime
    entries: tuple[RollupEntry, ...]
    errors: tuple[RollupError, ...]
    failures: tuple[PluginFailure, ...]
    lang: str
    files: int
    catalogs: Mapping[str, Mapping[str, str]]
    #: Per parent id, its children whose files could not be loaded, as its assessment counted
    #: them (for :func:`pages`, which assesses it again).
    unreadable: Mapping[str, tuple[SubeventResult, ...]] = field(factory=dict, eq=False, repr=False)

    @property
    def inconclusive(self) -> bool:
        """True when a plugin failed for some event, so its figures are inconclusive."""
        return bool(self.failures) or any(e.result.inconclusive for e in self.entries)

    def is_held(self, entry: RollupEntry) -> bool:
        """True when ``entry``'s congress was held at or before the roll-up's moment: it is
        shown as held, whatever its checklist still says, and never ranked among those not
        ready."""
        return entry.result.held_by(self.as_of)

    def status_of(self, entry: RollupEntry) -> str:
        """``held`` for a congress already held, else its status's value."""
        return "held" if self.is_held(entry) else entry.result.status.value

    def worst_first(self) -> list[RollupEntry]:
        """The entries, worst first: the congresses not held yet by status, then lowest score
        (no score first), most blockers, most overdue, then id; the congresses already held
        after them all, in the same order."""
        as_of = self.as_of
        return sorted(self.entries, key=lambda e: (e.result.held_by(as_of), _badness(e)))

    def select(self, selection: RollupSelection | None = None) -> list[RollupEntry]:
        """The entries ``selection`` keeps, worst first (:meth:`worst_first`)."""
        ranked = self.worst_first()
        if selection is None or not selection.active:
            return ranked
        levels, statuses = set(selection.levels), set(selection.statuses)
        kept = [
            e
            for e in ranked
            if (not levels or e.result.level in levels)
            and (not statuses or self.status_of(e) in statuses)
        ]
        return kept if selection.top is None else kept[: selection.top]

    def top(self) -> tuple[RollupEntry | None, int]:
        """The event at the top of the tree (the root of the highest level; of those, the first
        in tree order), and how many other roots there are."""
        roots = [e for e in self.entries if e.depth == 0]
        if not roots:
            return None, 0
        best = max(roots, key=lambda e: _level_key(e.result.level)[0])
        return best, len(roots) - 1

    def levels(self) -> list[LevelTotal]:
        """Totals per level, lowest level first: ``cell``, ``ward``, ``commune``, ``district``,
        ``city``, ``province``, ``country``, then any other level by name."""
        groups: dict[str, list[SubeventResult]] = {}
        for entry in self.entries:
            groups.setdefault(entry.result.level, []).append(entry.result)
        out = []
        for level in sorted(groups, key=_level_key):
            results = groups[level]
            counts = Counter(r.status for r in results)
            open_counts = Counter(r.status for r in results if not r.held_by(self.as_of))
            scores = [r.score for r in results if r.score is not None]
            out.append(
                LevelTotal(
                    level=level,
                    events=len(results),
                    statuses=tuple(
                        (s, counts.get(s, 0)) for s in sorted(AreaStatus, key=lambda s: -s.severity)
                    ),
                    mean_score=sum(scores) / len(scores) if scores else None,
                    blockers=sum(r.blockers for r in results),
                    overdue=sum(r.overdue for r in results),
                    held=sum(1 for r in results if r.held_by(self.as_of)),
                    open_statuses=tuple(
                        (s, open_counts.get(s, 0))
                        for s in sorted(AreaStatus, key=lambda s: -s.severity)
                    ),
                )
            )
        return out

    def to_dict(
        self, lang: str | None = None, selection: RollupSelection | None = None
    ) -> dict[str, Any]:
        """The roll-up as plain data (the versioned layout of docs/rollup.md); with a
        ``selection``, only the events it keeps (in tree order), the totals still of all."""
        from ._dates import get_zone, isoformat
        from ._version import __version__

        lang = lang or self.lang
        tz = get_zone(DEFAULT_TIMEZONE)
        entries: Iterable[RollupEntry] = self.entries
        if selection is not None and selection.active:
            kept = {id(e) for e in self.select(selection)}
            entries = [e for e in self.entries if id(e) in kept]
        top, _others = self.top()
        return {
            "schema_version": ROLLUP_SCHEMA_VERSION,
            "generator": {
                "name": "venue_ready",
                "version": __version__,
                "failures": [
                    {
                        "name": f.name,
                        "distribution": f.distribution,
                        "version": f.version,
                        "stage": f.stage,
                        "error": f.error,
                    }
                    for f in self.failures
                ],
            },
            "lang": lang,
            "as_of": isoformat(self.as_of, tz),
            "files": self.files,
            "inconclusive": self.inconclusive,
            "title": top.result.name if top is not None else None,
            "filters": None
            if selection is None or not selection.active
            else {
                "levels": list(selection.levels),
                "statuses": list(selection.statuses),
                "top": selection.top,
            },
            "levels": [
                {
                    "level": t.level,
                    "title": level_title(t.level, lang),
                    "events": t.events,
                    "statuses": {s.value: n for s, n in t.statuses},
                    "mean_score": _round(t.mean_score),
                    "blockers": t.blockers,
                    "overdue": t.overdue,
                    "held": t.held,
                    "statuses_not_held": {s.value: n for s, n in t.open_statuses},
                }
                for t in self.levels()
            ],
            "events": [
                {
                    "id": e.result.id,
                    "name": e.result.name,
                    "level": e.result.level,
                    "parent": e.result.parent,
                    "file": e.file,
                    "depth": e.depth,
                    "children": list(e.children),
                    "score": _round(e.result.score),
                    "status": e.result.status.value,
                    "inconclusive": e.result.inconclusive,
                    "blockers": e.result.blockers,
                    "overdue": e.result.overdue,
                    "held_at": isoformat(e.result.held_at, tz)
                    if e.result.held_at is not None
                    else None,
                    "delegates_elected": e.result.delegates_elected,
                    "held": e.result.held_by(self.as_of),
                    "first_blocker": _blocker_dict(e.first_blocker, lang, self.catalogs),
                }
                for e in entries
            ],
            "errors": [
                {
                    "code": err.code,
                    "ids": list(err.ids),
                    "files": list(err.files),
                    "parent": err.parent,
                    "text": err.render(lang, self.catalogs).split("\n", 1)[0],
                    "problems": [p.render(lang, self.catalogs) for p in err.problems],
                }
                for err in self.errors
            ],
        }

    def to_json(self, lang: str | None = None, selection: RollupSelection | None = None) -> str:
        """The roll-up as JSON text, ending in a newline; deterministic for the same input."""
        from ._jsontext import dumps

        return dumps(self.to_dict(lang, selection), indent=2) + "\n"


def _blocker_dict(
    blocker: RollupBlocker | None, lang: str, catalogs: Mapping[str, Mapping[str, str]]
) -> dict[str, Any] | None:
    if blocker is None:
        return None
    return {
        "kind": "overdue" if blocker.overdue else "blocker",
        "area": blocker.area,
        "subject": blocker.subject,
        "text": blocker.text(lang, catalogs),
        "owner": blocker.owner_text(lang, catalogs),
    }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def _level_key(level: str) -> tuple[int, str]:
    return (LEVELS.index(level) if level in LEVELS else len(LEVELS), level)


def _badness(entry: RollupEntry) -> tuple[int, float, int, int, str]:
    r = entry.result
    return (
        -r.status.severity,
        -1.0 if r.score is None else r.score,
        -r.blockers,
        -r.overdue,
        r.id,
    )


# -- finding the files -------------------------------------------------------------------------


def discover(paths: Iterable[str | os.PathLike[str]]) -> list[str]:
    """The event files under ``paths``: a folder gives every ``*.toml`` file below it (hidden
    folders and files skipped), a file gives itself. Normalised, sorted, each once. A path that
    does not exist is kept, so that loading it reports it."""
    found: dict[str, str] = {}  # the file's real path: the first spelling met

    def add(name: str) -> None:
        # "./a.toml", "a.toml", "/abs/a.toml" and a link to it are one file
        found.setdefault(os.path.realpath(name), name)

    for path in paths:
        name = os.path.normpath(os.fspath(path))
        if os.path.isdir(name):
            for folder, dirs, files in os.walk(name):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for f in sorted(files):
                    full = os.path.join(folder, f)
                    # only regular files: a named pipe called x.toml would block the read
                    if f.endswith(".toml") and not f.startswith(".") and os.path.isfile(full):
                        add(full)
        else:
            add(name)
    return sorted(found.values())


# -- the work done in each process --------------------------------------------------------------

# One plugin manager per process, made by _init (a pool's initializer, or roll_up itself), and
# the failures it had before any file was read (a plugin that does not import): those belong to
# every event; a failure while one file is read or assessed belongs to that file only.
_PM: PluginManager | None = None
_BASE: tuple[PluginFailure, ...] = ()
# The database that holds the events' journals (a postgresql:// URL), each under its event's
# id; None: each event's journal is the file beside it. Set by _init, in every process.
_JOURNALS: str | None = None
# With a cache: each outcome carries what the cache keeps of it (its memo), and the journal of
# the file last loaded is kept whole, for the instants of its entries.
_CACHING = False
_JOURNAL: tuple[object, ...] = ()


def _init(
    block: Sequence[str],
    extra: Sequence[str],
    strict: bool,
    journals: str | None = None,
    caching: bool = False,
) -> None:
    global _PM, _BASE, _JOURNALS, _CACHING  # noqa: PLW0603 - one per worker process
    from ._plugins import get_plugin_manager

    _JOURNALS = journals
    _PM = get_plugin_manager(block=block, extra=extra, strict=strict)
    _PM.area_specs()
    _BASE = tuple(_PM.failures)
    _CACHING = caching


def _fresh() -> PluginManager:
    """The process's plugin manager with only the start-up failures: what one file sees, so
    that a file's result never depends on which files the same process read before it."""
    assert _PM is not None
    _PM.failures[:] = list(_BASE)
    return _PM


def _own_failures() -> tuple[PluginFailure, ...]:
    """The failures the current file caused while it was loaded."""
    assert _PM is not None
    return tuple(_PM.failures[len(_BASE) :])


def _new(report: Report) -> tuple[PluginFailure, ...]:
    """The failures the current file caused, loading and assessing it (a report's failures
    start with the manager's, which hold the start-up ones first)."""
    return tuple(report.failures[len(_BASE) :])


@frozen
class _Done:
    file: str
    result: SubeventResult
    lang: str
    failures: tuple[PluginFailure, ...] = ()
    blocker: RollupBlocker | None = None
    #: What the cache keeps of it (with a cache only): its window and its encoded self.
    memo: dict[str, Any] | None = field(default=None, eq=False, repr=False)


@frozen
class _Parent:
    """An event with a ``subevents`` area: assessed once its children are."""

    file: str
    id: str
    parent: str | None
    lang: str
    failures: tuple[PluginFailure, ...] = ()
    memo: dict[str, Any] | None = field(default=None, eq=False, repr=False)


@frozen
class _Broken:
    """A file that could not be loaded; ``id`` and ``parent`` when its ``[event]`` table could
    still be read, so that its parent counts it as a child it cannot judge."""

    file: str
    problems: tuple[Problem, ...]
    lang: str | None
    failures: tuple[PluginFailure, ...] = ()
    id: str | None = None
    parent: str | None = None


_Outcome = _Done | _Parent | _Broken


def _load_chunk(files: Sequence[str], as_of: datetime) -> list[_Outcome]:
    """Load each file; assess those without a ``subevents`` area."""
    out: list[_Outcome] = []
    for file in files:
        out.append(_load_one(file, as_of))
    return out


def _load_one(file: str, as_of: datetime) -> _Outcome:
    from ._assessment import assess

    pm = _fresh()
    event = _load(file, as_of)
    if isinstance(event, _Broken):
        return event
    if event.area(SUBEVENTS_AREA) is not None:
        found = _Parent(file, event.id, event.parent, event.lang, _own_failures())
        if _CACHING and not found.failures:
            from ._cache import Unsupported, instants, window

            zones = _zones(event)
            try:
                seen = instants([event, _JOURNAL], zones)
            except Unsupported:
                return found
            found = evolve(found, memo={**window(as_of, seen, zones), "out": _encode(found)})
        return found
    report = assess(event, as_of, pm)
    return _done(file, report)


def _done(file: str, report: Report, children: Iterable[SubeventResult] = ()) -> _Done:
    result = SubeventResult.from_report(report)
    done = _Done(file, result, report.event.lang, _new(report), RollupBlocker.of(report, result))
    if _CACHING and not done.failures:
        done = evolve(done, memo=_memo(done, report, children))
    return done


def _zones(event: Event) -> list[tzinfo]:
    from datetime import UTC

    from ._dates import get_zone

    return [event.tz, get_zone(DEFAULT_TIMEZONE), UTC]


def _memo(done: _Done, report: Report, children: Iterable[SubeventResult]) -> dict[str, Any] | None:
    """What the cache keeps of ``done``: the window of moments it holds for and its encoding;
    None when it cannot be encoded exactly (it is then not cached)."""
    from ._cache import Unsupported, instants, window
    from ._scoring import effective_due

    try:
        out = _encode(done)
        again = _decode(out, done.file)
    except (Unsupported, ValueError, TypeError, KeyError):
        return None
    if not isinstance(again, _Done) or (again.result, again.blocker) != (done.result, done.blocker):
        return None  # never keep what would not come back the same
    event = report.event
    zones = _zones(event)
    dues = (effective_due(f, event.starts, event.ends) for a in report.areas for f in a.findings)
    try:
        seen = instants(
            [event, _JOURNAL, tuple(children), [d for d in dues if d is not None]], zones
        )
    except Unsupported:
        return None
    return {**window(report.as_of, seen, zones), "out": out}


def _encode(outcome: _Done | _Parent) -> dict[str, Any]:
    """An outcome as plain data (:func:`venue_ready._cache.encode` for its values)."""
    from ._cache import encode

    if isinstance(outcome, _Parent):
        return {"k": "parent", "id": outcome.id, "parent": outcome.parent, "lang": outcome.lang}
    b = outcome.blocker
    blocker = None
    if b is not None:
        blocker = {
            "message": encode(b.message),
            "owner": encode(b.owner),
            "area": b.area,
            "subject": b.subject,
            "overdue": b.overdue,
            "zone": encode(datetime(2000, 1, 1, tzinfo=b.zone)),
        }
    return {"k": "done", "lang": outcome.lang, "r": _encode_result(outcome.result), "b": blocker}


def _encode_result(r: SubeventResult) -> dict[str, Any]:
    from ._cache import encode

    return {
        "id": r.id,
        "name": r.name,
        "level": r.level,
        "starts": encode(r.starts),
        "ends": encode(r.ends),
        "score": r.score,
        "status": r.status.value,
        "inconclusive": r.inconclusive,
        "held_at": encode(r.held_at),
        "delegates_elected": r.delegates_elected,
        "blockers": r.blockers,
        "overdue": r.overdue,
        "parent": r.parent,
        "broken": r.broken,
    }


def _decode(data: Any, file: str) -> _Done | _Parent:
    """The outcome :func:`_encode` wrote, for ``file``; ValueError, TypeError or KeyError for
    anything else (a damaged entry is a miss, never trusted)."""
    from ._cache import decode

    def text(value: Any, optional: bool = False) -> Any:
        if (value is None and optional) or type(value) is str:
            return value
        raise ValueError("bad text")

    if type(data) is not dict:
        raise ValueError("bad entry")
    if data["k"] == "parent":
        return _Parent(file, text(data["id"]), text(data["parent"], True), text(data["lang"]))
    if data["k"] != "done":
        raise ValueError("bad entry")
    r = data["r"]
    score = r["score"]
    if score is not None and type(score) not in (int, float):
        raise ValueError("bad score")
    result = SubeventResult(
        id=text(r["id"]),
        name=text(r["name"]),
        level=text(r["level"]),
        starts=_moment(decode(r["starts"])),
        ends=_moment(decode(r["ends"])),
        score=score,
        status=AreaStatus(r["status"]),
        inconclusive=_flag(r["inconclusive"]),
        held_at=None if r["held_at"] is None else _moment(decode(r["held_at"])),
        delegates_elected=_count(r["delegates_elected"], True),
        blockers=_count(r["blockers"]),
        overdue=_count(r["overdue"]),
        parent=text(r["parent"], True),
        broken=_flag(r["broken"]),
    )
    blocker = None
    b = data["b"]
    if b is not None:
        message = decode(b["message"])
        owner = decode(b["owner"])
        if not isinstance(message, Message) or not (
            owner is None or isinstance(owner, (str, Message))
        ):
            raise ValueError("bad blocker")
        blocker = RollupBlocker(
            message,
            owner,
            text(b["area"]),
            text(b["subject"], True),
            _flag(b["overdue"]),
            _moment(decode(b["zone"])).tzinfo,
        )
    return _Done(file, result, text(data["lang"]), (), blocker)


def _moment(value: Any) -> datetime:
    if type(value) is not datetime or value.tzinfo is None:
        raise ValueError("bad moment")
    return value


def _flag(value: Any) -> bool:
    if type(value) is not bool:
        raise ValueError("bad flag")
    return value


def _count(value: Any, optional: bool = False) -> Any:
    if (value is None and optional) or type(value) is int:
        return value
    raise ValueError("bad count")


def _load(file: str, as_of: datetime) -> Event | _Broken:
    """The event in ``file`` with its journal, or what is wrong with it. Never raises: one bad
    file must not stop a roll-up of thousands."""
    from ._errors import LoadError, Problem
    from ._loading import load

    assert _PM is not None
    try:
        return _with_journal(load(file, plugins=_PM), file, as_of)
    except LoadError as exc:
        problems, lang = exc.problems, exc.lang
    except Exception as exc:
        problems = (Problem.of((), "load.unreadable", file=file, error=f"{type(exc).__name__}"),)
        lang = None
    event_id, parent = _identify(file)
    return _Broken(file, tuple(problems), lang, _own_failures(), event_id, parent)


def _identify(file: str) -> tuple[str | None, str | None]:
    """A broken file's ``[event] id`` and ``parent``, when its TOML can still be read."""
    try:
        import tomli

        from ._loading import read_event_bytes

        # never open() it: a named pipe would block the roll-up forever (#11)
        data = tomli.loads(read_event_bytes(file).decode("utf-8"))
        table = data.get("event")
        if not isinstance(table, dict):
            return None, None
        event_id, parent = table.get("id"), table.get("parent")
        return (
            event_id if isinstance(event_id, str) and event_id.strip() else None,
            parent if isinstance(parent, str) and parent.strip() else None,
        )
    except Exception:
        return None, None


def _with_journal(event: Event, file: str, as_of: datetime) -> Event:
    """The event with its status journal (beside its file, or the journal named after its id in
    the database of ``journals``) replayed as it stood at ``as_of``, as ``venue-ready check
    --as-of`` does; the event itself when it has none. A journal that cannot be read raises its
    JournalError (a LoadError: the file is reported broken)."""
    from .journal import default_journal_name

    global _JOURNAL  # noqa: PLW0603 - the file last loaded in this process
    _JOURNAL = ()
    if _JOURNALS is not None:
        return _with_server_journal(event, file, as_of, _JOURNALS)

    path = default_journal_name(file)
    if not os.path.isfile(path):
        return event
    from .journal import open_journal

    with open_journal(path, readonly=True) as journal:
        journal.check_event(event, event_file=file)
        if _CACHING:
            # every entry, also those after the moment: their times bound the window
            _JOURNAL = tuple(journal.entries())
        return journal.replay(event, as_of, known_at=as_of)


def _with_server_journal(event: Event, file: str, as_of: datetime, url: str) -> Event:
    from .journal import JournalError, open_journal

    try:
        journal = open_journal(url, readonly=True, name=event.id)
    except JournalError as exc:
        if [p.message.id for p in exc.problems] == ["journal.missing-named"]:
            return event  # no mark yet for this event: its plan as it is
        raise
    with journal:
        journal.check_event(event, event_file=file)
        return journal.replay(event, as_of, known_at=as_of)


def _assess_parents(
    jobs: Sequence[tuple[str, Mapping[str, SubeventResult]]], as_of: datetime
) -> list[_Outcome]:
    """Load and assess parents, each with its children's results."""
    from ._assessment import assess

    out: list[_Outcome] = []
    for file, children in jobs:
        pm = _fresh()
        event = _load(file, as_of)
        if isinstance(event, _Broken):  # changed since the first pass
            out.append(event)
            continue
        report = assess(event, as_of, pm, subevents=children)
        out.append(_done(file, report, children.values()))
    return out


# -- the roll-up --------------------------------------------------------------------------------


def roll_up(
    paths: Iterable[str | os.PathLike[str]],
    as_of: datetime | None = None,
    *,
    jobs: int = 1,
    block: Sequence[str] = (),
    extra: Sequence[str] = (),
    strict: bool = False,
    progress: Progress | None = None,
    journals: str | None = None,
    cache: str | os.PathLike[str] | None = None,
) -> Rollup:
    """Load every event file under ``paths``, build the tree, and assess every event.

    :param paths: files and folders: every ``*.toml`` file below a folder (hidden folders and
        files skipped), each file once.
    :param as_of: the moment to judge at (naive: in ``Asia/Ho_Chi_Minh``); by default, now.
        Every event is judged at the same moment.
    :param jobs: how many processes to spread the work over; the result is the same whatever
        the number.
    :param block: plugins not to load, and ``extra`` modules to load as plugins, as
        :func:`venue_ready.get_plugin_manager` takes them (each process makes its own manager).
    :param strict: raise at the first plugin failure instead of recording it.
    :param progress: called as ``progress(done, total)`` as events are assessed.
    :param journals: a ``postgresql://`` URL of the database that holds the events' journals,
        each named after its event's id (an event without one there is judged on its plan);
        None, the default: each event's journal is the file beside it.
    :param cache: a cache folder (``venue-ready rollup`` uses ``$VENUE_READY_CACHE_DIR``, else
        ``$XDG_CACHE_HOME/venue-ready``, else ``~/.cache/venue-ready``): an event whose file,
        journal, plugins and moment allow it takes its result from an earlier roll-up instead
        of being loaded and assessed again, and a parent is assessed again only when a child's
        result changed. The result is the same with or without it; a folder that cannot be
        used means no cache. None (the default): no cache.

    Broken files, duplicate ids, missing parents and cycles are returned as
    :attr:`Rollup.errors`; everything else is rolled up all the same. One roll-up at a time in
    a process: the work functions share the process's plugin manager, as pool workers do.
    """
    from ._dates import get_zone

    tz = get_zone(DEFAULT_TIMEZONE)
    if as_of is None:
        as_of = datetime.now(tz)
    elif as_of.tzinfo is None:
        as_of = as_of.replace(tzinfo=tz)
    if jobs < 1:
        raise ValueError(f"jobs must be at least 1, got {jobs}")
    files = discover(paths)
    total = len(files)
    store = None
    # a database's journals change without a file of ours changing: no cache can vouch for them
    if cache is not None and journals is None:
        from ._cache import Store

        store = Store.open(cache)
    _init(block, extra, strict, journals, caching=store is not None)
    assert _PM is not None
    main_pm = _PM
    failures: set[PluginFailure] = set(_BASE)
    memo = None if store is None else _Memo(store, files, block, extra, strict)
    # no more processes than chunks of work, nor than the machine has cores
    jobs = max(1, min(jobs, len(files) or 1, os.cpu_count() or 1))

    try:
        with _Runner(jobs, block, extra, strict, journals, caching=store is not None) as runner:
            done_count = 0
            known: dict[str, _Outcome] = {}
            missed = list(files)
            if memo is not None:
                known = memo.first(as_of)
                missed = [f for f in files if f not in known]
                done_count = sum(1 for o in known.values() if not isinstance(o, _Parent))
            for batch in runner.map(_load_chunk, _chunks(missed, jobs), as_of):
                for outcome in batch:
                    known[outcome.file] = outcome
                    failures.update(outcome.failures)
                    if memo is not None:
                        memo.keep("first", outcome)
                done_count += sum(1 for o in batch if not isinstance(o, _Parent))
                if progress is not None:
                    progress(done_count, total)
            # in the files' order, whichever came from the cache
            tree = _Tree(known[f] for f in files)
            for level in tree.parent_levels():
                work = []
                for p in level:
                    children = tree.children_results(p.id)
                    cached = None if memo is None else memo.final(p.file, children, as_of)
                    if cached is not None:
                        tree.add(cached)
                        done_count += 1
                    else:
                        work.append((p.file, children))
                for batch in runner.map(_assess_parents, _chunks(work, jobs), as_of):
                    for outcome in batch:
                        failures.update(outcome.failures)
                        tree.add(outcome)
                        if memo is not None:
                            memo.keep("final", outcome)
                    done_count += len(batch)
                    if progress is not None:
                        progress(done_count, total)
                if progress is not None and not work and level:
                    progress(done_count, total)
        if memo is not None:
            memo.save()
    finally:
        if store is not None:
            store.close()

    langs = Counter(tree.langs)
    lang = "vi"
    if langs:
        top = max(langs.values())
        lang = "vi" if langs["vi"] == top else min(k for k, v in langs.items() if v == top)
    return Rollup(
        as_of=as_of,
        entries=tuple(tree.entries()),
        errors=tuple(sorted(tree.errors, key=lambda e: (e.code, e.ids, e.files))),
        failures=tuple(sorted(failures, key=lambda f: (f.name, f.stage, f.error))),
        lang=lang,
        files=total,
        catalogs=main_pm.catalogs(),
        unreadable=tree.unreadable(),
    )


class _Memo:
    """The roll-up's side of the cache (:mod:`venue_ready._cache`): per event file, its state
    and its journal's as found at the start, the outcomes still valid at the moment, and what
    to store once the roll-up is done. Only the main process reads and writes it."""

    def __init__(
        self,
        store: Any,
        files: Sequence[str],
        block: Sequence[str],
        extra: Sequence[str],
        strict: bool,
    ) -> None:
        from ._cache import environment_key, file_state
        from .journal import default_journal_name

        assert _PM is not None
        env = environment_key(_PM, block, extra, strict)
        self.store = store
        self.keys = {f: _key(env, f) for f in files}
        found = store.get(list(self.keys.values()))
        self.entries: dict[str, dict[str, Any]] = {}
        self.states: dict[str, tuple[Any, list[Any]]] = {}
        self.changed: dict[str, dict[str, Any]] = {}
        self.digests: dict[str, str | None] = {}
        for f in files:
            old = found.get(self.keys[f], {})
            state = file_state(f, old.get("file"))
            journal = default_journal_name(f)
            before = old.get("journal")
            if not (isinstance(before, list) and len(before) == len(_JOURNAL_FILES)):
                before = [None] * len(_JOURNAL_FILES)
            states = _journal_states(journal, before)
            self.states[f] = (state, states)
            if state is not None and self._same(old, state, states):
                self.entries[f] = old
                if old.get("file") != state or old.get("journal") != states:
                    # touched, not changed: keep the new times, so the next run trusts them
                    self.changed[f] = {**old, "file": state, "journal": states}

    @staticmethod
    def _same(old: Any, state: Any, states: list[Any]) -> bool:
        from ._cache import same_state

        return (
            isinstance(old, dict)
            and same_state(state, old.get("file"))
            and same_state(states, old.get("journal"))
        )

    def first(self, as_of: datetime) -> dict[str, _Outcome]:
        """The files whose first pass (loaded, and assessed when not a parent) the cache
        answers at ``as_of``, with their outcomes."""
        from ._cache import valid_at

        out: dict[str, _Outcome] = {}
        for f, entry in self.entries.items():
            record = entry.get("first")
            if valid_at(record, as_of):
                assert isinstance(record, dict)
                try:
                    out[f] = _decode(record.get("out"), f)
                except (ValueError, TypeError, KeyError):
                    continue
        return out

    def final(
        self, file: str, children: Mapping[str, SubeventResult], as_of: datetime
    ) -> _Done | None:
        """A parent's outcome, when the cache has it for these children's results at
        ``as_of``."""
        from ._cache import valid_at

        digest = _children_digest(children)
        self.digests[file] = digest
        entry = self.entries.get(file)
        record = None if entry is None else entry.get("final")
        if digest is None or not valid_at(record, as_of):
            return None
        assert isinstance(record, dict)
        if record.get("kids") != digest:
            return None
        try:
            found = _decode(record.get("out"), file)
        except (ValueError, TypeError, KeyError):
            return None
        return found if isinstance(found, _Done) else None

    def keep(self, kind: str, outcome: _Outcome) -> None:
        """Store ``outcome`` (``first`` or ``final`` pass) once the roll-up is done."""
        if isinstance(outcome, _Broken) or outcome.memo is None:
            return
        f = outcome.file
        state, states = self.states.get(f, (None, []))
        if state is None:
            return
        record = dict(outcome.memo)
        if kind == "final":
            digest = self.digests.get(f)
            if digest is None:
                return
            record["kids"] = digest
        entry = self.changed.get(f) or self.entries.get(f) or {"file": state, "journal": states}
        entry = {**entry, "file": state, "journal": states, kind: record}
        self.entries[f] = self.changed[f] = entry

    def save(self) -> None:
        """Store what changed, for the files that did not change since they were read (a
        file saved during the roll-up is read again next time)."""
        values = {}
        for f, entry in self.changed.items():
            state = self.states[f][0]
            try:
                info = os.stat(f)
            except OSError:
                continue
            now = (info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino)
            if state is None or now != (
                state["size"],
                state["mtime"],
                state["ctime"],
                state["ino"],
            ):
                continue
            values[self.keys[f]] = entry
        self.store.put(values)


#: The files of a journal whose bytes say what it holds: the sqlite file and its companions.
_JOURNAL_FILES = ("", "-wal", "-journal")


def _journal_states(journal: str, before: Sequence[Any]) -> list[Any]:
    """The states of a journal's files (:data:`_JOURNAL_FILES`); without the journal itself,
    the others do not count (the roll-up reads none), and are not looked at."""
    from ._cache import file_state

    first = file_state(journal, before[0])
    if first is None:
        return [None] * len(_JOURNAL_FILES)
    rest = [
        file_state(journal + suffix, known)
        for suffix, known in zip(_JOURNAL_FILES[1:], before[1:], strict=True)
    ]
    return [first, *rest]


def _key(env: str, file: str) -> str:
    """An event file's key in the cache: the code and settings, and the file's absolute path
    (however it is named, ``./a.toml`` or ``ward/../ward/a.toml``, by ``check`` or by a roll-up
    of its folder, it is one file; through a link, another key: a miss, never a wrong hit,
    as the entry's bytes are checked)."""
    import hashlib

    return hashlib.sha256(f"{env}\0{os.path.abspath(file)}".encode()).hexdigest()[:40]


def remember(
    file: str,
    report: Report,
    pm: PluginManager,
    *,
    folder: str,
    journal: str,
    started_ns: int,
    block: Sequence[str] = (),
    extra: Sequence[str] = (),
    strict: bool = False,
) -> None:
    """Keep in the cache in ``folder`` what ``venue-ready check`` found for ``file`` (assessed
    in ``report``, with ``pm``), for the next roll-up, when it is exactly what a roll-up would
    find: an event without a journal (none at ``journal``) nor a ``subevents`` area, and no
    plugin failed. A file
    changed since shortly before ``started_ns`` (when the command started, ``time.time_ns()``)
    is not kept: its bytes now may not be the ones assessed. Nothing happens when the cache
    cannot be used."""
    from ._cache import RACY_NS, Store, environment_key, file_state

    event = report.event
    if event.area(SUBEVENTS_AREA) is not None or report.failures or pm.failures:
        return
    # ``journal``: the file's journal's name (the caller knows it: the journal package is not
    # imported for an event without one)
    states = _journal_states(journal, [None] * len(_JOURNAL_FILES))
    state = file_state(file)
    if state is None or any(s is not None for s in states):
        return
    if max(state["mtime"], state["ctime"]) > started_ns - RACY_NS:
        return
    result = SubeventResult.from_report(report)
    done = _Done(file, result, event.lang, (), RollupBlocker.of(report, result))
    memo = _memo(done, report, ())
    if memo is None:
        return
    store = Store.open(folder)
    if store is None:
        return
    try:
        key = _key(environment_key(pm, block, extra, strict), file)
        entry = {"file": state, "journal": states, "first": memo}
        store.put({key: entry})
    finally:
        store.close()


def _children_digest(children: Mapping[str, SubeventResult]) -> str:
    """What a parent's assessment reads of its children, hashed (in their order); None when
    a result cannot be encoded."""
    import hashlib

    # repr shows every field of a result exactly (floats as they are, times with their zone):
    # equal texts, equal results
    digest = hashlib.sha256()
    for key, result in children.items():
        digest.update(f"{key!r}\0{result!r}\n".encode())
    return digest.hexdigest()


def pages(
    rollup: Rollup,
    entries: Iterable[RollupEntry],
    lang: str,
    *,
    fmt: str = "html",
    jobs: int = 1,
    block: Sequence[str] = (),
    extra: Sequence[str] = (),
    strict: bool = False,
    journals: str | None = None,
) -> Iterator[tuple[RollupEntry, str | None]]:
    """Each of ``entries``' own report in format ``fmt`` (through
    :meth:`Report.render <venue_ready.Report.render>`), in ``lang``, in the order given.

    The roll-up keeps no Report, so each event is loaded and assessed again as the roll-up did
    it (its journal as it stood at the roll-up's moment, a parent with its children's results):
    only for the entries asked for, and only when pages are asked for. An event whose file no
    longer gives the roll-up's figures (it changed in between) gets None, never a page that
    disagrees with the roll-up. ``jobs``, ``block``, ``extra``, ``strict`` and ``journals`` as
    for :func:`roll_up`.
    """
    by_id = {e.result.id: e for e in rollup.entries}
    chosen = list(entries)
    work = []
    for entry in chosen:
        children = {c: by_id[c].result for c in entry.children if c in by_id}
        for child in rollup.unreadable.get(entry.result.id, ()):
            children.setdefault(child.id, child)
        work.append((entry.file, children, entry.result, fmt, lang))
    if _PM is None:
        _init(block, extra, strict, journals)
    global _JOURNALS  # noqa: PLW0603 - the same journals as the roll-up
    _JOURNALS = journals
    jobs = max(1, min(jobs, len(work) or 1, os.cpu_count() or 1))
    done = iter(chosen)
    with _Runner(jobs, block, extra, strict, journals) as runner:
        for batch in runner.map(_render_pages, _chunks(work, jobs), rollup.as_of):
            for text in batch:
                yield next(done), text


def _render_pages(
    jobs: Sequence[tuple[str, Mapping[str, SubeventResult], SubeventResult, str, str]],
    as_of: datetime,
) -> list[str | None]:
    """Load, assess and render events again, each as the roll-up did (see :func:`pages`)."""
    from ._assessment import assess

    out: list[str | None] = []
    for file, children, expected, fmt, lang in jobs:
        pm = _fresh()
        event = _load(file, as_of)
        if isinstance(event, _Broken):
            out.append(None)
            continue
        subevents = children if event.area(SUBEVENTS_AREA) is not None else None
        report = assess(event, as_of, pm, subevents=subevents)
        if SubeventResult.from_report(report) != expected:
            out.append(None)  # changed since the roll-up read it
            continue
        page = report.render(fmt, lang, plugins=pm)
        if not isinstance(page, str):  # the pages are HTML: a binary format has no page here
            raise TypeError(f"format {fmt!r} gives bytes, not a page")
        out.append(page)
    return out


def _chunks(items: Sequence[Any], jobs: int) -> list[list[Any]]:
    # Small enough to keep every process busy to the end, big enough to amortise the pickling.
    size = max(1, min(CHUNK, len(items) // (jobs * 4) or 1))
    return [list(items[i : i + size]) for i in range(0, len(items), size)]


def _file_of(job: Any) -> str:
    """The event file of a job: a file name, or a parent's (file, children) pair."""
    return job if isinstance(job, str) else str(job[0])


class WorkerLost(RuntimeError):
    """A worker process of a roll-up with ``jobs`` > 1 ended abruptly: killed by the system
    (the out-of-memory killer), or by a plugin that ended its own process. The roll-up is not
    complete, and is not retried in one process, where the same cause would end the caller.

    :attr:`files` are the event files of the work that was lost, in order; :attr:`suspects`,
    those that were in work when it happened (at most one batch a worker): the file at fault is
    one of them, which one cannot be known, as the process that ran it is gone.
    """

    def __init__(self, files: Sequence[str], suspects: Sequence[str] | None = None) -> None:
        #: The event files whose work was lost.
        self.files = tuple(files)
        #: The files in work when the worker ended: the one at fault among them.
        self.suspects = tuple(self.files if suspects is None else suspects)
        super().__init__(
            "a roll-up worker process ended abruptly while working on one of "
            + ", ".join(self.suspects)
        )


class _Runner:
    """Runs a function over chunks, in this process (jobs == 1) or in a process pool, and
    yields the results in the order of the chunks. The pool is started at the first work
    given: a roll-up that the cache answers whole starts none."""

    def __init__(
        self,
        jobs: int,
        block: Sequence[str],
        extra: Sequence[str],
        strict: bool,
        journals: str | None = None,
        *,
        caching: bool = False,
    ):
        self.jobs = jobs
        self.args = (tuple(block), tuple(extra), strict, journals, caching)
        self.pool: Any = None

    def __enter__(self) -> _Runner:
        return self

    def _start(self) -> None:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        methods = multiprocessing.get_all_start_methods()
        # fork is fast and this process has no threads; elsewhere, spawn.
        context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
        self.pool = ProcessPoolExecutor(
            max_workers=self.jobs, mp_context=context, initializer=_init, initargs=self.args
        )

    def __exit__(self, *exc: object) -> None:
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)

    def map(
        self,
        function: Callable[[Any, datetime], list[_T]],
        chunks: list[list[Any]],
        as_of: datetime,
    ) -> Iterator[list[_T]]:
        if self.jobs > 1 and self.pool is None and chunks:
            self._start()
        if self.pool is None:
            for chunk in chunks:
                yield function(chunk, as_of)
            return
        from concurrent.futures.process import BrokenProcessPool

        futures = [self.pool.submit(function, chunk, as_of) for chunk in chunks]
        for index, future in enumerate(futures):
            # in order: the results must not depend on timing
            try:
                result = future.result()
            except BrokenProcessPool:
                # a worker was SIGKILLed: a traceback and exit 1 before (#11). Which worker is
                # not known: every chunk the broken pool failed is lost work, the first named
                # being the first in order, not necessarily the one at fault.
                lost = [
                    [_file_of(job) for job in chunk]
                    for chunk, later in zip(chunks[index:], futures[index:], strict=True)
                    if isinstance(later.exception(), BrokenProcessPool)
                ]
                # workers take chunks in order, so the ones in work were the first lost ones,
                # at most one a worker: the file at fault is in those
                suspects = [file for chunk in lost[: self.jobs] for file in chunk]
                raise WorkerLost([f for chunk in lost for f in chunk], suspects) from None
            yield result


class _Tree:
    """The parent links of the loaded events, and the errors found in them."""

    def __init__(self, outcomes: Iterable[_Outcome]) -> None:
        self.errors: list[RollupError] = []
        self.broken_children: dict[str, list[_Broken]] = {}
        self.langs: list[str] = []
        self.done: dict[str, _Done] = {}
        self.parents: dict[str, _Parent] = {}
        by_id: dict[str, list[_Done | _Parent]] = {}
        for outcome in outcomes:
            if isinstance(outcome, _Broken):
                self._broken(outcome)
                continue
            self.langs.append(outcome.lang)
            key = outcome.result.id if isinstance(outcome, _Done) else outcome.id
            by_id.setdefault(key, []).append(outcome)
        duplicated = set()
        for key, found in by_id.items():
            if len(found) > 1:
                duplicated.add(key)
                self.errors.append(
                    RollupError(
                        "rollup.duplicate-id",
                        ids=(key,),
                        files=tuple(sorted(o.file for o in found)),
                    )
                )
                continue
            only = found[0]
            if isinstance(only, _Done):
                self.done[key] = only
            else:
                self.parents[key] = only
        self.link: dict[str, str | None] = {k: _parent_of(v) for k, v in self._nodes().items()}
        self._check_links(duplicated)

    def _nodes(self) -> dict[str, _Done | _Parent]:
        return {**self.done, **self.parents}

    def _broken(self, outcome: _Broken) -> None:
        self.errors.append(
            RollupError("rollup.broken-file", files=(outcome.file,), problems=outcome.problems)
        )
        if outcome.id is not None and outcome.parent is not None:
            # its parent must not look better for it: it counts as a child it cannot judge
            self.broken_children.setdefault(outcome.parent, []).append(outcome)

    def _check_links(self, duplicated: set[str]) -> None:
        missing: dict[str, list[str]] = {}
        orphaned: dict[str, list[str]] = {}  # children of a parent that cannot be rolled up
        for key, parent in self.link.items():
            if parent is not None and parent not in self.link:
                if parent not in duplicated:
                    missing.setdefault(parent, []).append(key)
                else:
                    orphaned.setdefault(parent, []).append(key)
                self.link[key] = None  # rolled up as a root
        for parent, children in missing.items():
            self.errors.append(
                RollupError("rollup.missing-parent", ids=tuple(sorted(children)), parent=parent)
            )
        # Cycles: follow each chain of links; a chain that comes back to itself is a cycle.
        state: dict[str, int] = {}  # 1: on the current chain, 2: settled
        for start in sorted(self.link):
            chain: list[str] = []
            node: str | None = start
            while node is not None and state.get(node, 0) == 0:
                state[node] = 1
                chain.append(node)
                node = self.link[node]
            if node is not None and state.get(node) == 1:
                cycle = chain[chain.index(node) :]
                turn = cycle.index(min(cycle))  # start at the smallest id: deterministic
                cycle = cycle[turn:] + cycle[:turn]
                self.errors.append(RollupError("rollup.cycle", ids=(*cycle, cycle[0])))
                for member in cycle:
                    self.done.pop(member, None)
                    self.parents.pop(member, None)
            for member in chain:
                state[member] = 2
        kept = self._nodes()
        for key, parent in self.link.items():
            if key in kept and parent is not None and parent not in kept:  # a cycle's member
                orphaned.setdefault(parent, []).append(key)
        for parent, children in sorted(orphaned.items()):
            self.errors.append(
                RollupError("rollup.orphaned", ids=tuple(sorted(children)), parent=parent)
            )
        self.link = {k: (p if p in kept else None) for k, p in self.link.items() if k in kept}
        self.children: dict[str, list[str]] = {}
        for key in sorted(self.link):
            parent = self.link[key]
            if parent is not None:
                self.children.setdefault(parent, []).append(key)
        for parent, children in sorted(self.children.items()):
            if parent in self.done:
                # linked, but its file has no [areas.subevents]: its score does not count them,
                # which nobody should find out from a "ready" beside a list of unheld cells
                self.errors.append(
                    RollupError("rollup.children-not-counted", ids=tuple(children), parent=parent)
                )

    def parent_levels(self) -> list[list[_Parent]]:
        """The parents in rounds: each round's children are all assessed by the rounds before."""
        height: dict[str, int] = {}

        def measure(key: str) -> int:
            # iterative: a district of thousands of levels must not hit the recursion limit
            stack = [key]
            while stack:
                top = stack[-1]
                pending = [
                    c for c in self.children.get(top, ()) if c in self.parents and c not in height
                ]
                if pending:
                    stack.extend(pending)
                    continue
                stack.pop()
                height[top] = 1 + max(
                    (height[c] for c in self.children.get(top, ()) if c in self.parents),
                    default=0,
                )
            return height[key]

        rounds: dict[int, list[_Parent]] = {}
        for key in sorted(self.parents):
            rounds.setdefault(measure(key), []).append(self.parents[key])
        return [rounds[h] for h in sorted(rounds)]

    def children_results(self, key: str) -> dict[str, SubeventResult]:
        """The results of ``key``'s children that could be assessed (by id)."""
        out = {}
        for child in self.children.get(key, ()):
            done = self.done.get(child)
            if done is not None:
                out[child] = done.result
        for broken in self.broken_children.get(key, ()):
            assert broken.id is not None
            out.setdefault(
                broken.id, SubeventResult.unreadable(broken.id, key, os.path.basename(broken.file))
            )
        return out

    def unreadable(self) -> dict[str, tuple[SubeventResult, ...]]:
        """Per parent, the children it counted as unreadable (:meth:`children_results`)."""
        out: dict[str, tuple[SubeventResult, ...]] = {}
        for parent in self.broken_children:
            found = self.children_results(parent)
            broken = tuple(r for r in found.values() if r.broken)
            if broken:
                out[parent] = broken
        return out

    def add(self, outcome: _Outcome) -> None:
        """Record a parent's outcome."""
        if isinstance(outcome, _Done):
            key = outcome.result.id
            if key in self.parents:
                self.done[key] = outcome
                return
            # the file changed between the two passes: its id is not the one linked
            self.errors.append(
                RollupError("rollup.changed-file", ids=(key,), files=(outcome.file,))
            )
        elif isinstance(outcome, _Broken):
            self._broken(outcome)

    def entries(self) -> Iterator[RollupEntry]:
        """Tree order: roots by id, each followed by its descendants, depth first."""
        roots = sorted(k for k, p in self.link.items() if p is None)
        stack = [(k, 0) for k in reversed(roots)]
        while stack:
            key, depth = stack.pop()
            children = self.children.get(key, [])
            done = self.done.get(key)
            if done is not None:
                yield RollupEntry(done.result, done.file, depth, tuple(children), done.blocker)
            stack.extend((c, depth + 1) for c in reversed(children))


def _parent_of(outcome: _Done | _Parent) -> str | None:
    return outcome.result.parent if isinstance(outcome, _Done) else outcome.parent
