"""The Qt-free core: parsing, corpus access, ids, citations. Never imports PySide6."""
