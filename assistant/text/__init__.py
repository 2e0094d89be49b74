"""Chinese text shared by every step: normalising, jieba tokens, numerals, the thesaurus."""
