"""The lab's data file (``_data/lab.yaml``): read and validated once per build, then shared.

At ``config-inited`` the file is validated against ``models.Lab`` (German errors with line and
field; a broken file stops the build). The validated ``Lab`` is kept in the config value
``oklab_lab``, which every module reads through ``lab(config)``; when the file changes,
Sphinx sees a changed configuration and reads every page again. The meeting's values and the
association's name also become MyST substitutions (``{{ treffen_tag }}``, ``{{ verein }}`` …)
for running text, written as literal Markdown so that nothing in the data file can become
markup.
"""

from __future__ import annotations

import re
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.config import Config

from . import __version__, messages
from .cards import icon_exists
from .errors import abort, load_yaml_file, validate
from .escape import markdown
from .i18n import _, weekday_name
from .models import Lab, translated
from .phrases import hour, time_span


def lab(config: Config) -> Lab | None:
    """The validated lab data in the reader's language (its ``Translatable`` texts through the
    catalog), ``None`` in a site without a data file (e.g. a test project)."""
    return getattr(config, "oklab_lab", None)


def source_lab(config: Config) -> Lab | None:
    """The lab data as written (German): what ``make catalogs`` extracts."""
    return getattr(config, "oklab_lab_source", None)


def meeting_values(data: Lab, language: str | None) -> dict[str, str]:
    """The meeting's values for running text, in the build's language.

    Pages write the time as ``{{ treffen_zeit }}`` ("18–21 Uhr"), as cards, footer and calendar
    do; ``treffen_beginn`` and ``treffen_ende`` keep the seed's own wording on Über uns.
    """
    meeting = data.meeting
    return {
        "treffen_tag": weekday_name(meeting.weekday_index, language),
        "treffen_zeit": time_span(meeting, language),
        "treffen_beginn": hour(meeting.start, language),
        "treffen_ende": hour(meeting.end, language),
        "treffen_ort": meeting.place,
        "treffen_adresse": meeting.full_place,
    }


def text_values(data: Lab, language: str | None) -> dict[str, str]:
    """Every value for running text: the association (``{{ verein }}``) and the meeting's."""
    return {"verein": data.association, **meeting_values(data, language)}


def substitute(text: str, config: Config) -> str:
    """``{{ treffen_tag }}`` etc. in text that MyST does not parse (front-matter descriptions)."""
    data = lab(config)
    values = {} if data is None else text_values(data, config.language)
    return re.sub(r"\{\{\s*(\w+)\s*\}\}", lambda m: values.get(m[1], m[0]), text)


def load_lab_data(app: Sphinx, config: Config) -> None:
    path = Path(app.srcdir) / config.oklab_data_file
    doc, problems = load_yaml_file(path)
    data = None
    if doc is not None:
        data, problems = validate(Lab, doc, path, icon_exists=icon_exists(app.srcdir))
    if data is None:
        abort(app, problems, messages.DATA_FILE_BROKEN.format(file=config.oklab_data_file))
    config.oklab_lab_source = data
    data = config.oklab_lab = translated(data, _)
    # MyST parses a substitution's value as Markdown: the values go in as literal text.
    values = text_values(data, config.language)
    escaped = {name: markdown(value) for name, value in values.items()}
    config.myst_substitutions = {**config.myst_substitutions, **escaped}


def add_template_context(
    app: Sphinx, pagename: str, templatename: str, context: dict, doctree
) -> None:
    context["oklab"] = lab(app.config)


def setup(app: Sphinx) -> dict:
    app.setup_extension("oklab.cards")
    app.add_config_value("oklab_data_file", "_data/lab.yaml", "env", types=[str])
    app.add_config_value("oklab_lab", None, "env")
    app.add_config_value("oklab_lab_source", None, "env")
    # The page that presents the meeting (card, calendar, map); calendar and cards link to it.
    app.add_config_value("oklab_meeting_page", "kontakt/index", "env", types=[str])
    app.connect("config-inited", load_lab_data)
    app.connect("html-page-context", add_template_context)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
