"""Reading applicants' facts from their own words, without a model.

`extract_facts` finds the phrases each fact lists in the rules data (its synonyms), reads the
number, option or yes/no answer next to them (with negations such as 没有/未/尚未/不是/无/低于),
and returns a FactSheet; sheets from several turns merge, the newer value winning.
"""

from __future__ import annotations

import re

from ..eligibility.facts import FactSheet
from ..eligibility.rules import CHOICE, YES_NO, FactValue, Interval, Rules
from .fact_phrases import Match, find_matches, negated, number_near, uncertain, years_in

# --- extraction --------------------------------------------------------------------------

_SEGMENT = re.compile(r"[^，。；！？,;!?\n]+")


def scope_keys(rules: Rules, program: str | None, applicant_type: str | None) -> tuple[str, ...]:
    """The facts a program (and applicant type) uses; every fact when the program is not known."""
    if program is None:
        return tuple(f.key for f in rules.fact_specs)
    prog = rules.program(program)
    if applicant_type is None:
        return prog.facts
    return prog.applicant_type(applicant_type).facts


def extract_facts(
    text: str, rules: Rules, program: str | None = None, applicant_type: str | None = None
) -> FactSheet:
    """Facts stated in one message; limited to the program's facts when the program is known."""
    specs = [rules.fact(k) for k in scope_keys(rules, program, applicant_type)]
    values: dict[str, FactValue] = {}
    evidence: dict[str, str] = {}
    for segment_match in _SEGMENT.finditer(normalize(text)):
        segment = segment_match.group()
        matches = find_matches(segment, specs)
        for index, match in enumerate(matches):
            if match.spec.key in values:
                continue
            value = _read(segment, matches, index)
            if value is not None:
                values[match.spec.key] = value
                evidence[match.spec.key] = segment.strip()
    return FactSheet(values, evidence)


def facts_from_turns(
    turns: list[str], rules: Rules, program: str | None = None, applicant_type: str | None = None
) -> FactSheet:
    """Facts accumulated over a conversation, later turns overriding earlier ones."""
    sheet = FactSheet()
    for turn in turns:
        sheet = sheet.merge(extract_facts(turn, rules, program, applicant_type))
    return sheet


def normalize(text: str) -> str:
    """Full-width digits and signs to ASCII, thousands separators dropped."""
    table = {ord(c): ord(c) - 0xFEE0 for c in "０１２３４５６７８９％．："}
    text = text.translate(table)
    return re.sub(r"(?<=\d)[,，](?=\d{3}(?!\d))", "", text)


def _read(segment: str, matches: list[Match], index: int) -> FactValue | None:
    match = matches[index]
    spec = match.spec
    if uncertain(segment, matches, index):
        return None
    mentioned = years_in(segment)
    if spec.year is not None and mentioned and spec.year not in mentioned:
        return None  # the sentence is about another year
    if spec.type == YES_NO:
        if spec.year_until is not None and mentioned and min(mentioned) > spec.year_until:
            return False
        return _read_yes_no(segment, matches, index)
    if spec.type == CHOICE:
        return _read_choice(segment, matches, index)
    return number_near(segment, matches, index)


def _read_yes_no(segment: str, matches: list[Match], index: int) -> bool | None:
    match = matches[index]
    if match.negative:
        return False
    count = number_near(segment, matches, index, adjacent=True)
    if isinstance(count, Interval):
        return count.lo > 0 or count.lo_open
    if count is not None:
        return float(count) > 0
    return not negated(segment, matches, index)


def _read_choice(segment: str, matches: list[Match], index: int) -> str | None:
    match = matches[index]
    is_negated = match.negative or negated(segment, matches, index)
    if not is_negated:
        return match.option
    others = [v for v in match.spec.option_values if v != match.option]
    return others[0] if len(others) == 1 else None
