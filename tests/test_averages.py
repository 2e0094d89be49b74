"""A rate compared with the province's average, as applicants put it (question/averages.py)."""

from __future__ import annotations

import pytest

from assistant.question.averages import ABOVE, BELOW, LEVEL, UNSETTLED, compared_with_average

CASES = [
    ("高于全省平均水平", ABOVE),
    ("比全省平均要高", ABOVE),
    ("比全省均值高了差不多三个百分点", ABOVE),
    ("大概是全省平均的1.3倍", ABOVE),
    ("不但不低于全省平均，还高出不少", ABOVE),
    ("全省平均好像是九十一点几，我们是96%左右", ABOVE),
    ("全省平均是多少我不记得了，反正我们比平均高", ABOVE),
    ("只有全省平均水平的八成左右", BELOW),
    ("2023年没到全省平均水平", BELOW),
    ("比全省平均低了不少", BELOW),
    ("跟全省平均差不多，略低一点", BELOW),
    ("跟全省平均一模一样，持平", LEVEL),
    ("我们算下来跟全省平均正好一样", LEVEL),
    ("不高于全省平均", LEVEL),
    ("跟全省平均差不多", UNSETTLED),
    ("不比全省平均低", UNSETTLED),
    ("我们是93%左右，全省平均是95%多一点", UNSETTLED),
    ("撤回率统计出来了", None),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_where_the_words_put_the_rate(text: str, expected: str | None) -> None:
    assert compared_with_average(text) == expected


def test_a_clause_of_another_year_compares_another_years_rate() -> None:
    text = "2022年度是高于全省平均的，2023年度的数据还没看到"
    assert compared_with_average(text, frozenset({2023})) is None
    assert compared_with_average(text, frozenset({2022})) == ABOVE
