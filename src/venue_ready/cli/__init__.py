"""The ``venue-ready`` command: parse the arguments, run the command, end with its exit code.

One module per command (:mod:`.check`, :mod:`.rollup`, :mod:`.init`, :mod:`.plugins`,
:mod:`.schema`, :mod:`.new_plugin`, :mod:`.import_checklist`, :mod:`.completion`, and
:mod:`.journal` for ``mark``, ``history`` and ``journal``, :mod:`.serve` for ``serve`` and
``access``), each with a function that adds the
command's parser and one that runs it; what they share is in :mod:`._common`, and what is said
when the command line is wrong (argparse's errors in the reader's words, "did you mean", the
event files beside a missing one) in :mod:`._usage`, imported only then. A command returns its
:class:`~._common.ExitCode`, or raises :class:`~._common.Exit` having printed why; :func:`main`
catches it here, once. Only the module of the command that runs is imported.

Exit codes: 0 assessed (whatever the verdict), 1 assessed and below ``--fail-under``, 2 bad
input or usage, 3 a plugin failed. Bad input never ends in a traceback: every problem is printed
on a line of its own as ``file: key.path: what is wrong (what was expected)``.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import os
import sys
from collections.abc import Callable, Sequence
from typing import NoReturn

from .._i18n import gettext as _
from .._version import __version__
from ._common import (
    PROG,
    Exit,
    ExitCode,
    Parser,
    err,
    quiet_stdout,
)

__all__ = ["build_parser", "main", "program"]

#: What a command's ``run`` is: the parsed arguments and the language guessed before the
#: event was read, to the exit code.
Run = Callable[[argparse.Namespace, str], ExitCode]

#: The commands, in the order the help lists them: the name, the module (of this package) that
#: adds and runs it, and that module's function adding the command's parser (with its one-line
#: help).
_COMMANDS = (
    ("check", "check", "add_parser"),
    ("rollup", "rollup", "add_parser"),
    ("init", "init", "add_parser"),
    ("import-checklist", "import_checklist", "add_parser"),
    ("plugins", "plugins", "add_parser"),
    ("schema", "schema", "add_parser"),
    ("new-plugin", "new_plugin", "add_parser"),
    ("mark", "journal", "add_mark_parser"),
    ("history", "journal", "add_history_parser"),
    ("journal", "journal", "add_journal_parser"),
    ("serve", "serve", "add_parser"),
    ("access", "serve", "add_access_parser"),
    ("completion", "completion", "add_parser"),
)


def build_parser(lang: str, command: str | None = None) -> Parser:
    """The argument parser, with help in ``lang``.

    Given ``command``, only that command's parser is built, and only its module imported:
    ``check`` does not pay for the others' options (about 60 of them), nor for argparse's
    gettext look-ups of each parser's headings (a file-system search per heading, since
    argparse's words are translated through gettext). Without one (``--help``, ``--version``, a
    misspelt command), every command's parser is built.
    """
    parser = Parser(
        prog=PROG, description=_("cli.description", lang), lang=lang, examples="cli.examples.main"
    )
    parser.option(
        "--version", action="version", version=f"{PROG} {__version__}", help_id="cli.help.version"
    )
    commands = parser.add_subparsers(dest="command", metavar=_("cli.command-metavar", lang))
    commands.required = True
    for name, module, adder in _COMMANDS:
        if command is not None and name != command:
            continue  # not shown, not parsed: the named command's parser is all that is needed
        getattr(importlib.import_module(f".{module}", __name__), adder)(commands, lang)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    command = _command_named(args_list)
    # `check` is one short run over one event file: the cyclic garbage collector's passes over
    # the objects its imports create (classes, functions, catalogs: tens of thousands, none of
    # them garbage) cost about 4 % of its instructions, and reference counting frees what a
    # check drops. The collector is paused for the command and resumed after it (main may be
    # called in a longer process); the other commands (a roll-up of a whole country) keep it.
    pause = command == "check" and gc.isenabled()
    if pause:
        gc.disable()
    try:
        return _run(args_list, command)
    finally:
        if pause:
            gc.enable()


def program() -> NoReturn:
    """The ``venue-ready`` program (and ``python -m venue_ready``): :func:`main` in a process
    that ends with it.

    A ``check`` runs without the cyclic garbage collector (see :func:`main`; ``python -m
    venue_ready`` pauses it from its first import on, and it is turned back on here for every
    other command), and what the process built is frozen (:func:`gc.freeze`) before the
    interpreter shuts down: its last collections would otherwise walk every object once more,
    about 5 % of a check's instructions, to free memory the process gives back anyway. Objects
    are still freed by reference counting; only unreachable cycles wait for the exit."""
    command = _command_named(sys.argv[1:])
    if command != "check":
        gc.enable()
    code = main()
    if command == "check":
        gc.freeze()
    sys.exit(code)


def _run(args_list: list[str], command: str | None) -> int:
    lang = _guess_lang(args_list)
    _utf8_streams()
    strict = False
    try:
        args = build_parser(lang, command).parse_command_line(args_list)
        strict = bool(getattr(args, "strict_plugins", False))
        run: Run = args.run
        return int(run(args, lang))
    except BrokenPipeError:
        # The reader of what is not a report went away (`--help | head`): nothing lost. A
        # report's reader going away is handled where it is written (_common.write), so that
        # the report's verdict still makes the exit code.
        quiet_stdout()
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


def _command_named(argv: Sequence[str]) -> str | None:
    """The command ``argv`` runs, as the main parser will read it: its first argument that is
    not an option (none of the main parser's options takes a value). None when that is no
    command, or when the main parser answers before any command runs (``-h``, ``--version``
    before it print the whole list of commands): the whole parser is built."""
    names = {name for name, _module, _adder in _COMMANDS}
    for arg in argv:
        if not arg.startswith("-"):
            return arg if arg in names else None
        if arg in ("-h", "--help", "--version") or not arg.startswith("--"):
            return None  # -h, --version, or short options bundled with them (-hv)
    return None


#: The locale variables naming the language of messages, in the order POSIX reads them;
#: LANGUAGE (GNU's list of languages) after them.
_LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE")


def _guess_lang(argv: Sequence[str]) -> str:
    """The language for messages printed before an event is loaded (help, usage errors): the
    ``--lang`` typed, else ``VENUE_READY_LANG``, else the first locale variable that names a
    language (``vi_VN.UTF-8`` is Vietnamese, any other language English); Vietnamese when
    none does (``C`` and ``POSIX`` name none)."""
    for index, arg in enumerate(argv):
        if arg == "--lang" and index + 1 < len(argv):
            return "en" if argv[index + 1] == "en" else "vi"
        if arg.startswith("--lang="):
            return "en" if arg.partition("=")[2] == "en" else "vi"
    env = os.environ.get("VENUE_READY_LANG", "")
    if env:
        return "en" if env.startswith("en") else "vi"
    for variable in _LOCALE_VARIABLES:
        # LANGUAGE is a list ("vi:en"); the others one locale ("vi_VN.UTF-8")
        value = os.environ.get(variable, "").split(":")[0]
        language = value.partition(".")[0].partition("_")[0].partition("@")[0]
        if language and language not in ("C", "POSIX"):
            return "vi" if language == "vi" else "en"
    return "vi"


def _utf8_streams() -> None:
    # Vietnamese must not crash a console that is not UTF-8; degrade to escapes instead.
    for stream in (sys.stdout, sys.stderr):
        enc = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        if enc != "utf8" and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
