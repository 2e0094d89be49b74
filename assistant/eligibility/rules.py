"""The eligibility rules as frozen dataclasses: facts, condition expressions, programs.

The rules are data (knowledge/rules/*.yaml, loaded by `loader.py`); nothing here knows a program.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from ..errors import FactsError

YES_NO = "yes_no"
NUMBER = "number"
YEARS = "years"
CHOICE = "choice"
FACT_TYPES = (YES_NO, NUMBER, YEARS, CHOICE)
TYPE_NAMES = {YES_NO: "是/否", NUMBER: "数字", YEARS: "年数", CHOICE: "选项"}

CONDITION = "condition"  # a 申报条件 that must hold
EXCLUSION = "exclusion"  # 不得申报: must not apply
PREFERENCE = "preference"  # 优先支持: reported, never decides eligibility
CONDITION_KINDS = (CONDITION, EXCLUSION, PREFERENCE)

OPS = (">=", ">", "<=", "<")


@dataclass(frozen=True)
class Interval:
    """A set of possible numbers: what is known about a number fact (exact, a bound, or nothing)."""

    lo: float = 0.0
    hi: float = math.inf
    lo_open: bool = False
    hi_open: bool = False
    about: bool = field(default=False, compare=False)  # 「20件左右」: said as one figure, read as a span

    @classmethod
    def exact(cls, value: float) -> Interval:
        return cls(value, value)

    @property
    def is_exact(self) -> bool:
        return self.lo == self.hi and not (self.lo_open or self.hi_open)

    def intersect(self, other: Interval) -> Interval | None:
        """What both say (「2012年注册的，快十年了」), or None when they cannot both be true."""
        lo, lo_open = max((self.lo, self.lo_open), (other.lo, other.lo_open))
        hi, hi_open = min((self.hi, not self.hi_open), (other.hi, not other.hi_open))
        hi_open = not hi_open
        if lo > hi or (lo == hi and (lo_open or hi_open)):
            return None
        return Interval(lo, hi, lo_open, hi_open)

    def complement(self) -> Interval | None:
        """The numbers a one-sided bound leaves out (「不是不到三年」: not under 3, so 3 or more);
        None for a span closed on both sides, whose outside is two pieces."""
        if self.lo == 0.0 and not self.lo_open and math.isfinite(self.hi):
            return Interval(self.hi, math.inf, lo_open=not self.hi_open)
        if math.isinf(self.hi):
            return Interval(0.0, self.lo, hi_open=not self.lo_open)
        return None

    def plus(self, other: Interval, weight: float = 1.0) -> Interval:
        return Interval(
            self.lo + weight * other.lo,
            self.hi + weight * other.hi,
            self.lo_open or other.lo_open,
            self.hi_open or other.hi_open,
        )


FactValue = bool | int | float | str | Interval


@dataclass(frozen=True)
class Option:
    value: str
    synonyms: tuple[str, ...] = ()


COUNT_UNITS = ("件", "人", "家", "名")  # units of a count or a rank: whole numbers only


@dataclass(frozen=True)
class FactSpec:
    key: str
    type: str
    question: str
    label: str
    unit: str | None = None
    yes_text: str = ""
    no_text: str = ""
    minimum: float = 0.0
    options: tuple[Option, ...] = ()
    synonyms: tuple[str, ...] = ()
    negative_synonyms: tuple[str, ...] = ()
    # Phrases of a thing the fact presupposes (承担…高价值 for that project's acceptance): denied
    # for every time (「从没承担过」) they make the fact false; said, they say nothing of it.
    prerequisites: tuple[str, ...] = ()
    year: int | None = None
    years: tuple[int, ...] = ()  # the fact is about one of these years (「2020年或2021年的项目」)
    year_until: int | None = None
    # How 「正在申报」「递交了申请」 reads for this fact: yes (an application counts), no (the
    # fact is about a thing done), ask (unclear: the applicant is asked).
    in_progress: str = "ask"
    about_others: bool = False  # the fact is about another body (the city, the parent company)
    # The alternatives of an 「A或B」 fact: a negation that names only some of them is asked.
    either: tuple[str, ...] = ()
    # Words one of which a clause must hold to be read for this fact (战略推进 for its project).
    needs: tuple[str, ...] = ()
    # (yes_no) words one of which a clause must hold for a yes (牵头 for having led a project:
    # 「承担过」 alone may have been as a partner); without them a yes is asked, a no stands.
    yes_needs: tuple[str, ...] = ()
    # Words that make a clause about something else (近三年 for a last-year figure).
    not_with: tuple[str, ...] = ()
    # (yes_no) words naming the project the fact is about (高价值, 培育), and words naming other
    # projects (战略推进, 地标): a phrase naming neither (「2020年验收了」) after another project in
    # its sentence (「承担的是…战略推进计划项目，2020年验收了」) is that project's, not read.
    project_words: tuple[str, ...] = ()
    other_projects: tuple[str, ...] = ()
    # Several figures said at once (「分别是2500万、2300万、3100万」): min (the fact is the lowest),
    # range (the fact lies between the lowest and the highest), ask (the default).
    of_several: str = "ask"
    # (years) 「2017年注册的」 counts the years from then to the round's year.
    since_year: bool = False
    # (yes_no) the fact is about a project still running (正在承担, 尚未验收): a finished one
    # (「已经验收」) reads no, one done at some time (「承担过」) is asked.
    ongoing: bool = False
    # (yes_no) a yes fails the program wherever the fact is asked (失信, 事故, a project still
    # running): set by the loader from the rules. A yes of it must be said in words of a yes
    # (「有」「发生过」), never taken from a clause that says something else (「事故：生产规范」).
    adverse: bool = False
    # (yes_no) the fact is owning a thing (a lab): 「我们不是重点实验室」 says nothing of it.
    owned: bool = False
    # (yes_no) the negative synonyms say far from it (「份额很小」「排不上号」): denied (「也不是排不上
    # 号」), they do not say the fact, which is then asked.
    graded_negatives: bool = False
    # (choice) the applicant's own kind (a kind it has, 「有研究院」, is none of it): named as the subject of its question whether it can
    # apply (「国家级经开区能报…吗」), it is read, as a question of anything else is not.
    named_in_question: bool = False
    # (about another body) other_level: the applicant's other level (a county's is the city),
    # whose words the fact reader knows: a clause is read for the fact only when it names it.
    actors: str | None = None
    # (yes_no) facts that a yes of this one says too (江苏注册的独立法人 is in Jiangsu).
    implies: tuple[str, ...] = ()
    # The words of this fact that alone imply one of them (a 龙头 is in a leading position,
    # a 骨干 not by that word): (implied key, words); others need a word of their own.
    implied_by: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # (number) facts whose yes a figure at or above a value says: (implied key, value). Profits at
    # the guides' own bar show good operation (「经营状况良好，近三年利税总额均不低于2000万元」).
    implied_at: tuple[tuple[str, float], ...] = ()

    @property
    def is_numeric(self) -> bool:
        return self.type in (NUMBER, YEARS)

    @property
    def option_values(self) -> tuple[str, ...]:
        return tuple(o.value for o in self.options)

    def to_dict(self) -> dict[str, Any]:
        """The `missing_facts` entry of the decision dict (extra keys are allowed there)."""
        data: dict[str, Any] = {
            "key": self.key,
            "question": self.question,
            "type": self.type,
            "unit": self.unit,
        }
        data["label"] = self.label
        if self.options:
            data["options"] = list(self.option_values)
        return data


# --- condition expressions ---------------------------------------------------------------


@dataclass(frozen=True)
class FactIs:
    """A yes/no fact must have the given value (`expect=False` encodes 无…/未…)."""

    fact: str
    expect: bool = True


@dataclass(frozen=True)
class FactIn:
    """A choice fact must be one of `values`."""

    fact: str
    values: tuple[str, ...]


@dataclass(frozen=True)
class Term:
    fact: str
    weight: float = 1.0


@dataclass(frozen=True)
class ThresholdCase:
    """When `when` holds, the threshold is `value` instead of the default (e.g. halved for award winners)."""

    when: Node
    value: float
    note: str
    quote: str


@dataclass(frozen=True)
class Compare:
    """sum(weight * fact) OP threshold; the threshold may depend on other facts through `cases`."""

    terms: tuple[Term, ...]
    op: str
    value: float
    label: str | None = None
    note: str | None = None
    cases: tuple[ThresholdCase, ...] = ()


@dataclass(frozen=True)
class AnyOf:
    items: tuple[Node, ...]


@dataclass(frozen=True)
class AllOf:
    items: tuple[Node, ...]


Node = FactIs | FactIn | Compare | AnyOf | AllOf


def node_facts(node: Node) -> tuple[str, ...]:
    """Every fact a node reads, in order of first mention."""
    seen: dict[str, None] = {}
    if isinstance(node, FactIs | FactIn):
        seen[node.fact] = None
    elif isinstance(node, Compare):
        seen.update((t.fact, None) for t in node.terms)
        for case in node.cases:
            seen.update((k, None) for k in node_facts(case.when))
    else:
        for item in node.items:
            seen.update((k, None) for k in node_facts(item))
    return tuple(seen)


@dataclass(frozen=True)
class Exemption:
    """The condition also holds when `when` holds (e.g. 「可不受利税总额限制」)."""

    when: Node
    quote: str


@dataclass(frozen=True)
class Condition:
    id: str
    title: str
    kind: str
    clause_id: str
    clause_label: str
    quotes: tuple[str, ...]
    test: Node
    exemption: Exemption | None = None
    reading: str | None = None

    @property
    def required(self) -> bool:
        return self.kind != PREFERENCE

    @property
    def facts(self) -> tuple[str, ...]:
        keys = list(node_facts(self.test))
        if self.exemption:
            keys += [k for k in node_facts(self.exemption.when) if k not in keys]
        return tuple(keys)

    @property
    def words(self) -> tuple[str, ...]:
        """Every passage of the clause the condition encodes: its own words, then its
        exemption's (「可不受利税总额限制」) and its threshold cases' (「专利数量要求可减半」)."""
        exempt = (self.exemption.quote,) if self.exemption else ()
        return tuple(dict.fromkeys((*self.quotes, *exempt, *case_quotes(self.test))))


def case_quotes(node: Node) -> list[str]:
    """The words of every threshold case in a node (「…的企业，专利数量要求可减半」)."""
    if isinstance(node, Compare):
        return [c.quote for c in node.cases]
    if isinstance(node, AnyOf | AllOf):
        return [q for item in node.items for q in case_quotes(item)]
    return []


@dataclass(frozen=True)
class ApplicantType:
    id: str
    name: str
    clause_id: str
    conditions: tuple[Condition, ...]
    aliases: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    clause_label: str = ""

    @property
    def facts(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for condition in self.conditions:
            seen.update((k, None) for k in condition.facts)
        return tuple(seen)


@dataclass(frozen=True)
class Program:
    id: str
    name: str
    guide_id: str
    family: str
    year: int
    types: tuple[ApplicantType, ...]
    variant: str | None = None
    default: bool = False
    aliases: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    weak_keywords: tuple[str, ...] = ()
    variant_keywords: tuple[str, ...] = ()
    # (clause id, label, its text when it is one top section for every type, else "") of the
    # guide's 申报主体 clause
    subject: tuple[str, str, str] | None = None

    def applicant_type(self, name: str) -> ApplicantType:
        """Find a type by id or Chinese alias; FactsError names the choices."""
        wanted = name.strip()
        for atype in self.types:
            if wanted == atype.id or wanted == atype.name or wanted in atype.aliases:
                return atype
        choices = "、".join(f"{t.id}（{t.name}）" for t in self.types)
        raise FactsError(f"项目「{self.id}」没有申报主体类型「{name}」。可选：{choices}。")

    @property
    def facts(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for atype in self.types:
            seen.update((k, None) for k in atype.facts)
        return tuple(seen)


@dataclass(frozen=True)
class Rules:
    programs: tuple[Program, ...]
    fact_specs: tuple[FactSpec, ...]

    @cached_property
    def _facts(self) -> dict[str, FactSpec]:
        return {f.key: f for f in self.fact_specs}

    def fact(self, key: str) -> FactSpec:
        try:
            return self._facts[key]
        except KeyError:
            raise FactsError(
                f"未知的事实「{key}」。请使用 `python -m assistant programs` 列出的事实名称。"
            ) from None

    def has_fact(self, key: str) -> bool:
        return key in self._facts

    def program(self, name: str) -> Program:
        """Find a program by id or Chinese alias; FactsError lists the programs."""
        wanted = name.strip()
        for program in self.programs:
            if wanted == program.id or wanted == program.name:
                return program
        for program in self.programs:
            if wanted in program.aliases:
                return program
        choices = "、".join(f"{p.id}（{p.name}）" for p in self.programs)
        raise FactsError(f"没有名为「{name}」的项目。可选：{choices}。")
