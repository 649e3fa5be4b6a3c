"""The compliance picture as readable Chinese lines (``check`` without ``--json``)."""

from __future__ import annotations

from core.archive.progress import ArchiveFigures
from core.calendar.reminders import CalendarReminders
from core.calendar.zone_quotas import ZoneQuotas
from core.office.workdays import CERTAINTY_LABELS
from core.overview import Compliance
from core.roster.staffing import percent_text

LIST_LIMIT = 20


def _names(names: list[str]) -> str:
    shown = "、".join(names[:LIST_LIMIT])
    return shown + (f" 等 {len(names)} 个" if len(names) > LIST_LIMIT else "")


def _mark(ok: bool) -> str:
    return "✓" if ok else "✗"


def _archive_lines(a: ArchiveFigures) -> list[str]:
    lines = [
        f"{_mark(a.overdue == 0 and a.lagging == 0)} 迎检档案：{a.running} 项迎检工作进行中，"
        f"{a.overdue} 项档案资料逾期未齐全，{a.lagging} 所学校进度落后"
    ]
    if a.next_deadline is None:
        lines.append("  各阶段的截止日期都已过去")
    else:
        left = "今天截止" if a.days_left == 0 else f"还有 {a.days_left} 天"
        lines.append(
            f"  下一节点：{a.next_campaign}“{a.next_phase}”阶段 "
            f"{a.next_deadline:%Y-%m-%d} 截止（{left}）"
        )
    return lines


def _zone_lines(z: ZoneQuotas) -> list[str]:
    lines = []
    if z.zones_short:
        lines.append(f"✗ {z.month} 月到责任区督导天数不足：{len(z.zones_short)} 处")
        lines.extend(
            f"  {s.zone}：{s.inspector} {s.days} / {s.required} 天"
            for s in z.zones_short[:LIST_LIMIT]
        )
    if z.schools_short:
        lines.append(f"✗ {z.month} 月按责任区规定的每校督导次数不足：{len(z.schools_short)} 所")
        lines.extend(
            f"  {s.school}（{s.zone}）：{s.visits} / {s.required} 次"
            for s in z.schools_short[:LIST_LIMIT]
        )
    return lines


def compliance_lines(c: Compliance) -> list[str]:
    """One line per rule with ✓ or ✗, followed by the names behind every ✗."""
    p = c.policy
    lines = [f"{c.office_name} 督学配备与履职达标情况（{c.today:%Y-%m-%d}）", ""]
    lines.append(
        f"{_mark(c.shortfall == 0)} 督学配备：在任 {c.inspectors} 名，"
        f"按 1∶{p.schools_per_inspector}"
        f"（在校生超过 {p.dedicated_inspector_enrolment} 人的学校 1∶1）应配 "
        f"{c.required_inspectors} 名" + (f"，缺 {c.shortfall} 名" if c.shortfall else "")
    )
    lines.append(
        f"  学校（园）{c.schools} 所，其中幼儿园 {c.kindergartens} 所、民办 {c.private_schools} 所"
    )
    lines.append(
        f"{_mark(not c.full_time_short)} 专职督学：{c.full_time} 名，"
        f"占 {percent_text(c.full_time_share, p.min_full_time_share)}"
        f"（不少于 {percent_text(p.min_full_time_share)}）"
    )
    lines.append(
        f"{_mark(not c.uncovered_schools)} 挂牌督导全覆盖："
        f"{len(c.uncovered_schools)} 所学校没有责任督学"
    )
    if c.uncovered_schools:
        lines.append(f"  {_names(c.uncovered_schools)}")
    lines.append(
        f"{_mark(not c.terms_expiring)} 任期：{len(c.terms_expiring)} 名督学的任期在 "
        f"{p.term_warning_days} 天内届满"
    )
    lines.extend(f"  {t.name}：{t.end_date:%Y-%m-%d} 届满" for t in c.terms_expiring)
    if c.term_limit_reached:
        lines.append(
            f"  已连任 {p.max_consecutive_terms} 届、本届期满不能续聘："
            f"{_names(c.term_limit_reached)}"
        )
    lines.append(
        f"{_mark(not c.training_shortfall)} {c.training_year} 年培训："
        f"{len(c.training_shortfall)} 名督学"
        f"不足 {p.training_hours_per_year} 学时"
    )
    lines.extend(
        f"  {t.name}：{t.hours:g} / {t.required} 学时" for t in c.training_shortfall[:LIST_LIMIT]
    )
    if c.preservice:
        lines.append(
            f"✗ 新任督学岗前培训（首次聘任后 {p.preservice_window_months} 个月内完成，不少于 "
            f"{p.preservice_training_hours} 学时）未完成：{len(c.preservice)} 名"
        )
        lines.extend(
            f"  {o.name}：{o.hours:g} / {p.preservice_training_hours} 学时，"
            + (f"{o.due:%Y-%m-%d} 已到期" if o.overdue else f"{o.due:%Y-%m-%d} 前完成")
            for o in c.preservice[:LIST_LIMIT]
        )
    a = c.assessments
    if a is not None and a.missing:
        when = "已逾期" if a.overdue else "前完成"
        lines.append(
            f"✗ {a.year} 年度督学年度考核：{len(a.missing)} 名督学尚无考核结果"
            f"（{a.due:%Y-%m-%d} {when}）：{_names(a.missing)}"
        )
    if c.qualifications:
        lines.append(f"! 任职条件不足：{len(c.qualifications)} 名督学")
        lines.extend(f"  {q.name}：{'；'.join(q.gaps)}" for q in c.qualifications[:LIST_LIMIT])
    if c.missing_centralized:
        lines.append(
            f"✗ 近三年集中培训不足 {p.centralized_training_days} 个工作日："
            f"{_names(c.missing_centralized)}"
        )
    if c.overloaded:
        lines.append(
            f"! 负责学校超过 {p.inspector_school_warning} 所："
            + "、".join(f"{w.name}（{w.schools} 所）" for w in c.overloaded)
        )
    if c.rotation_due:
        lines.append(
            f"! 同一学校连续负责满 {p.rotation_reminder_years} 年、宜交流：{len(c.rotation_due)} 处"
        )
        lines.extend(
            f"  {r.inspector}：{r.school}（自 {r.since:%Y-%m-%d}）"
            for r in c.rotation_due[:LIST_LIMIT]
        )
    if c.visits:
        v = c.visits
        if v.school_break:
            lines.append(
                f"✓ 本月督导：本月为寒暑假，不安排经常性督导；未来 7 天待督导 {v.due_this_week} 次"
            )
        else:
            lines.append(
                f"{_mark(v.unvisited_this_month == 0)} 本月督导：{v.unvisited_this_month} 所学校"
                f"尚未督导（其中 {v.unvisited_unplanned} 所本月没有安排），"
                f"未来 7 天待督导 {v.due_this_week} 次"
            )
        lines.append(
            f"{_mark(v.records_missing == 0)} 督导记录：本学期 {v.records_missing} 次督导"
            "已到日子却未填写记录"
        )
    if c.zone_quotas:
        lines.extend(_zone_lines(c.zone_quotas))
    if c.calendar:
        lines.extend(_calendar_lines(c.calendar))
    if c.rectification:
        r = c.rectification
        lines.append(
            f"{_mark(r.overdue == 0)} 整改：{r.open} 个问题未整改，其中逾期 {r.overdue} 个、"
            f"已上报 {r.escalated} 个、督办逾期 {r.overdue_supervisions} 个"
        )
        lines.append(
            f"{_mark(r.unreported_serious == 0)} 报送上级：{r.unreported_serious} 个严重违规或"
            f"重大问题发现后 {p.serious_report_days} 天内未报送上级"
        )
        lines.append(
            f"{_mark(r.overdue_complaints == 0)} 投诉办理：{r.overdue_complaints} 件投诉"
            "超过办理期限尚未答复"
        )
    if c.archives:
        lines.extend(_archive_lines(c.archives))
    lines += ["", "责任区："]
    for z in c.zones:
        warn = f"（超过 {p.zone_school_warning} 所）" if z.over_limit else ""
        lines.append(
            f"  {z.name}：学校 {z.schools} 所{warn}，责任督学 {z.inspectors} 名"
            f"（应配 {z.required_inspectors} 名），未挂牌 {z.uncovered} 所"
        )
    if c.unzoned_schools:
        lines.append(f"  未划入责任区的学校：{_names(c.unzoned_schools)}")
    return lines


def _calendar_lines(reminders: CalendarReminders) -> list[str]:
    """Principals' terms ending soon (综合督导 due) and next year's holidays from 1 November."""
    unplanned = reminders.unplanned
    lines = [
        f"{_mark(not unplanned)} 校（园）长任期：{len(reminders.principals)} 所学校的校（园）长"
        f"任期在 {reminders.warning_days} 天内届满，其中 {len(unplanned)} 所尚未安排综合督导"
    ]
    lines.extend(
        f"  {p.school}（{p.principal or '校长'}）：{p.term_end:%Y-%m-%d} 届满，"
        + (
            f"综合督导已安排在 {p.planned_on:%Y-%m-%d}"
            if p.planned_on
            else f"请在 {p.due_by:%Y-%m-%d} 前安排综合督导"
        )
        for p in reminders.principals[:LIST_LIMIT]
    )
    if reminders.remind_holidays:
        lines.append(
            f"✗ {reminders.next_year} 年节假日安排{CERTAINTY_LABELS[reminders.next_year_status]}："
            "国务院办公厅的通知发布后请导入（holidays import 通知.txt）"
        )
    return lines
