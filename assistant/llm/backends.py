"""The two language-model backends: any OpenAI-compatible endpoint, and a local GGUF model
through llama.cpp. Their libraries are imported only when a backend is used."""

from __future__ import annotations

import importlib.util
import os
import threading
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from ..errors import AssistantError, ConfigError

INSTALL_HINT = "请安装语言模型依赖：pip install -e '.[llm]'"
CHAT_MODES = ("auto", "chat", "completion")
COMPLETION_STOP = ["\n用户：", "用户：", "<end_of_turn>", "<start_of_turn>", "</s>"]


class LLMError(AssistantError):
    """The language model could not answer: endpoint down, timeout, model missing or broken."""


def render_prompt(messages: Sequence[tuple[str, str]]) -> str:
    """A plain-text prompt for a model without a chat template: the system text, then the turns
    as 用户：/助手：, ending with 助手： for the model to continue."""
    parts: list[str] = []
    for role, content in messages:
        if role == "system":
            parts.append(content.strip())
        else:
            parts.append(f"{'用户' if role == 'user' else '助手'}：{content.strip()}")
    parts.append("助手：")
    return "\n\n".join(parts)


class OpenAICompatibleBackend:
    """Any OpenAI-compatible chat endpoint (vLLM, Ollama, llama-cpp-python's server, ...),
    through `langchain_openai.ChatOpenAI`, streaming. Without a model name the endpoint's first
    listed model is used."""

    def __init__(
        self,
        url: str,
        model: str | None = None,
        api_key: str | None = None,
        timeout: float = 60.0,
        max_tokens: int = 512,
    ) -> None:
        if not url.startswith(("http://", "https://")):
            raise ConfigError(
                f"语言模型接口地址「{url}」无效：应形如 http://127.0.0.1:8080/v1（ASSISTANT_LLM_URL）。"
            )
        self.url = url.rstrip("/")
        self.model = model
        self.api_key = api_key or "not-needed"  # local servers accept any key; the client wants one
        self.timeout = timeout
        self.max_tokens = max_tokens
        self.name = f"openai:{self.url}"
        self._chat: Any = None

    def stream(self, messages: Sequence[tuple[str, str]]) -> Iterator[str]:
        openai, httpx = _import("openai"), _import("httpx")
        try:
            for chunk in self._client().stream(list(messages)):
                text = chunk.content if isinstance(chunk.content, str) else chunk.text
                if text:
                    yield text
        except (openai.OpenAIError, httpx.HTTPError) as exc:
            raise self._error(exc, openai) from exc

    def _client(self) -> Any:
        if self._chat is None:
            chat_openai = _import("langchain_openai").ChatOpenAI
            self._chat = chat_openai(
                model=self.model or self._first_model(),
                base_url=self.url,
                api_key=self.api_key,
                timeout=self.timeout,
                max_retries=0,
                temperature=0,
                streaming=True,
                use_responses_api=False,
                # ChatOpenAI sends max_completion_tokens, which not every server reads.
                extra_body={"max_tokens": self.max_tokens},
            )
        return self._chat

    def _first_model(self) -> str:
        openai = _import("openai")
        client = openai.OpenAI(base_url=self.url, api_key=self.api_key, timeout=self.timeout, max_retries=0)
        models = [m.id for m in client.models.list()]
        if not models:
            raise LLMError(f"语言模型接口 {self.url} 没有列出任何模型：请用 ASSISTANT_LLM_MODEL 指定模型名。")
        return models[0]

    def _error(self, exc: Exception, openai: Any) -> LLMError:
        where = f"语言模型接口 {self.url}"
        if isinstance(exc, openai.APITimeoutError):
            return LLMError(
                f"{where} 在 {self.timeout:g} 秒内没有响应：请检查服务负载或调大 ASSISTANT_LLM_TIMEOUT。"
            )
        if isinstance(exc, openai.APIConnectionError):
            return LLMError(f"无法连接{where}：请确认服务已启动、地址正确（ASSISTANT_LLM_URL）。")
        status = getattr(exc, "status_code", None)
        if status in (401, 403):
            return LLMError(f"{where} 拒绝访问（HTTP {status}）：请检查 ASSISTANT_LLM_API_KEY。")
        if status == 404:
            return LLMError(
                f"{where} 找不到模型「{self.model}」或路径（HTTP 404）：请检查 ASSISTANT_LLM_MODEL，地址通常以 /v1 结尾。"
            )
        detail = " ".join(str(exc).split())[:160]
        return LLMError(f"{where} 调用失败（{type(exc).__name__}：{detail}）：请检查服务日志。")


class LlamaCppBackend:
    """A local GGUF model through `llama_cpp.Llama`, streaming, loaded on first use.

    mode "chat" uses the model's chat template (`create_chat_completion`); "completion" renders
    the messages into one plain prompt (`render_prompt`) for `create_completion`. "auto" (the
    default) picks chat only when the GGUF carries a chat template, and falls back to completion
    when the chat call fails before producing text. `self.mode` tells which one was used.
    """

    def __init__(
        self,
        model_path: Path,
        *,
        n_ctx: int = 4096,
        n_threads: int | None = None,
        timeout: float = 60.0,
        max_tokens: int = 512,
        mode: str = "auto",
    ) -> None:
        if mode not in CHAT_MODES:
            raise ConfigError(f"llama.cpp 调用方式「{mode}」无效：请使用 {' / '.join(CHAT_MODES)}。")
        self.model_path = Path(model_path).expanduser()
        if not self.model_path.is_file():
            raise LLMError(
                f"GGUF 模型文件「{self.model_path}」不存在：请用 ASSISTANT_LLM_MODEL 指定一个存在的 .gguf 文件。"
            )
        if importlib.util.find_spec("llama_cpp") is None:
            raise LLMError(f"未安装 llama-cpp-python，无法加载 {self.model_path.name}：{INSTALL_HINT}")
        self.n_ctx = n_ctx
        self.n_threads = n_threads or os.cpu_count() or 1  # llama_cpp's own default is half the cores
        self.timeout, self.max_tokens = timeout, max_tokens
        self.requested_mode = mode
        self.mode: str | None = None  # "chat" or "completion", once decided
        self.name = f"llamacpp:{self.model_path.name}"
        self._llm: Any = None
        self._lock = threading.Lock()  # a Llama object serves one generation at a time

    def stream(self, messages: Sequence[tuple[str, str]]) -> Iterator[str]:
        with self._lock:
            llm = self._load()
            started = time.monotonic()
            try:
                pieces = self._chat_pieces(llm, messages) if self.mode == "chat" else None
                for piece in pieces or self._completion_pieces(llm, messages):
                    if piece:
                        yield piece
                    if time.monotonic() - started > self.timeout:
                        raise LLMError(
                            f"本地模型 {self.model_path.name} 生成超过 {self.timeout:g} 秒：请调小 ASSISTANT_LLM_MAX_TOKENS 或调大 ASSISTANT_LLM_TIMEOUT。"
                        )
            except (ValueError, RuntimeError) as exc:  # e.g. the prompt exceeds the context window
                raise LLMError(
                    f"本地模型 {self.model_path.name} 生成失败（{exc}）：请减少检索条数或调大上下文。"
                ) from exc

    def load(self) -> Any:
        """Load the model now (it is otherwise loaded by the first `stream`)."""
        with self._lock:
            return self._load()

    def _load(self) -> Any:
        if self._llm is None:
            llama = _import("llama_cpp")
            try:
                self._llm = llama.Llama(
                    model_path=str(self.model_path),
                    n_ctx=self.n_ctx,
                    n_threads=self.n_threads,
                    verbose=False,
                )
            except (ValueError, RuntimeError, OSError) as exc:
                raise LLMError(
                    f"无法加载 GGUF 模型「{self.model_path}」（{exc}）：请确认文件完整且为 llama.cpp 支持的格式。"
                ) from exc
            self.mode = self._pick_mode(self._llm)
        return self._llm

    def _pick_mode(self, llm: Any) -> str:
        if self.requested_mode != "auto":
            return self.requested_mode
        has_template = bool((getattr(llm, "metadata", None) or {}).get("tokenizer.chat_template"))
        return "chat" if has_template else "completion"

    def _chat_pieces(self, llm: Any, messages: Sequence[tuple[str, str]]) -> Iterator[str] | None:
        """The chat stream with its first piece already produced, or None when the chat call
        fails before any text (then the caller uses plain completion, and remembers it)."""
        payload = [{"role": role, "content": content} for role, content in messages]
        try:
            stream = llm.create_chat_completion(
                messages=payload, max_tokens=self.max_tokens, temperature=0.0, stream=True
            )
            first = next(stream, None)
        except Exception as exc:  # any failure of the chat path (a missing or broken template)
            if self.requested_mode == "chat":
                raise LLMError(
                    f"本地模型 {self.model_path.name} 的对话模板调用失败（{exc}）：请改用 completion 方式。"
                ) from exc
            self.mode = "completion"
            return None
        return _chat_text(first, stream)

    def _completion_pieces(self, llm: Any, messages: Sequence[tuple[str, str]]) -> Iterator[str]:
        stream = llm.create_completion(
            render_prompt(messages),
            max_tokens=self.max_tokens,
            temperature=0.0,
            stop=COMPLETION_STOP,
            stream=True,
        )
        for chunk in stream:
            yield chunk["choices"][0].get("text") or ""


def _chat_text(first: Any, rest: Iterator[Any]) -> Iterator[str]:
    chunk = first
    while chunk is not None:
        yield chunk["choices"][0].get("delta", {}).get("content") or ""
        chunk = next(rest, None)


def _import(module: str) -> Any:
    try:
        return importlib.import_module(module)
    except ImportError:
        raise LLMError(f"缺少 Python 包 {module}：{INSTALL_HINT}") from None
