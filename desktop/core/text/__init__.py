"""One way of cutting text into words, shared by search, ingestion and agreed language.

Words are what SQLite's unicode61 tokenizer (remove_diacritics 2) indexes: runs of letters and
digits, case and diacritics folded. So a word found here is a word the full-text index and its
`term_stats` know, and "drug-related" is the two words "drug" "related" everywhere.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

WORD = re.compile(r"\w+")


def fold(text: str) -> str:
    """Case and diacritics folded as the index's unicode61 tokenizer folds them."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def tokens(text: str) -> list[str]:
    """The folded words of `text`, in order."""
    return WORD.findall(fold(text))


def word_spans(text: str) -> list[tuple[str, int, int]]:
    """Each word of `text`, folded, with its character range in `text` as given."""
    return [(fold(m.group(0)), m.start(), m.end()) for m in WORD.finditer(text)]


def shingles(words: Sequence[str], size: int) -> list[tuple[str, ...]]:
    """The runs of `size` consecutive words (word n-grams), in order."""
    return [tuple(words[i:i + size]) for i in range(len(words) - size + 1)]
