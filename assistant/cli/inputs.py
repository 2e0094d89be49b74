"""What the CLI reads from people: arguments, text files and JSON, checked at the border.

Text that is not UTF-8 (a GBK file, a terminal in another encoding), a lone surrogate, JSON
with NaN or nested thousands deep, or an integer too long to convert, each becomes an
InputError that says what was wrong and what to do, before anything is answered.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..text.encoding import read_utf8

# Encodings a file in the wrong one most likely has, to name it in the message.


def check_arguments(args: argparse.Namespace) -> None:
    """Arguments the terminal could not decode as UTF-8 arrive with surrogates: refuse them."""
    for name, value in vars(args).items():
        values = value if isinstance(value, list) else [value]
        for item in values:
            if isinstance(item, str) and not is_encodable(item):
                raise InputError(
                    f"参数 {name} 含有无法识别的字符（不是 UTF-8 文本）：请把终端编码设为 UTF-8 后重新输入。"
                )


def is_encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def read_text(path: Path, what: str) -> str:
    """A UTF-8 text file (a BOM allowed); another encoding is named in the message."""
    return read_utf8(path, what)


def _reject_constant(name: str) -> Any:
    raise ValueError(f"JSON 不允许 {name}")


def parse_json(text: str) -> Any:
    """JSON as people should write it: no NaN or Infinity, not nested absurdly deep, no
    integer too long to read. Raises ValueError with a Chinese reason."""
    try:
        return json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        raise ValueError(f"不是有效的 JSON（第{exc.lineno}行第{exc.colno}列：{exc.msg}）") from None
    except RecursionError:
        raise ValueError("JSON 嵌套层数过多") from None
    except ValueError as exc:  # NaN, or an integer past Python's digit limit
        reason = str(exc) if str(exc).startswith("JSON") else "含有位数过多的整数"
        raise ValueError(reason) from None
