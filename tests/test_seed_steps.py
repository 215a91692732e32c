"""The seed article's 17 preparation steps are items of the Ngọc Thụy example, each with an owner
and a deadline (rõ người, rõ tiến độ), and ``venue-ready init`` writes the steps a new congress
needs (issue #19, "Coverage of the seed").

The article is "Phường Ngọc Thụy tập trung cho công tác chuẩn bị Đại hội Đảng bộ phường nhiệm kỳ
2020-2025" (Đảng ủy phường Ngọc Thụy, 15/05/2020). Each step below quotes it.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

import venue_ready
from venue_ready import Phase

from .conftest import RunCli

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "ngoc-thuy-2020" / "congress.toml"

#: The article's steps in its order: a short quote, and the example's items that carry the step.
STEPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "thành lập các tiểu ban phục vụ đại hội, các tổ công tác chỉ đạo đại hội các chi bộ "
        "trực thuộc",
        ("committee.sub-committees", "committee.working-groups"),
    ),
    (
        "tập trung chỉ đạo 37 chi bộ trực thuộc tổ chức Đại hội nhiệm kỳ 2020-2022",
        ("cells.congresses",),
    ),
    ("bầu đoàn đại biểu đi dự Đại hội Đảng bộ phường lần thứ XXII", ("cells.delegates",)),
    ("công tác trang trí, tuyên truyền", ("decoration.plan",)),
    (
        "các phương án đảm bảo về an ninh chính trị, trật tự an toàn xã hội",
        ("security.plan",),
    ),
    ("công tác tiếp công dân", ("service.citizen-reception",)),
    (
        "toàn bộ nội dung chi tiết và các tài liệu liên quan phục vụ đại hội đã được phường soạn "
        "thảo đầy đủ",
        ("service.delegate-packs",),
    ),
    (
        "đã gửi Tổ chỉ đạo đại hội của Quận nghiên cứu trước để cho ý kiến",
        ("documents.district-review",),
    ),
    (
        "Ban Thường vụ Đảng ủy đã có kế hoạch chi tiết, cụ thể về công tác chuẩn bị văn kiện, "
        "công tác nhân sự",
        ("committee.plan",),
    ),
    ("chủ động chuẩn bị dự thảo văn kiện đại hội", ("documents.drafts",)),
    (
        "lấy ý kiến đóng góp của MTTQ, các đoàn thể chính trị - xã hội, nguyên lãnh đạo cấp ủy, "
        "chính quyền đã nghỉ hưu, và toàn thể Đảng viên",
        ("documents.drafts-comments",),
    ),
    ("rà soát, bổ sung quy hoạch cán bộ, chuẩn bị nhân sự cấp ủy", ("personnel.cadre-plan",)),
    (
        "xây dựng đề án nhân sự, giới thiệu nguồn nhân sự tham gia cấp ủy khóa mới",
        ("personnel.plan",),
    ),
    ("chuẩn bị hồ sơ nhân sự và báo cáo Ban Thường vụ Quận ủy", ("personnel.dossiers",)),
    (
        "chỉ đạo Đài truyền thanh phường tuyên truyền sâu rộng trong cán bộ, đảng viên và nhân dân",
        ("broadcast.plan",),
    ),
    (
        "chỉ đạo Trạm Y tế phường tổ chức phun tiêu độc khử trùng toàn bộ khu vực diễn ra Đại hội",
        ("disinfection.spraying-schedule",),
    ),
    (
        "tổ công tác phục vụ Đại hội Đảng bộ phường tiếp tục rà soát các nội dung trước, trong và "
        "sau Đại hội",
        ("review.before", "review.during", "review.after"),
    ),
)

#: The items ``init`` gained for the steps the template lacked, with the phase each is in.
INIT_ITEMS = {
    "committee.sub-committees": Phase.BEFORE,
    "committee.working-groups": Phase.BEFORE,
    "committee.plan": Phase.BEFORE,
    "documents.drafts": Phase.BEFORE,
    "personnel.cadre-plan": Phase.BEFORE,
    "personnel.plan": Phase.BEFORE,
    "service.citizen-reception": Phase.BEFORE,
    "review.before": Phase.BEFORE,
    "review.during": Phase.DURING,
    "review.after": Phase.AFTER,
}


@pytest.fixture(scope="module")
def example_items() -> dict[str, venue_ready.Item]:
    event = venue_ready.load(EXAMPLE)
    return {item.id: item for area in event.areas for item in area.items}


def test_the_article_has_seventeen_steps_each_carried_by_its_own_items() -> None:
    assert len(STEPS) == 17
    ids = [item_id for _, items in STEPS for item_id in items]
    assert len(ids) == len(set(ids))  # no item stands for two steps
    assert len({quote for quote, _ in STEPS}) == 17


@pytest.mark.parametrize(("quote", "item_ids"), STEPS, ids=[s[1][0] for s in STEPS])
def test_each_step_is_an_item_of_the_example_with_an_owner_and_a_deadline(
    example_items: dict[str, venue_ready.Item], quote: str, item_ids: tuple[str, ...]
) -> None:
    for item_id in item_ids:
        assert item_id in example_items, f"{quote!r}: no item {item_id!r}"
        item = example_items[item_id]
        assert item.owner, f"{item_id}: no owner"
        assert item.due is not None, f"{item_id}: no due date"


def test_the_working_groups_review_is_one_item_per_phase(
    example_items: dict[str, venue_ready.Item],
) -> None:
    phases = [example_items[f"review.{p}"].phase for p in ("before", "during", "after")]
    assert phases == [Phase.BEFORE, Phase.DURING, Phase.AFTER]


def test_the_example_dates_follow_the_article(example_items: dict[str, venue_ready.Item]) -> None:
    # "Ngay từ quý 3 năm 2019 ... thành lập các tiểu ban phục vụ đại hội, các tổ công tác"
    for item_id in ("committee.sub-committees", "committee.working-groups"):
        due = example_items[item_id].due
        assert due is not None
        assert (due.year, (due.month - 1) // 3 + 1) == (2019, 3)
    # the drafts come before the comments on them, and both before the district's comment;
    # the cadre plan is reviewed before the personnel plan and the dossiers
    for order in (
        ["documents.drafts", "documents.drafts-comments", "documents.district-review"],
        ["personnel.cadre-plan", "personnel.plan", "personnel.dossiers"],
    ):
        dues = [example_items[i].due for i in order]
        days = [d.date() for d in dues if d is not None]
        assert len(days) == len(order)
        assert days == sorted(days), order


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_init_writes_the_seed_steps(run_cli: RunCli, tmp_path: Path, lang: str) -> None:
    out = tmp_path / "dai-hoi.toml"
    made = run_cli("init", "--starts", "2020-05-15T07:30:00+07:00", "--lang", lang, out)
    assert made.returncode == 0, made.stderr
    written = tomllib.loads(out.read_text(encoding="utf-8"))
    items = {item["id"]: item for item in written["areas"]["general"]["items"]}
    for item_id, phase in INIT_ITEMS.items():
        assert item_id in items, item_id
        item = items[item_id]
        assert item["owner"].strip(), item_id
        assert item.get("phase", "before") == phase.value, item_id
        if phase is not Phase.DURING:  # an item while the congress sits is due by its end
            assert "due" in item, item_id
    if lang == "vi":
        assert items["service.citizen-reception"]["title"].startswith("Bố trí tiếp công dân")
        assert items["personnel.plan"]["title"] == "Đề án nhân sự cấp ủy khóa mới"
        assert items["personnel.cadre-plan"]["title"].startswith(
            "Rà soát, bổ sung quy hoạch cán bộ"
        )
    # the file is one `check` accepts
    assert run_cli("check", out, "--as-of", "2020-05-01").returncode == 0
