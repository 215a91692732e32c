"""What the commands of ``venue-ready`` share: the exit codes and the one :class:`Exit`, the
parser, printing, the plugin options and the plugin manager they build, opening an event file,
reading a moment, and the exit code a report or the plugins earn.

Every helper here returns its value or, having printed why on stderr, raises :class:`Exit`;
:func:`venue_ready.cli.main` catches it, once.
"""

from __future__ import annotations

import argparse
import enum
import functools
import os
import sys
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

from .._i18n import format_score, os_error
from .._i18n import gettext as _

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable
    from datetime import date, datetime, tzinfo

    from .._errors import MissingExtraError
    from .._model import Event
    from .._plugins import PluginManager
    from .._report import Report

    #: The object ``add_subparsers`` returns, to which each command adds its parser.
    Commands = argparse._SubParsersAction["Parser"]

#: A date, or a datetime: what an option's moment is read as.
_Moment = TypeVar("_Moment", bound="date")
#: A group of a parser's arguments.
_Group = TypeVar("_Group", bound="argparse._ActionsContainer")

__all__ = [
    "PROG",
    "Exit",
    "ExitCode",
    "HelpFormatter",
    "Parser",
    "add_command",
    "deliver",
    "err",
    "load_event",
    "missing_extra",
    "open_event",
    "parse_moment",
    "plugin_exit",
    "plugin_manager",
    "plugin_selection",
    "read_moment",
    "report_exit_code",
    "save",
    "write",
]

PROG = "venue-ready"


class ExitCode(enum.IntEnum):
    """The command's exit status."""

    #: Done; for ``check``, assessed, whatever the verdict.
    OK = 0
    #: Assessed, and the score is below ``--fail-under``.
    FAIL_UNDER = 1
    #: Bad input or usage.
    USAGE = 2
    #: A plugin failed.
    PLUGIN = 3


class Exit(Exception):
    """Ends the command with :attr:`code`. Raised anywhere once the reason has been printed;
    caught once, in :func:`venue_ready.cli.main`."""

    def __init__(self, code: ExitCode) -> None:
        super().__init__(code)
        self.code = code


class HelpFormatter(argparse.HelpFormatter):
    """argparse's formatter in the reader's language (its "usage:" given as the public
    ``prefix`` of :meth:`add_usage`), minus its ``import shutil`` (bz2, lzma, about 5 ms) at
    every start: argparse builds a formatter for each add_argument, and sizes it to the
    terminal."""

    def __init__(
        self,
        prog: str,
        indent_increment: int = 2,
        max_help_position: int = 24,
        width: int | None = None,
        *,
        lang: str = "vi",
    ) -> None:
        if width is None:
            try:
                width = os.get_terminal_size(sys.stdout.fileno()).columns - 2
            except (OSError, ValueError):
                width = int(os.environ.get("COLUMNS", "80")) - 2
        super().__init__(prog, indent_increment, max_help_position, max(width, 40))
        self.lang = lang

    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None = None,
    ) -> None:
        if prefix is None:
            prefix = _("cli.usage-prefix", self.lang) + " "
        super().add_usage(usage, actions, groups, prefix)


class Parser(argparse.ArgumentParser):
    """argparse's parser in ``lang``: its headings, ``-h``, usage errors (read back by
    :mod:`._usage`, with a "did you mean") and the examples ending its help (the message
    ``examples``, when given); its errors end in :class:`Exit` (as do ``--help`` and
    ``--version``) instead of ``sys.exit``.

    It keeps what completion and suggestions need, from the parser itself: every action added
    (:attr:`added_actions`) and its commands (:attr:`commands`), so that a command or an option
    added anywhere is suggested and completed with no list to keep."""

    def __init__(self, *args: Any, lang: str, examples: str | None = None, **kwargs: Any) -> None:
        kwargs["formatter_class"] = functools.partial(HelpFormatter, lang=lang)
        kwargs["add_help"] = False  # added below, in the reader's words
        super().__init__(*args, **kwargs)
        self.lang = lang
        self.examples = examples
        #: The command's one-line help, as the list of commands shows it (see add_command).
        self.summary = ""
        #: Every argument and option added, here or in a group of this parser, in order.
        self.added_actions: list[argparse.Action] = []
        #: The action holding the commands' parsers (its ``choices``), if the parser has any.
        self.commands: argparse._SubParsersAction[Parser] | None = None
        # argparse titles its own two groups in English; ours carry the reader's words, and
        # argparse leaves its empty ones out of the help.
        self.arguments = self.add_argument_group(_("cli.arguments-title", lang))
        self.options = self.add_argument_group(_("cli.options-title", lang))
        self.option("-h", "--help", action="help", help_id="cli.help.help")

    def add_argument(self, *flags: Any, **kwargs: Any) -> argparse.Action:
        """``add_argument``, into the group of its kind (an argument or an option)."""
        is_option = bool(flags) and str(flags[0])[:1] in self.prefix_chars
        return (self.options if is_option else self.arguments).add_argument(*flags, **kwargs)

    def add_argument_group(self, *args: Any, **kwargs: Any) -> argparse._ArgumentGroup:
        """``add_argument_group``, whose arguments are kept in :attr:`added_actions` too."""
        return self._recorded(super().add_argument_group(*args, **kwargs))

    def add_mutually_exclusive_group(self, **kwargs: Any) -> argparse._MutuallyExclusiveGroup:
        """``add_mutually_exclusive_group``, whose arguments are kept in :attr:`added_actions`
        too."""
        return self._recorded(super().add_mutually_exclusive_group(**kwargs))

    def _recorded(self, group: _Group) -> _Group:
        # The group is this parser's own object: its add_argument also notes the action here,
        # where suggestions and completion read every option of the parser.
        add = group.add_argument

        def add_argument(*flags: Any, **kwargs: Any) -> argparse.Action:
            action = add(*flags, **kwargs)
            self.added_actions.append(action)
            return action

        group.add_argument = add_argument  # type: ignore[method-assign]
        return group

    def add_subparsers(  # type: ignore[override] # commands are always this Parser class
        self, **kwargs: Any
    ) -> argparse._SubParsersAction[Parser]:
        """``add_subparsers``, titled in the reader's words and kept as :attr:`commands`."""
        kwargs.setdefault("title", _("cli.commands-title", self.lang))
        self.commands = super().add_subparsers(**kwargs)
        return self.commands

    def format_help(self) -> str:
        text = super().format_help()
        if self.examples is None:
            return text
        heading = _("cli.examples-heading", self.lang)
        return f"{text}\n{heading}\n{_(self.examples, self.lang)}\n"

    def error(self, message: str) -> NoReturn:
        # argparse would print usage and exit 2 itself, in English; here it says it in the
        # reader's words, with a "did you mean" where one fits.
        from ._usage import usage_message

        self.refuse(usage_message(self, message))

    def refuse(self, message: str) -> NoReturn:
        """End with a usage error: the usage, ``message`` (in the parser's language already)
        and where to read the help; exit 2."""
        self.print_usage(sys.stderr)
        err(_("cli.usage-error", self.lang, prog=PROG, message=message))
        err(_("cli.see-help", self.lang, command=self.prog))
        raise Exit(ExitCode.USAGE)

    def parse_command_line(self, argv: list[str]) -> argparse.Namespace:
        """``parse_args``, except that arguments no parser took are refused by the parser of
        the command they were given to (its usage, its options to suggest), not by this one,
        which knows none of the command's options."""
        args, extras = self.parse_known_args(argv)
        if extras:
            from ._usage import unrecognized

            parser = self
            while parser.commands is not None and parser.commands.dest is not None:
                name = getattr(args, parser.commands.dest, None)
                if name not in parser.commands.choices:
                    break
                parser = parser.commands.choices[name]
            parser.refuse(unrecognized(parser, extras))
        return args

    def exit(self, status: int = 0, message: str | None = None) -> NoReturn:
        # --help and --version end here, having printed what was asked for
        if message:
            self._print_message(message, sys.stderr)
        raise Exit(ExitCode.OK if status == 0 else ExitCode.USAGE)

    def option(
        self, *flags: str, help_id: str, metavar_id: str | None = None, **kwargs: Any
    ) -> argparse.Action:
        """``add_argument`` with its help (and metavar) given as message ids, shown in the
        parser's language: every option of the CLI is declared this way."""
        if metavar_id is not None:
            kwargs["metavar"] = _(metavar_id, self.lang)
        return self.add_argument(*flags, help=_(help_id, self.lang), **kwargs)

    def repeatable(self, *flags: str, help_id: str, **kwargs: Any) -> argparse.Action:
        """An :meth:`option` that may be given any number of times: its values in a list, in
        the order given, empty when it is not given."""
        return self.option(*flags, action="append", default=[], help_id=help_id, **kwargs)

    # The options several commands share, each named once; the parser knows its language.

    def event_file(self) -> None:
        """``FILE``: the event file the command reads."""
        self.option("file", metavar_id="cli.file-metavar", help_id="cli.help.file")

    def lang_option(self, help_key: str = "cli.help.lang") -> None:
        """``--lang vi|en``: the language the command speaks (``help_key`` says what of it)."""
        self.option("--lang", choices=("vi", "en"), help_id=help_key)

    def output_option(self) -> None:
        """``-o/--output FILE``: where the command writes instead of stdout (see
        :func:`deliver`)."""
        self.option("-o", "--output", metavar_id="cli.file-metavar", help_id="cli.help.output")

    def plugin_options(self) -> None:
        """``-p no:NAME|MODULE``, ``--plugin MODULE`` and ``--strict-plugins``."""
        lang = self.lang
        metavar = "no:" + _("cli.metavar.name", lang) + "|" + _("cli.metavar.module", lang)
        self.repeatable("-p", dest="plugin_opts", metavar=metavar, help_id="cli.help.p")
        self.repeatable(
            "--plugin",
            dest="plugin_modules",
            metavar_id="cli.metavar.module",
            help_id="cli.help.plugin",
        )
        self.option("--strict-plugins", action="store_true", help_id="cli.help.strict")


def add_command(
    commands: Commands, name: str, lang: str, help_key: str, description_key: str | None = None
) -> Parser:
    """A command's parser, added to ``commands``, with its help (and description, the same
    unless ``description_key`` says otherwise) in ``lang``, and the examples of the message
    ``cli.examples.NAME`` ending its help when the catalogs have one."""
    from .._i18n import catalog

    examples = f"cli.examples.{name}"
    parser = commands.add_parser(
        name,
        help=_(help_key, lang),
        description=_(description_key or help_key, lang),
        lang=lang,
        examples=examples if examples in catalog()["en"] else None,
    )
    parser.summary = _(help_key, lang)
    return parser


def plugin_selection(args: argparse.Namespace) -> tuple[list[str], list[str]]:
    """The plugins ``-p no:NAME`` blocks, and the modules ``-p MODULE`` and ``--plugin MODULE``
    add, as :func:`venue_ready.get_plugin_manager` takes them."""
    block: list[str] = []
    extra: list[str] = list(args.plugin_modules)
    for opt in args.plugin_opts:
        if opt.startswith("no:"):
            block.append(opt[3:])
        else:
            extra.append(opt)
    return block, extra


def plugin_manager(args: argparse.Namespace, lang: str) -> PluginManager:
    """The plugin manager the plugin options ask for; a module that is not found is a usage
    error."""
    from .._plugins import get_plugin_manager

    block, extra = plugin_selection(args)
    try:
        pm = get_plugin_manager(block=block, extra=extra, strict=args.strict_plugins)
    except ModuleNotFoundError as exc:
        err(_("cli.plugin-not-found", lang, module=exc.name or str(exc)))
        raise Exit(ExitCode.USAGE) from None
    for name in pm.missing_distributions:  # a typo would silently load fewer plugins
        err(_("cli.missing-distribution", lang, distribution=name))
    if pm.missing_distributions:
        raise Exit(ExitCode.USAGE)
    pm.warn, pm.warn_lang = err, lang
    return pm


def open_event(
    args: argparse.Namespace, lang_hint: str
) -> tuple[PluginManager, Event, str, datetime | None]:
    """What every command on one event file starts with: the plugins (``-p``, ``--plugin``),
    the event (``args.file``), the report's language (``--lang``, else the event's) and
    ``--as-of`` when the command has it."""
    pm = plugin_manager(args, lang_hint)
    event = load_event(args.file, pm, args.lang, lang_hint)
    lang = args.lang or event.lang
    pm.warn_lang = lang
    as_of = None
    if getattr(args, "as_of", None) is not None:
        as_of = parse_moment(args.as_of, event.tz, lang, option="--as-of")
    return pm, event, lang, as_of


def load_event(file: str, pm: PluginManager, lang: str | None, lang_hint: str) -> Event:
    """The event in ``file``; bad input is a usage error, with every problem printed."""
    from .._errors import LoadError
    from .._loading import load

    try:
        return load(file, plugins=pm)
    except LoadError as exc:
        shown = lang or exc.lang or lang_hint
        for problem in exc.problems:
            err(problem.render_located(shown, exc.catalogs))
            for line in problem.excerpt():  # the file's line, a marker under the key
                err(line)
        err(_("cli.load-failed", shown, count=len(exc.problems), file=file))
        if not os.path.lexists(file):
            _suggest_event_files(file, shown)
        raise Exit(ExitCode.USAGE) from None


def _suggest_event_files(file: str, lang: str) -> None:
    """Name the event files beside ``file``, which is not there: a name mistyped is most
    often one of them."""
    from ._usage import nearby_event_files

    folder, found = nearby_event_files(file)
    if found:
        err(_("cli.nearby-event-files", lang, folder=folder, files=", ".join(found)))
    elif os.path.isdir(folder):
        err(_("cli.no-nearby-event-files", lang, folder=folder))


def parse_moment(text: str, tz: tzinfo, lang: str, *, option: str) -> datetime:
    """An option's ISO 8601 moment, read in ``tz`` (an event's time zone; a bare date is the
    end of that day); anything else is a usage error."""
    from .._dates import parse_instant

    return read_moment(lambda t: parse_instant(t, tz), text, lang, option=option)


def read_moment(parse: Callable[[str], _Moment], text: str, lang: str, *, option: str) -> _Moment:
    """``parse(text)``: an option's date or moment, within the years venue_ready reads
    everywhere; a ValueError from ``parse``, or a year outside them, is a usage error that
    names ``option``."""
    from .._values import MAX_YEAR, MIN_YEAR

    try:
        moment = parse(text)
        if not MIN_YEAR <= moment.year <= MAX_YEAR:
            raise ValueError(text)
    except ValueError:
        err(_("cli.bad-moment", lang, option=option, value=text))
        raise Exit(ExitCode.USAGE) from None
    return moment


def report_exit_code(report: Report, fail_under: float | None, lang: str) -> ExitCode:
    """The exit code ``report`` earns: PLUGIN when a plugin failed, FAIL_UNDER below
    ``fail_under``, else OK; saying why on stderr when it is not OK."""
    if report.inconclusive:  # one meaning everywhere: an area in error or a plugin failed
        errors = sum(1 for area in report.areas if area.status == "error")
        err(_("cli.inconclusive", lang, count=len(report.failures), areas=errors))
        return ExitCode.PLUGIN
    if fail_under is not None and (report.score is None or report.score < fail_under):
        err(
            _(
                "cli.below-fail-under",
                lang,
                score=format_score(report.score, lang),
                threshold=fail_under,
            )
        )
        return ExitCode.FAIL_UNDER
    return ExitCode.OK


def plugin_exit(pm: PluginManager, lang: str) -> ExitCode:
    """The exit code a command that has done its work earns from its plugins: PLUGIN, with
    each failure said on stderr, when one failed, else OK."""
    for failure in pm.failures:
        err(failure.render(lang))
    return ExitCode.PLUGIN if pm.failures else ExitCode.OK


def write(text: str | bytes, *, machine: bool) -> None:
    """Print a rendered report. Machine formats (JSON and plugins' formats) are always UTF-8:
    a console's narrower encoding would have to mangle them, and a file must stay valid; a
    binary format's bytes (a spreadsheet) are written as they are.

    Text for people (``machine=False``: a text report, ``history``, ``mark``'s confirmation)
    is printed with its control characters escaped
    (:func:`~venue_ready._render.inert.inert`): whatever a user string holds, it reaches the
    terminal as text. Machine formats are printed as they are, byte for byte."""
    buffer = getattr(sys.stdout, "buffer", None)
    try:
        if isinstance(text, bytes) or (machine and buffer is not None):
            if buffer is None:  # a text-only stdout (a program's own) cannot take bytes
                raise TypeError("stdout takes text only; write the document to a file")
            sys.stdout.flush()
            buffer.write(text if isinstance(text, bytes) else text.encode("utf-8"))
            buffer.flush()
        else:
            from .._render.inert import inert

            sys.stdout.write(text if machine else inert(text))
            sys.stdout.flush()
    except BrokenPipeError:
        # The reader went away (| head): nothing more to print, but the command's verdict
        # (--fail-under, an inconclusive report) still makes its exit code.
        quiet_stdout()


def deliver(
    args: argparse.Namespace,
    text: str | bytes,
    lang: str,
    *,
    machine: bool,
    inputs: Iterable[str],
) -> None:
    """The command's output: saved to ``-o``'s file when the user named one (see :func:`save`;
    never one of ``inputs``), else printed (see :func:`write`)."""
    if args.output is None:
        write(text, machine=machine)
    else:
        save(args.output, text, lang, inputs=inputs)


def save(file: str, text: str | bytes, lang: str, *, inputs: Iterable[str] = ()) -> None:
    """Replace ``file`` (``-o``) with ``text`` (or a binary format's bytes), atomically (a
    device, a pipe or ``/dev/stdout`` is written in place; a link's target is replaced). A file
    that cannot be written, or one of the command's ``inputs`` (the event file, its journal), is
    a usage error, and nothing is written."""
    from .._files import write_atomic

    for source in inputs:
        if _same_file(file, source):
            err(_("cli.output-is-input", lang, file=file, source=source))
            raise Exit(ExitCode.USAGE)
    try:
        write_atomic(file, text)
    except OSError as exc:
        err(_("cli.cannot-write", lang, file=file, error=os_error(exc)))
        raise Exit(ExitCode.USAGE) from None


def _same_file(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` name one file: the same real path, or another name (a hard
    link) for the same file."""
    if os.path.realpath(a) == os.path.realpath(b):
        return True
    try:
        return os.path.samefile(a, b)
    except OSError:  # one of them does not exist (yet)
        return False


def missing_extra(exc: MissingExtraError, lang: str) -> NoReturn:
    """Say which optional extra installs what a feature needs (``pip install
    'venue-ready[office]'``), and end the command: a usage error (exit 2), not a bug."""
    err(_("cli.missing-extra", lang, feature=exc.feature, module=exc.package, extra=exc.extra))
    raise Exit(ExitCode.USAGE) from None


def err(text: str) -> None:
    """Print a line on stderr: a problem, a warning, or what a command did; its control
    characters escaped (:func:`~venue_ready._render.inert.inert`), since problems quote file
    names and values from the input."""
    from .._render.inert import inert

    print(inert(text), file=sys.stderr)


def quiet_stdout() -> None:
    """Point stdout at the null device: its reader went away, and the interpreter must not
    complain when it flushes at exit."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
