"""The 2-D toy sets: moons, circles, XOR, spiral and two Gaussians.

Each is generated from `DataConfig.n_samples`, `noise` and `seed`, has two
inputs ("x1", "x2") and two classes ("0", "1"), and is split with
`base.split`, stratified.
"""

from __future__ import annotations

import numpy as np

from playground.config import DataConfig
from playground.datasets.base import Dataset, split

KIND = "points2d"
FEATURES = ["x1", "x2"]
CLASSES = ["0", "1"]


def load_moons(data: DataConfig) -> Dataset:
    """Two interleaving half circles (`sklearn.datasets.make_moons`)."""
    from sklearn import datasets as sk_datasets

    x, y = sk_datasets.make_moons(data.n_samples, noise=data.noise, random_state=data.seed)
    return _split(data, x, y)


def load_circles(data: DataConfig) -> Dataset:
    """A circle inside another (`make_circles`, factor 0.5); class 1 inside."""
    from sklearn import datasets as sk_datasets

    x, y = sk_datasets.make_circles(
        data.n_samples, noise=data.noise, factor=0.5, random_state=data.seed
    )
    return _split(data, x, y)


def load_xor(data: DataConfig) -> Dataset:
    """Uniform points in [-1, 1]²; class 1 where x and y have the same sign.

    The label is taken before `noise` (Gaussian jitter, std = noise) moves
    the points, so noise blurs the quadrant borders.
    """
    rng = np.random.default_rng(data.seed)
    x = rng.uniform(-1.0, 1.0, size=(data.n_samples, 2))
    y = (x[:, 0] * x[:, 1] > 0).astype(np.int64)
    x = x + rng.normal(0.0, data.noise, size=x.shape)
    return _split(data, x, y)


def load_spiral(data: DataConfig) -> Dataset:
    """Two interleaved spiral arms of 1.5 turns, radius 0 to 2.

    Adjacent arms are about 0.67 apart; `noise` is the std of the Gaussian
    jitter added to every point.
    """
    rng = np.random.default_rng(data.seed)
    sizes = (data.n_samples // 2, data.n_samples - data.n_samples // 2)
    points, labels = [], []
    for label, size in enumerate(sizes):
        t = np.linspace(0.0, 1.0, size)
        angle = 1.5 * 2 * np.pi * t + label * np.pi
        radius = 2.0 * t
        points.append(np.column_stack([radius * np.sin(angle), radius * np.cos(angle)]))
        labels.append(np.full(size, label, dtype=np.int64))
    x = np.concatenate(points) + rng.normal(0.0, data.noise, size=(data.n_samples, 2))
    return _split(data, x, np.concatenate(labels))


def load_gaussians(data: DataConfig) -> Dataset:
    """Two Gaussian blobs centred at (-1, -1) and (1, 1), std 0.5 + noise."""
    from sklearn import datasets as sk_datasets

    x, y = sk_datasets.make_blobs(
        data.n_samples,
        centers=[[-1.0, -1.0], [1.0, 1.0]],
        cluster_std=0.5 + data.noise,
        random_state=data.seed,
    )
    return _split(data, x, y)


def _split(data: DataConfig, x: np.ndarray, y: np.ndarray) -> Dataset:
    return split(data, KIND, x, y, "binary", list(FEATURES), list(CLASSES))


LOADERS = {
    "moons": load_moons,
    "circles": load_circles,
    "xor": load_xor,
    "spiral": load_spiral,
    "gaussians": load_gaussians,
}
