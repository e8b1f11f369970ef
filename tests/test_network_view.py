"""The network diagram's numbers: computed from the real weights, bounded in size, marks that hold."""

import pickle

import numpy as np
import pytest

from playground import charts_network, network_view
from playground.config import DataConfig, ExperimentConfig, LayerConfig
from playground.inference import DenseNetwork
from playground.network_view import (
    DEAD,
    MAX_SNAPSHOT_BYTES,
    OK,
    SATURATED,
    DiagramLimits,
    ProbeInputs,
    network_snapshot,
    neuron_status,
    plane_inputs,
    sample_inputs,
)
from playground.runs import EpochEnded, RunFinished, RunResult
from tests.conftest import train_in_process

RNG = np.random.default_rng(0)


def random_network(sizes, activations, scale=0.1) -> DenseNetwork:
    return DenseNetwork(
        tuple(
            (RNG.normal(size=(a, b)) * scale).astype(np.float32) for a, b in zip(sizes, sizes[1:])
        ),
        tuple((RNG.normal(size=b) * scale).astype(np.float32) for b in sizes[1:]),
        tuple(activations),
    )


def plane(n=200):
    return plane_inputs(RNG.normal(size=(n, 2)), ["x1", "x2"])


# ------------------------------------------------------------------ bounds
@pytest.mark.parametrize(
    "sizes, activations, inputs",
    [
        ([2] + [256] * 10 + [1], ["relu"] * 10 + ["sigmoid"], "plane"),
        ([784, 1024, 512, 10], ["relu", "tanh", "softmax"], "rows"),
        ([10_000, 200, 1], ["relu", "sigmoid"], "rows"),
    ],
)
def test_a_snapshot_stays_small_whatever_the_model_size(sizes, activations, inputs):
    network = random_network(sizes, activations)
    if inputs == "plane":
        probe = plane()
    else:
        rows = RNG.normal(size=(500, sizes[0])).astype(np.float32)
        probe = sample_inputs(rows, [f"f{i}" for i in range(sizes[0])])
    snapshot = network_snapshot(network, probe, epoch=4)
    assert len(pickle.dumps(snapshot)) <= MAX_SNAPSHOT_BYTES
    assert snapshot.points == (256 if inputs == "plane" else network_view.SAMPLE_ROWS)
    for layer, units in zip(snapshot.layers, sizes):
        assert layer.units == units
        assert len(layer.neurons) == min(units, network_view.MAX_NEURONS)
        assert len(layer.edges) <= network_view.MAX_EDGES
        assert layer.hidden_count == units - len(layer.neurons)
    assert [layer.connections for layer in snapshot.layers[1:]] == [
        a * b for a, b in zip(sizes, sizes[1:])
    ]


# ------------------------------------------------------------- the values
def test_maps_are_each_neurons_real_output_over_the_plane():
    network = random_network([2, 6, 3, 1], ["tanh", "relu", "sigmoid"], scale=1.0)
    probe = plane()
    snapshot = network_snapshot(network, probe)
    outputs = network.layer_outputs(probe.x)
    assert snapshot.picture == network_view.MAP and snapshot.side == network_view.MAP_SIDE
    for number, layer in enumerate(snapshot.layers[1:]):
        for neuron in layer.neurons:
            truth = outputs[number][:, neuron.index]
            tolerance = neuron.scale / network_view.PICTURE_LEVELS + 1e-6
            np.testing.assert_allclose(neuron.map_values(), truth, atol=tolerance)
            assert neuron.mean == pytest.approx(float(truth.mean()), rel=1e-5, abs=1e-6)
            assert neuron.bias == pytest.approx(float(network.biases[number][neuron.index]))
    # The inputs' maps are x1 and x2 themselves.
    np.testing.assert_allclose(
        snapshot.layers[0].neurons[1].map_values(),
        probe.x[:, 1],
        atol=snapshot.layers[0].neurons[1].scale / network_view.PICTURE_LEVELS + 1e-6,
    )
    # A sigmoid output is drawn white at 0.5, a probability's middle.
    assert snapshot.layers[-1].neurons[0].centre == 0.5


def test_histograms_count_each_neurons_outputs_over_the_sample_rows():
    network = random_network([5, 4, 3], ["elu", "softmax"], scale=1.0)
    probe = sample_inputs(RNG.normal(size=(1000, 5)), list("abcde"))
    snapshot = network_snapshot(network, probe)
    hidden = network.layer_outputs(probe.x)[0]
    for neuron in snapshot.layers[1].neurons:
        counts, _ = np.histogram(hidden[:, neuron.index], bins=network_view.HISTOGRAM_BINS)
        np.testing.assert_allclose(
            neuron.histogram_heights(), counts / counts.max(), atol=1 / 255 + 1e-9
        )
        assert (neuron.low, neuron.high) == pytest.approx(
            (hidden[:, neuron.index].min(), hidden[:, neuron.index].max())
        )


def test_the_same_sample_rows_are_used_on_every_epoch():
    x = RNG.normal(size=(1000, 3))
    first, second = sample_inputs(x, list("abc")), sample_inputs(x, list("abc"))
    np.testing.assert_array_equal(first.x, second.x)
    assert len(first.x) == network_view.SAMPLE_ROWS


def test_edges_are_the_strongest_weights_between_the_neurons_drawn():
    network = random_network([30, 20, 2], ["relu", "softmax"], scale=1.0)
    limits = DiagramLimits(max_neurons=8, max_edges=12)
    snapshot = network_snapshot(
        network, sample_inputs(RNG.normal(size=(50, 30)), [""] * 30), None, limits
    )
    inputs = [neuron.index for neuron in snapshot.layers[0].neurons]
    hidden = [neuron.index for neuron in snapshot.layers[1].neurons]
    block = network.kernels[0][np.ix_(inputs, hidden)]
    expected = sorted(np.abs(block).ravel(), reverse=True)[:12]
    edges = snapshot.layers[1].edges
    assert [abs(edge.weight) for edge in edges] == pytest.approx(expected)
    for edge in edges:
        assert edge.weight == pytest.approx(
            network.kernels[0][inputs[edge.source], hidden[edge.target]]
        )


def test_a_wide_input_shows_its_most_weighted_inputs_by_name():
    kernel = np.zeros((784, 4), dtype=np.float32)
    kernel[[700, 3, 400], :] = [[5.0], [1.0], [3.0]]
    network = DenseNetwork(
        (kernel, np.ones((4, 1), np.float32)),
        (np.zeros(4, np.float32), np.zeros(1, np.float32)),
        ("relu", "sigmoid"),
    )
    names = [f"pixel_{r}_{c}" for r in range(28) for c in range(28)]
    probe = sample_inputs(RNG.random((40, 784)), names)
    snapshot = network_snapshot(network, probe, limits=DiagramLimits(max_neurons=3))
    assert [neuron.index for neuron in snapshot.layers[0].neurons] == [3, 400, 700]
    assert snapshot.layers[0].neurons[2].name == "pixel_25_0"
    assert charts_network.feature_label("pixel_25_0") == "pixel (25, 0)"
    assert charts_network.feature_label("pixel_25_0", "ko") == "픽셀 (25, 0)"

    # A pixel that is blank in every image moves nothing, however large its weights.
    blank = probe.x.copy()
    blank[:, 700] = 0.0
    kernel[5, :] = 2.0  # a smaller weight on a pixel that varies
    snapshot = network_snapshot(
        network, sample_inputs(blank, names), limits=DiagramLimits(max_neurons=3)
    )
    assert [neuron.index for neuron in snapshot.layers[0].neurons] == [3, 5, 400]


# -------------------------------------------------------------- the marks
def test_dead_relu_and_saturated_units_are_marked_by_the_stated_rule():
    assert neuron_status(np.zeros(50), "relu") == DEAD
    assert neuron_status(np.r_[np.zeros(49), 0.01], "relu") == OK
    assert neuron_status(np.zeros(50), "elu") == OK  # only relu units die this way
    ends = np.r_[np.full(48, 0.999), np.full(2, 0.5)]  # 96% at the flat end
    assert neuron_status(ends, "sigmoid") == SATURATED
    assert neuron_status(np.r_[np.full(45, 0.999), np.full(5, 0.5)], "sigmoid") == OK
    assert neuron_status(np.r_[np.full(30, -0.995), np.full(20, 0.995)], "tanh") == SATURATED
    assert neuron_status(np.full(50, 0.999), "relu") == OK


def test_the_snapshot_marks_a_dead_and_a_saturated_hidden_unit_but_never_the_output():
    kernels = (
        np.array([[1.0, 0.0, 1.0], [0.5, 0.0, -1.0]], np.float32),
        np.array([[1.0], [1.0], [1.0]], np.float32),
        np.array([[50.0]], np.float32),
    )
    biases = (
        np.array([0.0, -1.0, 0.0], np.float32),
        np.array([40.0], np.float32),
        np.zeros(1, np.float32),
    )
    network = DenseNetwork(kernels, biases, ("relu", "sigmoid", "sigmoid"))
    snapshot = network_snapshot(network, plane())
    assert [n.status for n in snapshot.layers[1].neurons] == [OK, DEAD, OK]
    assert [n.status for n in snapshot.layers[2].neurons] == [SATURATED]
    assert [n.status for n in snapshot.layers[3].neurons] == [OK]
    assert [(layer, n.index) for layer, n in snapshot.marked] == [(1, 1), (2, 0)]


# --------------------------------------------------------------- the figure
def test_the_figure_draws_every_neuron_marks_and_hover_values():
    kernels = (
        np.array([[1.0, 0.0], [0.5, 0.0]], np.float32),
        np.array([[2.0], [-0.25]], np.float32),
    )
    biases = (np.array([0.1, -1.0], np.float32), np.zeros(1, np.float32))
    network = DenseNetwork(kernels, biases, ("relu", "sigmoid"))
    snapshot = network_snapshot(
        network, plane_inputs(RNG.normal(size=(50, 2)), ["<b>x1</b>", "x2"]), epoch=7
    )
    fig = charts_network.network_figure(snapshot, "en", "After epoch 7")
    assert len(fig.layout.images) == 5  # 2 inputs, 2 hidden, 1 output, each its map
    assert fig.layout.meta == {"epoch": 7}
    red = next(trace for trace in fig.data if trace.name == "marked")
    assert red.line.color == charts_network.MARKED
    assert np.isnan(red.x).sum() == 1  # one box: the dead unit
    neurons = next(trace for trace in fig.data if trace.name == "neurons")
    assert any("bias -1.000" in text and "dead" in text for text in neurons.hovertext)
    edges = next(trace for trace in fig.data if trace.name == "edges")
    assert any("weight +2.000" in text for text in edges.hovertext)
    assert any("weight -0.250" in text for text in edges.hovertext)
    labels = [trace for trace in fig.data if trace.mode == "text"]
    names = [text for trace in labels for text in trace.text]
    assert "&lt;b&gt;x1&lt;/b&gt;" in names and "<b>x1</b>" not in names
    assert "Layer 1<br>2 relu" in names and "Output<br>1 sigmoid" in names
    assert all(trace.textfont.size >= 14 for trace in labels)


def test_the_figure_draws_histograms_for_rows_and_names_the_hidden_ones():
    network = random_network([30, 12, 3], ["relu", "softmax"])
    probe = sample_inputs(RNG.normal(size=(80, 30)), [f"feature {i}" for i in range(30)])
    fig = charts_network.network_figure(network_snapshot(network, probe), "ko")
    assert len(fig.layout.images) == 0
    assert any(trace.fill == "toself" for trace in fig.data)
    texts = [text for trace in fig.data if trace.mode == "text" for text in trace.text]
    assert "+20개 더" in texts and "+2개 더" in texts


# ------------------------------------------------------------- the trainer
def test_each_epoch_sends_the_diagram_of_the_weights_it_ends_with(tmp_path):
    config = ExperimentConfig(
        data=DataConfig(name="xor", n_samples=200),
        layers=[LayerConfig(12, "relu"), LayerConfig(4, "tanh")],
        epochs=3,
        batch_size=32,
    )
    events = train_in_process(config, tmp_path)
    epochs = [event for event in events if isinstance(event, EpochEnded)]
    assert [event.network.epoch for event in epochs] == [1, 2, 3]
    assert all(len(pickle.dumps(event.network)) <= MAX_SNAPSHOT_BYTES for event in epochs)
    assert isinstance(events[-1], RunFinished)
    result = RunResult.load(tmp_path)
    assert result.network_inputs.side == network_view.MAP_SIDE
    # The last live diagram is exactly the saved model's (no EarlyStopping here).
    saved = network_snapshot(result.network, result.network_inputs, epoch=3)
    assert saved == epochs[-1].network
    assert [layer.units for layer in saved.layers] == [2, 12, 4, 1]


def test_tabular_runs_save_a_sample_of_test_rows_with_the_feature_names(tmp_path):
    config = ExperimentConfig(
        data=DataConfig(name="iris"), layers=[LayerConfig(8, "relu")], epochs=2
    )
    train_in_process(config, tmp_path)
    inputs = ProbeInputs.load(tmp_path)
    assert inputs.side is None and inputs.x.shape[1] == 4
    assert inputs.feature_names[0].startswith("sepal")
    assert len(inputs.x) == RunResult.load(tmp_path).summary.n_test  # iris has fewer than 256


def test_no_diagram_is_computed_when_the_run_does_not_stream(tmp_path):
    config = ExperimentConfig(data=DataConfig(name="moons", n_samples=100), epochs=2)
    events = train_in_process(config, tmp_path, stream=False)
    assert not [event for event in events if isinstance(event, EpochEnded)]
    assert RunResult.load(tmp_path).network_inputs is not None  # Evaluate still draws it
