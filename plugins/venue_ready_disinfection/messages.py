"""The area's message catalog, Vietnamese and English: the same ids and parameters in both.

Dates, datetimes and floats passed as parameters are formatted by the core in the reader's
language (``16 giờ 00 ngày 14 tháng 5 năm 2020`` / ``14 May 2020, 16:00``; ``4,5`` / ``4.5``).
"""

from __future__ import annotations

from .template import ROLES

__all__ = ["MESSAGES"]

_VI: dict[str, str] = {
    # how the messages name the start: an election's polls open, any other event opens
    "disinfection.word.start.election": "giờ bắt đầu bỏ phiếu",
    "disinfection.word.start.council-session": "giờ khai mạc kỳ họp",
    "disinfection.word.start.ceremony": "giờ bắt đầu buổi lễ",
    "disinfection.word.start.other": "giờ khai mạc",
    # -- spraying ---------------------------------------------------------------------------------
    "disinfection.zone-sprayed": (
        "{zone} đã được {by} phun khử khuẩn lúc {at}, trong vòng {window} giờ trước {start} "
        "({opening})"
    ),
    "disinfection.zone-missed": ("{zone} chưa được phun khử khuẩn trước {start} ({opening})"),
    "disinfection.zone-too-early": (
        "{zone} được phun khử khuẩn lần gần nhất lúc {last}, trước {start} hơn "
        "{window} giờ: cần phun lại trong khoảng {window_start:range=opening}"
    ),
    "disinfection.zone-planned": (
        "{zone} có lịch phun khử khuẩn lúc {at}, chưa đến giờ phun nên chưa được tính là đã "
        "phun trước {start} ({opening})"
    ),
    "disinfection.no-zones": (
        "Địa điểm chưa khai báo khu vực nào ([venue] zones): chưa đánh giá được việc phun khử khuẩn"
    ),
    # -- temperature checkpoints --------------------------------------------------------------
    "disinfection.checkpoint-set": (
        "{entrance} đã bố trí điểm đo thân nhiệt, do {staff} phụ trách"
    ),
    "disinfection.checkpoint-missing": ("{entrance} chưa có điểm đo thân nhiệt"),
    "disinfection.checkpoint-planned": (
        "Điểm đo thân nhiệt ở {entrance} dự kiến bố trí lúc {at}, chưa đến thời điểm đó"
    ),
    "disinfection.no-entrances": (
        "Địa điểm chưa khai báo lối vào nào ([venue] entrances): chưa đánh giá được các điểm đo "
        "thân nhiệt"
    ),
    # -- supplies -----------------------------------------------------------------------------
    "disinfection.masks-enough": (
        "Đã chuẩn bị {stock} chiếc khẩu trang cho {people} người (cần {need} chiếc, mỗi người "
        "{per_person} chiếc)"
    ),
    "disinfection.masks-short": (
        "Mới chuẩn bị {stock} chiếc khẩu trang cho {people} người, cần {need} chiếc (mỗi người "
        "{per_person} chiếc): còn thiếu {missing} chiếc"
    ),
    "disinfection.masks-unknown": ("Chưa ghi số khẩu trang đã chuẩn bị ([supplies] masks)"),
    "disinfection.sanitiser-enough": (
        "Đã chuẩn bị {stock} lít dung dịch sát khuẩn tay cho {people} người (cần {need} lít, "
        "mỗi người {per_person} ml)"
    ),
    "disinfection.sanitiser-short": (
        "Mới chuẩn bị {stock} lít dung dịch sát khuẩn tay cho {people} người, cần {need} lít "
        "(mỗi người {per_person} ml): còn thiếu {missing} lít"
    ),
    "disinfection.sanitiser-unknown": (
        "Chưa ghi lượng dung dịch sát khuẩn tay đã chuẩn bị ([supplies] sanitiser_litres)"
    ),
    "disinfection.attendance-unknown": (
        "Chưa biết số người dự nên chưa tính được lượng cần chuẩn bị (khai báo participants ở "
        "[event.attendance], hoặc attendance trong settings của khu vực)"
    ),
    "disinfection.soap-present": "Nhà vệ sinh có xà phòng rửa tay",
    "disinfection.soap-missing": "Nhà vệ sinh chưa có xà phòng rửa tay: cần bổ sung",
    # -- medical team -------------------------------------------------------------------------
    "disinfection.medical-team-ready": (
        "Đội y tế thường trực của {team} gồm {members} người, đã xác nhận tham gia {confirmed}"
    ),
    "disinfection.medical-team-unconfirmed": (
        "Đội y tế thường trực của {team} ({members} người) chưa xác nhận tham gia"
    ),
    "disinfection.medical-team-short": (
        "Đội y tế thường trực của {team} mới có {members} người, cần ít nhất {needed}"
    ),
    "disinfection.medical-team-unconfirmed-short": (
        "Đội y tế thường trực của {team} chưa xác nhận tham gia và mới có {members} người, cần "
        "ít nhất {needed}"
    ),
    "disinfection.medical-team-missing": ("Chưa bố trí đội y tế thường trực ([medical_team])"),
    "disinfection.medical-on-duty": (
        "Đội y tế của {team} trực từ {since}, trước {start} ({opening})"
    ),
    "disinfection.medical-not-on-duty": (
        "Đội y tế của {team} chưa vào vị trí trực (cần có mặt trước {start}, {opening})"
    ),
    "disinfection.medical-late": (
        "Đội y tế của {team} vào trực lúc {since}, sau {start} ({opening})"
    ),
    # -- settings problems --------------------------------------------------------------------
    "disinfection.settings.bare-date": (
        "'{value}' chỉ có ngày, thiếu giờ (cần ngày giờ, ví dụ 2020-05-14T15:00:00+07:00, vì "
        "khung phun khử khuẩn tính theo giờ)"
    ),
    "disinfection.settings.bad-time": ("'{value}' không phải giờ hợp lệ (cần dạng \"07:30\")"),
    "disinfection.settings.unknown-zone-hint": (
        "không có khu vực '{value}' ở địa điểm (có phải ý bạn là '{hint}'? các khu vực: {known})"
    ),
    "disinfection.settings.unknown-zone": (
        "không có khu vực '{value}' ở địa điểm (các khu vực: {known})"
    ),
    "disinfection.settings.unknown-entrance-hint": (
        "không có lối vào '{value}' ở địa điểm (có phải ý bạn là '{hint}'? các lối vào: {known})"
    ),
    "disinfection.settings.unknown-entrance": (
        "không có lối vào '{value}' ở địa điểm (các lối vào: {known})"
    ),
    "disinfection.settings.no-zone": (
        "danh sách khu vực trống (cần mã của ít nhất một khu vực đã phun)"
    ),
    "disinfection.settings.attendance-and-parts": (
        "attendance đã là tổng số người dự, không dùng cùng guests hoặc staff (chỉ giữ một cách)"
    ),
}

_EN: dict[str, str] = {
    "disinfection.word.start.election": "the opening of the polls",
    "disinfection.word.start.council-session": "the opening of the session",
    "disinfection.word.start.ceremony": "the start of the ceremony",
    "disinfection.word.start.other": "the opening",
    "disinfection.zone-sprayed": (
        "Zone {zone} was disinfected at {at} by {by}, within {window} hours before {start} "
        "at {opening}"
    ),
    "disinfection.zone-missed": ("Zone {zone} not disinfected before {start} at {opening}"),
    "disinfection.zone-too-early": (
        "Zone {zone} was last disinfected at {last}, more than {window} hours before "
        "{start}: spray it again within {window_start:range=opening}"
    ),
    "disinfection.zone-planned": (
        "Zone {zone} is to be sprayed at {at}, which is still to come; it does not count yet "
        "for {start} at {opening}"
    ),
    "disinfection.no-zones": (
        "The venue lists no zones ([venue] zones): disinfection cannot be checked"
    ),
    "disinfection.checkpoint-set": (
        "Entrance {entrance} has a temperature checkpoint, staffed by {staff}"
    ),
    "disinfection.checkpoint-missing": ("No temperature checkpoint at entrance {entrance}"),
    "disinfection.checkpoint-planned": (
        "The temperature checkpoint at entrance {entrance} is to be set up at {at}, which is "
        "still to come"
    ),
    "disinfection.no-entrances": (
        "The venue lists no entrances ([venue] entrances): temperature checkpoints cannot be "
        "checked"
    ),
    "disinfection.masks-enough": (
        "{stock} masks for {people} people ({need} needed, {per_person} per person)"
    ),
    "disinfection.masks-short": (
        "Only {stock} masks for {people} people, {need} needed ({per_person} per person): "
        "{missing} short"
    ),
    "disinfection.masks-unknown": "The stock of masks is not recorded ([supplies] masks)",
    "disinfection.sanitiser-enough": (
        "{stock} litres of hand sanitiser for {people} people ({need} litres needed, "
        "{per_person} ml per person)"
    ),
    "disinfection.sanitiser-short": (
        "Only {stock} litres of hand sanitiser for {people} people, {need} litres needed "
        "({per_person} ml per person): {missing} litres short"
    ),
    "disinfection.sanitiser-unknown": (
        "The stock of hand sanitiser is not recorded ([supplies] sanitiser_litres)"
    ),
    "disinfection.attendance-unknown": (
        "The attendance is unknown, so what is needed cannot be worked out (set participants "
        "in [event.attendance], or attendance in the area's settings)"
    ),
    "disinfection.soap-present": "There is soap in the toilets",
    "disinfection.soap-missing": "No soap in the toilets: put soap in every toilet",
    "disinfection.medical-team-ready": (
        "The medical standby team of {team}: {members} members, confirmed on {confirmed}"
    ),
    "disinfection.medical-team-ready.one": (
        "The medical standby team of {team}: {members} member, confirmed on {confirmed}"
    ),
    "disinfection.medical-team-unconfirmed": (
        "The medical standby team of {team} ({members} members) has not confirmed yet"
    ),
    "disinfection.medical-team-unconfirmed.one": (
        "The medical standby team of {team} ({members} member) has not confirmed yet"
    ),
    "disinfection.medical-team-short": (
        "The medical standby team of {team} has {members} members, at least {needed} needed"
    ),
    "disinfection.medical-team-short.one": (
        "The medical standby team of {team} has {members} member, at least {needed} needed"
    ),
    "disinfection.medical-team-unconfirmed-short": (
        "The medical standby team of {team} has not confirmed yet and has {members} members, "
        "at least {needed} needed"
    ),
    "disinfection.medical-team-unconfirmed-short.one": (
        "The medical standby team of {team} has not confirmed yet and has {members} member, "
        "at least {needed} needed"
    ),
    "disinfection.medical-team-missing": "No medical standby team arranged ([medical_team])",
    "disinfection.medical-on-duty": (
        "The medical team of {team} on duty since {since}, before {start} at {opening}"
    ),
    "disinfection.medical-not-on-duty": (
        "The medical team of {team} is not on duty yet (needed before {start} at {opening})"
    ),
    "disinfection.medical-late": (
        "The medical team of {team} went on duty at {since}, after {start} at {opening}"
    ),
    "disinfection.settings.bare-date": (
        "'{value}' is a date without a time (expected a date and time such as "
        "2020-05-14T15:00:00+07:00: the spraying window is counted in hours)"
    ),
    "disinfection.settings.bad-time": "'{value}' is not a valid time of day (expected \"07:30\")",
    "disinfection.settings.unknown-zone-hint": (
        "the venue has no zone '{value}' (did you mean '{hint}'? zones: {known})"
    ),
    "disinfection.settings.unknown-zone": "the venue has no zone '{value}' (zones: {known})",
    "disinfection.settings.unknown-entrance-hint": (
        "the venue has no entrance '{value}' (did you mean '{hint}'? entrances: {known})"
    ),
    "disinfection.settings.unknown-entrance": (
        "the venue has no entrance '{value}' (entrances: {known})"
    ),
    "disinfection.settings.no-zone": (
        "the list of zones is empty (expected the id of at least one zone sprayed)"
    ),
    "disinfection.settings.attendance-and-parts": (
        "attendance is already the total attendance and cannot be combined with guests or staff "
        "(keep one or the other)"
    ),
}

# The default owner roles, named in both languages (template.ROLES).
for _role in ROLES:
    _VI[_role.id], _EN[_role.id] = _role.vi, _role.en

# Vietnamese has no plural: a counted message's singular form (``<id>.one``, chosen when the
# count is 1) reads as its other form, kept so that both catalogs have the same keys.
_VI.update(
    {key: _VI[key.removesuffix(".one")] for key in _EN if key.endswith(".one") and key not in _VI}
)

MESSAGES: dict[str, dict[str, str]] = {"vi": _VI, "en": _EN}
