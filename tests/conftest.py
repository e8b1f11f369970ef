"""Shared test setup: a small pool and private folders for every test run."""

import os
import socket
import tempfile
from pathlib import Path

import pytest

# Before any playground import reads them: one worker is plenty for tests,
# and runs/uploads go to a private folder rather than the system temp dir.
os.environ.setdefault("PLAYGROUND_POOL_SIZE", "1")
os.environ["PLAYGROUND_RUNS_DIR"] = tempfile.mkdtemp(prefix="playground-test-runs-")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
# Strict translations in every test, and in the servers and workers tests start: a
# missing message key or a parameter a message cannot use raises instead of showing
# the raw key or template (the app itself stays lenient: it shows them and logs).
os.environ["PLAYGROUND_STRICT_I18N"] = "1"

from playground import i18n  # noqa: E402 - after the environment above

i18n.STRICT = True

REPO_ROOT = Path(__file__).resolve().parent.parent


def shared_mnist_path() -> Path | None:
    """The real MNIST file, from PLAYGROUND_DATA_DIR or ../shared/data, if present."""
    candidates = (
        [Path(os.environ["PLAYGROUND_DATA_DIR"]) / "mnist.npz"]
        if os.environ.get("PLAYGROUND_DATA_DIR")
        else []
    )
    candidates.append(REPO_ROOT.parent / "shared" / "data" / "mnist.npz")
    return next((path for path in candidates if path.is_file()), None)


def refused_url() -> str:
    """A local address where nothing listens: a download from it fails at once, as offline."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/"


def train_in_process(config, artifacts, stream: bool = True) -> list:
    """Every event of one job run by the trainer in this test process (Keras is imported here)."""
    from playground import trainer
    from playground.runs import RunOrder
    from playground.settings import Settings

    events = []
    trainer.run_job(
        RunOrder("job", config, str(artifacts), stream),
        events.append,
        Settings.from_env(),
        should_stop=lambda: False,
    )
    return events


@pytest.fixture
def fake(monkeypatch):
    """The Train page on the moons, with an in-process FakeBackend behind it
    (tests/fake_backend.py): (the AppTest, the backend)."""
    from tests import fake_backend
    from tests.test_fake_backend import MOONS
    from tests.test_train_page import open_train_page

    with fake_backend.behind_the_pages(monkeypatch):
        yield open_train_page(MOONS), fake_backend.created[-1]
