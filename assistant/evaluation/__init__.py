"""Evaluation: a question set with gold clauses, key facts and expected decisions
(eval/testset.jsonl, schema in dataset.py), deterministic metrics (no judge model), named
configurations run side by side, and a report in Markdown and HTML.

    python -m assistant eval [--set FILE] [--config NAME ...] [--report DIR] [--json] [--limit N]

The library entry point is `assistant.evaluation.runner.evaluate(settings, set_path, configs)`.
"""
