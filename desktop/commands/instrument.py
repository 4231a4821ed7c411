"""`concordia instrument add FILE | list | remove ID`: the user's imported instruments."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop import paths
from desktop.commands.common import open_corpus
from desktop.core.notes.database import store_path

HELP = "import a draft under negotiation (.docx, .pdf, .txt, .md), list or remove imports"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = actions.add_parser("add", help="import a draft (a new revision with --replace)",
                             description="Import a draft: its structure is detected, its "
                                         "paragraphs compared with the shipped instruments.")
    add.add_argument("file", help="the draft: .docx, .pdf (its text layer), .txt or .md")
    add.add_argument("--id", dest="instrument_id", default="", metavar="ID",
                     help="its instrument id (default: from the file name)")
    add.add_argument("--title", default="", help="its title (default: from the masthead)")
    add.add_argument("--symbol", default="", help="its document symbol, e.g. E/CN.7/2025/L.5")
    add.add_argument("--date", default="", metavar="YYYY-MM-DD", help="its date")
    add.add_argument("--alias", action="append", default=[], metavar="TEXT",
                     help="a short form you will type for it (repeatable)")
    add.add_argument("--replace", action="store_true",
                     help="a new revision of the instrument ID: the previous text is kept for "
                          "comparison, annotations are carried forward")
    actions.add_parser("list", help="list the imported instruments")
    diff = actions.add_parser("diff", help="compare an earlier revision with the current "
                                           "one, paragraph by paragraph (matched by words, "
                                           "not by number)")
    diff.add_argument("instrument_id", metavar="ID")
    diff.add_argument("--revision", type=int, metavar="N",
                      help="the earlier revision (default: the one before the current)")
    remove = actions.add_parser("remove", help="remove an imported instrument (its "
                                               "annotations go to the trash)")
    remove.add_argument("instrument_id", metavar="ID")
    remove.add_argument("--yes", action="store_true", help="do it without asking")


def run(args: argparse.Namespace) -> int:
    if args.action == "add":
        return _add(args)
    if args.action == "list":
        return _list()
    if args.action == "diff":
        return _diff(args)
    return _remove(args)


def _diff(args: argparse.Namespace) -> int:
    from desktop.core.drafts.brief import short_place
    from desktop.core.drafts.readers import DraftError
    from desktop.core.drafts.revisions import CHANGED, DELETED
    from desktop.core.drafts.service import diff_revisions
    from desktop.core.drafts.store import UserCorpusError

    with open_corpus() as corpus:
        try:
            diff = diff_revisions(corpus, paths.user_corpus_path(), args.instrument_id,
                                  args.revision)
        except (DraftError, UserCorpusError) as error:
            print(f"concordia: {error}", file=sys.stderr)
            return 1
    print(f"{args.instrument_id}: revision {diff.old_revision} ({diff.old_file}) → revision "
          f"{diff.new_revision}")
    for pair in diff.pairs:
        new = short_place(f"_/{pair.new}") if pair.new else ""
        was = short_place(f"_/{pair.old}") if pair.old else ""
        if pair.relation == DELETED:
            print(f"  {'':<14} deleted (was {was})")
            continue
        said = pair.relation + (f" (was {was})" if pair.old and was != new else "")
        print(f"  {new:<14} {said}")
        if pair.relation == CHANGED:
            print(f"  {'':<14} {pair.redline}")
    return 0


def _add(args: argparse.Namespace) -> int:
    from desktop.core.drafts import service
    from desktop.core.drafts.readers import DraftError
    from desktop.core.drafts.store import UserCorpusError

    path = Path(args.file).expanduser()
    options = service.Options(instrument_id=args.instrument_id, title=args.title,
                              symbol=args.symbol, date=args.date, aliases=tuple(args.alias),
                              replace=args.replace)
    data = paths.data_dir()
    try:
        with open_corpus() as corpus:
            prepared = service.prepare(path, corpus, options)
        kept = service.keep(prepared, paths.user_corpus_path(data), store_path(data),
                            paths.corpus_path())
    except (DraftError, UserCorpusError) as error:
        print(f"concordia: {error}; nothing was imported", file=sys.stderr)
        return 1
    print_report(kept.prepared, kept.revision)
    if kept.carried:
        said = ", ".join(f"{count} {kind}" for kind, count in sorted(kept.carried.items()))
        print(f"Annotations carried forward to this revision: {said}"
              + (" (see `concordia notes review`)" if "review" in kept.carried else ""))
    return 0


def print_report(prepared: object, revision: int) -> None:
    """What detection found, every line it could not place, and the analysis in brief."""
    from desktop.core.drafts.analysis import summary

    instrument = prepared.instrument  # type: ignore[attr-defined]
    report = prepared.detection.report  # type: ignore[attr-defined]
    paragraphs = prepared.paragraphs  # type: ignore[attr-defined]
    counts = report["counts"]
    print(f"Imported {instrument.id} (revision {revision}): “{instrument.title}”"
          + (f", {instrument.symbol}" if instrument.symbol else ""))
    for item in report["front"]:
        print(f"  front matter, {item['role']}: {item['text']}")
    print(f"  opening formula: {report['formula'] or '(none found)'}")
    inserted = f" ({counts['inserted']} inserted: bis, ter)" if counts["inserted"] else ""
    print(f"  {counts['preamble']} preambular paragraphs, {counts['operative']} operative "
          f"paragraphs{inserted}, {counts['subparagraphs']} subparagraphs, "
          f"{counts['headings']} headings, {counts['footnotes']} footnotes")
    if report["bracketed"]:
        paths_ = ", ".join(u.split("/", 1)[1] for u in report["bracketed"])
        print(f"  square brackets (not yet agreed) in: {paths_}")
    for note in report["reader"]:
        print(f"  read: {note}")
    for repair in report["repairs"]:
        print(f"  repaired, {repair['place']}: {repair['detail']}")
    for warning in report["warnings"]:
        print(f"  note, {warning['place']}: {warning['reason']}: “{warning['text']}”")
    unplaced = report["unplaced"]
    print(f"Could not place {len(unplaced)} line{'s' if len(unplaced) != 1 else ''}"
          + (":" if unplaced else "."))
    for item in unplaced:
        print(f"  {item['place']}: {item['reason']}: “{item['text']}”")
    found = summary(paragraphs)
    print("Agreed language: " + ", ".join(f"{len(units)} {status}"
                                           for status, units in found.items()))
    if found["new"]:
        print("  new wording in: " + ", ".join(_short(u) for u in found["new"]))


def _short(unit_id: str) -> str:
    path = unit_id.split("/", 1)[1]
    return f"OP {path}" if path[:1].isdigit() else path.upper() if path.startswith("pp") \
        else path


def _list() -> int:
    from desktop.core.drafts import store as user_store

    target = paths.user_corpus_path()
    if not target.exists():
        print("No imported instruments. Import a draft with `concordia instrument add FILE`.")
        return 0
    try:
        connection = user_store.open_for_writing(target)
    except user_store.UserCorpusError as error:
        print(f"concordia: {error}", file=sys.stderr)
        return 2
    try:
        records = user_store.records(connection)
        titles = dict(connection.execute("SELECT id, title FROM instruments").fetchall())
        counts = dict(connection.execute(
            "SELECT instrument, count(*) FROM units GROUP BY instrument").fetchall())
    finally:
        connection.close()
    if not records:
        print("No imported instruments. Import a draft with `concordia instrument add FILE`.")
        return 0
    for record in records:
        print(f"{record.instrument:<20} revision {record.revision}  {record.imported[:10]}  "
              f"{counts.get(record.instrument, 0)} units  {record.file}  "
              f"“{titles.get(record.instrument, '')}”")
    return 0


def _remove(args: argparse.Namespace) -> int:
    from desktop.core.drafts import service
    from desktop.core.drafts.readers import DraftError
    from desktop.core.drafts.store import UserCorpusError

    with open_corpus() as corpus:
        if args.instrument_id not in corpus.imported():
            known = ", ".join(corpus.imported()) or "none"
            print(f"concordia: there is no imported instrument {args.instrument_id} "
                  f"(imported: {known})", file=sys.stderr)
            return 1
    if not args.yes:
        print(f"concordia: this removes {args.instrument_id} and its earlier revisions; its "
              "annotations go to the trash. Run again with --yes to do it.", file=sys.stderr)
        return 1
    data = paths.data_dir()
    try:
        trashed = service.remove(args.instrument_id, paths.user_corpus_path(data),
                                 store_path(data))
    except (DraftError, UserCorpusError) as error:
        print(f"concordia: {error}", file=sys.stderr)
        return 1
    print(f"Removed {args.instrument_id}; {trashed} annotation"
          f"{'s' if trashed != 1 else ''} moved to the trash.")
    return 0
