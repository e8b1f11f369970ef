"""Fast, thread-safe predictions from a trained Dense network, in NumPy.

`model.predict` is built for big batches and costs tens of milliseconds per
call; a drawing needs one row at a time, many times a second, from many
sessions at once. So a trainer exports the weights of every Dense layer
once (`playground.trainer.dense_network_of`, saved with the run by
`RunResult`), and the server answers with a few matrix products
(`DenseNetwork.predict_proba`): no TensorFlow in the server, no shared
mutable state, microseconds per call.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

# Keras 3's `leaky_relu` activation uses negative_slope=0.2.
LEAKY_RELU_SLOPE = 0.2
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
        pixel_offset, pixel_scale: for images, model input =
            (pixel 0..255 - offset) / scale; other inputs arrive scaled.
    """

    kernels: tuple[np.ndarray, ...]
    biases: tuple[np.ndarray, ...]
    activations: tuple[str, ...]
    pixel_offset: float = 0.0
    pixel_scale: float = 255.0

    def layer_outputs(self, x: np.ndarray) -> list[np.ndarray]:
        """Every Dense layer's output for model inputs `x` (already scaled).

        Args:
            x: shape (n, ...); flattened to (n, inputs).

        Returns:
            One (n, units) array per layer; the last is the model's output.
        """
        x = np.asarray(x, dtype=np.float32).reshape(len(x), -1)
        outputs = []
        for kernel, bias, activation in zip(self.kernels, self.biases, self.activations):
            x = ACTIVATIONS[activation](x @ kernel + bias)
            outputs.append(x)
        return outputs

    def predict_proba(self, images01: np.ndarray) -> np.ndarray:
        """Class probabilities for images with values in 0..1.

        Args:
            images01: shape (28, 28) for one image or (n, 28, 28) / (n, 784).

        Returns:
            (K,) for one image, else (n, K).
        """
        single = images01.ndim == 2 and images01.shape == (28, 28)
        x = np.asarray(images01, dtype=np.float32).reshape(1 if single else len(images01), -1)
        output = self.layer_outputs((x * 255.0 - self.pixel_offset) / self.pixel_scale)[-1]
        return output[0] if single else output

    @property
    def n_params(self) -> int:
        return int(sum(k.size + b.size for k, b in zip(self.kernels, self.biases)))


def save_dense_network(network: DenseNetwork, path: Path) -> None:
    """Writes a `DenseNetwork` to `path` (.npz), for `load_dense_network`.

    Raises:
        ValueError: for an activation NumPy inference does not know.
    """
    unknown = [a for a in network.activations if a not in ACTIVATIONS]
    if unknown:
        raise ValueError(f"Unsupported activation(s) for NumPy inference. Received: {unknown}")
    arrays = {}
    for index, (kernel, bias) in enumerate(zip(network.kernels, network.biases)):
        arrays[f"kernel_{index}"] = np.asarray(kernel, dtype=np.float32)
        arrays[f"bias_{index}"] = np.asarray(bias, dtype=np.float32)
    np.savez_compressed(
        path,
        activations=json.dumps(list(network.activations)),
        pixel_offset=network.pixel_offset,
        pixel_scale=network.pixel_scale,
        **arrays,
    )


def load_dense_network(path: Path) -> DenseNetwork:
    """Reads a file written by `save_dense_network` (NumPy only)."""
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
        path: the `.npz` written by `save_dense_network`.
        run_id: the browser's run that trained it, or None for the default model.
        test_accuracy: its accuracy on the MNIST test set, when known.
    """

    path: Path
    run_id: str | None
    test_accuracy: float | None


def choose_digit_model(mnist_runs: list[tuple[str, float | None, Path]]) -> DigitModelChoice:
    """The newest finished MNIST run that exported its network, else the default digit model.

    Args:
        mnist_runs: (run id, test accuracy, network file) of the browser's
            finished MNIST runs, oldest first.
    """
    for run_id, accuracy, path in reversed(mnist_runs):
        if Path(path).is_file():
            return DigitModelChoice(Path(path), run_id, accuracy)
    info = DEFAULT_DIGIT_MODEL.with_suffix(".json")
    accuracy = json.loads(info.read_text())["test_accuracy"] if info.is_file() else None
    return DigitModelChoice(DEFAULT_DIGIT_MODEL, None, accuracy)
