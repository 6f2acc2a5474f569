# A tiny site for the legal pages. ``oklab`` is on the path (tests/conftest.py, or PYTHONPATH
# for command-line builds); _data/lab.yaml links to the site's data file, and the tests
# write their own (the real file with the ``operator`` block of each case) into a copy.
import os

project = "Rechtstest"
language = "de"
# The site's extensions (oklab relies on the 404 page) and its canonical address.
extensions = ["myst_parser", "sphinx_design", "notfound.extension", "oklab"]
html_baseurl = "https://oklabflensburg.de/"
exclude_patterns = ["_*", "**/_*"]
myst_enable_extensions = ["colon_fence", "attrs_inline", "deflist", "substitution"]
html_theme = "furo"
oklab_release = os.environ.get("READTHEDOCS") == "True" or os.environ.get("OKLAB_RELEASE") == "1"
