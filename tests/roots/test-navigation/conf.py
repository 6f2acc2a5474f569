# A tiny site for the menu order. ``oklab`` is on the path (tests/conftest.py); _data/lab.yaml
# and _static/icons link to the site's own data file and icons.
project = "Navigationstest"
language = "de"
# The site's extensions (oklab relies on the 404 page) and its canonical address.
extensions = ["myst_parser", "sphinx_design", "notfound.extension", "oklab"]
html_baseurl = "https://oklabflensburg.de/"
exclude_patterns = ["_*", "**/_*"]
myst_enable_extensions = ["colon_fence", "attrs_inline", "deflist", "substitution"]
html_theme = "furo"
