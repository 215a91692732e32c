"""The documents area's names and defaults, its template checklist and its settings example.

These live here rather than in settings.py so that importing the plugin (which every
``venue-ready`` command does) builds nothing but a few tuples.
"""

from __future__ import annotations

from venue_ready import Phase, Role, template_item

__all__ = [
    "COMMENT_KINDS",
    "CONGRESSES",
    "DEFAULT_COMMENT_BODIES",
    "DEFAULT_DOCUMENTS_LEAD_DAYS",
    "DEFAULT_DOSSIERS_LEAD_DAYS",
    "DEFAULT_PRINTING_LEAD_DAYS",
    "DEFAULT_STANDING_COMMITTEE",
    "DEFAULT_STEERING_GROUP",
    "DOCUMENTS_SUB",
    "KEY",
    "KINDS",
    "OFFICE",
    "PARTY_CONGRESS",
    "PERSONNEL_KINDS",
    "PERSONNEL_SUB",
    "ROLES",
    "SETTINGS_EXAMPLE",
    "SIGNOFF_KINDS",
    "TEMPLATE",
    "owner_for_kind",
]

#: The area's key: the prefix of its template items, Finding codes and message ids.
KEY = "documents"

#: The kinds of event (venue_ready's ``[event] kind``) the area serves. Every congress has its
#: documents, opened to comments, and prints them for the delegates; the district's steering
#: group signs off, and the standing committee receives the dossiers of, a Party congress only.
#: An election day, a council session, a conference or a ceremony gets none of it: the rules
#: say so with ``@applies_to`` (rules.py) and the template items with ``kinds=``.
PARTY_CONGRESS = "party-congress"
CONGRESSES = (PARTY_CONGRESS, "congress")

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
DEFAULT_STEERING_GROUP = "Tổ chỉ đạo đại hội của Quận ủy"
#: The body the personnel dossiers are reported to.
DEFAULT_STANDING_COMMITTEE = "Ban Thường vụ Quận ủy"
#: The dossiers are due this many days before the opening (the end of that day).
DEFAULT_DOSSIERS_LEAD_DAYS = 10
#: The printed sets of the documents are due this many days before the opening (the template's
#: printing item's lead time).
DEFAULT_PRINTING_LEAD_DAYS = 2
#: A document with no ``due`` (and a required document not yet listed) is due this many days
#: before the opening (the end of that day).
DEFAULT_DOCUMENTS_LEAD_DAYS = 14

#: Owner roles for Findings whose data names no owner, every one in ROLES for the catalog
#: (messages.py puts their names in both languages under their ids).
DOCUMENTS_SUB, PERSONNEL_SUB, OFFICE = ROLES = (
    Role("documents.role.documents", "Tiểu ban Văn kiện", "Documents sub-committee"),
    Role("documents.role.personnel", "Tiểu ban Nhân sự", "Personnel sub-committee"),
    Role("documents.role.office", "Văn phòng Đảng ủy", "Party committee office"),
)


def owner_for_kind(kind: str) -> Role:
    """The sub-committee that writes a document of ``kind``."""
    return PERSONNEL_SUB if kind in PERSONNEL_KINDS else DOCUMENTS_SUB


# The area's checklist for `venue-ready init`: the work around the documents that the settings
# do not describe (the documents themselves, their comments, sign-offs and the dossiers are
# derived from the settings, so they are not items too).
TEMPLATE = (
    # id, Vietnamese title, English title, owner, lead days; then a gate or a phase
    template_item(
        "documents.drafting-plan",
        "Kế hoạch xây dựng văn kiện, phân công soạn thảo",
        "Plan for the documents, and who drafts each",
        DOCUMENTS_SUB,
        60,
        kinds=CONGRESSES,
    ),
    template_item(
        "personnel.cadre-plan-review",
        "Rà soát, bổ sung quy hoạch cán bộ nhiệm kỳ 2020 - 2025",
        "Review and update the cadre plan for the 2020-2025 term",
        PERSONNEL_SUB,
        45,
        kinds=(PARTY_CONGRESS,),  # the Party's cadre plan (quy hoạch cán bộ)
    ),
    template_item(
        "personnel.ballots",
        "Phiếu bầu cử, biên bản và hướng dẫn kiểm phiếu",
        "Ballots, the vote-counting procedure and its record forms",
        PERSONNEL_SUB,
        3,
        gate=True,
        kinds=CONGRESSES,
    ),
    template_item(
        "documents.printing",
        "In, đóng gói tài liệu Đại hội cho đại biểu",
        "Print and pack the congress documents for the delegates",
        DOCUMENTS_SUB,
        DEFAULT_PRINTING_LEAD_DAYS,
        kinds=CONGRESSES,
    ),
    template_item(
        "documents.archive",
        "Lập hồ sơ lưu trữ văn kiện, nhân sự sau Đại hội",
        "File the congress's documents and personnel records after the congress",
        OFFICE,
        15,
        phase=Phase.AFTER,
        kinds=CONGRESSES,
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
steering_group = "Tổ chỉ đạo đại hội của Quận ủy"
# A document with no due date is due documents_lead_days before the opening.
documents_lead_days = 14
# The personnel dossiers are reported to standing_committee dossiers_lead_days before the
# opening.
standing_committee = "Ban Thường vụ Quận ủy"
dossiers_lead_days = 10
# Sets of the documents printed: one for each participant and guest of [event.attendance].
# copies = 170

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
# signed_off = { by = "Tổ chỉ đạo đại hội của Quận ủy", at = 2020-05-04, version = 3 }
#
# [areas.documents.settings.dossiers]
# expected = 15          # candidates whose dossiers are due
# count = 15             # dossiers reported
# reported_on = 2020-05-04
"""
