"""CLI sub-command `eval`: run configurations over the evaluation set, print the figures,
write report.md and report.html."""

from __future__ import annotations

import argparse
import json
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ..config import PROJECT_ROOT, Settings
from ..errors import InputError
from ..evaluation.configs import CONFIGS
from ..evaluation.labels import fmt
from ..evaluation.metrics import METRIC_NAMES, METRICS

if TYPE_CHECKING:
    from ..evaluation.runner import ConfigResult

DEFAULT_SET = PROJECT_ROOT / "eval" / "testset.jsonl"
DEFAULT_REPORT_DIR = PROJECT_ROOT / "eval" / "reports"


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "eval", help="在评测集上评测助手（检索、引用、要点、拒答、资格判断、耗时），生成报告"
    )
    parser.add_argument(
        "--set", type=Path, default=DEFAULT_SET, help="评测集（JSON lines），默认 eval/testset.jsonl"
    )
    parser.add_argument(
        "--config",
        action="append",
        metavar="NAME",
        help=f"评测配置，可重复，并排比较：{' / '.join(CONFIGS)}（默认 default）",
    )
    parser.add_argument(
        "--report", type=Path, default=DEFAULT_REPORT_DIR, help="报告目录（写入 report.md 和 report.html）"
    )
    parser.add_argument("--json", action="store_true", help="把全部结果以 JSON 输出到标准输出")
    parser.add_argument("--limit", type=int, metavar="N", help="只评测前 N 条对话（试跑用）")
    parser.add_argument("--no-progress", action="store_true", help="不显示进度条")
    parser.set_defaults(handler=run_eval)


def run_eval(args: argparse.Namespace, settings: Settings) -> int:
    if args.limit is not None and args.limit < 1:
        raise InputError(f"--limit {args.limit} 无效：应为正整数。")
    configs = args.config or ["default"]
    for name in configs:
        if name not in CONFIGS:
            raise InputError(f"未知的评测配置「{name}」：可选 {' / '.join(CONFIGS)}。")
    # The assistant, its models and the report's charts: imported only when an evaluation runs.
    from ..evaluation.report import write_report
    from ..evaluation.runner import evaluate, evaluation_dict

    evaluation = evaluate(settings, args.set, configs, args.limit, progress=not args.no_progress)
    markdown, page = write_report(evaluation, args.report)
    if args.json:
        print(json.dumps(evaluation_dict(evaluation), ensure_ascii=False, indent=1))
        return 0
    print(f"评测集 {evaluation.set_path}：{evaluation.items} 条对话，{evaluation.turns} 轮。")
    print(format_table(evaluation.results))
    print(f"报告：{markdown}\n      {page}")
    return 0


def format_table(results: Sequence[ConfigResult]) -> str:
    """The metrics, one row each, one column per configuration (aligned for wide characters)."""
    rows = [["指标", *(r.name for r in results)]]
    rows += [[METRIC_NAMES[m], *(fmt(m, r.metrics[m]) for r in results)] for m in METRICS]
    rows.append(["用时（秒）", *(f"{r.seconds:.1f}" for r in results)])
    rows.append(["未通过轮数", *(str(len(r.failures)) for r in results)])
    first = max(_width(row[0]) for row in rows) + 2
    return "\n".join(
        row[0] + " " * (first - _width(row[0])) + "".join(f"{cell:>12}" for cell in row[1:]) for row in rows
    )


def _width(text: str) -> int:
    """Display width in a terminal: CJK and full-width characters take two columns."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
