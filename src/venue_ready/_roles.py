"""Default owners: the roles a plugin names when an event's data names no one in charge."""

from __future__ import annotations

from attrs import frozen

from ._model import Message

__all__ = ["Bodies", "Role"]


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


class Bodies:
    """The ward's bodies that every area names as a default owner, named once in the core's
    catalog (a plugin's own catalog need not repeat them): ``Bodies.PEOPLES_COMMITTEE.owner``.

    Each is a :class:`Role`; :data:`ALL` lists them.
    """

    PARTY_COMMITTEE = Role("role.party-committee", "Đảng ủy phường", "Ward Party committee")
    PEOPLES_COMMITTEE = Role(
        "role.peoples-committee", "Ủy ban nhân dân phường", "Ward People's Committee"
    )
    STATE_OFFICE = Role(
        "role.state-office",
        "Văn phòng HĐND - UBND phường",
        "Office of the ward People's Council and People's Committee",
    )
    #: A congress's service sub-committee: the hall, its equipment and the delegates' needs.
    SERVICE = Role("role.service", "Tiểu ban Phục vụ", "Service sub-committee")
    #: The team that runs a polling area on election day.
    ELECTION_TEAM = Role("role.election-team", "Tổ bầu cử", "Polling team")
    #: The organising committee of an event that is neither the Party's nor the State's.
    ORGANISERS = Role("role.organisers", "Ban Tổ chức", "Organising committee")
    ALL = (PARTY_COMMITTEE, PEOPLES_COMMITTEE, STATE_OFFICE, SERVICE, ELECTION_TEAM, ORGANISERS)
