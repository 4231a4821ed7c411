"""The French translation is complete (issue 18): every string the interface passes through
tr() is in resources/i18n/concordia_fr.ts, translated (no "unfinished" entry), and the .qm the
application loads is compiled from that .ts. When an interface string is added or changed,
this fails until `tools/update_translations.py` is run and the new entries translated."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "resources" / "i18n" / "concordia_fr.ts"
QM = TS.with_suffix(".qm")
sys.path.insert(0, str(ROOT / "tools"))

import update_translations  # noqa: E402


def _messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    found = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found[(name, message.findtext("source") or "")] = message.find("translation")
    return found


def _texts(translation: ET.Element) -> list[str]:
    """A translation's text, or each of its plural forms (a %n message has one per form)."""
    forms = translation.findall("numerusform")
    return [form.text or "" for form in forms] if forms else [translation.text or ""]


def test_every_interface_string_is_in_the_french_ts_and_translated(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    shutil.copy(TS, fresh)
    update_translations.update(fresh)  # what lupdate finds in the code today
    committed, scanned = _messages(TS), _messages(fresh)
    missing = sorted(set(scanned) - set(committed))
    assert missing == [], f"not in {TS.name} (run tools/update_translations.py): {missing}"
    unfinished = sorted(key for key, translation in committed.items()
                        if translation is None or translation.get("type") == "unfinished"
                        or not all(text.strip() for text in _texts(translation)))
    assert unfinished == [], f"untranslated in {TS.name}: {unfinished}"
    nameless = sorted(source for context, source in scanned if not context)
    assert nameless == [], f"tr() lupdate could not place in a class (call self.tr): {nameless}"
    stale = sorted(set(committed) - set(scanned))
    assert stale == [], f"no longer in the code (run tools/update_translations.py): {stale}"


def test_placeholders_survive_translation() -> None:
    """A translation keeps every %s, %d, %1 … and {name} of its source: a missing one would
    raise or misplace a number in the window."""
    pattern = re.compile(r"%(?:\d|\.\d+f|[sdn%])|\{\w+\}")
    for (context, source), translation in _messages(TS).items():
        assert translation is not None
        for text in _texts(translation):
            assert sorted(pattern.findall(source)) == sorted(pattern.findall(text)), (
                context, source, text)


def test_the_qm_is_compiled_from_the_ts(tmp_path: Path) -> None:
    compiled = tmp_path / "fresh.qm"
    update_translations.release(TS, compiled)
    assert compiled.read_bytes() == QM.read_bytes(), "run tools/update_translations.py"


def test_no_tr_call_hides_from_lupdate() -> None:
    """pyside6-lupdate reads no tr() inside an f-string, nor through another object's tr()
    (its context would not be the one Qt looks up at run time)."""
    hidden = re.compile(r"""\bf(["'])[^"']*\{[^}]*\btr\(|\b(?!self\b)\w+\.tr\(""")
    found = [f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
             for path in sorted((ROOT / "desktop").rglob("*.py"))
             for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if hidden.search(line)]
    assert found == []


def test_lrelease_is_the_one_shipped_with_pyside6() -> None:
    result = subprocess.run([update_translations.tool("pyside6-lrelease"), "-version"],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0 and "lrelease" in result.stdout + result.stderr
