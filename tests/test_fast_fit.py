"""The fast trainer changes speed only: same batches, same weights, same scores as plain fit."""

import numpy as np
import pytest

from playground import fast_fit


def test_an_mnist_mlp_runs_hundreds_of_steps_per_call_under_xla():
    options = fast_fit.speed_options(48_000, batch_size=32, epochs=3, params=101_770)
    assert 100 <= options["steps_per_execution"] <= 1500
    assert options["jit_compile"] is True


def test_a_toy_run_is_one_call_per_epoch_without_an_xla_compile():
    options = fast_fit.speed_options(160, batch_size=16, epochs=30, params=100)
    assert options == {"steps_per_execution": 10, "jit_compile": False}


def test_a_huge_model_still_reports_progress_every_step():
    options = fast_fit.speed_options(10_000, batch_size=256, epochs=5, params=2_000_000)
    assert options["steps_per_execution"] == 1


def _model(keras, speed):
    keras.utils.set_random_seed(7)
    model = keras.Sequential(
        [
            keras.Input((12,)),
            keras.layers.Dense(32, activation="relu"),
            keras.layers.Dense(3, activation="softmax"),
        ]
    )
    model.compile(
        optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"], **speed
    )
    return model


def test_fast_fit_trains_exactly_like_plain_fit():
    keras = pytest.importorskip("keras")
    rng = np.random.default_rng(0)
    x = rng.normal(size=(600, 12)).astype(np.float32)
    y = (x[:, 0] + x[:, 1] > 0).astype(np.int64) + (x[:, 2] > 1)

    plain = _model(keras, {})
    plain_history = plain.fit(x, y, epochs=3, batch_size=16, validation_split=0.2, verbose=0)
    fast = _model(keras, {"steps_per_execution": 8, "jit_compile": True})
    fast_history = fast_fit.fit(fast, x, y, epochs=3, batch_size=16, validation_split=0.2)

    for plain_weights, fast_weights in zip(plain.get_weights(), fast.get_weights()):
        np.testing.assert_allclose(fast_weights, plain_weights, atol=1e-5)
    for key in ("loss", "val_loss", "val_accuracy"):
        np.testing.assert_allclose(fast_history.history[key], plain_history.history[key], rtol=1e-4)
    np.testing.assert_allclose(
        fast_fit.predict(fast, x, batch_size=100), plain.predict(x, verbose=0), atol=1e-5
    )
