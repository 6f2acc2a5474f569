"""An editor's mistake in front matter: a German message with file, line and field, no traceback.

Each case copies the tiny site ``tests/roots/test-frontmatter``, breaks one file and builds it
strictly, as ``make html`` and Read the Docs do.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from conftest import ROOT, SEED, copy_root, sphinx_build

ENV = {**os.environ, "PYTHONPATH": str(ROOT / "_ext")}

KARTE = """---
title: Karte
description: Eine Karte.
status: active
tags:
  - Umwelt
links:
  - name: Website
    url: https://example.org
---

# Karte
"""

# (file, content, line, field, part of the message)
CASES = {
    "kaputtes YAML": (
        "seite.md",
        "---\ntitle: Seite\nnavOrder: 3: 4\n---\n\n# Seite\n",
        3,
        None,
        "YAML-Fehler",
    ),
    "Kopfbereich nicht geschlossen": (
        "seite.md",
        "---\ntitle: Seite\nnavOrder: 3\n\n# Seite\n",
        1,
        None,
        "nicht mit --- geschlossen",
    ),
    "unbekanntes Feld": (
        "seite.md",
        "---\ntitle: Seite\nnavOrdre: 3\n---\n\n# Seite\n",
        3,
        "navOrdre",
        "unbekanntes Feld",
    ),
    "navOrder als Wort": (
        "seite.md",
        "---\ntitle: Seite\nnavOrder: drei\n---\n\n# Seite\n",
        3,
        "navOrder",
        "ganze Zahl",
    ),
    "Seite ohne Titel": (
        "seite.md",
        "---\nnavOrder: 3\n---\n\n# Seite\n",
        2,
        "title",
        "Pflichtfeld fehlt",
    ),
    "Status nicht in der Liste": (
        "projekte/karte.md",
        KARTE.replace("status: active", "status: geplant"),
        4,
        "status",
        "'geplant'",
    ),
    "unmögliches Datum": (
        "projekte/karte.md",
        KARTE.replace("status: active", "status: active\ndate: 2024-02-30"),
        5,
        "date",
        "kein gültiges Datum",
    ),
    "Link ohne Adresse": (
        "projekte/karte.md",
        KARTE.replace("    url: https://example.org\n", ""),
        8,
        "links[1].url",
        "Pflichtfeld fehlt",
    ),
    "Bild fehlt": (
        "projekte/karte.md",
        KARTE.replace("status: active", "status: active\nimage: fehlt.png"),
        5,
        "image",
        "nicht gefunden",
    ),
    "Themen als Text statt Liste": (
        "projekte/karte.md",
        KARTE.replace("tags:\n  - Umwelt", "tags: Umwelt"),
        5,
        "tags",
        "Liste",
    ),
}


def build_copy(tmp_path: Path, files: dict[str, str]):
    src = copy_root("frontmatter", tmp_path / "src")
    for name, text in files.items():
        (src / name).parent.mkdir(parents=True, exist_ok=True)
        (src / name).write_text(text, encoding="utf-8")
    return sphinx_build(src, tmp_path / "html", "-E", env=ENV)


def test_the_unbroken_site_builds(tmp_path):
    build = build_copy(tmp_path, {})
    assert build.returncode == 0, build.output


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_mistake_is_reported_in_german(tmp_path, case):
    file, text, line, field, message = CASES[case]
    build = build_copy(tmp_path, {file: text})
    assert build.returncode != 0
    assert "Traceback" not in build.output, build.output
    errors = [line for line in build.output.splitlines() if "ERROR" in line and file in line]
    assert errors, build.output
    first = errors[0]
    print(first)  # the exact message, for the report (pytest -s)
    assert first.startswith(f"{file}:{line}: ERROR:") or f"/{file}:{line}: ERROR:" in first, first
    if field:
        assert f"Feld „{field}“" in first, first
    assert message in first, first


def test_all_mistakes_appear_in_one_run(tmp_path):
    build = build_copy(
        tmp_path,
        {
            "seite.md": CASES["navOrder als Wort"][1],
            "projekte/karte.md": CASES["Status nicht in der Liste"][1],
        },
    )
    assert build.returncode != 0
    assert "seite.md:3: ERROR: Feld „navOrder“" in build.output, build.output
    assert "projekte/karte.md:4: ERROR: Feld „status“" in build.output, build.output


def test_a_broken_page_is_still_built_and_listed(tmp_path):
    build = build_copy(tmp_path, {"seite.md": CASES["navOrder als Wort"][1]})
    assert (build.outdir / "seite" / "index.html").exists()
    menu = [a.get_text(strip=True) for a in build.page("").select(".sidebar-tree a")]
    assert "Seite" in menu


def test_page_from_the_older_nuxt_site_builds_unchanged(tmp_path):
    text = SEED.read_text(encoding="utf-8")
    front_matter = text.split("---", 2)[1]
    assert "image: https://" in front_matter and "navOrder:" in front_matter
    build = build_copy(tmp_path, {"ueber-uns/index.md": text})
    assert build.returncode == 0, build.output
    page = build.page("ueber-uns/")
    assert page.find("h1").get_text(strip=True).startswith("Über uns")  # title becomes the heading
    # the image on another host is never loaded by the reader's browser
    assert not [img for img in page.find_all("img") if re.match(r"https?://", img.get("src", ""))]


def test_technologies_are_a_list(tmp_path):
    """``technologies: Python`` (text instead of a list) gets the German list message."""
    good = KARTE.replace("links:", "technologies:\n  - Python\n  - PostGIS\nlinks:")
    assert build_copy(tmp_path / "gut", {"projekte/karte.md": good}).returncode == 0
    text = KARTE.replace("links:", "technologies: Python, PostGIS\nlinks:")
    build = build_copy(tmp_path / "falsch", {"projekte/karte.md": text})
    assert build.returncode == 1
    errors = [line for line in build.output.splitlines() if "ERROR" in line]
    assert errors == [
        "projekte/karte.md:7: ERROR: Feld „technologies“: muss eine Liste sein "
        "(Zeilen, die mit - beginnen) [oklab.content]"
    ], build.output
