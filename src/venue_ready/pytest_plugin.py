"""venue_ready's pytest plugin: fixtures for testing venue_ready plugins.

pytest loads it by itself wherever venue_ready is installed (the entry point ``venue_ready`` of
the group ``pytest11``; ``-p no:venue_ready`` turns it off). Each fixture returns a function of
:mod:`venue_ready.testing`:

- ``venue_ready_plugins``: :func:`~venue_ready.testing.plugin_manager`, a plugin manager with
  only the plugins a test names (``venue_ready_plugins(my_plugin, "security")``);
- ``venue_ready_event``: :func:`~venue_ready.testing.make_event`, an event from TOML text or
  keyword arguments;
- ``venue_ready_assess_area``: :func:`~venue_ready.testing.assess_area`, one area's Findings;
- ``venue_ready_check_plugin``: :func:`~venue_ready.testing.check_plugin`, the conformance check.

Loading this module costs pytest nothing beyond ``import venue_ready`` itself: the helpers, the
plugins and the entry points are imported and read only when a test asks for a fixture.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from ._model import Event, Finding
    from ._plugins import PluginManager

__all__ = [
    "venue_ready_assess_area",
    "venue_ready_check_plugin",
    "venue_ready_event",
    "venue_ready_plugins",
]


@pytest.fixture
def venue_ready_plugins() -> Callable[..., PluginManager]:
    """``plugin_manager(*plugins, builtins=True)``: a plugin manager holding only ``plugins``
    (modules, objects, or plugin and module names) and the core ``checklist`` plugin."""
    from .testing import plugin_manager

    return plugin_manager


@pytest.fixture
def venue_ready_event() -> Callable[..., Event]:
    """``make_event(toml=None, *, plugins=None, **fields)``: an event from TOML text (``schema =
    1`` may be left out) or built from keyword arguments, with test defaults."""
    from .testing import make_event

    return make_event


@pytest.fixture
def venue_ready_assess_area() -> Callable[..., list[Finding]]:
    """``assess_area(event, key, *, plugins, as_of=None)``: the Findings of one area (as of the
    event's start by default); fails when the area came out ``error``."""
    from .testing import assess_area

    return assess_area


@pytest.fixture
def venue_ready_check_plugin() -> Callable[..., None]:
    """``check_plugin(plugin, *, plugins=None, as_of=None)``: raises PluginConformanceError
    naming the plugin and the rule when the plugin breaks one."""
    from .testing import check_plugin

    return check_plugin
