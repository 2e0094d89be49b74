"""verify(): citation markers, figures against the cited clauses, damaged sources, fallback."""

from __future__ import annotations

import pytest

from assistant.domain import Citation, WarningCode
from assistant.llm.verify import (
    chinese_to_int,
    normalize_numbers,
    verify,
)


def clause(text: str, label: str = "一、", title: str = "2024年度知识产权保护示范区申报指南") -> Citation:
    return Citation("g2024", title, f"c-{abs(hash(text)) % 10**6}", label, text)


DEADLINE = clause("申报材料须于2022年2月15日前报送，逾期不予受理。")
AWARD = clause("对获得江苏专利奖金奖的，给予30万元奖励；银奖给予20万元奖励。")
BUDGET = clause("省级财政安排专项资金1.2亿元，单个项目支持不超过2000万元。")
RATIO = clause("地方配套资金不低于省级资助的50％。")
TERM = clause("建设期为三年，每个单位限报十二个项目。")
DAMAGED = clause("对获得金奖、银奖的，分别给?0万元?0万元奖励。")


# --- markers -----------------------------------------------------------------------------------


def test_valid_markers_are_kept_and_reported() -> None:
    result = verify("金奖奖励30万元[1]。截止日期是2022年2月15日[2]。", [AWARD, DEADLINE])
    assert result.text == "金奖奖励30万元[1]。截止日期是2022年2月15日[2]。"
    assert result.cited == (1, 2)
    assert result.warnings == ()
    assert result.fallback is False


def test_marker_beyond_the_citations_is_removed() -> None:
    result = verify("请按时报送材料[1][3]。", [DEADLINE])
    assert result.text == "请按时报送材料[1]。"
    assert result.cited == (1,)
    assert WarningCode.CITATION_INVALID in result.warnings
    assert result.fallback is False


@pytest.mark.parametrize("marker", ["[0]", "[2]", "[12]"])
def test_out_of_range_markers_are_invalid(marker: str) -> None:
    result = verify(f"请按时报送材料{marker}。", [DEADLINE])
    assert marker not in result.text
    assert result.warnings == (WarningCode.CITATION_INVALID, WarningCode.LLM_FALLBACK)
    assert result.fallback is True


def test_grouped_and_fullwidth_markers_are_normalised() -> None:
    result = verify("金奖30万元，截止2022年2月15日【1、2】。", [AWARD, DEADLINE])
    assert result.text == "金奖30万元，截止2022年2月15日[1][2]。"
    assert result.cited == (1, 2)


def test_marker_after_the_full_stop_belongs_to_the_sentence_before() -> None:
    result = verify("金奖奖励30万元。[1]银奖奖励20万元。[1]", [AWARD])
    assert result.removed == ()
    assert result.text == "金奖奖励30万元。[1]银奖奖励20万元。[1]"
    invented = verify("金奖奖励30万元。[1]铜奖奖励10万元。[1]", [AWARD])
    assert invented.removed == ("铜奖奖励10万元。[1]",)
    assert invented.text == "金奖奖励30万元。[1]"


def test_marker_opening_a_line_stays_on_that_line() -> None:
    result = verify("依据如下：\n[1] 金奖奖励30万元", [AWARD])
    assert result.text == "依据如下：\n[1] 金奖奖励30万元"
    assert result.cited == (1,)


# --- figures -----------------------------------------------------------------------------------


def test_number_absent_from_the_cited_clause_removes_its_sentence() -> None:
    result = verify("金奖奖励30万元[1]。铜奖奖励10万元[1]。", [AWARD])
    assert result.text == "金奖奖励30万元[1]。"
    assert result.removed == ("铜奖奖励10万元[1]。",)
    assert result.warnings == (WarningCode.UNVERIFIED_REMOVED,)
    assert result.fallback is False


def test_number_must_be_in_a_cited_clause_not_just_a_given_one() -> None:
    result = verify("截止日期为2022年2月15日[1]。金奖奖励30万元。", [DEADLINE, AWARD])
    assert result.removed == ("金奖奖励30万元。",)
    assert result.cited == (1,)


def test_a_sentence_may_rely_on_a_clause_cited_elsewhere_in_the_answer() -> None:
    result = verify("金奖奖励30万元。银奖奖励20万元[1]。", [AWARD])
    assert result.removed == ()


def test_answer_citing_nothing_fails_its_numbers_and_falls_back() -> None:
    result = verify("金奖奖励30万元。", [AWARD])
    assert result.removed == ("金奖奖励30万元。",)
    assert result.fallback is True
    assert result.warnings == (WarningCode.UNVERIFIED_REMOVED, WarningCode.LLM_FALLBACK)


def test_text_without_figures_is_kept() -> None:
    result = verify("逾期不予受理[1]。请注意报送方式。", [DEADLINE])
    assert result.text == "逾期不予受理[1]。请注意报送方式。"
    assert result.removed == ()


def test_removing_the_only_marker_of_a_clause_withdraws_its_support() -> None:
    # The second sentence's 30万元 is only supported by [2], whose sole marker sits in a sentence
    # that is removed for its invented 99万元.
    result = verify("截止日期2022年2月15日[1]。金奖30万元，另有99万元[2]。金奖是30万元。", [DEADLINE, AWARD])
    assert result.removed == ("金奖30万元，另有99万元[2]。", "金奖是30万元。")
    assert result.cited == (1,)


@pytest.mark.parametrize(
    "answer",
    [
        "截止日期是2022 年 2 月 15 日[1]。",
        "截止日期是２０２２年２月１５日[1]。",
        "截止日期是2月15日[1]。",
        "截止日期是2022-2-15[1]。",
    ],
)
def test_dates_match_across_spacing_and_width(answer: str) -> None:
    assert verify(answer, [DEADLINE]).removed == ()


@pytest.mark.parametrize(
    "answer", ["截止日期是2022年3月15日[1]。", "截止日期是2023年2月15日[1]。", "截止日期是2月16日[1]。"]
)
def test_a_different_date_is_removed(answer: str) -> None:
    assert verify(answer, [DEADLINE]).removed == (answer,)


@pytest.mark.parametrize(
    "answer", ["配套不低于50%[1]。", "配套不低于50 ％[1]。", "配套不低于百分之五十[1]。"]
)
def test_percentages_match(answer: str) -> None:
    assert verify(answer, [RATIO]).removed == ()


@pytest.mark.parametrize("answer", ["配套不低于40%[1]。", "配套不低于5%[1]。"])
def test_a_different_percentage_is_removed(answer: str) -> None:
    assert verify(answer, [RATIO]).removed == (answer,)


@pytest.mark.parametrize(
    "answer", ["建设期3年[1]。", "每个单位最多报12个项目[1]。", "建设期为三年，限报十二个[1]。"]
)
def test_chinese_numerals_equal_arabic(answer: str) -> None:
    assert verify(answer, [TERM]).removed == ()


@pytest.mark.parametrize("answer", ["建设期为五年[1]。", "建设期4年[1]。", "每个单位限报二十个项目[1]。"])
def test_wrong_chinese_or_arabic_counts_are_removed(answer: str) -> None:
    assert verify(answer, [TERM]).removed == (answer,)


@pytest.mark.parametrize(
    "answer",
    [
        "专项资金12000万元[1]。",
        "专项资金1.2亿元[1]。",
        "单个项目不超过2000 万元[1]。",
        "单个项目不超过0.2亿元[1]。",
    ],
)
def test_wan_and_yi_amounts_are_compared_by_value(answer: str) -> None:
    assert verify(answer, [BUDGET]).removed == ()


@pytest.mark.parametrize(
    "answer",
    [
        "专项资金1.2万元[1]。",
        "专项资金12亿元[1]。",
        "单个项目不超过2000元[1]。",
        "单个项目不超过200万元[1]。",
    ],
)
def test_amounts_of_another_magnitude_are_removed(answer: str) -> None:
    assert verify(answer, [BUDGET]).removed == (answer,)


def test_numbers_from_the_title_are_supported() -> None:
    assert verify("本指南是2024年度的[1]。", [AWARD]).removed == ()
    assert verify("本指南是2025年度的[1]。", [AWARD]).removed == ("本指南是2025年度的[1]。",)


def test_list_labels_are_not_figures() -> None:
    result = verify("1. 金奖奖励30万元[1]\n2. 银奖奖励20万元[1]", [AWARD])
    assert result.removed == ()
    assert result.text == "1. 金奖奖励30万元[1]\n2. 银奖奖励20万元[1]"
    assert verify("奖项包括：（1）金奖；（2）银奖，第二，另有30万元[1]。", [AWARD]).removed == ()
    assert verify("第二批奖励30万元[1]。", [AWARD]).removed == ("第二批奖励30万元[1]。",)


def test_bracketed_years_are_not_markers() -> None:
    numbered = clause("依据苏知发[2024]12号文件执行。")
    result = verify("依据苏知发[2024]12号文件[1]。", [numbered])
    assert result.text == "依据苏知发[2024]12号文件[1]。"
    assert result.warnings == ()
    assert verify("依据苏知发[2023]12号文件[1]。", [numbered]).removed == ("依据苏知发[2023]12号文件[1]。",)


# --- damaged sources ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "answer", ["金奖奖励20万元[1]。", "金奖奖励50万元[1]。", "金奖奖励0万元[1]。", "银奖奖励30万元[1]。"]
)
def test_lost_digits_support_no_figure(answer: str) -> None:
    result = verify(answer, [DAMAGED])
    assert result.removed == (answer,)
    assert result.fallback is True


def test_a_figure_cut_short_by_a_lost_digit_supports_nothing() -> None:
    cut = clause("对获得优秀奖的，给予2?万元奖励。")
    assert verify("优秀奖奖励2万元[1]。", [cut]).removed == ("优秀奖奖励2万元[1]。",)
    assert verify("优秀奖奖励25万元[1]。", [cut]).removed == ("优秀奖奖励25万元[1]。",)


def test_damaged_source_still_supports_text_without_figures() -> None:
    result = verify("原文金额此处缺损，请以正式文件为准[1]。", [DAMAGED])
    assert result.removed == ()
    assert result.fallback is False


def test_a_question_mark_in_the_answer_does_not_exempt_its_figures() -> None:
    assert verify("金奖是30万元[1]?", [AWARD]).removed == ()
    assert verify("铜奖是10[1]?", [AWARD]).removed == ("铜奖是10[1]?",)


def test_damaged_year_and_day_support_nothing() -> None:
    damaged = clause("本通知自2023??9日施行，有效期至2028??8日。")
    assert verify("有效期至2028年[1]。", [damaged]).removed == ("有效期至2028年[1]。",)
    assert verify("自9日施行[1]。", [damaged]).removed == ("自9日施行[1]。",)


# --- fallback ----------------------------------------------------------------------------------


def test_fallback_when_nothing_with_content_remains() -> None:
    result = verify("[1]。", [AWARD])
    assert result.fallback is True
    assert WarningCode.LLM_FALLBACK in result.warnings


def test_fallback_when_every_sentence_is_removed() -> None:
    result = verify("金奖奖励100万元[1]。银奖奖励80万元[1]。", [AWARD])
    assert result.text == ""
    assert len(result.removed) == 2
    assert result.fallback is True


def test_no_fallback_when_a_cited_sentence_remains() -> None:
    result = verify("金奖奖励100万元[1]。金奖奖励30万元[1]。", [AWARD])
    assert result.text == "金奖奖励30万元[1]。"
    assert result.fallback is False


# --- normalisation helpers ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("numeral", "value"),
    [
        ("三", 3),
        ("十二", 12),
        ("二十", 20),
        ("一百零五", 105),
        ("三十万", 300000),
        ("一亿二千万", 120000000),
        ("二〇二四", 2024),
    ],
)
def test_chinese_to_int(numeral: str, value: int) -> None:
    assert chinese_to_int(numeral) == value


def test_chinese_to_int_rejects_juxtaposed_digits() -> None:
    assert chinese_to_int("十四五") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2022 年 2 月 15 日", "2022年2月15日"),
        ("２０００ 万元", "2000万元"),
        ("1,000万元", "1000万元"),
        ("三年内", "3年内"),
        ("百分之三十", "30%"),
        ("一个项目", "一个项目"),
        ("党的二十大", "党的二十大"),
    ],
)
def test_normalize_numbers(text: str, expected: str) -> None:
    assert normalize_numbers(text) == expected
