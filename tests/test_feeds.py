"""The news as Atom and RSS 2.0 feeds: parsed with feedparser (an independent reader), absolute
addresses from the canonical base, stable ids, newest first, summary, date and categories, and
a discovery link to both in every page's head. (Byte-identical builds: test_reproducible.py.)
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from xml.etree import ElementTree
from zoneinfo import ZoneInfo

import feedparser
import pytest
import yaml
from harness import ROOT

POSTS = sorted(p for p in (ROOT / "neuigkeiten").glob("*.md") if p.name != "index.md")
FEEDS = {"atom": "neuigkeiten/atom.xml", "rss": "neuigkeiten/rss.xml"}
VERSIONS = {"atom": "atom10", "rss": "rss20"}
TYPES = {"atom": "application/atom+xml", "rss": "application/rss+xml"}


def local_date(stamp):
    """The date in Flensburg of a time feedparser gives in UTC."""
    return datetime(*stamp[:6], tzinfo=UTC).astimezone(ZoneInfo("Europe/Berlin")).date()


def front_matter(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---", 2)[1])


def newest_first() -> list[tuple[str, dict]]:
    posts = [(p.stem, front_matter(p)) for p in POSTS]
    return sorted(posts, key=lambda item: (-item[1]["date"].toordinal(), item[1]["title"]))


@pytest.fixture(scope="module")
def base(site) -> str:
    return site.page("").find("link", rel="canonical")["href"]


@pytest.fixture(scope="module", params=list(FEEDS))
def feed(request, site):
    parsed = feedparser.parse((site.outdir / FEEDS[request.param]).read_bytes())
    first = parsed.entries[0]  # for the report (pytest -s)
    print(request.param, FEEDS[request.param], first.title, first.link, first.get("published"))
    return request.param, parsed


def test_the_feed_parses_without_error(feed):
    kind, parsed = feed
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    assert parsed.version == VERSIONS[kind]


def test_the_feed_describes_the_lab_with_absolute_addresses(feed, base):
    kind, parsed = feed
    assert parsed.feed.title == "OK Lab Flensburg: Neuigkeiten"
    assert parsed.feed.link == base + "neuigkeiten/"
    assert parsed.feed.language == "de"
    self_links = [link.href for link in parsed.feed.links if link.rel == "self"]
    assert self_links == [base + FEEDS[kind]]
    if kind == "atom":
        assert parsed.feed.id == base + "neuigkeiten/"
        assert parsed.feed.author == "OK Lab Flensburg"
    else:
        assert parsed.feed.subtitle  # RSS: the channel's description is required


def test_entries_newest_first_with_summary_date_and_categories(feed, site, base):
    kind, parsed = feed
    expected = newest_first()
    assert [e.title for e in parsed.entries] == [m["title"] for _, m in expected]
    for entry, (stem, meta) in zip(parsed.entries, expected, strict=True):
        address = base + f"neuigkeiten/{stem}/"
        canonical = site.page(f"neuigkeiten/{stem}/").find("link", rel="canonical")["href"]
        assert entry.link == address == canonical
        assert entry.id == address  # Atom id, RSS guid: the post's lasting address
        assert entry.summary == meta["description"]
        assert local_date(entry.published_parsed) == meta["date"]
        assert [t.term for t in entry.tags] == meta["tags"]


def test_rss_guids_are_the_posts_permanent_addresses(site, base):
    channel = ElementTree.parse(site.outdir / FEEDS["rss"]).getroot().find("channel")
    guids = [(g.text, g.get("isPermaLink")) for g in channel.iter("guid")]
    assert guids == [(base + f"neuigkeiten/{stem}/", "true") for stem, _ in newest_first()]


def test_the_feeds_date_is_the_newest_posts_not_the_clocks(feed):
    kind, parsed = feed
    assert local_date(parsed.feed.updated_parsed) == newest_first()[0][1]["date"]


def test_every_page_links_both_feeds(site, base):
    for path in site.pages():
        links = site.page(path).select('head link[rel="alternate"][type]')
        found = {link["type"]: link["href"] for link in links}
        assert found == {TYPES[k]: base + FEEDS[k] for k in FEEDS}, path
        assert all(link.get("title", "").startswith("OK Lab Flensburg") for link in links)
    for file in FEEDS.values():
        assert (site.outdir / file).is_file()


def test_the_overview_offers_both_feeds(site):
    buttons = site.page("neuigkeiten/").select("a.oklab-feed")
    assert [b.get_text(strip=True) for b in buttons] == ["Atom-Feed", "RSS-Feed"]
    assert [b["href"] for b in buttons] == ["atom.xml", "rss.xml"]
