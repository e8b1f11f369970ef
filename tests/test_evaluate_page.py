"""The Evaluate page (AppTest): the positive class, the matrix's values, the report's format."""

import base64
import json
import re

import numpy as np
import plotly.graph_objects as go
import plotly.io
import pytest
from sklearn import metrics

from playground.config import DataConfig, ExperimentConfig, LayerConfig
from tests.test_pages import open_page, run_until, texts


def figure(at, key: str) -> go.Figure:
    chart = next(chart for chart in at.get("plotly_chart") if chart.key == key)
    return plotly.io.from_json(chart.proto.spec)


def array(value) -> np.ndarray:
    """A figure array as Plotly's JSON encodes it: a list, or a base64 typed array."""
    if isinstance(value, dict) and "bdata" in value:
        flat = np.frombuffer(base64.b64decode(value["bdata"]), dtype=value["dtype"])
        shape = [int(n) for n in str(value.get("shape", len(flat))).split(",")]
        return flat.reshape(shape)
    return np.asarray(value)


def report(at):
    return at.dataframe[0]  # the first table on the page


@pytest.fixture(scope="module")
def breast_cancer_evaluate():
    """One breast-cancer run trained through the Train page, then its Evaluate page."""
    config = ExperimentConfig(
        data=DataConfig(name="breast_cancer"), epochs=5, layers=[LayerConfig(8, "relu")]
    )
    at = open_page("pages/train.py", config)
    at.button(key="train_button").click().run()
    run_until(at, lambda page: "Finished after" in texts(page))
    at.switch_page("pages/evaluate.py").run()
    assert not at.exception, at.exception
    return at


def test_breast_cancer_threshold_is_about_malignant_by_default(breast_cancer_evaluate):
    at = breast_cancer_evaluate
    positive = at.selectbox(key="positive_class.breast_cancer")
    assert positive.value == 0 and positive.options == ["malignant", "benign"]
    slider = at.slider(key="threshold")
    assert slider.label == "P(malignant) ≥ threshold → predict malignant"
    assert "P(malignant)" in texts(at) and "catch more malignant cases" in texts(at)
    chart = figure(at, "threshold_chart")
    assert chart.layout.xaxis.title.text == "Threshold on P(malignant)"
    assert [trace.name for trace in chart.data[:2]] == [
        "Precision of malignant",
        "Recall of malignant",
    ]

    at.slider(key="threshold").set_value(0.9).run()
    strict_recall = report(at).value.loc["malignant", "recall"]
    strict_matrix = array(figure(at, "confusion_chart").data[0].z).astype(float)
    at.slider(key="threshold").set_value(0.05).run()
    assert not at.exception
    assert report(at).value.loc["malignant", "recall"] >= strict_recall
    # A lower threshold predicts malignant (column 0) more often, benign less often.
    lenient_matrix = array(figure(at, "confusion_chart").data[0].z).astype(float)
    assert lenient_matrix[:, 0].sum() > strict_matrix[:, 0].sum()
    assert lenient_matrix.sum() == strict_matrix.sum()


def test_teacher_can_make_benign_the_positive_class(breast_cancer_evaluate):
    at = breast_cancer_evaluate
    at.slider(key="threshold").set_value(0.5).run()
    at.selectbox(key="positive_class.breast_cancer").set_value(1).run()
    assert not at.exception
    assert at.slider(key="threshold").label == "P(benign) ≥ threshold → predict benign"
    assert figure(at, "threshold_chart").layout.xaxis.title.text == "Threshold on P(benign)"
    at.slider(key="threshold").set_value(0.95).run()
    strict = report(at).value.loc["benign", "recall"]
    at.slider(key="threshold").set_value(0.05).run()
    assert report(at).value.loc["benign", "recall"] >= strict
    at.selectbox(key="positive_class.breast_cancer").set_value(0).run()


def test_report_shows_blanks_three_decimals_and_whole_supports(breast_cancer_evaluate):
    table = report(breast_cancer_evaluate)
    # The accuracy row has no precision/recall: shown as "—", never "None".
    assert table.proto.placeholder == "—"
    assert np.isnan(table.value.loc["accuracy", "precision"])
    columns = json.loads(table.proto.columns)
    for name in ("precision", "recall", "f1-score"):
        assert columns[name]["type_config"]["format"] == "%.3f"
    assert columns["support"]["type_config"]["format"] == "%d"
    assert table.value["support"].dtype.kind == "i"


def test_matrix_switches_between_counts_and_row_percentages(breast_cancer_evaluate):
    at = breast_cancer_evaluate
    counts = figure(at, "confusion_chart").data[1].text
    assert all(text.isdigit() for text in counts)
    at.segmented_control(key="matrix_values").set_value("percent").run()
    assert not at.exception
    percent = figure(at, "confusion_chart").data[1].text
    assert all(text.endswith("%") for text in percent)
    at.segmented_control(key="matrix_values").set_value("counts").run()


def test_evaluate_in_korean_names_the_positive_class(breast_cancer_evaluate):
    at = breast_cancer_evaluate
    at.session_state["lang"] = "ko"
    at.run()
    assert not at.exception
    assert at.slider(key="threshold").label == "P(malignant) ≥ 임계값 → 예측: malignant"
    assert at.segmented_control(key="matrix_values").options == ["개수", "실제 클래스별 %"]
    at.session_state["lang"] = "en"
    at.run()


def test_roc_curve_beside_precision_recall_marks_the_threshold(breast_cancer_evaluate):
    at = breast_cancer_evaluate
    at.selectbox(key="positive_class.breast_cancer").set_value(0).run()
    points = {}
    for threshold in (0.1, 0.9):
        at.slider(key="threshold").set_value(threshold).run()
        assert not at.exception
        roc = figure(at, "roc_chart")
        curve, chance, point = roc.data
        fpr, tpr = array(curve.x).astype(float), array(curve.y).astype(float)
        # The legend's AUC is the area under the drawn curve, computed by sklearn.
        auc = float(re.search(r"AUC = ([0-9.]+)", curve.name).group(1))
        assert auc == pytest.approx(metrics.auc(fpr, tpr), abs=5e-4)
        assert auc > 0.9  # breast cancer is easy, even after 5 epochs
        assert roc.layout.yaxis.title.text == "True positive rate (recall of malignant)"
        assert point.name == f"threshold {threshold:.2f}"
        points[threshold] = (float(array(point.x)[0]), float(array(point.y)[0]))
        # The point is the recall of the report at the same threshold.
        assert points[threshold][1] == pytest.approx(report(at).value.loc["malignant", "recall"])
    # A lower threshold catches more malignant cases and raises more false alarms.
    assert points[0.1][0] >= points[0.9][0] and points[0.1][1] >= points[0.9][1]
    at.slider(key="threshold").set_value(0.5).run()


def examples_table(at):
    """The table of a cell's examples (its first column is the true class), or None."""
    return next(
        (frame.value for frame in at.dataframe if list(frame.value.columns[:1]) == ["actual"]),
        None,
    )


def examples_cell(at):
    return next(box for box in at.selectbox if box.label.startswith("Cell of the confusion matrix"))


def test_a_chosen_cell_lists_its_rows_with_raw_features(breast_cancer_evaluate):
    at = breast_cancer_evaluate
    at.slider(key="threshold").set_value(0.5).run()
    counts = array(figure(at, "confusion_chart").data[0].z).astype(int)
    assert examples_table(at) is None
    examples_cell(at).select_index(3).run()  # actual benign, predicted benign
    assert not at.exception, at.exception
    assert f"**{counts[1, 1]}** test examples are actually benign and predicted benign" in texts(at)
    table = examples_table(at)
    assert len(table) == min(24, counts[1, 1])
    assert set(table["actual"]) == {"benign"} and set(table["predicted"]) == {"benign"}
    confidence = table["confidence (P of predicted class)"].to_numpy()
    assert np.all(np.diff(confidence) <= 0) and np.all(confidence >= 0.5)
    # The features as the data file has them, not standardized.
    assert table["mean area"].min() > 100

    # The choice stays when the language or the threshold changes.
    at.session_state["lang"] = "ko"
    at.run()
    assert not at.exception
    assert f"테스트 예제는 **{counts[1, 1]}**개입니다" in texts(at)
    at.session_state["lang"] = "en"
    at.slider(key="threshold").set_value(0.3).run()
    assert examples_table(at) is not None and examples_cell(at).value == (1, 1)
    at.slider(key="threshold").set_value(0.5).run()


@pytest.fixture(scope="module")
def moons_evaluate():
    config = ExperimentConfig(
        data=DataConfig(name="moons", n_samples=300, noise=0.3),
        epochs=3,
        layers=[LayerConfig(4, "relu")],
    )
    at = open_page("pages/train.py", config)
    at.button(key="train_button").click().run()
    run_until(at, lambda page: "Finished after" in texts(page))
    at.switch_page("pages/evaluate.py").run()
    assert not at.exception, at.exception
    return at


def test_a_cell_of_a_2d_set_rings_its_test_points_on_the_boundary(moons_evaluate):
    from playground import datasets

    at = moons_evaluate
    counts = array(figure(at, "confusion_chart").data[0].z).astype(int)
    cell = int(np.argmax(counts.ravel()))
    examples_cell(at).select_index(cell).run()
    assert not at.exception, at.exception
    boundary = figure(at, "examples_boundary")
    rings = boundary.data[-1]
    assert rings.name == "this cell's test points"
    ringed = np.column_stack([array(rings.x), array(rings.y)]).astype(float)
    assert len(ringed) == counts.ravel()[cell]
    # Each ring sits on a test point of the run's (scaled) plane.
    data = DataConfig(name="moons", n_samples=300, noise=0.3)
    x_test = datasets.load_dataset(data).x_test
    for point in ringed:
        assert np.min(np.abs(x_test - point).sum(axis=1)) < 1e-5
