"""Whose words, and how far they reach: the mechanisms blind set BT found (session 57).

Each case is one applicant message (or conversation) and the facts that must be read from it,
exactly, or stay asked. On the reader before these mechanisms each case read otherwise: a fact
left asked, or (the middling words, an intention to lead) a fact read backwards.
"""

from __future__ import annotations

import pytest

from assistant.answering.assessment import assess
from assistant.config import DEFAULT_KNOWLEDGE_DIR
from assistant.eligibility import Interval, Rules, load_rules
from assistant.ingest.knowledge_base import KnowledgeBase
from assistant.question.asking import asks_which_programs
from assistant.question.fact_turns import facts_from_turns
from assistant.question.facts import extract_facts

IB, HVN = "2022-industrial-brand", "2022-high-value-patent-new"
GI, PT = "2022-gi-brand", "2022-patent-transfer"
PZ24, PZ22 = "2024-protection-zone", "2022-protection-zone"


@pytest.fixture(scope="module")
def rules() -> Rules:
    kb = KnowledgeBase.load(DEFAULT_KNOWLEDGE_DIR)
    return load_rules(DEFAULT_KNOWLEDGE_DIR / "rules", kb)


READ = [
    # another body's 、 item with its own predicate is its own clause (「市里不报」 no longer puts
    # the list in doubt)
    (
        "县政府保障、三年无事故、无失信、没在承担省级项目、市里不报，这些都没问题。",
        GI,
        "county",
        {
            "gov_support": True,
            "gi_major_accident_3y": False,
            "serious_dishonesty": False,
            "gi_in_recent_project": False,
        },
    ),
    # the applicant's own after another body's yes: its kind word and its thing's quoted name
    # are its subject
    (
        "隔壁县的地标是国家地理标志产品保护示范区，我们县的‘南湖莲子’不是。",
        GI,
        "county",
        {"gi_national_demo_zone": False},
    ),
    (
        "隔壁开发区被省、市确定为重点产业链所在地区了，我们园区没有。",
        PT,
        "park",
        {"key_chain_location": False},
    ),
    # middling words say a high level is not reached
    (
        "不过专利产出一般，知识产权综合实力在全省园区只算中游。",
        PT,
        "park",
        {"patent_output_high": False, "ip_strength_top": False},
    ),
    ("专利产出在全省靠后。", PT, "park", {"patent_output_high": False}),
    # an aside with a figure after a counted noun is no count of it
    (
        "我们其实有6个知识产权管理人员（有两个是那年年初新招的），专职做转化的是3个。",
        PT,
        "research",
        {"ip_staff": 6, "transfer_staff": 3},
    ),
    # a span of years and a figure for each
    (
        "知识产权费用占研发费用，2019到2021年分别是4.1%、4.3%、4.6%。",
        IB,
        "enterprise",
        {"ip_cost_ratio_last_year": 4.6},
    ),
    # a rough figure, then the exact ones in brackets
    (
        "2019、2020、2021三年研发费用占销售收入都是3.5%左右（分别是3.5%、3.6%、3.5%）。",
        HVN,
        "enterprise",
        {"rd_ratio_3y": Interval(3.5, 3.6)},
    ),
    # a body the applicant hangs under is not what it is
    ("我们是一个新型研发机构，挂靠在高校下面。", HVN, "research", {"institution_kind": "新型研发机构"}),
    ("我们是新型研发机构，依托南京大学建设。", HVN, "research", {"institution_kind": "新型研发机构"}),
    # a plain mark is no GI
    (
        "准备用“红堡酱菜”，不过它不是地理标志，只是一个普通注册商标。",
        GI,
        "county",
        {"gi_protected_or_registered": False},
    ),
    # a topic's predicate with a bare word of another program's (获批)
    (
        "国家级知识产权保护中心的话，我们是2017年获批、2018年建成运行的。",
        PZ24,
        "city",
        {"national_protection_center": True},
    ),
    # a title of some year denied with no year named is not held
    ("真抓实干和快速维权中心都没有。", PZ22, "county", {"zhenzhua_2020": False}),
    # the college of the project led before, told after the clause that says it was led before
    (
        "学校2019年牵头承担过一个省高价值专利培育项目，那个是材料学院的新型合金方向。"
        "这次想换电气学院牵头，方向是新型储能，和之前完全不同的学科方向。",
        HVN,
        "research",
        {"hvp_led_before": True, "same_college_or_field": False},
    ),
    # words of leading a field and of a mark's use
    ("是链上的骨干企业，行业里处于领先。", IB, "enterprise", {"industry_leading_position": True}),
    # Jiangsu said in the sentence before a bare 独立法人
    ("公司在苏州注册，独立法人，生产电机。", IB, "enterprise", {"js_legal_person": True}),
    ("苏州市注册独立法人工业企业；行业骨干企业。", IB, "enterprise", {"js_legal_person": True}),
    ("海安注册的独立法人，制造业。", IB, "enterprise", {"js_legal_person": True}),
    # an independent IP department is an IP department
    (
        "园区有独立的知识产权管理机构，知识产权资金纳入园区财政预算。",
        PT,
        "park",
        {"park_ip_dept": True, "ip_budget": True},
    ),
    # the same GI the city designated, named again by the county
    (
        "市里已经指定了“芦湾香米”申报今年的地理标志项目，我们县也想用同一个“芦湾香米”申报。",
        GI,
        "county",
        {"gi_same_as_other_level": True},
    ),
    # the other level not applying at all, no name given
    ("后来商量了，市里不报了，改由我们县政府来报。", GI, "county", {"gi_same_as_other_level": False}),
    # a partner in another body's project, then the applicant's own clause
    (
        "2019年我们作为合作单位参加过南京一所高校牵头的省高价值专利培育项目，我们自己没有牵头过。",
        HVN,
        "enterprise",
        {"hvp_led_before": False},
    ),
    # a town's industrial cluster is no national park
    ("我们是镇里的工业集中区，由镇政府直接管，没有管委会。", PZ22, "park", {"park_kind": "其他园区"}),
]


@pytest.mark.parametrize(("text", "program", "atype", "expected"), READ, ids=[c[0][:24] for c in READ])
def test_facts_read(rules: Rules, text: str, program: str, atype: str, expected: dict) -> None:
    sheet = dict(extract_facts(text, rules, program, atype))
    assert {key: sheet.get(key) for key in expected} == expected


ASKED = [
    # an intention to lead this application is no project led before
    ("高价值专利培育新建，我们企业想牵头。", HVN, "enterprise", "hvp_led_before"),
    # an independent legal person of no place said: registered in Jiangsu is asked
    ("我们是独立法人的工业企业，做纺织机械的行业龙头。", IB, "enterprise", "js_legal_person"),
    ("我们是浙江的企业，独立法人。", IB, "enterprise", "js_legal_person"),
    # approved, still being built: not built yet
    ("保护中心，获批了，还在建。", PZ24, "city", "national_protection_center"),
    # a bare item of a list shares the list's no: not read alone
    ("三年无事故、失信、市里都没有。", GI, "county", "serious_dishonesty"),
    # not having an independent department says nothing of having one
    ("园区还没有建立独立的知识产权管理机构。", PT, "park", "park_ip_dept"),
]


@pytest.mark.parametrize(("text", "program", "atype", "key"), ASKED, ids=[c[0][:24] for c in ASKED])
def test_facts_asked(rules: Rules, text: str, program: str, atype: str, key: str) -> None:
    assert key not in dict(extract_facts(text, rules, program, atype))


def test_a_county_title_makes_our_city_the_parent(rules: Rules) -> None:
    """「国家强县工程示范县，…我们市没承担过这个项目」: a county, of the round its facts name."""
    text = (
        "国家强县工程示范县，2020年万人发明专利拥有量正好排全省县（市、区）第10位，"
        "真抓实干和快速维权中心都没有。我们市没承担过这个项目。够格吗？"
    )
    decision = assess([text], rules).decision
    assert decision is not None
    assert (decision.program, decision.applicant_type, decision.eligible) == (PZ22, "county", True)


def test_a_program_set_aside_turns_to_the_other(rules: Rules) -> None:
    turns = [
        "我们高新区（国家级）想报2024年保护示范区，另外还想问问2022年专利转化专项里的产业知识产权运营中心发展。",
        "保护示范区先不管了，就看产业运营中心这个：园区被省、市确定为新能源汽车重点产业链所在地区，有专门的产业发展规划；"
        "链主企业落户，配套中小企业集聚，产业链相关企业60多家；园区有知识产权管理机构，知识产权资金纳入园区财政预算，"
        "专利产出水平较高，知识产权综合实力位居全省前列。",
    ]
    decision = assess(turns, rules).decision
    assert decision is not None
    assert (decision.program, decision.applicant_type, decision.eligible) == (PT, "park", True)


def test_a_town_cluster_is_a_park_not_a_district(rules: Rules) -> None:
    decision = assess(
        ["我们是镇里的工业集中区，由镇政府直接管，没有管委会。能报2022保护示范区创建吗？"], rules
    ).decision
    assert decision is not None
    assert (decision.applicant_type, decision.eligible) == ("park", False)


def test_guides_asked_by_who_applies_are_a_screening() -> None:
    assert asks_which_programs("想帮市政府梳理一下，省里这些申报指南里，哪些是以设区市政府名义申报的？")
    assert not asks_which_programs("申报指南里对设区市有哪些条件？")


def test_a_figure_corrected_in_the_clause_it_was_told(rules: Rules) -> None:
    """「2019年利税是2800万，不是1800万」: the lowest of the three years is then 2800万."""
    turns = [
        "我们是南通独立法人企业，经营良好，利税2019年1800万，2020年3200万，2021年4100万。",
        "不好意思，刚才说错了，2019年利税是2800万，不是1800万。",
    ]
    sheet = facts_from_turns(turns, rules, HVN, "enterprise")
    assert sheet["profit_tax_min_3y"] == 2800
