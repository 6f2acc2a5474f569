"""A strict Content-Security-Policy as ``<meta http-equiv>``, first in every page's head.

Everything the site loads comes from its own address (``default-src 'self'``): no inline
script at all, and inline styles only by hash. The theme's inline bits are accounted for:

- furo's theme-detection script is loaded from a file (``templates/base.html``)
- furo's ``<style>`` with its colour variables and the ``style=`` attributes of its SVG sprite
  are allowed by their SHA-256 hashes, computed from the very templates the page is rendered
  with (``'unsafe-hashes'`` permits hashed attributes only, not arbitrary inline styles)

JSON-LD ``<script type="application/ld+json">`` is data, never executed, so it needs nothing.
The preview (``make serve``, ``oklab_preview``) adds ``'unsafe-inline'`` for scripts, because
sphinx-autobuild injects an inline live-reload script; published builds stay strict.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re

from sphinx.application import Sphinx
from sphinx.builders.html import StandaloneHTMLBuilder

from . import __version__

# Theme templates rendered inline into every page (furo; overridable in _templates/).
INLINE_THEME_PARTS = ("partials/_head_css_variables.html", "partials/icons.html")
STYLE_ELEMENT = re.compile(r"<style\b[^>]*>(.*?)</style>", re.S | re.I)
STYLE_ATTRIBUTE = re.compile(r"""\sstyle\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.I)
# After furo (500) has put its values into the context the partials are rendered with.
AFTER_THEME = 900


def csp_hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def inline_style_hashes(markup: str) -> list[str]:
    """Hashes of the ``<style>`` elements and ``style=""`` attributes in ``markup``."""
    texts = STYLE_ELEMENT.findall(markup)
    texts += [html.unescape(a or b) for a, b in STYLE_ATTRIBUTE.findall(markup)]
    return list(dict.fromkeys(csp_hash(text) for text in texts))


def policy(style_hashes: list[str], preview: bool = False) -> str:
    script = ["'self'"] + (["'unsafe-inline'"] if preview else [])
    style = ["'self'"] + (["'unsafe-hashes'", *style_hashes] if style_hashes else [])
    directives = {
        "default-src": ["'self'"],
        "script-src": script,
        "style-src": style,
        # furo's CSS draws a few icons (e.g. the menu's expand arrows) from data: URLs.
        "img-src": ["'self'", "data:"],
        "connect-src": ["'self'"] + (["ws:"] if preview else []),
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
    }
    return "; ".join(f"{name} {' '.join(values)}" for name, values in directives.items())


def add_policy(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    if not isinstance(app.builder, StandaloneHTMLBuilder):
        return
    render = app.builder.templates.render
    hashes: list[str] = []
    for part in INLINE_THEME_PARTS:
        hashes += inline_style_hashes(render(part, context))
    content = policy(list(dict.fromkeys(hashes)), app.config.oklab_preview).replace('"', "&quot;")
    tag = f'<meta http-equiv="Content-Security-Policy" content="{content}" />\n'
    # First in the head: a policy only covers what comes after it.
    context["metatags"] = tag + context.get("metatags", "")


def setup(app: Sphinx) -> dict:
    app.setup_extension("oklab.pagemeta")  # templates/base.html: the theme script as a file
    app.add_config_value("oklab_preview", False, "html", types=[bool])
    app.connect("html-page-context", add_policy, priority=AFTER_THEME)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
