"""Language-model answering: the prompt, the backend protocol and its LangChain Runnable.

The default backend is "none" (the deterministic composer): nothing here imports llama_cpp,
openai or torch unless a backend that needs them is built. The backends live in
`backends.py`; this module is the surface the pipeline uses.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import cache
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from langchain_core.runnables import Runnable, RunnableGenerator

from ..config import PROJECT_ROOT, Settings
from ..domain import Citation
from ..thresholds import PROMPT_HISTORY_CHARS, PROMPT_HISTORY_TURNS
from .backends import (
    LlamaCppBackend,
    LLMError,
    OpenAICompatibleBackend,
    render_prompt,
)

__all__ = [
    "Backend",
    "LLMError",
    "LlamaCppBackend",
    "Message",
    "OpenAICompatibleBackend",
    "as_runnable",
    "build_messages",
    "get_backend",
    "render_prompt",
]

PROMPTS_DIR = PROJECT_ROOT / "prompts"
SYSTEM_PROMPT = "llm_system.txt"
USER_PROMPT = "llm_user.txt"
NO_HISTORY = "（无）"

Message = tuple[str, str]  # (role, content); role is "system", "user" or "assistant"
_ROLES = {"system": "system", "user": "user", "human": "user", "assistant": "assistant", "ai": "assistant"}
_PLACEHOLDER = re.compile(r"\{(clauses|history|question)\}")


@runtime_checkable
class Backend(Protocol):
    """A language model that streams the text of its answer to (role, content) messages."""

    name: str

    def stream(self, messages: Sequence[Message]) -> Iterator[str]: ...


def get_backend(settings: Settings) -> Backend | None:
    """The backend the settings ask for; None for "none" (answer without a language model)."""
    if settings.llm_backend == "none":
        return None
    if settings.llm_backend == "openai":
        return OpenAICompatibleBackend(
            url=settings.llm_url or "",
            model=settings.llm_model,
            api_key=settings.llm_api_key,
            timeout=settings.llm_timeout,
            max_tokens=settings.llm_max_tokens,
        )
    return LlamaCppBackend(
        Path(settings.llm_model or ""),
        timeout=settings.llm_timeout,
        max_tokens=settings.llm_max_tokens,
    )


def as_runnable(backend: Backend) -> Runnable[Any, str]:
    """The backend as a streaming Runnable: input is a list of (role, content) messages (or
    LangChain messages / a prompt value), output is text pieces."""

    def transform(inputs: Iterator[Any]) -> Iterator[str]:
        for value in inputs:
            yield from backend.stream(to_messages(value))

    return RunnableGenerator(transform, name=f"llm:{backend.name}")


def to_messages(value: Any) -> list[Message]:
    """(role, content) pairs from pairs, LangChain messages or a LangChain prompt value."""
    if hasattr(value, "to_messages"):
        value = value.to_messages()
    messages: list[Message] = []
    for item in value:
        if isinstance(item, tuple):
            role, content = item
        else:
            role, content = getattr(item, "type", ""), getattr(item, "content", "")
        if role not in _ROLES or not isinstance(content, str):
            raise LLMError(f"消息角色「{role}」无法识别：应为 system / user / assistant。")
        messages.append((_ROLES[role], content))
    return messages


def build_messages(
    question: str, history: Sequence[tuple[str, str]], citations: Sequence[Citation]
) -> list[Message]:
    """The system prompt and one user message holding the numbered clauses [1]..[n], the
    conversation so far and the question (all three marked as data, not instructions)."""
    values = {
        "clauses": format_clauses(citations),
        "history": format_history(history),
        "question": question.strip(),
    }
    user = _PLACEHOLDER.sub(lambda m: values[m.group(1)], load_prompt(USER_PROMPT))
    return [("system", load_prompt(SYSTEM_PROMPT).strip()), ("user", user.strip())]


def format_clauses(citations: Sequence[Citation]) -> str:
    if not citations:
        return "（无：没有检索到相关条款）"
    blocks = []
    for number, citation in enumerate(citations, start=1):
        header = f"[{number}] {citation.doc_title} · {citation.clause_label}".rstrip(" ·")
        blocks.append(f"{header}\n{citation.text.strip()}")
    return "\n\n".join(blocks)


def format_history(history: Sequence[tuple[str, str]]) -> str:
    """History items are (role, content) pairs; a pair whose first item is not a role is read
    as a (question, answer) turn."""
    lines: list[str] = []
    for first, second in history:
        is_role = first in _ROLES
        pairs = [(_ROLES[first], second)] if is_role else [("user", first), ("assistant", second)]
        for role, content in pairs:
            if role != "system" and content.strip():
                lines.append(f"{'用户' if role == 'user' else '助手'}：{_shorten(content)}")
    return "\n".join(lines[-PROMPT_HISTORY_TURNS:]) or NO_HISTORY


def _shorten(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= PROMPT_HISTORY_CHARS else text[: PROMPT_HISTORY_CHARS - 1] + "…"


@cache
def load_prompt(name: str) -> str:
    path = PROMPTS_DIR / name
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise LLMError(f"提示词文件 {path} 无法读取（{exc.strerror}）：请确认 prompts/ 目录完整。") from None
