"""Take it home: a finished run's model (.keras) and the same run as a script and a notebook."""

from __future__ import annotations

import re

import streamlit as st

from playground import codegen
from playground.datasets.uploads import upload_path
from playground.errors import DatasetError
from playground.runs import RunResult
from ui.i18n import t

MAX_MODEL_BYTES = 200 * 1024 * 1024  # a model file larger than this is not served from memory
# The PNG a chart's camera button saves: a size for slides.
IMAGE_SIZE = {"height": 500, "width": 900, "scale": 2}


def chart_config(filename: str) -> dict:
    """Plotly's config for a chart whose toolbar's camera saves a PNG named `filename`."""
    return {"toImageButtonOptions": {"format": "png", "filename": filename, **IMAGE_SIZE}}


def file_stem(name: str, run_id: str) -> str:
    """A file name from a run's name: letters, digits, "-" and "_" only (never a path)."""
    stem = re.sub(r"[^A-Za-z0-9_-]+", "-", name).strip("-")[:40]
    return f"{stem or 'run'}-{run_id}"


def downloads(result: RunResult, run_id: str, name: str) -> None:
    """The model file, the script and the notebook, and for an uploaded CSV the file itself."""
    st.subheader(t("export.title"))
    st.caption(t("export.help"))
    stem = file_stem(name, run_id)
    csv_bytes = _uploaded_csv(result) if codegen.supports(result.summary) else None
    left, right = st.columns(
        2
    )  # two buttons a row: labels stay whole at 820 px; a phone stacks them
    model_path = result.model_path
    if model_path.is_file() and model_path.stat().st_size <= MAX_MODEL_BYTES:
        left.download_button(
            t("export.model"),
            model_path.read_bytes(),
            file_name=f"{stem}.keras",
            mime="application/octet-stream",
            icon="🧠",
            key="download_model",
        )
    else:
        left.caption(t("export.no_model"))
    reason = codegen.why_not(result.summary)
    if reason:
        st.info(t(reason), icon="ℹ️")
    if not codegen.supports(result.summary):
        return
    if result.summary.dataset == "csv" and not csv_bytes:
        st.info(t("export.csv_gone"), icon="ℹ️")
        return
    code = codegen.script(result.summary, name)
    right.download_button(
        t("export.script"),
        code,
        file_name=f"{stem}.py",
        mime="text/x-python",
        icon="🐍",
        key="download_script",
    )
    left.download_button(
        t("export.notebook"),
        codegen.notebook(result.summary, name),
        file_name=f"{stem}.ipynb",
        mime="application/x-ipynb+json",
        icon="📓",
        key="download_notebook",
    )
    if csv_bytes:
        right.download_button(
            t("export.csv"),
            csv_bytes,
            file_name=codegen.csv_file_name(result.summary),
            mime="text/csv",
            icon="📊",
            key="download_csv",
        )
    with st.expander(t("export.preview"), icon="📄"):
        st.code(code, language="python")


def _uploaded_csv(result: RunResult) -> bytes | None:
    """The uploaded file a CSV run trained on, or None (another dataset, or the file is gone)."""
    if result.summary.dataset != "csv":
        return None
    try:
        path = upload_path(result.summary.config.data.csv_file)
        return path.read_bytes() if path.stat().st_size <= MAX_MODEL_BYTES else None
    except (DatasetError, OSError):
        return None
