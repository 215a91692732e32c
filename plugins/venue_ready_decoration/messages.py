"""The decoration area's message catalog, Vietnamese and English.

Same ids and same ``{params}`` in both languages. Dates passed as parameters are formatted by
the core in the reader's language (``ngày 14 tháng 5 năm 2020`` / ``14 May 2020``), so the
templates write "đã treo {installed}", "installed on {installed}".
"""

from __future__ import annotations

from .template import ROLES

# How a stage element is put in place, in both languages: (vi done, vi to do, en done, en to do).
_HUNG = ("đã treo", "chưa treo", "hung", "not hung yet")
_PLACED = ("đã đặt", "chưa đặt", "placed", "not placed yet")
_ARRANGED = ("đã bày", "chưa bày", "arranged", "not arranged yet")

#: Each stage element: how it is put in place, its name in Vietnamese and in English, and its
#: name inside a sentence ("chưa biết tình trạng cờ Đảng", "the state of the Party flag").
_ELEMENTS = {
    "top_slogan": (
        _HUNG,
        'Khẩu hiệu "ĐẢNG CỘNG SẢN VIỆT NAM QUANG VINH MUÔN NĂM!" trên cùng sân khấu',
        'Top slogan "ĐẢNG CỘNG SẢN VIỆT NAM QUANG VINH MUÔN NĂM!" above the stage',
        'khẩu hiệu "ĐẢNG CỘNG SẢN VIỆT NAM QUANG VINH MUÔN NĂM!" trên cùng sân khấu',
        'the top slogan "ĐẢNG CỘNG SẢN VIỆT NAM QUANG VINH MUÔN NĂM!"',
    ),
    "party_flag": (
        _HUNG,
        "Cờ Đảng trên sân khấu",
        "Party flag on the stage",
        "cờ Đảng",
        "the Party flag",
    ),
    "national_flag": (
        _HUNG,
        "Cờ Tổ quốc trên sân khấu",
        "National flag on the stage",
        "cờ Tổ quốc",
        "the national flag",
    ),
    "organisation_flag": (
        _HUNG,
        "Cờ, biểu trưng của tổ chức trên sân khấu",
        "The organisation's flag or emblem on the stage",
        "cờ, biểu trưng của tổ chức",
        "the organisation's flag or emblem",
    ),
    "marx_lenin": (
        _HUNG,
        "Chân dung Các Mác và V.I. Lênin",
        "Portraits of Marx and Lenin",
        "chân dung Các Mác và V.I. Lênin",
        "the portraits of Marx and Lenin",
    ),
    "ho_chi_minh_bust": (
        _PLACED,
        "Tượng Chủ tịch Hồ Chí Minh",
        "Bust of Hồ Chí Minh",
        "tượng Chủ tịch Hồ Chí Minh",
        "the bust of Hồ Chí Minh",
    ),
    "ho_chi_minh_portrait": (
        _HUNG,
        "Ảnh Chủ tịch Hồ Chí Minh",
        "Portrait of Hồ Chí Minh",
        "ảnh Chủ tịch Hồ Chí Minh",
        "the portrait of Hồ Chí Minh",
    ),
    "flowers": (
        _ARRANGED,
        "Hoa tươi trang trí sân khấu",
        "Fresh flowers on the stage",
        "hoa tươi trang trí sân khấu",
        "the fresh flowers on the stage",
    ),
}


def _elements(lang: str) -> dict[str, str]:
    """Each stage element's done, to-do and not-recorded messages in ``lang`` (``vi`` or
    ``en``)."""
    vi = lang == "vi"
    on = "" if vi else "on "  # "đã treo 14/5", "hung on 14 May"
    out: dict[str, str] = {}
    for key, (verbs, name_vi, name_en, inner_vi, inner_en) in _ELEMENTS.items():
        name = name_vi if vi else name_en
        done, todo = verbs[:2] if vi else verbs[2:]
        out[f"decoration.stage.{key}.done"] = f"{name}: {done} {on}{{installed}}"
        out[f"decoration.stage.{key}.todo"] = f"{name}: {todo}"
        out[f"decoration.stage.{key}.unrecorded"] = (
            f"Chưa ghi nhận trang trí sân khấu (bảng [stage]): chưa biết tình trạng {inner_vi}"
            if vi
            else f"The stage dressing is not recorded (table [stage]): the state of {inner_en} "
            "is unknown"
        )
    return out


VI: dict[str, str] = {
    # -- the backdrop's title ------------------------------------------------------------------
    "decoration.backdrop-title-ok": 'Tiêu đề {board} đúng tên chính thức: "{printed}"',
    "decoration.backdrop-title-ordinal": (
        'Tiêu đề {board} sai số thứ Đại hội (in "{printed_ordinal}", đúng là '
        '"{expected_ordinal}"): {again} in "{printed}", tên chính thức là "{expected}"; '
        "cần in lại {again}"
    ),
    "decoration.backdrop-title-khoa": (
        'Tiêu đề {board} sai khóa Hội đồng nhân dân (in "{printed_ordinal}", đúng là '
        '"{expected_ordinal}"): {again} in "{printed}", tên chính thức là "{expected}"; '
        "cần in lại {again}"
    ),
    "decoration.backdrop-title-term": (
        'Tiêu đề {board} sai nhiệm kỳ (in "{printed_term}", đúng là "{expected_term}"): '
        '{again} in "{printed}", tên chính thức là "{expected}"; cần in lại {again}'
    ),
    "decoration.backdrop-title-ordinal-term": (
        'Tiêu đề {board} sai cả số thứ và nhiệm kỳ (in "{printed_ordinal}, '
        'nhiệm kỳ {printed_term}", đúng là "{expected_ordinal}, nhiệm kỳ '
        '{expected_term}"): {again} in "{printed}", tên chính thức là "{expected}"; có thể đang '
        "dùng lại {again} nhiệm kỳ trước, cần in lại {again}"
    ),
    "decoration.backdrop-title-organisation": (
        'Tiêu đề {board} sai tên đảng bộ: {again} in "{printed}", tên chính thức là '
        '"{expected}"; cần in lại {again}'
    ),
    "decoration.backdrop-title-name": (
        'Tiêu đề {board} sai tên đơn vị: {again} in "{printed}", tên chính thức là '
        '"{expected}"; cần in lại {again}'
    ),
    "decoration.backdrop-title-form": (
        'Tiêu đề {board} ghi "ĐẠI HỘI ĐẠI BIỂU" nhưng đây là đại hội toàn thể, không '
        'phải đại hội đại biểu: {again} in "{printed}", tên chính thức là "{expected}"; cần in '
        "lại {again}"
    ),
    "decoration.backdrop-title-other": (
        'Tiêu đề {board} không khớp tên chính thức: {again} in "{printed}", '
        'tên chính thức là "{expected}"; cần soát lại từng chữ và in lại {again}'
    ),
    "decoration.backdrop-title-cannot-generate": (
        "Chưa kiểm tra được tiêu đề {board}: tệp sự kiện chưa ghi {missing}, là những "
        "thông tin cần để lập tên chính thức"
    ),
    "decoration.backdrop-title-not-recorded": (
        "Chưa ghi nhận tiêu đề in trên {board} ([backdrop] title); tiêu đề đúng phải là "
        '"{expected}"'
    ),
    # -- the board the title is printed on: a polling area's sign, else the stage backdrop ----
    "decoration.word.board.sign": "biển khu vực bỏ phiếu",
    "decoration.word.board.backdrop": "phông sân khấu",
    "decoration.word.again.sign": "biển",
    "decoration.word.again.backdrop": "phông",
    # -- the backdrop itself -------------------------------------------------------------------
    "decoration.backdrop-printed": (
        "Phông chính là phông in, đúng quy định (không dùng màn hình LED thay phông chính)"
    ),
    "decoration.backdrop-led": (
        "Phông chính đang là màn hình LED: màn hình LED không được thay thế phông chính, "
        "cần có phông in"
    ),
    "decoration.backdrop-kind-unrecorded": (
        'Chưa ghi nhận phông chính là phông in hay màn hình LED ([backdrop] kind = "printed" '
        'hoặc "led")'
    ),
    "decoration.backdrop-installed": "Phông sân khấu đã dựng xong vào {installed}",
    "decoration.backdrop-not-installed": "Phông sân khấu chưa dựng",
    "decoration.backdrop-unrecorded": (
        "Chưa ghi nhận phông sân khấu (bảng [backdrop]: tiêu đề in trên phông, ngày dựng, "
        "loại phông)"
    ),
    # a polling area's sign is a sign, not a stage backdrop (an election's [backdrop] table)
    "decoration.sign-installed": "Biển khu vực bỏ phiếu đã dựng xong vào {installed}",
    "decoration.sign-not-installed": "Biển khu vực bỏ phiếu chưa dựng",
    "decoration.sign-unrecorded": (
        "Chưa ghi nhận biển khu vực bỏ phiếu (bảng [backdrop]: tiêu đề in trên biển, ngày dựng)"
    ),
    # -- the stage -----------------------------------------------------------------------------
    **_elements("vi"),
    "decoration.flag-layout-ok": (
        "Cờ Đảng bên trái, cờ Tổ quốc bên phải (nhìn từ phía đại biểu), đúng cách bố trí sân "
        "khấu đại hội nhiệm kỳ 2020 - 2025 (trước Quy định 99-QĐ/TW năm 2023)"
    ),
    "decoration.flag-layout-2020-wrong": (
        "Cờ Đảng phải treo bên trái, cờ Tổ quốc bên phải (nhìn từ phía đại biểu, cách bố trí "
        "sân khấu đại hội nhiệm kỳ 2020 - 2025); cần chuyển lại"
    ),
    "decoration.flag-layout-2023-ok": (
        "Cờ Đảng và cờ Tổ quốc treo bên trái sân khấu (nhìn từ dưới lên), đúng Quy định "
        "99-QĐ/TW ngày 27/02/2023 của Ban Bí thư và Hướng dẫn 105-HD/BTGTW ngày 29/05/2023"
    ),
    "decoration.flag-layout-2023-center": (
        "Cờ Đảng và cờ Tổ quốc treo ở giữa sân khấu, phía trên tượng Bác: Hướng dẫn "
        "105-HD/BTGTW ngày 29/05/2023 cho phép cách bố trí này ở hội trường quá nhỏ hoặc quá lớn"
    ),
    "decoration.flag-layout-2023-wrong": (
        "Theo Quy định 99-QĐ/TW ngày 27/02/2023 của Ban Bí thư và Hướng dẫn 105-HD/BTGTW ngày "
        "29/05/2023, cờ Đảng và cờ Tổ quốc treo cùng bên trái sân khấu (nhìn từ dưới lên), "
        "tượng Bác đặt phía dưới (hội trường quá nhỏ hoặc quá lớn có thể treo ở giữa); cần bố "
        "trí lại"
    ),
    "decoration.flag-layout-2023-unrecorded": (
        "Chưa ghi nhận vị trí cờ Đảng, cờ Tổ quốc ([stage] party_flag_side, national_flag_side); "
        "theo Quy định 99-QĐ/TW và Hướng dẫn 105-HD/BTGTW, hai cờ treo bên trái sân khấu "
        "(nhìn từ dưới lên)"
    ),
    "decoration.flag-layout-state-ok": "Cờ Tổ quốc treo chính giữa sân khấu",
    "decoration.flag-layout-state-wrong": (
        "Cờ Tổ quốc đang treo lệch một bên: sự kiện của chính quyền treo cờ Tổ quốc chính giữa "
        "sân khấu; cần chuyển lại"
    ),
    "decoration.flag-layout-state-unrecorded": (
        'Chưa ghi nhận vị trí cờ Tổ quốc ([stage] national_flag_side = "center" khi treo chính '
        "giữa sân khấu)"
    ),
    "decoration.flag-layout-swapped": (
        "Cờ Đảng và cờ Tổ quốc đang treo ngược: cờ Đảng phải ở bên trái, cờ Tổ quốc bên phải "
        "(nhìn từ phía đại biểu); cần đổi lại"
    ),
    "decoration.flag-layout-party": (
        "Cờ Đảng phải treo bên trái (nhìn từ phía đại biểu); cần chuyển lại"
    ),
    "decoration.flag-layout-national": (
        "Cờ Tổ quốc phải treo bên phải (nhìn từ phía đại biểu); cần chuyển lại"
    ),
    "decoration.flag-layout-unrecorded": (
        "Chưa ghi nhận vị trí cờ Đảng, cờ Tổ quốc ([stage] party_flag_side, national_flag_side)"
    ),
    # -- banners and slogans -------------------------------------------------------------------
    "decoration.banners-unrecorded": (
        "Chưa ghi nhận băng rôn, khẩu hiệu nào ([[areas.decoration.settings.banners]])"
    ),
    "decoration.banner-approved": (
        'Băng rôn "{text}" ({location}): nội dung đã được {by} duyệt {on}'
    ),
    "decoration.banner-not-approved": (
        'Băng rôn "{text}" ({location}): nội dung chưa được duyệt (ghi approved_by, approved_on '
        "khi được duyệt)"
    ),
    "decoration.banner-approval-undated": (
        'Băng rôn "{text}" ({location}): {by} đã duyệt nhưng chưa ghi ngày duyệt (approved_on)'
    ),
    "decoration.banner-approval-future": (
        'Băng rôn "{text}" ({location}): {by} duyệt {on}, sau thời điểm đánh giá'
    ),
    "decoration.banner-installed": 'Băng rôn "{text}" ({location}): đã treo {installed}',
    "decoration.banner-installed-late": (
        'Băng rôn "{text}" ({location}): đã treo {installed}, muộn so với thời hạn {due}'
    ),
    "decoration.banner-not-installed": 'Băng rôn "{text}" ({location}): chưa treo',
    "decoration.slogan-official": (
        'Khẩu hiệu "{text}" ({location}) đúng nguyên văn khẩu hiệu chính thức'
    ),
    "decoration.slogan-unofficial": (
        'Khẩu hiệu "{text}" ({location}) không có trong danh sách khẩu hiệu chính thức: cần sửa '
        'đúng nguyên văn, hoặc ghi kind = "banner" nếu đây không phải khẩu hiệu chính thức'
    ),
    "decoration.slogan-list-missing": (
        'Chưa đối chiếu được khẩu hiệu "{text}" ({location}): chưa nhập danh sách khẩu hiệu '
        "chính thức theo hướng dẫn tuyên truyền hiện hành (official_slogans)"
    ),
    # -- propaganda across the ward ------------------------------------------------------------
    "decoration.panels": "Pa nô tuyên truyền trên địa bàn phường: đã dựng {installed}/{planned}",
    "decoration.panels-unrecorded": (
        "Chưa ghi nhận số pa nô tuyên truyền ([propaganda] panels_planned, panels_installed)"
    ),
    "decoration.panels-future": (
        "Số pa nô được kiểm đếm {counted_on}, sau thời điểm đánh giá: chưa tính"
    ),
    "decoration.posters": (
        "Tranh cổ động, áp phích trên địa bàn phường: đã dán {installed}/{planned}"
    ),
    "decoration.posters-unrecorded": (
        "Chưa ghi nhận số tranh cổ động, áp phích ([propaganda] posters_planned, posters_installed)"
    ),
    "decoration.posters-future": (
        "Số tranh cổ động được kiểm đếm {counted_on}, sau thời điểm đánh giá: chưa tính"
    ),
    # -- settings problems ---------------------------------------------------------------------
    "decoration.title-format-syntax": (
        "mẫu tiêu đề '{value}' có dấu ngoặc nhọn không khớp (ví dụ "
        '"ĐẠI HỘI {{organisation}} LẦN THỨ {{ordinal}}, NHIỆM KỲ {{term_start}} - {{term_end}}")'
    ),
    "decoration.title-format-field": (
        "mẫu tiêu đề dùng trường lạ '{field}' (các trường hợp lệ: {known})"
    ),
    "decoration.title-format-spec": (
        "trường '{field}' trong mẫu tiêu đề không được kèm định dạng (cần viết {{{field}}})"
    ),
}

EN: dict[str, str] = {
    # -- the backdrop's title ------------------------------------------------------------------
    "decoration.backdrop-title-ok": 'The {board} shows the official title: "{printed}"',
    "decoration.backdrop-title-ordinal": (
        'The {board} has the wrong congress number (printed "{printed_ordinal}", '
        'should be "{expected_ordinal}"): it reads "{printed}", the official title is '
        '"{expected}"; reprint the {again}'
    ),
    "decoration.backdrop-title-khoa": (
        "The {board} has the wrong number of the council's term (printed "
        '"{printed_ordinal}", should be "{expected_ordinal}"): it reads "{printed}", the '
        'official title is "{expected}"; reprint the {again}'
    ),
    "decoration.backdrop-title-term": (
        'The {board} has the wrong term (printed "{printed_term}", should be '
        '"{expected_term}"): it reads "{printed}", the official title is "{expected}"; '
        "reprint the {again}"
    ),
    "decoration.backdrop-title-ordinal-term": (
        'The {board} has the wrong number and term (printed "{printed_ordinal}, '
        'nhiệm kỳ {printed_term}", should be "{expected_ordinal}, nhiệm kỳ {expected_term}"): '
        'it reads "{printed}", the official title is "{expected}"; it may be the last term\'s '
        "{again}: reprint it"
    ),
    "decoration.backdrop-title-organisation": (
        'The {board} names the wrong organisation: it reads "{printed}", the official '
        'title is "{expected}"; reprint the {again}'
    ),
    "decoration.backdrop-title-name": (
        'The {board} names the wrong body: it reads "{printed}", the official title is '
        '"{expected}"; reprint the {again}'
    ),
    "decoration.backdrop-title-form": (
        'The {board} reads "ĐẠI HỘI ĐẠI BIỂU" but this is a congress of all members, not '
        'of delegates: it reads "{printed}", the official title is "{expected}"; reprint the '
        "{again}"
    ),
    "decoration.backdrop-title-other": (
        "The title on the {board} does not match the official title: it reads "
        '"{printed}", the official title is "{expected}"; check it word by word and reprint '
        "the {again}"
    ),
    "decoration.backdrop-title-cannot-generate": (
        "Cannot check the title on the {board}: the event file does not give {missing}, "
        "which the official title is made from"
    ),
    "decoration.backdrop-title-not-recorded": (
        "The title printed on the {board} is not recorded ([backdrop] title); it must "
        'read "{expected}"'
    ),
    # -- the board the title is printed on: a polling area's sign, else the stage backdrop ----
    "decoration.word.board.sign": "polling area's sign",
    "decoration.word.board.backdrop": "stage backdrop",
    "decoration.word.again.sign": "sign",
    "decoration.word.again.backdrop": "backdrop",
    # -- the backdrop itself -------------------------------------------------------------------
    "decoration.backdrop-printed": (
        "The main backdrop is printed, as required (an LED screen may not replace it)"
    ),
    "decoration.backdrop-led": (
        "The main backdrop is an LED screen: an LED screen may not replace the main backdrop, "
        "a printed one is needed"
    ),
    "decoration.backdrop-kind-unrecorded": (
        "Not recorded whether the main backdrop is printed or an LED screen ([backdrop] kind = "
        '"printed" or "led")'
    ),
    "decoration.backdrop-installed": "The stage backdrop was put up on {installed}",
    "decoration.backdrop-not-installed": "The stage backdrop is not up yet",
    "decoration.backdrop-unrecorded": (
        "The stage backdrop is not recorded (table [backdrop]: the printed title, the day it "
        "went up, its kind)"
    ),
    "decoration.sign-installed": "The polling area's sign was put up on {installed}",
    "decoration.sign-not-installed": "The polling area's sign is not up yet",
    "decoration.sign-unrecorded": (
        "The polling area's sign is not recorded (table [backdrop]: the printed title, the day "
        "it went up)"
    ),
    # -- the stage -----------------------------------------------------------------------------
    **_elements("en"),
    "decoration.flag-layout-ok": (
        "Party flag on the left, national flag on the right (as the delegates see them), as a "
        "congress stage of the 2020 - 2025 term was laid out (before Quy định 99-QĐ/TW, 2023)"
    ),
    "decoration.flag-layout-2020-wrong": (
        "The Party flag goes on the left and the national flag on the right (as the delegates "
        "see them, the 2020 - 2025 term's layout); move them"
    ),
    "decoration.flag-layout-2023-ok": (
        "The Party flag and the national flag hang on the left of the stage (seen from the "
        "hall), as Quy định 99-QĐ/TW of the Secretariat (27/02/2023) and Hướng dẫn "
        "105-HD/BTGTW (29/05/2023) require"
    ),
    "decoration.flag-layout-2023-center": (
        "The Party flag and the national flag hang in the centre of the stage, above the bust: "
        "Hướng dẫn 105-HD/BTGTW (29/05/2023) allows this in a very small or very large hall"
    ),
    "decoration.flag-layout-2023-wrong": (
        "Under Quy định 99-QĐ/TW of the Secretariat (27/02/2023) and Hướng dẫn 105-HD/BTGTW "
        "(29/05/2023) the Party flag and the national flag hang together on the left of the "
        "stage (seen from the hall), the bust below them (in the centre in a very small or very "
        "large hall); lay them out again"
    ),
    "decoration.flag-layout-2023-unrecorded": (
        "Not recorded which side the Party flag and the national flag hang on ([stage] "
        "party_flag_side, national_flag_side); under Quy định 99-QĐ/TW and Hướng dẫn "
        "105-HD/BTGTW both hang on the left of the stage (seen from the hall)"
    ),
    "decoration.flag-layout-state-ok": "The national flag hangs in the centre of the stage",
    "decoration.flag-layout-state-wrong": (
        "The national flag hangs to one side: at a State event it hangs in the centre of the "
        "stage; move it"
    ),
    "decoration.flag-layout-state-unrecorded": (
        'Not recorded where the national flag hangs ([stage] national_flag_side = "center" '
        "when it hangs in the centre of the stage)"
    ),
    "decoration.flag-layout-swapped": (
        "The Party flag and the national flag are swapped: the Party flag goes on the left, "
        "the national flag on the right (as the delegates see them); swap them back"
    ),
    "decoration.flag-layout-party": (
        "The Party flag must hang on the left (as the delegates see it); move it"
    ),
    "decoration.flag-layout-national": (
        "The national flag must hang on the right (as the delegates see it); move it"
    ),
    "decoration.flag-layout-unrecorded": (
        "Not recorded which side the Party flag and the national flag hang on "
        "([stage] party_flag_side, national_flag_side)"
    ),
    # -- banners and slogans -------------------------------------------------------------------
    "decoration.banners-unrecorded": (
        "No banner or slogan is recorded ([[areas.decoration.settings.banners]])"
    ),
    "decoration.banner-approved": (
        'Banner "{text}" ({location}): content approved by {by} on {on}'
    ),
    "decoration.banner-not-approved": (
        'Banner "{text}" ({location}): content not approved yet (record approved_by and '
        "approved_on once it is)"
    ),
    "decoration.banner-approval-undated": (
        'Banner "{text}" ({location}): approved by {by}, but the date is not recorded (approved_on)'
    ),
    "decoration.banner-approval-future": (
        'Banner "{text}" ({location}): approved by {by} on {on}, after the assessment'
    ),
    "decoration.banner-installed": 'Banner "{text}" ({location}): put up on {installed}',
    "decoration.banner-installed-late": (
        'Banner "{text}" ({location}): put up on {installed}, after its deadline {due}'
    ),
    "decoration.banner-not-installed": 'Banner "{text}" ({location}): not up yet',
    "decoration.slogan-official": ('Slogan "{text}" ({location}) reads as an official slogan'),
    "decoration.slogan-unofficial": (
        'Slogan "{text}" ({location}) is not in the list of official slogans: correct its '
        'wording, or write kind = "banner" if it is not meant as an official slogan'
    ),
    "decoration.slogan-list-missing": (
        'Slogan "{text}" ({location}) cannot be checked: the official slogans of the current '
        "propaganda guidance are not entered (official_slogans)"
    ),
    # -- propaganda across the ward ------------------------------------------------------------
    "decoration.panels": "Propaganda panels across the ward: {installed}/{planned} up",
    "decoration.panels-unrecorded": (
        "The propaganda panels are not recorded ([propaganda] panels_planned, panels_installed)"
    ),
    "decoration.panels-future": (
        "The panels were counted on {counted_on}, after the assessment: not counted yet"
    ),
    "decoration.posters": "Propaganda posters across the ward: {installed}/{planned} up",
    "decoration.posters-unrecorded": (
        "The propaganda posters are not recorded ([propaganda] posters_planned, posters_installed)"
    ),
    "decoration.posters-future": (
        "The posters were counted on {counted_on}, after the assessment: not counted yet"
    ),
    # -- settings problems ---------------------------------------------------------------------
    "decoration.title-format-syntax": (
        "title format '{value}' has unbalanced braces (expected e.g. "
        '"ĐẠI HỘI {{organisation}} LẦN THỨ {{ordinal}}, NHIỆM KỲ {{term_start}} - {{term_end}}")'
    ),
    "decoration.title-format-field": (
        "title format uses an unknown field '{field}' (known fields: {known})"
    ),
    "decoration.title-format-spec": (
        "field '{field}' of the title format may not carry a format spec (expected {{{field}}})"
    ),
}

# The default owner roles, named in both languages (template.ROLES).
for _role in ROLES:
    VI[_role.id], EN[_role.id] = _role.vi, _role.en

MESSAGES = {"vi": VI, "en": EN}
