"""Control characters shown, never obeyed: the one rule for every text-like output.

An event's name, a journal's ``--by`` or ``--note``, a file name: any of them may hold ESC,
BEL, CR or a C1 control such as CSI (``\\x9b``), which a terminal would obey (clear the screen,
set the clipboard with OSC 52, rewrite the line). Every text-like output (the plain text and
Markdown reports, the terminal report, the roll-up text, ``history``, ``mark``'s confirmation
and every line on stderr) passes its user strings through :func:`inert` once, at its one
choke point, so they show as the text they are.

Each C0 control but newline and tab, DEL, and each C1 control becomes its escape as Python
writes it in a string: ESC is shown as the four characters ``\\x1b``. HTML needs none of this
(a browser obeys no control character in an element's text), and JSON writes them as ``\\u``
escapes (:mod:`venue_ready._jsontext`).
"""

from __future__ import annotations

import re

__all__ = ["CONTROLS", "inert", "xml_safe"]

#: The code points :func:`inert` escapes: C0 but ``\n`` and ``\t``, DEL, and C1.
CONTROLS = frozenset([*(c for c in range(0x20) if c not in (0x09, 0x0A)), 0x7F, *range(0x80, 0xA0)])
_ESCAPES = {c: f"\\x{c:02x}" for c in CONTROLS}
# str.translate with a table takes Python's slow path, a dictionary lookup per character, on any
# non-ASCII text: 3 ms for the Ngọc Thụy report, written twice. The expression finds out in C
# whether the text holds a control at all, which it almost never does.
_ANY_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # CONTROLS, as ranges


def inert(text: str) -> str:
    """``text`` with every control character but newline and tab written as its escape
    (``"\\x1b"`` for ESC): safe to print on a terminal, and still readable."""
    return text.translate(_ESCAPES) if _ANY_CONTROL.search(text) else text


# What XML 1.0 refuses besides the C0 controls: the two non-characters at the end of the BMP,
# which a TOML string may hold.
_NONCHARACTERS = re.compile("[\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """``text`` as a Word or Excel document (XML 1.0) can hold it: :func:`inert`, and U+FFFE
    and U+FFFF written as their escapes (``\\ufffe``): shown, never dropped, never a failure
    of the writer."""
    text = inert(text)
    if _NONCHARACTERS.search(text):
        text = _NONCHARACTERS.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    return text
