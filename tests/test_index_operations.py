"""Running operations on the index: a rebuild while the page serves, two builds at once, reads
that write nothing, and an index damaged in every way `ask` could trip on, which `index` repairs.

Each case runs the real CLI and the real page (subprocesses) on a real Chroma store.
"""

from __future__ import annotations

import gc
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from conftest import copy_small_knowledge

from assistant.cli.main import main
from assistant.config import PROJECT_ROOT, Settings
from assistant.errors import VectorStoreError
from assistant.index import store, vectors
from assistant.index.build import build_index
from assistant.index.pointer import pointer_path, read_pointer
from assistant.index.reader import open_index
from assistant.ingest.knowledge_base import KnowledgeBase
from assistant.web.process import start_page

pytestmark = pytest.mark.slow

QUESTION = "保护示范区项目实施期多久？"


def _cli(settings: Settings, *args: str) -> subprocess.Popen:
    command = [sys.executable, "-m", "assistant", "--data-dir", str(settings.data_dir)]
    command += ["--knowledge-dir", str(settings.knowledge_dir), *args]
    return subprocess.Popen(
        command, cwd=PROJECT_ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def _hashes(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != ".index.lock"
    }


@pytest.fixture(scope="module")
def built_small(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """The 2024 guide alone, indexed once; each test works on its own copy."""
    folder = tmp_path_factory.mktemp("small")
    knowledge = copy_small_knowledge(folder)
    settings = Settings(knowledge_dir=knowledge, data_dir=folder / "data")
    build_index(settings, KnowledgeBase.load(knowledge))
    return settings


@pytest.fixture
def small(built_small: Settings, tmp_path: Path) -> Settings:
    shutil.copytree(built_small.knowledge_dir, tmp_path / "knowledge")
    shutil.copytree(built_small.data_dir, tmp_path / "data")
    return Settings(knowledge_dir=tmp_path / "knowledge", data_dir=tmp_path / "data")


def test_the_page_keeps_answering_through_a_rebuild_and_then_uses_the_new_index(small: Settings) -> None:
    gradio_client = pytest.importorskip("gradio_client")
    page = start_page(small.data_dir, small.knowledge_dir)
    try:
        session = gradio_client.Client(page.url, verbose=False)
        guide = small.knowledge_dir / "guides" / "2024-protection-zone.txt"
        text = guide.read_text(encoding="utf-8")
        guide.write_text(text.replace("项目实施期为3年", "项目实施期为5年"), encoding="utf-8")
        build = _cli(small, "index", "--rebuild")
        replies = []
        while build.poll() is None or len(replies) < 3:
            replies.append(session.predict(QUESTION, [], api_name="/chat")[-1])
            if build.poll() is not None:
                replies.append(session.predict(QUESTION, [], api_name="/chat")[-1])
                break
        assert build.wait(timeout=300) == 0, build.stderr.read() if build.stderr else ""
        after = session.predict(QUESTION, [], api_name="/chat")[-1]
    finally:
        assert page.stop() == 0
    assert len(replies) >= 2
    assert all("error" not in r and r["answer"] for r in replies), [r for r in replies if "error" in r]
    assert "5年" in after["answer"] and "3年" not in after["answer"]
    assert len(list((small.data_dir / store.STORES).iterdir())) == 1  # the old build was removed


def test_two_builds_at_once_are_serialised(small: Settings) -> None:
    builds = [_cli(small, "index", "--rebuild") for _ in range(2)]
    results = [(b.wait(timeout=300), *b.communicate()) for b in builds]
    assert [code for code, _, _ in results] == [0, 0]
    assert sum("另一个索引构建正在进行" in err for _, _, err in results) == 1
    assert [p.name for p in (small.data_dir / store.STORES).iterdir()] == [
        Path(read_pointer(small).store).name
    ]
    assert open_index(small, KnowledgeBase.load(small.knowledge_dir)).collection.count() > 40


def test_asking_writes_nothing_to_the_data_dir(small: Settings, capsys: pytest.CaptureFixture[str]) -> None:
    before, copies = _hashes(small.data_dir), _copies()
    args = ["--data-dir", str(small.data_dir), "--knowledge-dir", str(small.knowledge_dir)]
    assert main([*args, "ask", QUESTION]) == 0
    assert main([*args, "lookup", "三（二）1"]) == 0
    assert _hashes(small.data_dir) == before
    gc.collect()
    assert not _copies() - copies  # the readers' private copies were removed with their indexes


def _copies() -> set[Path]:
    return set(Path(tempfile.gettempdir()).glob(f"{store.SNAPSHOT_PREFIX}{os.getpid()}-*"))


def _pointer(settings: Settings) -> dict:
    return json.loads(pointer_path(settings).read_text(encoding="utf-8"))


def _edit_pointer(settings: Settings, change) -> None:
    pointer = _pointer(settings)
    change(pointer)
    pointer_path(settings).write_text(json.dumps(pointer, ensure_ascii=False), encoding="utf-8")


def _build_dir(settings: Settings) -> Path:
    return settings.data_dir / _pointer(settings)["store"]


DAMAGE = {
    "pointer missing a field": lambda s: _edit_pointer(s, lambda p: p.pop("tokens")),
    "pointer of the wrong shape": lambda s: pointer_path(s).write_text("[1, 2]", encoding="utf-8"),
    "pointer not JSON": lambda s: pointer_path(s).write_text('{"version": 2,', encoding="utf-8"),
    "pointer from the old format": lambda s: _edit_pointer(s, lambda p: p.update(version=1)),
    "tokens shorter than the chunks": lambda s: _edit_pointer(s, lambda p: p["tokens"].pop()),
    "an unknown chunk id": lambda s: _edit_pointer(s, lambda p: p["chunk_ids"].__setitem__(0, "x:9.9")),
    "the collection renamed": lambda s: _edit_pointer(s, lambda p: p.update(collection="clauses-gone")),
    "the build directory deleted": lambda s: store.remove(_build_dir(s)),
    "a garbled chroma.sqlite3": lambda s: (_build_dir(s) / "chroma.sqlite3").write_bytes(b"garbage" * 1000),
    "a BOM added to a guide": lambda s: (
        guide := s.knowledge_dir / "guides" / "2024-protection-zone.txt"
    ).write_bytes(b"\xef\xbb\xbf" + guide.read_bytes()),
}


@pytest.mark.parametrize("damage", DAMAGE, ids=list(DAMAGE))
def test_index_repairs_what_ask_fails_on(small: Settings, damage: str, capsys: pytest.CaptureFixture) -> None:
    DAMAGE[damage](small)
    args = ["--data-dir", str(small.data_dir), "--knowledge-dir", str(small.knowledge_dir)]
    code = main([*args, "ask", QUESTION])
    out, err = capsys.readouterr()
    if code != 0:  # a damage that changes nothing ask reads may still answer
        assert code == 2 and "python -m assistant index" in err, err
        assert "内部错误" not in err + out and "Traceback" not in err
    assert main([*args, "index"]) == 0
    capsys.readouterr()
    assert main([*args, "ask", QUESTION]) == 0
    assert "3年" in capsys.readouterr().out
    assert len(list((small.data_dir / store.STORES).iterdir())) == 1


def test_leftovers_of_killed_builds_and_readers_are_removed(small: Settings, tmp_path: Path) -> None:
    (small.data_dir / store.STORES / "clauses-killed0build").mkdir()
    (small.data_dir / store.STORES / "chroma.sqlite3").write_bytes(b"an older layout")
    dead = Path(tempfile.mkdtemp(prefix=f"{store.SNAPSHOT_PREFIX}999999999-"))
    report = build_index(small, KnowledgeBase.load(small.knowledge_dir))
    assert report.up_to_date
    assert [p.name for p in (small.data_dir / store.STORES).iterdir()] == [report.collection]
    open_index(small, KnowledgeBase.load(small.knowledge_dir))
    assert not dead.exists()


@pytest.mark.parametrize(
    "planted", ["项目申报截止日期为2024年5月31日", "2025年度项目申报截止日期为2024年2月29日"]
)
def test_a_planted_deadline_is_flagged_by_index_and_in_answers(
    small: Settings, planted: str, capsys: pytest.CaptureFixture[str]
) -> None:
    guide = small.knowledge_dir / "guides" / "2024-protection-zone.txt"
    text = guide.read_text(encoding="utf-8")
    registered = "项目申报截止日期为2024年2月29日"
    assert registered in text
    guide.write_text(text.replace(registered, planted), encoding="utf-8")
    args = ["--data-dir", str(small.data_dir), "--knowledge-dir", str(small.knowledge_dir)]
    assert main([*args, "index"]) == 0
    err = capsys.readouterr().err
    assert "请核对" in err
    assert "新增 0 条，删除 0 条" in err and "改动：2024 保护示范区 六（三）" in err  # to review
    assert main([*args, "ask", "--json", "保护示范区申报截止日期是哪天？"]) == 0
    reply = json.loads(capsys.readouterr().out)
    assert "manifest_mismatch" in reply["warnings"] and "请核对" in reply["answer"]


KNOWLEDGE_DAMAGE = {
    "terms.txt in GBK": ("terms.txt", "GB18030"),
    "facts.yaml in GBK": ("rules/facts.yaml", "GB18030"),
    "the rules directory missing": ("rules", "knowledge/rules/"),
}


@pytest.mark.parametrize("damage", KNOWLEDGE_DAMAGE, ids=list(KNOWLEDGE_DAMAGE))
def test_a_damaged_knowledge_dir_is_refused_and_the_old_index_stays(
    small: Settings, damage: str, capsys: pytest.CaptureFixture[str]
) -> None:
    name, said = KNOWLEDGE_DAMAGE[damage]
    path = small.knowledge_dir / name
    if path.is_dir():
        shutil.rmtree(path)
    else:
        path.write_bytes(path.read_text(encoding="utf-8").encode("gb18030"))
    before = _hashes(small.data_dir)
    args = ["--data-dir", str(small.data_dir), "--knowledge-dir", str(small.knowledge_dir)]
    for command in (["index"], ["index", "--rebuild"], ["ask", QUESTION]):
        assert main([*args, *command]) == 2
        err = capsys.readouterr().err
        assert said in err and "内部错误" not in err and "Traceback" not in err
    assert _hashes(small.data_dir) == before


def _without_vectors_file(settings: Settings) -> None:
    """A build without its vectors file (as `index` wrote them before it had one): the
    reader opens Chroma at once and reads the vectors from it."""
    vectors.path_of(settings.data_dir, read_pointer(settings).collection).unlink()


def test_a_build_replaced_during_the_readers_copy_is_read_again(
    small: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    _without_vectors_file(small)
    real, calls = store.snapshot, []

    def racing(build_dir: Path) -> Path:
        calls.append(build_dir)
        if len(calls) == 1:  # a build switches the pointer while this copy runs
            pointer_path(small).write_text(
                pointer_path(small).read_text(encoding="utf-8") + " ", encoding="utf-8"
            )
            raise shutil.Error([(str(build_dir), "copy", "No such file or directory")])
        return real(build_dir)

    monkeypatch.setattr(store, "snapshot", racing)
    index = open_index(small, KnowledgeBase.load(small.knowledge_dir))
    assert len(calls) == 2 and index.collection.count() > 40


def test_an_unreadable_build_directory_gets_a_message(
    small: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    def unreadable(build_dir: Path) -> Path:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(store, "snapshot", unreadable)
    _without_vectors_file(small)
    with pytest.raises(VectorStoreError, match="python -m assistant index"):
        open_index(small, KnowledgeBase.load(small.knowledge_dir))


def test_a_reader_searches_the_saved_vectors_without_opening_chroma(small: Settings) -> None:
    """`index` writes the build's unit vectors beside the pointer; `ask` answers from them
    without importing Chroma, with the hits Chroma's own vectors give (the same floats)."""
    code = (
        "import sys; from assistant.config import Settings; from assistant.pipeline import Assistant; "
        f"s = Settings(knowledge_dir=Path({str(small.knowledge_dir)!r}), data_dir=Path({str(small.data_dir)!r})); "
        f"r = Assistant(s).run_turn({QUESTION!r}, Conversation()); "
        "print('chromadb' in sys.modules, [h.chunk.id for h in r.hits])"
    )
    header = "from pathlib import Path; from assistant.pipeline import Conversation; "
    run = [sys.executable, "-c", header + code]
    saved = subprocess.run(run, cwd=PROJECT_ROOT, capture_output=True, text=True, check=True).stdout
    _without_vectors_file(small)
    from_chroma = subprocess.run(run, cwd=PROJECT_ROOT, capture_output=True, text=True, check=True).stdout
    assert saved.startswith("False [") and from_chroma.startswith("True [")
    assert saved.split(" ", 1)[1] == from_chroma.split(" ", 1)[1]


def test_index_writes_a_missing_or_foreign_vectors_file(small: Settings) -> None:
    """A vectors file that is missing, or is not the one the pointer names, is not read (the
    reader falls back to Chroma); `index` writes it again without rebuilding."""
    kb = KnowledgeBase.load(small.knowledge_dir)
    pointer = read_pointer(small)
    path = vectors.path_of(small.data_dir, pointer.collection)
    expected = open_index(small, kb).vectors.copy()
    path.write_bytes(path.read_bytes()[:-4] + b"\0\0\0\0")
    assert open_index(small, kb).vectors.tobytes() == expected.tobytes()  # read from Chroma
    path.unlink()
    report = build_index(small, kb)
    assert report.up_to_date and path.is_file() and read_pointer(small).vectors == pointer.vectors
    assert open_index(small, kb).vectors.tobytes() == expected.tobytes()
    (small.data_dir / "clauses-gone.vectors.npy").write_bytes(b"a killed build's")
    build_index(small, kb)
    assert [p.name for p in small.data_dir.glob("*.vectors.npy")] == [path.name]
