"""Years as applicants say them: 「去年」 is the year before today, not the year before a round
(a figure of it is asked, never taken for the round's); a correction of a year reads the clause
it corrects again; a correction after a decision checks again, whatever it asks after it."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from assistant.config import DEFAULT_KNOWLEDGE_DIR, Settings
from assistant.ingest.knowledge_base import KnowledgeBase
from assistant.pipeline import Assistant, Conversation
from assistant.question.scope import calendar_years
from assistant.question.year_corrections import with_years_corrected

DEFAULT_RULES = DEFAULT_KNOWLEDGE_DIR / "rules"
NOW = date(2026, 12, 5)
IN_THE_ROUND = date(2024, 1, 15)  # the 2024 round takes applications; 去年 is 2023
COUNTY = (
    "我们县是2022年度真抓实干成效明显地区，去年的非正常专利申请撤回率比全省平均高。能报2024年保护示范区吗？"
)


@pytest.fixture(scope="module")
def assistants(built_settings: Settings, kb: KnowledgeBase) -> dict[date, Assistant]:
    return {day: Assistant(replace(built_settings, fixed_today=day), kb) for day in (NOW, IN_THE_ROUND)}


def test_relative_years_are_the_calendar_years_of_today() -> None:
    assert calendar_years("去年撤回率高，大前年拿了奖", NOW) == "2025年撤回率高，2023年拿了奖"
    # the year the applicant wrote beside it is the one meant (form_text keeps it)
    assert calendar_years("前年（2020年）11件", NOW) == "前年（2020年）11件"


def test_last_years_figure_said_today_is_not_the_rounds(assistants) -> None:
    """Said in 2026, 「去年」 is 2025: the 2023 figure the guide asks for is asked, no 符合."""
    reply = assistants[NOW].ask(COUNTY, Conversation())
    assert reply.decision["eligible"] is None
    assert "withdrawal_above_avg_2023" in [m["key"] for m in reply.decision["missing_facts"]]
    assert "未能确定" in reply.answer and "去年的非正常专利申请撤回率比全省平均高" in reply.answer


def test_a_year_bound_said_with_last_year_is_asked_not_failed(assistants) -> None:
    """「去年验收通过」: 2025 today, 2021 for a speaker in the 2022 round; the two readings decide
    otherwise (2021年以前已验收), so the acceptance is asked, never a 不符合."""
    decision = (
        assistants[NOW]
        .ask(
            "我们是江苏的企业，牵头的省高价值专利培育项目去年验收通过了，正在承担国家重点研发计划项目，"
            "已经出了阶段性成果，国内市场占有率全国第二，没有失信也没有非正常专利申请。能报22年升级项目吗？",
            Conversation(),
        )
        .decision
    )
    assert decision["eligible"] is None
    assert "hvp_accepted_by_2021" in [m["key"] for m in decision["missing_facts"]]


def test_last_years_figure_said_in_the_round_is_the_rounds(assistants) -> None:
    decision = assistants[IN_THE_ROUND].ask(COUNTY, Conversation()).decision
    assert decision["eligible"] is True


def test_a_corrected_year_reads_its_clause_again() -> None:
    turns = [
        "2021年度被评为真抓实干成效明显地区，有国家级保护中心",
        "说错了，是2022年度被评上的，不是2021年度。",
    ]
    first, correction = with_years_corrected(turns)
    assert first == "2022年度被评为真抓实干成效明显地区，有国家级保护中心"
    assert "2021" not in correction and "说错了" not in correction


def test_a_year_in_two_clauses_is_not_rewritten() -> None:
    turns = ["2021年利税3000万，2021年度真抓实干评上了", "说错了，是2022年度，不是2021年度。"]
    assert with_years_corrected(turns) == turns


def test_a_correction_after_a_decision_that_asks_is_checked_again(assistant) -> None:
    conversation = Conversation()
    first = assistant.ask(
        "我们高校管理人员7人，其中专职转化2人，制度完善；近三年年均发明专利授权80件；近三年年均转化专利"
        "10件，金额每年1.2亿左右。江苏独立法人高校，能报转化专项吗？",
        conversation,
    )
    assert first.decision["eligible"] is True
    again = assistant.ask("说错了，专职转化的不是2人，是3人。结果应该不变吧？", conversation)
    assert again.decision is not None and again.decision["eligible"] is True
    assert "专职从事专利转化工作的人员3人" in again.answer


def test_a_thing_dated_after_the_round_is_asked_not_counted_back(kb: KnowledgeBase) -> None:
    from assistant.eligibility.loader import load_rules
    from assistant.question.fact_turns import facts_from_turns

    rules = load_rules(DEFAULT_RULES, kb)
    sheet = facts_from_turns(["我们的大米2025年注册的证明商标"], rules, "2022-gi-brand", "county")
    assert "gi_years" not in sheet and "gi_years" in sheet.doubts


def test_a_value_the_checker_refuses_is_asked(kb: KnowledgeBase) -> None:
    from assistant.eligibility.facts import FactSheet, checkable
    from assistant.eligibility.loader import load_rules
    from assistant.eligibility.rules import Interval

    rules = load_rules(DEFAULT_RULES, kb)
    read = FactSheet({"gi_years": Interval(-2.0, -1.0), "serious_dishonesty": False}, {"gi_years": "…"})
    sheet = checkable(read, rules)
    assert dict(sheet) == {"serious_dishonesty": False} and "gi_years" in sheet.doubts


def test_words_that_hold_a_relative_year_name_none() -> None:
    """「发明年均40件」 holds 明年, 「目前年均」 前年: no year is said there."""
    for text in ("其中发明年均40件", "目前年均转化18件", "此后年度", "过去年份"):
        assert calendar_years(text, NOW) == text
