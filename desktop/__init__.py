"""Concordia: an offline reader and annotator for the UN drug-policy instruments."""

__version__ = "0.1.0"
