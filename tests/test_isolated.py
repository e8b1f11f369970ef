"""Calls run in a child process with a time and memory limit (playground.isolated)."""

import os
import time

import pytest

from playground import isolated
from playground.datasets.csv_reader import CsvLimits, read_csv_bytes
from playground.errors import DatasetError


def test_the_result_comes_back_from_the_child():
    table = isolated.run_isolated(
        read_csv_bytes, (b"a,b\n1,x\n", CsvLimits()), timeout_s=60, memory_mb=512
    )
    assert table.frame.to_dict("list") == {"a": [1], "b": ["x"]}
    assert isolated.run_isolated(os.getpid, timeout_s=60, memory_mb=None) != os.getpid()


def test_a_playground_error_keeps_its_code_and_params():
    with pytest.raises(DatasetError) as info:
        isolated.run_isolated(read_csv_bytes, (b"a,b\n",), timeout_s=60, memory_mb=512)
    assert (info.value.code, info.value.params) == ("data.csv_header_only", {"columns": 2})


def test_a_call_that_runs_too_long_is_killed():
    started = time.monotonic()
    with pytest.raises(isolated.IsolatedTimeout):
        isolated.run_isolated(time.sleep, (60,), timeout_s=3, memory_mb=None)
    assert time.monotonic() - started < 30


def test_a_call_that_wants_too_much_memory_is_stopped():
    with pytest.raises(isolated.IsolatedOutOfMemory):
        isolated.run_isolated(bytearray, (4 * 1024**3,), timeout_s=60, memory_mb=200)


def test_an_unexpected_exception_is_a_crash_without_its_text_reaching_the_caller_as_a_message():
    with pytest.raises(isolated.IsolatedCrash) as info:
        isolated.run_isolated(int, ("not a number",), timeout_s=60, memory_mb=None)
    assert "ValueError" in str(info.value)  # for the server log


def test_callers_wait_for_a_free_slot_and_give_up_when_none_frees(monkeypatch):
    for _ in range(isolated.MAX_CHILDREN):
        assert isolated._SLOTS.acquire(timeout=1)
    try:
        with pytest.raises(isolated.IsolatedBusy):
            isolated.run_isolated(os.getpid, timeout_s=60, memory_mb=None, wait_s=0.1)
    finally:
        for _ in range(isolated.MAX_CHILDREN):
            isolated._SLOTS.release()
