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

#: Every public name and the module it comes from: the one list. ``__all__`` and the lazy
#: ``__getattr__`` below are made from it. ``import venue_ready`` imports none of the modules: a
#: name is imported when it is first used (PEP 562). pytest imports this package in every test
#: session of every project where venue_ready is installed, for its pytest plugin
#: (``venue_ready.pytest_plugin``), and must not pay for the model, the loader and the plugin
#: manager there.
_EXPORTS: dict[str, str] = {
    name: module
    for module, names in (
        ("areaplugin", ("AreaPlugin", "area_plugin")),
        ("assessment", ("assess",)),
        ("subevents", ("SubeventResult",)),
        ("errors", ("LoadError", "PluginError", "PluginFailure", "Problem")),
        ("files", ("write_atomic",)),
        ("findingmaker", ("FindingFields", "FindingMaker")),
        ("hookspecs", ("hookimpl",)),
        ("i18n", ("format_datetime", "format_number", "format_score")),
        (
            "journal",
            (
                "Journal",
                "JournalError",
                "Mark",
                "assess_with_history",
                "check_mark",
                "default_journal_path",
                "mark",
                "mark_many",
                "open_journal",
                "readiness_history",
                "replay",
            ),
        ),
        ("loading", ("SCHEMA_VERSION", "from_dict", "load", "loads")),
        ("validation", ("validate",)),
        (
            "model",
            (
                "AreaPlan",
                "AreaSpec",
                "AreaStatus",
                "Entrance",
                "Event",
                "Finding",
                "Item",
                "JournalEntry",
                "JournalSubjects",
                "Message",
                "Phase",
                "RenderFunction",
                "Renderer",
                "SettingsValidator",
                "SignOff",
                "Status",
                "TemplateItem",
                "Venue",
                "Waiver",
                "Zone",
            ),
        ),
        ("plugins", ("PluginManager", "default_plugin_manager", "get_plugin_manager")),
        ("report", ("AreaReport", "HistoryPoint", "PluginInfo", "Report", "status_title")),
        ("roles", ("Role",)),
        ("rollup", ("LevelTotal", "Rollup", "RollupEntry", "RollupError", "roll_up")),
        ("scoring", ("item_credit",)),
        ("names", ("fold_name",)),
        ("settings", ("SettingsReader",)),
        ("settingclasses", ("Setting", "read_settings", "read_table", "read_tables")),
        ("templateitems", ("template_item",)),
    )
    for name in names
}

# computed, not a literal: mypy and pyright read the literal imports below instead
__all__ = ["__version__", *sorted(_EXPORTS)]  # noqa: PLE0604

# Type checkers cannot read the table above, so they get the same names as literal imports
# (``X as X``: an explicit re-export). tests/test_project.py checks the two lists are one.
if TYPE_CHECKING:
    from .areaplugin import AreaPlugin as AreaPlugin
    from .areaplugin import area_plugin as area_plugin
    from .assessment import assess as assess
    from .errors import LoadError as LoadError
    from .errors import PluginError as PluginError
    from .errors import PluginFailure as PluginFailure
    from .errors import Problem as Problem
    from .files import write_atomic as write_atomic
    from .findingmaker import FindingFields as FindingFields
    from .findingmaker import FindingMaker as FindingMaker
    from .hookspecs import hookimpl as hookimpl
    from .i18n import format_datetime as format_datetime
    from .i18n import format_number as format_number
    from .i18n import format_score as format_score
    from .journal import Journal as Journal
    from .journal import JournalError as JournalError
    from .journal import Mark as Mark
    from .journal import assess_with_history as assess_with_history
    from .journal import check_mark as check_mark
    from .journal import default_journal_path as default_journal_path
    from .journal import mark as mark
    from .journal import mark_many as mark_many
    from .journal import open_journal as open_journal
    from .journal import readiness_history as readiness_history
    from .journal import replay as replay
    from .loading import SCHEMA_VERSION as SCHEMA_VERSION
    from .loading import from_dict as from_dict
    from .loading import load as load
    from .loading import loads as loads
    from .model import AreaPlan as AreaPlan
    from .model import AreaSpec as AreaSpec
    from .model import AreaStatus as AreaStatus
    from .model import Entrance as Entrance
    from .model import Event as Event
    from .model import Finding as Finding
    from .model import Item as Item
    from .model import JournalEntry as JournalEntry
    from .model import JournalSubjects as JournalSubjects
    from .model import Message as Message
    from .model import Phase as Phase
    from .model import Renderer as Renderer
    from .model import RenderFunction as RenderFunction
    from .model import SettingsValidator as SettingsValidator
    from .model import SignOff as SignOff
    from .model import Status as Status
    from .model import TemplateItem as TemplateItem
    from .model import Venue as Venue
    from .model import Waiver as Waiver
    from .model import Zone as Zone
    from .names import fold_name as fold_name
    from .plugins import PluginManager as PluginManager
    from .plugins import default_plugin_manager as default_plugin_manager
    from .plugins import get_plugin_manager as get_plugin_manager
    from .report import AreaReport as AreaReport
    from .report import HistoryPoint as HistoryPoint
    from .report import PluginInfo as PluginInfo
    from .report import Report as Report
    from .report import status_title as status_title
    from .roles import Role as Role
    from .rollup import LevelTotal as LevelTotal
    from .rollup import Rollup as Rollup
    from .rollup import RollupEntry as RollupEntry
    from .rollup import RollupError as RollupError
    from .rollup import roll_up as roll_up
    from .scoring import item_credit as item_credit
    from .settingclasses import Setting as Setting
    from .settingclasses import read_settings as read_settings
    from .settingclasses import read_table as read_table
    from .settingclasses import read_tables as read_tables
    from .settings import SettingsReader as SettingsReader
    from .subevents import SubeventResult as SubeventResult
    from .templateitems import template_item as template_item
    from .validation import validate as validate

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
