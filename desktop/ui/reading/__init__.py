"""The reading panes: the document view and its layers of marks, the panes, their headers and
sync bars, the navigator and the sync controller."""
