"""The `concordia` command line: argument parsing and dispatch, nothing else.

Commands that need no window never import PySide6, so they answer fast.
"""

from __future__ import annotations

import contextlib
import importlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType, SimpleNamespace
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from desktop import paths
from desktop.commands import COMMANDS
from desktop.core.terminal import SafeStream

if TYPE_CHECKING:
    import argparse


def _command(name: str) -> ModuleType:
    return importlib.import_module(f"desktop.commands.{name}")


_VALUE_OPTIONS = {"--data-dir", "--open", "--screenshot", "--size", "--lang"}
DEFAULT_SIZE = "1366x768"


def _first_positional(arguments: Sequence[str]) -> str | None:
    """The first argument that is not an option or an option's value."""
    skip = False
    for argument in arguments:
        if skip:
            skip = False
        elif argument in _VALUE_OPTIONS:
            skip = True
        elif not argument.startswith("-"):
            return argument
    return None


def _command_named(arguments: Sequence[str]) -> str | None:
    """The command the arguments name, if any (global options and their values skipped)."""
    first = _first_positional(arguments)
    return first if first in COMMANDS else None


def _window_arguments(arguments: Sequence[str]) -> SimpleNamespace | None:
    """The window's plain start (`concordia`, `concordia --open UNIT`, the desktop's link
    handler …) read without building argparse's parser, which costs every start ~2 ms (most
    of it the locale module, loaded by gettext's look-up for the help texts): each of the
    window's options at most once, spelt out, with a value that is no option. None for
    anything else, which argparse reads (and explains when it is wrong); a test checks that
    both read every start this one takes alike."""
    given: dict[str, str] = {}
    if len(arguments) % 2:
        return None
    for option, value in zip(arguments[::2], arguments[1::2], strict=True):
        if option not in _VALUE_OPTIONS or option in given or value.startswith("-"):
            return None
        given[option] = value
    return SimpleNamespace(version=None, data_dir=given.get("--data-dir"),
                           open=given.get("--open"), screenshot=given.get("--screenshot"),
                           size=given.get("--size", DEFAULT_SIZE), lang=given.get("--lang"),
                           command=None)


def _parser(arguments: Sequence[str] = ()) -> argparse.ArgumentParser:
    """The parser. Only the command being run is imported, so opening the window (no
    command) imports none of them; `--help` without a command lists them all."""
    import argparse

    parser = argparse.ArgumentParser(
        prog="concordia",
        description="Concordia: read and annotate the UN drug-policy instruments, offline.")
    parser.add_argument("--version", action=_version_action(), nargs=0,
                        help="show the version and exit")
    parser.add_argument("--data-dir", metavar="DIR",
                        help=f"keep user data (notes, settings) in DIR "
                             f"(default: ${paths.DATA_DIR_ENV} or {paths.default_data_dir()})")
    parser.add_argument("--open", metavar="UNIT", help="open the window at this unit (an id "
                                                       "or a citation such as \"PoA 41 (g)\")")
    parser.add_argument("--screenshot", metavar="FILE.png",
                        help="render the window off screen into FILE.png and exit")
    parser.add_argument("--size", metavar="WxH", default=DEFAULT_SIZE,
                        help=f"window size for --screenshot (default {DEFAULT_SIZE})")
    parser.add_argument("--lang", metavar="CODE",
                        help="the window's language, e.g. fr or en (default: Preferences, "
                             "else the system's)")
    helping = bool({"-h", "--help"} & set(arguments))
    if _first_positional(arguments) is None and not helping:
        # The window (no command, no help asked): the commands' parsers are not made, which
        # the window's every start would pay for (~1 ms).
        parser.set_defaults(command=None)
        return parser
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    named = _command_named(arguments)
    wanted = [named] if named else (list(COMMANDS) if helping else [])
    for name in COMMANDS:
        if name in wanted:
            module = _command(name)
            module.add_arguments(commands.add_parser(name, help=module.HELP,
                                                     description=module.HELP))
        else:
            commands.add_parser(name, help=argparse.SUPPRESS, add_help=False)
    return parser


def _version_action() -> type[argparse.Action]:
    import argparse

    class VersionAction(argparse.Action):
        """--version, computed only when asked for (reading package metadata is slow)."""

        def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                     values: object, option_string: str | None = None) -> None:
            from desktop import __version__

            print(f"concordia {__version__}")
            parser.exit()

    return VersionAction


SCHEME = "concordia://"


def _open_links(argv: Sequence[str]) -> list[str]:
    """Rewrite a `concordia://open/UNIT` argument (the desktop's link handler passes one;
    the unit id percent-encoded) into `--open UNIT`."""
    out: list[str] = []
    for argument in argv:
        if argument.lower().startswith(SCHEME):
            parsed = urlsplit(argument)
            unit = unquote(parsed.path.lstrip("/"))
            if parsed.netloc.lower() != "open" or not unit:
                raise ValueError(f"cannot open {argument!r}: a Concordia link reads "
                                 f"{SCHEME}open/UNIT, e.g. {SCHEME}open/ungass2016%2F1(a)")
            out.extend(["--open", unit])
        else:
            out.append(argument)
    return out


def main(argv: Sequence[str] | None = None) -> int:
    out, err = sys.stdout, sys.stderr
    # What a command prints may quote a note or a source: control sequences are shown as
    # escapes, never obeyed by the terminal (desktop/core/terminal.py).
    sys.stdout, sys.stderr = SafeStream(out), SafeStream(err)
    try:
        args = _arguments(sys.argv[1:] if argv is None else argv)
        if isinstance(args, int):
            return args
        if args.command:
            status = int(_command(args.command).run(args))
            sys.stdout.flush()
            return status
    except BrokenPipeError:
        # The reader stopped reading (`| head`): nothing more needs saying. Later writes
        # (the interpreter's last flush) go nowhere instead of raising again.
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), out.fileno())
        return 1
    finally:
        sys.stdout, sys.stderr = out, err
    return _window(args)


def _arguments(argv: Sequence[str]) -> argparse.Namespace | SimpleNamespace | int:
    """The parsed arguments, or the exit status after saying what is wrong with them."""
    try:
        arguments = _open_links(argv)
    except ValueError as error:
        print(f"concordia: {error}", file=sys.stderr)
        return 2
    for position, argument in enumerate(arguments, 1):
        try:
            argument.encode("utf-8")
        except UnicodeEncodeError:  # bytes that are not UTF-8, passed through as surrogates
            shown = argument.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
            print(f"concordia: argument {position} (“{shown}”) is not valid UTF-8 text; "
                  "nothing was done. Type it again, or convert the text it came from to "
                  "UTF-8.", file=sys.stderr)
            return 2
    args: argparse.Namespace | SimpleNamespace | None = _window_arguments(arguments)
    if args is not None:
        _use_data_dir(args)
        return args
    parser = _parser(arguments)
    args, extra = parser.parse_known_args(arguments)
    if extra:
        dashed = [argument for argument in extra
                  if argument.startswith("-") and not argument.startswith("--")]
        if args.command == "search" and dashed:
            # "-drug" is no option: say how to search for it rather than "unrecognized".
            import shlex

            words = arguments[arguments.index("search") + 1:]
            print(f"concordia: “{dashed[0]}” reads as an option; put -- before the words "
                  f"to search for them as typed: concordia search -- "
                  f"{shlex.join(words)}", file=sys.stderr)
            return 2
        parser.parse_args(arguments)  # says what is wrong, as argparse does, and exits
    _use_data_dir(args)
    return args


def _use_data_dir(args: argparse.Namespace | SimpleNamespace) -> None:
    if args.data_dir:
        # Every later paths.data_dir() call, in this process and its children, honours it.
        os.environ[paths.DATA_DIR_ENV] = str(Path(args.data_dir).expanduser().resolve())


def _window(args: argparse.Namespace | SimpleNamespace) -> int:
    if not args.screenshot:
        # The window runs for hours: a crash leaves a report for the next start.
        from desktop import crashlog

        crashlog.install(paths.data_dir())
    from desktop.ui.app import run_app

    return run_app(open_unit=args.open, screenshot=Path(args.screenshot) if args.screenshot
                   else None, size=args.size, data_dir=paths.data_dir(), lang=args.lang)


if __name__ == "__main__":
    sys.exit(main())
