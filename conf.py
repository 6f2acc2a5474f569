"""Sphinx configuration for the OK Lab Flensburg website.

Configuration only: the site's logic lives in the local extension package ``_ext/oklab``,
the lab's facts (meeting, contacts, links, operator) in ``_data/lab.yaml``.
"""

import os
import sys
from pathlib import Path

# The local extension is found relative to this file, never the working directory.
sys.path.insert(0, str(Path(__file__).parent / "_ext"))

# -- Project information -----------------------------------------------------

project = "OK Lab Flensburg"
author = "OK Lab Flensburg"
copyright = "OK Lab Flensburg"

# -- Languages -----------------------------------------------------------------
#
# German is the source language; Danish and English are gettext catalogs (locales/<code>/),
# one build per language (`make html` builds all three into _build/html/<code>/). Read the Docs
# builds each language as its own translation project and passes the project's language as
# `-D language=<code>` (it overrides this value) and in READTHEDOCS_LANGUAGE. Everything that
# depends on the language (addresses, og:locale, sitemap, dates) is derived from the final
# value by the extension (oklab.languages), never here: `-D` is applied after this file runs.
language = os.environ.get("READTHEDOCS_LANGUAGE", "de")
oklab_source_language = "de"
# Code -> the language's name in that language (the switcher, in this order).
oklab_languages = {"de": "Deutsch", "da": "Dansk", "en": "English"}
# Legal pages: their translations say that only the German text is binding.
oklab_binding_in_source_language = ["impressum/index", "datenschutz/index"]
locale_dirs = ["locales/"]
gettext_compact = False  # one catalog per page: locales/<code>/LC_MESSAGES/<page>.po
gettext_additional_targets = ["image"]  # alternative texts of images

# -- Where the build will be seen ----------------------------------------------
#
# Read the Docs marks every build it makes (READTHEDOCS=True) and names the kind of version:
# "branch" (latest), "tag" (stable) or "external", a pull request (READTHEDOCS_VERSION is then
# its number). Nothing else is published.
on_read_the_docs = os.environ.get("READTHEDOCS") == "True"
release_by_hand = os.environ.get("OKLAB_RELEASE") == "1"
# A pull-request preview (oklab.preview): a banner "Vorschau – nicht veröffentlicht" on every
# page, noindex, no sitemap, a robots.txt that disallows everything. It builds while the
# operator data are still missing (Impressum and Datenschutz then say "Angaben fehlen noch").
oklab_pr_preview = on_read_the_docs and os.environ.get("READTHEDOCS_VERSION_TYPE") == "external"
oklab_pr_number = os.environ.get("READTHEDOCS_VERSION", "") if oklab_pr_preview else ""
# A release build (latest and stable on Read the Docs, or OKLAB_RELEASE=1) refuses to publish
# without complete operator data for Impressum and Datenschutz; a local build shows
# "Angaben fehlen noch".
oklab_release = (on_read_the_docs and not oklab_pr_preview) or release_by_hand
# Live reload: sphinx-autobuild injects an inline script into every page it serves, which the
# strict Content-Security-Policy (oklab.csp) would block. sphinx-autobuild sets no variable
# (it runs `python -m sphinx build` as a child process with the environment unchanged), so
# a preview cannot recognise itself; published builds can. Every build that Read the Docs makes,
# or that is marked OKLAB_RELEASE=1, keeps the strict policy; any other build lets the
# live-reload script run, so `sphinx-autobuild . _build/html` works as its README shows.
# `make html` and the tests build strictly with `-D oklab_live_reload=0`.
oklab_live_reload = not (on_read_the_docs or release_by_hand)

# -- General configuration ---------------------------------------------------

# sphinxext-opengraph (social previews) is loaded by oklab.pagemeta, which fills in its tags.
extensions = [
    "myst_parser",
    "sphinx_design",
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

# -- Colours: the lab's palette ------------------------------------------------
#
# Every colour of the site, each written once: the lab's newer site (navy text, brand blue,
# dark brand, soft surface, borders), the Code for Germany lab blue, and their dark-scheme
# counterparts. _static/css/oklab.css_t declares them as CSS variables (light for ``body``,
# dark for both of furo's dark selectors: dark chosen with the toggle, or "auto" on a dark
# system; ``oklab_colours`` below) and uses only these names.
# Every text/background pair meets WCAG AA in both schemes (axe, tests/test_accessibility.py).
palette_light = {
    "oklab-navy": "#102c48",  # text and headings
    "oklab-text-secondary": "#3b5166",
    "oklab-text-muted": "#52667a",
    "oklab-blue": "#0b4f80",  # brand: buttons, icons, "in Arbeit"
    "oklab-blue-dark": "#093958",  # brand, pressed or hovered
    "oklab-lab-blue": "#0069f6",  # Code for Germany
    "oklab-link": "var(--oklab-blue)",
    "oklab-link-underline": "#9bb6cc",
    "oklab-visited": "#5b3a8c",
    "oklab-visited-underline": "#b9a8d1",
    "oklab-focus": "var(--oklab-lab-blue)",
    "oklab-page": "#ffffff",
    "oklab-on-brand": "var(--oklab-page)",  # text on brand blue and green
    "oklab-surface": "#f5f7fa",  # boxes set off from the page
    "oklab-sidebar": "var(--oklab-surface)",
    "oklab-card-background": "var(--oklab-page)",
    "oklab-hover": "#e8eef5",
    "oklab-highlight": "#dcebfb",
    "oklab-border": "#dfe7ee",
    "oklab-border-strong": "#8a9bab",
    "oklab-green": "#0a6b3d",  # "sucht Mitwirkende"
    "oklab-hero-from": "#eaf2fb",  # the start page's hero: a gradient into the page
    "oklab-hero-via": "var(--oklab-surface)",
    "oklab-admonition": "transparent",
    "oklab-shadow": (
        "0 1px 2px color-mix(in srgb, var(--oklab-navy) 8%, transparent),"
        " 0 4px 16px color-mix(in srgb, var(--oklab-navy) 6%, transparent)"
    ),
    "oklab-shadow-hover": (
        "0 2px 4px color-mix(in srgb, var(--oklab-navy) 10%, transparent),"
        " 0 10px 28px color-mix(in srgb, var(--oklab-navy) 12%, transparent)"
    ),
    "oklab-logo": "var(--oklab-logo-light)",  # the files: light_logo/dark_logo below
}
# What differs in the dark scheme.
palette_dark = {
    "oklab-navy": "#e6edf3",
    "oklab-text-secondary": "#c2cfdc",
    "oklab-text-muted": "#a3b5c7",
    "oklab-blue": "#7cb4ff",
    "oklab-blue-dark": "#a9ceff",
    "oklab-link": "#8cc0ff",
    "oklab-link-underline": "#3d6288",
    "oklab-visited": "#c7adff",
    "oklab-visited-underline": "#6b5a91",
    "oklab-focus": "var(--oklab-blue-dark)",
    "oklab-page": "#0f1a26",
    "oklab-on-brand": "#0b1622",
    "oklab-surface": "#142232",
    "oklab-sidebar": "#0b141e",
    "oklab-card-background": "var(--oklab-surface)",
    "oklab-hover": "#1a2b3d",
    "oklab-highlight": "#173a5e",
    "oklab-border": "#2a3f55",
    "oklab-border-strong": "#5d7185",
    "oklab-green": "#7ee2a8",
    "oklab-hero-from": "#14283d",
    "oklab-hero-via": "#112030",
    "oklab-admonition": "var(--oklab-surface)",
    "oklab-shadow": "0 1px 2px rgb(0 0 0 / 30%)",
    "oklab-shadow-hover": "0 4px 20px rgb(0 0 0 / 45%)",
    "oklab-logo": "var(--oklab-logo-dark)",
}
# furo's and sphinx-design's colours, derived from the palette. They go into both schemes:
# furo's stylesheet sets its own dark values under the same dark selectors, which only a
# declaration as specific as theirs (and later) overrides. furo's stylesheet already derives
# sphinx-design's primary and card colours from its own (furo-extensions.css).
theme_colours = {
    "color-foreground-primary": "var(--oklab-navy)",
    "color-foreground-secondary": "var(--oklab-text-secondary)",
    "color-foreground-muted": "var(--oklab-text-muted)",
    "color-foreground-border": "var(--oklab-border-strong)",
    "color-background-primary": "var(--oklab-page)",
    "color-background-secondary": "var(--oklab-sidebar)",
    "color-background-hover": "var(--oklab-hover)",
    "color-background-border": "var(--oklab-border)",
    "color-brand-primary": "var(--oklab-blue)",
    "color-brand-content": "var(--oklab-link)",
    "color-brand-visited": "var(--oklab-visited)",
    "color-link-underline": "var(--oklab-link-underline)",
    "color-link-underline--hover": "var(--oklab-link)",
    "color-link-underline--visited": "var(--oklab-visited-underline)",
    "color-sidebar-link-text--top-level": "var(--oklab-link)",
    "color-highlighted-background": "var(--oklab-highlight)",
    "color-admonition-background": "var(--oklab-admonition)",
    "color-card-border": "var(--oklab-border)",
    "color-card-background": "var(--oklab-card-background)",
    # The banner of a pull-request preview (oklab.preview): the page's colours inverted.
    "color-announcement-background": "var(--oklab-navy)",
    "color-announcement-text": "var(--oklab-page)",
    "sd-color-primary-highlight": "var(--oklab-blue-dark)",
    "sd-color-primary-text": "var(--oklab-on-brand)",
    "sd-color-secondary": "var(--oklab-page)",
    "sd-color-secondary-highlight": "var(--oklab-hover)",
    "sd-color-secondary-text": "var(--oklab-link)",
}

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
# The general index is not used by a community site; search is (oklab.search).
html_use_index = False
# The canonical address of every language, "{language}" standing for its code: Read the Docs
# sets the address of each build (READTHEDOCS_CANONICAL_URL, e.g. https://…/de/latest/), whose
# language segment becomes the placeholder; local builds use the lab's own website (the
# "Website" link in _data/lab.yaml), the address this site is meant to have, with one folder
# per language. oklab.languages derives html_baseurl (canonical links, social previews,
# sitemap, robots.txt, 404 page), the alternates and the language switcher from it.
_canonical = os.environ.get("READTHEDOCS_CANONICAL_URL", "")
if _canonical and f"/{language}/" in _canonical:
    oklab_language_url = _canonical.replace(f"/{language}/", "/{language}/", 1)
else:
    oklab_language_url = "https://oklabflensburg.de/{language}/"
html_baseurl = oklab_language_url.format(language=language)

html_theme_options = {
    "navigation_with_keys": False,
    # "Seite bearbeiten": furo links every page to its Markdown file in GitHub's web editor,
    # <source_repository>/edit/<source_branch>/<source_directory>/<file>.md (oklab.editlink).
    # The website's own repository is not known yet (no source names it): while the address
    # is empty, no page shows the link. Fill in e.g. "https://github.com/<owner>/<name>".
    "top_of_page_buttons": ["edit"],
    "source_repository": "",
    "source_branch": "main",
    "source_directory": "",  # conf.py lies at the repository's root
    # The lab's own hexagon mark, drawn for this site (a dark variant for the dark scheme,
    # the same size). Templates and the stylesheet (_static/css/oklab.css_t) take the names
    # from here and the proportions from the SVG itself (oklab.theme: ``oklab_logo_size``).
    "light_logo": "logo-light.svg",
    "dark_logo": "logo-dark.svg",
}
# The colours go into the site's stylesheet (_static/css/oklab.css_t), which the browser loads
# once, not into furo's <style> in every page (``light_css_variables``: 7.3 KB of each page).
html_context = {
    "oklab_colours": {"light": palette_light | theme_colours, "dark": palette_dark | theme_colours}
}
html_favicon = "_static/favicon.svg"
# Copied to the site's root: browsers ask for /favicon.ico whatever the page says.
html_extra_path = ["_extra"]

# -- Social previews, sitemap, 404 page ---------------------------------------

# sphinxext-opengraph: og:description and <meta name="description"> come from each page's
# front-matter ``description`` (oklab.pagemeta), not from the first sentence of the body.
# ogp_site_url and og:locale: per language (oklab.languages).
# Shown when a page names no local image of its own (front matter ``image``).
ogp_image = "_static/social-preview.png"  # tools/social_preview.py renders it from the logo
ogp_image_alt = "Logo des OK Lab Flensburg"
# Generated preview cards would need matplotlib and add nothing to our own logo.
ogp_social_cards = {"enable": False}

# sitemap.xml (oklab.sitemap): one per language, each page with its alternates in every
# language; a pull-request preview has none. Pages a search engine should not list stay out,
# named by their address below the language's root.
oklab_sitemap_excludes = ["404/", "impressum/", "datenschutz/"]

# sphinx-notfound-page: the 404 page (404.md) links its styles and menu absolutely, so it
# works at any depth; the prefix is the path of the canonical address ("/de/" locally,
# "/de/latest/" on Read the Docs), set per language by oklab.languages.

# -- Local extension (_ext/oklab) ------------------------------------------

# One file holds every fact that several pages show.
oklab_data_file = "_data/lab.yaml"
# The calendar file (treffen.ics) begins its weekly series on the first meeting day on or after
# this date (no founding date is known, and any meeting day is a true occurrence of the rule).
# A fixed date, never "today", keeps the file identical from build to build; it is also the
# file's DTSTAMP.
oklab_calendar_start = "2026-01-07"
# The license of the project list as open data (projekte.json, projekte.csv, JSON-LD on the
# overview): an SPDX name such as "CC-BY-4.0" or a license's address. No license for the
# site's content is known yet, so it stays empty, and the files then say nothing about one.
oklab_data_license = ""
