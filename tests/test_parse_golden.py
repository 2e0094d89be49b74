"""Golden tests of the clause tree built from the real guide texts in knowledge/.

Every expected value here was checked by eye against knowledge/guides/*. When the parser
output was wrong, it is not enshrined: the test is marked xfail with the reason.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from assistant.domain import PARA, PAREN_CN, ROOT, SECTION, TRAILER
from assistant.ingest.knowledge_base import KnowledgeBase
from assistant.ingest.manifest import load_manifest, read_source
from assistant.ingest.parse import parse_guide

KNOWLEDGE = Path(__file__).resolve().parent.parent / "knowledge"
MANIFEST = KNOWLEDGE / "manifest.yaml"

PZ24 = "2024-protection-zone"
PZ22 = "2022-protection-zone"
NOTICE = "2022-notice"
GI = "2022-gi-brand"
IND = "2022-industrial-brand"
HVP = "2022-high-value-patent"
PT = "2022-patent-transfer"
POLICY = "2023-policy-measures"
TZ = "2022-tongzhou-plan"
ALL_GUIDES = (PZ24, NOTICE, PZ22, GI, IND, HVP, PT, POLICY, TZ)


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase.load(KNOWLEDGE)


def child_keys(kb: KnowledgeBase, clause_id: str) -> list[str]:
    return [c.rsplit(":", 1)[-1].rsplit(".", 1)[-1] for c in kb.clause(clause_id).children]


def raw_text(guide_id: str) -> str:
    manifest = load_manifest(MANIFEST)
    entry = next(e for e in manifest.guides if e.id == guide_id)
    return read_source(MANIFEST, entry)


# --------------------------------------------------------------------------------------
# Shape of every guide's tree
# --------------------------------------------------------------------------------------

# guide id -> (total clauses, top-level titles in order)
SHAPES = {
    PZ24: (87, ["支持重点", "申报主体", "申报条件", "项目任务和绩效目标", "组织方式", "申报要求", "联系人"]),
    NOTICE: (1, []),
    PZ22: (78, ["支持对象", "申报主体", "申报条件", "项目任务和绩效目标", "组织方式", "申报要求", "联系人"]),
    GI: (32, ["支持重点", "申报主体", "申报条件", "项目任务和绩效目标", "组织方式", "申报要求", "联系人"]),
    IND: (32, ["支持重点", "申报主体", "申报条件", "项目任务和绩效目标", "组织方式", "申报要求", "联系人"]),
    HVP: (58, ["支持重点", "申报主体", "申报条件", "项目任务和绩效目标", "组织方式", "申报要求", "联系人"]),
    PT: (56, ["高校院所知识产权运营能力提升", "产业知识产权运营中心发展", "组织方式", "申报要求", "联系人"]),
    POLICY: (
        29,
        [
            "鼓励知识产权高质量创速",  # the source's last character is mangled (damage-noted)
            "促进知识产权高效益运用",
            "实施知识产权高标准保护",
            "发展知识产权高水平服务",
            "实施知识产权高效能管理",
            "构建知识产权高品质环境",
            "各地各部门要结合实际",
        ],
    ),
    TZ: (50, ["总体思路", "基本原则", "主要目标", "重点任务", "时序进度", "保障措施", "抄送"]),
}

# clause id -> number of children (counted in the source by hand)
CHILD_COUNTS = {
    # 2024: 三 has (一)(二)(三); the three applicant types' tasks and goals under 四
    PZ24: 7,
    f"{PZ24}:3": 3,
    f"{PZ24}:3.1": 3,
    f"{PZ24}:3.2": 2,
    f"{PZ24}:3.3": 3,
    f"{PZ24}:4": 3,
    f"{PZ24}:4.1": 2,
    f"{PZ24}:4.1.1": 12,
    f"{PZ24}:4.1.2": 8,
    f"{PZ24}:4.2": 2,
    f"{PZ24}:4.2.1": 10,
    f"{PZ24}:4.2.2": 8,
    f"{PZ24}:4.3": 2,
    f"{PZ24}:4.3.1": 8,
    f"{PZ24}:4.3.2": 7,
    f"{PZ24}:5": 3,
    f"{PZ24}:6": 3,
    # 2022 保护示范区: 三 has (一)(二)(三) plus the closing exclusion paragraph
    f"{PZ22}:3": 4,
    f"{PZ22}:3.1": 3,
    f"{PZ22}:3.2": 3,
    f"{PZ22}:3.3": 4,
    f"{PZ22}:4": 3,
    f"{PZ22}:4.1.1": 11,
    f"{PZ22}:4.1.2": 5,
    f"{PZ22}:4.2.1": 9,
    f"{PZ22}:4.2.2": 4,
    f"{PZ22}:4.3.1": 8,
    f"{PZ22}:4.3.2": 4,
    f"{PZ22}:5": 3,
    f"{PZ22}:6": 3,
    # 地理标志
    f"{GI}:3": 4,
    f"{GI}:4.1": 8,
    f"{GI}:4.2": 3,
    f"{GI}:5": 3,
    f"{GI}:6": 4,
    # 工业品牌
    f"{IND}:3": 6,
    f"{IND}:4.1": 6,
    f"{IND}:4.2": 2,
    f"{IND}:6": 5,
    # 高价值专利: 新建 (企业 / 高校院所) and 升级
    f"{HVP}:3": 2,
    f"{HVP}:3.1": 2,
    f"{HVP}:3.1.1": 5,
    f"{HVP}:3.1.2": 5,
    f"{HVP}:3.2": 4,
    f"{HVP}:4.1.1": 5,
    f"{HVP}:4.1.2": 3,
    f"{HVP}:4.2.1": 6,
    f"{HVP}:4.2.2": 4,
    f"{HVP}:6": 5,
    # 专利转化: two directions, each (一)…(五)
    f"{PT}:1": 5,
    f"{PT}:1.3": 3,
    f"{PT}:1.4": 5,
    f"{PT}:1.5": 5,
    f"{PT}:2": 5,
    f"{PT}:2.3": 3,
    f"{PT}:2.4": 8,
    f"{PT}:2.5": 2,
    f"{PT}:2.5.1": 4,
    f"{PT}:2.5.2": 4,
    f"{PT}:3": 3,
    f"{PT}:4": 3,
    # 政策措施: 21 measures under six sections
    f"{POLICY}:1": 3,
    f"{POLICY}:2": 5,
    f"{POLICY}:3": 4,
    f"{POLICY}:4": 2,
    f"{POLICY}:5": 5,
    f"{POLICY}:6": 2,
    # 通州方案
    f"{TZ}:2": 5,
    f"{TZ}:4": 6,
    f"{TZ}:4.1": 3,
    f"{TZ}:4.2": 3,
    f"{TZ}:4.3": 5,
    f"{TZ}:4.4": 7,
    f"{TZ}:4.5": 3,
    f"{TZ}:4.6": 2,
    f"{TZ}:5": 3,
    f"{TZ}:6": 5,
}


def test_every_manifest_guide_is_parsed(kb: KnowledgeBase) -> None:
    assert [g.id for g in kb.guides] == list(ALL_GUIDES)
    assert len(kb.clauses) == sum(total for total, _ in SHAPES.values()) == 423


@pytest.mark.parametrize("guide_id", ALL_GUIDES)
def test_guide_shape(kb: KnowledgeBase, guide_id: str) -> None:
    total, titles = SHAPES[guide_id]
    clauses = kb.guide_clauses(guide_id)
    assert len(clauses) == total
    assert clauses[0].id == guide_id and clauses[0].kind == ROOT
    assert [c.title for c in kb.top_sections(guide_id)] == titles


@pytest.mark.parametrize(("clause_id", "count"), sorted(CHILD_COUNTS.items()))
def test_child_counts(kb: KnowledgeBase, clause_id: str, count: int) -> None:
    assert len(kb.clause(clause_id).children) == count


@pytest.mark.parametrize("guide_id", ALL_GUIDES)
def test_tree_is_consistent(kb: KnowledgeBase, guide_id: str) -> None:
    clauses = kb.guide_clauses(guide_id)
    ids = [c.id for c in clauses]
    assert len(ids) == len(set(ids))
    for clause in clauses:
        assert clause.guide_id == guide_id
        assert clause.id.startswith(guide_id)
        for child_id in clause.children:
            assert kb.clause(child_id).parent_id == clause.id
        if clause.parent_id is not None:
            assert clause.id in kb.clause(clause.parent_id).children
        if clause.kind != ROOT:
            assert clause.text, f"{clause.id} has no text"
    assert [c.order for c in clauses] == sorted(c.order for c in clauses)


@pytest.mark.parametrize("guide_id", ALL_GUIDES)
def test_numbering_runs_in_sequence(kb: KnowledgeBase, guide_id: str) -> None:
    """Numbered siblings of one kind count 1, 2, 3… (the 2023 measures continue (一)…(二十一)
    across sections, so there the sequence runs across the whole guide)."""
    continuing: list[int] = []
    for clause in kb.guide_clauses(guide_id):
        numbers = [kb.clause(c).number for c in clause.children if kb.clause(c).kind not in (PARA, TRAILER)]
        if guide_id == POLICY and clause.kind == SECTION:
            continuing.extend(numbers)
            continue
        assert numbers == list(range(1, len(numbers) + 1)), clause.id
    if guide_id == POLICY:
        assert continuing == list(range(1, 22))


# --------------------------------------------------------------------------------------
# Sample clauses: id, label, ref and verbatim text
# --------------------------------------------------------------------------------------

SAMPLES = [
    (
        f"{PZ24}:2",
        "二、申报主体",
        "2024 保护示范区 二",
        "二、申报主体\n设区市、县（市、区）人民政府，园区管委会。",
    ),
    (
        f"{PZ24}:3.1.2",
        "三、申报条件（一）第2项",
        "2024 保护示范区 三（一）2",
        "2.已建设国家级知识产权保护中心；",
    ),
    (
        f"{PZ24}:3.2.1",
        "三、申报条件（二）第1项",
        "2024 保护示范区 三（二）1",
        "1.被评为2022年度省知识产权工作真抓实干成效明显地区，或被评为国家知识产权强县建设示范、"
        "试点县，或已建设国家级知识产权快速维权中心；",
    ),
    (
        f"{PZ24}:4.1.1.12",
        "四、项目任务和绩效目标（一）第1项（12）",
        "2024 保护示范区 四（一）1（12）",
        "（12） 其他特色工作。",
    ),
    (
        f"{PZ24}:4.2.2.2",
        "四、项目任务和绩效目标（二）第2项（2）",
        "2024 保护示范区 四（二）2（2）",
        "（2）区域内知识产权民事案件一审服判息诉率93%以上；",
    ),
    (
        f"{PZ24}:5.3",
        "五、组织方式（三）",
        "2024 保护示范区 五（三）",
        "（三）项目实施期为3年，立项后拨付一定启动资金。项目实施满一年后组织中期评估，"
        "根据评估情况拨付后续资金。项目实施期满后进行评价和验收。",
    ),
    (
        f"{PZ24}:6.3",
        "六、申报要求（三）",
        "2024 保护示范区 六（三）",
        "（三）项目申报截止日期为2024年2月29日。纸质材料由设区市知识产权局汇总后报送省知识产权局"
        "（寄送地址：南京市建邺区汉中门大街145号省政务服务中心二楼省知识产权保护中心综合受理窗口）。",
    ),
    (
        f"{PZ22}:1",
        "一、支持对象",
        "2022 保护示范区 一",
        "一、支持对象\n本项目支持对象为我省设区市、县（市、区）和园区"
        "（指国家级高新技术产业开发区、经济技术开发区、产业园区）。",
    ),
    (
        f"{PZ22}:3.2",
        "三、申报条件（二）",
        "2022 保护示范区 三（二）",
        "（二）申报创建知识产权保护示范区的县（市、区）应为国家知识产权示范城市或国家强县工程示范县"
        "（市、区），且符合下列条件之一：",
    ),
    (
        f"{PZ22}:4.2.1.9",
        "四、项目任务和绩效目标（二）第1项（9）",
        "2022 保护示范区 四（二）1（9）",
        "(9) 其他特色工作。",
    ),
    (
        f"{PZ22}:6.3",
        "六、申报要求（三）",
        "2022 保护示范区 六（三）",
        "（三）项目申报截止日期为 2022 年 2 月 15 日。",
    ),
    (
        f"{GI}:2",
        "二、申报主体",
        "2022 地理标志 二",
        "二、申报主体\n设区市、县(市、区)人民政府。",
    ),
    (
        f"{GI}:3.1",
        "三、申报条件（一）",
        "2022 地理标志 三（一）",
        "(一)本项目需指定区域内一项地理标志作为重点培育和保护对象,该地理标志经批准获得地理标志产品保护"
        "或者作为集体商标、证明商标注册时间超过 3 年以上。",
    ),
    (
        f"{GI}:5.3",
        "五、组织方式（三）",
        "2022 地理标志 五（三）",
        "（三）项目实施期限为2年，立项后拨付一定启动资金，项目实施满一年后组织中期评估，"
        "根据评估情况拨付剩余资金。",
    ),
    (
        f"{IND}:2",
        "二、申报主体",
        "2022 工业品牌 二",
        "二、申报主体\n江苏省内注册的具有独立法人资格的工业企业。",
    ),
    (
        f"{IND}:3.4",
        "三、申报条件（四）",
        "2022 工业品牌 三（四）",
        "（四）重视技术创新，上一年度研发费用投入占销售收入比例达3%以上，拥有一定数量的有效发明专利。",
    ),
    (
        f"{IND}:6.4",
        "六、申报要求（四）",
        "2022 工业品牌 六（四）",
        "（四）各设区市、县（市、区）知识产权局对辖区内项目申报材料进行网上审核，并按程序逐级推荐。"
        "各设区市知识产权局推荐项目数不超过5项。",
    ),
    (
        f"{HVP}:3.1.1.2",
        "三、申报条件（一）第1项（2）",
        "2022 高价值专利 三（一）1（2）",
        "（2）近三年研发费用投入占销售收入的比例达 3.5%以上，上一年度知识产权费用占研发费用投入的比例达 5%以上。",
    ),
    (
        f"{HVP}:3.2.1",
        "三、申报条件（二）第1项",
        "2022 高价值专利 三（二）1",
        "1. 2021年以前已通过省高价值专利培育计划项目验收。",
    ),
    (
        f"{HVP}:4.2.2.4",
        "四、项目任务和绩效目标（二）第2项（4）",
        "2022 高价值专利 四（二）2（4）",
        "(4) 带动相关产业创新发展的成效明显。",
    ),
    (
        f"{PT}:1.3.1",
        "一、高校院所知识产权运营能力提升（三）第1项",
        "2022 专利转化 一（三）1",
        "1. 专利管理能力强。申报单位高度重视知识产权特别是专利转化工作,知识产权管理制度相对完善,"
        "配有知识产权管理人员不少于 5 人,其中专职从事专利转化工作的人员不少于 2 人;",
    ),
    (
        f"{PT}:2.2",
        "二、产业知识产权运营中心发展（二）",
        "2022 专利转化 二（二）",
        "（二）申报主体\n省内园区（国家级新区、高新技术产业开发区、经济技术开发区）管委会。",
    ),
    (
        f"{PT}:2.5.2.1",
        "二、产业知识产权运营中心发展（五）第2项（1）",
        "2022 专利转化 二（五）2（1）",
        "(1) 建设专利技术供需目录，每年实现精准推送信息 5000 条以上；",
    ),
    (
        f"{PT}:4.3",
        "四、申报要求（三）",
        "2022 专利转化 四（三）",
        "(三) 每个设区市推荐高校院所知识产权运营能力提升、产业知识产权运营中心发展两个方向的数量各不超过一个。",
    ),
    (
        f"{POLICY}:2.4",
        "二、促进知识产权高效益运用（四）",
        "2023 政策措施 二（四）",
        "(四)完善知识产权转化运营机制。推进知识产权权益分配制度改革试点,高校、科研院所利用财政资金"
        "取得的技术类知识产权,可以按照国家有关规定赋予完成人所有权或者长期使用权。实施专利转化支持计划,"
        "对转化成效突出的高校、科研院所、企事业单位给予资金支持。支持专利权人采用或参照开放许可方式,"
        "开展专利技术许可。对入选省优秀版权作品产业转化重点培育库项目的,给予资金扶持。"
        "(省教育厅、省科技厅、省财政厅、省国资委、省知识产权局、省版权局等按职责分工负责)",
    ),
    (
        f"{POLICY}:4.14",
        "四、发展知识产权高水平服务（十四）",
        "2023 政策措施 四（十四）",
        "(十四)促进知识产权服务业发展。对新认定的省级知识产权服务业集聚区给予适当补助。"
        "支持外国专利代理机构在江苏设立常驻代表机构,鼓励符合条件的外国人参加专利代理师资格考试。"
        "支持行业组织开展优秀知识产权服务机构品牌价值信息发布活动。鼓励专利代理机构和专利代理师为"
        "小微企业以及无收入或者低收入的发明人、设计人提供专利代理援助服务。"
        "(省知识产权局、省财政厅、省外办等按职责分工负责)",
    ),
    (
        f"{TZ}:2.1",
        "二、基本原则第1项",
        "2022 通州方案 二1",
        "1. 坚持党的领导。把加强党的领导贯穿到知识产权工作各方面和全过程，认真贯彻落实习近平总书记对"
        "知识产权工作作出的一系列重要指示，增强“四个意识”，坚定“四个自信”，做到“两个维护”，"
        "坚决贯彻落实好中央、省、市对知识产权工作的决策部署。",
    ),
    (
        f"{TZ}:5.2",
        "五、时序进度第2项",
        "2022 通州方案 五2",
        "2. 组织实施阶段（2023年1月-2025年4月底）。根据国家知识产权强县建设工作方案确立的主要目标、"
        "重点任务，做好任务分解和责任落实，明确推进时间节点，强化各方联动，不断提升示范创建工作水平，"
        "确保高质量完成各项任务目标。",
    ),
    (
        f"{TZ}:4.4.6",
        "四、重点任务（四）第6项",
        "2022 通州方案 四（四）6",
        "6. 申报国家海外知识产权纠纷应对指导中心南通家纺分中心。完善海外知识产权纠纷应对指导工作体系建设，"
        "构建海外纠纷协调解决机制，持续优化营商环境，维护本地企业海外合法权益。重点开展海外知识产权纠纷"
        "信息收集与分析、海外知识产权纠纷案件业务指导、海外知识产权风险防控培训与宣传等工作。"
        "〔责任单位：中国南通（家纺）知识产权快速维权中心负责〕",
    ),
]


@pytest.mark.parametrize(("clause_id", "label", "ref", "text"), SAMPLES, ids=[s[0] for s in SAMPLES])
def test_sample_clause(kb: KnowledgeBase, clause_id: str, label: str, ref: str, text: str) -> None:
    clause = kb.clause(clause_id)
    assert clause.label == label
    assert clause.ref == ref
    assert clause.text == text


def test_heading_path_and_path(kb: KnowledgeBase) -> None:
    clause = kb.clause(f"{PZ24}:4.2.2.1")
    assert clause.heading_path == (
        "2024年度省知识产权建设示范（保护示范区）项目申报指南",
        "项目任务和绩效目标",
        "县（市、区）",
        "绩效目标",
        "知识产权管理和执法队伍进一步充实",
    )
    assert clause.path == (4, 2, 2, 1)
    assert clause.parent_id == f"{PZ24}:4.2.2"


def test_roots_carry_the_titles_and_intros(kb: KnowledgeBase) -> None:
    assert kb.clause(PZ24).text == "2024年度省知识产权建设示范（保护示范区）项目申报指南"
    assert kb.clause(PZ22).text == "2022 年度省知识产权保护示范区创建项目 申报指南"
    assert kb.clause(GI).text == "2022 年度省商标品牌培育和保护项目 (地理标志) 申报指南"
    assert kb.clause(IND).text == "2022年度省商标品牌培育和保护项目 (工业品牌)申报指南"
    assert kb.clause(HVP).text == "2022 年度省高价值专利培育计划项目 申报指南"
    assert kb.clause(PT).text == (
        "2022 年度省专利转化专项计划项目申报指南\n"
        "2022 年度省专利转化专项计划项目包括两个方向,分别是:高校院所知识产权运营能力提升、产业知识产权运营中心发展。"
    )
    assert kb.clause(PZ24).label == "导言"
    assert kb.clause(PZ24).ref == "2024 保护示范区"


# --------------------------------------------------------------------------------------
# The 2024 guide's broken numbering under 四
# --------------------------------------------------------------------------------------


def test_2024_broken_numbering_gives_three_applicant_nodes(kb: KnowledgeBase) -> None:
    assert list(kb.clause(f"{PZ24}:4").children) == [f"{PZ24}:4.1", f"{PZ24}:4.2", f"{PZ24}:4.3"]
    for key, title in (("4.1", "设区市"), ("4.2", "县（市、区）"), ("4.3", "园区")):
        node = kb.clause(f"{PZ24}:{key}")
        assert node.kind == PAREN_CN
        assert node.title == title
        assert node.parent_id == f"{PZ24}:4"
        assert list(node.children) == [f"{PZ24}:{key}.1", f"{PZ24}:{key}.2"]
        assert kb.clause(f"{PZ24}:{key}.1").title == "项目任务"
        assert kb.clause(f"{PZ24}:{key}.2").title == "绩效目标"
    # the source line is 「1. 设区市」: the text stays verbatim, the note says how it was read
    promoted = kb.clause(f"{PZ24}:4.1")
    assert promoted.text == "1. 设区市"
    assert promoted.label == "四、项目任务和绩效目标（一）"
    assert promoted.ref == "2024 保护示范区 四（一）"
    assert promoted.notes == ("原文编号为「1.」，按其层级视为（一）",)
    assert kb.clause(f"{PZ24}:4.2").notes == ()
    assert kb.clause(f"{PZ24}:4.3").notes == ()
    assert kb.clause(f"{PZ24}:4.2").text == "（二）县（市、区）"
    assert kb.clause(f"{PZ24}:4.3").text == "（三）园区"


@pytest.mark.parametrize(
    ("node", "tasks", "goals"),
    [("4.1", 12, 8), ("4.2", 10, 8), ("4.3", 8, 7)],
)
def test_2024_tasks_and_goals_item_counts(kb: KnowledgeBase, node: str, tasks: int, goals: int) -> None:
    task_items = kb.children(kb.clause(f"{PZ24}:{node}.1"))
    goal_items = kb.children(kb.clause(f"{PZ24}:{node}.2"))
    assert [c.number for c in task_items] == list(range(1, tasks + 1))
    assert [c.number for c in goal_items] == list(range(1, goals + 1))
    assert task_items[-1].title == "其他特色工作"
    assert all(not c.children for c in task_items + goal_items)


def test_2024_goals_are_not_mixed_between_applicant_types(kb: KnowledgeBase) -> None:
    city = kb.full_text(kb.clause(f"{PZ24}:4.1.2"))
    county = kb.full_text(kb.clause(f"{PZ24}:4.2.2"))
    park = kb.full_text(kb.clause(f"{PZ24}:4.3.2"))
    assert "年度知识产权执法案卷评查获评优秀等次" in city
    assert "案卷评查" not in county and "案卷评查" not in park
    assert "建设覆盖本辖区各县（市、区）的知识产权快速协同保护体系" in city
    assert "园区内知识产权行政执法案件年均增长5%以上" in park
    assert "一审服判息诉率93%以上" in county and "服判息诉率" not in park


# --------------------------------------------------------------------------------------
# The 2022 notice: the notice itself and its attachments as separate guides
# --------------------------------------------------------------------------------------


def test_2022_notice_root_is_the_notice_only(kb: KnowledgeBase) -> None:
    root = kb.clause(NOTICE)
    assert root.children == ()
    assert root.text.startswith("江苏省知识产权局文件\n苏知发〔2021〕140号\n")
    assert "附件：1. 2022 年度省知识产权保护示范区创建项目申报指南\n" in root.text
    assert "4. 2022 年度省专利转化专项计划项目申报指南\n江苏省知识产权局\n2021 年 12 月 24 日" in root.text
    assert "支持对象" not in root.text  # attachment 1 did not leak into the notice


def test_2022_attachments_are_separate_trees(kb: KnowledgeBase) -> None:
    texts = {g: "\n".join(c.text for c in kb.guide_clauses(g)) for g in (PZ22, GI, IND, HVP, PT)}
    # each attachment's own content, and nothing of its neighbours
    assert "保护示范区" in texts[PZ22] and "地理标志作为重点培育" not in texts[PZ22]
    assert "工业品牌" not in texts[GI] and "工业企业" not in texts[GI]
    assert "地理标志产品生产规范" not in texts[IND]
    assert "高价值专利培育计划项目验收" in texts[HVP] and "利税总额均不低于2000万元" not in texts[HVP]
    assert "高校院所知识产权运营能力提升" in texts[PT] and "升级项目" not in texts[PT]
    assert kb.clause(f"{GI}:contact").text.count("张云芳") == 1
    assert "徐长春" in kb.clause(f"{IND}:contact").text
    assert kb.guide(GI).deadline == kb.guide(IND).deadline == "2022-01-30"


def test_2022_gi_and_industrial_brand_are_distinct(kb: KnowledgeBase) -> None:
    assert kb.clause(f"{GI}:2").text == "二、申报主体\n设区市、县(市、区)人民政府。"
    assert kb.clause(f"{IND}:2").text == "二、申报主体\n江苏省内注册的具有独立法人资格的工业企业。"
    assert kb.clause(f"{GI}:4.1").title == kb.clause(f"{IND}:4.1").title == "重点完成以下任务"
    assert len(kb.clause(f"{GI}:4.1").children) == 8
    assert len(kb.clause(f"{IND}:4.1").children) == 6


def test_2022_high_value_patent_new_and_upgrade(kb: KnowledgeBase) -> None:
    assert kb.clause(f"{HVP}:3.1").title == "新建项目"
    assert kb.clause(f"{HVP}:3.2").title == "升级项目"
    assert kb.clause(f"{HVP}:4.1").title == "新建项目"
    assert kb.clause(f"{HVP}:4.2").title == "升级项目"
    assert kb.clause(f"{HVP}:3.1.1").title == "申报主体是企业的"
    assert kb.clause(f"{HVP}:3.1.2").title == "申报主体是高校、科研院所、重点实验室、新型研发机构的"
    assert kb.clause(f"{HVP}:3.2").text == "(二) 升级项目\n牵头申报的企业、高校、科研院所,应满足以下条件:"
    assert [kb.clause(f"{HVP}:4.{n}.1").title for n in (1, 2)] == ["重点完成以下任务"] * 2
    assert [kb.clause(f"{HVP}:4.{n}.2").title for n in (1, 2)] == ["绩效目标"] * 2


def test_2022_patent_transfer_two_directions(kb: KnowledgeBase) -> None:
    first = [kb.clause(c).title for c in kb.clause(f"{PT}:1").children]
    second = [kb.clause(c).title for c in kb.clause(f"{PT}:2").children]
    assert first == ["支持重点", "申报主体", "申报条件", "项目任务", "绩效目标"]
    assert second == ["支持重点技术领域", "申报主体", "申报条件", "项目任务", "绩效目标"]
    assert kb.clause(f"{PT}:1.2").text == "(二) 申报主体\n在我省注册的具有独立法人资格的高等学校、科研院所。"
    assert kb.clause(f"{PT}:1.4").text == (
        "（四）项目任务\n高校院所知识产权运营能力提升计划实施期 2 年，重点完成以下任务："
    )
    # 组织方式 and 申报要求 are shared by both directions
    assert kb.clause(f"{PT}:3").parent_id == PT
    assert kb.clause(f"{PT}:4").parent_id == PT
    assert [kb.clause(c).title for c in kb.clause(f"{PT}:2.5").children] == ["园区", "产业知识产权运营中心"]


def test_2022_protection_zone_exclusion_paragraph_is_its_own_node(kb: KnowledgeBase) -> None:
    node = kb.clause(f"{PZ22}:3.p1")
    assert node.kind == PARA
    assert node.parent_id == f"{PZ22}:3"
    assert (
        node.text
        == "已承担本项目的设区市所属县（市、区）、园区不得申报，已承担本项目的县（市、区）所属园区不得申报。"
    )
    assert node.label == "三、申报条件（第1段）"
    assert node.ref == "2022 保护示范区 三（第1段）"
    assert list(kb.clause(f"{PZ22}:3").children)[-1] == node.id
    assert "不得申报" not in kb.clause(f"{PZ22}:3.3.4").text
    assert kb.clause(f"{PZ22}:3.3.4").text == "4. 入选国家知识产权试点示范园区。"


def test_2022_high_value_patent_tax_exemption_stays_with_its_item(kb: KnowledgeBase) -> None:
    item = kb.clause(f"{HVP}:3.1.1.3")
    assert item.text == (
        "（3）经营状况良好，近三年利税总额均不低于 2000 万元；\n"
        "国家制造业单项冠军企业、国家专精特新“小巨人”企业可不受利税总额限制。"
    )
    assert item.parent_id == f"{HVP}:3.1.1"
    assert kb.clause(f"{HVP}:3.1.1.4").text.startswith("(4) 知识产权管理制度比较健全")
    assert not any(c.kind == PARA for c in kb.guide_clauses(HVP))


# --------------------------------------------------------------------------------------
# Page breaks re-joined
# --------------------------------------------------------------------------------------

REJOINED = [
    (f"{PZ22}:3.2.1", "1. 被评为 2020 年度省知识产权工作真抓实干成效明显地区；"),
    (f"{PZ22}:4.1.1.1", "《江苏省“十四五”知识产权发展规划》以及省委省政府有关知识产权决策部署"),
    (f"{PZ22}:4.1.1.4", "不断提升执法办案质量和效能"),
    (f"{PZ22}:4.3.2.3", "知识产权服务业集聚区建设初见成效"),
    (f"{PZ22}:6.2", "“江苏省知识产权项目管理信息系统” (https://pm.jsipp.cn/nbsgd/jsip_pms/main/login.html)"),
    (f"{GI}:3.3", "手工艺品类上一年度产品销售额在1000 万元以上,其他类别上一年度产品销售额在 5000 万元以上。"),
    (f"{GI}:4.1.4", "深挖地理标志产品价值和历史人文故事"),
    (f"{IND}:5.1", "报送至设区市知识产权局；设区市知识产权局进行初审"),
    (f"{HVP}:3.1.2.4", "或有效发明专利数量不少于50件(进入国家阶段的PCT专利申请可按1:2抵算有效发明专利数)"),
    (f"{HVP}:4.2.1.2", "“牵鼻子”“卡脖子”技术"),
    (f"{PT}:1.5.1", "1. 高校院所年度转让、许可、作价入股专利件数增幅不低于 20%；"),
    (f"{PT}:2.3.2", "“链主企业”“单项冠军”“优势企业”"),
    (f"{PT}:2.4.6", "降低中小企业获取专利技术的资金门槛和技术风险。"),
    (f"{TZ}:cc", "区法院、检察院，区各人民团体"),
]


@pytest.mark.parametrize(("clause_id", "fragment"), REJOINED, ids=[r[0] for r in REJOINED])
def test_page_break_rejoined(kb: KnowledgeBase, clause_id: str, fragment: str) -> None:
    assert fragment in kb.clause(clause_id).text


def test_rejoined_item_is_exactly_one_paragraph(kb: KnowledgeBase) -> None:
    assert kb.clause(f"{PZ22}:3.2.1").text == "1. 被评为 2020 年度省知识产权工作真抓实干成效明显地区；"
    assert "\n" not in kb.clause(f"{HVP}:3.1.2.4").text
    # no clause of the 2022 notice's guides has a paragraph left over from a page break
    for guide_id in (PZ22, GI, IND, HVP, PT):
        for clause in kb.guide_clauses(guide_id):
            for line in clause.text.split("\n")[1:]:
                assert not re.match(r"^[区于明系业资融强权]", line), (clause.id, line)


# --------------------------------------------------------------------------------------
# The damaged 2023 text
# --------------------------------------------------------------------------------------


def test_2023_damaged_clauses(kb: KnowledgeBase) -> None:
    damaged = {c.id for c in kb.guide_clauses(POLICY) if c.damaged}
    assert {POLICY, f"{POLICY}:1", f"{POLICY}:1.1", f"{POLICY}:p1"} <= damaged
    # clauses whose source lines hold no lost character are not marked
    for key in ("1.2", "1.3", "2.4", "2.5", "3.9", "3.10", "5.15", "6.21"):
        clause = kb.clause(f"{POLICY}:{key}")
        assert not clause.damaged and clause.damage_notes == (), key


def test_2023_question_marks_kept_exactly(kb: KnowledgeBase) -> None:
    raw = raw_text(POLICY)
    # every "?" stays, including the ones before quote entities (they may hide a lost character)
    in_clauses = sum(c.text.count("?") for c in kb.guide_clauses(POLICY))
    assert in_clauses == raw.count("?") == 30
    award = kb.clause(f"{POLICY}:1.1").text
    assert "对获得金奖、银奖、优秀奖、发明人奖的,分别给?0万元?0万元?0万元?万元奖励。" in award
    assert "对获得中国专利奖金奖、银奖、优秀奖的,分别给?00万元?0万元?0万元奖励" in award
    assert "对获得中国外观设计金奖、银奖、优秀奖的,分别给?0万元?5万元?0万元奖励。" in award
    closing = kb.clause(f"{POLICY}:p1")
    assert closing.label == "正文结尾"
    assert closing.parent_id == POLICY
    assert closing.text == (
        "各地各部门要结合实际,制定具体配套政策和实施细则,完善部门沟通协调和工作联动机制,"
        "确保各项政策措施全面有效落实。本通知?023??9日施行,有效期至2028??8日,"
        "《省政府关于印发知识产权强省建设若干政策措施的通知》(苏政发?017?2号)同时废止。"
    )
    root = kb.clause(POLICY).text
    assert "\n2023??9?\n" in root
    assert "《知识产权强国建设纲要(2021?035年)》《江苏省知识产权强省建设纲要?021?035年)》" in root


def test_2023_encoding_debris_is_gone(kb: KnowledgeBase) -> None:
    for clause in kb.guide_clauses(POLICY):
        for debris in ("/p>", "ldquo;", "rdquo;", "&"):
            assert debris not in clause.text, (clause.id, debris)
    root = kb.clause(POLICY).text
    assert "请认真贯彻执行。\n" in root  # 「、/p>」 → 。
    assert "\n(此件公开发布)\n" in root  # 「(/p>」 → )
    assert "?“苏知?”政银合作子产品" in kb.clause(f"{POLICY}:2.6").text
    assert kb.clause(f"{POLICY}:2.4").text.endswith("按职责分工负责)")


def test_2023_damage_notes_name_the_illegible_phrase(kb: KnowledgeBase) -> None:
    assert kb.clause(f"{POLICY}:1.1").damage_notes == (
        "「分别给?0万元?0万元?0万元?万元奖励」中有字符或数字缺失（以?标出）",
        "「分别给?00万元?0万元?0万元奖励」中有字符或数字缺失（以?标出）",
        "「分别给?0万元?5万元?0万元奖励」中有字符或数字缺失（以?标出）",
    )
    assert kb.clause(f"{POLICY}:p1").damage_notes == (
        "「本通知?023??9日施行」中有字符或数字缺失（以?标出）",
        "「有效期至2028??8日」中有字符或数字缺失（以?标出）",
        "「苏政发?017?2号」中有字符或数字缺失（以?标出）",
    )
    section = kb.clause(f"{POLICY}:1")
    assert section.text == "一、鼓励知识产权高质量创速"
    assert section.damage_notes == ("段末字符「速」为乱码（原字无法辨认）",)
    root_notes = kb.clause(POLICY).damage_notes
    assert "段末字符「庛」为乱码（原字无法辨认）" in root_notes
    assert "「2023??9?」中有字符或数字缺失（以?标出）" in root_notes
    assert "「2021?035年」中有字符或数字缺失（以?标出）" in root_notes
    assert any("江苏省知识产权强省建设纲要?021?035年" in n for n in root_notes)
    assert kb.is_damaged(kb.clause(f"{POLICY}:1"))


def test_2023_quote_entity_sites_are_marked_damaged(kb: KnowledgeBase) -> None:
    for key in ("2.6", "4.13", "6.20"):
        assert kb.clause(f"{POLICY}:{key}").damaged, key


# --------------------------------------------------------------------------------------
# Contact blocks and trailers
# --------------------------------------------------------------------------------------

CONTACTS = {
    PZ24: "联系人：省知识产权局知识产权保护处  杨  晶\n电  话：025-83279961",
    PZ22: "联系人：省知识产权局知识产权保护处 杨晶\n电 话：025-83279961",
    GI: "联系人：省知识产权局产业促进处 张云芳\n电 话：025-83236249",
    IND: "联系人: 省知识产权局产业促进处 徐长春\n电 话: 025-83236375",
    HVP: "联系人：省知识产权局产业促进处 安文龙\n电 话：025-83236249",
    PT: "联系人：省知识产权局知识产权服务处 张静\n电 话：025-83279967",
}


@pytest.mark.parametrize(("guide_id", "text"), sorted(CONTACTS.items()))
def test_contact_block(kb: KnowledgeBase, guide_id: str, text: str) -> None:
    contact = kb.clause(f"{guide_id}:contact")
    assert contact.kind == TRAILER
    assert contact.parent_id == guide_id
    assert contact.label == "联系方式"
    assert contact.ref == f"{kb.guide(guide_id).year} {kb.guide(guide_id).short_name} 联系方式"
    assert contact.text == text
    assert list(kb.clause(guide_id).children)[-1] == contact.id
    # the contact lines did not stay in the last numbered clause
    for clause in kb.guide_clauses(guide_id):
        if clause.id != contact.id:
            assert "联系人" not in clause.text and "025-" not in clause.text, clause.id


def test_guides_without_contact_block(kb: KnowledgeBase) -> None:
    for guide_id in (NOTICE, POLICY, TZ):
        assert not kb.has_clause(f"{guide_id}:contact")
    cc = kb.clause(f"{TZ}:cc")
    assert cc.kind == TRAILER
    assert cc.label == "抄送及印发"
    assert cc.text == (
        "抄送：区委各部门，区人大常委会办公室，区政协办公室，区法院、检察院，区各人民团体；区各垂直管理部门。\n"
        "南通市通州区人民政府办公室\n2022年11月14日印发"
    )


# --------------------------------------------------------------------------------------
# Debris
# --------------------------------------------------------------------------------------

DEBRIS = ("[image:", "[bookmark:", "- 18 -", "- 17 -", "_1234567891", "_123456789", "**", "\\_", "](", "##")


def test_no_debris_in_any_clause(kb: KnowledgeBase) -> None:
    for clause in kb.clauses:
        for debris in DEBRIS:
            assert debris not in clause.text, (clause.id, debris)
            assert debris not in clause.title, (clause.id, debris)
        assert not re.search(r"(^|\n)\s*-\s*\d{1,3}\s*-\s*($|\n)", clause.text), clause.id
        assert not re.search(r"(^|\n)\s*#", clause.text), clause.id


def test_tongzhou_plan_debris_gone(kb: KnowledgeBase) -> None:
    raw = raw_text(TZ)
    assert "[image:" in raw and "- 18 -" in raw and "_1234567891" in raw  # the source does have them
    text = "\n".join(c.text for c in kb.guide_clauses(TZ))
    assert "image" not in text and "wmf" not in text
    assert not re.search(r"_\d{6,}", text)
    assert kb.clause(f"{TZ}:6.5").text.endswith("营造知识产权发展良好环境。")


def test_tongzhou_timeline(kb: KnowledgeBase) -> None:
    stages = [kb.clause(c).title for c in kb.clause(f"{TZ}:5").children]
    assert stages == [
        "宣传动员阶段（2022年8月-12月底）",
        "组织实施阶段（2023年1月-2025年4月底）",
        "总结验收阶段（2025年5月-2025年7月底）",
    ]


def test_tongzhou_responsibility_bracket_ends_a_paragraph(kb: KnowledgeBase) -> None:
    assert "按职责分工负责〕\n发挥高新技术产业基地" in kb.clause(f"{TZ}:4.2.1").text
    assert "按职责分工负责〕\n加大地理标志品牌培育力度" in kb.clause(f"{TZ}:4.2.2").text
    assert "按职责分工负责〕\n扶持新闻出版" in kb.clause(f"{TZ}:4.2.3").text


def test_tongzhou_title_not_joined_to_addressees(kb: KnowledgeBase) -> None:
    assert "（2022-2025年）的通知\n南通高新区管委会" in kb.clause(TZ).text


# --------------------------------------------------------------------------------------
# Stable ids
# --------------------------------------------------------------------------------------


def _ids(guide_id: str, raw: str, kb: KnowledgeBase) -> list[str]:
    return [c.id for c in parse_guide(kb.guide(guide_id), raw)]


@pytest.mark.parametrize("guide_id", ALL_GUIDES)
def test_parsing_twice_gives_identical_clauses(kb: KnowledgeBase, guide_id: str) -> None:
    raw = raw_text(guide_id)
    first = parse_guide(kb.guide(guide_id), raw)
    second = parse_guide(kb.guide(guide_id), raw)
    assert first == second
    assert [c.id for c in first] == [c.id for c in kb.guide_clauses(guide_id)]


@pytest.mark.parametrize("guide_id", ALL_GUIDES)
@pytest.mark.parametrize(
    "prefix",
    ["\n", "\n\n\n", "[bookmark: x]\n", "[bookmark: _GoBack]\n\n", "[image: image1.wmf]\n- 1 -\n"],
    ids=["blank", "blanks", "bookmark", "bookmark-blank", "image-page"],
)
def test_ids_do_not_depend_on_leading_debris(kb: KnowledgeBase, guide_id: str, prefix: str) -> None:
    raw = raw_text(guide_id)
    assert _ids(guide_id, prefix + raw, kb) == _ids(guide_id, raw, kb)


@pytest.mark.parametrize("guide_id", ALL_GUIDES)
def test_ids_do_not_depend_on_trailing_debris(kb: KnowledgeBase, guide_id: str) -> None:
    raw = raw_text(guide_id)
    assert _ids(guide_id, raw + "\n\n- 19 -\n[image: x.wmf]\n_1234567893\n", kb) == _ids(guide_id, raw, kb)


def test_ids_derive_from_printed_numbers_not_position(kb: KnowledgeBase) -> None:
    """Dropping 一、 from the 2024 text leaves every other id as it was."""
    raw = raw_text(PZ24)
    without_first = raw.replace(
        "一、支持重点\n重点支持我省知识产权基础好、综合实力强的设区市、县（市、区）和园区。\n", ""
    )
    assert without_first != raw
    before = _ids(PZ24, raw, kb)
    after = _ids(PZ24, without_first, kb)
    assert after == [i for i in before if i != f"{PZ24}:1"]


def test_ids_do_not_depend_on_other_guides(kb: KnowledgeBase) -> None:
    """An attachment parsed on its own gets the ids it has inside the knowledge base."""
    for guide_id in (PZ22, GI, IND, HVP, PT):
        assert _ids(guide_id, raw_text(guide_id), kb) == [c.id for c in kb.guide_clauses(guide_id)]
