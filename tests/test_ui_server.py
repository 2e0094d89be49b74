"""The `serve` command: builds the index when it is missing, prints the URL, stops on Ctrl-C,
says clearly when the port is taken; the other commands never import gradio."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.config import PROJECT_ROOT, Settings
from assistant.web.process import start_page

pytestmark = pytest.mark.slow


def test_serve_builds_a_missing_index_and_prints_the_url(small_knowledge: Path, tmp_path: Path) -> None:
    import httpx

    gradio_client = pytest.importorskip("gradio_client")
    data_dir = tmp_path / "fresh-data"
    page = start_page(data_dir, small_knowledge)
    try:
        assert (data_dir / "index.json").is_file()
        assert any("索引已建立" in line for line in page.output)
        assert any(f"已启动：{page.url}" in line for line in page.output)
        session = gradio_client.Client(page.url, verbose=False)
        reply = session.predict("2024年保护示范区什么时候截止？", [], api_name="/chat")[-1]
        assert [c["clause_id"] for c in reply["citations"]] == ["2024-protection-zone:6.3"]
        config = httpx.get(page.url + "config", timeout=30).json()
        assert config["footer_links"] == []  # the public sees no link to the API docs
    finally:
        assert page.stop() == 0  # Ctrl-C ends it cleanly


def test_a_taken_port_is_reported_in_one_line(built_settings: Settings) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        command = [sys.executable, "-m", "assistant", "--data-dir", str(built_settings.data_dir)]
        command += ["serve", "--port", str(port)]
        done = subprocess.run(command, cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=180)
    assert done.returncode == 2
    assert f"127.0.0.1:{port}" in done.stderr and "--port" in done.stderr
    assert "Traceback" not in done.stderr


def test_the_cli_does_not_import_gradio(built_settings: Settings) -> None:
    code = (
        "import sys\n"
        "from assistant.cli.main import main\n"
        f"main(['--data-dir', {str(built_settings.data_dir)!r}, 'ask', '2024年保护示范区什么时候截止？'])\n"
        "print('gradio loaded' if 'gradio' in sys.modules else 'no gradio')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=120
    )
    assert "2024年2月29日" in done.stdout
    assert done.stdout.strip().endswith("no gradio")


def test_one_client_cannot_fill_the_queue(built_settings: Settings) -> None:
    import httpx

    limited = {"ASSISTANT_UI_JOIN_RATE": "0.5", "ASSISTANT_UI_JOIN_BURST": "3", "ASSISTANT_UI_API": "1"}
    page = start_page(built_settings.data_dir, env=limited)
    try:
        assert httpx.get(page.url + "config", timeout=30).json()["footer_links"] == ["api"]  # for developers
        join = page.url + "gradio_api/queue/join"
        body = {"data": ["截止日期", [], None], "fn_index": 0, "session_hash": "flood"}
        codes = [httpx.post(join, json=body, timeout=30).status_code for _ in range(10)]
        refused = httpx.post(join, json=body, timeout=30)
    finally:
        assert page.stop() == 0
    assert codes.count(429) >= 6 and codes[0] != 429  # the burst passes, the flood does not
    assert refused.status_code == 429 and "请求过于频繁" in refused.json()["error"]
