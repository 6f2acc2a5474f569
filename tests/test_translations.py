"""Translation files: a broken one stops the build naming file and line; a missing or fuzzy
translation publishes the page at once, marked; the coverage is printed.

Each case builds a copy of the site in Danish (the command line's exit status and message are
the contract, as on Read the Docs). Expected messages are written out here.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from babel.messages.pofile import read_po, write_po
from bs4 import BeautifulSoup
from harness import ROOT, CliBuild, copy_site, sphinx_cli

VEREIN_PO = Path("locales/da/LC_MESSAGES/ueber-uns/verein.po")
INTERFACE_PO = Path("locales/da/LC_MESSAGES/sphinx.po")
MSGFMT_MISSING = "msgfmt fehlt (GNU gettext): `apt-get install gettext`"


def build_danish(src: Path, out: Path, *args: str, quiet: bool = True) -> CliBuild:
    """The copy in Danish as Read the Docs builds it (``-D language=da``), from the command line."""
    options = ["-D", "language=da", "-D", "oklab_live_reload=0"]
    return sphinx_cli(src, out, *options, *args, quiet=quiet)


def line_of(text: str, start: str) -> int:
    """The line (counted from 1) of the entry whose ``msgid`` begins with ``start``."""
    lines = text.splitlines()
    return next(i for i, line in enumerate(lines, 1) if line.startswith(f'msgid "{start}'))


def replace_translation(path: Path, original: str, changed: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(original) == 1, original
    path.write_text(text.replace(original, changed), encoding="utf-8")


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    return copy_site(tmp_path / "src")


# -- A broken translation stops the build ------------------------------------------------------


@pytest.mark.parametrize(
    ("file", "original", "changed", "msgid", "message"),
    [
        (VEREIN_PO, "[Vær med](../mitmachen/index.md)", "[Vær med](../kontakt/index.md)",
         "Wie du im Lab",
         "Die Übersetzung von „Wie du im Lab mitmachen kannst, steht unter …“ verlinkt nicht "
         "dieselben Ziele wie das Original (das Ziel in (…) bleibt unverändert, nur der Linktext "
         "wird übersetzt)"),
        (VEREIN_PO, "forening: {{ verein }} er", "forening: DatenSindDaten e.V. er",
         "Hinter dem OK Lab",
         "Die Übersetzung von „Hinter dem OK Lab Flensburg steht ein Verein: {{ verein }} …“ "
         "hat nicht dieselben Ersetzungen ({{ name }}) wie das Original"),
    ],
)  # fmt: skip
def test_a_translation_must_keep_links_substitutions_and_placeholders(
    copy, tmp_path, file, original, changed, msgid, message
):
    replace_translation(copy / file, original, changed)
    line = line_of((copy / file).read_text(encoding="utf-8"), msgid)
    result = build_danish(copy, tmp_path / "out")
    assert result.returncode == 1
    assert f"{file.as_posix()}:{line}: ERROR: {message}" in result.stderr
    assert "Übersetzungen fehlerhaft: Die Website wird nicht gebaut" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_dropped_placeholder_stops_the_build(copy, tmp_path):
    """msgfmt --check-format finds it first (the catalog marks the entry python-brace-format);
    msgfmt names the line of the msgstr."""
    if shutil.which("msgfmt") is None:
        pytest.fail(MSGFMT_MISSING, pytrace=False)
    replace_translation(copy / INTERFACE_PO, 'msgstr "i morgen, {date}"', 'msgstr "i morgen"')
    line = line_of((copy / INTERFACE_PO).read_text(encoding="utf-8"), "morgen, {date}") + 1
    result = build_danish(copy, tmp_path / "out")
    assert result.returncode == 1
    assert (
        f"{INTERFACE_PO.as_posix()}:{line}: ERROR: Die Übersetzungsdatei ist fehlerhaft: eine "
        "Formatspezifikation für Argument »date« fehlt in »msgstr«"
    ) in result.stderr


def test_a_broken_po_file_stops_the_build_naming_file_and_line(copy, tmp_path):
    if shutil.which("msgfmt") is None:
        pytest.fail(MSGFMT_MISSING, pytrace=False)
    path = copy / VEREIN_PO
    text = path.read_text(encoding="utf-8")
    path.write_text(text + '\nmsgid "Kaputt\nmsgstr "Ødelagt"\n', encoding="utf-8")
    # msgfmt names the line where the unterminated string ends: the one after the msgid
    line = len(text.splitlines()) + 3
    result = build_danish(copy, tmp_path / "out")
    assert result.returncode == 1
    expected = (
        f"{VEREIN_PO.as_posix()}:{line}: ERROR: Die Übersetzungsdatei ist fehlerhaft: "
        "Zeilenende innerhalb einer Zeichenkette"
    )
    assert expected in result.stderr
    assert "Traceback" not in result.stderr


# -- msgfmt --check-format on every catalog ------------------------------------------------------


def msgfmt_check(path: Path) -> subprocess.CompletedProcess:
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        pytest.fail(MSGFMT_MISSING, pytrace=False)
    cmd = [msgfmt, "--check-format", "-o", "/dev/null", str(path)]
    return subprocess.run(cmd, capture_output=True, text=True, check=False)


def test_every_catalog_passes_msgfmt_check_format():
    files = sorted((ROOT / "locales").rglob("*.po"))
    assert len(files) > 60  # de: the interface; da and en: the interface and every page
    failures = {str(f.relative_to(ROOT)): msgfmt_check(f).stderr for f in files}
    assert {f: e for f, e in failures.items() if e} == {}


def test_msgfmt_finds_a_dropped_format_placeholder(tmp_path):
    entry = '#, python-format\nmsgid "Last updated on %(last_updated)s"\n'
    path = tmp_path / "sphinx.po"
    path.write_text(
        'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        f'{entry}msgstr "Sidst opdateret"\n',
        encoding="utf-8",
    )
    assert msgfmt_check(path).returncode != 0


# -- A missing or fuzzy translation: the page appears at once, marked ---------------------------


def test_untranslated_parts_are_marked_and_the_coverage_is_printed(copy, tmp_path):
    path = copy / VEREIN_PO
    with path.open("rb") as file:
        catalog = read_po(file)
    (entry,) = [m for m in catalog if m.id.startswith("Beide haben ihre eigene Aufgabe.")]
    entry.flags.add("fuzzy")  # the German changed; the translation is to be checked
    with path.open("wb") as file:
        write_po(file, catalog)
    result = build_danish(copy, tmp_path / "out", "-D", "oklab_coverage_per_page=1", quiet=False)
    assert result.returncode == 0, result.stderr
    # the page's texts are its catalog's entries; one of them is fuzzy now
    total = len([m for m in catalog if m.id])
    share = int(100 * (total - 1) / total)
    assert f"  ueber-uns/verein: {share} % ({total - 1}/{total})" in result.stdout.splitlines()
    assert re.search(r"^Übersetzung da: \d+ % \(\d+ von \d+ Texten\)$", result.stdout, re.M)

    page = BeautifulSoup(
        (tmp_path / "out" / "ueber-uns" / "verein" / "index.html").read_text(encoding="utf-8"),
        "html.parser",
    )
    notice = page.select_one(".oklab-untranslated-notice")
    assert notice.select_one(".admonition-title").get_text(strip=True) == "Endnu ikke helt oversat"
    assert notice.find("p", class_=None).get_text(strip=True) == (
        "Denne side er endnu ikke helt oversat; de dele, der mangler, står på tysk."
    )
    (german,) = page.find("article").select('span[lang="de"]')
    assert german.get_text().startswith("Beide haben ihre eigene Aufgabe.")
    assert german.parent.name == "p"
    # the rest of the page is Danish, and other pages carry no notice
    assert "Foreningen giver lab'et den organisatoriske ramme" not in page.get_text()
    assert page.find("h1").get_text(strip=True).rstrip("#") == "Forening"
    other = BeautifulSoup(
        (tmp_path / "out" / "ueber-uns" / "index.html").read_text(encoding="utf-8"),
        "html.parser",
    )
    assert other.select(".oklab-untranslated-notice, article [lang='de']") == []
