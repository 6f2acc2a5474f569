"""German error messages for editors: which file, which line, which field, what to do.

Problems are logged as Sphinx errors (``datei.md:3: ERROR: …``) and make the build exit
with status 1, without a Python traceback, so that every mistake shows up in one run.
"""

from __future__ import annotations

import difflib
import typing
from pathlib import Path

from pydantic import BaseModel, ValidationError
from sphinx.application import Sphinx
from sphinx.util import logging

from . import messages
from .console import editor_path
from .yamlsource import YamlDocument, YamlSyntaxError, parse_yaml, read_front_matter, read_text

logger = logging.getLogger(__name__)


def german_message(error: dict) -> str:
    """One pydantic error as a German sentence."""
    kind = error["type"]
    if kind == "literal_error":  # a value from a fixed list (Literal)
        allowed = error["ctx"]["expected"].replace(" or ", ", ")
        return messages.UNKNOWN_VALUE.format(value=error["input"], allowed=allowed)
    if kind == "value_error":  # raised by the models' own checks, already German
        return str(error["ctx"]["error"])
    template = messages.BY_ERROR_TYPE.get(kind)
    if template is None:
        return messages.INVALID_VALUE.format(input=error.get("input"))
    return template.format(input=error.get("input"))


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


def field_names(model: type[BaseModel], loc: tuple) -> list[str]:
    """The field names (and aliases) the model expects where ``loc`` points."""
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        field = next((f for n, f in model.model_fields.items() if part in (n, f.alias)), None)
        inner = _model_in(field.annotation) if field is not None else None
        if inner is None:
            return []
        model = inner
    return [f.alias or name for name, f in model.model_fields.items()]


def _model_in(annotation) -> type[BaseModel] | None:
    """``list[ProjectLink] | None`` -> ``ProjectLink``."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for argument in typing.get_args(annotation):
        if (found := _model_in(argument)) is not None:
            return found
    return None


def closest_name(name: str, names: list[str]) -> str | None:
    """``Title`` -> ``title``; ``navOrdre`` -> ``navOrder``."""
    same = [n for n in names if n.casefold() == str(name).casefold()]
    close = same or difflib.get_close_matches(str(name), names, n=1, cutoff=0.75)
    return close[0] if close else None


def explain(model: type[BaseModel], error: dict) -> str:
    if error["type"] == "extra_forbidden":
        known = closest_name(error["loc"][-1], field_names(model, error["loc"]))
        if known is not None:
            return messages.UNKNOWN_FIELD.format(name=known)
    return german_message(error)


def validate(model: type[BaseModel], doc: YamlDocument, path: Path, **context) -> tuple:
    """Validate ``doc`` against ``model``: ``(instance or None, [Problem, …])``."""
    try:
        return model.model_validate(doc.data or {}, context=context), []
    except ValidationError as err:
        problems = [
            Problem(path, doc.line_of(e["loc"]), explain(model, e), field_name(e["loc"]))
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
        return parse_yaml(read_text(path)), []
    except FileNotFoundError:
        return None, [Problem(path, None, messages.FILE_NOT_FOUND)]
    except UnicodeDecodeError:
        return None, [Problem(path, None, messages.NOT_UTF8)]
    except YamlSyntaxError as err:
        return None, [Problem(path, err.line, messages.YAML_ERROR.format(problem=err))]


def conf_line(conf: Path, *wanted: str) -> int | None:
    """The first line of ``conf`` (conf.py) with the first of ``wanted`` found; else None."""
    lines = conf.read_text(encoding="utf-8").splitlines() if conf.is_file() else []
    for text in wanted:
        for number, line in enumerate(lines, start=1):
            if text in line:
                return number
    return None


def report(app: Sphinx, problems: list[Problem]) -> None:
    """Log each problem with its file and line and make the build fail."""
    for problem in problems:
        shown = editor_path(problem.path, app.srcdir)
        # Always "file:line" or "file:": Sphinx takes a location without ":" for a page name
        # and would show "conf.py.md" (console.GermanWarnings drops the empty line number).
        location = f"{shown}:{problem.line or ''}"
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
