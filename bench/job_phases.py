"""Where one trainer's CPU goes on identical MNIST 2-epoch jobs, with and without the compile cache.

Usage:
    PLAYGROUND_DATA_DIR=../shared/data python bench/job_phases.py [--jobs 4]

One warm trainer (this process, 1 TensorFlow thread, as a class's worker)
runs `--jobs` identical jobs (the course's MNIST MLP, all 60,000 images,
2 epochs) with PLAYGROUND_COMPILE_CACHE=0, then `--jobs` more with the
cache on. Each job is timed in CPU seconds of this process (what the other
load of a shared machine does not add to) and in wall seconds: in all,
and up to its first epoch event. The first job of each block also loads
and compiles; the medians are of the others. Runs per CPU-minute is 60
over a job's CPU seconds.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

from bench.classroom import mnist_mlp  # noqa: E402
from playground import trainer  # noqa: E402
from playground.runs import EpochEnded, RunFinished, RunOrder  # noqa: E402
from playground.settings import Settings  # noqa: E402


def one_job(settings: Settings, number: int) -> dict:
    folder = tempfile.mkdtemp(prefix="job-phases-")
    started, cpu_started = time.perf_counter(), time.process_time()
    first_epoch: dict = {}
    events = []

    def emit(event):
        if isinstance(event, EpochEnded) and not first_epoch:
            first_epoch["wall"] = time.perf_counter() - started
            first_epoch["cpu"] = time.process_time() - cpu_started
        events.append(event)

    order = RunOrder(f"job-{number}", mnist_mlp(epochs=2), folder, True)
    trainer.run_job(order, emit, settings, should_stop=lambda: False)
    if not isinstance(events[-1], RunFinished):
        raise SystemExit(f"the job ended with {events[-1]}")
    return {
        "wall": time.perf_counter() - started,
        "cpu": time.process_time() - cpu_started,
        "first_epoch_wall": first_epoch["wall"],
        "first_epoch_cpu": first_epoch["cpu"],
        "phases": events[-1].summary.seconds,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=4)
    args = parser.parse_args()
    trainer.use_threads(1)
    print(subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip())
    for name, entries in (("cache off", 0), ("cache on", Settings.compile_cache)):
        settings = dataclasses.replace(Settings.from_env(), compile_cache=entries)
        jobs = [one_job(settings, number) for number in range(args.jobs)]
        for number, job in enumerate(jobs):
            print(
                f"{name} job {number}: CPU {job['cpu']:.2f} s (first epoch at "
                f"{job['first_epoch_cpu']:.2f} s), wall {job['wall']:.2f} s (first epoch at "
                f"{job['first_epoch_wall']:.2f} s), phases {job['phases']}",
                flush=True,
            )
        warm = jobs[1:] or jobs
        cpu = statistics.median(job["cpu"] for job in warm)
        first = statistics.median(job["first_epoch_cpu"] for job in warm)
        print(
            f"{name}: median CPU per job {cpu:.2f} s = {60 / cpu:.1f} runs per CPU-minute; "
            f"CPU until the first epoch {first:.2f} s"
        )
    print(subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip())


if __name__ == "__main__":
    main()
