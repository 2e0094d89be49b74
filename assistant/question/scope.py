"""Scope: which program, year and applicant type a question is about, carried across turns.

This first version detects what the words say and lets a follow-up inherit what earlier
turns fixed; understanding (understand.py) builds on it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..domain import Guide
from ..ingest.knowledge_base import KnowledgeBase
from ..text.tokens import normalize
from .lexicon import LEXICON

# A year that names a guide's year (「2024年度」「2022年的」), not a date in its content
# (「到2025年」「2021年以前」「2023年9月」).
YEAR = re.compile(
    r"(?<![\d到至前近])(20\d{2})(?!\d)(?!\s*年度?(?:以前|之前|前|底|末|内|\d|[一二三四五六七八九十]+月|被|没|未|曾|获|评))\s*年?"
)
DOC_NUMBER = re.compile(
    r"[〔\[【(（]\s*20\d{2}\s*[〕\]】)）]"
)  # 苏知发〔2021〕140号 is not a year asked about
TWO_DIGIT_YEAR = re.compile(r"(?<![\d.])(2\d)年(?=[那版的度指申相和跟与比])")  # 「22年那版」
# 「专利导航服务基地的申报指南」「国家知识产权示范企业认定的条件」: a program asked about by its name.
ASKED_PROGRAM = re.compile(
    r"([\u4e00-\u9fff]{2,14}(?:企业|基地|中心|奖|项目|计划|工程|示范区|城市|强县|强市|平台|联盟))"
    r"的?(?:申报指南|申报条件|认定|评选|评定)"
)
PROVINCIAL_WORDS = re.compile(r"省里|省级|省政府|省委|省财政|省局|省知识产权局")
ANNUAL_KINDS = ("申报指南", "通知")  # documents of one year's round; a year asked about names the round
CURRENT_WORDS = re.compile(r"今年|现在|新版|最新|现行|这一年")
APPLICANT_WORDS = tuple((t.name, t.in_questions) for t in LEXICON.applicant_types)


@dataclass(frozen=True)
class Scope:
    programs: tuple[str, ...] = ()
    years: tuple[int, ...] = ()
    applicant_type: str | None = None
    unknown_years: tuple[int, ...] = ()
    current: bool = False  # 「今年的呢」: the current guide, whatever year came before
    provincial: bool = False  # 「省里」: the province's documents

    def follow(self, previous: Scope) -> Scope:
        """A follow-up keeps what it does not say from the previous turn. A question that
        names a program starts afresh on years: without a year it means the current guide."""
        inherit_years = not self.programs and not self.unknown_years and not self.current
        return Scope(
            self.programs or previous.programs,
            self.years or (previous.years if inherit_years else ()),
            self.applicant_type or previous.applicant_type,
            self.unknown_years,
            provincial=self.provincial,
        )

    def guides(self, kb: KnowledgeBase) -> tuple[Guide, ...]:
        """The guides in scope: the programs' guides of the years said, else the current ones."""
        chosen = [g for g in kb.guides if not self.programs or g.program in self.programs]
        if self.years:
            chosen = [g for g in chosen if g.year in self.years]
        elif self.programs:
            chosen = [g for g in chosen if g.is_current] or chosen
        return tuple(chosen) if (self.programs or self.years) else ()


def detect(kb: KnowledgeBase, question: str) -> Scope:
    text = TWO_DIGIT_YEAR.sub(r"20\1年", DOC_NUMBER.sub(" ", normalize(question)))
    mentioned = sorted({int(y) for y in YEAR.findall(text)})
    programs = _programs(kb, text)
    named = [g for g in kb.guides if not programs or g.program in programs]
    covered = {g.year for g in named}
    unknown = tuple(y for y in mentioned if y not in covered)
    if programs and not any(g.kind in ANNUAL_KINDS for g in named):
        unknown = ()  # a policy or a plan: 「2017年那份」 is another document's year, not a round
    applicant = next(iter(types_named(text)), None)
    return Scope(
        programs,
        tuple(y for y in mentioned if y in covered),
        applicant,
        unknown,
        current=CURRENT_WORDS.search(text) is not None and not mentioned,
        provincial=PROVINCIAL_WORDS.search(text) is not None,
    )


def _programs(kb: KnowledgeBase, text: str) -> tuple[str, ...]:
    """Programs named in the text, longest names first: 「地理标志产品保护示范区」 names
    地理标志, and the 「保护示范区」 inside it then names nothing."""
    names = sorted(
        {
            (normalize(n), g.program)
            for g in kb.guides
            for n in (g.short_name, g.program, *g.aliases)
            if len(n) >= 2
        },
        key=lambda pair: (-len(pair[0]), pair),
    )
    found: list[str] = []
    for name, program in names:
        if name in text:
            found.append(program)
            text = text.replace(name, "\0" * len(name))
    return tuple(dict.fromkeys(found))


def unknown_program(kb: KnowledgeBase, question: str) -> str | None:
    """The name of a program the question asks about (its guide, its conditions, its
    recognition) when no guide is about it; None when the name holds a covered program."""
    match = ASKED_PROGRAM.search(normalize(question))
    if match is None:
        return None
    name = match.group(1)
    known = {normalize(n) for g in kb.guides for n in (g.short_name, g.program, *g.aliases) if len(n) >= 2}
    return None if any(k in name for k in known) else name


def types_named(text: str) -> list[str]:
    """The applicant types a text names (「设区市、县、园区」 names three)."""
    text = normalize(text)
    return [t for t, words in APPLICANT_WORDS if any(w in text for w in words)]
