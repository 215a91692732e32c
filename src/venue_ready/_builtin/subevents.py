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
from .._subevents import AREA, SETTINGS_EXAMPLE, parse_settings

if TYPE_CHECKING:
    from .._errors import Problem

__all__ = ["venue_ready_areas"]


def _validate(settings: Mapping[str, Any], event: Any) -> list[Problem]:
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
