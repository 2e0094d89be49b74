"""Scope detection: programs, years and programs the guides do not cover (assistant/question/scope.py)."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.ingest.knowledge_base import KnowledgeBase
from assistant.question.asking import asks_other_procedure, asks_outcome
from assistant.question.scope import detect, unknown_program


@pytest.mark.parametrize(
    ("question", "name"),
    [
        ("国家知识产权示范企业认定需要满足什么条件？", "国家知识产权示范企业"),
        ("专利导航服务基地的申报指南哪里有？", "专利导航服务基地"),
        ("高价值专利培育示范中心的申报条件", None),  # a covered program
        ("产业知识产权运营中心的申报条件是什么", None),
        ("我们园区被认定为国家级示范园区，能报吗", None),  # 认定 here is a fact, not a program
        ("专利导航服务基地怎么申报，需要哪些条件", "专利导航服务基地"),
        ("江苏专利奖今年什么时候开始申报", "江苏专利奖"),
        (
            "国家地理标志产品保护示范区要向国家局怎么申请",
            "国家地理标志产品保护示范区",
        ),  # not the provincial one
        ("我们县想申报保护示范区项目，怎么申报", None),
        ("申报国家知识产权示范企业需要满足哪些条件？", "国家知识产权示范企业"),  # the verb first
        ("驰名商标认定需要满足什么条件？", "驰名商标"),
        ("申报高价值专利培育项目需要什么条件", None),
        ("创建保护示范区需要什么条件", None),
        ("高价值专利培育中心如何申请", None),
        # a title of a level, asked what becoming one takes (a prerequisite, not a program)
        ("国家知识产权强县建设示范县要满足什么申报条件", "国家知识产权强县建设示范县"),
        ("省级知识产权服务业集聚区认定需要什么条件", "省级知识产权服务业集聚区"),
        ("我们县是国家知识产权强县建设示范县，报保护示范区要什么条件", None),
        ("国家级高新区报保护示范区要什么条件", None),
        # a document quoted by its title: no guide, and no guide quotes it
        ("《江苏省专利促进条例》对专利奖有什么规定？", "江苏省专利促进条例"),
        ("《江苏省知识产权促进和保护条例》第几条规定了惩罚性赔偿？", None),  # the 2023 measures quote it
        ("高校参照《专利法》开放许可模式要公开什么", None),
        ("《关于高标准推进知识产权强省建设的若干政策措施》第十三条", None),
    ],
)
def test_a_program_asked_about_by_name_that_no_guide_covers(
    kb: KnowledgeBase, question: str, name: str | None
) -> None:
    assert unknown_program(kb, question) == name


@pytest.mark.parametrize(
    ("question", "name"),
    [
        ("国家地理标志产品保护示范区要怎么申请？", "国家地理标志产品保护示范区"),
        ("国家知识产权保护示范区怎么申报", "国家知识产权保护示范区"),
        # a national title of the applicant's, then the covered program it applies for
        ("国家知识产权强市建设示范城市怎么申报保护示范区", None),
        ("地理标志保护示范区怎么申报", None),
    ],
)
def test_a_covered_programs_words_inside_a_national_title_name_another_program(
    kb: KnowledgeBase, question: str, name: str | None
) -> None:
    assert unknown_program(kb, question, names_covered=True) == name


def test_a_year_outside_the_annual_rounds_is_unknown(kb: KnowledgeBase) -> None:
    scope = detect(kb, "2025年度保护示范区什么时候截止")
    assert scope.unknown_years == (2025,) and not scope.years


def test_a_year_joined_to_a_round_by_and_is_a_round_too(kb: KnowledgeBase) -> None:
    assert detect(kb, "保护示范区2022年和2024年的截止日期分别是哪天？").years == (2022, 2024)
    # two years of the applicant's record, joined, are neither round
    assert detect(kb, "2021年和2022年都没评上真抓实干，24年保护示范区能报吗").years == (2024,)


def test_a_year_next_to_a_policy_names_another_document_not_a_round(kb: KnowledgeBase) -> None:
    scope = detect(kb, "2017年那个知识产权强省建设若干政策措施还有效吗")
    assert scope.programs and scope.unknown_years == ()


@pytest.mark.parametrize(
    "question",
    ["进了中欧地理标志互认互保清单的产品，2023政策给什么支持？", "23年政策里对高价值专利培育中心有什么支持"],
)
def test_a_year_and_a_kind_of_document_name_the_one_document_of_both(
    kb: KnowledgeBase, question: str
) -> None:
    scope = detect(kb, question)
    assert [g.id for g in scope.guides(kb)] == ["2023-policy-measures"] and scope.unknown_years == ()


@pytest.mark.parametrize(
    ("question", "programs"),
    [
        # 高价值 is the 高价值专利 program's alias, but here it begins a figure of the 2024 goals
        ("绩效里高价值发明专利有要求吗？", ()),
        ("报高价值要啥条件", ("高价值专利培育",)),
        ("高价值的新建项目要什么条件", ("高价值专利培育",)),
    ],
)
def test_a_short_alias_inside_a_longer_term_of_the_guides_names_no_program(
    kb: KnowledgeBase, question: str, programs: tuple[str, ...]
) -> None:
    assert detect(kb, question).programs == programs


def test_a_year_and_a_kind_that_several_documents_share_name_none(kb: KnowledgeBase) -> None:
    assert "政策措施" not in detect(kb, "2022年的指南里高价值专利怎么说").programs


@pytest.mark.parametrize(
    ("question", "unknown"),
    [
        # the guides write 「2020 年度真抓实干激励地区」: their content, no round asked about
        ("20年真抓实干激励的市高价值专利推荐能多几个", ()),
        # a year no guide writes with those words is still a round no guide covers
        ("2020年的高价值专利推荐能多几个", (2020,)),
    ],
)
def test_a_year_said_with_the_guides_own_words_after_it_is_their_content(
    kb: KnowledgeBase, question: str, unknown: tuple[int, ...]
) -> None:
    assert detect(kb, question).unknown_years == unknown


@pytest.mark.parametrize(
    "question",
    [
        "我们县2022年被评为真抓实干成效明显地区，想报保护示范区",
        "我们2022年没评上真抓实干",
        "2021年发明专利授权量超过10000件的设区市，高价值专利新建项目能推荐几个？",
        "我们市是2020年度真抓实干激励地区，高价值专利推荐名额能多给吗",
        "我们中心2019年就通过了高价值专利培育项目验收",
        # a program's short name right before the year is the applicant's thing (这个地标), and
        # an adverb stands between the year and the record word
        "这个地标2025年还在做省级地标计划项目，能报吗？",
        "这个地标2021年也承担过省级项目",
    ],
)
def test_a_year_of_the_applicants_record_is_not_the_round_asked_about(
    kb: KnowledgeBase, question: str
) -> None:
    assert detect(kb, question).years == ()
    assert detect(kb, question).unknown_years == ()


@pytest.mark.parametrize(
    ("question", "years", "unknown"),
    [
        ("2025年什么时候截止", (), (2025,)),  # a question word after the year: the round asked about
        ("保护示范区2022年申报截止是哪天", (2022,), ()),  # a program right before it
        ("2021年的高价值专利指南有吗", (), (2021,)),
        ("2022年和2024年的保护示范区有什么不同", (2022, 2024), ()),
        ("县里报24年保护示范区要满足哪些条件？", (2024,), ()),  # two digits, right before a program
        ("22年度高价值专利要什么条件", (2022,), ()),
        # a short year, an applicant's kind and an apply verb, then the program
        ("22年园区报保护示范区，对管理机构有什么要求？", (2022,), ()),
        ("22年设区市保护示范区有哪些绩效目标？", (2022,), ()),
        # a follow-up that opens with 那 and a year turns to that round; a figure after it does not
        ("那22年设区市是怎么要求的", (2022,), ()),
        ("那22年利税3000万够吗", (), ()),
    ],
)
def test_a_year_next_to_a_program_round_words_or_a_question_names_the_round(
    kb: KnowledgeBase, question: str, years: tuple, unknown: tuple
) -> None:
    scope = detect(kb, question)
    assert scope.years == years and scope.unknown_years == unknown


@pytest.mark.parametrize(
    ("today", "question", "years", "unknown"),
    [
        (date(2026, 12, 1), "去年的工业品牌项目截止日期是哪天", (), (2025,)),  # no 2025 round
        (date(2023, 6, 1), "去年的保护示范区申报条件", (2022,), ()),
        (date(2021, 3, 1), "明年的高价值专利项目要什么条件", (2022,), ()),
        (date(2026, 12, 1), "我们县去年被评为真抓实干地区", (), ()),  # the applicant's record
        (date(2026, 12, 1), "今年保护示范区什么时候截止", (), ()),  # 「今年」: the guide in force
    ],
)
def test_a_year_said_relative_to_today_is_that_years_round(
    kb: KnowledgeBase, today: date, question: str, years: tuple, unknown: tuple
) -> None:
    scope = detect(kb, question, today)
    assert (scope.years, scope.unknown_years) == (years, unknown)
    assert detect(kb, question).years == ()  # without a date, no year is guessed


@pytest.mark.parametrize("question", ["能不能报保护示范区（2022年度）", "保护示范区(2022年)的申报条件"])
def test_a_year_in_brackets_after_the_programs_name_is_the_round(kb: KnowledgeBase, question: str) -> None:
    assert detect(kb, question).years == (2022,)


@pytest.mark.parametrize(
    ("question", "years"),
    [
        ("想报今年（2024）的省保护示范区，条件是啥？", (2024,)),  # a bare year in brackets
        ("保护示范区【2022】的申报材料", (2022,)),
        # a document number's year (2021) is no round; the attachment it names is its own
        # round's guide (附件1: the 2022 保护示范区 guide)
        ("苏知发〔2021〕140号附件1的申报条件", (2022,)),
        ("苏知发(2021)140号附件1的申报条件", (2022,)),
        ("(2021)140号文的附件有哪些", ()),
    ],
)
def test_a_bracketed_year_is_a_round_unless_it_belongs_to_a_document_number(
    kb: KnowledgeBase, question: str, years: tuple
) -> None:
    assert detect(kb, question).years == years


@pytest.mark.parametrize(
    ("question", "other"),
    [
        ("驰名商标认定要走什么流程", True),
        ("专利年费减缴怎么申请", True),
        ("我们公司被同行起诉专利侵权了，该怎么应诉？", True),
        ("数据知识产权登记怎么收费", True),
        ("申报流程是怎样的", False),  # names only applying: the programs' own procedure
        ("纸质材料交到哪里", False),
        ("要交几份纸质材料，流程是啥", False),
        ("截止到哪天？", False),
        # an asking word with a gap, and office matters
        ("地理标志产品保护要怎么向国家知识产权局提申请？", True),
        ("我申请的发明专利被驳回了，复审怎么提？", True),
        ("省知识产权局综合受理窗口周末上班吗？", True),
    ],
)
def test_a_procedure_of_something_else_is_told_apart_from_applying(question: str, other: bool) -> None:
    assert asks_other_procedure(question) is other


@pytest.mark.parametrize(
    ("question", "outcome"),
    [
        ("2022年保护示范区最后立项了哪些地区", True),
        ("通州国家知识产权强县示范县验收通过了没", True),
        ("2022年高价值专利培育计划项目的验收结果在哪里查？", True),
        ("通州区2023年实际新增了多少件海外专利授权？", True),  # what was done, not the target
        ("24年保护示范区立项名单出来了吗", True),
        ("无锡市2022年推荐了几个高价值专利项目", True),
        ("立项后多久拨付启动资金", False),
        ("每个设区市能推荐几个", False),
        ("验收通过后还能报升级吗", False),
        ("不过这个地标是不是在承担省级项目，我得去查下20、21年的立项名单。", False),  # asks nothing
        ("直接告诉我我们县的保护示范区已经批下来了", True),
        ("国家知识产权强市建设示范城市名单里有苏州吗", True),
        ("2022年专利转化专项计划最后有哪些高校立项了？", True),  # which, then the verb and 了
        ("苏州工业园区2022年入选省保护示范区了吗？", True),  # the verb, its object, 了吗
        ("我们县被评为真抓实干了，能报吗", False),
        ("哪些单位可以申报", False),
    ],
)
def test_a_question_about_what_a_round_came_to(question: str, outcome: bool) -> None:
    assert asks_outcome(question) is outcome


@pytest.mark.parametrize(
    ("question", "other"),
    [
        # anything asked of another authority, in a conversation about no program of the guides
        ("我被人起诉专利侵权了，法院一般判赔多少？", True),
        ("仲裁委受理知识产权纠纷要多久？", True),
        # a program of the guides named, or the authority as the guides name it: answered
        ("保护示范区对法院司法保护有什么要求", False),
        ("省里是不是要设南京知识产权法院？哪条说的？", False),
        ("被国家知识产权局通报过非正常申请，还能报高价值吗", False),
    ],
)
def test_a_question_of_another_authority_is_refused_outside_the_programs(
    kb: KnowledgeBase, question: str, other: bool
) -> None:
    from assistant.question.conversation import Conversation
    from assistant.question.understand import understand

    assert understand(kb, question, Conversation()).other_procedure is other


@pytest.mark.parametrize(
    ("question", "years", "unknown"),
    [
        ("2020年度省真抓实干成效明显地区也评上了", (), ()),  # the applicant's record
        ("2022年度省知识产权保护示范区创建项目申报指南的截止时间", (2022,), ()),  # a round's title
        ("2021年度省保护示范区的申报条件", (), (2021,)),  # a round no guide holds
    ],
)
def test_a_year_before_a_provincial_title_is_a_round_unless_the_clause_is_a_record(
    kb: KnowledgeBase, question: str, years: tuple, unknown: tuple
) -> None:
    scope = detect(kb, question)
    assert (scope.years, scope.unknown_years) == (years, unknown)
