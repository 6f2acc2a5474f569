"""News: posts in neuigkeiten/, newest first with German dates, summary, tags and link; each post
with date, tags and its neighbours; archive pages by year; the latest posts on the start page;
the older Nuxt blog's front matter; German messages for an editor's mistakes.

Expected values come from the posts' front matter (read here with PyYAML) and from tables
written out in this file (month names, addresses of topics), never from the extension.
"""

from __future__ import annotations

import os
import re
import shutil
import time
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path
from urllib.parse import urljoin

import pytest
import yaml
from harness import EXT, ROOT, sphinx_cli
from newssite import build_news_site, page, post, write_news_site
from oracles import GERMAN_MONTHS as MONTHS
from oracles import message

POST_FILES = sorted(p for p in (ROOT / "neuigkeiten").glob("*.md") if p.name != "index.md")
# The addresses of the topics the posts name, written out.
TOPIC_ADDRESSES = {"Veranstaltung": "veranstaltung", "Kultur": "kultur"}


def front_matter(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---", 2)[1])


def german(day: date) -> str:
    return f"{day.day}. {MONTHS[day.month - 1]} {day.year}"


def posts_newest_first() -> list[tuple[str, dict]]:
    posts = [(p.stem, front_matter(p)) for p in POST_FILES]
    return sorted(posts, key=lambda item: (-item[1]["date"].toordinal(), item[1]["title"]))


def cards(soup) -> list:
    return soup.select(".oklab-post")


def card_title(card) -> str:
    return card.select_one(".sd-card-title").get_text(strip=True)


def resolve(path: str, href: str) -> str:
    """The site path a link on page ``path`` leads to."""
    return urljoin(f"/{path}", href)


# -- The real site ---------------------------------------------------------------------------


def test_the_posts_are_the_facts_posts():
    titles = [m["title"] for _, m in posts_newest_first()]
    assert titles == [
        "Open Data Day Flensburg am 1. März 2025",
        "Die Kulturnacht Flensburg 2024 auf einer Karte",
    ]


def test_overview_lists_posts_newest_first_with_date_summary_tags_and_link(site):
    overview = site.page("neuigkeiten/")
    shown = cards(overview)
    expected = posts_newest_first()
    assert [card_title(c) for c in shown] == [m["title"] for _, m in expected]
    for card, (stem, meta) in zip(shown, expected, strict=True):
        stamp = card.select_one(".oklab-post-date time")
        assert stamp.get_text(strip=True) == german(meta["date"])
        assert stamp["datetime"] == meta["date"].isoformat()
        assert meta["description"] in card.get_text(" ")
        link = card.select_one("a.sd-stretched-link")["href"]
        assert resolve("neuigkeiten/", link) == f"/neuigkeiten/{stem}/"
        tags = {a.get_text(strip=True): a["href"] for a in card.select("a.oklab-tag")}
        assert list(tags) == meta["tags"]
        for tag, href in tags.items():
            assert resolve("neuigkeiten/", href) == f"/themen/{TOPIC_ADDRESSES[tag]}/"


def test_a_post_shows_date_tags_and_its_neighbours(site):
    expected = posts_newest_first()
    for index, (stem, meta) in enumerate(expected):
        path = f"neuigkeiten/{stem}/"
        soup = site.page(path)
        header = soup.select_one("article .oklab-post-header")
        assert header.find("time").get_text(strip=True) == german(meta["date"])
        tags = [a.get_text(strip=True) for a in header.select("a.oklab-tag")]
        assert tags == meta["tags"]
        newer = expected[index - 1] if index else None
        older = expected[index + 1] if index + 1 < len(expected) else None
        related = soup.select_one(".related-pages")
        for kind, label, neighbour in (
            ("prev-page", "Neuerer Beitrag", newer),
            ("next-page", "Älterer Beitrag", older),
        ):
            link = related.select_one(f"a.{kind}")
            if neighbour is None:
                assert link is None, (path, kind)
                continue
            assert link.select_one(".context").get_text(strip=True) == label
            assert link.select_one(".title").get_text(strip=True) == neighbour[1]["title"]
            assert resolve(path, link["href"]) == f"/neuigkeiten/{neighbour[0]}/"


def test_posts_are_not_in_the_menu_but_their_section_is_marked(site):
    for stem, _ in posts_newest_first():
        soup = site.page(f"neuigkeiten/{stem}/")
        menu = soup.select_one(".sidebar-tree")
        assert not [a for a in menu.select("a") if stem in a.get("href", "")]
        current = [a.get_text(strip=True) for a in menu.select("li.toctree-l1.current > a")]
        assert current == ["Neuigkeiten"]


def test_start_page_shows_the_latest_posts_after_the_meeting(site):
    start = site.page("")
    titles = [card_title(c) for c in cards(start)]
    assert titles == [m["title"] for _, m in posts_newest_first()][:3]
    html = str(start.find("article"))
    hero_end = html.index("Projekte ansehen")
    assert html.index("oklab-meeting") < hero_end < html.index("oklab-post")


def test_archive_pages_by_year_list_every_post_once(site):
    years: dict[int, list[str]] = {}
    for _stem, meta in posts_newest_first():
        years.setdefault(meta["date"].year, []).append(meta["title"])
    overview = site.page("neuigkeiten/")
    archive = {a.get_text(strip=True): a["href"] for a in overview.select(".oklab-archive-years a")}
    assert sorted(archive) == sorted(str(y) for y in years)
    for year, titles in years.items():
        assert resolve("neuigkeiten/", archive[str(year)]) == f"/neuigkeiten/{year}/"
        soup = site.page(f"neuigkeiten/{year}/")
        assert soup.find("h1").get_text(strip=True).rstrip("#") == f"Neuigkeiten {year}"
        assert [card_title(c) for c in cards(soup)] == titles
        current = [a.get_text(strip=True) for a in soup.select(".sidebar-tree li.current > a")]
        assert current == ["Neuigkeiten"]
        # The years link to each other as the pages of a long list do: a navigation of links,
        # the one to this page marked as the current page.
        nav = soup.select_one('nav[aria-label="Jahre"]')
        links = nav.select("li > p > a")
        assert [a.get_text() for a in links] == [str(y) for y in years]
        assert [resolve(f"neuigkeiten/{year}/", a["href"]) for a in links] == [
            f"/neuigkeiten/{y}/" for y in years
        ]
        marked = nav.select('a[aria-current="page"]')
        assert [a.get_text() for a in marked] == [str(year)]
        assert nav.find("strong") is None


# -- A small site -------------------------------------------------------------------------------

# The older Nuxt site's blog front matter, unchanged (with an image that exists).
NUXT_POST = """---
title: Ein Beitrag wie auf der alten Website
description: So sah der Kopfbereich eines Beitrags auf der Nuxt-Website aus.
date: 2024-05-02
navigation: false
tags: [Umwelt, Mobilität]
image: /images/x.jpg
---

## Worum es geht

Ein Absatz.
"""
# The smallest JPEG a browser shows (1 x 1 pixel).
JPEG = bytes.fromhex(
    "ffd8ffe000104a46494600010100000100010000ffdb004300080606070605080707070909080a0c140d0c0b"
    "0b0c1912130f141d1a1f1e1d1a1c1c20242e2720222c231c1c2837292c30313434341f27393d38323c2e3334"
    "32ffc0000b080001000101011100ffc4001f0000010501010101010100000000000000000102030405060708"
    "090a0bffc400b5100002010303020403050504040000017d01020300041105122131410613516107227114"
    "328191a1082342b1c11552d1f02433627282090a161718191a25262728292a3435363738393a434445464748"
    "494a535455565758595a636465666768696a737475767778797a838485868788898a92939495969798999a"
    "a2a3a4a5a6a7a8a9aab2b3b4b5b6b7b8b9bac2c3c4c5c6c7c8c9cad2d3d4d5d6d7d8d9dae1e2e3e4e5e6e7e8"
    "e9eaf1f2f3f4f5f6f7f8f9faffda0008010100003f00fbd3ffd9"
)


def test_older_nuxt_blog_front_matter_builds_unchanged(tmp_path):
    files = {"neuigkeiten/altes-format.md": NUXT_POST, "images/x.jpg": JPEG}
    outdir, warnings = build_news_site(tmp_path, files)
    assert warnings == ""
    soup = page(outdir, "neuigkeiten/altes-format")
    assert soup.find("h1").get_text(strip=True).startswith("Ein Beitrag wie auf der alten Website")
    header = soup.select_one(".oklab-post-header")
    assert header.find("time")["datetime"] == "2024-05-02"
    assert [a.get_text(strip=True) for a in header.select("a.oklab-tag")] == ["Umwelt", "Mobilität"]
    image = header.find("img")
    assert (outdir / "neuigkeiten" / "altes-format" / image["src"]).resolve().is_file()
    overview = page(outdir, "neuigkeiten")
    assert [card_title(c) for c in cards(overview)] == ["Ein Beitrag wie auf der alten Website"]


def test_a_post_without_description_is_summarised_by_its_first_paragraph(tmp_path):
    text = "Erster Satz des Beitrags. " * 20
    files = {"neuigkeiten/ohne.md": post("Ohne Beschreibung", "2025-01-02", body=text)}
    outdir, warnings = build_news_site(tmp_path, files)
    assert warnings == ""
    summary = cards(page(outdir, "neuigkeiten"))[0].select(".sd-card-text")[-1].get_text()
    # whole sentences up to 160 characters: six of the twenty (6 × 25 + 5 spaces = 155)
    assert summary == " ".join(["Erster Satz des Beitrags."] * 6)
    description = page(outdir, "neuigkeiten/ohne").find("meta", attrs={"name": "description"})
    assert description["content"] == summary


def test_the_overview_shows_the_latest_ten_and_the_archive_every_post(tmp_path):
    files = {
        f"neuigkeiten/beitrag-{n:02d}.md": post(f"Beitrag {n:02d}", f"20{23 + n % 3}-03-{n:02d}")
        for n in range(1, 16)
    }
    outdir, warnings = build_news_site(tmp_path, files)
    assert warnings == ""
    expected = sorted(
        ((f"20{23 + n % 3}-03-{n:02d}", f"Beitrag {n:02d}") for n in range(1, 16)), reverse=True
    )
    overview = [card_title(c) for c in cards(page(outdir, "neuigkeiten"))]
    assert overview == [title for _, title in expected][:10]
    archived = []
    for year in ("2025", "2024", "2023"):
        archived += [card_title(c) for c in cards(page(outdir, f"neuigkeiten/{year}"))]
    assert archived == [title for _, title in expected]
    start = [card_title(c) for c in cards(page(outdir, ""))]
    assert start == overview[:3]


# -- German messages for editors ----------------------------------------------------------------

BROKEN_POSTS = {
    "neuigkeiten/ohne-datum.md": "---\ntitle: Ohne Datum\n---\n\n# Ohne Datum\n",
    "neuigkeiten/unmoeglich.md": "---\ntitle: Unmöglich\ndate: 2025-02-30\n---\n\n# Unmöglich\n",
    "neuigkeiten/verkehrt.md": (
        "---\ntitle: Verkehrt\ndate: 2025-02-11\nevent:\n  start: 2025-03-01 10:00\n"
        "  end: 2025-03-01 09:00\n  online: true\n---\n\n# Verkehrt\n"
    ),
    "neuigkeiten/tippfehler.md": "---\ntitle: Tippfehler\ndatum: 2025-02-11\n---\n\n# Tippfehler\n",
    "neuigkeiten/ohne-bild.md": (
        "---\ntitle: Ohne Bild\ndate: 2025-02-11\nimage: /images/fehlt.jpg\n---\n\n# Ohne Bild\n"
    ),
    "neuigkeiten/ohne-ort.md": (
        "---\ntitle: Ohne Ort\ndate: 2025-02-11\nevent:\n  start: 2025-03-01 10:00\n"
        "  end: 2025-03-01 12:00\n---\n\n# Ohne Ort\n"
    ),
    "neuigkeiten/halbe-zeit.md": (
        "---\ntitle: Halbe Zeit\ndate: 2025-02-11\nevent:\n  start: 2025-03-01\n"
        "  end: 2025-03-01 12:00\n  online: true\n---\n\n# Halbe Zeit\n"
    ),
}
# Every message, exactly as the editor reads it.
EXPECTED_ERRORS = [
    "neuigkeiten/halbe-zeit.md:5: ERROR: Feld „event.start“: muss Datum und Uhrzeit im Format "
    "JJJJ-MM-TT HH:MM sein (zum Beispiel 2025-03-01 10:00), gefunden: '2025-03-01'",
    "neuigkeiten/ohne-bild.md:4: ERROR: Feld „image“: Bilddatei '/images/fehlt.jpg' nicht "
    "gefunden (Pfad relativ zu dieser Seite oder mit / am Anfang ab dem Hauptordner der Website)",
    "neuigkeiten/ohne-datum.md:2: ERROR: Feld „date“: Pflichtfeld fehlt",
    "neuigkeiten/ohne-ort.md:4: ERROR: Feld „event“: Ort fehlt: place (mit name, street, "
    "postcode, city) oder online: true angeben",
    "neuigkeiten/tippfehler.md:2: ERROR: Feld „date“: Pflichtfeld fehlt",
    "neuigkeiten/tippfehler.md:3: ERROR: Feld „datum“: unbekanntes Feld",
    "neuigkeiten/unmoeglich.md:3: ERROR: Feld „date“: ist kein gültiges Datum (Format "
    "JJJJ-MM-TT), gefunden: '2025-02-30'",
    "neuigkeiten/verkehrt.md:6: ERROR: Feld „event.end“: das Ende (01.03.2025 09:00) muss nach "
    "dem Beginn (01.03.2025 10:00) liegen",
]


def test_mistakes_in_posts_are_reported_in_german(tmp_path):
    src = write_news_site(tmp_path / "src", BROKEN_POSTS)
    build = sphinx_cli(src, tmp_path / "html")
    assert build.returncode == 1
    assert "Traceback" not in build.output
    errors = sorted(
        line.removesuffix(" [oklab.content]")
        for line in build.output.splitlines()
        if "ERROR" in line
    )
    for line in errors:
        print(line)  # the exact messages, for the report (pytest -s)
    assert errors == EXPECTED_ERRORS
    # The posts with mistakes are still built (as every page), but listed nowhere.
    assert (build.outdir / "neuigkeiten" / "verkehrt" / "index.html").is_file()
    assert not re.search("Verkehrt|Unmöglich", build.page("neuigkeiten/").get_text())


def test_a_file_at_a_generated_address_is_reported(tmp_path):
    """A Markdown file where the site writes a generated page: the message names the file."""
    files = {
        "neuigkeiten/2025.md": post("Jahr", "2025-01-02"),
        "themen/index.md": "---\ntitle: Themen\n---\n\n# Themen\n",
        "projekte/karte.md": (ROOT / "tests/roots/test-news/projekte/karte.md").read_text("utf-8"),
    }
    src = write_news_site(tmp_path / "src", files)
    build = sphinx_cli(src, tmp_path / "html")
    assert build.returncode == 1
    errors = [line for line in build.output.splitlines() if "ERROR" in line]
    assert errors == [
        "neuigkeiten/2025.md:1: ERROR: die Adresse /neuigkeiten/2025/ gehört einer Seite, die die "
        "Website selbst erzeugt (Jahresarchiv 2025); bitte die Datei umbenennen",
        "themen/index.md:1: ERROR: die Adresse /themen/ gehört einer Seite, die die Website selbst "
        "erzeugt (Themenübersicht); bitte die Datei umbenennen",
    ], build.output
    assert build.page("neuigkeiten/2025/").find("h1").get_text(strip=True).startswith("Jahr")


def test_the_editors_template_builds_strictly(tmp_path):
    """An editor copies _vorlagen/beitrag.md unchanged: the site builds, the post is listed."""
    template = (ROOT / "_vorlagen" / "beitrag.md").read_text(encoding="utf-8")
    outdir, warnings = build_news_site(tmp_path, {"neuigkeiten/neuer-beitrag.md": template})
    assert warnings == ""
    assert [card_title(c) for c in cards(page(outdir, "neuigkeiten"))] == ["Neuer Beitrag"]


def test_a_new_post_reaches_lists_and_neighbours_on_an_incremental_build(tmp_path):
    """As in ``make serve``: the overview, the start page and the newer post's neighbour."""
    src = write_news_site(tmp_path / "src", {"neuigkeiten/alt.md": post("Alt", "2025-01-02")})
    doctrees = ["-d", str(tmp_path / "doctrees")]
    first = sphinx_cli(src, tmp_path / "html", *doctrees, clean=False)
    assert first.returncode == 0, first.output
    (src / "neuigkeiten" / "neu.md").write_text(post("Neu", "2025-02-03"), encoding="utf-8")
    second = sphinx_cli(src, tmp_path / "html", *doctrees, clean=False)  # incremental
    assert second.returncode == 0, second.output
    for path in ("", "neuigkeiten/"):
        assert [card_title(c) for c in cards(second.page(path))] == ["Neu", "Alt"], path
    newer = second.page("neuigkeiten/alt/").select_one(".related-pages a.prev-page")
    assert newer.select_one(".title").get_text(strip=True) == "Neu"
    archive = second.page("neuigkeiten/2025/")
    assert [card_title(c) for c in cards(archive)] == ["Neu", "Alt"]


def test_generated_pages_follow_edits_and_unchanged_ones_are_not_written_again(tmp_path):
    """As in ``make serve``: a build without changes succeeds and leaves the topic and year
    pages alone; an edited post's new title and tags reach them on the next build."""
    tags = "tags: [Kultur]"
    files = {
        "neuigkeiten/alt.md": post("Alt", "2025-01-02", tags),
        "neuigkeiten/neu.md": post("Neu", "2025-02-03", tags),
    }
    src = write_news_site(tmp_path / "src", files)
    doctrees = ["-d", str(tmp_path / "doctrees")]
    generated = ("themen/kultur/", "neuigkeiten/2025/")
    first = sphinx_cli(src, tmp_path / "html", *doctrees, clean=False)
    assert first.returncode == 0, first.output
    long_ago = 1_000_000_000
    for path in generated:
        os.utime(tmp_path / "html" / path / "index.html", ns=(long_ago, long_ago))

    unchanged = sphinx_cli(src, tmp_path / "html", *doctrees, clean=False)
    assert unchanged.returncode == 0, unchanged.output
    for path in generated:
        assert (tmp_path / "html" / path / "index.html").stat().st_mtime_ns == long_ago, path

    (src / "neuigkeiten" / "alt.md").write_text(post("Älter", "2025-01-02", tags), encoding="utf-8")
    renamed = sphinx_cli(src, tmp_path / "html", *doctrees, clean=False)
    assert renamed.returncode == 0, renamed.output
    for path in generated:
        assert [card_title(c) for c in cards(renamed.page(path))] == ["Neu", "Älter"], path

    (src / "neuigkeiten" / "alt.md").write_text(
        post("Älter", "2025-01-02", "tags: [Umwelt]"), encoding="utf-8"
    )
    retagged = sphinx_cli(src, tmp_path / "html", *doctrees, clean=False)
    assert retagged.returncode == 0, retagged.output
    assert [card_title(c) for c in cards(retagged.page("themen/kultur/"))] == ["Neu"]
    assert [card_title(c) for c in cards(retagged.page("themen/umwelt/"))] == ["Älter"]


INJECT_INTO_FRAME = """

import os


def setup(app):
    def inject(app, pagename, templatename, context, doctree):
        if pagename == os.environ.get("INJECT_INLINE_SCRIPT_INTO"):
            context["metatags"] = context.get("metatags", "") + "<script>1</script>"

    app.connect("html-page-context", inject)
"""


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_the_csp_check_reads_what_an_incremental_build_writes(tmp_path, jobs):
    """``make serve`` writes only changed pages, and the check after the build reads those:
    an inline script in a new post's frame stops the build with the CSP message (also when
    other processes write the pages: ``-j 2``)."""
    src = write_news_site(tmp_path / "src", {"neuigkeiten/alt.md": post("Alt", "2025-01-02")})
    with (src / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write(INJECT_INTO_FRAME)
    doctrees = ["-d", str(tmp_path / "doctrees")]
    first = sphinx_cli(src, tmp_path / "html", *doctrees, clean=False)
    assert first.returncode == 0, first.output
    (src / "neuigkeiten" / "neu.md").write_text(post("Neu", "2025-02-03"), encoding="utf-8")
    inject = {"INJECT_INLINE_SCRIPT_INTO": "neuigkeiten/neu"}
    second = sphinx_cli(src, tmp_path / "html", *doctrees, "-j", jobs, clean=False, **inject)
    assert second.returncode != 0
    assert "neuigkeiten/neu/index.html: Inline-Skript '<script>'" in second.output
    assert "die Sicherheitsrichtlinie (CSP) würde es blockieren" in second.output


# -- What an incremental build writes ----------------------------------------------------------

EVENT = "event:\n  start: {day} 18:00\n  end: {day} 21:00\n  place:\n    city: Flensburg"
# Written on every build, whatever changed: Sphinx's search page and index, and the default
# 404 page of sphinx-notfound-page (this small site has no 404.md). No search engine lists them.
ALWAYS_WRITTEN = {"search/index.html", "genindex/index.html", "404/index.html"}
NOT_IN_SITEMAP = {"search/", "genindex/", "404/"}
BASE = "https://oklabflensburg.de/"  # html_baseurl of tests/roots/test-news


def now_ns() -> int:
    """A moment between two builds: what the first wrote is older, what the next writes newer
    (file systems stamp files with a clock a few milliseconds coarse)."""
    time.sleep(0.1)
    stamp = time.time_ns()
    time.sleep(0.1)
    return stamp


def written_since(outdir: Path, stamp_ns: int) -> set[str]:
    """The pages and calendar files below ``outdir`` written after ``stamp_ns``."""
    return {
        file.relative_to(outdir).as_posix()
        for file in outdir.rglob("*")
        if file.suffix in (".html", ".ics") and file.stat().st_mtime_ns > stamp_ns
    }


def project(title: str, tag: str) -> str:
    return f"---\ntitle: {title}\ndescription: Ein Projekt.\nstatus: active\ntags: [{tag}]\n---\n"


# Two cards to a page (``-D oklab_cards_per_page=2``): the lists of this small site fill
# numbered pages, as those of a large site do with 24.
TWO_TO_A_PAGE = ["-D", "oklab_cards_per_page=2"]


def test_adding_a_post_writes_the_pages_that_show_it_and_no_others(tmp_path):
    """As in ``make serve``: a new post is written with every page that shows it (its older
    neighbour, the overview, the start page, its year, the numbered pages of its topic that
    change and the topics' overview; Termine's pages and the calendars if it has an event);
    every other page and calendar file stays as it is (a topic's first page that still shows
    the same cards, the project overview's further pages, other topics, other years), so
    adding a post to a large site stays fast."""
    files = {
        # projects, two to a page: karte and wald, then bank on /projekte/seite/2/
        "projekte/wald.md": project("Wald", "Umwelt"),
        "projekte/bank.md": project("Bank", "Bildung"),
        "neuigkeiten/vorher.md": post(
            "Vorher", "2023-06-01", "tags: [Kultur]", EVENT.format(day="2023-06-10")
        ),
        "neuigkeiten/alt.md": post(
            "Alt", "2024-05-01", "tags: [Kultur]", EVENT.format(day="2024-05-10")
        ),
        "neuigkeiten/mitte.md": post(
            "Mitte", "2025-01-02", "tags: [Umwelt]", EVENT.format(day="2025-01-10")
        ),
    }
    src = write_news_site(tmp_path / "src", files)
    out = tmp_path / "html"
    options = ["-d", str(tmp_path / "doctrees"), *TWO_TO_A_PAGE]
    first = sphinx_cli(src, out, *options, clean=False)
    assert first.returncode == 0, first.output
    # Umwelt: the projects Karte and Wald, then the post Mitte on page 2
    assert (out / "themen" / "umwelt" / "seite" / "2" / "index.html").is_file()
    assert not (out / "themen" / "kultur" / "seite").exists()  # Kultur: Alt and Vorher

    stamp = now_ns()
    (src / "neuigkeiten" / "neu.md").write_text(
        post("Neu", "2025-03-01", "tags: [Umwelt]"), encoding="utf-8"
    )
    plain = sphinx_cli(src, out, *options, clean=False)
    assert plain.returncode == 0, plain.output
    assert written_since(out, stamp) == ALWAYS_WRITTEN | {
        "neuigkeiten/neu/index.html",
        "neuigkeiten/mitte/index.html",  # its older neighbour
        "neuigkeiten/index.html",
        "index.html",  # the latest three posts
        "neuigkeiten/2025/index.html",
        "themen/umwelt/seite/2/index.html",  # Neu and Mitte; page 1 still shows the projects
        "themen/index.html",  # the number of posts per topic
    }
    assert [card_title(c) for c in cards(plain.page(""))] == ["Neu", "Mitte", "Alt"]
    umwelt = plain.page("themen/umwelt/seite/2/")
    assert [card_title(c) for c in cards(umwelt)] == ["Neu", "Mitte"]
    # The sitemap lists every page, not only those this build wrote.
    sitemap = ET.parse(out / "sitemap.xml").getroot()
    listed = [loc.text for loc in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert listed == sorted(BASE + p for p in plain.pages() if p not in NOT_IN_SITEMAP)
    assert BASE + "neuigkeiten/neu/" in listed and BASE + "projekte/seite/2/" in listed

    stamp = now_ns()
    (src / "neuigkeiten" / "termin.md").write_text(
        post("Termin", "2025-04-01", "tags: [Kultur]", EVENT.format(day="2025-04-10")),
        encoding="utf-8",
    )
    event = sphinx_cli(src, out, *options, clean=False)
    assert event.returncode == 0, event.output
    assert written_since(out, stamp) == ALWAYS_WRITTEN | {
        "neuigkeiten/termin/index.html",
        "neuigkeiten/neu/index.html",  # its older neighbour
        "neuigkeiten/index.html",
        "index.html",  # the latest posts and the next event
        "neuigkeiten/2025/index.html",
        "themen/kultur/index.html",  # Termin and Alt, and now a link to page 2
        "themen/kultur/seite/2/index.html",  # new: Vorher
        "themen/index.html",
        "termine/index.html",  # the events that end last: Termin and Mitte
        "termine/seite/2/index.html",  # Alt and Vorher
        "treffen.ics",  # the subscribable calendar holds every event
        "neuigkeiten/termin.ics",  # the event's own file; the other events' stay
    }
    termine = [card_title(c) for c in event.page("termine/").select(".oklab-event")]
    assert termine == ["Termin", "Mitte"]
    later = [card_title(c) for c in event.page("termine/seite/2/").select(".oklab-event")]
    assert later == ["Alt", "Vorher"]


def test_changed_html_options_rewrite_the_generated_pages_too(tmp_path):
    """A preview build (live reload allows inline scripts) and then a strict one into the same
    folder: Sphinx writes every page again, and the generated pages must follow."""
    files = {"neuigkeiten/alt.md": post("Alt", "2025-01-02", "tags: [Kultur]")}
    src = write_news_site(tmp_path / "src", files)
    doctrees = ["-d", str(tmp_path / "doctrees")]
    preview = sphinx_cli(src, tmp_path / "html", *doctrees, "-D", "oklab_live_reload=1")
    assert preview.returncode == 0, preview.output
    strict = sphinx_cli(src, tmp_path / "html", *doctrees, clean=False)
    assert strict.returncode == 0, strict.output
    for path in ("neuigkeiten/alt/", "themen/kultur/", "neuigkeiten/2025/"):
        meta = strict.page(path).find("meta", attrs={"http-equiv": "Content-Security-Policy"})
        assert "'unsafe-inline'" not in meta["content"], path


def everything_generated(*years: str) -> set[str]:
    """Every page the small news site generates (its project karte.md is tagged "Umwelt", the
    post alt.md has an event), with the news archive of each of ``years``, and every calendar
    file."""
    return {f"neuigkeiten/{year}/index.html" for year in years} | {
        "themen/index.html",
        "themen/kultur/index.html",
        "themen/umwelt/index.html",
        "projekte/stand/index.html",
        "projekte/stand/sucht-mitwirkende/index.html",
        "treffen.ics",
        "neuigkeiten/alt.ics",
    }


def test_a_change_to_the_extension_rewrites_the_files_it_generates(tmp_path):
    """Working on the extension with ``make serve``: after a change to its code, generated
    pages and calendar files are written again, though no page changed."""
    ext = tmp_path / "_ext"  # with pyproject.toml beside it, where the package finds its version
    shutil.copytree(EXT, ext, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    files = {
        "neuigkeiten/alt.md": post(
            "Alt", "2025-01-02", "tags: [Kultur]", EVENT.format(day="2025-01-10")
        )
    }
    src = write_news_site(tmp_path / "src", files)
    out = tmp_path / "html"
    doctrees = ["-d", str(tmp_path / "doctrees")]
    first = sphinx_cli(src, out, *doctrees, clean=False, PYTHONPATH=str(ext))
    assert first.returncode == 0, first.output

    stamp = now_ns()
    os.utime(ext / "oklab" / "calendar.py")  # as an editor saves it
    again = sphinx_cli(src, out, *doctrees, clean=False, PYTHONPATH=str(ext))
    assert again.returncode == 0, again.output
    assert written_since(out, stamp) == ALWAYS_WRITTEN | everything_generated("2025")


# A second language for the small site, as conf.py has them (oklab.languages), with the site's
# own Danish interface catalog.
IN_DANISH = """
oklab_languages = {"de": "Deutsch", "da": "Dansk"}
oklab_language_url = "https://oklabflensburg.de/{language}/"
locale_dirs = ["locales/"]
gettext_compact = False
"""
DANISH_INTERFACE = Path("locales/da/LC_MESSAGES/sphinx.po")


def test_a_build_in_another_language_writes_what_changed_and_follows_its_catalog(tmp_path):
    """Each language is its own build (``-D language=da`` into its own folders, as ``make
    html`` and Read the Docs build it): a new post is written with the pages that show it and
    the sitemap names it in every language; a changed translation in the interface catalog
    reaches the generated pages and the calendar files on the next build."""
    files = {
        "neuigkeiten/alt.md": post(
            "Alt", "2024-05-01", "tags: [Kultur]", EVENT.format(day="2024-05-10")
        ),
        "neuigkeiten/mitte.md": post("Mitte", "2025-01-02", "tags: [Umwelt]"),
    }
    src = write_news_site(tmp_path / "src", files)
    with (src / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write(IN_DANISH)
    (src / DANISH_INTERFACE).parent.mkdir(parents=True)
    shutil.copy(ROOT / DANISH_INTERFACE, src / DANISH_INTERFACE)
    out = tmp_path / "html" / "da"
    options = ["-d", str(tmp_path / "doctrees" / "da"), "-D", "language=da"]
    first = sphinx_cli(src, out, *options, clean=False)
    assert first.returncode == 0, first.output

    stamp = now_ns()
    (src / "neuigkeiten" / "neu.md").write_text(
        post("Neu", "2025-03-01", "tags: [Kultur]"), encoding="utf-8"
    )
    added = sphinx_cli(src, out, *options, clean=False)
    assert added.returncode == 0, added.output
    assert written_since(out, stamp) == ALWAYS_WRITTEN | {
        "neuigkeiten/neu/index.html",
        "neuigkeiten/mitte/index.html",
        "neuigkeiten/index.html",
        "index.html",
        "neuigkeiten/2025/index.html",
        "themen/kultur/index.html",
        "themen/index.html",
    }
    sitemap = ET.parse(out / "sitemap.xml").getroot()
    (entry,) = [
        url for url in sitemap if url[0].text == "https://oklabflensburg.de/da/neuigkeiten/neu/"
    ]
    alternates = {link.get("hreflang"): link.get("href") for link in entry[1:]}
    assert alternates == {
        "de": "https://oklabflensburg.de/de/neuigkeiten/neu/",
        "da": "https://oklabflensburg.de/da/neuigkeiten/neu/",
    }

    catalog = src / DANISH_INTERFACE
    text = catalog.read_text(encoding="utf-8")
    for before, after in (
        ('msgstr "Nyheder"', 'msgstr "Nyt fra lab\'et"'),  # a topic page's posts
        ('msgstr "{lab}: møder og arrangementer"', 'msgstr "{lab}: alle møder"'),  # treffen.ics
    ):
        assert text.count(before) == 1, before
        text = text.replace(before, after)
    stamp = now_ns()
    catalog.write_text(text, encoding="utf-8")
    translated = sphinx_cli(src, out, *options, clean=False)
    assert translated.returncode == 0, translated.output
    assert written_since(out, stamp) >= everything_generated("2024", "2025")
    headings = translated.page("themen/kultur/").select("h2")
    assert "Nyt fra lab'et" in [h.get_text(strip=True).rstrip("¶") for h in headings]
    calendar = (out / "treffen.ics").read_text(encoding="utf-8")
    assert "X-WR-CALNAME:OK Lab Flensburg: alle møder" in calendar.splitlines()


def test_every_build_checks_every_front_matter_again(tmp_path):
    """Front matter is parsed again only when its file changed, but checked on every build: a
    post's image removed since the last build is reported; an edit that keeps the file's size
    reaches the lists."""
    files = {
        "neuigkeiten/bild.md": post("Alt", "2025-01-02", "image: bild.jpg"),
        "neuigkeiten/bild.jpg": JPEG,
    }
    src = write_news_site(tmp_path / "src", files)
    doctrees = ["-d", str(tmp_path / "doctrees")]
    first = sphinx_cli(src, tmp_path / "html", *doctrees, clean=False)
    assert first.returncode == 0, first.output

    text = (src / "neuigkeiten" / "bild.md").read_text(encoding="utf-8")
    (src / "neuigkeiten" / "bild.md").write_text(text.replace("Alt", "Ast"), encoding="utf-8")
    renamed = sphinx_cli(src, tmp_path / "html", *doctrees, clean=False)
    assert renamed.returncode == 0, renamed.output
    assert [card_title(c) for c in cards(renamed.page("neuigkeiten/"))] == ["Ast"]

    (src / "neuigkeiten" / "bild.jpg").unlink()
    gone = sphinx_cli(src, tmp_path / "html", *doctrees, clean=False)
    assert gone.returncode == 1
    expected = "neuigkeiten/bild.md:4: ERROR: " + message("Bild fehlt", value="bild.jpg")
    assert expected in gone.output.splitlines(), gone.output
