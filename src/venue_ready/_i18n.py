"""Messages in Vietnamese and English, and numbers and dates the way each language writes them.

Every user-facing string comes from a catalog: the core's (``_messages.py``) or a plugin's
(``AreaSpec.messages``). A catalog entry is a ``str.format`` template; a field may carry a
format spec:

- ``{status:@status}``: translate ``status.<value>`` from the catalog (any prefix works);
- floats are written with a decimal comma in Vietnamese (``87,5``), a point in English, to one
  decimal; ``{value:exact}`` keeps every decimal (for values quoted back from a file);
- dates and datetimes as a Vietnamese reader expects (``16 giờ 00 ngày 14 tháng 5 năm 2020``) or
  in English (``14 May 2020, 16:00``); a bare-date instant shows as the date alone;
- ``{start:range=end}``: the period from parameter ``start`` to parameter ``end``, written once
  (``từ 6 giờ 00 đến 17 giờ 30 ngày 15 tháng 5 năm 2020``, ``15 May 2020, 06:00–17:30``; see
  :func:`format_range`). The message keeps both parameters, so the JSON report still carries
  each instant.

A missing entry falls back to the other language, then to the message id with its parameters,
so a report always renders.
"""

from __future__ import annotations

import math
import string
from collections.abc import Mapping, Sequence
from datetime import date, datetime, tzinfo
from typing import Any

import attrs
from attrs import field, frozen

from ._dates import is_end_of_day
from ._readonly import ReadOnlyDict, freeze

__all__ = [
    "LANGUAGES",
    "Message",
    "catalog",
    "check_lang",
    "format_date_short",
    "format_datetime",
    "format_number",
    "format_range",
    "format_score",
    "gettext",
    "gettext_count",
    "level_title",
    "os_error",
    "translate",
]

#: The languages reports and messages come in.
LANGUAGES = ("vi", "en")


def check_lang(lang: str, argument: str = "lang") -> str:
    """``lang`` when it is one of :data:`LANGUAGES`; else a :class:`ValueError` naming the
    ``argument`` and the languages there are (a report half in English under ``"lang": "fr"``
    would be worse than none)."""
    if lang not in LANGUAGES:
        known = ", ".join(repr(code) for code in LANGUAGES)
        raise ValueError(f"{argument}={lang!r} is not a supported language; use one of {known}")
    return lang


def _text(_inst: object, attribute: attrs.Attribute[Any], value: str) -> None:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{attribute.name} must be a non-empty string, got {value!r}")


def _params(value: Mapping[str, Any] | None) -> Mapping[str, Any]:
    # read-only at every depth, so that a Message (and a Finding holding one) is hashable
    if value is None:
        return _NO_PARAMS
    if not isinstance(value, Mapping):
        raise TypeError(f"Message params must be a mapping, got {type(value).__name__}")
    return freeze(value)  # type: ignore[no-any-return]


_NO_PARAMS = ReadOnlyDict()


@frozen
class Message:
    """A message id and its parameters, rendered later in the report's language.

    Plugins never format user-facing text themselves: they name a message from a catalog (their
    own, declared in :class:`AreaSpec.messages`, or the core's) and pass the values to put in it.
    Parameter values may be strings, numbers, booleans, dates or datetimes; the renderer formats
    numbers and dates the way the reader's language expects. ``params`` is read-only (a
    Message is frozen and hashable).
    """

    id: str = field(validator=_text)
    params: Mapping[str, Any] = field(default=_NO_PARAMS, converter=_params)


_MONTHS_EN = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip

_core: dict[str, dict[str, str]] | None = None


def catalog() -> dict[str, dict[str, str]]:
    """The core catalog: ``{lang: {message_id: template}}``."""
    global _core  # noqa: PLW0603 - loaded once, on first use, to keep `import venue_ready` light
    if _core is None:
        from ._messages import EN, VI

        _core = {"vi": VI, "en": EN}
    return _core


def _lookup(
    message_id: str, lang: str, extra: Mapping[str, Mapping[str, str]] | None
) -> str | None:
    core = catalog()
    for code in (lang, *(other for other in LANGUAGES if other != lang)):
        # The core's catalog first: a plugin's catalog adds messages, it cannot reword the
        # core's (a status, a heading) behind the organisers' backs.
        found = core.get(code, {}).get(message_id)
        if found is None and extra is not None:
            found = extra.get(code, {}).get(message_id)
        if found is not None:
            return found
    return None


def format_number(value: float, lang: str, digits: int = 1) -> str:
    """A number the way ``lang`` writes it, to at most ``digits`` decimals: ``96.7`` is
    ``96,7`` in Vietnamese and ``96.7`` in English; whole numbers lose their decimals;
    thousands are grouped with a point (vi) or a comma (en): ``12.000`` / ``12,000``.

    The one number formatter: the report formats use it too. An unsupported ``lang`` raises
    :class:`ValueError`."""
    check_lang(lang)
    # ints are formatted as ints: f"{10**400:,.1f}" would go through float and overflow
    text = f"{value:,}" if isinstance(value, int) else f"{value:,.{digits}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if lang == "vi":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text


def format_score(score: float | None, lang: str) -> str:
    """A 0..100 score to one decimal in ``lang`` (:func:`format_number`), rounded *down*: 99.96
    must not read "100" beside a "not ready" verdict or a failed --fail-under 100. None shows
    as a dash."""
    check_lang(lang)
    if score is None:
        return "—"
    return format_number(math.floor(score * 10 + 1e-9) / 10, lang)


def format_datetime(value: date | datetime, lang: str) -> str:
    """A date or datetime for a reader of ``lang``, as written: the Vietnamese administrative
    form (``16 giờ 00 ngày 14 tháng 5 năm 2020``, ``ngày 14 tháng 5 năm 2020`` for a date or
    an end-of-day instant) or English (``14 May 2020, 16:00``).

    The one date formatter: the report formats use it too. A datetime is shown in its own
    offset: convert it first (or use :meth:`Report.moment_text
    <venue_ready.Report.moment_text>`, which shows it in the event's zone). An unsupported
    ``lang`` raises :class:`ValueError`."""
    check_lang(lang)
    if isinstance(value, datetime):
        if is_end_of_day(value):
            return format_datetime(value.date(), lang)
        day = format_datetime(value.date(), lang)
        if lang == "vi":
            return f"{value.hour} giờ {value.minute:02d} {day}"
        return f"{day}, {value.hour:02d}:{value.minute:02d}"
    if lang == "vi":
        return f"ngày {value.day} tháng {value.month} năm {value.year}"
    return f"{value.day} {_MONTHS_EN[value.month - 1]} {value.year}"


def format_date_short(value: date | datetime, lang: str) -> str:
    """A date or datetime as a table cell wants it: the short administrative form in
    Vietnamese (``14/5/2020``; ``16:00 14/5/2020`` with its time, which an end-of-day instant
    does not show), and in English the form :func:`format_datetime` writes, short already
    (``14 May 2020``, ``14 May 2020, 16:00``).

    Sentences keep :func:`format_datetime`'s long form; this one is for columns, where the long
    form wraps to several lines. A datetime is shown in its own offset. An unsupported ``lang``
    raises :class:`ValueError`."""
    check_lang(lang)
    if lang != "vi":
        return format_datetime(value, lang)
    if isinstance(value, datetime):
        day = format_date_short(value.date(), lang)
        return day if is_end_of_day(value) else f"{value.hour:02d}:{value.minute:02d} {day}"
    return f"{value.day}/{value.month}/{value.year}"


def _split(value: date | datetime) -> tuple[date, tuple[int, int] | None]:
    """A range's end as a day and its clock time; a bare date, or an end-of-day instant (a
    bare-date deadline), has no clock time."""
    if isinstance(value, datetime):
        if is_end_of_day(value):
            return value.date(), None
        return value.date(), (value.hour, value.minute)
    return value, None


def _clock(clock: tuple[int, int], lang: str) -> str:
    hour, minute = clock
    return f"{hour} giờ {minute:02d}" if lang == "vi" else f"{hour:02d}:{minute:02d}"


def _day_vi(day: date, *, month: bool = True, year: bool = True) -> str:
    text = f"ngày {day.day}"
    if month:
        text += f" tháng {day.month}"
    if year:
        text += f" năm {day.year}"
    return text


def _day_en(day: date, *, month: bool = True, year: bool = True) -> str:
    text = str(day.day)
    if month:
        text += f" {_MONTHS_EN[day.month - 1]}"
    if year:
        text += f" {day.year}"
    return text


#: A period within one day, by which of its ends has a clock time: only the end, only the
#: start (to the end of the day), or both. The whole day alone is the day itself.
_ONE_DAY = {
    "vi": ("{day}, đến {until}", "từ {since} đến hết {day}", "từ {since} đến {until} {day}"),
    "en": (
        "{day}, until {until}",
        "{day}, {since} to the end of the day",
        "{day}, {since}–{until}",
    ),
}


def _one_day(
    day: str, since: tuple[int, int] | None, until: tuple[int, int] | None, lang: str
) -> str:
    if since is None and until is None:
        return day
    only_until, only_since, both = _ONE_DAY[lang]
    form = only_until if since is None else only_since if until is None else both
    return form.format(
        day=day,
        since="" if since is None else _clock(since, lang),
        until="" if until is None else _clock(until, lang),
    )


def _range_vi(start: date | datetime, end: date | datetime) -> str:
    (first, since), (last, until) = _split(start), _split(end)
    if first == last:
        return _one_day(_day_vi(first), since, until, "vi")
    # the month and the year are written once, at the end, when both days share them:
    # "từ ngày 14 đến ngày 15 tháng 5 năm 2020"
    same_year = first.year == last.year
    head = _day_vi(first, month=not (same_year and first.month == last.month), year=not same_year)
    if since is not None:
        head = f"{_clock(since, 'vi')} {head}"
    tail = _day_vi(last)
    if until is not None:
        tail = f"{_clock(until, 'vi')} {tail}"
    elif since is not None:
        tail = f"hết {tail}"  # from a time of day to the end of a day
    return f"từ {head} đến {tail}"


def _range_en(start: date | datetime, end: date | datetime) -> str:
    (first, since), (last, until) = _split(start), _split(end)
    if first == last:
        return _one_day(_day_en(first), since, until, "en")
    if since is None and until is None:
        same_year = first.year == last.year
        same_month = same_year and first.month == last.month
        head = _day_en(first, month=not same_month, year=not same_year)
        return f"{head}–{_day_en(last)}" if same_month else f"{head} – {_day_en(last)}"
    # the year shared is written once, at the end: "14 May, 06:00 – 15 May 2020, 17:30"
    head = _day_en(first, year=first.year != last.year)
    head += f", {_clock(since, 'en')}" if since is not None else ""
    if until is None:
        return f"{head} to the end of {_day_en(last)}"
    return f"{head} – {_day_en(last)}, {_clock(until, 'en')}"


def format_range(start: date | datetime, end: date | datetime, lang: str) -> str:
    """The period from ``start`` to ``end`` for a reader of ``lang``, its day written once when
    both ends share it: ``từ 6 giờ 00 đến 17 giờ 30 ngày 15 tháng 5 năm 2020`` /
    ``15 May 2020, 06:00–17:30``; over several days the month and year shared are written once
    (``từ 6 giờ 00 ngày 14 đến 17 giờ 30 ngày 15 tháng 5 năm 2020``, ``từ ngày 14 đến ngày 15
    tháng 5 năm 2020`` / ``14–15 May 2020``). An end of day (a bare date, or a bare-date
    deadline's instant) has no time: after a time of day it reads "đến hết ngày …" / "to the
    end of …".

    The Vietnamese form carries its own "từ … đến …"; the English one is a noun phrase, which a
    message introduces ("needed for …"). Each end is shown in its own offset, as
    :func:`format_datetime` shows it; messages get it in the event's zone through
    ``{start:range=end}``. An unsupported ``lang`` raises :class:`ValueError`."""
    check_lang(lang)
    return _range_vi(start, end) if lang == "vi" else _range_en(start, end)


# A template parsed into (literal text, field name or None, format spec): what
# string.Formatter's own loop reads, for templates with plain fields only; _NOT_PLAIN for the
# others. Templates come from the catalogs, a bounded set; the cap only guards against a caller
# formatting text of its own, which is then parsed each time as before.
_PARSED: dict[str, Any] = {}
_PARSED_MAX = 4096
_NOT_PLAIN: tuple[tuple[str, str | None, str], ...] = ()


def _parse(template: str) -> tuple[tuple[str, str | None, str], ...]:
    pieces = []
    for literal, name, spec, conversion in string.Formatter().parse(template):
        if name is not None and (
            not name.isidentifier() or conversion is not None or "{" in (spec or "")
        ):
            return _NOT_PLAIN  # an index, an attribute, "!r", a nested field: Formatter's own
        pieces.append((literal, name, spec or ""))
    return tuple(pieces) or (("", None, ""),)


class _Formatter(string.Formatter):
    def __init__(
        self,
        lang: str,
        extra: Mapping[str, Mapping[str, str]] | None,
        tz: tzinfo | None = None,
        params: Mapping[str, Any] | None = None,
    ) -> None:
        self.lang = lang
        self.extra = extra
        self.tz = tz
        self.params = params if params is not None else _NO_PARAMS

    def vformat(self, format_string: str, args: Sequence[Any], kwargs: Mapping[str, Any]) -> str:
        """``string.Formatter.vformat``, with each template parsed once (#16: a 10,000-item
        report formats 16,000 messages from a handful of templates). A template whose fields
        are all plain names without a conversion or a nested field in their format spec, which
        is every template of the catalogs, is formatted here, as ``string.Formatter`` would;
        any other goes to ``string.Formatter`` itself."""
        pieces = _PARSED.get(format_string)
        if pieces is None:
            pieces = _parse(format_string)
            if len(_PARSED) < _PARSED_MAX:
                _PARSED[format_string] = pieces
        if pieces is _NOT_PLAIN:
            return super().vformat(format_string, args, kwargs)
        out: list[str] = []
        for literal, name, spec in pieces:
            if literal:
                out.append(literal)
            if name is not None:
                out.append(self.format_field(self.get_value(name, args, kwargs), spec))
        return "".join(out)

    def _local(self, value: Any) -> Any:
        # a datetime parameter is shown in the event's zone, when the caller knows it
        if isinstance(value, datetime) and self.tz is not None:
            return value.astimezone(self.tz)
        return value

    def get_value(self, key: int | str, args: Any, kwargs: Mapping[str, Any]) -> Any:
        if isinstance(key, str) and key in kwargs:
            value = kwargs[key]
            if key in _GROUPED and isinstance(value, int) and not isinstance(value, bool):
                # a count grouped as its language writes it from four digits (1.901 / 1,901);
                # other whole numbers (a year, a line number) from five only
                return format_number(value, self.lang, 0)
            return value
        return "{" + str(key) + "}"  # a missing parameter shows, rather than crashing a report

    def format_field(self, value: Any, format_spec: str) -> str:
        if isinstance(value, Message):
            # a parameter that is itself a message (a role named in both languages)
            return translate(value, self.lang, self.extra, self.tz)
        if format_spec.startswith("@"):
            found = _lookup(f"{format_spec[1:]}.{value}", self.lang, self.extra)
            # the entry is a template too ({{ and }} stand for braces): format it, bare
            return self.vformat(found, (), {}) if found is not None else str(value)
        if isinstance(value, bool):
            return str(value)
        value = self._local(value)
        if format_spec.startswith("range="):
            # the period from this parameter to the one named after "range="
            end = self._local(self.params.get(format_spec[len("range=") :]))
            if isinstance(value, date) and isinstance(end, date):
                return format_range(value, end, self.lang)
            format_spec = ""  # a partner missing or not a date: show this value alone
        if isinstance(value, date):
            return format_datetime(value, self.lang)
        if format_spec == "exact":
            # a value quoted back from the user's file: never round it into something else
            if not isinstance(value, int | float) or isinstance(value, bool):
                return str(value)
            text = repr(value).removesuffix(".0")
            return text.replace(".", ",") if self.lang == "vi" else text
        if isinstance(value, float) and not format_spec:
            return format_number(value, self.lang)
        if isinstance(value, int) and not format_spec and abs(value) >= 10000:
            return format_number(value, self.lang, 0)
        try:
            return str(super().format_field(value, format_spec))
        except (ValueError, TypeError):  # a spec that does not fit the value: show the value
            return str(value)


#: The parameters that count things, in the order that decides which one a message's number
#: agrees with: a template that uses one of them has a singular form, ``<id>.one``, chosen when
#: that count is 1 (English "1 event", "2 events"; Vietnamese has no plural, so its ``.one``
#: entries read as the other form, kept so that both catalogs have the same keys). A test
#: checks every catalog against this list.
COUNT_PARAMS = ("count", "items", "added", "members", "delegates", "valid")


#: The parameters that are counts, grouped from four digits: those of :data:`COUNT_PARAMS`,
#: and the total a count is out of ("600/1.901").
_GROUPED = frozenset((*COUNT_PARAMS, "total"))


def _counted(params: Mapping[str, Any]) -> int | None:
    """The count a message's words agree with: the first of :data:`COUNT_PARAMS` among its
    parameters, when it is a whole number."""
    for name in COUNT_PARAMS:
        value = params.get(name)
        if isinstance(value, int) and not isinstance(value, bool):
            return value
    return None


def translate(
    message: Message,
    lang: str,
    extra: Mapping[str, Mapping[str, str]] | None = None,
    tz: tzinfo | None = None,
) -> str:
    """Render a :class:`Message` in ``lang``, looking in ``extra`` (plugins' catalogs) first;
    datetimes among its parameters are shown in ``tz`` when given (the event's time zone)."""
    template = None
    if _counted(message.params) == 1:
        # "1 event", not "1 events": the singular form, where the catalogs have one
        template = _lookup(f"{message.id}.one", lang, extra)
    if template is None:
        template = _lookup(message.id, lang, extra)
    if template is None:
        params = ", ".join(f"{k}={v}" for k, v in sorted(message.params.items()))
        return f"{message.id} ({params})" if params else message.id
    return _Formatter(lang, extra, tz, message.params).vformat(template, (), message.params)


def gettext(message_id: str, lang: str, /, **params: Any) -> str:
    """Render a core message: ``gettext("report.overdue-heading", "vi", count=3)``."""
    return translate(Message(message_id, params), lang)


def gettext_count(message_id: str, count: int, lang: str, /, **params: Any) -> str:
    """A core message about ``count`` things: its ``.one`` entry when ``count`` is 1 and the
    language has one (English: "1 event", "2 events"), else the message itself, with
    ``count`` among its parameters. Vietnamese counts without a plural form ("1 sự kiện",
    "2 sự kiện"): its ``.one`` entries, kept so that both catalogs have the same keys, read
    as the plural's."""
    # translate() picks the ``.one`` entry itself, from the count among the parameters
    return gettext(message_id, lang, count=count, **params)


def level_title(level: str, lang: str) -> str:
    """A level of the organisation in words (``ward`` is "phường" in Vietnamese); an unknown
    level as written."""
    key = f"level.{level}"
    return gettext(key, lang) if key in catalog()["en"] else level


#: The operating system's errors that have words of their own in the catalogs (``os-error.NAME``).
_OS_ERRORS = frozenset(
    {
        "ENOENT", "EACCES", "EPERM", "EISDIR", "ENOTDIR", "ENOSPC", "EDQUOT", "EROFS", "ELOOP",
        "ENAMETOOLONG", "EEXIST", "ENOTEMPTY", "EBUSY", "EMFILE", "ENFILE", "EIO", "EXDEV",
        "EINVAL", "ETXTBSY", "EFBIG", "ENXIO",
    }
)  # fmt: skip


def os_error(exc: OSError) -> Message:
    """What the operating system said (``exc``), as a message in the reader's language:
    ``ENOENT`` reads "không tìm thấy tệp" / "no such file"; an error without words of its own
    in the catalogs reads "lỗi hệ thống: …" / "system error: …" with the system's text.

    A message that quotes an ``OSError`` passes this as its parameter, so that no sentence
    ends in the system's English."""
    import errno

    name = errno.errorcode.get(exc.errno) if exc.errno is not None else None
    if name in _OS_ERRORS:
        return Message(f"os-error.{name}")
    return Message("os-error.other", {"error": exc.strerror or str(exc)})
