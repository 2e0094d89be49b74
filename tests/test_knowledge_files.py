"""The knowledge files staff extend by hand: a key written twice in one mapping silently drops
the first list (YAML keeps the last), so each file is read with a loader that refuses it."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from assistant.config import DEFAULT_KNOWLEDGE_DIR

ROOT = DEFAULT_KNOWLEDGE_DIR.parent
FILES = sorted([*DEFAULT_KNOWLEDGE_DIR.rglob("*.yaml"), *(ROOT / "prompts").glob("*.yaml")])


class _UniqueKeys(yaml.SafeLoader):
    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:
        seen: set = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"key {key!r} written twice", key_node.start_mark
                )
            seen.add(key)
        return super().construct_mapping(node, deep)


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_key_is_written_twice(path: Path) -> None:
    yaml.load(path.read_text(encoding="utf-8-sig"), Loader=_UniqueKeys)  # a SafeLoader


def test_the_files_are_found() -> None:
    assert any(p.name == "lexicon.yaml" for p in FILES) and any(p.name == "synonyms.yaml" for p in FILES)
