"""Every string the code asks for exists in English and Korean, and every string in the
catalogs is asked for; plural forms; strict mode.

The keys in use are found by reading the code (`ast`), not from a list kept here:

- literal keys in message positions: the first argument of `t(...)`, `translate(...)`
  and of every `PlaygroundError` class, and the key of a note, `("data.note.x", {...})`;
- families, keys built from a value (`t(f"act.{name}")`): each must be declared in
  `playground.i18n.FAMILIES`, which says which values it ranges over;
- for the reverse check, any string in the code that is a catalog key counts as a use
  (keys also travel in constants, tuples and dicts before they are translated).
"""

from __future__ import annotations

import ast
import logging
import re
import string
from functools import cache
from pathlib import Path

import pytest

from playground import i18n
from playground.i18n import (
    CATALOG,
    FAMILIES,
    LANGUAGES,
    PLURAL_CATEGORIES,
    TranslationError,
    translate,
)
from playground.i18n.escape import Markdown, escape_params
from tests.conftest import REPO_ROOT

CODE_FILES = [
    REPO_ROOT / "app.py",
    *sorted((REPO_ROOT / "pages").glob("*.py")),
    *sorted((REPO_ROOT / "ui").glob("*.py")),
    *sorted(
        path
        for path in (REPO_ROOT / "playground").rglob("*.py")
        if "i18n" not in path.relative_to(REPO_ROOT).parts
    ),
]
KEY = re.compile(r"[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+")
MESSAGE_FUNCTIONS = {"t", "translate"}
ERROR_BASE = "PlaygroundError"


@cache
def _trees() -> dict[Path, ast.Module]:
    return {path: ast.parse(path.read_text(encoding="utf-8")) for path in CODE_FILES}


def _docstrings(tree: ast.Module) -> set[int]:
    nodes = [
        node
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
    ]
    return {
        id(node.body[0].value)
        for node in nodes
        if node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }


def _callee(call: ast.Call) -> str | None:
    if isinstance(call.func, ast.Name):
        return call.func.id
    return call.func.attr if isinstance(call.func, ast.Attribute) else None


@cache
def _message_functions() -> frozenset[str]:
    """`t`, `translate` and every exception class derived from `PlaygroundError`."""
    errors, grew = {ERROR_BASE}, True
    while grew:
        classes = {
            node.name
            for tree in _trees().values()
            for node in ast.walk(tree)
            if isinstance(node, ast.ClassDef)
            and any(isinstance(base, ast.Name) and base.id in errors for base in node.bases)
        }
        grew = not classes <= errors
        errors |= classes
    return frozenset(MESSAGE_FUNCTIONS | errors)


def _template(node: ast.expr) -> str:
    """The key an f-string or a sum of strings builds, with "{}" for each value put in."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(_template(part) for part in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return _template(node.left) + _template(node.right)
    return "{}"


def _message_parts(node: ast.expr) -> tuple[set[str], set[str]]:
    """(keys, templates) an expression in a message position can give."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return {node.value}, set()
    if isinstance(node, (ast.JoinedStr, ast.BinOp)):
        template = _template(node)
        return set(), set() if template.startswith("{}") else {
            template
        }  # a built key, e.g. code + ".fix"
    branches = (
        [node.body, node.orelse]
        if isinstance(node, ast.IfExp)
        else (node.values if isinstance(node, ast.BoolOp) else [])
    )
    keys, templates = set(), set()
    for branch in branches:
        more_keys, more_templates = _message_parts(branch)
        keys, templates = keys | more_keys, templates | more_templates
    return keys, templates


@cache
def code_messages() -> tuple[frozenset[str], frozenset[str]]:
    """(literal keys, family templates) in message positions of the code."""
    keys, families = set(), set()
    for tree in _trees().values():
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and node.args and _callee(node) in _message_functions():
                more_keys, more_families = _message_parts(node.args[0])
                keys, families = keys | more_keys, families | more_families
            elif (
                isinstance(node, ast.Tuple)
                and len(node.elts) == 2
                and isinstance(node.elts[1], ast.Dict)
                and isinstance(node.elts[0], ast.Constant)
                and isinstance(node.elts[0].value, str)
                and KEY.fullmatch(node.elts[0].value)
            ):
                keys.add(node.elts[0].value)  # a note: (message key, params)
    return frozenset(keys), frozenset(families)


@cache
def code_strings() -> frozenset[str]:
    """Every string constant of the code, docstrings excepted."""
    strings = set()
    for tree in _trees().values():
        docstrings = _docstrings(tree)
        strings |= {
            node.value
            for node in ast.walk(tree)
            if isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in docstrings
        }
    return frozenset(strings)


@cache
def family_keys() -> frozenset[str]:
    return frozenset(key for template in FAMILIES for key in i18n.family_keys(template))


def literal_keys() -> set[str]:
    return set(code_messages()[0])


def test_the_scan_finds_the_page_strings():
    assert len(literal_keys()) > 100
    assert {
        "home.title",
        "data.note.subset",
        "data.csv_empty",
        "eval.metric.loss",
    } <= literal_keys() | family_keys()
    assert {"data.name.{}", "act.{}"} <= code_messages()[1]


@pytest.mark.parametrize("key", sorted(literal_keys() | family_keys()))
def test_key_exists_in_both_languages(key):
    assert key in CATALOG, f"missing message key {key!r}"
    english, korean = i18n.templates(key, "en"), i18n.templates(key, "ko")
    assert all(text.strip() for text in english + korean)
    assert translate(key, "ko", **_sample_params(key)) != translate(
        key, "en", **_sample_params(key)
    ) or key.startswith(
        (
            "act.",
            "loss.",
            "opt.",
            "model.summary",
            "eval.metric.",
            "chart.feature_x",
            "chart.probability_of",
        )
    )


def test_every_family_the_code_builds_is_declared():
    undeclared = code_messages()[1] - FAMILIES.keys()
    assert not undeclared, (
        f"declare these key families in playground.i18n.FAMILIES: {sorted(undeclared)}"
    )


def test_a_family_covers_every_value_it_ranges_over():
    from playground import checks, config, datasets

    assert (
        "data.name.csv" in family_keys()
        and f"data.about.{list(datasets.DATASETS)[-1]}" in family_keys()
    )
    assert {
        f"act.{name}" for name in config.ACTIVATIONS + config.OUTPUT_ACTIVATIONS
    } <= family_keys()
    assert {f"{code}.fix" for code in checks.CODES} <= family_keys()


def test_every_catalog_key_is_used():
    unused = CATALOG.keys() - code_strings() - family_keys()
    assert not unused, f"no code uses these messages; delete them: {sorted(unused)}"


def test_the_metric_names_the_pages_show_are_a_family():
    """The names Keras's `evaluate` gives a built model's scores, and the regression extras."""
    from playground import datasets, evaluation, models
    from playground.config import DataConfig, ExperimentConfig

    names = set(evaluation.regression_metrics([0.0, 1.0], [0.0, 1.0]))
    for name in ("diabetes", "iris"):
        dataset = datasets.load_dataset(DataConfig(name=name))
        model = models.build_model(ExperimentConfig(data=DataConfig(name=name)), dataset)
        names |= set(model.evaluate(dataset.x_test, dataset.y_test, verbose=0, return_dict=True))
    assert names <= set(evaluation.TEST_METRICS)


# ------------------------------------------------------------------ the catalog's shape
def _fields(template: str) -> set[str]:
    return {
        name.split(".")[0].split("[")[0]
        for _, name, _, _ in string.Formatter().parse(template)
        if name
    }


def _counts(text: str | dict, lang: str) -> set[str]:
    """The count parameters of a text; checks that each choice has the language's forms."""
    if isinstance(text, str):
        return set()
    assert set(text) == {"count", *PLURAL_CATEGORIES[lang]}, text
    return {text["count"]}.union(*(_counts(text[form], lang) for form in PLURAL_CATEGORIES[lang]))


@pytest.mark.parametrize("key", sorted(CATALOG))
def test_each_message_has_a_text_per_language_and_the_same_parameters(key):
    message = CATALOG[key]
    assert set(message) == set(LANGUAGES), key
    counts = set().union(*(_counts(text, lang) for lang, text in message.items()))
    english = set().union(*map(_fields, i18n.templates(key, "en")))
    korean = set().union(*map(_fields, i18n.templates(key, "ko")))
    assert english | counts == korean | counts, key


def _sample_params(key: str) -> dict:
    names = set().union(
        *(_fields(text) for lang in LANGUAGES for text in i18n.templates(key, lang))
    )
    names |= set().union(*(_counts(text, lang) for lang, text in CATALOG[key].items()))
    return {name: 2 for name in names}


# ------------------------------------------------------------------ plurals
# Messages that count things, the count's parameter, the other parameters, and
# what the English says for n = 0, 1, 2 ("{n}" stands for the number).
PLURALS = [
    (
        "model.dataset_line",
        "inputs",
        {"dataset": "d", "task": "t", "classes": 3},
        "{n} inputs ·",
        "1 input ·",
        "{n} inputs ·",
    ),
    (
        "train.experiment_line",
        "epochs",
        {"dataset": "d", "layers": "8", "optimizer": "adam", "lr": 0.1, "batch": 32},
        "{n} epochs ·",
        "1 epoch ·",
        "{n} epochs ·",
    ),
    (
        "eval.run_label",
        "epochs",
        {"name": "adam", "dataset": "d"},
        ", {n} epochs)",
        ", 1 epoch)",
        ", {n} epochs)",
    ),
    ("data.n_samples_help", "maximum", {}, "{n} points on", "1 point on", "{n} points on"),
    ("train.finished", "epochs", {}, "after {n} epochs.", "after 1 epoch.", "after {n} epochs."),
    ("train.stopped", "epochs", {}, "after {n} epochs.", "after 1 epoch.", "after {n} epochs."),
    ("net.marked_count", "count", {}, "{n} neurons drawn", "1 neuron drawn", "{n} neurons drawn"),
    (
        "train.early_restored",
        "patience",
        {"stopped": 5, "best": 3},
        "for {n} epochs.",
        "for 1 epoch.",
        "for {n} epochs.",
    ),
    (
        "train.early_kept",
        "patience",
        {"stopped": 5, "best": 3},
        "for {n} epochs.",
        "for 1 epoch.",
        "for {n} epochs.",
    ),
    ("eval.test_metrics", "n", {}, "({n} examples the", "(1 example the", "({n} examples the"),
    (
        "eval.examples_count",
        "count",
        {"shown": 2, "actual": "a", "predicted": "b"},
        "**{n}** test examples are",
        "**1** test example is",
        "**{n}** test examples are",
    ),
    (
        "draw.only_wrong",
        "n",
        {},
        "the {n} test images the",
        "the 1 test image the",
        "the {n} test images the",
    ),
    (
        "data.note.dropped_missing_target",
        "count",
        {"target": "y"},
        "{n} rows whose",
        "1 row whose",
        "{n} rows whose",
    ),
    (
        "data.note.imputed_median",
        "count",
        {"columns": "a"},
        "{n} missing numbers with",
        "1 missing number with",
        "{n} missing numbers with",
    ),
    (
        "data.note.missing_category",
        "count",
        {"columns": "a"},
        "{n} missing text values with",
        "1 missing text value with",
        "{n} missing text values with",
    ),
    (
        "data.note.one_hot",
        "count",
        {"columns": "a"},
        "{n} 0/1 columns.",
        "1 0/1 column.",
        "{n} 0/1 columns.",
    ),
    (
        "data.note.skipped_ragged_rows",
        "count",
        {"expected": 3, "lines": "4"},
        "{n} rows with",
        "1 row with",
        "{n} rows with",
    ),
    (
        "data.note.rows_sampled",
        "kept",
        {"total": 500, "max_rows": 100, "max_cells": 1000},
        "sample of {n} rows is",
        "sample of 1 row is",
        "sample of {n} rows is",
    ),
    (
        "data.note.out_of_range_numbers",
        "count",
        {"columns": "a"},
        "{n} numbers that are",
        "1 number that is",
        "{n} numbers that are",
    ),
    (
        "data.too_few_rows",
        "rows",
        {"fraction": 0.2},
        "{n} rows with",
        "1 row with",
        "{n} rows with",
    ),
    ("data.csv_header_only", "columns", {}, "({n} columns)", "(1 column)", "({n} columns)"),
    (
        "data.csv_ragged",
        "expected",
        {"line": 2, "values": 5, "count": 1, "rows": 9},
        "header has {n} columns;",
        "header has 1 column;",
        "header has {n} columns;",
    ),
    ("data.csv_parse_timeout", "seconds", {}, "{n} seconds,", "1 second,", "{n} seconds,"),
    (
        "check.units_mismatch",
        "units",
        {"classes": 3},
        "has {n} units,",
        "has 1 unit,",
        "has {n} units,",
    ),
    (
        "check.labels_outputs_mismatch",
        "width",
        {"loss": "mse", "units": 10},
        "10 output units and the labels have {n} columns.",
        "10 output units and the labels have 1 column.",
        "10 output units and the labels have {n} columns.",
    ),
    (
        "check.labels_outputs_mismatch",
        "units",
        {"loss": "mse", "width": 10},
        "{n} output units and the labels have 10 columns.",
        "1 output unit and the labels have 10 columns.",
        "{n} output units and the labels have 10 columns.",
    ),
    (
        "check.linear_hidden_layers",
        "layers",
        {},
        "All {n} hidden layers are",
        "The only hidden layer is",
        "All {n} hidden layers are",
    ),
    ("limits.too_many_samples", "maximum", {"value": 5}, "{n} points.", "1 point.", "{n} points."),
    (
        "chance.numbers",
        "n",
        {"accuracy": 0.5, "guess": "a", "guess_accuracy": 0.5, "points": 1.0},
        "same {n} test examples, and with {n} examples",
        "same 1 test example, and with 1 example",
        "same {n} test examples, and with {n} examples",
    ),
    (
        "chance.numbers_regression",
        "n",
        {"mse": 1.0, "guess": 0.0, "guess_mse": 1.0, "r2": 0.0},
        "same {n} test examples (",
        "same 1 test example (",
        "same {n} test examples (",
    ),
]


@pytest.mark.parametrize(
    "key, count, params, zero, one, two", PLURALS, ids=[row[0] for row in PLURALS]
)
def test_english_counts_are_right_for_zero_one_and_two(key, count, params, zero, one, two):
    for n, expected in ((0, zero), (1, one), (2, two)):
        text = translate(key, "en", **params, **{count: n})
        assert expected.format(n=n) in text, (n, text)


def test_the_table_lists_every_plural_message_and_no_message_hides_a_count():
    plural = {key for key, message in CATALOG.items() if not isinstance(message["en"], str)}
    assert plural == {row[0] for row in PLURALS}
    for key in CATALOG:
        for text in i18n.templates(key, "en"):
            assert "(s)" not in text, f"{key}: choose a plural form instead of '(s)': {text}"


def test_plural_categories():
    assert [i18n.plural_category("en", n) for n in (0, 1, 2, 1.5, 21)] == [
        "other",
        "one",
        "other",
        "other",
        "other",
    ]
    assert {i18n.plural_category("ko", n) for n in (0, 1, 2)} == {"other"}


def test_plurals_choose_by_the_number_when_the_parameters_are_escaped():
    params = escape_params({"count": 1, "target": "**y**"})
    text = translate("data.note.dropped_missing_target", "en", **params)
    assert text == "Dropped 1 row whose target '\\*\\*y\\*\\*' is missing."
    assert isinstance(Markdown(text), str)


# ------------------------------------------------------------------ strict mode
def test_the_tests_run_strict():
    assert i18n.STRICT


def test_strict_mode_refuses_an_unknown_key_and_parameters_that_do_not_fit():
    with pytest.raises(TranslationError, match="no.such_key"):
        translate("no.such_key")
    with pytest.raises(TranslationError, match="max_units"):
        translate("check.units_out_of_range", "en", layer=1, units=0)
    with pytest.raises(TranslationError, match="epochs"):
        translate("train.stopped", "en")
    with pytest.raises(TranslationError, match="not a number"):
        translate("train.stopped", "en", epochs="three")
    with pytest.raises(TranslationError):
        translate("train.diverged", "en", epoch=1, loss="nan", learning_rate="fast", suggestion=0.1)


def test_outside_strict_mode_the_page_shows_the_key_or_template_and_the_log_says_why(
    monkeypatch, caplog
):
    monkeypatch.setattr(i18n, "STRICT", False)
    monkeypatch.setattr(i18n, "_reported", set())
    with caplog.at_level(logging.ERROR, logger="playground.i18n"):
        assert translate("no.such_key", "ko") == "no.such_key"
        assert translate("train.stopped", "en") == "Stopped after {epochs} epochs."
        assert translate("check.regression_units", "en") == translate(
            "check.regression_units", "en"
        )
    assert "no.such_key" in caplog.text and "train.stopped" in caplog.text
    assert caplog.text.count("check.regression_units") == 1  # once per problem, not per page run


# ------------------------------------------------------------------ the core never imports streamlit
def _imported_modules(tree: ast.Module) -> set[str]:
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module)
        elif (
            isinstance(node, ast.Call)
            and _callee(node) in ("import_module", "__import__")
            and node.args
            and isinstance(node.args[0], ast.Constant)
        ):
            names.add(str(node.args[0].value))
    return names


def test_the_core_never_imports_streamlit():
    core = sorted((REPO_ROOT / "playground").rglob("*.py"))
    assert len(core) > 30
    offenders = {
        str(path.relative_to(REPO_ROOT)): sorted(
            name
            for name in _imported_modules(ast.parse(path.read_text(encoding="utf-8")))
            if name.split(".")[0] == "streamlit"
        )
        for path in core
    }
    assert not {path: names for path, names in offenders.items() if names}


def test_the_import_scan_finds_an_import_inside_a_function():
    tree = ast.parse(
        "def page():\n    import streamlit as st\n    from streamlit.runtime import x\n"
    )
    assert _imported_modules(tree) == {"streamlit", "streamlit.runtime"}
