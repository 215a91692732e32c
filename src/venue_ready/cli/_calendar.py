"""``check --format ics``: the calendar's library checked for, and its options (``--owner NAME``,
one team's deadlines; ``--remind-days N``, when the reminders ring) applied. Imported only for
that format: ``check`` declares the options and leaves the rest here."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._i18n import gettext as _
from ._common import Exit, ExitCode, err

if TYPE_CHECKING:
    import argparse

    from .._model import Renderer
    from .._report import Report

__all__ = ["calendar_renderer", "require_calendar"]


def require_calendar(lang: str) -> None:
    """Before anything is assessed: the icalendar library, or the command that installs it
    (a usage error, exit 2)."""
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
