"""How a class shares its trainers: the queue's order and the waits it predicts.

Pure policy, no processes and no clocks of its own, so every backend (the
local pool, a Ray cluster) schedules the same way and the rules can be
tested with exact numbers:

* jobs start in the order they were submitted (first come, first served);
* a student (an owner) never has two jobs training at once: their next job
  waits until the running one ends, without holding up anyone behind it;
* a queued job's wait is found by replaying the queue on the trainers, each
  job taking what recent jobs on the same dataset took per epoch.

Example:

```python
queue = JobQueue()
queue.add("a", owner="ann"); queue.add("b", owner="ann"); queue.add("c", owner="bob")
queue.next_job(busy_owners={"ann"})  # "c": ann's jobs wait for her running one
```
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass

DEFAULT_EPOCH_SECONDS = 1.0  # the estimate before any job has finished
DEFAULT_OVERHEAD_SECONDS = 2.0  # loading, building and saving: what is not the fit
TRAINER_START_SECONDS = 8.0  # a trainer importing TensorFlow


class JobQueue:
    """The jobs waiting for a trainer, oldest first, with their owners."""

    def __init__(self):
        self._owners: OrderedDict[str, str] = OrderedDict()

    def __len__(self) -> int:
        return len(self._owners)

    def __contains__(self, job_id: str) -> bool:
        return job_id in self._owners

    def __iter__(self):
        return iter(list(self._owners))

    def add(self, job_id: str, owner: str) -> None:
        self._owners[job_id] = owner

    def add_first(self, job_id: str, owner: str) -> None:
        """Puts a job back at the head (its trainer went away before taking it)."""
        self._owners[job_id] = owner
        self._owners.move_to_end(job_id, last=False)

    def remove(self, job_id: str) -> None:
        self._owners.pop(job_id, None)

    def owner(self, job_id: str) -> str:
        return self._owners[job_id]

    def positions(self) -> dict[str, int]:
        """Each queued job's place: 1 starts next."""
        return {job_id: place for place, job_id in enumerate(self._owners, start=1)}

    def next_job(self, busy_owners: set[str]) -> str | None:
        """The oldest job whose owner has nothing running, or None."""
        return next(
            (job_id for job_id, owner in self._owners.items() if owner not in busy_owners), None
        )


@dataclass(frozen=True)
class Trainer:
    """A trainer as the wait estimate sees it.

    Attributes:
        free_in: seconds until it can take a job (0 when idle).
        owner: the owner of the job it is running, or None.
    """

    free_in: float
    owner: str | None = None


@dataclass(frozen=True)
class QueuedJob:
    """A queued job as the wait estimate sees it."""

    id: str
    owner: str
    dataset: str
    epochs: int


class WaitEstimator:
    """Learns how long runs take and replays the queue to predict waits.

    Per dataset it keeps a moving average of the seconds per epoch of the
    fit; across datasets, one of the rest of a run (loading, building,
    saving). Before any run has ended on a dataset, the slowest dataset
    seen stands in for it (else `DEFAULT_EPOCH_SECONDS`).
    """

    def __init__(
        self,
        epoch_seconds: float = DEFAULT_EPOCH_SECONDS,
        overhead_seconds: float = DEFAULT_OVERHEAD_SECONDS,
    ):
        self.default_epoch_seconds = epoch_seconds
        self.overhead_seconds = overhead_seconds
        self.epoch_seconds: dict[str, float] = {}

    def learn(self, dataset: str, epochs: int, fit_seconds: float, total_seconds: float) -> None:
        """Records a finished run: `epochs` trained in `fit_seconds`, `total_seconds` in all."""
        if epochs < 1:
            return
        per_epoch = fit_seconds / epochs
        previous = self.epoch_seconds.get(dataset, per_epoch)
        self.epoch_seconds[dataset] = 0.5 * previous + 0.5 * per_epoch
        overhead = max(0.0, total_seconds - fit_seconds)
        self.overhead_seconds = 0.5 * self.overhead_seconds + 0.5 * overhead

    def seconds_per_epoch(self, dataset: str) -> float:
        known = self.epoch_seconds.get(dataset)
        if known is None and self.epoch_seconds:
            known = max(self.epoch_seconds.values())
        return self.default_epoch_seconds if known is None else known

    def expected_seconds(self, dataset: str, epochs: int) -> float:
        """How long a run should take from its start to its end."""
        return self.overhead_seconds + self.seconds_per_epoch(dataset) * max(1, epochs)

    def remaining_seconds(
        self, dataset: str, epochs: int, elapsed: float, epochs_done: int
    ) -> float:
        """Seconds left of a running job: at its own pace once it has one epoch."""
        if epochs_done:
            pace = elapsed / epochs_done
            return max(0.0, pace * (max(1, epochs) - epochs_done))
        return max(0.0, self.expected_seconds(dataset, epochs) - elapsed)

    def wait(self, job_id: str, queue: list[QueuedJob], trainers: list[Trainer]) -> float | None:
        """Seconds until a queued job should start, by replaying the queue (see `waits`).

        Returns:
            The wait, or None when `job_id` is not in `queue` or there is no trainer.
        """
        return self.waits(queue, trainers).get(job_id)

    def waits(self, queue: list[QueuedJob], trainers: list[Trainer]) -> dict[str, float]:
        """Seconds until each queued job should start, by replaying the queue once.

        Each time a trainer comes free it takes the oldest job whose owner
        has nothing running, as the backends dispatch; that job then holds
        the trainer, and its owner, for its expected duration.

        Args:
            queue: every queued job, oldest first.
            trainers: every trainer there is or will be.

        Returns:
            job id -> its wait; empty when there is no trainer.
        """
        if not trainers:
            return {}
        free_at = [trainer.free_in for trainer in trainers]
        owner_free_at = {trainer.owner: trainer.free_in for trainer in trainers if trainer.owner}
        waiting, starts = list(queue), {}
        while waiting:
            slot = min(range(len(free_at)), key=free_at.__getitem__)
            now = free_at[slot]
            job = next((job for job in waiting if owner_free_at.get(job.owner, 0.0) <= now), None)
            if job is None:  # every waiting owner is busy: this trainer idles until one is not
                free_at[slot] = min(owner_free_at[job.owner] for job in waiting)
                continue
            starts[job.id] = now
            waiting.remove(job)
            free_at[slot] = owner_free_at[job.owner] = now + self.expected_seconds(
                job.dataset, job.epochs
            )
        return starts
