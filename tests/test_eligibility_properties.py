"""Properties of the three-valued engine, checked with hypothesis over every program and type.

- A decided result (符合 / 不符合) never changes when a fact that was unknown is learnt.
- Results do not depend on the order in which facts are given or merged.
- With every fact known, the result is decided; while undecided, only unknown facts are asked.
"""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.config import DEFAULT_KNOWLEDGE_DIR
from assistant.eligibility import FactSheet, Rules, check, load_rules
from assistant.eligibility.rules import AllOf, AnyOf, ApplicantType, Compare, FactSpec, Node
from assistant.ingest.knowledge_base import KnowledgeBase

KB = KnowledgeBase.load(DEFAULT_KNOWLEDGE_DIR)
RULES: Rules = load_rules(DEFAULT_KNOWLEDGE_DIR / "rules", KB)
TYPES = [(p.id, t) for p in RULES.programs for t in p.types]
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _limits(node: Node) -> set[float]:
    if isinstance(node, Compare):
        values = {node.value, *(c.value for c in node.cases)}
        return values | {v for c in node.cases for v in _limits(c.when)}
    if isinstance(node, AnyOf | AllOf):
        return {v for item in node.items for v in _limits(item)}
    return set()


def _values(spec: FactSpec, atype: ApplicantType) -> st.SearchStrategy:
    if spec.type == "yes_no":
        return st.booleans()
    if spec.options:
        return st.sampled_from(spec.option_values)
    limits = {v for c in atype.conditions for v in _limits(c.test)}
    near = {x for v in limits for x in (v - 1, v - 0.5, v, v + 0.5, v + 1)} | {spec.minimum, 1e6}
    interesting = sorted(x for x in near if x >= spec.minimum)
    return st.one_of(st.sampled_from(interesting), st.floats(spec.minimum, 1e5, allow_nan=False))


@st.composite
def scenario(draw: st.DrawFn) -> tuple[str, ApplicantType, dict, list[str]]:
    """A program and type, a full assignment of its facts, and a random order of the facts."""
    program, atype = draw(st.sampled_from(TYPES))
    full = {key: draw(_values(RULES.fact(key), atype)) for key in atype.facts}
    order = draw(st.permutations(list(atype.facts)))
    return program, atype, full, order


def eligible(program: str, atype: ApplicantType, facts: dict) -> bool | None:
    return check(RULES, program, atype.id, facts).eligible


@SETTINGS
@given(scenario())
def test_learning_facts_never_changes_a_decided_result(case: tuple) -> None:
    program, atype, full, order = case
    known: dict = {}
    decided: bool | None = None
    for key in order:
        known[key] = full[key]
        now = eligible(program, atype, known)
        if decided is not None:
            assert now is decided, (program, atype.id, key, known)
        decided = now if now is not None else decided
    assert eligible(program, atype, full) is not None  # everything known: decided


@SETTINGS
@given(scenario(), st.data())
def test_a_partial_decision_agrees_with_the_full_one(case: tuple, data: st.DataObject) -> None:
    program, atype, full, order = case
    subset = data.draw(st.sets(st.sampled_from(order))) if order else set()
    partial = eligible(program, atype, {k: full[k] for k in subset})
    if partial is not None:
        assert partial is eligible(program, atype, full)


@SETTINGS
@given(scenario(), st.randoms(use_true_random=False))
def test_results_do_not_depend_on_the_order_of_facts(case: tuple, rnd: random.Random) -> None:
    program, atype, full, order = case
    known = {k: full[k] for k in order[: len(order) // 2]}
    shuffled = list(known.items())
    rnd.shuffle(shuffled)
    first = check(RULES, program, atype.id, known).to_dict()
    second = check(RULES, program, atype.id, dict(shuffled)).to_dict()
    assert first == second
    pieces = [FactSheet({k: v}) for k, v in shuffled]
    merged = FactSheet()
    for piece in reversed(pieces):
        merged = merged.merge(piece)
    assert check(RULES, program, atype.id, merged).to_dict() == first


@SETTINGS
@given(scenario(), st.data())
def test_only_unknown_facts_that_matter_are_asked(case: tuple, data: st.DataObject) -> None:
    program, atype, full, order = case
    subset = data.draw(st.sets(st.sampled_from(order))) if order else set()
    known = {k: full[k] for k in subset}
    decision = check(RULES, program, atype.id, known)
    asked = [f.key for f in decision.missing_facts]
    if decision.eligible is None:
        assert asked and len(asked) == len(set(asked))
        assert not set(asked) & set(known)
        assert set(asked) <= set(atype.facts)
    else:
        assert asked == []


@pytest.mark.parametrize(("program", "atype"), TYPES, ids=[f"{p}/{t.id}" for p, t in TYPES])
def test_nothing_known_asks_about_every_required_condition(program: str, atype: ApplicantType) -> None:
    decision = check(RULES, program, atype.id, {})
    assert decision.eligible is None
    asked = {f.key for f in decision.missing_facts}
    for condition in atype.conditions:
        if condition.required:
            assert asked & set(condition.facts), condition.id
