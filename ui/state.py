"""The session's experiment config: one object, kept across pages and in the URL."""

from __future__ import annotations

import streamlit as st

from playground.config import ExperimentConfig
from ui.i18n import LANGUAGE_PARAM, lang

CONFIG_KEY = "config"
URL_ERROR_KEY = "url_config_error"


def config() -> ExperimentConfig:
    """The session's config, created on first use from the URL when it holds one."""
    if CONFIG_KEY not in st.session_state:
        st.session_state[CONFIG_KEY] = _from_url()
    return st.session_state[CONFIG_KEY]


def _from_url() -> ExperimentConfig:
    params = st.query_params.to_dict()
    if "data.name" not in params:
        return ExperimentConfig()
    try:
        return ExperimentConfig.from_query_params(params)
    except ValueError as err:
        st.session_state[URL_ERROR_KEY] = str(err)
        return ExperimentConfig()


def pop_url_error() -> str | None:
    """Why the link's settings could not be used, once, if they could not."""
    return st.session_state.pop(URL_ERROR_KEY, None)


def sync_url() -> None:
    """Writes the config and the language into the URL, so that a link
    reproduces the experiment in its sender's language."""
    wanted = {**config().to_query_params(), LANGUAGE_PARAM: lang()}
    if st.query_params.to_dict() != wanted:
        st.query_params.from_dict(wanted)
