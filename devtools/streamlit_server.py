"""Start and stop a real `streamlit run app.py`, and measure its process tree.

Used by the browser tests and by the classroom benchmarks. Every process is
tracked by pid: nothing here finds or kills processes by name.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from playground.board import JOBS_LOG

REPO_ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class StreamlitServer:
    """A running `streamlit run app.py` on localhost.

    Attributes:
        url: http://127.0.0.1:<port>
        runs_dir: its PLAYGROUND_RUNS_DIR (artifacts, uploads, jobs.jsonl, streamlit.log)
    """

    process: subprocess.Popen
    url: str
    runs_dir: Path
    _log: object = field(repr=False, default=None)

    @property
    def pid(self) -> int:
        return self.process.pid

    @property
    def jobs_log(self) -> Path:
        return self.runs_dir / JOBS_LOG

    def descendants(self) -> list[int]:
        """Pids of every process below the server (its training workers)."""
        return descendants(self.pid)

    def stop(self, timeout: float = 20.0) -> None:
        """SIGTERM, as Ctrl+C or a service manager would; SIGKILL if it hangs."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)
        if self._log is not None:
            self._log.close()


def start_server(
    env: dict[str, str] | None = None,
    extra_args: list[str] | None = None,
    runs_dir: Path | None = None,
    timeout: float = 90.0,
) -> StreamlitServer:
    """Starts the app on a free port and waits until it answers its health check.

    Args:
        env: extra environment variables (PLAYGROUND_POOL_SIZE, ...).
        extra_args: extra `streamlit run` options, e.g. ["--server.disconnectedSessionTTL", "2"].
        runs_dir: PLAYGROUND_RUNS_DIR; a fresh temporary folder by default.
    """
    runs_dir = Path(runs_dir or tempfile.mkdtemp(prefix="playground-server-runs-"))
    runs_dir.mkdir(parents=True, exist_ok=True)
    port = free_port()
    full_env = {**os.environ, "PLAYGROUND_RUNS_DIR": str(runs_dir), **(env or {})}
    log = open(runs_dir / "streamlit.log", "w")
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            "app.py",
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
            "--server.headless",
            "true",
            *(extra_args or []),
        ],
        cwd=REPO_ROOT,
        env=full_env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    server = StreamlitServer(
        process=process, url=f"http://127.0.0.1:{port}", runs_dir=runs_dir, _log=log
    )
    try:
        _wait_healthy(server, timeout)
    except BaseException:
        server.stop()
        raise
    return server


def _wait_healthy(server: StreamlitServer, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(
                f"streamlit exited with code {server.process.returncode}; "
                f"see {server.runs_dir / 'streamlit.log'}"
            )
        try:
            with urllib.request.urlopen(server.url + "/_stcore/health", timeout=2) as response:
                if response.read().strip() == b"ok":
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError("streamlit did not become healthy in time")


def _parent_pids() -> dict[int, int]:
    parents = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # the command name may hold spaces or parentheses: parse after the last ")"
        parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    return parents


def descendants(pid: int) -> list[int]:
    parents = _parent_pids()
    found, frontier = [], [pid]
    while frontier:
        current = frontier.pop()
        children = [child for child, parent in parents.items() if parent == current]
        found.extend(children)
        frontier.extend(children)
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def rss_bytes(pid: int) -> int:
    """Resident memory of one process (0 if it is gone)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def tree_rss_bytes(pid: int) -> int:
    """Resident memory of a process and all its descendants."""
    return rss_bytes(pid) + sum(rss_bytes(child) for child in descendants(pid))


def mapped_files(pid: int, containing: str) -> list[str]:
    """Files mapped into a process whose path contains `containing` (e.g. "tensorflow").

    Importing TensorFlow (and Keras, which imports it) maps its native libraries,
    libtensorflow_framework.so and _pywrap_tensorflow_internal.so, into the
    process: reading /proc/<pid>/maps tells from outside whether a process has
    imported it, without any debug hook in the app.
    """
    try:
        lines = Path(f"/proc/{pid}/maps").read_text().splitlines()
    except OSError:
        return []
    paths = {line.split(None, 5)[5] for line in lines if len(line.split(None, 5)) == 6}
    return sorted(path for path in paths if containing in path)
