"""The news as feeds for feed readers: ``neuigkeiten/atom.xml`` (Atom) and
``neuigkeiten/rss.xml`` (RSS 2.0), written with ``feedgen`` when the build has finished, and
``<link rel="alternate">`` to both in the head of every page.

- Addresses are absolute, from the canonical base (``urls.site_url``); a site without one, or
  without a news overview, has no feeds.
- Entries: the newest ``oklab_feed_entries`` posts, newest first, each with title, link,
  summary, date (midnight of the post's date in the lab's time zone), categories (its tags)
  and its author where it names one. An entry's id is the post's canonical address.
- Byte-identical from build to build: the feed's date (Atom ``updated``, RSS
  ``lastBuildDate``) is the newest post's, never the clock's; a file whose content did not
  change is not written again (``unchanged.write_if_changed``).
- ``{neuigkeiten-abonnieren}``: buttons to both feeds.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from docutils import nodes
from feedgen.feed import FeedGenerator
from sphinx.application import Sphinx
from sphinx.builders.html import StandaloneHTMLBuilder
from sphinx.util.docutils import SphinxDirective

from . import __version__
from .cards import action_button
from .escape import html_attribute
from .frontmatter import page_meta
from .i18n import _
from .labdata import lab
from .news import overview, post_docnames, summary
from .unchanged import write_if_changed
from .urls import output_file_reference, site_url

FORMATS = {  # file name -> (media type, label)
    "atom.xml": ("application/atom+xml", "Atom"),
    "rss.xml": ("application/rss+xml", "RSS"),
}


def feed_file(config, name: str) -> str:
    """``neuigkeiten/atom.xml``: a feed's path in the output."""
    return f"{config.oklab_news_folder}/{name}"


def has_feeds(app: Sphinx) -> bool:
    return site_url(app.config) is not None and overview(app.config) in app.env.found_docs


def feed_title(app: Sphinx) -> str:
    return _("{lab}: Neuigkeiten").format(lab=_lab_name(app))


def _lab_name(app: Sphinx) -> str:
    data = lab(app.config)
    return data.name if data is not None else app.config.project


def _zone(app: Sphinx) -> ZoneInfo:
    data = lab(app.config)
    return ZoneInfo(data.meeting.timezone if data is not None else "Europe/Berlin")


def build_feed(app: Sphinx, self_url: str) -> FeedGenerator:
    """The newest posts as the feed at ``self_url``."""
    config, env = app.config, app.env
    base = site_url(config)
    zone = _zone(app)
    posts = post_docnames(env)[: config.oklab_feed_entries]

    def address(docname: str) -> str:
        return base + app.builder.get_target_uri(docname)

    def published(docname: str) -> datetime:
        return datetime.combine(page_meta(env, docname).date, datetime.min.time(), tzinfo=zone)

    feed = FeedGenerator()
    feed.id(address(overview(config)))
    feed.title(feed_title(app))
    data = lab(config)
    feed.description(data.tagline if data is not None else feed_title(app))  # Atom: subtitle
    feed.author({"name": _lab_name(app)})
    feed.link(href=self_url, rel="self")
    feed.link(href=address(overview(config)), rel="alternate")  # the last: RSS's <link>
    feed.language(config.language or "de")
    stamp = published(posts[0]) if posts else datetime(2000, 1, 1, tzinfo=zone)
    feed.updated(stamp)
    feed.lastBuildDate(stamp)
    for docname in posts:
        page = page_meta(env, docname)
        entry = feed.add_entry(order="append")
        entry.id(address(docname))
        entry.guid(address(docname), permalink=True)
        entry.title(page.title)
        entry.link(href=address(docname))
        if text := summary(env, docname):
            entry.summary(text)  # RSS: description
        entry.published(published(docname))
        entry.updated(published(docname))
        for tag in page.tags:
            entry.category(term=tag)
        if page.author:
            entry.author({"name": page.author})
    return feed


def write_feeds(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or not isinstance(app.builder, StandaloneHTMLBuilder):
        return
    if not has_feeds(app):
        return
    for name in FORMATS:
        feed = build_feed(app, site_url(app.config) + feed_file(app.config, name))
        file = Path(app.outdir) / feed_file(app.config, name)
        file.parent.mkdir(parents=True, exist_ok=True)
        content = feed.atom_str(pretty=True) if name == "atom.xml" else feed.rss_str(pretty=True)
        write_if_changed(file, content)


def add_discovery_links(app: Sphinx, pagename: str, templatename: str, context: dict, doctree):
    """``<link rel="alternate" type="application/atom+xml" …>`` in every page's head."""
    if not isinstance(app.builder, StandaloneHTMLBuilder) or not has_feeds(app):
        return
    base = site_url(app.config)
    tags = ""
    for name, (media_type, label) in FORMATS.items():
        title = html_attribute(f"{feed_title(app)} ({label})")
        href = html_attribute(base + feed_file(app.config, name))
        tags += f'<link rel="alternate" type="{media_type}" title="{title}" href="{href}" />\n'
    context["metatags"] = context.get("metatags", "") + tags


class FeedButtons(SphinxDirective):
    """``{neuigkeiten-abonnieren}``: both feeds as buttons."""

    def run(self) -> list[nodes.Node]:
        buttons = []
        for name, (_media_type, label) in FORMATS.items():
            link = output_file_reference(feed_file(self.config, name), "", classes=["oklab-feed"])
            label = _("{format}-Feed").format(format=label)
            buttons.append(action_button(link, "rss", label, primary=False))
        # Already in the reader's language (the interface catalog): not a text of the page.
        row = nodes.paragraph(classes=["oklab-cta-row"], translatable=False)
        row += [buttons[0], nodes.Text(" "), *buttons[1:]]
        return [row]


def setup(app: Sphinx) -> dict:
    app.setup_extension("oklab.news")
    app.add_config_value("oklab_feed_entries", 20, "env", types=[int])
    app.add_directive("neuigkeiten-abonnieren", FeedButtons)
    app.connect("html-page-context", add_discovery_links)
    app.connect("build-finished", write_feeds)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
