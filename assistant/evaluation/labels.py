"""Names and formats shared by the Markdown and HTML reports."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from .metrics import LATENCY_METRICS, METRIC_NAMES

if TYPE_CHECKING:
    from .runner import Evaluation, TurnRecord

CATEGORY_COLUMNS = (
    "turns",
    "pass_rate",
    "recall@5",
    "mrr@10",
    "citation_recall",
    "key_fact_accuracy",
    "number_fidelity",
    "abstention_f1",
    "eligibility_accuracy",
    "latency_p50_ms",
)
COLUMN_NAMES = {**METRIC_NAMES, "turns": "轮数", "pass_rate": "通过率"}


def fmt(metric: str, value: float | int | None) -> str:
    if value is None:
        return "—"
    if metric == "turns":
        return str(int(value))
    if metric in LATENCY_METRICS:
        return f"{value:.1f}"
    return f"{value:.3f}"


def header_lines(evaluation: Evaluation) -> list[str]:
    names = "、".join(r.name for r in evaluation.results)
    when = datetime.now().strftime("%Y-%m-%d %H:%M")
    return [
        f"评测集：{evaluation.set_path}，{evaluation.items} 条对话、{evaluation.turns} 轮；配置：{names}；生成于 {when}。",
        "所有指标都是确定性计算（不用评审模型）；每条指标的含义见 eval/README.md。",
    ]


def expected_text(record: TurnRecord) -> str:
    """What the turn should get, in words."""
    e = record.expected
    parts = ["应作答" if e.answerable else "应答「指南未涉及」"]
    if e.key_facts:
        parts.append("要点：" + "；".join(str(f) for f in e.key_facts))
    if record.gold_refs:
        parts.append("条款：" + "；".join(record.gold_refs))
    if e.decision is not None:
        program, applicant, eligible = e.decision
        label = {True: "符合", False: "不符合", None: "待补充"}[eligible]
        parts.append(f"资格：{program} / {applicant} → {label}")
    return "\n".join(parts)
