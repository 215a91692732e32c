"""The hooks a venue_ready plugin can implement.

Every hook name starts with ``venue_ready_``. Implement them in a module (or class) and mark each
implementation with :data:`venue_ready.hookimpl`::

    from venue_ready import AreaSpec, Finding, Message, hookimpl

    @hookimpl
    def venue_ready_areas():
        return [AreaSpec(key="catering", title_vi="Hậu cần, ăn uống", title_en="Catering")]

    @hookimpl
    def venue_ready_assess(event, area, as_of):
        if area.key != "catering":
            return None
        return [Finding(code="catering.menu", area="catering", message=Message("catering.menu"))]

Register the module through the entry-point group ``venue_ready`` in your package's
``pyproject.toml``::

    [project.entry-points.venue_ready]
    catering = "venue_ready_catering"

An implementation may accept fewer arguments than the spec lists (pluggy passes only the ones it
names). The order hooks are called in, per command::

    venue-ready check FILE
      ├─ venue_ready_kinds()                      once per plugin, when the file is loaded
      ├─ venue_ready_areas()                      once per plugin, when the file is loaded
      │    └─ AreaSpec.validate_settings(...)     once per area the file uses
      ├─ venue_ready_assess(event, area, as_of)   once per area, every plugin
      ├─ venue_ready_adjust_report(report)        once, every plugin, in registration order
      └─ venue_ready_renderers()                  once, when the format is not a built-in one

    venue-ready mark FILE ITEM STATUS --by WHO
      └─ venue_ready_status_changed(event, item, old, new, entry)
                                                  once, every plugin, after the entry is saved
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    from ._kinds import EventKind
    from ._model import AreaPlan, AreaSpec, Event, Finding, Item, JournalEntry, Renderer, Status
    from ._report import Report

#: The pluggy project name; also the entry-point group plugins are found through.
PROJECT_NAME = "venue_ready"

hookspec = pluggy.HookspecMarker(PROJECT_NAME)
#: The marker for hook implementations. Import it from ``venue_ready``.
hookimpl = pluggy.HookimplMarker(PROJECT_NAME)


@hookspec
def venue_ready_kinds() -> Sequence[EventKind] | None:
    """Return the kinds of event this plugin adds.

    Called once per plugin when the plugin manager is first asked for kinds (the loader does,
    to check an event's ``[event] kind``). An event file names a kind by its ``key``; rules
    marked with :func:`~venue_ready.applies_to` run only for their kinds. The core's kinds
    (``party-congress``, ``congress``, ``election``, ``council-session``, ``conference``,
    ``ceremony``) cannot be redefined: a key the core or an earlier plugin has is a failure of
    the plugin that adds it again (stage ``kinds``), and that kind is left out.

    :return: a list of :class:`~venue_ready.EventKind`, or None (or an empty list).

    .. versionadded:: 0.2
    """


@hookspec
def venue_ready_areas() -> Sequence[AreaSpec] | None:
    """Return the checklist areas this plugin provides.

    Called once per plugin when the plugin manager is first asked for areas (the loader does,
    before it reads an event's ``[areas]``). Each :class:`~venue_ready.AreaSpec` gives:

    - ``key``: the area's key in event files (``[areas.KEY]``); unique across all plugins (two
      plugins claiming one key is an error naming both);
    - ``title_vi``, ``title_en``: the area's title in Vietnamese and English;
    - ``default_weight``: the area's weight when the event file sets none;
    - ``template``: :class:`~venue_ready.TemplateItem` s for new event files;
    - ``validate_settings``: a :data:`~venue_ready.SettingsValidator`,
      ``(settings, event) -> Iterable[Problem]``, that checks the area's ``settings`` table;
      see "The settings-validator contract" in docs/plugins.md;
    - ``messages``: the plugin's message catalog, ``{"vi": {id: text}, "en": {id: text}}``;
    - ``settings_example`` and ``journal_subjects`` (a :data:`~venue_ready.JournalSubjects`):
      see the AreaSpec fields in docs/plugins.md.

    :return: a list of AreaSpecs, or None (or an empty list) for a plugin that provides no area,
        such as a policy plugin.

    .. versionadded:: 0.1
    """


@hookspec
def venue_ready_assess(event: Event, area: AreaPlan, as_of: datetime) -> Sequence[Finding] | None:
    """Return the Findings this plugin has about one area of the event, as of a moment.

    Called once per area of the event, for every plugin (never once per item). All results are
    merged, in plugin registration order; a plugin returns None for an area it has nothing to say
    about. A policy plugin may return Findings for every area.

    :param event: the :class:`~venue_ready.Event` being assessed: ``id``, ``name``, ``starts``,
        ``ends``, ``tz``, ``lang``, ``expected_delegates``, ``venue`` (``zones``,
        ``entrances``), ``areas``, … Read-only.
    :param area: the event's :class:`~venue_ready.AreaPlan` for the area being assessed:
        ``key``, ``weight``, ``threshold``, ``settings``, ``items``, ``records`` (the journal's
        entries about the area's own subjects up to ``as_of``, oldest first).
    :param as_of: the moment of the assessment, timezone-aware. Judge what was done by then: a
        record dated after ``as_of`` does not count yet. Never read the clock.
    :return: a list of :class:`~venue_ready.Finding` whose ``area`` is ``area.key``, or None.
        Same event, same ``as_of``: same Findings, in the same order.

    If the implementation raises or returns something else, the area is marked ``error`` with
    the plugin's name and the message, and the other areas are assessed as usual.

    .. versionadded:: 0.1
    """


@hookspec
def venue_ready_adjust_report(report: Report) -> Report | None:
    """Tighten a finished report; for policy plugins.

    Called once per assessment, after scoring, for every plugin in registration order; each one
    receives the report as the previous one left it. Build a changed report with
    :func:`attrs.evolve` (Reports are frozen).

    :param report: the finished :class:`~venue_ready.Report`: ``event``, ``as_of``, ``score``,
        ``status``, ``inconclusive``, ``areas`` (each an :class:`~venue_ready.AreaReport` with
        ``key``, ``score``, ``status``, ``coverage``, ``findings``, ``errors``), ``failures``.
    :return: a report that is at most as good (no area or event status better, no score
        higher, the same areas), or None to leave it as it is. A report that loosens anything is
        refused: the plugin is recorded as failed and its change is dropped.

    .. versionadded:: 0.1
    """


@hookspec
def venue_ready_renderers() -> Sequence[Renderer] | None:
    """Return extra output formats.

    Called once, when a format that is not built in (``text``, ``json``, ``md``, ``html``,
    ``xlsx``) is asked for: ``--format``, :meth:`Report.render <venue_ready.Report.render>`, or
    :meth:`PluginManager.renderers <venue_ready.PluginManager.renderers>`, the one registry of
    formats both use.

    :return: a list of :class:`~venue_ready.Renderer` (``name``, ``render``, a
        :data:`~venue_ready.RenderFunction` ``(report, lang) -> str | bytes``,
        ``description``, and the keywords ``extension``, ``media_type`` and ``binary``), or
        None. A name may not replace a built-in format or another plugin's: the first one
        registered wins. A hook that raises or returns anything else is recorded as a plugin
        failure and its formats are left out.

    A renderer returns text (``str``) unless it is declared ``binary=True``: then it returns
    ``bytes``, such as a spreadsheet or a word-processor document, and ``extension`` and
    ``media_type`` say what kind of file that is. ``venue-ready check --format NAME`` writes
    bytes to ``-o FILE`` or to a pipe, and refuses to print them on a terminal (exit 2). A
    render function that returns the other kind (bytes from a text renderer, text from a
    binary one) is a failure of the plugin (exit 3).

    .. versionadded:: 0.1
    """


@hookspec
def venue_ready_status_changed(
    event: Event, item: Item | None, old: Status | None, new: Status, entry: JournalEntry
) -> None:
    """React to a status just recorded in the journal (``venue-ready mark``, or
    :func:`venue_ready.mark`); for example, queue an announcement on the ward radio.

    Called for every plugin after an entry is committed that changed the subject's effective
    status (its latest entry by when it happened, else the plan's): a plugin cannot stop or
    change it. A backdated entry older than the latest changes nothing and calls nothing. Not
    called for entries brought in by ``venue-ready journal import``.

    :param event: the event (its plan, without the journal applied).
    :param item: the checklist item the entry is about, or None when it is about an area
        plugin's subject (``entry.subject`` is then ``AREA:SUBJECT``; ``entry.area`` and
        ``entry.target`` split it).
    :param old: the subject's status before the entry (its latest entry, or the item's status
        in the plan); None for an area subject never reported before.
    :param new: the status recorded.
    :param entry: the :class:`~venue_ready.JournalEntry` recorded: ``subject``, ``status``,
        ``progress``, ``by``, ``at``, ``recorded_at``, ``note``, ``evidence``,
        ``signed_off_by``, ``uid``, ``seq``.
    :return: nothing; the return value is ignored.

    A plugin that raises is named on stderr (``venue-ready mark`` exits 3) and the entry stays
    recorded.

    .. versionadded:: 0.2
    """
