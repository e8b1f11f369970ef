"""A training process reuses compiled models across jobs without changing any result."""

import dataclasses
import os

import numpy as np
import pytest

from playground import compile_cache
from playground.config import DataConfig, ExperimentConfig, LayerConfig
from playground.runs import RunFinished, RunOrder, RunResult
from playground.settings import Settings

trainer = pytest.importorskip("playground.trainer")


def moons(**changes) -> ExperimentConfig:
    values = dict(
        data=DataConfig(name="moons", n_samples=200, noise=0.2),
        layers=[LayerConfig(8, "tanh"), LayerConfig(4, "relu")],
        optimizer="adam",
        learning_rate=0.01,
        epochs=3,
        batch_size=16,
        seed=3,
    )
    values.update(changes)
    return ExperimentConfig(**values)


def settings(cache_entries: int) -> Settings:
    return dataclasses.replace(Settings(), compile_cache=cache_entries)


@pytest.fixture
def empty_cache():
    trainer._COMPILED.clear()
    yield trainer._COMPILED
    trainer._COMPILED.clear()


@pytest.fixture
def resets(monkeypatch):
    """How many jobs trained a kept model (each one is reset first)."""
    calls = []
    original = compile_cache.reset_to

    def counted(kept, fresh):
        calls.append(kept)
        original(kept, fresh)

    monkeypatch.setattr(compile_cache, "reset_to", counted)
    return calls


def run(config: ExperimentConfig, folder, cache_entries: int) -> RunResult:
    events = []
    trainer.run_job(
        RunOrder("job", config, str(folder), False),
        events.append,
        settings(cache_entries),
        should_stop=lambda: False,
    )
    assert isinstance(events[-1], RunFinished), events[-1]
    return RunResult.load(folder)


def assert_identical(result: RunResult, reference: RunResult) -> None:
    assert result.history == reference.history
    assert result.summary.test == reference.summary.test
    np.testing.assert_array_equal(result.prob, reference.prob)
    for kernel, reference_kernel in zip(result.network.kernels, reference.network.kernels):
        np.testing.assert_array_equal(kernel, reference_kernel)
    for bias, reference_bias in zip(result.network.biases, reference.network.biases):
        np.testing.assert_array_equal(bias, reference_bias)


@pytest.mark.parametrize(
    "changes",
    [
        {},
        {"optimizer": "adagrad", "learning_rate": 0.05},  # its accumulators start at 0.1
        # Over 2,000 steps: the training step is compiled with XLA.
        {
            "optimizer": "sgd",
            "momentum": 0.9,
            "learning_rate": 0.05,
            "epochs": 2,
            "batch_size": 1,
            "data": DataConfig(name="moons", n_samples=2000),
        },
    ],
    ids=["adam", "adagrad", "sgd-momentum-xla"],
)
def test_a_kept_model_trains_bit_identically_to_a_fresh_one(tmp_path, empty_cache, resets, changes):
    config = moons(**changes)
    reference = run(config, tmp_path / "fresh", cache_entries=0)
    assert len(empty_cache) == 0 and not resets

    # Another student's run of the same program, with another seed, learning
    # rate and length, leaves its trained model (and optimizer state) behind...
    other = dataclasses.replace(
        config, seed=99, learning_rate=config.learning_rate * 7, epochs=config.epochs + 1
    )
    run(other, tmp_path / "other", cache_entries=4)
    assert len(empty_cache) == 1 and not resets

    # ...and this run trains that very model, with every result unchanged.
    result = run(config, tmp_path / "kept", cache_entries=4)
    assert len(resets) == 1
    assert_identical(result, reference)


def key_of(config: ExperimentConfig) -> str:
    """The key a job on this config gets; each job starts from a cleared Keras session."""
    import keras

    from playground import models
    from playground.datasets import load_dataset

    keras.backend.clear_session()
    dataset = load_dataset(config.data, Settings())
    y_train = models.encode_labels(dataset.y_train, config, dataset)
    key, _ = trainer._compiled_model(config, dataset, y_train, settings(0))
    return key


def test_runs_differing_only_in_values_the_program_reads_share_a_key():
    base = moons()
    assert key_of(dataclasses.replace(base, learning_rate=0.5)) == key_of(base)
    assert key_of(dataclasses.replace(base, seed=12)) == key_of(base)
    assert key_of(dataclasses.replace(base, epochs=9)) == key_of(base)
    # Other rows, as many batches an epoch (8: one compiled call covers the epoch).
    other_rows = dataclasses.replace(base.data, n_samples=190, noise=0.3, seed=5)
    assert key_of(dataclasses.replace(base, data=other_rows)) == key_of(base)


def test_more_batches_an_epoch_than_one_call_covered_is_another_program():
    # A toy set's epoch is one compiled call: 16 batches instead of 8 is another loop.
    more_rows = dataclasses.replace(moons().data, n_samples=400)
    assert key_of(moons(data=more_rows)) != key_of(moons())


@pytest.mark.parametrize(
    "changes",
    [
        {"layers": [LayerConfig(8, "sigmoid"), LayerConfig(4, "relu")]},
        {"layers": [LayerConfig(9, "tanh"), LayerConfig(4, "relu")]},
        {"layers": [LayerConfig(8, "tanh")]},
        {"batch_size": 32},
        {
            "loss": "sparse_categorical_crossentropy",
            "output_units": 2,
            "output_activation": "softmax",
        },
        {"optimizer": "sgd", "learning_rate": 0.01},
        {"optimizer": "sgd", "momentum": 0.9, "learning_rate": 0.01},
        # 2,000 steps or more: compiled with XLA.
        {"epochs": 300},
    ],
    ids=["activation", "units", "layers", "batch", "loss", "optimizer", "momentum", "xla"],
)
def test_a_different_program_gets_a_different_key(changes):
    assert key_of(moons(**changes)) != key_of(moons())


def test_regression_losses_get_different_keys():
    diabetes = moons(data=DataConfig(name="diabetes"), layers=[LayerConfig(8, "relu")])
    assert key_of(dataclasses.replace(diabetes, loss="mae")) != key_of(
        dataclasses.replace(diabetes, loss="mse")
    )


def test_the_cache_keeps_at_most_its_bound_and_drops_the_least_recently_used():
    cache = compile_cache.CompiledModels(max_entries=2)
    cache.keep("a", "model a")
    cache.keep("b", "model b")
    assert cache.take("a") == "model a"
    cache.keep("a", "model a")  # now "b" is the least recently used
    cache.keep("c", "model c")
    assert len(cache) == 2 and "b" not in cache and "a" in cache and "c" in cache
    cache.resize(1)
    assert len(cache) == 1 and "c" in cache
    assert cache.take("c") == "model c" and cache.take("c") is None


def test_a_training_process_keeps_no_more_models_than_its_setting(tmp_path, empty_cache):
    for units in (3, 4, 5):
        run(moons(layers=[LayerConfig(units, "relu")], epochs=1), tmp_path / f"u{units}", 2)
    assert len(empty_cache) == 2


def test_zero_turns_the_cache_off(tmp_path, monkeypatch, empty_cache, resets):
    monkeypatch.setenv("PLAYGROUND_COMPILE_CACHE", "0")
    off = Settings.from_env()
    assert off.compile_cache == 0
    for folder in ("first", "second"):
        trainer.run_job(
            RunOrder("job", moons(epochs=1), str(tmp_path / folder), False),
            lambda event: None,
            off,
            should_stop=lambda: False,
        )
    assert len(empty_cache) == 0 and not resets


def test_the_setting_defaults_on_and_refuses_a_negative_size(monkeypatch):
    monkeypatch.delenv("PLAYGROUND_COMPILE_CACHE", raising=False)
    assert Settings.from_env().compile_cache == Settings.compile_cache > 0
    monkeypatch.setenv("PLAYGROUND_COMPILE_CACHE", "-1")
    with pytest.raises(ValueError, match="PLAYGROUND_COMPILE_CACHE"):
        Settings.from_env()


def test_a_failed_job_leaves_no_model_behind(tmp_path, empty_cache, monkeypatch):
    def broken_fit(*args, **kwargs):
        raise RuntimeError("the fit broke")

    monkeypatch.setattr(trainer.fast_fit, "fit", broken_fit)
    events = []
    trainer.run_job(
        RunOrder("job", moons(epochs=1), str(tmp_path), False),
        events.append,
        settings(4),
        should_stop=lambda: False,
    )
    assert events[-1].code == "train.failed"
    assert len(empty_cache) == 0


def test_the_xla_cache_folder_is_pruned_to_its_bound_oldest_first(tmp_path):
    for age, name in enumerate(["newest", "middle", "oldest"]):
        path = tmp_path / name
        path.write_bytes(b"x" * 100)
        os.utime(path, (1_000_000 - age, 1_000_000 - age))
    compile_cache.prune(tmp_path, max_bytes=250)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["middle", "newest"]


def test_trainers_point_xla_at_the_shared_folder_unless_the_cache_is_off(tmp_path, monkeypatch):
    from playground import worker

    monkeypatch.setenv("PLAYGROUND_RUNS_DIR", str(tmp_path))
    monkeypatch.setenv("TF_XLA_FLAGS", "--tf_xla_auto_jit=0 --tf_xla_persistent_cache_directory=/x")
    worker.share_compiled_programs(settings(0))
    assert os.environ["TF_XLA_FLAGS"].endswith("=/x")

    worker.share_compiled_programs(settings(4))
    folder = tmp_path / worker.XLA_CACHE_FOLDER
    assert folder.is_dir()
    assert os.environ["TF_XLA_FLAGS"].split() == [
        "--tf_xla_auto_jit=0",
        f"--tf_xla_persistent_cache_directory={folder}",
    ]


def test_an_unwritable_runs_folder_leaves_xla_as_it_was(tmp_path, monkeypatch):
    from playground import worker

    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("PLAYGROUND_RUNS_DIR", str(blocker))
    monkeypatch.setenv("TF_XLA_FLAGS", "--tf_xla_auto_jit=0")
    worker.share_compiled_programs(settings(4))
    assert os.environ["TF_XLA_FLAGS"] == "--tf_xla_auto_jit=0"
