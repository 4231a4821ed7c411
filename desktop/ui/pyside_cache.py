"""PySide6's own start-up work, done once and kept, as Python keeps compiled bytecode.

Importing PySide6 runs shiboken's signature support: thirteen modules held as source inside
libshiboken and compiled anew at every start (~14 ms here), whose bodies then compile some
twenty regular expressions (~11 ms). Python caches neither: its bytecode cache covers files
on disk, its regular-expression cache lives as long as the process. While PySide6 is
imported (`cached_while`), those compilations are answered from one cache file written the
first time: code objects keyed by the exact source they came from, and the compiled
expressions' programs (what `re` hands to `_sre.compile`) keyed by pattern and flags. Both
are what this Python would make of that input, so the file is valid for this Python build
alone (its header says which). Whatever is not in it is compiled as before and added.

The file lies where Python keeps its own bytecode (`sys.pycache_prefix`, else the package's
`__pycache__`), and is not written where Python would not write bytecode either; the frozen
bundle ships one made at build time (build.spec).

The modules the window loads after its first paint compile ~6 ms of expressions more (~15 ms
at a first start, most of it one of sqlite-utils'), each in a turn a key or a scroll may wait
for: `AFTER_PAINT` answers those from a second file, read at the first of them (not before
the first paint, which the first file is) and saved once the window is built.
"""

from __future__ import annotations

import builtins
import marshal
import os
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from types import CodeType
from typing import Any

FILE_NAME = "pyside-startup.cache"
PATTERNS_FILE_NAME = "after-paint-patterns.cache"  # the expressions of the later modules
FORMAT = 1
# The sources compiled: shiboken's support modules, and the short expressions the typing
# module compiles for the signatures' forward references.
COMPILED = ("shibokensupport/", "signature_bootstrap", "<string>")


def _header() -> tuple[object, ...]:
    import _sre

    return (FORMAT, sys.version, sys.implementation.cache_tag, _sre.MAGIC, _sre.CODESIZE)


def shipped_file(name: str = FILE_NAME) -> Path | None:
    """The cache the frozen bundle carries (read-only); None when running from source."""
    root = getattr(sys, "_MEIPASS", None)
    return Path(root) / name if root else None


def cache_file(name: str = FILE_NAME) -> Path:
    """Where this Python keeps the cache: beside its bytecode."""
    shipped = shipped_file(name)
    if shipped is not None:
        return shipped
    tag = sys.implementation.cache_tag
    prefix = sys.pycache_prefix
    if prefix:
        return Path(prefix) / "concordia" / f"{name}.{tag}"
    return Path(__file__).resolve().parent.parent / "__pycache__" / f"{name}.{tag}"


class _Cache:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.code: dict[tuple[str, str, int, int], Any] = {}
        self.patterns: dict[tuple[str, str | bytes, int], tuple[Any, ...]] = {}
        self.added = False
        try:
            data = marshal.loads(path.read_bytes())
        except (OSError, EOFError, ValueError, TypeError):
            return  # none yet, unreadable or damaged: everything is compiled and kept anew
        if (isinstance(data, tuple) and len(data) == 3 and data[0] == _header()
                and isinstance(data[1], dict) and isinstance(data[2], dict)):
            self.code, self.patterns = data[1], data[2]

    def save(self) -> None:
        """Written whole to a file beside, then put in place: a reader never sees half."""
        if not self.added or sys.dont_write_bytecode or shipped_file() is not None:
            return
        temporary = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            temporary.write_bytes(marshal.dumps((_header(), self.code, self.patterns)))
            os.replace(temporary, self.path)
        except (OSError, ValueError):
            # As with Python's bytecode: a cache that cannot be written is compiled next time.
            with suppress(OSError):  # there may be no folder to write it in
                temporary.unlink(missing_ok=True)


def _checksum(source: str | bytes) -> int:
    import zlib

    return zlib.crc32(source.encode("utf-8", "surrogatepass") if isinstance(source, str)
                      else source)


def _cached_compile(cache: _Cache, compile_: Callable[..., Any]) -> Callable[..., Any]:
    def compile(source: Any, filename: Any, mode: str, *rest: Any, **options: Any) -> Any:
        if (rest or options or not isinstance(filename, str)
                or not filename.startswith(COMPILED)
                or not isinstance(source, str | bytes)):
            return compile_(source, filename, mode, *rest, **options)
        key = (filename, mode, len(source), _checksum(source))
        code = cache.code.get(key)
        if not isinstance(code, CodeType):
            code = compile_(source, filename, mode)
            cache.code[key] = code
            cache.added = True
        return code

    return compile


class _Recorder:
    """Stands for `_sre` inside re's compiler while one expression is compiled, to keep
    the program it hands over."""

    def __init__(self, sre: Any) -> None:
        self._sre = sre
        self.last: tuple[Any, ...] | None = None

    def __getattr__(self, name: str) -> Any:
        return getattr(self._sre, name)

    def compile(self, *arguments: Any) -> Any:
        self.last = arguments
        return self._sre.compile(*arguments)


def _cached_patterns(cache: _Cache, compile_: Callable[..., Any]) -> Callable[..., Any]:
    import _sre

    compiler = getattr(re, "_compiler", None)

    def compile(pattern: Any, flags: Any) -> Any:
        flags = int(flags)
        if not isinstance(pattern, str | bytes) or compiler is None:
            return compile_(pattern, flags)
        key = (type(pattern).__name__, pattern, flags)
        arguments = cache.patterns.get(key)
        if isinstance(arguments, tuple):
            try:
                return _sre.compile(*arguments)
            except (TypeError, ValueError, RuntimeError):
                pass  # a damaged entry: compiled again below, and kept
        recorder = _Recorder(_sre)
        compiler._sre = recorder
        try:
            compiled = compile_(pattern, flags)
        finally:
            compiler._sre = _sre
        kept = recorder.last
        # (pattern, flags, program, groups, group index, index group), as Python 3.11-3.13
        # hand them over; kept only when they are this pattern's (not re's own cache's
        # answer, nor another thread's), with the program's named opcodes as plain numbers.
        if kept is not None and len(kept) == 6 and kept[0] == pattern:
            cache.patterns[key] = (pattern, int(kept[1]), [int(op) for op in kept[2]],
                                   int(kept[3]), dict(kept[4]), tuple(kept[5]))
            cache.added = True
        return compiled

    return compile


@contextmanager
def cached_while(path: Path | None = None, sources: bool = True) -> Iterator[None]:
    """Inside: shiboken's sources (unless not `sources`) and regular expressions are compiled
    from the cache (any other compilation, on any thread, goes on as always). The cache is
    saved after, if it grew."""
    cache = _Cache(path or cache_file())
    with _answering(cache, sources):
        yield
    cache.save()


@contextmanager
def _answering(cache: _Cache, sources: bool) -> Iterator[None]:
    compile_, patterns_ = builtins.compile, getattr(re, "_compile", None)
    if sources:
        builtins.compile = _cached_compile(cache, compile_)
    if patterns_ is not None:
        re._compile = _cached_patterns(cache, patterns_)  # type: ignore[attr-defined]
    try:
        yield
    finally:
        builtins.compile = compile_
        if patterns_ is not None:
            re._compile = patterns_  # type: ignore[attr-defined]


class Kept:
    """A cache of expressions used a while at a time (`answering`), read when first used
    and saved when told (`save`)."""

    def __init__(self, path: Path | None = None) -> None:
        self._path = path
        self._cache: _Cache | None = None

    @contextmanager
    def answering(self) -> Iterator[None]:
        if self._cache is None:
            self._cache = _Cache(self._path or cache_file(PATTERNS_FILE_NAME))
        with _answering(self._cache, sources=False):
            yield

    def save(self) -> None:
        if self._cache is not None:
            self._cache.save()


# The expressions compiled by the modules the window loads after its first paint
# (desktop.ui.startup.loading); the window saves them once built (desktop.ui.app).
AFTER_PAINT = Kept()
