# A tiny valid site; each test breaks one file in a copy. ``_ext`` comes from PYTHONPATH.
project = "Front-Matter-Test"
language = "de"
extensions = ["myst_parser", "sphinx_design", "oklab.frontmatter", "oklab.projects", "oklab.navigation"]
exclude_patterns = ["_*", "**/_*"]
myst_enable_extensions = ["colon_fence", "attrs_inline"]
html_theme = "furo"
