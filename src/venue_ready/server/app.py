"""The web app: routes, sessions, CSRF protection, security headers, and refusals as pages or
JSON.

The layers, outermost first: the security headers; the CSRF check (asgi-csrf, datasette's:
every unsafe request carries the token of its cookie in a form field ``csrftoken`` or the
``X-CSRFToken`` header, unless it signs in by an API token); the session (Starlette's
SessionMiddleware: a cookie signed with itsdangerous); the routes. The signing keys are kept in
the access store, so that sessions outlive a restart.
"""

from __future__ import annotations

import os
from collections.abc import Awaitable, Callable, MutableMapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .._errors import import_extra

if TYPE_CHECKING:
    from starlette.applications import Starlette

    from .access import AccessStore

__all__ = ["SESSION_COOKIE", "SESSION_HOURS", "create_app"]

#: The session cookie's name.
SESSION_COOKIE = "venue_ready_session"
#: How long a session lasts without signing in again.
SESSION_HOURS = 12
STATIC = Path(__file__).parent / "static"

Scope = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[MutableMapping[str, Any]]]
Send = Callable[[MutableMapping[str, Any]], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

#: Every page: scripts and styles from the app itself only, no frames, no referrer (a one-time
#: link's token must not leak to another site).
_HEADERS = [
    (
        b"content-security-policy",
        b"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        b"object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    ),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cache-control", b"no-store"),
]


def _secured(app: ASGIApp) -> ASGIApp:
    """``app`` with the security headers on every response (a response's own
    Content-Security-Policy, the report's, is kept)."""

    async def wrapped(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await app(scope, receive, send)
            return

        async def send_with_headers(message: MutableMapping[str, Any]) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers") or [])
                have = {bytes(k).lower() for k, _v in headers}
                static = scope.get("path", "").startswith("/static/")
                for key, value in _HEADERS:
                    if key in have or (static and key == b"cache-control"):
                        continue
                    headers.append((key, value))
                message = {**message, "headers": headers}
            await send(message)

        await app(scope, receive, send_with_headers)

    return wrapped


def _csrf_refused(default_lang: str) -> Callable[[Scope, Send, Any], Awaitable[None]]:
    """asgi-csrf's refusal, said in the reader's language (as JSON under ``/api/``)."""
    import json
    from http.cookies import SimpleCookie
    from urllib.parse import parse_qsl

    from .._i18n import gettext
    from .common import choose_lang

    async def refuse(scope: Scope, send: Send, _message_id: Any) -> None:
        headers = {
            bytes(k).decode("latin-1").lower(): bytes(v).decode("latin-1")
            for k, v in scope.get("headers") or []
        }
        cookies: dict[str, str] = {}
        if "cookie" in headers:
            jar: SimpleCookie = SimpleCookie()
            try:
                jar.load(headers["cookie"])
            except Exception:  # a cookie header this parser refuses: no choice kept
                jar = SimpleCookie()
            cookies = {k: m.value for k, m in jar.items()}
        query = dict(parse_qsl(bytes(scope.get("query_string", b"")).decode("latin-1")))
        lang = choose_lang(query, cookies, headers, default_lang)
        text = gettext("server.csrf-refused", lang)
        if str(scope.get("path", "")).startswith("/api/"):
            body = json.dumps(
                {"error": "server.csrf-refused", "message": text, "details": []},
                ensure_ascii=False,
            ).encode("utf-8")
            kind = b"application/json"
        else:
            from html import escape

            body = (
                f'<!doctype html><html lang="{lang}"><meta charset="utf-8">'
                f'<title>403</title><p id="refusal">{escape(text)}</p></html>'
            ).encode()
            kind = b"text/html; charset=utf-8"
        await send(
            {"type": "http.response.start", "status": 403, "headers": [(b"content-type", kind)]}
        )
        await send({"type": "http.response.body", "body": body})

    return refuse


def create_app(
    root: str | os.PathLike[str],
    *,
    access: AccessStore | None = None,
    lang: str = "vi",
    https_only: bool = False,
) -> Starlette:
    """The web app serving the events under ``root``.

    :param access: the access store; by default ``ROOT/.venue-ready/access.sqlite``.
    :param lang: the language of a reader whose browser names neither Vietnamese nor English.
    :param https_only: send the cookies over HTTPS only (behind a TLS proxy).
    """
    import_extra("starlette", feature="venue-ready serve", extra="server")
    asgi_csrf = import_extra(
        "asgi_csrf", feature="venue-ready serve", extra="server", package="asgi-csrf"
    )
    from starlette.applications import Starlette
    from starlette.middleware import Middleware
    from starlette.middleware.sessions import SessionMiddleware
    from starlette.requests import Request
    from starlette.responses import Response
    from starlette.routing import Mount, Route
    from starlette.staticfiles import StaticFiles

    from . import api, pages
    from .access import open_access
    from .common import Refusal, ServerState
    from .events import EventSite

    store = access if access is not None else open_access(root)
    state = ServerState(store, EventSite(root), lang)

    async def refused(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, Refusal)
        if request.url.path.startswith("/api/"):
            return api.refusal_response(request, exc)
        return pages.error_page(request, exc)

    async def not_found(request: Request, exc: Exception) -> Response:
        status = getattr(exc, "status_code", 404)
        code = "server.not-found" if status == 404 else "server.bad-method"
        return await refused(request, Refusal(status, code))

    routes: list[Any] = [
        Route(path, endpoint, methods=methods) for path, endpoint, methods in pages.ROUTES
    ]
    routes += [Route(path, endpoint, methods=methods) for path, endpoint, methods in api.ROUTES]
    routes.append(Mount("/static", app=StaticFiles(directory=STATIC), name="static"))
    app = Starlette(
        routes=routes,
        middleware=[
            Middleware(_secured),
            Middleware(
                asgi_csrf.asgi_csrf,
                signing_secret=store.secret("csrf"),
                # signing in is protected too, with no session yet (a forged sign-in would put
                # the victim in the forger's account)
                always_protect={"/signin", "/link"},
                cookie_secure=https_only,
                send_csrf_failed=_csrf_refused(lang),
            ),
            Middleware(
                SessionMiddleware,
                secret_key=store.secret("session"),
                session_cookie=SESSION_COOKIE,
                max_age=SESSION_HOURS * 3600,
                same_site="lax",
                https_only=https_only,
            ),
        ],
        exception_handlers={Refusal: refused, 404: not_found, 405: not_found},
    )
    app.state.venue_ready = state
    return app
