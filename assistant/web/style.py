"""The page's stylesheet (kept in Python so that it ships with the package)."""

CSS = """
.title { font-size: 1.5rem; margin: 0.2rem 0 0.4rem; }
.guides { font-size: 0.9rem; color: var(--body-text-color-subdued); }
.guides table { margin-top: 0.4rem; font-size: 0.85rem; }
.guides td, .guides th { padding: 2px 8px; text-align: left; vertical-align: top; }
.mode { font-weight: 600; }
.panel-title { font-weight: 600; margin-top: 0.4rem; }
.verbatim { white-space: pre-wrap; background: var(--background-fill-secondary); border-radius: 6px;
  padding: 8px 10px; margin: 6px 0; line-height: 1.6; }
.sources details.source { border: 1px solid var(--border-color-primary); border-radius: 6px;
  padding: 6px 10px; margin-bottom: 6px; }
.sources summary { cursor: pointer; font-weight: 600; }
.sources.empty, .hint { color: var(--body-text-color-subdued); font-size: 0.9rem; }
.meta { font-size: 0.85rem; color: var(--body-text-color-subdued); margin: 4px 0; }
.warnings { list-style: none; padding: 8px 12px; margin: 0 0 6px; border-radius: 6px;
  background: #fff7e0; color: #7a4b00; border: 1px solid #f0c36d; }
.error, .damaged, .note { padding: 8px 12px; border-radius: 6px; background: #fdecea; color: #8a1c12;
  border: 1px solid #f5b5ae; margin-bottom: 6px; }
.note { background: #fff7e0; color: #7a4b00; border-color: #f0c36d; }
.decision { border: 2px solid #999; border-radius: 8px; padding: 10px 14px; margin-bottom: 8px; }
.decision.yes { border-color: #2e7d32; } .decision.no { border-color: #c62828; }
.decision.maybe { border-color: #ef8f00; }
.decision .card-title { font-size: 0.85rem; color: var(--body-text-color-subdued); }
.decision .verdict { font-size: 1.1rem; font-weight: 700; }
.decision.yes .verdict { color: #2e7d32; } .decision.no .verdict { color: #c62828; }
.decision.maybe .verdict { color: #b26a00; }
.decision .round { margin: 4px 0; } .decision .round.closed { color: #8a1c12; font-weight: 600; }
.conditions { list-style: none; padding-left: 0; }
.condition { margin: 8px 0; }
.condition .mark { display: inline-block; width: 1.4em; font-weight: 700; }
.condition.met .mark { color: #2e7d32; } .condition.not-met .mark { color: #c62828; }
.condition.unknown .mark { color: #b26a00; }
.condition .reason { margin-left: 1.4em; font-size: 0.92rem; }
.condition details { margin-left: 1.4em; font-size: 0.9rem; }
.followups, .missing { margin-top: 6px; }
#echo .echo-question { margin-left: auto; max-width: 80%; width: fit-content; padding: 8px 12px;
  border-radius: 8px; background: var(--color-accent-soft); white-space: pre-wrap; }
#echo .echo-waiting { text-align: right; font-size: 0.85rem; color: var(--body-text-color-subdued); }
a.cite { text-decoration: none; font-weight: 600; }
.source.flash { outline: 3px solid #f0c36d; }
.clause .guide { font-weight: 600; }
.clause .label { font-size: 1.15rem; font-weight: 700; margin: 4px 0; }
"""
# Printing the form's result prints it alone. In the page's head, not in CSS above: Gradio
# scopes that to its container (`body *` there matches nothing, and the whole page printed).
PRINT_STYLE = """
<style>
@media print {
  body *:not(:has(#form-result)):not(#form-result):not(#form-result *) { display: none !important; }
  #form-result .decision { border-width: 1px; }
  #form-result a.open-clause { display: none; }  /* a link is no use on paper */
}
</style>
"""
