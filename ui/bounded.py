"""Number widgets that cannot be handed a value outside their range."""

from __future__ import annotations

import streamlit as st

from playground.limits import Range
from ui.i18n import t


def in_range(name: str, value, allowed: Range):
    """`value` when `allowed` holds it, else the nearest allowed value, with a caption.

    A number input or a slider raises on a value outside its min and max;
    the session's config may hold one (a link read under other limits, a
    config set by code). The caption says what was there and what is used.

    Args:
        name: the config field, as the caption quotes it.
        value: the config's value.
        allowed: the widget's range (`playground.limits`).

    Returns:
        A value inside `allowed`, of the range's type.
    """
    if value in allowed:
        return type(allowed.low)(value)
    used = allowed.clamp(value)
    st.caption(
        t(
            "limits.widget_clamped",
            name=name,
            value=value,
            low=allowed.low,
            high=allowed.high,
            used=used,
        )
    )
    return used
