"""Decide whether an applicant may apply: 符合 / 不符合 / 待补充, each condition tied to its clause.

Deterministic: the rules data and the facts decide; no language model is involved.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .facts import validate_facts
from .logic import Facts, Status, all_of, evaluate, evaluate_condition
from .reasons import condition_reason, unknown_facts
from .rules import (
    CHOICE,
    CONDITION,
    YES_NO,
    ApplicantType,
    Condition,
    FactSpec,
    FactValue,
    Interval,
    Option,
    Program,
    Rules,
)

VERDICTS = {True: "符合", False: "不符合", None: "待补充"}
TYPE_KEY = "applicant_type"  # the first missing fact of a decision whose applicant type was not said
_LARGE = 1e12  # stands for "as many as you like" when probing whether a fact can decide


@dataclass(frozen=True)
class ConditionResult:
    condition_id: str
    title: str
    kind: str
    required: bool
    clause_id: str
    clause_label: str
    status: Status
    reason: str
    facts: tuple[tuple[str, FactValue | None], ...]
    reading: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "clause_id": self.clause_id,
            "clause_label": self.clause_label,
            "status": self.status.value,
            "reason": self.reason,
            "condition_id": self.condition_id,
            "title": self.title,
            "kind": self.kind,
            "required": self.required,
            "facts": {key: _jsonable(value) for key, value in self.facts},
        }


@dataclass(frozen=True)
class Decision:
    program: str
    program_name: str
    guide_id: str
    applicant_type: str | None  # None: not said, and the program admits several types
    applicant_type_name: str
    eligible: bool | None
    conditions: tuple[ConditionResult, ...]
    missing_facts: tuple[FactSpec, ...]

    @property
    def verdict(self) -> str:
        return VERDICTS[self.eligible]

    def next_questions(self, limit: int = 3) -> tuple[FactSpec, ...]:
        """The few facts to ask about next (the most decisive first)."""
        return self.missing_facts[:limit]

    def to_dict(self) -> dict[str, Any]:
        """The `decision` field of the `ask --json` contract: keep the top-level keys stable."""
        return {
            "program": self.program,
            "applicant_type": self.applicant_type,
            "eligible": self.eligible,
            "conditions": [c.to_dict() for c in self.conditions],
            "missing_facts": [f.to_dict() for f in self.missing_facts],
        }


def check(rules: Rules, program: str, applicant_type: str, facts: Mapping[str, Any]) -> Decision:
    """Decide one program for one applicant type from the facts known so far."""
    prog = rules.program(program)
    atype = prog.applicant_type(applicant_type)
    values = validate_facts(rules, facts)
    results = (*_admitted(prog, atype), *(_result(c, values, rules) for c in atype.conditions))
    eligible = _eligible(atype, values, rules)
    missing = () if eligible is not None else _missing_facts(atype, values, rules)
    return Decision(prog.id, prog.name, prog.guide_id, atype.id, atype.name, eligible, results, missing)


def check_untyped(rules: Rules, program: str, facts_by_type: Mapping[str, Mapping[str, Any]]) -> Decision:
    """The applicant's type not said, for a program that admits several: 待补充, the type asked
    first. The conditions shown are those every type has, said alike and in the same state for
    each; the facts asked after the type are theirs that every type still needs. (The facts are
    read per type: `facts_by_type` maps each type's id to its reading.) A no for every type is the
    caller's to give; a yes for every type is not one: the applicant may be of a type the program
    does not admit."""
    prog = rules.program(program)
    decisions = [check(rules, program, t.id, facts_by_type[t.id]) for t in prog.types]
    first, others = decisions[0], decisions[1:]
    conditions = (
        _who_applies(prog),
        *(c for c in first.conditions if all(c in d.conditions for d in others)),
    )
    shown = {key for c in conditions for key, _ in c.facts}

    def needed_by_all(spec: FactSpec) -> bool:
        return spec.key in shown and all(spec.key in {f.key for f in d.missing_facts} for d in others)

    names = "、".join(t.name for t in prog.types)
    asked = FactSpec(
        key=TYPE_KEY,
        type=CHOICE,
        question=f"请问申报主体属于哪一类：{names}？",
        label="申报主体类型",
        options=tuple(Option(t.name) for t in prog.types),
    )
    missing = (asked, *(f for f in first.missing_facts if needed_by_all(f)))
    return Decision(prog.id, prog.name, prog.guide_id, None, "", None, conditions, missing)


def _who_applies(prog: Program) -> ConditionResult:
    """The type asked, as the condition it is, tied to the clause that lists the types (the one
    they share, else the program's 申报主体)."""
    clauses = {(t.clause_id, t.clause_label) for t in prog.types}
    clause_id, clause_label = (
        clauses.pop()
        if len(clauses) == 1
        else (prog.subject or (prog.types[0].clause_id, prog.types[0].clause_label))[:2]
    )
    names = "、".join(t.name for t in prog.types)
    reason = f"申报主体应为{names}之一，尚不清楚属于哪一类"
    return _subject_row(clause_id, clause_label, Status.UNKNOWN, reason, ((TYPE_KEY, None),))


def _admitted(prog: Program, atype: ApplicantType) -> tuple[ConditionResult, ...]:
    """The guide's 申报主体 section, met by the type said (「园区管委会」 for a 园区), when the
    guide has one of its own that lists who applies; none for a direction's own subject, nor
    where the section is itself a condition (「江苏省内注册的具有独立法人资格的企业」)."""
    if prog.subject is None or not prog.subject[2]:
        return ()
    clause_id, clause_label, text = prog.subject
    if any(c.clause_id == clause_id for c in atype.conditions):
        return ()
    reason = f"{atype.name}属于本项目的申报主体：「{text.rstrip('。')}」"
    return (_subject_row(clause_id, clause_label, Status.MET, reason),)


def _subject_row(
    clause_id: str, clause_label: str, status: Status, reason: str, facts: tuple = ()
) -> ConditionResult:
    """The condition on who applies, as a decision shows it."""
    return ConditionResult(
        TYPE_KEY, "申报主体", CONDITION, True, clause_id, clause_label, status, reason, facts
    )


def not_admitted(rules: Rules, program: str, kind: str, kind_name: str, named: str | None = None) -> Decision:
    """An applicant of a kind the program does not admit (an enterprise for the universities'
    direction, an association, a township): not eligible, with the clause saying who applies
    (of the direction the applicant `named`, when it named one: 「产业知识产权运营中心这个方向」)."""
    prog = rules.program(program)
    first = next((t for t in prog.types if t.id == named), None)
    if first is not None:  # its own condition on who applies, in its words, if it has one
        own = next((c for c in first.conditions if c.id == "subject"), None)
        clause_id, clause_label = (
            (own.clause_id, own.clause_label) if own else (first.clause_id, first.clause_label)
        )
        text = own.quotes[0] if own and own.quotes else ""  # the label names the direction
    else:
        clause_id, clause_label, text = prog.subject or (
            prog.types[0].clause_id,
            prog.types[0].clause_label,
            "",
        )
    names = text or "、".join(t.name for t in prog.types)  # the guide's words when they are its own
    subject = _subject_row(
        clause_id, clause_label, Status.NOT_MET, f"申报主体为{kind_name}，本项目的申报主体为：{names}"
    )
    return Decision(prog.id, prog.name, prog.guide_id, kind, kind_name, False, (subject,), ())


def _eligible(atype: ApplicantType, facts: Facts, rules: Rules) -> bool | None:
    status = all_of(evaluate_condition(c, facts, rules)[0] for c in atype.conditions if c.required)
    return {Status.MET: True, Status.NOT_MET: False, Status.UNKNOWN: None}[status]


def _result(condition: Condition, facts: Facts, rules: Rules) -> ConditionResult:
    status, _ = evaluate_condition(condition, facts, rules)
    return ConditionResult(
        condition_id=condition.id,
        title=condition.title,
        kind=condition.kind,
        required=condition.required,
        clause_id=condition.clause_id,
        clause_label=condition.clause_label,
        status=status,
        reason=condition_reason(condition, facts, rules),
        facts=tuple((key, facts.get(key)) for key in condition.facts),
        reading=condition.reading,
    )


def _open_facts(condition: Condition, facts: Facts, rules: Rules) -> list[str]:
    """Unknown facts that could still change this (undecided) condition."""
    keys = unknown_facts(condition.test, facts, rules)
    if condition.exemption and evaluate(condition.test, facts, rules) is not Status.MET:
        keys += [k for k in unknown_facts(condition.exemption.when, facts, rules) if k not in keys]
    return keys


def _missing_facts(atype: ApplicantType, facts: Facts, rules: Rules) -> tuple[FactSpec, ...]:
    """Facts still needed, those that alone could decide the program first, then in guide order."""
    ranks: dict[str, tuple[int, int, int]] = {}
    for index, condition in enumerate(atype.conditions):
        if not condition.required or evaluate_condition(condition, facts, rules)[0] is not Status.UNKNOWN:
            continue
        for position, key in enumerate(_open_facts(condition, facts, rules)):
            rank = (0 if _decides(atype, facts, key, rules) else 1, index, position)
            ranks[key] = min(ranks.get(key, rank), rank)
    return tuple(rules.fact(key) for key in sorted(ranks, key=ranks.__getitem__))


def _decides(atype: ApplicantType, facts: Facts, key: str, rules: Rules) -> bool:
    return any(_eligible(atype, {**facts, key: v}, rules) is not None for v in probe_values(rules.fact(key)))


def probe_values(spec: FactSpec) -> tuple[FactValue, ...]:
    """Values that cover every outcome a fact can produce (all comparisons are monotone)."""
    if spec.type == YES_NO:
        return (True, False)
    if spec.options:
        return spec.option_values
    return (spec.minimum, _LARGE)


def _jsonable(value: FactValue | None) -> Any:
    if isinstance(value, Interval):
        return {
            "min": value.lo,
            "max": None if math.isinf(value.hi) else value.hi,
            "min_exclusive": value.lo_open,
            "max_exclusive": value.hi_open,
        }
    return value
