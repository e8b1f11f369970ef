"""A class of students pressing Train at the same moment, against a real server.

Usage:
    PLAYGROUND_DATA_DIR=../shared/data python bench/classroom_load.py [--students 30]
        [--epochs 2] [--timeout 900] [--pool-size N] [--quick] [--no-browser]
        [--backend local|ray]

--backend ray runs the same class through HAProxy (deploy/haproxy.cfg) and two
web replicas onto a Ray cluster started here (one node with --ray-cpus CPUs,
default 2: the same cores as the local pool), all stopped by PID at the end
(bench/ray_stack.py); memory is then that of every process of the stack.

Starts `streamlit run app.py` (the app's default class settings unless
--pool-size is given; PLAYGROUND_DATA_DIR is passed through). Each student is
a browser session that speaks Streamlit's own websocket protocol
(devtools/streamlit_client.py): it opens the Train page with the MNIST MLP
(784-128-10, Adam, 2 epochs, all 60,000 images) given by URL. First one
tiny warm-up job runs, as a teacher trying the app before class would, so the
workers have loaded TensorFlow. Then, once every
student has loaded it, all of them press Train together, then keep the page
open, its progress refreshing as a browser's would, until it shows
"Finished after", the jobs log says every job has ended, or --timeout.
--quick trains on 2,000 MNIST images instead, for a fast check.

Why not 30 real browsers: in a class each browser runs on its student's own
laptop; here all of them would share the server's 2 cores, and 30 headless
Chromium renderers alone fill both (measured: the workers starved, jobs took
30-40 s each). The protocol clients send exactly the requests the frontend
sends and cost the server the same; what they skip is the drawing, which is
the laptop's work. One extra student (the probe) also opens the app in a real
headless Chromium (unless --no-browser) and clicks between the Model and
Train pages, timed inside the page, to show what a student sees.

It reports:
- jobs finished and failed (from <runs dir>/jobs.jsonl) and students whose
  page never showed "Finished after";
- queue wait p50/p95 (jobs.jsonl queue_wait_s), and the time from the clicks
  to the first job's start and to the last job's end;
- page response while the class trains, p50/p95, from sending a request to the
  server's answer (script_finished): each student's click on Train, every
  progress refresh of the students' pages, and a protocol probe student who
  switches between the Model and Train pages every 2 s; then the real-browser
  probe's page switches, from the click to the first frame showing the page;
- the peak resident memory of the server and all its workers together,
  sampled every 0.5 s from /proc, and of the server alone;
- after the server is stopped (SIGTERM), any of its processes still alive;
- PASS/FAIL against the targets: no failures, page response p95 <= 1.5 s,
  memory <= 8 GB.

Exit code 0 whatever the figures (it is a benchmark), 1 if the server did not start.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import time
from contextlib import AsyncExitStack
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.classroom import (  # noqa: E402
    FINISHED_TEXT,
    GB,
    MB,
    ProcessTreeSampler,
    bench_against_a_server,
    chromium_page,
    cpu_seconds,
    describe_seconds,
    mnist_mlp,
    moons,
    percentiles,
    query_string,
    read_jobs_log,
    row,
    server_log_problems,
    sleep_unless,
    target_row,
    timed_navigation,
)
from devtools.streamlit_client import Response, StreamlitClient  # noqa: E402
from devtools.streamlit_server import StreamlitServer, descendants  # noqa: E402

RESPONSE_P95_TARGET_S = 1.5
MEMORY_TARGET_BYTES = 8 * GB
REQUEST_TIMEOUT_S = 60.0
NAVIGATION_TIMEOUT_S = 30.0
# After every job is in jobs.jsonl, a page gets this long to show its end.
END_GRACE_S = 20.0
PROBE_PAGES = (("model", "page.model", "model.title"), ("train", "page.train", "train.title"))


@dataclass
class Student:
    number: int
    tab: StreamlitClient
    load_error: str | None = None
    click: Response | None = None
    page_finished: bool = False
    last_texts: list[str] = field(default_factory=list)


@dataclass
class ClassRun:
    students: list[Student]
    warm_up_seconds: float = 0.0
    clicked_at: float = 0.0  # time.time()
    ended_at: float = 0.0
    protocol_navigation: list[Response] = field(default_factory=list)
    browser_navigation: list[float] = field(default_factory=list)
    browser_timeouts: int = 0
    probe_errors: list[str] = field(default_factory=list)
    cpu_seconds: dict[str, float] = field(default_factory=dict)  # by role, clicks to end

    def student_responses(self, kind: str) -> list[float]:
        return [
            r.seconds
            for s in self.students
            for r in s.tab.responses
            if r.kind == kind and self.clicked_at <= r.sent_at <= self.ended_at
        ]

    def server_responses(self) -> list[float]:
        return (
            self.student_responses("click")
            + self.student_responses("fragment")
            + [r.seconds for r in self.protocol_navigation]
        )


class EndWatcher:
    """Watches jobs.jsonl; once it holds a record for every job, the pages still
    waiting get END_GRACE_S more, then `gave_up()` turns true (at once if the
    server has died)."""

    def __init__(self, server: StreamlitServer, jobs: int):
        self.server, self.jobs = server, jobs
        self.all_ended_at: float | None = None

    async def run(self) -> None:
        while self.all_ended_at is None:
            if self.server.process.poll() is not None:
                self.all_ended_at = time.monotonic() - END_GRACE_S
            elif len(read_jobs_log(self.server.jobs_log)) >= self.jobs + 1:  # + the warm-up
                self.all_ended_at = time.monotonic()
            await asyncio.sleep(1.0)

    def gave_up(self) -> bool:
        return self.all_ended_at is not None and time.monotonic() > self.all_ended_at + END_GRACE_S


def cpu_by_role_of(server) -> dict[str, float]:
    """CPU seconds used so far by each kind of process of a server or a Ray stack."""
    sampler = getattr(server, "sampler", None)
    return sampler.cpu_by_role() if sampler is not None else cpu_by_role(server.pid)


def cpu_by_role(server_pid: int) -> dict[str, float]:
    """CPU seconds used so far by the server, its workers (ended ones too), the
    simulated students (this process) and the probe's Chromium."""
    workers = descendants(server_pid)
    browser = [p for p in descendants(os.getpid()) if p != server_pid and p not in workers]
    ended_workers = cpu_seconds(server_pid, reaped_children=True) - cpu_seconds(server_pid)
    return {
        "server": cpu_seconds(server_pid),
        "workers": ended_workers + sum(cpu_seconds(p) for p in workers),
        "students (this bench)": cpu_seconds(os.getpid()),
        "probe's Chromium": sum(cpu_seconds(p, reaped_children=True) for p in browser),
    }


async def open_train_page(student: Student, query: str) -> None:
    try:
        await student.tab.connect()
        await student.tab.open("train", query)
        if student.tab.button_id("train_button") is None:
            student.load_error = f"no Train button; the page shows {student.tab.texts()}"
    except Exception as err:  # noqa: BLE001 - a page that does not load is a result, not a crash
        student.load_error = f"{type(err).__name__}: {err}"


async def train_until_finished(student: Student, deadline: float, ends: EndWatcher) -> None:
    try:
        student.click = await student.tab.click("train_button")
        while not student.tab.shows(FINISHED_TEXT) and time.monotonic() < deadline:
            if ends.gave_up():
                break
            await asyncio.sleep(0.25)
        student.page_finished = student.tab.shows(FINISHED_TEXT)
    except Exception as err:  # noqa: BLE001
        student.load_error = f"while training: {type(err).__name__}: {err}"
    student.last_texts = student.tab.texts()


async def probe_with_protocol(
    server_url: str, query: str, run: ClassRun, class_done: asyncio.Event
) -> None:
    """A student who has loaded the experiment and switches pages every 2 s."""
    async with StreamlitClient(server_url, REQUEST_TIMEOUT_S) as tab:
        await tab.open("train", query)
        while not class_done.is_set():
            for page_name, _, _ in PROBE_PAGES:
                try:
                    run.protocol_navigation.append(await tab.open(page_name))
                except Exception as err:  # noqa: BLE001
                    run.probe_errors.append(f"protocol probe: {type(err).__name__}: {err}")
                    return
            await sleep_unless(class_done, 2.0)


async def probe_with_browser(
    url: str, run: ClassRun, class_done: asyncio.Event, started: asyncio.Event
) -> None:
    """The same, in a real Chromium, timed from the click to the first frame of the page."""
    try:
        async with chromium_page(url) as page:
            await timed_navigation(page, "page.train", "train.title", NAVIGATION_TIMEOUT_S)
            started.set()
            while not class_done.is_set():
                for _, link_key, title_key in PROBE_PAGES:
                    seconds = await timed_navigation(
                        page, link_key, title_key, NAVIGATION_TIMEOUT_S
                    )
                    if seconds is None:
                        run.browser_timeouts += 1
                    else:
                        run.browser_navigation.append(seconds)
                await sleep_unless(class_done, 2.0)
    except Exception as err:  # noqa: BLE001
        run.probe_errors.append(f"browser probe: {type(err).__name__}: {str(err).splitlines()[0]}")
    finally:
        started.set()


async def warm_up(server_url: str) -> float:
    """Trains one tiny job, as a teacher trying the app before class would: the
    workers have loaded TensorFlow by then. Returns how long it took."""
    started = time.monotonic()
    async with StreamlitClient(server_url, REQUEST_TIMEOUT_S) as tab:
        await tab.open("train", query_string(moons(n_samples=200, epochs=1)))
        await tab.click("train_button")
        if not await tab.wait_until_shown(FINISHED_TEXT, timeout=180):
            raise RuntimeError(f"the warm-up job did not finish; the page shows {tab.texts()}")
    return time.monotonic() - started


async def run_class(server: StreamlitServer, args: argparse.Namespace) -> ClassRun:
    query = query_string(mnist_mlp(n_samples=2000 if args.quick else 0, epochs=args.epochs))
    run = ClassRun(
        students=[
            Student(n, StreamlitClient(server.url, REQUEST_TIMEOUT_S))
            for n in range(1, args.students + 1)
        ]
    )
    class_done = asyncio.Event()
    run.warm_up_seconds = await warm_up(server.url)
    print(f"Warm-up job finished after {run.warm_up_seconds:.1f} s.", flush=True)
    async with AsyncExitStack() as stack:
        for student in run.students:
            stack.push_async_callback(student.tab.close)
        browser_ready = asyncio.Event()
        probes = [asyncio.create_task(probe_with_protocol(server.url, query, run, class_done))]
        if args.browser:
            probes.append(
                asyncio.create_task(
                    probe_with_browser(
                        f"{server.url}/train?{query}", run, class_done, browser_ready
                    )
                )
            )
        else:
            browser_ready.set()
        print(f"Opening {args.students} students' Train pages ...", flush=True)
        await asyncio.gather(*(open_train_page(s, query) for s in run.students))
        await browser_ready.wait()
        loaded = [s for s in run.students if s.load_error is None]
        print(f"{len(loaded)} pages loaded; everyone presses Train now.", flush=True)

        run.clicked_at = time.time()
        cpu_at_clicks = cpu_by_role_of(server)
        ends = EndWatcher(server, jobs=len(loaded))
        watching = asyncio.create_task(ends.run())
        deadline = time.monotonic() + args.timeout
        await asyncio.gather(*(train_until_finished(s, deadline, ends) for s in loaded))
        run.ended_at = time.time()
        run.cpu_seconds = {
            role: used - cpu_at_clicks.get(role, 0.0)
            for role, used in cpu_by_role_of(server).items()
        }
        class_done.set()
        watching.cancel()
        await asyncio.gather(*probes)
    return run


def print_jobs(run: ClassRun, records: list[dict]) -> int:
    """Prints the jobs' figures; returns the number of failures."""
    finished = [r for r in records if r["status"] == "finished"]
    others = [
        f"{r['id']} {r['status']} ({r['error']})" for r in records if r["status"] != "finished"
    ]
    not_loaded = [s for s in run.students if s.load_error is not None and s.click is None]
    pages_not_finished = [s for s in run.students if not s.page_finished]
    started = [r["started_at"] for r in records if r["started_at"]]
    last_end = max((r["finished_at"] for r in finished), default=None)

    print(row("pages that failed to load", len(not_loaded)))
    print(row("jobs finished (jobs.jsonl)", f"{len(finished)} / {len(run.students)}"))
    print(row("jobs failed or cancelled", f"{len(others)}  {', '.join(others)}"))
    print(row("pages never showing Finished", len(pages_not_finished)))
    for student in [s for s in run.students if s.load_error or not s.page_finished][:5]:
        print(f"      student {student.number}: {student.load_error or student.last_texts[-3:]}")
    print(
        row(
            "queue wait",
            describe_seconds([r["queue_wait_s"] for r in records if r["queue_wait_s"] is not None]),
        )
    )
    if started:
        print(row("clicks -> first job started", f"{min(started) - run.clicked_at:.1f} s"))
    if last_end:
        print(row("clicks -> last job finished", f"{last_end - run.clicked_at:.1f} s"))
    return max(len(run.students) - len(finished), len(pages_not_finished))


def print_responses(run: ClassRun) -> None:
    print("  page response while the class trains (request -> server's answer):")
    print(row("  Train clicks", describe_seconds(run.student_responses("click"))))
    print(row("  progress refreshes", describe_seconds(run.student_responses("fragment"))))
    print(
        row(
            "  page switches (probe)",
            describe_seconds([r.seconds for r in run.protocol_navigation]),
        )
    )
    print(row("  all of them", describe_seconds(run.server_responses())))
    print(
        row(
            "  real Chromium page switches",
            f"{describe_seconds(run.browser_navigation)}  ({run.browser_timeouts} timeouts)",
        )
    )
    for error in run.probe_errors:
        print(f"      {error}")
    wall = run.ended_at - run.clicked_at
    print(
        row(
            "CPU from clicks to end",
            f"{wall:.0f} s on {os.cpu_count()} cores: "
            + ", ".join(
                f"{role} {used:.0f} s ({used / wall:.0%} of a core)"
                for role, used in run.cpu_seconds.items()
            ),
        )
    )


def print_server(
    server: StreamlitServer, sampler: ProcessTreeSampler, leftovers: list[str]
) -> None:
    logs = (
        server.replica_logs()
        if hasattr(server, "replica_logs")
        else [server.runs_dir / "streamlit.log"]
    )
    problems = [server_log_problems(log) for log in logs]
    tracebacks = sum(count for count, _ in problems)
    exceptions = [line for _, lines in problems for line in lines]
    print(row("peak memory, server + workers", f"{sampler.peak_tree_bytes / GB:.2f} GB"))
    print(row("peak memory, server alone", f"{sampler.peak_root_bytes / MB:.0f} MB"))
    for role, size in sorted(getattr(sampler, "peak_by_role", {}).items()):
        print(row(f"  peak RSS of one {role}", f"{size / MB:.0f} MB"))
    print(row("server log tracebacks", f"{tracebacks}  {'; '.join(exceptions)}"))
    print(
        row(
            "server's child processes seen",
            f"{len(sampler.seen_descendants())}; alive after stop: {len(leftovers)}",
        )
    )
    for line in leftovers:
        print(f"      {line}")


def report(
    run: ClassRun,
    server: StreamlitServer,
    sampler: ProcessTreeSampler,
    leftovers: list[str],
    args: argparse.Namespace,
) -> None:
    print()
    print(
        f"Classroom load: {len(run.students)} students, MNIST MLP 784-128-10, {args.epochs} epochs"
        f" on {'2,000' if args.quick else 'all 60,000'} images; pool size "
        f"{args.pool_size or 'default'}; backend {args.backend}"
    )
    print(row("runs dir", server.runs_dir))
    print(
        row(
            "warm-up job (fresh server)",
            f"{run.warm_up_seconds:.1f} s  (moons, 1 epoch; "
            "includes the workers' TensorFlow start)",
        )
    )
    failures = print_jobs(run, read_jobs_log(server.jobs_log)[1:])  # without the warm-up
    print_responses(run)
    print_server(server, sampler, leftovers)
    response_p95 = percentiles(run.server_responses())[1]
    browser_p95 = percentiles(run.browser_navigation)[1]
    memory = sampler.peak_tree_bytes
    print()
    print("Targets")
    print(target_row("failures = 0", failures, failures == 0))
    print(
        target_row(
            f"page response p95 <= {RESPONSE_P95_TARGET_S} s",
            f"{response_p95:.2f} s",
            response_p95 <= RESPONSE_P95_TARGET_S,
        )
    )
    if args.browser:
        print(
            target_row(
                "  in real Chromium",
                f"{browser_p95:.2f} s",
                browser_p95 <= RESPONSE_P95_TARGET_S and not run.browser_timeouts,
            )
        )
    print(
        target_row(
            f"memory <= {MEMORY_TARGET_BYTES / GB:.0f} GB",
            f"{memory / GB:.2f} GB",
            memory <= MEMORY_TARGET_BYTES,
        )
    )
    print(target_row("no process left after stop", len(leftovers), not leftovers))


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--students", type=int, default=30)
    parser.add_argument("--epochs", type=int, default=2)
    parser.add_argument(
        "--timeout",
        type=float,
        default=900.0,
        help="seconds to wait for every page to finish after the clicks",
    )
    parser.add_argument(
        "--pool-size",
        type=int,
        default=None,
        help="PLAYGROUND_POOL_SIZE for the server (default: the app's default)",
    )
    parser.add_argument(
        "--quick", action="store_true", help="train on 2,000 MNIST images instead of all 60,000"
    )
    parser.add_argument(
        "--no-browser",
        dest="browser",
        action="store_false",
        help="leave out the real-Chromium probe",
    )
    parser.add_argument(
        "--backend",
        choices=("local", "ray"),
        default="local",
        help="ray: HAProxy, two web replicas and a local Ray cluster (bench/ray_stack.py)",
    )
    parser.add_argument(
        "--ray-cpus", type=int, default=2, help="--num-cpus of the Ray node (--backend ray)"
    )
    return parser.parse_args()


def main() -> int:
    args = parse_args()
    if args.backend == "ray":
        from bench.ray_stack import RayClassStack, bench_against_a_stack

        env = {"PLAYGROUND_POOL_SIZE": str(args.pool_size)} if args.pool_size else {}
        return bench_against_a_stack(
            lambda stack: run_class(stack, args),
            lambda run, stack, sampler, leftovers: report(run, stack, sampler, leftovers, args),
            RayClassStack(nodes=1, cpus_per_node=args.ray_cpus, replicas=2, env=env),
        )
    return bench_against_a_server(
        lambda server: run_class(server, args),
        lambda run, server, sampler, leftovers: report(run, server, sampler, leftovers, args),
        pool_size=args.pool_size,
    )


if __name__ == "__main__":
    sys.exit(main())
