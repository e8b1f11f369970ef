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
   area-averaging filter so thin strokes become grey rather than vanish;
4. paste into a black 28×28 field where the center of mass lands on the
   center (row 14, column 14, as in MNIST, whose mean center of mass is
   (14.0, 14.0) with whole-pixel shifts);
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
        raise ValueError("Argument `image` must have shape (h, w), (h, w, 3) or (h, w, 4). "
                         f"Received: image.shape={image.shape}")
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


def ink_box(gray: np.ndarray, ink_threshold: float = 0.1,
            min_extent: float = MIN_INK_EXTENT) -> tuple[slice, slice] | None:
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


def is_blank(image: np.ndarray, ink_threshold: float = 0.1,
             min_extent: float = MIN_INK_EXTENT) -> bool:
    """Whether a canvas image holds nothing that could be a digit.

    Args:
        image: as for `to_mnist_input`.
        ink_threshold, min_extent: as for `ink_box`.

    Returns:
        True for an empty canvas, strokes all darker than `ink_threshold`,
        or only a speck.
    """
    return ink_box(to_grayscale(image), ink_threshold, min_extent) is None


def fit_in_box(digit: np.ndarray, box: int = DIGIT_BOX) -> np.ndarray:
    """Resizes a cropped digit so its longer side is `box`, keeping its shape.

    Args:
        digit: float32 grayscale crop in 0..1.
        box: the length of the longer side after resizing.

    Returns:
        The resized float32 array, values in 0..1.
    """
    height, width = digit.shape
    scale = box / max(height, width)
    size = (max(1, round(width * scale)), max(1, round(height * scale)))  # Pillow: (w, h)
    resized = Image.fromarray(digit, mode="F").resize(size, Image.Resampling.BOX)
    return np.clip(np.asarray(resized), 0.0, 1.0)


def center_by_mass(digit: np.ndarray, size: int = MNIST_SIZE,
                   center: tuple[float, float] = MNIST_CENTER) -> np.ndarray:
    """Pastes a digit into a black square so its center of mass is at `center`.

    Shifts are whole pixels, as in MNIST, so no extra blur is added; a digit
    whose mass sits far off its middle stays whole inside the field rather
    than centered exactly.

    Args:
        digit: float32 grayscale digit no larger than `size` on either side.
        size: side of the square field.
        center: target center of mass as (row, column).

    Returns:
        A float32 array of shape `(size, size)`.
    """
    mass_row, mass_column = ndimage.center_of_mass(digit)
    top = int(np.clip(round(center[0] - mass_row), 0, size - digit.shape[0]))
    left = int(np.clip(round(center[1] - mass_column), 0, size - digit.shape[1]))
    field = np.zeros((size, size), dtype=np.float32)
    field[top:top + digit.shape[0], left:left + digit.shape[1]] = digit
    return field


def to_mnist_input(image: np.ndarray, ink_threshold: float = 0.1,
                   min_extent: float = MIN_INK_EXTENT) -> np.ndarray | None:
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
    digit = fit_in_box(gray[box])
    brightest = digit.max()
    if brightest <= 0:
        return None
    return center_by_mass(digit / brightest)
