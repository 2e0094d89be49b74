"""The clause browser's handlers (for bureau staff): pick a guide, walk its clause tree,
look a clause up by reference (the same references as the CLI `lookup`) or search clauses by
keyword or meaning, and copy the clause's reference or a link to it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import gradio as gr

from ..domain import Clause
from ..pipeline import Assistant, LiveAssistant
from ..question.references import resolve
from ..retrieval.lookup import LONG_LOOKUP, capped, describe
from ..retrieval.retriever import Retriever
from .text import clause_html, clause_link, error_html, esc, standing

SEARCH_MODES = {"关键词": "keyword", "语义": "dense", "混合": "hybrid"}
# Gradio's dropdowns filter their choices on a key press only: text pasted, or typed through an
# input method (Chinese is), was not filtered until the next key. After any entry the choices
# are filtered by what the box holds (by a key event that moves nothing).
FILTER_SCRIPT = """
<script>
(() => {
  const refilter = (event) => {
    const box = event.target;
    if (!(box instanceof HTMLInputElement) || box.getAttribute("role") !== "combobox") return;
    box.dispatchEvent(new KeyboardEvent("keydown", {key: "Unidentified", bubbles: true}));
  };
  document.addEventListener("input", refilter, true);
  document.addEventListener("compositionend", refilter, true);
})();
</script>
"""
TREE_INDENT = "　"
TREE_WIDTH = 36

# What showing a clause puts on the page: the clause, its reference, a link, and the data.
Shown = tuple[str, str, str, dict[str, Any]]


@dataclass
class BrowserHandlers:
    live: LiveAssistant

    @property
    def assistant(self) -> Assistant:
        return self.live.current

    _retrievers: dict[tuple[int, str], Retriever] = field(default_factory=dict)

    def retriever(self, assistant: Assistant, mode: str) -> Retriever:
        """The assistant's retriever for a search mode; each other mode's is built once per index."""
        if mode == assistant.settings.retrieval_mode:
            return assistant.retriever
        key = (id(assistant.index), mode)
        if key not in self._retrievers:
            self._retrievers.clear()  # a new index: the old ones go with the old assistant
            base = assistant.retriever
            self._retrievers[key] = Retriever(
                assistant.index, mode, assistant.settings.rrf_k, thesaurus=base.thesaurus
            )
        return self._retrievers[key]

    def guide_choices(self) -> list[tuple[str, str]]:
        today = self.assistant.settings.today()
        return [(f"{g.year} 《{g.title}》（{standing(g, today)}）", g.id) for g in self.assistant.kb.guides]

    def tree_choices(self, guide_id: str) -> list[tuple[str, str]]:
        """The guide's clauses in reading order, indented by depth: the tree to walk."""
        kb = self.assistant.kb
        if not guide_id:
            return []
        return [(_tree_label(c), c.id) for c in kb.guide_clauses(guide_id)]

    def show(self, clause_id: str | None, origin: str = "") -> Shown:
        """A clause with its label and path, its reference, a link to it, and its data."""
        kb = self.assistant.kb
        if not clause_id or not kb.has_clause(clause_id):
            return "", "", "", {}
        clause = kb.clause(clause_id)
        data = {"type": "clause", "results": [describe(kb, clause)]}
        return (
            clause_html(kb, clause, self.assistant.settings.today()),
            clause.ref,
            origin + clause_link(clause.id),
            data,
        )

    def lookup(self, text: str, mode_name: str) -> tuple[list[tuple[str, str]], dict[str, Any]]:
        """A reference resolves to its clause (or fails with a message); other text is a search
        by keyword, meaning, or both. Returns the matches (for a picker) and the data."""
        assistant = self.assistant
        kb = assistant.kb
        text, truncated = capped((text or "").strip())
        if truncated:
            gr.Warning(LONG_LOOKUP, title="提示")
        if not text:
            return [], {"type": "search", "results": []}
        clause = resolve(kb, text)  # UnknownReferenceError says what is wrong
        if clause is not None:
            return [_match_label(clause)], {"type": "clause", "results": [describe(kb, clause)]}
        retriever = self.retriever(assistant, SEARCH_MODES.get(mode_name, "hybrid"))
        hits = retriever.run(text, assistant.settings.top_k)
        clauses = list(dict.fromkeys(kb.clause(h.chunk.clause_id) for h in hits))
        clauses.sort(key=lambda c: not kb.guide(c.guide_id).is_current)  # the guides in force first
        return [_match_label(c) for c in clauses], {
            "type": "search",
            "results": [describe(kb, c) for c in clauses],
        }

    def focus(self, clause_id: str | None, request: gr.Request):
        """Show a clause, with the guide picker and the tree moved to it."""
        kb = self.assistant.kb
        if not clause_id or not kb.has_clause(clause_id):
            return gr.skip(), gr.skip(), *self.show(None)
        guide_id = kb.clause(clause_id).guide_id
        tree = gr.Dropdown(choices=self.tree_choices(guide_id), value=clause_id)
        return guide_id, tree, *self.show(clause_id, origin_of(getattr(request, "headers", None)))

    def find(self, text: str, mode_name: str, request: gr.Request):
        """Look up a reference or search; show the first match and list the others."""
        choices, found = self.lookup(text, mode_name)
        first_id = choices[0][1] if choices else None
        *moved, _ = self.focus(first_id, request)
        if not choices and (text or "").strip():
            moved[2] = error_html(f"没有找到与「{text}」相关的条款。")
        elif found.get("type") == "search" and choices:
            notice = f"「{text.strip()}」不是条款引用，以下是检索到的最相关条款（共{len(choices)}条，可在左侧切换）。"
            moved[2] = f'<div class="note search-note">{esc(notice)}</div>' + moved[2]
        return gr.Dropdown(choices=choices, value=first_id), *moved, found

    @staticmethod
    def error(message: str) -> Shown:
        return error_html(message), "", "", {"error": message}


def _tree_label(clause: Clause) -> str:
    depth = len(clause.path)
    first = (clause.text.splitlines() or [clause.title])[0] if clause.text else clause.title
    if depth == 0:
        first = f"{clause.title}（全文）"
    short = first if len(first) <= TREE_WIDTH else first[: TREE_WIDTH - 1] + "…"
    return TREE_INDENT * max(depth - 1, 0) + short


def _match_label(clause: Clause) -> tuple[str, str]:
    title = clause.title if len(clause.title) <= TREE_WIDTH else clause.title[: TREE_WIDTH - 1] + "…"
    return f"{clause.ref}｜{title}", clause.id


def origin_of(headers: Any) -> str:
    """The page's address as the browser sees it (for links people copy), from the request."""
    if headers is None:
        return ""
    host = headers.get("x-forwarded-host") or headers.get("host")
    scheme = headers.get("x-forwarded-proto") or "http"
    return f"{scheme}://{host}/" if host else ""


def build_browser_tab(handlers: BrowserHandlers, guarded) -> dict[str, Any]:
    """The clause-browser tab, inside a gr.Blocks. `guarded(fn, fallback)` turns library errors
    into a message in the page. Returns what the page's load event needs to open a clause."""
    c = _layout(handlers)
    focused = [c["guide"], c["tree"], c["view"], c["ref"], c["link"], c["data"]]
    failed = lambda m: (gr.skip(), gr.skip(), *handlers.error(m))  # noqa: E731
    focus = guarded(handlers.focus, failed)
    c["guide"].input(focus, [c["guide"]], focused, api_name="guide_tree")
    c["tree"].input(focus, [c["tree"]], focused, api_name="open_clause")
    c["matches"].input(focus, [c["matches"]], focused, api_visibility="private")
    gr.on(
        [c["find"].click, c["query"].submit],
        guarded(handlers.find, lambda m: (gr.Dropdown(choices=[], value=None), *failed(m))),
        [c["query"], c["mode"]],
        [c["matches"], *focused],
        api_name="lookup",
    )
    return {"focused": focused, "focus": handlers.focus}


def _layout(handlers: BrowserHandlers) -> dict[str, Any]:
    """Pickers and search on the left; the clause, its reference and its link on the right."""
    guides = handlers.guide_choices()
    first = next((g.id for g in handlers.assistant.kb.guides if g.is_current), guides[0][1])
    c: dict[str, Any] = {}
    with gr.Row():
        with gr.Column(scale=2):
            c["guide"] = gr.Dropdown(guides, value=first, label="指南", elem_id="guide")
            c["tree"] = gr.Dropdown(
                handlers.tree_choices(first), value=first, label="条款目录（可输入文字筛选）", elem_id="tree"
            )
            c["query"] = gr.Textbox(
                label="条款引用或关键词",
                placeholder="如「2024 保护示范区 三（二）1」，或「非正常专利申请撤回率」",
                elem_id="lookup-query",
            )
            with gr.Row():
                c["mode"] = gr.Radio(list(SEARCH_MODES), value="混合", label="检索方式", scale=3)
                c["find"] = gr.Button("查找", variant="primary", elem_id="lookup", scale=1)
            c["matches"] = gr.Dropdown([], label="查找结果", elem_id="matches")
        with gr.Column(scale=3):
            shown, reference, link, _ = handlers.show(first)  # the clause on screen, with its reference
            c["view"] = gr.HTML(shown, elem_id="clause-view")
            with gr.Row():
                c["ref"] = gr.Textbox(
                    reference,
                    label="条款引用（可复制，用于查找或引述）",
                    buttons=["copy"],
                    elem_id="clause-ref",
                )
                c["link"] = gr.Textbox(link, label="条款链接", buttons=["copy"], elem_id="clause-link")
    c["data"] = gr.JSON(visible=False)
    return c
