"""In a real browser, Markdown and HTML from a link are shown as text: no link, no image, no formula."""

from urllib.parse import urlencode

from playground.i18n.escape import WORD_JOINER

HOSTILE = {
    "data.name": "moons",
    "loss": "[log in again](http://evil.example/login)",
    "output_activation": "![x](http://evil.example/x.png)",
    "optimizer": "<img src=x onerror=alert(1)>",
    "data.task": "$x^2$ :red[boo] :rocket: **bold** www.evil.example a@evil.example",
    "layers": "16:[click](http://evil.example),8:relu",
}


def test_a_hostile_link_renders_as_literal_text(page, app_url):
    page.goto(f"{app_url}/model?{urlencode(HOSTILE)}")
    alert = page.locator('[data-testid="stAlert"]').filter(has_text="Some settings in this link")
    alert.wait_for()
    shown = alert.inner_text().replace(WORD_JOINER, "")
    for name in ("loss", "output_activation", "optimizer", "data.task"):
        assert f"'{HOSTILE[name]}'" in shown, name
    # A layer is units:activation:options, so the hostile layer is read (and quoted) in parts.
    assert "'[click](http'" in shown and "'//evil.example)'" in shown
    main = page.locator('[data-testid="stMain"]')
    assert main.locator("a[href*='evil'], a[href^='mailto']").count() == 0
    assert main.locator("img").count() == 0
    assert main.locator(".katex, strong:has-text('bold')").count() == 0
    assert alert.locator("span[style*='color']").filter(has_text="boo").count() == 0
