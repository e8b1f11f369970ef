"""Lessons page: the course's lessons, each started with one click."""

import streamlit as st

from ui.i18n import t
from ui.lesson_views import lesson_card, loaded, problem_card
from ui.page import begin

begin()
st.title(t("lessons.title"))
st.write(t("lessons.intro"))
lessons, problems = loaded()
by_id = {lesson.id: lesson for lesson in lessons}
for lesson in lessons:
    lesson_card(lesson, by_id)
for problem in problems:
    problem_card(problem)
