"""The checker as a LangChain structured tool (the decision comes back as the contract's dict)."""

from __future__ import annotations

import math
from typing import Any

from langchain_core.tools import StructuredTool, ToolException
from pydantic import BaseModel, Field

from ..errors import AssistantError
from .engine import check
from .rules import Interval, Rules

TOOL_NAME = "check_eligibility"


class Bound(BaseModel):
    """A number known only by a bound (「超过3000万」 is {"min": 3000, "min_open": true})."""

    min: float | None = None
    max: float | None = None
    min_open: bool = False
    max_open: bool = False
    about: bool = False  # said as one figure with 左右 (「20件左右」)

    def interval(self) -> Interval:
        low = self.min if self.min is not None else 0.0
        high = self.max if self.max is not None else math.inf
        return Interval(low, high, self.min_open, self.max_open, about=self.about)

    @classmethod
    def of(cls, interval: Interval) -> Bound:
        high = None if math.isinf(interval.hi) else interval.hi
        return cls(
            min=interval.lo,
            max=high,
            min_open=interval.lo_open,
            max_open=interval.hi_open,
            about=interval.about,
        )


class EligibilityArgs(BaseModel):
    """Arguments of the eligibility tool."""

    program: str = Field(description="项目编号，如 2024-protection-zone、2022-high-value-patent-new")
    applicant_type: str = Field(description="申报主体类型编号，如 city、county、park、enterprise、research")
    facts: dict[str, bool | int | float | str | Bound | None] = Field(
        default_factory=dict,
        description="已知事实：键为事实名称（如 profit_tax_last_year），值为 true/false、数字（按事实单位）、"
        '选项，或只知道范围的数字 {"min": 下限, "max": 上限, "min_open": 是否不含下限}',
    )


def tool_facts(facts: dict[str, Any]) -> dict[str, Any]:
    """Facts as the tool takes them: bounds as Bound objects."""
    return {key: Bound.of(value) if isinstance(value, Interval) else value for key, value in facts.items()}


def _description(rules: Rules) -> str:
    programs = "；".join(
        f"{p.id}（{p.name}；主体：{'、'.join(f'{t.id}={t.name}' for t in p.types)}）" for p in rules.programs
    )
    return (
        "核对江苏省知识产权项目的申报条件，返回结论 eligible（true 符合 / false 不符合 / null 待补充）、"
        "逐条条件（含条款编号和理由）以及还缺哪些事实（missing_facts，按先问哪个排序）。"
        f"可核对的项目：{programs}。"
    )


def make_eligibility_tool(rules: Rules) -> StructuredTool:
    """A StructuredTool that checks one program for one applicant type from a dict of facts."""

    def check_eligibility(program: str, applicant_type: str, facts: dict[str, Any] | None = None) -> dict:
        values = {k: v.interval() if isinstance(v, Bound) else v for k, v in (facts or {}).items()}
        try:
            return check(rules, program, applicant_type, values).to_dict()
        except AssistantError as exc:
            raise ToolException(str(exc)) from None

    return StructuredTool.from_function(
        func=check_eligibility,
        name=TOOL_NAME,
        description=_description(rules),
        args_schema=EligibilityArgs,
        handle_tool_error=True,
    )
