"""A fresh server's first MNIST run against its later ones, and against plain Keras.

Usage:
    PLAYGROUND_DATA_DIR=../shared/data python bench/first_run.py [--rounds 3] [--runs 3]
        [--epochs 2] [--n-samples 0] [--pool-size N] [--busy N]

Each round starts a fresh `streamlit run app.py` (devtools/streamlit_server.py)
and, as soon as it answers its health check, a browser session speaking
Streamlit's protocol (devtools/streamlit_client.py) opens /train with a link to
the course's MNIST MLP (784-128-10, Adam, batch 32, all 60,000 images by
default, 2 epochs) and presses Train at once, as a teacher does in front of a
class. When that run has finished it presses Train again, `--runs` times in
all. For every run it reports, from the click:

- first epoch: the trainer's first epoch-end event (jobs.jsonl first_epoch_at);
- finished: the job's end (jobs.jsonl finished_at);
- page: when the page itself showed "Finished after" (refreshes included);
- where the time before the first epoch went: waiting for a trainer
  (started_at - click), and the worker's load / build / fit phases;
- for the first run, the CPU seconds the server and its workers spent from
  the server's start to the first epoch: unlike wall time, this hardly
  depends on what else the machine is doing.

--busy N keeps N processes spinning on the CPU (at normal priority) during
each round, as a server that also runs other work would: the first run's
wall time then shows what its CPU seconds cost when cores are not free.

Plain Keras runs in the same round, before the server starts, as a fresh
subprocess (`python -c ...`): import Keras, `np.load` MNIST, `/ 255.0`, build,
compile and fit the same model with the same batch size, split and epochs;
it reports its process start -> first epoch end and its steady epoch.

Ratios printed: first run / later runs (click -> first epoch, median over the
later runs), and first run / plain Keras's process start -> first epoch.
The machine's speed drifts, so use --rounds and read the medians.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.classroom import FINISHED_TEXT, cpu_seconds, mnist_mlp, query_string, read_jobs_log, row  # noqa: E402
from devtools.streamlit_client import StreamlitClient  # noqa: E402
from devtools.streamlit_server import REPO_ROOT, descendants, start_server  # noqa: E402
from playground import datasets  # noqa: E402

RUN_TIMEOUT_S = 600.0

PLAIN_KERAS = """
import time, sys
started = float(sys.argv[1])
import numpy as np
import keras
with np.load(sys.argv[2]) as mnist:
    x, y = mnist["x_train"][:{n}] / 255.0, mnist["y_train"][:{n}]
ends = []
class Clock(keras.callbacks.Callback):
    def on_epoch_end(self, epoch, logs=None):
        ends.append(time.time())
model = keras.Sequential([keras.Input((28, 28)), keras.layers.Flatten(),
                          keras.layers.Dense(128, activation="relu"),
                          keras.layers.Dense(10, activation="softmax")])
model.compile(optimizer=keras.optimizers.Adam(0.001), loss="sparse_categorical_crossentropy",
              metrics=["accuracy"])
model.fit(x, y, epochs={epochs}, batch_size=32, validation_split=0.2, verbose=0,
          callbacks=[Clock()])
print(ends[0] - started, (ends[-1] - ends[0]) / max(1, len(ends) - 1))
"""


@dataclass
class RunTimes:
    first_epoch: float
    finished: float
    page: float | None
    waited_for_trainer: float
    phases: dict = field(default_factory=dict)
    cpu_to_first_epoch: float | None = None  # server + workers, from the server's start


@dataclass
class Round:
    plain_first_epoch: float
    plain_epoch: float
    runs: list[RunTimes] = field(default_factory=list)
    server_up_to_click: float = 0.0


def plain_keras(epochs: int, n_samples: int) -> tuple[float, float]:
    """Seconds from a fresh process's start to its first epoch's end, and one steady epoch."""
    path = datasets.find_data_file("mnist.npz")
    code = PLAIN_KERAS.format(n=n_samples or "None", epochs=max(2, epochs))
    env = {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "2"}
    out = subprocess.run(
        [sys.executable, "-c", code, repr(time.time()), str(path)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    first, steady = map(float, out.stdout.split()[-2:])
    return first, steady


def tree_cpu_seconds(pid: int) -> float:
    """CPU seconds of a process and its descendants, ended ones included."""
    return cpu_seconds(pid, reaped_children=True) + sum(
        cpu_seconds(child, reaped_children=True) for child in descendants(pid)
    )


async def train_once(
    tab: StreamlitClient, server, done_before: int, track_cpu: bool = False
) -> RunTimes:
    jobs_log = server.jobs_log
    clicked = time.time()
    await tab.click("train_button")
    page_at = None
    cpu_samples = []  # (time, CPU seconds of the server and its workers so far)
    deadline = time.monotonic() + RUN_TIMEOUT_S
    while time.monotonic() < deadline:
        if track_cpu:
            cpu_samples.append((time.time(), tree_cpu_seconds(server.pid)))
        if page_at is None and tab.shows(FINISHED_TEXT):
            page_at = time.time()
        records = read_jobs_log(jobs_log)
        if len(records) > done_before and page_at is not None:
            break
        await asyncio.sleep(0.1)
    records = read_jobs_log(jobs_log)
    if len(records) <= done_before:
        raise RuntimeError(f"the run did not end in {RUN_TIMEOUT_S:.0f} s; page: {tab.texts()}")
    record = records[done_before]
    if record["status"] != "finished" or record["first_epoch_at"] is None:
        raise RuntimeError(f"the run ended as {record['status']} ({record['error']})")
    cpu_at_first_epoch = next(
        (cpu for at, cpu in cpu_samples if at >= record["first_epoch_at"]), None
    )
    return RunTimes(
        first_epoch=record["first_epoch_at"] - clicked,
        finished=record["finished_at"] - clicked,
        page=None if page_at is None else page_at - clicked,
        waited_for_trainer=record["started_at"] - clicked,
        phases=record.get("seconds") or {},
        cpu_to_first_epoch=cpu_at_first_epoch,
    )


async def serve_a_teacher(server, runs: int, query: str) -> list[RunTimes]:
    times = []
    async with StreamlitClient(server.url, request_timeout=RUN_TIMEOUT_S) as tab:
        await tab.open("train", query)
        for number in range(runs):
            # Clear the previous run's "Finished after" so this run's is its own.
            if number:
                await tab.open("train", query)
            times.append(await train_once(tab, server, number, track_cpu=number == 0))
    return times


def one_round(args) -> Round:
    spinners = [
        subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(args.busy)
    ]
    try:
        plain_first, plain_epoch = plain_keras(args.epochs, args.n_samples)
        env = {"PLAYGROUND_POOL_SIZE": str(args.pool_size)} if args.pool_size else {}
        launched = time.time()
        server = start_server(env=env)
        try:
            bench_round = Round(plain_first, plain_epoch, server_up_to_click=time.time() - launched)
            query = query_string(mnist_mlp(n_samples=args.n_samples, epochs=args.epochs))
            bench_round.runs = asyncio.run(serve_a_teacher(server, args.runs, query))
        finally:
            server.stop()
    finally:
        for spinner in spinners:
            spinner.kill()
            spinner.wait()
    return bench_round


def describe(run: RunTimes) -> str:
    phases = " · ".join(f"{name} {seconds:.2f}" for name, seconds in run.phases.items())
    page = f"{run.page:.1f}" if run.page is not None else "—"
    cpu = f" · CPU to first epoch {run.cpu_to_first_epoch:.1f} s" if run.cpu_to_first_epoch else ""
    return (
        f"first epoch {run.first_epoch:6.2f} s · finished {run.finished:6.2f} s · page {page} s"
        f" · waited for a trainer {run.waited_for_trainer:5.2f} s{cpu} · {phases}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="fresh servers, one after another")
    parser.add_argument("--runs", type=int, default=3, help="Train clicks on each server")
    parser.add_argument("--epochs", type=int, default=2)
    parser.add_argument("--n-samples", type=int, default=0, help="MNIST training rows (0 = all)")
    parser.add_argument("--pool-size", type=int, default=None)
    parser.add_argument(
        "--busy", type=int, default=0, help="processes kept spinning on the CPU during each round"
    )
    args = parser.parse_args()
    if datasets.find_data_file("mnist.npz") is None:
        print("mnist.npz not found: set PLAYGROUND_DATA_DIR (for example ../shared/data)")
        return 1

    rounds = []
    for number in range(1, args.rounds + 1):
        bench_round = one_round(args)
        rounds.append(bench_round)
        print(
            f"round {number}: plain Keras: process start -> first epoch "
            f"{bench_round.plain_first_epoch:.2f} s, steady epoch {bench_round.plain_epoch:.2f} s; "
            f"server start -> page ready {bench_round.server_up_to_click:.1f} s"
        )
        for index, run in enumerate(bench_round.runs, start=1):
            print(f"  run {index}: {describe(run)}")
        sys.stdout.flush()

    first = [r.runs[0].first_epoch for r in rounds]
    later = [run.first_epoch for r in rounds for run in r.runs[1:]]
    first_done = [r.runs[0].finished for r in rounds]
    later_done = [run.finished for r in rounds for run in r.runs[1:]]
    plain = [r.plain_first_epoch for r in rounds]
    first_cpu = [r.runs[0].cpu_to_first_epoch for r in rounds if r.runs[0].cpu_to_first_epoch]
    median = statistics.median
    print()
    print(
        f"Medians over {len(rounds)} fresh server(s), MNIST {args.n_samples or 'all'} rows, "
        f"batch 32, {args.epochs} epochs, {args.busy} busy processes:"
    )
    print(row("first run: click -> first epoch", f"{median(first):.2f} s"))
    print(row("first run: click -> finished", f"{median(first_done):.2f} s"))
    if first_cpu:
        print(
            row("first run: CPU, start -> epoch 1", f"{median(first_cpu):.1f} s (server + workers)")
        )
    if later:
        print(row("later runs: click -> first epoch", f"{median(later):.2f} s"))
        print(row("later runs: click -> finished", f"{median(later_done):.2f} s"))
        print(row("ratio first / later (first epoch)", f"{median(first) / median(later):.2f}"))
    print(row("plain Keras: start -> first epoch", f"{median(plain):.2f} s"))
    print(row("plain Keras: steady epoch", f"{median(r.plain_epoch for r in rounds):.2f} s"))
    print(row("ratio first run / plain Keras", f"{median(first) / median(plain):.2f}"))
    print(
        json.dumps(
            {
                "first": first,
                "later": later,
                "first_done": first_done,
                "later_done": later_done,
                "plain": plain,
                "first_cpu": first_cpu,
            }
        )
    )
    return 0


if __name__ == "__main__":
    os.chdir(REPO_ROOT)
    sys.exit(main())
