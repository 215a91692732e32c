"""``venue-ready rollup PATHS... [--as-of T] [--format text|json|html] [--jobs N]``.

Exit codes: 2 when a file could not be rolled up (a broken file, a duplicate id, a missing
parent, a cycle), else as ``check``: 3 when a plugin failed, 0 otherwise. Every error is printed
to stderr as well as in the output, and the rest is rolled up all the same. The roll-up itself
is imported only when the command runs.
"""

from __future__ import annotations

import argparse
import sys
import time
from typing import TYPE_CHECKING

from .._i18n import gettext as _
from ._common import Exit, ExitCode, add_command, deliver, err, parse_moment, plugin_selection

if TYPE_CHECKING:
    from .._rollup import Progress, Rollup
    from ._common import Commands

__all__ = ["add_parser", "render_rollup", "run"]

#: Seconds between two progress lines on a terminal.
PROGRESS_EVERY = 0.2


def add_parser(commands: Commands, lang: str) -> None:
    """Add ``rollup`` to the CLI's commands."""
    rollup = add_command(commands, "rollup", lang, "cli.help.rollup")
    rollup.option(
        "paths", nargs="+", metavar_id="cli.metavar.paths", help_id="cli.help.rollup-paths"
    )
    rollup.option("--as-of", metavar="ISO", help_id="cli.help.rollup-as-of")
    rollup.option(
        "--format",
        choices=("text", "json", "html"),
        default="text",
        help_id="cli.help.rollup-format",
    )
    rollup.lang_option("cli.help.rollup-lang")
    rollup.option("--jobs", type=_jobs, default=1, metavar="N", help_id="cli.help.jobs")
    rollup.output_option()
    rollup.plugin_options()
    rollup.set_defaults(run=run)


def _jobs(text: str) -> int:
    """--jobs's N: a whole number of processes, at least 1."""
    value = int(text)
    if value < 1:
        raise ValueError(text)
    return value


_jobs.__name__ = "1.."  # argparse names the type in its error message


def run(args: argparse.Namespace, lang_hint: str) -> ExitCode:
    """Run ``rollup``; returns the exit code."""
    from .._dates import get_zone
    from .._model import DEFAULT_TIMEZONE
    from .._rollup import WorkerLost, roll_up

    as_of = None
    if args.as_of is not None:
        tz = get_zone(DEFAULT_TIMEZONE)
        as_of = parse_moment(args.as_of, tz, args.lang or lang_hint, option="--as-of")

    block, extra = plugin_selection(args)
    progress = _progress(args.lang or lang_hint) if sys.stderr.isatty() else None
    try:
        rollup = roll_up(
            args.paths,
            as_of,
            jobs=args.jobs,
            block=block,
            extra=extra,
            strict=args.strict_plugins,
            progress=progress,
        )
    except ModuleNotFoundError as exc:
        err(_("cli.plugin-not-found", args.lang or lang_hint, module=exc.name or str(exc)))
        raise Exit(ExitCode.USAGE) from None
    except WorkerLost as exc:
        # exit 3, as for a plugin that failed: no report, rather than one missing events
        files = ", ".join(exc.suspects[:5]) + (", …" if len(exc.suspects) > 5 else "")
        err(_("cli.rollup-worker-lost", args.lang or lang_hint, files=files, jobs=args.jobs))
        raise Exit(ExitCode.PLUGIN) from None
    finally:
        if progress is not None:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()
    lang = args.lang or rollup.lang
    if rollup.files == 0:
        err(_("cli.rollup-no-files", lang, paths=", ".join(args.paths)))
        raise Exit(ExitCode.USAGE)

    text = render_rollup(rollup, args.format, lang)
    deliver(args, text, lang, machine=args.format != "text", inputs=_inputs(args.paths))
    if args.format != "text" or args.output is not None:
        # the errors are in the document; say them where a person sees them too
        for error in rollup.errors:
            err(error.render(lang, rollup.catalogs))
    if rollup.errors:
        return ExitCode.USAGE
    if rollup.inconclusive:
        err(_("cli.plugins-failed", lang, count=len(rollup.failures)))
        return ExitCode.PLUGIN
    return ExitCode.OK


def _inputs(paths: list[str]) -> list[str]:
    """What the roll-up reads: every event file under ``paths``, and each one's journal."""
    from .._rollup import discover
    from .journal import default_name

    files = discover(paths)
    return [*files, *(default_name(file) for file in files)]


def render_rollup(rollup: Rollup, fmt: str, lang: str) -> str:
    """The roll-up in ``text``, ``json`` or ``html``, in ``lang``."""
    if fmt == "json":
        return rollup.to_json(lang)
    if fmt == "html":
        from .._render.rollup_html import render_rollup_html

        return render_rollup_html(rollup, lang)
    from .._render.rollup_text import render_rollup_text

    return render_rollup_text(rollup, lang)


def _progress(lang: str) -> Progress:
    last = [0.0]

    def show(done: int, total: int) -> None:
        now = time.monotonic()
        if now - last[0] < PROGRESS_EVERY and done < total:
            return
        last[0] = now
        sys.stderr.write("\r\x1b[K" + _("rollup.progress", lang, count=done, total=total))
        sys.stderr.flush()

    return show
