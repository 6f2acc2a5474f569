"""What readers and editors must get, written out by hand: the oracles of the tests.

Nothing here is imported from the site's code (``_ext/oklab``): a change there that alters a
message or the policy must make a test fail, not silently move the expectation along.

- ``CSP_PUBLISHED`` and ``CSP_LIVE_RELOAD``: the Content-Security-Policy, directive by
  directive, and ``csp_directives`` to parse a page's policy;
- ``MESSAGES``: every German message an editor gets from the build, exactly.
"""

from __future__ import annotations

import base64
import hashlib

# -- The Content-Security-Policy ----------------------------------------------------------------

# Every published page (make html, OKLAB_RELEASE=1, Read the Docs, pull-request previews).
# ``style-src`` is ``'self'`` plus the SHA-256 hashes of exactly the page's own <style>
# elements: see ``style_hashes``. No 'unsafe-hashes': the pages have no style="" attribute.
CSP_PUBLISHED = {
    "default-src": {"'self'"},
    "script-src": {"'self'"},
    "style-src": {"'self'"},
    "img-src": {"'self'", "data:"},
    "connect-src": {"'self'"},
    "object-src": {"'none'"},
    "base-uri": {"'self'"},
    "form-action": {"'self'"},
}
# Plain ``sphinx-autobuild . _build/html``: its inline script, and that script's WebSocket.
CSP_LIVE_RELOAD = CSP_PUBLISHED | {
    "script-src": {"'self'", "'unsafe-inline'"},
    "connect-src": {"'self'", "ws:"},
}


def csp_directives(policy: str) -> dict[str, list[str]]:
    """``"a x y; b z"`` -> ``{"a": ["x", "y"], "b": ["z"]}``; each directive once."""
    parsed: dict[str, list[str]] = {}
    for part in policy.split(";"):
        name, *values = part.split()
        assert name not in parsed, f"{name} twice"
        parsed[name] = values
    return parsed


def style_hashes(soup) -> set[str]:
    """The CSP source of each ``<style>`` element of a parsed page (``'sha256-…'``)."""
    return {
        "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"
        for text in (style.string or "" for style in soup.find_all("style"))
    }


def expected_policy(soup, policy: dict[str, set[str]]) -> dict[str, set[str]]:
    """``policy`` for this page: its ``style-src`` with the hashes of the page's own styles."""
    return policy | {"style-src": policy["style-src"] | style_hashes(soup)}


# -- The German messages an editor gets ---------------------------------------------------------

# Each message as the editor reads it after ``datei:ZEILE: ERROR: ``. ``{…}`` marks the part a test
# fills in with the editor's own input; everything else is the promised wording, letter by
# letter. Front matter (test_frontmatter.py, test_escaping.py), the data file _data/lab.yaml
# (test_kontakt.py), the operator block for Impressum and Datenschutz (test_legal.py,
# test_pr_preview.py), signets (test_signets.py), the "Seite bearbeiten" settings in conf.py
# (test_edit_link.py).
MESSAGES = {
    # front matter
    "YAML: Doppelpunkt": "YAML-Fehler: ein Doppelpunkt steht an einer unerwarteten Stelle "
    '(Text mit Doppelpunkt in Anführungszeichen setzen, zum Beispiel "Karte: Bäume")',
    "YAML: Kopfbereich offen": "YAML-Fehler: der Kopfbereich (Front Matter) wird nicht mit --- "
    "geschlossen",
    "YAML: Doppelpunkt fehlt": "YAML-Fehler: nach dem Feldnamen fehlt der Doppelpunkt",
    "YAML: Tabulator": "YAML-Fehler: Tabulatorzeichen sind nicht erlaubt, bitte Leerzeichen "
    "verwenden",
    "YAML: Steuerzeichen": "YAML-Fehler: ein unsichtbares Steuerzeichen (Zeichencode {code}) "
    "steht in dieser Zeile; bitte die Zeile neu tippen",
    "Kopfbereich fehlt": "Feld „title“: Der Kopfbereich (Front Matter) fehlt: jede Seite beginnt "
    "mit ---, dann mindestens title: …, dann wieder ---",
    "Kopfbereich ohne Felder": "Der Kopfbereich (Front Matter) muss aus Zeilen der Form "
    "feld: wert bestehen",
    "unbekanntes Feld": "Feld „{field}“: unbekanntes Feld; meintest du „{name}“?",
    "Pflichtfeld fehlt": "Feld „{field}“: Pflichtfeld fehlt",
    "keine ganze Zahl": "Feld „{field}“: muss eine ganze Zahl sein (zum Beispiel 3), "
    "gefunden: '{value}'",
    "Status nicht in der Liste": "Feld „status“: ungültiger Wert '{value}'; erlaubt: "
    "seeking (sucht Mitwirkende), active (in Arbeit), finished (abgeschlossen); wie auf der "
    "älteren Website auch: „Sucht ehrenamtlich Engagierte“, „In Arbeit“, „Abgeschlossen“",
    "unmögliches Datum": "Feld „{field}“: ist kein gültiges Datum (Format JJJJ-MM-TT), "
    "gefunden: '{value}'",
    "Bild fehlt": "Feld „image“: Bilddatei '{value}' nicht gefunden (Pfad relativ zu dieser "
    "Seite oder mit / am Anfang ab dem Hauptordner der Website)",
    "Bild an fremder Adresse": "Feld „image“: muss ein Pfad zu einer Bilddatei (zum Beispiel "
    "bild.png) oder eine https://-Adresse sein, gefunden: '{value}'",
    "kein Repository": "Feld „repo“: muss der Name eines Repositorys der Organisation des Labs "
    "auf GitHub sein (zum Beispiel open-accident-map) oder eine https://-Adresse, "
    "gefunden: '{value}'",
    "unbekannter Projektstatus": "Unbekannter Projektstatus '{value}'; erlaubt: seeking, "
    "active, finished",
    "keine Liste": "Feld „{field}“: muss eine Liste sein (Zeilen, die mit - beginnen)",
    "keine Webadresse": "Feld „{field}“: muss eine vollständige Adresse sein (https://…), "
    "gefunden: '{value}'",
    # the data file _data/lab.yaml
    "unbekannter Wochentag": "Feld „{field}“: ungültiger Wert '{value}'; erlaubt: 'Montag', "
    "'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag', 'Sonntag'",
    "keine Uhrzeit": "Feld „{field}“: muss eine Uhrzeit im Format HH:MM sein, gefunden: '{value}'",
    "unbekannte Zeitzone": "Feld „{field}“: unbekannte Zeitzone '{value}' "
    "(zum Beispiel Europe/Berlin)",
    "unbekanntes Symbol": "Feld „{field}“: unbekanntes Symbol '{value}': weder "
    "_static/icons/{value}.svg noch ein Octicon (https://primer.style/octicons)",
    "Ende vor Beginn": "Feld „{field}“: das Ende ({end}) muss nach dem Beginn ({start}) liegen",
    "keine Postleitzahl": "Feld „{field}“: muss fünf Ziffern haben (zum Beispiel 24939), "
    "gefunden: '{value}'",
    "keine E-Mail-Adresse": "Feld „{field}“: ist keine E-Mail-Adresse, gefunden: '{value}'",
    "Datendatei fehlerhaft": "Der Bau bricht ab: _data/lab.yaml enthält Fehler.",
    # the operator block (Impressum and Datenschutz)
    "Angabe fehlt": "Feld „{field}“: fehlt",
    "Platzhalter": "Feld „{field}“: ist ein Platzhalter ('{value}'), keine echte Angabe",
    "Veröffentlichung abgebrochen": "Veröffentlichung abgebrochen: Impressum und Datenschutz "
    "brauchen vollständige Angaben zum Anbieter der Website. Es fehlen oder sind ungültig: "
    "{labels}. Bitte echte Angaben in _data/lab.yaml im Block „operator“ eintragen, keine "
    "Platzhalter (TODO, Muster, XXX …).",
    # signets (_static/signets/*.svg)
    "Signet zu groß": "das Signet ist {size} Bytes groß, erlaubt sind höchstens 1024 Bytes: "
    "die Zeichnung vereinfachen (weniger Punkte, gerundete Zahlen)",
    "Signet nicht einfach": "ein Signet ist eine einfache Zeichnung: <svg viewBox=…> mit Formen "
    "(path, circle, ellipse, rect, line, polyline, polygon, g), ohne Skript, Stil, Bild, Text "
    "oder Link; gefunden: {found}",
    # "Seite bearbeiten" (conf.py, html_theme_options)
    "Repository nicht auf GitHub": "Feld „html_theme_options.source_repository“: muss die "
    "Adresse eines Repositorys auf GitHub sein (https://github.com/BESITZER/NAME), "
    "gefunden: '{value}'",
    "Branch fehlt": "Feld „html_theme_options.source_branch“: fehlt: der Branch, den Read the "
    "Docs veröffentlicht (zum Beispiel main)",
    "conf.py fehlerhaft": "Der Bau bricht ab: conf.py enthält Fehler.",
}
# How pages and messages name the fields of the operator block, in page order.
OPERATOR_LABELS = {
    "name": "Name der verantwortlichen Person",
    "street": "Straße und Hausnummer",
    "postcode": "Postleitzahl",
    "city": "Ort",
    "email": "E-Mail-Adresse",
}


def message(case: str, **values: str) -> str:
    """The message ``case`` with the editor's input filled in."""
    return MESSAGES[case].format(**values)


# The months as a German reader writes them (dates on cards and in the next-meeting line).
GERMAN_MONTHS = [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
]
