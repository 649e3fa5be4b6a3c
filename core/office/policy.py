"""The policy profile: every number of the supervision rules, as an editable setting.

Provinces differ, so no rule in the code uses a constant: it reads a :class:`PolicyProfile`.
The defaults are those of DOMAIN.md's table. Each field carries its Chinese label, unit and
allowed range in its metadata, which both validation and the settings page use (through
:meth:`PolicyProfile.describe`, in the chosen language).
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from typing import Any

from core.errors import FieldError, ValidationError
from core.i18n import _


def _setting(default: Any, label: str, unit: str, minimum: float, maximum: float, group: str):
    return field(
        default=default,
        metadata={"label": label, "unit": unit, "min": minimum, "max": maximum, "group": group},
    )


STAFFING = "督学配备"
TERMS = "任期与培训"
VISITS = "督导与整改"


@dataclass(frozen=True)
class PolicyProfile:
    """The office's rules. Instances are immutable; use :meth:`with_changes` to edit."""

    schools_per_inspector: int = _setting(5, "每名督学负责学校数", "所", 1, 50, STAFFING)
    dedicated_inspector_enrolment: int = _setting(
        3000, "在校生超过此数可单独配备督学(1∶1)", "人", 100, 100000, STAFFING
    )
    min_full_time_share: float = _setting(0.30, "专职督学最低占比", "", 0.0, 1.0, STAFFING)
    inspector_school_warning: int = _setting(
        8, "督学负责学校数超过此数时提醒", "所", 1, 100, STAFFING
    )
    zone_school_warning: int = _setting(20, "责任区学校数超过此数时提醒", "所", 1, 500, STAFFING)
    rotation_reminder_years: int = _setting(
        3, "同一督学负责同一学校满此年数时提醒交流", "年", 1, 20, STAFFING
    )
    term_years: int = _setting(3, "每届任期", "年", 1, 10, TERMS)
    max_consecutive_terms: int = _setting(3, "最多连续任期", "届", 1, 10, TERMS)
    term_warning_days: int = _setting(90, "任期届满前提前提醒", "天", 1, 365, TERMS)
    principal_term_warning_days: int = _setting(
        90, "校（园）长任期届满前提前提醒综合督导", "天", 1, 730, TERMS
    )
    training_hours_per_year: int = _setting(40, "每年培训学时", "学时", 0, 500, TERMS)
    preservice_training_hours: int = _setting(15, "新任督学岗前培训学时", "学时", 0, 200, TERMS)
    centralized_training_days: int = _setting(10, "每三年集中培训（工作日）", "天", 0, 100, TERMS)
    visits_per_school_per_month: int = _setting(
        1, "责任督学每月到每所学校督导次数", "次", 0, 10, VISITS
    )
    routine_visits_per_semester: int = _setting(2, "每学期每校经常性督导次数", "次", 0, 30, VISITS)
    visits_per_inspector_per_day: int = _setting(2, "每名督学每天最多安排督导", "次", 1, 10, VISITS)
    rectification_reply_days: int = _setting(3, "整改通知回复期限", "天", 1, 365, VISITS)
    followups_before_escalation: int = _setting(2, "复查仍未整改需上报的次数", "次", 1, 10, VISITS)
    attachment_max_mb: int = _setting(200, "附件大小上限", "MB", 1, 1024, VISITS)
    complaint_reply_days: int = _setting(15, "投诉办理答复期限", "天", 1, 90, VISITS)
    preservice_window_months: int = _setting(
        12, "新任督学首次聘任后应在此期限内完成岗前培训", "个月", 1, 60, TERMS
    )
    yearly_assessment_due_month: int = _setting(
        3, "上一年度督学年度考核应在本年此月底前完成", "月", 1, 12, TERMS
    )
    min_experience_years: int = _setting(10, "聘任督学应具有教育教学或管理经历", "年", 0, 40, TERMS)
    serious_report_days: int = _setting(
        1, "严重违规或重大问题应在发现后此期限内报送上级", "天", 1, 30, VISITS
    )
    """The plans: a 严重违规或重大问题 is reported at once (立即报告) — by the next day."""
    zone_visits_per_month: int = _setting(
        0, "责任督学每月到责任区督导次数（一天计一次，0 为不要求）", "次", 0, 23, VISITS
    )
    """The Hunan plan: 每月至少到责任区督导4次 — days on which the responsible inspector visits
    schools of the zone; 0 (the default) asks nothing beyond the per-school visits."""

    @classmethod
    def field_names(cls) -> list[str]:
        return [f.name for f in fields(cls)]

    @classmethod
    def describe(cls, name: str) -> dict[str, Any]:
        """Label, unit, min, max and group of one setting; its words in the chosen language."""
        meta = dict(next(f for f in fields(cls) if f.name == name).metadata)
        for key in ("label", "unit", "group"):
            meta[key] = _(meta[key]) if meta[key] else ""
        return meta

    def with_changes(self, **changes: Any) -> PolicyProfile:
        """A copy with some settings changed (not validated)."""
        return replace(self, **changes)

    def as_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.field_names()}

    def problems(self) -> list[FieldError]:
        """Every setting outside its range."""
        errors: list[FieldError] = []
        for f in fields(self):
            value = getattr(self, f.name)
            meta = self.describe(f.name)
            label = meta["label"]
            expected = float if f.type in ("float", float) else int
            if isinstance(value, bool) or not isinstance(value, int | float):
                errors.append(FieldError(f.name, label, _("“{label}”必须是数字", label=label)))
                continue
            if expected is int and not float(value).is_integer():
                errors.append(FieldError(f.name, label, _("“{label}”必须是整数", label=label)))
            elif not meta["min"] <= value <= meta["max"]:
                message = _(
                    "“{label}”应在 {low} 到 {high} 之间",
                    label=label,
                    low=_fmt(meta["min"]),
                    high=_fmt(meta["max"]),
                )
                errors.append(FieldError(f.name, label, message))
        return errors

    def validated(self) -> PolicyProfile:
        """Return self, or raise :class:`ValidationError` listing every problem."""
        problems = self.problems()
        if problems:
            raise ValidationError(problems)
        return self


def _fmt(number: float) -> str:
    return str(int(number)) if float(number).is_integer() else str(number)
