"""Pause, Step and Resume in a real browser: paused, the epoch count stays; Step trains exactly
one more epoch; Resume goes on. The run's L2 penalty shows as its share of the loss."""

import re
import time
from urllib.parse import urlencode

from playground.config import DataConfig, ExperimentConfig, LayerConfig
from tests.browser.test_train_in_browser import loss_chart_points

PAUSED = re.compile(r"Paused after epoch (\d+)")
TRAINER_START_MS = 300_000
QUIET_S = 3.0  # several epochs of this run, were it not paused


def paused_epoch(page) -> int:
    page.get_by_text(PAUSED).wait_for()
    return int(PAUSED.search(page.get_by_text(PAUSED).inner_text()).group(1))


def wait_for_points(page, count: int, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and loss_chart_points(page) != count:
        time.sleep(0.2)
    assert loss_chart_points(page) == count


def test_pause_step_resume(page, app_url):
    config = ExperimentConfig(
        data=DataConfig(name="moons", n_samples=400),
        layers=[LayerConfig(16, "relu", dropout=0.2, l2=0.01)],
        epochs=150,
        batch_size=16,
    )
    page.goto(f"{app_url}/train?{urlencode(config.to_query_params())}")
    page.get_by_role("button", name="Train", exact=True).click()
    # After the first epoch; on a fresh server the trainer may still be importing TensorFlow.
    page.get_by_text("weight penalty of").wait_for(timeout=TRAINER_START_MS)
    page.get_by_role("button", name="Pause").click()

    epoch = paused_epoch(page)
    wait_for_points(page, epoch)
    page.get_by_text("keeps a trainer busy").wait_for()
    time.sleep(QUIET_S)
    assert paused_epoch(page) == epoch and loss_chart_points(page) == epoch, "paused: it stays"

    page.get_by_role("button", name="Step: one epoch").click()
    page.get_by_text(f"Paused after epoch {epoch + 1}").wait_for()
    wait_for_points(page, epoch + 1)
    time.sleep(QUIET_S)
    assert loss_chart_points(page) == epoch + 1, "step: exactly one more epoch"

    page.get_by_role("button", name="Resume").click()
    page.get_by_text(PAUSED).wait_for(state="detached")
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and loss_chart_points(page) < epoch + 4:
        time.sleep(0.3)
    assert loss_chart_points(page) >= epoch + 4, "resume: it goes on"
    page.get_by_role("button", name="Stop", exact=True).click()
    page.get_by_text("Stopped after").wait_for()


def test_a_link_with_dropout_and_l2_fills_the_model_page(page, app_url):
    config = ExperimentConfig(
        data=DataConfig(name="moons"), layers=[LayerConfig(32, "relu", dropout=0.25, l2=0.01)]
    )
    page.goto(f"{app_url}/model?{urlencode(config.to_query_params())}")

    def field(label):
        return page.get_by_role("spinbutton", name=label, exact=True)

    field("Layer 1: Dropout rate").wait_for()
    assert field("Layer 1: Dropout rate").input_value() == "0.25"
    assert field("Layer 1: L2 penalty").input_value() == "0.01"
    assert field("Layer 1: L1 penalty").input_value() == "0"
    page.get_by_text("Dropout layers have no parameters").wait_for()
