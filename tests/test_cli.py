"""The CLI: the `ask --json` contract, batch mode, lookup, and clear errors for bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.cli.main import main
from assistant.config import Settings

CONTRACT = {"answer", "answerable", "citations", "decision", "decisions", "warnings", "latency_ms"}
CITATION = {"doc_id", "doc_title", "clause_id", "clause_label", "text"}


def run(capsys: pytest.CaptureFixture[str], settings: Settings, *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(settings.data_dir), "--knowledge-dir", str(settings.knowledge_dir), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_ask_json_contract(capsys, built_settings, kb) -> None:
    code, out, _ = run(capsys, built_settings, "ask", "--json", "2024年度保护示范区项目申报什么时候截止？")
    assert code == 0
    reply = json.loads(out.strip().splitlines()[-1])
    assert set(reply) == CONTRACT
    assert reply["answerable"] is True and reply["decision"] is None
    assert isinstance(reply["latency_ms"], float | int)
    first = reply["citations"][0]
    assert set(first) == CITATION
    assert first["clause_id"] == "2024-protection-zone:6.3"
    assert "2024年2月29日" in first["text"] and "2024年2月29日" in reply["answer"]
    clause = kb.clause(first["clause_id"])
    assert first["text"] == kb.full_text(clause)


def test_several_questions_are_turns_of_one_conversation(capsys, built_settings) -> None:
    code, out, _ = run(
        capsys, built_settings, "ask", "--json", "2024年保护示范区申报截止时间？", "那2022年的呢？"
    )
    replies = [json.loads(line) for line in out.strip().splitlines()]
    assert code == 0 and len(replies) == 2
    assert replies[1]["citations"][0]["clause_id"] == "2022-protection-zone:6.3"
    assert "guide_superseded" in replies[1]["warnings"]


def test_damaged_source_is_flagged(capsys, built_settings) -> None:
    code, out, _ = run(capsys, built_settings, "ask", "--json", "获得江苏专利奖金奖能奖励多少钱？")
    reply = json.loads(out)
    assert code == 0
    assert reply["citations"][0]["clause_id"] == "2023-policy-measures:1.1"
    assert "source_damaged" in reply["warnings"]


def test_batch(capsys, built_settings, tmp_path: Path) -> None:
    batch = tmp_path / "batch.jsonl"
    lines = [
        {"id": "a", "turns": ["地理标志项目实施期多久？"]},
        {"id": 7, "turns": ["工业品牌的联系人是谁", "电话呢"]},
    ]
    batch.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines), encoding="utf-8")
    code, out, _ = run(capsys, built_settings, "ask", "--json", "--batch", str(batch))
    rows = [json.loads(line) for line in out.strip().splitlines()]
    assert code == 0 and [r["id"] for r in rows] == ["a", 7]
    assert [len(r["replies"]) for r in rows] == [1, 2]
    assert all(set(reply) == CONTRACT for r in rows for reply in r["replies"])


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"id": 1, "turns": ["x"]}\nnot json', "第 2 行：不是有效的 JSON"),
        ('{"turns": ["x"]}', "缺少 id"),
        ('{"id": 1, "turns": []}', "turns"),
        ("", "是空的"),
        ('{"id": 1, "turns": ["你好"]}'.encode("gbk"), "GB18030 编码，不是 UTF-8"),
        ('{"id": NaN, "turns": ["x"]}', "不允许 NaN"),
        ('{"id": 1.5, "turns": ["x"]}', "id 应为字符串或整数"),
        ('{"id": 1, "turns": ' + "[" * 100_000 + "]" * 100_000 + "}", "嵌套层数过多"),
        ('{"id": 1, "turns": ["\\ud800"]}', "孤立的代理码位"),
        ('{"id": 1, "turns": ["a"]}\n{"id": 2, "turns": ["\\ud800"]}', "第 2 行的问题含有无效字符"),
    ],
)
def test_bad_batch_file(capsys, built_settings, tmp_path: Path, content: str | bytes, message: str) -> None:
    batch = tmp_path / "bad.jsonl"
    batch.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    code, out, err = run(capsys, built_settings, "ask", "--json", "--batch", str(batch))
    assert code == 2 and message in err and out == ""
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_lookup_by_reference_returns_the_clause_verbatim(capsys, built_settings, kb) -> None:
    code, out, _ = run(capsys, built_settings, "lookup", "--json", "2024 保护示范区 三（二）1")
    result = json.loads(out)
    assert code == 0 and result["type"] == "clause"
    item = result["results"][0]
    assert item["clause_id"] == "2024-protection-zone:3.2.1"
    assert item["clause_label"] == "三、申报条件（二）第1项"
    assert item["text"] == kb.clause("2024-protection-zone:3.2.1").text


def test_lookup_free_text_searches(capsys, built_settings) -> None:
    code, out, _ = run(capsys, built_settings, "lookup", "--json", "非正常专利申请撤回率")
    result = json.loads(out)
    assert code == 0 and result["type"] == "search" and result["results"]
    assert any("非正常专利申请撤回率" in r["text"] for r in result["results"])


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["ask", ""], "问题为空"),
        (["ask"], "问题为空"),
        (["lookup", "2024 保护示范区 九（二）"], "找不到"),
        (["lookup", "  "], "请输入条款引用"),
    ],
)
def test_bad_input_gets_one_clear_line(capsys, built_settings, args: list[str], message: str) -> None:
    code, out, err = run(capsys, built_settings, *args)
    assert code == 2 and message in err and out == ""
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_missing_index(capsys, tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "empty")
    code, _, err = run(capsys, settings, "ask", "申报截止日期")
    assert code == 2 and "索引尚未建立" in err


@pytest.mark.parametrize(
    ("manifest", "message"),
    [
        ("guides: [", "不是有效的 YAML"),
        ("guides:\n  - id: X\n", "guides.0"),
        ("nothing: here\n", "有误"),
    ],
)
def test_corrupt_manifest(capsys, tmp_path: Path, manifest: str, message: str) -> None:
    knowledge = tmp_path / "knowledge"
    knowledge.mkdir()
    (knowledge / "manifest.yaml").write_text(manifest, encoding="utf-8")
    settings = Settings(knowledge_dir=knowledge, data_dir=tmp_path / "data")
    code, _, err = run(capsys, settings, "index")
    assert code == 2 and message in err and "Traceback" not in err


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("ASSISTANT_TOP_K", "many"),
        ("ASSISTANT_UI_CONCURRENCY", "0"),
        ("ASSISTANT_UI_JOIN_RATE", "-1"),
        ("ASSISTANT_UI_WORKERS", "-1"),
        ("ASSISTANT_UI_WORKERS", "1.5"),
        ("ASSISTANT_UI_WORKERS", "99"),
    ],
)
def test_bad_setting_is_reported(capsys, monkeypatch, name: str, value: str) -> None:
    monkeypatch.setenv(name, value)
    assert main(["guides"]) == 2
    err = capsys.readouterr().err
    assert name in err and "Traceback" not in err


def test_a_join_rate_of_zero_turns_the_limit_off() -> None:
    assert Settings.from_env({"ASSISTANT_UI_JOIN_RATE": "0"}).ui_join_rate == 0


def test_zero_workers_answers_in_the_page() -> None:
    assert Settings.from_env({"ASSISTANT_UI_WORKERS": "0"}).ui_workers == 0
    assert Settings.from_env({}).ui_workers == 2


def test_text_the_terminal_could_not_decode_is_refused_clearly(built_settings) -> None:
    import subprocess
    import sys

    root = Path(__file__).resolve().parent.parent
    env = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"}
    argv = subprocess.run(
        [sys.executable.encode(), b"-m", b"assistant", b"ask", b"a\xffb"],
        capture_output=True,
        cwd=root,
        env=env,
    )
    assert argv.returncode == 2 and "不是 UTF-8 文本" in argv.stderr.decode()
    chat = subprocess.run(
        [sys.executable, "-m", "assistant", "--data-dir", str(built_settings.data_dir), "chat"],
        input=b"a\xffb\n",
        capture_output=True,
        cwd=root,
        env=env,
    )
    assert chat.returncode == 0 and "不是 UTF-8 编码" in chat.stdout.decode() and not chat.stderr


def test_a_fact_with_an_integer_too_long_to_read(capsys, built_settings, tmp_path: Path) -> None:
    facts = tmp_path / "facts.json"
    facts.write_text('{"valid_patents": ' + "1" * 5000 + "}", encoding="utf-8")
    code, _, err = run(
        capsys, built_settings, "check", "2024-protection-zone", "--type", "county", "--facts", str(facts)
    )
    assert code == 2 and "位数过多的整数" in err and "内部错误" not in err


@pytest.mark.parametrize(
    ("source", "content", "message"),
    [
        ("../../outside.txt", "一、总则\n" + "正文。" * 200, "不在 knowledge/guides/ 目录内"),
        ("empty.txt", "", "几乎是空的"),
        ("short.txt", "一、总则\n只有一句话。", "几乎是空的"),
    ],
)
def test_a_guide_source_outside_the_folder_or_empty_is_refused_and_nothing_is_written(
    capsys, small_knowledge: Path, tmp_path: Path, source: str, content: str, message: str
) -> None:
    target = (small_knowledge / "guides" / source).resolve()
    target.write_text(content, encoding="utf-8")
    manifest = small_knowledge / "manifest.yaml"
    manifest.write_text(
        manifest.read_text(encoding="utf-8").replace("source: 2024-protection-zone.txt", f"source: {source}"),
        encoding="utf-8",
    )
    settings = Settings(knowledge_dir=small_knowledge, data_dir=tmp_path / "data")
    code, _, err = run(capsys, settings, "index")
    assert code == 2 and message in err and "Traceback" not in err
    assert not (tmp_path / "data").exists()


def test_a_reader_that_stops_early_gets_no_internal_error(built_settings) -> None:
    """「assistant lookup … | head -1」: the output closed before it is written is no error to report."""
    import os
    import subprocess
    import sys

    command = [sys.executable, "-m", "assistant", "lookup", "2022-tongzhou-plan:3"]
    env = {**os.environ, "ASSISTANT_DATA_DIR": str(built_settings.data_dir)}
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # the reader is gone before the first line
    errors = process.stderr.read().decode("utf-8")
    assert process.wait() == 141
    assert "内部错误" not in errors and "Traceback" not in errors
