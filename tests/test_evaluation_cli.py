"""`python -m assistant eval`: exit codes, the report (Markdown and a self-contained HTML page,
all text escaped), `--json`, and one-line errors for bad options and bad set files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.cli.main import main
from assistant.config import Settings


def run(capsys: pytest.CaptureFixture[str], settings: Settings, *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(settings.data_dir), "--knowledge-dir", str(settings.knowledge_dir), *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def small_set(tmp_path: Path) -> Path:
    """Three conversations; the second fails (it expects a refusal), its question holds HTML."""
    items = [
        {
            "id": "t-001",
            "category": "number_date",
            "turns": [
                {
                    "question": "保护示范区今年什么时候截止？",
                    "gold": ["2024-protection-zone:6.3"],
                    "key_facts": ["2024年2月29日"],
                },
                {
                    "question": "那2022年的呢？",
                    "gold": ["2022-protection-zone:6.3"],
                    "key_facts": ["2022-02-15"],
                },
            ],
        },
        {
            "id": "t-002",
            "category": "not_in_guides",
            "turns": [
                {"question": "<script>alert('x')</script>保护示范区申报截止日期是哪天？", "answerable": False}
            ],
        },
        {
            "id": "t-003",
            "category": "eligibility",
            "turns": [
                {
                    "question": "我们是设区市，国家级知识产权保护中心还没有建成，能报2024年保护示范区吗",
                    "eligibility": {
                        "program": "2024-protection-zone",
                        "applicant_type": "city",
                        "eligible": False,
                    },
                }
            ],
        },
    ]
    path = tmp_path / "set.jsonl"
    path.write_text("".join(json.dumps(i, ensure_ascii=False) + "\n" for i in items), encoding="utf-8")
    return path


def test_eval_writes_both_reports(capsys, built_settings, small_set: Path, tmp_path: Path) -> None:
    report = tmp_path / "report"
    code, out, err = run(
        capsys,
        built_settings,
        "eval",
        "--set",
        str(small_set),
        "--report",
        str(report),
        "--config",
        "default",
    )
    assert code == 0, err
    assert "评测 default" in err  # the progress bar, on stderr
    assert "检索 recall@5" in out and "未通过轮数" in out
    markdown = (report / "report.md").read_text(encoding="utf-8")
    page = (report / "report.html").read_text(encoding="utf-8")
    assert "## 总体指标" in markdown and "t-002#1" in markdown
    assert page.startswith("<!DOCTYPE html>") and page.count("<svg") >= 4
    for external in ("<script", "<link", 'src="', "@import", "url("):
        assert external not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page  # the question, escaped
    assert "应拒答却作答" in page
    assert "<script>" not in markdown


def test_eval_json(capsys, built_settings, small_set: Path, tmp_path: Path) -> None:
    code, out, _ = run(
        capsys,
        built_settings,
        "eval",
        "--set",
        str(small_set),
        "--report",
        str(tmp_path / "r"),
        "--config",
        "keyword",
        "--config",
        "dense",
        "--json",
        "--limit",
        "2",
    )
    assert code == 0
    data = json.loads(out)
    assert (data["items"], data["turns"]) == (2, 3)
    assert set(data["configs"]) == {"keyword", "dense"}
    keyword = data["configs"]["keyword"]
    assert keyword["retrieval"] == "keyword" and keyword["llm"] == "none"
    assert keyword["metrics"]["key_fact_accuracy"] == 1.0  # 2022-02-15 matches 2022年2月15日
    assert keyword["metrics"]["abstention_recall"] == 0.0
    assert [(f["id"], f["turn"]) for f in keyword["failures"]] == [("t-002", 1)]
    assert set(keyword["by_category"]) == {"number_date", "not_in_guides"}
    assert (tmp_path / "r" / "report.html").is_file()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--config", "fast"], "未知的评测配置「fast」"),
        (["--limit", "0"], "--limit 0 无效"),
        (["--set", "nowhere.jsonl"], "找不到评测集 nowhere.jsonl"),
    ],
)
def test_bad_options_exit_2(capsys, built_settings, tmp_path: Path, args: list[str], message: str) -> None:
    code, out, err = run(capsys, built_settings, "eval", "--report", str(tmp_path), *args)
    assert code == 2 and out == ""
    assert message in err and len(err.strip().splitlines()) == 1


def test_llm_config_without_a_model_exits_2(capsys, built_settings, monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("ASSISTANT_LLM", "none")
    code, _, err = run(capsys, built_settings, "eval", "--config", "llm", "--report", str(tmp_path))
    assert code == 2 and "ASSISTANT_LLM" in err


def test_a_malformed_set_names_the_line(capsys, built_settings, small_set: Path, tmp_path: Path) -> None:
    lines = small_set.read_text(encoding="utf-8").splitlines()
    lines[1] = lines[1].replace('"answerable": false', '"answerable": "no"')
    small_set.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, _, err = run(capsys, built_settings, "eval", "--set", str(small_set), "--report", str(tmp_path))
    assert code == 2
    assert "第2行" in err and "turns[0].answerable" in err
    assert not (tmp_path / "report.html").exists()
