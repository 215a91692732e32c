"""The decoration area's template checklist and its settings example, for new event files.

The template holds the plain work items that no rule can derive from data (the plan, the
proof of the backdrop, the music for the flag ceremony); the derived rules (title, stage,
banners, panels and posters) come from the settings instead.
"""

from __future__ import annotations

from venue_ready import Phase, Role, template_item

#: The area's key: the prefix of its template items, Finding codes and message ids.
KEY = "decoration"

#: Owner roles, used by the rules when the settings name no owner (``owner_stage``,
#: ``owner_propaganda``); every one in ROLES for the catalog (messages.py). A congress's
#: sub-committees; the Party committee's office; the People's Council and Committee's office and
#: the People's Committee (a State event); the election team of a polling area; the organising
#: committee of another organisation's event.
(
    ROLE_SERVICE,
    ROLE_PROPAGANDA,
    ROLE_PARTY_OFFICE,
    ROLE_STATE_OFFICE,
    ROLE_PEOPLES_COMMITTEE,
    ROLE_ELECTION_TEAM,
    ROLE_ORGANISING,
) = ROLES = (
    Role("decoration.role.service", "Tiểu ban Phục vụ", "Service sub-committee"),
    Role("decoration.role.propaganda", "Tiểu ban Tuyên truyền", "Propaganda sub-committee"),
    Role("decoration.role.party-office", "Văn phòng Đảng ủy", "Office of the Party committee"),
    Role(
        "decoration.role.state-office",
        "Văn phòng HĐND - UBND phường",
        "Office of the ward People's Council and People's Committee",
    ),
    Role("decoration.role.peoples-committee", "Ủy ban nhân dân phường", "Ward People's Committee"),
    Role("decoration.role.election-team", "Tổ bầu cử", "Election team"),
    Role("decoration.role.organising", "Ban Tổ chức", "Organising committee"),
)

#: The default owners (the stage and backdrop's, the banners and propaganda's) by kind of event;
#: a kind not listed takes its organiser's (OWNERS_BY_ORGANISER).
OWNERS_BY_KIND: dict[str, tuple[Role, Role]] = {
    "party-congress": (ROLE_SERVICE, ROLE_PROPAGANDA),
    "congress": (ROLE_SERVICE, ROLE_PROPAGANDA),
    "election": (ROLE_ELECTION_TEAM, ROLE_PEOPLES_COMMITTEE),
    "council-session": (ROLE_STATE_OFFICE, ROLE_STATE_OFFICE),
}
OWNERS_BY_ORGANISER: dict[str, tuple[Role, Role]] = {
    "party": (ROLE_PARTY_OFFICE, ROLE_PARTY_OFFICE),
    "state": (ROLE_STATE_OFFICE, ROLE_PEOPLES_COMMITTEE),
    "organisation": (ROLE_ORGANISING, ROLE_ORGANISING),
}


TEMPLATE = (
    # id, Vietnamese title, English title, owner, lead days; then a gate or a phase
    template_item(
        "decoration.plan",
        "Kế hoạch trang trí khánh tiết và tuyên truyền Đại hội",
        "Plan for the congress's decoration and propaganda",
        ROLE_PROPAGANDA,
        21,
    ),
    template_item(
        "decoration.slogan-list",
        "Danh sách khẩu hiệu theo Công văn 8355-CV/BTGTW được Ban Thường vụ duyệt",
        "Slogan list (after Công văn 8355-CV/BTGTW) approved by the standing committee",
        ROLE_PROPAGANDA,
        10,
    ),
    template_item(
        "decoration.backdrop-proof",
        "Duyệt maket phông sân khấu: đối chiếu tiêu đề với tên chính thức của Đại hội",
        "Proof of the stage backdrop checked against the congress's official title",
        ROLE_SERVICE,
        5,
    ),
    template_item(
        "decoration.flag-ceremony",
        "Nhạc Quốc ca, Quốc tế ca cho nghi thức chào cờ khai mạc và bế mạc",
        "National anthem and Internationale for the opening and closing flag ceremonies",
        ROLE_SERVICE,
        1,
        gate=True,
    ),
    template_item(
        "decoration.take-down",
        "Tháo dỡ, thu hồi pa nô, băng rôn sau Đại hội",
        "Panels and banners taken down after the congress",
        ROLE_PROPAGANDA,
        phase=Phase.AFTER,
    ),
)

#: The body of ``[areas.decoration.settings]`` that ``venue-ready init`` writes. Valid for any
#: event: the records (backdrop, stage, banners, panels) are commented-out examples.
SETTINGS_EXAMPLE = """\
# Lead times, in days before the opening (0.5 is twelve hours).
stage_lead_days = 1        # backdrop and stage dressed (sân khấu, phông)
banner_lead_days = 3       # banners and slogans up, unless a banner gives its own due
propaganda_lead_days = 7   # panels and posters up across the ward (pa nô, tranh cổ động)

# The official slogans. 8355-CV/BTGTW (1 April 2020) lists 17: paste your full list here.
official_slogans = [
  "Nhiệt liệt chào mừng đại hội đảng bộ các cấp nhiệm kỳ 2020-2025!",
  "Đảng Cộng sản Việt Nam quang vinh muôn năm!",
]

# The title is generated from the event (name, ordinal, term). Set the organisation when the
# event's name does not read "Đại hội <organisation> lần thứ ...":
# organisation = "Đảng bộ phường Ngọc Thụy"
# and the title's layout, when it differs ({organisation} is written in capitals):
# title_format = "ĐẠI HỘI {organisation} LẦN THỨ {ordinal}, NHIỆM KỲ {term_start} - {term_end}"

# Which stage elements are checked (all six by default):
# stage_elements = ["top_slogan", "party_flag", "national_flag", "marx_lenin", "ho_chi_minh",
#                   "flowers"]

# The main backdrop: the title exactly as printed, the day it went up, "printed" or "led".
# backdrop.title = "ĐẠI HỘI ĐẢNG BỘ PHƯỜNG NGỌC THỤY LẦN THỨ XXII, NHIỆM KỲ 2020 - 2025"
# backdrop.installed = 2020-05-14
# backdrop.kind = "printed"

# The stage: the day each element was put in place; a table gives its own deadline.
# stage.top_slogan = 2020-05-14
# stage.party_flag = 2020-05-14
# stage.national_flag = 2020-05-14
# stage.marx_lenin = 2020-05-14
# stage.ho_chi_minh = 2020-05-14
# stage.ho_chi_minh_kind = "bust"          # or "portrait"
# stage.flowers = { due = 2020-05-15T06:30:00+07:00 }
# stage.party_flag_side = "left"           # as the delegates see it
# stage.national_flag_side = "right"

# Panels and posters across the ward.
# propaganda.panels_planned = 6
# propaganda.panels_installed = 6
# propaganda.posters_planned = 100
# propaganda.posters_installed = 100

# Banners and slogans, one block each (kind = "slogan" for one of the official slogans):
# [[areas.decoration.settings.banners]]
# id = "slogan-hall-left"
# text = "Đảng Cộng sản Việt Nam quang vinh muôn năm!"
# location = "Hội trường, bên trái"
# kind = "slogan"
# approved_by = "Ban Thường vụ Đảng ủy"
# approved_on = 2020-05-05
# installed = 2020-05-12
"""
