"""Short answers to the checker's questions: 「没评上」「有，5个人」「是；没有；12件」.

When a reply asked the applicant one to three questions and the next message names none of
the facts but answers in as many parts, each part answers the question in its place: a yes or
a no (read with the same negation cues as any statement), a figure in the fact's unit, or one
of a choice's options. A part that hedges, or a count of parts that does not match the
questions, answers nothing: the questions stay open.
"""

from __future__ import annotations

import re

from ..eligibility.engine import TYPE_KEY
from ..eligibility.facts import FactSheet
from ..eligibility.rules import CHOICE, YES_NO, FactSpec, FactValue, Rules
from .asking import asks_to_apply
from .fact_phrases import asking, cues, doubtful, find_matches, masked, without
from .form_text import normalize
from .lexicon import LEXICON
from .numbers import find_numbers, to_fact_unit

_PARTS = re.compile(r"(?:^|[，,；;。\s])\s*(?:第?[1-3一二三][.、．:：）)]|[1-3]\s)?")
MAX_ANSWER_CHARS = 40  # a longer message is a statement of its own, read as one


def read_answers(text: str, asked: tuple[str, ...], rules: Rules) -> FactSheet:
    """The facts a short message gives in answer to the questions asked (their keys, in order)."""
    text = normalize(text).strip()
    parts = _parts(text)
    if asked[:1] == (TYPE_KEY,) and len(parts) == len(asked) > 1:
        # 「高校；有；没有」: the type (read from the words as the applicant's kind), then answers
        return read_answers("；".join(parts[1:]), asked[1:], rules)
    if not asked or not text or len(text) > MAX_ANSWER_CHARS or find_matches(text, rules.fact_specs):
        return FactSheet()
    if asks_to_apply(text):  # 「那我们够格报保护示范区不」 asks; its 不 answers nothing
        return FactSheet()
    if cues("corrections", text):  # 「不好意思，刚才说的800万是2020年的数，…」: no answers, a correction
        return FactSheet()
    if len(parts) == 1 and len(asked) > 1:  # 「高于」: the one question whose words it repeats
        asked = tuple(k for k in asked if _repeats(parts[0], _question(k, rules)))
    if len(parts) > 1 and len(parts) != len(asked):
        return _restated(parts, asked, rules, text)
    if len(parts) != len(asked):
        return FactSheet()  # which answer goes with which question is not certain
    values: dict[str, FactValue] = {}
    for key, part in zip(asked, parts, strict=True):
        if key == TYPE_KEY:
            continue  # the applicant's type: the applicant reader reads it from the words
        value = _answer(rules.fact(key), part)
        if value is not None:
            values[key] = value
    return FactSheet(values, {key: text for key in values})


def _parts(text: str) -> list[str]:
    return [p.strip() for p in _PARTS.split(text) if p and p.strip()]


def _restated(parts: list[str], asked: tuple[str, ...], rules: Rules, text: str) -> FactSheet:
    """「不高于，比全省平均低」: parts that all repeat the words of one question and agree
    answer it once; anything else is not certain."""
    keys = [k for k in asked if all(_repeats(p, _question(k, rules)) for p in parts)]
    if len(keys) != 1:  # (no part repeats the type's question, which has no words: _question)
        return FactSheet()
    values = {_answer(rules.fact(keys[0]), part) for part in parts}
    if len(values) != 1 or None in values:
        return FactSheet()
    return FactSheet({keys[0]: values.pop()}, {keys[0]: text})


def _question(key: str, rules: Rules) -> str:
    """The words of a fact's question (none for the applicant's type, read from the words)."""
    return "" if key == TYPE_KEY else rules.fact(key).question


def _repeats(part: str, question: str) -> bool:
    """The answer repeats two characters running of the question (negations aside)."""
    words = without("negations", part)
    return any(words[i : i + 2] in question for i in range(len(words) - 1))


def _answer(spec: FactSpec, part: str) -> FactValue | None:
    text = masked(part, [])
    if doubtful(text) or asking(text) or _of_another_event(spec, part):
        return None
    if spec.type == YES_NO and (find_numbers(part) or cues("reported_speech", text)):
        return None  # 「2021年是1260万」「刚才说的是…」: a figure or a report, no yes or no
    if spec.type == YES_NO:  # 「没有」「没评上」 no; 「低于」 falls short; 「是的」「高于」 yes
        said = len(cues("negations", text)) + len(cues("falling_short", text))
        if said == 0 and not (cues("yes_words", text) or cues("exceeding", text)):
            return None  # neither yes nor no (「5个人」 answers no yes/no question)
        return said % 2 == 0
    if spec.type == CHOICE:
        found = [o.value for o in spec.options if any(s in part for s in (o.value, *o.synonyms))]
        return found[0] if len(found) == 1 else None
    for spoken in find_numbers(part):
        value = to_fact_unit(spoken, spec.unit)
        if value is not None:
            return value
    return 0.0 if cues("negations", text) and not find_numbers(part) else None


def _of_another_event(spec: FactSpec, part: str) -> bool:
    """The answer tells of an event the question does not ask about (「是2018年立项的」 to 「是否
    …已通过验收」) or says what a message before meant (「是指2024年度那批」): its 是 says
    nothing of the fact."""
    if cues("clarifying", part):
        return True
    return any(word in part and word not in spec.question for word in LEXICON.fact_cues.events)
