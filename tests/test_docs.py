"""The plugin documentation cannot drift from the code: every hook, every argument, every
Finding and AreaSpec field is in docs/plugins.md, and its tutorial runs as written."""

from __future__ import annotations

import inspect
import re
import textwrap

import attrs
import pytest

import venue_ready
from venue_ready import _hookspecs as hookspecs

from .conftest import ROOT

pytest_plugins = ["pytester"]

DOC = (ROOT / "docs" / "plugins.md").read_text(encoding="utf-8")
HOOKS = sorted(n for n in vars(hookspecs) if n.startswith("venue_ready_"))


def _section(heading: str) -> str:
    match = re.search(rf"^### `{re.escape(heading)}.*?$(.*?)(?=^##)", DOC, re.M | re.S)
    assert match, f"no section for {heading} in docs/plugins.md"
    return match.group(1)


@pytest.mark.parametrize("hook", HOOKS)
def test_every_hook_and_argument_is_documented(hook: str) -> None:
    section = _section(hook)
    for argument in inspect.signature(getattr(hookspecs, hook)).parameters:
        assert f"| `{argument}` |" in section, f"{hook}: argument {argument} is not documented"


def test_the_hook_reference_is_the_hookspecs_docstrings() -> None:
    """Each hook's section opens with its docstring, made into Markdown by
    docs/hook_reference.py: one source of truth. Run that script after changing a docstring."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "hook_reference", ROOT / "docs" / "hook_reference.py"
    )
    assert spec is not None
    assert spec.loader is not None
    generator = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generator)
    blocks = dict(re.findall(r"<!-- hookspec: (\w+) -->\n(.*?)<!-- /hookspec -->", DOC, re.S))
    assert sorted(blocks) == HOOKS
    for hook, block in blocks.items():
        assert block in _section(hook), f"{hook}: its block is not in its own section"
        assert block == generator.markdown(getattr(hookspecs, hook)), (
            f"{hook}: docs/plugins.md differs from its docstring; run python docs/hook_reference.py"
        )
    assert generator.render(DOC) == DOC


def test_no_documented_hook_is_missing_from_the_code() -> None:
    documented = set(re.findall(r"^### `(venue_ready_\w+)\(", DOC, re.M))
    assert documented == set(HOOKS)


@pytest.mark.parametrize("cls", [venue_ready.Finding, venue_ready.AreaSpec])
def test_every_field_is_documented(cls: type) -> None:
    # by the name a caller writes (a private field's alias: `template` for `_template`)
    missing = [f.alias for f in attrs.fields(cls) if f"| `{f.alias}`" not in DOC]
    assert missing == []


def test_the_tutorial_runs(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch) -> None:
    """The tutorial's plugin package and its tests pass as written, in a pytest run of their
    own, with the fixtures of venue_ready's pytest plugin. Each ```python block of the
    tutorial is a file, named on its first line (``# src/venue_ready_catering/rules.py``)."""
    tutorial = DOC.split("\n## Tutorial\n", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```python\n# (\S+)\n(.*?)```", tutorial, re.S)
    files = dict(blocks)
    assert len(files) == len(blocks), "two blocks name the same file"
    package = "src/venue_ready_catering/"
    modules = {path.removeprefix(package): code for path, code in files.items() if package in path}
    assert sorted(modules) == [
        "__init__.py",
        "messages.py",
        "rules.py",
        "settings.py",
        "template.py",
    ]
    test_code = files.pop("tests/test_catering.py")
    tests = re.findall(r"^def (test_\w+)\(", test_code, re.M)
    assert len(tests) == 3, tests
    # the tutorial writes the plugin with the kit: no hand-built Finding or TemplateItem
    for name, code in modules.items():
        assert "Finding(" not in code, name
        assert "TemplateItem(" not in code, name
    for name in ("VENUE_READY_DISABLE_PLUGIN_AUTOLOAD", "VENUE_READY_LOAD_PLUGINS"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.delenv("PYTEST_DISABLE_PLUGIN_AUTOLOAD", raising=False)
    folder = pytester.mkpydir("venue_ready_catering")
    for name, code in modules.items():
        (folder / name).write_text(textwrap.dedent(code), encoding="utf-8")
    pytester.makepyfile(test_catering=test_code)
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "-W", "error", "-v")
    result.assert_outcomes(passed=len(tests))
    result.stdout.fnmatch_lines([f"*::{name} PASSED*" for name in tests])
