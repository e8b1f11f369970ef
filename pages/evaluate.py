"""Evaluate page: what the finished model does on the test set."""

import numpy as np
import pandas as pd
import streamlit as st

from playground import charts, datasets, evaluation
from playground.csv_export import safe_csv
from ui import backend
from ui.navigation import ensure_app_navigation
from ui.run_status import at_chance, chance_level_note, sidebar_run_status
from ui.i18n import lang, t

ensure_app_navigation()
sidebar_run_status()

st.title(t("eval.title"))
pool = backend.pool()
finished = [job for job in (pool.snapshot(i) for i in reversed(backend.session_runs()))
            if job is not None and job.artifacts]
if not finished:
    st.info(t("eval.no_run"), icon="👉")
    st.page_link("pages/train.py", label=t("page.train"), icon="🏋️")
    st.stop()

labels = {job.id: t("eval.run_label", n=index, dataset=t(f"data.name.{job.config['data']['name']}"),
                    epochs=len(job.history))
          for index, job in zip(range(len(finished), 0, -1), finished)}
job_id = st.selectbox(t("eval.run"), list(labels), format_func=labels.get)
job = next(j for j in finished if j.id == job_id)
run = backend.load_artifacts(job.artifacts)
result, y_true, prob = run["result"], run["y_true"], run["prob"]
task, class_names = result["task"], result["class_names"]

# ------------------------------------------------------------- test metrics
st.subheader(t("eval.test_metrics", n=result["n_test"]))
if task == "regression":
    scores = {"loss": result["test"]["loss"],
              **evaluation.regression_metrics(y_true, prob.reshape(len(prob), -1)[:, 0])}
else:
    scores = {name: value for name, value in result["test"].items()}
for col, (name, value) in zip(st.columns(len(scores)), scores.items()):
    col.metric(t(f"eval.metric.{name}"), f"{value:.4f}" if isinstance(value, float) else str(value))
if at_chance(result):
    chance_level_note(result)

# ------------------------------------------------------------- classification
if task != "regression":
    threshold, positive = 0.5, 1
    if task == "binary":
        st.subheader(t("eval.threshold_title"))
        dataset_name = job.config["data"]["name"]
        spec = datasets.DATASETS.get(dataset_name)
        positive = st.selectbox(
            t("eval.positive_class"), [0, 1], format_func=lambda k: str(class_names[k]),
            index=evaluation.default_positive_class(class_names, spec.positive_class if spec else None),
            key=f"positive_class.{dataset_name}", help=t("eval.positive_class_help"))
        positive_name, negative_name = str(class_names[positive]), str(class_names[1 - positive])
        st.caption(t("eval.threshold_help", positive=positive_name, negative=negative_name))
        threshold = st.slider(t("eval.threshold", positive=positive_name), 0.01, 0.99, 0.5,
                              step=0.01, key="threshold")
    y_pred = evaluation.predicted_classes(prob, threshold, positive)
    matrix_col, report_col = st.columns([5, 4])
    with matrix_col:
        st.subheader(t("eval.confusion"))
        value_labels = {"counts": t("eval.matrix_counts"), "percent": t("eval.matrix_percent")}
        values = st.segmented_control(t("eval.matrix_values"), list(value_labels), default="counts",
                                      required=True, format_func=value_labels.get, key="matrix_values")
        st.plotly_chart(charts.confusion_matrix_figure(
            evaluation.confusion(y_true, y_pred, len(class_names)), class_names, lang(), values),
            key="confusion_chart", width="stretch", config={"displayModeBar": False})
    with report_col:
        st.subheader(t("eval.report"))
        score = st.column_config.NumberColumn(format="%.3f")
        st.dataframe(evaluation.report_frame(y_true, y_pred, class_names), height="content",
                     placeholder="—",
                     column_config={"_index": st.column_config.TextColumn(width=110),
                                    "precision": score, "recall": score, "f1-score": score,
                                    "support": st.column_config.NumberColumn(format="%d")})
    if task == "binary":
        sweep = evaluation.threshold_sweep(y_true, prob, np.linspace(0.05, 0.95, 19), positive)
        st.plotly_chart(charts.threshold_figure(sweep, threshold, lang(), positive_name=positive_name),
                        key="threshold_chart")
    else:
        st.subheader(t("eval.softmax_title"))
        st.caption(t("eval.softmax_help"))
        st.dataframe(evaluation.softmax_table(prob, y_true, class_names, rows=8, lang=lang()).round(3))
        row = st.number_input(t("eval.row"), 0, len(y_true) - 1, 0)
        st.plotly_chart(charts.probability_bars_figure(prob[row], class_names, lang(),
                                                       highlight=int(np.argmax(prob[row]))),
                        key="probability_chart")
        st.caption(t("eval.argmax_line", cls=class_names[int(np.argmax(prob[row]))],
                     p=f"{float(np.max(prob[row])):.3f}", truth=class_names[int(y_true[row])]))
else:
    st.subheader(t("eval.pred_vs_actual"))
    st.plotly_chart(charts.predicted_vs_actual_figure(y_true, prob.reshape(len(prob), -1)[:, 0], lang()),
                    key="regression_chart")

# ------------------------------------------------------------- 2-D: what the neurons learned
grid = run.get("grid")
if grid is not None:
    layer_keys = sorted((k for k in grid if k.startswith("layer_")), key=lambda k: int(k[6:]))
    output = grid[layer_keys[-1]]
    values = output[..., 0] if output.shape[-1] == 1 else (
        output[..., 1] if output.shape[-1] == 2 else output.argmax(axis=-1))
    st.subheader(t("eval.boundary"))
    st.plotly_chart(charts.decision_boundary_figure(
        grid["xs"], grid["ys"], values, grid["x_train"], grid["y_train"], class_names, task, lang()),
        key="final_boundary")
    st.subheader(t("eval.neurons"))
    st.caption(t("eval.neurons_help"))
    extent = (float(grid["xs"][0]), float(grid["xs"][-1]), float(grid["ys"][0]), float(grid["ys"][-1]))
    for number, key in enumerate(layer_keys[:-1], start=1):
        st.plotly_chart(charts.neuron_grid_figure(grid[key], extent, lang(),
                                                  t("eval.layer_title", n=number)),
                        key=f"neurons_{key}")

# ------------------------------------------------------------- history
st.subheader(t("eval.history"))
best = evaluation.best_epoch(run["history"])
metric = "mae" if task == "regression" else "accuracy"
loss_col, metric_col = st.columns(2)
loss_col.plotly_chart(charts.history_figure(run["history"], "loss", lang(), best_epoch=best),
                      key="eval_loss")
metric_col.plotly_chart(charts.history_figure(run["history"], metric, lang(), best_epoch=best),
                        key="eval_metric")
st.download_button(t("train.download_history"), safe_csv(pd.DataFrame(run["history"])),
                   file_name=f"history-{job.id}.csv", mime="text/csv", icon="⬇️")
