"""The weight penalty's share of the loss Keras reports, for the Train page."""

from __future__ import annotations

import math

import streamlit as st

from ui.i18n import t


def penalty_share(logs: dict) -> float | None:
    """The penalty as a percentage of the epoch's loss, or None when there is none to show.

    Keras's training `loss` is the data loss plus `sum(model.losses)`, the
    weight penalties; the trainer logs the latter as "penalty" at each
    epoch's end (with that epoch's final weights, while "loss" averages the
    epoch's batches, so the share is close, not exact).
    """
    penalty, loss = logs.get("penalty"), logs.get("loss")
    if not all(isinstance(value, (int, float)) for value in (penalty, loss)):
        return None
    if not (math.isfinite(penalty) and math.isfinite(loss)) or loss <= 0:
        return None
    return 100.0 * penalty / loss


def penalty_note(history: list[dict]) -> None:
    """ "the loss 0.31 includes a weight penalty of 0.05 (16 % of the loss)" for the last epoch."""
    if not history:
        return
    logs = history[-1]
    share = penalty_share(logs)
    if share is None:
        return
    st.caption(
        t(
            "train.penalty_share",
            epoch=logs.get("epoch", len(history)),
            loss=f"{logs['loss']:.4g}",
            penalty=f"{logs['penalty']:.4g}",
            share=f"{share:.1f}",
            data_loss=f"{logs['loss'] - logs['penalty']:.4g}",
        )
    )
