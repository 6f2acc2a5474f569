"""HTML elements docutils has no node for: ``<time datetime="…">`` and elements with
``data-…`` attributes (the texts and dates a script in the reader's browser works with).

``element("time", text(…), datetime="2025-03-01T10:00:00+01:00")`` renders as
``<time datetime="…">…</time>``; attribute values are escaped by Sphinx's HTML writer
(``starttag``), children are ordinary nodes. Other builders (text, LaTeX …) show the children.

One script in the reader's browser reads what is still to come from such elements: the next
meeting (``meeting``), the coming events and the next event (``events``). A page that shows
any of them loads it with ``load_upcoming_script`` (once, however many of them it shows).
"""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx

from . import __version__

# In the extension's static/ (registered by ``theme``).
UPCOMING_SCRIPT = "upcoming.js"


def load_upcoming_script(app: Sphinx) -> None:
    """The page being written loads the upcoming script (Sphinx adds the same file once)."""
    app.add_js_file(UPCOMING_SCRIPT, loading_method="defer")


class element(nodes.General, nodes.Element):  # noqa: N801 (docutils node naming)
    """An HTML element: ``tag`` plus its attributes (``attributes``), around its children."""


def html_element(tag: str, *children: nodes.Node, classes=(), hidden=False, **attributes):
    """``<tag class=… data-…=…>children</tag>``; keyword ``data_start`` becomes ``data-start``."""
    attrs = {key.replace("_", "-"): str(value) for key, value in attributes.items()}
    node = element("", *children, tag=tag, attributes=attrs, classes=list(classes))
    node["hidden"] = hidden
    return node


def time_element(label: nodes.Node, stamp: str) -> element:
    """``<time datetime="2025-03-01">1. März 2025</time>``: a date people and machines read."""
    return html_element("time", label, datetime=stamp)


def visit_element_html(self, node: element) -> None:
    attributes = dict(node["attributes"])
    if node["hidden"]:
        attributes["hidden"] = "hidden"
    self.body.append(self.starttag(node, node["tag"], "", **attributes))


def depart_element_html(self, node: element) -> None:
    self.body.append(f"</{node['tag']}>")


def _pass(self, node: nodes.Node) -> None:
    """Other builders show the children only."""


def setup(app: Sphinx) -> dict:
    passthrough = (_pass, _pass)
    app.add_node(
        element,
        html=(visit_element_html, depart_element_html),
        text=passthrough,
        latex=passthrough,
        man=passthrough,
        texinfo=passthrough,
    )
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
