"""The numbering markers of Chinese official documents, in one place: 一、 （一） 1. （1） ①.

The parser splits clauses at them, cleaning keeps a numbered line from being joined to the one
before, the answer composer strips them from a quoted sentence, and clause references are
written with them. Each marker is a regex piece; the users compile what they need.
"""

from __future__ import annotations

CN_NUMERALS = "一二三四五六七八九十"
CIRCLED_CHARS = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"

SECTION = rf"[{CN_NUMERALS}]{{1,3}}\s*、"  # 一、
PAREN_CN = rf"[（(]\s*[{CN_NUMERALS}]{{1,3}}\s*[）)]"  # （一）
PAREN_NUM = r"[（(]\s*\d{1,2}\s*[）)]"  # （1）
NUM = r"\d{1,2}\s*[.．、](?:(?=\d{4}年)|(?!\d))"  # 1. (not the 2 of 「2.5万」; 「1.2024年」 is 1.)
CIRCLED = r"[①-⑳]"  # ①

# Any marker at the start of a line: what begins a numbered item.
ANY = f"(?:{SECTION}|{PAREN_CN}|{PAREN_NUM}|{NUM}|{CIRCLED})"
