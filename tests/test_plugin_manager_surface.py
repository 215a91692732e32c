"""The PluginManager is venue_ready's own (#18): it wraps pluggy's manager, shows only its own
methods, and the library's functions given no ``plugins=`` share one default manager per
process, built again when the environment that chose its plugins changes."""

from __future__ import annotations

import pydoc
import types

import pluggy
import pytest

import venue_ready
from venue_ready import PluginManager, default_plugin_manager
from venue_ready import _plugins as plugins

from .conftest import SMALL_EXAMPLE

#: The whole public surface: a method added here should be one the project means to offer.
SURFACE = {
    "area_specs",
    "area_template",
    "blocked_names",
    "call_each",
    "call_impl",
    "catalogs",
    "check_hooks",
    "contested",
    "event_kinds",
    "format_names",
    "get_plugin",
    "has_plugin",
    "hook",
    "is_blocked",
    "is_builtin",
    "is_policy",
    "journal_subjects",
    "origin",
    "plugin_names",
    "provider_of",
    "record_failure",
    "register_plugin",
    "renderer",
    "renderers",
    "unsupported_options",
}


def test_plugin_manager_wraps_pluggy_rather_than_inheriting_it() -> None:
    assert not issubclass(PluginManager, pluggy.PluginManager)
    assert {n for n in dir(PluginManager) if not n.startswith("_")} == SURFACE
    pm = venue_ready.get_plugin_manager()
    assert isinstance(pm.pluggy, pluggy.PluginManager)
    assert pm.pluggy.project_name == "venue_ready"
    assert pm.hook is pm.pluggy.hook
    assert pm.pluggy.get_plugin("checklist") is pm.get_plugin("checklist")


def test_help_lists_no_inherited_pluggy_method() -> None:
    text = pydoc.plain(pydoc.render_doc(PluginManager))
    for inherited in (
        "load_setuptools_entrypoints",
        "subset_hook_caller",
        "unregister",
        "enable_tracing",
        "add_hookcall_monitoring",
        "list_name_plugin",
        "set_blocked",
    ):
        assert inherited not in text
    assert "pluggy" in text  # the attribute for advanced use is documented


# -- the default manager -------------------------------------------------------------------------


def _entry_point_builds(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Count the plugin managers built from entry points from now on (the real builder runs)."""
    built: list[int] = []
    real = plugins.get_plugin_manager

    def counting(**kwargs: object) -> PluginManager:
        built.append(1)
        return real(**kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(plugins, "get_plugin_manager", counting)
    return built


def test_the_default_manager_is_built_once_and_shared() -> None:
    first, second = default_plugin_manager(), default_plugin_manager()
    assert first.pluggy is second.pluggy
    assert first.area_specs() is second.area_specs()
    assert first.catalogs() is second.catalogs()
    assert first.has_plugin("security")


def test_load_and_assess_without_plugins_reuse_the_default(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    default_plugin_manager()  # built for this environment, if it was not yet
    built = _entry_point_builds(monkeypatch)
    text = SMALL_EXAMPLE.read_text(encoding="utf-8")
    event = venue_ready.load(SMALL_EXAMPLE)
    again = venue_ready.loads(text)
    one, two = venue_ready.assess(event), venue_ready.assess(again)
    assert built == []  # no manager built by any of the four calls
    assert one.catalogs is two.catalogs is default_plugin_manager().catalogs()


def test_a_failure_in_one_call_stays_out_of_the_next() -> None:
    mine = default_plugin_manager()
    mine.record_failure("validator", "validate_settings", ValueError("boom"))
    assert [f.name for f in mine.failures][-1] == "validator"
    assert all(f.name != "validator" for f in default_plugin_manager().failures)


def test_the_default_manager_refuses_new_plugins() -> None:
    with pytest.raises(RuntimeError, match=r"get_plugin_manager\(\)"):
        default_plugin_manager().register_plugin(object(), "extra")


def test_the_default_manager_follows_the_environment(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("VENUE_READY_TRACE_PLUGINS", raising=False)
    quiet = default_plugin_manager()
    assert quiet.call_trace is None

    monkeypatch.setenv("VENUE_READY_TRACE_PLUGINS", "1")
    traced = default_plugin_manager()
    assert traced.pluggy is not quiet.pluggy  # built again for the new environment
    capsys.readouterr()
    venue_ready.assess(venue_ready.load(SMALL_EXAMPLE))
    assert "venue_ready trace: checklist.venue_ready_assess(" in capsys.readouterr().err

    monkeypatch.delenv("VENUE_READY_TRACE_PLUGINS")
    assert default_plugin_manager().call_trace is None


def test_rebuild_builds_it_again(monkeypatch: pytest.MonkeyPatch) -> None:
    before = default_plugin_manager()
    built = _entry_point_builds(monkeypatch)
    after = default_plugin_manager(rebuild=True)
    assert built == [1]
    assert after.pluggy is not before.pluggy
    assert default_plugin_manager().pluggy is after.pluggy


def _hooks_module() -> types.ModuleType:
    """A plugin module with hook implementations in every form pluggy takes, and look-alikes."""
    hookimpl = venue_ready.hookimpl
    module = types.ModuleType("forms_of_hooks")

    @hookimpl
    def venue_ready_areas() -> list[object]:
        return []

    @hookimpl(specname="venue_ready_assess")
    def assess_under_another_name(event: object, area: str, as_of: object) -> list[object]:
        return []

    def venue_ready_renderers() -> list[object]:  # no marker: not a hook
        return []

    class Holder:
        @staticmethod
        @hookimpl
        def venue_ready_catalogs() -> dict[str, object]:
            return {}

    module.__dict__.update(
        venue_ready_areas=venue_ready_areas,
        assess_under_another_name=assess_under_another_name,
        venue_ready_renderers=venue_ready_renderers,
        venue_ready_catalogs=Holder.__dict__["venue_ready_catalogs"],  # a staticmethod object
        bound=Holder().__init__,  # a method-wrapper: not a hook
        Holder=Holder,
        KEY="forms",
        submodule=types,
        marker_on_a_string="venue_ready_impl",
    )
    return module


def test_the_quick_look_at_a_module_finds_what_pluggy_finds() -> None:
    """venue_ready's manager skips a module's names that cannot be hooks without pluggy's
    static look-up: for every name of every installed plugin module, and of a module with
    hooks in every form, it reads the same options as pluggy's own manager."""
    ours = PluginManager().pluggy
    theirs = pluggy.PluginManager("venue_ready")
    modules = [_hooks_module(), *(p for _, p in default_plugin_manager().pluggy.list_name_plugin())]
    compared = 0
    for module in modules:
        for name in dir(module):
            assert ours.parse_hookimpl_opts(module, name) == theirs.parse_hookimpl_opts(
                module, name
            ), (module, name)
            compared += 1
    assert compared > 100
    forms = _hooks_module()
    found = {n for n in dir(forms) if ours.parse_hookimpl_opts(forms, n) is not None}
    assert found == {"venue_ready_areas", "assess_under_another_name", "venue_ready_catalogs"}
