"""The one card pattern of the site (goals, contacts, links, projects, the meeting): title with
icon, a line of text, an optional footer, the whole card clickable.

Generated cards are built as docutils nodes with sphinx-design's components, so they look
exactly like the cards an editor writes by hand (``:::{grid-item-card}``), and every value from
front matter or the data file stays text (``escape.text``), never Markdown or HTML.

sphinx-design documents its directives, not the nodes behind them: ``create_component`` and
the CSS classes below are what its ``grid`` and ``grid-item-card`` directives produce.
``tests/test_cards.py`` compares a generated card with a hand-written one, so a sphinx-design
update that changes them fails the tests, and a missing function fails the build at start.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.errors import ExtensionError
from sphinx.util.docutils import SphinxRole
from sphinx_design.icons import get_octicon, list_octicons

from . import __version__, messages
from .escape import text

try:
    from sphinx_design.grids import gutter_option, row_columns_option
    from sphinx_design.shared import PassthroughTextElement, create_component
except ImportError as error:  # pragma: no cover - only after a sphinx-design update
    raise ExtensionError(
        "sphinx-design hat sich geändert: oklab.cards braucht create_component, "
        "PassthroughTextElement, row_columns_option und gutter_option "
        f"({error}). Bitte _ext/oklab/cards.py an die neue Version anpassen."
    ) from error

ICON_SIZE = "1.25em"
ICON_CLASSES = "sd-octicon oklab-card-icon"  # the same look as sphinx-design's octicons


@dataclass
class Card:
    title: str
    text: str = ""
    link: str = ""  # a web address, or a page of this site with ``link_type="doc"``
    link_type: str = "url"
    icon: str = ""
    css_class: str = ""
    image: str = ""  # a local image above the title ("/projekte/karte.png"), decorative
    picture: nodes.Node | None = None  # a decorative picture before the title (a signet)
    body: list[nodes.Node] = field(default_factory=list)  # more content below the text
    footer: list[nodes.Node] = field(default_factory=list)


def card_node(card: Card, srcdir: str | Path, docname: str) -> nodes.container:
    """One ``grid-item-card`` as sphinx-design renders it."""
    classes = ["sd-card", "sd-sphinx-override", "sd-w-100", "sd-shadow-sm"]
    classes += ["sd-card-hover"] if card.link else []
    classes += ["oklab-card"] + ([card.css_class] if card.css_class else [])
    node = create_component("card", classes)
    if card.image:
        # decorative on purpose; ``made_by_site``: not an editor's image (body.check_images)
        node += nodes.image(uri=card.image, alt="", classes=["sd-card-img-top"], made_by_site=True)
    title = create_component("card-title", ["sd-card-title", "sd-font-weight-bold"])
    if card.icon:
        title += icon_node(srcdir, card.icon)
        title += nodes.Text(" ")
    if card.picture is not None:
        title += card.picture
    title += text(card.title)
    body = create_component("card-body", ["sd-card-body"], children=[title])
    if card.text:
        body += nodes.paragraph("", "", text(card.text), classes=["sd-card-text"])
    body.extend(card.body)
    node += body
    if card.footer:
        paragraph = nodes.paragraph("", "", *card.footer, classes=["sd-card-text"])
        node += create_component("card-footer", ["sd-card-footer"], children=[paragraph])
    if card.link:
        node += PassthroughTextElement("", "", _stretched_link(card, docname))
    return node


def _stretched_link(card: Card, docname: str) -> nodes.Element:
    """The invisible link over the whole card; its text (the title) is for screen readers."""
    classes = ["sd-stretched-link", "sd-hide-link-text"]
    label = nodes.inline(card.title, "", text(card.title))
    if card.link_type == "doc":
        return addnodes.pending_xref(
            "",
            label,
            classes=classes,
            reftarget=card.link,
            refdoc=docname,
            refdomain="std",
            reftype="doc",
            refexplicit=True,
            refwarn=True,
        )
    return nodes.reference("", "", label, refuri=card.link, classes=classes)


def grid(
    cards: Sequence[Card],
    srcdir: str | Path,
    docname: str,
    columns: str = "1 1 2 2",
    css_class: str = "",
) -> nodes.container:
    """A responsive grid of cards (columns for phone, tablet, laptop, desktop), as
    ``::::{grid} <columns>`` with ``:gutter: 3`` renders it."""
    row = create_component(
        "grid-row", ["sd-row", *row_columns_option(columns), *gutter_option("3")]
    )
    for card in cards:
        column = create_component("grid-item", ["sd-col", "sd-d-flex-row"])
        column += card_node(card, srcdir, docname)
        row += column
    classes = ["sd-container-fluid", "sd-sphinx-override", "sd-mb-4", "oklab-cards"]
    return create_component(
        "grid-container", classes + ([css_class] if css_class else []), children=[row]
    )


def paragraph(*content: nodes.Node, classes: Sequence[str] = ("sd-card-text",)) -> nodes.paragraph:
    return nodes.paragraph("", "", *content, classes=list(classes))


def action_button(link: nodes.reference, icon: str, label: str, primary: bool = True):
    """``link`` as one of the site's call-to-action buttons (``oklab-cta``): an octicon and
    ``label``; several go into a ``nodes.paragraph(classes=["oklab-cta-row"])``."""
    colour = "sd-btn-primary" if primary else "sd-btn-secondary"
    link["classes"] = ["sd-btn", colour, "oklab-cta", *link["classes"]]
    link += nodes.raw("", get_octicon(icon, height="1.1em") + " ", format="html")
    link += text(label)
    return link


# -- Icons --------------------------------------------------------------------------------------


def icon_svg(srcdir: str | Path, name: str) -> str | None:
    """The SVG markup of icon ``name`` (own file first, then octicon), or ``None``."""
    own = Path(srcdir, messages.ICON_FOLDER, f"{name}.svg")
    if own.is_file():
        size = f'width="{ICON_SIZE}" height="{ICON_SIZE}"'
        svg = own.read_text(encoding="utf-8").strip()
        return svg.replace("<svg", f'<svg aria-hidden="true" class="{ICON_CLASSES}" {size}', 1)
    if name in list_octicons():
        return get_octicon(name, height=ICON_SIZE, classes=["oklab-card-icon"])
    return None


def icon_exists(srcdir: str | Path):
    """A check for the data file's ``icon:`` fields."""
    return lambda name: icon_svg(srcdir, name) is not None


def icon_node(srcdir: str | Path, name: str) -> nodes.raw:
    """A decorative icon (its card's title says what it is). ``name`` is checked before."""
    svg = icon_svg(srcdir, name)
    if svg is None:
        raise ValueError(messages.unknown_icon(name))
    return nodes.raw("", svg, format="html")


class IconRole(SphinxRole):
    """``{icon}`name```: the site's own ``_static/icons/<name>.svg`` (for marks octicons lack,
    such as Mastodon), otherwise sphinx-design's octicon of that name. Decorative: the card's
    title says what it is."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        name = self.text.strip()
        own = Path(self.env.srcdir, messages.ICON_FOLDER, f"{name}.svg")
        if own.is_file():
            self.env.note_dependency(str(own))
        svg = icon_svg(self.env.srcdir, name)
        if svg is None:
            msg = self.inliner.reporter.error(messages.unknown_icon(name), line=self.lineno)
            return [self.inliner.problematic(self.rawtext, self.rawtext, msg)], [msg]
        return [nodes.raw("", svg, format="html")], []


def setup(app: Sphinx) -> dict:
    app.add_role("icon", IconRole())
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
