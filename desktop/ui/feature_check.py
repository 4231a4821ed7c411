"""A quicker answer to the question PySide6 asks of every module imported after it.

PySide6 supports `from __feature__ import snake_case` per module; to know which modules may,
its import hook asks of each new module whether its source mentions "PySide6", through
`inspect.getsource` (finding the file, reading it into the line cache, splitting its lines):
about 0.1 ms a module, some 13 ms for the hundred-odd modules the window imports before its
first paint. The same question answered by reading the file's bytes takes a fraction of that,
and Concordia's own modules, which select no feature, need no answer read from their files.

The hook is PySide6's private `shibokensupport.feature._mod_uses_pyside` (PySide6 6.11, as
pinned); if it is not there, nothing is changed.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from types import ModuleType

MARK = "_concordia_quick"


OWN = "desktop"  # Concordia's package: it selects no __feature__ (tests/ui/test_feature_check.py)


def _quick(original: Callable[[ModuleType], bool]) -> Callable[[ModuleType], bool]:
    def uses_pyside(module: ModuleType) -> bool:
        name = getattr(module, "__name__", "")
        if name == OWN or name.startswith(OWN + "."):
            # The answer only decides whether a module's own `from __feature__ import …`
            # is honoured; ours has none, so PySide6 may ignore them (as it does in the bundle,
            # where they ship without source): no file read for them (~1 ms a start).
            return False
        file = getattr(module, "__file__", None)
        if isinstance(file, str) and file.endswith(".pyc"):
            # Loaded from bytecode alone, as in the frozen bundle: PySide6 finds no source
            # and answers False, after inspect has looked for the module among all the others
            # (a fraction of a millisecond each). The source, should one lie beside, decides.
            file = file[:-1]
            if not os.path.exists(file):
                return False
        if not isinstance(file, str) or not file.endswith(".py"):
            return original(module)  # built in, an extension or without a file: as PySide does
        try:
            with open(file, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            return original(module)

    setattr(uses_pyside, MARK, True)
    return uses_pyside


def quicken() -> bool:
    """Answer PySide6's question quickly from now on (once PySide6 is imported); True if the
    quick answer is in place."""
    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or not callable(original):
        return False
    if not getattr(original, MARK, False):
        feature._mod_uses_pyside = _quick(original)  # type: ignore[attr-defined]
    return True
