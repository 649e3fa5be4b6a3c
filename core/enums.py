"""Stored codes of the domain's enumerations and their labels (Chinese, shown in the chosen
language)."""

from __future__ import annotations

from enum import StrEnum
from functools import cache
from typing import Self, overload

from core.i18n import Text, _, english, language


@cache
def _label(chinese: str, code: str) -> Text:
    # Made once per label and language: lists show a label on every row.
    return _(chinese)


class LabelledEnum(StrEnum):
    """A stored code with a label (``label``): Chinese in the code, shown in the chosen
    language (:mod:`core.i18n`)."""

    _chinese_label: str

    # Members are declared as ``CODE = "code", "label"``; once the class exists, calling it
    # with one stored code looks the member up (``Assessment("competent")``), as any Enum.
    @overload
    def __new__(cls, code: str) -> Self: ...
    @overload
    def __new__(cls, code: str, label: str) -> Self: ...
    def __new__(cls, code: str, label: str | None = None) -> Self:
        if label is None:
            raise TypeError(f"{cls.__name__} member {code!r} needs a label")
        member = str.__new__(cls, code)
        member._value_ = code
        member._chinese_label = label
        return member

    @property
    def label(self) -> str:
        """The label in the chosen language (Chinese inside a document), a :class:`Text`."""
        return _label(self._chinese_label, language())

    @property
    def chinese_label(self) -> str:
        """The label as the office's sheets and documents write it, whatever the language."""
        return self._chinese_label

    @classmethod
    def label_of(cls, code: str | None) -> str:
        """The label of a stored code ("" for none, the code itself if unknown)."""
        if not code:
            return ""
        member = cls._value2member_map_.get(code)
        return member.label if isinstance(member, LabelledEnum) else code

    @classmethod
    def from_label(cls, label: str) -> LabelledEnum:
        """The member whose label, Chinese or English, is ``label``; ValueError if none."""
        for member in cls:
            if label in (member._chinese_label, english(member.label)):
                return member
        raise ValueError(label)


class SchoolKind(LabelledEnum):
    PRIMARY = "primary", "小学"
    JUNIOR = "junior", "初中"
    NINE_YEAR = "nine_year", "九年一贯制学校"
    SENIOR = "senior", "高中"
    COMPLETE_SECONDARY = "complete_secondary", "完全中学"
    SPECIAL = "special", "特殊教育学校"
    VOCATIONAL = "vocational", "职业学校"
    KINDERGARTEN = "kindergarten", "幼儿园"
    TEACHING_POINT = "teaching_point", "教学点"


COMPULSORY_KINDS: frozenset[str] = frozenset(
    {
        SchoolKind.PRIMARY.value,
        SchoolKind.JUNIOR.value,
        SchoolKind.NINE_YEAR.value,
        SchoolKind.COMPLETE_SECONDARY.value,
        SchoolKind.TEACHING_POINT.value,
    }
)
"""Schools of compulsory education (a 完全中学 for its 初中 part): those the 双减 plan asks
for the “六个至少”, and those the shipped 六个至少 and 双减 templates are for. Kindergartens and
senior high schools are not asked for it."""


class Employment(LabelledEnum):
    FULL_TIME = "full_time", "专职"
    PART_TIME = "part_time", "兼职"


class Gender(LabelledEnum):
    MALE = "M", "男"
    FEMALE = "F", "女"


class Assessment(LabelledEnum):
    EXCELLENT = "excellent", "优秀"
    COMPETENT = "competent", "称职"
    INCOMPETENT = "incompetent", "不称职"


class TermEndReason(LabelledEnum):
    EXPIRED = "expired", "届满"
    DISMISSED = "dismissed", "解聘"
    RESIGNED = "resigned", "辞任"


class InspectorStatus(LabelledEnum):
    """An inspector's standing on a day, derived from their terms (never typed)."""

    SERVING = "serving", "在任"
    EXPIRED = "expired", "任期届满"
    DISMISSED = "dismissed", "解聘"
    LEFT = "left", "离任"
    PENDING = "pending", "待任"
    NOT_APPOINTED = "not_appointed", "未任命"


class TrainingForm(LabelledEnum):
    CENTRALIZED = "centralized", "集中培训"
    ONLINE = "online", "网络培训"
    FULL_RELEASE = "full_release", "脱产培训"
    IN_SERVICE = "in_service", "在职培训"
    PRESERVICE = "preservice", "岗前培训"
    SEMINAR = "seminar", "交流研讨"


class VisitKind(LabelledEnum):
    ROUTINE = "routine", "经常性督导"
    SPECIAL = "special", "专项督导"
    COMPREHENSIVE = "comprehensive", "综合督导"
    FOLLOW_UP = "follow_up", "随访督导"
    RECHECK = "recheck", "回头看"


class VisitStatus(LabelledEnum):
    PLANNED = "planned", "计划"
    CONFIRMED = "confirmed", "已确认"
    DONE = "done", "已完成"
    CANCELLED = "cancelled", "已取消"
    POSTPONED = "postponed", "已延期"


ACTIVE_STATUSES = frozenset({VisitStatus.PLANNED, VisitStatus.CONFIRMED, VisitStatus.DONE})
"""The statuses of a visit that counts: on the calendar or done (not cancelled or postponed)."""
OPEN_STATUSES = frozenset({VisitStatus.PLANNED, VisitStatus.CONFIRMED})
"""The statuses of a visit still to be made."""


class UnavailableReason(LabelledEnum):
    """Why an inspector cannot visit schools on some days (entered by the clerk)."""

    LEAVE = "leave", "请假"
    TRAINING = "training", "培训"
    OTHER = "other", "其他"


class DayKind(LabelledEnum):
    """The clerk's own entry for one day, overriding the official holiday arrangement."""

    HOLIDAY = "holiday", "休息日"
    WORKDAY = "workday", "工作日"


class ProblemCategory(LabelledEnum):
    """How serious a problem found at a school is; it decides who must act and when."""

    GENERAL = "general", "一般性问题"
    KEY = "key", "重点问题"
    DIFFICULT = "difficult", "难点问题"
    SERIOUS = "serious", "严重违规或重大问题"


class ActionKind(LabelledEnum):
    """The steps the office takes on a problem beyond notices and follow-ups."""

    SUPERVISION = "supervision", "督办通知"
    INTERVIEW = "interview", "约谈"
    BULLETIN = "bulletin", "通报"
    ACCOUNTABILITY = "accountability", "问责"
    REFERRAL = "referral", "报送上级"


class Requirement(LabelledEnum):
    """What the school is asked to do about a problem."""

    IMMEDIATE = "immediate", "立行立改"
    DEADLINE = "deadline", "限期整改"


class ProblemStatus(LabelledEnum):
    """Where a rectification stands."""

    OPEN = "open", "待整改"
    FIXED = "fixed", "已整改"
    VERIFIED = "verified", "已销号"
    ESCALATED = "escalated", "已上报"


class FollowUpOutcome(LabelledEnum):
    """What a follow-up (复查) found."""

    NOT_FIXED = "not_fixed", "未整改"
    IN_PROGRESS = "in_progress", "整改中"
    FIXED = "fixed", "已整改"


class ComplaintChannel(LabelledEnum):
    """How a complaint or report reached the office."""

    PHONE = "phone", "电话"
    LETTER = "letter", "来信"
    VISIT = "visit", "来访"
    ONLINE = "online", "网络"
    OTHER = "other", "其他"


class InspectionMethod(LabelledEnum):
    """督导方式: how an inspector gathers information at a school."""

    TOUR = "tour", "校园巡视"
    LESSON = "lesson", "随机(推门)听课"
    DOCUMENTS = "documents", "查阅资料"
    SURVEY = "survey", "问卷调查"
    MEETING = "meeting", "列席会议"
    ACTIVITY = "activity", "参加活动"
    INTERVIEW = "interview", "座谈走访"


class SixMinimum(LabelledEnum):
    """The "六个至少" of the 双减 plan: each at least once per school per semester."""

    HOMEWORK = "homework", "查看作业"
    AFTER_SCHOOL = "after_school", "观摩课后服务"
    CLASS = "class", "进班听课"
    LESSON_PREP = "lesson_prep", "参加备课"
    FORUM = "forum", "组织座谈"
    REPORT = "report", "听取汇报"


class CampaignKind(LabelledEnum):
    """What an evaluation campaign (迎检 / 专项工作) prepares for."""

    BALANCED = "balanced", "县域义务教育优质均衡督导评估"
    PRESCHOOL = "preschool", "学前教育普及普惠督导评估"
    GOVERNMENT = "government", "政府履行教育职责督导评估"
    SPECIAL = "special", "专项督导"
    OTHER = "other", "其他"


class ItemStatus(LabelledEnum):
    """Where one archive item of a school's checklist stands."""

    NOT_STARTED = "not_started", "未开始"
    COLLECTING = "collecting", "收集中"
    COMPLETE = "complete", "已齐全"
    FILED = "filed", "已归档"
    NOT_APPLICABLE = "not_applicable", "不适用"


class YearlyResult(LabelledEnum):
    """The result of an inspector's yearly assessment (年度考核)."""

    EXCELLENT = "excellent", "优秀"
    COMPETENT = "competent", "合格"
    BASICALLY_COMPETENT = "basic", "基本合格"
    INCOMPETENT = "incompetent", "不合格"


class Education(LabelledEnum):
    """学历, lowest first (the order the qualification rule compares in)."""

    SECONDARY = "secondary", "中专（高中）及以下"
    COLLEGE = "college", "大专"
    BACHELOR = "bachelor", "本科"
    POSTGRADUATE = "postgraduate", "研究生"
