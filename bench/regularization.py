"""Overfitting, and how much L2 and Dropout shrink it, on a set made to overfit.

50 noisy moons points (noise 0.35; 40 for training, of which half is held out
by validation_split=0.5), learned by a 256-256 relu network with Adam at
lr 0.01 for 80 epochs: enough capacity to learn every training point by
heart. The same run is repeated with L2 0.01 on both hidden layers, then
with Dropout 0.5 after both, and each prints its last epoch's train and
validation loss, their gap, the test loss, and the gap's ratio to the plain
run's. The runs go through the app's own trainer, i.e. one Keras `fit`.

Usage: python bench/regularization.py [--epochs 80] [--seed 0]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from playground import trainer
from playground.config import DataConfig, ExperimentConfig, LayerConfig
from playground.runs import RunFinished, RunOrder, RunResult
from playground.settings import Settings

SETTINGS = {
    "plain": {},
    "L2 0.01": {"l2": 0.01},
    "Dropout 0.5": {"dropout": 0.5},
}


def overfitting_config(epochs: int = 80, seed: int = 0, **layer_options) -> ExperimentConfig:
    """The run that overfits, with `layer_options` (dropout, l1, l2) on both hidden layers."""
    return ExperimentConfig(
        data=DataConfig(name="moons", n_samples=50, noise=0.35, seed=seed),
        layers=[LayerConfig(256, "relu", **layer_options) for _ in range(2)],
        learning_rate=0.01,
        epochs=epochs,
        validation_split=0.5,
        seed=seed,
    )


def train(config: ExperimentConfig) -> RunResult:
    events = []
    folder = Path(tempfile.mkdtemp(prefix="bench-regularization-"))
    trainer.run_job(
        RunOrder("bench", config, str(folder), stream=False),
        events.append,
        Settings(),
        should_stop=lambda: False,
    )
    assert isinstance(events[-1], RunFinished), events[-1]
    return RunResult.load(events[-1].artifacts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=80)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    trainer.use_threads(1)
    plain_gap = None
    print(
        f"{'run':<12} {'loss':>7} {'val_loss':>9} {'gap':>7} {'test loss':>9} {'gap/plain':>9}  s"
    )
    for name, options in SETTINGS.items():
        started = time.perf_counter()
        result = train(overfitting_config(args.epochs, args.seed, **options))
        last = result.history[-1]
        gap = last["val_loss"] - last["loss"]
        plain_gap = gap if plain_gap is None else plain_gap
        print(
            f"{name:<12} {last['loss']:7.3f} {last['val_loss']:9.3f} {gap:7.3f} "
            f"{result.summary.test['loss']:9.3f} {gap / plain_gap:9.2f}  "
            f"{time.perf_counter() - started:.0f}"
        )


if __name__ == "__main__":
    main()
