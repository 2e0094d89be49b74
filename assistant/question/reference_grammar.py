"""The grammar of clause references as staff write them: text → a guide and a path of steps.

A reference names a guide (year, name, alias, title, or document number such as
苏知发〔2021〕140号附件3) and a path down its clause tree. Each step is a numbering marker
(三、 （三） 1. （1） ①), a numbered unit (第三条, 第（一）条, 第三款, 第1项), a clause title
(「申报条件」, 「主要任务」), or several of these (「三、申报条件（三）」). Titles are the guide's
own clause titles, so the grammar knows them from the knowledge base, not from a list. Which
level 第N条 and 第N款 name depends on the guide; `references.py` decides that when it locates
the clause. The words besides (「请给出…的原文」) are filler from the lexicon; anything else is
left over, which makes a lookup a search.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from ..domain import CIRCLED, NUM, PARA, PAREN_CN, PAREN_NUM, SECTION, TRAILER, Clause, Guide
from ..ingest import numbering
from ..ingest.knowledge_base import KnowledgeBase
from ..ingest.parse import CIRCLED_CHARS, cn_number
from ..text.abbreviation import shortened_name
from .lexicon import LEXICON, either

ARTICLE, BELOW = "article", "below"  # 第N条 and 第N款: levels that depend on the guide
UNIT_KINDS = {"article": ARTICLE, "part": SECTION, "below": BELOW, "item": NUM, "subitem": PAREN_NUM}
CN = numbering.CN_NUMERALS
NUMBERING = re.compile(
    r"(?<![a-z_])"  # not after a Latin word: 「alert(1)」
    rf"(?:第\((?P<bcn>[{CN}]{{1,3}})\)[条款项目点]?"
    rf"|第\((?P<bnum>\d{{1,2}})\)[条款项目点]?"
    rf"|第(?P<nth>[{CN}百]{{1,4}}|\d{{1,3}})(?P<unit>部分|[条款项目点段])"
    rf"|(?<![前第数名这那每几])(?P<sec>[{CN}]{{1,3}})、"  # not 「全国前三、研发占比4%」
    rf"|\((?P<cn>[{CN}]{{1,3}})\)"
    rf"|\((?P<pn>\d{{1,2}})\)"
    rf"|(?P<circ>[{CIRCLED_CHARS}])"
    rf"|(?<![前第数名每几之])(?P<bare_sec>[{CN}]{{1,3}})(?=\(|\d|$)"  # not 「全省前十」「百分之七（2021年）」
    rf"|(?<![\d.])(?P<n>\d{{1,2}})(?P<mark>[.、项])?(?![\d.%年月日万元个件人家名])"
    r"|(?P<end>正文结尾))"
)
SHORT_YEAR = re.compile(r"(?<![\d.])(2\d)年(?![\d度内])")  # 「22年」「24年那版」
# not 〔2021〕 or (2021) of a document number, nor a span (「（2021-2035年）」); 「附件1（22年…）」 is one
YEAR = re.compile(r"(?<![\d〔\[])(20\d{2})(?:年度?)?(?![\d〕\])\-–—~至])")
# Words written right after 「三、」 or 「（三）」 up to the end or the next mark: that item's title,
# even when the guide calls it otherwise (「三、主要任务」 where 三、 is 主要目标).
WRITTEN_TITLE = re.compile(r"[\u4e00-\u9fff]{2,15}(?=$|[(\s\"'“”‘’「」《》:：,，。;；?？!！、])")
ATTACHMENT = re.compile(r"附件(\d{1,2})")
_GUIDE_WORD = re.compile(r"年?度?(?:版的?(?:申报)?(?:指南)?|的?(?:申报)?指南)")
QUOTES_AND_MARKS = re.compile(r"[\s\"'“”‘’「」『』《》〈〉:：,，.。;；!！?？、()\[\]【】<>\-—_/|]+")
TITLE_MIN, TITLE_MAX = 2, 30


@dataclass(frozen=True)
class Step:
    """One step of a path: a numbering kind and key, a title, or both (「三、申报条件」)."""

    kind: str | None  # a numbering kind, ARTICLE, BELOW, PARA or TRAILER; None: a title alone
    key: str | None = None  # "3", "p1", "contact"
    title: str | None = None
    bare: bool = False  # a lone digit (「1」) with nothing that marks it as numbering


@dataclass(frozen=True)
class Reference:
    guide: Guide
    steps: tuple[Step, ...]
    leftover: str  # words that are neither numbering, a title, the guide's name nor filler
    written: str  # the reference as written, for messages
    named: bool = False  # the text names its guide (not the default guide it was given)


def clean(text: str) -> str:
    """Full-width digits and brackets to half-width (circled numbers kept), no spaces, a
    document number's year in the brackets it is printed with (〔2021〕), and a two-digit year
    written out (「22年保护示范区」 → 2022年)."""
    kept = "".join(c if c in CIRCLED_CHARS else unicodedata.normalize("NFKC", c) for c in text)
    kept = _NUMBER_YEAR.sub(
        r"〔\1〕", re.sub(r"\s+", "", kept)
    )  # 「苏知发（2021）140号」 as printed: 〔2021〕
    return SHORT_YEAR.sub(r"20\1年", kept.lower())


# The year of a document number in any brackets people type (（2021）, [2021], 【2021】)
_NUMBER_YEAR = re.compile(r"[〔\[【(](20\d{2})[〕\]】)](?=\d+号)")


def parse(kb: KnowledgeBase, text: str, default_guide: Guide | None = None) -> Reference | None:
    """The guide a text names and the path it writes; None when it names no guide and no
    default is given (the guide a conversation is about, for 「三（三）呢？」)."""
    written = clean(text)
    found = guide_named(kb, written)
    if found is None and default_guide is None:
        found = _sibling_attachment(kb, _sole_notice(kb), written)  # 「附件4 一（三）2」
        if found is None:
            return None
    if found is None:
        found = _sibling_attachment(kb, default_guide, written)
    guide, rest = found or (default_guide, YEAR.sub("", written, count=1))
    steps, leftover = _path(kb, guide, rest)
    return Reference(guide, tuple(steps), leftover, text.strip(), found is not None)


def guide_named(kb: KnowledgeBase, text: str) -> tuple[Guide, str] | None:
    """The guide a reference names, and the text with its name and year taken out. A name
    shared by several years' guides without a year means the current one."""
    text = _year_before_name(kb, text)
    # a year right before a guide's name is its round (「没评上2022年度真抓实干…，2024年保护示范区
    # 第一条」: 2024), else the first year written
    before_name = _year_of_name(kb.guides).search(text)
    if before_name is not None and _JOINED_YEAR.search(text[: before_name.start()]):
        before_name = None  # 「2022年和2024年保护示范区…第3条」: the first of two rounds compared
    year_match = before_name or YEAR.search(text)
    year = int(year_match.group(1)) if year_match else None
    rest = text[: year_match.start()] + text[year_match.end() :] if year_match else text
    by_number = _by_document_number(kb, rest, year)
    if by_number is not None:
        return by_number
    rest = ATTACHMENT.sub(" ", rest)  # 「（附件4）」 beside a guide's name is no clause number
    candidates = []
    for guide in kb.guides:
        if year is not None and guide.year != year:
            continue
        spots = [(rest.find(name), -len(name), name) for name in _names(guide) if name in rest]
        if spots:
            at, _, name = min(spots)  # the first name written: a title later may hold an alias
            # (an alias that is a title of the guide's own stays a step: 「升级项目…第一条」)
            own_title = name in _guide_titles(kb, guide.id)
            left = rest if own_title else rest[:at] + " " + rest[at + len(name) :]
            candidates.append((-at, len(name), guide.is_current, guide, left))
    candidates.extend(_by_short_name(kb, rest, year))
    if before_name is not None:  # the guide whose name the year stands before, not one named elsewhere
        candidates = [c for c in candidates if -c[0] == before_name.start()] or candidates
    if not candidates:
        of_year = [g for g in kb.guides if g.year == year]
        if len(of_year) == 1 and _GUIDE_WORD.search(rest):
            # 「2024年指南 三（一）」: that year's one guide
            return of_year[0], _GUIDE_WORD.sub(" ", rest, count=1)
        if len(of_year) == 1 and any(title in clean(rest) for title in _guide_titles(kb, of_year[0].id)):
            return of_year[0], rest  # 「2024 支持重点 原文」: that year's one guide, by a title of its own
        return None
    # of two guides named, the one named first (「政策措施第七条关于商标品牌培育…」), else the longer name
    best = max(candidates, key=lambda c: (c[0], c[1], c[2]))
    return best[3], best[4]


def _by_short_name(kb: KnowledgeBase, text: str, year: int | None) -> list[tuple[int, int, bool, Guide, str]]:
    """A guide named by a short form of its name (「强省措施」「通州强县工作方案」「保护区指南」):
    the current guide of that program, or the one of the year written."""
    guides = [g for g in kb.guides if year is None or g.year == year]
    names = {name: g.program or g.id for g in guides for name in _names(g)}
    short = shortened_name(text, names, LEXICON.name_words)
    if short is None:
        return []
    start, end, owner = short
    guide = max((g for g in guides if (g.program or g.id) == owner), key=lambda g: g.is_current)
    return [(-start, end - start, guide.is_current, guide, text[:start] + " " + text[end:])]


def _year_before_name(kb: KnowledgeBase, text: str) -> str:
    """「24保护示范区」: two digits right before a guide's name are its year (2024年)."""
    return _year_before_pattern(kb.guides).sub(r"20\1年", text)


_JOINED_YEAR = re.compile(r"20\d{2}年?度?版?(?:和|跟|与|同|及|、|还是)$")


@lru_cache(maxsize=8)
def _year_of_name(guides: tuple[Guide, ...]) -> re.Pattern[str]:
    return re.compile(rf"(?<![\d〔\[])(20\d{{2}})年度?的?(?=(?:{_any_name(guides)}))")


@lru_cache(maxsize=8)
def _year_before_pattern(guides: tuple[Guide, ...]) -> re.Pattern[str]:
    return re.compile(rf"(?<![\d.])(2\d)(?=(?:{_any_name(guides)}))")


def _any_name(guides: tuple[Guide, ...]) -> str:
    """Every name of the guides as one alternation, longest first."""
    return either(tuple({n for guide in guides for n in _names(guide)}))


@lru_cache(maxsize=64)
def _names(guide: Guide) -> tuple[str, ...]:
    """What a guide is called: its title (with and without 「申报指南」), short name, aliases, id."""
    title = clean(guide.title)
    core = re.sub(r"^\d{4}年度?(江苏)?省?", "", title)  # 「2022年度省高价值…」 → 「高价值…」
    shorter = [re.sub(r"(项目)?申报指南$|的通知$", "", t) for t in (title, core)]
    names = {title, core, *shorter, clean(guide.short_name), *map(clean, guide.aliases), guide.id}
    return tuple(sorted((n for n in names if n), key=lambda n: (-len(n), n)))


def _by_document_number(kb: KnowledgeBase, text: str, year: int | None) -> tuple[Guide, str] | None:
    """「苏知发〔2021〕140号附件3」, 「140号文附件3」: the attachment of a numbered notice."""
    attachment = ATTACHMENT.search(text)
    if attachment is None:
        return None
    for notice in kb.guides:
        if not notice.doc_number or "附件" in notice.doc_number:
            continue
        names = [n for n in (clean(notice.doc_number), *map(clean, notice.aliases)) if re.search(r"\d号", n)]
        name = next((n for n in sorted(names, key=len, reverse=True) if n in text), None)
        if name is None:
            continue
        wanted = f"{clean(notice.doc_number)}附件{attachment.group(1)}"
        parts = [g for g in kb.guides if g.doc_number and clean(g.doc_number) == wanted]
        rest = text.replace(name, " ", 1).replace(attachment.group(0), " ", 1)
        named = [g for g in parts if any(n in rest for n in _names(g))]
        chosen = named or parts
        if len(chosen) == 1 and (year is None or chosen[0].year == year):
            own = next((n for n in _names(chosen[0]) if n in rest), None)
            return chosen[0], rest.replace(own, " ", 1) if own else rest
    return None


def _sole_notice(kb: KnowledgeBase) -> Guide | None:
    """The one notice whose attachments are guides, when there is one: 「附件3」 with no notice
    named is its attachment."""
    notices = {
        re.sub(r"\s*附件\d+$", "", g.doc_number) for g in kb.guides if g.doc_number and "附件" in g.doc_number
    }
    if len(notices) != 1:
        return None
    (number,) = notices
    return next((g for g in kb.guides if g.doc_number == number), None)


def _sibling_attachment(kb: KnowledgeBase, guide: Guide | None, text: str) -> tuple[Guide, str] | None:
    """「附件3 六（四）」 in a conversation about a notice or one of its attachments: that
    notice's attachment 3 (the guide talked about when it is one of them), not a clause
    numbered 3."""
    attachment = ATTACHMENT.search(text)
    if guide is None or attachment is None or not guide.doc_number:
        return None
    parts = kb.attachment(guide, attachment.group(1))
    chosen = guide if guide in parts else parts[0] if len(parts) == 1 else None
    return None if chosen is None else (chosen, text.replace(attachment.group(0), " ", 1))


def _path(kb: KnowledgeBase, guide: Guide, rest: str) -> tuple[list[Step], str]:
    """The steps written in `rest`, in order, and what is left over besides filler."""
    found: list[tuple[int, int, Step]] = []
    for match in NUMBERING.finditer(rest):
        found.append((match.start(), match.end(), _numbering_step(match)))
    for word, key in sorted(LEXICON.references.trailers.items(), key=lambda item: -len(item[0])):
        at = rest.find(word)
        if at >= 0 and not _overlaps(at, at + len(word), [(s, e) for s, e, _ in found]):
            found.append((at, at + len(word), Step(TRAILER, key)))
    taken = [(start, end) for start, end, _ in found]
    for start, end, title in _titles(kb, guide, rest, taken):
        found.append((start, end, Step(None, None, title)))
    found.extend(_written_titles(rest, found))
    found.sort(key=lambda item: item[0])
    found = [
        (start, end, Step(BELOW, step.key) if step.kind == ARTICLE and index > 0 else step)
        for index, (start, end, step) in enumerate(found)
    ]  # 「申报要求第三条」: the third item of what was named before, not the third section
    leftover = rest
    for start, end, _ in sorted(found, key=lambda item: -item[0]):
        leftover = leftover[:start] + " " + leftover[end:]
    return _attach_titles(found), _without_filler(leftover)


def _numbering_step(match: re.Match) -> Step:
    if match.group("bcn"):
        return Step(PAREN_CN, str(cn_number(match.group("bcn"))))
    if match.group("bnum"):
        return Step(PAREN_NUM, match.group("bnum"))
    if match.group("nth"):
        number = match.group("nth")
        value = int(number) if number.isdigit() else cn_number(number)
        unit = match.group("unit")
        if unit == "段":
            return Step(PARA, f"p{value}")
        return Step(UNIT_KINDS[LEXICON.references.units[unit]], str(value))
    if match.group("sec") or match.group("bare_sec"):
        return Step(SECTION, str(cn_number(match.group("sec") or match.group("bare_sec"))))
    if match.group("cn"):
        return Step(PAREN_CN, str(cn_number(match.group("cn"))))
    if match.group("pn"):
        return Step(PAREN_NUM, match.group("pn"))
    if match.group("circ"):
        return Step(CIRCLED, str(CIRCLED_CHARS.index(match.group("circ")) + 1))
    if match.group("end"):
        return Step(PARA, "p1")
    return Step(NUM, match.group("n"), bare=not match.group("mark"))


def _titles(
    kb: KnowledgeBase, guide: Guide, rest: str, taken: list[tuple[int, int]]
) -> list[tuple[int, int, str]]:
    """The guide's clause titles written in `rest`, longest first, not overlapping numbering."""
    found: list[tuple[int, int, str]] = []
    for title in _guide_titles(kb, guide.id):
        for match in re.finditer(re.escape(title), rest):
            if not _overlaps(match.start(), match.end(), [*taken, *((s, e) for s, e, _ in found)]):
                found.append((match.start(), match.end(), title))
    return found


def _written_titles(rest: str, found: list[tuple[int, int, Step]]) -> list[tuple[int, int, Step]]:
    """Titles written after 「三、」 that the guide does not have: kept, so that a number and a
    title that disagree are reported rather than one of them silently used."""
    spans = [(s, e) for s, e, _ in found]
    written = []
    for _, end, step in found:
        if step.kind != SECTION or rest[end - 1] != "、":
            continue
        match = WRITTEN_TITLE.match(rest, end)
        if match is None or _overlaps(match.start(), match.end(), spans):
            continue
        title = match.group()
        if not any(word in title for word in LEXICON.references.filler):
            written.append((match.start(), match.end(), Step(None, None, title)))
    return written


# A guide's clause titles, cleaned, longest first; built once per knowledge base (its
# fingerprint changes whenever a clause does) instead of on every question.
_TITLES: dict[tuple[str, str], tuple[str, ...]] = {}


def _guide_titles(kb: KnowledgeBase, guide_id: str) -> tuple[str, ...]:
    key = (kb.fingerprint, guide_id)
    if key not in _TITLES:
        titles = {
            clean(c.title) for c in kb.guide_clauses(guide_id)[1:] if TITLE_MIN <= len(c.title) <= TITLE_MAX
        }
        _TITLES[key] = tuple(sorted(titles, key=lambda t: (-len(t), t)))  # ties in a fixed order
    return _TITLES[key]


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in spans)


def _attach_titles(found: list[tuple[int, int, Step]]) -> list[Step]:
    """A title right after a numbering marker is that marker's title: 「三、申报条件」 is one step."""
    steps: list[Step] = []
    previous_end = -1
    for start, end, step in found:
        attachable = steps and steps[-1].kind is not None and steps[-1].title is None and not steps[-1].bare
        if step.kind is None and attachable and start == previous_end:
            steps[-1] = Step(steps[-1].kind, steps[-1].key, step.title, steps[-1].bare)
        else:
            steps.append(step)
        previous_end = end
    return steps


def _without_filler(text: str) -> str:
    # (a guide's opening is the guide's own text: 「附件4开头那段」 names the guide alone)
    for word in sorted((*LEXICON.references.filler, *LEXICON.references.preamble), key=len, reverse=True):
        text = text.replace(word, " ")
    return QUOTES_AND_MARKS.sub("", text)


def title_matches(clause: Clause, title: str, loosely: bool = False) -> bool:
    """The clause has this title; `loosely`: its title holds it (「园区」 in 「申报创建保护示范区的
    园区应符合下列条件」), for a title that names a node on the way, not the clause asked for."""
    own = clean(clause.title)
    return own == title or (loosely and title in own)
