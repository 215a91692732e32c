"""The plugin manager: entry points, builtins, blocking, failures, and the hooks' contracts."""

from __future__ import annotations

import importlib.metadata
import sys
import types
from datetime import datetime
from pathlib import Path
from typing import Any

import attrs
import pytest

import venue_ready
from venue_ready import (
    AreaPlan,
    AreaSpec,
    AreaStatus,
    Event,
    Finding,
    Item,
    Message,
    PluginError,
    Problem,
    Report,
    Status,
    get_plugin_manager,
    hookimpl,
)
from venue_ready import _hookspecs as specs_module

from .support import ENDS, STARTS, TZ, event_header

AS_OF = datetime(2020, 5, 14, 16, 0, tzinfo=TZ)

#: The built-in formats, in the registry's order (pinned here, not read from the code).
BUILTIN_FORMATS = ["text", "json", "md", "html", "brief", "docx", "xlsx", "ics"]


def _event(*areas: AreaPlan) -> Event:
    return Event(id="e", name="Đại hội", starts=STARTS, ends=ENDS, areas=areas)


def _general(*items: Item) -> AreaPlan:
    return AreaPlan(key="general", items=items)


class _EntryPoint:
    """Stands in for importlib.metadata.EntryPoint: a name, a dist, and a load() we control."""

    def __init__(self, name: str, target: Any, dist: str = "some-dist", version: str = "1.0"):
        self.name = name
        self._target = target
        self.dist = types.SimpleNamespace(metadata={"Name": dist}, version=version)

    def load(self) -> Any:
        if isinstance(self._target, BaseException):
            raise self._target
        return self._target


def _manager(*eps: _EntryPoint, **kwargs: Any) -> venue_ready.PluginManager:
    return get_plugin_manager(entry_points=lambda: list(eps), **kwargs)


def test_hookspecs_are_exactly_the_documented_ones() -> None:
    hooks = sorted(n for n in vars(specs_module) if n.startswith("venue_ready_"))
    assert hooks == [
        "venue_ready_adjust_report",
        "venue_ready_areas",
        "venue_ready_assess",
        "venue_ready_kinds",
        "venue_ready_renderers",
        "venue_ready_status_changed",
    ]
    for name in hooks:
        doc = getattr(specs_module, name).__doc__
        assert doc
        assert "versionadded" in doc
        assert ":return:" in doc


def test_builtin_checklist_comes_through_the_entry_point_group() -> None:
    eps = importlib.metadata.entry_points(group="venue_ready")
    ours = [ep for ep in eps if ep.name == "checklist"]
    assert [ep.value for ep in ours] == ["venue_ready._builtin.checklist"]
    pm = get_plugin_manager(autoload=False)
    assert pm.has_plugin("checklist")
    assert pm.origin("checklist") == ("venue-ready", venue_ready.__version__)
    assert "general" in pm.area_specs()


def test_builtins_load_without_installed_entry_points() -> None:
    # A source tree that was never installed has no entry points; the builtins still load.
    pm = _manager()
    assert pm.has_plugin("checklist")


def test_third_party_entry_points_load_unless_autoload_is_off(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    plugin = types.SimpleNamespace()
    ep = _EntryPoint("extra", plugin)
    assert _manager(ep).has_plugin("extra")
    assert not _manager(ep, autoload=False).has_plugin("extra")
    monkeypatch.setenv("VENUE_READY_DISABLE_PLUGIN_AUTOLOAD", "1")
    assert not _manager(ep).has_plugin("extra")
    monkeypatch.setenv("VENUE_READY_DISABLE_PLUGIN_AUTOLOAD", "0")
    assert _manager(ep).has_plugin("extra")


def test_blocked_plugins_do_not_load() -> None:
    pm = _manager(
        _EntryPoint("extra", types.SimpleNamespace()), block=["extra", "checklist", "subevents"]
    )
    assert not pm.has_plugin("extra")
    assert not pm.has_plugin("checklist")
    assert not pm.has_plugin("subevents")
    assert pm.area_specs() == {}


def test_import_failure_is_recorded_with_its_distribution() -> None:
    good = types.SimpleNamespace()
    pm = _manager(
        _EntryPoint("radio", ImportError("no amplifier"), "venue-ready-radio", "2.0"),
        _EntryPoint("good", good),
    )
    assert pm.has_plugin("good")  # the others still load
    [failure] = pm.failures
    assert (failure.name, failure.distribution, failure.version, failure.stage) == (
        "radio",
        "venue-ready-radio",
        "2.0",
        "import",
    )
    assert failure.error == "ImportError: no amplifier"
    assert failure.describe() == "radio (venue-ready-radio 2.0): import: ImportError: no amplifier"


def test_strict_mode_raises_at_the_first_failure() -> None:
    with pytest.raises(PluginError, match="'radio' failed at import"):
        _manager(_EntryPoint("radio", ImportError("x")), strict=True)


class _AreaPlugin:
    def __init__(self, key: str) -> None:
        self.key = key

    @hookimpl
    def venue_ready_areas(self) -> list[AreaSpec]:
        return [AreaSpec(key=self.key, title_vi="Mảng", title_en="Area")]


def test_two_plugins_claiming_one_area_is_an_error_naming_both() -> None:
    pm = _manager()
    pm.register_plugin(_AreaPlugin("radio"), "first")
    pm.register_plugin(_AreaPlugin("radio"), "second")
    specs = pm.area_specs()
    # No plugin wins an area by its order (#11): neither provides it, both are named
    assert pm.provider_of("radio") == ""
    assert "radio" not in specs
    assert pm.contested("radio") == ("first", "second")
    assert [f.name for f in pm.failures] == ["first", "second"]
    for failure in pm.failures:
        assert "'radio' is provided by both 'first' and 'second'" in failure.error


def test_misspelled_hook_names_the_plugin() -> None:
    class Typo:
        @hookimpl
        def venue_ready_asess(self) -> None:
            """Misspelled on purpose."""

    plugin = Typo()
    pm = _manager(_EntryPoint("typo", plugin))
    [failure] = pm.failures
    assert failure.name == "typo"
    assert failure.stage == "hooks"
    assert "unknown hook 'venue_ready_asess'" in failure.error


def test_hookimpl_with_an_argument_the_spec_lacks_is_refused() -> None:
    class Wrong:
        @hookimpl
        def venue_ready_assess(self, event: Any, area: Any, as_of: Any, extra: Any) -> None:
            """Asks for an argument no caller gives."""

    pm = _manager(_EntryPoint("wrong", Wrong()))
    assert not pm.has_plugin("wrong")
    [failure] = pm.failures
    assert failure.stage == "register"
    assert "extra" in failure.error


def test_explicit_plugin_modules(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "explicit_mod.py").write_text(
        "from venue_ready import hookimpl\n", encoding="utf-8"
    )
    (tmp_path / "explodes_mod.py").write_text("1/0\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    pm = _manager(extra=["explicit_mod", "explodes_mod"])
    assert pm.has_plugin("explicit_mod")
    assert [(f.name, f.stage) for f in pm.failures] == [("explodes_mod", "import")]
    with pytest.raises(ModuleNotFoundError):
        _manager(extra=["surely_not_a_module_here"])
    for name in ("explicit_mod", "explodes_mod"):
        sys.modules.pop(name, None)


def test_areas_hook_returning_garbage_is_a_failure() -> None:
    class Garbage:
        @hookimpl
        def venue_ready_areas(self) -> list[str]:
            return ["not an AreaSpec"]

    pm = _manager()
    pm.register_plugin(Garbage(), "garbage")
    assert "general" in pm.area_specs()
    [failure] = pm.failures
    assert failure.stage == "areas"
    assert "returned str, not AreaSpec" in failure.error


def test_settings_validator_problems_are_load_problems() -> None:
    def validate(settings: Any, event: Any) -> list[Problem]:
        if not isinstance(settings.get("clusters"), int):
            return [Problem.of(("clusters",), "radio.clusters-int")]
        return []

    class Radio:
        @hookimpl
        def venue_ready_areas(self) -> list[AreaSpec]:
            return [
                AreaSpec(
                    key="radio",
                    title_vi="Truyền thanh",
                    title_en="Radio",
                    validate_settings=validate,
                    messages={
                        "vi": {"radio.clusters-int": "cần số cụm loa là số nguyên"},
                        "en": {"radio.clusters-int": "expected a whole number of clusters"},
                    },
                )
            ]

    pm = _manager()
    pm.register_plugin(Radio(), "radio")
    text = event_header() + '[areas.radio]\nsettings = { clusters = "many" }\n'
    with pytest.raises(venue_ready.LoadError) as info:
        venue_ready.loads(text, source="ev.toml", plugins=pm)
    [problem] = info.value.problems
    assert problem.render("en", info.value.catalogs) == (
        "ev.toml: areas.radio.settings.clusters: expected a whole number of clusters"
    )
    assert problem.render("vi", info.value.catalogs).endswith("cần số cụm loa là số nguyên")


def test_settings_validator_that_raises_is_the_plugins_fault() -> None:
    def validate(settings: Any, event: Any) -> list[Problem]:
        raise KeyError("oops")

    class Radio:
        @hookimpl
        def venue_ready_areas(self) -> list[AreaSpec]:
            return [AreaSpec(key="radio", title_vi="TT", title_en="R", validate_settings=validate)]

    pm = _manager()
    pm.register_plugin(Radio(), "radio")
    text = event_header() + "[areas.radio]\n"
    event = venue_ready.loads(text, plugins=pm)  # the file is fine
    report = venue_ready.assess(event, as_of=AS_OF, plugins=pm)
    radio = report.area("radio")
    assert radio is not None
    assert radio.status is AreaStatus.ERROR
    assert report.inconclusive
    assert [(f.name, f.stage) for f in report.failures] == [("radio", "validate_settings")]


def test_area_of_a_plugin_that_failed_to_load_is_an_error_not_a_typo() -> None:
    pm = _manager(_EntryPoint("radio", ImportError("gone"), "venue-ready-radio", "1.0"))
    text = event_header() + (
        "[areas.radio]\n[[areas.general.items]]\nid = 'a'\ntitle = 'A'\nstatus = 'done'\n"
    )
    event = venue_ready.loads(text, plugins=pm)
    report = venue_ready.assess(event, as_of=AS_OF, plugins=pm)
    radio = report.area("radio")
    general = report.area("general")
    assert radio is not None
    assert general is not None
    assert radio.status is AreaStatus.ERROR
    assert "venue-ready-radio" in report.to_dict("en")["areas"][0]["errors"][0]
    assert general.score == 100.0
    assert report.score == 100.0  # only conclusive areas count
    assert report.inconclusive


class _Tighten:
    @hookimpl
    def venue_ready_adjust_report(self, report: Report) -> Report:
        areas = tuple(attrs.evolve(a, status=AreaStatus.AT_RISK) for a in report.areas)
        return attrs.evolve(report, areas=areas)


class _Loosen:
    @hookimpl
    def venue_ready_adjust_report(self, report: Report) -> Report:
        return attrs.evolve(report, score=100.0, status=AreaStatus.READY)


def test_adjust_report_may_tighten() -> None:
    pm = _manager()
    pm.register_plugin(_Tighten(), "policy")
    event = _event(_general(Item(id="a", title="A", status=Status.DONE)))
    report = venue_ready.assess(event, as_of=AS_OF, plugins=pm)
    assert report.areas[0].status is AreaStatus.AT_RISK
    assert report.status is AreaStatus.AT_RISK  # the event follows its worst area
    assert report.failures == ()


def test_adjust_report_may_not_loosen() -> None:
    pm = _manager()
    pm.register_plugin(_Loosen(), "lenient")
    event = _event(_general(Item(id="a", title="A", status=Status.TODO)))
    report = venue_ready.assess(event, as_of=AS_OF, plugins=pm)
    assert report.score == 0.0
    assert report.status is not AreaStatus.READY
    [failure] = report.failures
    assert failure.name == "lenient"
    assert failure.stage == "adjust_report"
    assert "raised the event status" in failure.error


def test_assess_calls_each_plugin_once_per_area() -> None:
    calls: list[str] = []

    class Counter:
        VENUE_READY_POLICY = True  # it adds a Finding to an area it does not provide

        @hookimpl
        def venue_ready_assess(self, area: AreaPlan) -> list[Finding]:
            calls.append(area.key)
            return [Finding(code="policy.seen", area=area.key, message=Message("x"), weight=0.0)]

    pm = _manager()
    pm.register_plugin(Counter(), "counter")
    items = tuple(Item(id=f"i{n}", title="T") for n in range(50))
    event = _event(_general(*items))
    report = venue_ready.assess(event, as_of=AS_OF, plugins=pm)
    assert calls == ["general"]
    assert len(report.areas[0].findings) == 51


@pytest.mark.parametrize("group", ["venue_ready", "console_scripts", "pytest11"])
def test_fast_entry_point_scan_agrees_with_importlib_metadata(group: str) -> None:
    from venue_ready._plugins import scan_entry_points

    scanned = scan_entry_points(group)
    assert scanned is not None
    ours = sorted((e.name, e.value, e.dist.metadata["Name"], e.dist.version) for e in scanned)
    theirs = sorted(
        (e.name, e.value, e.dist.metadata["Name"], e.dist.version)  # type: ignore[union-attr]
        for e in importlib.metadata.entry_points(group=group)
    )
    assert ours == theirs
    if group == "venue_ready":
        assert (
            "checklist",
            "venue_ready._builtin.checklist",
            "venue-ready",
            venue_ready.__version__,
        ) in ours


def test_fast_scan_reads_a_fake_distribution(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from venue_ready._plugins import scan_entry_points

    info = tmp_path / "venue_ready_radio-2.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: venue-ready-radio\nVersion: 2.0.1\n\nBody: not a header\n",
        encoding="utf-8",
    )
    (info / "entry_points.txt").write_text(
        "[console_scripts]\nradio = x:y\n\n[venue_ready]\n# a comment\nradio = json:dumps\n",
        encoding="utf-8",
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    scanned = scan_entry_points("venue_ready")
    assert scanned is not None
    [radio] = [e for e in scanned if e.name == "radio"]
    assert (radio.value, radio.dist.metadata["Name"], radio.dist.version) == (
        "json:dumps",
        "venue-ready-radio",
        "2.0.1",
    )
    import json

    assert radio.load() is json.dumps


def test_fast_scan_defers_to_importlib_metadata_for_zips(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from venue_ready._plugins import scan_entry_points

    archive = tmp_path / "plugins.zip"
    archive.write_bytes(b"PK\x05\x06" + b"\0" * 18)  # an empty zip archive
    monkeypatch.syspath_prepend(str(archive))
    assert scan_entry_points("venue_ready") is None
    assert get_plugin_manager().has_plugin("checklist")  # the slow path still finds the builtins


def test_failures_of_the_areas_hook_reach_the_report_of_a_fresh_manager() -> None:
    class Broken:
        @hookimpl
        def venue_ready_areas(self) -> list[AreaSpec]:
            raise RuntimeError("no areas today")

    pm = _manager()
    pm.register_plugin(Broken(), "broken")
    event = _event(_general(Item(id="a", title="A", status=Status.DONE)))
    report = venue_ready.assess(event, as_of=AS_OF, plugins=pm)  # area_specs() not yet called
    assert [(f.name, f.stage) for f in report.failures] == [("broken", "areas")]


class _HideFailures:
    @hookimpl
    def venue_ready_adjust_report(self, report: Report) -> Report:
        return attrs.evolve(report, failures=())


class _DropGates:
    @hookimpl
    def venue_ready_adjust_report(self, report: Report) -> Report:
        areas = tuple(
            attrs.evolve(a, findings=tuple(f for f in a.findings if not f.gate))
            for a in report.areas
        )
        return attrs.evolve(report, areas=areas)


@pytest.mark.parametrize(
    ("policy", "why"),
    [(_HideFailures(), "removed a plugin failure"), (_DropGates(), "removed or loosened Finding")],
)
def test_adjust_report_may_not_hide_what_was_found(policy: object, why: str) -> None:
    pm = _manager(_EntryPoint("radio", ImportError("gone")))
    pm.register_plugin(policy, "policy")
    event = _event(_general(Item(id="gate", title="G", gate=True, status=Status.TODO)))
    report = venue_ready.assess(event, as_of=AS_OF, plugins=pm)
    assert report.failures[0].name == "radio"  # still there
    assert report.areas[0].findings[0].gate  # still there
    [refused] = [f for f in report.failures if f.name == "policy"]
    assert why in refused.error


# -- the renderer registry: one for Report.render and the CLI ------------------------------------


def _csv(report: Report, lang: str) -> str:
    return "".join(f"{a.key},{a.score}\n" for a in report.areas)


class _Formats:
    """A plugin adding formats; ``calls`` counts how often it was asked."""

    def __init__(self, *renderers: venue_ready.Renderer) -> None:
        self.renderers = renderers
        self.calls = 0

    @hookimpl
    def venue_ready_renderers(self) -> list[venue_ready.Renderer]:
        self.calls += 1
        return list(self.renderers)


def test_renderers_are_the_builtins_then_the_plugins_first_of_a_name_wins() -> None:
    pm = _manager()
    first = venue_ready.Renderer(name="csv", render=_csv)
    pm.register_plugin(_Formats(first, venue_ready.Renderer(name="text", render=_csv)), "a")
    pm.register_plugin(
        _Formats(venue_ready.Renderer(name="csv", render=str), venue_ready.Renderer("tsv", _csv)),
        "b",
    )
    registry = pm.renderers()
    assert list(registry) == [
        "text",
        "json",
        "md",
        "html",
        "brief",
        "docx",
        "xlsx",
        "ics",
        "csv",
        "tsv",
    ]
    assert pm.format_names() == list(registry)
    assert registry["csv"] is first  # registered first: a later plugin cannot replace it
    assert registry["text"].render is not _csv  # nor can any plugin replace a built-in
    assert pm.failures == []


def test_renderers_hook_is_asked_once_and_never_for_a_builtin_format() -> None:
    pm = _manager()
    plugin = _Formats(venue_ready.Renderer(name="csv", render=_csv))
    pm.register_plugin(plugin, "formats")
    renderer = pm.renderer("md")
    assert renderer is not None
    assert renderer.name == "md"
    assert plugin.calls == 0
    assert pm.renderer("csv") is not None
    assert pm.renderer("pdf") is None
    pm.format_names()
    assert plugin.calls == 1


@pytest.mark.parametrize(
    ("result", "error"),
    [
        ("not a list", "TypeError: returned str, expected a list of Renderer"),
        (RuntimeError("renderer list exploded"), "RuntimeError: renderer list exploded"),
    ],
)
def test_a_broken_renderers_hook_is_recorded_and_its_formats_left_out(
    result: object, error: str
) -> None:
    class Broken:
        @hookimpl
        def venue_ready_renderers(self) -> object:
            if isinstance(result, BaseException):
                raise result
            return result

    pm = _manager()
    pm.register_plugin(Broken(), "broken")
    pm.register_plugin(_Formats(venue_ready.Renderer(name="csv", render=_csv)), "fine")
    assert pm.format_names() == [
        "text",
        "json",
        "md",
        "html",
        "brief",
        "docx",
        "xlsx",
        "ics",
        "csv",
    ]
    assert [(f.name, f.stage, f.error) for f in pm.failures] == [("broken", "renderers", error)]
    # strict: the malformed result as a PluginError, the exception as it was raised
    strict = _manager(strict=True)
    strict.register_plugin(Broken(), "broken")
    with pytest.raises(RuntimeError if isinstance(result, BaseException) else PluginError):
        strict.renderers()


def test_report_renders_a_plugin_format_and_names_the_known_ones() -> None:
    pm = _manager()
    pm.register_plugin(_Formats(venue_ready.Renderer(name="csv", render=_csv)), "formats")
    report = venue_ready.assess(_event(_general(Item(id="a", title="A"))), AS_OF, pm)
    assert report.render("csv", plugins=pm) == "general,0.0\n"
    assert report.render("md", plugins=pm) == report.render("md")
    with pytest.raises(
        ValueError,
        match=r"'pdf'; known formats: text, json, md, html, brief, docx, xlsx, ics, csv$",
    ):
        report.render("pdf", plugins=pm)
    pm.register_plugin(_Formats(venue_ready.Renderer(name="pdf", render=lambda r, lang: b"%")), "b")
    with pytest.raises(TypeError, match="'pdf' returned bytes, expected str"):
        report.render("pdf", plugins=pm)
