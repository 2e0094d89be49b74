"""The chat tab's handlers: a question in, the streamed answer, its sources, warnings and
eligibility card out. One `Conversation` per browser session (held in a gr.State), so two
people chatting at once never share context."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import gradio as gr

from ..domain import Reply
from ..errors import AssistantError
from ..pipeline import Assistant, Conversation, LiveAssistant
from ..question.applicant import kind_name
from ..question.intent import asking_part
from ..text.tokens import visible
from ..thresholds import MAX_QUESTION_CHARS
from .text import citations_html, decision_html, error_html, esc, warnings_html

log = logging.getLogger(__name__)

EXAMPLES = [
    "2024年保护示范区什么时候截止？",
    "我们县想报2024年保护示范区",
    "县里申报保护示范区需要什么条件？",
    "高价值专利培育计划企业申报要满足哪些条件？",
    "调一下2024年保护示范区三（二）1的原文",
    "2024年和2022年保护示范区的申报条件有什么不同？",
]
THINKING = "正在查阅指南……"
INTERNAL_ERROR = "内部错误：本次请求没有完成，请重试；如果反复出现，请告知维护者。"

# What one turn puts on the page: chat history, the cleared input, sources, warnings,
# the eligibility card (with the questions for missing facts), and the reply as data.
Outputs = tuple[list[dict[str, str]], str, str, str, str, dict[str, Any]]


@dataclass
class ChatHandlers:
    live: LiveAssistant

    @property
    def assistant(self) -> Assistant:
        return self.live.current

    def new_conversation(self) -> tuple[Conversation, list, str, str, str, str, dict[str, Any]]:
        """A fresh conversation: nothing carried over from earlier turns."""
        return Conversation(), [], "", "", "", "", {}

    def respond(self, message: str, history: list | None, conversation: Conversation) -> Iterator[Outputs]:
        """Stream one turn. Empty messages are ignored; errors become a message in the page."""
        history = list(history or [])
        if not (message or "").strip():
            yield history, "", *self._blank(), {}
            return
        history.append(_message("user", _shown_question(message)))
        assistant = self.assistant  # one assistant for the whole turn, even if a new index arrives
        yield [*history, _message("assistant", THINKING)], "", *self._blank(), {}  # the question, at once
        try:
            yield from self._stream(assistant, message, history, conversation)
        except AssistantError as exc:
            yield self._failed(history, str(exc))
        except Exception:
            log.exception("chat turn failed")
            yield self._failed(history, INTERNAL_ERROR)

    def _stream(
        self, assistant: Assistant, message: str, history: list, conversation: Conversation
    ) -> Iterator[Outputs]:
        text = ""
        for piece in assistant.stream(message, conversation):
            if isinstance(piece, Reply):
                yield self._final(assistant, history, piece)
                return
            text += piece
            if assistant.writer is not None:  # the deterministic answer comes whole, with its Reply
                yield [*history, _message("assistant", text)], "", *self._blank(), {}

    def _final(self, assistant: Assistant, history: list, reply: Reply) -> Outputs:
        kb = assistant.kb
        return (
            [*history, _message("assistant", reply.answer)],
            "",
            citations_html(kb, reply.citations),
            warnings_html(reply.warnings),
            decision_html(kb, reply.decision, self._names(assistant, reply.decision)),
            reply.to_dict(),
        )

    def _failed(self, history: list, message: str) -> Outputs:
        shown = [*history, _message("assistant", message)]
        return shown, "", "", error_html(message), "", {"error": message}

    def _names(self, assistant: Assistant, decision: dict[str, Any] | None) -> tuple[str, str]:
        """Program and applicant-type names of a decision, for the card's heading."""
        if not decision:
            return "", ""
        rules = assistant.desk.rules
        program = rules.program(decision["program"])
        atype = next((t.name for t in program.types if t.id == decision["applicant_type"]), None)
        return program.name, atype or kind_name(decision["applicant_type"])  # a kind not admitted

    @staticmethod
    def _blank() -> tuple[str, str, str]:
        return "", "", ""


def fresh_conversation() -> Conversation:
    return Conversation()


def _shown_question(message: str) -> str:
    """The question as shown in the chat: of a long paste, the part that is read (its last
    question and what comes just before it, as `understand` reads it), said to be a part."""
    text = visible(message).strip()
    if len(text) <= MAX_QUESTION_CHARS:
        return message
    return f"（共 {len(text)} 字，只读了下面这部分）\n{asking_part(text, MAX_QUESTION_CHARS)}"


def _message(role: str, text: str) -> dict[str, str]:
    """A chat message whose text is shown as text (the chatbot renders it without markdown)."""
    return {"role": role, "content": esc(text)}


def build_chat_tab(handlers: ChatHandlers, concurrency: int) -> None:
    """The chat tab, inside a gr.Blocks: chat on the left; warnings, the eligibility card,
    follow-up questions and the numbered sources on the right."""
    conversation = gr.State(fresh_conversation)  # a callable: a new Conversation for each session
    with gr.Row():
        with gr.Column(scale=3):
            chatbot = gr.Chatbot(
                label="对话",
                elem_id="chatbot",
                render_markdown=False,  # with esc() in _message: text is shown as text
                height=480,
                buttons=["copy"],
                feedback_options=None,
                placeholder="请用自己的话提问，例如截止日期、申报条件、能不能报。",
            )
            with gr.Row():
                box = gr.Textbox(
                    label="你的问题",
                    show_label=False,
                    placeholder="输入问题，回车发送",
                    elem_id="question",
                    scale=8,
                    lines=1,
                )
                send = gr.Button("发送", variant="primary", elem_id="send", scale=1, min_width=80)
            new = gr.Button("开始新对话", elem_id="new-conversation", size="sm")
            gr.Examples(EXAMPLES, inputs=box, label="可以这样问（点击填入）")
        with gr.Column(scale=2):
            warnings = gr.HTML(elem_id="warnings")
            decision = gr.HTML(elem_id="decision")
            gr.HTML('<div class="panel-title">依据条款（点击展开原文）</div>')
            sources = gr.HTML(elem_id="sources")
    data = gr.JSON(visible=False)
    outputs = [chatbot, box, sources, warnings, decision, data]
    gr.on(
        [box.submit, send.click],
        handlers.respond,
        inputs=[box, chatbot, conversation],
        outputs=outputs,
        api_name="chat",
        concurrency_limit=concurrency,
        concurrency_id="chat",
    )
    new.click(handlers.new_conversation, outputs=[conversation, *outputs], api_name="new_conversation")
    chatbot.clear(handlers.new_conversation, outputs=[conversation, *outputs], api_visibility="private")
