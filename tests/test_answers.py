"""Short answers to the checker's questions (question/answers.py), alone and in the chat."""

from __future__ import annotations

import pytest

from assistant.config import DEFAULT_KNOWLEDGE_DIR, Settings
from assistant.eligibility import Rules, load_rules
from assistant.ingest.knowledge_base import KnowledgeBase
from assistant.pipeline import Assistant, Conversation
from assistant.question.answers import read_answers

ASKED = ("withdrawal_above_avg_2023", "zhenzhua_2022", "national_strong_county")


@pytest.fixture(scope="module")
def rules() -> Rules:
    return load_rules(DEFAULT_KNOWLEDGE_DIR / "rules", KnowledgeBase.load(DEFAULT_KNOWLEDGE_DIR))


@pytest.mark.parametrize(
    ("text", "asked", "expected"),
    [
        ("没评上", ("zhenzhua_2022",), {"zhenzhua_2022": False}),
        ("是的", ("zhenzhua_2022",), {"zhenzhua_2022": True}),
        ("低于", ("withdrawal_above_avg_2023",), {"withdrawal_above_avg_2023": False}),
        ("高于", ASKED, {"withdrawal_above_avg_2023": True}),  # the one question it repeats
        (
            "是，没有，不是",
            ASKED,
            {"withdrawal_above_avg_2023": True, "zhenzhua_2022": False, "national_strong_county": False},
        ),
        ("有，5个人", ("independent_ip_dept", "ip_staff"), {"independent_ip_dept": True, "ip_staff": 5.0}),
        ("没评上", ASKED, {}),  # 评 is in two of the questions: which one is not certain
        ("是，没有", ASKED, {}),  # two answers to three questions
        ("不高于，比全省平均低", ASKED, {"withdrawal_above_avg_2023": False}),  # one answer, restated
        ("高于，比全省平均低", ASKED, {}),  # restated, but the parts disagree
        ("不清楚", ("zhenzhua_2022",), {}),
        ("好像是吧", ("zhenzhua_2022",), {}),
        ("没评上", (), {}),  # nothing was asked
        # a correction of a figure told before is no answer: 「刚才说的…」「2021年是1260万」 say no yes
        ("不好意思，刚才说的800万是2020年的数，2021年是1260万。", ASKED, {}),
        (
            "没有，刚才说的是2021年，是",
            ASKED,
            {"withdrawal_above_avg_2023": False, "national_strong_county": True},
        ),
        (
            "5个人，有",
            ("independent_ip_dept", "ip_staff"),
            {},
        ),  # in the wrong order: no yes read from 「5个人」
    ],
)
def test_short_answers(rules: Rules, text: str, asked: tuple[str, ...], expected: dict) -> None:
    assert dict(read_answers(text, asked, rules)) == expected


def test_a_short_answer_continues_the_check(built_settings: Settings, kb: KnowledgeBase) -> None:
    assistant, conversation = Assistant(built_settings, kb), Conversation()
    first = assistant.ask("我们县能报2024年保护示范区吗？", conversation)
    assert first.decision["missing_facts"][0]["key"] == "withdrawal_above_avg_2023"
    reply = assistant.ask("高于", conversation)
    statuses = {c["condition_id"]: c["status"] for c in reply.decision["conditions"]}
    assert statuses["withdrawal_rate"] == "met"
    assert "withdrawal_above_avg_2023" not in [f["key"] for f in reply.decision["missing_facts"]]
