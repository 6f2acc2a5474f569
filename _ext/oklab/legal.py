"""Impressum and Datenschutz: who runs the website (§ 5 DDG, Art. 13 DSGVO).

The operator's data live in one place, the ``operator:`` block of ``_data/lab.yaml`` (the
association is the lab's ``association``). Nothing is invented: fields nobody has filled in
stay empty, and

- a local build shows the notice "Angaben fehlen noch" on both pages (``{anbieter}``),
- a release build (``oklab_release``: on Read the Docs or with ``OKLAB_RELEASE=1``) stops with
  a German message that names every missing field and refuses placeholders (TODO, Muster, …).
"""

from __future__ import annotations

import re
from pathlib import Path

from pydantic import field_validator
from sphinx.application import Sphinx
from sphinx.util import logging

from . import __version__
from .cards import MarkdownDirective
from .errors import Problem, abort, load_yaml_file
from .schema import EMAIL, POSTCODE, Strict

logger = logging.getLogger(__name__)

# What a reader of the Impressum needs, in the order it is shown.
FIELDS = {
    "name": "Name der verantwortlichen Person",
    "street": "Straße und Hausnummer",
    "postcode": "Postleitzahl",
    "city": "Ort",
    "email": "E-Mail-Adresse",
}
PLACEHOLDER = re.compile(
    r"todo|tbd|fixme|xxx|\?\?|\.\.\.|…|muster|beispiel|example|lorem|ipsum|platzhalter"
    r"|placeholder|n\.\s?n\.|unbekannt|ausfüllen",
    re.IGNORECASE,
)
FORMATS = {
    "postcode": (re.compile(POSTCODE), "muss fünf Ziffern haben (zum Beispiel 24939)"),
    "email": (re.compile(EMAIL), "ist keine E-Mail-Adresse"),
}


class Operator(Strict):
    """The ``operator:`` block of ``_data/lab.yaml``; empty fields mean "not known yet"."""

    name: str | None = None
    street: str | None = None
    postcode: str | None = None
    city: str | None = None
    email: str | None = None

    @field_validator("*", mode="before")
    @classmethod
    def as_text(cls, value):
        return str(value).strip() if value is not None else None

    def gaps(self) -> dict[str, str]:
        """field -> what is wrong with it, for every field not ready to publish."""
        gaps = {}
        for field in FIELDS:
            value = getattr(self, field) or ""
            if not value:
                gaps[field] = "fehlt"
            elif PLACEHOLDER.search(value):
                gaps[field] = f"ist ein Platzhalter ({value!r}), keine echte Angabe"
            elif field in FORMATS and not FORMATS[field][0].match(value):
                gaps[field] = f"{FORMATS[field][1]}, gefunden: {value!r}"
        return gaps


def operator(config) -> Operator:
    # labdata imports this module for the model, so the block is read from the config directly.
    return Operator.model_validate((config.oklab_lab or {}).get("operator") or {})


def missing_summary(gaps: dict[str, str], data_file: str) -> str:
    names = ", ".join(FIELDS[field] for field in gaps)
    return (
        f"Veröffentlichung abgebrochen: Impressum und Datenschutz brauchen vollständige Angaben "
        f"zum Anbieter der Website. Es fehlen oder sind ungültig: {names}. Bitte echte Angaben "
        f"in {data_file} im Block „operator“ eintragen, keine Platzhalter (TODO, Muster, XXX …)."
    )


def check_release(app: Sphinx) -> None:
    """A release build refuses to publish legal pages with gaps."""
    gaps = operator(app.config).gaps()
    if not gaps:
        return
    data_file = app.config.oklab_data_file
    if not app.config.oklab_release:
        logger.info("Impressum/Datenschutz: Angaben fehlen noch (%s)", ", ".join(gaps))
        return
    path = Path(app.srcdir) / data_file
    doc, _ = load_yaml_file(path)
    problems = []
    for field, message in gaps.items():
        line = doc.line_of(("operator", field)) if doc is not None else None
        problems.append(Problem(path, line, message, f"operator.{field}"))
    abort(app, problems, missing_summary(gaps, data_file))


class OperatorDetails(MarkdownDirective):
    """``{anbieter}``: who runs the site, or the notice "Angaben fehlen noch"."""

    def markdown(self) -> str:
        data = self.config.oklab_lab or {}
        who = operator(self.config)
        gaps = who.gaps()
        lines = []
        if gaps:
            lines += [
                ":::{admonition} Angaben fehlen noch",
                ":class: warning oklab-legal-missing",
                "",
                "Bevor diese Website veröffentlicht wird, fehlen noch Angaben zum Anbieter:",
                "",
                *[f"- {FIELDS[field]}: {message}" for field, message in gaps.items()],
                "",
                f"Einzutragen in `{self.config.oklab_data_file}` im Block `operator`.",
                ":::",
                "",
            ]
        known = {field: getattr(who, field) for field in FIELDS if field not in gaps}
        address = [
            known.get("street"),
            " ".join(filter(None, [known.get("postcode"), known.get("city")])),
        ]
        block = [data.get("association", "")]
        if known.get("name"):
            block.append(f"vertreten durch {known['name']}")
        block += [part for part in address if part]
        lines.append("\\\n".join(part for part in block if part))
        if known.get("email"):
            lines += ["", f"E-Mail: [{known['email']}](mailto:{known['email']})"]
        return "\n".join(lines) + "\n"


def setup(app: Sphinx) -> dict:
    app.setup_extension("oklab.labdata")
    app.add_config_value("oklab_release", False, "env", types=[bool])
    app.connect("builder-inited", check_release)
    app.add_directive("anbieter", OperatorDetails)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
