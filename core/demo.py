"""A realistic demo office, generated deterministically into an empty database.

``office`` scale: one county seat and four townships — about 40 schools and kindergartens in five
responsibility zones, 10 inspectors with terms and 挂牌 assignments (one new kindergarten still
waits for its inspector, so the dashboard has something to say).
``county`` scale: the benchmark office — 500 schools and kindergartens, 100 serving inspectors
and ten years of term and assignment history, including former inspectors.

The names are invented; the same ``today`` and scale always give the same office.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from core.enums import Assessment, Employment, Gender, SchoolKind, TermEndReason, TrainingForm
from core.errors import NotEmptyError
from core.policy import PolicyProfile
from core.settings import OFFICE_NAME, put_setting
from core.terms import add_years, term_end
from db.models import Appointment, Assignment, Inspector, Recusal, School, TrainingRecord, Zone

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
        session.flush()
        return DemoSummary(
            zones=len(zoned),
            schools=sum(len(schools) for _, schools in zoned),
            inspectors=serving_count,
            appointments=builder.appointments,
            assignments=builder.assignments,
        )


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


PROVINCE_OFFICE = "省人民政府教育督导委员会办公室"
CITY_OFFICE = "市人民政府教育督导委员会办公室"


def _training(builder: _Builder, serving: list[Inspector]) -> None:
    """Yearly training for the serving inspectors: most meet the hours, some fall short.

    Every third year brings a week of centralized training; new inspectors take pre-service
    training, except one in the office demo, so the dashboard has something to show.
    """
    rng, today = builder.rng, builder.today
    missing_preservice = 1 if builder.scale == "office" else 0
    for inspector in serving:
        first = min(a.start_date for a in inspector.appointments)
        if first.year == today.year:
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
