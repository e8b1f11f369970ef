"""Latency of the Draw page's prediction path against a plain `model.predict`.

Usage:
    python bench/draw_latency.py [--repeats 300] [--threads 8]

The app's path is what the Draw page does after each stroke: turn the
280×280 RGBA canvas into an MNIST-style 28×28 input (`playground.drawing`)
and run the shipped default digit network in NumPy (`playground.inference`).
The baseline is the same network as a Keras model, called the way a
beginner would: `model.predict(x)` on the one preprocessed image.

It also runs the app's path from several threads at once (many students
drawing) and checks every answer equals the single-threaded one.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from playground import drawing  # noqa: E402
from playground.inference import DEFAULT_DIGIT_MODEL, load_dense_network  # noqa: E402


def canvas_with_a_seven() -> np.ndarray:
    image = Image.new("RGBA", (280, 280), (0, 0, 0, 255))
    pen = ImageDraw.Draw(image)
    pen.line([(70, 60), (210, 60), (120, 230)], fill=(255, 255, 255, 255), width=18)
    return np.asarray(image)


def median_ms(function, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        function()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def keras_model_from(network):
    import keras

    layers = [keras.Input(shape=(784,))]
    layers += [
        keras.layers.Dense(k.shape[1], activation=a)
        for k, a in zip(network.kernels, network.activations)
    ]
    model = keras.Sequential(layers)
    for layer, kernel, bias in zip(model.layers, network.kernels, network.biases):
        layer.set_weights([kernel, bias])
    return model


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=300)
    parser.add_argument("--threads", type=int, default=8)
    args = parser.parse_args()

    canvas = canvas_with_a_seven()
    network = load_dense_network(DEFAULT_DIGIT_MODEL)

    def app_path() -> np.ndarray:
        return network.predict_proba(drawing.to_mnist_input(canvas))

    image = drawing.to_mnist_input(canvas)
    model = keras_model_from(network)
    model_input = ((image * 255 - network.pixel_offset) / network.pixel_scale).reshape(1, 784)

    def keras_predict() -> np.ndarray:
        return model.predict(model_input, verbose=0)[0]

    np.testing.assert_allclose(app_path(), keras_predict(), rtol=1e-4, atol=1e-6)
    for _ in range(10):  # warm both paths up
        app_path(), keras_predict()
    preprocess = median_ms(lambda: drawing.to_mnist_input(canvas), args.repeats)
    app = median_ms(app_path, args.repeats)
    keras_ms = median_ms(keras_predict, max(30, args.repeats // 5))

    expected = app_path()
    with ThreadPoolExecutor(args.threads) as executor:
        start = time.perf_counter()
        answers = list(executor.map(lambda _: app_path(), range(args.threads * 50)))
        seconds = time.perf_counter() - start
    assert all(np.array_equal(a, expected) for a in answers), "concurrent answers differ"

    print(
        f"predicted digit:                         {int(expected.argmax())} ({expected.max():.1%})"
    )
    print(f"preprocessing only, median:              {preprocess:.2f} ms")
    print(f"app path (preprocess + NumPy), median:   {app:.2f} ms")
    print(f"plain model.predict (no preprocessing):  {keras_ms:.2f} ms")
    print(
        f"{args.threads} threads, {len(answers)} predictions:    {seconds * 1000 / len(answers):.2f} ms each, all equal"
    )
    print(f"ratio model.predict / app path:          {keras_ms / app:.1f}x")


if __name__ == "__main__":
    main()
