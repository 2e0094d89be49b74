"""Facts given to the checker: the FactSheet (sheets from several turns merge, the newer value
winning) and validation of given facts against the registry. Reading facts from applicants'
words is understanding: assistant/question/facts.py."""

from __future__ import annotations

import difflib
import math
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..errors import FactsError
from .rules import CHOICE, COUNT_UNITS, YES_NO, FactSpec, FactValue, Interval, Rules

__all__ = ["FactSheet", "coerce", "given_facts", "merge_facts", "validate_facts"]

_YES_WORDS = {"是", "有", "yes", "true", "y", "对"}
_NO_WORDS = {"否", "无", "没有", "no", "false", "n", "不是"}


@dataclass(frozen=True)
class FactSheet(Mapping[str, FactValue]):
    """Facts known so far; a read-only mapping from fact key to value. `evidence` holds the
    words each value was read from; `doubts` the facts whose words left them in doubt (they
    are not values: the checker asks for them)."""

    values: dict[str, FactValue] = field(default_factory=dict)
    evidence: dict[str, str] = field(default_factory=dict, compare=False)
    doubts: dict[str, str] = field(default_factory=dict, compare=False)

    def __getitem__(self, key: str) -> FactValue:
        return self.values[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self.values)

    def __len__(self) -> int:
        return len(self.values)

    def __hash__(self) -> int:
        return hash(tuple(sorted(self.values.items(), key=lambda kv: kv[0])))

    def merge(self, newer: Mapping[str, FactValue]) -> FactSheet:
        """These facts updated with `newer` (a later turn corrects an earlier one; a later
        doubt about a fact takes its value back, so that it is asked)."""
        doubted = getattr(newer, "doubts", {})
        values = {k: v for k, v in self.values.items() if k not in doubted}
        evidence = {k: v for k, v in self.evidence.items() if k not in doubted}
        doubts = {k: v for k, v in self.doubts.items() if k not in newer}
        return FactSheet(
            {**values, **newer},
            {**evidence, **getattr(newer, "evidence", {})},
            {**doubts, **doubted},
        )


def merge_facts(*sheets: Mapping[str, FactValue]) -> FactSheet:
    result = FactSheet()
    for sheet in sheets:
        result = result.merge(sheet)
    return result


# --- validation --------------------------------------------------------------------------


def validate_facts(rules: Rules, raw: Mapping[str, Any]) -> dict[str, FactValue]:
    """Check given facts against the registry: known keys, right types, no negative counts."""
    if not isinstance(raw, Mapping):
        raise FactsError(
            '事实应为一个 JSON 对象，例如 {"little_giant": true, "profit_tax_last_year": 1200}。'
        )
    values: dict[str, FactValue] = {}
    for key, value in raw.items():
        if not rules.has_fact(str(key)):
            raise FactsError(_unknown_key_message(rules, str(key)))
        if value is not None:
            values[key] = coerce(rules.fact(key), value)
    return values


def _unknown_key_message(rules: Rules, key: str) -> str:
    close = difflib.get_close_matches(key, [f.key for f in rules.fact_specs], n=3)
    hint = f"是否想写：{'、'.join(close)}？" if close else ""
    return f"未知的事实「{key}」。{hint}可用 `python -m assistant programs` 查看各项目所需的事实名称。"


def coerce(spec: FactSpec, value: Any) -> FactValue:
    """One value in the fact's type, or FactsError naming the fact and what it should be."""
    where = _named(spec)
    if spec.type == YES_NO:
        return _coerce_yes_no(where, value)
    if spec.type == CHOICE:
        return _coerce_choice(spec, where, value)
    if isinstance(value, Interval):
        number = value.lo
    elif isinstance(value, bool) or not isinstance(value, int | float):
        raise FactsError(f"{where}应为数字（单位：{spec.unit}），收到「{value}」。请只填数字，例如 3。")
    else:
        number = _finite(where, value)
    if number < spec.minimum:
        limit = "负数" if spec.minimum == 0 else f"小于{spec.minimum:g}"
        raise FactsError(f"{where}不能是{limit}，收到「{value}」。")
    return value if isinstance(value, Interval) else number


def given_facts(rules: Rules, raw: Mapping[str, Any]) -> dict[str, FactValue]:
    """Facts a person typed (a facts file, the form): valid as `validate_facts` says, and
    meaningful: a count or rank is a whole number, a percentage lies between 0 and 100."""
    values = validate_facts(rules, raw)
    for key, value in values.items():
        spec = rules.fact(key)
        if isinstance(value, bool) or not isinstance(value, float):
            continue
        where = _named(spec)
        if spec.unit == "%" and value > 100:
            raise FactsError(f"{where}是百分比，应在 0 到 100 之间，收到「{value:g}」。")
        if spec.unit in COUNT_UNITS and not value.is_integer():
            raise FactsError(f"{where}是个数，应为整数，收到「{value:g}」。")
    return values


def _named(spec: FactSpec) -> str:
    """How a message names a fact: its key and its question."""
    return f"事实「{spec.key}」（{spec.question.rstrip('？')}）"


def _finite(where: str, value: int | float) -> float:
    try:
        number = float(value)
    except OverflowError:
        raise FactsError(f"{where}的数值过大，收到「{str(value)[:20]}…」：请填写实际数字。") from None
    if math.isnan(number) or math.isinf(number):
        raise FactsError(f"{where}应为有限的数字，收到「{value}」。")
    return number


def _coerce_yes_no(where: str, value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if isinstance(value, str) and text in _YES_WORDS | _NO_WORDS:
        return text in _YES_WORDS
    raise FactsError(f"{where}应为 true 或 false（是/否），收到「{value}」。")


def _coerce_choice(spec: FactSpec, where: str, value: Any) -> str:
    if isinstance(value, str):
        for option in spec.options:
            if value.strip() == option.value or value.strip() in option.synonyms:
                return option.value
    raise FactsError(f"{where}应为以下之一：{'、'.join(spec.option_values)}，收到「{value}」。")


def checkable(sheet: FactSheet, rules: Rules) -> FactSheet:
    """The facts read from an applicant's words, with any value the checker would refuse (a
    reading gone wrong: a negative count) asked instead: the applicant gets a question, never
    an error about its own words."""
    wrong = {}
    for key, value in sheet.values.items():
        try:
            coerce(rules.fact(key), value)
        except FactsError:
            wrong[key] = sheet.evidence.get(key, "")
    if not wrong:
        return sheet
    values = {k: v for k, v in sheet.values.items() if k not in wrong}
    return FactSheet(
        values, {k: v for k, v in sheet.evidence.items() if k in values}, {**sheet.doubts, **wrong}
    )
