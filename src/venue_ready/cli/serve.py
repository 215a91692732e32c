"""``venue-ready serve DIR``, the web app on the events of a folder, and ``venue-ready access``,
its accounts (#17). Both need the ``server`` extra for what they do beyond the access store:
without it, they say which extra to install and end with exit 2.

``access`` manages the accounts kept under the folder (``DIR/.venue-ready/access.sqlite``):
``organiser``, ``team`` and ``reviewer`` create one, ``link`` issues a one-time sign-in link
(printed with a QR code for a phone), ``password`` sets a password, ``token`` an API token,
``accounts`` lists them.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import TYPE_CHECKING, NoReturn

from .._i18n import gettext as _
from ._common import Exit, ExitCode, add_command, err, missing_extra

if TYPE_CHECKING:
    from ..server.access import SQLiteAccessStore
    from ._common import Commands, Parser

__all__ = ["add_access_parser", "add_parser", "run_access", "run_serve"]

_DEFAULT_URL = "http://127.0.0.1:8000"


def add_parser(commands: Commands, lang: str) -> None:
    """Add ``serve`` to the CLI's commands."""
    serve = add_command(commands, "serve", lang, "cli.help.serve")
    serve.option("folder", metavar_id="cli.metavar.dir", help_id="cli.help.serve-folder")
    serve.option(
        "--host", default="127.0.0.1", metavar_id="cli.metavar.host", help_id="cli.help.host"
    )
    serve.option(
        "--port", type=int, default=8000, metavar_id="cli.metavar.port", help_id="cli.help.port"
    )
    serve.option("--https-only", action="store_true", help_id="cli.help.https-only")
    serve.lang_option("cli.help.serve-lang")
    serve.set_defaults(run=run_serve)


def _folder(args: argparse.Namespace, lang: str) -> str:
    folder = str(args.folder)
    if not os.path.isdir(folder):
        err(_("cli.not-a-folder", lang, folder=folder))
        raise Exit(ExitCode.USAGE)
    return folder


def run_serve(args: argparse.Namespace, lang_hint: str) -> ExitCode:
    """Run ``serve``: until interrupted."""
    from .._errors import MissingExtraError, import_extra

    lang = args.lang or lang_hint
    folder = _folder(args, lang)
    try:
        uvicorn = import_extra("uvicorn", feature="venue-ready serve", extra="server")
        from ..server.app import create_app

        app = create_app(folder, lang=args.lang or "vi", https_only=args.https_only)
    except MissingExtraError as exc:
        missing_extra(exc, lang)
    state = app.state.venue_ready
    found = state.site.events()
    if not state.access.accounts():
        err(_("cli.serve-no-accounts", lang, folder=folder))
    host = f"[{args.host}]" if ":" in args.host else args.host
    err(
        _(
            "cli.serve-listening",
            lang,
            count=len(found),
            folder=folder,
            url=f"http://{host}:{args.port}",
        )
    )
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning", server_header=False)
    return ExitCode.OK


# -- access ---------------------------------------------------------------------------------------


def add_access_parser(commands: Commands, lang: str) -> None:
    """Add ``access`` (``organiser``, ``team``, ``reviewer``, ``link``, ``password``, ``token``,
    ``accounts``) to the CLI's commands."""
    access = add_command(commands, "access", lang, "cli.help.access-command")
    actions = access.add_subparsers(dest="action", metavar=_("cli.command-metavar", lang))
    actions.required = True
    for role in ("organiser", "team", "reviewer"):
        parser = _action(actions, role, lang)
        parser.option(
            "--event",
            action="append",
            default=[],
            required=True,
            metavar_id="cli.metavar.id",
            help_id="cli.help.access-event",
        )
        if role == "team":
            parser.option(
                "--scope",
                action="append",
                default=[],
                required=True,
                metavar_id="cli.metavar.pattern",
                help_id="cli.help.access-scope",
            )
        parser.set_defaults(role=role)
    link = _action(actions, "link", lang)
    link.option(
        "--url",
        default=_DEFAULT_URL,
        metavar_id="cli.metavar.web-url",
        help_id="cli.help.access-url",
    )
    link.option("--hours", type=float, default=72.0, metavar="N", help_id="cli.help.access-hours")
    _action(actions, "password", lang)
    _action(actions, "token", lang)
    _action(actions, "accounts", lang, named=False)


def _action(actions: Commands, name: str, lang: str, *, named: bool = True) -> Parser:
    parser = add_command(actions, name, lang, f"cli.help.{name}")
    parser.option("folder", metavar_id="cli.metavar.dir", help_id="cli.help.access-folder")
    if named:
        parser.option("name", metavar_id="cli.metavar.name", help_id="cli.help.access-name")
    parser.lang_option()
    parser.set_defaults(run=run_access)
    return parser


def run_access(args: argparse.Namespace, lang_hint: str) -> ExitCode:
    """Run one of ``access``'s actions."""
    from ..server.access import AccessError, open_access

    lang = args.lang or lang_hint
    folder = _folder(args, lang)
    store = open_access(folder)
    try:
        if args.action in ("organiser", "team", "reviewer"):
            _create(store, args, folder, lang)
        elif args.action == "link":
            _link(store, args, lang)
        elif args.action == "password":
            _password(store, args.name, lang)
        elif args.action == "token":
            token = store.issue_token(args.name)
            err(_("cli.access-token", lang, name=args.name))
            print(token)
        else:
            _list(store, lang)
    except AccessError as exc:
        _refuse(_(exc.code, lang, **exc.params))
    finally:
        store.close()
    return ExitCode.OK


def _refuse(text: str) -> NoReturn:
    err(text)
    raise Exit(ExitCode.USAGE)


def _create(store: SQLiteAccessStore, args: argparse.Namespace, folder: str, lang: str) -> None:
    from ..server.access import Account, parse_list
    from ..server.events import EventSite

    events = parse_list(args.event)
    known = EventSite(folder).events()
    for event_id in events:
        if event_id not in known:
            _refuse(
                _(
                    "cli.access-unknown-event",
                    lang,
                    folder=folder,
                    event=event_id,
                    events=", ".join(sorted(known)) or "-",
                )
            )
    scopes = parse_list(getattr(args, "scope", None))
    store.add(Account(args.name.strip(), args.role, events, scopes))
    err(_("cli.access-created", lang, name=args.name, role=_(f"server.role.{args.role}", lang)))


def _link(store: SQLiteAccessStore, args: argparse.Namespace, lang: str) -> None:
    from .._errors import MissingExtraError, import_extra
    from ..server.pages import link_url

    token = store.issue_link(args.name, args.hours)
    url = link_url(args.url, token)
    err(_("cli.access-link", lang, name=args.name, hours=f"{args.hours:g}"))
    print(url)
    try:
        segno = import_extra("segno", feature="QR codes", extra="server")
    except MissingExtraError as exc:
        missing_extra(exc, lang)
    # Unicode blocks (compact), no colour codes: the same in a terminal, a file or a pipe
    segno.make(url, error="m").terminal(out=sys.stdout, compact=True)


def _password(store: SQLiteAccessStore, name: str, lang: str) -> None:
    if sys.stdin.isatty():
        import getpass

        first = getpass.getpass(_("cli.access-password-prompt", lang))
        again = getpass.getpass(_("cli.access-password-again", lang))
        if first != again:
            _refuse(_("cli.access-password-mismatch", lang))
    else:
        first = sys.stdin.readline().rstrip("\r\n")
    try:
        store.set_password(name, first)
    except ImportError as exc:
        from .._errors import MissingExtraError

        if isinstance(exc, MissingExtraError):
            missing_extra(exc, lang)
        raise
    err(_("cli.access-password-set", lang, name=name))


def _list(store: SQLiteAccessStore, lang: str) -> None:
    accounts = store.accounts()
    if not accounts:
        err(_("cli.access-none", lang))
    for account in accounts:
        role = _(f"server.role.{account.role}", lang)
        scopes = f"  [{', '.join(account.scopes)}]" if account.scopes else ""
        print(f"{account.name}\t{role}\t{', '.join(account.events)}{scopes}")
