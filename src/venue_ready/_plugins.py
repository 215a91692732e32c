"""Finding, loading and calling plugins.

Builtins (:mod:`venue_ready._builtin`: ``checklist`` and ``subevents``) are registered through
the same entry-point group as third-party plugins, ``venue_ready``, so they are listed and
blocked the same way. A plugin that fails, at import or later, is recorded as a
:class:`PluginFailure` with its name and distribution, and the other plugins carry on;
``strict=True`` raises instead, with the original traceback, for plugin authors debugging their
own code.

Environment:

- ``VENUE_READY_DISABLE_PLUGIN_AUTOLOAD=1``: load no third-party plugin from entry points (the
  builtins of venue_ready itself still load, as pytest's do).
- ``VENUE_READY_LOAD_PLUGINS=dist1,dist2``: load third-party plugins only from these
  distributions; an empty value loads none.
- ``VENUE_READY_TRACE_PLUGINS=1``: print each hook call, with its duration, to stderr.
- ``VENUE_READY_SLOW_PLUGIN_SECONDS=S``: a hook call longer than ``S`` seconds (default 2) prints
  one warning line naming the plugin and the time (:attr:`PluginManager.slow_calls` keeps them).

:func:`get_plugin_manager` reads them each time it builds a manager. The library's functions
given no ``plugins=`` (``assess``, ``load``, ``loads``, ``from_dict``, ``Report.render``) use
:func:`default_plugin_manager`, built once per process and built again when one of these
variables or ``sys.path`` changes.
"""

from __future__ import annotations

import copy
import importlib
import os
import sys
import threading
import types
from collections.abc import Callable, Iterable, Iterator, Mapping
from time import perf_counter
from typing import TYPE_CHECKING, Any

import pluggy

from . import _hookspecs as hookspecs
from ._errors import PluginError, PluginFailure, _error_text
from ._hookspecs import PROJECT_NAME
from ._readonly import freeze

if TYPE_CHECKING:
    from importlib.metadata import EntryPoint

    from ._kinds import EventKind
    from ._model import AreaPlan, AreaSpec, Event, Renderer, TemplateItem

__all__ = [
    "BUILTIN_PLUGINS",
    "PluginFailure",
    "PluginManager",
    "default_plugin_manager",
    "get_plugin_manager",
]

#: The core's own plugins: entry-point name → module. Used directly when venue_ready runs from a
#: source tree that was never installed (so its entry points are not there to be found).
BUILTIN_PLUGINS = {
    "checklist": "venue_ready._builtin.checklist",
    "subevents": "venue_ready._builtin.subevents",
}
_OWN_DISTRIBUTION = "venue-ready"
#: Seconds a hook call may take before it is reported as slow (``VENUE_READY_SLOW_PLUGIN_SECONDS``).
DEFAULT_SLOW_SECONDS = 2.0
#: pluggy's options for the order of a hook call. venue_ready calls every hook implementation by
#: implementation, in registration order (:meth:`PluginManager.call_each`), so it cannot honour
#: them: a plugin asking for one is refused rather than silently called in another order.
UNSUPPORTED_HOOK_OPTIONS = ("tryfirst", "trylast", "wrapper", "hookwrapper")


class _Pluggy(pluggy.PluginManager):
    """pluggy's manager, with a quicker look at a plugin module's names.

    pluggy reads every name of a plugin (``dir(plugin)``) with :func:`inspect.getattr_static`, so
    that no descriptor runs, and takes only functions, bound methods and static or class
    methods. On a module each look costs about 5 µs, and a plugin package's namespace holds
    dozens of names (its imports, its submodules), read twice (when it is registered, and when
    venue_ready checks it for hook options it refuses): about 1.5 % of a ``check``. A plain
    module has no descriptors of its own, so what its ``__dict__`` holds is what pluggy would
    find: a value there that pluggy would not take, or a function without pluggy's marker, is
    skipped at once; everything else is left to pluggy.
    """

    def parse_hookimpl_opts(self, plugin: object, name: str) -> pluggy.HookimplOpts | None:
        if type(plugin) is types.ModuleType:
            value = plugin.__dict__.get(name, _ABSENT)
            if type(value) is types.FunctionType:
                if self.project_name + "_impl" not in value.__dict__:
                    return None
            elif value is not _ABSENT and not isinstance(value, _HOOKABLE):
                return None
        return super().parse_hookimpl_opts(plugin, name)


_ABSENT = object()
#: What pluggy takes for a hook implementation besides a plain function.
_HOOKABLE = (staticmethod, classmethod, types.MethodType)


class PluginManager:
    """venue_ready's plugins: registered, listed, blocked, and called one at a time.

    It remembers the distribution each plugin came from and every :class:`PluginFailure`, caches
    the areas plugins provide and the output formats, and calls a hook's implementations one by
    one so that a fault is pinned on the plugin that raised it. Build one with
    :func:`get_plugin_manager` (the installed plugins) or :func:`venue_ready.testing.plugin_manager`
    (chosen ones, in tests).

    It wraps pluggy's manager rather than being one: its methods are venue_ready's own. pluggy's
    manager is :attr:`pluggy`, for advanced use (``pm.pluggy.get_hookcallers(plugin)``,
    ``pm.pluggy.list_plugin_distinfo()``). venue_ready calls hook implementations itself, one
    at a time (:meth:`call_each`), so pluggy's call monitoring does not see them: trace with
    ``get_plugin_manager(trace=...)`` instead. Registering or blocking through :attr:`pluggy`
    bypasses what venue_ready records (origins, failures, the caches): use
    :meth:`register_plugin` and ``get_plugin_manager(block=...)``.
    """

    def __init__(self, *, strict: bool = False, trace: Callable[[str], None] | None = None) -> None:
        #: pluggy's own plugin manager (project name ``venue_ready``, venue_ready's hookspecs
        #: added), for what this class does not offer. See the class docstring.
        self.pluggy: pluggy.PluginManager = _Pluggy(PROJECT_NAME)
        self.pluggy.add_hookspecs(hookspecs)
        #: Raise at the first plugin failure instead of recording it.
        self.strict = strict
        #: Called with one line per hook call (plugin, hook, area, duration), when set.
        self.call_trace = trace
        self.failures: list[PluginFailure] = []
        self._origins: dict[str, tuple[str | None, str | None]] = {}
        self._specs: dict[str, AreaSpec] | None = None
        self._kinds: dict[str, EventKind] | None = None
        self._providers: dict[str, str] = {}
        self._catalogs: tuple[object, dict[str, dict[str, str]]] | None = None
        self._renderers: dict[str, Renderer] | None = None
        self._contested: dict[str, tuple[str, ...]] = {}
        self._catalog_specs: list[AreaSpec] = []
        #: Plugin name → the hook options it asked for that venue_ready does not honour
        #: (``"venue_ready_assess: tryfirst"``); such a plugin is refused at registration.
        self.unsupported: dict[str, list[str]] = {}
        #: The distributions ``VENUE_READY_LOAD_PLUGINS`` (or ``only=``) names that provide no
        #: venue_ready plugin: a typo, or a package that is not installed.
        self.missing_distributions: list[str] = []
        #: A hook call longer than this many seconds is slow: recorded in :attr:`slow_calls`,
        #: and a warning line goes to :attr:`warn`.
        self.slow_seconds = _slow_threshold()
        #: ``(plugin, hook, area key or "", seconds)`` of every slow hook call.
        self.slow_calls: list[tuple[str, str, str, float]] = []
        #: Where warnings go (one line each), and the language they are written in.
        self.warn: Callable[[str], None] = _trace_to_stderr
        self.warn_lang = "en"
        # True for the per-call copies default_plugin_manager() hands out: their plugins are
        # shared with every other caller, so registering into one is refused.
        self._shared = False

    # -- pluggy's registry, read ----------------------------------------------------------------

    @property
    def hook(self) -> pluggy.HookRelay:
        """pluggy's hook relay: ``pm.hook.venue_ready_areas`` is that hook's caller (its
        ``get_hookimpls()`` lists the implementations, in call order reversed). Calling it
        directly skips venue_ready's fault isolation; :meth:`call_each` keeps it."""
        return self.pluggy.hook

    def has_plugin(self, name: str) -> bool:
        """True when a plugin is registered under ``name``."""
        return self.pluggy.has_plugin(name)

    def get_plugin(self, name: str) -> Any | None:
        """The plugin registered under ``name`` (a module, a class, an instance), or None."""
        return self.pluggy.get_plugin(name)

    def is_blocked(self, name: str) -> bool:
        """True when plugin ``name`` is blocked (``-p no:NAME``, ``get_plugin_manager(block=)``)."""
        return self.pluggy.is_blocked(name)

    # -- registration ---------------------------------------------------------------------------

    def register_plugin(
        self,
        plugin: object,
        name: str,
        distribution: str | None = None,
        version: str | None = None,
    ) -> bool:
        """Register ``plugin`` under ``name``, remembering where it came from.

        Returns False (and records a failure) when pluggy refuses it, for example because a
        hook implementation asks for an argument its spec does not have, or when it asks for a
        hook option venue_ready does not honour (``tryfirst``, ``trylast``, ``wrapper``,
        ``hookwrapper``). A manager
        from :func:`default_plugin_manager` is shared and refuses (:class:`RuntimeError`): build
        your own with :func:`get_plugin_manager` to add plugins.
        """
        if self._shared:
            raise RuntimeError(
                "the default plugin manager is shared by every call made without plugins=; "
                "build your own with venue_ready.get_plugin_manager() and register into that"
            )
        self._origins[name] = (distribution, version)
        asked = self.unsupported_options(plugin)
        if asked:
            self.unsupported[name] = asked
            self.record_failure(
                name,
                "register",
                pluggy.PluginValidationError(
                    plugin,
                    f"hook options venue_ready does not honour: {', '.join(asked)} (hooks are "
                    "called one plugin at a time, in registration order)",
                ),
            )
            return False
        try:
            self.pluggy.register(plugin, name=name)
        except pluggy.PluginValidationError as exc:
            self.record_failure(name, "register", exc)
            return False
        self._specs = None
        self._kinds = None
        self._renderers = None
        return True

    def unsupported_options(self, plugin: object) -> list[str]:
        """The hook options ``plugin`` asks for that venue_ready does not honour, as
        ``"HOOK: OPTION"`` (read the way pluggy reads them when it registers a plugin)."""
        asked: list[str] = []
        for attr in dir(plugin):
            try:
                opts = self.pluggy.parse_hookimpl_opts(plugin, attr)
            except Exception:  # pluggy's own register reports such an attribute
                continue
            if opts:
                asked += [f"{attr}: {o}" for o in UNSUPPORTED_HOOK_OPTIONS if opts.get(o)]
        return asked

    def is_policy(self, name: str) -> bool:
        """True when plugin ``name`` declares itself a policy plugin (``VENUE_READY_POLICY =
        True``): it may add Findings to areas it does not provide, which may only tighten."""
        return getattr(self.get_plugin(name), "VENUE_READY_POLICY", False) is True

    def is_builtin(self, name: str) -> bool:
        """True when plugin ``name`` is one of venue_ready's own (``checklist``, ``subevents``)."""
        module = BUILTIN_PLUGINS.get(name)
        return module is not None and self.get_plugin(name) is sys.modules.get(module)

    def blocked_names(self) -> list[str]:
        """The plugin names blocked (``-p no:NAME``), in the order they were blocked."""
        return [name for name, plugin in self.pluggy.list_name_plugin() if plugin is None]

    def origin(self, name: str) -> tuple[str | None, str | None]:
        """The (distribution, version) plugin ``name`` came from, where known."""
        return self._origins.get(name, (None, None))

    def record_failure(self, name: str, stage: str, exc: BaseException) -> None:
        """Note that plugin ``name`` failed at ``stage``; in strict mode, raise instead."""
        if self.strict:
            raise PluginError(f"plugin {name!r} failed at {stage}: {_error_text(exc)}") from exc
        dist, version = self.origin(name)
        self.failures.append(PluginFailure(name, dist, version, stage, _error_text(exc)))

    def check_hooks(self) -> None:
        """Record every hook implementation that matches no hookspec (a misspelled hook).

        Like pluggy's ``check_pending``, but it names every offending plugin, not only the first.
        """
        for hook_name, caller in vars(self.hook).items():
            if hook_name.startswith("_") or caller.has_spec():
                continue
            for impl in caller.get_hookimpls():
                if not impl.optionalhook:
                    known = ", ".join(sorted(n for n in vars(hookspecs) if n.startswith("venue_")))
                    self.record_failure(
                        impl.plugin_name,
                        "hooks",
                        pluggy.PluginValidationError(
                            impl.plugin,
                            f"unknown hook {hook_name!r} (the hooks are: {known})",
                        ),
                    )

    # -- calling --------------------------------------------------------------------------------

    def call_each(
        self, hook_name: str, **kwargs: Any
    ) -> Iterator[tuple[str, Any, BaseException | None]]:
        """Call every implementation of a hook in registration order, one at a time.

        Yields ``(plugin_name, result, exception)``; exactly one of the last two is meaningful.
        Unlike a plain pluggy hook call, one plugin raising does not hide the others' results.
        """
        caller: pluggy.HookCaller = getattr(self.hook, hook_name)
        for impl in caller.get_hookimpls():
            try:
                result = self.call_impl(impl, hook_name, kwargs)
            except Exception as exc:
                if self.strict:
                    raise
                yield impl.plugin_name, None, exc
            else:
                yield impl.plugin_name, result, None

    def call_impl(self, impl: pluggy.HookImpl, hook_name: str, kwargs: dict[str, Any]) -> Any:
        """Call one hook implementation with the arguments it names (as pluggy does), traced
        when tracing is on. Exceptions propagate."""
        args = [kwargs[name] for name in impl.argnames]
        started = perf_counter()
        try:
            result = impl.function(*args)
        except Exception as exc:
            self._trace(impl.plugin_name, hook_name, kwargs, started, exc)
            raise
        self._trace(impl.plugin_name, hook_name, kwargs, started, None)
        return result

    def _trace(
        self,
        plugin: str,
        hook_name: str,
        kwargs: dict[str, Any],
        started: float,
        exc: BaseException | None,
    ) -> None:
        seconds = perf_counter() - started
        area = kwargs.get("area")
        key = str(getattr(area, "key", area)) if area is not None else ""
        if seconds > self.slow_seconds:
            # A plugin that stalls the whole report should be seen, not guessed at
            from ._i18n import gettext

            self.slow_calls.append((plugin, hook_name, key, seconds))
            self.warn(
                gettext(
                    "plugins.slow-call",
                    self.warn_lang,
                    plugin=plugin,
                    hook=f"{hook_name}({key})",
                    seconds=f"{seconds:.2f}",
                )
            )
        if self.call_trace is None:
            return
        elapsed = seconds * 1000
        where = f"({key})"
        outcome = f" !! {_error_text(exc)}" if exc is not None else ""
        self.call_trace(f"venue_ready trace: {plugin}.{hook_name}{where} {elapsed:.3f} ms{outcome}")

    def area_specs(self) -> dict[str, AreaSpec]:
        """Every area the registered plugins provide, by key (cached until a plugin registers)."""
        if self._specs is not None:
            return self._specs
        from ._model import AreaSpec

        specs: dict[str, AreaSpec] = {}
        providers: dict[str, str] = {}
        claims: dict[str, list[str]] = {}
        well_formed: list[AreaSpec] = []
        for name, result, exc in self.call_each("venue_ready_areas"):
            if exc is not None:
                self.record_failure(name, "areas", exc)
                continue
            if result is None:
                continue
            entries = list(result) if isinstance(result, list | tuple) else [result]
            for spec in entries:
                if not isinstance(spec, AreaSpec):
                    self.record_failure(
                        name,
                        "areas",
                        TypeError(
                            f"venue_ready_areas returned {type(spec).__name__}, not AreaSpec"
                        ),
                    )
                    continue
                well_formed.append(spec)
                if spec.key in providers and providers[spec.key] == name:
                    self.record_failure(
                        name, "areas", ValueError(f"it provides area {spec.key!r} twice")
                    )
                    continue
                claims.setdefault(spec.key, []).append(name)
                specs.setdefault(spec.key, spec)
                providers.setdefault(spec.key, name)
        # No plugin wins an area by the order of its name: a key two plugins claim is neither's,
        # and both are named, so that the report cannot be scored by an impostor.
        contested = {key: tuple(names) for key, names in claims.items() if len(names) > 1}
        for key, names in contested.items():
            del specs[key], providers[key]
            both = " and ".join(repr(n) for n in names)
            for name in names:
                self.record_failure(
                    name,
                    "areas",
                    ValueError(f"area {key!r} is provided by both {both}: neither is used"),
                )
        self._specs, self._providers, self._contested = specs, providers, contested
        self._catalog_specs = well_formed
        return specs

    def area_template(self, area_key: str) -> tuple[TemplateItem, ...]:
        """The template of area ``area_key``: empty for an area nobody provides. A template its
        plugin gives as a function is built here, the first time; if that fails, the plugin
        has a failure recorded (stage ``template``) and the template is empty."""
        spec = self.area_specs().get(area_key)
        if spec is None:
            return ()
        try:
            return spec.template
        except Exception as exc:  # a plugin's function: whatever it raises is its failure
            self.record_failure(self._providers.get(area_key, area_key), "template", exc)
            return ()

    def journal_subjects(self, event: Event, plan: AreaPlan) -> list[str] | None:
        """The subjects area ``plan`` reads from the journal (its ``AreaSpec.journal_subjects``
        for ``event``), without the area's key; None when nobody provides the area or it reads
        none. If the plugin's function fails, it has a failure recorded (stage ``journal``) and
        the area has no subject: a mark for it is refused, never recorded unread."""
        spec = self.area_specs().get(plan.key)
        if spec is None or spec.journal_subjects is None:
            return None
        try:
            return list(spec.journal_subjects(event, plan))
        except Exception as exc:  # a plugin's function: whatever it raises is its failure
            self.record_failure(self._providers.get(plan.key, plan.key), "journal", exc)
            return []

    def event_kinds(self) -> dict[str, EventKind]:
        """Every kind of event known: the core's, then the plugins' (``venue_ready_kinds``), by
        key (cached until a plugin registers). A plugin that returns something other than an
        :class:`~venue_ready.EventKind`, or a key already known, has a failure recorded and that
        kind is left out."""
        if self._kinds is not None:
            return self._kinds
        from ._kinds import BUILTIN_KINDS, EventKind

        kinds: dict[str, EventKind] = dict(BUILTIN_KINDS)
        for name, result, exc in self.call_each("venue_ready_kinds"):
            if exc is not None:
                self.record_failure(name, "kinds", exc)
                continue
            for kind in [] if result is None else list(result):
                if not isinstance(kind, EventKind):
                    returned = type(kind).__name__
                    self.record_failure(
                        name, "kinds", TypeError(f"venue_ready_kinds returned {returned}")
                    )
                elif kind.key in kinds:
                    self.record_failure(
                        name, "kinds", ValueError(f"kind {kind.key!r} is known already")
                    )
                else:
                    kinds[kind.key] = kind
        self._kinds = kinds
        return kinds

    def contested(self, area_key: str) -> tuple[str, ...]:
        """The plugins that all claim ``area_key`` (none of which provides it), or ()."""
        self.area_specs()
        return self._contested.get(area_key, ())

    def provider_of(self, area_key: str) -> str:
        """The name of the plugin that provides ``area_key`` ("" when none does)."""
        self.area_specs()
        return self._providers.get(area_key, "")

    def catalogs(self) -> dict[str, dict[str, str]]:
        """The plugins' message catalogs merged: ``{lang: {message_id: text}}``, read-only: it is
        merged once per set of areas, and every report of a roll-up holds it."""
        specs = self.area_specs()
        if self._catalogs is not None and self._catalogs[0] is specs:
            return self._catalogs[1]
        merged: dict[str, dict[str, str]] = {}
        # Every well-formed area's catalog, a contested area's too: its messages may be shown
        for spec in self._catalog_specs:
            for lang, messages in spec.messages.items():
                merged.setdefault(lang, {}).update(messages)
        # read-only: every report, problem and copy of the default manager holds this one
        frozen: dict[str, dict[str, str]] = freeze(merged)
        self._catalogs = (specs, frozen)
        return frozen

    # -- output formats: the one registry, for Report.render and the CLI ------------------------

    def renderers(self) -> Mapping[str, Renderer]:
        """Every output format, by name: the built-in ones first (``text``, ``json``, ``md``,
        ``html``, ``xlsx``), then the plugins' (``venue_ready_renderers``), by name.

        The first renderer of a name wins, in registration order: a plugin cannot replace a
        built-in format or an earlier plugin's. A plugin whose hook raises, or returns something
        other than a list of :class:`~venue_ready.Renderer`, is recorded as failed at stage
        ``renderers`` (raised in strict mode) and its formats are left out. The hook is called
        once; again only after another plugin registers. The mapping is read-only.
        """
        if self._renderers is None:
            from ._model import Renderer
            from ._render import builtin_renderers

            builtins = {r.name: r for r in builtin_renderers()}
            found: dict[str, Renderer] = {}
            for name, result, exc in self.call_each("venue_ready_renderers"):
                problem = exc
                well_formed = isinstance(result, list | tuple) and all(
                    isinstance(r, Renderer) for r in result
                )
                if problem is None and result is not None and not well_formed:
                    problem = TypeError(
                        f"returned {type(result).__name__}, expected a list of Renderer"
                    )
                if problem is not None:
                    self.record_failure(name, "renderers", problem)
                    continue
                for renderer in result or ():
                    if renderer.name not in builtins:
                        found.setdefault(renderer.name, renderer)
            self._renderers = {**builtins, **{n: found[n] for n in sorted(found)}}
        return types.MappingProxyType(self._renderers)

    def renderer(self, name: str) -> Renderer | None:
        """The output format ``name``, or None when no format has that name. A built-in format
        is found without asking the plugins (a broken ``venue_ready_renderers`` costs the
        built-in formats nothing); any other asks them, as :meth:`renderers` does."""
        from ._render import BUILTIN_FORMATS, builtin_renderers

        if name in BUILTIN_FORMATS:
            return builtin_renderers()[BUILTIN_FORMATS.index(name)]
        return self.renderers().get(name)

    def format_names(self) -> list[str]:
        """The names of every output format, in :meth:`renderers` order (the built-in ones,
        then the plugins' by name): the list an "unknown format" error offers."""
        return list(self.renderers())

    def plugin_names(self) -> list[str]:
        """Names of the registered plugins, in registration order."""
        return [name for name, _ in self.pluggy.list_name_plugin()]

    def _shared_copy(self) -> PluginManager:
        """A manager over this one's plugins and caches, with failures of its own: what
        :func:`default_plugin_manager` hands each caller. What one call records (a validator
        that raised, a slow hook) stays out of the next call's report."""
        # a shallow copy: the pluggy manager and the computed areas and catalogs are shared
        # (none changes once built), the lists a call appends to are not
        view = copy.copy(self)
        view.failures = list(self.failures)
        view.slow_calls = []
        view._shared = True
        return view


def _env_flag(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() not in ("", "0", "false", "no")


def _slow_threshold() -> float:
    """``VENUE_READY_SLOW_PLUGIN_SECONDS`` as a number of seconds >= 0, else the default."""
    try:
        value = float(os.environ.get("VENUE_READY_SLOW_PLUGIN_SECONDS", DEFAULT_SLOW_SECONDS))
    except ValueError:
        return DEFAULT_SLOW_SECONDS
    return value if 0.0 <= value < float("inf") else DEFAULT_SLOW_SECONDS


def _entry_points() -> Iterable[EntryPoint]:
    scanned = scan_entry_points(PROJECT_NAME)
    if scanned is not None:
        return scanned  # type: ignore[return-value]  # quacks like EntryPoint
    from importlib.metadata import entry_points

    return entry_points(group=PROJECT_NAME)


class _Dist:
    """The part of importlib.metadata.Distribution that plugin loading reads."""

    def __init__(self, name: str, version: str) -> None:
        self.metadata = {"Name": name}
        self.version = version


class _EntryPoint:
    """An entry point found by :func:`scan_entry_points`: ``name = module[:attr]``."""

    def __init__(self, name: str, value: str, dist: _Dist) -> None:
        self.name = name
        self.value = value
        self.dist = dist

    def load(self) -> object:
        module_name, _, attr = self.value.partition(":")
        obj: object = importlib.import_module(module_name.strip())
        for part in filter(None, attr.strip().split(".")):
            obj = getattr(obj, part)
        return obj


def scan_entry_points(group: str) -> list[_EntryPoint] | None:
    """The entry points of ``group``, read straight from the distributions' metadata folders
    on ``sys.path``; None where only importlib.metadata can tell, so that the caller asks it.

    Why not importlib.metadata: importing it costs about 30 ms (it pulls in email, zipfile and
    csv), twice what DESIGN.md's start-up budget leaves for the whole command; reading a few
    small text files costs about 1 ms.

    It finds what importlib.metadata's path finder finds, in the same order, in every layout
    pip and uv install (tests/test_entry_point_layouts.py builds each one):

    - a wheel installed, and a PEP 660 editable install (pip's, uv's, hatchling's and
      setuptools' ``.pth`` files or import finders): a ``NAME-VERSION.dist-info`` folder in
      site-packages, whose ``entry_points.txt`` is read;
    - legacy ``setup.py develop`` and in-place builds: a ``NAME.egg-info`` folder in the source
      folder that ``easy-install.pth`` puts on ``sys.path`` (its ``PKG-INFO`` names it);
    - an unzipped egg on ``sys.path`` (``NAME-VERSION-pyX.Y.egg``), read from its ``EGG-INFO``.

    As in importlib.metadata, the first distribution of a name on ``sys.path`` wins: in a folder,
    its ``.dist-info`` and ``.egg-info`` folders in the order the folder lists them, then an
    egg's ``EGG-INFO``.
    It gives up (None) on what only importlib.metadata reads: a zip or a wheel on ``sys.path``
    (or a folder inside one), and a finder on ``sys.meta_path`` that provides distributions of
    its own (``find_distributions``), besides the standard path finder.
    """
    from importlib.machinery import PathFinder

    for finder in sys.meta_path:
        if finder is not PathFinder and getattr(finder, "find_distributions", None) is not None:
            return None
    found: list[_EntryPoint] = []
    seen: set[str] = set()
    for entry in sys.path:
        folder = entry or "."
        try:
            names = os.listdir(folder)
        except NotADirectoryError:
            return None  # a zip (or a wheel): importlib.metadata reads it with zipfile
        except OSError:
            continue
        metadata: list[tuple[str, str]] = [  # (distribution key, metadata folder)
            (_normalise(name.rsplit(".", 1)[0].partition("-")[0]), os.path.join(folder, name))
            for name in names  # in the order listed, as importlib.metadata takes them
            if name.lower().endswith((".dist-info", ".egg-info"))
        ]
        base = os.path.basename(os.path.normpath(folder))
        if base.lower().endswith(".egg"):  # an unzipped egg: NAME-VERSION-pyX.Y.egg/EGG-INFO
            metadata += [
                (_normalise(base.rpartition(".")[0].partition("-")[0]), os.path.join(folder, n))
                for n in names
                if n.lower() == "egg-info"
            ]
        for key, dist_dir in metadata:
            if key in seen:
                continue
            seen.add(key)
            try:
                with open(os.path.join(dist_dir, "entry_points.txt"), encoding="utf-8") as fh:
                    text = fh.read()
            except OSError:
                continue
            pairs = _section(text, group)
            if pairs:  # METADATA is read only for the few distributions that have plugins
                dist = _Dist(*_name_version(dist_dir))
                found += [_EntryPoint(n, v, dist) for n, v in pairs]
    return found


def _name_version(dist_dir: str) -> tuple[str, str]:
    """Name and Version from a dist's METADATA (PKG-INFO for eggs), else from its folder name."""
    stem = os.path.basename(dist_dir).rsplit(".", 1)[0]
    name, _, version = stem.partition("-")
    for meta in ("METADATA", "PKG-INFO"):
        try:
            with open(os.path.join(dist_dir, meta), encoding="utf-8") as fh:
                for line in fh:
                    if not line.strip():
                        break  # the headers end at the first blank line
                    key, _, value = line.partition(":")
                    if key == "Name":
                        name = value.strip()
                    elif key == "Version":
                        version = value.strip()
            break
        except OSError:
            continue
    return name, version


def _section(text: str, group: str) -> list[tuple[str, str]]:
    """``name = value`` pairs of the ``[group]`` section of an entry_points.txt."""
    pairs: list[tuple[str, str]] = []
    inside = False
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("["):
            inside = line.strip("[]").strip() == group
            continue
        if inside and "=" in line:
            name, _, value = line.partition("=")
            pairs.append((name.strip(), value.strip()))
    return pairs


def get_plugin_manager(
    *,
    autoload: bool | None = None,
    block: Iterable[str] = (),
    extra: Iterable[str] = (),
    strict: bool = False,
    only: Iterable[str] | None = None,
    trace: Callable[[str], None] | None = None,
    entry_points: Callable[[], Iterable[EntryPoint]] = _entry_points,
) -> PluginManager:
    """Build a plugin manager with the installed plugins.

    :param autoload: load third-party plugins from the ``venue_ready`` entry-point group; by
        default yes, unless ``VENUE_READY_DISABLE_PLUGIN_AUTOLOAD`` is set. The builtins always
        load (unless blocked).
    :param block: plugin names not to load, as ``-p no:NAME`` does.
    :param extra: modules to import and register as plugins, as ``--plugin MODULE`` does. A
        module that does not exist raises :class:`ModuleNotFoundError`; one that fails while
        importing is recorded as a failure.
    :param strict: raise :class:`PluginError` at the first plugin failure instead of recording it.
    :param only: load third-party plugins only from these distributions (by name); by default
        the ones ``VENUE_READY_LOAD_PLUGINS`` lists (comma-separated; empty: none), else all.
    :param trace: called with a line for each hook call and its duration; by default, when
        ``VENUE_READY_TRACE_PLUGINS`` is set, lines go to stderr.
    """
    if autoload is None:
        autoload = not _env_flag("VENUE_READY_DISABLE_PLUGIN_AUTOLOAD")
    if only is None and "VENUE_READY_LOAD_PLUGINS" in os.environ:
        only = [n for n in os.environ["VENUE_READY_LOAD_PLUGINS"].split(",") if n.strip()]
    wanted = None if only is None else {_normalise(n.strip()) for n in only}
    if trace is None and _env_flag("VENUE_READY_TRACE_PLUGINS"):
        trace = _trace_to_stderr
    pm = PluginManager(strict=strict, trace=trace)
    for name in block:
        pm.pluggy.set_blocked(name)

    own_found: set[str] = set()
    dists_found: set[str] = set()
    for ep in sorted(entry_points(), key=lambda ep: ep.name):
        dist_name, dist_version = _dist_of(ep)
        dists_found.add(_normalise(dist_name or ""))
        own = dist_name is not None and _normalise(dist_name) == _OWN_DISTRIBUTION
        if own:
            own_found.add(ep.name)
        if not own and (
            not autoload or (wanted is not None and _normalise(dist_name or "") not in wanted)
        ):
            continue
        if not own and ep.name in BUILTIN_PLUGINS:
            # Another distribution's entry point of a built-in's name would silently take the
            # built-in's place (its areas, its catalog): a failure of that plugin instead.
            impostor = f"{ep.name}@{dist_name}"  # not the built-in's name: its areas stay
            pm._origins[impostor] = (dist_name, dist_version)
            pm.record_failure(
                impostor,
                "import",
                PluginError(f"the name {ep.name!r} belongs to venue_ready's built-in plugin"),
            )
            continue
        if pm.is_blocked(ep.name) or pm.has_plugin(ep.name):
            continue
        try:
            plugin = ep.load()
        except Exception as exc:
            pm._origins[ep.name] = (dist_name, dist_version)
            pm.record_failure(ep.name, "import", exc)
            continue
        pm.register_plugin(plugin, ep.name, dist_name, dist_version)

    from ._version import __version__

    for name, module_name in BUILTIN_PLUGINS.items():
        if name not in own_found and not pm.is_blocked(name) and not pm.has_plugin(name):
            pm.register_plugin(
                importlib.import_module(module_name), name, _OWN_DISTRIBUTION, __version__
            )

    for module_name in extra:
        if pm.is_blocked(module_name) or pm.has_plugin(module_name):
            continue
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name == module_name or (exc.name and module_name.startswith(exc.name + ".")):
                raise
            pm.record_failure(module_name, "import", exc)
            continue
        except Exception as exc:
            pm.record_failure(module_name, "import", exc)
            continue
        dist = _dist_of_module(module_name)
        pm.register_plugin(module, module_name, *dist)

    if wanted is not None and autoload:
        pm.missing_distributions = sorted(wanted - dists_found)
    pm.check_hooks()
    return pm


#: The environment variables get_plugin_manager() reads: the default manager is built again
#: when one of them changes.
_ENVIRONMENT = (
    "VENUE_READY_DISABLE_PLUGIN_AUTOLOAD",
    "VENUE_READY_LOAD_PLUGINS",
    "VENUE_READY_TRACE_PLUGINS",
    "VENUE_READY_SLOW_PLUGIN_SECONDS",
)
_default: tuple[tuple[object, ...], PluginManager] | None = None
_default_lock = threading.Lock()


def default_plugin_manager(*, rebuild: bool = False) -> PluginManager:
    """The installed plugins, as :func:`get_plugin_manager` finds them with no arguments, built
    once per process: what ``assess``, ``load``, ``loads``, ``from_dict`` and ``Report.render``
    use when given no ``plugins=`` (building a manager costs about as much as assessing a
    small event).

    Each call returns a manager of its own over the one set of plugins: the plugins, their
    areas and catalogs are shared (``a.pluggy is b.pluggy``), but a failure one call records (a
    settings validator that raised) stays out of the others' reports. It refuses
    :meth:`~PluginManager.register_plugin`: build your own manager to add plugins.

    The manager is built again when ``sys.path`` or one of the variables it reads
    (``VENUE_READY_DISABLE_PLUGIN_AUTOLOAD``, ``VENUE_READY_LOAD_PLUGINS``,
    ``VENUE_READY_TRACE_PLUGINS``, ``VENUE_READY_SLOW_PLUGIN_SECONDS``) has changed since, and
    when ``rebuild`` is true: after installing or upgrading a plugin package in a running
    process. Thread-safe.
    """
    global _default  # noqa: PLW0603 - one per process, by design
    key = (tuple(sys.path), *(os.environ.get(name) for name in _ENVIRONMENT))
    with _default_lock:
        if rebuild or _default is None or _default[0] != key:
            built = get_plugin_manager()
            # computed now, once, so that every copy shares them rather than computing its own
            built.area_specs()
            built.event_kinds()
            built.catalogs()
            _default = (key, built)
        shared = _default[1]
    return shared._shared_copy()


def _trace_to_stderr(line: str) -> None:
    print(line, file=sys.stderr)


def _normalise(name: str) -> str:
    """A distribution's name as PEP 503 compares names: lower case, and every run of ``-``,
    ``_`` and ``.`` one ``-``."""
    return "-".join(filter(None, name.lower().replace("_", "-").replace(".", "-").split("-")))


def _dist_of(ep: EntryPoint) -> tuple[str | None, str | None]:
    dist = getattr(ep, "dist", None)
    if dist is None:
        return None, None
    return dist.metadata["Name"], dist.version


def _dist_of_module(module_name: str) -> tuple[str | None, str | None]:
    from importlib.metadata import packages_distributions, version

    top = module_name.split(".", maxsplit=1)[0]
    names = packages_distributions().get(top) or []
    if not names:
        return None, None
    try:
        return names[0], version(names[0])
    except Exception:
        return names[0], None


def describe_plugins(pm: PluginManager) -> dict[str, Any]:
    """What ``venue-ready plugins`` shows: every registered plugin with its distribution,
    version, the areas it provides and the hooks it implements, and every failure."""
    specs = pm.area_specs()
    provided: dict[str, list[str]] = {}
    for key in sorted(specs):
        provided.setdefault(pm.provider_of(key), []).append(key)
    plugins = []
    for name in sorted(pm.plugin_names()):
        dist, version = pm.origin(name)
        callers = pm.pluggy.get_hookcallers(pm.get_plugin(name))
        hooks = sorted(caller.name for caller in callers or ())
        plugins.append(
            {
                "name": name,
                "distribution": dist,
                "version": version,
                "areas": provided.get(name, []),
                "hooks": hooks,
            }
        )
    failures = [
        {
            "name": f.name,
            "distribution": f.distribution,
            "version": f.version,
            "stage": f.stage,
            "error": f.error,
        }
        for f in pm.failures
    ]
    return {"schema_version": 1, "plugins": plugins, "failures": failures}
