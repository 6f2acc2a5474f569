"""The one card pattern of the site (goals, contacts, links, projects): title with icon,
one line of text, the whole card clickable. Directives emit MyST markup for sphinx-design,
so generated cards look exactly like cards an editor writes by hand."""

from __future__ import annotations

from dataclasses import dataclass

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.util.docutils import SphinxDirective


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
        icon = f"{{octicon}}`{self.icon};1.25em;oklab-card-icon` " if self.icon else ""
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
