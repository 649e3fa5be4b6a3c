"""Stored settings: the office's identity, the policy profile, the named profile (规则方案) it
was started from, the school kinds asked for the 六个至少 (compulsory education by default), and
the zones whose schools have their own monthly visit count.

A group of schools with its own count (the Hunan plan: 市直学校 2 次 a month) is a 责任区: the
office keeps such schools in a zone of their own (e.g. “市直学校”) and gives that zone a count per
school, which replaces ``visits_per_school_per_month`` for its schools. The counts are kept by
zone id, so renaming the zone keeps its count; deleting the zone drops it. They belong to the
office's zones, so a shared profile file does not carry them.

Each function is one unit of work on the database it is given.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Mapping
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from core.changes import Change, mutates
from core.enums import COMPULSORY_KINDS, SchoolKind
from core.errors import FieldError, ValidationError
from core.i18n import _
from core.office.policy import PolicyProfile
from core.office.profiles import NamedProfile, national_profile, profile_data, profile_from_data
from db.models import Setting, Zone

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from db.engine import Database

POLICY_PREFIX = "policy."
OFFICE_NAME = "office.name"
DEFAULT_OFFICE_NAME = "教育督导办公室"
OFFICE_NAME_MAX = 60
SIX_MINIMUM_KINDS = "six_minimum.kinds"
"""Setting: the ``SchoolKind`` codes of the schools asked for the 六个至少."""
ZONE_SCHOOL_VISITS = "zone_rules.school_visits"
"""Setting: per zone id (as text), the visits per school per month of the zone's schools."""
BASE_PROFILE = "office.policy_base"
"""Setting: the profile the office's policy was started from (name, source and values)."""


def _stored(session: Session, prefix: str) -> dict[str, Any]:
    rows = session.execute(select(Setting).where(Setting.key.startswith(prefix))).scalars()
    return {row.key.removeprefix(prefix): json.loads(row.value) for row in rows}


def put_setting(session: Session, key: str, value: Any) -> None:
    """Store one setting (JSON-encoded) inside an open session."""
    encoded = json.dumps(value, ensure_ascii=False)
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=encoded))
    else:
        row.value = encoded


def policy_from_session(session: Session) -> PolicyProfile:
    """The policy profile inside an open session (defaults for anything not stored)."""
    stored = _stored(session, POLICY_PREFIX)
    known = {k: v for k, v in stored.items() if k in PolicyProfile.field_names()}
    return PolicyProfile().with_changes(**known)


def load_policy(db: Database) -> PolicyProfile:
    """The office's policy profile."""
    with db.session() as session:
        return policy_from_session(session)


def six_minimum_kinds_problems(kinds: Collection[str]) -> list[FieldError]:
    """Problems of a choice of school kinds asked for the 六个至少: each a known kind."""
    label = _("“六个至少”适用的学校类别")
    unknown = [k for k in kinds if k not in {kind.value for kind in SchoolKind}]
    if unknown:
        message = _("{label}不能是“{values}”", label=label, values="、".join(unknown))
        return [FieldError("six_minimum_kinds", label, message)]
    return []


def six_minimum_kinds_in(session: Session) -> frozenset[str]:
    """The school kinds asked for the 六个至少 (the schools of compulsory education unless the
    office chose otherwise)."""
    row = session.get(Setting, SIX_MINIMUM_KINDS)
    stored = json.loads(row.value) if row else None
    if not isinstance(stored, list) or six_minimum_kinds_problems(stored):
        return COMPULSORY_KINDS
    return frozenset(stored)


def load_six_minimum_kinds(db: Database) -> frozenset[str]:
    """The school kinds asked for the 六个至少."""
    with db.session() as session:
        return six_minimum_kinds_in(session)


def zone_school_visits_problems(counts: Mapping[int, int]) -> list[FieldError]:
    """Problems of the zones' own counts: each in the range of the general per-school count."""
    meta = PolicyProfile.describe("visits_per_school_per_month")
    label = _("责任区内每校每月督导次数")
    low, high = int(meta["min"]), int(meta["max"])
    wrong = [
        n
        for n in counts.values()
        if isinstance(n, bool) or not isinstance(n, int) or not low <= n <= high
    ]
    if wrong:
        message = _("“{label}”应在 {low} 到 {high} 之间", label=label, low=low, high=high)
        return [FieldError("zone_school_visits", label, message)]
    return []


def zone_school_visits_in(session: Session) -> dict[int, int]:
    """Per zone id, the visits per school per month of the zones that have their own count
    (none unless the office set some)."""
    row = session.get(Setting, ZONE_SCHOOL_VISITS)
    stored = json.loads(row.value) if row else {}
    if not isinstance(stored, dict):
        return {}
    counts = {int(k): v for k, v in stored.items() if str(k).isdigit()}
    if zone_school_visits_problems(counts):
        return {}
    zones = set(session.scalars(select(Zone.id).where(Zone.id.in_(counts))))
    return {zone: n for zone, n in counts.items() if zone in zones}


def load_zone_school_visits(db: Database) -> dict[int, int]:
    """Per zone id, the zones' own visits per school per month."""
    with db.session() as session:
        return zone_school_visits_in(session)


def forget_zone_school_visits(session: Session, zone_id: int) -> None:
    """Drop a deleted zone's own count (inside the unit of work that deletes it)."""
    counts = zone_school_visits_in(session)
    if counts.pop(zone_id, None) is not None:
        put_setting(session, ZONE_SCHOOL_VISITS, {str(k): v for k, v in counts.items()})


def base_profile_from_session(session: Session) -> NamedProfile:
    """The profile the policy was started from (全国默认 when none was chosen, or when the stored
    one no longer reads)."""
    row = session.get(Setting, BASE_PROFILE)
    if row is not None:
        try:
            return profile_from_data(json.loads(row.value), "")
        except ValidationError:
            pass
    return national_profile()


def load_base_profile(db: Database) -> NamedProfile:
    """The profile the office's policy was started from."""
    with db.session() as session:
        return base_profile_from_session(session)


def office_name_from_session(session: Session) -> str:
    """The office's name inside an open session."""
    row = session.get(Setting, OFFICE_NAME)
    return json.loads(row.value) if row else DEFAULT_OFFICE_NAME


def load_office_name(db: Database) -> str:
    """The office's name as printed on reports."""
    with db.session() as session:
        return office_name_from_session(session)


def clean_office_name(name: str) -> str:
    """The office's name with spaces tidied; raises ValidationError when empty or too long."""
    name = " ".join(name.split())
    label = _("单位名称")
    if not name:
        raise ValidationError([FieldError("office_name", label, _("“单位名称”不能为空"))])
    if len(name) > OFFICE_NAME_MAX:
        message = _("“单位名称”不能超过 {most} 个字", most=OFFICE_NAME_MAX)
        raise ValidationError([FieldError("office_name", label, message)])
    return name


@mutates(Change.SETTINGS)
def save_settings(
    db: Database,
    *,
    office_name: str,
    policy: PolicyProfile,
    base: NamedProfile | None = None,
    six_minimum_kinds: Collection[str] | None = None,
    zone_school_visits: Mapping[int, int] | None = None,
) -> str:
    """Validate and store the office's name and the whole policy profile in one unit of work,
    with the profile it was started from when ``base`` is given, the school kinds asked for
    the 六个至少 when ``six_minimum_kinds`` is and the zones' own visits per school per month
    (all of them: a zone left out has none) when ``zone_school_visits`` is.

    Raises ValidationError listing every problem, and then saves nothing.
    Returns the name as stored.
    """
    errors: list[FieldError] = []
    try:
        office_name = clean_office_name(office_name)
    except ValidationError as exc:
        errors.extend(exc.errors)
    errors.extend(policy.problems())
    if base is not None:
        errors.extend(base.policy.problems())
    if six_minimum_kinds is not None:
        errors.extend(six_minimum_kinds_problems(six_minimum_kinds))
    if zone_school_visits is not None:
        errors.extend(zone_school_visits_problems(zone_school_visits))
    if errors:
        raise ValidationError(errors)
    with db.session() as session:
        put_setting(session, OFFICE_NAME, office_name)
        for name, value in policy.as_dict().items():
            put_setting(session, POLICY_PREFIX + name, value)
        if base is not None:
            put_setting(session, BASE_PROFILE, profile_data(base))
        if six_minimum_kinds is not None:
            kinds = [k.value for k in SchoolKind if k.value in set(six_minimum_kinds)]
            put_setting(session, SIX_MINIMUM_KINDS, kinds)
        if zone_school_visits is not None:
            counts = {str(k): v for k, v in sorted(zone_school_visits.items())}
            put_setting(session, ZONE_SCHOOL_VISITS, counts)
    return office_name
