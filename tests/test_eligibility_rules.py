"""The rules data: provenance against the clause tree, completeness, and clear load errors."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from assistant.config import DEFAULT_KNOWLEDGE_DIR
from assistant.eligibility import Rules, load_rules
from assistant.eligibility.rules import AllOf, AnyOf, Compare, Condition, Node
from assistant.eligibility.schema import FactEntry
from assistant.errors import RulesError
from assistant.ingest.knowledge_base import KnowledgeBase

RULES_DIR = DEFAULT_KNOWLEDGE_DIR / "rules"
PROGRAMS = {
    "2024-protection-zone": {"city", "county", "park"},
    "2022-protection-zone": {"city", "county", "park"},
    "2022-gi-brand": {"city", "county"},
    "2022-industrial-brand": {"enterprise"},
    "2022-high-value-patent-new": {"enterprise", "research"},
    "2022-high-value-patent-upgrade": {"enterprise", "research"},
    "2022-patent-transfer": {"research", "park"},
}
# Wording that must appear in a quote for each way of comparing (「不低于」「以上」 inclusive, 「超过」 exclusive).
OP_WORDS = {">=": ("不低于", "不少于", "以上"), ">": ("超过", "高于"), "<=": ("前",), "<": ("低于",)}


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase.load(DEFAULT_KNOWLEDGE_DIR)


@pytest.fixture(scope="module")
def rules(kb: KnowledgeBase) -> Rules:
    return load_rules(RULES_DIR, kb)


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def all_conditions(rules: Rules) -> list[tuple[str, Condition]]:
    return [(f"{p.id}/{t.id}/{c.id}", c) for p in rules.programs for t in p.types for c in t.conditions]


def compares(node: Node) -> list[Compare]:
    if isinstance(node, Compare):
        return [node, *(c for case in node.cases for c in compares(case.when))]
    if isinstance(node, AnyOf | AllOf):
        return [c for item in node.items for c in compares(item)]
    return []


def has_alternatives(node: Node) -> bool:
    if isinstance(node, AnyOf):
        return True
    return isinstance(node, AllOf) and any(has_alternatives(item) for item in node.items)


def fmt(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def test_every_program_and_applicant_type_is_covered(rules: Rules) -> None:
    assert {p.id: {t.id for t in p.types} for p in rules.programs} == PROGRAMS


def test_every_rule_cites_an_existing_clause_with_its_label(rules: Rules, kb: KnowledgeBase) -> None:
    for where, condition in all_conditions(rules):
        assert kb.has_clause(condition.clause_id), where
        assert condition.clause_label == kb.clause(condition.clause_id).label, where
        assert condition.clause_id.split(":")[0] == next(
            p.guide_id for p in rules.programs if where.startswith(p.id + "/")
        ), where


def test_every_quote_is_verbatim_clause_text(rules: Rules, kb: KnowledgeBase) -> None:
    for where, condition in all_conditions(rules):
        full_text = squeeze(kb.full_text(kb.clause(condition.clause_id)))
        assert set(condition.words) >= {case.quote for c in compares(condition.test) for case in c.cases}
        for quote in condition.words:
            assert squeeze(quote) in full_text, f"{where}: 「{quote}」"


def test_thresholds_and_their_wording_come_from_the_quote(rules: Rules) -> None:
    for where, condition in all_conditions(rules):
        quoted = squeeze("".join(condition.quotes))
        for compare in compares(condition.test):
            assert fmt(compare.value) in quoted, f"{where}: {compare.value}"
            assert any(word in quoted for word in OP_WORDS[compare.op]), f"{where}: {compare.op}"
            for case in compare.cases:
                assert fmt(case.value) in case.quote or "减半" in case.quote, f"{where}: {case.value}"


def test_exemptions_quote_their_wording(rules: Rules) -> None:
    exempted = {where: c.exemption for where, c in all_conditions(rules) if c.exemption}
    assert {w.rsplit("/", 1)[1] for w in exempted} == {"profit_tax", "gi_sales"}
    for where, exemption in exempted.items():
        assert "不受" in exemption.quote, where


def test_readings_are_written_down(rules: Rules) -> None:
    """Alternatives, thresholds and exemptions need a reading; so do the guides' ambiguous phrases."""
    for where, condition in all_conditions(rules):
        needs = has_alternatives(condition.test) or compares(condition.test) or condition.exemption
        if needs:
            assert condition.reading and len(condition.reading) > 8, where
    readings = " ".join(c.reading or "" for _, c in all_conditions(rules))
    for phrase in (
        "超过3年以上",
        "按1:2抵算",
        "国家和省重点实验室",
        "均不低于",
        "2021年以前",
        "「高于」不含等于",
    ):
        assert phrase in readings, phrase


def test_exclusions_come_from_the_requirements_sections(rules: Rules) -> None:
    exclusions = {c.clause_id for _, c in all_conditions(rules) if c.kind == "exclusion"}
    assert exclusions == {
        "2022-protection-zone:3.p1",
        "2022-gi-brand:6.1",
        "2022-industrial-brand:6.1",
        "2022-high-value-patent:6.1",
    }


def test_every_fact_is_used_and_can_be_extracted(rules: Rules) -> None:
    used = {key for p in rules.programs for key in p.facts}
    assert used == {f.key for f in rules.fact_specs}
    for spec in rules.fact_specs:
        assert spec.synonyms or all(o.synonyms for o in spec.options), spec.key
        assert spec.question.endswith("？") or spec.question.endswith("）"), spec.key


# --- load errors ---------------------------------------------------------------------------

PROGRAM = """
id: test-program
name: 测试项目
guide: 2024-protection-zone
family: test
year: 2024
keywords: [测试项目]
types:
  - id: county
    name: 县（市、区）
    clause: 2024-protection-zone:3.2
    conditions:
      - id: withdrawal_rate
        title: 撤回率
        clause: {clause}
        quote: {quote}
        test: {test}
"""


def write_rules(tmp_path: Path, **fields: str) -> Path:
    target = tmp_path / "rules"
    target.mkdir()
    shutil.copy(RULES_DIR / "facts.yaml", target)
    values = {"clause": "2024-protection-zone:3.2.2", "quote": "应高于全省平均水平"}
    values["test"] = "{fact: withdrawal_above_avg_2023}"
    values.update(fields)
    (target / "test.yaml").write_text(PROGRAM.format(**values), encoding="utf-8")
    return target


def test_a_valid_minimal_program_loads(tmp_path: Path, kb: KnowledgeBase) -> None:
    loaded = load_rules(write_rules(tmp_path), kb)
    assert [p.id for p in loaded.programs] == ["test-program"]


@pytest.mark.parametrize(
    ("fields", "words"),
    [
        ({"clause": "2024-protection-zone:3.9"}, ["test.yaml", "2024-protection-zone:3.9", "不存在"]),
        ({"quote": "应低于全省平均水平"}, ["test.yaml", "应低于全省平均水平", "原文"]),
        ({"test": "{fact: no_such_fact}"}, ["test.yaml", "no_such_fact"]),
        ({"test": "{fact: invention_rank_2020}"}, ["test.yaml", "invention_rank_2020"]),
        ({"test": "{fact: invention_rank_2020, op: '>='}"}, ["test.yaml", "op and value"]),
        ({"test": "{fact: park_kind, in: [市级园区]}"}, ["test.yaml", "park_kind"]),
        ({"test": "{any: [{fact: zhenzhua_2022}]}"}, ["test.yaml", "any"]),
        ({"test": "{fact: zhenzhua_2022, colour: red}"}, ["test.yaml", "colour"]),
    ],
)
def test_bad_rules_are_rules_errors(
    tmp_path: Path, kb: KnowledgeBase, fields: dict, words: list[str]
) -> None:
    with pytest.raises(RulesError) as error:
        load_rules(write_rules(tmp_path, **fields), kb)
    message = str(error.value)
    assert all(word in message for word in words), message
    assert "\n" not in message


def test_malformed_yaml(tmp_path: Path, kb: KnowledgeBase) -> None:
    target = write_rules(tmp_path)
    (target / "broken.yaml").write_text("id: [unclosed\n", encoding="utf-8")
    with pytest.raises(RulesError, match=r"broken\.yaml"):
        load_rules(target, kb)


def test_missing_registry(tmp_path: Path, kb: KnowledgeBase) -> None:
    with pytest.raises(RulesError, match=r"facts\.yaml"):
        load_rules(tmp_path, kb)


def test_composed_synonyms_are_every_pair_once() -> None:
    """Staff extend two lists (the names of a parent body, the verbs of having had a project):
    each pair is a phrase with a gap between; a pair already written out is not doubled."""
    entry = FactEntry.model_validate(
        {
            "key": "parent_x",
            "type": "yes_no",
            "question": "所属设区市是否已承担？",
            "yes_text": "已承担",
            "no_text": "未承担",
            "synonyms": ["上面的市…立过"],
            "composed_synonyms": [{"firsts": ["上面的市", "地级市"], "seconds": ["立过", "承担"]}],
        }
    )
    assert entry.to_spec().synonyms == ("上面的市…立过", "上面的市…承担", "地级市…立过", "地级市…承担")
    with pytest.raises(ValueError):
        FactEntry.model_validate(
            {**entry.model_dump(), "composed_synonyms": [{"firsts": [], "seconds": ["立过"]}]}
        )
