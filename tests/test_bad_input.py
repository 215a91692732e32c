"""Bad event files through the real command line: every problem reported, none as a traceback.

Each case writes one bad file to a temporary directory, runs ``python -m venue_ready check FILE``
in a subprocess and checks what a user sees: exit code 2, nothing on stdout, and on stderr one
line per problem (``file: key.path: what is wrong (what was expected)``) followed by the
"not assessed" summary line.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from typing import TYPE_CHECKING

import attrs
import pytest

from .support import event_header

if TYPE_CHECKING:
    from pathlib import Path

# A valid event file; every case below breaks it in one (or, for "several", more) places. The
# syntax errors' line numbers count from the header's first line (schema = 1).
BASE = (
    event_header(
        id="phuong-mau-2020",
        name="Đại hội Đảng bộ phường Mẫu lần thứ XV",
        ends="2020-05-15T17:00:00+07:00",
        lang="vi",
    )
    + """
[areas.general]

[[areas.general.items]]
id = "cells.congresses"
title = "Đại hội các chi bộ trực thuộc đã tổ chức xong"
due = 2020-04-30
status = "done"

[[areas.general.items]]
id = "service.programme"
title = "Chương trình, kịch bản điều hành Đại hội"
due = 2020-05-12
status = "in_progress"
progress = 0.6
"""
)

# items are named by their ids (a repeated id by its 1-based position)
ITEM0 = "areas.general.items[cells.congresses]"
ITEM1 = "areas.general.items[service.programme]"


def edit(text: str, *changes: tuple[str, str]) -> str:
    """``text`` with each ``(old, new)`` applied once; ``old`` must be there (no silent no-op)."""
    for old, new in changes:
        if text.count(old) != 1:
            raise ValueError(f"{old!r} occurs {text.count(old)} times in the base file")
        text = text.replace(old, new)
    return text


# The event's name with its first "Đ" as Windows-1258 writes it (byte 0xD0), the rest UTF-8.
NOT_UTF8 = edit(BASE, ("Đại hội Đảng", "\udcd0ại hội Đảng")).encode("utf-8", "surrogateescape")
NOT_UTF8_OFFSET = BASE.encode("utf-8").index("Đ".encode())


@attrs.frozen
class Case:
    """One bad input: the file's content and the problem lines expected on stderr.

    ``expected`` holds one fragment per problem; ``{file}`` stands for the file's path as given
    on the command line. ``content`` is None for a file that does not exist. ``lang`` None runs
    without ``--lang`` (the file's own ``lang`` then decides).
    """

    content: str | bytes | None
    expected: tuple[str, ...]
    lang: str | None = "en"


CASES: dict[str, Case] = {
    "toml-syntax-error": Case(
        edit(BASE, ('lang = "vi"', 'lang = "vi')),
        (
            "{file}:8:11: TOML syntax error: Unterminated string "
            "(the closing double quote is missing)",
        ),
    ),
    "impossible-calendar-date-is-a-syntax-error": Case(
        edit(BASE, ("due = 2020-04-30", "due = 2020-02-30")),
        ("{file}:15:7: TOML syntax error: Invalid date or datetime (expected 2020-05-14 or ",),
    ),
    "wrong-type-number-for-string": Case(
        edit(BASE, ('name = "Đại hội Đảng bộ phường Mẫu lần thứ XV"', "name = 15")),
        ("{file}: event.name: wrong type: a number (expected a string)",),
    ),
    "wrong-type-string-for-number": Case(
        edit(BASE, ("progress = 0.6", 'progress = "60%"')),
        (f"{{file}}: {ITEM1}.progress: wrong type: a string (expected a number)",),
    ),
    "wrong-type-string-for-boolean": Case(
        edit(BASE, ('status = "done"', 'status = "done"\ngate = "yes"')),
        (f"{{file}}: {ITEM0}.gate: wrong type: a string (expected true or false)",),
    ),
    "unknown-key-did-you-mean": Case(
        edit(BASE, ('title = "Chương trình', 'titel = "Chương trình')),
        (
            # and no "missing required key 'title'" after it: the hint says so
            f"{{file}}: {ITEM1}.titel: unknown key 'titel' (did you mean 'title'?)",
        ),
    ),
    "missing-required-key": Case(
        edit(BASE, ('id = "phuong-mau-2020"\n', "")),
        ("{file}: event.id: missing required key 'id'",),
    ),
    "duplicate-item-id": Case(
        edit(BASE, ('id = "service.programme"', 'id = "cells.congresses"')),
        (
            "{file}: areas.general.items[#2].id: duplicate item id 'cells.congresses', already "
            "used at areas.general.items[#1] (expected each item to have its own id)",
        ),
    ),
    "event-ends-before-it-starts": Case(
        edit(BASE, ("ends = 2020-05-15T17", "ends = 2020-05-14T17")),
        (
            "{file}: event.ends: the event ends (14 May 2020, 17:00) before it starts "
            "(15 May 2020, 07:30) (expected an end after the start)",
        ),
    ),
    "before-item-due-after-start": Case(
        edit(BASE, ("due = 2020-05-12", "due = 2020-05-16")),
        (
            f"{{file}}: {ITEM1}.due: a before-phase item is due 16 May 2020, after the event "
            'starts 15 May 2020, 07:30 (expected a due date before the start, or phase = "during")',
        ),
    ),
    "progress-above-one": Case(
        edit(BASE, ("progress = 0.6", "progress = 1.5")),
        (f"{{file}}: {ITEM1}.progress: value 1.5 is out of range (expected 0 to 1)",),
    ),
    "progress-below-zero": Case(
        edit(BASE, ("progress = 0.6", "progress = -0.5")),
        (f"{{file}}: {ITEM1}.progress: value -0.5 is out of range (expected 0 to 1)",),
    ),
    "waiver-without-reason": Case(
        edit(
            BASE,
            ('status = "done"', 'status = "waived"\nwaiver = { approved_by = "Đ/c Bí thư" }'),
        ),
        (f'{{file}}: {ITEM0}.waiver.reason: the waiver has no reason (expected reason = "...")',),
    ),
    "signoff-on-item-that-needs-none": Case(
        edit(
            BASE,
            (
                'status = "done"',
                'status = "done"\nsigned_off = { by = "Quận ủy", at = 2020-05-06 }',
            ),
        ),
        (
            f"{{file}}: {ITEM0}.signed_off: item 'cells.congresses' records a sign-off but needs "
            'none (add requires_signoff = "approving body" or remove signed_off)',
        ),
    ),
    "area-no-plugin-provides": Case(
        BASE.replace("areas.general", "areas.genral"),
        (
            "{file}: areas.genral: no installed plugin provides area 'genral' "
            "(did you mean 'general'?)",
        ),
    ),
    "unknown-status-did-you-mean": Case(
        edit(BASE, ('status = "done"', 'status = "dnoe"')),
        (
            f"{{file}}: {ITEM0}.status: invalid value 'dnoe' (did you mean 'done'? expected one "
            "of: todo, in_progress, done, blocked, waived)",
        ),
    ),
    "unsupported-schema-version": Case(
        edit(BASE, ("schema = 1", "schema = 2")),
        ("{file}: schema: unsupported schema version 2 (expected schema = 1)",),
    ),
    "missing-file": Case(None, ("{file}: cannot read the file: no such file or folder",)),
    "not-utf8": Case(
        NOT_UTF8,
        (
            f"{{file}}: the file is not UTF-8 (bad byte at offset {NOT_UTF8_OFFSET}); "
            "save it as UTF-8",
        ),
    ),
    "several-problems-all-reported": Case(
        edit(
            BASE,
            ('id = "phuong-mau-2020"\n', ""),
            ("ends = 2020-05-15T17", "ends = 2020-05-14T17"),
            ('status = "done"', 'status = "dnoe"\nowner = 5'),
            ('title = "Chương trình', 'titel = "Chương trình'),
            ("progress = 0.6", "progress = 1.5"),
        ),
        (
            "{file}: event.id: missing required key 'id'",
            "{file}: event.ends: the event ends (14 May 2020, 17:00) before it starts",
            f"{{file}}: {ITEM0}.status: invalid value 'dnoe' (did you mean 'done'?",
            f"{{file}}: {ITEM0}.owner: wrong type: a number (expected a string)",
            f"{{file}}: {ITEM1}.titel: unknown key 'titel' (did you mean 'title'?)",
            f"{{file}}: {ITEM1}.progress: value 1.5 is out of range (expected 0 to 1)",
        ),
    ),
    "roman-ordinal-above-3999": Case(
        edit(BASE, ('lang = "vi"', 'lang = "vi"\nordinal = "MMMM"')),
        (
            "{file}: event.ordinal: 'MMMM' is not a valid ordinal (expected a whole number such "
            "as 22, or a Roman numeral such as XXII)",
        ),
    ),
    "term-with-superscript-digits": Case(
        edit(BASE, ('lang = "vi"', 'lang = "vi"\nterm = "²-³"')),
        ("{file}: event.term: invalid term '²-³' (expected \"2020 - 2025\" or [2020, 2025])",),
    ),
    "infinite-weight": Case(
        edit(BASE, ("progress = 0.6", "progress = 0.6\nweight = inf")),
        (
            f"{{file}}: {ITEM1}.weight: value inf is not a finite number "
            "(expected an ordinary number)",
        ),
    ),
    "value-with-newline-stays-on-one-line": Case(
        edit(BASE, ('status = "done"', 'status = "do\\nne"')),
        (f"{{file}}: {ITEM0}.status: invalid value 'do\\nne' (did you mean 'done'?",),
    ),
    "out-of-range-value-shown-exactly": Case(
        edit(BASE, ("progress = 0.6", "progress = 1.04")),
        (f"{{file}}: {ITEM1}.progress: value 1.04 is out of range (expected 0 to 1)",),
    ),
    # -- the same problems, for a Vietnamese reader ---------------------------------------------
    "vi-toml-syntax-error": Case(
        edit(BASE, ('lang = "vi"', 'lang = "vi')),
        ("{file}:8:11: lỗi cú pháp TOML: chuỗi văn bản chưa đóng (thiếu dấu ngoặc kép ",),
        lang="vi",
    ),
    "vi-duplicate-item-id": Case(
        edit(BASE, ('id = "service.programme"', 'id = "cells.congresses"')),
        (
            "{file}: areas.general.items[#2].id: mã đầu việc 'cells.congresses' bị trùng, đã "
            "dùng ở areas.general.items[#1] (mỗi đầu việc cần một mã riêng)",
        ),
        lang="vi",
    ),
    "vi-area-no-plugin-provides": Case(
        BASE.replace("areas.general", "areas.genral"),
        (
            "{file}: areas.genral: không có plugin nào cung cấp mảng 'genral' "
            "(có phải ý bạn là 'general'?)",
        ),
        lang="vi",
    ),
    "vi-progress-out-of-range": Case(
        edit(BASE, ("progress = 0.6", "progress = 1.5")),
        # Vietnamese writes the decimal comma.
        (f"{{file}}: {ITEM1}.progress: giá trị 1,5 nằm ngoài khoảng cho phép (cần từ 0 đến 1)",),
        lang="vi",
    ),
    "vi-ends-before-starts": Case(
        edit(BASE, ("ends = 2020-05-15T17", "ends = 2020-05-14T17")),
        (
            "{file}: event.ends: thời điểm kết thúc (17 giờ 00 ngày 14 tháng 5 năm 2020) "
            "trước thời điểm khai mạc (7 giờ 30 ngày 15 tháng 5 năm 2020) "
            "(cần kết thúc sau khi khai mạc)",
        ),
        lang="vi",
    ),
    "no-lang-option-uses-the-files-lang": Case(
        edit(BASE, ('status = "done"', 'status = "dnoe"')),
        (f"{{file}}: {ITEM0}.status: giá trị 'dnoe' không hợp lệ (có phải ý bạn là 'done'?",),
        lang=None,
    ),
    "no-lang-option-english-file": Case(
        edit(BASE, ('lang = "vi"', 'lang = "en"'), ('status = "done"', 'status = "dnoe"')),
        (f"{{file}}: {ITEM0}.status: invalid value 'dnoe' (did you mean 'done'?",),
        lang=None,
    ),
}

SUMMARY = {
    "en": "Not assessed: {count} problem{s} in {file}.",  # "1 problem", "2 problems"
    "vi": "Không đánh giá được: {count} vấn đề trong tệp {file}.",
}


def run_check(path: Path | str, lang: str | None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("VENUE_READY_")}
    env["PYTHONIOENCODING"] = "utf-8"
    args = [sys.executable, "-m", "venue_ready", "check", str(path)]
    if lang is not None:
        args += ["--lang", lang]
    return subprocess.run(
        args, capture_output=True, text=True, encoding="utf-8", env=env, timeout=60, check=False
    )


def assert_reported(
    result: subprocess.CompletedProcess[str], file: str, expected: tuple[str, ...], lang: str
) -> None:
    """Exit 2, no stdout, no traceback, and exactly one problem line per expected problem: each
    at ``file:line:column:`` (but a problem of the whole file) and followed by the file's line
    with a ``^`` marker under it, as a compiler shows it. A fragment starting ``{file}: `` may
    stand for one at any line and column; ``{file}:8:11: `` says which."""
    assert "Traceback" not in result.stdout + result.stderr, result.stderr
    assert result.returncode == 2, result.stderr
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines, "nothing on stderr"
    *body, summary = lines
    assert summary == SUMMARY[lang].format(
        count=len(expected), file=file, s="" if len(expected) == 1 else "s"
    )
    at = re.compile(re.escape(file) + r":(\d+):(\d+): ")
    problem_lines: list[str] = []
    unplaced: list[str] = []
    while body:
        line = body.pop(0)
        assert line.startswith(f"{file}"), line
        found = at.match(line)
        if found is None:
            assert line.startswith(f"{file}: "), line
            problem_lines.append(line)
            unplaced.append(line)
            continue
        # the excerpt: " N | the line", then the marker under the column
        number, marker = body.pop(0), body.pop(0)
        assert number.startswith(f" {found[1]} | "), (line, number)
        gutter = len(found[1]) + 4
        assert marker[:gutter] == " " * (gutter - 2) + "| ", marker
        assert marker[gutter:].lstrip(" \t").startswith("^"), marker
        problem_lines.append(line)
        unplaced.append(f"{file}: " + line[found.end() :])
    assert len(problem_lines) == len(expected), result.stderr
    for template in expected:
        fragment = template.format(file=file)
        where = problem_lines if at.match(fragment) else unplaced
        matching = [line for line in where if line.startswith(fragment)]
        assert len(matching) == 1, f"{fragment!r} not on exactly one line of:\n{result.stderr}"


@pytest.mark.parametrize("case", list(CASES.values()), ids=list(CASES))
def test_bad_input_is_reported_not_raised(case: Case, tmp_path: Path) -> None:
    path = tmp_path / "congress.toml"
    if isinstance(case.content, str):
        path.write_text(case.content, encoding="utf-8")
    elif isinstance(case.content, bytes):
        path.write_bytes(case.content)
    result = run_check(path, case.lang)
    if case.content is None:
        # A file that is not there: after the summary, what the folder holds instead (#15).
        *lines, hint = result.stderr.splitlines()
        assert hint == (
            f"Folder {tmp_path} holds no event file (a .toml file with an [event] table). "
            "To make one: venue-ready init FILE --starts OPENING_TIME"
        )
        result = subprocess.CompletedProcess(
            result.args, result.returncode, result.stdout, "\n".join(lines) + "\n"
        )
    assert_reported(result, str(path), case.expected, case.lang or _lang(case))


def _lang(case: Case) -> str:
    # Without --lang the file's own language applies; BASE says "vi" unless the case changed it.
    assert isinstance(case.content, str)
    return "en" if 'lang = "en"' in case.content else "vi"


def test_base_file_is_valid(tmp_path: Path) -> None:
    """The cases above break a file that is otherwise fine: the base itself is assessed."""
    path = tmp_path / "congress.toml"
    path.write_text(BASE, encoding="utf-8")
    result = run_check(path, "en")
    assert "Traceback" not in result.stdout + result.stderr
    assert result.returncode == 0, result.stderr
    assert "Overall readiness:" in result.stdout


def test_directory_instead_of_file(tmp_path: Path) -> None:
    result = run_check(tmp_path, "en")
    assert_reported(
        result, str(tmp_path), ("{file}: cannot read the file: it is a folder, not a file",), "en"
    )


# Inputs that once crashed the loader or garbled its message; the third field says how.
REGRESSIONS = {
    "huge-integer-weight": (
        edit(BASE, ("progress = 0.6", "progress = 0.6\nweight = 1" + "0" * 400)),
        f"{{file}}: {ITEM1}.weight: ",
        "number(): math.isfinite(10**400) raises OverflowError: traceback",
    ),
    "place-type-shows-doubled-braces": (
        edit(
            BASE,
            ("\n[areas.general]", '\n[venue]\nname = "Hội trường"\nzones = [5]\n\n[areas.general]'),
        ),
        "{file}:12:10: venue.zones[#1]: wrong type: a number "
        "(expected a table {{id, name}} or a string)",
        "type.place is looked up by {expected:@type} and not formatted: '{{id, name}}' shows",
    ),
}


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        pytest.param(content, expected, id=name)
        for name, (content, expected, _why) in REGRESSIONS.items()
    ],
)
def test_regression_bad_input(content: str, expected: str, tmp_path: Path) -> None:
    path = tmp_path / "congress.toml"
    path.write_text(content, encoding="utf-8")
    result = run_check(path, "en")
    assert_reported(result, str(path), (expected,), "en")
