"""JSON text as venue_ready writes it: UTF-8 kept as it is, and nothing a terminal obeys.

``json.dumps(..., ensure_ascii=False)`` keeps Vietnamese readable, and escapes the C0 controls
itself, but writes DEL and the C1 controls (U+0080 to U+009F, among them U+009B, a terminal's
"control sequence introducer") raw. Printed to a terminal, a report or an export must not be
able to act on it (#11), so those are written as ``\\u`` escapes too: the same JSON value,
read back exactly.

Indented text is written byte for byte as ``json.dumps(value, ensure_ascii=False,
indent=indent)`` writes it, but faster (#16). The standard library writes indented JSON with its
pure-Python encoder, one generator step per value (0.55 s for a 10,000-item report). Here, a
container whose values are all plain scalars (most of a report: a message's parameters, a
waiver, the list of plugins) is written in one call of the standard library's own C encoder,
made with the item separator of that container's depth (a newline and its indentation): what
the pure-Python encoder writes between two items at that depth. Only containers that hold other
containers are walked in Python. Anything the fast path does not know exactly (a subclass, a key
that is not text, a cycle) is handed to the standard library's own path, so the text is always
the standard library's.
"""

from __future__ import annotations

import json
import re
from json.encoder import c_make_encoder, encode_basestring  # type: ignore[attr-defined]
from typing import Any

__all__ = ["dumps"]

# In JSON text these characters can only stand inside a string, where \uXXXX means the same.
_ESCAPES = {code: f"\\u{code:04x}" for code in range(0x7F, 0xA0)}
# str.translate with a table walks a non-ASCII text character by character in Python's slow
# path (5 ms for the Ngọc Thụy report); a regular expression finds out first, in C, whether
# there is anything to escape at all, which is almost never.
_CONTROLS = re.compile("[\x7f-\x9f]")

# Exact types only: a subclass (an IntEnum, a str subclass) goes to the standard library's path.
_SCALARS = frozenset({str, int, float, bool, type(None)})


class _Unusual(Exception):
    """Raised inside the fast path for a value it does not write exactly as json does."""


def dumps(value: Any, *, indent: int | None = None) -> str:
    """``value`` as JSON text, non-ASCII letters as they are, DEL and C1 controls escaped."""
    text: str | None = None
    if indent is not None and c_make_encoder is not None and type(value) in (dict, list):
        try:
            text = _Indented(indent).text(value)
        except (_Unusual, RecursionError):
            text = None  # the standard library's path: its text, or its error
    if text is None:
        text = json.dumps(value, ensure_ascii=False, indent=indent)
    return text.translate(_ESCAPES) if _has_controls(text) else text


def _has_controls(text: str) -> bool:
    """Whether ``text`` holds DEL or a C1 control. On a large text, its UTF-8 form answers four
    times faster than the regular expression: U+007F is the byte 0x7F there, and U+0080 to
    U+009F all begin with the byte 0xC2 (which no other character of a report does but U+00A0
    to U+00BF, then asked to the regular expression)."""
    if len(text) < 4096:
        return _CONTROLS.search(text) is not None
    encoded = text.encode("utf-8", "surrogatepass")
    if b"\x7f" not in encoded and b"\xc2" not in encoded:
        return False
    return _CONTROLS.search(text) is not None


class _Slot:
    """Stands for a nested container while its parent is written by the C encoder."""

    __slots__ = ()


_SLOT = _Slot()
# What the C encoder writes for _SLOT (through _slot_text, its ``default``): the JSON string
# "\x00". A real string "\x00" writes the same text; the count of slots found then differs from
# the count put in, and the standard library's path is taken instead.
_SLOT_TEXT = '"\\u0000"'
_CONTAINERS = (dict, list, tuple)


def _slot_text(value: Any) -> str:
    """The C encoders' ``default``: a slot's stand-in; anything else is not plain JSON data."""
    if value is _SLOT:
        return "\x00"
    raise _Unusual


class _Indented:
    """One indented document: for each depth, its C encoder and its line breaks, made when
    first needed."""

    def __init__(self, indent: int) -> None:
        self.unit = " " * indent
        # depth -> (C encoder of a container whose items stand there, line break before an
        # item there, line break before the container's closing bracket)
        self.levels: list[tuple[Any, str, str]] = []

    def _level(self, depth: int) -> tuple[Any, str, str]:
        levels = self.levels
        while len(levels) <= depth:
            at = len(levels)
            inner = "\n" + self.unit * at
            encoder = c_make_encoder(
                {},  # markers: json's check for a container that holds itself
                _slot_text,
                encode_basestring,
                None,
                ": ",
                "," + inner,
                False,  # sort_keys
                False,  # skipkeys
                True,  # allow_nan
            )
            levels.append((encoder, inner, "\n" + self.unit * (at - 1) if at else ""))
        return levels[depth]

    def text(self, value: dict[Any, Any] | list[Any]) -> str:
        parts: list[str] = []
        if value:
            self._container(value, 1, parts)
        else:
            parts.append("{}" if type(value) is dict else "[]")
        return "".join(parts)

    def _container(self, value: Any, depth: int, parts: list[str]) -> None:
        """Append ``value`` (a non-empty dict, list or tuple), its items at ``depth``.

        The container is written in one call of the C encoder made with this depth's item
        separator (a newline and the indentation), each non-empty container inside it replaced
        by a slot; the slots are then filled with those containers, written one level deeper.
        The pure-Python encoder also breaks the line after the opening bracket and before the
        closing one, which the C encoder does not: added here."""
        try:
            encoder, inner, outer = self.levels[depth]
        except IndexError:
            encoder, inner, outer = self._level(depth)
        is_dict = type(value) is dict
        if _SCALARS.issuperset(map(type, value.values() if is_dict else value)):
            # flat, the most common case (a message's parameters, a waiver): one C call
            flat = "".join(encoder(value, 0))
            parts += (flat[0], inner, flat[1:-1], outer, flat[-1])
            return
        nested: list[Any] = []
        if is_dict:
            odd: list[Any] = [key for key, item in value.items() if type(item) not in _SCALARS]
            value = dict(value)
        else:
            odd = [at for at, item in enumerate(value) if type(item) not in _SCALARS]
            value = list(value)
        for place in odd:
            item = value[place]
            if type(item) not in _CONTAINERS:
                raise _Unusual  # a subclass or another type: json's own path decides
            if item:  # an empty one is "{}" or "[]" at any depth
                value[place] = _SLOT
                nested.append(item)
        flat = "".join(encoder(value, 0))
        pieces = flat[1:-1].split(_SLOT_TEXT)
        if len(pieces) != len(nested) + 1:
            raise _Unusual  # a string of the data reads like a slot
        parts += (flat[0], inner, pieces[0])
        container = self._container
        deeper = depth + 1
        for item, piece in zip(nested, pieces[1:], strict=True):
            container(item, deeper, parts)
            parts.append(piece)
        parts += (outer, flat[-1])
