"""The course's lessons on their full data: does each reach the figure it promises?

Usage:
    PLAYGROUND_DATA_DIR=/work/shared/data python bench/lessons.py [--lessons 03 05 07] [--seeds 0]

For each lesson (by default 3, 5 and 7; 7 only when imdb.npz is on the
server) the config whose figure the lesson promises (`lessons.expected_config`:
its own, or after the steps its `expect.step` names) is trained twice in
this one process, one after the other on the same machine:

- by the playground's trainer (`trainer.run_job`, what a LocalPool worker runs),
  its test metric read from the saved run (`RunResult`);
- by plain Keras, the code a student writes from the notes, on the same
  arrays the trainer loads (same rows, same scaling):

      keras.utils.set_random_seed(seed)
      model = keras.Sequential([Input(shape), Flatten(), Dense(16, "sigmoid"), ...])
      model.compile(optimizer=keras.optimizers.SGD(0.01), loss=..., metrics=["accuracy"])
      model.fit(x, y, epochs=20, batch_size=32, validation_split=0.0, callbacks=[EarlyStopping...])
      model.evaluate(x_test, y_test)

It prints each test figure beside the course's and the lesson's promised
range, and the playground's time over plain Keras's.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from playground import datasets, lessons, models  # noqa: E402
from playground.config import ExperimentConfig  # noqa: E402
from playground.settings import Settings  # noqa: E402

DEFAULT_LESSONS = ("03", "05", "07")


def playground_run(config: ExperimentConfig, metric: str, settings: Settings) -> dict:
    """One job through the trainer, as a pool worker runs it; its test metric and time."""
    from playground import trainer
    from playground.runs import RunFailed, RunOrder, RunResult

    events: list = []
    with tempfile.TemporaryDirectory(prefix="bench-lessons-") as folder:
        started = time.perf_counter()
        trainer.run_job(
            RunOrder("bench", config, folder, False), events.append, settings, lambda: False
        )
        seconds = time.perf_counter() - started
        if isinstance(events[-1], RunFailed):
            raise SystemExit(f"the playground run failed: {events[-1].code} {events[-1].params}")
        summary = RunResult.load(folder).summary
    return {"value": float(summary.test[metric]), "seconds": seconds, "epochs": summary.epochs_run}


def plain_keras_run(config: ExperimentConfig, metric: str, settings: Settings) -> dict:
    """The same setup written as a student writes it from the notes."""
    import keras

    dataset = datasets.load_dataset(config.data, settings)
    head = models.resolve_head(config, dataset)
    onehot = models.uses_onehot(config, dataset)
    y_train, y_test = dataset.y_train, dataset.y_test
    if onehot:
        y_train = keras.utils.to_categorical(y_train, head.units)
        y_test = keras.utils.to_categorical(y_test, head.units)
    started = time.perf_counter()
    keras.utils.set_random_seed(config.seed)
    model = keras.Sequential(
        [
            keras.Input(shape=dataset.input_shape),
            keras.layers.Flatten(),
            *[
                keras.layers.Dense(layer.units, activation=layer.activation)
                for layer in config.layers
            ],
            keras.layers.Dense(head.units, activation=head.activation),
        ]
    )
    optimizers = {
        "sgd": lambda: keras.optimizers.SGD(config.learning_rate, momentum=config.momentum),
        "adam": lambda: keras.optimizers.Adam(config.learning_rate),
        "rmsprop": lambda: keras.optimizers.RMSprop(config.learning_rate),
        "adagrad": lambda: keras.optimizers.Adagrad(config.learning_rate),
    }
    model.compile(optimizer=optimizers[config.optimizer](), loss=head.loss, metrics=[metric])
    callbacks = (
        [
            keras.callbacks.EarlyStopping(
                patience=config.patience, restore_best_weights=config.restore_best_weights
            )
        ]
        if config.early_stopping
        else []
    )
    history = model.fit(
        dataset.x_train,
        y_train,
        epochs=config.epochs,
        batch_size=config.batch_size,
        validation_split=config.validation_split,
        callbacks=callbacks,
        verbose=0,
    )
    scores = model.evaluate(dataset.x_test, y_test, verbose=0, return_dict=True)
    seconds = time.perf_counter() - started
    keras.backend.clear_session()
    return {"value": float(scores[metric]), "seconds": seconds, "epochs": len(history.epoch)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lessons", nargs="+", default=list(DEFAULT_LESSONS), help="id prefixes")
    parser.add_argument("--seeds", nargs="+", type=int, default=[0])
    args = parser.parse_args()
    settings = Settings.from_env()
    found, problems = lessons.load_lessons(settings)
    for problem in problems:
        print(f"(lesson file {problem.path} cannot be used: {'; '.join(problem.errors)})")
    chosen = [lesson for lesson in found if lesson.id.split("-", 1)[0] in args.lessons]
    rows = []
    for lesson in chosen:
        if lesson.expect is None:
            print(f"{lesson.id}: no [expect] figure, skipped")
            continue
        missing = lessons.missing_files(lesson)
        if missing:
            print(f"{lesson.id}: skipped, {', '.join(missing)} not on this server")
            continue
        for seed in args.seeds:
            config = lessons.expected_config(lesson, settings)
            config.seed = seed
            metric = lesson.expect.metric
            app = playground_run(config, metric, settings)
            plain = plain_keras_run(config, metric, settings)
            rows.append((lesson, seed, app, plain))
            print(
                f"{lesson.id} seed {seed}: playground {app['value']:.4f} ({app['seconds']:.0f} s, "
                f"{app['epochs']} epochs), plain Keras {plain['value']:.4f} "
                f"({plain['seconds']:.0f} s, {plain['epochs']} epochs)",
                flush=True,
            )
    print()
    print(
        "| lesson | seed | metric | playground | plain Keras | course | promised | in range | time ratio |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for lesson, seed, app, plain in rows:
        expect = lesson.expect
        course = "—" if expect.course is None else f"{expect.course:g}"
        inside = "yes" if expect.low <= app["value"] <= expect.high else "NO"
        print(
            f"| {lesson.id} | {seed} | {expect.metric} | {app['value']:.4f} | {plain['value']:.4f} | "
            f"{course} | {expect.low:g}–{expect.high:g} | {inside} | "
            f"{app['seconds'] / plain['seconds']:.2f}× |"
        )
    if rows:
        ratios = [app["seconds"] / plain["seconds"] for _, _, app, plain in rows]
        print(f"\nmedian time ratio playground / plain Keras: {statistics.median(ratios):.2f}×")


if __name__ == "__main__":
    main()
