"""The Teacher page (AppTest, in-process backend): the token, the class table, Stop on any
run, pausing submissions, the banner on other students' pages; and that no student page
reaches the teacher's backend methods."""

import ast

import pytest
from streamlit.testing.v1 import AppTest

from playground.classroom import Banner
from playground.config import DataConfig, ExperimentConfig, LayerConfig
from tests import fake_backend
from tests.conftest import REPO_ROOT
from tests.test_pages import texts

TOKEN = "class-token-2026"
MOONS = ExperimentConfig(
    data=DataConfig(name="moons", n_samples=200), epochs=3, layers=[LayerConfig(8, "relu")]
)
LOGS = {"loss": 0.5, "val_loss": 0.55, "accuracy": 0.8, "val_accuracy": 0.78}
TEACHER_METHODS = ("class_overview", "pause_submissions", "set_banner")


def start_backend(monkeypatch, token: str | None) -> None:
    from ui import backend

    monkeypatch.setenv("PLAYGROUND_BACKEND", "tests.fake_backend:FakeBackend")
    if token is None:
        monkeypatch.delenv("PLAYGROUND_TEACHER_TOKEN", raising=False)
    else:
        monkeypatch.setenv("PLAYGROUND_TEACHER_TOKEN", token)
    backend.settings.clear()
    backend.pool.clear()


@pytest.fixture
def classroom(monkeypatch):
    """A server with a teacher token and an in-process backend; yields that backend."""
    from ui import backend

    start_backend(monkeypatch, TOKEN)
    open_page(None)  # the backend is created by the first page run
    yield fake_backend.created[-1]
    backend.settings.clear()
    backend.pool.clear()


def open_page(page: str | None, lang: str = "en", config: ExperimentConfig = MOONS) -> AppTest:
    at = AppTest.from_file(str(REPO_ROOT / "app.py"), default_timeout=60)
    at.session_state["lang"] = lang
    at.session_state["config"] = config
    at.run()
    if page:
        at.switch_page(page).run()
    assert not at.exception, at.exception
    return at


def enter_token(at: AppTest, token: str) -> AppTest:
    at.text_input(key="teacher_token_input").input(token)
    at.button[0].click().run()  # the form's submit button
    assert not at.exception, at.exception
    return at


def class_view_shown(at: AppTest) -> bool:
    return bool(at.get("metric")) or bool(at.get("arrow_data_frame"))


def table_cells(at: AppTest) -> list:
    return [cell for frame in at.dataframe for cell in frame.value.to_numpy().ravel().tolist()]


def test_without_a_token_the_teacher_page_does_not_exist(monkeypatch):
    from ui import backend

    start_backend(monkeypatch, None)
    try:
        at = open_page(None)
        assert not any("Teacher" in str(link.proto.label) for link in at.get("page_link"))
        with pytest.raises(ValueError, match="Could not find a navigation page"):
            at.switch_page("pages/teacher.py")
        alone = AppTest.from_file(str(REPO_ROOT / "pages" / "teacher.py"), default_timeout=60)
        alone.session_state["_app_navigation_ran"] = True
        alone.run()  # the page script itself, reached without the navigation
        assert "no Teacher page" in texts(alone)
        assert not alone.text_input and not class_view_shown(alone)
    finally:
        backend.settings.clear()
        backend.pool.clear()


def test_with_a_token_set_but_not_entered_only_the_token_box_shows(classroom):
    classroom.submit(MOONS, owner="another browser")
    at = open_page("pages/teacher.py")
    assert [box.label for box in at.text_input] == ["Teacher token"]
    assert at.text_input[0].proto.type == at.text_input[0].proto.PASSWORD
    assert not class_view_shown(at) and not at.toggle


@pytest.mark.parametrize("wrong", ["", "class-token-202", "class-token-2026 ", "x" * 300])
def test_a_wrong_token_shows_nothing_of_the_class(classroom, wrong):
    classroom.submit(MOONS, owner="another browser")
    at = enter_token(open_page("pages/teacher.py"), wrong)
    assert "not the teacher token" in texts(at)
    assert not class_view_shown(at) and not at.toggle
    assert at.text_input(key="teacher_token_input").value == ""  # not kept in its box


def test_the_right_token_shows_every_students_runs(classroom, tmp_path):
    classroom.submit(MOONS, owner="ann", lesson="lesson-1")
    classroom.set_nickname("ann", "**Ann** <b>")
    job_id = classroom.start()
    classroom.epoch(job_id, LOGS)
    history = [{"epoch": 1, **LOGS}, {"epoch": 2, **{**LOGS, "val_accuracy": 0.82}}]
    classroom.epoch(job_id, {**LOGS, "val_accuracy": 0.82})
    classroom.finish(job_id, tmp_path / job_id, fake_backend.binary_result(MOONS, history, 0.9))
    classroom.submit(MOONS, owner="bob")
    at = enter_token(open_page("pages/teacher.py"), TOKEN)
    assert [metric.value for metric in at.metric][:3] == ["2", "0", "1"]
    cells = table_cells(at)
    assert "**Ann** <b>" in cells and "student 2" in cells  # the nickname as typed, literally
    assert "0.820" in cells and "0.900" in cells and "lesson-1" in cells
    assert "8 relu · adam 0.001 · batch 32" in cells
    assert r"**Lesson:** lesson\-1" in texts(at)  # escaped Markdown: shows "lesson-1"
    assert len(at.get("plotly_chart")) == 1
    at.run()  # the token is remembered in the session
    assert class_view_shown(at)


def test_the_korean_teacher_page(classroom):
    classroom.submit(MOONS, owner="ann")
    at = enter_token(open_page("pages/teacher.py", lang="ko"), TOKEN)
    assert "모든 학생의 실행" in texts(at)
    assert "학생 1" in table_cells(at) and "대기 중" in table_cells(at)


def test_the_teacher_stops_any_students_run(classroom):
    classroom.submit(MOONS, owner="ann")
    running = classroom.start()
    queued = classroom.submit(MOONS, owner="bob")
    at = enter_token(open_page("pages/teacher.py"), TOKEN)
    at.selectbox(key="teacher_stop_run").select(queued).run()
    at.button(key="teacher_stop_button").click().run()
    assert classroom.snapshot(queued).status == "stopped"
    at.selectbox(key="teacher_stop_run").select(running).run()
    at.button(key="teacher_stop_button").click().run()
    assert classroom.snapshot(running).status == "stopped"
    assert not at.exception, at.exception


def test_pausing_submissions_disables_train_with_a_message_and_keeps_the_queue(classroom):
    student = open_page("pages/train.py")
    queued = classroom.submit(MOONS, owner="someone")
    at = enter_token(open_page("pages/teacher.py"), TOKEN)
    at.toggle(key="teacher_pause").set_value(True).run()
    assert classroom.class_notice().paused
    student.run()
    assert "paused new runs" in texts(student)
    train = student.button(key="train_button")
    assert train.disabled and "Paused by your teacher" in train.help
    assert classroom.snapshot(queued).status == "queued"
    at.toggle(key="teacher_pause").set_value(False).run()
    student.run()
    assert not student.button(key="train_button").disabled


def test_a_submission_racing_the_pause_is_refused_with_the_message(classroom):
    student = open_page("pages/train.py")
    classroom.pause_submissions(True)  # after the student's page was drawn
    student.button(key="train_button").click().run()
    assert not student.exception, student.exception
    assert "paused new runs" in texts(student)
    assert classroom.board.class_runs() == []


def test_a_pushed_banner_shows_on_another_students_pages_until_cleared(classroom):
    student = open_page("pages/data.py")
    at = enter_token(open_page("pages/teacher.py"), TOKEN)
    at.text_input(key="teacher_banner_text").input("Now try **SGD** <img src=x>")
    at.text_input(key="teacher_banner_link").input("/model?optimizer=sgd&epochs=20")
    at.button(key="FormSubmitter:teacher_banner_form-Show to every student").click().run()
    assert classroom.class_notice().banner == Banner(
        "Now try **SGD** <img src=x>", "model?optimizer=sgd&epochs=20"
    )
    for page in ("pages/data.py", "pages/train.py", None):
        shown = student.switch_page(page).run() if page else open_page(None)
        banner = next(info.value for info in shown.info if "SGD" in info.value)
        assert r"\*\*SGD\*\* &lt;img src\=x&gt;" in banner  # literal: never bold nor an image
        assert banner.endswith("[Open the lesson](model?optimizer=sgd&epochs=20)")
    at.button(key="teacher_banner_clear").click().run()
    student.run()
    assert not any("SGD" in info.value for info in student.info)


def test_a_banner_link_out_of_the_app_is_refused(classroom):
    at = enter_token(open_page("pages/teacher.py"), TOKEN)
    at.text_input(key="teacher_banner_text").input("Click")
    at.text_input(key="teacher_banner_link").input("https://evil.example/train")
    at.button(key="FormSubmitter:teacher_banner_form-Show to every student").click().run()
    assert "must be a page of this app" in texts(at)
    assert classroom.class_notice().banner is None


def test_a_student_names_themselves_before_their_first_run(classroom):
    student = open_page("pages/train.py")
    prompt = student.text_input(key="class_nickname")
    assert prompt.placeholder == "student 1"
    prompt.input("Mina").run()
    student.button(key="train_button").click().run()
    owner = student.session_state["_browser_id"]
    assert classroom.student(owner).nickname == "Mina"
    assert not student.text_input  # asked once, before the first run


def test_no_nickname_prompt_outside_a_class(monkeypatch):
    from ui import backend

    start_backend(monkeypatch, None)
    try:
        assert not open_page("pages/train.py").text_input
    finally:
        backend.settings.clear()
        backend.pool.clear()


def called_methods(path) -> set[str]:
    return {
        node.func.attr
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
    }


@pytest.mark.parametrize(
    "path",
    [
        REPO_ROOT / "app.py",
        *sorted((REPO_ROOT / "pages").glob("*.py")),
        *sorted((REPO_ROOT / "ui").glob("*.py")),
    ],
    ids=lambda path: path.name,
)
def test_only_the_teacher_views_call_the_teachers_backend_methods(path):
    reached = called_methods(path) & set(TEACHER_METHODS)
    if path.name == "teacher_views.py":
        assert reached == set(TEACHER_METHODS)
    else:
        assert not reached, f"{path.name} calls {sorted(reached)}"


def test_the_teachers_methods_refuse_a_session_without_the_token(classroom):
    from streamlit.testing.v1 import AppTest as Script

    def script():
        import streamlit as st

        from ui.teacher_views import _console

        try:
            _console().pause_submissions(True)
        except PermissionError:
            st.write("refused")

    at = Script.from_function(script).run()
    assert [m.value for m in at.markdown] == ["refused"]
    assert not classroom.class_notice().paused
