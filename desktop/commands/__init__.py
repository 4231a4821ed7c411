"""Command-line commands that need no window (never import PySide6)."""
