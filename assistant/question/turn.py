"""A turn of the conversation: the question, with what understanding worked out about it."""

from __future__ import annotations

from dataclasses import dataclass

from ..domain import Clause, Guide
from .scope import Scope, types_named


@dataclass(frozen=True)
class Turn:
    """One question, with what understanding worked out about it."""

    question: str
    intent: str
    scope: Scope
    guides: tuple[Guide, ...] = ()
    reference: Clause | None = None
    # the clause at the same place in another round compared (「22年和24年…条件第3条有啥不一样」)
    compared: tuple[Clause, ...] = ()
    default_year: bool | None = False  # None: one side of a comparison
    search_text: str = ""
    previous: tuple[Clause, ...] = ()  # what the last answer cited (「这个谁牵头」 asks of it)
    # a question that asks two things (「…要增长多少，一审服判息诉率呢」): each ask, answered in turn
    asks: tuple[Turn, ...] = ()
    # the matter a follow-up names of its own (「服务水平呢？」 after 「产业方面要做什么」): the part
    # of a list it asks about
    topic: str = ""

    @property
    def own_type(self) -> str | None:
        """The applicant type whose provisions come first: none when the question names
        several (「设区市、县、园区都一样吗」)."""
        return self.scope.applicant_type if len(types_named(self.question)) < 2 else None
