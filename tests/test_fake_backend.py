"""The pages against an in-process backend chosen by PLAYGROUND_BACKEND: every state of a
run, drawn from the backend interface alone (a second backend needs no page change)."""

from playground.config import DataConfig, ExperimentConfig, LayerConfig
from tests import fake_backend
from tests.test_pages import texts
from tests.test_train_page import sidebar_texts

MOONS = ExperimentConfig(
    data=DataConfig(name="moons", n_samples=200), epochs=3, layers=[LayerConfig(8, "relu")]
)
LOGS = {"loss": 0.5, "val_loss": 0.55, "accuracy": 0.8, "val_accuracy": 0.78}


def test_the_backend_named_in_the_environment_serves_the_pages(fake):
    at, backend = fake
    assert type(backend).__name__ == "FakeBackend"
    at.button(key="train_button").click().run()
    assert [job.status for job in backend.board.views_of(at.session_state["_browser_id"])] == [
        "queued"
    ]


def test_a_queued_run_shows_its_place_and_its_wait(fake):
    at, backend = fake
    backend.submit(MOONS, owner="someone else")
    backend.start()  # the only trainer is busy for about 10 s more
    backend.submit(MOONS, owner="a third student")
    at.button(key="train_button").click().run()
    assert "number 2 in the queue" in texts(at)
    # 10 s for the running job, then the third student's 3 epochs at the default 1 s + 2 s.
    assert "about 15 s" in texts(at)
    at.switch_page("pages/data.py").run()
    assert "number 2 in the queue" in sidebar_texts(at.sidebar)


def test_a_running_run_draws_its_epochs_and_a_finished_one_its_scores(fake, tmp_path):
    at, backend = fake
    at.button(key="train_button").click().run()
    job_id = backend.start()
    backend.epoch(job_id, LOGS)
    at.run()
    assert [bar.proto.text for bar in at.get("progress")] == ["Epoch 1/3"]
    assert len(at.get("plotly_chart")) >= 2
    history = [{"epoch": 1, **LOGS}, {"epoch": 2, **LOGS}]
    backend.epoch(job_id, LOGS)
    backend.finish(job_id, tmp_path / job_id, fake_backend.binary_result(MOONS, history))
    at.run()
    assert "Finished after 2 epochs" in texts(at)
    assert [metric.value for metric in at.metric] == ["0.3000", "0.9000"]

    at.switch_page("pages/evaluate.py").run()
    assert not at.exception, at.exception
    assert "Confusion matrix" in texts(at)


def test_a_failed_run_shows_its_message_and_stop_ends_a_queued_one(fake):
    at, backend = fake
    at.button(key="train_button").click().run()
    job_id = backend.start()
    backend.fail(
        job_id,
        "train.exploded",
        {"epoch": 1, "loss": 3e9, "learning_rate": 1000.0, "suggestion": 100.0, "reference": 0.7},
    )
    at.run()
    assert "10× smaller" in texts(at)
    at.button(key="train_button").click().run()
    at.button(key="stop_button").click().run()
    statuses = [job.status for job in backend.board.views_of(at.session_state["_browser_id"])]
    assert statuses == ["failed", "stopped"]


def test_a_run_handed_to_a_trainer_shows_starting_not_number_0(fake):
    at, backend = fake
    at.button(key="train_button").click().run()
    backend.board.next_job(set())  # a trainer has it, but has not picked it up yet
    at.run()
    assert "Starting your run" in texts(at)
    assert "number 0 in the queue" not in texts(at)
    at.switch_page("pages/model.py").run()  # every other page says it in its sidebar
    assert not at.exception, at.exception
    assert "Your run is starting" in sidebar_texts(at.sidebar)
