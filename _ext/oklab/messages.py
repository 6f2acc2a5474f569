"""Every message an editor can get in the terminal, in German, in one place.

- the site's own checks (front matter, data file, page names, page bodies);
- Sphinx's, docutils' and MyST's warnings, reworded (``SPHINX_WARNINGS``, used by ``console``);
- the notes and the summary line of a build.

The editor guide (``mitmachen/fehlermeldungen.md``, ``fehlermeldungen-text.md`` and, for the
preview's lines, ``vorschau.md``) explains every one of them (tests/test_messages.py checks
that); ``errors`` and ``console`` print them as ``datei.md:ZEILE: ERROR: Feld „…“: …``.
Reader-facing text is not here: it goes through the gettext catalog (``locales/``).
"""

from __future__ import annotations

from typing import NamedTuple

# -- Values of a field ----------------------------------------------------------------------

# pydantic's error type -> German explanation (``{input}`` is the value the editor wrote).
BY_ERROR_TYPE = {
    "missing": "Pflichtfeld fehlt",
    "extra_forbidden": "unbekanntes Feld",
    "int_parsing": "muss eine ganze Zahl sein (zum Beispiel 3), gefunden: {input!r}",
    "int_type": "muss eine ganze Zahl sein (zum Beispiel 3), gefunden: {input!r}",
    "int_from_float": "muss eine ganze Zahl sein, gefunden: {input!r}",
    "bool_parsing": "muss true oder false sein, gefunden: {input!r}",
    "bool_type": "muss true oder false sein, gefunden: {input!r}",
    "string_type": "muss ein Text sein, gefunden: {input!r}",
    "string_too_short": "darf nicht leer sein",
    "string_pattern_mismatch": "hat nicht die erwartete Form, gefunden: {input!r}",
    "list_type": "muss eine Liste sein (Zeilen, die mit - beginnen)",
    "dict_type": "muss Felder enthalten (Name: Wert), gefunden: {input!r}",
    "model_type": "muss Felder enthalten (Name: Wert), gefunden: {input!r}",
    "date_type": "muss ein Datum im Format JJJJ-MM-TT sein, gefunden: {input!r}",
    "date_parsing": "muss ein Datum im Format JJJJ-MM-TT sein, gefunden: {input!r}",
    "date_from_datetime_parsing": "ist kein gültiges Datum (Format JJJJ-MM-TT), "
    "gefunden: {input!r}",
    "date_from_datetime_inexact": "muss ein Datum ohne Uhrzeit sein, gefunden: {input!r}",
    "time_parsing": "muss eine Uhrzeit im Format HH:MM sein, gefunden: {input!r}",
    "time_type": "muss eine Uhrzeit im Format HH:MM sein, gefunden: {input!r}",
    "url_parsing": "muss eine vollständige Adresse sein (https://…), gefunden: {input!r}",
    "url_scheme": "muss mit http:// oder https:// beginnen, gefunden: {input!r}",
}
UNKNOWN_FIELD = "unbekanntes Feld; meintest du „{name}“?"
UNKNOWN_VALUE = "ungültiger Wert {value!r}; erlaubt: {allowed}"
UNKNOWN_STATUS = (
    "ungültiger Wert {value!r}; erlaubt: {allowed}; wie auf der älteren Website auch: {phrases}"
)
INVALID_VALUE = "ungültiger Wert {input!r}"
WEB_ADDRESS = "muss eine vollständige Adresse sein (https://…), gefunden: {value!r}"
IMAGE_FORM = (
    "muss ein Pfad zu einer Bilddatei (zum Beispiel bild.png) oder eine "
    "https://-Adresse sein, gefunden: {value!r}"
)
IMAGE_MISSING = (
    "Bilddatei {value!r} nicht gefunden (Pfad relativ zu dieser Seite oder "
    "mit / am Anfang ab dem Hauptordner der Website)"
)
# A file named with other capitals than it has: found on Windows and macOS, not on Read the Docs.
NAME_CASE = (
    "die Datei heißt {actual!r}, nicht {written!r}: meintest du {actual!r}? (Windows und macOS "
    "sehen über den Unterschied hinweg, Read the Docs nicht)"
)
REPOSITORY = (
    "muss der Name eines Repositorys der Organisation des Labs auf GitHub sein "
    "(zum Beispiel open-accident-map) oder eine https://-Adresse, gefunden: {value!r}"
)
DATE_FORMAT = "muss ein Datum im Format JJJJ-MM-TT sein, gefunden: {value!r}"
TIMEZONE = "unbekannte Zeitzone {value!r} (zum Beispiel Europe/Berlin)"
END_BEFORE_START = "das Ende ({end:%H:%M}) muss nach dem Beginn ({start:%H:%M}) liegen"
DATE_TIME_FORMAT = (
    "muss Datum und Uhrzeit im Format JJJJ-MM-TT HH:MM sein (zum Beispiel 2025-03-01 10:00), "
    "gefunden: {value!r}"
)
DATE_TIME_IMPOSSIBLE = "ist kein gültiger Zeitpunkt (Format JJJJ-MM-TT HH:MM), gefunden: {value!r}"
TIME_IN_GAP = "{value:%d.%m.%Y %H:%M} Uhr gibt es in der Zeitzone {zone} nicht (Zeitumstellung)"
EVENT_END_BEFORE_START = (
    "das Ende ({end:%d.%m.%Y %H:%M}) muss nach dem Beginn ({start:%d.%m.%Y %H:%M}) liegen"
)
EVENT_PLACE_MISSING = (
    "Ort fehlt: place (mit name, street, postcode, city) oder online: true angeben"
)
PLACE_EMPTY = "braucht mindestens name oder city"
POSTCODE = "muss fünf Ziffern haben (zum Beispiel 24939)"
NOT_AN_EMAIL = "ist keine E-Mail-Adresse"
MISSING_VALUE = "fehlt"
PLACEHOLDER = "ist ein Platzhalter ({value!r}), keine echte Angabe"
ICON_FOLDER = "_static/icons"


def unknown_icon(name: str) -> str:
    return (
        f"unbekanntes Symbol {name!r}: weder {ICON_FOLDER}/{name}.svg "
        "noch ein Octicon (https://primer.style/octicons)"
    )


# -- Files ------------------------------------------------------------------------------------

FILE_NOT_FOUND = "Datei nicht gefunden"
NOT_UTF8 = "Datei ist nicht als UTF-8 gespeichert"
YAML_ERROR = "YAML-Fehler: {problem}"
FRONT_MATTER_MISSING = (
    "Der Kopfbereich (Front Matter) fehlt: jede Seite beginnt mit ---, dann mindestens "
    "title: …, dann wieder ---"
)
FRONT_MATTER_NOT_FIELDS = (
    "Der Kopfbereich (Front Matter) muss aus Zeilen der Form feld: wert bestehen"
)
FRONT_MATTER_NOT_CLOSED = "der Kopfbereich (Front Matter) wird nicht mit --- geschlossen"
DATA_FILE_BROKEN = "Der Bau bricht ab: {file} enthält Fehler."
CONF_BROKEN = "Der Bau bricht ab: conf.py enthält Fehler."

# PyYAML's problem (English) -> what it means for an editor.
YAML_PROBLEMS = {
    "mapping values are not allowed here": "ein Doppelpunkt steht an einer unerwarteten "
    'Stelle (Text mit Doppelpunkt in Anführungszeichen setzen, zum Beispiel "Karte: Bäume")',
    "could not find expected ':'": "nach dem Feldnamen fehlt der Doppelpunkt",
    "found character '\\t' that cannot start any token": "Tabulatorzeichen sind nicht "
    "erlaubt, bitte Leerzeichen verwenden",
    "found undefined alias": "unbekannter Verweis (*) im YAML",
}
YAML_OTHER = "ungültiges YAML ({problem})"
# A line in the middle of a list without "- " (PyYAML reports the line below, about a colon).
LIST_ITEM_WITHOUT_DASH = (
    "in einer Liste beginnt jede Zeile mit „- “ (Bindestrich und Leerzeichen): hier fehlt er"
)

# -- Names of pages and folders -------------------------------------------------------------

PAGE_NAME = (
    "Der Name „{name}“ wird Teil der Adresse und darf nur Kleinbuchstaben, Ziffern und "
    "Bindestriche enthalten: benenne {kind} um in „{suggestion}“"
)
PAGE_NAME_KIND = {"file": "die Datei", "folder": "den Ordner"}

# -- Projects -------------------------------------------------------------------------------

PROJECT_TITLE_TWICE = (
    "zwei Projekte heißen „{title}“: {first} und {second}; gib jedem einen eigenen Titel"
)
DESCRIPTION_UNDERIVABLE = (
    "Pflichtfeld fehlt: schreib einen Satz für die Projektkarte (description: …) oder einen "
    "ersten Absatz unter die Überschrift, aus dem die Website ihn nimmt"
)

# -- Page bodies: mistakes Sphinx and MyST let pass silently -----------------------------------

FENCE_NOT_CLOSED = (
    "Der Block, der hier mit {fence} beginnt, wird nicht geschlossen: schreib unter seinen "
    "Inhalt eine Zeile {closing} (sonst gehört der ganze Rest der Seite zu diesem Block)"
)
TABLE_WITHOUT_DELIMITER = (
    "Das sieht aus wie eine Tabelle, ist aber keine: die zweite Zeile braucht für jede der "
    "{columns} Spalten einen Trenner, also {example}"
)
TABLE_TOO_MANY_CELLS = (
    "Diese Tabellenzeile hat {cells} Zellen, die Kopfzeile nur {columns}: die übrigen fehlen "
    "auf der Seite. Ergänze Kopf- und Trennzeile oder lösche Zellen"
)
# The class an editor gives a purely decorative image: ![](bild.png){.dekorativ}
DECORATIVE = "dekorativ"
IMAGE_WITHOUT_ALT = (
    "Bild {uri!r} ohne Beschreibung (Alternativtext): schreib in die eckigen Klammern, was "
    "darauf zu sehen ist, zum Beispiel ![Karte der Unfallorte]({uri}). Ist das Bild nur "
    "Schmuck, schreib ![]({uri}){{.dekorativ}}"
)
IMAGE_NAME_CASE = "Bild {written!r}: " + NAME_CASE
CONTROL_CHARACTER = (
    "ein unsichtbares Steuerzeichen (Zeichencode {code:#06x}) steht in dieser Zeile; "
    "bitte die Zeile neu tippen"
)

# -- Signets (_static/signets/*.svg) ----------------------------------------------------------

SIGNET_TOO_LARGE = (
    "das Signet ist {size} Bytes groß, erlaubt sind höchstens {limit} Bytes: "
    "die Zeichnung vereinfachen (weniger Punkte, gerundete Zahlen)"
)
SIGNET_NOT_SIMPLE = (
    "ein Signet ist eine einfache Zeichnung: <svg viewBox=…> mit Formen (path, circle, "
    "ellipse, rect, line, polyline, polygon, g), ohne Skript, Stil, Bild, Text oder Link; "
    "gefunden: {problem}"
)

# -- Pages and roles --------------------------------------------------------------------------

UNKNOWN_STATUS_ROLE = "Unbekannter Projektstatus {value!r}; erlaubt: {allowed}"

# -- Sphinx's, docutils' and MyST's own warnings, in German ------------------------------------


class Reworded(NamedTuple):
    """One of Sphinx's warnings said in German (``console`` matches and fills it in).

    ``kind`` is the warning's ``type.subtype`` as Sphinx reports it ("" when it has none),
    ``english`` a regular expression for Sphinx's English text, ``german`` the message; its
    ``{names}`` come from the expression's groups and, for ``{vorschlag}``, ``{bekannt}`` and
    ``{ordner}``, from ``console`` (a "meintest du …?" sentence, the names that exist, the folder).
    """

    kind: str
    english: str
    german: str


SPHINX_WARNINGS = {
    "folder_without_index": Reworded(
        "toc.not_included",
        r"document isn't included in any toctree",
        "Der Ordner „{ordner}/“ hat keine index.md, darum steht diese Seite in keinem Menü. "
        "Leg {ordner}/index.md an (Vorlage: _vorlagen/seite.md).",
    ),
    "not_in_menu": Reworded(
        "toc.not_included",
        r"document isn't included in any toctree",
        "Die Seite steht in keinem Menü. Soll sie nur über Links erreichbar sein, schreib "
        "navigation: false in ihren Kopfbereich.",
    ),
    "empty_link": Reworded(
        "myst.xref_missing",
        r"'myst' cross-reference target not found: ''$",
        "Ein Link ohne Ziel: zwischen ( und ) gehört eine Seite (zum Beispiel "
        "../kontakt/index.md) oder eine Adresse (https://…).",
    ),
    "link_target_missing": Reworded(
        "myst.xref_missing",
        r"'myst' cross-reference target not found: '(?P<ziel>.+)'$",
        "Das Linkziel „{ziel}“ gibt es nicht, weder als Seite oder Datei noch als Überschrift."
        "{vorschlag} Seiten verlinkst du mit ihrem Pfad relativ zu dieser Datei (zum Beispiel "
        "../kontakt/index.md), Überschriften mit # und ihrem Anker (zum Beispiel #wann-und-wo).",
    ),
    "anchor_missing": Reworded(
        "myst.xref_missing",
        r"local id not found in doc '(?P<seite>[^']*)': '(?P<anker>.*)'$",
        "Auf der Seite {seite}.md gibt es keine Überschrift mit dem Anker „#{anker}“. Der "
        "Anker ist die Überschrift in Kleinbuchstaben, Leerzeichen werden zu -, zum Beispiel "
        "#wann-und-wo für „## Wann und wo“ (Überschriften mit #, ## und ###).",
    ),
    "label_missing": Reworded(
        "ref.ref",
        r"undefined label: '(?P<marke>.*)'$",
        "Die Sprungmarke „{marke}“ gibt es nicht. Setz sie in die Zeile über der Überschrift, "
        "auf die du verweisen willst: ({marke})=",
    ),
    "document_missing": Reworded(
        "ref.doc",
        r"unknown document: '(?P<seite>.*)'$",
        "Die Seite „{seite}“ gibt es nicht.{vorschlag} Schreib den Pfad relativ zu dieser "
        "Datei, zum Beispiel ../kontakt/index.",
    ),
    "reference_missing": Reworded(
        "ref.any",
        r"'any' reference target not found: (?P<ziel>.*)$",
        "Das Ziel „{ziel}“ gibt es nicht, weder als Seite noch als Sprungmarke.{vorschlag}",
    ),
    "toctree_missing": Reworded(
        "toc.not_readable",
        r"toctree contains reference to nonexisting document '(?P<seite>.*)'$",
        "Im Inhaltsverzeichnis (toctree) steht die Seite „{seite}“, die es nicht gibt. Lösche "
        "die Zeile; das Menü entsteht ohnehin von selbst aus den Kopfbereichen.",
    ),
    "heading_jump": Reworded(
        "myst.header",
        r"Non-consecutive header level increase; H(?P<von>\d) to H(?P<nach>\d)",
        "Die Überschrift springt von Ebene {von} auf Ebene {nach}: nimm {richtig} statt "
        "{falsch}. Unter einer Überschrift mit # folgt ##, darunter ###.",
    ),
    "heading_start": Reworded(
        "myst.header",
        r"Document headings start at H(?P<ebene>\d), not H1",
        "Die erste Überschrift der Seite hat Ebene {ebene}: beginne mit # (Ebene 1).",
    ),
    "image_missing": Reworded(
        "image.not_readable",
        r"image file not readable: (?P<pfad>.*)$",
        "Die Bilddatei {pfad} gibt es nicht.{vorschlag} Leg das Bild neben die Seite oder "
        "korrigiere den Namen.",
    ),
    "label_twice_on_page": Reworded(
        "docutils",
        r'Duplicate explicit target name: "(?P<marke>.*)"\.$',
        "Die Sprungmarke „{marke}“ steht zweimal auf dieser Seite: gib einer einen anderen Namen.",
    ),
    "label_twice": Reworded(
        "",
        r"duplicate label (?P<marke>\S+), other instance in (?P<datei>.+)$",
        "Die Sprungmarke „{marke}“ gibt es auch in {datei}: Sprungmarken gelten für die "
        "ganze Website, benenne eine davon um.",
    ),
    "directive_unknown": Reworded(
        "myst.directive_unknown",
        r"Unknown directive type: '(?P<name>.*)'$",
        "Den Baustein {{{name}}} gibt es nicht.{vorschlag} Welche Bausteine es gibt, steht in "
        "der Anleitung „Website bearbeiten“.",
    ),
    "role_unknown": Reworded(
        "myst.role_unknown",
        r'Unknown interpreted text role "(?P<name>.*)"\.$',
        "Die Rolle {{{name}}} gibt es nicht.{vorschlag} Rollen stehen in geschweiften Klammern "
        "vor Text in Backticks, zum Beispiel {{projektstatus}}`seeking`.",
    ),
    "substitution_unknown": Reworded(
        "myst.substitution",
        r"Substitution error:UndefinedError: '(?P<name>.*)' is undefined",
        "Den Platzhalter {{{{ {name} }}}} gibt es nicht.{vorschlag} Bekannt sind: {bekannt}.",
    ),
    "option_unknown": Reworded(
        "myst.directive_option",
        r"'(?P<baustein>[^']*)': Unknown option key: '(?P<name>[^']*)'"
        r"(?: \(allowed: \[(?P<erlaubt>.*)\]\))?",
        "Der Baustein {{{baustein}}} kennt die Einstellung :{name}: nicht.{vorschlag} Erlaubt: "
        "{bekannt}.",
    ),
    "option_value": Reworded(
        "myst.directive_option",
        r"'(?P<baustein>[^']*)': Invalid option value for '(?P<name>[^']*)': (?P<wert>.*?): ",
        "Der Baustein {{{baustein}}} versteht den Wert „{wert}“ für :{name}: nicht; was "
        "erlaubt ist, steht in der Anleitung „Website bearbeiten“.",
    ),
    "argument_missing": Reworded(
        "docutils",
        r"Directive '(?P<name>.*)': \d+ argument\(s\) required, 0 supplied",
        "Dem Baustein {{{name}}} fehlt die Angabe direkt hinter seinem Namen, zum Beispiel "
        "{{image}} bild.png oder {{admonition}} Titel.",
    ),
    "code_language": Reworded(
        "misc.highlighting_failure",
        r"Pygments lexer name '(?P<name>.*)' is not known",
        "Die Sprache „{name}“ hinter den ``` kennt die Website nicht: lass sie weg oder nimm "
        "zum Beispiel text, python, yaml oder json.",
    ),
    "footnote_missing": Reworded(
        "docutils",
        r'Unknown target name: "(?P<name>.*)"\.$',
        "Zu [^{name}] fehlt die Fußnote: schreib weiter unten eine Zeile [^{name}]: und "
        "dahinter ihren Text.",
    ),
    "footnote_unused": Reworded(
        "ref.footnote",
        r"Footnote \[(?P<name>.*)\] is not referenced\.",
        "Die Fußnote [^{name}] wird nirgends im Text verwendet: setz [^{name}] an die Stelle, "
        "zu der sie gehört, oder lösche sie.",
    ),
    "include_missing": Reworded(
        "docutils",
        r"Directive \"include\": file not found: '(?P<pfad>.*)'",
        "Die Datei {pfad} zum Einbinden ({{include}}) gibt es nicht: prüfe den Pfad (relativ "
        "zu dieser Datei).",
    ),
    "list_table_row": Reworded(
        "docutils",
        r'Error parsing content block for the "list-table" directive: .*row (?P<zeile>\d+) '
        r"does not contain the same number of items as row 1 \((?P<hat>\d+) vs (?P<soll>\d+)\)",
        "Tabelle (list-table): Zeile {zeile} hat {hat}, die erste Zeile {soll} Zellen. Jede "
        "Zeile braucht gleich viele Einträge „- “.",
    ),
}
# Anything else Sphinx says: its own words, clearly marked, never dropped.
UNTRANSLATED = "Meldung von Sphinx (noch ohne deutsche Erklärung, frag im Lab nach): {english}"
DID_YOU_MEAN = " Meintest du „{name}“?"

# -- Notes and the last line of a build ------------------------------------------------------

BUILD_FAILED = "Bau fehlgeschlagen: {count} Fehler in {files}"
BUILD_FAILED_ELSEWHERE = "Bau fehlgeschlagen: {count} Fehler (siehe oben)"

GENERATED_PAGE_TAKEN = (
    "die Adresse {address} gehört einer Seite, die die Website selbst erzeugt ({what}); "
    "bitte die Datei umbenennen"
)

# -- Impressum and Datenschutz ----------------------------------------------------------------

LEGAL_MISSING_LOCAL = (
    "Hinweis: Impressum und Datenschutz zeigen „Angaben fehlen noch“, bis in {file} im Block "
    "„operator“ alles eingetragen ist (es fehlt: {fields}). Für die Vorschau ist das in "
    "Ordnung; veröffentlicht wird erst mit vollständigen Angaben."
)
LEGAL_RELEASE_REFUSED = (
    "Veröffentlichung abgebrochen: Impressum und Datenschutz brauchen vollständige Angaben "
    "zum Anbieter der Website. Es fehlen oder sind ungültig: {names}. Bitte echte Angaben "
    "in {file} im Block „operator“ eintragen, keine Platzhalter (TODO, Muster, XXX …)."
)

# -- "Seite bearbeiten" (conf.py, html_theme_options) -------------------------------------------

EDIT_LINK_OFF = (
    "Hinweis: Die Adresse des Repositorys der Website fehlt (conf.py, html_theme_options "
    "„source_repository“); die Seiten zeigen noch keinen Link „Seite bearbeiten“."
)
EDIT_REPOSITORY = (
    "muss die Adresse eines Repositorys auf GitHub sein (https://github.com/BESITZER/NAME), "
    "gefunden: {value!r}"
)
EDIT_BRANCH_MISSING = "fehlt: der Branch, den Read the Docs veröffentlicht (zum Beispiel main)"

# -- Translations (locales/<sprache>/LC_MESSAGES/*.po) ---------------------------------------

PO_SYNTAX = "Die Übersetzungsdatei ist fehlerhaft: {problem}"
PO_PLACEHOLDERS = (
    "Die Übersetzung von „{msgid}“ hat nicht dieselben Platzhalter ({{name}}, %s) wie das Original"
)
PO_LINK_TARGETS = (
    "Die Übersetzung von „{msgid}“ verlinkt nicht dieselben Ziele wie das Original "
    "(das Ziel in (…) bleibt unverändert, nur der Linktext wird übersetzt)"
)
PO_ROLES = "Die Übersetzung von „{msgid}“ hat nicht dieselben Rollen ({{name}}`…`) wie das Original"
PO_SUBSTITUTIONS = (
    "Die Übersetzung von „{msgid}“ hat nicht dieselben Ersetzungen ({{{{ name }}}}) wie das "
    "Original"
)
PO_BROKEN = "Übersetzungen fehlerhaft: Die Website wird nicht gebaut (siehe oben)."
UNKNOWN_LANGUAGE = "Unbekannte Sprache „{language}“; die Website gibt es auf: {allowed}"
COVERAGE = "Übersetzung {language}: {share} % ({done} von {total} Texten)"
