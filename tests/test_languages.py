"""The site in German, Danish and English: each build fully in its language, pages that point to
each other (switcher, hreflang, sitemaps), calendar and structured data per language.

Every language is built once per session (fixture ``sites``, as ``make html`` does:
``html/de/``, ``html/da/``, ``html/en/``). Expected texts and addresses are written out here.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup
from harness import LANGUAGES

BASE = "https://oklabflensburg.de/"  # conf.py: oklab_language_url, the lab's own website
NAMES = {"de": "Deutsch", "da": "Dansk", "en": "English"}
OG_LOCALES = {"de": "de_DE", "da": "da_DK", "en": "en_US"}
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"

# Words of the German interface (templates, Python, furo's strings in German): none of them may
# appear in the frame of a Danish or English page, nor in its head.
GERMAN_INTERFACE = [
    "Zum Inhalt springen", "Nach oben", "Auf dieser Seite", "Weiter", "Zurück", "Startseite",
    "Offenes Treffen", "offenes Treffen", "Nächstes Treffen", "Zum Kalender hinzufügen",
    "Abonnieren", "Karte auf OpenStreetMap", "Komm einfach vorbei", "Quellcode", "Impressum",
    "Datenschutz", "Informationen zur Website", "Sprache", "Farbschema", "Seitennavigation",
    "Link zu dieser Überschrift", "Seite bearbeiten", "sucht Mitwirkende", "in Arbeit",
    "abgeschlossen", "Themen", "Technik", "Mitwirkende", "Erstmals vorgestellt", "Mittwoch",
    "Uhr", "jeden", "Jeden", "Hinterhaus", "Logo des OK Lab Flensburg", "Vorschau",
    "Noch nicht vollständig übersetzt", "Mitmachen", "Projekte ansehen", "Über uns",
]  # fmt: skip
GERMAN_WORD = re.compile(r"(?<!\w)(" + "|".join(map(re.escape, GERMAN_INTERFACE)) + r")(?!\w)")


def frame_and_head(soup) -> list[str]:
    """What a reader sees or hears around the content, and what the head tells machines."""
    soup = BeautifulSoup(str(soup), "html.parser")  # a copy: the caller's page stays whole
    for marked in soup.body.select('[lang="de"]'):  # the switcher's "Deutsch" is German on purpose
        marked.decompose()
    texts = [
        a
        for tag in soup.find_all(True)
        for n in ("aria-label", "title", "alt")
        if (a := tag.get(n))
    ]
    # (addresses are German in every language, /da/projekte/stand/abgeschlossen/: not words)
    metas = [m.get("content", "") for m in soup.find_all("meta") if m.get("content")]
    texts += [c for c in metas if not c.startswith(("https://", "http://"))]
    texts.append(soup.title.get_text())
    for generated in soup.select(".oklab-facts, .oklab-meeting, .oklab-cards, .sd-card"):
        texts.append(generated.get_text(" "))
    article = soup.find("article", attrs={"role": "main"})
    if article is not None:
        article.extract()
    texts.append(soup.body.get_text(" "))
    return [t if isinstance(t, str) else " ".join(t) for t in texts]


def alternates(soup) -> dict[str, str]:
    languages = soup.find_all("link", rel="alternate", hreflang=True)  # not the feeds
    return {link["hreflang"]: link["href"] for link in languages}


# -- Head: language, locale, canonical, alternates ---------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_build_says_its_language(sites, language):
    page = sites[language].page("ueber-uns/")
    assert page.html["lang"] == language
    assert page.find("meta", property="og:locale")["content"] == OG_LOCALES[language]
    assert page.find("link", rel="canonical")["href"] == f"{BASE}{language}/ueber-uns/"
    assert page.find("meta", property="og:url")["content"] == f"{BASE}{language}/ueber-uns/"


def test_alternates_on_every_page_are_absolute_and_reciprocal(sites):
    for language in LANGUAGES:
        for path in sites[language].pages():
            if path.endswith(".html"):
                continue
            expected = {code: f"{BASE}{code}/{path}" for code in LANGUAGES}
            expected["x-default"] = f"{BASE}de/{path}"
            found = alternates(sites[language].page(path))
            assert found == expected, (language, path)
            # reciprocal: every alternate lists this page back, with the same set
            for code in LANGUAGES:
                assert alternates(sites[code].page(path)) == expected, (code, path)


def test_head_alternates_of_the_projects_page(site):
    head = [str(link) for link in site.page("projekte/").find_all("link", rel="alternate")]
    assert head == [
        '<link href="https://oklabflensburg.de/de/projekte/" hreflang="de" rel="alternate"/>',
        '<link href="https://oklabflensburg.de/da/projekte/" hreflang="da" rel="alternate"/>',
        '<link href="https://oklabflensburg.de/en/projekte/" hreflang="en" rel="alternate"/>',
        '<link href="https://oklabflensburg.de/de/projekte/" hreflang="x-default"'
        ' rel="alternate"/>',
        # the feeds, in the page's language
        '<link href="https://oklabflensburg.de/de/neuigkeiten/atom.xml" rel="alternate"'
        ' title="OK Lab Flensburg: Neuigkeiten (Atom)" type="application/atom+xml"/>',
        '<link href="https://oklabflensburg.de/de/neuigkeiten/rss.xml" rel="alternate"'
        ' title="OK Lab Flensburg: Neuigkeiten (RSS)" type="application/rss+xml"/>',
    ]


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_language_has_its_sitemap_with_alternates(sites, language):
    root = ET.parse(sites[language].outdir / "sitemap.xml").getroot()
    entries = {
        url.find(f"{SITEMAP}loc").text: {
            link.get("hreflang"): link.get("href") for link in url.findall(f"{XHTML}link")
        }
        for url in root.findall(f"{SITEMAP}url")
    }
    own = f"{BASE}{language}/kontakt/"
    assert entries[own] == {code: f"{BASE}{code}/kontakt/" for code in LANGUAGES}
    assert all(loc.startswith(f"{BASE}{language}/") for loc in entries)
    assert f"{BASE}{language}/impressum/" not in entries  # as in German: not listed
    robots = (sites[language].outdir / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {BASE}{language}/sitemap.xml" in robots.splitlines()


# -- The switcher ------------------------------------------------------------------------------


def test_switcher_leads_to_the_same_page_in_each_language(sites):
    for language in LANGUAGES:
        for path in sites[language].pages():
            if path.endswith(".html"):
                continue
            nav = sites[language].page(path).find("nav", class_="oklab-languages")
            entries = nav.find_all("li")
            assert [li.get_text(strip=True) for li in entries] == list(NAMES.values())
            for li, code in zip(entries, LANGUAGES, strict=True):
                if code == language:
                    current = li.find("span")
                    assert (current["lang"], current["aria-current"]) == (code, "true")
                    assert li.find("a") is None
                    continue
                link = li.find("a")
                assert (link["lang"], link["hreflang"]) == (code, code)
                assert link["href"] == f"/{code}/{path}"
                # the target exists and is that page in that language
                target = sites[code].page(path)
                assert target.html["lang"] == code
                assert target.find("link", rel="canonical")["href"] == f"{BASE}{code}/{path}"


def test_switcher_markup(site):
    nav = site.page("kontakt/").find("nav", class_="oklab-languages")
    assert " ".join(str(nav).split()) == (
        '<nav aria-label="Sprache" class="oklab-languages"> <ul> '
        '<li><span aria-current="true" lang="de">Deutsch</span></li> '
        '<li><a href="/da/kontakt/" hreflang="da" lang="da">Dansk</a></li> '
        '<li><a href="/en/kontakt/" hreflang="en" lang="en">English</a></li> </ul> </nav>'
    )


@pytest.mark.browser
def test_switcher_by_keyboard_and_without_an_extra_request(browser, host, sites):
    """Tab to "English" on the Danish Über-uns page, press Enter: the English Über-uns page.
    The same page with the switcher cut out of its HTML makes exactly the same requests."""

    def requests_of(url: str, without_switcher: bool) -> list[str]:
        page = browser.new_page()
        made: list[str] = []
        if without_switcher:

            def cut(route):
                response = route.fetch()
                body = re.sub(
                    r'<nav class="oklab-languages".*?</nav>', "", response.text(), flags=re.S
                )
                route.fulfill(response=response, body=body)

            page.route(url, cut)
        page.on("request", lambda request: made.append(request.url))
        # Network idle, not load: Chromium asks for the favicon whenever it gets to it.
        page.goto(url, wait_until="networkidle")
        page.close()
        return sorted(made)

    url = host + "da/ueber-uns/"
    assert requests_of(url, False) == requests_of(url, True)

    page = browser.new_page()
    page.goto(url, wait_until="load")
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()") == "English":
            break
    else:
        pytest.fail("the switcher's English link cannot be reached with the keyboard")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == host + "en/ueber-uns/"
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").first.inner_text().startswith("About us")
    page.close()


# -- Every Danish and English page in its language ---------------------------------------------


@pytest.mark.parametrize("language", ["da", "en"])
def test_no_german_interface_word_on_danish_and_english_pages(sites, language):
    found = {}
    for path in sites[language].pages():
        hits = set()
        for text in frame_and_head(sites[language].page(path)):
            hits |= set(GERMAN_WORD.findall(text))
        if hits:
            found[path or "/"] = sorted(hits)
    assert not found, f"German interface words on {language} pages: {found}"


def test_the_german_words_are_found_on_german_pages(site):
    """The list above is no list of words that never appear: on German pages they do."""
    hits = set()
    for path in ("", "kontakt/", "projekte/kitafinder/"):
        for text in frame_and_head(site.page(path)):
            hits |= set(GERMAN_WORD.findall(text))
    assert {"Offenes Treffen", "Zum Inhalt springen", "Quellcode", "Mittwoch", "Uhr"} <= hits


@pytest.mark.parametrize(
    ("language", "heading", "meeting", "date", "topic"),
    [
        ("de", "Kitafinder", "Jeden Mittwoch, 18–21 Uhr", "7. Dezember 2023", "Familie"),
        ("da", "Kitafinder", "Hver onsdag, kl. 18–21", "7. december 2023", "Familie"),
        ("en", "Kitafinder", "Every Wednesday, 6\u202fPM–9\u202fPM", "December 7, 2023", "Family"),
    ],
)
def test_dates_meeting_and_topics_in_each_language(sites, language, heading, meeting, date, topic):
    page = sites[language].page("projekte/kitafinder/")
    facts = page.select_one(".oklab-facts").get_text(" ", strip=True)
    assert date in facts and topic in facts
    start = sites[language].page("")
    assert meeting in start.select_one(".oklab-meeting").get_text(" ", strip=True)
    script_data = start.select_one("[data-locale]")
    assert script_data["data-locale"] == language  # Intl in the reader's language


@pytest.mark.parametrize(
    ("language", "summary", "description"),
    [
        ("de", "OK Lab Flensburg: offenes Treffen",
         "Jeden Mittwoch\\, 18–21 Uhr: offenes Treffen im Aktivitetshuset\\, Hinterhaus\\, "
         "Norderstraße 49\\, 24939 Flensburg."),
        ("da", "OK Lab Flensburg: åbent møde",
         "Hver onsdag\\, kl. 18–21: åbent møde i Aktivitetshuset\\, baghuset\\, "
         "Norderstraße 49\\, 24939 Flensburg."),
        ("en", "OK Lab Flensburg: open meeting",
         "Every Wednesday\\, 6\u202fPM–9\u202fPM: open meeting at Aktivitetshuset\\, "
         "rear building\\, Norderstraße 49\\, 24939 Flensburg."),
    ],
)  # fmt: skip
def test_calendar_file_per_language(sites, language, summary, description):
    ics = (sites[language].outdir / "treffen.ics").read_bytes().decode("utf-8")
    ics = ics.replace("\r\n ", "")  # unfolded
    assert f"\r\nSUMMARY:{summary}\r\n" in ics
    assert f"\r\nDESCRIPTION:{description}" in ics
    assert f"\r\nURL:{BASE}{language}/kontakt/\r\n" in ics
    assert f"PRODID:-//OK Lab Flensburg//Website//{language.upper()}\r\n" in ics


@pytest.mark.parametrize(
    ("language", "description"),
    [("de", "Durchsuche die Seiten, Projekte und Neuigkeiten der Website."),
     ("da", "Søg på hjemmesidens sider, projekter og nyheder."),
     ("en", "Search the website's pages, projects and news.")],
)  # fmt: skip
def test_search_page_says_what_it_is_for_in_each_language(sites, language, description):
    """The search page has no front matter; search engines (and Lighthouse's SEO check) still
    get a description of it, in the reader's language."""
    page = sites[language].page("search/")
    found = [tag["content"] for tag in page.find_all("meta", attrs={"name": "description"})]
    assert found == [description]


@pytest.mark.parametrize(
    ("language", "name"),
    [("de", "OK Lab Flensburg: offenes Treffen"), ("da", "OK Lab Flensburg: åbent møde"),
     ("en", "OK Lab Flensburg: open meeting")],
)  # fmt: skip
def test_structured_data_per_language(sites, language, name):
    page = sites[language].page("kontakt/")
    blocks = [json.loads(s.string) for s in page.find_all("script", type="application/ld+json")]
    (event,) = [b for b in blocks if b["@type"] == "Event"]
    assert (event["inLanguage"], event["name"]) == (language, name)
    assert event["url"] == f"{BASE}{language}/kontakt/"
    (organisation,) = [b for b in blocks if b["@type"] == "Organization"]
    assert organisation["url"] == f"{BASE}{language}/"


@pytest.mark.parametrize(
    ("language", "title", "text"),
    [
        ("da", "Oversættelse",
         "Dette er en oversættelse. Kun den tyske udgave er juridisk bindende."),
        ("en", "Translation",
         "This is a translation. Only the German version is legally binding."),
    ],
)  # fmt: skip
def test_legal_pages_say_the_german_text_is_binding(sites, language, title, text):
    for path in ("impressum/", "datenschutz/"):
        notice = sites[language].page(path).select_one(".oklab-binding-notice")
        assert notice.select_one(".admonition-title").get_text(strip=True) == title
        assert notice.find("p", class_=None).get_text(strip=True) == text
    assert sites[language].page("kontakt/").select_one(".oklab-binding-notice") is None
    assert sites["de"].page("impressum/").select_one(".oklab-binding-notice") is None


@pytest.mark.parametrize(
    ("language", "heading", "title"),
    [("de", "Seite nicht gefunden", "Logo des OK Lab Flensburg"),
     ("da", "Siden blev ikke fundet", "OK Lab Flensburgs logo"),
     ("en", "Page not found", "Logo of OK Lab Flensburg")],
)  # fmt: skip
def test_404_page_and_social_preview_per_language(sites, language, heading, title):
    page = sites[language].page("404/")
    assert page.find("h1").get_text(strip=True).rstrip("#") == heading
    assert page.find("meta", property="og:image:alt")["content"] == title
    assert page.find("link", rel="stylesheet")["href"].startswith(f"/{language}/_static/")
