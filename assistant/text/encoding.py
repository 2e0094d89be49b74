"""Reading a text file that must be UTF-8, with a message that names the encoding it is in.

Staff edit the knowledge files (terms, rules, the manifest, guides) and applicants hand in
batch and facts files; a file saved as GBK on a Chinese Windows desktop is the usual mistake.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from ..errors import AssistantError, InputError

# libyaml's loader when PyYAML was built with it: the same data, about seven times faster (the
# knowledge files take 0.17 s to read in pure Python, a tenth of a cold `ask`).
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

LIKELY_ENCODINGS = ("gb18030", "utf-16")


def read_utf8(path: Path, what: str, error: type[AssistantError] = InputError) -> str:
    """The file's text (a BOM allowed); another encoding is named in the message."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    for encoding in LIKELY_ENCODINGS:
        try:
            data.decode(encoding)
        except UnicodeDecodeError:
            continue
        raise error(f"{what} {path} 看来是 {encoding.upper()} 编码，不是 UTF-8：请另存为 UTF-8 后重试。")
    raise error(f"{what} {path} 不是 UTF-8 文本：请另存为 UTF-8 后重试。")


def read_yaml(path: Path, what: str, error: type[AssistantError] = InputError) -> Any:
    """A UTF-8 YAML file's data (safe loading: plain data, no objects). yaml.YAMLError when the
    text is not YAML; the caller says which file."""
    return yaml.load(read_utf8(path, what, error), Loader=YAML_LOADER)
