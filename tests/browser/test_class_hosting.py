"""Hosting a class: a closed tab's jobs are cancelled, and stopping the server leaves no workers."""

import json
import time
from urllib.parse import urlencode

import pytest

from devtools.streamlit_server import alive, start_server
from playground.config import DataConfig, ExperimentConfig, LayerConfig

GRACE_S = 5


def long_experiment() -> ExperimentConfig:
    # 64,000 steps: long, and within the server's PLAYGROUND_MAX_TRAIN_STEPS
    return ExperimentConfig(
        data=DataConfig(name="moons", n_samples=4000),
        epochs=200,
        batch_size=8,
        layers=[LayerConfig(256, "relu"), LayerConfig(256, "relu")],
    )


def ended_jobs(server) -> dict[str, dict]:
    if not server.jobs_log.exists():
        return {}
    return {record["id"]: record for record in map(json.loads, server.jobs_log.open())}


@pytest.fixture
def server():
    running = start_server(
        env={"PLAYGROUND_POOL_SIZE": "1"},
        extra_args=["--server.disconnectedSessionTTL", str(GRACE_S)],
    )
    yield running
    running.stop()


def test_a_closed_tab_is_cancelled_and_stopping_the_server_leaves_no_workers(browser, server):
    context = browser.new_context()
    page = context.new_page()
    page.set_default_timeout(60_000)
    page.goto(f"{server.url}/train?{urlencode(long_experiment().to_query_params())}")
    train = page.get_by_role("button", name="Train", exact=True)
    train.click()
    # the progress bar: the job is running
    page.locator('[data-testid="stMain"]').get_by_text("batch").first.wait_for()
    train.click()
    page.get_by_role("button", name="Queue the new one after it").click()
    page.get_by_text("starts when your current run ends").wait_for()
    workers = server.descendants()
    assert workers, "the server should have started its training workers"

    context.close()  # the student closes the tab
    time.sleep(GRACE_S / 2)
    assert ended_jobs(server) == {}, "a closed tab's runs must wait out the grace period"
    deadline = time.monotonic() + GRACE_S + 60
    while time.monotonic() < deadline and len(ended_jobs(server)) < 2:
        time.sleep(0.5)
    records = list(ended_jobs(server).values())
    assert [r["status"] for r in records] == ["cancelled", "cancelled"], records
    assert sorted(r["started_at"] is None for r in records) == [False, True]  # running + queued
    assert all(r["epochs_done"] < 200 for r in records)

    server.stop()
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and any(alive(pid) for pid in workers):
        time.sleep(0.2)
    assert not [pid for pid in workers if alive(pid)], "worker processes outlived the server"
