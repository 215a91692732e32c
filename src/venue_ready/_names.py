"""How names of people and bodies are compared: the same name, however it was typed.

Vietnamese names reach an event file and the journal from different keyboards and hands: with
composed or decomposed accents (NFC or NFD), in any case, with doubled spaces. ``"Công an
phường"`` and ``"CÔNG AN  PHƯỜNG"`` name the same body. Plugins compare a sign-off's ``by``, a
team or an owner with the names in their settings through :func:`fold_name`, so that every area
(and the journal) agrees on which names are the same.
"""

from __future__ import annotations

import unicodedata

__all__ = ["fold_name"]


def fold_name(name: str) -> str:
    """``name`` as names are compared: Unicode NFC, case-folded, one space between words.

    Two names are the same when their folds are equal (``fold_name(a) == fold_name(b)``); a
    name mentions a body when its fold contains the body's (``fold_name(body) in
    fold_name(signed.by)``).
    """
    return " ".join(unicodedata.normalize("NFC", name).casefold().split())
