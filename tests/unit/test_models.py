"""The schemas and the German messages an editor gets, checked without building a site.

Every expected message is written out here: this table is the oracle, never the code's own
table in ``oklab.messages``. Fast enough to run for every mutant (``make mutants``).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from oklab.errors import field_name, german_message, load_yaml_file, validate
from oklab.models import Lab, Operator, Page, Project
from oklab.yamlsource import parse_yaml

HERE = Path(__file__).parent

PROJECT = """title: Karte
description: Eine Karte.
status: active
tags:
  - Umwelt
links:
  - name: Website
    url: https://example.org
"""

# (model, YAML, expected "line: field: message" of each problem)
CASES = {
    "unknown field": (
        Page,
        "title: Seite\nnavOrdre: 3\n",
        ["3: navOrdre: unbekanntes Feld; meintest du „navOrder“?"],
    ),
    "no title": (Page, "navOrder: 3\n", ["2: title: Pflichtfeld fehlt"]),
    "empty title": (Page, "title: '  '\n", ["2: title: darf nicht leer sein"]),
    "navOrder as a word": (
        Page,
        "title: Seite\nnavOrder: drei\n",
        ["3: navOrder: muss eine ganze Zahl sein (zum Beispiel 3), gefunden: 'drei'"],
    ),
    "navOrder as a decimal": (
        Page,
        "title: Seite\nnavOrder: 2.5\n",
        ["3: navOrder: muss eine ganze Zahl sein (zum Beispiel 3), gefunden: 2.5"],
    ),
    "navigation as a word": (
        Page,
        "title: Seite\nnavigation: nein\n",
        ["3: navigation: muss true oder false sein, gefunden: 'nein'"],
    ),
    "title as a list": (
        Page,
        "title:\n  - a\n",
        ["2: title: muss ein Text sein, gefunden: ['a']"],
    ),
    "image on another scheme": (
        Page,
        "title: Seite\nimage: ftp://example.org/a.png\n",
        [
            "3: image: muss ein Pfad zu einer Bilddatei (zum Beispiel bild.png) oder eine "
            "https://-Adresse sein, gefunden: 'ftp://example.org/a.png'"
        ],
    ),
    "status not in the list": (
        Project,
        PROJECT.replace("status: active", "status: geplant"),
        [
            "4: status: ungültiger Wert 'geplant'; erlaubt: seeking (sucht Mitwirkende), "
            "active (in Arbeit), finished (abgeschlossen); wie auf der älteren Website auch: "
            "„Sucht ehrenamtlich Engagierte“, „In Arbeit“, „Abgeschlossen“"
        ],
    ),
    "impossible date": (
        Project,
        PROJECT + "date: 2024-02-30\n",
        ["10: date: ist kein gültiges Datum (Format JJJJ-MM-TT), gefunden: '2024-02-30'"],
    ),
    "date as a number": (
        Project,
        PROJECT + "date: 20240115\n",
        ["10: date: muss ein Datum im Format JJJJ-MM-TT sein, gefunden: 20240115"],
    ),
    "link without address": (
        Project,
        PROJECT.replace("    url: https://example.org\n", ""),
        ["8: links[1].url: Pflichtfeld fehlt"],
    ),
    "link to a script": (
        Project,
        PROJECT.replace("https://example.org", "javascript:alert(1)"),
        [
            "9: links[1].url: muss eine vollständige Adresse sein (https://…), "
            "gefunden: 'javascript:alert(1)'"
        ],
    ),
    "link with data": (
        Project,
        PROJECT.replace("https://example.org", "data:text/html,x"),
        [
            "9: links[1].url: muss eine vollständige Adresse sein (https://…), "
            "gefunden: 'data:text/html,x'"
        ],
    ),
    "address with a space": (
        Project,
        PROJECT.replace("https://example.org", "'https://example .org'"),
        [
            "9: links[1].url: muss eine vollständige Adresse sein (https://…), "
            "gefunden: 'https://example .org'"
        ],
    ),
    "tags as text": (
        Project,
        PROJECT.replace("tags:\n  - Umwelt", "tags: Umwelt"),
        ["5: tags: muss eine Liste sein (Zeilen, die mit - beginnen)"],
    ),
    "repository with a slash": (
        Project,
        PROJECT + "repo: oklab/karte\n",
        [
            "10: repo: muss der Name eines Repositorys der Organisation des Labs auf GitHub "
            "sein (zum Beispiel open-accident-map) oder eine https://-Adresse, "
            "gefunden: 'oklab/karte'"
        ],
    ),
    # The model takes a project without description: the site derives it from the first
    # paragraph, or says what is missing (tests/test_messages.py, "description underivable").
    "project without description": (Project, "title: Karte\n", []),
    "links as fields": (
        Project,
        PROJECT.replace(
            "links:\n  - name: Website\n    url: https://example.org\n", "links:\n  name: x\n"
        ),
        ["7: links: muss eine Liste sein (Zeilen, die mit - beginnen)"],
    ),
}


def problems(model, yaml_text: str, **context) -> list[str]:
    doc = parse_yaml(yaml_text, first_line=2)
    instance, found = validate(model, doc, Path("seite.md"), **context)
    assert (instance is None) == bool(found)
    return [f"{p.line}: {p.field}: {p.message}" for p in found]


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_front_matter_mistake_gets_its_german_message(case):
    model, text, expected = CASES[case]
    assert problems(model, text) == expected


def test_a_valid_project_passes_and_names_its_repository():
    project, found = validate(Project, parse_yaml(PROJECT + "repo: karte\n"), Path("p.md"))
    assert found == []
    assert project.repository_url("https://github.com/oklabflensburg") == (
        "https://github.com/oklabflensburg/karte"
    )
    assert project.repository_url("https://github.com/oklabflensburg/") == (
        "https://github.com/oklabflensburg/karte"
    )
    assert project.repository_url(None) is None
    assert project.repository_url("https://example.org/orgX") == "https://example.org/orgX/karte"
    full, _ = validate(Project, parse_yaml(PROJECT + "repo: https://example.org/x\n"), Path("p"))
    assert full.repository_url(None) == "https://example.org/x"


def test_image_is_looked_up_next_to_the_page_and_from_the_root(tmp_path):
    (tmp_path / "projekte").mkdir()
    (tmp_path / "projekte" / "karte.png").write_bytes(b"")
    (tmp_path / "logo.png").write_bytes(b"")
    page = tmp_path / "projekte" / "karte.md"
    ok = {"page": page, "srcdir": tmp_path}
    assert problems(Page, "title: K\nimage: karte.png\n", **ok) == []
    assert problems(Page, "title: K\nimage: /logo.png\n", **ok) == []
    assert problems(Page, "title: K\nimage: ../logo.png\n", **ok) == []
    assert problems(Page, "title: K\nimage: ../../etc/passwd\n", **ok) == [
        "3: image: Bilddatei '../../etc/passwd' nicht gefunden (Pfad relativ zu dieser Seite "
        "oder mit / am Anfang ab dem Hauptordner der Website)"
    ]
    assert problems(Page, "title: K\nimage: https://example.org/a.png\n", **ok) == []


LAB = (HERE.parents[1] / "_data" / "lab.yaml").read_text(encoding="utf-8")

# (the changed line, what it becomes, the expected "field: message")
LAB_CASES = {
    "end before start": (
        'end: "21:00"',
        'end: "17:00"',
        "meeting.end: das Ende (17:00) muss nach dem Beginn (18:00) liegen",
    ),
    "end equals start": (
        'end: "21:00"',
        'end: "18:00"',
        "meeting.end: das Ende (18:00) muss nach dem Beginn (18:00) liegen",
    ),
    "unknown weekday": (
        "weekday: Mittwoch",
        "weekday: Mittwochs",
        "meeting.weekday: ungültiger Wert 'Mittwochs'; erlaubt: 'Montag', 'Dienstag', "
        "'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag', 'Sonntag'",
    ),
    "unknown time zone": (
        "timezone: Europe/Berlin",
        "timezone: Europe/Flensburg",
        "meeting.timezone: unbekannte Zeitzone 'Europe/Flensburg' (zum Beispiel Europe/Berlin)",
    ),
    "time as a word": (
        'start: "18:00"',
        "start: abends",
        "meeting.start: muss eine Uhrzeit im Format HH:MM sein, gefunden: 'abends'",
    ),
    "postcode with four digits": (
        'postcode: "24939"',
        'postcode: "2493"',
        "meeting.postcode: muss fünf Ziffern haben (zum Beispiel 24939), gefunden: '2493'",
    ),
    "e-mail without @": (
        "email: roald@grain.one",
        "email: roald.grain.one",
        "contacts[1].email: ist keine E-Mail-Adresse, gefunden: 'roald.grain.one'",
    ),
    "link without https": (
        "url: https://twitter.com/oklabflensburg",
        "url: twitter.com/oklab",
        "links[2].url: muss eine vollständige Adresse sein (https://…), "
        "gefunden: 'twitter.com/oklab'",
    ),
    "unknown icon": (
        "icon: globe",
        "icon: globus",
        "links[1].icon: unbekanntes Symbol 'globus': weder _static/icons/globus.svg noch ein "
        "Octicon (https://primer.style/octicons)",
    ),
    "unknown field": ("tagline:", "slogan:", "tagline: Pflichtfeld fehlt"),
}


@pytest.mark.parametrize("case", LAB_CASES, ids=list(LAB_CASES))
def test_data_file_mistake_gets_its_german_message(case):
    old, new, expected = LAB_CASES[case]
    assert LAB.count(old) == 1
    text = LAB.replace(old, new)
    known_icons = {"globe", "twitter", "mastodon", "facebook", "mark-github", "link-external"}
    lab, found = validate(
        Lab, parse_yaml(text), Path("lab.yaml"), icon_exists=known_icons.__contains__
    )
    assert lab is None
    assert f"{found[0].field}: {found[0].message}" == expected
    if new != "slogan:":
        assert len(found) == 1
        changed_line = next(n for n, line in enumerate(text.splitlines(), 1) if new in line)
        assert found[0].line == changed_line
    else:  # the renamed field: the missing one (whole file) and the unknown one (its line)
        assert [(p.line, f"{p.field}: {p.message}") for p in found[1:]] == [
            (5, "slogan: unbekanntes Feld")
        ]


def test_the_real_data_file_is_valid():
    lab, found = validate(Lab, parse_yaml(LAB), Path("lab.yaml"))
    assert found == [] and lab.meeting.weekday_index == 2
    assert lab.email == "oklabflensburg@grain.one"
    assert lab.code_link.url == "https://github.com/oklabflensburg"
    assert lab.meeting.full_place == (
        "Aktivitetshuset, Hinterhaus, Norderstraße 49, 24939 Flensburg"
    )


OPERATOR_CASES = [
    ({}, {f: "fehlt" for f in ("name", "street", "postcode", "city", "email")}),
    (
        {"name": "Max Mustermann", "street": "TODO", "postcode": "2493", "city": "Flensburg",
         "email": "a@b"},
        {
            "name": "ist ein Platzhalter ('Max Mustermann'), keine echte Angabe",
            "street": "ist ein Platzhalter ('TODO'), keine echte Angabe",
            "postcode": "muss fünf Ziffern haben (zum Beispiel 24939), gefunden: '2493'",
            "email": "ist keine E-Mail-Adresse, gefunden: 'a@b'",
        },
    ),
    (
        {"name": "Kontakt Allgemein", "street": "Norderstraße 49", "postcode": 24939,
         "city": "Flensburg", "email": "oklabflensburg@grain.one"},
        {},
    ),
    ({"name": "xxx", "street": "…", "postcode": "12345", "city": "?? ", "email": "x@y.de"},
     {"name": "ist ein Platzhalter ('xxx'), keine echte Angabe",
      "street": "ist ein Platzhalter ('…'), keine echte Angabe",
      "city": "ist ein Platzhalter ('??'), keine echte Angabe"}),
]  # fmt: skip


@pytest.mark.parametrize(("data", "gaps"), OPERATOR_CASES)
def test_operator_gaps(data, gaps):
    assert Operator.model_validate(data).gaps() == gaps


def test_field_names_count_from_one():
    assert field_name(("links", 0, "url")) == "links[1].url"
    assert field_name(("meeting", "end")) == "meeting.end"
    assert field_name(()) == ""


def test_an_unexpected_error_type_is_still_german():
    assert german_message({"type": "something_new", "msg": "English", "input": 3}) == (
        "ungültiger Wert 3"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("title: Karte: Bäume\n", "1: YAML-Fehler: ein Doppelpunkt steht an einer unerwarteten "
         "Stelle (Text mit Doppelpunkt in Anführungszeichen setzen, zum Beispiel "
         "\"Karte: Bäume\")"),
        ("title: a\n\tnavOrder: 3\n", "2: YAML-Fehler: Tabulatorzeichen sind nicht erlaubt, "
         "bitte Leerzeichen verwenden"),
        ("title: *x\n", "1: YAML-Fehler: unbekannter Verweis (*) im YAML"),
    ],
)  # fmt: skip
def test_broken_yaml_gets_a_german_message(tmp_path, text, expected):
    file = tmp_path / "lab.yaml"
    file.write_text(text, encoding="utf-8")
    doc, found = load_yaml_file(file)
    assert doc is None
    assert [f"{p.line}: {p.message}" for p in found] == [expected]


def test_front_matter_without_closing_line(tmp_path):
    file = tmp_path / "seite.md"
    file.write_text("---\ntitle: Seite\n\n# Seite\n", encoding="utf-8")
    doc, found = load_yaml_file(file, front_matter=True)
    assert [f"{p.line}: {p.message}" for p in found] == [
        "1: YAML-Fehler: der Kopfbereich (Front Matter) wird nicht mit --- geschlossen"
    ]


def test_lines_of_nested_fields():
    doc = parse_yaml(PROJECT, first_line=2)
    assert doc.line_of(("links", 0, "url")) == 9
    assert doc.line_of(("links", 0, "nothing")) == 8
    assert doc.line_of(("status",)) == 4
    assert doc.line_of(("unknown",)) == 2


def test_problems_name_their_file(tmp_path):
    doc = parse_yaml("navOrder: 3\n", first_line=2)
    _, found = validate(Page, doc, tmp_path / "seite.md")
    assert [p.path for p in found] == [tmp_path / "seite.md"]
    assert found[0].text() == "Feld „title“: Pflichtfeld fehlt"
    missing = tmp_path / "fehlt.yaml"
    assert [(p.path, p.line, p.text()) for p in load_yaml_file(missing)[1]] == [
        (missing, None, "Datei nicht gefunden")
    ]
    latin = tmp_path / "latin.yaml"
    latin.write_bytes("title: Bäume\n".encode("latin-1"))
    assert [(p.path, p.line, p.text()) for p in load_yaml_file(latin)[1]] == [
        (latin, None, "Datei ist nicht als UTF-8 gespeichert")
    ]
    broken = tmp_path / "kaputt.yaml"
    broken.write_text("a: b: c\n", encoding="utf-8")
    assert [p.path for p in load_yaml_file(broken)[1]] == [broken]


def test_invisible_control_character_is_named_with_its_line(tmp_path):
    file = tmp_path / "lab.yaml"
    file.write_text("\nname: x\ntitle: a\x07b\nc: d\ne: f\n", encoding="utf-8")
    _, found = load_yaml_file(file)
    assert [(p.line, p.text()) for p in found] == [
        (3, "YAML-Fehler: ein unsichtbares Steuerzeichen (Zeichencode 0x0007) steht in dieser "
         "Zeile; bitte die Zeile neu tippen")
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "front_matter", "end"),
    [
        ("---\ntitle: A\n---\n# A\n", {"title": "A"}, 2),
        ("---\ntitle: A\nnavOrder: 2\n---\n", {"title": "A", "navOrder": 2}, 3),
        ("---\n---\n# A\n", None, 1),
        ("  ---  \ntitle: A\n --- \n", {"title": "A"}, 2),
        ("# A\n---\ntitle: A\n---\n", "none", None),
        ("", "none", None),
        ("---\n", "unclosed", None),
    ],
)
def test_front_matter_between_the_first_two_lines_of_dashes(tmp_path, text, front_matter, end):
    from oklab.yamlsource import front_matter_end

    assert front_matter_end(text.splitlines()) == end
    file = tmp_path / "seite.md"
    file.write_text(text, encoding="utf-8")
    doc, found = load_yaml_file(file, front_matter=True)
    if front_matter == "none":
        assert (doc, found) == (None, [])
    elif front_matter == "unclosed":
        assert doc is None and found[0].line == 1
    else:
        assert found == [] and doc.data == front_matter and doc.first_line == 2


def test_web_addresses_and_repository_names():
    from oklab.models import is_web_address

    assert is_web_address("https://a.de") and is_web_address("http://a.de")
    assert not is_web_address("HTTPS://a.de") and not is_web_address("a.de")
    assert problems(Project, PROJECT.replace("https://example.org", "http://example.org")) == []
    assert problems(Project, PROJECT + "repo: open-data_api.v2\n") == []


def test_files_are_read_as_utf8_whatever_the_machine_locale(tmp_path):
    """An editor's machine with a non-UTF-8 locale (Windows, a bare POSIX shell) reads umlauts
    in the data file and in front matter all the same."""
    data = tmp_path / "lab.yaml"
    data.write_text("name: Straßenbäume\n", encoding="utf-8")
    page = tmp_path / "seite.md"
    page.write_text("---\ntitle: Über uns\n---\n", encoding="utf-8")
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from oklab.errors import load_yaml_file\n"
        "print(load_yaml_file(Path(sys.argv[1]))[0].data['name'])\n"
        "print(load_yaml_file(Path(sys.argv[2]), front_matter=True)[0].data['title'])\n"
    )
    ascii_locale = {
        **os.environ,
        "LC_ALL": "POSIX",
        "PYTHONUTF8": "0",
        "PYTHONCOERCECLOCALE": "0",
        "PYTHONIOENCODING": "utf-8",
        "PYTHONPATH": os.pathsep.join(sys.path),
    }
    done = subprocess.run(
        [sys.executable, "-c", script, data, page],
        env=ascii_locale,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert (done.returncode, done.stdout) == (0, "Straßenbäume\nÜber uns\n"), done.stderr
