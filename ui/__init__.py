"""Streamlit glue shared by the pages: translation, session state, backend.

The core (`playground/`) never imports streamlit; this package is the only
place where the two meet, so the pages stay thin.
"""
