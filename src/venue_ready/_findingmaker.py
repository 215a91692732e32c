"""One area's Findings, built with what they share said once: the area, a rule's due and owner.

A rule's Findings all name the plugin's area, and most of them share a due date, a default
owner, a phase or a subject; only the code, the message and the credit change from one to the
next. :class:`FindingMaker` holds the shared fields, so that each Finding is written as what
sets it apart::

    make = FindingMaker(KEY, due=due, owner=SERVICE.owner)
    if not config.exits:
        return [make("security.exits-unknown", "security.no-exits", assessed=False)]
    ...
    make(code, message_id, params, weight=share, credit=credit, subject=exit_.id)
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import TypedDict, Unpack

from ._model import Finding, JournalEntry, Message, Phase, Waiver

__all__ = ["FindingFields", "FindingMaker"]


class FindingFields(TypedDict, total=False):
    """The :class:`~venue_ready.Finding` fields a :class:`FindingMaker` takes by keyword."""

    weight: float
    credit: float
    gate: bool
    phase: Phase
    subject: str | None
    due: datetime | None
    owner: str | Message | None
    assessed: bool
    waiver: Waiver | None


class FindingMaker:
    """Makes the Findings of area ``area``, each with the fields given here unless it names its own.

    ``FindingMaker(KEY, due=due, owner=owner)`` gives every Finding it makes that due date and
    owner; :meth:`sharing` adds shared fields for a narrower group (one slot's Findings, say).
    The Findings are plain :class:`~venue_ready.Finding` objects: the maker only fills them in.
    """

    __slots__ = ("area", "shared")

    def __init__(self, area: str, **shared: Unpack[FindingFields]) -> None:
        self.area = area
        self.shared = shared

    def sharing(self, **fields: Unpack[FindingFields]) -> FindingMaker:
        """A maker for the same area that also shares ``fields`` (they win over this one's)."""
        return FindingMaker(self.area, **self._with(fields))

    def __call__(
        self,
        code: str,
        message: str | Message | None = None,
        params: Mapping[str, object] | None = None,
        *,
        record: JournalEntry | None = None,
        **fields: Unpack[FindingFields],
    ) -> Finding:
        """The Finding ``code`` with the shared fields, overridden by ``fields``.

        ``message`` is a :class:`~venue_ready.Message`, or a message id to put ``params`` in
        (None: the id is ``code``). ``record`` is the journal entry that earned the result, if
        any (see :meth:`Finding.from_record <venue_ready.Finding.from_record>`).
        """
        if not isinstance(message, Message):
            message = Message(message or code, params or {})
        return Finding.from_record(
            record, code=code, area=self.area, message=message, **self._with(fields)
        )

    def _with(self, fields: FindingFields) -> FindingFields:
        merged = self.shared.copy()
        merged.update(fields)
        return merged
