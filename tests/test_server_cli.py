"""``venue-ready serve`` and ``venue-ready access`` as a user runs them (#17): real processes,
a real server on a free loopback port, a mark recorded over HTTP and read back by
``venue-ready history``; the accounts made by the command line; the extra's absence said."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from .conftest import RunCli

ROOT = Path(__file__).resolve().parent.parent
NGOC_THUY = ROOT / "examples" / "ngoc-thuy-2020" / "congress.toml"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "served"
    root.mkdir()
    shutil.copy(NGOC_THUY, root / "congress.toml")
    return root


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_access_makes_accounts_and_refuses_what_is_wrong(run_cli: RunCli, folder: Path) -> None:
    made = run_cli(
        "access", "team", folder, "--event", "ngoc-thuy-2020", "--scope", "security",
        "Công an phường",
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    assert made.stderr == "Đã tạo tài khoản Công an phường (Đơn vị thực hiện).\n"
    again = run_cli(
        "access", "team", folder, "--event", "ngoc-thuy-2020", "--scope", "security",
        "Công an phường", "--lang", "en",
    )  # fmt: skip
    assert (again.returncode, again.stderr) == (
        2,
        "There is already an account called Công an phường.\n",
    )
    unknown = run_cli("access", "reviewer", folder, "--event", "phuc-loi-2020", "Quận")
    assert unknown.returncode == 2
    assert "không có sự kiện mã phuc-loi-2020 (các sự kiện có: ngoc-thuy-2020)" in unknown.stderr
    listed = run_cli("access", "accounts", folder)
    assert listed.stdout == "Công an phường\tĐơn vị thực hiện\tngoc-thuy-2020  [security]\n"
    short = subprocess.run(
        [sys.executable, "-m", "venue_ready", "access", "password", str(folder), "Công an phường"],
        input="ngan\n", capture_output=True, text=True, encoding="utf-8", check=False,
        timeout=60,
    )  # fmt: skip
    assert (short.returncode, short.stderr) == (2, "Mật khẩu phải có ít nhất 8 ký tự.\n")
    link = run_cli("access", "link", folder, "Công an phường", "--url", "http://10.0.0.5:8000")
    assert link.returncode == 0, link.stderr
    url, *qr = link.stdout.splitlines()
    assert url.startswith("http://10.0.0.5:8000/link?token=")
    assert len(qr) > 10
    assert all(set(line) <= set("█▀▄ ") for line in qr)  # the QR code as text
    # the store keeps hashes only: neither the token nor the link is in the file
    stored = (folder / ".venue-ready" / "access.sqlite").read_bytes()
    assert url.split("token=")[1].encode() not in stored
    assert oct((folder / ".venue-ready" / "access.sqlite").stat().st_mode & 0o777) == "0o600"


def test_serve_records_a_mark_over_http_and_history_reads_it_back(
    run_cli: RunCli, folder: Path
) -> None:
    assert run_cli(
        "access", "team", folder, "--event", "ngoc-thuy-2020", "--scope", "security",
        "Công an phường",
    ).returncode == 0  # fmt: skip
    token = run_cli("access", "token", folder, "Công an phường").stdout.strip()
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("VENUE_READY_")}
    server = subprocess.Popen(
        [sys.executable, "-m", "venue_ready", "serve", str(folder), "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):  # until it listens (bounded: about 20 seconds)
            try:
                with urllib.request.urlopen(f"{base}/signin", timeout=2) as answer:
                    assert answer.status == 200
                break
            except (urllib.error.URLError, ConnectionError):
                assert server.poll() is None, server.stderr.read() if server.stderr else ""
                time.sleep(0.1)
        request = urllib.request.Request(
            f"{base}/api/events/ngoc-thuy-2020/marks",
            data=json.dumps(
                {"subject": "security:main-gate", "status": "done", "note": "Đã bố trí 2 đồng chí"}
            ).encode(),
            headers={"authorization": f"Bearer {token}", "content-type": "application/json"},
            method="POST",
        )
        with urllib.request.urlopen(request, timeout=30) as answer:
            assert answer.status == 201
            assert json.load(answer)["by"] == "Công an phường"
        nobody = urllib.request.Request(f"{base}/api/events/ngoc-thuy-2020/board")
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(nobody, timeout=30)
        assert refused.value.code == 401
        refused.value.close()  # its connection, which the error holds
    finally:
        server.terminate()
        server.wait(timeout=30)
        if server.stdout is not None:
            server.stdout.close()
        stderr = server.stderr.read().decode() if server.stderr else ""
        if server.stderr is not None:
            server.stderr.close()
    assert f"tại http://127.0.0.1:{port}" in stderr
    history = run_cli("history", folder / "congress.toml", "security:main-gate", "--format", "json")
    assert history.returncode == 0, history.stderr
    (entry,) = json.loads(history.stdout)["entries"]
    assert (entry["subject"], entry["status"], entry["by"], entry["note"]) == (
        "security:main-gate",
        "done",
        "Công an phường",
        "Đã bố trí 2 đồng chí",
    )


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_without_the_extra_serve_names_it(
    run_cli: RunCli, folder: Path, tmp_path: Path, lang: str
) -> None:
    # the import fails in a real process, as it does where the extra is not installed
    stub = tmp_path / "stub"
    stub.mkdir()
    (stub / "uvicorn.py").write_text(
        "raise ImportError('No module named uvicorn (simulated)')\n", encoding="utf-8"
    )
    done = run_cli("serve", folder, "--lang", lang, env={"PYTHONPATH": str(stub)})
    assert done.returncode == 2
    assert "pip install 'venue-ready[server]'" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_folder_that_is_not_one(run_cli: RunCli, tmp_path: Path) -> None:
    done = run_cli("serve", tmp_path / "nowhere")
    assert (done.returncode, done.stderr) == (
        2,
        f"{tmp_path / 'nowhere'} không phải là một thư mục\n",
    )


def test_neither_import_venue_ready_nor_check_imports_the_server() -> None:
    web = ("starlette", "uvicorn", "asgi_csrf", "argon2", "segno", "multipart", "itsdangerous")
    code = (
        "import sys\n"
        "import venue_ready\n"
        "from venue_ready.cli import main\n"
        f"main(['check', {str(NGOC_THUY)!r}, '--format', 'json', '-o', '/dev/null'])\n"
        f"print(sorted(m for m in sys.modules if m.split('.')[0] in {web!r}"
        " or m.startswith('venue_ready.server')))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120,
        check=False,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"
