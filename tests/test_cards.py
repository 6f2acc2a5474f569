"""Generated cards (built as nodes) look exactly like cards an editor writes by hand with
sphinx-design's ``grid-item-card``: the same elements and classes. sphinx-design is the
oracle, so an update of it that changes its markup fails here."""

from __future__ import annotations

from bs4 import Tag
from harness import build_in_process, write_small_site


def shape(element: Tag) -> list:
    """Elements and classes of ``element``, without text (octicons reduced to their name)."""
    if element.name == "svg":
        return ["svg"]
    classes = [c for c in element.get("class", []) if c != "docutils"]
    return [
        element.name,
        classes,
        [shape(child) for child in element.find_all(True, recursive=False)],
    ]


def test_generated_card_matches_a_hand_written_one(tmp_path):
    src = write_small_site(tmp_path / "src", {"title": "Karte", "description": "Eine Karte."})
    built = build_in_process(src, tmp_path / "build")
    assert built.statuscode == 0 and built.warnings == "", built.warnings
    soup = built.page("karten")
    by_hand = soup.find(id="von-hand").select_one(".oklab-cards")
    generated = soup.find(id="erzeugt").select(".oklab-cards .oklab-contact")
    hand_card = by_hand.select_one(".oklab-contact")
    twin = next(c for c in generated if "Kontakt Allgemein" in c.get_text())
    # The same text, links and structure.
    assert twin.get_text(" ", strip=True) == hand_card.get_text(" ", strip=True)
    assert [a["href"] for a in twin.find_all("a")] == [a["href"] for a in hand_card.find_all("a")]
    assert shape(twin) == shape(hand_card)
    grid_classes = by_hand["class"], soup.find(id="erzeugt").select_one(".oklab-cards")["class"]
    assert grid_classes[0] == grid_classes[1]
    row = (
        by_hand.select_one(".sd-row")["class"],
        soup.find(id="erzeugt").select_one(".sd-row")["class"],
    )
    assert row[0] == row[1]
