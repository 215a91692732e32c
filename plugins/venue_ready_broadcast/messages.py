"""The ward radio area's message catalog, Vietnamese and English (same ids, same parameters).

Dates, datetimes and floats passed as parameters are formatted by the core for each language.
One message a line, as in the core's catalog: a message reads better whole than wrapped.
"""

# ruff: noqa: E501

from __future__ import annotations

from .template import KIND_WORDS, ROLES

__all__ = ["MESSAGES"]

_VI = {
    # -- the schedule: each day before, the opening, the closing, the results ----------------------
    "broadcast.day-scheduled": "Lịch phát thanh {day}: có {count} buổi về {about}",
    "broadcast.day-missing": "Lịch phát thanh {day}: chưa có buổi nào về {about} (cần ít nhất một buổi mỗi ngày, kể từ {from_days} ngày trước {start_day})",
    "broadcast.day-no-schedule": "Phát thanh {day}: chưa nhập lịch phát thanh ([[slots]]), chưa đánh giá được ngày này",
    "broadcast.opening-scheduled": 'Phát thanh ngày khai mạc: có buổi phát "{content}" vào {at}',
    "broadcast.opening-missing": 'Chưa có buổi phát thanh khai mạc (kind = "opening") trong ngày khai mạc ({day})',
    "broadcast.opening-no-schedule": "Phát thanh ngày khai mạc ({day}): chưa nhập lịch phát thanh ([[slots]]), chưa đánh giá được",
    "broadcast.reminder-scheduled": "Phát thanh {day}: có {count} buổi nhắc về {about} trong ngày (cần ít nhất {min} buổi)",
    "broadcast.reminder-missing": 'Phát thanh {day}: mới có {count} buổi nhắc về {about} trong ngày (kind = "reminder"), cần ít nhất {min} buổi',
    "broadcast.reminder-none": 'Phát thanh {day}: chưa có buổi nhắc nào về {about} trong ngày (kind = "reminder"), cần ít nhất {min} buổi',
    "broadcast.reminder-no-schedule": "Phát thanh {day}, các buổi nhắc trong ngày: chưa nhập lịch phát thanh ([[slots]]), chưa đánh giá được",
    "broadcast.closing-scheduled": 'Phát thanh bế mạc: có buổi phát "{content}" vào {at}',
    "broadcast.closing-missing": 'Chưa có buổi phát thanh bế mạc (kind = "closing") trong ngày bế mạc ({day})',
    "broadcast.closing-no-schedule": "Phát thanh ngày bế mạc ({day}): chưa nhập lịch phát thanh ([[slots]]), chưa đánh giá được",
    "broadcast.results-scheduled": 'Phát thanh kết quả {about}: có buổi phát "{content}" vào {at}',
    "broadcast.results-missing": 'Chưa có buổi phát thanh kết quả {about} (kind = "results") sau {end}, chậm nhất {by} ({days} ngày sau {end})',
    "broadcast.results-no-schedule": "Phát thanh kết quả {about} (chậm nhất {by}): chưa nhập lịch phát thanh ([[slots]]), chưa đánh giá được",
    # -- each slot ---------------------------------------------------------------------------------
    "broadcast.slot-approved": 'Buổi phát thanh "{content}" ({at}): nội dung đã được {by} duyệt {on}',
    "broadcast.slot-not-approved": 'Buổi phát thanh "{content}" ({at}): nội dung chưa được {approver} duyệt (phải duyệt trước giờ phát ít nhất {lead} giờ)',
    "broadcast.slot-approved-later": 'Buổi phát thanh "{content}" ({at}): {by} duyệt {on}, sau thời điểm đánh giá',
    "broadcast.slot-approved-other": 'Buổi phát thanh "{content}" ({at}): mới có {by} duyệt {on}, nội dung cần được {approver} duyệt',
    "broadcast.slot-aired": 'Buổi phát thanh "{content}": đã phát vào {aired}',
    "broadcast.slot-not-aired": 'Buổi phát thanh "{content}": đã đến giờ phát {at} nhưng chưa có ghi nhận đã phát (aired)',
    "broadcast.too-long": 'Buổi phát thanh "{content}" ({at}): dài {minutes} phút, vượt giới hạn {max} phút mỗi buổi',
    # -- the local limits --------------------------------------------------------------------------
    "broadcast.over-limit": "Lịch phát thanh {day}: có {count} buổi, vượt giới hạn {max} buổi mỗi ngày; hãy bớt hoặc dời bớt buổi phát",
    # -- the loudspeaker clusters ------------------------------------------------------------------
    "broadcast.clusters-ok": "{working}/{total} cụm loa hoạt động tốt ({percent}%, yêu cầu tối thiểu {threshold}%), kiểm tra {checked}",
    "broadcast.clusters-low": "Mới có {working}/{total} cụm loa hoạt động ({percent}%, dưới mức yêu cầu tối thiểu {threshold}%), kiểm tra {checked}: cần sửa thêm {needed} cụm loa",
    "broadcast.clusters-stale": "{working}/{total} cụm loa hoạt động nhưng lần kiểm tra {checked} cách {start} hơn {check_days} ngày (yêu cầu tối thiểu {threshold}%): cần kiểm tra lại",
    "broadcast.clusters-unchecked": "{working}/{total} cụm loa hoạt động (yêu cầu tối thiểu {threshold}%) nhưng chưa ghi ngày kiểm tra (checked): cần kiểm tra trong vòng {check_days} ngày trước {start}",
    "broadcast.clusters-checked-later": "Cụm loa được kiểm tra {checked}, sau thời điểm đánh giá (yêu cầu tối thiểu {threshold}%)",
    "broadcast.clusters-missing": "Chưa có số liệu cụm loa ([clusters]: total, working, checked), chưa đánh giá được",
    # -- settings problems -------------------------------------------------------------------------
    "broadcast.settings.working-above-total": "số cụm loa hoạt động ({working}) lớn hơn tổng số cụm loa ({total}) (cần working không quá total)",
    "broadcast.settings.approved-on-missing": "có người duyệt (approved_by) nhưng thiếu ngày duyệt (cần approved_on = 2020-05-13)",
    "broadcast.settings.approved-by-missing": 'có ngày duyệt (approved_on) nhưng thiếu người duyệt (cần approved_by = "...")',
}

_EN = {
    # -- the schedule: each day before, the opening, the closing, the results ----------------------
    "broadcast.day-scheduled": "{day}: {count} broadcasts about {about} scheduled",
    "broadcast.day-scheduled.one": "{day}: {count} broadcast about {about} scheduled",
    "broadcast.day-missing": "{day}: no broadcast about {about} scheduled (at least one a day is expected from {from_days} days before {start_day})",
    "broadcast.day-no-schedule": "{day}: no broadcast schedule ([[slots]]) given, so this day cannot be assessed",
    "broadcast.opening-scheduled": 'Broadcast on the opening day: "{content}" at {at}',
    "broadcast.opening-missing": 'No opening broadcast (kind = "opening") scheduled on the opening day, {day}',
    "broadcast.opening-no-schedule": "Broadcast on the opening day, {day}: no broadcast schedule ([[slots]]) given, not assessed",
    "broadcast.reminder-scheduled": "{day}: {count} reminders about {about} on the day (at least {min} expected)",
    "broadcast.reminder-scheduled.one": "{day}: {count} reminder about {about} on the day (at least {min} expected)",
    "broadcast.reminder-missing": '{day}: {count} reminders about {about} on the day (kind = "reminder"), at least {min} expected',
    "broadcast.reminder-missing.one": '{day}: {count} reminder about {about} on the day (kind = "reminder"), at least {min} expected',
    "broadcast.reminder-none": '{day}: no reminder about {about} on the day (kind = "reminder"), at least {min} expected',
    "broadcast.reminder-no-schedule": "{day}: no broadcast schedule ([[slots]]) given, so the reminders on the day cannot be assessed",
    "broadcast.closing-scheduled": 'Closing broadcast: "{content}" at {at}',
    "broadcast.closing-missing": 'No closing broadcast (kind = "closing") scheduled on the closing day, {day}',
    "broadcast.closing-no-schedule": "Broadcast on the closing day, {day}: no broadcast schedule ([[slots]]) given, not assessed",
    "broadcast.results-scheduled": 'Broadcast of {about}\'s results: "{content}" at {at}',
    "broadcast.results-missing": 'No broadcast of {about}\'s results (kind = "results") scheduled after {end}, by {by} ({days} days after {end})',
    "broadcast.results-no-schedule": "Broadcast of {about}'s results (by {by}): no broadcast schedule ([[slots]]) given, not assessed",
    # -- each slot ---------------------------------------------------------------------------------
    "broadcast.slot-approved": 'Broadcast "{content}" ({at}): content approved by {by} on {on}',
    "broadcast.slot-not-approved": 'Broadcast "{content}" ({at}): content not approved yet (approver: {approver}; approval is needed at least {lead} hours before it airs)',
    "broadcast.slot-approved-later": 'Broadcast "{content}" ({at}): approved by {by} on {on}, after the assessment',
    "broadcast.slot-approved-other": 'Broadcast "{content}" ({at}): approved by {by} on {on} only, but the content needs approval (approver: {approver})',
    "broadcast.slot-aired": 'Broadcast "{content}": aired on {aired}',
    "broadcast.slot-not-aired": 'Broadcast "{content}": due on air at {at}, but there is no record that it went out (aired)',
    "broadcast.too-long": 'Broadcast "{content}" ({at}): {minutes} minutes long, over the limit of {max} minutes a broadcast',
    # -- the local limits --------------------------------------------------------------------------
    "broadcast.over-limit": "{day}: {count} broadcasts, over the limit of {max} a day; drop or move some of them",
    "broadcast.over-limit.one": "{day}: {count} broadcast, over the limit of {max} a day; drop or move it",
    # -- the loudspeaker clusters ------------------------------------------------------------------
    "broadcast.clusters-ok": "{working}/{total} loudspeaker clusters working ({percent}%, at least {threshold}% required), checked {checked}",
    "broadcast.clusters-low": "Only {working}/{total} loudspeaker clusters working ({percent}%, below the {threshold}% required), checked {checked}: repair {needed} more",
    "broadcast.clusters-stale": "{working}/{total} loudspeaker clusters working, but the check on {checked} is more than {check_days} days before {start} (at least {threshold}% required): check them again",
    "broadcast.clusters-unchecked": "{working}/{total} loudspeaker clusters working (at least {threshold}% required), but no date of the check (checked): check them within {check_days} days before {start}",
    "broadcast.clusters-checked-later": "The loudspeaker clusters were checked {checked}, after the assessment (at least {threshold}% required)",
    "broadcast.clusters-missing": "No loudspeaker cluster figures given ([clusters]: total, working, checked): not assessed",
    # -- settings problems -------------------------------------------------------------------------
    "broadcast.settings.working-above-total": "working clusters ({working}) are more than the total ({total}) (expected working to be at most total)",
    "broadcast.settings.approved-on-missing": "approved_by is given but not the date of approval (expected approved_on = 2020-05-13)",
    "broadcast.settings.approved-by-missing": 'approved_on is given but not who approved (expected approved_by = "...")',
}

# The owner roles, named in both languages (template.ROLES).
for _role in ROLES:
    _VI[_role.id], _EN[_role.id] = _role.vi, _role.en

# How the messages name each kind of event and its moments (template.KIND_WORDS).
for _kind, _words in KIND_WORDS.items():
    for _part, (_vi, _en) in _words.items():
        _VI[f"broadcast.word.{_part}.{_kind}"], _EN[f"broadcast.word.{_part}.{_kind}"] = _vi, _en

# Vietnamese has no plural: a counted message's singular form (``<id>.one``, chosen when the
# count is 1) reads as its other form, kept so that both catalogs have the same keys.
_VI.update(
    {key: _VI[key.removesuffix(".one")] for key in _EN if key.endswith(".one") and key not in _VI}
)

MESSAGES: dict[str, dict[str, str]] = {"vi": _VI, "en": _EN}
