"""JSON text as venue_ready writes it: UTF-8 kept as it is, and nothing a terminal obeys.

``json.dumps(..., ensure_ascii=False)`` keeps Vietnamese readable, and escapes the C0 controls
itself, but writes DEL and the C1 controls (U+0080 to U+009F, among them U+009B, a terminal's
"control sequence introducer") raw. Printed to a terminal, a report or an export must not be
able to act on it (#11), so those are written as ``\\u`` escapes too: the same JSON value,
read back exactly.
"""

from __future__ import annotations

import json
import re
from typing import Any

__all__ = ["dumps"]

# In JSON text these characters can only stand inside a string, where \uXXXX means the same.
_ESCAPES = {code: f"\\u{code:04x}" for code in range(0x7F, 0xA0)}
# str.translate with a table walks a non-ASCII text character by character in Python's slow
# path (5 ms for the Ngọc Thụy report); a regular expression finds out first, in C, whether
# there is anything to escape at all, which is almost never.
_CONTROLS = re.compile("[\x7f-\x9f]")


def dumps(value: Any, *, indent: int | None = None) -> str:
    """``value`` as JSON text, non-ASCII letters as they are, DEL and C1 controls escaped."""
    text = json.dumps(value, ensure_ascii=False, indent=indent)
    return text.translate(_ESCAPES) if _CONTROLS.search(text) else text
