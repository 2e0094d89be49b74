"""Indexing: the clause tree cut into chunks, embedded into Chroma, tokenised for BM25."""
