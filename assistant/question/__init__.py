"""Understanding a question: intent, scope, clause references, the conversation."""
