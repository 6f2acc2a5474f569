# The meeting modules alone, without a canonical base URL (``html_baseurl`` unset).
# ``_ext`` comes from PYTHONPATH; the test passes the real data file with -D oklab_data_file=….
project = "Treffen-Test"
language = "de"
extensions = ["myst_parser", "sphinx_design", "oklab.meeting", "oklab.structured_data"]
exclude_patterns = ["_*", "**/_*"]
myst_enable_extensions = ["colon_fence", "substitution"]
html_theme = "basic"
