"""The pages' side of the translation layer: the language lives in the session."""

from __future__ import annotations

import streamlit as st

from playground.i18n import DEFAULT_LANGUAGE, LANGUAGES, translate
from ui import browser

LANGUAGE_KEY = "lang"
LANGUAGE_PARAM = "lang"  # in the URL: a shared link opens in its sender's language


def lang() -> str:
    return st.session_state.get(LANGUAGE_KEY, DEFAULT_LANGUAGE)


def t(key: str, **params) -> str:
    """Translates `key` into the session's language."""
    return translate(key, lang(), **params)


def initial_language() -> str:
    """The link's language (`?lang=ko`), else the one this browser used last, else English."""
    for candidate in (st.query_params.get(LANGUAGE_PARAM), browser.language_cookie()):
        if candidate in LANGUAGES:
            return candidate
    return DEFAULT_LANGUAGE


def language_switch() -> None:
    """A sidebar selector, starting from `initial_language()`; the choice is
    kept in the URL (`ui.state.sync_url`) and in the browser's cookie."""
    if LANGUAGE_KEY not in st.session_state:
        st.session_state[LANGUAGE_KEY] = initial_language()
    st.sidebar.selectbox("Language / 언어", list(LANGUAGES), format_func=LANGUAGES.get,
                         key=LANGUAGE_KEY)


def show_error(error) -> None:
    """Shows a PlaygroundError (or any exception) as a readable message, never a traceback."""
    message = error.message(lang()) if hasattr(error, "message") else t(
        "ui.unexpected_error", detail=str(error).splitlines()[0] if str(error) else type(error).__name__)
    st.error(message, icon="⚠️")
