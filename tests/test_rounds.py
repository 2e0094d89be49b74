"""Today's date as an input: a guide whose deadline has passed is called closed, with the
date and the clause that states it, in answers, decisions, the card, the form and the CLI."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from assistant.config import Settings
from assistant.domain import Round, RoundState, WarningCode
from assistant.errors import ConfigError
from assistant.ingest.knowledge_base import KnowledgeBase
from assistant.pipeline import Assistant, Conversation
from assistant.web.text import decision_html

ROOT = Path(__file__).resolve().parent.parent
BEFORE, ON, AFTER = date(2024, 2, 1), date(2024, 2, 29), date(2024, 3, 1)
COUNTY = (
    "我们县能不能申报2024年的保护示范区项目？我们县被评为2022年度真抓实干成效明显地区，撤回率高于全省平均"
)


@pytest.mark.parametrize(
    ("today", "state", "note"),
    [
        (BEFORE, RoundState.OPEN, "2024年度申报截止日期为2024年2月29日"),
        (ON, RoundState.OPEN, "2024年度申报截止日期为2024年2月29日"),  # the deadline day is still open
        (AFTER, RoundState.CLOSED, "2024年度申报已于2024年2月29日截止"),
    ],
)
def test_a_round_is_open_until_its_deadline_and_closed_after(kb: KnowledgeBase, today, state, note) -> None:
    current = Round.of(kb.guide("2024-protection-zone"), today)
    assert current.state is state and current.note == note


def test_rounds_without_a_deadline_follow_the_manifest(kb: KnowledgeBase) -> None:
    assert Round.of(kb.guide("2023-policy-measures"), AFTER).state is RoundState.IN_FORCE
    assert Round.of(kb.guide("2023-policy-measures"), AFTER).note == ""
    assert Round.of(kb.guide("2022-notice"), AFTER).note == "2022年度申报已结束"
    superseded = Round.of(kb.guide("2022-protection-zone"), AFTER)
    assert superseded.describe("[2]") == "2022年度申报已于2022年2月15日截止[2]，指南已被新版替代"


def test_every_deadline_is_found_in_the_clause_that_states_it(kb: KnowledgeBase) -> None:
    for guide in kb.guides:
        clause = kb.deadline_clause(guide.id)
        assert (clause is None) == (guide.deadline is None), guide.id
        if clause is not None:
            assert "截止" in clause.text and clause.guide_id == guide.id


def test_today_comes_from_the_setting_or_the_clock() -> None:
    assert Settings.from_env({"ASSISTANT_TODAY": "2024-02-01"}).today() == BEFORE
    assert Settings.from_env({}).today() == date.today()
    with pytest.raises(ConfigError, match="ASSISTANT_TODAY「2024-2-30」不是有效日期"):
        Settings.from_env({"ASSISTANT_TODAY": "2024-2-30"})


@pytest.fixture(scope="module")
def assistants(built_settings: Settings, kb: KnowledgeBase) -> dict[date, Assistant]:
    return {day: Assistant(replace(built_settings, fixed_today=day), kb) for day in (BEFORE, AFTER)}


def test_a_decision_on_a_closed_round_says_so_and_cites_the_deadline(assistants) -> None:
    reply = assistants[AFTER].ask(COUNTY, Conversation())
    verdict = reply.answer.splitlines()[0]
    assert "符合申报条件" in verdict and "2024年度申报已于2024年2月29日截止[1]" in verdict
    assert reply.citations[0].clause_id == "2024-protection-zone:6.3"
    assert reply.decision["round"] == {
        "guide_id": "2024-protection-zone",
        "state": "closed",
        "deadline": "2024-02-29",
        "note": "2024年度申报已于2024年2月29日截止",
    }
    assert WarningCode.ROUND_CLOSED in reply.warnings
    assert "已于2024年2月29日截止" in decision_html(
        assistants[AFTER].kb, reply.decision, ("保护示范区", "县")
    )


def test_a_decision_on_an_open_round_gives_its_deadline(assistants) -> None:
    reply = assistants[BEFORE].ask(COUNTY, Conversation())
    assert "2024年度申报截止日期为2024年2月29日" in reply.answer.splitlines()[0]
    assert "截止[" not in reply.answer and reply.decision["round"]["state"] == "open"
    assert WarningCode.ROUND_CLOSED not in reply.warnings


def test_an_answer_from_a_closed_round_says_so_in_words(assistants) -> None:
    reply = assistants[AFTER].ask("2022年高价值专利培育项目申报材料怎么报送？", Conversation())
    assert "2022年度申报已于2022年1月30日截止" in reply.answer
    assert "2022-high-value-patent:6.5" in reply.citations_ids  # the clause stating the date
    assert WarningCode.ROUND_CLOSED in reply.warnings
    assert "截止" not in assistants[BEFORE].ask("2024年保护示范区支持重点是什么？", Conversation()).answer


def test_an_answer_that_does_not_cite_the_deadline_names_its_clause_instead(assistants) -> None:
    reply = assistants[AFTER].ask("2024年保护示范区支持重点是什么？", Conversation())
    assert "2024年度申报已截止（截止日期见六、申报要求（三））" in reply.answer
    assert "2024-protection-zone:6.3" not in reply.citations_ids  # no clause cited for a note alone


def test_a_clause_read_out_for_staff_carries_no_round_note(assistants) -> None:
    reply = assistants[AFTER].ask("2024 保护示范区 三（二）1", Conversation())
    assert "截止" not in reply.answer


def test_the_cli_check_gives_the_round(tmp_path: Path) -> None:
    facts = tmp_path / "facts.json"
    facts.write_text("{}", encoding="utf-8")
    env = {"ASSISTANT_TODAY": "2024-03-01", "PATH": "/usr/bin:/bin"}
    command = [sys.executable, "-m", "assistant", "check", "2024-protection-zone", "--type", "county"]
    text = subprocess.run(
        [*command, "--facts", str(facts)], capture_output=True, text=True, env=env, cwd=ROOT
    )
    assert text.returncode == 0 and "提示：2024年度申报已于2024年2月29日截止" in text.stdout
    data = subprocess.run([*command, "--json"], capture_output=True, text=True, env=env, cwd=ROOT)
    assert json.loads(data.stdout)["round"]["state"] == "closed"


def test_the_guides_command_gives_each_guides_standing_today() -> None:
    env = {"ASSISTANT_TODAY": "2024-02-01", "PATH": "/usr/bin:/bin"}
    run = subprocess.run(
        [sys.executable, "-m", "assistant", "guides"], capture_output=True, text=True, env=env, cwd=ROOT
    )
    lines = {line.split()[0]: line for line in run.stdout.splitlines()}
    assert "2024年度申报截止日期为2024年2月29日" in lines["2024-protection-zone"]
    assert "2022年度申报已于2022年1月30日截止" in lines["2022-gi-brand"]
    assert "有效期内" in lines["2023-policy-measures"]
