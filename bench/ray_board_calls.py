"""How many calls a second the Ray backend's class board answers: the first limit of a big class.

Usage:
    python bench/ray_board_calls.py [--students 200] [--seconds 8] [--clients 1 2 4]

Starts a one-node Ray cluster with no CPU for trainers (devtools/ray_cluster.py),
so every job stays queued and only the board works; gives each of `--students`
owners one job with a 60-epoch history (what a page receives for a trained
run), then lets `--clients` processes (each a web replica's connection, with
8 threads, as Streamlit's sessions call from their own threads) call for
`--seconds`, each call picked as a page picks them: the job
(`snapshot`, the Train page, every 0.5-1 s), the browser's jobs (`jobs_of`,
the sidebar, every 2 s) and the wait (`estimated_wait`). It prints calls/s
and the latency per call, next to a plain-Keras-free reference: the same
calls on a `JobBoard` in this process (what the local backend pays).
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import random
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.classroom import describe_seconds  # noqa: E402
from devtools.ray_cluster import LocalRayCluster  # noqa: E402
from playground.board import JobBoard  # noqa: E402
from playground.config import ExperimentConfig  # noqa: E402
from playground.runs import EpochEnded  # noqa: E402
from playground.scheduling import Trainer  # noqa: E402
from playground.settings import Settings  # noqa: E402

THREADS_PER_CLIENT = 8
HISTORY = [
    {"epoch": n, "loss": 0.5, "accuracy": 0.9, "val_loss": 0.6, "val_accuracy": 0.85}
    for n in range(1, 61)
]


def fill(call, students: int) -> list[tuple[str, str]]:
    """One job per student, each with a 60-epoch history; returns (job id, owner) pairs."""
    jobs = []
    for number in range(students):
        owner = f"student-{number}"
        job_id = call("submit", ExperimentConfig(), owner)
        for logs in HISTORY:
            call("apply", EpochEnded(job_id, logs["epoch"], logs))
        jobs.append((job_id, owner))
    return jobs


def one_page_call(backend, job_id: str, owner: str) -> None:
    kind = random.random()
    if kind < 0.6:
        backend.snapshot(job_id)
    elif kind < 0.9:
        backend.jobs_of(owner)
    else:
        backend.estimated_wait(job_id)


def client(address: str, jobs, seconds: float, results) -> None:
    """One replica's process: THREADS_PER_CLIENT threads calling as fast as they can."""
    from playground.ray_backend import RayBackend

    backend = RayBackend(Settings(backend="ray", pool_size=1), address=address)
    latencies: list[float] = []
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def work():
        mine = []
        while time.monotonic() < deadline:
            job_id, owner = random.choice(jobs)
            started = time.perf_counter()
            one_page_call(backend, job_id, owner)
            mine.append(time.perf_counter() - started)
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=work) for _ in range(THREADS_PER_CLIENT)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    results.put(latencies)


def measure(address: str, jobs, clients: int, seconds: float) -> tuple[float, list[float]]:
    context = multiprocessing.get_context("spawn")
    results = context.Queue()
    processes = [
        context.Process(target=client, args=(address, jobs, seconds, results))
        for _ in range(clients)
    ]
    for process in processes:
        process.start()
    latencies = [value for _ in processes for value in results.get(timeout=seconds + 120)]
    for process in processes:
        process.join(30)
    return len(latencies) / seconds, latencies


def in_process_reference(students: int, seconds: float = 2.0) -> float:
    board = JobBoard()
    jobs = fill(lambda method, *args: getattr(board, method)(*args), students)

    class Local:
        snapshot = staticmethod(board.view)
        jobs_of = staticmethod(board.views_of)

        @staticmethod
        def estimated_wait(job_id):
            return board.estimated_wait(job_id, [Trainer(10.0), Trainer(10.0)])

    calls, deadline = 0, time.monotonic() + seconds
    while time.monotonic() < deadline:
        one_page_call(Local, *random.choice(jobs))
        calls += 1
    return calls / seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--students", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=8.0)
    parser.add_argument("--clients", type=int, nargs="+", default=[1, 2, 4])
    args = parser.parse_args()
    print(f"load before: {os.getloadavg()}; {os.cpu_count()} cores")
    print(f"JobBoard in this process: {in_process_reference(args.students):,.0f} calls/s")
    with LocalRayCluster(nodes=1, cpus_per_node=0) as cluster:
        from playground.ray_backend import RayBackend

        backend = RayBackend(Settings(backend="ray", pool_size=1), address=cluster.address)
        jobs = fill(backend._call, args.students)
        print(f"{args.students} students, each with one job of 60 epochs of history")
        for clients in args.clients:
            rate, latencies = measure(cluster.address, jobs, clients, args.seconds)
            print(
                f"  {clients} replica process(es) x {THREADS_PER_CLIENT} threads: "
                f"{rate:,.0f} calls/s; latency {describe_seconds(latencies)}"
            )
        backend.close_class()
        backend.shutdown()
    print(f"load after: {os.getloadavg()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
