"""Every page on a tablet (820 px) and a phone (390 px), in English and Korean.

Buttons and page links show their whole labels and stay on screen, the
drawing canvas is not cut, nothing covers the Draw page's mode radio, and a
digit drawn with a finger is read.
"""

import time
from urllib.parse import urlencode

import pytest

from playground.config import DataConfig, ExperimentConfig, LayerConfig
from tests.browser.test_draw_in_browser import canvas_box, one

WIDTHS = [820, 390]
PAGES = ["", "data", "model", "train", "evaluate", "draw"]
TRAIN = {"en": "Train", "ko": "학습 시작"}

# The drawing canvas renders inside a shadow root: look there too.
DEEP_QUERY_JS = """const deepQueryAll = selector => {
    const roots = [document, ...Array.from(document.querySelectorAll('*'))
        .filter(element => element.shadowRoot).map(element => element.shadowRoot)];
    return roots.flatMap(root => Array.from(root.querySelectorAll(selector)));
};"""

# Labels whose text is wider than the box that clips it (CSS ellipsis: "T…"),
# buttons that reach past the right edge of the window, a canvas cut by its column.
CUT_LABELS_JS = (
    """() => {
    """
    + DEEP_QUERY_JS
    + """
    const labelled = document.querySelectorAll(
        'button, [data-testid="stPageLink"] a, [data-testid="stSidebarNav"] a');
    const cut = [];
    for (const element of labelled) {
        const text = element.innerText.trim();
        const box = element.getBoundingClientRect();
        if (!text || box.width === 0) continue;
        for (const part of [element, ...element.querySelectorAll('*')]) {
            const clips = getComputedStyle(part).overflowX !== 'visible';
            if (clips && part.clientWidth > 0 && part.scrollWidth > part.clientWidth + 1) {
                cut.push(`truncated: ${text}`);
                break;
            }
        }
        if (box.right > window.innerWidth + 1) cut.push(`off screen: ${text}`);
    }
    for (const scroller of deepQueryAll('.dc-scroll')) {
        if (scroller.scrollWidth > scroller.clientWidth + 1) cut.push('the canvas is cut');
    }
    return cut;
}"""
)

# What a finger would touch at the centre of each option of the mode radio,
# and whether the canvas toolbar's box reaches into any option's box.
RADIO_COVERED_JS = (
    """() => {
    """
    + DEEP_QUERY_JS
    + """
    const radio = document.querySelector('[data-testid="stRadio"]');
    const toolbars = deepQueryAll('.dc-toolbar').map(toolbar => toolbar.getBoundingClientRect());
    const covered = toolbars.length ? [] : ['no canvas toolbar found'];
    for (const option of radio.querySelectorAll('label')) {
        const box = option.getBoundingClientRect();
        const hit = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
        if (!radio.contains(hit)) covered.push(`${option.innerText} is under ${hit && hit.className}`);
        for (const a of toolbars) {
            if (a.left < box.right && box.left < a.right && a.top < box.bottom && box.top < a.bottom)
                covered.push(`the canvas toolbar overlaps ${option.innerText}`);
        }
    }
    return covered;
}"""
)


def wait_until_drawn(page) -> None:
    page.get_by_test_id("stSidebar").or_(
        page.get_by_test_id("stSidebarCollapsedControl")
    ).first.wait_for(state="attached")
    page.get_by_test_id("stMain").get_by_role("heading").first.wait_for()
    deadline = time.monotonic() + 30
    while page.get_by_test_id("stStatusWidget").is_visible() and time.monotonic() < deadline:
        time.sleep(0.2)
    time.sleep(0.8)  # fonts and layout settle


def start(page, app_url, lang, config: ExperimentConfig) -> None:
    page.goto(f"{app_url}/train?{urlencode(config.to_query_params())}&lang={lang}")
    page.get_by_role("button", name=TRAIN[lang], exact=True).click()


@pytest.mark.parametrize("width", WIDTHS)
def test_every_page_shows_whole_labels_and_nothing_covers_the_mode_radio(browser, app_url, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.set_default_timeout(60_000)
    start(page, app_url, "en", ExperimentConfig(data=DataConfig(name="iris"), epochs=3))
    page.get_by_text("Finished after 3 epochs").wait_for()  # Evaluate has a run to show

    problems = []
    for lang in ("en", "ko"):
        for name in PAGES:
            page.goto(f"{app_url}/{name}?lang={lang}")
            wait_until_drawn(page)
            problems += [f"{width}px {lang} /{name}: {cut}" for cut in page.evaluate(CUT_LABELS_JS)]
            if name == "draw":
                box = canvas_box(page)
                page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
                time.sleep(0.5)  # the toolbar fades in on hover
                problems += [
                    f"{width}px {lang} /draw: {covered}"
                    for covered in page.evaluate(RADIO_COVERED_JS)
                ]

        # Train again during a run: the stop-or-queue choice
        long_run = ExperimentConfig(
            data=DataConfig(name="moons", n_samples=2000),
            epochs=200,
            batch_size=8,
            layers=[LayerConfig(64, "relu")],
        )
        start(page, app_url, lang, long_run)
        page.get_by_test_id("stProgress").first.wait_for()
        page.get_by_role("button", name=TRAIN[lang], exact=True).click()
        page.get_by_test_id("stAlertContentWarning").first.wait_for()
        time.sleep(0.8)
        problems += [
            f"{width}px {lang} /train confirm: {cut}" for cut in page.evaluate(CUT_LABELS_JS)
        ]
        cancel = page.get_by_role("button", name={"en": "Cancel", "ko": "취소"}[lang])
        cancel.click()
        cancel.wait_for(state="detached")
        # Paused: Resume and Step beside Train and Stop
        page.get_by_role("button", name={"en": "Pause", "ko": "일시정지"}[lang]).click()
        page.get_by_role(
            "button", name={"en": "Step: one epoch", "ko": "한 에포크만"}[lang]
        ).wait_for()
        time.sleep(0.8)
        problems += [
            f"{width}px {lang} /train paused: {cut}" for cut in page.evaluate(CUT_LABELS_JS)
        ]
        page.get_by_role("button", name={"en": "Stop", "ko": "멈추기"}[lang], exact=True).click()
        page.get_by_test_id("stProgress").first.wait_for(state="detached")
    context.close()
    assert not problems, "\n".join(problems)


def touch_stroke(page, points) -> None:
    """A finger drawing through `points`, as the touch screen reports it."""
    cdp = page.context.new_cdp_session(page)
    cdp.send(
        "Input.dispatchTouchEvent",
        {"type": "touchStart", "touchPoints": [{"x": points[0][0], "y": points[0][1]}]},
    )
    for x, y in points[1:]:
        cdp.send(
            "Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": [{"x": x, "y": y}]}
        )
        time.sleep(0.01)
    cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
    cdp.detach()


def test_a_digit_drawn_with_a_finger_on_a_phone_is_read(browser, app_url):
    context = browser.new_context(
        viewport={"width": 390, "height": 844},
        has_touch=True,
        is_mobile=True,
        device_scale_factor=2,
    )
    page = context.new_page()
    page.set_default_timeout(60_000)
    page.goto(f"{app_url}/draw?lang=ko")
    page.get_by_text("숫자(0–9)").first.wait_for()
    box = canvas_box(page)
    page.evaluate("y => window.scrollTo(0, y)", 0)
    touch_stroke(page, one(box, 0.5, 0.5, 0.7))
    page.get_by_test_id("stMetricLabel").filter(has_text="예측").wait_for()
    assert page.get_by_test_id("stMetricValue").first.inner_text().strip() == "1"
    assert page.evaluate(RADIO_COVERED_JS) == []  # after a touch, the toolbar shows: still clear
    context.close()
