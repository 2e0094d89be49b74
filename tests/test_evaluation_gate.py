"""The CI gate of issue #6: the whole evaluation set with the default configuration, through
the library, must not drop below the floors recorded in eval/floors.json (see eval/README.md
for how to raise them)."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.config import Settings
from assistant.evaluation.dataset import CATEGORIES
from assistant.evaluation.floors import load_floors, violations
from assistant.evaluation.metrics import METRICS
from assistant.evaluation.report import render_markdown
from assistant.evaluation.runner import Evaluation, evaluate

ROOT = Path(__file__).resolve().parent.parent
FLOORS = ROOT / "eval" / "floors.json"
TIME_LIMIT_S = 180


@pytest.fixture(scope="module")
def evaluation(built_settings: Settings) -> Evaluation:
    floors = load_floors(FLOORS)
    return evaluate(built_settings, ROOT / "eval" / "testset.jsonl", [floors.config], progress=False)


def test_no_metric_below_its_floor(evaluation: Evaluation) -> None:
    result = evaluation.results[0]
    problems = violations(result.metrics, load_floors(FLOORS))
    measured = ", ".join(f"{m}={result.metrics[m]:.3f}" for m in METRICS if result.metrics[m] is not None)
    assert not problems, f"{problems}; measured: {measured}"


def test_every_floor_is_a_known_metric_and_every_share_has_a_floor() -> None:
    floors = load_floors(FLOORS)
    shares = {m for m in METRICS if not m.startswith("latency")}
    assert set(floors.floors) == shares
    assert set(floors.ceilings) == {"latency_p50_ms", "latency_p95_ms"}


def test_the_whole_set_ran_in_time_with_every_category(evaluation: Evaluation) -> None:
    result = evaluation.results[0]
    assert result.seconds < TIME_LIMIT_S
    assert len(result.records) == evaluation.turns
    assert set(result.by_category()) == set(CATEGORIES)
    assert result.confusion()  # eligibility turns were judged
    assert "## 未通过的轮次" in render_markdown(evaluation)
