"""The ``security`` area: An ninh, trật tự (security and public order).

The ward police (công an phường) lead, with the militia (dân quân tự vệ) and the grassroots
order force (lực lượng bảo vệ dân phố) in support. Besides the area's own checklist items
(which the core ``checklist`` plugin scores), this plugin derives Findings from the area's
``settings`` table:

1. **The security plan is approved by the police** (``security.plan-approved``, a gate of
   weight 0): the item named by ``plan_item`` exists, is done, and carries a sign-off whose
   ``by`` contains the ``police`` body's name (any case), for the item's current version, dated
   no later than the assessment.
2. **Every entrance of the venue is guarded** for the whole window, from
   ``doors_open_minutes`` before the opening until ``after_close_minutes`` after the close (by
   default per kind: an election's guards stand from the evening before), by ``[[posts]]``
   (entrance, team, from, until) whose team is one of ``teams`` (``security.entrance-guarded`` /
   ``security.guard-gap`` / ``security.entrance-unguarded``, gates of weight 1 each, due
   ``posts_lead_days`` before the opening).
3. **Every guarded room or zone** of ``[[guarded]]`` (the ballot boxes' storage room overnight, a
   counting room) is guarded for its own window by posts naming it (``place``)
   (``security.place-guarded`` / ``-guard-gap`` / ``-unguarded``, gates of weight 1 each).
4. **Fire safety (PCCC)**: each of ``[[extinguishers]]`` (id, zone, inspected) still valid
   ``extinguisher_validity_months`` after its inspection when the event ends; at least
   max(``min_extinguishers``, ⌈people / ``people_per_extinguisher``⌉) of them valid, the people
   from ``[event.attendance]``; each of ``[[exits]]`` (id, checked) checked at most
   ``exit_check_days`` before the opening. Due ``fire_lead_days`` before the opening; owned by
   ``owner_fire`` (by default per kind).
5. **Delegate badges** (a congress, a council session, a conference only): ``badges_issued``
   against the participants and guests of ``[event.attendance]``, due ``badges_lead_days`` before
   the opening, owned by ``owner_badges``.
6. **Required items**: every id of ``required_items`` (by default the plan, the traffic and
   parking plan, the contingency plan) is among the area's items.

Every setting, Finding code, weight and the kinds of event each rule applies to are documented
in docs/areas/security.md.
"""

from __future__ import annotations

from venue_ready import AreaSpec, area_plugin

from .template import KEY

__all__ = ["KEY", "venue_ready_areas", "venue_ready_assess"]

# the parser and the rules (settings.py, rules.py) imported on first use; the template, the
# settings example and the messages (template.py, messages.py) when the area is first asked for
venue_ready_areas, venue_ready_assess = area_plugin(
    AreaSpec(key=KEY, title_vi="An ninh, trật tự", title_en="Security and order"),
    package=__name__,
    rules=".rules:RULES",  # each rule run for its kinds of event (rules.BADGE_KINDS)
    journal_subjects=".rules:journal_subjects",  # the entrances the ward police report manned
)
