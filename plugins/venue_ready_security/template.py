"""The security area's template checklist (for ``venue-ready init``) and its settings example."""

from __future__ import annotations

from venue_ready import Bodies, Phase, Role, TemplateItem, template_item

# These names live here rather than in settings.py (which uses them as defaults) so that the
# plugin's import, done by every command, does not build the settings classes.

#: The item of the area's [[items]] that is the security plan (phương án bảo đảm ANCT, TTATXH).
DEFAULT_PLAN_ITEM = "security.plan"
#: The ward police: the security plan is their own plan (they draw it up and own it), and they
#: lead the guard posts.
DEFAULT_POLICE = "Công an phường"
#: The body whose sign-off the plan needs (a sign-off's ``by`` must contain this name): the ward
#: Party committee, which leads the congress's preparation. The project's default, not a rule
#: found in an official text: a setting (``plan_approver``), for wards whose practice differs.
DEFAULT_PLAN_APPROVER = "Đảng ủy phường"
#: The traffic and parking plan, and the contingency plan (template items, required by default).
TRAFFIC_PLAN_ITEM = "security.traffic-plan"
CONTINGENCY_PLAN_ITEM = "security.contingency-plan"

__all__ = [
    "CONGRESSES",
    "CONTINGENCY_PLAN_ITEM",
    "DEFAULT_PLAN_APPROVER",
    "DEFAULT_PLAN_ITEM",
    "DEFAULT_POLICE",
    "ELECTION",
    "ELECTION_TEAM",
    "FIRE_OWNED",
    "KEY",
    "OFFICE",
    "ORGANISERS",
    "OWNER_ROLES",
    "PARTY_CONGRESS",
    "POLICE",
    "ROLES",
    "SERVICE",
    "SETTINGS_EXAMPLE",
    "STATE_EVENTS",
    "STATE_OFFICE",
    "STATE_PLAN_APPROVER",
    "TEMPLATE",
    "TRAFFIC_PLAN_ITEM",
    "WARD_COMMITTEE",
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

#: The default owners of the fire-safety and badge checks for events that are not the Party's
#: (settings ``owner_fire`` and ``owner_badges``; see settings.owner_defaults): a state event's
#: are the ward People's Committee and its office, an election's the polling area's election
#: team (tổ bầu cử), another organisation's its organising committee (ban tổ chức, the project's
#: default, unverified).
WARD_COMMITTEE, STATE_OFFICE, ELECTION_TEAM, ORGANISERS = OWNER_ROLES = (
    Bodies.PEOPLES_COMMITTEE,
    Bodies.STATE_OFFICE,
    Bodies.ELECTION_TEAM,
    Bodies.ORGANISERS,
)  # the ward's bodies every area names, named once by the core


#: The kinds of event, grouped as the template's items differ: a Party congress; another
#: organisation's congress; an election day at a polling area; a state event at a venue (a
#: People's Council session, a conference, a ceremony), whose organiser is the ward's People's
#: Committee.
PARTY_CONGRESS = ("party-congress",)
CONGRESSES = ("party-congress", "congress")
ELECTION = ("election",)
STATE_EVENTS = ("council-session", "conference", "ceremony")
#: The body whose sign-off the plan needs at a state event or an election, when the settings
#: name none (``plan_approver``): the ward People's Committee (the project's default,
#: unverified).
STATE_PLAN_APPROVER = "Ủy ban nhân dân phường"
#: The items owned by whoever owns fire safety (settings ``owner_fire``): in a Party congress
#: the service sub-committee, else as :func:`settings.owners` names it by kind.
FIRE_OWNED = (CONTINGENCY_PLAN_ITEM, "security.electrical-safety")


#: The area's items, each for the kinds it names: an item that differs by kind is a row per
#: kind (the same id), and ``init --template KIND`` writes the row of that kind.
TEMPLATE = (
    # kinds, id, Vietnamese title, English title, owner, lead days; then a gate, a sign-off,
    # a phase
    template_item(
        DEFAULT_PLAN_ITEM,
        "Phương án bảo đảm an ninh chính trị, trật tự an toàn xã hội phục vụ Đại hội",
        "Plan for political security and public order during the congress",
        POLICE, 5, gate=True, requires_signoff=DEFAULT_PLAN_APPROVER, kinds=CONGRESSES
    ),
    template_item(
        DEFAULT_PLAN_ITEM,
        "Phương án bảo đảm an ninh chính trị, trật tự an toàn xã hội tại khu vực bỏ phiếu "
        "trong ngày bầu cử",
        "Plan for political security and public order at the polling area on election day",
        POLICE, 5, gate=True, requires_signoff=STATE_PLAN_APPROVER, kinds=ELECTION
    ),
    template_item(
        DEFAULT_PLAN_ITEM,
        "Phương án bảo đảm an ninh chính trị, trật tự an toàn xã hội tại địa điểm tổ chức",
        "Plan for political security and public order at the venue",
        POLICE, 5, gate=True, requires_signoff=STATE_PLAN_APPROVER, kinds=STATE_EVENTS
    ),
    template_item(
        "security.risk-watch",
        "Nắm tình hình, theo dõi các vụ việc phức tạp, đơn thư khiếu nại, tố cáo trước Đại hội",
        "Watch for known risks, complaints and denunciations before the congress",
        POLICE, 7, kinds=CONGRESSES
    ),
    template_item(
        "security.risk-watch",
        "Nắm tình hình, theo dõi các vụ việc phức tạp, đơn thư khiếu nại, tố cáo trước ngày "
        "bầu cử",
        "Watch for known risks, complaints and denunciations before election day",
        POLICE, 7, kinds=ELECTION
    ),
    template_item(
        "security.risk-watch",
        "Nắm tình hình, theo dõi các vụ việc phức tạp, đơn thư khiếu nại, tố cáo trên địa bàn",
        "Watch for known risks, complaints and denunciations in the ward",
        POLICE, 7, kinds=STATE_EVENTS
    ),
    template_item(
        TRAFFIC_PLAN_ITEM,
        "Phương án phân luồng giao thông, bố trí nơi đỗ xe cho đại biểu",
        "Traffic diversion and parking plan for the delegates",
        POLICE, 3, kinds=(*CONGRESSES, "council-session", "conference")
    ),
    template_item(
        TRAFFIC_PLAN_ITEM,
        "Phương án phân luồng giao thông, bố trí nơi để xe cho cử tri",
        "Traffic diversion and parking plan for the voters",
        POLICE, 3, kinds=ELECTION
    ),
    template_item(
        TRAFFIC_PLAN_ITEM,
        "Phương án phân luồng giao thông, bố trí nơi đỗ xe cho đại biểu, khách mời",
        "Traffic diversion and parking plan for the guests",
        POLICE, 3, kinds=("ceremony",)
    ),
    *(
        template_item(
            CONTINGENCY_PLAN_ITEM,
            "Phương án xử lý tình huống phát sinh (cháy nổ, mất điện, cấp cứu, tụ tập đông người)",
            "Contingency plan (fire, power cut, medical emergency, crowds gathering at the venue)",
            owner, 3, kinds=kinds
        )
        for kinds, owner in (
            (PARTY_CONGRESS, SERVICE),
            (("congress",), ORGANISERS),
            (ELECTION, ELECTION_TEAM),
            (STATE_EVENTS, WARD_COMMITTEE),
        )
    ),
    template_item(
        "security.electrical-safety",
        "Kiểm tra an toàn hệ thống điện trong hội trường",
        "Electrical safety check of the hall",
        SERVICE, 2, kinds=PARTY_CONGRESS
    ),
    template_item(
        "security.electrical-safety",
        "Kiểm tra an toàn hệ thống điện trong hội trường",
        "Electrical safety check of the hall",
        ORGANISERS, 2, kinds=("congress",)
    ),
    template_item(
        "security.electrical-safety",
        "Kiểm tra an toàn hệ thống điện tại khu vực bỏ phiếu",
        "Electrical safety check of the polling area",
        ELECTION_TEAM, 2, kinds=ELECTION
    ),
    template_item(
        "security.electrical-safety",
        "Kiểm tra an toàn hệ thống điện tại địa điểm tổ chức",
        "Electrical safety check of the venue",
        WARD_COMMITTEE, 2, kinds=STATE_EVENTS
    ),
    template_item(
        "security.patrols",
        "Tuần tra, kiểm soát khu vực xung quanh địa điểm trong thời gian Đại hội",
        "Patrols around the venue while the congress sits",
        POLICE, 0, phase=Phase.DURING, kinds=CONGRESSES
    ),
    template_item(
        "security.patrols",
        "Tuần tra, kiểm soát xung quanh khu vực bỏ phiếu trong ngày bầu cử",
        "Patrols around the polling area on election day",
        POLICE, 0, phase=Phase.DURING, kinds=ELECTION
    ),
    template_item(
        "security.patrols",
        "Tuần tra, kiểm soát khu vực xung quanh địa điểm trong thời gian tổ chức",
        "Patrols around the venue while the event lasts",
        POLICE, 0, phase=Phase.DURING, kinds=STATE_EVENTS
    ),
)  # fmt: skip


def by_id(item_id: str, kind: str = "party-congress") -> TemplateItem | None:
    """The template item ``item_id`` of an event of ``kind`` (a kind the template does not
    name: the Party congress's), or None."""
    rows = [item for item in TEMPLATE if item.id == item_id]
    return next((i for i in rows if i.for_kind(kind)), rows[0] if rows else None)


# The body of [areas.security.settings]. `venue-ready init` writes the area's [[items]] right
# after it. The posts, extinguishers and exits are commented out, since they name the venue's own
# entrances and zones; they come last, as tables, because every key after a [[...]] header
# belongs to that table.
SETTINGS_EXAMPLE = """\
# Đầu việc là phương án bảo đảm an ninh, trật tự (phương án của Công an phường) và cơ quan
# phải duyệt phương án ("by" của signed_off phải chứa tên này); mặc định theo loại sự kiện:
# Đảng ủy phường (Đại hội), Ủy ban nhân dân phường (bầu cử, kỳ họp, hội nghị, buổi lễ).
# (the item that is the security plan, the ward police's own plan, and the body whose
# sign-off it needs: the sign-off's "by" must contain this name; by default per kind: the
# ward Party committee for a congress, the ward People's Committee otherwise)
plan_item = "security.plan"
# plan_approver = "Đảng ủy phường"
# Công an phường: chủ trì bảo đảm an ninh, trật tự, phụ trách các chốt gác.
# (the ward police: they lead security and own the guard posts)
police = "Công an phường"
# Các lực lượng được bố trí trực chốt gác (the forces that may staff a guard post)
teams = ["Công an phường", "Dân quân phường", "Lực lượng bảo vệ dân phố"]
# Mỗi cổng có người trực từ doors_open_minutes phút trước giờ khai mạc đến after_close_minutes
# phút sau giờ bế mạc; mặc định theo loại sự kiện: 90 và 30 phút, riêng ngày bầu cử là 720 và
# 180 phút (canh gác từ tối hôm trước; chưa kiểm chứng). Lịch trực phải xong trước khai mạc
# posts_lead_days ngày.
# (every entrance is guarded from doors_open_minutes before the opening until
# after_close_minutes after the close; by default per kind: 90 and 30 minutes, an election 720
# and 180, from the evening before, unverified; the roster is due posts_lead_days before the
# opening)
# doors_open_minutes = 90
# after_close_minutes = 30
posts_lead_days = 2
# Phòng cháy, chữa cháy: bình chữa cháy còn hạn kiểm định extinguisher_validity_months tháng;
# ít nhất min_extinguishers bình còn hạn, và cứ people_per_extinguisher người thì một bình.
# (fire safety: an inspection is valid for extinguisher_validity_months; at least
# min_extinguishers valid extinguishers, and one for every people_per_extinguisher people)
extinguisher_validity_months = 12
min_extinguishers = 2
people_per_extinguisher = 50
# Số người lấy từ [event.attendance]; chỉ ghi ở đây khi cần số khác.
# (the counts come from [event.attendance]; set these only to override them)
# attendance = 200    # tổng số người có mặt (everyone at the venue)
# guests = 20         # số khách mời (guests, for the badges and the extinguishers)
# Lối thoát hiểm được tính là đã kiểm tra nếu kiểm tra trong vòng exit_check_days ngày trước
# khai mạc; bình chữa cháy và lối thoát hiểm phải xong trước khai mạc fire_lead_days ngày.
# (an exit counts as checked at most exit_check_days before the opening; extinguishers and
# exits are due fire_lead_days before the opening)
exit_check_days = 7
fire_lead_days = 1
# Số thẻ đại biểu đã phát, hạn phát xong trước khai mạc badges_lead_days ngày (mặc định 1;
# đại hội, kỳ họp Hội đồng nhân dân, hội nghị; ngày bầu cử dùng thẻ cử tri nên không kiểm tra).
# (delegate badges issued so far, due badges_lead_days before the opening, 1 by default: a
# congress, a council session, a conference; not an election, whose voters have voter cards)
# badges_issued = 150
# badges_lead_days = 1
# Đơn vị phụ trách phòng cháy, chữa cháy (bình chữa cháy, lối thoát hiểm) và thẻ đại biểu;
# mặc định theo loại sự kiện: Tiểu ban Phục vụ và Văn phòng Đảng ủy (sự kiện của Đảng), Ủy ban
# nhân dân phường và Văn phòng HĐND - UBND phường (sự kiện của Nhà nước), Tổ bầu cử (bầu cử).
# (who owns fire safety and the badges; by default per kind, as above)
# owner_fire = "Tiểu ban Phục vụ"
# owner_badges = "Văn phòng Đảng ủy"
# Các đầu việc bắt buộc phải có trong danh mục (items this area must list)
required_items = ["security.plan", "security.traffic-plan", "security.contingency-plan"]

# Mỗi nơi canh gác ngoài các cổng (phòng lưu giữ hòm phiếu, tài liệu qua đêm; phòng kiểm phiếu),
# mỗi chốt gác (một cổng của [venue] hoặc một nơi canh gác, và một ca trực), mỗi bình chữa cháy,
# mỗi lối thoát hiểm ghi một bảng (one table per guarded room or zone besides the entrances,
# per guard post, at an entrance or a guarded place, per extinguisher and per emergency exit):
# [[areas.security.settings.guarded]]
# id = "document-store"   # hoặc zone = một khu vực của [venue] (or zone = a zone of [venue])
# name = "Phòng lưu giữ tài liệu"
# from = 2020-05-14T17:00:00+07:00
# until = 2020-05-15T07:30:00+07:00
#
# [[areas.security.settings.posts]]
# entrance = "main-gate"
# team = "Công an phường"
# from = 2020-05-15T06:00:00+07:00
# until = 2020-05-15T17:30:00+07:00
#
# [[areas.security.settings.posts]]
# place = "document-store"
# team = "Dân quân phường"
# from = 2020-05-14T17:00:00+07:00
# until = 2020-05-15T07:30:00+07:00
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
