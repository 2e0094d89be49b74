"""Eligibility in the chat, end to end on the real index: the cases that went wrong before
(negations read backwards, long program names, facts that name no program), screening across
programs, applicants no program admits, and what the answer shows of what was read."""

from __future__ import annotations

import re

import pytest
from conftest import asked_in_turns

from assistant.pipeline import Assistant, Conversation


def ask(assistant: Assistant, *turns: str):
    return asked_in_turns(assistant, list(turns))


def statuses(reply) -> dict[str, str]:
    return {c["condition_id"]: c["status"] for c in reply.decision["conditions"]}


def test_negations_in_their_scope_are_not_read_backwards(assistant: Assistant) -> None:
    reply = ask(
        assistant,
        "我们县想报2022年地理标志项目。近三年没有出过产品质量、安全健康、环境保护方面的责任事故，"
        "也没有严重失信行为。这件地理标志没有在承担2020年、2021年的省级地理标志计划项目",
    )
    assert reply.decision["program"] == "2022-gi-brand"
    assert statuses(reply)["gi_safety"] != "not_met" and statuses(reply)["recent_project"] == "met"
    assert reply.decision["eligible"] is not False


def test_a_denied_title_is_not_read_as_held(assistant: Assistant) -> None:
    reply = ask(
        assistant,
        "我们县不是国家知识产权强县建设示范县或试点县，也没评上2022年度省知识产权工作真抓实干成效明显地区，"
        "能报2024年保护示范区吗？",
    )
    assert reply.decision["program"] == "2024-protection-zone"
    assert reply.decision["eligible"] is not True
    said = reply.answer.split("您提到的情况：")[1].split("\n")[0]
    assert "未被评为2022年度省知识产权工作真抓实干成效明显地区" in said
    assert "未被评为国家知识产权强县建设示范或试点县" in said


def test_a_long_program_name_still_reaches_the_checker(assistant: Assistant) -> None:
    reply = ask(
        assistant,
        "我们县有一个地理标志证明商标，注册了2年，去年产品销售额8000万元。能申报地理标志商标品牌培育和保护项目吗？",
    )
    assert reply.decision is not None and reply.decision["program"] == "2022-gi-brand"
    assert reply.decision["eligible"] is False  # registered for 2 years: not more than 3


def test_facts_without_a_program_are_checked_against_the_program_they_are_about(assistant: Assistant) -> None:
    reply = ask(assistant, "我们是设区市，2023年撤回率高于全省平均，国家级知识产权保护中心也有。")
    assert reply.decision is not None and reply.decision["program"] == "2024-protection-zone"
    assert reply.decision["applicant_type"] == "city"


def test_an_applicant_no_program_admits_is_told_so_with_the_clause(assistant: Assistant) -> None:
    reply = ask(assistant, "我们是一家科技型企业，能报高校院所知识产权运营能力提升这个方向吗？")
    assert reply.decision["program"] == "2022-patent-transfer"
    assert reply.decision["eligible"] is False
    assert "申报主体为企业" in reply.answer and reply.citations


@pytest.mark.parametrize(
    ("question", "programs"),
    [
        (
            "我们是一家制造业企业，能报哪些项目？",
            {"2022-industrial-brand", "2022-high-value-patent-new", "2022-high-value-patent-upgrade"},
        ),
        ("我们县能报什么？", {"2024-protection-zone", "2022-protection-zone", "2022-gi-brand"}),
        (
            "国家级高新区管委会，请帮我们梳理一下可以申报的项目",
            {"2024-protection-zone", "2022-protection-zone", "2022-patent-transfer"},
        ),
        (
            "县人民政府，有什么项目适合我们？",
            {"2024-protection-zone", "2022-protection-zone", "2022-gi-brand"},
        ),
        (
            "高校科研处的，帮忙看看学校作为牵头单位能报的项目清单。",
            {"2022-high-value-patent-new", "2022-high-value-patent-upgrade", "2022-patent-transfer"},
        ),
    ],
)
def test_screening_checks_every_program_open_to_the_applicant(
    assistant: Assistant, question: str, programs: set[str]
) -> None:
    reply = ask(assistant, question)
    assert reply.decision is None
    assert {d["program"] for d in reply.decisions} == programs
    assert reply.to_dict()["decisions"] == list(reply.decisions)
    lines = [line for line in reply.answer.splitlines() if line[:1].isdigit()]
    assert len(lines) == len(programs)
    assert reply.decisions[0]["program"].startswith("2024") or "2024" not in " ".join(programs)
    assert all("截止" in line for line in lines if "《2022年度" in line)  # expired rounds are marked


def test_facts_told_after_a_screening_screen_again(assistant: Assistant) -> None:
    """「企业能报哪几个项目」, then facts: every program is checked again on them; facts that
    name a program to apply for (「想报工业品牌」) check that one."""
    programs = {"2022-high-value-patent-new", "2022-high-value-patent-upgrade", "2022-industrial-brand"}
    again = ask(assistant, "企业能申报哪几个项目", "我们是无锡的工业企业，有一百多件专利", "商标用了十年")
    assert again.decision is None and {d["program"] for d in again.decisions} == programs
    county = ask(assistant, "区里（县级区）能报什么项目", "我们区有个地理标志，也建了国家级快速维权中心")
    assert len(county.decisions) == 3
    one = ask(assistant, "企业能申报哪几个项目", "我们想报工业品牌，有一百多件专利")
    assert one.decision is not None and one.decision["program"] == "2022-industrial-brand"
    named = ask(
        assistant,
        "设区市报2022年保护示范区创建项目，要看哪些？",
        "我们是国家知识产权示范城市，保护中心已运行两年",
    )
    assert named.decision is not None and named.decision["program"] == "2022-protection-zone"


def test_screening_without_a_kind_asks_for_it(assistant: Assistant) -> None:
    reply = ask(assistant, "能报哪些项目？")
    assert reply.decisions == () and "属于哪一类" in reply.answer


def test_the_answer_shows_what_was_read_and_asks_the_decisive_fact_first(assistant: Assistant) -> None:
    reply = ask(assistant, "我们县2022年被评为真抓实干成效明显地区，能报保护示范区吗？")
    assert "您提到的情况：被评为2022年度省知识产权工作真抓实干成效明显地区" in reply.answer
    assert reply.decision["eligible"] is None
    first = reply.decision["missing_facts"][0]["key"]
    assert first == "withdrawal_above_avg_2023"  # alone it decides; asked with the condition it serves
    assert "关系到「" in reply.answer


@pytest.mark.parametrize(
    ("statement", "exemption"),
    [
        ("我们是做电缆的工业企业，去年利税一千五百万，能报工业品牌吗？", "可不受利税总额限制"),
        ("我们公司有效发明专利40件，三年内拿过省专利项目奖，够报高价值专利新建吗？", "专利数量要求可减半"),
    ],
)
def test_a_condition_is_quoted_with_its_exemption_and_its_cases(
    assistant: Assistant, statement: str, exemption: str
) -> None:
    """The words under a condition are all the words it encodes: a figure short of the
    threshold is shown with the clause's exemption, a halved count with the words halving it."""
    quoted = [
        line for line in ask(assistant, statement).answer.splitlines() if line.strip().startswith("原文")
    ]
    assert any(exemption in line for line in quoted)


def test_a_misreading_is_corrected_in_the_next_turn(assistant: Assistant) -> None:
    reply = ask(
        assistant,
        "我们县2022年被评为真抓实干成效明显地区，2023年撤回率高于全省平均，能报保护示范区吗？",
        "说错了，2022年度真抓实干我们没评上",
    )
    assert statuses(reply)["honours"] in ("not_met", "unknown")


@pytest.mark.parametrize(
    "turns",
    [
        # facts, then a yes-or-no question with no apply verb
        (
            "2024年保护示范区县里要什么条件？",
            "我们县是国家知识产权强县建设试点县，2023年撤回率高于全省平均。这样行不行？",
        ),
        ("2022年地理标志项目，我们县的地标2016年注册，去年销售额8千万，是主导产业。有影响吗？",),
        # a long statement whose earlier sentences name versions or lists: the last one asks
        (
            "我们企业去年利税三千万，比前年高，有效发明专利30件，跟同行比算多的。能报工业品牌培育和保护项目吗？",
        ),
        # the question first, the facts after it; a year of the applicant's record is no round
        (
            "想咨询下高价值升级。利税不太高，也不是小巨人，这个有影响吗？其他：江苏注册独立法人，"
            "2020年牵头的省高价值专利培育项目已通过验收；正在承担国家重点研发计划重大科技攻关课题，已有阶段成果",
        ),
        ("我们是小巨人企业，利税一年才八九百万，这个影响报高价值新建吗？其他：苏州注册的独立法人，行业龙头",),
    ],
)
def test_facts_then_a_yes_no_question_reach_the_checker(assistant: Assistant, turns) -> None:
    assert ask(assistant, *turns).decision is not None


def test_a_figure_asked_beside_a_yes_no_question_is_answered_not_checked(assistant: Assistant) -> None:
    reply = ask(assistant, "新型研发机构牵头高价值专利项目，专利实施率目标是多少？跟高校一样吗？")
    assert reply.decision is None and "80%" in reply.answer.replace(" ", "")


def test_a_reply_from_which_nothing_is_read_is_said_to_be_unread(assistant: Assistant) -> None:
    """「否」 when several facts were asked names none of them: the answer says nothing was read
    (and the check stands as it was), instead of the same answer again unexplained."""
    opened = "我们县能不能报2024年的保护示范区？"
    unread = ask(assistant, opened, "否")
    assert unread.answer.startswith("（没能从「否」读出") and unread.decision["eligible"] is None
    read = ask(assistant, opened, "撤回率低于全省平均")
    assert "没能从" not in read.answer and read.decision["eligible"] is False


def test_facts_then_that_ellipsis_ask_the_check_again(assistant: Assistant) -> None:
    """After a decision, a message of facts that ends 「那这样呢？」 asks the same of them: the
    check is run again on the corrected facts, not answered with a clause."""
    reply = ask(
        assistant,
        "我们县是国家知识产权强县建设示范县，2023年度撤回率高于全省平均，能报2024保护示范区吗？",
        "说错了，我们现在还不是强县建设示范县，也不是试点县。22年的真抓实干也没评上，快速维权中心也没有。那这样呢？",
    )
    assert reply.decision is not None and reply.decision["program"] == "2024-protection-zone"
    assert reply.decision["eligible"] is False


def test_a_program_failed_for_every_type_is_no_though_the_type_was_not_said(assistant: Assistant) -> None:
    """The applicant's type not said: facts that fail the program for every type it admits
    give a no for each (shown as such); facts that leave one type open ask the type instead."""
    failed = ask(
        assistant,
        "我们这个地标2011年注册的，不过现在正在承担2021年的省级地理标志计划项目。今年还能再报地理标志项目吗？",
    )
    assert failed.decision["program"] == "2022-gi-brand" and failed.decision["eligible"] is False
    assert "无论以设区市还是县（市、区）申报" in failed.answer
    assert "都不符合" in failed.answer
    open_ = ask(assistant, "我们这个地标2011年注册的，没有在承担省级地理标志项目。能报地理标志项目吗？")
    assert open_.decision["applicant_type"] is None and open_.decision["eligible"] is None
    assert (
        open_.decision["missing_facts"][0]["key"] == "applicant_type" and "申报主体属于哪一类" in open_.answer
    )


@pytest.mark.parametrize(
    ("question", "checks"),
    [
        ("我们市2020年度被评为真抓实干成效明显地区，想创建保护示范区，条件够吗？", True),
        ("我们县想报2024年保护示范区，资格满足不满足？", True),
        ("我们是一家茶叶公司，能不能以公司名义申请地理标志项目？", True),
        ("能不能通过邮寄方式申报地理标志项目？", False),  # how, not whether
        ("地理标志项目的申报条件够多的，都有哪些？", False),  # a list, not a check
        # an aside in brackets asks nothing; 新材料 names an industry, not the materials
        ("想报今年省里的保护示范区（就是2月29号截止那个），行吗", True),
        ("保护示范区什么时候截止，现在报还行吗", False),
        ("我们是市新材料行业协会，想报高价值专利培育新建项目，可以吗", True),
        ("申报材料交几份，寄过去可以吗", False),
        # who may apply, asked of the applicant itself, asks to be checked; of another body, or
        # with no word of the applicant's own, it asks the guide's list of applicants
        ("我们是大闸蟹行业协会，注册人就是我们协会，能不能由协会申报地标品牌项目？", True),
        ("我们是一个水蜜桃专业合作社，合作社能不能自己报地标品牌培育项目", True),
        ("地标品牌项目能不能由协会申报？", False),
        ("我们是高校，能不能由学院申报高价值专利？", False),
        ("我们是县政府，能不能由县里直接申报，不经过市里？", False),
        ("我们所在的地级市没有承担保护示范区项目。报22年度的示范区创建行不？", True),  # 行不
        # a program's short name alone after the facts; a tag after the applicant's own name; 够了吧
        ("我们企业，江苏独立法人，行业骨干，利税3000多万，贯标了。22年工业品牌？", True),
        ("今年想报2024年度省保护示范区，我们市是国家知识产权强市建设示范城市。我们符合不？", True),
        ("县政府想报2024年度保护示范区，我们是国家知识产权强县建设示范县，这个够了吧？", True),
        # a long program name between the word of meeting and the conditions, asked either way
        ("我们区是强县建设示范县。符合24年度省保护示范区创建的申报条件吗？", True),
        ("我们市有国家级保护中心。这样是不是符合24年保护示范区申报条件？", True),
        ("24年保护示范区的申报条件是什么？", False),
        ("我们是设区市，有国家级保护中心，24年保护示范区是不是没希望了？", True),
        # the applicant's own body, in the role it would apply in (牵头, 以…名义)
        ("我们是国家级高新区管委会，能不能由管委会牵头报22年高价值专利培育新建项目？", True),
        # a field of research named with 材料 asks for no application materials
        ("我们学校化学化工学院，同一个催化材料方向，想再牵头报22年高价值新建，可以吗？", True),
    ],
)
def test_asking_whether_one_qualifies_in_other_words_reaches_the_checker(
    assistant: Assistant, question: str, checks: bool
) -> None:
    from assistant.question.intent import ELIGIBILITY, detect_intent

    assert (detect_intent(question) == ELIGIBILITY) is checks


def test_a_word_of_the_statement_asks_nothing_beside_the_question(assistant: Assistant) -> None:
    """「…管委会咨询：<facts>。…我们符合吗」: 咨询 frames the message; it asks for no contact."""
    reply = ask(
        assistant,
        "国家高新区管委会咨询：园区建有综合性知识产权保护服务载体，2023年度非正常专利申请撤回率高于全省平均水平。"
        "2024年度保护示范区我们符合吗",
    )
    assert reply.decision is not None and reply.decision["program"] == "2024-protection-zone"


def test_after_a_check_asking_whether_it_is_enough_checks_again(assistant: Assistant) -> None:
    """After a check (waiting for facts, or decided), 「那我们符合吗」 asks it again, and a
    correction that ends 「这样还行吗」 is read into it: never a clause in its place."""
    waiting = ask(assistant, "我们是国家知识产权强县建设示范县，想报2024年保护示范区", "那我们符合吗")
    assert waiting.decision is not None and waiting.decision["program"] == "2024-protection-zone"
    corrected = ask(
        assistant,
        "我们市是国家知识产权强市建设示范城市，国家级保护中心已经建成，2023年非正常专利申请撤回率高于全省平均，"
        "想报2024年保护示范区。",
        "不好意思说错了，23年撤回率其实比全省平均还低，这样还行吗",
    )
    assert corrected.decision["eligible"] is False
    other = ask(assistant, "我们县能报2024年保护示范区吗", "申报材料需要盖章吗")
    assert other.decision is None


def test_a_comment_of_doubt_doubts_the_facts_before_it(assistant: Assistant) -> None:
    """「…这些我得回去问一下」 and a clause of doubt alone after a fact (「…没有数据，说不好」) leave
    those facts asked, never read as held or as denied."""
    reply = ask(
        assistant,
        "我们区2023年非正常专利申请撤回率高于全省平均，想报今年保护示范区",
        "强县示范试点、快速维权中心这些我得回去问一下科里",
    )
    assert reply.decision["eligible"] is None
    reply = ask(
        assistant,
        "工业品牌项目，我们是江苏独立法人工业企业，主商标用了6年，国内市场占有率排第几没有第三方数据，说不好。能报吗",
    )
    assert reply.decision["program"] == "2022-industrial-brand"
    assert statuses(reply)["brand_market"] == "unknown"
    assert reply.decision["eligible"] is not False


def test_an_unnamed_variant_the_applicant_fails_gives_way_to_the_one_it_means(assistant: Assistant) -> None:
    """新建 or 升级 not named: facts that exclude a new project and are what an upgrade asks for
    (a project led and accepted) are checked against the upgrade, not answered 不符合 (新建)."""
    reply = ask(
        assistant, "科研院所，牵头的高价值专利培育项目2020年已验收，研发水平国际领先。能报高价值专利项目吗"
    )
    assert reply.decision["program"] == "2022-high-value-patent-upgrade"
    assert reply.decision["eligible"] is not False


@pytest.mark.parametrize(
    ("question", "screens"),
    [
        ("我们园区的地标销售额好几个亿，能以管委会名义申报地理标志项目吗？", False),  # an amount
        ("有效专利几百件，能报高价值专利项目吗", False),
        ("我们企业能报哪几个项目？", True),
        ("园区可以报几个项目", True),
        ("设区市人民政府可以报哪几类？把能报的都列给我", True),  # 能报的: what can be applied for
    ],
)
def test_an_amount_with_ji_asks_for_no_list_of_programs(question: str, screens: bool) -> None:
    from assistant.question.asking import asks_which_programs

    assert asks_which_programs(question) is screens


def test_facts_that_only_one_type_is_asked_for_name_the_type(assistant: Assistant) -> None:
    """The type not said: facts that the program asks of one of its types only (利税 of an
    enterprise, 强市建设示范城市 of a 设区市) name it; facts of several types leave it asked."""
    reply = ask(
        assistant, "新建项目，我们近三年利税分别是3100万、1600万、2800万，不是小巨人也不是单项冠军。能报吗"
    )
    assert reply.decision["applicant_type"] == "enterprise" and reply.decision["eligible"] is False
    reply = ask(assistant, "我们是国家知识产权强市建设示范城市，想报24年保护示范区，条件够吗")
    assert reply.decision["applicant_type"] == "city"
    asked = ask(assistant, "我们这个地标2011年注册的，没有在承担省级地理标志项目。能报地理标志项目吗？")
    assert asked.decision["applicant_type"] is None and "申报主体属于哪一类" in asked.answer


def test_asking_whether_one_may_apply_answers_none_of_the_facts_asked(assistant: Assistant) -> None:
    """After the checker asked for facts, 「那我们够格报保护示范区不」 asks; its final 不 is no
    「否」 to the first fact asked (the withdrawal rate was never said)."""
    reply = ask(
        assistant,
        "我们是江苏的国家级高新区，被认定为国家知识产权强国建设试点园区",
        "那我们够格报保护示范区不",
    )
    assert reply.decision["eligible"] is None


@pytest.mark.parametrize(
    ("statement", "checks"),
    [
        # an asking word in the applicant's own doubt about a fact asks nothing of us
        (
            "江苏注册独立法人，做家电零部件，行业骨干，2021年利税2000万出头，知识产权费用占研发费用的比例我们没算过，不知道多少",
            True,
        ),
        (
            "县里的螃蟹地标，证明商标注册时间我记不太清，是2018年还是2019年。去年销售额4个多亿，县里有保障",
            True,
        ),
        # a question of its own, a hypothetical and a doubt about no fact of the applicant's ask
        ("我们县有个地理标志大米，证明商标注册4年了，2022年地理标志那个项目申报条件是啥", False),
        ("要是市里已经立项了，县还能立吗", False),
        ("工业品牌申报材料要是弄虚作假会怎么处理", False),
    ],
)
def test_facts_told_with_the_applicants_own_doubts_open_a_check(
    assistant: Assistant, statement: str, checks: bool
) -> None:
    assert assistant.desk.wants_check(statement, [statement]) is checks


def test_a_correction_after_a_decision_checks_again(assistant: Assistant) -> None:
    """「说错了，…」 after a decision: the check is made again (the corrected figure is asked,
    not kept), where it had been answered as a new question."""
    conversation = Conversation()
    first = assistant.ask(
        "研究所申报专利转化专项：知识产权管理人员6人，专职转化2人；近3年年均发明专利授权70件；"
        "年均转化专利18件。江苏注册法人，制度相对完善，所里重视",
        conversation,
    )
    assert first.decision is not None and first.decision["eligible"] is True
    again = assistant.ask("说错了，18件是三年加起来的，年均也就6件，金额一年两三百万", conversation)
    assert again.decision is not None and again.decision["eligible"] is not True


def test_a_supplement_after_a_decision_checks_again(assistant: Assistant) -> None:
    """「对了，…」 after a decision adds to what was told: the check is shown again with it, where
    a fact no condition of the program asks (who led the accepted project) had been answered as
    a question of its own, with no decision."""
    conversation = Conversation()
    first = assistant.ask(
        "省属科研院所，独立法人，2019年通过省高价值专利培育项目验收；目前在进行关键核心技术研发，"
        "成果已经出来了；研发水平国际领先；无严重失信、无非正常专利申请。22年那批的升级项目能报吗",
        conversation,
    )
    assert first.decision is not None and first.decision["eligible"] is True
    again = assistant.ask("对了，之前那个项目是我们院牵头的", conversation)
    assert again.decision is not None
    assert (again.decision["program"], again.decision["eligible"]) == ("2022-high-value-patent-upgrade", True)


def test_a_correction_that_names_no_fact_puts_the_last_statement_in_doubt(assistant: Assistant) -> None:
    """「说错了，是高于全省平均，我刚才看反了」 reads no fact (the measure is not named): the 低于
    said just before is no longer taken, and the decision is no 不符合."""
    conversation = Conversation()
    assistant.ask("县级市能报2024保护示范区吗？我们是国家知识产权强县建设示范县", conversation)
    said = assistant.ask("撤回率的话2023年是低于全省平均的", conversation)
    assert said.decision is not None and said.decision["eligible"] is False
    corrected = assistant.ask("说错了，是高于全省平均，我刚才看反了", conversation)
    assert corrected.decision is not None and corrected.decision["eligible"] is None


@pytest.mark.parametrize(
    "question",
    [
        "单位有非正常专利申请又不整改，按省政策会有什么后果？",  # 什么 asks of 后果, not of programs
        "通州方案里说要申报哪个海外纠纷应对分中心？",  # 哪个 with an object of its own
        "那年网上是在哪个系统报的",  # 报的 of a system, not what can be applied for
        "2026年度高价值专利培育计划的申报指南内容是什么？",  # what a guide says
        "高校运营中心面向中小企业搞转化，指南建议用什么许可方式？",  # 什么 right before its own noun
    ],
)
def test_a_which_word_about_something_else_asks_for_no_list_of_programs(question: str) -> None:
    from assistant.question.asking import asks_which_programs

    assert not asks_which_programs(question)


def test_the_channel_of_an_application_is_a_procedure_not_a_check(assistant: Assistant) -> None:
    """「能直接报省局吗」 asks how an application goes up, not whether the county qualifies;
    「能直接报升级项目吗」 still asks to be checked."""
    reply = ask(assistant, "县里报保护示范区能直接报省局吗，要不要过市里？")
    assert reply.decision is None
    assert "2024-protection-zone:5.1" in reply.citations_ids
    reply = ask(assistant, "我们学校从来没有承担过省高价值专利培育项目，能直接报升级项目吗？")
    assert reply.decision is not None


@pytest.mark.parametrize(
    "question",
    [
        "工业品牌那个项目，什么样的公司能报？",
        "高价值专利的升级项目，什么单位才有资格牵头？",
        "高价值专利新建项目，啥样的企业能申报？",
    ],
)
def test_who_may_apply_asked_of_a_program_is_no_check_and_no_screening(question: str) -> None:
    from assistant.question.intent import detect_intent

    assert detect_intent(question) == "applicants"


def test_a_list_of_an_applicants_conditions_is_no_question_of_who_applies() -> None:
    from assistant.question.intent import detect_intent

    assert detect_intent("列一下企业报高价值专利新建项目要满足的条件有哪些") == "conditions"


def test_a_screening_line_cites_the_condition_of_each_fact_it_asks(assistant: Assistant) -> None:
    """「待补充：是否在2021年以前…验收」 holds a figure: the clause that says it is cited with it."""
    reply = assistant.ask("我们企业能报哪些项目？", Conversation())
    upgrade = next(line for line in reply.answer.splitlines() if "升级项目" in line and "待补充" in line)
    cited_here = {int(n) for n in re.findall(r"\[(\d+)\]", upgrade.split("——", 1)[1])}
    assert "2022-high-value-patent:3.2.1" in {reply.citations[n - 1].clause_id for n in cited_here}


@pytest.mark.parametrize(
    ("turns", "program"),
    [
        # 「什么的」「没出过什么」 in a long statement ask nothing: the program asked about is checked
        (
            [
                "我们是做汽车零部件的行业龙头，知识产权部是单独的，制度什么的都齐全，没有被通报什么非正常"
                "申请，省里的知识产权项目手上一个都没有，那个工业品牌可以报吧？"
            ],
            "2022-industrial-brand",
        ),
        # 「…还是市场监管局在管」 tells who still does; 「想报…」 after it opens the check
        (
            [
                "我们是国家级经开区，没有单设机构，商标和地理标志还是市场监管局在管。想报2022年的保护示范区创建。"
            ],
            "2022-protection-zone",
        ),
        # 「报22年这个」: the short year after the apply verb is the round
        (
            [
                "我们区是国家知识产权强县工程示范区，所属的市没有承担过保护示范区创建项目，区里很想报22年这个，行不行？"
            ],
            "2022-protection-zone",
        ),
    ],
)
def test_a_statement_that_asks_to_apply_in_passing_words_is_checked(
    assistant: Assistant, turns: list[str], program: str
) -> None:
    reply = ask(assistant, *turns)
    assert reply.decision is not None and reply.decision["program"] == program


def test_programs_named_as_examples_of_a_screening_are_all_screened(assistant: Assistant) -> None:
    reply = ask(assistant, "市政府这边能申报哪些项目？保护示范区、地理标志这些我们都能报吗，还有别的吗？")
    assert reply.decision is None
    assert {d["program"] for d in reply.decisions} == {
        "2024-protection-zone",
        "2022-protection-zone",
        "2022-gi-brand",
    }


def test_what_else_is_needed_after_a_check_asks_its_questions_again(assistant: Assistant) -> None:
    reply = ask(
        assistant,
        "想问专利转化专项计划高校那个方向。",
        "近三年平均一年授权四百多件。",
        "嗯，其他的你还需要什么？",
    )
    assert reply.decision is not None and reply.decision["program"] == "2022-patent-transfer"
    assert reply.decision["eligible"] is None and reply.decision["missing_facts"]


def test_the_variant_asked_after_another_was_refused_is_checked(assistant: Assistant) -> None:
    """「新建不让报是吧？那升级项目呢，我们能报升级吗？」: the variant of the last ask is checked."""
    reply = ask(
        assistant,
        "我们公司想报2022年高价值专利培育新建项目。我们2017年牵头承担过一个省高价值专利培育项目，2020年验收通过了。",
        "哦，新建不让报是吧？那升级项目呢，我们能报升级吗？",
    )
    assert reply.decision is not None and reply.decision["program"] == "2022-high-value-patent-upgrade"


def test_a_variant_given_up_gives_way_to_the_one_switched_to(assistant: Assistant) -> None:
    """「新建就不报了，改报升级项目…升级行吗？」: the variant switched to is checked, not the one given up;
    another body's wish for a variant (「兄弟公司想报新建」) is not the applicant's."""
    reply = ask(
        assistant,
        "我们公司2016年牵头承担过省高价值专利培育项目，2019年验收了。还能报高价值专利培育新建项目吗？",
        "那新建我们就不报了，改报升级项目。升级行吗？",
    )
    assert reply.decision is not None and reply.decision["program"] == "2022-high-value-patent-upgrade"
    reply = ask(
        assistant,
        "我们兄弟公司今年想报新建，跟我们无关。我们公司2019年通过了省高价值专利培育项目验收，那我们报升级项目有问题吗？",
    )
    assert reply.decision is not None and reply.decision["program"] == "2022-high-value-patent-upgrade"


def test_an_enterprise_inside_a_park_is_an_enterprise(assistant: Assistant) -> None:
    """「我们是…高新区里的一家新能源企业」: the noun the phrase ends in is the applicant (能 inside
    新能源 is no modal verb), and an enterprise may not apply for the 保护示范区."""
    reply = ask(assistant, "我们是国家级高新区里的一家新能源企业。我们企业能自己申报2024年的保护示范区吗？")
    assert reply.decision is not None and reply.decision["applicant_type"] == "enterprise"
    assert reply.decision["eligible"] is False


@pytest.mark.parametrize(
    "follow_up, program, applicant_type",
    [
        ("那如果换成苏州市来报呢？市里2022年度真抓实干评上了。", "2024-protection-zone", "city"),
        ("明白了，那由我们园区管委会来报呢？园区是国家级经开区。", "2024-protection-zone", "park"),
    ],
)
def test_a_longer_follow_up_naming_another_applicant_is_checked_for_it(
    assistant: Assistant, follow_up: str, program: str, applicant_type: str
) -> None:
    reply = ask(assistant, "我们县想报2024年度的保护示范区，能报吗？", follow_up)
    assert reply.decision is not None and reply.decision["program"] == program
    assert reply.decision["applicant_type"] == applicant_type


def test_a_wish_to_apply_closed_by_a_bare_tag_is_checked(assistant: Assistant) -> None:
    """「打算用…报…项目。（facts）符合吗？」: the tag alone closes a message that wishes to apply."""
    reply = ask(
        assistant,
        "我们县打算用本地大米报地理标志商标品牌培育和保护项目。证明商标注册了五年，去年销售额七千万。符合吗？",
    )
    assert reply.decision is not None and reply.decision["program"] == "2022-gi-brand"


def test_a_correction_naming_a_year_doubts_a_fact_bounded_by_a_year(assistant: Assistant) -> None:
    """「…是2022年验收的」 read as not accepted by 2021, then 「说错了，是2020年底验收的」 (whose words
    the reader does not get): the fact is asked again, never left standing as 不符合."""
    reply = ask(
        assistant,
        "我们公司牵头的省高价值专利培育项目是2022年验收的，能报升级项目吗？",
        "说错了，是2020年底验收的。另外我们在承担省部级重大科技攻关项目，已经有成果了。",
    )
    assert reply.decision is not None and reply.decision["program"] == "2022-high-value-patent-upgrade"
    assert reply.decision["eligible"] is not False


def test_a_bureau_asking_for_an_applicant_is_not_the_applicant(assistant: Assistant) -> None:
    """「县知识产权局帮辖区一家企业问：该企业…」: the enterprise applies, not the county."""
    reply = ask(
        assistant,
        "市知识产权局替辖区内一家企业咨询：这家企业是江苏注册的独立法人工业企业，上一年度利税3000万，能报工业品牌吗？",
    )
    assert reply.decision is not None and reply.decision["applicant_type"] == "enterprise"


@pytest.mark.parametrize(
    "turns",
    [
        # 「可报」「是否可申报」: 可 right before the apply verb asks whether the applicant can apply
        ["国家制造业单项冠军企业，江苏注册独立法人，行业龙头，经营良好。可报工业品牌？"],
        # a verb asked with 不 at its end, after facts (「…够新建的要求不？」)
        [
            "江苏注册的独立法人企业，行业领军，正在开展关键核心技术研发，有了一些成果。"
            "有效发明专利45件，有效专利总共80件左右。专利数量够新建的要求不？"
        ],
        # facts told with 「几个子公司一共有两百多件」: 几个 before a figure asks nothing
        [
            "我们是集团本部（江苏注册、独立法人），行业龙头，经营良好，想报高价值专利新建。"
            "本部自己有效专利70件、有效发明30件，加上下面几个子公司一共有两百多件。"
        ],
    ],
)
def test_facts_with_a_question_in_new_forms_are_checked(assistant: Assistant, turns: list[str]) -> None:
    reply = ask(assistant, *turns)
    assert reply.decision is not None


def test_still_in_a_correction_is_no_question(assistant: Assistant) -> None:
    """「有效发明专利还是12件」: 还是 says what still is; the correction checks again."""
    reply = ask(
        assistant,
        "工业品牌：镇江注册独立法人的工业企业，链主企业，行业领先，经营良好，利税三千万，贯标完成，"
        "知识产权制度健全，独立知识产权室5人，知识产权费用占研发费用5.5%；不过2021年研发投入占销售收入只有2.6%，"
        "有效发明专利12件。能报吗？",
        "说错了，2.6%是2020年的数，2021年研发投入占销售收入是3.1%，有效发明专利还是12件。",
    )
    assert reply.decision is not None
    rd = next(c for c in reply.decision["conditions"] if c["facts"].get("rd_ratio_last_year") is not None)
    assert rd["facts"]["rd_ratio_last_year"] == 3.1


def test_a_question_ending_on_what_it_asks_is_answered_not_checked(assistant: Assistant) -> None:
    """「听说…，金奖给多少」: the rumour is no fact of the applicant's; the question is answered."""
    reply = ask(assistant, "听说省里政策对江苏专利奖有奖励，金奖给多少")
    assert reply.decision is None
    assert any(c.clause_id == "2023-policy-measures:1.1" for c in reply.citations)


def test_a_body_the_applicant_asks_is_not_the_applicant(assistant: Assistant) -> None:
    reply = ask(
        assistant,
        "验收是2020年，国内市场占有率全国前列，在研省部级重大攻关已有成果。去年有没有专利被国知局通报"
        "非正常申请我不太清楚，要问代理机构，失信倒是没有。能报升级吗",
    )
    assert reply.decision is None or reply.decision["eligible"] is not False


def test_a_variant_named_as_the_applicants_record_is_not_the_one_asked(assistant: Assistant) -> None:
    """「我们做过…新建项目，还能再报2022年的吗」: the 新建 done is a record; the facts (accepted in
    2019) are what an upgrade asks, and no 不符合 for a new project is given."""
    reply = ask(
        assistant,
        "我们做过高价值专利培育的新建项目，还能再报2022年的吗？",
        "新建项目是2016年立项、2019年验收通过的。公司现在在做关键核心技术研发，已经有样机和专利成果。",
        "市场占有率国内同行第一。没有严重失信，也没被通报过非正常专利申请。",
    )
    assert reply.decision is not None
    assert reply.decision["program"] == "2022-high-value-patent-upgrade"
    assert reply.decision["eligible"] is not False


@pytest.mark.parametrize(
    ("turns", "applicant_type"),
    [
        # an intermediary speaking for a client is not the applicant
        (
            (
                "您好，我是无锡一家代理机构的，帮客户问2022年工业品牌那个项目。客户情况：无锡注册的独立法人，"
                "做高端轴承的制造企业，省重点产业链链主企业。能报吗？",
            ),
            "enterprise",
        ),
        (
            (
                "无锡高新区申报材料初审要点（我们事务所做的）：1.国家高新区，是；2.独立知识产权管理机构且三类"
                "统一管理，是。能否申报2022保护示范区创建？",
            ),
            "park",
        ),
        # an enterprise in a park is an enterprise
        (
            (
                "我们是苏州工业园区一家做第三代半导体材料的企业，苏州注册独立法人，行业领军企业。"
                "想报2022年高价值专利培育新建项目，可以吗？",
            ),
            "enterprise",
        ),
        # the body named to apply instead
        (
            (
                "苏州市里想报22年地理标志项目，用一个水产类地标。",
                "改一下，市里决定不报了，让吴江区政府来报这个地标，苏州市本级不再指定它。证明商标2012年注册。",
            ),
            "county",
        ),
        # 「我们市去年已经承担了…我们园区还能报吗」: the park speaks of its city
        (("无锡高新区问一下，我们市去年已经承担了保护示范区，我们园区2022年还能报吗",), "park"),
    ],
)
def test_the_applicant_is_the_body_that_applies(
    assistant: Assistant, turns: tuple, applicant_type: str
) -> None:
    assert ask(assistant, *turns).decision["applicant_type"] == applicant_type


def test_an_intermediary_naming_itself_is_told_who_may_apply(assistant: Assistant) -> None:
    reply = ask(assistant, "我们是一家知识产权代理机构，能报2022年高价值专利培育新建项目吗？")
    assert reply.decision["eligible"] is False and "代理机构" in reply.answer


def test_the_city_that_gives_up_the_gi_is_not_read_as_designating_it(assistant: Assistant) -> None:
    reply = ask(
        assistant,
        "苏州市里想报22年地理标志项目，用一个水产类地标。",
        "改一下，市里决定不报了，让吴江区政府来报这个地标，苏州市本级不再指定它。证明商标2012年注册。",
    )
    assert statuses(reply).get("same_gi") != "not_met"


def test_a_follow_up_naming_another_program_with_facts_checks_that_program(assistant: Assistant) -> None:
    reply = ask(
        assistant,
        "我们公司（苏州相城，做汽车电子的）想申请2024年度的省知识产权保护示范区，企业能报吗？",
        "好吧原来是给政府和园区的。那2022年的商标品牌培育和保护里面的工业品牌呢？我们情况：苏州注册的"
        "独立法人工业企业，汽车电子产业链的骨干企业，上年利税3,600万。",
    )
    assert reply.decision["program"] == "2022-industrial-brand"


@pytest.mark.parametrize(
    "message",
    [
        # closed by 「够吗」 after saying what the applicant wishes to apply for
        "苏北的一个县，县里想报2024年度保护示范区，我们是国家知识产权强县建设试点县。够吗？",
        # a statement of facts, 「几个亿」 a figure said roughly, not a question of how many
        "设区市政府，22年度地理标志项目。我们打算报的XX鱼，证明商标还在商标局审查，没批下来。"
        "其他都挺好，销售额几个亿。",
        # 「还是」 as still, in a statement closed as one (not 「A还是B」 asked)
        "22年高价值专利新建，学校电气学院。这个学院2018年已经牵头做过一期省高价值专利培育了，"
        "这次还是电气学院，方向还是特高压输变电。",
    ],
)
def test_facts_told_without_the_usual_question_reach_the_checker(assistant: Assistant, message: str) -> None:
    reply = ask(assistant, message)
    assert reply.decision is not None, reply.answer[:200]
    assert reply.decision["eligible"] is not True


def test_the_program_the_message_says_it_asks_about_is_checked(assistant: Assistant) -> None:
    """「问的是22年保护示范区创建」 names the program asked, over 地理标志 named in passing; 「我们
    上面的县」 is the park's county, not the applicant; 「成果都有」 in a statement asks no list."""
    reply = ask(
        assistant,
        "国家高新区，入选国家知识产权试点园区，园区知识产权局是独立机构，专利商标地理标志都统一管。"
        "万人发明专利拥有量2020年排全省园区第6。我们上面的县和设区市都没承担本项目。问的是22年保护示范区创建。",
    )
    assert reply.decision["program"] == "2022-protection-zone" and reply.decision["applicant_type"] == "park"
    statement = ask(
        assistant,
        "我们学校想牵头报22年高价值专利新建项目，研发国际领先，正在承担国家重点研发计划，产学研合作和成果都有，"
        "经费稳定，知识产权管理制度健全、专兼职5人，该方向有效发明专利90件，无学术不端、无非正常申请。",
    )
    assert statement.decision is not None and statement.decision["program"] == "2022-high-value-patent-new"
    # whether one fact bears, asked mid-sentence with the program named: a check
    bears = ask(assistant, "22年工业品牌，我们2021年被国知局通报过非正常专利申请，会影响吗，别的条件都够")
    assert bears.decision is not None and bears.decision["eligible"] is False


def test_a_body_no_program_admits_named_in_its_county_is_not_the_county(assistant: Assistant) -> None:
    """「我们是县里的知识产权保护中心，事业单位」: the applicant is the centre, which no program admits,
    not the county it belongs to (found in a blind set: bbc-032 had a wrong 符合 for the county)."""
    reply = ask(
        assistant,
        "我们是县里的知识产权保护中心，事业单位。想以中心的名义申报24年保护示范区，县里是强县试点，撤回率也高于全省平均，可以吗？",
    )
    assert reply.decision["eligible"] is False and "申报主体为知识产权保护中心" in reply.answer


def test_a_project_undertaken_not_as_its_lead_is_asked(assistant: Assistant) -> None:
    """「我们以前承担过省高价值专利培育项目」 does not say as its lead: asked, not a 不符合 (bbc-133)."""
    reply = ask(
        assistant,
        "我们是无锡注册的独立法人企业，行业龙头，我们以前承担过省高价值专利培育项目。现在能报22年的新建吗？",
    )
    assert reply.decision is not None and reply.decision["eligible"] is None
    assert "牵头" in reply.answer


@pytest.mark.parametrize(
    ("turns", "program", "applicant_type"),
    [
        # the capacity one applies in names the applicant (a city, which the program does not admit)
        (
            ["市知识产权局想以市政府的名义申报22年专利转化专项里的产业知识产权运营中心发展，可以吗？"],
            "2022-patent-transfer",
            "city",
        ),
        (
            [
                "我们是省内一所高校，学校的校办产业有个注册商标用了二十年，想以学校名义申报22年工业品牌项目，行不行？"
            ],
            "2022-industrial-brand",
            "research",
        ),
    ],
)
def test_an_applicant_in_a_capacity_no_program_admits_is_no(
    assistant: Assistant, turns: list[str], program: str, applicant_type: str
) -> None:
    reply = ask(assistant, *turns)
    assert reply.decision["program"] == program and reply.decision["applicant_type"] == applicant_type
    assert reply.decision["eligible"] is False


@pytest.mark.parametrize(
    "turns",
    [
        # a list summed up before its no: every item denied, none read as held
        [
            "我们县2021年度和2023年度都评上了省真抓实干成效明显地区，就2022年度没评上。强县示范试点、国家级快速维权中心"
            "这些都没有。2023年度非正常专利撤回率高于全省平均。24年保护示范区够格吗？"
        ],
        # a correction that gives the grade to another body and says the applicant's own
        [
            "我们市是国家知识产权示范城市、有国家级保护中心，21年保护检查优秀，能报22年保护示范区吗？",
            "说错了，21年检查优秀的是我们邻市，我们是合格。",
        ],
    ],
)
def test_denials_and_corrections_never_leave_a_yes(assistant: Assistant, turns: list[str]) -> None:
    assert ask(assistant, *turns).decision["eligible"] is False


@pytest.mark.parametrize(
    "turns",
    [
        # a centre applied for only after the round says nothing of the applicant when it was open
        [
            "我们区是国家强县工程示范区。",
            "国家级快速维权中心是去年（2025年）才开始申报建设的，22年那批申报的时候还没有。",
            "2020年度真抓实干和2020年万人发明排名我得查查。所在市没承担过保护示范区创建。那22年那批我们当时够不够格？",
        ],
        # a follow-up that turns to a park within the district checks the park, whose own rate is asked
        [
            "区政府（国家知识产权强县建设示范区，23年撤回率高于全省平均）能报24年保护示范区吗？",
            "那我们区里的国家级经开区呢？园区是江苏省知识产权建设示范园区。",
        ],
    ],
)
def test_a_fact_not_surely_the_applicants_is_asked(assistant: Assistant, turns: list[str]) -> None:
    assert ask(assistant, *turns).decision["eligible"] is None
