"""Load knowledge/rules/*.yaml: validated with pydantic at the border, checked against the clause tree.

`facts.yaml` holds the fact registry; every other file holds one program. A rule that cites a
missing clause, quotes words its clause does not contain, or reads an unknown fact is a RulesError.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from ..errors import RulesError
from ..ingest.knowledge_base import KnowledgeBase
from ..text.encoding import read_yaml
from .rules import (
    CHOICE,
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
    Program,
    Rules,
    Term,
    ThresholdCase,
)
from .schema import ConditionSpec, FactsFile, NodeSpec, ProgramFile, TermSpec, TypeSpec

FACTS_FILE = "facts.yaml"
M = TypeVar("M", bound=BaseModel)


def load_rules(rules_dir: Path, kb: KnowledgeBase) -> Rules:
    """Every program under `rules_dir`, checked against the facts registry and the clause tree."""
    facts_path = rules_dir / FACTS_FILE
    if not rules_dir.is_dir():
        raise RulesError(
            f"找不到申报条件规则目录 {rules_dir}：资格核对依靠它，请从代码仓库恢复 knowledge/rules/ 后重试。"
        )
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
    adverse = _adverse_facts(programs)
    return Rules(tuple(programs), tuple(replace(s, adverse=s.key in adverse) for s in specs))


def _adverse_facts(programs: list[Program]) -> set[str]:
    """The yes/no facts every rule wants false (无严重失信, 未在承担…项目): a yes of them fails."""
    wanted: dict[str, set[bool]] = {}

    def walk(node: Node) -> None:
        if isinstance(node, FactIs):
            wanted.setdefault(node.fact, set()).add(node.expect)
        elif isinstance(node, AnyOf | AllOf):
            for item in node.items:
                walk(item)

    for program in programs:
        for atype in program.types:
            for condition in atype.conditions:
                walk(condition.test)
                if condition.exemption:
                    walk(condition.exemption.when)
    return {key for key, values in wanted.items() if values == {False}}


def _parse(path: Path, model: type[M]) -> M:
    try:
        data = read_yaml(path, "规则文件", RulesError)
    except (OSError, yaml.YAMLError) as exc:  # another encoding is named by read_utf8
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
            subject=self.subject_clause(spec.guide),
        )

    def subject_clause(self, guide_id: str) -> tuple[str, str, str] | None:
        """The guide's first clause titled 申报主体 (who may apply), for an applicant it does not
        admit; with its text when it is a top section of its own (not one direction's)."""
        found = next((c for c in self.kb.guide_clauses(guide_id) if c.title == "申报主体"), None)
        if found is None:
            return None
        whole = found in self.kb.top_sections(guide_id) and not self.kb.children(found)
        body = [line for line in found.text.splitlines() if found.title not in line]  # not its heading
        return found.id, found.label, _squeeze("".join(body)) if whole else ""

    def applicant_type(self, spec: TypeSpec, common: list[Condition]) -> ApplicantType:
        label = self.clause_label(spec.clause, f"types.{spec.id}.clause")
        own = [self.condition(c, f"types.{spec.id}.{c.id}") for c in spec.conditions]
        conditions = own + common
        if not conditions:
            raise self.fail(f"types.{spec.id}", "没有任何条件")
        _unique([c.id for c in conditions], self.path, f"{spec.id} 的条件")
        order = {c.id: self.kb.clause(c.clause_id).order for c in conditions}
        conditions.sort(key=lambda c: order[c.id])  # stable: declaration order within a clause
        return ApplicantType(
            spec.id,
            spec.name,
            spec.clause,
            tuple(conditions),
            tuple(spec.aliases),
            tuple(spec.keywords),
            label,
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
            exemption = Exemption(self.node(spec.exemption.if_, f"{where}.exemption"), spec.exemption.quote)
        condition = Condition(
            id=spec.id,
            title=spec.title,
            kind=spec.kind,
            clause_id=spec.clause,
            clause_label=label,
            quotes=quotes,
            test=self.node(spec.test, f"{where}.test"),
            exemption=exemption,
            reading=spec.reading,
        )
        for quote in condition.words:
            if not quote.strip() or _squeeze(quote) not in full_text:
                raise self.fail(f"{where}.quote", f"「{quote}」不是条款 {spec.clause} 原文的一部分")
        return condition

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
