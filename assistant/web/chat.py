"""The chat tab's handlers: a question in, the streamed answer, its sources, warnings and
eligibility card out. One `Conversation` per browser session (held in a gr.State), so two
people chatting at once never share context."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import gradio as gr

from ..domain import Reply
from ..errors import AssistantError
from ..pipeline import Assistant, Conversation, LiveAssistant
from ..question.applicant import kind_name
from ..question.understand import read_part
from ..thresholds import MAX_QUESTION_CHARS
from .export import answer_text, conversation_markdown
from .keep import (
    ANSWERED_JS,
    COPY_JS,
    DOWNLOAD_JS,
    ECHO_DONE_JS,
    KEPT_TURNS,
    RESTORE_JS,
    SHOW_ANSWER_JS,
    Transcript,
    valid_transcript,
)
from .text import answer_html, citations_html, decision_html, error_html, esc, warnings_html
from .workers import AnswerWorkers

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
INTERNAL_ERROR = "本次请求没有完成（系统出现意外情况，问题已记录）：请重试；如果反复出现，请告知维护者。"
UNTYPED = "未说明（待补充）"  # the card's applicant when the type was not said

# What one turn puts on the page: chat history, the cleared input, sources, warnings, the
# eligibility card (with the questions for missing facts), the answer with its sources as plain
# text and the conversation as Markdown (for the copy and export buttons), and the reply as data.
Outputs = tuple[list[dict[str, str]], str, str, str, str, str, str, Any, dict[str, Any]]


@dataclass
class ChatHandlers:
    live: LiveAssistant
    workers: AnswerWorkers | None = None  # turns answered in worker processes (workers.py)

    @property
    def assistant(self) -> Assistant:
        return self.live.current

    def new_conversation(
        self,
    ) -> tuple[Conversation, Transcript, list, str, str, str, str, str, str, list, dict]:
        """A fresh conversation: nothing carried over from earlier turns (nor kept by the browser)."""
        return Conversation(), [], [], "", "", "", "", "", "", [], {}

    def restore(self, saved: Any) -> tuple[Any, ...]:
        """The page opened again in the same browser (a reload, or Gradio reconnecting after a
        dropped connection): the conversation the browser kept is shown again, and its context
        rebuilt by answering its questions again. What the browser sends is checked, not trusted.
        (A question sent but never answered is put back in the box by the browser: RESTORE_JS.)"""
        transcript = valid_transcript(saved)
        if not transcript:
            return (gr.skip(),) * 11
        try:
            return self._restored(transcript)
        except Exception:  # what a browser kept is never worth an error: the page starts afresh
            log.warning("a kept conversation could not be restored", exc_info=True)
            return (gr.skip(),) * 11

    def _restored(self, transcript: Transcript) -> tuple[Any, ...]:
        assistant = self.assistant
        history = []
        for turn in transcript:
            history += [
                _message("user", esc(_shown_question(turn["question"]))),
                _message("assistant", _bubble(turn["reply"])),
            ]
        conversation = assistant.replay([turn["question"] for turn in transcript])
        last = transcript[-1]["reply"]
        citations = [
            assistant.kb.citation(c["clause_id"]) for c in last.get("citations", []) if _known(assistant, c)
        ]
        decision = last.get("decision") if isinstance(last.get("decision"), dict) else None
        return (
            conversation,
            transcript,
            history,
            gr.skip(),
            citations_html(assistant.kb, citations),
            warnings_html(tuple(w for w in last.get("warnings", []) if isinstance(w, str))),
            decision_html(
                assistant.kb, decision, self._names(assistant, decision), assistant.settings.today(), True
            )
            if decision
            else "",
            answer_text(last),
            conversation_markdown(transcript, assistant.settings.today()),
            transcript,
            last,
        )

    def respond(
        self,
        message: str,
        history: list | None,
        conversation: Conversation,
        transcript: Transcript | None = None,
    ) -> Iterator[Outputs]:
        """Stream one turn. Empty messages are ignored; errors become a message in the page.
        `transcript` (the session's turns, for the export) gets this turn's reply."""
        history, transcript = list(history or []), transcript if transcript is not None else []
        if not (message or "").strip():
            yield history, "", *self._kept()[:-1], {}
            return
        history.append(_message("user", esc(_shown_question(message))))
        assistant = self.assistant  # one assistant for the whole turn, even if a new index arrives
        if assistant.writer is not None:  # a language model takes seconds: show that it works
            yield [*history, _message("assistant", esc(THINKING))], "", *self._kept()
        try:
            yield from self._stream(assistant, message, history, conversation, transcript)
        except AssistantError as exc:
            yield self._failed(history, message, str(exc))
        except Exception:
            log.exception("chat turn failed")
            yield self._failed(history, message, INTERNAL_ERROR)

    async def respond_in_worker(
        self,
        message: str,
        history: list | None,
        conversation: Conversation,
        transcript: Transcript | None = None,
    ) -> Outputs:
        """`respond` with the turn answered by a worker process (workers.py), awaited on the
        page's event loop: the page's own work is the rendering and recording of the reply."""
        assert self.workers is not None
        history, transcript = list(history or []), transcript if transcript is not None else []
        if not (message or "").strip():
            return history, "", *self._kept()[:-1], {}
        history.append(_message("user", esc(_shown_question(message))))
        assistant = self.assistant
        try:
            answered = await self.workers.answer_async(message, conversation, assistant)
        except AssistantError as exc:
            return self._failed(history, message, str(exc))
        except Exception:
            log.exception("chat turn failed")
            return self._failed(history, message, INTERNAL_ERROR)
        answered.record(conversation)
        return self._answered(assistant, history, message, answered.reply, transcript)

    @property
    def turn(self) -> Callable[..., Any]:
        """The chat's handler: in a worker process when there are workers, else streamed here."""
        return self.respond_in_worker if self.workers is not None else self.respond

    def _stream(
        self,
        assistant: Assistant,
        message: str,
        history: list,
        conversation: Conversation,
        transcript: Transcript,
    ) -> Iterator[Outputs]:
        text = ""
        for piece in assistant.stream(message, conversation):
            if isinstance(piece, Reply):
                yield self._answered(assistant, history, message, piece, transcript)
                return
            text += piece
            if assistant.writer is not None:  # the deterministic answer comes whole, with its Reply
                yield [*history, _message("assistant", esc(text))], "", *self._kept()

    def _answered(
        self, assistant: Assistant, history: list, message: str, reply: Reply, transcript: Transcript
    ) -> Outputs:
        """The turn kept in the session's transcript (bounded), and the page's outputs for it."""
        transcript.append({"question": message, "reply": reply.to_dict()})
        del transcript[:-KEPT_TURNS]  # a session's memory stays bounded
        return self._final(assistant, history, reply, transcript)

    def _final(self, assistant: Assistant, history: list, reply: Reply, transcript: Transcript) -> Outputs:
        kb, data = assistant.kb, reply.to_dict()
        return (
            [*history, _message("assistant", _bubble(data))],
            "",
            citations_html(kb, reply.citations),
            warnings_html(reply.warnings),
            decision_html(
                kb, reply.decision, self._names(assistant, reply.decision), assistant.settings.today(), True
            ),
            answer_text(data),
            conversation_markdown(transcript, assistant.settings.today()),
            transcript,  # kept by the browser
            data,
        )

    def _failed(self, history: list, question: str, message: str) -> Outputs:
        """The error in the chat and the warnings; the question stays in the box, to be sent
        again with one click; the last answer's sources, card and exports stay as they were."""
        shown = [*history, _message("assistant", esc(message))]
        skip = gr.skip()
        return shown, question, skip, error_html(message), skip, skip, skip, skip, {"error": message}

    def _names(self, assistant: Assistant, decision: dict[str, Any] | None) -> tuple[str, str]:
        """Program and applicant-type names of a decision, for the card's heading."""
        if not decision:
            return "", ""
        rules = assistant.desk.rules
        program = rules.program(decision["program"])
        kind = decision["applicant_type"]
        if kind is None:  # not said yet: the chat asks it
            return program.name, UNTYPED
        atype = next((t.name for t in program.types if t.id == kind), None)
        return program.name, atype or kind_name(kind)  # a kind not admitted

    @staticmethod
    def _kept() -> tuple[Any, ...]:
        """While a turn runs: the last answer's sources, card, warnings and exports stay."""
        return (gr.skip(),) * 7


def fresh_conversation() -> Conversation:
    return Conversation()


def _shown_question(message: str) -> str:
    """The question as shown in the chat: of a long paste, the part that is read, said to be a part."""
    part, length = read_part(message)
    if length <= MAX_QUESTION_CHARS:
        return message
    return f"（共 {length} 字，只读了下面这部分）\n{part}"


def _known(assistant: Assistant, citation: dict) -> bool:
    return isinstance(citation.get("clause_id"), str) and assistant.kb.has_clause(citation["clause_id"])


def _bubble(reply: dict[str, Any]) -> str:
    """A reply (its `to_dict()`) as the chat shows it: [n] linked to its source; a decision's
    conditions left to its card."""
    clause_ids = [str(c.get("clause_id", "")) for c in reply.get("citations", [])]
    decision = reply.get("decision") if isinstance(reply.get("decision"), dict) else None
    return answer_html(reply["answer"], clause_ids, decision)


def _message(role: str, html: str) -> dict[str, str]:
    """A chat message. The chatbot renders it as HTML without markdown: what comes from a
    person or a guide is escaped first (esc, answer_html)."""
    return {"role": role, "content": html}


def build_chat_tab(app: gr.Blocks, handlers: ChatHandlers, concurrency: int) -> None:
    """The chat tab, inside a gr.Blocks: chat on the left; warnings, the eligibility card,
    follow-up questions and the numbered sources on the right."""
    conversation = gr.State(fresh_conversation)  # a callable: a new Conversation for each session
    transcript = gr.State(list)  # the session's turns, for the export
    saved = gr.BrowserState([], storage_key="jsip-conversation")  # the turns, kept for a reload
    with gr.Row():
        with gr.Column(scale=3):
            chatbot = gr.Chatbot(
                label="对话",
                show_label=False,  # the label sat on the first line of a scrolled chat
                autoscroll=False,  # an answer is shown from its start (keep.SHOW_ANSWER_JS), not its end
                elem_id="chatbot",
                render_markdown=False,  # with esc() in _message: text is shown as text
                height=480,
                buttons=["copy"],
                feedback_options=None,
                placeholder="请用自己的话提问，例如截止日期、申报条件、能不能报。",
            )
            gr.HTML(elem_id="echo")  # the question just sent, until the chat shows it (keep.py)
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
            with gr.Row():
                new = gr.Button("开始新对话", elem_id="new-conversation", size="sm")
                copy = gr.Button("复制这条回答（含出处）", elem_id="copy-answer", size="sm")
                export = gr.Button("导出对话记录（.md 文本）", elem_id="export-conversation", size="sm")
            gr.Examples(EXAMPLES, inputs=box, label="可以这样问（点击填入）")
        with gr.Column(scale=2):
            warnings = gr.HTML(elem_id="warnings")
            decision = gr.HTML(elem_id="decision")
            gr.HTML('<div class="panel-title">依据条款（点击展开原文）</div>')
            sources = gr.HTML(elem_id="sources")
    data = gr.JSON(visible=False)
    kept_answer = gr.Textbox(visible=False, elem_id="kept-answer")
    kept_conversation = gr.Textbox(visible=False, elem_id="kept-conversation")
    outputs = [chatbot, box, sources, warnings, decision, kept_answer, kept_conversation, saved, data]
    gr.on(
        [box.submit, send.click],
        handlers.turn,
        inputs=[box, chatbot, conversation, transcript],
        outputs=outputs,
        api_name="chat",
        concurrency_limit=concurrency,
        concurrency_id="chat",
    ).success(None, js=ANSWERED_JS).then(None, js=SHOW_ANSWER_JS)
    chatbot.change(None, js=ECHO_DONE_JS)
    fresh = [conversation, transcript, *outputs]
    new.click(handlers.new_conversation, outputs=fresh, api_name="new_conversation")
    chatbot.clear(handlers.new_conversation, outputs=fresh, api_visibility="private")
    restored = [conversation, transcript, *outputs]
    app.load(handlers.restore, [saved], restored, api_visibility="private")
    app.load(None, None, [box], js=RESTORE_JS)
    copy.click(None, inputs=[kept_answer], js=COPY_JS)
    export.click(None, inputs=[kept_conversation], js=DOWNLOAD_JS % "申报指南问答记录.md")
