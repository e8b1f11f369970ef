"""Uploads are stored atomically, verified before reuse, and disk faults are explained."""

import errno
import hashlib
import os

import pytest

from playground import settings
from playground.datasets import read_csv_columns, uploads
from playground.errors import DatasetError
from playground.i18n import translate

CONTENT = b"a,b\n1,2\n3,4\n"


def stored_path(content: bytes = CONTENT):
    return settings.uploads_dir() / f"{hashlib.sha256(content).hexdigest()}.csv"


def test_an_upload_is_written_whole_and_leaves_no_temporary_file():
    file_id = uploads.store_upload(CONTENT)
    assert uploads.upload_path(file_id).read_bytes() == CONTENT
    assert not [p for p in settings.uploads_dir().iterdir() if p.name.startswith(".upload-")]


def test_a_truncated_copy_under_the_same_hash_is_replaced_not_reused():
    content = b"x,y\n" + b"1,2\n" * 1000
    stored_path(content).write_bytes(content[:100])  # what a full disk left behind
    file_id = uploads.store_upload(content)
    assert uploads.upload_path(file_id).read_bytes() == content
    assert read_csv_columns(file_id) == ["x", "y"]


def test_a_copy_with_other_bytes_of_the_same_size_is_replaced():
    content = b"p,q\n5,6\n"
    stored_path(content).write_bytes(b"p,q\n5,7\n")
    uploads.store_upload(content)
    assert stored_path(content).read_bytes() == content


def assert_not_saved_message(error: DatasetError) -> None:
    assert error.code == "data.upload_not_saved"
    for lang in ("en", "ko"):
        text = translate(error.code, lang, **error.params)
        assert "Errno" not in text and "/" not in text and "Error" not in text


def test_a_full_disk_is_explained_and_leaves_no_partial_file(monkeypatch):
    def full_disk(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    content = b"full,disk\n1,2\n"
    with pytest.raises(DatasetError) as info:
        uploads.store_upload(content)
    assert_not_saved_message(info.value)
    assert not stored_path(content).exists()
    assert not [p for p in settings.uploads_dir().iterdir() if p.name.startswith(".upload-")]


def test_an_uploads_folder_that_is_a_file_is_explained(tmp_path, monkeypatch):
    blocker = tmp_path / "runs-is-a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("PLAYGROUND_RUNS_DIR", str(blocker))
    with pytest.raises(DatasetError) as info:
        uploads.store_upload(CONTENT)
    assert_not_saved_message(info.value)
    with pytest.raises(DatasetError) as info:
        uploads.upload_path(hashlib.sha256(CONTENT).hexdigest())
    assert info.value.code == "data.csv_not_found"


def test_a_read_only_folder_is_explained(monkeypatch):
    def read_only(*args, **kwargs):
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(uploads.tempfile, "mkstemp", read_only)
    with pytest.raises(DatasetError) as info:
        uploads.store_upload(b"read,only\n1,2\n")
    assert_not_saved_message(info.value)


def test_ids_that_are_not_hashes_never_become_paths():
    for bad in ("../../etc/passwd", "a" * 63, "A" * 64, "0" * 64 + "/x"):
        with pytest.raises(DatasetError) as info:
            uploads.upload_path(bad)
        assert info.value.code == "data.csv_not_found"
        assert str(settings.uploads_dir()) not in str(info.value)
