"""Click a confusion-matrix cell in Chromium: its examples appear (MNIST digits, a 2-D set's
points ringed on the boundary), and every page reads on a projector (1280×720) and a phone.

Screenshots of every page go to $PLAYGROUND_SCREENSHOTS when set (to look at them).
"""

import os
import time
from pathlib import Path
from urllib.parse import urlencode

import pytest

from devtools.streamlit_server import start_server
from playground.config import DataConfig, ExperimentConfig, LayerConfig
from tests.conftest import shared_mnist_path

MATRIX = "[data-testid='stPlotlyChart']:has(.heatmaplayer)"
CELL_TEXTS_JS = f"""() => Array.from(document.querySelector("{MATRIX}")
    .querySelectorAll('.textpoint text')).map(t => t.textContent)"""
# Numbers plotly.js faded (a selection dims the points it did not select).
FADED_CELLS_JS = f"""() => Array.from(document.querySelector("{MATRIX}")
    .querySelectorAll('.textpoint text'))
    .filter(t => /rgba\\(.*, ?0\\.2\\)/.test(t.style.fill || '')).length"""
# How many points the chart whose last trace has this name draws in it (plotly.js keeps
# NumPy arrays as typed-array specs in `data`, decoded in `_fullData`).
RINGED_POINTS_JS = """name => {
    const charts = Array.from(document.querySelectorAll('.js-plotly-plot'));
    const chart = charts.find(c => c._fullData && c._fullData.length
                                   && c._fullData[c._fullData.length - 1].name === name);
    return chart ? chart._fullData[chart._fullData.length - 1].x.length : null;
}"""
EXAMPLE_IMAGES_JS = """() => {
    const chart = Array.from(document.querySelectorAll('.js-plotly-plot'))
        .find(c => c.data && c.data.length && c.data.every(t => t.type === 'heatmap')
                   && c.data[0].colorscale && c.layout.annotations && c.layout.annotations.length);
    return chart ? chart.data.length : 0;
}"""


@pytest.fixture(scope="module")
def server():
    mnist = shared_mnist_path()
    env = {"PLAYGROUND_POOL_SIZE": "1"}
    if mnist is not None:
        env["PLAYGROUND_DATA_DIR"] = str(mnist.parent)
    running = start_server(env=env)
    try:
        yield running
    finally:
        running.stop()


@pytest.fixture
def tab(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    page = context.new_page()
    page.set_default_timeout(60_000)
    yield page
    context.close()


def train_then_evaluate(page, url: str, config: ExperimentConfig) -> None:
    page.goto(f"{url}/train?{urlencode(config.to_query_params())}")
    page.get_by_role("button", name="Train", exact=True).click()
    page.get_by_text("Finished after").wait_for(timeout=180_000)
    page.get_by_role("link", name="Evaluate").first.click()
    page.locator(f"{MATRIX} .textpoint text").first.wait_for()
    time.sleep(1)  # the columns settle at their final width


def click_cell(page, actual: int, predicted: int, k: int) -> None:
    cells = page.locator(f"{MATRIX} .nsewdrag").first
    cells.scroll_into_view_if_needed()
    time.sleep(0.5)
    box = cells.bounding_box()
    x = box["x"] + (predicted + 0.5) * box["width"] / k
    y = box["y"] + (actual + 0.5) * box["height"] / k
    page.mouse.move(x, y)
    page.mouse.click(x, y)


def counts_of(page, k: int) -> list[list[int]]:
    texts = page.evaluate(CELL_TEXTS_JS)
    return [[int(texts[r * k + c]) for c in range(k)] for r in range(k)]


def test_clicking_a_cell_shows_its_digits_most_confident_first(tab, server):
    if shared_mnist_path() is None:
        pytest.skip("the real MNIST (mnist.npz) is not available offline")
    config = ExperimentConfig(
        data=DataConfig(name="mnist", n_samples=2000), epochs=1, layers=[LayerConfig(16, "relu")]
    )
    train_then_evaluate(tab, server.url, config)
    counts = counts_of(tab, 10)
    # The biggest mistake: the cell off the diagonal with the most examples.
    count, actual, predicted = max(
        (counts[r][c], r, c) for r in range(10) for c in range(10) if r != c
    )
    click_cell(tab, actual, predicted, 10)
    line = tab.get_by_text(f"test examples are actually {actual} and predicted {predicted}")
    line.wait_for()
    assert line.inner_text().startswith(f"{count} test examples")
    tab.wait_for_function(f"() => ({EXAMPLE_IMAGES_JS})() === {min(count, 24)}")
    assert tab.evaluate(FADED_CELLS_JS) == 0  # every other number stays readable

    # A click on another cell replaces the examples.
    click_cell(tab, 0, 0, 10)
    tab.get_by_text("test examples are actually 0 and predicted 0").wait_for()


def test_clicking_a_cell_of_a_2d_set_rings_its_points(tab, server):
    config = ExperimentConfig(
        data=DataConfig(name="moons", n_samples=300, noise=0.3),
        epochs=3,
        layers=[LayerConfig(4, "relu")],
    )
    train_then_evaluate(tab, server.url, config)
    counts = counts_of(tab, 2)
    actual, predicted = max(
        ((r, c) for r in range(2) for c in range(2)), key=lambda rc: counts[rc[0]][rc[1]]
    )
    click_cell(tab, actual, predicted, 2)
    tab.get_by_text("test examples are actually").wait_for()
    tab.wait_for_function(
        f'() => ({RINGED_POINTS_JS})("this cell\'s test points") === {counts[actual][predicted]}'
    )
    assert tab.evaluate(FADED_CELLS_JS) == 0


# Text plotly.js draws on the page's charts, and text boxes of one chart that overlap.
PAGE_CHARTS_JS = """() => {
    const problems = [];
    const selector = '.xtick text, .ytick text, .g-xtitle text, .g-ytitle text, .gtitle, '
        + '.legendtext, g.annotation text, .colorbar text';
    for (const chart of document.querySelectorAll("[data-testid='stPlotlyChart']")) {
        const texts = Array.from(chart.querySelectorAll(selector))
            .filter(t => t.textContent.trim() && t.getBoundingClientRect().width > 0);
        for (const t of texts) {
            const size = parseFloat(getComputedStyle(t).fontSize);
            if (size < 14) problems.push(`${t.textContent}: ${size} px`);
        }
        const boxes = texts.map(t => [t.textContent, t.getBoundingClientRect()]);
        for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
            const [a, ra] = boxes[i], [b, rb] = boxes[j];
            if (ra.left + 1 < rb.right && rb.left + 1 < ra.right
                && ra.top + 1 < rb.bottom && rb.top + 1 < ra.bottom) problems.push(`${a} on ${b}`);
        }
    }
    return problems;
}"""
PAGES = ["", "data", "model", "train", "evaluate", "draw"]
ALL_CHARTS_DRAWN_JS = """() => Array.from(document.querySelectorAll("[data-testid='stPlotlyChart']"))
    .every(chart => chart.querySelector('svg.main-svg .xtick, svg.main-svg .textpoint'))"""


SCREENS = [(1280, 720), (390, 844)]
# The app scrolls inside its own box: one screenshot per screenful, top to bottom.
SCROLLER_JS = """() => Array.from(document.querySelectorAll('*')).find(el =>
    el.scrollHeight > el.clientHeight + 10 && ['auto', 'scroll'].includes(getComputedStyle(el).overflowY))"""


def screenshots(page, stem: Path, most: int = 10) -> None:
    stem.parent.mkdir(parents=True, exist_ok=True)
    scroller = page.evaluate_handle(SCROLLER_JS).as_element()
    if scroller is None:
        page.screenshot(path=f"{stem}-1.png")
        return
    total, screen = scroller.evaluate("el => [el.scrollHeight, el.clientHeight]")
    for shot in range(min(most, -(-total // screen))):
        scroller.evaluate(f"el => {{ el.scrollTop = {shot * screen}; }}")
        page.wait_for_timeout(700)
        page.screenshot(path=f"{stem}-{shot + 1}.png")


def test_every_page_reads_on_a_projector_and_a_phone(browser, server):
    """Every page, with a finished 2-D run, in both languages, at 1280×720 and 390 px; each
    chart is measured once plotly.js has drawn it."""
    shots = os.environ.get("PLAYGROUND_SCREENSHOTS")
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    page = context.new_page()
    page.set_default_timeout(60_000)
    try:
        config = ExperimentConfig(
            data=DataConfig(name="moons", n_samples=300), epochs=2, layers=[LayerConfig(4, "relu")]
        )
        page.goto(f"{server.url}/train?{urlencode(config.to_query_params())}")
        page.get_by_role("button", name="Train", exact=True).click()
        page.get_by_text("Finished after").wait_for(timeout=180_000)
        problems = []
        for width, height in SCREENS:
            page.set_viewport_size({"width": width, "height": height})
            for lang in ("en", "ko"):
                for name in PAGES:
                    page.goto(f"{server.url}/{name}?lang={lang}")
                    page.locator("[data-testid='stMainBlockContainer']").wait_for()
                    page.wait_for_timeout(2500)
                    charts = page.locator("[data-testid='stPlotlyChart']")
                    for index in range(charts.count()):  # drawn once scrolled into view
                        charts.nth(index).scroll_into_view_if_needed()
                        charts.nth(index).locator("svg.main-svg").first.wait_for()
                    page.wait_for_function(ALL_CHARTS_DRAWN_JS)
                    where = f"/{name} ({lang}, {width} px)"
                    problems += [f"{where}: {p}" for p in page.evaluate(PAGE_CHARTS_JS)]
                    if shots:
                        screenshots(page, Path(shots) / f"{name or 'home'}-{lang}-{width}")
        assert not problems, "\n".join(problems)
    finally:
        context.close()
