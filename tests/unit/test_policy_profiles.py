"""Policy profiles (规则方案): the shipped ones hold the numbers the plans state (DOMAIN.md: 40
学时 集中培训 nationally, a province's 每年不少于60学时, a city's 每年度须完成80学时, a city's 40 +
15 学时岗前培训) and the national default for the rest; an exported profile reads back as the
same policy; a wrong file is refused whole with a message naming the field."""

from __future__ import annotations

import json

import pytest

from core.errors import ValidationError
from core.office.policy import PolicyProfile
from core.office.profiles import (
    NamedProfile,
    differences,
    national_profile,
    read_profile_file,
    shipped_profiles,
    write_profile_file,
)
from core.office.settings import load_base_profile, load_policy, save_settings


def test_every_shipped_profile_is_a_valid_policy_with_its_source():
    profiles = {p.name: p for p in shipped_profiles()}
    assert list(profiles) == ["全国默认", "甘肃", "西安", "克拉玛依", "湖南"]
    for profile in profiles.values():
        assert profile.policy.problems() == []
        assert profile.source
    assert national_profile().policy == PolicyProfile()
    assert profiles["甘肃"].policy == PolicyProfile(training_hours_per_year=60)
    assert profiles["西安"].policy == PolicyProfile(training_hours_per_year=80)
    karamay = profiles["克拉玛依"].policy
    assert (karamay.training_hours_per_year, karamay.preservice_training_hours) == (40, 15)
    assert "60学时" in profiles["甘肃"].source and "80学时" in profiles["西安"].source
    # Hunan: 每月至少到责任区督导4次; its 市直学校 count belongs to the office's own zone.
    assert profiles["湖南"].policy == PolicyProfile(zone_visits_per_month=4)
    assert "每月至少到责任区督导4次" in profiles["湖南"].source


def test_an_exported_profile_imports_as_the_same_policy(tmp_path):
    policy = PolicyProfile(min_full_time_share=0.35, training_hours_per_year=72, term_years=4)
    path = tmp_path / "青溪县.json"
    write_profile_file(path, NamedProfile("青溪县督导室", "本县 2026 年规则", policy))
    back = read_profile_file(path)
    assert back == NamedProfile("青溪县督导室", "本县 2026 年规则", policy)
    assert json.loads(path.read_text(encoding="utf-8"))["values"]["term_years"] == 4


def write(tmp_path, data) -> object:
    path = tmp_path / "方案.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_a_file_with_an_unknown_key_or_a_value_out_of_range_is_refused_whole(tmp_path):
    bad = {
        "kind": "policy-profile",
        "name": "某省",
        "values": {"training_hours_per_year": 60, "term_years": 40, "visits_per_week": 3},
    }
    with pytest.raises(ValidationError) as refused:
        read_profile_file(write(tmp_path, bad))
    assert refused.value.messages() == ["“visits_per_week”不是可设置的规则"]
    del bad["values"]["visits_per_week"]
    with pytest.raises(ValidationError) as refused:
        read_profile_file(write(tmp_path, bad))
    assert refused.value.messages() == ["“每届任期”应在 1 到 10 之间"]
    with pytest.raises(ValidationError, match="“专职督学最低占比”必须是数字"):
        read_profile_file(write(tmp_path, {**bad, "values": {"min_full_time_share": "三成"}}))
    with pytest.raises(ValidationError, match="不是规则方案"):
        read_profile_file(write(tmp_path, {"kind": "checklist-template", "name": "x"}))
    path = tmp_path / "坏.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(ValidationError, match=r"“坏\.json”不是规则方案"):
        read_profile_file(path)


def test_the_differences_from_the_profile_started_from_name_each_setting():
    gansu = PolicyProfile(training_hours_per_year=60)
    edited = gansu.with_changes(training_hours_per_year=50, term_years=5)
    changed = differences(gansu, edited)
    assert [(d.label, d.base, d.value, d.unit) for d in changed] == [
        ("每届任期", 3, 5, "年"),
        ("每年培训学时", 60, 50, "学时"),
    ]
    assert differences(gansu, gansu) == []


def test_the_office_keeps_the_profile_its_policy_started_from(db):
    assert load_base_profile(db).name == "全国默认"
    gansu = next(p for p in shipped_profiles() if p.name == "甘肃")
    edited = gansu.policy.with_changes(term_years=5)
    save_settings(db, office_name="督导室", policy=edited, base=gansu)
    assert load_base_profile(db) == gansu
    assert [d.field for d in differences(load_base_profile(db).policy, load_policy(db))] == [
        "term_years"
    ]
    save_settings(db, office_name="督导室", policy=gansu.policy)
    assert load_base_profile(db) == gansu, "saving without choosing keeps the profile"
