"""Every CSV a student may upload ends in a run that trains or in a clear message.

The corpus is `tests/data/csv/` (small files as Excel and other tools write
them, degenerate tables, hostile names) plus large and binary files made
here. Each file goes through the Data page as a student's upload (AppTest),
and each file that should train then goes through the worker's own
`run_job` for one epoch. A "message" outcome is an `st.error` holding the
expected catalog message, with no exception and no library text.
"""

from __future__ import annotations

import collections
import copy
import io
import re
import tomllib
import zipfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

import ui.i18n
from playground import datasets, settings
from playground.config import DataConfig, ExperimentConfig, LayerConfig
from playground.i18n import templates, translate
from playground.i18n.escape import escape_params
from tests.conftest import REPO_ROOT, train_in_process
from tests.test_pages import open_page, texts

CORPUS_DIR = REPO_ROOT / "tests" / "data" / "csv"
# Library and system texts a student must never see.
RAW_TEXTS = (
    "Traceback",
    "Error tokenizing",
    "codec",
    "Errno",
    "Error:",
    "ValueError",
    "KeyError",
    "UnicodeDecodeError",
    "ParserError",
    "pandas",
    "numpy",
    "Exception",
    "/tmp",
    "uploads",
)
TARGET_LABEL = "Target column (what to predict)"


@dataclass(frozen=True)
class Trains:
    """The upload trains for one epoch; `target` is chosen on the page; `notes` must be shown."""

    target: str
    notes: tuple[str, ...] = ()
    task: str | None = None


@dataclass(frozen=True)
class Message:
    """The page shows the catalog message `code` as an error."""

    code: str


CORPUS: dict[str, Trains | Message] = {
    # as Excel and other tools write them
    "korean_excel_cp949.csv": Trains("결과", ("data.note.csv_encoding", "data.note.one_hot")),
    "utf16_bom_tab.csv": Trains("label", ("data.note.csv_encoding", "data.note.csv_delimiter")),
    "utf8_bom.csv": Trains("label"),
    "latin1.csv": Trains("réponse", ("data.note.csv_encoding",)),
    "semicolon_decimal_comma.csv": Trains(
        "klasse", ("data.note.csv_delimiter", "data.note.decimal_comma")
    ),
    "tab_delimited.tsv": Trains("class", ("data.note.csv_delimiter",), task="multiclass"),
    "thousands_quoted.csv": Trains("label", ("data.note.thousands",)),
    "quoted_newlines.csv": Trains("label", ("data.note.one_hot",)),
    "ragged_rows.csv": Trains("label", ("data.note.skipped_ragged_rows",)),
    "ragged_mostly.csv": Message("data.csv_ragged"),
    "duplicate_columns.csv": Trains("label", ("data.note.renamed_columns",)),
    "excel_sep_line.csv": Trains("label", ("data.note.csv_delimiter",)),
    # degenerate tables
    "empty.csv": Message("data.csv_empty"),
    "header_only.csv": Message("data.csv_header_only"),
    "one_row.csv": Message("data.too_few_rows"),
    "one_column.csv": Message("data.csv_no_features"),
    "all_nan_column.csv": Trains("label", ("data.note.dropped_empty_columns",)),
    "inf_and_huge.csv": Trains(
        "label", ("data.note.out_of_range_numbers", "data.note.imputed_median")
    ),
    "one_class_target.csv": Message("data.csv_single_class"),
    "single_row_class.csv": Trains("label", ("data.note.split_not_stratified",)),
    "many_text_classes.csv": Message("data.csv_too_many_classes"),
    "numeric_target_few_values.csv": Trains("grade", task="multiclass"),
    "dates_and_booleans.csv": Trains("label", ("data.note.dates", "data.note.booleans")),
    "feature_named_target.csv": Trains("label"),
    "one_hot_name_clash.csv": Trains("label", ("data.note.one_hot",)),
    # hostile content
    "hostile_names.csv": Trains("=cmd|' /C calc'!A0", ("data.note.one_hot",)),
    # made by `generated_files`
    "3000_columns.csv": Message("data.csv_too_many_columns"),
    "header_of_1_5M_columns.csv": Message("data.csv_header_too_long"),
    "very_long_line.csv": Message("data.csv_cell_too_long"),
    "numeric_target_2000_values.csv": Trains("price", task="regression"),
    "one_hot_explosion.csv": Message("data.csv_too_many_features"),
    "20_mb.csv": Trains("label", ("data.note.rows_sampled",)),
    "over_the_limit.csv": Message("data.upload_too_large"),
    "image.png.csv": Message("data.csv_binary_file"),
    "workbook.xlsx.csv": Message("data.csv_excel_file"),
    "random_bytes.csv": Message("data.csv_binary_file"),
}


# ==================================================================== files
def generated_files() -> dict[str, bytes]:
    """The corpus files too large or too binary to keep in the repository."""
    rng = np.random.default_rng(0)
    files = {}
    header = ",".join(f"c{i}" for i in range(3000))
    files["3000_columns.csv"] = (
        header + "\n" + "\n".join(",".join("1" * 3000) for _ in range(3))
    ).encode()
    files["header_of_1_5M_columns.csv"] = ",".join(f"c{i}" for i in range(1_500_000)).encode()
    files["very_long_line.csv"] = b"a,b,label\n1,2,x\n" + b"3," + b"9" * 1_000_000 + b",y\n5,6,x\n"
    prices = rng.uniform(10, 500, 300).round(2)
    files["numeric_target_2000_values.csv"] = (
        "size,rooms,price\n"
        + "".join(f"{i % 97},{i % 5},{prices[i % 300] + i}\n" for i in range(2000))
    ).encode()
    columns = [f"t{j}" for j in range(30)]
    rows = [",".join(f"v{(i + j) % 50}" for j in range(30)) + f",{i % 2}" for i in range(200)]
    files["one_hot_explosion.csv"] = (
        ",".join(columns) + ",label\n" + "\n".join(rows) + "\n"
    ).encode()
    files["20_mb.csv"] = _twenty_megabytes(rng)
    limit = settings.Settings.from_env().max_upload_mb * 1024 * 1024
    files["over_the_limit.csv"] = b"a,b\n" + b"1,2\n" * (limit // 4)
    image = io.BytesIO()
    Image.new("RGB", (8, 8), "red").save(image, format="PNG")
    files["image.png.csv"] = image.getvalue()
    files["workbook.xlsx.csv"] = _xlsx_bytes()
    files["random_bytes.csv"] = (
        np.random.default_rng(1).integers(0, 256, 4096, dtype=np.uint8).tobytes()
    )
    return files


def _twenty_megabytes(rng) -> bytes:
    """Just under 20 MB of numbers: about 470,000 rows, more than the server uses at once."""
    n = 470_000
    x = rng.normal(size=(n, 6)).round(3)
    label = np.where(x[:, 0] + x[:, 1] > 0, "yes", "no")
    lines = "\n".join(",".join(map(str, row)) + f",{lab}" for row, lab in zip(x.tolist(), label))
    content = ("f1,f2,f3,f4,f5,f6,label\n" + lines + "\n").encode()
    assert 18 * 2**20 < len(content) < 20 * 2**20, len(content)
    return content


def _xlsx_bytes() -> bytes:
    """A minimal Office Open XML workbook: a zip whose first entry is [Content_Types].xml."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        archive.writestr("xl/workbook.xml", "<workbook/>")
    return buffer.getvalue()


@pytest.fixture(scope="module")
def corpus() -> dict[str, bytes]:
    files = {path.name: path.read_bytes() for path in CORPUS_DIR.iterdir()}
    files.update(generated_files())
    return files


def test_the_table_covers_the_corpus(corpus):
    assert set(corpus) == set(CORPUS)


# ===================================================================== page
def upload_on_data_page(name: str, content: bytes, lang: str = "en"):
    at = open_page("pages/data.py", ExperimentConfig(data=DataConfig(name="csv")), lang=lang)
    at.file_uploader[0].set_value((name, content, "text/csv")).run()
    assert not at.exception, at.exception
    return at


def assert_no_raw_text(at) -> None:
    shown = texts(at)
    for raw in RAW_TEXTS:
        assert raw not in shown, f"{raw!r} reached the page:\n{shown}"


def catalog_pattern(code: str, lang: str = "en") -> re.Pattern:
    """A regex matching the catalog message of `code` with any parameter values."""
    forms = [
        ".*".join(re.escape(part) for part in re.split(r"\{[^}]*\}", template))
        for template in templates(code, lang)
    ]
    return re.compile("|".join(f"(?:{form})" for form in forms), re.S)


def train_one_epoch(config: ExperimentConfig, folder: Path):
    """Runs the config as a training process does, for one epoch; returns the last event."""
    config = copy.deepcopy(config)
    config.epochs, config.layers, config.batch_size = 1, [LayerConfig(8, "relu")], 64
    return train_in_process(config, folder, stream=False)[-1]


@pytest.mark.parametrize("name", sorted(CORPUS))
def test_every_upload_trains_or_is_explained(name, corpus, tmp_path):
    expected = CORPUS[name]
    at = upload_on_data_page(name, corpus[name])
    assert_no_raw_text(at)
    if isinstance(expected, Message):
        errors = [e.value for e in at.error]
        assert any(catalog_pattern(expected.code).fullmatch(e) for e in errors), (
            expected.code,
            errors,
        )
        return

    assert not at.error, [e.value for e in at.error]
    target_box = next(box for box in at.selectbox if box.label == TARGET_LABEL)
    if target_box.value != expected.target:
        target_box.select(expected.target).run()
        assert not at.exception, at.exception
        assert not at.error, [e.value for e in at.error]
    assert_no_raw_text(at)
    config = at.session_state["config"]
    dataset = datasets.load_dataset(config.data)
    if expected.task:
        assert dataset.task == expected.task
    shown_notes = {key for key, _ in dataset.notes}
    assert set(expected.notes) <= shown_notes, (expected.notes, shown_notes)
    for key, params in dataset.notes:
        assert translate(key, "en", **escape_params(params)) in texts(at)
    assert len(at.dataframe) == 1, "the preview table is shown"
    assert len(set(dataset.feature_names)) == len(dataset.feature_names)

    event = train_one_epoch(config, tmp_path)
    assert type(event).__name__ == "RunFinished", event


def test_corpus_counts(capsys):
    """The corpus counts: how many files train and how many get which message.

    Each file's test above checks its outcome, so these are the counts the
    suite verifies whenever it passes.
    """
    counts = collections.Counter(
        "trains" if isinstance(expected, Trains) else expected.code for expected in CORPUS.values()
    )
    assert counts["trains"] >= 20 and len(counts) >= 15
    with capsys.disabled():
        print(f"\nCSV corpus: {len(CORPUS)} files")
        for outcome, count in counts.most_common():
            print(f"  {count:3d}  {outcome}")


# =================================================================== limit
def test_the_drop_zone_the_label_and_the_server_say_the_same_limit():
    limit = settings.Settings.from_env().max_upload_mb
    at = open_page("pages/data.py", ExperimentConfig(data=DataConfig(name="csv")))
    uploader = at.file_uploader[0]
    assert uploader.proto.max_upload_size_mb == limit  # the drop zone's "Limit ... per file"
    assert f"{limit} MB" in uploader.label
    config = tomllib.loads((REPO_ROOT / ".streamlit" / "config.toml").read_text())
    assert config["server"]["maxUploadSize"] >= limit  # the server accepts what the page offers


# ================================================================ languages
@pytest.mark.parametrize(
    "name",
    [
        "korean_excel_cp949.csv",
        "semicolon_decimal_comma.csv",
        "hostile_names.csv",
        "feature_named_target.csv",
        "image.png.csv",
        "ragged_mostly.csv",
    ],
)
def test_notes_and_messages_in_korean(name, corpus, monkeypatch):
    # AppTest formats selectbox options outside the script run, where the
    # session's language cannot be read; the page is Korean either way.
    monkeypatch.setattr(ui.i18n, "lang", lambda: "ko")
    at = upload_on_data_page(name, corpus[name], lang="ko")
    assert_no_raw_text(at)
    expected = CORPUS[name]
    if isinstance(expected, Message):
        assert any(catalog_pattern(expected.code, "ko").fullmatch(e.value) for e in at.error)
    else:
        notes = [i.value for i in at.info]
        assert notes and all(re.search(r"[\uac00-\ud7a3]", note) for note in notes), notes


# ================================================================== hostile
HOSTILE_MARKUP = ("<script", "<img", "<b>", "](http", "**bold**", "![img]")


def test_hostile_names_reach_the_page_only_as_escaped_parameters(corpus):
    """CSV text reaches Markdown only as an escaped message parameter: never as live markup."""
    at = upload_on_data_page("hostile_names.csv", corpus["hostile_names.csv"])
    shown = texts(at)
    assert "=cmd" in shown  # the target's name is quoted in a note...
    for markup in HOSTILE_MARKUP:
        assert markup not in shown, f"{markup!r} reached Markdown unescaped:\n{shown}"
    table = at.dataframe[0].value
    # ...and the table shows names and values as plain text.
    assert "<script>alert(1)</script>" in table.columns
    assert "**bold** [link](http://evil.example)=[click](http://evil.example)" in table.columns
    assert set(table.iloc[:, 0]) == {
        "<img src=x onerror=alert(1)>",
        '<a href="http://evil.example">[win](http://evil.example)</a>',
    }
