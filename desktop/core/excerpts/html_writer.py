"""The excerpt pack as one self-contained HTML file: styles inline, no script, nothing
fetched (no image, font, stylesheet or frame from anywhere). Notes come from
`render_markdown`, the one safe renderer; every other text is escaped here. Links (the
back-links into Concordia, and http links in notes) are followed on a click only."""

from __future__ import annotations

from html import escape
from pathlib import Path

from desktop.core.excerpts.atomic import write_atomic
from desktop.core.excerpts.pack import Excerpt, Pack, Passage

STYLE = """
body { font-family: Georgia, "Times New Roman", serif; max-width: 46em; margin: 2em auto;
       padding: 0 1em; line-height: 1.45; color: #1a1a1a; }
h1 { font-size: 1.7em; margin-bottom: 0.2em; }
h2 { font-size: 1.35em; border-bottom: 1px solid #999; margin-top: 2em; }
h3 { font-size: 1.05em; margin: 0 0 0.4em; }
.heading p { margin: 0.1em 0; color: #444; }
.subtitle { color: #555; font-style: italic; margin-top: -0.4em; }
.excerpt { border-left: 4px solid #888; padding: 0.2em 0 0.2em 1em; margin: 1.6em 0; }
blockquote p { margin: 0.2em 0; }
blockquote { margin: 0.4em 0; padding: 0.4em 0.8em; background: #f5f5f0; font-size: 1.05em; }
.citation { margin: 0.2em 0; }
.details { color: #555; font-size: 0.9em; margin: 0.3em 0; }
.review { color: #8a4b00; font-size: 0.9em; }
.note { margin: 0.6em 0; }
.full-text p { margin: 0.2em 0; }
mark { background: #fff2a8; }
.corresponding { font-size: 0.92em; }
.corresponding li { margin: 0.2em 0; }
a { color: #1f4e9c; }
@media print { body { max-width: none; } .excerpt { break-inside: avoid-page; } }
"""


def render(pack: Pack) -> str:
    parts = ["<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
             f"<title>{escape(pack.title)}</title>", f"<style>{STYLE}</style>", "</head>",
             "<body>", '<header class="heading">', f"<h1>{escape(pack.title)}</h1>"]
    parts += [f"<p>{escape(line)}</p>" for line in pack.heading_lines()]
    parts.append("</header>")
    for group in pack.groups:
        parts.append(f"<section><h2>{escape(group.title)}</h2>")
        if group.subtitle:
            parts.append(f'<p class="subtitle">{escape(group.subtitle)}</p>')
        parts += [_excerpt(excerpt) for excerpt in group.excerpts]
        parts.append("</section>")
    parts += ["</body>", "</html>", ""]
    return "\n".join(parts)


def _excerpt(excerpt: Excerpt) -> str:
    colour = f' style="border-left-color: {excerpt.colour}"' if excerpt.colour else ""
    out = [f'<article class="excerpt" id="a{excerpt.id}"{colour}>',
           f"<h3>{escape(excerpt.citation)}</h3>",
           _quote(excerpt),
           f'<p class="citation">— {escape(excerpt.citation)} · '
           f'<a href="{escape(excerpt.link)}">open in Concordia</a></p>']
    if excerpt.in_review:
        out.append('<p class="review">The text changed since this was noted: it awaits '
                   "review.</p>")
    out.append(f'<p class="details">{escape(" · ".join(excerpt.details()))}</p>')
    if excerpt.note_html:
        out.append(f'<div class="note">{excerpt.note_html}</div>')
    if excerpt.full_text:
        out.append('<div class="full-text"><p><em>Full text:</em></p>')
        out += [f"<p>{_passage(p)}</p>" for p in excerpt.full_text]
        out.append("</div>")
    if excerpt.corresponding:
        out.append('<div class="corresponding"><p>Corresponding units:</p><ul>')
        for item in excerpt.corresponding:
            via = f" (indirect, via {escape(', '.join(item.via))})" if item.via else ""
            out.append(f'<li><a href="{escape(item.link)}">{escape(item.citation)}</a>{via}: '
                       f"{escape(item.first_words)}</li>")
        out.append("</ul></div>")
    out.append("</article>")
    return "\n".join(out)


def _quote(excerpt: Excerpt) -> str:
    if excerpt.whole and excerpt.passages:
        return ("<blockquote>" + "".join(f"<p>{_passage(p)}</p>" for p in excerpt.passages)
                + "</blockquote>")
    return f"<blockquote>{escape(excerpt.quote)}</blockquote>"


def _passage(passage: Passage) -> str:
    text = passage.text
    if passage.marked is None:
        body = escape(text)
    else:
        start, end = passage.marked
        body = (escape(text[:start]) + "<mark>" + escape(text[start:end]) + "</mark>"
                + escape(text[end:]))
    label = f"<strong>{escape(passage.label)}</strong> " if passage.label else ""
    return label + body


def write(pack: Pack, target: Path) -> None:
    content = render(pack)
    write_atomic(target, lambda path: path.write_text(content, encoding="utf-8"))
