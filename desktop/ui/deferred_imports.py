"""Standard-library modules PySide6 imports as it loads but does not use until much later,
run when first used instead (~4 ms a start).

Importing PySide6 imports argparse and logging (for its stub generator), tempfile (shiboken's
package), shutil and the compression modules bz2 and lzma (beside zipfile, which it does use).
None of them is needed to put the window on screen. While PySide6 is imported (`deferred`),
these come as lazy modules (importlib.util.LazyLoader): the module object is there, its code
runs the first time one of its names is read. `load_deferred` runs whatever is still waiting;
the window calls it once built, on the main thread: before Python 3.13 a lazy module is not
safe to load from two threads at once, and by then no thread of the application has read one.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from importlib.machinery import ModuleSpec
from importlib.util import LazyLoader
from types import ModuleType

DEFERRED = ("argparse", "logging", "tempfile", "shutil", "bz2", "lzma")


class _Deferring:
    """A finder that asks the finders after it, then hands the module over lazily."""

    def __init__(self, names: Sequence[str]) -> None:
        self.names = frozenset(names)

    def find_spec(self, name: str, path: Sequence[str] | None,
                  target: ModuleType | None = None) -> ModuleSpec | None:
        if name not in self.names:
            return None
        for finder in sys.meta_path:
            if finder is self or not hasattr(finder, "find_spec"):
                continue
            spec = finder.find_spec(name, path, target)
            if spec is None:
                continue
            if spec.loader is None or not hasattr(spec.loader, "exec_module"):
                return spec  # a namespace or an old-style loader: as it is
            spec.loader = LazyLoader(spec.loader)
            return spec
        return None


@contextmanager
def deferred(names: Sequence[str] = DEFERRED) -> Iterator[None]:
    """While this lasts, importing one of `names` (not imported yet) gives a lazy module."""
    finder = _Deferring(names)
    sys.meta_path.insert(0, finder)
    try:
        yield
    finally:
        sys.meta_path.remove(finder)


def waiting(names: Sequence[str] = DEFERRED) -> list[str]:
    """Those of `names` imported lazily whose code has not run yet."""
    # A lazy module's class is LazyLoader's own until its code runs, then ModuleType again.
    return [name for name in names
            if name in sys.modules and type(sys.modules[name]) is not ModuleType]


def load_deferred(names: Sequence[str] = DEFERRED) -> None:
    """Run the code of every one of `names` still waiting."""
    for name in waiting(names):
        sys.modules[name].__name__  # noqa: B018 - reading any name runs the module's code
