"""The knowledge manifest (knowledge/manifest.yaml): validated with pydantic at the border."""

from __future__ import annotations

import functools
import re
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from ..domain import Guide
from ..errors import ManifestError
from ..text.encoding import read_utf8, read_yaml

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{2,63}$")
SOURCE_SUFFIXES = (".txt", ".md", ".docx", ".pdf")


class GuideEntry(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    source: str
    title: str = Field(min_length=2)
    short_name: str = Field(min_length=1)
    year: int = Field(ge=1990, le=2100)
    issuer: str
    kind: str
    program: str
    applicant_types: list[str] = Field(min_length=1)
    status: str
    starts_at: str | None = None
    ends_before: str | None = None
    doc_number: str | None = None
    issue_date: str | None = None
    deadline: str | None = None
    status_note: str | None = None
    superseded_by: str | None = None
    aliases: list[str] = []

    @field_validator("id")
    @classmethod
    def _ascii_id(cls, value: str) -> str:
        if not ID_PATTERN.match(value):
            raise ValueError("must be lowercase ASCII letters, digits and '-', 3-64 characters")
        return value

    @field_validator("source")
    @classmethod
    def _text_source(cls, value: str) -> str:
        if value.lower().endswith(".doc"):
            raise ValueError(f"{value!r} is an old Word .doc file: save it as .docx first")
        if not value.lower().endswith(SOURCE_SUFFIXES):
            raise ValueError(f"must be a .txt, .md, .docx or .pdf file, got {value!r}")
        return value

    @field_validator("issue_date", "deadline")
    @classmethod
    def _iso_date(cls, value: str | None) -> str | None:
        if value is not None and not re.match(r"^\d{4}-\d{2}-\d{2}$", value):
            raise ValueError(f"must be YYYY-MM-DD, got {value!r}")
        return value

    def to_guide(self) -> Guide:
        data = self.model_dump(exclude={"starts_at", "ends_before"})
        data["applicant_types"] = tuple(self.applicant_types)
        data["aliases"] = tuple(self.aliases)
        return Guide(**data)


class Manifest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    guides: list[GuideEntry] = Field(min_length=1)

    @model_validator(mode="after")
    def _consistent(self) -> Manifest:
        ids = [g.id for g in self.guides]
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            raise ValueError(f"duplicate guide ids: {', '.join(duplicates)}")
        for guide in self.guides:
            if guide.superseded_by and guide.superseded_by not in ids:
                raise ValueError(f"{guide.id}: superseded_by {guide.superseded_by!r} is not a guide id")
        return self


def _describe(error: ValidationError) -> str:
    first = error.errors()[0]
    where = ".".join(str(part) for part in first["loc"])
    return f"{where}: {first['msg']}"


def load_manifest(path: Path) -> Manifest:
    """Read and validate the manifest; check that every source file exists."""
    if not path.is_file():
        raise ManifestError(
            f"找不到指南清单文件 {path}：请确认 knowledge 目录完整（ASSISTANT_KNOWLEDGE_DIR）。"
        )
    try:
        raw = read_yaml(path, "指南清单", ManifestError)
    except yaml.YAMLError as exc:  # another encoding is named by read_utf8
        raise ManifestError(f"指南清单 {path} 不是有效的 YAML：{exc}".splitlines()[0]) from exc
    try:
        manifest = Manifest.model_validate(raw)
    except ValidationError as exc:
        raise ManifestError(f"指南清单 {path} 有误：{_describe(exc)}。请按文件开头的说明修改。") from exc
    guides_dir = (path.parent / "guides").resolve()
    for entry in manifest.guides:
        source = path.parent / "guides" / entry.source
        if not source.resolve().is_relative_to(guides_dir):
            raise ManifestError(
                f"指南「{entry.id}」的原文文件 {entry.source} 不在 knowledge/guides/ 目录内：请把文件放入该目录，source 只写文件名。"
            )
        if not source.is_file():
            raise ManifestError(
                f"指南「{entry.id}」的原文文件 {source} 不存在：请放入 knowledge/guides/ 或改正 source。"
            )
    return manifest


def read_source(manifest_path: Path, entry: GuideEntry) -> str:
    """The part of the source file that belongs to this guide (between its markers)."""
    source = manifest_path.parent / "guides" / entry.source
    stat = source.stat()
    lines = _source_text(source, stat.st_mtime_ns, stat.st_size).splitlines()
    start = _find_line(lines, entry.starts_at, 0, entry, source) if entry.starts_at else 0
    end = _find_line(lines, entry.ends_before, start + 1, entry, source) if entry.ends_before else len(lines)
    return "\n".join(lines[start:end])


@functools.lru_cache(maxsize=32)
def _source_text(source: Path, mtime_ns: int, size: int) -> str:
    """A source file as text, one paragraph a line: .docx and .pdf through their readers
    (imported only here), .txt and .md as they are. Keyed by the file's mtime and size, so
    a process that loads the knowledge base twice reads a PDF once."""
    suffix = source.suffix.lower()
    if suffix == ".docx":
        from .docx_reader import read_docx

        return read_docx(source)
    if suffix == ".pdf":
        from .pdf_reader import read_pdf

        return read_pdf(source)
    return read_utf8(source, "原文文件", ManifestError)


def _find_line(lines: list[str], marker: str, start: int, entry: GuideEntry, source: Path) -> int:
    for number in range(start, len(lines)):
        if marker.strip() in lines[number]:
            return number
    raise ManifestError(f"指南「{entry.id}」的分界标记「{marker}」在 {source.name} 中找不到：请改正清单。")
