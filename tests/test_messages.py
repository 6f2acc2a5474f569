"""Every message an editor can get in the terminal is German, says what to do, and names the
file (relative to the site's folder) and the line.

Each case copies the small site ``tests/roots/test-messages`` (the site's whole extension and
MyST settings), makes one mistake as an editor would and builds it strictly in-process. The
expected messages are written out below (the oracle): a change of wording fails here, and so
does an update of Sphinx or MyST that changes the English text the site translates.
"""

from __future__ import annotations

import os
import re
import shutil
import string
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from harness import ROOT
from sphinx.testing.util import SphinxTestApp

SITE = ROOT / "tests" / "roots" / "test-messages"
# The editor guide: how to edit, and every message with what to do.
GUIDE = [
    ROOT / "mitmachen" / name
    for name in (
        "website-bearbeiten.md",
        "vorschau.md",
        "fehlermeldungen.md",
        "fehlermeldungen-text.md",
        "beitraege-schreiben.md",
        "uebersetzen.md",
    )
]
ANSI = re.compile(r"\x1b\[[0-9;]*m")
# Sphinx's, docutils' and MyST's own words: none may reach an editor.
ENGLISH = re.compile(
    r"WARNING|CRITICAL|Traceback|not found|not readable|not included|toctree contains|"
    r"Unknown|unknown|undefined|Duplicate|duplicate label|Non-consecutive|headings start|"
    r"Substitution error|Invalid|invalid|argument\(s\)|lexer|is not referenced|"
    r"Error parsing|does not contain|\[myst\.|\[docutils\]|\[ref\.|\[toc\.|\[oklab\."
)


def text_of(name: str) -> str:
    return (SITE / name).read_text(encoding="utf-8")


def kontakt(extra: str) -> dict[str, str]:
    """The Kontakt page with ``extra`` from line 12 on."""
    return {"kontakt/index.md": text_of("kontakt/index.md") + extra}


def karte(extra: str = "", **front_matter: str) -> dict[str, str]:
    """The project page (``extra`` from line 11 on), front-matter lines replaced or added."""
    text = text_of("projekte/karte.md")
    for line_start, line in front_matter.items():
        old = next((x for x in text.split("\n") if x.startswith(f"{line_start}:")), None)
        text = text.replace(old, line) if old else text.replace("---\n\n#", f"{line}\n---\n\n#")
    return {"projekte/karte.md": text + extra}


def projekte(extra: str) -> dict[str, str]:
    """The catalogue page with ``extra`` from line 11 on."""
    return {"projekte/index.md": text_of("projekte/index.md") + "\n" + extra}


PAGE = "---\ntitle: {title}\n---\n\n# {title}\n\nText.\n"
PROJECT = "---\ntitle: {title}\ndescription: Ein Projekt.\n---\n\n# {title}\n\nText.\n"
SEE_ABOVE_LINK = (
    "Seiten verlinkst du mit ihrem Pfad relativ zu dieser Datei (zum Beispiel "
    "../kontakt/index.md), Überschriften mit # und ihrem Anker (zum Beispiel #wann-und-wo)."
)
NAME_CASE = "(Windows und macOS sehen über den Unterschied hinweg, Read the Docs nicht)"

# case -> (files written into the copy, the exact line the editor reads)
ORACLE = {
    # -- Sphinx's and MyST's warnings, in German ----------------------------------------------
    "Ordner ohne index.md": (
        {"verein/seite.md": PAGE.format(title="Verein")},
        "verein/seite.md:1: ERROR: Der Ordner „verein/“ hat keine index.md, darum steht diese "
        "Seite in keinem Menü. Leg verein/index.md an (Vorlage: _vorlagen/seite.md).",
    ),
    "Seite in keinem Menü": (
        {
            **kontakt("```{toctree}\n:hidden:\n```\n"),
            "kontakt/anfahrt.md": PAGE.format(title="Anfahrt"),
        },
        "kontakt/anfahrt.md:1: ERROR: Die Seite steht in keinem Menü. Soll sie nur über Links "
        "erreichbar sein, schreib navigation: false in ihren Kopfbereich.",
    ),
    "Link auf eine Seite, die es nicht gibt": (
        kontakt("Mehr bei der [Karte](../projekte/kart.md).\n"),
        "kontakt/index.md:12: ERROR: Das Linkziel „../projekte/kart.md“ gibt es nicht, weder "
        "als Seite oder Datei noch als Überschrift. Meintest du „../projekte/karte.md“? "
        + SEE_ABOVE_LINK,
    ),
    "Link auf einen Anker, den es nicht gibt": (
        kontakt("Siehe [oben](#wann-und-wann).\n"),
        "kontakt/index.md:12: ERROR: Das Linkziel „wann-und-wann“ gibt es nicht, weder als "
        "Seite oder Datei noch als Überschrift. " + SEE_ABOVE_LINK,
    ),
    "Link auf einen Anker einer anderen Seite": (
        projekte("Zum [Treffen](../kontakt/index.md#treffpunkt).\n"),
        "projekte/index.md:11: ERROR: Auf der Seite kontakt/index.md gibt es keine Überschrift "
        "mit dem Anker „#treffpunkt“. Der Anker ist die Überschrift in Kleinbuchstaben, "
        "Leerzeichen werden zu -, zum Beispiel #wann-und-wo für „## Wann und wo“ "
        "(Überschriften mit #, ## und ###).",
    ),
    "Link ohne Ziel": (
        kontakt("[Karte]()\n"),
        "kontakt/index.md:12: ERROR: Ein Link ohne Ziel: zwischen ( und ) gehört eine Seite "
        "(zum Beispiel ../kontakt/index.md) oder eine Adresse (https://…).",
    ),
    "Verweis auf eine Sprungmarke, die es nicht gibt": (
        kontakt("Siehe {ref}`anfahrt`.\n"),
        "kontakt/index.md:12: ERROR: Die Sprungmarke „anfahrt“ gibt es nicht. Setz sie in die "
        "Zeile über der Überschrift, auf die du verweisen willst: (anfahrt)=",
    ),
    "Verweis auf eine Seite, die es nicht gibt": (
        kontakt("Siehe {doc}`../projekte/kart`.\n"),
        "kontakt/index.md:12: ERROR: Die Seite „../projekte/kart“ gibt es nicht. Meintest du "
        "„../projekte/karte“? Schreib den Pfad relativ zu dieser Datei, zum Beispiel "
        "../kontakt/index.",
    ),
    "Schaltfläche mit einem Ziel, das es nicht gibt": (
        kontakt("```{button-ref} ../projekte/kart\nZur Karte\n```\n"),
        "kontakt/index.md:12: ERROR: Das Ziel „../projekte/kart“ gibt es nicht, weder als "
        "Seite noch als Sprungmarke. Meintest du „../projekte/karte“?",
    ),
    "Inhaltsverzeichnis mit einer Seite, die es nicht gibt": (
        kontakt("```{toctree}\nanfahrt\n```\n"),
        "kontakt/index.md:12: ERROR: Im Inhaltsverzeichnis (toctree) steht die Seite "
        "„kontakt/anfahrt“, die es nicht gibt. Lösche die Zeile; das Menü entsteht ohnehin "
        "von selbst aus den Kopfbereichen.",
    ),
    "Überschrift springt eine Ebene": (
        kontakt("#### Anfahrt\n\nMit dem Rad.\n"),
        "kontakt/index.md:12: ERROR: Die Überschrift springt von Ebene 2 auf Ebene 4: nimm ### "
        "statt ####. Unter einer Überschrift mit # folgt ##, darunter ###.",
    ),
    "Bild im Text, das es nicht gibt": (
        kontakt("![Der Eingang](eingang.png)\n"),
        "kontakt/index.md:12: ERROR: Die Bilddatei kontakt/eingang.png gibt es nicht. Leg das "
        "Bild neben die Seite oder korrigiere den Namen.",
    ),
    "Bild ohne Beschreibung, das es nicht gibt": (
        kontakt("Text.\n\n![](eingang.png)\n"),
        "kontakt/index.md:14: ERROR: Die Bilddatei kontakt/eingang.png gibt es nicht. Leg das "
        "Bild neben die Seite oder korrigiere den Namen.",
    ),
    "Sprungmarke zweimal auf einer Seite": (
        kontakt("(anfahrt)=\n## Anfahrt\n\n(anfahrt)=\n## Parken\n"),
        "kontakt/index.md:15: ERROR: Die Sprungmarke „anfahrt“ steht zweimal auf dieser Seite: "
        "gib einer einen anderen Namen.",
    ),
    "Sprungmarke auf zwei Seiten": (
        {**kontakt("(anfahrt)=\n## Anfahrt\n"), **projekte("(anfahrt)=\n## Anfahrt\n")},
        "projekte/index.md:12: ERROR: Die Sprungmarke „anfahrt“ gibt es auch in "
        "kontakt/index.md: Sprungmarken gelten für die ganze Website, benenne eine davon um.",
    ),
    "Baustein, den es nicht gibt": (
        kontakt(":::{infokasten}\nBitte klingeln.\n:::\n"),
        "kontakt/index.md:12: ERROR: Den Baustein {infokasten} gibt es nicht. Welche Bausteine es "
        "gibt, steht in der Anleitung „Website bearbeiten“.",
    ),
    "Baustein mit Tippfehler": (
        kontakt("```{projekt}\n```\n"),
        "kontakt/index.md:12: ERROR: Den Baustein {projekt} gibt es nicht. Meintest du "
        "„{projekte}“? Welche Bausteine es gibt, steht in der Anleitung „Website bearbeiten“.",
    ),
    "Rolle, die es nicht gibt": (
        kontakt("Stand: {projektstatu}`seeking`\n"),
        "kontakt/index.md:12: ERROR: Die Rolle {projektstatu} gibt es nicht. Meintest du "
        "„{projektstatus}“? Rollen stehen in geschweiften Klammern vor Text in Backticks, zum "
        "Beispiel {projektstatus}`seeking`.",
    ),
    "Einstellung, die ein Baustein nicht kennt": (
        kontakt("```{projekte}\n:limt: 3\n```\n"),
        "kontakt/index.md:13: ERROR: Der Baustein {projekte} kennt die Einstellung :limt: nicht. "
        "Meintest du „:limit:“? Erlaubt: :limit:, :order:, :status:.",
    ),
    "Wert, den ein Baustein nicht versteht": (
        kontakt("```{projekte}\n:limit: drei\n```\n"),
        "kontakt/index.md:13: ERROR: Der Baustein {projekte} versteht den Wert „drei“ für "
        ":limit: nicht; was erlaubt ist, steht in der Anleitung „Website bearbeiten“.",
    ),
    "Baustein ohne Angabe": (
        kontakt("```{image}\n```\n"),
        "kontakt/index.md:12: ERROR: Dem Baustein {image} fehlt die Angabe direkt hinter seinem "
        "Namen, zum Beispiel {image} bild.png oder {admonition} Titel.",
    ),
    "Tabelle ohne Trennzeile": (
        kontakt("| Tag | Zeit |\n| --- |\n| Mittwoch | 18 Uhr |\n"),
        "kontakt/index.md:13: ERROR: Das sieht aus wie eine Tabelle, ist aber keine: die zweite "
        "Zeile braucht für jede der 2 Spalten einen Trenner, also |---|---|",
    ),
    "Tabellenzeile mit zu vielen Zellen": (
        kontakt("| Tag | Zeit |\n| --- | --- |\n| Mittwoch | 18 Uhr | Aktivitetshuset |\n"),
        "kontakt/index.md:14: ERROR: Diese Tabellenzeile hat 3 Zellen, die Kopfzeile nur 2: die "
        "übrigen fehlen auf der Seite. Ergänze Kopf- und Trennzeile oder lösche Zellen",
    ),
    "Tabelle (list-table) mit zu kurzer Zeile": (
        kontakt("```{list-table}\n* - Tag\n  - Zeit\n* - Mittwoch\n```\n"),
        "kontakt/index.md:12: ERROR: Tabelle (list-table): Zeile 2 hat 1, die erste Zeile 2 "
        "Zellen. Jede Zeile braucht gleich viele Einträge „- “.",
    ),
    "Platzhalter, den es nicht gibt": (
        kontakt("Wir treffen uns {{ treffen_tga }}.\n"),
        "kontakt/index.md:12: ERROR: Den Platzhalter {{ treffen_tga }} gibt es nicht. Meintest "
        "du „{{ treffen_tag }}“? Bekannt sind: {{ treffen_adresse }}, {{ treffen_beginn }}, "
        "{{ treffen_ende }}, {{ treffen_ort }}, {{ treffen_tag }}, {{ treffen_zeit }}, "
        "{{ verein }}.",
    ),
    "Block mit ::: nicht geschlossen": (
        kontakt(":::{note}\nBitte klingeln.\n\n## Anfahrt\n"),
        "kontakt/index.md:12: ERROR: Der Block, der hier mit :::{note} beginnt, wird nicht "
        "geschlossen: schreib unter seinen Inhalt eine Zeile ::: (sonst gehört der ganze Rest "
        "der Seite zu diesem Block)",
    ),
    "Block mit ``` nicht geschlossen": (
        kontakt("```text\nBeispiel\n"),
        "kontakt/index.md:12: ERROR: Der Block, der hier mit ```text beginnt, wird nicht "
        "geschlossen: schreib unter seinen Inhalt eine Zeile ``` (sonst gehört der ganze Rest "
        "der Seite zu diesem Block)",
    ),
    "Sprache eines Codeblocks unbekannt": (
        kontakt("```pythn\nx = 1\n```\n"),
        "kontakt/index.md:12: ERROR: Die Sprache „pythn“ hinter den ``` kennt die Website "
        "nicht: lass sie weg oder nimm zum Beispiel text, python, yaml oder json.",
    ),
    "Fußnote fehlt": (
        kontakt("Laut Stadt[^quelle].\n"),
        "kontakt/index.md:12: ERROR: Zu [^quelle] fehlt die Fußnote: schreib weiter unten eine "
        "Zeile [^quelle]: und dahinter ihren Text.",
    ),
    "Fußnote ohne Verweis": (
        kontakt("Text.\n\n[^quelle]: Stadt Flensburg\n"),
        "kontakt/index.md:14: ERROR: Die Fußnote [^quelle] wird nirgends im Text verwendet: setz "
        "[^quelle] an die Stelle, zu der sie gehört, oder lösche sie.",
    ),
    "Datei zum Einbinden fehlt": (
        kontakt("```{include} anfahrt.md\n```\n"),
        "kontakt/index.md:12: ERROR: Die Datei kontakt/anfahrt.md zum Einbinden ({include}) gibt "
        "es nicht: prüfe den Pfad (relativ zu dieser Datei).",
    ),
    "Seite beginnt mit ##": (
        {"seite.md": "---\nnavOrder: 3\n---\n\n## Abschnitt\n\nText.\n"},
        "seite.md:5: ERROR: Die erste Überschrift der Seite hat Ebene 2: beginne mit # (Ebene 1).",
    ),
    "Projektstatus im Text unbekannt": (
        kontakt("Stand: {projektstatus}`geplant`\n"),
        "kontakt/index.md:12: ERROR: Unbekannter Projektstatus 'geplant'; erlaubt: seeking, "
        "active, finished",
    ),
    # -- Mistakes that passed silently or got a misleading message ---------------------------
    "Bild ohne Beschreibung": (
        karte("![](karte.svg)\n"),
        "projekte/karte.md:11: ERROR: Bild 'karte.svg' ohne Beschreibung (Alternativtext): "
        "schreib in die eckigen Klammern, was darauf zu sehen ist, zum Beispiel ![Karte der "
        "Unfallorte](karte.svg). Ist das Bild nur Schmuck, schreib ![](karte.svg){.dekorativ}",
    ),
    "Bildname im Text anders geschrieben": (
        karte("![Die Karte](Karte.SVG)\n"),
        "projekte/karte.md:11: ERROR: Bild 'Karte.SVG': die Datei heißt 'karte.svg', nicht "
        f"'Karte.SVG': meintest du 'karte.svg'? {NAME_CASE}",
    ),
    "Bildname im Kopfbereich anders geschrieben": (
        karte(image="image: Karte.svg"),
        "projekte/karte.md:5: ERROR: Feld „image“: die Datei heißt 'karte.svg', nicht "
        f"'Karte.svg': meintest du 'karte.svg'? {NAME_CASE}",
    ),
    "Feldname mit Großbuchstaben": (
        karte(title="Title: Karte"),
        "projekte/karte.md:2: ERROR: Feld „Title“: unbekanntes Feld; meintest du „title“?",
    ),
    "Listeneintrag ohne Bindestrich": (
        karte(tags="tags:\n  - Umwelt\n  Verkehr\n  - Daten"),
        "projekte/karte.md:7: ERROR: YAML-Fehler: in einer Liste beginnt jede Zeile mit „- “ "
        "(Bindestrich und Leerzeichen): hier fehlt er",
    ),
    "Dateiname mit Leerzeichen, Umlaut und Großbuchstaben": (
        {"projekte/Mein Projekt ä.md": PROJECT.format(title="Mein Projekt")},
        "projekte/Mein Projekt ä.md:1: ERROR: Der Name „Mein Projekt ä“ wird Teil der Adresse "
        "und darf nur Kleinbuchstaben, Ziffern und Bindestriche enthalten: benenne die Datei um "
        "in „mein-projekt-ae“",
    ),
    "Ordnername mit Leerzeichen und Großbuchstaben": (
        {"Neuer Bereich/index.md": PAGE.format(title="Neuer Bereich")},
        "Neuer Bereich/index.md:1: ERROR: Der Name „Neuer Bereich“ wird Teil der Adresse und "
        "darf nur Kleinbuchstaben, Ziffern und Bindestriche enthalten: benenne den Ordner um "
        "in „neuer-bereich“",
    ),
    "Zwei Projekte mit demselben Titel": (
        {"projekte/karte-2.md": PROJECT.format(title="Karte")},
        "projekte/karte-2.md:2: ERROR: Feld „title“: zwei Projekte heißen „Karte“: "
        "projekte/karte.md und projekte/karte-2.md; gib jedem einen eigenen Titel",
    ),
    "Status, den es nicht gibt": (
        karte(status="status: Geplant"),
        "projekte/karte.md:4: ERROR: Feld „status“: ungültiger Wert 'Geplant'; erlaubt: "
        "seeking (sucht Mitwirkende), active (in Arbeit), finished (abgeschlossen); wie auf der "
        "älteren Website auch: „Sucht ehrenamtlich Engagierte“, „In Arbeit“, „Abgeschlossen“",
    ),
    "Projekt ohne Beschreibung und ohne Absatz": (
        {"projekte/karte.md": "---\ntitle: Karte\n---\n\n# Karte\n"},
        "projekte/karte.md:1: ERROR: Feld „description“: Pflichtfeld fehlt: schreib einen Satz "
        "für die Projektkarte (description: …) oder einen ersten Absatz unter die Überschrift, "
        "aus dem die Website ihn nimmt",
    ),
}


class Build:
    """A strict in-process build: its status (as sphinx-build -W would exit) and its output."""

    def __init__(self, src: Path, dest: Path) -> None:
        status, warnings = StringIO(), StringIO()
        app = SphinxTestApp(
            "dirhtml",
            srcdir=src,
            builddir=dest,
            freshenv=True,
            status=status,
            warning=warnings,
            warningiserror=True,
            confoverrides={"nitpicky": True},
        )
        try:
            app.build()
            self.status = app.statuscode
        finally:
            app.cleanup()
        # Two streams (standard output and error) in one terminal: messages, then the summary.
        self.notes = ANSI.sub("", status.getvalue()).splitlines()
        self.lines = ANSI.sub("", warnings.getvalue()).splitlines()
        self.output = "\n".join(self.notes + self.lines)
        self.outdir = dest / "dirhtml"

    def page(self, path: str) -> BeautifulSoup:
        html = (self.outdir / path / "index.html").read_text(encoding="utf-8")
        return BeautifulSoup(html, "html.parser")


def small_site(tmp_path: Path, files: dict[str, str | bytes]) -> Path:
    src = tmp_path / "src"
    shutil.copytree(SITE, src)
    shutil.copytree(ROOT / "_static" / "icons", src / "_static" / "icons")
    (src / "_data").mkdir()
    shutil.copy(ROOT / "_data" / "lab.yaml", src / "_data" / "lab.yaml")
    for name, content in files.items():
        (src / name).parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            (src / name).write_bytes(content)
        else:
            (src / name).write_text(content, encoding="utf-8")
    return src


def build(tmp_path: Path, files: dict[str, str | bytes]) -> Build:
    return Build(small_site(tmp_path, files), tmp_path / "build")


def test_the_small_site_builds_without_a_word(tmp_path):
    result = build(tmp_path, {})
    assert result.status == 0, result.output
    assert [line for line in result.lines if "ERROR" in line] == []


@pytest.mark.parametrize("case", ORACLE, ids=list(ORACLE))
def test_message(tmp_path, case):
    files, expected = ORACLE[case]
    result = build(tmp_path, files)
    print(result.output)  # what the editor reads (pytest -s)
    assert result.status == 1, result.output
    assert expected in result.lines, result.output
    errors = [line for line in result.lines if ": ERROR: " in line]
    for line in errors:
        assert not ENGLISH.search(line), line
        assert re.match(r"^[^/\s][^:]*\.(md|yaml):\d+: ERROR: ", line), line
    assert "Traceback" not in result.output
    assert str(tmp_path) not in result.output  # no absolute path
    # the last line sums up
    files_named = sorted({line.split(":", 1)[0] for line in errors})
    assert result.notes[-1].startswith(f"Bau fehlgeschlagen: {len(errors)} Fehler in ")
    assert sorted(result.notes[-1].split(" Fehler in ", 1)[1].split(", ")) == files_named


def test_a_message_sphinx_has_no_german_for_is_marked_and_kept(tmp_path):
    result = build(tmp_path, kontakt("::::{grid} x y z\n:::{grid-item}\nA\n:::\n::::\n"))
    assert result.status == 1
    assert (
        "kontakt/index.md:12: ERROR: Meldung von Sphinx (noch ohne deutsche Erklärung, frag im "
        "Lab nach): Invalid directive argument: argument must be 1 or 4 (xs sm md lg) values, "
        "and each value should be either auto or an integer from 1 to 12" in result.lines
    ), result.output


# -- What an editor means, accepted ---------------------------------------------------------


def test_bom_and_windows_line_endings_are_accepted(tmp_path):
    text = text_of("projekte/karte.md").replace("title: Karte", "title: Karte mit BOM")
    saved = "\ufeff".encode() + text.replace("\n", "\r\n").encode("utf-8")
    result = build(tmp_path, {"projekte/karte.md": saved})
    assert result.status == 0, result.output
    card = result.page("projekte").select_one(".oklab-project .sd-card-title")
    assert card.get_text(strip=True) == "Karte mit BOM"


def test_typographic_quotes_count_as_quotes(tmp_path):
    files = karte(title="title: „Karte: Bäume“", description="description: “Eine Karte.”")
    result = build(tmp_path, files)
    assert result.status == 0, result.output
    card = result.page("projekte").select_one(".oklab-project")
    assert card.select_one(".sd-card-title").get_text(strip=True) == "Karte: Bäume"
    assert card.select_one(".sd-card-text").get_text(strip=True) == "Eine Karte."


def test_a_decorative_image_says_so_and_gets_an_empty_alt(tmp_path):
    result = build(tmp_path, karte("![](karte.svg){.dekorativ}\n"))
    assert result.status == 0, result.output
    image = result.page("projekte/karte").select_one("article img.dekorativ")
    assert image["alt"] == ""


def test_the_front_matter_title_names_the_page_everywhere(tmp_path):
    text = text_of("kontakt/index.md").replace("title: Kontakt", "title: Kontakt und Treffen")
    result = build(tmp_path, {"kontakt/index.md": text})
    assert result.status == 0, result.output
    page = result.page("kontakt")
    assert page.title.get_text().startswith("Kontakt und Treffen · ")
    assert page.find("meta", property="og:title")["content"] == "Kontakt und Treffen"
    menu = [a.get_text(strip=True) for a in page.select(".sidebar-tree a")]
    assert "Kontakt und Treffen" in menu and "Kontakt" not in menu
    # The heading the editor wrote stays the heading on the page.
    assert page.find("h1").find(string=True).strip() == "Kontakt"
    # Neighbours link to it under its title.
    neighbour = result.page("projekte/karte").select_one(".related-pages .next-page")
    assert "Kontakt und Treffen" in neighbour.get_text(" ", strip=True)


# -- The editor guide explains every message --------------------------------------------------


def message_templates() -> dict[str, str]:
    """Every message of ``_ext/oklab/messages.py`` and the preview's lines (tools/tasks.py)."""
    from oklab import messages

    from tools import tasks

    found = {}
    for name in dir(messages):
        value = getattr(messages, name)
        if not name.isupper():
            continue
        if isinstance(value, str):
            found[name] = value
        elif isinstance(value, dict):
            for key, item in value.items():
                found[f"{name}[{key}]"] = getattr(item, "german", item)
    found["unknown_icon()"] = messages.unknown_icon("{name}")
    for english, german in tasks.PREVIEW_LINES:
        if german is not None:
            found[f"tasks.PREVIEW_LINES[{english}]"] = german
    return found


def longest_fixed_part(template: str) -> str:
    """The longest text of a message that does not depend on the case (no ``{…}``)."""
    return max((text for text, *_ in string.Formatter().parse(template)), key=len).strip()


@pytest.mark.parametrize("name", sorted(message_templates()))
def test_every_message_is_explained_in_the_editor_guide(name):
    guide = " ".join(" ".join(path.read_text(encoding="utf-8").split()) for path in GUIDE)
    assert longest_fixed_part(message_templates()[name]) in guide, name


# -- Mistakes in conf.py: the build stops at once (a subprocess: exit status and lines) -------

CALENDAR_START = (
    "ERROR: Feld „oklab_calendar_start“: muss ein Datum im Format JJJJ-MM-TT sein, "
    "gefunden: '{value}'"
)
CONF_BROKEN = "ERROR: Der Bau bricht ab: conf.py enthält Fehler."


def build_in_a_subprocess(src: Path, out: Path, *args: str) -> tuple[int, list[str]]:
    """``sphinx-build`` as an editor runs it: exit status and the lines printed."""
    proc = subprocess.run(
        [sys.executable, "-m", "sphinx", "-b", "dirhtml", "-W", "-n", "--keep-going", "-q"]
        + ["--no-color", *args, str(src), str(out)],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHONPATH": str(ROOT / "_ext")},
    )
    output = proc.stdout + proc.stderr
    assert "Traceback" not in output and str(src) not in output, output
    assert not [line for line in output.splitlines() if ENGLISH.search(line)], output
    return proc.returncode, output.splitlines()


def test_a_wrong_date_in_conf_py_names_conf_py_and_its_line(tmp_path):
    src = small_site(tmp_path, {})
    written = text_of("conf.py") + 'oklab_calendar_start = "2026-13-07"\n'
    (src / "conf.py").write_text(written, encoding="utf-8")
    line = written.count("\n")  # the line just added, the copy's last
    status, lines = build_in_a_subprocess(src, tmp_path / "out")
    assert status == 1
    assert lines == [f"conf.py:{line}: " + CALENDAR_START.format(value="2026-13-07"), CONF_BROKEN]


def test_a_wrong_date_given_on_the_command_line_names_conf_py_without_a_line(tmp_path):
    src = small_site(tmp_path, {})
    status, lines = build_in_a_subprocess(
        src, tmp_path / "out", "-D", "oklab_calendar_start=gestern"
    )
    assert status == 1
    # Not "conf.py.md": a file without a line number is still the file itself.
    assert lines == ["conf.py: " + CALENDAR_START.format(value="gestern"), CONF_BROKEN]
