"""A page's Markdown body: its first paragraph, and the mistakes MyST and Sphinx let pass silently.

- ``summary()``: the plain text of the first paragraph, shortened to whole sentences (a page
  without ``description``, as on the lab's older site, gets its description from there);
- before a page is read, German errors for a ``` or ``:::`` block that is never closed (the rest
  of the page would vanish into it) and for a table MyST does not recognise or cuts short;
- after it is read, German errors for images without a description (alternative text) and for
  image names written with other capitals than the file has (fine on Windows and macOS, broken
  on Read the Docs; the image is then used under its real name, so only one message appears).

The Markdown is parsed as MyST parses it (``myst_parser``'s parser with the site's settings).
"""

from __future__ import annotations

import re
from pathlib import Path

from docutils import nodes
from markdown_it import MarkdownIt
from markdown_it.renderer import RendererHTML
from markdown_it.token import Token
from myst_parser.config.main import MdParserConfig
from myst_parser.parsers.mdit import create_md_parser
from sphinx.application import Sphinx

from . import __version__, messages
from .errors import Problem, report
from .paths import correct_spelling
from .yamlsource import front_matter_end

# A description: whole sentences up to this length (what search engines show of it).
DESCRIPTION_LENGTH = 160
# Directives whose content is not Markdown (a ``:::`` in their text is no block of its own).
LITERAL_DIRECTIVES = {"code-block", "code", "sourcecode", "raw", "math", "toctree", "csv-table"}
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[^\s])")


DEFAULT_CONFIG = MdParserConfig()
_PARSERS: dict[type, tuple[MdParserConfig, MarkdownIt]] = {}


def md_parser(config: MdParserConfig, renderer: type) -> MarkdownIt:
    """MyST's Markdown parser for ``config`` and ``renderer``, made once per build: making one
    costs more than parsing a page with it (every page is parsed here before MyST reads it, and
    ``plaintext`` parses translated messages with it). A parser keeps no state between texts."""
    cached = _PARSERS.get(renderer)
    if cached is None or cached[0] is not config:
        cached = _PARSERS[renderer] = (config, create_md_parser(config, renderer))
    return cached[1]


def parse(text: str, config: MdParserConfig | None = None) -> list[Token]:
    """The block tokens of ``text`` as MyST sees them."""
    return md_parser(config or DEFAULT_CONFIG, RendererHTML).parse(text)


def body_of(source: str) -> tuple[str, int]:
    """``(body, lines before it)``: the Markdown below the front matter."""
    lines = source.split("\n")
    end = front_matter_end(lines)
    start = 0 if end is None else end + 1
    return "\n".join(lines[start:]), start


# -- The first paragraph ---------------------------------------------------------------------


def first_paragraph(text: str, config: MdParserConfig | None = None) -> str:
    """The plain text of the first top-level paragraph (links as their text, no markup)."""
    tokens = parse(text, config)
    for i, token in enumerate(tokens):
        if token.type == "paragraph_open" and token.level == 0:
            words = " ".join(_plain(tokens[i + 1].children or []).split())
            if words:
                return words
    return ""


def _plain(children: list[Token]) -> str:
    parts = []
    for child in children:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "substitution_inline":
            parts.append(f"{{{{ {child.content.strip()} }}}}")
        elif child.type == "myst_role":
            parts.append(child.content)
    return "".join(parts)


def shortened(text: str, limit: int = DESCRIPTION_LENGTH) -> str:
    """Whole sentences up to ``limit`` characters; a first sentence too long is cut at a word."""
    if len(text) <= limit:
        return text
    kept = ""
    for sentence in _SENTENCE_END.split(text):
        candidate = f"{kept} {sentence}".strip()
        if len(candidate) > limit:
            break
        kept = candidate
    if kept:
        return kept
    return text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:–- ") + "…"


def summary(source: str, config: MdParserConfig | None = None) -> str:
    """A description from a page's source: its first paragraph, shortened."""
    body, _start = body_of(source)
    return shortened(first_paragraph(body, config))


# -- Blocks and tables MyST accepts silently -------------------------------------------------


def silent_mistakes(source: str, config: MdParserConfig | None = None) -> list[tuple[int, str]]:
    """``(line, German message)`` for every unclosed block and unrecognised table."""
    body, start = body_of(source)
    return _mistakes(body, start, config)


def _mistakes(text: str, offset: int, config) -> list[tuple[int, str]]:
    lines = text.split("\n")
    found = []
    for token in parse(text, config):
        if token.map is None:
            continue
        first, end = token.map
        if token.type in ("fence", "colon_fence"):
            closing = token.markup
            last = lines[end - 1].strip() if end - 1 > first else ""
            if not (last.startswith(closing) and set(last) <= {closing[0]}):
                fence = f"{token.markup}{token.info}".strip()
                message = messages.FENCE_NOT_CLOSED.format(fence=fence, closing=closing)
                found.append((offset + first + 1, message))
            elif _has_markdown_content(token):
                found += _mistakes(token.content, offset + first + 1, config)
        elif token.type == "paragraph_open" and token.level == 0:
            found += _fake_table(lines[first:end], offset + first)
        elif token.type == "table_open":
            found += _cut_rows(lines[first:end], offset + first)
    return sorted(found)


def _has_markdown_content(token: Token) -> bool:
    name = re.match(r"\{([\w-]+)\}", token.info.strip())
    return token.type == "colon_fence" or (name is not None and name[1] not in LITERAL_DIRECTIVES)


def _cells(line: str) -> int:
    row = line.strip()
    row = row[1:] if row.startswith("|") else row
    row = row[:-1] if row.endswith("|") and not row.endswith("\\|") else row
    return len(re.split(r"(?<!\\)\|", row))


def _fake_table(lines: list[str], offset: int) -> list[tuple[int, str]]:
    """A paragraph of ``| … |`` lines: meant as a table, but the delimiter row is wrong."""
    rows = [line for line in lines if line.strip().startswith("|")]
    if len(rows) < 2 or len(rows) != len([line for line in lines if line.strip()]):
        return []
    columns = _cells(lines[0])
    example = "|" + "---|" * columns
    message = messages.TABLE_WITHOUT_DELIMITER.format(columns=columns, example=example)
    return [(offset + 2, message)]


def _cut_rows(lines: list[str], offset: int) -> list[tuple[int, str]]:
    """Rows with more cells than the header: MyST drops the rest without a word."""
    columns = _cells(lines[0])
    return [
        (offset + i + 1, messages.TABLE_TOO_MANY_CELLS.format(cells=cells, columns=columns))
        for i, line in enumerate(lines)
        if i > 1 and (cells := _cells(line)) > columns
    ]


def check_source(app: Sphinx, docname: str, source: list[str]) -> None:
    """Before MyST reads the page (the lines are still the editor's)."""
    path = Path(app.env.doc2path(docname))
    if path.suffix != ".md":
        return
    config = getattr(app.env, "myst_config", None)
    mistakes = silent_mistakes(source[0], config)
    report(app, [Problem(path, line, message) for line, message in mistakes])


# -- Images in the page ----------------------------------------------------------------------


def check_images(app: Sphinx, doctree: nodes.document) -> None:
    """Every image the editor placed has a description, and its file name matches exactly."""
    env = app.env
    page = Path(env.doc2path(env.docname))
    problems = []
    for image in doctree.findall(nodes.image):
        if image.get("made_by_site") or (image.line is None and image.source is None):
            continue  # made by the site itself (cards, facts box): decorative on purpose
        uri = image.get("uri", "")
        line = next((n.line for n in _with_ancestors(image) if n.line), 1)
        image.line = line  # MyST gives ![](…) none: Sphinx's own messages would say line 1
        if not image.get("alt") and messages.DECORATIVE not in image.get("classes", []):
            problems.append(Problem(page, line, messages.IMAGE_WITHOUT_ALT.format(uri=uri)))
        if messages.DECORATIVE in image.get("classes", []):
            image["alt"] = ""
        if "://" in uri or uri.startswith("data:"):
            continue
        if (actual := correct_spelling(page, Path(env.srcdir), uri)) is not None:
            text = messages.IMAGE_NAME_CASE.format(written=uri, actual=actual)
            problems.append(Problem(page, line, text))
            image["uri"] = actual  # one message on every system, not a second one from Sphinx
    report(app, problems)


def _with_ancestors(node: nodes.Node):
    while node is not None:
        yield node
        node = node.parent


def setup(app: Sphinx) -> dict:
    app.setup_extension("oklab.console")
    # before the site's own changes to the Markdown (sources, navigation: priority 400 and up)
    app.connect("source-read", check_source, priority=300)
    # before the facts box (400) and Sphinx's image collector (500)
    app.connect("doctree-read", check_images, priority=350)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
