"""The ``general`` area's template for the kinds of event other than a Party congress.

A Party congress's preconditions (the cells' congresses, the documents and the personnel work
the district comments on) are in :mod:`.checklist`; these are the same kind of list for the
other kinds the core knows: another organisation's congress, an election day at a polling area,
a People's Council session, a conference and a ceremony. ``init --template KIND`` writes the
items of that kind only (:attr:`TemplateItem.kinds`).

The items are data, in ``kind_templates.toml`` beside this module, where a reader sees each
kind's list whole; this module names the bodies they refer to and reads them the first time they
are asked for.

Lead times are the project's defaults, counted back from the opening (forward from the close for
``after`` items): plausible, not taken from a legal text, for the organisers to correct. The
titles name the bodies the way a ward's documents do; docs/glossary.md lists them.
"""

from __future__ import annotations

from venue_ready import Bodies, Role, packaged_template

__all__ = ["KIND_ROLES", "OWNERS", "kind_template"]

#: The bodies in charge of these items.
ORG_STANDING = Role(
    "checklist.role.org-standing",
    "Ban Thường trực của tổ chức",
    "The organisation's standing body",
)
PARTY_STANDING = Role(
    "checklist.role.party-standing",
    "Ban Thường vụ Đảng ủy phường",
    "Standing committee of the ward Party committee",
)
PEOPLES_COMMITTEE = Bodies.PEOPLES_COMMITTEE
ELECTION_TEAM = Bodies.ELECTION_TEAM
COUNCIL_STANDING = Role(
    "checklist.role.council-standing",
    "Thường trực Hội đồng nhân dân phường",
    "Standing board of the ward People's Council",
)
COUNCIL_BOARDS = Role(
    "checklist.role.council-boards",
    "Các Ban của Hội đồng nhân dân phường",
    "Committees of the ward People's Council",
)
OFFICE = Bodies.STATE_OFFICE
ORGANISERS = Bodies.ORGANISERS

#: Every role of this module, for the checklist's catalog.
KIND_ROLES = (ORG_STANDING, PARTY_STANDING, COUNCIL_STANDING, COUNCIL_BOARDS)


#: The bodies the data file names, by its key.
OWNERS: dict[str, Role] = {
    "org-standing": ORG_STANDING,
    "party-standing": PARTY_STANDING,
    "peoples-committee": PEOPLES_COMMITTEE,
    "election-team": ELECTION_TEAM,
    "council-standing": COUNCIL_STANDING,
    "council-boards": COUNCIL_BOARDS,
    "office": OFFICE,
    "organisers": ORGANISERS,
}


#: Every kind's items but the Party congress's, in the order each kind's work is done: the
#: data of ``kind_templates.toml`` beside this module, read the first time they are asked for
#: (by ``init`` or a test: a ``check`` never reads a template).
kind_template = packaged_template(__name__, OWNERS, "kind_templates.toml")
