"""One call for a chat: the turns so far in, the program, the facts and the decision out.

This is the path the eval conversations exercise: detect_program over the turns, extract_facts
from every turn (scoped to the detected program), then check.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from typing import TypeVar

from ..eligibility.engine import Decision, check, check_untyped, not_admitted
from ..eligibility.facts import FactSheet
from ..eligibility.logic import Status
from ..eligibility.rules import Program, Rules
from ..question.applicant import (
    ProgramGuess,
    detect_program,
    follows_up_on_another,
    kind_name,
    resolve_type,
)
from ..question.fact_turns import facts_from_turns
from ..question.form_text import CLAUSE
from ..question.lexicon import LEXICON, either
from ..question.scope import CURRENT_WORDS


@dataclass(frozen=True)
class Assessment:
    guess: ProgramGuess
    facts: FactSheet
    # None until the program is known; of no type (applicant_type None) while the type is not
    # said and the program admits several
    decision: Decision | None
    question: str | None = None  # what to ask when the decision cannot be made yet
    # The applicant did not say its type, and the program fails for every type it admits
    # (their names): the decision shown is the first type's.
    every_type: tuple[str, ...] = ()


T = TypeVar("T")
MIN_INFERENCE = 1.0  # weight of the facts a program must gather to be inferred (see below)
MIN_INFERRED_FACTS = 2  # a program is not inferred from one fact alone (「强县建设领导小组」)


def infer_program(turns: Sequence[str], rules: Rules, guess: ProgramGuess) -> ProgramGuess:
    """No program named: the program whose conditions the applicant's facts are about
    (「2023年撤回率高于全省平均，国家级保护中心也有」 is 2024 保护示范区). A fact weighs 1/n when
    n programs ask for it, so that 失信 or 独立法人 decide nothing; the applicant's own kind
    (「我们县」) limits the programs. Nothing is inferred from less than MIN_INFERENCE."""
    sheet = facts_from_turns(list(turns), rules)
    said = set(sheet) | set(sheet.doubts)
    # 在江苏 adds nothing to 江苏注册的独立法人 (a yes implies it; 「不是单项冠军」 implies nothing)
    said -= {key for fact in sheet if sheet[fact] is True for key in rules.fact(fact).implies}
    if len(said) < MIN_INFERRED_FACTS:
        return guess
    usage = Counter(key for program in rules.programs for key in program.facts)
    scored = []
    # 「升级能报吗」: of a program with variants, only the one the applicant named
    said_variant = [
        p for p in rules.programs if None in (guess.variant, p.variant) or p.variant == guess.variant
    ]
    for program in said_variant:
        types = [t for t in program.types if guess.kind in (None, t.id)]
        score = max((sum(1 / usage[k] for k in t.facts if k in said) for t in types), default=0.0)
        scored.append((score, program.default, program.year, program))
    scored.sort(key=lambda s: s[:3], reverse=True)
    if scored[0][0] < MIN_INFERENCE:
        return guess
    if len(scored) > 1 and scored[1][0] == scored[0][0] and scored[1][3].family != scored[0][3].family:
        return guess  # the facts fit two programs as well (利税, 单项冠军): which one is asked
    best = scored[0][3]
    kinds = [t.id for t in best.types]
    atype = guess.kind if guess.kind in kinds else (kinds[0] if len(kinds) == 1 else None)
    return replace(guess, program=best.id, family=best.family, year=best.year, applicant_type=atype)


def admits(rules: Rules, guess: ProgramGuess) -> bool:
    """The program admits the applicant's kind (or the kind is not known)."""
    if guess.program is None or guess.kind is None:
        return True
    return guess.kind in {t.id for t in rules.program(guess.program).types}


def program_of(turns: Sequence[str], rules: Rules) -> ProgramGuess:
    """The program (its round, and its variant when named) and the applicant's kind the turns
    name, or the program their facts are about; neither an unnamed variant nor the type is
    inferred here (see `assess`): whether a round has rules needs neither."""
    return _program(turns, rules, _guesses(turns, rules))


def _guesses(turns: Sequence[str], rules: Rules) -> list[ProgramGuess]:
    """What the conversation is about after each of its turns."""
    guesses: list[ProgramGuess] = []
    for turn in turns:
        guesses.append(detect_program(turn, rules, guesses[-1] if guesses else None))
    return guesses


def _program(turns: Sequence[str], rules: Rules, guesses: list[ProgramGuess]) -> ProgramGuess:
    guess = guesses[-1] if guesses else ProgramGuess()
    if guess.program is None or not (admits(rules, guess) or guess.asked):
        # no program named, or one that does not admit the applicant named in passing (「专利、
        # 商标、地理标志统一管理」), not in the question (「企业能报保护示范区吗」 is answered that
        # it cannot): the program the facts are about, if any
        inferred = infer_program(turns, rules, replace(guess, program=None))
        guess = inferred if inferred.program is not None else guess
    return guess


def _variant_the_facts_name(turns: Sequence[str], rules: Rules, guess: ProgramGuess) -> ProgramGuess:
    """No variant named (新建 or 升级): the one variant of the program and round whose own facts
    (asked of it alone) the applicant states (「2019年高价值项目验收通过」 is what an upgrade asks),
    or states most of; the program taken when no variant, or more than one equally, has such facts."""
    taken = rules.program(guess.program or "")
    variants = [p for p in rules.programs if (p.family, p.year) == (taken.family, taken.year)]
    named = _stating_own_facts(
        variants,
        lambda program: program.facts,
        # read as the applicant's kind, when said
        lambda program: facts_from_turns(list(turns), rules, program.id, resolve_type(program, guess.kind)),
        most=True,
    )
    if len(named) != 1 or named[0] is taken:
        return guess
    chosen = named[0]
    kind = resolve_type(chosen, guess.kind)
    return replace(guess, program=chosen.id, variant=chosen.variant, applicant_type=kind)


def _round_the_facts_name(turns: Sequence[str], rules: Rules, guess: ProgramGuess) -> ProgramGuess:
    """No year named: the one round of the program whose own facts (asked of no other round)
    the applicant states (「20年度真抓实干」「强县工程示范县」 are what the 2022 round asks),
    else the round taken (the current one)."""
    taken = rules.program(guess.program or "")
    if any(_asks_the_current_round(turn) for turn in turns):
        return guess  # 「报今年的保护示范区」: the current round, whatever facts of another
    rounds = [
        p
        for p in rules.programs
        if p.family == taken.family
        and p.variant == taken.variant
        and admits(rules, replace(guess, program=p.id))
    ]
    if len({p.year for p in rounds}) < 2:
        return guess
    # a title denied (「我们县不是国家知识产权示范城市」) names no round: only what is so
    sheets = {
        p.id: _what_is_so(facts_from_turns(list(turns), rules, p.id, resolve_type(p, guess.kind)))
        for p in rounds
    }
    named = _stating_own_facts(rounds, lambda program: program.facts, _without_shared(rounds, sheets))
    if len(named) != 1 or named[0] is taken:
        return guess
    chosen = named[0]
    return replace(guess, program=chosen.id, applicant_type=resolve_type(chosen, guess.kind))


def _asks_the_current_round(turn: str) -> bool:
    """A clause with a word of now and an apply verb (「报今年的保护示范区」「现在还能报吗」); not
    one that tells the state of a thing (「市里…的项目现在还在实施」)."""
    return any(CURRENT_WORDS.search(c) and _APPLY_VERB.search(c) for c in CLAUSE.findall(turn))


_APPLY_VERB = re.compile(either(LEXICON.asking_to_apply.apply_verbs))


def _without_shared(rounds: list[Program], sheets: dict[str, FactSheet]) -> Callable[[Program], FactSheet]:
    """Each round's sheet without the facts read from words that are read as another round's own
    fact too (「强县工程示范区」 is the 2022 round's 强县工程示范县 and the 2024 round's 强县建设示范
    县): such words name neither round."""
    own = {p.id: set(p.facts) - {k for o in rounds if o is not p for k in o.facts} for p in rounds}
    words = {p.id: {sheets[p.id].evidence.get(k) for k in own[p.id] if k in sheets[p.id]} for p in rounds}

    def sheet_of(program: Program) -> FactSheet:
        sheet = sheets[program.id]
        shared = {w for p in rounds if p is not program for w in words[p.id]} - {None}
        return FactSheet({k: v for k, v in sheet.items() if sheet.evidence.get(k) not in shared})

    return sheet_of


def _what_is_so(sheet: FactSheet) -> FactSheet:
    return FactSheet(
        {key: value for key, value in sheet.values.items() if value is not False}, sheet.evidence
    )


def assess(turns: Sequence[str], rules: Rules, answered: dict | None = None) -> Assessment:
    """Detect the program and applicant type from all turns, gather the facts, and decide.
    After a follow-up that turns to another applicant (「那我们下面的区呢？」), the facts told
    before it, and the answers given for it, are the other applicant's: only the turns from it on
    are read."""
    guesses = _guesses(turns, rules)
    guess = _program(turns, rules, guesses)
    own = _turns_of_the_applicant(turns, rules, guesses)
    if len(own) < len(turns):
        turns, answered = own, None
    if guess.program is not None and guess.year is None:
        guess = _round_the_facts_name(turns, rules, guess)
    if guess.program is not None and guess.variant is None:
        guess = _variant_the_facts_name(turns, rules, guess)
    facts = _with_answers(answered, facts_from_turns(list(turns), rules, guess.program, guess.applicant_type))
    if guess.program is not None and not admits(rules, guess):
        program = rules.program(guess.program)
        said = " ".join(turns)
        named = next((t.id for t in program.types if any(word in said for word in t.keywords)), None)
        decision = not_admitted(rules, guess.program, guess.kind or "", kind_name(guess.kind or ""), named)
        return Assessment(guess, facts, decision)
    if guess.program is None:  # the programs open to the applicant's kind, when it is known
        open_to = [p for p in rules.programs if guess.kind in {t.id for t in p.types}]
        names = "、".join(p.name for p in open_to or rules.programs)
        return Assessment(guess, facts, None, f"请问您想核对哪个项目的申报条件？可选：{names}。")
    if guess.applicant_type is None:
        program = rules.program(guess.program)
        sheets = {t.id: facts_from_turns(list(turns), rules, program.id, t.id) for t in program.types}
        named = _type_the_facts_name(rules, guess, sheets)
        if named is None:
            typed = {key: _with_answers(answered, sheet) for key, sheet in sheets.items()}
            return _fails_for_every_type(rules, guess, typed) or _untyped(rules, guess, facts, typed)
        guess, facts = replace(guess, applicant_type=named), _with_answers(answered, sheets[named])
    decision = check(rules, guess.program, guess.applicant_type or "", facts)
    if decision.eligible is False and guess.variant is None:
        return _open_variant(turns, rules, guess, answered) or Assessment(guess, facts, decision)
    return Assessment(guess, facts, decision)


def agreed(first: Assessment, second: Assessment, rules: Rules) -> Assessment:
    """The check on what two readings of the same turns read alike (「去年」 as today's last year
    and as the round's): a fact they read otherwise is asked, with the words it was read from."""
    decided, other_decided = first.decision, second.decision
    if decided is None or other_decided is None:
        return first
    if (decided.program, decided.applicant_type) != (other_decided.program, other_decided.applicant_type):
        return first
    if decided.applicant_type not in {t.id for t in rules.program(decided.program).types}:
        return first  # a kind the program does not admit: no fact decides it
    one, other = first.facts, second.facts
    values = {key: value for key, value in one.items() if key in other and other[key] == value}
    # (in the order the facts were read, not a set's: the read-back lists them in this order)
    differ = [k for k in dict.fromkeys([*one, *one.doubts, *other, *other.doubts]) if k not in values]
    words = {**other.evidence, **other.doubts, **one.evidence, **one.doubts}
    facts = FactSheet(
        values,
        {k: one.evidence[k] for k in values if k in one.evidence},
        {k: words.get(k, "") for k in differ},
    )
    return replace(first, facts=facts, decision=check(rules, decided.program, decided.applicant_type, facts))


def _turns_of_the_applicant(turns: Sequence[str], rules: Rules, guesses: list[ProgramGuess]) -> Sequence[str]:
    """The turns from the last follow-up that named another kind of applicant than the one
    before it (「那我们下面的一个县呢？」 after a city's facts) on; all of them when none did.
    `guesses`: what the conversation was about after each turn."""
    start = 0
    for at in range(1, len(turns)):
        before, now = guesses[at - 1].kind, guesses[at].kind
        if before and now and now != before and follows_up_on_another(turns[at], rules):
            start = at
    return turns[start:]


def _with_answers(answered: dict | None, sheet: FactSheet) -> FactSheet:
    """The facts read from the turns, over the short answers given to the checker's questions."""
    return FactSheet(dict(answered or {})).merge(sheet)


def _open_variant(
    turns: Sequence[str], rules: Rules, guess: ProgramGuess, answered: dict | None
) -> Assessment | None:
    """No variant named (新建 or 升级), and the one taken fails: another variant of the same
    program and round that the applicant does not fail and whose own conditions the facts meet,
    if any. 「牵头的高价值专利培育项目2020年已验收」 excludes a new project and is what an upgrade
    asks for: the applicant means that one. Facts about the taken variant only (「利税最低的一年
    1500万」) keep it: its no stands."""
    taken = rules.program(guess.program or "")
    own = set(taken.facts)
    for other in rules.programs:
        if other.id == taken.id or (other.family, other.year) != (taken.family, taken.year):
            continue
        if guess.applicant_type not in {t.id for t in other.types}:
            continue
        facts = _with_answers(answered, facts_from_turns(list(turns), rules, other.id, guess.applicant_type))
        decision = check(rules, other.id, guess.applicant_type or "", facts)
        evidenced = any(
            c.status is Status.MET and not {key for key, _ in c.facts} <= own for c in decision.conditions
        )
        if decision.eligible is not False and evidenced:
            return Assessment(replace(guess, program=other.id), facts, decision)
    return None


def _type_the_facts_name(rules: Rules, guess: ProgramGuess, sheets: dict[str, FactSheet]) -> str | None:
    """The applicant's type not said: the one type of the program whose own facts (asked of it
    alone) the applicant states (「利税」「市场占有率」 only of an enterprise, 「强市建设示范城市」
    only of a 设区市); None when no type, or more than one, has such facts. `sheets`: the facts
    read for each type."""
    program = rules.program(guess.program or "")
    # a fact another fact always implies (在江苏, by 江苏注册的独立法人) tells no type from another;
    # one implied only by some words of it (独立法人, by 「…项目验收了」) does when said itself
    implied = {
        key
        for atype in program.types
        for fact in atype.facts
        for key in rules.fact(fact).implies
        if key not in dict(rules.fact(fact).implied_by)
    }
    named = _stating_own_facts(
        list(program.types),
        lambda atype: [
            key
            for key in atype.facts
            if key not in implied and not _only_implied(rules, sheets[atype.id], key)
        ],
        lambda atype: sheets[atype.id],
    )
    return named[0].id if len(named) == 1 else None


def _only_implied(rules: Rules, sheet: FactSheet, key: str) -> bool:
    """The fact was read only as what another phrase implies (独立法人, from the same words as
    「…项目2020年验收了」), not said in words of its own."""
    words = sheet.evidence.get(key)
    return words is not None and any(
        other != key and sheet.evidence.get(other) == words and key in dict(rules.fact(other).implied_by)
        for other in sheet
    )


def _stating_own_facts(
    items: list[T],
    facts_of: Callable[[T], Iterable[str]],
    sheet_of: Callable[[T], FactSheet],
    most: bool = False,
) -> list[T]:
    """The items (a program's applicant types, a round's variants) whose own facts, asked of no
    other item, the applicant states or leaves in doubt. With `most`, of several the one that
    states most of its own, when one does (「…2020年高价值项目验收通过…市场占有率全国第一…
    单项冠军」 names two facts of the upgrade, one of a new project); not for applicant types,
    where the facts of a neighbouring type are often told too."""
    counts = []
    for item in items:
        others = {key for other in items if other is not item for key in facts_of(other)}
        sheet = sheet_of(item)
        counts.append(len({*sheet, *sheet.doubts} & (set(facts_of(item)) - others)))
    named = [item for item, count in zip(items, counts, strict=True) if count]
    leading = [item for item, count in zip(items, counts, strict=True) if count and count == max(counts)]
    return leading if most and len(leading) == 1 else named


def _untyped(rules: Rules, guess: ProgramGuess, facts: FactSheet, typed: dict[str, FactSheet]) -> Assessment:
    """The type not said: a 待补充 decision that asks it, when the facts decide a condition every
    type shares (「…19年验收通过，能报升级吗」); else the type is asked with no decision, and the
    answer quotes the guide's conditions (「有效专利80件…够报新建吗」「谁能当申报主体」: what
    each type needs differs, a decision of the shared part would show none of it)."""
    program = rules.program(guess.program or "")
    decision = check_untyped(rules, program.id, typed)
    if any(c.status is not Status.UNKNOWN for c in decision.conditions):
        return Assessment(guess, _read_alike(list(typed.values())), decision)
    return Assessment(guess, facts, None, decision.missing_facts[0].question)


def _read_alike(sheets: list[FactSheet]) -> FactSheet:
    """What every type's reading of the turns reads alike (the facts read back to an applicant
    whose type is not known), the doubts of each of them."""
    first, others = sheets[0], sheets[1:]
    values = {k: v for k, v in first.items() if all(k in other and other[k] == v for other in others)}
    doubts = {k: v for k, v in first.doubts.items() if all(k in other.doubts for other in others)}
    return FactSheet(values, {k: first.evidence[k] for k in values if k in first.evidence}, doubts)


def _fails_for_every_type(
    rules: Rules, guess: ProgramGuess, sheets: dict[str, FactSheet]
) -> Assessment | None:
    """The applicant's type not said: when the facts fail the program for every type it admits
    (「这个地标正在承担2021年的省级项目」 excludes a county and a city alike), the answer is no
    whatever the type; else None (the type is asked: check_untyped). Only a no: a yes for every admitted type
    would still be wrong for an applicant of a type the program does not admit."""
    program = rules.program(guess.program or "")
    checked = []
    for atype in program.types:
        facts = sheets[atype.id]
        decision = check(rules, program.id, atype.id, facts)
        if decision.eligible is not False:
            return None
        checked.append((atype, facts, decision))
    first, facts, decision = checked[0]
    names = tuple(atype.name for atype, _, _ in checked)
    return Assessment(replace(guess, applicant_type=first.id), facts, decision, every_type=names)
