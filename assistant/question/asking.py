"""Whether a message asks if the applicant can apply, which programs it can apply to, or
only yes or no: the asking words people use (knowledge/lexicon.yaml: asking_to_apply), read
sentence by sentence. The intent step (intent.py) and the eligibility route use them."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from ..text.tokens import normalize
from .fact_phrases import cues
from .lexicon import A_NOT_A, GAP, LEXICON, either, gapped
from .scope import types_named

_SENTENCES = re.compile(r"[。！!；;？?\n]")
_CLAUSES = re.compile(r"[，,：:]")
SOME = "几个"  # asks how many, or means some (「代理国外几个品牌」)


def split_sentences(text: str) -> list[str]:
    return [s for s in _SENTENCES.split(text) if s.strip()]


def last_sentence(text: str) -> str:
    """The message's last sentence (all of it when it has one)."""
    sentences = split_sentences(text)
    return sentences[-1].strip() if sentences else text


def last_asking_sentence(text: str) -> str:
    """The message's last sentence that asks (all of it when none does)."""
    asking = [s for s in split_sentences(text) if asks(s)]
    return asking[-1] if asking else text


_WORDS = LEXICON.asking_to_apply
# The capacity one would apply in, before the apply verb (「以学校名义」「以个人身份」)
CAPACITY = r"以[^，,。？?、]{1,6}?(?:名义|身份)"
# 「能申报…吗」「能不能报」: a word of possibility, up to three characters, an apply verb.
_BEFORE_VERB = re.compile(  # 「能申报」「可以直接报」「能以个人名义申报」
    f"(?:{either(_WORDS.before_verb)})(?:[^，。？?、]{{0,3}}?|{CAPACITY})(?:{either(_WORDS.apply_verbs)})"
)
# 「能不能以公司名义申请…」: a possibility word that asks by itself, the capacity the applicant
# would apply in, then an apply verb in the same clause.
# (the applicant may name itself first: 「能不能我们自己作为牵头单位报…」「可不可以我们单独报」)
_ITSELF = f"(?:{either(LEXICON.applicant_kinds.pronouns)})(?:{either(_WORDS.on_its_own)})?"
_QUESTION_FORM = re.compile(
    f"(?:{either(_WORDS.question_forms)})(?:{_ITSELF})?(?:{either(_WORDS.capacity_words)})"
    f"[^，,。？?、；]{{1,10}}?(?:{either(_WORDS.apply_verbs)})"
    f"|(?:{either(_WORDS.question_forms)}){_ITSELF}(?:来|牵头)?(?:{either(_WORDS.apply_verbs)})"
)
# 「是不是报不了」「申报不了吧」: an apply verb that cannot be done, asked yes or no.
_UNABLE = f"(?:{either(_WORDS.apply_verbs)})(?:{either(_WORDS.unable_complements)})"
_CANNOT_APPLY = re.compile(
    f"(?:{either(_WORDS.whether_words)})[^，,。？?、；]{{0,4}}?{_UNABLE}"
    f"|{_UNABLE}了?(?:{either(_WORDS.yes_no_endings)}|[？?])"
)
# 「出过事故的是不是就报不了了」: asked of a class (a phrase ending in 的), a rule
_OF_A_CLASS = re.compile(r"的(?:是不是|是否|就|也|都|还)*$")


def _cannot_apply(sentence: str) -> bool:
    """「是不是报不了」 asked of the applicant, not of a class (「出过的是不是就报不了了」)."""
    found = _CANNOT_APPLY.search(sentence)
    return found is not None and not _OF_A_CLASS.search(sentence[: found.start()])


# 「协会能当牵头单位吗」: a possibility word, a verb of being, an applicant's role.
_AS_APPLICANT = re.compile(
    f"(?:{either(_WORDS.before_verb)})(?:{either(_WORDS.being_verbs)})"
    f"[^，,。？?、；]{{0,6}}?(?:{either(_WORDS.applicant_roles)})"
)


def _as_applicant(text: str, sentence: str) -> bool:
    """「我们是…协会，…协会能当牵头单位吗」: whether the applicant, who speaks of itself, can
    take an applicant's role (「新型研发机构能当牵头单位吗」 asks the guide's rule)."""
    speaks = any(word in text for word in LEXICON.applicant_kinds.pronouns)
    return speaks and _AS_APPLICANT.search(sentence) is not None


_APPLY = either(_WORDS.apply_verbs)
# 「能不能由协会申报」: the body after 由; 「合作社能不能自己报」: the body before the possibility word.
# (the role it would apply in may stand before the verb: 「由管委会牵头报」)
_BY_WHOM = re.compile(
    f"(?:{either(_WORDS.by_whom)})(?P<who>[\u4e00-\u9fff]{{1,6}}?)(?:来)?(?:牵头|作为[^，,。？?、；]{{1,6}}?)?(?:{_APPLY})"
)
_ON_ITS_OWN = re.compile(
    f"(?P<who>[\u4e00-\u9fff]{{1,6}}?)(?:{either(_WORDS.question_forms)}|{either(_WORDS.before_verb)})"
    # 「自己作为申报主体报」「自己牵头报」: the role it would apply in may stand before the verb
    f"(?:{either(_WORDS.on_its_own)})(?:来|牵头|作为[^，,。？?、；]{{1,6}}?)?(?:{_APPLY})"
)


def _for_itself(text: str, sentence: str) -> bool:
    """「我们是…行业协会，能不能由协会申报…」「我们是…合作社，…合作社能不能自己报」: who may
    apply, asked of the applicant itself (a pronoun, or a word of the sentence it named itself
    in), asks whether it can apply."""
    pronouns = LEXICON.applicant_kinds.pronouns
    found = [*_BY_WHOM.finditer(sentence), *_ON_ITS_OWN.finditer(sentence)]
    clauses = _CLAUSES.split(_plain(text)) if found else []
    speaking = [c for c in clauses if any(p in c for p in pronouns)]
    for asking in found:
        who = asking.group("who")
        start = max((m.end() for m in _CLAUSES.finditer(sentence, 0, asking.start())), default=0)
        asked = _CLAUSES.split(sentence[start:])[0]
        if any(p in who for p in pronouns) or any(who[-2:] in c for c in speaking if c != asked):
            return True
        # 「县政府想帮辖区企业打造品牌，能不能由县政府作为申报主体报…」: the body's own wish told first
        wishing = re.compile(f"{re.escape(who)}(?:{either(_WORDS.intent_words)})")
        if any(wishing.search(c) for c in clauses if c != asked):
            return True
    return False


def by_whom() -> str:
    """「能不能由管委会牵头报」: who would apply, asked after 由 (not 「能不能由政府来购买」);
    「想报…，啥样的园区才行」: which applicants will do."""
    return rf"{_BY_WHOM.pattern}|(?:{_WHICH_APPLICANT().pattern})[^，,。？?]{{0,3}}?(?:才行|才可以|才能报|才够格)"


def names_who_applies(clause: str) -> bool:
    """「能不能由管委会牵头报…」「合作社能不能自己报」: the clause asks who would apply."""
    plain = _plain(clause)
    return _BY_WHOM.search(plain) is not None or _ON_ITS_OWN.search(plain) is not None


def asks_for_itself(question: str, earlier: Sequence[str]) -> bool:
    """「能不能由协会自己申报…」 after 「我们是县里的…行业协会」 said in an earlier turn: who may
    apply, asked of the body the applicant said it is."""
    text = "。".join([*earlier, question])
    return any(_for_itself(text, sentence) for sentence in _SENTENCES.split(_plain(question)))


# 「这个影响报高价值新建吗」: a word of bearing on it right before applying, in a yes-or-no question.
_BEARS_ON_APPLYING = re.compile(
    f"(?:{either(_WORDS.bearing_words)})[^，,。？?、；]{{0,2}}(?:{_APPLY})"
    f"[^，,。？?、；]{{0,16}}(?:{either(_WORDS.yes_no_endings)})$"
)


# 「条件够吗」「资格满足不满足」: a condition noun, a word of meeting it, a yes-or-no ending.
_SUFFICIENT = either(_WORDS.sufficient_words)
_CONDITION_MET = re.compile(
    f"(?:{either(_WORDS.condition_nouns)})[^，,。、；]{{0,3}}?(?:{_SUFFICIENT})"
    f"[^，,。、；]{{0,4}}?(?:{either(_WORDS.yes_no_endings)}|不(?:{_SUFFICIENT}))[？?]?$"
)


# 「符合24年度省保护示范区创建的申报条件吗」: a word of meeting, what is met (a program's name
# may be long), a condition noun, a yes-or-no ending that closes the sentence.
# (or asked before it: 「是不是符合24年保护示范区申报条件」)
_MET = f"(?:{_SUFFICIENT})[^，,。、；]{{0,24}}?(?:{either(_WORDS.condition_nouns)})"
_MEETS_CONDITIONS = re.compile(f"(?:{_MET}(?:{either(_WORDS.yes_no_endings)})|(?:是不是|是否){_MET})[？?]?$")


# 「是否符合条件」「是否符合2022年度专利转化专项计划」: a word of whether, then one of meeting.
_WHETHER_MET = re.compile(
    f"(?:{either(_WORDS.whether_words)})(?:都|全|全都|全部)?(?:{_SUFFICIENT})"
)  # 「是不是都满足」


# 「（就是2月29号截止那个）」: an aside in brackets says which thing is meant; it asks nothing.
_ASIDE = re.compile(r"[（(][^（）()]{4,}[)）]")


def _plain(text: str) -> str:
    """The normalized text without asides and look-alikes of the asking words (新材料)."""
    return without_look_alikes(_ASIDE.sub("", normalize(text)))


_LOOK_ALIKES = re.compile(either(_WORDS.look_alikes))


def without_look_alikes(text: str) -> str:
    """The text without words that hold an asking word but name something else (报表, 新材料)."""
    return _LOOK_ALIKES.sub("", text)


def applies_together(sentence: str) -> bool:
    """「能联合申报吗」「可以几家一起报吗」: applying together, a rule of who may join; not two
    bodies each applying with the same thing (「市和县能拿同一个地标一起报吗」), nor the asker's
    own joint application (「我们是协会，想牵头几家会员企业一起报…，可以吗」): those are checked."""
    if not any(w in sentence for w in LEXICON.asking_to_apply.together):
        return False
    # (「我们企业想和高校一起报，可以联合申报吗」: the rule itself asked in the last clause)
    asked = re.split(r"[，,]", sentence)[-1]
    if any(w in asked for w in LEXICON.asking_to_apply.together):
        sentence = asked
    own = any(w in sentence for w in LEXICON.applicant_kinds.pronouns)
    return len(types_named(sentence)) < 2 and "同一" not in sentence and not own


def asks_to_apply(text: str) -> bool:
    """A sentence that asks whether the applicant can apply: a word of possibility right before
    an apply verb (「能申报地理标志商标品牌培育和保护项目吗」「能不能报」), a question tag on a
    sentence that names applying (「想报2024年的保护示范区，可以吗？」), or a word that asks it by
    itself (「够格吗」); not a list or who-applies question (「能报哪些」「可以由市政府申报吗」)."""
    words = LEXICON.asking_to_apply
    for sentence in _SENTENCES.split(_plain(text)):
        if any(w in sentence for w in words.channels) or applies_together(sentence):
            continue
        if _for_itself(text, sentence):
            return True
        if any(w in sentence for w in words.not_if) or asks_who_applies(sentence):
            continue
        if any(w in sentence for w in words.standalone) or _BEFORE_VERB.search(sentence):
            return True
        if (
            _QUESTION_FORM.search(sentence)
            or _cannot_apply(sentence)
            or _CONDITION_MET.search(sentence)
            or _MEETS_CONDITIONS.search(sentence)
            or _WHETHER_MET.search(sentence)
            or _BEARS_ON_APPLYING.search(sentence)
            or _as_applicant(text, sentence)
        ):
            return True
        if any(v in sentence for v in words.apply_verbs) and any(tag in sentence for tag in words.tags):
            return True
        if _PROGRAM_THEN_TAG.search(sentence):
            return True  # 「…，新建项目行不行？」: a program named, then a question tag
    return _closing_tag(text)


# A clause that names a program by its noun or the end of its short name, then a question tag
# alone (「升级项目行不行」「22年保护示范区创建行不行」)
_PROGRAM_THEN_TAG = re.compile(
    rf"(?:^|[，,])[^，,]*(?:{either((*_WORDS.program_nouns, *_WORDS.program_name_ends))})(?:呢|的话)?\s*"
    rf"(?:{either(_WORDS.tags)})"
    r"[吗呢吧？?。！!\s]*$"
)


# 「打算用扬州漆器报今年的…项目。…（facts）…符合吗？」: a wish to apply, said before
_WISH_TO_APPLY = re.compile(f"(?:{either(_WORDS.intent_words)})[^，,。？?！!；;]{{0,8}}?(?:{_APPLY})")


def _closing_tag(text: str) -> bool:
    """A message that says it wishes to apply and closes on a question tag alone (「…符合吗？」
    「行不行？」), the facts between: it asks whether the applicant can apply."""
    sentences = [s.strip(" ，,") for s in _SENTENCES.split(_plain(text)) if s.strip(" ，,")]
    last = _SAYER.sub("", sentences[-1]) if sentences else ""  # 「我们符合不？」 as 「符合不」
    if last not in _WORDS.tags or len(sentences) < 2:
        return False
    # 「区局问一下2022年度保护示范区创建。我们区是…。这样行不行？」: a program asked about, then facts
    asked_about = len(sentences) > 2 and _ASKS_ABOUT.search(sentences[0]) is not None
    return asked_about or _WISH_TO_APPLY.search(_plain(text)) is not None


_ASKS_ABOUT = re.compile(f"(?:{either(_WORDS.asked_about)})")


# Who asks or of whom, before a question tag (「那我们符合不？」「这样行不行」)
_SAYER = re.compile(f"^(?:那|那么)?(?:{either(LEXICON.applicant_kinds.pronouns)})?(?:这样|这种情况)?")


def asks_yes_no(text: str) -> bool:
    """The message ends with a yes-or-no question (「有影响吗？」「这样行不行？」「可以的吧」) and
    asks no wh-question anywhere (「实施率目标是多少？跟高校一样吗？」 asks a figure) and
    nothing of the other topics (materials, dates, who applies)."""
    text = normalize(text)
    sentences = split_sentences(text)
    if not sentences or _asks_more(_plain(text)):
        return False
    # the last sentence, or one asked with a question mark before facts told after it
    # (「…专利90件，发明42件。按规则能不能算够？其他条件：…」)
    marked = _QUESTION_MARKED.findall(text)
    asked = [sentences[-1], *marked]
    endings = (*_WORDS.yes_no_endings, *_WORDS.tags)  # 「…符合不？」
    # 「专利数量够新建的要求不？」: a verb asked with 不 or 没 at the end, its question mark after it
    asked_with_not = any(s.strip().endswith(("不", "没", "没有")) for s in marked)
    # 「…县区不报同一个。符合？」: the last sentence a bare word asked with its question mark
    bare = (
        text.rstrip().endswith(("？", "?")) and _BARE_ASK().fullmatch(sentences[-1].strip(" ？?")) is not None
    )
    return asked_with_not or bare or any(s.strip().endswith(endings) or A_NOT_A.search(s) for s in asked)


@cache
def _BARE_ASK() -> re.Pattern[str]:
    return re.compile(rf"(?:那|这样|那这样)?(?:{either(_WORDS.bare_asks)})[吧呢]?")


_QUESTION_MARKED = re.compile(r"([^。！!；;？?\n]+)[？?]")


def _asks_more(plain: str) -> bool:
    """The message asks a wh-question or another topic (materials, dates, who applies, the channel)."""
    words = LEXICON.asking_to_apply
    return any(w in plain for w in (*words.wh_words, *words.not_if, *words.channels))


# Words that ask whether it is enough (「符合吗」「够不够」) or whether something bears on it (「影响」)
_WHETHER = (*_WORDS.tags, *_WORDS.sufficient_words, *_WORDS.bearing_words)


def asks_if_qualifies(text: str) -> bool:
    """A yes-or-no question whether it is enough (「那我们符合吗」「这样还行吗」「够不够」) or
    whether what was said bears on it (「那影响吗」), with nothing else asked: after a check, it
    asks the check again on what is known now."""
    said = normalize(text)
    return asks_yes_no(said) and any(w in said for w in _WHETHER)


def corrects(text: str) -> bool:
    """The message corrects what the applicant told (「说错了，…结果应该不变吧？」), whatever it
    asks after the correction."""
    return bool(cues("corrections", normalize(text)))


def asks_still_open(text: str) -> bool:
    """「现在还能报吗？想赶一下」「还赶得上吗」: whether the round still takes applications."""
    said = normalize(text)
    return any(w in said for w in LEXICON.still_open_words)


def asks_if_it_bears(text: str) -> bool:
    """Some sentence asks, yes or no, whether something is enough or bears on it (「这个有影响
    吗？其他：…」: the facts may follow the question), and no sentence asks a wh-question."""
    plain = _plain(text)
    return not _asks_more(plain) and any(
        s.strip().endswith(_WORDS.yes_no_endings) and any(w in s for w in _WHETHER)
        for s in (*_SENTENCES.split(plain), *_CLAUSES.split(plain))  # 「…，会影响吗，别的条件都够」
    )


def names_applying(text: str) -> bool:
    """The message names applying itself (「网上申报」「报材料」)."""
    return any(v in normalize(text) for v in LEXICON.asking_to_apply.apply_verbs)


# Where a question goes on to ask another thing: after a question mark or a full stop, before
# a clause that ends in 呢 (「…要增长多少，一审服判息诉率呢」), before 另外/还有/再问.
_ASK_BREAK = re.compile(
    r"(?<=[？?。！!；;\n])|[，,\s]+(?=[^，,。？?！!；;]{1,14}呢[？?]?\s*$)|[，,\s]+(?=另外|还有就是|再问|顺便问)"
)


_ASKS_TOO = re.compile(r"呢[？?]?\s*$|几")  # 「专利实施率呢」「排全省第几」 ask as well


def split_asks(text: str) -> list[str]:
    """The asks of a question that asks two things or more (「县政府报的，纸质材料交给谁？市政府
    报的话呢」), each with the words before it that ask nothing (context); one ask gives one part."""
    parts, context = [], ""
    for piece in (p for chunk in _ASK_BREAK.split(text) for p in _asks_listed(chunk)):
        piece = piece.strip(" ，,")
        if not piece:
            continue
        if asks(piece) or _ASKS_TOO.search(_APPROXIMATE.sub("", piece)):
            parts.append(context + piece)
            context = ""
        else:
            context += piece
    if context and parts:
        parts[-1] += context
    return parts


def _asks_listed(chunk: str) -> list[str]:
    """「要交哪些东西、纸质版怎么装订」: two asks listed with 、, each asking (not 「设区市、县」)."""
    halves = chunk.split("、")
    return halves if len(halves) == 2 and all(asks(h) for h in halves) else [chunk]


def asks(sentence: str) -> bool:
    """A sentence that asks something: a question mark, a yes-or-no ending, an A-not-A
    (「能不能」) or an asking word (「多少」「哪些」)."""
    words, said = LEXICON.asking_to_apply, normalize(sentence).strip()
    return (
        said.endswith(("?", "？"))
        or said.rstrip("。!！").endswith(words.yes_no_endings)
        or bool(A_NOT_A.search(said))
        or any(w in said for w in words.wh_words)
    )


# 「好几个亿」「十几个」「几百件」「几千万」: 几 inside an amount, not a question word.
_APPROXIMATE = re.compile(
    r"[好十百千万\d]几[个十百千万亿]*[亿万千百件人项个家]?|几[十百千万亿]+[亿万千百件人项个家元]?"
)


# 「能报的」「可以申报的」: what the applicant can apply for (not 「在哪个系统报的」)
_CAN_APPLY_FOR = re.compile(
    f"(?:{either(LEXICON.asking_to_apply.before_verb)})(?:{either(LEXICON.asking_to_apply.apply_verbs)})的"
)


@cache
def _WHAT_TO_APPLY_FOR() -> re.Pattern[str]:
    """An apply verb and an asking word with no object after them but a program noun
    (「能报哪些？」「能报哪几类项目」; not 「要申报哪个海外纠纷应对分中心」), or the asking word
    first (「有哪些可以报？」「哪些项目能申报」; not 「哪些单位可以报」, which asks who)."""
    words = LEXICON.asking_to_apply
    verb, which, nouns = either(words.apply_verbs), either(words.which_words), either(words.program_nouns)
    can = either(words.before_verb)
    end = r"[呢啊吧呀？?。！!\s]*$"
    return re.compile(
        rf"(?:(?:{verb})(?:{which})[类种项个些]?(?:的)?(?:{nouns})?"
        rf"|(?:{which})[类种项个些]?(?:{nouns})?(?:是)?(?:{can})(?:{verb})的?){end}"
    )


@cache
def _WHICH_APPLICANT() -> re.Pattern[str]:
    """An asking word of an applicant (「什么样的公司」「哪些类型的单位」「啥企业」): who may apply, asked
    of a program, not which programs the applicant may apply for."""
    kinds = LEXICON.applicant_kinds.kinds
    nouns = (
        *(w for words in kinds.values() for w in words),
        *LEXICON.asking_to_apply.applicant_roles,
        "单位",
    )
    # (「哪些类型的单位」「什么性质的企业」)
    return re.compile(rf"(?:什么|啥|哪)[些几个类种样]{{0,2}}(?:类型|性质|类别)?的?(?:{either(nouns)})")


@cache
def _WHICH_OF_OTHER() -> re.Pattern[str]:
    """An asking word right before a noun that is no program (「指南建议用什么许可方式」「面向中小企业
    探索什么样的许可方式」): it asks
    of that thing. Before a program noun, a verb of applying or fitting, or nothing (「能报什么
    省级项目」「有什么适合的」「能报哪些」), it asks which programs."""
    words = LEXICON.asking_to_apply
    program = either((*words.program_nouns, *words.apply_verbs, *words.fit_words))
    return re.compile(
        rf"(?:什么样的?|啥样的?|什么|啥|哪些|哪个|哪几个|几个)(?![\u4e00-\u9fff]{{0,6}}?(?:{program})|[可能都样的些类种还呢吗？?，,。])"
        r"[\u4e00-\u9fff]{2}"
    )


@cache
def who_applies() -> str:
    """「什么样的公司能报」「哪类单位可以申请」「谁有资格报」: an asking word of an applicant, then applying."""
    return rf"(?:{_WHICH_APPLICANT().pattern})[^，,。？?]{{0,5}}?(?:{_APPLY})|谁都?(?:{either(_WORDS.before_verb)})来?(?:{_APPLY})"


def asks_who_applies(text: str) -> bool:
    return re.search(who_applies(), text) is not None


def asks_which_programs(text: str) -> bool:
    """「我们能报哪些项目？」「有哪些项目可以报」「请帮我们梳理一下可以申报的项目」: a sentence with
    an apply verb, an asking word and a program noun, that asks for no condition or date."""
    words = LEXICON.asking_to_apply
    # (「这些申报指南里，哪些是以设区市政府名义申报的」: 申报指南 is a program noun, though a look-alike)
    for sentence in _SENTENCES.split(_plain(text.replace("申报指南", "指南"))):
        sentence = _APPROXIMATE.sub("", sentence)  # 「销售额好几个亿」 asks nothing
        sentence = _CHECK_ASKS().sub("", sentence)  # 「想报工业品牌项目，还差什么吗」 asks to be checked
        sentence = _WHICH_APPLICANT().sub("", sentence)  # 「什么样的公司能报」 asks who
        sentence = _WHICH_OF_OTHER().sub("", sentence)  # 「用什么许可方式」 asks of 许可方式
        if any(w in sentence for w in words.which_not_if) or _APPLICANTS_ASKED.search(sentence):
            continue
        if _TO_AUTHORITY().search(sentence):
            continue  # 「任务里要向海关总署申请什么」: what is applied for at another authority
        if all(
            any(w in sentence for w in group)
            for group in ((*words.apply_verbs, *words.fit_words), _which_words(sentence), words.program_nouns)
        ):
            return True
        fitting = any(w in sentence for w in words.fit_words) and any(
            w in sentence for w in words.program_nouns
        )
        if fitting and _ANY_AT_ALL.search(sentence):
            return True  # 「省局的项目有适合我们的吗」: whether any program fits
        if _WHAT_TO_APPLY_FOR().search(sentence):
            return True  # 「区里能报什么？」: what to apply for, with no object
        if _CAN_APPLY_FOR.search(sentence) and any(w in sentence for w in words.which_words):
            return True  # 「能报的都列给我」: what can be applied for, as the object of a listing
    return False


@cache
def _CHECK_ASKS() -> re.Pattern[str]:
    """Words that ask for a check by themselves (「还差什么」「还需要什么」): their asking word asks
    what the check still needs, not which programs there are."""
    return re.compile(either(_WORDS.standalone))


@cache
def _TO_AUTHORITY() -> re.Pattern[str]:
    """An apply verb with another authority as the one applied to (「向海关总署申请」「到法院申请」)."""
    authority, verb = either(LEXICON.procedures.authorities), either(LEXICON.asking_to_apply.apply_verbs)
    return re.compile(rf"(?:向|到|去|找|跟)[^，,。？?]{{0,4}}(?:{authority})[^，,。？?]{{0,4}}?(?:{verb})")


_ANY_AT_ALL = re.compile(r"有没有|有[^，,。]{0,12}[吗么嘛]")
# 「…指南，申报主体是哪些」: who applies for a program, not which programs the applicant may apply for
_APPLICANTS_ASKED = re.compile(
    r"(?:申报主体|申报单位|支持对象)(?:都|分别|各自|各)?(?:是|有|为|包括)(?:哪些|哪几|谁|什么)"
)


def _which_words(sentence: str) -> tuple[str, ...]:
    """The asking words of a sentence; 「几个」 only in a clause that names applying or a
    program (「代理国外几个品牌，…能不能报工业品牌项目」 asks of one program)."""
    words = LEXICON.asking_to_apply
    kinds = (*words.apply_verbs, *words.fit_words, *words.program_nouns)
    clauses = _CLAUSES.split(_INDEFINITE.sub(r"\1", sentence))
    near = [
        any(any(w in c for w in kinds) for c in clauses[max(0, i - 1) : i + 2]) for i in range(len(clauses))
    ]
    # 「制度什么的都齐全」「没出过什么事故」 in a long statement ask nothing: an asking word counts
    # in a clause of applying or a program, or next to one (「我们能报的项目，有哪些？」)
    kept = [
        c if any(w in c for w in kinds) else ("" if not near[i] else c.replace(SOME, ""))
        for i, c in enumerate(clauses)
    ]
    return tuple(w for w in words.which_words if any(w in c for c in kept))


# 「没有被通报什么非正常申请」「没出过啥事」: 什么 after a denial means any, and asks nothing;
# 「制度什么的都齐全」: 什么的 means and so on
_INDEFINITE = re.compile(
    r"((?:没有?|未|从未|并无|无)[^，,。？?]{0,8}?)(?:什么|啥)|()什么的(?=都|也|等|[，,。；;]|$)"
)


def asking_part(text: str, limit: int) -> str:
    """Of a text longer than `limit`, the part to read: the `limit` characters that end with its
    last asking sentence (a pasted background comes before the question), from the first
    sentence that starts within them; with no asking sentence, its start."""
    if len(text) <= limit:
        return text
    starts = [0, *(m.end() for m in _SENTENCES.finditer(text))]
    spans = [(a, b) for a, b in zip(starts, [*starts[1:], len(text)], strict=True) if text[a:b].strip()]
    asking = [(a, b) for a, b in spans if asks(text[a:b])]
    if not asking:
        return text[:limit]
    end = asking[-1][1]
    begin = next((a for a, _ in spans if end - limit <= a < end), end - limit)
    return text[begin:end].strip()


_PROCEDURES = LEXICON.procedures
# An asking word may have a gap (「怎么…申请」: 「怎么向国家知识产权局提申请」), as fact phrases do.
_ASKING_HOW = re.compile("|".join(map(gapped, _PROCEDURES.asking)))
_APPLYING_WORDS = re.compile(
    either(tuple(p for w in (*_PROCEDURES.asking, *_PROCEDURES.generic) for p in w.split(GAP) if p))
)


def asks_service(text: str) -> bool:
    """The question asks for work no guide does: to write the applicant's documents or to
    choose a firm (lexicon: procedures.services)."""
    return _SERVICES().search(normalize(text)) is not None


@cache
def _SERVICES() -> re.Pattern[str]:
    words = (re.escape(w).replace("…", ".{0,10}") for w in LEXICON.procedures.services)
    return re.compile("|".join(words))


def asks_other_procedure(text: str) -> bool:
    """The question asks how to do something (「驰名商标认定要走什么流程」) and names more than
    applying itself: what is left without the asking words, the words of applying and signs is
    two characters or more (「申报流程是怎样的」 leaves nothing: it asks the programs' own)."""
    said = normalize(text)
    if not _ASKING_HOW.search(said):
        return False
    rest = _APPLYING_WORDS.sub("", re.sub(r"[\W\d_a-zA-Z]+", "", said))
    return len(rest) >= 2


# Places of Jiangsu by name (not 江苏 itself): a body named by its place is not the asker
NAMED_PLACES = tuple(
    p for p in (*LEXICON.jiangsu_places, *LEXICON.jiangsu_county_cities) if p not in ("江苏", "省知识产权局")
)
# 「最后立项了哪些地区」「验收通过了没」「批下来了吗」「立项了没有」: an outcome verb, 了, an
# asking word; 「结果出来了吗」「公示了没」: a result out yet.
_OUTCOME_VERBS = either(LEXICON.outcomes.verbs)
_OUTCOME = re.compile(
    f"(?:{_OUTCOME_VERBS})(?:下来了|下来(?:没|吗|么)|了(?:哪|几|没|吗|么|多少))|(?:结果|名单)出来了?(?:吗|没)|公示了(?:吗|没)"
    # 「南京知识产权法院是哪一年正式挂牌的」: when a body came to be, which no guide records
    f"|(?:哪一年|哪年|哪一天|哪天|什么时候|啥时候|何时)[^，,。？?]{{0,4}}(?:{either(LEXICON.outcomes.founded)})的"
    # 「最后有哪些高校立项了」「苏州工业园区入选省保护示范区了吗」
    f"|(?:哪些|哪几|哪个|谁)[^，,。？?]{{0,10}}(?:{_OUTCOME_VERBS})了"
    f"|(?:{_OUTCOME_VERBS})[^，,。？?]{{1,12}}了(?:吗|没|么)"
    # 「专用标志使用申请要多久能批下来」: how long until an outcome, which no guide says
    f"|(?:多久|多长时间|几个月|几天|什么时候|啥时候|何时|哪天)[^，,。？?]{{0,4}}(?:{_OUTCOME_VERBS})下来"
    # 「最后立项的高校有哪些」: those a round chose; 「苏州工业园区有没有申报保护示范区」: a body's record
    # (「最后立项的是哪几个地方」: what it asks of may follow the asking word)
    f"|(?:{_OUTCOME_VERBS})的[^，,。？?]{{0,8}}(?:有哪些|是哪些|有哪几|是哪几|有谁|是谁)[^，,。？?]{{0,4}}[？?呢]*$"
    f"|有没有(?:{_OUTCOME_VERBS}|申报过?|报过?)(?!的?(?:资格|条件|必要|可能))"
    # 「苏州工业园区有没有被认定为省知识产权保护示范区」: whether a body was chosen
    f"|(?:有没有|是否|是不是|有无)(?:已经|已)?被(?:{_OUTCOME_VERBS})"
    # 「全国国家知识产权强县建设示范县有哪些」: the holders of a title
    f"|(?:{either(LEXICON.outcomes.title_holders)})(?:都|一共|总共)?(?:有哪些|是哪些|有哪几|是哪几个?|有谁|都有谁|包括哪些)[？?呢]*$"
    # 「高价值专利培育示范中心一共有多少家」: how many hold it
    f"|(?:{either(LEXICON.outcomes.title_holders)})(?:一共|总共|全省|目前)有?(?:多少|几)(?:个|家|所|批)"
    # 「中欧地理标志互认互保清单里有哪些江苏产品」: the members of a list
    f"|(?:{either(LEXICON.outcomes.member_lists)})(?:里|中|上|内)[^，,。？?要应需须]{{0,4}}?(?:有|包括|包含)"
    # 「苏州工业园区是不是国家级知识产权强国建设示范园区」: a named place's own standing
    f"|(?:{either(NAMED_PLACES)})"
    r"[\u4e00-\u9fff]{0,8}?(?:是不是|是否|算不算)(?:已经|已)?(?:国家级|省级?|入选|立项|评上|评为|拿过|获批|认定)"
    # 「2023年度省知识产权工作真抓实干成效明显地区有哪些」「2023年江苏专利奖金奖都有哪些项目」: who
    # holds a title or an award of a year
    r"|(?:20\d\d|\d\d)年度?[^，,。？?]{2,24}?(?:地区|城市|奖|受激励|获奖)[^，,。？?]{0,4}"
    r"(?:有哪些|是哪几个?|是哪些|都有哪些|有谁|是谁)(?:市县|市|县|地方|项目|单位|企业|城市)?[？?]*$"
    # 「22年地标项目全省一共立几个」「最终有几个地方立项」: how many a round chose
    r"|(?:一共|总共|全省|最终|最后|计划)[^，,。？?]{0,6}?(?:立|批|选)了?(?:几|多少)|有几个(?:地方|单位|项目)立项"
    # 「这些目标2025年最后都完成了吗」: whether targets were met
    f"|(?:{either(LEXICON.outcomes.achieved)})了(?:吗|没|么|嘛)"
    # 「到期以后会出台新版政策吗」「会不会继续发布」: what will come, which no guide says
    f"|(?:会|还会|会不会)(?:再|另外)?(?:{either(LEXICON.outcomes.future)})"
    # 「今年还会出保护示范区的指南吗」 (not 「管委会出面」: 会 of a noun)
    r"|(?:还会|会不会|将会)(?:再|另外)?出(?!现|具|错|问题|面)"
    # 「目前一共有多少个省级保护示范区」: how many there are by now (not 「现在园区要有多少家企业」)
    f"|(?:{either(LEXICON.outcomes.now)})[^，,。？?]{{0,10}}(?<![要需得须应])有(?:多少|几)(?:个|家|所|批)"
)


def asks_outcome(text: str) -> bool:
    """A question about what a round came to (who was chosen, whether it passed), which no
    guide says: 「2022年保护示范区最后立项了哪些地区」「立项名单里有哪些市」. A result noun counts
    in a clause that asks (「…我得查下立项名单」 asks nothing); so does a place's measured figure."""
    said = normalize(text)
    if _OUTCOME.search(said) or any(w in said for w in LEXICON.outcomes.predictions):
        return True  # (「你觉得我们县能评上吗」: a forecast of it)
    clauses = re.split(r"[，,。！!；;？?\n]", said)
    # (「那24年立项名单呢」: a result noun asked of in a follow-up)
    asking = [c for c in clauses if asks(c) or c.rstrip().endswith("呢")]
    return any(any(w in c for w in LEXICON.outcomes.results) for c in asking) or any(
        _asks_measured(c) for c in clauses
    )


_MEASURED = re.compile(
    f"(?:{either(LEXICON.outcomes.measures)})[^，,。？?]{{0,3}}(?:{either(LEXICON.outcomes.measured_how_much)})"
)
_WHEN_OR_WHOSE = re.compile(r"20\d\d年|(?<!\d)[12]\d年|去年|前年|今年|平均|实际|目前|现在")


def _asks_measured(clause: str) -> bool:
    """「通州区2021年专利授权量是多少」「全省平均撤回率是多少」: a place's actual figure (of a year,
    an average, 实际), not a threshold or a target (「要达到多少」「方案里…」). A figure asked as
    done (「2024年审结了多少件」「2023年实际拥有量达到多少了」) is one whatever its verb."""
    if _WHEN_OR_WHOSE.search(clause) is None:
        return False
    if _DONE_HOW_MUCH.search(clause) and _WHOSE_ACTUAL.search(clause) and not _TARGET_WORDS.search(clause):
        return True  # (not 「22年两个截止日期差了多少」: a difference of the guides' own dates)
    return _MEASURED.search(clause) is not None and not any(
        w in clause for w in LEXICON.outcomes.not_measured_if
    )


_DONE_HOW_MUCH = re.compile(
    r"了多少|了几[件个家项条次单笔批所]|多少[件个家项条次万亿]?了|实际[^，,。？?]{0,12}(?:多少|几)"
)
# (「省里知识产权证券化产品去年发了几单」: a past year's count is done too)
_WHOSE_ACTUAL = re.compile(
    f"实际|已经|目前|现在|至今|截至|法院|去年|前年|上一年|省里|全省|{either((*LEXICON.jiangsu_places, *LEXICON.jiangsu_county_cities))}"
)
# (a limit asked, 「最多占实际缴纳官费的多少」, is a rule too)
_TARGET_WORDS = re.compile(
    r"要求|目标|指标|规定|方案|指南|政策|措施|规划|计划|应|须|不低于|以上|最多|最高|上限|不超过|封顶"
)


def at_other_authority(text: str) -> bool:
    """The question names an authority other than the bureau whose guides these are (国家局, 法院)."""
    return any(word in normalize(text) for word in _PROCEDURES.authorities)
