"""Starts `streamlit run app.py` on a free localhost port and drives Debian's Chromium."""

import shutil

import pytest

from devtools.streamlit_server import CHROMIUM, CHROMIUM_ARGS, start_server


@pytest.fixture(scope="session")
def app_url():
    server = start_server(env={"PLAYGROUND_POOL_SIZE": "1"})
    try:
        yield server.url
    finally:
        server.stop()


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM):
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install -y chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, app_url):
    context = browser.new_context(viewport={"width": 1400, "height": 2000})
    tab = context.new_page()
    tab.set_default_timeout(60_000)
    yield tab
    context.close()
