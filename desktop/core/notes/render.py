"""A note's Markdown as HTML that runs nothing and loads nothing: the one renderer.

Every view and export of a note goes through `render_markdown`. python-markdown does the
Markdown; then:
- raw HTML is never passed through: the block and inline HTML readers are removed, so
  `<script>`, `<iframe>`, `<div onclick=…>` and comments come out as visible, escaped text;
- images are replaced by their alternative text: the app is offline and notes carry no
  pictures, so no `src` ever reaches the page to be fetched;
- links keep their href only for http, https and mailto (opened on a click, never loaded
  by the page) and for `#` fragments; `javascript:`, `data:`, `vbscript:`, `file:` and
  relative links lose their href and keep their words. Entities and control characters
  are decoded before the scheme is judged, so `&#106;avascript:` is caught too.
"""

from __future__ import annotations

import html
import re
import threading
import xml.etree.ElementTree as etree
from typing import Any

import markdown
import markdown.util
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

SAFE_SCHEMES = frozenset({"http", "https", "mailto"})

_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")
_INVISIBLE = re.compile(r"[\x00-\x20\x7f-\x9f\u200b-\u200f\u2028-\u202e\ufeff]+")

_lock = threading.Lock()
_converter: markdown.Markdown | None = None


def render_markdown(text: str) -> str:
    """`text` (a note's Markdown) as an HTML fragment safe to show in any view."""
    global _converter
    with _lock:  # a Markdown instance keeps state between calls: one caller at a time
        if _converter is None:
            _converter = markdown.Markdown(extensions=[_Safety(), "sane_lists", "nl2br"],
                                           output_format="html")
        _converter.reset()
        return _converter.convert(text)


def safe_href(href: str) -> bool:
    """True for an http(s)/mailto link or an in-page fragment; False for anything else."""
    # python-markdown writes an entity's "&" as a placeholder until its last step.
    decoded = href.replace(markdown.util.AMP_SUBSTITUTE, "&")
    decoded = _INVISIBLE.sub("", html.unescape(html.unescape(decoded)))
    if decoded.startswith("#"):
        return True
    match = _SCHEME.match(decoded)
    return bool(match) and match.group(1).lower() in SAFE_SCHEMES


class _Safety(Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:  # Markdown's name, overridden
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        # After "unescape" (priority 0), which turns backslash escapes back into characters:
        # the attributes are judged exactly as they will be written.
        md.treeprocessors.register(_Sanitiser(md), "concordia_safety", -10)


class _Sanitiser(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for parent in list(root.iter()):
            for index, child in enumerate(list(parent)):
                if child.tag == "img":
                    parent.remove(child)
                    parent.insert(index, _image_words(child))
                elif child.tag == "a":
                    href = child.get("href")
                    if href is None or not safe_href(href):
                        _strip_link(child)
            for name in list(parent.attrib):
                if name.lower().startswith("on") or name.lower() in {"src", "style"}:
                    del parent.attrib[name]


def _image_words(image: etree.Element) -> etree.Element:
    words = etree.Element("span", {"class": "image-removed"})
    alt = image.get("alt") or ""
    words.text = f"[image: {alt}]" if alt else "[image]"
    words.tail = image.tail
    return words


def _strip_link(link: etree.Element) -> None:
    attributes: dict[str, Any] = {"class": "link-removed"}
    if link.get("title"):
        attributes["title"] = link.get("title")
    link.tag = "span"
    link.attrib.clear()
    link.attrib.update(attributes)
