"""The class as the board keeps it: students, nicknames, the pause, the banner, and the
Teacher page's rows, leaderboard, chart points and waits (exact numbers)."""

import os

import pytest

from playground import runs
from playground.board import JobBoard
from playground.class_chart import class_runs_figure
from playground.classroom import (
    MAX_NICKNAME_CHARS,
    Banner,
    ClassOverview,
    Student,
    TrainerState,
    clean_lesson,
    clean_nickname,
    leaderboard,
    plot_points,
    read_banner,
)
from playground.config import DataConfig, ExperimentConfig, LayerConfig
from playground.errors import PlaygroundError
from playground.process_memory import resident_bytes
from playground.runs import EpochEnded, RunFinished, RunStarted, RunSummary
from playground.scheduling import Trainer, WaitEstimator
from playground.settings import Settings

PAGES = ("data", "model", "train", "evaluate", "draw")


def config(lr=0.01, units=(8,), optimizer="adam", dataset="moons", epochs=10) -> ExperimentConfig:
    return ExperimentConfig(
        data=DataConfig(name=dataset, n_samples=200),
        layers=[LayerConfig(u, "relu") for u in units],
        optimizer=optimizer,
        learning_rate=lr,
        epochs=epochs,
    )


def finish(board: JobBoard, job_id: str, val: list, test: float | None) -> None:
    """Runs a job through its epochs (val_accuracy per epoch) to a test accuracy."""
    job = board.next_job(set())  # the oldest queued job
    assert job.id == job_id
    board.apply(RunStarted(job_id))
    for epoch, value in enumerate(val, start=1):
        board.apply(EpochEnded(job_id, epoch, {"epoch": epoch, "val_accuracy": value}))
    summary = RunSummary(
        dataset="moons",
        task="binary",
        kind="points2d",
        class_names=["0", "1"],
        n_test=10,
        config=board.get(job_id).config,
        test={} if test is None else {"loss": 0.3, "accuracy": test},
        epochs_run=len(val),
        seconds={"fit": 1.0},
    )
    board.apply(RunFinished(job_id, "folder", summary))


# ------------------------------------------------------------------ typed text
def test_a_nickname_is_one_printable_line_of_at_most_24_characters():
    assert clean_nickname("  Ann \n\t Lee\u200b\x00 ") == "Ann Lee"
    assert clean_nickname("가" * 40) == "가" * MAX_NICKNAME_CHARS
    assert clean_nickname("<b>**x**</b>") == "<b>**x**</b>"  # kept as typed, escaped when shown
    assert clean_nickname(" \u202e ") == ""
    assert clean_lesson("lesson-1\x07" + "x" * 100) == "lesson-1" + "x" * 56


@pytest.mark.parametrize(
    ("link", "kept"),
    [
        ("model?epochs=20&optimizer=sgd", "model?epochs=20&optimizer=sgd"),
        ("/train", "train"),
        ("data?data.name=moons&lang=ko", "data?data.name=moons&lang=ko"),
        ("model?layers=8-relu%2C4-tanh", "model?layers=8-relu%2C4-tanh"),
    ],
)
def test_a_banner_link_is_a_page_of_this_app_rebuilt_from_its_parts(link, kept):
    assert read_banner(" Try SGD now ", link, PAGES) == Banner("Try SGD now", kept)


@pytest.mark.parametrize(
    "link",
    [
        "https://evil.example/train",
        "//evil.example/train",
        "javascript:alert(1)",
        "train#top",
        "teacher",
        "admin?x=1",
        "train?a=1 b",
        "train?a=1\nb",
        "train?" + "a=1&" * 50,
        "model?" + "x" * 700,
        "",
    ],
)
def test_a_banner_link_leading_anywhere_else_is_refused(link):
    with pytest.raises(PlaygroundError) as refused:
        read_banner("Open this", link, PAGES)
    assert refused.value.code == "class.banner_link"


@pytest.mark.parametrize("text", ["", "   ", "\x00", "x" * 201])
def test_a_banner_needs_a_few_words_but_not_too_many(text):
    with pytest.raises(PlaygroundError) as refused:
        read_banner(text, "train", PAGES)
    assert refused.value.code == "class.banner_text"


# ------------------------------------------------------------------ the board's class
def test_each_browser_gets_the_next_number_and_keeps_its_nickname():
    board = JobBoard()
    board.submit(config(), "browser-a")
    assert board.student("browser-b") == Student(2)
    assert board.student("browser-a") == Student(1)
    assert board.set_nickname("browser-b", "  Mina  ") == Student(2, "Mina")
    assert board.student("browser-b") == Student(2, "Mina")  # a reload asks again: still there
    assert board.set_nickname("browser-b", "") == Student(2)
    assert board.student("browser-c").number == 3


def test_paused_submissions_are_refused_and_queued_jobs_stay_queued():
    board = JobBoard()
    queued = board.submit(config(), "ann")
    board.pause_submissions(True)
    with pytest.raises(PlaygroundError) as refused:
        board.submit(config(), "bob")
    assert refused.value.code == "class.paused"
    assert board.view(queued).status == runs.QUEUED
    assert board.notice().paused and board.notice().banner is None
    board.set_banner(Banner("Look", "train"))
    board.pause_submissions(False)
    assert board.notice().banner == Banner("Look", "train") and not board.notice().paused
    board.submit(config(), "bob")
    board.set_banner(None)
    assert board.notice().banner is None


def test_class_rows_hold_each_runs_exact_numbers_newest_first():
    board = JobBoard()
    first = board.submit(config(lr=0.1, units=(16, 4)), "ann", lesson="lesson-1")
    second = board.submit(config(optimizer="sgd"), "bob")
    finish(board, first, val=[0.5, "nan", 0.75, 0.625], test=0.8)
    board.set_nickname("ann", "Ann")
    newest, oldest = board.class_runs()
    assert newest.job_id == second and newest.status == runs.QUEUED
    assert (newest.student, newest.queue_position, newest.best_val_accuracy) == (
        Student(2),
        1,
        None,
    )
    assert oldest.job_id == first and oldest.student == Student(1, "Ann")
    assert (oldest.best_val_accuracy, oldest.test_accuracy) == (0.75, 0.8)
    assert (oldest.epochs_done, oldest.epochs, oldest.lesson) == (4, 10, "lesson-1")
    assert (oldest.layers, oldest.units, oldest.learning_rate) == (2, 16, 0.1)
    assert oldest.config_line == "16 relu → 4 relu · adam 0.1 · batch 32"


def test_the_queue_has_each_jobs_wait_so_far_and_still_to_come():
    board = JobBoard(estimator=WaitEstimator(epoch_seconds=1.0, overhead_seconds=2.0))
    ids = [board.submit(config(epochs=3), owner) for owner in ("ann", "bob", "ann")]
    for job_id, submitted in zip(ids, (100.0, 110.0, 120.0), strict=True):
        board.get(job_id).submitted_at = submitted
    queue = board.class_queue([Trainer(4.0, "cat")], now=130.0)
    assert [entry.row.job_id for entry in queue] == ids
    assert [entry.waited_s for entry in queue] == [30.0, 20.0, 10.0]
    # One trainer, free in 4 s; each run takes 2 s + 3 epochs × 1 s = 5 s.
    assert [entry.estimated_wait_s for entry in queue] == [4.0, 9.0, 14.0]


def test_an_ended_rows_nickname_follows_the_students_new_one():
    board = JobBoard()
    job_id = board.submit(config(), "ann")
    finish(board, job_id, val=[0.9], test=0.85)
    assert board.class_runs()[0].student == Student(1)
    board.set_nickname("ann", "Zed")
    assert board.class_runs()[0].student == Student(1, "Zed")


def test_forgotten_jobs_leave_the_class_rows_too():
    board = JobBoard(max_kept=1)
    for owner in ("ann", "bob"):
        finish(board, board.submit(config(), owner), val=[0.5], test=0.5)
    assert [row.student.number for row in board.class_runs()] == [2]
    assert len(board._ended_rows) == 1


# ------------------------------------------------------------------ leaderboard and chart
def test_the_leaderboard_keeps_each_students_best_test_accuracy_per_lesson():
    board = JobBoard()
    plan = [
        ("ann", "L1", 0.70),
        ("bob", "L1", 0.90),
        ("ann", "L1", 0.95),
        ("cat", "L1", None),  # a regression: no accuracy, no place
        ("bob", "L2", 0.60),
        ("ann", "", 0.50),
    ]
    for owner, lesson, test in plan:
        finish(board, board.submit(config(), owner, lesson=lesson), val=[0.5], test=test)
    board.set_nickname("bob", "Bob")
    boards = leaderboard(board.class_runs())
    assert list(boards) == ["", "L1", "L2"]
    assert [(r.student, r.best_test_accuracy, r.runs) for r in boards["L1"]] == [
        (Student(1), 0.95, 2),
        (Student(2, "Bob"), 0.90, 1),
    ]
    assert [(r.student.number, r.best_test_accuracy) for r in boards["L2"]] == [(2, 0.60)]
    assert [(r.student.number, r.best_test_accuracy) for r in boards[""]] == [(1, 0.50)]


def test_equal_scores_keep_the_students_order():
    board = JobBoard()
    for owner in ("ann", "bob"):
        finish(board, board.submit(config(), owner), val=[0.5], test=0.8)
    assert [row.student.number for row in leaderboard(board.class_runs())[""]] == [1, 2]


def test_plot_points_use_the_test_accuracy_else_the_best_validation_so_far():
    board = JobBoard()
    done = board.submit(config(lr=0.1), "ann")
    finish(board, done, val=[0.6], test=0.7)
    running = board.submit(config(lr=0.001, optimizer="sgd"), "bob")
    board.next_job(set())
    board.apply(RunStarted(running))
    board.apply(EpochEnded(running, 1, {"epoch": 1, "val_accuracy": 0.55}))
    board.submit(config(), "cat")  # queued: no score, no point
    rows = board.class_runs()
    assert [(x, y) for x, y, _ in plot_points(rows, "learning_rate")] == [(0.001, 0.55), (0.1, 0.7)]
    assert [x for x, _, _ in plot_points(rows, "optimizer")] == ["sgd", "adam"]
    with pytest.raises(ValueError, match="axis='seed'"):
        plot_points(rows, "seed")
    fig = class_runs_figure(rows, "learning_rate", lambda row: "<b>Ann</b>")
    assert fig.layout.xaxis.type == "log"
    assert fig.data[0].text[0].startswith("&lt;b&gt;Ann&lt;/b&gt;<br>")  # shown as typed


def test_the_overview_adds_up_the_trainers_memory():
    overview = ClassOverview(
        trainers=[TrainerState(1, "", True, 100), TrainerState(2, "x", True, None)]
    )
    assert overview.memory_bytes == 100
    assert ClassOverview(trainers=[TrainerState(None, "", True, None)]).memory_bytes is None


def test_a_process_memory_is_read_from_proc():
    if not os.path.exists(f"/proc/{os.getpid()}/statm"):
        pytest.skip("no /proc on this system")
    assert resident_bytes(os.getpid()) > 10 * 2**20  # this Python, with NumPy loaded
    assert resident_bytes(None) is None
    assert resident_bytes(2**22 + 12345) is None


# ------------------------------------------------------------------ the token
def test_the_teacher_token_never_shows_in_settings_repr_nor_its_error(monkeypatch):
    monkeypatch.setenv("PLAYGROUND_TEACHER_TOKEN", " sekrit-123 ")
    settings = Settings.from_env()
    assert settings.teacher_token == "sekrit-123"
    assert "sekrit" not in repr(settings)
    monkeypatch.setenv("PLAYGROUND_TEACHER_TOKEN", "s" * 257)
    with pytest.raises(ValueError, match="at most 256 characters. Received: 257") as err:
        Settings.from_env()
    assert "sss" not in str(err.value)
