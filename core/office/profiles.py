"""Policy profiles (规则方案): whole sets of policy numbers, shipped or shared between offices.

A profile is a JSON file::

    {"kind": "policy-profile", "name": "甘肃", "source": "…where the numbers come from…",
     "values": {"training_hours_per_year": 60}}

``values`` names :class:`~core.office.policy.PolicyProfile` fields; a field left out takes the
national default, so a shipped provincial profile states only the numbers its plan states. The
shipped profiles are in ``resources/policy_profiles/`` (全国默认 first); an exported profile
lists every field. Reading a file checks all of it — the kind, no unknown keys, every value a
number in its range — and refuses it whole, with a Chinese message naming each wrong field.

The settings page fills its form from a chosen profile; the profile the office started from is
stored with the policy (:mod:`core.office.settings`) so the page can show what was changed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, fields
from datetime import date
from pathlib import Path
from typing import Any

from core.errors import FieldError, ValidationError, refusal
from core.office.policy import PolicyProfile
from resources import RESOURCES_DIR

PROFILES_DIR = RESOURCES_DIR / "policy_profiles"
SHIPPED_KEYS: tuple[str, ...] = ("national", "gansu", "xian", "karamay", "hunan")
"""The shipped profiles' file names, 全国默认 first."""
FILE_KIND = "policy-profile"
NAME_MAX = 60
SOURCE_MAX = 1000
_KEYS = frozenset({"kind", "name", "source", "values"})


@dataclass(frozen=True)
class NamedProfile:
    """A policy with its name and where its numbers come from."""

    name: str
    source: str
    policy: PolicyProfile


@dataclass(frozen=True)
class Difference:
    """One setting that differs from the profile started from."""

    field: str
    label: str
    unit: str
    base: float
    value: float


def shipped_profiles() -> list[NamedProfile]:
    """The profiles that ship with the app, 全国默认 first."""
    return [read_profile_file(PROFILES_DIR / f"{key}.json") for key in SHIPPED_KEYS]


def national_profile() -> NamedProfile:
    """The 全国默认 profile (the code's defaults)."""
    return read_profile_file(PROFILES_DIR / f"{SHIPPED_KEYS[0]}.json")


def read_profile_file(path: Path) -> NamedProfile:
    """Read and validate a profile file; raises ValidationError (nothing read) when wrong."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise refusal("file", "文件", f"无法读取文件“{path.name}”：{exc}") from exc
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise refusal("file", "文件", f"文件“{path.name}”不是规则方案（JSON 格式有误）") from exc
    return profile_from_data(data, path.name)


def profile_from_data(data: Any, origin: str) -> NamedProfile:
    """A profile from the decoded JSON of a file named ``origin``; raises ValidationError
    listing every problem."""
    if not isinstance(data, dict) or data.get("kind") != FILE_KIND:
        raise refusal("file", "文件", f"文件“{origin}”不是规则方案")
    errors = [
        FieldError(key, key, f"规则方案中没有“{key}”这一项") for key in data if key not in _KEYS
    ]
    name, source, values = data.get("name"), data.get("source", ""), data.get("values", {})
    if not isinstance(name, str) or not name.strip() or len(name.strip()) > NAME_MAX:
        errors.append(FieldError("name", "方案名称", f"“方案名称”应为 1 到 {NAME_MAX} 个字"))
    if not isinstance(source, str) or len(source) > SOURCE_MAX:
        errors.append(FieldError("source", "来源", f"“来源”应为不超过 {SOURCE_MAX} 字的文字"))
    if not isinstance(values, dict):
        errors.append(FieldError("values", "规则", "“values”应为设置项到数值的对应"))
        values = {}
    known = PolicyProfile.field_names()
    errors.extend(
        FieldError(key, key, f"“{key}”不是可设置的规则") for key in values if key not in known
    )
    if errors:
        raise ValidationError(errors)
    policy = PolicyProfile().with_changes(**values)
    problems = policy.problems()
    if problems:
        raise ValidationError(problems)
    return NamedProfile(name=str(name).strip(), source=str(source).strip(), policy=_typed(policy))


def _typed(policy: PolicyProfile) -> PolicyProfile:
    """Integer settings read as 60.0 stored as 60, shares as floats."""
    return policy.with_changes(
        **{
            f.name: (float if isinstance(f.default, float) else int)(getattr(policy, f.name))
            for f in fields(PolicyProfile)
        }
    )


def profile_data(profile: NamedProfile) -> dict[str, Any]:
    """The JSON object of a profile, every setting listed."""
    return {
        "kind": FILE_KIND,
        "name": profile.name,
        "source": profile.source,
        "values": profile.policy.as_dict(),
    }


def exported_profile(office_name: str, policy: PolicyProfile, day: date) -> NamedProfile:
    """The office's policy as a profile to share, named after the office and dated."""
    return NamedProfile(
        name=office_name[:NAME_MAX], source=f"{office_name}于 {day:%Y-%m-%d} 导出", policy=policy
    )


def write_profile_file(path: Path, profile: NamedProfile) -> None:
    """Write ``profile`` (validated first) as a JSON file another office can import."""
    profile.policy.validated()
    text = json.dumps(profile_data(profile), ensure_ascii=False, indent=2)
    path.write_text(text + "\n", encoding="utf-8")


def differences(base: PolicyProfile, policy: PolicyProfile) -> list[Difference]:
    """The settings of ``policy`` that differ from ``base``, in the form's order."""
    return [
        Difference(
            field=f.name,
            label=PolicyProfile.describe(f.name)["label"],
            unit=PolicyProfile.describe(f.name)["unit"],
            base=getattr(base, f.name),
            value=getattr(policy, f.name),
        )
        for f in fields(PolicyProfile)
        if getattr(base, f.name) != getattr(policy, f.name)
    ]
