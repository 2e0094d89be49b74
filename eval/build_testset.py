"""Builds eval/testset.jsonl, the evaluation set of `python -m assistant eval`, from the three
developer question sets under eval/questions/ (which stay as they are; their ids are kept):

- answers.jsonl     conversations with per-turn gold clauses, key facts and answerability
- eligibility.jsonl conversations with the expected eligibility decision on the last turn
- retrieval.jsonl   single questions with gold clauses; key facts are added below

The result is validated with the same loader `eval` uses. Run it after changing a source set:

    PYTHONPATH=. .venv/bin/python eval/build_testset.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.config import DEFAULT_KNOWLEDGE_DIR  # noqa: E402
from assistant.eligibility import load_rules  # noqa: E402
from assistant.evaluation.dataset import load_set  # noqa: E402
from assistant.ingest.knowledge_base import KnowledgeBase  # noqa: E402

QUESTIONS = ROOT / "eval" / "questions"
TARGET = ROOT / "eval" / "testset.jsonl"

# Questions whose answer differs between the 2022 and the 2024 保护示范区 guides.
DISTRACTORS = {
    "ans-001", "ans-007", "ans-011", "ans-046", "ans-047", "ans-048", "ans-051", "ans-052",
    "ans-053", "ans-054", "ans-055", "ans-056", "ans-106", "ans-110", "ans-119", "ans-121",
    "ans-123",
}  # fmt: skip
# answers.jsonl has two categories the issue folds into others.
ANSWER_CATEGORIES = {"chitchat": "not_in_guides", "injection": "not_in_guides"}
# retrieval.jsonl: "comparison" there marks a year-specific question (a distractor), and
# "lookup" a question about a contact or an address, not a clause reference.
RETRIEVAL_CATEGORIES = {
    "ret-002": "number_date", "ret-005": "list", "ret-011": "fact", "ret-013": "fact",
    "ret-016": "number_date", "ret-017": "number_date", "ret-022": "number_date",
    "ret-023": "number_date", "ret-024": "list", "ret-025": "list", "ret-026": "list",
    "ret-028": "number_date", "ret-030": "number_date", "ret-031": "fact", "ret-033": "fact",
}  # fmt: skip
RETRIEVAL_FACTS: dict[str, list[str]] = {
    "ret-001": ["2024年2月29日"],
    "ret-002": ["2024年2月29日"],
    "ret-003": ["国家知识产权强县建设示范、试点县", "高于全省平均水平"],
    "ret-004": ["国家级高新技术产业开发区或经济技术开发区", "综合性知识产权保护服务载体"],
    "ret-005": ["已建设国家级知识产权保护中心", "高于全省平均水平"],
    "ret-006": ["已建设国家级知识产权保护中心"],
    "ret-007": ["高于全省平均水平"],
    "ret-008": ["3年", "中期评估", "后续资金"],
    "ret-009": ["设区市人民政府出具推荐意见"],
    "ret-010": ["设区市知识产权局汇总", "汉中门大街145号"],
    "ret-011": ["江苏省知识产权综合服务平台", "申报与管理"],
    "ret-012": ["杨晶", "025-83279961"],
    "ret-013": ["同年度、同辖区内不同时立项"],
    "ret-014": ["强化知识产权保护整体部署", "完善知识产权保护法规政策体系"],
    "ret-015": ["年均增长5%以上", "维权援助体系进一步完善"],
    "ret-016": ["5%以上"],
    "ret-017": ["93%以上"],
    "ret-018": ["知识产权基础好、综合实力强"],
    "ret-019": ["园区管委会"],
    "ret-020": ["维权援助分中心"],
    "ret-021": ["取消立项资格"],
    "ret-022": ["2022年度"],
    "ret-023": ["2022年2月15日"],
    "ret-024": ["国家强县工程示范县", "符合下列条件之一"],
    "ret-025": ["2020年度", "国家级知识产权保护中心", "优秀等次"],
    "ret-026": ["独立的知识产权管理机构", "前10位", "国家知识产权试点示范园区"],
    "ret-027": ["不得申报"],
    "ret-028": ["前三"],
    "ret-029": ["3名以上", "2名以上"],
    "ret-030": ["前八"],
    "ret-031": ["江苏省知识产权项目管理信息系统", "pm.jsipp.cn"],
    "ret-032": ["经济技术开发区", "产业园区"],
    "ret-033": ["所辖区域内县（市、区）、园区不立项"],
    "ret-034": ["3年", "省知识产权局组织专家"],
    "ret-035": ["强化知识产权保护部署落实", "健全知识产权管理体制"],
    "ret-036": ["苏知发〔2021〕140号", "2021年12月24日"],
    "ret-037": [
        "保护示范区创建项目申报指南",
        "商标品牌培育和保护项目申报指南",
        "专利转化专项计划项目申报指南",
    ],
    "ret-038": ["1000万元以上", "5000万元以上"],
    "ret-039": ["3年以上"],
    "ret-040": ["不少于2次"],
    "ret-041": ["2年", "中期评估"],
    "ret-042": ["不得申报本年度本项目", "不得指定同一项地理标志"],
    "ret-043": ["2022年1月30日", "设区市知识产权局"],
    "ret-044": ["产业促进处", "张云芳"],
    "ret-045": ["全流程标准化", "农民就业数量"],
    "ret-046": ["不受销售额限制"],
    "ret-047": ["不受利税总额限制"],
    "ret-048": ["3%以上"],
    "ret-049": ["5年以上"],
    "ret-050": ["不少于3人", "5%以上"],
    "ret-051": ["不超过5项"],
    "ret-052": ["1月30日"],
    "ret-053": ["10%以上"],
    "ret-054": ["驰名商标", "国家制造业单项冠军企业"],
    "ret-055": ["不得申报本年度本项目"],
    "ret-056": ["徐长春", "025-83236375"],
    "ret-057": ["2000万元", "不受利税总额限制"],
    "ret-058": ["100件", "50件", "减半"],
    "ret-059": ["研发水平处于国际领先", "不少于100件"],
    "ret-060": ["3.5%以上", "5%以上"],
    "ret-061": ["2021年以前", "省高价值专利培育计划项目验收"],
    "ret-062": ["1:2"],
    "ret-063": ["3年", "每3年"],
    "ret-064": ["不超过6项"],
    "ret-065": ["不得申报2022年新建项目"],
    "ret-066": ["2-3个高价值专利组合", "不低于60%"],
    "ret-067": ["不低于30%"],
    "ret-068": ["安文龙", "025-83236249"],
    "ret-069": ["2022年1月30日"],
    "ret-070": ["省部属高校院所可直接向设区市知识产权局报送"],
    "ret-071": ["不少于5人", "不少于2人"],
    "ret-072": ["150件", "50件"],
    "ret-073": ["15件", "1500万元"],
    "ret-074": ["5000万元", "不低于20%"],
    "ret-075": ["管委会"],
    "ret-076": ["超过50家"],
    "ret-077": ["5000条以上", "100件以上", "200名"],
    "ret-078": ["各不超过一个"],
    "ret-079": ["高校院所知识产权运营能力提升", "产业知识产权运营中心发展"],
    "ret-080": ["2年", "绩效评估"],
    "ret-081": ["知识产权服务处", "025-83279967"],
    "ret-082": ["特高压设备", "集成电路"],
    "ret-083": ["江苏专利奖"],
    "ret-084": ["中国专利奖金奖"],
    "ret-085": ["中国外观设计"],
    "ret-086": ["发明人奖"],
    "ret-087": ["有效期至2028"],
    "ret-088": ["同时废止"],
    "ret-089": ["2023"],
    "ret-090": ["适当补助"],
    "ret-091": ["省普惠金融风险补偿基金"],
    "ret-092": ["所有权或者长期使用权"],
    "ret-093": ["资金支持"],
    "ret-094": ["开放许可"],
    "ret-095": ["取消其试点示范和评优评先资格"],
    "ret-096": ["南京知识产权法院"],
    "ret-097": ["宣传动员阶段", "组织实施阶段", "总结验收阶段"],
    "ret-098": ["2023年1月", "2025年4月底"],
    "ret-099": ["18件"],
    "ret-100": ["2023年起", "50%"],
    "ret-101": ["南通家纺分中心"],
    "ret-102": ["2400人次"],
    "ret-103": ["区政府主要领导"],
    "ret-104": ["2022年11月14日", "第10次常务会议"],
    "ret-105": ["2025年5月", "2025年7月底"],
    "ret-106": ["汽车及零部件", "新一代信息技术", "智能装备"],
    "ret-107": ["2022年1月30日"],
}


def read(name: str) -> list[dict]:
    lines = (QUESTIONS / name).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def from_answers(item: dict) -> dict:
    tags = [item["category"]] if item["category"] in ANSWER_CATEGORIES else []
    category = ANSWER_CATEGORIES.get(item["category"], item["category"])
    turns = []
    for question, gold, facts, answerable in zip(
        item["turns"], item["gold"], item["key_facts"], item["answerable"], strict=True
    ):
        turns.append({"question": question, "answerable": answerable, "gold": gold, "key_facts": facts})
    if any(turn["answerable"] for turn in turns) and category == "not_in_guides":
        category = "number_date"  # ans-103: an injection with a false date, answered correctly
    if item["id"] in DISTRACTORS:
        tags.append("distractor")
    return {"id": item["id"], "category": category, "tags": tags, "note": item["note"], "turns": turns}


def from_eligibility(item: dict) -> dict:
    turns: list[dict] = [{"question": q, "answerable": True} for q in item["turns"]]
    turns[-1]["eligibility"] = {
        "program": item["program"],
        "applicant_type": item["applicant_type"],
        "eligible": item["expected"],
    }
    tags = ["multi_turn"] if len(turns) > 1 else []
    note = "The checker's decision after the last turn."
    return {"id": item["id"], "category": "eligibility", "tags": tags, "note": note, "turns": turns}


def from_retrieval(item: dict) -> dict:
    category = RETRIEVAL_CATEGORIES.get(item["id"], item["category"])
    category = "fact" if category == "lookup" else category
    tags = ["distractor"] if item["id"] in RETRIEVAL_CATEGORIES else []
    turn = {
        "question": item["question"],
        "answerable": True,
        "gold": item["gold"],
        "key_facts": RETRIEVAL_FACTS[item["id"]],
    }
    note = f"From the retrieval set ({item['guide'] or 'several guides'})."
    return {"id": item["id"], "category": category, "tags": tags, "note": note, "turns": [turn]}


def build() -> list[dict]:
    items = [from_answers(i) for i in read("answers.jsonl")]
    items += [from_eligibility(i) for i in read("eligibility.jsonl")]
    asked = {turn["question"] for item in items for turn in item["turns"]}
    items += [from_retrieval(i) for i in read("retrieval.jsonl") if i["question"] not in asked]
    return items


def main() -> None:
    items = build()
    TARGET.write_text(
        "".join(json.dumps(item, ensure_ascii=False) + "\n" for item in items), encoding="utf-8"
    )
    kb = KnowledgeBase.load(DEFAULT_KNOWLEDGE_DIR)
    rules = load_rules(DEFAULT_KNOWLEDGE_DIR / "rules", kb)
    loaded = load_set(TARGET, kb, [p.id for p in rules.programs])
    print(f"{len(loaded)} items written to {TARGET.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
