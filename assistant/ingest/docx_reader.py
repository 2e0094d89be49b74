"""Read a Word guide (.docx) as the text path reads a .txt: one paragraph a line.

Each numbered paragraph gets back the marker Word draws from `numbering.xml`
(word_numbering.py), so the numbering parser sees 「三、」「（一）」「1.」 as in a text file.
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
    lines: list[str] = []
    for block in _blocks(body):
        if block.tag == f"{{{W_NS}}}p":
            lines.append(numbering.marker(block) + paragraph_text(block))
        else:
            lines.extend(_table_rows(block))
    return "\n".join(lines)


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
