"""The upload widget's side of CSV files: one size limit everywhere, each file stored once."""

from __future__ import annotations

import streamlit as st

from playground.datasets import store_upload
from ui.backend import settings

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
