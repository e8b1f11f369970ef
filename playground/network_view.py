"""What the network diagram draws, computed with NumPy from a `DenseNetwork` and its inputs.

A `NetworkSnapshot` is the network at one moment: for every column of the
diagram (the inputs, each hidden layer, the output) the neurons drawn, each
with the picture of what it computes, and the strongest connections into
it. It is bounded whatever the model's size (`DiagramLimits`): at most
`max_neurons` neurons per column, `max_edges` connections per layer, a
`map_side`² map or a `histogram_bins`-bin histogram per neuron. So a
trainer can send one with every epoch, and the pages draw it without the
model.

What each neuron's picture is depends on the data:

- 2-D sets: its output over a `map_side` × `map_side` grid of the input
  plane, as TensorFlow Playground draws it (`plane_inputs`);
- other sets: the histogram of its output over a fixed sample of test rows
  (`sample_inputs`).

Marks (the course's point about activations), over those same points:

- dead: a relu unit whose output is 0 on every point;
- saturated: a sigmoid or tanh unit whose output lies within
  `SATURATION_EDGE` of its range's ends on at least `SATURATED_SHARE` of the
  points, where its slope, and so its gradient, is almost 0.

Example:

```python
inputs = plane_inputs(dataset.x_train, dataset.feature_names)
snapshot = network_snapshot(result.network, inputs, epoch=12)
snapshot.layers[1].neurons[0].status  # "ok", "dead" or "saturated"
```
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from playground.evaluation import input_grid
from playground.inference import DenseNetwork

MAP_SIDE = 16
HISTOGRAM_BINS = 10
SAMPLE_ROWS = 256
SAMPLE_SEED = 0
MAX_NEURONS = 10
MAX_EDGES = 40
SATURATION_EDGE = 0.02
SATURATED_SHARE = 0.95
SATURATING = {"sigmoid": (0.0, 1.0), "tanh": (-1.0, 1.0)}
# A map's neutral colour: 0.5 for probabilities, 0 for any other output.
MAP_CENTRES = {"sigmoid": 0.5, "softmax": 0.5}
# Every picture is quantized to bytes: 0..255 stands for -scale..+scale.
PICTURE_LEVELS = 255
# Bytes one snapshot takes at most once pickled, for any model the
# settings allow (tests/test_network_view.py checks the largest one).
MAX_SNAPSHOT_BYTES = 64_000

OK, DEAD, SATURATED = "ok", "dead", "saturated"
MAP, HISTOGRAM = "map", "histogram"


@dataclass(frozen=True)
class DiagramLimits:
    """How much of a network one snapshot holds.

    Attributes:
        max_neurons: neurons drawn per column; wider layers show their
            first ones, the input column its most weighted inputs.
        max_edges: connections drawn per layer: the strongest (by |weight|)
            between the neurons drawn.
    """

    max_neurons: int = MAX_NEURONS
    max_edges: int = MAX_EDGES


@dataclass
class ProbeInputs:
    """The fixed points every snapshot of a run is computed on.

    Attributes:
        x: model inputs, shape (n, features), already scaled as in training.
        feature_names: one name per input column.
        side: for a 2-D set, the points are a side × side grid of the
            input plane, row-major in y; None for a sample of test rows.
        extent: (x_min, x_max, y_min, y_max) of that grid, or None.
    """

    x: np.ndarray
    feature_names: list[str]
    side: int | None = None
    extent: tuple[float, float, float, float] | None = None

    FILE = "network_inputs.npz"

    @property
    def picture(self) -> str:
        return MAP if self.side else HISTOGRAM

    def save(self, folder: Path) -> None:
        """Writes the points beside a run's other files (raises OSError when it cannot)."""
        np.savez_compressed(
            Path(folder) / self.FILE,
            x=self.x,
            feature_names=np.asarray(self.feature_names, dtype=str),
            side=np.int64(self.side or 0),
            extent=np.asarray(self.extent if self.extent else (), dtype=float),
        )

    @classmethod
    def load(cls, folder: Path) -> ProbeInputs | None:
        """The points a run saved, or None for a run saved without them."""
        path = Path(folder) / cls.FILE
        if not path.is_file():
            return None
        with np.load(path) as saved:
            extent = tuple(float(v) for v in saved["extent"])
            return cls(
                x=saved["x"],
                feature_names=[str(name) for name in saved["feature_names"]],
                side=int(saved["side"]) or None,
                extent=extent if len(extent) == 4 else None,
            )


@dataclass(frozen=True)
class NeuronView:
    """One neuron as the diagram draws it.

    Attributes:
        index: its unit (or input column) number in its layer, from 0.
        name: the feature's name for an input, else "".
        bias: the unit's bias (None for an input).
        mean, low, high: its output's mean, minimum and maximum over the points.
        status: OK, DEAD or SATURATED.
        picture: uint8 bytes: a map (side × side, row-major in y) or a
            histogram's bar heights, scaled to the tallest bar.
        scale: a map's byte 0 stands for centre - scale and 255 for
            centre + scale; for a histogram, the count of its tallest bar.
        centre: the value a map draws white (`MAP_CENTRES`).
    """

    index: int
    name: str
    bias: float | None
    mean: float
    low: float
    high: float
    status: str
    picture: bytes
    scale: float
    centre: float = 0.0

    def map_values(self) -> np.ndarray:
        """A map back in the neuron's own units (to within the quantization)."""
        levels = np.frombuffer(self.picture, dtype=np.uint8).astype(np.float32)
        return self.centre + (levels / PICTURE_LEVELS * 2 - 1) * self.scale

    def histogram_heights(self) -> np.ndarray:
        """A histogram's bar heights as shares of the tallest bar, 0..1."""
        return np.frombuffer(self.picture, dtype=np.uint8) / PICTURE_LEVELS


@dataclass(frozen=True)
class EdgeView:
    """One connection drawn: from the `source`-th neuron drawn in the previous
    column to the `target`-th drawn in this one, with its weight."""

    source: int
    target: int
    weight: float


@dataclass(frozen=True)
class LayerView:
    """One column of the diagram.

    Attributes:
        units: how many neurons the layer has.
        activation: the layer's activation ("" for the inputs).
        neurons: the neurons drawn, in layer order.
        edges: the connections drawn into this column (none for the inputs).
        connections: how many connections the layer has in all.
    """

    units: int
    activation: str
    neurons: tuple[NeuronView, ...]
    edges: tuple[EdgeView, ...] = ()
    connections: int = 0

    @property
    def hidden_count(self) -> int:
        """The "+k more" neurons not drawn."""
        return self.units - len(self.neurons)


@dataclass(frozen=True)
class NetworkSnapshot:
    """The whole diagram at one moment.

    Attributes:
        picture: MAP (2-D sets) or HISTOGRAM.
        layers: the input column, then one per Dense layer; the last is the output.
        points: how many grid points or sample rows the pictures cover.
        epoch: the epoch these weights come from, when known.
        extent: a map's (x_min, x_max, y_min, y_max), or None.
        side: a map's side, or None.
        limits: the limits the snapshot was cut to.
    """

    picture: str
    layers: tuple[LayerView, ...]
    points: int
    epoch: int | None = None
    extent: tuple[float, float, float, float] | None = None
    side: int | None = None
    limits: DiagramLimits = field(default_factory=DiagramLimits)

    @property
    def marked(self) -> list[tuple[int, NeuronView]]:
        """(layer number, neuron) of every dead or saturated neuron drawn."""
        return [
            (number, neuron)
            for number, layer in enumerate(self.layers)
            for neuron in layer.neurons
            if neuron.status != OK
        ]


# ------------------------------------------------------------------ inputs
def plane_inputs(x_train: np.ndarray, feature_names: list[str], side: int = MAP_SIDE):
    """A side × side grid over a 2-D set's input plane (the boundary's, coarser).

    Args:
        x_train: the training inputs, shape (n, 2), as the model sees them.
        feature_names: the two inputs' names.
        side: grid points per axis.

    Returns:
        A `ProbeInputs` on the grid.
    """
    xs, ys, points = input_grid(x_train, steps=side)
    extent = (float(xs[0]), float(xs[-1]), float(ys[0]), float(ys[-1]))
    return ProbeInputs(points.astype(np.float32), list(feature_names), side, extent)


def sample_inputs(x_test: np.ndarray, feature_names: list[str], rows: int = SAMPLE_ROWS):
    """A fixed sample of test rows (the same on every epoch), flattened.

    Args:
        x_test: the test inputs as the model sees them, shape (n, ...).
        feature_names: one name per flattened input column.
        rows: how many rows at most.

    Returns:
        A `ProbeInputs` on the sample.
    """
    x = np.asarray(x_test)
    if len(x) > rows:
        chosen = np.sort(np.random.default_rng(SAMPLE_SEED).choice(len(x), rows, replace=False))
        x = x[chosen]
    return ProbeInputs(x.reshape(len(x), -1).astype(np.float32), list(feature_names))


def probe_inputs(kind: str, x_train, x_test, feature_names: list[str]) -> ProbeInputs:
    """The points a run's diagram is computed on: the plane for 2-D sets, else test rows."""
    if kind == "points2d":
        return plane_inputs(x_train, feature_names)
    return sample_inputs(x_test, feature_names)


# ---------------------------------------------------------------- snapshot
def network_snapshot(
    network: DenseNetwork,
    inputs: ProbeInputs,
    epoch: int | None = None,
    limits: DiagramLimits = DiagramLimits(),
) -> NetworkSnapshot:
    """The diagram of `network`, its pictures computed on `inputs`.

    Args:
        network: the Dense layers' weights and activations.
        inputs: the fixed points (see `probe_inputs`).
        epoch: the epoch the weights come from, for the figure's label.
        limits: how many neurons and connections to keep.

    Returns:
        A `NetworkSnapshot` whose size does not grow with the model's.

    Raises:
        ValueError: when the inputs do not fit the network's first layer.
    """
    x = np.asarray(inputs.x, dtype=np.float32).reshape(len(inputs.x), -1)
    if not network.kernels or x.shape[1] != network.kernels[0].shape[0]:
        expected = network.kernels[0].shape[0] if network.kernels else 0
        raise ValueError(
            f"Argument `inputs` must have {expected} columns, one per network input. "
            f"Received: inputs.x.shape={tuple(inputs.x.shape)}"
        )
    outputs = network.layer_outputs(x)
    input_order = strongest_inputs(network.kernels[0], x, limits.max_neurons)
    columns = [input_order] + [
        np.arange(min(kernel.shape[1], limits.max_neurons)) for kernel in network.kernels
    ]
    layers = [
        LayerView(
            units=x.shape[1],
            activation="",
            neurons=tuple(
                _neuron(int(i), x[:, i], inputs, inputs.feature_names[i], None, "", False)
                for i in input_order
            ),
        )
    ]
    last = len(network.kernels) - 1
    for number, (kernel, bias, activation) in enumerate(
        zip(network.kernels, network.biases, network.activations)
    ):
        drawn = columns[number + 1]
        neurons = tuple(
            _neuron(
                int(i),
                outputs[number][:, i],
                inputs,
                "",
                float(bias[i]),
                activation,
                number < last,
            )
            for i in drawn
        )
        layers.append(
            LayerView(
                units=kernel.shape[1],
                activation=activation,
                neurons=neurons,
                edges=strongest_edges(kernel, columns[number], drawn, limits.max_edges),
                connections=int(kernel.size),
            )
        )
    return NetworkSnapshot(
        picture=inputs.picture,
        layers=tuple(layers),
        points=len(x),
        epoch=epoch,
        extent=inputs.extent,
        side=inputs.side,
        limits=limits,
    )


def strongest_inputs(first_kernel: np.ndarray, x: np.ndarray, count: int) -> np.ndarray:
    """The input columns that move the first layer most, in input order.

    An input's pull is the size of its outgoing weights (L2 norm) times how
    much it varies over the sample rows (standard deviation): an MNIST border
    pixel is 0 in every image, so its weights, however large, never change
    what the network computes.

    All of them when there are at most `count`.
    """
    n_inputs = first_kernel.shape[0]
    if n_inputs <= count:
        return np.arange(n_inputs)
    strength = np.linalg.norm(first_kernel, axis=1) * x.std(axis=0)
    return np.sort(np.argsort(-strength, kind="stable")[:count])


def strongest_edges(
    kernel: np.ndarray, sources: np.ndarray, targets: np.ndarray, count: int
) -> tuple[EdgeView, ...]:
    """The `count` connections with the largest |weight| between the neurons drawn.

    Args:
        kernel: the layer's weights, shape (inputs, units).
        sources, targets: the neurons drawn in the previous column and in this one.
        count: how many to keep.

    Returns:
        Edges indexed by position among the drawn neurons.
    """
    block = kernel[np.ix_(sources, targets)]
    order = np.argsort(-np.abs(block), axis=None, kind="stable")[:count]
    rows, cols = np.unravel_index(order, block.shape)
    return tuple(
        EdgeView(int(r), int(c), float(block[r, c])) for r, c in zip(rows.tolist(), cols.tolist())
    )


def neuron_status(values: np.ndarray, activation: str) -> str:
    """DEAD, SATURATED or OK for one hidden unit's outputs over the points (see the module)."""
    values = np.asarray(values, dtype=np.float64)
    if activation == "relu" and not np.any(values > 0):
        return DEAD
    if activation in SATURATING:
        low, high = SATURATING[activation]
        margin = SATURATION_EDGE * (high - low)
        at_ends = (values <= low + margin) | (values >= high - margin)
        if values.size and at_ends.mean() >= SATURATED_SHARE:
            return SATURATED
    return OK


def _neuron(index, values, inputs, name, bias, activation, hidden) -> NeuronView:
    values = np.asarray(values, dtype=np.float32)
    centre = MAP_CENTRES.get(activation, 0.0) if inputs.side else 0.0
    if inputs.side:
        scale = float(np.max(np.abs(values - centre))) or 1.0
        levels = np.round(((values - centre) / scale + 1) / 2 * PICTURE_LEVELS)
    else:
        counts, _ = np.histogram(values, bins=HISTOGRAM_BINS)
        scale = float(counts.max()) or 1.0
        levels = np.round(counts / scale * PICTURE_LEVELS)
    return NeuronView(
        index=index,
        name=str(name),
        bias=bias,
        mean=float(values.mean()),
        low=float(values.min()),
        high=float(values.max()),
        status=neuron_status(values, activation) if hidden else OK,
        picture=np.clip(levels, 0, PICTURE_LEVELS).astype(np.uint8).tobytes(),
        scale=scale,
        centre=centre,
    )
