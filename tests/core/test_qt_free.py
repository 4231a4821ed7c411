"""The core and the window-less commands never load PySide6."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import desktop.core

CHECK = """
import importlib, sys
for name in {modules!r}:
    importlib.import_module(name)
loaded = sorted(m for m in sys.modules if m.split('.')[0] == 'PySide6')
print(','.join(loaded))
"""


def _core_modules() -> list[str]:
    return [info.name for info in pkgutil.walk_packages(desktop.core.__path__, "desktop.core.")]


def test_core_imports_without_pyside6() -> None:
    """Guards DESIGN.md §5: every module of desktop.core imports with no PySide6 loaded."""
    modules = _core_modules()
    assert "desktop.core.corpus" in modules and "desktop.core.ingest.parse" in modules
    result = subprocess.run([sys.executable, "-c", CHECK.format(modules=modules)],
                            capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""


def test_show_command_loads_no_pyside6() -> None:
    """Guards the command-line contract: `concordia show` answers without importing Qt."""
    code = (
        "import sys\n"
        "from desktop.cli import main\n"
        "rc = main(['show', 'res74-178/19'])\n"
        "assert rc == 0, rc\n"
        "assert not [m for m in sys.modules if m.startswith('PySide6')], 'PySide6 loaded'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)
