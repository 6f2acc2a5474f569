# A tiny site for the menu order. ``_ext`` is put on the path by the tests (PYTHONPATH).
project = "Navigationstest"
language = "de"
extensions = ["myst_parser", "sphinx_design", "oklab.frontmatter", "oklab.projects", "oklab.navigation"]
exclude_patterns = ["_*", "**/_*"]
myst_enable_extensions = ["colon_fence", "attrs_inline"]
html_theme = "furo"
