"""German error messages for editors: which file, which line, which field, what to do.

Problems are logged as Sphinx errors (``datei.md:3: ERROR: …``) and make the build exit
with status 1, without a Python traceback, so that every mistake shows up in one run.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ValidationError
from sphinx.application import Sphinx
from sphinx.util import logging

from .yamlsource import YamlDocument, YamlSyntaxError, parse_yaml, read_front_matter

logger = logging.getLogger(__name__)

# pydantic error type -> German explanation (``{input}`` is the value the editor wrote).
_MESSAGES = {
    "missing": "Pflichtfeld fehlt",
    "extra_forbidden": "unbekanntes Feld",
    "int_parsing": "muss eine ganze Zahl sein (zum Beispiel 3), gefunden: {input!r}",
    "int_type": "muss eine ganze Zahl sein (zum Beispiel 3), gefunden: {input!r}",
    "int_from_float": "muss eine ganze Zahl sein, gefunden: {input!r}",
    "bool_parsing": "muss true oder false sein, gefunden: {input!r}",
    "bool_type": "muss true oder false sein, gefunden: {input!r}",
    "string_type": "muss ein Text sein, gefunden: {input!r}",
    "string_too_short": "darf nicht leer sein",
    "list_type": "muss eine Liste sein (Zeilen, die mit - beginnen)",
    "dict_type": "muss Felder enthalten (Name: Wert), gefunden: {input!r}",
    "model_type": "muss Felder enthalten (Name: Wert), gefunden: {input!r}",
    "date_type": "muss ein Datum im Format JJJJ-MM-TT sein, gefunden: {input!r}",
    "date_parsing": "muss ein Datum im Format JJJJ-MM-TT sein, gefunden: {input!r}",
    "date_from_datetime_parsing": "ist kein gültiges Datum (Format JJJJ-MM-TT), "
    "gefunden: {input!r}",
    "date_from_datetime_inexact": "muss ein Datum ohne Uhrzeit sein, gefunden: {input!r}",
    "time_parsing": "muss eine Uhrzeit im Format HH:MM sein, gefunden: {input!r}",
    "url_parsing": "muss eine vollständige Adresse sein (https://…), gefunden: {input!r}",
    "url_scheme": "muss mit http:// oder https:// beginnen, gefunden: {input!r}",
    "value_error": "{message}",
    "assertion_error": "{message}",
}


def german_message(error: dict) -> str:
    """One pydantic error as a German sentence."""
    kind = error["type"]
    if kind in ("literal_error", "enum"):
        expected = error.get("ctx", {}).get("expected", "")
        return f"ungültiger Wert {error.get('input')!r}; erlaubt: {expected.replace(' or ', ', ')}"
    template = _MESSAGES.get(kind)
    if template is None:
        return error["msg"]
    message = str(error.get("ctx", {}).get("error", error["msg"])).removeprefix("Value error, ")
    return template.format(input=error.get("input"), message=message)


def field_name(loc: tuple) -> str:
    """``("links", 0, "url")`` -> ``links[1].url`` (counted from 1, as editors count)."""
    name = ""
    for part in loc:
        name += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if name else str(part))
    return name


class Problem:
    """One mistake in one file."""

    def __init__(self, path: Path, line: int | None, message: str, field: str = "") -> None:
        self.path, self.line, self.field, self.message = path, line, field, message

    def text(self) -> str:
        return f"Feld „{self.field}“: {self.message}" if self.field else self.message


def validate(model: type[BaseModel], doc: YamlDocument, path: Path, **context) -> tuple:
    """Validate ``doc`` against ``model``: ``(instance or None, [Problem, …])``."""
    try:
        return model.model_validate(doc.data or {}, context=context), []
    except ValidationError as err:
        problems = [
            Problem(path, doc.line_of(e["loc"]), german_message(e), field_name(e["loc"]))
            for e in err.errors()
        ]
        return None, problems


def load_yaml_file(path: Path, front_matter: bool = False) -> tuple:
    """Read a YAML file (or a Markdown file's front matter).

    Returns ``(YamlDocument or None, [Problem, …])``.
    """
    try:
        if front_matter:
            return read_front_matter(path), []
        return parse_yaml(path.read_text(encoding="utf-8")), []
    except FileNotFoundError:
        return None, [Problem(path, None, "Datei nicht gefunden")]
    except UnicodeDecodeError:
        return None, [Problem(path, None, "Datei ist nicht als UTF-8 gespeichert")]
    except YamlSyntaxError as err:
        return None, [Problem(path, err.line, f"YAML-Fehler: {err}")]


def report(app: Sphinx, problems: list[Problem]) -> None:
    """Log each problem with its file and line and make the build fail."""
    for problem in problems:
        try:
            shown = problem.path.resolve().relative_to(Path(app.srcdir).resolve())
        except ValueError:
            shown = problem.path
        location = f"{shown}:{problem.line}" if problem.line else str(shown)
        logger.error(problem.text(), location=location, type="oklab", subtype="content")
    if problems:
        app.statuscode = 1


def abort(app: Sphinx, problems: list[Problem], summary: str) -> None:
    """Report ``problems`` and stop the build at once, with a summary and no traceback.

    For mistakes that leave nothing sensible to build (for example a broken data file).
    """
    report(app, problems)
    logger.error(summary, type="oklab", subtype="content")
    raise SystemExit(1)
