"""Take it home: the exported script and notebook redo the run, and the saved model scores the same."""

import ast
import json
import subprocess
import sys

import nbformat
import pytest

from playground import codegen, datasets
from playground.config import DataConfig, ExperimentConfig, LayerConfig
from playground.runs import RunResult, RunSummary
from tests.conftest import shared_mnist_path, train_in_process

RUNS = {
    # binary, EarlyStopping restoring the best weights, two activations
    "moons": ExperimentConfig(
        data=DataConfig(name="moons", n_samples=300),
        layers=[LayerConfig(8, "relu"), LayerConfig(8, "tanh")],
        epochs=6,
        early_stopping=True,
        patience=1,
        restore_best_weights=True,
    ),
    # multiclass, one-hot labels, SGD with momentum, 0-1 scaling
    "iris": ExperimentConfig(
        data=DataConfig(name="iris", scaling="minmax", seed=2),
        layers=[LayerConfig(8, "relu")],
        epochs=8,
        label_encoding="onehot",
        optimizer="sgd",
        momentum=0.9,
        seed=5,
    ),
    # regularized: L1/L2 penalties and Dropout, whose masks follow the seed too
    "moons_regularized": ExperimentConfig(
        data=DataConfig(name="moons", n_samples=300, noise=0.3),
        layers=[LayerConfig(16, "relu", dropout=0.3, l2=0.01), LayerConfig(8, "tanh", l1=0.001)],
        epochs=5,
        seed=3,
    ),
}


@pytest.fixture(scope="module")
def runs(tmp_path_factory) -> dict[str, RunResult]:
    folder = tmp_path_factory.mktemp("runs")
    results = {}
    for name, config in RUNS.items():
        events = train_in_process(config, folder / name, stream=False)
        assert type(events[-1]).__name__ == "RunFinished", events[-1]
        results[name] = RunResult.load(folder / name)
    return results


def run_python(path, cwd) -> str:
    done = subprocess.run(
        [sys.executable, str(path)], capture_output=True, text=True, cwd=cwd, timeout=300
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def printed_accuracy(output: str) -> float:
    line = next(line for line in output.splitlines() if line.startswith("Test accuracy:"))
    return float(line.split(":")[1])


def assert_same_accuracy(output: str, summary: RunSummary) -> None:
    """The same accuracy (printed to 4 decimals), or one test example apart if the last
    float bits of some step differ (they did not on the machine these tests were written on)."""
    app = summary.test["accuracy"]
    assert abs(printed_accuracy(output) - app) <= 1 / summary.n_test + 0.5e-4


@pytest.mark.parametrize("name", list(RUNS))
def test_the_exported_script_reaches_the_apps_test_accuracy(runs, name, tmp_path):
    summary = runs[name].summary
    path = tmp_path / "run.py"
    path.write_text(codegen.script(summary, name))
    output = run_python(path, tmp_path)
    assert_same_accuracy(output, summary)
    assert "Confusion matrix" in output and "precision" in output


def test_the_notebook_is_valid_and_its_cells_reach_the_apps_test_accuracy(runs, tmp_path):
    summary = runs["moons"].summary
    book = nbformat.reads(codegen.notebook(summary, "my <run>"), as_version=4)
    nbformat.validate(book)
    assert book.cells[0].cell_type == "markdown" and "my \\<run\\>" in book.cells[0].source
    code = "\n\n".join(cell.source for cell in book.cells if cell.cell_type == "code")
    (tmp_path / "cells.py").write_text(code)
    assert_same_accuracy(run_python(tmp_path / "cells.py", tmp_path), summary)


def test_the_downloaded_model_scores_the_apps_test_accuracy_in_plain_keras(runs):
    import keras

    for result in runs.values():
        config = result.summary.config
        dataset = datasets.load_dataset(config.data)
        y_test = dataset.y_test
        if config.label_encoding == "onehot":
            y_test = keras.utils.to_categorical(y_test, dataset.n_classes)
        model = keras.models.load_model(result.model_path)
        scores = model.evaluate(dataset.x_test, y_test, verbose=0, return_dict=True)
        assert scores["accuracy"] == pytest.approx(result.summary.test["accuracy"], abs=1e-6)


def summary_for(config: ExperimentConfig, task: str, classes: list[str], kind: str) -> RunSummary:
    return RunSummary(
        dataset=config.data.name,
        task=task,
        kind=kind,
        class_names=classes,
        n_test=10,
        config=config,
        test={"loss": 0.1},
    )


CASES = [
    ("moons", "binary", ["0", "1"], "points2d"),
    ("circles", "binary", ["0", "1"], "points2d"),
    ("xor", "binary", ["0", "1"], "points2d"),
    ("spiral", "binary", ["0", "1"], "points2d"),
    ("gaussians", "binary", ["0", "1"], "points2d"),
    ("iris", "multiclass", ["a", "b", "c"], "tabular"),
    ("wine", "multiclass", ["a", "b", "c"], "tabular"),
    ("breast_cancer", "binary", ["malignant", "benign"], "tabular"),
    ("diabetes", "regression", [], "tabular"),
    ("mnist", "multiclass", [str(d) for d in range(10)], "image"),
    ("imdb", "binary", ["negative", "positive"], "text"),
]


@pytest.mark.parametrize("name, task, classes, kind", CASES)
@pytest.mark.parametrize("scaling", ["standard", "minmax", "none"])
def test_every_built_in_dataset_exports_plain_keras_code(name, task, classes, kind, scaling):
    config = ExperimentConfig(data=DataConfig(name=name, scaling=scaling, n_samples=500))
    code = codegen.script(summary_for(config, task, classes, kind), "a\nname")
    tree = ast.parse(code)
    imported = {
        alias.name.split(".")[0]
        for node in ast.walk(tree)
        if isinstance(node, (ast.Import, ast.ImportFrom))
        for alias in node.names
    } | {
        node.module.split(".")[0]
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module
    }
    assert "playground" not in imported
    assert "keras.utils.set_random_seed(0)" in code
    assert (
        code.splitlines()[0]
        == "# a name: a run of the Deep Learning Playground, as plain Keras code."
    )
    if kind == "image":
        assert "keras.layers.Flatten()" in code and "[:500]" in code
    if name == "imdb":
        assert "load_data(num_words=10000)" in code
    json.loads(codegen.notebook(summary_for(config, task, classes, kind)))


def test_a_stopped_run_exports_the_epochs_it_trained_and_a_csv_run_no_code():
    config = ExperimentConfig(epochs=60)
    summary = summary_for(config, "binary", ["0", "1"], "points2d")
    summary.stopped, summary.epochs_run = "user", 7
    assert "epochs=7," in codegen.script(summary)
    csv = summary_for(
        ExperimentConfig(data=DataConfig(name="csv")), "binary", ["a", "b"], "tabular"
    )
    assert not codegen.supports(csv)
    with pytest.raises(ValueError, match="Received: dataset='csv'"):
        codegen.script(csv)


def test_an_mnist_export_with_standardized_pixels_reaches_the_apps_test_accuracy(
    tmp_path, monkeypatch
):
    """MNIST's pixels standardized with one mean and one std, as the app does."""
    mnist = shared_mnist_path()
    if mnist is None:
        pytest.skip("the real MNIST (mnist.npz) is not available offline")
    monkeypatch.setenv("PLAYGROUND_DATA_DIR", str(mnist.parent))
    config = ExperimentConfig(
        data=DataConfig(name="mnist", n_samples=2000, scaling="standard"),
        layers=[LayerConfig(16, "relu")],
        epochs=1,
    )
    events = train_in_process(config, tmp_path / "run", stream=False)
    assert type(events[-1]).__name__ == "RunFinished", events[-1]
    summary = RunResult.load(tmp_path / "run").summary
    # The shared file holds Keras's arrays but not its bytes (Keras would check its hash
    # and try to download): the one loading line reads the same arrays from it instead.
    loading = "(x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()"
    code = codegen.script(summary)
    assert code.count(loading) == 1
    offline = (
        f"_mnist = np.load({str(mnist)!r})\n"
        '(x_train, y_train), (x_test, y_test) = (_mnist["x_train"], _mnist["y_train"]), '
        '(_mnist["x_test"], _mnist["y_test"])'
    )
    (tmp_path / "run.py").write_text(code.replace(loading, offline))
    done = subprocess.run(
        [sys.executable, str(tmp_path / "run.py")],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert_same_accuracy(done.stdout, summary)
