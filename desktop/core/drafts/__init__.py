"""The user's imported instruments: a draft under negotiation and its revisions.

readers.py turns a file into lines, detect.py applies the general grammar of UN instruments
(desktop.core.ingest) to them, store.py keeps the result in the user corpus (the shipped
corpus's schema, in the user data directory) and attaches it to the read API, analysis.py
says paragraph by paragraph what is agreed language.
"""
