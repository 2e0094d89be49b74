"""Language-model answering (optional): prompts, backends, the writer and the verifier."""
