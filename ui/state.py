"""The session's experiment config: one object, kept across pages and in the URL."""

from __future__ import annotations

import streamlit as st

from playground import links
from playground.config import ExperimentConfig
from ui import controls
from ui.backend import settings
from ui.i18n import LANGUAGE_PARAM, lang, t

CONFIG_KEY = "config"
LINK_NOTES_KEY = "link_notes"
LINK_NOTES_PAGE_KEY = "link_notes_page"


def config() -> ExperimentConfig:
    """The session's config, created on first use from the URL when it holds one."""
    if CONFIG_KEY not in st.session_state:
        st.session_state[CONFIG_KEY] = _from_url()
    return st.session_state[CONFIG_KEY]


def _from_url() -> ExperimentConfig:
    """The link's experiment, bounded by the server's limits (see `playground.links`).

    Values that could not be used as written are kept as notes for
    `show_link_notes`; other query parameters (such as `lang`) are left alone.
    """
    params = st.query_params.to_dict()  # a key given twice: the last value
    found, notes = links.read_controls(params)
    controls.set_controls(found[links.HIDE_PARAM], found[links.LOCK_PARAM])
    config = ExperimentConfig()
    if links.is_experiment_link(params):
        config, config_notes = links.read_link(params, settings())
        notes = config_notes + notes
    if notes:
        st.session_state[LINK_NOTES_KEY] = notes
    return config


def replace_config(
    new: ExperimentConfig, hide: tuple[str, ...] = (), lock: tuple[str, ...] = ()
) -> None:
    """Makes `new` the session's config, with what it hides and locks; the widgets
    (the layer editor's keyed ones too) then show its values."""
    from ui.model_views import LAYERS_VERSION_KEY

    st.session_state[CONFIG_KEY] = new
    controls.set_controls(hide, lock)
    st.session_state[LAYERS_VERSION_KEY] = st.session_state.get(LAYERS_VERSION_KEY, 0) + 1


def reset() -> None:
    """Back to `ExperimentConfig()`, nothing hidden or locked, no lesson."""
    from ui.lesson_state import forget_lesson

    replace_config(ExperimentConfig())
    forget_lesson()


def link_params() -> dict[str, str]:
    """The whole experiment, what is hidden and locked, and the language: a link's query."""
    return {**config().to_query_params(), **controls.query_params(), LANGUAGE_PARAM: lang()}


def show_link_notes(page: str) -> None:
    """Says which of the link's values were changed or refused, and what is used instead.

    The notes stay on the page the link opened (switching the language
    reruns it) and are gone once the student opens another page.

    Args:
        page: the page being shown (`st.navigation(...).url_path`).
    """
    notes = st.session_state.get(LINK_NOTES_KEY)
    if not notes:
        return
    shown_on = st.session_state.setdefault(LINK_NOTES_PAGE_KEY, page)
    if shown_on != page:
        del st.session_state[LINK_NOTES_KEY], st.session_state[LINK_NOTES_PAGE_KEY]
        return
    lines = "\n".join(f"- {t(note.code, **note.params)}" for note in notes)
    st.warning(f"{t('link.heading')}\n\n{lines}", icon="🔗")


def sync_url() -> None:
    """Writes the config and the language into the URL, so that a link
    reproduces the experiment in its sender's language."""
    wanted = link_params()
    if st.query_params.to_dict() != wanted:
        st.query_params.from_dict(wanted)
