"""The "Über uns" page carries every sentence of the user's seed and the facts' cards."""

import re
from urllib.parse import unquote

import pytest
import yaml
from harness import FACTS_LAB, SEED

FACTS = yaml.safe_load(FACTS_LAB.read_text(encoding="utf-8"))


def seed_sentences() -> list[str]:
    """Every sentence or line of the seed's body (front matter stripped, markup removed)."""
    text = SEED.read_text(encoding="utf-8").split("---", 2)[2]
    sentences = []
    for line in text.splitlines():
        line = re.sub(r"^[#\-\s]+", "", line).strip()
        if line:
            sentences += [s for s in re.split(r"(?<=[.?!:])\s+", line) if s]
    return sentences


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module")
def page(site):
    return site.page("ueber-uns/")


def test_every_seed_sentence_is_on_the_page(page):
    text = normalise(page.find("article").get_text(" "))
    missing = [s for s in seed_sentences() if normalise(s) not in text]
    assert not missing, missing


def test_no_seed_paragraph_is_repeated(page):
    text = normalise(page.find("article").get_text(" "))
    for sentence in seed_sentences():
        if len(sentence) > 40:
            assert text.count(normalise(sentence)) == 1, sentence


def test_four_goal_cards(page):
    goals = page.find(id="unsere-ziele").select(".sd-card")
    assert len(goals) == 4
    assert "Offene Daten und Transparenz fördern" in goals[0].get_text()


def test_contact_cards_link_to_the_facts_addresses(page):
    cards = page.find(id="kontakt").select(".oklab-contact")
    assert len(cards) == len(FACTS["contacts"]) == 2
    for card, contact in zip(cards, FACTS["contacts"], strict=True):
        assert contact["name"] in card.get_text()
        assert unquote(card.find("a")["href"]) == f"mailto:{contact['email']}"


def test_link_cards_point_to_the_facts_urls(page):
    cards = page.find(id="links").select(".oklab-link")
    assert [c.find("a")["href"] for c in cards] == [link["url"] for link in FACTS["links"]]
    assert [c.find(class_="sd-card-title").get_text(strip=True) for c in cards] == [
        link["name"] for link in FACTS["links"]
    ]


def test_link_cards_show_an_icon(page):
    for card in page.find(id="links").select(".oklab-link"):
        icon = card.select_one("svg.oklab-card-icon")
        assert icon is not None and icon.get("aria-hidden") == "true", card.get_text(strip=True)
