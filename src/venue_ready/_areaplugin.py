"""An area plugin made from its parts: an :class:`AreaSpec`, a settings parser and its rules.

Every area plugin does the same things around its own logic: it names its area in
``venue_ready_areas``, validates the area's settings with the same parse function its
``venue_ready_assess`` uses, answers only for its own area, and raises when an event built in
code has settings that a loaded one could not have. :func:`area_plugin` does those things once::

    from venue_ready import AreaSpec, area_plugin

    _plugin = area_plugin(
        AreaSpec(key="catering", title_vi="Hậu cần", title_en="Catering", messages=MESSAGES),
        settings="venue_ready_catering.settings:parse",  # (settings, event) -> (config, problems)
        rules="venue_ready_catering.rules:assess",  # (config, event, area, as_of) -> Findings
    )
    venue_ready_areas = _plugin.venue_ready_areas
    venue_ready_assess = _plugin.venue_ready_assess

A plugin package laid out the usual way (``settings.py``, ``rules.py``, ``template.py``,
``messages.py``) names only its package, and unpacks the two hooks::

    venue_ready_areas, venue_ready_assess = area_plugin(
        AreaSpec(key="catering", title_vi="Hậu cần", title_en="Catering"), package=__name__
    )

The module stays the plugin (its entry point, ``-p no:NAME`` and the test kit see the module);
its two hooks are the factory's. A ``"module:name"`` string is imported on first use, not with
the plugin: every command loads every plugin, and most events use only some of the areas.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import attrs

from ._hookspecs import hookimpl
from ._readonly import freeze

if TYPE_CHECKING:
    from ._errors import Problem
    from ._model import AreaPlan, AreaSpec, Event, Finding

__all__ = ["AreaPlugin", "ParseSettings", "Rules", "applies_to", "area_plugin", "rule_kinds"]

_F = TypeVar("_F", bound=Callable[..., Any])

#: ``(settings, event) -> (config, problems)``: reads an area's settings table, never raises.
#: ``event`` is None when a validator is called without one.
ParseSettings = Callable[["Mapping[str, Any]", "Event | None"], "tuple[Any, Iterable[Problem]]"]
#: ``(config, event, area, as_of) -> Findings``: the area's derived Findings, from the parsed
#: settings. Pure: no I/O, no clock, the same Findings in the same order for the same input.
Rules = Callable[[Any, "Event", "AreaPlan", datetime], "Iterable[Finding]"]
#: Where :func:`applies_to` keeps a rule's kinds.
_KINDS_ATTRIBUTE = "__venue_ready_kinds__"


def applies_to(*kinds: str) -> Callable[[_F], _F]:
    """Declare the kinds of event a rule applies to: ``@applies_to("party-congress",
    "congress")`` above a rule function. A rule that does not apply to an event's kind is not
    run for it (it is neither a Finding nor "not assessed"); a rule without the decorator
    applies to every kind. The kinds are keys of :class:`~venue_ready.EventKind` (the core's,
    or a plugin's)."""
    if not kinds or not all(isinstance(k, str) and k for k in kinds):
        raise TypeError(f"applies_to takes one or more kind keys, got {kinds!r}")

    def mark(rule: _F) -> _F:
        setattr(rule, _KINDS_ATTRIBUTE, frozenset(kinds))
        return rule

    return mark


def rule_kinds(rule: object) -> frozenset[str] | None:
    """The kinds ``rule`` applies to (:func:`applies_to`), or None: every kind."""
    kinds = getattr(rule, _KINDS_ATTRIBUTE, None)
    return kinds if isinstance(kinds, frozenset) else None


def _applies(rule: object, kind: str) -> bool:
    kinds = rule_kinds(rule)
    return kinds is None or kind in kinds


#: ``(event, area) -> subject ids``: what the area takes journal entries about.
JournalSubjectsOf = Callable[["Event", "AreaPlan"], Iterable[str]]


#: What a plugin package holds by convention, for ``area_plugin(..., package=__name__)``: the
#: parser, the rules, and the spec's data where the spec leaves it empty.
_SETTINGS, _RULES = ".settings:parse", ".rules:assess"
_SPEC_DATA = (
    ("template", ".template:TEMPLATE"),
    ("settings_example", ".template:SETTINGS_EXAMPLE"),
    ("messages", ".messages:MESSAGES"),
)


def _absolute(ref: str | _F, package: str | None) -> str | _F:
    """``ref``, with a ``".module:name"`` made absolute against ``package``."""
    if isinstance(ref, str) and ref.startswith("."):
        if package is None:
            raise ValueError(f"{ref!r} is relative: give area_plugin package=__name__")
        return package + ref
    return ref


def _import(ref: str) -> Any:
    """The object a ``"module:name"`` reference names, imported now."""
    from importlib import import_module

    module, _, name = ref.partition(":")
    return getattr(import_module(module), name)


def _import_if_there(ref: str) -> Any:
    """The object a ``"module:name"`` reference names, or None when the module or the name is
    not there (a plugin need not have every conventional file). A module that is there but
    fails to import still raises."""
    from importlib import import_module

    module, _, name = ref.partition(":")
    try:
        found = import_module(module)
    except ModuleNotFoundError as exc:
        if exc.name != module:
            raise
        return None
    return getattr(found, name, None)


class _Lazy(Generic[_F]):
    """A function, or a ``"module:name"`` reference to one that is imported on first call."""

    def __init__(self, ref: str | _F) -> None:
        if isinstance(ref, str):
            module, sep, name = ref.partition(":")
            if not (module and sep and name):
                raise ValueError(f"expected 'module:name', got {ref!r}")
        elif not callable(ref):
            raise TypeError(f"expected a function or 'module:name', got {type(ref).__name__}")
        self._ref = ref
        self._function: _F | None = None if isinstance(ref, str) else ref

    def get(self) -> _F:
        if self._function is None:
            assert isinstance(self._ref, str)
            function: _F = _import(self._ref)
            self._function = function
        return self._function

    def __call__(self, *args: Any) -> Any:
        return self.get()(*args)


class AreaPlugin:
    """The hooks of one area plugin; made by :func:`area_plugin`, registered through its module.

    :meth:`venue_ready_areas` and :meth:`venue_ready_assess` are hook implementations: put them
    in the plugin's module under those names (unpacking the plugin gives the two, in that
    order). :meth:`parse` and :meth:`validate` are the settings parser and validator, for the
    plugin's own tests.
    """

    def __init__(
        self,
        spec: AreaSpec,
        settings: str | ParseSettings | None,
        rules: str | Rules | Sequence[Rules] | None,
        journal_subjects: str | JournalSubjectsOf | None = None,
        package: str | None = None,
    ) -> None:
        if spec.validate_settings is not None:
            raise TypeError("area_plugin makes validate_settings from settings=; leave it out")
        if journal_subjects is not None and spec.journal_subjects is not None:
            raise TypeError("give journal_subjects to area_plugin or to the AreaSpec, not both")
        if package is None and (settings is None or rules is None):
            raise TypeError("area_plugin needs settings= and rules=, or package=")
        self.key = spec.key
        self._package = package
        self._settings: _Lazy[ParseSettings] = _Lazy(_absolute(settings or _SETTINGS, package))
        self._rules: _Lazy[Rules] | tuple[Rules, ...]
        if isinstance(rules, Sequence) and not isinstance(rules, str):
            if not rules or not all(callable(rule) for rule in rules):
                raise TypeError(
                    "rules= takes a function, a sequence of functions, or 'module:name'"
                )
            self._rules = tuple(rules)
        else:
            self._rules = _Lazy(_absolute(rules or _RULES, package))
        if journal_subjects is not None:
            subjects = _Lazy(_absolute(journal_subjects, package))
            spec = attrs.evolve(spec, journal_subjects=subjects)
        self._given = attrs.evolve(spec, validate_settings=self.validate)
        self._spec: AreaSpec | None = None
        # the last parse, for the same event's same settings: loading validates an area's
        # settings and assessing parses them again, and parsing is pure
        self._last: tuple[weakref.ref[Event], Mapping[str, Any], Any, tuple[Problem, ...]] | None
        self._last = None

    def __repr__(self) -> str:
        return f"<area plugin {self.key!r}>"

    def __iter__(self) -> Iterator[Callable[..., Any]]:
        """The two hooks, ``venue_ready_areas`` then ``venue_ready_assess``, to unpack into
        the plugin's module."""
        return iter((self.venue_ready_areas, self.venue_ready_assess))

    @property
    def spec(self) -> AreaSpec:
        """The area's spec, its settings validator filled in; with ``package``, its template,
        settings example and messages too where the spec left them empty (imported now)."""
        if self._spec is None:
            spec = self._given
            if self._package is not None:
                # only what the spec left empty, and only from the files the package has
                data = {
                    name: _import_if_there(self._package + ref)
                    for name, ref in _SPEC_DATA
                    if not getattr(spec, name)
                }
                spec = attrs.evolve(spec, **{k: v for k, v in data.items() if v is not None})
            self._spec = spec
        return self._spec

    def parse(self, settings: Mapping[str, Any], event: Event | None) -> tuple[Any, list[Problem]]:
        """The parsed settings and every problem found in them; never raises. The same event's
        equal settings are parsed once (the parser is pure: a settings class is frozen)."""
        last = self._last
        if last is not None and event is not None and last[0]() is event and last[1] == settings:
            return last[2], list(last[3])
        config, found = self._settings.get()(settings, event)
        problems = tuple(found)
        if event is not None:
            # frozen (a copy only of a table not frozen yet): one changed since cannot match
            self._last = (weakref.ref(event), freeze(settings), config, problems)
        return config, list(problems)

    def rules(self) -> tuple[Rules, ...]:
        """The area's rules, in the order they run (a ``"module:name"`` is imported now; one
        that names a sequence gives its rules)."""
        if isinstance(self._rules, tuple):
            return self._rules
        found: Any = self._rules.get()
        if callable(found):
            return (found,)
        if isinstance(found, Sequence) and found and all(callable(rule) for rule in found):
            return tuple(found)
        raise TypeError(f"{self._rules._ref!r} names neither a rule nor a sequence of rules")

    def settings_class(self) -> type | None:
        """The attrs class the area's settings are declared with, when the plugin follows the
        package layout (``settings.Config``, read by :func:`~venue_ready.read_settings`): the
        schema of the event file (``venue-ready schema``) describes the table from it. None
        when the plugin reads its settings otherwise. Imports the settings module."""
        if self._package is None:
            return None
        found = _import_if_there(self._package + ".settings:Config")
        return found if isinstance(found, type) and attrs.has(found) else None

    def validate(self, settings: Mapping[str, Any], event: Event | None) -> list[Problem]:
        """The area's settings validator: the problems of ``[areas.KEY.settings]``."""
        return self.parse(settings, event)[1]

    @hookimpl
    def venue_ready_areas(self) -> list[AreaSpec]:
        """The plugin's one area."""
        return [self.spec]

    @hookimpl
    def venue_ready_assess(
        self, event: Event, area: AreaPlan, as_of: datetime
    ) -> list[Finding] | None:
        """The area's derived Findings (None for any other area).

        Raises ValueError naming every problem when the settings are invalid: only an event
        built in code gets here with such settings, a loaded one was validated.
        """
        if area.key != self.key:
            return None
        config, problems = self.parse(area.settings, event)
        if problems:
            listed = "; ".join(p.render("en", self.spec.messages) for p in problems)
            raise ValueError(f"invalid [areas.{self.key}.settings]: {listed}")
        return [
            finding
            for rule in self.rules()
            if _applies(rule, event.kind)
            for finding in rule(config, event, area, as_of)
        ]


def area_plugin(
    spec: AreaSpec,
    *,
    settings: str | ParseSettings | None = None,
    rules: str | Rules | Sequence[Rules] | None = None,
    journal_subjects: str | JournalSubjectsOf | None = None,
    package: str | None = None,
) -> AreaPlugin:
    """The hooks of an area plugin: ``spec`` (without ``validate_settings``), read with
    ``settings`` and assessed with ``rules``.

    :param spec: the area: key, titles, default weight, template, messages, settings example
        (and ``journal_subjects``, unless given below).
    :param settings: ``(settings, event) -> (config, problems)``, or ``"module:name"`` of one,
        imported on first use. It serves as the area's settings validator too.
    :param rules: ``(config, event, area, as_of) -> Findings``, a sequence of such rules run in
        order, or ``"module:name"`` of either. A rule marked with :func:`applies_to` runs only
        for an event of one of its kinds.
    :param journal_subjects: ``(event, area) -> subject ids``, or ``"module:name"`` of one:
        what the area takes journal entries about.
    :param package: the plugin's package (``__name__`` in its ``__init__``), laid out the usual
        way: ``settings`` defaults to ``.settings:parse`` and ``rules`` to ``.rules:assess``, a
        ``".module:name"`` reference is relative to it, and the spec's empty ``template``,
        ``settings_example`` and ``messages`` are ``.template:TEMPLATE``,
        ``.template:SETTINGS_EXAMPLE`` and ``.messages:MESSAGES``, imported when the area is
        first asked for (``venue_ready_areas``), not with the plugin.

    Put the result's ``venue_ready_areas`` and ``venue_ready_assess`` in the plugin's module,
    by name or by unpacking it: ``venue_ready_areas, venue_ready_assess = area_plugin(...)``.
    """
    return AreaPlugin(spec, settings, rules, journal_subjects, package)
