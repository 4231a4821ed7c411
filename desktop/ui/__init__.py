"""The Qt user interface: a thin layer over desktop.core."""
