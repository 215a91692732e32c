"""An area's template given as a function (``AreaSpec(template=build)``): built the first time it
is read and kept, equal to the same template given as items, never read by ``check``, and a
failing function is its plugin's failure, in ``init`` and in the conformance check."""

from __future__ import annotations

import attrs
import pytest

from venue_ready import AreaSpec, TemplateItem, hookimpl
from venue_ready.testing import PluginConformanceError, check_plugin, plugin_manager

ITEMS = (
    TemplateItem("tea.cups", "Chuẩn bị cốc chén", "Cups ready", lead_days=1),
    TemplateItem("tea.leaves", "Chuẩn bị chè", "Tea leaves ready", lead_days=2),
)


def test_a_template_function_is_built_once_on_first_reading_and_kept() -> None:
    calls: list[int] = []

    def build() -> list[TemplateItem]:
        calls.append(1)
        return list(ITEMS)

    spec = AreaSpec("tea", "Nước chè", "Tea", template=build)
    assert calls == []  # nothing built with the spec
    assert spec.template == ITEMS
    assert spec.template is spec.template
    assert calls == [1]


def test_a_spec_with_a_template_function_equals_one_with_the_items() -> None:
    lazy = AreaSpec("tea", "Nước chè", "Tea", template=lambda: ITEMS)
    eager = AreaSpec("tea", "Nước chè", "Tea", template=ITEMS)
    assert lazy == eager
    assert hash(lazy) == hash(eager)
    assert lazy != attrs.evolve(eager, template=ITEMS[:1])
    assert attrs.evolve(lazy, template=()).template == ()


def test_a_template_function_that_returns_something_else_is_a_type_error_when_read() -> None:
    spec = AreaSpec("tea", "Nước chè", "Tea", template=lambda: ["tea.cups"])  # type: ignore[list-item]
    with pytest.raises(TypeError, match=r"template\[0\] must be a TemplateItem"):
        spec.template  # noqa: B018


class _BrokenTemplate:
    """An area whose template function raises."""

    @staticmethod
    def _template() -> list[TemplateItem]:
        raise RuntimeError("the template's data file is missing")

    @hookimpl
    def venue_ready_areas(self) -> list[AreaSpec]:
        return [AreaSpec("tea", "Nước chè", "Tea", template=self._template)]


def test_a_failing_template_function_is_the_plugin_s_failure_and_an_empty_template() -> None:
    pm = plugin_manager(_BrokenTemplate(), builtins=False)
    assert pm.area_template("tea") == ()
    (failure,) = pm.failures
    assert failure.stage == "template"
    assert "data file is missing" in failure.error
    assert pm.area_template("no-such-area") == ()


def test_the_conformance_check_reports_a_failing_template_function() -> None:
    with pytest.raises(PluginConformanceError) as caught:
        check_plugin(_BrokenTemplate())
    assert caught.value.rule == "template"
    assert "data file is missing" in str(caught.value)


def test_the_core_s_general_area_gives_its_template_as_a_function_with_every_kind_s_items() -> None:
    pm = plugin_manager()
    spec = pm.area_specs()["general"]
    kinds = {kind for item in spec.template for kind in item.kinds}
    assert kinds == {
        "party-congress",
        "congress",
        "election",
        "council-session",
        "conference",
        "ceremony",
    }


def test_an_assessment_never_builds_a_template() -> None:
    import venue_ready
    from venue_ready.testing import make_event

    pm = plugin_manager(_BrokenTemplate())
    event = make_event(areas=["tea", "general"], plugins=pm)
    report = venue_ready.assess(event, plugins=pm)
    assert {"tea", "general"} <= {area.key for area in report.areas}
    assert pm.failures == []  # the failing template function was never called
