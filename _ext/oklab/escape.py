"""What editors type is text, never markup: one function per format the site writes.

- ``text()``: a value as a docutils node (the HTML writer escapes it; conf.py switches off
  smart quotes, so it shows exactly as typed)
- ``markdown()``: a value inside MyST text the site generates (substitutions, headings)
- ``json_in_html()``: JSON inside ``<script type="application/ld+json">``
- ``html_attribute()``: a value inside an HTML attribute the site writes itself
- ``opengraph_text()``: a value sphinxext-opengraph puts into an attribute

Templates escape with Jinja's ``|e``; calendar files are written by the icalendar library,
which escapes for iCalendar.
"""

from __future__ import annotations

import html
import json
import re

from docutils import nodes

# Every ASCII punctuation character can be backslash-escaped in CommonMark (and MyST).
_MARKDOWN_SPECIAL = re.compile(r"([!-/:-@\[-`{-~])")


def text(value: str) -> nodes.Text:
    """``value`` as a text node: shown as typed, never markup."""
    return nodes.Text(value)


def markdown(value: str) -> str:
    """``value`` as literal MyST text: no element, role, emphasis or substitution can start.

    Line breaks become spaces (a heading or directive argument is one line).
    """
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(value.splitlines()))


def json_in_html(data) -> str:
    """JSON that cannot end its ``<script>`` element early (``</script>``, ``<!--`` in a value)."""
    text = json.dumps(data, ensure_ascii=False, indent=1)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def html_attribute(value: str) -> str:
    return html.escape(value, quote=True)


def opengraph_text(value: str) -> str:
    """A value for sphinxext-opengraph's ``og:…`` tags, which escapes only ``"`` itself."""
    return html.escape(value, quote=False)
