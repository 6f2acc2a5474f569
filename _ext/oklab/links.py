"""External links: ``rel="noopener noreferrer"``, so the other site learns neither which page
the reader came from nor gets a handle on this tab.

A post-transform on every ``reference`` node (Markdown links, sphinx-design cards and buttons):
a ``rel`` that is already there (the Mastodon link's ``me``, which the profile needs to verify
the site) is kept and merged. Links in templates (footer) must carry the attribute themselves.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform

from . import __version__
from .schema import is_web_address

PRIVATE = ("noopener", "noreferrer")


def merged_rel(existing: str | list | None) -> str:
    """``"me"`` -> ``"me noopener noreferrer"`` (no duplicates, order kept)."""
    words = existing.split() if isinstance(existing, str) else list(existing or [])
    return " ".join(dict.fromkeys([*words, *PRIVATE]))


def is_external(uri: str, own_base: str) -> bool:
    return is_web_address(uri) and not (own_base and uri.startswith(own_base))


class ExternalLinkRel(SphinxPostTransform):
    default_priority = 900
    formats = ("html",)

    def run(self, **kwargs) -> None:
        own_base = self.config.html_baseurl or ""
        for ref in self.document.findall(nodes.reference):
            if is_external(ref.get("refuri", ""), own_base):
                ref["rel"] = merged_rel(ref.get("rel"))


def setup(app: Sphinx) -> dict:
    app.add_post_transform(ExternalLinkRel)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
