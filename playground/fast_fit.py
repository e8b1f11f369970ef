"""`model.fit` made fast without changing its math.

Three Keras/TensorFlow features change only speed:

* `steps_per_execution` runs many batches inside one compiled call, so the
  Python round trip is paid once per call instead of once per batch;
* XLA (`jit_compile`) fuses each step's small ops; its one-off compile is
  worth it only for runs of many steps;
* validation and test rows are scored in large batches (the same mean over
  the same rows), without XLA: a few big batches do not repay a compile.

The training batches, the optimizer and the loss stay exactly those of
plain `model.fit(x, y, batch_size=..., validation_split=...)` with the same
seed: the arrays go through Keras's own data adapter. Callbacks see one
`on_train_batch_end` per execution, which is what the streaming callback
throttles to anyway.
"""

from __future__ import annotations

import math

import numpy as np

MAX_STEPS_PER_EXECUTION = 100
XLA_MIN_TOTAL_STEPS = 2000
EVALUATION_BATCH_SIZE = 1024


def split_rows(n_rows: int, validation_split: float) -> int:
    """Rows kept for training; Keras's own rule (`ceil(n * (1 - split))`)."""
    if not 0 < validation_split < 1:
        return n_rows
    return int(math.ceil(n_rows * (1.0 - validation_split)))


def speed_options(n_train_rows: int, batch_size: int, epochs: int) -> dict:
    """`compile` keyword arguments that make this run fast.

    XLA is used only when the run has enough steps to repay its compile.
    """
    steps_per_epoch = max(1, math.ceil(n_train_rows / max(1, batch_size)))
    return {
        "steps_per_execution": min(MAX_STEPS_PER_EXECUTION, steps_per_epoch),
        "jit_compile": steps_per_epoch * epochs >= XLA_MIN_TOTAL_STEPS,
    }


def fit(model, x: np.ndarray, y: np.ndarray, *, epochs: int, batch_size: int,
        validation_split: float, callbacks=(), shuffle: bool = True):
    """`model.fit(x, y, epochs, batch_size, validation_split, shuffle)` with
    validation scored in large batches.

    The arrays go to Keras's own data adapter, so the seed gives the very
    batches plain `fit` would see.
    """
    if model.jit_compile:
        model.make_train_function()
        model.jit_compile = False  # only the training step is worth an XLA compile
    kept = split_rows(len(x), validation_split)
    return model.fit(x, y, epochs=epochs, batch_size=batch_size,
                     validation_split=validation_split if kept < len(x) else 0.0,
                     validation_batch_size=max(batch_size, EVALUATION_BATCH_SIZE),
                     callbacks=list(callbacks), shuffle=shuffle, verbose=0)


def predict(model, x: np.ndarray, batch_size: int = 4096) -> np.ndarray:
    """The model's outputs by direct calls: no predict function to trace or compile."""
    if len(x) == 0:
        return np.zeros((0,) + tuple(model.output_shape[1:]), dtype=np.float32)
    return np.concatenate([np.asarray(model(x[start:start + batch_size], training=False))
                           for start in range(0, len(x), batch_size)])
