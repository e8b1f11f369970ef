"""ROC and the examples behind a confusion-matrix cell (playground.evaluation, imdb reviews)."""

import numpy as np
import pytest
from sklearn import metrics

from playground import evaluation
from playground.config import DataConfig
from playground.datasets import imdb
from tests.test_datasets import isolated_dirs, write_imdb  # noqa: F401 - a fixture


@pytest.fixture
def binary_scores():
    rng = np.random.default_rng(0)
    y_true = rng.integers(0, 2, 200)
    prob = np.clip(0.3 * y_true + rng.uniform(0, 0.7, 200), 0, 1).reshape(-1, 1)
    return y_true, prob


@pytest.mark.parametrize("positive", [0, 1])
def test_roc_curve_and_auc_are_sklearns(binary_scores, positive):
    y_true, prob = binary_scores
    scores = prob[:, 0] if positive == 1 else 1 - prob[:, 0]
    curve = evaluation.roc(y_true, prob, positive)
    fpr, tpr, thresholds = metrics.roc_curve(y_true == positive, scores)
    np.testing.assert_allclose(curve.fpr, fpr)
    np.testing.assert_allclose(curve.tpr, tpr)
    np.testing.assert_allclose(curve.thresholds, thresholds)
    assert curve.auc == pytest.approx(metrics.roc_auc_score(y_true == positive, scores))
    assert 0.5 < curve.auc < 1.0


def test_roc_of_a_two_column_softmax_reads_the_positive_column(binary_scores):
    y_true, prob = binary_scores
    softmax = np.column_stack([1 - prob[:, 0], prob[:, 0]])
    assert evaluation.roc(y_true, softmax, 0).auc == pytest.approx(
        evaluation.roc(y_true, prob, 0).auc
    )


def test_roc_with_one_class_has_no_auc():
    curve = evaluation.roc([1, 1, 1], [[0.2], [0.6], [0.9]])
    assert curve.auc is None
    np.testing.assert_array_equal(curve.fpr, [0, 1])


@pytest.mark.parametrize("threshold", [0.05, 0.3, 0.5, 0.77, 0.95])
@pytest.mark.parametrize("positive", [0, 1])
def test_the_threshold_point_is_its_false_and_true_positive_rate(
    binary_scores, threshold, positive
):
    y_true, prob = binary_scores
    y_pred = evaluation.predicted_classes(prob, threshold, positive)
    tn, fp, fn, tp = metrics.confusion_matrix(
        y_true == positive, y_pred == positive, labels=[False, True]
    ).ravel()
    assert evaluation.roc_point(y_true, prob, threshold, positive) == pytest.approx(
        (fp / (fp + tn), tp / (tp + fn))
    )


def test_the_threshold_point_lies_on_the_curve(binary_scores):
    y_true, prob = binary_scores
    curve = evaluation.roc(y_true, prob)
    fpr, tpr = evaluation.roc_point(y_true, prob, 0.5)
    # The curve is a staircase through every threshold's point.
    on_curve = np.isclose(curve.fpr, fpr) & np.isclose(curve.tpr, tpr)
    between = [
        (curve.fpr[i] <= fpr <= curve.fpr[i + 1]) and (curve.tpr[i] <= tpr <= curve.tpr[i + 1])
        for i in range(len(curve.fpr) - 1)
    ]
    assert on_curve.any() or any(between)


def test_cell_examples_are_the_cells_rows_most_confident_first():
    y_true = np.array([0, 1, 1, 1, 0, 1, 1])
    prob = np.array(
        [[0.9, 0.1], [0.3, 0.7], [0.6, 0.4], [0.8, 0.2], [0.4, 0.6], [0.6, 0.4], [0.0, 1.0]]
    )
    y_pred = prob.argmax(axis=1)
    cell = evaluation.cell_examples(y_true, y_pred, prob, actual=1, predicted=0)
    assert cell.total == 3
    # Rows 2, 3, 5 are actual 1 predicted 0; row 3 with P(0) 0.8 first; 2 and 5 tie, in test order.
    assert list(cell.rows) == [3, 2, 5]
    np.testing.assert_allclose(cell.confidence, [0.8, 0.6, 0.6])
    assert cell.total == evaluation.confusion(y_true, y_pred, 2)[1, 0]


def test_cell_examples_are_bounded_and_count_them_all():
    rng = np.random.default_rng(1)
    prob = rng.dirichlet(np.ones(3), 500)
    y_pred = prob.argmax(axis=1)
    y_true = y_pred.copy()  # every example on the diagonal
    cell = evaluation.cell_examples(y_true, y_pred, prob, 2, 2)
    assert len(cell.rows) == evaluation.MAX_CELL_EXAMPLES == 24
    assert cell.total == int(np.sum(y_pred == 2))
    assert np.all(np.diff(cell.confidence) <= 0)
    assert cell.confidence[0] == pytest.approx(prob[y_pred == 2, 2].max())
    empty = evaluation.cell_examples(y_true, y_pred, prob, 0, 1)
    assert empty.total == 0 and len(empty.rows) == 0


def test_cell_examples_of_a_sigmoid_use_the_predicted_classs_probability():
    prob = np.array([[0.2], [0.45], [0.9]])
    y_pred = evaluation.predicted_classes(prob, threshold=0.4)
    cell = evaluation.cell_examples([0, 0, 0], y_pred, prob, 0, 1)
    assert list(cell.rows) == [2, 1]
    np.testing.assert_allclose(cell.confidence, [0.9, 0.45])


def test_cell_examples_refuse_mismatched_lengths():
    with pytest.raises(ValueError, match=r"Received: len\(y_true\)=2, len\(y_pred\)=3"):
        evaluation.cell_examples([0, 1], [0, 1, 1], [[0.5]] * 3, 0, 0)
    with pytest.raises(ValueError, match="Received: limit=0"):
        evaluation.cell_examples([0], [0], [[0.5]], 0, 0, limit=0)


def test_imdb_test_reviews_are_the_test_rows_as_words(isolated_dirs):  # noqa: F811
    write_imdb(isolated_dirs)
    from playground.datasets import load_dataset

    data = DataConfig(name="imdb", n_samples=5)
    dataset = load_dataset(data)
    texts, y_test = imdb.test_reviews(data, [3, 0])
    np.testing.assert_array_equal(y_test, dataset.y_test)
    # The decoded words are exactly the words of that row's multi-hot input.
    for text, row in zip(texts, [3, 0]):
        words = set(text.split())
        present = {dataset.feature_names[i] for i in np.flatnonzero(dataset.x_test[row])}
        assert words == present - {"[START]"}


def test_imdb_test_reviews_are_cut_and_need_the_word_index(isolated_dirs):  # noqa: F811
    write_imdb(isolated_dirs)
    texts, _ = imdb.test_reviews(DataConfig(name="imdb", n_samples=0), [0], max_words=1)
    assert texts[0].endswith(" …") and len(texts[0].split()) == 2

    imdb._read_word_index.cache_clear()
    (isolated_dirs / "imdb_word_index.json").unlink()
    texts, y_test = imdb.test_reviews(DataConfig(name="imdb", n_samples=0), [0])
    assert texts is None and len(y_test) == 8


def test_a_clicked_point_names_its_cell_however_plotly_sends_it():
    from ui.examples_views import clicked_cell

    assert clicked_cell([3, 5, 12, 40.0]) == (3, 5)
    # A row of a typed array, as plotly.js reports it for a NumPy customdata.
    assert clicked_cell({"0": 3, "1": 5, "2": 12, "3": 40.0}) == (3, 5)
    assert clicked_cell(None) is None and clicked_cell({"x": 1}) is None


def _cell_table_script():
    from types import SimpleNamespace

    import numpy as np

    from playground import evaluation
    from ui import examples_views

    result = SimpleNamespace(summary=SimpleNamespace(class_names=["no", "<b>yes</b>"]))
    dataset = SimpleNamespace(
        x_test=np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]), feature_names=["actual", "age"]
    )
    y_true, prob = np.array([1, 1, 0]), np.array([[0.7], [0.9], [0.2]])
    examples = evaluation.cell_examples(y_true, evaluation.predicted_classes(prob), prob, 1, 1)
    examples_views._rows(result, dataset, examples)


def test_a_cells_table_keeps_a_feature_called_actual_apart():
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_function(_cell_table_script).run()
    assert not at.exception, at.exception
    table = at.dataframe[0].value
    assert list(table.columns) == [
        "actual",
        "predicted",
        "confidence (P of predicted class)",
        "actual (2)",
        "age",
    ]
    assert list(table.index) == [1, 0]  # the most confident first
    assert list(table["actual (2)"]) == [3.0, 1.0]
    assert set(table["actual"]) == {"<b>yes</b>"}  # a class name shown as typed
