"""A browser's runs outlive its reloads and tabs; they end only when all its tabs have gone."""

import threading
import time

import pytest

from playground import board
from playground.browsers import BrowserTabs
from playground.config import DataConfig, ExperimentConfig, LayerConfig
from playground.local_pool import LocalPool
from playground.settings import Settings
from ui.browser import cookie_script


class Tabs:
    """A BrowserTabs whose connections the test switches on and off."""

    def __init__(self, grace_s=0.2):
        self.connected: set[str] = set()
        self.gone: list[str] = []
        self.called = threading.Event()
        self.tabs = BrowserTabs(grace_s, self.connected.__contains__, self._on_gone)

    def _on_gone(self, browser):
        self.gone.append(browser)
        self.called.set()

    def open(self, browser, tab):
        self.connected.add(tab)
        self.tabs.opened(browser, tab)

    def close(self, tab):
        self.connected.discard(tab)
        self.tabs.closed(tab)


def test_a_reload_within_the_grace_period_keeps_the_browser():
    tabs = Tabs()
    tabs.open("alice", "tab-1")
    tabs.close("tab-1")  # F5: the old tab goes...
    tabs.open("alice", "tab-2")  # ...and its replacement connects
    time.sleep(0.5)
    assert tabs.gone == []
    assert tabs.tabs.tabs_of("alice") == ["tab-2"]  # the closed tab is forgotten


def test_the_browser_is_gone_when_its_last_tab_has_been_away_for_the_grace_period():
    tabs = Tabs()
    tabs.open("alice", "tab-1")
    tabs.open("alice", "tab-2")
    tabs.open("bob", "tab-3")
    tabs.close("tab-1")
    time.sleep(0.4)
    assert tabs.gone == []  # tab-2 is still open
    started = time.monotonic()
    tabs.close("tab-2")
    assert tabs.called.wait(5)
    assert time.monotonic() - started >= 0.2
    assert tabs.gone == ["alice"] and tabs.tabs.tabs_of("bob") == ["tab-3"]


def test_a_tab_that_reconnects_after_a_network_blip_keeps_its_browser_until_it_closes():
    tabs = Tabs()
    tabs.open("alice", "tab-1")
    tabs.close("tab-1")
    tabs.connected.add("tab-1")  # the same session reconnects, without a new page run
    time.sleep(0.5)
    assert tabs.gone == []
    tabs.connected.discard("tab-1")  # closed for good: Streamlit does not tell us again
    assert tabs.called.wait(5)
    assert tabs.gone == ["alice"]


def test_the_cookie_script_holds_only_our_token_and_a_known_language():
    token = "A" * 30 + "_-"
    script = cookie_script(token, "ko")
    assert f"playground_browser={token};" in script and "playground_lang=ko;" in script
    assert "SameSite=Lax" in script and "Max-Age=43200" in script and "Path=/" in script
    for bad_token in ("x" * 31, "</script><script>alert(1)</script>" + "a" * 10, "a" * 31 + "'"):
        with pytest.raises(ValueError, match="token"):
            cookie_script(bad_token, "en")
    with pytest.raises(ValueError, match="language"):
        cookie_script(token, "ko'; alert(1); '")


def moons(epochs=2) -> ExperimentConfig:
    return ExperimentConfig(
        data=DataConfig(name="moons", n_samples=120), epochs=epochs, layers=[LayerConfig(4, "relu")]
    )


def test_the_pool_lists_a_browsers_jobs_and_deletes_the_files_of_jobs_it_drops(
    tmp_path, monkeypatch
):
    monkeypatch.setattr(board, "MAX_KEPT_JOBS", 2)
    pool = LocalPool(Settings(pool_size=1, threads_per_worker=1), artifacts_root=tmp_path)
    try:
        assert pool.wait_until_ready(180)
        ids = []
        for owner in ("alice", "bob", "alice"):
            ids.append(pool.submit(moons(), owner))
            deadline = time.monotonic() + 120
            while pool.snapshot(ids[-1]).active and time.monotonic() < deadline:
                time.sleep(0.05)
        assert [job.id for job in pool.jobs_of("alice")] == [ids[2]]  # the oldest was dropped
        assert [job.id for job in pool.jobs_of("bob")] == [ids[1]]
        assert pool.jobs_of("carol") == []
        assert not (tmp_path / ids[0]).exists(), "a dropped job's files must be deleted"
        assert (tmp_path / ids[1]).is_dir() and (tmp_path / ids[2]).is_dir()
    finally:
        pool.shutdown()
