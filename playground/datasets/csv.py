"""The student's own CSV as a dataset: a target column, features encoded.

The upload is read into a table by `csv_reader` (in a child process, with a
time and memory limit); this module turns the table into a `Dataset`:

1. rows without a target are dropped, and the task is inferred from the
   target column (`infer_task`) unless the student chose one;
2. empty columns, and text columns with too many distinct values, are
   dropped;
3. the work is bounded before any array is made: at most
   PLAYGROUND_MAX_FEATURES input columns after one-hot encoding, and at most
   PLAYGROUND_MAX_CSV_CELLS rows × input columns (more rows are sampled);
4. booleans become 1/0, dates days since 1970, missing numbers the column
   median, missing text a "missing" category, text one-hot columns.

Each step that changes the data adds a note the Data page shows.

Example:

```python
from playground.config import DataConfig
from playground.datasets import load_dataset, store_upload

rows = "".join(f"{150 + i},{45 + i},{'ab'[i % 2]}\\n" for i in range(20))
file_id = store_upload(("height,weight,team\\n" + rows).encode())
dataset = load_dataset(DataConfig(name="csv", csv_file=file_id, target="team"))
dataset.task, dataset.class_names  # ('binary', ['a', 'b'])
```
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from playground import settings
from playground.config import DataConfig
from playground.datasets import csv_reader
from playground.datasets.base import Dataset, n_test_rows, split
from playground.datasets.uploads import upload_path
from playground.errors import DatasetError

KIND = "tabular"
MAX_CLASSES = 100
MAX_CATEGORIES = 50
MAX_DISTINCT_FOR_CLASSES = 10


def read_csv_columns(csv_file: str) -> list[str]:
    """The column names of an uploaded CSV, for the target chooser.

    The file is read in a child process (`csv_reader.read_upload`), once.

    Raises:
        DatasetError: when the file is missing, not a CSV table, empty, or
            beyond the server's limits.
    """
    return [
        str(column) for column in _read_table(csv_file, settings.Settings.from_env()).frame.columns
    ]


def infer_task(series: pd.Series) -> str:
    """Guesses the task from a target column.

    Text (or boolean) targets are classification: "binary" with at most 2
    values, else "multiclass". Numbers are classification when they are
    whole numbers with at most 10 distinct values, else "regression".

    Args:
        series: the target column, missing values allowed.

    Returns:
        "regression", "binary" or "multiclass".
    """
    values = series.dropna()
    distinct = values.nunique()
    if pd.api.types.is_bool_dtype(values) or not pd.api.types.is_numeric_dtype(values):
        return "binary" if distinct <= 2 else "multiclass"
    whole = bool(np.all(np.mod(values.to_numpy(dtype=np.float64), 1) == 0))
    if whole and distinct <= MAX_DISTINCT_FOR_CLASSES:
        return "binary" if distinct <= 2 else "multiclass"
    return "regression"


def load_csv(data: DataConfig, limits: settings.Settings | None = None) -> Dataset:
    """The user's CSV: target column chosen, features one-hot encoded.

    The work is bounded before any array is made: at most
    PLAYGROUND_MAX_FEATURES input columns after encoding, and at most
    PLAYGROUND_MAX_CSV_CELLS rows × input columns (more rows are sampled).

    Args:
        data: the data config naming the upload and its target.
        limits: the server's limits; by default the environment's.
    """
    limits = limits or settings.Settings.from_env()
    table = _read_table(data.csv_file, limits)
    frame = table.frame
    columns = [str(c) for c in frame.columns]
    if not data.target:
        raise DatasetError("data.csv_no_target", columns=", ".join(columns))
    if data.target not in frame.columns:
        raise DatasetError(
            "data.csv_unknown_target", target=data.target, columns=", ".join(columns)
        )
    notes: list[tuple[str, dict]] = list(table.notes)

    missing_target = int(frame[data.target].isna().sum())
    if missing_target:
        frame = frame[frame[data.target].notna()]
        notes.append(
            ("data.note.dropped_missing_target", {"count": missing_target, "target": data.target})
        )
    n_test_rows(len(frame), data.test_fraction)  # before the target is judged on too few rows
    features = _usable_features(frame.drop(columns=[data.target]), notes)
    frame = _bounded_rows(frame, _encoded_width(features, limits), notes, limits)
    features = features.loc[frame.index]
    target = frame[data.target]
    task = data.task if data.task != "auto" else infer_task(target)
    if data.task == "auto":
        notes.append(("data.note.task_inferred", {"target": data.target, "task": task}))
    y, class_names = _encode_target(target, task, data.target)

    x, feature_names = _encode_features(features, notes)
    if not feature_names:
        raise DatasetError("data.csv_no_features", target=data.target)
    dataset = split(data, KIND, x, y, task, feature_names, class_names, notes)
    dataset.source = _source(table, data.target, features, dataset.notes, missing_target)
    return dataset


def _source(
    table: csv_reader.CsvTable,
    target: str,
    features: pd.DataFrame,
    notes: list,
    missing_target: int,
) -> dict:
    """What `playground.codegen` needs to redo this loading with pandas and scikit-learn.

    Returns:
        A JSON-ready dict: "reading" (`CsvTable.reading`), "target",
        "drop_missing_target", "dropped" (columns that are not inputs),
        "numbers" (number, boolean and date inputs, in order), "dates", "booleans",
        "texts" (one-hot inputs, in order), "sampled" (rows were sampled)
        and "stratified" (the split kept class shares).
    """
    keys = {key for key, _ in notes}
    numbers = [str(c) for c in features.columns if _is_number(features[c])]
    kept = {str(c) for c in features.columns}
    return {
        "reading": table.reading,
        "target": target,
        "drop_missing_target": bool(missing_target),
        "dropped": [str(c) for c in table.frame.columns if str(c) not in kept | {target}],
        "numbers": numbers,
        "dates": [c for c in numbers if pd.api.types.is_datetime64_any_dtype(features[c])],
        "booleans": [c for c in numbers if pd.api.types.is_bool_dtype(features[c])],
        "texts": [str(c) for c in features.columns if str(c) not in numbers],
        "sampled": "data.note.rows_sampled" in keys,
        "stratified": "data.note.split_not_stratified" not in keys,
    }


def _read_table(csv_file: str, limits: settings.Settings) -> csv_reader.CsvTable:
    return csv_reader.read_upload(
        upload_path(csv_file),
        csv_reader.CsvLimits.from_settings(limits),
        limits.csv_parse_timeout_s,
        limits.csv_parse_memory_mb,
    )


def _encode_target(target: pd.Series, task: str, name: str) -> tuple[np.ndarray, list[str]]:
    """Regression: float32 values. Classification: int64 codes and names."""
    if task == "regression":
        if pd.api.types.is_bool_dtype(target):
            target = target.astype(np.float64)
        if not pd.api.types.is_numeric_dtype(target):
            raise DatasetError(
                "data.csv_text_target_regression", target=name, example=str(target.iloc[0])
            )
        return target.to_numpy(dtype=np.float32), []
    codes, classes = pd.factorize(target, sort=True)
    if len(classes) < 2:
        value = _class_name(classes[0]) if len(classes) else ""
        raise DatasetError("data.csv_single_class", target=name, value=value)
    if task == "binary" and len(classes) != 2:
        raise DatasetError("data.csv_binary_needs_two", target=name, count=len(classes))
    if len(classes) > MAX_CLASSES:
        raise DatasetError(
            "data.csv_too_many_classes", target=name, count=len(classes), limit=MAX_CLASSES
        )
    return codes.astype(np.int64), [_class_name(value) for value in classes]


def _class_name(value) -> str:
    if isinstance(value, (float, np.floating)) and float(value).is_integer():
        return str(int(value))
    return str(value)


def _is_number(column: pd.Series) -> bool:
    """Numbers, booleans and dates: each becomes one input column."""
    return (
        pd.api.types.is_numeric_dtype(column)
        or pd.api.types.is_bool_dtype(column)
        or pd.api.types.is_datetime64_any_dtype(column)
    )


def _usable_features(frame: pd.DataFrame, notes: list) -> pd.DataFrame:
    """Drops the columns that cannot be inputs: empty ones, and text with too many values.

    Text columns with more than `MAX_CATEGORIES` distinct values (ids, free
    text) would one-hot encode into too many columns. Each drop adds a note.
    """
    empty = [str(c) for c in frame.columns if frame[c].isna().all()]
    if empty:
        frame = frame.drop(columns=empty)
        notes.append(("data.note.dropped_empty_columns", {"columns": ", ".join(empty)}))
    too_many = [
        c for c in frame.columns if not _is_number(frame[c]) and frame[c].nunique() > MAX_CATEGORIES
    ]
    if too_many:
        frame = frame.drop(columns=too_many)
        notes.append(
            (
                "data.note.dropped_high_cardinality",
                {"limit": MAX_CATEGORIES, "columns": ", ".join(map(str, too_many))},
            )
        )
    return frame


def _encoded_width(frame: pd.DataFrame, limits: settings.Settings) -> int:
    """Input columns after one-hot encoding, counted before any is made.

    Raises:
        DatasetError: "data.csv_too_many_features" above PLAYGROUND_MAX_FEATURES.
    """
    widths = {
        str(c): 1 if _is_number(frame[c]) else frame[c].nunique() + int(frame[c].isna().any())
        for c in frame.columns
    }
    width = sum(widths.values())
    limit = limits.max_features
    if width > limit:
        widest = sorted(widths.items(), key=lambda item: -item[1])[:5]
        raise DatasetError(
            "data.csv_too_many_features",
            count=width,
            limit=limit,
            columns=", ".join(f"{name} ({n})" for name, n in widest),
        )
    return width


def _bounded_rows(
    frame: pd.DataFrame, width: int, notes: list, limits: settings.Settings
) -> pd.DataFrame:
    """A random sample of the rows when rows × input columns exceed PLAYGROUND_MAX_CSV_CELLS."""
    kept = min(limits.max_csv_rows, max(1, limits.max_csv_cells // max(width, 1)))
    if len(frame) <= kept:
        return frame
    earlier = [params for key, params in notes if key == "data.note.rows_sampled"]
    total = earlier[0]["total"] if earlier else len(frame)
    notes[:] = [(key, params) for key, params in notes if key != "data.note.rows_sampled"]
    notes.append(
        (
            "data.note.rows_sampled",
            {
                "kept": kept,
                "total": total,
                "max_rows": limits.max_csv_rows,
                "max_cells": limits.max_csv_cells,
            },
        )
    )
    return frame.sample(n=kept, random_state=csv_reader.SAMPLE_SEED).sort_index()


def _encode_features(frame: pd.DataFrame, notes: list) -> tuple[np.ndarray, list[str]]:
    """Imputes missing values and one-hot encodes text columns.

    Booleans become 1/0 and dates the number of days since 1970-01-01.
    Numbers get the column median, text gets a "missing" category. Each
    step adds a note. Feature names are made unique ("a=b" from a column
    "a" may meet a column named "a=b").
    """
    numeric = [c for c in frame.columns if _is_number(frame[c])]
    text = [c for c in frame.columns if c not in numeric]
    booleans = [str(c) for c in numeric if pd.api.types.is_bool_dtype(frame[c])]
    dates = [str(c) for c in numeric if pd.api.types.is_datetime64_any_dtype(frame[c])]
    if booleans:
        notes.append(("data.note.booleans", {"columns": ", ".join(booleans)}))
    if dates:
        notes.append(("data.note.dates", {"columns": ", ".join(dates)}))

    numbers = pd.DataFrame({c: _as_float(frame[c]) for c in numeric}, index=frame.index)
    _note_missing(numbers, "data.note.imputed_median", notes)
    numbers = numbers.fillna(numbers.median())
    texts = frame[text].astype("object")
    _note_missing(texts, "data.note.missing_category", notes)
    texts = texts.fillna("missing").astype(str)
    one_hot = pd.get_dummies(texts, prefix_sep="=", dtype=np.float32) if text else texts
    if text:
        notes.append(
            ("data.note.one_hot", {"columns": ", ".join(map(str, text)), "count": one_hot.shape[1]})
        )

    features = pd.concat([numbers, one_hot], axis=1)
    return features.to_numpy(dtype=np.float32), unique_names([str(c) for c in features.columns])


def _as_float(column: pd.Series) -> np.ndarray:
    if pd.api.types.is_datetime64_any_dtype(column):
        return ((column - pd.Timestamp("1970-01-01")) / pd.Timedelta(days=1)).to_numpy(
            dtype=np.float64, na_value=np.nan
        )
    return column.astype("Float64").to_numpy(dtype=np.float64, na_value=np.nan)


def unique_names(names: list[str]) -> list[str]:
    """The names, with " (2)", " (3)"... added to repeats so that no two are equal.

    Example: `unique_names(["a", "a", "a (2)"])` is `["a", "a (3)", "a (2)"]`.
    """
    taken = set(names)
    seen: set[str] = set()
    result = []
    for name in names:
        new = name
        if name in seen:
            number = 2
            while f"{name} ({number})" in taken:
                number += 1
            new = f"{name} ({number})"
            taken.add(new)
        seen.add(name)
        result.append(new)
    return result


def _note_missing(frame: pd.DataFrame, key: str, notes: list) -> None:
    counts = frame.isna().sum()
    counts = counts[counts > 0]
    if len(counts):
        columns = ", ".join(f"{name} ({int(n)})" for name, n in counts.items())
        notes.append((key, {"count": int(counts.sum()), "columns": columns}))
