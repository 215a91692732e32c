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
        ("_areaplugin", ("AreaPlugin", "applies_to", "area_plugin", "rule_kinds")),
        ("_kinds", ("BUILTIN_KINDS", "EventKind")),
        ("_assessment", ("assess",)),
        ("_deadlines", ("days_after", "days_before")),
        ("_subevents", ("SubeventResult",)),
        ("_errors", ("LoadError", "PluginError", "PluginFailure", "Problem")),
        ("_files", ("write_atomic",)),
        ("_findingmaker", ("FindingFields", "FindingMaker")),
        ("_hookspecs", ("hookimpl",)),
        (
            "_i18n",
            (
                "format_date_short",
                "format_datetime",
                "format_number",
                "format_range",
                "format_score",
            ),
        ),
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
        ("_loading", ("SCHEMA_VERSION", "from_dict", "load", "loads")),
        ("_validation", ("validate",)),
        (
            "_model",
            (
                "AreaPlan",
                "AreaSpec",
                "Attendance",
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
        ("_plugins", ("PluginManager", "default_plugin_manager", "get_plugin_manager")),
        ("_report", ("AreaReport", "HistoryPoint", "PluginInfo", "Report", "status_title")),
        ("_roles", ("Bodies", "Role")),
        (
            "_rollup",
            (
                "LevelTotal",
                "Rollup",
                "RollupBlocker",
                "RollupEntry",
                "RollupError",
                "RollupSelection",
                "roll_up",
            ),
        ),
        ("_scoring", ("item_credit",)),
        ("_names", ("fold_name",)),
        ("_settings", ("SettingsReader",)),
        (
            "_settingclasses",
            ("Setting", "before_start", "read_settings", "read_table", "read_tables"),
        ),
        ("_templateitems", ("packaged_template", "template_item")),
    )
    for name in names
}

# computed, not a literal: mypy and pyright read the literal imports below instead
__all__ = ["__version__", *sorted(_EXPORTS)]  # noqa: PLE0604

# Type checkers cannot read the table above, so they get the same names as literal imports
# (``X as X``: an explicit re-export). tests/test_project.py checks the two lists are one.
if TYPE_CHECKING:
    from ._areaplugin import AreaPlugin as AreaPlugin
    from ._areaplugin import applies_to as applies_to
    from ._areaplugin import area_plugin as area_plugin
    from ._areaplugin import rule_kinds as rule_kinds
    from ._assessment import assess as assess
    from ._deadlines import days_after as days_after
    from ._deadlines import days_before as days_before
    from ._errors import LoadError as LoadError
    from ._errors import PluginError as PluginError
    from ._errors import PluginFailure as PluginFailure
    from ._errors import Problem as Problem
    from ._files import write_atomic as write_atomic
    from ._findingmaker import FindingFields as FindingFields
    from ._findingmaker import FindingMaker as FindingMaker
    from ._hookspecs import hookimpl as hookimpl
    from ._i18n import format_date_short as format_date_short
    from ._i18n import format_datetime as format_datetime
    from ._i18n import format_number as format_number
    from ._i18n import format_range as format_range
    from ._i18n import format_score as format_score
    from ._kinds import BUILTIN_KINDS as BUILTIN_KINDS
    from ._kinds import EventKind as EventKind
    from ._loading import SCHEMA_VERSION as SCHEMA_VERSION
    from ._loading import from_dict as from_dict
    from ._loading import load as load
    from ._loading import loads as loads
    from ._model import AreaPlan as AreaPlan
    from ._model import AreaSpec as AreaSpec
    from ._model import AreaStatus as AreaStatus
    from ._model import Attendance as Attendance
    from ._model import Entrance as Entrance
    from ._model import Event as Event
    from ._model import Finding as Finding
    from ._model import Item as Item
    from ._model import JournalEntry as JournalEntry
    from ._model import JournalSubjects as JournalSubjects
    from ._model import Message as Message
    from ._model import Phase as Phase
    from ._model import Renderer as Renderer
    from ._model import RenderFunction as RenderFunction
    from ._model import SettingsValidator as SettingsValidator
    from ._model import SignOff as SignOff
    from ._model import Status as Status
    from ._model import TemplateItem as TemplateItem
    from ._model import Venue as Venue
    from ._model import Waiver as Waiver
    from ._model import Zone as Zone
    from ._names import fold_name as fold_name
    from ._plugins import PluginManager as PluginManager
    from ._plugins import default_plugin_manager as default_plugin_manager
    from ._plugins import get_plugin_manager as get_plugin_manager
    from ._report import AreaReport as AreaReport
    from ._report import HistoryPoint as HistoryPoint
    from ._report import PluginInfo as PluginInfo
    from ._report import Report as Report
    from ._report import status_title as status_title
    from ._roles import Bodies as Bodies
    from ._roles import Role as Role
    from ._rollup import LevelTotal as LevelTotal
    from ._rollup import Rollup as Rollup
    from ._rollup import RollupBlocker as RollupBlocker
    from ._rollup import RollupEntry as RollupEntry
    from ._rollup import RollupError as RollupError
    from ._rollup import RollupSelection as RollupSelection
    from ._rollup import roll_up as roll_up
    from ._scoring import item_credit as item_credit
    from ._settingclasses import Setting as Setting
    from ._settingclasses import before_start as before_start
    from ._settingclasses import read_settings as read_settings
    from ._settingclasses import read_table as read_table
    from ._settingclasses import read_tables as read_tables
    from ._settings import SettingsReader as SettingsReader
    from ._subevents import SubeventResult as SubeventResult
    from ._templateitems import packaged_template as packaged_template
    from ._templateitems import template_item as template_item
    from ._validation import validate as validate
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
