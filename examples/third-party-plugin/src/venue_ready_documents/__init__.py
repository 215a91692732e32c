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

The README lists every setting, Finding code and message.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from venue_ready import AreaPlan, AreaSpec, Event, Finding, Problem, hookimpl

from .messages import MESSAGES
from .template import SETTINGS_EXAMPLE, TEMPLATE

__all__ = ["KEY", "venue_ready_areas", "venue_ready_assess"]

KEY = "documents"


def _validate(settings: Mapping[str, Any], event: Event | None) -> list[Problem]:
    # settings.py and rules.py are imported on first use, not with the plugin: every command
    # loads every plugin, and most events use only some of the areas.
    from .settings import validate

    return validate(settings, event)


@hookimpl
def venue_ready_areas() -> list[AreaSpec]:
    """The documents area, its template, its settings validator and its messages."""
    return [
        AreaSpec(
            key=KEY,
            title_vi="Văn kiện, nhân sự",
            title_en="Documents and personnel",
            default_weight=1.0,
            template=TEMPLATE,
            validate_settings=_validate,
            messages=MESSAGES,
            settings_example=SETTINGS_EXAMPLE,
        )
    ]


@hookimpl
def venue_ready_assess(event: Event, area: AreaPlan, as_of: datetime) -> list[Finding] | None:
    """The Findings derived from the area's settings (its items are the checklist plugin's)."""
    if area.key != KEY:
        return None
    from . import rules
    from .settings import parse

    config, problems = parse(area.settings, event)
    if problems:
        # Only an event built in code gets here: a loaded one was validated.
        raise ValueError(
            "invalid [areas.documents.settings]: "
            + "; ".join(p.render("en", MESSAGES) for p in problems)
        )
    return rules.rules(config, event, as_of)
