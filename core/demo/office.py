"""A realistic demo office, generated deterministically into an empty database.

``office`` scale: one county seat and four townships — about 40 schools and kindergartens in five
responsibility zones, 10 inspectors with terms and 挂牌 assignments (one new kindergarten still
waits for its inspector, so the dashboard has something to say).
``county`` scale: the benchmark office — 500 schools and kindergartens, 100 serving inspectors
and ten years of term and assignment history, including former inspectors.

Both have the semester so far (from the start of the semester of 45 days ago): a routine visit
to every covered school each month — carried out with its 督导记录表 before today, now and then
cancelled or postponed, planned for the rest of this month — a 双减 and a 校园安全 campaign, a
综合督导, problems in every state of rectification (open, overdue, fixed, verified, escalated
after two follow-ups or at once, fixed on the spot) with follow-ups, notices and a 回头看 still
to come, and four complaints; and a running evaluation campaign (迎检) whose schools' archive
checklists stand in varied states (:mod:`core.demo.archives`).

The names are invented; the same ``today`` and scale always give the same office.
"""

from __future__ import annotations

import calendar
import random
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from core.calendar.visits import DEFAULT_INSPECTION_ITEMS
from core.changes import EVERYTHING, mutates
from core.demo.archives import add_demo_campaign
from core.enums import (
    COMPULSORY_KINDS,
    ActionKind,
    Assessment,
    ComplaintChannel,
    Employment,
    FollowUpOutcome,
    Gender,
    InspectionMethod,
    ProblemCategory,
    ProblemStatus,
    Requirement,
    SchoolKind,
    SixMinimum,
    TermEndReason,
    TrainingForm,
    VisitKind,
    VisitStatus,
)
from core.errors import NotEmptyError
from core.office.policy import PolicyProfile
from core.office.school_terms import SchoolCalendar
from core.office.settings import OFFICE_NAME, put_setting
from core.office.workdays import WorkCalendar
from core.reports.document import cn_date
from core.reports.settings import ReportSettings
from core.roster.assignments import responsible_by_day
from core.roster.terms import add_years, term_end
from core.roster.training import COUNTED_FORMS_KEY
from db.models import (
    Appointment,
    Assignment,
    Complaint,
    FollowUp,
    Inspector,
    Problem,
    ProblemAction,
    Recusal,
    School,
    TrainingRecord,
    Visit,
    VisitRecord,
    Zone,
)

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from db.engine import Database

SCALES = ("office", "county")
COUNTY = "青溪县"
OFFICE_NAME_DEMO = f"{COUNTY}人民政府教育督导室"

TOWNS = [
    "龙泉镇", "青山镇", "白沙镇", "石桥乡", "柳河镇", "桃源乡", "马坪镇", "新塘镇", "清水乡",
    "凤凰镇", "高岭乡", "金竹镇", "云台乡", "双溪镇", "黄土岭乡", "长乐镇", "太平镇", "安福乡",
    "大河镇", "杨柳乡", "永兴镇", "东岗乡", "西坝镇", "南塘乡", "北山镇", "古城镇", "花桥乡",
    "红岩镇", "梅林乡", "三江镇", "平安乡", "万福镇", "竹园乡", "鹿鸣镇", "槐树乡", "仁和镇",
    "兴隆乡", "莲花镇", "水口乡", "丰收镇",
]  # fmt: skip
VILLAGES = [
    "李家", "王庄", "张湾", "刘坪", "陈岭", "杨店", "赵岗", "黄沟", "周营", "吴村", "徐坝",
    "孙寨", "马岭", "朱家", "胡桥", "郭店", "何湾", "高庄", "林场", "罗坪",
]  # fmt: skip
PRIVATE_BRANDS = ["阳光", "小天使", "蓝天", "启明星", "童心", "育才", "春苗", "金太阳", "七彩"]
SURNAMES = list("王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕")
GIVEN = list("建国华明丽芳军伟强敏静磊洋勇艳杰娟涛超秀英霞平刚桂兰志红春梅海燕文斌玉金")
UNITS = [
    (f"{COUNTY}教育和体育局", "督导室专职督学"),
    (f"{COUNTY}教育和体育局", "股长"),
    (f"{COUNTY}教研室", "教研员"),
    (f"{COUNTY}人力资源和社会保障局", "科员"),
    (f"{COUNTY}财政局", "科长"),
    (f"{COUNTY}卫生健康委员会", "科长"),
    (f"{COUNTY}市场监督管理局", "副科长"),
    (f"{COUNTY}实验小学", "退休校长"),
    (f"{COUNTY}第一中学", "副校长"),
]


@dataclass(frozen=True)
class DemoSummary:
    """What the demo added."""

    zones: int
    schools: int
    inspectors: int
    appointments: int
    assignments: int
    visits: int
    problems: int
    complaints: int


@dataclass
class _SchoolSpec:
    name: str
    kind: SchoolKind
    enrolment: int
    is_private: bool = False


def _county_seat() -> list[_SchoolSpec]:
    return [
        _SchoolSpec(f"{COUNTY}实验小学", SchoolKind.PRIMARY, 3260),
        _SchoolSpec(f"{COUNTY}城关第一小学", SchoolKind.PRIMARY, 1850),
        _SchoolSpec(f"{COUNTY}城关第二小学", SchoolKind.PRIMARY, 1420),
        _SchoolSpec(f"{COUNTY}城关中学", SchoolKind.JUNIOR, 1680),
        _SchoolSpec(f"{COUNTY}第一中学", SchoolKind.SENIOR, 2860),
        _SchoolSpec(f"{COUNTY}职业中学", SchoolKind.VOCATIONAL, 960),
        _SchoolSpec(f"{COUNTY}特殊教育学校", SchoolKind.SPECIAL, 86),
        _SchoolSpec(f"{COUNTY}实验幼儿园", SchoolKind.KINDERGARTEN, 520),
        _SchoolSpec(f"{COUNTY}城关中心幼儿园", SchoolKind.KINDERGARTEN, 410),
        _SchoolSpec(f"{COUNTY}阳光幼儿园", SchoolKind.KINDERGARTEN, 230, is_private=True),
    ]


def _township(town: str, rng: random.Random, size: int) -> list[_SchoolSpec]:
    """A township's schools: the central ones first, then villages, up to ``size``."""
    specs = [
        _SchoolSpec(f"{town}中心小学", SchoolKind.PRIMARY, rng.randint(600, 1400)),
        _SchoolSpec(f"{town}初级中学", SchoolKind.JUNIOR, rng.randint(400, 1100)),
        _SchoolSpec(f"{town}中心幼儿园", SchoolKind.KINDERGARTEN, rng.randint(150, 380)),
    ]
    brand = rng.choice(PRIVATE_BRANDS)
    specs.append(
        _SchoolSpec(f"{town}{brand}幼儿园", SchoolKind.KINDERGARTEN, rng.randint(60, 220), True)
    )
    villages = rng.sample(VILLAGES, k=len(VILLAGES))
    shapes = [
        (SchoolKind.PRIMARY, "小学", 80, 420),
        (SchoolKind.TEACHING_POINT, "教学点", 8, 60),
        (SchoolKind.KINDERGARTEN, "幼儿园", 30, 120),
        (SchoolKind.PRIMARY, "小学", 80, 420),
    ]
    for index, village in enumerate(villages):
        if len(specs) >= size:
            break
        kind, suffix, low, high = shapes[index % len(shapes)]
        specs.append(_SchoolSpec(f"{town}{village}{suffix}", kind, rng.randint(low, high)))
    if size >= 12:
        specs[-1] = _SchoolSpec(
            f"{town}九年一贯制学校", SchoolKind.NINE_YEAR, rng.randint(500, 900)
        )
    return specs[:size]


def _person_names(rng: random.Random) -> Iterator[str]:
    seen: set[str] = set()
    while True:
        name = rng.choice(SURNAMES) + "".join(rng.sample(GIVEN, k=rng.choice((1, 2))))
        if name not in seen:
            seen.add(name)
            yield name


def _mobile(rng: random.Random) -> str:
    return rng.choice(("138", "139", "150", "158", "177", "186", "189")) + "".join(
        str(rng.randint(0, 9)) for _ in range(8)
    )


def _is_empty(session: Session) -> bool:
    return all(
        not session.scalar(select(func.count()).select_from(model))
        for model in (Zone, School, Inspector)
    )


class _Builder:
    def __init__(self, session: Session, scale: str, today: date) -> None:
        self.session = session
        self.scale = scale
        self.today = today
        self.rng = random.Random(f"{scale}-{today.isoformat()}")
        self.names = _person_names(self.rng)
        self.policy = PolicyProfile()
        self.appointments = 0
        self.assignments = 0

    def zones_and_schools(self) -> list[tuple[Zone, list[School]]]:
        if self.scale == "office":
            plan = [("城关责任区", _county_seat())]
            plan += [
                (f"{town.removesuffix('镇').removesuffix('乡')}片责任区", self._town(town, 7))
                for town in TOWNS[:4]
            ]
        else:
            plan = [("城关责任区", _county_seat())]
            remaining, index = 500 - len(plan[0][1]), 0
            while remaining > 0:
                town = TOWNS[index]
                size = min(remaining, 14 if index < 15 else 12)
                plan.append((f"{town}责任区", self._town(town, size)))
                remaining -= size
                index += 1
        result = []
        for order, (zone_name, specs) in enumerate(plan):
            zone = Zone(name=zone_name, sort_order=order, note="")
            schools = [self._school(spec, zone) for spec in specs]
            self.session.add(zone)
            self.session.add_all(schools)
            result.append((zone, schools))
        return result

    def _town(self, town: str, size: int) -> list[_SchoolSpec]:
        return _township(town, self.rng, size)

    def _school(self, spec: _SchoolSpec, zone: Zone) -> School:
        rng = self.rng
        return School(
            name=spec.name,
            kind=spec.kind.value,
            is_private=spec.is_private,
            enrolment=spec.enrolment,
            principal=next(self.names),
            principal_term_end=self.today + timedelta(days=rng.randint(-120, 3 * 365)),
            address=f"{COUNTY}{zone.name.removesuffix('责任区')}",
            phone=f"0738-{rng.randint(6000000, 6999999)}",
            zone=zone,
            active=True,
        )

    def inspector(self) -> Inspector:
        rng = self.rng
        unit, post = rng.choice(UNITS)
        full_time = post == "督导室专职督学" or rng.random() < 0.3
        return Inspector(
            name=next(self.names),
            gender=rng.choice(list(Gender)).value,
            unit=unit,
            post=post,
            employment=(Employment.FULL_TIME if full_time else Employment.PART_TIME).value,
            phone=_mobile(rng),
            certificate_no=f"QX{self.today.year - rng.randint(0, 6)}{rng.randint(1, 999):04d}",
            notes="",
        )

    def serving_terms(self, inspector: Inspector, first_start: date) -> date:
        """Consecutive terms from ``first_start`` up to one in force today; returns its start."""
        start = first_start
        while True:
            end = term_end(start, self.policy)
            current = end >= self.today
            assessment = None if current else self._assessment(good=True)
            self._term(inspector, start, end, assessment, None, None)
            if current:
                return first_start
            start = end + timedelta(days=1)

    def former_terms(self, inspector: Inspector, first_start: date) -> date:
        """One or two terms that ended before today; returns the day service ended."""
        start, terms = first_start, self.rng.choice((1, 2))
        ended_on = start
        for index in range(terms):
            end = term_end(start, self.policy)
            last = index == terms - 1
            reason = self.rng.choice(list(TermEndReason)) if last else None
            ended_on = end if reason in (None, TermEndReason.EXPIRED) else end - timedelta(200)
            self._term(
                inspector,
                start,
                end,
                self._assessment(good=reason != TermEndReason.DISMISSED),
                ended_on if last else None,
                reason.value if reason else None,
            )
            start = end + timedelta(days=1)
        return ended_on

    def _assessment(self, *, good: bool) -> str:
        if not good:
            return Assessment.INCOMPETENT.value
        return (Assessment.EXCELLENT if self.rng.random() < 0.25 else Assessment.COMPETENT).value

    def _term(self, inspector, start, end, assessment, ended_on, reason) -> None:
        self.session.add(
            Appointment(
                inspector=inspector,
                start_date=start,
                end_date=end,
                assessment=assessment,
                ended_on=ended_on,
                end_reason=reason,
                notes="",
            )
        )
        self.appointments += 1

    def assign(self, inspector: Inspector, school: School, start: date, end: date | None) -> None:
        self.session.add(
            Assignment(inspector=inspector, school=school, start_date=start, end_date=end, note="")
        )
        self.assignments += 1


def _latest_september(today: date) -> date:
    """The most recent 1 September, the usual day of a general re-appointment."""
    this_year = date(today.year, 9, 1)
    return this_year if today >= this_year else date(today.year - 1, 9, 1)


def _start_dates(builder: _Builder, count: int, years_back: int) -> list[date]:
    """Appointment dates on 1 September of past years (general re-appointments, 换届)."""
    latest = _latest_september(builder.today).year
    years = [latest - offset for offset in range(years_back)]
    return [date(builder.rng.choice(years), 9, 1) for _ in range(count)]


@mutates(*EVERYTHING)
def create_demo(db: Database, scale: str = "office", today: date | None = None) -> DemoSummary:
    """Fill an empty database with the demo office; raises NotEmptyError otherwise."""
    if scale not in SCALES:
        raise ValueError(f"unknown scale {scale!r}; expected one of {SCALES}")
    today = today or date.today()
    with db.session() as session:
        if not _is_empty(session):
            raise NotEmptyError("数据库中已有数据，演示数据只能装入空数据库。")
        builder = _Builder(session, scale, today)
        put_setting(session, OFFICE_NAME, OFFICE_NAME_DEMO)
        # The demo county's rules count online study and seminars toward the yearly hours.
        put_setting(session, COUNTED_FORMS_KEY, list(DEMO_COUNTED_FORMS))
        zoned = builder.zones_and_schools()
        serving_count, years_back = (10, 6) if scale == "office" else (100, 9)
        serving = [builder.inspector() for _ in range(serving_count)]
        session.add_all(serving)
        starts = _start_dates(builder, serving_count, years_back)
        if scale == "office":
            starts[-1] = add_years(today + timedelta(days=46), -builder.policy.term_years)
            starts[-2] = date(_latest_september(today).year - 2 * builder.policy.term_years, 9, 1)
        for inspector, first in zip(serving, starts, strict=True):
            builder.serving_terms(inspector, first)
        _assign_schools(builder, zoned, serving)
        if scale == "county":
            _former_inspectors(builder, zoned)
        _training(builder, serving)
        _recusal(builder, zoned, serving)
        activity = _semester_activity(builder, zoned, serving)
        session.flush()
        summary = DemoSummary(
            zones=len(zoned),
            schools=sum(len(schools) for _, schools in zoned),
            inspectors=serving_count,
            appointments=builder.appointments,
            assignments=builder.assignments,
            visits=len(activity.visits),
            problems=len(activity.problems),
            complaints=activity.complaints_received,
        )
    add_demo_campaign(db, scale, today)
    return summary


def _assign_schools(
    builder: _Builder, zoned: list[tuple[Zone, list[School]]], serving: list[Inspector]
) -> None:
    """Give every school a responsible inspector, zone by zone, large schools 1∶1.

    In the office demo the last kindergarten opened this term and has no inspector yet.
    """
    policy = builder.policy
    schools = [school for _, zone_schools in zoned for school in zone_schools]
    if builder.scale == "office":
        schools.pop()
    large = [s for s in schools if s.enrolment > policy.dedicated_inspector_enrolment]
    shared = [s for s in schools if s not in large]
    inspectors = iter(serving)
    for school in large:
        inspector = next(inspectors)
        builder.assign(inspector, school, _assignment_start(builder, inspector), None)
    pool = list(inspectors)
    per_inspector = -(-len(shared) // len(pool))
    for index, school in enumerate(shared):
        inspector = pool[min(index // per_inspector, len(pool) - 1)]
        builder.assign(inspector, school, _assignment_start(builder, inspector), None)


def _assignment_start(builder: _Builder, inspector: Inspector) -> date:
    first_term = min(a.start_date for a in inspector.appointments)
    return max(first_term, builder.today - timedelta(days=builder.rng.randint(200, 4 * 365)))


def _former_inspectors(builder: _Builder, zoned: list[tuple[Zone, list[School]]]) -> None:
    """Twenty former inspectors whose terms ended, with the schools they once covered."""
    schools = [school for _, zone_schools in zoned for school in zone_schools]
    former = [builder.inspector() for _ in range(20)]
    builder.session.add_all(former)
    earliest = builder.today.year - 10
    for index, inspector in enumerate(former):
        ended_on = builder.former_terms(inspector, date(earliest + index % 4, 9, 1))
        first_start = inspector.appointments[0].start_date
        for school in schools[index * 25 : index * 25 + 5]:
            current_start = min(a.start_date for a in school.assignments)
            end = min(ended_on, current_start - timedelta(days=1))
            if end > first_start:
                builder.assign(inspector, school, first_start, end)


DEMO_COUNTED_FORMS = (
    TrainingForm.CENTRALIZED.value,
    TrainingForm.ONLINE.value,
    TrainingForm.FULL_RELEASE.value,
    TrainingForm.SEMINAR.value,
)
PROVINCE_OFFICE = "省人民政府教育督导委员会办公室"
CITY_OFFICE = "市人民政府教育督导委员会办公室"


def _training(builder: _Builder, serving: list[Inspector]) -> None:
    """Yearly training for the serving inspectors: most meet the hours, some fall short.

    Every third year brings a week of centralized training; inspectors in their first term took
    pre-service training, except one in the office demo, so the dashboard has something to show.
    """
    rng, today = builder.rng, builder.today
    missing_preservice = 1 if builder.scale == "office" else 0
    for inspector in serving:
        first = min(a.start_date for a in inspector.appointments)
        if min(inspector.appointments, key=lambda a: a.start_date).end_date >= today:
            if missing_preservice:
                missing_preservice -= 1
            else:
                _course(
                    inspector,
                    first,
                    first + timedelta(days=1),
                    "新任责任督学岗前培训",
                    CITY_OFFICE,
                    TrainingForm.PRESERVICE,
                    16,
                )
        for year in range(first.year, today.year + 1):
            current = year == today.year
            online_hours = rng.choice((12, 20, 24, 30)) if current else rng.choice((24, 30, 32))
            _course(
                inspector,
                date(year, 4, 10),
                date(year, 5, 20),
                "责任督学网络研修",
                "国家教育行政学院",
                TrainingForm.ONLINE,
                online_hours,
            )
            if not current or rng.random() < 0.6:
                _course(
                    inspector,
                    date(year, 6, 18),
                    date(year, 6, 18),
                    "责任区督导工作交流研讨",
                    OFFICE_NAME_DEMO,
                    TrainingForm.SEMINAR,
                    8,
                )
            if (year - first.year) % 3 == 1 and rng.random() < 0.85:
                start = _monday_on_or_after(date(year, 7, 13))
                _course(
                    inspector,
                    start,
                    start + timedelta(days=11),
                    "责任督学集中培训班",
                    PROVINCE_OFFICE,
                    TrainingForm.CENTRALIZED,
                    60,
                )


def _monday_on_or_after(day: date) -> date:
    return day + timedelta(days=(7 - day.weekday()) % 7)


def _course(inspector, start, end, course, organizer, form, hours) -> None:
    inspector.training.append(
        TrainingRecord(start_date=start, end_date=end, course=course, organizer=organizer,
                       form=form.value, hours=float(hours), certificate="", note="")
    )  # fmt: skip


def _recusal(
    builder: _Builder, zoned: list[tuple[Zone, list[School]]], serving: list[Inspector]
) -> None:
    """A retired principal may not cover the school they led (回避)."""
    school = zoned[0][1][0]
    inspector = next(i for i in serving if all(a.school is not school for a in i.assignments))
    builder.session.add(
        Recusal(
            inspector=inspector,
            school=school,
            reason="曾任该校校长",
            since=inspector.appointments[0].start_date,
        )
    )


# --- a semester of visits, their records, rectification and complaints ----------------------

RECENT_DAYS = 45
"""The visit history starts with the semester of this many days ago (or the one before)."""
RECHECK_WITHIN = timedelta(days=30)
ITEMS = DEFAULT_INSPECTION_ITEMS
"""The office's main inspection items (the default list: the demo does not change it)."""
ITEM_FINDINGS = (
    "学校坚持立德树人，升旗仪式、主题班会、国旗下讲话按计划开展。",
    "校园秩序井然，课堂纪律良好，学生文明有礼。",
    "各项管理制度上墙公示，值班、门卫登记等制度执行到位。",
    "招生按划片方案进行，收费公示栏内容齐全，未发现违规收费。",
    "按国家课程方案开齐开足课程，随堂听课 {lessons} 节，教师备课较充分。",
    "作业公示制度落实，书面作业总量基本控制在规定时长内，大课间活动正常开展。",
    "教师师德承诺书签订齐全，校本研修活动记录完整。",
    "门卫室防护器械配备齐全，上下学时段校门口有护学岗。",
    "食堂证照齐全，食品留样记录完整，饮水设施定期清洗消毒。",
)
"""What a visit found, one sentence for each of :data:`ITEMS`."""
KINDERGARTEN_FINDING_6 = "一日活动安排合理，户外活动时间充足，未发现提前教授小学内容。"
MINOR_ISSUES = (
    ("个别班级作业公示不及时。", "落实作业公示制度，每日公示各科作业内容和预计完成时长。"),
    ("部分功能室使用记录不完整。", "完善功能室使用登记，提高功能室使用率。"),
    ("食堂晨检记录有漏记。", "严格执行从业人员晨检制度，做到每日登记。"),
    ("校园监控存在盲区。", "在操场东侧和围墙转角处增设监控探头。"),
    ("安全隐患排查台账填写不规范。", "按周填写隐患排查台账，明确整改责任人和时限。"),
)
FEEDBACK = (
    "督导结束后向校长现场反馈，学校表示立即研究整改。",
    "与学校班子成员座谈，反馈督导意见，学校认可督导发现的问题。",
    "现场向分管副校长反馈，学校承诺一周内报送整改情况。",
)
CANCELLED_NOTES = ("督学参加县教育局会议，本次督导取消。", "学校组织期中考试，取消本次督导。")
POSTPONED_NOTES = ("遇恶劣天气，督导延期。", "学校举办运动会，督导延期。")
ANY_SCHOOL = frozenset(kind.value for kind in SchoolKind)
PUBLIC_BUILDINGS = ANY_SCHOOL - {SchoolKind.KINDERGARTEN.value, SchoolKind.TEACHING_POINT.value}
TOPIC_ITEMS = {"双减": (4, 5), "校园安全": (7, 8)}
"""The main items (by index) a 专项督导 of a topic always looks at."""


def _semester_start(day: date) -> date:
    """The first day of the semester ``day`` falls in, or of the latest one before it (by the
    default term dates)."""
    return SchoolCalendar().semester_from(day, -1).start


def _month_end(day: date) -> date:
    return date(day.year, day.month, calendar.monthrange(day.year, day.month)[1])


def _recused(inspector: Inspector, school: School) -> bool:
    return any(recusal.school is school for recusal in inspector.recusals)


class _Activity:
    """The office's semester so far: visits on working days under the daily cap, the records
    of those carried out, the problems they found and how their rectification stands, and the
    complaints received."""

    def __init__(self, builder: _Builder, schools: list[School], serving: list[Inspector]):
        self.session, self.rng, self.today = builder.session, builder.rng, builder.today
        self.policy, self.schools, self.serving = builder.policy, schools, serving
        first = _semester_start(self.today - timedelta(days=RECENT_DAYS))
        self.calendar = WorkCalendar()
        days = self.calendar.workdays(first, _month_end(self.today))
        self.days = [day for day in days if SchoolCalendar().in_term(day)]
        self.load: Counter[tuple[Inspector, date]] = Counter()
        self.busy: set[tuple[int, date]] = set()
        self.session.flush()  # ids for the rows below, written by id to keep the demo fast
        self.by_id = {school.id: school for school in schools}
        self.inspectors = {
            i.id: i for school in schools for i in (a.inspector for a in school.assignments)
        }
        self.cover = responsible_by_day(
            self.session, first, max(_month_end(self.today), self.today)
        )
        self.visits: list[Visit] = []
        self.used: set[Visit] = set()
        self.problems: list[Problem] = []
        self.notices: list[Problem] = []
        self.complaints_received = 0
        self.called_off = 0

    def responsible(self, school: School, day: date) -> Inspector | None:
        """The inspector covering ``school`` on ``day`` while in office (the roster's rule,
        :func:`core.roster.assignments.responsible_by_day`)."""
        inspector_id = self.cover.get(school.id, {}).get(day)
        return None if inspector_id is None else self.inspectors[inspector_id]

    # visits

    def visit(
        self,
        school: School,
        inspector: Inspector,
        day: date,
        kind: VisitKind = VisitKind.ROUTINE,
        topic: str = "",
        companions: tuple[Inspector, ...] = (),
        *,
        generated: bool = False,
    ) -> Visit:
        """A visit on ``day``: done before today, planned after.

        ``generated``: the monthly plan generator made it (the routine visits of each month);
        now and then such a visit was called off. As in the app, it stays the generator's only
        while it is planned: confirming, carrying out or calling it off makes it the clerk's.
        """
        status = VisitStatus.PLANNED if day > self.today else VisitStatus.DONE
        if day == self.today or (day > self.today and (day - self.today).days <= 3):
            status = VisitStatus.CONFIRMED
        note = ""
        if status == VisitStatus.DONE and generated and self.rng.random() < 0.06:
            self.called_off += 1
            status = (VisitStatus.CANCELLED, VisitStatus.POSTPONED)[self.called_off % 2]
            notes = CANCELLED_NOTES if status == VisitStatus.CANCELLED else POSTPONED_NOTES
            note = self.rng.choice(notes)
        visit = Visit(
            visit_date=day,
            school_id=school.id,
            inspector_id=inspector.id,
            kind=kind.value,
            status=status.value,
            topic=topic,
            note=note,
            generated=generated and status == VisitStatus.PLANNED,
            companions=list(companions),
        )
        self.session.add(visit)
        self.visits.append(visit)
        self.load[(inspector, day)] += 1
        self.busy.add((school.id, day))
        if status == VisitStatus.DONE:
            visit.record = self._record(visit, school)
        return visit

    def free_day(self, inspector: Inspector, school: School, days: list[date], target: int) -> date:
        """The day of ``days`` nearest the ``target``-th with room under the inspector's daily
        cap and no other visit to the school."""
        cap = self.policy.visits_per_inspector_per_day
        order = sorted(range(len(days)), key=lambda i: (abs(i - target), i))
        free = (
            days[i]
            for i in order
            if self.load[(inspector, days[i])] < cap and (school.id, days[i]) not in self.busy
        )
        return next(free, days[target])

    def routine(self) -> None:
        """One routine visit a month to every covered school, spread like the monthly plan.

        A postponed visit is made up a few working days later.
        """
        months: dict[tuple[int, int], list[date]] = defaultdict(list)
        for day in self.days:
            months[(day.year, day.month)].append(day)
        for days in months.values():
            middle = days[len(days) // 2]
            theirs: dict[Inspector, list[School]] = defaultdict(list)
            for school in self.schools:
                inspector = self.responsible(school, middle)
                if inspector is not None:
                    theirs[inspector].append(school)
            phases = len(theirs)
            for phase, (inspector, schools) in enumerate(theirs.items()):
                for index, school in enumerate(schools):
                    spacing = 2 * len(schools) * phases
                    target = (2 * (index * phases + phase) + 1) * len(days) // spacing
                    day = self.free_day(inspector, school, days, target)
                    if self.responsible(school, day) is not inspector:
                        continue
                    visit = self.visit(school, inspector, day, generated=True)
                    if visit.status == VisitStatus.POSTPONED:
                        later = [d for d in days if d > day][2:]
                        if later:
                            self.visit(
                                school, inspector, self.free_day(inspector, school, later, 0)
                            )

    def campaign(self, topic: str, schools: list[School], first: date, span: int) -> None:
        """专项督导 on ``topic`` to ``schools`` over ``span`` working days from ``first``."""
        days = [d for d in self.days if d >= first][:span] or self.days[-span:]
        for index, school in enumerate(schools):
            inspector = self.responsible(school, days[0])
            if inspector is not None:
                target = index * len(days) // len(schools)
                day = self.free_day(inspector, school, days, target)
                self.visit(school, inspector, day, VisitKind.SPECIAL, topic)

    def comprehensive(self) -> None:
        """A 综合督导 by a team of three, at a school whose principal's term ends this semester."""
        semester = SchoolCalendar().semester_of(self.days[-1])
        assert semester is not None
        covered = [s for s in self.schools if self.responsible(s, self.today) is not None]
        ending = [s for s in covered if s.principal_term_end in semester] or covered
        school = min(ending, key=lambda s: (s.principal_term_end or self.today, s.name))
        inspector = self.responsible(school, self.today)
        assert inspector is not None
        team = tuple(i for i in self.serving if i is not inspector and not _recused(i, school))[:2]
        past = [d for d in self.days if d < self.today]
        day = self.free_day(inspector, school, past, max(0, len(past) - 15))
        self.visit(school, inspector, day, VisitKind.COMPREHENSIVE, "", team)

    # records

    def _record(self, visit: Visit, school: School) -> VisitRecord:
        """The 督导记录表 of a visit carried out: the items looked at (all of them on a 综合督导,
        those of the topic on a 专项督导), how, what was found and said, filed within days."""
        rng = self.rng
        if visit.kind == VisitKind.COMPREHENSIVE:
            chosen, methods = list(range(len(ITEMS))), set(InspectionMethod)
        else:
            must = TOPIC_ITEMS.get(visit.topic, ())
            others = [i for i in range(len(ITEMS)) if i not in must]
            chosen = sorted({*must, *rng.sample(others, k=rng.randint(3, 4) - len(must))})
            methods = {
                InspectionMethod.TOUR,
                *rng.sample(list(InspectionMethod), rng.randint(1, 3)),
            }
        six: list[SixMinimum] = []
        if school.kind in COMPULSORY_KINDS:
            count = rng.randint(3, 6) if visit.topic == "双减" else rng.randint(0, 2)
            six = rng.sample(list(SixMinimum), k=count)
        findings = list(ITEM_FINDINGS)
        if school.kind == SchoolKind.KINDERGARTEN:
            findings[5] = KINDERGARTEN_FINDING_6
        issue, advice = rng.choice(MINOR_ISSUES) if rng.random() < 0.5 else ("", "")
        return VisitRecord(
            items=[ITEMS[i] for i in chosen],
            methods=[m.value for m in InspectionMethod if m in methods],
            six_minimum=[s.value for s in SixMinimum if s in six],
            findings="".join(findings[i].format(lessons=rng.randint(1, 3)) for i in chosen),
            problems=issue or "未发现明显问题。",
            advice=advice or "继续保持良好的办学秩序。",
            feedback=rng.choice(FEEDBACK),
            filed_on=min(visit.visit_date + timedelta(days=rng.randint(0, 3)), self.today),
        )

    # rectification

    def done_near(self, days_ago: int, kinds: frozenset[str] = ANY_SCHOOL) -> Visit:
        """A routine visit carried out about ``days_ago`` days before today at a school of one
        of ``kinds``, not used for a problem yet."""
        target = self.today - timedelta(days=days_ago)
        done = [
            v
            for v in self.visits
            if v.status == VisitStatus.DONE
            and v.kind == VisitKind.ROUTINE
            and self.by_id[v.school_id].kind in kinds
            and v not in self.used
        ]
        visit = min(done, key=lambda v: (abs((v.visit_date - target).days), v.visit_date))
        self.used.add(visit)
        return visit

    def problem(
        self,
        visit: Visit,
        description: str,
        advice: str,
        category: ProblemCategory,
        status: ProblemStatus,
        *,
        days: int = 15,
        immediate: bool = False,
        notice: bool = False,
    ) -> Problem:
        """A problem found on ``visit`` (its record then says so), with ``days`` to fix it;
        ``notice``: a numbered rectification notice was issued the next day."""
        found = visit.visit_date
        if visit.record is not None:
            visit.record.problems, visit.record.advice = description, advice
        problem = Problem(
            school_id=visit.school_id,
            visit=visit,
            found_on=found,
            category=category.value,
            description=description,
            requirement=(Requirement.IMMEDIATE if immediate else Requirement.DEADLINE).value,
            deadline=found if immediate else found + timedelta(days=days),
            notice_date=found + timedelta(days=1) if notice else None,
            status=status.value,
            note="",
        )
        if notice:
            self.notices.append(problem)
        self.session.add(problem)
        self.problems.append(problem)
        return problem

    def follow_up(self, problem: Problem, day: date, outcome: FollowUpOutcome, result: str) -> None:
        """A follow-up (复查) of ``problem`` on ``day`` (never after today)."""
        problem.follow_ups.append(
            FollowUp(day=min(day, self.today), outcome=outcome.value, result=result)
        )

    def rectification(self) -> Problem:
        """Problems in every state; returns the one fixed and awaiting its 回头看."""
        self.problem(
            self.done_near(5, PUBLIC_BUILDINGS),
            "部分教室照明不达标，黑板局部照度不足。",
            "更换教室灯具，增设黑板灯，一个月内完成。",
            ProblemCategory.GENERAL,
            ProblemStatus.OPEN,
            days=30,
        )
        difficult = self.problem(
            self.done_near(30, PUBLIC_BUILDINGS),
            "教学楼屋面渗水，顶层两间教室墙面霉变，维修需县财政安排资金。",
            "学校先行停用受影响教室，并报县教育和体育局协调住建、财政部门解决。",
            ProblemCategory.DIFFICULT,
            ProblemStatus.OPEN,
            days=90,
        )
        difficult.note = "需住建、财政等部门协调解决"
        overdue = self.problem(
            self.done_near(45, COMPULSORY_KINDS),
            "学生书面作业量偏大，部分班级作业超过规定时长，作业公示制度未落实。",
            "严格落实“双减”要求，建立作业公示和总量统筹制度。",
            ProblemCategory.GENERAL,
            ProblemStatus.OPEN,
            days=20,
            notice=True,
        )
        assert overdue.deadline is not None
        self.follow_up(
            overdue,
            overdue.deadline + timedelta(days=2),
            FollowUpOutcome.IN_PROGRESS,
            "已制定作业公示制度，尚未全面落实。",
        )
        fixed = self.problem(
            self.done_near(25),
            "食堂食品留样记录不全，部分餐次未按规定留样。",
            "按规定每餐次留样 125 克以上并保存 48 小时，专人登记。",
            ProblemCategory.GENERAL,
            ProblemStatus.FIXED,
            days=14,
        )
        fixed.closed_on = min(fixed.found_on + timedelta(days=10), self.today)
        self.follow_up(
            fixed,
            fixed.closed_on,
            FollowUpOutcome.FIXED,
            "学校报送整改报告，已配备留样柜并专人登记。",
        )
        verified = self.problem(
            self.done_near(40),
            "校园消防器材部分过期，未按期检查。",
            "全面排查更换过期消防器材，建立月检制度。",
            ProblemCategory.GENERAL,
            ProblemStatus.VERIFIED,
            days=10,
        )
        fixed_on = min(verified.found_on + timedelta(days=9), self.today)
        self.follow_up(verified, fixed_on, FollowUpOutcome.FIXED, "学校报送整改报告，已全部更换。")
        verified.closed_on = min(fixed_on + timedelta(days=3), self.today)  # 销号
        escalated = self.problem(
            self.done_near(55, COMPULSORY_KINDS),
            "上下学时段校门口护学岗未落实，接送车辆乱停乱放，存在交通安全隐患。",
            "落实护学岗制度，协调交警部门规范校门口交通秩序。",
            ProblemCategory.KEY,
            ProblemStatus.ESCALATED,
            days=15,
            notice=True,
        )
        assert escalated.deadline is not None
        first = escalated.deadline + timedelta(days=1)
        self.follow_up(escalated, first, FollowUpOutcome.NOT_FIXED, "复查：护学岗仍未落实。")
        second = min(first + timedelta(days=10), self.today)
        self.follow_up(
            escalated, second, FollowUpOutcome.NOT_FIXED, "再次复查：仍未整改，报县教育督导室。"
        )
        escalated.escalated_on = second
        serious = self.problem(
            self.done_near(15, COMPULSORY_KINDS),
            "学校违规组织学生集体订购教辅资料并收取费用。",
            "立即停止违规征订，全额清退所收费用。",
            ProblemCategory.SERIOUS,
            ProblemStatus.ESCALATED,
            days=7,
            notice=True,
        )
        serious.escalated_on, serious.note = serious.found_on, "已于当日报告县教育督导室"
        on_the_spot = self.problem(
            self.done_near(20),
            "消防通道堆放体育器材，影响紧急疏散。",
            "立即清理消防通道。",
            ProblemCategory.GENERAL,
            ProblemStatus.FIXED,
            immediate=True,
        )
        self.escalation_steps(overdue, escalated, difficult)
        on_the_spot.closed_on = on_the_spot.found_on
        self.follow_up(
            on_the_spot, on_the_spot.found_on, FollowUpOutcome.FIXED, "督学指出后学校当场清理。"
        )
        return fixed

    def escalation_steps(self, late: Problem, reported: Problem, difficult: Problem) -> None:
        """A 督办通知 for the late problem, a 约谈 with its record on the reported one, and the
        难点问题 reported up to the city (never after today)."""
        today = self.today
        assert late.deadline is not None
        day = min(late.deadline + timedelta(days=3), today)
        self.session.add(
            ProblemAction(
                problem=late, kind=ActionKind.SUPERVISION.value, day=day,
                number=ReportSettings().supervision_number(day.year, 1),
                deadline=day + timedelta(days=10),
                previous_deadline=late.deadline,
                content="逾期未整改到位，作业公示制度未全面落实",
            )
        )  # fmt: skip
        late.deadline = day + timedelta(days=10)
        assert reported.escalated_on is not None
        talk = min(reported.escalated_on + timedelta(days=3), today)
        self.session.add(
            ProblemAction(
                problem=reported, kind=ActionKind.INTERVIEW.value, day=talk,
                place="县教育督导室会议室", subjects="校长、分管安全副校长",
                officials="县教育督导室主任、责任督学",
                content="通报两次复查情况；校长说明护学岗未落实的原因，承诺一周内落实护学岗"
                "并协调交警规范校门口交通。",
                outcome="学校已提交书面整改承诺",
            )
        )  # fmt: skip
        self.session.add(
            ProblemAction(
                problem=difficult, kind=ActionKind.REFERRAL.value,
                day=min(difficult.found_on + timedelta(days=7), today), subjects=CITY_OFFICE,
                content="校舍维修资金须县财政安排，住建部门鉴定，报请协调。",
            )
        )  # fmt: skip

    def recheck(self, problem: Problem) -> None:
        """A 回头看 of ``problem`` at its school by the responsible inspector, a week or so
        ahead (school break or not: the rectification is looked at on site)."""
        school = self.by_id[problem.school_id]
        inspector = self.responsible(school, self.today)
        ahead = self.calendar.workdays(self.today + timedelta(days=1), self.today + RECHECK_WITHIN)
        if inspector is not None:
            day = self.free_day(inspector, school, ahead, 5)
            self.session.flush()  # gives the problem its id
            self.visit(school, inspector, day, VisitKind.RECHECK).problem_id = problem.id

    def complaints(self) -> None:
        """Four complaints: one anonymous and pending, two verified and replied (one after its
        办理期限), one that raised a problem after a 随访督导."""
        rng, today = self.rng, self.today
        kinds = {kind: [s for s in self.schools if s.kind == kind] for kind in SchoolKind}
        covered = {s for s in self.schools if self.responsible(s, today) is not None}

        def school_of(kind: SchoolKind) -> School:
            return next(s for s in kinds[kind] + self.schools if s in covered)

        def complaint(received: date, school: School, **fields: object) -> Complaint:
            inspector = self.responsible(school, received)
            row = Complaint(received_on=received, school_id=school.id,
                            inspector_id=inspector.id if inspector else None,
                            **fields)  # fmt: skip
            self.session.add(row)
            self.complaints_received += 1
            return row

        complaint(
            today - timedelta(days=3),
            school_of(SchoolKind.PRIMARY),
            channel=ComplaintChannel.PHONE.value,
            complainant="",
            contact="",
            content="反映学校课后服务时段组织学生集中上新课。",
            verification="",
            result="",
        )
        kindergarten = school_of(SchoolKind.KINDERGARTEN)
        received = today - timedelta(days=rng.randint(25, 35))
        complaint(
            received,
            kindergarten,
            channel=ComplaintChannel.LETTER.value,
            complainant="刘女士",
            contact=_mobile(rng),
            content="来信反映幼儿园伙食费收支未按月公示。",
            verification=f"责任督学于{cn_date(received + timedelta(days=2))}到园查看"
            "伙食费公示栏和收支账目，公示确有延迟。",
            result="情况部分属实，已督促幼儿园每月按时公示伙食费收支情况。",
            replied_on=received + timedelta(days=6),
        )
        received = today - timedelta(days=rng.randint(40, 50))
        complaint(
            received,
            school_of(SchoolKind.TEACHING_POINT),
            channel=ComplaintChannel.VISIT.value,
            complainant="王先生",
            contact=_mobile(rng),
            content="来访反映学校接送学生车辆超员。",
            verification="督学到校查看车辆运行记录并随车检查，未发现超员情况。",
            result="反映情况不属实，已向来访人当面说明。",
            replied_on=received + timedelta(days=18),  # answered late: after the 15 days
        )
        junior = school_of(SchoolKind.JUNIOR)
        received = today - timedelta(days=12)
        raised = complaint(
            received,
            junior,
            channel=ComplaintChannel.ONLINE.value,
            complainant="张先生",
            contact=_mobile(rng),
            content="网络留言反映学校周末组织初三学生集中补课并收取资料费。",
            verification="责任督学随访督导核实，情况属实。",
            result="已下发整改要求，责令学校立即停止违规补课、清退资料费。",
            replied_on=received + timedelta(days=4),
        )
        since = [
            d
            for d in self.calendar.workdays(received + timedelta(days=1), today - timedelta(days=1))
            if self.responsible(junior, d)
        ]
        inspector = self.responsible(junior, since[0] if since else today)
        assert inspector is not None  # the school is covered today
        day = self.free_day(inspector, junior, since or [today], 0)
        visit = self.visit(junior, inspector, day, VisitKind.FOLLOW_UP)
        visit.note = "核实网络留言反映的违规补课问题"
        problem = self.problem(
            visit,
            "学校周末组织初三学生集中补课并收取资料费。",
            "立即停止违规补课，清退所收费用，并在全校教师会上通报。",
            ProblemCategory.KEY,
            ProblemStatus.OPEN,
            days=15,
            notice=True,
        )
        problem.complaint = raised

    def number_notices(self) -> None:
        """Rectification notices numbered in the order of issue within each year, as the
        office's default report settings number them."""
        numbers: Counter[int] = Counter()
        for problem in sorted(self.notices, key=lambda p: (p.notice_date, p.found_on)):
            assert problem.notice_date is not None
            year = problem.notice_date.year
            numbers[year] += 1
            problem.notice_no = ReportSettings().notice_number(year, numbers[year])


def _semester_activity(
    builder: _Builder, zoned: list[tuple[Zone, list[School]]], serving: list[Inspector]
) -> _Activity:
    """The semester so far: routine visits every month, a 双减 campaign, a 校园安全 campaign
    still under way, one 综合督导, problems in every state of rectification with a 回头看
    planned, and complaints."""
    schools = [school for _, zone_schools in zoned for school in zone_schools]
    activity = _Activity(builder, schools, serving)
    activity.routine()
    compulsory = [s for s in schools if s.kind in COMPULSORY_KINDS]
    double = compulsory[:: max(1, len(compulsory) // 8)]
    activity.campaign("双减", double, activity.days[len(activity.days) // 3], 10)
    activity.campaign("校园安全", schools[1::6], builder.today - timedelta(days=7), 10)
    activity.comprehensive()
    activity.recheck(activity.rectification())
    activity.complaints()
    activity.number_notices()
    return activity
