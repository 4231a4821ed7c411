"""Refresh the interface translations after interface strings changed.

    .venv/bin/python tools/update_translations.py

Runs Qt's tools over every module of desktop/: pyside6-lupdate brings each .ts in
resources/i18n/ up to date (new strings come in "unfinished", strings no longer used are
dropped, translations kept), then pyside6-lrelease compiles each into the .qm the application
loads. Translate the unfinished entries (Qt Linguist: pyside6-linguist FILE.ts, or any text
editor), run this again, commit the .ts and the .qm. tests/test_translations.py fails while a
string of the interface is missing from a .ts or left unfinished.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "resources" / "i18n"
LANGUAGES = ("fr",)


def tool(name: str) -> str:
    return str(Path(sys.executable).with_name(name))


def sources() -> list[str]:
    return sorted(str(path.relative_to(ROOT)) for path in (ROOT / "desktop").rglob("*.py"))


def update(ts: Path) -> None:
    subprocess.run([tool("pyside6-lupdate"), "-no-obsolete", "-locations", "none", *sources(),
                    "-ts", str(ts)], cwd=ROOT, check=True, capture_output=True)


def release(ts: Path, qm: Path) -> None:
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], cwd=ROOT,
                   check=True, capture_output=True)


def main() -> int:
    I18N.mkdir(parents=True, exist_ok=True)
    for code in LANGUAGES:
        ts = I18N / f"concordia_{code}.ts"
        update(ts)
        release(ts, ts.with_suffix(".qm"))
        print(f"updated {ts.relative_to(ROOT)} and {ts.with_suffix('.qm').name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
