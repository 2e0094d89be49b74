"""The YAML schema of knowledge/rules/*.yaml, validated with pydantic (the border only)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from .rules import CHOICE, CONDITION, YES_NO, FactSpec, Option

KEY_PATTERN = r"^[a-z][a-z0-9_]{1,63}$"
ID_PATTERN = r"^[a-z0-9][a-z0-9-]{2,63}$"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class OptionSpec(_Strict):
    value: str = Field(min_length=1)
    synonyms: list[str] = []


class ComposedSynonyms(_Strict):
    """Phrases made of every pair: a word of `firsts`, a gap, a word of `seconds` (「上面的市」…
    「立过」): two lists staff extend, in place of every pair written out."""

    firsts: list[str] = Field(min_length=1)
    seconds: list[str] = Field(min_length=1)

    def phrases(self) -> list[str]:
        return [f"{first}…{second}" for first in self.firsts for second in self.seconds]


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
    composed_synonyms: list[ComposedSynonyms] = []
    negative_synonyms: list[str] = []
    prerequisites: list[str] = []
    year: int | None = None
    years: list[int] = []
    year_until: int | None = None
    in_progress: Literal["yes", "plan", "no", "ask"] = "ask"
    about_others: bool = False
    either: list[str] = []
    needs: list[str] = []
    yes_needs: list[str] = []
    not_with: list[str] = []
    project_words: list[str] = []
    other_projects: list[str] = []
    of_several: Literal["min", "range", "ask"] = "ask"
    since_year: bool = False
    ongoing: bool = False
    owned: bool = False
    graded_negatives: bool = False
    named_in_question: bool = False
    actors: Literal["other_level"] | None = None
    # a key, or a key with the words of this fact that alone say it (「industry_leading_position:
    # [龙头]」); a bare key needs a word of the implied fact's own in the clause
    implies: list[str | dict[str, list[str]]] = []
    # (number) a fact whose yes a figure at or above the value says (good_operation: 2000)
    implies_at: dict[str, float] = {}

    @model_validator(mode="after")
    def _complete(self) -> FactEntry:
        if self.type == YES_NO and not (self.yes_text and self.no_text):
            raise ValueError("a yes_no fact needs yes_text and no_text")
        if self.type != YES_NO and not self.label:
            raise ValueError(f"a {self.type} fact needs a label")
        if (self.type == CHOICE) != bool(self.options):
            raise ValueError("options are required for a choice fact and only allowed there")
        if self.actors and not self.about_others:
            raise ValueError("actors name another body: they are only allowed with about_others")
        if self.implies and self.type == CHOICE:
            raise ValueError("implies is only allowed on a yes_no, number or years fact")
        if self.implies_at and self.type != "number":
            raise ValueError("implies_at is only allowed on a number fact")
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
            synonyms=tuple(
                dict.fromkeys([*self.synonyms, *(p for c in self.composed_synonyms for p in c.phrases())])
            ),
            negative_synonyms=tuple(self.negative_synonyms),
            prerequisites=tuple(self.prerequisites),
            year=self.year,
            years=tuple(self.years),
            year_until=self.year_until,
            in_progress=self.in_progress,
            about_others=self.about_others,
            either=tuple(self.either),
            needs=tuple(self.needs),
            yes_needs=tuple(self.yes_needs),
            not_with=tuple(self.not_with),
            project_words=tuple(self.project_words),
            other_projects=tuple(self.other_projects),
            of_several=self.of_several,
            since_year=self.since_year,
            ongoing=self.ongoing,
            owned=self.owned,
            graded_negatives=self.graded_negatives,
            named_in_question=self.named_in_question,
            actors=self.actors,
            implies=tuple(key for i in self.implies for key in ([i] if isinstance(i, str) else i)),
            implied_by=tuple(
                (key, tuple(words)) for i in self.implies if isinstance(i, dict) for key, words in i.items()
            ),
            implied_at=tuple(self.implies_at.items()),
        )


class FactsFile(_Strict):
    facts: list[FactEntry] = Field(min_length=1)

    @model_validator(mode="after")
    def _implied_exist(self) -> FactsFile:
        keys = {f.key for f in self.facts}
        for entry in self.facts:
            spec = entry.to_spec()
            unknown = {*spec.implies, *(key for key, _ in spec.implied_at)} - keys
            if unknown:
                raise ValueError(f"{entry.key} implies unknown facts: {', '.join(sorted(unknown))}")
        return self


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
