"""The quick answer to PySide6's per-module question is its own answer, from the file; ours
are answered without one (they select no feature)."""

from __future__ import annotations

import inspect
import json
import sys
from pathlib import Path

import pytest
import pytestqt.qt_compat

import desktop
import desktop.ui.reading.document_view
from desktop.ui.feature_check import MARK, quicken


def test_the_quick_answer_is_pyside6s_answer() -> None:
    assert quicken()  # PySide6 is imported: the quick answer is in place, once
    assert quicken()
    feature = sys.modules["shibokensupport.feature"]
    quick = feature._mod_uses_pyside
    assert getattr(quick, MARK)
    for module, uses in ((json, False), (sys, False), (pytest, False), (pytestqt.qt_compat, True)):
        assert quick(module) is uses, module.__name__
        try:
            expected = "PySide6" in inspect.getsource(module)
        except (TypeError, OSError):
            expected = False
        assert expected is uses, module.__name__


def test_concordias_modules_select_no_feature_so_pyside6_may_ignore_them() -> None:
    """Ours are answered without reading their files: PySide6 ignores them (their feature
    selection, which none of them makes), as it does in the bundle, where they ship as
    bytecode alone. Were one to select a feature, its selection would go unheeded."""
    quicken()
    quick = sys.modules["shibokensupport.feature"]._mod_uses_pyside
    assert quick(desktop.ui.reading.document_view) is False
    assert "PySide6" in inspect.getsource(desktop.ui.reading.document_view)
    package = Path(desktop.__file__).parent
    selecting = [str(path.relative_to(package)) for path in package.rglob("*.py")
                 if "__feature__" in path.read_text(encoding="utf-8")
                 and path.name != "feature_check.py"]
    assert selecting == []


def test_a_module_loaded_from_bytecode_alone_gets_pyside6s_answer(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The frozen bundle holds bytecode only: PySide6 finds no source there and says False;
    the quick answer says so without asking inspect."""
    import importlib
    import py_compile

    assert quicken()
    quick = sys.modules["shibokensupport.feature"]._mod_uses_pyside
    source = tmp_path / "sourceless_probe.py"
    source.write_text("import PySide6  # named, but only the bytecode ships\n", encoding="utf-8")
    py_compile.compile(str(source), cfile=str(tmp_path / "sourceless_probe.pyc"))
    source.unlink()
    monkeypatch.syspath_prepend(str(tmp_path))
    module = importlib.import_module("sourceless_probe")
    try:
        assert module.__file__.endswith(".pyc")
        try:
            expected = "PySide6" in inspect.getsource(module)
        except (TypeError, OSError):
            expected = False
        assert quick(module) is expected is False
        # A source beside the bytecode decides, as it would for PySide6.
        source.write_text("import PySide6\n", encoding="utf-8")
        assert quick(module) is True
    finally:
        sys.modules.pop("sourceless_probe", None)
