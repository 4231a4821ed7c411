"""The standard-library modules PySide6 imports but does not use at start-up run when first used,
and are all loaded once the window is built."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from desktop.ui import deferred_imports
from desktop.ui.deferred_imports import DEFERRED

ROOT = Path(__file__).resolve().parents[2]


_PROBE = """
import sys
from desktop.ui.deferred_imports import deferred, load_deferred, waiting
sys.path.insert(0, sys.argv[1])
with deferred(["probe_a", "probe_b"]):
    import probe_a, probe_b
print("imported", waiting(["probe_a", "probe_b"]))
print("answer", probe_a.ANSWER)
print("then", waiting(["probe_a", "probe_b"]))
load_deferred(["probe_a", "probe_b"])
print("loaded", waiting(["probe_a", "probe_b"]), probe_b.ANSWER)
import probe_c  # after the block: as before
"""


def test_a_deferred_module_runs_when_first_read(tmp_path: Path) -> None:
    for name in ("probe_a", "probe_b", "probe_c"):
        (tmp_path / f"{name}.py").write_text(f"print('{name} ran')\nANSWER = 42\n",
                                             encoding="utf-8")
    run = subprocess.run([sys.executable, "-c", _PROBE, str(tmp_path)],
                         env=dict(os.environ, PYTHONPATH=str(ROOT)), capture_output=True,
                         text=True, check=False, timeout=60)
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines() == [
        "imported ['probe_a', 'probe_b']",  # imported, their code not run
        "probe_a ran",  # when first read, and only that one
        "answer 42",
        "then ['probe_b']",
        "probe_b ran",
        "loaded [] 42",
        "probe_c ran",
    ]
    assert not any(isinstance(finder, deferred_imports._Deferring) for finder in sys.meta_path)


_PYSIDE = """
import sys
from desktop.ui.deferred_imports import DEFERRED, deferred, load_deferred, waiting
before = [name for name in DEFERRED if name in sys.modules]
with deferred():
    from PySide6.QtWidgets import QApplication, QLabel
lazy = waiting()
app = QApplication([])
label = QLabel("Our joint commitment")
try:  # shiboken's support modules still answer a wrong call
    label.setText(5)
except TypeError as error:
    told = str(error).splitlines()[-1].strip()
load_deferred()
import argparse, logging, shutil, tempfile
with tempfile.TemporaryDirectory() as folder:
    open(folder + "/note", "w").write("kept")
    shutil.copyfile(folder + "/note", folder + "/copy")
    assert open(folder + "/copy").read() == "kept"
print(",".join(before), "|", ",".join(lazy), "|", ",".join(waiting()), "|",
      argparse.ArgumentParser(prog="concordia").prog, logging.getLogger("x").name, "|", told)
"""


def test_pyside_imports_them_lazily_and_they_work_once_loaded() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    run = subprocess.run([sys.executable, "-c", _PYSIDE], env=env, capture_output=True,
                         text=True, check=False, timeout=120)
    assert run.returncode == 0, run.stderr
    before, lazy, left, names, told = (part.strip() for part in run.stdout.split("|"))
    already = set(before.split(",")) - {""}
    assert lazy.split(",") == [name for name in DEFERRED if name not in already]
    assert "shutil" in lazy and "tempfile" in lazy  # what PySide6 imports, not yet run
    assert left == ""
    assert names == "concordia x"
    assert told == "PySide6.QtWidgets.QLabel.setText(arg__1: str, /)"


_WINDOW = """
import sys
from desktop.ui import app, deferred_imports
show, made = app._show, []
def showing(*args):  # the window is made, its first paint to come
    made.append(deferred_imports.waiting())
    return show(*args)
app._show = showing
from desktop.cli import main
code = main(["--data-dir", sys.argv[1], "--screenshot", sys.argv[2]])
print(code, "|", ",".join(made[0]), "|", ",".join(deferred_imports.waiting()))
"""


def test_the_window_loads_them_once_built(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    shot = tmp_path / "window.png"
    run = subprocess.run([sys.executable, "-c", _WINDOW, str(tmp_path / "data"), str(shot)],
                         env=env, capture_output=True, text=True, check=False, timeout=120)
    assert run.returncode == 0, run.stderr
    code, waited, left = (part.strip() for part in run.stdout.splitlines()[-1].split("|"))
    assert code == "0"
    assert "shutil" in waited.split(",")  # not run for the window's first paint
    assert left == ""
    assert shot.stat().st_size > 10_000
