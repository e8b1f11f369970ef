"""MNIST and IMDB files downloaded with the standard library: hash, size, atomic, no retry storm."""

import hashlib
import http.server
import subprocess
import sys
import threading
import time

import numpy as np
import pytest

from playground import datasets
from playground.config import DataConfig
from playground.datasets import downloads
from playground.datasets.downloads import DownloadError, RemoteFile
from playground.errors import DatasetError
from tests.conftest import REPO_ROOT, refused_url


class FileServer:
    """A local HTTP server for a dict of {name: bytes}; counts the requests it answers.

    `declared_length` replaces the true Content-Length; 0 sends none (the body
    then ends when the connection closes).
    """

    def __init__(
        self, files: dict[str, bytes], declared_length: int | None = None, delay_s: float = 0.0
    ):
        self.files, self.requests = files, []
        outer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                outer.requests.append(self.path)
                time.sleep(delay_s)
                body = outer.files.get(self.path.lstrip("/"))
                if body is None:
                    self.send_error(404)
                    return
                self.send_response(200)
                if declared_length != 0:
                    self.send_header("Content-Length", str(declared_length or len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads, self.httpd.block_on_close = True, False
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture(autouse=True)
def fresh_state(monkeypatch, tmp_path):
    monkeypatch.setenv("KERAS_HOME", str(tmp_path / "keras"))
    monkeypatch.setenv("PLAYGROUND_DATA_DIR", str(tmp_path / "empty"))
    downloads.forget_failures()
    yield
    downloads.forget_failures()


def serve(monkeypatch, files, **kwargs) -> FileServer:
    server = FileServer(files, **kwargs)
    monkeypatch.setenv(downloads.URL_VARIABLE, server.url)
    return server


def remote(monkeypatch, name: str, body: bytes, algorithm="sha256", max_bytes=1 << 20):
    """Registers `body` as the expected content of `name`."""
    file_hash = hashlib.new(algorithm, body).hexdigest()
    monkeypatch.setitem(downloads.REMOTE_FILES, name, RemoteFile(name, file_hash, max_bytes))


def leftovers(folder):
    return sorted(path.name for path in folder.iterdir()) if folder.exists() else []


def test_the_addresses_and_hashes_are_the_ones_keras_uses():
    source = (REPO_ROOT / "playground" / "datasets" / "downloads.py").read_text()
    keras_datasets = pytest.importorskip("keras.src.datasets.imdb").__file__.rsplit("/", 1)[0]
    for module in ("mnist.py", "imdb.py"):
        keras_source = open(f"{keras_datasets}/{module}").read()
        assert downloads.KERAS_DATASETS_URL in keras_source
    keras_text = (
        open(f"{keras_datasets}/mnist.py").read() + open(f"{keras_datasets}/imdb.py").read()
    )
    for file in downloads.REMOTE_FILES.values():
        assert f'"{file.file_hash}"' in keras_text, file.name
        assert file.name in keras_text and file.file_hash in source


def test_a_download_is_verified_and_moved_into_place(monkeypatch, tmp_path):
    body = b"x" * 300_000
    remote(monkeypatch, "mnist.npz", body)
    server = serve(monkeypatch, {"mnist.npz": body})
    try:
        path = downloads.fetch("mnist.npz", tmp_path / "cache")
    finally:
        server.close()
    assert path == tmp_path / "cache" / "mnist.npz" and path.read_bytes() == body
    assert leftovers(tmp_path / "cache") == ["mnist.npz"]  # no partial file left behind
    assert downloads.fetch("mnist.npz", tmp_path / "cache") == path  # there now: no request
    assert server.requests == ["/mnist.npz"]


def test_the_md5_hash_of_the_word_index_is_checked_too(monkeypatch, tmp_path):
    body = b'{"the": 1}'
    remote(monkeypatch, "imdb_word_index.json", body, algorithm="md5")
    server = serve(monkeypatch, {"imdb_word_index.json": body})
    try:
        assert downloads.fetch("imdb_word_index.json", tmp_path).read_bytes() == body
    finally:
        server.close()


@pytest.mark.parametrize(
    "served, declared, why",
    [
        (b"tampered", None, "hash"),
        (b"y" * 5000, 0, "more than the 1,000 bytes expected"),  # no length given: counted
        (b"y" * 10, 5000, "offers 5,000 bytes"),  # announced past the bound
    ],
    ids=["hash", "streamed-too-large", "announced-too-large"],
)
def test_a_wrong_or_oversized_file_is_refused_and_nothing_is_kept(
    monkeypatch, tmp_path, served, declared, why
):
    remote(monkeypatch, "imdb.npz", b"the real file", max_bytes=1000)
    server = serve(monkeypatch, {"imdb.npz": served}, declared_length=declared)
    try:
        with pytest.raises(DownloadError) as info:
            downloads.fetch("imdb.npz", tmp_path)
    finally:
        server.close()
    assert why in info.value.reason
    assert leftovers(tmp_path) == []


def test_a_failure_is_remembered_so_pages_do_not_retry(monkeypatch, tmp_path):
    server = serve(monkeypatch, {})  # answers 404 for everything
    try:
        with pytest.raises(DownloadError) as first:
            downloads.fetch("mnist.npz", tmp_path)
        started = time.monotonic()
        for _ in range(20):
            with pytest.raises(DownloadError) as again:
                downloads.fetch("mnist.npz", tmp_path)
        assert time.monotonic() - started < 0.5
        assert server.requests == ["/mnist.npz"]  # one try, however many pages ask
        assert first.value.reason == "HTTP 404" == again.value.reason
        assert 0 < again.value.retry_in_s <= downloads.RETRY_AFTER_S

        monkeypatch.setattr(downloads, "RETRY_AFTER_S", 0.0)  # the memory runs out: try again
        with pytest.raises(DownloadError):
            downloads.fetch("mnist.npz", tmp_path)
        assert len(server.requests) == 2
    finally:
        server.close()


def test_pages_that_ask_at_once_share_one_download(monkeypatch, tmp_path):
    body = b"z" * 100_000
    remote(monkeypatch, "mnist.npz", body)
    server = serve(monkeypatch, {"mnist.npz": body}, delay_s=0.3)
    results = []
    threads = [
        threading.Thread(target=lambda: results.append(downloads.fetch("mnist.npz", tmp_path)))
        for _ in range(5)
    ]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(10)
    finally:
        server.close()
    assert len(results) == 5 and server.requests == ["/mnist.npz"]


def test_a_slow_server_is_given_up_within_the_timeout(monkeypatch, tmp_path):
    monkeypatch.setattr(downloads, "TIMEOUT_S", 0.3)
    server = serve(monkeypatch, {"mnist.npz": b"late"}, delay_s=2.0)
    started = time.monotonic()
    try:
        with pytest.raises(DownloadError):
            downloads.fetch("mnist.npz", tmp_path)
    finally:
        server.close()
    assert time.monotonic() - started < 1.5


def test_mnist_is_downloaded_into_the_keras_cache_and_loaded(monkeypatch, tmp_path):
    rng = np.random.default_rng(0)
    arrays = {
        "x_train": rng.integers(0, 256, (12, 28, 28), dtype=np.uint8),
        "y_train": np.arange(12, dtype=np.uint8) % 10,
        "x_test": rng.integers(0, 256, (6, 28, 28), dtype=np.uint8),
        "y_test": np.arange(6, dtype=np.uint8),
    }
    np.savez(tmp_path / "served.npz", **arrays)
    body = (tmp_path / "served.npz").read_bytes()
    remote(monkeypatch, "mnist.npz", body)
    server = serve(monkeypatch, {"mnist.npz": body})
    try:
        dataset = datasets.load_dataset(DataConfig(name="mnist", n_samples=0, scaling="none"))
    finally:
        server.close()
    np.testing.assert_array_equal(dataset.x_train, arrays["x_train"])
    assert (datasets.keras_cache_dir() / "mnist.npz").read_bytes() == body


def test_imdb_offline_is_one_clear_message_in_both_languages(monkeypatch):
    monkeypatch.setenv(downloads.URL_VARIABLE, refused_url())
    with pytest.raises(DatasetError) as info:
        datasets.load_dataset(DataConfig(name="imdb"))
    english, korean = str(info.value), info.value.message("ko")
    for text in (english, korean):
        for needed in ("imdb.npz", "imdb_word_index.json", "PLAYGROUND_DATA_DIR", "10"):
            assert needed in text, (needed, text)
        assert "Errno" not in text and "Connection refused" not in text
    started = time.monotonic()
    with pytest.raises(DatasetError):
        datasets.load_dataset(DataConfig(name="imdb"))
    assert time.monotonic() - started < 0.5


def test_loading_or_downloading_never_imports_keras(tmp_path):
    code = (
        "import os, sys; sys.path.insert(0, '.')\n"
        "from playground import datasets\n"
        "from playground.config import DataConfig\n"
        "for name in ('mnist', 'imdb'):\n"
        "    try:\n"
        "        datasets.load_dataset(DataConfig(name=name))\n"
        "    except datasets.DatasetError:\n"
        "        pass\n"
        "assert 'keras' not in sys.modules and 'tensorflow' not in sys.modules, 'imported'\n"
    )
    env = {
        "PATH": "/usr/bin:/bin",
        "KERAS_HOME": str(tmp_path),
        "HOME": str(tmp_path),
        "PLAYGROUND_DATA_DIR": str(tmp_path / "none"),
        downloads.URL_VARIABLE: refused_url(),
    }
    subprocess.run([sys.executable, "-c", code], cwd=REPO_ROOT, env=env, check=True, timeout=120)
