"""Downloaded CSVs neutralise spreadsheet formulas, as OWASP advises (playground.csv_export)."""

import csv
import io

import pandas as pd
import pytest

from playground.csv_export import neutralize, safe_csv


@pytest.mark.parametrize(
    "value",
    [
        "=1+2",
        "+cmd|' /C calc'!A0",
        "-2+3",
        "@SUM(A1)",
        "\t=1",
        "\r=1",
        '=HYPERLINK("http://evil.example")',
        "-",
        "+",
    ],
)
def test_formula_like_text_gets_a_leading_quote(value):
    assert neutralize(value) == "'" + value


@pytest.mark.parametrize(
    "value", [-0.5, 3, None, "loss", "val_loss", "-1.5", "+2", "-inf", "nan", "a=b", " =not first"]
)
def test_numbers_and_ordinary_text_are_left_alone(value):
    assert neutralize(value) == value


def test_safe_csv_neutralises_cells_and_names_but_not_numbers():
    frame = pd.DataFrame(
        {
            "epoch": [1, 2],
            "loss": [-0.25, 0.5],
            "note": ["=cmd|'/C calc'!A0", "ok"],
            "@name": ["-inf", "@x"],
        }
    )
    rows = list(csv.reader(io.StringIO(safe_csv(frame))))
    assert rows == [
        ["epoch", "loss", "note", "'@name"],
        ["1", "-0.25", "'=cmd|'/C calc'!A0", "-inf"],
        ["2", "0.5", "ok", "'@x"],
    ]
    assert frame["note"][0] == "=cmd|'/C calc'!A0"  # the frame itself is unchanged


def test_the_training_history_download_uses_it():
    from tests.conftest import REPO_ROOT

    assert "safe_csv(" in (REPO_ROOT / "ui" / "run_views.py").read_text()
    for path in [*(REPO_ROOT / "pages").glob("*.py"), *(REPO_ROOT / "ui").glob("*.py")]:
        assert ".to_csv(" not in path.read_text(), f"{path.name} writes a CSV without safe_csv"
