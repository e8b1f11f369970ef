"""The Lessons page's views: each lesson's card, its Start and step buttons, and broken files."""

from __future__ import annotations

import os

import streamlit as st

from playground import lessons
from playground.lessons import Lesson, LessonProblem
from ui.backend import settings
from ui.i18n import lang, t
from ui.lesson_state import current_lesson_id, remember_lesson
from ui.state import config, link_params, replace_config

LESSONS_TTL_S = 10  # a teacher's new or edited file shows up within this many seconds


def _signature() -> tuple:
    """Changes when a lesson file is added, removed or edited."""
    files = lessons.lesson_files()
    return tuple((str(path), os.stat(path).st_mtime_ns) for path in files.values())


@st.cache_data(ttl=LESSONS_TTL_S, show_spinner=False)
def _load(signature: tuple, limits_key: tuple) -> tuple[list[Lesson], list[LessonProblem]]:
    return lessons.load_lessons(settings())


def loaded() -> tuple[list[Lesson], list[LessonProblem]]:
    """Every lesson, and every lesson file that cannot be used (read again when one changes)."""
    server = settings()
    return _load(_signature(), (server.max_epochs, server.max_units, server.max_layers))


def _text(text: dict[str, str]) -> str:
    return text.get(lang(), text.get("en", ""))


def start(lesson: Lesson) -> None:
    """Loads the lesson's experiment with what it hides and locks, and opens its page."""
    replace_config(lesson.config(settings()), lesson.hide, lesson.lock)
    remember_lesson(lesson.id)
    _open(lesson.page)


def take_step(lesson: Lesson, index: int) -> None:
    """Applies step `index` to the current experiment and opens its page."""
    step = lesson.steps[index]
    replace_config(lessons.apply_step(config(), step, settings()), lesson.hide, lesson.lock)
    remember_lesson(lesson.id)
    _open(step.page)


def _open(page: str) -> None:
    """Opens `page` with the new experiment and the language already in its URL."""
    st.switch_page(f"pages/{page}.py", query_params=link_params())


def lesson_card(lesson: Lesson, by_id: dict[str, Lesson]) -> None:
    """One lesson: its text, what to try and notice, Start, and its next steps."""
    with st.container(border=True, key=f"lesson_{lesson.id}"):
        number = lesson.id.split("-", 1)[0]
        st.subheader(f"{int(number)}. " * number.isdigit() + _text(lesson.title))
        if current_lesson_id() == lesson.id:
            st.caption(t("lessons.current"))
        st.markdown(_text(lesson.about))
        if lesson.try_:
            st.markdown(t("lessons.try", text=_text(lesson.try_)))
        if lesson.notice:
            st.markdown(t("lessons.notice", text=_text(lesson.notice)))
        missing = lessons.missing_files(lesson)
        if missing:
            st.info(t("lessons.missing_files", files=", ".join(missing)), icon="📦")
            alternative = by_id.get(lesson.offline_alternative)
            if alternative is not None and st.button(
                t("lessons.start_alternative", title=_text(alternative.title)),
                key=f"alternative_{lesson.id}",
            ):
                start(alternative)
        if st.button(t("lessons.start"), key=f"start_{lesson.id}", type="primary", icon="▶️"):
            start(lesson)
        for index, step in enumerate(lesson.steps):
            if st.button(
                t("lessons.step", number=index + 2, title=_text(step.title)),
                key=f"step_{lesson.id}_{index}",
                help=_text(step.text),
            ):
                take_step(lesson, index)


def problem_card(problem: LessonProblem) -> None:
    """A lesson file that cannot be used, and everything wrong with it."""
    st.warning(t("lessons.problem", path=problem.path), icon="🛠️")
    st.code("\n".join(problem.errors), language=None, wrap_lines=True)
