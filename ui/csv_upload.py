"""The Data page's CSV part: one size limit everywhere, each file stored once, the target chosen."""

from __future__ import annotations

import streamlit as st

from playground import datasets
from playground.config import TASK_CHOICES, DataConfig
from playground.datasets import store_upload
from playground.errors import PlaygroundError
from ui.backend import settings
from ui.i18n import show_error, t

STORED_KEY = "csv_stored_upload"


def upload_limit_mb() -> int:
    """The largest upload in MB: PLAYGROUND_MAX_UPLOAD_MB, or Streamlit's own
    `server.maxUploadSize` if that is lower, since the server refuses bigger
    requests before the app sees them. The drop zone, the label and
    `store_upload` then all say the same number."""
    return min(settings().max_upload_mb, int(st.get_option("server.maxUploadSize")))


def stored_upload(upload) -> str:
    """The file id of an `st.file_uploader` file, stored the first time this session sees it.

    Raises:
        DatasetError: the file is over the limit or the disk cannot take it.
    """
    stored = st.session_state.get(STORED_KEY)
    if stored and stored[0] == upload.file_id:
        return stored[1]
    file_id = store_upload(upload.getvalue())
    st.session_state[STORED_KEY] = (upload.file_id, file_id)
    return file_id


def choose_csv(data: DataConfig) -> None:
    """Upload a CSV, then choose the column to predict and the task; stops the page
    with an explanation until there is a file that can be read."""
    limit_mb = upload_limit_mb()
    upload = st.file_uploader(
        t("data.csv_upload", limit=limit_mb),
        type=["csv", "tsv", "txt"],
        max_upload_size=limit_mb,
        help=t("data.csv_upload_help"),
    )
    try:
        if upload is not None:
            data.csv_file = stored_upload(upload)
        if not data.csv_file:
            st.info(t("data.csv_needed"))
            st.stop()
        with st.spinner(t("data.csv_reading")):
            columns = datasets.read_csv_columns(data.csv_file)
    except PlaygroundError as err:
        show_error(err)
        st.stop()
    if data.target not in columns:
        data.target = columns[-1]
    data.target = st.selectbox(t("data.target"), columns, index=columns.index(data.target))
    data.task = st.selectbox(
        t("data.task"),
        TASK_CHOICES,
        index=TASK_CHOICES.index(data.task) if data.task in TASK_CHOICES else 0,
        format_func=lambda task: t(f"task.{task}"),
    )
