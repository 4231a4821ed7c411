"""A note's Markdown becomes HTML that runs nothing and loads nothing from the network."""

from __future__ import annotations

import re

import pytest

from desktop.core.notes.render import render_markdown


def tags(html: str) -> list[str]:
    """The element names in `html` (escaped text such as &lt;script&gt; is not a tag)."""
    return re.findall(r"<\s*([a-zA-Z][a-zA-Z0-9]*)", html)


def test_ordinary_markdown_renders() -> None:
    """Guards the delegate's formatting: emphasis, lists, line breaks and safe links."""
    html = render_markdown("**Red line**: keep *as is*\nsee [UNODC](https://www.unodc.org)"
                           "\n\n- one\n- two")
    assert "<strong>Red line</strong>" in html and "<em>as is</em>" in html
    assert "<br" in html  # a line break typed in a note stays a line break
    assert '<a href="https://www.unodc.org">UNODC</a>' in html
    assert "<li>one</li>" in html


@pytest.mark.parametrize("markdown", [
    "<script>alert('x')</script>",
    "before <script src=\"http://evil.example/x.js\"></script> after",
    "<SCRIPT>alert(1)</SCRIPT>",
])
def test_script_is_shown_as_text_never_run(markdown: str) -> None:
    """Guards against script: the words are visible, escaped, and there is no script
    element."""
    html = render_markdown(markdown)
    assert "script" not in [t.lower() for t in tags(html)]
    assert "&lt;script" in html.lower()


@pytest.mark.parametrize("markdown", [
    "![chart](http://evil.example/track.png)",
    "![chart](https://evil.example/track.png \"title\")",
    "![chart][ref]\n\n[ref]: http://evil.example/track.png",
    "<img src=\"http://evil.example/track.png\">",
    "<img src=x onerror=\"fetch('http://evil.example')\">",
])
def test_images_never_load(markdown: str) -> None:
    """Guards "loads nothing from the network": no img element and no src attribute; a
    Markdown image leaves its alternative text."""
    html = render_markdown(markdown)
    assert "img" not in tags(html)
    assert "src=" not in re.sub(r"&lt;.*?&gt;", "", html)  # only inside escaped text
    if markdown.startswith("!["):
        assert "[image: chart]" in html


@pytest.mark.parametrize("markdown", [
    "[click](javascript:alert(1))",
    "[click](JavaScript:alert(1))",
    "[click]( javascript:alert(1))",
    "[click](java\tscript:alert(1))",
    "[click](&#106;avascript:alert(1))",
    "[click](javascript&#58;alert(1))",
    "[click](javascript\\:alert(1))",
    "[click][ref]\n\n[ref]: javascript:alert(1)",
    "[click](data:text/html;base64,PHNjcmlwdD4=)",
    "[click](vbscript:msgbox(1))",
    "[click](file:///etc/passwd)",
])
def test_javascript_and_other_unsafe_links_lose_their_href(markdown: str) -> None:
    """Guards against script links, however spelled: the words stay, the link goes."""
    html = render_markdown(markdown)
    assert "href" not in html
    assert "click" in html


@pytest.mark.parametrize("markdown", [
    "<div onclick=\"steal()\">raw</div>",
    "<iframe src=\"http://evil.example\"></iframe>",
    "<a href=\"javascript:alert(1)\">x</a>",
    "<style>body{background:url(http://evil.example/x)}</style>",
    "<b>bold?</b> <!-- comment -->",
    "<link rel=stylesheet href=http://evil.example/x.css>",
])
def test_raw_html_is_escaped(markdown: str) -> None:
    """Guards "runs no raw HTML": the delegate sees what was typed, as text; no element
    from it reaches the page."""
    html = render_markdown(markdown)
    assert tags(html) == ["p"]
    assert "&lt;" in html


def test_mail_and_fragment_links_stay() -> None:
    """Guards the safe links that remain: mailto and in-page fragments."""
    assert "href" in render_markdown("<mailto:focal.point@example.org>")
    assert 'href="#para-19"' in render_markdown("[OP 19](#para-19)")
