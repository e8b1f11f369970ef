"""Plotly figure builders: the expected traces, data and translated titles."""

import numpy as np
import plotly.graph_objects as go
import pytest

from playground import charts, evaluation

HISTORY = [
    {"epoch": 1, "loss": 0.9, "val_loss": 0.95, "accuracy": 0.5, "val_accuracy": 0.45},
    {"epoch": 2, "loss": 0.6, "val_loss": 0.7, "accuracy": 0.7, "val_accuracy": 0.66},
    {"epoch": 3, "loss": 0.4, "val_loss": 0.8, "accuracy": 0.8, "val_accuracy": 0.6},
]


def _title(axis):
    return axis.title.text


def test_history_figure_has_train_and_validation_points():
    fig = charts.history_figure(HISTORY, "loss", "en", best_epoch=2)
    assert isinstance(fig, go.Figure)
    train, validation = fig.data
    assert train.name == "train" and validation.name == "validation"
    assert list(train.x) == [1, 2, 3]
    assert list(train.y) == [0.9, 0.6, 0.4]
    assert list(validation.y) == [0.95, 0.7, 0.8]
    assert train.mode == "lines+markers"
    assert fig.layout.height == 320
    assert _title(fig.layout.xaxis) == "Epoch"
    assert _title(fig.layout.yaxis) == "Loss"


def test_history_figure_marks_the_best_epoch():
    fig = charts.history_figure(HISTORY, "accuracy", "en", best_epoch=2)
    assert len(fig.layout.shapes) == 1
    assert fig.layout.shapes[0].x0 == 2 and fig.layout.shapes[0].x1 == 2
    assert any(a.text == "best epoch 2" for a in fig.layout.annotations)
    assert not charts.history_figure(HISTORY, "accuracy", "en").layout.shapes


def test_history_figure_with_no_or_one_epoch():
    empty = charts.history_figure([], "loss", "en")
    assert len(empty.data) == 2
    assert all(len(trace.x) == 0 for trace in empty.data)
    empty.to_json()

    one = charts.history_figure([{"epoch": 1, "loss": 0.5}], "loss", "en", best_epoch=1)
    # No validation split: only the train line.
    assert len(one.data) == 1
    assert list(one.data[0].y) == [0.5]
    one.to_json()


def test_history_figure_turns_nan_into_gaps():
    history = [
        {"epoch": 1, "loss": 1.0},
        {"epoch": 2, "loss": float("nan")},
        {"epoch": 3, "loss": float("inf")},
    ]
    fig = charts.history_figure(history, "loss", "en")
    assert list(fig.data[0].y) == [1.0, None, None]


def test_history_figure_in_korean():
    history = [{"epoch": 1, "mae": 3.0, "val_mae": 3.5}, {"epoch": 2, "mae": 2.0, "val_mae": 2.5}]
    fig = charts.history_figure(history, "mae", "ko", best_epoch=2)
    assert _title(fig.layout.xaxis) == "에포크"
    assert "평균 절대 오차" in _title(fig.layout.yaxis)
    assert [trace.name for trace in fig.data] == ["훈련", "검증"]
    assert any(a.text == "최적 에포크 2" for a in fig.layout.annotations)


def test_confusion_matrix_figure_shows_the_counts():
    cm = np.array([[5, 1, 0], [2, 7, 1], [0, 0, 9]])
    fig = charts.confusion_matrix_figure(cm, ["a", "b", "c"], "en")
    cells, numbers = fig.data
    assert isinstance(cells, go.Heatmap) and isinstance(numbers, go.Scatter)
    np.testing.assert_array_equal(np.asarray(cells.z), cm)
    assert list(cells.x) == ["a", "b", "c"]
    assert _title(fig.layout.xaxis) == "Predicted"
    assert _title(fig.layout.yaxis) == "Actual"
    # One text point per cell, row by row: actual on y, predicted on x.
    assert list(numbers.text) == ["5", "1", "0", "2", "7", "1", "0", "0", "9"]
    assert list(numbers.y[:3]) == ["a", "a", "a"] and list(numbers.x[:3]) == ["a", "b", "c"]
    assert list(fig.layout.yaxis.range) == [2.5, -0.5]  # the first class on top

    ko = charts.confusion_matrix_figure(cm, ["a", "b", "c"], "ko")
    assert _title(ko.layout.xaxis) == "예측" and _title(ko.layout.yaxis) == "실제"
    assert "개수" in ko.data[1].hovertemplate


def test_confusion_matrix_row_percentages_and_hover_with_both():
    cm = np.array([[90, 10, 0], [1, 299, 0], [0, 0, 0]])
    fig = charts.confusion_matrix_figure(cm, ["a", "b", "c"], "en", values="percent")
    cells, numbers = fig.data
    # Per actual-class row, 0-100 %, with a % sign; an empty row stays blank. (Plotly
    # reads labels as HTML: "&lt;1%" shows as "<1%".)
    assert list(numbers.text) == ["90%", "10%", "0%", "&lt;1%", "&gt;99%", "0%", "", "", ""]
    np.testing.assert_allclose(np.asarray(cells.z, dtype=float)[0], [90, 10, 0])
    assert (cells.zmin, cells.zmax) == (0, 100)
    custom = np.asarray(numbers.customdata, dtype=float)
    np.testing.assert_allclose(custom[1], [0, 1, 10, 10])  # actual a, predicted b: 10 = 10 %
    assert "customdata[2]" in numbers.hovertemplate and "customdata[3]" in numbers.hovertemplate
    with pytest.raises(ValueError, match="values='rows'"):
        charts.confusion_matrix_figure(cm, ["a", "b", "c"], "en", values="rows")
    with pytest.raises(ValueError, match=r"cm.shape=\(3, 3\), len\(class_names\)=2"):
        charts.confusion_matrix_figure(cm, ["a", "b"], "en")


@pytest.mark.parametrize("n_classes", [2, 3, 10])
def test_confusion_matrix_is_readable_from_the_back_of_the_room(n_classes):
    cm = np.full((n_classes, n_classes), 7) + np.diag(np.full(n_classes, 1000))
    fig = charts.confusion_matrix_figure(cm, [str(k) for k in range(n_classes)], "en")
    numbers = fig.data[1]
    assert numbers.textfont.size >= 16
    # Light text on the dark diagonal, dark text on the pale cells.
    colors = list(numbers.textfont.color)
    assert colors[0] != colors[1]
    # The container decides the width; the height gives about square cells.
    assert fig.layout.width is None and fig.layout.xaxis.scaleanchor is None
    assert 40 <= (fig.layout.height - 90) / n_classes <= 150
    assert fig.layout.xaxis.tickfont.size >= 14 and fig.layout.yaxis.tickfont.size >= 14
    assert fig.data[0].showscale is False  # the numbers are in the cells: no color bar eating width


def test_confusion_matrix_text_shrinks_gracefully_with_many_classes():
    sizes = [charts.confusion_cell_font_size(k) for k in (2, 5, 10, 12, 20, 50, 200)]
    assert sizes == sorted(sizes, reverse=True)
    assert sizes[2] == 16 and sizes[-1] >= 9
    assert charts.confusion_cell_font_size(10) >= 16


def test_confusion_matrix_is_a_clickable_scatter_over_the_cells():
    fig = charts.confusion_matrix_figure(np.eye(3, dtype=int), ["a", "b", "c"], "en")
    numbers = fig.data[1]
    # Heatmaps report no selection to st.plotly_chart (streamlit#8760); the scatter does.
    assert fig.data[0].hoverinfo == "skip"
    assert numbers.marker.symbol == "square"
    assert fig.layout.clickmode == "event+select" and fig.layout.hoverdistance == -1
    np.testing.assert_array_equal(np.asarray(numbers.customdata)[5, :2], [1, 2])


def test_class_names_are_shown_as_typed_not_as_html():
    name = '<a href="http://evil">log in</a>'
    cm = np.array([[1, 2], [3, 4]])
    fig = charts.confusion_matrix_figure(cm, [name, "<b>x</b>"], "en")
    assert fig.data[0].x[0] == '&lt;a href="http://evil"&gt;log in&lt;/a&gt;'
    assert "<b>" not in fig.data[1].x[-1]
    sweep = evaluation.threshold_sweep([0, 1], [0.2, 0.8], [0.5])
    threshold = charts.threshold_figure(sweep, 0.5, "en", positive_name="<b>x</b>")
    assert "&lt;b&gt;x&lt;/b&gt;" in _title(threshold.layout.xaxis)
    bars = charts.class_balance_figure({"<i>a</i>": 1}, "en")
    assert list(bars.data[0].x) == ["&lt;i&gt;a&lt;/i&gt;"]


def test_class_balance_from_counts_and_from_labels():
    fig = charts.class_balance_figure({"cat": 3, "dog": 5}, "en")
    assert list(fig.data[0].x) == ["cat", "dog"]
    assert list(fig.data[0].y) == [3, 5]

    from_labels = charts.class_balance_figure(
        np.array([0, 2, 2, 2]), "ko", class_names=["a", "b", "c"]
    )
    assert list(from_labels.data[0].y) == [1, 0, 3]
    assert _title(from_labels.layout.yaxis) == "개수"
    with pytest.raises(ValueError, match="class_names=None"):
        charts.class_balance_figure(np.array([0, 1]), "en")


def test_target_histogram():
    fig = charts.target_histogram(np.arange(10.0), "en")
    assert isinstance(fig.data[0], go.Histogram)
    assert len(fig.data[0].x) == 10


def test_scatter_2d_has_one_trace_per_class():
    x = np.array([[0, 0], [1, 1], [2, 2], [3, 3.0]])
    y = np.array([0, 1, 1, 0])
    fig = charts.scatter_2d_figure(x, y, ["zero", "one"], "en")
    assert [trace.name for trace in fig.data] == ["zero", "one"]
    assert list(fig.data[1].x) == [1, 2]
    assert fig.data[0].marker.color != fig.data[1].marker.color

    regression = charts.scatter_2d_figure(x, np.arange(4.0), [], "en")
    assert len(regression.data) == 1
    assert list(regression.data[0].marker.color) == [0, 1, 2, 3]


def test_decision_boundary_binary_uses_probability_of_class_1():
    x = np.array([[0.0, 0.0], [1.0, 1.0]])
    grid_x, grid_y, points = evaluation.input_grid(x, steps=5)
    output = 1 / (1 + np.exp(-(points[:, :1] - 0.5)))  # one sigmoid unit
    fig = charts.decision_boundary_figure(
        grid_x, grid_y, output, x, np.array([0, 1]), ["neg", "pos"], "binary", "en"
    )
    heatmap = fig.data[0]
    assert isinstance(heatmap, go.Heatmap)
    z = np.asarray(heatmap.z)
    assert z.shape == (5, 5)
    np.testing.assert_allclose(z, output.reshape(5, 5))
    # Varies along x only.
    assert np.all(np.diff(z[0]) > 0) and np.allclose(z[:, 0], z[0, 0])
    assert (heatmap.zmin, heatmap.zmax) == (0, 1)
    assert [trace.name for trace in fig.data[1:]] == ["neg", "pos"]


def test_decision_boundary_multiclass_and_regression():
    x = np.array([[0.0, 0.0], [1.0, 1.0], [2.0, 0.0]])
    grid_x, grid_y, points = evaluation.input_grid(x, steps=4)
    softmax = np.zeros((16, 3))
    softmax[np.arange(16), np.arange(16) % 3] = 1.0
    fig = charts.decision_boundary_figure(
        grid_x, grid_y, softmax, x, np.array([0, 1, 2]), list("abc"), "multiclass", "en"
    )
    np.testing.assert_array_equal(np.asarray(fig.data[0].z), (np.arange(16) % 3).reshape(4, 4))
    assert len(fig.data) == 4

    values = points.sum(axis=1, keepdims=True)
    reg = charts.decision_boundary_figure(
        grid_x, grid_y, values, x, np.array([0.0, 2.0, 2.0]), [], "regression", "ko"
    )
    np.testing.assert_allclose(np.asarray(reg.data[0].z), values.reshape(4, 4))
    assert reg.layout.xaxis.title.text == "x₁"


def test_neuron_grid_caps_at_16_panels():
    activations = np.random.default_rng(0).normal(size=(6, 6, 20))
    fig = charts.neuron_grid_figure(activations, (-1, 1, -2, 2), "en", title="Layer 1")
    assert len(fig.data) == 16
    np.testing.assert_allclose(np.asarray(fig.data[3].z), activations[:, :, 3])
    assert fig.data[0].x[0] == -1 and fig.data[0].y[-1] == 2
    assert "16 of 20" in fig.layout.title.text

    few = charts.neuron_grid_figure(activations[:, :, :3].reshape(36, 3), (-1, 1, -1, 1), "ko")
    assert len(few.data) == 3
    assert [a.text for a in few.layout.annotations] == ["뉴런 1", "뉴런 2", "뉴런 3"]


def test_image_grid_titles_are_the_labels():
    images = np.random.default_rng(0).integers(0, 256, size=(16, 28, 28))
    labels = [str(k % 10) for k in range(16)]
    fig = charts.image_grid_figure(images, labels, "en")
    assert len(fig.data) == 16
    assert [a.text for a in fig.layout.annotations] == labels
    np.testing.assert_array_equal(np.asarray(fig.data[5].z), images[5])
    # 2 rows of 8: the 9th image starts the second row.
    assert fig.data[8].xaxis == "x9"

    flat = charts.image_grid_figure(images[:3].reshape(3, 784), ["a", "b", "c"], "en")
    assert np.asarray(flat.data[0].z).shape == (28, 28)


def test_probability_bars_highlight_the_argmax():
    fig = charts.probability_bars_figure(np.array([0.1, 0.7, 0.2]), ["a", "b", "c"], "en")
    colors = list(fig.data[0].marker.color)
    assert colors[1] != colors[0] and colors[0] == colors[2]
    np.testing.assert_allclose(fig.data[0].y, [0.1, 0.7, 0.2])
    assert _title(fig.layout.yaxis) == "Probability"

    sigmoid = charts.probability_bars_figure(np.array([0.3]), ["neg", "pos"], "ko", highlight=1)
    np.testing.assert_allclose(sigmoid.data[0].y, [0.7, 0.3])
    assert list(sigmoid.data[0].marker.color)[1] == charts.CLASS_COLORS[1]
    assert _title(sigmoid.layout.yaxis) == "확률"


def test_predicted_vs_actual_has_the_identity_line():
    fig = charts.predicted_vs_actual_figure([1.0, 2.0, 5.0], [[1.5], [0.5], [4.0]], "en")
    points, line = fig.data
    assert list(points.y) == [1.5, 0.5, 4.0]
    assert list(line.x) == [0.5, 5.0] and list(line.y) == [0.5, 5.0]
    assert _title(fig.layout.xaxis) == "Actual"
    charts.predicted_vs_actual_figure([], [], "en").to_json()


def test_threshold_figure_marks_the_current_threshold():
    rng = np.random.default_rng(0)
    y_true = rng.integers(0, 2, 50)
    sweep = evaluation.threshold_sweep(y_true, rng.uniform(size=50), [0.1, 0.5, 0.9])
    fig = charts.threshold_figure(sweep, 0.3, "ko", positive_name="malignant")
    assert [trace.name for trace in fig.data] == ["malignant 정밀도", "malignant 재현율", "정확도"]
    assert list(fig.data[1].y) == list(sweep["recall"])
    assert fig.layout.shapes[0].x0 == 0.3
    assert _title(fig.layout.xaxis) == "P(malignant)의 임계값"
    assert fig.layout.annotations[0].text == "임계값 0.30"

    unnamed = charts.threshold_figure(sweep, 0.3, "en")
    assert _title(unnamed.layout.xaxis) == "Threshold on P(positive)"
    assert unnamed.data[0].name == "Precision of positive"


def _legend_above_and_label_inside(fig, x, axis_low, axis_high):
    """The legend sits above the plot area, the marker label hangs inside it,
    on the roomier side of the line: the two can never meet or be clipped."""
    legend = fig.layout.legend
    assert legend.yanchor == "bottom" and legend.y >= 1 and legend.orientation == "h"
    (label,) = fig.layout.annotations
    assert label.yref == "y domain"
    assert (label.y, label.yanchor) in [(1, "top"), (0, "bottom")]  # inside the plot area
    assert label.xref == "x" and label.x == x
    in_left_half = x - axis_low <= (axis_high - axis_low) / 2
    assert label.xanchor == ("left" if in_left_half else "right")
    assert (label.xshift > 0) == in_left_half
    assert label.font.size >= 14


@pytest.mark.parametrize("threshold", [0.01, 0.10, 0.5, 0.99])
def test_threshold_label_never_sits_on_the_legend_or_off_the_chart(threshold):
    sweep = evaluation.threshold_sweep([0, 1, 1, 0], [0.2, 0.9, 0.6, 0.4])
    fig = charts.threshold_figure(sweep, threshold, "en", positive_name="malignant")
    _legend_above_and_label_inside(fig, threshold, 0, 1)
    assert fig.layout.annotations[0].text == f"threshold {threshold:.2f}"


@pytest.mark.parametrize("best_epoch", [1, 10, 20])
def test_best_epoch_label_never_sits_on_the_legend(best_epoch):
    history = [{"epoch": e, "loss": 1 / e, "val_loss": 1 / e + 0.01 * e} for e in range(1, 21)]
    fig = charts.history_figure(history, "loss", "en", best_epoch=best_epoch)
    _legend_above_and_label_inside(fig, best_epoch, 1, 20)

    one = charts.history_figure(history[:1], "loss", "ko", best_epoch=1)
    _legend_above_and_label_inside(one, 1, 0.5, 1.5)


def test_marker_label_stands_where_the_curves_are_not():
    history = [
        {
            "epoch": e,
            "loss": 1 / e,
            "val_loss": 1 / e + 0.01,
            "accuracy": 1 - 1 / (e + 1),
            "val_accuracy": 1 - 1 / (e + 1) - 0.01,
        }
        for e in range(1, 11)
    ]
    # Loss is low at the best epoch: the label hangs from the top.
    assert (
        charts.history_figure(history, "loss", "en", best_epoch=10).layout.annotations[0].yanchor
        == "top"
    )
    # Accuracy is high there: the label stands on the bottom.
    accuracy = charts.history_figure(history, "accuracy", "en", best_epoch=10)
    assert accuracy.layout.annotations[0].yanchor == "bottom"
    # A good model's precision and recall run near 1: the threshold label goes low.
    sweep = evaluation.threshold_sweep([0, 0, 1, 1], [0.1, 0.2, 0.8, 0.9])
    assert charts.threshold_figure(sweep, 0.5, "en").layout.annotations[0].yanchor == "bottom"


def test_axis_labels_and_ticks_are_projector_sized():
    sweep = evaluation.threshold_sweep([0, 1], [0.2, 0.8])
    figures = [
        charts.history_figure(HISTORY, "loss", "en", best_epoch=2),
        charts.threshold_figure(sweep, 0.5, "en"),
        charts.confusion_matrix_figure(np.eye(2, dtype=int), ["a", "b"], "en"),
        charts.class_balance_figure({"a": 1}, "en"),
        charts.target_histogram([1.0, 2.0], "en"),
        charts.scatter_2d_figure(np.zeros((2, 2)), np.array([0, 1]), ["a", "b"], "en"),
        charts.probability_bars_figure([0.2, 0.8], ["a", "b"], "en"),
        charts.predicted_vs_actual_figure([1.0], [1.0], "en"),
    ]
    for fig in figures:
        assert fig.layout.font.size >= 14
        for axis in (fig.layout.xaxis, fig.layout.yaxis):
            assert axis.tickfont.size >= 14 and axis.title.font.size >= 14
