"""Eligibility inside the chat: the conversation's turns → program, applicant type and
facts (no language model), then the checker, called as a LangChain structured tool.

The checker decides; this module only gathers its inputs and writes its answer: the
decision first, each condition ✓ / ✗ / ？ with the clause it comes from, then the few facts
still needed, asked in plain words.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any, Generic, TypeVar

from ..domain import Round, RoundState, with_round
from ..eligibility import Rules, load_rules
from ..eligibility.engine import TYPE_KEY
from ..eligibility.facts import FactSheet
from ..eligibility.reasons import fact_phrase
from ..eligibility.rules import ApplicantType
from ..ingest.knowledge_base import KnowledgeBase
from ..question.applicant import names_applicant
from ..question.fact_phrases import cues, doubtful, find_matches
from ..question.fact_turns import facts_from_turns
from ..question.facts import scope_keys
from ..question.form_text import CLAUSE, normalize
from ..question.lexicon import LEXICON, SELF_WORDS
from ..question.scope import calendar_years
from ..thresholds import QUESTIONS_AT_ONCE, WRITTEN_LIKENESS
from .assessment import Assessment, admits, agreed, assess, program_of

T = TypeVar("T")
MARKS = {"met": "✓", "not_met": "✗", "unknown": "？"}
QUOTE_LINE = "　　原文：「"  # the clause's words under a condition not met, or met by a figure said
# Words of an applicant weighing an application (「我们县想报保护示范区」): they open a check.
APPLY_WORDS = re.compile(
    r"想.{0,8}(报|申报|申请)|还想报|(准备|打算|计划|拟).{0,12}(报|申报)|还差|够格|够条件|有没有戏|没戏"
)
# 「名单出了没」: 了 and 没 at a clause's end ask too. 还是 asks (「交区里还是市里」) in the last
# sentence only: before another sentence it tells what still is (「…还是市场监管局在管。想报…」)
QUESTION_WORDS = re.compile(
    r"[？?]|吗|多少|什么|啥|哪|谁|怎么|怎样|(?<!不)咋|如何|是否|能否|有没有|是不是|了没有?(?=$|[。！!，,；;\s])"
)
_SENTENCE = re.compile(r"[^。！!；;\n]+[。！!；;\n]*\s*$")  # the message's last sentence
# 「几个」 asks how many (「能推几个」), unless it means some (「好几个」「加上几个子公司总共有260件」)
# (「几个亿」「几个百分点」 is a figure said roughly)
HOW_MANY = re.compile(
    r"(?<![十百千万\d一二两三四五六七八九这那近前头好了])几[个项条年件号份天月次](?![亿万千百]|百分点)"
)
VERDICTS = {True: "符合申报条件", False: "不符合申报条件", None: "尚不能确定（还缺少信息）"}
STATED_FACTS = 2  # facts a statement must give to open a check when the applicant type is unknown


@dataclass(frozen=True)
class Checked:
    """What the checker said for a conversation: a decision, or a question to ask first."""

    decision: dict[str, Any] | None
    question: str | None
    program_name: str = ""
    type_name: str = ""
    quotes: dict[str, str] = field(default_factory=dict)  # condition id → the words it encodes
    said: tuple[str, ...] = ()  # what was read from the applicant's words, for them to check
    doubted: tuple[str, ...] = ()  # words whose reading was in doubt (their facts are asked)
    round: Round | None = None  # where the program's round stands today
    deadline_clause: str = ""  # the clause that states the deadline, cited with the round's note
    every_type: tuple[str, ...] = ()  # type not said: the types checked, each failing (the first shown)
    listed_in: tuple[str, str] = ("", "")  # the clause listing the type's conditions: (id, label)

    @property
    def round_note(self) -> str:
        """「2024年度申报已于2024年2月29日截止」, or the open round's deadline; "" otherwise."""
        return self.round.note if self.round else ""


class _LastOne(Generic[T]):
    """`compute(turns)` for the last conversation asked about: one entry, replaced whole, so
    that sessions answered in parallel never see a half-written one."""

    def __init__(self, compute: Callable[[list[str]], T]) -> None:
        self._compute = compute
        self._held: tuple[tuple[str, ...], T] | None = None

    def __call__(self, turns: list[str]) -> T:
        key, held = tuple(turns), self._held
        if held is None or held[0] != key:
            held = (key, self._compute(turns))
            self._held = held
        return held[1]


class EligibilityDesk:
    """Holds the rules and the tool; `run(turns)` checks a conversation. `today` is read on
    each check, so a long-running page notices a deadline passing."""

    def __init__(self, rules: Rules, kb: KnowledgeBase, today: Callable[[], date] = date.today) -> None:
        from ..eligibility.tool import make_eligibility_tool, tool_facts

        self._tool_facts = tool_facts

        self.rules = rules
        self.kb = kb
        self.today = today
        self.tool = make_eligibility_tool(rules)
        # Routing a turn asks for the conversation's assessment several times (has rules? wants
        # a check? facts stated?): the turns are read once. Whether its round has rules, asked
        # of every turn, needs the program alone, with no facts read.
        self._assess = _LastOne(lambda turns: assess(self._dated(turns), rules))
        self._program = _LastOne(lambda turns: program_of(self._dated(turns), rules))

    @classmethod
    def load(
        cls, knowledge_dir: Path, kb: KnowledgeBase, today: Callable[[], date] = date.today
    ) -> EligibilityDesk:
        return cls(load_rules(knowledge_dir / "rules", kb), kb, today)

    def dated(self, checked: Checked, program_id: str) -> Checked:
        """The check with its program's round as of today, which its decision also carries."""
        guide_id = self.rules.program(program_id).guide_id
        guide, today = self.kb.guide(guide_id), self.today()
        current = Round.of(guide, today)
        deadline = self.kb.deadline_clause(guide_id)
        decision = with_round(checked.decision, guide, today) if checked.decision else None
        return replace(
            checked, decision=decision, round=current, deadline_clause=deadline.id if deadline else ""
        )

    def wants_check(self, question: str, turns: list[str]) -> bool:
        """「我们县想报保护示范区」, or facts about the applicant (two or more, or any once the
        program and type are known, named or inferred from the facts): an applicant weighing an
        application, to be checked. A question of its own (「有效专利要多少件？」) is answered."""
        if not self._tells_facts(question, turns):
            return False
        guess = self._assess(turns).guess
        if APPLY_WORDS.search(question):
            return guess.program is not None
        if guess.program is None:  # an applicant telling many of its facts, of no program: which one is asked
            telling = (
                is_statement(question) and guess.kind is not None and SELF_WORDS.search(question) is not None
            )
            return telling and len(self._facts([question], None, None)) > STATED_FACTS
        stated = self.stated(question, turns)
        # a program open to one kind of applicant (工业品牌: enterprises) needs no kind said
        typed = guess.applicant_type or len(self.rules.program(guess.program).types) == 1
        return stated > 0 if typed else stated >= STATED_FACTS

    def _tells_facts(self, question: str, turns: list[str]) -> bool:
        """No question asked of us: each clause that holds an asking word is the applicant's
        own doubt, hedged in it or beside it, in a sentence that leaves a fact of its own in
        doubt (「研发费用占销售收入多少我得问财务」「注册时间记不太清，是2018年还是2019年」). A
        clause ending in 吗 and a hypothetical (「要是市里已经立项了，县还能立吗」) ask."""
        if is_statement(question):
            return True
        guess = self._assess(turns).guess
        if guess.program is None or re.search("[？?]", question):
            return False
        for sentence in re.split("[。；;！!\n]", question):
            clauses = re.split("[，,]", sentence)
            asking = [at for at, clause in enumerate(clauses) if not is_statement(clause)]
            for at in asking:
                clause = clauses[at]
                if clause.strip().endswith(("吗", "么", "呢")) or cues("hypotheticals", clause):
                    return False
                # 「…，金奖给多少」 ends on what it asks: the applicant's doubt is in it or after it
                # (「…占研发费用多少，这个得问财务」), not in a rumour before it
                ends_asking = clause.strip().endswith(_ENDING_ASKS)
                if not doubtful("".join(clauses[at if ends_asking else max(0, at - 1) : at + 2])):
                    return False
            if asking and not self._facts([sentence], guess.program, guess.applicant_type).doubts:
                return False
        return True

    def amends(self, question: str, turns: list[str]) -> bool:
        """The message gives facts of the conversation's program or speaks of them (「管理人员
        也够」「销售额、注册时间都没问题」「其他指标都够」), or corrects or adds to what was said
        (「说错了，…」「刚核对了，…」「对了，…」): a check already made is to be made again."""
        if cues("corrections", question) or cues("supplements", question) or self.stated(question, turns) > 0:
            return True
        if names_applicant(question):
            return True  # 「就是市政府作为牵头单位」: who applies is checked too
        if any(word in question for word in LEXICON.asking_to_apply.sufficient_words):
            return True  # 「其他指标都够」: the conditions said to be met, the check stands
        guess = self._assess(turns).guess
        if guess.program is None:
            return False
        if not admits(self.rules, guess):
            return True  # 「我们每年撮合转让专利几百件」 from a body the program does not admit: still no
        keys = set(scope_keys(self.rules, guess.program, guess.applicant_type))
        return any(m.spec.key in keys for m in find_matches(normalize(question), self.rules.fact_specs))

    def has_rules_for(self, turns: list[str]) -> bool:
        """Whether the round the conversation names (「2023年的保护示范区」) has rules; a
        conversation that names no year is checked against the current round."""
        guess = self._program(turns)  # every turn asks this: no facts read, no check made
        if guess.year is None or guess.family is None:
            return True
        return any(p.family == guess.family and p.year == guess.year for p in self.rules.programs)

    def doubts_asked(self, question: str, asked: tuple[str, ...]) -> bool:
        """The message says the applicant does not know a fact just asked (「检查结果我这边还没
        查到，不知道是什么等次」): words of that fact's question and a doubt, no question of its own."""
        text = normalize(question)
        if not asked or not doubtful(text) or text.rstrip().endswith(("？", "?")):
            return False
        spans = {m.group(1) for m in _TWO_CHARACTERS.finditer(text)} - set(_COMMON_WORDS)
        questions = [self.rules.fact(key).question for key in asked if key != TYPE_KEY]
        return any(span in question for question in questions for span in spans)

    def names_program(self, text: str) -> bool:
        """The message names a program with rules (「22年工业品牌，…会影响吗」)."""
        return program_of(self._dated([text]), self.rules).family is not None

    def checks_another_program(self, turns: list[str], named: tuple[str, ...]) -> bool:
        """Whether the program the turns would be checked against is none of the programs the
        conversation was about (`named`: their short names): 「我们还是2020真抓实干激励地区」 after a
        question of 高价值专利's quotas tells that program a fact, it opens no check of another."""
        family = self._assess(turns).guess.family
        if not named or family is None:
            return False
        families = {p.family for p in self.rules.programs if set(named) & {*p.keywords, *p.aliases}}
        return bool(families) and family not in families

    def stated(self, question: str, turns: list[str]) -> int:
        """How many facts of the conversation's program this message states (or leaves in doubt);
        a fact another one implies (在江苏, by 「…验收了」) is not one more."""
        guess = self._assess(turns).guess
        if guess.program is None:
            return 0
        said = self._facts([question], guess.program, guess.applicant_type)
        keys = {*said, *said.doubts}
        implied = {key for fact in said if said[fact] is True for key in self.rules.fact(fact).implies}
        return len(keys - implied or keys)

    def run(self, turns: list[str], answered: dict | None = None) -> Checked:
        """Check the conversation: its statements, and the facts given in short answers."""
        assessment = self._assessed(turns, answered)
        guess = assessment.guess
        if assessment.decision is None or guess.program is None:
            return Checked(None, assessment.question)
        program = self.rules.program(guess.program)
        atype = next((t for t in program.types if t.id == guess.applicant_type), None)
        said, doubted = self.read_back(assessment.facts, turns)
        if atype is None:  # a kind the program does not admit, or no type said: the types' common part
            decision = assessment.decision
            # (the conditions every type shares are each type's own: the first type's words quote them)
            quotes = _quotes(program.types[0]) if decision.applicant_type is None else {}
            checked = Checked(
                decision.to_dict(),
                None,
                program.name,
                decision.applicant_type_name,
                quotes,
                said=said,
                doubted=doubted,
            )
            return self.dated(checked, program.id)
        checked = self._checked(program.id, atype.id, assessment.facts, said, doubted)
        return replace(checked, every_type=assessment.every_type)

    def screen(self, turns: list[str], within: tuple[str, ...] = ()) -> tuple[Checked, ...]:
        """「我们能报哪些项目？」: every program open to the applicant's kind, checked on the facts
        said so far, current rounds first; `within` the programs named (「专利转化专项哪个方向
        适合我们」: its directions). Empty when the kind is not known (it is asked)."""
        kind = self._assess(turns).guess.kind
        open_to = [p for p in self.rules.programs if kind in {t.id for t in p.types}]
        named = [p for p in open_to if self.kb.guide(p.guide_id).program in within]
        open_to = named or open_to  # (a notice named, 「申报的项目」, has no rules of its own)
        today = self.today()
        open_to.sort(
            key=lambda p: (
                Round.of(self.kb.guide(p.guide_id), today).state is not RoundState.OPEN,
                -p.year,
                p.id,
            )
        )
        checked = []
        for program in open_to:
            facts = self._facts(turns, program.id, kind)
            said, doubted = self.read_back(facts, turns)
            checked.append(self._checked(program.id, kind or "", facts, said, doubted))
        return tuple(checked)

    def _dated(self, turns: list[str]) -> list[str]:
        """The applicant's words with 「去年」「前年」 as the calendar years they are today: a
        figure of 「去年」 said now is not the one of the year before a round."""
        today = self.today()
        return [calendar_years(turn, today) for turn in turns]

    def _assessed(self, turns: list[str], answered: dict | None) -> Assessment:
        """The check of the turns dated as of today; when the round is not this year's, 「去年」
        may mean the year before the round too (the applicant speaking as in the round): a fact
        the two readings read otherwise is asked, never decided on."""
        dated = self._dated(turns)
        read = assess(dated, self.rules, answered)
        year = self.rules.program(read.guess.program).year if read.guess.program else None
        if year is None or year == self.today().year or dated == turns:
            return read
        in_the_round = [calendar_years(turn, date(year, 1, 1)) for turn in turns]
        return agreed(read, assess(in_the_round, self.rules, answered), self.rules)

    def _facts(self, turns: list[str], program: str | None, applicant_type: str | None) -> FactSheet:
        return facts_from_turns(self._dated(turns), self.rules, program, applicant_type)

    def _checked(self, program_id: str, type_id: str, facts, said, doubted) -> Checked:
        arguments = {"program": program_id, "applicant_type": type_id, "facts": self._tool_facts(dict(facts))}
        decision = self.tool.invoke(arguments)
        program = self.rules.program(program_id)
        atype = program.applicant_type(type_id)
        quotes = _quotes(atype)
        checked = Checked(decision, None, program.name, atype.name, quotes, said, doubted)
        listed = self.kb.clause(atype.clause_id)  # (a list of conditions, not the 申报主体 line)
        if self.kb.children(listed) and listed.title != "申报主体":
            checked = replace(checked, listed_in=(atype.clause_id, atype.clause_label))
        return self.dated(checked, program_id)

    def kind_question(self) -> str:
        """What to ask when the applicant's kind is not known for a screening."""
        names = (t.name for p in self.rules.programs for t in p.types)
        kinds = dict.fromkeys(kind for name in names for kind in _kinds_in(name))
        return f"请问贵单位属于哪一类：{'、'.join(kinds)}？说明后即可逐项对照可申报的项目。"

    def read_back(self, facts: FactSheet, turns: list[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """What was read from the applicant's words, in the registry's words, and the words whose
        reading was in doubt, as the applicant wrote them."""
        said = tuple(fact_phrase(self.rules.fact(key), facts) for key in facts)
        return said, tuple(dict.fromkeys(_as_written(words, turns) for words in facts.doubts.values()))


def _quotes(atype: ApplicantType) -> dict[str, str]:
    """Each condition's id → the words of the clause it encodes."""
    return {c.id: "……".join(c.words) for c in atype.conditions}


def _as_written(words: str, turns: list[str]) -> str:
    """The applicant's own clause for words the reader read in its own form (a program's name
    masked 「□□□」, a GI's name read as 「这个地标」): the clause of the turns most like them."""
    if any(words in turn for turn in turns):
        return words
    clauses = [c.strip() for turn in turns for c in CLAUSE.findall(turn) if c.strip()]
    scored = [(SequenceMatcher(None, words, c).ratio(), c) for c in clauses]
    best = max(scored, default=(0.0, words))
    return best[1] if best[0] >= WRITTEN_LIKENESS else words


# two characters running, overlapping, of the words of a fact's question (「等次」「检查」); not
# those every question holds
_TWO_CHARACTERS = re.compile(r"(?=([\u4e00-\u9fff]{2}))")
_COMMON_WORDS = ("知识", "识产", "产权", "是否", "申报", "项目", "省知", "江苏", "年度", "我们")


def is_statement(text: str) -> bool:
    """Facts told (「我们2022年被评为…」), not a question asked. 「几个」 asks only when no
    figure follows it in its clause: 「加上几个子公司总共有260件」 tells a figure."""
    text = _NOTHING_OF.sub(r"\1某", text)  # 「也没在搞什么关键核心技术研发」 asks nothing
    last = _SENTENCE.search(text)
    if QUESTION_WORDS.search(text) or _asks_which(last.group() if last else text):
        return False
    for match in HOW_MANY.finditer(text):
        if not _FIGURE.search(re.split(r"[，,。；;！!\n]", text[match.end() :], maxsplit=1)[0]):
            return False
    return True


# 什么 or 啥 a few characters after 没 (未, 无, 不是) is 「any」 (「没搞什么研发」「不是什么示范区」), no question;
# after 不 it may ask (「不知道要准备什么材料」)
# 「也没在搞什么…」「不归哪个区」: an indefinite after a negation asks nothing
_NOTHING_OF = re.compile(
    r"((?:[没无未]|不是|不算|不归|不属于)[^，,。；;？?！!]{0,4}?)(?:什么|啥|哪个|哪一个|哪家)(?![^，,。；;]*[吗呢？?])"
)
_ENDING_ASKS = ("多少", "什么", "啥", "几个", "哪些", "哪个", "哪里", "怎么样")


def _asks_which(sentence: str) -> bool:
    """「A还是B」 asked (「是市里报还是县里报」, with its question mark or 呢), not 「还是」 as
    still (「有效发明专利还是12件」「还是比平均低一点」)."""
    if "还是" not in sentence:
        return False
    if re.search(r"[。！!]\s*$", sentence) and not re.search(r"(?<!还)是[^，,。！!还]{1,12}还是", sentence):
        return False  # 「这次还是电气学院，方向还是特高压。」: a statement, closed as one
    marked = re.search(r"[？?呢吗][。！!；;\s]*$", sentence) is not None
    return marked or any(
        not _STILL.match(sentence, m.end()) and not _STILL_BEFORE.search(sentence[: m.start()])
        for m in re.finditer("还是", sentence)
    )


# before 还是, a time or a word of going on (「这次还是计算机学院」「方向也还是」): still
_STILL_BEFORE = re.compile(r"(?:这次|这回|本次|此次|今年|现在|目前|依然|仍然|也|都|、)\s*$")
# after 还是, words of what still is: a figure, a comparison, the same as before
_STILL = re.compile(r"\s*(?:\d|[一二两三四五六七八九十]|比|一样|没|那|原|老样子|在|很|挺|不)")


_FIGURE = re.compile(
    r"\d|[一二两三四五六七八九十百千]+[十百千万]?[多余来]?[件个项人名家年]"
)  # 「两百多件」「（几个商标）用了两年」 too


def _round_words(checked: Checked, cite) -> str:
    """The round's note with the clause that states its deadline cited: 「2024年度申报已于
    2024年2月29日截止[3]」."""
    if not checked.round_note or checked.round is None:
        return ""
    return checked.round.describe(cite(checked.deadline_clause) if checked.deadline_clause else "")


def row_start(condition: dict[str, Any]) -> str:
    """How a condition's line in the answer begins: 「✓ 三、申报条件（二）第1项：」 (the page's
    chat finds these lines to leave them to the card: web/text.py)."""
    return f"{MARKS.get(condition.get('status', ''), '？')} {condition.get('clause_label', '')}："


def decision_lines(checked: Checked, cite) -> list[str]:
    """The answer's lines; `cite(clause_id)` returns the [n] marker for a clause."""
    decision = checked.decision or {}
    verdict = VERDICTS[decision.get("eligible")]
    words = _round_words(checked, cite)
    closed = checked.round is not None and checked.round.state is RoundState.CLOSED
    note = f"（注意：{words}，以上对照仅供参考）" if closed else (f"（{words}）" if words else "")
    lines = [f"结论：{_who(checked)}申报《{checked.program_name}》——{verdict}。{note}"]
    if checked.every_type:
        lines.append(
            f"您没有说明申报主体属于哪一类：按本项目的每一类（{'、'.join(checked.every_type)}）分别"
            f"对照，都不符合；以下是按{checked.type_name}对照的结果。"
        )
    if checked.listed_in[0]:  # the whole list, for the applicant to open (「三、申报条件（二）」)
        clause_id, label = checked.listed_in
        lines.append(f"对照的条款：{label}（{checked.type_name}的申报条件）{cite(clause_id)}")
    if checked.said:
        lines.append("您提到的情况：" + "；".join(checked.said) + "。（如有读错，请直接更正）")
    if checked.doubted:
        lines.append("以下说法未能确定，已列入待确认：" + "；".join(f"「{w}」" for w in checked.doubted))
    for condition in decision.get("conditions", []):
        lines.append(f"{row_start(condition)}{condition['reason']}{cite(condition['clause_id'])}")
        quote = checked.quotes.get(condition.get("condition_id", ""))
        if quote and (condition["status"] != "met" or _figured(condition)):
            lines.append(f"{QUOTE_LINE}{quote}」")
    missing = decision.get("missing_facts", [])
    if missing and decision.get("eligible") is None:
        lines.append("还需要了解（直接回答即可，最能决定结论的在前）：")
        lines.extend(
            f"{n}. {fact['question']}（{_why(decision, fact['key'])}）"
            for n, fact in enumerate(missing[:QUESTIONS_AT_ONCE], 1)
        )
    return lines


def _who(checked: Checked) -> str:
    """Who the verdict is for: the type, or 「无论以设区市还是县（市、区）」 when it was not said."""
    names = checked.every_type
    if len(names) > 1:
        return f"无论以{'、'.join(names[:-1])}还是{names[-1]}"
    return checked.type_name


def _why(decision: dict[str, Any], key: str) -> str:
    """Why a fact is asked: the condition it decides."""
    if key == TYPE_KEY:
        return "各类申报主体的申报条件不同"
    for condition in decision.get("conditions", []):
        if key in condition.get("facts", {}):
            return f"关系到「{condition.get('title', '')}」"
    return "关系到申报条件"


def _kinds_in(type_name: str) -> list[str]:
    """The kinds of body a type's name lists (「高校、科研院所」), without the direction it
    is of (「园区（产业知识产权运营中心发展）」 is 园区); 「县（市、区）」 stays whole."""
    parts = re.split(r"、(?![^（(]*[）)])", type_name)
    return [re.sub(r"[（(][^、）)]*[）)]$", "", part) for part in parts]


def screening_lines(screened: tuple[Checked, ...], cite) -> list[str]:
    """One line per program: 符合 / 不符合 (the failing condition) / 待补充 (what is needed)."""
    lines = [f"按{screened[0].type_name}对照各项目的申报条件（正在申报的在前，其次按年度从新到旧）："]
    for n, checked in enumerate(screened, 1):
        decision = checked.decision or {}
        eligible = decision.get("eligible")
        conditions = decision.get("conditions", [])
        failed = [c for c in conditions if c["status"] == "not_met" and c.get("required", True)]
        missing = decision.get("missing_facts", [])
        clauses = [(failed or conditions)[0]["clause_id"]] if conditions else []
        if eligible is True:
            detail = "符合"
        elif eligible is False:
            detail = "不符合：" + "；".join(c["reason"] for c in failed[:1])
        else:
            detail = "待补充：" + "；".join(f["question"].rstrip("？?") for f in missing[:2])
            # each fact asked cites the condition it is of too (its words may hold a figure: 2021年以前)
            clauses += [c["clause_id"] for f in missing[:2] for c in conditions if f["key"] in c["facts"]]
        words = _round_words(checked, cite)
        note = f"（{words}）" if words else ""
        cited = "".join(cite(clause) for clause in dict.fromkeys(clauses))
        lines.append(f"{n}. 《{checked.program_name}》{note}——{detail}{cited}")
    lines.append("如需逐项核对某一项目，请说明项目名称。")
    return lines


def _figured(condition: dict) -> bool:
    """A condition met by a figure the applicant gave (「金额约2000万元，超过1500万元」) or a kind
    it named (「园区类型为省级经开区」): its words are quoted, so that the figure can be held
    against the guide's threshold, and the kind against the guide's list. So is one met though
    a fact of it is not known (「小巨人」 for a profit not said): the words say why (不受此限)."""
    facts = (condition.get("facts") or {}).values()
    return any(v is None for v in facts) or any(
        isinstance(v, (int, float, dict, str)) and not isinstance(v, bool) for v in facts
    )
