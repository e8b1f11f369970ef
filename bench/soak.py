"""Many training jobs in a row from one browser session: does the server's memory creep?

Usage:
    PLAYGROUND_DATA_DIR=../shared/data python bench/soak.py [--jobs 100] [--warmup 5]
        [--dataset moons|mnist] [--pool-size N]

Starts `streamlit run app.py`, opens one student's Train page with a small
experiment (moons, 200 points, 2 epochs; or --dataset mnist: 2,000 MNIST
images, 784-128-10, 2 epochs) and runs --jobs jobs one after the other: click
Train, wait until the job's line in <runs dir>/jobs.jsonl says it has ended
and the page shows "Finished after", click Train again. The student is a
browser session speaking Streamlit's websocket protocol
(devtools/streamlit_client.py), with the page's progress refreshes.

It reports the resident memory of the server process alone (not its
workers) after the first job, after --warmup jobs (the baseline), after the
last job and its peak (sampled every 0.5 s from /proc), the growth from the
baseline to the end against the target of <= 150 MB (PASS/FAIL), the
workers' memory after the first and the last job, jobs finished and not
finished (jobs.jsonl) and the total time. If a job fails or its page does not
show it finished, the soak stops and says so: that is a bug in the app.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.classroom import (  # noqa: E402
    FINISHED_TEXT,
    MB,
    ProcessTreeSampler,
    bench_against_a_server,
    descendants_rss_bytes,
    describe_seconds,
    mnist_mlp,
    moons,
    query_string,
    read_jobs_log,
    row,
    server_log_problems,
    target_row,
)
from devtools.streamlit_client import StreamlitClient  # noqa: E402
from devtools.streamlit_server import StreamlitServer, rss_bytes  # noqa: E402

GROWTH_TARGET_BYTES = 150 * MB


class SoakStopped(Exception):
    """The page did not run the next job: the soak cannot go on."""


@dataclass
class Memory:
    server: int
    workers: int

    @classmethod
    def of(cls, server: StreamlitServer) -> Memory:
        return cls(server=rss_bytes(server.pid), workers=descendants_rss_bytes(server.pid))


@dataclass
class Soak:
    job_seconds: list[float] = field(default_factory=list)  # Train click -> finished on the page
    status_seconds: list[float] = field(default_factory=list)  # Train click -> the server's answer
    memory: dict[str, Memory] = field(default_factory=dict)  # "first", "baseline", "end"
    stopped_because: str | None = None
    total_seconds: float = 0.0


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--jobs", type=int, default=100)
    parser.add_argument(
        "--warmup", type=int, default=5, help="jobs before the baseline memory is taken"
    )
    parser.add_argument("--dataset", choices=("moons", "mnist"), default="moons")
    parser.add_argument(
        "--pool-size",
        type=int,
        default=None,
        help="PLAYGROUND_POOL_SIZE for the server (default: the app's default)",
    )
    parser.add_argument(
        "--streamlit-arg",
        action="append",
        default=[],
        metavar="ARG",
        help="extra `streamlit run` option, e.g. --streamlit-arg=--runner.postScriptGC=true"
        " (repeatable)",
    )
    parser.add_argument(
        "--job-timeout",
        type=float,
        default=300.0,
        help="seconds one job may take before the soak gives up",
    )
    args = parser.parse_args()
    if not 1 <= args.warmup < args.jobs:
        parser.error("--warmup must be at least 1 and less than --jobs")
    return args


async def wait_for_log_record(jobs_log: Path, number: int, deadline: float) -> dict | None:
    """The `number`-th record of jobs.jsonl (1-based), once it is there."""
    while time.monotonic() < deadline:
        records = read_jobs_log(jobs_log)
        if len(records) >= number:
            return records[number - 1]
        await asyncio.sleep(0.2)
    return None


async def run_one_job(
    tab: StreamlitClient, jobs_log: Path, number: int, soak: Soak, timeout_s: float
) -> str:
    """Clicks Train and waits until the job has ended and its page shows it; its status."""
    started = time.monotonic()
    deadline = started + timeout_s
    soak.status_seconds.append((await tab.click("train_button")).seconds)
    record = await wait_for_log_record(jobs_log, number, deadline)
    if record is None:
        raise SoakStopped(
            f"job {number} did not end within {timeout_s:.0f} s of Train; "
            f"the page shows: {tab.texts()}"
        )
    if record["status"] != "finished":
        raise SoakStopped(f"job {number} ended {record['status']}: {record['error']}")
    if not await tab.wait_until_shown(FINISHED_TEXT, max(1.0, deadline - time.monotonic())):
        raise SoakStopped(f"job {number} finished but its page never showed it: {tab.texts()}")
    soak.job_seconds.append(time.monotonic() - started)
    return record["status"]


async def run_soak(server: StreamlitServer, args: argparse.Namespace) -> Soak:
    config = mnist_mlp(n_samples=2000) if args.dataset == "mnist" else moons(n_samples=200)
    soak = Soak()
    async with StreamlitClient(server.url) as tab:
        await tab.open("train", query_string(config))
        started = time.monotonic()
        try:
            for number in range(1, args.jobs + 1):
                await run_one_job(tab, server.jobs_log, number, soak, args.job_timeout)
                for moment, after_job in (
                    ("first", 1),
                    ("baseline", args.warmup),
                    ("end", args.jobs),
                ):
                    if number == after_job:
                        soak.memory[moment] = Memory.of(server)
                if number % 10 == 0:
                    print(
                        f"  {number} jobs, server {rss_bytes(server.pid) / MB:.0f} MB", flush=True
                    )
        except (SoakStopped, LookupError, TimeoutError, ConnectionError) as stop:
            soak.stopped_because = str(stop)
            soak.memory["end"] = Memory.of(server)
        soak.total_seconds = time.monotonic() - started
    return soak


def print_memory(soak: Soak, sampler: ProcessTreeSampler, args: argparse.Namespace) -> None:
    def megabytes(moment: str, part: str) -> str:
        memory = soak.memory.get(moment)
        return f"{getattr(memory, part) / MB:.0f} MB" if memory else "n/a"

    print(row("server RSS after job 1", megabytes("first", "server")))
    print(
        row(f"server RSS after job {args.warmup}", f"{megabytes('baseline', 'server')}  (baseline)")
    )
    print(row("server RSS at the end", megabytes("end", "server")))
    print(row("server RSS peak", f"{sampler.peak_root_bytes / MB:.0f} MB"))
    print(row("workers RSS after job 1", megabytes("first", "workers")))
    print(row("workers RSS at the end", megabytes("end", "workers")))


def report(
    soak: Soak,
    server: StreamlitServer,
    sampler: ProcessTreeSampler,
    leftovers: list[str],
    args: argparse.Namespace,
) -> None:
    records = read_jobs_log(server.jobs_log)
    finished = sum(r["status"] == "finished" for r in records)
    others = [
        f"{r['id']} {r['status']} ({r['error']})" for r in records if r["status"] != "finished"
    ]
    tracebacks, exceptions = server_log_problems(server.runs_dir / "streamlit.log")

    print()
    print(
        f"Soak: {args.jobs} jobs of {args.dataset} in one browser session; pool size "
        f"{args.pool_size or 'default'}"
    )
    if args.streamlit_arg:
        print(row("streamlit options", " ".join(args.streamlit_arg)))
    print(row("runs dir", server.runs_dir))
    if soak.stopped_because:
        print(row("STOPPED EARLY", soak.stopped_because))
    print(row("jobs finished (jobs.jsonl)", f"{finished} / {args.jobs}"))
    print(row("jobs not finished", f"{len(others)}  {', '.join(others)}"))
    print(row("total time", f"{soak.total_seconds:.1f} s"))
    print(row("per job (Train -> Finished)", describe_seconds(soak.job_seconds)))
    print(row("Train -> server answer", describe_seconds(soak.status_seconds)))
    print_memory(soak, sampler, args)
    print(row("server log tracebacks", f"{tracebacks}  {'; '.join(exceptions)}"))
    print(
        row(
            "server descendants seen",
            f"{len(sampler.seen_descendants())}; alive after stop: {len(leftovers)}",
        )
    )
    for line in leftovers:
        print(f"      {line}")
    print()
    print("Target")
    if "baseline" in soak.memory and "end" in soak.memory:
        growth = soak.memory["end"].server - soak.memory["baseline"].server
        print(
            target_row(
                f"server growth <= {GROWTH_TARGET_BYTES / MB:.0f} MB",
                f"{growth / MB:+.0f} MB",
                growth <= GROWTH_TARGET_BYTES,
            )
        )
    else:
        print(
            target_row(
                f"server growth <= {GROWTH_TARGET_BYTES / MB:.0f} MB",
                "no baseline (stopped during the warm-up)",
                False,
            )
        )


def main() -> int:
    args = parse_args()
    return bench_against_a_server(
        lambda server: run_soak(server, args),
        lambda soak, server, sampler, leftovers: report(soak, server, sampler, leftovers, args),
        pool_size=args.pool_size,
        streamlit_args=args.streamlit_arg,
    )


if __name__ == "__main__":
    sys.exit(main())
