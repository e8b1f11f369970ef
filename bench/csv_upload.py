"""What reading a student's CSV costs the server, against plain pandas in the same run.

    python bench/csv_upload.py

1. A 20 MB upload (the default limit): seconds and peak memory of plain
   `pd.read_csv`, of `csv_reader.read_csv_bytes` in the same process, and of
   `read_upload` (a child process, as the app does it), with ratios.
2. The CPU time the server's own process spends on it (holding the GIL
   that every page of the class needs): parsed in the server's process,
   and in a child as the app does.
3. A one-line header of 1,500,000 columns: plain pandas (stopped after 60 s)
   against the refusal from the header.
4. A 2 MB table of 40 text columns, 50 categories each: the memory plain
   one-hot encoding takes (`pd.get_dummies`) against the refusal from the
   predicted width.
"""

from __future__ import annotations

import resource
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from playground import isolated  # noqa: E402
from playground.datasets import csv_reader  # noqa: E402
from playground.errors import DatasetError  # noqa: E402
from playground.settings import Settings  # noqa: E402

MB = 1e6


def twenty_mb_csv() -> bytes:
    rng = np.random.default_rng(0)
    x = rng.normal(size=(470_000, 6)).round(3)
    lines = "\n".join(
        ",".join(map(str, row)) + (",yes" if row[0] > 0 else ",no") for row in x.tolist()
    )
    return ("f1,f2,f3,f4,f5,f6,label\n" + lines + "\n").encode()


def one_hot_csv() -> bytes:
    rows = [",".join(f"v{(i + j) % 50}" for j in range(40)) + f",{i % 2}" for i in range(25_000)]
    return (",".join(f"t{j}" for j in range(40)) + ",label\n" + "\n".join(rows) + "\n").encode()


# --------------------------------------------- run in a child, report peak RSS
def plain_pandas(path: str) -> tuple[float, float]:
    started = time.perf_counter()
    pd.read_csv(path)
    return time.perf_counter() - started, _peak_mb()


def our_reader(path: str) -> tuple[float, float]:
    started = time.perf_counter()
    csv_reader.read_csv_bytes(Path(path).read_bytes())
    return time.perf_counter() - started, _peak_mb()


def plain_one_hot(path: str) -> tuple[float, float, tuple[int, int]]:
    started = time.perf_counter()
    frame = pd.read_csv(path).astype(str)
    features = pd.get_dummies(frame.drop(columns=["label"]), prefix_sep="=", dtype=np.float32)
    array = features.to_numpy(dtype=np.float32)
    return time.perf_counter() - started, _peak_mb(), array.shape


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / MB


# ---------------------------------------------------------- server CPU time
def server_cpu(work) -> tuple[float, float]:
    """Runs `work()`; (wall seconds, CPU seconds this process spent, all its threads)."""
    wall, cpu = time.perf_counter(), time.process_time()
    try:
        work()
    except DatasetError:
        pass
    return time.perf_counter() - wall, time.process_time() - cpu


def main() -> None:
    # The children import these helpers by module name, not as __main__.
    import bench.csv_upload as here

    folder = Path(tempfile.mkdtemp(prefix="csv-bench-"))
    limits = csv_reader.CsvLimits()
    big = folder / "twenty.csv"
    big.write_bytes(twenty_mb_csv())
    print(f"1. {big.stat().st_size / MB:.1f} MB, 470,000 rows x 7 columns")
    pandas_s, pandas_mb = isolated.run_isolated(
        here.plain_pandas, (str(big),), timeout_s=120, memory_mb=None
    )
    ours_s, ours_mb = isolated.run_isolated(
        here.our_reader, (str(big),), timeout_s=120, memory_mb=None
    )
    started = time.perf_counter()
    table = isolated.run_isolated(
        csv_reader.read_csv_file, (str(big), limits), timeout_s=120, memory_mb=1024
    )
    child_s = time.perf_counter() - started
    print(f"   plain pd.read_csv           {pandas_s:6.2f} s   peak {pandas_mb:6.0f} MB")
    print(
        f"   csv_reader.read_csv_bytes   {ours_s:6.2f} s   peak {ours_mb:6.0f} MB"
        f"   ({ours_s / pandas_s:.1f}x pandas; keeps {len(table.frame):,} rows)"
    )
    print(f"   read_upload, in a child     {child_s:6.2f} s   (start, read, send the table back)")

    print(
        "2. CPU the server process itself spends on the 20 MB file (holding the GIL its pages need)"
    )
    content = big.read_bytes()
    in_process = server_cpu(lambda: csv_reader.read_csv_bytes(content, limits))
    in_child = server_cpu(
        lambda: isolated.run_isolated(
            csv_reader.read_csv_file, (str(big), limits), timeout_s=120, memory_mb=1024
        )
    )
    print(
        f"   parsed in the server process   {in_process[0]:5.2f} s wall, {in_process[1]:5.2f} s server CPU"
    )
    print(
        f"   parsed in a child process      {in_child[0]:5.2f} s wall, {in_child[1]:5.2f} s server CPU"
        f"   ({in_process[1] / max(in_child[1], 1e-3):.0f}x less)"
    )

    header = folder / "header.csv"
    header.write_text(",".join(f"c{i}" for i in range(1_500_000)))
    print(f"3. a header of 1,500,000 columns ({header.stat().st_size / MB:.1f} MB, one line)")
    started = time.perf_counter()
    try:
        isolated.run_isolated(here.plain_pandas, (str(header),), timeout_s=60, memory_mb=None)
        plain = f"{time.perf_counter() - started:.1f} s"
    except isolated.IsolatedTimeout:
        plain = "still busy after 60 s, stopped"
    started = time.perf_counter()
    try:
        csv_reader.read_csv_bytes(header.read_bytes(), limits)
    except DatasetError as err:
        refused = f"{(time.perf_counter() - started) * 1000:.0f} ms ({err.code})"
    print(f"   plain pd.read_csv   {plain}")
    print(f"   csv_reader          refused in {refused}")

    wide = folder / "one_hot.csv"
    wide.write_bytes(one_hot_csv())
    print(
        f"4. {wide.stat().st_size / MB:.1f} MB: 25,000 rows, 40 text columns of 50 categories each"
    )
    seconds, peak, shape = isolated.run_isolated(
        here.plain_one_hot, (str(wide),), timeout_s=300, memory_mb=None
    )
    print(
        f"   plain pd.get_dummies   {seconds:5.1f} s, peak {peak:6.0f} MB, inputs {shape[0]:,} x {shape[1]:,}"
    )
    from playground.datasets import csv as csv_dataset

    frame = csv_reader.read_csv_bytes(wide.read_bytes(), limits).frame
    started = time.perf_counter()
    try:
        csv_dataset._encoded_width(
            csv_dataset._usable_features(frame.drop(columns=["label"]), []), Settings.from_env()
        )
    except DatasetError as err:
        print(
            f"   the app                refused in {(time.perf_counter() - started) * 1000:.0f} ms: "
            f"{err.params['count']:,} inputs > {err.params['limit']:,} (PLAYGROUND_MAX_FEATURES)"
        )


if __name__ == "__main__":
    main()
