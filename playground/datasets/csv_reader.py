"""Reads a student's CSV upload into a table, whatever tool wrote it.

`read_csv_bytes(content, limits)` turns the bytes of an upload into a
pandas DataFrame, plus notes that say what was detected or changed:

1. Files that are not text (a PNG, an .xlsx renamed to .csv) are named.
2. The encoding: a byte-order mark (UTF-8, UTF-16, UTF-32), else UTF-8,
   CP949 (Korean Excel), Windows-1252 and Latin-1, in that order.
3. The delimiter: `,`, `;`, tab or `|`, found by `csv.Sniffer` on the
   first lines, or given by Excel's `sep=;` first line.
4. The shape, before pandas reads a cell: the header's column count, then
   one pass of the `csv` module over the records. Rows with more values
   than the header are skipped (a note names their lines); a file with more
   rows than the limits allow keeps a random sample of them.
5. pandas' C parser reads what is left, and `csv_types` reads numbers with
   decimal commas or thousands separators, booleans, dates and infinite
   values.

A hostile file can make any of this slow or large, so the app calls
`read_upload`, which runs it in a child process with a time and memory
limit (`playground.isolated`) and remembers the outcome per file.

Example:

```python
from playground.datasets.csv_reader import CsvLimits, read_csv_bytes

table = read_csv_bytes("키;몸무게\\n170;65,5\\n".encode("cp949"), CsvLimits())
table.frame.dtypes.to_dict(), table.notes
# ({'키': int64, '몸무게': float64},
#  [('data.note.csv_encoding', {'encoding': 'CP949 (EUC-KR)'}),
#   ('data.note.csv_delimiter', {'delimiter': ';'}),
#   ('data.note.decimal_comma', {'columns': '몸무게'})])
```
"""

from __future__ import annotations

import codecs
import csv
import functools
import io
import re
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from playground import isolated
from playground.datasets import csv_types
from playground.errors import DatasetError

DELIMITERS = ",;\t|"
# The header line is searched for within this many characters: 1,000 column
# names of 200 characters each fit; a longer first line is not a header.
MAX_HEADER_CHARS = 200_000
SNIFF_LINES = 50
SNIFF_CHARS = 64_000
# A data line may have at most this many values more than the header before
# the file is called broken rather than a few ragged rows.
MAX_RAGGED_FRACTION = 0.1
RAGGED_LINES_SHOWN = 5
SAMPLE_SEED = 0

# Leading bytes of files students upload by mistake, and what to call them.
_ZIP = b"PK\x03\x04"
_XLSX_MARKS = (b"[Content_Types].xml", b"xl/")
_XLS = b"\xd0\xcf\x11\xe0"
# Other binary files are found by their zero bytes once decoded.
_BINARY_FORMATS = {
    b"\x89PNG": "PNG",
    b"\xff\xd8\xff": "JPEG",
    b"GIF87a": "GIF",
    b"GIF89a": "GIF",
    b"%PDF-": "PDF",
    b"\x1f\x8b": "gzip",
    b"7z\xbc\xaf": "7-Zip",
    b"Rar!\x1a": "RAR",
}
# Byte-order marks, longest first (UTF-32 LE starts like UTF-16 LE).
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8 (BOM)"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)
# Without a BOM: (codec, label shown in the note), tried in order.
_TEXT_ENCODINGS = (
    ("utf-8", "UTF-8"),
    ("cp949", "CP949 (EUC-KR)"),
    ("cp1252", "Windows-1252"),
    ("latin-1", "Latin-1"),
)
_QUIET_ENCODINGS = ("UTF-8", "UTF-8 (BOM)")
_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_EXCEL_SEP_LINE = re.compile(r'^"?sep=(.)"?$')


@dataclass(frozen=True)
class CsvLimits:
    """How big a table the server reads (see `playground.settings`).

    Attributes:
        max_rows: data rows kept; more are sampled down to this.
        max_columns: columns in the file; more are refused from the header.
        max_cells: rows × columns kept; a wide file keeps fewer rows.
    """

    max_rows: int = 100_000
    max_columns: int = 1_000
    max_cells: int = 5_000_000

    @classmethod
    def from_settings(cls, settings) -> CsvLimits:
        return cls(settings.max_csv_rows, settings.max_csv_columns, settings.max_csv_cells)


@dataclass
class CsvTable:
    """An upload read into a DataFrame.

    Attributes:
        frame: one column per header field, typed by pandas and `csv_types`.
        notes: (message key, params) pairs saying what was detected or changed.
        reading: how plain pandas reads the same table, for exported code:
            "read_csv" (the keyword arguments of `pd.read_csv`: encoding,
            sep, and skiprows, decimal, thousands where they apply),
            "dates" ({column: format} for `pd.to_datetime`), "booleans"
            (columns for `.astype("boolean")`) and "exact" (whether those
            steps were checked to give this very frame; False when rows were
            skipped or sampled, or pandas reads the file differently) and
            "rows_changed" (ragged rows were skipped or rows sampled).
    """

    frame: pd.DataFrame
    notes: list[tuple[str, dict]] = field(default_factory=list)
    reading: dict = field(default_factory=dict)


def read_upload(path: Path, limits: CsvLimits, timeout_s: float, memory_mb: int) -> CsvTable:
    """Reads an uploaded file in a child process; remembers the outcome per file.

    Args:
        path: the stored upload (named by its content hash).
        limits: the table limits.
        timeout_s: seconds the reading may take before it is stopped.
        memory_mb: memory the reading may use.

    Returns:
        The `CsvTable`; the caller must not change its frame in place.

    Raises:
        DatasetError: the file cannot be read as a table, is too large, or
            took too long; its code is a message key in `playground.i18n.data`.
    """
    stat = path.stat()
    outcome = _read_upload_cached(
        (str(path), stat.st_mtime_ns, stat.st_size), limits, timeout_s, memory_mb
    )
    if isinstance(outcome, DatasetError):
        raise outcome
    return outcome


@functools.lru_cache(maxsize=4)
def _read_upload_cached(
    key: tuple[str, int, int], limits: CsvLimits, timeout_s: float, memory_mb: int
) -> CsvTable | DatasetError:
    """The table or the error of one file version; a busy server is not remembered."""
    try:
        return isolated.run_isolated(
            read_csv_file, (key[0], limits), timeout_s=timeout_s, memory_mb=memory_mb
        )
    except DatasetError as err:
        return err
    except isolated.IsolatedTimeout:
        return DatasetError("data.csv_parse_timeout", seconds=timeout_s)
    except isolated.IsolatedOutOfMemory:
        return DatasetError("data.csv_parse_memory", limit_mb=memory_mb)
    except isolated.IsolatedBusy:
        raise DatasetError("data.csv_server_busy") from None
    except isolated.IsolatedCrash:
        return DatasetError("data.csv_parse_failed")


def read_csv_file(path: str, limits: CsvLimits) -> CsvTable:
    """`read_csv_bytes` on a file's content (the function the child runs)."""
    try:
        content = Path(path).read_bytes()
    except OSError:
        raise DatasetError("data.csv_not_found", file=Path(path).stem[:12] + "…") from None
    return read_csv_bytes(content, limits)


def read_csv_bytes(content: bytes, limits: CsvLimits = CsvLimits()) -> CsvTable:
    """Reads CSV bytes as Excel and other tools write them.

    Args:
        content: the whole file.
        limits: the table limits.

    Returns:
        A `CsvTable` with at least one row and one column.

    Raises:
        DatasetError: for a file that is not a text table, is empty, or is
            beyond the limits; the message says what was found and what to do.
    """
    _refuse_binary(content)
    text, encoding = decode_text(content)
    notes: list[tuple[str, dict]] = []
    if encoding not in _QUIET_ENCODINGS:
        notes.append(("data.note.csv_encoding", {"encoding": encoding}))
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise DatasetError("data.csv_empty")
    sep_line = bool(_EXCEL_SEP_LINE.match(text[: max(text.find("\n"), 0) or len(text)].strip()))
    text, delimiter = _delimiter(text)
    if delimiter != ",":
        notes.append(
            ("data.note.csv_delimiter", {"delimiter": "TAB" if delimiter == "\t" else delimiter})
        )

    scan = _scan_records(text, delimiter, limits)
    if scan.rows == 0:
        raise DatasetError("data.csv_header_only", columns=len(scan.header))
    notes += scan.notes
    frame = _parse(scan.text, delimiter)
    header, frame = _drop_trailing_empty_columns(scan.header, frame)
    _note_renamed_columns(header, frame, notes)
    found: dict = {}
    frame = csv_types.type_columns(frame, delimiter, notes, found)
    reading = _reading(content, encoding, delimiter, sep_line, notes, found)
    reading["rows_changed"] = scan.text is not text
    reading["exact"] = not reading["rows_changed"] and _reads_the_same(content, reading, frame)
    return CsvTable(frame=frame, notes=notes, reading=reading)


def _reading(
    content: bytes, label: str, delimiter: str, sep_line: bool, notes: list, found: dict
) -> dict:
    """The `pd.read_csv` arguments and typing steps that read this file as the app did."""
    keys = {key for key, _ in notes}
    arguments: dict = {"encoding": _python_codec(content, label), "sep": delimiter}
    if sep_line:
        arguments["skiprows"] = 1
    if "data.note.decimal_comma" in keys:
        arguments["decimal"] = ","
    if "data.note.thousands" in keys:
        arguments["thousands"] = ","
    return {"read_csv": arguments, "dates": found["dates"], "booleans": found["booleans"]}


def _python_codec(content: bytes, label: str) -> str:
    """The codec name `pd.read_csv(encoding=...)` needs for what `decode_text` found."""
    if label == "UTF-8 (BOM)":
        return "utf-8-sig"
    if label in ("UTF-16", "UTF-32"):
        with_bom = any(content.startswith(bom) for bom, _, name in _BOMS if name == label)
        return label.lower() if with_bom else _utf16_without_bom(content) or "utf-16"
    return dict((name, codec) for codec, name in _TEXT_ENCODINGS)[label]


def script_read(source, reading: dict) -> pd.DataFrame:
    """What the exported code does: `pd.read_csv` and the typing steps of `reading`."""
    frame = pd.read_csv(source, **reading["read_csv"])
    for column, date_format in reading["dates"].items():
        frame[column] = pd.to_datetime(frame[column], format=date_format)
    for column in reading["booleans"]:
        frame[column] = frame[column].astype("boolean")
    return frame


def _reads_the_same(content: bytes, reading: dict, frame: pd.DataFrame) -> bool:
    """Whether `script_read` gives this frame: the exported code is offered only then."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            again = script_read(io.BytesIO(content), reading)
        pd.testing.assert_frame_equal(again, frame, check_dtype=False, check_index_type=False)
    except Exception:  # any difference, or pandas failing on the file, means "not exact"
        return False
    return True


def _refuse_binary(content: bytes) -> None:
    if not content.strip():
        raise DatasetError("data.csv_empty")
    if content.startswith(_ZIP):
        if any(mark in content[:65536] for mark in _XLSX_MARKS):
            raise DatasetError("data.csv_excel_file", format="Excel .xlsx")
        raise DatasetError("data.csv_binary_file", format="ZIP")
    if content.startswith(_XLS):
        raise DatasetError("data.csv_excel_file", format="Excel .xls")
    for magic, name in _BINARY_FORMATS.items():
        if content.startswith(magic):
            raise DatasetError("data.csv_binary_file", format=name)


def decode_text(content: bytes) -> tuple[str, str]:
    """Decodes a text file; returns the text and a label of its encoding.

    Raises:
        DatasetError: "data.csv_binary_file" for bytes that are not text.
    """
    for bom, codec, label in _BOMS:
        if content.startswith(bom):
            return _checked_text(content[len(bom) :], codec), label
    utf16 = _utf16_without_bom(content)
    if utf16:
        return _checked_text(content, utf16), "UTF-16"
    for codec, label in _TEXT_ENCODINGS:
        try:
            text = content.decode(codec)
        except UnicodeDecodeError:
            continue
        if codec == "cp949" and not _looks_korean(text):
            continue  # Latin-1 accents often decode as CP949 too
        return _checked_text(text, None), label
    raise AssertionError("latin-1 decodes every byte")  # pragma: no cover


def _checked_text(data: bytes | str, codec: str | None) -> str:
    try:
        text = data.decode(codec) if codec else data
    except UnicodeDecodeError:
        raise DatasetError("data.csv_binary_file", format="binary") from None
    if "\x00" in text:
        raise DatasetError("data.csv_binary_file", format="binary")
    return text


def _utf16_without_bom(content: bytes) -> str | None:
    """ "utf-16-le"/"utf-16-be" when many odd (or even) bytes of the start are zero, and no others."""
    head = content[:2000]
    if len(head) < 4:
        return None
    even, odd = head[0::2], head[1::2]
    # Delimiters, digits and line ends are ASCII: every one has a zero byte.
    if odd.count(0) >= 0.3 * len(odd) and even.count(0) <= 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) >= 0.3 * len(even) and odd.count(0) <= 0.05 * len(odd):
        return "utf-16-be"
    return None


def _looks_korean(text: str) -> bool:
    non_ascii = sum(1 for char in text[:200_000] if ord(char) > 127)
    return non_ascii == 0 or len(_HANGUL.findall(text[:200_000])) >= 0.5 * non_ascii


def _delimiter(text: str) -> tuple[str, str]:
    """The delimiter, and the text without Excel's "sep=" line if it had one."""
    first_end = text.find("\n")
    first = text[: first_end if first_end >= 0 else len(text)]
    hint = _EXCEL_SEP_LINE.match(first.strip())
    if hint and hint.group(1) in DELIMITERS:
        return text[first_end + 1 :] if first_end >= 0 else "", hint.group(1)
    header_end = text.find("\n", 0, MAX_HEADER_CHARS)
    if header_end < 0 and len(text) > MAX_HEADER_CHARS:
        _refuse_long_header(text[:MAX_HEADER_CHARS])
    sample = _sniff_sample(text, header_end)
    try:
        return text, csv.Sniffer().sniff(sample, delimiters=DELIMITERS).delimiter
    except csv.Error:
        header = text[: header_end if header_end >= 0 else len(text)]
        counts = {delimiter: header.count(delimiter) for delimiter in DELIMITERS}
        best = max(counts, key=counts.get)
        return text, best if counts[best] else ","


def _sniff_sample(text: str, header_end: int) -> str:
    """The header and the next lines, up to `SNIFF_LINES` lines or `SNIFF_CHARS` after it."""
    if header_end < 0:
        return text
    end = header_end
    for _ in range(SNIFF_LINES):
        following = text.find("\n", end + 1, header_end + SNIFF_CHARS)
        if following < 0:
            break
        end = following
    return text[:end]


def _refuse_long_header(prefix: str) -> None:
    fields = max(prefix.count(delimiter) for delimiter in DELIMITERS) + 1
    raise DatasetError("data.csv_header_too_long", limit=MAX_HEADER_CHARS, columns=fields)


@dataclass
class _Scan:
    header: list[str]
    rows: int
    text: str
    notes: list[tuple[str, dict]]


def _scan_records(text: str, delimiter: str, limits: CsvLimits) -> _Scan:
    """One pass of the `csv` module: the header, ragged rows, and the rows kept.

    Returns the text pandas should parse: the header and the rows that have
    no more values than the header (trailing empty values do not count),
    sampled down to the limits.
    """
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        raise DatasetError("data.csv_empty") from None
    except csv.Error:
        raise DatasetError("data.csv_cell_too_long", line=1, limit=csv.field_size_limit()) from None
    columns = len(header)
    if columns > limits.max_columns:
        raise DatasetError("data.csv_too_many_columns", count=columns, limit=limits.max_columns)
    header_lines = reader.line_num

    spans: list[tuple[int, int]] = []  # first and last line of every good row
    ragged: list[int] = []  # first line of every row with too many values
    last = header_lines
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error:
            raise DatasetError(
                "data.csv_cell_too_long", line=last + 1, limit=csv.field_size_limit()
            ) from None
        first, last = last + 1, reader.line_num
        if not row:
            continue
        if len(row) > columns and any(value.strip() for value in row[columns:]):
            ragged.append(first)
        else:
            spans.append((first, last))

    notes: list[tuple[str, dict]] = []
    if ragged:
        _check_ragged(ragged, len(spans), columns, text, delimiter)
        shown = ", ".join(str(line) for line in ragged[:RAGGED_LINES_SHOWN])
        notes.append(
            (
                "data.note.skipped_ragged_rows",
                {
                    "count": len(ragged),
                    "lines": shown + (", …" if len(ragged) > RAGGED_LINES_SHOWN else ""),
                    "expected": columns,
                },
            )
        )
    kept = min(limits.max_rows, max(1, limits.max_cells // max(columns, 1)))
    sampled = len(spans) > kept
    if sampled:
        notes.append(
            (
                "data.note.rows_sampled",
                {
                    "kept": kept,
                    "total": len(spans),
                    "max_rows": limits.max_rows,
                    "max_cells": limits.max_cells,
                },
            )
        )
        chosen = np.sort(np.random.default_rng(SAMPLE_SEED).choice(len(spans), kept, replace=False))
        spans = [spans[i] for i in chosen]
    if ragged or sampled:
        lines = text.split("\n")
        parts = lines[:header_lines] + [
            line for first, last in spans for line in lines[first - 1 : last]
        ]
        text = "\n".join(parts) + "\n"
    return _Scan(header=header, rows=len(spans), text=text, notes=notes)


def _check_ragged(ragged: list[int], good: int, columns: int, text: str, delimiter: str) -> None:
    """Refuses a file where ragged rows are not the exception."""
    if good and len(ragged) <= MAX_RAGGED_FRACTION * (good + len(ragged)):
        return
    line = ragged[0]
    values = len(next(csv.reader([text.split("\n")[line - 1]], delimiter=delimiter)))
    raise DatasetError(
        "data.csv_ragged",
        line=line,
        values=values,
        expected=columns,
        count=len(ragged),
        rows=good + len(ragged),
    )


def _parse(text: str, delimiter: str) -> pd.DataFrame:
    try:
        with warnings.catch_warnings():
            # Trailing empty values ("1,2,") are dropped, which is what we want.
            warnings.simplefilter("ignore", pd.errors.ParserWarning)
            frame = pd.read_csv(
                io.StringIO(text),
                sep=delimiter,
                index_col=False,
                skip_blank_lines=True,
                low_memory=False,
            )
    except pd.errors.EmptyDataError:
        raise DatasetError("data.csv_empty") from None
    except (pd.errors.ParserError, ValueError, UnicodeError):
        raise DatasetError("data.csv_unreadable") from None
    if frame.empty or not len(frame.columns):
        raise DatasetError("data.csv_header_only", columns=len(frame.columns))
    frame.columns = [str(column) for column in frame.columns]
    return frame


def _drop_trailing_empty_columns(header: list[str], frame: pd.DataFrame):
    """Drops the nameless, empty columns a delimiter at the end of every line makes."""
    while (
        header
        and not header[-1].strip()
        and len(frame.columns) > 1
        and frame.iloc[:, -1].isna().all()
    ):
        header, frame = header[:-1], frame.iloc[:, :-1]
    return header, frame


def _note_renamed_columns(header: list[str], frame: pd.DataFrame, notes: list) -> None:
    """Notes the names pandas changed: repeated names ("a.1") and empty ones ("Unnamed: 2")."""
    renamed = [f"{old or '∅'} → {new}" for old, new in zip(header, frame.columns) if old != new]
    if renamed:
        notes.append(("data.note.renamed_columns", {"columns": ", ".join(renamed)}))
