"""The evaluation's metric functions on hand-made cases: retrieval ranks, citations, key facts
after normalisation (numbers, 万/亿, Chinese numerals, dates, full-width forms), number
fidelity, abstention, eligibility confusion, and the floors of the CI gate."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from assistant.errors import InputError
from assistant.evaluation.floors import Floors, load_floors, violations
from assistant.evaluation.measures import ndcg_at, precision_recall_f1, recall_at, reciprocal_rank
from assistant.evaluation.metrics import (
    NO_DECISION,
    OTHER_PROGRAM,
    Actual,
    Expected,
    citation_scores,
    confusion,
    decision_label,
    score,
    summarize,
)
from assistant.evaluation.normalize import canonical, digit_form, fact_matches, numbers_in

G = "2024-protection-zone"


# -- retrieval ---------------------------------------------------------------------------------


def test_recall_and_mrr_count_ancestors_as_covering() -> None:
    retrieved = [f"{G}:1", f"{G}:3", f"{G}:6.3"]
    assert recall_at(retrieved, [f"{G}:3.2.1"], 1) == 0.0
    assert recall_at(retrieved, [f"{G}:3.2.1"], 5) == 1.0  # 3 is an ancestor of 3.2.1
    assert recall_at(retrieved, [f"{G}:3.2", f"{G}:4"], 10) == 0.5
    assert reciprocal_rank(retrieved, [f"{G}:6.3"]) == pytest.approx(1 / 3)
    assert reciprocal_rank(retrieved, [f"{G}:5"]) == 0.0
    assert not recall_at([f"{G}:3.2"], [f"{G}:3.21"], 1)  # a prefix is not an ancestor


def test_ndcg_of_a_perfect_ranking_is_one() -> None:
    gold = [f"{G}:3.1", f"{G}:3.2"]
    assert ndcg_at([f"{G}:3.1", f"{G}:3.2", f"{G}:6"], gold) == pytest.approx(1.0)
    assert ndcg_at([f"{G}:3.2", f"{G}:3.1"], gold) == pytest.approx(1.0)  # order of gold does not matter


def test_ndcg_discounts_by_rank() -> None:
    gold = [f"{G}:6.3"]
    assert ndcg_at([f"{G}:1", f"{G}:6.3"], gold) == pytest.approx(1 / math.log2(3))
    assert ndcg_at([f"{G}:1", f"{G}:2"], gold) == 0.0
    assert ndcg_at([f"{G}:1"] * 10 + [f"{G}:6.3"], gold, k=10) == 0.0  # beyond k
    assert ndcg_at([f"{G}:6.3"], []) == 0.0


def test_ndcg_with_two_gold_clauses_one_found_second() -> None:
    gold = [f"{G}:3.1", f"{G}:3.2"]
    ideal = 1 + 1 / math.log2(3)
    assert ndcg_at([f"{G}:9", f"{G}:3.1"], gold) == pytest.approx((1 / math.log2(3)) / ideal)


def test_ndcg_an_ancestor_covering_every_gold_clause_at_rank_one_is_capped_at_one() -> None:
    assert ndcg_at([f"{G}:3"], [f"{G}:3.1", f"{G}:3.2"]) == 1.0


def test_a_retrieved_clause_counts_once() -> None:
    assert ndcg_at([f"{G}:3.1", f"{G}:3.1"], [f"{G}:3.1", f"{G}:3.2"]) == pytest.approx(
        1 / (1 + 1 / math.log2(3))
    )


def test_precision_recall_f1() -> None:
    assert precision_recall_f1(3, 4, 6) == pytest.approx((0.75, 0.5, 0.6))
    assert precision_recall_f1(0, 0, 5) == (0.0, 0.0, 0.0)


def test_citation_scores() -> None:
    gold = [f"{G}:3.1", f"{G}:3.2"]
    recall, precision = citation_scores([f"{G}:3.1", f"{G}:6.3"], gold)
    assert (recall, precision) == (0.5, 0.5)
    recall, precision = citation_scores([f"{G}:3"], gold)  # the parent holds both
    assert (recall, precision) == (1.0, 1.0)
    assert citation_scores([f"{G}:3.1.2"], gold) == (0.0, 1.0)  # a part of a gold clause is related
    assert citation_scores([], gold) == (0.0, None)
    assert citation_scores([f"{G}:1"], []) == (None, None)


# -- key facts -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("项目实施期为三年", "项目实施期为3年"),
        ("二〇二四年二月二十九日", "2024年2月29日"),
        ("2024-02-29", "2024年2月29日"),
        ("2024/2/29", "2024年2月29日"),
        ("2024年02月09号", "2024年2月9日"),
        ("截止２０２４年２月２９日", "截止2024年2月29日"),
        ("50万元", "500000元"),
        ("1.5亿元", "150000000元"),
        ("20 亿元", "2000000000元"),
        ("一千五百万元", "15000000元"),
        ("利税一千五百万", "利税15000000"),
        ("1,500,000元", "1500000元"),
        ("百分之五", "5%"),
        ("９３％以上", "93%以上"),
        ("十四五规划", "十四五规划"),
        ("一式一份", "一式一份"),
        ("万人发明专利", "万人发明专利"),
    ],
)
def test_canonical(text: str, expected: str) -> None:
    assert canonical(text) == expected


def test_digit_form_keeps_wan_and_yi() -> None:
    assert digit_form("利税一千五百万元") == "利税1500万元"
    assert digit_form("三十万") == "30万"


@pytest.mark.parametrize(
    ("fact", "answer"),
    [
        ("2024年2月29日", "项目申报截止日期为2024-02-29。"),
        ("2024年2月29日", "截止日期：二〇二四年二月二十九日"),
        ("50万元", "补助500000元"),
        ("1000万元以上", "销售额在1000 万元以上"),
        ("20亿元", "质押登记担保金额突破二十亿元"),
        ("3年", "实施期为三年"),
        ("93%以上", "服判息诉率９３％以上"),
        ("025-83279961", "电话：025-83279961"),
        ("国家级 知识产权保护中心", "已建设国家级知识产权保护中心"),
        (93, "一审服判息诉率93%以上"),
        (0.5, "占比0.50"),
        (20000000, "不低于2000万元"),
    ],
)
def test_a_fact_matches_however_it_is_written(fact: str | int | float, answer: str) -> None:
    assert fact_matches(fact, answer)


@pytest.mark.parametrize(
    ("fact", "answer"),
    [
        ("2024年2月29日", "2022年2月15日"),
        ("50万元", "5万元"),
        ("3年", "2年"),
        (93, "930件"),
        (93, "9.3%"),
        (2000, "不低于2000万元"),  # a number fact is a value: 2000万 is 20000000
        ("前八", "前三"),
    ],
)
def test_a_fact_does_not_match_a_different_figure(fact: str | int | float, answer: str) -> None:
    assert not fact_matches(fact, answer)


def test_numbers_in() -> None:
    assert numbers_in("补助五十万元，实施期2年，比例3.50%") == {"500000", "2", "3.5"}


# -- one turn --------------------------------------------------------------------------------------


def actual(answer: str, answerable: bool = True, cited: tuple[str, ...] = (), **kw) -> Actual:
    sources = kw.pop("sources", ())
    return Actual(answer, answerable, cited, sources, kw.pop("retrieved", cited), **kw)


def test_a_correct_turn_passes() -> None:
    expected = Expected(True, (f"{G}:6.3",), ("2024年2月29日",))
    got = actual(
        "项目申报截止日期为2024年2月29日。[1]",
        cited=(f"{G}:6.3",),
        sources=("项目申报截止日期为2024年2月29日。",),
    )
    result = score(["什么时候截止？"], expected, got)
    assert not result.failed
    assert result.retrieval == {
        "recall@1": 1.0,
        "recall@5": 1.0,
        "recall@10": 1.0,
        "mrr@10": 1.0,
        "ndcg@10": 1.0,
    }
    assert (result.citation_recall, result.citation_precision, result.facts_found) == (1.0, 1.0, 1)


def test_failures_are_named() -> None:
    expected = Expected(True, (f"{G}:6.3",), ("2024年2月29日",))
    got = actual("截止日期为2024年3月31日。[1]", cited=(f"{G}:6.2",), sources=("网上申报",))
    reasons = score(["什么时候截止？"], expected, got).reasons
    assert any(r.startswith("未引用标准条款") and f"{G}:6.3" in r for r in reasons)
    assert any(r.startswith("缺少要点") and "2024年2月29日" in r for r in reasons)
    assert any(r.startswith("引用条款中没有的数字") and "31" in r for r in reasons)


def test_abstention_mismatches_are_failures() -> None:
    refused = score(["截止？"], Expected(True, (f"{G}:6.3",)), actual("没有找到。", answerable=False))
    assert refused.reasons[0].startswith("误拒答")
    invented = score(["2025年呢？"], Expected(False), actual("是2025年。", cited=(f"{G}:6.3",)))
    assert invented.reasons[0] == "应拒答却作答"
    correct = score(["2025年呢？"], Expected(False), actual("没有2025年的指南。", answerable=False))
    assert not correct.failed


def test_figures_the_applicant_stated_earlier_count_as_supported() -> None:
    got = actual("有效专利80件，不低于50件。[1]", cited=(f"{G}:3",), sources=("有效发明专利数量不少于50件",))
    assert score(["我们有效专利八十件", "能报吗"], Expected(True), got).unsupported == ()
    assert score(["能报吗"], Expected(True), got).unsupported == ("80",)


def test_a_figure_is_supported_by_its_value() -> None:
    got = actual("销售额12000万元，不低于5000万元。[1]", cited=(f"{G}:3",), sources=("销售额在5000万元以上",))
    assert score(["去年销售额1.2亿元"], Expected(True), got).unsupported == ()
    assert score(["去年销售额1.3亿元"], Expected(True), got).unsupported == ("12000",)


def test_a_figure_lost_in_a_damaged_source_supports_nothing() -> None:
    got = actual(
        "金奖奖励50万元。[1]", cited=("2023-policy-measures:1.1",), sources=("分别给?0万元?0万元奖励",)
    )
    assert score(["金奖奖多少？"], Expected(True), got).unsupported == ("50",)


def test_eligibility_labels() -> None:
    expected = ("2024-protection-zone", "county", True)
    assert decision_label(None, expected) == NO_DECISION
    assert decision_label(
        {"program": "2022-gi-brand", "applicant_type": "county", "eligible": True}, expected
    ) == (OTHER_PROGRAM)
    decided = {"program": "2024-protection-zone", "applicant_type": "county", "eligible": None}
    assert decision_label(decided, expected) == "待补充"
    result = score(["能报吗"], Expected(True, decision=expected), actual("待补充", decision=decided))
    assert result.eligibility == ("符合", "待补充")
    assert result.reasons == ("资格判断：应为「符合」，实为「待补充」",)


def test_confusion_table() -> None:
    table = confusion([("p", ("符合", "符合")), ("p", ("不符合", "待补充")), ("p", ("符合", "符合"))])
    assert table["p"]["符合"]["符合"] == 2
    assert table["p"]["不符合"]["待补充"] == 1
    assert table["p"]["待补充"] == {"符合": 0, "不符合": 0, "待补充": 0, "其他项目": 0, "无结论": 0}


# -- aggregates ----------------------------------------------------------------------------------


def test_summarize() -> None:
    cases = [
        (
            Expected(True, (f"{G}:6.3",), ("2024年2月29日",)),
            actual(
                "2024年2月29日[1]", cited=(f"{G}:6.3",), sources=("截止日期为2024年2月29日",), latency_ms=10
            ),
        ),
        (
            Expected(True, (f"{G}:6.3",), ("汉中门大街145号",)),
            actual("没有找到", answerable=False, latency_ms=30),
        ),
        (Expected(False), actual("没有2025年的指南", answerable=False, latency_ms=20)),
        (Expected(False), actual("有50万元", cited=(f"{G}:5",), latency_ms=40)),
    ]
    metrics = summarize([(e, a, score(["q"], e, a)) for e, a in cases])
    assert metrics["recall@1"] == 0.5  # the refusal retrieved nothing
    assert metrics["citation_recall"] == 0.5
    assert metrics["citation_precision"] == 1.0
    assert metrics["key_fact_accuracy"] == 0.5
    assert metrics["number_fidelity"] == pytest.approx(1 / 2)  # "50" is in no cited clause
    assert metrics["abstention_precision"] == 0.5
    assert metrics["abstention_recall"] == 0.5
    assert metrics["abstention_f1"] == 0.5
    assert metrics["eligibility_accuracy"] is None
    assert metrics["latency_p50_ms"] == 25.0
    assert metrics["latency_p95_ms"] == pytest.approx(38.5)


def test_abstention_is_undefined_without_any_refusal() -> None:
    e, a = Expected(True), actual("答")
    metrics = summarize([(e, a, score(["q"], e, a))])
    assert metrics["abstention_f1"] is None and metrics["recall@5"] is None


# -- floors ------------------------------------------------------------------------------------------


def test_violations() -> None:
    floors = Floors("default", {"recall@5": 0.9, "eligibility_accuracy": 0.9}, {"latency_p95_ms": 100})
    assert violations({"recall@5": 0.95, "eligibility_accuracy": 1.0, "latency_p95_ms": 50}, floors) == []
    problems = violations({"recall@5": 0.85, "eligibility_accuracy": None, "latency_p95_ms": 150}, floors)
    assert len(problems) == 3 and problems[0].startswith("recall@5")


def test_floors_file_names_unknown_metrics(tmp_path: Path) -> None:
    path = tmp_path / "floors.json"
    path.write_text('{"floors": {"recal@5": 0.9}}', encoding="utf-8")
    with pytest.raises(InputError, match="recal@5"):
        load_floors(path)
