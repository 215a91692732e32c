"""The ``broadcast`` area (Truyền thanh, *Ward radio*): the ward radio's coverage of the congress.

The ward radio (Đài truyền thanh phường) broadcasts about the congress over its loudspeaker
clusters (cụm loa) in three phases: before, during and after it. This plugin reads the area's
``[areas.broadcast.settings]`` table (see docs/areas/broadcast.md) and derives Findings from it;
the area's plain ``[[areas.broadcast.items]]`` are the core checklist plugin's.

Settings (defaults in :mod:`venue_ready_broadcast.settings`): ``daily_from_days`` (7),
``rest_days`` ([]), ``approval_lead_hours`` (24), ``results_within_days`` (3), ``max_per_day``
(2), ``max_minutes`` (15), ``min_working_ratio`` (0.9), ``clusters_lead_days`` (3),
``clusters_check_days`` (7), ``owner``, ``required`` (by kind), ``reminders_per_day`` (2 on
election day, else 1), ``approver`` (by ``event.organiser``); the schedule ``[[slots]]``
(``id``, ``at``, ``kind``, ``content``, ``minutes``, ``approved_by``, ``approved_on``,
``aired``, ``owner``) and the
loudspeakers ``[clusters]`` (``total``, ``working``, ``checked``, ``owner``).

Rules (Finding codes; weights in :mod:`venue_ready_broadcast.rules`), each run for every kind
of event; the schedule's give Findings only for the slot kinds the event requires (``required``,
else the kind's default: a congress's daily, opening, closing and results broadcasts, an
election's daily broadcasts, reminders and results; see docs/areas/broadcast.md):

- ``broadcast.day-scheduled`` / ``broadcast.day-missing``: at least one slot on every calendar
  day from ``daily_from_days`` before the opening day to the day before it (``rest_days``
  excepted);
- ``broadcast.opening-scheduled`` / ``-missing``, ``broadcast.closing-scheduled`` / ``-missing``:
  an ``opening`` slot on the opening day, a ``closing`` slot on the closing day (phase during);
- ``broadcast.reminder-scheduled`` / ``-missing``: ``reminders_per_day`` ``reminder`` slots on
  each day of the event (phase during);
- ``broadcast.results-scheduled`` / ``-missing``: a ``results`` slot after the closing, within
  ``results_within_days`` (phase after);
- ``broadcast.slot-approved``: each slot's content approved by ``approver``
  ``approval_lead_hours`` before it;
- ``broadcast.slot-aired``: each slot whose time has come has a record that it went out;
- ``broadcast.over-limit``, ``broadcast.too-long``: a day over ``max_per_day`` slots, a slot over
  ``max_minutes`` minutes (credit 0; nothing when within the limits);
- ``broadcast.clusters``: ``working`` of ``total`` clusters against ``min_working_ratio``,
  checked within ``clusters_check_days`` before the opening.
"""

from __future__ import annotations

from venue_ready import AreaSpec, area_plugin

from .template import KEY

__all__ = ["KEY", "venue_ready_areas", "venue_ready_assess"]

# the parser and the rules (settings.py, rules.py) imported on first use; the template, the
# settings example and the messages (template.py, messages.py) when the area is first asked for
venue_ready_areas, venue_ready_assess = area_plugin(
    AreaSpec(key=KEY, title_vi="Truyền thanh", title_en="Ward radio"),
    package=__name__,
    rules=".rules:RULES",  # each rule in turn; each gives Findings only for what the event requires
    journal_subjects=".settings:journal_subjects",  # the slot ids come from the settings
)
