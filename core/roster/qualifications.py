"""Appointment qualifications (任职条件): 学历 and years of 教育教学或管理经历.

One plan (篇9) asks of a new inspector "本科以上学历" and "十年以上教育教学或管理经历"; the
years are the policy's (``min_experience_years``), the 学历 is :data:`MIN_EDUCATION`. A shortfall
is a warning when the clerk appoints, not a refusal: the office decides. Qualifications are not
known for inspectors entered before they were recorded, so ``check`` names only a known
shortfall, and the appointment warning says what has not been filled in.
"""

from __future__ import annotations

from core.enums import Education
from core.i18n import _
from core.office.policy import PolicyProfile

MIN_EDUCATION = Education.BACHELOR
"""本科以上学历 (plan 篇9)."""
EDUCATION_ORDER: tuple[str, ...] = tuple(e.value for e in Education)


def below_education(education: str) -> bool:
    """Whether a recorded 学历 is below :data:`MIN_EDUCATION` (unknown is not)."""
    if education not in EDUCATION_ORDER:
        return False
    return EDUCATION_ORDER.index(education) < EDUCATION_ORDER.index(MIN_EDUCATION.value)


def qualification_gaps(
    education: str, experience_years: int | None, policy: PolicyProfile, *, unknown: bool = False
) -> list[str]:
    """What falls short of the appointment qualifications, in the chosen language; with
    ``unknown``, also what has not been recorded."""
    gaps: list[str] = []
    if below_education(education):
        gaps.append(
            _(
                "学历为{education}，任职条件为{minimum}以上学历",
                education=Education.label_of(education),
                minimum=MIN_EDUCATION.label,
            )
        )
    elif unknown and not education:
        gaps.append(_("未填写学历"))
    minimum = policy.min_experience_years
    if experience_years is not None and experience_years < minimum:
        gaps.append(
            _(
                "教育教学或管理经历 {years} 年，任职条件为 {minimum} 年以上",
                years=experience_years,
                minimum=minimum,
            )
        )
    elif unknown and experience_years is None:
        gaps.append(_("未填写教育教学或管理经历年数"))
    return gaps
