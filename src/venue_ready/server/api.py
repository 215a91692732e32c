"""The JSON API, for other ward tools and for the pages' script: the same rights as the pages.

- ``GET /api/events``: the events the account may read.
- ``GET /api/events/{event}/board``: the board (the report's JSON, :meth:`Report.to_dict
  <venue_ready.Report.to_dict>`) and its version.
- ``GET /api/events/{event}/version``: what the boards poll; it changes with every mark.
- ``GET /api/events/{event}/items``: the subjects, their state, and whether the account may
  record each.
- ``POST /api/events/{event}/marks``: record a mark, ``{"subject", "status", "progress"
  (percent), "note", "key"}``; 201 with the entry.

A tool signs in with its account's token (``Authorization: Bearer …``, from ``venue-ready
access token``); a page's script with its session, and then sends the page's CSRF token in
the ``X-CSRFToken`` header. A refusal is ``{"error": id, "message": text, "details": [...]}``
with its HTTP status, in the reader's language.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from starlette.concurrency import run_in_threadpool
from starlette.responses import JSONResponse, Response

from .._dates import isoformat
from .common import Refusal, checked_mark, recorded
from .pages import lang_of, readable, signed_in, state_of

if TYPE_CHECKING:
    from starlette.requests import Request

__all__ = ["ROUTES", "refusal_response"]


def refusal_response(request: Request, refusal: Refusal) -> Response:
    """A refusal as JSON, in the reader's language."""
    lang = lang_of(request)
    headers = {"www-authenticate": "Bearer"} if refusal.status == 401 else None
    return JSONResponse(
        {"error": refusal.code, "message": refusal.text(lang), "details": list(refusal.details)},
        status_code=refusal.status,
        headers=headers,
    )


async def api_events(request: Request) -> Response:
    """The events the account may read."""
    account = signed_in(request)
    found = await run_in_threadpool(state_of(request).site.events)
    return JSONResponse(
        {
            "account": {"name": account.name, "role": account.role},
            "events": [
                {"id": s.id, "board": f"/e/{s.id}/"}
                for s in found.values()
                if account.may_read(s.id)
            ],
        }
    )


async def api_version(request: Request) -> Response:
    """The board's version: a text that changes when the event or its journal does."""
    account = signed_in(request)
    served = readable(request, account)
    return JSONResponse({"version": state_of(request).site.version(served)})


async def api_board(request: Request) -> Response:
    """The board as the JSON report has it."""
    account = signed_in(request)
    served = readable(request, account)
    state = state_of(request)
    pm = state.plugins()
    report = await run_in_threadpool(state.site.board, served, pm)
    return JSONResponse(
        {
            "version": state.site.version(served),
            "report": report.to_dict(lang_of(request)),
        }
    )


async def api_items(request: Request) -> Response:
    """The event's subjects with their state, and which the account may record."""
    account = signed_in(request)
    served = readable(request, account)
    state = state_of(request)
    subjects = await run_in_threadpool(state.site.subjects, served, state.plugins())
    return JSONResponse(
        {
            "items": [
                {
                    "subject": s.id,
                    "area": s.area,
                    "title": s.title,
                    "status": s.status,
                    "progress": None if s.progress is None else round(s.progress * 100, 1),
                    "by": s.by,
                    "at": None if s.at is None else isoformat(s.at, s.at.tzinfo),
                    "note": s.note,
                    "may_record": account.may_record(served.id, s.id, s.area),
                }
                for s in subjects
            ]
        }
    )


async def api_marks(request: Request) -> Response:
    """Record a mark; 201 with the entry recorded."""
    account = signed_in(request)
    served = readable(request, account)
    state = state_of(request)
    try:
        fields: Any = json.loads(await request.body())
    except ValueError:
        raise Refusal(400, "server.bad-json") from None
    if not isinstance(fields, dict):
        raise Refusal(400, "server.bad-json")
    pm = state.plugins()
    lang = lang_of(request)
    checked = await run_in_threadpool(checked_mark, state, account, served, fields, pm, lang=lang)
    entry = await run_in_threadpool(recorded, state, served, checked, pm, lang)
    return JSONResponse(
        {
            "subject": entry.subject,
            "status": entry.status.value,
            "progress": None if entry.progress is None else round(entry.progress * 100, 1),
            "by": entry.by,
            "note": entry.note,
            "recorded_at": isoformat(entry.recorded_at, entry.recorded_at.tzinfo),
            "key": entry.key,
        },
        status_code=201,
    )


#: The API's routes: (path, endpoint, methods).
ROUTES = [
    ("/api/events", api_events, ["GET"]),
    ("/api/events/{event}/board", api_board, ["GET"]),
    ("/api/events/{event}/version", api_version, ["GET"]),
    ("/api/events/{event}/items", api_items, ["GET"]),
    ("/api/events/{event}/marks", api_marks, ["POST"]),
]
