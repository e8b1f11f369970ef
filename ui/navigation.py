"""Makes every page run through app.py's navigation, even on a fresh server."""

from __future__ import annotations

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

_APP_RAN_KEY = "_app_navigation_ran"


def mark_app_ran() -> None:
    """Called by app.py: this session has run through the real navigation."""
    st.session_state[_APP_RAN_KEY] = True


def ensure_app_navigation() -> None:
    """Reruns through app.py when Streamlit ran this page on its own.

    Because a `pages/` folder exists, a fresh Streamlit server starts in its
    old multipage mode: until someone opens the home page, a deep link such
    as /train runs pages/train.py alone, without app.py's navigation,
    language switch and page config. `st.navigation` in app.py switches that
    mode off; this does the same from a page. It reruns only a session that
    has never run app.py, which has no pending click that a rerun would drop.
    """
    if not PagesManager.uses_pages_directory:
        return
    PagesManager.uses_pages_directory = False
    if _APP_RAN_KEY not in st.session_state:
        st.rerun()
