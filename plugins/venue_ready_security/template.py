"""The security area's template checklist (for ``venue-ready init``) and its settings example."""

from __future__ import annotations

from venue_ready import Phase, Role, TemplateItem, template_item

# These names live here rather than in settings.py (which uses them as defaults) so that the
# plugin's import, done by every command, does not build the settings classes.

#: The item of the area's [[items]] that is the security plan (phương án bảo đảm ANCT, TTATXH).
DEFAULT_PLAN_ITEM = "security.plan"
#: The body whose sign-off the plan needs; a sign-off's ``by`` must contain this name.
DEFAULT_POLICE = "Công an phường"
#: The traffic and parking plan, and the contingency plan (template items, required by default).
TRAFFIC_PLAN_ITEM = "security.traffic-plan"
CONTINGENCY_PLAN_ITEM = "security.contingency-plan"

__all__ = [
    "CONTINGENCY_PLAN_ITEM",
    "DEFAULT_PLAN_ITEM",
    "DEFAULT_POLICE",
    "KEY",
    "OFFICE",
    "POLICE",
    "ROLES",
    "SERVICE",
    "SETTINGS_EXAMPLE",
    "TEMPLATE",
    "TRAFFIC_PLAN_ITEM",
    "by_id",
]

#: The area's key: the prefix of its template items, Finding codes and message ids.
KEY = "security"

#: Owner roles for Findings whose data names no owner, every one in ROLES for the catalog
#: (messages.py).
SERVICE, OFFICE, POLICE = ROLES = (
    Role("security.role.service", "Tiểu ban Phục vụ", "Service sub-committee"),
    Role("security.role.office", "Văn phòng Đảng ủy", "Party committee office"),
    Role("security.role.police", DEFAULT_POLICE, "Ward police"),
)


TEMPLATE = (
    # id, Vietnamese title, English title, owner, lead days; then a gate, a sign-off, a phase
    template_item(
        DEFAULT_PLAN_ITEM,
        "Phương án bảo đảm an ninh chính trị, trật tự an toàn xã hội phục vụ Đại hội",
        "Plan for political security and public order during the congress",
        SERVICE,
        5,
        gate=True,
        requires_signoff=DEFAULT_POLICE,
    ),
    template_item(
        "security.risk-watch",
        "Nắm tình hình, theo dõi các vụ việc phức tạp, đơn thư khiếu nại, tố cáo trước Đại hội",
        "Watch for known risks, complaints and denunciations before the congress",
        POLICE,
        7,
    ),
    template_item(
        TRAFFIC_PLAN_ITEM,
        "Phương án phân luồng giao thông, bố trí nơi đỗ xe cho đại biểu",
        "Traffic diversion and parking plan for the delegates",
        POLICE,
        3,
    ),
    template_item(
        CONTINGENCY_PLAN_ITEM,
        "Phương án xử lý tình huống phát sinh (cháy nổ, mất điện, cấp cứu, tụ tập đông người)",
        "Contingency plan (fire, power cut, medical emergency, crowds gathering at the venue)",
        SERVICE,
        3,
    ),
    template_item(
        "security.electrical-safety",
        "Kiểm tra an toàn hệ thống điện trong hội trường",
        "Electrical safety check of the hall",
        SERVICE,
        2,
    ),
    template_item(
        "security.patrols",
        "Tuần tra, kiểm soát khu vực xung quanh địa điểm trong thời gian Đại hội",
        "Patrols around the venue while the congress sits",
        POLICE,
        0,
        phase=Phase.DURING,
    ),
)


def by_id(item_id: str) -> TemplateItem | None:
    """The template item ``item_id``, or None."""
    for item in TEMPLATE:
        if item.id == item_id:
            return item
    return None


# The body of [areas.security.settings]. `venue-ready init` writes the area's [[items]] right
# after it. The posts, extinguishers and exits are commented out, since they name the venue's own
# entrances and zones; they come last, as tables, because every key after a [[...]] header
# belongs to that table.
SETTINGS_EXAMPLE = """\
# The item of this area that is the security plan, and the body that must approve it
# (its sign-off's "by" must contain this name).
plan_item = "security.plan"
police = "Công an phường"
# The forces that may staff a guard post.
teams = ["Công an phường", "Dân quân tự vệ", "Lực lượng bảo vệ dân phố"]
# Every entrance is guarded from doors_open_minutes before the opening until
# after_close_minutes after the close; the roster is due posts_lead_days before the opening.
doors_open_minutes = 90
after_close_minutes = 30
posts_lead_days = 2
# Fire safety (PCCC): an extinguisher's inspection is valid for extinguisher_validity_months;
# at least min_extinguishers valid ones, and one for every people_per_extinguisher people.
extinguisher_validity_months = 12
min_extinguishers = 2
people_per_extinguisher = 50
# attendance = 200    # people at the venue; by default the event's expected_delegates + guests
guests = 0
# Emergency exits count as checked at most exit_check_days before the opening; extinguishers
# and exits are due fire_lead_days before the opening.
exit_check_days = 7
fire_lead_days = 1
# Delegate badges issued so far (thẻ đại biểu), due badges_lead_days before the opening.
# badges_issued = 150
badges_lead_days = 1
# Items this area must list.
required_items = ["security.plan", "security.traffic-plan", "security.contingency-plan"]

# One table per guard post (an entrance of [venue] and a shift), per extinguisher and per
# emergency exit:
# [[areas.security.settings.posts]]
# entrance = "main-gate"
# team = "Công an phường"
# from = 2020-05-15T06:00:00+07:00
# until = 2020-05-15T17:30:00+07:00
#
# [[areas.security.settings.extinguishers]]
# id = "BCC-01"
# zone = "hall"
# inspected = 2019-11-20
#
# [[areas.security.settings.exits]]
# id = "exit-stage-left"
# name = "Cửa thoát hiểm bên trái sân khấu"
# checked = 2020-05-13
"""
