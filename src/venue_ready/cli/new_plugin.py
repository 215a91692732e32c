"""``venue-ready new-plugin NAME``: a folder with a third-party plugin to start from."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from .._i18n import gettext as _
from .._i18n import os_error
from ._common import Exit, ExitCode, add_command, err

if TYPE_CHECKING:
    from ._common import Commands

__all__ = ["add_parser", "run"]


def add_parser(commands: Commands, lang: str) -> None:
    """Add ``new-plugin`` to the CLI's commands."""
    scaffold = add_command(commands, "new-plugin", lang, "cli.help.new-plugin")
    scaffold.option("name", metavar_id="cli.metavar.name", help_id="cli.help.plugin-name")
    scaffold.option("--area", metavar_id="cli.metavar.key", help_id="cli.help.plugin-area")
    scaffold.option(
        "--dir", default=".", metavar_id="cli.metavar.dir", help_id="cli.help.plugin-dir"
    )
    scaffold.lang_option()
    scaffold.set_defaults(run=run)


def run(args: argparse.Namespace, lang_hint: str) -> ExitCode:
    """Run ``new-plugin``: OK once the folder is written."""
    from pathlib import Path

    from .._newplugin import PluginNameError, new_plugin

    lang = args.lang or lang_hint
    try:
        root = new_plugin(Path(args.dir), args.name, args.area)
    except PluginNameError as exc:
        err(_("cli.bad-plugin-name", lang, name=str(exc)))
        raise Exit(ExitCode.USAGE) from None
    except FileExistsError:
        err(_("cli.folder-exists", lang, folder=Path(args.dir) / args.name))
        raise Exit(ExitCode.USAGE) from None
    except OSError as exc:
        err(_("cli.cannot-write", lang, file=Path(args.dir) / args.name, error=os_error(exc)))
        raise Exit(ExitCode.USAGE) from None
    err(_("cli.new-plugin-done", lang, folder=root))
    return ExitCode.OK
