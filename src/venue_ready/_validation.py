"""The checks an event must pass however it was built: read from a file or made in code.

:class:`EventChecks` holds each check once (a duplicate id, an area no plugin provides, a
``before`` item due after the start, an event too long, an area's settings through its plugin's
validator). The loader calls them while it reads a file, with the file's key paths;
:func:`validate` calls them on a built :class:`~venue_ready.Event`, with key paths relative to
the event (``areas.security.items[0].due``). Both report the same problems in the same words.

:func:`validate` remembers the events it found valid (and the loader those it built), by
identity and for one plugin manager, so that :func:`venue_ready.assess` does not check a loaded
event a second time.
"""

from __future__ import annotations

import weakref
from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from ._errors import LoadError, Problem, format_path, with_catalogs
from ._kinds import DEFAULT_KIND
from ._model import LANGUAGES, Attendance, Event, Item, Phase, Venue
from ._values import MAX_COUNT, MAX_WEIGHT, Path, ValueReader, suggest

if TYPE_CHECKING:
    from ._kinds import EventKind
    from ._model import AreaSpec
    from ._plugins import PluginManager

__all__ = ["MAX_SPAN_DAYS", "EventChecks", "validate"]

#: The longest an event may last, in days: plugins make findings per day of the event.
MAX_SPAN_DAYS = 366

#: The stages a plugin fails at before it has said which areas it provides.
_EARLY_STAGES = frozenset({"import", "register", "areas"})
_KIND_STAGES = frozenset({"import", "register", "kinds"})


def validate(event: Event, *, plugins: PluginManager | None = None) -> list[Problem]:
    """Every problem with ``event``, however it was built: the checks :func:`venue_ready.load`
    makes of a file, run on the model. An empty list means :func:`venue_ready.assess` accepts it.

    The checks: duplicate item ids (across areas), duplicate zone or entrance ids, an area
    planned twice, an area no plugin provides (with "did you mean"), a ``before`` item due after
    the start, an event longer than a year (366 days), the file format's value limits (a weight
    up to 1,000,000, a threshold within 0..100, a text up to 10,000 characters, a count up to
    100,000,000, years within 1900..2200), and every area's ``settings`` through its plugin's
    validator. Each problem carries the plugins' words (``problem.render("en")`` reads as text).
    Each problem's path is relative to the event
    (``areas.security.items[0].due``, ``areas.security.settings.entrances[1]``) and its ``file``
    is None. ``plugins`` is the plugin manager whose areas apply; by default the installed
    plugins. A validator that raises is recorded as that plugin's failure, not as a problem.
    """
    if not isinstance(event, Event):
        raise TypeError(f"validate(event): expected an Event, got {type(event).__name__}")
    plugins = _manager(plugins)
    failed_before = len(plugins.failures)
    checks = EventChecks(None, plugins)
    checks.check_event(event)
    if not checks.problems:
        _remember(event, plugins, failed=len(plugins.failures) > failed_before)
        return []
    return list(with_catalogs(checks.problems, plugins.catalogs()))


def require_valid(event: Event, plugins: PluginManager) -> None:
    """Raise :class:`LoadError` with every problem of ``event`` (see :func:`validate`), unless
    it was found valid for ``plugins`` already (loaded, or validated before)."""
    if _known_valid(event, plugins):
        return
    problems = validate(event, plugins=plugins)
    if problems:
        raise LoadError(problems, plugins.catalogs(), event.lang)


def _manager(plugins: PluginManager | None) -> PluginManager:
    if plugins is None:
        from ._plugins import default_plugin_manager

        return default_plugin_manager()
    return plugins


# -- events known to be valid, by identity ------------------------------------------------------
#
# An Event is frozen, so one found valid stays valid for the same plugin manager. The table is
# keyed by id(event) and holds weak references only: an entry goes when its event does, and a
# reused id is told apart by the reference. (attrs.evolve makes a new Event: it is checked anew.)
# The manager is pluggy's, which the default manager's copies share (default_plugin_manager),
# unless a plugin failed while the event was checked: the failure is recorded on that one
# manager (a copy has its own list), so only that manager may skip the check; another copy must
# check again and meet the failure itself.

_valid: dict[int, tuple[weakref.ref[Event], weakref.ref[Any]]] = {}


def _remember(event: Event, plugins: PluginManager, *, failed: bool = False) -> None:
    key = id(event)
    ref = weakref.ref(event, lambda _ref: _valid.pop(key, None))
    _valid[key] = (ref, weakref.ref(plugins if failed else plugins.pluggy))


def _known_valid(event: Event, plugins: PluginManager) -> bool:
    entry = _valid.get(id(event))
    if entry is None or entry[0]() is not event:
        return False
    manager = entry[1]()
    return manager is plugins.pluggy or manager is plugins


class EventChecks(ValueReader):
    """The event checks, each written once, recording a :class:`Problem` for each failure.

    The loader calls them as it reads (with the file's paths, ``event.ends``), and
    :meth:`check_event` on a built event (paths relative to it, ``ends``). ``source`` names the
    file in problems (None: an event built in code).
    """

    def __init__(self, source: str | None, plugins: PluginManager) -> None:
        super().__init__(source)
        self.plugins = plugins
        self._specs: Mapping[str, AreaSpec] | None = None
        self._kinds: Mapping[str, EventKind] | None = None
        self._item_ids: dict[str, Path] = {}
        self._area_keys: dict[str, Path] = {}

    @property
    def specs(self) -> Mapping[str, AreaSpec]:
        """The areas the plugins provide, by key."""
        if self._specs is None:
            self._specs = self.plugins.area_specs()
        return self._specs

    @property
    def kinds(self) -> Mapping[str, EventKind]:
        """The kinds of event the core and the plugins know, by key."""
        if self._kinds is None:
            self._kinds = self.plugins.event_kinds()
        return self._kinds

    # -- the whole event ------------------------------------------------------------------------

    def check_event(self, event: Event) -> None:
        """Every check, on a built event (paths relative to it)."""
        self.tz = event.tz
        self.event_limits(event)
        if self.event_kind(event.kind, ("kind",)) and event.form is not None:
            self.form_of_kind(event.form, event.kind, ("form",))
        self.span(event.starts, event.ends, ("ends",))
        if event.venue is not None:
            self.venue_limits(event.venue)
            for kind in ("zones", "entrances"):
                seen: dict[str, Path] = {}
                for index, place in enumerate(getattr(event.venue, kind)):
                    self.duplicate_place(seen, place.id, ("venue", kind, index))
        for plan in event.areas:
            where: Path = ("areas", plan.key)
            self.area_key(plan.key, where)
            self.number_limit(plan.weight, (*where, "weight"), 0.0, MAX_WEIGHT)
            for index, item in enumerate(plan.items):
                path: Path = (*where, "items", index)
                self.item_limits(item, path)
                self.item_id(item.id, path)
                self.due(item.due, item.phase, event.starts, path)
        for plan in event.areas:
            self.settings(plan.key, plan.settings, event)

    # -- the file format's value limits, on a built event ---------------------------------------
    #
    # The model's constructors check types and what makes a value meaningless (a negative
    # weight); the limits that keep scoring and rendering cheap and in range (MAX_WEIGHT,
    # MAX_TEXT_LENGTH, MAX_COUNT, the years) are the loader's, and the same methods of
    # ValueReader apply them here, with the same words.

    def texts(self, owner: object, names: tuple[str, ...], path: Path) -> None:
        """The text limit on each of ``owner``'s attributes ``names`` that is a string."""
        for name in names:
            value = getattr(owner, name)
            if isinstance(value, str):
                self.text_limit(value, (*path, name))

    def moments(self, owner: object, names: tuple[str, ...], path: Path) -> None:
        """The year limit on each of ``owner``'s attributes ``names`` that is set."""
        for name in names:
            value = getattr(owner, name)
            if value is not None:
                self.year_limit(value, (*path, name))

    def event_limits(self, event: Event) -> None:
        """The value limits of ``[event]``."""
        self.texts(event, ("id", "name", "kind", "level", "parent"), ())
        self.moments(event, ("starts", "ends", "held_at"), ())
        if event.term is not None:
            self.years_limit(event.term, ("term",))
        if event.delegates_elected is not None:
            self.integer_limit(event.delegates_elected, ("delegates_elected",), 0, MAX_COUNT)
        # participants and expected_delegates are one number under two names: a problem names
        # the one the event was given (the older name only when that is the one written)
        under_old_name = event._expected_delegates is not None  # given under that name
        for name in ("participants", "guests", "staff", "at_once"):
            count = getattr(event.attendance, name)
            if count is not None:
                where: Path = (
                    ("expected_delegates",)
                    if name == "participants" and under_old_name
                    else ("attendance", name)
                )
                self.integer_limit(count, where, 0, MAX_COUNT)
        self.at_once_within(event.attendance, ("attendance", "at_once"))

    def venue_limits(self, venue: Venue) -> None:
        """The value limits of ``[venue]`` and its zones and entrances."""
        self.texts(venue, ("name", "address"), ("venue",))
        if venue.capacity is not None:
            self.integer_limit(venue.capacity, ("venue", "capacity"), 0, MAX_COUNT)
        for kind in ("zones", "entrances"):
            for index, place in enumerate(getattr(venue, kind)):
                self.texts(place, ("id", "name"), ("venue", kind, index))

    def item_limits(self, item: Item, path: Path) -> None:
        """The value limits of one item, its sign-off and its waiver."""
        self.texts(item, ("id", "title", "owner", "requires_signoff", "version", "notes"), path)
        self.moments(item, ("due",), path)
        self.number_limit(item.weight, (*path, "weight"), 0.0, MAX_WEIGHT)
        self.texts_limit(item.evidence, (*path, "evidence"))
        if item.signed_off is not None:
            where: Path = (*path, "signed_off")
            self.texts(item.signed_off, ("by", "version"), where)
            self.moments(item.signed_off, ("at",), where)
        if item.waiver is not None:
            self.texts(item.waiver, ("reason", "approved_by"), (*path, "waiver"))

    # -- one check each -------------------------------------------------------------------------

    def span(self, starts: datetime, ends: datetime, path: Path) -> bool:
        """The event ends after it starts, within :data:`MAX_SPAN_DAYS`; ``path`` is the end's."""
        if ends < starts:
            self.problem(path, "load.ends-before-starts", ends=ends, starts=starts)
            return False
        if ends - starts > timedelta(days=MAX_SPAN_DAYS):
            # A plugin makes findings per day of the event: 50 years made 850 MB (#11)
            self.problem(path, "load.too-long-event", limit=MAX_SPAN_DAYS)
            return False
        return True

    def at_once_within(self, attendance: Attendance, path: Path) -> bool:
        """``attendance.at_once`` (the most present at the same time) is at most its total,
        when both are known; else a problem at ``path``."""
        at_once, total = attendance.at_once, attendance.total
        if at_once is None or total is None or at_once <= total:
            return True
        self.problem(path, "load.at-once-over-total", at_once=at_once, total=total)
        return False

    def event_kind(self, key: str, path: Path) -> bool:
        """``key`` names a kind of event the core or a plugin knows; else a problem at ``path``
        with "did you mean" and the known kinds."""
        if key in self.kinds:
            return True
        hint = suggest(key, self.kinds)
        if hint is None and any(f.stage in _KIND_STAGES for f in self.plugins.failures):
            # a plugin that failed may be the one that adds it (#11: blame the plugin, not the
            # file); its rules cannot run anyway, and the report is inconclusive (exit 3)
            return True
        self.problem(
            path,
            "load.unknown-kind-hint" if hint else "load.unknown-kind",
            kind=key,
            hint=hint or "",
            known=", ".join(self.kinds),
        )
        return False

    def form_of_kind(self, form: str, kind: str | None, path: Path) -> bool:
        """A congress's ``form`` is one its kind can take (a kind without forms takes none)."""
        known = self.kinds.get(kind or DEFAULT_KIND)
        if known is None or form in known.forms:
            return True
        self.problem(path, "load.form-not-for-kind", form=form, kind=known.key)
        return False

    def duplicate_place(self, seen: dict[str, Path], place_id: str, path: Path) -> bool:
        """True (with a problem at ``path``'s ``id``) when ``place_id`` is in ``seen`` already;
        else it is added, at ``path``."""
        first = seen.get(place_id)
        if first is not None:
            self.problem((*path, "id"), "load.duplicate-id", id=place_id, first=format_path(first))
            return True
        seen[place_id] = path
        return False

    def item_id(self, item_id: str, path: Path) -> None:
        """An item id is used once in the whole event (the journal names items by id alone)."""
        first = self._item_ids.get(item_id)
        if first is not None:
            self.problem((*path, "id"), "load.duplicate-item", id=item_id, first=format_path(first))
        else:
            self._item_ids[item_id] = path

    def due(self, due: datetime | None, phase: Phase, starts: datetime | None, path: Path) -> None:
        """A ``before`` item is due by the event's start."""
        if due is not None and starts is not None and phase is Phase.BEFORE and due > starts:
            self.problem((*path, "due"), "load.due-after-start", due=due, starts=starts)

    def area_key(self, key: str, path: Path) -> None:
        """An area is planned once, and some plugin provides it (or the plugins are to blame)."""
        first = self._area_keys.get(key)
        if first is not None:
            self.problem(path, "load.duplicate-area", area=key)
            return
        self._area_keys[key] = path
        # A failed plugin is blamed, not the file (#11), unless the key is a near miss of an
        # area that is there: a typo is still the file's
        if key not in self.specs and not self.plugins_to_blame(key):
            self.unknown_area(path, key)

    def plugins_to_blame(self, key: str) -> bool:
        """True when area ``key`` is missing because of the plugins, not the event: plugins
        claim the key against each other, or some plugin failed before it could say which
        areas it provides (whatever its name) and the key is no near miss of an area that is
        there (a typo stays the event's). Assessment then marks the area ``error``, naming
        them (exit 3)."""
        if self.plugins.contested(key):
            return True
        failed = any(f.stage in _EARLY_STAGES for f in self.plugins.failures)
        return failed and suggest(key, self.specs) is None

    def unknown_area(self, where: Path, key: str) -> None:
        """An area no loaded plugin provides: blocked with ``-p no:NAME``, or a typo."""
        blocked = self.plugins.blocked_names()
        mine = next((n for n in blocked if _normalise_key(n) == _normalise_key(key)), None)
        if mine is not None:
            self.problem(where, "load.blocked-area", area=key, plugin=mine)
            return
        if blocked:
            self.problem(where, "load.unknown-area-blocked", area=key, blocked=", ".join(blocked))
            return
        hint = suggest(key, self.specs)
        self.problem(
            where,
            "load.unknown-area-hint" if hint else "load.unknown-area",
            area=key,
            hint=hint or "",
            known=", ".join(sorted(self.specs)),
        )

    def settings(self, key: str, settings: Mapping[str, Any], event: Event | None) -> None:
        """Area ``key``'s settings through its plugin's validator; ``event`` is the event they
        belong to (None when the file's header is too broken to build one)."""
        spec = self.specs.get(key)
        if spec is None or spec.validate_settings is None:
            return
        base: Path = ("areas", key, "settings")
        try:
            found = list(spec.validate_settings(settings, event))
        except Exception as exc:  # a broken validator is the plugin's fault, not the event's
            self.plugins.record_failure(self.plugins.provider_of(key), "validate_settings", exc)
            return
        for problem in found:
            if not isinstance(problem, Problem):
                self.plugins.record_failure(
                    self.plugins.provider_of(key),
                    "validate_settings",
                    TypeError(f"validator returned {type(problem).__name__}, not Problem"),
                )
                break
            self.problems.append(
                Problem((*base, *problem.path), problem.message, problem.file or self.source)
            )

    def error(self, lang: object = None) -> LoadError:
        """A :class:`LoadError` with the problems found, in the plugins' catalogs."""
        known = lang if lang in LANGUAGES else None
        return LoadError(self.problems, self.plugins.catalogs(), known)


def _normalise_key(name: str) -> str:
    # "venue-ready-catering", "venue_ready_catering" and "catering" all name the catering area
    name = name.lower().replace("-", "_")
    return name.removeprefix("venue_ready_")
