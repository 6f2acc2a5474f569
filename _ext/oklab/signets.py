"""Every project's signet: a small drawn picture next to its title, on its card and its page.

Which picture a project shows:

1. its own local ``image:`` (front matter), which wins: the card and the facts box show it
   (``projects``), and no signet is added;
2. otherwise the signet of its first topic (``tags``) that has one, a file in
   ``_static/signets/`` named after the topic: lower case, ä → ae, ö → oe, ü → ue, ß → ss,
   anything else but letters and digits → ``-`` (``Mobilität`` → ``mobilitaet.svg``);
3. otherwise the general signet ``_static/signets/projekt.svg``.

So an editor who adds a project without a picture still gets a fitting one.

Signets are inlined into the page (no request per card) and drawn in ``currentColor``: the
stylesheet colours them from the palette, in light and dark mode. They stand next to the
project's title, which says what they show, so they are decorative for screen readers
(``aria-hidden``) and add nothing to the title's text (``astext()`` is empty: page titles,
tables of contents and descriptions stay clean). Each file is checked at every build: at most
1 KB, and a plain drawing (shapes only: no script, style, image, text or link).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from xml.etree import ElementTree

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from . import __version__, messages
from .errors import Problem, report

FOLDER = "_static/signets"
GENERAL = "projekt"  # the signet of a project without a topic that has one
MAX_BYTES = 1024
SVG_NAMESPACE = "{http://www.w3.org/2000/svg}"
SHAPES = frozenset({"g", "path", "circle", "ellipse", "rect", "line", "polyline", "polygon"})
_FOLD = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


class signet(nodes.General, nodes.Inline, nodes.Element):  # noqa: N801 (docutils' node names)
    """A signet before a title. Its SVG markup is in ``node["svg"]``; its text is empty."""

    def astext(self) -> str:
        return ""


def visit_signet_html(translator, node: signet) -> None:
    translator.body.append(node["svg"])
    raise nodes.SkipNode


def skip_signet(translator, node: signet) -> None:
    raise nodes.SkipNode


def file_name(topic: str) -> str:
    """``Mobilität`` -> ``mobilitaet``: the name of a topic's signet file (without ``.svg``)."""
    return re.sub(r"[^a-z0-9]+", "-", topic.casefold().translate(_FOLD)).strip("-")


def choose(topics: Sequence[str], available: set[str] | dict) -> str | None:
    """The signet for a project with ``topics``: its first topic that has one, or the general
    signet (``None`` where the site has no signets at all, such as a small test project)."""
    for topic in topics:
        if file_name(topic) in available:
            return file_name(topic)
    return GENERAL if GENERAL in available else None


# -- The files ----------------------------------------------------------------------------------


def problem_with(path: Path) -> str | None:
    """What is wrong with the signet file ``path`` (German, for editors), or ``None``."""
    data = path.read_bytes()
    if len(data) > MAX_BYTES:
        return messages.SIGNET_TOO_LARGE.format(size=len(data), limit=MAX_BYTES)
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as error:
        return messages.SIGNET_NOT_SIMPLE.format(problem=f"kein gültiges SVG ({error})")
    if root.tag != f"{SVG_NAMESPACE}svg" or "viewBox" not in root.attrib:
        return messages.SIGNET_NOT_SIMPLE.format(problem="kein <svg> mit viewBox")
    for element in root.iter():
        name = element.tag.removeprefix(SVG_NAMESPACE)
        if element is not root and name not in SHAPES:
            return messages.SIGNET_NOT_SIMPLE.format(problem=f"<{name}>")
        for attribute in element.attrib:
            if (
                attribute.startswith("on")
                or attribute in ("style", "class", "id")
                or (attribute.endswith("href"))
            ):
                return messages.SIGNET_NOT_SIMPLE.format(problem=f"Attribut {attribute}")
    return None


def inline_markup(path: Path, name: str) -> str:
    """The file's SVG as it goes into the page: decorative, with the classes the stylesheet
    sizes and colours (``oklab-signet``, and ``oklab-signet-<name>`` to tell them apart)."""
    svg = path.read_text(encoding="utf-8").strip()
    svg = svg.replace(' xmlns="http://www.w3.org/2000/svg"', "", 1)  # implied in HTML
    attributes = f'class="oklab-signet oklab-signet-{name}" aria-hidden="true"'
    return svg.replace("<svg", f"<svg {attributes}", 1)


def load_signets(app: Sphinx) -> None:
    """Check every signet file and keep the usable ones (name -> markup) for this build."""
    folder = Path(app.srcdir, FOLDER)
    signets, problems = {}, []
    for path in sorted(folder.glob("*.svg")) if folder.is_dir() else []:
        problem = problem_with(path)
        if problem is None:
            signets[path.stem] = inline_markup(path, path.stem)
        else:
            problems.append(Problem(path, 1, problem))  # the whole file: its first line
    report(app, problems)
    env = app.env
    env.oklab_signets_changed = sorted(signets) != getattr(env, "oklab_signet_names", None)
    env.oklab_signet_names = sorted(signets)
    env.oklab_signets = signets


def read_all_if_signets_changed(app: Sphinx, env: BuildEnvironment, *changes) -> list[str]:
    """A signet added or removed can change any project's picture: read every page again
    (a changed file only rebuilds the pages that show it, see ``signet_for``)."""
    return sorted(env.found_docs) if env.oklab_signets_changed else []


def signet_for(env: BuildEnvironment, topics: Sequence[str]) -> signet | None:
    """The signet node for a project with ``topics`` (rebuilt when its file changes)."""
    signets = getattr(env, "oklab_signets", {})
    name = choose(topics, signets)
    if name is None:
        return None
    env.note_dependency(str(Path(env.srcdir, FOLDER, f"{name}.svg")))
    return signet(svg=signets[name], name=name)


def setup(app: Sphinx) -> dict:
    skip = (skip_signet, None)
    app.add_node(
        signet,
        html=(visit_signet_html, None),
        latex=skip,
        text=skip,
        man=skip,
        texinfo=skip,
    )
    app.connect("builder-inited", load_signets)
    app.connect("env-get-outdated", read_all_if_signets_changed)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
