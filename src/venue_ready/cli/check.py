"""``venue-ready check FILE``: assess an event and print (or write) its report.

The assessment, the renderers and (only when a journal is used) sqlite3 and the journal library
are imported when the command runs, not when the parser is built: ``--help`` and the other
commands do not pay for them.
"""

from __future__ import annotations

import argparse
import functools
import os
import sys
import time
from typing import TYPE_CHECKING

from .._i18n import gettext as _
from ._common import (
    Exit,
    ExitCode,
    add_command,
    deliver,
    err,
    missing_extra,
    open_event,
    report_exit_code,
)
from .journal import add_check_options, apply_journal, default_name, shown_journal

if TYPE_CHECKING:
    from datetime import datetime

    from .._errors import PluginFailure
    from .._model import Event, Finding, JournalEntry, Renderer
    from .._plugins import PluginManager
    from .._render.phrases import MarkHints
    from .._report import Report
    from ._common import Commands

__all__ = ["add_parser", "run"]


def add_parser(commands: Commands, lang: str) -> None:
    """Add ``check`` to the CLI's commands."""
    check = add_command(commands, "check", lang, "cli.help.check")
    check.event_file()
    check.option("--as-of", metavar="ISO", help_id="cli.help.as-of")
    check.option(
        "--format", default="text", metavar_id="cli.metavar.format", help_id="cli.help.format"
    )
    check.lang_option()
    check.output_option()
    check.option("--fail-under", type=_score_threshold, metavar="N", help_id="cli.help.fail-under")
    check.option("--no-cache", action="store_true", help_id="cli.help.check-no-cache")
    check.plugin_options()
    add_check_options(check, lang)
    # --format ics's own: one owner's to-dos, and when their reminders ring (cli._calendar)
    check.option("--owner", metavar_id="cli.metavar.name", help_id="cli.help.owner")
    check.option("--remind-days", type=_remind_days, metavar="N", help_id="cli.help.remind-days")
    check.set_defaults(run=run)


def _score_threshold(text: str) -> float:
    """--fail-under's N: a number from 0 to 100 (nan would silently turn the check off)."""
    value = float(text)
    if not 0.0 <= value <= 100.0:  # also false for nan
        raise ValueError(text)
    return value


_score_threshold.__name__ = "0..100"  # argparse names the type in its error message


def _remind_days(text: str) -> int:
    """--remind-days's N: a whole number of days from 0 to 365."""
    value = int(text)
    if not 0 <= value <= 365:
        raise ValueError(text)
    return value


_remind_days.__name__ = "0..365"


def run(args: argparse.Namespace, lang_hint: str) -> ExitCode:
    """Run ``check``; returns the exit code the report earns."""
    started_ns = time.time_ns()
    from .._assessment import assess
    from .._errors import _error_text
    from .._render import BUILTIN_FORMATS

    pm, event, lang, as_of = open_event(args, lang_hint)
    if not event.areas:
        # An empty [areas] read "On track · NOT READY" with exit 0: say there is nothing to
        # assess instead (#11). The library still assesses such an event (a score of None).
        err(_("cli.no-areas", lang, file=args.file))
        raise Exit(ExitCode.USAGE)
    plan = event
    event, as_of, entries = apply_journal(args, event, as_of, pm, lang)

    renderer = _renderer(args.format, pm, lang)
    if args.format == "ics":
        from ._calendar import require_calendar

        require_calendar(lang)
    else:
        for option, value in (("--owner", args.owner), ("--remind-days", args.remind_days)):
            if value is not None:
                err(_("cli.calendar-only", lang, option=option))
                raise Exit(ExitCode.USAGE)
    if renderer.binary and args.output is None and sys.stdout.isatty():
        # a spreadsheet's bytes on a terminal are noise that can leave it in a strange state:
        # refuse before assessing, and say how to write the file
        ext = renderer.extension or renderer.name
        err(_("cli.binary-to-terminal", lang, format=args.format, extension=ext))
        raise Exit(ExitCode.USAGE)
    if entries is not None and args.format == "html":
        # The page draws the timeline's earned line from what really happened day by day; the
        # library computes it (one assessment per day), and only for the format that draws it.
        from ..journal import assess_with_history

        report = assess_with_history(plan, entries, as_of, pm)
    else:
        report = assess(event, as_of=as_of, plugins=pm)
    hints = None
    if args.format == "ics":
        from ._calendar import calendar_renderer

        renderer = calendar_renderer(args, renderer, report, lang)
    elif args.format == "text":
        # the text report (and the terminal's) prints the command that records each open
        # item done: the file and journal as the user named them, for what a mark would meet
        import attrs

        from .._render.text import render_text

        hints = _mark_hints(args, plan, entries, report, pm)
        renderer = attrs.evolve(renderer, render=functools.partial(render_text, hints=hints))
    from .._errors import MissingExtraError

    try:
        # text, or bytes for a binary format (a spreadsheet): each as its renderer promises
        text = renderer.check_output(renderer.render(report, lang))
    except MissingExtraError as exc:  # an office format without venue-ready[office]
        missing_extra(exc, lang)
    except Exception as exc:
        if args.strict_plugins or args.format in BUILTIN_FORMATS:
            raise  # a fault of the core's own renderers is a bug to see whole
        err(_("cli.render-failed", lang, format=args.format, error=_error_text(exc)))
        raise Exit(ExitCode.PLUGIN) from None
    if args.output is None and args.format == "text" and sys.stdout.isatty():
        # On a terminal, the same report in colour (rich, imported only here); piped or
        # redirected, the plain text as it is.
        from .._render.terminal import print_terminal

        print_terminal(report, lang, hints=hints)
    else:
        # -o: the user named this file: replace it, atomically, and print nothing; never the
        # event file or its journal.
        journal = args.journal or default_name(args.file)
        inputs = (args.file,) if "://" in journal else (args.file, journal)
        deliver(args, text, lang, machine=args.format != "text", inputs=inputs)
    if entries is None and not args.no_cache:
        _remember(args, report, pm, started_ns)
    return report_exit_code(report, args.fail_under, lang)


def _remember(args: argparse.Namespace, report: Report, pm: PluginManager, started: int) -> None:
    """Add the event's result to the roll-up's cache, when there is one already (someone rolls
    up): the next roll-up of its folder need not assess it again. Costs one stat when there is
    none; never reads the cache, as the report shows the moment it was made."""
    from .._cache import FILE_NAME, cache_dir

    folder = cache_dir()
    if not os.path.isfile(os.path.join(folder, FILE_NAME)):
        return
    from .._rollup import remember
    from ._common import plugin_selection

    block, extra = plugin_selection(args)
    remember(
        args.file,
        report,
        pm,
        folder=folder,
        journal=default_name(args.file),
        started_ns=started,
        block=block,
        extra=extra,
        strict=args.strict_plugins,
    )


def _renderer(name: str, pm: PluginManager, lang: str) -> Renderer:
    """The renderer of format ``name`` from the plugin manager's one registry (built-in formats
    first, then the plugins'). An unknown format is a usage error, or a plugin failure when a
    plugin's renderers failed to load."""
    renderer = pm.renderer(name)
    if renderer is not None:
        return renderer
    from ._usage import closest

    known, hint = pm.format_names(), closest(name, pm.format_names())
    key = "cli.unknown-format-hint" if hint else "cli.unknown-format"
    err(_(key, lang, format=name, hint=hint, known=", ".join(known)))
    # Maybe the format is one a failed plugin would have provided: say so.
    broken = [f for f in pm.failures if f.stage == "renderers"]
    for failure in broken:
        err(failure.render(lang))
    raise Exit(ExitCode.PLUGIN if broken else ExitCode.USAGE)


def _mark_hints(
    args: argparse.Namespace,
    plan: Event,
    entries: list[JournalEntry] | None,
    report: Report,
    pm: PluginManager,
) -> MarkHints:
    """What the text report needs to print ``venue-ready mark FILE ITEM done``: the file and
    the journal as the user named them, and the subjects of open items that a ``done`` entry
    would meet, each with the body whose sign-off it needs.

    An item of the event file always is one (with ``--signed-off-by`` when it needs a
    sign-off). A subject an area plugin reads from the journal (``security:side-gate``) is one
    only when a ``done`` entry meets every open Finding of it: ``broadcast:results`` done
    records that the slot went out, not that its content was approved. That is found by one
    more assessment, with a ``done`` entry at the report's moment for every such subject at
    once; only then is the journal package imported."""
    from .._render.phrases import MarkHints, item_ids, item_ref

    journal = shown_journal(args.journal) if args.journal else None  # never a password
    items = item_ids(report)
    plan_items = {item.id: item for area in plan.areas for item in area.items}
    subjects: dict[str, str | None] = {}
    others: dict[str, list[Finding]] = {}  # AREA:SUBJECT -> its open Findings
    for f in report.findings(met=False):
        ref = item_ref(f, items)
        if ref is None:
            continue
        if ref in plan_items:
            subjects[ref] = plan_items[ref].requires_signoff
        else:
            others.setdefault(ref, []).append(f)
    if others and not report.inconclusive:  # a failed plugin: its faults once are enough
        subjects.update(_subjects_a_mark_meets(plan, entries, report, pm, others))
    return MarkHints(event_file=args.file, journal=journal, subjects=subjects)


def _subjects_a_mark_meets(
    plan: Event,
    entries: list[JournalEntry] | None,
    report: Report,
    pm: PluginManager,
    candidates: dict[str, list[Finding]],
) -> dict[str, str | None]:
    """Those of ``candidates`` (``AREA:SUBJECT`` -> its open Findings) that an area's plugin
    reads from the journal and whose open Findings a ``done`` entry at the report's moment
    would all meet.

    What it costs is one start-up's worth of a text report, so it does only what the answer
    needs (the answer is the one a whole second assessment would give, tested on every
    example): the subjects of the candidates' areas alone (what
    :func:`venue_ready.journal.known_subjects` lists of them); without a journal, the ``done``
    entries added to their areas' records as :func:`~venue_ready.journal.replay` adds them,
    without importing the journal package; and only those areas assessed again, each with the
    whole event, as :func:`~venue_ready.assess` assesses it. A policy plugin that adjusts the
    whole report could change any area's Findings: with one, the whole event is assessed."""
    from .._model import JournalEntry

    areas = {ref.partition(":")[0] for ref in candidates}
    known: set[str] = set()
    for area in plan.areas:
        targets = pm.journal_subjects(plan, area) if area.key in areas else None
        known.update(f"{area.key}:{target}" for target in targets or ())
    wanted = [ref for ref in candidates if ref in known]
    if not wanted:
        return {}
    done = [
        JournalEntry(
            uid=f"hint-{number}", subject=ref, status="done", by="-", recorded_at=report.as_of
        )
        for number, ref in enumerate(wanted)
    ]
    areas = {ref.partition(":")[0] for ref in wanted}
    after = _open_after(plan, entries, done, pm, as_of=report.as_of, areas=areas)
    return {
        ref: None
        for ref in wanted
        if not any((f.area, f.code, f.subject) in after for f in candidates[ref])
    }


def _open_after(
    plan: Event,
    entries: list[JournalEntry] | None,
    done: list[JournalEntry],
    pm: PluginManager,
    *,
    as_of: datetime,
    areas: set[str],
) -> set[tuple[str, str, str | None]]:
    """``(area, code, subject)`` of the open Findings in ``areas`` once ``done`` is recorded
    as well as ``entries``, at ``as_of``."""
    import attrs

    from .._assessment import _assess_area, _records_until, assess

    if entries is None:
        # replay() of these entries alone: each goes, in order, to its area's records (they
        # are all at the same moment, so their order is the order given)
        by_area: dict[str, list[JournalEntry]] = {}
        for entry in done:
            by_area.setdefault(entry.area or "", []).append(entry)
        event = attrs.evolve(
            plan,
            areas=tuple(
                attrs.evolve(a, records=a.records + tuple(by_area.get(a.key, ())))
                for a in plan.areas
            ),
        )
    else:  # the journal package is loaded already: its replay, with the journal's entries
        from ..journal import replay

        event = replay(plan, [*entries, *done])
    if pm.hook.venue_ready_adjust_report.get_hookimpls():
        after = assess(event, as_of=as_of, plugins=pm).findings(met=False)
    else:
        failures: list[PluginFailure] = []
        after = [
            f
            for area in event.areas
            if area.key in areas
            for f in _assess_area(event, _records_until(area, as_of), as_of, pm, failures).findings
            if not f.met
        ]
    return {(f.area, f.code, f.subject) for f in after}
