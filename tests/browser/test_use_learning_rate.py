"""After a run blows up, "Use learning rate X" changes the whole page, not just its live part."""

import re
from urllib.parse import parse_qs, urlencode, urlparse

from playwright.sync_api import expect

from playground.config import DataConfig, ExperimentConfig


def test_use_learning_rate_updates_the_caption_the_link_and_the_message(page, app_url):
    config = ExperimentConfig(
        data=DataConfig(name="moons", n_samples=200),
        optimizer="sgd",
        learning_rate=10.0,
        momentum=0.9,
        epochs=20,
    )
    page.goto(f"{app_url}/train?{urlencode(config.to_query_params())}")
    page.get_by_role("button", name="Train", exact=True).click()
    page.get_by_text("10× smaller learning rate").wait_for(timeout=120_000)
    caption = page.locator("[data-testid='stCaptionContainer']").filter(has_text="lr=")
    expect(caption.first).to_contain_text("lr=10 ")

    page.get_by_role("button", name="Use learning rate 1", exact=True).click()

    expect(caption.first).to_contain_text("lr=1 ")
    expect(page.get_by_text("Ready to train with learning rate 1")).to_be_visible()
    expect(page.get_by_text("10× smaller learning rate")).to_have_count(0)
    expect(page).to_have_url(re.compile(r"[?&]learning_rate=1\.0(&|$)"))
    assert parse_qs(urlparse(page.url).query)["learning_rate"] == ["1.0"]
