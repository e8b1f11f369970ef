"""Which lesson this session is following, for the pages and the Teacher page."""

from __future__ import annotations

import streamlit as st

LESSON_ID_KEY = "lesson_id"


def current_lesson_id() -> str:
    """The id of the lesson last started (or stepped) in this session, e.g.
    "05-mnist-sigmoid"; "" when none, or after Reset."""
    return st.session_state.get(LESSON_ID_KEY, "")


def remember_lesson(lesson_id: str) -> None:
    st.session_state[LESSON_ID_KEY] = lesson_id


def forget_lesson() -> None:
    st.session_state.pop(LESSON_ID_KEY, None)
