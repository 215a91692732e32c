"""Decoration and propaganda (Trang trí, tuyên truyền): the ``decoration`` area of venue_ready.

What it checks, from the area's ``settings`` table (full reference: docs/areas/decoration.md):

1. **The stage backdrop** (``[backdrop]``: ``title``, ``installed``, ``kind``, ``due``,
   ``owner``). The printed title must be the congress's official title, which the plugin
   generates from the event: "ĐẠI HỘI {organisation} LẦN THỨ {Roman ordinal}, NHIỆM KỲ
   {term}" (``organisation`` setting, else the event's name; ``event.ordinal``;
   ``event.term``; layout ``title_format``). Case, spacing and dash style do not count; a
   wrong ordinal, term or organisation is named (gate ``decoration.backdrop-title``). An LED
   screen may not replace the main backdrop (gate ``decoration.backdrop-led``); the backdrop
   is up by its deadline (gate ``decoration.backdrop-installed``).
2. **The stage** (``[stage]``): the top slogan, the Party flag, the national flag, the
   portraits of Marx and Lenin, Hồ Chí Minh's bust or portrait and the flowers, each a date
   put in place (or a table with its own ``due``): one ``decoration.stage-element`` each, the
   flags are gates (the opening flag ceremony needs them). The Party flag hangs on the left,
   the national flag on the right (``decoration.flag-layout``).
3. **Banners and slogans** (``[[banners]]``): each one's content approved by a named body on a
   date (``decoration.banner-approved``) and put up (``decoration.banner-installed``; put up
   late still earns the credit, and the message says it was late); a banner of kind
   ``slogan`` must be one of ``official_slogans`` (``decoration.slogan-unofficial``).
4. **Propaganda across the ward** (``[propaganda]``): panels and posters put up out of those
   planned (``decoration.panels``, ``decoration.posters``, credit = share put up).

Lead times (``stage_lead_days`` 1, ``banner_lead_days`` 3, ``propaganda_lead_days`` 7) count
deadlines back from the opening. Records dated after ``as_of`` do not count yet; missing
records give Findings with ``assessed = False`` that say what to record.
"""

from __future__ import annotations

from venue_ready import AreaSpec, area_plugin

from .template import KEY

__all__ = ["KEY", "venue_ready_areas", "venue_ready_assess"]

# the parser and the rules (settings.py, rules.py) imported on first use; the template, the
# settings example and the messages (template.py, messages.py) when the area is first asked for
venue_ready_areas, venue_ready_assess = area_plugin(
    AreaSpec(key=KEY, title_vi="Trang trí, tuyên truyền", title_en="Decoration and propaganda"),
    package=__name__,
    rules=".rules:RULES",
)
