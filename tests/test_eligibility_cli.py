"""The `programs` and `check` sub-commands, and their one-line errors."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from assistant.cli.main import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def write(tmp_path: Path, data: object, name: str = "facts.json") -> str:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return str(path)


def test_programs_table(capsys) -> None:
    code, out, err = run(capsys, "programs")
    assert code == 0 and err == ""
    for program in (
        "2024-protection-zone",
        "2022-gi-brand",
        "2022-high-value-patent-upgrade",
        "2022-patent-transfer",
    ):
        assert f"【{program}】" in out
    assert "申报主体 county（县（市、区））" in out
    assert (
        "profit_tax_min_3y" in out and "万元" in out and "近三年中，利税总额最低的那一年是多少万元？" in out
    )


def test_programs_json(capsys) -> None:
    code, out, _ = run(capsys, "programs", "--json")
    programs = json.loads(out)
    assert code == 0 and len(programs) == 7
    hvp = next(p for p in programs if p["id"] == "2022-high-value-patent-new")
    research = next(t for t in hvp["applicant_types"] if t["id"] == "research")
    assert {"key", "question", "type", "unit"} <= set(research["facts"][0])
    assert any(c["kind"] == "exclusion" for c in research["conditions"])


def test_check_summary(capsys, tmp_path: Path) -> None:
    facts = write(
        tmp_path, {"profit_tax_last_year": 1200, "little_giant": True, "industrial_enterprise": False}
    )
    code, out, err = run(capsys, "check", "工业品牌", "--type", "企业", "--facts", facts)
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert lines[0] == "结论：不符合"
    assert "提示：" in out  # the 2022 guides are past their deadline
    assert "  ✗ 二、申报主体｜江苏省内注册的独立法人工业企业" in lines
    assert "✓ 三、申报条件（一）｜上一年度利税总额不低于2000万元（单项冠军、小巨人除外）" in out
    assert "上一年度利税总额1200万元，低于2000万元；但是国家专精特新“小巨人”企业，不受此限" in out
    assert "还需要了解" not in out


def test_check_asks_a_few_questions(capsys, tmp_path: Path) -> None:
    facts = write(tmp_path, {"facts": {"zhenzhua_2022": True}})
    code, out, _ = run(capsys, "check", "2024-protection-zone", "--type", "county", "--facts", facts)
    assert code == 0
    assert out.startswith("结论：待补充")
    assert "？ 三、申报条件（二）第2项" in out
    assert "  1. 2023年度非正常专利申请撤回率是否高于全省平均水平（与全省平均持平不算高于）？" in out


def test_check_json(capsys, tmp_path: Path) -> None:
    facts = write(tmp_path, {"zhenzhua_2022": True, "withdrawal_above_avg_2023": True})
    code, out, _ = run(
        capsys, "check", "2024-protection-zone", "--type", "county", "--facts", facts, "--json"
    )
    data = json.loads(out)
    assert code == 0
    assert set(data) == {"program", "applicant_type", "eligible", "conditions", "missing_facts", "round"}
    assert data["round"]["guide_id"] == "2024-protection-zone" and data["round"]["deadline"] == "2024-02-29"
    assert data["eligible"] is True and data["missing_facts"] == []


def test_check_without_facts(capsys) -> None:
    code, out, _ = run(capsys, "check", "2022-patent-transfer", "--type", "park", "--json")
    assert code == 0 and json.loads(out)["eligible"] is None


@pytest.mark.parametrize(
    ("args", "facts", "words"),
    [
        (["no-such-program", "--type", "city"], None, ["no-such-program", "2024-protection-zone"]),
        (["2024-protection-zone", "--type", "enterprise"], None, ["enterprise", "county"]),
        (["2024-protection-zone", "--type", "county"], {"zhenzhua": True}, ["zhenzhua", "zhenzhua_2022"]),
        (
            ["2022-industrial-brand", "--type", "enterprise"],
            {"profit_tax_last_year": "很多"},
            ["profit_tax_last_year", "数字", "很多"],
        ),
        (["2022-industrial-brand", "--type", "enterprise"], {"ip_staff": -3}, ["ip_staff", "负数"]),
        (["2024-protection-zone", "--type", "park"], {"park_kind": "市级"}, ["park_kind", "国家级经开区"]),
        (["2024-protection-zone", "--type", "park"], "{not json", ["不是有效的 JSON", "第1行"]),
        (["2024-protection-zone", "--type", "park"], "[1, 2]", ["应为 JSON 对象"]),
    ],
)
def test_check_errors(capsys, tmp_path: Path, args: list[str], facts: object, words: list[str]) -> None:
    extra = ["--facts", write(tmp_path, facts)] if facts is not None else []
    code, out, err = run(capsys, "check", *args, *extra)
    assert code == 2 and out == ""
    assert err.startswith("错误：") and err.count("\n") == 1
    assert all(word in err for word in words), err


def test_check_missing_file(capsys, tmp_path: Path) -> None:
    missing = tmp_path / "nope.json"
    code, _, err = run(capsys, "check", "2024-protection-zone", "--type", "city", "--facts", str(missing))
    assert code == 2 and "找不到事实文件" in err and "nope.json" in err


def test_missing_rules_directory(capsys, tmp_path: Path, small_knowledge: Path) -> None:
    shutil.rmtree(small_knowledge / "rules")
    code, _, err = run(capsys, "--knowledge-dir", str(small_knowledge), "programs")
    assert code == 2 and err.startswith("错误：") and "knowledge/rules/" in err


def test_missing_facts_registry(capsys, tmp_path: Path, small_knowledge: Path) -> None:
    (small_knowledge / "rules" / "facts.yaml").unlink()
    code, _, err = run(capsys, "--knowledge-dir", str(small_knowledge), "programs")
    assert code == 2 and err.startswith("错误：") and "facts.yaml" in err
