"""Guides as published: a .docx or .pdf source gives the clause tree its .txt gives.

The fixtures in tests/fixtures/guides/ were made by tests/fixtures/make_guide_files.py:
the DOCX files carry every clause number in Word's automatic numbering (numbering.xml),
not in the text; the PDFs are LibreOffice's renderings of them, with a running header, a
page-number footer and a footnote.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from assistant.config import Settings
from assistant.errors import GuideParseError, ManifestError
from assistant.ingest.clean import clean
from assistant.ingest.docx_reader import read_docx
from assistant.ingest.knowledge_base import KnowledgeBase
from assistant.ingest.manifest import load_manifest
from assistant.ingest.pdf_reader import first_unit, read_pdf
from assistant.question.references import resolve
from assistant.retrieval.lookup import lookup

ROOT = Path(__file__).resolve().parent.parent
KNOWLEDGE = ROOT / "knowledge"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "guides"
GUIDES = ("2024-protection-zone", "2023-policy-measures")
# Each format's fixture file; the block PDF is laid out justified with no first-line indent.
FILES = {"docx": "{}.docx", "pdf": "{}.pdf", "block.pdf": "{}-block.pdf"}
FORMATS = tuple(FILES)


def knowledge_dir(tmp: Path, guide_id: str, source: Path) -> Path:
    """A knowledge dir holding one guide, its manifest entry as in knowledge/, read from `source`."""
    entries = yaml.safe_load((KNOWLEDGE / "manifest.yaml").read_text(encoding="utf-8"))["guides"]
    entry = next(e for e in entries if e["id"] == guide_id)
    entry = {**entry, "source": source.name, "superseded_by": None}
    (tmp / "guides").mkdir(parents=True, exist_ok=True)
    shutil.copy(source, tmp / "guides" / source.name)
    (tmp / "manifest.yaml").write_text(
        yaml.safe_dump({"guides": [entry]}, allow_unicode=True), encoding="utf-8"
    )
    return tmp


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def tree(kb: KnowledgeBase) -> list[tuple]:
    return [
        (c.id, c.kind, c.label, c.ref, c.parent_id, c.children, squash(c.text), c.damaged, c.notes)
        for c in kb.clauses
    ]


@pytest.fixture(scope="module")
def text_kbs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, KnowledgeBase]:
    kbs = {}
    for guide_id in GUIDES:
        source = KNOWLEDGE / "guides" / f"{guide_id}.txt"
        kbs[guide_id] = KnowledgeBase.load(knowledge_dir(tmp_path_factory.mktemp("txt"), guide_id, source))
    return kbs


@pytest.fixture(scope="module")
def format_kbs(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], KnowledgeBase]:
    kbs = {}
    for guide_id in GUIDES:
        for fmt in FORMATS:
            source = FIXTURES / FILES[fmt].format(guide_id)
            kbs[guide_id, fmt] = KnowledgeBase.load(
                knowledge_dir(tmp_path_factory.mktemp(fmt), guide_id, source)
            )
    return kbs


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("guide_id", GUIDES)
def test_each_format_gives_the_clause_tree_of_the_text(guide_id, fmt, text_kbs, format_kbs):
    expected, got = tree(text_kbs[guide_id]), tree(format_kbs[guide_id, fmt])
    assert len(got) == len(expected) > 20
    for want, have in zip(expected, got, strict=True):
        assert have == want


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("guide_id", GUIDES)
def test_lookup_of_each_reference_returns_the_same_clause(guide_id, fmt, text_kbs, format_kbs):
    text_kb, format_kb = text_kbs[guide_id], format_kbs[guide_id, fmt]
    settings = Settings()
    for clause in text_kb.clauses[1:]:
        for reference in (clause.ref, clause.label):
            want = resolve(text_kb, reference)
            have = resolve(format_kb, reference)
            assert (have and have.id) == (want and want.id), reference
        if want is not None:
            text_result = lookup(settings, clause.ref, text_kb)["results"][0]
            format_result = lookup(settings, clause.ref, format_kb)["results"][0]
            assert squash(format_result["text"]) == squash(text_result["text"])


def test_the_2024_broken_numbering_is_repaired_in_word_as_in_text(format_kbs):
    kb = format_kbs["2024-protection-zone", "docx"]
    city = kb.clause("2024-protection-zone:4.1")
    assert city.title == "设区市"
    assert any("1." in note for note in city.notes)
    assert [kb.clause(c).title for c in city.children] == ["项目任务", "绩效目标"]


def test_numbers_come_from_word_numbering_not_the_text():
    """The fixture's paragraphs hold no markers: the reader draws them from numbering.xml."""
    import docx

    document = docx.Document(str(FIXTURES / "2023-policy-measures.docx"))
    texts = [p.text for p in document.paragraphs]
    assert not any(re.match(r"^[（(][一二三四五六七八九十]+[）)]", t) for t in texts)
    lines = read_docx(FIXTURES / "2023-policy-measures.docx").splitlines()
    items = [m.group(1) for line in lines if (m := re.match(r"^\(([一二三四五六七八九十]+)\)", line))]
    assert items[:4] == ["一", "二", "三", "四"]  # (四) follows (三) across 「二、」
    assert items[-1] == "二十一"


@pytest.mark.parametrize("fmt", FORMATS)
def test_header_footer_and_footnote_are_not_clause_text(fmt, format_kbs):
    kb = format_kbs["2024-protection-zone", fmt]
    text = "\n".join(c.text for c in kb.clauses)
    assert "本指南由省知识产权局负责解释" not in text
    assert not re.search(r"-\s*\d+\s*-", text)
    assert text.count("江苏省知识产权局") == 0  # the running header; the guide never names its issuer
    assert kb.clauses[0].text.endswith("项目申报指南")  # no footnote anchor after the title


@pytest.mark.parametrize(
    ("line", "unit"),
    [
        ("一”改革部署", "一”改"),  # a quotation mark glues both neighbours (UAX #14 QU)
        ("年）》《江苏", "年）》"),  # closing marks may not start a line
        ("《江苏省", "《江"),  # an opening mark may not end one
        ("2035年）", "2035"),
        ("PCT)、马德里", "PCT)、"),
    ],
)
def test_the_first_unit_a_line_break_cannot_split(line, unit):
    assert first_unit(line) == unit


def test_pdf_text_has_no_spaces_between_chinese_and_digits():
    text = read_pdf(FIXTURES / "2024-protection-zone.pdf")
    assert "2024年2月29日" in text
    assert not re.search(r"[\u4e00-\u9fff] \d|\d [\u4e00-\u9fff]", text)


# --- a Word file built here: tables, deleted and hidden text, content controls ---------------


def word_file(path: Path) -> Path:
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = docx.Document()
    document.add_paragraph("一、申报条件")
    document.add_paragraph("申报单位应满足下表所列条件：")
    table = document.add_table(rows=3, cols=2)
    for row, (name, value) in enumerate(
        (("指标", "要求"), ("有效发明专利", "不少于10件"), ("研发人员", "不少于5人"))
    ):
        table.cell(row, 0).text, table.cell(row, 1).text = name, value
    kept = document.add_paragraph("二、申报要求")
    kept._p.append(
        parse_xml(
            f'<w:del {nsdecls("w")} w:id="1" w:author="x"><w:r><w:delText>作废的字</w:delText></w:r></w:del>'
        )
    )
    kept._p.append(
        parse_xml(f'<w:ins {nsdecls("w")} w:id="2" w:author="x"><w:r><w:t>（修订）</w:t></w:r></w:ins>')
    )
    hidden = kept.add_run("隐藏的字")
    hidden.font.hidden = True
    document.element.body.insert(
        -1,
        parse_xml(
            f"<w:sdt {nsdecls('w')}><w:sdtContent><w:p><w:r><w:t>（一）材料真实。</w:t></w:r></w:p>"
            "</w:sdtContent></w:sdt>"
        ),
    )
    document.save(str(path))
    return path


def test_a_table_row_stays_one_line_in_the_clause_it_follows(tmp_path):
    lines = read_docx(word_file(tmp_path / "table.docx")).splitlines()
    assert lines[:5] == [
        "一、申报条件",
        "申报单位应满足下表所列条件：",
        "指标｜要求",
        "有效发明专利｜不少于10件",
        "研发人员｜不少于5人",
    ]


def test_headings_are_kept_apart_from_the_paragraph_after_them(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("关于组织申报2022年度省知识产权战略推进计划项目的通知", style="Title")
    document.add_paragraph("")
    document.add_paragraph("各设区市知识产权局，昆山市、泰兴市、沭阳县知识产权局：现将有关事项通知如下")
    document.add_paragraph("申报条件", style="Heading 1")
    document.add_paragraph("正文")
    path = tmp_path / "headings.docx"
    document.save(str(path))
    text = read_docx(path)
    assert text.splitlines()[0] == "# 关于组织申报2022年度省知识产权战略推进计划项目的通知"
    assert "# 申报条件" in text.splitlines()
    paragraphs = [p.text for p in clean(text)]
    assert paragraphs[0] == "关于组织申报2022年度省知识产权战略推进计划项目的通知"  # not joined


def test_deleted_and_hidden_text_are_left_out_and_content_controls_read(tmp_path):
    lines = read_docx(word_file(tmp_path / "revisions.docx")).splitlines()
    assert "二、申报要求（修订）" in lines
    assert "（一）材料真实。" in lines
    assert not any("作废" in line or "隐藏" in line for line in lines)


# --- bad files: one clear message naming the file, nothing half-indexed ---------------------


def test_an_old_word_doc_in_the_manifest_is_refused_with_what_to_do(tmp_path):
    source = FIXTURES / "2024-protection-zone.docx"
    knowledge = knowledge_dir(tmp_path, "2024-protection-zone", source)
    manifest = (knowledge / "manifest.yaml").read_text(encoding="utf-8")
    (knowledge / "manifest.yaml").write_text(manifest.replace(".docx", ".doc"), encoding="utf-8")
    with pytest.raises(ManifestError, match=r"\.doc.*\.docx"):
        load_manifest(knowledge / "manifest.yaml")


def test_a_doc_file_renamed_docx_is_named_and_explained(tmp_path):
    path = tmp_path / "guide.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)
    with pytest.raises(GuideParseError, match=r"guide\.docx.*另存为 \.docx"):
        read_docx(path)


@pytest.mark.parametrize("name", ["broken.docx", "broken.pdf"])
def test_a_corrupt_file_is_named_and_explained(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(b"PK\x03\x04 not really a zip" if name.endswith("docx") else b"%PDF-1.7\n garbage \n")
    reader = read_docx if name.endswith("docx") else read_pdf
    with pytest.raises(GuideParseError, match=re.escape(f"{name} 不是可读取的")):
        reader(path)


def test_an_encrypted_pdf_is_named_and_explained(tmp_path):
    pypdf = pytest.importorskip("pypdf")
    writer = pypdf.PdfWriter(clone_from=str(FIXTURES / "2023-policy-measures.pdf"))
    writer.encrypt(user_password="secret", owner_password="owner")
    path = tmp_path / "locked.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    with pytest.raises(GuideParseError, match=r"locked\.pdf 有密码保护"):
        read_pdf(path)


def test_a_scanned_pdf_without_a_text_layer_is_named_and_explained(tmp_path):
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (800, 1100), "white")
    ImageDraw.Draw(image).rectangle((100, 100, 700, 140), fill="black")  # a "line" of print
    path = tmp_path / "scan.pdf"
    image.save(path)
    with pytest.raises(GuideParseError, match=r"scan\.pdf 没有可提取的文字"):
        read_pdf(path)


def test_index_with_a_bad_source_exits_2_and_writes_nothing(tmp_path):
    knowledge = knowledge_dir(
        tmp_path / "knowledge", "2024-protection-zone", FIXTURES / "2024-protection-zone.pdf"
    )
    (knowledge / "guides" / "2024-protection-zone.pdf").write_bytes(b"%PDF-1.7\n truncated")
    data = tmp_path / "data"
    data.mkdir()
    env = {
        "ASSISTANT_KNOWLEDGE_DIR": str(knowledge),
        "ASSISTANT_DATA_DIR": str(data),
        "PATH": "/usr/bin:/bin",
    }
    result = subprocess.run(
        [sys.executable, "-m", "assistant", "index"],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
    )
    assert result.returncode == 2
    assert "2024-protection-zone.pdf 不是可读取的 PDF" in result.stderr
    assert "Traceback" not in result.stderr and "内部错误" not in result.stderr
    assert list(data.iterdir()) == []
