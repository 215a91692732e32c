"""``venue-ready schema``: the JSON Schema of the event file, for editors (Taplo, Even Better
TOML), with the installed plugins' areas and settings, its words in ``--lang``."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from ._common import ExitCode, add_command, deliver, plugin_exit, plugin_manager

if TYPE_CHECKING:
    from ._common import Commands

__all__ = ["add_parser", "run"]


def add_parser(commands: Commands, lang: str) -> None:
    """Add ``schema`` to the CLI's commands."""
    schema = add_command(commands, "schema", lang, "cli.help.schema")
    schema.lang_option("cli.help.schema-lang")
    schema.output_option()
    schema.plugin_options()
    schema.set_defaults(run=run)


def run(args: argparse.Namespace, lang_hint: str) -> ExitCode:
    """Run ``schema``: OK, or PLUGIN when a plugin failed (the schema then lacks its areas)."""
    from .._eventschema import schema_text

    lang = args.lang or lang_hint
    pm = plugin_manager(args, lang)
    deliver(args, schema_text(pm, lang), lang, machine=True, inputs=())
    return plugin_exit(pm, lang)
