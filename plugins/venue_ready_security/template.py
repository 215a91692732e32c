"""The security area's template checklist (for ``venue-ready init``; the items are data, in
``template.toml`` beside this module) and its settings example."""

from __future__ import annotations

from venue_ready import Bodies, Role, TemplateItem, packaged_template

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
    "OWNERS",
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
#: (messages.py); the service sub-committee is one of the ward's bodies the core names.
SERVICE = Bodies.SERVICE
OFFICE, POLICE = ROLES = (
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


#: The bodies ``template.toml`` names, by its key.
OWNERS = {
    "police": POLICE,
    "service": SERVICE,
    "organisers": ORGANISERS,
    "election-team": ELECTION_TEAM,
    "peoples-committee": WARD_COMMITTEE,
}

#: The area's items, each for the kind it is listed under: an item that differs by kind is a
#: row per kind (the same id), and ``init --template KIND`` writes the rows of that kind. They
#: are data, in ``template.toml`` beside this module, read the first time the template is asked
#: for (by ``init``, or by the rules through :func:`by_id`).
TEMPLATE = packaged_template(__name__, OWNERS)


def by_id(item_id: str, kind: str = "party-congress") -> TemplateItem | None:
    """The template item ``item_id`` of an event of ``kind`` (a kind the template does not
    name: the Party congress's), or None."""
    rows = [item for item in TEMPLATE() if item.id == item_id]
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
