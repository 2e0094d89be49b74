"""Clause references as people write them: 「2024 保护示范区 三（二）1」, a label such as
「三、申报条件（二）第1项」 after a guide name, or a clause id such as
`2024-protection-zone:3.2.1`. A reference resolves to exactly one clause or fails clearly."""

from __future__ import annotations

import re

from ..domain import CIRCLED, NUM, PARA, PAREN_CN, PAREN_NUM, SECTION, TRAILER, Clause, Guide
from ..errors import UnknownReferenceError
from ..ingest import numbering
from ..ingest.knowledge_base import KnowledgeBase
from ..ingest.parse import CIRCLED_CHARS, cn_number
from ..text.tokens import normalize

CN = numbering.CN_NUMERALS
PATH_TOKEN = re.compile(
    rf"(?P<para>\(?第(\d{{1,2}})段\)?)|正文结尾"
    rf"|(?P<paren_cn>\(([{CN}]+)\))|(?P<paren_num>\((\d{{1,2}})\))|第?(?P<num>\d{{1,2}})(?:项|\.)?"
    rf"|(?P<section>[{CN}]+)、?|(?P<circled>[{CIRCLED_CHARS}])"
)
YEAR = re.compile(r"(?<!\d)(20\d{2})(?:年度?)?(?!\d)")
TRAILER_WORDS = {"联系方式": "contact", "联系人": "contact", "抄送": "cc", "抄送及印发": "cc"}


def resolve(kb: KnowledgeBase, text: str) -> Clause | None:
    """The clause a reference names; None when the text is not a reference (a free query)."""
    text = text.strip()
    if kb.has_clause(text):
        return kb.clause(text)
    guide, rest = _guide_part(kb, text)
    if guide is None:
        return None
    steps = _path_steps(rest)
    if steps is None:
        return None
    if not steps:
        return kb.clause(guide.id)
    matches = [c for c in kb.guide_clauses(guide.id) if _ends_with(c, steps)]
    if len(matches) == 1:
        return matches[0]
    shown = "、".join(c.ref for c in matches[:5]) or "无"
    raise UnknownReferenceError(
        f"「{text}」在《{guide.title}》中{'不唯一' if matches else '找不到'}（候选：{shown}）："
        "请写出完整层级，如「2024 保护示范区 三（二）1」。"
    )


def _guide_part(kb: KnowledgeBase, text: str) -> tuple[Guide | None, str]:
    """Find the guide a reference names by year and short name; return it and the rest."""
    norm = normalize(text)
    year_match = YEAR.search(norm)
    year = int(year_match.group(1)) if year_match else None
    rest = YEAR.sub(" ", norm, count=1) if year_match else norm
    candidates = []
    for guide in kb.guides:
        for name in sorted((guide.short_name, *guide.aliases, guide.id), key=len, reverse=True):
            if normalize(name) in rest and (year is None or guide.year == year):
                candidates.append((guide, rest.replace(normalize(name), " ", 1)))
                break
    if not candidates:
        return None, text
    current = [c for c in candidates if c[0].is_current]
    return (current or candidates)[0]


def _path_steps(rest: str) -> list[tuple[str, str]] | None:
    """[(kind, key)] for the numbering in `rest`; None when anything else is left over."""
    rest = re.sub(r"[\s,，]", "", rest)
    for word, key in TRAILER_WORDS.items():
        if rest == word:
            return [(TRAILER, key)]
    steps: list[tuple[str, str]] = []
    position = 0
    for match in PATH_TOKEN.finditer(rest):
        skipped = rest[position : match.start()]
        if skipped and not _is_title(skipped, steps):
            return None
        position = match.end()
        steps.append(_step(match))
    if rest[position:] and not _is_title(rest[position:], steps):
        return None
    return steps


def _is_title(skipped: str, steps: list[tuple[str, str]]) -> bool:
    """Words between numbers are allowed only as a section title (「三、申报条件（二）」)."""
    return bool(steps) and steps[-1][0] == SECTION and not re.search(r"[\d()]", skipped)


def _step(match: re.Match) -> tuple[str, str]:
    if match.group(0) == "正文结尾":
        return PARA, "p1"
    if match.group("para"):
        return PARA, f"p{match.group(2)}"
    if match.group("paren_cn"):
        return PAREN_CN, str(cn_number(match.group(4)))
    if match.group("paren_num"):
        return PAREN_NUM, match.group(6)
    if match.group("num"):
        return NUM, match.group("num")
    if match.group("section"):
        return SECTION, str(cn_number(match.group("section")))
    return CIRCLED, str(CIRCLED_CHARS.index(match.group("circled")) + 1)


def _ends_with(clause: Clause, steps: list[tuple[str, str]]) -> bool:
    keys = clause.id.split(":", 1)[1].split(".") if ":" in clause.id else []
    if len(keys) < len(steps):
        return False
    tail = list(zip(clause.kinds[-len(steps) :], keys[-len(steps) :], strict=True))
    return all(
        kind == want_kind and key == want_key
        for (kind, key), (want_kind, want_key) in zip(tail, steps, strict=True)
    )


NUMBERING_RUN = re.compile(
    rf"第?(?:[{CN}]{{1,3}}、?)?(?:[（(][{CN}]{{1,3}}[）)])?(?:第?\d{{1,2}}项?)?(?:[（(]\d{{1,2}}[）)])?[{CIRCLED_CHARS}]?[条款项]?"
)


def find_reference(kb: KnowledgeBase, text: str) -> Clause | None:
    """A clause reference inside a sentence (「调一下2024年保护示范区五（三）的原文」): the
    guide named in it plus the longest run of numbering. None when there is none."""
    try:
        direct = resolve(kb, text)
    except UnknownReferenceError:
        direct = None
    if direct is not None:
        return direct
    guide, rest = _guide_part(kb, text)
    if guide is None:
        return None
    runs = [m.group(0) for m in NUMBERING_RUN.finditer(normalize(rest)) if _is_numbering(m.group(0))]
    if not runs:
        return None
    run = max(runs, key=len).lstrip("第").rstrip("条款")
    return resolve(kb, f"{guide.year} {guide.short_name} {run}")


def _is_numbering(run: str) -> bool:
    """A run of numbering, not a stray numeral in a word: it has brackets, or 一、 style."""
    return bool(re.search(rf"[()（）]|[{CN}]、|{numbering.CIRCLED}", run)) or bool(
        re.fullmatch(rf"[{CN}]{{1,3}}[()（）].*", run)
    )
