"""Questions in applicants' and staff's own words that session 64's opened blind set (13bo)
and its own probes found answered wrongly, one mechanism a test, each with a counter-case: a
follow-up asks the topic it names or inherits, not a check; a sum asked of what the clause just
quoted names; a program named as the message's topic; a relative reference within the part just
looked up; a section's title with a qualifier left out; another district's or county's local
plan; a seal asked of the materials; a word of the channel only one clause says; a
qualification wished for; a document by its issuer's code and year; a request no guide answers
(refused, not greeted); a program of another level; acts done at other authorities; a program
named after the asker's verb of applying; a place's own policy; a fact of both directions; a
threshold asked again of another applicant type."""

from __future__ import annotations

from conftest import asked_in_turns, cited

from assistant.pipeline import Assistant


def test_a_follow_up_after_a_list_asks_that_list_of_the_type_it_names(assistant: Assistant) -> None:
    other = asked_in_turns(assistant, ["高价值专利新建项目，企业申报条件有哪些", "那高校呢"])
    assert other.decision is None and cited(other) == ["2022-high-value-patent:3.1.2"]
    # after a check, the same follow-up checks the type it names
    checked = asked_in_turns(
        assistant, ["我们县想报2024年保护示范区，我们是国家知识产权强县建设示范县", "那园区呢"]
    )
    assert checked.decision is not None and "园区" in checked.answer.split("\n")[0]


def test_a_follow_up_naming_its_own_topic_after_a_check_asks_that_topic(assistant: Assistant) -> None:
    reply = asked_in_turns(
        assistant, ["我们学校想报高价值专利新建项目，能报吗", "那专利转化专项高校方向的绩效目标呢"]
    )
    assert reply.decision is None and cited(reply) == ["2022-patent-transfer:1.5"]


def test_a_sum_asked_of_a_subject_the_clause_just_quoted_names(assistant: Assistant) -> None:
    turns = ["我们县被认定为国家知识产权强县示范，强省政策里省里有支持吗", "具体给多少钱"]
    reply = asked_in_turns(assistant, [*turns, "那真抓实干激励呢"])
    assert reply.decision is None and cited(reply) == ["2023-policy-measures:5.15"]
    assert "真抓实干成效明显地区激励" in reply.answer
    # a subject the clause does not name is looked for elsewhere
    prize = asked_in_turns(assistant, [*turns, "那江苏专利奖呢"])
    assert cited(prize) == ["2023-policy-measures:1.1"]


def test_a_program_named_as_the_messages_topic_is_the_one_asked(assistant: Assistant) -> None:
    turns = ["我们是专精特新小巨人，利税不到两千万，能报工业品牌吗", "那高价值专利呢"]
    reply = asked_in_turns(assistant, [*turns, "工业品牌这边，我们前年被通报过非正常专利申请，还能报吗"])
    assert reply.decision["round"]["guide_id"] == "2022-industrial-brand"
    # a program named in passing switches nothing
    passing = asked_in_turns(assistant, [*turns, "我们工业品牌也培育了好几年，还能报吗"])
    assert passing.decision["round"]["guide_id"] == "2022-high-value-patent"


def test_a_relative_reference_is_read_within_the_part_just_looked_up(assistant: Assistant) -> None:
    reply = asked_in_turns(assistant, ["高价值指南 三（一）2（3）", "1（3）呢"])
    assert cited(reply) == ["2022-high-value-patent:3.1.1.3"]
    alone = assistant.ask("高价值指南 1（3）")  # nothing looked up before: which one is asked
    assert not alone.answerable and "不唯一" in alone.answer


def test_a_sections_title_with_a_qualifier_left_out(assistant: Assistant) -> None:
    reply = assistant.ask("强省政策中实施知识产权保护这部分有哪些措施")  # 实施知识产权高标准保护
    assert cited(reply) == ["2023-policy-measures:3"]
    too_short = assistant.ask("强省政策中知识产权这部分有哪些措施")  # every title's word
    assert "2023-policy-measures:3" not in cited(too_short)


def test_another_districts_local_plan_is_not_held(assistant: Assistant) -> None:
    refused = asked_in_turns(assistant, ["通州方案的主要目标有哪些", "海门区有类似的目标吗"])
    assert not refused.answerable and "海门区" in refused.answer
    by_kind = assistant.ask("崇川区的知识产权强县工作方案有哪些目标")
    assert not by_kind.answerable and "崇川区" in by_kind.answer
    # an applicant of that district asking a provincial program is answered
    answered = assistant.ask("我们是海门区的企业，高价值专利要什么条件")
    assert answered.answerable and cited(answered) == ["2022-high-value-patent:3"]


def test_a_seal_asked_of_the_materials_just_quoted(assistant: Assistant) -> None:
    reply = asked_in_turns(assistant, ["2022年地理标志项目申报材料交几份", "需要盖章吗"])
    assert reply.answerable and "2022-gi-brand:6.3" in cited(reply)


def test_a_channel_word_only_one_clause_says(assistant: Assistant) -> None:
    reply = assistant.ask("24年保护示范区是谁汇总上报到省里的")
    assert cited(reply) == ["2024-protection-zone:6.3"]
    route = assistant.ask("24年保护示范区县里怎么报到省里")  # the route: 组织方式
    assert cited(route) == ["2024-protection-zone:5.1"]


def test_a_qualification_wished_for_then_asked_what_it_takes(assistant: Assistant) -> None:
    refused = assistant.ask("我想拿知识产权管理体系认证，需要哪些材料")
    assert not refused.answerable and "知识产权管理体系认证" in refused.answer
    answered = assistant.ask("我们想申请高价值专利培育项目，需要什么条件")
    assert answered.answerable and "2022-high-value-patent:3" in cited(answered)


def test_a_document_by_its_issuers_code_and_year(assistant: Assistant) -> None:
    refused = assistant.ask("苏政发2017年的那个文件里有哪些条")
    assert not refused.answerable and "苏政发2017" in refused.answer
    held = assistant.ask("苏知发2021年的通知里高价值专利什么时候截止")
    assert held.answerable and "2022-high-value-patent:6.5" in cited(held)


def test_a_request_no_guide_answers_is_refused_not_greeted(assistant: Assistant) -> None:
    refused = assistant.ask("通州区知识产权局局长是谁")
    assert not refused.answerable and "不在已收录指南的范围内" in refused.answer
    greeted = assistant.ask("你好")
    assert not greeted.answerable and greeted.answer.startswith("您好")


def test_a_program_of_another_level_named_after_or_before_its_name(assistant: Assistant) -> None:
    after = assistant.ask("地理标志产品保护示范区国家级的怎么申报")
    assert not after.answerable and "国家级地理标志产品保护示范区" in after.answer
    city = assistant.ask("我们区想报市级知识产权示范园区，需要什么条件")
    assert not city.answerable and "市级知识产权示范园区" in city.answer
    # the province's program, and a city-level title the applicant holds, are answered
    assert assistant.ask("地理标志产品保护示范区怎么申报").answerable
    held = assistant.ask("我们园区是市级知识产权示范园区，想报保护示范区，需要什么条件")
    assert held.answerable and "2024-protection-zone:3.1" in cited(held)


def test_a_fact_asked_of_both_directions_is_each_directions_own(assistant: Assistant) -> None:
    reply = assistant.ask("转化专项两个方向的实施期分别是多久")
    assert cited(reply) == ["2022-patent-transfer:1.4", "2022-patent-transfer:2.4"]
    assert reply.answer.count("实施期 2 年") == 2
    one = assistant.ask("转化专项高校方向实施期多久")  # one direction named: its own
    assert cited(one) == ["2022-patent-transfer:1.4"]


def test_acts_done_at_other_authorities_asked_how(assistant: Assistant) -> None:
    refused = assistant.ask("专利申请被驳回了怎么复审")
    assert not refused.answerable and not cited(refused)
    answered = assistant.ask("高价值专利怎么申报")  # applying: the guides' own procedure
    assert answered.answerable


def test_a_program_named_after_the_askers_verb_of_applying(assistant: Assistant) -> None:
    refused = assistant.ask("我们企业想申请高新技术企业认定，需要什么条件")
    assert not refused.answerable and "高新技术企业" in refused.answer
    answered = assistant.ask("我们企业想申报高价值专利培育项目，条件是什么")
    assert answered.answerable and cited(answered) == ["2022-high-value-patent:3"]


def test_a_places_own_policy_asked_whether_it_was_issued(assistant: Assistant) -> None:
    refused = assistant.ask("苏州有没有出台高价值专利培育的配套政策")
    assert not refused.answerable and "苏州" in refused.answer
    level = assistant.ask("苏州市对省保护示范区有没有市级配套奖励")  # money of the city's own level
    assert not level.answerable and "苏州市市级配套奖励" in level.answer
    held = assistant.ask("通州区有没有出台知识产权的政策")  # the place whose plan is held
    assert held.answerable and all(c.startswith("2022-tongzhou-plan") for c in cited(held))


def test_a_threshold_asked_again_of_another_type_by_naming_it(assistant: Assistant) -> None:
    reply = asked_in_turns(assistant, ["高价值专利企业申报，研发投入比例要多少", "那高校呢"])
    assert reply.decision is None and cited(reply)[0] == "2022-high-value-patent:3.1.2.2"
    assert "研发经费来源" in reply.answer and "3.5%" not in reply.answer
    # asked with its own matter, the type's sentence with a figure
    own = assistant.ask("高价值专利新建项目，企业要有多少专利？")
    assert cited(own)[0] == "2022-high-value-patent:3.1.1.4"


def test_whether_a_program_gives_money_at_all(assistant: Assistant) -> None:
    reply = assistant.ask("保护示范区创建成功后有没有奖励？")
    assert reply.answerable and cited(reply) == ["2024-protection-zone:5.3"] and "启动资金" in reply.answer
    # how much is asked: the guide names no sum, and says so
    sum_asked = assistant.ask("保护示范区启动资金是多少")
    assert not sum_asked.answerable and "没有写明具体金额" in sum_asked.answer


def test_how_many_one_area_may_put_forward_is_its_quota(assistant: Assistant) -> None:
    reply = assistant.ask("一个市能报几个高价值专利项目")
    assert reply.decision is None and cited(reply) == ["2022-high-value-patent:6.4"]
    # the programs an applicant may apply for are still screened
    screened = assistant.ask("我们能报几个项目")
    assert screened.decision is None and "哪一类" in screened.answer


def test_near_misses_in_new_words_are_refused(assistant: Assistant) -> None:
    for question in (
        "南京市知识产权局的联系电话",  # a phrase ending on the topic asked tells no fact to check
        "省知识产权局今年还会出保护示范区的指南吗",  # what will come
        "高价值专利培育示范中心一共有多少家",  # how many hold a title
        "申报保护示范区需要交保证金吗",  # a deposit no guide names
        "知识产权强省建设纲要的主要目标是什么",  # a document the guides quote, without 《》
    ):
        reply = assistant.ask(question)
        assert reply.decision is None and not reply.answerable, question
    # their answerable neighbours
    assert cited(assistant.ask("高价值专利的联系电话")) == ["2022-high-value-patent:contact"]
    told = assistant.ask("我们已经通过企业知识产权管理规范贯标了，能报工业品牌吗")
    assert told.decision is not None
