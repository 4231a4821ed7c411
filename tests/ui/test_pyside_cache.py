"""PySide6's start-up compiling, answered from a cache: the same code and the same expressions
as compiling them gives, never a stale or damaged answer, and PySide6 works from it."""

from __future__ import annotations

import builtins
import marshal
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.ui import pyside_cache
from desktop.ui.pyside_cache import cached_while

ROOT = Path(__file__).resolve().parents[2]
REAL_COMPILE = builtins.compile
SUPPORT = "shibokensupport/probe.py"
EXPRESSIONS = [  # unlikely to be in re's own cache: each test purges it
    (r"(?P<name>\w+)\((?P<args>[^)]*)\)\s*->\s*(?P<result>[\w.]+)", 0),
    (r"^\s*class\s+(\w+)\s*(?:\((.*)\))?:", re.MULTILINE),
    (r"(?x) \[ ([^\]]*) \] | (\d+)", re.IGNORECASE),
]
SAMPLES = ["QWidget(parent) -> None", "  class QAction(QObject):", "[a, b] 42", "nothing",
           "ÉTAT(x) -> PySide6.QtCore.Qt"]


@pytest.fixture(autouse=True)
def _bytecode_written(monkeypatch: pytest.MonkeyPatch) -> None:
    """As on a reader's machine (this one may be told to write no bytecode)."""
    monkeypatch.setattr(sys, "dont_write_bytecode", False)


def _results(compiled: re.Pattern[str]) -> list[object]:
    found = []
    for sample in SAMPLES:
        match = compiled.search(sample)
        found.append(match and (match.span(), match.groups(), match.groupdict()))
        found.append(compiled.findall(sample))
    return found


def test_expressions_from_the_cache_are_the_expressions_compiled(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    re.purge()
    with cached_while(cache):
        first = [re.compile(pattern, flags) for pattern, flags in EXPRESSIONS]
    assert cache.exists()
    _, _, patterns = marshal.loads(cache.read_bytes())
    assert {(pattern, int(flags)) for pattern, flags in EXPRESSIONS} <= {
        (key[1], key[2]) for key in patterns}
    re.purge()
    with cached_while(cache):
        again = [re.compile(pattern, flags) for pattern, flags in EXPRESSIONS]
    re.purge()
    plain = [re.compile(pattern, flags) for pattern, flags in EXPRESSIONS]
    for cached, made, compiled in zip(again, first, plain, strict=True):
        assert cached is not compiled
        assert (cached.pattern, cached.flags, cached.groups, cached.groupindex) == (
            compiled.pattern, compiled.flags, compiled.groups, compiled.groupindex)
        assert _results(cached) == _results(compiled) == _results(made)


def test_a_source_is_compiled_from_the_cache_only_as_it_was(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    with cached_while(cache):
        code = builtins.compile("VALUE = 1\n", SUPPORT, "exec")
    with cached_while(cache):
        same = builtins.compile("VALUE = 1\n", SUPPORT, "exec")
        changed = builtins.compile("VALUE = 2\n", SUPPORT, "exec")
        other = builtins.compile("VALUE = 3\n", "elsewhere.py", "exec")
    for compiled, value in ((code, 1), (same, 1), (changed, 2), (other, 3)):
        space: dict[str, object] = {}
        exec(compiled, space)  # the code compiled just above
        assert space["VALUE"] == value
    assert same is not code and same == code  # read back from the file, equal
    keys = marshal.loads(cache.read_bytes())[1]
    assert {key[0] for key in keys} == {SUPPORT}  # a file of ours is none of its business
    assert builtins.compile is REAL_COMPILE and re._compile.__module__ == "re"  # put back


@pytest.mark.parametrize("content", [b"", b"not marshal at all", b"\xe3\x00\x01",
                                     marshal.dumps(("another", {}, {})),
                                     marshal.dumps("a string")])
def test_a_damaged_or_foreign_cache_is_compiled_again_and_replaced(
        tmp_path: Path, content: bytes) -> None:
    cache = tmp_path / "cache"
    cache.write_bytes(content)
    with cached_while(cache):
        code = builtins.compile("VALUE = 4\n", SUPPORT, "exec")
    space: dict[str, object] = {}
    exec(code, space)
    assert space["VALUE"] == 4
    header, kept, _ = marshal.loads(cache.read_bytes())
    assert header == pyside_cache._header() and len(kept) == 1


def test_a_cache_made_by_another_python_is_not_used(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    with cached_while(cache):
        builtins.compile("VALUE = 5\n", SUPPORT, "exec")
    header, kept, patterns = marshal.loads(cache.read_bytes())
    wrong = builtins.compile("VALUE = 6\n", SUPPORT, "exec")
    kept = {key: wrong for key in kept}  # what another Python might have made of it
    cache.write_bytes(marshal.dumps(((*header[:1], "3.99.0", *header[2:]), kept, patterns)))
    with cached_while(cache):
        code = builtins.compile("VALUE = 5\n", SUPPORT, "exec")
    space: dict[str, object] = {}
    exec(code, space)
    assert space["VALUE"] == 5


def test_nothing_is_written_where_python_writes_no_bytecode(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    cache = tmp_path / "cache"
    with cached_while(cache):
        builtins.compile("VALUE = 7\n", SUPPORT, "exec")
    assert not cache.exists()


def test_an_unwritable_place_costs_the_cache_only(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the folder would be", encoding="utf-8")
    with cached_while(blocker / "cache"):
        code = builtins.compile("VALUE = 8\n", SUPPORT, "exec")
    assert blocker.read_text(encoding="utf-8") == "a file where the folder would be"
    assert list(tmp_path.iterdir()) == [blocker]
    assert code.co_filename == SUPPORT


def test_the_cache_lies_beside_pythons_bytecode(monkeypatch: pytest.MonkeyPatch,
                                               tmp_path: Path) -> None:
    monkeypatch.setattr(sys, "pycache_prefix", str(tmp_path))
    assert pyside_cache.cache_file().parent == tmp_path / "concordia"
    monkeypatch.setattr(sys, "pycache_prefix", None)
    assert pyside_cache.cache_file().parent == ROOT / "desktop" / "__pycache__"
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert pyside_cache.cache_file() == tmp_path / pyside_cache.FILE_NAME


# A start as the window's: PySide6 imported inside cached_while, then used. It prints how many
# of shiboken's sources and of the expressions reached the real compilers (an expression
# already in re's own cache does not).
_START = """
import builtins, re, sys
counts = {"sources": 0, "expressions": 0}
real_compile, real_patterns = builtins.compile, re._compiler.compile
def counting_compile(source, filename, *rest, **options):
    if isinstance(filename, str) and filename.startswith("shibokensupport/"):
        counts["sources"] += 1
    return real_compile(source, filename, *rest, **options)
def counting_patterns(pattern, flags):
    counts["expressions"] += 1
    return real_patterns(pattern, flags)
builtins.compile, re._compiler.compile = counting_compile, counting_patterns
from desktop.ui.pyside_cache import cached_while
with cached_while():
    from PySide6.QtWidgets import QApplication, QLabel
at_import = dict(counts)
app = QApplication([])
label = QLabel("Our joint commitment")
try:  # the message comes from shiboken's support modules (the signatures' parser)
    label.setText(5)
except TypeError as error:
    told = str(error).splitlines()[-1].strip()
print(at_import["sources"], at_import["expressions"], label.text(), "|", told)
"""


def test_the_second_start_compiles_none_of_pysides_sources(tmp_path: Path) -> None:
    env = dict(os.environ, PYTHONPYCACHEPREFIX=str(tmp_path), QT_QPA_PLATFORM="offscreen",
               PYTHONPATH=str(ROOT))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    runs = [subprocess.run([sys.executable, "-c", _START], env=env, capture_output=True,
                           text=True, check=False, timeout=120) for _ in range(2)]
    for run in runs:
        assert run.returncode == 0, run.stderr
    first, second = (run.stdout.split(maxsplit=2) for run in runs)
    assert int(first[0]) >= 10 and int(first[1]) >= 10  # compiled, then kept
    assert second[:2] == ["0", "0"]
    assert second[2] == first[2]
    text, signature = second[2].strip().split(" | ")
    assert text == "Our joint commitment"
    assert signature == "PySide6.QtWidgets.QLabel.setText(arg__1: str, /)"
    assert (tmp_path / "concordia" / f"{pyside_cache.FILE_NAME}."
            f"{sys.implementation.cache_tag}").exists()


PROBE_MODULE = '''import re
NUMBERED = re.compile(
    r"(?P<number>\\d+)\\.\\s+(?P<verb>[A-Z][a-z]+)(?:\\s+\\((?P<letter>[a-z])\\))?")
'''


def test_modules_loaded_after_the_first_paint_compile_their_expressions_once(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The window's later modules load a step each (desktop.ui.startup.loading): what they
    compile is kept in the second file once the window says so, and a later start's steps
    take it from there without compiling, with the same results."""
    from desktop.ui import startup

    (tmp_path / "probe_after_paint.py").write_text(PROBE_MODULE, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    cache = tmp_path / "after-paint"
    kept = pyside_cache.Kept(cache)
    monkeypatch.setattr(startup, "AFTER_PAINT", kept)
    re.purge()
    for step in startup.loading("probe_after_paint"):
        step()
    assert not cache.exists()  # saved when the window is built, not at every step
    kept.save()
    _, code, patterns = marshal.loads(cache.read_bytes())
    probe = sys.modules.pop("probe_after_paint")
    assert code == {} and ("str", probe.NUMBERED.pattern, 0) in patterns

    def not_compiled(*arguments: object) -> object:
        raise AssertionError(f"compiled again: {arguments}")

    monkeypatch.setattr(startup, "AFTER_PAINT", pyside_cache.Kept(cache))
    re.purge()
    with monkeypatch.context() as inside:
        inside.setattr(re._compiler, "compile", not_compiled)  # type: ignore[attr-defined]
        for step in startup.loading("probe_after_paint"):
            step()
    again = sys.modules.pop("probe_after_paint").NUMBERED
    for sample in ("12. Urges (b) Member States", "7. Invites", "no number", "3.  Decides"):
        found, expected = again.search(sample), probe.NUMBERED.search(sample)
        assert (found and found.groupdict()) == (expected and expected.groupdict())


def test_the_window_keeps_its_later_modules_expressions_once_built(tmp_path: Path) -> None:
    """`concordia` (here taking a screenshot, which waits until the window is built) leaves
    the second file beside Python's bytecode."""
    env = dict(os.environ, PYTHONPYCACHEPREFIX=str(tmp_path / "pycache"),
               QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    run = subprocess.run([sys.executable, "-m", "desktop", "--data-dir", str(tmp_path / "data"),
                          "--screenshot", str(tmp_path / "shot.png")], env=env, cwd=ROOT,
                         capture_output=True, text=True, check=False, timeout=120)
    assert run.returncode == 0, run.stderr
    kept = (tmp_path / "pycache" / "concordia"
            / f"{pyside_cache.PATTERNS_FILE_NAME}.{sys.implementation.cache_tag}")
    header, _, patterns = marshal.loads(kept.read_bytes())
    assert header == pyside_cache._header() and len(patterns) >= 20
