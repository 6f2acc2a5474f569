"""The shortcut for translated plain text: which messages skip MyST, what they become, and
the guard on the Sphinx function it replaces. (That a Danish and an English build give the
same HTML with and without the shortcut was compared byte for byte when it was written.)"""

from __future__ import annotations

import pytest
from docutils import nodes
from oklab import plaintext
from sphinx.errors import ExtensionError


@pytest.mark.parametrize(
    "text",
    [
        "Kommende arrangementer",
        "Hvornår, hvor og hvem: kom bare forbi!",
        "Projects and news by topic; the number says how many there are.",
        "„Abonnér“ – 10–21 (kl. 18) 100 % …",
    ],
)
def test_plain_sentences_skip_the_parser(text):
    assert plaintext.is_plain(text)
    paragraph = plaintext.publish_msgstr(text, "x.md", 1)
    assert isinstance(paragraph, nodes.paragraph) and paragraph.astext() == text
    assert [type(child) for child in paragraph.children] == [nodes.Text]


@pytest.mark.parametrize(
    "text",
    [
        "[Vær med](../mitmachen/index.md)",  # link
        "Se *her*",  # emphasis
        "Filen `conf.py`",  # code
        "Foreningen {{ verein }}",  # substitution
        "{sub-ref}`today`",  # role
        "snake_case",  # underscore: emphasis in places
        "1. marts",  # a list
        "- punkt",  # a list
        "# Overskrift",  # a heading
        "> citat",  # a quote
        ": definition",  # deflist, fieldlist
        "se https://example.org",  # an address
        "to  mellemrum",  # two spaces (a line break at the end)
        " indrykket",  # leading space
        "A & B",  # entity
        "a\nb",  # two lines
        "<b>fed</b>",  # HTML
        "",
    ],
)
def test_anything_that_could_be_markup_goes_to_myst(text):
    assert not plaintext.is_plain(text)


def test_a_translated_title_becomes_a_section_with_its_title():
    # Sphinx hands a translated title over as "Title\n" + "=" * (2 * len(title))
    section = plaintext.publish_msgstr("Nyheder\n" + "=" * 14, "x.md", 1)
    assert isinstance(section, nodes.section)
    assert (
        isinstance(section.next_node(), nodes.title) and section.next_node().astext() == "Nyheder"
    )


def test_a_changed_sphinx_function_stops_the_build(monkeypatch):
    monkeypatch.setattr(plaintext, "RELIED_ON", (plaintext.RELIED_ON[0], "0" * 64))
    monkeypatch.setattr(plaintext.i18n, "_publish_msgstr", plaintext.ORIGINAL)
    with pytest.raises(ExtensionError, match=r"Sphinx hat sphinx\.transforms\.i18n\._publish"):
        plaintext.install(None)
