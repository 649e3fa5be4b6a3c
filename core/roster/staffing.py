"""Staffing arithmetic (督学配备): pure functions over numbers and the policy profile."""

from __future__ import annotations

import math
from collections.abc import Iterable

from core.office.policy import PolicyProfile


def required_inspectors(enrolments: Iterable[int], policy: PolicyProfile) -> int:
    """Inspectors needed for schools with these enrolments.

    A school with more students than ``dedicated_inspector_enrolment`` gets an inspector of its
    own (1∶1); the others share at ``schools_per_inspector`` schools each, rounded up.
    """
    large = shared = 0
    for enrolment in enrolments:
        if enrolment > policy.dedicated_inspector_enrolment:
            large += 1
        else:
            shared += 1
    return large + math.ceil(shared / policy.schools_per_inspector)


def full_time_share(full_time: int, total: int) -> float:
    """Share of full-time inspectors, 0–1 (0 when there are none at all)."""
    return full_time / total if total else 0.0
