"""The OK Lab Flensburg website's own Sphinx extension: one module per concern.

- ``yamlsource``  reads YAML (data file, front matter) and remembers each field's line
- ``errors``      turns schema errors into German messages that name file, line and field
- ``schema``      shared schema building blocks (strict models, web addresses)
- ``cards``       the one card pattern (sphinx-design grid cards) and generated-Markdown directives
- ``labdata``     the lab's facts (``_data/lab.yaml``): validation, substitutions, cards
"""

from sphinx.application import Sphinx

__version__ = "1.0.0"

MODULES = [
    "oklab.labdata",
]


def setup(app: Sphinx) -> dict:
    for module in MODULES:
        app.setup_extension(module)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
