"""Translated plain text without the Markdown parser: the cost of a translated build.

Sphinx's translation step (``sphinx.transforms.i18n.Locale``) hands every translated paragraph
and title to the page's parser, MyST, which sets up a whole Markdown parser and a docutils
document for one line: in a Danish or English build that was most of the extra time (three
languages cost 4–5 times one). Most translations are plain sentences; for those the result
is known without parsing: a paragraph (or a section with a title) holding the text. This
module answers those itself and leaves everything else (links, emphasis, code, roles,
substitutions, anything that could be markup) to Sphinx and MyST unchanged.

Sphinx offers no extension point for this: the module replaces the private function
``sphinx.transforms.i18n._publish_msgstr``. Its source is fingerprinted (``RELIED_ON``); if a
Sphinx update changes it, the build stops with a message naming this place (README, "furo
oder Sphinx aktualisieren").
"""

from __future__ import annotations

import contextlib
import hashlib
import inspect
import re

from docutils import nodes
from myst_parser.mdit_to_docutils import base as myst_base
from myst_parser.parsers import sphinx_ as myst_sphinx
from sphinx.application import Sphinx
from sphinx.errors import ExtensionError
from sphinx.transforms import i18n

from . import __version__
from .body import md_parser

# The function replaced, and the SHA-256 of its source as this module was written against.
RELIED_ON = (
    "sphinx.transforms.i18n._publish_msgstr",
    "9a43862bd8487aafb8b06fac5bc38e9db7f0082189e23d8a93ea1b79bef8faa3",
)

# Text that no Markdown (CommonMark, MyST's extensions in conf.py) turns into markup: letters,
# digits, spaces and punctuation that is never syntax in the middle of a line. Excluded:
# * _ ` [ ] < > { } $ \ | ~ & # ! and line breaks; at the start also - + = : and "1." lists.
PLAIN = re.compile(r"[^\W_]|[ .,;:?!'\"„“”‘’‚–—/%+=@…°§«»()-]")
BLOCK_START = re.compile(r"[-+=:]|\d+[.)](\s|$)")
# The title form Sphinx gives a translated title before parsing: "Titel\n==========".
TITLE = re.compile(r"(?P<text>[^\n]+)\n(?P<rule>=+)")


def is_plain(text: str) -> bool:
    """True if MyST would make exactly one paragraph holding ``text`` unchanged."""
    return (
        text != ""
        and text == text.strip()
        and "  " not in text
        and "://" not in text
        and not BLOCK_START.match(text)
        and all(PLAIN.match(char) for char in text)
    )


def source_fingerprint() -> str:
    return hashlib.sha256(inspect.getsource(ORIGINAL).encode("utf-8")).hexdigest()


ORIGINAL = getattr(i18n, "_publish_msgstr", None)


def publish_msgstr(source: str, source_path: str, source_line: int, **options) -> nodes.Element:
    """``_publish_msgstr`` with a shortcut for plain text (see the module's docstring)."""
    title = TITLE.fullmatch(source)
    if title and len(title["rule"]) == 2 * len(title["text"]) and is_plain(title["text"]):
        text = title["text"]
        return nodes.section("", nodes.title(text, text))
    if is_plain(source):
        return nodes.paragraph(source, source)
    with reused_parser():
        return ORIGINAL(source, source_path, source_line, **options)


@contextlib.contextmanager
def reused_parser():
    """While Sphinx parses one translated message: MyST's Markdown parser made once per
    configuration instead of per message, and no throw-away docutils document (MyST's
    renderer makes one with fresh default settings even when it is handed the document)."""
    originals = (myst_sphinx.create_md_parser, myst_base.make_document)
    myst_sphinx.create_md_parser = md_parser
    myst_base.make_document = _unused_document
    try:
        yield
    finally:
        myst_sphinx.create_md_parser, myst_base.make_document = originals


def _unused_document(*args, **kwargs):
    return None  # MyST's default for ``options.get("document", …)``; the document is given


def install(app: Sphinx) -> None:
    """Replace Sphinx's function, once, after checking it is the one this module knows."""
    if i18n._publish_msgstr is publish_msgstr:
        return
    where, expected = RELIED_ON
    if ORIGINAL is None or source_fingerprint() != expected:
        raise ExtensionError(
            f"Sphinx hat {where} geändert, auf das sich _ext/oklab/plaintext.py verlässt "
            "(Übersetzungen ohne Markdown-Parser). Prüfe die neue Fassung und trage ihren "
            "Fingerabdruck in plaintext.RELIED_ON ein (README: „furo oder Sphinx aktualisieren“)."
        )
    i18n._publish_msgstr = publish_msgstr


def setup(app: Sphinx) -> dict:
    install(app)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
