"""dev.py's setup steps are skipped when done: `start` after `test` (and the reverse, once
both ran) installs nothing, so a set-up tree starts and tests offline."""

from __future__ import annotations

import hashlib
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _dev(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[ModuleType, list[list[str]]]:
    """dev.py pointed at a project in tmp_path whose .venv exists; every command it would
    run is recorded instead (and succeeds), as with no network at all."""
    spec = importlib.util.spec_from_file_location("dev_under_test", ROOT / "dev.py")
    assert spec is not None and spec.loader is not None
    dev = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(dev)
    (tmp_path / "pyproject.toml").write_bytes((ROOT / "pyproject.toml").read_bytes())
    venv = tmp_path / ".venv"
    python = venv / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")
    python.parent.mkdir(parents=True)
    python.write_text("")
    monkeypatch.setattr(dev, "ROOT", tmp_path)
    monkeypatch.setattr(dev, "VENV", venv)
    monkeypatch.setattr(dev, "STAMP", venv / ".concordia-installed")
    ran: list[list[str]] = []
    monkeypatch.setattr(dev, "run", lambda command, **_: ran.append(command) or 0)
    return dev, ran


def test_start_after_test_installs_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    dev, ran = _dev(tmp_path, monkeypatch)
    dev.ensure_venv("dev,bundle")  # `dev.py test` on a fresh tree installs
    assert ran[-1][-1] == ".[bundle,dev]"
    ran.clear()
    capsys.readouterr()
    dev.ensure_venv("")  # `dev.py start` then
    dev.ensure_venv("dev,bundle")  # and `dev.py test` again
    assert ran == []
    assert capsys.readouterr().out == ""


def test_test_after_start_installs_once_keeping_what_start_had(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    dev, ran = _dev(tmp_path, monkeypatch)
    dev.ensure_venv("")
    assert ran[-1][-1] == "."
    ran.clear()
    dev.ensure_venv("dev,bundle")
    assert ran[-1][-1] == ".[bundle,dev]"
    ran.clear()
    for extras in ("", "dev,bundle", ""):
        dev.ensure_venv(extras)
    assert ran == []


def test_a_stamp_written_by_the_older_dev_py_is_still_understood(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A tree set up before the stamp listed its extras is not reinstalled either."""
    dev, ran = _dev(tmp_path, monkeypatch)
    pyproject = (tmp_path / "pyproject.toml").read_bytes()
    dev.STAMP.write_text(hashlib.sha256(pyproject + b"dev,bundle").hexdigest())
    dev.ensure_venv("")
    dev.ensure_venv("dev,bundle")
    assert ran == []


def test_a_changed_pyproject_reinstalls_with_the_extras_there_were(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    dev, ran = _dev(tmp_path, monkeypatch)
    dev.ensure_venv("dev,bundle")
    ran.clear()
    with (tmp_path / "pyproject.toml").open("a") as file:
        file.write("\n# a pin changed\n")
    dev.ensure_venv("")
    assert ran[-1][-1] == ".[bundle,dev]"


def test_bench_builds_the_missing_bundle_then_runs_every_benchmark(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`dev.py bench --quick` builds dist/Concordia when it is absent (the window benchmark
    measures it), then hands its arguments to `python -m benchmarks`; with the bundle there,
    it only runs the benchmarks."""
    dev, ran = _dev(tmp_path, monkeypatch)
    monkeypatch.setattr(dev, "ensure_system_packages", lambda packages: None)
    assert dev.bench(["--quick"]) == 0
    assert any(command[-1] == "build.spec" for command in ran)
    assert ran[-1][1:] == ["-m", "benchmarks", "--quick"]
    (tmp_path / "dist" / "Concordia").mkdir(parents=True)
    ran.clear()
    assert dev.bench(["window"]) == 0
    assert [command[1:] for command in ran] == [["-m", "benchmarks", "window"]]
