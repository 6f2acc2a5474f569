# A tiny site for the legal pages. ``_ext`` is put on the path by the tests (PYTHONPATH); the
# tests write ``_data/lab.yaml`` (the real file with the ``operator`` block of each case).
import os

project = "Rechtstest"
language = "de"
extensions = ["myst_parser", "sphinx_design", "oklab.legal"]
exclude_patterns = ["_*", "**/_*"]
myst_enable_extensions = ["colon_fence", "substitution"]
html_theme = "furo"
oklab_data_file = "_data/lab.yaml"
oklab_release = os.environ.get("READTHEDOCS") == "True" or os.environ.get("OKLAB_RELEASE") == "1"
