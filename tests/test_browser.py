"""The example event's HTML report, rendered in headless Chromium (issue #5, point 5), printed
to PDF and shown at a phone's width (issue #14).

Chromium and its WebDriver are Debian's ``chromium`` and ``chromium-driver`` packages, which
``.ci/run`` installs when they are missing. Without them the test is skipped on a developer's
machine, and fails when ``CI`` is set: CI must have installed them.
"""

from __future__ import annotations

import base64
import io
import os
import re
import shutil
import struct
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.print_page_options import PrintOptions

import venue_ready
from venue_ready._dates import parse_instant
from venue_ready._i18n import format_score

from .conftest import ROOT, RunCli

EXAMPLE = ROOT / "examples" / "ngoc-thuy-2020" / "congress.toml"
AS_OF = "2020-05-14T16:00+07:00"
#: The overall score as the report writes it (a decimal comma in Vietnamese).
OVERALL_SCORE = {"vi": "92,9", "en": "92.9"}
# Without the background-networking flags, Chromium's own connections fail noisily offline.
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1280,2000",
]


def _missing_browser(what: str) -> None:
    reason = (
        f"{what}: the browser test needs Debian's chromium and chromium-driver "
        "(apt-get install chromium chromium-driver; .ci/run installs them)"
    )
    if os.environ.get("CI"):
        pytest.fail(f"CI is set but {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="module")
def driver(tmp_path_factory: pytest.TempPathFactory) -> Iterator[webdriver.Chrome]:
    chromium = shutil.which("chromium")
    chromedriver = shutil.which("chromedriver")
    if chromium is None:
        _missing_browser("chromium is not on PATH")
    if chromedriver is None:
        _missing_browser("chromedriver is not on PATH")
    assert chromium is not None
    assert chromedriver is not None
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    # An explicit driver path: Selenium Manager never looks for (or downloads) a driver.
    service = Service(executable_path=chromedriver)
    browser = webdriver.Chrome(options=options, service=service)
    try:
        yield browser
    finally:
        browser.quit()


def _is_png(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_html_report_renders_in_chromium(
    lang: str, driver: webdriver.Chrome, run_cli: RunCli, tmp_path: Path
) -> None:
    report_file = tmp_path / "report.html"
    done = run_cli(
        "check", EXAMPLE, "--as-of", AS_OF, "--lang", lang,
        "--format", "html", "--output", report_file,
    )  # fmt: skip
    assert done.returncode in (0, 1), done.stderr
    assert report_file.is_file()

    driver.get(report_file.as_uri())
    assert driver.execute_script("return document.readyState") == "complete"
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == lang
    assert "Ngọc Thụy" in driver.title

    severe = [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
    assert severe == []

    # The overall score: an element whose own text is the score, and that is displayed.
    score = driver.find_elements(
        By.XPATH, f"//*[normalize-space(text()) = '{OVERALL_SCORE[lang]}']"
    )
    assert any(element.is_displayed() for element in score), "overall score not visible"

    event = venue_ready.load(EXAMPLE)
    report = venue_ready.assess(event, as_of=parse_instant(AS_OF, event.tz))
    assert format_score(report.score, lang) == OVERALL_SCORE[lang]
    assert len(report.areas) >= 5
    for area in report.areas:
        title = area.title(lang)
        assert "'" not in title
        found = driver.find_elements(By.XPATH, f"//*[text()[contains(., '{title}')]]")
        assert any(element.is_displayed() for element in found), f"{title!r} not visible"

    screenshot = tmp_path / f"report-{lang}.screenshot.png"
    assert driver.save_screenshot(str(screenshot))
    data = screenshot.read_bytes()
    width, height = _is_png(data)
    assert width >= 800
    assert height >= 600
    assert len(data) > 20_000


#: The most A4 pages the example's report may print on (it printed on 15 before #14).
MAX_PAGES = 5
#: The running footer's page number, as the stylesheet's @page margin box writes it.
PAGE_NUMBER = {"vi": "Trang {page} / {pages}", "en": "Page {page} of {pages}"}
#: Page 1's verdict with its counts, and its list of what to act on by body in charge.
COUNTS = {
    "vi": "3 điều kiện bắt buộc chưa đạt · 3 đầu việc quá hạn · 5 đơn vị phụ trách",
    "en": "Critical conditions unmet: 3 · overdue items: 3 · bodies in charge: 5",
}
ATTENTION = {
    "vi": "Việc cần xử lý, theo đơn vị phụ trách",
    "en": "What to act on, by body in charge",
}


def _page(run_cli: RunCli, tmp_path: Path, lang: str) -> Path:
    report_file = tmp_path / f"report-{lang}.html"
    done = run_cli(
        "check", EXAMPLE, "--as-of", AS_OF, "--lang", lang,
        "--format", "html", "--output", report_file,
    )  # fmt: skip
    assert done.returncode in (0, 1), done.stderr
    return report_file


def _text(page_text: str) -> str:
    """A PDF page's text with the spaces pypdf puts inside Vietnamese words taken out."""
    return re.sub(r"\s+", "", page_text)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_html_report_prints_on_a4(
    lang: str, driver: webdriver.Chrome, run_cli: RunCli, tmp_path: Path
) -> None:
    """Chromium's print to PDF: at most five A4 pages, each with the event's name and its
    page number in the footer, and page 1 the verdict with its counts and the blockers by
    body in charge."""
    driver.set_window_size(1280, 2000)
    driver.get(_page(run_cli, tmp_path, lang).as_uri())
    options = PrintOptions()
    options.page_width = 21.0
    options.page_height = 29.7
    options.background = True
    pdf = base64.b64decode(driver.print_page(options))
    (tmp_path / f"report-{lang}.pdf").write_bytes(pdf)
    pages = PdfReader(io.BytesIO(pdf)).pages
    assert 1 <= len(pages) <= MAX_PAGES
    for number, page in enumerate(pages, start=1):
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        # A4 in points (210 x 297 mm), to the point Chromium rounds its page size to
        assert abs(width - 595.3) < 1.5
        assert abs(height - 841.9) < 1.5
        text = _text(page.extract_text())
        assert _text(PAGE_NUMBER[lang].format(page=number, pages=len(pages))) in text
        assert _text("Đại hội Đảng bộ phường Ngọc Thụy lần thứ XXII") in text
    first = _text(pages[0].extract_text())
    assert _text(COUNTS[lang]) in first
    assert _text(ATTENTION[lang]) in first
    # the service sub-committee, a role of the plugins, by its name in the page's language
    service = "Tiểu ban Phục vụ" if lang == "vi" else "Service sub-committee"
    for owner in ("Công an phường Ngọc Thụy", service, "Trạm Y tế phường Ngọc Thụy"):
        assert _text(owner) in first
    assert _text("quá hạn 1 ngày" if lang == "vi" else "overdue by 1 day") in first


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_html_report_fits_a_phone(
    lang: str, driver: webdriver.Chrome, run_cli: RunCli, tmp_path: Path
) -> None:
    """At 390 CSS pixels (a phone), nothing is wider than the window: no sideways scrolling."""
    driver.get(_page(run_cli, tmp_path, lang).as_uri())
    driver.set_window_size(390, 844)
    try:
        inner = driver.execute_script("return window.innerWidth")
        assert inner <= 400
        wide = driver.execute_script("return document.documentElement.scrollWidth")
        assert wide <= inner
        verdict = driver.find_element(By.CLASS_NAME, "verdict")
        assert verdict.is_displayed()
        assert verdict.rect["x"] + verdict.rect["width"] <= inner
    finally:
        driver.set_window_size(1280, 2000)
