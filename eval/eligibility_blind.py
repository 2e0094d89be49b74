"""Eligibility on a blind set: conversations written from the guides alone, run through the chat.

    python eval/eligibility_blind.py eval/blind/eligibility-a.jsonl [--show-wrong] [--json]

Each line is {"id", "kind", "program", "applicant_type", "expected": true|false|null, "turns"}
(the decision expected after the last turn), or a screening item {"id", "kind": "screening",
"applicant_type", "turns", "expected_programs"}. Prints decisions right, wrong yes/no
decisions (the worst outcome: a confident answer that is wrong), turns that never reached
the checker, and for screening items the share of expected programs the reply lists.
Blind sets are measured here and never tuned on; they are not part of the CI gate.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.config import Settings  # noqa: E402
from assistant.pipeline import Assistant, Conversation  # noqa: E402

VERDICT = {True: "yes", False: "no", None: "ask"}


def outcome(item: dict, decision: dict | None) -> str:
    """right | wrong (a yes/no that is wrong) | unsure (asks when a yes/no was due) | none."""
    if decision is None:
        return "none"
    got, expected = decision.get("eligible"), item["expected"]
    if item.get("program") and decision.get("program") != item["program"]:
        return "wrong" if got is not None else "unsure"
    if got == expected:
        return "right"
    return "wrong" if got is not None else "unsure"


def screening(item: dict, decisions: list[dict]) -> float:
    expected = set(item.get("expected_programs") or [])
    listed = {d.get("program") for d in decisions}
    return len(expected & listed) / len(expected) if expected else float(not listed)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("set", type=Path)
    parser.add_argument(
        "--show-wrong", action="store_true", help="print every conversation not decided right"
    )
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    items = [json.loads(line) for line in args.set.read_text(encoding="utf-8").splitlines() if line.strip()]
    assistant = Assistant(Settings.from_env())
    counts: Counter[str] = Counter()
    by_kind: Counter[tuple[str, str]] = Counter()
    screened: list[float] = []
    for item in items:
        conversation = Conversation()
        replies = [assistant.ask(turn, conversation) for turn in item["turns"]]
        last = replies[-1].to_dict()
        if item.get("kind") == "screening":
            screened.append(screening(item, last.get("decisions") or []))
            continue
        result = outcome(item, last["decision"])
        counts[result] += 1
        by_kind[(item.get("kind", "?"), result)] += 1
        if args.show_wrong and result != "right":
            got = last["decision"]
            said = VERDICT.get(got.get("eligible")) if got else "-"
            print(f"[{result}] {item['id']} expected {VERDICT[item['expected']]} got {said}: {item['turns']}")
            print(f"    {last['answer'][:300]!r}")
    total = sum(counts.values())
    summary = {
        "conversations": total,
        "right": counts["right"] / total if total else None,
        "wrong_yes_no": counts["wrong"],
        "asked_instead": counts["unsure"],
        "never_checked": counts["none"],
        "by_kind": {f"{k}/{r}": n for (k, r), n in sorted(by_kind.items())},
        "screening_items": len(screened),
        "screening_coverage": sum(screened) / len(screened) if screened else None,
    }
    if args.json:
        print(json.dumps(summary, ensure_ascii=False, indent=2))
    else:
        for key, value in summary.items():
            print(f"{key}: {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
