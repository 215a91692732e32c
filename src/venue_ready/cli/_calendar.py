"""``check --format ics``'s own options: ``--owner NAME`` (one team's deadlines) and
``--remind-days N`` (when the reminders ring). Kept here, beside ``check``, so that the
command's module only names them."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from .._i18n import gettext as _
from ._common import Exit, ExitCode, err

if TYPE_CHECKING:
    from .._model import Renderer
    from .._report import Report
    from ._common import Parser

__all__ = ["add_calendar_options", "calendar_renderer", "check_calendar_options"]

_MAX_REMIND_DAYS = 365


def add_calendar_options(check: Parser) -> None:
    """Add ``--owner`` and ``--remind-days`` to ``check``."""
    check.option("--owner", metavar_id="cli.metavar.name", help_id="cli.help.owner")
    check.option("--remind-days", type=_remind_days, metavar="N", help_id="cli.help.remind-days")


def _remind_days(text: str) -> int:
    """--remind-days's N: a whole number of days from 0 to 365."""
    value = int(text)
    if not 0 <= value <= _MAX_REMIND_DAYS:
        raise ValueError(text)
    return value


_remind_days.__name__ = f"0..{_MAX_REMIND_DAYS}"  # argparse names the type in its error message


def check_calendar_options(args: argparse.Namespace, lang: str) -> None:
    """Before anything is assessed: the calendar's options only with ``--format ics``, and
    the icalendar library there when it is asked for (else the install command, exit 2)."""
    if args.format != "ics":
        for option, value in (("--owner", args.owner), ("--remind-days", args.remind_days)):
            if value is not None:
                err(_("cli.calendar-only", lang, option=option))
                raise Exit(ExitCode.USAGE)
        return
    from .._render.ics import INSTALL_COMMAND

    try:
        import icalendar  # noqa: F401  (only whether it is installed)
    except ImportError:
        err(_("cli.needs-icalendar", lang, command=INSTALL_COMMAND))
        raise Exit(ExitCode.USAGE) from None


def calendar_renderer(
    args: argparse.Namespace, renderer: Renderer, report: Report, lang: str
) -> Renderer:
    """``renderer`` (the ``ics`` format's) drawing only ``--owner``'s to-dos, with reminders
    ``--remind-days`` before their due moment. An owner the report does not have is a usage
    error that names the closest one and lists them all."""
    import functools

    import attrs

    from .._render.ics import DEFAULT_REMIND_DAYS, OwnerNotFound, find_owner, render_ics

    if args.owner is not None:
        try:
            find_owner(report, args.owner, lang)
        except OwnerNotFound as missing:
            known = ", ".join(missing.known)
            if missing.hint is None:
                err(_("cli.unknown-owner", lang, owner=args.owner, known=known))
            else:
                hint = missing.hint
                err(_("cli.unknown-owner-hint", lang, owner=args.owner, hint=hint, known=known))
            raise Exit(ExitCode.USAGE) from None
    days = DEFAULT_REMIND_DAYS if args.remind_days is None else args.remind_days
    render = functools.partial(render_ics, owner=args.owner, remind_days=days)
    return attrs.evolve(renderer, render=render)
