"""The Teacher page's views: the token box, the class's controls, and the live class view.

Every call to the teacher's backend methods (`class_overview`,
`pause_submissions`, `set_banner`, and `stop` on any student's run) goes
through `_console()`, which refuses a session that has not entered the
token; tests/test_teacher_page.py checks that no other page or view
names those methods.
"""

from __future__ import annotations

import hmac
import time

import pandas as pd
import streamlit as st

from playground.backend import TrainingBackend
from playground.class_chart import class_runs_figure
from playground.classroom import (
    MAX_BANNER_LINK_CHARS,
    MAX_BANNER_TEXT_CHARS,
    PLOT_AXES,
    ClassOverview,
    RunRow,
    leaderboard,
    read_banner,
)
from playground.errors import PlaygroundError
from playground.settings import MAX_TEACHER_TOKEN_CHARS
from ui import backend
from ui.class_notice import class_mode, student_name
from ui.i18n import lang, show_error, t
from ui.run_status import wait_text

TEACHER_REFRESH_SECONDS = 3.0
# The chart and leaderboard of 2,000 runs take a few hundred milliseconds to build:
# they are redrawn less often than the table (see bench/teacher_refresh.py).
RESULTS_REFRESH_SECONDS = 15.0
MAX_TABLE_ROWS = 300  # the class table's newest runs; the chart and leaderboard use them all
_VERIFIED_KEY = "_teacher_verified"
_TOKEN_KEY = "teacher_token_input"
_WRONG_TOKEN_KEY = "_teacher_token_wrong"
BANNER_TEXT_KEY = "teacher_banner_text"
BANNER_LINK_KEY = "teacher_banner_link"


# ------------------------------------------------------------------ the token
def token_matches(entered: str, token: str) -> bool:
    """Whether `entered` is the teacher token, compared in constant time.

    An empty token (no class) and an entry longer than the longest token
    allowed never match.
    """
    if not token or len(entered) > MAX_TEACHER_TOKEN_CHARS:
        return False
    return hmac.compare_digest(entered.encode("utf-8"), token.encode("utf-8"))


def teacher_verified() -> bool:
    """Whether this session has entered the teacher token (remembered in the session only)."""
    return class_mode() and st.session_state.get(_VERIFIED_KEY) is True


def _check_token() -> None:
    entered = str(st.session_state.get(_TOKEN_KEY, ""))
    st.session_state[_TOKEN_KEY] = ""  # the token is not kept, not even in its box
    matched = token_matches(entered, backend.settings().teacher_token)
    st.session_state[_VERIFIED_KEY] = matched
    st.session_state[_WRONG_TOKEN_KEY] = not matched


def token_box() -> None:
    """The only thing a session without the token sees of the Teacher page."""
    st.info(t("teacher.token_intro"), icon="🔑")
    with st.form("teacher_token_form"):
        st.text_input(
            t("teacher.token"), type="password", max_chars=MAX_TEACHER_TOKEN_CHARS, key=_TOKEN_KEY
        )
        st.form_submit_button(t("teacher.open"), on_click=_check_token)
    if st.session_state.pop(_WRONG_TOKEN_KEY, False):
        st.error(t("teacher.token_wrong"), icon="🚫")


def _console() -> TrainingBackend:
    """The backend, for the teacher's methods: only for a session that entered the token."""
    if not teacher_verified():
        raise PermissionError("The Teacher page's actions need the teacher token.")
    return backend.pool()


# ------------------------------------------------------------------ controls
def _set_paused() -> None:
    _console().pause_submissions(bool(st.session_state.get("teacher_pause")))


def _push_banner(pages: tuple[str, ...]) -> None:
    try:
        banner = read_banner(
            st.session_state.get(BANNER_TEXT_KEY, ""),
            st.session_state.get(BANNER_LINK_KEY, ""),
            pages,
        )
    except PlaygroundError as err:
        st.session_state["_teacher_banner_error"] = err
        return
    _console().set_banner(banner)


def _clear_banner() -> None:
    _console().set_banner(None)


def class_controls(pages: tuple[str, ...]) -> None:
    """Pause new runs for everyone, and push (or clear) a lesson link on every page.

    Args:
        pages: the page names a banner's link may lead to.
    """
    notice = _console().class_notice()
    st.toggle(
        t("teacher.pause"),
        value=notice.paused,
        key="teacher_pause",
        on_change=_set_paused,
        help=t("teacher.pause_help"),
    )
    with (
        st.expander(t("teacher.banner_heading"), icon="📣"),
        st.form("teacher_banner_form", border=False),
    ):
        st.text_input(
            t("teacher.banner_text"), max_chars=MAX_BANNER_TEXT_CHARS, key=BANNER_TEXT_KEY
        )
        st.text_input(
            t("teacher.banner_link"),
            max_chars=MAX_BANNER_LINK_CHARS,
            placeholder="model?epochs=20&optimizer=sgd",
            help=t("teacher.banner_link_help", pages=", ".join(pages)),
            key=BANNER_LINK_KEY,
        )
        st.form_submit_button(t("teacher.banner_push"), on_click=_push_banner, args=(pages,))
    error = st.session_state.pop("_teacher_banner_error", None)
    if error is not None:
        show_error(error)
    if notice.banner is not None:
        with st.container(horizontal=True, vertical_alignment="center"):
            st.caption(t("teacher.banner_shown", text=notice.banner.text, link=notice.banner.link))
            st.button(t("teacher.banner_clear"), key="teacher_banner_clear", on_click=_clear_banner)


# ------------------------------------------------------------------ the class, live
def _accuracy(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def _status(row: RunRow) -> str:
    return t(f"teacher.status.{row.status}")


def _runs_table(rows: list[RunRow]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            t("teacher.col.student"): [student_name(row.student) for row in rows],
            t("teacher.col.status"): [_status(row) for row in rows],
            t("teacher.col.dataset"): [t(f"data.name.{row.dataset}") for row in rows],
            t("teacher.col.config"): [row.config_line for row in rows],
            t("teacher.col.epoch"): [f"{row.epochs_done}/{row.epochs}" for row in rows],
            t("teacher.col.best_val"): [_accuracy(row.best_val_accuracy) for row in rows],
            t("teacher.col.test"): [_accuracy(row.test_accuracy) for row in rows],
            t("teacher.col.lesson"): [row.lesson or "—" for row in rows],
        }
    )


def _metrics(overview: ClassOverview) -> None:
    busy = sum(bool(trainer.job_id) for trainer in overview.trainers)
    memory = overview.memory_bytes
    with st.container(horizontal=True):
        st.metric(t("teacher.students"), len({row.student.number for row in overview.runs}))
        st.metric(t("teacher.training"), sum(row.status == "running" for row in overview.runs))
        st.metric(t("teacher.queued"), len(overview.queue))
        st.metric(t("teacher.trainers_busy"), f"{busy}/{len(overview.trainers)}")
        st.metric(t("teacher.memory"), "—" if memory is None else f"{memory / 2**20:,.0f} MB")


def _stop_chosen() -> None:
    chosen = st.session_state.get("teacher_stop_run")
    if chosen:
        _console().stop(chosen)


def _stop_any_run(overview: ClassOverview) -> None:
    active = [row for row in overview.runs if row.active]
    if not active:
        return
    labels = {
        row.job_id: f"{student_name(row.student)} · {_status(row)} · {row.config_line}"
        for row in active
    }
    with st.container(horizontal=True, vertical_alignment="bottom"):
        st.selectbox(
            t("teacher.stop_which"), list(labels), format_func=labels.get, key="teacher_stop_run"
        )
        st.button(t("teacher.stop"), icon="⏹️", key="teacher_stop_button", on_click=_stop_chosen)


def _queue(overview: ClassOverview) -> None:
    if not overview.queue:
        st.caption(t("teacher.queue_empty"))
        return
    st.dataframe(
        pd.DataFrame(
            {
                "#": [queued.row.queue_position for queued in overview.queue],
                t("teacher.col.student"): [student_name(q.row.student) for q in overview.queue],
                t("teacher.col.dataset"): [t(f"data.name.{q.row.dataset}") for q in overview.queue],
                t("teacher.col.waited"): [wait_text(q.waited_s) for q in overview.queue],
                t("teacher.col.wait_left"): [
                    "—" if q.estimated_wait_s is None else wait_text(q.estimated_wait_s)
                    for q in overview.queue
                ],
            }
        ),
        hide_index=True,
    )


def _leaderboard(overview: ClassOverview) -> None:
    boards = leaderboard(overview.runs)
    if not boards:
        st.caption(t("teacher.no_scores"))
        return
    for lesson, rows in boards.items():
        st.markdown(t("teacher.lesson", lesson=lesson) if lesson else t("teacher.no_lesson"))
        st.dataframe(
            pd.DataFrame(
                {
                    t("teacher.col.student"): [student_name(row.student) for row in rows],
                    t("teacher.col.test"): [_accuracy(row.best_test_accuracy) for row in rows],
                    t("teacher.col.runs"): [row.runs for row in rows],
                }
            ),
            hide_index=True,
        )


def live_class_view() -> None:
    """The whole class as it is now: the runs, the queue, the trainers; redrawn every few seconds."""
    started = time.perf_counter()
    overview = _console().class_overview()
    _metrics(overview)
    _stop_any_run(overview)
    st.subheader(t("teacher.runs"))
    shown = overview.runs[:MAX_TABLE_ROWS]
    if shown:
        st.dataframe(_runs_table(shown), hide_index=True)
        if len(overview.runs) > len(shown):
            st.caption(t("teacher.table_cut", shown=len(shown), total=len(overview.runs)))
    else:
        st.caption(t("teacher.no_runs"))
    st.subheader(t("teacher.queue"))
    _queue(overview)
    st.caption(t("teacher.refreshed", ms=round(1000 * (time.perf_counter() - started))))


def class_results_view() -> None:
    """Which settings worked, and each lesson's leaderboard; redrawn every quarter minute."""
    overview = _console().class_overview()
    st.subheader(t("teacher.chart"))
    axis = st.segmented_control(
        t("teacher.axis"),
        PLOT_AXES,
        default=PLOT_AXES[0],
        format_func=lambda name: t(f"teacher.axis.{name}"),
        key="teacher_axis",
    )
    st.plotly_chart(
        class_runs_figure(
            overview.runs, axis or PLOT_AXES[0], lambda row: student_name(row.student), lang()
        ),
        key="teacher_chart",
    )
    st.subheader(t("teacher.leaderboard"))
    _leaderboard(overview)
