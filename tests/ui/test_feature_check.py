"""The quick answer to PySide6's per-module question is the same answer, from the file."""

from __future__ import annotations

import inspect
import json
import sys

import desktop.core.model
import desktop.ui.reading.document_view
from desktop.ui.feature_check import MARK, quicken


def test_the_quick_answer_is_pyside6s_answer() -> None:
    assert quicken()  # PySide6 is imported: the quick answer is in place, once
    assert quicken()
    feature = sys.modules["shibokensupport.feature"]
    quick = feature._mod_uses_pyside
    assert getattr(quick, MARK)
    for module, uses in ((desktop.ui.reading.document_view, True), (desktop.core.model, False),
                         (json, False), (sys, False)):
        assert quick(module) is uses, module.__name__
        try:
            expected = "PySide6" in inspect.getsource(module)
        except (TypeError, OSError):
            expected = False
        assert expected is uses, module.__name__
