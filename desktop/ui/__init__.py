"""The Qt user interface: a thin layer over desktop.core."""

from desktop.ui.feature_check import quicken

quicken()  # if PySide6 is already imported; desktop.ui.app asks again once it imports it
