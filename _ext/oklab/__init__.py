"""The OK Lab Flensburg website's own Sphinx extension: one module per concern.

Data and rules (no Sphinx):
- ``models``      every schema: page, project and post front matter, events, the lab's data
                  file, statuses
- ``messages``    every German message an editor can get from the site's own checks
- ``ordering``    the one order of pages in the menu and the catalogue; posts newest first
- ``yamlsource``  reads YAML (data file, front matter) and remembers each field's line
- ``paths``       files an editor names (images next to a page or below the site's root)
- ``escape``      what editors type stays text: one function per output format
- ``i18n``        the catalog (``_``) and Babel for dates and weekdays
- ``translations`` the catalogs of every language: checked, extracted, applied, coverage
- ``languages``   each language's address: alternates, switcher, og:locale
- ``phrases``     the sentences built from the lab's data (meeting rule, invitation, …)

Reading the site:
- ``console``     what the terminal shows: Sphinx's warnings in German, no noise, one summary
- ``collector``   Python's garbage collector: the loaded environment is not walked again and again
- ``errors``      German error reports (file, line, field) for editors, no traceback
- ``labdata``     ``_data/lab.yaml``: validated once per build, substitutions for the pages
- ``frontmatter`` every page's front matter, validated before reading, kept on the environment
- ``sources``     Markdown changes before parsing (broken front matter, missing heading)
- ``body``        a page's body: first paragraph (description); mistakes MyST lets pass silently
- ``navigation``  the menu from ``navOrder``: generated toctrees, fresh sidebars when it changes
- ``cards``       the one card pattern (sphinx-design components, built as nodes), icons
- ``contacts``    ``{kontakte}`` and ``{links}``: the lab's contacts and links as cards
- ``meeting``     the meeting card ``{treffen}``, the data for the next meeting, calendar links
- ``projects``    the project catalogue: cards, status badges, facts box on each project page
- ``opendata``    the catalogue as open data: projekte.json (+ schema), projekte.csv, JSON-LD
- ``tags``        a tag's topic page address (``/themen/mobilitaet/``) and the link to it
- ``events``      an event on any page (``event:``): its box, ``{termine}`` (on numbered pages),
                  ``{naechster-termin}``
- ``news``        posts in ``neuigkeiten/``: header, ``{neuigkeiten}``, archive pages by year
- ``signets``     each project's small drawn picture (its first topic's), checked and inlined
- ``legal``       Impressum/Datenschutz: the operator's data, notice if missing, release check

Writing the site:
- ``urls``        canonical addresses, links to files the build writes
- ``htmlnodes``   ``<time datetime>`` and elements with data attributes for the browser's scripts;
                  the one script that decides what is still to come (``static/upcoming.js``)
- ``listpages``   generated list pages (``html-collect-pages``), long lists on numbered pages,
                  lists filled in at writing
- ``unchanged``   files the site makes are written again only when what they show changed
- ``topics``      a generated page per tag (projects and posts) and one with all topics
- ``feeds``       the news as Atom and RSS feeds, discovery links in every page's head
- ``calendar``    calendar files: the meeting and every event (``treffen.ics``), one per event
- ``structured_data`` JSON-LD: Organization on every page, the meeting as Event on Kontakt,
                  an Event on every page that describes one
- ``sidebar``     a small menu (sections and sub-pages, no projects): linear build time
- ``accessibility`` corrects generated markup: ARIA levels, German toggle labels, one viewport
- ``budget``      each page loads only the stylesheets and scripts it uses
- ``search``      the search page: Sphinx's index and German stemmer, loaded only when used
- ``pagemeta``    title, meta description, social previews (og:…) per page
- ``sitemap``     sitemap.xml (every page with its alternates, after every build), robots.txt
- ``preview``     pull-request previews on Read the Docs: banner, noindex (no sitemap: ``sitemap``)
- ``editlink``    "Seite bearbeiten": furo's link to the page's Markdown file on GitHub, checked
- ``links``       external links get rel="noopener noreferrer" (an existing rel such as "me" stays)
- ``errorpage``   the 404 page (404.md) links absolutely: it works at any URL depth
- ``theme``       the extension's templates; the furo internals the site relies on, checked
- ``csp``         a strict Content-Security-Policy in every page, checked after writing
"""

import tomllib
from pathlib import Path

from sphinx.application import Sphinx

# The project's version lives in pyproject.toml only.
with (Path(__file__).resolve().parents[2] / "pyproject.toml").open("rb") as _file:
    __version__ = tomllib.load(_file)["project"]["version"]

MODULES = [
    "oklab.console",  # first: every later message goes through it
    "oklab.collector",  # before the environment is loaded
    "oklab.translations",
    "oklab.languages",
    "oklab.labdata",
    "oklab.htmlnodes",
    "oklab.listpages",
    "oklab.contacts",
    "oklab.calendar",
    "oklab.meeting",
    "oklab.structured_data",
    "oklab.frontmatter",
    "oklab.sources",
    "oklab.body",
    "oklab.projects",
    "oklab.opendata",
    "oklab.tags",
    "oklab.events",
    "oklab.news",
    "oklab.topics",
    "oklab.feeds",
    "oklab.navigation",
    "oklab.sidebar",
    "oklab.budget",
    "oklab.search",
    "oklab.accessibility",
    "oklab.pagemeta",
    "oklab.sitemap",
    "oklab.preview",
    "oklab.editlink",
    "oklab.links",
    "oklab.theme",
    "oklab.csp",
    "oklab.errorpage",
    "oklab.legal",
]


def setup(app: Sphinx) -> dict:
    for module in MODULES:
        app.setup_extension(module)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
