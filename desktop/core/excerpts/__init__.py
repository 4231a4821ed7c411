"""Excerpt packs: the annotations chosen for a brief (pack.py), one writer per format
(markdown_writer.py, html_writer.py, docx_writer.py; the PDF writer needs Qt and lives in
desktop/pdf_export.py), and the atomic write they all go through (atomic.py)."""
