"""This browser's identity and language, kept in cookies across reloads and tabs.

Streamlit starts a new session for every tab and every reload, so nothing in
`st.session_state` survives F5. The browser gets an unguessable id instead
(`secrets.token_urlsafe`), kept in a cookie: every tab of the same browser
sends it, so they share the runs the training pool keeps for that id, and
another browser never sees them. The language is kept the same way.

Streamlit reads cookies (`st.context.cookies`, sent with the page's
websocket request) but cannot set them, so a small script does, built only
from our own token and a language code from `LANGUAGES`: never from
anything a user or a link supplies.
"""

from __future__ import annotations

import json
import re
import secrets

import streamlit as st

from playground.i18n import LANGUAGES

BROWSER_COOKIE = "playground_browser"
LANGUAGE_COOKIE = "playground_lang"
COOKIE_MAX_AGE_S = 12 * 60 * 60
TOKEN_BYTES = 24
_BROWSER_ID_KEY = "_browser_id"
_TOKEN = re.compile(r"[A-Za-z0-9_-]{32}")  # what token_urlsafe(24) makes


def browser_id() -> str:
    """This browser's id: from its cookie, or a new unguessable one."""
    if _BROWSER_ID_KEY not in st.session_state:
        cookie = st.context.cookies.get(BROWSER_COOKIE)
        valid = isinstance(cookie, str) and _TOKEN.fullmatch(cookie)
        st.session_state[_BROWSER_ID_KEY] = cookie if valid else secrets.token_urlsafe(TOKEN_BYTES)
    return st.session_state[_BROWSER_ID_KEY]


def language_cookie() -> str | None:
    """The language this browser used last, if it is one the app speaks."""
    value = st.context.cookies.get(LANGUAGE_COOKIE)
    return value if isinstance(value, str) and value in LANGUAGES else None


def cookie_script(token: str, language: str) -> str:
    """The script that stores the browser id and language for `COOKIE_MAX_AGE_S`.

    Raises:
        ValueError: `token` is not one of our tokens or `language` is unknown.
    """
    if not _TOKEN.fullmatch(token):
        raise ValueError(f"Argument `token` must be a browser token. Received: token={token!r}")
    if language not in LANGUAGES:
        raise ValueError(
            f"Argument `language` must be one of {list(LANGUAGES)}. Received: language={language!r}"
        )
    attributes = f"; Max-Age={COOKIE_MAX_AGE_S}; Path=/; SameSite=Lax"
    lines = [
        f"document.cookie = {json.dumps(name + '=' + value + attributes)};"
        for name, value in ((BROWSER_COOKIE, token), (LANGUAGE_COOKIE, language))
    ]
    return "<script>" + " ".join(lines) + "</script>"


def remember_browser(language: str) -> None:
    """Writes this browser's id and `language` into its cookies (on every full run,
    so the cookies last 12 hours after the last visit)."""
    st.sidebar.html(cookie_script(browser_id(), language), unsafe_allow_javascript=True)
