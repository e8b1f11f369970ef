"""Compare page: several of this browser's finished runs side by side."""

import streamlit as st

from ui import backend, compare_views
from ui.i18n import t
from ui.page import begin, link

begin()
st.title(t("compare.title"))
finished = backend.finished_jobs()
if len(finished) < 2:
    st.info(t("compare.no_runs"), icon="👉")
    link("train")
    st.stop()

names = backend.job_names()
jobs = compare_views.pick_runs(finished, names)
compare_views.rename_runs(jobs, names)
if len(jobs) < 2:
    st.info(t("compare.pick_more"), icon="👆")
    st.stop()

results = [backend.run_result(job.artifacts) for job in jobs]
compare_views.curves(jobs, results, names)
compare_views.settings_table(jobs, names)
compare_views.scores_table(jobs, results, names)
compare_views.boundaries(jobs, results, names)
