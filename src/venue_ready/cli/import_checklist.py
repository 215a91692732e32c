"""``venue-ready import-checklist FILE.xlsx``: the checklist an office keeps in Excel, as
event-file items (TOML), printed or written to ``-o`` (never over an existing file without
``--force``). The reading is :mod:`venue_ready._render.xlsx_import`'s; openpyxl, from
``venue-ready[office]``, is imported only when the command runs."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from .._i18n import gettext as _
from .._i18n import os_error
from ._common import Exit, ExitCode, add_command, err, missing_extra, save, write

if TYPE_CHECKING:
    from ._common import Commands

__all__ = ["add_parser", "run"]


def add_parser(commands: Commands, lang: str) -> None:
    """Add ``import-checklist`` to the CLI's commands."""
    cmd = add_command(commands, "import-checklist", lang, "cli.help.import-checklist")
    cmd.option("source", metavar_id="cli.file-metavar", help_id="cli.help.checklist-source")
    cmd.option("-o", "--output", metavar_id="cli.file-metavar", help_id="cli.help.import-output")
    cmd.option("--force", action="store_true", help_id="cli.help.force")
    cmd.repeatable(
        "--sheet", dest="sheets", metavar_id="cli.metavar.name", help_id="cli.help.import-sheet"
    )
    cmd.option("--area", metavar_id="cli.metavar.key", help_id="cli.help.import-area")
    cmd.lang_option()
    cmd.set_defaults(run=run)


def run(args: argparse.Namespace, lang_hint: str) -> ExitCode:
    """Run ``import-checklist``: OK, or USAGE (with every bad cell named) when the workbook
    cannot be read."""
    from .._errors import MissingExtraError
    from .._files import write_atomic
    from .._render.xlsx_import import ChecklistError, items_toml, read_checklist

    lang = args.lang or lang_hint
    if args.output is not None and not args.force:
        # refuse before reading: the user's file is worth more than the import
        from pathlib import Path

        if Path(args.output).exists():
            err(_("cli.file-exists-force", lang, file=args.output))
            raise Exit(ExitCode.USAGE)
    try:
        found = read_checklist(args.source, sheets=args.sheets, area=args.area, lang=lang)
    except MissingExtraError as exc:
        missing_extra(exc, lang)
    except ChecklistError as exc:
        for message in exc.messages:
            err(_(message.id, lang, **dict(message.params)))
        err(_("import.refused", lang, file=args.source, count=len(exc.messages)))
        raise Exit(ExitCode.USAGE) from None
    text = items_toml(found, source=args.source)
    if args.output is None:
        write(text, machine=True)
    elif args.force:
        save(args.output, text, lang, inputs=(args.source,))
    else:
        try:
            write_atomic(args.output, text, overwrite=False)
        except FileExistsError:  # made meanwhile, by someone else
            err(_("cli.file-exists-force", lang, file=args.output))
            raise Exit(ExitCode.USAGE) from None
        except OSError as exc:
            err(_("cli.cannot-write", lang, file=args.output, error=os_error(exc)))
            raise Exit(ExitCode.USAGE) from None
    items = sum(len(items) for _sheet, _key, items in found)
    err(_("import.done", lang, items=items, areas=len(found), file=args.source))
    return ExitCode.OK
