"""Fast, thread-safe predictions from a trained Dense network, in NumPy.

`model.predict` is built for big batches and costs tens of milliseconds per
call; a drawing needs one row at a time, many times a second, from many
sessions at once. So a worker exports the weights of every Dense layer to
an `.npz` file once (`export_dense_network`), and the server answers with a
few matrix products (`DenseNetwork.predict_proba`): no TensorFlow in the
server, no shared mutable state, microseconds per call.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

# Keras 3's `leaky_relu` activation uses negative_slope=0.2.
LEAKY_RELU_SLOPE = 0.2
DENSE_NETWORK_FILE = "dense_network.npz"
DEFAULT_DIGIT_MODEL = Path(__file__).resolve().parent.parent / "assets" / "default_digit_model.npz"


def _softmax(z: np.ndarray) -> np.ndarray:
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


ACTIVATIONS = {
    "linear": lambda z: z,
    "relu": lambda z: np.maximum(z, 0),
    "sigmoid": lambda z: 1 / (1 + np.exp(-z)),
    "tanh": np.tanh,
    "elu": lambda z: np.where(z > 0, z, np.expm1(np.minimum(z, 0))),
    "leaky_relu": lambda z: np.where(z > 0, z, LEAKY_RELU_SLOPE * z),
    "softmax": _softmax,
}


@dataclass(frozen=True)
class DenseNetwork:
    """A stack of Dense layers with its input scaling.

    Attributes:
        kernels, biases, activations: one entry per Dense layer.
        pixel_offset, pixel_scale: model input = (pixel 0..255 - offset) / scale.
    """

    kernels: tuple[np.ndarray, ...]
    biases: tuple[np.ndarray, ...]
    activations: tuple[str, ...]
    pixel_offset: float = 0.0
    pixel_scale: float = 255.0

    def predict_proba(self, images01: np.ndarray) -> np.ndarray:
        """Class probabilities for images with values in 0..1.

        Args:
            images01: shape (28, 28) for one image or (n, 28, 28) / (n, 784).

        Returns:
            (K,) for one image, else (n, K).
        """
        single = images01.ndim == 2 and images01.shape == (28, 28)
        x = np.asarray(images01, dtype=np.float32).reshape(1 if single else len(images01), -1)
        x = (x * 255.0 - self.pixel_offset) / self.pixel_scale
        for kernel, bias, activation in zip(self.kernels, self.biases, self.activations):
            x = ACTIVATIONS[activation](x @ kernel + bias)
        return x[0] if single else x

    @property
    def n_params(self) -> int:
        return int(sum(k.size + b.size for k, b in zip(self.kernels, self.biases)))


def export_dense_network(model, path: Path, pixel_offset: float, pixel_scale: float) -> None:
    """Writes every Dense layer of a Keras model to `path` (.npz).

    Flatten, Input and Dropout layers are identities at inference time;
    any other layer type raises ValueError, naming it.
    """
    import keras

    arrays, activations = {}, []
    for layer in model.layers:
        if isinstance(layer, keras.layers.Dense):
            kernel, bias = layer.get_weights()
            arrays[f"kernel_{len(activations)}"] = kernel.astype(np.float32)
            arrays[f"bias_{len(activations)}"] = bias.astype(np.float32)
            activations.append(keras.activations.serialize(layer.activation))
        elif not isinstance(layer, (keras.layers.Flatten, keras.layers.Dropout,
                                    keras.layers.InputLayer)):
            raise ValueError(f"Only Dense, Flatten and Dropout layers can be exported. "
                             f"Received: {type(layer).__name__}")
    unknown = [a for a in activations if a not in ACTIVATIONS]
    if unknown:
        raise ValueError(f"Unsupported activation(s) for NumPy inference. Received: {unknown}")
    np.savez_compressed(path, activations=json.dumps(activations), pixel_offset=pixel_offset,
                        pixel_scale=pixel_scale, **arrays)


def load_dense_network(path: Path) -> DenseNetwork:
    """Reads a file written by `export_dense_network` (NumPy only)."""
    with np.load(path) as data:
        activations = tuple(json.loads(str(data["activations"])))
        count = len(activations)
        return DenseNetwork(
            kernels=tuple(data[f"kernel_{i}"] for i in range(count)),
            biases=tuple(data[f"bias_{i}"] for i in range(count)),
            activations=activations,
            pixel_offset=float(data["pixel_offset"]),
            pixel_scale=float(data["pixel_scale"]),
        )


@dataclass(frozen=True)
class DigitModelChoice:
    """Which network answers on the Draw page, and why.

    Attributes:
        path: the `.npz` written by `export_dense_network`.
        run_id: the session's run that trained it, or None for the default model.
        test_accuracy: its accuracy on the MNIST test set, when known.
    """

    path: Path
    run_id: str | None
    test_accuracy: float | None


def choose_digit_model(runs: list[tuple[str, dict, str]]) -> DigitModelChoice:
    """The session's newest finished MNIST run, else the default digit model.

    Args:
        runs: (run id, result dict, artifacts folder) of the session's
            finished runs, oldest first.
    """
    for run_id, result, folder in reversed(runs):
        path = Path(folder) / DENSE_NETWORK_FILE
        if result.get("dataset") == "mnist" and path.is_file():
            return DigitModelChoice(path, run_id, result.get("test", {}).get("accuracy"))
    info = DEFAULT_DIGIT_MODEL.with_suffix(".json")
    accuracy = json.loads(info.read_text())["test_accuracy"] if info.is_file() else None
    return DigitModelChoice(DEFAULT_DIGIT_MODEL, None, accuracy)
