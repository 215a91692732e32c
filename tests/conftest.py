"""Shared fixtures: paths to the examples, and a runner for the real CLI in a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SMALL_EXAMPLE = ROOT / "examples" / "small" / "congress.toml"

RunCli = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def small_example() -> Path:
    return SMALL_EXAMPLE


@pytest.fixture
def run_cli() -> RunCli:
    """Run ``python -m venue_ready ARGS`` and return the finished process (text mode)."""

    def run(
        *args: str | os.PathLike[str],
        env: dict[str, str] | None = None,
        cwd: Path | None = None,
    ) -> subprocess.CompletedProcess[str]:
        # Start from the caller's environment minus our own variables, so that a developer's
        # VENUE_READY_LANG cannot change what a test sees; a test sets what it needs in env.
        base = {k: v for k, v in os.environ.items() if not k.startswith("VENUE_READY_")}
        full_env = {**base, "PYTHONIOENCODING": "utf-8", **(env or {})}
        return subprocess.run(
            [sys.executable, "-m", "venue_ready", *map(str, args)],
            capture_output=True,
            text=True,
            encoding="utf-8",
            env=full_env,
            cwd=cwd or ROOT,
            timeout=60,
            check=False,
        )

    return run
