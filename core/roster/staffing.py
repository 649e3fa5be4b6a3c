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


def percent_text(share: float, minimum: float | None = None) -> str:
    """``share`` (0–1) as people read it: a whole percent when it is one ("30%"), else with one
    decimal ("29.5%"); never rounded across ``minimum`` (a required share) nor onto 0 % or
    100 %: a share below the minimum is shown below it (29.96 % → "29.9%", not "30.0%"), a
    share that meets it never below it, and only all or nothing is shown as 100 % or 0 %."""
    tenths = round(share * 1000, 6)  # tenths of a percent, float noise (0.29 * 1000) removed
    shown = round(tenths)
    if tenths > 0 and shown == 0:  # a share above nothing is not shown as none…
        shown = 1
    for limit in (minimum, 1.0):  # …and none is rounded onto or past a limit
        if limit is None:
            continue
        bound = round(limit * 1000, 6)
        if tenths < bound <= shown:  # a share below the limit rounded up onto or past it
            shown = math.ceil(bound) - 1
        elif shown < bound <= tenths:  # one at or above the limit rounded down below it
            shown = math.ceil(bound)
    return f"{shown // 10}%" if shown % 10 == 0 else f"{shown / 10:.1f}%"
