"""Clause references: a reference resolves to exactly one clause, or fails saying why and
showing the candidates. `resolve` reads a whole text as a reference (`lookup`, the clause
browser, `?clause=` links); `find_reference` finds one inside a question.

The path a reference writes (reference_grammar.py) is matched against each clause's chain
of ancestors: its steps must name nodes of the chain in order, the last one the clause
itself. Steps may skip levels (「申报要求第（一）条」 names 六、 by its title), and the closest
fit wins: fewest skipped levels, then fewest levels above the first step. 第N条 names a
guide's 一、 level, or the items of a text that numbers them straight through its sections
(the 2023 measures' (一)…(二十一)); 第N款 names the level below the step before it.
"""

from __future__ import annotations

import re
from itertools import pairwise

from ..domain import NUMBERED_KINDS, PAREN_CN, ROOT, SECTION, TRAILER, Clause, Guide
from ..errors import UnknownReferenceError
from ..ingest.knowledge_base import KnowledgeBase
from .asking import asks
from .intent import LOOKUP_CUES
from .lexicon import LEXICON
from .reference_grammar import ARTICLE, BELOW, Reference, Step, clean, parse, title_matches
from .scope import types_named

MAX_CANDIDATES = 6


def resolve(kb: KnowledgeBase, text: str) -> Clause | None:
    """The clause a text names when the whole text is a reference; None when it is not one
    (a search). Raises UnknownReferenceError when it names no clause, or several."""
    text = text.strip()
    if kb.has_clause(text):
        return kb.clause(text)
    reference = parse(kb, text)
    if reference is None or reference.leftover:
        return None
    return locate(kb, reference)


def find_reference(
    kb: KnowledgeBase, question: str, conversation_guide: Guide | None = None, near: Clause | None = None
) -> Clause | None:
    """A reference inside a question (「调一下2024年保护示范区五（三）的原文」): a guide and
    numbering, or a clause title with a word asking for the text (「…主要任务的原文」). A
    question that names no guide refers to the one the conversation is about (「三（三）呢？」);
    numbering that fits several clauses is the one beside or under `near`, the clause the
    conversation last referred to (「五（一）」, then 「那（三）呢？」 is 五（三）)."""
    reference = parse(kb, question, conversation_guide)
    if reference is None:
        return None
    marked = [s for s in reference.steps if s.kind not in (None, TRAILER) and not s.bare]
    # 「通州方案 主要目标」: a guide's name and a title, and nothing else (no 的, nothing asked),
    # is a staff's lookup; 「通州方案的主要目标是什么」 is asked in words and answered
    terse = (
        bool(reference.steps)
        and not _TRIMMED.sub("", reference.leftover)
        and "的" not in question
        and not asks(question)
    )
    cued = any(cue in question for cue in LOOKUP_CUES)
    asks_for_text = cued or (terse and reference.named)
    if _enumeration(reference) and not asks_for_text:
        return None  # 「情况是这样：1. …；2. …；3. …」: the applicant's own list, not a path
    # 「苏知发〔2021〕140号 正文」: a document's number with nothing but a word asking for its text
    rest = re.sub("|".join(map(re.escape, (*LOOKUP_CUES, "正文"))), "", reference.leftover)
    bare = not reference.steps and not _TRIMMED.sub("", rest) and not asks(question)
    # (「…140号 附件2」 of two guides names no one document: the notice's list says which)
    attachment = "附件" in (reference.guide.doc_number or "") or "附件" not in question
    if bare and reference.named and attachment and _DOCUMENT_NUMBER.search(question):
        return kb.clause(reference.guide.id)  # 「苏知发〔2021〕140号」 alone: the document itself
    if names_opening(question) and reference.named and not reference.steps and not _TRIMMED.sub("", rest):
        return kb.clause(reference.guide.id)  # 「通州方案的开头」「保护示范区指南导言」: its opening
    if not marked and not (asks_for_text and reference.steps):
        return None
    if (
        reference.guide is conversation_guide
        and not reference.named
        and not marked
        and not _its_own_titles(kb, reference)
    ):
        return None  # a title alone needs its guide named: 「申报条件的原文」 may be any guide's
    try:
        return locate(kb, reference, near, loose=asks_for_text)
    except UnknownReferenceError:
        if _clearly_a_reference(reference, cued):  # a terse title that fits none is answered
            raise
        return None  # a lone 「（1）」 in a question is not worth an error: the question is answered


def names_opening(question: str) -> bool:
    """The question names a guide's opening (「开头那段」「导言」: lexicon references.preamble)."""
    return any(word in question for word in LEXICON.references.preamble)


def _its_own_titles(kb: KnowledgeBase, reference: Reference) -> bool:
    """Each title the reference writes is a title of its guide's and of no other guide's (「保障措施
    那部分也发一下」 in a conversation about the 通州 plan): the conversation's guide is meant."""
    titles = [s.title for s in reference.steps if s.title]
    others = {clean(c.title) for c in kb.clauses if c.guide_id != reference.guide.id}
    own = {clean(c.title) for c in kb.guide_clauses(reference.guide.id)}
    return bool(titles) and all(clean(t) in own and clean(t) not in others for t in titles)


def find_in_guides(
    kb: KnowledgeBase, question: str, guides: tuple[Guide, ...], near: Clause | None = None
) -> Clause | None:
    """A reference that names no guide, in a conversation about none (「2022年三（三）原文」):
    the clause when one guide of `guides` has it; UnknownReferenceError showing each guide's
    when several have it. Only a reference a person clearly meant, asked for its text or
    written with two numbers or more; else None (the question is answered in words)."""
    cued = any(cue in question for cue in LOOKUP_CUES)
    if not cued and not _NUMERAL.search(question):
        return None  # no numbering to parse against each guide (most questions: a hot path)
    found: list[Clause] = []
    for guide in guides:
        reference = parse(kb, question, guide)
        numbered = [s for s in reference.steps if s.kind is not None] if reference else []
        if reference is None or not (cued or len(numbered) >= 2):
            continue
        try:
            clause = find_reference(kb, question, guide, near)
        except UnknownReferenceError:
            continue
        if clause is not None:
            found.append(clause)
    found = _named_by_words(kb, question, found)
    if len(found) <= 1:
        return found[0] if found else None
    raise UnknownReferenceError(
        f"「{question.strip()}」没有写明是哪份指南，多份指南都有这一条（候选：{_candidates(found)}）："
        "请写明指南名称，如「2024 保护示范区 三（二）1」。"
    )


def _named_by_words(kb: KnowledgeBase, question: str, found: list[Clause]) -> list[Clause]:
    """Of the clauses found in several guides, those whose guide's names and headings share the
    most of the question's words (「强县方案（三）强化知识产权运用 第2条」: the plan's), when
    some share any."""
    said = {question[i : i + 2] for i in range(len(question) - 1) if _HAN_PAIR.fullmatch(question[i : i + 2])}

    def shared(clause: Clause) -> int:
        guide = kb.guide(clause.guide_id)
        names = " ".join((guide.title, guide.short_name, *guide.aliases, *clause.heading_path))
        return sum(pair in names for pair in said)

    scores = {c.id: shared(c) for c in found}
    best = max(scores.values(), default=0)
    return [c for c in found if scores[c.id] == best] if best else found


_HAN_PAIR = re.compile(r"[\u4e00-\u9fff]{2}")
# Any numeral a clause number could be written with: without one, a text holds no numbering
_NUMERAL = re.compile(r"[0-9０-９一二三四五六七八九十百①-⑳]")
_TRIMMED = re.compile(r"[\s,，。.？?!！:：、]+")
_DOCUMENT_NUMBER = re.compile(r"\d\s*号")


def _enumeration(reference: Reference) -> bool:
    """Markers of one kind that follow each other (1. 2. 3.): a list's items, which a path
    down the numbering (三、（二）1.) never repeats."""
    kinds = [s.kind for s in reference.steps if s.kind not in (None, TRAILER)]
    return len(kinds) != len(set(kinds))


def _clearly_a_reference(reference: Reference, asks_for_text: bool) -> bool:
    """A section, an article or 款, two or more numbers, or a request for the text: a
    reference a person meant, whose failure must be said. A lone （4） with words around it
    (「园区的第(4)项呢」) is left to the answer."""
    numbered = [s for s in reference.steps if s.kind is not None]
    strong = any(s.kind in (SECTION, ARTICLE, PAREN_CN) for s in numbered)
    return asks_for_text or strong or len(numbered) >= 2


def locate(kb: KnowledgeBase, reference: Reference, near: Clause | None = None, loose: bool = True) -> Clause:
    """The clause a reference names. With `loose` (a reference asked for, not numbers met in a
    sentence), numbers in another style and a title after a number that is the level below it
    are read too."""
    guide, steps = reference.guide, reference.steps
    if not steps:
        return kb.clause(guide.id)
    if (below := _titled_below(kb, guide, steps)) is not None:
        return below
    fits = _fits(kb, guide, steps)
    if len(fits) > 1 and reference.leftover:
        fits = _by_leftover_words(kb, fits, reference.leftover)
    if len(fits) > 1 and fits[0][0] == fits[1][0] and near is not None:
        fits = _beside(fits, near)
    if fits and (len(fits) == 1 or fits[0][0] < fits[1][0]):
        return fits[0][1]
    if fits:
        _fail(reference, "不唯一", [clause for score, clause in fits if score == fits[0][0]])
    # 「四（二）绩效目标（7）」: a title written right after a number may be a level below it
    detached = _detached(steps)
    if loose and detached != steps and (alone := _sole(_fits(kb, guide, detached))) is not None:
        return alone
    # A loosely written title (「一（四）项目任务的第1项」) does not outweigh numbers that name one
    # clause; a section's title that disagrees with its number (「三、主要任务」) is reported.
    numbers_only = tuple(
        s if s.kind == SECTION else Step(s.kind, s.key, None, s.bare) for s in steps if s.kind is not None
    )
    if numbers_only and numbers_only != steps:
        by_number = _fits(kb, guide, numbers_only)
        if len(by_number) == 1 or (by_number and by_number[0][0] < by_number[1][0]):
            return by_number[0][1]
    untitled = tuple(Step(s.kind, s.key, None, s.bare) for s in steps if s.kind is not None)
    numbered = _fits(kb, guide, untitled) if untitled and any(s.title for s in steps) else []
    # 「第四部分 设区市的第（10）项」: the numbers fit several clauses, and the one whose
    # headings hold every title written is meant
    titled = [c for _, c in numbered if all(s.title in "".join(c.heading_path) for s in steps if s.title)]
    # (「四、设区市 项目任务（7）」: 项目任务 is a heading of its own, not only part of 项目任务和绩效目标)
    whole = [c for c in titled if all(s.title in c.heading_path for s in steps if s.title)]
    titled = whole if len(titled) > 1 and whole else titled
    if len(titled) == 1:
        return titled[0]
    if numbered:
        _fail(reference, "的编号与标题不一致", [c for _, c in numbered] + _titled(kb, guide, steps))
    restyled = _in_another_style(kb, guide, steps) if loose else None
    if restyled is not None:
        return restyled
    if loose and (titled_only := _by_titles(kb, guide, steps)) is not None:
        return titled_only
    _fail(reference, "找不到", _nearest(kb, guide, steps))
    raise AssertionError("unreachable")


_ITEM_KINDS = tuple(k for k in NUMBERED_KINDS if k != SECTION)


def _titled_below(kb: KnowledgeBase, guide: Guide, steps: tuple[Step, ...]) -> Clause | None:
    """Titles written after the last number that are titles of levels below the clause it names
    (「四（二）县（市、区）的绩效目标」: 四（二）2; 「四、项目任务和绩效目标 里设区市的项目任务」:
    四（一）1): the topmost clause under it whose own chain holds each of them whole, if one."""
    last = max((i for i, s in enumerate(steps) if s.kind is not None), default=None)
    titles = [s.title for s in steps[last + 1 :] if s.title] if last is not None else []
    if not titles or any(s.kind is not None or not s.title for s in steps[last + 1 :]):
        return None
    parent = _sole(_fits(kb, guide, steps[: last + 1]))
    if parent is None:
        return None
    under, depth = [], len(_chain(kb, parent))
    for clause in kb.guide_clauses(guide.id):
        if not clause.id.startswith(f"{parent.id}."):
            continue
        below = _chain(kb, clause)[depth:]
        if all(any(title_matches(node, t) for node in below) for t in titles):
            under.append((len(below), clause))
    top = min((depth for depth, _ in under), default=0)
    tops = [clause for depth, clause in under if depth == top]
    return tops[0] if len(tops) == 1 else None


def _in_another_style(kb: KnowledgeBase, guide: Guide, steps: tuple[Step, ...]) -> Clause | None:
    """「通州方案 六（四）」 of a section whose items are numbered 1. 2. 3., 「四、1. 设区市 2.绩效
    目标（2）」 of one whose 设区市 is （一）: numbers written in another item style than the
    guide's, when they then name exactly one clause (the answer's heading shows the clause's
    own numbering)."""
    if not any(step.kind in _ITEM_KINDS for step in steps):
        return None
    return _sole(_fits(kb, guide, steps, restyle=True))


def _sole(fits: list[tuple[tuple[int, int], Clause]]) -> Clause | None:
    """The clause that fits best, when no other fits as well."""
    return fits[0][1] if fits and (len(fits) == 1 or fits[0][0] < fits[1][0]) else None


def _detached(steps: tuple[Step, ...]) -> tuple[Step, ...]:
    """The steps with each item number's title made a step of its own."""
    out: list[Step] = []
    for step in steps:
        if step.kind in _ITEM_KINDS and step.title:
            out += [Step(step.kind, step.key, None, step.bare), Step(None, None, step.title)]
        else:
            out.append(step)
    return tuple(out)


def _beside(fits: list[tuple[tuple[int, int], Clause]], near: Clause) -> list[tuple[tuple[int, int], Clause]]:
    """Of the clauses that fit best, the one beside `near` (a sibling) or under it, if only one is;
    else the one item of `near` that fits at all (「第二项…」 of the list just shown, though items
    of other sections fit with fewer levels skipped); else the one in the deepest part of the
    document `near` is in (「2（4）呢」 after 「三（一）1（4）」: 三（一）2（4）, not 四（二）2（4））."""
    best = [fit for fit in fits if fit[0] == fits[0][0]]
    close = [fit for fit in best if fit[1].parent_id in (near.parent_id, near.id)]
    if len(close) == 1:
        return close
    under = [fit for fit in fits if fit[1].parent_id == near.id]
    if len(under) == 1:
        return under
    shared = [_common_depth(fit[1], near) for fit in best]
    deepest = [fit for fit, depth in zip(best, shared, strict=True) if depth == max(shared) > 0]
    return deepest if len(deepest) == 1 else fits


def _common_depth(clause: Clause, near: Clause) -> int:
    """How many levels of the document two clauses of one guide share."""
    if clause.guide_id != near.guide_id:
        return 0
    return next(
        (at for at, (a, b) in enumerate(zip(clause.path, near.path, strict=False)) if a != b),
        min(len(clause.path), len(near.path)),
    )


def _fits(
    kb: KnowledgeBase, guide: Guide, steps: tuple[Step, ...], restyle: bool = False
) -> list[tuple[tuple[int, int], Clause]]:
    """Every clause the steps fit, with how loosely (skipped levels, levels above), best first;
    with `restyle`, an item number names an item of another style too, more loosely."""
    article = _article_kind(kb, guide)
    fits = []
    for clause in kb.guide_clauses(guide.id):
        if clause.kind == ROOT:
            continue
        chain = _chain(kb, clause)
        score = _fit(chain, steps, article, restyle)
        if score is not None:
            fits.append((score, clause))
    fits.sort(key=lambda item: (item[0], item[1].order))
    return fits


def _by_leftover_words(
    kb: KnowledgeBase, fits: list[tuple[tuple[int, int], Clause]], leftover: str
) -> list[tuple[tuple[int, int], Clause]]:
    """The words written besides the numbering name one clause: of clauses that fit as well, the
    one whose path titles share the most of them (「高校院所方向 (三)申报条件」); of any that fit,
    the one whose part of the guide (its 一、二、三 level) they name (「园区第二项条件」 fits
    四（三）2 more closely, but 「条件」 names 三、申报条件)."""
    pairs = {leftover[i : i + 2] for i in range(len(leftover) - 1)}

    tied = [(score, clause) for score, clause in fits if score == fits[0][0]]
    # (the levels every tied clause is under say nothing of which one is meant: 「县（市、区）任务
    # （2）」 of 四、项目任务和绩效目标（二）, whose 1. 项目任务 and 2. 绩效目标 each have a (2))
    common = set.intersection(*({c.id for c in _chain(kb, clause)} for _, clause in tied))

    def shared(clause: Clause, whole: bool) -> int:
        chain = _chain(kb, clause)
        nodes = [c for c in chain if c.id not in common] if whole else chain[:1]
        titles = "".join(clean(c.title) for c in nodes)
        return len({p for p in pairs if p in titles})

    # (「22年保护示范区县区条件第1项」: 三（二）1, of 县（市、区）, and of 条件)
    if len(tied) > 1 and len(typed := _of_the_type_named(kb, tied, leftover)) < len(tied):
        tied = typed or tied
        if len(tied) == 1:
            return tied
    for candidates, whole in ((tied, True), (fits, False)):
        if len(candidates) < 2:
            continue
        counts = [(shared(clause, whole), score, clause) for score, clause in candidates]
        best = max(n for n, _, _ in counts)
        winners = [(score, clause) for n, score, clause in counts if n == best]
        if best > 0 and len(winners) == 1:
            return winners
    return fits


def _of_the_type_named(
    kb: KnowledgeBase, fits: list[tuple[tuple[int, int], Clause]], leftover: str
) -> list[tuple[tuple[int, int], Clause]]:
    """Of clauses that fit as well, those whose titles name the one applicant type the words
    besides the numbering name (县区 for 县（市、区）, written in any of its words)."""
    named = types_named(leftover)
    if len(named) != 1:
        return []
    return [
        (score, clause)
        for score, clause in fits
        if types_named("".join(clean(c.title) for c in _chain(kb, clause))) == named
    ]


def _chain(kb: KnowledgeBase, clause: Clause) -> list[Clause]:
    chain = [clause]
    while chain[-1].parent_id and kb.clause(chain[-1].parent_id).kind != ROOT:
        chain.append(kb.clause(chain[-1].parent_id))
    return chain[::-1]


def _fit(
    chain: list[Clause], steps: tuple[Step, ...], article: str, restyle: bool = False
) -> tuple[int, int] | None:
    """(looseness, levels above the first step) of the best way the steps name nodes of the
    chain, the last numbered step (or, with none, the last title) the clause itself; None
    when they cannot. Numbered steps name nodes in the order written; a title alone may name
    any node of the chain (people write 「绩效目标 设区市」 as well as 「设区市 绩效目标」).
    Looseness counts skipped levels and titles matched only in part (「园区」 for 「申报创建
    保护示范区的园区应符合下列条件」), so an exact reading always wins."""
    # a title right before 第N款 is the level the 款 is under (「保障措施第4条」): it keeps its place
    anchors = [s for s, after in pairwise(steps) if s.kind is None and after.kind == BELOW]
    ordered = [s for s in steps if s.kind is not None or s in anchors] or [steps[-1]]
    floating = [s for s in steps if s.kind is None and s not in ordered and s is not ordered[-1]]
    loose = 0
    for step in floating:
        qualities = [q for node in chain if (q := _names(step, node, article, None, restyle)) is not None]
        if not qualities:
            return None
        loose += min(qualities)
    best: tuple[int, int] | None = None

    def walk(step_index: int, node_index: int, first: int, penalty: int, above: str | None) -> None:
        nonlocal best
        if step_index == len(ordered):
            if node_index == len(chain):
                score = (penalty, first)
                best = score if best is None or score < best else best
            return
        for at in range(node_index, len(chain)):
            quality = _names(ordered[step_index], chain[at], article, above, restyle)
            if quality is not None:
                gap = at - node_index if step_index else 0
                walk(
                    step_index + 1,
                    at + 1,
                    at if step_index == 0 else first,
                    penalty + gap + quality,
                    chain[at].kind,
                )

    walk(0, 0, 0, loose, None)
    return best


def _names(step: Step, node: Clause, article: str, above: str | None, restyle: bool = False) -> int | None:
    """Does one step name this node? Kind (as the guide means 条 and 款), number, title:
    0 exactly, 1 with a title that is only part of the node's, None not at all; with
    `restyle`, 2 more for an item number in another style (「1.」 for 「（一）」)."""
    key = node.id.rsplit(":", 1)[-1].rsplit(".", 1)[-1]
    styled = 0
    if step.kind is not None:
        kinds = (
            (article,) if step.kind == ARTICLE else (_below(above) if step.kind == BELOW else (step.kind,))
        )
        other_style = restyle and step.kind in _ITEM_KINDS and node.kind in _ITEM_KINDS
        if key != step.key or (node.kind not in kinds and not other_style):
            return None
        styled = 0 if node.kind in kinds else 2
    if step.title is None or title_matches(node, step.title):
        return styled
    return styled + 1 if title_matches(node, step.title, loosely=True) else None


def _below(kind: str | None) -> tuple[str, ...]:
    """The levels 第N款 may name: any numbered level under the step before it (（一） at
    first). A guide may skip a level (通州 六、 numbers its items 1. 2.), and the walk that
    fits the path counts a skipped node against the reading, so the nearest level wins."""
    if kind not in NUMBERED_KINDS:
        return (PAREN_CN,)
    return NUMBERED_KINDS[NUMBERED_KINDS.index(kind) + 1 :] or (NUMBERED_KINDS[-1],)


def _article_kind(kb: KnowledgeBase, guide: Guide) -> str:
    """What 第N条 names: the （一） items of a text that numbers them straight through its
    sections (no number repeats), else the 一、 level."""
    items = [c.number for c in kb.guide_clauses(guide.id) if c.kind == PAREN_CN]
    sections = {c.parent_id for c in kb.guide_clauses(guide.id) if c.kind == PAREN_CN}
    return PAREN_CN if len(sections) > 1 and len(items) == len(set(items)) else SECTION


def _by_titles(kb: KnowledgeBase, guide: Guide, steps: tuple[Step, ...]) -> Clause | None:
    """Titles alone, in any order (「“升级项目”申报条件那一段」): the topmost clause whose headings
    hold each title whole, when there is one."""
    if any(s.kind is not None for s in steps):
        return None
    titles = [s.title for s in steps if s.title]
    holding = [c for c in kb.guide_clauses(guide.id) if titles and all(t in c.heading_path for t in titles)]
    top = min((len(c.heading_path) for c in holding), default=0)
    tops = [c for c in holding if len(c.heading_path) == top]
    return tops[0] if len(tops) == 1 else None


def _titled(kb: KnowledgeBase, guide: Guide, steps: tuple[Step, ...]) -> list[Clause]:
    """Clauses whose title shares words with the titles written (「主要任务」 → 「重点任务」)."""
    written = [s.title for s in steps if s.title]
    return [
        c
        for c in kb.guide_clauses(guide.id)
        if c.kind != ROOT and any(_shared(clean(c.title), title) >= 2 for title in written)
    ]


def _shared(a: str, b: str) -> int:
    """The length of the longest run of characters two titles share."""
    return max(
        (n for n in range(min(len(a), len(b)), 0, -1) for i in range(len(b) - n + 1) if b[i : i + n] in a),
        default=0,
    )


def _nearest(kb: KnowledgeBase, guide: Guide, steps: tuple[Step, ...]) -> list[Clause]:
    """What to offer when nothing fits: the items of the deepest clause the reference does name
    (「三、申报条件（九）」 → the items of 三), else what the last step alone names, else the
    guide's sections."""
    for length in range(len(steps) - 1, 0, -1):
        named = _fits(kb, guide, steps[:length])
        if len(named) == 1 or (named and named[0][0] < named[1][0]):
            return kb.children(named[0][1]) or [named[0][1]]
    alone = [c for _, c in _fits(kb, guide, steps[-1:])]
    return alone or kb.top_sections(guide.id)


def _candidates(clauses: list[Clause]) -> str:
    """The clauses a reference may mean, as a reply lists them (at most MAX_CANDIDATES)."""
    unique = list(dict.fromkeys(clauses))
    shown = "；".join(f"{c.ref}（{c.label}）" for c in unique[:MAX_CANDIDATES]) or "无"
    return shown + (f" 等{len(unique)}处" if len(unique) > MAX_CANDIDATES else "")


def _fail(reference: Reference, problem: str, candidates: list[Clause]) -> None:
    raise UnknownReferenceError(
        f"「{reference.written}」在《{reference.guide.title}》中{problem}（候选：{_candidates(candidates)}）："
        "请写出完整层级，如「2024 保护示范区 三（二）1」。"
    )
