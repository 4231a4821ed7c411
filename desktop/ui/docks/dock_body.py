"""The docks' shared layout: controls stacked above a list that takes the remaining height."""

from __future__ import annotations

from PySide6.QtWidgets import QDockWidget, QVBoxLayout, QWidget


def set_dock_body(dock: QDockWidget, *controls: QWidget, fill: QWidget) -> None:
    body = QWidget(dock)
    layout = QVBoxLayout(body)
    layout.setContentsMargins(4, 4, 4, 4)
    layout.setSpacing(4)
    for control in controls:
        layout.addWidget(control)
    layout.addWidget(fill, 1)
    dock.setWidget(body)
