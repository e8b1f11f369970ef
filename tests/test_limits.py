"""The server's limits: read from the environment, enforced before any work starts."""

from __future__ import annotations

import math
import re

import pytest
from sklearn import datasets as sk_datasets

from playground import datasets
from playground.config import DataConfig, ExperimentConfig, LayerConfig
from playground.errors import DatasetError
from playground.i18n import translate
from playground.limits import Range, data_ranges, model_ranges
from playground.settings import Settings
from tests.conftest import train_in_process


def test_a_range_holds_only_finite_values_within_it():
    allowed = Range(1, 200)
    assert 1 in allowed and 200 in allowed and 5 in allowed
    assert 0 not in allowed and 201 not in allowed
    assert math.nan not in Range(0.0, 1.0) and math.inf not in Range(0.0, 1.0)


def test_a_range_clamps_to_its_own_type():
    assert Range(1, 200).clamp(10**9) == 200 and Range(1, 200).clamp(-5) == 1
    assert Range(0.0, 1e4).clamp(math.inf) == 1e4
    assert Range(0.0, 1e4).clamp(math.nan) == 0.0
    assert isinstance(Range(0.0, 0.5).clamp(1), float)


def test_the_ranges_follow_the_settings():
    tight = Settings(max_epochs=7, max_units=9, max_batch_size=64, max_samples=300)
    assert model_ranges(tight)["epochs"] == Range(1, 7)
    assert model_ranges(tight)["units"].high == 9
    assert model_ranges(tight)["batch_size"] == Range(1, 64)
    assert model_ranges(tight)["patience"].high == 7
    assert data_ranges("moons", tight)["n_samples"] == Range(10, 300)
    assert data_ranges("mnist", tight)["n_samples"] == Range(0, 60_000)
    assert data_ranges("imdb", tight)["n_samples"] == Range(0, 25_000)


@pytest.mark.parametrize(
    "variable, field, value",
    [
        ("PLAYGROUND_MAX_SAMPLES", "max_samples", 2500),
        ("PLAYGROUND_MAX_BATCH_SIZE", "max_batch_size", 512),
        ("PLAYGROUND_MAX_TRAIN_STEPS", "max_train_steps", 5000),
        ("PLAYGROUND_MAX_TRAIN_WORK", "max_train_work", 3_000_000_000_000),
    ],
)
def test_each_new_limit_is_read_from_the_environment(monkeypatch, variable, field, value):
    monkeypatch.setenv(variable, str(value))
    assert getattr(Settings.from_env(), field) == value
    monkeypatch.setenv(variable, "lots")
    with pytest.raises(ValueError, match=variable):
        Settings.from_env()


@pytest.mark.parametrize(
    "variable",
    [
        "PLAYGROUND_MAX_SAMPLES",
        "PLAYGROUND_MAX_BATCH_SIZE",
        "PLAYGROUND_MAX_TRAIN_STEPS",
        "PLAYGROUND_MAX_TRAIN_WORK",
    ],
)
def test_each_limit_is_documented_for_teachers(variable):
    from tests.conftest import REPO_ROOT

    settings_doc = (REPO_ROOT / "playground" / "settings.py").read_text(encoding="utf-8")
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    assert re.search(rf"\|\s*{variable}\s*\|", settings_doc)
    assert f"`{variable}`" in readme


def test_too_many_points_are_refused_before_any_array_is_made(monkeypatch):
    made = []
    monkeypatch.setattr(sk_datasets, "make_moons", lambda *a, **k: made.append(a))
    with pytest.raises(DatasetError) as raised:
        datasets.load_dataset(DataConfig(name="moons", n_samples=10**12))
    assert raised.value.code == "limits.too_many_samples" and not made
    assert "PLAYGROUND_MAX_SAMPLES" in raised.value.message("ko")


def test_the_sample_limit_follows_the_environment(monkeypatch):
    monkeypatch.setenv("PLAYGROUND_MAX_SAMPLES", "200")
    with pytest.raises(DatasetError):
        datasets.load_dataset(DataConfig(name="circles", n_samples=300))
    assert len(datasets.load_dataset(DataConfig(name="circles", n_samples=200)).y_train) == 160


@pytest.mark.parametrize("seed", [-1, 2**32])
def test_a_data_seed_numpy_cannot_take_is_explained(seed):
    with pytest.raises(DatasetError) as raised:
        datasets.load_dataset(DataConfig(name="moons", seed=seed))
    message = raised.value.message("en")
    assert f"data.seed={seed}" in message and "4294967295" in message


@pytest.mark.parametrize(
    "changes, code",
    [
        ({"seed": -1}, "check.seed_out_of_range"),
        ({"seed": 2**32}, "check.seed_out_of_range"),
        ({"data": DataConfig(n_samples=100, seed=-1)}, "limits.bad_data_seed"),
    ],
)
def test_a_bad_seed_in_the_worker_is_a_clear_message_not_numpy_text(tmp_path, changes, code):
    from playground.runs import RunFailed

    config = ExperimentConfig(data=DataConfig(n_samples=100), layers=[LayerConfig(4)], epochs=1)
    for name, value in changes.items():
        setattr(config, name, value)
    failed = train_in_process(config, tmp_path, stream=False)[-1]
    assert isinstance(failed, RunFailed) and failed.code == code
    for lang in ("en", "ko"):
        text = translate(failed.code, lang, **failed.params)
        assert "4294967295" in text and "Seed must be between" not in text
