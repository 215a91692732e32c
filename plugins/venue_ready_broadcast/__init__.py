"""The ``broadcast`` area (Truyền thanh, *Ward radio*): the ward radio's coverage of the congress.

The ward radio (Đài truyền thanh phường) broadcasts about the congress over its loudspeaker
clusters (cụm loa) in three phases: before, during and after it. This plugin reads the area's
``[areas.broadcast.settings]`` table (see docs/areas/broadcast.md) and derives Findings from it;
the area's plain ``[[areas.broadcast.items]]`` are the core checklist plugin's.

Settings (defaults in :mod:`venue_ready_broadcast.settings`): ``daily_from_days`` (7),
``rest_days`` ([]), ``approval_lead_hours`` (24), ``results_within_days`` (3), ``max_per_day``
(2), ``max_minutes`` (15), ``min_working_ratio`` (0.9), ``clusters_lead_days`` (3),
``clusters_check_days`` (7), ``owner``; the schedule ``[[slots]]`` (``id``, ``at``, ``kind``,
``content``, ``minutes``, ``approved_by``, ``approved_on``, ``aired``, ``owner``) and the
loudspeakers ``[clusters]`` (``total``, ``working``, ``checked``, ``owner``).

Rules (Finding codes; weights in :mod:`venue_ready_broadcast.rules`):

- ``broadcast.day-scheduled`` / ``broadcast.day-missing``: at least one slot on every calendar
  day from ``daily_from_days`` before the opening day to the day before it (``rest_days``
  excepted);
- ``broadcast.opening-scheduled`` / ``-missing``, ``broadcast.closing-scheduled`` / ``-missing``:
  an ``opening`` slot on the opening day, a ``closing`` slot on the closing day (phase during);
- ``broadcast.results-scheduled`` / ``-missing``: a ``results`` slot after the closing, within
  ``results_within_days`` (phase after);
- ``broadcast.slot-approved``: each slot's content approved ``approval_lead_hours`` before it;
- ``broadcast.slot-aired``: each slot whose time has come has a record that it went out;
- ``broadcast.over-limit``, ``broadcast.too-long``: a day over ``max_per_day`` slots, a slot over
  ``max_minutes`` minutes (credit 0; nothing when within the limits);
- ``broadcast.clusters``: ``working`` of ``total`` clusters against ``min_working_ratio``,
  checked within ``clusters_check_days`` before the opening.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from venue_ready import AreaPlan, AreaSpec, Event, Finding, Problem, hookimpl

from .messages import MESSAGES
from .template import SETTINGS_EXAMPLE, TEMPLATE

__all__ = ["KEY", "venue_ready_areas", "venue_ready_assess"]

KEY = "broadcast"


def _validate(settings: Mapping[str, Any], event: Event | None) -> list[Problem]:
    # settings.py and rules.py are imported on first use, not with the plugin: every command
    # loads every plugin, and most events use only some of the areas.
    from .settings import validate

    return validate(settings, event)


def _journal_subjects(event: Event, area: AreaPlan) -> list[str]:
    """The broadcasts the ward radio reports aired in the journal (``broadcast:SLOT``)."""
    from .settings import parse

    config, _problems = parse(area.settings, event)
    return [slot.id for slot in config.slots]


@hookimpl
def venue_ready_areas() -> list[AreaSpec]:
    """The ``broadcast`` area: its titles, template, settings validator and messages."""
    return [
        AreaSpec(
            key=KEY,
            title_vi="Truyền thanh",
            title_en="Ward radio",
            default_weight=1.0,
            template=TEMPLATE,
            validate_settings=_validate,
            messages=MESSAGES,
            settings_example=SETTINGS_EXAMPLE,
            journal_subjects=_journal_subjects,
        )
    ]


@hookimpl
def venue_ready_assess(event: Event, area: AreaPlan, as_of: datetime) -> list[Finding] | None:
    """The derived Findings of the ``broadcast`` area (None for any other area).

    Raises ValueError naming the problems when the settings are wrong (possible only for an
    event built in code: a loaded event's settings were validated already)."""
    if area.key != KEY:
        return None
    from . import rules
    from .settings import parse

    config, problems = parse(area.settings, event)
    if problems:
        raise ValueError(
            "invalid broadcast settings: " + "; ".join(p.render("en", MESSAGES) for p in problems)
        )
    return rules.assess(config, event, area, as_of)
