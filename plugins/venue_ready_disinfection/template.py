"""The area's template checklist for new event files, its owner roles, and its settings example.

The template (the items are data, in ``template.toml`` beside this module) holds the work that
is not derived from the settings (the rules in ``rules.py`` check the sprayings, the
checkpoints, the supplies and the medical team): the prevention plan, spaced seating, health
declarations, sanitiser points. Lead times follow the domain notes (Decision 3888/QĐ-BYT for
meetings of 30 or more people); none is a gate there.
"""

from __future__ import annotations

from datetime import date

from venue_ready import Bodies, Role, packaged_template

__all__ = [
    "ELECTION_TEAM",
    "HEALTH_STATION",
    "KEY",
    "OFFICE",
    "ORGANISING",
    "OWNERS",
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
#: sprays, checks health and stands by; the congress's service sub-committee (one of the ward's
#: bodies every area names, named once by the core) sets up checkpoints and buys supplies.
HEALTH_STATION, ORGANISING = ROLES = (
    Role("disinfection.role.health-station", "Trạm Y tế phường", "Ward health station"),
    Role("disinfection.role.organising", "Ban Tổ chức Đại hội", "Congress organising committee"),
)
SERVICE, OFFICE, ELECTION_TEAM = Bodies.SERVICE, Bodies.STATE_OFFICE, Bodies.ELECTION_TEAM

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


#: The bodies ``template.toml`` names, by its key.
OWNERS = {
    "health-station": HEALTH_STATION,
    "service": SERVICE,
    "organising": ORGANISING,
    "office": OFFICE,
    "election-team": ELECTION_TEAM,
}

#: The area's items, each for the kinds it names: an item that differs by kind or by term is a
#: row per kind and term (the same id), and ``init --template KIND`` writes the rows of that
#: kind. They are data, in ``template.toml`` beside this module, read the first time the
#: template is asked for: a hall's items name the event as its kind does; an election's are a
#: polling area's (its voters, its waiting area and voting booths).
TEMPLATE = packaged_template(__name__, OWNERS)

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
