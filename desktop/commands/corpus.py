"""`concordia corpus build` and `concordia corpus check`."""

from __future__ import annotations

import argparse
import sys
import time

from desktop import paths
from desktop.core.ingest.build import build, recorded_digests
from desktop.core.ingest.check import check
from desktop.core.ingest.parse import SourceError

HELP = "build or check corpus.sqlite"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    actions.add_parser("build", help="rebuild corpus.sqlite from resources/sources/")
    actions.add_parser("check", help="validate the corpus, list every repair, and fail if "
                                     "corpus.sqlite is stale")


def run(args: argparse.Namespace) -> int:
    action = args.action
    sources, target = paths.sources_dir(), paths.corpus_path()
    recorded: dict[str, str] = {}
    try:
        if action == "build":
            started = time.perf_counter()
            recorded = recorded_digests(target) if target.is_file() else {}
            parsed = build(sources, target)
            elapsed = time.perf_counter() - started
            for name, digest in sorted(parsed.source_hashes.items()):
                if recorded and recorded.get(name) != digest:
                    was = recorded.get(name)
                    print(f"{name} changed: sha256 {digest}"
                          + (f" (was {was})" if was else " (new)"))
            print(f"built {target.name}: {len(parsed.instruments)} instruments, "
                  f"{len(parsed.units)} units, {len(parsed.footnotes)} footnotes, "
                  f"{len(parsed.repairs)} repairs, {len(parsed.slips)} slips "
                  f"in {elapsed:.2f} s")
            return 0
        report = check(sources, target)
    except SourceError as error:
        print(f"concordia: {error}", file=sys.stderr)
        if recorded.get(error.file):
            print(f"concordia: {target.name} was built from {error.file} with sha256 "
                  f"{recorded[error.file]}.", file=sys.stderr)
        print(f"concordia: {target.name} was left as it was.", file=sys.stderr)
        return 2
    print("\n".join(report.lines))
    return 0 if report.ok else 1
