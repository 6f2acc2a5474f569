# A tiny valid site; each test breaks one file in a copy. ``oklab`` is on the path
# (tests/conftest.py, or PYTHONPATH for command-line builds); _data/lab.yaml and
# _static/icons link to the site's own data file and icons.
project = "Front-Matter-Test"
language = "de"
# The site's extensions (oklab relies on the 404 page) and its canonical address.
extensions = ["myst_parser", "sphinx_design", "notfound.extension", "oklab"]
html_baseurl = "https://oklabflensburg.de/"
exclude_patterns = ["_*", "**/_*"]
myst_enable_extensions = ["colon_fence", "attrs_inline", "deflist", "substitution"]
html_theme = "furo"
