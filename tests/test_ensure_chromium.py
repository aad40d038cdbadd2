"""scripts/ensure-chromium, which `make test` runs first: quiet when Chromium is there, else it says how."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "ensure-chromium"


def test_it_is_quiet_when_chromium_is_installed(tmp_path: Path) -> None:
    chromium = tmp_path / "chromium"
    chromium.write_text("#!/bin/sh\n")
    chromium.chmod(0o755)
    done = subprocess.run(
        [SCRIPT], env={**os.environ, "CHROMIUM": str(chromium)}, capture_output=True, text=True, check=False
    )
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")


@pytest.mark.skipif(os.geteuid() != 0 or not shutil.which("runuser"), reason="needs root to become nobody")
def test_without_root_it_prints_the_exact_command(tmp_path: Path) -> None:
    done = subprocess.run(
        ["runuser", "-u", "nobody", "--", "env", f"CHROMIUM={tmp_path}/missing", str(SCRIPT)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    assert "sudo apt-get update && sudo apt-get install -y chromium" in done.stderr
