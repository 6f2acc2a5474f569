# A small site with the site's whole extension and the site's MyST settings: each test of
# tests/test_messages.py makes one mistake in a copy. _data/lab.yaml is the site's own,
# copied in by the test.
project = "Meldungen-Test"
language = "de"
extensions = ["myst_parser", "sphinx_design", "oklab"]
exclude_patterns = ["_*", "**/_*"]
myst_enable_extensions = ["colon_fence", "attrs_inline", "deflist", "fieldlist", "substitution"]
myst_heading_anchors = 3
smartquotes = False
html_theme = "furo"
html_baseurl = "https://oklabflensburg.de/"
oklab_data_file = "_data/lab.yaml"
