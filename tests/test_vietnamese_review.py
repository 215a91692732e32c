"""The sentence-by-sentence review of the Vietnamese reports (#19, docs/vietnamese-review.md):
every sentence it corrected reads the new way in the examples' reports, and none the old way.

The reports are the golden files, which tests/test_golden.py pins to what the real CLI prints.
"""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"

#: (before, after): a part of a sentence as the review found it, and as it reads now.
CORRECTED = (
    ("22 trên 24 cụm loa hoạt động tốt (91,7%, ngưỡng 90%)",
     "22/24 cụm loa hoạt động tốt (91,7%, yêu cầu tối thiểu 90%)"),
    ("nội dung chưa được Đảng ủy phường duyệt (cần duyệt trước giờ phát 24 giờ)",
     "nội dung chưa được Đảng ủy phường duyệt (phải duyệt trước giờ phát ít nhất 24 giờ)"),
    ("(cần ít nhất một buổi mỗi ngày, từ 7 ngày trước ngày khai mạc)",
     "(cần ít nhất một buổi mỗi ngày, kể từ 7 ngày trước ngày khai mạc)"),
    ("Khu vực Tầng hầm để xe được phun khử khuẩn lần gần nhất",
     "Tầng hầm để xe được phun khử khuẩn lần gần nhất"),
    ("trong vòng 24 giờ trước giờ khai mạc 7 giờ 30 ngày 15 tháng 5 năm 2020",
     "trong vòng 24 giờ trước giờ khai mạc (7 giờ 30 ngày 15 tháng 5 năm 2020)"),
    ("chưa vào vị trí trực (cần có mặt trước giờ khai mạc 7 giờ 30",
     "chưa vào vị trí trực (cần có mặt trước giờ khai mạc, 7 giờ 30"),
    ("Cổng chính có điểm đo thân nhiệt", "Cổng chính đã bố trí điểm đo thân nhiệt"),
    ("Có 400 khẩu trang cho 150 người (cần 300, 2 chiếc mỗi người)",
     "Đã chuẩn bị 400 chiếc khẩu trang cho 150 người (cần 300 chiếc, mỗi người 2 chiếc)"),
    ("Có 6 lít dung dịch sát khuẩn tay cho 150 người (cần 4,5 lít, 30 ml mỗi người)",
     "Đã chuẩn bị 6 lít dung dịch sát khuẩn tay cho 150 người (cần 4,5 lít, mỗi người 30 ml)"),
    ("Trạm Y tế phường Ngọc Thụy: 3 người, đã xác nhận ngày 12 tháng 5 năm 2020",
     "Trạm Y tế phường Ngọc Thụy gồm 3 người, đã xác nhận tham gia ngày 12 tháng 5 năm 2020"),
    ("Cổng phụ: chưa bố trí chốt gác (cần người gác từ",
     "Cổng phụ: chưa bố trí chốt gác (cần có người gác từ"),
    ("Phòng lưu giữ hòm phiếu, phiếu bầu: còn bỏ trống 23:00–00:00 23/5/2021, không có người "
     "canh gác (mới có người canh gác 92,9% thời gian cần canh gác",
     "Phòng lưu giữ hòm phiếu, phiếu bầu: không có người canh gác 23:00–24:00 22/5/2021 (mới "
     "bảo đảm 92,9% thời gian phải canh gác"),
    ("kiểm tra lần cuối ngày 12 tháng 5 năm 2021, quá 7 ngày trước khai mạc",
     "kiểm tra lần cuối ngày 12 tháng 5 năm 2021, trước ngày bầu cử hơn 7 ngày"),
    ("Đã cấp 150 thẻ đại biểu, cần 150", "Đã cấp 150 thẻ đại biểu (cần 150)"),
    ("Phông sân khấu đã dựng 9 giờ 00 ngày 14 tháng 5 năm 2020",
     "Phông sân khấu đã dựng xong vào 9 giờ 00 ngày 14 tháng 5 năm 2020"),
    ("Phông chính là phông in, đúng quy định (màn hình LED không thay phông chính)",
     "Phông chính là phông in, đúng quy định (không dùng màn hình LED thay phông chính)"),
    ("đúng câu chữ khẩu hiệu chính thức", "đúng nguyên văn khẩu hiệu chính thức"),
    ("Xếp từ kém nhất (8):", "Xếp theo mức độ sẵn sàng, từ thấp đến cao (8):"),
    ("Kết quả do các tổ tự báo cáo (4), báo cáo cũ nhất trước:",
     "Kết quả do các tổ báo cáo qua sổ theo dõi (4), theo thứ tự thời gian báo cáo:"),
    ("đã tổ chức đại hội 8 giờ 00 ngày 9 tháng 5 năm 2020",
     "đã tổ chức đại hội vào 8 giờ 00 ngày 9 tháng 5 năm 2020"),
)  # fmt: skip


@pytest.fixture(scope="module")
def reports() -> str:
    """Every Vietnamese report of every example, as text and Markdown."""
    files = sorted(GOLDEN.glob("*.vi.txt")) + sorted(GOLDEN.glob("*.vi.md"))
    assert len(files) >= 6
    return "\n".join(path.read_text(encoding="utf-8") for path in files)


@pytest.mark.parametrize(("before", "after"), CORRECTED, ids=[a[:40] for _, a in CORRECTED])
def test_the_reviewed_sentence_reads_as_corrected(reports: str, before: str, after: str) -> None:
    assert after in reports
    assert before not in reports


def test_the_review_lists_every_correction() -> None:
    """docs/vietnamese-review.md's table holds each corrected sentence as it reads now."""
    page = (ROOT / "docs" / "vietnamese-review.md").read_text(encoding="utf-8")
    missing = [after for _, after in CORRECTED if after not in page]
    assert missing == []
