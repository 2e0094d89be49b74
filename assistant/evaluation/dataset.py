"""The evaluation set: JSON lines, one conversation a line, validated with pydantic on load.

    {"id": "ans-046", "category": "comparison", "tags": ["distractor"], "note": "...",
     "turns": [{"question": "...", "answerable": true,
                "gold": ["2024-protection-zone:6.3"], "key_facts": ["2024年2月29日"],
                "eligibility": null}]}

Every problem is reported as an InputError naming the file, the line and the field.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    StrictFloat,
    StrictInt,
    StrictStr,
    ValidationError,
    model_validator,
)

from ..errors import InputError
from ..ingest.knowledge_base import KnowledgeBase
from ..text.encoding import read_utf8

Category = Literal[
    "fact",
    "number_date",
    "list",
    "comparison",
    "multi_turn",
    "lookup",
    "eligibility",
    "not_in_guides",
    "damaged",
]
CATEGORIES: tuple[str, ...] = Category.__args__  # type: ignore[attr-defined]
CATEGORY_NAMES = {
    "fact": "事实",
    "number_date": "数字/日期",
    "list": "列举",
    "comparison": "跨年度比较",
    "multi_turn": "多轮对话",
    "lookup": "条款查找",
    "eligibility": "申报资格",
    "not_in_guides": "指南未涉及",
    "damaged": "原文受损",
}
KeyFact = StrictStr | StrictInt | StrictFloat


class ExpectedDecision(BaseModel):
    """The eligibility checker's expected result: eligible true / false / null (待补充)."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    program: StrictStr = Field(min_length=1)
    applicant_type: StrictStr = Field(min_length=1)
    eligible: StrictBool | None


class Turn(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    question: StrictStr = Field(min_length=1)
    answerable: StrictBool = True
    gold: tuple[StrictStr, ...] = ()
    key_facts: tuple[KeyFact, ...] = ()
    eligibility: ExpectedDecision | None = None

    @model_validator(mode="after")
    def _consistent(self) -> Turn:
        if not self.question.strip():
            raise ValueError("question 不能为空白")
        if len(set(self.gold)) != len(self.gold):
            raise ValueError("gold 中有重复的条款编号")
        if not self.answerable and (self.gold or self.key_facts):
            raise ValueError("不可作答（answerable=false）的轮次不应有 gold 或 key_facts")
        if any(isinstance(f, str) and not f.strip() for f in self.key_facts):
            raise ValueError("key_facts 中有空字符串")
        return self


class Item(BaseModel):
    """One conversation of the set."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    id: StrictStr = Field(pattern=r"^[a-z][a-z0-9]*-\d{3,}$")
    category: Category
    turns: tuple[Turn, ...] = Field(min_length=1)
    tags: tuple[StrictStr, ...] = ()
    note: StrictStr = ""

    @model_validator(mode="after")
    def _category_fits(self) -> Item:
        if self.category == "multi_turn" and len(self.turns) < 2:
            raise ValueError("multi_turn 类别至少要有两轮")
        if self.category == "eligibility" and not any(t.eligibility for t in self.turns):
            raise ValueError("eligibility 类别至少要有一轮给出 eligibility")
        if self.category == "not_in_guides" and any(t.answerable for t in self.turns):
            raise ValueError("not_in_guides 类别的轮次应全部为 answerable=false")
        return self

    @property
    def questions(self) -> list[str]:
        return [t.question for t in self.turns]


def load_set(path: Path, kb: KnowledgeBase | None = None, programs: Iterable[str] = ()) -> list[Item]:
    """Read and validate the set. With `kb`, every gold clause id must exist; with `programs`,
    every expected eligibility program must be one of them."""
    if not path.is_file():
        raise InputError(f"找不到评测集 {path}：请检查 --set 的路径。")
    lines = read_utf8(path, "评测集").splitlines()
    items: list[Item] = []
    seen: dict[str, int] = {}
    known_programs = set(programs)
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        item = parse_line(path, number, line)
        if item.id in seen:
            raise InputError(f"评测集 {path} 第{number}行：id「{item.id}」与第{seen[item.id]}行重复。")
        seen[item.id] = number
        _check_references(path, number, item, kb, known_programs)
        items.append(item)
    if not items:
        raise InputError(f"评测集 {path} 是空的：每行应为一个 JSON 对象。")
    return items


def parse_line(path: Path, number: int, line: str) -> Item:
    where = f"评测集 {path} 第{number}行"
    try:
        data = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"{where}不是合法的 JSON（第{exc.colno}列：{exc.msg}）。") from None
    if not isinstance(data, dict):
        raise InputError(f'{where}应为 JSON 对象，如 {{"id": "ans-001", ...}}。')
    try:
        return Item.model_validate(data)
    except ValidationError as exc:
        raise InputError(f"{where}：{describe_error(exc)}") from None


def describe_error(exc: ValidationError) -> str:
    """The first problem of a validation error, in Chinese, naming the field (turns[0].gold)."""
    error = exc.errors(include_url=False)[0]
    field = _field_name(error["loc"])
    kind, given = error["type"], error.get("input")
    shown = json.dumps(given, ensure_ascii=False)[:60] if given is not None else "null"
    if kind == "missing":
        return f"缺少字段 {field}。"
    if kind == "extra_forbidden":
        return f"未知字段 {field}（可用字段见 eval/README.md）。"
    if kind == "literal_error":
        return f"字段 {field} 的值 {shown} 无效：可选 {' / '.join(CATEGORIES)}。"
    if kind == "string_pattern_mismatch":
        return f"字段 {field} 的值 {shown} 格式不对：应形如 ans-001。"
    if kind in ("too_short", "string_too_short"):
        return f"字段 {field} 不能为空。"
    if kind == "value_error":
        message = str(error.get("ctx", {}).get("error", error["msg"]))
        return f"{message}{f'（字段 {field}）' if field else ''}。"
    expected = _TYPE_NAMES.get(kind.split("_")[0], kind)
    if "key_facts" in field:
        expected = "字符串或数字"
    return f"字段 {field} 的值 {shown} 类型不对：应为{expected}。"


_TYPE_NAMES = {
    "string": "字符串",
    "bool": " true / false",
    "int": "整数",
    "float": "数字",
    "list": "列表",
    "tuple": "列表",
    "dict": "对象",
    "model": "对象",
}


def _field_name(loc: tuple[int | str, ...]) -> str:
    parts: list[str] = []
    for part in loc:
        if isinstance(part, int):
            parts[-1:] = [f"{parts[-1] if parts else ''}[{part}]"]
        elif not (part.startswith(("str", "int", "float")) or part[:1].isupper()):
            parts.append(part)  # skip the union member names pydantic adds (str, int, ...)
    return ".".join(parts)


def _check_references(
    path: Path, number: int, item: Item, kb: KnowledgeBase | None, programs: set[str]
) -> None:
    for i, turn in enumerate(item.turns):
        for clause_id in turn.gold:
            if kb is not None and not kb.has_clause(clause_id):
                raise InputError(
                    f"评测集 {path} 第{number}行：字段 turns[{i}].gold 中的条款编号「{clause_id}」不存在"
                    "（可用 `python -m assistant lookup` 查找）。"
                )
        expected = turn.eligibility
        if programs and expected is not None and expected.program not in programs:
            raise InputError(
                f"评测集 {path} 第{number}行：字段 turns[{i}].eligibility.program 的项目「{expected.program}」"
                "不存在（可用 `python -m assistant programs` 列出）。"
            )
