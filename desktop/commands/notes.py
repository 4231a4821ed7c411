"""`concordia notes …`: the annotation store without the window.

add / list / edit / remove / restore / review, plus category, config and recover. Every
action honours the global --data-dir. A unit is given by id (res74-178/19) or as typed
("PoA 41 (g)"). Whenever the corpus text changed since the notes were last checked, the
annotations are re-attached first and what moved is said on stderr. Messages go to stderr,
results to stdout; exit status 1 for a request that cannot be done, 2 when the notes
database or the corpus cannot be used.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from desktop import paths
from desktop.commands import conflicts
from desktop.commands.common import explain
from desktop.core.corpus import Corpus, CorpusError
from desktop.core.names import unknown_category, unknown_instrument
from desktop.core.notes import backups, recovery
from desktop.core.notes.database import store_path
from desktop.core.notes.errors import (
    BadInput,
    NotesError,
    StoreCorrupt,
    StoreLocked,
    StoreReadOnly,
    StoreUnavailable,
)
from desktop.core.notes.model import ARCHIVED, OK, REVIEW, Anchor, Annotation, Reconciliation
from desktop.core.notes.service import MEETING, NotesService
from desktop.core.notes.store import AUTHOR, AnnotationStore, utc_now

HELP = "add, list, remove, restore and review highlights and notes"

AUTHOR_ENV = "CONCORDIA_AUTHOR"  # overrides the author setting (scripts, shared machines)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)

    add = actions.add_parser("add", help="highlight a quote in a unit, or note a whole unit; "
                                         "prints the new annotation's id")
    add.add_argument("unit", help="unit id (res74-178/19) or citation (\"PoA 41 (g)\")")
    _anchor_options(add)
    add.add_argument("--category", metavar="NAME", help="e.g. \"Agreed language\"")
    add.add_argument("--note", metavar="TEXT", default="", help="the note, in Markdown")
    add.add_argument("--tag", metavar="TAG", action="append", default=[],
                     help="a free tag (repeat for more)")
    add.add_argument("--meeting", metavar="TEXT",
                     help="e.g. \"CND 69, informal consultations, 12 March\" (default: the "
                          "current meeting: `notes config --meeting`)")
    add.add_argument("--private", action="store_true", help="keep it out of shared exports")
    add.add_argument("--author", metavar="NAME",
                     help=f"author of this one (default: ${AUTHOR_ENV}, else the author "
                          "setting: `notes config --author`)")
    add.add_argument("--id-key", metavar="KEY",
                     help="a key of your choosing (e.g. a UUID) that makes a retry safe: "
                          "adding again with the same key adds nothing and prints the same id")

    listing = actions.add_parser("list", help="list the annotations in document order")
    listing.add_argument("--json", action="store_true", help="print a JSON list of objects")
    listing.add_argument("--instrument", metavar="ID", help="only this instrument's")
    listing.add_argument("--unit", metavar="UNIT", help="only those on this unit")
    listing.add_argument("--category", metavar="NAME")
    listing.add_argument("--tag", metavar="TAG")
    shown = listing.add_mutually_exclusive_group()
    shown.add_argument("--trash", action="store_true", help="list the trash instead")
    shown.add_argument("--archived", action="store_true",
                       help="list the annotations archived from the review list")

    edit = actions.add_parser("edit", help="change an annotation's note, category, tags, "
                                           "meeting or privacy")
    edit.add_argument("id", type=int)
    edit.add_argument("--note", metavar="TEXT")
    edit.add_argument("--category", metavar="NAME", help="\"\" for none")
    edit.add_argument("--tag", metavar="TAG", action="append",
                      help="replaces the tags (repeat for more; --tag \"\" for none)")
    edit.add_argument("--meeting", metavar="TEXT")
    privacy = edit.add_mutually_exclusive_group()
    privacy.add_argument("--private", action="store_true", default=None)
    privacy.add_argument("--shared", dest="private", action="store_false")

    remove = actions.add_parser("remove", help="move an annotation to the trash")
    remove.add_argument("id", type=int)
    restore = actions.add_parser("restore", help="bring an annotation back from the trash")
    restore.add_argument("id", type=int)

    review = actions.add_parser("review", help="list the annotations the corpus change left "
                                               "unsure, or settle one")
    review.add_argument("id", type=int, nargs="?")
    settle = review.add_mutually_exclusive_group()
    settle.add_argument("--accept", action="store_true", help="attach it at its candidate")
    settle.add_argument("--move", metavar="UNIT", help="attach it to this unit instead")
    settle.add_argument("--archive", action="store_true",
                        help="keep it, with its old quote, but off the text")
    review.add_argument("--candidate", metavar="N", type=int, default=1,
                        help="with --accept: which candidate (default 1)")
    _anchor_options(review, unit_option="--move")

    category = actions.add_parser("category", help="list, add, rename, recolour or remove "
                                                   "categories")
    what = category.add_subparsers(dest="what", metavar="WHAT")
    what.add_parser("list", help="the categories and their colours (the default)")
    new = what.add_parser("add", help="a new category")
    new.add_argument("name")
    new.add_argument("--colour", metavar="#RRGGBB")
    rename = what.add_parser("rename", help="rename a category (its annotations follow)")
    rename.add_argument("old")
    rename.add_argument("new")
    colour = what.add_parser("colour", help="recolour a category")
    colour.add_argument("name")
    colour.add_argument("colour", metavar="#RRGGBB")
    drop = what.add_parser("remove", help="remove a category; its annotations stay, "
                                          "uncategorised")
    drop.add_argument("name")

    config = actions.add_parser("config", help="show or change the notes settings")
    config.add_argument("--author", metavar="NAME",
                        help="the name written into new annotations (\"\" for none)")
    config.add_argument("--meeting", metavar="TEXT",
                        help="the current meeting, stamped on new annotations (\"\" for none)")

    conflicts.add_parser(actions)

    recover = actions.add_parser("recover", help="restore the notes database from an "
                                                 "automatic backup")
    recover.add_argument("--list", action="store_true", help="list the backups")
    recover.add_argument("--from", dest="source", metavar="FILE",
                         help="this backup (default: the newest good one)")
    recover.add_argument("--force", action="store_true",
                         help="even though the current database is readable (it is kept)")
    recover.add_argument("--accept", action="store_true",
                         help="keep the current database as it is (after putting an older "
                              "copy in place yourself)")


def _anchor_options(parser: argparse.ArgumentParser, unit_option: str = "UNIT") -> None:
    parser.add_argument("--to", metavar="UNIT",
                        help=f"the last unit of a highlight running across consecutive units "
                             f"from {unit_option}")
    parser.add_argument("--quote", metavar="TEXT",
                        help="the exact words to highlight (default: the whole unit)")
    parser.add_argument("--occurrence", metavar="N", type=int,
                        help="which occurrence, when the quote occurs more than once")


def run(args: argparse.Namespace) -> int:
    session = _session()
    try:
        return _ACTIONS[args.action](session, args)
    except StoreReadOnly as error:  # why it is read-only was said when it was opened
        print(f"concordia: {error.short if session.is_open() else explain(error)}",
              file=sys.stderr)
        return 2
    except (StoreUnavailable, StoreLocked, CorpusError) as error:
        print(f"concordia: {explain(error)}", file=sys.stderr)
        return 2
    except NotesError as error:
        print(f"concordia: {error}", file=sys.stderr)
        return 1
    finally:
        session.close()


def _session() -> NotesService:
    return NotesService(store_path(paths.data_dir()),
                        lambda: Corpus.open(paths.corpus_path(), paths.user_corpus_path()))


def _store(session: NotesService, reconcile: bool = True) -> AnnotationStore:
    """The store; the first time with `reconcile`, what the corpus change moved is said."""
    reported = session.reconciliation is not None
    opened = session.is_open()
    store = session.store(reconcile)
    if store.problem is not None and not opened:  # read-only: say why, once
        print(f"concordia: {explain(store.problem)}", file=sys.stderr)
    if reconcile and not reported and session.reconciliation is not None:
        _report_reattachment(session.reconciliation)
    return store


def _report_reattachment(result: Reconciliation) -> None:
    if not result.reattachments:
        return
    print("concordia: the corpus text changed since the notes were last checked:",
          file=sys.stderr)
    counts: dict[str, int] = {}
    for item in result.reattachments:
        counts[item.outcome] = counts.get(item.outcome, 0) + 1
        if item.outcome in ("moved", "resolved") and item.new is not None:
            print(f"  {item.annotation}: {item.old.units_label} → {item.new.units_label} "
                  f"({item.reason})", file=sys.stderr)
    if counts.get("kept"):
        print(f"  {counts['kept']} stayed where they were; the text of their units changed "
              "around them", file=sys.stderr)
    if counts.get(REVIEW):
        print(f"  {counts[REVIEW]} could not be re-attached with confidence: see "
              "`concordia notes review`", file=sys.stderr)


# -- actions ------------------------------------------------------------------------------


def _add(session: NotesService, args: argparse.Namespace) -> int:
    anchor = session.anchor(args.unit, args.to, args.quote, args.occurrence)
    author = args.author if args.author is not None else os.environ.get(AUTHOR_ENV)
    store = _store(session)
    meeting = args.meeting if args.meeting is not None else session.meeting()
    change = store.add(anchor, category=args.category, note=args.note, tags=args.tag,
                       meeting=meeting, private=args.private, author=author,
                       id_key=args.id_key)
    assert change.annotation is not None
    print(change.annotation.id, flush=True)
    return 0


def _list(session: NotesService, args: argparse.Namespace) -> int:
    store = _store(session)
    # An unknown name is a mistake to say, not an empty list ("no annotations").
    ids = [instrument.id for instrument in session.corpus().instruments()]
    if args.instrument is not None and args.instrument not in ids:
        raise BadInput(unknown_instrument(args.instrument, ids))
    names = [category.name for category in store.categories()]
    if args.category is not None and args.category.strip().casefold() not in {
            name.casefold() for name in names}:
        raise BadInput(unknown_category(args.category, names))
    unit = session.resolve(args.unit) if args.unit else None
    covering = None
    if unit is not None:
        found = session.corpus().unit(unit)
        assert found is not None
        covering = (found.instrument, found.seq)
    annotations = store.list(instrument=args.instrument, covering=covering,
                             category=args.category, tag=args.tag, trash=args.trash,
                             statuses=(ARCHIVED,) if args.archived else (OK, REVIEW))
    order = {i.id: i.seq for i in session.corpus().instruments()}
    annotations.sort(key=lambda a: (order.get(a.anchor.instrument, 1 << 30), a.anchor.seq,
                                    a.anchor.start, a.id))
    if args.json:
        print(json.dumps([a.to_json() for a in annotations], ensure_ascii=False, indent=2))
        return 0
    if not annotations:
        print("no annotations" + (" in the trash" if args.trash else ""))
        return 0
    print(_table(session, annotations))
    return 0


@dataclass(frozen=True)
class _Column:
    title: str
    width: int  # the widest a cell may be (longer text is cut with "…"); 0: no limit
    value: Callable[[Annotation], str]
    right: bool = False


def _table(session: NotesService, annotations: list[Annotation]) -> str:
    def where(a: Annotation) -> str:
        mark = {REVIEW: " [review]", ARCHIVED: " [archived]"}.get(a.status, "")
        return _short(session.place(a.anchor), 56 - len(mark)) + mark

    columns = (
        _Column("ID", 0, lambda a: str(a.id), right=True),
        _Column("CITATION", 0, where),
        _Column("CATEGORY", 20, lambda a: a.category or "–"),
        _Column("QUOTE", 40, lambda a: f"“{a.quote}”" if a.quote is not None
                else "(whole unit)" if a.anchor.unit == a.anchor.end_unit else "(whole units)"),
        _Column("NOTE", 40, lambda a: " ".join(a.note.split())),
        _Column("TAGS", 0, lambda a: " ".join(f"#{t}" for t in a.tags)),
    )
    cells = [[_short(c.value(a), c.width) if c.width else c.value(a) for c in columns]
             for a in annotations]
    widths = [max([len(c.title)] + [len(row[i]) for row in cells])
              for i, c in enumerate(columns)]
    lines = []
    for row in [[c.title for c in columns], *cells]:
        lines.append("  ".join(text.rjust(width) if column.right else text.ljust(width)
                               for text, width, column in zip(row, widths, columns,
                                                              strict=True)).rstrip())
    return "\n".join(lines)


def _edit(session: NotesService, args: argparse.Namespace) -> int:
    fields: dict[str, object] = {}
    for name in ("note", "category", "meeting", "private"):
        if getattr(args, name) is not None:
            fields[name] = getattr(args, name)
    if args.tag is not None:
        fields["tags"] = args.tag
    if not fields:
        raise BadInput("nothing to change: give --note, --category, --tag, --meeting, "
                       "--private or --shared")
    change = _store(session, reconcile=False).update(args.id, **fields)  # type: ignore[arg-type]
    print(f"{args.id}: " + ("changed" if change.annotations else "nothing to change"))
    return 0


def _remove(session: NotesService, args: argparse.Namespace) -> int:
    _store(session, reconcile=False).remove(args.id)
    print(f"{args.id}: moved to the trash (`concordia notes restore {args.id}` brings it back)")
    return 0


def _restore(session: NotesService, args: argparse.Namespace) -> int:
    change = _store(session, reconcile=False).restore(args.id)
    assert change.annotation is not None
    print(f"{args.id}: restored to {session.place(change.annotation.anchor)}")
    return 0


def _review(session: NotesService, args: argparse.Namespace) -> int:
    store = _store(session)
    settling = args.accept or args.move or args.archive
    if args.id is None:
        if settling:
            raise BadInput("say which annotation to settle: concordia notes review ID …")
        return _print_reviews(session, store)
    if not settling:
        return _print_reviews(session, store, only=args.id)
    if args.move is None and (args.quote is not None or args.to is not None):
        raise BadInput("--quote and --to go with --move")
    if args.archive:
        store.archive(args.id)
        print(f"{args.id}: archived (`concordia notes list --archived` shows it)")
        return 0
    if args.accept:
        change = store.accept(args.id, args.candidate)
    else:
        store.review(args.id)  # only review items are settled here
        anchor = session.anchor(args.move, args.to, args.quote, args.occurrence)
        change = store.move(args.id, anchor)
    assert change.annotation is not None
    print(f"{args.id}: attached at {session.place(change.annotation.anchor)}")
    return 0


def _print_reviews(session: NotesService, store: AnnotationStore, only: int | None = None) -> int:
    items = [store.review(only)] if only is not None else store.reviews()
    if not items:
        print("the review list is empty")
        return 0
    for item in items:
        note = item.annotation
        print(f"{note.id}: {item.reason}")
        print(f"    was:          {_describe(note.anchor)} ({note.anchor.units_label})")
        if note.note:
            print(f"    note:         {_short(' '.join(note.note.split()), 70)}")
        for number, candidate in enumerate(item.candidates, 1):
            print(f"    candidate {number}:  {session.place(candidate)} "
                  f"({candidate.units_label}): {_describe(candidate)}")
        if not item.candidates:
            print("    no candidate place")
        accept = "--accept | " if item.candidates else ""
        print(f"    settle with:  concordia notes review {note.id} {accept}--move UNIT "
              "[--quote TEXT] | --archive")
    return 0


def _describe(anchor: Anchor) -> str:
    if anchor.whole:
        return f"the whole unit{'s' * (anchor.unit != anchor.end_unit)}, “" \
               f"{_short(anchor.quote, 60)}”"
    return f"“{_short(anchor.quote, 90)}”"


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'s' * (number != 1)}"


def _short(text: str, width: int) -> str:
    return text if len(text) <= width else text[:width - 1].rstrip() + "…"


def _category(session: NotesService, args: argparse.Namespace) -> int:
    store = _store(session, reconcile=False)
    what = args.what or "list"
    if what == "add":
        store.add_category(args.name, args.colour)
    elif what == "rename":
        store.rename_category(args.old, args.new)
    elif what == "colour":
        store.recolour_category(args.name, args.colour)
    elif what == "remove":
        change = store.remove_category(args.name)
        if change.annotations:
            print(f"{_count(len(change.annotations), 'annotation')} now uncategorised")
    for category in store.categories():
        print(f"{category.colour}  {category.name}")
    return 0


def _config(session: NotesService, args: argparse.Namespace) -> int:
    store = _store(session, reconcile=False)
    if args.author is not None:
        store.set_setting(AUTHOR, " ".join(args.author.split()))
    if args.meeting is not None:
        store.set_setting(MEETING, " ".join(args.meeting.split()))
    author = store.setting(AUTHOR) or ""
    print(f"author: {author or '(none)'}")
    print(f"meeting: {session.meeting() or '(none)'}")
    override = os.environ.get(AUTHOR_ENV)
    if override is not None:
        print(f"  (${AUTHOR_ENV} is set: new annotations are by “{override}”)")
    print(f"database: {session.path}")
    print(f"backups: {backups.folder_of(session.path)}")
    return 0


def _recover(session: NotesService, args: argparse.Namespace) -> int:
    folder = backups.folder_of(session.path)
    if args.list:
        found = recovery.candidates(session.path)
        if not found:
            print(f"no backups in {folder}")
        for candidate in found:
            count = candidate.annotations
            state = "damaged" if count is None else _count(count, "annotation")
            print(f"{candidate.backup.path.name}  {candidate.backup.taken:%Y-%m-%d %H:%M} UTC  "
                  f"{state}")
        return 0
    if args.accept:
        recovery.accept(session.path)
        print(f"{session.path} is kept as it is")
        return 0
    source = None
    if args.source:
        source = Path(args.source).expanduser().resolve()
        if backups.annotation_count(source) is None:
            raise BadInput(f"{source} is not a readable notes backup")
    problem = _problem(session.path)
    if isinstance(problem, StoreLocked):
        raise problem  # someone is using it: never swap the file under them
    damaged = isinstance(problem, StoreCorrupt)
    if session.path.exists() and not damaged and not args.force:
        why = f"{problem}" if problem else (f"the notes database {session.path} is readable: "
                                            "recovering would set it aside for an older backup.")
        raise BadInput(f"{why} Add --force to restore the backup anyway (the current file is "
                       "kept beside it).")
    # A damaged file still holds most of its rows: they are copied over the backup's.
    done = recovery.recover(session.path, utc_now(), source,
                            label="damaged" if damaged else "replaced", salvage=damaged)
    print("\n".join(done.lines(session.path.name)))
    return 0


def _problem(path: Path) -> NotesError | None:
    """Why the database at `path` cannot be used as it is, or None (also when there is
    none): raised at opening, or the reason it opens read-only."""
    if not path.exists():
        return None
    try:
        with AnnotationStore.open(path) as store:
            return store.problem
    except (StoreUnavailable, StoreLocked) as error:
        return error


_ACTIONS: dict[str, Callable[[NotesService, argparse.Namespace], int]] = {
    "add": _add, "list": _list, "edit": _edit, "remove": _remove, "restore": _restore,
    "review": _review, "category": _category, "config": _config, "recover": _recover,
    "conflicts": conflicts.run,
}
