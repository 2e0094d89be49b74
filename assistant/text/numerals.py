"""Chinese numerals, shared by the parser, the fact extractor, the verifier and the metrics."""

from __future__ import annotations

CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
CN_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}


def chinese_to_int(numeral: str) -> int | None:
    """三 → 3, 十二 → 12, 一百零五 → 105, 三十万 → 300000, 二〇二四 → 2024; None if malformed."""
    if not numeral or any(ch not in CN_DIGITS and ch not in "十百千万亿" for ch in numeral):
        return None
    if not any(ch in numeral for ch in "十百千万亿"):
        return int("".join(str(CN_DIGITS[ch]) for ch in numeral))
    total = section = digit = 0
    for ch in numeral:
        if ch in CN_DIGITS:
            if digit and CN_DIGITS[ch]:
                return None  # 十四五 and the like: not one number
            digit = CN_DIGITS[ch]
            continue
        if ch in CN_SMALL_UNITS:
            section += (digit or 1) * CN_SMALL_UNITS[ch]
        elif ch == "万":
            total += (section + digit) * 10**4
            section = 0
        else:  # 亿
            total = (total + section + digit) * 10**8
            section = 0
        digit = 0
    return total + section + digit
