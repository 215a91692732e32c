"""The journal's commands: ``mark``, ``history``, ``journal export``, ``journal import`` and
``journal copy``, and what ``check`` does with a journal (replay it up to ``--as-of``).

``--journal`` takes a path, ``sqlite:///PATH`` or a ``postgresql://`` URL; a URL that names no
journal (``?journal=NAME``) names the event's, after its id. Messages show a URL without its
password (:attr:`Journal.location <venue_ready.Journal.location>`).

The journal library, and with it sqlite3 (or psycopg), is imported only when a command runs
with a journal:
``check`` on an event with no journal never pays for it. Exit codes are the CLI's: 0 done,
2 bad input or usage, 3 a plugin failed.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, NoReturn

from .._i18n import format_datetime, format_number, os_error
from .._i18n import gettext as _
from ._common import (
    Exit,
    ExitCode,
    add_command,
    deliver,
    err,
    open_event,
    parse_moment,
    plugin_exit,
    write,
)

if TYPE_CHECKING:
    from .._errors import Problem
    from .._model import Event, JournalEntry
    from .._plugins import PluginManager
    from ..journal import Journal
    from ._common import Commands, Parser

__all__ = [
    "add_check_options",
    "add_history_parser",
    "add_journal_parser",
    "add_mark_parser",
    "apply_journal",
    "default_name",
    "run_copy",
    "run_export",
    "run_history",
    "run_import",
    "run_mark",
    "shown_journal",
]

_EXPORT_FORMATS = ("jsonl", "csv")
#: The library names a mark's problems by its arguments; the command line by its own words:
#: the positional ITEM, the option --signed-off-by. (Message ids to reword, and paths.)
_CLI_MESSAGES = {"journal.by-missing": "cli.by-missing", "journal.other-event": "cli.other-event"}
_CLI_PATHS = {"subject": "item", "signed_off_by": "signed-off-by"}


# -- the parser ----------------------------------------------------------------------------------


def add_check_options(check: Parser, lang: str) -> None:
    """``check``'s journal options: which journal, and what it knew when."""
    _journal_option(check)
    check.option("--known-at", metavar="ISO", help_id="cli.help.known-at")


def _journal_option(parser: Parser) -> None:
    parser.option("--journal", metavar_id="cli.file-metavar", help_id="cli.help.journal")


def _journal_and_lang_options(parser: Parser, lang: str) -> None:
    # the options every journal command ends its list with, in this order
    _journal_option(parser)
    parser.lang_option()


def add_mark_parser(commands: Commands, lang: str) -> None:
    """Add ``mark`` to the CLI's commands."""
    mark = add_command(commands, "mark", lang, "cli.help.mark", "cli.help.mark-long")
    mark.event_file()
    mark.option("item", metavar_id="cli.metavar.item", help_id="cli.help.mark-item")
    mark.option("status", metavar_id="cli.metavar.status", help_id="cli.help.mark-status")
    mark.option("--progress", metavar="0..1", help_id="cli.help.progress")
    # --by is checked with the other fields, so a mark with several mistakes hears of all
    mark.option("--by", metavar_id="cli.metavar.name", help_id="cli.help.by")
    mark.option("--at", metavar="ISO", help_id="cli.help.at")
    mark.option("--note", metavar_id="cli.metavar.text", help_id="cli.help.note")
    mark.option("--evidence", metavar_id="cli.metavar.path", help_id="cli.help.evidence")
    mark.option("--signed-off-by", metavar_id="cli.metavar.body", help_id="cli.help.signed")
    mark.option("--key", metavar_id="cli.metavar.text", help_id="cli.help.key")
    _journal_and_lang_options(mark, lang)
    mark.plugin_options()
    mark.set_defaults(run=run_mark)


def add_history_parser(commands: Commands, lang: str) -> None:
    """Add ``history`` to the CLI's commands."""
    history = add_command(commands, "history", lang, "cli.help.history")
    history.event_file()
    history.option(
        "item", nargs="?", metavar_id="cli.metavar.item", help_id="cli.help.history-item"
    )
    history.option(
        "--format", choices=("text", "json"), default="text", help_id="cli.help.history-format"
    )
    history.option("--as-of", metavar="ISO", help_id="cli.help.history-as-of")
    _journal_and_lang_options(history, lang)
    history.plugin_options()
    history.set_defaults(run=run_history)


def add_journal_parser(commands: Commands, lang: str) -> None:
    """Add ``journal`` (``export`` and ``import``) to the CLI's commands."""
    file_metavar = _("cli.file-metavar", lang)
    journal = add_command(commands, "journal", lang, "cli.help.journal-command")
    actions = journal.add_subparsers(dest="action", metavar=_("cli.command-metavar", lang))
    actions.required = True
    export = add_command(actions, "export", lang, "cli.help.export")
    export.event_file()
    export.option(
        "--format", choices=_EXPORT_FORMATS, default="jsonl", help_id="cli.help.export-format"
    )
    export.option("--bom", action="store_true", help_id="cli.help.bom")
    export.output_option()
    _journal_and_lang_options(export, lang)
    export.set_defaults(run=run_export)
    imp = add_command(actions, "import", lang, "cli.help.import")
    imp.event_file()
    imp.option("source", metavar=file_metavar, help_id="cli.help.import-source")
    imp.option("--format", choices=_EXPORT_FORMATS, help_id="cli.help.import-format")
    _journal_and_lang_options(imp, lang)
    imp.set_defaults(run=run_import)
    copy = add_command(actions, "copy", lang, "cli.help.copy")
    copy.option("source", metavar_id="cli.metavar.source-journal", help_id="cli.help.copy-source")
    copy.option("target", metavar_id="cli.metavar.target-journal", help_id="cli.help.copy-target")
    copy.lang_option()
    copy.set_defaults(run=run_copy)


# -- shared ----------------------------------------------------------------------------------------


def _journal_path(args: argparse.Namespace) -> tuple[str, bool]:
    """The journal's path, and whether the user named it (--journal)."""
    if args.journal:
        return str(args.journal), True
    return default_name(args.file), False


def shown_journal(target: str) -> str:
    """How a message shows the journal ``target`` the user gave: a URL without its password
    (the journal package is imported only for a URL)."""
    if "://" not in target:
        return target
    from ..journal.locations import mask_password

    return mask_password(target)


def _event_id(event_file: str) -> str | None:
    """The id of the event in ``event_file``, read without loading it (for ``journal export``
    and ``import``, which name a server's journal after it); None when it cannot be read."""
    import tomllib

    try:
        with open(event_file, "rb") as fh:
            table = tomllib.load(fh).get("event")
    except (OSError, ValueError):
        return None
    found = table.get("id") if isinstance(table, dict) else None
    return found if isinstance(found, str) and found.strip() else None


def default_name(event_file: str) -> str:
    """:func:`venue_ready.journal.default_journal_name`, without importing the journal module:
    ``check`` on an event with no journal must not pay for it (tests/test_journal.py checks
    that the two agree)."""
    stem, _ = os.path.splitext(event_file)
    return stem + ".journal.sqlite"


def _print_problems(exc: Any, lang: str, *, options: bool = False) -> None:
    """``exc``'s problems on stderr, in the CLI's words (with ``options``: a mark's problems,
    whose paths are the library's argument names)."""
    for problem in exc.problems:
        err(_in_cli_words(problem, options=options).render(lang, getattr(exc, "catalogs", None)))


def _in_cli_words(problem: Problem, *, options: bool) -> Problem:
    import attrs

    message = problem.message
    if message.id in _CLI_MESSAGES:
        message = attrs.evolve(message, id=_CLI_MESSAGES[message.id])
    path = problem.path
    if options and path and isinstance(path[0], str):
        path = (_CLI_PATHS.get(path[0], path[0]), *path[1:])
    return attrs.evolve(problem, message=message, path=path)


def _refuse(exc: Any, lang: str) -> NoReturn:
    """Bad input (a JournalError): print its problems, and end with a usage error."""
    _print_problems(exc, lang)
    raise Exit(ExitCode.USAGE)


def _open(
    path: str,
    lang: str,
    *,
    create: bool = False,
    readonly: bool = False,
    name: str | None = None,
) -> Journal:
    """The journal at ``path`` (in a database: the journal ``name``, unless the URL names one);
    what is wrong with it is a usage error (exit 2), and so is psycopg missing."""
    from .._errors import MissingExtraError
    from ..journal import JournalError, open_journal

    try:
        return open_journal(path, create=create, readonly=readonly, name=name)
    except MissingExtraError as exc:
        from ._common import missing_extra

        missing_extra(exc, lang)
    except JournalError as exc:
        _refuse(exc, lang)


def sqlite3_error() -> type[Exception]:
    """sqlite3.Error, imported only by the commands that use a journal."""
    import sqlite3

    return sqlite3.Error


def _database_failure(exc: Exception, path: str, lang: str) -> NoReturn:
    """A database error after the journal was opened (a full disk, a lock held too long)."""
    from .._errors import Problem

    err(Problem.of((), "journal.unreadable", file=path, error=str(exc)).render(lang))
    raise Exit(ExitCode.USAGE)


@contextmanager
def _writing(
    journal: Journal, lang: str, refused_id: str, *, options: bool = False, **params: Any
) -> Iterator[None]:
    """What can go wrong while a command writes ``journal``: bad input (a JournalError) is
    printed, then the line ``refused_id`` with its count; a database failure is named; both
    end the command with a usage error (exit 2), nothing written."""
    from ..journal import JournalError

    try:
        yield
    except JournalError as exc:
        _print_problems(exc, lang, options=options)
        err(_(refused_id, lang, count=len(exc.problems), **params))
        raise Exit(ExitCode.USAGE) from None
    except sqlite3_error() as exc:
        _database_failure(exc, journal.location, lang)


# -- mark ------------------------------------------------------------------------------------------


def run_mark(args: argparse.Namespace, lang_hint: str) -> ExitCode:
    """``venue-ready mark FILE ITEM STATUS --by WHO``: record one entry."""
    from ..journal import JournalError, Mark, mark_problems, record_mark

    pm, event, lang, _as_of = open_event(args, lang_hint)
    now = datetime.now(UTC)

    at = None
    if args.at is not None:
        at = parse_moment(args.at, event.tz, lang, option="--at")
        if len(args.at.strip()) == 10 and at > now and at.date() == now.astimezone(event.tz).date():
            # "--at today" means today, so far: a bare date stands for the end of the day, which
            # for today is still to come. Recorded as done now.
            at = None
    progress = None
    if args.progress is not None:
        try:
            progress = float(args.progress.replace(",", "."))
        except ValueError:
            err(_("cli.bad-progress", lang, value=args.progress))
            raise Exit(ExitCode.USAGE) from None

    reported = Mark(
        args.item,
        args.status,
        by=args.by,
        at=at,
        progress=progress,
        note=args.note,
        evidence=args.evidence,
        signed_off_by=args.signed_off_by,
        key=args.key,
    )
    problems = mark_problems(event, reported, plugins=pm, event_file=args.file, now=now)
    if problems:
        # checked before the journal is opened: a refused mark creates no journal file
        _print_problems(JournalError(problems), lang, options=True)
        err(_("cli.mark-refused", lang, count=len(problems)))
        raise Exit(ExitCode.USAGE)
    path, _named = _journal_path(args)
    journal = _open(path, lang, create=True, name=event.id)
    with journal, _writing(journal, lang, "cli.mark-refused", options=True):
        before = journal.entry_with_key(args.key) if args.key else None
        entry = record_mark(journal, event, reported, plugins=pm, event_file=args.file, now=now)
    again = before is not None and before.uid == entry.uid  # a retry: nothing was recorded
    write(
        _(
            "cli.marked-before" if again else "cli.marked",
            lang,
            subject=entry.subject,
            status=entry.status.value,
            by=entry.by,
            at=format_datetime(entry.at.astimezone(event.tz), lang),
            seq=entry.seq,
            journal=journal.location,
        )
        + "\n",
        machine=False,
    )
    return plugin_exit(pm, lang)


# -- history ---------------------------------------------------------------------------------------


def run_history(args: argparse.Namespace, lang_hint: str) -> ExitCode:
    """``venue-ready history FILE [ITEM]``: who did what, and when."""
    from ..journal import JournalError

    pm, event, lang, until = open_event(args, lang_hint)

    path, named = _journal_path(args)
    entries: list[JournalEntry] = []
    if os.path.isfile(path) or named:
        with _open(path, lang, readonly=True, name=event.id) as journal:
            path = journal.location  # a URL without its password
            try:
                journal.check_event(event, event_file=args.file)
                entries = journal.entries(until)
            except JournalError as exc:
                _refuse(exc, lang)
            except sqlite3_error() as exc:
                _database_failure(exc, path, lang)
    if args.item is not None:
        from .._errors import Problem
        from .._values import suggest
        from ..journal import known_subjects

        chosen = [e for e in entries if e.subject == args.item]
        subjects = known_subjects(event, pm)
        if not chosen and args.item not in subjects:
            hint = suggest(args.item, subjects)
            key = "journal.unknown-subject-hint" if hint else "journal.unknown-subject"
            problem = Problem.of(("item",), key, file=args.file, value=args.item, hint=hint or "")
            err(problem.render(lang))
            raise Exit(ExitCode.USAGE)
    else:
        chosen = entries

    if args.format == "json":
        from .._jsontext import dumps
        from ..journal import history_document

        data = history_document(event, entries, journal=str(path), subject=args.item, plugins=pm)
        write(dumps(data, indent=2) + "\n", machine=True)
    else:
        write(_history_text(event, path, chosen, lang), machine=False)
    return ExitCode.OK


def _history_text(event: Event, path: str, entries: list[JournalEntry], lang: str) -> str:
    tz = event.tz
    heading = "history.heading-one" if len(entries) == 1 else "history.heading"
    lines = [_(heading, lang, name=event.name, journal=str(path), count=len(entries))]
    if not entries:
        lines.append(_("history.empty", lang))
    for e in entries:
        status = _(f"item-status.{e.status.value}", lang)
        if e.progress is not None:
            status += f" ({format_number(round(100 * e.progress), lang)}%)"
        lines.append(
            _(
                "history.entry",
                lang,
                at=format_datetime(e.at.astimezone(tz), lang),
                subject=e.subject,
                status=status,
                by=e.by,
            )
        )
        if e.happened_at is not None:
            recorded = format_datetime(e.recorded_at.astimezone(tz), lang)
            lines.append("    " + _("history.recorded", lang, at=recorded))
        if e.signed_off_by is not None:
            lines.append("    " + _("history.signed", lang, body=e.signed_off_by))
        if e.note is not None:
            lines.append("    " + _("history.note", lang, note=e.note))
        if e.evidence is not None:
            lines.append("    " + _("history.evidence", lang, evidence=e.evidence))
    return "\n".join(lines) + "\n"


# -- export and import -----------------------------------------------------------------------------


def run_export(args: argparse.Namespace, lang_hint: str) -> ExitCode:
    """``venue-ready journal export FILE``: the journal as JSON Lines or CSV."""
    from ..journal import JournalError

    lang = args.lang or lang_hint
    if args.bom and args.format != "csv":
        err(_("cli.bom-not-csv", lang))
        raise Exit(ExitCode.USAGE)
    path, _named = _journal_path(args)
    with _open(path, lang, readonly=True, name=_name_for(path, args.file)) as journal:
        try:
            text = journal.export(args.format)
        except JournalError as exc:  # a damaged row
            _refuse(exc, lang)
        except sqlite3_error() as exc:
            _database_failure(exc, journal.location, lang)
    if args.bom:
        # Excel reads a CSV without a byte order mark in the machine's ANSI code page
        # (Windows-1258 in Việt Nam) and shows "Tiá»ƒu ban" for "Tiểu ban"; with it, UTF-8.
        text = "\ufeff" + text
    deliver(args, text, lang, machine=True, inputs=_inputs(path, args.file))
    return ExitCode.OK


def run_import(args: argparse.Namespace, lang_hint: str) -> ExitCode:
    """``venue-ready journal import FILE SOURCE``: add the entries of an export, once."""

    lang = args.lang or lang_hint
    fmt = args.format or ("csv" if args.source.lower().endswith(".csv") else "jsonl")
    try:
        # utf-8-sig: an export made with --bom (or saved by Excel) starts with a byte order mark
        with open(args.source, encoding="utf-8-sig", newline="") as fh:
            text = fh.read()
    except (OSError, UnicodeDecodeError) as exc:
        reason = os_error(exc) if isinstance(exc, OSError) else str(exc)
        err(_("load.unreadable", lang, error=reason).join((f"{args.source}: ", "")))
        raise Exit(ExitCode.USAGE) from None
    path, _named = _journal_path(args)
    journal = _open(path, lang, create=True, name=_name_for(path, args.file))
    with journal, _writing(journal, lang, "cli.import-refused", file=args.source):
        added, skipped = journal.import_text(text, fmt, file=args.source)
    write(
        _("cli.imported", lang, added=added, skipped=skipped, journal=journal.location) + "\n",
        machine=False,
    )
    return ExitCode.OK


def _name_for(path: str, event_file: str) -> str | None:
    """The name of the event's journal in a database (its id), for a ``postgresql://`` URL
    that names none; None for a file (the event file is then not read)."""
    return _event_id(event_file) if "://" in path else None


def _inputs(path: str, event_file: str) -> tuple[str, ...]:
    """The files ``-o`` must not replace: the event file, and its journal when it is one."""
    return (event_file,) if "://" in path else (path, event_file)


# -- copy ------------------------------------------------------------------------------------------


def run_copy(args: argparse.Namespace, lang_hint: str) -> ExitCode:
    """``venue-ready journal copy SRC DST``: every entry of one journal into another (either
    backend), once, in one transaction on DST."""
    from ..journal import copy_journal

    lang = args.lang or lang_hint
    with _open(args.source, lang, readonly=True) as source:
        # a server's journal is named after the event's id unless DST names it
        with _open(args.target, lang, create=True, name=source.event_id) as target:
            with _writing(target, lang, "cli.copy-refused", source=source.location):
                added, skipped = copy_journal(source, target)
            shown = target.location
        from_ = source.location
    write(
        _("cli.copied", lang, added=added, skipped=skipped, source=from_, journal=shown) + "\n",
        machine=False,
    )
    return ExitCode.OK


# -- check ---------------------------------------------------------------------------------------


def apply_journal(
    args: argparse.Namespace,
    event: Event,
    as_of: datetime | None,
    pm: PluginManager,
    lang: str,
) -> tuple[Event, datetime | None, list[JournalEntry] | None]:
    """For ``check``: the event with its journal replayed up to ``as_of`` (now by default).

    Returns the event, the moment, and the entries used (None when there is no journal). A
    journal beside the event file is used when it exists; ``--journal`` names
    another one, which must exist. ``--known-at`` keeps only what had been recorded by then.
    """
    path, named = _journal_path(args)
    if not named and not os.path.isfile(path):
        if args.known_at is not None:
            err(_("cli.known-at-without-journal", lang, journal=str(path)))
            raise Exit(ExitCode.USAGE)
        return event, as_of, None
    # only now: an event without a journal does not pay for the journal package
    from ..journal import JournalError

    moment = as_of if as_of is not None else datetime.now(event.tz)
    # By default, what the journal held at the moment: the report made then, exactly.
    # "--known-at now" adds what was written later about what had happened by then.
    known_at: datetime | None = moment
    if args.known_at is not None:
        if args.known_at.strip().lower() == "now":
            known_at = None
        else:
            known_at = parse_moment(args.known_at, event.tz, lang, option="--known-at")
    journal = _open(path, lang, readonly=True, name=event.id)
    from ..journal import replay, unknown_subjects

    with journal:
        try:
            journal.check_event(event, event_file=args.file)
            entries = journal.entries(moment, known_at=known_at)
        except JournalError as exc:
            _refuse(exc, lang)
        except sqlite3_error() as exc:
            _database_failure(exc, journal.location, lang)
    stray = unknown_subjects(event, entries)
    if stray:
        subjects = ", ".join(sorted({e.subject for e in stray}))
        shown = journal.location
        err(_("cli.journal-stray", lang, journal=shown, count=len(stray), subjects=subjects))
    return replay(event, entries), moment, entries
