"""Text cleaning: conversion debris out, certain encoding repairs in, damage marked.

The output is a list of paragraphs. Their text is the guide's own wording: only markup and
debris are removed, page breaks re-joined, and the few repairs that are certain applied.
Nothing lost in the source is guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import numbering

# Certain repairs of the 2023 text's encoding accident (an HTML export read with the
# wrong code page). The sentence-final 。 and ） before a lost "</p>" survive as 、 and (;
# the quote entities lost their "&" to a "?".
# The "?" before an entity swallowed its "&" and, at times, the character before it
# (「探?ldquo;贷款+外部直?rdquo;」 is 探索“贷款+外部直投”), so it stays as a loss mark.
CERTAIN_REPAIRS = (
    ("、/p>", "。"),
    ("(/p>", ")"),
    ("?ldquo;", "?“"),
    ("?rdquo;", "?”"),
)
# Any other character before a "/p>" tail is the mangled last character of the paragraph.
MANGLED_TAIL = re.compile(r"(.)/p>\s*$")
# "?" or U+FFFD inside Chinese text marks characters or digits that were lost.
LOST = re.compile(r"(?<![A-Za-z/])[?\ufffd]")  # not the "?" of a URL query
# The phrase around lost characters, up to the nearest punctuation: what a reader cannot read.
LOST_SPAN = re.compile(r"[^,，。;；:：()（）《》“”]*(?<![A-Za-z/])[?\ufffd][^,，。;；:：()（）《》“”]*")

DEBRIS_INLINE = re.compile(r"\[(?:bookmark|image):[^\]]*\]")
DEBRIS_LINE = re.compile(r"^\s*(?:-\s*\d{1,3}\s*-|_\d{6,}|-{3,}|\*{3,})\s*$")
MD_HEADING = re.compile(r"^\s*#{1,6}\s*")
MD_LINK = re.compile(r"\[([^\]]*)\]\(([^)\s]+)\)")
MD_ESCAPE = re.compile(r"\\+([_*\[\]()#`~>-])")
MD_LIST_DASH = re.compile(r"^\s*[-*]\s+")

TERMINAL = tuple("。；：！？!?;:）)」』》〕】")
NUMBERED_START = re.compile(f"^{numbering.ANY}")
# A line shorter than this that stops without punctuation is a title, not a split sentence.
MIN_SPLIT_LINE = 16
FIELD_LINE = re.compile(r"^[\u4e00-\u9fff\s]{1,6}[:：]")


@dataclass(frozen=True)
class Paragraph:
    text: str
    heading: bool = False
    damaged: bool = False
    damage_notes: tuple[str, ...] = ()


@dataclass
class _Line:
    text: str
    heading: bool
    hard_break: bool
    blank_before: int
    damage_notes: list[str]


def _repair(raw: str) -> tuple[str, list[str]]:
    """Apply the certain repairs; return the text and notes on what stays illegible."""
    text = raw
    for bad, good in CERTAIN_REPAIRS:
        text = text.replace(bad, good)
    notes: list[str] = []
    tail = MANGLED_TAIL.search(text)
    if tail:
        text = text[: tail.start()] + tail.group(1)
        if not LOST.match(tail.group(1)):
            notes.append(f"段末字符「{tail.group(1)}」为乱码（原字无法辨认）")
    for span in LOST_SPAN.findall(text):
        notes.append(f"「{span.strip()}」中有字符或数字缺失（以?标出）")
    return text, notes


def _strip_markup(line: str) -> tuple[str, bool]:
    heading = bool(MD_HEADING.match(line))
    text = MD_HEADING.sub("", line)
    text = MD_LIST_DASH.sub("", text)
    text = text.replace("**", "")
    text = MD_LINK.sub(lambda m: m.group(2), text)
    text = MD_ESCAPE.sub(r"\1", text)
    text = DEBRIS_INLINE.sub("", text)
    return text.strip(), heading


def _lines(raw_text: str) -> list[_Line]:
    lines: list[_Line] = []
    blanks = 0
    for raw in raw_text.splitlines():
        if DEBRIS_LINE.match(raw) or not DEBRIS_INLINE.sub("", raw).strip():
            blanks += 1
            continue
        repaired, notes = _repair(raw.rstrip("\n"))
        text, heading = _strip_markup(repaired)
        if not text:
            blanks += 1
            continue
        hard_break = raw.endswith("  ") and not heading
        lines.append(_Line(text, heading, hard_break, blanks, notes))
        blanks = 0
    return lines


def _is_split(previous: _Line, line: _Line) -> bool:
    """Did a page break or a line wrap split one paragraph into `previous` and `line`?"""
    if previous.hard_break:
        return True
    if previous.heading or line.heading or NUMBERED_START.match(line.text):
        return False
    if line.blank_before == 0:
        return False  # adjacent lines are paragraphs; page breaks leave blank lines
    if previous.text.endswith(TERMINAL) or FIELD_LINE.match(line.text):
        return False
    if len(line.text) < MIN_SPLIT_LINE and not line.text.endswith(TERMINAL):
        return False  # a signature, a date or a title line
    return len(previous.text) >= MIN_SPLIT_LINE


def clean(raw_text: str) -> list[Paragraph]:
    """Turn a guide's raw text into paragraphs, with damage marked."""
    merged: list[_Line] = []
    for line in _lines(raw_text):
        if merged and _is_split(merged[-1], line):
            last = merged[-1]
            last.text += ("\n" if NUMBERED_START.match(line.text) else "") + line.text
            last.hard_break = line.hard_break
            last.damage_notes.extend(line.damage_notes)
        else:
            merged.append(line)
    return [Paragraph(m.text, m.heading, bool(m.damage_notes), tuple(m.damage_notes)) for m in merged]
