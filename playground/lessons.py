"""The course's lessons: one TOML file each, read and checked like a link.

A lesson is data, not code. A teacher adds one by dropping a `.toml` file
into the repository's `lessons/` folder, or into the folder named by
`PLAYGROUND_LESSONS_DIR` (searched too; a file there replaces a built-in
lesson with the same name). The file's name, without `.toml`, is the
lesson's id, and lessons are listed in the order of their ids
("01-hidden-layers", "02-breast-cancer", ...). The README documents the
format by example; in short:

```toml
page = "model"                 # the page Start opens
hide = ["momentum", "seed"]    # controls not shown (config field names)
lock = ["data.name"]           # controls shown but not changeable

[title]                        # every text in both languages
en = "Hidden layers are feature engineering"
ko = "은닉층은 특성 공학이다"

[config]                       # the experiment, as link parameters
"data.name" = "circles"
layers = ""

[[steps]]                      # "now change X and train again"
page = "train"
title = { en = "...", ko = "..." }
text = { en = "...", ko = "..." }
config = { layers = "4:tanh" }  # applied to the student's current config
```

Every config goes through `playground.links.read_link`, exactly as a link
does: a value the server would clamp or refuse, an unknown parameter, an
unknown control name or page makes the lesson a `LessonProblem`, shown to
the teacher instead of the lesson; a bad file never breaks the page.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from playground import links
from playground.config import ExperimentConfig
from playground.i18n import LANGUAGES
from playground.settings import Settings

REPO_ROOT = Path(__file__).resolve().parent.parent
BUILT_IN_DIR = REPO_ROOT / "lessons"
PAGES_DIR = REPO_ROOT / "pages"
LESSONS_DIR_VARIABLE = "PLAYGROUND_LESSONS_DIR"
# A lesson file is a page of text: anything bigger is not one. Bounds the folder too.
MAX_LESSON_BYTES = 64 * 1024
MAX_LESSONS = 100
MAX_STEPS = 10
# The data files a dataset's lesson needs on the server (see playground.datasets.files).
DATA_FILES = {"mnist": ("mnist.npz",), "imdb": ("imdb.npz", "imdb_word_index.json")}
_TEXTS = ("title", "about", "try", "notice")
_LESSON_KEYS = {*_TEXTS, "page", "hide", "lock", "config", "steps", "expect", "offline_alternative"}
_STEP_KEYS = {"title", "text", "page", "config"}


@dataclass(frozen=True)
class Expectation:
    """What a lesson promises, for `bench/lessons.py`.

    Attributes:
        metric: the test metric, as Keras names it ("accuracy", "mae", ...).
        low, high: the range the lesson promises on the full data.
        course: the course notes' own figure, or None when they give none.
        step: the figure is reached after steps 1..`step` (0: the lesson's own config).
    """

    metric: str
    low: float
    high: float
    course: float | None = None
    step: int = 0


@dataclass(frozen=True)
class Step:
    """One "now change X and train again" of a lesson.

    Attributes:
        title, text: {"en": ..., "ko": ...}.
        page: the page the step opens.
        params: the link parameters it changes in the current config.
    """

    title: dict[str, str]
    text: dict[str, str]
    page: str
    params: dict[str, str]


@dataclass(frozen=True)
class Lesson:
    """One lesson, read and checked.

    Attributes:
        id: the file's name without ".toml", e.g. "05-mnist-sigmoid".
        title, about, try_, notice: {"en": ..., "ko": ...}; `try_` and
            `notice` may be empty.
        page: the page Start opens.
        params: the experiment as link parameters.
        hide, lock: control names (`links.CONTROL_NAMES`).
        steps: what to change next, in order.
        expect: the figure it promises, or None.
        offline_alternative: the id of the lesson to offer when this one's
            data files are not on the server.
        path: the file it came from.
    """

    id: str
    title: dict[str, str]
    about: dict[str, str]
    try_: dict[str, str]
    notice: dict[str, str]
    page: str
    params: dict[str, str]
    hide: tuple[str, ...] = ()
    lock: tuple[str, ...] = ()
    steps: tuple[Step, ...] = ()
    expect: Expectation | None = None
    offline_alternative: str = ""
    path: str = ""

    @property
    def dataset(self) -> str:
        return self.params.get("data.name", "")

    def config(self, settings: Settings) -> ExperimentConfig:
        """The lesson's experiment within `settings` (checked when the lesson was read)."""
        return links.read_link(self.params, settings)[0]

    def link_params(self) -> dict[str, str]:
        """The lesson as a link: its experiment, and what it hides and locks."""
        return {**self.params, **links.controls_params(self.hide, self.lock)}


@dataclass(frozen=True)
class LessonProblem:
    """Why a lesson file cannot be used.

    Attributes:
        id: the file's name without ".toml".
        path: the file.
        errors: what is wrong, each saying what was received and what to do.
    """

    id: str
    path: str
    errors: tuple[str, ...]


def lesson_folders() -> list[Path]:
    """The built-in lessons folder, then `PLAYGROUND_LESSONS_DIR` when it is set."""
    folders = [BUILT_IN_DIR]
    extra = os.environ.get(LESSONS_DIR_VARIABLE, "").strip()
    if extra:
        folders.append(Path(extra).expanduser())
    return folders


def lesson_files(folders: list[Path] | None = None) -> dict[str, Path]:
    """Each lesson id's file; a later folder's file replaces an earlier one's of the same id.

    At most `MAX_LESSONS` files, in id order.
    """
    found: dict[str, Path] = {}
    for folder in lesson_folders() if folders is None else folders:
        if folder.is_dir():
            for path in sorted(folder.glob("*.toml"))[:MAX_LESSONS]:
                found[path.stem] = path
    return dict(sorted(found.items())[:MAX_LESSONS])


def load_lessons(
    settings: Settings, folders: list[Path] | None = None, pages_dir: Path = PAGES_DIR
) -> tuple[list[Lesson], list[LessonProblem]]:
    """Every lesson of the lesson folders, and a problem for each file that cannot be used.

    Args:
        settings: the server's limits; a lesson must fit in them as written.
        folders: where to look (default: `lesson_folders()`).
        pages_dir: the app's pages; every page a lesson names must be a file there.

    Returns:
        (lessons, problems), both in id order. Never raises for a bad file.
    """
    lessons, problems = [], []
    for path in lesson_files(folders).values():
        result = read_lesson(path, settings, pages_dir)
        (lessons if isinstance(result, Lesson) else problems).append(result)
    known = {lesson.id for lesson in lessons}
    for lesson in list(lessons):
        if lesson.offline_alternative and lesson.offline_alternative not in known:
            lessons.remove(lesson)
            problems.append(
                LessonProblem(
                    lesson.id,
                    lesson.path,
                    (
                        "`offline_alternative` must be the id of another lesson. Received: "
                        f"offline_alternative={lesson.offline_alternative!r}",
                    ),
                )
            )
    return lessons, sorted(problems, key=lambda problem: problem.id)


def read_lesson(path: Path, settings: Settings, pages_dir: Path = PAGES_DIR):
    """One lesson file, as a `Lesson`, or a `LessonProblem` saying everything wrong with it."""
    try:
        size = path.stat().st_size
        if size > MAX_LESSON_BYTES:
            return LessonProblem(
                path.stem,
                str(path),
                (
                    f"A lesson file must be at most {MAX_LESSON_BYTES} bytes. Received: {size} bytes",
                ),
            )
        values = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as err:
        return LessonProblem(path.stem, str(path), (f"The file cannot be read as TOML: {err}",))
    checker = _Checker(settings, pages_dir)
    lesson = checker.lesson(path, values)
    if checker.errors:
        return LessonProblem(path.stem, str(path), tuple(checker.errors))
    return lesson


def apply_step(config: ExperimentConfig, step: Step, settings: Settings) -> ExperimentConfig:
    """The student's current config with one step's changes, read as a link."""
    return links.read_link({**config.to_query_params(), **step.params}, settings)[0]


def expected_config(lesson: Lesson, settings: Settings) -> ExperimentConfig:
    """The config whose figure the lesson promises: its own, with steps 1..`expect.step` applied."""
    config = lesson.config(settings)
    for step in lesson.steps[: lesson.expect.step if lesson.expect else 0]:
        config = apply_step(config, step, settings)
    return config


def missing_files(lesson: Lesson) -> list[str]:
    """The data files the lesson's dataset needs that are on neither the data folder nor the
    Keras cache (the server may still download them, when it is online)."""
    from playground.datasets import find_data_file

    return [name for name in DATA_FILES.get(lesson.dataset, ()) if find_data_file(name) is None]


def _as_param(value) -> str:
    if isinstance(value, bool):
        return "1" if value else "0"
    return str(value)


class _Checker:
    """Reads one lesson's values, collecting every error instead of stopping at the first."""

    def __init__(self, settings: Settings, pages_dir: Path):
        self.settings = settings
        self.pages_dir = pages_dir
        self.errors: list[str] = []
        self.lesson_params: dict[str, str] = {}

    def lesson(self, path: Path, values: dict) -> Lesson | None:
        self._unknown(values, _LESSON_KEYS, "")
        texts = {
            name: self.text(values, name, required=name in ("title", "about")) for name in _TEXTS
        }
        params = self.params(values.get("config", {}), "config")
        self.lesson_params = params
        hide, lock = self.names(values, "hide"), self.names(values, "lock")
        raw_steps = values.get("steps", [])
        if not isinstance(raw_steps, list) or len(raw_steps) > MAX_STEPS:
            self.errors.append(
                f"`steps` must be a list of at most {MAX_STEPS} [[steps]] tables. "
                f"Received: {type(raw_steps).__name__} of {len(raw_steps)}"
            )
            raw_steps = []
        steps = tuple(self.step(index, step) for index, step in enumerate(raw_steps, start=1))
        alternative = values.get("offline_alternative", "")
        if not isinstance(alternative, str):
            self.errors.append(
                f"`offline_alternative` must be a lesson id. Received: {alternative!r}"
            )
        return Lesson(
            id=path.stem,
            title=texts["title"],
            about=texts["about"],
            try_=texts["try"],
            notice=texts["notice"],
            page=self.page(values.get("page", "model"), "page"),
            params=params,
            hide=hide,
            lock=lock,
            steps=steps,
            expect=self.expectation(values.get("expect"), len(steps)),
            offline_alternative=alternative if isinstance(alternative, str) else "",
            path=str(path),
        )

    def step(self, index: int, values) -> Step | None:
        where = f"steps[{index}]"
        if not isinstance(values, dict):
            self.errors.append(f"`{where}` must be a table. Received: {values!r}")
            return None
        self._unknown(values, _STEP_KEYS, f"{where}.")
        return Step(
            title=self.text(values, "title", required=True, where=f"{where}."),
            text=self.text(values, "text", required=True, where=f"{where}."),
            page=self.page(values.get("page", "model"), f"{where}.page"),
            params=self.params(values.get("config", {}), f"{where}.config", self.lesson_params),
        )

    def text(self, values: Mapping, name: str, required: bool, where: str = "") -> dict[str, str]:
        text = values.get(name)
        if text is None and not required:
            return {}
        if not (
            isinstance(text, dict)
            and set(LANGUAGES) <= set(text)
            and all(isinstance(text[code], str) and text[code].strip() for code in LANGUAGES)
        ):
            self.errors.append(
                f"`{where}{name}` must give a text in every language ({', '.join(LANGUAGES)}), "
                f'e.g. {name} = {{ en = "...", ko = "..." }}. Received: {name}={text!r}'
            )
            return {}
        return {code: text[code] for code in LANGUAGES}

    def params(self, values, where: str, base: Mapping[str, str] | None = None) -> dict[str, str]:
        """`values` as link parameters; `base`, a step's lesson, is what they change."""
        if not isinstance(values, dict):
            self.errors.append(
                f"`{where}` must be a table of link parameters. Received: {values!r}"
            )
            return {}
        params = {key: _as_param(value) for key, value in values.items()}
        unknown = sorted(set(params) - set(links.EXPERIMENT_KEYS))
        if unknown:
            self.errors.append(
                f"`{where}` may only set the experiment's link parameters. Received unknown "
                f"parameter(s): {', '.join(unknown)}"
            )
        known = {key: value for key, value in params.items() if key in links.EXPERIMENT_KEYS}
        _, notes = links.read_link({**(base or {}), **known}, self.settings)
        for note in notes:
            self.errors.append(
                f"`{where}` cannot be used as written on this server: {note.code} {note.params}"
            )
        return known

    def names(self, values: Mapping, name: str) -> tuple[str, ...]:
        names = values.get(name, [])
        if not (isinstance(names, list) and all(isinstance(item, str) for item in names)):
            self.errors.append(f"`{name}` must be a list of control names. Received: {names!r}")
            return ()
        unknown = [item for item in names if item not in links.CONTROL_NAMES]
        if unknown:
            self.errors.append(
                f"`{name}` must name the config's fields ({', '.join(links.CONTROL_NAMES)}). "
                f"Received: {', '.join(unknown)}"
            )
        return tuple(item for item in names if item in links.CONTROL_NAMES)

    def page(self, name, where: str) -> str:
        if not (
            isinstance(name, str)
            and name.isidentifier()
            and (self.pages_dir / f"{name}.py").is_file()
        ):
            pages = sorted(path.stem for path in self.pages_dir.glob("*.py"))
            self.errors.append(
                f"`{where}` must name a page of the app ({', '.join(pages)}). Received: {where}={name!r}"
            )
        return name if isinstance(name, str) else "model"

    def expectation(self, values, steps: int) -> Expectation | None:
        if values is None:
            return None
        try:
            expect = Expectation(
                metric=str(values["metric"]),
                low=float(values["low"]),
                high=float(values["high"]),
                course=float(values["course"]) if "course" in values else None,
                step=int(values.get("step", 0)),
            )
        except (KeyError, TypeError, ValueError, AttributeError):
            self.errors.append(
                "`expect` must hold metric, low and high (course and step optional), e.g. "
                '{ metric = "accuracy", course = 0.82, low = 0.85, high = 0.90, step = 0 }. '
                f"Received: {values!r}"
            )
            return None
        if not expect.low <= expect.high:
            self.errors.append(f"`expect.low` must not exceed `expect.high`. Received: {values!r}")
        if not 0 <= expect.step <= steps:
            self.errors.append(
                f"`expect.step` must be 0 or the number of one of the lesson's steps. "
                f"Received: step={expect.step}"
            )
        return expect

    def _unknown(self, values: Mapping, allowed: set[str], where: str) -> None:
        unknown = sorted(set(values) - allowed)
        if unknown:
            self.errors.append(
                f"Unknown key(s) {', '.join(where + key for key in unknown)}: "
                f"a lesson may hold {', '.join(sorted(allowed))}"
            )
