"""The protocol-level student of the classroom benchmarks, against a real server."""

import asyncio
import time
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlencode

import pytest

from devtools.streamlit_client import StreamlitClient
from playground.config import DataConfig, ExperimentConfig, LayerConfig


def experiment() -> str:
    """Long enough (a few seconds) for the page to refresh its progress while it trains."""
    config = ExperimentConfig(
        data=DataConfig(name="moons", n_samples=1000),
        epochs=40,
        batch_size=8,
        layers=[LayerConfig(16, "relu")],
    )
    return urlencode(config.to_query_params())


async def train_once(url: str) -> StreamlitClient:
    async with StreamlitClient(url) as tab:
        await tab.open("train", experiment())
        assert tab.shows("Press Train to start"), tab.texts()
        await tab.click("train_button")
        assert await tab.wait_until_shown("Finished after 40 epochs", timeout=120), tab.texts()
        shown_at = time.time()
        await asyncio.sleep(2.5)  # a finished run's page stops refreshing
        assert not [r for r in tab.responses if r.kind == "fragment" and r.sent_at > shown_at]
        with pytest.raises(LookupError):
            await tab.click("no_such_button")
        return tab


def run_in_its_own_thread(coroutine):
    """Playwright's sync API (the other browser tests) keeps an event loop running in this thread."""
    with ThreadPoolExecutor(max_workers=1) as thread:
        return thread.submit(asyncio.run, coroutine).result()


def test_a_protocol_client_trains_like_a_browser_and_times_each_answer(app_url):
    tab = run_in_its_own_thread(train_once(app_url))
    kinds = [response.kind for response in tab.responses]
    assert kinds[:2] == ["open", "click"]
    assert "fragment" in kinds, "the page should have refreshed its progress while training"
    assert all(0 < response.seconds < 60 for response in tab.responses)
    assert not tab.failures
