"""Every lesson starts from the Lessons page in Chromium, and a shared link opens the same way."""

from __future__ import annotations

import tempfile
from pathlib import Path
from urllib.parse import parse_qsl, urlparse

import pytest

from devtools.streamlit_server import start_server
from playground import lessons
from playground.datasets import downloads
from playground.settings import Settings
from tests.conftest import REPO_ROOT, refused_url
from tests.test_datasets import write_imdb, write_mnist

LESSON_IDS = sorted(path.stem for path in (REPO_ROOT / "lessons").glob("*.toml"))
# The English label of each control a lesson may hide or lock, on the page that draws it.
MODEL_LABELS = {
    "seed": "Seed",
    "validation_split": "Validation split",
    "output_units": "Output units (0 = auto)",
    "epochs": "Epochs",
    "batch_size": "Batch size",
    "learning_rate": "Learning rate",
}
DATA_LABELS = {"data.name": "Dataset", "data.seed": "Seed"}


@pytest.fixture(scope="module")
def lessons_url():
    """The app with a tiny MNIST and IMDB in its data folder, and no downloads."""
    folder = Path(tempfile.mkdtemp(prefix="lessons-data-"))
    write_mnist(folder, n_train=60, n_test=20)
    write_imdb(folder, n_train=24, n_test=12)
    server = start_server(
        env={
            "PLAYGROUND_POOL_SIZE": "1",
            "PLAYGROUND_DATA_DIR": str(folder),
            "KERAS_HOME": str(folder / "keras"),
            downloads.URL_VARIABLE: refused_url(),
        }
    )
    try:
        yield server.url
    finally:
        server.stop()


@pytest.fixture
def tab(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 1600})
    page = context.new_page()
    page.set_default_timeout(60_000)
    yield page
    context.close()


def query(page) -> dict[str, str]:
    return dict(parse_qsl(urlparse(page.url).query, keep_blank_values=True))


def wait_for_page(page, name: str) -> None:
    page.wait_for_url(lambda url: urlparse(url).path.rstrip("/").endswith(f"/{name}"))
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]')


def open_in_sidebar(page, title: str) -> None:
    page.locator('[data-testid="stSidebarNav"] a', has_text=title).first.click()
    wait_for_page(page, title.lower())


def check_controls(page, hide: tuple[str, ...], lock: tuple[str, ...], labels: dict) -> None:
    """Each known hidden control is not on the page; each known locked one is disabled."""
    for name, label in labels.items():
        widget = page.get_by_label(label, exact=True)
        if name in hide:
            assert widget.count() == 0, f"{name} should be hidden"
        elif name in lock:
            assert widget.first.is_disabled(), f"{name} should be locked"
        else:
            assert widget.first.is_enabled(), f"{name} should be shown and free"


def check_lesson_page(page, lesson) -> None:
    wanted = lesson.config(Settings()).to_query_params()
    got = query(page)
    assert {key: got.get(key) for key in wanted} == wanted
    assert (got.get("hide", ""), got.get("lock", "")) == (
        ",".join(lesson.hide),
        ",".join(lesson.lock),
    )
    open_in_sidebar(page, "Model")
    check_controls(page, lesson.hide, lesson.lock, MODEL_LABELS)
    open_in_sidebar(page, "Data")
    check_controls(page, lesson.hide, lesson.lock, DATA_LABELS)


@pytest.mark.parametrize("lesson_id", LESSON_IDS)
def test_start_opens_the_lesson_with_its_config_and_controls(tab, lessons_url, lesson_id):
    """Lesson 6's last step names the Compare page, which another branch adds: until that
    merge the lesson is reported as a broken file and has no Start button, so this fails."""
    lesson = lessons.read_lesson(REPO_ROOT / "lessons" / f"{lesson_id}.toml", Settings())
    assert isinstance(lesson, lessons.Lesson), lesson.errors
    tab.goto(f"{lessons_url}/lessons")
    tab.locator(f".st-key-start_{lesson_id} button").click()
    wait_for_page(tab, lesson.page)
    check_lesson_page(tab, lesson)


def test_a_copied_link_opens_the_same_in_another_browser(browser, tab, lessons_url):
    lesson = lessons.read_lesson(REPO_ROOT / "lessons" / "02-breast-cancer.toml", Settings())
    tab.goto(f"{lessons_url}/lessons")
    tab.locator(".st-key-start_02-breast-cancer button").click()
    wait_for_page(tab, "train")
    copy = tab.locator("button.copy-link")
    copy.wait_for()
    assert copy.inner_text() == "Copy link"
    link = copy.get_attribute("data-link")
    assert dict(parse_qsl(urlparse(link).query, keep_blank_values=True)) == query(tab)
    copy.click()
    tab.get_by_text("Copied").wait_for()

    other = browser.new_context(viewport={"width": 1280, "height": 1600})
    try:
        second = other.new_page()
        second.set_default_timeout(60_000)
        second.goto(link)
        wait_for_page(second, "train")
        check_lesson_page(second, lesson)
    finally:
        other.close()


def test_reset_brings_back_the_defaults_and_clears_the_url(tab, lessons_url):
    tab.goto(f"{lessons_url}/lessons")
    tab.locator(".st-key-start_01-hidden-layers button").click()
    wait_for_page(tab, "train")
    tab.get_by_role("button", name="Reset to defaults").click()
    tab.wait_for_function("() => !window.location.search.includes('hide=')")
    got = query(tab)
    assert got["data.name"] == "moons" and "lock" not in got
    open_in_sidebar(tab, "Model")
    check_controls(tab, (), (), MODEL_LABELS)


def test_a_lesson_started_in_korean_stays_in_korean(tab, lessons_url):
    tab.goto(f"{lessons_url}/lessons?lang=ko")
    tab.locator(".st-key-start_02-breast-cancer button").click()
    wait_for_page(tab, "train")
    assert query(tab)["lang"] == "ko"
    tab.locator('[data-testid="stSidebarNav"] a', has_text="모델").wait_for()
    assert tab.get_by_role("button", name="기본값으로 되돌리기").count() == 1
