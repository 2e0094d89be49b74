"""The report for people: Markdown (report.md) and a self-contained HTML page (report.html, see
html.py). Metrics per configuration and per category, eligibility confusion tables per
program, and every failed turn with the question, what was expected, the answer and its
citations."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import InputError
from .dataset import CATEGORY_NAMES
from .metrics import EXPECTED_LABELS, GOT_LABELS, LATENCY_METRICS, METRIC_NAMES, METRICS

if TYPE_CHECKING:
    from .runner import ConfigResult, Evaluation, TurnRecord

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


def write_report(evaluation: Evaluation, directory: Path) -> tuple[Path, Path]:
    """Write report.md and report.html into the directory (created when missing)."""
    from .page import render_html

    try:
        directory.mkdir(parents=True, exist_ok=True)
        markdown, page = directory / "report.md", directory / "report.html"
        markdown.write_text(render_markdown(evaluation), encoding="utf-8")
        page.write_text(render_html(evaluation), encoding="utf-8")
    except OSError as exc:
        raise InputError(f"无法写入报告目录 {directory}：{exc.strerror}。请换一个 --report 目录。") from None
    return markdown, page


def header_lines(evaluation: Evaluation) -> list[str]:
    names = "、".join(r.name for r in evaluation.results)
    when = datetime.now().strftime("%Y-%m-%d %H:%M")
    return [
        f"评测集：{evaluation.set_path}，{evaluation.items} 条对话、{evaluation.turns} 轮；配置：{names}；生成于 {when}。",
        "所有指标都是确定性计算（不用评审模型）；每条指标的含义见 eval/README.md。",
    ]


def render_markdown(evaluation: Evaluation) -> str:
    results = evaluation.results
    lines = ["# 申报指南问答助手 · 评测报告", "", *header_lines(evaluation), ""]
    lines += ["## 总体指标", "", *_table(["指标", *(r.name for r in results)], _metric_rows(results)), ""]
    lines += [
        "| 配置 | 说明 | 检索 | 语言模型 | 用时（秒） | 失败轮数 |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    lines += [
        f"| {r.name} | {_md(r.description)} | {r.retrieval_mode} | {r.llm_backend} | {r.seconds:.1f} | "
        f"{len(r.failures)} / {len(r.records)} |"
        for r in results
    ]
    lines += ["", "## 评测集构成", "", *_set_tables(evaluation), ""]
    for result in results:
        lines += [f"## 各类别指标 · {result.name}", "", *_category_table(result), ""]
    for result in results:
        lines += [f"## 申报资格判断混淆表 · {result.name}", "", "行为期望结论，列为实际结论。", ""]
        for program, table in result.confusion().items():
            lines += [f"**{program}**", "", *_confusion_table(table), ""]
    for result in results:
        lines += [f"## 未通过的轮次 · {result.name}（{len(result.failures)} 轮）", ""]
        lines += _failure_table(result.failures) if result.failures else ["全部通过。"]
        lines.append("")
    return "\n".join(lines)


def _metric_rows(results: Sequence[ConfigResult]) -> list[list[str]]:
    return [[METRIC_NAMES[m], *(fmt(m, r.metrics[m]) for r in results)] for m in METRICS]


def _set_tables(evaluation: Evaluation) -> list[str]:
    categories = [[f"{CATEGORY_NAMES[c]}（{c}）", str(n)] for c, n in evaluation.categories.items()]
    guides = [[g, str(n)] for g, n in evaluation.guides.items()]
    return [*_table(["类别", "对话数"], categories), "", *_table(["指南", "涉及的对话数"], guides)]


def _category_table(result: ConfigResult) -> list[str]:
    rows = [
        [f"{CATEGORY_NAMES[c]}（{c}）", *(fmt(col, m.get(col)) for col in CATEGORY_COLUMNS)]
        for c, m in result.by_category().items()
    ]
    return _table(["类别", *(COLUMN_NAMES[c] for c in CATEGORY_COLUMNS)], rows)


def _confusion_table(table: dict[str, dict[str, int]]) -> list[str]:
    rows = [[e, *(str(table[e][g]) for g in GOT_LABELS)] for e in EXPECTED_LABELS]
    return _table(["期望 \\ 实际", *GOT_LABELS], rows)


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


def _failure_table(failures: Sequence[TurnRecord]) -> list[str]:
    rows = [
        [
            f"{r.item_id}#{r.turn}",
            r.category,
            _md(r.question),
            _md("\n".join(r.scores.reasons)),
            _md(expected_text(r)),
            _md(r.actual.answer),
            _md("\n".join(r.cited_refs) or "（无）"),
        ]
        for r in failures
    ]
    return _table(["轮次", "类别", "问题", "原因", "期望", "实际回答", "引用"], rows, escape_cells=False)


def _md(text: str) -> str:
    """A Markdown table cell: HTML-escaped, pipes escaped, line breaks as <br>."""
    return escape(text, quote=False).replace("|", "\\|").replace("\n", "<br>")


def _table(header: Sequence[str], rows: Sequence[Sequence[str]], escape_cells: bool = True) -> list[str]:
    def cells(values: Sequence[str]) -> str:
        return "| " + " | ".join(_md(v) if escape_cells else v for v in values) + " |"

    return [cells(header), "| " + " | ".join("---" for _ in header) + " |", *(cells(r) for r in rows)]
