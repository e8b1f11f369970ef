"""Every default that Keras has is Keras's own, read from Keras itself; the departures say so."""

from __future__ import annotations

import inspect

import numpy as np
import pytest

from playground import models
from playground.config import (
    DEFAULT_LEARNING_RATES,
    OPTIMIZERS,
    ExperimentConfig,
    default_learning_rate,
)
from playground.i18n import translate

keras = pytest.importorskip("keras")

KERAS_OPTIMIZERS = {
    "adam": keras.optimizers.Adam,
    "sgd": keras.optimizers.SGD,
    "rmsprop": keras.optimizers.RMSprop,
    "adagrad": keras.optimizers.Adagrad,
}


def keras_default(function, name: str):
    return inspect.signature(function).parameters[name].default


def test_the_table_covers_every_optimizer():
    assert set(KERAS_OPTIMIZERS) == set(OPTIMIZERS) == set(DEFAULT_LEARNING_RATES)


@pytest.mark.parametrize("name", OPTIMIZERS)
def test_each_optimizer_starts_at_its_keras_learning_rate(name):
    keras_rate = float(KERAS_OPTIMIZERS[name]().learning_rate.numpy())
    assert default_learning_rate(name) == pytest.approx(keras_rate)
    assert ExperimentConfig(optimizer=name).learning_rate == pytest.approx(keras_rate)
    built = models.make_optimizer(ExperimentConfig(optimizer=name))
    assert float(built.learning_rate.numpy()) == pytest.approx(keras_rate)


@pytest.mark.parametrize(
    "ours, keras_value",
    [
        (ExperimentConfig().momentum, keras.optimizers.SGD().momentum),
        (ExperimentConfig().patience, keras_default(keras.callbacks.EarlyStopping, "patience")),
        (
            ExperimentConfig().restore_best_weights,
            keras_default(keras.callbacks.EarlyStopping, "restore_best_weights"),
        ),
    ],
    ids=["sgd momentum", "EarlyStopping patience", "EarlyStopping restore_best_weights"],
)
def test_defaults_are_keras_defaults(ours, keras_value):
    assert ours == keras_value


def test_sgd_built_from_the_defaults_has_keras_momentum():
    built = models.make_optimizer(ExperimentConfig(optimizer="sgd"))
    assert built.momentum == keras.optimizers.SGD().momentum


def test_early_stopping_watches_what_keras_watches():
    from playground import trainer

    early = trainer._early_stopping(ExperimentConfig(early_stopping=True))
    assert early.monitor == keras_default(keras.callbacks.EarlyStopping, "monitor")
    assert early.patience == keras_default(keras.callbacks.EarlyStopping, "patience")
    assert early.restore_best_weights == keras_default(
        keras.callbacks.EarlyStopping, "restore_best_weights"
    )


def test_batch_size_is_the_one_keras_fit_uses_when_none_is_given():
    steps = []

    class Steps(keras.callbacks.Callback):
        def on_train_begin(self, logs=None):
            steps.append(self.params["steps"])

    model = keras.Sequential([keras.Input((2,)), keras.layers.Dense(1)])
    model.compile(optimizer="sgd", loss="mse")
    rows = 320
    model.fit(np.zeros((rows, 2)), np.zeros(rows), epochs=1, verbose=0, callbacks=[Steps()])
    assert rows / steps[0] == ExperimentConfig().batch_size


def test_switching_the_optimizer_moves_an_unchanged_rate_only():
    config = ExperimentConfig()
    config.switch_optimizer("sgd")
    assert config.learning_rate == 0.01
    config.learning_rate = 0.05
    config.switch_optimizer("adam")
    assert config.learning_rate == 0.05


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_departures_name_the_keras_default_next_to_the_control(lang):
    epochs = keras_default(keras.Model.fit, "epochs")
    split = keras_default(keras.Model.fit, "validation_split")
    assert epochs != ExperimentConfig().epochs and split != ExperimentConfig().validation_split
    assert str(epochs) in translate("model.epochs_help", lang, default=ExperimentConfig().epochs)
    assert str(split) in translate(
        "model.validation_split_help", lang, default=ExperimentConfig().validation_split
    )
    assert "Keras" in translate("data.scaling_help", lang)
    assert "60,000" in translate("data.train_limit_help", lang, total=60_000, default=10_000)
