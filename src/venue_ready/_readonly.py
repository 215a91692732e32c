"""Read-only, hashable tables and arrays, for the model's frozen objects.

An area's ``settings`` and a :class:`~venue_ready.Message`'s ``params`` are tables a caller could
otherwise change behind a frozen object's back, and that would leave the object unhashable.
:func:`freeze` copies them, at every depth, into :class:`ReadOnlyDict` and :class:`ReadOnlyList`.

They subclass ``dict`` and ``list`` on purpose: a plugin's settings code, the value readers and
the JSON writer test for ``dict`` and ``list`` (as TOML gives them), and must see the same
values. Only the changing methods are refused; ``dict(table)`` or ``list(array)`` gives a
mutable copy.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, time
from typing import Any, NoReturn, Self

__all__ = ["ReadOnlyDict", "ReadOnlyList", "freeze"]


def _refuse(self: object, *_args: object, **_kwargs: object) -> NoReturn:
    kind = "table" if isinstance(self, dict) else "array"
    raise TypeError(
        f"this {kind} is read-only (part of a frozen venue_ready object); "
        f"copy it with {'dict' if kind == 'table' else 'list'}(...) to change it, "
        "or build a new object with attrs.evolve"
    )


class _Shared:
    """What both read-only containers share: a copy of one is the container itself, as it
    cannot change."""

    __slots__ = ()

    def __copy__(self) -> Self:
        return self

    def __deepcopy__(self, _memo: object) -> Self:
        return self


class ReadOnlyDict(_Shared, dict[str, Any]):
    """A ``dict`` that refuses every change, and is hashable (by its items)."""

    __slots__ = ("_hash",)

    __setitem__ = __delitem__ = clear = pop = popitem = setdefault = update = _refuse
    __ior__ = _refuse

    def __hash__(self) -> int:  # type: ignore[override]
        try:
            return self._hash
        except AttributeError:  # first call: computed once (the table cannot change)
            self._hash: int = hash(frozenset(self.items()))
            return self._hash

    def __reduce__(self) -> tuple[Any, ...]:
        # pickle's default for a dict subclass fills an empty one item by item: refused here
        return (ReadOnlyDict, (dict(self),))


class ReadOnlyList(_Shared, list[Any]):
    """A ``list`` that refuses every change, and is hashable (by its elements)."""

    __slots__ = ()

    __setitem__ = __delitem__ = append = extend = insert = pop = remove = _refuse
    clear = reverse = sort = __iadd__ = __imul__ = _refuse

    def __hash__(self) -> int:  # type: ignore[override]
        return hash(tuple(self))

    def __reduce__(self) -> tuple[Any, ...]:
        return (ReadOnlyList, (list(self),))


# Values that are never containers, tested by exact type first: ``freeze`` runs on every value
# of every settings table and message, and an ``isinstance`` test against the ``Mapping`` ABC
# costs ten times a set lookup.
_LEAVES = frozenset({str, int, float, bool, type(None), datetime, date, time})


def freeze(value: Any) -> Any:
    """``value`` with every table (any Mapping) made a :class:`ReadOnlyDict` and every list a
    :class:`ReadOnlyList`, at every depth (a tuple stays a tuple, its elements frozen); other
    values as they are. A value frozen already is returned as it is, not copied."""
    kind = type(value)
    if kind in _LEAVES or kind is ReadOnlyDict or kind is ReadOnlyList:
        return value
    leaves = _LEAVES  # and leaves are kept without a call: most values are
    if kind is dict or isinstance(value, Mapping):
        return ReadOnlyDict({k: v if type(v) in leaves else freeze(v) for k, v in value.items()})
    if isinstance(value, list):
        return ReadOnlyList([v if type(v) in leaves else freeze(v) for v in value])
    if kind is tuple:
        return tuple(freeze(v) for v in value)
    return value
