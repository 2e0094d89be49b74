"""Every condition of every program, in each of its three states, driven from small fact dicts.

For each program and applicant type, BASE is a set of facts meeting every condition. Each case
names one condition with facts that meet it and facts that do not; its unknown state is BASE
without the condition's facts. The cases are written from the guides' texts, independently of
the rules data, so a mistake in either shows up here.
"""

from __future__ import annotations

import pytest

from assistant.config import DEFAULT_KNOWLEDGE_DIR
from assistant.eligibility import Rules, check, load_rules
from assistant.ingest.knowledge_base import KnowledgeBase

PZ24, PZ22 = "2024-protection-zone", "2022-protection-zone"
GI, IB = "2022-gi-brand", "2022-industrial-brand"
HVN, HVU, PT = "2022-high-value-patent-new", "2022-high-value-patent-upgrade", "2022-patent-transfer"

GI_BASE = {
    "gi_protected_or_registered": True,
    "gi_years": 5,
    "gov_support": True,
    "gi_well_known": True,
    "gi_leading_industry": True,
    "gi_category": "其他类别",
    "gi_sales_last_year": 6000,
    "gi_national_key_project": False,
    "gi_national_demo_zone": False,
    "gi_major_accident_3y": False,
    "serious_dishonesty": False,
    "gi_in_recent_project": False,
    "gi_same_as_other_level": False,
}

BASE: dict[tuple[str, str], dict] = {
    (PZ24, "city"): {
        "zhenzhua_2022": True,
        "national_strong_city": False,
        "national_protection_center": True,
        "withdrawal_above_avg_2023": True,
    },
    (PZ24, "county"): {
        "zhenzhua_2022": False,
        "national_strong_county": False,
        "national_rapid_center": True,
        "withdrawal_above_avg_2023": True,
    },
    (PZ24, "park"): {
        "park_kind": "国家级高新区",
        "national_strong_park": False,
        "js_demo_park": False,
        "protection_service_carrier": True,
        "withdrawal_above_avg_2023": True,
    },
    (PZ22, "city"): {
        "zhenzhua_2020": False,
        "national_ip_demo_city": True,
        "national_protection_center": True,
        "inspection_excellent_2021": True,
    },
    (PZ22, "county"): {
        "national_ip_demo_city": False,
        "strong_county_project_demo": True,
        "zhenzhua_2020": False,
        "invention_rank_2020": 8,
        "rapid_center_built_or_applying": False,
        "parent_city_holds_zone": False,
    },
    (PZ22, "park"): {
        "park_kind": "国家级经开区",
        "park_unified_management": True,
        "invention_rank_2020": 10,
        "national_pilot_demo_park": True,
        "parent_city_holds_zone": False,
        "parent_county_holds_zone": False,
    },
    (GI, "city"): GI_BASE,
    (GI, "county"): GI_BASE,
    (IB, "enterprise"): {
        "js_legal_person": True,
        "industrial_enterprise": True,
        "chain_leader_or_backbone": True,
        "industry_leading_position": True,
        "good_operation": True,
        "profit_tax_last_year": 2500,
        "single_champion": False,
        "little_giant": False,
        "ip_standard": True,
        "ip_system_sound": True,
        "independent_ip_dept": True,
        "ip_staff": 3,
        "ip_cost_ratio_last_year": 5,
        "has_registered_trademark": True,
        "trademark_years": 5,
        "brand_reputation": True,
        "market_share_top": True,
        "rd_ratio_last_year": 3,
        "has_invention_patents": True,
        "serious_dishonesty": False,
        "abnormal_filing": False,
        "famous_or_foreign_mark": True,
        "national_ip_demo_ent": False,
        "sci_or_patent_award_ever": False,
        "strategy_project_ongoing": False,
    },
    (HVN, "enterprise"): {
        "js_legal_person": True,
        "rd_industry_leading": True,
        "industry_leader": True,
        "major_sci_project": False,
        "key_core_rd": True,
        "achieved_results": True,
        "rd_ratio_3y": 3.5,
        "ip_cost_ratio_last_year": 5,
        "good_operation": True,
        "profit_tax_min_3y": 2000,
        "single_champion": False,
        "little_giant": False,
        "ip_system_sound": True,
        "independent_ip_dept": True,
        "ip_staff": 3,
        "valid_patents": 100,
        "valid_invention_patents": 10,
        "pct_national_phase": 0,
        "award_3y": False,
        "serious_dishonesty": False,
        "abnormal_filing": False,
        "hvp_led_before": False,
        "unaccepted_strategy_project": False,
    },
    (HVN, "research"): {
        "js_legal_person": False,
        "institution_kind": "高校",
        "in_jiangsu": True,
        "rd_international_leading": True,
        "has_rd_platform": True,
        "major_sci_project": True,
        "key_core_rd": False,
        "industry_academia_mechanism": True,
        "achieved_results": True,
        "stable_rd_funding": True,
        "ip_system_sound": True,
        "ip_staff": 3,
        "valid_patents": 100,
        "valid_invention_patents": 0,
        "pct_national_phase": 0,
        "award_3y": False,
        "key_lab_itself": False,
        "serious_dishonesty": False,
        "abnormal_filing": False,
        "hvp_led_before": False,
        "same_college_or_field": False,
    },
    (HVU, "enterprise"): {
        "hvp_accepted_by_2021": True,
        "major_sci_project": True,
        "key_core_rd": False,
        "achieved_results": True,
        "js_legal_person": True,
        "market_share_top": True,
        "serious_dishonesty": False,
        "abnormal_filing": False,
    },
    (HVU, "research"): {
        "in_jiangsu": True,
        "institution_kind": "科研院所",
        "hvp_accepted_by_2021": True,
        "major_sci_project": False,
        "key_core_rd": True,
        "achieved_results": True,
        "rd_international_leading": True,
        "serious_dishonesty": False,
        "abnormal_filing": False,
    },
    (PT, "research"): {
        "js_legal_person": True,
        "ip_system_sound": True,
        "ip_staff": 5,
        "transfer_staff": 2,
        "avg_grants_3y": 151,
        "avg_invention_grants_3y": 10,
        "avg_transfer_count_3y": 16,
        "avg_transfer_amount_3y": 0,
    },
    (PT, "park"): {
        "park_kind": "省级经开区",
        "key_chain_location": True,
        "industry_plan": True,
        "key_enterprises_settled": True,
        "sme_cluster": True,
        "chain_enterprises": 51,
        "park_ip_dept": True,
        "ip_budget": True,
        "patent_output_high": True,
        "ip_strength_top": True,
    },
}

GI_CASES = [
    ("gi_basis", {"gi_years": 3.5}, {"gi_years": 3}),
    ("gov_support", {"gov_support": True}, {"gov_support": False}),
    ("gi_standing", {"gi_well_known": True}, {"gi_leading_industry": False}),
    ("gi_sales", {"gi_sales_last_year": 5000}, {"gi_sales_last_year": 4999}),
    ("gi_safety", {"gi_major_accident_3y": False}, {"gi_major_accident_3y": True}),
    ("recent_project", {"gi_in_recent_project": False}, {"gi_in_recent_project": True}),
    ("same_gi", {"gi_same_as_other_level": False}, {"gi_same_as_other_level": True}),
]

# (program, applicant type, condition id, facts meeting it, facts failing it)
CASES: list[tuple[str, str, str, dict, dict]] = [
    (
        PZ24,
        "city",
        "honours",
        {"zhenzhua_2022": False, "national_strong_city": True},
        {"zhenzhua_2022": False},
    ),
    (PZ24, "city", "protection_center", {}, {"national_protection_center": False}),
    (PZ24, "city", "withdrawal_rate", {}, {"withdrawal_above_avg_2023": False}),
    (
        PZ24,
        "county",
        "honours",
        {"national_rapid_center": False, "zhenzhua_2022": True},
        {"national_rapid_center": False},
    ),
    (PZ24, "county", "withdrawal_rate", {}, {"withdrawal_above_avg_2023": False}),
    (PZ24, "park", "park_kind", {"park_kind": "国家级经开区"}, {"park_kind": "省级高新区"}),
    (
        PZ24,
        "park",
        "recognition",
        {"protection_service_carrier": False, "js_demo_park": True},
        {"protection_service_carrier": False},
    ),
    (PZ24, "park", "withdrawal_rate", {}, {"withdrawal_above_avg_2023": False}),
    (
        PZ22,
        "city",
        "honours",
        {"zhenzhua_2020": True, "national_ip_demo_city": False},
        {"national_ip_demo_city": False},
    ),
    (PZ22, "city", "protection_center", {}, {"national_protection_center": False}),
    (PZ22, "city", "inspection", {}, {"inspection_excellent_2021": False}),
    (
        PZ22,
        "county",
        "status",
        {"national_ip_demo_city": True, "strong_county_project_demo": False},
        {"strong_county_project_demo": False},
    ),
    (
        PZ22,
        "county",
        "one_of",
        {"invention_rank_2020": 20, "rapid_center_built_or_applying": True},
        {"invention_rank_2020": 11},
    ),
    (PZ22, "county", "parent_city", {}, {"parent_city_holds_zone": True}),
    (PZ22, "park", "park_kind", {"park_kind": "国家级高新区"}, {"park_kind": "国家级新区"}),
    (PZ22, "park", "unified_management", {}, {"park_unified_management": False}),
    (PZ22, "park", "invention_rank", {"invention_rank_2020": 1}, {"invention_rank_2020": 11}),
    (PZ22, "park", "pilot_demo", {}, {"national_pilot_demo_park": False}),
    (PZ22, "park", "parent_city", {}, {"parent_city_holds_zone": True}),
    (PZ22, "park", "parent_county", {}, {"parent_county_holds_zone": True}),
    *[(GI, atype, cid, met, fail) for atype in ("city", "county") for cid, met, fail in GI_CASES],
    (IB, "enterprise", "subject", {}, {"industrial_enterprise": False}),
    (IB, "enterprise", "standing", {}, {"industry_leading_position": False}),
    (IB, "enterprise", "profit_tax", {"profit_tax_last_year": 2000}, {"profit_tax_last_year": 1999}),
    (IB, "enterprise", "ip_management", {}, {"ip_standard": False}),
    (IB, "enterprise", "ip_staff", {"ip_staff": 3}, {"ip_staff": 2}),
    (IB, "enterprise", "ip_cost_ratio", {"ip_cost_ratio_last_year": 5}, {"ip_cost_ratio_last_year": 4.9}),
    (IB, "enterprise", "trademark", {"trademark_years": 5}, {"trademark_years": 4.5}),
    (IB, "enterprise", "brand_market", {}, {"market_share_top": False}),
    (IB, "enterprise", "rd_ratio", {"rd_ratio_last_year": 3}, {"rd_ratio_last_year": 2.9}),
    (IB, "enterprise", "invention_patents", {}, {"has_invention_patents": False}),
    (IB, "enterprise", "integrity", {}, {"abnormal_filing": True}),
    (IB, "enterprise", "preference", {"famous_or_foreign_mark": True}, {"famous_or_foreign_mark": False}),
    (IB, "enterprise", "strategy_project", {}, {"strategy_project_ongoing": True}),
    (HVN, "enterprise", "subject", {}, {"js_legal_person": False}),
    (HVN, "enterprise", "leading", {"key_core_rd": False, "major_sci_project": True}, {"key_core_rd": False}),
    (HVN, "enterprise", "rd_ratio", {"rd_ratio_3y": 3.5}, {"rd_ratio_3y": 3.49}),
    (HVN, "enterprise", "ip_cost_ratio", {"ip_cost_ratio_last_year": 5}, {"ip_cost_ratio_last_year": 4.99}),
    (HVN, "enterprise", "operation", {}, {"good_operation": False}),
    (HVN, "enterprise", "profit_tax", {"profit_tax_min_3y": 2000}, {"profit_tax_min_3y": 1999.5}),
    (HVN, "enterprise", "ip_management", {}, {"independent_ip_dept": False}),
    (HVN, "enterprise", "ip_staff", {"ip_staff": 3}, {"ip_staff": 2}),
    (
        HVN,
        "enterprise",
        "patents",
        {"valid_patents": 10, "valid_invention_patents": 50},
        {"valid_patents": 99, "valid_invention_patents": 49},
    ),
    (HVN, "enterprise", "integrity", {}, {"serious_dishonesty": True}),
    (HVN, "enterprise", "led_before", {}, {"hvp_led_before": True}),
    (HVN, "enterprise", "strategy_project", {}, {"unaccepted_strategy_project": True}),
    (
        HVN,
        "research",
        "subject",
        {"js_legal_person": True, "institution_kind": "新型研发机构", "in_jiangsu": False},
        {"in_jiangsu": False},
    ),
    (HVN, "research", "leading", {}, {"has_rd_platform": False}),
    (HVN, "research", "funding", {}, {"stable_rd_funding": False}),
    (HVN, "research", "ip_management", {}, {"ip_system_sound": False}),
    (HVN, "research", "ip_staff", {"ip_staff": 4}, {"ip_staff": 2}),
    (HVN, "research", "patents", {"valid_patents": 50, "key_lab_itself": True}, {"valid_patents": 99}),
    (HVN, "research", "integrity", {}, {"abnormal_filing": True}),
    (
        HVN,
        "research",
        "led_before",
        {"hvp_led_before": True, "same_college_or_field": False},
        {"hvp_led_before": True, "same_college_or_field": True},
    ),
    (HVU, "enterprise", "subject", {}, {"js_legal_person": False}),
    (HVU, "enterprise", "accepted", {}, {"hvp_accepted_by_2021": False}),
    (
        HVU,
        "enterprise",
        "project",
        {"major_sci_project": False, "key_core_rd": True},
        {"achieved_results": False},
    ),
    (HVU, "enterprise", "market_share", {}, {"market_share_top": False}),
    (HVU, "enterprise", "integrity", {}, {"abnormal_filing": True}),
    (HVU, "research", "subject", {}, {"in_jiangsu": False}),
    (HVU, "research", "lead_kind", {"institution_kind": "高校"}, {"institution_kind": "重点实验室"}),
    (HVU, "research", "accepted", {}, {"hvp_accepted_by_2021": False}),
    (HVU, "research", "project", {}, {"key_core_rd": False}),
    (HVU, "research", "international_leading", {}, {"rd_international_leading": False}),
    (HVU, "research", "integrity", {}, {"serious_dishonesty": True}),
    (PT, "research", "subject", {}, {"js_legal_person": False}),
    (PT, "research", "ip_management", {}, {"ip_system_sound": False}),
    (PT, "research", "ip_staff", {"ip_staff": 5}, {"ip_staff": 4}),
    (PT, "research", "transfer_staff", {"transfer_staff": 2}, {"transfer_staff": 1}),
    (
        PT,
        "research",
        "output",
        {"avg_grants_3y": 150, "avg_invention_grants_3y": 51},
        {"avg_grants_3y": 150, "avg_invention_grants_3y": 50},
    ),
    (
        PT,
        "research",
        "transfer",
        {"avg_transfer_count_3y": 15, "avg_transfer_amount_3y": 1500.5},
        {"avg_transfer_count_3y": 15, "avg_transfer_amount_3y": 1500},
    ),
    (PT, "park", "subject", {"park_kind": "国家级新区"}, {"park_kind": "其他园区"}),
    (PT, "park", "industry_chain", {}, {"industry_plan": False}),
    (PT, "park", "key_enterprises", {}, {"sme_cluster": False}),
    (PT, "park", "chain_enterprises", {"chain_enterprises": 51}, {"chain_enterprises": 50}),
    (PT, "park", "ip_management", {}, {"ip_budget": False}),
]


@pytest.fixture(scope="module")
def rules() -> Rules:
    kb = KnowledgeBase.load(DEFAULT_KNOWLEDGE_DIR)
    return load_rules(DEFAULT_KNOWLEDGE_DIR / "rules", kb)


def _status(rules: Rules, program: str, atype: str, facts: dict, condition_id: str) -> tuple[str, object]:
    decision = check(rules, program, atype, facts)
    result = next(c for c in decision.conditions if c.condition_id == condition_id)
    return result.status.value, decision.eligible


def _case_id(case: tuple) -> str:
    return f"{case[0]}/{case[1]}/{case[2]}"


def test_every_condition_has_a_case(rules: Rules) -> None:
    defined = {(p.id, t.id, c.id) for p in rules.programs for t in p.types for c in t.conditions}
    covered = {(program, atype, cid) for program, atype, cid, _, _ in CASES}
    assert defined == covered
    assert set(BASE) == {(p.id, t.id) for p in rules.programs for t in p.types}


@pytest.mark.parametrize(("program", "atype"), sorted(BASE))
def test_base_facts_meet_every_condition(rules: Rules, program: str, atype: str) -> None:
    decision = check(rules, program, atype, BASE[(program, atype)])
    assert [c.condition_id for c in decision.conditions if c.status.value != "met"] == []
    assert decision.eligible is True
    assert decision.missing_facts == ()


@pytest.mark.parametrize(
    ("program", "atype", "condition_id", "met", "not_met"), CASES, ids=map(_case_id, CASES)
)
def test_condition_met(
    rules: Rules, program: str, atype: str, condition_id: str, met: dict, not_met: dict
) -> None:
    status, eligible = _status(rules, program, atype, {**BASE[(program, atype)], **met}, condition_id)
    assert (status, eligible) == ("met", True)


@pytest.mark.parametrize(
    ("program", "atype", "condition_id", "met", "not_met"), CASES, ids=map(_case_id, CASES)
)
def test_condition_not_met(
    rules: Rules, program: str, atype: str, condition_id: str, met: dict, not_met: dict
) -> None:
    required = rules.program(program).applicant_type(atype)
    condition = next(c for c in required.conditions if c.id == condition_id)
    status, eligible = _status(rules, program, atype, {**BASE[(program, atype)], **not_met}, condition_id)
    assert status == "not_met"
    assert eligible is (not condition.required)


@pytest.mark.parametrize(
    ("program", "atype", "condition_id", "met", "not_met"), CASES, ids=map(_case_id, CASES)
)
def test_condition_unknown(
    rules: Rules, program: str, atype: str, condition_id: str, met: dict, not_met: dict
) -> None:
    condition = next(
        c for c in rules.program(program).applicant_type(atype).conditions if c.id == condition_id
    )
    facts = {k: v for k, v in BASE[(program, atype)].items() if k not in condition.facts}
    decision = check(rules, program, atype, facts)
    result = next(c for c in decision.conditions if c.condition_id == condition_id)
    assert result.status.value == "unknown"
    if condition.required:
        assert decision.eligible is None
        missing = {f.key for f in decision.missing_facts}
        assert missing and missing <= set(condition.facts)
    else:
        assert decision.eligible is True


def test_enterprise_strategy_program_binds_enterprises_only(rules: Rules) -> None:
    """「省企业知识产权战略推进计划」 has enterprises as its 承担单位: a university is neither
    asked about it nor refused by it."""
    research = BASE[(HVN, "research")]
    assert check(rules, HVN, "research", research).eligible is True
    assert check(rules, HVN, "research", {**research, "unaccepted_strategy_project": True}).eligible is True
    enterprise = BASE[(HVN, "enterprise")]
    assert (
        check(rules, HVN, "enterprise", {**enterprise, "unaccepted_strategy_project": True}).eligible is False
    )
    missing = check(
        rules, HVN, "enterprise", {k: v for k, v in enterprise.items() if k != "unaccepted_strategy_project"}
    )
    assert "unaccepted_strategy_project" in [m.key for m in missing.missing_facts]
