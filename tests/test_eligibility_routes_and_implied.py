"""Questions of applying in forms that had not reached the checker, and facts the guides' own
sentences imply, end to end on the real index (session 59). Each row: the turns, then the
decision expected after the last one (program, applicant type, outcome: True 符合, False 不符合,
None 待补充), or None where no single program is checked (a screening)."""

from __future__ import annotations

import pytest

from assistant.pipeline import Assistant, Conversation
from assistant.question.asking import asks_to_apply

CASES = [
    # 「是不是报不了」: an apply verb that cannot be done, asked yes or no
    (
        ["我们市国家级知识产权保护中心一直没建起来，22年保护示范区创建是不是就报不了了？"],
        ("2022-protection-zone", "city", False),
    ),
    # 「能不能我们自己作为牵头单位报…」: the applicant names itself between 能不能 and its capacity
    (
        ["我们是一家商标代理公司，能不能我们自己作为牵头单位报2022年高价值专利培育升级项目？"],
        ("2022-high-value-patent-upgrade", "代理公司", False),
    ),
    # 「能不能由市政府作为申报主体报…」 after the body's own wish: whether it can apply, not who may
    (
        ["市政府打算整体推动企业品牌建设，能不能由市政府作为申报主体报22年工业品牌培育项目？"],
        ("2022-industrial-brand", "city", False),
    ),
    # 「想报…，还差什么」: a program named, the check asked; no screening of every program
    (
        ["我们是南通的船舶配件制造企业，利税三千万，主商标用了八年，想报22年工业品牌项目，还差什么？"],
        ("2022-industrial-brand", "enterprise", None),
    ),
    # after a question of the conditions, 「那我们下面的XX区呢？它是…」 with that body's facts
    (
        [
            "设区市申报2024年保护示范区要满足哪些条件？",
            "那我们下面的某某区呢？它是国家知识产权强县建设试点县，2023年度非正常专利申请撤回率也比全省平均高。",
        ],
        ("2024-protection-zone", "county", True),
    ),
    # profits at the guide's bar show good operation; a 驰名商标 its reputation; a subsidiary left
    # out of a figure is not whose it is
    (
        [
            "想报2022年工业品牌。我们是常州注册的独立法人，做电机的工业企业，行业龙头，21年利税五千万。"
            "贯标通过了，有独立的知识产权部，专兼职4人，21年知识产权费用占研发费用6%。主商标持续使用十五年，"
            "是驰名商标，国内市场占有率全国前三。21年研发占销售收入4%，有效发明专利六十件（不含子公司）。"
            "无严重失信，无非正常专利申请，没有在承担省知识产权战略推进计划项目。"
        ],
        ("2022-industrial-brand", "enterprise", True),
    ),
    # a count said to two digits (「一百六十件左右」) clears a bar of 150
    (
        [
            "我们是南京的科研院所，江苏注册的独立法人，想报22年专利转化专项。所里很重视，制度相对完善，"
            "知识产权管理人员6人，专职做转化的3人。近3年年均专利授权一百六十件左右，年均转让许可专利20件。"
        ],
        ("2022-patent-transfer", "research", True),
    ),
    # a denied bound (「不是不到三年」) and a title listed after 或 denied with the one before it
    (
        [
            "县里想拿竹编地标报2022年地理标志项目，手工艺品类。证明商标注册不是不到三年，是2016年注册的。"
            "21年销售额九百万，也没被列为国家地理标志运用促进重点联系指导项目或者保护示范区。能报吗？"
        ],
        ("2022-gi-brand", "county", False),
    ),
]


@pytest.mark.parametrize(("turns", "expected"), CASES)
def test_the_decision_after_the_last_turn(assistant: Assistant, turns: list[str], expected: tuple) -> None:
    conversation = Conversation()
    replies = [assistant.ask(turn, conversation) for turn in turns]
    decision = replies[-1].decision
    assert decision is not None, replies[-1].answer
    assert (decision["program"], decision["applicant_type"], decision["eligible"]) == expected, replies[
        -1
    ].answer


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
