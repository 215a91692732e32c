"""The ``venue-ready`` command: parse the arguments, run the command, end with its exit code.

One module per command (:mod:`.check`, :mod:`.rollup`, :mod:`.init`, :mod:`.plugins`,
:mod:`.new_plugin`, and :mod:`.journal` for ``mark``, ``history`` and ``journal``), each with
an ``add_parser`` and a ``run``; what they share is in :mod:`._common`. A command returns its
:class:`~._common.ExitCode`, or raises :class:`~._common.Exit` having printed why; :func:`main`
catches it here, once.

Exit codes: 0 assessed (whatever the verdict), 1 assessed and below ``--fail-under``, 2 bad
input or usage, 3 a plugin failed. Bad input never ends in a traceback: every problem is printed
on a line of its own as ``file: key.path: what is wrong (what was expected)``.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from typing import TextIO

from .._version import __version__
from ..i18n import gettext as _
from . import check, init, journal, new_plugin, plugins, rollup
from ._common import PROG, Exit, ExitCode, HelpFormatter, Parser, err

__all__ = ["build_parser", "main"]

#: What a command's ``run`` is: the parsed arguments and the language guessed before the
#: event was read, to the exit code.
Run = Callable[[argparse.Namespace, str], ExitCode]


def build_parser(lang: str) -> argparse.ArgumentParser:
    """The argument parser, with help in ``lang``."""
    parser = Parser(
        prog=PROG, description=_("cli.description", lang), formatter_class=HelpFormatter, lang=lang
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"{PROG} {__version__}",
        help=_("cli.help.version", lang),
    )
    commands = parser.add_subparsers(dest="command", metavar=_("cli.command-metavar", lang))
    commands.required = True
    check.add_parser(commands, lang)
    rollup.add_parser(commands, lang)
    init.add_parser(commands, lang)
    plugins.add_parser(commands, lang)
    new_plugin.add_parser(commands, lang)
    journal.add_parsers(commands, lang)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    lang = _guess_lang(args_list)
    _utf8_streams()
    _localise_argparse(lang)
    strict = False
    try:
        args = build_parser(lang).parse_args(args_list)
        strict = bool(getattr(args, "strict_plugins", False))
        run: Run = args.run
        return int(run(args, lang))
    except BrokenPipeError:
        # First, whatever else is asked: the reader went away (| head); nothing to report,
        # and nothing lost. Not a plugin's failure either, even with --strict-plugins.
        _quiet_stdout()
        return int(ExitCode.OK)
    except Exit as exc:
        return int(exc.code)
    except Exception as exc:
        if not strict:
            raise  # a bug of the core's own is a traceback to see whole
        # --strict-plugins: the plugin author asked for the whole traceback; the exit code
        # still says "a plugin failed", not "below --fail-under".
        import traceback

        traceback.print_exc()
        err(_("cli.strict-failed", lang, error=str(exc)))
        return int(ExitCode.PLUGIN)


def _guess_lang(argv: Sequence[str]) -> str:
    """The language for messages printed before an event is loaded (help, usage errors)."""
    for index, arg in enumerate(argv):
        if arg == "--lang" and index + 1 < len(argv):
            return "en" if argv[index + 1] == "en" else "vi"
        if arg.startswith("--lang="):
            return "en" if arg.partition("=")[2] == "en" else "vi"
    env = os.environ.get("VENUE_READY_LANG", "")
    return "en" if env.startswith("en") else "vi"


def _localise_argparse(lang: str) -> None:
    # argparse looks its own words up through gettext at call time; routing them through our
    # catalog puts "usage:", "options" and its error messages in the reader's language too.
    from .._messages import ARGPARSE_VI

    table = ARGPARSE_VI if lang == "vi" else {}

    def gettext(text: str) -> str:
        return table.get(text, text)

    def ngettext(one: str, many: str, n: int) -> str:
        return gettext(one if n == 1 else many)

    setattr(argparse, "_", gettext)  # noqa: B010 - argparse's private gettext alias
    setattr(argparse, "ngettext", ngettext)  # noqa: B010


def _utf8_streams() -> None:
    # Vietnamese must not crash a console that is not UTF-8; degrade to escapes instead.
    for stream in (sys.stdout, sys.stderr):
        enc = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        if enc != "utf8" and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")


def _quiet_stdout() -> None:
    # What is still buffered would fail again when Python flushes stdout on the way out.
    devnull: TextIO = open(os.devnull, "w")  # noqa: SIM115 - replaces stdout for the exit
    os.dup2(devnull.fileno(), sys.stdout.fileno())
