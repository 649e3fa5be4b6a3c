"""Progress and cancelling of long work: the county's signs and schedules, imports, the demo.

A long job reports how far it has got by calling :func:`progress` (or is written as a generator
of ``(done, total, what)`` steps and run with :func:`drive`). Who listens is set by the caller
with :func:`reporting_to` — the GUI's worker shows a cancellable progress dialog, the CLI and
the tests listen to nothing — so the job's signature stays the same everywhere. A listener
cancels a job by raising :class:`Cancelled` from the report; the job stops there, its unit of
work is rolled back and no file is half written.
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TypeVar

from core.i18n import _

R = TypeVar("R")

Reporter = Callable[[int, int, str], None]
"""Told ``(done, total, what)``; ``total`` 0 means not known yet."""

_reporter: ContextVar[Reporter | None] = ContextVar("progress_reporter", default=None)


class Cancelled(Exception):
    """The clerk cancelled the job; nothing of it was saved."""

    def __init__(self) -> None:
        super().__init__(_("已取消，未保存任何内容。"))


def progress(done: int, total: int, what: str = "") -> None:
    """Report how far the current job has got; raises :class:`Cancelled` once cancelled."""
    reporter = _reporter.get()
    if reporter is not None:
        reporter(done, total, what)


@contextmanager
def reporting_to(reporter: Reporter) -> Iterator[None]:
    """Send the :func:`progress` of the work done inside the block to ``reporter``."""
    token = _reporter.set(reporter)
    try:
        yield
    finally:
        _reporter.reset(token)


def drive(steps: Generator[tuple[int, int, str], None, R]) -> R:
    """Run a job written as a generator of ``(done, total, what)`` steps, reporting each one;
    returns what the generator returns. A cancel closes the generator (its ``finally`` runs)."""
    try:
        while True:
            step = next(steps)
            try:
                progress(*step)
            except Cancelled:
                steps.close()
                raise
    except StopIteration as end:
        return end.value
