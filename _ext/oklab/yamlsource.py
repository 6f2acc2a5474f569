"""Read YAML and keep the line of every field, so that errors can point editors to it."""

from __future__ import annotations

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


_TextDatesLoader.yaml_implicit_resolvers = {
    first: [(tag, regex) for tag, regex in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def parse_yaml(text: str, first_line: int = 1) -> YamlDocument:
    """Parse ``text`` whose first line is line ``first_line`` of its file."""
    loader = None
    try:
        loader = _TextDatesLoader(text)  # checks the characters: may raise already
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.reader.ReaderError as err:  # an invisible control character
        line = first_line + text.count("\n", 0, err.position)
        raise YamlSyntaxError(messages.CONTROL_CHARACTER.format(code=err.character), line) from None
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = first_line + mark.line if mark is not None else None
        problem = getattr(err, "problem", None) or str(err)
        raise YamlSyntaxError(_german_yaml_problem(problem), line) from None
    finally:
        if loader is not None:
            loader.dispose()
    doc = YamlDocument(data=data, first_line=first_line)
    if node is not None:
        _collect_lines(node, (), doc.lines, first_line)
    return doc


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


def _german_yaml_problem(problem: str) -> str:
    for english, german in messages.YAML_PROBLEMS.items():
        if problem.startswith(english):
            return german
    return messages.YAML_OTHER.format(problem=problem)


def front_matter_end(lines: list[str]) -> int | None:
    """Index of the ``---`` line that closes the front matter, or ``None`` if there is none."""
    if not lines or lines[0].strip() != "---":
        return None
    return next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), None)


def read_front_matter(path: Path) -> YamlDocument | None:
    """The front matter of a Markdown file (between two ``---`` lines), or ``None``."""
    lines = path.read_text(encoding="utf-8").splitlines()
    if not lines or lines[0].strip() != "---":
        return None
    end = front_matter_end(lines)
    if end is None:
        raise YamlSyntaxError(messages.FRONT_MATTER_NOT_CLOSED, 1)
    return parse_yaml("\n".join(lines[1:end]), first_line=2)
