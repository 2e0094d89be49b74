"""Three-valued (Kleene) evaluation of condition expressions.

A missing fact is unknown. Numbers are evaluated as intervals (an unknown count is [0, ∞)), and a
threshold that depends on an unknown fact is the set of values it could take, so every operation
is monotone: learning a fact can turn unknown into met or not met, never met into not met.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from enum import StrEnum

from .rules import (
    AnyOf,
    Compare,
    Condition,
    FactIn,
    FactIs,
    FactValue,
    Interval,
    Node,
    Rules,
)

Facts = Mapping[str, FactValue]


class Status(StrEnum):
    MET = "met"
    NOT_MET = "not_met"
    UNKNOWN = "unknown"


def all_of(statuses: Iterable[Status]) -> Status:
    result = Status.MET
    for status in statuses:
        if status is Status.NOT_MET:
            return Status.NOT_MET
        if status is Status.UNKNOWN:
            result = Status.UNKNOWN
    return result


def any_of(statuses: Iterable[Status]) -> Status:
    result = Status.NOT_MET
    for status in statuses:
        if status is Status.MET:
            return Status.MET
        if status is Status.UNKNOWN:
            result = Status.UNKNOWN
    return result


def of_bool(value: bool) -> Status:
    return Status.MET if value else Status.NOT_MET


def evaluate(node: Node, facts: Facts, rules: Rules) -> Status:
    if isinstance(node, FactIs):
        value = facts.get(node.fact)
        return Status.UNKNOWN if value is None else of_bool(value is node.expect)
    if isinstance(node, FactIn):
        value = facts.get(node.fact)
        return Status.UNKNOWN if value is None else of_bool(value in node.values)
    if isinstance(node, Compare):
        return compare_status(total(node, facts, rules), node.op, thresholds(node, facts, rules))
    if isinstance(node, AnyOf):
        return any_of(evaluate(item, facts, rules) for item in node.items)
    return all_of(evaluate(item, facts, rules) for item in node.items)


def evaluate_condition(condition: Condition, facts: Facts, rules: Rules) -> tuple[Status, Status | None]:
    """The condition's status, and its exemption's status when the exemption was looked at."""
    status = evaluate(condition.test, facts, rules)
    if condition.exemption is None or status is Status.MET:
        return status, None
    exempt = evaluate(condition.exemption.when, facts, rules)
    return any_of((status, exempt)), exempt


def interval(key: str, facts: Facts, rules: Rules) -> Interval:
    """What is known about a number fact: exact, a bound (from words like 超过), or [minimum, ∞)."""
    value = facts.get(key)
    if value is None:
        return Interval(rules.fact(key).minimum, math.inf)
    if isinstance(value, Interval):
        return value
    return Interval.exact(float(value))


def total(node: Compare, facts: Facts, rules: Rules) -> Interval:
    result = Interval(0.0, 0.0)
    for term in node.terms:
        result = result.plus(interval(term.fact, facts, rules), term.weight)
    return result


def thresholds(node: Compare, facts: Facts, rules: Rules) -> tuple[float, ...]:
    """Every threshold still possible: the first case that holds wins, unknown cases stay possible."""
    possible: list[float] = []
    for case in node.cases:
        status = evaluate(case.when, facts, rules)
        if status is Status.MET:
            return (*possible, case.value)
        if status is Status.UNKNOWN:
            possible.append(case.value)
    return (*possible, node.value)


def compare_status(value: Interval, op: str, limits: tuple[float, ...]) -> Status:
    """Met if the comparison holds for every possible value and limit, not met if for none."""
    results = {_compare_one(value, op, limit) for limit in limits}
    return results.pop() if len(results) == 1 else Status.UNKNOWN


def _compare_one(x: Interval, op: str, t: float) -> Status:
    if op == ">=":
        always = x.lo >= t  # 「超过3.5%」 (open at 3.5) is at least 3.5% too
        never = x.hi < t or (x.hi == t and x.hi_open)
    elif op == ">":
        always = x.lo > t or (x.lo == t and x.lo_open)
        never = x.hi <= t
    elif op == "<=":
        always = x.hi <= t
        never = x.lo > t or (x.lo == t and x.lo_open)
    else:  # "<"
        always = x.hi < t or (x.hi == t and x.hi_open)
        never = x.lo >= t
    if always:
        return Status.MET
    return Status.NOT_MET if never else Status.UNKNOWN
