"""Reading CSV bytes as spreadsheets and other tools write them (playground.datasets.csv_reader, csv_types)."""

import codecs

import numpy as np
import pandas as pd
import pytest

from playground import isolated
from playground.datasets.csv_reader import (
    MAX_HEADER_CHARS,
    CsvLimits,
    decode_text,
    read_csv_bytes,
    read_upload,
)
from playground.errors import DatasetError


def read(content, **limits):
    return read_csv_bytes(
        content if isinstance(content, bytes) else content.encode(), CsvLimits(**limits)
    )


def error_code(content, **limits) -> str:
    with pytest.raises(DatasetError) as info:
        read(content, **limits)
    return info.value.code


def notes(table) -> dict:
    return dict(table.notes)


# ================================================================ encoding
@pytest.mark.parametrize(
    "encoded, label",
    [
        (codecs.BOM_UTF8 + "키,값\n1,2\n".encode(), "UTF-8 (BOM)"),
        ("키,값\n1,2\n".encode("utf-16"), "UTF-16"),
        (codecs.BOM_UTF16_BE + "키,값\n1,2\n".encode("utf-16-be"), "UTF-16"),
        ("키,값\n1,2\n".encode("utf-16-le"), "UTF-16"),  # no BOM
        ("키,값\n1,2\n".encode("utf-32"), "UTF-32"),
        ("키,값\n1,2\n".encode("cp949"), "CP949 (EUC-KR)"),
        ("키,값\n1,2\n".encode(), "UTF-8"),
    ],
)
def test_encodings_are_detected(encoded, label):
    text, found = decode_text(encoded)
    assert (text.lstrip("\ufeff").splitlines()[0], found) == ("키,값", label)


def test_a_non_utf8_encoding_is_named_in_a_note():
    table = read("키,성별\n170,남\n160,여\n".encode("cp949"))
    assert list(table.frame.columns) == ["키", "성별"]
    assert notes(table)["data.note.csv_encoding"] == {"encoding": "CP949 (EUC-KR)"}
    assert "data.note.csv_encoding" not in notes(read("a,b\n1,2\n"))


def test_western_accents_are_not_mistaken_for_korean():
    table = read("city,n\nMüller Straße,1\nSão Paulo,2\n".encode("latin-1"))
    assert table.frame["city"].tolist() == ["Müller Straße", "São Paulo"]


# =============================================================== delimiter
@pytest.mark.parametrize(
    "text, delimiter",
    [
        ("a;b;c\n1;2;3\n4;5;6\n", ";"),
        ("a\tb\tc\n1\t2\t3\n", "TAB"),
        ("a|b\n1|2\n", "|"),
        ("sep=;\na;b\n1,5;2\n", ";"),
    ],
)
def test_delimiters_are_detected_and_noted(text, delimiter):
    table = read(text)
    assert len(table.frame.columns) == (2 if delimiter in "|;" and "c" not in text else 3)
    assert notes(table)["data.note.csv_delimiter"] == {"delimiter": delimiter}


def test_a_quoted_delimiter_is_part_of_the_value():
    table = read('name,note\nx,"a; b; c"\ny,"d; e"\n')
    assert table.frame["note"].tolist() == ["a; b; c", "d; e"]


# ================================================================= numbers
def test_decimal_commas_with_semicolons():
    table = read("länge;gewicht\n3,14;1.234,5\n2,5;10\n")
    assert table.frame["länge"].tolist() == [3.14, 2.5]
    assert table.frame["gewicht"].tolist() == [1234.5, 10.0]
    assert notes(table)["data.note.decimal_comma"] == {"columns": "länge, gewicht"}


def test_thousands_separators_in_quoted_values():
    table = read('income,n\n"1,234",1\n"12,345,678.5",2\n999,3\n')
    assert table.frame["income"].tolist() == [1234.0, 12345678.5, 999.0]
    assert notes(table)["data.note.thousands"] == {"columns": "income"}


def test_ambiguous_numbers_stay_text():
    # "1,5" in a comma-separated file is not a thousands group: left as text.
    table = read('a,n\n"1,5",1\n"2,25",2\n')
    assert table.frame["a"].tolist() == ["1,5", "2,25"]
    # Decimal dots and commas mixed in one column: not unambiguous either.
    assert read("a;n\n1.5;1\n2,5;2\n").frame["a"].tolist() == ["1.5", "2,5"]


def test_infinite_and_huge_numbers_become_missing():
    table = read("a,b\ninf,1\n-inf,2\n1e308,3\n1e400,4\n3.5,5\n-1e39,6\n1e38,7\n")
    values = table.frame["a"].tolist()
    assert (
        np.isnan(values[:4]).all()
        and values[4] == 3.5
        and np.isnan(values[5])
        and values[6] == 1e38
    )
    assert notes(table)["data.note.out_of_range_numbers"] == {"count": 5, "columns": "a (5)"}


# ======================================================= booleans, dates
def test_booleans_with_missing_values_stay_booleans():
    frame = read("a,b\nTrue,1\n,2\nFALSE,3\n").frame
    assert frame["a"].dtype == "boolean"
    assert frame["a"].tolist()[0] is True and pd.isna(frame["a"][1])


@pytest.mark.parametrize(
    "values, first",
    [
        (["2024-03-05", "2024-12-31"], "2024-03-05"),
        (["2024/03/05", "2024/12/31"], "2024-03-05"),
        (["2024. 3. 5.", "2024. 12. 31."], "2024-03-05"),
        (["03/25/2024", "12/31/2024"], "2024-03-25"),
        (["25.03.2024", "31.12.2024"], "2024-03-25"),
        (["2024-03-05 10:30", "2024-12-31 23:59"], "2024-03-05 10:30"),
    ],
)
def test_dates_are_read_as_dates(values, first):
    frame = read("d,n\n" + "".join(f"{v},{i}\n" for i, v in enumerate(values))).frame
    assert pd.api.types.is_datetime64_any_dtype(frame["d"])
    assert frame["d"][0] == pd.Timestamp(first)


def test_text_that_only_starts_like_a_date_stays_text():
    frame = read("d,n\n2024-03-05,1\nnot a date,2\n").frame
    assert frame["d"].tolist() == ["2024-03-05", "not a date"]


# =================================================================== shape
def test_ragged_rows_are_skipped_with_their_line_numbers():
    rows = "".join(f"{i},{i}\n" for i in range(20))
    table = read("a,b\n1,2,3\n" + rows + "4,5,6,7\n")
    assert len(table.frame) == 20
    assert notes(table)["data.note.skipped_ragged_rows"] == {
        "count": 2,
        "lines": "2, 23",
        "expected": 2,
    }


def test_mostly_ragged_rows_are_refused_naming_the_first_line():
    with pytest.raises(DatasetError) as info:
        read("a,b\n1,2\n3,4,5\n6,7,8\n")
    assert info.value.code == "data.csv_ragged"
    assert info.value.params == {"line": 3, "values": 3, "expected": 2, "count": 2, "rows": 3}


def test_short_rows_and_trailing_delimiters_are_not_ragged():
    table = read("a,b,c,\n1,2,3,\n4,5,,\n6\n")
    assert list(table.frame.columns) == ["a", "b", "c"]
    assert table.frame["a"].tolist() == [1, 4, 6] and table.notes == []


def test_quoted_newlines_keep_rows_and_line_numbers():
    table = read('a,b\n"x\ny",1\nz,2\n3,4,5\n' + "".join(f"w,{i}\n" for i in range(20)))
    assert table.frame["a"].tolist()[:2] == ["x\ny", "z"]
    assert notes(table)["data.note.skipped_ragged_rows"]["lines"] == "5"


def test_repeated_and_empty_names_are_renamed_with_a_note():
    table = read("a,a,,b\n1,2,3,4\n")
    assert list(table.frame.columns) == ["a", "a.1", "Unnamed: 2", "b"]
    assert notes(table)["data.note.renamed_columns"] == {"columns": "a → a.1, ∅ → Unnamed: 2"}


def test_long_files_are_sampled_to_the_row_and_cell_limits():
    text = "a,b\n" + "".join(f"{i},{i % 2}\n" for i in range(1000))
    table = read(text, max_rows=100)
    assert len(table.frame) == 100 and table.frame["a"].is_monotonic_increasing
    assert table.frame["a"].max() > 500  # a sample of the whole file, not its first rows
    assert notes(table)["data.note.rows_sampled"] == {
        "kept": 100,
        "total": 1000,
        "max_rows": 100,
        "max_cells": CsvLimits().max_cells,
    }
    assert len(read(text, max_cells=300).frame) == 150  # 2 columns


@pytest.mark.parametrize(
    "content, code",
    [
        (b"", "data.csv_empty"),
        (b" \r\n\t\n", "data.csv_empty"),
        ("\ufeff".encode("utf-16"), "data.csv_empty"),
        (b"a,b\n", "data.csv_header_only"),
        (b"a,b\n\n\n", "data.csv_header_only"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "data.csv_binary_file"),
        (b"PK\x03\x04\x14\x00\x00\x00[Content_Types].xml", "data.csv_excel_file"),
        (b"PK\x03\x04\x14\x00\x00\x00data.csv", "data.csv_binary_file"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1", "data.csv_excel_file"),
        (b"a,b\n1,\x00\x00\n", "data.csv_binary_file"),
        (b",".join(b"c%d" % i for i in range(1001)) + b"\n1\n", "data.csv_too_many_columns"),
        (b"a,b\n1," + b"x" * 200_000 + b"\n", "data.csv_cell_too_long"),
    ],
)
def test_what_cannot_be_a_table_is_named(content, code):
    assert error_code(content) == code


def test_a_header_that_starts_like_a_file_signature_is_still_a_header():
    assert list(read("BMI,PK,GIF\n20,1,2\n").frame.columns) == ["BMI", "PK", "GIF"]


def test_a_header_of_a_million_columns_is_refused_from_its_first_characters():
    with pytest.raises(DatasetError) as info:
        read(",".join(f"c{i}" for i in range(1_500_000)))
    assert info.value.code == "data.csv_header_too_long"
    assert info.value.params["limit"] == MAX_HEADER_CHARS
    assert info.value.params["columns"] > 1_000


# ============================================================ in the server
@pytest.mark.parametrize(
    "failure, code",
    [
        (isolated.IsolatedTimeout, "data.csv_parse_timeout"),
        (isolated.IsolatedOutOfMemory, "data.csv_parse_memory"),
        (isolated.IsolatedCrash, "data.csv_parse_failed"),
    ],
)
def test_a_child_without_an_answer_is_explained_and_remembered(
    failure, code, tmp_path, monkeypatch
):
    calls = []

    def failing(*args, **kwargs):
        calls.append(args)
        raise failure("no answer")

    monkeypatch.setattr(isolated, "run_isolated", failing)
    path = tmp_path / f"{code}.csv"
    path.write_bytes(b"a,b\n1,2\n")
    for _ in range(2):
        with pytest.raises(DatasetError) as info:
            read_upload(path, CsvLimits(), timeout_s=7, memory_mb=300)
        assert info.value.code == code
    assert len(calls) == 1, "a file that hung the reader once is not read again on every page run"
    assert "no answer" not in info.value.message("en")


def test_a_busy_server_is_not_remembered(tmp_path, monkeypatch):
    answers = [isolated.IsolatedBusy("busy"), None]

    def busy_then_fine(function, args, **kwargs):
        answer = answers.pop(0)
        if answer is not None:
            raise answer
        return function(*args)

    monkeypatch.setattr(isolated, "run_isolated", busy_then_fine)
    path = tmp_path / "busy.csv"
    path.write_bytes(b"a,b\n1,2\n")
    with pytest.raises(DatasetError) as info:
        read_upload(path, CsvLimits(), timeout_s=7, memory_mb=300)
    assert info.value.code == "data.csv_server_busy"
    assert list(read_upload(path, CsvLimits(), timeout_s=7, memory_mb=300).frame.columns) == [
        "a",
        "b",
    ]
