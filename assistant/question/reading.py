"""What one clause says of one fact: the value each reading step passes on."""

from __future__ import annotations

from dataclasses import dataclass

from ..eligibility.rules import FactValue


@dataclass(frozen=True)
class Reading:
    """What one clause says of one fact: a value, a doubt, or only its name (a topic)."""

    value: FactValue | None = None
    doubt: str | None = None  # the words that made the reading doubtful
    topic: bool = False  # the phrase only names the topic: the next clause says it
    # a topic marker names it (「质量事故这块，…」): it announces what comes next and, unlike a
    # bare mention (「国家级保护中心，…」), asserts nothing when nothing comes
    announced: bool = False
    denies: tuple[str, ...] = ()  # the alternatives of an 「A或B」 fact this clause says are not so
    other_year: bool = False  # the clause is about another year than the fact's (「2021年度拿过」)
    # said of another body (「隔壁县评上了真抓实干」): asked, unless the applicant's own words in
    # the message settle it (「…，我们县没评上」)
    of_another: bool = False
    # in doubt only because no year was named (「被评为过真抓实干」): the message's clause naming the
    # fact's year (「…，22年度的没有」) settles it
    undated: bool = False
    # in doubt only because a project once undertaken may still run (「承担过」): a later clause
    # saying it is finished or not (「…，尾款也拨完了」) settles it
    running: bool = False
    # read from an application not decided yet (「小巨人我们申报了」): a clause after it saying
    # it was not given (「没评上」) settles a doubt as no; one saying it was (「2020年建成」) is
    # another time's, and leaves the fact in doubt
    applied: bool = False
    # a yes but for a word the fact needs said (牵头, of having led a project): a clause before it
    # in the sentence may say it (「2017年是牵头单位，做过省里的高价值专利培育项目」)
    wanting: bool = False
    # a yes limited by 只是/只有 (「快速维权这块只有个市里设的工作站」): a later plain no in the
    # message (「…，不是国家级快维中心」) says it falls short, and settles it
    limited: bool = False
