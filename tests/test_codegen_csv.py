"""Take it home for an uploaded CSV: the script reads the file as the app did and scores the same."""

import json
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from playground import codegen
from playground.config import DataConfig, ExperimentConfig, LayerConfig
from playground.datasets import load_dataset, store_upload
from playground.datasets.uploads import upload_path
from playground.runs import RunResult
from tests.conftest import train_in_process

CSV_DIR = Path(__file__).parent / "data" / "csv"


def text_and_missing_csv() -> bytes:
    """A text column to one-hot with gaps, numbers with gaps, an empty column, a gap in the target."""
    rows = ["height,city,empty,score,team"]
    for i in range(60):
        height = "" if i % 11 == 3 else str(150 + (i * 7) % 40)
        city = "" if i % 9 == 4 else ["Seoul", "Busan", "Daegu"][i % 3]
        score = "" if i % 13 == 5 else f"{(i * 3.7) % 10:.1f}"
        team = "" if i == 17 else ("red" if (i * 7) % 40 + (i % 3) * 5 > 22 else "blue")
        rows.append(f"{height},{city},,{score},{team}")
    return ("\n".join(rows) + "\n").encode()


def config_for(
    file_id: str, target: str, task: str = "auto", data_scaling: str = "standard", **changes
) -> ExperimentConfig:
    data = DataConfig(name="csv", csv_file=file_id, target=target, task=task, scaling=data_scaling)
    settings = dict(layers=[LayerConfig(8, "relu")], epochs=4, batch_size=16, seed=3)
    settings.update(changes)
    return ExperimentConfig(data=data, **settings)


RUNS = {
    # semicolon, decimal commas, an umlaut in a header; classes "A" and "B"
    "semicolon": lambda: config_for(
        store_upload((CSV_DIR / "semicolon_decimal_comma.csv").read_bytes()), "klasse"
    ),
    # Korean Excel (CP949): Korean headers and classes, a text column one-hot encoded
    "cp949": lambda: config_for(
        store_upload((CSV_DIR / "korean_excel_cp949.csv").read_bytes()),
        "결과",
        label_encoding="onehot",
    ),
    # an empty column, missing numbers and text, a row without a target, minmax scaling
    "missing": lambda: config_for(
        store_upload(text_and_missing_csv()),
        "team",
        data_scaling="minmax",
    ),
    # dates, True/False columns (one with gaps)
    "dates": lambda: config_for(
        store_upload((CSV_DIR / "dates_and_booleans.csv").read_bytes()), "label"
    ),
    # a regression target chosen by the student
    "regression": lambda: config_for(
        store_upload((CSV_DIR / "numeric_target_few_values.csv").read_bytes()),
        "grade",
        task="regression",
    ),
}


@pytest.fixture(scope="module")
def runs(tmp_path_factory) -> dict[str, RunResult]:
    folder = tmp_path_factory.mktemp("csv-runs")
    results = {}
    for name, make in RUNS.items():
        events = train_in_process(make(), folder / name, stream=False)
        assert type(events[-1]).__name__ == "RunFinished", events[-1]
        results[name] = RunResult.load(folder / name)
    return results


def run_beside_the_csv(code: str, summary, folder: Path) -> str:
    """Runs the code in a folder holding only it and the uploaded file, as a student would."""
    csv_name = codegen.csv_file_name(summary)
    (folder / csv_name).write_bytes(upload_path(summary.config.data.csv_file).read_bytes())
    (folder / "run.py").write_text(code, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "run.py"], capture_output=True, text=True, cwd=folder, timeout=300
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def printed(output: str, label: str) -> float:
    return float(next(line for line in output.splitlines() if line.startswith(label)).split(":")[1])


@pytest.mark.parametrize("name", list(RUNS))
def test_the_csv_script_reaches_the_apps_test_score(runs, name, tmp_path):
    summary = runs[name].summary
    assert codegen.supports(summary), codegen.why_not(summary)
    output = run_beside_the_csv(codegen.script(summary, name), summary, tmp_path)
    if summary.task == "regression":
        assert printed(output, "MSE:") == pytest.approx(summary.test["loss"], abs=0.6e-4)
    else:
        app = summary.test["accuracy"]
        assert abs(printed(output, "Test accuracy:") - app) <= 1 / summary.n_test + 0.5e-4
        assert "Confusion matrix" in output and "precision" in output


def test_the_csv_script_names_only_the_steps_this_file_needed(runs):
    semicolon = codegen.script(runs["semicolon"].summary)
    assert "sep=';', decimal=','" in semicolon and "get_dummies" not in semicolon
    assert "fillna" not in semicolon.split("numbers = numbers.astype")[0]
    korean = codegen.script(runs["cp949"].summary)
    assert "encoding='cp949'" in korean and "get_dummies" in korean
    missing = codegen.script(runs["missing"].summary)
    assert "df[df[target].notna()]" in missing and "columns=[target, 'empty']" in missing
    assert "MinMaxScaler()" in missing and "True/False" not in missing
    dates = codegen.script(runs["dates"].summary)
    assert "format='%Y-%m-%d'" in dates and ".astype('boolean')" in dates
    assert "True/False become 1.0/0.0" in dates


def test_the_csv_notebook_cells_reach_the_apps_test_accuracy(runs, tmp_path):
    summary = runs["cp949"].summary
    book = nbformat.reads(codegen.notebook(summary, "키"), as_version=4)
    nbformat.validate(book)
    code = "\n\n".join(cell.source for cell in book.cells if cell.cell_type == "code")
    output = run_beside_the_csv(code, summary, tmp_path)
    app = summary.test["accuracy"]
    assert abs(printed(output, "Test accuracy:") - app) <= 1 / summary.n_test + 0.5e-4


@pytest.mark.parametrize(
    ("file_name", "target", "reason"),
    [
        ("ragged_rows.csv", "label", "export.no_code_csv_rows"),
        ("inf_and_huge.csv", "label", "export.no_code_csv_reading"),
    ],
)
def test_a_csv_the_script_cannot_read_as_the_app_did_gets_no_code_and_a_reason(
    file_name, target, reason
):
    from playground.runs import RunSummary

    data = DataConfig(
        name="csv", csv_file=store_upload((CSV_DIR / file_name).read_bytes()), target=target
    )
    dataset = load_dataset(data)
    summary = RunSummary(
        dataset="csv",
        task=dataset.task,
        kind="tabular",
        class_names=dataset.class_names,
        n_test=len(dataset.y_test),
        config=ExperimentConfig(data=data),
        test={},
        csv=json.loads(json.dumps(dataset.source)),
    )
    assert not codegen.supports(summary)
    assert codegen.why_not(summary) == reason
    with pytest.raises(ValueError, match="Received: dataset='csv'"):
        codegen.script(summary)


def test_evaluate_offers_the_script_the_notebook_and_the_csv_of_a_csv_run(fake, tmp_path):
    import dataclasses

    from tests import fake_backend

    at, backend = fake
    config = RUNS["semicolon"]()
    dataset = load_dataset(config.data)
    backend.submit(config, owner=at.session_state["_browser_id"])
    job_id = backend.start()
    history = [{"epoch": 1, "loss": 0.5, "accuracy": 0.8}]
    result = fake_backend.binary_result(config, history)
    result.summary = dataclasses.replace(
        result.summary, kind="tabular", class_names=dataset.class_names, csv=dataset.source
    )
    backend.finish(job_id, tmp_path / job_id, result)

    at.switch_page("pages/evaluate.py").run()
    assert not at.exception, at.exception
    buttons = {button.proto.label: button for button in at.get("download_button")}
    assert {"Python script (.py)", "Jupyter notebook (.ipynb)", "Your CSV file (.csv)"} <= set(
        buttons
    ), list(buttons)
    assert codegen.csv_file_name(result.summary) in at.get("code")[0].value

    # The upload cleaned off the server: no script (it could not run), and the page says why.
    upload_path(config.data.csv_file).unlink()
    at.run()
    assert not at.exception, at.exception
    labels = {button.proto.label for button in at.get("download_button")}
    assert not labels & {"Python script (.py)", "Your CSV file (.csv)"}, labels
    assert any("no longer on the server" in info.value for info in at.info)
