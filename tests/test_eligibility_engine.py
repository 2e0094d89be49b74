"""The engine: exemptions, counting rules, exclusions, boundaries, reasons, questions, the contract."""

from __future__ import annotations

import json
import math
import re

import pytest

from assistant.config import DEFAULT_KNOWLEDGE_DIR
from assistant.eligibility import Interval, Rules, check, load_rules, make_eligibility_tool
from assistant.errors import FactsError
from assistant.ingest.knowledge_base import KnowledgeBase

IB, HVN = "2022-industrial-brand", "2022-high-value-patent-new"
GI, PT = "2022-gi-brand", "2022-patent-transfer"


@pytest.fixture(scope="module")
def rules() -> Rules:
    kb = KnowledgeBase.load(DEFAULT_KNOWLEDGE_DIR)
    return load_rules(DEFAULT_KNOWLEDGE_DIR / "rules", kb)


def status(rules: Rules, program: str, atype: str, facts: dict, condition_id: str) -> str:
    decision = check(rules, program, atype, facts)
    return next(c for c in decision.conditions if c.condition_id == condition_id).status.value


def reason(rules: Rules, program: str, atype: str, facts: dict, condition_id: str) -> str:
    decision = check(rules, program, atype, facts)
    return next(c for c in decision.conditions if c.condition_id == condition_id).reason


# --- exemptions ----------------------------------------------------------------------------

PROFIT = [(IB, "profit_tax_last_year"), (HVN, "profit_tax_min_3y")]


@pytest.mark.parametrize(("program", "key"), PROFIT)
@pytest.mark.parametrize(
    ("facts", "expected"),
    [
        ({"little_giant": True}, "met"),
        ({"single_champion": True}, "met"),
        ({"little_giant": False, "single_champion": False}, "not_met"),
        ({"little_giant": False}, "unknown"),  # the other exemption is still unknown
        ({}, "unknown"),
    ],
)
def test_profit_tax_exemption_below_threshold(
    rules: Rules, program: str, key: str, facts: dict, expected: str
) -> None:
    assert status(rules, program, "enterprise", {key: 1200, **facts}, "profit_tax") == expected


@pytest.mark.parametrize(("program", "key"), PROFIT)
def test_profit_tax_exemption_needs_no_profit_figure(rules: Rules, program: str, key: str) -> None:
    assert status(rules, program, "enterprise", {"little_giant": True}, "profit_tax") == "met"
    assert status(rules, program, "enterprise", {key: 2000}, "profit_tax") == "met"
    assert (
        status(rules, program, "enterprise", {key: 1999.99, "single_champion": False}, "profit_tax")
        == "unknown"
    )


def test_exemption_reason_names_the_exemption(rules: Rules) -> None:
    text = reason(rules, IB, "enterprise", {"profit_tax_last_year": 1200, "little_giant": True}, "profit_tax")
    assert text == "上一年度利税总额1200万元，低于2000万元；但是国家专精特新“小巨人”企业，不受此限"
    text = reason(rules, IB, "enterprise", {"profit_tax_last_year": 1200}, "profit_tax")
    assert "低于2000万元" in text and "若是国家制造业单项冠军企业或是国家专精特新“小巨人”企业" in text


@pytest.mark.parametrize(
    ("facts", "expected"),
    [
        ({"gi_sales_last_year": 800, "gi_national_key_project": True}, "met"),
        ({"gi_sales_last_year": 800, "gi_national_demo_zone": True}, "met"),
        (
            {"gi_sales_last_year": 800, "gi_national_key_project": False, "gi_national_demo_zone": False},
            "not_met",
        ),
        ({"gi_sales_last_year": 800, "gi_national_key_project": False}, "unknown"),
        ({"gi_national_demo_zone": True}, "met"),
    ],
)
def test_gi_sales_exemption(rules: Rules, facts: dict, expected: str) -> None:
    assert status(rules, GI, "county", {"gi_category": "手工艺品类", **facts}, "gi_sales") == expected


@pytest.mark.parametrize(
    ("category", "sales", "expected"),
    [
        ("手工艺品类", 1000, "met"),
        ("手工艺品类", 999.9, "not_met"),
        ("其他类别", 5000, "met"),
        ("其他类别", 4999.9, "not_met"),
        (None, 6000, "met"),  # enough whatever the category
        (None, 900, "not_met"),  # too little whatever the category
        (None, 3000, "unknown"),  # depends on the category
    ],
)
def test_gi_sales_threshold_depends_on_category(
    rules: Rules, category: str | None, sales: float, expected: str
) -> None:
    facts = {"gi_sales_last_year": sales, "gi_national_key_project": False, "gi_national_demo_zone": False}
    if category:
        facts["gi_category"] = category
    assert status(rules, GI, "city", facts, "gi_sales") == expected


# --- counting rules ------------------------------------------------------------------------


@pytest.mark.parametrize("atype", ["enterprise", "research"])
@pytest.mark.parametrize(
    ("invention", "pct", "expected"),
    [(44, 3, "met"), (44, 2, "not_met"), (0, 25, "met"), (50, 0, "met"), (49, 0, "not_met")],
)
def test_pct_counts_one_to_two_toward_invention_patents(
    rules: Rules, atype: str, invention: int, pct: int, expected: str
) -> None:
    facts = {
        "valid_patents": 10,
        "valid_invention_patents": invention,
        "pct_national_phase": pct,
        "award_3y": False,
    }
    if atype == "research":
        facts["key_lab_itself"] = False
    assert status(rules, HVN, atype, facts, "patents") == expected


def test_pct_does_not_count_toward_all_patents(rules: Rules) -> None:
    facts = {"valid_patents": 90, "valid_invention_patents": 0, "pct_national_phase": 20, "award_3y": False}
    assert status(rules, HVN, "enterprise", facts, "patents") == "not_met"  # 90 < 100 and 40 < 50


def test_unknown_pct_keeps_invention_count_open(rules: Rules) -> None:
    facts = {"valid_patents": 10, "valid_invention_patents": 44, "award_3y": False}
    assert status(rules, HVN, "enterprise", facts, "patents") == "unknown"


@pytest.mark.parametrize(
    ("facts", "expected"),
    [
        ({"valid_patents": 50, "award_3y": True}, "met"),
        (
            {"valid_patents": 49, "valid_invention_patents": 24, "pct_national_phase": 0, "award_3y": True},
            "not_met",
        ),
        ({"valid_patents": 0, "valid_invention_patents": 25, "award_3y": True}, "met"),
        ({"valid_patents": 60, "valid_invention_patents": 0, "pct_national_phase": 0}, "unknown"),
        ({"valid_patents": 120}, "met"),
        ({"valid_patents": 40, "valid_invention_patents": 20, "pct_national_phase": 0}, "not_met"),
    ],
)
def test_award_winners_need_half_the_patents(rules: Rules, facts: dict, expected: str) -> None:
    assert status(rules, HVN, "enterprise", facts, "patents") == expected


@pytest.mark.parametrize(
    ("facts", "expected"),
    [
        ({"key_lab_itself": True}, "met"),
        ({"award_3y": True}, "met"),
        ({"key_lab_itself": False, "award_3y": False}, "not_met"),
        ({"key_lab_itself": False}, "unknown"),
        # owning a key-lab platform (3.1.2.1) is not being one: no halving
        ({"has_rd_platform": True, "key_lab_itself": False, "award_3y": False}, "not_met"),
    ],
)
def test_research_halving_also_for_key_laboratories(rules: Rules, facts: dict, expected: str) -> None:
    counts = {"valid_patents": 60, "valid_invention_patents": 0, "pct_national_phase": 0}
    assert status(rules, HVN, "research", {**counts, **facts}, "patents") == expected


def test_halving_reason_says_why(rules: Rules) -> None:
    text = reason(rules, HVN, "research", {"valid_patents": 60, "key_lab_itself": True}, "patents")
    assert text == "有效专利60件，符合要求（三年内获奖或为国家、省重点实验室，数量要求减半）"
    text = reason(
        rules,
        HVN,
        "enterprise",
        {"valid_patents": 60, "valid_invention_patents": 0, "pct_national_phase": 0},
        "patents",
    )
    # The halved figures (50, 25) are the checker's arithmetic, not the guide's words.
    assert "要求不低于100件（三年内获奖，数量要求减半）" in text
    assert "25" not in text and not re.search(r"(?<!\d)0件", text)
    assert "没有进入国家阶段的PCT专利申请" in text


# --- exclusions ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("facts", "expected"),
    [
        ({"hvp_led_before": False}, "met"),
        ({"hvp_led_before": True, "institution_kind": "高校", "same_college_or_field": False}, "met"),
        ({"hvp_led_before": True, "institution_kind": "高校", "same_college_or_field": True}, "not_met"),
        ({"hvp_led_before": True, "institution_kind": "科研院所", "same_college_or_field": False}, "not_met"),
        ({"hvp_led_before": True, "institution_kind": "重点实验室"}, "not_met"),
        ({"hvp_led_before": True, "institution_kind": "新型研发机构"}, "not_met"),
        ({"hvp_led_before": True, "institution_kind": "高校"}, "unknown"),
        ({"hvp_led_before": True}, "unknown"),
    ],
)
def test_new_project_exclusion_for_former_leaders(rules: Rules, facts: dict, expected: str) -> None:
    assert status(rules, HVN, "research", facts, "led_before") == expected


def test_exclusions_only_bind_new_projects(rules: Rules) -> None:
    upgrade = rules.program("2022-high-value-patent-upgrade")
    keys = {k for t in upgrade.types for k in t.facts}
    assert not keys & {"hvp_led_before", "unaccepted_strategy_project"}


@pytest.mark.parametrize(
    ("atype", "facts", "eligible"),
    [
        ("county", {"parent_city_holds_zone": True}, False),
        ("park", {"parent_city_holds_zone": True}, False),
        ("park", {"parent_county_holds_zone": True}, False),
        (
            "city",
            {"parent_city_holds_zone": True, "parent_county_holds_zone": True},
            None,
        ),  # not a city's rule
    ],
)
def test_2022_zone_under_a_holder_may_not_apply(
    rules: Rules, atype: str, facts: dict, eligible: bool | None
) -> None:
    decision = check(rules, "2022-protection-zone", atype, facts)
    assert decision.eligible is eligible
    holders = [c for c in decision.conditions if c.clause_id == "2022-protection-zone:3.p1"]
    assert (atype == "city") == (not holders)


# --- boundaries and bounds ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("program", "atype", "condition_id", "key", "at", "expected_at"),
    [
        (IB, "enterprise", "profit_tax", "profit_tax_last_year", 2000, "not_met_below"),
        (IB, "enterprise", "ip_staff", "ip_staff", 3, "not_met_below"),
        (IB, "enterprise", "rd_ratio", "rd_ratio_last_year", 3, "not_met_below"),
        (HVN, "enterprise", "rd_ratio", "rd_ratio_3y", 3.5, "not_met_below"),
        (PT, "research", "ip_staff", "ip_staff", 5, "not_met_below"),
        (PT, "park", "chain_enterprises", "chain_enterprises", 50, "exclusive"),
        (GI, "city", "gi_basis", "gi_years", 3, "exclusive"),
    ],
)
def test_thresholds_read_as_the_text_says(
    rules: Rules, program: str, atype: str, condition_id: str, key: str, at: float, expected_at: str
) -> None:
    base = {"gi_protected_or_registered": True, "single_champion": False, "little_giant": False}
    at_status = status(rules, program, atype, {**base, key: at}, condition_id)
    if expected_at == "exclusive":  # 超过 / 高于: exactly the threshold is not enough
        assert at_status == "not_met"
        assert status(rules, program, atype, {**base, key: at + 0.5}, condition_id) == "met"
    else:  # 不低于 / 不少于 / 达…以上: exactly the threshold is enough
        assert at_status == "met"
        assert status(rules, program, atype, {**base, key: at - 0.01}, condition_id) == "not_met"


@pytest.mark.parametrize(
    ("rank", "expected"),
    [(10, "met"), (11, "not_met"), (Interval(1, 10), "met"), (Interval(1, 20), "unknown")],
)
def test_top_ten_includes_tenth(rules: Rules, rank: object, expected: str) -> None:
    assert (
        status(rules, "2022-protection-zone", "park", {"invention_rank_2020": rank}, "invention_rank")
        == expected
    )


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (Interval(3000, math.inf, lo_open=True), "met"),  # 超过3000万
        (Interval(2000, math.inf), "met"),  # 2000万以上
        (Interval(2000, math.inf, lo_open=True), "met"),  # 超过2000万: at least 2000万 too
        (Interval(1900, math.inf, lo_open=True), "unknown"),  # 超过1900万: not enough to say
        (Interval(0, 2000, hi_open=True), "not_met"),  # 不到2000万
    ],
)
def test_bounds_from_words_decide_only_when_they_can(rules: Rules, value: Interval, expected: str) -> None:
    facts = {"profit_tax_last_year": value, "single_champion": False, "little_giant": False}
    assert status(rules, IB, "enterprise", facts, "profit_tax") == expected


# --- questions, the contract and errors ---------------------------------------------------------


def test_missing_facts_that_can_decide_come_first(rules: Rules) -> None:
    decision = check(rules, "2024-protection-zone", "county", {"zhenzhua_2022": False})
    keys = [f.key for f in decision.missing_facts]
    assert keys == ["withdrawal_above_avg_2023", "national_strong_county", "national_rapid_center"]


def test_decided_results_ask_nothing(rules: Rules) -> None:
    decision = check(rules, IB, "enterprise", {"industrial_enterprise": False})
    assert decision.eligible is False and decision.missing_facts == ()
    assert decision.verdict == "不符合"


def test_exemption_facts_are_asked_only_while_they_matter(rules: Rules) -> None:
    low = check(rules, IB, "enterprise", {"profit_tax_last_year": 1200})
    high = check(rules, IB, "enterprise", {"profit_tax_last_year": 2500})
    assert {"single_champion", "little_giant"} <= {f.key for f in low.missing_facts}
    assert not {"single_champion", "little_giant"} & {f.key for f in high.missing_facts}


def test_preferences_never_ask_or_decide(rules: Rules) -> None:
    decision = check(rules, IB, "enterprise", {})
    assert "famous_or_foreign_mark" not in {f.key for f in decision.missing_facts}


def test_decision_dict_contract(rules: Rules) -> None:
    decision = check(rules, "保护示范区", "县", {"zhenzhua_2022": True})
    data = decision.to_dict()
    assert set(data) == {"program", "applicant_type", "eligible", "conditions", "missing_facts"}
    assert data["program"] == "2024-protection-zone" and data["applicant_type"] == "county"
    assert data["eligible"] is None
    subject, first = data["conditions"][:2]  # the guide's 申报主体 section, met by the type said
    assert subject["clause_id"] == "2024-protection-zone:2" and subject["status"] == "met"
    assert subject["condition_id"] == "applicant_type"
    assert {"clause_id", "clause_label", "status", "reason"} <= set(first)
    assert first["clause_id"] == "2024-protection-zone:3.2.1"
    assert first["clause_label"] == "三、申报条件（二）第1项"
    assert first["status"] == "met"
    assert data["missing_facts"] == [
        {
            "key": "withdrawal_above_avg_2023",
            "question": "2023年度非正常专利申请撤回率是否高于全省平均水平（与全省平均持平不算高于）？",
            "type": "yes_no",
            "unit": None,
            "label": "2023年度非正常专利申请撤回率高于全省平均水平",
        }
    ]
    json.dumps(data, ensure_ascii=False)  # serialisable


def test_bounds_in_the_dict_are_json(rules: Rules) -> None:
    data = check(
        rules, IB, "enterprise", {"profit_tax_last_year": Interval(3000, math.inf, lo_open=True)}
    ).to_dict()
    entry = next(c for c in data["conditions"] if c["condition_id"] == "profit_tax")
    assert entry["facts"]["profit_tax_last_year"] == {
        "min": 3000,
        "max": None,
        "min_exclusive": True,
        "max_exclusive": False,
    }
    json.dumps(data)


@pytest.mark.parametrize(
    ("facts", "words"),
    [
        ({"profit_tax": 1200}, ["profit_tax", "profit_tax_last_year"]),
        ({"profit_tax_last_year": "两千万"}, ["profit_tax_last_year", "应为数字", "万元"]),
        ({"profit_tax_last_year": True}, ["profit_tax_last_year", "应为数字"]),
        ({"ip_staff": -1}, ["ip_staff", "负数"]),
        ({"little_giant": "也许"}, ["little_giant", "true 或 false"]),
        ({"park_kind": "市级园区"}, ["park_kind", "国家级高新区"]),
        ({"invention_rank_2020": 0}, ["invention_rank_2020", "小于1"]),
    ],
)
def test_bad_facts_are_reported_by_name(rules: Rules, facts: dict, words: list[str]) -> None:
    with pytest.raises(FactsError) as error:
        check(rules, IB, "enterprise", facts)
    message = str(error.value)
    assert all(word in message for word in words), message
    assert "\n" not in message


def test_lenient_values_are_normalised(rules: Rules) -> None:
    decision = check(
        rules, "2024-protection-zone", "park", {"park_kind": "国家级高新技术产业开发区", "js_demo_park": "是"}
    )
    facts = dict(next(c for c in decision.conditions if c.condition_id == "park_kind").facts)
    assert facts == {"park_kind": "国家级高新区"}


@pytest.mark.parametrize(
    ("program", "atype", "words"),
    [
        ("2023-protection-zone", "city", ["2023-protection-zone", "2024-protection-zone"]),
        (IB, "park", ["park", "enterprise"]),
    ],
)
def test_unknown_program_or_type(rules: Rules, program: str, atype: str, words: list[str]) -> None:
    with pytest.raises(FactsError) as error:
        check(rules, program, atype, {})
    assert all(word in str(error.value) for word in words)


def test_chinese_aliases(rules: Rules) -> None:
    assert check(rules, "高价值专利升级", "高校", {}).program == "2022-high-value-patent-upgrade"
    assert check(rules, "2022保护示范区", "园区", {}).applicant_type == "park"


# --- the LangChain tool ------------------------------------------------------------------


def test_structured_tool(rules: Rules) -> None:
    tool = make_eligibility_tool(rules)
    assert tool.name == "check_eligibility"
    assert set(tool.args) == {"program", "applicant_type", "facts"}
    result = tool.invoke(
        {
            "program": IB,
            "applicant_type": "enterprise",
            "facts": {"profit_tax_last_year": 1200, "little_giant": False, "single_champion": False},
        }
    )
    assert result["eligible"] is False
    assert set(result) == {"program", "applicant_type", "eligible", "conditions", "missing_facts"}


def test_structured_tool_reports_bad_input(rules: Rules) -> None:
    tool = make_eligibility_tool(rules)
    message = tool.invoke({"program": IB, "applicant_type": "enterprise", "facts": {"no_such_fact": 1}})
    assert isinstance(message, str) and "no_such_fact" in message


@pytest.mark.parametrize(
    ("years", "said"),
    [
        (Interval(0.25, 1.25, lo_open=True), "不到2年"),  # 「2021年注册」, at the 2022 round
        (Interval(2.25, 3.25, lo_open=True), "2年多至3年多"),
        (Interval(2.0, 4.0), "2年至4年之间"),  # whole years said by the applicant
    ],
)
def test_years_counted_from_a_year_said_are_stated_as_a_person_says_them(years: Interval, said: str) -> None:
    from assistant.eligibility.reasons import describe_interval

    assert describe_interval(years, "年") == said
