"""Word's automatic numbering rendered as Word draws it (unit tests on hand-written XML)."""

from __future__ import annotations

import pytest
from lxml import etree

from assistant.ingest.word_numbering import W_NS, WordNumbering, format_number

NS_DECL = f'xmlns:w="{W_NS}"'


def lvl(ilvl: int, fmt: str, text: str, extra: str = "", start: int = 1) -> str:
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>{extra}'
        f'<w:lvlText w:val="{text}"/></w:lvl>'
    )


MULTI = (
    lvl(0, "chineseCounting", "%1、")
    + lvl(1, "chineseCounting", "（%2）")
    + lvl(2, "decimal", "%3.")
    + lvl(3, "decimal", "（%4）")
)


def numbering(abstracts: str, nums: str) -> etree._Element:
    return etree.fromstring(f"<w:numbering {NS_DECL}>{abstracts}{nums}</w:numbering>")


def abstract(abstract_id: int, levels: str) -> str:
    return f'<w:abstractNum w:abstractNumId="{abstract_id}">{levels}</w:abstractNum>'


def num(num_id: int, abstract_id: int, overrides: str = "") -> str:
    return f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>{overrides}</w:num>'


def para(num_id: int | None = None, ilvl: int | None = None, style: str | None = None) -> etree._Element:
    parts = []
    if style:
        parts.append(f'<w:pStyle w:val="{style}"/>')
    if num_id is not None or ilvl is not None:
        inner = (f'<w:ilvl w:val="{ilvl}"/>' if ilvl is not None else "") + (
            f'<w:numId w:val="{num_id}"/>' if num_id is not None else ""
        )
        parts.append(f"<w:numPr>{inner}</w:numPr>")
    return etree.fromstring(f"<w:p {NS_DECL}><w:pPr>{''.join(parts)}</w:pPr></w:p>")


def render(numbers: WordNumbering, paragraphs: list[tuple]) -> list[str]:
    return [numbers.marker(para(*p)) for p in paragraphs]


def test_levels_restart_under_a_new_parent_and_continue_otherwise():
    numbers = WordNumbering(numbering(abstract(1, MULTI), num(1, 1)), None)
    shown = render(numbers, [(1, 0), (1, 1), (1, 2), (1, 2), (1, 1), (1, 2), (1, 3), (1, 0), (1, 1)])
    assert shown == ["一、", "（一）", "1.", "2.", "（二）", "1.", "（1）", "二、", "（一）"]


def test_lvl_restart_zero_numbers_a_level_straight_through_its_parents():
    levels = lvl(0, "chineseCounting", "%1、") + lvl(
        1, "chineseCounting", "(%2)", '<w:lvlRestart w:val="0"/>'
    )
    numbers = WordNumbering(numbering(abstract(1, levels), num(1, 1)), None)
    assert render(numbers, [(1, 0), (1, 1), (1, 1), (1, 0), (1, 1)]) == [
        "一、",
        "(一)",
        "(二)",
        "二、",
        "(三)",
    ]


def test_lvl_restart_n_restarts_only_after_levels_one_to_n():
    levels = MULTI + lvl(4, "decimal", "%5)", '<w:lvlRestart w:val="1"/>')
    numbers = WordNumbering(numbering(abstract(1, levels), num(1, 1)), None)
    shown = render(numbers, [(1, 0), (1, 4), (1, 1), (1, 4), (1, 0), (1, 4)])
    assert shown == ["一、", "1)", "（一）", "2)", "二、", "1)"]


def test_a_start_override_restarts_its_level_where_its_num_is_first_used():
    nums = num(1, 1) + num(2, 1, '<w:lvlOverride w:ilvl="1"><w:startOverride w:val="2"/></w:lvlOverride>')
    numbers = WordNumbering(numbering(abstract(1, MULTI), nums), None)
    shown = render(numbers, [(1, 0), (2, 1), (1, 2), (1, 1), (1, 0)])
    assert shown == ["一、", "（二）", "1.", "（三）", "二、"]


def test_two_nums_of_one_list_continue_each_other():
    numbers = WordNumbering(numbering(abstract(1, MULTI), num(1, 1) + num(2, 1)), None)
    assert render(numbers, [(1, 0), (2, 0), (1, 0)]) == ["一、", "二、", "三、"]


def test_a_level_override_replaces_the_level_for_that_num():
    override = '<w:lvlOverride w:ilvl="0">' + lvl(0, "decimal", "第%1条", start=5) + "</w:lvlOverride>"
    numbers = WordNumbering(numbering(abstract(1, MULTI), num(1, 1) + num(2, 1, override)), None)
    assert render(numbers, [(2, 0), (2, 0)]) == ["第5条", "第6条"]


def test_numbering_comes_through_the_style_chain():
    styles = etree.fromstring(
        f"<w:styles {NS_DECL}>"
        '<w:style w:styleId="Heading1"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
        '<w:style w:styleId="GuideSection"><w:basedOn w:val="Heading1"/></w:style>'
        '<w:style w:styleId="Sub"><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
        "</w:styles>"
    )
    numbers = WordNumbering(numbering(abstract(1, MULTI), num(1, 1)), styles)
    shown = render(
        numbers, [(None, None, "GuideSection"), (None, None, "Sub"), (None, 2, "Sub"), (None, None, "Normal")]
    )
    assert shown == ["一、", "（一）", "1.", ""]


def test_a_level_tied_to_a_style_by_pstyle():
    levels = lvl(0, "chineseCounting", "%1、", '<w:pStyle w:val="H1"/>') + lvl(
        1, "chineseCounting", "（%2）", '<w:pStyle w:val="H2"/>'
    )
    styles = etree.fromstring(
        f"<w:styles {NS_DECL}>"
        '<w:style w:styleId="H1"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
        '<w:style w:styleId="H2"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
        "</w:styles>"
    )
    numbers = WordNumbering(numbering(abstract(1, levels), num(1, 1)), styles)
    assert render(numbers, [(None, None, "H1"), (None, None, "H2"), (None, None, "H2")]) == [
        "一、",
        "（一）",
        "（二）",
    ]


def test_num_id_zero_and_unknown_ids_are_not_numbered():
    numbers = WordNumbering(numbering(abstract(1, MULTI), num(1, 1)), None)
    assert render(numbers, [(0, 0), (9, 0), (None, None)]) == ["", "", ""]


def test_multi_level_text_and_legal_numbering():
    levels = lvl(0, "chineseCounting", "%1、") + lvl(1, "decimal", "%1.%2", "<w:isLgl/>")
    numbers = WordNumbering(numbering(abstract(1, levels), num(1, 1)), None)
    assert render(numbers, [(1, 0), (1, 1), (1, 1)]) == ["一、", "1.1", "1.2"]


def test_bullets_draw_no_marker():
    numbers = WordNumbering(numbering(abstract(1, lvl(0, "bullet", "•")), num(1, 1)), None)
    assert render(numbers, [(1, 0)]) == [""]


@pytest.mark.parametrize(
    ("value", "fmt", "expected"),
    [
        (11, "chineseCounting", "十一"),
        (21, "chineseCountingThousand", "二十一"),
        (3, "decimalEnclosedCircle", "③"),
        (2, "ideographTraditional", "乙"),
        (12, "decimalFullWidth", "１２"),
        (4, "upperRoman", "IV"),
        (28, "lowerLetter", "bb"),
        (7, "someFormatWordMayAdd", "7"),
    ],
)
def test_number_formats(value, fmt, expected):
    assert format_number(value, fmt) == expected
