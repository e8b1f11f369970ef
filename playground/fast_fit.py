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

# One compiled call should take about a quarter of a second: progress and
# Stop are looked at between calls. A Dense step costs ~6 × params × batch
# floating-point operations; one CPU thread does about 2e10 a second.
FLOPS_PER_EXECUTION = 5e9
XLA_MIN_TOTAL_STEPS = 2000
EVALUATION_BATCH_SIZE = 1024


def speed_options(n_train_rows: int, batch_size: int, epochs: int, params: int) -> dict:
    """`compile` keyword arguments that make this run fast.

    XLA is used only when the run has enough steps to repay its compile.
    """
    batch_size = max(1, batch_size)
    steps_per_epoch = max(1, math.ceil(n_train_rows / batch_size))
    steps_per_call = int(FLOPS_PER_EXECUTION / (6 * max(1, params) * batch_size))
    return {
        "steps_per_execution": max(1, min(steps_per_call, steps_per_epoch)),
        "jit_compile": steps_per_epoch * epochs >= XLA_MIN_TOTAL_STEPS,
    }


def fit(
    model,
    x: np.ndarray,
    y: np.ndarray,
    *,
    epochs: int,
    batch_size: int,
    validation_split: float,
    callbacks=(),
    shuffle: bool = True,
):
    """`model.fit(x, y, epochs, batch_size, validation_split, shuffle)` with
    validation scored in large batches.

    The arrays go to Keras's own data adapter, so the seed gives the very
    batches plain `fit` would see.
    """
    if model.jit_compile:
        model.make_train_function()
        model.jit_compile = False  # only the training step is worth an XLA compile
    return model.fit(
        x,
        y,
        epochs=epochs,
        batch_size=batch_size,
        validation_split=validation_split,
        validation_batch_size=max(batch_size, EVALUATION_BATCH_SIZE),
        callbacks=list(callbacks),
        shuffle=shuffle,
        verbose=0,
    )


def predict(model, x: np.ndarray, batch_size: int = 4096) -> np.ndarray:
    """The model's outputs by direct calls: no predict function to trace or compile."""
    if len(x) == 0:
        return np.zeros((0,) + tuple(model.output_shape[1:]), dtype=np.float32)
    return np.concatenate(
        [
            np.asarray(model(x[start : start + batch_size], training=False))
            for start in range(0, len(x), batch_size)
        ]
    )
