"""Clauses named by their place in the conversation rather than by numbering: the item of the
list the last answer quoted by its place (「第二个呢」「最后那个阶段」), the same place of another
applicant type's or another round's list (「那县里的第五条呢」「那22年园区任务的第四条呢」), a
stage by its place (「第二阶段是什么时候」), another item by its title (「组织实施呢」), the one
quoted pointed at (「这个阶段主要干啥」) and the one before or after it (「它前面那个阶段呢」).
`understand._reference` asks these when a question names no clause by numbering."""

from __future__ import annotations

import re
from functools import cache

from ..domain import Clause, Guide
from ..ingest.knowledge_base import KnowledgeBase
from .lexicon import LEXICON
from .numbers import chinese_to_number
from .reference_grammar import clean
from .scope import types_named

# 「最后那个阶段主要干什么」「第二个呢」: an item of the list the last answer quoted, by its place
# (「第（6）条讲的啥」「其中第（1）是什么」「（6）是啥」: the place in brackets, as the items are
# numbered, its part's word then free)
_ORDINAL = re.compile(
    r"(?:第([一二三四五六七八九十]|\d{1,2})|第?\s*[（(]([一二三四五六七八九十]|\d{1,2})[）)]|(最后|末))"
    r"\s*[那这]?一?(?:个|条|项|点|部分|方面|阶段|(?<=[）)]))"
    r"(?=[^，,。？?]{0,8}(?:呢|是|讲|说|干|做|要|有|内容|什么|啥|写|全文|原文|原话))"
)
# What may open a question before the place: a pointer to the list just shown (「其中第（6）…」)
_OPENING = re.compile(r"^(?:那么|那|这|还有|再问下?)?(?:其中|里面|里头|这里面|当中)?的?")


def _place(match: re.Match[str], items: list[Clause]) -> int | None:
    """The place an ordinal names among `items` (「最后」 is the last)."""
    return len(items) if match.group(3) else chinese_to_number(match.group(1) or match.group(2))


def ordinal_item(kb: KnowledgeBase, question: str, cited: tuple[str, ...]) -> Clause | None:
    """The item a question names by its place (「第二个」「最后那个阶段」) in the list the last
    answer quoted: the one clause with items it cited, or the list its cited items belong to."""
    match = _ORDINAL.search(question)
    clauses = [kb.clause(c) for c in cited if kb.has_clause(c)]
    # (the place opens the question: 「绩效目标第一条是啥」 names its list itself)
    if match is None or not clauses or _OPENING.sub("", question[: match.start()]).strip():
        return None
    if len(clauses) == 1 and kb.children(clauses[0]):
        items = kb.children(clauses[0])
    else:
        parents = {c.parent_id for c in clauses}
        if len(parents) != 1 or None in parents:
            return None
        items = kb.children(kb.clause(parents.pop()))
    place = _place(match, items)
    if len(items) < 2 or place is None or not 1 <= place <= len(items):
        return None
    item = items[int(place) - 1]
    # 「那（三）呢」 after 六（三） was the whole answer: another clause is asked, not the same again
    return None if [c.id for c in clauses] == [item.id] else item


def typed_ordinal_item(
    kb: KnowledgeBase, question: str, cited: tuple[str, ...], other_round: Guide | None = None
) -> Clause | None:
    """「那县里的第五条呢」 after the 5th of 设区市's tasks, 「那22年园区任务的第四条呢」 after the 4th of
    2024's: the item at that place of the same list of the applicant type named before the
    place, or of the round asked (`other_round`)."""
    match = _ORDINAL.search(question)
    clauses = [kb.clause(c) for c in cited if kb.has_clause(c)]
    if match is None or not clauses:
        return None
    first = clauses[0]
    listed = first if kb.children(first) else kb.clause(first.parent_id) if first.parent_id else None
    same = _other_list(kb, listed, question[: match.start()], other_round)
    items = kb.children(same) if same is not None else []
    place = _place(match, items)
    return items[int(place) - 1] if place is not None and 1 <= place <= len(items) else None


# 「县里的任务里对应的是哪条」「24年同一条呢」: the item just quoted, asked of another applicant
# type's or another round's list
# (「同一条」 names the same place. 「县里也有这条吗」 is a follow-up of the last question, asked of
# another type, answered by its search: the conversation keeps that question for 「园区呢？」 next)
_SAME_ITEM = re.compile(
    r"(?:对应|相应)的?(?:是|那)?(?:哪|那)?一?(?:条|项|款)|((?:同一|相同的?|同样的?)(?:条|项|款))"
)


def counterpart_item(
    kb: KnowledgeBase, question: str, cited: tuple[str, ...], other_round: Guide | None = None
) -> Clause | None:
    """The item the last answer quoted, in the same list of the applicant type the question
    names (the item of the same title: 「推进知识产权执法“两法衔接”」 is 设区市's 6th and 县's 5th),
    or of the round asked (the item of the same title, else, asked as 「同一条」, at the same place)."""
    match = _SAME_ITEM.search(question)
    clauses = [kb.clause(c) for c in cited if kb.has_clause(c)]
    if match is None or len(clauses) != 1 or kb.children(clauses[0]) or not clauses[0].parent_id:
        return None
    quoted = clauses[0]
    listed = kb.clause(quoted.parent_id)
    same = _other_list(kb, listed, question[: match.start()], other_round)
    if same is None:
        return None
    items = kb.children(same)
    titled = [c for c in items if quoted.title and clean(c.title) == clean(quoted.title)]
    if len(titled) == 1:
        return titled[0]
    at = kb.children(listed).index(quoted)
    same_place = other_round is not None and match.group(1) is not None
    return items[at] if same_place and not titled and at < len(items) else None


def _other_list(
    kb: KnowledgeBase, listed: Clause | None, before: str, other_round: Guide | None
) -> Clause | None:
    """The list of the same title at the same depth as `listed`, of the one applicant type named
    in `before` (the words before the place asked), or of the round asked (another round titles
    its lists in its own words: the list at the same place, of the same type)."""
    kinds = types_named(before)
    if listed is None or not listed.title or (len(kinds) != 1 and other_round is None):
        return None
    guide_id = other_round.id if other_round is not None else listed.guide_id
    # (「24年园区申报条件第一条呢」 after the goals names a list of its own)
    lists = {clean(c.title) for c in kb.guide_clauses(guide_id) if c.children and c.title}
    if any(t in before for t in lists if t != clean(listed.title) and not types_named(t)):
        return None
    wanted = kinds if len(kinds) == 1 else types_named("".join(listed.heading_path))
    return _same_list(kb, listed, guide_id, wanted, other_round is not None)


def _same_list(
    kb: KnowledgeBase, listed: Clause, guide_id: str, wanted: list[str], placed_counts: bool = False
) -> Clause | None:
    """The one other list of the guide of the same title as `listed`, at its depth, under the
    headings of the applicant types `wanted`; with `placed_counts`, the list at its place (in
    another round's guide, which may title it in its own words) is one too."""
    placed = listed.id.replace(listed.guide_id, guide_id, 1)
    same = [
        c
        for c in kb.guide_clauses(guide_id)
        if (c.title == listed.title or (placed_counts and c.id == placed))
        and c.id != listed.id
        and len(c.heading_path) == len(listed.heading_path)
        and types_named("".join(c.heading_path)) == wanted
    ]
    return same[0] if len(same) == 1 else None


def same_place_for_type(kb: KnowledgeBase, clause: Clause, kind: str) -> Clause | None:
    """The item at the place of `clause` in the same list of another applicant type (「设区市和县的
    绩效目标第一条」: 县's first goal beside 设区市's)."""
    listed = kb.clause(clause.parent_id) if clause.parent_id else None
    if listed is None or not listed.title:
        return None
    same = _same_list(kb, listed, listed.guide_id, [kind])
    items = kb.children(same) if same is not None else []
    at = kb.children(listed).index(clause)
    return items[at] if at < len(items) else None


def ordinal_of_kind(kb: KnowledgeBase, question: str, guides: list[Guide]) -> Clause | None:
    """「第二阶段是什么时候」 of the 通州 plan: the Nth of the one list of the guide talked about
    whose items are all titled with that noun, a bracket after it aside (宣传动员阶段（…）)."""
    match = _ORDINAL_OF_KIND.search(question)
    if match is None or len(guides) != 1:
        return None
    noun = match.group(2)
    lists = [
        c
        for c in kb.guide_clauses(guides[0].id)
        if len(kb.children(c)) >= 2
        and all(re.sub(r"[（(][^）)]*[）)]$", "", clean(i.title)).endswith(noun) for i in kb.children(c))
    ]
    items = kb.children(lists[0]) if len(lists) == 1 else []
    place = chinese_to_number(match.group(1))
    return items[int(place) - 1] if place is not None and 1 <= place <= len(items) else None


_ORDINAL_OF_KIND = re.compile(r"第([一二三四五六七八九十]|\d{1,2})\s*个?(阶段)")


def named_sibling(kb: KnowledgeBase, question: str, cited: tuple[str, ...]) -> Clause | None:
    """「组织实施呢」 after 「宣传动员阶段（2022年8月-12月底）…」 was quoted: the one other item of
    its list whose title begins with the words the follow-up names (「组织实施阶段」)."""
    match = _SIBLING_ASKED.match(question.strip())
    clauses = [kb.clause(c) for c in cited if kb.has_clause(c)]
    if match is None or len(clauses) != 1 or not clauses[0].parent_id or kb.children(clauses[0]):
        return None  # (an item of a list, not a list: 「绩效目标呢」 after the tasks asks the goals)
    words = match.group(1)
    siblings = [
        c
        for c in kb.children(kb.clause(clauses[0].parent_id))
        if c.id != clauses[0].id and clean(c.title).startswith(words)
    ]
    return siblings[0] if len(siblings) == 1 else None


_SIBLING_ASKED = re.compile(
    r"^(?:那|那么|还有)?([\u4e00-\u9fff]{2,8}?)(?:阶段|这块|部分|那条|这条)?(?:呢|怎么说|是什么时候)[？?]*$"
)


def pointed_item(kb: KnowledgeBase, question: str, cited: tuple[str, ...]) -> Clause | None:
    """The clause a question points back to (「这个阶段主要干啥」「这条牵头部门都有谁」): the one
    clause the last answer quoted, when the question opens with a demonstrative before a word
    for a part of a document (lexicon: pointed_parts). Not a list (several clauses quoted)."""
    match = _POINTED().match(question.strip())
    clauses = [kb.clause(c) for c in cited if kb.has_clause(c)]
    if match is None or len(clauses) != 1 or kb.children(clauses[0]):
        return None
    return clauses[0]


def next_item(kb: KnowledgeBase, question: str, cited: tuple[str, ...]) -> Clause | None:
    """The item before or after the one the last answer quoted (「它前面那个阶段呢」「下一条呢」):
    its sibling, when the question opens with a word of before or after and a part's word."""
    match = _BESIDE().match(question.strip())
    clauses = [kb.clause(c) for c in cited if kb.has_clause(c)]
    if match is None or len(clauses) != 1 or clauses[0].parent_id is None:
        return None
    items = kb.children(kb.clause(clauses[0].parent_id))
    at = next((i for i, c in enumerate(items) if c.id == clauses[0].id), None)
    step = -1 if match.group(1) else 1
    if at is None or not 0 <= at + step < len(items):
        return None
    return items[at + step]


@cache
def _BESIDE() -> re.Pattern[str]:
    parts = "|".join(sorted(LEXICON.asking_words.pointed_parts, key=len, reverse=True))
    return re.compile(
        r"(?:那么|那)?(?:它|这个|这|该)?的?"
        rf"(?:(前面|前一|上一|之前)|(?:后面|后一|下一|之后|接下来))(?:那|这)?一?个?(?:{parts})"
    )


@cache
def _POINTED() -> re.Pattern[str]:
    parts = "|".join(sorted(LEXICON.asking_words.pointed_parts, key=len, reverse=True))
    return re.compile(
        rf"(?:那么|那)?(?:这一|这个|这|该|此|上面这|上面那|刚才那|刚才这)一?个?(?:{parts})(?![目])"
    )


# 「第一条条件算满足吗」「那报升级呢，第一条条件是什么」「申报条件里的第二条」: a condition by its place
_NTH_CONDITION = re.compile(
    r"第([一二三四五六七八九十]|\d{1,2})\s*[条项个点]?(?:申报)?条件"
    r"|(?:申报)?条件(?:的|里的?|中的?)?第([一二三四五六七八九十]|\d{1,2})\s*[条项个点]"
)


def nth_condition(kb: KnowledgeBase, question: str, guide: Guide, kind: str | None) -> Clause | None:
    """The condition a question names by its place, of the part of the guide's conditions it
    names: the applicant type's (`kind`: the one the question or the conversation names) or a
    part named by its title (「升级」 of 「升级项目」), down to the list that holds the conditions
    themselves (a guide's conditions of no parts are that list). None when a part is not named:
    the numbering of a reference then decides (「新建项目第二条」 is （一）'s second part)."""
    match = _NTH_CONDITION.search(question)
    sections = [c for c in kb.guide_clauses(guide.id) if clean(c.title) == "申报条件" and kb.children(c)]
    if match is None or len(sections) != 1:
        return None
    node = sections[0]
    while parts := [c for c in kb.children(node) if kb.children(c)]:
        named = [c for c in parts if _names_the_part(question, c, kind)]
        if len(named) != 1:
            return None
        node = named[0]
    items = kb.children(node)
    place = chinese_to_number(match.group(1) or match.group(2))
    return items[int(place) - 1] if place is not None and 1 <= place <= len(items) else None


def _names_the_part(question: str, part: Clause, kind: str | None) -> bool:
    """The part of a guide's conditions is the applicant type's, or is named by its title with
    its last word (项目) left out (「升级」 of 「升级项目」)."""
    if kind is not None and types_named(part.title) == [kind]:
        return True
    title = re.sub(r"项目$", "", clean(part.title))
    return not types_named(part.title) and len(title) >= 2 and title in question
