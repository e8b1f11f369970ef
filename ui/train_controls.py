"""The Train page's controls: Train and Stop, Pause/Step/Resume, the stop-or-queue choice,
and the fix after a blow-up."""

from __future__ import annotations

import streamlit as st

from playground import runs
from playground.config import ExperimentConfig
from playground.errors import PlaygroundError
from playground.runs import JobView
from ui import backend
from ui.class_notice import nickname_prompt, submissions_paused
from ui.i18n import show_error, t
from ui.lesson_state import current_lesson_id

CONFIRM_KEY = "confirm_second_run"
# The failed run the student has acted on (e.g. "Use learning rate 1"): the page
# then shows that it is ready to train again rather than the stale failure.
ACTED_ON_KEY = "acted_on_failed_run"
DIVERGED_CODES = ("train.diverged", "train.exploded")


def _start(config: ExperimentConfig) -> bool:
    """Submits the run; False (and says why) when the backend refused it."""
    st.session_state.pop(CONFIRM_KEY, None)
    try:
        backend.pool().submit(config, backend.session_owner(), lesson=current_lesson_id())
    except PlaygroundError as err:  # the teacher paused submissions a moment ago
        show_error(err)
        return False
    return True


def _stop_active() -> None:
    for active in backend.active_jobs():
        backend.pool().stop(active.id)


def _stop_and_start(config: ExperimentConfig) -> None:
    _stop_active()  # the new run starts as soon as the stopped one has ended
    _start(config)


def pausable_job(active: list[JobView]) -> JobView | None:
    """The job Pause, Step and Resume act on: the one training (or about to), else the next."""
    return next(
        (job for job in active if job.status in (runs.STARTING, runs.RUNNING)),
        active[0] if active else None,
    )


def pause_buttons(job: JobView | None) -> None:
    """Pause while a run trains; Resume and Step (one epoch) while it is paused."""
    pool = backend.pool()
    if job is not None and job.paused:
        st.button(
            t("train.resume"), icon="⏯️", key="resume_button", on_click=pool.resume, args=(job.id,)
        )
        st.button(
            t("train.step"),
            icon="⏭️",
            key="step_button",
            help=t("train.step_help"),
            on_click=pool.step,
            args=(job.id,),
        )
        return
    st.button(
        t("train.pause"),
        icon="⏸️",
        key="pause_button",
        help=t("train.pause_help"),
        disabled=job is None or job.pause_requested,
        on_click=pool.pause,
        args=(job.id if job else "",),
    )


def train_buttons(config: ExperimentConfig, blocked: bool) -> None:
    """Train, Stop and Pause/Step/Resume; Train during a run asks whether to stop it or queue
    the new one.

    In a class: the nickname prompt before a first run, and while the teacher
    has paused submissions, a disabled Train button that says why.
    """
    active = backend.active_jobs()
    paused = submissions_paused()
    blocked = blocked or paused
    nickname_prompt()
    with st.container(horizontal=True):  # buttons as wide as their labels; they wrap, never shrink
        train = st.button(
            t("train.start"),
            type="primary",
            icon="▶️",
            disabled=blocked,
            help=t("class.paused_help") if paused else None,
            key="train_button",
        )
        stop = st.button(t("train.stop"), icon="⏹️", disabled=not active, key="stop_button")
        pause_buttons(pausable_job(active))
    if train and active:
        st.session_state[CONFIRM_KEY] = True
    elif train:
        if _start(config):
            st.rerun()
    elif stop:
        _stop_active()
        st.rerun()
    if st.session_state.get(CONFIRM_KEY) and active and not blocked:
        with st.container(border=True):
            st.warning(t("train.already_active"), icon="⏳")
            with st.container(horizontal=True):
                st.button(
                    t("train.stop_and_start"),
                    key="stop_and_start",
                    on_click=_stop_and_start,
                    args=(config,),
                )
                st.button(
                    t("train.queue_after"), key="queue_after", on_click=_start, args=(config,)
                )
                st.button(
                    t("train.cancel"),
                    key="cancel_second_run",
                    on_click=lambda: st.session_state.pop(CONFIRM_KEY, None),
                )


def offer_smaller_learning_rate(job: JobView, config: ExperimentConfig) -> None:
    """After a run blew up: one click applies the suggested rate to the whole page."""
    code, params = job.error
    if code in DIVERGED_CODES and st.button(
        t("train.use_lr", lr=f"{params['suggestion']:g}"), key="use_smaller_lr"
    ):
        config.learning_rate = params["suggestion"]
        st.session_state[ACTED_ON_KEY] = job.id
        # The button lives in the live fragment: rerun the whole page, so the
        # caption, the link and the checks all show the new rate.
        st.rerun(scope="app")


def stale_failure_note(job: JobView, config: ExperimentConfig) -> bool:
    """For a failed run the student has since acted on (or whose settings they
    changed), says the page is ready to train again; True when it did."""
    acted = st.session_state.get(ACTED_ON_KEY) == job.id
    if job.status != runs.FAILED or not (acted or job.config != config):
        return False
    st.info(
        t("train.ready_with_lr", lr=f"{config.learning_rate:g}") if acted else t("train.ready"),
        icon="👉",
    )
    return True
