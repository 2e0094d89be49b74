"""Unit tests of clean() and of how the parser treats numbers that are not headings."""

from __future__ import annotations

import pytest

from assistant.domain import Guide
from assistant.ingest.clean import Paragraph, clean
from assistant.ingest.parse import parse_guide, parse_paragraphs


def texts(raw: str) -> list[str]:
    return [p.text for p in clean(raw)]


def shape(node) -> list:  # node: the parser's private _Node
    """A tree as nested [kind, key, [children…]] lists, for easy comparison."""
    return [[c.kind, c.key, shape(c)] for c in node.children]


def tree(raw: str):
    return parse_paragraphs(clean(raw))


TEST_GUIDE = Guide(
    id="test-guide",
    title="测试指南",
    short_name="测试",
    year=2024,
    issuer="测试局",
    kind="申报指南",
    program="测试",
    applicant_types=("企业",),
    status="现行",
    source="test.txt",
)


# --------------------------------------------------------------------------------------
# Debris
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "debris",
    ["- 18 -", "-18-", "  - 7 -  ", "_1234567891", "_123456", "---", "-----", "***", "[image: image2.wmf]"],
)
def test_debris_lines_are_dropped(debris: str) -> None:
    assert texts(f"甲段。\n{debris}\n乙段。") == ["甲段。", "乙段。"]


def test_inline_debris_is_removed() -> None:
    assert texts("[bookmark: _GoBack]（1）强化知识产权保护整体部署。") == ["（1）强化知识产权保护整体部署。"]
    assert texts("甲[image: a.png]乙。") == ["甲乙。"]


def test_text_that_only_looks_like_debris_is_kept() -> None:
    assert texts("- 附件：1. 甲指南") == ["附件：1. 甲指南"]  # a list dash, not a page number
    assert texts("_12345 是编号。") == ["_12345 是编号。"]
    assert texts("18 - 20 件。") == ["18 - 20 件。"]


def test_debris_only_text_gives_no_paragraphs() -> None:
    assert clean("\n- 1 -\n\n_1234567890\n[image: x.wmf]\n") == []


# --------------------------------------------------------------------------------------
# Markdown
# --------------------------------------------------------------------------------------


def test_markdown_headings_and_bold() -> None:
    paragraphs = clean("## 附件 1\n\n#### **四、项目任务和绩效目标**\n\n##### **（一）设区市**")
    assert paragraphs == [
        Paragraph("附件 1", heading=True),
        Paragraph("四、项目任务和绩效目标", heading=True),
        Paragraph("（一）设区市", heading=True),
    ]


def test_plain_lines_are_not_headings() -> None:
    assert clean("一、支持重点") == [Paragraph("一、支持重点")]


def test_markdown_links_and_escapes() -> None:
    raw = (
        "网上申报通过“系统” ([https://pm.jsipp.cn/nbsgd/jsip\\_pms/main/login.html]"
        "(https://pm.jsipp.cn/nbsgd/jsip_pms/main/login.html)) 报送相关材料。"
    )
    assert texts(raw) == [
        "网上申报通过“系统” (https://pm.jsipp.cn/nbsgd/jsip_pms/main/login.html) 报送相关材料。"
    ]
    assert texts("a\\*b\\#c\\[d\\]") == ["a*b#c[d]"]


def test_markdown_list_dash() -> None:
    assert texts("- 第一项内容。\n* 第二项内容。") == ["第一项内容。", "第二项内容。"]


# --------------------------------------------------------------------------------------
# Hard breaks, page breaks and real paragraph ends
# --------------------------------------------------------------------------------------


def test_hard_break_joins_lines_without_separator() -> None:
    raw = "(一)本项目需指定区域内一项地理标志作为重点培育和  \n保护对象,该地理标志注册时间超过 3 年以上。"
    assert texts(raw) == [
        "(一)本项目需指定区域内一项地理标志作为重点培育和保护对象,该地理标志注册时间超过 3 年以上。"
    ]


def test_hard_break_even_after_a_full_stop() -> None:
    raw = "其他类别上一年度产品销售额在 5000 万元以上。  \n被列为示范区的可不受销售额限制。"
    assert texts(raw) == ["其他类别上一年度产品销售额在 5000 万元以上。被列为示范区的可不受销售额限制。"]


def test_hard_break_before_a_numbered_line_keeps_a_newline() -> None:
    raw = "- 附件：1. 甲指南  \n2. 乙指南  \n3. 丙指南"
    assert texts(raw) == ["附件：1. 甲指南\n2. 乙指南\n3. 丙指南"]


def test_page_break_inside_a_sentence_is_rejoined() -> None:
    raw = "1. 被评为 2020 年度省知识产权工作真抓实干成效明显地\n\n区；"
    assert texts(raw) == ["1. 被评为 2020 年度省知识产权工作真抓实干成效明显地区；"]


def test_page_break_with_page_numbers_is_rejoined() -> None:
    raw = "- 18 -\n\n很长很长很长很长很长很长的条款文字被分页\n\n\n\n- 19 -\n\n打断了的后半句。"
    assert texts(raw) == ["很长很长很长很长很长很长的条款文字被分页打断了的后半句。"]


def test_page_break_inside_a_word_of_a_markdown_link() -> None:
    raw = "网上申报通过“江苏省知识产权项目管理信息\n\n\n\n系统” (https://a.cn) 报送相关材料。"
    assert texts(raw) == ["网上申报通过“江苏省知识产权项目管理信息系统” (https://a.cn) 报送相关材料。"]


def test_real_paragraph_end_is_kept() -> None:
    raw = "（一）申报材料应真实、准确、规范。\n\n（二）申报单位同时进行网上与书面申报。"
    assert texts(raw) == ["（一）申报材料应真实、准确、规范。", "（二）申报单位同时进行网上与书面申报。"]
    raw = "这一段话到这里就已经结束了没有错。\n\n下一段话从这里开始一直写下去。"
    assert texts(raw) == ["这一段话到这里就已经结束了没有错。", "下一段话从这里开始一直写下去。"]


@pytest.mark.parametrize("end", ["；", "：", "）", ")", "！", "？"])
def test_terminal_punctuation_ends_a_paragraph(end: str) -> None:
    raw = f"这一行很长很长很长很长很长很长{end}\n\n下一行也很长很长很长很长很长很长。"
    assert len(clean(raw)) == 2


def test_adjacent_lines_are_separate_paragraphs() -> None:
    raw = "第一段内容很长很长很长很长很长，没有结束\n第二段内容"
    assert texts(raw) == ["第一段内容很长很长很长很长很长，没有结束", "第二段内容"]


def test_numbered_line_after_a_page_break_is_not_joined() -> None:
    raw = "（11）其他特色工作很长很长很长很长很长很长\n\n2. 绩效目标"
    assert texts(raw) == ["（11）其他特色工作很长很长很长很长很长很长", "2. 绩效目标"]


def test_heading_is_never_joined() -> None:
    raw = "## 附件 1\n\n这是附件正文的第一句话很长很长。"
    assert texts(raw) == ["附件 1", "这是附件正文的第一句话很长很长。"]
    raw = "这是一段很长很长很长很长很长的正文没有句号\n\n## 2. 绩效目标"
    assert texts(raw) == ["这是一段很长很长很长很长很长的正文没有句号", "2. 绩效目标"]


def test_short_title_lines_are_not_joined() -> None:
    # a signature after a long line, a date after a signature
    raw = "现印发给你们请认真组织实施并抓好落实\n\n南通市通州区人民政府\n\n2022年11月14日"
    assert texts(raw) == ["现印发给你们请认真组织实施并抓好落实", "南通市通州区人民政府", "2022年11月14日"]


def test_short_previous_line_is_a_title() -> None:
    assert texts("二、申报主体\n\n设区市、县（市、区）人民政府，园区管委会。") == [
        "二、申报主体",
        "设区市、县（市、区）人民政府，园区管委会。",
    ]


def test_title_split_over_a_page_break_is_rejoined() -> None:
    raw = "通州区国家知识产权强县建设示范县\n\n工作方案（2022-2025年）"
    assert texts(raw) == ["通州区国家知识产权强县建设示范县工作方案（2022-2025年）"]


def test_field_line_is_not_joined() -> None:
    raw = "这是一个很长很长很长很长很长的句子没有句号\n\n联系人：张三"
    assert texts(raw) == ["这是一个很长很长很长很长很长的句子没有句号", "联系人：张三"]
    raw = "这是一个很长很长很长很长很长的句子没有句号\n\n电  话：025-83279961"
    assert texts(raw) == ["这是一个很长很长很长很长很长的句子没有句号", "电  话：025-83279961"]


def test_closing_tortoise_bracket_ends_a_paragraph() -> None:
    raw = "1. 实施高价值专利培育工程。很长的正文。〔责任单位：区市场监管局按职责分工负责〕\n\n发挥高新技术产业基地的作用。"
    assert len(clean(raw)) == 2


# --------------------------------------------------------------------------------------
# Encoding repairs and damage notes (the 2023 text)
# --------------------------------------------------------------------------------------


def test_certain_repairs_are_not_damage() -> None:
    assert clean("请认真贯彻执行、/p>") == [Paragraph("请认真贯彻执行。")]
    assert clean("(此件公开发布(/p>") == [Paragraph("(此件公开发布)")]
    assert clean("(省财政厅等按职责分工负责(/p>") == [Paragraph("(省财政厅等按职责分工负责)")]
    # The quote entities are repaired, but the "?" before each may hide a lost character,
    # so it stays and the paragraph is marked (see test_quote_entity_after_a_lost_character_stays_marked).
    [paragraph] = clean("在基金下设?ldquo;苏知?rdquo;政银合作子产品。")
    assert paragraph.text == "在基金下设?“苏知?”政银合作子产品。"
    assert paragraph.damaged


def test_mangled_last_character_is_kept_and_noted() -> None:
    assert clean("江苏省人民政庛/p>") == [
        Paragraph("江苏省人民政庛", damaged=True, damage_notes=("段末字符「庛」为乱码（原字无法辨认）",))
    ]
    [heading] = clean("一、鼓励知识产权高质量创速/p>")
    assert heading.text == "一、鼓励知识产权高质量创速"
    assert heading.damage_notes == ("段末字符「速」为乱码（原字无法辨认）",)


def test_lost_characters_keep_their_question_marks() -> None:
    [p] = clean("开展江苏专利奖评选,对获得金奖的,分别给?0万元?0万元?0万元?万元奖励。")
    assert p.text == "开展江苏专利奖评选,对获得金奖的,分别给?0万元?0万元?0万元?万元奖励。"
    assert p.damaged
    assert p.damage_notes == ("「分别给?0万元?0万元?0万元?万元奖励」中有字符或数字缺失（以?标出）",)


def test_each_illegible_phrase_gets_its_own_note() -> None:
    [p] = clean("本通知?023??9日施行,有效期至2028??8日,(苏政发?017?2号)同时废止、/p>")
    assert p.text == "本通知?023??9日施行,有效期至2028??8日,(苏政发?017?2号)同时废止。"
    assert p.damage_notes == (
        "「本通知?023??9日施行」中有字符或数字缺失（以?标出）",
        "「有效期至2028??8日」中有字符或数字缺失（以?标出）",
        "「苏政发?017?2号」中有字符或数字缺失（以?标出）",
    )


def test_lost_tail_before_p_tag() -> None:
    # the last character itself is a lost one: no "mangled" note, only the lost-span note
    assert clean("2023??9?/p>") == [
        Paragraph("2023??9?", damaged=True, damage_notes=("「2023??9?」中有字符或数字缺失（以?标出）",))
    ]


def test_replacement_character_marks_damage() -> None:
    [p] = clean("本通知\ufffd023年施行。")
    assert p.text == "本通知\ufffd023年施行。"
    assert p.damaged and len(p.damage_notes) == 1


def test_damage_notes_follow_a_page_break_join() -> None:
    [p] = clean("很长很长很长很长很长很长的一句话分别给\n\n?0万元奖励。")
    assert p.text == "很长很长很长很长很长很长的一句话分别给?0万元奖励。"
    assert p.damaged


def test_clean_text_has_no_damage() -> None:
    assert all(not p.damaged for p in clean("一、支持重点\n重点支持我省知识产权基础好的地区。"))


def test_damage_note_stops_at_title_brackets() -> None:
    [p] = clean("认真落实《纲要(2021?035年)》《江苏省知识产权强省建设纲要?021?035年)》,充分发挥作用。")
    assert "「江苏省知识产权强省建设纲要?021?035年」中有字符或数字缺失（以?标出）" in p.damage_notes


def test_quote_entity_after_a_lost_character_stays_marked() -> None:
    [p] = clean("探?ldquo;贷款+外部直?rdquo;等业务新模式。")
    assert p.damaged
    assert "?" in p.text


def test_question_mark_in_url_is_not_damage() -> None:
    [p] = clean("详见网站（https://www.jsipp.cn/list?id=12）。")
    assert not p.damaged


# --------------------------------------------------------------------------------------
# Cross-references are not headings
# --------------------------------------------------------------------------------------

CONDITIONS = "一、申报条件\n（一）设区市应符合下列条件：\n1. 条件甲；\n2. 条件乙。\n（二）县应符合下列条件：\n1. 条件丙。"
CONDITIONS_SHAPE = [
    [
        "section",
        "1",
        [
            ["paren_cn", "1", [["num", "1", []], ["num", "2", []]]],
            ["paren_cn", "2", [["num", "1", []]]],
        ],
    ]
]


def test_plain_numbering_shape() -> None:
    assert shape(tree(CONDITIONS)) == CONDITIONS_SHAPE


def test_mid_line_cross_reference_stays_text() -> None:
    raw = CONDITIONS.replace("1. 条件甲；", "1. 条件甲，按照本指南（二）的规定执行；")
    root = tree(raw)
    assert shape(root) == CONDITIONS_SHAPE
    item = root.children[0].children[0].children[0]
    assert [p.text for p in item.parts] == ["1. 条件甲，按照本指南（二）的规定执行；"]


def test_mid_line_cross_reference_with_parse_guide() -> None:
    raw = "一、申报条件\n（一）企业应符合本指南三（二）的规定。\n（二）高校应符合本指南一、的要求。\n二、申报要求"
    clauses = parse_guide(TEST_GUIDE, raw)
    assert [c.id for c in clauses] == [
        "test-guide",
        "test-guide:1",
        "test-guide:1.1",
        "test-guide:1.2",
        "test-guide:2",
    ]
    assert clauses[2].text == "（一）企业应符合本指南三（二）的规定。"
    assert clauses[2].ref == "2024 测试 一（一）"


def test_in_sequence_number_after_a_page_break_is_a_heading() -> None:
    # a heading that follows the numbering is one, even after a line that does not end a sentence
    raw = "一、申报条件\n（一）设区市应符合下列条件很长很长很长\n\n（二）县应符合下列条件：\n1. 条件丙。"
    assert [c.key for c in tree(raw).children[0].children] == ["1", "2"]


def test_out_of_sequence_paren_number_at_line_start_stays_text() -> None:
    raw = CONDITIONS.replace("2. 条件乙。", "2. 条件乙，具体要求见本指南\n（三）的规定。")
    root = tree(raw)
    assert shape(root) == CONDITIONS_SHAPE
    item = root.children[0].children[0].children[1]
    assert "（三）的规定。" in [p.text for p in item.parts]


def test_repeated_first_number_at_line_start_stays_text() -> None:
    raw = "一、申报条件\n（一）设区市应符合下列条件，具体要求见本指南的\n\n（一）项规定。\n（二）县应符合下列条件："
    root = tree(raw)
    assert [[c.kind, c.key, len(c.children)] for c in root.children[0].children] == [
        ["paren_cn", "1", 0],
        ["paren_cn", "2", 0],
    ]


def test_section_cross_reference_at_line_start_does_not_swallow_the_next_section() -> None:
    raw = "一、总则\n二、条件\n1. 甲\n2. 乙，参照本指南\n一、的要求。\n三、附则"
    ids = [c.id for c in parse_guide(TEST_GUIDE, raw)]
    assert "test-guide:3" in ids
    assert ids == [
        "test-guide",
        "test-guide:1",
        "test-guide:2",
        "test-guide:2.1",
        "test-guide:2.2",
        "test-guide:3",
    ]
