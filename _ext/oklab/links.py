"""External links: ``rel="noopener noreferrer"``, so the other site learns neither which page
the reader came from nor gets a handle on this tab.

A post-transform on every ``reference`` node (Markdown links, sphinx-design cards and buttons):
a ``rel`` that is already there (the Mastodon link's ``me``, which the profile needs to verify
the site) is kept. ``add_rel`` is the one place that merges ``rel`` tokens. Links in templates
(footer) carry the attribute themselves.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform

from . import __version__
from .models import is_web_address

PRIVATE = ("noopener", "noreferrer")


def add_rel(node: nodes.Element, *values: str) -> None:
    """Add tokens to a link's ``rel`` (Sphinx's HTML writer prints ``node["rel"]``), keeping
    the tokens already there, in order and without duplicates."""
    tokens = str(node.get("rel") or "").split()
    for value in values:
        tokens += value.split()
    node["rel"] = " ".join(dict.fromkeys(tokens))


def is_external(uri: str, own_base: str) -> bool:
    return is_web_address(uri) and not (own_base and uri.startswith(own_base))


class ExternalLinkRel(SphinxPostTransform):
    default_priority = 900
    formats = ("html",)

    def run(self, **kwargs) -> None:
        own_base = self.config.html_baseurl or ""
        for ref in self.document.findall(nodes.reference):
            if is_external(ref.get("refuri", ""), own_base):
                add_rel(ref, *PRIVATE)


def setup(app: Sphinx) -> dict:
    app.add_post_transform(ExternalLinkRel)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
