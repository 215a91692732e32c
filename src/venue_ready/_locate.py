"""Where a key path is written in TOML text: the line, the column and the width of its key or
value, for problems shown the way a compiler shows them.

tomli gives values without positions, so the loader knows a problem's key path only. This
small scanner reads the text once more, only when there are problems to show (never on the
way to a valid event), and indexes every key, table header and array element by the key path
the loader uses (``("areas", "security", "items", 0, "owner")``). It assumes text that tomli
has accepted; on anything else it indexes what it can and never raises.
"""

from __future__ import annotations

import bisect
import contextlib
from collections.abc import Sequence
from typing import NamedTuple

__all__ = ["Located", "SourceIndex"]

_KeyPath = tuple[str | int, ...]
_Span = tuple[int, int]  # offsets in the text: start, end

_BARE = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")
_SCALAR_END = frozenset(",]}#\n\r")


class Located(NamedTuple):
    """A position in the text, 1-based, with the line it is on."""

    line: int
    column: int
    #: how many characters the marker covers (at least 1, at most to the end of the line)
    width: int
    #: the whole line, without its line break
    text: str


class _Entry:
    __slots__ = ("key", "value")

    def __init__(self, key: _Span | None, value: _Span | None) -> None:
        self.key = key
        self.value = value


class SourceIndex:
    """Every key path of a TOML text, with the spans of its key and its value.

    ``find(path, at_key)`` gives the position of ``path``'s key (``at_key``) or value; a path
    that is not written (a missing key) falls back to the nearest enclosing one that is, its
    key or table header.
    """

    def __init__(self, text: str) -> None:
        self._text = text
        self._starts = [0]
        for i, ch in enumerate(text):
            if ch == "\n":
                self._starts.append(i + 1)
        self._entries: dict[_KeyPath, _Entry] = {}
        self._arrays: dict[_KeyPath, int] = {}
        self._i = 0
        # not TOML after all: what was indexed stays
        with contextlib.suppress(IndexError, ValueError):
            self._document()

    # -- lookup ---------------------------------------------------------------------------------

    def find(self, path: Sequence[str | int], *, at_key: bool = False) -> Located | None:
        """The position of ``path`` (see the class); None when not even its first key is in
        the text."""
        key = tuple(path)
        exact = True
        while key and key not in self._entries:
            key, exact = key[:-1], False
        if not key:
            return None
        entry = self._entries[key]
        span = entry.value if exact and not at_key and entry.value is not None else entry.key
        if span is None:
            span = entry.value
        if span is None:  # pragma: no cover - every entry has one or the other
            return None
        return self._located(span)

    def _located(self, span: _Span) -> Located:
        start, end = span
        row = bisect.bisect_right(self._starts, start) - 1
        line_start = self._starts[row]
        line_end = self._text.find("\n", line_start)
        if line_end < 0:
            line_end = len(self._text)
        text = self._text[line_start:line_end].rstrip("\r")
        width = max(1, min(end, line_start + len(text)) - start)
        return Located(row + 1, start - line_start + 1, width, text)

    # -- the scanner ----------------------------------------------------------------------------

    def _record(self, path: _KeyPath, key: _Span | None, value: _Span | None) -> None:
        for n in range(1, len(path)):  # a dotted key or a header defines its parents too
            self._entries.setdefault(path[:n], _Entry(key, None))
        self._entries[path] = _Entry(key, value)

    def _peek(self, n: int = 1) -> str:
        return self._text[self._i : self._i + n]

    def _blank(self, newlines: bool) -> None:
        """Skip spaces and tabs, comments, and with ``newlines`` line breaks too."""
        text = self._text
        while self._i < len(text):
            ch = text[self._i]
            if ch in " \t" or (newlines and ch in "\r\n"):
                self._i += 1
            elif ch == "#":
                end = text.find("\n", self._i)
                self._i = len(text) if end < 0 else end
            else:
                return

    def _document(self) -> None:
        table: _KeyPath = ()
        text = self._text
        while True:
            self._blank(newlines=True)
            if self._i >= len(text):
                return
            if text[self._i] == "[":
                table = self._header(array=text.startswith("[[", self._i))
            else:
                keys, span = self._key()
                self._blank(False)
                self._i += 1  # "="
                self._blank(False)
                self._value((*table, *keys), span)
            self._to_line_end()

    def _header(self, *, array: bool) -> _KeyPath:
        """A table header, ``[a.b]`` or (``array``) ``[[a.b]]``, recorded: the key path of
        the table the lines below it fill."""
        brackets = 2 if array else 1
        self._i += brackets
        self._blank(False)
        keys, span = self._key()
        table = self._resolve(keys, array=array)
        self._record(table, span, None)
        self._i = self._text.find("]" * brackets, self._i) + brackets
        return table

    def _to_line_end(self) -> None:
        end = self._text.find("\n", self._i)
        self._i = len(self._text) if end < 0 else end + 1

    def _resolve(self, keys: tuple[str, ...], *, array: bool) -> _KeyPath:
        """A header's keys as a key path: an array of tables met on the way is its last
        element; a ``[[header]]``'s own array gets a new one."""
        out: list[str | int] = []
        for n, key in enumerate(keys):
            out.append(key)
            here = tuple(out)
            if array and n == len(keys) - 1:
                index = self._arrays.get(here, -1) + 1
                self._arrays[here] = index
                out.append(index)
            elif here in self._arrays:
                out.append(self._arrays[here])
        return tuple(out)

    def _key(self) -> tuple[tuple[str, ...], _Span]:
        """A (dotted) key: its parts and the span of the whole key."""
        parts: list[str] = []
        start = self._i
        while True:
            parts.append(self._key_part())
            end = self._i
            self._blank(False)
            if self._peek() != ".":
                self._i = end
                return tuple(parts), (start, end)
            self._i += 1
            self._blank(False)

    def _key_part(self) -> str:
        text, i = self._text, self._i
        if text[i] == '"':
            end = self._basic_string_end(i + 1)
            self._i = end
            return _unescape(text[i + 1 : end - 1])
        if text[i] == "'":
            end = text.index("'", i + 1) + 1
            self._i = end
            return text[i + 1 : end - 1]
        end = i
        while end < len(text) and text[end] in _BARE:
            end += 1
        if end == i:
            raise ValueError("not a key")
        self._i = end
        return text[i:end]

    def _basic_string_end(self, i: int) -> int:
        """The offset after the closing quote of a one-line basic string whose text starts at
        ``i``."""
        text = self._text
        while text[i] != '"':
            i += 2 if text[i] == "\\" else 1
        return i + 1

    def _value(self, path: _KeyPath, key: _Span | None) -> None:
        """Read the value at the cursor, recording it (and what it holds) under ``path``."""
        text, start = self._text, self._i
        if text.startswith('"""', start) or text.startswith("'''", start):
            quote = text[start : start + 3]
            i = start + 3
            while True:
                if quote == '"""' and text[i] == "\\":
                    i += 2
                elif text.startswith(quote, i):
                    i += 3
                    while i < len(text) and text[i] == quote[0]:  # up to two more quotes
                        i += 1
                    break
                else:
                    i += 1
            self._i = i
        elif text[start] == '"':
            self._i = self._basic_string_end(start + 1)
        elif text[start] == "'":
            self._i = text.index("'", start + 1) + 1
        elif text[start] == "[":
            self._i += 1
            index = 0
            while True:
                self._blank(newlines=True)
                if self._peek() == "]":
                    self._i += 1
                    break
                self._value((*path, index), None)
                index += 1
                self._blank(newlines=True)
                if self._peek() == ",":
                    self._i += 1
        elif text[start] == "{":
            self._i += 1
            while True:
                self._blank(newlines=True)
                if self._peek() == "}":
                    self._i += 1
                    break
                keys, span = self._key()
                self._blank(False)
                self._i += 1  # "="
                self._blank(False)
                self._value((*path, *keys), span)
                self._blank(newlines=True)
                if self._peek() == ",":
                    self._i += 1
        else:
            i = start
            while i < len(text) and text[i] not in _SCALAR_END:
                i += 1
            while i > start and text[i - 1] in " \t":
                i -= 1
            self._i = i
        self._record(path, key, (start, self._i))


def _unescape(text: str) -> str:
    """A quoted key's text: the common escapes (a key rarely has others)."""
    if "\\" not in text:
        return text
    import json

    try:
        value = json.loads(f'"{text}"')
    except ValueError:
        return text
    return value if isinstance(value, str) else text
