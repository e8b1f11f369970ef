"""Turn a drawing from the canvas into a 28×28 image laid out like MNIST.

MNIST's digits were "size normalized to fit in a 20x20 pixel box while
preserving their aspect ratio", with grey levels from the anti-aliasing of
that normalization, then "centered in a 28x28 image by computing the center
of mass of the pixels, and translating the image so as to position this
point at the center of the 28x28 field" (LeCun, Cortes & Burges,
http://yann.lecun.com/exdb/mnist/). A network trained on MNIST only knows
digits of that size and place, so a drawing gets the same recipe:

1. grayscale, ink bright on dark, values in 0..1 (an RGBA canvas pixel counts
   by its luminance times its alpha, so transparent pixels are background);
2. crop to the bounding box of the ink;
3. resize so the longer side is 20 px, keeping the aspect ratio, with an
   area-averaging filter (Pillow's BOX) so thin strokes become grey rather
   than vanish;
4. place it in a black 28×28 field so the center of mass lands on the
   center: row 14, column 14 as array indices, MNIST's mean center of mass.
   Steps 3 and 4 are one Pillow resize of a window around the center of
   mass, so the shift is not rounded to whole pixels: the same digit drawn
   at another size or place comes out the same, with no one-pixel jumps;
5. divide by the brightest pixel, so a faint grey stroke looks like MNIST's
   ink (whose brightest pixel is 1.0 in every digit).

Example:

```python
from playground.drawing import to_mnist_input

image01 = to_mnist_input(canvas_result.image_data)  # None: nothing drawn yet
if image01 is not None:
    probabilities = network.predict_proba(image01)
```
"""

from __future__ import annotations

import math

import numpy as np
from PIL import Image
from scipy import ndimage

MNIST_SIZE = 28
DIGIT_BOX = 20
# MNIST's center of mass, as (row, column) array indices.
MNIST_CENTER = (14.0, 14.0)
# ITU-R 601 luma weights, the ones Pillow's convert("L") uses.
LUMA_WEIGHTS = np.array([0.299, 0.587, 0.114], dtype=np.float32)
# Ink narrower than this fraction of the canvas is a speck, not a digit: a
# tap with an 18 px pen on a 280 px canvas is 18 / 280 ≈ 0.06 of it.
MIN_INK_EXTENT = 0.1


def to_grayscale(image: np.ndarray) -> np.ndarray:
    """Converts a canvas image to float32 grayscale in 0..1, ink bright.

    Args:
        image: RGBA `(h, w, 4)` (luminance times alpha, so transparent
            pixels are background), RGB `(h, w, 3)` or grayscale `(h, w)`;
            integer arrays in 0..255, float arrays in 0..1.

    Returns:
        A float32 array of shape `(h, w)` with values in 0..1.
    """
    image = np.asarray(image)
    if image.ndim not in (2, 3) or (image.ndim == 3 and image.shape[2] not in (3, 4)):
        raise ValueError(
            "Argument `image` must have shape (h, w), (h, w, 3) or (h, w, 4). "
            f"Received: image.shape={image.shape}"
        )
    pixels = image.astype(np.float32)
    if np.issubdtype(image.dtype, np.integer):
        pixels /= 255.0
    if pixels.ndim == 2:
        gray = pixels
    elif pixels.shape[2] == 3:
        gray = pixels @ LUMA_WEIGHTS
    else:
        gray = (pixels[..., :3] @ LUMA_WEIGHTS) * pixels[..., 3]
    return np.clip(gray, 0.0, 1.0)


def ink_box(
    gray: np.ndarray, ink_threshold: float = 0.1, min_extent: float = MIN_INK_EXTENT
) -> tuple[slice, slice] | None:
    """The bounding box of the ink in a grayscale image, if there is a digit.

    Args:
        gray: grayscale image in 0..1, ink bright (see `to_grayscale`).
        ink_threshold: pixels brighter than this are ink.
        min_extent: the ink's longer side must span at least this fraction
            of the image's shorter side; smaller ink is a speck.

    Returns:
        `(rows, columns)` slices of the ink, or None when nothing is drawn.
    """
    ink = gray > ink_threshold
    rows = np.flatnonzero(ink.any(axis=1))
    if rows.size == 0:
        return None
    columns = np.flatnonzero(ink.any(axis=0))
    height, width = rows[-1] - rows[0] + 1, columns[-1] - columns[0] + 1
    if max(height, width) < min_extent * min(gray.shape):
        return None
    return slice(rows[0], rows[-1] + 1), slice(columns[0], columns[-1] + 1)


def size_and_center(
    digit: np.ndarray,
    size: int = MNIST_SIZE,
    box: int = DIGIT_BOX,
    center: tuple[float, float] = MNIST_CENTER,
) -> np.ndarray:
    """Scales a cropped digit into a square field, centered by its mass.

    The longer side of `digit` becomes `box` pixels, the aspect ratio is
    kept, and the center of mass lands on `center`. Both happen in one
    area-averaging resize (Pillow's BOX filter) of a window of the crop
    chosen around its center of mass, so neither the shorter side nor the
    shift is rounded to whole pixels: thin or off-grid edges come out grey,
    as MNIST's anti-aliased ones do, with no second resampling blur.

    Args:
        digit: float32 grayscale crop in 0..1, tight around the ink.
        size: side of the square field.
        box: length of the digit's longer side in the field.
        center: target center of mass as (row, column) array indices.

    Returns:
        A float32 array of shape `(size, size)`, values in 0..1.
    """
    scale = box / max(digit.shape)
    mass_row, mass_column = ndimage.center_of_mass(digit)
    # Pillow's coordinates put pixel i's center at i + 0.5.
    left = mass_column + 0.5 - (center[1] + 0.5) / scale
    top = mass_row + 0.5 - (center[0] + 0.5) / scale
    window = (left, top, left + size / scale, top + size / scale)
    whole_pixels = (
        math.floor(window[0]),
        math.floor(window[1]),
        math.ceil(window[2]),
        math.ceil(window[3]),
    )
    # Image.crop fills what lies outside the crop with black.
    region = Image.fromarray(digit.astype(np.float32, copy=False)).crop(whole_pixels)
    x0, y0 = whole_pixels[:2]
    inside = (window[0] - x0, window[1] - y0, window[2] - x0, window[3] - y0)
    field = region.resize((size, size), Image.Resampling.BOX, box=inside)
    return np.clip(np.asarray(field), 0.0, 1.0)


def to_mnist_input(
    image: np.ndarray, ink_threshold: float = 0.1, min_extent: float = MIN_INK_EXTENT
) -> np.ndarray | None:
    """Makes a drawing look like an MNIST digit (see the module docstring).

    Args:
        image: the canvas as RGBA `(h, w, 4)` uint8, as
            `streamlit-drawable-canvas` returns in `image_data` (white strokes
            on black; untouched pixels may be transparent), RGB `(h, w, 3)`,
            or grayscale `(h, w)` as uint8 or float in 0..1.
        ink_threshold: grayscale level in 0..1 above which a pixel is ink.
        min_extent: ink spanning less than this fraction of the canvas is a
            speck and counts as nothing drawn.

    Returns:
        A float32 array of shape (28, 28), values in 0..1 with the brightest
        pixel at 1.0, ink bright on dark like MNIST; or None when nothing is
        drawn.
    """
    gray = to_grayscale(image)
    box = ink_box(gray, ink_threshold, min_extent)
    if box is None:
        return None
    field = size_and_center(gray[box])
    brightest = field.max()
    if brightest <= 0:
        return None
    return field / brightest
