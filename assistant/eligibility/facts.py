"""Facts: validating given facts, and reading them from applicants' own words without a model.

`extract_facts` finds the phrases each fact lists in the rules data (its synonyms), reads the
number, option or yes/no answer next to them (with negations such as 没有/未/尚未/不是/无/低于),
and returns a FactSheet; sheets from several turns merge, the newer value winning.
`detect_program` (from detect.py) tells which program and applicant type a message is about.
"""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..errors import FactsError
from .detect import ProgramGuess, detect_program
from .matching import Match, find_matches, negated, number_near, uncertain, years_in
from .rules import CHOICE, YES_NO, FactSpec, FactValue, Interval, Rules

__all__ = [
    "FactSheet",
    "ProgramGuess",
    "coerce",
    "detect_program",
    "extract_facts",
    "facts_from_turns",
    "merge_facts",
    "validate_facts",
]

_YES_WORDS = {"是", "有", "yes", "true", "y", "对"}
_NO_WORDS = {"否", "无", "没有", "no", "false", "n", "不是"}


@dataclass(frozen=True)
class FactSheet(Mapping[str, FactValue]):
    """Facts known so far; a read-only mapping from fact key to value."""

    values: dict[str, FactValue] = field(default_factory=dict)
    evidence: dict[str, str] = field(default_factory=dict, compare=False)

    def __getitem__(self, key: str) -> FactValue:
        return self.values[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self.values)

    def __len__(self) -> int:
        return len(self.values)

    def __hash__(self) -> int:
        return hash(tuple(sorted(self.values.items(), key=lambda kv: kv[0])))

    def merge(self, newer: Mapping[str, FactValue]) -> FactSheet:
        """These facts updated with `newer` (a later turn corrects an earlier one)."""
        evidence = {**self.evidence, **getattr(newer, "evidence", {})}
        return FactSheet({**self.values, **newer}, evidence)


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
    where = f"事实「{spec.key}」（{spec.question.rstrip('？')}）"
    if spec.type == YES_NO:
        return _coerce_yes_no(where, value)
    if spec.type == CHOICE:
        return _coerce_choice(spec, where, value)
    if isinstance(value, Interval):
        number = value.lo
    elif isinstance(value, bool) or not isinstance(value, int | float):
        raise FactsError(f"{where}应为数字（单位：{spec.unit}），收到「{value}」。请只填数字，例如 3。")
    else:
        number = float(value)
    if math.isnan(number) or math.isinf(number):
        raise FactsError(f"{where}应为有限的数字，收到「{value}」。")
    if number < spec.minimum:
        limit = "负数" if spec.minimum == 0 else f"小于{spec.minimum:g}"
        raise FactsError(f"{where}不能是{limit}，收到「{value}」。")
    return value if isinstance(value, Interval) else number


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


# --- extraction --------------------------------------------------------------------------

_SEGMENT = re.compile(r"[^，。；！？,;!?\n]+")


def scope_keys(rules: Rules, program: str | None, applicant_type: str | None) -> tuple[str, ...]:
    """The facts a program (and applicant type) uses; every fact when the program is not known."""
    if program is None:
        return tuple(f.key for f in rules.fact_specs)
    prog = rules.program(program)
    if applicant_type is None:
        return prog.facts
    return prog.applicant_type(applicant_type).facts


def extract_facts(
    text: str, rules: Rules, program: str | None = None, applicant_type: str | None = None
) -> FactSheet:
    """Facts stated in one message; limited to the program's facts when the program is known."""
    specs = [rules.fact(k) for k in scope_keys(rules, program, applicant_type)]
    values: dict[str, FactValue] = {}
    evidence: dict[str, str] = {}
    for segment_match in _SEGMENT.finditer(normalize(text)):
        segment = segment_match.group()
        matches = find_matches(segment, specs)
        for index, match in enumerate(matches):
            if match.spec.key in values:
                continue
            value = _read(segment, matches, index)
            if value is not None:
                values[match.spec.key] = value
                evidence[match.spec.key] = segment.strip()
    return FactSheet(values, evidence)


def facts_from_turns(
    turns: list[str], rules: Rules, program: str | None = None, applicant_type: str | None = None
) -> FactSheet:
    """Facts accumulated over a conversation, later turns overriding earlier ones."""
    sheet = FactSheet()
    for turn in turns:
        sheet = sheet.merge(extract_facts(turn, rules, program, applicant_type))
    return sheet


def normalize(text: str) -> str:
    """Full-width digits and signs to ASCII, thousands separators dropped."""
    table = {ord(c): ord(c) - 0xFEE0 for c in "０１２３４５６７８９％．："}
    text = text.translate(table)
    return re.sub(r"(?<=\d)[,，](?=\d{3}(?!\d))", "", text)


def _read(segment: str, matches: list[Match], index: int) -> FactValue | None:
    match = matches[index]
    spec = match.spec
    if uncertain(segment, matches, index):
        return None
    mentioned = years_in(segment)
    if spec.year is not None and mentioned and spec.year not in mentioned:
        return None  # the sentence is about another year
    if spec.type == YES_NO:
        if spec.year_until is not None and mentioned and min(mentioned) > spec.year_until:
            return False
        return _read_yes_no(segment, matches, index)
    if spec.type == CHOICE:
        return _read_choice(segment, matches, index)
    return number_near(segment, matches, index)


def _read_yes_no(segment: str, matches: list[Match], index: int) -> bool | None:
    match = matches[index]
    if match.negative:
        return False
    count = number_near(segment, matches, index, adjacent=True)
    if isinstance(count, Interval):
        return count.lo > 0 or count.lo_open
    if count is not None:
        return float(count) > 0
    return not negated(segment, matches, index)


def _read_choice(segment: str, matches: list[Match], index: int) -> str | None:
    match = matches[index]
    is_negated = match.negative or negated(segment, matches, index)
    if not is_negated:
        return match.option
    others = [v for v in match.spec.option_values if v != match.option]
    return others[0] if len(others) == 1 else None
