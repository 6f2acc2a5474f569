"""Reproducible builds: the same sources give byte-identical published output.

Two clean builds of the site: the session's (in this process, from the repository) and
``python -m sphinx`` as Read the Docs runs it (strict, from a copy in another folder, with a
fixed hash seed: set and dict order must not leak into the HTML). They must not differ in any
published file, the calendar file included. Only the doctrees (Sphinx's cache, never
published) are left out: they are written outside the output folder.
"""

from __future__ import annotations

import os

from harness import copy_site, sphinx_cli


def published_files(outdir):
    return {p.relative_to(outdir).as_posix(): p for p in outdir.rglob("*") if p.is_file()}


def test_command_line_build_of_a_copy_is_byte_identical(site, tmp_path):
    assert os.environ.get("PYTHONHASHSEED") != "4242", "the two builds need other hash seeds"
    src = copy_site(tmp_path / "checkout")
    published = ("-D", "oklab_live_reload=0")  # as make html and the session's build
    build = sphinx_cli(
        src, tmp_path / "html", *published, "-d", str(tmp_path / "doctrees"), PYTHONHASHSEED="4242"
    )
    assert build.returncode == 0, build.output
    assert "WARNING" not in build.output and "ERROR" not in build.output, build.output
    a, b = published_files(site.outdir), published_files(build.outdir)
    assert sorted(a) == sorted(b), "the two builds published different files"
    assert "treffen.ics" in a
    differing = [name for name in sorted(a) if a[name].read_bytes() != b[name].read_bytes()]
    assert differing == [], f"files differ between two builds of the same sources: {differing}"
