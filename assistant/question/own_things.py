"""The names an applicant gives the thing it applies with.

A geographical indication is named once (「用柳塘竹编报」「南荡藕，集体商标2010年注册」「云岭茶
是地理标志证明商标」) and named again where the other level is spoken of (「设区市没有指定南荡藕」
「下面县区也没有指定竹编申报」). There the name is the applicant's own thing: it is read as the
lexicon's stand-in (「这个地标」), a phrase of the fact 「市县指定同一项地理标志」, so that the clause
reads as 「设区市没有指定这个地标」 with its negation in place. A name is learnt only from a clause
that speaks of no other level and no other body (「市里指定的是板栗」 names the city's, not ours);
a name said again that was never learnt (「市里报的是盐城大米」) stays as it is, and is asked.

Colleges are names too: one named for the project led before (「2018年以材料学院牵头承担过」)
and one named for this application (「这次想由电气工程学院牵头」) are two colleges, or one
(「这次还想用机械学院」); the clause of this one is read with the lexicon's words for that.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache

from .fact_phrases import without
from .lexicon import LEXICON, either

_WORDS = LEXICON.own_things
_NAME = r"[“”\"'‘’「」]?([A-Za-z\u4e00-\u9fff]{2,8}?)[“”\"'‘’「」]?"
_OWNER = r"(?:[\u4e00-\u9fff]{1,3}的)?"  # 「本市的」「我们县的」 before a name
_CLAUSE = re.compile(r"[^，,。；;！!？?\n：:]+")
_SHORTEST = 2  # a name said again by its last characters keeps at least two


@cache
def _naming() -> tuple[re.Pattern[str], ...]:
    kinds = either(_WORDS.kind_words)
    return (
        # 「用柳塘竹编报」「拿南荡藕来申报」「也想用同一个“芦湾香米”申报」
        re.compile(
            rf"(?:{either(_WORDS.use_verbs)})(?:同一个|同一|这个){_NAME}(?:{either(_WORDS.apply_verbs)})"
        ),
        re.compile(rf"(?:{either(_WORDS.use_verbs)}){_NAME}(?:{either(_WORDS.apply_verbs)})"),
        # 「指定射阳大米」「指定的是XX板栗」「指定本市的银杏作为培育对象」
        re.compile(
            rf"(?:{either(_WORDS.designate_verbs)}){_OWNER}{_NAME}"
            rf"(?=$|[^\u4e00-\u9fff]|{either(_WORDS.after_a_name)})"
        ),
        # 「打算报“东岗黄酒”」「我们想报“红泥湾枇杷”」: a quoted name after a wish to apply (not a
        # program's name, which is never quoted as a thing)
        re.compile(
            rf"(?:{either(_WORDS.wish_words)})(?:{either(_WORDS.apply_verbs)})"
            rf"[“\"'‘「](?![^”\"'’」]*(?:{kinds}|{either(LEXICON.asking_to_apply.program_nouns)}))"
            r"([\u4e00-\u9fff]{2,8})[”\"'’」]"
        ),
        # 「我们是'溧南白茶'」「我们县的是“白沙枇杷”」: the applicant naming its own thing, quoted
        re.compile(
            rf"^(?:{either(LEXICON.applicant_kinds.pronouns)})[县市区]?(?:的|是|有)+"
            r"[“\"'‘「]([\u4e00-\u9fff]{2,8})[”\"'’」]"
        ),
        # 「我们想用本地的螃蟹」
        re.compile(rf"(?:{either(_WORDS.wish_words)})(?:{either(_WORDS.use_verbs)}){_OWNER}{_NAME}$"),
        # 「云岭茶是地理标志证明商标」
        re.compile(
            rf"^(?:[\u4e00-\u9fff]*的)?{_NAME}(?:是|(?<![作成])为|属于)[^，。]*?(?:{kinds})"
        ),  # not 作为
        # 「我们县的“白沙枇杷”想报…」「我们县的大米，…」: the applicant's own thing opening the
        # clause, then a wish to apply or nothing more
        re.compile(
            rf"^(?:{either(LEXICON.applicant_kinds.pronouns)})[县市区]?的{_NAME}"
            rf"(?:$|(?:{either(_WORDS.wish_words)})(?:{either(_WORDS.apply_verbs)}))"
        ),
        # 「我们县有个紫砂的地理标志」
        re.compile(rf"(?:{either(_WORDS.having_words)}){_NAME}的(?:{kinds})"),
        # 「我们的地标是本县的黑猪」「指定地理标志：XX板栗」
        re.compile(rf"(?:{kinds})(?:产品)?(?:是|为|叫|[:：])(?:[\u4e00-\u9fff]*的)?{_NAME}$"),
    )


@cache
def _other_level(applicant_type: str | None) -> re.Pattern[str]:
    """Words of the applicant's other level (of every level when its type is not known) and of
    other bodies."""
    levels = LEXICON.fact_cues.other_levels
    words = (
        set(levels.get(applicant_type or "", ()))
        if applicant_type in levels
        else set().union(*levels.values())
    )
    return re.compile(either(tuple(sorted(words | set(LEXICON.fact_cues.other_bodies)))))


def _names_another(clause: str, applicant_type: str | None) -> bool:
    return bool(_other_level(applicant_type).search(without("not_levels", clause)))  # 县级市 names no level


@dataclass(frozen=True)
class Named:
    """What a conversation names of the applicant's own, read once for all its turns: its GI's
    names (longest first) and the colleges named for the project it led before."""

    names: tuple[str, ...]
    earlier_colleges: frozenset[str]
    # the words of another body that name the applicant itself: 母公司 (and 集团公司) when it is
    # the group's parent, 分公司 when a branch asks to apply in its own name
    itself: tuple[str, ...] = ()
    # the province's places the applicant said it is in (「我们是常州的一家…企业」), in any turn:
    # where it is registered, as a later 「我们是独立法人」 needs said
    home: tuple[str, ...] = ()


def reads_own_things(keys: set[str]) -> bool:
    """Whether facts among `keys` are read with the applicant's own names."""
    return bool(keys & {*_WORDS.facts, *_WORDS.college_facts})


def named_in(turns: Sequence[str], applicant_type: str | None = None, keys: set[str] | None = None) -> Named:
    """What the turns name of the applicant's own (its GI and colleges only when facts among
    `keys` are read with them)."""
    itself = _body_applying(turns) if applicant_type in (None, "enterprise") else ()
    home = tuple(dict.fromkeys(m.group(1) for turn in turns for m in _HOME().finditer(turn)))
    if keys is not None and not reads_own_things(keys):
        return Named((), frozenset(), itself, home)
    return Named(own_names(turns, applicant_type), _earlier_colleges(turns), itself, home)


@cache
def _HOME() -> re.Pattern[str]:
    """「我们是常州的一家…」「我们常州这边」「我们在苏州」: the applicant placing itself in a city of
    the province (not 「我们在苏州有分公司」: a place it has something in)."""
    pronouns, cities = either(LEXICON.applicant_kinds.pronouns), either(LEXICON.jiangsu_cities)
    return re.compile(rf"(?:{pronouns})(?:是|在)?({cities})(?:市)?(?:的|这边|本地|注册|[，,])")


def as_named(text: str, named: Named, keys: set[str], applicant_type: str | None = None) -> str:
    """The text as the facts among `keys` are read with the applicant's own names."""
    if named.itself:
        text = re.sub(either(named.itself), lambda m: _as_long(m.group()), text)
    if keys & set(_WORDS.facts):
        text = with_stand_ins(text, named.names, applicant_type)
    if keys & set(_WORDS.college_facts):
        text = with_directions_compared(with_colleges_compared(text, named.earlier_colleges))
    return text


def own_names(turns: Iterable[str], applicant_type: str | None = None) -> tuple[str, ...]:
    """The names the applicant gives its own thing, over every turn, longest first."""
    names: set[str] = set()
    for turn in turns:
        for clause in (c.group().strip() for c in _CLAUSE.finditer(turn)):
            if not _names_another(clause, applicant_type):
                names.update(_names_in(clause))
        # 「指定地理标志：XX板栗」: a name after a colon
        names.update(m.group(1) for m in _AFTER_A_COLON().finditer(turn))
    usable = {n for n in names if not any(word in n for word in _WORDS.not_names)}
    return tuple(sorted(usable, key=lambda n: (-len(n), n)))


@cache
def _AFTER_A_COLON() -> re.Pattern[str]:
    return re.compile(rf"(?:{either(_WORDS.kind_words)})(?:产品)?[：:]\s*{_NAME}(?=[，,。；;\s]|$)")


def _names_in(clause: str) -> set[str]:
    return {m.group(1) for pattern in _naming() for m in pattern.finditer(clause)}


def with_stand_ins(text: str, names: tuple[str, ...], applicant_type: str | None = None) -> str:
    """The text with each own name said in a clause about the other level read as the stand-in
    (and 「市里不报了」, the other level applying with nothing, whether or not a name was given)."""

    def read(clause: re.Match[str]) -> str:
        said = clause.group()
        return _stand_in(said, names) if _names_another(said, applicant_type) else said

    return _CLAUSE.sub(read, text)


def _stand_in(clause: str, names: tuple[str, ...]) -> str:
    for name in names:
        if name in clause:
            return clause.replace(name, _WORDS.stand_in)
    before = either(_WORDS.before_a_short_name)
    for name in names:
        for size in range(len(name) - 1, _SHORTEST - 1, -1):
            short = re.escape(name[-size:])
            found = re.search(rf"(?:^|{before})({short})", clause)
            if found:
                return clause[: found.start(1)] + _WORDS.stand_in + clause[found.end(1) :]
    # 「（如果）市里不报了」: the other level applying with nothing, so not with ours either
    found = _NOT_APPLYING().search(clause)
    return clause[: found.end(1)] + _WORDS.stand_in + clause[found.end(1) :] if found else clause


@cache
def _NOT_APPLYING() -> re.Pattern[str]:
    return re.compile(
        rf"(?:{either(_WORDS.not_applying)})((?:{either(_WORDS.apply_verbs)}|指定))(?:了|啦)?\s*$"
    )


@cache
def _COLLEGE() -> re.Pattern[str]:
    head = re.escape(_WORDS.college_head)
    # 「以材料学院牵头」; 「我们学校18年机械学院牵头做过…」: a college opening its words, before 牵头
    return re.compile(
        rf"(?:{either(_WORDS.before_a_college)})([\u4e00-\u9fff]{{1,8}}?{head})"
        rf"|(?<=[\d年的，,])(?![年的]|{either(_WORDS.before_a_college)})([\u4e00-\u9fff]{{1,8}}?{head})(?=牵头)"
    )


def _colleges(clause: str) -> set[str]:
    # 以 of 以前/以后/以来 is no preposition (「以前机械学院牵头做过」 names 机械学院, said before)
    return {m.group(1) or m.group(2) for m in _COLLEGE().finditer(re.sub("以(?=[前后来上下])", "□", clause))}


def _earlier_colleges(turns: Iterable[str]) -> frozenset[str]:
    """The colleges the turns name for the project led before (「2018年以材料学院牵头承担过」
    「…牵头承担过一个…项目，那个是材料学院的…」: the time words of the turn so far say whose)."""
    return frozenset(
        c
        for turn in turns
        for clause, when in _timed(_CLAUSE.finditer(turn))
        if when == "earlier"
        for c in _colleges(clause.group())
    )


def _timed(clauses: Iterable[re.Match[str]]) -> Iterator[tuple[re.Match[str], str | None]]:
    """Each clause with the time it tells of: the project led before ("earlier") or this one
    ("now"), as the last clause naming a time word said; None before any did."""
    when = None
    for clause in clauses:
        words = clause.group()
        if _of(words, _WORDS.earlier_words) and not _of(words, _WORDS.this_time_words):
            when = "earlier"
        elif _of(words, _WORDS.this_time_words):
            when = "now"
        yield clause, when


def with_colleges_compared(text: str, earlier: frozenset[str]) -> str:
    """The clause that names the college leading this time (「这次想由电气工程学院牵头」), when
    one was named for the project led before (`earlier`), with `other_college` after it when
    they differ, `same_college` when they are one (「这次还想用机械学院」); nothing when either
    is not named, or several are."""
    if len(earlier) != 1:
        return text

    def read(clause: re.Match[str]) -> str:
        said = clause.group()
        now = (
            _colleges(said)
            if _of(said, _WORDS.this_time_words) and not _of(said, _WORDS.earlier_words)
            else set()
        )
        if len(now) != 1:
            return said
        return f"{said}，{_WORDS.same_college if now == earlier else _WORDS.other_college}"

    return _CLAUSE.sub(read, text)


def _of(clause: str, words: tuple[str, ...]) -> bool:
    return any(word in clause for word in words)


@cache
def _DIRECTION() -> re.Pattern[str]:
    head, before = re.escape(_WORDS.direction_head), either(_WORDS.direction_before)
    return re.compile(rf"(?:{before})([\u4e00-\u9fff]{{2,10}})|(?:^|[、的是])([\u4e00-\u9fff]{{2,8}}?){head}")


def with_directions_compared(text: str) -> str:
    """The text with `other_direction` (or `same_direction`) after the clause naming the field
    of this application, when one field was named for the project led before and one for this
    one, in that order (「以前…方向是智能制造，我们这次是…抗体药物方向」). Whose a field is, the
    time words of its sentence so far say (以前 … 这次 …)."""
    said: dict[str, list[tuple[str, int]]] = {"earlier": [], "now": []}
    for clause, when in _timed(_CLAUSE.finditer(text)):
        for found in _DIRECTION().finditer(clause.group().strip()):
            if when is not None:
                said[when].append((found.group(1) or found.group(2), clause.end()))
    earlier, now = {d for d, _ in said["earlier"]}, said["now"]
    if len(earlier) != 1 or len({d for d, _ in now}) != 1:
        return text
    (before,), (field, end) = earlier, now[-1]
    if field != before and (field in before or before in field):
        return text  # 「化工」 and 「精细化工」: one within the other, neither surely the same nor another
    return f"{text[:end]}，{_WORDS.same_direction if field == before else _WORDS.other_direction}{text[end:]}"


def _body_applying(turns: Sequence[str]) -> tuple[str, ...]:
    """The words of another body that name the applicant: a branch or subsidiary asking to
    apply (「苏州分公司能用自己的名义报…吗」), or the group's parent (_is_the_parent): those of
    its words that name another body elsewhere (母公司, 集团公司)."""
    text = "，".join(turns)
    found = _BRANCH_APPLYING().search(text)
    if found:
        return (found.group(1),)
    others = set(LEXICON.fact_cues.other_bodies)
    return tuple(w for w in _WORDS.parent_words if w in others) if _is_the_parent(text) else ()


def _is_the_parent(text: str) -> bool:
    """The applicant is a group's parent company: it says so (「我们是集团母公司」「集团想报」
    「以母公司名义申报」), or it speaks of its subsidiaries as others (「子公司那边还有一百多件」)
    and never calls itself one (「我们是集团下面的子公司」)."""
    if _SELF_SUBSIDIARY().search(text):
        return False
    return bool(_SELF_PARENT().search(text) or any(w in text for w in _WORDS.subsidiaries_spoken_of))


@cache
def _BRANCH_APPLYING() -> re.Pattern[str]:
    apply = either(LEXICON.asking_to_apply.apply_verbs)
    return re.compile(
        rf"({either(_WORDS.branch_words)})(?:能不能|能否|可不可以|可以|能|想|要|准备|打算)"
        rf"(?:用|以)?(?:自己的?|独立的?)?(?:名义|身份)?(?:{apply})"
    )


@cache
def _SELF_PARENT() -> re.Pattern[str]:
    parents, apply, selves = (
        either(_WORDS.parent_words),
        either(LEXICON.asking_to_apply.apply_verbs),
        _selves(),
    )
    not_a_member = rf"(?![^，,。；;]{{0,5}}(?:{either(_WORDS.subsidiary_words)}))"
    # (not 「我们母公司」, ours: the speaker may be its subsidiary)
    return re.compile(
        rf"(?:{selves})(?:是|就是|作为)(?:{parents}){not_a_member}|(?:{selves})集团{not_a_member}"
        rf"|(?:{parents})(?:这边)?(?:{either(_WORDS.wish_words)})?(?:{apply})|以(?:{parents})的?(?:名义|身份)"
    )


@cache
def _SELF_SUBSIDIARY() -> re.Pattern[str]:
    return re.compile(
        rf"(?:{_selves()})(?:是|就是|作为|属于)?[^，,。；;]{{0,6}}(?:{either(_WORDS.subsidiary_words)})"
    )


def _selves() -> str:
    """The applicant's words for itself (我们, 本公司)."""
    return either((*LEXICON.applicant_kinds.pronouns, *LEXICON.applicant_kinds.self_bodies))


def _as_long(word: str) -> str:
    return next((s for s in _WORDS.parent_selves if len(s) == len(word)), word)
