"""Load knowledge/rules/*.yaml: validated with pydantic at the border, checked against the clause tree.

`facts.yaml` holds the fact registry; every other file holds one program. A rule that cites a
missing clause, quotes words its clause does not contain, or reads an unknown fact is a RulesError.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Literal, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from ..errors import RulesError
from ..knowledge import KnowledgeBase
from .rules import (
    CHOICE,
    CONDITION,
    YES_NO,
    AllOf,
    AnyOf,
    ApplicantType,
    Compare,
    Condition,
    Exemption,
    FactIn,
    FactIs,
    FactSpec,
    Node,
    Option,
    Program,
    Rules,
    Term,
    ThresholdCase,
)

FACTS_FILE = "facts.yaml"
KEY_PATTERN = r"^[a-z][a-z0-9_]{1,63}$"
ID_PATTERN = r"^[a-z0-9][a-z0-9-]{2,63}$"
M = TypeVar("M", bound=BaseModel)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class OptionSpec(_Strict):
    value: str = Field(min_length=1)
    synonyms: list[str] = []


class FactEntry(_Strict):
    key: str = Field(pattern=KEY_PATTERN)
    type: Literal["yes_no", "number", "years", "choice"]
    question: str = Field(min_length=4)
    label: str | None = None
    unit: str | None = None
    yes_text: str | None = None
    no_text: str | None = None
    minimum: float = 0.0
    options: list[OptionSpec] = []
    synonyms: list[str] = []
    negative_synonyms: list[str] = []
    year: int | None = None
    year_until: int | None = None

    @model_validator(mode="after")
    def _complete(self) -> FactEntry:
        if self.type == YES_NO and not (self.yes_text and self.no_text):
            raise ValueError("a yes_no fact needs yes_text and no_text")
        if self.type != YES_NO and not self.label:
            raise ValueError(f"a {self.type} fact needs a label")
        if (self.type == CHOICE) != bool(self.options):
            raise ValueError("options are required for a choice fact and only allowed there")
        if self.type in ("number", "years") and not self.unit:
            raise ValueError(f"a {self.type} fact needs a unit")
        return self

    def to_spec(self) -> FactSpec:
        return FactSpec(
            key=self.key,
            type=self.type,
            question=self.question,
            label=self.label or self.yes_text or self.key,
            unit=self.unit,
            yes_text=self.yes_text or "",
            no_text=self.no_text or "",
            minimum=self.minimum,
            options=tuple(Option(o.value, tuple(o.synonyms)) for o in self.options),
            synonyms=tuple(self.synonyms),
            negative_synonyms=tuple(self.negative_synonyms),
            year=self.year,
            year_until=self.year_until,
        )


class FactsFile(_Strict):
    facts: list[FactEntry] = Field(min_length=1)


class TermSpec(_Strict):
    fact: str
    weight: float = Field(default=1.0, gt=0)


class CaseSpec(_Strict):
    if_: NodeSpec = Field(alias="if")
    value: float
    note: str
    quote: str


class NodeSpec(_Strict):
    """One expression: a fact test, a comparison, or any/all of sub-expressions."""

    fact: str | None = None
    is_: bool | None = Field(default=None, alias="is")
    in_: list[str] | None = Field(default=None, alias="in")
    sum: list[TermSpec] | None = None
    op: Literal[">=", ">", "<=", "<"] | None = None
    value: float | None = None
    label: str | None = None
    note: str | None = None
    cases: list[CaseSpec] = []
    any: list[NodeSpec] | None = Field(default=None, min_length=2)
    all: list[NodeSpec] | None = Field(default=None, min_length=2)

    @model_validator(mode="after")
    def _one_form(self) -> NodeSpec:
        forms = [self.fact is not None, self.sum is not None, self.any is not None, self.all is not None]
        if forms.count(True) != 1:
            raise ValueError("an expression needs exactly one of fact, sum, any, all")
        is_compare = self.op is not None or self.sum is not None
        if is_compare and (self.op is None or self.value is None):
            raise ValueError("a comparison needs op and value")
        if is_compare and (self.is_ is not None or self.in_ is not None):
            raise ValueError("a comparison cannot also use is/in")
        if self.cases and not is_compare:
            raise ValueError("cases belong to a comparison")
        return self


class ExemptionSpec(_Strict):
    if_: NodeSpec = Field(alias="if")
    quote: str


class ConditionSpec(_Strict):
    id: str = Field(pattern=KEY_PATTERN)
    title: str
    kind: Literal["condition", "exclusion", "preference"] = CONDITION
    clause: str
    quote: str | list[str]
    reading: str | None = None
    test: NodeSpec
    exemption: ExemptionSpec | None = None


class TypeSpec(_Strict):
    id: str = Field(pattern=KEY_PATTERN)
    name: str
    aliases: list[str] = []
    keywords: list[str] = []
    clause: str
    conditions: list[ConditionSpec] = []


CaseSpec.model_rebuild()
ExemptionSpec.model_rebuild()


class ProgramFile(_Strict):
    id: str = Field(pattern=ID_PATTERN)
    name: str
    guide: str
    family: str
    year: int
    variant: str | None = None
    default: bool = False
    keywords: list[str] = Field(min_length=1)
    weak_keywords: list[str] = []
    variant_keywords: list[str] = []
    aliases: list[str] = []
    common_conditions: list[ConditionSpec] = []
    types: list[TypeSpec] = Field(min_length=1)


def load_rules(rules_dir: Path, kb: KnowledgeBase) -> Rules:
    """Every program under `rules_dir`, checked against the facts registry and the clause tree."""
    facts_path = rules_dir / FACTS_FILE
    if not facts_path.is_file():
        raise RulesError(f"找不到规则目录中的事实清单 {facts_path}：请确认 knowledge/rules/ 完整。")
    registry = _parse(facts_path, FactsFile)
    specs = tuple(entry.to_spec() for entry in registry.facts)
    _unique([s.key for s in specs], facts_path, "事实")
    by_key = {s.key: s for s in specs}
    programs = []
    for path in sorted(rules_dir.glob("*.yaml")):
        if path.name != FACTS_FILE:
            programs.append(_Builder(path, kb, by_key).program(_parse(path, ProgramFile)))
    if not programs:
        raise RulesError(f"规则目录 {rules_dir} 中没有任何项目规则文件。")
    _unique([p.id for p in programs], rules_dir, "项目")
    programs.sort(key=lambda p: (-p.year, p.id))
    return Rules(tuple(programs), specs)


def _parse(path: Path, model: type[M]) -> M:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise RulesError(f"无法读取规则文件 {path.name}：{exc}".replace("\n", " ")) from None
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "（顶层）"
        raise RulesError(f"规则文件 {path.name} 有误：{where}：{first['msg']}。") from None


def _unique(ids: list[str], where: Path, what: str) -> None:
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise RulesError(f"{where.name} 中{what}编号重复：{'、'.join(duplicates)}。")


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


class _Builder:
    """Turns one validated program file into domain objects, checking every reference."""

    def __init__(self, path: Path, kb: KnowledgeBase, facts: dict[str, FactSpec]) -> None:
        self.path, self.kb, self.facts = path, kb, facts

    def fail(self, where: str, problem: str) -> RulesError:
        return RulesError(f"规则文件 {self.path.name} 有误：{where}：{problem}。")

    def program(self, spec: ProgramFile) -> Program:
        if not any(g.id == spec.guide for g in self.kb.guides):
            raise self.fail("guide", f"知识库中没有指南「{spec.guide}」")
        common = [self.condition(c, f"common_conditions.{c.id}") for c in spec.common_conditions]
        types = tuple(self.applicant_type(t, common) for t in spec.types)
        _unique([t.id for t in types], self.path, "申报主体类型")
        return Program(
            id=spec.id,
            name=spec.name,
            guide_id=spec.guide,
            family=spec.family,
            year=spec.year,
            types=types,
            variant=spec.variant,
            default=spec.default,
            aliases=tuple(spec.aliases),
            keywords=tuple(spec.keywords),
            weak_keywords=tuple(spec.weak_keywords),
            variant_keywords=tuple(spec.variant_keywords),
        )

    def applicant_type(self, spec: TypeSpec, common: list[Condition]) -> ApplicantType:
        self.clause_label(spec.clause, f"types.{spec.id}.clause")
        own = [self.condition(c, f"types.{spec.id}.{c.id}") for c in spec.conditions]
        conditions = own + common
        if not conditions:
            raise self.fail(f"types.{spec.id}", "没有任何条件")
        _unique([c.id for c in conditions], self.path, f"{spec.id} 的条件")
        order = {c.id: self.kb.clause(c.clause_id).order for c in conditions}
        conditions.sort(key=lambda c: order[c.id])  # stable: declaration order within a clause
        return ApplicantType(
            spec.id, spec.name, spec.clause, tuple(conditions), tuple(spec.aliases), tuple(spec.keywords)
        )

    def clause_label(self, clause_id: str, where: str) -> str:
        if not self.kb.has_clause(clause_id):
            raise self.fail(where, f"引用的条款「{clause_id}」不存在")
        return self.kb.clause(clause_id).label

    def condition(self, spec: ConditionSpec, where: str) -> Condition:
        label = self.clause_label(spec.clause, f"{where}.clause")
        full_text = _squeeze(self.kb.full_text(self.kb.clause(spec.clause)))
        quotes = (spec.quote,) if isinstance(spec.quote, str) else tuple(spec.quote)
        exemption = None
        if spec.exemption:
            quotes_ex = (spec.exemption.quote,)
            exemption = Exemption(self.node(spec.exemption.if_, f"{where}.exemption"), spec.exemption.quote)
        else:
            quotes_ex = ()
        test = self.node(spec.test, f"{where}.test")
        for quote in (*quotes, *quotes_ex, *_case_quotes(test)):
            if not quote.strip() or _squeeze(quote) not in full_text:
                raise self.fail(f"{where}.quote", f"「{quote}」不是条款 {spec.clause} 原文的一部分")
        return Condition(
            id=spec.id,
            title=spec.title,
            kind=spec.kind,
            clause_id=spec.clause,
            clause_label=label,
            quotes=quotes,
            test=test,
            exemption=exemption,
            reading=spec.reading,
        )

    def node(self, spec: NodeSpec, where: str) -> Node:
        if spec.any is not None:
            return AnyOf(tuple(self.node(n, f"{where}.any") for n in spec.any))
        if spec.all is not None:
            return AllOf(tuple(self.node(n, f"{where}.all") for n in spec.all))
        if spec.op is not None:
            return self.compare(spec, where)
        fact = self.fact(spec.fact or "", where)
        if spec.in_ is not None:
            unknown = [v for v in spec.in_ if v not in fact.option_values]
            if fact.type != CHOICE or unknown or not spec.in_:
                raise self.fail(where, f"「in」只能用于选项事实且取值须是其选项之一：{fact.key} {unknown}")
            return FactIn(fact.key, tuple(spec.in_))
        if fact.type != YES_NO:
            raise self.fail(where, f"事实「{fact.key}」不是是/否事实，须用 op/value 或 in")
        return FactIs(fact.key, True if spec.is_ is None else spec.is_)

    def compare(self, spec: NodeSpec, where: str) -> Compare:
        terms = [TermSpec(fact=spec.fact)] if spec.fact else list(spec.sum or [])
        for term in terms:
            if not self.fact(term.fact, where).is_numeric:
                raise self.fail(where, f"事实「{term.fact}」不是数字，不能比较大小")
        cases = tuple(
            ThresholdCase(self.node(c.if_, f"{where}.cases"), c.value, c.note, c.quote) for c in spec.cases
        )
        assert spec.op is not None and spec.value is not None
        return Compare(
            terms=tuple(Term(t.fact, t.weight) for t in terms),
            op=spec.op,
            value=spec.value,
            label=spec.label,
            note=spec.note,
            cases=cases,
        )

    def fact(self, key: str, where: str) -> FactSpec:
        if key not in self.facts:
            raise self.fail(where, f"事实「{key}」未在 {FACTS_FILE} 中定义")
        return self.facts[key]


def _case_quotes(node: Node) -> list[str]:
    if isinstance(node, Compare):
        return [c.quote for c in node.cases]
    if isinstance(node, AnyOf | AllOf):
        return [q for item in node.items for q in _case_quotes(item)]
    return []
