"""``venue-ready rollup PATHS... [--as-of T] [--format text|json|html] [--jobs N]``.

Kept apart from ``cli.py`` so that the other commands do not pay for it. Exit codes: 2 when a
file could not be rolled up (a broken file, a duplicate id, a missing parent, a cycle), else
as ``check``: 3 when a plugin failed, 0 otherwise. Every error is printed to stderr as well as
in the output, and the rest is rolled up all the same.
"""

from __future__ import annotations

import argparse
import sys
import time
from typing import TYPE_CHECKING

from .i18n import gettext as _

if TYPE_CHECKING:
    from .rollup import Progress, Rollup

__all__ = ["render_rollup", "run_rollup"]

#: Seconds between two progress lines on a terminal.
PROGRESS_EVERY = 0.2


def run_rollup(args: argparse.Namespace, lang_hint: str) -> int:
    """Run the command; returns the exit code."""
    from .cli import EXIT_OK, EXIT_PLUGIN, EXIT_USAGE, _err, _write, parse_moment, plugin_selection
    from .dates import get_zone
    from .model import DEFAULT_TIMEZONE
    from .rollup import roll_up

    as_of = None
    if args.as_of is not None:
        tz = get_zone(DEFAULT_TIMEZONE)
        as_of = parse_moment(args.as_of, tz, args.lang or lang_hint, option="--as-of")
        if as_of is None:
            return EXIT_USAGE

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
        _err(_("cli.plugin-not-found", args.lang or lang_hint, module=exc.name or str(exc)))
        return EXIT_USAGE
    finally:
        if progress is not None:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()
    lang = args.lang or rollup.lang
    if rollup.files == 0:
        _err(_("cli.rollup-no-files", lang, paths=", ".join(args.paths)))
        return EXIT_USAGE

    text = render_rollup(rollup, args.format, lang)
    if args.output is not None:
        from .files import write_atomic

        try:
            write_atomic(args.output, text)
        except OSError as exc:
            _err(_("cli.cannot-write", lang, file=args.output, error=exc.strerror or str(exc)))
            return EXIT_USAGE
    else:
        _write(text, machine=args.format != "text")
    if args.format != "text" or args.output is not None:
        # the errors are in the document; say them where a person sees them too
        for error in rollup.errors:
            _err(error.render(lang, rollup.catalogs))
    if rollup.errors:
        return EXIT_USAGE
    if rollup.inconclusive:
        _err(_("cli.plugins-failed", lang, count=len(rollup.failures)))
        return EXIT_PLUGIN
    return EXIT_OK


def render_rollup(rollup: Rollup, fmt: str, lang: str) -> str:
    """The roll-up in ``text``, ``json`` or ``html``, in ``lang``."""
    if fmt == "json":
        return rollup.to_json(lang)
    if fmt == "html":
        from .render.rollup_html import render_rollup_html

        return render_rollup_html(rollup, lang)
    from .render.rollup_text import render_rollup_text

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
