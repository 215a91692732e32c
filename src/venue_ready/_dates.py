"""Dates and times in an event's time zone.

One rule runs through the project: a bare date given as a deadline means the *end* of that day
in the event's time zone, so "due 2020-05-10" is still on time at 23:00 that day. Such instants
are stored as 23:59:59.999999 local time, and shown as the bare date again.
"""

from __future__ import annotations

from datetime import date, datetime, time, tzinfo
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

__all__ = [
    "END_OF_DAY",
    "end_of_day",
    "get_zone",
    "is_end_of_day",
    "isoformat",
    "parse_instant",
    "suggest_zone",
    "to_instant",
]

END_OF_DAY = time(23, 59, 59, 999999)


@lru_cache(maxsize=64)
def get_zone(name: str) -> ZoneInfo:
    """The ZoneInfo for an IANA name; raises ValueError for a name the system does not know."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValueError(f"unknown time zone {name!r}") from exc


#: Names people write for the zones they live in, which are no IANA names (folded: lower case,
#: no accents, no spaces or punctuation).
_ZONE_ALIASES = {
    "hanoi": "Asia/Ho_Chi_Minh",
    "saigon": "Asia/Ho_Chi_Minh",
    "hochiminh": "Asia/Ho_Chi_Minh",
    "hochiminhcity": "Asia/Ho_Chi_Minh",
    "hcm": "Asia/Ho_Chi_Minh",
    "tphcm": "Asia/Ho_Chi_Minh",
    "vietnam": "Asia/Ho_Chi_Minh",
    "danang": "Asia/Ho_Chi_Minh",
    "haiphong": "Asia/Ho_Chi_Minh",
    "cantho": "Asia/Ho_Chi_Minh",
    "hue": "Asia/Ho_Chi_Minh",
    "ict": "Asia/Ho_Chi_Minh",
    "gmt7": "Asia/Ho_Chi_Minh",
    "utc7": "Asia/Ho_Chi_Minh",
}


def _fold_zone(name: str) -> str:
    import unicodedata

    text = unicodedata.normalize("NFKD", name.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in text.lower() if c.isascii() and c.isalnum())


def suggest_zone(name: str) -> str | None:
    """The IANA time zone a mistaken name most likely means ("Hanoi", "Saigon", "asia/ho chi
    minh", "Europe/Pari"), for "did you mean"; None when nothing is close. Only for an error
    message: it reads the system's list of zones."""
    import difflib
    from zoneinfo import available_timezones

    folded = _fold_zone(name)
    # "Asia/Ha_Noi" is the city's name under a region: the alias of its last part, not the
    # closest spelling (Asia/Shanghai)
    for key in (folded, _fold_zone(name.rpartition("/")[2])):
        if key in _ZONE_ALIASES:
            return _ZONE_ALIASES[key]
    zones = sorted(available_timezones())
    by_name = {_fold_zone(zone): zone for zone in zones}
    by_name.update({_fold_zone(zone.rpartition("/")[2]): zone for zone in zones})
    close = difflib.get_close_matches(folded, list(by_name), n=1, cutoff=0.75)
    return by_name[close[0]] if close else None


def end_of_day(day: date, tz: tzinfo) -> datetime:
    """The last instant of ``day`` in ``tz``."""
    return datetime.combine(day, END_OF_DAY, tz)


def is_end_of_day(moment: datetime) -> bool:
    """True for an instant that stands for a bare date (see the module docstring)."""
    return moment.time() == END_OF_DAY


def to_instant(value: date | datetime, tz: tzinfo, *, bare_date: str = "end") -> datetime:
    """A timezone-aware instant from a TOML or Python date or datetime.

    A naive datetime is read in ``tz``. A bare date is the end of that day, or its start when
    ``bare_date="start"`` (used for an event's ``starts``).
    """
    if isinstance(value, datetime):
        return value if value.tzinfo is not None else value.replace(tzinfo=tz)
    if bare_date == "start":
        return datetime.combine(value, time(0, 0), tz)
    return end_of_day(value, tz)


def parse_instant(text: str, tz: tzinfo, *, bare_date: str = "end") -> datetime:
    """Parse an ISO 8601 date or datetime (``2020-05-14``, ``2020-05-14T16:00+07:00``).

    Raises ValueError when the text is not one.
    """
    text = text.strip()
    if len(text) == 10:
        return to_instant(date.fromisoformat(text), tz, bare_date=bare_date)
    return to_instant(datetime.fromisoformat(text), tz, bare_date=bare_date)


def isoformat(moment: datetime, tz: tzinfo | None = None) -> str:
    """ISO 8601 text for an instant, in ``tz`` when given; a bare-date instant shows as the date."""
    if tz is not None:
        moment = moment.astimezone(tz)
    if is_end_of_day(moment):
        return moment.date().isoformat()
    return moment.isoformat()
