"""Questions in applicants' and staff's own words that session 56's blind sets (13az, 13ba, 13bb)
found answered wrongly, one mechanism a test, each with a counter-case: a body's part in
applying is no screening, the guide's words asked of a matter, a limit of an actual cost, a
year in brackets, sections named by quoted titles, the steps of acts no guide sets out, a case
of one's own, programs the guides only name, a notice's attachments by number and by title,
a breach named alone, a clause pointed back to, the year right before a guide's name, what a
document's end says, and the same figure asked of another applicant."""

from __future__ import annotations

from conftest import asked_in_turns, cited, plain

from assistant.ingest.knowledge_base import KnowledgeBase
from assistant.pipeline import Assistant
from assistant.question.asking import asks_outcome, asks_which_programs
from assistant.question.intent import detect_intent, matter_intent, named_intent
from assistant.question.scope import unknown_program


def test_a_bodys_part_in_applying_asks_no_program(assistant: Assistant) -> None:
    assert not asks_which_programs("工业品牌项目县知识产权局在申报里负责什么？")
    assert not asks_which_programs("园区报24年保护示范区，项目任务有哪些？")
    assert asks_which_programs("我们园区能报哪些项目？")  # the screening itself
    reply = assistant.ask("工业品牌项目县知识产权局在申报里负责什么？")
    assert "2022-industrial-brand:5.1" in cited(reply) and "组织受理和材料审核" in reply.answer
    reply = assistant.ask("专利转化专项两个方向的申报主体各是什么？")
    assert set(cited(reply)) == {"2022-patent-transfer:1.2", "2022-patent-transfer:2.2"}
    reply = asked_in_turns(assistant, ["地标项目每年要搞几次保护专项行动", "还要向省局报什么"])
    assert cited(reply) == ["2022-gi-brand:4.1.7"] and "监管和执法信息" in reply.answer


def test_the_guides_words_asked_of_a_matter(assistant: Assistant) -> None:
    """「…怎么写的」 with no clause named asks the matter the rest of the question names."""
    assert matter_intent("24年县区对执法案件的绩效要求是怎么写的？") == "goals"
    assert matter_intent("麻烦把那段原文发一下") == "lookup"  # nothing asked but the text
    reply = assistant.ask("24年县区对执法案件的绩效要求是怎么写的？")
    assert cited(reply) == ["2024-protection-zone:4.2.2"] and "年均增长5%以上" in reply.answer
    reply = assistant.ask("市里报24年示范区，真抓实干那条具体怎么写的？")
    assert cited(reply) == ["2024-protection-zone:3.1.1"] and "强市建设示范城市" in reply.answer


def test_a_limit_of_an_actual_cost_is_a_rule(assistant: Assistant) -> None:
    assert not asks_outcome("通州专利奖补金额最多占实际缴纳官费的比例是多少？")
    assert asks_outcome("通州区2023年实际缴纳了多少官费？")  # a place's own figure
    reply = assistant.ask("通州专利奖补金额最多占实际缴纳官费的比例是多少？")
    assert cited(reply) == ["2022-tongzhou-plan:6.4"] and "50%" in reply.answer


def test_a_year_in_brackets_names_the_round(assistant: Assistant) -> None:
    reply = assistant.ask("附件1（22年保护示范区创建）第五条组织方式全文")
    assert cited(reply)[0] == "2022-protection-zone:5"
    reply = assistant.ask("24年保护示范区第五条组织方式全文")
    assert cited(reply)[0] == "2024-protection-zone:5"


def test_the_year_right_before_a_guides_name_is_its_round(assistant: Assistant) -> None:
    """「没评上22年度真抓实干…，24年保护示范区第一条…」: the title's year is not the guide's."""
    reply = assistant.ask(
        "我们县没评上22年度真抓实干成效明显地区，24年保护示范区第一条条件还有别的途径可以满足吗？"
    )
    assert all(c.startswith("2024-protection-zone") for c in cited(reply))


def test_a_section_named_by_its_quoted_title(assistant: Assistant) -> None:
    reply = assistant.ask("强省政策“实施知识产权高效能管理”部分包括哪几条措施？")
    assert cited(reply) == ["2023-policy-measures:5"] and "深化自贸试验区知识产权管理" in reply.answer
    reply = assistant.ask("通州方案的保障措施列一下")
    assert cited(reply) == ["2022-tongzhou-plan:6"] and "营造文化氛围" in reply.answer
    reply = assistant.ask("通州方案的“时序进度”")
    assert cited(reply) == ["2022-tongzhou-plan:5"] and "总结验收阶段" in reply.answer
    reply = assistant.ask("保护示范区24年和22年在组织方式上有什么不同？")
    assert cited(reply) == ["2024-protection-zone:5", "2022-protection-zone:5"]
    reply = assistant.ask("产业知识产权运营中心的申报条件是哪三条？")
    assert cited(reply) == ["2022-patent-transfer:2.3"]


def test_the_steps_of_acts_no_guide_sets_out(assistant: Assistant) -> None:
    for question in (
        "地理标志专用标志的使用申请流程是怎样的？",
        "高价值专利培育示范中心验收的具体流程和时间节点是什么？",
        "24年保护示范区三年期满验收需要提交哪些材料？",
    ):
        reply = assistant.ask(question)
        assert not reply.answerable and not cited(reply), question
    reply = assistant.ask("企业想使用地理标志专用标志，要走什么申请程序？")  # the act said before
    assert not reply.answerable
    for question in (
        "工业品牌项目怎么个报送流程",  # applying's own
        "24年保护示范区申报需要准备哪些材料",
        "我们是注册了商标的企业，工业品牌申报需要什么材料？",  # a fact of the asker's, no act asked
    ):
        assert assistant.ask(question).answerable, question


def test_a_case_of_ones_own_is_not_checked(assistant: Assistant) -> None:
    reply = assistant.ask("我们的商标被抢注了，你帮我判断一下打官司能不能赢？")
    assert not reply.answerable and reply.decision is None and not cited(reply)
    assert "没有写您问的这件事怎么办理" in reply.answer
    checked = assistant.ask("我们是设区市，帮我判断一下能不能报24年保护示范区")
    assert checked.decision is not None  # a check asked of a program is still a check


def test_programs_the_guides_only_name(assistant: Assistant, kb: KnowledgeBase) -> None:
    """The guides name 省企业知识产权战略推进计划 (unfinished projects bar applying) and 省级版权示范
    单位 (funded), and cover neither."""
    assert unknown_program(kb, "2022年省企业知识产权战略推进计划项目的申报条件是什么？", True) == (
        "省企业知识产权战略推进计划项目"
    )
    assert unknown_program(kb, "省级版权示范单位的申报条件是什么？") == "省级版权示范单位"
    assert unknown_program(kb, "2022年省知识产权战略推进计划项目的申报条件是什么？", True) is None
    reply = assistant.ask("省级版权示范单位的申报条件是什么？")
    assert not reply.answerable and not cited(reply)


def test_a_notices_attachments_by_number_and_by_title(assistant: Assistant) -> None:
    opening = ["2022年度省知识产权战略推进计划项目通知是哪个文号", "包括哪几个附件"]
    reply = asked_in_turns(assistant, [*opening, "附件3的联系人是谁"])
    assert cited(reply) == ["2022-high-value-patent:contact"] and "安文龙" in reply.answer
    reply = asked_in_turns(assistant, [*opening, "附件4那个截止到哪天"])
    assert "2022-patent-transfer" in cited(reply)[0] and "2022年1月30日" in reply.answer
    reply = asked_in_turns(assistant, [*opening, "商标品牌那个附件又分了哪两个"])
    assert cited(reply) == ["2022-notice", "2022-gi-brand", "2022-industrial-brand"]
    reply = assistant.ask("22年商标品牌培育和保护项目分成哪几类指南？")
    assert cited(reply) == ["2022-notice", "2022-gi-brand", "2022-industrial-brand"]
    # 「分别…」 after an answer from two programs' guides asks of each
    reply = asked_in_turns(assistant, ["22年商标品牌培育和保护项目分成哪几类指南？", "分别是谁来申报？"])
    assert cited(reply) == ["2022-gi-brand:2", "2022-industrial-brand:2"] and "工业企业" in reply.answer
    reply = asked_in_turns(assistant, [*opening, "附件9的联系人是谁"])  # no such attachment
    assert "2022-high-value-patent:contact" not in cited(reply)


def test_a_breach_named_alone_asks_what_follows_it(assistant: Assistant) -> None:
    assert named_intent("材料造假呢") == "consequence"
    assert named_intent("那园区呢") == "general"
    assert detect_intent("升级项目绩效评价不合格按什么文件处理？") == "consequence"
    assert detect_intent("升级项目绩效评价看哪些指标？") == "goals"
    reply = assistant.ask("升级项目绩效评价不合格按什么文件处理？")
    assert cited(reply) == ["2022-high-value-patent:5.3"] and "建设和管理办法" in reply.answer
    turns = ["我们的地理标志正在做2021年省级地标计划项目，22年还能报吗", "市和县能报同一个吗", "材料造假呢"]
    reply = asked_in_turns(assistant, turns)
    assert cited(reply) == ["2022-gi-brand:6.2"] and "记入信用档案" in reply.answer


def test_a_clause_pointed_back_to(assistant: Assistant) -> None:
    reply = asked_in_turns(assistant, ["通州强县示范创建第一阶段什么时候？", "这个阶段主要干啥"])
    assert cited(reply) == ["2022-tongzhou-plan:5.1"] and "开展宣传" in plain(reply.answer)
    turns = ["通州强县示范创建第一阶段什么时候？", "这个阶段主要干啥", "最后一个阶段呢"]
    assert cited(asked_in_turns(assistant, turns)) == ["2022-tongzhou-plan:5.3"]  # its list's last
    turns = ["强省政策对专利侵权纠纷行政裁决有什么改革", "技术调查员呢", "这条牵头部门都有谁"]
    reply = asked_in_turns(assistant, turns)
    assert cited(reply) == ["2023-policy-measures:3.10"] and "南京海关" in reply.answer
    # 「这个项目」 is the program talked about, not the clause just quoted
    reply = asked_in_turns(assistant, ["工业品牌市里最多推几家", "这个项目一个企业能拿多少奖补资金？"])
    assert not reply.answerable


def test_what_a_documents_end_says(assistant: Assistant) -> None:
    reply = assistant.ask("通州方案文末是哪个单位印发的，印发日期？")
    assert cited(reply) == ["2022-tongzhou-plan:cc"] and "南通市通州区人民政府办公室" in reply.answer
    reply = assistant.ask("通州方案是哪个单位印发的？")  # the heading's issuer
    assert cited(reply) == ["2022-tongzhou-plan"]


def test_the_same_figure_asked_of_another_applicant(assistant: Assistant) -> None:
    turns = ["设区市创建24年保护示范区，绩效目标对民事案件有什么要求", "县里也是这个数吗"]
    reply = asked_in_turns(assistant, turns)
    assert cited(reply) == ["2024-protection-zone:4.2.2.2"] and "93%以上" in reply.answer


def test_words_of_asking_and_terms_of_the_guides(assistant: Assistant) -> None:
    """A period required of a thing the applicant has is a threshold; a document word at the head
    of a guide's term (证明商标) names no document; the addressees asked with 发给了哪些;
    continuing support is leave no guide grants."""
    assert detect_intent("工业品牌项目要求至少一件商标持续使用多久？") == "threshold"
    assert detect_intent("工业品牌项目实施期多久？") == "period"
    reply = assistant.ask("工业品牌项目要求至少一件商标持续使用多久？")
    assert cited(reply) == ["2022-industrial-brand:3.3"] and "5年以上" in reply.answer
    reply = assistant.ask("我们县的地标是证明商标，注册时间指南是怎么要求的？")
    assert cited(reply) == ["2022-gi-brand:3.1"] and "3年以上" in plain(reply.answer)
    assert detect_intent("《关于高标准推进知识产权强省建设的若干政策措施》发给了哪些单位？") == "addressees"
    turns = ["专利转化专项里高校院所那个方向谁能报？", "做几年", "两年到期以后可以申请续期再支持吗？"]
    assert not asked_in_turns(assistant, turns).answerable


def test_a_requirement_of_a_matter_no_condition_says(assistant: Assistant) -> None:
    """「对X有啥要求」 where X is in the guide's targets or tasks and in none of its conditions."""
    reply = assistant.ask("24年保护示范区对设区市的执法案卷评查有啥要求？")
    assert cited(reply) == ["2024-protection-zone:4.1.2.1"] and "优秀等次" in reply.answer
    reply = assistant.ask("工业品牌项目对申报企业的主体资格有什么要求？")
    assert cited(reply) == ["2022-industrial-brand:2"] and "独立法人资格" in reply.answer
    reply = assistant.ask("工业品牌对企业利税有什么要求")  # a condition's matter: the conditions
    assert cited(reply) == ["2022-industrial-brand:3"]
