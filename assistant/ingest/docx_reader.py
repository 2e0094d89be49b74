"""Read a Word guide (.docx) as the text path reads a .txt: one paragraph a line.

Each numbered paragraph gets back the marker Word draws from `numbering.xml`
(word_numbering.py), so the numbering parser sees 「三、」「（一）」「1.」 as in a text file.
A heading (a Title or Heading style, or an outline level) is written as a Markdown heading,
as the .md sources have them: cleaning then never joins it with the paragraph after it.
Tables become one line a row, cells joined by 「｜」, so a row stays together in the clause
it follows. Headers, footers, footnotes, comments, text boxes and deleted text are not
clause text and are left out. python-docx opens the package; lxml reads the XML.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

from ..errors import GuideParseError
from .word_numbering import NS, W_NS, WordNumbering

CELL_SEPARATOR = "｜"
BODY_LEVEL = 9  # w:outlineLvl 9 is body text; 0-8 are heading levels
OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # the old binary .doc (and encrypted Office files)
# Runs that are not the paragraph's own visible text.
RUNS = ".//w:r[not(ancestor::w:del) and not(ancestor::w:moveFrom) and not(ancestor::w:txbxContent)]"


def read_docx(path: Path) -> str:
    """The guide's text with Word's numbering restored; raises GuideParseError."""
    document = _open(path)
    body = document.element.body
    numbering_part = _numbering_part(document)
    numbering = WordNumbering(
        numbering_part.element if numbering_part is not None else None,
        document.styles.element,
    )
    headings = heading_styles(document.styles.element)
    lines: list[str] = []
    for block in _blocks(body):
        if block.tag == f"{{{W_NS}}}p":
            text = numbering.marker(block) + paragraph_text(block)
            level = _outline_level(block, headings)
            lines.append(f"{'#' * (level + 1)} {text}" if level is not None and text.strip() else text)
        else:
            lines.extend(_table_rows(block))
    return "\n".join(lines)


def heading_styles(styles: Any) -> dict[str, int]:
    """Style id → outline level, for the Title style, the Heading styles and any style with
    an outline level of its own or through its `basedOn` chain."""
    own: dict[str, int] = {}
    parents: dict[str, str] = {}
    for style in styles.findall("w:style", NS):
        style_id = style.get(f"{{{W_NS}}}styleId")
        level = style.find("w:pPr/w:outlineLvl", NS)
        if level is not None and level.get(f"{{{W_NS}}}val", "9").isdigit():
            own[style_id] = int(level.get(f"{{{W_NS}}}val"))
        elif style_id == "Title":
            own[style_id] = 0
        parent = style.find("w:basedOn", NS)
        if parent is not None:
            parents[style_id] = parent.get(f"{{{W_NS}}}val")
    levels: dict[str, int] = {}
    for style_id in {*own, *parents}:
        current, seen = style_id, set()
        while current and current not in own and current not in seen:
            seen.add(current)
            current = parents.get(current)
        if current in own and own[current] < BODY_LEVEL:
            levels[style_id] = own[current]
    return levels


def _outline_level(paragraph: Any, headings: dict[str, int]) -> int | None:
    own = paragraph.find("w:pPr/w:outlineLvl", NS)
    if own is not None and own.get(f"{{{W_NS}}}val", "9").isdigit():
        level = int(own.get(f"{{{W_NS}}}val"))
        return level if level < BODY_LEVEL else None
    style = paragraph.find("w:pPr/w:pStyle", NS)
    return headings.get(style.get(f"{{{W_NS}}}val")) if style is not None else None


def _open(path: Path) -> Any:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    with path.open("rb") as handle:
        magic = handle.read(4)
    if magic == OLE_MAGIC:
        raise GuideParseError(
            f"{path.name} 是旧版 Word（.doc）或加密的文件：请在 Word 或 LibreOffice 中取消密码并另存为 .docx 后重试。"
        )
    try:
        return docx.Document(str(path))
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError) as exc:
        raise GuideParseError(
            f"{path.name} 不是可读取的 .docx 文件（{type(exc).__name__}）：请用 Word 重新保存，或换用 .txt。"
        ) from exc


def _numbering_part(document: Any) -> Any:
    try:
        return document.part.numbering_part
    except (KeyError, NotImplementedError):
        return None  # a document without numbering.xml


def _blocks(container: Any) -> list[Any]:
    """Paragraphs and tables in reading order, looking inside content controls (w:sdt)."""
    blocks: list[Any] = []
    for child in container:
        if child.tag in (f"{{{W_NS}}}p", f"{{{W_NS}}}tbl"):
            blocks.append(child)
        elif child.tag == f"{{{W_NS}}}sdt":
            content = child.find("w:sdtContent", NS)
            if content is not None:
                blocks.extend(_blocks(content))
    return blocks


def paragraph_text(paragraph: Any) -> str:
    """The visible text of a w:p: its runs (inserted text included, deleted text not)."""
    parts: list[str] = []
    for run in paragraph.xpath(RUNS):
        if run.find("w:rPr/w:vanish", NS) is not None:
            continue  # hidden text
        for child in run:
            tag = child.tag.rsplit("}", 1)[-1]
            if tag == "t":
                parts.append(child.text or "")
            elif tag == "tab":
                parts.append("\t")
            elif tag in ("br", "cr") and child.get(f"{{{W_NS}}}type") in (None, "textWrapping"):
                parts.append("\n")
    return "".join(parts)


def _table_rows(table: Any) -> list[str]:
    rows: list[str] = []
    for row in table.findall("w:tr", NS):
        cells = []
        for cell in row.findall("w:tc", NS):
            texts = [paragraph_text(p) for p in cell.iter(f"{{{W_NS}}}p")]
            cells.append(" ".join(t.strip() for t in texts if t.strip()))
        if any(cells):
            rows.append(CELL_SEPARATOR.join(cells))
    return rows
