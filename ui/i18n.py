"""The pages' side of the translation layer: the language lives in the session."""

from __future__ import annotations

import streamlit as st

from playground.i18n import DEFAULT_LANGUAGE, LANGUAGES, translate
from playground.i18n.escape import Markdown, escape_params
from ui import browser

LANGUAGE_KEY = "lang"
LANGUAGE_PARAM = "lang"  # in the URL: a shared link opens in its sender's language


def lang() -> str:
    return st.session_state.get(LANGUAGE_KEY, DEFAULT_LANGUAGE)


def t(key: str, **params) -> Markdown:
    """Translates `key` into the session's language.

    Every parameter is shown literally (Markdown and HTML escaped), so a
    value from a link, a file or a student can never become a live link,
    an image or formatting; the template keeps its own formatting.
    """
    return Markdown(translate(key, lang(), **escape_params(params)))


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
    st.sidebar.selectbox(
        "Language / 언어", list(LANGUAGES), format_func=LANGUAGES.get, key=LANGUAGE_KEY
    )


def show_error(error) -> None:
    """Shows a PlaygroundError (or any exception) as a readable message, never a traceback.

    The values the message quotes are escaped like every parameter of `t`.
    """
    if hasattr(error, "code") and hasattr(error, "params"):
        message = t(error.code, **error.params)
    else:
        message = t(
            "ui.unexpected_error",
            detail=str(error).splitlines()[0] if str(error) else type(error).__name__,
        )
    st.error(message, icon="⚠️")
