"""Short forms of names (assistant/text/abbreviation.py): read only when unmistakable."""

from __future__ import annotations

import pytest

from assistant.text.abbreviation import NameWords, shortened_name

WORDS = NameWords(("指南", "措施", "方案", "政策", "项目", "计划", "专项", "文件", "通知"), (), ("奖",))
NAMES = {
    "关于高标准推进知识产权强省建设的若干政策措施": "policy",
    "2024年度省知识产权建设示范(保护示范区)项目申报指南": "zone",
    "2022年度省知识产权保护示范区创建项目申报指南": "zone",
    "高校院所知识产权运营能力提升": "transfer",
    "2022年度省专利转化专项计划项目申报指南": "transfer",
    "通州区国家知识产权强县建设示范县工作方案(2022-2025年)": "tongzhou",
    "2022年度省商标品牌培育和保护项目(地理标志)申报指南": "gi",
    "2022年度省商标品牌培育和保护项目(工业品牌)申报指南": "industrial",
}


@pytest.mark.parametrize(
    ("text", "span", "owner"),
    [
        ("强省措施第十三条讲什么", "强省措施", "policy"),
        ("2024保护区指南第六条", "保护区指南", "zone"),
        ("高校院所运营能力提升项目做几年", "高校院所运营能力提升项目", "transfer"),  # 项目 added
        ("通州强县工作方案六、保障措施", "通州强县工作方案", "tongzhou"),
        ("我们报保护示范区项目", "保护示范区项目", "zone"),
    ],
)
def test_a_short_form_names_its_owner(text: str, span: str, owner: str) -> None:
    found = shortened_name(text, NAMES, WORDS)
    assert found is not None
    start, end, got = found
    assert (text[start:end], got) == (span, owner)


@pytest.mark.parametrize(
    "text",
    [
        "我们县能报这个项目吗",  # no name's characters
        "知识产权项目有哪些",  # fits several programs: names none, and no shorter tail is tried
        "保护项目",  # 保护 is in the 保护示范区 and the 商标品牌 titles
        "工业项目",  # two characters before an added closing word are too few
        "省里有什么知识产权政策",  # fits the measures and, with 政策 added, a direction's title
        "我们前年拿过省专利项目奖",  # 奖 after it: an award, not the 专利转化 program
    ],
)
def test_a_short_form_that_is_not_unmistakable_names_nothing(text: str) -> None:
    assert shortened_name(text, NAMES, WORDS) is None


def test_a_short_form_keeps_the_place_a_name_holds() -> None:
    """Another place's 「强县工作方案」 is not 通州's."""
    words = NameWords(WORDS.heads, keep=("通州",))
    assert shortened_name("崇川区有没有类似的强县工作方案", NAMES, words) is None
    assert shortened_name("通州强县工作方案", NAMES, words)[2] == "tongzhou"
