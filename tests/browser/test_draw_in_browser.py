"""A student draws digits with the mouse and the "Prediction" metric names them."""

import math

import pytest


def canvas_box(page):
    """The drawing surface: the largest <canvas> on the Draw page."""
    page.locator("canvas").first.wait_for()
    boxes = [
        page.locator("canvas").nth(i).bounding_box() for i in range(page.locator("canvas").count())
    ]
    return max((b for b in boxes if b), key=lambda b: b["width"] * b["height"])


def stroke(page, points):
    page.mouse.move(*points[0])
    page.mouse.down()
    for point in points[1:]:
        page.mouse.move(*point, steps=2)
    page.mouse.up()


def one(box, cx, cy, height):
    """A slightly slanted vertical bar, centred at (cx, cy) in canvas fractions."""
    x, y = box["x"] + cx * box["width"], box["y"] + cy * box["height"]
    half = height * box["height"] / 2
    return [(x + 0.12 * half * (1 - 2 * t / 10), y - half + 2 * half * t / 10) for t in range(11)]


def zero(box, cx, cy, height):
    """An upright ellipse, closed."""
    x, y = box["x"] + cx * box["width"], box["y"] + cy * box["height"]
    ry = height * box["height"] / 2
    rx = ry * 0.6
    return [
        (x + rx * math.sin(2 * math.pi * t / 32), y - ry * math.cos(2 * math.pi * t / 32))
        for t in range(34)
    ]


@pytest.mark.parametrize(
    "digit, shape, cx, cy, height",
    [
        ("1", one, 0.25, 0.3, 0.35),  # small, top left
        ("1", one, 0.6, 0.55, 0.8),  # large, right of centre
        ("0", zero, 0.7, 0.7, 0.35),  # small, bottom right
        ("0", zero, 0.45, 0.5, 0.75),  # large, near the centre
    ],
)
def test_drawn_digits_are_recognised(page, app_url, digit, shape, cx, cy, height):
    page.goto(f"{app_url}/draw")
    page.get_by_text("Draw a digit (0–9)").wait_for()
    box = canvas_box(page)
    stroke(page, shape(box, cx, cy, height))
    page.get_by_test_id("stMetricLabel").filter(has_text="Prediction").wait_for()
    assert page.get_by_test_id("stMetricValue").first.inner_text().strip() == digit


def test_clear_empties_the_canvas_and_the_next_digit_is_read(page, app_url):
    page.goto(f"{app_url}/draw")
    page.get_by_text("Draw a digit (0–9)").wait_for()
    stroke(page, one(canvas_box(page), 0.5, 0.5, 0.6))
    page.get_by_test_id("stMetricValue").first.wait_for()
    assert page.get_by_test_id("stMetricValue").first.inner_text().strip() == "1"

    page.get_by_role("button", name="Clear").click()
    page.get_by_text("Draw a digit (0–9)").wait_for()
    assert page.get_by_test_id("stMetricValue").count() == 0

    stroke(page, zero(canvas_box(page), 0.5, 0.5, 0.6))
    page.get_by_test_id("stMetricValue").first.wait_for()
    assert page.get_by_test_id("stMetricValue").first.inner_text().strip() == "0"
