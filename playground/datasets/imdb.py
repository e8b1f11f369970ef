"""IMDB movie reviews as 10,000-word multi-hot vectors (the Keras book's way).

The reviews are read from `imdb.npz`, the file `keras.datasets.imdb` uses,
and turned into the word ids `keras.datasets.imdb.load_data(num_words=10000)`
returns; `imdb_word_index.json`, when present, decodes a few reviews back to
words for the Data page. Both files are found or downloaded by
`playground.datasets.files`.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path

import numpy as np

from playground.config import DataConfig
from playground.datasets import downloads, files
from playground.datasets.base import Dataset

NUM_WORDS = 10_000
PREVIEW_REVIEWS = 5
FILENAME = "imdb.npz"
WORD_INDEX_FILENAME = "imdb_word_index.json"
# A test review shown on the Evaluate page is cut after this many words.
MAX_REVIEW_WORDS = 200


def load_imdb(data: DataConfig) -> Dataset:
    """IMDB reviews as 10,000-word multi-hot uint8 vectors.

    `data.n_samples` training reviews are kept (0 keeps all 25,000), and at
    most as many test reviews, to bound memory.
    """
    (train_seqs, y_train, test_seqs, y_test), source = _sequences()
    notes: list[tuple[str, dict]] = [("data.note.loaded_from", {"path": source})]
    limit = data.n_samples or len(train_seqs)
    if limit < len(train_seqs):
        notes.append(("data.note.subset", {"kept": limit, "total": len(train_seqs)}))
    if limit < len(test_seqs):
        notes.append(("data.note.test_subset", {"kept": limit, "total": len(test_seqs)}))
    train_seqs, y_train = train_seqs[:limit], y_train[:limit]
    test_seqs, y_test = test_seqs[:limit], y_test[:limit]

    words = _index_to_word(may_download=Path(source).parent == files.keras_cache_dir())
    if words is None:
        notes.append(("data.note.word_index_missing", {}))
        feature_names = [f"word_{i}" for i in range(NUM_WORDS)]
        preview = []
    else:
        feature_names = [words.get(i, f"word_{i}") for i in range(NUM_WORDS)]
        preview = [decode_review(seq, words) for seq in train_seqs[:PREVIEW_REVIEWS]]
    return Dataset(
        name="imdb",
        task="binary",
        kind="text",
        x_train=multi_hot(train_seqs, NUM_WORDS),
        y_train=np.array(y_train, dtype=np.int64),
        x_test=multi_hot(test_seqs, NUM_WORDS),
        y_test=np.array(y_test, dtype=np.int64),
        feature_names=feature_names,
        class_names=["negative", "positive"],
        notes=notes,
        preview_text=preview,
    )


def multi_hot(sequences: list[np.ndarray], width: int) -> np.ndarray:
    """One row per sequence with a 1 at every word index it contains.

    Args:
        sequences: integer arrays of word indices, each below `width`.
        width: the vocabulary size.

    Returns:
        A uint8 array of shape (len(sequences), width).
    """
    x = np.zeros((len(sequences), width), dtype=np.uint8)
    if len(sequences):
        lengths = [len(seq) for seq in sequences]
        rows = np.repeat(np.arange(len(sequences)), lengths)
        x[rows, np.concatenate([np.asarray(seq, dtype=np.int64) for seq in sequences])] = 1
    return x


def decode_review(sequence, index_to_word: dict[int, str]) -> str:
    """Turns a sequence of word indices back into words.

    The start marker is dropped; words cut by `num_words` read "[OOV]".
    """
    return " ".join(index_to_word.get(int(i), "[OOV]") for i in sequence if int(i) != 1)


def test_reviews(
    data: DataConfig, rows, max_words: int = MAX_REVIEW_WORDS
) -> tuple[list[str] | None, np.ndarray]:
    """Some test reviews as words, and the labels of every test review `data` keeps.

    Reads the word ids, not the multi-hot matrix, so a page can show a
    run's test examples without building the 10,000-column inputs. Never
    downloads: without `imdb_word_index.json` the texts are None.

    Args:
        data: the run's data config (`n_samples` bounds the test set as
            `load_imdb` does).
        rows: test-set rows to decode.
        max_words: each review is cut after this many words, marked "…".

    Returns:
        (texts or None, y_test): `y_test` lets the caller check that the
        rows are the run's test set.

    Raises:
        DatasetError: "data.imdb_unavailable" when imdb.npz cannot be found.
    """
    (train_seqs, _, test_seqs, y_test), _ = _sequences()
    limit = data.n_samples or len(train_seqs)
    test_seqs, y_test = test_seqs[:limit], np.asarray(y_test[:limit], dtype=np.int64)
    words = _index_to_word(may_download=False)
    if words is None:
        return None, y_test
    texts = []
    for row in rows:
        ids = [i for i in test_seqs[int(row)] if int(i) != 1]
        text = decode_review(ids[:max_words], words)
        texts.append(text + " …" if len(ids) > max_words else text)
    return texts, y_test


def _sequences():
    """IMDB as `keras.datasets.imdb.load_data(num_words=10000)` returns it."""
    return files.local_or_download(FILENAME, _read_file, "data.imdb_unavailable")


@functools.lru_cache(maxsize=1)
def _read_file(key: tuple[str, int, int]):
    """Reads imdb.npz and applies what `keras.datasets.imdb.load_data` does.

    Shuffle train then test with one `RandomState(113)`, prepend
    start_char=1, shift word ids by index_from=3, and replace ids at or
    above num_words=10000 with oov_char=2.
    """
    arrays = files.read_npz(Path(key[0]), ("x_train", "y_train", "x_test", "y_test"))
    rng = np.random.RandomState(113)
    result = []
    for part in ("train", "test"):
        x, y = arrays[f"x_{part}"], arrays[f"y_{part}"]
        order = np.arange(len(x))
        rng.shuffle(order)
        result += [[_keras_word_ids(x[i]) for i in order], np.asarray(y)[order]]
    return tuple(result)


def _keras_word_ids(raw_sequence) -> np.ndarray:
    ids = np.concatenate([[1], np.asarray(raw_sequence, dtype=np.int64) + 3])
    ids[ids >= NUM_WORDS] = 2
    return ids.astype(np.int32)


def _index_to_word(may_download: bool) -> dict[int, str] | None:
    """Maps a word id (as in the sequences) to its word, or None if unknown.

    Args:
        may_download: fetch imdb_word_index.json when it is missing (done when
            imdb.npz itself sits in the Keras cache, not in an offline folder).
    """
    path = files.find_data_file(WORD_INDEX_FILENAME)
    if path is None and may_download:
        try:
            path = downloads.fetch(WORD_INDEX_FILENAME, files.keras_cache_dir())
        except downloads.DownloadError:
            return None  # the preview is optional; the reason is in the server log
    if path is None:
        return None
    try:
        return _read_word_index(files.file_key(path))
    except (OSError, ValueError):
        return None


@functools.lru_cache(maxsize=1)
def _read_word_index(key: tuple[str, int, int]) -> dict[int, str]:
    with open(key[0], encoding="utf-8") as file:
        return _invert_word_index(json.load(file))


def _invert_word_index(word_index: dict[str, int]) -> dict[int, str]:
    words = {int(i) + 3: word for word, i in word_index.items()}
    words.update({0: "[PAD]", 1: "[START]", 2: "[OOV]"})
    return words
