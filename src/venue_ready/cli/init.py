"""``venue-ready init FILE --starts ISO``: write a new event file from a template, with the
areas the installed plugins provide."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from .._i18n import gettext as _
from .._i18n import os_error
from ._common import Exit, ExitCode, add_command, err, plugin_exit, plugin_manager, read_moment

if TYPE_CHECKING:
    from datetime import date, datetime
    from pathlib import Path

    from .._plugins import PluginManager
    from ._common import Commands

__all__ = ["add_parser", "run"]


def add_parser(commands: Commands, lang: str) -> None:
    """Add ``init`` to the CLI's commands."""
    init = add_command(commands, "init", lang, "cli.help.init")
    init.option("out", metavar_id="cli.file-metavar", help_id="cli.help.out")
    init.option(
        "--template",
        default="party-congress",
        metavar_id="cli.metavar.template",
        help_id="cli.help.template",
    )
    init.option("--starts", required=True, metavar="ISO", help_id="cli.help.starts")
    init.option("--ends", metavar="ISO", help_id="cli.help.ends")
    init.lang_option("cli.help.init-lang")
    init.option("--id", dest="event_id", metavar_id="cli.metavar.id", help_id="cli.help.id")
    init.option("--name", metavar_id="cli.metavar.name", help_id="cli.help.name")
    init.plugin_options()
    init.set_defaults(run=run)


def run(args: argparse.Namespace, lang_hint: str) -> ExitCode:
    """Run ``init``: OK, or PLUGIN when the file was written but a plugin failed."""
    from pathlib import Path

    import attrs

    from .._eventschema import SCHEMA_FILE_NAME
    from .._files import write_atomic
    from .._model import DEFAULT_TIMEZONE
    from .._scaffold import OPT_IN_AREAS, local_day, new_event_file
    from .._values import suggest

    lang = args.lang or lang_hint
    starts = read_moment(_as_written, args.starts, lang, option="--starts")
    ends = None if args.ends is None else read_moment(_as_written, args.ends, lang, option="--ends")
    out = Path(args.out)
    event_id = args.event_id or out.stem
    _check_text("--id", event_id, lang)
    if args.name is not None:
        _check_text("--name", args.name, lang)
    if out.exists():
        err(_("cli.file-exists", lang, file=out))
        raise Exit(ExitCode.USAGE)

    pm = plugin_manager(args, lang)
    kinds = pm.event_kinds()  # a template per kind of event, the plugins' kinds too
    kind = kinds.get(args.template)
    if kind is None:
        hint = suggest(args.template, kinds)
        message = "cli.unknown-template-hint" if hint else "cli.unknown-template"
        err(_(message, lang, template=args.template, hint=hint, known=", ".join(kinds)))
        raise Exit(ExitCode.USAGE)
    # subevents only makes sense for an event with children: opt in by hand (docs/rollup.md)
    # each template built once, here, where a plugin's failing template is its failure
    specs = [
        attrs.evolve(s, template=pm.area_template(k))
        for k, s in pm.area_specs().items()
        if k not in OPT_IN_AREAS
    ]
    content = new_event_file(
        specs,
        starts=starts,
        ends=ends,
        lang=lang,
        event_id=event_id,
        name=args.name,
        kind=kind,
    )
    # the line Taplo and Even Better TOML follow to the schema written beside the file
    content = f"#:schema ./{SCHEMA_FILE_NAME}\n{content}"
    try:
        write_atomic(out, content, overwrite=False)
    except FileExistsError:
        err(_("cli.file-exists", lang, file=out))
        raise Exit(ExitCode.USAGE) from None
    except OSError as exc:
        err(_("cli.cannot-write", lang, file=out, error=os_error(exc)))
        raise Exit(ExitCode.USAGE) from None
    day = local_day(starts, DEFAULT_TIMEZONE)
    items = sum(1 for s in specs for item in s.template if item.for_event(kind.key, day))
    err(_("cli.init-done", lang, file=out, areas=len(specs), items=items))
    _write_schema(out.parent / SCHEMA_FILE_NAME, pm, lang)
    return plugin_exit(pm, lang)


def _write_schema(path: Path, pm: PluginManager, lang: str) -> None:
    """The event file's schema, for the editor, beside the new file: written when there is none
    (one a ward has, perhaps of more plugins, is kept; ``venue-ready schema -o`` renews it). A
    schema that cannot be written is said, and the new file stays."""
    from .._eventschema import schema_text
    from .._files import write_atomic

    if path.exists():
        return
    try:
        write_atomic(path, schema_text(pm, lang), overwrite=False)
    except FileExistsError:
        return
    except OSError as exc:
        err(_("cli.cannot-write", lang, file=path, error=os_error(exc)))
        return
    err(_("cli.init-schema", lang, file=path))


def _check_text(option: str, value: str, lang: str) -> None:
    """``--id`` or ``--name`` (an id from the file's name too): one line of text the event file
    can hold. A newline in it wrote a file that did not load (#11)."""
    from .._values import MAX_TEXT_LENGTH

    controls = any(ord(ch) < 0x20 or 0x7F <= ord(ch) <= 0x9F for ch in value)
    if controls or not value.strip() or len(value) > MAX_TEXT_LENGTH:
        shown = repr(value)[1:-1] if len(value) <= 80 else repr(value[:79])[1:-1] + "…"
        err(_("cli.bad-text-option", lang, option=option, value=shown, limit=MAX_TEXT_LENGTH))
        raise Exit(ExitCode.USAGE)


def _as_written(value: str) -> date | datetime:
    """``--starts``/``--ends``: an ISO date or date and time, as written (no time zone is
    known yet: the file is still to be made)."""
    from datetime import date, datetime

    text = value.strip()
    return date.fromisoformat(text) if len(text) == 10 else datetime.fromisoformat(text)
