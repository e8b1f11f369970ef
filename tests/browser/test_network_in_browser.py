"""A student in a real browser watches the network diagram redraw while a spiral trains."""

import time
from urllib.parse import urlencode

from playground.config import DataConfig, ExperimentConfig, LayerConfig

DIAGRAM_EPOCHS_JS = """() => Array.from(document.querySelectorAll('.js-plotly-plot'))
    .map(plot => plot.layout && plot.layout.meta && plot.layout.meta.epoch)
    .filter(epoch => epoch)"""


def diagram_epoch(page) -> int | None:
    epochs = page.evaluate(DIAGRAM_EPOCHS_JS)
    return epochs[0] if epochs else None


def test_the_network_diagram_gains_epochs_while_the_run_trains(page, app_url):
    config = ExperimentConfig(
        data=DataConfig(name="spiral", n_samples=600),
        layers=[LayerConfig(8, "tanh"), LayerConfig(8, "relu")],
        epochs=150,
        batch_size=16,
    )
    page.goto(f"{app_url}/train?{urlencode(config.to_query_params())}")
    train = page.get_by_role("button", name="Train", exact=True)
    train.wait_for()
    page.get_by_text("Language / 언어").wait_for()
    train.click()
    stop = page.get_by_role("button", name="Stop")

    seen = []
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and len(set(seen)) < 3:
        epoch = diagram_epoch(page)
        if epoch and stop.is_enabled():
            seen.append(epoch)
        time.sleep(0.4)
    assert len(set(seen)) >= 3, seen
    assert seen == sorted(seen)
    assert stop.is_enabled(), "the job should still be running"
    diagram = page.locator("[data-testid='stPlotlyChart']").filter(has_text="Inputs (2)")
    assert diagram.locator("image").count() == 2 + 8 + 8 + 1  # every neuron's map
    page.get_by_text("the 40 strongest connections").wait_for()
    stop.click()
    page.get_by_text("Stopped after").wait_for()
