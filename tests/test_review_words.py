"""IMDB word pushes: read from the network, on reviews tokenized exactly as keras.datasets.imdb numbers them."""

import numpy as np
import pytest

from playground import review_words
from playground.config import DataConfig, ExperimentConfig, LayerConfig
from playground.datasets import load_dataset
from playground.inference import DenseNetwork
from playground.runs import RunResult
from tests.conftest import train_in_process
from tests.test_datasets import isolated_dirs, write_imdb  # noqa: F401 - the fixture

RNG = np.random.default_rng(1)


def small_network(width=40, output="sigmoid") -> DenseNetwork:
    units = 1 if output == "sigmoid" else 2
    return DenseNetwork(
        (
            RNG.normal(size=(width, 6)).astype(np.float32),
            RNG.normal(size=(6, units)).astype(np.float32),
        ),
        (RNG.normal(size=6).astype(np.float32), RNG.normal(size=units).astype(np.float32)),
        ("relu", output),
    )


def positive(network, rows):
    output = network.layer_outputs(np.asarray(rows, dtype=np.float32))[-1]
    return output[:, -1]


def test_tokenize_lowercases_and_splits_on_keras_punctuation():
    assert review_words.tokenize("A great, GREAT film!\tIt's (really) 10/10...") == [
        "a",
        "great",
        "great",
        "film",
        "it's",
        "really",
        "10",
        "10",
    ]
    assert review_words.tokenize("x" * 10 + " y", max_chars=5) == ["xxxxx"]


@pytest.mark.parametrize("output", ["sigmoid", "softmax"])
def test_each_words_push_alone_is_the_network_output_change_it_makes(output):
    network = small_network(output=output)
    names = ["[PAD]", "[START]", "[OOV]"] + [f"w{i}" for i in range(3, 40)]
    pushes = review_words.word_pushes(network, names)
    empty = np.zeros((1, 40))
    empty[0, 1] = 1
    one_word = np.repeat(empty, 37, axis=0)
    one_word[np.arange(37), np.arange(3, 40)] = 1
    truth = positive(network, one_word) - positive(network, empty)[0]
    by_id = {push.word_id: push for push in pushes}
    assert sorted(by_id) == list(range(3, 40))
    for word_id, push in by_id.items():
        assert push.push == pytest.approx(float(truth[word_id - 3]), abs=1e-5)
        assert push.word == names[word_id]
    assert [p.push for p in pushes] == sorted((p.push for p in pushes), reverse=True)
    top, bottom = review_words.strongest(pushes, 5)
    assert top[0].push == max(truth) and bottom[0].push == min(truth)


def test_a_typed_reviews_words_push_by_what_leaving_them_out_changes():
    network = small_network()
    names = ["[PAD]", "[START]", "[OOV]", "good", "bad", "film"]
    names += [f"w{i}" for i in range(6, 40)]
    reading = review_words.review_pushes(network, names, "Good film, good FILM. Zzz!")
    rows = np.zeros((3, 40))
    rows[:, [1, 2, 3, 5]] = 1  # start, OOV (zzz), good, film
    rows[1, 3] = 0
    rows[2, 5] = 0
    p = positive(network, rows)
    assert reading.probability == pytest.approx(float(p[0]), abs=1e-6)
    assert [(w.word, w.word_id) for w in reading.words] == [("good", 3), ("film", 5)]
    assert [w.push for w in reading.words] == pytest.approx([p[0] - p[1], p[0] - p[2]], abs=1e-6)
    assert reading.unknown == ["zzz"]


def test_typed_words_get_the_ids_keras_datasets_imdb_gives_them(isolated_dirs, tmp_path):  # noqa: F811
    write_imdb(isolated_dirs)  # review i holds raw ids [i+1, 7, 20000]; words w1..w49
    dataset = load_dataset(DataConfig(name="imdb", n_samples=0))
    known = review_words.vocabulary(dataset.feature_names)
    # Raw id 7 is "w7"; Keras shifts it by index_from=3; 20000 + 3 is out of vocabulary.
    ids = review_words.word_ids(review_words.tokenize("W7, never-seen"), known)
    assert ids == [10, review_words.OOV, review_words.OOV]
    config = ExperimentConfig(
        data=DataConfig(name="imdb", n_samples=0), layers=[LayerConfig(4, "relu")], epochs=1
    )
    train_in_process(config, tmp_path)
    result = RunResult.load(tmp_path)
    names = result.network_inputs.feature_names
    assert names[4] == "w1" and len(names) == 10_000
    # A decoded training review, typed back, is the very row the model trained on.
    row = dataset.x_train[0]
    words = " ".join(names[i] for i in np.flatnonzero(row) if i >= review_words.FIRST_WORD)
    typed = np.zeros(10_000, dtype=np.uint8)
    typed[[review_words.START, review_words.OOV, *review_words.word_ids(words.split(), known)]] = 1
    np.testing.assert_array_equal(typed, row)
    reading = review_words.review_pushes(result.network, names, words + " unheard-of")
    assert reading.probability == pytest.approx(
        float(result.network.layer_outputs(row[None, :])[-1][0, -1]), abs=1e-6
    )
