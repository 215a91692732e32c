"""A template checklist item written as one row (its id, titles, owner role and lead time), and
a template read from a TOML file that ships with a package."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date

from ._model import Phase, TemplateItem
from ._roles import Role

__all__ = ["packaged_template", "template_item"]


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


def packaged_template(
    package: str, owners: Mapping[str, Role], resource: str = "template.toml"
) -> Callable[[], tuple[TemplateItem, ...]]:
    """The template in the TOML file ``resource`` of ``package`` (the package the file ships
    in, or a module of it: ``__name__``), as the function that reads it: give it to
    ``AreaSpec(template=...)``, or make it the TEMPLATE of a plugin's template.py. The file
    is read the first time the template is read, and once.

    The file holds one array of tables per kind of event, in the order the kind's work is
    done: ``[[party-congress]]``, ``[[election]]``, … Each table is an item of the kind it is
    listed under: ``id``, ``title_vi``, ``title_en``, ``owner = "KEY"`` (a key of
    ``owners``; none: no owner), ``lead_days``, and what is special as :func:`template_item`
    names it (``phase = "during"``, ``gate``, ``requires_signoff``, ``weight``, ``since``,
    ``until``).

    :raises KeyError: (when read) for an owner's key that ``owners`` lacks.
    :raises FileNotFoundError: (when read) when the package has no such file.
    """
    items: tuple[TemplateItem, ...] | None = None

    def read() -> tuple[TemplateItem, ...]:
        nonlocal items
        if items is None:
            items = _read_template(package, resource, owners)
        return items

    return read


def _read_template(
    package: str, resource: str, owners: Mapping[str, Role]
) -> tuple[TemplateItem, ...]:
    # imported here, when the template is first read: never at import
    import pkgutil

    import tomli

    data = pkgutil.get_data(package, resource)
    if data is None:
        raise FileNotFoundError(f"{package} has no resource {resource!r}")
    items: list[TemplateItem] = []
    for kind, rows in tomli.loads(data.decode("utf-8")).items():
        for row in rows:
            fields = dict(row)
            items.append(
                template_item(
                    fields.pop("id"),
                    fields.pop("title_vi"),
                    fields.pop("title_en"),
                    None if (owner := fields.pop("owner", None)) is None else owners[owner],
                    fields.pop("lead_days", None),
                    kinds=(kind,),
                    **fields,
                )
            )
    return tuple(items)
