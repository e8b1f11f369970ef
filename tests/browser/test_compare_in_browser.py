"""Compare in Chromium: three real runs picked, overlaid, and their boundaries side by side.

With SCREENSHOTS=<folder> in the environment, it also saves the Compare and
Evaluate pages at 1280×720 and at 390 px, in English and Korean.
"""

import os
import time
from pathlib import Path
from urllib.parse import urlencode

import pytest

from devtools.streamlit_server import start_server
from playground.config import DataConfig, ExperimentConfig, LayerConfig
from playground.i18n import translate

BASE = ExperimentConfig(
    data=DataConfig(name="moons", n_samples=300), epochs=4, layers=[LayerConfig(8, "relu")]
)
# Each run trains its own number of epochs: "Finished after N epochs" then names that run.
VARIANTS = [
    {"epochs": 3},
    {"optimizer": "sgd", "learning_rate": 0.1, "momentum": 0.9, "epochs": 4},
    {"layers": [LayerConfig(8, "tanh")], "learning_rate": 0.01, "epochs": 5},
]

CHARTS_JS = """() => Array.from(document.querySelectorAll("[data-testid='stPlotlyChart']"))
    .map(el => ({
        legend: Array.from(el.querySelectorAll('g.legend .traces .legendtext'))
            .map(t => t.textContent),
        heatmap: el.querySelector('.heatmaplayer image, .heatmaplayer') !== null,
        pngButton: el.querySelector(".modebar-btn[data-title='Download plot as a PNG']") !== null,
    }))"""


@pytest.fixture(scope="module")
def compare_url():
    server = start_server(env={"PLAYGROUND_POOL_SIZE": "1"})
    try:
        yield server.url
    finally:
        server.stop()


def train(page, url, changes: dict) -> None:
    config = ExperimentConfig.from_dict({**BASE.to_dict(), **_plain(changes)})
    page.goto(f"{url}/train?{urlencode(config.to_query_params())}")
    page.get_by_role("button", name="Train", exact=True).click()
    page.get_by_text(f"Finished after {config.epochs} epochs").wait_for(timeout=180_000)


def _plain(changes: dict) -> dict:
    return {
        key: [vars(layer) for layer in value] if key == "layers" else value
        for key, value in changes.items()
    }


def charts(page) -> list[dict]:
    return page.evaluate(CHARTS_JS)


def test_three_runs_are_picked_and_overlaid(browser, compare_url):
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    page = context.new_page()
    page.set_default_timeout(60_000)
    try:
        for changes in VARIANTS:
            train(page, compare_url, changes)
        page.goto(f"{compare_url}/compare")
        page.get_by_text("Learning curves").wait_for()
        picker = page.locator("[data-testid='stMultiSelect']")
        # Unpick the first run, then pick it again from the list.
        picker.get_by_role("button", name="Remove").first.click()
        page.wait_for_function(
            "() => document.querySelectorAll(\"[data-testid='stPlotlyChart'] .heatmaplayer\")"
            ".length === 2"
        )
        picker.locator("input").click()
        page.get_by_role("option").first.click()
        page.keyboard.press("Escape")
        page.wait_for_function(
            "() => document.querySelectorAll(\"[data-testid='stPlotlyChart'] .heatmaplayer\")"
            ".length === 3"
        )
        time.sleep(1)
        drawn = charts(page)
        curves = [chart for chart in drawn if len(chart["legend"]) == 3]
        assert len(curves) == 2, drawn  # loss and accuracy, one legend entry per run
        assert curves[0]["legend"] == [
            "relu · adam · lr 0.001 · 3 epochs",
            "relu · sgd · lr 0.1 · 4 epochs",
            "tanh · adam · lr 0.01 · 5 epochs",
        ], curves
        assert sum(chart["heatmap"] for chart in drawn) == 3, drawn
        assert all(chart["pngButton"] for chart in drawn), drawn
        folder = os.environ.get("SCREENSHOTS")
        if folder:
            screenshots(browser, compare_url, Path(folder), context)
    finally:
        context.close()


def screenshots(browser, url, folder: Path, desktop) -> None:
    """The Compare and Evaluate pages of this browser's runs, wide and narrow, EN and KO."""
    folder.mkdir(parents=True, exist_ok=True)
    cookies = desktop.cookies()
    for width, height in ((1280, 720), (390, 844)):
        context = browser.new_context(viewport={"width": width, "height": height})
        context.add_cookies(cookies)
        page = context.new_page()
        page.set_default_timeout(60_000)
        for lang in ("en", "ko"):
            for name, section in (("compare", "compare.boundaries"), ("evaluate", "export.title")):
                page.goto(f"{url}/{name}?lang={lang}")
                page.locator("[data-testid='stPlotlyChart']").first.wait_for()
                time.sleep(3)
                page.screenshot(path=str(folder / f"{name}-{lang}-{width}.png"))
                page.get_by_text(translate(section, lang)).first.scroll_into_view_if_needed()
                time.sleep(2)
                page.screenshot(path=str(folder / f"{name}-{lang}-{width}-section.png"))
        context.close()
