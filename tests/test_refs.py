"""Clause references as staff write them, in a lookup or inside a sentence."""

from __future__ import annotations

import pytest

from assistant.errors import UnknownReferenceError
from assistant.ingest.knowledge_base import KnowledgeBase
from assistant.question.references import find_in_guides, find_reference, resolve


@pytest.mark.parametrize(
    ("reference", "clause_id"),
    [
        ("2024 保护示范区 三（二）1", "2024-protection-zone:3.2.1"),
        ("2024保护示范区三(二)1", "2024-protection-zone:3.2.1"),
        ("2022 保护示范区 三、申报条件（二）第1项", "2022-protection-zone:3.2.1"),
        ("保护示范区 三（二）", "2024-protection-zone:3.2"),  # no year: the current guide
        ("2024 保护示范区 四（一）1（3）", "2024-protection-zone:4.1.1.3"),  # 「1. 设区市」 read as （一）
        # every level in the guide's own style, and a title written after a number that is the
        # level below it
        ("2024 保护示范区 四、1. 设区市 2.绩效目标（2）", "2024-protection-zone:4.1.2.2"),
        ("2024 保护示范区 四（二）绩效目标（7）", "2024-protection-zone:4.2.2.7"),
        ("2023 政策措施 （四）", "2023-policy-measures:2.4"),  # numbering that runs across sections
        ("高价值专利 三（一）1（3）", "2022-high-value-patent:3.1.1.3"),
        ("2022 地理标志 联系方式", "2022-gi-brand:contact"),
        ("2024-protection-zone:6.3", "2024-protection-zone:6.3"),
        ("2024 保护示范区", "2024-protection-zone"),
        (
            "2022转化专项 二、产业知识产权运营中心发展（三）",
            "2022-patent-transfer:2.3",
        ),  # staff's short names
        ("强省政策 （十一）", "2023-policy-measures:3.11"),
    ],
)
def test_references_resolve(kb: KnowledgeBase, reference: str, clause_id: str) -> None:
    assert resolve(kb, reference).id == clause_id


def test_a_label_and_the_short_reference_of_every_clause_resolve_back(kb: KnowledgeBase) -> None:
    for clause in kb.clauses:
        if clause.kind not in ("root",) and clause.guide_id != "2022-notice":
            assert resolve(kb, clause.ref).id == clause.id, clause.ref


def test_free_text_is_not_a_reference(kb: KnowledgeBase) -> None:
    assert resolve(kb, "申报截止日期") is None


def test_a_reference_to_nothing_fails_clearly(kb: KnowledgeBase) -> None:
    with pytest.raises(UnknownReferenceError, match="找不到"):
        resolve(kb, "2024 保护示范区 九（二）")


@pytest.mark.parametrize(
    ("sentence", "clause_id"),
    [
        ("调一下2024年保护示范区五（三）的原文，我要贴到材料里", "2024-protection-zone:5.3"),
        ("地理标志指南 三（三）原文是怎么写的？", "2022-gi-brand:3.3"),
        ("政策措施第（十七）条原文是什么", "2023-policy-measures:5.17"),
        ("高价值专利 六（四） 推荐名额那条原文", "2022-high-value-patent:6.4"),
    ],
)
def test_references_inside_sentences(kb: KnowledgeBase, sentence: str, clause_id: str) -> None:
    assert find_reference(kb, sentence).id == clause_id


@pytest.mark.parametrize(
    ("text", "clause_id"),
    [
        ("苏知发〔2021〕140号", "2022-notice"),
        ("140号文", "2022-notice"),
        ("苏知发〔2021〕140号附件3", "2022-high-value-patent"),
    ],
)
def test_a_document_number_alone_opens_the_document(kb: KnowledgeBase, text: str, clause_id: str) -> None:
    assert find_reference(kb, text).id == clause_id
    assert find_reference(kb, f"{text}是什么时候发的") is None  # asked in words: answered


def test_an_applicants_own_numbered_list_is_no_reference(kb: KnowledgeBase) -> None:
    """Markers of one kind one after another are the items of a list the applicant wrote."""
    statement = (
        "我们是设区市，想问下24年的保护示范区能不能报。情况是这样：1. 真抓实干评上了；"
        "2. 国家级知识产权保护中心建成运行了；3. 撤回率比全省平均要高。"
    )
    assert find_reference(kb, statement) is None


def test_a_question_without_numbering_has_no_reference(kb: KnowledgeBase) -> None:
    assert find_reference(kb, "2024年保护示范区什么时候截止") is None


# --- the forms staff write (issue #13), for the guides where each form applies ------------------


@pytest.mark.parametrize(
    ("reference", "clause_id"),
    [
        ("请给出2024年保护示范区申报指南里“三、申报条件（三）”的原文", "2024-protection-zone:3.3"),
        ("2024 保护示范区 三、申报条件（三）", "2024-protection-zone:3.3"),
        ("保护示范区指南第三条第三款", "2024-protection-zone:3.3"),
        ("2022 保护示范区 第三条第（二）款", "2022-protection-zone:3.2"),
        (
            "2022年高价值专利培育计划项目申报指南 六、申报要求 第（一）条是怎么写的？",
            "2022-high-value-patent:6.1",
        ),
        ("工业品牌 申报要求第（三）条", "2022-industrial-brand:6.3"),
        ("2023政策措施 第五条", "2023-policy-measures:2.5"),  # the measures' items run straight through
        ("2023 政策措施 第十二条", "2023-policy-measures:3.12"),
        ("政策措施 第二十一条", "2023-policy-measures:6.21"),
        ("苏知发〔2021〕140号附件3 三（一）", "2022-high-value-patent:3.1"),
        ("140号文附件4 四、申报要求（二）", "2022-patent-transfer:4.2"),
        ("140号文附件2 地理标志 联系方式的原文", "2022-gi-brand:contact"),
        ("2024保护示范区 绩效目标 设区市 第（2）项", "2024-protection-zone:4.1.2.2"),  # titles in any order
        ("政策措施第一部分标题“鼓励知识产权高质量创速”", "2023-policy-measures:1"),
        (
            "22年保护示范区 三（三）园区那条怎么写的",
            "2022-protection-zone:3.3",
        ),  # a title in part, a short year
        (
            "2024保护示范区 四、项目任务和绩效目标 县（市、区）部分 项目任务（3）",
            "2024-protection-zone:4.2.1.3",
        ),
        ("140号文附件4 申报要求第三条是什么", "2022-patent-transfer:4.3"),  # 第三条 of 申报要求
        (
            "24保护示范区 四（三）第2项 绩效目标都有啥",
            "2024-protection-zone:4.3.2",
        ),  # 24 before a name is a year
        (
            "专利转化专项计划 高校院所方向 (三)申报条件 帮我调出来",
            "2022-patent-transfer:1.3",
        ),  # words break the tie
        ("2024保护示范区 设区市 项目任务（4）", "2024-protection-zone:4.1.1.4"),
        ("2024 保护示范区 四（二）2（3）", "2024-protection-zone:4.2.2.3"),
        ("通州方案 重点任务的原文", "2022-tongzhou-plan:4"),
        ("通州 工作方案 四、重点任务（二）", "2022-tongzhou-plan:4.2"),
        ("2022 地理标志 二、申报主体", "2022-gi-brand:2"),
        ("2024 保护示范区 五", "2024-protection-zone:5"),
        # a guide's name cut short (assistant/text/abbreviation.py)
        ("2024保护区指南第六条第（二）款", "2024-protection-zone:6.2"),
        ("强省措施第十三条", "2023-policy-measures:4.13"),
        ("通州强县工作方案 六、保障措施 第4条 原文", "2022-tongzhou-plan:6.4"),  # 第N条 under 六、 is 1. 2.
        ("通州方案 保障措施第4条", "2022-tongzhou-plan:6.4"),  # under the title written before it
        # a year of one guide only and a title of that guide name it
        ("2024 支持重点 原文发我", "2024-protection-zone:1"),
        # titles after the last number name levels below it
        ("2024年保护示范区指南 四（二）县（市、区）的绩效目标原文", "2024-protection-zone:4.2.2"),
        ("2024保护示范区 四、项目任务和绩效目标 里设区市的项目任务，原文给我", "2024-protection-zone:4.1.1"),
        # a word besides the numbers that only one candidate's own levels say (1. 项目任务)
        ("22年保护示范区 县（市、区）任务（2）原文", "2022-protection-zone:4.2.1.2"),
        ("高价值 四、项目任务和绩效目标（二）升级项目 的绩效目标", "2022-high-value-patent:4.2.2"),
    ],
)
def test_the_forms_staff_write(kb: KnowledgeBase, reference: str, clause_id: str) -> None:
    assert find_reference(kb, reference).id == clause_id


@pytest.mark.parametrize(
    ("reference", "problem", "candidates"),
    [
        ("2024保护示范区 （4）", "不唯一", ["四（一）1（4）", "四（二）1（4）"]),
        ("通州 工作方案 三、主要任务", "编号与标题不一致", ["三（三、主要目标）", "四（四、重点任务）"]),
        ("2024保护示范区 九、", "找不到", ["一（一、支持重点）", "六（六、申报要求）"]),
        ("政策措施 第二十二条", "找不到", []),
    ],
)
def test_a_reference_that_names_several_clauses_or_none_shows_candidates(
    kb: KnowledgeBase, reference: str, problem: str, candidates: list[str]
) -> None:
    with pytest.raises(UnknownReferenceError, match=problem) as raised:
        resolve(kb, reference)
    assert all(c in str(raised.value) for c in candidates)


def test_a_title_alone_is_a_lookup(kb: KnowledgeBase) -> None:
    assert resolve(kb, "通州方案 重点任务").id == "2022-tongzhou-plan:4"
    assert resolve(kb, "2022 高价值专利 申报要求").id == "2022-high-value-patent:6"


def test_a_lookup_with_other_words_is_a_search(kb: KnowledgeBase) -> None:
    assert resolve(kb, "2024 保护示范区 截止日期") is None
    assert resolve(kb, "2024年保护示范区的申报条件有哪些") is None


def test_a_title_alone_is_a_reference_in_a_question_only_when_the_text_is_asked_for(
    kb: KnowledgeBase,
) -> None:
    assert find_reference(kb, "2024年保护示范区的申报条件有哪些？") is None
    assert find_reference(kb, "2024年保护示范区申报条件的原文").id == "2024-protection-zone:3"
    # a guide's name and a title and nothing else: the way staff write a lookup
    assert find_reference(kb, "通州方案 主要目标").id == "2022-tongzhou-plan:3"
    assert find_reference(kb, "2024保护示范区 组织方式").id == "2024-protection-zone:5"
    assert find_reference(kb, "通州方案的主要目标是什么") is None


def test_a_reference_without_a_guide_is_to_the_conversations_guide(kb: KnowledgeBase) -> None:
    guide = kb.guide("2022-protection-zone")
    assert find_reference(kb, "三（三）呢", guide).id == "2022-protection-zone:3.3"
    assert (
        find_reference(kb, "第十一条呢", kb.guide("2023-policy-measures")).id == "2023-policy-measures:3.11"
    )
    assert find_reference(kb, "三（三）呢") is None  # no guide named, none discussed
    assert find_reference(kb, "申报条件的原文", guide) is None  # a title alone needs its guide named


def test_every_clause_resolves_from_its_label_after_the_guide_name(kb: KnowledgeBase) -> None:
    for clause in kb.clauses:
        if clause.kind != "root" and clause.guide_id != "2022-notice":
            guide = kb.guide(clause.guide_id)
            assert resolve(kb, f"{guide.year} {guide.short_name} {clause.label}").id == clause.id, (
                clause.label
            )


def test_numbering_that_is_not_a_clause_reference_does_not_replace_the_question(kb: KnowledgeBase) -> None:
    assert find_reference(kb, "<script>alert(1)</script>2024年保护示范区什么时候截止？") is None
    assert (
        find_reference(kb, "2024年保护示范区项目（1）期限多长") is None
    )  # a lone （1）: answered, not an error


@pytest.mark.parametrize(
    "question", ["2024保护示范区 九、是什么内容", "政策措施第三十条", "通州方案 第八部分 原文"]
)
def test_a_clear_reference_to_nothing_is_said_to_be_one(kb: KnowledgeBase, question: str) -> None:
    with pytest.raises(UnknownReferenceError, match="找不到"):
        find_reference(kb, question)


def test_a_rank_in_a_statement_is_no_section_number(kb: KnowledgeBase) -> None:
    guide = kb.guide("2022-patent-transfer")
    statement = "园区有知识产权管理机构，专利产出高，知识产权综合实力全省前十"
    assert find_reference(kb, statement, guide) is None  # 「前十」 ranks; 「十」 is no 十、
    assert find_reference(kb, "那二（二）呢", guide) == kb.clause("2022-patent-transfer:2.2")


def test_a_reference_that_names_no_guide_is_found_in_the_guides_of_its_words(kb: KnowledgeBase) -> None:
    """「2022年三（三）原文」: a reference a person clearly meant, in no guide named, shows each
    guide of the year that has it; the guide whose names and headings the other words say
    (「强县方案（三）强化知识产权运用 第2条」) is the one; words in no reference give None."""
    of_2022 = tuple(g for g in kb.guides if g.year == 2022)
    with pytest.raises(UnknownReferenceError, match="多份指南") as raised:
        find_in_guides(kb, "2022年三（三）原文", of_2022)
    candidates = str(raised.value).split("候选：")[1].split("请写明")[0]
    assert "2022 保护示范区 三（三）" in candidates and "2024" not in candidates
    found = find_in_guides(kb, "强县方案（三）强化知识产权运用 第2条", kb.guides)
    assert found is not None and found.id == "2022-tongzhou-plan:4.3.2"
    assert find_in_guides(kb, "高价值专利培育有什么要求", kb.guides) is None


def test_a_fraction_in_a_statement_is_no_section_number(kb: KnowledgeBase) -> None:
    guide = kb.guide("2022-industrial-brand")
    statement = "研发投入占销售收入百分之七（2021年），想报2022年工业品牌"
    assert find_reference(kb, statement, guide) is None  # 「之七（」 is a share; 「七（」 alone is no 七、
    found = find_reference(kb, "五（三）原文", kb.guide("2024-protection-zone"))  # a section is one
    assert found == kb.clause("2024-protection-zone:5.3")


def test_the_year_of_a_reference_is_the_one_before_its_guides_name(kb: KnowledgeBase) -> None:
    """A year in brackets after 附件1 names the round; a year before a title the applicant
    holds (「没评上2022年度真抓实干…」) does not, the one before the guide's name does."""
    assert resolve(kb, "附件1（2022年保护示范区创建）第五条") == kb.clause("2022-protection-zone:5")
    found = find_reference(kb, "没评上2022年度真抓实干，2024年保护示范区三（二）原文")
    assert found == kb.clause("2024-protection-zone:3.2")
    found = find_reference(kb, "2022年和2024年保护示范区三（一）有啥不一样")  # two rounds: the first
    assert found == kb.clause("2022-protection-zone:3.1")
    # a document number's year in the brackets people type is the number's, not a round
    for number in ("苏知发（2021）140号附件3 六（五）", "苏知发[2021]140号附件3 六（五）"):
        assert resolve(kb, number) == kb.clause("2022-high-value-patent:6.5")
