"""The area's template checklist for new event files, its owner roles, and its settings example.

The template holds the work that is not derived from the settings (the rules in ``rules.py``
check the sprayings, the checkpoints, the supplies and the medical team): the prevention plan,
spaced seating, health declarations, sanitiser points. Lead times follow the domain notes
(Decision 3888/QĐ-BYT for meetings of 30 or more people); none is a gate there.
"""

from __future__ import annotations

from datetime import date

from venue_ready import Bodies, Phase, Role, TemplateItem, template_item

__all__ = [
    "ELECTION_TEAM",
    "HEALTH_STATION",
    "KEY",
    "OFFICE",
    "ORGANISING",
    "ROLES",
    "SERVICE",
    "SERVICE_BY_KIND",
    "SERVICE_BY_ORGANISER",
    "SETTINGS_EXAMPLE",
    "TEMPLATE",
    "TERM_2025",
]

#: The area's key: the prefix of its template items, Finding codes and message ids.
KEY = "disinfection"

#: Owner roles, every one in ROLES for the catalog (messages.py). The ward health station
#: sprays, checks health and stands by; the congress's service sub-committee sets up
#: checkpoints and buys supplies.
HEALTH_STATION, SERVICE, ORGANISING = ROLES = (
    Role("disinfection.role.health-station", "Trạm Y tế phường", "Ward health station"),
    Role("disinfection.role.service", "Tiểu ban Phục vụ", "Service sub-committee"),
    Role("disinfection.role.organising", "Ban Tổ chức Đại hội", "Congress organising committee"),
)
# the ward's bodies every area names, named once by the core
OFFICE, ELECTION_TEAM = Bodies.STATE_OFFICE, Bodies.ELECTION_TEAM

#: Who sets up the checkpoints and buys the supplies when the settings name no one
#: (``owner_checkpoints``, ``owner_supplies``), by kind of event: a Party congress's service
#: sub-committee; another organisation's congress's organising committee; the People's
#: Committee's office for a state event (a council session, a conference, a ceremony); the
#: election team (Tổ bầu cử) at a polling area. Only the Party congress's is the seed
#: article's; the others are the project's defaults (unverified). The ward health station sprays
#: and stands by (``team``, ``owner_medical``) for every kind.
SERVICE_BY_KIND = {
    "party-congress": SERVICE,
    "congress": ORGANISING,
    "council-session": OFFICE,
    "conference": OFFICE,
    "ceremony": OFFICE,
    "election": ELECTION_TEAM,
}
#: A kind the project does not know (a plugin's): by whose event it is.
SERVICE_BY_ORGANISER = {"party": SERVICE, "state": OFFICE, "organisation": ORGANISING}


#: The first opening day of the 2025 - 2030 term (an event opening in 2025 or later belongs to
#: it, as ``init`` counts a term). The 2020 - 2025 term's events were held under the COVID-19
#: rules (Chỉ thị 19/CT-TTg, 24/04/2020; Quyết định 3888/QĐ-BYT, 09/2020): a prevention plan,
#: health declarations, spaced seating, temperature checks and masks. From this day the
#: template plans medical cover and hygiene instead, and the epidemic measures are a setting
#: (``epidemic_measures``) that defaults to off. When the COVID-19 rules ended for meetings is
#: not in the domain notes (unverified): the term is the boundary.
TERM_2025 = date(2025, 1, 1)


#: How the titles name the event of a kind held in a hall: "tại kỳ họp", "the session".
_NOUNS = {
    "party-congress": ("Đại hội", "the congress"),
    "congress": ("Đại hội", "the congress"),
    "council-session": ("kỳ họp", "the session"),
    "conference": ("hội nghị", "the conference"),
    "ceremony": ("buổi lễ", "the ceremony"),
}


def _hall_items(kind: str) -> tuple[TemplateItem, ...]:
    """The items of an event held in a hall (every kind but an election), owned as
    SERVICE_BY_KIND says and naming the event as _NOUNS does: the 2020 - 2025 term's COVID-19
    measures (``until`` TERM_2025), then the medical cover and hygiene of a later term."""
    vi, en = _NOUNS[kind]
    service = SERVICE_BY_KIND[kind]
    kinds = (kind,)
    return (
        template_item(
            "disinfection.plan",
            f"Kế hoạch phòng, chống dịch COVID-19 tại {vi}",
            f"COVID-19 prevention plan for {en}",
            service, 7, kinds=kinds, until=TERM_2025,
        ),
        template_item(
            "disinfection.plan",
            f"Kế hoạch bảo đảm y tế, vệ sinh phục vụ {vi}",
            f"Plan for the medical cover and hygiene of {en}",
            service, 7, kinds=kinds, since=TERM_2025,
        ),
        template_item(
            "disinfection.spraying-schedule",
            f"Thống nhất lịch phun khử khuẩn toàn bộ khu vực {vi} với Trạm Y tế phường",
            "Spraying schedule for the whole venue agreed with the ward health station",
            service, 3, kinds=kinds,
        ),
        template_item(
            "disinfection.health-declaration",
            f"Đại biểu khai báo y tế; người có triệu chứng không dự {vi}",
            "Delegates declare their health; anyone with symptoms stays away",
            HEALTH_STATION, 1, kinds=kinds, until=TERM_2025,
        ),
        template_item(
            "disinfection.first-aid",
            "Chuẩn bị thuốc, dụng cụ sơ cứu và phương án chuyển người bệnh đến cơ sở y tế",
            "Medicines, first-aid kit and a plan to take anyone taken ill to a medical facility",
            HEALTH_STATION, 1, kinds=kinds, since=TERM_2025,
        ),
        template_item(
            "disinfection.seating",
            "Bố trí chỗ ngồi giãn cách, có biển tên đại biểu",
            "Spaced seating with name cards",
            service, 1, kinds=kinds, until=TERM_2025,
        ),
        template_item(
            "disinfection.sanitiser-points",
            "Đặt dung dịch sát khuẩn tay ở lối vào, sảnh và hội trường",
            "Hand sanitiser at the entrances, the lobby and the hall",
            service, 1, kinds=kinds,
        ),
        template_item(
            "disinfection.health-checks",
            f"Kiểm tra y tế đại biểu trong thời gian {vi}",
            f"Health checks of the delegates during {en}",
            HEALTH_STATION, phase=Phase.DURING, kinds=kinds, until=TERM_2025,
        ),
        template_item(
            "disinfection.health-checks",
            f"Cán bộ y tế trực, chăm sóc sức khỏe đại biểu trong thời gian {vi}",
            f"Medical staff on duty for the delegates' health during {en}",
            HEALTH_STATION, phase=Phase.DURING, kinds=kinds, since=TERM_2025,
        ),
    )  # fmt: skip


_ELECTION = ("election",)

#: The area's items, each for the kinds it names: an item that differs by kind is a row per
#: kind (the same id), and ``init --template KIND`` writes the row of that kind. An election's
#: are a polling area's: its voters, its waiting area and voting booths.
TEMPLATE = (
    # kinds, id, Vietnamese title, English title, owner, lead days (none during the event)
    *_hall_items("party-congress"),
    *_hall_items("congress"),
    template_item(
        "disinfection.plan",
        "Kế hoạch phòng, chống dịch COVID-19 tại khu vực bỏ phiếu",
        "COVID-19 prevention plan for the polling area",
        ELECTION_TEAM, 7, kinds=_ELECTION, until=TERM_2025
    ),
    template_item(
        "disinfection.plan",
        "Kế hoạch bảo đảm y tế, vệ sinh tại khu vực bỏ phiếu",
        "Plan for the medical cover and hygiene of the polling area",
        ELECTION_TEAM, 7, kinds=_ELECTION, since=TERM_2025
    ),
    template_item(
        "disinfection.spraying-schedule",
        "Thống nhất lịch phun khử khuẩn khu vực bỏ phiếu với Trạm Y tế phường",
        "Spraying schedule for the polling area agreed with the ward health station",
        ELECTION_TEAM, 3, kinds=_ELECTION
    ),
    template_item(
        "disinfection.health-declaration",
        "Thành viên Tổ bầu cử, cử tri khai báo y tế theo hướng dẫn của Trạm Y tế phường",
        "Polling team members and voters declare their health as the ward health station "
        "directs",
        HEALTH_STATION, 1, kinds=_ELECTION, until=TERM_2025
    ),
    template_item(
        "disinfection.first-aid",
        "Chuẩn bị thuốc, dụng cụ sơ cứu và phương án chuyển người bệnh đến cơ sở y tế",
        "Medicines, first-aid kit and a plan to take anyone taken ill to a medical facility",
        HEALTH_STATION, 1, kinds=_ELECTION, since=TERM_2025
    ),
    template_item(
        "disinfection.seating",
        "Bố trí khu vực chờ, nơi viết phiếu bảo đảm giãn cách",
        "Spaced waiting area and voting booths",
        ELECTION_TEAM, 1, kinds=_ELECTION, until=TERM_2025
    ),
    template_item(
        "disinfection.sanitiser-points",
        "Đặt dung dịch sát khuẩn tay ở lối vào và phòng bỏ phiếu",
        "Hand sanitiser at the entrances and in the polling room",
        ELECTION_TEAM, 1, kinds=_ELECTION
    ),
    template_item(
        "disinfection.health-checks",
        "Kiểm tra y tế cử tri tại khu vực bỏ phiếu trong ngày bầu cử",
        "Health checks of the voters at the polling area on election day",
        HEALTH_STATION, phase=Phase.DURING, kinds=_ELECTION, until=TERM_2025
    ),
    template_item(
        "disinfection.health-checks",
        "Cán bộ y tế trực tại khu vực bỏ phiếu trong ngày bầu cử",
        "Medical staff on duty at the polling area on election day",
        HEALTH_STATION, phase=Phase.DURING, kinds=_ELECTION, since=TERM_2025
    ),
    *_hall_items("council-session"),
    *_hall_items("conference"),
    *_hall_items("ceremony"),
)  # fmt: skip

#: The body of ``[areas.disinfection.settings]`` that ``venue-ready init`` writes. It names no
#: zone or entrance (those differ from venue to venue), so it is valid for any event; the
#: records are commented-out examples to copy and fill in.
SETTINGS_EXAMPLE = """\
# Phun khử khuẩn: mỗi khu vực của địa điểm phải được phun trong vòng window_hours giờ trước
# giờ khai mạc của từng ngày (ngày bầu cử: trước giờ bắt đầu bỏ phiếu).
# Spraying: every venue zone is sprayed within window_hours before each day's opening (on
# election day, before the polls open).
window_hours = 24
# daily_opening = "07:30"        # giờ khai mạc các ngày sau ngày đầu / later days' opening
# team = "Trạm Y tế phường"      # đơn vị phun mặc định / who sprays, by default
# sprayings = [
#   { zone = "hall", at = 2020-05-14T14:00:00+07:00, by = "Trạm Y tế phường" },
#   { zone = ["lobby", "corridors"], at = 2020-05-14T14:30:00+07:00 },
# ]

# Biện pháp phòng dịch (đo thân nhiệt ở mọi lối vào, khẩu trang): mặc định có với sự kiện khai
# mạc trước năm 2025 (nhiệm kỳ 2020 - 2025, thời kỳ phòng, chống dịch COVID-19), không có từ
# nhiệm kỳ 2025 - 2030; ghi true khi địa phương có yêu cầu phòng dịch.
# Epidemic measures (a temperature checkpoint at every entrance, masks): on by default for an
# event opening before 2025 (the 2020 - 2025 term, under the COVID-19 rules), off from the
# 2025 - 2030 term; set true when the locality requires them.
# epidemic_measures = true
checkpoint_lead_hours = 12
# checkpoints = [
#   { entrance = "main-gate", staff = "Đoàn Thanh niên phường" },
# ]

# Khẩu trang (khi có biện pháp phòng dịch), dung dịch sát khuẩn tay cho số người dự, lấy từ
# [event.attendance] (người dự, khách mời, phục vụ). Chỉ ghi ở đây để thay số đó: guests, staff,
# hoặc attendance thay cho cả ba.
# Masks (with the epidemic measures) and hand sanitiser for everyone expected, from
# [event.attendance]; set these only to override it: guests, staff, or attendance instead of
# all three.
# guests = 10
# staff = 20
# attendance = 180
masks_per_person = 2
sanitiser_ml_per_person = 30
supplies_lead_days = 1
# supplies = { masks = 400, sanitiser_litres = 6, soap_in_toilets = true }

# Người phụ trách, mặc định theo loại sự kiện: Tiểu ban Phục vụ (Đại hội Đảng bộ), Ban Tổ chức
# Đại hội (Đại hội của tổ chức khác), Văn phòng HĐND - UBND phường (kỳ họp, hội nghị, lễ kỷ
# niệm), Tổ bầu cử (bầu cử); đội y tế: Trạm Y tế phường
# (who sets up the checkpoints, buys the supplies, answers for the medical team; by kind)
# owner_checkpoints = "Tiểu ban Phục vụ"
# owner_supplies = "Tiểu ban Phục vụ"
# owner_medical = "Trạm Y tế phường"

# Đội y tế thường trực / the medical standby team
min_medical_members = 2
medical_lead_days = 2
# medical_team = { team = "Trạm Y tế phường", members = 3, confirmed_on = 2020-05-12 }
"""
