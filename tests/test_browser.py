"""The example event's HTML report, rendered in headless Chromium (issue #5, point 5).

Chromium and its WebDriver are Debian's ``chromium`` and ``chromium-driver`` packages, which
``.ci/run`` installs when they are missing. Without them the test is skipped on a developer's
machine, and fails when ``CI`` is set: CI must have installed them.
"""

from __future__ import annotations

import os
import shutil
import struct
from collections.abc import Iterator
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

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
