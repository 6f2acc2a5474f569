"""Copies of the site with extra, synthetic project pages and posts: for the benchmark and the
scale tests.

The synthetic pages use only the front matter real pages have (projects: title, description,
status, tags, links, repo; posts: title, description, date, tags, every tenth with an event),
so they build with the site's own validation. They are clearly marked as test data
("Testprojekt", "Testbeitrag") and never leave the temporary folder.
"""

from __future__ import annotations

import shutil
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# Never copied: tools, caches, build output, tests.
SKIP = {
    ".venv",
    ".git",
    "_build",
    "node_modules",
    "tests",
    "benchmarks",
    ".pytest_cache",
    ".ruff_cache",
    "__pycache__",
}
STATUSES = ("seeking", "active", "finished")
TAGS = ("Umwelt", "Mobilität", "Kultur", "Statistik", "Familie")
PREFIX = "testprojekt-"
POST_PREFIX = "testbeitrag-"
NEWEST_POST = date(2026, 11, 25)  # then one post a week, going back


def copy_site(dest: Path, root: Path = ROOT) -> Path:
    """Copy the site's sources (not its tools or output) to ``dest``."""
    shutil.copytree(
        root,
        dest,
        ignore=lambda _dir, names: [n for n in names if n in SKIP or n.endswith(".mo")],
        symlinks=True,
    )
    return dest


def project_page(number: int) -> str:
    """One synthetic project page, front matter as the real project pages have it."""
    status = STATUSES[number % len(STATUSES)]
    tag = TAGS[number % len(TAGS)]
    return f"""---
title: Testprojekt {number}
description: Ein erfundenes Projekt Nummer {number}, nur für Messungen der Bauzeit.
status: {status}
tags: [{tag}]
links:
  - name: Quellcode
    url: https://github.com/oklabflensburg/testprojekt-{number}
repo: testprojekt-{number}
---

# Testprojekt {number}

Dieses Projekt gibt es nicht: Die Seite misst nur, wie die Website mit vielen Projekten wächst.

## Worum es geht

Ein Absatz Text, damit die Seite so lang ist wie eine echte Projektseite. Offene Daten aus
Flensburg werden aufbereitet und als Karte gezeigt.

## Mitmachen

Komm zu einem Treffen und frag nach dem Projekt.
"""


def add_projects(site: Path, count: int, start: int = 1) -> list[Path]:
    """Write ``count`` synthetic project pages into ``site/projekte/``."""
    folder = site / "projekte"
    files = []
    for number in range(start, start + count):
        file = folder / f"{PREFIX}{number:04d}.md"
        file.write_text(project_page(number), encoding="utf-8")
        files.append(file)
    _ensure_included(folder / "index.md")
    return files


def _ensure_included(overview: Path) -> None:
    """Make sure the overview includes the project files in a toctree.

    The site's navigation module generates the toctrees from the files; without it (or in an
    older copy) a hidden glob toctree stands in for it (in the copy only).
    """
    text = overview.read_text(encoding="utf-8")
    generated = (overview.parents[1] / "_ext" / "oklab" / "navigation.py").exists()
    if generated or "{toctree}" in text:
        return
    overview.write_text(
        text + "\n```{toctree}\n:hidden:\n:glob:\n\n" + PREFIX + "*\n```\n", encoding="utf-8"
    )


def post_page(number: int) -> str:
    """One synthetic post (every tenth with an event a week after its date)."""
    day = NEWEST_POST - timedelta(weeks=number - 1)
    event = ""
    if number % 10 == 0:
        when = day + timedelta(weeks=1)
        event = (
            f"event:\n  start: {when} 18:00\n  end: {when} 21:00\n  place:\n    city: Flensburg\n"
        )
    return f"""---
title: Testbeitrag {number}
description: Ein erfundener Beitrag Nummer {number}, nur für Messungen der Bauzeit.
date: {day}
tags: [{TAGS[number % len(TAGS)]}]
{event}---

# Testbeitrag {number}

Diesen Beitrag gibt es nicht: Die Seite misst nur, wie die Website mit vielen Beiträgen wächst.

Ein zweiter Absatz, damit der Beitrag so lang ist wie ein echter. Offene Daten aus Flensburg
werden aufbereitet und gezeigt.
"""


def add_posts(site: Path, count: int, start: int = 1) -> list[Path]:
    """Write ``count`` synthetic posts into ``site/neuigkeiten/``."""
    folder = site / "neuigkeiten"
    files = []
    for number in range(start, start + count):
        file = folder / f"{POST_PREFIX}{number:04d}.md"
        file.write_text(post_page(number), encoding="utf-8")
        files.append(file)
    return files


def make_site(dest: Path, projects: int, posts: int = 0) -> Path:
    """A copy of the site with ``projects`` synthetic project pages and ``posts`` posts."""
    copy_site(dest)
    add_projects(dest, projects)
    add_posts(dest, posts)
    return dest
