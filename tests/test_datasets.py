"""Dataset registry and loaders: shapes, dtypes, tasks, scaling, errors.

MNIST and IMDB are tested on small files written here in the Keras format;
no test touches the network (the download fallbacks are replaced by stubs
that fail like an offline machine).
"""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from sklearn import datasets as sk_datasets

from playground import datasets
from playground.config import DataConfig
from playground.datasets import (
    DATASETS,
    downloads,
    infer_task,
    load_dataset,
    mnist,
    read_csv_columns,
    store_upload,
)
from playground.errors import DatasetError
from playground.i18n import data as data_messages
from playground.i18n import templates
from tests.conftest import refused_url, shared_mnist_path

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path, monkeypatch):
    """Empty data dir and Keras cache, private uploads, no downloads."""
    data_dir, keras_home = tmp_path / "data", tmp_path / "keras"
    (keras_home / "datasets").mkdir(parents=True)
    data_dir.mkdir()
    monkeypatch.setenv("PLAYGROUND_DATA_DIR", str(data_dir))
    monkeypatch.setenv("KERAS_HOME", str(keras_home))
    monkeypatch.setenv("PLAYGROUND_RUNS_DIR", str(tmp_path / "runs"))
    monkeypatch.delenv("PLAYGROUND_MAX_UPLOAD_MB", raising=False)
    monkeypatch.setenv(downloads.URL_VARIABLE, refused_url())
    downloads.forget_failures()
    return data_dir


def class_counts(y: np.ndarray, class_names: list[str]) -> dict[str, int]:
    """Examples per class, in class order, classes without examples included."""
    return dict(zip(class_names, np.bincount(y, minlength=len(class_names)).tolist()))


def _error_code(config: DataConfig) -> str:
    with pytest.raises(DatasetError) as info:
        load_dataset(config)
    return info.value.code


# ============================================================== registry
def test_registry_lists_every_dataset_in_order():
    assert list(DATASETS) == [
        "moons",
        "circles",
        "xor",
        "spiral",
        "gaussians",
        "iris",
        "wine",
        "breast_cancer",
        "diabetes",
        "mnist",
        "imdb",
        "csv",
    ]
    assert {DATASETS[n].kind for n in ("moons", "circles", "xor", "spiral", "gaussians")} == {
        "points2d"
    }
    assert DATASETS["diabetes"].fixed_task == "regression"
    assert DATASETS["csv"].fixed_task is None
    assert [n for n, s in DATASETS.items() if s.has_official_test_split] == ["mnist", "imdb"]
    assert [n for n, s in DATASETS.items() if s.uses_noise] == [
        "moons",
        "circles",
        "xor",
        "spiral",
        "gaussians",
    ]


def test_every_message_key_has_english_and_korean():
    source = "".join(
        path.read_text(encoding="utf-8")
        for path in sorted((REPO / "playground" / "datasets").glob("*.py"))
    )
    used = set(re.findall(r'"(data\.[a-z_.]+[a-z_])"', source))
    used |= {f"data.name.{name}" for name in DATASETS}
    assert "data.mnist_unavailable" in used
    missing = used - data_messages.MESSAGES.keys()
    assert not missing
    hangul = re.compile("[\uac00-\ud7a3]")
    for key in data_messages.MESSAGES:
        assert all(templates(key, "en")) and all(
            hangul.search(korean) for korean in templates(key, "ko")
        ), key


# ============================================================= toy sets
TOYS = ["moons", "circles", "xor", "spiral", "gaussians"]


@pytest.mark.parametrize("name", TOYS)
def test_toy_sets_are_2d_binary_stratified_and_seeded(name):
    config = DataConfig(name=name, n_samples=200, noise=0.1, test_fraction=0.25, seed=3)
    dataset = load_dataset(config)

    assert (dataset.task, dataset.kind) == ("binary", "points2d")
    assert dataset.x_train.shape == (150, 2) and dataset.x_test.shape == (50, 2)
    assert dataset.x_train.dtype == np.float32 and dataset.y_train.dtype == np.int64
    assert dataset.feature_names == ["x1", "x2"] and dataset.class_names == ["0", "1"]
    assert dataset.input_shape == (2,) and dataset.n_classes == 2
    train_counts = class_counts(dataset.y_train, dataset.class_names)
    test_counts = class_counts(dataset.y_test, dataset.class_names)
    total = {c: train_counts[c] + test_counts[c] for c in train_counts}
    for cls in total:  # stratified: the test share of each class is ~25 %
        assert abs(test_counts[cls] - total[cls] * 0.25) <= 1

    again = load_dataset(config)
    np.testing.assert_array_equal(again.x_train, dataset.x_train)
    other_seed = load_dataset(
        DataConfig(name=name, n_samples=200, noise=0.1, test_fraction=0.25, seed=4)
    )
    assert not np.array_equal(other_seed.x_train, dataset.x_train)


def test_xor_label_is_same_sign_without_noise():
    dataset = load_dataset(DataConfig(name="xor", n_samples=300, noise=0.0, scaling="none"))
    x, y = dataset.x_train, dataset.y_train
    np.testing.assert_array_equal(y, (x[:, 0] * x[:, 1] > 0).astype(np.int64))
    assert np.abs(x).max() <= 1.0


def test_circles_inner_class_has_half_the_radius():
    dataset = load_dataset(DataConfig(name="circles", n_samples=200, noise=0.0, scaling="none"))
    radius = np.linalg.norm(dataset.x_train, axis=1)
    np.testing.assert_allclose(radius[dataset.y_train == 1], 0.5, atol=1e-5)
    np.testing.assert_allclose(radius[dataset.y_train == 0], 1.0, atol=1e-5)


def test_spiral_arms_are_point_symmetric_and_noise_moves_points():
    clean = load_dataset(DataConfig(name="spiral", n_samples=100, noise=0.0, scaling="none"))
    x = np.concatenate([clean.x_train, clean.x_test])
    y = np.concatenate([clean.y_train, clean.y_test])
    assert np.linalg.norm(x, axis=1).max() <= 2.0 + 1e-6
    arm0 = {tuple(np.round(p, 4)) for p in x[y == 0]}
    arm1 = {tuple(np.round(-p, 4)) for p in x[y == 1]}
    assert arm0 == arm1  # the second arm is the first rotated by 180 degrees
    noisy = load_dataset(DataConfig(name="spiral", n_samples=100, noise=0.3, scaling="none"))
    assert np.linalg.norm(noisy.x_train, axis=1).max() > 2.0


def test_gaussian_noise_widens_the_blobs():
    def spread(noise):
        d = load_dataset(DataConfig(name="gaussians", n_samples=400, noise=noise, scaling="none"))
        return d.x_train[d.y_train == 0].std(axis=0).mean()

    assert spread(0.0) == pytest.approx(0.5, abs=0.1)
    assert spread(1.0) == pytest.approx(1.5, abs=0.25)


# ========================================================= scikit-learn
@pytest.mark.parametrize(
    "name, loader, rows, features, task, classes",
    [
        (
            "iris",
            sk_datasets.load_iris,
            150,
            4,
            "multiclass",
            ["setosa", "versicolor", "virginica"],
        ),
        ("wine", sk_datasets.load_wine, 178, 13, "multiclass", ["class_0", "class_1", "class_2"]),
        (
            "breast_cancer",
            sk_datasets.load_breast_cancer,
            569,
            30,
            "binary",
            ["malignant", "benign"],
        ),
        ("diabetes", sk_datasets.load_diabetes, 442, 10, "regression", []),
    ],
)
def test_sklearn_sets_keep_rows_names_and_task(name, loader, rows, features, task, classes):
    dataset = load_dataset(DataConfig(name=name, test_fraction=0.2, scaling="none"))
    bunch = loader()

    assert (dataset.task, dataset.kind) == (task, "tabular")
    assert len(dataset.x_train) + len(dataset.x_test) == rows
    assert len(dataset.x_test) == int(np.ceil(rows * 0.2))
    assert dataset.input_shape == (features,)
    assert dataset.feature_names == list(bunch.feature_names)
    assert dataset.class_names == classes
    assert dataset.x_train.dtype == np.float32
    if task == "regression":
        assert dataset.y_train.dtype == np.float32
        assert sorted(np.concatenate([dataset.y_train, dataset.y_test])) == sorted(
            bunch.target.astype(np.float32)
        )
    else:
        assert dataset.y_train.dtype == np.int64
        expected = np.bincount(bunch.target)
        counts = np.bincount(dataset.y_train) + np.bincount(dataset.y_test)
        np.testing.assert_array_equal(counts, expected)


def test_diabetes_features_are_raw_when_not_scaled():
    dataset = load_dataset(DataConfig(name="diabetes", scaling="none"))
    age = dataset.x_train[:, dataset.feature_names.index("age")]
    assert age.min() >= 18 and age.max() <= 80  # years, not sklearn's pre-scaled values


# ============================================================== scaling
def test_standard_scaling_is_fitted_on_train_only():
    raw = load_dataset(DataConfig(name="wine", scaling="none", seed=1))
    scaled = load_dataset(DataConfig(name="wine", scaling="standard", seed=1))
    mean, std = raw.x_train.mean(axis=0), raw.x_train.std(axis=0)

    np.testing.assert_allclose(scaled.x_train.mean(axis=0), 0, atol=1e-5)
    np.testing.assert_allclose(scaled.x_train.std(axis=0), 1, atol=1e-4)
    np.testing.assert_allclose(scaled.x_test, (raw.x_test - mean) / std, rtol=1e-4, atol=1e-4)
    assert scaled.x_train.dtype == np.float32 and scaled.x_test.dtype == np.float32


def test_minmax_scaling_maps_train_to_unit_range():
    raw = load_dataset(DataConfig(name="iris", scaling="none", seed=2))
    scaled = load_dataset(DataConfig(name="iris", scaling="minmax", seed=2))
    np.testing.assert_allclose(scaled.x_train.min(axis=0), 0, atol=1e-6)
    np.testing.assert_allclose(scaled.x_train.max(axis=0), 1, atol=1e-6)
    low, high = raw.x_train.min(axis=0), raw.x_train.max(axis=0)
    np.testing.assert_allclose(scaled.x_test, (raw.x_test - low) / (high - low), atol=1e-5)


def test_no_scaling_keeps_the_raw_values():
    dataset = load_dataset(DataConfig(name="iris", scaling="none"))
    raw_rows = {tuple(row) for row in sk_datasets.load_iris().data.astype(np.float32)}
    assert all(tuple(row) in raw_rows for row in dataset.x_train)


# ================================================================ MNIST
def write_mnist(folder: Path, n_train=40, n_test=20, seed=0, name="mnist.npz") -> dict:
    """Writes a small mnist.npz in the Keras layout and returns its arrays."""
    rng = np.random.default_rng(seed)
    arrays = {
        "x_train": rng.integers(0, 256, (n_train, 28, 28), dtype=np.uint8),
        "y_train": (np.arange(n_train) % 10).astype(np.uint8),
        "x_test": rng.integers(0, 256, (n_test, 28, 28), dtype=np.uint8),
        "y_test": (np.arange(n_test) % 10).astype(np.uint8),
    }
    arrays["x_train"][0, 0, 0], arrays["x_train"][0, 0, 1] = 0, 255
    folder.mkdir(parents=True, exist_ok=True)
    np.savez(folder / name, **arrays)
    return arrays


def test_mnist_from_data_dir_keeps_images_and_raw_pixels(isolated_dirs):
    arrays = write_mnist(isolated_dirs)
    dataset = load_dataset(DataConfig(name="mnist", n_samples=0, scaling="none"))

    assert (dataset.task, dataset.kind) == ("multiclass", "image")
    assert dataset.x_train.shape == (40, 28, 28) and dataset.x_test.shape == (20, 28, 28)
    assert dataset.input_shape == (28, 28) and dataset.n_features == 784
    assert dataset.x_train.dtype == np.float32 and dataset.y_train.dtype == np.int64
    assert dataset.class_names == [str(d) for d in range(10)]
    assert len(dataset.feature_names) == 784
    np.testing.assert_array_equal(dataset.x_train, arrays["x_train"].astype(np.float32))
    np.testing.assert_array_equal(dataset.y_test, arrays["y_test"])
    assert (dataset.x_train.min(), dataset.x_train.max()) == (0.0, 255.0)
    assert ("data.note.loaded_from", {"path": str(isolated_dirs / "mnist.npz")}) in dataset.notes


def test_mnist_scaling_modes(isolated_dirs):
    arrays = write_mnist(isolated_dirs)
    minmax = load_dataset(DataConfig(name="mnist", n_samples=0, scaling="minmax"))
    np.testing.assert_allclose(minmax.x_test, arrays["x_test"] / 255.0, atol=1e-6)
    assert minmax.x_train.max() == pytest.approx(1.0)

    standard = load_dataset(DataConfig(name="mnist", n_samples=0, scaling="standard"))
    assert standard.x_train.mean() == pytest.approx(0.0, abs=1e-4)
    assert standard.x_train.std() == pytest.approx(1.0, abs=1e-4)
    train = arrays["x_train"].astype(np.float64)
    np.testing.assert_allclose(
        standard.x_test, (arrays["x_test"] - train.mean()) / train.std(), atol=1e-4
    )


def test_mnist_n_samples_keeps_the_first_training_images(isolated_dirs):
    arrays = write_mnist(isolated_dirs)
    dataset = load_dataset(DataConfig(name="mnist", n_samples=12, scaling="none"))
    assert dataset.x_train.shape == (12, 28, 28) and len(dataset.x_test) == 20
    np.testing.assert_array_equal(dataset.y_train, arrays["y_train"][:12])
    assert ("data.note.subset", {"kept": 12, "total": 40}) in dataset.notes


def test_mnist_raw_arrays_are_cached(isolated_dirs):
    write_mnist(isolated_dirs, seed=7)
    load_dataset(DataConfig(name="mnist"))
    hits = mnist._read_file.cache_info().hits
    load_dataset(DataConfig(name="mnist"))
    assert mnist._read_file.cache_info().hits == hits + 1


def test_mnist_falls_back_to_the_keras_cache(isolated_dirs, tmp_path):
    arrays = write_mnist(tmp_path / "keras" / "datasets", n_train=15, seed=1)
    dataset = load_dataset(DataConfig(name="mnist", scaling="none"))
    np.testing.assert_array_equal(dataset.x_train, arrays["x_train"])

    write_mnist(isolated_dirs, n_train=25, seed=2)  # the data dir comes first
    assert len(load_dataset(DataConfig(name="mnist", n_samples=0)).x_train) == 25


def test_mnist_missing_offline_is_a_clear_error():
    with pytest.raises(DatasetError) as info:
        load_dataset(DataConfig(name="mnist"))
    assert info.value.code == "data.mnist_unavailable"
    english, korean = str(info.value), info.value.message("ko")
    assert "PLAYGROUND_DATA_DIR" in english and "mnist.npz" in english
    assert "Errno" not in english and "refused" not in english  # no raw network message
    assert "PLAYGROUND_DATA_DIR" in korean and "mnist.npz" in korean and korean != english


def test_mnist_corrupt_file_is_reported(isolated_dirs):
    (isolated_dirs / "mnist.npz").write_bytes(b"not a zip file")
    assert _error_code(DataConfig(name="mnist")) == "data.npz_unreadable"
    np.savez(isolated_dirs / "mnist.npz", x_train=np.zeros((2, 28, 28), np.uint8))  # keys missing
    assert _error_code(DataConfig(name="mnist")) == "data.npz_unreadable"


REAL_MNIST = shared_mnist_path()


@pytest.mark.skipif(
    REAL_MNIST is None, reason="real mnist.npz not available (set PLAYGROUND_DATA_DIR)"
)
def test_real_mnist_has_the_standard_counts(monkeypatch):
    monkeypatch.setenv("PLAYGROUND_DATA_DIR", str(REAL_MNIST.parent))
    dataset = load_dataset(DataConfig(name="mnist", n_samples=0, scaling="minmax"))
    assert dataset.x_train.shape == (60000, 28, 28) and dataset.x_test.shape == (10000, 28, 28)
    assert list(class_counts(dataset.y_test, dataset.class_names).values()) == [
        980,
        1135,
        1032,
        1010,
        982,
        892,
        958,
        1028,
        974,
        1009,
    ]
    assert np.bincount(dataset.y_train)[1] == 6742
    assert 0.0 <= dataset.x_train.min() and dataset.x_train.max() == 1.0


# ================================================================= IMDB
def write_imdb(folder: Path, n_train=12, n_test=8, word_index=True) -> dict:
    """A small imdb.npz: review i of a split holds raw word ids [i+1, 7, 20000]."""

    def reviews(n):
        seqs = np.empty(n, dtype=object)
        for i in range(n):
            seqs[i] = [i + 1, 7, 20000]  # 20000 + 3 is beyond num_words: OOV
        return seqs

    arrays = {
        "x_train": reviews(n_train),
        "y_train": np.arange(n_train) % 2,
        "x_test": reviews(n_test),
        "y_test": np.arange(n_test) % 2,
    }
    np.savez(folder / "imdb.npz", **arrays)
    if word_index:
        words = {f"w{i}": i for i in range(1, 50)}
        (folder / "imdb_word_index.json").write_text(json.dumps(words), encoding="utf-8")
    return arrays


def _keras_order(n_train, n_test):
    """The shuffle documented by keras.datasets.imdb: one RandomState(113)."""
    rng = np.random.RandomState(113)
    train, test = np.arange(n_train), np.arange(n_test)
    rng.shuffle(train)
    rng.shuffle(test)
    return train, test


def test_imdb_multi_hot_follows_keras_conventions(isolated_dirs):
    arrays = write_imdb(isolated_dirs)
    dataset = load_dataset(DataConfig(name="imdb", n_samples=0, scaling="standard"))
    order, test_order = _keras_order(12, 8)

    assert (dataset.task, dataset.kind) == ("binary", "text")
    assert dataset.x_train.shape == (12, 10000) and dataset.x_test.shape == (8, 10000)
    assert dataset.x_train.dtype == np.uint8  # multi-hot stays 0/1, not scaled
    assert dataset.class_names == ["negative", "positive"]
    for row, original in enumerate(order):
        # start_char=1, oov_char=2, word ids shifted by index_from=3
        assert set(np.flatnonzero(dataset.x_train[row])) == {1, 2, 10, original + 1 + 3}
    np.testing.assert_array_equal(dataset.y_train, arrays["y_train"][order])
    np.testing.assert_array_equal(dataset.y_test, arrays["y_test"][test_order])
    assert ("data.note.text_not_scaled", {"scaling": "standard"}) in dataset.notes


def test_imdb_preview_decodes_reviews_with_the_word_index(isolated_dirs):
    write_imdb(isolated_dirs)
    dataset = load_dataset(DataConfig(name="imdb", n_samples=0))
    order, _ = _keras_order(12, 8)
    assert dataset.preview_text == [f"w{i + 1} w7 [OOV]" for i in order[:5]]
    assert dataset.feature_names[:4] == ["[PAD]", "[START]", "[OOV]", "word_3"]
    assert dataset.feature_names[10] == "w7"


def test_imdb_without_word_index_has_no_preview(isolated_dirs):
    write_imdb(isolated_dirs, word_index=False)
    dataset = load_dataset(DataConfig(name="imdb", n_samples=0, scaling="none"))
    assert dataset.preview_text == []
    assert ("data.note.word_index_missing", {}) in dataset.notes
    assert len(dataset.feature_names) == 10000


def test_imdb_n_samples_bounds_train_and_test(isolated_dirs):
    write_imdb(isolated_dirs)
    dataset = load_dataset(DataConfig(name="imdb", n_samples=5))
    assert dataset.x_train.shape == (5, 10000) and dataset.x_test.shape == (5, 10000)
    assert ("data.note.test_subset", {"kept": 5, "total": 8}) in dataset.notes


def test_imdb_matches_keras_load_data(isolated_dirs, monkeypatch):
    imdb_module = pytest.importorskip("keras.src.datasets.imdb")
    rng = np.random.default_rng(0)
    seqs = np.empty(30, dtype=object)
    for i in range(30):
        seqs[i] = rng.integers(1, 12000, size=rng.integers(2, 40)).tolist()
    np.savez(
        isolated_dirs / "imdb.npz",
        x_train=seqs[:18],
        y_train=rng.integers(0, 2, 18),
        x_test=seqs[18:],
        y_test=rng.integers(0, 2, 12),
    )
    monkeypatch.setattr(imdb_module, "get_file", lambda **_: str(isolated_dirs / "imdb.npz"))
    (x_train, y_train), (x_test, y_test) = imdb_module.load_data(num_words=10000)

    dataset = load_dataset(DataConfig(name="imdb", n_samples=0))
    expected = np.zeros((18, 10000), dtype=np.uint8)
    for row, seq in enumerate(x_train):
        expected[row, seq] = 1
    np.testing.assert_array_equal(dataset.x_train, expected)
    np.testing.assert_array_equal(dataset.y_train, y_train)
    np.testing.assert_array_equal(dataset.y_test, y_test)


def test_imdb_missing_offline_is_a_clear_error():
    assert _error_code(DataConfig(name="imdb")) == "data.imdb_unavailable"


# ================================================================== CSV
def upload(text: str, encoding="utf-8") -> str:
    return store_upload(text.encode(encoding))


def csv_config(file_id: str, target: str, task="auto", **kwargs) -> DataConfig:
    return DataConfig(name="csv", csv_file=file_id, target=target, task=task, **kwargs)


def test_store_upload_names_the_file_by_its_hash(tmp_path):
    content = b"a,b\n1,2\n"
    file_id = store_upload(content)
    assert file_id == hashlib.sha256(content).hexdigest()
    assert (tmp_path / "runs" / "uploads" / f"{file_id}.csv").read_bytes() == content
    assert store_upload(content) == file_id
    assert read_csv_columns(file_id) == ["a", "b"]


def test_store_upload_refuses_files_over_the_limit(monkeypatch):
    monkeypatch.setenv("PLAYGROUND_MAX_UPLOAD_MB", "1")
    with pytest.raises(DatasetError) as info:
        store_upload(b"x" * (1024 * 1024 + 1))
    assert info.value.code == "data.upload_too_large"
    assert "1.0 MB" in str(info.value)


@pytest.mark.parametrize(
    "values, task",
    [
        (["cat", "dog", "cat"], "binary"),
        (["a", "b", "c", None], "multiclass"),
        ([True, False, True], "binary"),
        ([0, 1, 1, 0], "binary"),
        ([1.0, 2.0, None, 1.0], "binary"),
        ([1, 2, 3, 4, 5, 3], "multiclass"),
        (list(range(11)), "regression"),
        ([0.5, 1.25, 3.0], "regression"),
    ],
)
def test_infer_task(values, task):
    assert infer_task(pd.Series(values)) == task


MIXED_CSV = (
    "size,color,price,label\n"
    "1.0,red,10,yes\n"
    ",blue,20,no\n"
    "3.0,,30,yes\n"
    "4.0,red,,no\n"
    "5.0,blue,50,\n"
    "6.0,red,60,yes\n"
    "7.0,blue,70,no\n"
    "8.0,red,80,yes\n"
    "9.0,blue,90,no\n"
    "10.0,red,100,yes\n"
    "11.0,blue,110,no\n"
)


def test_csv_one_hot_missing_values_and_notes():
    file_id = upload(MIXED_CSV)
    dataset = load_dataset(csv_config(file_id, "label", scaling="none", test_fraction=0.3))
    notes = dict(dataset.notes)

    assert (dataset.task, dataset.kind) == ("binary", "tabular")
    assert dataset.class_names == ["no", "yes"]
    assert dataset.feature_names == ["size", "price", "color=blue", "color=missing", "color=red"]
    assert len(dataset.x_train) + len(dataset.x_test) == 10  # the row without a label is dropped
    assert len(dataset.x_test) == 3
    assert notes["data.note.dropped_missing_target"] == {"count": 1, "target": "label"}
    assert notes["data.note.imputed_median"] == {"count": 2, "columns": "size (1), price (1)"}
    assert notes["data.note.missing_category"] == {"count": 1, "columns": "color (1)"}
    assert notes["data.note.one_hot"] == {"columns": "color", "count": 3}
    assert notes["data.note.task_inferred"] == {"target": "label", "task": "binary"}

    x = np.concatenate([dataset.x_train, dataset.x_test])
    assert not np.isnan(x).any()
    # Medians of the rows that keep their label (the row with size 5 is gone).
    size_of_price_20 = x[x[:, 1] == 20][0, 0]
    assert size_of_price_20 == np.median([1, 3, 4, 6, 7, 8, 9, 10, 11])
    price_of_size_4 = x[x[:, 0] == 4][0, 1]
    assert price_of_size_4 == np.median([10, 20, 30, 60, 70, 80, 90, 100, 110])
    one_hot = x[:, 2:]
    np.testing.assert_array_equal(one_hot.sum(axis=1), 1)
    assert one_hot[:, 1].sum() == 1  # one "missing" color


def test_csv_numeric_target_inferred_and_overridden():
    rows = "\n".join(f"{i},{i % 3}" for i in range(30))
    file_id = upload("x,grade\n" + rows + "\n")
    inferred = load_dataset(csv_config(file_id, "grade"))
    assert inferred.task == "multiclass" and inferred.class_names == ["0", "1", "2"]
    assert inferred.y_train.dtype == np.int64

    forced = load_dataset(csv_config(file_id, "grade", task="regression"))
    assert forced.task == "regression" and forced.class_names == []
    assert forced.y_train.dtype == np.float32
    assert set(np.unique(forced.y_train)) == {0.0, 1.0, 2.0}


def test_csv_regression_target_and_scaling():
    rows = "\n".join(f"{i},{i * 1.5 + 0.25},{'ab'[i % 2]}" for i in range(40))
    file_id = upload("x,y,kind\n" + rows + "\n")
    dataset = load_dataset(csv_config(file_id, "y", scaling="standard"))
    assert dataset.task == "regression"
    assert dataset.feature_names == ["x", "kind=a", "kind=b"]
    np.testing.assert_allclose(dataset.x_train.mean(axis=0), 0, atol=1e-5)


def test_csv_korean_excel_encoding_is_read():
    file_id = upload("키,성별\n170,남\n160,여\n175,남\n155,여\n180,남\n150,여\n", encoding="cp949")
    assert read_csv_columns(file_id) == ["키", "성별"]
    dataset = load_dataset(csv_config(file_id, "성별", test_fraction=0.34))
    assert dataset.class_names == ["남", "여"]


def test_csv_drops_id_like_text_columns():
    rows = "\n".join(f"{i},user{i},{i % 2}" for i in range(60))
    file_id = upload("x,name,y\n" + rows + "\n")
    dataset = load_dataset(csv_config(file_id, "y"))
    assert dataset.feature_names == ["x"]
    assert dict(dataset.notes)["data.note.dropped_high_cardinality"]["columns"] == "name"


def test_csv_single_rare_class_falls_back_to_unstratified_split():
    file_id = upload("x,y\n" + "\n".join(f"{i},{'a' if i else 'b'}" for i in range(10)) + "\n")
    dataset = load_dataset(csv_config(file_id, "y"))
    assert ("data.note.split_not_stratified", {}) in dataset.notes


@pytest.mark.parametrize(
    "content, target, task, code",
    [
        ("", "a", "auto", "data.csv_empty"),
        ("   \n\n", "a", "auto", "data.csv_empty"),
        ("a,b\n", "a", "auto", "data.csv_header_only"),
        ("a,b\n1,2\n3,4,5,6\n", "a", "auto", "data.csv_ragged"),
        ("a,b\n1,2\n3,4\n5,6\n7,8\n", "", "auto", "data.csv_no_target"),
        ("a,b\n1,2\n3,4\n5,6\n7,8\n", "c", "auto", "data.csv_unknown_target"),
        ("a,b\n1,x\n3,x\n5,x\n7,x\n", "b", "auto", "data.csv_single_class"),
        ("a,b\n1,x\n3,y\n5,x\n7,y\n", "b", "regression", "data.csv_text_target_regression"),
        ("a,b\n1,x\n3,y\n5,z\n7,y\n", "b", "binary", "data.csv_binary_needs_two"),
        ("b\nx\ny\nx\ny\n", "b", "auto", "data.csv_no_features"),
        ("a,b\n,x\n,y\n,x\n,y\n", "b", "auto", "data.csv_no_features"),
        ("a,b\n1,x\n2,y\n", "b", "auto", "data.too_few_rows"),
    ],
)
def test_csv_errors_have_their_own_keys(content, target, task, code):
    file_id = upload(content)
    assert _error_code(csv_config(file_id, target, task=task)) == code


def test_csv_an_excel_workbook_is_named():
    file_id = store_upload(b"PK\x03\x04\x14\x00\x00\x00[Content_Types].xml")
    with pytest.raises(DatasetError) as info:
        read_csv_columns(file_id)
    assert info.value.code == "data.csv_excel_file"


def test_csv_too_many_classes():
    rows = "\n".join(f"{i},{i * 0.5}" for i in range(150))
    file_id = upload("x,y\n" + rows + "\n")
    assert _error_code(csv_config(file_id, "y", task="multiclass")) == "data.csv_too_many_classes"


def test_csv_missing_or_unsafe_file_ids():
    assert _error_code(csv_config("", "a")) == "data.csv_no_file"
    assert _error_code(csv_config("0" * 64, "a")) == "data.csv_not_found"
    assert _error_code(csv_config("../../etc/passwd", "a")) == "data.csv_not_found"


def test_csv_rows_beyond_the_row_limit_are_sampled(monkeypatch):
    monkeypatch.setenv("PLAYGROUND_MAX_CSV_ROWS", "50")
    file_id = upload("x,y\n" + "".join(f"{i},{i % 2}\n" for i in range(200)))
    dataset = load_dataset(csv_config(file_id, "y"))
    assert len(dataset.y_train) + len(dataset.y_test) == 50
    assert dict(dataset.notes)["data.note.rows_sampled"]["total"] == 200


def test_csv_one_hot_width_is_bounded_before_it_is_made(monkeypatch):
    monkeypatch.setenv("PLAYGROUND_MAX_FEATURES", "10")
    rows = "".join(f"{i},c{i % 6},d{i % 7},{i % 2}\n" for i in range(60))
    file_id = upload("x,c,d,y\n" + rows)
    with pytest.raises(DatasetError) as info:
        load_dataset(csv_config(file_id, "y"))
    assert info.value.code == "data.csv_too_many_features"
    assert info.value.params == {"count": 14, "limit": 10, "columns": "d (7), c (6), x (1)"}


def test_csv_cells_after_one_hot_are_bounded_by_sampling(monkeypatch):
    monkeypatch.setenv("PLAYGROUND_MAX_CSV_CELLS", "300")
    rows = "".join(f"{i},c{i % 9},{i % 2}\n" for i in range(100))
    file_id = upload("x,c,y\n" + rows)
    dataset = load_dataset(csv_config(file_id, "y"))
    # x and 9 one-hot columns: 300 // 10 = 30 rows, from the 100 in the file.
    assert dataset.n_features == 10 and len(dataset.y_train) + len(dataset.y_test) == 30
    assert dict(dataset.notes)["data.note.rows_sampled"]["kept"] == 30
    assert dict(dataset.notes)["data.note.rows_sampled"]["total"] == 100


def test_csv_inf_targets_dates_and_booleans():
    rows = "".join(
        f"2024-01-{1 + i % 28:02d},{'TRUE' if i % 2 else 'FALSE'},{i * 1.5}\n" for i in range(30)
    )
    file_id = upload("when,flag,y\n" + rows + "2024-02-01,TRUE,inf\n")
    dataset = load_dataset(csv_config(file_id, "y", scaling="none"))
    notes = dict(dataset.notes)
    assert dataset.task == "regression" and len(dataset.y_train) + len(dataset.y_test) == 30
    assert notes["data.note.out_of_range_numbers"] == {"count": 1, "columns": "y (1)"}
    assert notes["data.note.dropped_missing_target"]["count"] == 1
    assert notes["data.note.dates"] == {"columns": "when"} and notes["data.note.booleans"] == {
        "columns": "flag"
    }
    x = np.concatenate([dataset.x_train, dataset.x_test])
    assert set(x[:, 1]) == {0.0, 1.0}
    assert x[:, 0].min() == (pd.Timestamp("2024-01-01") - pd.Timestamp("1970-01-01")).days


def test_csv_feature_names_are_unique_after_one_hot():
    rows = "".join(f"{i % 2},{'bc'[i % 2]},{i % 3}\n" for i in range(30))
    file_id = upload("a=b,a,y\n" + rows)
    dataset = load_dataset(csv_config(file_id, "y"))
    assert dataset.feature_names == ["a=b", "a=b (2)", "a=c"]


def test_unique_names():
    assert datasets.unique_names(["a", "a", "a (2)", "b", "a"]) == [
        "a",
        "a (3)",
        "a (2)",
        "b",
        "a (4)",
    ]


def test_error_messages_quote_the_bad_value():
    file_id = upload("a,b\n1,2\n3,4\n5,6\n7,8\n")
    with pytest.raises(DatasetError) as info:
        load_dataset(csv_config(file_id, "price"))
    assert "'price'" in str(info.value) and "a, b" in str(info.value)
    assert "'price'" in info.value.message("ko")


# =========================================================== validation
@pytest.mark.parametrize(
    "config, code",
    [
        (DataConfig(name="cifar"), "data.unknown_dataset"),
        (DataConfig(scaling="zscore"), "data.bad_scaling"),
        (DataConfig(task="ranking"), "data.bad_task"),
        (DataConfig(test_fraction=0.0), "data.bad_test_fraction"),
        (DataConfig(test_fraction=1.0), "data.bad_test_fraction"),
        (DataConfig(n_samples=3), "data.bad_n_samples"),
        (DataConfig(name="mnist", n_samples=-1), "data.bad_n_samples"),
        (DataConfig(noise=-0.1), "data.bad_noise"),
    ],
)
def test_bad_settings_are_refused(config, code):
    assert _error_code(config) == code


def test_a_task_override_on_a_fixed_dataset_is_noted():
    dataset = load_dataset(DataConfig(name="iris", task="regression"))
    assert dataset.task == "multiclass"
    assert ("data.note.task_fixed", {"fixed": "multiclass", "task": "regression"}) in dataset.notes


# ============================================================= the package
def test_every_loader_gives_the_kind_its_spec_declares(isolated_dirs):
    write_mnist(isolated_dirs)
    write_imdb(isolated_dirs)
    file_id = upload("a,b\n" + "".join(f"{i},{i % 2}\n" for i in range(20)))
    for name, spec in DATASETS.items():
        config = csv_config(file_id, "b") if name == "csv" else DataConfig(name=name, n_samples=100)
        assert load_dataset(config).kind == spec.kind, name


def test_the_csv_reading_child_does_not_import_scikit_learn():
    """The CSV reader runs in a fresh interpreter per upload; importing this
    package must cost it NumPy and pandas only (scikit-learn triples its start)."""
    code = (
        "import sys; import playground.datasets.csv_reader\n"
        "assert 'sklearn' not in sys.modules, sorted(m for m in sys.modules if 'sklearn' in m)[:3]\n"
    )
    subprocess.run([sys.executable, "-c", code], cwd=REPO, check=True, timeout=120)


def test_the_package_docstring_examples_run(isolated_dirs):
    dataset = load_dataset(DataConfig(name="iris", scaling="standard"))
    assert (dataset.x_train.shape, dataset.task, dataset.class_names) == (
        (120, 4),
        "multiclass",
        ["setosa", "versicolor", "virginica"],
    )
    rows = "".join(f"{150 + i},{45 + i},{'ab'[i % 2]}\n" for i in range(20))
    file_id = store_upload(("height,weight,team\n" + rows).encode())
    dataset = load_dataset(DataConfig(name="csv", csv_file=file_id, target="team"))
    assert (dataset.task, dataset.class_names) == ("binary", ["a", "b"])
