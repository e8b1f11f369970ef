"""Every page with every dataset, IMDB offline included, and the web server never loads TensorFlow."""

import time
from urllib.parse import urlencode

import pytest

from devtools.streamlit_client import StreamlitClient
from devtools.streamlit_server import mapped_files, start_server
from playground.datasets import DATASETS
from playground.datasets.downloads import URL_VARIABLE
from tests.browser.test_streamlit_client import run_in_its_own_thread
from tests.conftest import refused_url, shared_mnist_path

PAGES = ["", "data", "model", "train", "evaluate", "draw"]


@pytest.fixture
def offline_server(tmp_path):
    """A server without internet: an empty Keras cache, downloads refused at once."""
    mnist = shared_mnist_path()
    env = {
        "PLAYGROUND_POOL_SIZE": "1",
        "KERAS_HOME": str(tmp_path / "keras"),
        "PLAYGROUND_DATA_DIR": str(mnist.parent if mnist else tmp_path / "no-data"),
        URL_VARIABLE: refused_url(),
    }
    server = start_server(env=env)
    yield server
    server.stop()


async def visit_every_page(url: str) -> dict[tuple[str, str], StreamlitClient]:
    visits = {}
    for name in DATASETS:
        async with StreamlitClient(url) as tab:
            for page in PAGES:
                await tab.open(page, urlencode({"data.name": name}))
                assert "exception" not in tab.element_kinds(), (name, page, tab.texts())
                visits[name, page] = list(tab.texts()), tab.responses[-1].seconds
    return visits


def test_every_page_with_every_dataset_leaves_the_server_free_of_tensorflow(offline_server):
    visits = run_in_its_own_thread(visit_every_page(offline_server.url))

    for page in ("data", "model", "train"):
        texts, _ = visits["imdb", page]
        shown = "\n".join(texts)
        assert "imdb_word_index.json" in shown and "PLAYGROUND_DATA_DIR" in shown, (page, shown)
        assert "Errno" not in shown and "tf-keras-datasets/imdb.npz" not in shown  # no raw error
    imdb_seconds = sorted(seconds for (name, _), (_, seconds) in visits.items() if name == "imdb")
    assert imdb_seconds[-2] < 5, f"offline IMDB pages must not wait for downloads: {imdb_seconds}"

    assert mapped_files(offline_server.pid, "tensorflow") == [], "the web server loaded TensorFlow"
    # The same check sees TensorFlow where it is loaded: in the training workers.
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline and not any(
        mapped_files(pid, "tensorflow") for pid in offline_server.descendants()
    ):
        time.sleep(1)
    assert any(mapped_files(pid, "tensorflow") for pid in offline_server.descendants())
    assert mapped_files(offline_server.pid, "tensorflow") == []
