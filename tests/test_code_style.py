"""The code follows the project's style (ruff check and format, as in pre-commit)."""

import subprocess
import sys

import pytest
from harness import ROOT


@pytest.mark.parametrize("command", [["check"], ["format", "--check"]], ids=["lint", "format"])
def test_ruff(command):
    proc = subprocess.run(
        [sys.executable, "-m", "ruff", *command, "_ext", "tests", "benchmarks", "tools", "conf.py"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
