"""Impressum and Datenschutz: the operator's data from one place, nothing invented.

Missing data shows "Angaben fehlen noch" on a local build and stops a release build (Read the
Docs, ``OKLAB_RELEASE=1``) with a German message naming the fields; placeholders are refused.
The refusals are command-line builds (their exit status and message are the contract); the
pages are built in process.
"""

from __future__ import annotations

import re
from urllib.parse import unquote

import yaml
from harness import LAB_FILE, Output, copy_root, sphinx_cli, write_files
from oracles import OPERATOR_LABELS, message

NOTICE = "Angaben fehlen noch"
# The fields of the ``operator`` block and how pages and messages name them, in page order.
LABELS = OPERATOR_LABELS
# Values from the lab's public facts (tests/data/facts-lab.yaml: the meeting place and the
# general contact), used only to exercise the code: they say nothing about who runs the website.
COMPLETE = {
    "name": "Kontakt Allgemein",
    "street": "Norderstraße 49",
    "postcode": "24939",
    "city": "Flensburg",
    "email": "oklabflensburg@grain.one",
}
MESSAGE_TYPE = re.compile(r" \[[\w.-]+\]$")


def data_file(operator: dict | None) -> str:
    """The real ``_data/lab.yaml`` with another ``operator`` block."""
    data = yaml.safe_load(LAB_FILE.read_text(encoding="utf-8"))
    data["operator"] = operator
    return yaml.safe_dump(data, allow_unicode=True)


def line_of(text: str, field: str) -> int:
    """The line of ``field`` inside the ``operator:`` block of a data file's text."""
    lines = text.splitlines()
    start = lines.index("operator:")
    return next(i for i in range(start, len(lines)) if lines[i].startswith(f"  {field}:")) + 1


def release_build(tmp_path, operator: dict, **marker: str):
    src = copy_root("legal", tmp_path / "src")
    text = data_file(operator)
    write_files(src, {"_data/lab.yaml": text})
    return text, sphinx_cli(src, tmp_path / "html", **marker)


def stderr_lines(build) -> list[str]:
    return [MESSAGE_TYPE.sub("", line) for line in build.stderr.splitlines()]


def test_release_build_fails_naming_the_missing_fields(tmp_path):
    text, build = release_build(
        tmp_path, {**COMPLETE, "street": None, "email": ""}, OKLAB_RELEASE="1"
    )
    assert build.returncode == 1
    assert "Traceback" not in build.output
    assert stderr_lines(build) == [
        f"_data/lab.yaml:{line_of(text, 'street')}: ERROR: "
        + message("Angabe fehlt", field="operator.street"),
        f"_data/lab.yaml:{line_of(text, 'email')}: ERROR: "
        + message("Angabe fehlt", field="operator.email"),
        "ERROR: "
        + message("Veröffentlichung abgebrochen", labels="Straße und Hausnummer, E-Mail-Adresse"),
    ]


def test_release_build_on_read_the_docs_refuses_placeholders_and_malformed_values(tmp_path):
    operator = {
        "name": "Max Mustermann",
        "street": "TODO",
        "postcode": "2493",
        "city": "XXX",
        "email": "info@example.org",
    }
    text, build = release_build(tmp_path, operator, READTHEDOCS="True")
    assert build.returncode == 1
    assert "Traceback" not in build.output

    def at(field: str, case: str) -> str:
        value = operator[field]
        wording = message(case, field=f"operator.{field}", value=value)
        return f"_data/lab.yaml:{line_of(text, field)}: ERROR: {wording}"

    assert stderr_lines(build) == [
        at("name", "Platzhalter"),
        at("street", "Platzhalter"),
        at("postcode", "keine Postleitzahl"),
        at("city", "Platzhalter"),
        at("email", "Platzhalter"),
        "ERROR: " + message("Veröffentlichung abgebrochen", labels=", ".join(LABELS.values())),
    ]


def test_local_build_shows_the_notice_and_names_what_is_missing(root_app):
    app = root_app(
        "legal", {"_data/lab.yaml": data_file({"name": None, "street": "", "email": None})}
    )
    app.build()
    assert app.statuscode == 0 and app.warning.getvalue() == ""
    page = Output(app.outdir).page("")
    notice = page.find(class_="oklab-legal-missing")
    assert notice is not None and NOTICE in notice.get_text()
    items = [li.get_text(" ", strip=True) for li in notice.find_all("li")]
    assert items == [f"{label}: fehlt" for label in LABELS.values()]
    # the association is known and shown
    association = yaml.safe_load(LAB_FILE.read_text(encoding="utf-8"))["association"]
    assert association in page.find("article").get_text()


def test_complete_data_publish_without_notice(root_app):
    app = root_app("legal", {"_data/lab.yaml": data_file(COMPLETE)}, OKLAB_RELEASE="1")
    app.build()
    assert app.config.oklab_release is True
    assert app.statuscode == 0 and app.warning.getvalue() == ""
    page = Output(app.outdir).page("")
    assert page.find(class_="oklab-legal-missing") is None
    text = " ".join(page.find("article").get_text().split())
    for value in COMPLETE.values():
        assert value in text
    mail_links = [unquote(a["href"]) for a in page.select('a[href^="mailto:"]')]
    assert f"mailto:{COMPLETE['email']}" in mail_links


# -- The real site ----------------------------------------------------------------------------


def test_the_real_site_shows_the_notice_exactly_while_data_are_missing(site):
    operator = yaml.safe_load(LAB_FILE.read_text(encoding="utf-8")).get("operator") or {}
    gaps = [field for field in LABELS if not str(operator.get(field) or "").strip()]
    for path in ("impressum/", "datenschutz/"):
        notice = site.page(path).find(class_="oklab-legal-missing")
        assert (notice is not None) == bool(gaps), path
        if gaps:
            items = [li.get_text(" ", strip=True) for li in notice.find_all("li")]
            assert items == [f"{LABELS[field]}: fehlt" for field in gaps], path


def test_legal_pages_are_german_and_explain_what_the_site_does(site):
    impressum = site.page("impressum/").find("article").get_text(" ", strip=True)
    assert "§ 5" in impressum and "DDG" in impressum
    privacy = site.page("datenschutz/").find("article").get_text(" ", strip=True)
    for statement in (
        "keine Cookies",
        "kein Tracking",
        "localStorage",
        "Read the Docs",
        "Server-Logs",
        "EthicalAds",
        "Content Security Policy",
    ):
        assert statement in privacy, statement
