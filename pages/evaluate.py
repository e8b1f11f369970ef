"""Evaluate page: what the finished model does on the test set."""

import streamlit as st

from ui import backend, evaluate_views, export_views, network_views
from ui.compare_views import run_option
from ui.i18n import t
from ui.page import begin, link
from ui.run_views import history_charts, history_download

begin()
st.title(t("eval.title"))
finished = backend.finished_jobs()
if not finished:
    st.info(t("eval.no_run"), icon="👉")
    link("train")
    st.stop()

names = backend.job_names()
labels = {job.id: run_option(job, names[job.id]) for job in finished}
job_id = st.selectbox(t("eval.run"), list(labels), format_func=labels.get)
job = next(job for job in finished if job.id == job_id)
result = backend.run_result(job.artifacts)

evaluate_views.scores(result)
if result.summary.task == "regression":
    evaluate_views.regression(result)
else:
    evaluate_views.classification(result)
if result.grid is not None:
    evaluate_views.neurons(result)
network_views.inside(result)
st.subheader(t("eval.history"))
history_charts(result.history, result.summary.task, "eval")
history_download(result.history, job.id)
export_views.downloads(result, job.id, names[job.id])
