"""The code follows the project's style (ruff check and format, the same ruff as pre-commit)."""

import re
import subprocess
import sys
import tomllib

import pytest
import yaml
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


def test_ruff_is_pinned_once_and_pre_commit_runs_the_same_version():
    groups = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    requirements = [
        item
        for section in [groups["project"]["dependencies"], *groups["dependency-groups"].values()]
        for item in section
        if isinstance(item, str)
    ]
    ruff = [item for item in requirements if re.match(r"ruff\b", item)]
    assert len(ruff) == 1 and re.fullmatch(r"ruff==\d+\.\d+\.\d+", ruff[0]), ruff
    version = ruff[0].removeprefix("ruff==")
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    [hook] = [repo for repo in config["repos"] if repo["repo"].endswith("/ruff-pre-commit")]
    assert hook["rev"] == f"v{version}"
