"""Sphinx configuration for the OK Lab Flensburg website.

Configuration only: the site's logic lives in the local extension package ``_ext/oklab``,
the lab's facts (meeting, contacts, links, operator) in ``_data/lab.yaml``.
"""

import os
import sys
from pathlib import Path
from urllib.parse import urlsplit

# The local extension is found relative to this file, never the working directory.
sys.path.insert(0, str(Path(__file__).parent / "_ext"))

# -- Project information -----------------------------------------------------

project = "OK Lab Flensburg"
author = "OK Lab Flensburg"
copyright = "OK Lab Flensburg"
language = "de"

# -- General configuration ---------------------------------------------------

extensions = [
    "myst_parser",
    "sphinx_design",
    "sphinxext.opengraph",
    "sphinx_sitemap",
    "notfound.extension",
    "oklab",
]

root_doc = "index"
source_suffix = {".md": "markdown"}
# Folders starting with "_" hold data, templates and code, never pages.
exclude_patterns = [
    "_*",
    "**/_*",
    ".*",
    "README.md",
    "tests",
    "benchmarks",
    "locales",
    "node_modules",
]
locale_dirs = ["locales/"]
gettext_compact = False

# -- MyST --------------------------------------------------------------------

myst_enable_extensions = [
    "colon_fence",  # ::: fences keep card markup readable for editors
    "attrs_inline",
    "deflist",
    "fieldlist",
    "substitution",  # {{ treffen_tag }} etc. from _data/lab.yaml
]
myst_heading_anchors = 3
# Text shows exactly as typed: no automatic quotes, dashes or dots (they would also turn a
# title like "Daten -- Karte" into "Daten – Karte" and drop backslashes). Editors write
# „…“ and – themselves, as the pages do.
smartquotes = False

# -- Options for HTML output -------------------------------------------------

html_theme = "furo"
html_title = "OK Lab Flensburg"
html_short_title = "OK Lab Flensburg"
html_static_path = ["_static"]
html_css_files = ["css/oklab.css"]
html_copy_source = False
html_show_sourcelink = False
html_show_sphinx = False
html_permalinks_icon = "#"
# Search and the index are not used by a community site of a dozen pages.
html_use_index = False
# The canonical address: Read the Docs sets it for every build (with language and version);
# local builds fall back to the lab's own website (the "Website" link in _data/lab.yaml), the
# address this site is meant to have. Canonical links, social previews, sitemap, robots.txt
# and the 404 page all derive from this one value.
html_baseurl = os.environ.get("READTHEDOCS_CANONICAL_URL", "https://oklabflensburg.de/")

html_theme_options = {
    "navigation_with_keys": False,
    "top_of_page_buttons": [],
    # The lab's own hexagon mark, drawn for this site (a dark variant for the dark scheme).
    "light_logo": "logo-light.svg",
    "dark_logo": "logo-dark.svg",
}
html_favicon = "_static/favicon.svg"
# Copied to the site's root: browsers ask for /favicon.ico whatever the page says.
html_extra_path = ["_extra"]

# -- Social previews, sitemap, 404 page ---------------------------------------

# sphinxext-opengraph: og:description and <meta name="description"> come from each page's
# front-matter ``description`` (oklab.pagemeta), not from the first sentence of the body.
ogp_site_url = html_baseurl
# Shown when a page names no local image of its own (front matter ``image``).
ogp_image = "_static/social-preview.png"  # tools/social_preview.py renders it from the logo
ogp_image_alt = "Logo des OK Lab Flensburg"
ogp_custom_meta_tags = ['<meta property="og:locale" content="de_DE" />']
# Generated preview cards would need matplotlib and add nothing to our own logo.
ogp_social_cards = {"enable": False}

# sphinx-sitemap: "{link}" alone, because Read the Docs' canonical URL already carries the
# language and version (the default scheme doubles them). Pages a search engine should not
# list stay out.
sitemap_url_scheme = "{link}"
sitemap_locales = [None]
sitemap_excludes = ["search/", "genindex/", "404/", "impressum/", "datenschutz/"]

# sphinx-notfound-page: the 404 page (404.md) links its styles and menu absolutely, so it
# works at any depth; the prefix is the path of the canonical address ("/" locally,
# "/de/latest/" on Read the Docs).
notfound_urls_prefix = urlsplit(html_baseurl).path

# -- Local extension (_ext/oklab) ------------------------------------------

# One file holds every fact that several pages show.
oklab_data_file = "_data/lab.yaml"
# The calendar file (treffen.ics) begins its weekly series on the first meeting day on or after
# this date (no founding date is known, and any meeting day is a true occurrence of the rule).
# A fixed date, never "today", keeps the file identical from build to build; it is also the
# file's DTSTAMP.
oklab_calendar_start = "2026-01-07"
# `make serve` sets OKLAB_PREVIEW=1: the Content-Security-Policy then lets sphinx-autobuild's
# inline live-reload script run. Published builds keep the strict policy.
oklab_preview = os.environ.get("OKLAB_PREVIEW") == "1"
# A release build (on Read the Docs, or OKLAB_RELEASE=1) refuses to publish without complete
# operator data for Impressum and Datenschutz; a local build shows "Angaben fehlen noch".
oklab_release = os.environ.get("READTHEDOCS") == "True" or os.environ.get("OKLAB_RELEASE") == "1"
