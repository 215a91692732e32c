"""The documents area's names and defaults, its template checklist and its settings example.

These live here rather than in settings.py so that importing the plugin (which every
``venue-ready`` command does) builds nothing but a few tuples.
"""

from __future__ import annotations

from venue_ready import Phase, TemplateItem

__all__ = [
    "COMMENT_KINDS",
    "DEFAULT_COMMENT_BODIES",
    "DEFAULT_DOCUMENTS_LEAD_DAYS",
    "DEFAULT_DOSSIERS_LEAD_DAYS",
    "DEFAULT_STANDING_COMMITTEE",
    "DEFAULT_STEERING_GROUP",
    "DOCUMENTS_SUB",
    "KINDS",
    "OFFICE",
    "PERSONNEL_KINDS",
    "PERSONNEL_SUB",
    "SETTINGS_EXAMPLE",
    "SIGNOFF_KINDS",
    "TEMPLATE",
    "owner_for_kind",
    "role",
]

#: The congress documents, by the ``kind`` a ``[[documents]]`` entry gives. Their names in both
#: languages are the catalog entries ``documents.kind.<kind>`` (messages.py).
KINDS = (
    "political-report",  # Báo cáo chính trị
    "review-report",  # Báo cáo kiểm điểm của Ban Chấp hành khóa trước
    "draft-resolution",  # Dự thảo Nghị quyết Đại hội
    "programme",  # Chương trình Đại hội
    "working-rules",  # Quy chế làm việc của Đại hội
    "election-rules",  # Quy chế bầu cử
    "script",  # Kịch bản điều hành Đại hội
    "speeches",  # Bài tham luận
    "personnel-plan",  # Đề án nhân sự
)

#: The documents that are opened to comments (by default).
COMMENT_KINDS = ("political-report", "review-report", "draft-resolution")

#: The documents the district's steering group signs off (by default): all but the
#: contributed speeches and the personnel plan (which goes with the dossiers to the standing
#: committee).
SIGNOFF_KINDS = (
    "political-report",
    "review-report",
    "draft-resolution",
    "programme",
    "working-rules",
    "election-rules",
    "script",
)

#: The documents the personnel sub-committee writes; the documents sub-committee writes the rest.
PERSONNEL_KINDS = ("election-rules", "personnel-plan")

#: The bodies whose comments the drafts must gather.
DEFAULT_COMMENT_BODIES = (
    "Mặt trận Tổ quốc",
    "các đoàn thể chính trị - xã hội",
    "nguyên lãnh đạo đã nghỉ hưu",
    "đảng viên",
)
#: The body that signs off the documents; a sign-off's ``by`` must contain this name.
DEFAULT_STEERING_GROUP = "Tổ chỉ đạo đại hội của Quận"
#: The body the personnel dossiers are reported to.
DEFAULT_STANDING_COMMITTEE = "Ban Thường vụ Quận ủy"
#: The dossiers are due this many days before the opening (the end of that day).
DEFAULT_DOSSIERS_LEAD_DAYS = 10
#: A document with no ``due`` (and a required document not yet listed) is due this many days
#: before the opening (the end of that day).
DEFAULT_DOCUMENTS_LEAD_DAYS = 14

#: Owner roles (vi, en) for Findings whose data names no owner.
DOCUMENTS_SUB = ("Tiểu ban Văn kiện", "Documents sub-committee")
PERSONNEL_SUB = ("Tiểu ban Nhân sự", "Personnel sub-committee")
OFFICE = ("Văn phòng Đảng ủy", "Party committee office")


def role(pair: tuple[str, str], lang: str) -> str:
    """The role's name in ``lang``."""
    return pair[0] if lang == "vi" else pair[1]


def owner_for_kind(kind: str, lang: str) -> str:
    """The sub-committee that writes a document of ``kind``, in ``lang``."""
    return role(PERSONNEL_SUB if kind in PERSONNEL_KINDS else DOCUMENTS_SUB, lang)


# The area's checklist for `venue-ready init`: the work around the documents that the settings
# do not describe (the documents themselves, their comments, sign-offs and the dossiers are
# derived from the settings, so they are not items too).
TEMPLATE = (
    TemplateItem(
        id="documents.drafting-plan",
        title_vi="Kế hoạch xây dựng văn kiện, phân công soạn thảo",
        title_en="Plan for the documents, and who drafts each",
        owner_vi=DOCUMENTS_SUB[0],
        owner_en=DOCUMENTS_SUB[1],
        lead_days=60,
    ),
    TemplateItem(
        id="personnel.cadre-plan-review",
        title_vi="Rà soát, bổ sung quy hoạch cán bộ nhiệm kỳ 2020 - 2025",
        title_en="Review and update the cadre plan for the 2020-2025 term",
        owner_vi=PERSONNEL_SUB[0],
        owner_en=PERSONNEL_SUB[1],
        lead_days=45,
    ),
    TemplateItem(
        id="personnel.ballots",
        title_vi="Phiếu bầu cử, biên bản và hướng dẫn kiểm phiếu",
        title_en="Ballots, the vote-counting procedure and its record forms",
        owner_vi=PERSONNEL_SUB[0],
        owner_en=PERSONNEL_SUB[1],
        lead_days=3,
        gate=True,
    ),
    TemplateItem(
        id="documents.printing",
        title_vi="In, đóng gói tài liệu Đại hội cho đại biểu",
        title_en="Print and pack the congress documents for the delegates",
        owner_vi=DOCUMENTS_SUB[0],
        owner_en=DOCUMENTS_SUB[1],
        lead_days=2,
    ),
    TemplateItem(
        id="documents.archive",
        title_vi="Lập hồ sơ lưu trữ văn kiện, nhân sự sau Đại hội",
        title_en="File the congress's documents and personnel records after the congress",
        owner_vi=OFFICE[0],
        owner_en=OFFICE[1],
        lead_days=15,
        phase=Phase.AFTER,
    ),
)

# The body of [areas.documents.settings]. `venue-ready init` writes the area's [[items]] after
# it. The documents and the dossiers are commented out: they are the event's own records. They
# come last because every key after a [[...]] header belongs to that table.
SETTINGS_EXAMPLE = """\
# The documents the congress must have (kind of each [[documents]] entry): political-report,
# review-report, draft-resolution, programme, working-rules, election-rules, script, speeches,
# personnel-plan.
required_kinds = [
  "political-report", "review-report", "draft-resolution", "programme", "working-rules",
  "election-rules", "script", "speeches", "personnel-plan",
]
# The drafts of these kinds are opened to comments from each of comment_bodies.
comment_kinds = ["political-report", "review-report", "draft-resolution"]
comment_bodies = [
  "Mặt trận Tổ quốc", "các đoàn thể chính trị - xã hội", "nguyên lãnh đạo đã nghỉ hưu",
  "đảng viên",
]
# Documents of these kinds need the steering group's sign-off of their current version
# (a sign-off's "by" must contain this name).
signoff_kinds = [
  "political-report", "review-report", "draft-resolution", "programme", "working-rules",
  "election-rules", "script",
]
steering_group = "Tổ chỉ đạo đại hội của Quận"
# A document with no due date is due documents_lead_days before the opening.
documents_lead_days = 14
# The personnel dossiers are reported to standing_committee dossiers_lead_days before the
# opening.
standing_committee = "Ban Thường vụ Quận ủy"
dossiers_lead_days = 10

# One table per document, with its comments and its sign-off, and one for the dossiers:
# [[areas.documents.settings.documents]]
# id = "political-report"
# kind = "political-report"
# title = "Báo cáo chính trị trình Đại hội"
# owner = "Tiểu ban Văn kiện"
# version = 3
# due = 2020-05-05
# comments = [
#   { body = "Mặt trận Tổ quốc", received = 2020-04-20 },
#   { body = "đảng viên", received = 2020-04-25 },
# ]
# signed_off = { by = "Tổ chỉ đạo đại hội của Quận", at = 2020-05-04, version = 3 }
#
# [areas.documents.settings.dossiers]
# expected = 15          # candidates whose dossiers are due
# count = 15             # dossiers reported
# reported_on = 2020-05-04
"""
