"""The one interface between the pages and whatever trains their jobs.

The pages (through `ui.backend.pool()`) call only what `TrainingBackend`
declares. `LocalPool` is the default backend, training in spawned
processes on this machine; another one (a Ray cluster) can be put behind
the same methods without touching a page, chosen by `PLAYGROUND_BACKEND`.

Example:

```python
backend = create_backend(Settings.from_env())
job_id = backend.submit(ExperimentConfig(), owner="browser-id")
backend.snapshot(job_id).status  # "queued", then "starting", "running", "finished"
```
"""

from __future__ import annotations

import importlib
from typing import Protocol

from playground.classroom import Banner, ClassNotice, ClassOverview, Student
from playground.config import ExperimentConfig
from playground.runs import JobView
from playground.settings import Settings

# PLAYGROUND_BACKEND names one of these, or "package.module:Class" for another one.
BACKENDS = {
    "local": "playground.local_pool:LocalPool",
    "ray": "playground.ray_backend:RayBackend",  # RAY_ADDRESS names the cluster
}


class TrainingBackend(Protocol):
    """What the pages and the sidebar ask of a backend.

    Attributes:
        storage_problem: None, or a message key saying why runs cannot be saved.
    """

    storage_problem: str | None

    def submit(self, config: ExperimentConfig, owner: str, lesson: str = "") -> str:
        """Queues a job for a browser, under a lesson ("" for none), and returns its id.

        Raises:
            PlaygroundError: "class.paused" while the teacher has paused submissions.
        """

    def stop(self, job_id: str) -> None:
        """Drops a queued job; a running one ends after its current batch."""

    def pause(self, job_id: str) -> None:
        """Pauses a job at its next epoch's end; it keeps its trainer until Resume,
        Stop or the server's pause timeout (then it ends as stopped, its model saved)."""

    def resume(self, job_id: str) -> None:
        """A paused job goes on training."""

    def step(self, job_id: str) -> None:
        """A paused job trains exactly one more epoch, then pauses again."""

    def cancel_jobs_of(self, owner: str) -> None:
        """A browser has gone: its queued and running jobs are cancelled."""

    def rename(self, job_id: str, owner: str, name: str) -> None:
        """Names one of `owner`'s jobs (at most `run_names.MAX_NAME_CHARS`
        characters; "" goes back to the automatic name); another owner's job is left alone."""

    def snapshot(self, job_id: str) -> JobView | None:
        """A copy of one job, or None when the backend no longer keeps it."""

    def jobs_of(self, owner: str) -> list[JobView]:
        """Copies of a browser's jobs, oldest first."""

    def estimated_wait(self, job_id: str) -> float | None:
        """Seconds until a queued job should start; None when it is not queued."""

    def trainers_ready(self) -> int:
        """How many trainers can take a job now (0 while they start)."""

    def shutdown(self) -> None:
        """Stops every trainer this backend started."""

    # The class (`playground.classroom`): what the students' pages ask...
    def student(self, owner: str) -> Student:
        """A browser's number in the class (given in order) and its nickname."""

    def set_nickname(self, owner: str, nickname: str) -> Student:
        """Keeps a browser's nickname (cleaned, at most 24 characters; "" for the default)."""

    def class_notice(self) -> ClassNotice:
        """Whether the teacher has paused submissions, and the banner every page shows."""

    # ...and what only the Teacher page asks, once its token has been entered.
    def class_overview(self) -> ClassOverview:
        """Every student's runs, the queue and its waits, the trainers and their memory."""

    def pause_submissions(self, paused: bool) -> None:
        """Refuses (or allows again) new submissions; queued and running jobs go on."""

    def set_banner(self, banner: Banner | None) -> None:
        """Shows a lesson link on every page (None clears it)."""


def create_backend(settings: Settings) -> TrainingBackend:
    """The backend `settings.backend` names, created with `settings`.

    Raises:
        ValueError: for a name that is neither in `BACKENDS` nor "module:Class".
    """
    target = BACKENDS.get(settings.backend, settings.backend)
    module_name, _, class_name = target.partition(":")
    if not class_name:
        raise ValueError(
            f"PLAYGROUND_BACKEND must be one of {', '.join(BACKENDS)} or "
            f"'package.module:Class'. Received: {settings.backend!r}"
        )
    return getattr(importlib.import_module(module_name), class_name)(settings)
