"""Text for a terminal: control sequences in notes or sources shown, never obeyed.

A note (or a damaged source) may hold ESC sequences that clear the screen or set the window
title, OSC hyperlinks, NUL, or bidi overrides that reorder what is shown. Every command's
output goes through `SafeStream`, which writes each such character as a visible escape,
`\\u001b`, `\\u202e`: printable text (é, —, Arabic, Chinese) is unchanged, line breaks and
tabs stay, and since the escapes are JSON's own, `--json` output still decodes to the exact
string. A command that styles its own output (search's bold) writes through `styled`.
"""

from __future__ import annotations

import re
from typing import TextIO

# C0 controls but tab and line feed, DEL, C1 controls, the bidi embeddings, overrides and
# isolates, and the line and paragraph separators (which some terminals take as new lines).
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def escape(text: str) -> str:
    """`text` with every terminal control character written as a visible \\uXXXX."""
    return _UNSAFE.sub(lambda match: f"\\u{ord(match.group(0)):04x}", text)


class SafeStream:
    """A text stream that escapes what it is given, then writes it to `stream`."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        self.stream.write(escape(text))
        return len(text)

    def styled(self, text: str) -> None:
        """Write `text` as it is: only for sequences the program itself made."""
        self.stream.write(text)

    def flush(self) -> None:
        self.stream.flush()

    def isatty(self) -> bool:
        return self.stream.isatty()

    def fileno(self) -> int:
        return self.stream.fileno()

    def __getattr__(self, name: str) -> object:  # encoding, errors, buffer, …
        return getattr(self.stream, name)


def styled(stream: TextIO, text: str) -> None:
    """Write text the program styled itself (already escaped where it came from outside)."""
    if isinstance(stream, SafeStream):
        stream.styled(text)
    else:
        stream.write(text)
