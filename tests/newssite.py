"""A small site with news and events (``tests/roots/test-news``), built in-process: the tests
of posts, events, feeds and topics add the posts they need."""

from __future__ import annotations

import shutil
from pathlib import Path

from bs4 import BeautifulSoup
from harness import ROOT, Output, build_in_process

NEWS_SITE = ROOT / "tests" / "roots" / "test-news"


def post(title: str, date: str, *lines: str, body: str = "Ein Absatz Text.") -> str:
    """A post's Markdown: ``title``, ``date`` and further front-matter ``lines``."""
    front = "\n".join([f"title: {title}", f"date: {date}", *lines])
    return f"---\n{front}\n---\n\n# {title}\n\n{body}\n"


def write_news_site(dest: Path, files: dict[str, str | bytes]) -> Path:
    """A copy of the small news site, the real ``_data/lab.yaml`` and the site's icons, plus
    ``files`` (path -> text or bytes)."""
    shutil.copytree(NEWS_SITE, dest)
    shutil.copytree(ROOT / "_static" / "icons", dest / "_static" / "icons")
    (dest / "_data").mkdir()
    shutil.copy(ROOT / "_data" / "lab.yaml", dest / "_data" / "lab.yaml")
    for name, content in files.items():
        target = dest / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
    return dest


def build_news_site(tmp: Path, files: dict[str, str | bytes]) -> tuple[Path, str]:
    """Build the small news site with ``files``; ``(output folder, warnings)``."""
    built = build_in_process(write_news_site(tmp / "src", files), tmp / "build")
    return built.outdir, built.warnings


def page(outdir: Path, path: str) -> BeautifulSoup:
    return Output(outdir).page(path)
