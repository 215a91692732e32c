"""Issue #15, "a CLI that helps": suggestions for a misspelt command, option, choice or format;
the event files beside a missing one; examples in every command's help; shell completion made
from the parser; the language from the locale; the operating system's errors in the reader's
language; and docs/cli.md's excerpts, which must be what the tool prints.

Everything runs through the real CLI in a subprocess, except where a parser is built in-process
to show that completion follows whatever commands it holds.
"""

from __future__ import annotations

import errno
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from venue_ready import _i18n, _messages

from .conftest import LOCALE_VARIABLES, ROOT, RunCli

CLI_DOC = ROOT / "docs" / "cli.md"
REGEN = os.environ.get("VENUE_READY_REGEN_GOLDEN") == "1"

#: The built-in formats, as completion offers them (pinned here, not read from the code).
FORMATS = ("text", "json", "md", "html", "brief", "docx", "xlsx", "ics")


def _cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """The real CLI, with no language from the caller's environment, 80 columns wide."""
    base = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("VENUE_READY_") and k not in LOCALE_VARIABLES
    }
    return subprocess.run(
        [sys.executable, "-m", "venue_ready", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**base, "PYTHONIOENCODING": "utf-8", "COLUMNS": "80", **(env or {})},
        cwd=ROOT,
        timeout=60,
        check=False,
    )


# -- "did you mean" ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "lang", "expected"),
    [
        (("chek", "x.toml"), "vi", "venue-ready: lỗi: không có lệnh 'chek' (có phải là 'check'?"),
        (("chek", "x.toml"), "en", "venue-ready: error: no command 'chek' (did you mean 'check'?"),
        (
            ("check", "x.toml", "--formt", "html"),
            "vi",
            "venue-ready: lỗi: không có tùy chọn --formt (có phải là --format?)\n",
        ),
        (
            ("check", "x.toml", "--formt=html"),
            "en",
            "venue-ready: error: no option --formt (did you mean --format?)\n",
        ),
        (
            ("journal", "export", "x.toml", "--journl", "j.sqlite"),
            "en",
            "venue-ready: error: no option --journl (did you mean --journal?)\n",
        ),
        (
            ("rollup", "examples", "--format", "htm"),
            "vi",
            "--format: không có lựa chọn 'htm' (có phải là 'html'? các lựa chọn: text, json, html)",
        ),
        (
            ("journal", "exprot", "x.toml"),
            "en",
            "no command 'exprot' (did you mean 'export'? the commands: export, import, copy)",
        ),
        (
            ("check", "x.toml", "--fail-under", "abc"),
            "en",
            "--fail-under: 'abc' is not a valid value (expected 0..100)",
        ),
    ],
)
def test_a_usage_mistake_is_answered_with_what_was_meant(
    args: tuple[str, ...], lang: str, expected: str
) -> None:
    proc = _cli(*args, env={"VENUE_READY_LANG": lang})
    assert proc.returncode == 2, proc.stderr
    assert proc.stdout == ""
    assert expected in proc.stderr
    help_line = "Xem hướng dẫn: venue-ready" if lang == "vi" else "For help: venue-ready"
    assert proc.stderr.splitlines()[-1].startswith(help_line)
    assert "Traceback" not in proc.stderr


def test_an_unknown_option_is_shown_with_its_commands_usage() -> None:
    proc = _cli("journal", "export", "x.toml", "--quixotic", env={"VENUE_READY_LANG": "en"})
    assert proc.stderr.startswith("usage: venue-ready journal export ")
    assert "venue-ready: error: no option --quixotic\n" in proc.stderr  # nothing near enough


def test_a_word_far_from_every_command_gets_the_list_only() -> None:
    proc = _cli("frobnicate", env={"VENUE_READY_LANG": "vi"})
    assert "không có lệnh 'frobnicate' (các lệnh: check, rollup, init," in proc.stderr
    assert "có phải là" not in proc.stderr


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "vi",
            "định dạng 'htm' không có (có phải là 'html'? các định dạng có: text, json, md, html",
        ),
        ("en", "no format 'htm' (did you mean 'html'? the formats: text, json, md, html"),
    ],
)
def test_a_misspelt_format_is_answered_with_the_nearest(
    run_cli: RunCli, small_example: Path, lang: str, expected: str
) -> None:
    proc = run_cli("check", small_example, "--format", "htm", "--lang", lang)
    assert proc.returncode == 2
    assert expected in proc.stderr


# -- a missing event file -----------------------------------------------------------------------

EVENT = '[event]\nid = "x"\n'


def test_a_missing_file_names_the_event_files_beside_it(tmp_path: Path) -> None:
    (tmp_path / "dai-hoi-2020.toml").write_text(EVENT, encoding="utf-8")
    (tmp_path / "dai-hoi-2025.toml").write_text("# ghi chú\n\n[event]\n", encoding="utf-8")
    (tmp_path / "bau-cu.toml").write_text(EVENT, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    (tmp_path / "dai-hoi.txt").write_text(EVENT, encoding="utf-8")
    missing = tmp_path / "dai-hoi-2021.toml"
    proc = _cli("check", str(missing), env={"LANG": "vi_VN.UTF-8"})
    assert proc.returncode == 2
    *_problems, hint = proc.stderr.splitlines()
    # the two nearest names first (2020 is one letter from 2021), then the rest; no file
    # without an [event] table, no file that is not .toml
    files = ", ".join(str(tmp_path / n) for n in ("dai-hoi-2020.toml", "dai-hoi-2025.toml"))
    assert hint == (
        f"Trong thư mục {tmp_path} có các tệp sự kiện sau (tên gần giống nhất đứng đầu): "
        f"{files}, {tmp_path / 'bau-cu.toml'}"
    )
    assert "không tìm thấy tệp hoặc thư mục" in proc.stderr


def test_a_missing_file_in_the_current_folder_is_named_as_typed(tmp_path: Path) -> None:
    (tmp_path / "congress.toml").write_text(EVENT, encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "venue_ready", "check", "congres.toml", "--lang", "en"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=tmp_path,
        check=False,
    )
    assert proc.stderr.splitlines()[-1] == (
        "Folder . holds these event files (the closest name first): congress.toml"
    )


def test_a_missing_file_in_a_folder_without_event_files_says_how_to_make_one(
    tmp_path: Path,
) -> None:
    proc = _cli("check", str(tmp_path / "x.toml"), "--lang", "en")
    assert proc.stderr.splitlines()[-1] == (
        f"Folder {tmp_path} holds no event file (a .toml file with an [event] table). "
        "To make one: venue-ready init FILE --starts OPENING_TIME"
    )


def test_a_missing_folder_suggests_nothing(tmp_path: Path) -> None:
    proc = _cli("check", str(tmp_path / "none" / "x.toml"), "--lang", "en")
    assert proc.returncode == 2
    assert proc.stderr.splitlines()[-1].startswith("Not assessed: ")


# -- examples in help ---------------------------------------------------------------------------


def _command_paths() -> list[tuple[str, ...]]:
    """Every command that runs (a leaf of the parser's tree), as typed."""
    from venue_ready.cli import build_parser
    from venue_ready.cli._common import Parser

    paths: list[tuple[str, ...]] = []

    def walk(parser: Parser, path: tuple[str, ...]) -> None:
        if parser.commands is None:
            paths.append(path)
            return
        for name, sub in parser.commands.choices.items():
            walk(sub, (*path, name))

    walk(build_parser("en"), ())
    return paths


@pytest.mark.parametrize("path", [(), *_command_paths()], ids=lambda p: " ".join(p) or "main")
def test_every_command_s_help_ends_with_examples(path: tuple[str, ...]) -> None:
    for lang, heading in (("vi", "Ví dụ:"), ("en", "Examples:")):
        proc = _cli(*path, "--help", "--lang", lang)
        assert proc.returncode == 0, proc.stderr
        _head, found, examples = proc.stdout.partition(f"\n{heading}\n")
        assert found, f"{' '.join(path)} --help has no {heading}"
        # an example is a command to type: this command's own
        assert " ".join(("venue-ready", *path)) in examples.splitlines()[0]


# -- completion ---------------------------------------------------------------------------------

BASH = shutil.which("bash")


def _complete(script: str, *words: str) -> list[str]:
    """What bash's completion function offers for ``venue-ready WORDS`` (the last word being
    completed), run for real."""
    assert BASH is not None
    words_array = " ".join(f"'{w}'" for w in ("venue-ready", *words))
    program = (
        f"{script}\nCOMP_WORDS=({words_array}); COMP_CWORD={len(words)}; _venue_ready; "
        'printf "%s\\n" "${COMPREPLY[@]}"'
    )
    proc = subprocess.run(
        [BASH, "--norc", "-c", program], capture_output=True, text=True, cwd=ROOT, check=True
    )
    return proc.stdout.split()


@pytest.mark.skipif(BASH is None, reason="bash is not installed")
def test_bash_completion_completes_commands_options_and_values() -> None:
    proc = _cli("completion", "bash")
    assert proc.returncode == 0, proc.stderr
    script = proc.stdout
    assert _complete(script, "ch") == ["check"]
    assert set(_complete(script, "")) >= {"check", "rollup", "journal", "completion"}
    assert _complete(script, "check", "--fo") == ["--format"]
    assert _complete(script, "check", "x.toml", "--format", "") == list(FORMATS)
    assert _complete(script, "check", "x.toml", "--lang", "") == ["vi", "en"]
    assert _complete(script, "journal", "") == ["export", "import", "copy"]
    assert _complete(script, "journal", "export", "x.toml", "--fo") == ["--format"]
    assert _complete(script, "completion", "") == ["bash", "zsh", "fish"]
    # an event file's argument: the files of the folder
    assert _complete(script, "check", "examples/sm") == ["examples/small"]


ZSH, FISH = shutil.which("zsh"), shutil.which("fish")


@pytest.mark.skipif(ZSH is None, reason="zsh is not installed")
def test_zsh_completion_runs_the_same_function_through_bashcompinit(tmp_path: Path) -> None:
    """zsh calls the function through bashcompinit's compgen (0-based arrays, as in bash); it
    offers every candidate and zsh's own matching keeps those the word starts."""
    assert ZSH is not None
    script = tmp_path / "venue-ready.zsh"
    script.write_text(_cli("completion", "zsh").stdout, encoding="utf-8")
    program = (
        f"autoload -U +X compinit && compinit -u -D; source {script}; "
        'try() { words=("$@"); CURRENT=$#; COMP_WORDS=("$@"); COMP_CWORD=$(( $# - 1 )); '
        'compgen -F _venue_ready -- "${@[-1]}" | sort | tr "\\n" " "; echo; }; '
        'try venue-ready ""; try venue-ready journal ""; try venue-ready check x --format ""'
    )
    proc = subprocess.run(
        [ZSH, "-f", "-c", program], capture_output=True, text=True, cwd=ROOT, check=True
    )
    commands, journal, formats = proc.stdout.splitlines()
    assert {"check", "rollup", "completion"} <= set(commands.split())
    assert journal.split() == ["copy", "export", "import"]
    assert formats.split() == sorted(FORMATS)


@pytest.mark.skipif(FISH is None, reason="fish is not installed")
def test_fish_completion_completes_with_descriptions(tmp_path: Path) -> None:
    assert FISH is not None
    script = tmp_path / "venue-ready.fish"
    script.write_text(_cli("completion", "fish", "--lang", "en").stdout, encoding="utf-8")

    def complete(line: str) -> list[str]:
        program = f"source {script}; complete -C'{line}'"
        proc = subprocess.run(
            [FISH, "-N", "-c", program], capture_output=True, text=True, cwd=ROOT, check=True
        )
        return [row.split("\t")[0] for row in proc.stdout.splitlines() if row]

    assert complete("venue-ready ch") == ["check"]
    assert complete("venue-ready check --fo") == ["--format"]
    assert complete("venue-ready journal ") == ["copy", "export", "import"]
    assert complete("venue-ready check x --format ") == sorted(FORMATS)
    assert (
        "check\tassess an event's readiness from its TOML file"
        in subprocess.run(
            [FISH, "-N", "-c", f"source {script}; complete -C'venue-ready che'"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    )


def test_zsh_and_fish_scripts() -> None:
    zsh = _cli("completion", "zsh").stdout
    assert "bashcompinit" in zsh
    assert "complete -o default -F _venue_ready venue-ready" in zsh
    fish = _cli("completion", "fish", "--lang", "en").stdout
    assert "complete -c venue-ready -n '__fish_use_subcommand' -a 'check' -d " in fish
    assert re.search(r"-n '__fish_seen_subcommand_from check' -l 'format' -x -a 'text json", fish)
    assert "-n '__fish_seen_subcommand_from export' -l 'journal' -r -F" in fish


def test_completion_follows_the_parser_not_a_list() -> None:
    """A command added to the parser (as another command module would add one) is completed
    with its options, with nothing else to change."""
    from venue_ready.cli import build_parser
    from venue_ready.cli._common import add_command
    from venue_ready.cli.completion import _bash, _walk

    parser = build_parser("en")
    assert parser.commands is not None
    added = add_command(parser.commands, "tidy", "en", "cli.help.check")
    added.option("--indent", choices=("2", "4"), help_id="cli.help.check")
    script = _bash(list(_walk(parser, ())), zsh=False)
    if BASH is not None:
        assert _complete(script, "tid") == ["tidy"]
        assert _complete(script, "tidy", "--in") == ["--indent"]
        assert _complete(script, "tidy", "--indent", "") == ["2", "4"]


def test_a_misspelt_option_of_a_new_command_is_suggested_from_the_parser() -> None:
    from venue_ready.cli import build_parser
    from venue_ready.cli._common import add_command
    from venue_ready.cli._usage import unrecognized

    parser = build_parser("en")
    assert parser.commands is not None
    added = add_command(parser.commands, "tidy", "en", "cli.help.check")
    added.option("--indent", help_id="cli.help.check")
    assert unrecognized(added, ["--indnet"]) == "no option --indnet (did you mean --indent?)"
    # an option in a group is the parser's option too
    added.add_mutually_exclusive_group().add_argument("--compact", action="store_true")
    added.add_argument_group("output").add_argument("--stdout", action="store_true")
    assert unrecognized(added, ["--compcat"]) == "no option --compcat (did you mean --compact?)"
    assert unrecognized(added, ["--stdot"]) == "no option --stdot (did you mean --stdout?)"


# -- the language -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("env", "args", "lang"),
    [
        ({}, (), "vi"),
        ({"LANG": "C.UTF-8"}, (), "vi"),
        ({"LANG": "vi_VN.UTF-8"}, (), "vi"),
        ({"LANG": "en_US.UTF-8"}, (), "en"),
        ({"LANG": "fr_FR.UTF-8"}, (), "en"),
        ({"LANGUAGE": "en_GB:vi"}, (), "en"),
        ({"LANG": "C.UTF-8", "LANGUAGE": "en"}, (), "en"),
        ({"LANG": "en_US.UTF-8", "LANGUAGE": "vi"}, (), "en"),
        ({"LC_MESSAGES": "vi_VN.UTF-8", "LANG": "en_US.UTF-8"}, (), "vi"),
        ({"LC_ALL": "en_US.UTF-8", "LC_MESSAGES": "vi_VN.UTF-8"}, (), "en"),
        ({"VENUE_READY_LANG": "vi", "LC_ALL": "en_US.UTF-8"}, (), "vi"),
        ({"VENUE_READY_LANG": "en", "LANG": "vi_VN.UTF-8"}, (), "en"),
        ({"VENUE_READY_LANG": "en"}, ("--lang", "vi"), "vi"),
        ({"LANG": "vi_VN.UTF-8"}, ("--lang=en",), "en"),
    ],
)
def test_the_language_comes_from_lang_then_the_variable_then_the_locale(
    env: dict[str, str], args: tuple[str, ...], lang: str
) -> None:
    proc = _cli("chek", *args, env=env)
    assert proc.returncode == 2
    expected = "cách dùng: venue-ready" if lang == "vi" else "usage: venue-ready"
    assert proc.stderr.startswith(expected), proc.stderr


# -- the operating system's errors ---------------------------------------------------------------


def test_every_os_error_the_catalogs_name_has_words_in_both_languages() -> None:
    for name in _i18n._OS_ERRORS:
        assert hasattr(errno, name), name
        for catalog in (_messages.VI, _messages.EN):
            assert f"os-error.{name}" in catalog, name
    assert _i18n.os_error(FileNotFoundError(errno.ENOENT, "No such file or directory")) == (
        _i18n.Message("os-error.ENOENT")
    )
    other = _i18n.os_error(OSError(errno.EPIPE, "Broken pipe"))
    assert _i18n.translate(other, "vi") == "lỗi hệ thống: Broken pipe"


@pytest.mark.parametrize(
    ("output", "vi", "en"),
    [
        ("none/report.txt", "không tìm thấy tệp hoặc thư mục", "no such file or folder"),
        ("a-file/report.txt", "một phần của đường dẫn không phải thư mục", "a part of the path"),
    ],
)
def test_an_os_error_is_said_in_the_reader_s_language(
    small_example: Path, tmp_path: Path, output: str, vi: str, en: str
) -> None:
    (tmp_path / "a-file").write_text("", encoding="utf-8")
    target = tmp_path / output
    for lang, words in (("vi", vi), ("en", en)):
        proc = _cli("check", str(small_example), "--lang", lang, "-o", str(target))
        assert proc.returncode == 2
        prefix = "không ghi được" if lang == "vi" else "cannot write"
        assert f"{prefix} {target}: {words}" in proc.stderr
        assert "No such file" not in proc.stderr
        assert "Not a directory" not in proc.stderr


def test_a_folder_given_as_the_event_file(tmp_path: Path) -> None:
    proc = _cli("check", str(tmp_path), "--lang", "vi")
    assert f"{tmp_path}: không đọc được tệp: đây là thư mục, không phải tệp" in proc.stderr


def test_no_command_quotes_the_system_s_english() -> None:
    """Every OSError reaches the reader through os_error: no module formats .strerror."""
    src = ROOT / "src" / "venue_ready"
    offenders = [
        str(path.relative_to(ROOT))
        for path in src.rglob("*.py")
        if path.name != "_i18n.py" and "strerror" in path.read_text(encoding="utf-8")
    ]
    assert offenders == []


# -- docs/cli.md ---------------------------------------------------------------------------------

_BLOCK = re.compile(r"```console\n\$ (?P<command>[^\n]*)\n(?P<output>.*?)```", re.DOTALL)


def _wrong_section() -> tuple[str, int, int]:
    text = CLI_DOC.read_text(encoding="utf-8")
    start = text.index("## When something is wrong")
    end = text.find("\n## ", start + 1)
    return text, start, len(text) if end == -1 else end


def test_the_doc_shows_what_the_tool_prints() -> None:
    """Each ```console block of "When something is wrong" is a command and what it prints,
    byte for byte (VENUE_READY_REGEN_GOLDEN=1 rewrites them after a deliberate change)."""
    text, start, end = _wrong_section()
    section = text[start:end]
    blocks = list(_BLOCK.finditer(section))
    assert len(blocks) == 6  # three mistakes, in Vietnamese and in English
    new_section = section
    for block in blocks:
        words = block["command"].split()
        env = {}
        while "=" in words[0]:
            key, _eq, value = words.pop(0).partition("=")
            env[key] = value
        assert words[0] == "venue-ready"
        proc = _cli(*words[1:], env=env)
        assert proc.returncode == 2, proc.stderr
        assert proc.stdout == ""
        if REGEN:
            new_section = new_section.replace(
                block.group(), block.group().replace(block["output"], proc.stderr)
            )
        else:
            assert block["output"] == proc.stderr, f"docs/cli.md: {block['command']}"
    if REGEN:
        CLI_DOC.write_text(text[:start] + new_section + text[end:], encoding="utf-8")


def test_the_event_file_page_shows_the_same_excerpts_as_this_page() -> None:
    """docs/event-file.md shows a misspelt command and a missing file next to the loader's
    problems: each of its console blocks is one of docs/cli.md's, word for word (and those are
    what the tool prints, by the test above)."""
    ours = {m["command"]: m[0] for m in _BLOCK.finditer(CLI_DOC.read_text(encoding="utf-8"))}
    page = (CLI_DOC.parent / "event-file.md").read_text(encoding="utf-8")
    theirs = list(_BLOCK.finditer(page))
    assert {m["command"] for m in theirs} >= {
        "venue-ready chek examples/small/congress.toml",
        "venue-ready check examples/small/congres.toml",
    }
    for block in theirs:
        assert block[0] == ours[block["command"]], block["command"]
