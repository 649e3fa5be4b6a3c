"""The compliance picture as readable lines (``check`` without ``--json``), in the chosen
language (:mod:`core.i18n`)."""

from __future__ import annotations

from core.archive.progress import ArchiveFigures
from core.calendar.reminders import CalendarReminders
from core.calendar.zone_quotas import ZoneQuotas, ZoneShort
from core.i18n import _, joined, n_
from core.office.workdays import CERTAINTY_LABELS
from core.overview import Compliance
from core.roster.staffing import percent_text

LIST_LIMIT = 20


def _names(names: list[str]) -> str:
    shown = joined(names[:LIST_LIMIT], "、", ", ")
    if len(names) <= LIST_LIMIT:
        return shown
    return _("{names} 等 {n} 个", names=shown, n=len(names))


def _mark(ok: bool) -> str:
    return "✓" if ok else "✗"


def _day(day: object) -> str:
    return f"{day:%Y-%m-%d}"


def _archive_lines(a: ArchiveFigures) -> list[str]:
    lines: list[str] = [
        f"{_mark(a.overdue == 0 and a.lagging == 0)} "
        + _(
            "迎检档案：{running}，{overdue}，{lagging}",
            running=n_("{n} 项迎检工作进行中", a.running),
            overdue=n_("{n} 项档案资料逾期未齐全", a.overdue),
            lagging=n_("{n} 所学校进度落后", a.lagging),
        )
    ]
    if a.next_deadline is None:
        lines.append("  " + _("各阶段的截止日期都已过去"))
    else:
        left = _("今天截止") if a.days_left == 0 else n_("还有 {n} 天", a.days_left or 0)
        lines.append(
            "  "
            + _(
                "下一节点：{campaign}“{phase}”阶段 {deadline} 截止（{left}）",
                campaign=a.next_campaign,
                phase=a.next_phase,
                deadline=_day(a.next_deadline),
                left=left,
            )
        )
    return lines


def _zone_lines(z: ZoneQuotas) -> list[str]:
    lines: list[str] = []
    if z.zones_short:
        lines.append(
            "✗ " + n_("{month} 月到责任区督导天数不足：{n} 处", len(z.zones_short), month=z.month)
        )
        lines.extend("  " + zone_short_line(s) for s in z.zones_short[:LIST_LIMIT])
    if z.schools_short:
        lines.append(
            "✗ "
            + n_(
                "{month} 月按责任区规定的每校督导次数不足：{n} 所",
                len(z.schools_short),
                month=z.month,
            )
        )
        lines.extend(
            "  "
            + _(
                "{school}（{zone}）：{visits} / {required} 次",
                school=s.school,
                zone=s.zone,
                visits=s.visits,
                required=s.required,
            )
            for s in z.schools_short[:LIST_LIMIT]
        )
    return lines


def compliance_lines(c: Compliance) -> list[str]:
    """One line per rule with ✓ or ✗, followed by the names behind every ✗."""
    p = c.policy
    lines = [
        _("{office} 督学配备与履职达标情况（{day}）", office=c.office_name, day=_day(c.today)),
        "",
    ]
    short = _("，缺 {n} 名", n=c.shortfall) if c.shortfall else ""
    lines.append(
        f"{_mark(c.shortfall == 0)} "
        + _(
            "督学配备：在任 {inspectors} 名，按 1∶{ratio}（在校生超过 {enrolment} 人的学校 1∶1）"
            "应配 {required} 名{short}",
            inspectors=c.inspectors,
            ratio=p.schools_per_inspector,
            enrolment=p.dedicated_inspector_enrolment,
            required=c.required_inspectors,
            short=short,
        )
    )
    lines.append(
        "  "
        + _(
            "学校（园）{schools} 所，其中幼儿园 {kindergartens} 所、民办 {private} 所",
            schools=c.schools,
            kindergartens=c.kindergartens,
            private=c.private_schools,
        )
    )
    lines.append(
        f"{_mark(not c.full_time_short)} "
        + _(
            "专职督学：{n} 名，占 {share}（不少于 {minimum}）",
            n=c.full_time,
            share=percent_text(c.full_time_share, p.min_full_time_share),
            minimum=percent_text(p.min_full_time_share),
        )
    )
    lines.append(
        f"{_mark(not c.uncovered_schools)} "
        + n_("挂牌督导全覆盖：{n} 所学校没有责任督学", len(c.uncovered_schools))
    )
    if c.uncovered_schools:
        lines.append(f"  {_names(c.uncovered_schools)}")
    lines.append(
        f"{_mark(not c.terms_expiring)} "
        + n_(
            "任期：{n} 名督学的任期在 {days} 天内届满",
            len(c.terms_expiring),
            days=p.term_warning_days,
        )
    )
    lines.extend(
        "  " + _("{name}：{day} 届满", name=t.name, day=_day(t.end_date)) for t in c.terms_expiring
    )
    if c.term_limit_reached:
        lines.append(
            "  "
            + _(
                "已连任 {terms} 届、本届期满不能续聘：{names}",
                terms=p.max_consecutive_terms,
                names=_names(c.term_limit_reached),
            )
        )
    lines.append(
        f"{_mark(not c.training_shortfall)} "
        + n_(
            "{year} 年培训：{n} 名督学不足 {hours} 学时",
            len(c.training_shortfall),
            year=c.training_year,
            hours=p.training_hours_per_year,
        )
    )
    lines.extend(
        "  "
        + _(
            "{name}：{hours} / {required} 学时",
            name=t.name,
            hours=f"{t.hours:g}",
            required=t.required,
        )
        for t in c.training_shortfall[:LIST_LIMIT]
    )
    if c.preservice:
        lines.append(
            "✗ "
            + n_(
                "新任督学岗前培训（首次聘任后 {months} 个月内完成，不少于 {hours} 学时）"
                "未完成：{n} 名",
                len(c.preservice),
                months=p.preservice_window_months,
                hours=p.preservice_training_hours,
            )
        )
        lines.extend(
            "  "
            + _(
                "{name}：{hours} / {required} 学时，{due}",
                name=o.name,
                hours=f"{o.hours:g}",
                required=p.preservice_training_hours,
                due=_("{day} 已到期", day=_day(o.due))
                if o.overdue
                else _("{day} 前完成", day=_day(o.due)),
            )
            for o in c.preservice[:LIST_LIMIT]
        )
    a = c.assessments
    if a is not None and a.missing:
        when = _("已逾期") if a.overdue else _("前完成")
        lines.append(
            "✗ "
            + n_(
                "{year} 年度督学年度考核：{n} 名督学尚无考核结果（{due} {when}）：{names}",
                len(a.missing),
                year=a.year,
                due=_day(a.due),
                when=when,
                names=_names(a.missing),
            )
        )
    if c.qualifications:
        lines.append("! " + n_("任职条件不足：{n} 名督学", len(c.qualifications)))
        lines.extend(
            "  " + _("{name}：{gaps}", name=q.name, gaps=joined(q.gaps))
            for q in c.qualifications[:LIST_LIMIT]
        )
    if c.missing_centralized:
        lines.append(
            "✗ "
            + _(
                "近三年集中培训不足 {days} 个工作日：{names}",
                days=p.centralized_training_days,
                names=_names(c.missing_centralized),
            )
        )
    if c.overloaded:
        lines.append(
            "! "
            + _(
                "负责学校超过 {limit} 所：{inspectors}",
                limit=p.inspector_school_warning,
                inspectors=joined(
                    (n_("{name}（{n} 所）", w.schools, name=w.name) for w in c.overloaded),
                    "、",
                    ", ",
                ),
            )
        )
    if c.rotation_due:
        lines.append(
            "! "
            + n_(
                "同一学校连续负责满 {years} 年、宜交流：{n} 处",
                len(c.rotation_due),
                years=p.rotation_reminder_years,
            )
        )
        lines.extend(
            "  "
            + _(
                "{inspector}：{school}（自 {since}）",
                inspector=r.inspector,
                school=r.school,
                since=_day(r.since),
            )
            for r in c.rotation_due[:LIST_LIMIT]
        )
    if c.visits:
        lines.extend(_visit_lines(c))
    if c.zone_quotas:
        lines.extend(_zone_lines(c.zone_quotas))
    if c.calendar:
        lines.extend(_calendar_lines(c.calendar))
    if c.rectification:
        lines.extend(_rectification_lines(c))
    if c.archives:
        lines.extend(_archive_lines(c.archives))
    lines += ["", _("责任区：")]
    for z in c.zones:
        warn = _("（超过 {n} 所）", n=p.zone_school_warning) if z.over_limit else ""
        lines.append(
            "  "
            + _(
                "{zone}：学校 {schools} 所{warn}，责任督学 {inspectors} 名（应配 {required} 名），"
                "未挂牌 {uncovered} 所",
                zone=z.name,
                schools=z.schools,
                warn=warn,
                inspectors=z.inspectors,
                required=z.required_inspectors,
                uncovered=z.uncovered,
            )
        )
    if c.unzoned_schools:
        lines.append("  " + _("未划入责任区的学校：{names}", names=_names(c.unzoned_schools)))
    return lines


def _visit_lines(c: Compliance) -> list[str]:
    v = c.visits
    assert v is not None
    if v.school_break:
        lines = [
            "✓ "
            + n_(
                "本月督导：本月为寒暑假，不安排经常性督导；未来 7 天待督导 {n} 次",
                v.due_this_week,
            )
        ]
    else:
        lines = [
            f"{_mark(v.unvisited_this_month == 0)} "
            + _(
                "本月督导：{unvisited}（其中 {unplanned} 所本月没有安排），{due}",
                unvisited=n_("{n} 所学校尚未督导", v.unvisited_this_month),
                unplanned=v.unvisited_unplanned,
                due=n_("未来 7 天待督导 {n} 次", v.due_this_week),
            )
        ]
    lines.append(
        f"{_mark(v.records_missing == 0)} "
        + n_("督导记录：本学期 {n} 次督导已到日子却未填写记录", v.records_missing)
    )
    return lines


def _rectification_lines(c: Compliance) -> list[str]:
    r = c.rectification
    assert r is not None
    return [
        f"{_mark(r.overdue == 0)} "
        + _(
            "整改：{open}，其中逾期 {overdue} 个、已上报 {escalated} 个、"
            "督办逾期 {supervisions} 个",
            open=n_("{n} 个问题未整改", r.open),
            overdue=r.overdue,
            escalated=r.escalated,
            supervisions=r.overdue_supervisions,
        ),
        f"{_mark(r.unreported_serious == 0)} "
        + n_(
            "报送上级：{n} 个严重违规或重大问题发现后 {days} 天内未报送上级",
            r.unreported_serious,
            days=c.policy.serious_report_days,
        ),
        f"{_mark(r.overdue_complaints == 0)} "
        + n_("投诉办理：{n} 件投诉超过办理期限尚未答复", r.overdue_complaints),
    ]


def _calendar_lines(reminders: CalendarReminders) -> list[str]:
    """Principals' terms ending soon (综合督导 due) and next year's holidays from 1 November."""
    unplanned = reminders.unplanned
    lines = [
        f"{_mark(not unplanned)} "
        + n_(
            "校（园）长任期：{n} 所学校的校（园）长任期在 {days} 天内届满，"
            "其中 {unplanned} 所尚未安排综合督导",
            len(reminders.principals),
            days=reminders.warning_days,
            unplanned=len(unplanned),
        )
    ]
    lines.extend(
        "  "
        + _(
            "{school}（{principal}）：{day} 届满，{plan}",
            school=p.school,
            principal=p.principal or _("校长"),
            day=_day(p.term_end),
            plan=_("综合督导已安排在 {day}", day=_day(p.planned_on))
            if p.planned_on
            else _("请在 {day} 前安排综合督导", day=_day(p.due_by)),
        )
        for p in reminders.principals[:LIST_LIMIT]
    )
    if reminders.remind_holidays:
        lines.append(
            "✗ "
            + _(
                "{year} 年节假日安排{status}：国务院办公厅的通知发布后请导入"
                "（holidays import 通知.txt）",
                year=reminders.next_year,
                status=CERTAINTY_LABELS[reminders.next_year_status],
            )
        )
    return lines


def zone_short_line(short: ZoneShort) -> str:
    """One inspector short of his days at a zone: 城关片：李丽 3 / 4 天."""
    return _(
        "{zone}：{inspector} {days} / {required} 天",
        zone=short.zone,
        inspector=short.inspector,
        days=short.days,
        required=short.required,
    )
