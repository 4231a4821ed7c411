"""The annotation store: highlights and notes on units, kept so that none is ever lost.

Qt-free. `AnnotationStore` (store.py) is the one entry point for reading and writing;
anchors are made with anchoring.py against `CorpusText` (texts.py); `render_markdown`
(render.py) is the one way a note's Markdown becomes HTML. See docs/notes.md.
"""
