"""Settings of the printed paper: the notice-number prefix (文号前缀), the signature line (落款),
the seal line (印章) and the prefix of the 督办通知's numbers (督办通知文号前缀), stored in the
settings table beside the office's name.

A notice is numbered ``{prefix}〔{year}〕{n}号`` (a 督办通知 the same way, in its own series), so
a prefix holds no brackets or spaces.
An empty signature means "the office's name"; an empty seal line prints nothing.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING

from core.changes import Change, mutates
from core.errors import FieldError, ValidationError
from core.i18n import _
from core.office.settings import (
    clean_office_name,
    put_setting,
    save_settings,
    six_minimum_kinds_problems,
    zone_school_visits_problems,
)
from db.models import Setting

if TYPE_CHECKING:
    from collections.abc import Collection, Mapping

    from sqlalchemy.orm import Session

    from core.office.policy import PolicyProfile
    from core.office.profiles import NamedProfile
    from db.engine import Database

PREFIX = "report."
NOTICE_PREFIX_MAX = 20
SIGNATURE_MAX = 60
SEAL_MAX = 30
FORBIDDEN_IN_PREFIX = "〔〕[]（）() 　"


@dataclass(frozen=True)
class ReportSettings:
    """How reports and notices are signed and numbered."""

    notice_prefix: str = "督整"
    signature: str = ""
    seal: str = "（盖章）"
    supervision_prefix: str = "督办"

    def notice_number(self, year: int, number: int) -> str:
        """A notice's number: 督整〔2026〕3号."""
        return f"{self.notice_prefix}〔{year}〕{number}号"

    def supervision_number(self, year: int, number: int) -> str:
        """A 督办通知's number: 督办〔2026〕3号."""
        return f"{self.supervision_prefix}〔{year}〕{number}号"


def _read(session: Session, name: str, default: str) -> str:
    row = session.get(Setting, PREFIX + name)
    if row is None:
        return default
    value = json.loads(row.value)
    return value if isinstance(value, str) else default


def load_report_settings(session: Session) -> ReportSettings:
    """The stored report settings inside an open session (defaults for anything not stored)."""
    default = ReportSettings()
    return ReportSettings(
        notice_prefix=_read(session, "notice_prefix", default.notice_prefix),
        signature=_read(session, "signature", default.signature),
        seal=_read(session, "seal", default.seal),
        supervision_prefix=_read(session, "supervision_prefix", default.supervision_prefix),
    )


def read_report_settings(db: Database) -> ReportSettings:
    """The stored report settings (one unit of work)."""
    with db.session() as session:
        return load_report_settings(session)


def _prefix_problems(field: str, label: str, prefix: str) -> list[FieldError]:
    """What is wrong with a number's prefix: empty, too long, or with spaces or brackets."""
    if not prefix:
        return [FieldError(field, label, _("“{label}”不能为空", label=label))]
    if len(prefix) > NOTICE_PREFIX_MAX:
        return [
            FieldError(
                field,
                label,
                _(
                    "“{label}”不能超过 {most} 个字",
                    label=label,
                    most=NOTICE_PREFIX_MAX,
                ),
            )
        ]
    if any(c in FORBIDDEN_IN_PREFIX for c in prefix):
        return [
            FieldError(
                field, label, _("“{label}”不能含空格或括号（年份的〔〕由程序添加）", label=label)
            )
        ]
    return []


def report_settings_problems(settings: ReportSettings) -> list[FieldError]:
    """Every problem of ``settings``, each naming its field in Chinese."""
    errors = _prefix_problems("notice_prefix", "文号前缀", settings.notice_prefix)
    errors += _prefix_problems(
        "supervision_prefix", "督办通知文号前缀", settings.supervision_prefix
    )
    if len(settings.signature) > SIGNATURE_MAX:
        errors.append(
            FieldError(
                "signature",
                _("落款"),
                _("“落款”不能超过 {most} 个字", most=SIGNATURE_MAX),
            )
        )
    if len(settings.seal) > SEAL_MAX:
        errors.append(
            FieldError("seal", _("印章"), _("“印章”一行不能超过 {most} 个字", most=SEAL_MAX))
        )
    return errors


def _tidy(text: str) -> str:
    return " ".join(text.split())


def tidy_report_settings(
    *, notice_prefix: str, signature: str, seal: str, supervision_prefix: str
) -> ReportSettings:
    """The settings as typed, with spaces tidied as they are stored (not validated)."""
    return ReportSettings(
        notice_prefix=notice_prefix.strip(),
        signature=_tidy(signature),
        seal=_tidy(seal),
        supervision_prefix=supervision_prefix.strip(),
    )


@mutates(Change.SETTINGS)
def save_report_settings(
    db: Database, *, notice_prefix: str, signature: str, seal: str, supervision_prefix: str
) -> ReportSettings:
    """Validate and store the report settings in one unit of work; returns them as stored.

    Raises ValidationError listing every problem, and then saves nothing.
    """
    settings = tidy_report_settings(
        notice_prefix=notice_prefix,
        signature=signature,
        seal=seal,
        supervision_prefix=supervision_prefix,
    )
    problems = report_settings_problems(settings)
    if problems:
        raise ValidationError(problems)
    with db.session() as session:
        for name, value in asdict(settings).items():
            put_setting(session, PREFIX + name, value)
    return settings


@mutates(Change.SETTINGS)
def save_office_and_report_settings(
    db: Database,
    *,
    office_name: str,
    policy: PolicyProfile,
    report: ReportSettings,
    base: NamedProfile | None = None,
    six_minimum_kinds: Collection[str] | None = None,
    zone_school_visits: Mapping[int, int] | None = None,
) -> tuple[str, ReportSettings]:
    """Validate the office's name, the policy profile and the report settings together, then
    store them (the 设置 page's one 保存) with the profile the policy was started from when
    ``base`` is given, the school kinds asked for the 六个至少 when ``six_minimum_kinds``
    is and the zones' own visits per school per month when ``zone_school_visits`` is; returns
    the name and the report settings as stored.

    Raises ValidationError listing every problem of all three, and then saves nothing. Being
    valid, the two parts are then stored one after the other, each in its own unit of work.
    """
    errors: list[FieldError] = []
    try:
        clean_office_name(office_name)
    except ValidationError as exc:
        errors.extend(exc.errors)
    errors.extend(policy.problems())
    if six_minimum_kinds is not None:
        errors.extend(six_minimum_kinds_problems(six_minimum_kinds))
    if zone_school_visits is not None:
        errors.extend(zone_school_visits_problems(zone_school_visits))
    tidied = tidy_report_settings(**asdict(report))
    errors.extend(report_settings_problems(tidied))
    if errors:
        raise ValidationError(errors)
    stored_name = save_settings(
        db,
        office_name=office_name,
        policy=policy,
        base=base,
        six_minimum_kinds=six_minimum_kinds,
        zone_school_visits=zone_school_visits,
    )
    stored = save_report_settings(db, **asdict(tidied))
    return stored_name, stored
