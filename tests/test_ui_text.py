"""The page's HTML fragments and form helpers, without a server: text is escaped, every
condition carries its mark and clause, every warning is said in words."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from assistant.domain import Citation
from assistant.eligibility import Interval
from assistant.errors import FactsError
from assistant.ingest.knowledge_base import KnowledgeBase
from assistant.web.form import UNKNOWN, facts_from_form, field_label, form_number
from assistant.web.text import (
    WARNINGS,
    citations_html,
    clause_html,
    clause_link,
    decision_html,
    guides_html,
    warnings_html,
)

TODAY = date(2026, 12, 1)
SCRIPT = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def test_citations_are_numbered_and_escaped(kb: KnowledgeBase) -> None:
    citation = kb.citation("2024-protection-zone:6.3")
    hostile = Citation(citation.doc_id, SCRIPT, citation.clause_id, citation.clause_label, SCRIPT)
    html = citations_html(kb, [citation, hostile])
    assert "[1] 《2024年度省知识产权建设示范（保护示范区）项目申报指南》六、申报要求（三）" in html
    assert "[2] 《&lt;script&gt;" in html
    assert "<script>" not in html and "<img" not in html
    assert "2024 保护示范区 六（三）" in html  # the reference, as `lookup` takes it
    assert clause_link("2024-protection-zone:6.3") in html
    assert "没有引用" in citations_html(kb, [])


def test_every_warning_code_is_said_in_words() -> None:
    html = warnings_html(["source_damaged", "guide_superseded", "unverified_removed", "new_code"])
    for code in ("source_damaged", "guide_superseded", "unverified_removed"):
        assert WARNINGS[code] in html
    assert "new_code" in html  # an unknown code is still shown
    assert warnings_html([]) == ""


def test_the_decision_card_marks_each_condition_with_its_clause(kb: KnowledgeBase) -> None:
    decision = {
        "program": "2024-protection-zone",
        "applicant_type": "county",
        "eligible": None,
        "conditions": [
            {
                "clause_id": "2024-protection-zone:3.2.1",
                "clause_label": "三、申报条件（二）第1项",
                "status": "met",
            },
            {
                "clause_id": "2024-protection-zone:3.2.2",
                "clause_label": "三、申报条件（二）第2项",
                "status": "unknown",
            },
            {
                "clause_id": "2024-protection-zone:3.2.2",
                "clause_label": "x",
                "status": "not_met",
                "reason": SCRIPT,
            },
        ],
        "missing_facts": [{"key": "k", "question": "撤回率是否高于全省平均？"}],
    }
    html = decision_html(kb, decision, ("保护示范区", "县"))
    assert "尚不能确定" in html and "✓" in html and "？" in html and "✗" in html
    assert "三、申报条件（二）第1项" in html and "撤回率是否高于全省平均？" in html
    assert "2023年度非正常专利申请撤回率应高于全省平均水平" in html  # the clause opens verbatim
    assert "<script>" not in html
    assert decision_html(kb, None, ("", "")) == ""


def test_a_clause_shows_label_reference_path_and_damage(kb: KnowledgeBase) -> None:
    damaged = next(c for c in kb.clauses if c.damaged)
    html = clause_html(kb, damaged, TODAY)
    assert damaged.ref in html and damaged.id in html and "受损" in html
    hostile = replace(kb.clause("2024-protection-zone:6.3"), text=SCRIPT, children=())
    html = clause_html(kb, hostile, TODAY)
    assert "&lt;script&gt;" in html and "<script>" not in html


def test_the_guides_note_names_years_status_and_mode(kb: KnowledgeBase) -> None:
    html = guides_html(kb.guides, "确定性答案（不使用语言模型）", TODAY)
    assert f"已收录 {len(kb.guides)} 份文件" in html and "已被新版替代" in html and "确定性答案" in html
    assert "2024年度申报已于2024年2月29日截止" in html and "有效期内" in html


def test_form_answers_become_facts_for_the_checker() -> None:
    types = ["yes_no", "yes_no", "number", "number", "choice"]
    specs = [
        {"key": k, "type": t, "question": "有多少？", "unit": "件"}
        for k, t in zip("abcde", types, strict=True)
    ]
    assert facts_from_form(specs, ["是", UNKNOWN, "", "3", "国家级高新区"]) == {
        "a": "是",
        "d": 3.0,
        "e": "国家级高新区",
    }
    assert field_label({"question": "有效专利有多少件？", "unit": "件"}) == "有效专利有多少件？（单位：件）"
    assert field_label({"question": "是否？", "unit": None}) == "是否？"


@pytest.mark.parametrize(
    ("unit", "typed", "read"),
    [
        ("件", "120", 120.0),
        ("件", "三", 3.0),
        ("件", "三十件", 30.0),
        ("万元", "8千万", 8000.0),
        ("万元", "两亿多", Interval(20000.0, 30000.0, lo_open=True, hi_open=True)),
        ("件", "70到90", Interval(70.0, 90.0)),
        ("%", "4.5%", 4.5),
    ],
)
def test_a_form_number_is_read_as_people_write_it(unit: str, typed: str, read) -> None:
    assert form_number({"key": "k", "type": "number", "question": "有多少？", "unit": unit}, typed) == read


@pytest.mark.parametrize(
    ("unit", "typed", "message"),
    [
        ("人", "abc", "应填数字"),
        ("人", "-3", "不像实际情况"),
        ("人", "2.5", "不像实际情况"),
        ("人", "1e9", "不像实际情况"),
        ("件", "12 和 15", "只填一个数"),
        ("万元", "30件", "单位应为万元"),
    ],
)
def test_a_form_number_that_is_no_figure_is_refused_in_chinese(unit: str, typed: str, message: str) -> None:
    spec = {"key": "k", "type": "number", "question": "专兼职人员有几人？", "unit": unit}
    with pytest.raises(FactsError, match=message) as raised:
        form_number(spec, typed)
    assert "专兼职人员有几人" in str(raised.value) and typed in str(raised.value)


def test_what_people_keep_holds_the_answer_its_sources_and_the_clauses_words(kb: KnowledgeBase) -> None:
    from assistant.web.export import answer_text, conversation_markdown, decision_markdown

    citation = kb.citation("2024-protection-zone:6.3")
    reply = {"answer": "截止日期为2024年2月29日。[1]", "citations": [citation.to_dict()]}
    text = answer_text(reply)
    assert text.startswith("截止日期为2024年2月29日。[1]") and "[1] 《2024年度" in text
    assert citation.text in text and "&lt;" not in text
    typed = "<b>什么时候</b>截止？"
    markdown = conversation_markdown([{"question": typed, "reply": reply}], TODAY)
    assert "导出日期：2026-12-01" in markdown and "## 问题 1" in markdown and "\\<b\\>" in markdown
    assert f"> {citation.text}" in markdown.replace("   > ", "> ")
    decision = {
        "program": "2024-protection-zone",
        "applicant_type": "county",
        "eligible": False,
        "conditions": [
            {
                "clause_id": "2024-protection-zone:3.2.2",
                "clause_label": "三、申报条件（二）第2项",
                "status": "not_met",
                "reason": "撤回率不高于全省平均",
                "title": "撤回率",
                "required": True,
            },
        ],
        "round": {"note": "2024年度申报已于2024年2月29日截止"},
    }
    kept = decision_markdown(kb, decision, ("保护示范区", "县（市、区）"), TODAY)
    assert "核对日期：2026-12-01" in kept and "**不符合申报条件**" in kept
    assert "✗ 不符合：三、申报条件（二）第2项" in kept and "应高于全省平均水平" in kept
    assert "2024年度申报已于2024年2月29日截止" in kept
