"""Compiled models kept between the jobs of one training process.

A class trains the same few architectures over and over. Tracing a model's
training step and compiling it with XLA costs about a second a job; the
arithmetic of a short MNIST run costs a few. So a training process keeps
the models it has trained, by the key of their compiled program, and the
next job with the same key trains the kept model instead of a new one,
after every piece of its state has been set to what the new job's freshly
built model holds: the seeded initial weights, a new optimizer's state
(step 0, zero moments, the job's learning rate) and the metrics, which
`fit` resets. The compiled program reads all of these from variables, so
the run is bit-identical to one on the fresh model (tests/test_compile_cache.py).

The key is what the traced program depends on: the model's layers
(`get_config`: units, activations, names, dtypes), its compile settings
(loss, metrics, optimizer class and hyperparameters, `steps_per_execution`,
`jit_compile`) without the learning rate, the batch size, and the input and
label shapes and dtypes. The learning rate is an optimizer variable in
Keras 3 and the seed only sets initial values, so neither is in the key;
nor are epochs or rows, except where they change `steps_per_execution` or
`jit_compile` (`playground.fast_fit.speed_options`).

A process's first job of a key still traces and compiles its program. The
XLA part of that is shared by all the training processes of a machine
through TensorFlow's persistent compilation cache, a folder keyed by the
fingerprint of the compiled program (`use_persistent_xla_cache`, called by
`playground.worker` before TensorFlow is imported); it is pruned to
`XLA_CACHE_MAX_BYTES` whenever a training process starts.

This module imports Keras lazily through the models it is given and holds
no global state: `playground.trainer` owns the one cache of its process.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import OrderedDict
from pathlib import Path

import numpy as np

XLA_CACHE_MAX_BYTES = 256 * 1024 * 1024  # an MNIST MLP's programs take about 0.5 MB
XLA_CACHE_FLAG = "--tf_xla_persistent_cache_directory"


def use_persistent_xla_cache(folder: Path, max_bytes: int = XLA_CACHE_MAX_BYTES) -> None:
    """Points this process's XLA at a compilation cache folder shared with its siblings.

    Call it before TensorFlow is imported: TF_XLA_FLAGS is read once. The
    folder is pruned to `max_bytes` first, oldest files first.

    Args:
        folder: the machine's cache folder; created if missing.
        max_bytes: the most the folder may hold when this process starts.
    """
    folder.mkdir(parents=True, exist_ok=True)
    prune(folder, max_bytes)
    flags = [
        flag
        for flag in os.environ.get("TF_XLA_FLAGS", "").split()
        if not flag.startswith(XLA_CACHE_FLAG)
    ]
    os.environ["TF_XLA_FLAGS"] = " ".join(flags + [f"{XLA_CACHE_FLAG}={folder}"])


def prune(folder: Path, max_bytes: int) -> None:
    """Deletes the least recently written files until the folder holds at most `max_bytes`."""
    files = []
    for path in folder.iterdir():
        try:
            stat = path.stat()
        except OSError:  # a sibling process removed it meanwhile
            continue
        if path.is_file():
            files.append((stat.st_mtime, stat.st_size, path))
    total = sum(size for _, size, _ in files)
    for _, size, path in sorted(files):
        if total <= max_bytes:
            break
        path.unlink(missing_ok=True)
        total -= size


def program_key(model, batch_size: int, x: np.ndarray, y: np.ndarray) -> str:
    """The key of the program that training `model` on `x`, `y` compiles.

    Args:
        model: a compiled, freshly built Keras model.
        batch_size: the fit's batch size (validation and test batch sizes
            follow from it).
        x: the training inputs (their dtype and per-row shape count).
        y: the training labels as the model is trained on them.

    Returns:
        A hex digest; equal digests mean the same traced training,
        validation and evaluation functions.
    """
    compile_config = model.get_compile_config()
    optimizer = dict(compile_config["optimizer"])
    optimizer["config"] = {
        name: value
        for name, value in optimizer["config"].items()
        if name != "learning_rate"  # an optimizer variable: read, not baked in
    }
    described = {
        "layers": model.get_config(),
        "compile": {**compile_config, "optimizer": optimizer},
        "batch_size": int(batch_size),
        "x": [str(x.dtype), list(x.shape[1:])],
        "y": [str(y.dtype), list(y.shape[1:])],
    }
    text = json.dumps(described, sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()


def reset_to(kept, fresh) -> None:
    """Sets every variable of `kept` and of its optimizer to those of `fresh`.

    `fresh` is the job's own newly built model (same key); its optimizer is
    built here, so it holds exactly the state a first step would start from.

    Raises:
        ValueError: when the two models' variables do not pair up by path
            and shape (they were not built from the same key).
    """
    for model in (kept, fresh):
        if not model.optimizer.built:
            model.optimizer.build(model.trainable_variables)
    _assign_all(kept.variables, fresh.variables)
    _assign_all(kept.optimizer.variables, fresh.optimizer.variables)


def _assign_all(targets, sources) -> None:
    pairs = list(zip(targets, sources))
    if len(targets) != len(sources) or any(
        target.path != source.path or tuple(target.shape) != tuple(source.shape)
        for target, source in pairs
    ):
        raise ValueError(
            "A kept model can only be reset to a model built with the same key. Received "
            f"variables {[v.path for v in targets]} and {[v.path for v in sources]}"
        )
    for target, source in pairs:
        target.assign(source)


class CompiledModels:
    """At most `max_entries` trained models, by program key; the least recently used goes first.

    A job takes its model out (`take`) and puts it back only when it ends
    normally (`keep`), so a model left in an unknown state by a failure is
    never reused.

    Args:
        max_entries: how many models to keep; 0 keeps none (the cache is off).
    """

    def __init__(self, max_entries: int):
        self.max_entries = max_entries
        self._models: OrderedDict[str, object] = OrderedDict()

    def __len__(self) -> int:
        return len(self._models)

    def __contains__(self, key: str) -> bool:
        return key in self._models

    def resize(self, max_entries: int) -> None:
        """Changes the bound, dropping the least recently used models beyond it."""
        self.max_entries = max_entries
        self._trim()

    def take(self, key: str):
        """The kept model with this key, removed from the cache, or None."""
        return self._models.pop(key, None)

    def keep(self, key: str, model) -> None:
        """Keeps `model` under `key` as the most recently used."""
        if self.max_entries <= 0:
            return
        self._models[key] = model
        self._models.move_to_end(key)
        self._trim()

    def clear(self) -> None:
        self._models.clear()

    def _trim(self) -> None:
        while len(self._models) > max(0, self.max_entries):
            self._models.popitem(last=False)
