"""Vets an experiment before training: config x dataset -> problems.

Each `Problem` has a level, a message and a fix, both translatable:
- "error": the run cannot work (Keras would crash, or nothing can be
  learned); training is blocked.
- "warning": the run works but badly; the student may train and learn
  from it (mse on a classification, a huge learning rate).
- "info": worth knowing, harmless.

The checks look at the *resolved* output head (`models.resolve_head`), so
the automatic choices are never flagged. Message keys are
"check.<code>" and "check.<code>.fix" in `playground/i18n/checks.py`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from playground import config as options
from playground.config import ExperimentConfig
from playground.datasets import Dataset
from playground.limits import MAX_PENALTY, MAX_SEED
from playground.models import (
    Head,
    fit_rows,
    label_width,
    resolve_head,
    summary_rows,
    total_params,
    uses_onehot,
)
from playground.settings import Settings

LEVELS = ("error", "warning", "info")
CROSSENTROPY_LOSSES = ("sparse_categorical_crossentropy", "categorical_crossentropy")
CLASSIFICATION_LOSSES = CROSSENTROPY_LOSSES + ("binary_crossentropy",)
REGRESSION_LOSSES = ("mse", "mae")
# Inputs whose magnitude exceeds this look unscaled (raw 0..255 pixels).
UNSCALED_INPUT_LIMIT = 10.0

# Every problem a check can report; its messages are "check.<name>" and "check.<name>.fix".
NAMES = (
    # names Keras does not know (a config can come from a URL)
    "unknown_activation",
    "unknown_output_activation",
    "unknown_loss",
    "unknown_optimizer",
    "unknown_label_encoding",
    # sizes and server limits
    "too_many_layers",
    "units_out_of_range",
    "output_units_out_of_range",
    "too_many_params",
    "too_many_steps",
    "too_much_work",
    # classification head
    "softmax_one_unit",
    "sigmoid_one_unit_multiclass",
    "binary_loss_multiclass",
    "crossentropy_one_unit",
    "categorical_on_integer_labels",
    "sparse_on_onehot_labels",
    "units_mismatch",
    "units_mismatch_binary",
    "labels_outputs_mismatch",
    "sigmoid_not_summing",
    "classification_regression_loss",
    "classification_output_not_probability",
    # regression head
    "onehot_regression_ignored",
    "regression_classification_loss",
    "regression_units",
    "regression_softmax",
    "regression_sigmoid_range",
    "regression_sigmoid",
    "regression_relu_negative",
    # compile and fit
    "learning_rate_not_positive",
    "learning_rate_too_high",
    "momentum_out_of_range",
    "epochs_out_of_range",
    "batch_size_out_of_range",
    "validation_split_out_of_range",
    "early_stopping_needs_validation",
    "patience_out_of_range",
    "seed_out_of_range",
    # regularization
    "dropout_drops_everything",
    "dropout_out_of_range",
    "penalty_out_of_range",
    # inputs and hidden layers
    "unscaled_inputs",
    "linear_hidden_layers",
)
# The codes a `Problem` carries, e.g. "check.units_mismatch".
CODES = tuple("check." + name for name in NAMES)


@dataclass(frozen=True)
class Problem:
    """One thing wrong (or worth knowing) about an experiment.

    Attributes:
        level: "error", "warning" or "info".
        code: message key, e.g. "check.units_mismatch".
        params: values the message and the fix quote.
    """

    level: str
    code: str
    params: dict = field(default_factory=dict)

    def message(self, lang: str = "en") -> str:
        """What is wrong, in plain words."""
        from playground.i18n import translate

        return translate(self.code, lang, **self.params)

    def fix(self, lang: str = "en") -> str:
        """What to change to fix it."""
        from playground.i18n import translate

        return translate(self.code + ".fix", lang, **self.params)


def has_errors(problems: list[Problem]) -> bool:
    """Whether any problem blocks training."""
    return any(problem.level == "error" for problem in problems)


def run_checks(
    config: ExperimentConfig, dataset: Dataset, settings: Settings | None = None
) -> list[Problem]:
    """Every problem with `config` on `dataset`, errors first.

    Args:
        config: the experiment, possibly from a URL, so any value may be bad.
        dataset: the loaded data (task, classes, input shape, arrays).
        settings: server limits; defaults to `Settings.from_env()`.

    Returns:
        A list of `Problem`, sorted errors, then warnings, then infos.
    """
    settings = settings or Settings.from_env()
    names = _check_names(config)
    sizes = _check_sizes(config, settings)
    problems = names + sizes
    # The head and the parameter count mean nothing with unknown names or
    # impossible sizes; those errors come first and alone.
    output_units_ok = 0 <= config.output_units <= settings.max_units
    if not names and output_units_ok:
        problems += _check_head(config, dataset)
    training = _check_training(config, settings) + _check_regularization(config)
    if not names and not sizes:
        problems += _check_model_size(config, dataset, settings)
    if not names and not sizes and not has_errors(training):
        problems += _check_work(config, dataset, settings)
    problems += training
    problems += _check_inputs(config, dataset)
    return sorted(problems, key=lambda problem: LEVELS.index(problem.level))


# -------------------------------------------------------------- the checks
def _problem(level: str, code: str, params: dict) -> Problem:
    key = "check." + code
    assert key in CODES, f"undeclared check code: {key}"
    return Problem(level, key, params)


def _error(code: str, **params) -> Problem:
    return _problem("error", code, params)


def _warning(code: str, **params) -> Problem:
    return _problem("warning", code, params)


def _info(code: str, **params) -> Problem:
    return _problem("info", code, params)


def _choices(values) -> str:
    return ", ".join(value for value in values if value != "auto")


def _check_names(config: ExperimentConfig) -> list[Problem]:
    """Names that came from a URL or a typo and that Keras does not know."""
    problems = []
    for index, layer in enumerate(config.layers, start=1):
        if layer.activation not in options.ACTIVATIONS:
            problems.append(
                _error(
                    "unknown_activation",
                    layer=index,
                    name=layer.activation,
                    choices=_choices(options.ACTIVATIONS),
                )
            )
    named = (
        ("unknown_output_activation", config.output_activation, options.OUTPUT_ACTIVATIONS),
        ("unknown_loss", config.loss, options.LOSSES),
        ("unknown_optimizer", config.optimizer, options.OPTIMIZERS),
        ("unknown_label_encoding", config.label_encoding, options.LABEL_ENCODINGS),
    )
    for code, name, allowed in named:
        if name not in allowed:
            problems.append(_error(code, name=name, choices=_choices(allowed)))
    return problems


def _check_sizes(config: ExperimentConfig, settings: Settings) -> list[Problem]:
    """Layer counts and widths within the server's limits."""
    problems = []
    if len(config.layers) > settings.max_layers:
        problems.append(
            _error("too_many_layers", layers=len(config.layers), max_layers=settings.max_layers)
        )
    for index, layer in enumerate(config.layers, start=1):
        if not 1 <= layer.units <= settings.max_units:
            problems.append(
                _error(
                    "units_out_of_range",
                    layer=index,
                    units=layer.units,
                    max_units=settings.max_units,
                )
            )
    if not 0 <= config.output_units <= settings.max_units:
        problems.append(
            _error(
                "output_units_out_of_range", units=config.output_units, max_units=settings.max_units
            )
        )
    return problems


def _check_model_size(
    config: ExperimentConfig, dataset: Dataset, settings: Settings
) -> list[Problem]:
    params = total_params(summary_rows(config, dataset))
    if params > settings.max_params:
        return [_error("too_many_params", params=params, max_params=settings.max_params)]
    return []


def _check_head(config: ExperimentConfig, dataset: Dataset) -> list[Problem]:
    if dataset.task == "regression":
        return _check_regression_head(config, dataset)
    return _check_classification_head(config, dataset)


def _check_classification_head(config: ExperimentConfig, dataset: Dataset) -> list[Problem]:
    """Output units, activation, loss and label encoding must agree."""
    head = resolve_head(config, dataset)
    units, activation, loss = head.units, head.activation, head.loss
    problems = []
    units_error = _units_error(units, activation, dataset)
    if units_error:
        problems.append(units_error)
    loss_error = _loss_error(config, dataset, head, units_checked=units_error is None)
    if loss_error:
        problems.append(loss_error)
    if activation == "sigmoid" and units > 1 and loss in CROSSENTROPY_LOSSES:
        problems.append(_warning("sigmoid_not_summing", units=units, loss=loss))
    if loss in REGRESSION_LOSSES:
        problems.append(_warning("classification_regression_loss", loss=loss))
    if activation in ("linear", "relu"):
        problems.append(_warning("classification_output_not_probability", activation=activation))
    return problems


def _units_error(units: int, activation: str, dataset: Dataset) -> Problem | None:
    """The output needs one unit per class (or 1 sigmoid unit for two)."""
    classes = dataset.n_classes
    if activation == "softmax" and units == 1:
        return _error("softmax_one_unit", classes=classes)
    if activation == "sigmoid" and units == 1 and classes > 2:
        return _error("sigmoid_one_unit_multiclass", classes=classes)
    if units != classes and not (dataset.task == "binary" and units == 1):
        code = "units_mismatch_binary" if dataset.task == "binary" else "units_mismatch"
        return _error(code, units=units, activation=activation, classes=classes)
    return None


def _loss_error(
    config: ExperimentConfig, dataset: Dataset, head: Head, units_checked: bool
) -> Problem | None:
    """The loss must fit the task and the labels' shape (one error at most).

    Args:
        units_checked: False when the output units are already reported
            wrong; errors that only restate that are then left out.
    """
    units, loss, classes = head.units, head.loss, dataset.n_classes
    onehot = uses_onehot(config, dataset)
    batch, keras_batch = _first_batch(config, dataset)
    if loss == "binary_crossentropy" and dataset.task == "multiclass":
        return _error("binary_loss_multiclass", classes=classes)
    if loss in CROSSENTROPY_LOSSES and units == 1:
        return (
            _error("crossentropy_one_unit", loss=loss, classes=classes) if units_checked else None
        )
    if loss == "categorical_crossentropy" and not onehot:
        return _error(
            "categorical_on_integer_labels",
            batch=batch,
            keras_batch=keras_batch,
            units=units,
            classes=classes,
        )
    if loss == "sparse_categorical_crossentropy" and onehot:
        return _error(
            "sparse_on_onehot_labels",
            batch=batch,
            keras_batch=keras_batch,
            units=units,
            classes=classes,
        )
    width = label_width(config, dataset)
    if units_checked and loss not in CROSSENTROPY_LOSSES and width != units:
        return _error("labels_outputs_mismatch", loss=loss, units=units, width=width)
    return None


def _first_batch(config: ExperimentConfig, dataset: Dataset) -> tuple[int, str]:
    """The first batch's size, and how Keras 3 prints it in shape errors.

    Keras traces its train step once for all batches, so when the last
    batch is smaller the batch dimension is printed as None.
    """
    rows = fit_rows(config, dataset)
    batch = max(1, min(config.batch_size, rows))
    return batch, str(batch) if rows % batch == 0 else "None"


def _check_regression_head(config: ExperimentConfig, dataset: Dataset) -> list[Problem]:
    """One linear (or relu) unit and mse/mae; one-hot labels do not apply."""
    head = resolve_head(config, dataset)
    problems = []
    if config.label_encoding == "onehot":
        problems.append(_info("onehot_regression_ignored"))
    if head.loss not in REGRESSION_LOSSES:
        problems.append(_error("regression_classification_loss", loss=head.loss))
    if head.units != 1:
        problems.append(_error("regression_units", units=head.units))
    low, high = _target_range(dataset)
    if head.activation == "softmax":
        problems.append(_error("regression_softmax", units=head.units))
    elif head.activation == "sigmoid":
        if low < 0 or high > 1:
            problems.append(_error("regression_sigmoid_range", low=low, high=high))
        else:
            problems.append(_warning("regression_sigmoid"))
    elif head.activation == "relu" and low < 0:
        problems.append(_warning("regression_relu_negative", low=low))
    return problems


def _target_range(dataset: Dataset) -> tuple[float, float]:
    if dataset.y_train.size == 0:
        return 0.0, 0.0
    return float(np.min(dataset.y_train)), float(np.max(dataset.y_train))


def _check_training(config: ExperimentConfig, settings: Settings) -> list[Problem]:
    """Compile and fit settings."""
    problems = []
    rate = config.learning_rate
    if not (math.isfinite(rate) and rate > 0):
        problems.append(_error("learning_rate_not_positive", value=rate))
    elif rate > 1:
        problems.append(_warning("learning_rate_too_high", value=rate))
    if config.optimizer == "sgd" and not 0 <= config.momentum <= 1:
        problems.append(_error("momentum_out_of_range", value=config.momentum))
    if not 1 <= config.epochs <= settings.max_epochs:
        problems.append(
            _error("epochs_out_of_range", value=config.epochs, max_epochs=settings.max_epochs)
        )
    if not 1 <= config.batch_size <= settings.max_batch_size:
        problems.append(
            _error(
                "batch_size_out_of_range",
                value=config.batch_size,
                max_batch_size=settings.max_batch_size,
            )
        )
    if not 0 <= config.validation_split < 0.9:
        problems.append(_error("validation_split_out_of_range", value=config.validation_split))
    if config.early_stopping:
        if config.validation_split == 0:
            problems.append(_error("early_stopping_needs_validation"))
        if not 0 <= config.patience <= settings.max_epochs:
            problems.append(
                _error(
                    "patience_out_of_range", value=config.patience, max_epochs=settings.max_epochs
                )
            )
    for name, seed in (("seed", config.seed), ("data.seed", config.data.seed)):
        if not 0 <= seed <= MAX_SEED:
            problems.append(_error("seed_out_of_range", name=name, value=seed, maximum=MAX_SEED))
    return problems


def _check_regularization(config: ExperimentConfig) -> list[Problem]:
    """Each hidden layer's Dropout rate (0 <= rate < 1) and L1/L2 factors (0 to `MAX_PENALTY`)."""
    problems = []
    for index, layer in enumerate(config.layers, start=1):
        if layer.dropout >= 1:
            problems.append(_error("dropout_drops_everything", layer=index, value=layer.dropout))
        elif not 0 <= layer.dropout < 1:
            problems.append(_error("dropout_out_of_range", layer=index, value=layer.dropout))
        for name in ("l1", "l2"):
            value = getattr(layer, name)
            if not 0 <= value <= MAX_PENALTY:
                problems.append(
                    _error(
                        "penalty_out_of_range",
                        layer=index,
                        name=name,
                        value=value,
                        maximum=MAX_PENALTY,
                    )
                )
    return problems


def _check_work(config: ExperimentConfig, dataset: Dataset, settings: Settings) -> list[Problem]:
    """The run's size within the server's limits on steps and on work.

    Steps are `epochs × ceil(training rows / batch size)`; work is
    `epochs × training rows × parameters`, about the multiply-adds of the
    run's forward passes (the backward pass costs about twice that again).
    """
    rows = fit_rows(config, dataset)
    steps_per_epoch = max(1, math.ceil(rows / config.batch_size))
    steps = config.epochs * steps_per_epoch
    problems = []
    if steps > settings.max_train_steps:
        epochs_fit = settings.max_train_steps // steps_per_epoch
        steps_fit = max(1, settings.max_train_steps // config.epochs)
        problems.append(
            _error(
                "too_many_steps",
                steps=steps,
                epochs=config.epochs,
                steps_per_epoch=steps_per_epoch,
                batch_size=config.batch_size,
                max_steps=settings.max_train_steps,
                fitting_epochs=epochs_fit,
                fitting_batch_size=math.ceil(rows / steps_fit),
            )
        )
    params = total_params(summary_rows(config, dataset))
    work = config.epochs * rows * params
    if work > settings.max_train_work:
        problems.append(
            _error(
                "too_much_work",
                work=work,
                epochs=config.epochs,
                rows=rows,
                params=params,
                max_work=settings.max_train_work,
                ratio=work / settings.max_train_work,
                fitting_epochs=settings.max_train_work // max(1, rows * params),
            )
        )
    return problems


def _check_inputs(config: ExperimentConfig, dataset: Dataset) -> list[Problem]:
    """Unscaled inputs, and hidden layers that cannot bend anything."""
    problems = []
    x = dataset.x_train
    # Standardized data can hold honest outliers beyond 10; only raw inputs are flagged.
    if x.size and config.data.scaling == "none":
        largest = max(abs(float(np.min(x))), abs(float(np.max(x))))
        if largest > UNSCALED_INPUT_LIMIT:
            problems.append(_warning("unscaled_inputs", max_abs=largest))
    if config.layers and all(layer.activation == "linear" for layer in config.layers):
        problems.append(_info("linear_hidden_layers", layers=len(config.layers)))
    return problems
