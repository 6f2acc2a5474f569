"""What the site changes in a page's Markdown before MyST parses it (``source-read``).

- A page with reported front-matter mistakes is read without its front matter, so MyST adds
  no English warnings about the same mistake; an unclosed front matter loses its opening
  ``---`` (docutils would take it for a transition and warn in English).
- Values in typographic quotes (``title: „Karte: Bäume“``) reach MyST as the site read them
  (``yamlsource.straighten_quotes``), so MyST's own reading of the front matter agrees.
- A page without a heading of its own gets its ``title`` as heading (as on the older Nuxt
  site, whose pages start with ``##``), written as literal Markdown (``escape.markdown``);
  also when other fields of its front matter have mistakes, so it keeps its place in the menu.

Every line of the page's body keeps its number, so later messages still point to the right
line.
"""

from __future__ import annotations

import json
import re

from sphinx.application import Sphinx

from . import __version__
from .escape import markdown
from .frontmatter import is_broken, page_meta
from .yamlsource import front_matter_end, straighten_quotes


def ignore_broken_front_matter(app: Sphinx, docname: str, source: list[str]) -> None:
    if not is_broken(app.env, docname):
        return
    lines = source[0].split("\n")
    end = front_matter_end(lines)
    if end is not None:
        lines[1:end] = ["{}"] + ["#"] * (end - 2)
    elif lines and lines[0].strip() == "---":
        lines[0] = ""
    source[0] = "\n".join(lines)


def straighten_front_matter(app: Sphinx, docname: str, source: list[str]) -> None:
    lines = source[0].split("\n")
    end = front_matter_end(lines)
    if end is not None:
        lines[1:end] = straighten_quotes("\n".join(lines[1:end])).split("\n")
        source[0] = "\n".join(lines)


def add_missing_heading(app: Sphinx, docname: str, source: list[str]) -> None:
    page = page_meta(app.env, docname)
    if page is None or not page.title:
        return
    lines = source[0].split("\n")
    end = front_matter_end(lines)
    if end is None:
        return
    first = next((line for line in lines[end + 1 :] if re.match(r"#{1,6}\s", line)), "")
    if first.startswith("# "):
        return
    # The front matter on one line (JSON is YAML) makes room for the heading; a page with
    # front-matter mistakes is read without it (see above).
    data = (
        "{}"
        if is_broken(app.env, docname)
        else json.dumps(
            page.model_dump(mode="json", by_alias=True, exclude_unset=True), ensure_ascii=False
        )
    )
    head = ["---", data, "---", f"# {markdown(page.title)}", ""]
    head += [""] * (end + 1 - len(head))  # the same number of lines when there is room
    source[0] = "\n".join(head + lines[end + 1 :])


def setup(app: Sphinx) -> dict:
    app.setup_extension("oklab.frontmatter")
    app.connect("source-read", straighten_front_matter, priority=390)
    app.connect("source-read", ignore_broken_front_matter, priority=400)
    app.connect("source-read", add_missing_heading, priority=410)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
