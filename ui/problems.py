"""Renders the problems `playground.checks` finds, each with its fix."""

from __future__ import annotations

import streamlit as st

from playground import checks
from ui.i18n import t

_RENDERERS = {"error": st.error, "warning": st.warning, "info": st.info}
_ICONS = {"error": "🛑", "warning": "⚠️", "info": "💡"}


def show_problems(cfg, dataset, settings) -> list:
    """Shows every problem of `cfg` on `dataset`; returns them."""
    problems = checks.run_checks(cfg, dataset, settings)
    if not problems:
        st.success(t("checks.all_good"), icon="✅")
    for problem in problems:
        _RENDERERS[problem.level](
            f"**{t(problem.code, **problem.params)}**\n\n"
            f"{t('checks.fix_prefix')} {t(problem.code + '.fix', **problem.params)}",
            icon=_ICONS[problem.level],
        )
    return problems
