"""German error messages for editors: which file, which line, which field, what to do.

Problems are logged as Sphinx errors (``datei.md:3: ERROR: …``) and make the build exit
with status 1, without a Python traceback, so that every mistake shows up in one run.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ValidationError
from sphinx.application import Sphinx
from sphinx.util import logging

from . import messages
from .yamlsource import YamlDocument, YamlSyntaxError, parse_yaml, read_front_matter

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
        return None, [Problem(path, None, messages.FILE_NOT_FOUND)]
    except UnicodeDecodeError:
        return None, [Problem(path, None, messages.NOT_UTF8)]
    except YamlSyntaxError as err:
        return None, [Problem(path, err.line, messages.YAML_ERROR.format(problem=err))]


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
