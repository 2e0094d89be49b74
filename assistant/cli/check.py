"""CLI sub-commands: `programs` (what can be checked, and the facts it needs) and `check`."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from ..config import Settings
from ..domain import Round, with_round
from ..eligibility.engine import check
from ..eligibility.facts import given_facts
from ..eligibility.loader import load_rules
from ..eligibility.render import format_decision, format_programs, programs_dict
from ..eligibility.rules import Rules
from ..errors import FactsError, InputError
from ..ingest.knowledge_base import KnowledgeBase
from .inputs import parse_json, read_text

RULES_DIR = "rules"


def register(subparsers: argparse._SubParsersAction) -> None:
    programs = subparsers.add_parser("programs", help="列出可核对申报条件的项目、申报主体类型及所需事实")
    programs.add_argument("--json", action="store_true", help="输出 JSON")
    programs.set_defaults(handler=run_programs)

    check_parser = subparsers.add_parser("check", help="根据事实文件核对某项目的申报条件")
    check_parser.add_argument("program", help="项目编号或名称，如 2024-protection-zone、保护示范区")
    check_parser.add_argument(
        "--type", required=True, dest="applicant_type", help="申报主体类型，如 county、县"
    )
    check_parser.add_argument("--facts", help="事实文件（JSON 对象）；不填则视为一无所知")
    check_parser.add_argument(
        "--json", action="store_true", help="输出 JSON（ask --json 中的 decision 字段）"
    )
    check_parser.set_defaults(handler=run_check)


def load(settings: Settings) -> tuple[KnowledgeBase, Rules]:
    kb = KnowledgeBase.load(settings.knowledge_dir)
    return kb, load_rules(settings.knowledge_dir / RULES_DIR, kb)


def run_programs(args: argparse.Namespace, settings: Settings) -> int:
    _, rules = load(settings)
    if args.json:
        print(json.dumps(programs_dict(rules), ensure_ascii=False, indent=2))
    else:
        print(format_programs(rules), end="")
    return 0


def run_check(args: argparse.Namespace, settings: Settings) -> int:
    kb, rules = load(settings)
    program = rules.program(args.program)
    program.applicant_type(args.applicant_type)  # report a bad type before reading the file
    facts = given_facts(rules, read_facts_file(Path(args.facts))) if args.facts else {}
    decision = check(rules, program.id, args.applicant_type, facts)
    guide, today = kb.guide(decision.guide_id), settings.today()
    if args.json:
        print(json.dumps(with_round(decision.to_dict(), guide, today), ensure_ascii=False, indent=2))
        return 0
    print(format_decision(decision, note=Round.of(guide, today).warning))
    return 0


def read_facts_file(path: Path) -> dict[str, Any]:
    """A JSON object of facts (optionally under a "facts" key); FactsError says what is wrong."""
    if not path.is_file():
        raise FactsError(f"找不到事实文件 {path}：请检查路径。")
    try:
        data = parse_json(read_text(path, "事实文件"))
    except InputError as exc:
        raise FactsError(str(exc)) from None
    except ValueError as exc:
        raise FactsError(f"事实文件 {path}：{exc}，请改正后重试。") from None
    if isinstance(data, dict) and set(data) == {"facts"}:
        data = data["facts"]
    if not isinstance(data, dict):
        raise FactsError(f'事实文件 {path} 应为 JSON 对象，例如 {{"little_giant": true}}。')
    return data
