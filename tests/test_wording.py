"""The thesaurus of applicants' words and the weights of question words (assistant/text/thesaurus.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.answering.evidence import Relevance, part_holding
from assistant.errors import ManifestError
from assistant.ingest.knowledge_base import KnowledgeBase
from assistant.text.thesaurus import PLAIN_WORD_WEIGHT, Thesaurus, Weights
from assistant.text.tokens import Tokenizer

ROOT = Path(__file__).resolve().parent.parent


def test_the_shipped_thesaurus_loads_and_maps_colloquial_words() -> None:
    thesaurus = Thesaurus.load(ROOT / "knowledge")
    said = {c.said: c.means for c in thesaurus.concepts("经开区的钱批下来了吗")}
    assert said["经开区"] == ("经济技术开发区",)
    assert "资金" in said["钱"] and said["批下来"] == ("立项",)
    assert "经济技术开发区" in thesaurus.expand("经开区能报吗")


def test_longer_words_win_over_the_words_inside_them(tmp_path: Path) -> None:
    (tmp_path / "synonyms.yaml").write_text("地标: [地理标志]\n地标产品: [地理标志产品]\n", encoding="utf-8")
    concepts = Thesaurus.load(tmp_path).concepts("地标产品卖多少")
    assert [c.said for c in concepts] == ["地标产品"]


def test_no_file_means_no_synonyms(tmp_path: Path) -> None:
    assert Thesaurus.load(tmp_path).expand("钱") == "钱"


@pytest.mark.parametrize("text", ["钱: 资金\n", "- 钱\n", "钱: []\n", "钱: [资金\n"])
def test_a_malformed_thesaurus_is_refused_with_its_path(tmp_path: Path, text: str) -> None:
    (tmp_path / "synonyms.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(ManifestError, match=r"synonyms\.yaml"):
        Thesaurus.load(tmp_path)


def test_unknown_nouns_weigh_most_everyday_words_little_asking_words_nothing() -> None:
    weights = Weights({"条件": 1.5, "立项": 3.0}, Tokenizer(ROOT / "knowledge" / "terms.txt").tag)
    assert weights("立项") == 3.0
    assert weights("官费") == 3.0  # a noun the guides never use: the subject
    assert weights("到位") == PLAIN_WORD_WEIGHT  # a verb of everyday speech
    assert weights("时候") == 0.0


def test_a_synonym_covers_the_question_word() -> None:
    tokenizer = Tokenizer(ROOT / "knowledge" / "terms.txt")
    idf = {t: 2.0 for t in tokenizer("立项后拨付一定启动资金 保护示范区 项目")}
    plain = Relevance(tokenizer, idf)
    with_synonyms = Relevance(tokenizer, idf, thesaurus=Thesaurus.load(ROOT / "knowledge"))
    question, clause = "保护示范区项目批下来以后钱怎么拨付", "立项后拨付一定启动资金"
    assert with_synonyms.coverage(question, clause) > plain.coverage(question, clause)


def test_the_item_a_topic_names_does_not_depend_on_the_order_of_its_words(kb: KnowledgeBase) -> None:
    """「企业遇到纠纷这块园区要做什么」: of the topic's words, the rarest among the items names the
    one (纠纷, not 企业, which most items say), whatever order a set gives them in."""
    tasks = kb.clause("2024-protection-zone:4.3.1")
    for terms in (["企业", "纠纷"], ["纠纷", "企业"]):
        held = part_holding(kb, tasks, terms)
        assert held is not None and held.id == "2024-protection-zone:4.3.1.4"
