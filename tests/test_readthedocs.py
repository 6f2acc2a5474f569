"""The Read the Docs configuration is valid against its published schema (offline)."""

import subprocess
import sys

import yaml
from harness import ROOT


def test_readthedocs_config_matches_schema():
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "check_jsonschema",
            "--builtin-schema",
            "vendor.readthedocs",
            str(ROOT / ".readthedocs.yaml"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_readthedocs_builds_strictly_from_the_site_lock():
    config = yaml.safe_load((ROOT / ".readthedocs.yaml").read_text(encoding="utf-8"))
    assert config["sphinx"]["configuration"] == "conf.py"
    assert config["sphinx"]["builder"] == "dirhtml"
    assert config["sphinx"]["fail_on_warning"] is True
    # Only the locked, hash-checked build dependencies (tests/test_tasks.py checks the file).
    assert config["python"]["install"] == [{"requirements": "requirements/site.txt"}]
    assert (ROOT / "requirements" / "site.txt").is_file()
    python = tuple(map(int, config["build"]["tools"]["python"].split(".")))
    assert python >= (3, 11)
