"""The HTML report: one self-contained page (inline CSS and SVG, no scripts, nothing fetched).
Every text from the set, the answers or the guides is HTML-escaped."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from .charts import grouped_bars, latency_histogram, legend
from .dataset import CATEGORY_NAMES
from .labels import CATEGORY_COLUMNS, COLUMN_NAMES, expected_text, fmt, header_lines
from .metrics import EXPECTED_LABELS, GOT_LABELS, LATENCY_METRICS, METRIC_NAMES, METRICS
from .runner import ConfigResult, Evaluation, TurnRecord

STYLE = """
body{font-family:system-ui,"PingFang SC","Microsoft YaHei",sans-serif;margin:24px auto;max-width:1280px;
color:#222;padding:0 16px;line-height:1.5}
h1{font-size:1.6em}h2{margin-top:2em;border-bottom:1px solid #ddd;padding-bottom:4px}
table{border-collapse:collapse;margin:8px 0 16px;font-size:13px}
th,td{border:1px solid #ccc;padding:4px 8px;vertical-align:top;text-align:left}
th{background:#f3f5f8}td.num{text-align:right;font-variant-numeric:tabular-nums}
td.bad{background:#fbeaea}pre{white-space:pre-wrap;margin:0;font:inherit;max-width:460px}
.legend .key{margin-right:16px}.swatch{display:inline-block;width:12px;height:12px;margin-right:4px;
vertical-align:middle}.reasons{color:#a02c2c}.note{color:#666;font-size:13px}
figure{margin:8px 0 24px;overflow-x:auto}figcaption{font-weight:600;margin-bottom:4px}
"""


def render_html(evaluation: Evaluation) -> str:
    results = evaluation.results
    body = [
        "<h1>申报指南问答助手 · 评测报告</h1>",
        *(f'<p class="note">{escape(line)}</p>' for line in header_lines(evaluation)),
        "<h2>总体指标</h2>",
        _overall_table(results),
        legend([r.name for r in results]),
        *_charts(results),
        "<h2>各类别指标</h2>",
        *(f"<h3>{escape(r.name)}</h3>{_category_table(r)}" for r in results),
        "<h2>申报资格判断混淆表（按项目）</h2>",
        '<p class="note">行为期望结论，列为实际结论；对角线以外都是错判。</p>',
        *(_confusion_section(r) for r in results),
        "<h2>未通过的轮次</h2>",
        *(_failure_section(r) for r in results),
    ]
    return (
        '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>评测报告</title><style>{STYLE}</style></head><body>{''.join(body)}</body></html>\n"
    )


def _overall_table(results: Sequence[ConfigResult]) -> str:
    head = _row(["指标", *(r.name for r in results)], "th")
    rows = [
        _row([METRIC_NAMES[m], *(fmt(m, r.metrics[m]) for r in results)], numeric_from=1) for m in METRICS
    ]
    rows.append(_row(["用时（秒）", *(f"{r.seconds:.1f}" for r in results)], numeric_from=1))
    rows.append(
        _row(["未通过轮数", *(f"{len(r.failures)} / {len(r.records)}" for r in results)], numeric_from=1)
    )
    described = "".join(
        f"<li><b>{escape(r.name)}</b>：{escape(r.description)}（检索 {escape(r.retrieval_mode)}，"
        f"语言模型 {escape(r.llm_backend)}）</li>"
        for r in results
    )
    return f"<table>{head}{''.join(rows)}</table><ul>{described}</ul>"


def _charts(results: Sequence[ConfigResult]) -> list[str]:
    shares = [m for m in METRICS if m not in LATENCY_METRICS]
    metric_chart = grouped_bars(
        [METRIC_NAMES[m] for m in shares],
        [(r.name, [r.metrics[m] for m in shares]) for r in results],
        1.0,
        title="各项指标（按配置）",
    )
    categories = [c for c in CATEGORY_NAMES if any(c in r.by_category() for r in results)]
    pass_chart = grouped_bars(
        [CATEGORY_NAMES[c] for c in categories],
        [(r.name, [r.by_category().get(c, {}).get("pass_rate") for c in categories]) for r in results],
        1.0,
        lambda v: f"{v:.0%}",
        title="各类别通过率（按配置）",
    )
    facts_chart = grouped_bars(
        [CATEGORY_NAMES[c] for c in categories],
        [(r.name, [r.by_category().get(c, {}).get("citation_recall") for c in categories]) for r in results],
        1.0,
        title="各类别引用召回率（按配置）",
    )
    latency = latency_histogram(
        [(r.name, [rec.actual.latency_ms for rec in r.records]) for r in results], "每轮耗时分布（毫秒）"
    )
    return [
        _figure("各项指标（按配置；耗时除外，越高越好）", metric_chart),
        _figure("各类别通过率（一轮的所有检查都通过才算通过）", pass_chart),
        _figure("各类别引用召回率", facts_chart),
        _figure("每轮耗时分布（横轴：毫秒区间；纵轴：占全部轮次的比例）", latency),
    ]


def _figure(caption: str, svg: str) -> str:
    return f"<figure><figcaption>{escape(caption)}</figcaption>{svg}</figure>"


def _category_table(result: ConfigResult) -> str:
    head = _row(["类别", *(COLUMN_NAMES[c] for c in CATEGORY_COLUMNS)], "th")
    rows = [
        _row(
            [f"{CATEGORY_NAMES[c]}（{c}）", *(fmt(col, m.get(col)) for col in CATEGORY_COLUMNS)],
            numeric_from=1,
        )
        for c, m in result.by_category().items()
    ]
    return f"<table>{head}{''.join(rows)}</table>"


def _confusion_section(result: ConfigResult) -> str:
    tables = []
    for program, table in result.confusion().items():
        head = _row(["期望 \\ 实际", *GOT_LABELS], "th")
        rows = []
        for e in EXPECTED_LABELS:
            cells = [f"<th>{escape(e)}</th>"]
            for g in GOT_LABELS:
                n = table[e][g]
                cls = ' class="num bad"' if n and e != g else ' class="num"'
                cells.append(f"<td{cls}>{n}</td>")
            rows.append(f"<tr>{''.join(cells)}</tr>")
        tables.append(f"<h4>{escape(program)}</h4><table>{head}{''.join(rows)}</table>")
    return f"<h3>{escape(result.name)}</h3>{''.join(tables) or '<p>没有资格判断的轮次。</p>'}"


def _failure_section(result: ConfigResult) -> str:
    title = f"<h3>{escape(result.name)}（{len(result.failures)} 轮）</h3>"
    if not result.failures:
        return f"{title}<p>全部通过。</p>"
    head = _row(["轮次", "类别", "问题", "原因", "期望", "实际回答", "引用"], "th")
    return f"{title}<table>{head}{''.join(_failure_row(r) for r in result.failures)}</table>"


def _failure_row(record: TurnRecord) -> str:
    reasons = "".join(f"<li>{escape(reason)}</li>" for reason in record.scores.reasons)
    cited = "<br>".join(escape(ref) for ref in record.cited_refs) or "（无）"
    warnings = (
        f'<div class="note">警告：{escape("、".join(record.warnings))}</div>' if record.warnings else ""
    )
    cells = [
        f"<td>{escape(record.item_id)}#{record.turn}</td>",
        f"<td>{escape(CATEGORY_NAMES.get(record.category, record.category))}</td>",
        f"<td>{escape(record.question)}</td>",
        f'<td class="reasons"><ul>{reasons}</ul></td>',
        f"<td><pre>{escape(expected_text(record))}</pre></td>",
        f"<td><pre>{escape(record.actual.answer)}</pre>{warnings}</td>",
        f"<td>{cited}</td>",
    ]
    return f"<tr>{''.join(cells)}</tr>"


def _row(values: Sequence[str], tag: str = "td", numeric_from: int | None = None) -> str:
    cells = []
    for i, value in enumerate(values):
        cls = ' class="num"' if numeric_from is not None and i >= numeric_from and tag == "td" else ""
        cells.append(f"<{tag}{cls}>{escape(value)}</{tag}>")
    return f"<tr>{''.join(cells)}</tr>"
