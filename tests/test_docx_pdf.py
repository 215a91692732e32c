"""The Word report (#14), converted to PDF by LibreOffice headless, as an office would print it.

LibreOffice is Debian's ``libreoffice-writer-nogui`` and the PDF is read with poppler's
``pdftotext`` and ``pdfinfo`` (``poppler-utils``), which ``.ci/run`` installs when they are
missing. Without them the test is skipped on a developer's machine, and fails when ``CI`` is
set: CI must have installed them (as tests/test_browser.py treats a missing chromium).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from .conftest import ROOT, RunCli

NGOC_THUY = ROOT / "examples" / "ngoc-thuy-2020" / "congress.toml"
NGOC_THUY_AS_OF = "2020-05-14T16:00+07:00"
ELECTION = ROOT / "examples" / "election-2021" / "election.toml"
ELECTION_AS_OF = "2021-05-22T18:00+07:00"
TOOLS = ("soffice", "pdftotext", "pdfinfo")

#: What the first page must say, by example and language: the header's lines, the date line,
#: the title; then every area's title somewhere in the document.
EXPECTED = {
    ("ngoc-thuy", "vi"): [
        "ĐẢNG BỘ QUẬN LONG BIÊN",
        "ĐẢNG ỦY PHƯỜNG NGỌC THỤY",
        "-BC/ĐU",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "Ngọc Thụy, ngày 14 tháng 5 năm 2020",
        "BÁO CÁO",
        "I. ĐÁNH GIÁ CHUNG",
    ],
    ("ngoc-thuy", "en"): [
        "LONG BIÊN DISTRICT PARTY ORGANISATION",
        "NGỌC THỤY WARD PARTY COMMITTEE",
        "COMMUNIST PARTY OF VIETNAM",
        "Ngọc Thụy, 14 May 2020",
        "REPORT",
        "I. OVERALL ASSESSMENT",
    ],
    ("election", "vi"): [
        "ỦY BAN NHÂN DÂN",
        "PHƯỜNG NGỌC THỤY",
        "/BC-UBND",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Ngọc Thụy, ngày 22 tháng 5 năm 2021",
        "BÁO CÁO",
    ],
}
AREAS = {
    ("ngoc-thuy", "vi"): [
        "Công tác chung",
        "An ninh, trật tự",
        "Trang trí, tuyên truyền",
        "Truyền thanh",
        "Khử khuẩn, y tế",
    ],
    ("ngoc-thuy", "en"): [
        "General preparations",
        "Security and order",
        "Decoration and propaganda",
        "Ward radio",
        "Disinfection and health",
    ],
    ("election", "vi"): ["Công tác chung", "An ninh, trật tự", "Khử khuẩn, y tế"],
}
SIGNATURE = {
    ("ngoc-thuy", "vi"): ["Nơi nhận:", "T/M ĐẢNG ỦY", "BÍ THƯ"],
    ("ngoc-thuy", "en"): ["Recipients:", "ON BEHALF OF THE PARTY COMMITTEE", "SECRETARY"],
    ("election", "vi"): ["Nơi nhận:", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"],
}


@pytest.fixture(scope="module")
def office() -> dict[str, str]:
    found = {tool: shutil.which(tool) for tool in TOOLS}
    missing = [tool for tool, path in found.items() if path is None]
    if missing:
        reason = (
            f"{', '.join(missing)} not on PATH: the Word report's PDF test needs Debian's "
            "libreoffice-writer-nogui and poppler-utils (apt-get install libreoffice-writer-nogui "
            "poppler-utils; .ci/run installs them)"
        )
        if os.environ.get("CI"):
            pytest.fail(f"CI is set but {reason}", pytrace=False)
        pytest.skip(reason)
    return {tool: path for tool, path in found.items() if path is not None}


def _to_pdf(office: dict[str, str], docx: Path, tmp_path: Path) -> Path:
    # a profile of its own: another LibreOffice running on the machine cannot take the call
    profile = (tmp_path / "lo-profile").as_uri()
    done = subprocess.run(
        [office["soffice"], f"-env:UserInstallation={profile}", "--headless",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(docx)],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    pdf = tmp_path / (docx.stem + ".pdf")
    assert done.returncode == 0, done.stderr
    assert pdf.is_file(), done.stdout
    return pdf


def _pages(office: dict[str, str], pdf: Path) -> int:
    info = subprocess.run(
        [office["pdfinfo"], str(pdf)], capture_output=True, text=True, check=True, timeout=60
    ).stdout
    found = re.search(r"^Pages:\s+(\d+)$", info, re.MULTILINE)
    assert found is not None, info
    return int(found.group(1))


def _text(office: dict[str, str], pdf: Path, *pages: str) -> str:
    done = subprocess.run(
        [office["pdftotext"], *pages, str(pdf), "-"],
        capture_output=True, text=True, encoding="utf-8", check=True, timeout=60,
    )  # fmt: skip
    # one space for any run of white space: a line the PDF wrapped reads as one
    return " ".join(done.stdout.split())


@pytest.mark.parametrize(
    ("example", "lang"), [("ngoc-thuy", "vi"), ("ngoc-thuy", "en"), ("election", "vi")]
)
def test_docx_converts_to_a_pdf_with_the_official_layout(
    example: str, lang: str, office: dict[str, str], run_cli: RunCli, tmp_path: Path
) -> None:
    source, as_of = (
        (NGOC_THUY, NGOC_THUY_AS_OF) if example == "ngoc-thuy" else (ELECTION, ELECTION_AS_OF)
    )
    docx = tmp_path / f"{example}-{lang}.docx"
    done = run_cli(
        "check", source, "--as-of", as_of, "--format", "docx", "--lang", lang, "-o", docx
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    pdf = _to_pdf(office, docx, tmp_path)

    pages = _pages(office, pdf)
    assert 1 <= pages <= 6  # a report the ward can file: Ngọc Thụy's is four pages
    first = _text(office, pdf, "-f", "1", "-l", "1")
    for line in EXPECTED[(example, lang)]:
        assert line in first, f"{line!r} not on page 1: {first[:600]}"
    # the header comes first: the issuer and the title before the body
    assert first.index(EXPECTED[(example, lang)][0]) < first.index(EXPECTED[(example, lang)][-1])
    whole = _text(office, pdf)
    for area in AREAS[(example, lang)]:
        assert area in whole
    for line in SIGNATURE[(example, lang)]:
        assert line in whole
    # the signature block is the end of the document
    last = _text(office, pdf, "-f", str(pages), "-l", str(pages))
    assert SIGNATURE[(example, lang)][-1] in last
