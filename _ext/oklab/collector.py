"""Python's cycle collector during a build: the environment Sphinx loads is not walked again
and again.

An incremental build first loads the pickled environment (for a site with a thousand pages,
a few hundred thousand objects); every full collection of Python's garbage collector then
walks all of them, and with 500 projects and 500 posts these collections took about a sixth
of the time of adding one post. So, from this extension's setup until the environment is loaded
(``builder-inited``), full collections wait (young objects are still collected as usual);
then everything alive moves to the collector's permanent generation (``gc.freeze``), and later
collections walk only what the build itself creates. Nothing stays in memory that would not
without this: objects are freed when nothing refers to them; only reference cycles among the
frozen objects wait until the build has finished (``gc.unfreeze``).

When Python ends, it makes one last full collection of everything still alive; after a build
with the environment above that took about half a second (a fifth of adding one post) for
memory the operating system frees anyway. So everything alive is frozen once more when the
process ends (``atexit``, which runs before that collection); until then the collector is as
the build found it, for other code in the same process (the tests build in-process).
"""

from __future__ import annotations

import atexit
import gc

from sphinx.application import Sphinx

from . import __version__

NEVER = 2**30  # a threshold for full collections that a build does not reach
USUAL_FULL = 10  # Python's own (gc.get_threshold()[2])


def hold_full_collections(app: Sphinx) -> None:
    young, middle, full = gc.get_threshold()
    # (An earlier build in this process that stopped before its environment was loaded
    # left NEVER behind.)
    app.oklab_gc_threshold = (young, middle, USUAL_FULL if full == NEVER else full)
    gc.set_threshold(young, middle, NEVER)


def freeze_loaded(app: Sphinx) -> None:
    """After the environment is loaded: what is alive now is not walked again."""
    gc.freeze()
    gc.set_threshold(*app.oklab_gc_threshold)


def unfreeze(app: Sphinx, exception: Exception | None) -> None:
    gc.unfreeze()


def setup(app: Sphinx) -> dict:
    atexit.unregister(gc.freeze)  # once per process, however many builds it makes
    atexit.register(gc.freeze)
    hold_full_collections(app)
    app.connect("builder-inited", freeze_loaded, priority=0)
    app.connect("build-finished", unfreeze, priority=1000)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
