"""Smoke-test the frozen application in dist/Concordia, headless, as CI does.

    .venv/bin/python tools/smoke_bundle.py [BUNDLE_DIR]

Runs the bundle through its normal start-up with --screenshot on a temporary data directory and
checks that the PNG shows two panes with text; runs the command-line executable (show, links,
search, notes add/list, and export to Word, PDF and JSON-LD and import, when the bundle has
those commands); and checks that nothing was written into the bundle's own folder. Prints
one line per check and a closing "N passed, N failed".
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXE = ".exe" if os.name == "nt" else ""


def files_of(folder: Path) -> dict[str, int]:
    return {str(p.relative_to(folder)): p.stat().st_mtime_ns for p in folder.rglob("*")
            if p.is_file()}


def text_columns(png: Path) -> tuple[float, float]:
    """Share of dark ("ink") pixels in the left and right halves of the area right of the
    chapter tree: both panes show text when both shares are clearly above zero."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QColor, QImage

    image = QImage(str(png))
    if image.isNull():
        return 0.0, 0.0
    width, height = image.width(), image.height()
    start = int(width * 0.22)  # right of the chapter tree dock
    middle = start + (width - start) // 2
    shares = []
    for left, right in ((start, middle), (middle, width)):
        dark = total = 0
        for x in range(left + 4, right - 4, 3):
            for y in range(int(height * 0.12), height - 10, 3):
                total += 1
                if QColor(image.pixel(x, y)).lightness() < 110:
                    dark += 1
        shares.append(dark / max(1, total))
    return shares[0], shares[1]


def main() -> int:
    bundle = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "dist" / "Concordia"
    window, cli = bundle / f"Concordia{EXE}", bundle / f"concordia-cli{EXE}"
    results: list[tuple[str, bool, str]] = []

    def check(name: str, action: Callable[[], tuple[bool, str]]) -> None:
        try:
            ok, detail = action()
        except Exception as error:  # a smoke test reports whatever broke
            ok, detail = False, repr(error)
        results.append((name, ok, detail))
        print(f"{'PASS' if ok else 'FAIL'}  {name}: {detail}", flush=True)

    before = files_of(bundle)
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    with tempfile.TemporaryDirectory(prefix="concordia-smoke-") as folder:
        data = Path(folder) / "data"
        shot = Path(folder) / "window.png"

        def run(*args: str, exe: Path = cli) -> subprocess.CompletedProcess[str]:
            return subprocess.run([str(exe), "--data-dir", str(data), *args], env=env,
                                  capture_output=True, text=True, timeout=120, check=False)

        def screenshot() -> tuple[bool, str]:
            result = run("--screenshot", str(shot), "--size", "1366x768", exe=window)
            if result.returncode != 0 or not shot.is_file():
                return False, f"exit {result.returncode}: {result.stderr.strip()[-300:]}"
            left, right = text_columns(shot)
            return left > 0.01 and right > 0.01, f"ink in the panes: {left:.1%} and {right:.1%}"

        check("window starts and renders two panes with text", screenshot)

        def guide() -> tuple[bool, str]:
            pages = sorted(p.name for p in bundle.rglob("docs/*.md"))
            readme = any(bundle.rglob("README.md"))
            return "window.md" in pages and readme, f"user guide pages: {len(pages)} + README"

        check("the user guide is bundled", guide)

        def pyside_cache() -> tuple[bool, str]:
            """PySide6's start-up compiling ships done, by the Python the bundle carries
            (desktop/ui/pyside_cache.py): shiboken's support sources and expressions, and
            the expressions of the modules the window loads after its first paint."""
            import marshal

            sys.path.insert(0, str(ROOT))
            from desktop.ui.pyside_cache import FILE_NAME, PATTERNS_FILE_NAME, _header

            found = sorted(bundle.rglob(FILE_NAME))
            later = sorted(bundle.rglob(PATTERNS_FILE_NAME))
            if len(found) != 1 or len(later) != 1:
                return False, f"{len(found)} files named {FILE_NAME}, {len(later)} named " \
                    f"{PATTERNS_FILE_NAME}"
            header, code, patterns = marshal.loads(found[0].read_bytes())
            support = {key[0] for key in code if key[0].startswith("shibokensupport/")}
            later_header, _, after_paint = marshal.loads(later[0].read_bytes())
            return (header == later_header == _header() and len(support) >= 10
                    and len(patterns) >= 10 and len(after_paint) >= 20,
                    f"{len(support)} support sources, {len(patterns)} expressions; "
                    f"{len(after_paint)} of the modules loaded after the first paint")

        check("PySide6's start-up compiling ships done", pyside_cache)

        def french() -> tuple[bool, str]:
            shot_fr = Path(folder) / "fr.png"
            result = run("--lang", "fr", "--screenshot", str(shot_fr), exe=window)
            missing = "translation" in result.stderr
            return (result.returncode == 0 and shot_fr.is_file() and not missing,
                    f"exit {result.returncode}; "
                    f"{'no French translation' if missing else 'the French translation loads'}")

        check("the window starts in French", french)

        def show() -> tuple[bool, str]:
            out = run("show", "PoA 41 (g)").stdout
            return out.startswith("Plan of Action (2009), para. 41 (g)"), out.splitlines()[0]

        check("concordia-cli show", show)

        def links() -> tuple[bool, str]:
            out = run("links", "ungass2016/1(a)").stdout
            return "poa2009/4(a)" in out, f"{out.count(chr(10))} lines"

        check("concordia-cli links", links)

        def search() -> tuple[bool, str]:
            out = run("search", "naloxone").stdout
            return "ungass2016/1(m)" in out, out.splitlines()[0] if out else "no output"

        check("concordia-cli search", search)

        if "notes" in run("--help").stdout:
            def notes() -> tuple[bool, str]:
                added = run("notes", "add", "ungass2016/1(m)", "--quote", "naloxone",
                            "--note", "smoke test")
                listed = run("notes", "list", "--json")
                ok = added.returncode == 0 and "naloxone" in listed.stdout
                return ok, f"add exit {added.returncode}, list has the quote: {ok}"

            check("concordia-cli notes add and list", notes)

        if "export" in run("--help").stdout:
            def export() -> tuple[bool, str]:
                sizes = []
                for name in ("brief.docx", "brief.pdf", "shared.jsonld"):
                    target = Path(folder) / name
                    done = run("export", "-o", str(target))
                    if done.returncode != 0 or not target.is_file():
                        return False, f"{name}: exit {done.returncode}: {done.stderr[-300:]}"
                    sizes.append(f"{name} {target.stat().st_size} bytes")
                again = run("import", str(Path(folder) / "shared.jsonld"))
                ok = again.returncode == 0 and "1 unchanged" in again.stdout
                return ok, ", ".join(sizes) + f"; import: {again.stdout.strip()[-80:]}"

            check("concordia-cli export (Word, PDF, JSON-LD) and import", export)

        check("user data went to the data directory", lambda: (
            data.is_dir() or not any(data.parent.iterdir()), f"{data} exists: {data.is_dir()}"))
    after = files_of(bundle)
    changed = sorted(set(after) ^ set(before) | {k for k in after if before.get(k) != after[k]})
    check("nothing written into the bundle", lambda: (not changed, ", ".join(changed[:5])
                                                       or "unchanged"))
    passed = sum(1 for _, ok, _ in results if ok)
    print(f"{passed} passed, {len(results) - passed} failed")
    return 0 if passed == len(results) else 1


if __name__ == "__main__":
    sys.exit(main())
