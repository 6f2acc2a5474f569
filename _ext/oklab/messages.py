"""Every message an editor can get from the site's own checks, in German, in one place.

The editor guide (``mitmachen/website-bearbeiten.md``) explains them; ``errors`` prints them as
``datei.md:ZEILE: ERROR: Feld „…“: …``. Reader-facing text is not here: it goes through the
gettext catalog (``locales/``).
"""

from __future__ import annotations

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
UNKNOWN_VALUE = "ungültiger Wert {value!r}; erlaubt: {allowed}"
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
REPOSITORY = (
    "muss der Name eines Repositorys der Organisation des Labs auf GitHub sein "
    "(zum Beispiel open-accident-map) oder eine https://-Adresse, gefunden: {value!r}"
)
DATE_FORMAT = "muss ein Datum im Format JJJJ-MM-TT sein, gefunden: {value!r}"
TIMEZONE = "unbekannte Zeitzone {value!r} (zum Beispiel Europe/Berlin)"
END_BEFORE_START = "das Ende ({end:%H:%M}) muss nach dem Beginn ({start:%H:%M}) liegen"
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
    "Stelle (Text mit Doppelpunkt in Anführungszeichen setzen)",
    "could not find expected ':'": "nach dem Feldnamen fehlt der Doppelpunkt",
    "found character '\\t' that cannot start any token": "Tabulatorzeichen sind nicht "
    "erlaubt, bitte Leerzeichen verwenden",
    "found undefined alias": "unbekannter Verweis (*) im YAML",
}
YAML_OTHER = "ungültiges YAML ({problem})"
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

UNKNOWN_STATUS_ROLE = "unbekannter Projektstatus {value!r}; erlaubt: {allowed}"

# -- Impressum and Datenschutz ----------------------------------------------------------------

LEGAL_MISSING_LOCAL = "Impressum/Datenschutz: Angaben fehlen noch ({fields})"
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
