"""A real Ray cluster on this machine, for tests and benchmarks: a head and more nodes.

Each node is one `ray start --block` process of our own (own temp folder,
own ports, no dashboard, no usage stats); stopping the cluster sends each of
those processes SIGTERM, which makes Ray stop that node's processes, then
kills, by PID, any process still alive whose command line names our temp
folder. `ray stop` is never used: it would stop every Ray node of the machine.

Example:

```python
with LocalRayCluster(nodes=2, cpus_per_node=1) as cluster:
    os.environ["RAY_ADDRESS"] = cluster.address
```
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RAY = [sys.executable, "-m", "ray.scripts.scripts"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class LocalRayCluster:
    """A head node and `nodes - 1` worker nodes, started by `start()`, stopped by `stop()`.

    Args:
        nodes: how many nodes, the head included.
        cpus_per_node: `--num-cpus` of each node (the trainers each take
            `threads_per_worker` of them).
        object_store_mb: each node's object store.
        env: extra environment of the nodes' processes (e.g. PLAYGROUND_DATA_DIR).
    """

    def __init__(
        self,
        nodes: int = 2,
        cpus_per_node: int = 1,
        object_store_mb: int = 200,
        env: dict[str, str] | None = None,
    ):
        self.nodes, self.cpus_per_node, self.object_store_mb = nodes, cpus_per_node, object_store_mb
        # Ray's socket paths must stay short: a short folder under /tmp.
        self.temp_dir = Path(tempfile.mkdtemp(prefix="rt", dir="/tmp"))
        self.port = free_port()
        self.address = f"127.0.0.1:{self.port}"
        self.env = {**os.environ, "RAY_USAGE_STATS_ENABLED": "0", **(env or {})}
        self.env.pop("RAY_ADDRESS", None)
        self.processes: list[subprocess.Popen] = []

    def __enter__(self) -> LocalRayCluster:
        self.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    def start(self, timeout: float = 90.0) -> None:
        """Starts the head, waits until it answers, then starts the other nodes."""
        self._start_node(
            [
                "--head",
                f"--port={self.port}",
                "--node-ip-address=127.0.0.1",
                f"--temp-dir={self.temp_dir}",
                "--include-dashboard=false",
                "--disable-usage-stats",
            ]
        )
        self._wait_for_nodes(1, timeout)
        for _ in range(self.nodes - 1):
            self._start_node([f"--address={self.address}", "--node-ip-address=127.0.0.1"])
        self._wait_for_nodes(self.nodes, timeout)

    def add_node(self, timeout: float = 90.0) -> subprocess.Popen:
        """One more worker node; returns its `ray start` process."""
        process = self._start_node([f"--address={self.address}", "--node-ip-address=127.0.0.1"])
        self.nodes += 1
        self._wait_for_nodes(self.nodes, timeout)
        return process

    def stop(self, timeout: float = 30.0) -> None:
        """Stops every node this cluster started, workers first; nothing else."""
        for process in reversed(self.processes):
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(5)
        deadline = time.monotonic() + 10.0  # Ray's agents notice their raylet is gone
        while self.leftover_pids() and time.monotonic() < deadline:
            time.sleep(0.5)
        for pid in self.leftover_pids():
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        shutil.rmtree(self.temp_dir, ignore_errors=True)

    def leftover_pids(self) -> list[int]:
        """Processes still alive that belong to this cluster: in the session of one of its
        `ray start` processes (each starts its own), or naming its temp folder or port."""
        sessions = {str(process.pid) for process in self.processes}
        marks = (str(self.temp_dir).encode(), f":{self.port}".encode())
        pids = []
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit() or int(entry.name) == os.getpid():
                continue
            try:
                stat = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                cmdline = (entry / "cmdline").read_bytes()
            except (OSError, IndexError):
                continue
            if stat[0] != "Z" and (stat[3] in sessions or any(m in cmdline for m in marks)):
                pids.append(int(entry.name))
        return pids

    def _start_node(self, arguments: list[str]) -> subprocess.Popen:
        command = [
            *RAY,
            "start",
            "--block",
            f"--num-cpus={self.cpus_per_node}",
            "--num-gpus=0",
            f"--object-store-memory={self.object_store_mb * 1024 * 1024}",
            "--disable-usage-stats",
            *arguments,
        ]
        log = open(self.temp_dir / f"node-{len(self.processes)}.log", "wb")  # noqa: SIM115
        process = subprocess.Popen(
            command, env=self.env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
        self.processes.append(process)
        return process

    def _wait_for_nodes(self, count: int, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        code = (
            "import ray, sys; ray.init(address=sys.argv[1], logging_level='ERROR');"
            "print(sum(n['Alive'] for n in ray.nodes()))"
        )
        while time.monotonic() < deadline:
            if any(process.poll() is not None for process in self.processes):
                raise RuntimeError(f"a Ray node did not start; see {self.temp_dir}/node-*.log")
            done = subprocess.run(
                [sys.executable, "-c", code, self.address],
                env=self.env,
                capture_output=True,
                text=True,
                timeout=60,
            )
            if done.returncode == 0 and done.stdout.strip().splitlines()[-1:] == [str(count)]:
                return
            time.sleep(1.0)
        raise TimeoutError(f"{count} Ray nodes did not come up in {timeout:.0f} s")
