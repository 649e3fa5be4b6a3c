"""What an operation changed: each mutating core operation declares it, the GUI's worker
broadcasts it after the operation succeeded, and every page refreshes only for what it shows.

A declaration is data on the function (:func:`mutates`), so no caller invents a topic and a typo
cannot silently stop a refresh; ``tests/test_architecture.py`` finds every operation that writes
and fails if one declares nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import Any, TypeVar


class Change(StrEnum):
    """One kind of data a page may show."""

    SCHOOLS = "schools"
    INSPECTORS = "inspectors"
    TRAINING = "training"
    VISITS = "visits"
    CALENDAR = "calendar"
    UNAVAILABILITY = "unavailability"
    SETTINGS = "settings"
    PROBLEMS = "problems"
    COMPLAINTS = "complaints"
    CAMPAIGNS = "campaigns"
    SCORES = "scores"
    TEMPLATES = "templates"


EVERYTHING: frozenset[Change] = frozenset(Change)
"""What a job that may have changed anything changed (the demo, a restore, an import)."""

F = TypeVar("F", bound=Callable[..., Any])


def mutates(*changes: Change) -> Callable[[F], F]:
    """Declare what the decorated operation changes (read back with :func:`changes_of`)."""

    def declare(operation: F) -> F:
        operation.changes = frozenset(changes)  # type: ignore[attr-defined]
        return operation

    return declare


def changes_of(operation: Callable[..., Any]) -> frozenset[Change]:
    """What ``operation`` declared it changes; empty for a read."""
    return getattr(operation, "changes", frozenset())
