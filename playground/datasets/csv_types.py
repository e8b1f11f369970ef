"""Gives the columns pandas left as text, or read as odd numbers, their meaning.

`type_columns(frame, delimiter, notes)` is the last step of reading a CSV
(`playground.datasets.csv_reader`). Each change adds a note for the Data page:

- numbers written with a decimal comma ("3,14" in a `;`-separated file) or
  with thousands separators ("1,234" quoted in a `,`-separated file) become
  numbers, but only when every value of the column reads one way;
- True/False columns with missing values become a nullable boolean column
  (pandas already reads complete ones as booleans);
- columns of dates ("2024-03-05", "2024. 3. 5.", "03/05/2024") become
  datetimes, when every value parses with one format;
- infinite numbers, and finite ones beyond float32's range (±3.4e38, which
  the network cannot hold), become missing values.
"""

from __future__ import annotations

import re
import warnings

import numpy as np
import pandas as pd
from pandas.tseries.api import guess_datetime_format

FLOAT32_MAX = float(np.finfo(np.float32).max)
DATE_SAMPLE = 20

# A value of a number column written European style: "1.234,5" or "3,14".
_DECIMAL_COMMA = r"[+-]?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?"
# A value of a number column with thousands separators: "1,234,567.5".
_THOUSANDS = r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_DATE = re.compile(
    r"\d{4}[-/.]\s?\d{1,2}[-/.]\s?\d{1,2}\.?(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?"
    r"|\d{1,2}[-/.]\d{1,2}[-/.]\d{4}(?: \d{1,2}:\d{2}(?::\d{2})?)?"
)


def type_columns(
    frame: pd.DataFrame, delimiter: str, notes: list, found: dict | None = None
) -> pd.DataFrame:
    """Types the columns of a freshly read CSV, noting each change.

    Args:
        frame: what pandas read; changed in place and returned.
        delimiter: the file's delimiter (a comma in a number means a decimal
            comma unless the file is comma-separated).
        notes: (message key, params) list to append to.
        found: if given, receives "dates" ({column: strftime format}) and
            "booleans" (True/False columns with missing values), so that
            exported code can type them the same way.

    Returns:
        The frame.
    """
    changed: dict[str, list[str]] = {"data.note.decimal_comma": [], "data.note.thousands": []}
    found = found if found is not None else {}
    found.setdefault("dates", {})
    found.setdefault("booleans", [])
    for name in frame.columns:
        column = frame[name]
        if _is_text(column):
            typed, key = _typed_text(column, delimiter)
            frame[name] = typed
            if key:
                changed[key].append(name)
            elif typed.dtype == "boolean":
                found["booleans"].append(name)
            elif pd.api.types.is_datetime64_any_dtype(typed):
                found["dates"][name] = typed.attrs.pop("date_format")
    for key, columns in changed.items():
        if columns:
            notes.append((key, {"columns": ", ".join(columns)}))
    _drop_out_of_range_numbers(frame, notes)
    return frame


def _is_text(column: pd.Series) -> bool:
    return pd.api.types.is_string_dtype(column) or pd.api.types.is_object_dtype(column)


def _typed_text(column: pd.Series, delimiter: str) -> tuple[pd.Series, str | None]:
    """The column typed, and the note key of a change to numbers (else None).

    Booleans and dates are noted where they become inputs (`datasets.csv`).
    """
    values = column.dropna()
    if values.empty:
        return column, None
    if values.map(type).eq(bool).all():
        return column.astype("boolean"), None
    text = values.astype(str).str.strip()
    if delimiter == ",":
        if text.str.fullmatch(_THOUSANDS).all() and text.str.contains(",", regex=False).any():
            return _numbers(
                column, lambda s: s.str.replace(",", "", regex=False)
            ), "data.note.thousands"
    elif text.str.fullmatch(_DECIMAL_COMMA).all() and text.str.contains(",", regex=False).any():
        return _numbers(
            column, lambda s: s.str.replace(".", "", regex=False).str.replace(",", ".", regex=False)
        ), "data.note.decimal_comma"
    dates = _dates(text)
    if dates is not None:
        typed = dates.reindex(column.index)
        typed.attrs["date_format"] = dates.attrs["date_format"]
        return typed, None
    return column, None


def _numbers(column: pd.Series, normalize) -> pd.Series:
    return pd.to_numeric(
        normalize(column.astype(str).str.strip()).where(column.notna()), errors="coerce"
    )


def _dates(text: pd.Series) -> pd.Series | None:
    """The values as datetimes if every one parses with one format, else None."""
    if not text.head(DATE_SAMPLE).str.fullmatch(_DATE).all():
        return None
    first = text.iloc[0]
    with warnings.catch_warnings():
        # pandas warns when a guess contradicts `dayfirst`; both guesses are tried.
        warnings.simplefilter("ignore")
        formats = [guess_datetime_format(first), guess_datetime_format(first, dayfirst=True)]
        for date_format in dict.fromkeys(f for f in formats if f):
            parsed = pd.to_datetime(text, format=date_format, errors="coerce")
            if parsed.notna().all():
                parsed.attrs["date_format"] = date_format
                return parsed
    return None


def _drop_out_of_range_numbers(frame: pd.DataFrame, notes: list) -> None:
    """Infinite values and values beyond float32's range become missing."""
    counts: dict[str, int] = {}
    for name in frame.columns:
        column = frame[name]
        if not pd.api.types.is_float_dtype(column):
            continue
        values = column.to_numpy(dtype=np.float64, na_value=np.nan)
        with np.errstate(invalid="ignore"):
            bad = np.isinf(values) | (np.abs(values) > FLOAT32_MAX)
        if bad.any():
            frame[name] = column.mask(bad)
            counts[name] = int(bad.sum())
    if counts:
        notes.append(
            (
                "data.note.out_of_range_numbers",
                {
                    "count": sum(counts.values()),
                    "columns": ", ".join(f"{name} ({n})" for name, n in counts.items()),
                },
            )
        )
