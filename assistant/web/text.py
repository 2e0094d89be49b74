"""HTML fragments of the page, built from library objects. Every piece of text that comes
from a person or a guide goes through `esc()`: a question, an answer or a clause holding
`<script>` is shown as text, never run. No gradio import here (the fragments are tested
without a server)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from html import escape
from typing import Any
from urllib.parse import quote

from ..answering.checker import MARKS as CONDITION_MARKS
from ..answering.checker import QUOTE_LINE, row_start
from ..domain import Citation, Clause, Guide, Round
from ..ingest.knowledge_base import KnowledgeBase
from ..thresholds import QUESTIONS_AT_ONCE

WARNINGS = {
    "source_damaged": "所引条款的原文有部分字符受损（编码事故），受损处未作推测，请以纸质原件为准。",
    "guide_superseded": "所引指南已被新指南替代，相关内容仅供对比参考。",
    "round_closed": "所引指南的申报期已过，以上是该年度的规定，仅供了解和准备参考。",
    "question_truncated": "内容过长，只读了其中的提问和紧挨着它的前文（见回答开头）。",
    "out_of_scope": "所问内容不在已收录的指南范围内。",
    "unknown_reference": "所写的条款引用找不到，请检查年度、项目和条款编号。",
    "llm_fallback": "语言模型的回答未通过条款核验，已改用确定性答案。",
    "llm_unavailable": "语言模型暂时无法连接，已改用确定性答案。",
    "llm_prompt_echo": "语言模型复述了提示词，已改用确定性答案。",
    "unverified_removed": "回答中未经条款核实的语句已删除。",
    "citation_invalid": "语言模型给出的部分引用无效，已删除。",
    "manifest_mismatch": "所引条款写的截止日期与清单登记的不一致，请以正式发布的通知为准。",
}
MARKS = {"met": ("✓", "met"), "not_met": ("✗", "not-met"), "unknown": ("？", "unknown")}
VERDICTS = {
    True: ("符合申报条件", "yes"),
    False: ("不符合申报条件", "no"),
    None: ("尚不能确定（还缺少信息）", "maybe"),
}


def standing(guide: Guide, today: date) -> str:
    """A guide's standing as of today: its round (「2024年度申报已于2024年2月29日截止」), or the
    manifest's status for a text that is not an application round (「有效期内」)."""
    return Round.of(guide, today).note or guide.status


def esc(text: object) -> str:
    """Text as HTML text: tags, entities and quotes are shown, never interpreted."""
    return escape(str(text), quote=True)


def clause_link(clause_id: str) -> str:
    """A link that opens the clause in the page's clause browser (same references as `lookup`)."""
    return f"?clause={quote(clause_id, safe='')}"


def verbatim(text: str) -> str:
    """A clause's words as text, its web addresses (http/https only) as links."""
    linked = _WEB_ADDRESS.sub(
        lambda m: f'<a href="{m.group(0)}" target="_blank" rel="noopener noreferrer">{m.group(0)}</a>',
        esc(text),
    )
    return f'<div class="verbatim">{linked}</div>'


_WEB_ADDRESS = re.compile(r"https?://[A-Za-z0-9./?=%_~:#+-]+")


# --- chat -------------------------------------------------------------------------------


def answer_html(answer: str, clause_ids: Sequence[str], decision: Mapping[str, Any] | None = None) -> str:
    """An answer as a chat bubble: text shown as text, each [n] a link to its source.

    A click on [n] opens source n in the sources panel when it is there (the page's script,
    CHAT_SCRIPT in keep.py); for an older answer, whose sources the panel no longer shows, the
    link opens the clause in the clause browser. With a `decision`, its card shows each
    condition with its reason and clause: the bubble counts them instead of repeating them."""
    text = _without_conditions(answer, decision) if decision else answer
    return _CITE_MARK.sub(lambda m: _cite_link(m, clause_ids), esc(text))


def _cite_link(mark: re.Match[str], clause_ids: Sequence[str]) -> str:
    number = int(mark.group(1))
    if not 1 <= number <= len(clause_ids):
        return mark.group(0)
    link = clause_link(clause_ids[number - 1])
    return f'<a class="cite" href="{link}" target="_blank" title="查看出处 [{number}]">[{number}]</a>'


_CITE_MARK = re.compile(r"\[(\d{1,3})\]")


def _without_conditions(answer: str, decision: Mapping[str, Any]) -> str:
    """The answer without the decision's condition lines (「✓ 三、申报条件（二）第1项：…」 and
    the quote under one that is not met), a count of them in their place."""
    conditions = decision.get("conditions") or []
    rows = tuple(row_start(c) for c in conditions)
    kept: list[str] = []
    counted = under_row = False  # under_row: the line before was a row (its quote goes with it)
    for line in answer.split("\n"):
        if rows and line.startswith(rows):
            if not counted:
                kept.append(_condition_count(conditions))
            counted = under_row = True
        elif not (under_row and line.startswith(QUOTE_LINE)):
            kept.append(line)
            under_row = False
    return "\n".join(kept)


def _condition_count(conditions: Sequence[Mapping[str, Any]]) -> str:
    labels = {"met": "符合", "not_met": "不符合", "unknown": "待确认"}
    counts = {status: sum(c.get("status") == status for c in conditions) for status in labels}
    said = "、".join(f"{CONDITION_MARKS[s]} {labels[s]} {n} 项" for s, n in counts.items() if n)
    return f"逐条对照共 {len(conditions)} 项（{said}），每项的理由和条款原文见「申报条件核对」。"


def citations_html(kb: KnowledgeBase, citations: Sequence[Citation]) -> str:
    """Numbered sources [n] that open to show guide, label, path and the verbatim clause."""
    if not citations:
        return '<div class="sources empty">（本轮回答没有引用条款）</div>'
    items = [_citation_item(kb, number, c) for number, c in enumerate(citations, start=1)]
    return '<div class="sources">' + "".join(items) + "</div>"


def _citation_item(kb: KnowledgeBase, number: int, citation: Citation) -> str:
    clause = kb.clause(citation.clause_id) if kb.has_clause(citation.clause_id) else None
    path = " › ".join(clause.heading_path) if clause else ""
    ref = clause.ref if clause else citation.clause_id
    return (
        f'<details class="source" data-clause="{esc(citation.clause_id)}">'
        f"<summary>[{number}] 《{esc(citation.doc_title)}》{esc(citation.clause_label)}</summary>"
        f'<div class="meta">路径：{esc(path)}<br>引用：{esc(ref)}　编号：{esc(citation.clause_id)}'
        f'　<a href="{clause_link(citation.clause_id)}" target="_blank">在条款浏览中打开</a></div>'
        f"{verbatim(citation.text)}</details>"
    )


def warnings_html(codes: Iterable[str]) -> str:
    """Each warning code of a reply as a visible notice in Chinese."""
    items = [f'<li data-code="{esc(c)}">⚠ {esc(WARNINGS.get(c, c))}</li>' for c in dict.fromkeys(codes)]
    return f'<ul class="warnings">{"".join(items)}</ul>' if items else ""


def decision_html(
    kb: KnowledgeBase,
    decision: Mapping[str, Any] | None,
    names: tuple[str, str],
    checked_on: date | None = None,
    in_chat: bool = False,
) -> str:
    """The checker's decision as a card (「申报条件核对」): verdict, program, applicant and the
    date of the check, each condition ✓ / ✗ / ？ with its reason and clause (which opens to the
    verbatim text), then the facts still needed. `in_chat`: the chat asks for those facts, so
    the card only counts them."""
    if not decision:
        return ""
    verdict, css = VERDICTS[decision.get("eligible")]
    program, atype = names
    rows = "".join(_condition_row(kb, c) for c in decision.get("conditions", []))
    missing = _missing_count(decision) if in_chat else _missing_facts(decision)
    dated = f"　核对日期：{checked_on.isoformat()}" if checked_on else ""
    return (
        f'<div class="decision {css}"><div class="card-title">申报条件核对</div>'
        f'<div class="verdict">结论：{esc(verdict)}</div>'
        f'<div class="meta">项目：{esc(program)}　申报主体：{esc(atype)}{dated}</div>{_round_line(decision)}'
        f'<ul class="conditions">{rows}</ul>{missing}</div>'
    )


def _round_line(decision: Mapping[str, Any]) -> str:
    """Where the round stands (from the decision's `round`): closed rounds in a warning."""
    current = decision.get("round") or {}
    note = current.get("note")
    if not note:
        return ""
    if current.get("state") == "closed":
        return f'<div class="round closed">⚠ {esc(note)}，以上对照仅供参考。</div>'
    return f'<div class="round open">{esc(note)}</div>'


def _condition_row(kb: KnowledgeBase, condition: Mapping[str, Any]) -> str:
    mark, css = MARKS.get(condition.get("status", ""), MARKS["unknown"])
    clause_id = condition.get("clause_id", "")
    text = kb.citation(clause_id).text if kb.has_clause(clause_id) else ""
    optional = "" if condition.get("required", True) else "（优先支持，不影响结论）"
    return (
        f'<li class="condition {css}"><span class="mark">{mark}</span> '
        f"<b>{esc(condition.get('clause_label', ''))}</b>｜{esc(condition.get('title', ''))}{optional}"
        f'<div class="reason">{esc(condition.get("reason", ""))}</div>'
        f"<details><summary>查看条款原文</summary>{verbatim(text)}"
        f'<a class="open-clause" href="{clause_link(clause_id)}" target="_blank">在条款浏览中打开</a></details></li>'
    )


def _missing_count(decision: Mapping[str, Any]) -> str:
    missing = decision.get("missing_facts") or []
    if not missing or decision.get("eligible") is not None:
        return ""
    first = f"，对话中先问了最能决定结论的 {QUESTIONS_AT_ONCE} 项" if len(missing) > QUESTIONS_AT_ONCE else ""
    return f'<div class="missing">还需要了解 {len(missing)} 项情况{first}：请在对话中回答。</div>'


def _missing_facts(decision: Mapping[str, Any]) -> str:
    missing = decision.get("missing_facts") or []
    if not missing or decision.get("eligible") is not None:
        return ""
    items = "".join(f"<li>{esc(f.get('question', ''))}</li>" for f in missing)
    return f'<div class="missing"><b>还需要了解：</b><ol>{items}</ol></div>'


# --- clause browser and the guides note -----------------------------------------------------


def clause_html(kb: KnowledgeBase, clause: Clause, today: date) -> str:
    """One clause for staff: guide, label, reference, path, notes and the verbatim text."""
    guide = kb.guide(clause.guide_id)
    path = " › ".join(clause.heading_path) or clause.label
    notes = [*(f"原文受损：{n}" for n in _damage_notes(kb, clause)), *clause.notes]
    damaged = (
        '<div class="damaged">⚠ 本条原文有部分字符受损，受损处未作推测。</div>'
        if kb.is_damaged(clause)
        else ""
    )
    return (
        f'<div class="clause" data-clause="{esc(clause.id)}">'
        f'<div class="guide">《{esc(guide.title)}》（{esc(standing(guide, today))}）</div>'
        f'<div class="label">{esc(clause.label or guide.title)}</div>'
        f'<div class="meta">引用：{esc(clause.ref)}　编号：{esc(clause.id)}<br>路径：{esc(path)}</div>'
        f"{damaged}{_notes(notes)}{verbatim(kb.full_text(clause) or '（本条没有正文，见下级条款）')}</div>"
    )


def _damage_notes(kb: KnowledgeBase, clause: Clause) -> list[str]:
    return [n for c in (clause, *kb.descendants(clause)) for n in c.damage_notes]


def _notes(notes: Sequence[str]) -> str:
    return f'<ul class="notes">{"".join(f"<li>{esc(n)}</li>" for n in notes)}</ul>' if notes else ""


def guides_html(guides: Sequence[Guide], mode: str, today: date) -> str:
    """Which guides are loaded (year, standing today) and which answering mode is active."""
    rows = "".join(
        f"<tr><td>{g.year}</td><td>《{esc(g.title)}》</td><td>{esc(standing(g, today))}</td>"
        f"<td>{esc(g.status_note or '')}</td></tr>"
        for g in sorted(guides, key=lambda g: (-g.year, g.id))
    )
    return (
        f'<div class="guides"><div class="mode">回答方式：{esc(mode)}</div>'
        f"<details><summary>已收录 {len(guides)} 份文件（年度与状态）</summary>"
        f"<table><tr><th>年度</th><th>文件</th><th>状态</th><th>说明</th></tr>{rows}</table>"
        "</details></div>"
    )


def error_html(message: str) -> str:
    return f'<div class="error">⚠ {esc(message)}</div>'
