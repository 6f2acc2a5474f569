"""A small site built in-process with Sphinx's test application, for tests that change its
files (``tests/roots/test-escaping``: every place a front-matter or data value is shown)."""

from __future__ import annotations

import shutil
from io import StringIO
from pathlib import Path

import yaml
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp

ROOT = Path(__file__).resolve().parents[1]
SMALL_SITE = ROOT / "tests" / "roots" / "test-escaping"


def write_small_site(dest: Path, project: dict, lab_changes=None) -> Path:
    """A copy of the small site with ``projekte/karte.md`` from ``project`` (front matter) and
    the real ``_data/lab.yaml``, changed by ``lab_changes(data)`` if given."""
    shutil.copytree(SMALL_SITE, dest)
    shutil.copytree(ROOT / "_static" / "icons", dest / "_static" / "icons")
    lab = yaml.safe_load((ROOT / "_data" / "lab.yaml").read_text(encoding="utf-8"))
    if lab_changes is not None:
        lab_changes(lab)
    (dest / "_data").mkdir(exist_ok=True)  # git keeps no empty folder in the root
    (dest / "_data" / "lab.yaml").write_text(yaml.safe_dump(lab, allow_unicode=True), "utf-8")
    page = "---\n" + yaml.safe_dump(project, allow_unicode=True) + "---\n\nText.\n"
    (dest / "projekte" / "karte.md").write_text(page, encoding="utf-8")
    return dest


def build_in_process(src: Path, dest: Path) -> tuple[Path, str]:
    """Build ``src`` (dirhtml, clean); ``(output folder, warnings)``."""
    warnings = StringIO()
    app = SphinxTestApp("dirhtml", srcdir=src, builddir=dest, freshenv=True, warning=warnings)
    try:
        app.build()
    finally:
        app.cleanup()
    return dest / "dirhtml", warnings.getvalue()


def page(outdir: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((outdir / path / "index.html").read_text(encoding="utf-8"), "html.parser")
