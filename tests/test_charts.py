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
    history = [{"epoch": 1, "loss": 1.0}, {"epoch": 2, "loss": float("nan")}, {"epoch": 3, "loss": float("inf")}]
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
    assert len(fig.data) == 1
    np.testing.assert_array_equal(np.asarray(fig.data[0].z), cm)
    assert list(fig.data[0].x) == ["a", "b", "c"]
    assert _title(fig.layout.xaxis) == "Predicted"
    assert _title(fig.layout.yaxis) == "Actual"
    assert fig.data[0].texttemplate  # counts written in the cells

    ko = charts.confusion_matrix_figure(cm, ["a", "b", "c"], "ko")
    assert _title(ko.layout.xaxis) == "예측" and _title(ko.layout.yaxis) == "실제"


def test_class_balance_from_counts_and_from_labels():
    fig = charts.class_balance_figure({"cat": 3, "dog": 5}, "en")
    assert list(fig.data[0].x) == ["cat", "dog"]
    assert list(fig.data[0].y) == [3, 5]

    from_labels = charts.class_balance_figure(np.array([0, 2, 2, 2]), "ko", class_names=["a", "b", "c"])
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
    fig = charts.decision_boundary_figure(grid_x, grid_y, output, x, np.array([0, 1]), ["neg", "pos"], "binary", "en")
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
    fig = charts.decision_boundary_figure(grid_x, grid_y, softmax, x, np.array([0, 1, 2]), list("abc"), "multiclass", "en")
    np.testing.assert_array_equal(np.asarray(fig.data[0].z), (np.arange(16) % 3).reshape(4, 4))
    assert len(fig.data) == 4

    values = points.sum(axis=1, keepdims=True)
    reg = charts.decision_boundary_figure(grid_x, grid_y, values, x, np.array([0.0, 2.0, 2.0]), [], "regression", "ko")
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
    fig = charts.threshold_figure(sweep, 0.3, "ko")
    assert [trace.name for trace in fig.data] == ["정밀도", "재현율", "정확도"]
    assert list(fig.data[1].y) == list(sweep["recall"])
    assert fig.layout.shapes[0].x0 == 0.3
    assert _title(fig.layout.xaxis) == "임계값"
