"""The link that opens a unit in Concordia: `concordia://open/<percent-encoded unit id>`.

The desktop's link handler passes such a link to `concordia`, and cli.py turns it back into
`--open UNIT`. Exports carry it on every excerpt, and shared annotations use it as the IRI
of the unit they target, so both sides must encode it the same way: every character but
letters, digits, `-._~` and the parentheses of subparagraph paths is percent-encoded (the
slash too: `concordia://open/ungass2016%2F1(a)`).
"""

from __future__ import annotations

from urllib.parse import quote, unquote, urlsplit

SCHEME = "concordia"
PREFIX = f"{SCHEME}://open/"


def unit_link(unit_id: str) -> str:
    return PREFIX + quote(unit_id, safe="()")


def unit_of_link(link: str) -> str | None:
    """The unit id a `concordia://open/…` link names, or None for any other IRI."""
    parsed = urlsplit(link)
    if parsed.scheme.lower() != SCHEME or parsed.netloc.lower() != "open":
        return None
    unit = unquote(parsed.path.lstrip("/"))
    return unit or None
