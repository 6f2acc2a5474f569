# The meeting modules alone, without a canonical base URL (``html_baseurl`` unset). ``oklab``
# is on the path (tests/conftest.py); _data/lab.yaml and _static/icons link to the site's own.
project = "Treffen-Test"
language = "de"
extensions = ["myst_parser", "sphinx_design", "oklab.meeting", "oklab.structured_data"]
exclude_patterns = ["_*", "**/_*"]
myst_enable_extensions = ["colon_fence", "substitution"]
html_theme = "basic"
