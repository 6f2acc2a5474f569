# Structured data from hostile values: the test writes a data file whose texts hold "<",
# "</script>" and "&" into a copy. ``oklab`` is on the path (tests/conftest.py).
project = "Strukturtest"
language = "de"
# The site's extensions (oklab relies on the 404 page) and its canonical address.
extensions = ["myst_parser", "sphinx_design", "notfound.extension", "oklab"]
html_baseurl = "https://oklabflensburg.de/"
exclude_patterns = ["_*", "**/_*"]
myst_enable_extensions = ["colon_fence", "attrs_inline", "deflist", "substitution"]
html_theme = "furo"
