"""Teacher page: the whole class, live; pause new runs, stop any run, push a lesson link.

It exists only when PLAYGROUND_TEACHER_TOKEN is set, and shows nothing but
the token box until this session has entered the token.
"""

import streamlit as st

from ui.class_notice import class_mode
from ui.i18n import t
from ui.page import begin, student_pages
from ui.teacher_views import (
    RESULTS_REFRESH_SECONDS,
    TEACHER_REFRESH_SECONDS,
    class_controls,
    class_results_view,
    live_class_view,
    teacher_verified,
    token_box,
)

begin()
st.title(t("teacher.title"))
if not class_mode():
    st.info(t("teacher.not_enabled"), icon="🔒")
    st.stop()
if not teacher_verified():
    token_box()
    st.stop()
class_controls(tuple(page.name for page in student_pages()))
st.fragment(live_class_view, run_every=TEACHER_REFRESH_SECONDS)()
st.fragment(class_results_view, run_every=RESULTS_REFRESH_SECONDS)()
