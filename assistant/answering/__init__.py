"""Answering: route a turn to the eligibility checker or the composer, and compose the reply."""
