"""Reproducible builds: the same sources give byte-identical published output.

German: two clean builds of the site, the session's (in this process, from the repository) and
``python -m sphinx`` as Read the Docs runs it (strict, from a copy in another folder, with a
fixed hash seed: set and dict order must not leak into the HTML). Danish and English: two
command-line builds of a copy, with different hash seeds, each language in a process of its
own as Read the Docs builds it. (Against the session's in-process Danish build the inventory
``objects.inv`` differs: Sphinx keeps the label of the Python module index from the session's
first in-process build, the German one, for the later ones.) The builds must not differ in any
published file, the calendar file included. Only the doctrees (Sphinx's cache, never
published) are left out: they are written outside the output folder.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from harness import LANGUAGES, copy_site, sphinx_cli

PUBLISHED = ("-D", "oklab_live_reload=0")  # as make html and the session's build


def published_files(outdir):
    return {p.relative_to(outdir).as_posix(): p for p in outdir.rglob("*") if p.is_file()}


def command_line_build(src: Path, out: Path, *options: str, seed: str) -> Path:
    """The published folder of a strict ``python -m sphinx`` build with hash seed ``seed``."""
    build = sphinx_cli(src, out / "html", *PUBLISHED, *options, "-d", str(out / "doctrees"),
                       PYTHONHASHSEED=seed)  # fmt: skip
    assert build.returncode == 0, build.output
    assert "WARNING" not in build.output and "ERROR" not in build.output, build.output
    return build.outdir


def assert_identical(first: Path, second: Path) -> None:
    a, b = published_files(first), published_files(second)
    assert sorted(a) == sorted(b), "the two builds published different files"
    assert "treffen.ics" in a
    differing = [name for name in sorted(a) if a[name].read_bytes() != b[name].read_bytes()]
    assert differing == [], f"files differ between two builds of the same sources: {differing}"


def test_command_line_build_of_a_copy_is_byte_identical(site, tmp_path):
    assert os.environ.get("PYTHONHASHSEED") != "4242", "the two builds need other hash seeds"
    src = copy_site(tmp_path / "checkout")
    assert_identical(site.outdir, command_line_build(src, tmp_path / "cli", seed="4242"))


@pytest.mark.parametrize("language", LANGUAGES[1:])
def test_each_translation_builds_byte_identical_twice(language, tmp_path):
    src = copy_site(tmp_path / "checkout")
    builds = [
        command_line_build(src, tmp_path / seed, "-D", f"language={language}", seed=seed)
        for seed in ("4242", "7")
    ]
    assert_identical(*builds)
