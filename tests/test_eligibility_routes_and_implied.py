"""Questions of applying in forms that had not reached the checker (session 59): a screening
asked after facts, on the real index, and apply verbs that cannot be done, asked yes or no.
(The conversations of this session that end in one decision are rows of
tests/test_eligibility_turns.py.)"""

from __future__ import annotations

import pytest

from assistant.pipeline import Assistant, Conversation
from assistant.question.asking import asks_to_apply


def test_which_programs_asked_after_facts_is_a_screening(assistant: Assistant) -> None:
    """「我们是设区市…。」 then 「市政府能报哪些项目？…先看主体能不能报」: no program named, the
    one asked which: every program open to a 设区市 is checked."""
    conversation = Conversation()
    assistant.ask("我们是设区市，国家知识产权强市建设试点城市。", conversation)
    reply = assistant.ask("市政府能报哪些项目？先不看条件，看看主体能不能报。", conversation)
    programs = {d["program"] for d in reply.decisions}
    assert {"2024-protection-zone", "2022-protection-zone", "2022-gi-brand"} <= programs, reply.answer


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("保护中心还没建，22年保护示范区是不是报不了？", True),
        ("国家级快速维权中心没有，申报不了吧？", True),
        ("地标产品几年内不能出重大质量安全事故？出过的是不是就报不了了", False),  # of a class: a rule
        ("我们今年报不了了，明年再说。", False),  # told, not asked
    ],
)
def test_an_apply_verb_that_cannot_be_done_asked_yes_or_no(question: str, asks: bool) -> None:
    assert asks_to_apply(question) is asks
