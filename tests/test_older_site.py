"""Pages copied from the lab's older Nuxt site build unchanged.

The pages below are written for this test in exactly the older site's format (its project
pages, its Kontakt and start pages), with text of their own:

- a free-text German ``status`` ("Sucht ehrenamtlich Engagierte", "In Arbeit", "Abgeschlossen");
- no ``description`` (the site takes the first paragraph, shortened to whole sentences);
- no ``# heading`` in the body (the title becomes the heading);
- a remote ``image:`` address (never loaded by a reader's browser);
- ``collaborators``, ``links``, ``tags``, ``date``, ``navigation: false``;
- an empty line after the opening ``---``;
- Kontakt and start pages with only ``title`` and ``navOrder``.
"""

from __future__ import annotations

import re

import pytest
from test_messages import build

OLDER_PROJECT = """---

navigation: false
image: https://example.org/bilder/{slug}.jpg
title: {title}
status: {status}
date: 2024-05-02

links:
- url: https://example.org/{slug}/quelltext
  name: GitHub
- url: https://example.org/{slug}/daten
  name: Datenquelle

collaborators:
- name: Vorname Nachname

tags:
- Umwelt

---

{body}
"""

PEGEL = (
    "Die **Pegelkarte** zeigt die Wasserstände an der Flensburger Förde, so wie die "
    "[Messstation](https://example.org/pegel) sie meldet. Wir laden die Werte stündlich in "
    "eine Datenbank. Ziel ist eine Warnung, bevor das Wasser über die Kaimauer steigt.\n\n"
    "Ein zweiter Absatz, der nicht in die Beschreibung gehört."
)
RAD = "Eine Zählung der Radfahrten an drei Kreuzungen.\n\n## Woher die Daten kommen\n\nVon Hand."
KULTUR = (
    "Zur Kulturnacht haben wir eine Karte gebaut, auf der alle Spielorte mit ihren "
    "Programmpunkten, Öffnungszeiten und barrierefreien Zugängen standen, damit niemand lange "
    "suchen musste."
)
# (file, title, status as the older site wrote it, body, label shown, description expected)
PROJECTS = [
    (
        "pegelkarte",
        "Pegelkarte der Förde",
        "Sucht ehrenamtlich Engagierte",
        PEGEL,
        "sucht Mitwirkende",
        "Die Pegelkarte zeigt die Wasserstände an der Flensburger Förde, so wie die Messstation "
        "sie meldet. Wir laden die Werte stündlich in eine Datenbank.",
    ),
    (
        "radzaehlung",
        "Radzählung",
        "In Arbeit",
        RAD,
        "in Arbeit",
        "Eine Zählung der Radfahrten an drei Kreuzungen.",
    ),
    (
        "kulturkarte",
        "Kulturkarte",
        "Abgeschlossen",
        KULTUR,
        "abgeschlossen",
        "Zur Kulturnacht haben wir eine Karte gebaut, auf der alle Spielorte mit ihren "
        "Programmpunkten, Öffnungszeiten und barrierefreien Zugängen standen, damit…",
    ),
]
OLDER_KONTAKT = "---\ntitle: Kontakt\nnavOrder: 4\n---\n\n# Kontakt\n\n## Treffen\n\nMittwochs.\n"
OLDER_START = (
    "---\ntitle: OK Lab Flensburg\nnavOrder: 1\n---\n\n# Willkommen beim OK Lab\n\n"
    "Wir bauen Werkzeuge mit offenen Daten.\n"
)


@pytest.fixture(scope="module")
def older(tmp_path_factory):
    files = {
        f"projekte/{slug}.md": OLDER_PROJECT.format(
            slug=slug, title=title, status=status, body=body
        )
        for slug, title, status, body, _, _ in PROJECTS
    }
    files["kontakt/index.md"] = OLDER_KONTAKT
    files["index.md"] = OLDER_START
    result = build(tmp_path_factory.mktemp("older"), files)
    print("\n".join(result.notes + result.lines))
    return result


def test_the_older_pages_build_without_a_message(older):
    assert older.status == 0, older.output
    assert [line for line in older.lines if "ERROR" in line or "WARNING" in line] == []


@pytest.mark.parametrize(
    ("slug", "title", "label", "description"),
    [(slug, title, label, description) for slug, title, _, _, label, description in PROJECTS],
)
def test_an_older_project_page_renders(older, slug, title, label, description):
    page = older.page(f"projekte/{slug}")
    assert page.find("h1").find(string=True).strip() == title  # the title is the heading
    assert page.select_one(".oklab-facts .oklab-status").get_text(strip=True) == label
    assert page.find("meta", attrs={"name": "description"})["content"] == description
    facts = page.select_one(".oklab-facts").get_text(" ", strip=True)
    assert "Vorname Nachname" in facts and "Datenquelle" in facts
    # the image on another host is never loaded by the reader's browser
    assert not [img for img in page.find_all("img") if re.match(r"https?:", img.get("src", ""))]
    card = next(c for c in older.page("projekte").select(".oklab-project") if title in c.get_text())
    assert card.select_one(".sd-card-text").get_text(strip=True) == description
    assert label in card.get_text(" ", strip=True)


def test_older_kontakt_and_start_pages_keep_their_place_and_heading(older):
    start = older.page("")
    assert start.find("h1").find(string=True).strip() == "Willkommen beim OK Lab"
    menu = [a.get_text(strip=True) for a in start.select(".sidebar-tree a")]
    assert menu == ["Projekte", "Kontakt"]
    assert older.page("kontakt").find("h1").find(string=True).strip() == "Kontakt"


def test_an_unknown_status_phrase_lists_the_accepted_phrases(tmp_path):
    page = OLDER_PROJECT.format(slug="planung", title="Planung", status="In Planung", body=RAD)
    result = build(tmp_path, {"projekte/planung.md": page})
    assert result.status == 1
    assert (
        "projekte/planung.md:6: ERROR: Feld „status“: ungültiger Wert 'In Planung'; erlaubt: "
        "seeking (sucht Mitwirkende), active (in Arbeit), finished (abgeschlossen); wie auf der "
        "älteren Website auch: „Sucht ehrenamtlich Engagierte“, „In Arbeit“, „Abgeschlossen“"
    ) in result.lines, result.output
