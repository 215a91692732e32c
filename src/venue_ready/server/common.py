"""What the pages and the JSON API share: the server's state, who is asking, in which language,
and the one check of a mark (the same rights and refusals on a form and through the API)."""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from attrs import frozen

from .._i18n import gettext

if TYPE_CHECKING:
    from starlette.requests import Request

    from .._model import JournalEntry
    from .._plugins import PluginManager
    from ..journal import Mark
    from .access import AccessStore, Account
    from .events import EventSite, Served

__all__ = [
    "LANG_COOKIE",
    "MAX_NOTE",
    "Refusal",
    "ServerState",
    "checked_mark",
    "choose_lang",
    "current_account",
    "sign_in",
]

#: The cookie keeping the language the user chose (``?lang=en``).
LANG_COOKIE = "venue_ready_lang"
#: The longest note a mark may carry, in characters.
MAX_NOTE = 2000


class Refusal(Exception):
    """A request refused: its HTTP ``status``, a message id of the core catalog and its
    parameters, and, for a mark the library refused, the library's own problems in words."""

    def __init__(
        self, status: int, code: str, *, details: tuple[str, ...] = (), **params: Any
    ) -> None:
        super().__init__(code)
        self.status = status
        self.code = code
        self.params = params
        self.details = details

    def text(self, lang: str) -> str:
        """The refusal in ``lang``."""
        return gettext(self.code, lang, **self.params)


@frozen
class ServerState:
    """What the app holds: the access store, the events, the language to fall back on."""

    access: AccessStore
    site: EventSite
    default_lang: str = "vi"

    def plugins(self) -> PluginManager:
        """The installed plugins (a copy of the process's manager, with its own failures)."""
        from .._plugins import default_plugin_manager

        return default_plugin_manager()


def choose_lang(
    query: Mapping[str, str], cookies: Mapping[str, str], headers: Mapping[str, str], default: str
) -> str:
    """The reader's language: ``?lang=``, else the one chosen before (the cookie), else the
    first of Vietnamese and English the browser's Accept-Language names, else ``default``."""
    for chosen in (query.get("lang"), cookies.get(LANG_COOKIE)):
        if chosen in ("vi", "en"):
            return chosen
    accepted = []
    for part in headers.get("accept-language", "").split(","):
        tag, _sep, params = part.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                quality = 0.0
        accepted.append((quality, tag.strip().lower().partition("-")[0]))
    for _quality, tag in sorted(accepted, key=lambda qt: -qt[0]):
        if tag in ("vi", "en"):
            return tag
    return default


def current_account(request: Request, state: ServerState) -> Account | None:
    """Who is asking: the account of an API token (``Authorization: Bearer …``; the session is
    then ignored), else of the session's cookie; None for nobody (or an account deleted
    since)."""
    auth = request.headers.get("authorization")
    if auth is not None:
        scheme, _sep, token = auth.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            return None
        return state.access.account_for_token(token.strip())
    name = request.session.get("account")
    return state.access.get(name) if isinstance(name, str) else None


def sign_in(request: Request, account: Account) -> None:
    """Start a new session for ``account``: whatever the old one held is dropped and a new
    session id drawn, so a session planted before sign-in is never the signed-in one."""
    request.session.clear()
    request.session["account"] = account.name
    request.session["sid"] = secrets.token_urlsafe(16)


def checked_mark(
    state: ServerState,
    account: Account,
    served: Served,
    fields: Mapping[str, Any],
    plugins: PluginManager,
    *,
    lang: str,
) -> Mark:
    """The mark ``fields`` ask ``account`` to record on ``served``, checked: its status,
    progress (a percentage, 0 to 100), note and subject, the account's right to it, then the
    library's own checks. Raises :class:`Refusal`, having written nothing."""
    from ..journal import MARKABLE_STATUSES, Mark

    status = fields.get("status")
    if not isinstance(status, str) or status not in MARKABLE_STATUSES:
        raise Refusal(
            422, "server.bad-status", value=str(status), statuses=", ".join(MARKABLE_STATUSES)
        )
    progress = _progress(fields.get("progress"))
    note = fields.get("note")
    if note is not None and not isinstance(note, str):
        raise Refusal(422, "server.bad-note")
    note = note.strip() if note else None
    if note is not None and len(note) > MAX_NOTE:
        raise Refusal(422, "server.long-note", count=MAX_NOTE)
    key = fields.get("key")
    if key is not None and not isinstance(key, str):
        raise Refusal(422, "server.bad-key")
    subject = fields.get("subject")
    if not isinstance(subject, str) or not subject:
        raise Refusal(422, "server.no-subject")
    areas = {s.id: s.area for s in state.site.subjects(served, plugins)}
    if subject not in areas:
        raise Refusal(404, "server.unknown-subject", subject=subject)
    if not account.may_record(served.id, subject, areas[subject]):
        raise Refusal(403, "server.not-in-scope", subject=subject, account=account.name)
    mark = Mark(
        subject,
        status,
        by=account.name,
        progress=None if progress is None else progress / 100,
        note=note or None,
        key=key or None,
    )
    problems = state.site.problems(served, mark, plugins)
    if problems:
        catalogs = plugins.catalogs()
        raise Refusal(
            422,
            "server.mark-refused",
            details=tuple(p.render(lang, catalogs) for p in problems),
            count=len(problems),
        )
    return mark


def _progress(value: Any) -> float | None:
    """A percentage from a form (text, a decimal comma allowed) or JSON (a number)."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise Refusal(422, "server.bad-progress", value=str(value))
    if isinstance(value, int | float):
        number = float(value)
    elif isinstance(value, str):
        try:
            number = float(value.strip().rstrip("%").replace(",", "."))
        except ValueError:
            raise Refusal(422, "server.bad-progress", value=value) from None
    else:
        raise Refusal(422, "server.bad-progress", value=str(value))
    if not 0 <= number <= 100:  # also refuses NaN
        raise Refusal(422, "server.bad-progress", value=str(value))
    return number


def recorded(
    state: ServerState, served: Served, mark: Mark, plugins: PluginManager, lang: str
) -> JournalEntry:
    """``mark`` recorded in ``served``'s journal (the form's and the API's one way in); a
    journal's refusal (a key used for another mark) is a 422 with the journal's words."""
    from ..journal import JournalError

    try:
        return state.site.record(served, mark, plugins)
    except JournalError as exc:
        catalogs = plugins.catalogs()
        raise Refusal(
            422,
            "server.mark-refused",
            details=tuple(p.render(lang, catalogs) for p in exc.problems),
            count=len(exc.problems),
        ) from None
