"""How long one refresh of the Teacher page takes with a full board.

A class of 100 browsers, 2,000 kept runs of 60 epochs each (the board's
`MAX_KEPT_JOBS`) and 100 more queued: times the board's class-wide rows
(first refresh, then the next ones, which reuse the rows of ended runs),
the queue with its waits, and the whole page's script run (AppTest, with
the in-process test backend holding that board).

Run: `python bench/teacher_refresh.py` (a few seconds). Prints milliseconds.
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("PLAYGROUND_RUNS_DIR", "/tmp/playground-bench-teacher")

from playground.board import MAX_KEPT_JOBS  # noqa: E402
from playground.config import DataConfig, ExperimentConfig, LayerConfig  # noqa: E402
from playground.runs import EpochEnded, RunFinished, RunStarted, RunSummary  # noqa: E402
from playground.scheduling import Trainer  # noqa: E402

STUDENTS, EPOCHS, QUEUED = 100, 60, 100
TOKEN = "bench-token"


def fill(board) -> None:
    """MAX_KEPT_JOBS ended runs with full histories, then QUEUED queued ones."""
    rng = random.Random(0)
    for n in range(MAX_KEPT_JOBS + QUEUED):
        owner = f"browser-{n % STUDENTS}"
        config = ExperimentConfig(
            data=DataConfig(name="moons", n_samples=200),
            layers=[LayerConfig(rng.choice([4, 8, 16, 32]), "relu")] * rng.randint(1, 3),
            learning_rate=rng.choice([0.001, 0.01, 0.1]),
            optimizer=rng.choice(["adam", "sgd", "rmsprop"]),
            epochs=EPOCHS,
        )
        job_id = board.submit(config, owner, lesson=f"lesson-{n % 3}")
        if n >= MAX_KEPT_JOBS:
            continue
        board.next_job(set())
        board.apply(RunStarted(job_id))
        for epoch in range(1, EPOCHS + 1):
            logs = {"epoch": epoch, "loss": 0.5, "val_loss": 0.6, "accuracy": 0.8}
            board.apply(EpochEnded(job_id, epoch, {**logs, "val_accuracy": rng.random()}))
        summary = RunSummary(
            dataset="moons",
            task="binary",
            kind="points2d",
            class_names=["0", "1"],
            n_test=200,
            config=config,
            test={"loss": 0.4, "accuracy": rng.random()},
            epochs_run=EPOCHS,
            seconds={"fit": 3.0},
        )
        board.apply(RunFinished(job_id, "", summary))
    for n in range(STUDENTS):
        board.set_nickname(f"browser-{n}", f"student nick {n}")


def timed(function, repeats: int = 5) -> tuple[float, float]:
    """(first call, median of the next ones) in milliseconds."""
    times = []
    for _ in range(repeats + 1):
        start = time.perf_counter()
        function()
        times.append(1000 * (time.perf_counter() - start))
    return times[0], statistics.median(times[1:])


def main() -> None:
    os.environ["PLAYGROUND_BACKEND"] = "tests.fake_backend:FakeBackend"
    os.environ["PLAYGROUND_TEACHER_TOKEN"] = TOKEN
    from streamlit.testing.v1 import AppTest

    from playground.class_chart import class_runs_figure
    from playground.classroom import leaderboard
    from tests import fake_backend
    from ui.teacher_views import RESULTS_REFRESH_SECONDS, TEACHER_REFRESH_SECONDS

    at = AppTest.from_file(
        str(Path(__file__).resolve().parent.parent / "app.py"), default_timeout=120
    )
    at.run()
    backend = fake_backend.created[-1]
    fill(backend.board)
    trainers = [Trainer(30.0, "browser-1"), Trainer(10.0, "browser-2")]
    runs_first, runs_next = timed(backend.board.class_runs)
    queue_first, queue_next = timed(lambda: backend.board.class_queue(trainers, time.time()))
    at.switch_page("pages/teacher.py").run()
    at.text_input(key="teacher_token_input").input(TOKEN)
    at.button[0].click().run()
    assert not at.exception, at.exception
    page_first, page_next = timed(at.run, repeats=3)
    print(f"board: {len(backend.board.class_runs())} runs, {QUEUED} queued, {STUDENTS} students")
    print(f"class rows      first {runs_first:7.1f} ms   next {runs_next:7.1f} ms")
    print(f"queue + waits   first {queue_first:7.1f} ms   next {queue_next:7.1f} ms")
    live = [c.value for c in at.caption if "this view took" in c.value]
    rows = backend.board.class_runs()
    results_first, results_next = timed(
        lambda: (class_runs_figure(rows, "learning_rate", str), leaderboard(rows)), repeats=3
    )
    print(f"whole page run  first {page_first:7.1f} ms   next {page_next:7.1f} ms (AppTest)")
    print(f"  the {TEACHER_REFRESH_SECONDS:g} s fragment (table, queue): {live[0]}")
    print(
        f"  the {RESULTS_REFRESH_SECONDS:g} s fragment's chart + leaderboard: "
        f"first {results_first:.1f} ms, next {results_next:.1f} ms"
    )


if __name__ == "__main__":
    main()
