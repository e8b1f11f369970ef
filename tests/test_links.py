"""Hostile and broken links: no page breaks, nothing is rendered, no job passes the limits.

The links are data, one per line in tests/data/links.txt. Each one is opened
on the home, Model, Train and Data pages through AppTest with the query
string set, as a browser following the link would; and each one is read,
loaded and checked as the worker would before training it.
"""

from __future__ import annotations

import math
import re
from urllib import parse

import pytest
from streamlit.testing.v1 import AppTest

from playground import checks, datasets, limits, models
from playground.config import DataConfig, ExperimentConfig, LayerConfig
from playground.errors import DatasetError
from playground.i18n import translate
from playground.i18n.escape import escape_markdown
from playground.links import read_link
from playground.settings import Settings
from tests.conftest import REPO_ROOT

TIMEOUT = 120
CORPUS = REPO_ROOT / "tests" / "data" / "links.txt"
PAGES = [None, "pages/model.py", "pages/train.py", "pages/data.py"]
TEXT_KINDS = ("markdown", "caption", "title", "subheader", "error", "warning", "info", "success")


def corpus() -> list[str]:
    lines = CORPUS.read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip() and not line.startswith("#")]


LINKS = corpus()


def link_id(line: str) -> str:
    return line if len(line) <= 60 else f"{line[:50]}…({len(line)} chars)"


def parse_link(line: str) -> dict[str, str | list[str]]:
    """The query string as Streamlit parses it (`parse_qs`, blank values kept),
    shaped for `AppTest.query_params`: a list for a key given twice."""
    parsed = parse.parse_qs(line, keep_blank_values=True)
    return {key: values if len(values) > 1 else values[0] for key, values in parsed.items()}


def last_values(params: dict) -> dict[str, str]:
    """What `st.query_params.to_dict()` gives the app: the last value of each key."""
    return {key: value[-1] if isinstance(value, list) else value for key, value in params.items()}


def texts(at: AppTest) -> list[str]:
    return [
        e.value
        for kind in TEXT_KINDS
        for e in at.get(kind)
        if isinstance(getattr(e, "value", None), str)
    ]


def open_link(line: str, page: str | None, lang: str = "en") -> AppTest:
    at = AppTest.from_file(str(REPO_ROOT / "app.py"), default_timeout=TIMEOUT)
    at.session_state["lang"] = lang
    at.query_params.update(parse_link(line))
    if page:
        at.switch_page(page)  # a deep link: the page is the first one the session runs
    at.run()
    return at


def test_the_corpus_is_big_and_varied():
    assert len(LINKS) >= 100
    assert any(len(line) > 10_000 for line in LINKS)
    assert any("%zz" in line for line in LINKS)


# ------------------------------------------------------- through the pages
@pytest.mark.parametrize("page", PAGES, ids=lambda page: page or "home")
@pytest.mark.parametrize("line", LINKS, ids=link_id)
def test_a_hostile_link_never_breaks_a_page(line, page):
    at = open_link(line, page)
    assert not at.exception, at.exception

    expected, notes = read_link(last_values(parse_link(line)), Settings.from_env())
    config = at.session_state["config"]
    # The page read the link exactly as `read_link` does, and its widgets kept every value.
    assert config == expected
    assert_within_widget_ranges(config, Settings.from_env())

    shown = "\n".join(texts(at))
    link_warnings = [w.value for w in at.warning if w.value.startswith(translate("link.heading"))]
    if notes:
        assert len(link_warnings) == 1, shown
        for note in notes:
            assert escape_markdown(note.params["name"]) in link_warnings[0]
    else:
        assert not link_warnings
    assert_nothing_renders(shown)
    assert "Traceback" not in shown


def assert_within_widget_ranges(config: ExperimentConfig, settings: Settings) -> None:
    """Every number fits the Model and Data pages' widgets, and the server's hard limits."""
    ranges = limits.model_ranges(settings)
    for name, allowed in ranges.items():
        if name not in limits.LAYER_FIELDS:
            assert getattr(config, name) in allowed, (name, getattr(config, name))
    assert len(config.layers) <= settings.max_layers
    for name in limits.LAYER_FIELDS:
        assert all(getattr(layer, name) in ranges[name] for layer in config.layers), name
    for name, allowed in limits.data_ranges(config.data.name, settings).items():
        assert getattr(config.data, name) in allowed, (f"data.{name}", getattr(config.data, name))
    assert config.epochs <= settings.max_epochs
    assert config.batch_size <= settings.max_batch_size
    assert 0 <= config.seed < 2**32 and 0 <= config.data.seed < 2**32


UNESCAPED_LINK = re.compile(r"(?<!\\)\]\s*(?<!\\)\(")
RAW_HTML = re.compile(r"<\s*(img|a|script|iframe|svg)\b", re.IGNORECASE)


def assert_nothing_renders(shown: str) -> None:
    """No Markdown link or image and no HTML tag reaches the page unescaped."""
    assert not UNESCAPED_LINK.search(shown), shown
    assert not RAW_HTML.search(shown), shown


# ------------------------------------------------------ as the worker sees it
@pytest.mark.parametrize("line", LINKS, ids=link_id)
def test_a_hostile_link_cannot_start_a_job_beyond_the_limits(line):
    settings = Settings.from_env()
    config, _ = read_link(last_values(parse_link(line)), settings)
    try:
        dataset = datasets.load_dataset(config.data)
    except DatasetError:
        return  # the pages and the worker both stop here with the message
    problems = checks.run_checks(config, dataset, settings)
    if checks.has_errors(problems):
        return
    # Whatever passes the checks is within every limit, computed here independently.
    rows = models.fit_rows(config, dataset)
    params = models.total_params(models.summary_rows(config, dataset))
    assert config.epochs * math.ceil(rows / config.batch_size) <= settings.max_train_steps
    assert config.epochs * rows * params <= settings.max_train_work
    assert params <= settings.max_params
    assert len(config.layers) <= settings.max_layers
    assert all(1 <= layer.units <= settings.max_units for layer in config.layers)
    assert 1 <= config.epochs <= settings.max_epochs
    assert 1 <= config.batch_size <= settings.max_batch_size
    if dataset.kind == "points2d":
        assert len(dataset.x_train) + len(dataset.x_test) <= settings.max_samples


# ----------------------------------------------------------- what a link does
DEFAULT_EPOCHS = ExperimentConfig().epochs


def read(query: str) -> tuple[ExperimentConfig, list[str]]:
    config, notes = read_link(last_values(parse_link(query)), Settings())
    return config, [note.code for note in notes]


@pytest.mark.parametrize(
    "query, field, value, codes",
    [
        # above the server's limit: clamped, with a note
        ("epochs=100000", "epochs", 200, ["link.clamped"]),
        ("epochs=" + "9" * 190, "epochs", 200, ["link.clamped"]),
        ("learning_rate=20000", "learning_rate", 1e4, ["link.clamped"]),
        ("batch_size=1e9", "batch_size", 4096, ["link.clamped"]),
        ("optimizer=sgd&momentum=1.5", "momentum", 0.99, ["link.clamped"]),
        ("seed=4294967296", "seed", 2**32 - 1, ["link.clamped"]),
        ("validation_split=0.95", "validation_split", 0.5, ["link.clamped"]),
        ("early_stopping=1&patience=100000", "patience", 200, ["link.clamped"]),
        # not a usable number: the default, with a note
        ("epochs=inf", "epochs", DEFAULT_EPOCHS, ["link.not_a_whole_number"]),
        ("epochs=1e400", "epochs", DEFAULT_EPOCHS, ["link.not_a_whole_number"]),
        ("epochs=" + "9" * 400, "epochs", DEFAULT_EPOCHS, ["link.too_long"]),
        ("epochs=2.5", "epochs", DEFAULT_EPOCHS, ["link.not_a_whole_number"]),
        ("epochs=%zz", "epochs", DEFAULT_EPOCHS, ["link.not_a_whole_number"]),
        ("epochs=-5", "epochs", DEFAULT_EPOCHS, ["link.too_small"]),
        ("learning_rate=nan", "learning_rate", 0.001, ["link.not_finite"]),
        ("learning_rate=-1", "learning_rate", 0.001, ["link.too_small"]),
        ("optimizer=sgd&learning_rate=inf", "learning_rate", 0.01, ["link.not_finite"]),
        ("seed=-1", "seed", 0, ["link.too_small"]),
        ("early_stopping=maybe", "early_stopping", False, ["link.not_a_boolean"]),
        ("loss=hinge", "loss", "auto", ["link.unknown_choice"]),
        # kept as written: 0 units and a rate of 0 are lessons the checks explain
        ("learning_rate=0", "learning_rate", 0.0, []),
        ("epochs=30.0", "epochs", 30, []),
        ("epochs=%EF%BC%91%EF%BC%92", "epochs", 12, []),  # full-width digits are digits
        ("epochs=5&epochs=500", "epochs", 200, ["link.clamped"]),  # the last value counts
        ("lang=ko&unknown=1&epochs=5", "epochs", 5, []),
    ],
)
def test_each_value_is_clamped_refused_or_kept(query, field, value, codes):
    config, found = read(query)
    assert getattr(config, field) == value
    assert found == codes


@pytest.mark.parametrize(
    "config",
    [
        ExperimentConfig(),
        ExperimentConfig(
            data=DataConfig(name="mnist", n_samples=0, scaling="minmax", seed=7),
            layers=[LayerConfig(256, "sigmoid"), LayerConfig(8, "leaky_relu")],
            optimizer="sgd",
            learning_rate=0.03,
            momentum=0.9,
            epochs=200,
            batch_size=4096,
            validation_split=0.5,
            early_stopping=True,
            patience=200,
            restore_best_weights=True,
            seed=2**32 - 1,
            loss="mse",
            output_units=10,
        ),
        ExperimentConfig(
            data=DataConfig(name="csv", csv_file="a" * 64, target="가격 (원)", task="regression"),
            layers=[],
        ),
    ],
)
def test_a_link_the_app_writes_reads_back_exactly(config):
    assert read_link(config.to_query_params(), Settings()) == (config, [])


def test_a_learning_rate_absent_or_refused_follows_the_optimizer():
    assert read("optimizer=sgd")[0].learning_rate == 0.01
    assert read("optimizer=rmsprop&learning_rate=abc")[0].learning_rate == 0.001
    assert read("optimizer=sgd&learning_rate=0.5")[0].learning_rate == 0.5


def test_a_dataset_named_by_a_link_gets_its_own_default_size():
    assert read("data.name=mnist")[0].data.n_samples == datasets.DEFAULT_SAMPLES["mnist"]
    assert read("data.name=moons&data.n_samples=100000000")[0].data.n_samples == 10_000
    assert read("data.name=mnist&data.n_samples=100000000")[0].data.n_samples == 60_000
    config, codes = read("data.name=../../etc/passwd")
    assert config.data.name == "moons" and codes == ["link.unknown_choice"]


def test_layers_are_read_one_by_one_and_bounded():
    config, codes = read("layers=16:relu,-3:foo,99999:tanh,abc")
    assert [(layer.units, layer.activation) for layer in config.layers] == [
        (16, "relu"),
        (16, "relu"),
        (4096, "tanh"),
        (16, "relu"),
    ]
    assert codes == [
        "link.too_small",
        "link.unknown_choice",
        "link.clamped",
        "link.not_a_whole_number",
    ]
    config, codes = read("layers=" + ",".join(["4:relu"] * 11))
    assert len(config.layers) == 2 and codes == ["link.too_many_layers"]
    config, codes = read("layers=")
    assert config.layers == [] and codes == []


def test_a_refusal_quotes_the_value_cut_to_80_characters_and_names_the_default():
    _, notes = read_link({"data.target": "A" * 10_000, "loss": "B" * 150}, Settings())
    by_name = {note.params["name"]: note for note in notes}
    assert by_name["data.target"].code == "link.too_long"
    assert len(by_name["data.target"].params["value"]) == 80
    assert by_name["data.target"].params["value"].endswith("…")
    assert by_name["loss"].params["default"] == "auto"


def test_a_csv_path_in_a_link_never_opens_a_file_outside_the_uploads():
    for path in ("../../etc/passwd", "/etc/passwd", "..%2f..%2fetc%2fpasswd"):
        config, _ = read(f"data.name=csv&data.csv_file={path}")
        with pytest.raises(DatasetError) as raised:
            datasets.load_dataset(config.data)
        assert raised.value.code == "data.csv_not_found"


def test_a_repeated_key_arrives_as_its_last_value():
    at = open_link("data.name=moons&epochs=5&epochs=500", "pages/model.py")
    assert not at.exception
    assert at.session_state["config"].epochs == 200
    assert next(n for n in at.number_input if n.label == "Epochs").value == 200
    assert any("500" in w.value and "200" in w.value for w in at.warning)


def test_the_notes_are_in_korean_and_escaped():
    at = open_link(
        "data.name=moons&loss=%5Blog+in%5D(http://evil.example)&epochs=100000",
        "pages/model.py",
        lang="ko",
    )
    assert not at.exception
    warning = next(
        w.value for w in at.warning if w.value.startswith(translate("link.heading", "ko"))
    )
    assert "한도" in warning
    assert escape_markdown("[log in](http://evil.example)") in warning
    assert "\\[log in\\]\\(http\\:" in warning
    assert_nothing_renders(warning)


def link_warning_shown(at: AppTest, lang: str = "en") -> bool:
    return any(w.value.startswith(translate("link.heading", lang)) for w in at.warning)


def test_the_notes_stay_on_the_linked_page_until_another_page_is_opened():
    at = open_link("data.name=moons&epochs=inf", None)
    assert link_warning_shown(at)
    at.selectbox(key="lang").select("ko").run()  # switching the language reruns the page
    assert link_warning_shown(at, "ko")
    at.switch_page("pages/train.py").run()
    assert not link_warning_shown(at)
    at.switch_page("pages/model.py").run()
    assert not link_warning_shown(at)


# --------------------------------------- values a widget cannot show, from the session
def open_with(config: ExperimentConfig, page: str) -> AppTest:
    at = AppTest.from_file(str(REPO_ROOT / "app.py"), default_timeout=TIMEOUT)
    at.session_state["config"] = config
    at.switch_page(page)
    at.run()
    return at


def with_changes(**changes) -> ExperimentConfig:
    config = ExperimentConfig(early_stopping=True, optimizer="sgd")
    for name, value in changes.items():
        target = config.data if name.startswith("data.") else config
        setattr(target, name.removeprefix("data."), value)
    return config


MODEL_FIELDS = [
    ("output_units", -1),
    ("output_units", 10**9),
    ("learning_rate", -1.0),
    ("learning_rate", math.inf),
    ("learning_rate", 20000.0),
    ("learning_rate", math.nan),
    ("momentum", -0.5),
    ("momentum", 1.5),
    ("epochs", -5),
    ("epochs", 0),
    ("epochs", 10**9),
    ("batch_size", 0),
    ("batch_size", 10**9),
    ("validation_split", -0.1),
    ("validation_split", 0.95),
    ("seed", -1),
    ("seed", 2**40),
    ("patience", -1),
    ("patience", 10**6),
]


@pytest.mark.parametrize("field, value", MODEL_FIELDS)
def test_the_model_page_shows_an_out_of_range_value_clamped(field, value):
    at = open_with(with_changes(**{field: value}), "pages/model.py")
    assert not at.exception, at.exception
    used = getattr(at.session_state["config"], field)
    assert used in limits.model_ranges(Settings.from_env())[field]
    assert any(c.value.startswith(f"{escape_markdown(field)}=") for c in at.caption), texts(at)


def test_the_model_page_shows_out_of_range_units_clamped():
    config = with_changes()
    config.layers[0].units = -16
    config.layers[1].units = 10**9
    at = open_with(config, "pages/model.py")
    assert not at.exception, at.exception
    assert [layer.units for layer in at.session_state["config"].layers] == [0, 4096]
    assert sum("units=" in c.value for c in at.caption) == 2


DATA_FIELDS = [
    ("moons", "data.n_samples", -1),
    ("moons", "data.n_samples", 10**9),
    ("mnist", "data.n_samples", -1),
    ("mnist", "data.n_samples", 10**9),
    ("moons", "data.noise", -1.0),
    ("moons", "data.noise", 100.0),
    ("moons", "data.test_fraction", 0.0),
    ("moons", "data.test_fraction", 0.99),
    ("moons", "data.seed", -1),
    ("moons", "data.seed", 2**40),
]


@pytest.mark.parametrize("name, field, value", DATA_FIELDS)
def test_the_data_page_shows_an_out_of_range_value_clamped(name, field, value):
    at = open_with(with_changes(**{"data.name": name, field: value}), "pages/data.py")
    assert not at.exception, at.exception
    attribute = field.removeprefix("data.")
    used = getattr(at.session_state["config"].data, attribute)
    assert used in limits.data_ranges(name, Settings.from_env())[attribute]
    assert any(c.value.startswith(f"{escape_markdown(field)}=") for c in at.caption), texts(at)
