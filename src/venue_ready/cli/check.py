"""``venue-ready check FILE``: assess an event and print (or write) its report.

The assessment, the renderers and (only when a journal is used) sqlite3 and the journal library
are imported when the command runs, not when the parser is built: ``--help`` and the other
commands do not pay for them.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from .._i18n import gettext as _
from ._common import Exit, ExitCode, add_command, deliver, err, open_event, report_exit_code
from .journal import add_check_options, apply_journal, default_name

if TYPE_CHECKING:
    from .._plugins import PluginManager
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
    check.plugin_options()
    add_check_options(check, lang)
    check.set_defaults(run=run)


def _score_threshold(text: str) -> float:
    """--fail-under's N: a number from 0 to 100 (nan would silently turn the check off)."""
    value = float(text)
    if not 0.0 <= value <= 100.0:  # also false for nan
        raise ValueError(text)
    return value


_score_threshold.__name__ = "0..100"  # argparse names the type in its error message


def run(args: argparse.Namespace, lang_hint: str) -> ExitCode:
    """Run ``check``; returns the exit code the report earns."""
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

    render = _renderer(args.format, pm, lang)
    if entries is not None and args.format == "html":
        # The page draws the timeline's earned line from what really happened day by day; the
        # library computes it (one assessment per day), and only for the format that draws it.
        from ..journal import assess_with_history

        report = assess_with_history(plan, entries, as_of, pm)
    else:
        report = assess(event, as_of=as_of, plugins=pm)
    try:
        text = render(report, lang)
        if not isinstance(text, str):
            raise TypeError(f"returned {type(text).__name__}, expected str")
    except Exception as exc:
        if args.strict_plugins or args.format in BUILTIN_FORMATS:
            raise  # a fault of the core's own renderers is a bug to see whole
        err(_("cli.render-failed", lang, format=args.format, error=_error_text(exc)))
        raise Exit(ExitCode.PLUGIN) from None
    if args.output is None and args.format == "text" and sys.stdout.isatty():
        # On a terminal, the same report in colour (rich, imported only here); piped or
        # redirected, the plain text as it is.
        from .._render.terminal import print_terminal

        print_terminal(report, lang)
    else:
        # -o: the user named this file: replace it, atomically, and print nothing; never the
        # event file or its journal.
        journal = args.journal or default_name(args.file)
        deliver(args, text, lang, machine=args.format != "text", inputs=(args.file, journal))
    return report_exit_code(report, args.fail_under, lang)


def _renderer(name: str, pm: PluginManager, lang: str) -> Callable[[Report, str], str]:
    """The renderer of format ``name`` from the plugin manager's one registry (built-in formats
    first, then the plugins'). An unknown format is a usage error, or a plugin failure when a
    plugin's renderers failed to load."""
    renderer = pm.renderer(name)
    if renderer is not None:
        return renderer.render
    from ._usage import closest

    known, hint = pm.format_names(), closest(name, pm.format_names())
    key = "cli.unknown-format-hint" if hint else "cli.unknown-format"
    err(_(key, lang, format=name, hint=hint, known=", ".join(known)))
    # Maybe the format is one a failed plugin would have provided: say so.
    broken = [f for f in pm.failures if f.stage == "renderers"]
    for failure in broken:
        err(failure.render(lang))
    raise Exit(ExitCode.PLUGIN if broken else ExitCode.USAGE)
