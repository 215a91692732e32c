"""venue_ready: how ready is an event, area by area, and what still blocks it.

The public API, all of it importable from here::

    import venue_ready

    event = venue_ready.load("congress.toml")          # or build an Event in code
    report = venue_ready.assess(event, as_of=None)     # None: now
    print(report.score, report.status)
    print(report.to_json(lang="en"))

Plugin authors need only :data:`hookimpl`, the model classes and :class:`Problem`; see
``docs/plugins.md``. Everything not listed in ``__all__`` is private and may change.
"""

from ._version import __version__
from .assessment import assess
from .errors import LoadError, PluginError, Problem
from .files import write_atomic
from .hookspecs import hookimpl
from .loading import SCHEMA_VERSION, from_dict, load, loads
from .model import (
    AreaPlan,
    AreaSpec,
    AreaStatus,
    Entrance,
    Event,
    Finding,
    Item,
    Message,
    Phase,
    Renderer,
    SignOff,
    Status,
    TemplateItem,
    Venue,
    Waiver,
    Zone,
)
from .plugins import PluginFailure, PluginManager, get_plugin_manager
from .report import AreaReport, PluginInfo, Report
from .scoring import item_credit
from .settings import SettingsReader

__all__ = [
    "SCHEMA_VERSION",
    "AreaPlan",
    "AreaReport",
    "AreaSpec",
    "AreaStatus",
    "Entrance",
    "Event",
    "Finding",
    "Item",
    "LoadError",
    "Message",
    "Phase",
    "PluginError",
    "PluginFailure",
    "PluginInfo",
    "PluginManager",
    "Problem",
    "Renderer",
    "Report",
    "SettingsReader",
    "SignOff",
    "Status",
    "TemplateItem",
    "Venue",
    "Waiver",
    "Zone",
    "__version__",
    "assess",
    "from_dict",
    "get_plugin_manager",
    "hookimpl",
    "item_credit",
    "load",
    "loads",
    "write_atomic",
]
