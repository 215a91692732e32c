"""venue_ready.testing and its pytest plugin: the helpers plugin authors test with.

Every conformance rule has a plugin that breaks it (and nothing else), which must fail with that
rule's id and the plugin's name; a plugin that keeps every rule passes, and so do venue_ready's
own plugins. The fixtures are exercised the way a plugin author uses them, in a pytest run of
their own (pytester).
"""

from __future__ import annotations

import importlib
import math
import pickle
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

import venue_ready
from venue_ready import (
    AreaPlan,
    AreaSpec,
    Event,
    Finding,
    Item,
    LoadError,
    Message,
    Problem,
    SettingsReader,
    TemplateItem,
    hookimpl,
)
from venue_ready.testing import (
    RULES,
    PluginConformanceError,
    assess_area,
    check_plugin,
    make_event,
    plugin_manager,
)

from .conftest import ROOT
from .support import STARTS, TZ

pytest_plugins = ["pytester"]

BUILTINS = ["checklist", "security", "decoration", "broadcast", "disinfection"]

MESSAGES = {
    "vi": {"catering.water": "Nước uống: {bottles}/{needed} chai"},
    "en": {"catering.water": "Drinking water: {bottles}/{needed} bottles"},
}


class Catering:
    """Keeps every rule. The tutorial's catering area, as a class, so that each broken plugin
    below can break one rule by overriding one method."""

    key = "catering"
    title_en = "Catering"
    example = "bottles = 0  # chai nước đã chuẩn bị\nper_person = 2\n"
    template: tuple[TemplateItem, ...] = (
        TemplateItem(
            id="catering.menu",
            title_vi="Thực đơn phục vụ đại biểu",
            title_en="Menu for the delegates",
            lead_days=3,
        ),
    )

    def parse(self, settings: Any, event: Event | None) -> tuple[tuple[int, int], list[Problem]]:
        reader = SettingsReader(settings, event)
        reader.known("bottles", "per_person")
        bottles = reader.integer("bottles", 0, high=10_000_000)
        per_person = reader.integer("per_person", 2, low=1, high=20)
        return (bottles, per_person), reader.problems

    def validate(self, settings: Any, event: Event | None) -> Any:
        return self.parse(settings, event)[1]

    def spec(self) -> AreaSpec:
        return AreaSpec(
            key=self.key,
            title_vi="Hậu cần, ăn uống",
            title_en=self.title_en,
            template=self.template,
            validate_settings=self.validate,
            messages=MESSAGES,
            settings_example=self.example,
        )

    def specs(self) -> Any:
        return [self.spec()]

    def covers(self, area: AreaPlan) -> bool:
        return area.key == self.key

    def finding(self, event: Event, area: AreaPlan, as_of: datetime) -> Finding:
        (bottles, per_person), problems = self.parse(area.settings, event)
        if problems:
            raise ValueError("; ".join(p.render("en", MESSAGES) for p in problems))
        needed = per_person * (event.expected_delegates or 0)
        return Finding(
            code="catering.water",
            area=area.key,
            subject="water",
            credit=min(1.0, bottles / needed) if needed else 0.0,
            assessed=needed > 0,
            due=event.starts,
            message=Message("catering.water", {"bottles": bottles, "needed": needed}),
        )

    def findings(self, event: Event, area: AreaPlan, as_of: datetime) -> Any:
        return [self.finding(event, area, as_of)]

    @hookimpl
    def venue_ready_areas(self) -> Any:
        return self.specs()

    @hookimpl
    def venue_ready_assess(self, event: Event, area: AreaPlan, as_of: datetime) -> Any:
        return self.findings(event, area, as_of) if self.covers(area) else None


def _bypass(obj: Any, **values: Any) -> Any:
    """``obj`` with ``values`` set behind its validators' back, as careless code can."""
    for name, value in values.items():
        object.__setattr__(obj, name, value)
    return obj


# -- the broken plugins, one rule each -------------------------------------------------------


class TakesSecurity(Catering):
    key = "security"


class TakesGeneral(Catering):
    key = "general"


class TwiceTheSameArea(Catering):
    def specs(self) -> Any:
        return [self.spec(), self.spec()]


class BlankEnglishTitle(Catering):
    def spec(self) -> AreaSpec:
        return _bypass(super().spec(), title_en="   ")


class BlankTemplateTitle(Catering):
    template = (_bypass(TemplateItem(id="catering.menu", title_vi="x", title_en="x"), title_vi=""),)


class CreditAboveOne(Catering):
    def finding(self, event: Event, area: AreaPlan, as_of: datetime) -> Finding:
        return _bypass(super().finding(event, area, as_of), credit=1.5)


class NegativeWeight(Catering):
    def finding(self, event: Event, area: AreaPlan, as_of: datetime) -> Finding:
        return _bypass(super().finding(event, area, as_of), weight=-1.0)


class NaNWeight(Catering):
    def finding(self, event: Event, area: AreaPlan, as_of: datetime) -> Finding:
        return _bypass(super().finding(event, area, as_of), weight=math.nan)


class InfiniteWeight(Catering):
    def finding(self, event: Event, area: AreaPlan, as_of: datetime) -> Finding:
        return _bypass(super().finding(event, area, as_of), weight=math.inf)


class SpeaksForEveryArea(Catering):
    """Adds a Finding to every area without saying it is a policy plugin."""

    def covers(self, area: AreaPlan) -> bool:
        return True


class PolicyForEveryArea(SpeaksForEveryArea):
    """The same, declared: it keeps every rule."""

    VENUE_READY_POLICY = True


class WrongAreaInFinding(PolicyForEveryArea):
    """A policy plugin too, but its Findings name another area than the one assessed."""

    def finding(self, event: Event, area: AreaPlan, as_of: datetime) -> Finding:
        return _bypass(super().finding(event, area, as_of), area="catering")


class RaisingValidator(Catering):
    def validate(self, settings: Any, event: Event | None) -> Any:
        bottles = settings.get("bottles", 0)  # AttributeError when settings is not a table
        return [] if bottles >= 0 else [Problem.of(("bottles",), "load.negative")]


class NestedRaisingValidator(Catering):
    """Reads its tables with SettingsReader, but trusts a field of each to be a date."""

    example = Catering.example + "[[areas.catering.settings.deliveries]]\nday = 2020-05-14\n"

    def validate(self, settings: Any, event: Event | None) -> Any:
        reader = SettingsReader(settings, event)
        reader.known("bottles", "per_person", "deliveries")
        for delivery in reader.tables("deliveries"):
            day = delivery.raw("day")
            if day is not None:
                day.toordinal()
        return reader.problems


class TupleValidator(Catering):
    def validate(self, settings: Any, event: Event | None) -> Any:
        return tuple(super().validate(settings, event))


class RejectsItsExample(Catering):
    example = "bottles = -5\n"


class ExampleIsNotToml(Catering):
    example = "bottles = \n"


class Counting(Catering):
    """Gives a different credit each time it is called."""

    calls = 0

    def finding(self, event: Event, area: AreaPlan, as_of: datetime) -> Finding:
        self.calls += 1
        return _bypass(super().finding(event, area, as_of), credit=0.5 * (self.calls % 2))


class ByIdentity(Catering):
    """The same Findings for the same event object, but not for an equal copy of it."""

    def finding(self, event: Event, area: AreaPlan, as_of: datetime) -> Finding:
        return _bypass(super().finding(event, area, as_of), subject=f"water-{id(event)}")


class NegativeLead(Catering):
    template = (TemplateItem(id="catering.menu", title_vi="x", title_en="x", lead_days=-1),)


class EndlessLead(Catering):
    template = (TemplateItem(id="catering.menu", title_vi="x", title_en="x", lead_days=10**9),)


class MisspeltTemplateKind(Catering):
    template = (TemplateItem(id="catering.menu", title_vi="x", title_en="x", kinds=("electon",)),)


class RaisingAssess(Catering):
    def findings(self, event: Event, area: AreaPlan, as_of: datetime) -> Any:
        raise RuntimeError("no water today")


class AreasNotAList(Catering):
    def specs(self) -> Any:
        return {"catering": self.spec()}


class AsksToGoFirst(Catering):
    """Asks pluggy to be called first, which venue_ready's one-by-one calls cannot honour."""

    @hookimpl(tryfirst=True)
    def venue_ready_assess(self, event: Event, area: AreaPlan, as_of: datetime) -> Any:
        return super().venue_ready_assess(event, area, as_of)


class Slow(Catering):
    """Takes its time over its own area."""

    seconds = 0.05

    def findings(self, event: Event, area: AreaPlan, as_of: datetime) -> Any:
        time.sleep(self.seconds)
        return super().findings(event, area, as_of)


class Misspelled(Catering):
    @hookimpl
    def venue_ready_asess(self, area: AreaPlan) -> None:
        return None


BROKEN: list[tuple[str, Callable[[], object], str]] = [
    ("area-key-taken", TakesSecurity, "area 'security' is already provided by plugin 'security'"),
    ("area-key-taken", TakesGeneral, "area 'general' is already provided by plugin 'checklist'"),
    ("area-key-taken", TwiceTheSameArea, "provides area 'catering' twice"),
    ("titles", BlankEnglishTitle, "area 'catering': title_en is empty or blank"),
    ("titles", BlankTemplateTitle, "template item 'catering.menu' of area 'catering': title_vi"),
    ("finding-range", CreditAboveOne, "has credit 1.5, outside 0..1"),
    ("finding-range", NegativeWeight, "has weight -1.0"),
    ("finding-range", NaNWeight, "has weight nan"),
    ("finding-range", InfiniteWeight, "has weight inf"),
    ("foreign-area", SpeaksForEveryArea, "for area 'general', which it does not provide"),
    ("foreign-area", WrongAreaInFinding, "for area 'catering'"),
    ("validator-raises", RaisingValidator, "raised AttributeError"),
    ("validator-raises", NestedRaisingValidator, "'deliveries': [{'day': 42}]"),
    ("validator-raises", TupleValidator, "returned tuple"),
    ("validator-rejects-example", RejectsItsExample, "rejects its own settings_example"),
    ("validator-rejects-example", ExampleIsNotToml, "is not valid TOML"),
    ("not-deterministic", Counting, "assessing the same event as of"),
    ("not-deterministic", ByIdentity, "a freshly loaded copy of the same event"),
    ("template", NegativeLead, "lead_days is -1, not >= 0"),
    ("template", EndlessLead, "no event file can be built from its templates"),
    ("unknown-kind", MisspeltTemplateKind, "names the kind 'electon' (did you mean 'election'?)"),
    ("plugin-fails", RaisingAssess, "raised RuntimeError: no water today"),
    ("plugin-fails", AreasNotAList, "venue_ready_areas returned dict"),
    ("plugin-fails", Misspelled, "unknown hook 'venue_ready_asess'"),
    ("hook-options", AsksToGoFirst, "venue_ready_assess: tryfirst"),
    ("slow", Slow, "venue_ready_assess(area 'catering') took"),
]


@pytest.mark.parametrize(
    ("rule", "make", "detail"), BROKEN, ids=[f"{rule}-{make.__name__}" for rule, make, _ in BROKEN]
)
def test_a_broken_plugin_fails_with_its_rule_and_name(
    rule: str, make: Callable[[], object], detail: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    if rule == "slow":  # a threshold well below the plugin's sleep, not a 2 s wait
        monkeypatch.setenv("VENUE_READY_SLOW_PLUGIN_SECONDS", str(Slow.seconds / 5))
    plugin = make()
    with pytest.raises(PluginConformanceError) as caught:
        check_plugin(plugin)
    name = type(plugin).__name__
    assert (caught.value.rule, caught.value.plugin) == (rule, name), str(caught.value)
    assert str(caught.value).startswith(f"plugin '{name}' breaks rule {rule}: ")
    assert detail in str(caught.value)


def test_every_rule_has_a_broken_plugin() -> None:
    assert {rule for rule, _, _ in BROKEN} == set(RULES)


@pytest.mark.parametrize("make", [Catering, PolicyForEveryArea], ids=lambda m: m.__name__)
def test_a_plugin_that_keeps_the_rules_passes(make: Callable[[], object]) -> None:
    check_plugin(make())
    check_plugin(make(), as_of=STARTS - timedelta(hours=2))
    check_plugin(make(), plugins=plugin_manager())


class Stamp:
    """A policy plugin with no area of its own: a weightless Finding in every area."""

    VENUE_READY_POLICY = True

    @hookimpl
    def venue_ready_assess(self, area: AreaPlan) -> Any:
        return [Finding(code="stamp.seen", area=area.key, message=Message("stamp.seen"), weight=0)]


def test_a_policy_plugin_without_areas_passes() -> None:
    check_plugin(Stamp())
    check_plugin(Stamp(), plugins=plugin_manager(builtins=False))


def test_a_plugin_already_in_the_given_manager_is_checked_there() -> None:
    plugin = Catering()
    pm = plugin_manager(plugin, "security")
    check_plugin(plugin, plugins=pm)
    assert pm.plugin_names() == ["checklist", "Catering", "security"]
    with pytest.raises(PluginConformanceError, match="breaks rule area-key-taken"):
        check_plugin(TakesSecurity(), plugins=pm)


@pytest.mark.parametrize("name", BUILTINS)
def test_venue_readys_own_plugins_pass(name: str) -> None:
    check_plugin(name)


def test_a_plugin_module_is_found_among_the_builtins() -> None:
    check_plugin(importlib.import_module("venue_ready_security"))


def test_an_unknown_plugin_name_is_a_lookup_error() -> None:
    with pytest.raises(LookupError, match="no venue_ready plugin"):
        check_plugin("no_such_plugin_anywhere")


def test_the_error_pickles_and_is_an_assertion_error() -> None:
    err = PluginConformanceError("catering", "titles", "area 'catering': title_en is blank")
    again = pickle.loads(pickle.dumps(err))
    assert isinstance(again, AssertionError)
    assert (again.plugin, again.rule, str(again)) == (err.plugin, err.rule, str(err))


# -- plugin_manager ------------------------------------------------------------------------


def _distribution(site: Path, dist: str, module: str, key: str) -> None:
    """A third-party plugin installed in ``site``, found through its entry point."""
    info = site / f"{dist.replace('-', '_')}-1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {dist}\nVersion: 1.0\n", "utf-8")
    (info / "entry_points.txt").write_text(f"[venue_ready]\n{key} = {module}\n", "utf-8")
    source = f"""
        from venue_ready import AreaSpec, hookimpl

        @hookimpl
        def venue_ready_areas():
            return [AreaSpec(key="{key}", title_vi="{key}", title_en="{key}")]
    """
    (site / f"{module}.py").write_text(textwrap.dedent(source), encoding="utf-8")


@pytest.fixture
def third_party(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """An installed third-party plugin, ``transport``, that every plain manager loads."""
    _distribution(tmp_path, "venue-ready-transport", "vr_transport_plugin", "transport")
    monkeypatch.syspath_prepend(str(tmp_path))
    for name in ("VENUE_READY_DISABLE_PLUGIN_AUTOLOAD", "VENUE_READY_LOAD_PLUGINS"):
        monkeypatch.delenv(name, raising=False)
    assert venue_ready.get_plugin_manager().has_plugin("transport")  # it is really installed
    return "transport"


def test_plugin_manager_holds_only_what_it_is_given(third_party: str) -> None:
    assert plugin_manager().plugin_names() == ["checklist"]
    assert plugin_manager(builtins=False).plugin_names() == []
    plugin = Catering()
    pm = plugin_manager(plugin, "security")
    assert pm.plugin_names() == ["checklist", "Catering", "security"]
    assert sorted(pm.area_specs()) == ["catering", "general", "security"]
    assert pm.origin("security")[0] == "venue-ready"
    assert pm.failures == []


def test_plugin_manager_loads_a_third_party_plugin_only_when_named(third_party: str) -> None:
    pm = plugin_manager(third_party)
    assert pm.plugin_names() == ["checklist", "transport"]
    assert pm.origin("transport") == ("venue-ready-transport", "1.0")


def test_check_plugin_leaves_third_party_plugins_out(third_party: str) -> None:
    # transport's area is not "taken" by a plugin the check never loads
    check_plugin(type("Transport", (Catering,), {"key": "transport"})())


def test_plugin_manager_takes_modules_names_and_instances() -> None:
    module = importlib.import_module("venue_ready_decoration")
    pm = plugin_manager(module, "venue_ready_broadcast", Catering())
    assert pm.plugin_names() == [
        "checklist",
        "venue_ready_decoration",
        "venue_ready_broadcast",
        "Catering",
    ]
    assert plugin_manager("checklist", "checklist").plugin_names() == ["checklist"]
    with pytest.raises(LookupError, match="'no_such_plugin'"):
        plugin_manager("no_such_plugin")


def test_plugin_manager_records_a_misspelled_hook() -> None:
    pm = plugin_manager(Misspelled())
    assert [(f.name, f.stage) for f in pm.failures] == [("Misspelled", "hooks")]


# -- make_event ----------------------------------------------------------------------------

EVENT = """
[event]
id = "e"
name = "Đại hội"
starts = 2020-05-15T07:30:00+07:00
expected_delegates = 100
[areas.catering]
settings = { bottles = 150 }
"""


def test_make_event_from_toml_adds_the_schema() -> None:
    pm = plugin_manager(Catering())
    event = make_event(EVENT, plugins=pm)
    assert event.area("catering") == AreaPlan(key="catering", settings={"bottles": 150})
    assert make_event("schema = 1\n" + EVENT, plugins=pm) == event


def test_make_event_from_toml_reports_problems_as_loading_does() -> None:
    pm = plugin_manager(Catering())
    with pytest.raises(LoadError) as caught:
        make_event(EVENT.replace("bottles = 150", 'bottles = "many"'), plugins=pm)
    [problem] = caught.value.problems
    assert problem.render("en", caught.value.catalogs) == (
        "<make_event>: areas.catering.settings.bottles: wrong type: a string "
        "(expected a whole number)"
    )
    with pytest.raises(LoadError, match="line 3"):
        make_event("[event]\nid = 'e'\nname = \n")


def test_make_event_from_toml_knows_venue_readys_own_areas_by_default() -> None:
    event = make_event(EVENT.replace("catering", "security").replace("bottles = 150", "guests = 3"))
    assert event.area("security") is not None


def test_make_event_in_code_has_test_defaults() -> None:
    event = make_event()
    assert (event.id, event.name) == (
        "test-event",
        "Đại hội Đảng bộ phường Thử lần thứ I, nhiệm kỳ 2020 - 2025",
    )
    assert event.starts == STARTS
    assert event.ends == datetime(2020, 5, 15, 17, 0, tzinfo=TZ)
    assert event.areas == ()


def test_make_event_in_code_takes_areas_every_way() -> None:
    general = AreaPlan(key="general", items=(Item(id="a", title="A"),))
    from_mapping = make_event(areas={"catering": {"bottles": 1}, "general": general})
    assert from_mapping.areas == (AreaPlan(key="catering", settings={"bottles": 1}), general)
    assert make_event(areas=[general, "catering"]).areas == (general, AreaPlan(key="catering"))
    event = make_event(id="x", expected_delegates=7, starts=STARTS + timedelta(days=1))
    assert (event.id, event.expected_delegates) == ("x", 7)
    assert event.ends == STARTS + timedelta(days=1, hours=9, minutes=30)


def test_make_event_in_code_checks_settings_when_given_plugins() -> None:
    pm = plugin_manager(Catering())
    assert make_event(areas={"catering": {"bottles": -1}}).area("catering") is not None
    with pytest.raises(LoadError, match=r"areas\.catering\.settings\.bottles"):
        make_event(areas={"catering": {"bottles": -1}}, plugins=pm)
    with pytest.raises(TypeError, match="not both"):
        make_event(EVENT, id="x")


# -- assess_area ---------------------------------------------------------------------------


def test_assess_area_returns_the_areas_findings() -> None:
    pm = plugin_manager(Catering())
    event = make_event(EVENT, plugins=pm)
    [finding] = assess_area(event, "catering", plugins=pm)
    assert finding.credit == 0.75
    assert finding.message == Message("catering.water", {"bottles": 150, "needed": 200})
    early = assess_area(event, "catering", plugins=pm, as_of=STARTS - timedelta(days=3))
    assert early == [finding]


def test_assess_area_fails_on_an_error_area() -> None:
    pm = plugin_manager(RaisingAssess())
    event = make_event(EVENT, plugins=pm)
    with pytest.raises(AssertionError, match=r"'catering' came out error: .*no water today"):
        assess_area(event, "catering", plugins=pm)
    with pytest.raises(AssertionError, match=r"no area 'transport' \(its areas: catering\)"):
        assess_area(event, "transport", plugins=pm)


# -- lightness -----------------------------------------------------------------------------


def _modules_after(code: str) -> set[str]:
    out = subprocess.run(
        [sys.executable, "-c", f"import sys; {code}; print(' '.join(sorted(sys.modules)))"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return set(out.split())


def test_the_pytest_plugin_imports_nothing_until_a_fixture_is_used() -> None:
    """pytest imports the plugin in every session wherever venue_ready is installed."""
    loaded = _modules_after("import pytest, venue_ready.pytest_plugin")
    ours = {name for name in loaded if name.startswith("venue_ready")}
    assert ours == {"venue_ready", "venue_ready._version", "venue_ready.pytest_plugin"}
    assert {"attrs", "tomli"} & loaded == set()


def test_the_lazy_package_exports_every_public_name() -> None:
    assert set(venue_ready._EXPORTS) | {"__version__"} == set(venue_ready.__all__)
    code = "import venue_ready; [getattr(venue_ready, n) for n in venue_ready.__all__]"
    assert "venue_ready._model" in _modules_after(code)


def test_the_testing_module_does_not_import_pytest() -> None:
    loaded = _modules_after("import venue_ready.testing")
    assert {
        "pytest",
        "_pytest",
        "venue_ready._scaffold",
        "venue_ready._builtin.checklist",
    } & loaded == set()


# -- the fixtures, in a pytest run of their own ----------------------------------------------

AUTHOR_TESTS = '''
import pytest

import venue_ready
from venue_ready import AreaSpec, Finding, Message, hookimpl
from venue_ready.testing import PluginConformanceError


class Water:
    @hookimpl
    def venue_ready_areas(self):
        return [AreaSpec(key="water", title_vi="Nước uống", title_en="Water")]

    @hookimpl
    def venue_ready_assess(self, event, area):
        if area.key != "water":
            return None
        return [Finding(code="water.ok", area="water", message=Message("water.ok"), credit=1.0)]


class Untitled(Water):
    @hookimpl
    def venue_ready_areas(self):
        [spec] = super().venue_ready_areas()
        object.__setattr__(spec, "title_vi", "")
        return [spec]


def test_water_conforms(venue_ready_check_plugin):
    venue_ready_check_plugin(Water())


def test_water_is_assessed(venue_ready_plugins, venue_ready_event, venue_ready_assess_area):
    pm = venue_ready_plugins(Water(), "security")
    event = venue_ready_event("""
        [event]
        id = "e"
        name = "Đại hội"
        starts = 2020-05-15T07:30:00+07:00
        [areas.water]
        [areas.security]
    """, plugins=pm)
    [finding] = venue_ready_assess_area(event, "water", plugins=pm)
    assert finding.credit == 1.0


def test_an_event_in_code(venue_ready_event):
    assert venue_ready_event(areas=["water"]).area("water") is not None


def test_installed_plugins_stay_out(venue_ready_plugins):
    assert venue_ready.get_plugin_manager().has_plugin("transport")
    assert venue_ready_plugins().plugin_names() == ["checklist"]


def test_untitled_breaks_a_rule(venue_ready_check_plugin):
    with pytest.raises(PluginConformanceError, match="breaks rule titles"):
        venue_ready_check_plugin(Untitled())


def test_a_failing_check_reads_well(venue_ready_check_plugin):
    venue_ready_check_plugin(Untitled())
'''


def test_the_fixtures_work_in_a_plugin_authors_test_run(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("VENUE_READY_DISABLE_PLUGIN_AUTOLOAD", "VENUE_READY_LOAD_PLUGINS"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.delenv("PYTEST_DISABLE_PLUGIN_AUTOLOAD", raising=False)
    _distribution(pytester.path, "venue-ready-transport", "vr_transport_plugin", "transport")
    pytester.makepyfile(test_water=AUTHOR_TESTS)
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=5, failed=1)
    result.stdout.fnmatch_lines(
        ["*PluginConformanceError: plugin 'Untitled' breaks rule titles: area 'water': title_vi*"]
    )


def test_the_pytest_plugin_is_declared() -> None:
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert '[project.entry-points.pytest11]\nvenue_ready = "venue_ready.pytest_plugin"' in (
        pyproject
    )


def test_every_rule_is_documented() -> None:
    doc = (ROOT / "docs" / "plugins.md").read_text(encoding="utf-8")
    section = doc.split("\n## Testing\n", 1)[1].split("\n## ", 1)[0]
    for rule in RULES:
        assert f"`{rule}`" in section, f"rule {rule} is not in the Testing section"
    for fixture in (
        "venue_ready_plugins",
        "venue_ready_event",
        "venue_ready_assess_area",
        "venue_ready_check_plugin",
    ):
        assert f"`{fixture}`" in section
