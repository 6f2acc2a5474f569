"""The lab's contacts and links as cards: ``{kontakte}`` (one mail card per contact) and
``{links}`` (website, social media, source code), both from ``_data/lab.yaml``.

A link's ``rel`` from the data (``rel: me`` for Mastodon, so the profile can verify the site)
lands on the card's ``<a>``.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from . import __version__
from .cards import Card, grid
from .labdata import lab
from .links import add_rel


def _host(url: str) -> str:
    return url.split("://", 1)[-1].rstrip("/")


class ContactCards(SphinxDirective):
    """``{kontakte}``: one mail card per contact."""

    def run(self) -> list[nodes.Node]:
        cards = [
            Card(c.name, c.email, f"mailto:{c.email}", icon="mail", css_class="oklab-contact")
            for c in lab(self.config).contacts
        ]
        return [grid(cards, self.env.srcdir, self.env.docname)]


class LinkCards(SphinxDirective):
    """``{links}``: one card per link of the lab (website, social media, source code)."""

    def run(self) -> list[nodes.Node]:
        links = lab(self.config).links
        cards = [
            Card(link.name, _host(link.url), link.url, icon=link.icon, css_class="oklab-link")
            for link in links
        ]
        result = grid(cards, self.env.srcdir, self.env.docname, columns="1 2 2 2")
        rels = {link.url: link.rel for link in links if link.rel}
        for ref in result.findall(nodes.reference):
            if ref.get("refuri") in rels:
                add_rel(ref, rels[ref["refuri"]])
        return [result]


def setup(app: Sphinx) -> dict:
    app.setup_extension("oklab.labdata")
    app.setup_extension("oklab.links")
    app.add_directive("kontakte", ContactCards)
    app.add_directive("links", LinkCards)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
