"""A student in a real browser: train a toy set, watch the chart grow live, evaluate."""

import time
from urllib.parse import urlencode

from playground.config import DataConfig, ExperimentConfig

POINT_COUNTS_JS = """() => Array.from(document.querySelectorAll('.js-plotly-plot'))
    .map(plot => (plot.data && plot.data[0] && plot.data[0].x) ? plot.data[0].x.length : 0)"""


def loss_chart_points(page) -> int:
    counts = page.evaluate(POINT_COUNTS_JS)
    return counts[0] if counts else 0


def stop_enabled(page) -> bool:
    return page.get_by_role("button", name="Stop").is_enabled()


def test_loss_chart_gains_points_while_training_then_confusion_matrix(page, app_url):
    config = ExperimentConfig(
        data=DataConfig(name="moons", n_samples=600), epochs=150, batch_size=16
    )
    page.goto(f"{app_url}/train?{urlencode(config.to_query_params())}")
    train = page.get_by_role("button", name="Train", exact=True)
    train.wait_for()
    # A deep link on a fresh server must still run through app.py's navigation.
    page.get_by_text("Language / 언어").wait_for()
    train.click()

    seen_while_running = []
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and len(set(seen_while_running)) < 3:
        points = loss_chart_points(page)
        if points and stop_enabled(page):
            seen_while_running.append(points)
        time.sleep(0.4)
    assert len(set(seen_while_running)) >= 3, seen_while_running
    assert seen_while_running == sorted(seen_while_running)
    assert stop_enabled(page), "the job should still be running"

    page.get_by_role("button", name="Stop").click()
    page.get_by_text("Stopped after").wait_for()

    page.get_by_role("link", name="Evaluate").first.click()
    page.get_by_text("Confusion matrix").wait_for()
    confusion_matrix = page.locator("[data-testid='stPlotlyChart']").filter(has_text="Predicted")
    confusion_matrix.locator(".heatmaplayer").first.wait_for()
