"""Command-line commands that need no window (they never import PySide6).

Each module named in COMMANDS provides `HELP` (one line), `add_arguments(parser)` and
`run(args) -> int`; cli.py builds the parser from them. A new command is a new module and
one more name here.
"""

COMMANDS: tuple[str, ...] = ("show", "links", "search", "agreed", "compare", "corpus",
                           "notes", "export", "import", "instrument")
