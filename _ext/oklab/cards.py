"""The one card pattern of the site (goals, contacts, links, projects): title with icon,
one line of text, the whole card clickable. Directives emit MyST markup for sphinx-design,
so generated cards look exactly like cards an editor writes by hand."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective, SphinxRole
from sphinx_design.icons import get_octicon, list_octicons

from . import __version__

ICON_FOLDER = "_static/icons"  # the site's own icons, e.g. mastodon.svg
ICON_SIZE = "1.25em"
ICON_CLASSES = "sd-octicon oklab-card-icon"  # the same look as sphinx-design's octicons


@dataclass
class Card:
    title: str
    text: str = ""
    link: str = ""
    icon: str = ""
    footer: str = ""
    css_class: str = ""
    link_type: str = "url"  # "doc" for pages of this site
    image: str = ""  # a local image above the title ("/projekte/karte.png"), decorative

    def markdown(self) -> str:
        icon = f"{{icon}}`{self.icon}` " if self.icon else ""
        lines = [f":::{{grid-item-card}} {icon}{self.title}"]
        if self.link:
            lines += [f":link: {self.link}", f":link-type: {self.link_type}"]
            lines += [f":link-alt: {self.title}"]
        if self.image:
            lines += [f":img-top: {self.image}", ":img-alt:"]
        lines.append(f":class-card: oklab-card {self.css_class}".rstrip())
        if self.footer:
            lines += [f":footer: {self.footer}", ":class-footer: oklab-card-footer"]
        lines += ["", self.text or "", ":::"]
        return "\n".join(lines)


def grid(cards: list[Card], columns: str = "1 1 2 2", css_class: str = "") -> str:
    """A responsive grid of cards (columns for phone, tablet, laptop, desktop)."""
    head = [f"::::{{grid}} {columns}", ":gutter: 3", f":class-container: oklab-cards {css_class}"]
    body = "\n\n".join(card.markdown() for card in cards)
    return "\n".join(head) + "\n\n" + body + "\n::::\n"


def icon_svg(srcdir: str | Path, name: str) -> str | None:
    """The SVG markup of icon ``name`` (own file first, then octicon), or ``None``."""
    own = Path(srcdir, ICON_FOLDER, f"{name}.svg")
    if own.is_file():
        size = f'width="{ICON_SIZE}" height="{ICON_SIZE}"'
        svg = own.read_text(encoding="utf-8").strip()
        return svg.replace("<svg", f'<svg aria-hidden="true" class="{ICON_CLASSES}" {size}', 1)
    if name in list_octicons():
        return get_octicon(name, height=ICON_SIZE, classes=["oklab-card-icon"])
    return None


def unknown_icon(name: str) -> str:
    return (
        f"unbekanntes Symbol {name!r}: weder {ICON_FOLDER}/{name}.svg "
        "noch ein Octicon (https://primer.style/octicons)"
    )


class IconRole(SphinxRole):
    """``{icon}`name```: the site's own ``_static/icons/<name>.svg`` (for marks octicons lack,
    such as Mastodon), otherwise sphinx-design's octicon of that name. Decorative: the card's
    title says what it is."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        name = self.text.strip()
        own = Path(self.env.srcdir, ICON_FOLDER, f"{name}.svg")
        if own.is_file():
            self.env.note_dependency(str(own))
        svg = icon_svg(self.env.srcdir, name)
        if svg is None:
            msg = self.inliner.reporter.error(unknown_icon(name), line=self.lineno)
            return [self.inliner.problematic(self.rawtext, self.rawtext, msg)], [msg]
        return [nodes.raw("", svg, format="html")], []


class MarkdownDirective(SphinxDirective):
    """A directive whose output is generated MyST Markdown, parsed in place."""

    has_content = False

    def markdown(self) -> str:
        raise NotImplementedError

    def run(self) -> list[nodes.Node]:
        container = nodes.container()
        text = self.markdown()
        self.state.nested_parse(StringList(text.splitlines()), self.content_offset, container)
        return container.children


def setup(app: Sphinx) -> dict:
    app.add_role("icon", IconRole())
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
