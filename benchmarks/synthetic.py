"""Copies of the site with extra, synthetic project pages: for the benchmark and the scale tests.

The synthetic pages use only the project front matter every project page has (title,
description, status, tags, links, repo), so they build with the site's own validation. They are
clearly marked as test data ("Testprojekt") and never leave the temporary folder.
"""

from __future__ import annotations

import os
import shutil
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
WORDS: list[str] = []  # the site's vocabulary while ``add_projects(varied=True)`` runs


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

{varied_text(number, WORDS, 60) if WORDS else ""}
"""


def add_projects(site: Path, count: int, start: int = 1, varied: bool = False) -> list[Path]:
    """Write ``count`` synthetic project pages into ``site/projekte/`` (``varied``: with a
    paragraph of the site's own words each, for a realistic search index)."""
    global WORDS
    WORDS = site_words() if varied else []
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


def make_site(dest: Path, projects: int) -> Path:
    """A copy of the site with ``projects`` synthetic project pages."""
    copy_site(dest)
    add_projects(dest, projects)
    return dest


# -- Posts and varied text (for the search index) -------------------------------------------

POSTS_FOLDER = "testbeitraege"


def site_words(root: Path = ROOT) -> list[str]:
    """Every distinct word of the site's own pages, in a fixed order: synthetic text made
    from them gives a search index with the vocabulary of the real site."""
    import re

    words: set[str] = set()
    for folder, subfolders, files in os.walk(root):
        subfolders[:] = sorted(d for d in subfolders if d not in SKIP and d[0] not in "._")
        for name in files:
            if name.endswith(".md") and name != "README.md":
                text = (Path(folder) / name).read_text(encoding="utf-8")
                words.update(re.findall(r"[A-Za-zÄÖÜäöüß]{4,}", text))
    return sorted(words)


def varied_text(number: int, words: list[str], length: int = 120) -> str:
    """``length`` words chosen by ``number`` (deterministic), as a paragraph."""
    import random

    chooser = random.Random(number)
    return " ".join(chooser.choice(words) for _ in range(length)) + "."


def add_posts(site: Path, count: int) -> list[Path]:
    """Write ``count`` synthetic news posts (plain pages outside the menu) with varied text."""
    folder = site / POSTS_FOLDER
    folder.mkdir(exist_ok=True)
    words = site_words()
    files = []
    for number in range(1, count + 1):
        file = folder / f"beitrag-{number:04d}.md"
        file.write_text(
            f"---\ntitle: Testbeitrag {number}\ndescription: Ein erfundener Beitrag Nummer "
            f"{number}, nur für Messungen.\norphan: true\n---\n\n# Testbeitrag {number}\n\n"
            f"{varied_text(number, words)}\n\n## Mehr dazu\n\n{varied_text(-number, words)}\n",
            encoding="utf-8",
        )
        files.append(file)
    return files
