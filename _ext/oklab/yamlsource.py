"""Read YAML and keep the line of every field, so that errors can point editors to it.

Forgiving where an editor's intent is clear: a file saved "UTF-8 with BOM" reads like one
without, Windows line endings work, and a whole value in typographic quotes (``„…“``, ``“…”``)
counts as quoted, as if written with ``"…"``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from . import messages

Location = tuple[str | int, ...]


class YamlSyntaxError(Exception):
    """Broken YAML; carries the 1-based line in the file."""

    def __init__(self, message: str, line: int | None) -> None:
        super().__init__(message)
        self.line = line


@dataclass
class YamlDocument:
    """Parsed YAML plus the 1-based file line of each field path, e.g. ``("links", 0, "url")``."""

    data: Any
    lines: dict[Location, int] = field(default_factory=dict)
    first_line: int = 1

    def line_of(self, loc: Location) -> int:
        """The line of the deepest known part of ``loc`` (the whole block if none is known)."""
        for end in range(len(loc), 0, -1):
            if loc[:end] in self.lines:
                return self.lines[loc[:end]]
        return self.first_line


class _TextDatesLoader(yaml.SafeLoader):
    """Dates stay text, so the schema checks them and names the field (``2024-02-30``)."""


_TEXT_DATES = {
    first: [(tag, regex) for tag, regex in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_TextDatesLoader.yaml_implicit_resolvers = _TEXT_DATES
# The same loader on libyaml (PyYAML's C parser, about ten times faster) where it is installed:
# every build reads the front matter of every page. Its error messages differ, so a file it
# refuses is read again by the Python parser, whose messages ``messages.YAML_PROBLEMS`` knows.
_FastTextDatesLoader = None
# Where libyaml reads text differently from the Python parser (tabs, other line breaks, a
# byte-order mark inside the text, control characters, a bare tag "!", "?" in a list, a
# comment right after "|" or ">"), the Python parser reads it (tests/unit/test_yamlsource.py).
_PARSERS_DISAGREE = re.compile(
    r"[\t\r\x85\u2028\u2029\ufeff\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f!?]|[|>][-+0-9]*#"
)
if getattr(yaml, "__with_libyaml__", False):

    class _FastTextDatesLoader(yaml.CSafeLoader):  # type: ignore[no-redef]
        yaml_implicit_resolvers = _TEXT_DATES


def _compose(loader_class, text: str):
    """``(root node, data)``; a ``yaml.YAMLError`` if ``text`` is not YAML."""
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        return node, loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()


# A whole value in typographic quotes: ``title: „Karte: Bäume“``, ``- “Umwelt”``.
_TYPOGRAPHIC = re.compile(
    r"^(?P<lead>\s*(?:-\s+)?(?:[^\s#\"'\-][^#]*?:\s+)?)[„“”](?P<value>[^„“”\n]*)[“”]\s*$"
)
_BLOCK_SCALAR = re.compile(r"[:-]\s*[|>][+-]?\d*\s*$")


def straighten_quotes(text: str) -> str:
    """Values wholly in typographic quotes as YAML strings (the same lines, the same numbers)."""
    lines, block = text.split("\n"), None
    for i, line in enumerate(lines):
        indent = len(line) - len(line.lstrip())
        if block is not None and (not line.strip() or indent > block):
            continue  # the text of a block (``|`` or ``>``) stays as written
        block = indent if _BLOCK_SCALAR.search(line) else None
        if found := _TYPOGRAPHIC.match(line):
            lines[i] = found["lead"] + json.dumps(found["value"], ensure_ascii=False)
    return "\n".join(lines)


def parse_yaml(text: str, first_line: int = 1) -> YamlDocument:
    """Parse ``text`` whose first line is line ``first_line`` of its file."""
    source = straighten_quotes(text)  # the same lines as ``text``
    node, data = _fast_parse(source) or _python_parse(source, first_line)
    doc = YamlDocument(data=data, first_line=first_line)
    if node is not None:
        _collect_lines(node, (), doc.lines, first_line)
    return doc


def _fast_parse(text: str) -> tuple | None:
    """``(root node, data)`` from libyaml, or ``None`` (not installed, not YAML to it, or a
    character where libyaml and the Python parser disagree)."""
    if _FastTextDatesLoader is None or _PARSERS_DISAGREE.search(text):
        return None
    try:
        return _compose(_FastTextDatesLoader, text)
    except yaml.YAMLError:
        return None


def _python_parse(text: str, first_line: int) -> tuple:
    try:
        return _compose(_TextDatesLoader, text)  # the reader checks the characters first
    except yaml.reader.ReaderError as err:  # an invisible control character
        line = first_line + text.count("\n", 0, err.position)
        raise YamlSyntaxError(messages.CONTROL_CHARACTER.format(code=err.character), line) from None
    except yaml.YAMLError as err:
        raise _syntax_error(err, text, first_line) from None


def _collect_lines(node: yaml.Node, loc: Location, lines: dict, offset: int) -> None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            child = (*loc, key_node.value)
            lines[child] = offset + key_node.start_mark.line
            _collect_lines(value_node, child, lines, offset)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            child = (*loc, index)
            lines[child] = offset + item.start_mark.line
            _collect_lines(item, child, lines, offset)


# What ends a line for PyYAML (and so for the line numbers in its marks).
_YAML_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


def _syntax_error(err: yaml.YAMLError, text: str, first_line: int) -> YamlSyntaxError:
    mark = getattr(err, "problem_mark", None) or getattr(err, "context_mark", None)
    problem = getattr(err, "problem", None) or str(err)
    context = getattr(err, "context_mark", None)
    if problem.startswith("could not find expected ':'") and context is not None:
        # PyYAML points at the line below; the line without colon is where the key began.
        lines = _YAML_LINE_BREAK.split(text)  # PyYAML's lines, whose numbers the marks count
        if _between_list_items(lines, context.line):
            return YamlSyntaxError(messages.LIST_ITEM_WITHOUT_DASH, first_line + context.line)
        mark = context
    line = first_line + mark.line if mark is not None else None
    return YamlSyntaxError(_german_yaml_problem(problem), line)


def _between_list_items(lines: list[str], index: int) -> bool:
    """Line ``index`` has no ``- `` where the line above (or below) is a list item."""
    line = lines[index]
    if line.lstrip().startswith("-"):
        return False
    indent = len(line) - len(line.lstrip())
    neighbours = [lines[i] for i in (index - 1, index + 1) if 0 <= i < len(lines)]
    return any(
        n.lstrip().startswith("- ") and len(n) - len(n.lstrip()) == indent for n in neighbours
    )


def _german_yaml_problem(problem: str) -> str:
    for english, german in messages.YAML_PROBLEMS.items():
        if problem.startswith(english):
            return german
    return messages.YAML_OTHER.format(problem=problem)


def read_text(path: Path) -> str:
    """A text file as an editor saved it: with or without BOM, any line endings."""
    return path.read_text(encoding="utf-8-sig")


def front_matter_end(lines: list[str]) -> int | None:
    """Index of the ``---`` line that closes the front matter, or ``None`` if there is none."""
    if not lines or lines[0].strip() != "---":
        return None
    return next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), None)


def read_front_matter(path: Path) -> YamlDocument | None:
    """The front matter of a Markdown file (between two ``---`` lines), or ``None``."""
    # Only line feeds end lines (as for YAML): splitlines() would also split at U+2028 and
    # the like inside a value, and the value would lose that character.
    lines = read_text(path).replace("\r\n", "\n").split("\n")
    if not lines or lines[0].strip() != "---":
        return None
    end = front_matter_end(lines)
    if end is None:
        raise YamlSyntaxError(messages.FRONT_MATTER_NOT_CLOSED, 1)
    return parse_yaml("\n".join(lines[1:end]), first_line=2)
