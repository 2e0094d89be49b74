"""Retrieval: keyword (BM25) and dense search fused, filtered by a scope; clause lookup."""
