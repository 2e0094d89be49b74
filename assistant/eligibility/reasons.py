"""One-line Chinese reasons for condition results, built from the expression and the facts."""

from __future__ import annotations

import math

from .logic import Facts, Status, evaluate, evaluate_condition, thresholds, total
from .rules import (
    YES_NO,
    AnyOf,
    Compare,
    Condition,
    FactIn,
    FactIs,
    FactSpec,
    Interval,
    Node,
    Rules,
    ThresholdCase,
)

_MET_WORDS = {">=": "不低于", ">": "超过", "<=": "不高于", "<": "低于"}
_FAIL_WORDS = {">=": "低于", ">": "未超过", "<=": "高于", "<": "不低于"}


def fmt_number(value: float) -> str:
    if math.isinf(value):
        return "∞"
    return str(int(value)) if float(value).is_integer() else f"{value:.2f}".rstrip("0").rstrip(".")


def amount(value: float, unit: str | None) -> str:
    if unit == "名":
        return f"第{fmt_number(value)}名"
    return f"{fmt_number(value)}{unit or ''}"


def describe_interval(value: Interval, unit: str | None) -> str:
    if value.about:
        return f"约{amount((value.lo + value.hi) / 2, unit)}"
    if value.is_exact:
        return amount(value.lo, unit)
    if math.isinf(value.hi):
        return f"{'超过' if value.lo_open else '不少于'}{amount(value.lo, unit)}"
    if value.lo <= 0 or (unit == "名" and value.lo <= 1):
        return f"{'不到' if value.hi_open else '不超过'}{amount(value.hi, unit)}"
    if unit == "年" and not (value.lo.is_integer() and value.hi.is_integer()):
        return _years_between(value.lo, value.hi)
    return f"{amount(value.lo, unit)}至{amount(value.hi, unit)}之间"


def _years_between(lo: float, hi: float) -> str:
    """Years counted from a year said (「2021年注册」 is 0.25 to 1.25 years at the round): as a
    person says them, 「不到2年」「2年多至3年多」."""
    if lo < 1:
        return f"不到{math.ceil(hi)}年"

    def said(years: float) -> str:
        return f"{int(years)}年" if years.is_integer() else f"{int(years)}年多"

    return f"{said(lo)}至{said(hi)}"


def fact_phrase(spec: FactSpec, facts: Facts) -> str:
    """How a reason states one fact's value (or that it is not known yet)."""
    value = facts.get(spec.key)
    if spec.type == YES_NO:
        if value is None:
            return f"尚不清楚是否{spec.yes_text}"
        return spec.yes_text if value else spec.no_text
    if value is None:
        return f"尚不清楚{spec.label}"
    if spec.is_numeric:
        number = value if isinstance(value, Interval) else Interval.exact(float(value))  # type: ignore[arg-type]
        if number.is_exact and number.lo == 0:  # 「没有PCT」: said in words, not as 「0件」
            return f"没有{spec.label}"
        return f"{spec.label}{describe_interval(number, spec.unit)}"
    return f"{spec.label}为{value}"


def condition_reason(condition: Condition, facts: Facts, rules: Rules) -> str:
    _, exempt = evaluate_condition(condition, facts, rules)
    test_status = evaluate(condition.test, facts, rules)
    text = node_reason(condition.test, test_status, facts, rules)
    if exempt is None or condition.exemption is None:
        return text
    exemption_text = node_reason(condition.exemption.when, exempt, facts, rules)
    if exempt is Status.MET:
        return f"{text}；但{exemption_text}，不受此限"
    if exempt is Status.NOT_MET:
        return f"{text}；且{exemption_text}，不能免除此项要求"
    return f"{text}；若{positive_phrase(condition.exemption.when, rules)}，则不受此限"


def positive_phrase(node: Node, rules: Rules) -> str:
    """What it means for an expression to hold (「是国家制造业单项冠军企业或是…“小巨人”企业」)."""
    if isinstance(node, FactIs):
        spec = rules.fact(node.fact)
        return spec.yes_text if node.expect else spec.no_text
    if isinstance(node, FactIn):
        return f"{rules.fact(node.fact).label}为{'或'.join(node.values)}"
    if isinstance(node, Compare):
        spec = rules.fact(node.terms[0].fact)
        label = node.label or spec.label
        return f"{label}{_MET_WORDS[node.op]}{amount(node.value, spec.unit)}"
    joiner = "或" if isinstance(node, AnyOf) else "且"
    return joiner.join(positive_phrase(item, rules) for item in node.items)


def node_reason(node: Node, status: Status, facts: Facts, rules: Rules) -> str:
    if isinstance(node, FactIs):
        return fact_phrase(rules.fact(node.fact), facts)
    if isinstance(node, FactIn):
        phrase = fact_phrase(rules.fact(node.fact), facts)
        if status is Status.NOT_MET:
            return f"{phrase}，不属于{'、'.join(node.values)}"
        return phrase
    if isinstance(node, Compare):
        return compare_reason(node, status, facts, rules)
    parts = [(item, evaluate(item, facts, rules)) for item in node.items]
    if isinstance(node, AnyOf):
        return _any_reason(parts, status, facts, rules)
    shown = [(item, s) for item, s in parts if status is Status.MET or s is status]
    return "，".join(node_reason(item, s, facts, rules) for item, s in shown)


def _any_reason(parts: list[tuple[Node, Status]], status: Status, facts: Facts, rules: Rules) -> str:
    if status is Status.MET:
        item, s = next((item, s) for item, s in parts if s is Status.MET)
        return node_reason(item, s, facts, rules)
    failed = [node_reason(item, s, facts, rules) for item, s in parts if s is Status.NOT_MET]
    if status is Status.NOT_MET:
        return "，".join(failed)
    open_ = [node_reason(item, s, facts, rules) for item, s in parts if s is Status.UNKNOWN]
    prefix = "，".join(failed) + "；" if failed else ""
    hint = "（满足其一即可）" if len(open_) > 1 else ""
    return f"{prefix}{'；'.join(open_)}{hint}"


def compare_reason(node: Compare, status: Status, facts: Facts, rules: Rules) -> str:
    unit = rules.fact(node.terms[0].fact).unit
    value_text = _value_text(node, facts, rules)
    limits = thresholds(node, facts, rules)
    if status is Status.UNKNOWN:
        if all(facts.get(t.fact) is None for t in node.terms):
            return value_text
        return f"{value_text}，{_requirement(node, limits, unit)}，尚不能确定"
    words = _MET_WORDS if status is Status.MET else _FAIL_WORDS
    strictest = (status is Status.MET) == (node.op in (">=", ">"))
    limit = max(limits) if strictest else min(limits)
    note = _case_note(node, limit) if len(set(limits)) == 1 else ""
    if len(set(limits)) > 1 and status is Status.NOT_MET and (hint := _case_note(node, limit)):
        note = f"（即使{hint[1:-1]}也不够）"
    derived = next((c for c in node.cases if c.value == limit and not _stated(c)), None)
    if derived is not None:  # a figure of the checker's arithmetic: say it with the guide's
        if status is Status.MET:
            return f"{value_text}，符合要求（{derived.note}）"
        limit = node.value
    return f"{value_text}，{words[node.op]}{amount(limit, unit)}{note}"


def _requirement(node: Compare, limits: tuple[float, ...], unit: str | None) -> str:
    text = f"要求{_MET_WORDS[node.op]}{amount(limits[-1], unit)}"
    alternatives = [c for c in node.cases if c.value in limits[:-1]]
    if alternatives:
        text += "（" + "；".join(_alternative(c, unit) for c in alternatives) + "）"
    return text


def _alternative(case: ThresholdCase, unit: str | None) -> str:
    """「手工艺品类时为1000万元」; but a figure the guide does not state itself (50 halved is
    25) is left to the guide's own words: 「三年内获奖，数量要求减半」."""
    return f"{case.note}时为{amount(case.value, unit)}" if _stated(case) else case.note


def _stated(case: ThresholdCase) -> bool:
    """Whether the guide states the case's figure itself (not 「减半」 of another one)."""
    return fmt_number(case.value) in case.quote.replace(" ", "")


def _case_note(node: Compare, limit: float) -> str:
    for case in node.cases:
        if case.value == limit:
            return f"（{case.note}）"
    return f"（{node.note}）" if node.note else ""


def _value_text(node: Compare, facts: Facts, rules: Rules) -> str:
    if len(node.terms) == 1:
        return fact_phrase(rules.fact(node.terms[0].fact), facts)
    parts = []
    for term in node.terms:
        spec = rules.fact(term.fact)
        phrase = fact_phrase(spec, facts)
        if term.weight != 1 and facts.get(term.fact) is not None and not phrase.startswith("没有"):
            phrase += f"（按1:{fmt_number(term.weight)}抵算）"
        parts.append(phrase)
    joined = "，".join(parts)
    combined = total(node, facts, rules)
    if not all(facts.get(t.fact) is not None for t in node.terms):
        return joined
    unit = rules.fact(node.terms[0].fact).unit
    said = "为零" if combined.is_exact and combined.lo == 0 else describe_interval(combined, unit)
    return f"{joined}，{node.label or '合计'}{said}"


def unknown_facts(node: Node, facts: Facts, rules: Rules) -> list[str]:
    """The unknown facts under the undecided parts of an expression, in order of mention."""
    if evaluate(node, facts, rules) is not Status.UNKNOWN:
        return []
    if isinstance(node, FactIs | FactIn):
        return [node.fact]
    if isinstance(node, Compare):
        keys = [t.fact for t in node.terms if facts.get(t.fact) is None or _is_bound(facts[t.fact])]
        for case in node.cases:
            keys += unknown_facts(case.when, facts, rules)
        return list(dict.fromkeys(keys))
    keys = [k for item in node.items for k in unknown_facts(item, facts, rules)]
    return list(dict.fromkeys(keys))


def _is_bound(value: object) -> bool:
    return isinstance(value, Interval) and not value.is_exact
