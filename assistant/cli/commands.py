"""The CLI's knowledge-base commands: index, guides, lookup, ask, chat."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any

from ..config import Settings
from ..errors import InputError
from .inputs import is_encodable, parse_json, read_text

MAX_BATCH_LINE = 100_000


def register(subparsers: argparse._SubParsersAction) -> None:
    index = subparsers.add_parser("index", help="解析指南并建立检索索引")
    index.add_argument("--rebuild", action="store_true", help="重新嵌入全部条款（默认只处理有变化的条款）")
    index.set_defaults(handler=run_index)

    guides = subparsers.add_parser("guides", help="列出已收录的指南")
    guides.add_argument("--json", action="store_true")
    guides.set_defaults(handler=run_guides)

    lookup = subparsers.add_parser(
        "lookup", help="按条款引用（如「2024 保护示范区 三（二）1」）或关键词查条款"
    )
    lookup.add_argument("query", nargs="+", help="条款引用、条款编号或关键词")
    lookup.add_argument("--json", action="store_true")
    lookup.set_defaults(handler=run_lookup)

    ask = subparsers.add_parser("ask", help="提问；多个问题视为同一对话的连续多轮")
    ask.add_argument("questions", nargs="*", help="问题（可多个）")
    ask.add_argument("--json", action="store_true", help="每轮输出一行 JSON")
    ask.add_argument("--batch", type=Path, help='JSON lines 文件，每行 {"id": ..., "turns": [...]}')
    ask.set_defaults(handler=run_ask)

    chat = subparsers.add_parser("chat", help="在终端里连续对话（空行或 Ctrl-D 退出）")
    chat.set_defaults(handler=run_chat)

    serve = subparsers.add_parser(
        "serve", help="启动网页：问答、条款浏览、资格自测（索引缺失或过期时先建立）"
    )
    serve.add_argument("--host", default="127.0.0.1", help="监听地址（默认 127.0.0.1，仅本机可访问）")
    serve.add_argument("--port", type=int, default=7860, help="端口（默认 7860）")
    serve.set_defaults(handler=run_serve)


def run_index(args: argparse.Namespace, settings: Settings) -> int:
    from ..eligibility import load_rules
    from ..index.build import build_index
    from ..ingest.knowledge_base import KnowledgeBase

    if "ASSISTANT_EMBED_THREADS" not in os.environ:
        settings = settings.with_(embed_threads=os.cpu_count() or 1)
    kb = KnowledgeBase.load(settings.knowledge_dir)
    load_rules(settings.knowledge_dir / "rules", kb)  # the whole knowledge dir is checked before a write
    print(f"已解析 {len(kb.guides)} 份指南，共 {len(kb.clauses)} 个条款。", file=sys.stderr)
    report = build_index(settings, kb, rebuild=args.rebuild, progress=True)
    _flag_manifest_conflicts(kb)
    if report.changes is not None:
        _print_changes(kb, report.changes)
    if report.up_to_date:
        print(f"索引已是最新（{report.chunks} 个检索单元），无需重建。")
    else:
        print(
            f"索引已建立：{report.chunks} 个检索单元，新嵌入 {report.embedded} 个，复用 {report.reused} 个，"
            f"用时 {report.seconds:.1f} 秒。"
        )
    return 0


SHOWN_CHANGES = 20  # chunks listed by name; the rest are counted


def _print_changes(kb, changes) -> None:
    """What this build changed against the one before: review it before the page serves it."""
    parts = [("新增", changes.added), ("删除", changes.removed), ("改动", changes.changed)]
    if not any(ids for _, ids in parts):
        return
    print(
        "与上次建立的索引相比：" + "，".join(f"{w} {len(ids)} 条" for w, ids in parts) + "。", file=sys.stderr
    )
    for word, ids in parts:
        for clause_id in ids[:SHOWN_CHANGES]:  # a chunk's id is its clause's
            name = kb.clause(clause_id).ref if kb.has_clause(clause_id) else clause_id
            print(f"  {word}：{name}", file=sys.stderr)
        if len(ids) > SHOWN_CHANGES:
            print(f"  …… 另有 {len(ids) - SHOWN_CHANGES} 条{word}", file=sys.stderr)


def _flag_manifest_conflicts(kb) -> None:
    """Guide texts are trusted input: a deadline a clause states that the manifest does not
    register (a planted or mistyped date) is shown to the operator to check."""
    from ..answering.evidence import conflicting_deadlines

    for clause in kb.clauses:
        dates = conflicting_deadlines(kb, clause)
        if dates:
            guide = kb.guide(clause.guide_id)
            print(
                f"请核对：《{guide.title}》{clause.label}写的申报期限（{'、'.join(dates)}）"
                f"与清单登记的（{guide.year}年度，{guide.deadline} 截止）不一致。",
                file=sys.stderr,
            )


def run_guides(args: argparse.Namespace, settings: Settings) -> int:
    from ..domain import Round
    from ..ingest.knowledge_base import KnowledgeBase

    kb = KnowledgeBase.load(settings.knowledge_dir)
    today = settings.today()
    if args.json:
        rows = [
            {**g.__dict__, "clauses": len(kb.guide_clauses(g.id)), "round": Round.of(g, today).to_dict()}
            for g in kb.guides
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    for guide in kb.guides:
        standing = Round.of(guide, today).note or guide.status
        print(f"{guide.id:24} {guide.year}  {guide.kind:4}  《{guide.title}》  {standing}")
    return 0


def run_lookup(args: argparse.Namespace, settings: Settings) -> int:
    from ..retrieval.lookup import LONG_LOOKUP, capped, lookup

    text = " ".join(args.query).strip()
    if not text:
        raise InputError(
            '请输入条款引用或关键词，例如：python -m assistant lookup "2024 保护示范区 三（二）1"'
        )
    result = lookup(settings, text)
    if result.get("truncated"):
        print(LONG_LOOKUP, file=sys.stderr)
        text = capped(text)[0]
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
        return 0
    if result["type"] == "search":
        print(f"「{text}」不是条款引用，以下是最相关的条款：\n")
    for item in result["results"]:
        flag = "（原文部分字符受损）" if item["damaged"] else ""
        print(
            f"《{item['doc_title']}》{item['clause_label']}{flag}\n引用：{item['ref']}　编号：{item['clause_id']}"
        )
        print(item["text"] + "\n")
    return 0


def run_ask(args: argparse.Namespace, settings: Settings) -> int:
    from ..pipeline import Assistant, Conversation

    if args.batch:
        conversations = read_batch(args.batch)
        assistant = Assistant(settings)
        for conv_id, turns in conversations:
            conversation = Conversation()
            replies = [assistant.ask(turn, conversation).to_dict() for turn in turns]
            print(json.dumps({"id": conv_id, "replies": replies}, ensure_ascii=False), flush=True)
        return 0
    questions = [q for q in args.questions if q.strip()]
    if not questions:
        raise InputError('问题为空：请输入要咨询的问题，例如 python -m assistant ask "申报截止到哪天？"')
    assistant, conversation = Assistant(settings), Conversation()
    for question in questions:
        reply = assistant.ask(question, conversation)
        if args.json:
            print(json.dumps(reply.to_dict(), ensure_ascii=False), flush=True)
        else:
            print(f"问：{question}\n答：{reply.answer}\n", flush=True)
    return 0


def read_batch(path: Path) -> list[tuple[Any, list[str]]]:
    """Read `{"id": ..., "turns": [...]}` lines; fail on the first bad line, naming it."""
    if not path.is_file():
        raise InputError(f"找不到批量问题文件 {path}。")
    conversations = []
    lines = read_text(path, "批量问题文件").splitlines()
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            item = parse_json(line[:MAX_BATCH_LINE])
        except ValueError as exc:
            raise InputError(
                f"{path} 第 {number} 行：{exc}，请改正这一行后重试（尚未回答任何问题）。"
            ) from None
        turns = item.get("turns") if isinstance(item, dict) else None
        if "id" not in (item if isinstance(item, dict) else {}):
            raise InputError(f"{path} 第 {number} 行缺少 id 字段。")
        if not isinstance(item["id"], str | int) or isinstance(item["id"], bool):
            raise InputError(f"{path} 第 {number} 行的 id 应为字符串或整数。")
        if not isinstance(turns, list) or not turns or not all(isinstance(t, str) for t in turns):
            raise InputError(f"{path} 第 {number} 行的 turns 应为非空的字符串列表。")
        if not all(is_encodable(t) for t in turns):
            raise InputError(
                f"{path} 第 {number} 行的问题含有无效字符（孤立的代理码位）：请改正后重试（尚未回答任何问题）。"
            )
        conversations.append((item["id"], turns))
    if not conversations:
        raise InputError(f"批量问题文件 {path} 是空的。")
    return conversations


def run_chat(args: argparse.Namespace, settings: Settings) -> int:
    from ..pipeline import Assistant, Conversation

    assistant, conversation = Assistant(settings), Conversation()
    print("江苏省知识产权项目申报指南问答（空行或 Ctrl-D 退出）")
    while True:
        try:
            question = input("\n问> ").strip()
        except EOFError:
            return 0
        except UnicodeDecodeError:
            question = "\udcff"  # undecodable input: answered below like any other
        if not is_encodable(question):
            print("答> 输入的文字不是 UTF-8 编码，无法识别：请把终端编码设为 UTF-8 后重新输入。")
            continue
        if not question:
            return 0
        print("答> " + assistant.ask(question, conversation).answer)


def run_serve(args: argparse.Namespace, settings: Settings) -> int:
    from ..web.app import serve  # gradio is imported only here, so that the other commands start fast

    serve(settings, args.host, args.port)
    return 0
