"""CSV files the app offers for download, safe to open in a spreadsheet.

A cell whose text starts with `=`, `+`, `-`, `@`, a tab or a carriage
return is run as a formula by Excel, LibreOffice and Google Sheets ("CSV
injection"). As OWASP advises, such a text cell gets a leading single
quote, which the spreadsheet shows as text. Numbers, including negative
ones, are left as they are; so is text that is only a number ("-1.5",
"-inf"), which a spreadsheet reads as a number, not a formula.

Example:

```python
import pandas as pd
from playground.csv_export import safe_csv

safe_csv(pd.DataFrame({"loss": [-0.5], "note": ["=HYPERLINK(\\"http://evil\\")"]}))
# 'loss,note\\n-0.5,"\\'=HYPERLINK(""http://evil"")"\\n'
```
"""

from __future__ import annotations

import pandas as pd

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralize(value):
    """The value, with a leading `'` if it is text a spreadsheet would run as a formula.

    Args:
        value: one cell or column name, of any type.

    Returns:
        The same value, or for risky text, the text after a single quote.
    """
    if (
        not isinstance(value, str)
        or not value.startswith(FORMULA_STARTS)
        or _is_plain_number(value)
    ):
        return value
    return "'" + value


def safe_csv(frame: pd.DataFrame, index: bool = False) -> str:
    """The frame as CSV text in which no cell or column name is a formula.

    Args:
        frame: the table to export; it is not changed.
        index: whether to write the index, as `DataFrame.to_csv` does.

    Returns:
        CSV text, with every text cell and name passed through `neutralize`.
    """
    safe = frame.copy()
    safe.columns = [neutralize(column) for column in safe.columns]
    if index:
        safe.index = safe.index.map(neutralize)
    for position, dtype in enumerate(safe.dtypes):
        if not pd.api.types.is_numeric_dtype(dtype):
            safe.isetitem(position, safe.iloc[:, position].map(neutralize))
    return safe.to_csv(index=index)


def _is_plain_number(text: str) -> bool:
    if text[0] in "\t\r":
        return False
    try:
        float(text)
    except ValueError:
        return False
    return True
