"""Files the site makes from what it knows (generated pages, calendar files) are written again
only when what they show changed, so an incremental build (``make serve``) stays fast with
hundreds of posts.

``WrittenBefore`` is a record in the doctree folder (Sphinx's cache, never published): for each
file, a digest of the signature it was last written from. A signature is whatever the file
shows, cheap to compute (``repr()`` must be stable). A file is written again when its signature
differs from the record's, when it is missing from the output, and always

- after a clean build (``-E``) or a changed configuration (``conf.py``, ``_data/lab.yaml``),
  when Sphinx reads every page again;
- after changed HTML options (``-D oklab_live_reload=0`` after a preview build into the same
  folder): Sphinx then writes every page again and records the options in the output's
  ``.buildinfo``, which the record keeps and compares;
- after a change to this extension's code (the newest modification time of its modules),
  which may change what any of these files looks like;
- after a change to the interface catalog of the build's language
  (``locales/<language>/LC_MESSAGES/sphinx.po``): labels, headings and sentences the site
  writes into these files come from it. (A page's own catalog translates its front matter,
  which the signatures hold already.)

Files that are cheap to make (feeds, exports, the sitemap) are made on every build and written
only when their content changed (``write_if_changed``): their date stays, and web servers and
caches see no change.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.environment import CONFIG_OK

BUILD_INFO = ".buildinfo"  # Sphinx's record of the HTML options, in the output folder
CODE = Path(__file__).parent  # this extension's modules
INTERFACE_CATALOG = "sphinx.po"  # templates, Python, lab data (``translations``)


def _made_with(app: Sphinx) -> list | None:
    """What every file depends on: the HTML options (``None`` if Sphinx has not recorded them
    yet), the newest change to the extension's code and to the interface catalog."""
    try:
        options = (Path(app.outdir) / BUILD_INFO).read_text(encoding="utf-8")
    except OSError:
        return None
    code = max(module.stat().st_mtime_ns for module in CODE.glob("*.py"))
    return [options, code, _interface_catalogs(app)]


def _interface_catalogs(app: Sphinx) -> list[int | None]:
    """The modification time of each ``sphinx.po`` of the build's language (None: none)."""
    config, stamps = app.config, []
    for folder in config.locale_dirs:
        catalog = Path(app.srcdir, folder, config.language, "LC_MESSAGES", INTERFACE_CATALOG)
        try:
            stamps.append(catalog.stat().st_mtime_ns)
        except OSError:
            stamps.append(None)
    return stamps


class WrittenBefore:
    """What the last successful build wrote (``name``: the record's file), and this one."""

    def __init__(self, app: Sphinx, name: str) -> None:
        self.app = app
        self.file = Path(app.doctreedir) / name
        self.before = self._load() if app.env.config_status == CONFIG_OK else {}
        self.now: dict[str, str] = {}

    def _load(self) -> dict[str, str]:
        try:
            record = json.loads(self.file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        made_with = _made_with(self.app)
        if (
            not isinstance(record, dict)
            or made_with is None
            or record.get("made_with") != made_with
        ):
            return {}
        return record.get("files", {})

    def unchanged(self, key: str, signature: object, output: Path) -> bool:
        """Whether the last build wrote ``output`` (named ``key``) from the same signature and
        it is still there; either way this build records the signature."""
        digest = hashlib.sha256(repr(signature).encode("utf-8")).hexdigest()
        self.now[key] = digest
        return self.before.get(key) == digest and output.is_file()

    def save(self) -> None:
        """After a successful build: what it wrote, for the next one to compare with."""
        # Read now: Sphinx writes .buildinfo at the end of a build into an empty folder.
        record = {"made_with": _made_with(self.app), "files": self.now}
        self.file.write_text(json.dumps(record, indent=0, sort_keys=True), encoding="utf-8")


def write_if_changed(path: Path, content: bytes) -> None:
    """Write ``content`` to ``path`` unless the file holds exactly that already."""
    if not path.exists() or path.read_bytes() != content:
        path.write_bytes(content)
