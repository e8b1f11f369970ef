"""Trains the default digit model that answers on the Draw page.

Usage:
    PLAYGROUND_DATA_DIR=../shared/data python scripts/train_default_digit_model.py

Reads MNIST through the app's own loader (PLAYGROUND_DATA_DIR first, then
`keras.datasets`), trains a Dense 784-256-128-10 network with a fixed seed,
and writes `assets/default_digit_model.npz` (NumPy weights, read by
`playground.inference`) and `assets/default_digit_model.json` (its test
accuracy and how it was made).
"""

from __future__ import annotations

import json
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from playground import datasets, inference  # noqa: E402
from playground.config import DataConfig  # noqa: E402

SEED = 42
EPOCHS = 20
OUT = ROOT / "assets" / "default_digit_model"


def main() -> None:
    import keras

    keras.utils.set_random_seed(SEED)
    data = datasets.load_dataset(DataConfig(name="mnist", n_samples=0, scaling="minmax"))
    model = keras.Sequential(
        [
            keras.Input(shape=(28, 28)),
            keras.layers.Flatten(),
            keras.layers.Dense(256, activation="relu"),
            keras.layers.Dropout(0.2),
            keras.layers.Dense(128, activation="relu"),
            keras.layers.Dropout(0.2),
            keras.layers.Dense(10, activation="softmax"),
        ]
    )
    model.compile(
        optimizer=keras.optimizers.Adam(1e-3),
        loss="sparse_categorical_crossentropy",
        metrics=["accuracy"],
    )
    started = time.perf_counter()
    model.fit(
        data.x_train, data.y_train, epochs=EPOCHS, batch_size=128, verbose=2, validation_split=0.1
    )
    seconds = time.perf_counter() - started

    OUT.parent.mkdir(exist_ok=True)
    from playground.trainer import dense_network_of

    inference.save_dense_network(
        dense_network_of(model, data.pixel_offset, data.pixel_scale), OUT.with_suffix(".npz")
    )
    network = inference.load_dense_network(OUT.with_suffix(".npz"))
    accuracy = float((network.predict_proba(data.x_test).argmax(axis=1) == data.y_test).mean())
    keras_accuracy = float(model.evaluate(data.x_test, data.y_test, verbose=0)[1])
    info = {
        "architecture": "Dense 784-256-128-10 (relu, relu, softmax), Dropout 0.2 while training",
        "params": network.n_params,
        "test_accuracy": round(accuracy, 4),
        "keras_test_accuracy": round(keras_accuracy, 4),
        "seed": SEED,
        "epochs": EPOCHS,
        "train_seconds": round(seconds, 1),
        "command": "PLAYGROUND_DATA_DIR=../shared/data python scripts/train_default_digit_model.py",
        "keras": keras.__version__,
        "python": platform.python_version(),
    }
    OUT.with_suffix(".json").write_text(json.dumps(info, indent=2) + "\n")
    print(json.dumps(info, indent=2))


if __name__ == "__main__":
    main()
