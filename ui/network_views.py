"""Views inside the network: the live diagram (Train), the saved model's diagram and the
MNIST and IMDB views (Evaluate)."""

from __future__ import annotations

import numpy as np
import streamlit as st

from playground import charts_network, network_view, review_words
from playground.evaluation import predicted_classes
from playground.i18n import translate
from playground.runs import JobView, RunResult
from ui import backend
from ui.i18n import lang, t

MNIST_WEIGHTS_SHOWN = 32
# One live figure per running job and language: the page refreshes every
# second, but the diagram only changes once per epoch.
LIVE_FIGURES = 128
# IMDB's reviews are English, so the sample review is too, in both languages.
SAMPLE_REVIEW = "A wonderful film with a great cast, but the ending was boring."
DIAGRAM_CHART = {"displayModeBar": False, "scrollZoom": False}


def live_diagram(job: JobView) -> None:
    """The network after the job's latest epoch, from the snapshot its trainer sent."""
    st.subheader(t("net.title"))
    if job.network is None:
        st.caption(t("net.waiting"))
        return
    figure = _live_figure(job.id, job.submitted_at, job.network.epoch, lang(), job.network)
    _diagram(job.network, figure, key="live_network")


def saved_diagram(result: RunResult) -> None:
    """The saved model's network, computed here from its weights and its saved points."""
    st.subheader(t("net.title"))
    if result.network is None or result.network_inputs is None:
        st.info(t("net.unavailable"), icon="ℹ️")
        return
    snapshot = _saved_snapshot(str(result.folder), result.summary.model_epoch)
    title = t("net.saved_title", epoch=result.summary.model_epoch)
    _diagram(snapshot, charts_network.network_figure(snapshot, lang(), title), key="saved_network")


def inside(result: RunResult) -> None:
    """Everything the Evaluate page shows of the network: the diagram, then MNIST's or IMDB's views."""
    saved_diagram(result)
    if result.network is None:
        return
    if result.summary.dataset == "mnist" and result.network.kernels[0].shape[0] == 28 * 28:
        mnist_views(result)
    elif result.summary.dataset == "imdb" and result.network_inputs is not None:
        imdb_views(result)


def mnist_views(result: RunResult) -> None:
    """First-layer weights as 28×28 images; per class, the average right and wrong test digit."""
    kernel = result.network.kernels[0]
    st.subheader(t("net.mnist_weights_title"))
    shown = min(kernel.shape[1], MNIST_WEIGHTS_SHOWN)
    st.caption(t("net.mnist_weights_help", shown=shown, units=kernel.shape[1]))
    st.plotly_chart(
        charts_network.first_layer_weights_figure(kernel, lang(), max_units=shown),
        key="mnist_weights",
        config=DIAGRAM_CHART,
    )
    st.subheader(t("net.mnist_average_title"))
    dataset = backend.load_dataset(result.summary.config.data)
    if len(dataset.y_test) != len(result.y_true) or not np.array_equal(
        dataset.y_test, result.y_true
    ):
        st.info(t("net.mnist_mismatch", rows=len(dataset.y_test), answers=len(result.y_true)))
        return
    pixels = dataset.x_test.reshape(len(dataset.x_test), 28, 28) * dataset.pixel_scale
    pixels = pixels + dataset.pixel_offset
    y_pred = predicted_classes(result.prob)
    st.caption(t("net.mnist_average_help"))
    st.plotly_chart(
        charts_network.class_average_figure(
            class_averages(pixels, result.y_true, y_pred, len(result.summary.class_names)),
            result.summary.class_names,
            lang(),
        ),
        key="mnist_averages",
        config=DIAGRAM_CHART,
    )


def class_averages(pixels, y_true, y_pred, classes: int) -> np.ndarray:
    """Shape (2, classes, 28, 28): per true class, the mean image answered right, then wrong
    (NaN where there is none)."""
    averages = np.full((2, classes, 28, 28), np.nan)
    for cls in range(classes):
        for row, chosen in enumerate(
            ((y_true == cls) & (y_pred == cls), (y_true == cls) & (y_pred != cls))
        ):
            if chosen.any():
                averages[row, cls] = pixels[chosen].mean(axis=0)
    return averages


def imdb_views(result: RunResult) -> None:
    """The words that push the network most, alone and in a review the student types."""
    names = result.network_inputs.feature_names
    st.subheader(t("net.imdb_title"))
    known = review_words.vocabulary(names)
    if not any(not name.startswith("word_") for name in known):
        st.info(t("net.imdb_no_words"), icon="ℹ️")
        return
    pushes = _word_pushes(str(result.folder))
    empty = review_words.review_pushes(result.network, names, "").probability
    st.caption(t("net.imdb_help", empty=f"{empty:.3f}"))
    towards_positive, towards_negative = review_words.strongest(pushes)
    for column, words, key in zip(
        st.columns(2),
        (towards_positive, towards_negative),
        ("net.imdb_positive", "net.imdb_negative"),
    ):
        column.plotly_chart(
            charts_network.word_push_figure(
                [w.word for w in words], [w.push for w in words], lang(), t(key)
            ),
            key=f"imdb_{key}",
            config=DIAGRAM_CHART,
        )
    text = st.text_area(
        t("net.review_label"), SAMPLE_REVIEW, max_chars=review_words.MAX_REVIEW_CHARS
    )
    reading = review_words.review_pushes(result.network, names, text)
    verdict = result.summary.class_names[int(reading.probability >= 0.5)]
    st.markdown(t("net.review_result", p=f"{reading.probability:.3f}", verdict=verdict))
    if reading.words:
        st.plotly_chart(
            charts_network.word_push_figure(
                [w.word for w in reading.words],
                [w.push for w in reading.words],
                lang(),
                t("net.review_words_title"),
            ),
            key="imdb_review",
            config=DIAGRAM_CHART,
        )
    else:
        st.caption(t("net.review_empty"))
    if reading.unknown:
        st.caption(t("net.review_unknown", words=", ".join(reading.unknown[:30])))


def _diagram(snapshot: network_view.NetworkSnapshot, figure, key: str) -> None:
    """The figure, then the rules it was drawn by and how many neurons it marks."""
    st.plotly_chart(figure, key=key, config=DIAGRAM_CHART)
    caption = "net.caption_map" if snapshot.side else "net.caption_histogram"
    limits = snapshot.limits
    widest = max(layer.connections for layer in snapshot.layers)
    rules = [
        t(caption, points=snapshot.points),
        t("net.rule_edges", shown=limits.max_edges, total=f"{widest:,}"),
        t("net.rule_neurons", count=limits.max_neurons),
        t(
            "net.rule_marks",
            edge=f"{network_view.SATURATION_EDGE * 100:g}",
            share=f"{network_view.SATURATED_SHARE * 100:g}",
        ),
    ]
    st.caption("  \n".join(rules))
    marked = len(snapshot.marked)
    if marked:
        st.warning(t("net.marked_count", count=marked), icon="🔴")


@st.cache_resource(max_entries=LIVE_FIGURES, show_spinner=False)
def _live_figure(job_id: str, submitted_at: float, epoch: int, language: str, _snapshot):
    """The figure of one job's epoch, built once and shared (st.plotly_chart only reads it)."""
    title = translate("net.live_title", language, epoch=epoch)
    return charts_network.network_figure(_snapshot, language, title)


@st.cache_data(max_entries=16, show_spinner=False)
def _saved_snapshot(folder: str, epoch: int) -> network_view.NetworkSnapshot:
    result = backend.run_result(folder)
    return network_view.network_snapshot(result.network, result.network_inputs, epoch)


@st.cache_data(max_entries=8, show_spinner=False)
def _word_pushes(folder: str) -> list[review_words.WordPush]:
    result = backend.run_result(folder)
    return review_words.word_pushes(result.network, result.network_inputs.feature_names)
