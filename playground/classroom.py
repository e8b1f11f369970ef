"""The class as a teacher sees it: who trains what, the queue, the trainers, and what worked.

Pure bookkeeping values and functions, no Streamlit, no processes: the
`JobBoard` keeps the students and the class-wide notice and builds the rows
here; a backend adds its trainers; the Teacher page draws the result.

Everything a student or a teacher types is bounded and cleaned here before
it is kept: a nickname (`clean_nickname`), a lesson id (`clean_lesson`),
and a banner (`read_banner`), whose link may only lead INTO this app.

Example:

```python
rows = [run_row(job, board.student(job.owner)) for job in jobs]
leaderboard(rows)["lesson-1"][0].best_test_accuracy  # the lesson's best score
```
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlencode, urlsplit

from playground import runs
from playground.config import layers_line
from playground.errors import PlaygroundError
from playground.runs import JobView

MAX_NICKNAME_CHARS = 24
MAX_LESSON_CHARS = 64
MAX_BANNER_TEXT_CHARS = 200
MAX_BANNER_LINK_CHARS = 600
MAX_BANNER_PARAMS = 40
# What the scatter of the class's runs can put on its x axis.
PLOT_AXES = ("learning_rate", "layers", "units", "optimizer")


# ------------------------------------------------------------------ values
@dataclass(frozen=True)
class Student:
    """A browser of the class: the number the board gave it, in order, and its nickname.

    Attributes:
        number: 1 for the first browser the board met, 2 for the next...
        nickname: what the student chose ("" until then: pages say "student 7").
    """

    number: int
    nickname: str = ""


@dataclass(frozen=True)
class Banner:
    """A lesson link the teacher pushes to every student's page.

    Attributes:
        text: what the banner says (plain text, shown escaped).
        link: a page of this app with query parameters, e.g. "model?epochs=20".
    """

    text: str
    link: str


@dataclass(frozen=True)
class ClassNotice:
    """What every student's page needs to know about the class, read on each page run."""

    paused: bool = False
    banner: Banner | None = None


@dataclass(frozen=True)
class RunRow:
    """One student's run, in the few values the class table, plot and leaderboard need.

    Attributes:
        job_id: the run's id (the teacher's Stop names it).
        student: whose it is.
        status: one of `runs.ACTIVE` + `runs.ENDED`.
        dataset, lesson: what it trained on and the lesson it was trained under.
        config_line: the experiment in one line ("8 relu → 4 tanh · adam 0.001 · batch 32").
        optimizer, learning_rate, layers, units: the plot's axes (`units`: the widest layer).
        epochs, epochs_done: asked and trained.
        best_val_accuracy, test_accuracy: None when the run has none (yet).
        queue_position: 1 for the next job to start, 0 when not queued.
        submitted_at, started_at: when it was queued and when a trainer took it.
    """

    job_id: str
    student: Student
    status: str
    dataset: str
    lesson: str
    config_line: str
    optimizer: str
    learning_rate: float
    layers: int
    units: int
    epochs: int
    epochs_done: int
    best_val_accuracy: float | None
    test_accuracy: float | None
    queue_position: int
    submitted_at: float
    started_at: float | None

    @property
    def active(self) -> bool:
        return self.status in runs.ACTIVE


@dataclass(frozen=True)
class QueuedRun:
    """A queued run with its place, how long it has waited and how long it should still wait."""

    row: RunRow
    waited_s: float
    estimated_wait_s: float | None


@dataclass(frozen=True)
class TrainerState:
    """One trainer: its process (None on a cluster that does not say), the run it
    trains ("" when idle), and the memory it holds (None when unknown)."""

    pid: int | None
    job_id: str
    ready: bool
    rss_bytes: int | None


@dataclass
class ClassOverview:
    """The whole class at one moment, for the Teacher page.

    Attributes:
        runs: every run the backend keeps, newest first.
        queue: the queued runs in the order they will start.
        trainers: the backend's trainers.
        notice: whether submissions are paused, and the banner.
    """

    runs: list[RunRow] = field(default_factory=list)
    queue: list[QueuedRun] = field(default_factory=list)
    trainers: list[TrainerState] = field(default_factory=list)
    notice: ClassNotice = field(default_factory=ClassNotice)

    @property
    def memory_bytes(self) -> int | None:
        """The trainers' memory together, or None when no trainer says."""
        known = [trainer.rss_bytes for trainer in self.trainers if trainer.rss_bytes is not None]
        return sum(known) if known else None


@dataclass(frozen=True)
class LeaderRow:
    """One student's place in a lesson: their best test accuracy and how many runs scored."""

    student: Student
    best_test_accuracy: float
    runs: int


# ------------------------------------------------------------------ typed text
def _printable(text: str) -> str:
    """Text without control or invisible format characters, its spaces collapsed."""
    kept = "".join(
        " " if char.isspace() else char
        for char in str(text)
        if char.isspace() or not unicodedata.category(char).startswith("C")
    )
    return " ".join(kept.split())


def clean_nickname(text: str) -> str:
    """A nickname as the board keeps it: printable, one line, at most 24 characters.

    Args:
        text: what the student typed ("" keeps the default "student 7").
    """
    return _printable(text)[:MAX_NICKNAME_CHARS].strip()


def clean_lesson(text: str) -> str:
    """A lesson id as the board keeps it: printable, at most 64 characters."""
    return _printable(text)[:MAX_LESSON_CHARS].strip()


def read_banner(text: str, link: str, pages: tuple[str, ...]) -> Banner:
    """Checks a banner the teacher typed and returns it in its kept form.

    Args:
        text: the banner's words; at most 200 characters.
        link: a page of this app, optionally with query parameters:
            "model?epochs=20&optimizer=sgd" (a leading "/" is allowed).
            Never an address elsewhere: no scheme, no host.
        pages: the app's page names the link may lead to.

    Returns:
        The banner, its link rebuilt from its parsed parts ("model?epochs=20").

    Raises:
        PlaygroundError: "class.banner_text" for empty or too long text,
            "class.banner_link" for a link that is not a page of this app.
    """
    words = _printable(text)
    if not words or len(words) > MAX_BANNER_TEXT_CHARS:
        raise PlaygroundError("class.banner_text", most=MAX_BANNER_TEXT_CHARS, length=len(words))
    link = str(link).strip()
    refused = PlaygroundError("class.banner_link", link=link[:80], pages=", ".join(pages))
    if len(link) > MAX_BANNER_LINK_CHARS or any(
        char.isspace() or unicodedata.category(char).startswith("C") for char in link
    ):
        raise refused
    parts = urlsplit(link)
    page = parts.path.removeprefix("/")
    if parts.scheme or parts.netloc or parts.fragment or page not in pages:
        raise refused
    try:
        params = parse_qsl(
            parts.query,
            keep_blank_values=True,
            strict_parsing=bool(parts.query),
            max_num_fields=MAX_BANNER_PARAMS,
        )
    except ValueError:
        raise refused from None
    return Banner(words, f"{page}?{urlencode(params)}" if params else page)


# ------------------------------------------------------------------ runs
def _number(value) -> float | None:
    """A finite float, or None for text such as "nan" and for anything missing."""
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        return None
    return float(value)


def config_line(job: JobView) -> str:
    """The experiment in one line, in Keras's own words: "8 relu → 4 tanh · adam 0.001 · batch 32"."""
    config = job.config
    return f"{layers_line(config.layers)} · {config.optimizer} {config.learning_rate:g} · batch {config.batch_size}"


def run_row(job: JobView, student: Student) -> RunRow:
    """One job as a row of the class table.

    The best validation accuracy is the highest `val_accuracy` of its
    epochs; the test accuracy is the finished run's `accuracy` on the test
    set. Either is None when the run has none (a regression, a run that
    failed before its first epoch).
    """
    val = [_number(epoch.get("val_accuracy")) for epoch in job.history]
    val = [value for value in val if value is not None]
    test = _number(job.summary.test.get("accuracy")) if job.summary else None
    return RunRow(
        job_id=job.id,
        student=student,
        status=job.status,
        dataset=job.config.data.name,
        lesson=job.lesson,
        config_line=config_line(job),
        optimizer=job.config.optimizer,
        learning_rate=float(job.config.learning_rate),
        layers=len(job.config.layers),
        units=max((layer.units for layer in job.config.layers), default=0),
        epochs=job.config.epochs,
        epochs_done=len(job.history),
        best_val_accuracy=max(val) if val else None,
        test_accuracy=test,
        queue_position=job.queue_position,
        submitted_at=job.submitted_at,
        started_at=job.started_at,
    )


def leaderboard(rows: list[RunRow]) -> dict[str, list[LeaderRow]]:
    """Each lesson's students by their best test accuracy, best first.

    Args:
        rows: the class's runs; those without a test accuracy do not count.

    Returns:
        lesson id ("" for runs trained outside a lesson) -> one row per
        student, best first; equal scores in the students' order (number).
    """
    best: dict[str, dict[int, LeaderRow]] = {}
    for row in rows:
        if row.test_accuracy is None:
            continue
        lesson = best.setdefault(row.lesson, {})
        kept = lesson.get(row.student.number)
        if kept is None:
            lesson[row.student.number] = LeaderRow(row.student, row.test_accuracy, 1)
        else:
            lesson[row.student.number] = LeaderRow(
                row.student, max(kept.best_test_accuracy, row.test_accuracy), kept.runs + 1
            )
    return {
        lesson: sorted(students.values(), key=lambda r: (-r.best_test_accuracy, r.student.number))
        for lesson, students in sorted(best.items())
    }


def plot_points(rows: list[RunRow], axis: str) -> list[tuple[float | str, float, RunRow]]:
    """The class's scored runs as (x, accuracy, run) points, x being the setting `axis` names.

    The accuracy is the test accuracy of a finished run, else the best
    validation accuracy so far (a run still training shows where it is).

    Raises:
        ValueError: for an axis not in `PLOT_AXES`.
    """
    if axis not in PLOT_AXES:
        raise ValueError(f"Argument `axis` must be one of {PLOT_AXES}. Received: axis={axis!r}")
    points = []
    for row in rows:
        score = row.test_accuracy if row.test_accuracy is not None else row.best_val_accuracy
        if score is not None:
            points.append((getattr(row, axis), score, row))
    return points
