"""The built-in plugin that declares the ``subevents`` area (Đại hội cấp dưới): a parent's
readiness includes its children's.

Only the declaration lives here (titles, weight, the settings validator and example), so that
the area is listed and blocked like any plugin's (``-p no:subevents``). The area's rules, its
settings and :class:`~venue_ready.SubeventResult` are the core's (:mod:`venue_ready._subevents`):
the core makes the area's Findings in ``assess(..., subevents=...)``, because the hook
``venue_ready_assess(event, area, as_of)`` has no place for the children's results.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from .._hookspecs import hookimpl
from .._model import AreaSpec

if TYPE_CHECKING:
    from .._errors import Problem

__all__ = ["venue_ready_areas"]

#: The area's key: :data:`venue_ready._subevents.AREA`, written out here so that declaring the
#: area does not import the core's module (its classes cost about 10 M instructions at every
#: start, and only an event with the area, or a roll-up, needs them). A test holds them equal.
AREA = "subevents"
#: The ``[areas.subevents.settings]`` example (``venue-ready init``, ``plugins``).
SETTINGS_EXAMPLE = """\
# credit = "readiness"   # a child not held yet earns its readiness; "held": nothing
# gate = true            # every child's congress held before this one opens
# expected = 37          # how many subordinate congresses there are
# delegates = true       # compare the delegates they elected with expected_delegates
"""


def _validate(settings: Mapping[str, Any], event: Any) -> list[Problem]:
    from .._subevents import parse_settings  # only for an event with the area

    return parse_settings(settings, event)[1]


@hookimpl
def venue_ready_areas() -> list[AreaSpec]:
    """The ``subevents`` area (Đại hội cấp dưới / Subordinate congresses)."""
    return [
        AreaSpec(
            key=AREA,
            title_vi="Đại hội cấp dưới",
            title_en="Subordinate congresses",
            default_weight=1.0,
            validate_settings=_validate,  # its messages are the core's (_messages.py)
            settings_example=SETTINGS_EXAMPLE,
        )
    ]
