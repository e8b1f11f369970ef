"""Test-set metrics for a finished run, on top of `sklearn.metrics`.

Everything here works on the numpy arrays the trainer saves (the model's
test-set output and the true labels), so the Evaluate page can move the
threshold and recompute at once without TensorFlow or retraining.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from sklearn import metrics

from playground.config import DEFAULT_LEARNING_RATES
from playground.i18n import translate

REPORT_COLUMNS = ["precision", "recall", "f1-score", "support"]
# The test-set numbers the Train and Evaluate pages show ("eval.metric.<name>"): Keras's
# loss, the metric compiled into the model (`models.metric_name`) and `regression_metrics`.
TEST_METRICS = ("loss", "accuracy", "mae", "mse", "r2")


def _as_2d_output(prob) -> np.ndarray:
    """Returns the model output as a float array of shape (n, units)."""
    prob = np.asarray(prob, dtype=float)
    if prob.ndim == 1:
        return prob.reshape(-1, 1)
    if prob.ndim != 2:
        raise ValueError(
            f"Argument `prob` must have shape (n,) or (n, units). Received: prob.shape={prob.shape}"
        )
    return prob


def _check_threshold(threshold: float) -> float:
    if not 0.0 <= float(threshold) <= 1.0:
        raise ValueError(
            f"Argument `threshold` must be between 0 and 1. Received: threshold={threshold}"
        )
    return float(threshold)


def is_binary_output(prob) -> bool:
    """Whether `prob` is one sigmoid unit or a 2-unit softmax.

    Args:
        prob: model output of shape (n,), (n, 1) or (n, K).

    Returns:
        True for (n,), (n, 1) and (n, 2) outputs.
    """
    return _as_2d_output(prob).shape[1] <= 2


def _check_positive(positive: int) -> int:
    if positive not in (0, 1):
        raise ValueError(
            "Argument `positive` must be the index of one of the two classes, 0 or 1. "
            f"Received: positive={positive!r}"
        )
    return int(positive)


def positive_probability(prob, positive: int = 1) -> np.ndarray:
    """Returns the probability of the positive class from a binary model's output.

    Args:
        prob: (n,) or (n, 1) sigmoid output, which is P(class 1), or
            (n, 2) softmax output.
        positive: index of the class that counts as positive, 0 or 1.

    Returns:
        A float array of shape (n,): P(class `positive`).

    Example:

    >>> positive_probability([[0.2], [0.7]], positive=0)
    array([0.8, 0.3])
    """
    positive = _check_positive(positive)
    prob = _as_2d_output(prob)
    if prob.shape[1] == 1:
        return prob[:, 0] if positive == 1 else 1.0 - prob[:, 0]
    if prob.shape[1] == 2:
        return prob[:, positive]
    raise ValueError(
        "Argument `prob` must be a binary output with 1 or 2 columns. "
        f"Received: prob.shape={prob.shape}"
    )


def default_positive_class(class_names: Sequence[str], preferred: str | None = None) -> int:
    """Which of two classes counts as positive unless the teacher picks another.

    The rule: class 1, as in Keras and scikit-learn (`pos_label=1`),
    except where the dataset names its positive class (the datasets
    registry's `DatasetSpec.positive_class`; breast cancer: "malignant",
    which scikit-learn stores as class 0).

    Args:
        class_names: the two class names, in label order.
        preferred: the dataset's positive class name, or None.

    Returns:
        0 or 1.
    """
    names = [str(name) for name in class_names]
    if preferred is not None and preferred in names[:2]:
        return names.index(preferred)
    return 1


def class_probabilities(prob) -> np.ndarray:
    """Returns one probability column per class, sigmoid included.

    Args:
        prob: model output; a single sigmoid column p becomes [1 - p, p].

    Returns:
        A float array of shape (n, K) with K >= 2.
    """
    prob = _as_2d_output(prob)
    if prob.shape[1] == 1:
        return np.column_stack([1.0 - prob[:, 0], prob[:, 0]])
    return prob


def predicted_classes(prob, threshold: float = 0.5, positive: int = 1) -> np.ndarray:
    """Turns the model's output into integer class predictions.

    Args:
        prob: (n,) or (n, 1) sigmoid output, or (n, K) softmax output.
        threshold: for binary outputs, the probability of the positive
            class at or above which the positive class is predicted.
            Ignored when K > 2, where `argmax` picks the class.
        positive: for binary outputs, the index (0 or 1) of the class
            the threshold is about. Ignored when K > 2.

    Returns:
        An int array of shape (n,).

    Example:

    >>> predicted_classes([[0.2], [0.7]], threshold=0.5)
    array([0, 1])
    >>> predicted_classes([[0.2], [0.7]], threshold=0.25, positive=0)
    array([0, 0])
    """
    threshold = _check_threshold(threshold)
    prob = _as_2d_output(prob)
    if prob.shape[1] <= 2:
        is_positive = positive_probability(prob, positive) >= threshold
        return np.where(is_positive, positive, 1 - positive).astype(int)
    return np.argmax(prob, axis=1).astype(int)


def confusion(y_true, y_pred, n_classes: int) -> np.ndarray:
    """Confusion matrix with one row and column per class, even unseen ones.

    Args:
        y_true: true integer labels, shape (n,).
        y_pred: predicted integer labels, shape (n,).
        n_classes: number of classes K.

    Returns:
        An int array of shape (K, K): rows are actual, columns predicted.
    """
    return metrics.confusion_matrix(
        np.asarray(y_true).ravel(), np.asarray(y_pred).ravel(), labels=list(range(n_classes))
    )


def row_percentages(cm) -> np.ndarray:
    """Each confusion-matrix row as percentages of that actual class.

    Like `sklearn.metrics.confusion_matrix(normalize="true")` times 100,
    except that a class with no test examples gets NaN rather than 0 %,
    so the page can leave its row blank instead of claiming 0 %.

    Args:
        cm: (K, K) counts, rows actual and columns predicted.

    Returns:
        A float array of shape (K, K); each non-empty row sums to 100.
    """
    cm = np.asarray(cm, dtype=float)
    totals = cm.sum(axis=1, keepdims=True)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(totals > 0, 100.0 * cm / totals, np.nan)


def report_frame(y_true, y_pred, class_names: Sequence[str]) -> pd.DataFrame:
    """scikit-learn's classification report as a table.

    Args:
        y_true: true integer labels, shape (n,).
        y_pred: predicted integer labels, shape (n,).
        class_names: one name per class, in label order.

    Returns:
        A DataFrame with one row per class, then "accuracy", "macro avg"
        and "weighted avg", and the columns precision, recall, f1-score
        and support. As in sklearn's text report, the accuracy row holds
        the accuracy in the f1-score column and leaves precision and
        recall empty.
    """
    report = metrics.classification_report(
        np.asarray(y_true).ravel(),
        np.asarray(y_pred).ravel(),
        labels=list(range(len(class_names))),
        target_names=[str(name) for name in class_names],
        output_dict=True,
        zero_division=0,
    )
    n = len(np.asarray(y_true).ravel())
    rows = {}
    for name, values in report.items():
        if name == "accuracy":
            values = {"precision": np.nan, "recall": np.nan, "f1-score": values, "support": n}
        rows[name] = values
    frame = pd.DataFrame.from_dict(rows, orient="index")[REPORT_COLUMNS]
    frame["support"] = frame["support"].astype(int)
    return frame


@dataclass(frozen=True)
class RocCurve:
    """A yes/no model's ROC curve for one positive class.

    Attributes:
        fpr, tpr: false and true positive rates, from (0, 0) to (1, 1).
        thresholds: the threshold of each point (the first is inf, as
            `sklearn.metrics.roc_curve` returns it).
        auc: the area under the curve, `sklearn.metrics.roc_auc_score`;
            None when the test set has only one of the two classes.
    """

    fpr: np.ndarray
    tpr: np.ndarray
    thresholds: np.ndarray
    auc: float | None


def roc(y_true, prob, positive: int = 1) -> RocCurve:
    """The ROC curve and its AUC, for the probability of the positive class.

    Args:
        y_true: true 0/1 labels, shape (n,).
        prob: the binary model's output (see `positive_probability`).
        positive: the class (0 or 1) whose probability is thresholded.

    Returns:
        A `RocCurve`. With only one class in `y_true` the curve is the
        chance diagonal and `auc` is None (an AUC is undefined then).
    """
    y_true = np.asarray(y_true).ravel()
    scores = positive_probability(prob, positive)
    is_positive = (y_true == positive).astype(int)
    if len(np.unique(is_positive)) < 2:
        return RocCurve(np.array([0.0, 1.0]), np.array([0.0, 1.0]), np.array([np.inf, 0.0]), None)
    fpr, tpr, thresholds = metrics.roc_curve(is_positive, scores)
    return RocCurve(fpr, tpr, thresholds, float(metrics.roc_auc_score(is_positive, scores)))


def roc_point(y_true, prob, threshold: float, positive: int = 1) -> tuple[float, float]:
    """Where one threshold sits on the ROC curve: its (FPR, TPR).

    Args:
        y_true: true 0/1 labels, shape (n,).
        prob: the binary model's output.
        threshold: predict `positive` when its probability is at or above this.
        positive: the class (0 or 1) the threshold is about.

    Returns:
        (false positive rate, true positive rate) of the predictions at
        `threshold`; a rate with no examples to count is 0.
    """
    y_true = np.asarray(y_true).ravel()
    predicted = predicted_classes(prob, threshold, positive) == positive
    actual = y_true == positive
    negatives, positives = int(np.sum(~actual)), int(np.sum(actual))
    fpr = float(np.sum(predicted & ~actual)) / negatives if negatives else 0.0
    tpr = float(np.sum(predicted & actual)) / positives if positives else 0.0
    return fpr, tpr


@dataclass(frozen=True)
class CellExamples:
    """The test examples in one confusion-matrix cell.

    Attributes:
        actual, predicted: the cell's row and column (class indices).
        rows: their test-set rows, the most confident first, at most the limit.
        confidence: the probability the model gave its predicted class, per row.
        total: how many test examples the cell holds.
    """

    actual: int
    predicted: int
    rows: np.ndarray
    confidence: np.ndarray
    total: int


# The most examples a cell shows: the page draws each one.
MAX_CELL_EXAMPLES = 24


def cell_examples(
    y_true, y_pred, prob, actual: int, predicted: int, limit: int = MAX_CELL_EXAMPLES
) -> CellExamples:
    """The test rows of one confusion-matrix cell, the most confident first.

    Args:
        y_true: true integer labels, shape (n,).
        y_pred: the predicted classes the matrix was made from, shape (n,).
        prob: the model's output, shape (n,), (n, 1) or (n, K).
        actual: the cell's row (true class).
        predicted: the cell's column (predicted class).
        limit: the most rows returned.

    Returns:
        A `CellExamples`; rows with equal confidence keep their test order.

    Raises:
        ValueError: if the arrays have different lengths, or `limit` is
            not positive.
    """
    y_true = np.asarray(y_true).ravel()
    y_pred = np.asarray(y_pred).ravel()
    prob = class_probabilities(prob)
    if not len(y_true) == len(y_pred) == len(prob):
        raise ValueError(
            "Arguments `y_true`, `y_pred` and `prob` must have one entry per test example. "
            f"Received: len(y_true)={len(y_true)}, len(y_pred)={len(y_pred)}, len(prob)={len(prob)}"
        )
    if int(limit) < 1:
        raise ValueError(f"Argument `limit` must be a positive integer. Received: limit={limit}")
    rows = np.flatnonzero((y_true == actual) & (y_pred == predicted))
    confidence = prob[rows, predicted] if 0 <= predicted < prob.shape[1] else np.zeros(len(rows))
    order = np.argsort(-confidence, kind="stable")[: int(limit)]
    return CellExamples(int(actual), int(predicted), rows[order], confidence[order], len(rows))


def regression_metrics(y_true, y_pred) -> dict[str, float]:
    """MSE, MAE and R² of a regression.

    Args:
        y_true: true targets, shape (n,) or (n, 1).
        y_pred: predictions, shape (n,) or (n, 1).

    Returns:
        {"mse": ..., "mae": ..., "r2": ...}; r2 is NaN for fewer than
        two examples.
    """
    y_true = np.asarray(y_true, dtype=float).ravel()
    y_pred = np.asarray(y_pred, dtype=float).ravel()
    r2 = float(metrics.r2_score(y_true, y_pred)) if len(y_true) >= 2 else math.nan
    return {
        "mse": float(metrics.mean_squared_error(y_true, y_pred)),
        "mae": float(metrics.mean_absolute_error(y_true, y_pred)),
        "r2": r2,
    }


def threshold_sweep(y_true, prob, thresholds=None, positive: int = 1) -> pd.DataFrame:
    """Precision, recall and accuracy of the positive class at each threshold.

    Args:
        y_true: true 0/1 labels, shape (n,).
        prob: the binary model's output (see `positive_probability`); a
            1-D array is read as P(class 1).
        thresholds: thresholds in [0, 1]; by default 0.05, 0.10, ..., 0.95.
        positive: the class (0 or 1) predicted when its probability is
            at or above the threshold, and whose precision and recall
            are reported.

    Returns:
        A DataFrame with columns threshold, precision, recall, accuracy.
    """
    if thresholds is None:
        thresholds = np.round(np.arange(0.05, 0.951, 0.05), 2)
    y_true = np.asarray(y_true).ravel()
    rows = []
    for threshold in thresholds:
        y_pred = predicted_classes(prob, threshold, positive)
        precision, recall, _, _ = metrics.precision_recall_fscore_support(
            y_true, y_pred, labels=[0, 1], pos_label=positive, average="binary", zero_division=0
        )
        rows.append(
            {
                "threshold": float(threshold),
                "precision": float(precision),
                "recall": float(recall),
                "accuracy": float(metrics.accuracy_score(y_true, y_pred)),
            }
        )
    return pd.DataFrame(rows, columns=["threshold", "precision", "recall", "accuracy"])


def softmax_table(
    prob, y_true, class_names: Sequence[str], rows: int = 5, lang: str = "en"
) -> pd.DataFrame:
    """The first test rows' class probabilities, and the class argmax picks.

    Args:
        prob: the model's output, shape (n, K) (a single sigmoid column
            is shown as the two columns 1 - p and p).
        y_true: true integer labels, shape (n,).
        class_names: one name per class.
        rows: how many test examples to show.
        lang: language of the extra column titles.

    Returns:
        A DataFrame indexed by test row, with one probability column per
        class, then the row sum (1 for softmax), the argmax class and the
        true class.
    """
    prob = class_probabilities(prob)[:rows]
    y_true = np.asarray(y_true).ravel()[:rows]
    names = [str(name) for name in class_names]
    frame = pd.DataFrame(prob, columns=names)
    frame[translate("evaluation.col_sum", lang)] = prob.sum(axis=1)
    frame[translate("evaluation.col_argmax", lang)] = [names[k] for k in np.argmax(prob, axis=1)]
    frame[translate("evaluation.col_actual", lang)] = [names[int(k)] for k in y_true]
    frame.index.name = translate("evaluation.col_row", lang)
    return frame


def _finite_series(history: Sequence[dict], key: str) -> list[tuple[int, float]]:
    """(epoch, value) pairs of `key` where it is a finite number."""
    series = []
    for position, logs in enumerate(history):
        value = logs.get(key)
        if value is None:
            continue
        value = float(value)
        if math.isfinite(value):
            series.append((int(logs.get("epoch", position + 1)), value))
    return series


def _higher_is_better(monitor: str) -> bool:
    # The same rule as EarlyStopping(mode="auto") in Keras.
    return any(word in monitor for word in ("acc", "auc", "precision", "recall", "f1"))


def best_epoch(history: Sequence[dict], monitor: str = "val_loss") -> int | None:
    """The 1-based epoch with the best finite value of `monitor`.

    Args:
        history: per-epoch log dicts, e.g. {"epoch": 1, "loss": .., "val_loss": ..}.
            Without an "epoch" key the position (1-based) is used.
        monitor: the logged quantity; lower is better unless its name
            says accuracy/AUC-like, as in Keras's EarlyStopping. When no
            epoch has it (no validation split), "val_x" falls back to "x".

    Returns:
        The epoch number, or None when no epoch has a finite value.
    """
    series = _finite_series(history, monitor)
    if not series and monitor.startswith("val_"):
        monitor = monitor[len("val_") :]
        series = _finite_series(history, monitor)
    if not series:
        return None
    pick = max if _higher_is_better(monitor) else min
    return pick(series, key=lambda pair: pair[1])[0]


def looks_overfit(
    history: Sequence[dict], patience: int = 3, min_rise: float = 0.25, noise_multiple: float = 3.0
) -> bool:
    """Whether validation loss rose for good while training loss kept falling.

    A validation loss wobbles from epoch to epoch, and near its minimum it
    often drifts up a little without any harm (the default moons run: 0.174
    at its best, 0.196 at the end). Only a rise that is both large and
    lasting counts: the last `patience` epochs must all sit above the
    minimum by a margin that beats the noise.

    Args:
        history: per-epoch log dicts with "loss" and "val_loss".
        patience: how many of the last epochs must all be above the margin.
        min_rise: the smallest rise that counts, as a share of the minimum.
        noise_multiple: the margin is at least this many times the typical
            epoch-to-epoch change of val_loss since its minimum (the median
            of the absolute changes), so that noise alone never fires.

    Returns:
        True when the last `patience` val_loss values all exceed the minimum
        by max(`min_rise` × minimum, `noise_multiple` × noise), and the
        training loss ended below its value at the epoch of the minimum.
    """
    pairs = [
        (float(logs["loss"]), float(logs["val_loss"]))
        for logs in history
        if logs.get("loss") is not None
        and logs.get("val_loss") is not None
        and math.isfinite(float(logs["loss"]))
        and math.isfinite(float(logs["val_loss"]))
    ]
    if len(pairs) <= patience:
        return False
    loss = np.array([pair[0] for pair in pairs])
    val_loss = np.array([pair[1] for pair in pairs])
    # The last epoch reaching the minimum, so a flat plateau is not a rise.
    lowest = len(val_loss) - 1 - int(np.argmin(val_loss[::-1]))
    if len(val_loss) - 1 - lowest < patience:
        return False
    noise = float(np.median(np.abs(np.diff(val_loss[lowest:]))))
    margin = max(min_rise * val_loss[lowest], noise_multiple * noise)
    risen = bool(np.all(val_loss[-patience:] > val_loss[lowest] + margin))
    return risen and loss[-1] < loss[lowest]


# ------------------------------------------------------------ chance level
# How far from Keras's default a learning rate must be to be named as a likely cause.
LEARNING_RATE_FACTOR = 30.0
# Inputs this large, unscaled, make the first layer's outputs huge.
UNSCALED_INPUT_LIMIT = 10.0
# A guesser's accuracy on n test rows varies by about sqrt(p(1-p)/n); within
# this many of those an accuracy is no better than the guess.
CHANCE_STANDARD_ERRORS = 2.0
CROSSENTROPY_LOSSES = (
    "binary_crossentropy",
    "categorical_crossentropy",
    "sparse_categorical_crossentropy",
)


def uninformed_loss(loss: str, y, n_classes: int) -> float | None:
    """The loss of a model that has learned nothing from its inputs.

    This is the yardstick for "far too high": any model can score it by
    ignoring its inputs, so a loss many times above it means the weights
    have blown up.

    Args:
        loss: the Keras loss name the model trains with.
        y: the training labels as the model sees them (integers, one-hot
            rows, or regression targets).
        n_classes: number of classes (ignored for regression losses).

    Returns:
        For crossentropy, ln(k) for k classes, what guessing every class
        with the same probability scores (binary_crossentropy: ln 2 per
        output). For "mse", the larger of the targets' variance (always
        guessing their mean) and their mean square (always guessing 0,
        about what an untrained network outputs); for "mae" likewise the
        mean absolute deviation from the median and the mean absolute
        value. None for an unknown loss or when that reference is 0.
    """
    if loss in CROSSENTROPY_LOSSES:
        return math.log(2 if loss == "binary_crossentropy" else max(2, n_classes))
    y = np.asarray(y, dtype=float)
    y = y.reshape(len(y), -1) if y.size else y.reshape(0, 1)
    if loss == "mse" and len(y):
        reference = max(float(y.var(axis=0).mean()), float(np.square(y).mean()))
    elif loss == "mae" and len(y):
        spread = float(np.abs(y - np.median(y, axis=0)).mean())
        reference = max(spread, float(np.abs(y).mean()))
    else:
        return None
    return reference if reference > 0 else None


def chance_level(task: str, y_train, y_test, prob) -> dict:
    """How the model's test score compares with always guessing the same answer.

    Classification: the guess is the most common training label, and the
    model is at chance when its test accuracy (threshold 0.5 / argmax) is
    no more than `CHANCE_STANDARD_ERRORS` standard errors above the guess's
    accuracy on the same test rows. Regression: the guess is the mean
    training target, and the model is at chance when its test MSE is no
    lower than the guess's (R² is given too: R² <= 0 means no better than
    the test set's own mean).

    Args:
        task: "binary", "multiclass" or "regression".
        y_train: training labels or targets (integer classes, not one-hot).
        y_test: test labels or targets.
        prob: the model's test-set output.

    Returns:
        A JSON-friendly dict. Classification: {"task", "at_chance",
        "accuracy", "guess" (class index), "guess_accuracy", "margin",
        "n_test"}. Regression: {"task", "at_chance", "mse", "r2", "guess"
        (the value), "guess_mse", "n_test"}.
    """
    y_train = np.asarray(y_train).ravel()
    y_test = np.asarray(y_test).ravel()
    n = len(y_test)
    if task == "regression":
        predicted = _as_2d_output(prob)[:, 0]
        guess = float(np.mean(y_train)) if len(y_train) else 0.0
        scores = regression_metrics(y_test, predicted)
        guess_mse = float(metrics.mean_squared_error(y_test, np.full(n, guess))) if n else math.nan
        return {
            "task": task,
            "at_chance": bool(n and scores["mse"] >= guess_mse),
            "mse": scores["mse"],
            "r2": _json_number(scores["r2"]),
            "guess": guess,
            "guess_mse": guess_mse,
            "n_test": n,
        }
    values, counts = np.unique(y_train.astype(int), return_counts=True)
    guess = int(values[np.argmax(counts)]) if len(values) else 0
    guess_accuracy = float(np.mean(y_test == guess)) if n else 0.0
    accuracy = float(metrics.accuracy_score(y_test, predicted_classes(prob))) if n else 0.0
    margin = CHANCE_STANDARD_ERRORS * math.sqrt(guess_accuracy * (1 - guess_accuracy) / max(1, n))
    return {
        "task": task,
        "at_chance": bool(n and accuracy <= guess_accuracy + margin),
        "accuracy": accuracy,
        "guess": guess,
        "guess_accuracy": guess_accuracy,
        "margin": margin,
        "n_test": n,
    }


def _json_number(value: float) -> float | None:
    return value if math.isfinite(value) else None


def chance_reasons(
    config: dict,
    history: Sequence[dict],
    *,
    kind: str,
    input_max: float,
    guess_loss: float | None,
    guess_accuracy: float | None = None,
) -> list[tuple[str, dict]]:
    """The likely reasons a run ended no better than guessing, with their numbers.

    Args:
        config: the run's ExperimentConfig dict.
        history: its per-epoch logs.
        kind: the dataset's kind ("points2d", "tabular", "image", "text").
        input_max: the largest absolute input value the model was fed.
        guess_loss: `uninformed_loss` of the run's labels, or None.
        guess_accuracy: the always-guess accuracy (classification), or None.

    Returns:
        (message key, params) pairs in `playground.i18n.training`, most
        telling first; never empty ("chance.reason.unclear" when no usual
        cause shows).
    """
    reasons: list[tuple[str, dict]] = []
    optimizer = config.get("optimizer", "adam")
    rate = float(config.get("learning_rate", 0.0))
    default = DEFAULT_LEARNING_RATES.get(optimizer)
    if default and rate >= LEARNING_RATE_FACTOR * default:
        reasons.append(
            ("chance.reason.lr_high", {"lr": rate, "optimizer": optimizer, "default": default})
        )
    elif default and rate <= default / LEARNING_RATE_FACTOR:
        reasons.append(
            ("chance.reason.lr_low", {"lr": rate, "optimizer": optimizer, "default": default})
        )
    if not config.get("layers") and kind == "points2d":
        reasons.append(("chance.reason.no_hidden", {}))
    if config.get("data", {}).get("scaling") == "none" and input_max > UNSCALED_INPUT_LIMIT:
        reasons.append(("chance.reason.unscaled", {"max": input_max}))
    losses = [
        float(logs["loss"])
        for logs in history
        if logs.get("loss") is not None and math.isfinite(float(logs["loss"]))
    ]
    if guess_loss and losses and losses[-1] >= 0.95 * guess_loss:
        reasons.append(("chance.reason.stuck", {"loss": losses[-1], "guess_loss": guess_loss}))
    elif len(losses) >= 2 and losses[-1] < 0.95 * losses[max(0, len(losses) - 4)]:
        reasons.append(
            (
                "chance.reason.still_falling",
                {"epochs": len(losses), "first": losses[0], "last": losses[-1]},
            )
        )
    train_accuracy = history[-1].get("accuracy") if history else None
    if (
        guess_accuracy is not None
        and isinstance(train_accuracy, (int, float))
        and train_accuracy >= guess_accuracy + 0.2
    ):
        reasons.append(("chance.reason.memorized", {"train_accuracy": float(train_accuracy)}))
    return reasons or [("chance.reason.unclear", {})]


def input_grid(x, steps: int = 50, margin: float = 0.1):
    """A regular grid over the 2-D input plane, for decision-boundary views.

    Args:
        x: 2-D inputs, shape (n, 2).
        steps: grid points per axis.
        margin: extra room on each side, as a share of each axis's range.

    Returns:
        (grid_x, grid_y, points): the axis coordinates, shapes (steps,),
        and the points to predict on, shape (steps * steps, 2), row-major
        in y, so `model_output.reshape(steps, steps, -1)` indexes [y, x].
    """
    x = np.asarray(x, dtype=float)
    if x.ndim != 2 or x.shape[1] != 2 or len(x) == 0:
        raise ValueError(
            f"Argument `x` must have shape (n, 2) with n > 0. Received: x.shape={x.shape}"
        )
    axes = []
    for column in x.T:
        low, high = float(column.min()), float(column.max())
        pad = max(high - low, 1e-6) * margin
        axes.append(np.linspace(low - pad, high + pad, steps))
    grid_x, grid_y = axes
    mesh_x, mesh_y = np.meshgrid(grid_x, grid_y)
    points = np.column_stack([mesh_x.ravel(), mesh_y.ravel()])
    return grid_x, grid_y, points


# The live decision boundary is drawn on a GRID_SIZE × GRID_SIZE lattice.
GRID_SIZE = 40


def grid_points(x) -> dict:
    """A GRID_SIZE² lattice covering 2-D data, with a margin.

    Returns:
        {"xs", "ys": the axes, "points": float32 (GRID_SIZE², 2), row-major in y}.
    """
    xs, ys, points = input_grid(x, steps=GRID_SIZE)
    return {"xs": xs, "ys": ys, "points": points.astype(np.float32)}


def one_value_per_point(output) -> np.ndarray:
    """A model's output reduced to the one number a boundary map shows per point.

    Args:
        output: shape (n, units): one sigmoid unit, a 2-unit softmax, K
            softmax units, or one regression value.

    Returns:
        Shape (n,): P(class 1) for one or two units (the regression value
        for one linear unit), else the argmax class.
    """
    output = _as_2d_output(output)
    if output.shape[1] <= 2:
        return output[:, -1]
    return np.argmax(output, axis=1).astype(float)
