"""Impressum and Datenschutz: who runs the website (§ 5 DDG, Art. 13 DSGVO).

The operator's data live in one place, the ``operator:`` block of ``_data/lab.yaml``
(``models.Operator``; the association is the lab's ``association``). Nothing is invented:
fields nobody has filled in stay empty, and

- a local build shows the notice "Angaben fehlen noch" on both pages (``{anbieter}``),
- a release build (``oklab_release``: latest and stable on Read the Docs, or
  ``OKLAB_RELEASE=1``; conf.py decides, a pull-request preview is none) stops with a German
  message that names every missing field and refuses placeholders (TODO, Muster, …).
"""

from __future__ import annotations

from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from . import __version__, messages
from .errors import Problem, abort, load_yaml_file
from .escape import text
from .i18n import _
from .labdata import lab
from .models import OPERATOR_FIELDS

logger = logging.getLogger(__name__)


def check_release(app: Sphinx) -> None:
    """A release build refuses to publish legal pages with gaps."""
    gaps = lab(app.config).operator.gaps()
    if not gaps:
        return
    data_file = app.config.oklab_data_file
    if not app.config.oklab_release:
        logger.info(messages.LEGAL_MISSING_LOCAL.format(file=data_file, fields=", ".join(gaps)))
        return
    path = Path(app.srcdir) / data_file
    doc, _problems = load_yaml_file(path)
    problems = []
    for field, message in gaps.items():
        line = doc.line_of(("operator", field)) if doc is not None else None
        problems.append(Problem(path, line, message, f"operator.{field}"))
    names = ", ".join(OPERATOR_FIELDS[field] for field in gaps)
    abort(app, problems, messages.LEGAL_RELEASE_REFUSED.format(names=names, file=data_file))


class OperatorDetails(SphinxDirective):
    """``{anbieter}``: who runs the site, or the notice "Angaben fehlen noch"."""

    def run(self) -> list[nodes.Node]:
        data = lab(self.config)
        who = data.operator
        gaps = who.gaps()
        result: list[nodes.Node] = []
        if gaps:
            result.append(self.missing_notice(gaps))
        known = {field: getattr(who, field) for field in OPERATOR_FIELDS if field not in gaps}
        lines = [data.association]
        if known.get("name"):
            lines.append(_("vertreten durch {name}").format(name=known["name"]))
        lines += [
            known.get("street"),
            " ".join(filter(None, [known.get("postcode"), known.get("city")])),
        ]
        block = nodes.line_block()
        for line in filter(None, lines):
            block += nodes.line("", "", text(line))
        result.append(block)
        if email := known.get("email"):
            link = nodes.reference("", "", text(email), refuri=f"mailto:{email}")
            result.append(nodes.paragraph("", "", text(_("E-Mail:")), nodes.Text(" "), link))
        return result

    def missing_notice(self, gaps: dict[str, str]) -> nodes.admonition:
        """Shown while the operator's data are incomplete (only ever on local builds)."""
        title = _("Angaben fehlen noch")
        notice = nodes.admonition("", classes=["warning", "oklab-legal-missing"])
        notice += nodes.title("", "", text(title), translatable=False)  # from the catalog
        intro = _("Bevor diese Website veröffentlicht wird, fehlen noch Angaben zum Anbieter:")
        notice += nodes.paragraph("", "", text(intro))
        items = nodes.bullet_list()
        for field, message in gaps.items():
            items += nodes.list_item(
                "", nodes.paragraph("", "", text(f"{_(OPERATOR_FIELDS[field])}: {message}"))
            )
        notice += items
        where = _("Einzutragen in {file} im Block operator.").format(
            file=self.config.oklab_data_file
        )
        notice += nodes.paragraph("", "", text(where))
        return notice


def setup(app: Sphinx) -> dict:
    app.setup_extension("oklab.labdata")
    app.add_config_value("oklab_release", False, "env", types=[bool])
    app.connect("builder-inited", check_release)
    app.add_directive("anbieter", OperatorDetails)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
