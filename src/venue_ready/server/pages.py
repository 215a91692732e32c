"""The server's HTML pages: sign-in, the ward's board, a team's page, the district's view,
the organiser's access page, and the reports ``venue-ready check`` renders.

Pages are drawn by Jinja2 from the templates beside this module, with autoescape on and every
value passed through :func:`~venue_ready._render.inert.inert` first (control characters shown,
never obeyed), in the reader's language from the core catalog. Elements carry stable ids and
``data-*`` attributes (``data-subject``, ``data-status``, ``data-area``) for scripts and
browser tests. Nothing here opens a journal: :mod:`.events` does.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from starlette.concurrency import run_in_threadpool
from starlette.responses import HTMLResponse, RedirectResponse, Response

from .._i18n import format_datetime, format_number, format_score
from .._i18n import gettext as _
from .access import AccessError, Account, parse_list
from .common import (
    LANG_COOKIE,
    Refusal,
    ServerState,
    checked_mark,
    choose_lang,
    current_account,
    recorded,
    sign_in,
)

if TYPE_CHECKING:
    import jinja2
    from starlette.requests import Request

    from .events import Served

__all__ = ["ROUTES", "error_page", "lang_of", "render"]

TEMPLATES = Path(__file__).parent / "templates"
#: The report formats offered for download, in this order, when the plugins have them.
REPORT_FORMATS = ("html", "md", "text", "json", "docx", "xlsx", "ics")


@functools.cache
def environment() -> jinja2.Environment:
    """The pages' Jinja environment: autoescape on, every value made inert first."""
    import jinja2

    from .._render.inert import inert

    def finalize(value: Any) -> Any:
        return inert(value) if isinstance(value, str) else value

    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        finalize=finalize,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def state_of(request: Request) -> ServerState:
    """The app's :class:`ServerState`."""
    state: ServerState = request.app.state.venue_ready
    return state


def lang_of(request: Request) -> str:
    """The reader's language (see :func:`.common.choose_lang`)."""
    return choose_lang(
        request.query_params, request.cookies, request.headers, state_of(request).default_lang
    )


def render(
    request: Request,
    template: str,
    status: int = 200,
    *,
    account: Account | None = None,
    **context: Any,
) -> HTMLResponse:
    """The page ``template`` in the reader's language, with what every page needs."""
    lang = lang_of(request)

    def t(message_id: str, **params: Any) -> str:
        return _(message_id, lang, **params)

    csrf = request.scope.get("csrftoken")
    html = (
        environment()
        .get_template(template)
        .render(
            t=t,
            lang=lang,
            account=account,
            csrftoken=csrf() if callable(csrf) else "",
            path=request.url.path,
            score=lambda s: format_score(s, lang),
            number=lambda n: format_number(n, lang),
            moment=lambda m: "" if m is None else format_datetime(m, lang),
            **context,
        )
    )
    response = HTMLResponse(html, status_code=status)
    if request.query_params.get("lang") in ("vi", "en"):
        response.set_cookie(LANG_COOKIE, lang, max_age=365 * 86400, httponly=True, samesite="lax")
    return response


def error_page(request: Request, refusal: Refusal) -> Response:
    """A refused request as a page: its status and why, in the reader's language."""
    if refusal.status == 401:
        return RedirectResponse("/signin", status_code=303)
    lang = lang_of(request)
    return render(
        request,
        "message.html",
        refusal.status,
        account=_quiet_account(request),
        title=_("server.refused-title", lang),
        message=refusal.text(lang),
        details=refusal.details,
    )


def _quiet_account(request: Request) -> Account | None:
    try:
        return current_account(request, state_of(request))
    except Exception:  # an error page must not fail for want of a session
        return None


def signed_in(request: Request) -> Account:
    """The account asking, or a 401 refusal (pages send it to the sign-in page)."""
    account = current_account(request, state_of(request))
    if account is None:
        raise Refusal(401, "server.sign-in-needed")
    return account


def readable(request: Request, account: Account) -> Served:
    """The event of the path's ``event``, which ``account`` may read; else 404 or 403."""
    event_id = request.path_params["event"]
    served = state_of(request).site.find(event_id)
    if served is None:
        raise Refusal(404, "server.unknown-event", event=event_id)
    if not account.may_read(served.id):
        raise Refusal(403, "server.not-your-event", event=event_id)
    return served


# -- signing in and out ---------------------------------------------------------------------


async def page_signin_form(request: Request) -> Response:
    """The sign-in page: an account's name and password."""
    return render(request, "signin.html", name="", failed=None)


async def page_signin(request: Request) -> Response:
    """Check a name and password; rate-limited per account and address."""
    state = state_of(request)
    form = await request.form()
    name = str(form.get("name", "")).strip()
    password = str(form.get("password", ""))
    address = request.client.host if request.client else "?"
    lang = lang_of(request)
    if await run_in_threadpool(state.access.too_many_failures, name, address):
        return render(
            request, "signin.html", 429, name=name, failed=_("server.too-many-tries", lang)
        )
    account = await run_in_threadpool(state.access.check_password, name, password)
    if account is None:
        await run_in_threadpool(state.access.note_failure, name, address)
        return render(request, "signin.html", 401, name=name, failed=_("server.bad-password", lang))
    await run_in_threadpool(state.access.clear_failures, name, address)
    sign_in(request, account)
    return RedirectResponse("/", status_code=303)


async def page_link_form(request: Request) -> Response:
    """A one-time link's page: a button that signs in. Opening the link uses nothing up (a
    chat app's preview of it would), pressing the button does."""
    token = request.query_params.get("token", "")
    return render(request, "link.html", token=token)


async def page_link(request: Request) -> Response:
    """Sign in with a one-time link's token, using it up."""
    state = state_of(request)
    form = await request.form()
    token = str(form.get("token", ""))
    address = request.client.host if request.client else "?"
    if await run_in_threadpool(state.access.too_many_failures, "", address):
        raise Refusal(429, "server.too-many-tries")
    account = await run_in_threadpool(state.access.redeem_link, token) if token else None
    if account is None:
        await run_in_threadpool(state.access.note_failure, "", address)
        raise Refusal(403, "server.bad-link")
    sign_in(request, account)
    return RedirectResponse("/", status_code=303)


async def page_signout(request: Request) -> Response:
    """End the session."""
    request.session.clear()
    return RedirectResponse("/signin", status_code=303)


# -- the pages ---------------------------------------------------------------------------------


async def page_home(request: Request) -> Response:
    """Where an account starts: a team on its team page, one event's organiser on its board,
    anyone else on the district's view."""
    account = signed_in(request)
    if len(account.events) == 1:
        target = "team" if account.role == "team" else ""
        return RedirectResponse(f"/e/{account.events[0]}/{target}", status_code=303)
    return RedirectResponse("/district", status_code=303)


def _formats(state: ServerState) -> list[tuple[str, str]]:
    """The report formats offered: (name, file extension), those whose libraries are
    installed."""
    import importlib.util

    needs = {"docx": "docx", "xlsx": "openpyxl", "ics": "icalendar"}
    pm = state.plugins()
    out = []
    for name in REPORT_FORMATS:
        renderer = pm.renderer(name)
        if renderer is None:  # a format no plugin provides
            continue
        if name in needs and importlib.util.find_spec(needs[name]) is None:
            continue
        out.append((name, renderer.extension.lstrip(".")))
    return out


async def page_board(request: Request) -> Response:
    """The ward's board: every area's score and status, blockers by owner, what is due next.
    ``?part=1`` gives the live part alone, which the page's script swaps in."""
    account = signed_in(request)
    served = readable(request, account)
    state = state_of(request)
    pm = state.plugins()
    report = await run_in_threadpool(state.site.board, served, pm)
    lang = lang_of(request)
    context: dict[str, Any] = {
        "served": served,
        "report": report,
        "owners": report.by_owner(report.blockers, lang=lang),
        "version": state.site.version(served),
        "formats": _formats(state),
        "manage": account.may_manage(served.id),
    }
    template = "board_part.html" if request.query_params.get("part") else "board.html"
    return render(request, template, account=account, **context)


async def page_team(request: Request) -> Response:
    """A team's page: the subjects it may record, each with its buttons. An organiser sees
    every subject (``?area=KEY``: one area's)."""
    account = signed_in(request)
    served = readable(request, account)
    state = state_of(request)
    pm = state.plugins()
    subjects = await run_in_threadpool(state.site.subjects, served, pm)
    mine = [s for s in subjects if account.may_record(served.id, s.id, s.area)]
    area = request.query_params.get("area")
    if area:
        mine = [s for s in mine if s.area == area]
    event = await run_in_threadpool(state.site.load, served, pm)
    specs = pm.area_specs()
    lang = lang_of(request)
    titles = {
        plan.key: specs[plan.key].title(lang) if plan.key in specs else plan.key
        for plan in event.areas
    }
    done = request.session.pop("done", None) if "authorization" not in request.headers else None
    return render(
        request,
        "team.html",
        account=account,
        served=served,
        event=event,
        subjects=mine,
        titles=titles,
        done=done,
        version=state.site.version(served),
    )


async def page_mark(request: Request) -> Response:
    """Record a mark from a team page's form, then back to the page."""
    account = signed_in(request)
    served = readable(request, account)
    state = state_of(request)
    form = await request.form()
    fields = {k: form.get(k) for k in ("subject", "status", "progress", "note")}
    pm = state.plugins()
    lang = lang_of(request)
    checked = await run_in_threadpool(checked_mark, state, account, served, fields, pm, lang=lang)
    await run_in_threadpool(recorded, state, served, checked, pm, lang)
    request.session["done"] = checked.subject
    back = f"/e/{served.id}/team#subject-{checked.subject}"
    return RedirectResponse(back, status_code=303)


async def page_report(request: Request) -> Response:
    """The event's report as ``venue-ready check --format FMT`` renders it: HTML shown, the
    other formats downloaded."""
    account = signed_in(request)
    served = readable(request, account)
    state = state_of(request)
    fmt = request.path_params["fmt"]
    formats = dict(_formats(state))
    if fmt not in formats:
        raise Refusal(404, "server.unknown-format", format=fmt)
    pm = state.plugins()
    lang = lang_of(request)
    made = await run_in_threadpool(state.site.report, served, pm)
    body = await run_in_threadpool(made.render, fmt, lang, pm)
    renderer = pm.renderer(fmt)
    assert renderer is not None  # _formats offers only the formats the plugins have
    headers = {}
    if fmt != "html":
        from urllib.parse import quote

        # the id as typed (RFC 6266's filename*), and a plain fallback for old clients
        headers["content-disposition"] = (
            f'attachment; filename="report.{formats[fmt]}"; '
            f"filename*=UTF-8''{quote(served.id)}.{formats[fmt]}"
        )
    media = renderer.media_type
    if isinstance(body, str) and "charset" not in media:
        media += "; charset=utf-8"
    response = Response(body, media_type=media, headers=headers)
    # the report is a page of its own, with its style inline and no script at all
    response.headers["content-security-policy"] = (
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'"
    )
    return response


async def page_district(request: Request) -> Response:
    """The district's view: the roll-up of the events under the folder that the account may
    read, worst first, each linking to its board."""
    account = signed_in(request)
    state = state_of(request)
    served = await run_in_threadpool(state.site.events)
    rollup = await run_in_threadpool(state.site.rollup, [s.file for s in served.values()])
    lang = lang_of(request)
    rows = [e for e in rollup.worst_first() if account.may_read(e.result.id)]
    return render(
        request,
        "district.html",
        account=account,
        rollup=rollup,
        rows=rows,
        served=served,
        blocker=lambda e: e.first_blocker.text(lang, rollup.catalogs) if e.first_blocker else "",
    )


# -- the organiser's access page ------------------------------------------------------------


def _managed(request: Request) -> tuple[Account, Served]:
    account = signed_in(request)
    served = readable(request, account)
    if not account.may_manage(served.id):
        raise Refusal(403, "server.organisers-only")
    return account, served


async def page_access(request: Request, *, issued: Mapping[str, str] | None = None) -> Response:
    """The organiser's page: the event's accounts, a form for a new team or reviewer, and
    one-time links with their QR codes."""
    account, served = _managed(request)
    state = state_of(request)
    accounts = [a for a in await run_in_threadpool(state.access.accounts) if served.id in a.events]
    return render(
        request,
        "access.html",
        account=account,
        served=served,
        accounts=accounts,
        issued=issued,
    )


async def page_access_create(request: Request) -> Response:
    """Create a team (with its scope) or a reviewer of the organiser's event."""
    _account, served = _managed(request)
    state = state_of(request)
    form = await request.form()
    role = str(form.get("role", "team"))
    if role not in ("team", "reviewer"):
        raise Refusal(422, "server.access.bad-role", role=role, roles="team, reviewer")
    scopes = parse_list([str(form.get("scopes", ""))]) if role == "team" else ()
    if role == "team" and not scopes:
        raise Refusal(422, "server.access.no-scope")
    new = Account(str(form.get("name", "")).strip(), role, (served.id,), scopes)
    try:
        await run_in_threadpool(state.access.add, new)
    except AccessError as exc:
        raise Refusal(422, exc.code, **exc.params) from None
    return RedirectResponse(f"/e/{served.id}/access", status_code=303)


async def page_access_link(request: Request) -> Response:
    """Issue a one-time link for an account of the event: shown once, with its QR code."""
    _account, served = _managed(request)
    state = state_of(request)
    form = await request.form()
    name = str(form.get("name", ""))
    target = await run_in_threadpool(state.access.get, name)
    if target is None or served.id not in target.events or target.role == "organiser":
        raise Refusal(404, "server.access.unknown", name=name)
    token = await run_in_threadpool(state.access.issue_link, name)
    url = link_url(str(request.base_url), token)
    return await page_access(request, issued={"name": name, "url": url, "qr": qr_svg(url)})


def link_url(base: str, token: str) -> str:
    """The one-time link for ``token`` on the server at ``base``."""
    return base.rstrip("/") + "/link?token=" + token


def qr_svg(url: str) -> str:
    """``url`` as a QR code, an SVG element to put in a page (segno)."""
    from .._errors import import_extra

    segno = import_extra("segno", feature="QR codes", extra="server")
    return str(segno.make(url, error="m").svg_inline(scale=4, title="QR"))


def _route_table() -> list[tuple[str, Callable[..., Any], list[str]]]:
    return [
        ("/signin", page_signin_form, ["GET"]),
        ("/signin", page_signin, ["POST"]),
        ("/link", page_link_form, ["GET"]),
        ("/link", page_link, ["POST"]),
        ("/signout", page_signout, ["POST"]),
        ("/", page_home, ["GET"]),
        ("/district", page_district, ["GET"]),
        ("/e/{event}/", page_board, ["GET"]),
        ("/e/{event}/team", page_team, ["GET"]),
        ("/e/{event}/mark", page_mark, ["POST"]),
        ("/e/{event}/report.{fmt}", page_report, ["GET"]),
        ("/e/{event}/access", page_access, ["GET"]),
        ("/e/{event}/access/accounts", page_access_create, ["POST"]),
        ("/e/{event}/access/links", page_access_link, ["POST"]),
    ]


#: The pages' routes: (path, endpoint, methods).
ROUTES = _route_table()
