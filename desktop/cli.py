"""The `concordia` command line: argument parsing and dispatch, nothing else.

Commands that need no window never import PySide6, so they answer fast.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from desktop import __version__, paths


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="concordia",
        description="Concordia: read and annotate the UN drug-policy instruments, offline.")
    parser.add_argument("--version", action="version", version=f"concordia {__version__}")
    parser.add_argument("--data-dir", metavar="DIR",
                        help=f"keep user data (notes, settings) in DIR "
                             f"(default: ${paths.DATA_DIR_ENV} or {paths.default_data_dir()})")
    parser.add_argument("--open", metavar="UNIT", help="open the window at this unit")
    parser.add_argument("--screenshot", metavar="FILE.png",
                        help="render the window off screen into FILE.png and exit")
    parser.add_argument("--size", metavar="WxH", default="1366x768",
                        help="window size for --screenshot (default 1366x768)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    show = commands.add_parser("show", help="print a unit's citation and text")
    show.add_argument("unit", nargs="+", help="a unit id (res74-178/19) or a citation "
                                              "as typed (\"PoA 41 (g)\", \"OP 19\")")

    corpus = commands.add_parser("corpus", help="build or check corpus.sqlite")
    corpus_commands = corpus.add_subparsers(dest="corpus_command", metavar="ACTION",
                                            required=True)
    corpus_commands.add_parser("build", help="rebuild corpus.sqlite from resources/sources/")
    corpus_commands.add_parser("check", help="validate the corpus, list every repair, and "
                                             "fail if corpus.sqlite is stale")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "show":
        from desktop.commands import show

        return show.run(" ".join(args.unit))
    if args.command == "corpus":
        from desktop.commands import corpus

        return corpus.run(args.corpus_command)
    from desktop.ui.app import run_app

    return run_app(open_unit=args.open, screenshot=Path(args.screenshot) if args.screenshot
                   else None, size=args.size, data_dir=paths.data_dir(args.data_dir))


if __name__ == "__main__":
    sys.exit(main())
