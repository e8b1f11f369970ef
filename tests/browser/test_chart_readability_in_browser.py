"""Every figure builder drawn by plotly.js in Chromium, as wide as a phone's column and as
half a 1280 px page: all text at least 14 px, none of it clipped, no two labels on each other.

The figures are the samples of tests/test_chart_readability.py, so a builder added later
is drawn here too.
"""

import pytest

from tests.browser.test_evaluate_in_browser import CHART_WIDTHS, plot_page  # noqa: F401
from tests.test_chart_readability import sample_figures

# Every text plotly.js draws, by group: ticks, axis and figure titles, legend, annotations,
# text on points and bars (a confusion matrix's numbers). Boxes are in page pixels.
TEXT_BOXES_JS = """async ([spec, width]) => {
    const chart = document.getElementById('chart');
    chart.style.width = width + 'px';
    Plotly.purge(chart);
    const figure = JSON.parse(spec);
    await Plotly.newPlot(chart, figure.data, figure.layout);
    const groups = {
        xtick: '.xtick text', ytick: '.ytick text', title: '.g-xtitle text, .g-ytitle text, .gtitle',
        legend: '.legendtext', annotation: 'g.annotation text', points: '.textpoint text, .bartext',
        colorbar: '.colorbar text',
    };
    const box = el => { const r = el.getBoundingClientRect();
                        return {left: r.left, right: r.right, top: r.top, bottom: r.bottom}; };
    const svg = box(chart.querySelector('svg.main-svg'));
    const texts = [];
    for (const [group, selector] of Object.entries(groups)) {
        for (const el of chart.querySelectorAll(selector)) {
            const r = el.getBoundingClientRect();
            if (!el.textContent.trim() || r.width === 0) continue;
            texts.push({group, text: el.textContent, size: parseFloat(getComputedStyle(el).fontSize),
                        box: box(el)});
        }
    }
    return {svg, texts};
}"""


def overlap(a, b, slack=1.0) -> bool:
    return (
        a["left"] + slack < b["right"]
        and b["left"] + slack < a["right"]
        and a["top"] + slack < b["bottom"]
        and b["top"] + slack < a["bottom"]
    )


def inside(inner, outer, slack=1.0) -> bool:
    return (
        inner["left"] >= outer["left"] - slack
        and inner["right"] <= outer["right"] + slack
        and inner["top"] >= outer["top"] - slack
        and inner["bottom"] <= outer["bottom"] + slack
    )


@pytest.mark.parametrize("width", CHART_WIDTHS)
@pytest.mark.parametrize("lang", ["en", "ko"])
def test_every_figure_is_readable_where_it_is_drawn(plot_page, width, lang):  # noqa: F811
    problems = []
    for name, fig in sample_figures(lang):
        drawn = plot_page.evaluate(TEXT_BOXES_JS, [fig.to_json(), width])
        texts = drawn["texts"]
        for text in texts:
            if text["size"] < 14:
                problems.append(f"{name}: {text['group']} {text['text']!r} is {text['size']} px")
            if not inside(text["box"], drawn["svg"]):
                problems.append(f"{name}: {text['group']} {text['text']!r} is clipped")
        for i, a in enumerate(texts):
            for b in texts[i + 1 :]:
                if overlap(a["box"], b["box"]):
                    problems.append(f"{name}: {a['text']!r} ({a['group']}) on {b['text']!r}")
    assert not problems, "\n".join(problems)
