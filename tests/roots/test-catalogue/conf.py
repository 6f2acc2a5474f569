# Projects whose order exercises every rule of the catalogue: navOrder first, then status,
# then title as a German reader sorts (Ä as A, ß as ss), then file name. ``oklab`` is on the
# path (tests/conftest.py); _data/lab.yaml and _static/icons link to the site's own.
project = "Katalogtest"
language = "de"
# The site's extensions (oklab relies on the 404 page) and its canonical address.
extensions = ["myst_parser", "sphinx_design", "notfound.extension", "oklab"]
html_baseurl = "https://oklabflensburg.de/"
exclude_patterns = ["_*", "**/_*"]
myst_enable_extensions = ["colon_fence", "attrs_inline", "deflist", "substitution"]
html_theme = "furo"
