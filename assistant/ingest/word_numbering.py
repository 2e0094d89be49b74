"""Word's automatic numbering, rendered: the markers Word draws that are not in the text.

In a Word guide the clause numbers 一、 （一） 1. （1） usually come from `numbering.xml`,
not from the paragraph text, and every DOCX library drops them. This module renders them
the way Word does:

- a paragraph is numbered by its own `w:numPr`, or by its style's, following `w:basedOn`;
- a `w:num` (numId) points at an `w:abstractNum` (the list definition) and may override
  the start of a level (`w:startOverride`) or a whole level (`w:lvl`);
- counters belong to the abstract list, so paragraphs of two numIds of one list continue
  each other; a numId's start override restarts its level where it is first used;
- using a level resets the deeper levels, unless a deeper level's `w:lvlRestart` says
  otherwise (0: never restart, n: restart only after levels 1..n);
- `w:lvlText` such as 「%1、」 or 「（%2）」 is filled in with each level's format
  (chineseCounting 一, decimal 1, decimalEnclosedCircle ①, …).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .numbering import CIRCLED_CHARS

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W_NS}
# What follows the marker: Word draws a tab as alignment space, which no one quotes.
SUFFIXES = {"tab": "", "space": " ", "nothing": ""}


def _attr(element: Any, path: str) -> str | None:
    """The w:val of the first element at `path` under `element`, or None."""
    found = element.find(path, NS) if element is not None else None
    return None if found is None else found.get(f"{{{W_NS}}}val")


def _int(value: str | None, default: int | None = None) -> int | None:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


@dataclass(frozen=True)
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = ""
    restart: int | None = None  # None: after any shallower level; 0: never; n: after levels 1..n
    suffix: str = "tab"
    legal: bool = False  # w:isLgl: every placeholder in decimal
    style: str | None = None  # w:pStyle: the paragraph style tied to this level

    @classmethod
    def from_xml(cls, lvl: Any) -> Level:
        return cls(
            start=_int(_attr(lvl, "w:start"), 1) or 0,
            fmt=_attr(lvl, "w:numFmt") or "decimal",
            text=_attr(lvl, "w:lvlText") or "",
            restart=_int(_attr(lvl, "w:lvlRestart")),
            suffix=_attr(lvl, "w:suff") or "tab",
            legal=lvl.find("w:isLgl", NS) is not None,
            style=_attr(lvl, "w:pStyle"),
        )


@dataclass(frozen=True)
class Instance:
    """A w:num: which list it draws from and what it overrides there."""

    abstract_id: str
    start_overrides: dict[int, int]
    levels: dict[int, Level]


@dataclass
class _Counters:
    values: dict[int, int] = field(default_factory=dict)


def format_number(value: int, fmt: str) -> str:
    """One counter in one of Word's number formats."""
    if fmt in ("chineseCounting", "chineseCountingThousand", "taiwaneseCounting"):
        from .parse import cn_numeral

        return cn_numeral(value) if 0 < value < 100 else str(value)
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 0 < value <= len(CIRCLED_CHARS):
        return CIRCLED_CHARS[value - 1]
    if fmt == "ideographTraditional" and 0 < value <= 10:
        return "甲乙丙丁戊己庚辛壬癸"[value - 1]
    if fmt == "decimalFullWidth":
        return str(value).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    if fmt in ("lowerLetter", "upperLetter") and value > 0:
        letter = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)
        return letter if fmt == "lowerLetter" else letter.upper()
    if fmt in ("lowerRoman", "upperRoman") and value > 0:
        roman = _roman(value)
        return roman.lower() if fmt == "lowerRoman" else roman
    if fmt == "none":
        return ""
    return str(value)  # decimal, and any format this renderer does not know


def _roman(value: int) -> str:
    numerals = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"))
    numerals += ((50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
    out = ""
    for amount, letters in numerals:
        count, value = divmod(value, amount)
        out += letters * count
    return out


class WordNumbering:
    """The numbering of one document; `marker(paragraph)` renders each numbered paragraph
    in document order (it keeps Word's counters, so call it once per paragraph, in order)."""

    def __init__(self, numbering: Any, styles: Any) -> None:
        self.abstracts: dict[str, dict[int, Level]] = {}
        self.instances: dict[str, Instance] = {}
        self.style_numbering: dict[str, tuple[str | None, int | None]] = {}
        self.based_on: dict[str, str] = {}
        self.counters: dict[str, _Counters] = {}
        self.started: set[str] = set()
        if numbering is not None:
            self._read_numbering(numbering)
        if styles is not None:
            self._read_styles(styles)

    def _read_numbering(self, numbering: Any) -> None:
        for abstract in numbering.findall("w:abstractNum", NS):
            levels = {
                _int(lvl.get(f"{{{W_NS}}}ilvl"), 0) or 0: Level.from_xml(lvl)
                for lvl in abstract.findall("w:lvl", NS)
            }
            self.abstracts[abstract.get(f"{{{W_NS}}}abstractNumId")] = levels
        for num in numbering.findall("w:num", NS):
            starts: dict[int, int] = {}
            levels: dict[int, Level] = {}
            for override in num.findall("w:lvlOverride", NS):
                ilvl = _int(override.get(f"{{{W_NS}}}ilvl"), 0) or 0
                start = _int(_attr(override, "w:startOverride"))
                if start is not None:
                    starts[ilvl] = start
                lvl = override.find("w:lvl", NS)
                if lvl is not None:
                    levels[ilvl] = Level.from_xml(lvl)
            abstract_id = _attr(num, "w:abstractNumId") or ""
            self.instances[num.get(f"{{{W_NS}}}numId")] = Instance(abstract_id, starts, levels)

    def _read_styles(self, styles: Any) -> None:
        for style in styles.findall("w:style", NS):
            style_id = style.get(f"{{{W_NS}}}styleId")
            num_pr = style.find("w:pPr/w:numPr", NS)
            if num_pr is not None:
                self.style_numbering[style_id] = (_attr(num_pr, "w:numId"), _int(_attr(num_pr, "w:ilvl")))
            parent = _attr(style, "w:basedOn")
            if parent:
                self.based_on[style_id] = parent

    def numbering_of(self, paragraph: Any) -> tuple[str, int] | None:
        """(numId, level) of a w:p element, from its own numPr or its style chain."""
        num_id = _attr(paragraph, "w:pPr/w:numPr/w:numId")
        ilvl = _int(_attr(paragraph, "w:pPr/w:numPr/w:ilvl"))
        style = _attr(paragraph, "w:pPr/w:pStyle")
        seen: set[str] = set()
        while style and (num_id is None or ilvl is None) and style not in seen:
            seen.add(style)
            style_num, style_lvl = self.style_numbering.get(style, (None, None))
            num_id = num_id if num_id is not None else style_num
            if ilvl is None:
                ilvl = style_lvl if style_lvl is not None else self._level_of_style(num_id, style)
            style = self.based_on.get(style)
        if num_id is None or num_id == "0" or num_id not in self.instances:
            return None
        return num_id, ilvl or 0

    def _level_of_style(self, num_id: str | None, style: str) -> int | None:
        instance = self.instances.get(num_id or "")
        levels = self.abstracts.get(instance.abstract_id, {}) if instance else {}
        return next((i for i, level in levels.items() if level.style == style), None)

    def marker(self, paragraph: Any) -> str:
        """The marker Word draws before this paragraph ("" when it is not numbered)."""
        found = self.numbering_of(paragraph)
        if found is None:
            return ""
        num_id, ilvl = found
        instance = self.instances[num_id]
        levels = {**self.abstracts.get(instance.abstract_id, {}), **instance.levels}
        if ilvl not in levels:
            return ""
        values = self._advance(num_id, instance, levels, ilvl).values
        level = levels[ilvl]
        text = level.text
        for index in sorted(levels, reverse=True):  # %10 before %1
            shown = values.get(index, levels[index].start)
            fmt = "decimal" if level.legal and index != ilvl else levels[index].fmt
            text = text.replace(f"%{index + 1}", format_number(shown, fmt))
        if level.fmt == "bullet" or not text:
            return ""
        return text + SUFFIXES.get(level.suffix, "")

    def _advance(self, num_id: str, instance: Instance, levels: dict[int, Level], ilvl: int) -> _Counters:
        counters = self.counters.setdefault(instance.abstract_id, _Counters())
        if num_id not in self.started:
            self.started.add(num_id)
            for level, start in instance.start_overrides.items():
                counters.values[level] = start - 1  # restarted here: the next use shows `start`
            for level in instance.levels:
                counters.values.pop(level, None)
        if ilvl in counters.values:
            counters.values[ilvl] += 1
        else:
            counters.values[ilvl] = levels[ilvl].start
        for deeper in [i for i in counters.values if i > ilvl]:
            restart = levels[deeper].restart if deeper in levels else None
            if restart is None or (restart != 0 and ilvl < restart):
                del counters.values[deeper]
        return counters
