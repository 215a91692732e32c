"""The ``disinfection`` area (Khử khuẩn, y tế): spraying, temperature checks, supplies, medics.

In May 2020, under Directive 19/CT-TTg, a ward congress could meet only if the venue was
disinfected and the delegates' health looked after: the ward health station (Trạm Y tế phường)
sprays the hall, the lobby, the corridors, the basement and the yard, checks temperatures at the
entrances, and a medical team stands by. This plugin derives those checks from the area's
``[areas.disinfection.settings]`` (see docs/areas/disinfection.md for every key):

- ``[[sprayings]]`` (``zone``, ``at``, ``by``) → ``disinfection.zone-sprayed``: every venue zone
  sprayed within ``window_hours`` (default 24) before each event day's opening; a gate, weight
  1 per zone per day, due at that opening. Day 1 opens at the event's start, later days at
  ``daily_opening`` (or the start's time of day); later days are ``during`` Findings;
- ``[[checkpoints]]`` (``entrance``, ``staff``) → ``disinfection.checkpoint``: a temperature
  checkpoint at every venue entrance, weight 1, due ``checkpoint_lead_hours`` before the start;
- ``[supplies]`` (``masks``, ``sanitiser_litres``, ``soap_in_toilets``) →
  ``disinfection.masks`` and ``disinfection.sanitiser`` (credit = stock / need for the
  attendance, ``[event.attendance]`` unless the area's ``attendance``, ``guests`` or ``staff``
  override it, weight 1 each) and ``disinfection.soap`` (weight 0.5, only when stated), due
  ``supplies_lead_days`` before the start;
- ``[medical_team]`` (``team``, ``members``, ``confirmed_on``, ``on_duty_from``) →
  ``disinfection.medical-team-arranged`` (weight 1, due ``medical_lead_days`` before the start)
  and ``disinfection.medical-team-on-duty`` (``during``, weight 1, due at the start).

Every rule applies to every kind of event; the default owners of the checkpoints and the
supplies follow the kind (``owner_checkpoints``, ``owner_supplies``; the health station sprays
and stands by, ``team``, ``owner_medical``). Records dated after the assessment's ``as_of`` do
not count yet. The area's plain checklist
items (the prevention plan, spaced seating, health declarations…) are the core ``checklist``
plugin's; the template in ``template.py`` suggests them.
"""

from __future__ import annotations

from venue_ready import AreaSpec, area_plugin

from .template import KEY

__all__ = ["KEY", "venue_ready_areas", "venue_ready_assess"]

# the parser and the rules (settings.py, rules.py) imported on first use; the template, the
# settings example and the messages (template.py, messages.py) when the area is first asked for
venue_ready_areas, venue_ready_assess = area_plugin(
    AreaSpec(key=KEY, title_vi="Khử khuẩn, y tế", title_en="Disinfection and health"),
    package=__name__,
    rules=".rules:RULES",  # every rule applies to every kind of event
    journal_subjects=".rules:journal_subjects",  # the zones the health station reports sprayed
)
