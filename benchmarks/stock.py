"""A stock copy of the site: the same Markdown pages, built by Sphinx + myst-parser +
sphinx-design + furo alone (no ``_ext/oklab``, no templates, no site CSS).

Method (documented in the README, section "Leistung"):

- every page is copied unchanged, except that
  - fenced directives that only the site's extension knows (found by reading the names passed
    to ``add_directive`` in ``_ext/oklab/*.py``) are removed with their content,
  - ``{{ substitutions }}`` (the lab's facts) become the word ``Platzhalter``,
  - existing ``toctree`` fences are removed and every ``index.md`` gets a hidden glob toctree of
    its folder (the root: every section) — the navigation the site builds from front matter;
- conf.py: the same language and MyST extensions, furo, nothing else.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from tests.harness import ROOT, SKIP

STOCK_CONF = """\
project = "OK Lab Flensburg"
author = "OK Lab Flensburg"
language = "de"
extensions = ["myst_parser", "sphinx_design"]
source_suffix = {".md": "markdown"}
exclude_patterns = ["_*", "**/_*", ".*", "README.md"]
myst_enable_extensions = ["colon_fence", "attrs_inline", "deflist", "fieldlist", "substitution"]
myst_heading_anchors = 3
html_theme = "furo"
html_title = "OK Lab Flensburg"
"""

FENCE = re.compile(
    r"^(?P<indent>[ \t]*)(?P<mark>`{3,}|:{3,})\{(?P<name>[\w:-]+)\}[^\n]*\n"
    r"(?P<body>.*?)^(?P=indent)(?P=mark)[ \t]*$\n?",
    re.MULTILINE | re.DOTALL,
)
SUBSTITUTION = re.compile(r"\{\{\s*[\w.]+\s*\}\}")


def site_directives(root: Path = ROOT) -> set[str]:
    """Names of the directives the site's own extension registers."""
    names: set[str] = set()
    for module in (root / "_ext" / "oklab").glob("*.py"):
        text = module.read_text(encoding="utf-8")
        names.update(re.findall(r"add_directive\(\s*[\"']([\w:-]+)[\"']", text))
    return names


def stock_page(text: str, ours: set[str]) -> str:
    """The page without the site's own directives, substitutions and toctrees."""

    def strip(match: re.Match) -> str:
        name = match["name"]
        if name in ours or name == "toctree":
            return ""
        # Keep the fence; strip nested directives of ours inside it (e.g. a grid of cards).
        inner = FENCE.sub(strip, match["body"])
        return match.group(0).replace(match["body"], inner, 1)

    return SUBSTITUTION.sub("Platzhalter", FENCE.sub(strip, text))


def make_stock(source: Path, dest: Path) -> Path:
    """A stock copy of the pages in ``source`` (a copy of the site) at ``dest``."""
    ours = site_directives(source)
    dest.mkdir(parents=True)
    for page in sorted(source.rglob("*.md")):
        rel = page.relative_to(source)
        if any(part in SKIP or part.startswith(("_", ".")) for part in rel.parts):
            continue
        if rel.name == "README.md" and len(rel.parts) == 1:
            continue
        target = dest / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        text = stock_page(page.read_text(encoding="utf-8"), ours)
        if rel.name == "index.md":
            patterns = "*\n*/index" if len(rel.parts) == 1 else "*"
            text += f"\n```{{toctree}}\n:hidden:\n:glob:\n\n{patterns}\n```\n"
        target.write_text(text, encoding="utf-8")
    (dest / "conf.py").write_text(STOCK_CONF, encoding="utf-8")
    for static in ("_static",):
        if (source / static).is_dir():
            shutil.copytree(source / static, dest / static)
    return dest
