"""Makes every page run through app.py's navigation, even on a fresh server."""

from __future__ import annotations

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager


def ensure_app_navigation() -> None:
    """Reruns through app.py when Streamlit ran this page on its own.

    Because a `pages/` folder exists, a fresh Streamlit server starts in its
    old multipage mode: until someone opens the home page, a deep link such
    as /train runs pages/train.py alone, without app.py's navigation,
    language switch and page config. `st.navigation` in app.py switches that
    mode off; this does the same from a page and reruns, so the first
    visitor gets the real app.
    """
    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()
