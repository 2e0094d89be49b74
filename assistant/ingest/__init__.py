"""Ingestion: manifest → cleaned text → clause tree. Knows nothing of Chroma or answers."""

from .manifest import load_manifest
from .parse import parse_guide

__all__ = ["load_manifest", "parse_guide"]
