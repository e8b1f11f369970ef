"""The Teacher page in Chromium, on a real server and the local backend: two students
train tiny runs under their nicknames, the teacher sees both, pushes a banner, pauses."""

import time
from urllib.parse import urlencode

import pytest

from devtools.streamlit_server import start_server
from playground.config import DataConfig, ExperimentConfig, LayerConfig

TOKEN = "browser-class-token"
TINY = ExperimentConfig(
    data=DataConfig(name="moons", n_samples=200), epochs=3, layers=[LayerConfig(4, "relu")]
)


@pytest.fixture(scope="module")
def class_url():
    server = start_server(env={"PLAYGROUND_POOL_SIZE": "1", "PLAYGROUND_TEACHER_TOKEN": TOKEN})
    try:
        yield server.url
    finally:
        server.stop()


def new_tab(browser, width=1280, height=1400):
    context = browser.new_context(viewport={"width": width, "height": height})
    tab = context.new_page()
    tab.set_default_timeout(90_000)
    return context, tab


def student_trains(tab, url: str, nickname: str) -> None:
    tab.goto(f"{url}/train?{urlencode(TINY.to_query_params())}")
    box = tab.get_by_role("textbox", name="Your nickname for the class (optional)")
    box.fill(nickname)
    box.press("Enter")
    tab.get_by_role("button", name="Train", exact=True).click()
    tab.get_by_text("Finished after").wait_for()


def open_teacher_page(tab, url: str) -> None:
    tab.goto(f"{url}/teacher")
    tab.get_by_role("textbox", name="Teacher token").fill(TOKEN)
    tab.get_by_test_id("stBaseButton-secondaryFormSubmit").click()
    tab.get_by_text("Every student's runs").wait_for()


def test_the_teacher_sees_two_students_runs_and_reaches_them(browser, class_url):
    contexts = []
    try:
        for _ in range(3):
            context, tab = new_tab(browser)
            contexts.append((context, tab))
        (_, ann), (_, bob), (_, teacher) = contexts
        student_trains(ann, class_url, "Ann <b>")
        student_trains(bob, class_url, "Bob")

        # Without the token: only the token box, and no menu entry for the page.
        teacher.goto(f"{class_url}/teacher")
        teacher.get_by_role("textbox", name="Teacher token").wait_for()
        assert teacher.get_by_text("Every student's runs").count() == 0
        assert teacher.locator("[data-testid='stSidebarNav']").get_by_text("Teacher").count() == 0
        teacher.get_by_role("textbox", name="Teacher token").fill("not-it")
        teacher.get_by_test_id("stBaseButton-secondaryFormSubmit").click()
        teacher.get_by_text("That is not the teacher token").wait_for()

        open_teacher_page(teacher, class_url)
        assert TOKEN not in teacher.url
        metrics = teacher.locator("[data-testid='stMetric']")
        deadline = time.monotonic() + 30
        while "Students2" not in metrics.first.inner_text().replace("\n", ""):
            assert time.monotonic() < deadline, metrics.first.inner_text()
            time.sleep(0.5)
        charts = teacher.locator(".js-plotly-plot")
        charts.first.wait_for()
        names = teacher.evaluate(
            "() => Array.from(document.querySelectorAll('.js-plotly-plot'))"
            ".flatMap(p => p.data.flatMap(trace => trace.text || []))"
        )
        assert any(name.startswith("Ann &lt;b&gt;<br>") for name in names), names
        assert any(name.startswith("Bob<br>") for name in names), names

        teacher.get_by_text("Push a lesson link to every student's page").click()
        teacher.get_by_role("textbox", name="Text", exact=True).fill("Now try SGD")
        teacher.get_by_role("textbox", name="Link (a page of this app)").fill("model?optimizer=sgd")
        teacher.get_by_role("button", name="Show to every student").click()
        teacher.get_by_text("Every page shows now").wait_for()
        ann.get_by_text("From your teacher: Now try SGD").wait_for(timeout=30_000)  # live
        link = ann.get_by_role("link", name="Open the lesson")
        assert link.get_attribute("href") == "model?optimizer=sgd"

        teacher.get_by_text("Pause new runs for everyone").click()
        bob.get_by_text("Your teacher has paused new runs").wait_for(timeout=30_000)  # live
        assert not bob.get_by_role("button", name="Train", exact=True).is_enabled()
    finally:
        for context, _ in contexts:
            context.close()
