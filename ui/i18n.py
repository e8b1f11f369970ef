"""The pages' side of the translation layer: the language lives in the session."""

from __future__ import annotations

import streamlit as st

from playground.i18n import DEFAULT_LANGUAGE, LANGUAGES, translate

LANGUAGE_KEY = "lang"


def lang() -> str:
    return st.session_state.get(LANGUAGE_KEY, DEFAULT_LANGUAGE)


def t(key: str, **params) -> str:
    """Translates `key` into the session's language."""
    return translate(key, lang(), **params)


def language_switch() -> None:
    """A sidebar selector; English is the default."""
    st.session_state.setdefault(LANGUAGE_KEY, DEFAULT_LANGUAGE)
    st.sidebar.selectbox("Language / 언어", list(LANGUAGES), format_func=LANGUAGES.get,
                         key=LANGUAGE_KEY)


def show_error(error) -> None:
    """Shows a PlaygroundError (or any exception) as a readable message, never a traceback."""
    message = error.message(lang()) if hasattr(error, "message") else t(
        "ui.unexpected_error", detail=str(error).splitlines()[0] if str(error) else type(error).__name__)
    st.error(message, icon="⚠️")
