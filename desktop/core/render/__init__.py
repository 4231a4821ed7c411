"""Qt-free rendering of the corpus for the window: an instrument as HTML, its outline as a tree.

Kept out of desktop/ui/ so it can be tested without a display and reused by exports.
"""
