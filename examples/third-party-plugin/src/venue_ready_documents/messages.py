"""The documents area's message catalog, Vietnamese and English.

Same ids and the same ``{params}`` in both languages; ``str.format`` templates. Dates passed
as parameters are formatted by venue_ready for the reader's language. ``{kind:@documents.kind}``
looks the document kind's name up in this catalog (``documents.kind.<kind>``).
"""

from __future__ import annotations

from .template import ROLES

__all__ = ["MESSAGES"]

_VI: dict[str, str] = {
    # -- the names of the document kinds ({kind:@documents.kind}) -------------------------------
    "documents.kind.political-report": "Báo cáo chính trị",
    "documents.kind.review-report": "Báo cáo kiểm điểm của Ban Chấp hành",
    "documents.kind.draft-resolution": "Dự thảo Nghị quyết Đại hội",
    "documents.kind.programme": "Chương trình Đại hội",
    "documents.kind.working-rules": "Quy chế làm việc của Đại hội",
    "documents.kind.election-rules": "Quy chế bầu cử",
    "documents.kind.script": "Kịch bản điều hành Đại hội",
    "documents.kind.speeches": "Bài tham luận",
    "documents.kind.personnel-plan": "Đề án nhân sự",
    # -- 1. the documents the congress needs ----------------------------------------------------
    "documents.kind-present": "{kind:@documents.kind}: đã có ({titles})",
    "documents.kind-missing": (
        "{kind:@documents.kind}: chưa có trong danh sách văn kiện "
        '(thêm [[areas.documents.settings.documents]] với kind = "{kind}")'
    ),
    # -- 2. comments on the drafts --------------------------------------------------------------
    "documents.comment-received": "{title}: đã nhận ý kiến góp ý của {body} ({received})",
    "documents.comment-missing": "{title}: chưa lấy được ý kiến góp ý của {body}",
    "documents.comment-later": (
        "{title}: ý kiến góp ý của {body} nhận {received}, sau thời điểm đánh giá nên chưa tính"
    ),
    # -- 3. the steering group's sign-off -------------------------------------------------------
    "documents.signoff-ok": "{title} (bản {current}): {by} đã duyệt {at}",
    "documents.signoff-missing": "{title} (bản {current}): chưa được {body} duyệt",
    "documents.signoff-outdated": (
        "{title}: {body} mới duyệt bản {signed}, bản hiện tại là {current} "
        "(cần trình duyệt lại bản {current})"
    ),
    "documents.signoff-wrong-signer": (
        "{title} (bản {current}): mới có {by} duyệt, văn kiện cần được {body} duyệt"
    ),
    "documents.signoff-later": (
        "{title} (bản {current}): {body} duyệt {at}, sau thời điểm đánh giá nên chưa tính"
    ),
    # -- 4. the personnel dossiers --------------------------------------------------------------
    "documents.dossiers-reported": (
        "Hồ sơ nhân sự: đã báo cáo {committee} đủ {count}/{expected} hồ sơ ({reported_on})"
    ),
    "documents.dossiers-late": (
        "Hồ sơ nhân sự: đã báo cáo {committee} đủ {count}/{expected} hồ sơ ({reported_on}), "
        "muộn so với hạn {deadline}"
    ),
    "documents.dossiers-incomplete": (
        "Hồ sơ nhân sự: mới báo cáo {committee} {count}/{expected} hồ sơ ({reported_on})"
    ),
    "documents.dossiers-not-reported": (
        "Hồ sơ nhân sự: chưa báo cáo {committee} ({expected} hồ sơ, hạn {deadline})"
    ),
    "documents.dossiers-later": (
        "Hồ sơ nhân sự: báo cáo {committee} {reported_on}, sau thời điểm đánh giá nên chưa tính"
    ),
    "documents.dossiers-unknown": (
        "Chưa ghi nhận hồ sơ nhân sự (thêm [areas.documents.settings.dossiers] với expected, "
        "count, reported_on) nên chưa kiểm tra được việc báo cáo {committee}"
    ),
    # -- 5. the printed sets ------------------------------------------------------------------
    "documents.copies-enough": (
        "Đã in {copies} bộ tài liệu, đủ cho {participants} đại biểu và {guests} khách mời"
    ),
    "documents.copies-short": (
        "Mới in {copies} bộ tài liệu, cần {need} ({participants} đại biểu và {guests} khách mời)"
    ),
    "documents.copies-unknown": (
        "Chưa biết số đại biểu (khai báo participants trong [event.attendance]) nên chưa kiểm "
        "tra được {copies} bộ tài liệu đã in có đủ không"
    ),
    # -- settings problems ----------------------------------------------------------------------
    "documents.unknown-kind-hint": (
        "'{value}' không phải loại văn kiện (có phải ý bạn là '{hint}'? các loại: {kinds})"
    ),
    "documents.unknown-kind": "'{value}' không phải loại văn kiện (các loại: {kinds})",
    "documents.bad-version": (
        "phiên bản '{value}' không hợp lệ (cần một số như 3 hoặc một chuỗi như \"3.1\")"
    ),
    "documents.signoff-version-ahead": (
        "phiên bản được duyệt ({signed}) mới hơn phiên bản hiện tại của văn kiện ({current}) "
        "(cần sửa version của văn kiện hoặc của lần duyệt)"
    ),
    "documents.count-above-expected": (
        "số hồ sơ đã báo cáo ({count}) nhiều hơn số hồ sơ cần có ({expected})"
    ),
}

_EN: dict[str, str] = {
    "documents.kind.political-report": "Political report",
    "documents.kind.review-report": "Review report of the outgoing committee",
    "documents.kind.draft-resolution": "Draft resolution",
    "documents.kind.programme": "Congress programme",
    "documents.kind.working-rules": "Working rules of the congress",
    "documents.kind.election-rules": "Election rules",
    "documents.kind.script": "Congress script",
    "documents.kind.speeches": "Contributed speeches",
    "documents.kind.personnel-plan": "Personnel plan",
    "documents.kind-present": "{kind:@documents.kind}: present ({titles})",
    "documents.kind-missing": (
        "{kind:@documents.kind}: not among the documents "
        '(add [[areas.documents.settings.documents]] with kind = "{kind}")'
    ),
    "documents.comment-received": "{title}: comments received from {body} ({received})",
    "documents.comment-missing": "{title}: no comments yet from {body}",
    "documents.comment-later": (
        "{title}: comments from {body} received on {received}, after the assessment, "
        "so not counted yet"
    ),
    "documents.signoff-ok": "{title} (version {current}): signed off by {by} on {at}",
    "documents.signoff-missing": "{title} (version {current}): not yet signed off by {body}",
    "documents.signoff-outdated": (
        "{title}: {body} signed off version {signed}, the current version is {current} "
        "(have version {current} signed off)"
    ),
    "documents.signoff-wrong-signer": (
        "{title} (version {current}): signed off by {by} only; it needs the sign-off of {body}"
    ),
    "documents.signoff-later": (
        "{title} (version {current}): signed off by {body} on {at}, after the assessment, "
        "so not counted yet"
    ),
    "documents.dossiers-reported": (
        "Personnel dossiers: all {count}/{expected} reported to {committee} ({reported_on})"
    ),
    "documents.dossiers-late": (
        "Personnel dossiers: all {count}/{expected} reported to {committee} ({reported_on}), "
        "later than the deadline, {deadline}"
    ),
    "documents.dossiers-incomplete": (
        "Personnel dossiers: only {count}/{expected} reported to {committee} ({reported_on})"
    ),
    "documents.dossiers-not-reported": (
        "Personnel dossiers: not yet reported to {committee} ({expected} dossiers, due {deadline})"
    ),
    "documents.dossiers-later": (
        "Personnel dossiers: reported to {committee} on {reported_on}, after the assessment, "
        "so not counted yet"
    ),
    "documents.dossiers-unknown": (
        "No personnel dossiers are recorded (add [areas.documents.settings.dossiers] with "
        "expected, count, reported_on), so their report to {committee} cannot be checked"
    ),
    "documents.copies-enough": (
        "{copies} sets of the documents printed, enough for {participants} delegates and "
        "{guests} guests"
    ),
    "documents.copies-short": (
        "Only {copies} sets of the documents printed, {need} needed ({participants} delegates "
        "and {guests} guests)"
    ),
    "documents.copies-unknown": (
        "The number of delegates is not known (set participants in [event.attendance]), so "
        "whether the {copies} sets printed are enough cannot be checked"
    ),
    "documents.unknown-kind-hint": (
        "'{value}' is not a kind of document (did you mean '{hint}'? kinds: {kinds})"
    ),
    "documents.unknown-kind": "'{value}' is not a kind of document (kinds: {kinds})",
    "documents.bad-version": (
        "invalid version '{value}' (expected a number such as 3, or a string such as \"3.1\")"
    ),
    "documents.signoff-version-ahead": (
        "the version signed off ({signed}) is newer than the document's current version "
        "({current}) (correct the document's version or the sign-off's)"
    ),
    "documents.count-above-expected": (
        "more dossiers reported ({count}) than expected ({expected})"
    ),
}

# The default owner roles, named in both languages (template.ROLES).
for _role in ROLES:
    _VI[_role.id], _EN[_role.id] = _role.vi, _role.en

MESSAGES: dict[str, dict[str, str]] = {"vi": _VI, "en": _EN}
