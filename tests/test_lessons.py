"""Lessons are data: every built-in lesson loads, a bad file is reported, every lesson trains."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from playground import lessons, links
from playground.config import ExperimentConfig
from playground.lessons import Lesson, LessonProblem
from playground.runs import RunFailed, RunFinished
from playground.settings import Settings
from tests.conftest import REPO_ROOT, train_in_process
from tests.test_datasets import isolated_dirs, write_imdb, write_mnist  # noqa: F401 - fixture

BUILT_IN = sorted(path.stem for path in (REPO_ROOT / "lessons").glob("*.toml"))
GOOD = """
page = "train"
hide = ["momentum", "seed"]
lock = ["data.name"]
title = { en = "Moons", ko = "반달" }
about = { en = "Two moons.", ko = "반달 두 개." }

[config]
"data.name" = "moons"
layers = "8:relu"
epochs = 5

[[steps]]
page = "model"
title = { en = "Tanh", ko = "탄젠트" }
text = { en = "Use tanh.", ko = "tanh를 쓰세요." }
config = { layers = "8:tanh" }
"""


def write_lesson(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.toml"
    path.write_text(text, encoding="utf-8")
    return path


def read(path: Path):
    return lessons.read_lesson(path, Settings())


# ------------------------------------------------------------------ loading
@pytest.mark.parametrize("lesson_id", BUILT_IN)
def test_every_built_in_lesson_loads_without_a_problem(lesson_id):
    """Lesson 6 names the Compare page, which another branch adds: it fails until that merge."""
    result = read(REPO_ROOT / "lessons" / f"{lesson_id}.toml")
    assert isinstance(result, Lesson), result.errors
    assert result.title["en"] and result.title["ko"] and result.about["ko"]


def test_the_course_lessons_are_all_there():
    assert [name.split("-", 1)[0] for name in BUILT_IN] == [f"0{n}" for n in range(1, 9)]


def test_a_good_file_reads_into_a_lesson(tmp_path):
    lesson = read(write_lesson(tmp_path, "01-moons", GOOD))
    assert isinstance(lesson, Lesson)
    assert (lesson.id, lesson.page, lesson.hide, lesson.lock) == (
        "01-moons",
        "train",
        ("momentum", "seed"),
        ("data.name",),
    )
    config = lesson.config(Settings())
    assert config.data.name == "moons" and config.epochs == 5 and config.layers[0].units == 8
    assert lesson.steps[0].params == {"layers": "8:tanh"}
    assert lesson.link_params()["hide"] == "momentum,seed"


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (("epochs = 5", "epochs = 100000"), "link.clamped"),
        (('layers = "8:relu"', 'layers = "8:relu"\nfoo = 1'), "unknown parameter"),
        (('hide = ["momentum", "seed"]', 'hide = ["momentum", "speed"]'), "speed"),
        (
            ('ko = "반달 두 개."', 'kr = "반달 두 개."'),
            "`about` must give a text in every language",
        ),
        (('page = "train"', 'page = "nowhere"'), "must name a page of the app"),
        (('page = "model"', 'page = "../app"'), "must name a page of the app"),
        (('"data.name" = "moons"', '"data.name" = "planets"'), "link.unknown_choice"),
        (("epochs = 5", "epochs = 5\n[expect]\nmetric = 1"), "`expect` must hold"),
        (('title = { en = "Moons"', 'titel = { en = "Moons"'), "Unknown key(s) titel"),
        (('config = { layers = "8:tanh" }', 'config = { epochs = "many" }'), "link.not_a_whole"),
    ],
)
def test_a_bad_file_is_reported_with_what_was_received(tmp_path, change, expected):
    old, new = change
    assert old in GOOD
    problem = read(write_lesson(tmp_path, "bad", GOOD.replace(old, new, 1)))
    assert isinstance(problem, LessonProblem)
    assert expected in "\n".join(problem.errors), problem.errors


def test_a_file_that_is_not_toml_or_too_big_is_reported(tmp_path):
    problem = read(write_lesson(tmp_path, "broken", 'title = { en = "unclosed'))
    assert isinstance(problem, LessonProblem) and "cannot be read as TOML" in problem.errors[0]
    big = read(write_lesson(tmp_path, "big", GOOD + "#" * lessons.MAX_LESSON_BYTES))
    assert isinstance(big, LessonProblem) and "at most" in big.errors[0]


def test_a_teachers_folder_adds_lessons_and_replaces_built_in_ones(tmp_path, monkeypatch):
    write_lesson(tmp_path, "00-my-lesson", GOOD)
    write_lesson(tmp_path, BUILT_IN[0], GOOD.replace("Moons", "Replaced"))
    write_lesson(tmp_path, "99-broken", "nonsense = ")
    monkeypatch.setenv(lessons.LESSONS_DIR_VARIABLE, str(tmp_path))
    found, problems = lessons.load_lessons(Settings())
    ids = [lesson.id for lesson in found]
    assert ids[0] == "00-my-lesson" and BUILT_IN[0] in ids
    assert next(lesson for lesson in found if lesson.id == BUILT_IN[0]).title["en"] == "Replaced"
    assert "99-broken" in [problem.id for problem in problems]


def test_an_offline_alternative_must_be_a_lesson(tmp_path):
    write_lesson(
        tmp_path,
        "01-a",
        GOOD.replace('page = "train"', 'page = "train"\noffline_alternative = "02-b"'),
    )
    found, problems = lessons.load_lessons(Settings(), folders=[tmp_path])
    assert found == [] and "offline_alternative" in problems[0].errors[0]
    write_lesson(tmp_path, "02-b", GOOD)
    found, problems = lessons.load_lessons(Settings(), folders=[tmp_path])
    assert [lesson.id for lesson in found] == ["01-a", "02-b"] and problems == []


def test_a_step_changes_only_what_it_names(tmp_path):
    lesson = read(write_lesson(tmp_path, "01-moons", GOOD))
    current = lesson.config(Settings())
    current.learning_rate = 0.05
    stepped = lessons.apply_step(current, lesson.steps[0], Settings())
    assert stepped.layers[0].activation == "tanh"
    assert stepped.learning_rate == 0.05 and stepped.epochs == 5


def test_the_imdb_lesson_says_which_files_are_missing(isolated_dirs):  # noqa: F811
    lesson = read(REPO_ROOT / "lessons" / "07-imdb-overfitting.toml")
    assert lessons.missing_files(lesson) == ["imdb.npz", "imdb_word_index.json"]
    assert lesson.offline_alternative == "02-breast-cancer"
    write_imdb(isolated_dirs)
    assert lessons.missing_files(lesson) == []


def test_the_mnist_lesson_is_the_course_setup():
    lesson = read(REPO_ROOT / "lessons" / "05-mnist-sigmoid.toml")
    config = lesson.config(Settings())
    assert (config.data.n_samples, config.data.scaling) == (0, "minmax")
    assert [(layer.units, layer.activation) for layer in config.layers] == [
        (16, "sigmoid"),
        (8, "sigmoid"),
    ]
    assert (config.optimizer, config.learning_rate, config.momentum) == ("sgd", 0.01, 0.0)
    assert (config.epochs, config.batch_size, config.validation_split) == (20, 32, 0.0)
    assert lesson.expect.course == 0.8215 and (lesson.expect.low, lesson.expect.high) == (0.85, 0.9)


# ------------------------------------------------------------ hide and lock
def test_a_link_hides_and_locks_known_controls_and_notes_the_rest():
    controls, notes = links.read_controls(
        {"hide": "momentum, seed,momentum,bogus", "lock": "data.name", "epochs": "3"}
    )
    assert controls == {"hide": ("momentum", "seed"), "lock": ("data.name",)}
    assert [(note.code, note.params["value"]) for note in notes] == [
        ("link.unknown_control", "'bogus'")
    ]
    controls, notes = links.read_controls({"hide": "x" * 500})
    assert controls["hide"] == () and notes[0].code == "link.too_long"


def test_controls_round_trip_through_a_link():
    params = links.controls_params(("momentum", "layers"), ("data.name",))
    assert params == {"hide": "momentum,layers", "lock": "data.name"}
    assert links.read_controls(params)[0] == {
        "hide": ("momentum", "layers"),
        "lock": ("data.name",),
    }
    assert links.controls_params((), ()) == {}


def test_every_control_name_is_a_config_field():
    assert set(links.CONTROL_NAMES) == set(ExperimentConfig().to_query_params())


# ------------------------------------------------------- end to end, small
def _small(config: ExperimentConfig) -> ExperimentConfig:
    """The same experiment on few rows and 2 epochs, for speed."""
    data = dataclasses.replace(
        config.data, n_samples=200 if config.data.name not in ("mnist", "imdb") else 0
    )
    return dataclasses.replace(config, data=data, epochs=min(config.epochs, 2))


def _runs(lesson: Lesson):
    """The lesson's own config, then each step's, applied in turn."""
    config = lesson.config(Settings())
    yield "start", config
    for index, step in enumerate(lesson.steps, start=2):
        config = lessons.apply_step(config, step, Settings())
        yield f"step {index}", config


@pytest.mark.parametrize("lesson_id", BUILT_IN)
def test_every_lesson_and_step_trains_end_to_end(lesson_id, isolated_dirs, tmp_path):  # noqa: F811
    write_mnist(isolated_dirs, n_train=60, n_test=20)
    write_imdb(isolated_dirs, n_train=24, n_test=12)
    lesson = read(REPO_ROOT / "lessons" / f"{lesson_id}.toml")
    assert isinstance(lesson, Lesson), lesson.errors
    trained = set()
    for name, config in _runs(lesson):
        if repr(config) in trained:  # a step that only opens a page trains nothing new
            continue
        trained.add(repr(config))
        outcome = train_in_process(_small(config), tmp_path / name.replace(" ", "-"), stream=False)[
            -1
        ]
        if lesson_id.startswith("04") and name == "start":
            # The classic mistake: the checks refuse it before Keras would fail on the shapes.
            assert (
                isinstance(outcome, RunFailed)
                and outcome.code == "check.categorical_on_integer_labels"
            )
        else:
            assert isinstance(outcome, RunFinished), (name, outcome)


def test_the_readme_example_is_a_valid_lesson(tmp_path):
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    example = readme.split("A complete example:\n\n```toml\n", 1)[1].split("```", 1)[0]
    lesson = read(write_lesson(tmp_path, "09-wine", example))
    assert isinstance(lesson, Lesson), lesson.errors
    assert lesson.config(Settings()).data.name == "wine" and lesson.expect.low == 0.9
