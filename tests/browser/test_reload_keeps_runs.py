"""F5 keeps a student's runs and language; a second tab shares them, another browser does not."""

import time
from urllib.parse import urlencode

from playground.config import DataConfig, ExperimentConfig

LOSS_POINTS_JS = """() => {
    const plot = document.querySelector('.js-plotly-plot');
    return (plot && plot.data && plot.data[0] && plot.data[0].x) ? plot.data[0].x.length : 0;
}"""


def loss_points(page) -> int:
    return page.evaluate(LOSS_POINTS_JS)


def wait_for_more_points(page, than: int, timeout: float = 90) -> int:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        points = loss_points(page)
        if points > than:
            return points
        time.sleep(0.3)
    raise AssertionError(f"the loss chart stayed at {loss_points(page)} points")


def choose_korean(page) -> None:
    page.get_by_test_id("stSidebar").get_by_test_id("stSelectbox").click()
    page.get_by_role("option", name="한국어").click()
    page.get_by_role("button", name="학습 시작").wait_for()


def test_a_reload_keeps_the_run_and_the_language_and_only_this_browser_sees_them(browser, app_url):
    context = browser.new_context(viewport={"width": 1280, "height": 1400})
    page = context.new_page()
    page.set_default_timeout(60_000)
    config = ExperimentConfig(
        data=DataConfig(name="moons", n_samples=600), epochs=150, batch_size=16
    )
    page.goto(f"{app_url}/train?{urlencode(config.to_query_params())}")
    page.get_by_role("button", name="Train", exact=True).wait_for()
    choose_korean(page)
    page.get_by_role("button", name="학습 시작").click()
    before_reload = wait_for_more_points(page, 1)
    assert "lang=ko" in page.url

    page.reload()  # during the run: the new page follows the same job, live
    stop = page.get_by_role("button", name="멈추기")
    page.get_by_role("button", name="학습 시작").wait_for()
    assert stop.is_enabled(), "after a reload the running job must still be this browser's"
    after_reload = wait_for_more_points(page, before_reload)
    wait_for_more_points(page, after_reload)  # and its chart keeps growing
    stop.click()
    page.get_by_text("에포크 후 멈췄습니다").wait_for()

    page.reload()
    page.get_by_text("에포크 후 멈췄습니다").wait_for()
    page.get_by_test_id("stSidebar").get_by_role("link", name="평가").click()
    page.get_by_text("혼동 행렬", exact=True).wait_for()

    second_tab = context.new_page()  # same browser, a bare address: its cookie decides
    second_tab.set_default_timeout(60_000)
    second_tab.goto(f"{app_url}/evaluate")
    second_tab.get_by_text("혼동 행렬", exact=True).wait_for()

    other_browser = browser.new_context()  # another student: a cookie jar of its own
    stranger = other_browser.new_page()
    stranger.set_default_timeout(60_000)
    stranger.goto(f"{app_url}/evaluate")
    stranger.get_by_text("No finished run yet").wait_for()
    assert stranger.get_by_text("Confusion matrix").count() == 0
    other_browser.close()
    context.close()


def test_a_link_in_korean_opens_in_korean_whatever_the_cookie_says(browser, app_url):
    context = browser.new_context()
    page = context.new_page()
    page.set_default_timeout(60_000)
    page.goto(f"{app_url}/train")
    page.get_by_role("button", name="Train", exact=True).wait_for()  # English by default
    page.goto(f"{app_url}/train?lang=ko")
    page.get_by_role("button", name="학습 시작").wait_for()
    page.goto(f"{app_url}/train?lang=en")  # the link wins over the Korean cookie
    page.get_by_role("button", name="Train", exact=True).wait_for()
    context.close()
