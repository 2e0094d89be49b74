"""The conversation's state across turns, as a table: after each turn, the program, years and
applicant type the conversation holds (`Conversation.scope`, changed only by `record`).

A row is a conversation; each step is (question, programs, years, applicant type) expected
after that turn. Program, year and type carry across every kind of turn until the user names
others; a clause reference moves the conversation to its guide."""

from __future__ import annotations

import pytest

from assistant.config import Settings
from assistant.ingest.knowledge_base import KnowledgeBase
from assistant.pipeline import Assistant, Conversation

PZ, HVP, GI, POLICY, TRANSFER = "保护示范区", "高价值专利", "地理标志", "政策措施", "专利转化"
BRAND = "工业品牌"

CASES = {
    "a follow-up keeps program and year and switches the type": [
        ("2022年保护示范区县里申报有什么条件？", (PZ,), (2022,), "县（市、区）"),
        ("那园区呢？", (PZ,), (2022,), "园区"),
        ("截止到哪天？", (PZ,), (2022,), "园区"),
    ],
    "a new year switches the round, the program stays": [
        ("保护示范区什么时候截止？", (PZ,), (), None),
        ("那2022年的呢？", (PZ,), (2022,), None),
        ("今年的呢？", (PZ,), (), None),
    ],
    "naming another program starts afresh on years": [
        ("2022年保护示范区实施期多长？", (PZ,), (2022,), None),
        ("高价值专利培育项目呢？", (HVP,), (), None),
    ],
    "an eligibility turn keeps the scope for the next question": [
        ("我们县想报2024年保护示范区，能报吗？", (PZ,), (2024,), "县（市、区）"),
        ("需要准备哪些材料？", (PZ,), (2024,), "县（市、区）"),
    ],
    "naming the program talked about again keeps its year": [
        ("22年园区报保护示范区，万人发明拥有量要排多少", (PZ,), (2022,), "园区"),
        ("所在的县已经是保护示范区了，园区还能报吗", (PZ,), (2022,), "园区"),
        ("联系电话", (PZ,), (2022,), "园区"),
    ],
    "a reference moves the conversation to its guide": [
        ("2024年保护示范区什么时候截止？", (PZ,), (2024,), None),
        ("140号文附件2 地理标志 三（一）的原文", (GI,), (2022,), None),
        ("那三（二）呢", (GI,), (2022,), None),
    ],
    "an answer from one guide makes its program the conversation's": [
        ("高校要组建的转化团队由哪些人构成？", (), (), "高校院所"),
        ("一个市能推几个？", (TRANSFER,), (2022,), "高校院所"),
    ],
    "a direction of a program named by a short form of its title": [
        ("高校运营能力提升项目，对管理人员有啥要求？", (TRANSFER,), (), "高校院所"),
        ("一个市能推几个？", (TRANSFER,), (), "高校院所"),
    ],
    "a follow-up that names nothing but what it asks keeps the program": [
        ("高校院所运营能力提升项目做几年", (TRANSFER,), (), "高校院所"),
        ("主要要干哪些事", (TRANSFER,), (), "高校院所"),
        ("考核指标呢", (TRANSFER,), (), "高校院所"),
    ],
    "a follow-up that opens with a short year asks of that round": [
        ("22年保护示范区设区市条件里的检查是哪一年的？", (PZ,), (2022,), "设区市"),
        ("24年还有这一条吗？", (PZ,), (2024,), "设区市"),
    ],
    "a term of the guides that begins with a program's short alias keeps the program": [
        ("园区创建24年保护示范区，管理体系那块要做啥？", (PZ,), (2024,), "园区"),
        ("绩效里高价值发明专利有要求吗？", (PZ,), (2024,), "园区"),
    ],
    "a year of the applicant's record is no round asked about": [
        ("我们想拿本地一个地标报省里的项目，地标要注册多久？", (GI,), (), None),
        ("这个地标去年还在做省级地标计划项目，能报吗？", (GI,), (), None),
        ("钱是一次给齐吗？", (GI,), (), None),
    ],
    "bodies counted or served are not the applicant": [
        ("产业知识产权运营中心发展，申报主体是哪些园区的管委会？", (TRANSFER,), (), "园区"),
        ("产业链企业数量有要求吗？", (TRANSFER,), (), "园区"),
        ("对中小企业许可有什么要求", (TRANSFER,), (), "园区"),
    ],
    "a check names a project the applicant holds: the program checked stays": [
        ("工业品牌项目谁能报", (BRAND,), (), None),
        ("我们正在做省战略推进计划项目，尾款还没拨，能报吗", (BRAND,), (), None),
        ("做完了销售额要涨多少", (BRAND,), (), None),
    ],
    "a program named as the applicant's own project is no switch": [
        ("我们是专精特新小巨人，利税不到2000万，工业品牌能报吗", (BRAND,), (), None),
        ("商标这块有啥要求", (BRAND,), (), None),
        ("我们之前的省战略推进计划项目尾款还没拨，影响吗", (BRAND,), (), None),
    ],
    "a program named as the message's topic is the one asked (工业品牌那边，…)": [
        ("我们是专精特新小巨人，利税不到两千万，能报工业品牌吗", (BRAND,), (), None),
        ("那高价值专利呢", (HVP,), (), None),
        ("工业品牌这边，我们前年被通报过非正常专利申请，还能报吗", (BRAND,), (), None),
    ],
    "a follow-up naming another type after a list switches the type, not to a check": [
        ("高价值专利新建项目，企业申报条件有哪些", (HVP,), (), "企业"),
        ("那高校呢", (HVP,), (), "高校院所"),
        ("专利数量要多少", (HVP,), (), "高校院所"),
    ],
    "a reference by item number of the 2023 measures": [
        ("2023政策措施 第十二条", (POLICY,), (2023,), None),
        ("第十一条呢", (POLICY,), (2023,), None),
    ],
}


@pytest.fixture(scope="module")
def assistant(built_settings: Settings, kb: KnowledgeBase) -> Assistant:
    return Assistant(built_settings, kb)


def _program_names(kb: KnowledgeBase, programs: tuple[str, ...]) -> tuple[str, ...]:
    """The programs as the manifest names them (scope holds `program`), by short name."""
    by_program = {g.program: g.short_name for g in kb.guides}
    return tuple(by_program.get(p, p) for p in programs)


@pytest.mark.parametrize("name", list(CASES))
def test_the_conversation_holds(assistant: Assistant, kb: KnowledgeBase, name: str) -> None:
    conversation = Conversation()
    for question, programs, years, applicant in CASES[name]:
        assistant.ask(question, conversation)
        scope = conversation.scope
        got = (_program_names(kb, scope.programs), scope.years, scope.applicant_type)
        assert got == (programs, years, applicant), question


def test_a_long_conversation_keeps_its_last_statements_only(assistant: Assistant) -> None:
    from assistant.thresholds import STATEMENT_TURNS

    conversation = Conversation()
    assistant.ask("我们县想报2024年的保护示范区，是国家知识产权强县建设试点县。", conversation)
    for n in range(STATEMENT_TURNS + 5):
        assistant.ask(f"补充：我们县有{n + 1}家专利代理机构。", conversation)
    assert len(conversation.questions) == STATEMENT_TURNS
    assert conversation.questions[0] == "补充：我们县有6家专利代理机构。"  # the earliest went first


@pytest.mark.parametrize(
    ("follow_up", "cited"),
    [
        ("有问题找谁", "2022-patent-transfer:contact"),  # a 问题 sentence elsewhere is no contact line
        ("一个市能推几个", "2022-patent-transfer:4.3"),  # how many a city recommends: the limit
    ],
)
def test_a_bare_follow_up_is_answered_from_the_guide_talked_about(
    assistant: Assistant, follow_up: str, cited: str
) -> None:
    conversation = Conversation()
    assistant.ask("高校院所知识产权运营能力提升项目要什么条件", conversation)
    assistant.ask("做几年", conversation)
    reply = assistant.ask(follow_up, conversation).to_dict()
    assert reply["answerable"] and cited in [c["clause_id"] for c in reply["citations"]]


def test_a_follow_up_asks_the_last_topic_of_another_applicant(assistant: Assistant) -> None:
    """「县里也有这条吗？」「园区呢？」 after a question about one item of a list (“两法衔接”): the
    same item, in the other applicant type's list, cited for itself rather than the list."""
    conversation = Conversation()
    turns = [
        ("2024设区市保护示范区里“两法衔接”要做什么？", "2024-protection-zone:4.1.1.6"),
        ("县里也有这条吗？", "2024-protection-zone:4.2.1.5"),
        ("园区呢？", "2024-protection-zone:4.3.1.3"),
    ]
    for question, cited in turns:
        reply = assistant.ask(question, conversation).to_dict()
        assert [c["clause_id"] for c in reply["citations"]] == [cited], question


@pytest.mark.parametrize(
    ("before", "follow_up", "cited"),
    [
        # a new item of the same list: the last question's subject (产业) is left behind
        ("县区创建24年保护示范区，产业方面要做什么？", "服务水平呢？", "2024-protection-zone:4.2.1.7"),
        ("23年强省政策对专利转化有啥支持", "金融这块呢", "2023-policy-measures:2.6"),
        # what it asks and an applicant name no subject: the last question's topic holds
        ("高价值专利纸质材料谁汇总报省局", "截止时间呢", "2022-high-value-patent:6.5"),
        ("2024年设区市申报保护示范区要满足哪些条件？", "那园区呢？", "2024-protection-zone:3.3"),
        # 「这个人数要求」 points back: the last question's subject, of the round it names
        (
            "22年保护示范区 县区要配多少执法人员",
            "24年的指南还有这个人数要求吗",
            "2024-protection-zone:4.2.1.2",
        ),
    ],
)
def test_a_follow_up_that_names_its_own_subject_asks_of_it(
    assistant: Assistant, before: str, follow_up: str, cited: str
) -> None:
    conversation = Conversation()
    assistant.ask(before, conversation)
    reply = assistant.ask(follow_up, conversation).to_dict()
    assert cited in [c["clause_id"] for c in reply["citations"]][:1], follow_up


def test_numbering_that_fits_several_clauses_is_the_one_beside_the_last_reference(
    assistant: Assistant,
) -> None:
    """「2024保护示范区 五（一）」, then 「那（三）呢？」: （三） fits 三（三）, 四（三）, 五（三) …; the
    one beside the clause just referred to is meant. Without a reference before, it is asked."""
    conversation = Conversation()
    assistant.ask("2024保护示范区 五（一）", conversation)
    reply = assistant.ask("那（三）呢？", conversation).to_dict()
    assert [c["clause_id"] for c in reply["citations"]] == ["2024-protection-zone:5.3"]
    alone = Conversation()
    assistant.ask("2024保护示范区什么时候截止？", alone)
    assert "不唯一" in assistant.ask("那（三）呢？", alone).answer


@pytest.mark.parametrize(
    ("turns", "clause_id"),
    [
        # a year alone names the one guide of that year
        (["24版指南 三（一）"], "2024-protection-zone:3.1"),
        # an attachment number in a conversation about the notice or one of its attachments
        (["苏知发〔2021〕140号是个什么文件", "附件3 六（四）写的啥"], "2022-high-value-patent:6.4"),
        (["高价值专利的推荐名额", "附件1 五（二）"], "2022-protection-zone:5.2"),
        # numbers that fit several clauses, and a title written that one of them sits under
        (["2024指南第四部分 设区市的第（10）项任务是什么"], "2024-protection-zone:4.1.1.10"),
        # a number that fits a goal more closely, and a word naming the conditions written beside
        (["24年保护示范区园区第二项条件原文"], "2024-protection-zone:3.3.2"),
        # a place in the section just looked up whole, and an item of the part just looked up
        (["通州方案 六、保障措施", "第4条原文"], "2022-tongzhou-plan:6.4"),
        (
            ["2024年保护示范区指南 四（二）县（市、区）的绩效目标原文", "其中（4）"],
            "2024-protection-zone:4.2.2.4",
        ),
    ],
)
def test_references_in_the_words_staff_write(assistant: Assistant, turns: list[str], clause_id: str) -> None:
    conversation = Conversation()
    replies = [assistant.ask(turn, conversation) for turn in turns]
    assert replies[-1].citations_ids[:1] == (clause_id,)


def test_a_topic_asked_in_a_few_words_while_a_check_waits_is_answered(assistant: Assistant) -> None:
    """「联系电话」 after a check that asked for facts is a question of its own, answered from the
    round the check was of, not a reply from which nothing was read."""
    conversation = Conversation()
    assistant.ask("22年园区报保护示范区，万人发明拥有量要排多少", conversation)
    assistant.ask("所在的县已经是保护示范区了，园区还能报吗", conversation)
    reply = assistant.ask("联系电话", conversation).to_dict()
    assert [c["clause_id"] for c in reply["citations"]] == ["2022-protection-zone:contact"]
    assert "没能从" not in reply["answer"]


def test_a_question_that_asks_two_things_answers_both(assistant: Assistant) -> None:
    reply = assistant.ask("2024设区市的执法案件每年要增长多少，一审服判息诉率呢").to_dict()
    cited = [c["clause_id"] for c in reply["citations"]]
    assert {"2024-protection-zone:4.1.2.1", "2024-protection-zone:4.1.2.2"} <= set(cited)
    assert "年均增长5%以上" in reply["answer"] and "93%以上" in reply["answer"]
