"""An editor's mistake in front matter: a German message with file, line and field, no traceback.

The mistakes go into one copy of the tiny site ``tests/roots/test-frontmatter``, one file each,
built strictly on the command line as ``make html`` and Read the Docs do: the exit status and
the printed messages are the contract. Every mistake shows up in that one run.
"""

from __future__ import annotations

import re

import pytest
from harness import SEED, STRICT, Output, copy_root, sphinx_cli, write_files
from oracles import message

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

# case: (file, its text, the exact line the editor reads on stderr). The wording comes from the
# written-out table in tests/oracles.py.
MISTAKES = {
    "kaputtes YAML": (
        "kaputt.md",
        "---\ntitle: Seite\nnavOrder: 3: 4\n---\n\n# Seite\n",
        "kaputt.md:3: ERROR: " + message("YAML: Doppelpunkt"),
    ),
    "Kopfbereich nicht geschlossen": (
        "offen.md",
        "---\ntitle: Seite\nnavOrder: 3\n\n# Seite\n",
        "offen.md:1: ERROR: " + message("YAML: Kopfbereich offen"),
    ),
    "unbekanntes Feld": (
        "tippfehler.md",
        "---\ntitle: Seite\nnavOrdre: 3\n---\n\n# Seite\n",
        "tippfehler.md:3: ERROR: " + message("unbekanntes Feld", field="navOrdre", name="navOrder"),
    ),
    "navOrder als Wort": (
        "wort.md",
        "---\ntitle: Seite\nnavOrder: drei\n---\n\n# Seite\n",
        "wort.md:3: ERROR: " + message("keine ganze Zahl", field="navOrder", value="drei"),
    ),
    "Seite ohne Titel": (
        "ohne-titel.md",
        "---\nnavOrder: 3\n---\n\n# Seite\n",
        "ohne-titel.md:2: ERROR: " + message("Pflichtfeld fehlt", field="title"),
    ),
    "Status nicht in der Liste": (
        "projekte/status.md",
        KARTE.replace("status: active", "status: geplant"),
        "projekte/status.md:4: ERROR: " + message("Status nicht in der Liste", value="geplant"),
    ),
    "unmögliches Datum": (
        "projekte/datum.md",
        KARTE.replace("status: active", "status: active\ndate: 2024-02-30"),
        "projekte/datum.md:5: ERROR: "
        + message("unmögliches Datum", field="date", value="2024-02-30"),
    ),
    "Link ohne Adresse": (
        "projekte/link.md",
        KARTE.replace("    url: https://example.org\n", ""),
        "projekte/link.md:8: ERROR: " + message("Pflichtfeld fehlt", field="links[1].url"),
    ),
    "Bild fehlt": (
        "projekte/bild.md",
        KARTE.replace("status: active", "status: active\nimage: fehlt.png"),
        "projekte/bild.md:5: ERROR: " + message("Bild fehlt", value="fehlt.png"),
    ),
    "Themen als Text statt Liste": (
        "projekte/themen.md",
        KARTE.replace("tags:\n  - Umwelt", "tags: Umwelt"),
        "projekte/themen.md:5: ERROR: " + message("keine Liste", field="tags"),
    ),
    "Doppelpunkt fehlt": (
        "ohne-doppelpunkt.md",
        "---\ntitle: Seite\nnavOrder 3\nnavigation: true\n---\n\n# Seite\n",
        "ohne-doppelpunkt.md:3: ERROR: " + message("YAML: Doppelpunkt fehlt"),
    ),
    "Tabulator": (
        "tabulator.md",
        "---\ntitle: Seite\ntags:\n\t- Umwelt\n---\n\n# Seite\n",
        "tabulator.md:4: ERROR: " + message("YAML: Tabulator"),
    ),
    "Steuerzeichen": (
        "steuerzeichen.md",
        "---\ntitle: Sei\x07te\n---\n\n# Seite\n",
        "steuerzeichen.md:2: ERROR: " + message("YAML: Steuerzeichen", code="0x0007"),
    ),
    "Kopfbereich fehlt": (
        "ohne-kopf.md",
        "# Seite\n\nText.\n",
        "ohne-kopf.md:1: ERROR: " + message("Kopfbereich fehlt"),
    ),
    "Kopfbereich ohne Felder": (
        "nur-text.md",
        "---\nnur ein Satz\n---\n\n# Seite\n",
        "nur-text.md:2: ERROR: " + message("Kopfbereich ohne Felder"),
    ),
    "Bild an fremder Adresse": (
        "projekte/ftp.md",
        KARTE.replace("status: active", "status: active\nimage: ftp://example.org/a.png"),
        "projekte/ftp.md:5: ERROR: "
        + message("Bild an fremder Adresse", value="ftp://example.org/a.png"),
    ),
    "Repository mit Schrägstrich": (
        "projekte/repo.md",
        KARTE.replace("status: active", "status: active\nrepo: oklab/karte"),
        "projekte/repo.md:5: ERROR: " + message("kein Repository", value="oklab/karte"),
    ),
    "Projektstatus-Rolle": (
        "rolle.md",
        "---\ntitle: Rolle\n---\n\n# Rolle\n\nStatus: {projektstatus}`geplant`\n",
        "rolle.md:7: ERROR: " + message("unbekannter Projektstatus", value="geplant"),
    ),
    "Technologien als Text statt Liste": (
        "projekte/technik.md",
        KARTE.replace("links:", "technologies: Python, PostGIS\nlinks:"),
        "projekte/technik.md:7: ERROR: " + message("keine Liste", field="technologies"),
    ),
}
# A message type (`` [oklab.content]``) at the end, if any, is not part of the wording.
MESSAGE_TYPE = re.compile(r" \[[\w.-]+\]$")


def lines(text: str) -> list[str]:
    return [MESSAGE_TYPE.sub("", line) for line in text.splitlines()]


@pytest.fixture(scope="module")
def broken(tmp_path_factory):
    """The tiny site with every mistake above, each in its own file, built once."""
    work = tmp_path_factory.mktemp("frontmatter")
    src = copy_root("frontmatter", work / "src")
    # every project its own title (two projects of one title are a mistake of their own)
    write_files(
        src,
        {
            file: text.replace("title: Karte", f"title: Karte {number}", 1)
            for number, (file, text, _) in enumerate(MISTAKES.values())
        },
    )
    return sphinx_cli(src, work / "html")


def test_a_mistake_fails_the_build_without_traceback(broken):
    assert broken.returncode == 1, broken.output
    assert "Traceback" not in broken.output and "Exception" not in broken.output, broken.output


@pytest.mark.parametrize("case", MISTAKES, ids=list(MISTAKES))
def test_mistake_is_reported_in_german(broken, case):
    file, _, expected = MISTAKES[case]
    reported = [line for line in lines(broken.stderr) if file in line]
    assert expected in reported, broken.stderr


def test_editors_read_nothing_but_the_german_messages(broken):
    expected = sorted(message for _, _, message in MISTAKES.values())
    assert sorted(lines(broken.stderr)) == expected


def test_a_broken_page_is_still_built_and_listed(broken):
    assert (broken.outdir / "wort" / "index.html").exists()
    menu = {a["href"]: a.get_text(strip=True) for a in broken.page("").select(".sidebar-tree a")}
    assert menu.get("wort/") == "Seite", menu


# -- Front matter that is right ------------------------------------------------------------


@pytest.mark.sphinx("dirhtml", testroot="frontmatter", freshenv=True, confoverrides=STRICT)
def test_the_unbroken_site_builds_and_shows_the_local_image(app):
    app.build()
    assert app.statuscode == 0 and app.warning.getvalue() == ""
    build = Output(app.outdir)
    card_img = build.page("projekte/").select_one(".oklab-project img")
    page_img = build.page("projekte/karte/").select_one(".oklab-facts img")
    for img, base in ((card_img, "projekte/"), (page_img, "projekte/karte/")):
        assert img is not None and img["src"].endswith(".svg")
        assert (build.outdir / base / img["src"]).resolve().is_file()


def test_page_from_the_older_nuxt_site_builds_unchanged(root_app):
    text = SEED.read_text(encoding="utf-8")
    front_matter = text.split("---", 2)[1]
    assert "image: https://" in front_matter and "navOrder:" in front_matter
    app = root_app("frontmatter", {"ueber-uns/index.md": text})
    app.build()
    assert app.statuscode == 0 and app.warning.getvalue() == ""
    page = Output(app.outdir).page("ueber-uns/")
    assert page.find("h1").get_text(strip=True).startswith("Über uns")  # title becomes the heading
    # the image on another host is never loaded by the reader's browser
    assert not [img for img in page.find_all("img") if re.match(r"https?://", img.get("src", ""))]


def test_technologies_as_a_list_build(root_app):
    """The right form of the mistake "Technologien als Text statt Liste" above."""
    good = KARTE.replace("links:", "technologies:\n  - Python\n  - PostGIS\nlinks:")
    app = root_app("frontmatter", {"projekte/karte.md": good})
    app.build()
    assert app.statuscode == 0 and app.warning.getvalue() == ""
    facts = Output(app.outdir).page("projekte/karte/").select_one(".oklab-facts").get_text(" ")
    assert "Python" in facts and "PostGIS" in facts
