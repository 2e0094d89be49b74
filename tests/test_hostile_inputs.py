"""Every hostile or careless CLI input of issue #11 (eval/hostile_inputs.py) ends in a clear
Chinese message with exit 2, or in an answer; never an internal error or a traceback."""

from __future__ import annotations

import importlib.util
import tempfile
from pathlib import Path

import pytest

from assistant.config import PROJECT_ROOT, Settings

_spec = importlib.util.spec_from_file_location("hostile_inputs", PROJECT_ROOT / "eval" / "hostile_inputs.py")
assert _spec and _spec.loader
hostile = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(hostile)

CASES = hostile.cases(Path(tempfile.mkdtemp()))  # for the names: each test makes its own files


@pytest.mark.parametrize(
    ("kind", "name"), [(k, n) for k, n, _ in CASES], ids=[f"{k}-{n}" for k, n, _ in CASES]
)
def test_a_hostile_input_gets_a_message_or_an_answer(
    built_settings: Settings, tmp_path: Path, kind: str, name: str
) -> None:
    argv = next(a for k, n, a in hostile.cases(tmp_path) if (k, n) == (kind, name))
    prefix = [
        "--data-dir",
        str(built_settings.data_dir),
        "--knowledge-dir",
        str(built_settings.knowledge_dir),
    ]
    code, said = hostile.run([*prefix, *argv])
    assert code in (0, 2), said
    assert "内部错误" not in said and "Traceback" not in said
    if code == 2:
        assert said.strip().startswith("错误：") or "错误：" in said
