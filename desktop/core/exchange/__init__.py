"""Sharing annotations within a delegation as W3C Web Annotations (JSON-LD): out
(export.py), in with a three-way merge that keeps conflicts for the delegate (importer.py,
record.py), and the conflicts list (conflicts.py). docs/sharing.md tells the whole story."""
