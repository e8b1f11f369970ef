"""What the class shows on a student's pages: the teacher's banner, the pause, the nickname.

Only what every student may see is read here (`TrainingBackend.class_notice`,
`student`, `set_nickname`); the teacher's own methods are called from
`ui.teacher_views` alone, after its token check.
"""

from __future__ import annotations

import streamlit as st

from playground.classroom import MAX_NICKNAME_CHARS, ClassNotice, Student
from playground.i18n import translate
from ui import backend
from ui.i18n import lang, t

BANNER_REFRESH_SECONDS = 10.0  # a pushed banner reaches an idle page within this
NICKNAME_KEY = "class_nickname"
_PAUSE_SEEN_KEY = "_class_pause_seen"


def class_mode() -> bool:
    """Whether this server hosts a class: a teacher token is set (PLAYGROUND_TEACHER_TOKEN)."""
    return bool(backend.settings().teacher_token)


def class_notice() -> ClassNotice:
    return backend.pool().class_notice()


def student_name(student: Student) -> str:
    """The student's nickname, or "student 7": plain text, for tables and charts
    (escape it before it goes into Markdown or HTML)."""
    return student.nickname or translate("class.student_n", lang(), number=student.number)


def _banner() -> None:
    notice = class_notice()
    seen = st.session_state.get(_PAUSE_SEEN_KEY)
    st.session_state[_PAUSE_SEEN_KEY] = notice.paused
    if seen is not None and seen != notice.paused:
        st.rerun()  # the whole page: an idle Train button turns off (or on) within seconds
    banner = notice.banner
    if banner is not None:
        # The link was rebuilt by `classroom.read_banner`: a page of this app with
        # URL-encoded parameters, so it can neither leave the app nor break the Markdown.
        st.info(
            f"{t('class.banner', text=banner.text)} [{t('class.banner_open')}]({banner.link})",
            icon="📣",
        )


def show_banner() -> None:
    """The teacher's lesson link, on every page until the teacher clears it; an idle
    page picks up a new one, and a pause or its end, within `BANNER_REFRESH_SECONDS`."""
    if class_mode():
        st.fragment(_banner, run_every=BANNER_REFRESH_SECONDS)()


def _keep_nickname() -> None:
    backend.pool().set_nickname(backend.session_owner(), st.session_state.get(NICKNAME_KEY, ""))


def nickname_prompt() -> None:
    """Before a student's first run in a class: the optional nickname the teacher will see."""
    if not class_mode() or backend.session_jobs():
        return
    student = backend.pool().student(backend.session_owner())
    st.session_state.setdefault(NICKNAME_KEY, student.nickname)
    st.text_input(
        t("class.nickname"),
        max_chars=MAX_NICKNAME_CHARS,
        placeholder=student_name(student),
        help=t("class.nickname_help", number=student.number),
        key=NICKNAME_KEY,
        on_change=_keep_nickname,
    )


def submissions_paused() -> bool:
    """True (and says so) while the teacher has paused new runs."""
    if not class_notice().paused:
        return False
    st.warning(t("class.paused"), icon="⏸️")
    return True
