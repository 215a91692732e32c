"""The security area's message catalog, Vietnamese and English.

Same ids and the same ``{params}`` in both languages; ``str.format`` templates. Dates and
numbers passed as parameters are formatted by the core for the reader's language;
``{status:@item-status}`` looks up the core's item statuses.
"""

from __future__ import annotations

from .template import ROLES

__all__ = ["MESSAGES"]

_VI: dict[str, str] = {
    # -- the security plan ----------------------------------------------------------------------
    "security.plan-approved": "{title}: đã được {by} phê duyệt",
    "security.plan-missing": (
        "Chưa có đầu việc lập phương án bảo đảm an ninh, trật tự "
        '(thêm đầu việc có id = "{item}" và trình {approver} phê duyệt)'
    ),
    "security.plan-waived": "{title}: được miễn",
    "security.plan-not-done": (
        "{title}: {status:@item-status}; phương án phải hoàn thành và được {approver} phê duyệt"
    ),
    "security.plan-not-signed": "{title}: chưa được {approver} phê duyệt",
    "security.plan-wrong-signer": (
        "{title}: mới có {by} duyệt, phương án cần được {approver} phê duyệt"
    ),
    "security.plan-signoff-future": (
        "{title}: {approver} duyệt lúc {at}, sau thời điểm đánh giá nên chưa tính"
    ),
    "security.plan-outdated": (
        "{title}: {approver} mới duyệt phiên bản {signed}, phiên bản hiện tại là {current} "
        "(cần trình duyệt lại)"
    ),
    # -- guard posts ----------------------------------------------------------------------------
    "security.entrance-guarded": ("{entrance}: có người gác suốt {start:range=end}"),
    "security.entrance-unguarded": (
        "{entrance}: chưa bố trí chốt gác (cần có người gác {start:range=end})"
    ),
    "security.guard-gap": (
        "{entrance}: chốt gác không có người gác {gaps} "
        "(mới bảo đảm {percent}% thời gian phải gác, {start:range=end})"
    ),
    "security.no-entrances": (
        "Địa điểm chưa khai báo lối vào nào (thêm entrances vào [venue]) "
        "nên chưa kiểm tra được chốt gác"
    ),
    # -- guarded rooms and zones ----------------------------------------------------------------
    "security.place-guarded": "{place}: có người canh gác suốt {start:range=end}",
    "security.place-unguarded": (
        "{place}: chưa bố trí người canh gác (cần canh gác {start:range=end})"
    ),
    "security.place-guard-gap": (
        "{place}: không có người canh gác {gaps} "
        "(mới bảo đảm {percent}% thời gian phải canh gác, {start:range=end})"
    ),
    # -- fire safety (PCCC) ---------------------------------------------------------------------
    "security.extinguisher-valid": (
        "Bình chữa cháy {id} ({zone}): kiểm định {inspected}, còn hạn đến {expires}"
    ),
    "security.extinguisher-expired": (
        "Bình chữa cháy {id} ({zone}): hết hạn kiểm định {expires}, trước khi {event_end} "
        "(cần kiểm định lại hoặc thay bình)"
    ),
    "security.extinguisher-not-inspected": (
        "Bình chữa cháy {id} ({zone}): chưa có ngày kiểm định (ghi inspected)"
    ),
    "security.extinguisher-inspected-later": (
        "Bình chữa cháy {id} ({zone}): kiểm định {inspected}, sau thời điểm đánh giá nên chưa tính"
    ),
    "security.extinguishers-count": (
        "Có {valid} bình chữa cháy còn hạn kiểm định, cần ít nhất {required} "
        "({attendance} người có mặt cùng lúc, mỗi bình cho {per} người, tối thiểu {minimum} bình)"
    ),
    "security.extinguishers-no-attendance": (
        "Chưa biết số người dự (khai báo participants trong [event.attendance] hoặc attendance "
        "trong cài đặt) nên chưa tính được số bình chữa cháy cần có"
    ),
    "security.extinguishers-no-at-once": (
        "Chưa biết số người có mặt cùng lúc (khai báo at_once trong [event.attendance], hoặc "
        "attendance trong cài đặt) nên chưa tính được số bình chữa cháy cần có: người dự đến "
        "rồi đi trong ngày, tổng số người dự không phải số người có mặt cùng lúc"
    ),
    "security.opening.congress": "khai mạc",
    "security.opening.election": "ngày bầu cử",
    "security.opening.council-session": "khai mạc kỳ họp",
    "security.opening.conference": "khai mạc hội nghị",
    "security.opening.ceremony": "buổi lễ",
    "security.opening.event": "sự kiện",
    "security.end.congress": "Đại hội kết thúc",
    "security.end.election": "kết thúc bỏ phiếu",
    "security.end.council-session": "kỳ họp bế mạc",
    "security.end.conference": "hội nghị kết thúc",
    "security.end.ceremony": "buổi lễ kết thúc",
    "security.end.event": "sự kiện kết thúc",
    "security.exit-name": "{name}",
    "security.exit-name-kind": "{name} (lối thoát hiểm)",
    "security.exit-checked": "{exit}: đã kiểm tra {checked}",
    "security.exit-never-checked": (
        "{exit}: chưa kiểm tra (cần kiểm tra trong {days} ngày trước {opening})"
    ),
    "security.exit-check-stale": (
        "{exit}: kiểm tra lần cuối {checked}, trước {opening} hơn {days} ngày "
        "(cần kiểm tra lại từ {since})"
    ),
    "security.exit-check-later": (
        "{exit}: kiểm tra {checked}, sau thời điểm đánh giá nên chưa tính"
    ),
    "security.no-exits": (
        "Chưa khai báo lối thoát hiểm nào (thêm [[areas.security.settings.exits]]) "
        "nên chưa kiểm tra được"
    ),
    # -- badges ---------------------------------------------------------------------------------
    "security.badges": "Đã cấp {issued} thẻ đại biểu (cần {expected})",
    "security.badges-unknown": (
        "Chưa ghi số thẻ đại biểu đã cấp (badges_issued trong cài đặt), cần {expected}"
    ),
    "security.badges-no-delegates": (
        "Chưa biết số đại biểu (khai báo participants trong [event.attendance]) "
        "nên chưa đối chiếu được số thẻ đại biểu"
    ),
    # -- required items -------------------------------------------------------------------------
    "security.required-item-missing": (
        'Thiếu đầu việc bắt buộc "{title}": thêm vào danh sách đầu việc của mảng (id = "{item}")'
    ),
    "security.required-item-missing-untitled": (
        'Thiếu một đầu việc bắt buộc: thêm vào danh sách đầu việc của mảng (id = "{item}")'
    ),
    # -- settings problems ----------------------------------------------------------------------
    "security.unknown-entrance-hint": (
        "không có lối vào '{value}' trong [venue] (có phải ý bạn là '{hint}'? các lối vào: {known})"
    ),
    "security.unknown-entrance": "không có lối vào '{value}' trong [venue] (các lối vào: {known})",
    "security.unknown-zone-hint": (
        "không có khu vực '{value}' trong [venue] (có phải ý bạn là '{hint}'? các khu vực: {known})"
    ),
    "security.unknown-zone": "không có khu vực '{value}' trong [venue] (các khu vực: {known})",
    "security.post-until-not-after-from": (
        "ca gác kết thúc ({end}) không sau lúc bắt đầu ({start}) (cần until sau from)"
    ),
    "security.no-teams": (
        'danh sách lực lượng trống (cần ít nhất một lực lượng, ví dụ "Công an phường")'
    ),
    "security.unknown-place": (
        "không có nơi canh gác '{value}' (khai báo nơi đó trong "
        "[[areas.security.settings.guarded]] trước)"
    ),
    "security.post-where": (
        "chốt gác cần ghi một trong hai: entrance (lối vào) hoặc place (nơi canh gác)"
    ),
    "security.guarded-unnamed": "nơi canh gác cần có zone, id hoặc name",
    "security.guarded-is-entrance": (
        "'{id}' là một lối vào của [venue]: đặt cho nơi canh gác một id khác"
    ),
    "security.guarded-duplicate": "nơi canh gác '{id}' đã khai báo ở guarded[{first}]",
}

_EN: dict[str, str] = {
    "security.plan-approved": "{title}: approved by {by}",
    "security.plan-missing": (
        'There is no security plan item (add an item with id = "{item}", and have {approver} '
        "approve it)"
    ),
    "security.plan-waived": "{title}: waived",
    "security.plan-not-done": (
        "{title}: {status:@item-status}; the plan must be finished and approved by {approver}"
    ),
    "security.plan-not-signed": "{title}: not yet approved by {approver}",
    "security.plan-wrong-signer": (
        "{title}: approved by {by} only; the plan needs the approval of {approver}"
    ),
    "security.plan-signoff-future": (
        "{title}: approved by {approver} at {at}, after the assessment, so not counted yet"
    ),
    "security.plan-outdated": (
        "{title}: {approver} approved version {signed}, the current version is {current} "
        "(have it approved again)"
    ),
    "security.entrance-guarded": "{entrance}: guarded throughout {start:range=end}",
    "security.entrance-unguarded": (
        "{entrance}: no guard post (a guard is needed for {start:range=end})"
    ),
    "security.guard-gap": (
        "{entrance}: the guard post is unstaffed {gaps} "
        "(guarded {percent}% of the time needed, {start:range=end})"
    ),
    "security.no-entrances": (
        "The venue lists no entrances (add entrances to [venue]), so guard posts cannot be checked"
    ),
    "security.place-guarded": "{place}: guarded throughout {start:range=end}",
    "security.place-unguarded": (
        "{place}: nobody on guard (a guard is needed for {start:range=end})"
    ),
    "security.place-guard-gap": (
        "{place}: nobody on guard {gaps} (guarded {percent}% of the time needed, {start:range=end})"
    ),
    "security.extinguisher-valid": (
        "Extinguisher {id} ({zone}): inspected on {inspected}, valid until {expires}"
    ),
    "security.extinguisher-expired": (
        "Extinguisher {id} ({zone}): its inspection expires on {expires}, before {event_end} "
        "(have it re-inspected or replaced)"
    ),
    "security.end.congress": "the congress ends",
    "security.end.election": "polling closes",
    "security.end.council-session": "the session closes",
    "security.end.conference": "the conference ends",
    "security.end.ceremony": "the ceremony ends",
    "security.end.event": "the event ends",
    "security.extinguisher-not-inspected": (
        "Extinguisher {id} ({zone}): no inspection recorded (set inspected)"
    ),
    "security.extinguisher-inspected-later": (
        "Extinguisher {id} ({zone}): inspected on {inspected}, after the assessment, "
        "so not counted yet"
    ),
    "security.extinguishers-count": (
        "{valid} extinguishers with a valid inspection, at least {required} needed "
        "({attendance} people present at once, one per {per} people, at least {minimum})"
    ),
    "security.extinguishers-count.one": (
        "{valid} extinguisher with a valid inspection, at least {required} needed "
        "({attendance} people present at once, one per {per} people, at least {minimum})"
    ),
    "security.extinguishers-no-attendance": (
        "The attendance is not known (set participants in [event.attendance] or attendance in "
        "the settings), so the number of extinguishers needed cannot be worked out"
    ),
    "security.extinguishers-no-at-once": (
        "The most people present at the same time is not known (set at_once in "
        "[event.attendance], or attendance in the settings), so the number of extinguishers "
        "needed cannot be worked out: the participants come and go over the day, and their "
        "total is not the number present at once"
    ),
    "security.opening.congress": "the opening",
    "security.opening.election": "polling day",
    "security.opening.council-session": "the opening of the session",
    "security.opening.conference": "the opening",
    "security.opening.ceremony": "the ceremony",
    "security.opening.event": "the event",
    "security.exit-name": "Emergency exit {name}",
    "security.exit-name-kind": "Emergency exit {name}",
    "security.exit-checked": "{exit}: checked on {checked}",
    "security.exit-never-checked": (
        "{exit}: not checked (check it within {days} days before {opening})"
    ),
    "security.exit-check-stale": (
        "{exit}: last checked on {checked}, more than {days} days before "
        "{opening} (check it again on or after {since})"
    ),
    "security.exit-check-later": (
        "{exit}: checked on {checked}, after the assessment, so not counted yet"
    ),
    "security.no-exits": (
        "No emergency exits are listed (add [[areas.security.settings.exits]]), "
        "so they cannot be checked"
    ),
    "security.badges": "{issued} delegate badges issued ({expected} needed)",
    "security.badges-unknown": (
        "The number of delegate badges issued is not recorded (badges_issued in the settings); "
        "{expected} are needed"
    ),
    "security.badges-no-delegates": (
        "The number of delegates is not known (set participants in [event.attendance]), "
        "so the badges cannot be counted against it"
    ),
    "security.required-item-missing": (
        'The required item "{title}" is missing: add it to the area\'s items (id = "{item}")'
    ),
    "security.required-item-missing-untitled": (
        'A required item is missing: add it to the area\'s items (id = "{item}")'
    ),
    "security.unknown-entrance-hint": (
        "no entrance '{value}' in [venue] (did you mean '{hint}'? entrances: {known})"
    ),
    "security.unknown-entrance": "no entrance '{value}' in [venue] (entrances: {known})",
    "security.unknown-zone-hint": (
        "no zone '{value}' in [venue] (did you mean '{hint}'? zones: {known})"
    ),
    "security.unknown-zone": "no zone '{value}' in [venue] (zones: {known})",
    "security.post-until-not-after-from": (
        "the post ends ({end}) no later than it starts ({start}) (until must be after from)"
    ),
    "security.no-teams": 'the list of teams is empty (give at least one, e.g. "Công an phường")',
    "security.unknown-place": (
        "no guarded place '{value}' (declare it in [[areas.security.settings.guarded]] first)"
    ),
    "security.post-where": "a post needs one of entrance or place (not both)",
    "security.guarded-unnamed": "a guarded place needs a zone, an id or a name",
    "security.guarded-is-entrance": (
        "'{id}' is an entrance of [venue]: give the guarded place another id"
    ),
    "security.guarded-duplicate": (
        "the guarded place '{id}' is already declared at guarded[{first}]"
    ),
}

# The default owner roles, named in both languages (template.ROLES).
for _role in ROLES:  # the ward's common bodies (OWNER_ROLES) are in the core catalog
    _VI[_role.id], _EN[_role.id] = _role.vi, _role.en

# Vietnamese has no plural: a counted message's singular form (``<id>.one``, chosen when the
# count is 1) reads as its other form, kept so that both catalogs have the same keys.
_VI.update(
    {key: _VI[key.removesuffix(".one")] for key in _EN if key.endswith(".one") and key not in _VI}
)

MESSAGES: dict[str, dict[str, str]] = {"vi": _VI, "en": _EN}
