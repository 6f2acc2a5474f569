"""Sphinx configuration for the OK Lab Flensburg website.

Configuration only: the site's logic lives in the local extension package ``_ext/oklab``,
the lab's facts (meeting, contacts, links, operator) in ``_data/lab.yaml``.
"""

import sys
from pathlib import Path

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
templates_path = ["_templates"]
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
html_baseurl = "https://oklabflensburg.readthedocs.io/"

html_theme_options = {
    "navigation_with_keys": False,
    "top_of_page_buttons": [],
}

# -- Local extension (_ext/oklab) ------------------------------------------

# One file holds every fact that several pages show.
oklab_data_file = "_data/lab.yaml"
