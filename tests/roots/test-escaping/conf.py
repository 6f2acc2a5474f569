# A small site with every place a value from front matter or the data file is shown: a
# project page and card, a post with an event, its card, topic page and feed entries, the event
# lists, the meeting card, contact and link cards, the footer, JSON-LD and the calendar files.
# The tests write projekte/karte.md, neuigkeiten/beitrag.md and _data/lab.yaml with hostile
# values.
project = "Escaping-Test"
language = "de"
extensions = ["myst_parser", "sphinx_design", "oklab"]
exclude_patterns = ["_*", "**/_*"]
myst_enable_extensions = ["colon_fence", "substitution"]
myst_heading_anchors = 3
smartquotes = False
html_theme = "furo"
html_baseurl = "https://oklabflensburg.de/"
oklab_data_file = "_data/lab.yaml"
