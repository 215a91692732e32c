"""``venue-ready rollup PATHS... [--as-of T] [--format text|json|html] [--jobs N] [--no-cache]
[--level L] [--status S] [--top N] [--html-dir DIR [--force]]``.

The results of earlier roll-ups are kept in a cache folder (``$VENUE_READY_CACHE_DIR``, else
``$XDG_CACHE_HOME/venue-ready``, else ``~/.cache/venue-ready``; see
:mod:`venue_ready._cache`): a file unchanged since, at a moment its result still holds, is not
read nor assessed again. ``--no-cache`` reads and assesses everything.

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

from .._i18n import format_number
from .._i18n import gettext as _
from ._common import Exit, ExitCode, add_command, deliver, err, parse_moment, plugin_selection

if TYPE_CHECKING:
    from collections.abc import Sequence

    from .._rollup import Progress, Rollup, RollupSelection
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
    rollup.option("--no-cache", action="store_true", help_id="cli.help.no-cache")
    rollup.repeatable("--level", metavar_id="cli.metavar.level", help_id="cli.help.rollup-level")
    rollup.repeatable("--status", metavar_id="cli.metavar.status", help_id="cli.help.rollup-status")
    rollup.option("--top", type=_jobs, default=None, metavar="N", help_id="cli.help.rollup-top")
    rollup.option("--html-dir", metavar_id="cli.metavar.dir", help_id="cli.help.rollup-html-dir")
    rollup.option("--journal", metavar_id="cli.metavar.url", help_id="cli.help.rollup-journal")
    rollup.option("--force", action="store_true", help_id="cli.help.rollup-force")
    rollup.output_option()
    rollup.plugin_options()
    rollup.set_defaults(run=run)


def _jobs(text: str) -> int:
    """--jobs's and --top's N: a whole number, at least 1."""
    value = int(text)
    if value < 1:
        raise ValueError(text)
    return value


_jobs.__name__ = "1.."  # argparse names the type in its error message


def run(args: argparse.Namespace, lang_hint: str) -> ExitCode:
    """Run ``rollup``; returns the exit code."""
    from .._cache import cache_dir
    from .._dates import get_zone
    from .._model import DEFAULT_TIMEZONE
    from .._rollup import WorkerLost, roll_up

    as_of = None
    if args.as_of is not None:
        tz = get_zone(DEFAULT_TIMEZONE)
        as_of = parse_moment(args.as_of, tz, args.lang or lang_hint, option="--as-of")

    # a wrong --status is known before a district is read; a level, once its files are
    statuses = _statuses(args, args.lang or lang_hint)
    if args.journal is not None and not args.journal.lower().startswith(
        ("postgresql:", "postgres:")
    ):
        # one file cannot hold many events' journals: only a database does
        from .journal import shown_journal

        shown = shown_journal(args.journal)  # never a password
        err(_("cli.rollup-journal-not-server", args.lang or lang_hint, journal=shown))
        raise Exit(ExitCode.USAGE)
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
            journals=args.journal,
            cache=None if args.no_cache else cache_dir(),
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
    selection = _selection(args, rollup, lang, statuses)

    if args.html_dir is not None:
        from ._rollup_pages import write_pages

        write_pages(args, rollup, selection, lang, block=block, extra=extra)
    if args.output is None and args.format == "text" and sys.stdout.isatty():
        # On a terminal, the same roll-up in colour, as wide as the terminal (rich, imported
        # only here); piped or redirected, the plain text as it is.
        from .._render.rollup_terminal import print_rollup_terminal

        print_rollup_terminal(rollup, lang, selection)
    else:
        text = render_rollup(rollup, args.format, lang, selection)
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


def render_rollup(
    rollup: Rollup, fmt: str, lang: str, selection: RollupSelection | None = None
) -> str:
    """The roll-up in ``text``, ``json`` or ``html``, in ``lang``, the events ``selection``
    keeps."""
    if fmt == "json":
        return rollup.to_json(lang, selection)
    if fmt == "html":
        from .._render.rollup_html import render_rollup_html

        return render_rollup_html(rollup, lang, selection)
    from .._render.rollup_text import render_rollup_text

    return render_rollup_text(rollup, lang, selection)


def _statuses(args: argparse.Namespace, lang: str) -> tuple[str, ...]:
    """``--status``'s values, each once; one that names no status is a usage error (exit 2)
    with "did you mean" when one is close."""
    from .._rollup import STATUS_CHOICES

    choices = {s: s for s in STATUS_CHOICES}
    found = [
        _choice(value, choices, STATUS_CHOICES, "cli.rollup-bad-status", lang)
        for value in _split(args.status)
    ]
    return tuple(dict.fromkeys(found))


def _selection(
    args: argparse.Namespace, rollup: Rollup, lang: str, statuses: tuple[str, ...]
) -> RollupSelection:
    """``--level``, ``--status`` and ``--top`` as a RollupSelection; a level the files do not
    use nor the usual ones is a usage error (exit 2), with "did you mean" when one is close."""
    from .._i18n import level_title
    from .._rollup import LEVELS, RollupSelection

    # a level by its key, or by its title in either language ("phường", "ward")
    known = sorted({*LEVELS, *(e.result.level for e in rollup.entries)}, key=_level_order)
    names = {level: level for level in known}
    for level in known:
        for code in ("vi", "en"):
            names.setdefault(level_title(level, code).casefold(), level)
    levels = [
        _choice(value, names, known, "cli.rollup-bad-level", lang) for value in _split(args.level)
    ]
    return RollupSelection(tuple(dict.fromkeys(levels)), statuses, args.top)


def _level_order(level: str) -> tuple[int, str]:
    from .._rollup import LEVELS

    return (LEVELS.index(level) if level in LEVELS else len(LEVELS), level)


def _split(values: list[str]) -> list[str]:
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def _choice(
    value: str, names: dict[str, str], known: Sequence[str], message: str, lang: str
) -> str:
    found = names.get(value) or names.get(value.casefold().replace("-", "_"))
    if found is None:
        found = names.get(value.casefold())
    if found is not None:
        return found
    from .._values import suggest

    hint = suggest(value.casefold(), names)
    listed = ", ".join(known)
    if hint is not None:
        err(_(f"{message}-hint", lang, value=value, hint=names[hint], known=listed))
    else:
        err(_(message, lang, value=value, known=listed))
    raise Exit(ExitCode.USAGE)


def _progress(lang: str) -> Progress:
    """Progress on stderr (a terminal): how many events, how fast, and about how long is left."""
    start = time.monotonic()
    last = [0.0]

    def show(done: int, total: int) -> None:
        now = time.monotonic()
        if now - last[0] < PROGRESS_EVERY and done < total:
            return
        last[0] = now
        line = _("rollup.progress", lang, count=done, total=total)
        elapsed = now - start
        if done and elapsed > 0 and done < total:
            rate = done / elapsed
            left = round((total - done) / rate)
            line = _(
                "rollup.progress-rate",
                lang,
                progress=line,
                rate=format_number(rate, lang),
                left=_duration(left, lang),
            )
        sys.stderr.write("\r\x1b[K" + line)
        sys.stderr.flush()

    return show


def _duration(seconds: int, lang: str) -> str:
    minutes, seconds = divmod(seconds, 60)
    if minutes:
        return _("rollup.left-minutes", lang, minutes=minutes, seconds=seconds)
    return _("rollup.left-seconds", lang, seconds=seconds)
