"""The Evaluate page (AppTest): the positive class, the matrix's values, the report's format."""

import base64
import json

import numpy as np
import plotly.graph_objects as go
import plotly.io
import pytest

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
