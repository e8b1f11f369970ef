"""The tabular sets scikit-learn ships: iris, wine, breast cancer, diabetes.

They load from files installed with scikit-learn, so they work offline, and
keep scikit-learn's feature and class names.
"""

from __future__ import annotations

from playground.config import DataConfig
from playground.datasets.base import Dataset, split

KIND = "tabular"


def load_iris(data: DataConfig) -> Dataset:
    """150 iris flowers, 4 measurements, 3 species."""
    return _load_bunch(data, "load_iris", "multiclass")


def load_wine(data: DataConfig) -> Dataset:
    """178 wines, 13 chemical measurements, 3 cultivars."""
    return _load_bunch(data, "load_wine", "multiclass")


def load_breast_cancer(data: DataConfig) -> Dataset:
    """569 tumours, 30 cell measurements, malignant (class 0) or benign."""
    return _load_bunch(data, "load_breast_cancer", "binary")


def load_diabetes(data: DataConfig) -> Dataset:
    """442 patients, 10 measurements, disease progression after a year.

    Unscaled features (age in years, bmi...), so "none" shows raw values.
    """
    return _load_bunch(data, "load_diabetes", "regression", scaled=False)


def _load_bunch(data: DataConfig, function_name: str, task: str, **kwargs) -> Dataset:
    """Calls `sklearn.datasets.<function_name>(**kwargs)` and splits its bunch."""
    from sklearn import datasets as sk_datasets

    bunch = getattr(sk_datasets, function_name)(**kwargs)
    class_names = [str(name) for name in getattr(bunch, "target_names", [])]
    return split(
        data,
        KIND,
        bunch.data,
        bunch.target,
        task,
        [str(name) for name in bunch.feature_names],
        class_names if task != "regression" else [],
    )


LOADERS = {
    "iris": load_iris,
    "wine": load_wine,
    "breast_cancer": load_breast_cancer,
    "diabetes": load_diabetes,
}
