"""'Seite bearbeiten': every page links to its Markdown file in GitHub's web editor.

The link is furo's own edit button, configured with its documented theme options
``source_repository``, ``source_branch`` and ``source_directory`` (conf.py). While the
repository's address is empty, no page shows the link (and the build says so once, as a note).
A set address must be a GitHub repository (the web editor is what lets editors change a page
without git); anything else stops the build with a German message instead of furo's English
warning. The button's markup is the site's (``templates/components/edit-this-page.html``):
German label from the catalog, ``rel="noopener noreferrer"`` like every external link.
"""

from __future__ import annotations

import re
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.util import logging

from . import __version__, messages
from .errors import Problem, abort, conf_line

logger = logging.getLogger(__name__)

GITHUB_REPOSITORY = re.compile(r"https://github\.com/[\w.-]+/[\w.-]+/?")


def edit_link_problems(options: dict) -> list[tuple[str, str]]:
    """``(option, German message)`` for each unusable edit-link option (none while empty)."""
    repository = str(options.get("source_repository") or "").strip()
    if not repository:
        return []
    problems = []
    if not GITHUB_REPOSITORY.fullmatch(repository):
        problems.append(("source_repository", messages.EDIT_REPOSITORY.format(value=repository)))
    if not str(options.get("source_branch") or "").strip():
        problems.append(("source_branch", messages.EDIT_BRANCH_MISSING))
    return problems


def line_in_conf(conf: Path, option: str) -> int:
    """The line of conf.py that sets ``option`` (or opens ``html_theme_options``; else 1)."""
    return conf_line(conf, f'"{option}"', "html_theme_options") or 1


def check_edit_link(app: Sphinx) -> None:
    options = app.config.html_theme_options or {}
    if not str(options.get("source_repository") or "").strip():
        logger.info(messages.EDIT_LINK_OFF)
        return
    conf = Path(app.confdir) / "conf.py"
    problems = [
        Problem(conf, line_in_conf(conf, option), message, f"html_theme_options.{option}")
        for option, message in edit_link_problems(options)
    ]
    if problems:
        abort(app, problems, messages.CONF_BROKEN)


def setup(app: Sphinx) -> dict:
    app.setup_extension("oklab.theme")  # templates/components/edit-this-page.html
    app.connect("builder-inited", check_edit_link)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
