"""Tests for playground.drawing: a canvas drawing made to look like MNIST."""

import numpy as np
import pytest
from PIL import Image, ImageDraw
from scipy import ndimage

from playground.drawing import to_mnist_input
from tests.conftest import shared_mnist_path

CANVAS = 280
PEN = 18  # a student's pen on a 280×280 canvas


def canvas(*strokes, grey=255, pen=PEN, transparent=False):
    """An RGBA canvas, black (or transparent) with strokes of `grey` ink.

    Each stroke is ("line", points) or ("ellipse", box).
    """
    background = (0, 0, 0, 0) if transparent else (0, 0, 0, 255)
    image = Image.new("RGBA", (CANVAS, CANVAS), background)
    draw = ImageDraw.Draw(image)
    ink = (grey, grey, grey, 255)
    for kind, shape in strokes:
        if kind == "line":
            draw.line(shape, fill=ink, width=pen, joint="curve")
        else:
            draw.ellipse(shape, outline=ink, width=pen)
    return np.asarray(image)


def digit(name, left, top, height, pen=PEN):
    """The strokes of a "1", "0" or "7" whose ink starts at (left, top).

    `height` is the pen's path; the ink is about `height + pen` tall.
    """
    if name == "0":  # Pillow draws an ellipse's outline inside its box
        return [("ellipse", [left, top, left + 0.6 * height + pen, top + height + pen])]
    left, top = left + pen / 2, top + pen / 2
    if name == "1":
        return [("line", [(left, top), (left, top + height)])]
    return [
        ("line", [(left, top), (left + 0.7 * height, top), (left + 0.25 * height, top + height)])
    ]


def drawn(name, left, top, height, pen=PEN, **kwargs):
    return to_mnist_input(canvas(*digit(name, left, top, height, pen), pen=pen, **kwargs))


def similarity(a, b):
    """(mean absolute difference, correlation) of two 28×28 images."""
    return float(np.abs(a - b).mean()), float(np.corrcoef(a.ravel(), b.ravel())[0, 1])


def ink_extent(image):
    rows = np.flatnonzero(image.any(axis=1))
    columns = np.flatnonzero(image.any(axis=0))
    return rows[-1] - rows[0] + 1, columns[-1] - columns[0] + 1


CORNERS = [(20, 20), (170, 20), (20, 170), (170, 170)]


@pytest.mark.parametrize("name", ["1", "0", "7"])
def test_position_on_the_canvas_does_not_matter(name):
    images = [drawn(name, left, top, 80) for left, top in CORNERS]
    for image in images[1:]:
        np.testing.assert_array_equal(image, images[0])


@pytest.mark.parametrize("name", ["1", "0", "7"])
@pytest.mark.parametrize("small_corner", CORNERS)
def test_same_drawing_small_or_large_comes_out_nearly_identical(name, small_corner):
    # The same drawing about 100 px and 250 px tall: the pen scales with it.
    small = drawn(name, *small_corner, 80)
    large = drawn(name, 10, 10, 200, pen=round(PEN * 200 / 80))
    mean_difference, correlation = similarity(small, large)
    assert mean_difference < 0.05
    assert correlation > 0.9


@pytest.mark.parametrize("name", ["1", "0", "7"])
@pytest.mark.parametrize("height", [40, 80, 160, 240])
@pytest.mark.parametrize("corner", CORNERS[::3])
def test_output_is_laid_out_like_mnist(name, height, corner):
    # A student's fixed pen: thick strokes on a small digit, thin on a large one.
    left, top = corner if height <= 80 else (10, 10)
    image = drawn(name, left, top, height)
    assert image.shape == (28, 28)
    assert image.dtype == np.float32
    assert image.min() >= 0.0 and image.max() == pytest.approx(1.0)
    assert max(ink_extent(image)) <= 20 + 1  # + 1: an anti-aliased edge
    center_row, center_column = ndimage.center_of_mass(image)
    assert abs(center_row - 14.0) <= 0.25
    assert abs(center_column - 14.0) <= 0.25


@pytest.mark.parametrize(("height", "width"), [(200, 90), (250, 35), (50, 200)])
def test_the_longer_side_becomes_twenty_pixels_keeping_the_aspect_ratio(height, width):
    block = np.zeros((CANVAS, CANVAS), dtype=np.uint8)
    block[13 : 13 + height, 27 : 27 + width] = 255
    image = to_mnist_input(block)
    # Each row and column the block covers counts by its coverage.
    rows, columns = image.max(axis=1).sum(), image.max(axis=0).sum()
    longer = max(height, width)
    assert rows == pytest.approx(20 * height / longer, abs=0.1)
    assert columns == pytest.approx(20 * width / longer, abs=0.1)


@pytest.mark.parametrize("transparent", [False, True])
def test_an_empty_canvas_is_nothing_drawn(transparent):
    empty = canvas(transparent=transparent)
    assert to_mnist_input(empty) is None


def test_a_tap_or_a_speck_is_nothing_drawn():
    tap = canvas(("line", [(140, 140), (141, 140)]))
    speck = np.zeros((CANVAS, CANVAS, 4), dtype=np.uint8)
    speck[100:102, 100:102] = 255
    for image in (tap, speck):
        assert to_mnist_input(image) is None
    assert to_mnist_input(canvas(*digit("1", 20, 20, 80))) is not None


def test_ink_darker_than_the_threshold_is_nothing_drawn():
    faint = canvas(*digit("7", 20, 20, 200), grey=20)  # 20 / 255 < 0.1
    assert to_mnist_input(faint) is None
    assert to_mnist_input(faint, ink_threshold=0.05) is not None


def test_any_grey_level_gives_the_same_digit():
    images = [drawn("7", 40, 40, 180, grey=grey) for grey in (80, 160, 255)]
    for image in images:
        assert image.max() == pytest.approx(1.0)
        np.testing.assert_allclose(image, images[-1], atol=0.02)


def test_transparent_untouched_pixels_are_background():
    opaque = drawn("0", 40, 40, 180)
    transparent = drawn("0", 40, 40, 180, transparent=True)
    np.testing.assert_array_equal(transparent, opaque)
    # Strokes with alpha 0 are not ink, whatever their colour.
    hidden = canvas(*digit("0", 40, 40, 180)).copy()
    hidden[..., 3] = 0
    assert to_mnist_input(hidden) is None


def test_rgb_and_grayscale_inputs_give_the_same_image():
    rgba = canvas(*digit("7", 30, 50, 200))
    expected = to_mnist_input(rgba)
    rgb = rgba[..., :3]
    gray_uint8 = rgba[..., 0]
    gray_float = gray_uint8.astype(np.float64) / 255
    for image in (rgb, gray_uint8, gray_float):
        np.testing.assert_allclose(to_mnist_input(image), expected, atol=1e-5)


def test_a_coloured_stroke_counts_by_its_luminance():
    red = np.asarray(Image.new("RGB", (CANVAS, CANVAS)))
    red = red.copy()
    red[40:240, 130:150] = (255, 0, 0)  # luminance 0.299
    image = to_mnist_input(red)
    assert image is not None and image.max() == pytest.approx(1.0)
    assert to_mnist_input(red, ink_threshold=0.3) is None


def test_a_bad_shape_is_explained():
    with pytest.raises(ValueError, match=r"image.shape=\(28, 28, 2\)"):
        to_mnist_input(np.zeros((28, 28, 2), dtype=np.uint8))


def test_a_real_mnist_digit_drawn_ten_times_larger_comes_back():
    path = shared_mnist_path()
    if path is None:
        pytest.skip("mnist.npz not found in PLAYGROUND_DATA_DIR or ../shared/data")
    with np.load(path) as data:
        originals = data["x_test"][:20]
    correlations = []
    for original in originals:
        large = np.kron(original, np.ones((10, 10), dtype=np.uint8))  # 280×280
        correlations.append(similarity(to_mnist_input(large), original / 255.0)[1])
    # Below 1 only because MNIST's own centering was to the whole pixel.
    assert min(correlations) > 0.8
    assert np.mean(correlations) > 0.93
