"""Deadlines counted from the event: "N days before the opening", "N days after the close".

A ward writes a deadline as a day ("xong trước ngày 13 tháng 5"), and `venue-ready init` writes a
template item's deadline as a bare date, which means the end of that day. Plugins used to count
back ``N × 24`` hours from the opening instead, so their deadlines fell at the opening's hour
("7 giờ 30 ngày 13 tháng 5"), and the same lead time meant two different moments. These two
functions are the one way, for ``init``, the plugins and third parties.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from ._dates import end_of_day

if TYPE_CHECKING:
    from ._model import Event

__all__ = ["days_after", "days_before"]


def _days(days: int) -> int:
    if isinstance(days, bool) or not isinstance(days, int) or days < 0:
        raise ValueError(f"days must be a whole number of days >= 0, got {days!r}")
    return days


def days_before(event: Event, days: int) -> datetime:
    """The deadline ``days`` days before the event opens: the end of the calendar day that many
    days before the day it starts, in the event's zone, as ``init`` writes it (a bare date).
    ``days=0`` is the opening itself (the end of the opening day would be after it).

    ``days_before(event, 2)`` for an event opening at 7:30 on 15 May is the end of 13 May.
    """
    if _days(days) == 0:
        return event.starts
    tz = event.tz
    return end_of_day(event.starts.astimezone(tz).date() - timedelta(days=days), tz)


def days_after(event: Event, days: int) -> datetime:
    """The deadline ``days`` days after the event ends: the end of the calendar day that many
    days after the day it ends, in the event's zone (``days=0``: the end of the closing day),
    as ``init`` writes an ``after`` item's deadline."""
    tz = event.tz
    return end_of_day(event.ends.astimezone(tz).date() + timedelta(days=_days(days)), tz)
