"""The project catalogue as open data: projekte.json (and its schema), projekte.csv, JSON-LD.

Expected values are written out here (the first entry, the CSV header, a row with umlauts) or
read independently from the project files with a YAML parser (titles, count).
"""

from __future__ import annotations

import csv
import io
import json
import shutil

import jsonschema
import pytest
import yaml
from harness import ROOT, copy_site, sphinx_cli

PROJECT_FILES = sorted(p for p in (ROOT / "projekte").glob("*.md") if p.name != "index.md")
BASE = "https://oklabflensburg.de/de/"

FIRST_ENTRY = {
    "id": "bildungsatlas",
    "title": "Bildungsatlas",
    "description": (
        "Die Schulen in Flensburg auf einer Karte, mit Schulart, Träger und Anschrift."
    ),
    "status": "seeking",
    "tags": ["Bildung"],
    "technologies": [],
    "date": "2024-01-26",
    "url": "https://oklabflensburg.de/de/projekte/bildungsatlas/",
    "links": {
        "repository": "https://github.com/oklabflensburg/open-school-map",
        "website": [{"name": "Website", "url": "https://schulen-in-flensburg.de"}],
        "data": [
            {
                "name": "Schulverzeichnis des Statistikamts Nord (Datenquelle, PDF)",
                "url": "https://www.statistik-nord.de/fileadmin/Dokumente/Verzeichnisse/"
                "Schulverzeichnis_A_22-23.pdf",
            }
        ],
        "other": [],
    },
}
CSV_HEADER = [
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
TREES_ROW = {
    "id": "strassenbaeume",
    "title": "Straßenbäume",
    "description": "Das Straßenbaumkataster der Stadt Flensburg als Karte.",
    "status": "seeking",
    "tags": "Umwelt",
    "technologies": "",
    "date": "2023-04-29",
    "url": "https://oklabflensburg.de/de/projekte/strassenbaeume/",
    "repository": "https://github.com/oklabflensburg/open-trees-map",
    "website": "https://baumkataster-flensburg.de",
    "data": "https://opendata.schleswig-holstein.de/dataset/baumkataster-flensburg-2023-05-11",
    "other": "",
}


def front_matter(path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])


def read_json(outdir) -> dict:
    return json.loads((outdir / "projekte.json").read_text(encoding="utf-8"))


def read_csv(outdir) -> list[dict]:
    raw = (outdir / "projekte.csv").read_bytes()
    with io.StringIO(raw.decode("utf-8-sig"), newline="") as file:
        return list(csv.DictReader(file))


def test_json_follows_its_published_schema(site):
    schema = json.loads((site.outdir / "projekte.schema.json").read_text(encoding="utf-8"))
    document = read_json(site.outdir)
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema).validate(document)
    assert document["$schema"] == BASE + "projekte.schema.json"
    assert document["url"] == BASE + "projekte/"


def test_json_has_one_entry_per_project_file(site):
    projects = read_json(site.outdir)["projects"]
    assert len(projects) == len(PROJECT_FILES) == 22
    assert sorted(p["id"] for p in projects) == sorted(f.stem for f in PROJECT_FILES)
    for entry in projects:
        assert entry["title"] == front_matter(ROOT / "projekte" / f"{entry['id']}.md")["title"]


def test_json_first_entry(site):
    assert read_json(site.outdir)["projects"][0] == FIRST_ENTRY


def test_json_is_utf8_text_with_stable_key_order(site):
    text = (site.outdir / "projekte.json").read_bytes().decode("utf-8")
    assert "Straßenbäume" in text  # as typed, not \u00df
    assert text.index('"$schema"') < text.index('"url"') < text.index('"projects"')
    keys = list(json.loads(text)["projects"][0])
    assert keys == ["id", "title", "description", "status", "tags", "technologies", "date"] + [
        "url",
        "links",
    ]


def test_csv_round_trips_with_umlauts(site):
    raw = (site.outdir / "projekte.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfid,title,")  # UTF-8 byte order mark: Excel reads UTF-8
    assert b"\r\n" in raw and raw.count(b"\n") == raw.count(b"\r\n")  # RFC 4180 line ends
    rows = read_csv(site.outdir)
    assert list(rows[0]) == CSV_HEADER
    assert len(rows) == len(PROJECT_FILES)
    (trees,) = [row for row in rows if row["id"] == "strassenbaeume"]
    assert trees == TREES_ROW


def test_overview_links_the_files_and_lists_every_project_as_json_ld(site):
    soup = site.page("projekte/")
    line = soup.select_one(".oklab-catalogue-files")
    assert " ".join(line.get_text().split()) == "Diese Liste als Daten: JSON · CSV"
    assert [a["href"] for a in line.find_all("a")] == ["../projekte.json", "../projekte.csv"]
    blocks = [json.loads(s.string) for s in soup.find_all("script", type="application/ld+json")]
    (item_list,) = [b for b in blocks if b["@type"] == "ItemList"]
    names = [element["item"]["name"] for element in item_list["itemListElement"]]
    assert sorted(names) == sorted(front_matter(f)["title"] for f in PROJECT_FILES)
    assert item_list["numberOfItems"] == 22
    (trees,) = [
        e["item"] for e in item_list["itemListElement"] if e["item"]["name"] == "Straßenbäume"
    ]
    assert trees == {
        "@type": "SoftwareSourceCode",
        "name": "Straßenbäume",
        "url": "https://oklabflensburg.de/de/projekte/strassenbaeume/",
        "codeRepository": "https://github.com/oklabflensburg/open-trees-map",
        "keywords": ["Umwelt"],
        "dateCreated": "2023-04-29",
    }


def test_no_license_while_none_is_configured(site):
    for name in ("projekte.json", "projekte.csv"):
        assert "licen" not in (site.outdir / name).read_text(encoding="utf-8-sig").lower()
    assert "license" not in (site.outdir / "projekte" / "index.html").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def copy(tmp_path_factory):
    src = copy_site(tmp_path_factory.mktemp("opendata") / "src")
    yield src
    shutil.rmtree(src.parent, ignore_errors=True)


def test_incremental_build_updates_the_exports_and_a_license_appears(copy):
    out, doctrees = copy.parent / "html", copy.parent / "doctrees"
    first = sphinx_cli(copy, out, "-d", str(doctrees), clean=False)
    assert first.returncode == 0, first.output
    page = copy / "projekte" / "strassenbaeume.md"
    page.write_text(
        page.read_text(encoding="utf-8").replace("title: Straßenbäume", "title: Bäume an Straßen"),
        encoding="utf-8",
    )
    (copy / "projekte" / "neu.md").write_text(
        "---\ntitle: Neues Projekt\ndescription: Ein neues Projekt.\n---\n\n# Neues Projekt\n",
        encoding="utf-8",
    )
    second = sphinx_cli(
        copy, out, "-d", str(doctrees), "-D", "oklab_data_license=CC-BY-4.0", clean=False
    )
    assert second.returncode == 0, second.output
    document = read_json(out)
    titles = {p["id"]: p["title"] for p in document["projects"]}
    assert titles["strassenbaeume"] == "Bäume an Straßen"
    assert titles["neu"] == "Neues Projekt"
    assert len(document["projects"]) == 23
    assert document["license"] == "CC-BY-4.0"
    assert {row["id"]: row["title"] for row in read_csv(out)}["strassenbaeume"] == (
        "Bäume an Straßen"
    )
