"""The numbering parser: paragraphs → a clause tree with stable, path-derived ids.

Chinese official documents number their parts 一、 / （一） / 1. / （1） / ①. The parser keeps
a stack of open nodes. A numbered paragraph becomes the successor of an open node of its
kind (n follows n-1), or the first child of the node on top. Two repairs keep broken
numbering honest: a list item that opens a same-kind list under itself stands where a
heading of the next shallower kind belongs (the 2024 guide's 「1. 设区市」 for 「（一）」), and
an unnumbered paragraph after a finished list belongs to the section the list closes.
A number that fits neither (a cross-reference at a line start) stays text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..domain import (
    CIRCLED,
    NUM,
    NUMBERED_KINDS,
    PARA,
    PAREN_CN,
    PAREN_NUM,
    ROOT,
    SECTION,
    TRAILER,
    Clause,
    Guide,
)
from ..text.numerals import chinese_to_int
from . import numbering
from .clean import Paragraph, clean

RANK = {ROOT: 0, SECTION: 1, PAREN_CN: 2, NUM: 3, PAREN_NUM: 4, CIRCLED: 5, PARA: 6, TRAILER: 1}
# Each marker with its number captured (the markers themselves live in numbering.py).
MARKERS = (
    (SECTION, re.compile(rf"^([{numbering.CN_NUMERALS}]{{1,3}})\s*、\s*")),
    (PAREN_CN, re.compile(rf"^[（(]\s*([{numbering.CN_NUMERALS}]{{1,3}})\s*[）)]\s*")),
    (PAREN_NUM, re.compile(r"^[（(]\s*(\d{1,2})\s*[）)]\s*")),
    (NUM, re.compile(r"^(\d{1,2})\s*[.．、](?:(?=\d{4}年)|(?!\d))\s*")),
    (CIRCLED, re.compile(rf"^({numbering.CIRCLED})\s*")),
)
CIRCLED_CHARS = numbering.CIRCLED_CHARS
TRAILERS = (("联系人", "contact", "联系方式"), ("抄送", "cc", "抄送及印发"))
ATTACHMENT_MARK = re.compile(r"^附件\s*\d*$")
TITLE_MAX = 30
HEADING_MAX = 15
SENTENCE_END = ("。", ")", "）")


def cn_number(numeral: str) -> int:
    """一 → 1, 十二 → 12, 二十一 → 21 (numbering never goes past 99)."""
    value = chinese_to_int(numeral)
    if value is None:
        raise ValueError(f"not a Chinese numeral: {numeral!r}")
    return value


def cn_numeral(number: int) -> str:
    digits = "零一二三四五六七八九"
    if number <= 10:
        return "十" if number == 10 else digits[number]
    tens, units = divmod(number, 10)
    return ("" if tens == 1 else digits[tens]) + "十" + (digits[units] if units else "")


def read_marker(text: str) -> tuple[str, int, str] | None:
    """(kind, number, rest of text) when the paragraph starts with a numbering marker."""
    for kind, pattern in MARKERS:
        match = pattern.match(text)
        if match:
            token = match.group(1)
            if kind in (SECTION, PAREN_CN):
                number = cn_number(token)
            elif kind == CIRCLED:
                number = CIRCLED_CHARS.index(token) + 1
            else:
                number = int(token)
            return kind, number, text[match.end() :]
    return None


@dataclass
class _Node:
    kind: str
    number: int
    key: str
    body: str = ""
    parts: list[Paragraph] = field(default_factory=list)
    children: list[_Node] = field(default_factory=list)
    parent: _Node | None = None
    notes: list[str] = field(default_factory=list)

    def add(self, child: _Node) -> _Node:
        taken = {c.key for c in self.children}
        while child.key in taken:  # a repeated number: keep ids unique, say so
            child.key += "b"
            child.notes.append("原文编号重复")
        child.parent = self
        self.children.append(child)
        return child


class _TreeBuilder:
    def __init__(self) -> None:
        self.root = _Node(ROOT, 0, "")
        self.stack: list[_Node] = [self.root]
        self.pending: list[Paragraph] = []

    def numbered(self, paragraph: Paragraph, kind: str, number: int, body: str) -> None:
        popped = self._place(kind, number)
        if popped is None:  # the number does not continue any list: a cross-reference
            self.plain(paragraph)
            return
        self._flush_pending(popped)
        node = _Node(kind, number, str(number), body=body, parts=[paragraph])
        self.stack[-1].add(node)
        self.stack.append(node)

    def plain(self, paragraph: Paragraph) -> None:
        for prefix, key, _ in TRAILERS:
            if paragraph.text.startswith(prefix):
                self._flush_pending(self.stack[1:])
                self.stack = [self.root]
                node = self.root.add(_Node(TRAILER, 0, key, body=paragraph.text, parts=[paragraph]))
                self.stack.append(node)
                return
        if len(self.stack) == 1 or self.stack[-1].kind == TRAILER:
            self.stack[-1].parts.append(paragraph)
        else:
            self.pending.append(paragraph)

    def finish(self) -> _Node:
        self._flush_pending(self.stack[1:], at_end=True)
        return self.root

    def _place(self, kind: str, number: int) -> list[_Node] | None:
        """Pop the stack to the new node's parent; return the popped nodes, or None when
        the number fits no list (it is then text, such as a cross-reference)."""
        same = [i for i, node in enumerate(self.stack) if node.kind == kind]
        for index in reversed(same):
            if self.stack[index].number + 1 == number:
                return self._pop_to(index)
        top = self.stack[-1]
        if same and number == 1 and top.kind == kind and _is_heading(top.body):
            self._promote(top)
            return []
        if same:
            return None
        if number > 1 and RANK[kind] < RANK[top.kind]:
            while len(self.stack) > 1 and RANK[self.stack[-1].kind] >= RANK[kind]:
                self.stack.pop()
        return []

    def _pop_to(self, index: int) -> list[_Node]:
        popped = self.stack[index:]
        self.stack = self.stack[:index]
        return popped

    def _promote(self, node: _Node) -> None:
        """A list item that opens a same-kind list stands where a shallower heading belongs."""
        parent_rank = RANK[node.parent.kind] if node.parent else 0
        between = [k for k in NUMBERED_KINDS if parent_rank < RANK[k] < RANK[node.kind]]
        if between:
            original = node.parts[0].text.split(node.body)[0].strip() or node.kind
            node.kind = between[-1]
            node.notes.append(f"原文编号为「{original}」，按其层级视为{_marker(node.kind, node.number)}")

    def _flush_pending(self, popped: list[_Node], at_end: bool = False) -> None:
        """Attach unnumbered paragraphs: a continuation of the item they follow, or, when the
        next number closes more than that item and the item ended its sentence, a paragraph
        of the section the list closes."""
        if not self.pending:
            return
        owner = self.stack[-1] if not popped else popped[-1]
        closes_more = len(popped) >= 2 and owner.parts[-1].text.endswith(SENTENCE_END)
        if closes_more:
            section = self.root if at_end else popped[0]
            count = sum(1 for c in section.children if c.kind == PARA) + 1
            para = section.add(_Node(PARA, count, f"p{count}", body=self.pending[0].text))
            para.parts.extend(self.pending)
        else:
            owner.parts.extend(self.pending)
        self.pending = []


def _is_heading(body: str) -> bool:
    """A short title with no sentence in it, such as 「设区市」 or 「项目任务」."""
    return len(body) <= HEADING_MAX and not re.search(r"[，。；,;]", body)


def _marker(kind: str, number: int) -> str:
    return {
        SECTION: f"{cn_numeral(number)}、",
        PAREN_CN: f"（{cn_numeral(number)}）",
        NUM: f"{number}.",
        PAREN_NUM: f"（{number}）",
        CIRCLED: CIRCLED_CHARS[number - 1] if 0 < number <= 20 else f"({number})",
    }.get(kind, "")


def _label_part(node: _Node, title: str) -> str:
    if node.kind == SECTION:
        return f"{cn_numeral(node.number)}、{title}"
    if node.kind == NUM:
        return f"第{node.number}项"
    if node.kind == PARA:
        return "正文结尾" if node.parent and node.parent.kind == ROOT else f"（第{node.number}段）"
    if node.kind == TRAILER:
        return next(label for _, key, label in TRAILERS if key == node.key.rstrip("b"))
    return _marker(node.kind, node.number)


def _ref_part(node: _Node) -> str:
    if node.kind == NUM:
        return str(node.number)
    if node.kind in (PARA, TRAILER):
        return _label_part(node, "")
    return _marker(node.kind, node.number).rstrip("、")


def short_title(body: str) -> str:
    """A heading-sized title: the body up to its first stop, at most TITLE_MAX characters."""
    head = re.split(r"[。；;：:，,]", body.strip(), maxsplit=1)[0].strip()
    return head if len(head) <= TITLE_MAX else head[:TITLE_MAX] + "…"


def parse_paragraphs(paragraphs: list[Paragraph]) -> _Node:
    builder = _TreeBuilder()
    for paragraph in paragraphs:
        marker = read_marker(paragraph.text)
        if marker is None:
            if not ATTACHMENT_MARK.match(paragraph.text):
                builder.plain(paragraph)
            continue
        builder.numbered(paragraph, *marker)
    return builder.finish()


def parse_guide(guide: Guide, raw_text: str) -> list[Clause]:
    """Parse one guide's text into its clauses, in document order (root first)."""
    root = parse_paragraphs(clean(raw_text))
    clauses: list[Clause] = []
    _emit(guide, root, _Path(), clauses)
    return clauses


@dataclass(frozen=True)
class _Path:
    """What a node inherits from its ancestors."""

    keys: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    labels: tuple[str, ...] = ()
    refs: tuple[str, ...] = ()
    titles: tuple[str, ...] = ()

    def child(self, node: _Node, title: str) -> _Path:
        return _Path(
            (*self.keys, node.key),
            (*self.kinds, node.kind),
            (*self.labels, _label_part(node, title)),
            (*self.refs, _ref_part(node)),
            (*self.titles, title),
        )

    def clause_id(self, guide_id: str, depth: int | None = None) -> str:
        keys = self.keys if depth is None else self.keys[:depth]
        return guide_id + (":" + ".".join(keys) if keys else "")


def _emit(guide: Guide, node: _Node, parent: _Path, out: list[Clause]) -> str:
    title = guide.title if node.kind == ROOT else short_title(node.body)
    path = parent if node.kind == ROOT else parent.child(node, title)
    if node.kind == ROOT:
        path = _Path(titles=(title,))
    index = len(out)
    out.append(None)  # type: ignore[arg-type]  # placeholder keeps document order
    child_ids = tuple(_emit(guide, c, path, out) for c in node.children)
    notes = tuple(n for p in node.parts for n in p.damage_notes)
    out[index] = Clause(
        id=path.clause_id(guide.id),
        guide_id=guide.id,
        kind=node.kind,
        number=node.number,
        path=tuple(int(k) if k.isdigit() else 0 for k in path.keys),
        kinds=path.kinds,
        label="".join(path.labels) if path.labels else "导言",
        ref=f"{guide.year} {guide.short_name} {''.join(path.refs)}".strip(),
        title=title,
        heading_path=path.titles,
        text="\n".join(p.text for p in node.parts),
        parent_id=None if node.kind == ROOT else path.clause_id(guide.id, len(path.keys) - 1),
        children=child_ids,
        order=index,
        damaged=bool(notes),
        damage_notes=notes,
        notes=tuple(node.notes),
    )
    return out[index].id
