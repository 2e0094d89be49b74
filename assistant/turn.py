"""A turn of the conversation: the question, with what the chain worked out about it."""

from __future__ import annotations

from dataclasses import dataclass

from .model import Clause, Guide
from .scope import Scope


@dataclass(frozen=True)
class Turn:
    """One question, with what the chain worked out about it."""

    question: str
    intent: str
    scope: Scope
    guides: tuple[Guide, ...] = ()
    reference: Clause | None = None
    default_year: bool | None = False  # None: one side of a comparison
    search_text: str = ""
