"""A tag (a project's or a post's topic) and the address of its topic page: one rule.

``slug("Mobilität")`` is ``mobilitaet``: lower case, German and Danish letters written out
(ä ae, ö oe, ü ue, ß ss, æ ae, ø oe, å aa), other accents dropped, everything else a hyphen.
A tag without a letter or digit gets ``thema-`` and a short hash of itself. Tags that differ
only in case share one topic page. The address follows from the tag alone, so a card can link
its tags without knowing the other pages; ``topics`` writes the pages.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from docutils import nodes
from sphinx.application import Sphinx

from . import __version__
from .escape import text
from .i18n import _
from .urls import generated_page_reference

_LETTERS = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "æ": "ae", "ø": "oe", "å": "aa"}
)


def slug(tag: str) -> str:
    """The last part of the topic page's address, e.g. ``mobilitaet``."""
    folded = tag.strip().casefold().translate(_LETTERS)
    ascii_only = unicodedata.normalize("NFKD", folded).encode("ascii", "ignore").decode()
    found = re.sub(r"[^a-z0-9]+", "-", ascii_only).strip("-")
    return found or "thema-" + hashlib.sha256(tag.encode("utf-8")).hexdigest()[:8]


def topic_pagename(config, tag: str) -> str:
    """``themen/mobilitaet``: the generated page of the topic ``tag``."""
    return f"{config.oklab_topics_folder}/{slug(tag)}"


def topic_link(config, tag: str) -> nodes.reference:
    """The tag as a link to its topic page (the tag's text stays text), in the reader's
    language (topics are a shared vocabulary: the interface catalog translates them); the
    address follows from the German tag, the same in every language."""
    label = text(_(tag))
    return generated_page_reference(topic_pagename(config, tag), label, classes=["oklab-tag"])


def tag_links(config, tags: list[str], separator: str = " ") -> list[nodes.Node]:
    """Links for ``tags``, in the order written, separated by ``separator``."""
    result: list[nodes.Node] = []
    for tag in tags:
        if result:
            result.append(nodes.Text(separator))
        result.append(topic_link(config, tag))
    return result


def setup(app: Sphinx) -> dict:
    app.add_config_value("oklab_topics_folder", "themen", "env", types=[str])
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
