"""A safety floor on the blind eligibility sets (eval/blind/): no confident wrong decision.

The sets are measured with eval/eligibility_blind.py and never tuned on; this test only guards
the one outcome that must not happen: a 符合 or 不符合 for the program the set names, that the
set says is wrong. (Set A was developed on; B–AY and BA–BV are the guard. E to AY, BA–BC, BE, BG, BI, BK and BM
were each run once, blind, before the changes their wrong decisions led to; BD, BF, BH, BJ, BL
and BN were developed on after their first run, and BG in session 47 after its figures were
taken; the two wrong decisions each of BO and BP were opened and mended after their first runs,
and BO and BP developed on in session 55 with BQ; BR's two were opened and mended after its first
run at that session's end, BS had none. BT was developed on in session 57 after its first run
(two wrong decisions); BU was kept unread; BV, written after that session's changes, had one
wrong decision on its first run, opened alone and mended.
AZ is not in the guard: one wrong decision of it, baz-064, an applicant switched from the city to
its district in a later turn, is not mended.) A decision for another program (「新建」
taken for 「升级」) is left to the measurement.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.config import Settings
from assistant.ingest.knowledge_base import KnowledgeBase
from assistant.pipeline import Assistant, Conversation

BLIND = Path(__file__).resolve().parent.parent / "eval" / "blind"


def items(name: str) -> list[dict]:
    lines = (BLIND / f"eligibility-{name}.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip() and '"screening"' not in line]


@pytest.fixture(scope="module")
def assistant(built_settings: Settings, kb: KnowledgeBase) -> Assistant:
    return Assistant(built_settings, kb)


@pytest.mark.parametrize(
    "name",
    [
        "b",
        "c",
        "d",
        "e",
        "f",
        "g",
        "h",
        "i",
        "j",
        "k",
        "l",
        "m",
        "n",
        "o",
        "p",
        "q",
        "r",
        "s",
        "t",
        "u",
        "v",
        "w",
        "x",
        "y",
        "z",
        "aa",
        "ab",
        "ac",
        "ad",
        "ae",
        "af",
        "ag",
        "ah",
        "ai",
        "aj",
        "ak",
        "al",
        "am",
        "an",
        "ao",
        "ap",
        "aq",
        "ar",
        "as",
        "at",
        "au",
        "av",
        "aw",
        "ax",
        "ay",
        "ba",
        "bb",
        "bc",
        "bd",
        "be",
        "bf",
        "bg",
        "bh",
        "bi",
        "bj",
        "bk",
        "bl",
        "bm",
        "bn",
        "bo",
        "bp",
        "bq",
        "br",
        "bs",
        "bt",
        "bu",
        "bv",
    ],
)
def test_no_wrong_yes_or_no_on_a_blind_set(assistant: Assistant, name: str) -> None:
    wrong = []
    for item in items(name):
        conversation = Conversation()
        replies = [assistant.ask(turn, conversation) for turn in item["turns"]]
        decision = replies[-1].decision
        if decision is None or decision["eligible"] is None:
            continue
        if decision["program"] == item["program"] and decision["eligible"] != item["expected"]:
            wrong.append(item["id"])
    assert not wrong, f"confident wrong decisions: {wrong}"
