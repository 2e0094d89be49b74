"""What people keep: an answer with its sources as plain text, a conversation as Markdown, a
decision as Markdown (each condition with its clause and the clause's words, and the date
of the check). Built from the replies' JSON contract (`Reply.to_dict()`), so that what is
kept is what was shown; the page hands the text to the browser to copy or download."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from ..ingest.knowledge_base import KnowledgeBase

VERDICT_WORDS = {True: "符合申报条件", False: "不符合申报条件", None: "尚不能确定（还缺少信息）"}
MARK_WORDS = {"met": "✓ 符合", "not_met": "✗ 不符合", "unknown": "？ 尚不清楚"}


def answer_text(reply: Mapping[str, Any]) -> str:
    """One answer and its numbered sources, each with its clause's words, as plain text."""
    lines = [str(reply.get("answer", ""))]
    citations = reply.get("citations") or []
    if citations:
        lines += ["", "出处："]
        for number, citation in enumerate(citations, start=1):
            lines.append(f"[{number}] 《{citation['doc_title']}》{citation['clause_label']}")
            lines.append(f"    {citation['text']}")
    return "\n".join(lines)


def conversation_markdown(turns: Sequence[Mapping[str, Any]], today: date) -> str:
    """The conversation: each question, its answer, and the sources quoted."""
    lines = ["# 申报指南问答记录", "", f"导出日期：{today.isoformat()}", ""]
    for number, turn in enumerate(turns, start=1):
        reply = turn.get("reply") or {}
        question = re.sub(r"([<>])", r"\\\1", str(turn.get("question", "")))  # typed text stays text
        lines += [f"## 问题 {number}", "", _quoted(question), "", "**回答：**", ""]
        lines += [str(reply.get("answer", "")), ""]
        for index, citation in enumerate(reply.get("citations") or [], start=1):
            lines.append(f"{index}. 《{citation['doc_title']}》{citation['clause_label']}")
            lines.append(_quoted(citation["text"], indent="   "))
        lines.append("")
    lines.append("以上内容依据所引指南条款原文整理，以正式发布的文件为准。")
    return "\n".join(lines) + "\n"


def decision_markdown(
    kb: KnowledgeBase, decision: Mapping[str, Any], names: tuple[str, str], today: date
) -> str:
    """A decision: the verdict, the program and applicant type, the date of the check, where
    the round stands, then every condition with its clause and the clause's words."""
    program, applicant = names
    lines = ["# 申报条件核对结果", "", f"- 核对日期：{today.isoformat()}", f"- 申报项目：{program}"]
    lines += [f"- 申报主体：{applicant}", f"- 结论：**{VERDICT_WORDS[decision.get('eligible')]}**"]
    note = (decision.get("round") or {}).get("note")
    if note:
        lines.append(f"- 申报期：{note}")
    lines += ["", "## 逐条对照", ""]
    for condition in decision.get("conditions", []):
        mark = MARK_WORDS.get(condition.get("status", ""), MARK_WORDS["unknown"])
        optional = "" if condition.get("required", True) else "（优先支持，不影响结论）"
        lines.append(
            f"### {mark}：{condition.get('clause_label', '')}｜{condition.get('title', '')}{optional}"
        )
        lines += ["", f"判断：{condition.get('reason', '')}", ""]
        clause_id = condition.get("clause_id", "")
        if kb.has_clause(clause_id):
            lines += ["条款原文：", "", _quoted(kb.citation(clause_id).text), ""]
    missing = decision.get("missing_facts") or []
    if missing and decision.get("eligible") is None:
        lines += ["## 还需要了解", ""] + [f"{i}. {f.get('question', '')}" for i, f in enumerate(missing, 1)]
        lines.append("")
    lines.append("本结果由规则逐条核对得出，仅供参考；以正式发布的申报指南和主管部门的审核为准。")
    return "\n".join(lines) + "\n"


def _quoted(text: str, indent: str = "") -> str:
    return "\n".join(f"{indent}> {line}" if line else f"{indent}>" for line in text.splitlines() or [""])
