"""The same code against a real Chroma server (`chroma run`) on loopback."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.config import Settings
from assistant.index.build import build_index, read_pointer
from assistant.ingest.knowledge_base import KnowledgeBase
from assistant.pipeline import Assistant

STARTUP_SECONDS = 60


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def chroma_server(tmp_path: Path) -> Iterator[str]:
    chroma = shutil.which("chroma") or str(Path(sys.executable).parent / "chroma")
    port = _free_port()
    process = subprocess.Popen(
        [chroma, "run", "--path", str(tmp_path / "server"), "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                time.sleep(0.3)
        else:
            pytest.fail("chroma run did not start listening in time")
        yield url
    finally:
        process.terminate()
        process.wait(timeout=20)


def test_index_and_ask_against_a_chroma_server(
    chroma_server: str, small_knowledge: Path, tmp_path: Path
) -> None:
    settings = Settings(knowledge_dir=small_knowledge, data_dir=tmp_path / "data", chroma_url=chroma_server)
    kb = KnowledgeBase.load(small_knowledge)
    first = build_index(settings, kb)
    assert first.embedded == first.chunks
    assert build_index(settings, kb).up_to_date
    assert read_pointer(settings).chroma_url == chroma_server
    assert not (tmp_path / "data" / "chroma").exists(), "server mode must not create an embedded store"
    for mode in ("dense", "hybrid"):
        reply = Assistant(settings.with_(retrieval_mode=mode), kb).ask("项目申报截止日期是哪天？")
        assert reply.citations[0].clause_id == "2024-protection-zone:6.3"
