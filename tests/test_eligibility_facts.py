"""Facts from applicants' own words: numbers and units, negations, synonyms, turns, detection."""

from __future__ import annotations

import math

import pytest

from assistant.answering.assessment import assess
from assistant.config import DEFAULT_KNOWLEDGE_DIR
from assistant.eligibility import FactSheet, Interval, Rules, load_rules, merge_facts
from assistant.ingest.knowledge_base import KnowledgeBase
from assistant.question.applicant import detect_program
from assistant.question.fact_turns import facts_from_turns
from assistant.question.facts import extract_facts
from assistant.question.numbers import chinese_to_number, find_numbers

IB, HVN = "2022-industrial-brand", "2022-high-value-patent-new"
GI, PT = "2022-gi-brand", "2022-patent-transfer"
PZ24, PZ22 = "2024-protection-zone", "2022-protection-zone"


@pytest.fixture(scope="module")
def rules() -> Rules:
    kb = KnowledgeBase.load(DEFAULT_KNOWLEDGE_DIR)
    return load_rules(DEFAULT_KNOWLEDGE_DIR / "rules", kb)


def facts(rules: Rules, text: str, program: str | None = None, atype: str | None = None) -> dict:
    return dict(extract_facts(text, rules, program, atype))


# --- numbers -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("十二", 12),
        ("二十", 20),
        ("两千五百", 2500),
        ("一百零五", 105),
        ("三点五", 3.5),
        ("十", 10),
        ("八", 8),
    ],
)
def test_chinese_numerals(text: str, value: float) -> None:
    assert chinese_to_number(text) == value


@pytest.mark.parametrize(
    ("text", "low", "high", "unit"),
    [
        ("几十件", 10, 100, "件"),
        ("几百万", 100, 1000, "万"),
        ("几千万", 1000, 10000, "万"),
        ("几万元", 1, 10, "万元"),
    ],
)
def test_some_tens_or_hundreds_are_a_span_not_the_round_figure(
    text: str, low: float, high: float, unit: str
) -> None:
    """「几十件」 is more than ten and fewer than a hundred, never ten itself."""
    (number,) = find_numbers(text)
    assert (number.value, number.upper, number.unit, number.bound) == (low, high, unit, "more")


def test_numbers_need_a_unit_when_written_in_chinese() -> None:
    assert [n.value for n in find_numbers("一定数量的发明专利，三年内")] == [3]  # 「三年」 has a unit
    assert [n.value for n in find_numbers("一定数量")] == []


@pytest.mark.parametrize(
    ("text", "key", "value"),
    [
        ("去年利税2500万", "profit_tax_last_year", 2500),
        ("去年利税1.2亿元", "profit_tax_last_year", 12000),
        ("去年利税两千五百万", "profit_tax_last_year", 2500),
        ("利税3000万元", "profit_tax_last_year", 3000),
        ("利税5000000元", "profit_tax_last_year", 500),
        ("利税2,500万元", "profit_tax_last_year", 2500),
        ("利税１５００万", "profit_tax_last_year", 1500),
        ("研发占比4%", "rd_ratio_last_year", 4),
        ("研发费用占销售收入百分之三点五", "rd_ratio_last_year", 3.5),
        ("知识产权专兼职人员5个", "ip_staff", 5),
        ("有5名知识产权管理人员", "ip_staff", 5),
        ("注册商标持续使用了八年", "trademark_years", 8),
    ],
)
def test_numbers_with_units(rules: Rules, text: str, key: str, value: float) -> None:
    assert facts(rules, text, IB)[key] == value


def test_percent_not_confused_with_years(rules: Rules) -> None:
    assert facts(rules, "近三年研发占比4%", HVN, "enterprise") == {"rd_ratio_3y": 4}


def test_calendar_years_are_not_amounts(rules: Rules) -> None:
    # (profits at the guide's bar of 2000万 say good operation too: facts.yaml, implies_at)
    assert facts(rules, "2021年利税2600万", IB) == {"profit_tax_last_year": 2600, "good_operation": True}


def test_another_years_figure_is_not_the_last_years(rules: Rules) -> None:
    """上一年度 of the 2022 round is 2021: a figure of 2023 or 2020 is another year's."""
    assert facts(rules, "2023年利税2600万", IB) == {}
    assert facts(rules, "2020年利税2600万，2021年3100万", IB) == {
        "profit_tax_last_year": 3100,
        "good_operation": True,
    }


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("利税超过3000万", Interval(3000, math.inf, lo_open=True)),
        (
            "利税2000多万",
            Interval(2000, 3000, lo_open=True, hi_open=True),
        ),  # 「2000多」: more than 2000, less than 3000
        ("利税3000万以上", Interval(3000, math.inf)),
        ("利税不到2000万", Interval(0, 2000, hi_open=True)),
        ("利税不低于2000万", Interval(2000, math.inf)),
    ],
)
def test_bounds_become_intervals(rules: Rules, text: str, value: Interval) -> None:
    assert facts(rules, text, IB)["profit_tax_last_year"] == value


def test_ranks(rules: Rules) -> None:
    assert facts(rules, "2020年万人发明专利拥有量全省第8名", PZ22, "park") == {"invention_rank_2020": 8}
    assert facts(rules, "2020年万人发明专利拥有量排全省前十位", PZ22, "park") == {
        "invention_rank_2020": Interval(1, 10)
    }


# --- yes/no, negations, synonyms ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "key", "value"),
    [
        ("已经建了国家级知识产权保护中心", "national_protection_center", True),
        ("国家级知识产权保护中心还没有建", "national_protection_center", False),
        ("我们没有保护中心", "national_protection_center", False),
        ("尚未建设国家级知识产权保护中心", "national_protection_center", False),
        ("未建保护中心", "national_protection_center", False),
        ("2023年非正常专利申请撤回率高于全省平均", "withdrawal_above_avg_2023", True),
        ("2023年撤回率低于全省平均", "withdrawal_above_avg_2023", False),
        ("撤回率和全省平均差不多持平", "withdrawal_above_avg_2023", False),
    ],
)
def test_yes_no_and_negations(rules: Rules, text: str, key: str, value: bool) -> None:
    assert facts(rules, text, PZ24, "city")[key] is value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("我们不是小巨人", {"little_giant": False}),
        ("不是单项冠军也不是小巨人", {"single_champion": False, "little_giant": False}),
        # a champion of its product is at least a 骨干 of its industry
        (
            "是单项冠军，不是小巨人",
            {"single_champion": True, "little_giant": False, "chain_leader_or_backbone": True},
        ),
        ("没有失信和非正常专利申请", {"serious_dishonesty": False, "abnormal_filing": False}),
        ("失信和非正常专利申请都没有", {"serious_dishonesty": False, "abnormal_filing": False}),
        ("无严重失信行为", {"serious_dishonesty": False}),
        ("信用良好", {"serious_dishonesty": False}),
        ("公司经营状况不错", {"good_operation": True}),
        ("公司去年亏损", {"good_operation": False}),
        ("我们是无锡的制造企业", {"industrial_enterprise": True}),
        ("有效发明专利30件", {"has_invention_patents": True}),
        ("有效发明专利0件", {"has_invention_patents": False}),
        ("市场占有率不高", {"market_share_top": False}),
    ],
)
def test_enterprise_phrases(rules: Rules, text: str, expected: dict) -> None:
    assert facts(rules, text, IB) == expected


def test_questions_and_doubts_state_no_facts(rules: Rules) -> None:
    assert facts(rules, "需要建国家级知识产权保护中心吗", PZ24, "city") == {}
    assert facts(rules, "不知道撤回率是否高于全省平均", PZ24, "city") == {}


def test_facts_about_another_year_are_ignored(rules: Rules) -> None:
    assert facts(rules, "我们2020年被评为真抓实干成效明显地区", PZ24, "county") == {}
    assert facts(rules, "我们2022年被评为真抓实干成效明显地区", PZ24, "county") == {"zhenzhua_2022": True}
    assert facts(rules, "2022年才通过高价值专利项目验收", "2022-high-value-patent-upgrade") == {
        "hvp_accepted_by_2021": False
    }


def test_choices_from_their_synonyms(rules: Rules) -> None:
    assert facts(rules, "我们的地理标志是紫砂", GI, "city") == {"gi_category": "手工艺品类"}
    assert facts(rules, "我们是国家级经济技术开发区", PZ24, "park") == {"park_kind": "国家级经开区"}
    assert facts(rules, "我们是一所大学", HVN, "research") == {"institution_kind": "高校"}
    assert facts(rules, "这个不是手工艺品", GI, "city") == {"gi_category": "其他类别"}


def test_longer_phrases_win(rules: Rules) -> None:
    found = facts(rules, "年均发明专利授权60件", PT, "research")
    assert found == {"avg_invention_grants_3y": 60}
    found = facts(rules, "知识产权费用占研发费用6%，研发费用占销售收入4%", IB)
    assert found == {"ip_cost_ratio_last_year": 6, "rd_ratio_last_year": 4}


def test_gap_phrases_and_negation_inside(rules: Rules) -> None:
    found = facts(rules, "所在的市里和县里都没有承担过保护示范区项目", PZ22, "park")
    assert found == {"parent_city_holds_zone": False, "parent_county_holds_zone": False}
    assert facts(rules, "市里已经承担了这个项目", PZ22, "county") == {"parent_city_holds_zone": True}


def test_no_pct_means_zero(rules: Rules) -> None:
    assert facts(rules, "没有PCT申请", HVN, "enterprise") == {"pct_national_phase": 0}
    assert facts(rules, "PCT进入国家阶段的有3件", HVN, "enterprise") == {"pct_national_phase": 3}


def test_extraction_is_scoped_to_the_program(rules: Rules) -> None:
    assert facts(rules, "利税2500万", IB) == {"profit_tax_last_year": 2500, "good_operation": True}
    assert facts(rules, "利税2500万", HVN, "enterprise") == {
        "profit_tax_min_3y": 2500,
        "good_operation": True,
    }
    assert facts(rules, "利税1500万", IB) == {"profit_tax_last_year": 1500}  # under the bar: nothing implied
    # With no program, the words fit last year's figure and the three-year lowest alike: asked.
    assert set(extract_facts("利税2500万", rules).doubts) == {"profit_tax_last_year", "profit_tax_min_3y"}


# --- turns -----------------------------------------------------------------------------------


def test_facts_accumulate_and_later_turns_correct(rules: Rules) -> None:
    sheet = facts_from_turns(
        ["我们县2022年被评为真抓实干成效明显地区", "撤回率高于全省平均", "不对，撤回率低于全省平均"],
        rules,
        PZ24,
        "county",
    )
    assert dict(sheet) == {"zhenzhua_2022": True, "withdrawal_above_avg_2023": False}
    assert "撤回率低于全省平均" in sheet.evidence["withdrawal_above_avg_2023"]


def test_merge(rules: Rules) -> None:
    first = FactSheet({"a": 1.0, "b": True})
    second = FactSheet({"b": False, "c": "x"})
    assert dict(first.merge(second)) == {"a": 1.0, "b": False, "c": "x"}
    assert dict(merge_facts(first, second, {"a": 2.0})) == {"a": 2.0, "b": False, "c": "x"}
    assert dict(first) == {"a": 1.0, "b": True}  # unchanged


# --- detection ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "program", "atype"),
    [
        ("我们是县里的，能报保护示范区吗", PZ24, "county"),
        ("我们县2022年被评为真抓实干，能报保护示范区吗", PZ24, "county"),
        ("2022年的保护示范区，我们市能报吗", PZ22, "city"),
        ("22年保护示范区对园区有什么要求", PZ22, "park"),
        ("我们高新区想报知识产权建设示范", PZ24, "park"),
        ("南京市江宁区能申报保护示范区吗", PZ24, "county"),
        ("我们是江阴市，县级市，想报保护示范区", PZ24, "county"),
        ("我们是苏州工业园区，想报保护示范区", PZ24, "park"),
        ("我们是设区市，想报地理标志", GI, "city"),
        ("我们是国家地理标志产品保护示范区，能报地理标志项目吗", GI, None),
        ("我们公司想报工业品牌", IB, "enterprise"),
        ("商标品牌培育项目企业怎么报", IB, "enterprise"),
        ("我们大学想报高价值专利", HVN, "research"),
        ("我们企业想申报高价值专利升级项目", "2022-high-value-patent-upgrade", "enterprise"),
        ("研究院能不能报高价值专利新建项目", HVN, "research"),
        ("我们园区想申报产业知识产权运营中心", PT, "park"),
        ("高校院所知识产权运营能力提升怎么申报", PT, "research"),
        ("我们园区有60家链主企业，想报专利转化", PT, "park"),
        ("我们是县里的", None, None),
        # the round applied for, said after the program was named (as the chat's scope reads it)
        ("我县是示范县，市里没承担过保护示范区创建项目。能报2022年度的吗？", PZ22, "county"),
        ("我们县是示范县，保护示范区想报22年度。", PZ22, "county"),
        # a word of possibility or intent between the round and the program (「22年能报…」)
        ("快速维权中心既没建也没申报。22年能报保护示范区吗？", PZ22, None),
        ("我们县22年想申报保护示范区", PZ22, "county"),
        # a round asked after the one named first is the one asked now
        ("我们是个省级产业园区，22年能报保护示范区，24年还能吗", PZ24, "park"),
        # a year of a fact compared after the round named is no round asked
        ("问一下24年保护示范区。我们市撤回率2022年度比全省平均高，2023年度比全省平均低。", PZ24, "city"),
        # 服务 as the applicant's verb (it serves enterprises): the enterprises are not the applicant
        ("我们服务企业很多，园区想报专利转化", PT, "park"),
        # two kinds said together and summed up are the applicant's surroundings, not itself
        ("国家级经开区，我们市、县都没承担过这个项目。符合22年保护示范区条件吗？", PZ22, "park"),
        # a year whose clause names an applicant's fact is that fact's, not the round's
        ("我县2022年度省知识产权工作真抓实干成效明显地区评上了，能报保护示范区吗", PZ24, "county"),
        # words for an enterprise beyond 企业/公司
        ("我们是一家民企，能不能报工业品牌", IB, "enterprise"),
        # a body no program admits, named last in the applicant's noun phrase, is the applicant
        ("我们是市知识产权保护协会，想报22年度保护示范区创建项目，可以吗", PZ22, None),
        ("我们县有行业协会，能报保护示范区吗", PZ24, "county"),
        # a body that says it is a protection centre is no applicant; one that has one, or a
        # research institute whose legal form is given in brackets, is its own kind
        ("我们是市知识产权保护中心（国家级的），想以保护中心的名义报22年度保护示范区创建", PZ22, None),
        ("我们市的国家级知识产权保护中心已经建成，能报24年保护示范区吗", PZ24, "city"),
        ("我们是常州的科研院所（事业单位法人），专利转化专项能报吗", PT, "research"),
        # words of an unadmitted body read in their context: 「3个人」 counts staff, 「乡镇工业园」 is a park
        ("我们公司知识产权部3个人，能报工业品牌吗", IB, "enterprise"),
        ("我们县乡镇工业园区很多，能报保护示范区吗", PZ24, "county"),
        # a park's enterprises are no applicant; a title of an enterprise names one
        ("国家级高新区想报专利转化专项，我们产业链企业有五十多家", PT, "park"),
        ("国家专精特新小巨人，能报工业品牌吗", IB, "enterprise"),
        # an enterprise that says what it is, some words before its head noun, is no park
        (
            "我们是起重机行业的链主企业，想自己牵头建产业知识产权运营中心，能直接申报专利转化专项计划吗？",
            PT,
            None,
        ),
        # a variant applied for by name alone (「报新建」) names the program that has it
        ("高校这边，生物医学工程方向国际领先，能牵头报新建吗？", HVN, "research"),
        # a body asked (「要问代理机构」) is not the applicant
        (
            "在研省部级攻关有成果。有没有非正常申请我不太清楚，要问代理机构。能报升级吗",
            "2022-high-value-patent-upgrade",
            None,
        ),
        # a bureau asking for a body it helps: the body is the applicant, not the bureau's level
        (
            "我是区局的，帮辖区一家做高端纺织的企业问一下，这家企业想申报高价值升级项目",
            "2022-high-value-patent-upgrade",
            "enterprise",
        ),
        ("市局这边帮一家锂电池材料企业咨询，他们在看22年工业品牌", IB, "enterprise"),
        # a bureau asking of its own city's application (a program that admits the city)
        (
            "我是市知识产权局的，关于22年度地理标志品牌培育和保护，打算拿山羊报，下面的县区也不报这个",
            GI,
            "city",
        ),
    ],
)
def test_detect_program(rules: Rules, text: str, program: str | None, atype: str | None) -> None:
    guess = detect_program(text, rules)
    assert (guess.program, guess.applicant_type) == (program, atype)


@pytest.mark.parametrize(
    ("text", "program", "kind"),
    [
        (
            "我们公司是国家知识产权示范企业，在苏州注册，能报2024年度知识产权保护示范区吗？",
            PZ24,
            "enterprise",
        ),
        ("我们研究院有自己的注册商标，也有不少发明专利，能申报工业品牌项目吗？", IB, "research"),
        # after 是 a long name whose verb (服务) begins it: the company itself
        ("我们是一家知识产权运营服务公司，想申请产业知识产权运营中心发展，可以吗？", PT, "enterprise"),
        # the head noun of the phrase after 是, an aside in brackets after it
        (
            "我们是园区的运营公司（国有平台公司），不是管委会。我们公司能作为申报单位报24年保护示范区吗？",
            PZ24,
            "enterprise",
        ),
    ],
)
def test_a_program_asked_for_that_does_not_admit_the_applicant_is_answered_no(
    rules: Rules, text: str, program: str, kind: str
) -> None:
    """Named in the question itself, the program is checked (the kind is not admitted: no),
    not another program inferred from the facts."""
    assessment = assess([text], rules)
    assert (assessment.guess.program, assessment.guess.kind) == (program, kind)
    assert assessment.decision is not None and assessment.decision.eligible is False


def test_a_program_named_with_a_word_of_intending_is_the_one_asked_about(rules: Rules) -> None:
    """「想报2024年度保护示范区项目，企业可以报吗？」: the program is named in the clause of
    intending, the question in the next; the program is checked (an enterprise: no), not
    another one inferred from the facts (「制造企业」 for 工业品牌)."""
    for text in (
        "我们是一家江苏注册的制造企业，专利两百多件，想报2024年度保护示范区项目，企业可以报吗？",
        "我是省属高校技术转移中心的，学校想牵头申报2024年度保护示范区项目，可以吗",  # words between
    ):
        assessment = assess([text], rules)
        assert assessment.guess.program == PZ24
        assert assessment.decision is not None and assessment.decision.eligible is False


def test_a_body_followed_by_zi_ji_is_the_applicant(rules: Rules) -> None:
    """「园区里一家企业…，企业自己作为申报主体行不行？」: the enterprise asks, not the park."""
    text = "园区里一家企业想报22年保护示范区创建项目，企业自己作为申报主体行不行？"
    guess = detect_program(text, rules)
    assert (guess.program, guess.kind) == (PZ22, "enterprise")


def test_a_follow_up_after_a_failed_condition_asks_of_the_body_it_names(rules: Rules) -> None:
    """「那县里不行的话，我们县的经济开发区呢？」: the condition names the county, the question its park."""
    guess = detect_program("我们县想报24年保护示范区，真抓实干没评上，快速维权中心也没有。", rules)
    guess = detect_program("那县里不行的话，我们县的经济开发区呢？它是国家级经开区", rules, guess)
    assert (guess.program, guess.applicant_type) == (PZ24, "park")


def test_a_county_level_city_stays_a_county_when_it_says_we_the_city(rules: Rules) -> None:
    guess = detect_program("县级市能报保护示范区吗？", rules)
    guess = detect_program("我们市不是国家知识产权强县建设示范县，也不是试点县", rules, guess)
    assert guess.applicant_type == "county"
    # a city asking whether a county-level city under it can apply asks of that county: the
    # body that is the subject of 能报 is the applicant asked about (「如果我们市已经在做这个项目，
    # 下面的区还能申请吗」), not the speaker
    guess = detect_program("我们市下面的县级市能报保护示范区吗？", rules)
    assert guess.applicant_type == "county"
    guess = detect_program("我们市是国家知识产权强市建设示范城市，能报保护示范区吗？", rules)
    assert guess.applicant_type == "city"


def test_facts_of_one_round_alone_name_that_round(rules: Rules) -> None:
    """No year named: facts only the 2022 round asks for (20年度真抓实干, 强县工程) are checked
    against that round; facts of both rounds leave the current one."""
    only_2022 = "我们是国家强县工程示范县，20年度真抓实干成效明显地区，能报保护示范区吗"
    assert assess([only_2022], rules).guess.program == PZ22
    both = "我们县20年度和2022年度都评上了真抓实干成效明显地区，能报保护示范区吗"
    assert assess([both], rules).guess.program == PZ24


def test_the_variant_whose_own_facts_are_told_most_is_checked(rules: Rules) -> None:
    text = (
        "公司是国家级单项冠军，江苏注册独立法人。2020年6月省高价值专利培育计划项目验收通过。"
        "国内市场占有率全国第一。能报高价值专利项目吗"
    )
    assert assess([text], rules).guess.program == "2022-high-value-patent-upgrade"


def test_detection_accumulates_over_turns(rules: Rules) -> None:
    guess = detect_program("我们是县里的", rules)
    assert guess.kind == "county" and guess.program is None
    guess = detect_program("想问问保护示范区", rules, guess)
    assert (guess.program, guess.applicant_type) == (PZ24, "county")
    guess = detect_program("那2022年的呢", rules, guess)
    assert guess.program == PZ22
    guess = detect_program("园区还得有独立机构，专利、商标、地理标志统一管理", rules, guess)
    assert guess.program == PZ22  # a passing mention does not switch programs
    guess = detect_program("不过我们所在的市已经承担了", rules, guess)
    assert guess.applicant_type == "county"  # the parent city is not the applicant
    guess = detect_program("那地理标志项目呢", rules, guess)
    assert (guess.program, guess.applicant_type) == (GI, "county")


def test_a_title_denied_names_no_program_when_another_is_named(rules: Rules) -> None:
    """「不是…保护示范区」 denies a title (the GI's demonstration zone); the program is the one
    named otherwise, and a denied name still counts when nothing else is named."""
    text = "这个地标是证明商标，县里特色主导产业，不是国家级的重点联系指导项目或保护示范区，能报吗"
    assert detect_program(text, rules).program == GI
    assert detect_program("我们县不是保护示范区，能报吗", rules).program == PZ24


def test_a_follow_up_clause_naming_another_applicant_switches_to_it(rules: Rules) -> None:
    """「那我们下面的区呢？区里是…」: the follow-up asks about the district, though more follows
    it and 下面的 would otherwise mark another body."""
    guess = detect_program("我们市想报2024年保护示范区，但市里国家级保护中心还没建成", rules)
    assert guess.applicant_type == "city"
    guess = detect_program("那我们下面的区呢？区里是国家知识产权强县建设示范区，区政府报够格么", rules, guess)
    assert guess.applicant_type == "county"
    assert detect_program("我们市下面的区有快维中心", rules).kind == "city"


@pytest.mark.parametrize(
    ("key", "value", "said"),
    [
        ("invention_rank_2020", 10**400, "数值过大"),
        ("ip_cost_ratio_last_year", 350, "0 到 100"),
        ("valid_patents", 60.5, "整数"),
        ("valid_patents", -120, "负数"),
    ],
)
def test_given_facts_are_checked_against_their_meaning(rules: Rules, key: str, value, said: str) -> None:
    from assistant.eligibility.facts import given_facts
    from assistant.errors import FactsError

    with pytest.raises(FactsError, match=said):
        given_facts(rules, {key: value})


def test_a_correction_naming_the_earlier_figure_as_another_thing_puts_it_in_doubt(rules: Rules) -> None:
    turns = ["园区产业链相关企业大概六十家，链主企业已落户", "刚核对了一下，六十家是园区全部企业。"]
    sheet = facts_from_turns(turns, rules, "2022-patent-transfer", "park")
    assert "chain_enterprises" not in sheet and "chain_enterprises" in sheet.doubts
    assert sheet["key_enterprises_settled"] is True  # what the correction does not touch stands


def test_a_correction_naming_the_earlier_figure_takes_the_one_figure_it_gives(rules: Rules) -> None:
    """「六十家」 is the figure told before (「大概六十家」), named as something else: the one
    figure left (「三四十家」) is the correction's (session 63; it had counted as a second figure,
    and the count was asked)."""
    turns = [
        "园区产业链相关企业大概六十家，链主企业已落户",
        "刚核对了一下，六十家是园区全部企业，真正算产业链相关的只有三四十家。",
    ]
    sheet = facts_from_turns(turns, rules, "2022-patent-transfer", "park")
    assert (sheet["chain_enterprises"].lo, sheet["chain_enterprises"].hi) == (30, 40)


def test_a_correction_of_a_rank_takes_the_figure_of_the_facts_year(rules: Rules) -> None:
    """The figure the correction gives another year (2021's 第8) is no figure of the 2020 rank:
    the one left (第13) replaces the earlier rank."""
    turns = ["2020年万人发明专利拥有量全省县区排第8", "说错了，排第8的是2021年的数据，2020年我们排第13。"]
    sheet = facts_from_turns(turns, rules, PZ22, "county")
    assert sheet["invention_rank_2020"] == 13


def test_a_correction_naming_the_old_rank_as_the_mistake_takes_the_new_one(rules: Rules) -> None:
    turns = ["2020年万人发明专利拥有量全省县区排第8", "说错了，2020年我们排第13，第8是我记混了。"]
    sheet = facts_from_turns(turns, rules, PZ22, "county")
    assert sheet["invention_rank_2020"] == 13


def test_a_correction_of_a_rank_with_two_new_figures_puts_it_in_doubt(rules: Rules) -> None:
    turns = ["2020年万人发明专利拥有量全省县区排第8", "说错了，2020年我们排第13或者第15。"]
    sheet = facts_from_turns(turns, rules, PZ22, "county")
    assert "invention_rank_2020" not in sheet and "invention_rank_2020" in sheet.doubts


def test_a_correction_that_repeats_the_old_figure_as_another_years_puts_it_in_doubt(rules: Rules) -> None:
    """「七千万是前年的数字」: the one figure is the old one, said to be another year's; it is no
    new figure of the fact (found in the session's full run: ca-144 had turned to a wrong 符合)."""
    turns = [
        "我们县汀洲菱角，2009年注册的地理标志证明商标，去年销售七千万",
        "更正一下，七千万是前年的数字，上一年度的还没出",
    ]
    sheet = facts_from_turns(turns, rules, "2022-gi-brand", "county")
    assert "gi_sales_last_year" not in sheet and "gi_sales_last_year" in sheet.doubts


def test_a_correction_with_one_figure_of_the_one_earlier_facts_unit_replaces_it(rules: Rules) -> None:
    turns = ["20年万人发明专利拥有量全省第9", "哦不对，看错表了，是第19名。2020年度真抓实干也没评上"]
    sheet = facts_from_turns(turns, rules, PZ22, "county")
    assert sheet["invention_rank_2020"] == 19 and sheet["zhenzhua_2020"] is False


def test_a_correction_whose_figure_is_read_for_its_own_fact_replaces_no_other(rules: Rules) -> None:
    """「更正：研发投入占比是3.8%」 is the R&D share's: the IP-cost share (6%) is not set to 3.8%
    (found in the session's full run: bm-132 had turned to a wrong 不符合)."""
    turns = ["2021年IP费用占研发6%；2021年研发投入占销售收入2.8%", "更正：研发投入占比是3.8%，刚才看错行了"]
    sheet = facts_from_turns(turns, rules, "2022-industrial-brand", "enterprise")
    assert sheet["rd_ratio_last_year"] == 3.8 and sheet.get("ip_cost_ratio_last_year") != 3.8


def test_a_correction_that_names_the_fact_replaces_it(rules: Rules) -> None:
    sheet = facts_from_turns(
        ["有效专利80件", "说错了，有效专利是120件"], rules, "2022-high-value-patent-new", "enterprise"
    )
    assert sheet["valid_patents"] == 120 and not sheet.doubts


def test_an_aside_about_the_applicant_is_no_other_level(rules: Rules) -> None:
    """「我们市（县级）」 is the county-level city speaking; 「市里（地级）」 is its city."""
    said = "我们市（县级）被评为2022年度省知识产权工作真抓实干成效明显地区"
    assert facts(rules, said, PZ24, "county").get("zhenzhua_2022") is True
    other = "市里（地级）被评为2022年度省知识产权工作真抓实干成效明显地区"
    assert "zhenzhua_2022" not in facts(rules, other, PZ24, "county")


@pytest.mark.parametrize(
    ("taken_back", "value"),
    [
        # the figure before 说错了 is the wrong one; the figures after it replace it
        ("刚才说研发占比3.2%说错了，那是另一个口径，正确的近三年是3.8%、4.0%、4.2%", (3.8, 4.2)),
        ("研发占比3.2%说错了", None),  # no figure after it: asked, not the 3.2% taken back
        ("研发占比3.2%说错了，利税是3000万", None),  # the figure after it is another fact's
    ],
)
def test_a_figure_taken_back_is_not_read(rules: Rules, taken_back: str, value: tuple | None) -> None:
    sheet = facts_from_turns(
        ["近三年研发占比3.2%", taken_back], rules, "2022-high-value-patent-new", "enterprise"
    )
    if value is None:
        assert "rd_ratio_3y" not in sheet and "rd_ratio_3y" in sheet.doubts
    else:
        assert (sheet["rd_ratio_3y"].lo, sheet["rd_ratio_3y"].hi) == value


@pytest.mark.parametrize(
    ("text", "atype", "value"),
    [
        ("市里也不会指定它申报", "county", False),  # a county's other level is the city
        ("市里这次报的是另一个地理标志，不是我们这个", "county", False),
        ("我们县和市里打算同时用它报", "county", True),
        ("下面的县区也不会拿它来报", "city", False),
        ("下面有个县已经确定拿这同一个地标申报了", "city", True),
        ("县里就拿这个报", "county", None),  # the county itself: nothing about the other level
        ("市里就拿这个报", "city", None),
    ],
)
def test_a_fact_about_another_body_is_read_where_the_applicants_other_level_is_named(
    rules: Rules, text: str, atype: str, value: bool | None
) -> None:
    assert facts(rules, text, GI, atype).get("gi_same_as_other_level") == value


@pytest.mark.parametrize(
    ("turns", "atype"),
    [
        (
            ["我们区有国家级快维中心", "说错了，那个国家级快维中心是市里建的，设在市区，我们区自己没有建。"],
            "county",
        ),
        (["国家级知识产权保护中心有", "更正一下，保护中心是下面一个区建的"], "city"),
    ],
)
def test_the_applicants_fact_said_of_its_other_level_is_asked(rules: Rules, turns: list, atype: str) -> None:
    """The city's centre is not the district's: said of the other level, the applicant's own
    fact is asked, and a correction takes back what an earlier turn said."""
    sheet = facts_from_turns(turns, rules, PZ24, atype)
    key = "national_rapid_center" if atype == "county" else "national_protection_center"
    assert key not in sheet and key in sheet.doubts


@pytest.mark.parametrize(
    ("text", "program"),
    [
        ("县政府能报22年的省知识产权保护示范区创建项目吗", PZ22),  # words of the full name between
        ("市里想报省知识产权保护示范区创建（22年度的）。", PZ22),  # the year in brackets after it
        ("2022年江苏省知识产权保护示范区", PZ22),
        ("保护示范区（2024年）", PZ24),
        ("能报今年（2022）的保护示范区创建吗？", PZ22),  # the year in brackets before it
        # the round the applicant says it does not mean is not the one asked
        ("我说的是2024年度那个保护示范区，不是22年的保护示范区创建。能不能报？", PZ24),
    ],
)
def test_the_round_is_read_around_the_programs_name(rules: Rules, text: str, program: str) -> None:
    assert detect_program(text, rules).program == program


def test_a_word_with_a_kind_character_names_no_applicant(rules: Rules) -> None:
    guess = detect_program("高价值专利培育升级项目跟新建有什么区别？企业报升级要什么条件", rules)
    assert guess.applicant_type == "enterprise"
    assert (
        detect_program("我们所在的市已经承担了2022年保护示范区", rules).kind is None
    )  # the parent, not 我所
    assert detect_program("我所2018年牵头承担了高价值专利培育项目", rules).kind == "research"


def test_a_correction_naming_a_year_puts_that_years_facts_in_doubt(rules: Rules) -> None:
    """「说错了，评上的是2021年度，2022年度没评上」 names no fact's words: the 2022 title said
    before is no longer taken (it had stayed, and gave a 符合)."""
    turns = [
        "我们区2022年评上了省真抓实干成效明显地区，23年撤回率高于全省平均",
        "说错了，评上的是2021年度，2022年度没评上",
    ]
    sheet = facts_from_turns(turns, rules, PZ24, "county")
    assert "zhenzhua_2022" not in sheet and sheet["withdrawal_above_avg_2023"] is True


@pytest.mark.parametrize(
    ("text", "staff"),
    [
        ("有独立的知识产权部，专职4个人", Interval(4.0)),  # part-time staff may come on top
        ("有独立的知识产权部，专兼职3个人", 3.0),
        ("IP部门独立，5个人", 5.0),
    ],
)
def test_a_figure_alone_counts_the_staff_of_the_clause_before(rules: Rules, text: str, staff: object) -> None:
    sheet = extract_facts(text, rules, IB, "enterprise")
    assert sheet.values.get("ip_staff") == staff and sheet.values.get("independent_ip_dept") is True


def test_the_applicant_is_the_noun_its_phrase_ends_in(rules: Rules) -> None:
    guess = detect_program(
        "想报2022年高价值专利培育的新建项目。我们是苏州工业园区的半导体设备企业，江苏注册独立法人", rules
    )
    assert guess.kind == "enterprise"
    assert detect_program("我们是苏州工业园区，想报2024保护示范区", rules).kind == "park"
    assert detect_program("设区市申报2024年的保护示范区，条件有哪些？", rules).kind == "city"


def test_a_county_speaking_of_its_city_after_a_correction_stays_a_county(rules: Rules) -> None:
    guess = detect_program(
        "我们县是国家强县工程示范县，不过我们市去年已经承担了保护示范区创建项目，县里还能报2022年度的吗？",
        rules,
    )
    guess = detect_program("说错了，承担项目的是隔壁市，我们市没有承担过。", rules, guess)
    assert guess.applicant_type == "county"
    assert detect_program("说错了，我们是设区市", rules, guess).applicant_type == "city"


def test_a_program_named_just_before_the_question_is_the_one_asked(rules: Rules) -> None:
    text = (
        "我们是大闸蟹龙头企业，用的是本地的地理标志证明商标。22年省里那个地理标志培育和保护项目，企业能报吗？"
    )
    guess = detect_program(text, rules)
    assert (guess.program, guess.kind, guess.asked) == (GI, "enterprise", True)


def test_another_applicant_named_instead_is_the_applicant(rules: Rules) -> None:
    guess = detect_program("我们是XX水蜜桃产销协会，地理标志的商标品牌培育和保护项目协会能报吗？", rules)
    guess = detect_program(
        "那改由县政府申报呢：县里保障经费、人员、物资；XX水蜜桃2013年注册证明商标", rules, guess
    )
    assert (guess.program, guess.applicant_type) == (GI, "county")


def test_a_correction_keeping_one_figure_still_corrects_the_other(rules: Rules) -> None:
    """「其中专职做转化的还是2个」 repeats one figure unchanged; 「一共5个」 corrects the other
    (found in the session's full run: bm-119 had turned to a wrong 不符合 on the old 4)."""
    turns = [
        "我们知识产权管理人员4个，专职转化2个",
        "更正：人员加上技术转移中心新来的一个，一共5个，其中专职做转化的还是2个。",
    ]
    sheet = facts_from_turns(turns, rules, "2022-patent-transfer", "research")
    assert sheet.get("ip_staff") != 4 and sheet.get("transfer_staff") in (None, 2)
