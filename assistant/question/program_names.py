"""The programs named in a message as what is asked or applied for (「想申请2024年度省知识产权建设
示范（保护示范区）」「关于…项目」「准备报22年的地理标志商标品牌培育和保护项目」): their names and
rounds are masked before facts are read, so that no title is read from a program's name; a
program named as the applicant's record (「已承担2022年度…创建项目」) stays."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..eligibility.rules import Rules
from .lexicon import LEXICON


def without_program_names(text: str, rules: Rules) -> str:
    """The text with the name and the round of the program applied for masked (「想申请2024年度
    省知识产权建设示范（保护示范区）」 says nothing of a 江苏省知识产权建设示范（园区） title the
    applicant holds); a program named as the applicant's record (「已承担…创建项目」) stays."""
    named = _named(rules)
    if named.pattern is not None and any(name in text for name in named.names):
        text = named.pattern.sub(_unless_recorded, text)
    text = _APPLIED_ROUND.sub(lambda m: m.group(1) + "□" * len(m.group(2)), text)
    # 「市政府准备报22年的地理标志商标品牌培育和保护项目」: a wish to apply for a program named in
    # the asker's own words (one of its aliases in them) names no fact
    aliases = named.aliases
    return _WISHED_PROGRAM.sub(
        lambda m: (
            m.group(1) + ("□" * len(m.group(2)) if any(a in m.group(2) for a in aliases) else m.group(2))
        ),
        text,
    )


# 「（证明商标，2015年注册的）报2022年的地理标志项目」: the round applied for is no year of a fact
_APPLIED_ROUND = re.compile(r"((?:申请|申报|(?<![汇上通举])报))((?:20)?\d{2}\s*年度?)(?=的|[\u4e00-\u9fff])")


_WISHED_PROGRAM = re.compile(
    r"((?:想|准备|打算|拟|计划|要)(?:申请|申报|报)(?:□+的?)?)"
    r"((?![这那它该此同另])[^，,。；;：:？?！!过了□“”「」（(是的\d]{4,24})(?=[，,。；;：:？?！!]|$)"
)


@dataclass(frozen=True)
class _Named:
    """The words a set of programs is named by, gathered once."""

    names: tuple[str, ...]  # each program's full name, with and without its round, longest first
    pattern: re.Pattern[str] | None  # any of them, with the clause's words before it
    aliases: tuple[str, ...]  # the short names users give them


_NAMED: dict[int, tuple[tuple, _Named]] = {}


def _named(rules: Rules) -> _Named:
    """The names of a set of programs, compiled once (keyed by the set's identity, as
    fact_phrases.phrase_index is)."""
    held = _NAMED.get(id(rules.programs))
    if held is None or held[0] is not rules.programs:
        held = _NAMED[id(rules.programs)] = (rules.programs, _gathered(rules))
    return held[1]


def _gathered(rules: Rules) -> _Named:
    names = {n for p in rules.programs for n in (p.name, re.sub(r"^\d{4}年度?", "", p.name))}
    longest_first = tuple(sorted((n for n in names if len(n) >= 8), key=lambda n: (-len(n), n)))
    either = "|".join(map(re.escape, longest_first))
    pattern = re.compile(rf"([^，,。；;？?！!]*?)({either})") if longest_first else None
    aliases = tuple(a for p in rules.programs for a in p.aliases if len(a) >= 2)
    return _Named(longest_first, pattern, aliases)


def _unless_recorded(found: re.Match[str]) -> str:
    """A program's name masked, unless its clause tells it as the applicant's record (「关于2024年度
    …（保护示范区）项目」 asks about it; 「已承担2022年度…创建项目」 is a record)."""
    lead, name = found.group(1), found.group(2)
    recorded = any(word in lead for word in LEXICON.record_words)
    return lead + (name if recorded else "□" * len(name))
