"""The ``venue-ready`` command. Thin: parse arguments, call the public API, map errors to exits.

Exit codes: 0 assessed (whatever the verdict), 1 assessed and below ``--fail-under``, 2 bad
input or usage, 3 a plugin failed. Bad input never ends in a traceback: every problem is printed
on a line of its own as ``file: key.path: what is wrong (what was expected)``.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, NoReturn, TextIO

from ._version import __version__
from .i18n import format_score
from .i18n import gettext as _

if TYPE_CHECKING:
    from datetime import datetime, tzinfo

    from .model import Event
    from .plugins import PluginManager
    from .report import Report

__all__ = ["main"]

EXIT_OK = 0
EXIT_FAIL_UNDER = 1
EXIT_USAGE = 2
EXIT_PLUGIN = 3
PROG = "venue-ready"


class _Usage(Exception):
    """A usage problem, already worded for the user."""


class _HelpFormatter(argparse.HelpFormatter):
    """argparse's formatter, minus its ``import shutil`` (bz2, lzma, about 5 ms) at every start:
    argparse builds a formatter for each add_argument, and sizes it to the terminal."""

    def __init__(
        self,
        prog: str,
        indent_increment: int = 2,
        max_help_position: int = 24,
        width: int | None = None,
    ) -> None:
        if width is None:
            try:
                width = os.get_terminal_size(sys.stdout.fileno()).columns - 2
            except (OSError, ValueError):
                width = int(os.environ.get("COLUMNS", "80")) - 2
        super().__init__(prog, indent_increment, max_help_position, max(width, 40))


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        # argparse would print usage and exit 2 itself; doing it here keeps the wording ours.
        self.print_usage(sys.stderr)
        raise _Usage(message)


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
    from ._messages import ARGPARSE_VI

    table = ARGPARSE_VI if lang == "vi" else {}

    def gettext(text: str) -> str:
        return table.get(text, text)

    def ngettext(one: str, many: str, n: int) -> str:
        return gettext(one if n == 1 else many)

    setattr(argparse, "_", gettext)  # noqa: B010 - argparse's private gettext alias
    setattr(argparse, "ngettext", ngettext)  # noqa: B010


def _score_threshold(text: str) -> float:
    """--fail-under's N: a number from 0 to 100 (nan would silently turn the check off)."""
    value = float(text)
    if not 0.0 <= value <= 100.0:  # also false for nan
        raise ValueError(text)
    return value


_score_threshold.__name__ = "0..100"  # argparse names the type in its error message


def build_parser(lang: str) -> argparse.ArgumentParser:
    """The argument parser, with help in ``lang``."""
    parser = _Parser(
        prog=PROG, description=_("cli.description", lang), formatter_class=_HelpFormatter
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"{PROG} {__version__}",
        help=_("cli.help.version", lang),
    )
    commands = parser.add_subparsers(dest="command", metavar=_("cli.command-metavar", lang))
    commands.required = True

    check = commands.add_parser(
        "check",
        help=_("cli.help.check", lang),
        description=_("cli.help.check", lang),
        formatter_class=_HelpFormatter,
    )
    check.add_argument("file", metavar=_("cli.file-metavar", lang), help=_("cli.help.file", lang))
    check.add_argument("--as-of", metavar="ISO", help=_("cli.help.as-of", lang))
    check.add_argument(
        "--format",
        default="text",
        metavar=_("cli.metavar.format", lang),
        help=_("cli.help.format", lang),
    )
    check.add_argument("--lang", choices=("vi", "en"), help=_("cli.help.lang", lang))
    check.add_argument(
        "-o", "--output", metavar=_("cli.file-metavar", lang), help=_("cli.help.output", lang)
    )
    check.add_argument(
        "--fail-under", type=_score_threshold, metavar="N", help=_("cli.help.fail-under", lang)
    )
    _plugin_options(check, lang)
    from . import journal_cli  # the module imports no sqlite3 until a journal is used

    journal_cli.add_check_options(check, lang)
    check.set_defaults(handler=_cmd_check)

    rollup = commands.add_parser(
        "rollup",
        help=_("cli.help.rollup", lang),
        description=_("cli.help.rollup", lang),
        formatter_class=_HelpFormatter,
    )
    rollup.add_argument(
        "paths",
        nargs="+",
        metavar=_("cli.metavar.paths", lang),
        help=_("cli.help.rollup-paths", lang),
    )
    rollup.add_argument("--as-of", metavar="ISO", help=_("cli.help.rollup-as-of", lang))
    rollup.add_argument(
        "--format",
        choices=("text", "json", "html"),
        default="text",
        help=_("cli.help.rollup-format", lang),
    )
    rollup.add_argument("--lang", choices=("vi", "en"), help=_("cli.help.rollup-lang", lang))
    rollup.add_argument("--jobs", type=_jobs, default=1, metavar="N", help=_("cli.help.jobs", lang))
    rollup.add_argument(
        "-o", "--output", metavar=_("cli.file-metavar", lang), help=_("cli.help.output", lang)
    )
    _plugin_options(rollup, lang)
    rollup.set_defaults(handler=_cmd_rollup)

    init = commands.add_parser(
        "init",
        help=_("cli.help.init", lang),
        description=_("cli.help.init", lang),
        formatter_class=_HelpFormatter,
    )
    init.add_argument("out", metavar=_("cli.file-metavar", lang), help=_("cli.help.out", lang))
    init.add_argument(
        "--template",
        default="congress",
        metavar=_("cli.metavar.template", lang),
        help=_("cli.help.template", lang),
    )
    init.add_argument("--starts", required=True, metavar="ISO", help=_("cli.help.starts", lang))
    init.add_argument("--ends", metavar="ISO", help=_("cli.help.ends", lang))
    init.add_argument("--lang", choices=("vi", "en"), help=_("cli.help.init-lang", lang))
    init.add_argument(
        "--id", dest="event_id", metavar=_("cli.metavar.id", lang), help=_("cli.help.id", lang)
    )
    init.add_argument("--name", metavar=_("cli.metavar.name", lang), help=_("cli.help.name", lang))
    _plugin_options(init, lang)
    init.set_defaults(handler=_cmd_init)

    plugins = commands.add_parser(
        "plugins",
        help=_("cli.help.plugins", lang),
        description=_("cli.help.plugins", lang),
        formatter_class=_HelpFormatter,
    )
    plugins.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help=_("cli.help.plugins-format", lang),
    )
    plugins.add_argument("--lang", choices=("vi", "en"), help=_("cli.help.lang", lang))
    _plugin_options(plugins, lang)
    plugins.set_defaults(handler=_cmd_plugins)

    scaffold = commands.add_parser(
        "new-plugin",
        help=_("cli.help.new-plugin", lang),
        description=_("cli.help.new-plugin", lang),
        formatter_class=_HelpFormatter,
    )
    scaffold.add_argument(
        "name", metavar=_("cli.metavar.name", lang), help=_("cli.help.plugin-name", lang)
    )
    scaffold.add_argument(
        "--area", metavar=_("cli.metavar.key", lang), help=_("cli.help.plugin-area", lang)
    )
    scaffold.add_argument(
        "--dir",
        default=".",
        metavar=_("cli.metavar.dir", lang),
        help=_("cli.help.plugin-dir", lang),
    )
    scaffold.add_argument("--lang", choices=("vi", "en"), help=_("cli.help.lang", lang))
    scaffold.set_defaults(handler=_cmd_new_plugin)

    journal_cli.add_commands(commands, lang, _HelpFormatter, _plugin_options)
    return parser


def _plugin_options(parser: argparse.ArgumentParser, lang: str) -> None:
    parser.add_argument(
        "-p",
        dest="plugin_opts",
        action="append",
        default=[],
        metavar="no:" + _("cli.metavar.name", lang) + "|" + _("cli.metavar.module", lang),
        help=_("cli.help.p", lang),
    )
    parser.add_argument(
        "--plugin",
        dest="plugin_modules",
        action="append",
        default=[],
        metavar=_("cli.metavar.module", lang),
        help=_("cli.help.plugin", lang),
    )
    parser.add_argument("--strict-plugins", action="store_true", help=_("cli.help.strict", lang))


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    lang = _guess_lang(args_list)
    _utf8_streams()
    _localise_argparse(lang)
    parser = build_parser(lang)
    try:
        args = parser.parse_args(args_list)
    except _Usage as exc:
        _err(_("cli.usage-error", lang, prog=PROG, message=str(exc)))
        return EXIT_USAGE
    except SystemExit as exc:  # --help and --version
        return int(exc.code or 0)
    handler: Callable[[argparse.Namespace, str], int] = args.handler
    try:
        return handler(args, lang)
    except Exception as exc:
        if not getattr(args, "strict_plugins", False) or isinstance(exc, _Usage):
            raise
        # --strict-plugins: the plugin author asked for the whole traceback; the exit code
        # still says "a plugin failed", not "below --fail-under".
        import traceback

        traceback.print_exc()
        _err(_("cli.strict-failed", lang, error=str(exc)))
        return EXIT_PLUGIN
    except _Usage as exc:
        _err(_("cli.usage-error", lang, prog=PROG, message=str(exc)))
        return EXIT_USAGE
    except BrokenPipeError:
        # The reader went away (| head); nothing to report, and nothing lost.
        _quiet_stdout()
        return EXIT_OK


def _cmd_check(args: argparse.Namespace, lang_hint: str) -> int:
    from .assessment import assess
    from .plugins import _error_text
    from .render import BUILTIN_FORMATS

    opened = open_event(args, lang_hint)
    if isinstance(opened, int):
        return opened
    pm, event, lang, as_of = opened
    from .journal_cli import apply_journal

    plan = event
    replayed = apply_journal(args, event, as_of, pm, lang)
    if isinstance(replayed, int):
        return replayed
    event, as_of, entries = replayed

    render = _renderer(args.format, pm, lang)
    if render is None:
        # Maybe the format is one a failed plugin would have provided: say so.
        broken = [f for f in pm.failures if f.stage == "renderers"]
        for failure in broken:
            _err(failure.render(lang))
        return EXIT_PLUGIN if broken else EXIT_USAGE
    report = assess(event, as_of=as_of, plugins=pm)
    if entries is not None and args.format == "html":
        # the timeline's earned line, from what really happened day by day
        from .journal_cli import attach_history

        report = attach_history(report, plan, entries, pm)
    try:
        text = render(report, lang)
        if not isinstance(text, str):
            raise TypeError(f"returned {type(text).__name__}, expected str")
    except Exception as exc:
        if args.strict_plugins or args.format in BUILTIN_FORMATS:
            raise  # a fault of the core's own renderers is a bug to see whole
        _err(_("cli.render-failed", lang, format=args.format, error=_error_text(exc)))
        return EXIT_PLUGIN
    if args.output is not None:
        # The user named this file: replace it, atomically, and print nothing.
        from .files import write_atomic

        try:
            write_atomic(args.output, text)
        except OSError as exc:
            _err(_("cli.cannot-write", lang, file=args.output, error=exc.strerror or str(exc)))
            return EXIT_USAGE
    elif args.format == "text" and sys.stdout.isatty():
        # On a terminal, the same report in colour (rich, imported only here); piped or
        # redirected, the plain text as it is.
        from .render.terminal import print_terminal

        print_terminal(report, lang)
    else:
        _write(text, machine=args.format != "text")
    return _exit_code(report, args.fail_under, lang)


def _jobs(text: str) -> int:
    """--jobs's N: a whole number of processes, at least 1."""
    value = int(text)
    if value < 1:
        raise ValueError(text)
    return value


_jobs.__name__ = "1.."  # argparse names the type in its error message


def _cmd_rollup(args: argparse.Namespace, lang_hint: str) -> int:
    from .rollup_cli import run_rollup

    return run_rollup(args, lang_hint)


def _cmd_init(args: argparse.Namespace, lang_hint: str) -> int:
    from datetime import date, datetime
    from pathlib import Path

    from .files import write_atomic
    from .scaffold import OPT_IN_AREAS, TEMPLATES, new_event_file
    from .values import MAX_YEAR, MIN_YEAR

    lang = args.lang or lang_hint
    if args.template not in TEMPLATES:
        known = ", ".join(sorted(TEMPLATES))
        _err(_("cli.unknown-template", lang, template=args.template, known=known))
        return EXIT_USAGE
    moments: list[date | datetime | None] = []
    for option, value in (("--starts", args.starts), ("--ends", args.ends)):
        if value is None:
            moments.append(None)
            continue
        try:
            text = value.strip()
            moment = date.fromisoformat(text) if len(text) == 10 else datetime.fromisoformat(text)
            if not MIN_YEAR <= moment.year <= MAX_YEAR:
                raise ValueError(text)
        except ValueError:
            _err(_("cli.bad-moment", lang, option=option, value=value))
            return EXIT_USAGE
        moments.append(moment)
    starts, ends = moments
    assert starts is not None  # --starts is required
    out = Path(args.out)
    if out.exists():
        _err(_("cli.file-exists", lang, file=out))
        return EXIT_USAGE

    pm = _plugin_manager(args, lang)
    if isinstance(pm, int):
        return pm
    wanted = TEMPLATES[args.template]
    specs = [s for k, s in pm.area_specs().items() if wanted is None or k in wanted]
    # subevents only makes sense for an event with children: opt in by hand (docs/rollup.md)
    specs = [s for s in specs if s.key not in OPT_IN_AREAS or (wanted and s.key in wanted)]
    content = new_event_file(
        specs,
        starts=starts,
        ends=ends,
        lang=lang,
        event_id=args.event_id or out.stem,
        name=args.name,
    )
    try:
        write_atomic(out, content, overwrite=False)
    except FileExistsError:
        _err(_("cli.file-exists", lang, file=out))
        return EXIT_USAGE
    except OSError as exc:
        _err(_("cli.cannot-write", lang, file=out, error=exc.strerror or str(exc)))
        return EXIT_USAGE
    items = sum(len(s.template) for s in specs)
    _err(_("cli.init-done", lang, file=out, areas=len(specs), items=items))
    if pm.failures:
        for failure in pm.failures:
            _err(failure.render(lang))
        return EXIT_PLUGIN
    return EXIT_OK


def _cmd_plugins(args: argparse.Namespace, lang_hint: str) -> int:
    import json

    from .plugins import describe_plugins

    lang = args.lang or lang_hint
    pm = _plugin_manager(args, lang)
    if isinstance(pm, int):
        return pm
    table = describe_plugins(pm)
    if args.format == "json":
        _write(json.dumps(table, ensure_ascii=False, indent=2) + "\n", machine=True)
        return EXIT_PLUGIN if table["failures"] else EXIT_OK
    lines = [_("cli.plugins-heading", lang, count=len(table["plugins"]))]
    for plugin in table["plugins"]:
        lines.append(
            _(
                "cli.plugin-line",
                lang,
                name=plugin["name"],
                distribution=plugin["distribution"] or "-",
                version=plugin["version"] or "-",
            )
        )
        areas = ", ".join(plugin["areas"]) or "—"
        lines.append("    " + _("cli.plugin-areas", lang, areas=areas))
        lines.append("    " + _("cli.plugin-hooks", lang, hooks=", ".join(plugin["hooks"]) or "—"))
    if pm.failures:
        lines.append(_("report.failures-heading", lang, count=len(pm.failures)))
        lines += ["  - " + f.render(lang) for f in pm.failures]
    _write("\n".join(lines) + "\n", machine=False)
    return EXIT_PLUGIN if pm.failures else EXIT_OK


def _cmd_new_plugin(args: argparse.Namespace, lang_hint: str) -> int:
    from pathlib import Path

    from .newplugin import PluginNameError, new_plugin

    lang = args.lang or lang_hint
    try:
        root = new_plugin(Path(args.dir), args.name, args.area)
    except PluginNameError as exc:
        _err(_("cli.bad-plugin-name", lang, name=str(exc)))
        return EXIT_USAGE
    except FileExistsError:
        _err(_("cli.folder-exists", lang, folder=Path(args.dir) / args.name))
        return EXIT_USAGE
    except OSError as exc:
        _err(_("cli.cannot-write", lang, file=Path(args.dir) / args.name, error=exc))
        return EXIT_USAGE
    _err(_("cli.new-plugin-done", lang, folder=root))
    return EXIT_OK


def open_event(
    args: argparse.Namespace, lang_hint: str
) -> tuple[PluginManager, Event, str, datetime | None] | int:
    """What every command on one event file starts with: the plugins (``-p``, ``--plugin``),
    the event (``args.file``), the report's language (``--lang``, else the event's) and
    ``--as-of`` when the command has it; or, having printed why, the exit code."""
    pm = _plugin_manager(args, lang_hint)
    if isinstance(pm, int):
        return pm
    event = _load_event(args.file, pm, args.lang, lang_hint)
    if isinstance(event, int):
        return event
    lang = args.lang or event.lang
    as_of = None
    if getattr(args, "as_of", None) is not None:
        as_of = parse_moment(args.as_of, event.tz, lang, option="--as-of")
        if as_of is None:
            return EXIT_USAGE
    return pm, event, lang, as_of


def _load_event(file: str, pm: PluginManager, lang: str | None, lang_hint: str) -> Event | int:
    """The event in ``file``; on bad input, print every problem and return the exit code."""
    from .errors import LoadError
    from .loading import load

    try:
        return load(file, plugins=pm)
    except LoadError as exc:
        shown = lang or exc.lang or lang_hint
        for problem in exc.problems:
            _err(problem.render(shown, exc.catalogs))
        _err(_("cli.load-failed", shown, count=len(exc.problems), file=file))
        return EXIT_USAGE


def parse_moment(text: str, tz: tzinfo, lang: str, *, option: str) -> datetime | None:
    """An option's ISO 8601 moment, read in ``tz`` (an event's time zone; a bare date is the
    end of that day); None, after printing why, when it is not one."""
    from .dates import parse_instant
    from .values import MAX_YEAR, MIN_YEAR

    try:
        moment = parse_instant(text, tz)
        if not MIN_YEAR <= moment.year <= MAX_YEAR:
            raise ValueError(text)
    except ValueError:
        _err(_("cli.bad-moment", lang, option=option, value=text))
        return None
    return moment


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


def _plugin_manager(args: argparse.Namespace, lang: str) -> PluginManager | int:
    from .plugins import get_plugin_manager

    block, extra = plugin_selection(args)
    try:
        return get_plugin_manager(block=block, extra=extra, strict=args.strict_plugins)
    except ModuleNotFoundError as exc:
        _err(_("cli.plugin-not-found", lang, module=exc.name or str(exc)))
        return EXIT_USAGE


def _renderer(name: str, pm: PluginManager, lang: str) -> Callable[[Report, str], str] | None:
    from .model import Renderer
    from .render import BUILTIN_FORMATS, builtin_renderer

    if name in BUILTIN_FORMATS:
        return builtin_renderer(name)
    found: dict[str, Renderer] = {}
    for plugin, result, exc in pm.call_each("venue_ready_renderers"):
        problem = exc
        well_formed = isinstance(result, list | tuple) and all(
            isinstance(r, Renderer) for r in result
        )
        if problem is None and result is not None and not well_formed:
            problem = TypeError(f"returned {type(result).__name__}, expected a list of Renderer")
        if problem is not None:
            pm.record_failure(plugin, "renderers", problem)
            continue
        for renderer in result or ():
            found.setdefault(renderer.name, renderer)
    if name in found:
        render: Callable[[Report, str], str] = found[name].render
        return render
    known = ", ".join([*BUILTIN_FORMATS, *sorted(n for n in found if n not in BUILTIN_FORMATS)])
    _err(_("cli.unknown-format", lang, format=name, known=known))
    return None


def _exit_code(report: Report, fail_under: float | None, lang: str) -> int:
    if report.failures or report.inconclusive:
        _err(_("cli.plugins-failed", lang, count=len(report.failures)))
        return EXIT_PLUGIN
    if fail_under is not None and (report.score is None or report.score < fail_under):
        _err(
            _(
                "cli.below-fail-under",
                lang,
                score=format_score(report.score, lang),
                threshold=fail_under,
            )
        )
        return EXIT_FAIL_UNDER
    return EXIT_OK


def _write(text: str, *, machine: bool) -> None:
    """Print a rendered report. Machine formats (JSON and plugins' formats) are always UTF-8:
    a console's narrower encoding would have to mangle them, and a file must stay valid."""
    buffer = getattr(sys.stdout, "buffer", None)
    if machine and buffer is not None:
        sys.stdout.flush()
        buffer.write(text.encode("utf-8"))
        buffer.flush()
    else:
        sys.stdout.write(text)
        sys.stdout.flush()


def _err(text: str) -> None:
    print(text, file=sys.stderr)


def _utf8_streams() -> None:
    # Vietnamese must not crash a console that is not UTF-8; degrade to escapes instead.
    for stream in (sys.stdout, sys.stderr):
        enc = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        if enc != "utf8" and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")


def _quiet_stdout() -> None:
    devnull: TextIO = open(os.devnull, "w")  # noqa: SIM115 - replaces stdout for the exit
    os.dup2(devnull.fileno(), sys.stdout.fileno())


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
