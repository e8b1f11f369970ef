"""Evaluation metrics, checked against scikit-learn on thresholded predictions."""

import math

import numpy as np
import pandas as pd
import pytest
from sklearn import metrics

from playground import evaluation

THRESHOLDS = [0.1, 0.3, 0.5, 0.7, 0.9]


@pytest.fixture
def binary_case():
    rng = np.random.default_rng(0)
    y_true = rng.integers(0, 2, size=200)
    # Informative but imperfect probabilities.
    prob = np.clip(0.35 * y_true + rng.uniform(0, 0.65, size=200), 0, 1)
    return y_true, prob


@pytest.fixture
def multiclass_case():
    rng = np.random.default_rng(1)
    y_true = rng.integers(0, 4, size=120)
    logits = rng.normal(size=(120, 4))
    logits[np.arange(120), y_true] += 1.5
    prob = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    return y_true, prob


@pytest.mark.parametrize("threshold", THRESHOLDS)
def test_binary_confusion_and_report_match_sklearn(binary_case, threshold):
    y_true, prob = binary_case
    expected_pred = (prob >= threshold).astype(int)

    y_pred = evaluation.predicted_classes(prob.reshape(-1, 1), threshold)
    np.testing.assert_array_equal(y_pred, expected_pred)

    cm = evaluation.confusion(y_true, y_pred, 2)
    np.testing.assert_array_equal(
        cm, metrics.confusion_matrix(y_true, expected_pred, labels=[0, 1])
    )
    assert cm.sum() == len(y_true)

    frame = evaluation.report_frame(y_true, y_pred, ["neg", "pos"])
    expected = metrics.classification_report(
        y_true, expected_pred, target_names=["neg", "pos"], output_dict=True, zero_division=0
    )
    for name in ["neg", "pos", "macro avg", "weighted avg"]:
        for column in ["precision", "recall", "f1-score", "support"]:
            assert frame.loc[name, column] == pytest.approx(expected[name][column])
    assert frame.loc["accuracy", "f1-score"] == pytest.approx(expected["accuracy"])
    assert frame.loc["accuracy", "support"] == len(y_true)


def test_thresholds_change_the_confusion_matrix(binary_case):
    y_true, prob = binary_case
    low = evaluation.confusion(y_true, evaluation.predicted_classes(prob, 0.1), 2)
    high = evaluation.confusion(y_true, evaluation.predicted_classes(prob, 0.9), 2)
    # Predicted-positive column shrinks as the threshold rises.
    assert low[:, 1].sum() > high[:, 1].sum()


def test_lowering_threshold_never_lowers_recall(binary_case):
    y_true, prob = binary_case
    thresholds = np.linspace(0.0, 1.0, 41)
    sweep = evaluation.threshold_sweep(y_true, prob, thresholds)
    assert list(sweep.columns) == ["threshold", "precision", "recall", "accuracy"]
    assert len(sweep) == 41
    # Thresholds ascend, so recall must never increase along the rows.
    assert np.all(np.diff(sweep["recall"].to_numpy()) <= 1e-12)
    assert sweep["recall"].iloc[0] == 1.0
    row = sweep[np.isclose(sweep["threshold"], 0.5)].iloc[0]
    expected_pred = (prob >= 0.5).astype(int)
    assert row["precision"] == pytest.approx(metrics.precision_score(y_true, expected_pred))
    assert row["accuracy"] == pytest.approx(metrics.accuracy_score(y_true, expected_pred))


def test_default_sweep_spans_the_unit_interval(binary_case):
    sweep = evaluation.threshold_sweep(*binary_case)
    assert sweep["threshold"].iloc[0] == pytest.approx(0.05)
    assert sweep["threshold"].iloc[-1] == pytest.approx(0.95)


@pytest.mark.parametrize("shape", ["flat", "sigmoid", "softmax"])
def test_positive_class_0_turns_the_threshold_around(binary_case, shape):
    y_true, p1 = binary_case
    prob = {"flat": p1, "sigmoid": p1.reshape(-1, 1), "softmax": np.column_stack([1 - p1, p1])}[
        shape
    ]
    np.testing.assert_allclose(evaluation.positive_probability(prob, positive=0), 1 - p1)
    for threshold in THRESHOLDS:
        expected = np.where(1 - p1 >= threshold, 0, 1)
        np.testing.assert_array_equal(
            evaluation.predicted_classes(prob, threshold, positive=0), expected
        )


def test_with_positive_class_0_lowering_the_threshold_raises_recall_of_class_0(binary_case):
    y_true, p1 = binary_case
    thresholds = np.linspace(0.05, 0.95, 19)
    sweep = evaluation.threshold_sweep(y_true, p1.reshape(-1, 1), thresholds, positive=0)
    recall = sweep["recall"].to_numpy()
    # Read from the highest threshold down: recall of class 0 only grows.
    assert np.all(np.diff(recall[::-1]) >= -1e-12) and recall[0] > recall[-1]
    for threshold, row in zip(thresholds, sweep.itertuples()):
        y_pred = np.where(1 - p1 >= threshold, 0, 1)
        assert row.recall == pytest.approx(metrics.recall_score(y_true, y_pred, pos_label=0))
        assert row.precision == pytest.approx(
            metrics.precision_score(y_true, y_pred, pos_label=0, zero_division=0)
        )
        assert row.accuracy == pytest.approx(metrics.accuracy_score(y_true, y_pred))
    # Class 1's recall goes the other way on the same thresholds.
    ones = evaluation.threshold_sweep(y_true, p1, thresholds, positive=1)["recall"].to_numpy()
    assert ones[0] > ones[-1]


def test_positive_class_must_be_0_or_1():
    with pytest.raises(ValueError, match="positive=2"):
        evaluation.predicted_classes([0.4, 0.6], 0.5, positive=2)
    with pytest.raises(ValueError, match="positive=-1"):
        evaluation.threshold_sweep([0, 1], [0.4, 0.6], positive=-1)


def test_default_positive_class_is_class_1_unless_the_dataset_names_one():
    from playground import datasets

    cancer = datasets.DATASETS["breast_cancer"].positive_class
    assert cancer == "malignant"
    # scikit-learn's label order: malignant is class 0.
    assert evaluation.default_positive_class(["malignant", "benign"], cancer) == 0
    assert (
        evaluation.default_positive_class(["0", "1"], datasets.DATASETS["moons"].positive_class)
        == 1
    )
    assert evaluation.default_positive_class(["no", "yes"]) == 1
    assert evaluation.default_positive_class(["no", "yes"], "maybe") == 1


def test_row_percentages_per_actual_class_and_blank_for_an_empty_row():
    cm = np.array([[3, 1, 0], [0, 0, 0], [1, 1, 2]])
    percent = evaluation.row_percentages(cm)
    np.testing.assert_allclose(percent[0], [75, 25, 0])
    assert np.all(np.isnan(percent[1]))
    np.testing.assert_allclose(percent[2], [25, 25, 50])
    np.testing.assert_allclose(
        percent[[0, 2]],
        100
        * metrics.confusion_matrix(
            [0, 0, 0, 0, 2, 2, 2, 2], [0, 0, 0, 1, 0, 1, 2, 2], normalize="true"
        )[[0, 2]],
    )


def test_predicted_classes_accepts_every_output_shape():
    flat = np.array([0.2, 0.5, 0.8])
    np.testing.assert_array_equal(evaluation.predicted_classes(flat), [0, 1, 1])
    np.testing.assert_array_equal(evaluation.predicted_classes(flat.reshape(-1, 1), 0.6), [0, 0, 1])
    two = np.column_stack([1 - flat, flat])
    np.testing.assert_array_equal(evaluation.predicted_classes(two, 0.3), [0, 1, 1])
    np.testing.assert_array_equal(evaluation.predicted_classes(two, 0.9), [0, 0, 0])
    many = np.array([[0.1, 0.7, 0.2], [0.5, 0.2, 0.3], [0.2, 0.3, 0.5]])
    # Threshold does not matter for K > 2: argmax decides.
    np.testing.assert_array_equal(evaluation.predicted_classes(many, 0.9), [1, 0, 2])
    assert evaluation.predicted_classes(many).dtype.kind == "i"


def test_positive_probability_picks_the_class_1_column():
    flat = np.array([0.1, 0.9])
    np.testing.assert_array_equal(evaluation.positive_probability(flat.reshape(-1, 1)), flat)
    np.testing.assert_array_equal(
        evaluation.positive_probability(np.column_stack([1 - flat, flat])), flat
    )
    with pytest.raises(ValueError, match=r"prob.shape=\(2, 3\)"):
        evaluation.positive_probability(np.ones((2, 3)) / 3)


def test_bad_threshold_and_shape_are_quoted():
    with pytest.raises(ValueError, match="threshold=1.5"):
        evaluation.predicted_classes([0.2], 1.5)
    with pytest.raises(ValueError, match=r"prob.shape=\(2, 2, 2\)"):
        evaluation.predicted_classes(np.zeros((2, 2, 2)))


def test_multiclass_confusion_and_report_match_sklearn(multiclass_case):
    y_true, prob = multiclass_case
    y_pred = evaluation.predicted_classes(prob)
    np.testing.assert_array_equal(y_pred, prob.argmax(axis=1))
    np.testing.assert_array_equal(
        evaluation.confusion(y_true, y_pred, 4), metrics.confusion_matrix(y_true, y_pred)
    )
    names = ["a", "b", "c", "d"]
    frame = evaluation.report_frame(y_true, y_pred, names)
    assert list(frame.index) == names + ["accuracy", "macro avg", "weighted avg"]
    assert list(frame.columns) == ["precision", "recall", "f1-score", "support"]
    expected = metrics.classification_report(
        y_true, y_pred, target_names=names, output_dict=True, zero_division=0
    )
    for name in names:
        assert frame.loc[name, "recall"] == pytest.approx(expected[name]["recall"])
        assert frame.loc[name, "support"] == expected[name]["support"]
    assert frame.loc["accuracy", "f1-score"] == pytest.approx(
        metrics.accuracy_score(y_true, y_pred)
    )


def test_confusion_keeps_classes_that_never_occur():
    cm = evaluation.confusion([0, 0, 1], [0, 1, 1], n_classes=3)
    np.testing.assert_array_equal(cm, [[1, 1, 0], [0, 1, 0], [0, 0, 0]])
    frame = evaluation.report_frame([0, 0, 1], [0, 1, 1], ["x", "y", "z"])
    assert frame.loc["z", "support"] == 0
    assert frame.loc["z", "precision"] == 0.0


def test_softmax_table_rows_sum_to_one(multiclass_case):
    y_true, prob = multiclass_case
    names = ["a", "b", "c", "d"]
    table = evaluation.softmax_table(prob, y_true, names, rows=6)
    assert len(table) == 6
    np.testing.assert_allclose(table["sum"], 1.0)
    np.testing.assert_allclose(table[names].to_numpy(), prob[:6])
    assert list(table["argmax (predicted)"]) == [names[k] for k in prob[:6].argmax(axis=1)]
    assert list(table["actual"]) == [names[k] for k in y_true[:6]]


def test_softmax_table_of_a_sigmoid_output_and_in_korean():
    table = evaluation.softmax_table(np.array([[0.25], [0.9]]), [0, 1], ["neg", "pos"], lang="ko")
    np.testing.assert_allclose(table[["neg", "pos"]].to_numpy(), [[0.75, 0.25], [0.1, 0.9]])
    assert "합계" in table.columns
    assert list(table["실제"]) == ["neg", "pos"]


def test_regression_metrics_match_sklearn():
    y_true = np.array([1.0, 2.0, 3.0, 4.0])
    y_pred = np.array([[1.5], [1.5], [3.0], [5.0]])
    result = evaluation.regression_metrics(y_true, y_pred)
    assert result["mse"] == pytest.approx(metrics.mean_squared_error(y_true, y_pred.ravel()))
    assert result["mae"] == pytest.approx(0.5)
    assert result["r2"] == pytest.approx(metrics.r2_score(y_true, y_pred.ravel()))
    assert math.isnan(evaluation.regression_metrics([1.0], [2.0])["r2"])


def _history(losses, val_losses=None):
    history = []
    for epoch, loss in enumerate(losses, start=1):
        logs = {"epoch": epoch, "loss": loss}
        if val_losses is not None:
            logs["val_loss"] = val_losses[epoch - 1]
        history.append(logs)
    return history


def test_best_epoch_is_one_based_lowest_val_loss():
    history = _history([1.0, 0.8, 0.6, 0.5], [0.9, 0.7, 0.75, float("nan")])
    assert evaluation.best_epoch(history) == 2


def test_best_epoch_falls_back_to_train_loss_and_handles_empty():
    assert evaluation.best_epoch(_history([1.0, 0.4, 0.6])) == 2
    assert evaluation.best_epoch([]) is None
    assert evaluation.best_epoch(_history([float("nan")])) is None


def test_best_epoch_for_accuracy_takes_the_highest():
    history = [
        {"epoch": 1, "val_accuracy": 0.6},
        {"epoch": 2, "val_accuracy": 0.8},
        {"epoch": 3, "val_accuracy": 0.7},
    ]
    assert evaluation.best_epoch(history, monitor="val_accuracy") == 2


def test_best_epoch_uses_logged_epoch_numbers():
    history = [{"epoch": 5, "val_loss": 0.3}, {"epoch": 6, "val_loss": 0.2}]
    assert evaluation.best_epoch(history) == 6


def test_looks_overfit_when_val_loss_turns_up_while_train_falls():
    overfit = _history(
        [1.0, 0.7, 0.5, 0.4, 0.3, 0.2, 0.15, 0.1], [0.9, 0.6, 0.5, 0.6, 0.75, 0.9, 1.0, 1.1]
    )
    assert evaluation.looks_overfit(overfit)


def test_looks_overfit_false_cases():
    # Still improving.
    assert not evaluation.looks_overfit(
        _history([1.0, 0.8, 0.6, 0.5, 0.4], [1.0, 0.8, 0.7, 0.6, 0.5])
    )
    # Only two epochs past the minimum.
    assert not evaluation.looks_overfit(
        _history([1.0, 0.7, 0.5, 0.4, 0.3], [0.9, 0.6, 0.5, 0.55, 0.6])
    )
    # Both losses rising: diverging, not overfitting.
    assert not evaluation.looks_overfit(
        _history([0.5, 0.4, 0.3, 0.5, 0.6, 0.7], [0.9, 0.6, 0.5, 0.55, 0.6, 0.7])
    )
    # No validation data, or nothing yet.
    assert not evaluation.looks_overfit(_history([1.0, 0.7, 0.5, 0.4, 0.3, 0.2]))
    assert not evaluation.looks_overfit([])


def test_input_grid_covers_the_data():
    x = np.array([[0.0, -1.0], [2.0, 3.0]])
    grid_x, grid_y, points = evaluation.input_grid(x, steps=11, margin=0.1)
    assert grid_x.shape == (11,) and grid_y.shape == (11,)
    assert points.shape == (121, 2)
    assert grid_x[0] == pytest.approx(-0.2) and grid_x[-1] == pytest.approx(2.2)
    assert grid_y[0] == pytest.approx(-1.4) and grid_y[-1] == pytest.approx(3.4)
    # Row-major in y: the second point moves along x.
    np.testing.assert_allclose(points[1], [grid_x[1], grid_y[0]])
    np.testing.assert_allclose(points[11], [grid_x[0], grid_y[1]])


def test_report_frame_is_a_dataframe_with_int_support(binary_case):
    y_true, prob = binary_case
    frame = evaluation.report_frame(y_true, evaluation.predicted_classes(prob), ["0", "1"])
    assert isinstance(frame, pd.DataFrame)
    assert frame["support"].dtype.kind == "i"
    # A missing value (shown blank by the page), not None or 0.
    assert math.isnan(frame.loc["accuracy", "precision"]) and math.isnan(
        frame.loc["accuracy", "recall"]
    )
    assert frame.loc["accuracy", "support"] == len(y_true)


def test_looks_overfit_ignores_noise_on_a_plateau():
    history = [
        {"epoch": i + 1, "loss": 1.0 / (i + 1), "val_loss": v}
        for i, v in enumerate([0.5, 0.3, 0.2, 0.1, 0.101, 0.102, 0.103, 0.102])
    ]
    assert not evaluation.looks_overfit(history)
    history[-1]["val_loss"] = 0.2  # one jump is not a sustained rise
    assert not evaluation.looks_overfit(history)
    for logs, val_loss in zip(history[-3:], [0.2, 0.22, 0.25]):
        logs["val_loss"] = val_loss
    assert evaluation.looks_overfit(history)
