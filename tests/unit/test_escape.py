"""One escaping function per output format, each checked by parsing its output back."""

from __future__ import annotations

import json
import string

from markdown_it import MarkdownIt
from oklab.escape import html_attribute, json_in_html, markdown, opengraph_text


def inline_text(md: str) -> str:
    """What CommonMark makes of ``md``: the text of its inline tokens, and no markup."""
    tokens = MarkdownIt("commonmark").parseInline(md)[0].children
    kinds = {token.type for token in tokens}
    assert kinds <= {"text", "softbreak"}, kinds
    return "".join(token.content for token in tokens)


def test_markdown_escapes_every_ascii_punctuation_character():
    for char in string.punctuation:
        assert markdown(char) == "\\" + char
    assert markdown("Karte 2") == "Karte 2"


def test_markdown_text_parses_back_to_itself():
    for value in ["*fett* _kursiv_ `code`", "<b>x</b> &amp; [a](b)", "{{ x }} {role}`y`", "\\*"]:
        assert inline_text(markdown(value)) == value


def test_markdown_keeps_a_value_on_one_line():
    assert markdown("Zeile 1\nZeile 2\r\n# 3") == "Zeile 1 Zeile 2 \\# 3"


def test_json_cannot_close_its_script_and_parses_back():
    data = {"name": "</script><script>alert(1)</script><!-- & -->", "n": ["<", ">"]}
    text = json_in_html(data)
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == data


def test_html_attribute_and_opengraph_text():
    assert html_attribute("a\"b<c>&'") == "a&quot;b&lt;c&gt;&amp;&#x27;"
    # sphinxext-opengraph escapes '"' itself
    assert opengraph_text('a"b<c>&') == 'a"b&lt;c&gt;&amp;'


def test_json_in_html_exactly():
    assert json_in_html({"name": "Bäume <3 & co ->", "n": [1]}) == (
        '{\n "name": "Bäume \\u003c3 \\u0026 co -\\u003e",\n "n": [\n  1\n ]\n}'
    )
