"""The project catalogue as open data, from the same validated front matter as the cards.

- ``projekte.json`` (UTF-8, keys in a fixed order, absolute addresses) and the JSON Schema it
  follows, ``projekte.schema.json`` (hand-written: ``schemas/projekte.schema.json``), both in
  the output's root;
- ``projekte.csv``: RFC 4180 (comma, double quotes, CRLF), UTF-8 with a byte order mark, a
  header row and one row per project. The mark makes Excel read the umlauts as UTF-8 (without
  it, Excel guesses the Windows code page and shows "StraÃŸe"); LibreOffice and Python's
  ``csv`` (``encoding="utf-8-sig"``) read it as well;
- on the overview page (``projekte/index``) a JSON-LD ``ItemList`` of the projects
  (``SoftwareSourceCode`` with ``codeRepository`` where a repository is known, otherwise
  ``CreativeWork``), and ``{projektdaten}``: the line "Diese Liste als Daten: JSON · CSV".
  When the overview shows the catalogue on several pages (``projects``), each page's
  ``ItemList`` names the projects on that page, at their positions in the whole list, and
  ``numberOfItems`` counts all of them (as schema.org describes a list on several pages):
  all 500 projects in one block would cost about as much as the page's cards and break the
  page budget. The files are never split.

The files follow every build, also incremental ones (the front matter is validated again for
every build), are made again only when the projects changed (``unchanged``), and are
byte-identical while the sources stay the same. The data's
license is configuration (``oklab_data_license``): empty today, because no license for the
site's content is known, and then no file says anything about a license.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.util.docutils import SphinxDirective

from . import __version__
from .escape import json_in_html, text
from .frontmatter import page_meta
from .i18n import _
from .labdata import lab
from .listpages import numbered_pagename, pages_with_list
from .models import Project
from .projects import CATALOGUE, catalogue_parts, overview_docname, project_docnames
from .unchanged import WrittenBefore, write_if_changed
from .urls import output_file_reference, site_url

JSON_FILE = "projekte.json"
CSV_FILE = "projekte.csv"
SCHEMA_FILE = "projekte.schema.json"
SCHEMA_SOURCE = Path(__file__).parent / "schemas" / SCHEMA_FILE
RECORD = "oklab-exports.json"  # what the last build wrote (``unchanged.WrittenBefore``)
CSV_COLUMNS = [
    "id",
    "title",
    "description",
    "status",
    "tags",
    "technologies",
    "date",
    "url",
    "repository",
    "website",
    "data",
    "other",
]
CSV_LIST_SEPARATOR = "; "  # topics and technologies in one cell; addresses: one space


def address(builder: Builder, target: str) -> str:
    """The absolute address of ``target`` (a page's or file's address below the site's root),
    or the address relative to the root when no absolute base is known."""
    return (site_url(builder.config) or "") + target


def project_entry(builder: Builder, docname: str, project: Project) -> dict:
    """One project as the exports show it (the keys in the schema's order)."""
    data = lab(builder.config)
    code = data.code_link.url if data is not None and data.code_link else None
    links = {"repository": project.repository_url(code), "website": [], "data": [], "other": []}
    for link in project.links:
        links[link.kind or "other"].append({"name": link.name, "url": link.url})
    return {
        "id": docname.rsplit("/", 1)[-1],
        "title": project.title,
        "description": project.description,
        "status": project.status,
        "tags": list(project.tags),
        "technologies": list(project.technologies),
        "date": project.date.isoformat() if project.date else None,
        "url": address(builder, builder.get_target_uri(docname)),
        "links": links,
    }


def catalogue(builder: Builder, docnames: list[str] | None = None) -> list[dict]:
    """Every project page with valid front matter (or those of ``docnames``), in the
    overview's order."""
    env = builder.env
    entries = []
    for docname in project_docnames(env) if docnames is None else docnames:
        project = page_meta(env, docname)
        if isinstance(project, Project):  # a broken page is reported; the build fails anyway
            entries.append(project_entry(builder, docname, project))
    return entries


def catalogue_json(builder: Builder, entries: list[dict]) -> str:
    document = {
        "$schema": address(builder, SCHEMA_FILE),
        "url": address(builder, builder.get_target_uri(overview_docname(builder.config))),
    }
    if builder.config.oklab_data_license:
        document["license"] = builder.config.oklab_data_license
    document["projects"] = entries
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def catalogue_csv(entries: list[dict]) -> str:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")  # RFC 4180: CRLF, quotes only where needed
    writer.writerow(CSV_COLUMNS)
    for entry in entries:
        links = entry["links"]
        writer.writerow(
            [
                entry["id"],
                entry["title"],
                entry["description"],
                entry["status"] or "",
                CSV_LIST_SEPARATOR.join(entry["tags"]),
                CSV_LIST_SEPARATOR.join(entry["technologies"]),
                entry["date"] or "",
                entry["url"],
                links["repository"] or "",
                *(
                    " ".join(link["url"] for link in links[kind])
                    for kind in ("website", "data", "other")
                ),
            ]
        )
    return "\ufeff" + out.getvalue()


def write_exports(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    outdir = Path(app.outdir)
    entries = catalogue(app.builder)
    # Made again only when the projects changed (``unchanged``): JSON with indentation is
    # Python's slow encoder, and the catalogue has hundreds of projects.
    record = WrittenBefore(app, RECORD)
    files = {
        JSON_FILE: lambda: catalogue_json(app.builder, entries),
        CSV_FILE: lambda: catalogue_csv(entries),
    }
    for name, make in files.items():
        if not record.unchanged(name, entries, outdir / name):
            write_if_changed(outdir / name, make().encode("utf-8"))
    write_if_changed(outdir / SCHEMA_FILE, SCHEMA_SOURCE.read_bytes())
    record.save()


# -- The overview page ---------------------------------------------------------------------


def item_list(builder: Builder, entries: list[dict], first: int = 1, total: int = 0) -> dict:
    """The projects as a schema.org ``ItemList`` (JSON-LD), numbered from ``first``; ``total``:
    the length of the whole list, if ``entries`` are one page of it. The descriptions stay
    out: the cards show them, and the block would double the page's text (the page budget)."""
    items = []
    for position, entry in enumerate(entries, start=first):
        repository = entry["links"]["repository"]
        item: dict = {
            "@type": "SoftwareSourceCode" if repository else "CreativeWork",
            "name": entry["title"],
            "url": entry["url"],
        }
        if repository:
            item["codeRepository"] = repository
        if entry["tags"]:
            item["keywords"] = entry["tags"]
        if entry["date"]:
            item["dateCreated"] = entry["date"]
        if builder.config.oklab_data_license:
            item["license"] = builder.config.oklab_data_license
        items.append({"@type": "ListItem", "position": position, "item": item})
    overview = overview_docname(builder.config)
    return {
        "@context": "https://schema.org",
        "@type": "ItemList",
        "url": address(builder, builder.get_target_uri(overview)),
        "numberOfItems": total or len(items),
        "itemListElement": items,
    }


def add_item_list(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """On each page of the overview: the projects it shows."""
    overview = overview_docname(app.config)
    later = numbered_pagename(overview, 2).removesuffix("2")  # "projekte/seite/"
    if app.builder.format != "html" or not (pagename == overview or pagename.startswith(later)):
        return
    env = app.env
    paged = overview in pages_with_list(env, CATALOGUE)
    parts = catalogue_parts(env) if paged else [project_docnames(env)]
    pagenames = [numbered_pagename(overview, n) for n in range(1, len(parts) + 1)]
    if pagename not in pagenames:
        return
    number = pagenames.index(pagename)
    first = 1 + sum(len(part) for part in parts[:number])
    total = sum(len(part) for part in parts)
    block = item_list(app.builder, catalogue(app.builder, parts[number]), first, total)
    app.add_js_file(None, body=json_in_html(block), type="application/ld+json")


class CatalogueFiles(SphinxDirective):
    """``{projektdaten}``: "Diese Liste als Daten: JSON · CSV", linked to the exports."""

    def run(self) -> list[nodes.Node]:
        # Already in the reader's language (the interface catalog): not a text of the page.
        paragraph = nodes.paragraph("", "", classes=["oklab-catalogue-files"], translatable=False)
        paragraph += text(_("Diese Liste als Daten:") + " ")
        paragraph += output_file_reference(JSON_FILE, "JSON")
        paragraph += text(" · ")
        paragraph += output_file_reference(CSV_FILE, "CSV")
        return [paragraph]


def setup(app: Sphinx) -> dict:
    app.setup_extension("oklab.frontmatter")
    app.setup_extension("oklab.projects")
    app.setup_extension("oklab.urls")
    # The license of the exported data (an SPDX name or a license's address). No license for
    # the site's content is known: empty, and the files say nothing about a license.
    app.add_config_value("oklab_data_license", "", "html", types=[str])
    app.add_directive("projektdaten", CatalogueFiles)
    app.connect("html-page-context", add_item_list)
    app.connect("build-finished", write_exports)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
