"""Timing helpers shared by the benchmark scripts: run a job several times, print the spread."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def time_runs(job: Callable[[], object], runs: int) -> list[float]:
    """Wall-clock seconds of ``runs`` calls of ``job``."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        job()
        times.append(time.perf_counter() - start)
    return times


def report(name: str, times: list[float]) -> None:
    """Print the median, fastest and slowest of ``times``."""
    print(
        f"{name:<44} median {statistics.median(times):6.3f}  "
        f"min {min(times):6.3f}  max {max(times):6.3f}"
    )
