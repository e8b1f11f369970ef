"""A finished run as plain Keras code: a Python script and a Jupyter notebook.

The code does exactly what the run did, the way the course writes it: it
loads the same data (`keras.datasets` or scikit-learn, the app's own
generator for XOR and the spiral), splits and scales it as
`playground.datasets` does, seeds Keras with `keras.utils.set_random_seed`
before building the same layers in the same order, compiles and fits with
the same settings and callbacks, and prints the test scores, the confusion
matrix and the classification report (MSE, MAE and R² for regression).
With the same seed it reaches the same test accuracy (`playground.fast_fit`
changes the app's speed, not its math). The code never imports `playground`.

Each step is a `Section` (a title and its code): the script joins them, the
notebook makes a Markdown cell and a code cell of each.

Example:

```python
from playground.config import ExperimentConfig

summary = RunResult.load(folder).summary
open("run.py", "w").write(script(summary))
open("run.ipynb", "w").write(notebook(summary))
```
"""

from __future__ import annotations

from dataclasses import dataclass

from playground import models
from playground.config import ExperimentConfig
from playground.run_names import bounded_name
from playground.runs import RunSummary

TOY_SETS = ("moons", "circles", "xor", "spiral", "gaussians")
SKLEARN_SETS = {
    "iris": "load_iris()",
    "wine": "load_wine()",
    "breast_cancer": "load_breast_cancer()",
    "diabetes": "load_diabetes(scaled=False)",
}
OPTIMIZER_CLASSES = {"adam": "Adam", "sgd": "SGD", "rmsprop": "RMSprop", "adagrad": "Adagrad"}
TEST_ACCURACY_LINE = "Test accuracy:"


@dataclass(frozen=True)
class Section:
    """One step of the code: a title (a comment, or a notebook's Markdown cell) and its code."""

    title: str
    code: str


@dataclass(frozen=True)
class _Classes:
    """What `models.resolve_head` needs to know about the data."""

    task: str
    n_classes: int


def supports(summary: RunSummary) -> bool:
    """Whether generated code loads exactly the run's data."""
    if summary.dataset == "csv":
        return why_not(summary) is None
    return (
        summary.dataset in TOY_SETS
        or summary.dataset in SKLEARN_SETS
        or (summary.dataset in ("mnist", "imdb"))
    )


def why_not(summary: RunSummary) -> str | None:
    """Why an uploaded CSV's run has no code: a message key, or None when it has.

    Returns:
        "export.no_code_csv_rows" when the app skipped or sampled rows (the
        file itself has other rows), "export.no_code_csv_reading" when plain
        `pd.read_csv` reads the file differently (or the run predates this
        record), else None.
    """
    if summary.dataset != "csv":
        return None
    source = summary.csv
    reading = source.get("reading", {})
    if source.get("sampled") or reading.get("rows_changed"):
        return "export.no_code_csv_rows"
    if not reading.get("exact"):
        return "export.no_code_csv_reading"
    return None


def csv_file_name(summary: RunSummary) -> str:
    """The name the exported code gives the uploaded file (Evaluate offers it under this name)."""
    return f"data-{summary.config.data.csv_file[:12]}.csv"


def script(summary: RunSummary, name: str = "") -> str:
    """The run as one runnable Python file.

    Args:
        summary: the finished run (its config, task, classes and epochs).
        name: the run's name, quoted in the first comment.

    Returns:
        Python source text.

    Raises:
        ValueError: for data that `supports` refuses, naming it.
    """
    parts = [f"# {'=' * 70}\n# {section.title}\n{section.code}" for section in sections(summary)]
    return _header(summary, name) + "\n\n".join(parts) + "\n"


def notebook(summary: RunSummary, name: str = "") -> str:
    """The run as a Jupyter notebook (nbformat 4), one Markdown and one code cell per step.

    Raises:
        ValueError: for data that `supports` refuses, naming it.
    """
    import nbformat

    cells = [nbformat.v4.new_markdown_cell(_intro_markdown(summary, name))]
    for section in sections(summary):
        cells.append(nbformat.v4.new_markdown_cell(f"## {section.title}"))
        cells.append(nbformat.v4.new_code_cell(section.code))
    book = nbformat.v4.new_notebook(
        cells=cells,
        metadata={
            "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
            "language_info": {"name": "python"},
        },
    )
    nbformat.validate(book)
    return nbformat.writes(book)


def sections(summary: RunSummary) -> list[Section]:
    """The steps of the run, in order.

    Raises:
        ValueError: for data that `supports` refuses, naming it.
    """
    if not supports(summary):
        raise ValueError(
            "Only the built-in datasets and CSV files that pandas reads exactly as the app did "
            f"can be exported as code. Received: dataset={summary.dataset!r}"
        )
    config = summary.config
    head = models.resolve_head(config, _Classes(summary.task, len(summary.class_names)))
    onehot = summary.task != "regression" and config.label_encoding == "onehot"
    return [
        Section("Imports", _imports(summary)),
        Section("Data", _data(summary)),
        *([Section("Labels", _labels(summary))] if onehot else []),
        Section("Model", _model(config, summary, head)),
        Section("Compile", _compile(config, summary, head)),
        Section("Fit", _fit(summary, onehot)),
        Section("Evaluate on the test set", _evaluate(summary, head, onehot)),
    ]


# ------------------------------------------------------------------ sections
def _header(summary: RunSummary, name: str) -> str:
    title = bounded_name(name) or summary.dataset
    return (
        f"# {title}: a run of the Deep Learning Playground, as plain Keras code.\n"
        "# The same data, split, scaling, model, seed and fit as in the app, so it reaches\n"
        "# the same test accuracy. Needs: keras, tensorflow, scikit-learn, numpy.\n\n"
    )


def _intro_markdown(summary: RunSummary, name: str) -> str:
    title = bounded_name(name) or summary.dataset
    escaped = "".join(f"\\{ch}" if ch in "\\`*_{}[]()#+-.!|<>" else ch for ch in title)
    return (
        f"# {escaped}\n\nA run of the Deep Learning Playground, as plain Keras code: the same "
        "data, split, scaling, model, seed and fit as in the app, so it reaches the same test "
        "accuracy."
    )


def _imports(summary: RunSummary) -> str:
    lines = ["import numpy as np", "import keras"]
    if summary.dataset == "csv":
        lines.insert(1, "import pandas as pd")
    if summary.dataset in TOY_SETS or summary.dataset in SKLEARN_SETS or summary.dataset == "csv":
        lines.append("from sklearn.model_selection import train_test_split")
        scaler = {"standard": "StandardScaler", "minmax": "MinMaxScaler"}.get(
            summary.config.data.scaling
        )
        if scaler:
            lines.append(f"from sklearn.preprocessing import {scaler}")
    if summary.task == "regression":
        lines.append(
            "from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score"
        )
    else:
        lines.append(
            "from sklearn.metrics import accuracy_score, classification_report, confusion_matrix"
        )
    return "\n".join(lines)


def _data(summary: RunSummary) -> str:
    name = summary.dataset
    if name == "mnist":
        return _mnist(summary.config)
    if name == "imdb":
        return _imdb(summary.config)
    if name == "csv":
        loading = _csv(summary)
    else:
        loading = _toy(summary.config) if name in TOY_SETS else _sklearn(name)
    return loading + "\n\n" + _split(summary) + "\n\n" + _scale_table(summary.config.data.scaling)


def _toy(config: ExperimentConfig) -> str:
    data = config.data
    n, noise, seed = data.n_samples, data.noise, data.seed
    if data.name == "moons":
        return (
            "from sklearn.datasets import make_moons\n\n"
            f"x, y = make_moons({n}, noise={noise!r}, random_state={seed})"
        )
    if data.name == "circles":
        return (
            "from sklearn.datasets import make_circles\n\n"
            f"x, y = make_circles({n}, noise={noise!r}, factor=0.5, random_state={seed})"
        )
    if data.name == "gaussians":
        return (
            "from sklearn.datasets import make_blobs\n\n"
            "# Two blobs centred at (-1, -1) and (1, 1).\n"
            f"x, y = make_blobs({n}, centers=[[-1.0, -1.0], [1.0, 1.0]], "
            f"cluster_std={0.5 + noise!r}, random_state={seed})"
        )
    if data.name == "xor":
        return (
            "# XOR: uniform points in [-1, 1]²; class 1 where x1 and x2 have the same sign.\n"
            "# The labels are taken before the noise moves the points.\n"
            f"rng = np.random.default_rng({seed})\n"
            f"x = rng.uniform(-1.0, 1.0, size=({n}, 2))\n"
            "y = (x[:, 0] * x[:, 1] > 0).astype(np.int64)\n"
            f"x = x + rng.normal(0.0, {noise!r}, size=x.shape)"
        )
    return (
        "# Two spiral arms of 1.5 turns, radius 0 to 2, with Gaussian noise.\n"
        f"rng = np.random.default_rng({seed})\n"
        "points, labels = [], []\n"
        f"for label, size in enumerate(({n // 2}, {n - n // 2})):\n"
        "    t = np.linspace(0.0, 1.0, size)\n"
        "    angle = 1.5 * 2 * np.pi * t + label * np.pi\n"
        "    radius = 2.0 * t\n"
        "    points.append(np.column_stack([radius * np.sin(angle), radius * np.cos(angle)]))\n"
        "    labels.append(np.full(size, label, dtype=np.int64))\n"
        f"x = np.concatenate(points) + rng.normal(0.0, {noise!r}, size=({n}, 2))\n"
        "y = np.concatenate(labels)"
    )


def _sklearn(name: str) -> str:
    loader = SKLEARN_SETS[name]
    return (
        f"from sklearn.datasets import {loader.split('(')[0]}\n\n"
        f"dataset = {loader}\n"
        "x, y = dataset.data, dataset.target"
    )


def _csv(summary: RunSummary) -> str:
    """Reads the uploaded file and makes x and y as `playground.datasets.csv` did."""
    source = summary.csv
    reading = source["reading"]
    arguments = ", ".join(f"{key}={value!r}" for key, value in reading["read_csv"].items())
    target = source["target"]
    lines = [
        "# The CSV file you uploaded (Evaluate offers it beside this code), read as the app read it.",
        f"df = pd.read_csv({csv_file_name(summary)!r}, {arguments})",
    ]
    if reading["dates"]:
        lines.append("# Dates, in the format the app found")
    for column, date_format in reading["dates"].items():
        lines.append(f"df[{column!r}] = pd.to_datetime(df[{column!r}], format={date_format!r})")
    if reading["booleans"]:
        lines.append("# True/False columns with missing values")
    for column in reading["booleans"]:
        lines.append(f"df[{column!r}] = df[{column!r}].astype('boolean')")
    lines.append(f"target = {target!r}")
    if source["drop_missing_target"]:
        lines += [
            "# Rows without a target value cannot be learned from",
            "df = df[df[target].notna()]",
        ]
    lines.append("")
    if summary.task == "regression":
        lines.append("y = df[target].to_numpy(dtype=np.float32)")
    else:
        lines += [
            "# Classes sorted by name; y holds each row's class number",
            "y, classes = pd.factorize(df[target], sort=True)",
        ]
    if source["dropped"]:
        lines.append(
            "# Columns the app left out: empty ones, and text with too many different values"
        )
    dropped = ", ".join(["target", *(repr(column) for column in source["dropped"])])
    lines.append(f"features = df.drop(columns=[{dropped}])")
    parts = []
    if source["numbers"]:
        lines += ["", f"numbers = features[{source['numbers']!r}].copy()"]
        if source["dates"]:
            lines += [
                "# Dates become days since 1970-01-01",
                f"for column in {source['dates']!r}:",
                '    numbers[column] = (numbers[column] - pd.Timestamp("1970-01-01")) / pd.Timedelta(days=1)',
            ]
        booleans = " (True/False become 1.0/0.0)" if _has_booleans(summary) else ""
        lines += [
            f'numbers = numbers.astype("float64"){"  #" + booleans if booleans else ""}',
            "numbers = numbers.fillna(numbers.median())  # a missing number becomes its column's median",
        ]
        parts.append("numbers")
    if source["texts"]:
        lines += [
            "",
            '# Text columns: a missing value becomes the category "missing", then one 0/1 column per value',
            f'texts = features[{source["texts"]!r}].astype("object").fillna("missing").astype(str)',
            'one_hot = pd.get_dummies(texts, prefix_sep="=", dtype=np.float32)',
        ]
        parts.append("one_hot")
    lines.append(f"x = pd.concat([{', '.join(parts)}], axis=1).to_numpy(dtype=np.float32)")
    return "\n".join(lines)


def _has_booleans(summary: RunSummary) -> bool:
    """Whether a number input of the CSV run is a True/False column."""
    return bool(summary.csv.get("booleans"))


def _split(summary: RunSummary) -> str:
    data = summary.config.data
    stratified = summary.task != "regression" and summary.csv.get("stratified", True)
    stratify = "y" if stratified else "None"
    lines = [
        "# Hold out the test set; classes keep their shares in both sets (stratify)."
        if stratified
        else "# Hold out the test set at random.",
        "x_train, x_test, y_train, y_test = train_test_split(",
        f"    x, y, test_size={data.test_fraction!r}, random_state={data.seed}, "
        f"stratify={stratify}",
        ")",
    ]
    if summary.task == "regression":
        lines += ["y_train = y_train.astype(np.float32)", "y_test = y_test.astype(np.float32)"]
    return "\n".join(lines)


def _scale_table(scaling: str) -> str:
    lines = ["x_train = x_train.astype(np.float32)", "x_test = x_test.astype(np.float32)"]
    if scaling == "none":
        return "# No scaling: the raw values go in.\n" + "\n".join(lines)
    scaler = "StandardScaler()" if scaling == "standard" else "MinMaxScaler()"
    return "\n".join(
        [
            "# Scale the inputs; the scaler learns from the training rows only.",
            *lines,
            f"scaler = {scaler}",
            "x_train = scaler.fit_transform(x_train)",
            "x_test = scaler.transform(x_test)",
        ]
    )


def _mnist(config: ExperimentConfig) -> str:
    lines = ["(x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()"]
    if 0 < config.data.n_samples < 60_000:
        n = config.data.n_samples
        lines += [f"x_train, y_train = x_train[:{n}], y_train[:{n}]  # the first {n:,} images"]
    scaling = config.data.scaling
    if scaling == "minmax":
        lines += [
            "# Pixels 0..255 -> 0..1",
            "x_train = x_train.astype(np.float32) / 255.0",
            "x_test = x_test.astype(np.float32) / 255.0",
        ]
    elif scaling == "standard":
        lines += [
            "# Standardize with one mean and one standard deviation of all training pixels",
            'mean, std = x_train.mean(dtype="float64"), x_train.std(dtype="float64")',
            "x_train = (x_train.astype(np.float32) - np.float32(mean)) / np.float32(std)",
            "x_test = (x_test.astype(np.float32) - np.float32(mean)) / np.float32(std)",
        ]
    else:
        lines += [
            "# No scaling: raw pixels 0..255 go in.",
            "x_train = x_train.astype(np.float32)",
            "x_test = x_test.astype(np.float32)",
        ]
    return "\n".join(lines)


def _imdb(config: ExperimentConfig) -> str:
    n = config.data.n_samples
    lines = [
        "(train_seqs, y_train), (test_seqs, y_test) = keras.datasets.imdb.load_data("
        "num_words=10000)",
    ]
    if 0 < n < 25_000:
        lines += [
            f"train_seqs, y_train = train_seqs[:{n}], y_train[:{n}]",
            f"test_seqs, y_test = test_seqs[:{n}], y_test[:{n}]",
        ]
    lines += [
        "",
        "",
        "def multi_hot(sequences, num_words=10000):",
        '    """One row per review, with a 1 for every word it contains."""',
        "    x = np.zeros((len(sequences), num_words), dtype=np.uint8)",
        "    for row, words in enumerate(sequences):",
        "        x[row, words] = 1",
        "    return x",
        "",
        "",
        "x_train, x_test = multi_hot(train_seqs), multi_hot(test_seqs)",
    ]
    return "\n".join(lines)


def _labels(summary: RunSummary) -> str:
    k = len(summary.class_names)
    return (
        "# One-hot labels for categorical_crossentropy: class 2 of 3 becomes [0, 0, 1].\n"
        f"y_train_onehot = keras.utils.to_categorical(y_train, num_classes={k})\n"
        f"y_test_onehot = keras.utils.to_categorical(y_test, num_classes={k})"
    )


def _model(config: ExperimentConfig, summary: RunSummary, head: models.Head) -> str:
    lines = [
        "# The same seed gives the same first weights and the same batches as in the app.",
        f"keras.utils.set_random_seed({config.seed})",
        "",
        "model = keras.Sequential(",
        "    [",
        "        keras.Input(shape=x_train.shape[1:]),",
    ]
    if summary.kind == "image":
        lines.append("        keras.layers.Flatten(),  # 28×28 pixels -> 784 inputs")
    for layer in config.layers:
        lines += [f"        {line}" for line in models.keras_layer_lines(layer)]
    lines += [
        f'        keras.layers.Dense({head.units}, activation="{head.activation}"),  # output',
        "    ]",
        ")",
        "model.summary()",
    ]
    return "\n".join(lines)


def _compile(config: ExperimentConfig, summary: RunSummary, head: models.Head) -> str:
    arguments = [f"learning_rate={config.learning_rate!r}"]
    if config.optimizer == "sgd":
        arguments.append(f"momentum={config.momentum!r}")
    optimizer = f"keras.optimizers.{OPTIMIZER_CLASSES[config.optimizer]}({', '.join(arguments)})"
    metric = "mae" if summary.task == "regression" else "accuracy"
    return (
        "model.compile(\n"
        f"    optimizer={optimizer},\n"
        f'    loss="{head.loss}",\n'
        f'    metrics=["{metric}"],\n'
        ")"
    )


def _fit(summary: RunSummary, onehot: bool) -> str:
    config = summary.config
    epochs, lines = config.epochs, []
    if summary.stopped == "user":
        epochs = summary.epochs_run
        lines.append(f"# You pressed Stop after {epochs} epochs in the app: this fits as many.")
    arguments = [
        "x_train",
        "y_train_onehot" if onehot else "y_train",
        f"epochs={epochs}",
        f"batch_size={config.batch_size}",
    ]
    if config.validation_split > 0:
        arguments.append(f"validation_split={config.validation_split!r}")
    if config.early_stopping:
        lines += [
            "# Stop when val_loss has not improved for `patience` epochs.",
            "early_stopping = keras.callbacks.EarlyStopping(",
            f'    monitor="val_loss", patience={config.patience}, '
            f"restore_best_weights={config.restore_best_weights}",
            ")",
        ]
        arguments.append("callbacks=[early_stopping]")
    arguments.append("verbose=2")
    lines += ["history = model.fit(", *[f"    {a}," for a in arguments], ")"]
    return "\n".join(lines)


def _evaluate(summary: RunSummary, head: models.Head, onehot: bool) -> str:
    y_test = "y_test_onehot" if onehot else "y_test"
    lines = [
        f"scores = model.evaluate(x_test, {y_test}, verbose=0, return_dict=True)",
        'print("Keras:", scores)',
        "prob = model.predict(x_test, verbose=0)",
    ]
    if summary.task == "regression":
        return "\n".join(
            lines
            + [
                "y_pred = prob[:, 0]",
                'print(f"MSE: {mean_squared_error(y_test, y_pred):.4f}")',
                'print(f"MAE: {mean_absolute_error(y_test, y_pred):.4f}")',
                'print(f"R²: {r2_score(y_test, y_pred):.4f}")',
            ]
        )
    if head.units == 1:
        lines.append("y_pred = (prob[:, 0] > 0.5).astype(int)  # probability -> class 0 or 1")
    else:
        lines.append("y_pred = np.argmax(prob, axis=1)  # the most probable class")
    names = [str(name) for name in summary.class_names]
    lines += [
        f"class_names = {names!r}",
        f'print(f"{TEST_ACCURACY_LINE} {{accuracy_score(y_test, y_pred):.4f}}")',
        'print("Confusion matrix (rows: actual, columns: predicted):")',
        f"print(confusion_matrix(y_test, y_pred, labels=list(range({len(names)}))))",
        f"print(classification_report(y_test, y_pred, labels=list(range({len(names)})), "
        "target_names=class_names, zero_division=0))",
    ]
    return "\n".join(lines)
