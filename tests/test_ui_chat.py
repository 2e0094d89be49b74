"""The chat handler's streaming and error paths, with a stand-in assistant (the real one is
driven through the running page in test_ui_api.py and test_ui_browser.py)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date

import gradio as gr

from assistant.config import Settings
from assistant.domain import Reply
from assistant.errors import InputError
from assistant.ingest.knowledge_base import KnowledgeBase
from assistant.pipeline import Assistant, Conversation, LiveAssistant
from assistant.web.chat import INTERNAL_ERROR, THINKING, ChatHandlers
from assistant.web.text import answer_html


@dataclass
class StandIn:
    """Streams the given pieces then a Reply, or raises; `writer` set means a language model."""

    kb: KnowledgeBase
    pieces: list[str] = field(default_factory=list)
    error: Exception | None = None
    writer: object | None = None
    desk: object | None = None
    settings: Settings = field(default_factory=lambda: Settings(fixed_today=date(2026, 12, 1)))

    def stream(self, question: str, conversation: Conversation) -> Iterator[str | Reply]:
        if self.error:
            raise self.error
        yield from self.pieces
        citation = self.kb.citation("2024-protection-zone:6.3")
        yield Reply("".join(self.pieces) + "（核验后）", True, (citation,), None, ("unverified_removed",))


OUTPUTS = 9  # chat, input, sources, warnings, card, answer text, conversation Markdown, kept turns, data


def shown(outputs) -> str:
    return outputs[0][-1]["content"]


def test_a_language_model_answer_streams_then_is_replaced_by_the_checked_reply(kb: KnowledgeBase) -> None:
    chat = ChatHandlers(LiveAssistant(StandIn(kb, ["截止日期", "为2024年2月29日。"], writer=object())))
    steps = list(chat.respond("什么时候截止？", [], Conversation()))
    assert [shown(s) for s in steps] == [
        THINKING,
        "截止日期",
        "截止日期为2024年2月29日。",
        "截止日期为2024年2月29日。（核验后）",
    ]
    final = steps[-1]
    assert all(len(step) == OUTPUTS for step in steps)
    assert "[1]" in final[2] and "回答中未经条款核实的语句已删除" in final[3]
    assert final[-1]["citations"][0]["clause_id"] == "2024-protection-zone:6.3"
    assert final[5].startswith("截止日期为2024年2月29日。（核验后）") and "[1] 《2024年度" in final[5]
    assert "## 问题 1" in final[6] and "> 什么时候截止？" in final[6] and "导出日期：2026-12-01" in final[6]


def test_the_deterministic_answer_comes_in_one_step(kb: KnowledgeBase) -> None:
    steps = list(
        ChatHandlers(LiveAssistant(StandIn(kb, ["截止日期为2024年2月29日。"]))).respond(
            "什么时候截止？", None, Conversation()
        )
    )
    assert len(steps) == 1 and shown(steps[0]).endswith("（核验后）")


def test_errors_become_a_message_in_the_chat(kb: KnowledgeBase) -> None:
    steps = list(
        ChatHandlers(LiveAssistant(StandIn(kb, error=InputError("索引尚未建立。")))).respond(
            "问", [], Conversation()
        )
    )
    assert shown(steps[-1]) == "索引尚未建立。" and "索引尚未建立" in steps[-1][3]
    assert steps[-1][1] == "问"  # the question stays in the box, to be sent again
    assert steps[-1][2] == steps[-1][4] == {"__type__": "update"}  # the last sources and card stay
    steps = list(
        ChatHandlers(LiveAssistant(StandIn(kb, error=RuntimeError("boom")))).respond("问", [], Conversation())
    )
    assert shown(steps[-1]) == INTERNAL_ERROR and "boom" not in str(steps[-1])
    assert len(steps[-1]) == OUTPUTS


def test_empty_and_long_messages(kb: KnowledgeBase) -> None:
    chat = ChatHandlers(LiveAssistant(StandIn(kb, ["答"])))
    history = [{"role": "user", "content": "早先的问题"}]
    assert next(chat.respond(" \n ", history, Conversation()))[0] == history
    long = "我们是苏州的一家企业。" * 500 + "高价值专利项目什么时候截止？"
    user = list(chat.respond(long, [], Conversation()))[-1][0][0]["content"]
    assert len(user) < 600 and f"共 {len(long)} 字" in user and user.endswith("什么时候截止？")


def test_a_new_conversation_starts_empty(kb: KnowledgeBase) -> None:
    chat = ChatHandlers(LiveAssistant(StandIn(kb)))
    conversation, transcript, history, *panels, saved, data = chat.new_conversation()
    assert isinstance(conversation, Conversation) and conversation.turns == 0
    assert transcript == saved == history == [] and panels == [""] * 6 and data == {}


def test_what_a_browser_kept_is_checked_and_never_breaks_the_page(kb: KnowledgeBase) -> None:
    from assistant.web.keep import KEPT_TURNS, valid_transcript

    good = {"question": "什么时候截止？", "reply": {"answer": "2024年2月29日", "citations": []}}
    junk = [
        None,
        3,
        {"question": 1},
        {"question": "q", "reply": "r"},
        {"question": "q", "reply": {"answer": None}},
    ]
    assert valid_transcript([*junk, good]) == [good]
    assert valid_transcript("not a list") == [] and len(valid_transcript([good] * 100)) == KEPT_TURNS
    chat = ChatHandlers(LiveAssistant(StandIn(kb)))
    assert chat.restore(junk) == (gr.skip(),) * 11  # nothing kept: nothing changes
    tampered = {"question": "q", "reply": {"answer": "a", "decision": {"program": "no-such-program"}}}
    assert chat.restore([tampered]) == (gr.skip(),) * 11  # cannot be restored: the page starts afresh


def test_each_mark_in_an_answer_links_to_its_source(kb: KnowledgeBase) -> None:
    ids = ["2024-protection-zone:6.3", "2024-protection-zone:3.2.1"]
    html = answer_html("截止<b>日期</b>[1]，条件[2]；[3] 与 [0] 不是出处。", ids)
    assert html.count('class="cite"') == 2 and "&lt;b&gt;" in html and "<b>" not in html
    assert 'href="?clause=2024-protection-zone%3A6.3"' in html and "[3] 与 [0]" in html


def test_the_card_does_not_repeat_the_chat(built_settings: Settings, kb: KnowledgeBase) -> None:
    """A decision's conditions (their reasons and quotes) are in the card; the chat counts them
    and asks for the facts; the card counts those. The full answer is still what is copied."""
    chat = ChatHandlers(LiveAssistant(Assistant(built_settings, kb)))
    question = "我们县是国家知识产权强县建设示范县，想报2024年保护示范区，能报吗？"
    history, _, sources, _, card, copied, *_, data = list(chat.respond(question, [], Conversation()))[-1]
    bubble = history[-1]["content"]
    conditions, missing = data["decision"]["conditions"], data["decision"]["missing_facts"]
    assert len(conditions) >= 2 and missing
    for condition in conditions:
        row = f"{condition['clause_label']}：{condition['reason']}"  # as the answer's text writes it
        assert condition["reason"] in card and row not in bubble and row in copied
    assert f"逐条对照共 {len(conditions)} 项" in bubble and "申报条件核对" in card
    assert missing[0]["question"] in bubble and missing[0]["question"] not in card
    assert "您提到的情况" in bubble and 'class="cite"' in bubble and "[1]" in sources
