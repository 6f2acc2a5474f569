"""A strict Content-Security-Policy as ``<meta http-equiv>``, first in every page's head.

Everything the site loads comes from its own address (``default-src 'self'``): no inline
script at all, and inline ``<style>`` elements only by hash. The theme's inline bits:

- furo's theme-detection script is loaded from a file (``templates/base.html``);
- furo's ``<style>`` with its colour variables is allowed by its SHA-256 hash, computed from
  the very template the page is rendered with;
- furo's icon sprite is the site's own copy without ``style`` attributes
  (``templates/partials/icons.html``), so no attribute hash (``'unsafe-hashes'``) is needed.

When the build has finished, the frame of every page it wrote (everything outside the page's
own text) is checked: an inline script or a style the policy does not allow, as a furo update
might add, stops the build with a message. JSON-LD ``<script type="application/ld+json">`` is
data, never executed, so it needs nothing.

Live reload (``oklab_live_reload``) adds ``'unsafe-inline'`` for scripts and ``ws:`` for
connections, because sphinx-autobuild injects an inline script that reloads the page. conf.py
switches it off for every published build (Read the Docs, ``OKLAB_RELEASE=1``); ``make html``
and the tests switch it off with ``-D oklab_live_reload=0``.
"""

from __future__ import annotations

import base64
import hashlib
import os
import re
import time
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.builders.html import StandaloneHTMLBuilder
from sphinx.util import logging

from . import __version__

logger = logging.getLogger(__name__)

# Theme templates rendered inline into every page (furo; overridden in templates/).
INLINE_THEME_PARTS = ("partials/_head_css_variables.html",)
STYLE_ELEMENT = re.compile(r"<style\b[^>]*>(.*?)</style>", re.S | re.I)
STYLE_ATTRIBUTE = re.compile(r"""<[^>]*\sstyle\s*=\s*["'][^>]*>""", re.I)
INLINE_SCRIPT = re.compile(r"<script\b(?![^>]*\bsrc=)(?![^>]*application/ld\+json)[^>]*>", re.I)
ARTICLE = re.compile(r"<article\b.*?</article>", re.S | re.I)
POLICY = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)"')
# After furo (500) has put its values into the context the partials are rendered with.
AFTER_THEME = 900


def csp_hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def style_hashes(markup: str) -> list[str]:
    """Hashes of the ``<style>`` elements in ``markup``."""
    return list(dict.fromkeys(csp_hash(text) for text in STYLE_ELEMENT.findall(markup)))


def policy(hashes: list[str], live_reload: bool = False) -> str:
    directives = {
        "default-src": ["'self'"],
        "script-src": ["'self'"] + (["'unsafe-inline'"] if live_reload else []),
        "style-src": ["'self'", *hashes],
        # furo's CSS draws a few icons (e.g. the menu's expand arrows) from data: URLs.
        "img-src": ["'self'", "data:"],
        "connect-src": ["'self'"] + (["ws:"] if live_reload else []),
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
        hashes += style_hashes(render(part, context))
    live_reload = app.config.oklab_live_reload
    content = policy(list(dict.fromkeys(hashes)), live_reload).replace('"', "&quot;")
    tag = f'<meta http-equiv="Content-Security-Policy" content="{content}" />\n'
    # First in the head: a policy only covers what comes after it.
    context["metatags"] = tag + context.get("metatags", "")


def frame_problems(html: str) -> list[str]:
    """What in a page's frame (outside its ``<article>``) the page's own policy would block."""
    found = POLICY.search(html)
    allowed = found.group(1) if found else ""
    frame = ARTICLE.sub("", html)
    problems = [f"Inline-Skript {tag[:60]!r}" for tag in INLINE_SCRIPT.findall(frame)]
    problems += [f"style-Attribut in {tag[:60]!r}" for tag in STYLE_ATTRIBUTE.findall(frame)]
    problems += [
        f"<style> ohne Hash in der Richtlinie ({digest})"
        for digest in style_hashes(frame)
        if digest not in allowed
    ]
    return problems


def note_build_start(app: Sphinx) -> None:
    # A second earlier: file systems stamp with a coarser clock than time_ns().
    app.oklab_build_started_ns = time.time_ns() - 1_000_000_000
    app.oklab_pages_written = set()


def note_page(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """Every page Sphinx writes in this process passes here just before it is written."""
    if isinstance(app.builder, StandaloneHTMLBuilder):
        app.oklab_pages_written.add(app.builder.get_outfilename(pagename))


def written_since(folder: Path, started_ns: int) -> list[Path]:
    """The HTML files below ``folder`` modified since ``started_ns``, in a stable order
    (``os.walk`` and one ``stat`` per file: ``Path.rglob`` and ``Path.stat`` took several times
    as long)."""
    found = []
    for root, _folders, names in os.walk(folder):
        for name in names:
            path = os.path.join(root, name)
            if name.endswith(".html") and os.stat(path).st_mtime_ns >= started_ns:
                found.append(Path(path))
    return sorted(found)


def check_written_pages(app: Sphinx, exception: Exception | None) -> None:
    """Every page this build wrote obeys its own policy (a furo update might add inline bits).

    A clean build writes every page; an incremental one (``make serve``) only what changed, so
    pages an earlier build wrote and checked are not read again."""
    if exception is not None or not isinstance(app.builder, StandaloneHTMLBuilder):
        return
    if app.parallel > 1:  # other processes may have written pages: the files' dates tell
        files = written_since(Path(app.outdir), getattr(app, "oklab_build_started_ns", 0))
    else:  # noted as they were written: no walk through a folder per page
        files = sorted(map(Path, getattr(app, "oklab_pages_written", ())))
    for file in files:
        problems = frame_problems(file.read_text(encoding="utf-8"))
        for problem in problems:
            page = file.relative_to(app.outdir).as_posix()
            logger.error(
                f"{page}: {problem}: die Sicherheitsrichtlinie (CSP) würde es blockieren. "
                "Kommt es von einer neuen furo-Version, bitte _ext/oklab/csp.py und "
                "_ext/oklab/templates/ anpassen.",
                type="oklab",
                subtype="csp",
            )
        if problems:
            app.statuscode = 1


def setup(app: Sphinx) -> dict:
    app.setup_extension("oklab.theme")  # templates/base.html: the theme script as a file
    app.add_config_value("oklab_live_reload", False, "html", types=[bool])
    app.connect("html-page-context", add_policy, priority=AFTER_THEME)
    app.connect("builder-inited", note_build_start)
    app.connect("html-page-context", note_page)
    app.connect("build-finished", check_written_pages)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
