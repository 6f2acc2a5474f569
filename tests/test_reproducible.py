"""Reproducible builds: the same sources give byte-identical published output.

Two clean builds of one snapshot of the site, from two different folders and with different
hash seeds (set and dict order must not leak into the HTML), must not differ in any file that
is published. Only the doctrees (Sphinx's cache, never published) are left out: they are
written outside the output folder.
"""

from __future__ import annotations

import os

from conftest import copy_site, sphinx_build


def published_files(outdir):
    return {p.relative_to(outdir).as_posix(): p for p in outdir.rglob("*") if p.is_file()}


def test_two_clean_builds_are_byte_identical(tmp_path):
    first = copy_site(tmp_path / "a" / "src")
    second = copy_site(tmp_path / "b" / "checkout", root=first)
    builds = []
    for src, seed in ((first, "1"), (second, "4242")):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = src.parent
        build = sphinx_build(src, out / "html", "-E", "-d", str(out / "doctrees"), env=env)
        assert build.returncode == 0, build.output
        builds.append(published_files(out / "html"))
    a, b = builds
    assert sorted(a) == sorted(b), "the two builds published different files"
    differing = [name for name in sorted(a) if a[name].read_bytes() != b[name].read_bytes()]
    assert differing == [], f"files differ between two builds of the same sources: {differing}"
