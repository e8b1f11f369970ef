"""Draw page: draw a digit and watch the model guess it, or browse the MNIST test set."""

import numpy as np
import streamlit as st
from streamlit_drawable_canvas import st_canvas

from playground import charts, drawing
from playground.errors import PlaygroundError
from playground.settings import data_dir
from ui import backend
from ui.i18n import lang, show_error, t
from ui.page import begin

DIGITS = [str(d) for d in range(10)]
CANVAS_SIZE = 280
STROKE_WIDTH = 18
TOOLBAR_CLEARANCE_PX = 24  # with the gaps around it: more than the toolbar's 2.65rem
RESULT_WIDTH_PX = 360


def show_prediction(image01: np.ndarray, input_caption: str, truth: int | None = None) -> None:
    """The top guess, all ten probabilities, and the 28×28 input itself."""
    probabilities = network.predict_proba(image01)
    guess = int(np.argmax(probabilities))
    guess_col, input_col = st.columns(2)
    with guess_col:
        st.metric(
            t("draw.prediction"),
            DIGITS[guess],
            delta_arrow="off",
            delta_color="off",
            delta=t("draw.confidence", p=f"{probabilities[guess]:.0%}"),
        )
        if truth is not None:
            (st.success if truth == guess else st.error)(t("draw.truth", digit=truth))
    with input_col:
        st.plotly_chart(
            charts.digit_input_figure(image01, size=140), width="content", key="draw_input_image"
        )
        st.caption(input_caption)
    st.plotly_chart(
        charts.probability_bars_figure(probabilities, DIGITS, lang(), highlight=guess),
        key="draw_probabilities",
    )


def draw_a_digit() -> None:
    """A canvas; every stroke is answered beside it (below it on a narrow screen)."""
    with st.container(horizontal=True, gap="medium"):
        with st.container(width="content"):
            # The canvas shows its toolbar (undo, redo, delete) in the strip just
            # above its top edge while hovered or pinned: keep that strip free so
            # the toolbar never covers the mode radio.
            st.space(TOOLBAR_CLEARANCE_PX)
            version = st.session_state.setdefault("canvas_version", 0)
            canvas = st_canvas(
                stroke_width=STROKE_WIDTH,
                stroke_color="#FFFFFF",
                background_color="#000000",
                height=CANVAS_SIZE,
                width=CANVAS_SIZE,
                drawing_mode="freedraw",
                return_image_data=True,
                key=f"digit_canvas_{version}",
            )
            st.button(
                t("draw.clear"),
                icon="🧽",
                key="clear_canvas",
                on_click=lambda: st.session_state.update(canvas_version=version + 1),
            )
        pixels = getattr(canvas, "image_data", None) if canvas is not None else None
        image = drawing.to_mnist_input(pixels) if pixels is not None else None
        with st.container(width=RESULT_WIDTH_PX):
            if image is None:
                st.info(t("draw.empty"), icon="✏️")
            else:
                show_prediction(image, t("draw.model_sees"))


def browse_the_test_set() -> None:
    """The MNIST test images one by one, or only those the model gets wrong."""
    folder = str(data_dir() or "")
    try:
        images, labels = backend.mnist_test_set(folder)
    except PlaygroundError as err:
        show_error(err)
        return
    predicted = backend.network_test_predictions(str(choice.path), folder)
    only_wrong = st.toggle(
        t("draw.only_wrong", n=int((predicted != labels).sum())), key="only_wrong"
    )
    indices = np.flatnonzero(predicted != labels) if only_wrong else np.arange(len(labels))
    if len(indices) == 0:
        st.success(t("draw.none_wrong"))
        return
    position = (
        st.number_input(
            t("draw.example", n=len(indices)), 1, len(indices), 1, key=f"example_{only_wrong}"
        )
        - 1
    )
    index = int(indices[position])
    st.caption(t("draw.test_index", index=index))
    show_prediction(images[index], t("draw.test_image_input"), truth=int(labels[index]))


begin()
st.title(t("draw.title"))
choice = backend.digit_model()
network = backend.dense_network(str(choice.path))
accuracy = f"{choice.test_accuracy:.1%}" if choice.test_accuracy is not None else "?"
st.caption(
    t(
        "draw.model_session" if choice.run_id else "draw.model_default",
        accuracy=accuracy,
        params=f"{network.n_params:,}",
        **({"name": backend.job_names().get(choice.run_id, "")} if choice.run_id else {}),
    )
)
modes = {"draw": t("draw.mode.draw"), "browse": t("draw.mode.browse")}
mode = st.radio(
    t("draw.mode"), list(modes), format_func=modes.get, horizontal=True, key="draw_mode"
)
if mode == "draw":
    draw_a_digit()
else:
    browse_the_test_set()
