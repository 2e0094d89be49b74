"""The page, driven through gradio_client against a real running app (`python -m assistant
serve` in a child process on a free loopback port, over a real index)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import pytest

from assistant.config import Settings
from assistant.ingest.knowledge_base import KnowledgeBase
from assistant.retrieval.lookup import lookup
from assistant.web.process import PageProcess, start_page

gradio_client = pytest.importorskip("gradio_client")

pytestmark = pytest.mark.slow

DEADLINE_2024 = "2024年保护示范区什么时候截止？"


@pytest.fixture(scope="module")
def page(built_settings: Settings) -> Iterator[PageProcess]:
    running = start_page(built_settings.data_dir)
    yield running
    assert running.stop() is not None


def client(page: PageProcess) -> Any:
    return gradio_client.Client(page.url, verbose=False)


def ask(session: Any, question: str) -> tuple[list, dict[str, Any], tuple]:
    """One chat turn: the chat history shown, the reply's data, and every output."""
    outputs = session.predict(question, [], api_name="/chat")
    return outputs[0], outputs[-1], outputs


def shown_text(message: dict[str, Any]) -> str:
    content = message["content"]
    return content if isinstance(content, str) else "".join(part.get("text", "") for part in content)


def test_the_page_names_its_endpoints(page: PageProcess) -> None:
    names = set(client(page).view_api(return_format="dict", print_info=False)["named_endpoints"])
    wanted = {"/chat", "/new_conversation", "/lookup", "/open_clause", "/guide_tree", "/check_eligibility"}
    assert wanted <= names


def test_a_question_is_answered_with_citations(page: PageProcess) -> None:
    history, reply, outputs = ask(client(page), DEADLINE_2024)
    assert reply["answerable"] is True
    assert "2024年2月29日" in reply["answer"]
    assert [c["clause_id"] for c in reply["citations"]] == ["2024-protection-zone:6.3"]
    sources = outputs[2]
    assert "[1]" in sources and "<details" in sources and "六、申报要求（三）" in sources
    assert "2024年2月29日" in sources  # the clause, verbatim, opens under its number
    assert [m["role"] for m in history] == ["user", "assistant"]
    assert "2024年2月29日" in shown_text(history[-1])


def test_a_follow_up_uses_the_conversation(page: PageProcess) -> None:
    session = client(page)
    ask(session, DEADLINE_2024)
    _, reply, outputs = ask(session, "那2022年的呢？")
    assert [c["clause_id"] for c in reply["citations"]] == ["2022-protection-zone:6.3"]
    assert "guide_superseded" in reply["warnings"]
    assert "已被新指南替代" in outputs[3]  # the warning, shown in words


def test_a_new_conversation_forgets_the_context(page: PageProcess) -> None:
    session = client(page)
    ask(session, DEADLINE_2024)
    cleared = session.predict(api_name="/new_conversation")
    assert cleared[0] == [] and cleared[-1] == {}
    after_reset = ask(session, "那2022年的呢？")[1]
    in_a_new_session = ask(client(page), "那2022年的呢？")[1]  # no earlier turns at all
    assert after_reset["citations"] == in_a_new_session["citations"]
    assert after_reset["answer"] == in_a_new_session["answer"]


def test_an_eligibility_statement_gets_a_decision_card(page: PageProcess) -> None:
    session = client(page)
    _, reply, outputs = ask(session, "我们县想报2024年保护示范区")
    assert reply["decision"]["eligible"] is None
    card = outputs[4]
    assert "尚不能确定" in card and "？" in card and "三、申报条件（二）第1项" in card
    assert "还需要了解" in card
    ask(session, "我们2022年被评为真抓实干成效明显地区")
    _, reply, outputs = ask(session, "2023年度非正常专利申请撤回率高于全省平均")
    assert reply["decision"]["eligible"] is True
    assert "符合申报条件" in outputs[4] and "✓" in outputs[4]


def test_the_eligibility_form_is_checked_by_the_rules(page: PageProcess) -> None:
    session = client(page)
    facts = {"zhenzhua_2022": "是", "withdrawal_above_avg_2023": "否"}
    result = session.predict("2024-protection-zone", "county", facts, api_name="/check_eligibility")
    decision = result["decision"]
    assert decision["eligible"] is False
    assert [c["status"] for c in decision["conditions"]] == ["met", "met", "not_met"]
    assert decision["conditions"][0]["clause_id"] == "2024-protection-zone:2"  # the county is a 申报主体
    assert "✓" in result["html"] and "✗" in result["html"] and "三、申报条件（二）第2项" in result["html"]
    facts = {"zhenzhua_2022": True, "withdrawal_above_avg_2023": True}
    result = session.predict("2024-protection-zone", "county", facts, api_name="/check_eligibility")
    assert result["decision"]["eligible"] is True


def test_bad_facts_get_a_message_not_a_traceback(page: PageProcess) -> None:
    session = client(page)
    result = session.predict("2024-protection-zone", "county", {"bogus": True}, api_name="/check_eligibility")
    assert "未知的事实「bogus」" in result["error"]
    result = session.predict(
        "2024-protection-zone", "county", {"zhenzhua_2022": "很多"}, api_name="/check_eligibility"
    )
    assert "zhenzhua_2022" in result["error"]
    assert ask(session, DEADLINE_2024)[1]["answerable"] is True  # the app keeps running


def test_a_clause_is_browsed_by_reference(
    page: PageProcess, built_settings: Settings, kb: KnowledgeBase
) -> None:
    reference = "2024 保护示范区 三（二）1"
    matches, guide, tree, view, ref, link, data = client(page).predict(reference, "混合", api_name="/lookup")
    assert [value for _, value in matches["choices"]] == ["2024-protection-zone:3.2.1"]
    # The guide picker and the tree move to the clause, so staff can walk on from there.
    assert guide == "2024-protection-zone" and tree["value"] == "2024-protection-zone:3.2.1"
    assert ref == reference and link.endswith("?clause=2024-protection-zone%3A3.2.1")
    assert "三、申报条件（二）第1项" in view
    assert data == lookup(built_settings, reference, kb)  # the same reference, the same clause as `lookup`
    assert data["results"][0]["text"] == kb.full_text(kb.clause("2024-protection-zone:3.2.1"))


def test_the_clause_tree_is_walked(page: PageProcess, kb: KnowledgeBase) -> None:
    session = client(page)
    guide, tree, view, ref, _, data = session.predict("2022-protection-zone", api_name="/guide_tree")
    assert guide == "2022-protection-zone"
    ids = [value for _, value in tree["choices"]]
    assert ids == [c.id for c in kb.guide_clauses("2022-protection-zone")]
    assert "2022年度申报已于2022年2月15日截止，指南已被新版替代" in view
    assert data["results"][0]["clause_id"] == "2022-protection-zone"
    _, _, view, ref, _, data = session.predict(ids[3], api_name="/open_clause")
    assert ref == kb.clause(ids[3]).ref and data["results"][0]["clause_id"] == ids[3]


@pytest.mark.parametrize("mode", ["关键词", "语义", "混合"])
def test_clauses_are_searched_by_keyword_and_meaning(page: PageProcess, mode: str) -> None:
    outputs = client(page).predict("非正常专利申请撤回率", mode, api_name="/lookup")
    matches, data = outputs[0], outputs[-1]
    assert data["type"] == "search" and data["results"]
    assert [value for _, value in matches["choices"]] == [r["clause_id"] for r in data["results"]]


def test_a_bad_reference_gets_a_message_and_the_app_keeps_running(page: PageProcess) -> None:
    session = client(page)
    outputs = session.predict("2024 保护示范区 九（九）9", "混合", api_name="/lookup")
    assert "找不到" in outputs[-1]["error"] and "找不到" in outputs[3]
    assert ask(session, DEADLINE_2024)[1]["answerable"] is True


def test_empty_messages_are_ignored(page: PageProcess) -> None:
    history, reply, _ = ask(client(page), "   ")
    assert history == [] and reply == {}


def test_html_in_a_message_is_shown_as_text(page: PageProcess) -> None:
    history, reply, _ = ask(client(page), "<script>alert(1)</script>" + DEADLINE_2024)
    assert shown_text(history[0]).startswith("&lt;script&gt;alert(1)&lt;/script&gt;")
    assert reply["answerable"] is True


def test_a_very_long_message_is_cut_with_a_notice(page: PageProcess) -> None:
    history, reply, outputs = ask(client(page), DEADLINE_2024 + "请详细说明。" * 600)
    assert "question_truncated" in reply["warnings"] and "内容过长" in outputs[3]
    assert "只读了下面这部分" in shown_text(history[0])


def test_two_concurrent_sessions_are_kept_apart(page: PageProcess) -> None:
    """Two people at once, turn by turn in step: each follow-up reads only its own context."""
    turns = {
        "a": [DEADLINE_2024, "那2022年的呢？"],
        "b": ["高价值专利培育计划什么时候截止？", "企业申报要满足哪些条件？"],
    }
    sessions = {name: client(page) for name in turns}
    step = threading.Barrier(len(turns))
    cited: dict[str, list[list[str]]] = {name: [] for name in turns}

    def chat(name: str) -> None:
        for question in turns[name]:
            step.wait(timeout=60)
            reply = ask(sessions[name], question)[1]
            cited[name].append([c["clause_id"] for c in reply["citations"]])

    threads = [threading.Thread(target=chat, args=(name,)) for name in turns]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert cited["a"] == [["2024-protection-zone:6.3"], ["2022-protection-zone:6.3"]]
    assert cited["b"][0] == ["2022-high-value-patent:6.5"]
    assert all(c.startswith("2022-high-value-patent:") for c in cited["b"][1])


def test_the_guides_and_the_answering_mode_are_shown(page: PageProcess) -> None:
    import httpx

    config = httpx.get(page.url + "config", timeout=30).text
    assert "确定性答案（不使用语言模型）" in config
    assert (
        "已收录 9 份文件" in config
        and "已被新版替代" in config
        and "2024年度申报已于2024年2月29日截止" in config
    )


def test_uploads_are_refused_beyond_a_kilobyte(page: PageProcess) -> None:
    import httpx

    files = {"files": ("big.bin", b"x" * 100_000, "application/octet-stream")}
    response = httpx.post(page.url + "gradio_api/upload", files=files, timeout=30)
    assert response.status_code >= 400
