"""Long jobs report progress to whoever listens, and a listener can cancel them."""

from __future__ import annotations

import pytest

from core.jobs import Cancelled, drive, progress, reporting_to


def _counting(total: int, cleaned: list[str]):
    try:
        for n in range(total):
            yield n + 1, total, f"第 {n + 1} 所"
        return "all"
    finally:
        cleaned.append("finally")


def test_a_generator_job_reports_each_step_and_returns_its_result():
    seen: list[tuple[int, int, str]] = []
    cleaned: list[str] = []
    with reporting_to(lambda *step: seen.append(step)):
        assert drive(_counting(3, cleaned)) == "all"
    assert seen == [(1, 3, "第 1 所"), (2, 3, "第 2 所"), (3, 3, "第 3 所")]
    assert cleaned == ["finally"]


def test_a_cancel_stops_the_job_and_runs_its_cleanup():
    cleaned: list[str] = []

    def cancel_at_two(done: int, _total: int, _what: str) -> None:
        if done == 2:
            raise Cancelled

    with reporting_to(cancel_at_two), pytest.raises(Cancelled, match="已取消"):
        drive(_counting(5, cleaned))
    assert cleaned == ["finally"]


def test_without_a_listener_progress_is_silent_and_listeners_do_not_leak():
    progress(1, 2, "nobody listens")
    seen: list[int] = []
    with reporting_to(lambda done, _t, _w: seen.append(done)):
        progress(1, 1)
    progress(2, 2)
    assert seen == [1]
