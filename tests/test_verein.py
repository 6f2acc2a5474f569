"""The association behind the lab has its page under Über uns: only what is known about it.

The facts (tests/data/facts-lab.yaml, ``association``): DatenSindDaten e.V. is the lab's
Träger and gives it its organisational frame. Board, register, address, membership and
donations are not public: the page says nothing about them and holds no placeholder.
"""

from __future__ import annotations

import re

import pytest
import yaml
from harness import FACTS_LAB

ASSOCIATION = yaml.safe_load(FACTS_LAB.read_text(encoding="utf-8"))["association"]
PLACEHOLDER = re.compile(
    r"todo|tbd|fixme|xxx|\?\?|…|\.\.\.|muster|lorem|platzhalter|folgt|n\.\s?n\.|unbekannt",
    re.IGNORECASE,
)
NOT_PUBLIC = re.compile(
    r"vorstand|vorsitz|register|amtsgericht|satzung|anschrift|adresse|\b\d{5}\b|mitglied"
    r"|beitrag|spende|iban|bankverbindung|gemeinnützig",
    re.IGNORECASE,
)


@pytest.fixture(scope="module")
def page(site):
    return site.page("ueber-uns/verein/")


def article_text(page) -> str:
    return " ".join(page.find("article").get_text(" ").split())


def test_the_page_says_what_is_known(page):
    assert ASSOCIATION == "DatenSindDaten e.V."
    assert page.find("h1").get_text(strip=True).startswith("Trägerverein")
    text = article_text(page)
    assert f"{ASSOCIATION} ist der Träger des Labs" in text
    assert "organisatorischen Rahmen" in text
    description = page.find("meta", attrs={"name": "description"})["content"]
    assert ASSOCIATION in description and "{{" not in description


def test_nothing_unknown_and_no_placeholder(page):
    text = article_text(page)
    assert not PLACEHOLDER.search(text), PLACEHOLDER.search(text)
    assert not NOT_PUBLIC.search(text), NOT_PUBLIC.search(text)


def test_in_the_menu_under_ueber_uns(site):
    for path in ("", "ueber-uns/", "ueber-uns/verein/", "projekte/unfallkarte/"):
        menu = site.page(path).select_one(".sidebar-tree")
        (section,) = [
            li for li in menu.select("li.toctree-l1") if li.a.get_text(strip=True) == "Über uns"
        ]
        below = [a.get_text(strip=True) for a in section.select("li.toctree-l2 > a")]
        assert below == ["Trägerverein"], path
