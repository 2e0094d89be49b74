"""The eligibility form: pick a program and applicant type; the inputs are generated from the
rules data (`programs_dict`: each fact's plain-language question, type and unit); the checker
decides (`check`, which validates the facts with `validate_facts`), never the page."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import gradio as gr

from ..domain import with_round
from ..eligibility import Interval, check
from ..eligibility.facts import given_facts
from ..eligibility.render import programs_dict
from ..errors import FactsError
from ..pipeline import Assistant, LiveAssistant
from ..question.numbers import find_numbers, spoken_units, to_fact_unit
from .export import decision_markdown
from .keep import DOWNLOAD_JS, SHOW_JS
from .text import decision_html, error_html

UNKNOWN = "不清楚"
# Printing shows the result alone (style.py), each condition's clause opened.
PRINT_JS = "() => { document.querySelectorAll('#form-result details').forEach((d) => { d.open = true; }); window.print(); }"
YES_NO_CHOICES = ["是", "否", UNKNOWN]


@dataclass
class FormHandlers:
    live: LiveAssistant

    @property
    def assistant(self) -> Assistant:
        return self.live.current

    programs: list[dict[str, Any]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.programs = programs_dict(self.assistant.desk.rules)

    @property
    def rules(self):
        return self.assistant.desk.rules

    def program_choices(self) -> list[tuple[str, str]]:
        return [(p["name"], p["id"]) for p in self.programs]

    def type_choices(self, program_id: str | None) -> list[tuple[str, str]]:
        program = self._program(program_id)
        return [(t["name"], t["id"]) for t in program["applicant_types"]] if program else []

    def fields(self, program_id: str | None, type_id: str | None) -> list[dict[str, Any]]:
        """The facts the applicant type needs: key, question, type, unit, options."""
        program = self._program(program_id)
        for atype in program["applicant_types"] if program else []:
            if atype["id"] == type_id:
                return atype["facts"]
        return []

    def submit(self, program_id: str, type_id: str, facts: dict[str, Any]) -> tuple[str, dict[str, Any]]:
        """Check the facts; the decision as a card and as data. FactsError says what is wrong."""
        if not program_id or not type_id:
            raise FactsError("请先选择申报项目和申报主体类型。")
        rules = self.rules
        program = rules.program(program_id)
        atype = program.applicant_type(type_id)
        guide = self.assistant.kb.guide(program.guide_id)
        today = self.assistant.settings.today()
        decision = with_round(
            check(rules, program.id, atype.id, given_facts(rules, facts)).to_dict(), guide, today
        )
        return decision_html(self.assistant.kb, decision, (program.name, atype.name), today), decision

    def markdown(self, decision: dict[str, Any]) -> str:
        """The decision to keep, as Markdown, dated today."""
        program = self.rules.program(decision["program"])
        names = (program.name, program.applicant_type(decision["applicant_type"]).name)
        return decision_markdown(self.assistant.kb, decision, names, self.assistant.settings.today())

    def _program(self, program_id: str | None) -> dict[str, Any] | None:
        return next((p for p in self.programs if p["id"] == program_id), None)


def facts_from_form(specs: Sequence[dict[str, Any]], values: Sequence[Any]) -> dict[str, Any]:
    """The form's answers as a facts dict: 「不清楚」 and empty inputs are left out (unknown);
    a number is read as the chat reads one (「三」「8千万」「70到90」, in the fact's unit); the
    rest is passed as entered, for the checker to validate (「是」/「否」, options)."""
    facts: dict[str, Any] = {}
    for spec, value in zip(specs, values, strict=True):
        if value is None or str(value).strip() in ("", UNKNOWN):
            continue
        facts[spec["key"]] = form_number(spec, str(value)) if spec["type"] == "number" else value
    return facts


def form_number(spec: dict[str, Any], text: str) -> Interval | float:
    """One number typed in the form, in the fact's unit; FactsError in Chinese when it is no
    number, several, in another unit, or not a real figure (negative, a fraction of a count,
    beyond any applicant)."""
    shown, unit = text.strip()[:20], spec.get("unit")
    where = f"「{spec['question'].rstrip('？')}」"
    unreal = f"{where}收到「{shown}」，不像实际情况（负数、零点几个、或过大）：请核对后填写。"
    # A bare numeral (「三」) is read with the fact's unit after it, as a person means it.
    said = find_numbers(text.strip()) or find_numbers(f"{text.strip()}{unit or ''}")
    if not said:
        raise FactsError(f"{where}应填数字，收到「{shown}」：请填写如 12、三十、8千万 这样的数。")
    if any(s.suspect for s in said):
        raise FactsError(unreal)
    if len(said) > 1 and said[0].bound != "range":
        raise FactsError(f"{where}请只填一个数（或一个范围，如 70到90），收到「{shown}」。")
    value = to_fact_unit(said[0], unit)
    if value is None and said[0].unit not in spoken_units(unit):
        raise FactsError(f"{where}的单位应为{unit}，收到「{shown}」。")
    if value is None:
        raise FactsError(unreal)
    return value


def field_label(spec: dict[str, Any]) -> str:
    unit = spec.get("unit")
    return f"{spec['question']}（单位：{unit}）" if unit else spec["question"]


def build_form_tab(handlers: FormHandlers, guarded) -> None:
    """The eligibility-form tab, inside a gr.Blocks: the inputs are re-generated from the rules
    whenever the program or applicant type changes."""
    programs = handlers.program_choices()
    first = programs[0][1] if programs else None
    types = handlers.type_choices(first)
    with gr.Row():
        program = gr.Dropdown(programs, value=first, label="申报项目", elem_id="form-program", scale=3)
        atype = gr.Dropdown(
            types, value=types[0][1] if types else None, label="申报主体", elem_id="form-type"
        )
    gr.HTML('<div class="hint">按实际情况填写；不清楚的可以不填，结果会说明还缺哪些信息。</div>')
    with gr.Row():
        with gr.Column(scale=3):
            form_area = gr.Column()
        with gr.Column(scale=2):
            result = gr.HTML(elem_id="form-result")
            with gr.Row():
                download = gr.Button("下载核对结果（.md 文本）", size="sm", elem_id="form-download")
                printing = gr.Button("打印核对结果", size="sm", elem_id="form-print")
    data = gr.JSON(visible=False)
    kept = gr.Textbox(visible=False, elem_id="kept-decision")
    download.click(None, [kept], js=DOWNLOAD_JS % "申报条件核对结果.md")
    printing.click(None, js=PRINT_JS)
    # The (program, type) the form is generated for: set only once both are known, so the form
    # never renders a new program with the old program's applicant type.
    chosen = gr.State((first, types[0][1] if types else None))

    def pick_program(program_id: str):
        choices = handlers.type_choices(program_id)
        type_id = choices[0][1] if choices else None
        return gr.Dropdown(choices=choices, value=type_id), (program_id, type_id), "", "", {}

    def pick_type(program_id: str, type_id: str):
        return (program_id, type_id), "", "", {}

    program.input(pick_program, [program], [atype, chosen, result, kept, data], api_visibility="private")
    atype.input(pick_type, [program, atype], [chosen, result, kept, data], api_visibility="private")
    with form_area:
        _render_form(handlers, guarded, chosen, [result, kept, data])

    _api(handlers, guarded)


def _api(handlers: FormHandlers, guarded) -> None:
    """`/check_eligibility` for API clients: what the form submits, with facts as a dict."""

    def check_eligibility(program: str, applicant_type: str, facts: dict) -> dict:
        """Check one program for one applicant type; facts as `check --facts` takes them."""
        card, decision = guarded(handlers.submit, lambda m: ("", {"error": m}))(
            program, applicant_type, facts
        )
        return decision if "error" in decision else {"decision": decision, "html": card}

    gr.api(check_eligibility, api_name="check_eligibility")


def _render_form(handlers: FormHandlers, guarded, chosen, outputs) -> None:
    @gr.render(inputs=[chosen])
    def facts_form(selected: tuple[str | None, str | None]) -> None:
        program_id, type_id = selected
        specs = handlers.fields(program_id, type_id)
        if not specs:
            gr.HTML('<div class="hint">请选择申报项目和申报主体。</div>')
            return
        inputs = [_fact_input(spec) for spec in specs]
        submit = gr.Button("核对申报条件", variant="primary", elem_id="form-submit")

        def on_submit(*values: Any) -> tuple[str, str, dict[str, Any]]:
            card, decision = handlers.submit(program_id or "", type_id or "", facts_from_form(specs, values))
            return card, handlers.markdown(decision), decision

        failed = lambda m: (error_html(m), "", {"error": m})  # noqa: E731
        submit.click(guarded(on_submit, failed), inputs, outputs, api_visibility="private").then(
            None, js=SHOW_JS % "#form-result .verdict"
        )


def _fact_input(spec: dict[str, Any]):
    """One typed input: 是/否/不清楚 for yes-no facts, a number with its unit, or a choice."""
    common = {
        "label": field_label(spec),
        "elem_id": f"fact-{spec['key']}",
        "key": spec["key"],
        "interactive": True,
    }
    if spec["type"] == "yes_no":
        return gr.Radio(YES_NO_CHOICES, value=UNKNOWN, **common)
    if spec["type"] == "choice":
        return gr.Dropdown([UNKNOWN, *spec.get("options", [])], value=UNKNOWN, **common)
    # Text, not a number box: 「三」「8千万」 are read as the chat reads them, and anything else
    # gets a message in Chinese (a browser's number box drops letters silently).
    unit = spec.get("unit") or ""
    return gr.Textbox(value="", placeholder=f"填数字，如 12{unit}；不清楚可不填", max_length=40, **common)
