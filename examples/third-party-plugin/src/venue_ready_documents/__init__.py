"""The ``documents`` area for venue_ready: Văn kiện, nhân sự (documents and personnel).

A third-party plugin, installed on its own (distribution ``venue-ready-documents``) and found
through the ``venue_ready`` entry-point group. Besides the area's own checklist items (which
venue_ready's ``checklist`` plugin scores), it derives Findings from the area's settings table
``[areas.documents.settings]``:

1. **The documents** (``documents.kind``): every kind of ``required_kinds`` (by default all nine:
   political report, review report, draft resolution, programme, working rules, election
   rules, script, contributed speeches, personnel plan) has a ``[[documents]]`` entry.
2. **Comments on the drafts** (``documents.comments``): each document of a ``comment_kinds``
   kind has comments received, by the moment of the assessment, from each of
   ``comment_bodies``.
3. **The steering group's sign-off** (``documents.signoff``, a gate): each document of a
   ``signoff_kinds`` kind is signed off by ``steering_group``, for its current version.
4. **The personnel dossiers** (``documents.dossiers``, a gate): all of them reported to
   ``standing_committee`` by ``dossiers_lead_days`` before the opening.
5. **The printed sets** (``documents.copies``, when ``copies`` is set): one for each
   participant and guest of ``[event.attendance]``.

Each rule says which kinds of event it applies to: the documents and their comments to a
congress (``party-congress``, another organisation's ``congress``), the steering group's
sign-off and the dossiers to a Party congress only. venue_ready runs none of them for an
election day, a council session, a conference or a ceremony.

The README lists every setting, Finding code and message.
"""

from __future__ import annotations

from venue_ready import AreaSpec, area_plugin

from .template import KEY

__all__ = ["KEY", "venue_ready_areas", "venue_ready_assess"]

# The package is laid out as area_plugin expects: settings.py (parse) and rules.py (assess) are
# imported on first use, template.py (TEMPLATE, SETTINGS_EXAMPLE) and messages.py (MESSAGES)
# when the area is first asked for, so loading the plugin (every command loads every plugin)
# stays cheap.
venue_ready_areas, venue_ready_assess = area_plugin(
    AreaSpec(key=KEY, title_vi="Văn kiện, nhân sự", title_en="Documents and personnel"),
    package=__name__,
    rules=".rules:RULES",  # each rule run only for the kinds of its @applies_to
)
