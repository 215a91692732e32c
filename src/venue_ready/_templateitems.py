"""A template checklist item written as one row: its id, titles, owner role and lead time."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from ._model import Phase, TemplateItem
from ._roles import Role

__all__ = ["template_item"]


def template_item(
    id: str,
    title_vi: str,
    title_en: str,
    owner: Role | None = None,
    lead_days: int | None = None,
    *,
    phase: Phase = Phase.BEFORE,
    weight: float = 1.0,
    gate: bool = False,
    requires_signoff: str | None = None,
    kinds: Sequence[str] = (),
    since: date | None = None,
    until: date | None = None,
) -> TemplateItem:
    """The :class:`~venue_ready.TemplateItem` ``id``, owned by the role ``owner``.

    A template names its owners by their roles: ``owner`` gives the item both of the role's
    names (``owner_vi``, ``owner_en``), so a template reads as a table of rows::

        TEMPLATE = (
            template_item("security.plan", "Phương án …", "Security plan", SERVICE, 5, gate=True),
            ...
        )

    ``kinds``, ``since`` and ``until`` say which events the item is for (the kinds of event; the
    opening days, for an item whose bodies changed with the rules): see
    :class:`~venue_ready.TemplateItem`.
    """
    return TemplateItem(
        id=id,
        title_vi=title_vi,
        title_en=title_en,
        owner_vi=owner.vi if owner is not None else None,
        owner_en=owner.en if owner is not None else None,
        lead_days=lead_days,
        phase=phase,
        weight=weight,
        gate=gate,
        requires_signoff=requires_signoff,
        kinds=tuple(kinds),
        since=since,
        until=until,
    )
