"""``venue-ready new-plugin NAME``: a new plugin package, ready to test and install.

The package has a pyproject with its entry point in the ``venue_ready`` group, and a plugin
package with one area laid out as the in-tree plugins are: ``__init__`` is
``area_plugin(AreaSpec(...), package=__name__)``, ``template.py`` holds the key, the default
owner (a ``Role``) and the template (``template_item`` rows), ``messages.py`` the catalog,
``settings.py`` the settings table declared once (a frozen attrs ``Config`` read by
``read_settings``) and ``rules.py`` the rules (made with ``FindingMaker``). Its test uses
venue_ready's pytest fixtures and conformance check; it passes as generated, and so do
``mypy --strict`` and ruff with the configuration its pyproject holds.
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
        f"src/{module}/__init__.py": _INIT,
        f"src/{module}/template.py": _TEMPLATE,
        f"src/{module}/messages.py": _MESSAGES,
        f"src/{module}/settings.py": _SETTINGS,
        f"src/{module}/rules.py": _RULES,
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
dependencies = ["venue-ready", "attrs"]

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

[tool.mypy]
strict = true
files = ["src", "tests"]
mypy_path = "src"

[tool.ruff]
line-length = 100
target-version = "py311"
src = ["src", "tests"]

[tool.ruff.lint]
select = ["E", "F", "W", "I", "B", "UP", "SIM", "RUF"]
# Vietnamese text is full of characters ruff takes for confusables.
ignore = ["RUF001", "RUF002", "RUF003"]
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

_INIT = '''\
"""The «title» area for venue_ready.

Settings (``[areas.«key».settings]``):

- ``target``: how many units the area needs (default 1);
- ``done``: how many are ready (default 0);
- ``lead_days``: they are due this many days before the opening (default 1).

The package is laid out as venue_ready's ``area_plugin`` expects, so the plugin names only its
package: ``settings.py`` (``parse``) and ``rules.py`` (``assess``) are imported on first use,
``template.py`` and ``messages.py`` when the area is first asked for; loading the plugin (every
command loads every plugin) stays cheap.
"""

from __future__ import annotations

from venue_ready import AreaSpec, area_plugin

from .template import KEY

__all__ = ["KEY", "venue_ready_areas", "venue_ready_assess"]

venue_ready_areas, venue_ready_assess = area_plugin(
    AreaSpec(key=KEY, title_vi="«title»", title_en="«title»"), package=__name__
)
'''

_TEMPLATE = '''\
"""The «title» area's key, its owner roles, its template checklist (for ``venue-ready init``)
and its settings example."""

from __future__ import annotations

from venue_ready import Role, template_item

__all__ = ["KEY", "ROLES", "SERVICE", "SETTINGS_EXAMPLE", "TEMPLATE"]

#: The area's key: the prefix of its template items, Finding codes and message ids.
KEY = "«key»"

#: Who is in charge when the event's data names no one: a role, named in both languages.
SERVICE = Role("«key».role.service", "Tiểu ban Phục vụ", "Service sub-committee")
#: Every role, for the catalog (messages.py).
ROLES = (SERVICE,)

TEMPLATE = (
    # id, Vietnamese title, English title, owner, lead days
    template_item(
        "«key».plan",
        "Kế hoạch «title»",
        "The «title» plan",
        SERVICE,
        7,
    ),
)

# The body of [areas.«key».settings] that `venue-ready init` writes.
SETTINGS_EXAMPLE = """\\
target = 1     # how many units the area needs
done = 0       # how many are ready
lead_days = 1  # they are due this many days before the opening
"""
'''

_MESSAGES = '''\
"""The «title» area's message catalog: the same ids and ``{params}`` in both languages."""

from __future__ import annotations

from .template import ROLES

__all__ = ["MESSAGES"]

_VI: dict[str, str] = {
    "«key».progress": "Đã chuẩn bị {done}/{target}",
}

_EN: dict[str, str] = {
    "«key».progress": "Ready: {done} of {target}",
}

# The default owner roles, named in both languages (template.ROLES).
for _role in ROLES:
    _VI[_role.id], _EN[_role.id] = _role.vi, _role.en

MESSAGES: dict[str, dict[str, str]] = {"vi": _VI, "en": _EN}
'''

_SETTINGS = '''\
"""The ``[areas.«key».settings]`` table, declared once as the :class:`Config` class.

``read_settings`` reads the table by the class's fields: their names are the keys the table
may hold (any other key is a problem, with "did you mean"), their types say how each value is
read, ``Setting(...)`` gives the bounds a type cannot. ``parse`` is the area's settings
validator too.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any

from attrs import frozen
from venue_ready import Event, Problem, Setting, read_settings

__all__ = ["MAX_COUNT", "MAX_DAYS", "Config", "parse"]

#: Upper bounds: a count or a lead time larger than these is a typing mistake (and a lead of a
#: million days would overflow a date).
MAX_COUNT = 1_000_000
MAX_DAYS = 366


@frozen
class Config:
    """The area's settings, read, with every default filled in."""

    #: How many units the area needs.
    target: Annotated[int, Setting(low=1, high=MAX_COUNT)] = 1
    #: How many are ready.
    done: Annotated[int, Setting(high=MAX_COUNT)] = 0
    #: They are due this many days before the opening.
    lead_days: Annotated[int, Setting(high=MAX_DAYS)] = 1


def parse(settings: Mapping[str, Any], event: Event | None) -> tuple[Config, list[Problem]]:
    """The :class:`Config` the settings table describes, and every problem found in it.

    Never raises: a wrong value is reported, and its field keeps its default.
    """
    return read_settings(Config, settings, event)
'''

_RULES = '''\
"""The «title» area's rules: pure functions from (config, event, area, as_of) to Findings.

No I/O, no clock: the same input gives the same Findings, in the same order.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from venue_ready import AreaPlan, Event, Finding, FindingMaker

from .settings import Config
from .template import KEY, SERVICE

__all__ = ["assess"]

#: Every Finding of the area: its area, and its owner when the data names none.
_make = FindingMaker(KEY, owner=SERVICE.owner)


def assess(config: Config, event: Event, area: AreaPlan, as_of: datetime) -> list[Finding]:
    """How much of the target is ready (``«key».progress``, weight 1), due ``lead_days``
    before the opening."""
    # the settings say what is ready now; the area's items are the core's to score
    del area, as_of
    return [
        _make(
            "«key».progress",
            "«key».progress",
            {"done": config.done, "target": config.target},
            credit=min(1.0, config.done / config.target),
            subject="progress",
            due=event.starts - timedelta(days=config.lead_days),
        )
    ]
'''

_TEST = '''\
"""Tests of the «key» plugin, with venue_ready's pytest fixtures."""

from __future__ import annotations

from typing import Any

import pytest

import «module» as plugin
from «module».template import SERVICE

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
    assert finding.owner == SERVICE.owner  # the data names no one: the default role


def test_bad_settings_are_problems(venue_ready_plugins: Any, venue_ready_event: Any) -> None:
    from venue_ready import LoadError

    plugins = venue_ready_plugins(plugin)
    bad = EVENT.replace("target = 4", 'target = "four"')
    with pytest.raises(LoadError) as info:
        venue_ready_event(bad, plugins=plugins)
    [problem] = info.value.problems
    assert problem.path == ("areas", "«key»", "settings", "target")


def test_conformance(venue_ready_check_plugin: Any) -> None:
    venue_ready_check_plugin(plugin)
'''
