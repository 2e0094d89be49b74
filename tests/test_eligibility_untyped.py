"""The applicant's type not said, for a program that admits several: a 待补充 decision whose
first missing fact is the type (`applicant_type` null in the contract), the conditions every
type shares, and the check going on once the type is said. When the facts decide none of the
shared conditions, the type is asked with the guide's conditions quoted, and no decision."""

from __future__ import annotations

import pytest
from conftest import asked_in_turns

from assistant.config import DEFAULT_KNOWLEDGE_DIR
from assistant.eligibility import Rules, load_rules
from assistant.eligibility.engine import TYPE_KEY, check_untyped
from assistant.ingest.knowledge_base import KnowledgeBase
from assistant.pipeline import Assistant


@pytest.fixture(scope="module")
def rules(kb: KnowledgeBase) -> Rules:
    return load_rules(DEFAULT_KNOWLEDGE_DIR / "rules", kb)


def ask(assistant: Assistant, *turns: str):
    return asked_in_turns(assistant, list(turns))


def test_untyped_check_asks_the_type_first_and_shows_what_every_type_shares(rules: Rules) -> None:
    facts = {"hvp_accepted_by_2021": True}
    decision = check_untyped(
        rules, "2022-high-value-patent-upgrade", {t: facts for t in ("enterprise", "research")}
    )
    assert decision.applicant_type is None and decision.eligible is None
    assert decision.missing_facts[0].key == TYPE_KEY
    assert decision.missing_facts[0].question == "请问申报主体属于哪一类：企业、高校、科研院所？"
    shown = {c.condition_id for c in decision.conditions}
    # the market share is an enterprise's condition only, and is said otherwise for a university
    assert {"accepted", "project", "integrity"} <= shown and "market_share" not in shown
    assert all(f.key != "market_share_top" for f in decision.missing_facts)
    assert decision.to_dict()["applicant_type"] is None


def test_met_for_every_type_is_still_no_yes(rules: Rules) -> None:
    """A yes for every type the program admits would be wrong for a body it does not admit."""
    program = rules.program("2022-gi-brand")
    met = {key: True for key in program.facts if rules.fact(key).type == "yes_no"}
    decision = check_untyped(rules, program.id, {t.id: met for t in program.types})
    assert decision.eligible is None and decision.missing_facts[0].key == TYPE_KEY


def test_a_check_with_no_type_said_is_a_decision_that_asks_it(assistant: Assistant) -> None:
    reply = ask(assistant, "我们牵头的省高价值项目19年验收通过，能报升级吗")
    decision = reply.decision
    assert decision["program"] == "2022-high-value-patent-upgrade"
    assert decision["applicant_type"] is None and decision["eligible"] is None
    assert decision["missing_facts"][0]["key"] == "applicant_type"
    assert "1. 请问申报主体属于哪一类：企业、高校、科研院所？（各类申报主体的申报条件不同）" in reply.answer
    # what is read back is what every type's reading reads alike: no 「高校或科研院所」 of a guess
    said = next(line for line in reply.answer.splitlines() if line.startswith("您提到的情况"))
    assert "验收" in said and "高校" not in said and "企业" not in said


def test_the_check_goes_on_once_the_type_is_said(assistant: Assistant) -> None:
    reply = ask(
        assistant,
        "我们牵头的省高价值项目19年验收通过，能报升级吗",
        "企业，正在承担国家重大专项，已取得成果",
        "没有失信，也没有非正常申请，市场占有率全国第二",
    )
    assert reply.decision["applicant_type"] == "enterprise" and reply.decision["eligible"] is True


def test_short_answers_after_the_type_question_go_to_their_own_questions(assistant: Assistant) -> None:
    """The type asked first: 「高校；有；没有」 says the type, then answers the second and third
    questions in their places."""
    first = ask(assistant, "我们牵头的省高价值项目19年验收通过，能报升级吗")
    asked = [f["key"] for f in first.decision["missing_facts"][:3]]
    assert asked[0] == "applicant_type" and asked[1:] == ["achieved_results", "serious_dishonesty"]
    reply = ask(assistant, "我们牵头的省高价值项目19年验收通过，能报升级吗", "高校；有；没有")
    assert reply.decision["applicant_type"] == "research"
    statuses = {c["condition_id"]: c["status"] for c in reply.decision["conditions"]}
    facts = {k: v for c in reply.decision["conditions"] for k, v in c["facts"].items()}
    assert facts.get("achieved_results") is True and facts.get("serious_dishonesty") is False
    assert "not_met" not in statuses.values()


def test_the_card_says_the_type_is_not_said_yet(assistant: Assistant, kb: KnowledgeBase) -> None:
    from assistant.web.chat import UNTYPED, ChatHandlers
    from assistant.web.text import decision_html

    decision = ask(assistant, "我们牵头的省高价值项目19年验收通过，能报升级吗").decision
    names = ChatHandlers(live=None)._names(assistant, decision)  # type: ignore[arg-type]
    card = decision_html(kb, decision, names)
    assert names[1] == UNTYPED and f"申报主体：{UNTYPED}" in card and "待补充" in card
    assert "请问申报主体属于哪一类" in card


def test_facts_of_no_shared_condition_ask_the_type_with_the_conditions_quoted(assistant: Assistant) -> None:
    """What each type needs differs (patent counts): a decision of the shared part would show
    none of it; the guide's conditions are quoted and the type asked."""
    reply = ask(assistant, "我们有效专利80件，其中发明40件，够报高价值专利新建吗？")
    assert reply.decision is None
    assert "不少于100件" in reply.answer.replace(" ", "") and "申报主体属于哪一类" in reply.answer
    who = ask(assistant, "想问下保护示范区谁能当申报主体")
    assert who.decision is None and "园区管委会" in who.answer
