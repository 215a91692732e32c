"""Test helpers for plugin authors: plugin managers, events, assessments and a conformance check.

Import them from here, or use them as pytest fixtures: venue_ready installs a pytest plugin
(``venue_ready.pytest_plugin``) whose fixtures return these functions::

    def test_my_plugin_conforms(venue_ready_check_plugin):
        venue_ready_check_plugin(my_plugin)

    from venue_ready.testing import check_plugin  # or without pytest

- :func:`plugin_manager` builds a plugin manager holding only the plugins a test names (and the
  core ``checklist`` plugin): installed third-party plugins never leak into a test.
- :func:`make_event` builds an :class:`~venue_ready.Event` from TOML text or from keyword
  arguments, with defaults for everything a test does not care about.
- :func:`assess_area` assesses an event and returns one area's Findings, failing loudly when
  the area came out ``error``.
- :func:`check_plugin` checks a plugin against the rules every plugin must keep, and raises
  :class:`PluginConformanceError` naming the plugin and the rule it breaks. :data:`RULES` lists
  the rules.

This module is public (see "API stability" in docs/plugins.md), though not part of
``venue_ready.__all__``. It does not import pytest.
"""

from __future__ import annotations

import math
import re
import reprlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from ._errors import LoadError, Problem
from ._model import AreaPlan, AreaSpec, Event, Finding, Item
from ._values import suggest

if TYPE_CHECKING:
    import pluggy

    from ._plugins import PluginManager

_T = TypeVar("_T")

__all__ = [
    "RULES",
    "PluginConformanceError",
    "assess_area",
    "check_plugin",
    "make_event",
    "plugin_manager",
]

#: The rules :func:`check_plugin` checks, by id, each with what it requires.
RULES: dict[str, str] = {
    "plugin-fails": (
        "the plugin registers, implements only known hooks, and its hooks neither raise nor "
        "return something else than documented on the events of the check"
    ),
    "area-key-taken": "no area key it provides is provided by another plugin, or twice by it",
    "titles": "every area and template item has a non-blank title in Vietnamese and English",
    "template": (
        "template items have lead_days >= 0 and a finite weight >= 0, and the event file built "
        "from the templates loads"
    ),
    "validator-raises": (
        "the settings validator returns a list of Problem for any input, never raises"
    ),
    "validator-rejects-example": "the settings validator accepts the area's settings_example",
    "finding-range": "every Finding's credit is within 0..1 and its weight finite and >= 0",
    "foreign-area": (
        "Findings only for areas the plugin provides, each with the area's key (a policy plugin, "
        "VENUE_READY_POLICY = True, may add Findings to any area)"
    ),
    "hook-options": (
        "no hook implementation asks for tryfirst, trylast, wrapper or hookwrapper: venue_ready "
        "calls hooks one plugin at a time, in registration order, and refuses such a plugin"
    ),
    "slow": (
        "no hook call takes longer than the slow-plugin threshold "
        "(VENUE_READY_SLOW_PLUGIN_SECONDS, 2 s by default)"
    ),
    "not-deterministic": (
        "the same event (or a freshly loaded copy of it) at the same moment gives the same "
        "Findings, in the same order"
    ),
    "unknown-kind": (
        "every kind a rule applies to (@applies_to) and every kind of a template item is one the "
        "core or the plugins know: a misspelt kind would silently never run"
    ),
}

#: The name of the event :func:`make_event` builds when it is given no name.
DEFAULT_NAME = "Đại hội Đảng bộ phường Thử lần thứ I, nhiệm kỳ 2020 - 2025"
#: How long the event :func:`make_event` builds lasts when it is given no end.
DEFAULT_LENGTH = timedelta(hours=9, minutes=30)
_SOURCE = "<make_event>"
_FOREIGN_KEY = "conformance-foreign-area"

_repr = reprlib.Repr()
_repr.maxstring = 60
_repr.maxother = 60


class PluginConformanceError(AssertionError):
    """A plugin breaks one of the rules of :func:`check_plugin`.

    ``plugin`` is the plugin's name, ``rule`` the rule's id (a key of :data:`RULES`) and
    ``detail`` what is wrong; the message reads "plugin 'NAME' breaks rule RULE: DETAIL".
    """

    def __init__(self, plugin: str, rule: str, detail: str) -> None:
        self.plugin = plugin
        self.rule = rule
        self.detail = detail
        super().__init__(f"plugin '{plugin}' breaks rule {rule}: {detail}")

    def __reduce__(self) -> tuple[type[PluginConformanceError], tuple[str, str, str]]:
        return type(self), (self.plugin, self.rule, self.detail)


# -- plugin managers ---------------------------------------------------------------------------


def plugin_manager(*plugins: object | str, builtins: bool = True) -> PluginManager:
    """A plugin manager holding only ``plugins`` (and, with ``builtins``, the core ``checklist``).

    A string names a plugin by its entry-point name in the ``venue_ready`` group (``"checklist"``,
    ``"security"``, or an installed third-party plugin's), else an importable module, registered
    under that name. Any other object (a module, a class, an instance) is registered under its
    ``__name__``, or its class's name. No other installed plugin is loaded, whatever the
    environment says. A name that is neither an entry point nor a module raises
    :class:`LookupError`; a plugin that pluggy refuses, or with a misspelled hook, is recorded in
    ``failures`` as :func:`venue_ready.get_plugin_manager` would record it.
    """
    from ._plugins import PluginManager, _env_flag, _trace_to_stderr

    trace = _trace_to_stderr if _env_flag("VENUE_READY_TRACE_PLUGINS") else None
    pm = PluginManager(trace=trace)
    wanted: list[object | str] = ["checklist", *plugins] if builtins else list(plugins)
    for plugin in wanted:
        _add(pm, plugin)
    pm.check_hooks()
    return pm


def _add(pm: PluginManager, plugin: object | str) -> str:
    """Register ``plugin`` in ``pm`` unless it is there already; return its name there."""
    if isinstance(plugin, str):
        if pm.has_plugin(plugin):
            return plugin
        obj, name, dist, version = _resolve(plugin)
    else:
        obj, name, dist, version = plugin, _name_of(plugin), None, None
    if pm.pluggy.is_registered(obj):
        return pm.pluggy.get_name(obj) or name
    if pm.has_plugin(name):
        raise ValueError(f"another plugin is already registered under the name {name!r}")
    pm.register_plugin(obj, name, dist, version)
    return name


def _name_of(plugin: object) -> str:
    name = getattr(plugin, "__name__", None)
    return name if isinstance(name, str) else type(plugin).__name__


def _resolve(name: str) -> tuple[object, str, str | None, str | None]:
    """(plugin, name, distribution, version) for a plugin named by entry point or module."""
    import importlib

    from ._plugins import BUILTIN_PLUGINS, _dist_of, _entry_points

    for ep in _entry_points():
        if ep.name == name:
            return ep.load(), name, *_dist_of(ep)
    if name in BUILTIN_PLUGINS:  # a source tree that was never installed
        from ._version import __version__

        return importlib.import_module(BUILTIN_PLUGINS[name]), name, "venue-ready", __version__
    try:
        return importlib.import_module(name), name, None, None
    except ModuleNotFoundError as exc:
        if exc.name != name and not name.startswith(f"{exc.name}."):
            raise  # the module exists but imports something missing
        known = ", ".join(sorted({ep.name for ep in _entry_points()} | set(BUILTIN_PLUGINS)))
        raise LookupError(
            f"no venue_ready plugin (entry point) nor module named {name!r} "
            f"(the installed plugins: {known})"
        ) from None


def _own_plugins() -> PluginManager:
    """venue_ready's own plugins (the checklist and the congress areas), no third party's."""
    from ._plugins import get_plugin_manager

    return get_plugin_manager(autoload=False)


# -- events ------------------------------------------------------------------------------------


def make_event(
    toml: str | None = None, *, plugins: PluginManager | None = None, **fields: Any
) -> Event:
    """An event for a test, from TOML text or from keyword arguments.

    From text, it is loaded with :func:`venue_ready.loads` (a missing ``schema = 1`` is added),
    and a bad file raises :class:`~venue_ready.LoadError` as it would for a user. From keyword
    arguments, it is built in code: any :class:`~venue_ready.Event` field, with the defaults
    ``id="test-event"``, ``name=DEFAULT_NAME``, ``starts`` 2020-05-15 07:30 in Asia/Ho_Chi_Minh
    and ``ends`` 9 h 30 later (17:00 the same day). ``areas`` may hold
    :class:`~venue_ready.AreaPlan`\\ s or area keys, or map area keys to a settings table (or an
    AreaPlan).

    :param plugins: the plugin manager whose areas and settings validators apply (for an event
        built in code, its settings are validated too, and problems raise LoadError); by
        default, venue_ready's own plugins when loading text, no validation in code.
    """
    if toml is not None:
        if fields:
            raise TypeError("make_event takes TOML text or keyword arguments, not both")
        from ._loading import loads

        pm = plugins if plugins is not None else _own_plugins()
        return loads(_with_schema(toml), source=_SOURCE, plugins=pm)
    event = _event_in_code(fields)
    if plugins is not None:
        _validate_in_code(event, plugins)
    return event


def _with_schema(text: str) -> str:
    import tomli

    try:
        data = tomli.loads(text)
    except ValueError:
        return text  # the loader reports the syntax error, on the lines the author wrote
    return text if "schema" in data else "schema = 1\n" + text


def _event_in_code(fields: dict[str, Any]) -> Event:
    from ._dates import get_zone

    fields.setdefault("id", "test-event")
    fields.setdefault("name", DEFAULT_NAME)
    tz = get_zone(fields.get("timezone", "Asia/Ho_Chi_Minh"))
    starts = fields.setdefault("starts", datetime(2020, 5, 15, 7, 30, tzinfo=tz))
    if "ends" not in fields and isinstance(starts, datetime):
        fields["ends"] = starts + DEFAULT_LENGTH
    fields["areas"] = _areas(fields.get("areas", ()))
    return Event(**fields)


def _areas(value: object) -> tuple[AreaPlan, ...]:
    if isinstance(value, AreaPlan | str):
        value = [value]
    if isinstance(value, Mapping):
        plans = []
        for key, plan in value.items():
            if isinstance(plan, AreaPlan):
                plans.append(plan)
            else:
                plans.append(AreaPlan(key=key, settings=plan or {}))
        return tuple(plans)
    if not isinstance(value, Iterable):
        raise TypeError(f"areas: expected AreaPlans, area keys or a mapping, got {value!r}")
    return tuple(AreaPlan(key=v) if isinstance(v, str) else v for v in value)


def _validate_in_code(event: Event, plugins: PluginManager) -> None:
    specs = plugins.area_specs()
    problems: list[Problem] = []
    for plan in event.areas:
        spec = specs.get(plan.key)
        if spec is None or spec.validate_settings is None:
            continue
        problems += [
            Problem(("areas", plan.key, "settings", *p.path), p.message, _SOURCE)
            for p in spec.validate_settings(plan.settings, event)
        ]
    if problems:
        raise LoadError(problems, plugins.catalogs(), event.lang)


# -- assessing ---------------------------------------------------------------------------------


def assess_area(
    event: Event, key: str, *, plugins: PluginManager, as_of: datetime | None = None
) -> list[Finding]:
    """The Findings of area ``key`` when ``event`` is assessed with ``plugins``.

    ``as_of`` is the moment of the assessment, by default the event's start (never the clock: a
    test must not depend on the day it runs). Raises AssertionError, with the area's error
    messages, when the area came out ``error`` (a plugin failed), and when the event has no
    area ``key``.
    """
    from ._assessment import assess
    from ._model import AreaStatus

    report = assess(event, as_of=event.starts if as_of is None else as_of, plugins=plugins)
    area = report.area(key)
    if area is None:
        known = ", ".join(a.key for a in report.areas) or "none"
        raise AssertionError(f"the event has no area {key!r} (its areas: {known})")
    if area.status is AreaStatus.ERROR:
        errors = "; ".join(report.translate(m, "en") for m in area.errors)
        raise AssertionError(f"area {key!r} came out error: {errors}")
    return list(area.findings)


# -- the conformance check ---------------------------------------------------------------------


class _Checker:
    """One run of :func:`check_plugin`: the plugin, its manager, and the rules in order."""

    def __init__(self, pm: PluginManager, name: str) -> None:
        self.pm = pm
        self.name = name
        self.plugin = pm.get_plugin(name)
        self.policy = getattr(self.plugin, "VENUE_READY_POLICY", False) is True
        self.own_keys: set[str] = set()

    def fail(self, rule: str, detail: str) -> PluginConformanceError:
        return PluginConformanceError(self.name, rule, detail)

    def impls(self, hook: str) -> list[pluggy.HookImpl]:
        caller = getattr(self.pm.hook, hook, None)
        if caller is None:
            return []
        return [impl for impl in caller.get_hookimpls() if impl.plugin_name == self.name]

    def call(self, hook: str, **kwargs: Any) -> list[Any]:
        """The results of the plugin's own implementations of ``hook``; raising is a fault."""
        results = []
        for impl in self.impls(hook):
            try:
                results.append(self.pm.call_impl(impl, hook, kwargs))
            except Exception as exc:
                where = _where(kwargs)
                raise self.fail("plugin-fails", f"{hook}{where} raised {_error(exc)}") from exc
        return results

    # -- registration and areas -----------------------------------------------------------------

    def check_registration(self) -> None:
        asked = self.pm.unsupported.get(self.name)
        if asked:
            raise self.fail(
                "hook-options",
                f"it asks for {', '.join(asked)}, which venue_ready does not honour (hooks are "
                "called one plugin at a time, in registration order)",
            )
        for failure in self.pm.failures:
            if failure.name == self.name and failure.stage in ("import", "register", "hooks"):
                raise self.fail("plugin-fails", f"{failure.stage}: {failure.error}")
        for hook_name, caller in vars(self.pm.hook).items():
            if hook_name.startswith("_") or caller.has_spec():
                continue
            for impl in caller.get_hookimpls():
                if impl.plugin_name == self.name and not impl.optionalhook:
                    raise self.fail("plugin-fails", f"unknown hook {hook_name!r}")

    def check_kinds(self, specs: list[AreaSpec]) -> None:
        """The kinds its rules and template items name are known kinds."""
        from ._areaplugin import AreaPlugin, rule_kinds

        known = self.pm.event_kinds()
        named: list[tuple[str, str]] = []
        for impl in self.pm.hook.venue_ready_assess.get_hookimpls():
            owner = getattr(impl.function, "__self__", None)
            if impl.plugin_name == self.name and isinstance(owner, AreaPlugin):
                try:
                    rules = owner.rules()
                except Exception as exc:  # a rules= reference to something else than rules
                    raise self.fail("plugin-fails", f"its rules: {_error(exc)}") from exc
                for rule in rules:
                    where = f"rule {getattr(rule, '__qualname__', rule)!r}"
                    named += [(where, kind) for kind in sorted(rule_kinds(rule) or ())]
        for spec in specs:
            for item in spec.template:
                where = f"template item {item.id!r} of area {spec.key!r}"
                named += [(where, kind) for kind in item.kinds]
        for where, kind in named:
            if kind not in known:
                hint = suggest(kind, known)
                also = f" (did you mean {hint!r}?)" if hint else ""
                raise self.fail(
                    "unknown-kind",
                    f"{where} names the kind {kind!r}{also}, which no plugin knows; known "
                    f"kinds: {', '.join(known)}",
                )

    def own_specs(self) -> list[AreaSpec]:
        specs: list[AreaSpec] = []
        for result in self.call("venue_ready_areas"):
            if result is not None:
                specs += self.list_of(AreaSpec, result, "venue_ready_areas")
        return specs

    def list_of(self, kind: type[_T], result: object, where: str) -> list[_T]:
        """``result``, what the hook ``where`` returned, when it is a list (or a tuple) of
        ``kind``; else a ``plugin-fails`` failure saying what it was."""
        expected = kind.__name__
        if not isinstance(result, list | tuple):
            raise self.fail(
                "plugin-fails",
                f"{where} returned {type(result).__name__}, expected a list of {expected}",
            )
        for element in result:
            if not isinstance(element, kind):
                raise self.fail(
                    "plugin-fails",
                    f"{where} returned a list holding {type(element).__name__}, "
                    f"expected only {expected}",
                )
        return list(result)

    def check_keys(self, specs: list[AreaSpec]) -> None:
        mine: set[str] = set()
        for spec in specs:
            if spec.key in mine:
                raise self.fail("area-key-taken", f"it provides area {spec.key!r} twice")
            mine.add(spec.key)
        for other, result, exc in self.pm.call_each("venue_ready_areas"):
            if other == self.name or exc is not None or not isinstance(result, list | tuple):
                continue
            for spec in result:
                if isinstance(spec, AreaSpec) and spec.key in mine:
                    raise self.fail(
                        "area-key-taken",
                        f"area {spec.key!r} is already provided by plugin {other!r}",
                    )

    def check_template_builds(self, specs: list[AreaSpec]) -> None:
        # a template given as a function is built on first reading: here, not mid-way in init
        for spec in specs:
            try:
                spec.template  # noqa: B018 - read to build it
            except Exception as exc:
                raise self.fail(
                    "template", f"area {spec.key!r}: its template: {_error(exc)}"
                ) from exc

    def check_titles(self, specs: list[AreaSpec]) -> None:
        for spec in specs:
            for lang in ("vi", "en"):
                if not _text(getattr(spec, f"title_{lang}", None)):
                    raise self.fail("titles", f"area {spec.key!r}: title_{lang} is empty or blank")
            for item in spec.template:
                for lang in ("vi", "en"):
                    if not _text(getattr(item, f"title_{lang}", None)):
                        raise self.fail(
                            "titles",
                            f"template item {item.id!r} of area {spec.key!r}: title_{lang} is "
                            "empty or blank",
                        )

    def check_template(self, specs: list[AreaSpec]) -> None:
        for spec in specs:
            for item in spec.template:
                where = f"template item {item.id!r} of area {spec.key!r}"
                lead = item.lead_days
                if lead is not None and (
                    isinstance(lead, bool) or not isinstance(lead, int) or lead < 0
                ):
                    raise self.fail("template", f"{where}: lead_days is {lead!r}, not >= 0")
                if not _finite_at_least_zero(item.weight):
                    raise self.fail(
                        "template", f"{where}: weight is {item.weight!r}, not finite and >= 0"
                    )

    # -- settings -------------------------------------------------------------------------------

    def check_validator(self, spec: AreaSpec, event: Event | None) -> None:
        validate = spec.validate_settings
        if validate is None:
            return
        for settings in _bad_settings(_example_bases(spec)):
            try:
                result = validate(settings, event)  # type: ignore[arg-type]  # on purpose
            except Exception as exc:
                raise self.fail(
                    "validator-raises",
                    f"the settings validator of area {spec.key!r} raised {_error(exc)} on "
                    f"settings {_repr.repr(settings)} (event: {_event_name(event)})",
                ) from exc
            wrong = _not_problems(result)
            if wrong is not None:
                raise self.fail(
                    "validator-raises",
                    f"the settings validator of area {spec.key!r} returned {wrong} on settings "
                    f"{_repr.repr(settings)} (event: {_event_name(event)}), expected a list of "
                    "Problem",
                )

    def check_example_parses(self, spec: AreaSpec) -> None:
        import tomli

        try:
            _parse_example(spec.key, spec.settings_example)
        except tomli.TOMLDecodeError as exc:
            raise self.fail(
                "validator-rejects-example",
                f"the settings_example of area {spec.key!r} is not valid TOML: {exc}",
            ) from None

    def load(self, text: str, specs: list[AreaSpec]) -> Event:
        from ._loading import loads

        failures_before = len(self.pm.failures)
        try:
            event = loads(text, source="<check_plugin>", plugins=self.pm)
        except LoadError as err:
            keys = {spec.key for spec in specs}
            for problem in err.problems:
                path = problem.path
                if path[:1] == ("areas",) and path[2:3] == ("settings",) and path[1] in keys:
                    raise self.fail(
                        "validator-rejects-example",
                        f"area {path[1]!r} rejects its own settings_example: "
                        + problem.render("en", err.catalogs),
                    ) from None
            listed = "; ".join(p.render("en", err.catalogs) for p in err.problems)
            raise self.fail(
                "template", f"the event file built from its templates does not load: {listed}"
            ) from None
        for failure in self.pm.failures[failures_before:]:
            if failure.name == self.name:
                rule = (
                    "validator-raises" if failure.stage == "validate_settings" else "plugin-fails"
                )
                raise self.fail(
                    rule, f"{failure.stage}, loading its own example event: {failure.error}"
                )
        return event

    # -- assessing ------------------------------------------------------------------------------

    def findings(self, event: Event, as_of: datetime) -> list[tuple[str, list[Finding]]]:
        """The plugin's own Findings for every area of ``event``, checked for range and area."""
        out: list[tuple[str, list[Finding]]] = []
        own = self.own_keys
        for plan in event.areas:
            found: list[Finding] = []
            for result in self.call("venue_ready_assess", event=event, area=plan, as_of=as_of):
                if result is None:
                    continue
                where = f"venue_ready_assess(area {plan.key!r}, as of {as_of.isoformat()})"
                for finding in self.list_of(Finding, result, where):
                    self.check_range(finding, where)
                    if finding.area != plan.key:
                        raise self.fail(
                            "foreign-area",
                            f"{where} returned Finding {finding.code} for area {finding.area!r}",
                        )
                found += result
            if found and plan.key not in own and not self.policy:
                raise self.fail(
                    "foreign-area",
                    f"it returned {len(found)} Finding(s) ({found[0].code}, ...) for area "
                    f"{plan.key!r}, which it does not provide (a policy plugin that adds "
                    "Findings to every area says so with VENUE_READY_POLICY = True)",
                )
            out.append((plan.key, found))
        return out

    def check_range(self, finding: Finding, where: str) -> None:
        what = f"{where}: Finding {finding.code} ({finding.subject})"
        credit, weight = finding.credit, finding.weight
        if not _number(credit) or not 0.0 <= credit <= 1.0:
            raise self.fail("finding-range", f"{what} has credit {credit!r}, outside 0..1")
        if not _finite_at_least_zero(weight):
            raise self.fail("finding-range", f"{what} has weight {weight!r}, not finite and >= 0")

    def check_speed(self) -> None:
        """Every hook call of the plugin during the check within the slow-plugin threshold."""
        for plugin, hook, key, seconds in self.pm.slow_calls:
            if plugin == self.name:
                where = f"(area {key!r})" if key else "()"
                raise self.fail(
                    "slow",
                    f"{hook}{where} took {seconds:.2f} s, more than {self.pm.slow_seconds:g} s",
                )

    def check_report(self, event: Event, as_of: datetime) -> None:
        """The whole assessment, for what only it runs (policies' adjust_report)."""
        from ._assessment import assess

        report = assess(event, as_of=as_of, plugins=self.pm)
        for failure in report.failures:
            if failure.name == self.name:
                raise self.fail(
                    "plugin-fails", f"{failure.stage} as of {as_of.isoformat()}: {failure.error}"
                )


def check_plugin(
    plugin: object | str,
    *,
    plugins: PluginManager | None = None,
    as_of: datetime | None = None,
) -> None:
    """Check that ``plugin`` keeps the rules every venue_ready plugin must keep.

    :param plugin: the plugin: a module, class or instance, or a name as
        :func:`plugin_manager` takes it.
    :param plugins: the plugin manager to check it in; it is registered there if it is not
        already. By default, venue_ready's own plugins (the checklist and the congress areas),
        and no third party's.
    :param as_of: a moment to assess at, besides a month before the event built for the check,
        a day before, at its start and after its end.

    The check builds an event file from the plugin's own areas (their templates and settings
    examples, with ``scaffold.new_event_file``), loads it, and assesses it, as it is and as an
    event of every kind the plugins know (:class:`~venue_ready.EventKind`). Raises
    :class:`PluginConformanceError` with the plugin's name and the id of the first rule it
    breaks (:data:`RULES`); returns None when it keeps them all.
    """
    pm = plugins if plugins is not None else _own_plugins()
    try:
        name = _add(pm, plugin)
    except (LookupError, ValueError):
        raise  # the test names no plugin, or two plugins by one name: not the plugin's fault
    except Exception as exc:  # it fails to import
        raise PluginConformanceError(str(plugin), "plugin-fails", f"import: {_error(exc)}") from exc
    checker = _Checker(pm, name)
    checker.check_registration()

    specs = checker.own_specs()
    checker.own_keys = {spec.key for spec in specs}
    checker.check_keys(specs)
    checker.check_template_builds(specs)
    checker.check_titles(specs)
    checker.check_template(specs)
    checker.check_kinds(specs)
    for spec in specs:
        checker.check_validator(spec, None)
        checker.check_example_parses(spec)

    text = _event_text(specs, pm, checker)
    event = checker.load(text, specs)
    for spec in specs:
        checker.check_validator(spec, event)

    foreign = _foreign_plans(pm, event)
    probe = _with_areas(event, foreign)
    fresh = _with_areas(checker.load(text, specs), foreign)
    moments = [
        event.starts - timedelta(days=30),
        event.starts - timedelta(days=1),
        event.starts,
        event.ends + timedelta(days=1),
    ]
    if as_of is not None:
        moments.append(as_of if as_of.tzinfo is not None else as_of.replace(tzinfo=event.tz))
    for moment in moments:
        first = checker.findings(probe, moment)
        for again, how in (
            (checker.findings(probe, moment), "the same event"),
            (checker.findings(fresh, moment), "a freshly loaded copy of the same event"),
        ):
            if again != first:
                raise checker.fail("not-deterministic", _difference(first, again, moment, how))
        checker.check_report(event, moment)
    # every kind of event the core and the plugins know: a rule meant for another kind may
    # be skipped, never crash or return a Finding out of range
    for kind in pm.event_kinds():
        other = attrs.evolve(probe, kind=kind, form=None, organiser=None)
        for moment in (event.starts - timedelta(days=1), event.ends + timedelta(days=1)):
            checker.findings(other, moment)
    checker.check_speed()


def _event_text(specs: list[AreaSpec], pm: PluginManager, checker: _Checker) -> str:
    """The check's event file: the plugin's areas and the checklist's ``general`` area, whose
    items the plugin is asked about too (and which gives a plugin without areas an event)."""
    from ._dates import get_zone
    from ._scaffold import new_event_file

    used = list(specs)
    general = pm.area_specs().get("general")
    if general is not None and all(spec.key != "general" for spec in used):
        used.append(general)
    tz = get_zone("Asia/Ho_Chi_Minh")
    try:
        text = new_event_file(
            used,
            starts=datetime(2020, 5, 15, 7, 30, tzinfo=tz),
            event_id="conformance-check",
            name=DEFAULT_NAME,
        )
    except (OverflowError, ValueError) as exc:
        raise checker.fail(
            "template", f"no event file can be built from its templates: {_error(exc)}"
        ) from exc
    return text if used else text + "\n[areas]\n"


def _foreign_plans(pm: PluginManager, event: Event) -> list[AreaPlan]:
    """Plans for the areas the event lacks: the other plugins' and one nobody provides."""
    present = {plan.key for plan in event.areas}
    keys = [k for k in sorted(pm.area_specs()) if k not in present] + [_FOREIGN_KEY]
    return [
        AreaPlan(key=key, items=(Item(id=f"conformance.{key}", title="Conformance check"),))
        for key in keys
    ]


def _with_areas(event: Event, plans: Sequence[AreaPlan]) -> Event:
    import attrs

    return attrs.evolve(event, areas=(*event.areas, *plans))


def _difference(
    first: list[tuple[str, list[Finding]]],
    again: list[tuple[str, list[Finding]]],
    moment: datetime,
    how: str,
) -> str:
    for (key, a), (_, b) in zip(first, again, strict=True):
        if a != b:
            for index, (x, y) in enumerate(zip(a, b, strict=False)):
                if x != y:
                    return (
                        f"assessing {how} as of {moment.isoformat()} gave different Findings "
                        f"for area {key!r}: #{index} was {_repr.repr(x)}, then {_repr.repr(y)}"
                    )
            return (
                f"assessing {how} as of {moment.isoformat()} gave {len(a)}, then {len(b)} "
                f"Findings for area {key!r}"
            )
    return f"assessing {how} as of {moment.isoformat()} gave different Findings"


# -- bad settings ------------------------------------------------------------------------------

_UTC = UTC
#: Values no settings table should hold, for every key the example shows.
_GARBAGE: tuple[object, ...] = (
    42,
    -1,
    "x",
    "",
    [],
    {},
    None,
    True,
    10**30,
    -(10**30),
    float("nan"),
    float("inf"),
    datetime(9999, 12, 31, 23, 59, 59, tzinfo=_UTC),
    datetime(1, 1, 1, tzinfo=_UTC),
    datetime(2020, 5, 15, 7, 30),
    date(9999, 12, 31),
    date(1, 1, 1),
    time(7, 30),
    [None, 1, "x", [], {}],
    {"unknown_key": 1, 2: "two"},
)
#: Whole settings values: not a table, unknown keys, keys that are not strings, deep nesting.
_WHOLE: tuple[object, ...] = (
    42,
    "x",
    [],
    None,
    3.5,
    {"unknown_key": 1},
    {1: "x"},
    {None: None},
    {("a", 1): 1},
    {"": []},
    {"a": {"b": {"c": [[{"d": [None, {1: float("nan")}]}]]}}},
    {"x": 10**100, "y": -(10**100), "z": float("nan")},
)


def _parse_example(key: str, example: str) -> dict[str, Any]:
    """The settings table ``example`` writes, read the way the event file reads it."""
    import tomli

    from ._scaffold import toml_string

    data = tomli.loads(f"[areas.{toml_string(key)}.settings]\n{example}")
    settings: dict[str, Any] = data["areas"][key]["settings"]
    return settings


def _example_bases(spec: AreaSpec) -> list[dict[str, Any]]:
    """The example's settings, and the example with its commented-out settings put back, where
    they parse: they show the keys and tables the plain example leaves out."""
    import tomli

    try:
        base = _parse_example(spec.key, spec.settings_example)
    except tomli.TOMLDecodeError:
        return [{}]
    richer = _uncommented(spec.key, spec.settings_example)
    return [base] if richer is None or richer == base else [base, richer]


_COMMENTED_SETTING = re.compile(r"^\s*#\s?(\s*(\[\[?[\w.\-\"]+\]\]?|[A-Za-z_][\w.\-]*\s*=).*)$")
_COMMENT = re.compile(r"^\s*#\s?")


def _uncommented(key: str, example: str) -> dict[str, Any] | None:
    """The example with each commented-out line that reads as a setting (or a table header)
    put back, with the lines its value goes on over, as long as the whole still parses."""
    import tomli

    lines = example.splitlines()
    kept = list(lines)
    index = 0
    while index < len(lines):
        if _COMMENTED_SETTING.match(lines[index]):
            for span in range(1, 9):  # a value may go on over a few lines: an array, a table
                if index + span > len(lines):
                    break
                block = [_COMMENT.sub("", line, count=1) for line in lines[index : index + span]]
                trial = [*kept[:index], *block, *kept[index + span :]]
                try:
                    _parse_example(key, "\n".join(trial))
                except tomli.TOMLDecodeError:
                    continue
                kept = trial
                index += span - 1
                break
        index += 1
    if kept == lines:
        return None
    return _parse_example(key, "\n".join(kept))


def _bad_settings(bases: list[dict[str, Any]]) -> Iterator[object]:
    """Settings tables no validator may raise on: garbage in place of the whole table, of each
    value the example shows, and of each field of its tables (the first of an array's)."""
    yield from _WHOLE
    for base in bases:
        yield dict.fromkeys(base, 42)
        for path in _paths(base):
            for garbage in _GARBAGE:
                yield _replaced(base, path, garbage)
            value = _at(base, path)
            yield _replaced(base, path, [[value]])
            if isinstance(value, list):
                yield _replaced(base, path, [*value, *_GARBAGE])


def _paths(value: object, prefix: tuple[str | int, ...] = ()) -> Iterator[tuple[str | int, ...]]:
    """The key paths into ``value``: its keys, and its tables' keys, nested (arrays of tables:
    the first table's)."""
    if len(prefix) > 6:
        return
    if isinstance(value, dict):
        for key, inner in value.items():
            yield (*prefix, key)
            yield from _paths(inner, (*prefix, key))
    elif isinstance(value, list):
        tables = [index for index, inner in enumerate(value) if isinstance(inner, dict)]
        if tables:
            yield from _paths(value[tables[0]], (*prefix, tables[0]))


def _at(value: Any, path: tuple[str | int, ...]) -> Any:
    for part in path:
        value = value[part]
    return value


def _replaced(value: Any, path: tuple[str | int, ...], new: object) -> Any:
    """A copy of ``value`` with ``new`` at ``path``."""
    if not path:
        return new
    head, rest = path[0], path[1:]
    if isinstance(value, dict):
        return {**value, head: _replaced(value[head], rest, new)}
    copy = list(value)
    copy[head] = _replaced(value[head], rest, new)  # type: ignore[index]
    return copy


def _not_problems(result: object) -> str | None:
    if not isinstance(result, list):
        return type(result).__name__
    for entry in result:
        if not isinstance(entry, Problem):
            return f"a list holding {type(entry).__name__}"
    return None


# -- small helpers -----------------------------------------------------------------------------


def _text(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _finite_at_least_zero(value: object) -> bool:
    return _number(value) and 0 <= value < math.inf  # type: ignore[operator]


def _error(exc: BaseException) -> str:
    text = str(exc)
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _event_name(event: Event | None) -> str:
    return "None" if event is None else repr(event.id)


def _where(kwargs: Mapping[str, Any]) -> str:
    area, as_of = kwargs.get("area"), kwargs.get("as_of")
    if area is None:
        return ""
    moment = f", as of {as_of.isoformat()}" if isinstance(as_of, datetime) else ""
    return f"(area {getattr(area, 'key', area)!r}{moment})"
