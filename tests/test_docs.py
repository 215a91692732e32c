"""The plugin documentation cannot drift from the code: every hook, every argument, every
Finding and AreaSpec field is in docs/plugins.md, and its tutorial runs as written."""

from __future__ import annotations

import inspect
import re
import sys
import textwrap
from pathlib import Path

import attrs
import pytest

import venue_ready
from venue_ready import hookspecs

from .conftest import ROOT

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


def test_no_documented_hook_is_missing_from_the_code() -> None:
    documented = set(re.findall(r"^### `(venue_ready_\w+)\(", DOC, re.M))
    assert documented == set(HOOKS)


@pytest.mark.parametrize("cls", [venue_ready.Finding, venue_ready.AreaSpec])
def test_every_field_is_documented(cls: type) -> None:
    missing = [f.name for f in attrs.fields(cls) if f"| `{f.name}`" not in DOC]
    assert missing == []


def test_the_tutorial_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocks = re.findall(r"```python\n(.*?)```", DOC, re.S)
    plugin_code, test_code = blocks[0], blocks[1]
    package = tmp_path / "venue_ready_catering"
    package.mkdir()
    (package / "__init__.py").write_text(textwrap.dedent(plugin_code), encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    import venue_ready_catering  # type: ignore[import-not-found]

    real = venue_ready.get_plugin_manager

    def with_catering(**kwargs: object) -> venue_ready.PluginManager:
        pm = real(**kwargs)  # type: ignore[arg-type]
        pm.register_plugin(venue_ready_catering, "catering", "venue-ready-catering", "0.1.0")
        return pm

    monkeypatch.setattr(venue_ready, "get_plugin_manager", with_catering)
    namespace: dict[str, object] = {}
    exec(compile(test_code, "docs/plugins.md", "exec"), namespace)
    tests = [f for name, f in namespace.items() if name.startswith("test_") and callable(f)]
    assert len(tests) == 2
    for test in tests:
        test()
    sys.modules.pop("venue_ready_catering", None)
