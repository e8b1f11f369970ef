"""Controls a lesson or a link hides or locks, the way TensorFlow Playground's `hideControls` does.

A control is named by its config field (`optimizer`, `learning_rate`,
`data.scaling`, `layers`, ... : `playground.links.CONTROL_NAMES`). A hidden
control is not drawn at all and its value stays as it is; a locked one is
drawn disabled, showing its value. Every widget of the Data and Model pages
goes through `widget`, so one place decides.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from playground import links

CONTROLS_KEY = "controls"


def controls() -> dict[str, tuple[str, ...]]:
    """{"hide": names, "lock": names} for this session: none until a lesson or a link
    (`ui.state.config` reads the URL's on a session's first run) sets them."""
    return st.session_state.get(CONTROLS_KEY, {})


def set_controls(hide: tuple[str, ...] = (), lock: tuple[str, ...] = ()) -> None:
    """Replaces what is hidden and locked (a lesson's Start, or Reset with none)."""
    st.session_state[CONTROLS_KEY] = {links.HIDE_PARAM: tuple(hide), links.LOCK_PARAM: tuple(lock)}


def hidden(name: str) -> bool:
    return name in controls().get(links.HIDE_PARAM, ())


def locked(name: str) -> bool:
    return name in controls().get(links.LOCK_PARAM, ())


def query_params() -> dict[str, str]:
    """What is hidden and locked, as the URL writes it (nothing when nothing is)."""
    found = controls()
    return links.controls_params(found.get(links.HIDE_PARAM, ()), found.get(links.LOCK_PARAM, ()))


def widget(name: str, current, make: Callable, *args, **kwargs):
    """Draws control `name` with `make(*args, **kwargs)`, unless it is hidden or locked.

    Args:
        name: the config field the control sets, e.g. "optimizer".
        current: the field's value now, returned as it is when the control is hidden.
        make: the Streamlit widget function (`st.selectbox`, `columns[0].slider`, ...).
        *args, **kwargs: what `make` takes; a locked control also gets `disabled=True`.

    Returns:
        The widget's value, or `current` when the control is hidden.
    """
    if hidden(name):
        return current
    if locked(name):
        kwargs["disabled"] = True
    return make(*args, **kwargs)
