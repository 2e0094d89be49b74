"""Questions of applying in forms that had not reached the checker (session 59): a screening
asked after facts, on the real index, and apply verbs that cannot be done, asked yes or no.
(The conversations of this session that end in one decision are rows of
tests/test_eligibility_turns.py.)"""

from __future__ import annotations

import pytest
from conftest import printed_in_processes

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


def test_the_facts_two_readings_differ_on_are_listed_alike_in_every_process(built_settings) -> None:
    """「去年」 read as today's last year and as the round's: the facts the two readings differ on
    were listed in a set's order (the process's string hashes), so 「以下说法未能确定」 named its
    clauses in another order from process to process."""
    script = (
        "from assistant.config import Settings\n"
        "from assistant.pipeline import Assistant, Conversation\n"
        "a = Assistant(Settings.from_env())\n"
        "q = '我们县是国家强县工程示范县，2020年度真抓实干没评上，万人发明专利拥有量也没进全省前十，"
        "国家级快速维权中心去年向国家局递交了建设申请，还没批下来。市里没承担过保护示范区创建。能报22年的吗？'\n"
        "print([l for l in a.ask(q, Conversation()).answer.splitlines() if '未能确定' in l])\n"
    )
    printed = {p.strip() for p in printed_in_processes(script, (0, 1, 2, 3), built_settings.data_dir)}
    assert len(printed) == 1, printed
    assert "万人发明专利" in next(iter(printed)) and "快速维权中心" in next(iter(printed))


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        # (session 69) a program's short name, then a tag (「…创建行不行」); 冲一下 as applying
        ("园区是国家级经开区。22年保护示范区创建行不行？", True),
        ("24年保护示范区能不能冲一下？", True),
        ("这两个项目时间冲突吗？", False),
        ("保护示范区创建的材料怎么写，这样行不行？", False),
    ],
)
def test_a_program_named_then_a_tag_or_a_try_asks_to_apply(question: str, asks: bool) -> None:
    assert asks_to_apply(question) is asks
