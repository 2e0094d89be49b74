"""The named configurations `eval` can run side by side."""

from __future__ import annotations

from ..config import Settings
from ..errors import InputError

CONFIGS = {
    "default": "默认：混合检索 + 确定性答案（检索方式可由 --retrieval / ASSISTANT_RETRIEVAL 改）",
    "keyword": "关键词检索（BM25）+ 确定性答案",
    "dense": "向量检索（嵌入模型）+ 确定性答案",
    "hybrid": "混合检索 + 确定性答案",
    "llm": "语言模型答案（ASSISTANT_LLM 等环境变量），经条款核验",
}


def config_settings(name: str, settings: Settings) -> Settings:
    """The settings of a named configuration; InputError names the choices."""
    if name not in CONFIGS:
        raise InputError(f"未知的评测配置「{name}」：可选 {' / '.join(CONFIGS)}。")
    if name == "llm":
        if settings.llm_backend == "none":
            raise InputError(
                "配置 llm 需要语言模型，但没有设置 ASSISTANT_LLM（当前为 none）：请设置 ASSISTANT_LLM=openai "
                "和 ASSISTANT_LLM_URL，或 ASSISTANT_LLM=llamacpp 和 ASSISTANT_LLM_MODEL。"
            )
        return settings
    mode = settings.retrieval_mode if name == "default" else name
    return settings.with_(retrieval_mode=mode, llm_backend="none")
