"""Every chart reads from the back of a room: each public `charts.*_figure` builder, drawn
from sample inputs, has text of at least 14 px and titles of at least 16 px.

A builder added later is found by name: this test fails until SAMPLES has a sample for it.
tests/browser/test_chart_readability_in_browser.py draws the same samples in Chromium.
"""

import inspect

import numpy as np
import pytest

from playground import charts, evaluation

MIN_TEXT_PX = charts.FONT_SIZE  # ticks, legends, annotations, cell text of ≤ 10 classes
MIN_TITLE_PX = charts.TITLE_FONT_SIZE  # axis and figure titles
HISTORY = [
    {"epoch": e, "loss": 1 / e, "val_loss": 1 / e + 0.02 * e, "accuracy": 1 - 1 / (e + 1)}
    for e in range(1, 13)
]
Y_BINARY = np.array([0, 1, 1, 0, 1, 0, 1, 1])
P_BINARY = np.array([0.1, 0.8, 0.6, 0.4, 0.9, 0.2, 0.3, 0.7])
RNG = np.random.default_rng(0)
POINTS = RNG.normal(size=(40, 2))
GRID_X, GRID_Y = np.linspace(-3, 3, 20), np.linspace(-3, 3, 20)
DIGITS = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"]


def _samples(lang: str) -> dict:
    """Builder name -> a callable that draws it with realistic inputs in `lang`."""
    return {
        "history_figure": lambda: charts.history_figure(HISTORY, "loss", lang, best_epoch=5),
        "confusion_matrix_figure": lambda: charts.confusion_matrix_figure(
            RNG.integers(0, 99, (10, 10)), DIGITS, lang
        ),
        "class_balance_figure": lambda: charts.class_balance_figure(
            {"malignant": 212, "benign": 357}, lang
        ),
        "target_histogram": lambda: charts.target_histogram(RNG.normal(size=50), lang),
        "scatter_2d_figure": lambda: charts.scatter_2d_figure(
            POINTS, (POINTS[:, 0] > 0).astype(int), ["class 0", "class 1"], lang
        ),
        "decision_boundary_figure": lambda: charts.decision_boundary_figure(
            GRID_X,
            GRID_Y,
            RNG.uniform(size=(20, 20)),
            POINTS,
            (POINTS[:, 0] > 0).astype(int),
            ["class 0", "class 1"],
            "binary",
            lang,
        ),
        "neuron_grid_figure": lambda: charts.neuron_grid_figure(
            RNG.normal(size=(20, 20, 6)), (-3, 3, -3, 3), lang, "Layer 1"
        ),
        "image_grid_figure": lambda: charts.image_grid_figure(
            RNG.uniform(size=(24, 28, 28)), [f"{p:.0%}" for p in RNG.uniform(size=24)], lang
        ),
        "probability_bars_figure": lambda: charts.probability_bars_figure(
            RNG.dirichlet(np.ones(10)), DIGITS, lang
        ),
        "predicted_vs_actual_figure": lambda: charts.predicted_vs_actual_figure(
            RNG.normal(size=30), RNG.normal(size=30), lang
        ),
        "threshold_figure": lambda: charts.threshold_figure(
            evaluation.threshold_sweep(Y_BINARY, P_BINARY), 0.3, lang, positive_name="malignant"
        ),
        "roc_figure": lambda: charts.roc_figure(
            evaluation.roc(Y_BINARY, P_BINARY),
            evaluation.roc_point(Y_BINARY, P_BINARY, 0.3),
            0.3,
            lang,
            positive_name="malignant",
        ),
        "compare_history_figure": lambda: charts.compare_history_figure(
            [("relu · adam", HISTORY), ("sigmoid · sgd · lr 0.01", HISTORY[:8]), ("tanh", HISTORY)],
            "loss",
            lang,
        ),
        "digit_input_figure": lambda: charts.digit_input_figure(RNG.uniform(size=(28, 28))),
    }


def builders() -> list[str]:
    """Every public figure builder in playground.charts."""
    return sorted(
        name
        for name, member in inspect.getmembers(charts, inspect.isfunction)
        if member.__module__ == charts.__name__
        and not name.startswith("_")
        and name.endswith(("_figure", "_histogram"))
    )


def sample_figures(lang: str):
    """(name, figure) for every builder, failing for a builder without a sample."""
    samples = _samples(lang)
    missing = [name for name in builders() if name not in samples]
    assert not missing, (
        f"Add a sample for {missing} to SAMPLES in tests/test_chart_readability.py, "
        "so its text sizes are checked."
    )
    return [(name, samples[name]()) for name in builders()]


def _size(font, fallback):
    size = font.size if font is not None else None
    return size if size is not None else fallback


def text_sizes(fig) -> list[tuple[str, float | None, float]]:
    """(what, its size in px or None when unset, the least it may be) for every text."""
    layout = fig.layout
    base = layout.font.size
    sizes = [("layout font", base, MIN_TEXT_PX)]
    if layout.title.text:
        sizes.append(("figure title", layout.title.font.size, MIN_TITLE_PX))
    legend_items = [
        t for t in fig.data if t.type in ("scatter", "bar") and t.showlegend is not False
    ]
    if layout.showlegend is not False and legend_items:
        sizes.append(("legend", _size(layout.legend.font, base), MIN_TEXT_PX))
    for name in [key for key in layout.to_plotly_json() if key.startswith(("xaxis", "yaxis"))]:
        axis = layout[name]
        if axis.showticklabels is not False:
            sizes.append((f"{name} ticks", _size(axis.tickfont, base), MIN_TEXT_PX))
        if axis.title.text:
            sizes.append((f"{name} title", axis.title.font.size, MIN_TITLE_PX))
    for annotation in layout.annotations:
        sizes.append((f"annotation {annotation.text!r}", _size(annotation.font, base), MIN_TEXT_PX))
    for trace in fig.data:
        if getattr(trace, "text", None) is not None and hasattr(trace, "textfont"):
            size = trace.textfont.size
            sizes.append((f"{trace.type} text", base if size is None else size, MIN_TEXT_PX))
    return sizes


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_every_figure_builder_has_projector_sized_text(lang):
    for name, fig in sample_figures(lang):
        for what, size, least in text_sizes(fig):
            assert size is not None and size >= least, f"{name}: {what} is {size} px, < {least}"


def test_the_builders_are_found_by_name():
    found = builders()
    assert {"confusion_matrix_figure", "roc_figure", "history_figure"} <= set(found)
    assert "class_color" not in found and "highlight_points" not in found
