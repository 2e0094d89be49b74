"""Read a born-digital PDF guide as the text path reads a .txt: one paragraph a line.

pdfplumber (MIT, on pdfminer.six) gives each text line with its position. The reader
- drops what is not clause text: running headers and footers (text in the top or bottom
  band that repeats across pages, or a page number such as 「- 3 -」), footnotes (below
  the short rule Word and LibreOffice draw above them) and footnote anchors (characters
  much smaller than the body text);
- re-joins lines that a wrap or a page break split: a line continues the one before when
  its first unbreakable unit (a word, or a character with its punctuation) would not have
  fitted on that line (or that line ends mid-sentence near the edge: justification and
  punctuation rules leave up to two characters free), no blank gap lies between, and it is neither indented nor a
  numbered item after a finished sentence;
- keeps a blank line where the page shows a blank paragraph, so cleaning treats a split
  sentence as it does in a text file;
- removes the spaces PDF text puts between Chinese and digits (「2024 年」).
"""

from __future__ import annotations

import itertools
import math
import re
import statistics
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import GuideParseError
from .numbering import ANY

CJK = r"\u3000-\u303f\u3400-\u9fff\uff00-\uffef"
CJK_SPACE = re.compile(rf"(?<=[{CJK}])[ \t]+(?=[{CJK}0-9A-Za-z%])|(?<=[0-9A-Za-z%])[ \t]+(?=[{CJK}])")
PAGE_NUMBER = re.compile(
    r"^(?:[-—–]\s*\d{1,4}\s*[-—–]|第\s*\d{1,4}\s*页(?:\s*共\s*\d+\s*页)?|\d{1,4}(?:\s*/\s*\d{1,4})?)$"
)
NUMBERED = re.compile(f"^{ANY}")
SENTENCE_END = tuple("。；：！？!?;:")
# A line that ends in a character, a word or one of these marks may go on in the next line;
# a numbered line after any other ending (。 ； ） 》 …) is a new item.
GOES_ON = re.compile(r"[\u3400-\u9fff0-9A-Za-z，,、（(《「『“‘【\-]$")
# Line-breaking classes (after Unicode UAX #14): no break after an opening mark, none
# before a closing mark, none on either side of a quotation mark (“ ” are ambiguous quotes).
OPENING = "（(《「『【〔"
CLOSING = "，,。、；;：:！!？?）)》」』】〕%"
QUOTES = "“”‘’\"'"
LATIN_WORD = re.compile(r"[0-9A-Za-z.%\-]+")
BAND = 0.09  # the top and bottom 9% of a page hold running headers and footers
RUNNING_SHARE = 0.5  # band text on at least this share of the pages is running text
ANCHOR_SIZE = 0.8  # characters under 80% of the body size are footnote anchors
LATIN_WIDTH = 0.55  # a Latin letter or digit is about this share of a Chinese character
OPEN_LINE_CHARS = 2.5  # a line this close to the edge that ends mid-sentence was wrapped
INDENT_CHARS = 0.8  # a line starting this many characters right of the margin is indented
BLANK_GAP = 1.6  # a gap over this many line pitches shows a blank paragraph
MIN_CHARS_PER_PAGE = 5  # fewer: the PDF has no text layer (a scan)


@dataclass(frozen=True)
class _Line:
    page: int
    text: str
    x0: float
    x1: float
    top: float
    size: float


def read_pdf(path: Path) -> str:
    """The guide's text, one paragraph a line; raises GuideParseError."""
    lines, page_count = _read_lines(path)
    if len("".join(line.text for line in lines)) < MIN_CHARS_PER_PAGE * max(page_count, 1):
        raise GuideParseError(
            f"{path.name} 没有可提取的文字（可能是扫描件）：请提供带文字层的 PDF，或 .docx / .txt 版本。"
        )
    return "\n".join(_paragraphs(lines))


def _read_lines(path: Path) -> tuple[list[_Line], int]:
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    try:
        with pdfplumber.open(str(path)) as pdf:
            pages = [_page_lines(number, page) for number, page in enumerate(pdf.pages)]
    except Exception as exc:  # pdfminer raises many kinds for a damaged file
        causes = (exc, exc.__cause__, *exc.args)  # pdfplumber wraps pdfminer's errors
        if any(isinstance(cause, PDFPasswordIncorrect | PDFEncryptionError) for cause in causes):
            raise GuideParseError(
                f"{path.name} 有密码保护：请提供未加密的 PDF，或 .docx / .txt 版本。"
            ) from exc
        raise GuideParseError(
            f"{path.name} 不是可读取的 PDF（{type(exc).__name__}）：请重新导出 PDF，或换用 .docx / .txt。"
        ) from exc
    return _drop_running_lines(pages), len(pages)


def _page_lines(number: int, page: Any) -> list[tuple[_Line, float]]:
    """The page's text lines above any footnote rule, with the page height."""
    chars = page.chars
    if not chars:
        return []
    body_size = Counter(round(c["size"], 1) for c in chars).most_common(1)[0][0]
    rule = _footnote_rule(page)
    kept = page.filter(
        lambda obj: (
            obj.get("object_type") != "char"
            or (obj["size"] >= ANCHOR_SIZE * body_size and (rule is None or obj["top"] < rule))
        )
    )
    found = []
    for raw in kept.extract_text_lines(strip=True, return_chars=True):
        text = CJK_SPACE.sub("", raw["text"]).strip()
        if text:
            size = statistics.median(c["size"] for c in raw["chars"])
            line = _Line(number, text, raw["x0"], raw["x1"], raw["top"], size)
            found.append((line, float(page.height)))
    return found


def _footnote_rule(page: Any) -> float | None:
    """The top of the short horizontal rule above footnotes, if the page has one."""
    for rect in (*page.rects, *page.lines):
        thin = abs(rect["bottom"] - rect["top"]) <= 1.5
        short = (rect["x1"] - rect["x0"]) < 0.5 * page.width
        if thin and short and rect["top"] > page.height / 2:
            return float(rect["top"])
    return None


def _drop_running_lines(pages: list[list[tuple[_Line, float]]]) -> list[_Line]:
    """Drop headers, footers and page numbers: band text that repeats on at least half the
    pages (digits aside, at the same edge), or that counts pages."""

    def in_band(line: _Line, height: float) -> bool:
        return line.top < BAND * height or line.top > (1 - BAND) * height

    def shape(text: str) -> str:
        return re.sub(r"\d+", "#", re.sub(r"\s+", "", text))

    def key(line: _Line, height: float) -> tuple[str, bool]:
        return shape(line.text), line.top < height / 2

    repeated = Counter(key(line, height) for page in pages for line, height in page if in_band(line, height))
    running = max(2, math.ceil(RUNNING_SHARE * len(pages)))
    body: list[_Line] = []
    for page in pages:
        for line, height in page:
            if in_band(line, height) and (
                PAGE_NUMBER.match(line.text) or repeated[key(line, height)] >= running
            ):
                continue
            body.append(line)
    return body


def _paragraphs(lines: list[_Line]) -> list[str]:
    if not lines:
        return []
    size = statistics.median(line.size for line in lines)
    left = Counter(round(line.x0) for line in lines).most_common(1)[0][0]
    right = max(line.x1 for line in lines)
    pitch = _pitch(lines, size)
    out: list[str] = []
    previous: _Line | None = None
    for line in lines:
        gap = (
            previous is not None
            and line.page == previous.page
            and line.top - previous.top > BLANK_GAP * pitch
        )
        if previous is not None and not gap and _continues(previous, line, left, right, size):
            out[-1] += (" " if _latin_join(out[-1], line.text) else "") + line.text
        else:
            if gap:
                out.append("")
            out.append(line.text)
        previous = line
    return out


def _pitch(lines: list[_Line], size: float) -> float:
    steps = [b.top - a.top for a, b in itertools.pairwise(lines) if a.page == b.page and b.top > a.top]
    return statistics.median(steps) if steps else 1.5 * size


def _continues(previous: _Line, line: _Line, left: float, right: float, size: float) -> bool:
    """Is `line` the wrapped rest of the paragraph `previous` ends?"""
    room = right - previous.x1
    unfinished = previous.text.endswith(tuple(OPENING + QUOTES[::2])) or (
        not previous.text.endswith(SENTENCE_END) and room < OPEN_LINE_CHARS * size
    )
    full = unfinished or _first_unit_width(line.text, size) > room + 0.25 * size
    indented = line.x0 - left >= INDENT_CHARS * size
    new_item = NUMBERED.match(line.text) is not None and not GOES_ON.search(previous.text)
    return full and not indented and not new_item and abs(line.size - previous.size) < 0.5


def first_unit(text: str) -> str:
    """The start of `text` that a line break cannot split: opening marks, a Latin word or one
    character, then the closing marks, and whatever a quotation mark glues on either side."""
    end = 0
    while end < len(text) and text[end] in OPENING + QUOTES:
        end += 1
    end = _word_end(text, end)
    while end < len(text) and (text[end] in CLOSING + QUOTES or text[end - 1] in QUOTES):
        end = end + 1 if text[end] in CLOSING + QUOTES else _word_end(text, end)
    return text[:end]


def _word_end(text: str, start: int) -> int:
    word = LATIN_WORD.match(text, start)
    return word.end() if word else min(start + 1, len(text))


def _first_unit_width(text: str, size: float) -> float:
    """How wide the start of `text` is that would have had to fit on the line before."""
    return sum(LATIN_WIDTH * size if char.isascii() else size for char in first_unit(text))


def _latin_join(before: str, after: str) -> bool:
    """Two Latin words split by a wrap keep their space; Chinese text has none."""
    return (
        bool(before)
        and bool(after)
        and before[-1].isascii()
        and before[-1].isalpha()
        and after[0].isascii()
        and after[0].isalpha()
    )
