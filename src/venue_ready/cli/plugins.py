"""``venue-ready plugins``: the plugins installed, what each provides, and which failed."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from .._i18n import gettext as _
from ._common import ExitCode, add_command, plugin_manager, write

if TYPE_CHECKING:
    from ._common import Commands

__all__ = ["add_parser", "run"]


def add_parser(commands: Commands, lang: str) -> None:
    """Add ``plugins`` to the CLI's commands."""
    plugins = add_command(commands, "plugins", lang, "cli.help.plugins")
    plugins.option(
        "--format", choices=("text", "json"), default="text", help_id="cli.help.plugins-format"
    )
    plugins.lang_option()
    plugins.plugin_options()
    plugins.set_defaults(run=run)


def run(args: argparse.Namespace, lang_hint: str) -> ExitCode:
    """Run ``plugins``: OK, or PLUGIN when a plugin failed."""
    from .._jsontext import dumps
    from .._plugins import describe_plugins

    lang = args.lang or lang_hint
    pm = plugin_manager(args, lang)
    table = describe_plugins(pm)
    if args.format == "json":
        write(dumps(table, indent=2) + "\n", machine=True)
        return ExitCode.PLUGIN if table["failures"] else ExitCode.OK
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
    write("\n".join(lines) + "\n", machine=False)
    return ExitCode.PLUGIN if pm.failures else ExitCode.OK
