"""The readings of one message as they come (`Sheet`): a conflict between two readings is a
doubt; a yes may imply other facts; a project's unpaid last payment outweighs its acceptance."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..eligibility.facts import FactSheet
from ..eligibility.rules import YES_NO, FactSpec, FactValue, Interval
from .fact_phrases import (
    Match,
    alternatives_named,
    cue_spans,
    cues,
    doubtful,
    mask_look_alikes,
    masked,
    payment_settled,
)
from .lexicon import LEXICON
from .reading import Reading


class Sheet:
    """Readings of one message as they come: a conflict between two readings is a doubt."""

    def __init__(self, keys: set[str]) -> None:
        self.keys = keys
        self.values: dict[str, FactValue] = {}
        self.evidence: dict[str, str] = {}
        self.doubts: dict[str, str] = {}
        self.denied: dict[str, set[str]] = {}
        self.either: dict[str, tuple[str, ...]] = {}  # 「A或B」 facts some of whose alternatives are denied
        self.denied_words: dict[str, set[str]] = {}  # the clauses that denied them
        self.of_others: dict[str, str] = {}  # facts said of another body: doubts unless settled
        self.implied: dict[str, str] = {}  # facts another one says too: yes unless said otherwise
        self.undated: set[str] = set()  # doubts only for want of a year: a dated reading settles them
        # doubts only whether a project once undertaken still runs: a later saying settles them
        self.running: set[str] = set()
        self.applied: set[str] = set()  # doubts only for want of the outcome of an application
        # doubts only for want of the words a yes needs (「知识产权资金是从科技口挤的」 names no
        # budget): a later saying with them settles them
        self.wanting: set[str] = set()
        self.limited: set[str] = set()  # doubts only for a limit word: a later plain no settles them

    def said(self, key: str) -> bool:
        """Some clause said the fact: a value, a doubt, or a saying of another body's."""
        return key in self.values or key in self.doubts or key in self.of_others

    def add(self, key: str, reading: Reading, words: str) -> None:
        if key not in self.keys:
            return
        if reading.of_another:
            self.of_others.setdefault(key, words)
            return
        # (of one of several projects, 「一个尾款拨完了」, a saying settles nothing of the others)
        pending = key in self.undated or key in self.applied or key in self.wanting
        pending = pending or (key in self.running and not cues("one_of_several", words))
        settles = pending and reading.value is not None and reading.doubt is None
        # (a limited yes is settled only by a no: 「只有一个市级中心，不是国家级的」)
        settles = settles or (key in self.limited and reading.value is False and reading.doubt is None)
        # a doubt only because some alternatives were denied (「，不同学院，」) is settled by a
        # denial of the whole (「学院和学科方向跟上次完全不同」)
        settles = settles or (reading.value is False and reading.doubt is None and self._partly_denied(key))
        if key in self.doubts and not (
            settles or (reading.value is True and self._another_alternative(key, words))
        ):
            return
        self.doubts.pop(key, None)
        self.undated.discard(key)
        self.running.discard(key)
        self.applied.discard(key)
        self.wanting.discard(key)
        self.limited.discard(key)
        if (
            reading.doubt is not None
            and cues("not_being", words)
            and self.held_by_another(key, self.either.get(key, ()), reading.denies)
        ):
            return  # 「强市建设试点城市，不是示范城市」: the alternative held is not the one denied
        if reading.doubt is not None:
            self.doubt(key, reading.doubt)
            if reading.undated and key in self.doubts:
                self.undated.add(key)
            if reading.running and key in self.doubts:
                self.running.add(key)
            if reading.applied and key in self.doubts:
                self.applied.add(key)
            if reading.wanting and key in self.doubts:
                self.wanting.add(key)
            if reading.limited and key in self.doubts:
                self.limited.add(key)
        elif reading.value is not None and key in self.values and self.values[key] != reading.value:
            both = _both(self.values[key], reading.value)
            if both is None and _changed(self.evidence.get(key, ""), words):
                self.values[key], self.evidence[key] = reading.value, words  # 「原本想…，后来改报别的」
            elif both is None:
                self.doubt(key, words)  # the message says both
            else:
                self.values[key] = both
        elif reading.value is not None and key not in self.values:
            self.values[key], self.evidence[key] = reading.value, words

    def doubt(self, key: str, words: str) -> None:
        if self.values.get(key) is False and _only_expected(words):
            return  # 「规划还在起草，预计年底才出台」: not so yet, as read
        if key in self.keys:
            self.values.pop(key, None)
            self.evidence.pop(key, None)
            self.doubts[key] = words

    def withdraw(self, key: str) -> None:
        """What was read of a fact is set aside (「…，但这次不报它」): it is neither known nor asked."""
        for readings in (self.values, self.evidence, self.doubts, self.of_others, self.implied):
            readings.pop(key, None)

    def held_by_another(self, key: str, alternatives: tuple[str, ...], denied: tuple[str, ...]) -> bool:
        """A yes already read for an 「A或B」 fact (its `alternatives`) from words naming an
        alternative that a later denial of the others (`denied`) leaves standing."""
        if not denied or self.values.get(key) is not True:
            return False
        held = self.evidence.get(key, "")
        named = set(alternatives_named(alternatives, held))
        return bool(named - set(denied))

    def _partly_denied(self, key: str) -> bool:
        return key in self.doubts and self.doubts[key] in self.denied_words.get(key, ())

    def _another_alternative(self, key: str, words: str) -> bool:
        """A doubt only because some alternatives of an 「A或B」 fact were denied is settled by a
        yes that names another (「不是链主，是行业骨干企业」)."""
        if key not in self.either or self.doubts[key] not in self.denied_words.get(key, ()):
            return False
        named = set(alternatives_named(self.either[key], words))
        return bool(named) and not named & self.denied[key]

    def deny(self, spec: FactSpec, alternatives: tuple[str, ...], words: str) -> None:
        """Some alternatives of an 「A或B」 fact are not so: once all are, the fact is false."""
        self.either[spec.key] = spec.either
        self.denied_words.setdefault(spec.key, set()).add(words)
        denied = self.denied.setdefault(spec.key, set())
        denied.update(alternatives)
        if denied >= set(spec.either) and spec.key not in self.values:
            self.doubts.pop(spec.key, None)
            self.add(spec.key, Reading(False), words)

    def imply(self, key: str, words: str) -> None:
        """Another fact's yes says this one too (江苏注册的独立法人: in Jiangsu); what the message
        says of it in words of its own comes first."""
        self.implied.setdefault(key, words)

    def sheet(self) -> FactSheet:
        """The readings; a fact said only of another body is asked of the applicant; a fact
        only implied is so, with the words that implied it."""
        for key, words in self.implied.items():
            if key in self.keys and key not in self.values and key not in self.doubts:
                self.values[key], self.evidence[key] = True, words
        for key, words in self.of_others.items():
            if key not in self.values:
                self.doubts.setdefault(key, words)
        return FactSheet(self.values, self.evidence, self.doubts)


def _both(first: FactValue, then: FactValue) -> FactValue | None:
    """Two figures for one fact in one message that can both be true narrow it (「2012年注册的，
    快十年了」); figures that contradict, and any other pair of values, are a doubt."""
    numbers = [v for v in (first, then) if isinstance(v, Interval | float | int) and not isinstance(v, bool)]
    if len(numbers) < 2:
        return None
    spans = [v if isinstance(v, Interval) else Interval.exact(float(v)) for v in numbers]
    both = spans[0].intersect(spans[1])
    if both is None:
        return None
    return both.lo if both.is_exact else both


def _changed(before: str, after: str) -> bool:
    """Two readings of one message where the first was so once (「市里原本也想用它报」) or the
    second says what is so now (「…，市里改报别的地标了」): the second is what holds."""
    return bool(cues("superseded", mask_look_alikes(before)) or cues("superseding", mask_look_alikes(after)))


def _only_expected(words: str) -> bool:
    """Whether the only doubt words of a clause look forward (预计, 有望)."""
    found = doubtful(masked(words, []))
    return bool(found) and all(word in LEXICON.fact_cues.expected for word in found)


def add_reading(sheet: Sheet, match: Match, reading: Reading, words: str, specs: Sequence[FactSpec]) -> None:
    """A phrase's reading, and the facts a yes of it says too (「江苏注册的独立法人」: in Jiangsu),
    each where the words hold one of its own (「独立法人」 alone says nothing of where)."""
    key = match.spec.key
    if match.spec.ongoing and _unpaid_outweighs(sheet, key, reading, words):
        return
    if _another_alternative_held(sheet, match, reading):
        return  # 「还是机械学院牵头，换成数控机床方向」: the same college is enough
    sheet.add(key, reading, words)
    figure = match.spec.type != YES_NO
    if reading.value is True or (figure and _above_zero(reading.value)):
        by_words = dict(match.spec.implied_by)
        for implied in (s for s in specs if s.key in match.spec.implies):
            if implied.key in by_words:  # the phrase read says it (「行业龙头」), not just the clause
                # (of a figure, its clause: 「商标持续使用二十年」)
                if any(word in (words if figure else match.synonym) for word in by_words[implied.key]):
                    sheet.imply(implied.key, words)
            elif any(word in words for word in implied.synonyms):
                sheet.imply(implied.key, words)
    if figure:
        for implied_key, bar in match.spec.implied_at:
            if _at_least(reading.value, bar):
                sheet.imply(implied_key, words)  # 「近三年利税都在三千万以上」: operating well


def _another_alternative_held(sheet: Sheet, match: Match, reading: Reading) -> bool:
    """An 「A或B」 fact held by a yes that names one alternative (「还是机械学院」) is not denied by a
    no whose phrase names only another (「换成数控机床方向」): one alternative is enough."""
    either = match.spec.either
    if not either or not (reading.value is False or reading.denies):
        return False
    denied = reading.denies or alternatives_named(either, match.synonym)
    return sheet.held_by_another(match.spec.key, either, denied)


def _unpaid_outweighs(sheet: Sheet, key: str, reading: Reading, words: str) -> bool:
    """A project accepted whose last payment is not made (「已经验收了，但尾款还没拨付」) is still
    running, as the guides count it (含尾款未拨付): the unpaid yes stands over the accepted no,
    in either order. True when this reading is settled so."""
    unpaid = reading.value is True and _says_unpaid(words)
    if unpaid and sheet.values.get(key) is False:
        sheet.values[key], sheet.evidence[key] = True, words
        return True
    held = sheet.values.get(key) is True and _says_unpaid(sheet.evidence.get(key, ""))
    return reading.value is False and held


_UNPAID_WINDOW = 8  # characters after 尾款 in which 没/未/待 says it is not paid (「尾款还没拨下来」)


def _says_unpaid(words: str) -> bool:
    """The words say a last payment is not made: 尾款 with a negation or 待 after it in its
    clause (「尾款还没拨付」「尾款待拨付」), and no denial right before it (「没有尾款没拨的」);
    「尾款已拨」 and 尾款 alone say nothing of it."""
    for found in cue_spans("payments", words):
        if cues("negations", mask_look_alikes(words[max(0, found.start() - 2) : found.start()])):
            continue  # 「没有尾款没拨的」: an unpaid one denied
        after = re.split(r"[，,。；;、]", words[found.end() : found.end() + _UNPAID_WINDOW])[0]
        settled = payment_settled(after)  # 「尾款还挂着」; 「尾款也没有挂着的」 is settled
        if settled is False or (
            settled is None and (cues("negations", mask_look_alikes(after)) or "待" in after)
        ):
            return True
    return False


def _at_least(value: FactValue | None, bar: float) -> bool:
    """A figure whose every reading is at or above the bar (「三千万左右」 but not 「两千万上下」)."""
    if isinstance(value, Interval):
        return value.lo >= bar
    return isinstance(value, (int, float)) and not isinstance(value, bool) and value >= bar


def _above_zero(value: FactValue | None) -> bool:
    """A figure that says the thing counted exists (「商标用了六年」 has a trademark)."""
    if isinstance(value, Interval):
        return value.lo > 0 or (value.lo == 0 and value.lo_open)
    return isinstance(value, (int, float)) and not isinstance(value, bool) and value > 0
