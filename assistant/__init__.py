"""An assistant for Jiangsu IP bureau project-application guides (申报指南).

The public surface:

    from assistant import Assistant, Conversation, Settings
    assistant = Assistant(Settings.from_env())
    reply = assistant.ask("2024年保护示范区什么时候截止？", Conversation())
    reply.to_dict()  # the `ask --json` contract

`Settings` (configuration), `KnowledgeBase` (the parsed guides), `Assistant` (questions in,
replies out), `Conversation` (one chat's state), `Reply` and `Citation` (what comes back),
`WarningCode`, and the errors the library raises (`AssistantError` and its subclasses).
Everything else is internal. Names load lazily, so `python -m assistant` starts fast.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_HOMES = {
    "Assistant": "pipeline",
    "Conversation": "question.conversation",
    "Reply": "domain",
    "Citation": "domain",
    "WarningCode": "domain",
    "Settings": "config",
    "KnowledgeBase": "ingest.knowledge_base",
    "AssistantError": "errors",
    "ConfigError": "errors",
    "InputError": "errors",
    "IndexMissingError": "errors",
    "UnknownReferenceError": "errors",
}

__all__ = [
    "Assistant",
    "AssistantError",
    "Citation",
    "ConfigError",
    "Conversation",
    "IndexMissingError",
    "InputError",
    "KnowledgeBase",
    "Reply",
    "Settings",
    "UnknownReferenceError",
    "WarningCode",
]

if TYPE_CHECKING:
    from .config import Settings
    from .domain import Citation, Reply, WarningCode
    from .errors import AssistantError, ConfigError, IndexMissingError, InputError, UnknownReferenceError
    from .ingest.knowledge_base import KnowledgeBase
    from .pipeline import Assistant
    from .question.conversation import Conversation


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        return getattr(import_module(f".{_HOMES[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
