"""The Ray cluster's side of the Ray backend: the class-wide board actor and its trainers.

Two kinds of actor live on the cluster:

- `BoardActor`, one per class, named and detached, so that every web
  replica finds the same one (`ray.get_actor`) and it outlives any of them.
  It holds a plain `playground.board.JobBoard` (the queue, every `JobView`,
  the wait estimates, the jobs log) and is the one place that **dispatches**:
  it owns the trainer actors' handles, hands the board's next job to an idle
  trainer and awaits that trainer's result. Why here: the board already
  knows who is queued and whose job runs, so the order is decided where the
  facts are, under one event loop, with no lock and no second round trip;
  a web replica only asks questions and presses buttons, and can come and go
  without leaving a job behind. It is an async actor: each call runs to its
  end without an `await`, so calls never interleave inside a board change.
- `TrainerActor`, `Settings.pool_size` of them spread over the nodes, each
  one a warm TensorFlow process (`num_cpus = threads_per_worker`), which
  runs `playground.trainer.run_job` per job, exactly as a local worker does.

A running job talks to the board through `_Reporter`: its events are kept
and sent together at most every `REPORT_PERIOD_S` (the newest batch progress
only), and each send returns the job's control word (`RUN`/`STOP`), which
the trainer's stop check reads from that cache. A trainer actor's result is
two objects: the job's last events, and its run folder's files as bytes.
The board keeps the second as an `ObjectRef` it owns (the bytes stay in the
object store, never in the board's memory) until the job is forgotten; a
web replica fetches it once and writes it to its own cache folder
(`playground.ray_backend`).

A trainer whose process dies, or whose node leaves, fails only its job
("train.trainer_lost") and is replaced by a fresh actor; one that ignores
Stop for `stop_grace_s` is killed, its job ended as stopped.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import os
import shutil
import time
from dataclasses import dataclass

import ray
from ray.exceptions import RayError

from playground import runs
from playground.board import JobBoard
from playground.classroom import ClassOverview, TrainerState
from playground.process_memory import resident_bytes
from playground.runs import BatchProgress, RunFailed, RunFinished, RunOrder
from playground.scheduling import TRAINER_START_SECONDS, Trainer
from playground.settings import Settings, runs_dir
from playground.worker import PAUSE, RUN, STEP, STOP

log = logging.getLogger(__name__)

REPORT_PERIOD_S = 0.2  # how often a running job sends its events and reads its control word
WATCH_PERIOD_S = 0.1  # how often the board looks for trainers that ignore Stop
TRAINER_LOST = "train.trainer_lost"


# ----------------------------------------------------------------- trainers
class _Reporter:
    """A running job's link to the board: batched events out, control word in.

    Args:
        board: the board actor's handle.
        job_id: the job it reports.
        period: seconds between two sends.
    """

    def __init__(self, board, job_id: str, period: float = REPORT_PERIOD_S):
        self.board, self.job_id, self.period = board, job_id, period
        self.pending: list = []
        self.control = RUN
        self._sent_at = 0.0

    def emit(self, event) -> None:
        """Keeps an event; sends what is kept when the period has passed."""
        if isinstance(event, BatchProgress) and self.pending:
            if isinstance(self.pending[-1], BatchProgress):
                self.pending[-1] = event  # only the newest progress matters
                event = None
        if event is not None:
            self.pending.append(event)
        if not isinstance(event, (RunFinished, RunFailed)):
            self._send_if_due()

    def should_stop(self) -> bool:
        """The trainer's stop check: the cached control word, refreshed when due."""
        self._send_if_due()
        return self.control == STOP

    def after_epoch(self) -> bool:
        """Whether to pause at this epoch's end (the epoch's events go out first, and
        the control word is read fresh); a Step's one epoch ends here."""
        self._sent_at = 0.0
        self._send_if_due()
        if self.control == STEP:
            self.control = ray.get(self.board.step_taken.remote(self.job_id))
        return self.control == PAUSE

    def resumed(self) -> bool:
        """Whether a paused job may go on: Resume (RUN) or Step (one more epoch)."""
        self._send_if_due()
        return self.control in (RUN, STEP)

    def take_pending(self) -> list:
        """The events not sent yet (the run's end among them), for the trainer's result."""
        pending, self.pending = self.pending, []
        return pending

    def _send_if_due(self) -> None:
        if time.monotonic() - self._sent_at < self.period:
            return
        events, self.pending = self.pending, []
        rss = resident_bytes(os.getpid())
        self.control = ray.get(self.board.report.remote(self.job_id, events, rss))
        self._sent_at = time.monotonic()


class TrainerActor:
    """A warm training process on some node of the cluster.

    Args:
        settings: threads, CPU priority and the limits every job is checked against.
        board_name, namespace: where its jobs report to.
    """

    def __init__(self, settings: Settings, board_name: str, namespace: str):
        if settings.worker_nice:
            os.nice(settings.worker_nice)
        from playground import worker  # the local trainers' start-up, shared

        worker.share_compiled_programs(settings)  # the node's XLA cache, before TensorFlow
        self._trainer = worker.import_trainer(settings.threads_per_worker)  # once, before any job
        self._settings = settings
        self._board = ray.get_actor(board_name, namespace=namespace)

    def ready(self) -> tuple[int, int | None]:
        """This trainer's process id and memory, once TensorFlow is imported."""
        return os.getpid(), resident_bytes(os.getpid())

    @ray.method(num_returns=2)
    def run(self, order: RunOrder) -> tuple[list, dict[str, bytes]]:
        """Trains one job.

        Returns:
            The job's events not reported yet (its end last), and, for a
            run that saved a model, its folder's files {relative path: bytes}.
        """
        folder = runs_dir() / "ray-trainer" / order.job
        reporter = _Reporter(self._board, order.job)
        self._trainer.run_job(
            dataclasses.replace(order, artifacts=str(folder)),
            reporter.emit,
            self._settings,
            should_stop=reporter.should_stop,
            pause=reporter,
        )
        events = reporter.take_pending()
        files = {}
        if events and isinstance(events[-1], RunFinished):
            files = {
                str(path.relative_to(folder)): path.read_bytes()
                for path in sorted(folder.rglob("*"))
                if path.is_file()
            }
        shutil.rmtree(folder, ignore_errors=True)
        return events, files


# -------------------------------------------------------------------- board
@dataclass
class _Seat:
    """One trainer as the board sees it."""

    handle: object
    ready: bool = False
    pid: int | None = None
    job_id: str | None = None
    stop_requested_at: float | None = None
    jobs_done: int = 0
    rss_bytes: int | None = None  # as the trainer last reported it


class BoardActor:
    """The class-wide job board and dispatcher (see the module's docstring).

    Args:
        settings: the class's settings: trainers (`pool_size`), threads
            per trainer, stop grace, recycling, the limits.
        board_name, namespace: this actor's own name, for its trainers.
    """

    def __init__(self, settings: Settings, board_name: str, namespace: str):
        self.settings = settings
        self.board = JobBoard(log_folder=runs_dir(), pause_timeout_s=settings.pause_timeout_s)
        self._name = (board_name, namespace)
        self._seats: list[_Seat] = []
        self._control: dict[str, int] = {}
        self._files: dict[str, ray.ObjectRef] = {}
        self._tasks: set[asyncio.Task] = set()
        self._started = False

    async def start(self) -> None:
        """Starts the trainers and the watch loop (once; later calls do nothing)."""
        if self._started:
            return
        self._started = True
        self._seats = [self._new_seat() for _ in range(self.settings.pool_size)]
        self._spawn(self._watch())

    # ------------------------------------------------------- replicas' calls
    async def call(self, method: str, *args, **kwargs):
        """Runs one public `JobBoard` method and returns its result.

        Any board method reaches the replicas through this, with no new code
        here: `RayBackend._call("views_of", owner)`.
        """
        if method.startswith("_") or not callable(getattr(JobBoard, method, None)):
            raise AttributeError(f"JobBoard has no public method {method!r}.")
        result = getattr(self.board, method)(*args, **kwargs)
        self._forget_files()
        self._dispatch()
        return result

    async def stop(self, job_id: str, final_status: str = runs.STOPPED) -> None:
        """Drops a queued job; tells a starting or running one's trainer to stop."""
        if self.board.request_stop(job_id, final_status):
            self._control[job_id] = STOP
            for seat in self._seats:
                if seat.job_id == job_id and seat.stop_requested_at is None:
                    seat.stop_requested_at = time.monotonic()

    async def cancel_jobs_of(self, owner: str) -> None:
        for job in self.board.views_of(owner):
            if job.active:
                await self.stop(job.id, runs.CANCELLED)

    async def set_control(self, job_id: str, word: int) -> None:
        """Sets the control word a running job's trainer reads within `REPORT_PERIOD_S`."""
        if job_id in self._control and self._control[job_id] != STOP:
            self._control[job_id] = word

    async def pause(self, job_id: str) -> None:
        """Pauses a job at its next epoch's end (a queued one, after its first epoch)."""
        if self.board.request_pause(job_id):
            await self.set_control(job_id, PAUSE)

    async def resume(self, job_id: str) -> None:
        if self.board.request_resume(job_id):
            await self.set_control(job_id, RUN)

    async def step(self, job_id: str) -> None:
        """A paused job trains one more epoch, then pauses again."""
        if self.board.request_step(job_id):
            await self.set_control(job_id, STEP)

    async def step_taken(self, job_id: str) -> int:
        """A trainer has spent a Step's epoch: STEP becomes PAUSE (unless Resume or
        Stop came in between). Returns the job's control word."""
        if self._control.get(job_id) == STEP:
            self._control[job_id] = PAUSE
        return self._control.get(job_id, RUN)

    async def estimated_wait(self, job_id: str) -> float | None:
        return self.board.estimated_wait(job_id, self._trainers(time.time()))

    async def trainers_ready(self) -> int:
        return sum(seat.ready for seat in self._seats)

    async def trainer_pids(self) -> list[int]:
        return [seat.pid for seat in self._seats if seat.pid is not None]

    async def files_of(self, job_id: str) -> list:
        """[the ObjectRef of a finished job's files], or [] (wrapped: the caller fetches it)."""
        ref = self._files.get(job_id)
        return [ref] if ref is not None else []

    async def shutdown(self) -> None:
        """Kills every trainer; the caller then kills this actor."""
        for seat in self._seats:
            ray.kill(seat.handle)
        self._seats = []

    # --------------------------------------------------------- trainers' call
    async def report(self, job_id: str, events: list, rss_bytes: int | None = None) -> int:
        """Folds a running job's events into the board, notes its trainer's memory;
        returns its control word."""
        for event in events:
            self.board.apply(event)
        for seat in self._seats:
            if seat.job_id == job_id:
                seat.rss_bytes = rss_bytes
        return self._control.get(job_id, RUN)

    async def class_overview(self) -> ClassOverview:
        """Every run, the queue with its waits, and each trainer with the memory it last
        reported (trainers live on other nodes: the board cannot read their /proc)."""
        now = time.time()
        return ClassOverview(
            runs=self.board.class_runs(),
            queue=self.board.class_queue(self._trainers(now), now),
            trainers=[
                TrainerState(seat.pid, seat.job_id or "", seat.ready, seat.rss_bytes)
                for seat in self._seats
            ],
            notice=self.board.notice(),
        )

    # ------------------------------------------------------------- dispatch
    def _new_seat(self) -> _Seat:
        handle = _REMOTE_TRAINER.options(
            num_cpus=self.settings.threads_per_worker,
            scheduling_strategy="SPREAD",
            max_restarts=0,
        ).remote(self.settings, *self._name)
        seat = _Seat(handle)
        self._spawn(self._wait_ready(seat))
        return seat

    async def _wait_ready(self, seat: _Seat) -> None:
        try:
            seat.pid, seat.rss_bytes = await seat.handle.ready.remote()
        except RayError as err:
            log.warning("a trainer did not start: %s", err)
            self._replace(seat)
            return
        seat.ready = True
        self._dispatch()

    def _dispatch(self) -> None:
        for seat in self._seats:
            if not seat.ready or seat.job_id is not None:
                continue
            job = self.board.next_job(self._busy_owners(), seat.pid)
            if job is None:
                return
            seat.job_id, seat.stop_requested_at = job.id, None
            self._control[job.id] = PAUSE if job.pause_requested else RUN
            self._spawn(self._run(seat, RunOrder(job.id, job.config, job.id, job.stream)))

    async def _run(self, seat: _Seat, order: RunOrder) -> None:
        events_ref, files_ref = seat.handle.run.remote(order)
        try:
            events = await events_ref
        except RayError as err:
            self._trainer_lost(seat, order.job, err)
            return
        for event in events:
            self.board.apply(event)
        job = self.board.get(order.job)
        if job is not None and job.artifacts:
            self._files[order.job] = files_ref
        self._release(seat)
        self._forget_files()
        self._dispatch()

    def _trainer_lost(self, seat: _Seat, job_id: str, err: Exception) -> None:
        job = self.board.get(job_id)
        if job is not None and job.active:
            if self._control.get(job_id) == STOP:
                self.board.end(job, runs.STOPPED)  # killed for ignoring Stop
            else:
                log.warning("job %s: its trainer %s was lost: %s", job_id, seat.pid, err)
                detail = {"kind": "TrainerLost", "message": f"pid {seat.pid}: {type(err).__name__}"}
                self.board.fail(job, TRAINER_LOST, {}, detail)
        self._control.pop(job_id, None)
        self._replace(seat)
        self._dispatch()

    def _release(self, seat: _Seat) -> None:
        self._control.pop(seat.job_id, None)
        seat.job_id, seat.stop_requested_at = None, None
        seat.jobs_done += 1
        if seat.jobs_done >= self.settings.recycle_after_jobs:
            ray.kill(seat.handle)
            self._replace(seat)

    def _replace(self, seat: _Seat) -> None:
        if seat in self._seats:
            self._seats[self._seats.index(seat)] = self._new_seat()

    async def _watch(self) -> None:
        """Kills trainers that ignore Stop; their `_run` then ends the job."""
        while True:
            now = time.monotonic()
            for seat in self._seats:
                asked = seat.stop_requested_at
                if asked is not None and now - asked > self.settings.stop_grace_s:
                    seat.stop_requested_at = None
                    ray.kill(seat.handle)
            self._dispatch()
            await asyncio.sleep(WATCH_PERIOD_S)

    def _busy_owners(self) -> set[str]:
        jobs = (self.board.get(seat.job_id) for seat in self._seats if seat.job_id)
        return {job.owner for job in jobs if job is not None}

    def _trainers(self, now: float) -> list[Trainer]:
        trainers = []
        for seat in self._seats:
            job = self.board.get(seat.job_id or "")
            free_in = (
                self.board.remaining_seconds(seat.job_id, now)
                if seat.ready
                else TRAINER_START_SECONDS
            )
            trainers.append(Trainer(free_in, job.owner if job else None))
        return trainers

    def _forget_files(self) -> None:
        """Drops the files of jobs the board has forgotten, so the object store can free them."""
        for job_id in [job_id for job_id in self._files if self.board.get(job_id) is None]:
            del self._files[job_id]

    def _spawn(self, coroutine) -> None:
        task = asyncio.get_running_loop().create_task(coroutine)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)


_REMOTE_TRAINER = ray.remote(TrainerActor)
REMOTE_BOARD = ray.remote(BoardActor)  # async (its methods are): one event loop, no lock
