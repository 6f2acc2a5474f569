# A small site with news and events: the start page's next event and latest posts, the news
# overview, Termine, a project. Tests add posts (and _data/lab.yaml, the site's own).
project = "Neuigkeiten-Test"
language = "de"
extensions = ["myst_parser", "sphinx_design", "oklab"]
exclude_patterns = ["_*", "**/_*"]
myst_enable_extensions = ["colon_fence", "substitution"]
smartquotes = False
html_theme = "furo"
html_baseurl = "https://oklabflensburg.de/"
oklab_data_file = "_data/lab.yaml"
