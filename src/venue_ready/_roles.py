"""Default owners: the roles a plugin names when an event's data names no one in charge."""

from __future__ import annotations

from attrs import frozen

from ._model import Message

__all__ = ["Role"]


@frozen
class Role:
    """A default owner, named in both languages: a body such as the ward police.

    ``vi`` and ``en`` are its names, for the owners of template items (``owner_vi``,
    ``owner_en``); ``id`` is the message id it is named by in the plugin's catalog, where the
    plugin puts ``{id: vi}`` and ``{id: en}``. :attr:`owner` is the role as a Finding's
    ``owner``, which the report names in its own language.
    """

    id: str
    vi: str
    en: str

    @property
    def owner(self) -> Message:
        """The role as a Finding's ``owner``: ``Message(id)``."""
        return Message(self.id)
