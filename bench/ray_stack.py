"""The Ray deployment on this machine, for the benches: a Ray cluster, web replicas, HAProxy.

`RayClassStack` starts what the README's "Hosting several classes" starts
by hand: a Ray cluster (devtools/ray_cluster.py: `ray start --block`
processes of its own), the class's board (created once, so its jobs log
lands in this stack's runs folder), `replicas` × `streamlit run app.py` with
`PLAYGROUND_BACKEND=ray`, and HAProxy with deploy/haproxy.cfg in front of
them. It looks enough like `devtools.streamlit_server.StreamlitServer`
(`url`, `runs_dir`, `jobs_log`, `process`, `stop()`) for the classroom
bench to drive it unchanged. Everything is stopped by the PIDs it started.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections import defaultdict
from pathlib import Path

from bench.classroom import cpu_seconds
from devtools.ray_cluster import LocalRayCluster, free_port
from devtools.streamlit_server import (
    REPO_ROOT,
    StreamlitServer,
    alive,
    descendants,
    rss_bytes,
    start_server,
)
from playground.board import JOBS_LOG

HAPROXY_CONFIG = REPO_ROOT / "deploy" / "haproxy.cfg"
ROLE_MARKS = (  # the first mark found in a process's command line names its role
    ("ray::TrainerActor", "trainer actor"),
    ("ray::BoardActor", "board actor"),
    ("streamlit", "web replica"),
    ("haproxy", "haproxy"),
    ("gcs_server", "ray head (gcs)"),
    ("raylet", "raylet"),
    ("default_worker.py", "idle ray worker"),
)


def role_of(pid: int) -> str:
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return "gone"
    return next((role for mark, role in ROLE_MARKS if mark in cmdline), "other ray process")


class StackSampler:
    """Peak resident memory of every process below some roots, in total and per role.

    Attributes:
        peak_tree_bytes: the largest total seen.
        peak_root_bytes: the largest total of the web replicas (their own processes).
        peak_by_role: role -> the largest RSS one process of that role had.
    """

    def __init__(self, roots, replicas, interval: float = 0.5):
        self.roots, self.replicas, self.interval = roots, replicas, interval
        self.peak_tree_bytes = self.peak_root_bytes = 0
        self.peak_by_role: dict[str, int] = defaultdict(int)
        self._seen: set[int] = set()
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._run, name="stack-sampler", daemon=True)

    def start(self) -> StackSampler:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopped.set()
        self._thread.join()

    def pids(self) -> list[int]:
        roots = [pid for pid in self.roots() if alive(pid)]
        return roots + [child for root in roots for child in descendants(root)]

    def sample(self) -> None:
        pids = self.pids()
        sizes = {pid: rss_bytes(pid) for pid in pids}
        self._seen |= set(pids)
        self.peak_tree_bytes = max(self.peak_tree_bytes, sum(sizes.values()))
        self.peak_root_bytes = max(
            self.peak_root_bytes, sum(rss_bytes(server.pid) for server in self.replicas)
        )
        for pid, size in sizes.items():
            role = role_of(pid)
            self.peak_by_role[role] = max(self.peak_by_role[role], size)

    def seen_descendants(self) -> list[int]:
        return sorted(self._seen)

    def leftover_descendants(self, wait_s: float = 15.0) -> list[str]:
        deadline = time.monotonic() + wait_s
        while [pid for pid in self._seen if alive(pid)] and time.monotonic() < deadline:
            time.sleep(0.2)
        return [f"{pid} {role_of(pid)}" for pid in sorted(self._seen) if alive(pid)]

    def cpu_by_role(self) -> dict[str, float]:
        used: dict[str, float] = defaultdict(float)
        for pid in self.pids():
            used[role_of(pid)] += cpu_seconds(pid)
        used["students (this bench)"] = cpu_seconds(os.getpid())
        return dict(used)

    def _run(self) -> None:
        self.sample()
        while not self._stopped.wait(self.interval):
            self.sample()


class RayClassStack:
    """A Ray cluster, its class board, web replicas and HAProxy, all on this machine.

    Args:
        nodes, cpus_per_node: the Ray cluster (`ray start --num-cpus`).
        replicas: `streamlit run app.py` processes behind the proxy.
        env: extra environment of the board, trainers and replicas
            (PLAYGROUND_POOL_SIZE, ...).
    """

    def __init__(
        self,
        nodes: int = 1,
        cpus_per_node: int = 2,
        replicas: int = 2,
        env: dict[str, str] | None = None,
    ):
        self.runs_dir = Path(tempfile.mkdtemp(prefix="playground-ray-stack-"))
        self.env = {"PLAYGROUND_BACKEND": "ray", **(env or {})}
        self.cluster = LocalRayCluster(nodes, cpus_per_node, object_store_mb=500, env=self.env)
        self.replica_count = replicas
        self.replicas: list[StreamlitServer] = []
        self.process: subprocess.Popen | None = None  # HAProxy
        self.url = ""
        self.sampler: StackSampler | None = None

    @property
    def jobs_log(self) -> Path:
        return self.runs_dir / JOBS_LOG  # the board's, written on the cluster's head

    @property
    def pid(self) -> int:
        return self.process.pid

    def start(self) -> RayClassStack:
        self.cluster.start()
        env = {**self.env, "RAY_ADDRESS": self.cluster.address}
        self._create_board(env)
        for number in range(1, self.replica_count + 1):
            self.replicas.append(
                start_server(env=env, runs_dir=self.runs_dir / f"replica-{number}")
            )
        self._start_proxy()
        self.sampler = StackSampler(self._roots, self.replicas)
        return self

    def stop(self) -> None:
        """HAProxy, the replicas, then the cluster (its board and trainers with it)."""
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(10)
        for replica in self.replicas:
            replica.stop()
        self.cluster.stop()

    def replica_logs(self) -> list[Path]:
        return [replica.runs_dir / "streamlit.log" for replica in self.replicas]

    def _roots(self) -> list[int]:
        return [
            *(process.pid for process in self.cluster.processes),
            *(replica.pid for replica in self.replicas),
            *([self.process.pid] if self.process else []),
        ]

    def _create_board(self, env: dict[str, str]) -> None:
        """The board, made here so that its jobs log is this stack's (`jobs_log`)."""
        code = (
            "from playground.ray_backend import RayBackend; backend = RayBackend();"
            "import time; t = time.time()\n"
            "while backend.trainers_ready() < backend.settings.pool_size and time.time() - t < 180:"
            " time.sleep(0.5)"
        )
        subprocess.run(
            [sys.executable, "-c", code],
            cwd=REPO_ROOT,
            env={**os.environ, **env, "PLAYGROUND_RUNS_DIR": str(self.runs_dir)},
            check=True,
            timeout=300,
        )

    def _start_proxy(self, timeout: float = 30.0) -> None:
        port = free_port()
        env = {
            **os.environ,
            "PLAYGROUND_PROXY_BIND": f"127.0.0.1:{port}",
            **{
                f"PLAYGROUND_REPLICA_{n}": replica.url.removeprefix("http://")
                for n, replica in enumerate(self.replicas, start=1)
            },
        }
        log = open(self.runs_dir / "haproxy.log", "wb")  # noqa: SIM115
        self.process = subprocess.Popen(
            ["haproxy", "-db", "-f", str(HAPROXY_CONFIG)], env=env, stdout=log, stderr=log
        )
        self.url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"haproxy exited; see {self.runs_dir / 'haproxy.log'}")
            try:
                with urllib.request.urlopen(self.url + "/_stcore/health", timeout=2) as answer:
                    if answer.read().strip() == b"ok":
                        return
            except OSError:
                pass
            time.sleep(0.3)
        raise TimeoutError("haproxy did not answer")


def bench_against_a_stack(scenario, report, stack: RayClassStack) -> int:
    """`bench.classroom.bench_against_a_server` for a `RayClassStack`: starts it, runs
    the coroutine `scenario(stack)` while sampling memory, stops it, then
    `report(outcome, stack, sampler, leftovers)`. Returns the exit code."""
    import asyncio

    try:
        stack.start()
    except (RuntimeError, TimeoutError, subprocess.SubprocessError) as err:
        print(f"The Ray stack did not start: {err}", file=sys.stderr)
        stack.stop()
        return 1
    except BaseException:  # Ctrl+C while it starts: nothing may outlive the bench
        stack.stop()
        raise
    sampler = stack.sampler.start()
    outcome = None
    try:
        outcome = asyncio.run(scenario(stack))
    finally:
        sampler.stop()
        stack.stop()
        leftovers = sampler.leftover_descendants()
        if outcome is None:
            print(f"Stopped early; logs under {stack.runs_dir}; left alive: {leftovers or 'none'}")
    report(outcome, stack, sampler, leftovers)
    return 0
