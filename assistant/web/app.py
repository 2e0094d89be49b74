"""The web page (Gradio): chat for applicants, a clause browser for staff, an eligibility form.

`serve(settings, host, port)` builds the index when missing or stale, then starts the page.
Every function the page calls has a stable `api_name` (chat, new_conversation, guide_tree,
open_clause, lookup, check_eligibility) so that `gradio_client` can drive it.
"""

from __future__ import annotations

import functools
import importlib.util
import logging
import os
import sys
from collections.abc import Callable
from typing import Any

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")  # no calls home: the machine may be offline
# Gradio's queue re-summarises its event log (pandas, up to GRADIO_ANALYTICS_MAX_EVENTS rows)
# after every event by default; only the monitoring page reads that summary, which is off.
os.environ.setdefault("GRADIO_ANALYTICS_CACHE_FREQUENCY", "1000")
os.environ.setdefault("GRADIO_ANALYTICS_MAX_EVENTS", "2000")

# Gradio tries `import matplotlib` around every call it runs (utils.MatplotlibBackendMananger);
# where matplotlib is not installed, each try searches the import path again (about 5 % of the
# page's time under load). Marked absent, the failed import fails at once, as Python allows.
if importlib.util.find_spec("matplotlib") is None:
    sys.modules.setdefault("matplotlib", None)  # type: ignore[assignment]

import gradio as gr
from starlette.middleware import Middleware

from ..config import Settings
from ..eligibility import load_rules
from ..errors import AssistantError, ConfigError, UnknownReferenceError
from ..index.build import build_index
from ..ingest.knowledge_base import KnowledgeBase
from ..pipeline import Assistant, LiveAssistant
from ..question.references import resolve
from .browser import FILTER_SCRIPT, BrowserHandlers, build_browser_tab
from .chat import INTERNAL_ERROR, ChatHandlers, build_chat_tab
from .chinese import head_script
from .form import FormHandlers, build_form_tab
from .keep import CHAT_SCRIPT, PENDING_SCRIPT
from .limits import JoinLimit
from .style import CSS, PRINT_STYLE
from .text import esc, guides_html
from .workers import AnswerWorkers

log = logging.getLogger(__name__)

TITLE = "江苏省知识产权项目申报指南问答助手"
MAX_LINKED_REFERENCE = 80  # characters of a ?clause= link that are read (and echoed)
QUEUE_MAX_SIZE = 256  # waiting turns beyond this are refused with a message, not piled up
MAX_UPLOAD = "1kb"  # the page takes no files: Gradio's upload route refuses anything larger
FONTS = [
    "system-ui",
    "PingFang SC",
    "Microsoft YaHei",
    "WenQuanYi Micro Hei",
    "Noto Sans CJK SC",
    "sans-serif",
]


def guarded(fn: Callable[..., Any], fallback: Callable[[str], Any]) -> Callable[..., Any]:
    """Run a handler; a library error (or any other) becomes a warning in the page and the
    fallback's outputs, never a traceback, and the app keeps running."""

    @functools.wraps(fn)
    def run(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except AssistantError as exc:
            message = str(exc)
        except Exception:
            log.exception("request failed")
            message = INTERNAL_ERROR
        gr.Warning(
            esc(message), title="提示"
        )  # a toast is rendered as HTML: a crafted link's text stays text
        return fallback(message)

    return run


def build_app(live: LiveAssistant, workers: AnswerWorkers | None = None) -> gr.Blocks:
    """The whole page. Handlers only call the library; they hold no per-user state. Chat
    turns go to `workers` when there are any."""
    assistant = live.current
    browser = BrowserHandlers(live)
    with gr.Blocks(title=TITLE) as app:
        gr.HTML(
            f'<h1 class="title">{TITLE}</h1>'
            + guides_html(assistant.kb.guides, assistant.mode, assistant.settings.today())
        )
        with gr.Tabs() as tabs:
            with gr.Tab("问答", id="chat"):
                build_chat_tab(app, ChatHandlers(live, workers), assistant.settings.ui_concurrency)
            with gr.Tab("条款浏览", id="browser"):
                parts = build_browser_tab(browser, guarded)
            with gr.Tab("资格自测", id="form"):
                build_form_tab(FormHandlers(live), guarded)
        _open_linked_clause(app, tabs, browser, parts)
    return app


def _open_linked_clause(app: gr.Blocks, tabs: gr.Tabs, browser: BrowserHandlers, parts: dict) -> None:
    """A link `?clause=<id or reference>` opens the page on that clause in the browser tab."""
    skipped = (gr.skip(),) * (1 + len(parts["focused"]))

    def on_load(request: gr.Request):
        wanted = (request.query_params.get("clause") or "").strip() if request else ""
        if not wanted:
            return skipped
        clause = resolve(browser.assistant.kb, wanted[:MAX_LINKED_REFERENCE])
        if clause is None:
            shown = wanted[:MAX_LINKED_REFERENCE] + ("……" if len(wanted) > MAX_LINKED_REFERENCE else "")
            raise UnknownReferenceError(f"链接中的条款「{shown}」找不到：请检查链接是否完整。")
        return gr.Tabs(selected="browser"), *parts["focus"](clause.id, request)

    app.load(guarded(on_load, lambda m: skipped), None, [tabs, *parts["focused"]], api_visibility="private")


def launch(app: gr.Blocks, host: str, port: int, settings: Settings) -> str:
    """Start the server in the background; returns the page's URL (`app.block_thread()` waits).
    The footer, with its link to the API docs, is shown only with ASSISTANT_UI_API: the public
    sees no developer links."""
    app.queue(default_concurrency_limit=settings.ui_concurrency, max_size=QUEUE_MAX_SIZE)
    limit = Middleware(JoinLimit, rate=settings.ui_join_rate, burst=settings.ui_join_burst)
    _, url, _ = app.launch(
        server_name=host,
        server_port=port,
        prevent_thread_lock=True,
        quiet=True,
        show_error=False,
        footer_links=["api"] if settings.ui_api else [],
        enable_monitoring=False,
        max_file_size=MAX_UPLOAD,
        app_kwargs={"middleware": [limit]},
        run_history=False,
        theme=gr.themes.Default(font=FONTS),
        css=CSS,
        head=head_script() + PENDING_SCRIPT + CHAT_SCRIPT + FILTER_SCRIPT + PRINT_STYLE,
    )
    return url


def serve(settings: Settings, host: str, port: int, block: bool = True) -> tuple[gr.Blocks, str]:
    """Build the index when it is missing or stale, load the assistant, start the page."""
    kb = KnowledgeBase.load(settings.knowledge_dir)
    load_rules(settings.knowledge_dir / "rules", kb)  # the whole knowledge dir is checked before a write
    threads = settings.embed_threads if "ASSISTANT_EMBED_THREADS" in os.environ else (os.cpu_count() or 1)
    report = build_index(settings.with_(embed_threads=threads), kb, progress=True)  # all cores for a build
    if not report.up_to_date:
        print(f"索引已建立：{report.chunks} 个检索单元，用时 {report.seconds:.1f} 秒。", flush=True)
    live = LiveAssistant(Assistant(settings, kb), settings)
    app = build_app(live, AnswerWorkers.for_page(settings))
    try:
        url = launch(app, host, port, settings)
    except OSError as exc:
        raise ConfigError(
            f"无法在 {host}:{port} 启动网页（{exc}）：端口可能已被占用，请用 --port 换一个。"
        ) from None
    print(f"申报指南问答助手已启动：{url}（Ctrl-C 退出）", flush=True)
    if block:
        app.block_thread()
    return app, url
