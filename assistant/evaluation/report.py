"""The report for people: Markdown (report.md) and a self-contained HTML page (report.html, see
html.py). Metrics per configuration and per category, eligibility confusion tables per
program, and every failed turn with the question, what was expected, the answer and its
citations."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import InputError
from .dataset import CATEGORY_NAMES
from .labels import CATEGORY_COLUMNS, COLUMN_NAMES, expected_text, fmt, header_lines
from .metrics import EXPECTED_LABELS, GOT_LABELS, METRIC_NAMES, METRICS
from .page import render_html

if TYPE_CHECKING:
    from .runner import ConfigResult, Evaluation, TurnRecord


def write_report(evaluation: Evaluation, directory: Path) -> tuple[Path, Path]:
    """Write report.md and report.html into the directory (created when missing)."""
    try:
        directory.mkdir(parents=True, exist_ok=True)
        markdown, page = directory / "report.md", directory / "report.html"
        markdown.write_text(render_markdown(evaluation), encoding="utf-8")
        page.write_text(render_html(evaluation), encoding="utf-8")
    except OSError as exc:
        raise InputError(f"无法写入报告目录 {directory}：{exc.strerror}。请换一个 --report 目录。") from None
    return markdown, page


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
