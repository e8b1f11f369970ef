"""Which words push an IMDB model towards "positive" or "negative", read from the network itself.

A review reaches the model as a 10,000-wide multi-hot row, exactly as
`playground.datasets.imdb` builds it from `keras.datasets.imdb`: a 1 at
the start marker (id 1) and at every word id it contains. A word's push
is the change it makes to P(positive):

- alone (`word_pushes`): the output for a review holding just that word,
  minus the output for the empty review (the start marker only);
- in a typed review (`review_pushes`): the output for the review, minus the
  output for the review without that word.

Typed text becomes word ids as `keras.datasets.imdb` numbers them:
lowercased, punctuation (Keras's `text_to_word_sequence` filters) replaced
by spaces, each word's rank in `imdb_word_index.json` plus index_from=3;
a word the index lacks, or whose id is 10,000 or more, is out of
vocabulary (id 2), which the multi-hot rows do not tell apart.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from playground.evaluation import one_value_per_point
from playground.inference import ACTIVATIONS, DenseNetwork

START, OOV, FIRST_WORD = 1, 2, 3
# keras.preprocessing.text.text_to_word_sequence's default `filters`.
KERAS_FILTERS = '!"#$%&()*+,-./:;<=>?@[\\]^_`{|}~\t\n'
MAX_REVIEW_CHARS = 5_000
TOP_WORDS = 15


@dataclass(frozen=True)
class WordPush:
    """One word and how far it moves P(positive) (positive values push towards "positive")."""

    word: str
    word_id: int
    push: float


def tokenize(text: str, max_chars: int = MAX_REVIEW_CHARS) -> list[str]:
    """Words as Keras's `text_to_word_sequence` splits them (the first `max_chars` characters).

    Example:
        >>> tokenize("A great, GREAT film!")
        ['a', 'great', 'great', 'film']
    """
    cleaned = (
        str(text)[:max_chars]
        .lower()
        .translate(str.maketrans(KERAS_FILTERS, " " * len(KERAS_FILTERS)))
    )
    return cleaned.split()


def vocabulary(feature_names: list[str]) -> dict[str, int]:
    """Word -> id for the words a model knows (the multi-hot columns from `FIRST_WORD` on)."""
    return {name: index for index, name in enumerate(feature_names) if index >= FIRST_WORD}


def word_ids(words: list[str], known: dict[str, int]) -> list[int]:
    """Each word's id, `OOV` for a word outside the model's vocabulary."""
    return [known.get(word, OOV) for word in words]


def positive_probability(network: DenseNetwork, rows: np.ndarray) -> np.ndarray:
    """P(positive) for multi-hot rows (one sigmoid unit or a 2-unit softmax)."""
    return one_value_per_point(network.layer_outputs(rows)[-1])


def word_pushes(network: DenseNetwork, feature_names: list[str]) -> list[WordPush]:
    """Every known word's push when it is a review's only word, largest first.

    The first layer's pre-activation for "start marker + word i" is
    kernel[START] + kernel[i] + bias, so all 10,000 one-word reviews go
    through the network at once, without building 10,000 multi-hot rows.
    """
    kernel, bias = network.kernels[0], network.biases[0]
    width = kernel.shape[0]
    empty = np.zeros((1, width), dtype=np.float32)
    empty[0, START] = 1
    x = ACTIVATIONS[network.activations[0]](kernel[FIRST_WORD:] + kernel[START] + bias)
    for layer_kernel, layer_bias, activation in zip(
        network.kernels[1:], network.biases[1:], network.activations[1:]
    ):
        x = ACTIVATIONS[activation](x @ layer_kernel + layer_bias)
    pushes = one_value_per_point(x) - positive_probability(network, empty)[0]
    order = np.argsort(-pushes, kind="stable")
    return [
        WordPush(feature_names[FIRST_WORD + i], FIRST_WORD + int(i), float(pushes[i]))
        for i in order
    ]


def strongest(pushes: list[WordPush], count: int = TOP_WORDS) -> tuple[list, list]:
    """The `count` words pushing most towards positive, and towards negative (strongest first)."""
    return pushes[:count], list(reversed(pushes[-count:]))


@dataclass(frozen=True)
class ReviewReading:
    """What the network makes of one typed review.

    Attributes:
        probability: P(positive) for the review.
        words: each distinct known word's push (output minus the output
            without it), in reading order.
        unknown: the typed words outside the vocabulary, in reading order.
    """

    probability: float
    words: list[WordPush]
    unknown: list[str]


def review_pushes(network: DenseNetwork, feature_names: list[str], text: str) -> ReviewReading:
    """Reads a typed review as the model sees it and measures each word's push."""
    known = vocabulary(feature_names)
    words = tokenize(text)
    ids = word_ids(words, known)
    width = network.kernels[0].shape[0]
    distinct = list(dict.fromkeys((w, i) for w, i in zip(words, ids) if i != OOV))
    review = np.zeros(width, dtype=np.float32)
    review[[START, *ids]] = 1
    rows = np.repeat(review[None, :], len(distinct) + 1, axis=0)
    for row, (_, word_id) in enumerate(distinct, start=1):
        rows[row, word_id] = 0
    probabilities = positive_probability(network, rows)
    return ReviewReading(
        probability=float(probabilities[0]),
        words=[
            WordPush(word, word_id, float(probabilities[0] - probabilities[row]))
            for row, (word, word_id) in enumerate(distinct, start=1)
        ],
        unknown=list(dict.fromkeys(w for w, i in zip(words, ids) if i == OOV)),
    )
