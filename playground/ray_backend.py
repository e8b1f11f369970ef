"""The Ray backend: the same `TrainingBackend`, its jobs trained on a Ray cluster.

Chosen with `PLAYGROUND_BACKEND=ray`; `RAY_ADDRESS` (Ray's own variable)
names the cluster, e.g. `RAY_ADDRESS=10.0.0.1:6379`; without it, Ray starts
a cluster of its own on this machine. Every web replica that connects finds
the class's one board actor by its name (`playground.ray_board`), creating it
if it is the first: the queue, Stop and the waits are class-wide, and a job
can be watched from any replica.

Run files travel through Ray's object store, not a shared disk: the board
keeps each finished job's files as an object, and this replica writes them
once into its own cache folder (`<PLAYGROUND_RUNS_DIR>/ray-cache/<job id>`)
the first time a page asks for that job, then gives the pages that folder as
`JobView.artifacts`, so `RunResult.load` and the Draw page's NumPy network
read local files as with the local backend.

This process never imports TensorFlow: the trainers import it on the cluster.

Example:

```python
backend = RayBackend(Settings(backend="ray", pool_size=4))
job_id = backend.submit(ExperimentConfig(), owner="browser-id")
backend.snapshot(job_id).status
```
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import threading
from pathlib import Path

import ray
from ray.exceptions import RayTaskError

from playground import runs
from playground.classroom import Banner, ClassNotice, ClassOverview, Student
from playground.config import ExperimentConfig
from playground.errors import PlaygroundError
from playground.ray_board import REMOTE_BOARD
from playground.runs import JobView
from playground.settings import Settings, runs_dir
from playground.storage import ensure_writable_folder

log = logging.getLogger(__name__)

NAMESPACE = "playground"
# One board (queue, trainers) per class: PLAYGROUND_RAY_BOARD names it when a cluster hosts several.
BOARD_NAME = "playground-board"
REPO_ROOT = Path(__file__).resolve().parent.parent
# Passed to the cluster's processes: where the data and the runs are, and how big a job may be.
_PASSED_PREFIXES = ("PLAYGROUND_", "KERAS_HOME", "TF_")


def _cluster_env() -> dict[str, str]:
    """Environment of the board and trainer actors: this app's code and settings."""
    env = {name: value for name, value in os.environ.items() if name.startswith(_PASSED_PREFIXES)}
    paths = [str(REPO_ROOT), *filter(None, os.environ.get("PYTHONPATH", "").split(os.pathsep))]
    env["PYTHONPATH"] = os.pathsep.join(dict.fromkeys(paths))
    return env


def connect(address: str | None = None) -> None:
    """Joins the Ray cluster at `address` (default `RAY_ADDRESS`), once per process."""
    if ray.is_initialized():
        return
    ray.init(
        address=address or os.environ.get("RAY_ADDRESS") or None,
        namespace=NAMESPACE,
        log_to_driver=False,
        logging_level=logging.WARNING,
        configure_logging=False,
    )


class RayBackend:
    """A `TrainingBackend` whose board and trainers live on a Ray cluster.

    Args:
        settings: the class's settings; the first replica to connect gives
            them to the board (trainers, threads, limits), later ones use
            the board that is there.
        address: the cluster, default `RAY_ADDRESS`.
        board_name: the board actor's name, one per class on a cluster;
            default `PLAYGROUND_RAY_BOARD`, else "playground-board".
        cache_root: this replica's folder for run files; default
            `<PLAYGROUND_RUNS_DIR>/ray-cache`.

    Attributes:
        storage_problem: None, or the message key saying why this replica
            cannot keep run files.
    """

    def __init__(
        self,
        settings: Settings | None = None,
        address: str | None = None,
        board_name: str | None = None,
        cache_root: Path | None = None,
    ):
        self.settings = settings or Settings.from_env()
        connect(address)
        board_name = board_name or os.environ.get("PLAYGROUND_RAY_BOARD", "").strip() or BOARD_NAME
        self.board_name = board_name
        self._board = REMOTE_BOARD.options(
            name=board_name,
            namespace=NAMESPACE,
            lifetime="detached",
            get_if_exists=True,
            num_cpus=0,
            max_concurrency=1000,
            runtime_env={"env_vars": _cluster_env()},
        ).remote(self.settings, board_name, NAMESPACE)
        ray.get(self._board.start.remote())
        self.cache_root = cache_root or runs_dir() / "ray-cache"
        self.storage_problem = None
        try:
            ensure_writable_folder(self.cache_root)
        except PlaygroundError as err:
            log.error("The run cache %s cannot be used: %s", self.cache_root, err.__cause__)
            self.storage_problem = err.code
        self._fetch_lock = threading.Lock()

    # ------------------------------------------------------------ the backend
    def submit(
        self, config: ExperimentConfig, owner: str, stream: bool = True, lesson: str = ""
    ) -> str:
        """Queues a job on the class's board and returns its id.

        Raises:
            PlaygroundError: "class.paused" while the teacher has paused submissions.
        """
        try:
            return self._call("submit", config, owner, stream, lesson)
        except RayTaskError as err:
            if isinstance(err.cause, PlaygroundError):
                raise err.cause from None
            raise

    # The class, for the students' pages and the Teacher page: the board's own methods.
    def student(self, owner: str) -> Student:
        return self._call("student", owner)

    def set_nickname(self, owner: str, nickname: str) -> Student:
        return self._call("set_nickname", owner, nickname)

    def class_notice(self) -> ClassNotice:
        return self._call("notice")

    def pause_submissions(self, paused: bool) -> None:
        self._call("pause_submissions", paused)

    def set_banner(self, banner: Banner | None) -> None:
        self._call("set_banner", banner)

    def class_overview(self) -> ClassOverview:
        """Every run, the queue with its waits, and each trainer with its memory."""
        return ray.get(self._board.class_overview.remote())

    def stop(self, job_id: str, final_status: str = runs.STOPPED) -> None:
        ray.get(self._board.stop.remote(job_id, final_status))

    def cancel_jobs_of(self, owner: str) -> None:
        ray.get(self._board.cancel_jobs_of.remote(owner))

    def pause(self, job_id: str) -> None:
        ray.get(self._board.pause.remote(job_id))

    def resume(self, job_id: str) -> None:
        ray.get(self._board.resume.remote(job_id))

    def step(self, job_id: str) -> None:
        ray.get(self._board.step.remote(job_id))

    def rename(self, job_id: str, owner: str, name: str) -> None:
        self._call("rename", job_id, owner, name)

    def snapshot(self, job_id: str) -> JobView | None:
        return self._with_local_files(self._call("view", job_id))

    def jobs_of(self, owner: str) -> list[JobView]:
        return [self._with_local_files(job) for job in self._call("views_of", owner)]

    def estimated_wait(self, job_id: str) -> float | None:
        return ray.get(self._board.estimated_wait.remote(job_id))

    def trainers_ready(self) -> int:
        return ray.get(self._board.trainers_ready.remote())

    def shutdown(self) -> None:
        """Leaves the cluster; the board and its trainers stay for the other replicas."""
        if ray.is_initialized():
            ray.shutdown()

    # ------------------------------------------------------- operators, tests
    def _call(self, method: str, *args, **kwargs):
        """Any public `JobBoard` method, run on the class's board.

        A new board method reaches the pages with one line here, e.g.
        `def rename(self, job_id, owner, name): return self._call("rename", job_id, owner, name)`.
        """
        return ray.get(self._board.call.remote(method, *args, **kwargs))

    def trainer_pids(self) -> list[int]:
        return ray.get(self._board.trainer_pids.remote())

    def close_class(self) -> None:
        """Kills the board and its trainers: every replica's jobs end (teardown, tests)."""
        ray.get(self._board.shutdown.remote())
        ray.kill(self._board)

    # ------------------------------------------------------------- run files
    def _with_local_files(self, job: JobView | None) -> JobView | None:
        if job is not None and job.artifacts:
            folder = self._local_folder(job.id)
            job.artifacts = str(folder) if folder is not None else None
        return job

    def _local_folder(self, job_id: str) -> Path | None:
        """This replica's copy of a finished job's files, fetched the first time."""
        folder = self.cache_root / job_id
        if folder.is_dir():
            return folder
        with self._fetch_lock:
            if folder.is_dir():
                return folder
            refs = ray.get(self._board.files_of.remote(job_id))
            if not refs:
                return None
            try:
                files = ray.get(refs[0], timeout=60)
            except ray.exceptions.RayError as err:  # its node left before anyone fetched it
                log.warning("job %s: its files are lost: %s", job_id, err)
                return None
            return self._write(folder, files)

    def _write(self, folder: Path, files: dict[str, bytes]) -> Path | None:
        """Writes the files into a fresh folder, then renames it into place."""
        staging = self.cache_root / f".fetch-{folder.name}"
        try:
            staging = Path(tempfile.mkdtemp(prefix=".fetch-", dir=self.cache_root))
            for name, content in files.items():
                path = staging / name
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(content)
            os.replace(staging, folder)
        except OSError as err:
            log.error("job files cannot be written to %s: %s", folder, err)
            shutil.rmtree(staging, ignore_errors=True)
            return folder if folder.is_dir() else None
        return folder
