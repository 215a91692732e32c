"""``venue-ready new-plugin NAME``: a new plugin package, ready to test and install.

The package has a pyproject with its entry point in the ``venue_ready`` group, a plugin module
with one area, a template checklist and a settings validator, and a test that uses venue_ready's
pytest fixtures and conformance check. It passes its own tests as generated.
"""

from __future__ import annotations

import re
from pathlib import Path

__all__ = ["PluginNameError", "area_key_for", "module_for", "new_plugin", "valid_name"]

# PEP 508 / the core metadata spec: letters, digits, and . _ - inside.
_NAME = re.compile(r"^([A-Z0-9]|[A-Z0-9][A-Z0-9._-]*[A-Z0-9])$", re.IGNORECASE)
_KEY = re.compile(r"^[a-z][a-z0-9_-]*$")


class PluginNameError(ValueError):
    """The name, or the area key, is not valid; the message says why."""


def valid_name(name: str) -> bool:
    """True for a valid distribution name (``venue-ready-catering``)."""
    return bool(_NAME.match(name))


def module_for(name: str) -> str:
    """The import name of a distribution: ``venue-ready-catering`` → ``venue_ready_catering``."""
    return re.sub(r"[-_.]+", "_", name).lower()


def area_key_for(name: str) -> str:
    """The default area key: the name without a ``venue-ready-`` prefix, ``catering``."""
    module = module_for(name)
    return module.removeprefix("venue_ready_") or module


def new_plugin(parent: Path, name: str, area: str | None = None) -> Path:
    """Write the package ``name`` into ``parent / name``; return that folder.

    Raises :class:`PluginNameError` for an invalid name or area key, and
    :class:`FileExistsError` when the folder exists (nothing is overwritten).
    """
    if not valid_name(name):
        raise PluginNameError(name)
    key = area or area_key_for(name)
    if not _KEY.match(key):
        raise PluginNameError(key)
    module = module_for(name)
    if not module.isidentifier():
        raise PluginNameError(name)
    root = parent / name
    root.mkdir()  # raises FileExistsError: an existing folder is never written into
    values = {"name": name, "module": module, "key": key, "title": key.replace("_", " ")}
    files = {
        "pyproject.toml": _PYPROJECT,
        "README.md": _README,
        f"src/{module}/__init__.py": _PLUGIN,
        f"src/{module}/py.typed": "",
        f"tests/test_{module}.py": _TEST,
    }
    for relative, template in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(_fill(template, values), encoding="utf-8")
    return root


def _fill(template: str, values: dict[str, str]) -> str:
    # Templates use «name» placeholders, so that the generated code's own braces stay as they are.
    for key, value in values.items():
        template = template.replace(f"«{key}»", value)
    return template


_PYPROJECT = """\
[build-system]
requires = ["hatchling"]
build-backend = "hatchling.build"

[project]
name = "«name»"
version = "0.1.0"
description = "A venue_ready plugin: the «title» area."
requires-python = ">=3.11"
dependencies = ["venue-ready"]

[project.optional-dependencies]
test = ["pytest"]

# venue_ready finds the plugin through this entry point; its name is the plugin's name
# (venue-ready check -p no:«key»).
[project.entry-points.venue_ready]
«key» = "«module»"

[tool.hatch.build.targets.wheel]
packages = ["src/«module»"]

[tool.pytest.ini_options]
testpaths = ["tests"]
pythonpath = ["src"]
"""

_README = """\
# «name»

A [venue_ready](https://pypi.org/project/venue-ready/) plugin that adds the area `«key»`.

    pip install -e '.[test]'
    python -m pytest
    venue-ready plugins          # lists «key»

Use it in an event file:

    [areas.«key»]
    settings = { target = 10, done = 4 }

See venue_ready's docs/plugins.md for the hooks, the Finding fields and the conformance rules.
"""

_PLUGIN = '''\
"""The «title» area for venue_ready.

Settings (``[areas.«key».settings]``):

- ``target``: how many units the area needs (default 1);
- ``done``: how many are ready (default 0).

The plugin is the area's spec, a settings parser and its rules, put together by venue_ready's
``area_plugin``. When they grow, move ``parse`` to ``settings.py`` and ``assess`` to
``rules.py``, and name them by strings: venue_ready then imports them on first use, not with
the plugin (every command loads every plugin)::

    settings="«module».settings:parse",
    rules="«module».rules:assess",
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any

from venue_ready import (
    AreaPlan,
    AreaSpec,
    Event,
    Finding,
    Message,
    Problem,
    SettingsReader,
    TemplateItem,
    area_plugin,
)

__all__ = ["KEY", "assess", "parse", "venue_ready_areas", "venue_ready_assess"]

KEY = "«key»"

MESSAGES = {
    "vi": {"«key».progress": "Đã chuẩn bị {done}/{target}"},
    "en": {"«key».progress": "Ready: {done} of {target}"},
}

TEMPLATE = (
    TemplateItem(
        id="«key».plan",
        title_vi="Kế hoạch «title»",
        title_en="The «title» plan",
        owner_vi="Tiểu ban Phục vụ",
        owner_en="Service sub-committee",
        lead_days=7,
    ),
)

SETTINGS_EXAMPLE = """\\
target = 1  # how many units the area needs
done = 0    # how many are ready
"""


def parse(
    settings: Mapping[str, Any], event: Event | None
) -> tuple[tuple[int, int], list[Problem]]:
    """(target, done) and every problem found; never raises. It is the settings validator too."""
    reader = SettingsReader(settings, event)
    reader.known("target", "done")
    target = reader.integer("target", 1, low=1, high=1_000_000)
    done = reader.integer("done", 0, high=1_000_000)
    return (target, done), reader.problems


def assess(
    config: tuple[int, int], event: Event, area: AreaPlan, as_of: datetime
) -> list[Finding]:
    """How much of the target is ready, due a day before the start."""
    target, done = config
    return [
        Finding(
            code="«key».progress",
            area=area.key,
            subject="progress",
            weight=1.0,
            credit=min(1.0, done / target),
            due=event.starts - timedelta(days=1),
            message=Message("«key».progress", {"done": done, "target": target}),
        )
    ]


_plugin = area_plugin(
    AreaSpec(
        key=KEY,
        title_vi="«title»",
        title_en="«title»",
        template=TEMPLATE,
        messages=MESSAGES,
        settings_example=SETTINGS_EXAMPLE,
    ),
    settings=parse,
    rules=assess,
)
venue_ready_areas = _plugin.venue_ready_areas
venue_ready_assess = _plugin.venue_ready_assess
'''

_TEST = '''\
"""Tests of the «key» plugin, with venue_ready's pytest fixtures."""

from __future__ import annotations

from typing import Any

import pytest

import «module» as plugin

EVENT = """
schema = 1
[event]
id = "test"
name = "Đại hội"
starts = 2020-05-15T07:30:00+07:00
[areas.«key»]
settings = { target = 4, done = 3 }
"""


def test_progress(
    venue_ready_plugins: Any, venue_ready_event: Any, venue_ready_assess_area: Any
) -> None:
    plugins = venue_ready_plugins(plugin)
    event = venue_ready_event(EVENT, plugins=plugins)
    [finding] = venue_ready_assess_area(event, "«key»", plugins=plugins)
    assert finding.code == "«key».progress"
    assert finding.credit == 0.75


def test_bad_settings_are_problems(venue_ready_plugins: Any, venue_ready_event: Any) -> None:
    from venue_ready import LoadError

    plugins = venue_ready_plugins(plugin)
    with pytest.raises(LoadError) as info:
        venue_ready_event(EVENT.replace("target = 4", 'target = "four"'), plugins=plugins)
    [problem] = info.value.problems
    assert problem.path == ("areas", "«key»", "settings", "target")


def test_conformance(venue_ready_check_plugin: Any) -> None:
    venue_ready_check_plugin(plugin)
'''
