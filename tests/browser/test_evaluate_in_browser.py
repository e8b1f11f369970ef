"""Evaluate read from the back of a room: what Chromium actually draws.

Two checks: the chart builders' figures rendered by plotly.js at a phone's
and a desktop column's width (labels never on the legend, never clipped);
and the Evaluate page of a real 10-class MNIST run at 1280×720 (matrix
text size, matrix width, tick sizes, a report without an inner scrollbar).
"""

import re
import time
from pathlib import Path
from urllib.parse import urlencode

import plotly
import pytest

from devtools.streamlit_server import start_server
from playground import charts, evaluation
from playground.config import DataConfig, ExperimentConfig, LayerConfig
from tests.conftest import shared_mnist_path

PLOTLY_JS = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
# A column on a 390 px phone, and half of the page at 1280 px with the sidebar open.
CHART_WIDTHS = [358, 410]

DRAW_AND_MEASURE_JS = """async ([spec, width]) => {
    const chart = document.getElementById('chart');
    chart.style.width = width + 'px';
    Plotly.purge(chart);
    const figure = JSON.parse(spec);
    await Plotly.newPlot(chart, figure.data, figure.layout);
    const box = el => { const r = el.getBoundingClientRect();
                        return {left: r.left, right: r.right, top: r.top, bottom: r.bottom}; };
    return {
        figure: box(chart.querySelector('svg.main-svg')),
        plot: box(chart.querySelector('.nsewdrag')),
        legend: box(chart.querySelector('g.legend')),
        annotations: Array.from(chart.querySelectorAll('g.annotation')).map(box),
    };
}"""


def overlap(a, b) -> bool:
    return (
        a["left"] < b["right"]
        and b["left"] < a["right"]
        and a["top"] < b["bottom"]
        and b["top"] < a["bottom"]
    )


def inside(inner, outer, slack=0.5) -> bool:
    return (
        inner["left"] >= outer["left"] - slack
        and inner["right"] <= outer["right"] + slack
        and inner["top"] >= outer["top"] - slack
        and inner["bottom"] <= outer["bottom"] + slack
    )


@pytest.fixture(scope="module")
def plot_page(browser, tmp_path_factory):
    blank = tmp_path_factory.mktemp("plotly") / "blank.html"
    blank.write_text(
        f'<html><body style="margin:0"><script src="{PLOTLY_JS.as_uri()}"></script>'
        '<div id="chart"></div></body></html>'
    )
    context = browser.new_context(viewport={"width": 800, "height": 600})
    tab = context.new_page()
    tab.goto(blank.as_uri())
    tab.wait_for_function("() => window.Plotly !== undefined")
    yield tab
    context.close()


def assert_label_clear_of_legend(plot_page, fig, width):
    boxes = plot_page.evaluate(DRAW_AND_MEASURE_JS, [fig.to_json(), width])
    (label,) = boxes["annotations"]
    assert not overlap(label, boxes["legend"]), boxes
    assert inside(boxes["legend"], boxes["figure"]), boxes
    assert inside(label, boxes["plot"]), boxes


@pytest.mark.parametrize("width", CHART_WIDTHS)
@pytest.mark.parametrize("lang", ["en", "ko"])
def test_threshold_label_is_clear_of_the_legend_and_inside_the_chart(plot_page, width, lang):
    sweep = evaluation.threshold_sweep([0, 1, 1, 0, 1], [0.1, 0.9, 0.6, 0.4, 0.3], positive=0)
    for threshold in (0.01, 0.10, 0.5, 0.99):
        fig = charts.threshold_figure(sweep, threshold, lang, positive_name="malignant")
        assert_label_clear_of_legend(plot_page, fig, width)


@pytest.mark.parametrize("width", CHART_WIDTHS)
@pytest.mark.parametrize("lang", ["en", "ko"])
def test_best_epoch_label_is_clear_of_the_legend_and_inside_the_chart(plot_page, width, lang):
    history = [
        {
            "epoch": e,
            "loss": 1 / e,
            "val_loss": 1 / e + 0.02 * e,
            "accuracy": 1 - 1 / (e + 1),
            "val_accuracy": 0.9 - 0.01 * abs(e - 10),
        }
        for e in range(1, 21)
    ]
    for best in (1, 10, 20):
        for metric in ("loss", "accuracy"):
            assert_label_clear_of_legend(
                plot_page, charts.history_figure(history, metric, lang, best), width
            )
    one = [{"epoch": 1, "loss": 0.5, "val_loss": 0.6}]
    assert_label_clear_of_legend(plot_page, charts.history_figure(one, "loss", lang, 1), width)


@pytest.fixture(scope="module")
def mnist_app_url():
    mnist = shared_mnist_path()
    if mnist is None:
        pytest.skip("the real MNIST (mnist.npz) is not available offline")
    server = start_server(
        env={"PLAYGROUND_POOL_SIZE": "1", "PLAYGROUND_DATA_DIR": str(mnist.parent)}
    )
    try:
        yield server.url
    finally:
        server.stop()


MATRIX_JS = """() => {
    const chart = Array.from(document.querySelectorAll("[data-testid='stPlotlyChart']"))
        .find(el => el.querySelector('.heatmaplayer'));
    const column = chart.closest("[data-testid='stColumn']");
    const cells = chart.querySelector('.heatmaplayer').getBoundingClientRect();
    return {
        cellFonts: Array.from(chart.querySelectorAll('.textpoint text'))
            .map(t => parseFloat(getComputedStyle(t).fontSize)),
        cellTexts: Array.from(chart.querySelectorAll('.textpoint text')).map(t => t.textContent),
        chartWidth: chart.querySelector('svg.main-svg').getBoundingClientRect().width,
        cellsWidth: cells.width,
        cellsHeight: cells.height,
        columnWidth: column.getBoundingClientRect().width,
    };
}"""

TICK_FONTS_JS = """() => Array.from(document.querySelectorAll(
    "[data-testid='stPlotlyChart'] .xtick text, [data-testid='stPlotlyChart'] .ytick text"))
    .map(t => parseFloat(getComputedStyle(t).fontSize))"""

REPORT_SCROLL_JS = """() => {
    const grid = Array.from(document.querySelectorAll("[data-testid='stDataFrame']"))[0];
    const scroller = grid.querySelector('.dvn-scroller');
    return {scrollHeight: scroller.scrollHeight, clientHeight: scroller.clientHeight};
}"""

HISTORY_LABELS_JS = """() => Array.from(document.querySelectorAll("[data-testid='stPlotlyChart']"))
    .filter(el => el.querySelector('g.annotation') && el.querySelector('g.legend'))
    .map(el => {
        const box = node => { const r = node.getBoundingClientRect();
                              return {left: r.left, right: r.right, top: r.top, bottom: r.bottom}; };
        return {figure: box(el.querySelector('svg.main-svg')), plot: box(el.querySelector('.nsewdrag')),
                legend: box(el.querySelector('g.legend')), label: box(el.querySelector('g.annotation'))};
    })"""


def test_mnist_confusion_matrix_reads_from_the_back_of_the_room(browser, mnist_app_url):
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    page = context.new_page()
    page.set_default_timeout(60_000)
    try:
        config = ExperimentConfig(
            data=DataConfig(name="mnist", n_samples=2000),
            epochs=1,
            layers=[LayerConfig(16, "relu")],
        )
        page.goto(f"{mnist_app_url}/train?{urlencode(config.to_query_params())}")
        page.get_by_role("button", name="Train", exact=True).click()
        page.get_by_text("Finished after").wait_for(timeout=180_000)
        page.get_by_role("link", name="Evaluate").first.click()
        page.locator("[data-testid='stPlotlyChart'] .textpoint text").first.wait_for()
        time.sleep(1)  # let the columns settle at their final width

        matrix = page.evaluate(MATRIX_JS)
        assert len(matrix["cellFonts"]) == 100
        assert min(matrix["cellFonts"]) >= 16, matrix["cellFonts"]
        assert matrix["chartWidth"] >= 0.9 * matrix["columnWidth"], matrix
        assert matrix["cellsWidth"] >= 0.75 * matrix["columnWidth"], matrix
        assert 0.6 <= matrix["cellsHeight"] / matrix["cellsWidth"] <= 1.5, (
            matrix
        )  # square-ish cells
        assert sum(int(text) for text in matrix["cellTexts"]) == 10_000  # the whole MNIST test set

        assert min(page.evaluate(TICK_FONTS_JS)) >= 14
        report = page.evaluate(REPORT_SCROLL_JS)
        assert report["scrollHeight"] <= report["clientHeight"] + 1, report  # all 13 rows show

        for chart in page.evaluate(HISTORY_LABELS_JS):
            assert not overlap(chart["label"], chart["legend"]), chart
            assert inside(chart["legend"], chart["figure"]) and inside(
                chart["label"], chart["plot"]
            ), chart

        page.get_by_text("% of each actual class").click()
        page.wait_for_function("""() => Array.from(document.querySelectorAll('.textpoint text'))
                                  .some(t => t.textContent.endsWith('%'))""")
        percent = page.evaluate(MATRIX_JS)
        assert all(re.fullmatch(r"(<1|>99|\d{1,3})%", text) for text in percent["cellTexts"]), (
            percent
        )
        assert min(percent["cellFonts"]) >= 16
    finally:
        context.close()
