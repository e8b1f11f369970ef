"""Each check fires on a minimal bad config and never on the defaults."""

from __future__ import annotations

import re

import numpy as np
import pytest

from playground.checks import CODES, Problem, has_errors, run_checks
from playground.config import DataConfig, ExperimentConfig, LayerConfig
from playground.datasets import Dataset
from playground.i18n import templates
from playground.settings import Settings

SETTINGS = Settings()


def make_dataset(
    task: str,
    classes: int = 0,
    shape: tuple[int, ...] = (2,),
    rows: int = 50,
    y: np.ndarray | None = None,
    x_high: float = 1.0,
) -> Dataset:
    """A tiny dataset; inputs uniform in [-x_high, x_high]."""
    rng = np.random.default_rng(0)
    x = rng.uniform(-x_high, x_high, (rows, *shape)).astype("float32")
    if task == "regression":
        y = np.linspace(-2, 3, rows).astype("float32") if y is None else y
        names: list[str] = []
    else:
        classes = classes or 2
        y = np.arange(rows) % classes
        names = [str(i) for i in range(classes)]
    features = [f"x{i}" for i in range(int(np.prod(shape)))]
    return Dataset("tiny", task, "tabular", x, y, x[:5], y[:5], features, names)


BINARY = make_dataset("binary")
MULTI3 = make_dataset("multiclass", 3)
MULTI10 = make_dataset("multiclass", 10, (4,))
REGRESSION = make_dataset("regression")
UNIT_TARGETS = make_dataset("regression", y=np.linspace(0, 1, 50).astype("float32"))
BIG_TARGETS = make_dataset("regression", y=np.linspace(25, 346, 50).astype("float32"))
IMAGES = make_dataset("multiclass", 10, (28, 28), rows=20, x_high=1.0)
RAW_PIXELS = Dataset(
    "mnist",
    "multiclass",
    "image",
    np.random.default_rng(0).integers(0, 256, (20, 28, 28)).astype("uint8"),
    np.arange(20) % 10,
    np.zeros((2, 28, 28), "uint8"),
    np.arange(2),
    [f"p{i}" for i in range(784)],
    [str(i) for i in range(10)],
)
ONEHOT = {"label_encoding": "onehot"}
RAW = DataConfig(name="mnist", scaling="none")


def codes(problems: list[Problem]) -> list[str]:
    return [problem.code for problem in problems]


def check(dataset: Dataset, settings: Settings = SETTINGS, **overrides) -> list[Problem]:
    return run_checks(ExperimentConfig(**overrides), dataset, settings)


# ------------------------------------------------- defaults are clean
@pytest.mark.parametrize(
    "dataset, overrides",
    [
        (BINARY, {}),
        (BINARY, ONEHOT),
        (MULTI3, {}),
        (MULTI3, ONEHOT),
        (MULTI10, {}),
        (MULTI10, ONEHOT),
        (REGRESSION, {}),
        (BIG_TARGETS, {}),
        (IMAGES, {}),
        (IMAGES, ONEHOT),
        (BINARY, {"layers": []}),
        (BIG_TARGETS, {"output_activation": "relu"}),
        (MULTI10, {"early_stopping": True}),
    ],
)
def test_auto_defaults_raise_nothing(dataset, overrides):
    assert check(dataset, **overrides) == []


# ------------------------------------------ every problem, minimally
# (code without "check.", level, dataset, config overrides, settings)
CASES = [
    ("unknown_activation", "error", BINARY, {"layers": [LayerConfig(8, "swish")]}, SETTINGS),
    ("unknown_output_activation", "error", BINARY, {"output_activation": "tanhh"}, SETTINGS),
    ("unknown_loss", "error", BINARY, {"loss": "hinge"}, SETTINGS),
    ("unknown_optimizer", "error", BINARY, {"optimizer": "lion"}, SETTINGS),
    ("unknown_label_encoding", "error", BINARY, {"label_encoding": "ordinal"}, SETTINGS),
    ("too_many_layers", "error", BINARY, {"layers": [LayerConfig(4)] * 11}, SETTINGS),
    ("units_out_of_range", "error", BINARY, {"layers": [LayerConfig(0)]}, SETTINGS),
    ("units_out_of_range", "error", BINARY, {"layers": [LayerConfig(5000)]}, SETTINGS),
    ("output_units_out_of_range", "error", BINARY, {"output_units": -1}, SETTINGS),
    ("output_units_out_of_range", "error", MULTI10, {"output_units": 5000}, SETTINGS),
    ("too_many_params", "error", IMAGES, {"layers": [LayerConfig(32)]}, Settings(max_params=1000)),
    ("softmax_one_unit", "error", BINARY, {"output_activation": "softmax"}, SETTINGS),
    (
        "sigmoid_one_unit_multiclass",
        "error",
        MULTI3,
        {"output_activation": "sigmoid", "output_units": 1},
        SETTINGS,
    ),
    ("binary_loss_multiclass", "error", MULTI3, {"loss": "binary_crossentropy"}, SETTINGS),
    (
        "crossentropy_one_unit",
        "error",
        BINARY,
        {"loss": "sparse_categorical_crossentropy"},
        SETTINGS,
    ),
    (
        "categorical_on_integer_labels",
        "error",
        MULTI10,
        {"loss": "categorical_crossentropy"},
        SETTINGS,
    ),
    (
        "sparse_on_onehot_labels",
        "error",
        MULTI10,
        {**ONEHOT, "loss": "sparse_categorical_crossentropy"},
        SETTINGS,
    ),
    ("units_mismatch", "error", MULTI10, {"output_units": 3}, SETTINGS),
    ("units_mismatch_binary", "error", BINARY, {"output_units": 3}, SETTINGS),
    ("labels_outputs_mismatch", "error", BINARY, {"output_units": 2}, SETTINGS),
    (
        "sigmoid_not_summing",
        "warning",
        MULTI3,
        {**ONEHOT, "output_activation": "sigmoid"},
        SETTINGS,
    ),
    ("classification_regression_loss", "warning", BINARY, {"loss": "mse"}, SETTINGS),
    ("classification_regression_loss", "warning", MULTI10, {**ONEHOT, "loss": "mae"}, SETTINGS),
    (
        "classification_output_not_probability",
        "warning",
        BINARY,
        {"output_activation": "linear"},
        SETTINGS,
    ),
    ("onehot_regression_ignored", "info", REGRESSION, ONEHOT, SETTINGS),
    (
        "regression_classification_loss",
        "error",
        REGRESSION,
        {"loss": "binary_crossentropy"},
        SETTINGS,
    ),
    ("regression_units", "error", REGRESSION, {"output_units": 3}, SETTINGS),
    ("regression_softmax", "error", REGRESSION, {"output_activation": "softmax"}, SETTINGS),
    ("regression_sigmoid_range", "error", BIG_TARGETS, {"output_activation": "sigmoid"}, SETTINGS),
    ("regression_sigmoid", "warning", UNIT_TARGETS, {"output_activation": "sigmoid"}, SETTINGS),
    ("regression_relu_negative", "warning", REGRESSION, {"output_activation": "relu"}, SETTINGS),
    ("learning_rate_not_positive", "error", BINARY, {"learning_rate": 0.0}, SETTINGS),
    ("learning_rate_not_positive", "error", BINARY, {"learning_rate": float("nan")}, SETTINGS),
    ("learning_rate_too_high", "warning", BINARY, {"learning_rate": 1e3}, SETTINGS),
    ("momentum_out_of_range", "error", BINARY, {"optimizer": "sgd", "momentum": 1.5}, SETTINGS),
    ("epochs_out_of_range", "error", BINARY, {"epochs": 0}, SETTINGS),
    ("epochs_out_of_range", "error", BINARY, {"epochs": 201}, SETTINGS),
    ("batch_size_out_of_range", "error", BINARY, {"batch_size": 0}, SETTINGS),
    ("batch_size_out_of_range", "error", BINARY, {"batch_size": 4097}, SETTINGS),
    ("validation_split_out_of_range", "error", BINARY, {"validation_split": 0.9}, SETTINGS),
    ("validation_split_out_of_range", "error", BINARY, {"validation_split": -0.1}, SETTINGS),
    (
        "early_stopping_needs_validation",
        "error",
        BINARY,
        {"early_stopping": True, "validation_split": 0.0},
        SETTINGS,
    ),
    ("patience_out_of_range", "error", BINARY, {"early_stopping": True, "patience": -1}, SETTINGS),
    ("patience_out_of_range", "error", BINARY, {"early_stopping": True, "patience": 201}, SETTINGS),
    ("seed_out_of_range", "error", BINARY, {"seed": -1}, SETTINGS),
    ("seed_out_of_range", "error", BINARY, {"seed": 2**32}, SETTINGS),
    ("seed_out_of_range", "error", BINARY, {"data": DataConfig(seed=-1)}, SETTINGS),
    # BINARY fits 40 rows: 40 epochs of batch 1 are 1,600 steps; the default 2-16-16-1 net
    # has 337 parameters, so 100 epochs are 100 x 40 x 337 = 1,348,000 of work.
    (
        "too_many_steps",
        "error",
        BINARY,
        {"batch_size": 1, "epochs": 40},
        Settings(max_train_steps=1000),
    ),
    ("too_much_work", "error", BINARY, {"epochs": 100}, Settings(max_train_work=100_000)),
    (
        "dropout_drops_everything",
        "error",
        BINARY,
        {"layers": [LayerConfig(8, dropout=1.0)]},
        SETTINGS,
    ),
    ("dropout_out_of_range", "error", BINARY, {"layers": [LayerConfig(8, dropout=-0.1)]}, SETTINGS),
    (
        "dropout_out_of_range",
        "error",
        BINARY,
        {"layers": [LayerConfig(8, dropout=float("nan"))]},
        SETTINGS,
    ),
    ("penalty_out_of_range", "error", BINARY, {"layers": [LayerConfig(8, l2=1.5)]}, SETTINGS),
    ("penalty_out_of_range", "error", BINARY, {"layers": [LayerConfig(8, l1=-0.01)]}, SETTINGS),
    (
        "penalty_out_of_range",
        "error",
        BINARY,
        {"layers": [LayerConfig(8, l1=float("inf"))]},
        SETTINGS,
    ),
    ("unscaled_inputs", "warning", RAW_PIXELS, {"data": RAW}, SETTINGS),
    ("linear_hidden_layers", "info", BINARY, {"layers": [LayerConfig(8, "linear")] * 2}, SETTINGS),
]


@pytest.mark.parametrize(
    "code, level, dataset, overrides, settings",
    CASES,
    ids=[f"{case[0]}-{i}" for i, case in enumerate(CASES)],
)
def test_each_problem_alone(code, level, dataset, overrides, settings):
    problems = check(dataset, settings, **overrides)
    assert codes(problems) == ["check." + code]
    assert problems[0].level == level
    assert has_errors(problems) == (level == "error")


def test_every_code_has_a_case():
    assert {"check." + case[0] for case in CASES} == set(CODES)


@pytest.mark.parametrize("code", CODES)
@pytest.mark.parametrize("lang", ["en", "ko"])
def test_every_code_has_message_and_fix_in_both_languages(code, lang):
    for key in (code, code + ".fix"):
        for text in templates(key, lang):  # the raw templates: no parameters to fill here
            assert text != key
            assert text.strip()
    english, korean = templates(code, "en"), templates(code, "ko")
    assert english != korean


@pytest.mark.parametrize(
    "code, level, dataset, overrides, settings",
    CASES,
    ids=[f"{case[0]}-{i}" for i, case in enumerate(CASES)],
)
def test_messages_fill_every_placeholder(code, level, dataset, overrides, settings):
    problem = check(dataset, settings, **overrides)[0]
    for lang in ("en", "ko"):
        for text in (problem.message(lang), problem.fix(lang)):
            assert not re.search(r"\{\w+(![rs])?(:[^}]*)?\}", text), text


# ------------------------------------------------ wording that matters
def test_categorical_on_integer_labels_names_the_keras_error_and_both_fixes():
    problem = check(MULTI10, loss="categorical_crossentropy")[0]
    assert "Shapes (32, 1) and (32, 10) are incompatible" in problem.message("en")
    assert "Shapes (32, 1) and (32, 10) are incompatible" in problem.message("ko")
    fix = problem.fix("en")
    assert "to_categorical(y, 10)" in fix and "sparse_categorical_crossentropy" in fix


def test_batch_in_the_keras_error_is_the_real_first_batch():
    # 50 rows, 20% validation: 40 rows to fit, so a batch of 64 is really 40.
    problem = check(MULTI10, loss="categorical_crossentropy", batch_size=64)[0]
    assert "Shapes (40, 1) and (40, 10)" in problem.message("en")


def test_mse_on_integer_multiclass_is_a_shape_error_and_a_warning():
    problems = check(MULTI10, loss="mse")
    assert codes(problems) == [
        "check.labels_outputs_mismatch",
        "check.classification_regression_loss",
    ]
    assert "10 output units" in problems[0].message("en") and "1 column" in problems[0].message(
        "en"
    )


def test_three_softmax_units_on_ten_classes_quotes_both_numbers():
    message = check(MULTI10, output_units=3)[0].message("en")
    assert "3 units" in message and "10 classes" in message


def test_too_many_params_states_count_limit_and_variable():
    message = check(IMAGES, Settings(max_params=1000), layers=[LayerConfig(32)])[0].message("en")
    assert "25,450" in message and "1,000" in message and "PLAYGROUND_MAX_PARAMS" in message


def test_values_are_quoted():
    assert "units=0" in check(BINARY, layers=[LayerConfig(0)])[0].message("en")
    assert "learning_rate=-1" in check(BINARY, learning_rate=-1.0)[0].message("en")
    assert "1000" in check(BINARY, learning_rate=1e3)[0].message("en")
    assert "'swish'" in check(BINARY, layers=[LayerConfig(8, "swish")])[0].message("ko")
    assert "255" in check(RAW_PIXELS, data=RAW)[0].message("en")


def test_a_bad_hidden_layer_still_gets_the_head_checked():
    problems = check(MULTI10, layers=[LayerConfig(0)], output_units=3)
    assert codes(problems) == ["check.units_out_of_range", "check.units_mismatch"]


def test_limits_come_from_settings():
    tight = Settings(max_units=8, max_layers=1, max_epochs=5)
    problems = check(BINARY, tight, layers=[LayerConfig(16), LayerConfig(4)], epochs=6)
    assert sorted(codes(problems)) == [
        "check.epochs_out_of_range",
        "check.too_many_layers",
        "check.units_out_of_range",
    ]


def _sized(name: str, task: str, classes: int, shape: tuple[int, ...], rows: int) -> Dataset:
    """A dataset of `rows` rows that takes no memory: the checks read only its shape."""
    x = np.broadcast_to(np.float32(0), (rows, *shape))
    y = np.broadcast_to(np.int64(0), (rows,))
    return Dataset(
        name, task, "tabular", x, y, x[:10], y[:10], [], [str(i) for i in range(classes)]
    )


MNIST_ALL = _sized("mnist", "multiclass", 10, (28, 28), 60_000)
MNIST_DEFAULT = _sized("mnist", "multiclass", 10, (28, 28), 10_000)
IMDB_COURSE = _sized("imdb", "binary", 2, (10_000,), 15_000)


@pytest.mark.parametrize(
    "dataset, config",
    [
        # the course's MNIST lesson: all 60,000 rows, 784-16-8-10, batch 32, 20 epochs
        (
            MNIST_ALL,
            ExperimentConfig(
                layers=[LayerConfig(16, "sigmoid"), LayerConfig(8, "sigmoid")],
                optimizer="sgd",
                epochs=20,
                validation_split=0.0,
            ),
        ),
        (MNIST_ALL, ExperimentConfig(layers=[LayerConfig(16), LayerConfig(8)], epochs=20)),
        # the course's IMDB lesson: 10,000-word input, 16-16-1, batch 512, 20 epochs, 15,000 rows
        (
            IMDB_COURSE,
            ExperimentConfig(
                layers=[LayerConfig(16), LayerConfig(16)],
                epochs=20,
                batch_size=512,
                validation_split=0.0,
            ),
        ),
        # the default digit model (784-256-128-10) on all rows for 20 epochs
        (MNIST_ALL, ExperimentConfig(layers=[LayerConfig(256), LayerConfig(128)], epochs=20)),
        # the biggest model this server allows (just under 2,000,000 parameters) on the default
        # MNIST rows at the default epochs
        (MNIST_DEFAULT, ExperimentConfig(layers=[LayerConfig(2048), LayerConfig(190)])),
    ],
)
def test_the_course_workloads_fit_the_default_limits(dataset, config):
    assert not has_errors(run_checks(config, dataset, Settings())), codes(
        run_checks(config, dataset, Settings())
    )


@pytest.mark.parametrize(
    "config, code",
    [
        # 9.6 million steps: MNIST with batch 1 for 200 epochs
        (
            ExperimentConfig(
                layers=[LayerConfig(16)], epochs=200, batch_size=1, validation_split=0.0
            ),
            "check.too_many_steps",
        ),
        # the biggest model on all of MNIST for 200 epochs: hours of one core
        (
            ExperimentConfig(layers=[LayerConfig(2048), LayerConfig(190)], epochs=200),
            "check.too_much_work",
        ),
    ],
)
def test_an_absurd_run_is_refused_with_what_to_change(config, code):
    problems = run_checks(config, MNIST_ALL, Settings())
    assert code in codes(problems)
    problem = next(p for p in problems if p.code == code)
    assert problem.level == "error"
    fix = problem.fix("en")
    assert "epochs" in fix and "PLAYGROUND_MAX_TRAIN" in fix


def test_the_suggested_fixes_really_fit():
    config = ExperimentConfig(
        layers=[LayerConfig(16)], epochs=200, batch_size=1, validation_split=0.0
    )
    problem = next(
        p for p in run_checks(config, MNIST_ALL, Settings()) if p.code == "check.too_many_steps"
    )
    for change in (
        {"batch_size": problem.params["fitting_batch_size"]},
        {"epochs": problem.params["fitting_epochs"]},
    ):
        fixed = ExperimentConfig(**{**config.__dict__, **change})
        assert "check.too_many_steps" not in codes(run_checks(fixed, MNIST_ALL, Settings())), change
    big = ExperimentConfig(layers=[LayerConfig(2048), LayerConfig(190)], epochs=200)
    problem = next(
        p for p in run_checks(big, MNIST_ALL, Settings()) if p.code == "check.too_much_work"
    )
    fixed = ExperimentConfig(**{**big.__dict__, "epochs": problem.params["fitting_epochs"]})
    assert not has_errors(run_checks(fixed, MNIST_ALL, Settings()))


def test_patience_zero_is_keras_default_and_accepted():
    assert check(BINARY, early_stopping=True, patience=0) == []


def test_errors_come_first():
    problems = check(
        RAW_PIXELS, data=RAW, learning_rate=1e3, layers=[LayerConfig(8, "linear")], output_units=3
    )
    assert [p.level for p in problems] == ["error", "warning", "warning", "info"]
    assert has_errors(problems)
    assert not has_errors([p for p in problems if p.level != "error"])


def test_settings_default_to_the_environment(monkeypatch):
    monkeypatch.setenv("PLAYGROUND_MAX_PARAMS", "100")
    assert codes(run_checks(ExperimentConfig(), BINARY)) == ["check.too_many_params"]


def test_config_from_url_with_garbage_names_does_not_crash():
    config = ExperimentConfig.from_query_params(
        {"layers": "8:swish,0:relu", "loss": "nope", "optimizer": "x", "output_activation": "y"}
    )
    found = set(codes(run_checks(config, MULTI10, SETTINGS)))
    assert {
        "check.unknown_activation",
        "check.unknown_loss",
        "check.unknown_optimizer",
        "check.unknown_output_activation",
        "check.units_out_of_range",
    } <= found


# ------------------------------------ the claims are what Keras does
def _keras_error(config: ExperimentConfig, dataset: Dataset) -> str:
    from playground.models import build_model, encode_labels

    model = build_model(config, dataset)
    y = encode_labels(dataset.y_train, config, dataset)
    with pytest.raises(ValueError) as raised:
        model.fit(
            dataset.x_train,
            y,
            epochs=1,
            batch_size=config.batch_size,
            validation_split=config.validation_split,
            verbose=0,
        )
    return str(raised.value)


# MULTI10 has 50 rows; a 0.2 validation split leaves 40 to fit.
@pytest.mark.parametrize("batch_size, printed", [(32, "None"), (20, "20")])
def test_categorical_on_integer_labels_really_fails_in_keras(batch_size, printed):
    config = ExperimentConfig(
        loss="categorical_crossentropy", layers=[LayerConfig(4)], batch_size=batch_size
    )
    problem = run_checks(config, MULTI10, SETTINGS)[0]
    assert problem.code == "check.categorical_on_integer_labels"
    keras_says = f"target.shape=({printed},), output.shape=({printed}, 10)"
    assert keras_says in _keras_error(config, MULTI10)
    assert keras_says in problem.message("en")
    assert f"Shapes ({batch_size}, 1) and ({batch_size}, 10) are incompatible" in problem.message(
        "en"
    )


def test_sparse_on_onehot_labels_really_fails_in_keras():
    config = ExperimentConfig(
        loss="sparse_categorical_crossentropy",
        label_encoding="onehot",
        layers=[LayerConfig(4)],
        batch_size=8,
    )
    problem = run_checks(config, MULTI10, SETTINGS)[0]
    assert problem.code == "check.sparse_on_onehot_labels"
    keras_says = "target.shape=(8, 10), output.shape=(8, 10)"
    assert keras_says in _keras_error(config, MULTI10)
    assert keras_says in problem.message("en")


def test_standardized_outliers_are_not_called_unscaled():
    # Standardized breast-cancer features reach |x| > 10; that is scaling at work.
    config = ExperimentConfig(data=DataConfig(name="mnist", scaling="standard"))
    assert "check.unscaled_inputs" not in codes(run_checks(config, RAW_PIXELS, SETTINGS))


def test_dropout_and_penalties_within_their_ranges_raise_nothing():
    layers = [LayerConfig(8, dropout=0.9, l1=1.0, l2=1.0), LayerConfig(8, dropout=0.0, l2=0.01)]
    assert check(BINARY, layers=layers) == []


def test_dropout_of_one_says_it_drops_everything_and_names_the_layer():
    problem = check(BINARY, layers=[LayerConfig(8), LayerConfig(4, dropout=1.0)])[0]
    assert "layer 2" in problem.message("en") and "every unit" in problem.message("en")
    assert "dropout=1.0" in problem.message("en")
    assert "0.2" in problem.fix("en")
