"""venue_ready: how ready is an event, area by area, and what still blocks it.

The public API, all of it importable from here::

    import venue_ready

    event = venue_ready.load("congress.toml")          # or build an Event in code
    report = venue_ready.assess(event, as_of=None)     # None: now
    print(report.score, report.status)
    print(report.to_json(lang="en"))

    rollup = venue_ready.roll_up(["district/"], jobs=2)  # many events, as one tree
    for entry in rollup.worst_first()[:10]:
        print(entry.result.id, entry.result.score, entry.result.status)

Plugin authors need only :data:`hookimpl`, the model classes and :class:`Problem`; see
``docs/plugins.md``. Everything not listed in ``__all__`` is private and may change.
"""

from typing import TYPE_CHECKING

from ._version import __version__

if TYPE_CHECKING:  # the names are imported on first use, below; type checkers see them here
    from .areaplugin import AreaPlugin, area_plugin
    from .assessment import assess
    from .errors import LoadError, PluginError, Problem
    from .files import write_atomic
    from .hookspecs import hookimpl
    from .journal import Journal, JournalError, mark, open_journal, replay
    from .loading import SCHEMA_VERSION, from_dict, load, loads
    from .model import (
        AreaPlan,
        AreaSpec,
        AreaStatus,
        Entrance,
        Event,
        Finding,
        Item,
        JournalEntry,
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
    from .names import fold_name
    from .plugins import PluginFailure, PluginManager, get_plugin_manager
    from .report import AreaReport, PluginInfo, Report
    from .rollup import LevelTotal, Rollup, RollupEntry, RollupError, roll_up
    from .scoring import item_credit
    from .settings import SettingsReader
    from .subevents import SubeventResult

#: The module each public name comes from. ``import venue_ready`` imports none of them: a name is
#: imported when it is first used (PEP 562). pytest imports this package in every test session
#: of every project where venue_ready is installed, for its pytest plugin
#: (``venue_ready.pytest_plugin``), and must not pay for the model, the loader and the plugin
#: manager there.
_EXPORTS = {
    "AreaPlugin": "areaplugin",
    "area_plugin": "areaplugin",
    "assess": "assessment",
    "LoadError": "errors",
    "PluginError": "errors",
    "Problem": "errors",
    "write_atomic": "files",
    "hookimpl": "hookspecs",
    "Journal": "journal",
    "JournalError": "journal",
    "mark": "journal",
    "open_journal": "journal",
    "replay": "journal",
    "SCHEMA_VERSION": "loading",
    "from_dict": "loading",
    "load": "loading",
    "loads": "loading",
    **dict.fromkeys(
        (
            "AreaPlan",
            "AreaSpec",
            "AreaStatus",
            "Entrance",
            "Event",
            "Finding",
            "Item",
            "JournalEntry",
            "Message",
            "Phase",
            "Renderer",
            "SignOff",
            "Status",
            "TemplateItem",
            "Venue",
            "Waiver",
            "Zone",
        ),
        "model",
    ),
    "fold_name": "names",
    "PluginFailure": "plugins",
    "PluginManager": "plugins",
    "get_plugin_manager": "plugins",
    "AreaReport": "report",
    "PluginInfo": "report",
    "Report": "report",
    "item_credit": "scoring",
    "SettingsReader": "settings",
    "LevelTotal": "rollup",
    "Rollup": "rollup",
    "RollupEntry": "rollup",
    "RollupError": "rollup",
    "roll_up": "rollup",
    "SubeventResult": "subevents",
}

__all__ = [
    "SCHEMA_VERSION",
    "AreaPlan",
    "AreaPlugin",
    "AreaReport",
    "AreaSpec",
    "AreaStatus",
    "Entrance",
    "Event",
    "Finding",
    "Item",
    "Journal",
    "JournalEntry",
    "JournalError",
    "LevelTotal",
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
    "Rollup",
    "RollupEntry",
    "RollupError",
    "SettingsReader",
    "SignOff",
    "Status",
    "SubeventResult",
    "TemplateItem",
    "Venue",
    "Waiver",
    "Zone",
    "__version__",
    "area_plugin",
    "assess",
    "fold_name",
    "from_dict",
    "get_plugin_manager",
    "hookimpl",
    "item_credit",
    "load",
    "loads",
    "mark",
    "open_journal",
    "replay",
    "roll_up",
    "write_atomic",
]

if not TYPE_CHECKING:  # hidden from type checkers, which would accept any name through it

    def __getattr__(name: str) -> object:
        module = _EXPORTS.get(name)
        if module is None:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        from importlib import import_module

        value = getattr(import_module(f"{__name__}.{module}"), name)
        globals()[name] = value  # once imported, a plain module attribute
        return value

    def __dir__() -> list[str]:
        return sorted({*globals(), *__all__})
