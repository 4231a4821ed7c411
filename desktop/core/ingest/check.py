"""`concordia corpus check`: validate the committed corpus against a fresh build.

The check rebuilds the corpus from the sources into a temporary file and compares every
table with the committed corpus.sqlite, so a parser change alone makes it fail until the
corpus is rebuilt. It then reports every repair the build made and every slip it flagged.
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from desktop.core.corpus import Corpus
from desktop.core.ingest.build import build, table_contents


@dataclass
class CheckReport:
    stale_tables: list[str] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.stale_tables


def check(sources_dir: Path, committed: Path) -> CheckReport:
    """Raises SourceError (from the rebuild) when a source cannot be parsed."""
    report = CheckReport()
    with tempfile.TemporaryDirectory(prefix="concordia-check-") as folder:
        fresh = Path(folder) / "corpus.sqlite"
        build(sources_dir, fresh)
        fresh_tables = table_contents(fresh)
        if not committed.is_file():
            report.stale_tables.append("(the committed corpus.sqlite is missing)")
        else:
            try:
                committed_tables = table_contents(committed)
                _check_index(committed, Path(folder))
            except sqlite3.DatabaseError as error:
                report.stale_tables.append(f"(the committed corpus.sqlite is damaged: {error})")
                committed_tables = fresh_tables
            for name in sorted(set(fresh_tables) | set(committed_tables)):
                if fresh_tables.get(name) != committed_tables.get(name):
                    report.stale_tables.append(name)
        corpus = Corpus.open(fresh)
        try:
            _describe(corpus, report)
        finally:
            corpus.close()
    if report.stale_tables:
        report.lines.append("")
        report.lines.append("STALE: corpus.sqlite differs from a fresh build in: "
                            + ", ".join(report.stale_tables))
        report.lines.append("Run `concordia corpus build` and commit corpus.sqlite.")
    else:
        report.lines.append("")
        report.lines.append("corpus.sqlite is up to date with the sources.")
    return report


def _check_index(committed: Path, folder: Path) -> None:
    """SQLite's integrity check, and FTS5's check of the full-text index against the
    units (on a copy: the check is written as an INSERT, and the corpus is read-only)."""
    copy = folder / "committed.sqlite"
    shutil.copyfile(committed, copy)
    connection = sqlite3.connect(copy)
    try:
        check = connection.execute("PRAGMA integrity_check").fetchone()[0]
        if check != "ok":
            raise sqlite3.DatabaseError(f"its integrity check failed: {check}")
        try:
            connection.execute("INSERT INTO units_fts(units_fts) VALUES('integrity-check')")
        except sqlite3.DatabaseError as error:
            raise sqlite3.DatabaseError(f"its full-text index: {error}") from None
    finally:
        connection.close()


def _describe(corpus: Corpus, report: CheckReport) -> None:
    out = report.lines
    out.append("Instruments")
    for instrument in corpus.instruments():
        kinds = Counter(unit.kind for unit in corpus.units(instrument.id))
        parts = ", ".join(f"{count} {kind}" for kind, count in sorted(kinds.items()))
        out.append(f"  {instrument.id:<11} {instrument.short_title}: {parts}")
    repairs = corpus.repair_sources()
    out.append("")
    out.append(f"Repairs ({len(repairs)})")
    for source, repair in repairs:
        where = repair.unit or repair.instrument
        out.append(f"  {source}:{repair.line}  {where}  [{repair.rule}] {repair.detail}")
    counts = Counter(repair.rule for _, repair in repairs)
    out.append("  by rule: " + ", ".join(f"{rule} {n}" for rule, n in sorted(counts.items())))
    _describe_concordance(corpus, out)
    _describe_restatements(corpus, out)
    slips = corpus.slips()
    out.append("")
    out.append(f"Slips in the original, kept as printed ({len(slips)})")
    for slip in slips:
        out.append(f"  line {slip.line}  {slip.target}  {slip.detail}")


def _describe_concordance(corpus: Corpus, out: list[str]) -> None:
    """Every reference token of the table, accounted for; the counts add up."""
    tokens = corpus.concordance_tokens()
    out.append("")
    out.append(f"Concordance ({len(tokens)} reference tokens)")
    for token in tokens:
        if token.outcome in ("unresolved", "noise"):
            where = token.unit or "-"
            out.append(f"  line {token.line}  {token.outcome:<10} “{token.raw}” ({where}): "
                       f"{token.detail}")
    outcomes = Counter(token.outcome for token in tokens)
    rules = Counter(rule for token in tokens if token.outcome == "repaired"
                    for rule in token.rule.split(","))
    out.append(f"  links as printed      {outcomes['link']:>4}")
    out.append(f"  repaired links        {outcomes['repaired']:>4}  (by rule: " + ", ".join(
        f"{rule} {n}" for rule, n in sorted(rules.items())) + ")")
    out.append(f"  no counterpart        {outcomes['no-counterpart']:>4}")
    out.append(f"  duplicates            {outcomes['duplicate']:>4}")
    out.append(f"  unresolved            {outcomes['unresolved']:>4}")
    out.append(f"  noise                 {outcomes['noise']:>4}")
    total = sum(outcomes.values())
    verdict = "adds up" if total == len(tokens) else "DOES NOT ADD UP"
    out.append(f"  total                 {total:>4}  = {len(tokens)} tokens read: {verdict} "
               "(the tokens cover every character of the table's reference column)")


def _describe_restatements(corpus: Corpus, out: list[str]) -> None:
    """Agreed language found by alignment, per pair of instruments and relation."""
    links = corpus.all_links("restates")
    out.append("")
    out.append(f"Agreed language ({len(links)} restates links, later unit → earlier)")
    pairs = Counter((link.source.split("/", 1)[0], (link.target or "").split("/", 1)[0],
                     link.relation) for link in links)
    for source, target in sorted({(s, t) for s, t, _ in pairs}):
        counts = ", ".join(f"{pairs[(source, target, relation)]} {relation}"
                           for relation in ("same", "changed", "partial")
                           if pairs[(source, target, relation)])
        out.append(f"  {source:<11} → {target:<11} {counts}")
