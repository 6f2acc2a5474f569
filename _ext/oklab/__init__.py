"""The OK Lab Flensburg website's own Sphinx extension: one module per concern.

- ``yamlsource``  reads YAML (data file, front matter) and remembers each field's line
- ``errors``      turns schema errors into German messages that name file, line and field
- ``schema``      shared schema building blocks (strict models, web addresses)
- ``cards``       the one card pattern (sphinx-design cards), icons, generated-Markdown directives
- ``labdata``     the lab's facts (``_data/lab.yaml``): validation, substitutions, cards
- ``calendar``    the meeting as a calendar file (``treffen.ics``, weekly rule) in the output
- ``meeting``     the meeting card ``{treffen}``, data for the next-meeting script, calendar links
- ``structured_data`` JSON-LD: Organization on every page, the meeting as Event on Kontakt
- ``frontmatter`` every page's front matter checked before reading (German errors, no traceback)
- ``navigation``  the menu from ``navOrder``: generated toctrees, fresh sidebars when it changes
- ``projects``    the project catalogue: cards, status badges, facts box on each project page
- ``sidebar``     a small menu (sections and sub-pages, no projects): linear build time
- ``accessibility`` corrects generated markup: ARIA levels, German toggle labels, one viewport
- ``budget``      each page loads only the stylesheets and scripts it uses
- ``pagemeta``    title, meta description, social previews (og:…) per page; robots.txt; 404 links
- ``links``       external links get rel="noopener noreferrer" (an existing rel such as "me" stays)
- ``errorpage``   the 404 page (404.md) links absolutely: it works at any URL depth
- ``csp``         a strict Content-Security-Policy in every page (inline styles by hash only)
- ``legal``       Impressum/Datenschutz: the operator's data, notice if missing, release check
"""

from sphinx.application import Sphinx

__version__ = "1.0.0"

MODULES = [
    "oklab.labdata",
    "oklab.calendar",
    "oklab.meeting",
    "oklab.structured_data",
    "oklab.frontmatter",
    "oklab.projects",
    "oklab.navigation",
    "oklab.sidebar",
    "oklab.budget",
    "oklab.accessibility",
    "oklab.pagemeta",
    "oklab.links",
    "oklab.csp",
    "oklab.errorpage",
    "oklab.legal",
]


def setup(app: Sphinx) -> dict:
    for module in MODULES:
        app.setup_extension(module)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
