"""The site's adjustments to furo, and the furo internals they rely on, checked at every build.

The extension's templates (``templates/``) and scripts (``static/``) are registered here, and
the logo's proportions are read from its SVG for templates and the stylesheet. Compiled
templates are kept in the doctree folder (Jinja's bytecode cache), so an incremental build
does not compile furo's templates again: that was a twentieth of adding one post.
Where furo offers no documented extension point, this package and its ``templates/`` reach into
its markup; furo's ``docs/stability.md`` says its templates are not a stable API. Each such
place is listed in ``RELIED_ON`` with a fingerprint of the furo source it was written
against, and the ``must_replace`` template filter refuses to replace markup that is not there.
A furo update that changes any of them stops the build with a message naming the place,
instead of silently shipping English labels or an inline script the CSP blocks.
The same list, for people, is in README.md ("furo oder Sphinx aktualisieren").
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path
from xml.etree import ElementTree

import furo
from jinja2 import FileSystemBytecodeCache, TemplateRuntimeError
from sphinx.application import Sphinx
from sphinx.errors import ExtensionError

from . import __version__

HERE = Path(__file__).parent
FURO_THEME = Path(furo.__file__).parent / "theme" / "furo"

# (furo template, what of it the site relies on, pattern selecting that part, its SHA-256 when
# the site's copy was written, where the site's copy lives)
RELIED_ON = [
    (
        "page.html",
        "der Block „footer“ (Seitenende mit Weiter/Zurück)",
        r"\{% block footer %\}.*?\{% endblock footer %\}",
        "4efac1f7cebf9e09484175204c0be5a9b54aca2f70895b4673b732bc32679d5a",
        "_ext/oklab/templates/page.html (Block footer)",
    ),
    (
        "partials/icons.html",
        "die Symbole der Oberfläche (SVG-Sprite)",
        r".*",
        "011252a5f029c5469b589debeceff03b3c6212bf7fb692d8d11dc1b7cb6c14bf",
        "_ext/oklab/templates/partials/icons.html",
    ),
    (
        "base.html",
        "das Inline-Skript, das das Farbschema wählt",
        r"\{% block body %\}.*?\{% endblock %\}",
        "6fb004929f85560070dc017cb7d5d88076a0562727c24eeafb54d6050903b4a4",
        "_ext/oklab/static/oklab-theme.js und _ext/oklab/templates/base.html",
    ),
    (
        "components/edit-this-page.html",
        "der Knopf „Seite bearbeiten“ (Blöcke link_available, link_not_available)",
        r".*",
        "67d8c2e37bd5284b6ea8e51e9d3dbbfe4fbc811a0e71221e5985b1ddede6d5f6",
        "_ext/oklab/templates/components/edit-this-page.html",
    ),
    (
        "sidebar/search.html",
        "das Suchfeld in der Seitenleiste (Klassen sidebar-search-container, sidebar-search)",
        r".*",
        "d0cc1cbc08f56a5473af0c083edf2232554f068de2f3e73f304f4be946060887",
        "_ext/oklab/templates/sidebar/search.html",
    ),
]


def fingerprint(template: str, pattern: str) -> str:
    source = (FURO_THEME / template).read_text(encoding="utf-8")
    found = re.search(pattern, source, re.S)
    part = found.group(0) if found else ""
    return hashlib.sha256(part.encode("utf-8")).hexdigest()


def check_furo(app: Sphinx) -> None:
    """Stop the build if furo changed a place the site copies or patches."""
    if app.config.html_theme != "furo":
        return
    changed = [
        f"furo {furo.__version__}: {what} in furo/theme/furo/{template} hat sich geändert; "
        f"die Website kopiert oder ändert sie in {ours}. Bitte vergleichen, anpassen und den "
        f"Fingerabdruck in _ext/oklab/theme.py auf {fingerprint(template, pattern)} setzen."
        for template, what, pattern, expected, ours in RELIED_ON
        if fingerprint(template, pattern) != expected
    ]
    if changed:
        raise ExtensionError("\n".join(changed))


def must_replace(markup: str, old: str, new: str) -> str:
    """Jinja filter: ``replace``, but an error if ``old`` is not in furo's markup."""
    if old not in str(markup):
        raise TemplateRuntimeError(
            f"furo liefert die Stelle {old!r} nicht mehr, die "
            "_ext/oklab/templates/page.html ersetzt (etwa für deutsche Beschriftungen). "
            "Bitte die Vorlage an die neue furo-Version anpassen "
            "(README: „furo oder Sphinx aktualisieren“)."
        )
    return str(markup).replace(old, new)


def configure_templates(app: Sphinx) -> None:
    """The ``must_replace`` filter, and compiled templates kept between builds."""
    templates = getattr(app.builder, "templates", None)
    if templates is None or not hasattr(templates, "environment"):
        return
    environment = templates.environment  # Sphinx's Jinja environment (BuiltinTemplateLoader)
    environment.filters["must_replace"] = must_replace
    # Jinja checks each cached template against its source and its own version; the folder's
    # name tells apart environments with other Jinja extensions (i18n or not).
    extensions = ",".join(sorted(environment.extensions))
    folder = (
        Path(app.doctreedir)
        / f"oklab-templates-{hashlib.sha256(extensions.encode()).hexdigest()[:12]}"
    )
    folder.mkdir(parents=True, exist_ok=True)
    environment.bytecode_cache = FileSystemBytecodeCache(str(folder))


def add_logo_size(app: Sphinx, config) -> None:
    """``oklab_logo_size`` (width, height) for templates and the stylesheet, read from the
    light logo's own SVG, so the files are the one source of the logo's proportions."""
    name = (config.html_theme_options or {}).get("light_logo")
    for folder in config.html_static_path if name else []:
        file = Path(app.confdir, folder, name)
        if file.suffix == ".svg" and file.is_file():
            svg = ElementTree.parse(file).getroot()
            size = {"width": int(svg.get("width")), "height": int(svg.get("height"))}
            config.html_context = {**config.html_context, "oklab_logo_size": size}
            return


def add_templates(app: Sphinx, config) -> None:
    # Relative to conf.py, so the configuration (and .buildinfo) is the same in every checkout.
    folder = os.path.relpath(HERE, app.confdir)
    config.templates_path = [*config.templates_path, os.path.join(folder, "templates")]
    config.html_static_path = [*config.html_static_path, os.path.join(folder, "static")]


def setup(app: Sphinx) -> dict:
    app.connect("config-inited", add_templates)
    app.connect("config-inited", add_logo_size)
    app.connect("builder-inited", check_furo)
    app.connect("builder-inited", configure_templates)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
