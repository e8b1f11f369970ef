"""Shared pieces of the classroom benchmarks (`classroom_load.py` and `soak.py`).

Students talk to a real `streamlit run app.py` (devtools/streamlit_server.py)
through Streamlit's websocket protocol (devtools/streamlit_client.py); one
probe student may also use a real headless Chromium, whose page response is
measured inside the page, from the click event to the first animation frame
that shows the answer, so that Playwright's own round trips do not count.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
import threading
import time
from contextlib import asynccontextmanager
from pathlib import Path
from urllib.parse import urlencode

import numpy as np
from playwright.async_api import Page, async_playwright

from devtools.streamlit_server import (
    CHROMIUM,
    CHROMIUM_ARGS,
    alive,
    descendants,
    rss_bytes,
    start_server,
    tree_rss_bytes,
)
from playground.config import DataConfig, ExperimentConfig, LayerConfig
from playground.i18n import translate

PAGE_TIMEOUT_MS = 120_000
MB = 1e6
GB = 1e9
FINISHED_TEXT = translate("train.finished", epochs=0).split("0")[0]  # "Finished after "

_REMEMBER_NEXT_CLICK_JS = """() => {
    window.__benchClickAt = null;
    document.addEventListener('click', () => { window.__benchClickAt ??= performance.now(); },
                              {capture: true, once: true});
}"""
_TITLE_VISIBLE_JS = """(title) => Array.from(document.querySelectorAll('h1'))
    .some(h1 => h1.innerText.trim() === title && h1.checkVisibility())"""


# ------------------------------------------------------------------ experiments
def mnist_mlp(n_samples: int = 0, epochs: int = 2) -> ExperimentConfig:
    """The course's first MNIST model: 784-128-10, Adam 0.001, pixels scaled to 0..1."""
    return ExperimentConfig(
        data=DataConfig(name="mnist", n_samples=n_samples, scaling="minmax"),
        layers=[LayerConfig(128, "relu")],
        epochs=epochs,
        learning_rate=0.001,
    )


def moons(n_samples: int = 200, epochs: int = 2) -> ExperimentConfig:
    return ExperimentConfig(data=DataConfig(name="moons", n_samples=n_samples), epochs=epochs)


def query_string(config: ExperimentConfig) -> str:
    """The query string of a link that opens the playground with this experiment."""
    return urlencode(config.to_query_params())


# ------------------------------------------------------------------ statistics
def percentiles(values: list[float], points=(50, 95)) -> list[float]:
    if not values:
        return [float("nan")] * len(points)
    return [float(v) for v in np.percentile(values, points)]


def describe_seconds(values: list[float]) -> str:
    if not values:
        return "no samples"
    p50, p95 = percentiles(values)
    return f"p50 {p50:.2f} s · p95 {p95:.2f} s · max {max(values):.2f} s (n={len(values)})"


def verdict(passed: bool) -> str:
    return "PASS" if passed else "FAIL"


def row(label: str, value) -> str:
    """One aligned line of a report."""
    return f"  {label:<32} {value}"


def target_row(target: str, value, passed: bool) -> str:
    return f"  {target:<32} {str(value):<12} {verdict(passed)}"


# ------------------------------------------------------------------ processes
def _start_time(pid: int) -> str | None:
    """The process's start time in clock ticks: tells a pid from a later one that reuses it."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[19]
    except (OSError, IndexError):
        return None


def _command_line(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()[:120]
    except OSError:
        return "?"


class ProcessTreeSampler:
    """Samples a process's resident memory, alone and with all its descendants,
    every `interval` seconds in a background thread; keeps the peaks and every
    descendant seen, so that one can check afterwards that none outlived it."""

    def __init__(self, pid: int, interval: float = 0.5):
        self.pid = pid
        self.interval = interval
        self.peak_tree_bytes = 0
        self.peak_root_bytes = 0
        self._seen: dict[int, str | None] = {}  # descendant pid -> its start time
        self._lock = threading.Lock()
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._run, name="memory-sampler", daemon=True)

    def start(self) -> ProcessTreeSampler:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopped.set()
        self._thread.join()

    def sample(self) -> None:
        root, tree = rss_bytes(self.pid), tree_rss_bytes(self.pid)
        children = descendants(self.pid)
        with self._lock:
            self.peak_root_bytes = max(self.peak_root_bytes, root)
            self.peak_tree_bytes = max(self.peak_tree_bytes, tree)
            for child in children:
                self._seen.setdefault(child, _start_time(child))

    def seen_descendants(self) -> list[int]:
        with self._lock:
            return sorted(self._seen)

    def leftover_descendants(self, wait_s: float = 15.0) -> list[str]:
        """Descendants seen while sampling that are still alive after up to `wait_s`
        seconds, as "pid command line"."""

        def still_alive() -> list[int]:
            with self._lock:
                seen = dict(self._seen)
            return [pid for pid, start in seen.items() if alive(pid) and _start_time(pid) == start]

        deadline = time.monotonic() + wait_s
        while still_alive() and time.monotonic() < deadline:
            time.sleep(0.2)
        return [f"{pid} {_command_line(pid)}" for pid in still_alive()]

    def _run(self) -> None:
        self.sample()
        while not self._stopped.wait(self.interval):
            self.sample()


def cpu_seconds(pid: int, reaped_children: bool = False) -> float:
    """CPU time (user + system) a process has used so far; with `reaped_children`,
    also that of its children that have ended and been waited for (0 if it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    ticks = int(fields[11]) + int(fields[12])  # utime, stime
    if reaped_children:
        ticks += int(fields[13]) + int(fields[14])  # cutime, cstime
    return ticks / os.sysconf("SC_CLK_TCK")


def descendants_rss_bytes(pid: int) -> int:
    """Resident memory of everything below a process (the server's training workers)."""
    return tree_rss_bytes(pid) - rss_bytes(pid)


def read_jobs_log(path: Path) -> list[dict]:
    """The ended jobs in jobs.jsonl, oldest first (a line still being written is skipped)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return []
    records = []
    for line in lines:
        try:
            records.append(json.loads(line))
        except json.JSONDecodeError:
            pass
    return records


def server_log_problems(path: Path, limit: int = 3) -> tuple[int, list[str]]:
    """How many tracebacks the server log holds, and the exception lines of the first `limit`."""
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines() if path.exists() else []
    starts = [i for i, line in enumerate(lines) if line.startswith("Traceback")]
    exceptions = []
    for start in starts[:limit]:
        # the first line after the traceback that is not indented names the exception
        ending = next((line for line in lines[start + 1 :] if line and not line[0].isspace()), "?")
        exceptions.append(ending.strip())
    return len(starts), exceptions


def bench_against_a_server(
    scenario, report, pool_size: int | None = None, streamlit_args: list[str] | None = None
) -> int:
    """Starts `streamlit run app.py`, runs the coroutine `scenario(server)` while sampling
    the server's memory, stops the server, then `report(outcome, server, sampler, leftovers)`,
    leftovers being its processes still alive after the stop. Returns the exit code."""
    env = {"PLAYGROUND_POOL_SIZE": str(pool_size)} if pool_size else {}
    try:
        server = start_server(env=env, extra_args=streamlit_args)
    except RuntimeError as err:
        print(f"The server did not start: {err}", file=sys.stderr)
        return 1
    sampler = ProcessTreeSampler(server.pid).start()
    outcome = None
    try:
        outcome = asyncio.run(scenario(server))
    finally:
        sampler.stop()
        server.stop()
        leftovers = sampler.leftover_descendants()
        if outcome is None:
            print(
                f"Stopped early; server log: {server.runs_dir / 'streamlit.log'}; "
                f"processes alive after stop: {leftovers or 'none'}"
            )
    report(outcome, server, sampler, leftovers)
    return 0


# ------------------------------------------------------------------ browser
@asynccontextmanager
async def chromium_page(url: str):
    """A page of one headless Debian Chromium at `url`, closed on the way out whatever happens."""
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = await browser.new_page(viewport={"width": 1280, "height": 900})
            page.set_default_timeout(PAGE_TIMEOUT_MS)
            await page.goto(url)
            yield page
        finally:
            await browser.close()


async def timed_navigation(
    page: Page, page_key: str, title_key: str, timeout_s: float
) -> float | None:
    """Clicks the sidebar link to a page; seconds from the click event to the first
    frame that shows the new page's title, or None if it did not come in time."""
    await page.evaluate(_REMEMBER_NEXT_CLICK_JS)
    await (
        page.locator('[data-testid="stSidebarNav"] a').filter(has_text=translate(page_key)).click()
    )
    timed = f"""(title) => window.__benchClickAt !== null && ({_TITLE_VISIBLE_JS})(title)
        && (performance.now() - window.__benchClickAt) / 1000"""
    try:
        handle = await page.wait_for_function(
            timed, arg=translate(title_key), timeout=timeout_s * 1000
        )
    except Exception:  # noqa: BLE001 - a page that does not answer is a result
        return None
    return await handle.json_value()


async def sleep_unless(event: asyncio.Event, seconds: float) -> None:
    """Sleeps `seconds`, or less if `event` is set meanwhile."""
    try:
        await asyncio.wait_for(event.wait(), timeout=max(0.0, seconds))
    except TimeoutError:
        pass
