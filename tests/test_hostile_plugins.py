"""Hostile plugins (#11, "Plugins cannot change what they do not own"): each case through the real
CLI, with plugins written to a temporary folder (``--plugin MODULE``, or a dist-info folder on
PYTHONPATH where the entry-point order matters)."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from venue_ready import get_plugin_manager

from .conftest import ROOT, RunCli
from .test_report_schema import assert_valid, load_schema, parse_report

FULL_EXAMPLE = ROOT / "examples" / "ngoc-thuy-2020" / "congress.toml"
AS_OF = "2020-05-08T16:00+07:00"

#: A plugin providing area ``hostile`` whose one Finding is ``Finding(...)`` with the fields
#: ``FIELDS`` set behind the attrs validators' back, as careless (or hostile) code can.
BAD_FINDING = """
    import math
    import attrs
    from datetime import datetime
    from venue_ready import AreaSpec, Finding, Message, hookimpl

    @hookimpl
    def venue_ready_areas():
        return [AreaSpec(key="hostile", title_vi="Thử", title_en="Test")]

    @hookimpl
    def venue_ready_assess(area):
        if area.key != "hostile":
            return None
        finding = Finding(code="hostile.x", area="hostile", message=Message("hostile.x"))
        for name, value in {FIELDS}.items():
            object.__setattr__(finding, name, value)
        return [finding]
"""


def _module(folder: Path, name: str, source: str) -> None:
    (folder / f"{name}.py").write_text(textwrap.dedent(source), encoding="utf-8")


def _distribution(site: Path, dist: str, module: str, source: str) -> None:
    """An installed distribution ``dist`` whose entry point ``module`` is in the group."""
    info = site / f"{dist.replace('-', '_')}-1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {dist}\nVersion: 1.0\n", "utf-8")
    (info / "entry_points.txt").write_text(f"[venue_ready]\n{module} = {module}\n", "utf-8")
    _module(site, module, source)


def _with_area(tmp_path: Path, base: Path, key: str) -> Path:
    event = tmp_path / "event.toml"
    event.write_text(base.read_text(encoding="utf-8") + f"\n[areas.{key}]\n", encoding="utf-8")
    return event


def _json(proc: Any) -> dict[str, Any]:
    """The JSON report, read strictly (no NaN), and valid against the shipped schema."""
    assert "Traceback" not in proc.stderr, proc.stderr
    data = parse_report(proc.stdout)
    assert_valid(jsonschema.Draft202012Validator(load_schema()), data)
    return data


def _area(report: dict[str, Any], key: str) -> dict[str, Any]:
    return next(a for a in report["areas"] if a["key"] == key)


# -- Findings are validated at run time ---------------------------------------------------------

BAD_FIELDS = {
    "credit None": "{'credit': None}",
    "message text": "{'message': 'text'}",
    "credit 5": "{'credit': 5.0}",
    "weight -3": "{'weight': -3}",
    "credit NaN": "{'credit': math.nan}",
    "weight infinite": "{'weight': math.inf}",
    "weight bool": "{'weight': True}",
    "gate text": "{'gate': 'yes'}",
    "owner number": "{'owner': 7}",
    "naive due": "{'due': datetime(2020, 5, 1)}",
    "NaN in a message": "{'message': Message('hostile.x', {'n': math.nan})}",
}


@pytest.mark.parametrize("fields", BAD_FIELDS.values(), ids=list(BAD_FIELDS))
def test_a_bad_finding_is_a_plugin_failure_never_a_traceback(
    run_cli: RunCli, small_example: Path, tmp_path: Path, fields: str
) -> None:
    _module(tmp_path, "bad_finding", BAD_FINDING.replace("{FIELDS}", fields))
    event = _with_area(tmp_path, small_example, "hostile")
    env = {"PYTHONPATH": str(tmp_path)}
    proc = run_cli(
        "check", event, "--plugin", "bad_finding", "--format", "json", "--as-of", AS_OF, env=env
    )
    assert proc.returncode == 3, proc.stderr
    report = _json(proc)
    hostile = _area(report, "hostile")
    assert hostile["status"] == "error"
    assert hostile["findings"] == []  # nothing of it was scored
    assert report["inconclusive"] is True
    [failure] = report["generator"]["failures"]
    assert failure["name"] == "bad_finding"
    assert failure["stage"] == "assess"
    assert "Finding hostile.x" in failure["error"]
    # and the general area is assessed as usual
    assert _area(report, "general")["status"] != "error"


@pytest.mark.parametrize("fmt", ["text", "md", "html"])
def test_a_bad_finding_renders_in_every_format(
    run_cli: RunCli, small_example: Path, tmp_path: Path, fmt: str
) -> None:
    _module(tmp_path, "bad_finding", BAD_FINDING.replace("{FIELDS}", "{'message': 'text'}"))
    event = _with_area(tmp_path, small_example, "hostile")
    proc = run_cli(
        "check", event, "--plugin", "bad_finding", "--format", fmt, "--lang", "en",
        env={"PYTHONPATH": str(tmp_path)},
    )  # fmt: skip
    assert proc.returncode == 3
    assert "Traceback" not in proc.stderr
    assert "Inconclusive" in proc.stdout
    assert "Finding hostile.x" in proc.stdout


# -- no plugin wins an area by the order of its name --------------------------------------------

IMPOSTOR = """
    from venue_ready import AreaSpec, Finding, Message, hookimpl

    @hookimpl
    def venue_ready_areas():
        return [
            AreaSpec(key="general", title_vi="Chung", title_en="General"),
            AreaSpec(key="security", title_vi="An ninh", title_en="Security"),
        ]

    @hookimpl
    def venue_ready_assess(area):
        if area.key in ("general", "security"):
            return [Finding(code="x.y", area=area.key, message=Message("x.y"), credit=1.0)]
        return None
"""


def test_a_plugin_whose_name_sorts_first_takes_no_area(run_cli: RunCli, tmp_path: Path) -> None:
    _distribution(tmp_path, "aaa-impostor", "aaa_impostor", IMPOSTOR)
    env = {"PYTHONPATH": str(tmp_path)}
    proc = run_cli(
        "check", FULL_EXAMPLE, "--format", "json", "--lang", "en", "--as-of", AS_OF, env=env
    )
    assert proc.returncode == 3
    report = _json(proc)
    assert report["inconclusive"] is True
    for key, rightful in (("general", "checklist"), ("security", "security")):
        area = _area(report, key)
        assert area["status"] == "error"
        assert all(f["code"] != "x.y" for f in area["findings"])
        [contested] = [e for e in area["errors"] if "more than one plugin" in e]
        assert f"'{key}'" in contested
        assert "aaa_impostor" in contested
        assert rightful in contested
    # both are named, the rightful ones included
    named = {f["name"] for f in report["generator"]["failures"]}
    assert {"aaa_impostor", "checklist", "security"} <= named
    # the other areas are scored from their own plugins, as without the impostor
    for key in ("decoration", "broadcast", "disinfection"):
        assert _area(report, key)["status"] != "error"
    # every other plugin's catalog still loads: no raw message ids in the text report
    text = run_cli("check", FULL_EXAMPLE, "--lang", "en", "--as-of", AS_OF, env=env).stdout
    assert "decoration." not in text.replace("[areas.decoration", "")


def test_contested_areas_keep_every_plugins_catalog(tmp_path: Path) -> None:
    _distribution(tmp_path, "aaa-impostor", "aaa_impostor", IMPOSTOR)
    import sys

    sys.path.insert(0, str(tmp_path))
    try:
        pm = get_plugin_manager()
        assert pm.contested("security") == ("aaa_impostor", "security")
        assert "security" not in pm.area_specs()
        assert "security.plan-missing" in pm.catalogs()["en"]  # the legitimate plugin's
    finally:
        sys.path.remove(str(tmp_path))
        sys.modules.pop("aaa_impostor", None)


# -- Findings in an area a plugin does not provide ------------------------------------------

LIFTER = """
    from venue_ready import Finding, Message, hookimpl
    {POLICY}

    @hookimpl
    def venue_ready_assess(area):
        if area.key == "security":
            return [Finding(code="lift.x", area="security", message=Message("lift.x"),
                            weight={WEIGHT}, credit={CREDIT}, gate={GATE})]
        return None
"""


def _security(run_cli: RunCli, tmp_path: Path, *plugin: str) -> tuple[int, dict[str, Any]]:
    env = {"PYTHONPATH": str(tmp_path)}
    proc = run_cli("check", FULL_EXAMPLE, *plugin, "--format", "json", "--as-of", AS_OF, env=env)
    return proc.returncode, _json(proc)


@pytest.mark.parametrize("policy", ["", "VENUE_READY_POLICY = True"], ids=["plain", "policy"])
def test_a_plugin_cannot_lift_an_area_it_does_not_provide(
    run_cli: RunCli, tmp_path: Path, policy: str
) -> None:
    source = LIFTER.format(POLICY=policy, WEIGHT=1000.0, CREDIT=1.0, GATE=False)
    _module(tmp_path, "lifter", source)
    _, before = _security(run_cli, tmp_path)
    code, after = _security(run_cli, tmp_path, "--plugin", "lifter")
    assert code == 3
    security = _area(after, "security")
    assert security["score"] == _area(before, "security")["score"]
    assert all(f["code"] != "lift.x" for f in security["findings"])
    [failure] = after["generator"]["failures"]
    assert failure["name"] == "lifter"
    assert ("does not provide" if not policy else "would raise") in failure["error"]


def test_a_policy_plugin_may_add_an_unmet_requirement(run_cli: RunCli, tmp_path: Path) -> None:
    source = LIFTER.format(POLICY="VENUE_READY_POLICY = True", WEIGHT=1.0, CREDIT=0.0, GATE=True)
    _module(tmp_path, "tightener", source)
    _, before = _security(run_cli, tmp_path)
    code, after = _security(run_cli, tmp_path, "--plugin", "tightener")
    assert code == 0
    security = _area(after, "security")
    assert security["score"] <= _area(before, "security")["score"]
    assert any(f["code"] == "lift.x" for f in security["findings"])
    assert after["generator"]["failures"] == []


# -- a plugin that failed to load is blamed, not the file ----------------------------------------


def test_a_failed_plugin_is_blamed_whatever_its_area_keys(
    run_cli: RunCli, small_example: Path, tmp_path: Path
) -> None:
    _distribution(tmp_path, "venue-ready-food", "vr_food", "raise ImportError('no luck')\n")
    event = _with_area(tmp_path, small_example, "catering")  # not the plugin's name
    proc = run_cli("check", event, "--lang", "en", env={"PYTHONPATH": str(tmp_path)})
    assert proc.returncode == 3, proc.stderr
    assert "no installed plugin provides" not in proc.stderr
    assert "vr_food" in proc.stdout
    assert "no luck" in proc.stdout
    assert "inconclusive" in proc.stderr


def test_a_blocked_plugins_area_is_said_to_be_blocked(run_cli: RunCli) -> None:
    proc = run_cli("check", FULL_EXAMPLE, "-p", "no:security", "--lang", "en")
    assert proc.returncode == 2
    assert (
        "area 'security' belongs to plugin 'security', which was blocked with -p no:security"
        in (proc.stderr)
    )
    assert "not installed" not in proc.stderr
    assert "no installed plugin" not in proc.stderr


# -- inconclusive means the same everywhere ---------------------------------------------------


def test_inconclusive_is_one_thing_on_stderr_and_in_every_format(
    run_cli: RunCli, small_example: Path, tmp_path: Path
) -> None:
    # A plugin fails (at import) though no area of the event is its: still inconclusive
    _module(tmp_path, "broken_import", "raise RuntimeError('broken')\n")
    env = {"PYTHONPATH": str(tmp_path)}
    for fmt, marker in (("json", '"inconclusive": true'), ("text", "Inconclusive"),
                        ("md", "Inconclusive"), ("html", "Inconclusive")):  # fmt: skip
        proc = run_cli(
            "check", small_example, "--plugin", "broken_import", "--format", fmt, "--lang", "en",
            env=env,
        )  # fmt: skip
        assert proc.returncode == 3, fmt
        assert marker in proc.stdout, fmt
        assert "The result is inconclusive (1 plugin failure; areas in error: 0)" in (proc.stderr)
    plain = run_cli("check", small_example, "--format", "json", env=env)
    assert plain.returncode == 0
    assert json.loads(plain.stdout)["inconclusive"] is False
    assert "inconclusive" not in plain.stderr


# -- hook options, slow plugins, VENUE_READY_LOAD_PLUGINS ----------------------------------------


@pytest.mark.parametrize("option", ["tryfirst", "trylast", "wrapper", "hookwrapper"])
def test_hook_options_the_core_does_not_honour_are_refused(
    run_cli: RunCli, small_example: Path, tmp_path: Path, option: str
) -> None:
    body = "yield" if "wrapper" in option else "return None"
    source = f"""
        from venue_ready import hookimpl

        @hookimpl({option}=True)
        def venue_ready_assess(area):
            {body}
    """
    _module(tmp_path, "ordered", source)
    proc = run_cli(
        "check", small_example, "--plugin", "ordered", "--format", "json",
        env={"PYTHONPATH": str(tmp_path)},
    )  # fmt: skip
    assert proc.returncode == 3
    [failure] = _json(proc)["generator"]["failures"]
    assert (failure["name"], failure["stage"]) == ("ordered", "register")
    assert f"venue_ready_assess: {option}" in failure["error"]


def test_a_slow_plugin_is_named_on_stderr(
    run_cli: RunCli, small_example: Path, tmp_path: Path
) -> None:
    source = """
        import time
        from venue_ready import hookimpl

        @hookimpl
        def venue_ready_assess(area):
            time.sleep(0.1)
    """
    _module(tmp_path, "sluggish", source)
    env = {"PYTHONPATH": str(tmp_path), "VENUE_READY_SLOW_PLUGIN_SECONDS": "0.02"}
    proc = run_cli("check", small_example, "--plugin", "sluggish", "--lang", "en", env=env)
    assert proc.returncode == 0
    warnings = [line for line in proc.stderr.splitlines() if "sluggish" in line]
    assert len(warnings) == 1  # one call (the event has one area), one line
    assert warnings[0].startswith("warning: plugin 'sluggish' took ")
    assert warnings[0].endswith(" s in venue_ready_assess(general)")


def test_a_typo_in_load_plugins_names_the_distribution(
    run_cli: RunCli, small_example: Path, tmp_path: Path
) -> None:
    _distribution(tmp_path, "venue-ready-catering", "vr_catering", "")
    env = {
        "PYTHONPATH": str(tmp_path),
        "VENUE_READY_LOAD_PLUGINS": "venue-ready-catering,venue-ready-caterng",
    }
    proc = run_cli("check", small_example, "--lang", "en", env=env)
    assert proc.returncode == 2
    assert "VENUE_READY_LOAD_PLUGINS names 'venue-ready-caterng'" in proc.stderr
    assert "'venue-ready-catering'" not in proc.stderr  # the one that is there is not named
    assert proc.stdout == ""


def test_number_and_text_subclasses_are_good_findings() -> None:
    """A float subclass (numpy's float64, say) at exactly 0 or 1, a StrEnum code: good data."""
    import enum
    from datetime import datetime, timedelta, timezone

    from venue_ready import AreaSpec, Finding, Message, hookimpl, loads
    from venue_ready._assessment import assess
    from venue_ready.testing import plugin_manager

    class Real(float):
        pass

    class Code(enum.StrEnum):
        DONE = "extra.done"

    class Extra:
        @hookimpl
        def venue_ready_areas(self) -> list[AreaSpec]:
            return [AreaSpec(key="extra", title_vi="Thêm", title_en="Extra")]

        @hookimpl
        def venue_ready_assess(self, event: Any, area: Any, as_of: Any) -> list[Finding] | None:
            if area.key != "extra":
                return None
            return [
                Finding(code=Code.DONE, area="extra", weight=Real(1.0), credit=Real(1.0),
                        message=Message("extra.done")),
                Finding(code="extra.todo", area="extra", weight=Real(1.0), credit=Real(0.0),
                        message=Message("extra.todo")),
            ]  # fmt: skip

    pm = plugin_manager(Extra())
    event = loads(
        'schema = 1\n[event]\nid = "e"\nname = "n"\n'
        "starts = 2020-05-15T07:30:00+07:00\n[areas.extra]\n",
        plugins=pm,
    )
    report = assess(
        event, as_of=datetime(2020, 5, 1, tzinfo=timezone(timedelta(hours=7))), plugins=pm
    )
    assert not report.failures
    area = report.area("extra")
    assert area is not None
    assert area.score == 50.0


def test_a_plugin_of_a_builtins_name_does_not_take_its_place(
    run_cli: RunCli, tmp_path: Path
) -> None:
    # another distribution whose entry point is called `checklist`: the built-in keeps its
    # place (the general area, its catalog) and the impostor is a failure naming the reason
    _distribution(tmp_path, "not-venue-ready", "checklist", IMPOSTOR)
    env = {"PYTHONPATH": str(tmp_path)}
    proc = run_cli(
        "check", FULL_EXAMPLE, "--format", "json", "--lang", "en", "--as-of", AS_OF, env=env
    )
    assert proc.returncode == 3
    report = _json(proc)
    [failure] = report["generator"]["failures"]
    assert failure["name"] == "checklist@not-venue-ready"
    assert failure["distribution"] == "not-venue-ready"
    assert "built-in" in failure["error"]
    general = _area(report, "general")
    assert general["status"] != "error"
    assert all(f["code"] != "x.y" for f in general["findings"])
